"""Run the Lark grammar (``grammar/report.lark``) over a report and return positioned lines.

The parser is Lark's standalone one, generated from the grammar when giarlint is built, or Lark
itself where it was not (`giarlint.grammars`).

The grammar yields a preamble and sections of lines; this module turns its tokens into
`Line` records with exact spans; a line of cells becomes a `Row` that cuts itself into cells
when they are read.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from giarlint.grammars import Lark, Token, Transformer, report_parser
from giarlint.tree import Row, Span, split_cells

_MARKDOWN_RULE = re.compile(r"^:?-+:?$")  # a cell of a |---| line; one - is enough after a leading |
_LONG_RULE = re.compile(r"^:?-{3,}:?$")  # without the leading |, only --- (a lone - is a value)


class Line(NamedTuple):
    """One non-blank line: `kind` is heading, subheading, metadata, paragraph or row; or a
    located table (`kind` table, `table` its kind, `text` its lines)."""

    kind: str
    text: str
    span: Span
    row: Row | None = None  # a line of cells (kind row, or rule: a Markdown |---| line, dropped)
    table: str | None = None


class ParsedSection(NamedTuple):
    heading: Line
    lines: list[Line]


class ParseResult(NamedTuple):
    preamble: list[Line]
    sections: list[ParsedSection]


def _line_from_token(kind: str, token: Token) -> Line:
    return _line(kind, token.value.split("\n", 1)[0], token.line, token.column)


def _line(kind: str, raw: str, number: int, column: int) -> Line:
    """The Line of one raw line starting at `column`; its span covers the text without the
    surrounding spaces."""
    text = raw.strip()
    column += len(raw) - len(raw.lstrip())
    return Line(kind, text, Span(number, column, number, column + len(text)))


class _ToLines(Transformer):
    """Called by the LALR parser as it reduces, so no intermediate parse tree is built."""

    def heading(self, children):
        return _line_from_token("heading", children[0])

    def subheading(self, children):
        return _line_from_token("subheading", children[0])

    def metadata(self, children):
        return _line_from_token("metadata", children[0])

    def paragraph(self, children):
        """A TEXT token is a run of lines without separators: a paragraph Line for each."""
        token = children[0]
        lines = token.value.split("\n")
        return [_line("paragraph", raw, token.line + offset, token.column if offset == 0 else 1)
                for offset, raw in enumerate(lines) if raw.strip()]

    def rows(self, children):
        token = children[0]
        lines = []
        for offset, raw in enumerate(token.value.split("\n")):
            text = raw.strip()
            if not text:
                continue
            number = token.line + offset
            column = token.column if offset == 0 else 1
            start = column + len(raw) - len(raw.lstrip())
            rule = _MARKDOWN_RULE if text[:1] in ("|", "｜") else _LONG_RULE
            markdown_rule = "-" in text and all(rule.match(c.text) for c in split_cells(raw, number, column) if c.text)
            if column == 1 and _FOLD.lines[number - 1] == raw:
                raw = _FOLD.lines[number - 1]  # the report's own line: a row keeps no copy
            lines.append(Line("rule" if markdown_rule else "row", text, Span(number, start, number, start + len(text)),
                              Row.written(raw, number, column)))
        return lines

    def table(self, children):
        token = children[0]
        value = token.value  # the table's lines, counted without splitting them
        last_line_length = len(value) - value.rfind("\n") - 1
        return Line("table", value, Span(token.line, 1, token.line + value.count("\n"), last_line_length + 1),
                    table=_FOLD.kind_at(token.line))

    def section(self, children):
        return ParsedSection(children[0], _flatten(children[1:]))

    def start(self, children):
        sections = [c for c in children if isinstance(c, ParsedSection)]
        return ParseResult(_flatten(c for c in children if not isinstance(c, ParsedSection)), sections)


def _flatten(children) -> list[Line]:
    """Lines in order; a ROWS token contributes its lines, Markdown separator rows are dropped."""
    out: list[Line] = []
    for child in children:
        if isinstance(child, list):
            out.extend(line for line in child if line.kind != "rule")
        else:
            out.append(child)
    return out


class _FoldTables:
    """Lark postlexer: the lines of each located table become one TABLE token.

    The lexer sees a table's lines blank, so they trail the token before them; the line
    terminals are whole lines or runs of lines, so a token is cut only at line ends, and each
    part keeps its terminal (a run of text or rows cut after a line is still one)."""

    always_accept = ()

    def __init__(self):
        self.extents: list = []  # giarlint.tables.locate.Extent, set per parse
        self.lines: list[str] = []  # the report's lines: the lexer saw the tables' lines blank

    def process(self, stream):
        extents = self.extents
        if not extents:
            yield from stream
            return
        table: list[str] = []
        table_start = 0
        current = None
        ahead = 0  # the first extent not wholly above the token (tokens come in line order)
        for token in stream:
            last = token.line + token.value.count("\n") - (1 if token.value.endswith("\n") else 0)
            while ahead < len(extents) and extents[ahead].last < token.line:
                ahead += 1
            if ahead == len(extents) or extents[ahead].first > last:  # the token holds no table line
                if table:
                    yield self._table(table, table_start)
                    table, current = [], None
                yield token
                continue
            body = token.value.split("\n")
            if token.value.endswith("\n"):
                body.pop()
            pieces: list[tuple[object, list[str], int]] = []
            number = token.line
            for extent in extents:  # in line order, never overlapping
                low, high = max(extent.first, token.line), min(extent.last, last)
                if low > high:
                    continue
                if number < low:
                    pieces.append((None, body[number - token.line : low - token.line], number))
                pieces.append((extent, self.lines[low - 1 : high], low))
                number = high + 1
            if number <= last:
                pieces.append((None, body[number - token.line :], number))
            for extent, part, number in pieces:
                if extent is not None:
                    if current is not extent and table:
                        yield self._table(table, table_start)
                        table = []
                    if not table:
                        table_start, current = number, extent
                    table.extend(part)
                    continue
                if not any(line.strip() for line in part):
                    continue  # blank lines after a table: nothing to say (they trailed the token)
                if table:
                    yield self._table(table, table_start)
                    table, current = [], None
                column = token.column if number == token.line else 1
                tail = "\n" if token.value.endswith("\n") or part is not pieces[-1][1] else ""
                yield _token(token.type, "\n".join(part) + tail, number, column)
        if table:
            yield self._table(table, table_start)

    @staticmethod
    def _table(lines: list[str], number: int) -> Token:
        while len(lines) > 1 and not lines[-1].strip():
            lines = lines[:-1]
        return _token("TABLE", "\n".join(lines), number, 1)

    def kind_at(self, line: int) -> str | None:
        return next((e.kind for e in self.extents if e.first == line), None)


def _token(kind: str, value: str, line: int, column: int) -> Token:
    token = Token(kind, value)
    token.line, token.column = line, column
    return token


_FOLD = _FoldTables()


@lru_cache(maxsize=1)
def _parser() -> Lark:
    return report_parser(transformer=_ToLines(), postlex=_FOLD)


def parse_lines(text: str, extents: list | None = None, lines: list[str] | None = None) -> ParseResult:
    """Parse newline-normalised text (whose lines, `text.split("\\n")`, may be given); the lines of
    `extents` (located tables, in line order and never overlapping, as `locate` gives them) are
    one TABLE token each. Every input parses: each line is at
    least a paragraph."""
    _FOLD.lines = lines = lines if lines is not None else text.split("\n")
    _FOLD.extents = list(extents or ())
    if _FOLD.extents:
        # the grammar need not read a table's lines: it sees them blank (lines and columns stay)
        blanked = list(lines)
        for extent in _FOLD.extents:
            blanked[extent.first - 1 : extent.last] = [""] * (extent.last - extent.first + 1)
        text = "\n".join(blanked)
    if not text.endswith("\n"):
        text += "\n"
    try:
        return _parser().parse(text)
    finally:
        _FOLD.extents, _FOLD.lines = [], []
