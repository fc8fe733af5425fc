"""Group the parser's lines into a `Document`: metadata, title, preamble, sections and tables.

Pipe and tab rows are table rows by their shape. In one-cell-per-line layouts a table region
opens at a marker line (第二十条…, 信息内容, 本列数据的勾稽关系…, 行政复议) and runs while the
lines stay short and free of sentence punctuation; a cell wrapped over two lines is joined.
"""

from __future__ import annotations

import re

from giarlint import patterns
from giarlint.data import rules_data
from giarlint.normalize import fold
from giarlint.parser import Line, ParseResult, parse_lines
from giarlint.tree import Cell, Document, Heading, Paragraph, Row, Section, Span, Table

_NUMERALS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_HEADING = patterns.compile(r"^([一二三四五六七八九十]{1,3})\s*([、．.，,])\s*(.*)$", re.S)
_NUMERIC = patterns.compile(r"^[\s0-9０-９.,，．+\-－%／/—]*$")


def chinese_numeral(text: str) -> int:
    """一 → 1, 十一 → 11, 二十 → 20."""
    if "十" not in text:
        return _NUMERALS.get(text, 0)
    tens, _, units = text.partition("十")
    return (_NUMERALS.get(tens, 1) if tens else 1) * 10 + (_NUMERALS.get(units, 0) if units else 0)


def _heading(line: Line) -> Heading:
    match = _HEADING.match(line.text)
    if not match:
        return Heading(0, "", line.text, line.span)
    ordinal_text, separator, title = match.groups()
    return Heading(chinese_numeral(ordinal_text), ordinal_text, title.strip(), line.span, separator)


class _Regions:
    """Splits the lines of one section (or the preamble) into paragraphs and tables."""

    def __init__(self):
        structure = rules_data("structure")
        self.starts = tuple(fold(word) for word in structure["table_starts"])
        self.max_cell = structure["max_cell_length"]
        self.prose_marks = frozenset(structure["prose_marks"])

    def is_cell_like(self, line: Line) -> bool:
        return len(line.text) <= self.max_cell and self.prose_marks.isdisjoint(line.text)

    def opens_table(self, line: Line) -> bool:
        return line.kind == "row" or (self.is_cell_like(line) and fold(line.text).lstrip("(（[【").startswith(self.starts))

    def split(self, lines: list[Line]) -> list:
        blocks: list = []
        region: list[Line] = []
        for index, line in enumerate(lines):
            if region:
                if line.kind == "row" or (self.is_cell_like(line) and self._continues(region, lines, index)):
                    region.append(line)
                    continue
                blocks.append(_table(region))
                region = []
            if self.opens_table(line):
                region.append(line)
            else:
                blocks.append(Paragraph(line.text, line.span, _PARAGRAPH_KINDS.get(line.kind, "text")))
        if region:
            blocks.append(_table(region))
        return blocks

    @staticmethod
    def _continues(region: list[Line], lines: list[Line], index: int) -> bool:
        """A one-cell line continues a pipe/tab table only when it wraps onto the next row."""
        if any(line.kind != "row" for line in region):
            return True
        following = lines[index + 1] if index + 1 < len(lines) else None
        return following is not None and following.kind == "row" and not _gap(lines[index], following)


_PARAGRAPH_KINDS = {"subheading": "subheading", "metadata": "metadata"}


def _gap(previous: Line, line: Line) -> bool:
    return line.span.line > previous.span.end_line + 1


def _table(lines: list[Line]) -> Table:
    single = [line for line in lines if line.kind != "row"]
    gaps = sum(1 for prev, line in zip(lines, lines[1:]) if line.kind != "row" and _gap(prev, line))
    blank_separated = bool(single) and gaps * 2 >= len(single)
    rows: list[Row] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        previous = lines[index - 1] if index else None
        following = lines[index + 1] if index + 1 < len(lines) else None
        gap = previous is not None and _gap(previous, line)
        if line.kind == "row":
            rows.append(Row(list(line.cells or []), line.span, gap))
        elif not blank_separated and following is not None and following.kind == "row" and not _gap(line, following):
            # a label wrapped onto the next pipe/tab row: join it to that row's first cell
            cells = _join_first_cell(line, list(following.cells or []))
            rows.append(Row(cells, Span.merge(line.span, following.span), gap))
            index += 2
            continue
        elif (
            blank_separated
            and previous is not None
            and previous.kind != "row"
            and not gap
            and not _NUMERIC.match(line.text)
            and not _NUMERIC.match(previous.text)
        ):
            # one cell printed over two lines ("结果" / "纠正")
            last = rows[-1].cells[0]
            merged = Cell(last.text + "\n" + line.text, Span.merge(last.span, line.span))
            rows[-1] = Row([merged], merged.span, rows[-1].gap_before)
        else:
            rows.append(Row([Cell(line.text, line.span)], line.span, gap))
        index += 1
    return Table(rows, Span.merge(lines[0].span, lines[-1].span))


def _join_first_cell(first_half: Line, cells: list[Cell]) -> list[Cell]:
    for index, cell in enumerate(cells):
        if cell.text:
            merged = Cell(first_half.text + "\n" + cell.text, Span.merge(first_half.span, cell.span))
            return cells[:index] + [merged] + cells[index + 1 :]
    return cells


def assemble(parsed: ParseResult, line_count: int) -> Document:
    regions = _Regions()
    metadata = [Paragraph(l.text, l.span, "metadata") for l in parsed.preamble if l.kind == "metadata"]
    preamble = regions.split([l for l in parsed.preamble if l.kind != "metadata"])
    title = next(
        (b for b in preamble if isinstance(b, Paragraph) and "政府信息公开工作年度报告" in fold(b.text)),
        None,
    )
    sections = [Section(_heading(s.heading), regions.split(s.lines)) for s in parsed.sections]
    return Document(metadata, title, preamble, sections, line_count)


def read_document(text: str) -> Document:
    """Parse newline-normalised text into a `Document`."""
    return assemble(parse_lines(text), text.count("\n") + 1)
