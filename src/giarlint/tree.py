"""The positioned tree of a report: plain dataclasses, every node with its span in the original text."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple, Union


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
    """One table cell. `text` is the original text (wrapped lines joined by a newline)."""

    text: str
    span: Span


@dataclass(slots=True)
class Row:
    """A table row as written: the cells of one line."""

    cells: list[Cell]
    span: Span


@dataclass(slots=True)
class Table:
    """Lines of cells. `kind` is table2/table3/table4 for a table the locator found by its
    anchor words (its `lines` are the report's lines, `tokens` their cells); None for other
    rows of cells."""

    rows: list[Row]
    span: Span
    kind: str | None = None
    lines: list[str] = field(default_factory=list)
    tokens: list = field(default_factory=list)  # giarlint.tables.tokens.Token

    def cells(self) -> list[Cell]:
        """All cells in reading order, empty ones included."""
        return [cell for row in self.rows for cell in row.cells]


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
