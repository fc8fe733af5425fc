"""Interpret the tables of a `Document` into canonical keys.

Every layout reaches this module as a stream of cells in reading order; rows are found by
their labels (from the templates), values are the cells that follow a label. Whatever cannot
be read with certainty becomes a `Problem`, never a guess.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from giarlint import patterns
from giarlint.assemble import chinese_numeral
from giarlint.cellstream import AmbiguousRow, CellStream
from giarlint.normalize import fold, has_cjk
from giarlint.templates import Label, Templates, format_for_year, strip_ordinal
from giarlint.tree import Cell, Document, Span, Table
from giarlint.values import Value, is_value_like, read_value

_CAPTION = patterns.compile(r"第二十条第?\(?([一二三四五六七八九十]+)\)?项?")
TABLE_KEYS = ("table2", "table3", "table4")


class Problem(NamedTuple):
    """Why (part of) a table could not be read. `reason` names a message in the catalogue."""

    reason: str
    span: Span
    args: dict = {}  # the default is shared: never change it in place


@dataclass(slots=True)
class TableData:
    """One interpreted table: ``values[row][column]`` (table 四: ``values[group][column]``)."""

    name: str
    format: str | None
    values: dict[str, dict[str, Value]]
    span: Span
    row_labels: dict[str, Cell] = field(default_factory=dict)
    header: list[Cell] = field(default_factory=list)
    row_order: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def value(self, row: str, column: str) -> Value | None:
        return self.values.get(row, {}).get(column)

    def cell_count(self) -> int:
        return sum(len(columns) for columns in self.values.values())

    def as_json(self) -> dict:
        return {row: {col: v.as_json() for col, v in cols.items()} for row, cols in self.values.items()}


def classify(table: Table, section_ordinal: int | None) -> str | None:
    """Which of tables 二, 三, 四 a table region holds, from its words, else from its section."""
    folded = [fold(c.text) for c in table.cells()[:80]]
    joined = "|".join(folded)
    if sum(word in joined for word in ("本年新收", "上年结转", "予以公开", "不予公开", "无法提供", "结转下年度")) >= 3:
        return "table3"
    if "第二十条" in joined or sum(w in joined for w in ("规章", "行政许可", "行政处罚", "行政事业性收费")) >= 2:
        return "table2"
    if "行政复议" in joined and "行政诉讼" in joined:
        return "table4"
    return {2: "table2", 3: "table3", 4: "table4"}.get(section_ordinal or 0)


class _Table3Reader:
    """Rows by label; after a leaf label the next seven cells are its values."""

    def __init__(self, templates: Templates, stream: CellStream, span: Span):
        self.rows = templates.table3_rows
        self.matcher = _row_matcher(self.rows)
        self.width = len(templates.table3_columns)
        self.columns = templates.table3_columns
        self.stream = stream
        self.data = TableData("table3", None, {}, span)

    def match(self, index: int, group: str | None, in_header: bool) -> Label | None:
        return self.matcher(self.stream.folded[index], group, in_header)

    def read(self) -> TableData:
        data, stream, cells = self.data, self.stream, self.stream.cells
        group: str | None = None
        in_header = True
        saw_2019_other = saw_2021_other = False
        index = 0
        while index < len(stream):
            if not cells[index].text:
                index += 1
                continue
            row = self.match(index, group, in_header)
            if row is None:
                if in_header:
                    data.header.append(cells[index])
                else:
                    data.problems.append(Problem("unexpected_cell", cells[index].span, {"text": cells[index].text}))
                index += 1
                continue
            in_header = False
            if row.group is not None:
                group = row.group
                following = next((i for i in range(index + 1, len(stream)) if cells[i].text), None)
                values_follow = following is not None and self.match(following, group, False) is None
                if not (row.leaf_in and values_follow):
                    index += 1
                    continue
                saw_2019_other = True  # （六）其他处理 with its own numbers: the 2019 form
            elif row.group_of is None:
                group = None
            saw_2021_other = saw_2021_other or (row.key or "").startswith("other.")
            current = group
            is_label = lambda i: self.match(i, current, False) is not None  # noqa: E731
            try:
                values, next_index = stream.values_after(index, self.width, is_label)
            except AmbiguousRow:
                data.problems.append(Problem("ambiguous_row", cells[index].span, {"row": row.short}))
                values, next_index = [], stream.row_end(index)
                data.row_labels.setdefault(row.key or "", cells[index])
                data.row_order.append(row.key or "")
                index = next_index
                continue
            self._store(row, cells[index], values)
            index = next_index
        if saw_2019_other or saw_2021_other:
            data.format = "2019" if saw_2019_other and not saw_2021_other else "2021"
        self._report_missing()
        return data

    def _store(self, row: Label, label: Cell, values: list[Cell]) -> None:
        data = self.data
        key = row.key or ""
        if key in data.row_labels:
            data.problems.append(Problem("repeated_row", label.span, {"row": row.short}))
            return
        data.row_labels[key] = label
        data.row_order.append(key)
        if len(values) < self.width:
            data.problems.append(
                Problem("short_row", label.span, {"row": row.short, "found": len(values), "expected": self.width})
            )
            return
        data.values[key] = {col.key: read_value(cell) for col, cell in zip(self.columns, values)}

    def _report_missing(self) -> None:
        data = self.data
        if not data.row_labels:
            data.problems.append(Problem("no_rows", data.span, {"table": "表三"}))
            return
        for row in expected_table3_rows(self.rows, data.format):
            if row.key not in data.row_labels:
                data.problems.append(Problem("missing_row", data.span, {"row": row.short}))


class _RowMatcher:
    """Which table-三 row a folded cell names, preferring rows of the current group.

    Answers are memoised per template: reports repeat the same labels and value texts."""

    def __init__(self, rows: tuple[Label, ...]):
        self.rows = rows
        self._memo: dict[tuple[str, str | None, bool], Label | None] = {}

    def __call__(self, folded: str, group: str | None, in_header: bool) -> Label | None:
        key = (folded, group, in_header)
        if key not in self._memo:
            if len(self._memo) > 16384:
                self._memo.clear()
            self._memo[key] = self._find(folded, group, in_header)
        return self._memo[key]

    def _find(self, folded: str, group: str | None, in_header: bool) -> Label | None:
        body, has_ordinal = strip_ordinal(folded)
        if not has_cjk(body):
            return None
        found = [r for r in self.rows if r.matches(body) and (has_ordinal or not (in_header and r.needs_ordinal()))]
        if not found:
            return None
        in_group = [r for r in found if group is not None and r.group_of == group]
        top_level = [r for r in found if r.group_of is None]
        return (in_group or top_level or found)[0]


_MATCHERS: dict[int, _RowMatcher] = {}


def _row_matcher(rows: tuple[Label, ...]) -> _RowMatcher:
    matcher = _MATCHERS.get(id(rows))
    if matcher is None or matcher.rows is not rows:
        matcher = _MATCHERS[id(rows)] = _RowMatcher(rows)
    return matcher


def expected_table3_rows(rows: tuple[Label, ...], format_name: str | None) -> list[Label]:
    """The data rows of table 三 in a format (25 in 2021, 23 in 2019)."""
    out = []
    for row in rows:
        if not row.key:
            continue
        if row.group is not None:  # （六）其他处理 is a row only where it is a leaf
            if format_name in row.leaf_in:
                out.append(row)
            continue
        if row.formats and format_name is not None and format_name not in row.formats:
            continue
        if row.formats and format_name is None:
            continue
        out.append(row)
    return out


def _table2_format(templates: Templates, folded: list[str], year: int | None) -> tuple[str, bool]:
    """The table-二 template whose words the cells use, and whether the words decided it
    (else the report year does)."""
    joined = "|".join(folded)
    scores = {name: sum(word in joined for word in fmt.discriminators) for name, fmt in templates.table2.items()}
    if any(scores.values()):
        return max(scores, key=lambda name: scores[name]), True
    return (format_for_year(year) if year is not None and year >= 2019 else "2021"), False


class _Table2Reader:
    """Blocks by their 第二十条第（X）项 caption; in a block, rows by label and their values."""

    def __init__(self, templates: Templates, stream: CellStream, span: Span, year: int | None):
        self.stream = stream
        format_name, by_words = _table2_format(templates, stream.folded, year)
        self.fmt = templates.table2[format_name]
        self.data = TableData("table2", format_name if by_words else None, {}, span)
        self.block = None  # the block of the last caption
        self.seen: set[tuple[int, str]] = set()

    def caption(self, index: int) -> int | None:
        match = _CAPTION.search(self.stream.folded[index])
        return chinese_numeral(match.group(1)) if match else None

    def row_at(self, index: int):
        """(block, row) named by the cell, in the current block (any block before a caption)."""
        body, _ = strip_ordinal(self.stream.folded[index])
        for candidate in [self.block] if self.block is not None else self.fmt.blocks:
            for row in candidate.rows:
                if row.matches(body):
                    return candidate, row
        return None

    def is_label(self, index: int) -> bool:
        return self.caption(index) is not None or self.row_at(index) is not None

    def read(self) -> TableData:
        cells, index = self.stream.cells, 0
        while index < len(cells):
            cell = cells[index]
            item = self.caption(index) if cell.text else None
            found = self.row_at(index) if cell.text and item is None else None
            if item is not None:
                self.block = next((b for b in self.fmt.blocks if b.item == item), None)
                if self.block is None:
                    self.data.problems.append(Problem("unknown_block", cell.span, {"text": cell.text}))
            elif found is None:
                if cell.text and self.data.row_order and is_value_like(cell.text):
                    # a number among the rows fits no column: say so, never drop it silently
                    self.data.problems.append(Problem("unexpected_cell", cell.span, {"text": cell.text}))
                elif cell.text:
                    self.data.header.append(cell)
            else:
                index = self._read_row(index, *found)
                continue
            index += 1
        self._report_missing()
        return self.data

    def _read_row(self, index: int, block, row: Label) -> int:
        data, label, width = self.data, self.stream.cells[index], len(block.columns)
        try:
            values, next_index = self.stream.values_after(index, width, self.is_label)
        except AmbiguousRow:
            data.problems.append(Problem("ambiguous_row", label.span, {"row": row.label}))
            values, next_index = None, self.stream.row_end(index)
        ident = (block.item, row.key or "")
        if values is None:
            pass
        elif ident in self.seen:
            data.problems.append(Problem("repeated_row", label.span, {"row": row.label}))
        elif len(values) < width:
            data.problems.append(
                Problem("short_row", label.span, {"row": row.label, "found": len(values), "expected": width})
            )
        else:
            data.values[row.key or ""] = {col.key or "": read_value(c) for col, c in zip(block.columns, values)}
        self.seen.add(ident)
        data.row_labels[row.key or ""] = label
        data.row_order.append(row.key or "")
        return next_index

    def _report_missing(self) -> None:
        for block in self.fmt.blocks:
            for row in block.rows:
                if (block.item, row.key) not in self.seen:
                    where = f"第二十条第（{block.item}）项·{row.label}"
                    self.data.problems.append(Problem("missing_row", self.data.span, {"row": where}))


def _read_table4(templates: Templates, stream: CellStream, span: Span) -> TableData:
    """Header cells hold no digits; the values are the run of value cells after them (blank
    cells between values count, empty cells at a row's end are padding)."""
    data = TableData("table4", None, {}, span)
    cells = [c for i, c in enumerate(stream.cells) if c.text or not _row_ends_blank(stream, i)]
    index = 0
    while index < len(cells) and (not data.header or not cells[index].text or not is_value_like(cells[index].text)):
        if cells[index].text:
            data.header.append(cells[index])
        index += 1
    start = index
    while index < len(cells) and is_value_like(cells[index].text):
        index += 1
    values = cells[start:index]
    for extra in cells[index:]:
        data.problems.append(Problem("unexpected_cell", extra.span, {"text": extra.text}))
    expected = templates.table4_value_count
    if len(values) != expected:
        where = values[0].span if values else span
        data.problems.append(Problem("value_count", where, {"found": len(values), "expected": expected}))
        return data
    width = len(templates.table4_columns)
    for number, group in enumerate(templates.table4_groups):
        chunk = values[number * width : (number + 1) * width]
        data.values[group.key or ""] = {col.key or "": read_value(c) for col, c in zip(templates.table4_columns, chunk)}
    return data


def _row_ends_blank(stream: CellStream, index: int) -> bool:
    """Whether only empty cells follow `index` in its row (padding at the row's end)."""
    row = stream.row_of[index]
    for i in range(index, len(stream)):
        if stream.row_of[i] != row:
            return True
        if stream.cells[i].text:
            return False
    return True


def interpret(document: Document, templates: Templates, year: int | None) -> dict[str, TableData]:
    """Find tables 二, 三 and 四 in the document and read each one."""
    found: dict[str, list[Table]] = {}
    for ordinal, table in _tables_with_sections(document):
        kind = classify(table, ordinal)
        if kind is not None:
            found.setdefault(kind, []).append(table)
    result: dict[str, TableData] = {}
    for kind, tables in found.items():
        stream = CellStream(tables)
        span = Span.merge(tables[0].span, tables[-1].span)
        if kind == "table2":
            result[kind] = _Table2Reader(templates, stream, span, year).read()
        elif kind == "table3":
            result[kind] = _Table3Reader(templates, stream, span).read()
        else:
            result[kind] = _read_table4(templates, stream, span)
    return result


def _tables_with_sections(document: Document):
    for block in document.preamble:
        if isinstance(block, Table):
            yield None, block
    for section in document.sections:
        for table in section.tables():
            yield section.heading.ordinal, table
