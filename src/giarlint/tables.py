"""Interpret the tables of a `Document` into canonical keys.

Every layout reaches this module as a stream of cells in reading order; rows are found by
their labels (from the templates), values are the cells that follow a label. Whatever cannot
be read with certainty becomes a `Problem`, never a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from giarlint.assemble import chinese_numeral
from giarlint.normalize import fold, has_cjk
from giarlint.templates import Label, Templates, strip_ordinal
from giarlint.tree import Cell, Document, Span, Table
from giarlint.values import Value, is_value_like, read_value

_CAPTION = re.compile(r"第二十条第?\(?([一二三四五六七八九十]+)\)?项?")
TABLE_KEYS = ("table2", "table3", "table4")


@dataclass(slots=True)
class Problem:
    """Why (part of) a table could not be read. `reason` names a message in the catalogue."""

    reason: str
    span: Span
    args: dict = field(default_factory=dict)


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


def _labelish(text: str) -> bool:
    return bool(has_cjk(text)) and not is_value_like(text)


def cell_stream(tables: list[Table]) -> list[Cell]:
    """Cells in reading order, without the empty cells right after a label: they are the merged
    second label column of tab and pipe layouts, not values."""
    out: list[Cell] = []
    for table in tables:
        for row in table.rows:
            previous = None
            for cell in row.cells:
                if not cell.text and previous is not None and _labelish(previous.text):
                    continue
                out.append(cell)
                previous = cell
    return out


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

    def __init__(self, templates: Templates, stream: list[Cell], span: Span):
        self.rows = templates.table3_rows
        self.matcher = _row_matcher(self.rows)
        self.width = len(templates.table3_columns)
        self.columns = templates.table3_columns
        self.stream = stream
        self.folded = [fold(c.text) for c in stream]
        self.data = TableData("table3", None, {}, span)

    def match(self, index: int, group: str | None, in_header: bool) -> Label | None:
        return self.matcher(self.folded[index], group, in_header)

    def read(self) -> TableData:
        data, stream = self.data, self.stream
        group: str | None = None
        in_header = True
        saw_2019_other = saw_2021_other = False
        index = 0
        while index < len(stream):
            row = self.match(index, group, in_header)
            if row is None:
                if in_header:
                    data.header.append(stream[index])
                else:
                    data.problems.append(Problem("unexpected_cell", stream[index].span, {"text": stream[index].text}))
                index += 1
                continue
            in_header = False
            if row.group is not None:
                group = row.group
                values_follow = index + 1 < len(stream) and self.match(index + 1, group, False) is None
                if not (row.leaf_in and values_follow):
                    index += 1
                    continue
                saw_2019_other = True  # （六）其他处理 with its own numbers: the 2019 form
            elif row.group_of is None:
                group = None
            saw_2021_other = saw_2021_other or (row.key or "").startswith("other.")
            end = index + 1
            while end < len(stream) and end - index - 1 < self.width and self.match(end, group, False) is None:
                end += 1
            self._store(row, stream[index], stream[index + 1 : end])
            index = end
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


def _read_table2(templates: Templates, stream: list[Cell], span: Span, year: int | None) -> TableData:
    folded = [fold(c.text) for c in stream]
    joined = "|".join(folded)
    scores = {name: sum(word in joined for word in fmt.discriminators) for name, fmt in templates.table2.items()}
    if any(scores.values()):
        format_name = max(scores, key=lambda name: scores[name])
    else:
        format_name = "2019" if year in (2019, 2020) else "2021"
    fmt = templates.table2[format_name]
    data = TableData("table2", format_name if any(scores.values()) else None, {}, span)
    block = None
    seen: set[tuple[int, str]] = set()

    def caption(index: int):
        match = _CAPTION.search(folded[index])
        return chinese_numeral(match.group(1)) if match else None

    def row_at(index: int):
        body, _ = strip_ordinal(folded[index])
        blocks = [block] if block is not None else list(fmt.blocks)
        for candidate in blocks:
            for row in candidate.rows:
                if row.matches(body):
                    return candidate, row
        return None

    index = 0
    while index < len(stream):
        item = caption(index)
        if item is not None:
            block = next((b for b in fmt.blocks if b.item == item), None)
            if block is None:
                data.problems.append(Problem("unknown_block", stream[index].span, {"text": stream[index].text}))
            index += 1
            continue
        found = row_at(index)
        if found is None:
            data.header.append(stream[index])
            index += 1
            continue
        row_block, row = found
        width = len(row_block.columns)
        end = index + 1
        while end < len(stream) and end - index - 1 < width and caption(end) is None and row_at(end) is None:
            end += 1
        values = stream[index + 1 : end]
        ident = (row_block.item, row.key or "")
        if ident in seen:
            data.problems.append(Problem("repeated_row", stream[index].span, {"row": row.label}))
        elif len(values) < width:
            data.problems.append(
                Problem("short_row", stream[index].span, {"row": row.label, "found": len(values), "expected": width})
            )
        else:
            data.values[row.key or ""] = {col.key or "": read_value(c) for col, c in zip(row_block.columns, values)}
        seen.add(ident)
        data.row_labels[row.key or ""] = stream[index]
        data.row_order.append(row.key or "")
        index = end
    for candidate in fmt.blocks:
        for row in candidate.rows:
            if (candidate.item, row.key) not in seen:
                data.problems.append(Problem("missing_row", span, {"row": f"第二十条第（{candidate.item}）项·{row.label}"}))
    return data


def _read_table4(templates: Templates, stream: list[Cell], span: Span) -> TableData:
    data = TableData("table4", None, {}, span)
    index = 0
    while index < len(stream) and (not data.header or not is_value_like(stream[index].text)):
        data.header.append(stream[index])
        index += 1
    start = index
    while index < len(stream) and is_value_like(stream[index].text):
        index += 1
    values = stream[start:index]
    for extra in stream[index:]:
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


def interpret(document: Document, templates: Templates, year: int | None) -> dict[str, TableData]:
    """Find tables 二, 三 and 四 in the document and read each one."""
    found: dict[str, list[Table]] = {}
    for ordinal, table in _tables_with_sections(document):
        kind = classify(table, ordinal)
        if kind is not None:
            found.setdefault(kind, []).append(table)
    result: dict[str, TableData] = {}
    for kind, tables in found.items():
        stream = cell_stream(tables)
        span = Span.merge(tables[0].span, tables[-1].span)
        if kind == "table2":
            result[kind] = _read_table2(templates, stream, span, year)
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
