"""The token stream of one table: words, values and blanks, each with its exact span.

Lexed by ``grammar/cells.lark``; this module decides, line by line, what the chunks are:
- a line holding a separator (| ｜ │ tab …) is a row of cells: the text between two separators
  is one cell (spaces inside kept), an empty cell is a `BLANK_CELL`; outer Markdown borders and
  rule pieces (``---``, ``───``) are not cells; a table left as HTML is read as such rows, its
  tags blanked in place;
- any other line is space-aligned text: every terminal is a cell of its own, a value (the
  grammar's NUMBER, MARK, CHANGE) or a word (a number never holds a space); a word gluing words
  and digits (``（一）予以公开710000071``, tags stripped from a web page) is cut into its words and
  a `fused` value;
- blank lines are `SOFT` blanks (one per blank line, or, where blank lines merely separate the
  cells, one per extra pair), which `fitting` may take for an empty cell only between two values;
  rule lines and page furniture (``- 3 -``) are dropped.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import count
from typing import NamedTuple

from giarlint.grammars import cell_terminals
from giarlint.memo import short_texts
from giarlint.normalize import has_cjk
from giarlint.patterns import lazy
from giarlint.tables.values import BLANK, TEXT, classify
from giarlint.tree import Span

WORD = "word"
VALUE = "value"
BLANK_CELL = "blank"  # an empty cell between separators
SOFT = "soft"  # a blank line: a cell only where the row's width needs one

_RULE_PIECE = re.compile(r"^[:：]?[-─━═=~_－—]{3,}[:：]?$|^[─━═]+$")
_FURNITURE = re.compile(r"^(?:[-—–－‐]+\d{1,4}[-—–－‐]+|第\d{1,4}页(?:共\d{1,4}页)?|\d{1,4}/\d{1,4})$")
_MARKDOWN_RULE = re.compile(r"^:?-+:?$")
# compiled on first use (giarlint.patterns): only a table left as HTML, or cells in pandoc's
# markup, or digits glued to a label, need them; a plain check of a text report does not
_TAG = lazy(r"</?[a-zA-Z][^<>]*>")
_COMMENT = lazy(r"<!--.*?-->", re.S)
_SPACE_ENTITY = lazy(r"&(?:nbsp|ensp|emsp|thinsp|#160|#xa0|#8194|#8195|#12288);", re.IGNORECASE)
_CELL_END = lazy(r"</t[dh]\s*>", re.IGNORECASE)
_CHANGE = re.compile(r"^[增减]\s*[+-]?\d+(?:\.\d+)?$")  # 2019 本年增/减: 减15, 减 15
# inline markup around a cell's text: <span …>2</span> (pandoc gfm), [2]{style=…} (pandoc markdown)
_MARKUP_OPEN = lazy(r"^(?:<[^<>]*>|\[(?=[^\]]*\]\{|[^\]]*$))+")
_MARKUP_CLOSE = lazy(r"(?:</[^<>]*>|\]\{[^{}]*\})+$")
# a run of digits glued to words: the value part (an ordinal 1.–8. of the next label is peeled off)
_GLUED = re.compile(r"\d+(?:\.\d+)?")
# what may follow glued values: the next label's ordinal (四、 （四） (4)) or the next caption
_NEXT_LABEL = lazy(r"[（(]|[一二三四五六七八九十]{1,3}[、.．]|第二十条")


_LEXED = {"NUMBER": VALUE, "MARK": VALUE, "CHANGE": VALUE, "WORD": WORD}  # cells.lark terminal -> kind


class Token(NamedTuple):
    kind: str
    text: str
    line: int  # 1-based line number in the report
    begin: int  # 1-based column of its first character
    separated: bool = False  # from a line of cells
    fused: bool = False  # digits cut from words: maybe several cells without a separator
    column: int = -1  # index of the cell in its line (separated lines)

    @property
    def span(self) -> Span:
        """Made when asked: a large table has hundreds of thousands of tokens, and few are read."""
        return Span(self.line, self.begin, self.line, self.begin + len(self.text))


class Piece(NamedTuple):
    """A terminal of ``cells.lark`` on one line (SEP, NUMBER, MARK, CHANGE or WORD), its text and
    1-based column."""

    type: str
    value: str
    column: int


@lru_cache(maxsize=1)
def _scanner() -> re.Pattern:
    """``cells.lark``'s terminals as one alternation, in the order Lark's basic lexer tries them
    (`giarlint.grammars.cell_terminals`), for `re` to scan in C: at each place the first that
    matches wins, as in Lark, and Lark's token-by-token loop took seconds for a pasted row of
    300,000 cells. `lex_line` is tested to give what Lark gives."""
    return re.compile("|".join(f"(?P<{name}>{regexp})" for name, regexp in cell_terminals()))


_KEPT = frozenset(_LEXED) | {"SEP"}  # NL and the ignored spaces are not pieces


MEMO_CHARS = 400  # lines up to this long are memoised; a longer one (a pasted row) is not kept


@short_texts(8192, MEMO_CHARS)
def lex_line(text: str) -> tuple[Piece, ...]:
    """The terminals of one line; memoised (short lines), as value lines (``0 | 0 | 0 |``) and
    labels recur in every report."""
    return tuple(Piece(m.lastgroup, m.group(), m.start() + 1) for m in _scanner().finditer(text)
                 if m.lastgroup in _KEPT)


RUNNING_HEAD_REACH = 2  # non-blank lines on each side of a page number that may be a page's header or footer


def running_heads(table_lines: list[str], report_lines: list[str]) -> frozenset[str]:
    """The page headers and footers inside a table: lines without digits that stand next to a page
    number (``- 3 -``) or a form feed here and next to another one elsewhere in the report (a
    running header printed on every page: ``政府信息公开工作年度报告（页眉）``). Inside a label
    wrapped across a page break, such a line would split the label's words. Nothing is looked
    up unless the table itself holds a page break."""
    if not any(_page_break(line) for line in table_lines):
        return frozenset()
    near = _beside_page_breaks(table_lines)
    if not near:
        return frozenset()
    seen = _beside_page_breaks(report_lines, counts=True)
    return frozenset(text for text in near if seen.get(text, 0) >= 2)


_FURNITURE_STARTS = frozenset("-—–－‐第0123456789")


def _page_break(line: str) -> bool:
    """A form feed, or a page number alone on its line (``- 3 -`` read as ``-3-``)."""
    if "\f" in line:
        return True
    text = line.strip()
    return len(text) <= 16 and text[:1] in _FURNITURE_STARTS and bool(_FURNITURE.match(text.replace(" ", "")))


def _beside_page_breaks(lines: list[str], counts: bool = False):
    """The texts (no digits, at least 4 characters) of the lines beside a page break; with
    `counts`, on how many lines each stands so (a page number and a form feed are one break)."""
    found: dict[str, set[int]] = {}
    for index, line in enumerate(lines):
        if not _page_break(line):
            continue
        for step in (-1, 1):
            at, taken = index + step, 0
            while 0 <= at < len(lines) and taken < RUNNING_HEAD_REACH:
                text = lines[at].replace("\f", "").strip()
                if text and not _page_break(text):
                    taken += 1
                    if len(text) >= 4 and not any(ch.isdigit() for ch in text):
                        found.setdefault(text, set()).add(at)
                at += step
    return {text: len(where) for text, where in found.items()} if counts else set(found)


def tokenize(lines: list[str], first_line: int, furniture: frozenset[str] = frozenset()) -> list[Token]:
    """Tokens of `lines` (the table's lines of the report, the first being line `first_line`);
    a line whose text is in `furniture` (`running_heads`) has none.

    Each line's tokens come from its memoised tuples; they are all made in one comprehension at
    the end (one a line cost more than making its few tokens), each by `tuple.__new__` from its
    fields, without the named tuple's Python-level constructor (a third of the time)."""
    if "<" in "".join(lines):
        lines = _without_html(lines)
    filled = [line != "" and not line.isspace() for line in lines]  # (what strip() leaves, without a copy)
    blank_separated = _blank_separated(filled)
    numbered: list = []  # (line number, the tuples of its tokens)
    blank_run: list[int] = []
    for number, is_filled, placed, line in zip(count(first_line), filled, _line_tokens.each(lines), lines):
        if furniture and line.strip() in furniture:
            placed = ()  # a page's header or footer: left out as a page number is (not a blank line)
        if not is_filled:  # (a line holding anything but white space has pieces)
            blank_run.append(number)
            continue
        if blank_run:  # blank lines: a SOFT blank each, or one per extra pair where they merely separate
            kept = blank_run[1 : 1 + (len(blank_run) - 1) // 2] if blank_separated else blank_run
            numbered += [(n, _SOFT_LINE) for n in kept]
            blank_run = []
        numbered.append((number, placed))
    new = tuple.__new__
    return [new(Token, (kind, text, number, begin, separated, fused, column))
            for number, placed in numbered for kind, text, begin, separated, fused, column in placed]


class _Placed(NamedTuple):
    """A token of one line, before it is given its line number."""

    kind: str
    text: str
    begin: int  # 1-based column
    separated: bool = False
    fused: bool = False
    column: int = -1


_SOFT_LINE = (_Placed(SOFT, "", 1),)  # a blank line taken for a cell: one SOFT token at its start


@short_texts(8192, MEMO_CHARS)
def _line_tokens(raw: str) -> tuple[_Placed, ...]:
    """The tokens of one non-blank line; memoised like `lex_line`."""
    pieces = lex_line(raw)
    return tuple(_cells(raw, pieces) if any(p.type == "SEP" for p in pieces) else _chunks(raw, pieces))


def _without_html(lines: list[str]) -> list[str]:
    """A table left as HTML in the text (pandoc's raw HTML, a page saved as text): tags,
    comments and space entities (``&nbsp;`` ``&#160;`` …) become spaces and the end of a cell a
    separator, each in the place of what it replaces, so that every line and column stays
    where it was."""
    text = "\n".join(lines)

    def blank(match) -> str:
        tag = match.group()
        filler = "".join("\n" if ch == "\n" else " " for ch in tag)
        return "|" + filler[1:] if _CELL_END.match(tag) else filler

    text = _COMMENT.sub(lambda m: "".join("\n" if ch == "\n" else " " for ch in m.group()), text)
    text = _TAG.sub(blank, text)
    return _SPACE_ENTITY.sub(lambda m: " " * len(m.group()), text).split("\n")


def _blank_separated(filled: list[bool]) -> bool:
    """Whether blank lines merely separate one-cell lines (HTML copied as text, lynx, pdftotext);
    `filled`: whether each line holds anything but white space."""
    singles = pairs = 0
    for index in range(len(filled) - 2):
        if filled[index]:
            pairs += 1
            if not filled[index + 1] and filled[index + 2]:
                singles += 1
    return pairs > 0 and singles * 2 >= pairs


def _is_furniture(pieces) -> bool:
    return len(pieces) <= 3 and bool(_FURNITURE.match("".join(p.value for p in pieces)))


def _chunks(raw: str, pieces) -> list[_Placed]:
    if _is_furniture(pieces) or all(_RULE_PIECE.match(p.value) for p in pieces):
        return []
    out = []
    for piece in _signs_joined(raw, pieces):
        column, text = _unwrap(piece.column, piece.value)
        # the grammar's terminal decides, unless markup was taken off the chunk ([2]{style=…})
        kind = _LEXED.get(piece.type, WORD) if text == piece.value else _kind(text)
        if kind == WORD and has_cjk(text) and any(ch.isdigit() for ch in text):
            out.extend(_unglue(text, column))
        else:
            # a count never starts with 0: 000000000000000 is cells run together
            glued = len(text) > 1 and text[0] == "0" and text.isdigit()
            out.append(_Placed(kind, text, column, fused=glued))
    return out


def _signs_joined(raw: str, pieces) -> list[Piece]:
    """A lone 增 or 减 before a number is one cell with it (``减 15``: the 2019 本年增/减), not a
    word and a bare 15 that would lose its sign."""
    out: list[Piece] = []
    for piece in pieces:
        previous = out[-1] if out else None
        if previous is not None and previous.value in ("增", "减") and piece.type == "NUMBER":
            end = piece.column + len(piece.value)
            out[-1] = Piece("CHANGE", raw[previous.column - 1 : end - 1], previous.column)
        else:
            out.append(piece)
    return out


def _unwrap(column: int, text: str) -> tuple[int, str]:
    """The text inside inline markup, and the column where it starts."""
    if "<" in text or "]{" in text or text.startswith("["):
        opening = _MARKUP_OPEN.match(text)
        closing = _MARKUP_CLOSE.search(text)
        start = opening.end() if opening else 0
        end = closing.start() if closing else len(text)
        if (opening or closing) and start < end:
            return column + start, text[start:end]
    return column, text


def _kind(text: str) -> str:
    kind, _ = classify(text)
    if kind == TEXT:
        return VALUE if _CHANGE.match(text) else WORD
    return BLANK_CELL if kind == BLANK else VALUE


def _unglue(text: str, column: int) -> list[_Placed]:
    """Cut ``（一）予以公开710000071`` into the word and the digits. A digit run is a value only
    at the end of the chunk or before the next label's ordinal; the digit before ``.``/``、`` is
    that ordinal (``…秘密0000000`` + ``2.其他…``, also at the chunk's start: ``10000012.申请人…``);
    digits inside words (保留4位小数, 2024年) stay words."""
    out, start = [], 0
    for match in _GLUED.finditer(text):
        begin, end = match.span()
        if text[end : end + 1] in (".", "．", "、"):
            end -= 1  # its last digit is an ordinal; what comes before it, the previous row's cells
        elif end < len(text) and not _NEXT_LABEL.match(text, end):
            continue  # digits inside words (保留4位小数, 674件, 2024年) are words
        if end <= begin:
            continue
        if start < begin:
            out.append(_Placed(WORD, text[start:begin], column + start))
        out.append(_Placed(VALUE, text[begin:end], column + begin, fused=True))
        start = end
    if start < len(text):
        out.append(_Placed(WORD, text[start:], column + start))
    return out


def _cells(raw: str, pieces) -> list[_Placed]:
    """The cells of a line holding separators, in order, empty ones as `BLANK_CELL`."""
    chunks_only = [p for p in pieces if p.type != "SEP"]
    if not chunks_only or all(_RULE_PIECE.match(p.value) for p in chunks_only):
        return []  # a rule line: |---|---| or ├───┼───┤
    if pieces[0].type == "SEP" and all(_MARKDOWN_RULE.match(p.value) for p in chunks_only):
        return []  # |-|-|: after a leading pipe one dash is a rule (a lone - elsewhere is a value)
    cells: list[list] = [[]]
    seps: list = []
    for piece in pieces:
        if piece.type == "SEP":
            cells.append([])
            seps.append(piece)
        elif not _RULE_PIECE.match(piece.value):
            cells[-1].append(piece)
    first_is_border = pieces[0].type == "SEP" and pieces[0].value != "\t"
    last_is_border = pieces[-1].type == "SEP"
    out = []
    for index, content in enumerate(cells):
        if index == 0 and first_is_border:
            continue
        if index == len(cells) - 1 and last_is_border and not content:
            continue
        position = index - (1 if first_is_border else 0)
        if content:
            first, last = content[0], content[-1]
            begin, text = _unwrap(first.column, raw[first.column - 1 : last.column + len(last.value) - 1])
            out.append(_Placed(_kind(text), text, begin, True, False, position))
        else:
            at = seps[index - 1].column + 1 if index else 1
            out.append(_Placed(BLANK_CELL, "", at, True, False, position))
    return out
