"""The positioned tree of a report: plain dataclasses, every node with its span in the original text."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple, Union

from giarlint.patterns import lazy


class Span(NamedTuple):
    """1-based line and column (in characters) of the first character; the end is exclusive.

    A named tuple rather than a frozen dataclass: thousands are made per report, and a tuple
    is made in a third of the time."""

    line: int
    column: int
    end_line: int
    end_column: int

    @staticmethod
    def merge(first: "Span", last: "Span") -> "Span":
        return Span(first.line, first.column, last.end_line, last.end_column)


@dataclass(slots=True)
class Cell:
    """One table cell: its text and where it starts. A cell never spans lines, so its span is
    made only when asked; a table-heavy report has hundreds of thousands of cells."""

    text: str
    line: int
    column: int

    @property
    def span(self) -> Span:
        return Span(self.line, self.column, self.line, self.column + len(self.text))


_SEPARATOR = lazy(r"[|｜\t]")  # a written row is cut into cells only when they are read


class Row:
    """A table row as written: the cells of one line.

    A row of a table the locator did not take for table 二, 三 or 四 (`Row.written`) keeps only its
    line and cuts it into cells each time they are read: a table-heavy report has hundreds of
    thousands of such cells, and only a rule or two ever looks at them."""

    __slots__ = ("_cells", "_span", "_raw", "_line", "_column")

    def __init__(self, cells: list[Cell], span: Span):
        self._cells, self._span, self._raw, self._line, self._column = cells, span, None, 0, 0

    @classmethod
    def written(cls, raw: str, line: int, column: int) -> "Row":
        """The row of `raw`, a whole line of the report that starts at `column` of line `line`."""
        row = cls([], Span(0, 0, 0, 0))
        row._raw, row._line, row._column = raw, line, column
        return row

    @property
    def cells(self) -> list[Cell]:
        return self._cells if self._raw is None else split_cells(self._raw, self._line, self._column)

    @property
    def span(self) -> Span:
        """The row's text without the spaces around it."""
        if self._raw is None:
            return self._span
        start = self._column + len(self._raw) - len(self._raw.lstrip())
        return Span(self._line, start, self._line, start + len(self._raw.strip()))

    def __eq__(self, other) -> bool:
        return isinstance(other, Row) and (self.cells, self.span) == (other.cells, other.span)

    def __repr__(self) -> str:
        return f"Row(cells={self.cells!r}, span={self.span!r})"


def split_cells(raw: str, line: int, column: int) -> list[Cell]:
    """Split a row at its separators; each cell's span covers its text without surrounding spaces.

    The outer pipes of a Markdown row (``| a | b |``) are borders, not cells. Other empty cells
    are kept: between and after texts they may be blank values, before the first text they
    show the row's indentation under merged label columns. Only the table reader, knowing the
    table's width, can tell them from padding (``| |||``)."""
    parts = _SEPARATOR.split(raw)
    start = column
    stripped = raw.strip(" \u3000")
    if stripped[:1] in ("|", "｜") and len(parts) > 1:
        start += len(parts[0]) + 1  # the left border
        parts = parts[1:]
        if stripped[-1:] in ("|", "｜") and len(parts) > 1 and not parts[-1].strip():
            parts = parts[:-1]  # the right border
    cells = []
    for part in parts:
        text = part.strip()
        begin = start + len(part) - len(part.lstrip()) if text else start
        cells.append(Cell(text, line, begin))
        start += len(part) + 1
    return cells


class Table:
    """Lines of cells. `kind` is table2/table3/table4 for a table the locator found by its
    anchor words (its `lines` are the report's lines, `tokens` their cells, and its rows are
    made from the tokens when read); None for other rows of cells."""

    __slots__ = ("_rows", "span", "kind", "lines", "tokens")

    def __init__(self, rows: list[Row] | None, span: Span, kind: str | None = None, lines: list[str] | None = None,
                 tokens: list | None = None):
        self._rows, self.span, self.kind = rows, span, kind
        self.lines = lines if lines is not None else []
        self.tokens = tokens if tokens is not None else []  # giarlint.tables.tokens.Token

    @property
    def rows(self) -> list[Row]:
        if self._rows is not None:
            return self._rows
        by_line: dict[int, list[Cell]] = {}
        for token in self.tokens:
            if token.kind != "soft":  # giarlint.tables.tokens.SOFT, a blank line: no cell
                by_line.setdefault(token.line, []).append(Cell(token.text, token.line, token.begin))
        return [Row(cells, Span.merge(cells[0].span, cells[-1].span)) for _, cells in sorted(by_line.items())]

    def cells(self) -> list[Cell]:
        """All cells in reading order, empty ones included."""
        return [cell for row in self.rows for cell in row.cells]

    def __repr__(self) -> str:
        return f"Table(kind={self.kind!r}, span={self.span!r}, rows={len(self.rows)})"


@dataclass(slots=True)
class Paragraph:
    """A line of prose; `kind` is ``text``, ``subheading`` (（一）…) or ``metadata`` (索引号: …)."""

    text: str
    span: Span
    kind: str = "text"


@dataclass(slots=True)
class Heading:
    """A top-level heading such as ``一、总体情况``; `ordinal` is 1 for 一."""

    ordinal: int
    ordinal_text: str
    title: str
    span: Span
    separator: str = "、"  # what follows the numeral: the form prints 、


Block = Union[Paragraph, Table]


@dataclass(slots=True)
class Section:
    heading: Heading
    blocks: list[Block] = field(default_factory=list)

    def paragraphs(self) -> list[Paragraph]:
        return [b for b in self.blocks if isinstance(b, Paragraph)]

    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]

    def text(self) -> str:
        """The prose of the section, one paragraph per line."""
        return "\n".join(p.text for p in self.paragraphs())


@dataclass(slots=True)
class Document:
    """What the grammar and the assembler recognise: no interpretation yet."""

    metadata: list[Paragraph]
    title: Paragraph | None
    preamble: list[Block]
    sections: list[Section]
    line_count: int

    def tables(self) -> list[Table]:
        found = [b for b in self.preamble if isinstance(b, Table)]
        for section in self.sections:
            found.extend(section.tables())
        return found

    def paragraphs(self) -> list[Paragraph]:
        found = [b for b in self.preamble if isinstance(b, Paragraph)]
        for section in self.sections:
            found.extend(section.paragraphs())
        return found
