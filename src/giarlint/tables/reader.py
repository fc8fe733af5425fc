"""Read tables 二, 三 and 四 from their token streams into canonical keys, with one verdict each.

Labels first, then values: the template's rows are placed on the stream (`anchors`), the
tokens between two placed labels are fitted to the row's width (`fitting`). Both formats are
tried for tables 二 and 三 and the better reading kept. A row that cannot be fitted is unread,
with its reason; a table is `read` (every row read; up to three rows may be missing, which is
the report's defect), `partial` or `unreadable`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from operator import attrgetter
from typing import NamedTuple

from giarlint.messages import Localized
from giarlint.tables.anchors import Anchor, Lane, lane, place
from giarlint.tables.fitting import Fit, Identity, Reason, UnreadRow, fit
from giarlint.tables.identities import (
    confirm_by_columns,
    read_by_columns,
    values_printed_apart,
)
from giarlint.tables.templates import Label, Templates, format_for_year, table3_rows_of
from giarlint.tables.tokens import BLANK_CELL, VALUE, WORD, Token
from giarlint.tables.values import NUMBER, Value, classify, values_of
from giarlint.tree import Cell, Document, Span, Table

TABLE_KEYS = ("table2", "table3", "table4")
READ, PARTIAL, UNREADABLE = "read", "partial", "unreadable"
MAX_MISSING = 3  # more rows missing than this: the layout, not the report, is the likelier cause


class Reading(NamedTuple):
    """How a table was read: the verdict, the layout recognised, the rows not read."""

    verdict: str
    layout: str
    unread: tuple[UnreadRow, ...] = ()
    missing: tuple[UnreadRow, ...] = ()  # rows whose label is absent from a table otherwise read
    misspelt: tuple[tuple[str, Cell], ...] = ()  # rows found by a label only like the template's: (key, label)
    by_identity: tuple[str, ...] = ()  # rows placed by the table's own identities (digits run together,
    # labels apart from their numbers): those identities prove nothing about them

    def as_json(self) -> dict:
        return {
            "verdict": self.verdict,
            "layout": self.layout,
            "unread": [{"row": u.row, "reason": u.reason.value, "found": u.found, "expected": u.width}
                       for u in self.unread],
            "missing": [u.row for u in self.missing],
            "misspelt": [key for key, _ in self.misspelt],
            "by_identity": list(self.by_identity),
        }


@dataclass(slots=True)
class TableData:
    """One interpreted table: ``values[row][column]`` (table 四: ``values[group][column]``)."""

    name: str
    format: str | None
    values: dict[str, dict[str, Value]]
    span: Span
    reading: Reading
    row_labels: dict[str, Cell] = field(default_factory=dict)
    header: list[Cell] = field(default_factory=list)

    @property
    def row_order(self) -> list[str]:
        return list(self.row_labels)

    @property
    def read(self) -> bool:
        return self.reading.verdict == READ

    def value(self, row: str, column: str) -> Value | None:
        return self.values.get(row, {}).get(column)

    def cell_count(self) -> int:
        return sum(len(columns) for columns in self.values.values())

    def as_json(self) -> dict:
        return {row: {col: v.as_json() for col, v in cols.items()} for row, cols in self.values.items()}


def _cell(token: Token) -> Cell:
    return Cell(token.text, token.line, token.begin)


class _Rows(NamedTuple):
    """The outcome of reading a run of template rows from a stream."""

    values: dict
    labels: dict
    unread: list
    missing: list
    misspelt: list
    by_identity: dict  # row key -> the ways its values satisfy the row's identity
    header: list
    score: int


def _label_start(tokens: list[Token], anchor: Anchor, floor: int) -> int:
    """The first token of the label run holding the anchor (its words printed before the
    matched ones, e.g. a wrapped label), never before `floor` (the previous row's label) nor
    onto a cell of that label's line (a text value of that row)."""
    start = anchor.token
    while start - 1 > floor and tokens[start - 1].kind == WORD:
        previous = tokens[start - 1]
        if floor >= 0 and previous.separated and previous.line == tokens[floor].line:
            break
        start -= 1
    return start


def _read_rows(tokens: list[Token], words: Lane, rows: list[Label], widths: list[int], columns: list[list[str]],
               threshold: float, one_per_line: bool, identity: Identity | None = None) -> _Rows:
    """`columns`: the column keys of each row."""
    anchors = place(tuple(rows), tokens, threshold, words)
    starts = []
    floor = -1
    for anchor in anchors:
        starts.append(_label_start(tokens, anchor, floor))
        floor = anchor.token
    out = _Rows({}, {}, [], [], [], {}, [], 0)
    first_line = tokens[anchors[0].token].line if anchors else None
    for t in tokens:  # the words above the first label (tokens are in line order)
        if first_line is not None and t.line >= first_line:
            break
        if t.kind == WORD:
            out.header.append(_cell(t))
    fits: dict[int, Fit] = {}
    for number, anchor in enumerate(anchors):
        hi = starts[number + 1] if number + 1 < len(anchors) else len(tokens)
        fits[number] = fit(tokens, anchor.token + 1, hi, widths[anchor.row], tokens[anchor.token], identity, one_per_line)
    _place_blanks_by_cell_position(tokens, anchors, starts, fits, widths)
    _doubt_before_missing(tokens, anchors, fits)
    _doubt_blank_after_full(fits)
    _doubt_displaced(tokens, anchors, starts, fits, widths)
    if identity:
        values_printed_apart(tokens, anchors, fits, widths, identity)
    for number, anchor in enumerate(anchors):
        row, token, result = rows[anchor.row], tokens[anchor.token], fits[number]
        out.labels[row.key] = _cell(token)
        if anchor.similar:
            out.misspelt.append((row.key, _cell(token)))
        if result.values is None:
            out.unread.append(UnreadRow(row.key, _name(row), result.reason, token.span, result.found, widths[anchor.row]))
            continue
        keys = columns[anchor.row]
        out.values[row.key] = values_of(keys, result.values)
        if result.glued:
            out.by_identity[row.key] = tuple(values_of(keys, choice) for choice in result.choices or (result.values,))
    placed = {a.row for a in anchors}
    for index, row in enumerate(rows):
        if index not in placed:
            span = tokens[0].span if tokens else Span(1, 1, 1, 1)
            out.missing.append(UnreadRow(row.key, _name(row), Reason.NOT_FOUND, span, 0, widths[index]))
    score = len(out.values) * 2 - len(out.unread) - len(out.missing)
    return out._replace(score=score)


def _doubt_displaced(tokens, anchors, starts, fits, widths) -> None:
    """Two rows' worth of values under one label, and the next row's label found with a full row
    of values after it: the values are not where their labels are (PyMuPDF's blocks of
    LibreOffice's PDF, sorted by position, print a row's values before the row above's, and
    every row after then reads its neighbour's). Which values are whose cannot be known, so no
    row of the table is read. Only text without separators, and only values under the label
    once they begin: a word among them is a row the template does not know (its values are the
    extra ones), and a line of cells keeps its own label. (Where the next row has no values left, its values went
    to the row before, and only those two are unread; where its label is not found, the row
    before took its values: `_doubt_before_missing`.) Rows of a few cells (table 二) are left
    out: a text and a number in a one-value row is no such sign."""
    for number, anchor in enumerate(anchors[:-1]):
        result, width, following = fits[number], widths[anchor.row], anchors[number + 1]
        if (width >= 4 and result.reason is Reason.TOO_MANY and result.found >= 2 * width - 1
                and following.row == anchor.row + 1 and fits[number + 1].values is not None
                and fits[number + 1].found == widths[following.row] and not tokens[anchor.token].separated
                and not _word_after_values(tokens[anchor.token + 1 : starts[number + 1]])):
            for other in fits:
                fits[other] = Fit(None, Reason.OUT_OF_ORDER, fits[other].found)
            return


def _word_after_values(between: list[Token]) -> bool:
    """Whether a word follows the first value (a label's own second line comes before them)."""
    first = next((i for i, t in enumerate(between) if t.kind == VALUE), len(between))
    return any(t.kind == WORD for t in between[first:])


def _doubt_blank_after_full(fits) -> None:
    """A row read as all blank cells right after a row with too many: its values may be the
    ones the row before took (a wrapped label whose key word is on its second line, beside
    blank cells): not read."""
    for number in range(1, len(fits)):
        result, before = fits[number], fits[number - 1]
        if (result.values is not None and before.reason is Reason.TOO_MANY
                and all(t.kind == BLANK_CELL for t in result.values)):
            fits[number] = Fit(None, Reason.AMBIGUOUS, result.found)


def _doubt_before_missing(tokens, anchors, fits) -> None:
    """A row followed by a row whose label was not found may have taken that row's values (its
    own lost in the rendering, the next label misspelt beyond recognition): keep it only if its
    values are on its label's line, or follow the label with no word between."""
    for number, anchor in enumerate(anchors[:-1]):
        result = fits[number]
        if result.values is None or anchors[number + 1].row == anchor.row + 1:
            continue
        label = tokens[anchor.token]
        if all(t.line == label.line for t in result.values):
            continue
        first = result.values[0].span
        if any(t.kind == WORD and t.span < first for t in tokens[anchor.token + 1 :]):
            fits[number] = Fit(None, Reason.AMBIGUOUS, result.found)


def _place_blanks_by_cell_position(tokens, anchors, starts, fits, widths) -> None:
    """Rows of cells whose blanks could stand in several columns, placed by the column where
    the table's complete rows of cells have their first value (the same in all of them)."""
    ambiguous = [n for n, f in fits.items() if f.reason is Reason.AMBIGUOUS]
    if not ambiguous:
        return
    relative, absolute, complete = set(), set(), 0
    for number, result in fits.items():
        anchor = tokens[anchors[number].token]
        if result.values is None or not all(t.separated and t.line == anchor.line for t in result.values):
            continue
        complete += 1
        relative.add(result.values[0].column - anchor.column)
        absolute.add(result.values[0].column)
    if complete < 3:
        return
    for number in ambiguous:
        anchor = tokens[anchors[number].token]
        if not anchor.separated:
            continue
        if len(relative) == 1:
            start = anchor.column + next(iter(relative))
        elif len(absolute) == 1:
            start = next(iter(absolute))
        else:
            return
        width = widths[anchors[number].row]
        hi = starts[number + 1] if number + 1 < len(anchors) else len(tokens)
        after = tokens[anchors[number].token + 1 : hi]
        window = [t for t in after if t.line == anchor.line and t.separated and start <= t.column < start + width]
        stray = [t for t in after if t.kind == VALUE and t not in window]
        if len(window) == width and not stray:
            fits[number] = Fit(window, found=fits[number].found)


def _name(row: Label) -> Localized:
    return row.name()


class _Printed(NamedTuple):
    """A table's value tokens, the number of lines holding them and how many are cells between
    separators: what tells its layout."""

    values: list[Token]
    lines: int
    separated: int


def _printed(tokens: list[Token]) -> _Printed:
    values = [t for t in tokens if t.kind == VALUE]
    return _Printed(values, len(set(map(_LINE, values))), sum(map(_SEPARATED, values)))  # (counted in C)


_LINE, _SEPARATED = attrgetter("line"), attrgetter("separated")


def _layout(table: Table, printed: _Printed) -> str:
    """A name for the layout the values were printed in."""
    values = printed.values
    if not values:
        return "no-values"
    if printed.separated * 2 >= len(values):
        text = "\n".join(table.lines)
        if "│" in text or "┃" in text:
            return "box"
        if "\t" in text:
            return "tab"
        per_line = len(values) / max(1, printed.lines)
        return "cells" if per_line >= 2 else "cell-per-line"
    if any(t.fused for t in values):
        return "glued"
    per_line = len(values) / max(1, printed.lines)
    return "aligned" if per_line >= 2 else "one-per-line"


def _one_per_line(printed: _Printed) -> bool:
    return bool(printed.values) and printed.lines * 5 >= len(printed.values) * 4


def _verdict(rows: _Rows, layout: str) -> tuple[Reading, dict]:
    unread, missing = list(rows.unread), list(rows.missing)
    if missing and (unread or len(missing) > MAX_MISSING):
        unread, missing = unread + missing, []
    if not rows.values:
        verdict = UNREADABLE
    elif unread:
        verdict = PARTIAL
    else:
        verdict = READ
    return Reading(verdict, layout, tuple(unread), tuple(missing), tuple(rows.misspelt), tuple(rows.by_identity)), \
        rows.values


def read_table3(table: Table, templates: Templates, year: int | None) -> TableData:
    tokens, words, printed = table.tokens, lane(table.tokens), _printed(table.tokens)
    one = _one_per_line(printed)
    width = len(templates.table3_columns)
    ids = templates.table3_identities["row_total"]
    keys = [c.key for c in templates.table3_columns]
    identity = [(keys.index(ids["total"]), [keys.index(p) for p in ids["parts"]])]
    results = {}
    for format_name in _format_order(year):
        rows = table3_rows_of(templates.table3_rows, format_name)
        results[format_name] = result = _read_rows(tokens, words, rows, [width] * len(rows),
                                                   [keys] * len(rows), templates.similarity["table3"],
                                                   one, identity)
        if not result.unread and not result.missing:
            break  # every row of this format read: the other format cannot do better
    format_name = max(results, key=lambda name: (_own_rows_found(templates, name, results[name]), results[name].score))
    rows = results[format_name]
    distinct = [k for k in rows.labels if k == "other" or k.startswith("other.")]
    if not distinct and year is not None and year >= 2019:
        format_name = format_for_year(year)  # no （六） row tells: the year does
        rows = results[format_name]
    elif not distinct:  # nothing tells the format: only rows both formats have can be missing
        common = {r.key for r in table3_rows_of(templates.table3_rows, "2019")} & {
            r.key for r in table3_rows_of(templates.table3_rows, "2021")}
        rows = rows._replace(missing=[m for m in rows.missing if m.row in common])
    layout = _layout(table, printed)
    if rows.unread:
        for name, result in results.items():
            by_columns = None if result.missing else read_by_columns(
                tokens, table3_rows_of(templates.table3_rows, name), list(templates.table3_columns), result, identity)
            if by_columns is not None:
                format_name, rows, layout = name, by_columns, "columns"
                break
    rows = confirm_by_columns(rows, templates, format_name)
    reading, values = _verdict(rows, layout)
    return TableData("table3", format_name if distinct else None, values, table.span, reading, rows.labels, rows.header)


def _own_rows_found(templates: Templates, format_name: str, result: _Rows) -> int:
    """How many rows only this format has were found by their labels: a 2021 table shows its
    （六） leaves. (The 2019 （六）其他处理 row is no evidence: it is the 2021 group's label. Nor is
    a label found only by its likeness: （六）其他处 wrapped in its cell is like 3.其他.)"""
    own = {row.key for row in templates.table3_rows if row.key and row.formats == (format_name,)}
    alike = {key for key, _ in result.misspelt}
    return sum(key in own and key not in alike for key in result.labels)


def _format_order(year: int | None) -> tuple[str, str]:
    if year is not None and year >= 2019 and format_for_year(year) == "2019":
        return ("2019", "2021")
    return ("2021", "2019")


def read_table2(table: Table, templates: Templates, year: int | None) -> TableData:
    tokens, words, printed = table.tokens, lane(table.tokens), _printed(table.tokens)
    one = _one_per_line(printed)
    best = None
    for format_name in _format_order(year):
        spec = templates.table2.get(format_name)
        if spec is None:
            continue
        rows = [row for block in spec.blocks for row in block.rows]
        widths = [len(block.columns) for block in spec.blocks for _ in block.rows]
        columns = []  # the column keys of each row
        for block in spec.blocks:
            columns += [[c.key for c in block.columns]] * len(block.rows)
        result = _read_rows(tokens, words, rows, widths, columns, templates.similarity["table2"], one)
        words_found = sum(word in words.text for word in spec.discriminators)
        score = (words_found, result.score)  # its own column headers first: cells repeated by a
        # merged cell (python-docx) can fill the other format's wider rows
        if best is None or score > best[2]:
            best = (format_name, result, score)
        if not result.unread and not result.missing and words_found:
            break  # read whole, and its own column words are there
    format_name, rows, score = best
    reading, values = _verdict(rows, _layout(table, printed))
    by_words = score[0] > 0
    return TableData("table2", format_name if by_words else None, values, table.span, reading, rows.labels,
                     [_cell(tokens[i]) for i in words.tokens])


def read_table4(table: Table, templates: Templates, year: int | None) -> TableData:
    """The 15 values after the header (which holds no digits), in three groups of five."""
    tokens, printed = table.tokens, _printed(table.tokens)
    groups, columns = templates.table4_groups, templates.table4_columns
    width = len(columns)
    first_word = next((i for i, t in enumerate(tokens) if t.kind == WORD), -1)
    ids = templates.table4_identities["group_total"]
    keys = [c.key for c in columns]
    identity = [(g * width + keys.index(ids["total"]), [g * width + keys.index(p) for p in ids["parts"]])
                for g in range(len(groups))]
    # a glued run is read only when all its digits are 0 (below): with any other value there, the
    # search of its splits (thousands of ways for 15 cells) could not change the answer
    if any(t.text.strip("0") for t in tokens[first_word + 1 :] if t.kind == VALUE):
        identity = None
    result = fit(tokens, first_word + 1, len(tokens), templates.table4_value_count, None, identity,
                 _one_per_line(printed), blank_lines=False)
    header = [_cell(t) for t in tokens if t.kind == WORD]
    layout = _layout(table, printed)
    if result.glued and any(t.text != "0" for t in result.values):
        # table 四 has no identity across its groups to confirm a split: only a run of zeros
        # (which no lost blank cell can explain) is read
        result = Fit(None, Reason.GLUED, result.found)
    if result.values is None:
        span = next((t.span for t in tokens[first_word + 1 :] if t.kind == VALUE), table.span)
        unread = UnreadRow("*", Localized("表四", "table 4"), result.reason, span, result.found,
                           templates.table4_value_count)
        return TableData("table4", None, {}, table.span, Reading(UNREADABLE, layout, (unread,)), {}, header)
    if layout not in DELIMITED and _out_of_order(result.values, width, keys.index(ids["total"])):
        unread = UnreadRow("*", Localized("表四", "table 4"), Reason.OUT_OF_ORDER, result.values[0].span,
                           len(result.values), templates.table4_value_count)
        return TableData("table4", None, {}, table.span, Reading(UNREADABLE, layout, (unread,)), {}, header)
    values = {group.key: values_of(keys, result.values[n * width : (n + 1) * width]) for n, group in enumerate(groups)}
    by_identity = tuple(g.key for g in groups) if result.glued else ()
    return TableData("table4", None, values, table.span, Reading(READ, layout, (), (), (), by_identity), {}, header)


DELIMITED = ("cells", "tab", "box", "cell-per-line")


def _out_of_order(values: list, width: int, total: int) -> bool:
    """Whether a group of table 四 fails its sum as printed but another of its values is the sum
    of the rest: text whose order a tool made up (a page's columns read out of order) may print a
    group's total first. Delimited cells keep their order; there a failed sum is the report's (GIA204)."""
    for start in range(0, len(values), width):
        cells = [classify(token.text) for token in values[start : start + width]]
        numbers = [number if kind == NUMBER else None for kind, number in cells]
        if None in numbers:
            continue
        whole = sum(numbers)
        if 2 * numbers[total] != whole and any(2 * n == whole for k, n in enumerate(numbers) if k != total):
            return True
    return False


def wrong_cell_count(table: TableData) -> bool:
    """Whether table 四 was not read only because its delimited cells are not 15: then the
    count is the report's defect (GIA111), not the reader's doubt (GIA003). In space-aligned
    text a blank cell leaves no trace, so there a wrong count stays GIA003."""
    unread = table.reading.unread
    return (table.name == "table4" and table.reading.verdict == UNREADABLE and table.reading.layout in DELIMITED
            and len(unread) == 1 and unread[0].reason in (Reason.TOO_FEW, Reason.TOO_MANY))


_READERS = {"table2": read_table2, "table3": read_table3, "table4": read_table4}


def read_tables(document: Document, templates: Templates, year: int | None) -> dict[str, TableData]:
    """Read every table the locator found (the first of each kind)."""
    out: dict[str, TableData] = {}
    for table in document.tables():
        if table.kind in _READERS and table.kind not in out:
            out[table.kind] = _READERS[table.kind](table, templates, year)
    return out
