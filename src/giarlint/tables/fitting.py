"""Fit the tokens between two row labels to the row's width: the values of one row, or why not.

Hard cells are numbers, not-applicable marks, text cells on the label's own line of cells, and
blank cells (or blank lines) lying between two of those. Soft blanks — empty cells at a row's
edge, merged label columns, blank lines — fill a row only where its width needs them and only
where they can stand in one place. A run of digits glued to words is split only when exactly
one split satisfies the row's own identity (say so: that identity then proves nothing); a row
without an identity (table 二) is not split, for a blank cell may have vanished in the run.
"""

from __future__ import annotations

from enum import Enum
from typing import NamedTuple

from giarlint.tables.tokens import BLANK_CELL, SOFT, VALUE, WORD, Token

MAX_SPLITS = 50_000  # enumeration budget for the glued runs of one row


class Reason(str, Enum):
    """Why a row was not read (the vocabulary of GIA003 and of `giarlint extract`)."""

    NOT_FOUND = "not_found"  # its label is not in the table
    TOO_FEW = "too_few"  # fewer values than columns
    TOO_MANY = "too_many"  # more values than columns
    AMBIGUOUS = "ambiguous"  # blank cells that could stand in more than one column
    GLUED = "glued"  # digits run together that no single split explains


class Fit(NamedTuple):
    values: list[Token] | None
    reason: Reason | None = None
    found: int = 0  # hard cells seen
    glued: bool = False  # read by splitting a glued run of digits


Identity = list[tuple[int, list[int]]]  # (total position, part positions) within the row


def hard_cells(tokens: list[Token], lo: int, hi: int, anchor: Token | None) -> tuple[list[int], list[int]]:
    """(indices of hard cells, indices of soft blanks) among tokens[lo:hi]."""
    def is_value(i: int) -> bool:
        token = tokens[i]
        if token.kind == VALUE:
            return True
        return (token.kind == WORD and token.separated and anchor is not None and anchor.separated
                and token.line == anchor.line)

    blankish = (BLANK_CELL, SOFT)
    previous: list[int | None] = []  # the nearest token before each one that is not a blank
    last = None
    for i in range(lo, hi):
        previous.append(last)
        if tokens[i].kind not in blankish:
            last = i
    following: list[int | None] = [None] * (hi - lo)
    last = None
    for i in range(hi - 1, lo - 1, -1):
        following[i - lo] = last
        if tokens[i].kind not in blankish:
            last = i
    hard, soft = [], []
    for i in range(lo, hi):
        token = tokens[i]
        if is_value(i):
            hard.append(i)
        elif token.kind in blankish:
            left, right = previous[i - lo], following[i - lo]
            if left is not None and right is not None and is_value(left) and is_value(right):
                hard.append(i)
            else:
                soft.append(i)
    return hard, soft


def fit(tokens: list[Token], lo: int, hi: int, width: int, anchor: Token | None,
        identity: Identity | None = None, one_per_line: bool = False) -> Fit:
    """The `width` value tokens among tokens[lo:hi] (the tokens after a row's label)."""
    hard, soft = hard_cells(tokens, lo, hi, anchor)
    found = len(hard)
    if any(tokens[i].fused for i in hard):  # a glued run is never taken for one cell
        return _split_glued(tokens, hard, width, identity)
    if found == width:
        return Fit([tokens[i] for i in hard], found=found)
    if found > width:
        return Fit(None, Reason.TOO_MANY, found)
    need = width - found
    usable = _usable_blanks(tokens, hard, soft, one_per_line, anchor)
    leading = [i for i in usable if hard and i < hard[0]]
    trailing = [i for i in usable if not hard or i > hard[-1]]
    if trailing and not leading and len(trailing) >= need:
        return Fit([tokens[i] for i in sorted(hard + trailing[:need])], found=found)
    if leading and not trailing and len(leading) == need and one_per_line:
        return Fit([tokens[i] for i in sorted(hard + leading)], found=found)
    return Fit(None, Reason.AMBIGUOUS if len(usable) >= need else Reason.TOO_FEW, found)


def _usable_blanks(tokens: list[Token], hard: list[int], soft: list[int], one_per_line: bool,
                   anchor: Token | None) -> list[int]:
    """The soft blanks that may be cells of the row: empty cells on a line holding its values
    (the row's edge), and, where the table prints one cell per line, empty lines and cells
    on lines of their own. In space-aligned text a blank cell leaves no trace: a blank line
    there is never a cell."""
    lines = {tokens[i].line for i in hard}
    if anchor is not None and anchor.separated:
        lines.add(anchor.line)  # the label's own row of cells: | 2.重复申请 | | | | | | | |
    out = []
    for i in soft:
        token = tokens[i]
        if token.kind == SOFT:
            if one_per_line:
                out.append(i)
        elif token.line in lines or one_per_line:
            out.append(i)
    return out


def _split_glued(tokens: list[Token], hard: list[int], width: int, identity: Identity | None) -> Fit:
    """Split the runs of digits among the hard cells so that the row has `width` values (where
    one run is glued, a space may have cut another one: ``230 000023``); accept only when
    exactly one split satisfies the row's identity."""
    cells = [tokens[i] for i in hard]
    if width == 1 and len(cells) == 1:
        return Fit(cells, found=1)  # one cell: its digits are all there is, nothing can have vanished
    if not identity or not all(t.text.isdigit() for t in cells):
        # without an identity to check, a lost blank cell (0|14 or 0|1|4?) cannot be ruled out
        return Fit(None, Reason.GLUED, len(hard))
    found: list[list[tuple[int, str, int]]] = []  # (cell index, digits, offset in the cell)
    budget = [MAX_SPLITS]

    def walk(index: int, offset: int, row: list) -> None:
        if budget[0] <= 0 or len(found) > 1 or len(row) > width:
            return
        budget[0] -= 1
        if index == len(cells):
            if len(row) == width:
                numbers = [int(piece) for _, piece, _ in row]
                if all(numbers[t] == sum(numbers[p] for p in ps) for t, ps in identity):
                    found.append(list(row))
            return
        text = cells[index].text[offset:]  # every run of digits may be cells run together here
        for cut in range(1, len(text) + 1):
            head = text[:cut]
            if head != "0" and head[0] == "0":
                break
            if cut == len(text):
                walk(index + 1, 0, row + [(index, head, offset)])
            else:
                walk(index, offset + cut, row + [(index, head, offset)])

    walk(0, 0, [])
    if len(found) != 1 or budget[0] <= 0:
        return Fit(None, Reason.GLUED, len(hard))
    out = []
    for index, piece, offset in found[0]:
        token = cells[index]
        column = token.span.column + offset
        out.append(token._replace(text=piece, span=token.span._replace(column=column, end_column=column + len(piece))))
    return Fit(out, found=len(hard), glued=True)


