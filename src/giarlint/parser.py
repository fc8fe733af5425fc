"""Run the Lark grammar (``grammar/report.lark``) over a report and return positioned lines.

The grammar yields a preamble and sections of lines; this module turns its tokens into
`Line` records with exact spans and splits table rows into cells.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from lark import Lark, Token, Transformer

from giarlint.resources import data_dir
from giarlint.tree import Cell, Span

_SEPARATOR = re.compile(r"[|｜\t]")
_MARKDOWN_RULE = re.compile(r"^:?-{3,}:?$")


@dataclass(slots=True)
class Line:
    """One non-blank line: `kind` is heading, subheading, metadata, paragraph or row."""

    kind: str
    text: str
    span: Span
    cells: list[Cell] | None = None


@dataclass(slots=True)
class ParsedSection:
    heading: Line
    lines: list[Line]


@dataclass(slots=True)
class ParseResult:
    preamble: list[Line]
    sections: list[ParsedSection]


def _line_from_token(kind: str, token: Token) -> Line:
    raw = token.value.split("\n", 1)[0]
    text = raw.strip()
    lead = len(raw) - len(raw.lstrip())
    column = token.column + lead
    return Line(kind, text, Span(token.line, column, token.line, column + len(text)))


def split_cells(raw: str, line: int, column: int) -> list[Cell]:
    """Split a row at its separators; each cell's span covers its text without surrounding spaces."""
    cells = []
    offset = 0
    for part in _SEPARATOR.split(raw):
        text = part.strip()
        start = column + offset + (len(part) - len(part.lstrip()))
        cells.append(Cell(text, Span(line, start, line, start + len(text))))
        offset += len(part) + 1
    return cells


class _ToLines(Transformer):
    """Called by the LALR parser as it reduces, so no intermediate parse tree is built."""

    def heading(self, children):
        return _line_from_token("heading", children[0])

    def subheading(self, children):
        return _line_from_token("subheading", children[0])

    def metadata(self, children):
        return _line_from_token("metadata", children[0])

    def paragraph(self, children):
        return _line_from_token("paragraph", children[0])

    def row(self, children):
        token = children[0]
        line = _line_from_token("row", token)
        raw = token.value.split("\n", 1)[0]
        line.cells = split_cells(raw, token.line, token.column)
        if all(not c.text or _MARKDOWN_RULE.match(c.text) for c in line.cells):
            line.kind = "rule"  # a Markdown header separator |---|---|
        return line

    def section(self, children):
        return ParsedSection(children[0], [c for c in children[1:] if c.kind != "rule"])

    def start(self, children):
        preamble = [c for c in children if isinstance(c, Line) and c.kind != "rule"]
        sections = [c for c in children if isinstance(c, ParsedSection)]
        return ParseResult(preamble, sections)


@lru_cache(maxsize=1)
def _parser() -> Lark:
    grammar = data_dir("grammar") / "report.lark"
    return Lark(
        grammar.read_text(encoding="utf-8"),
        parser="lalr",
        lexer="contextual",
        maybe_placeholders=False,
        transformer=_ToLines(),
        cache=True,
    )


def parse_lines(text: str) -> ParseResult:
    """Parse newline-normalised text. Every input parses: each line is at least a paragraph."""
    if not text.endswith("\n"):
        text += "\n"
    return _parser().parse(text)
