"""Fit the tokens between two row labels to the row's width: the values of one row, or why not.

Hard cells are numbers, not-applicable marks, text cells on the label's own line of cells, and
blank cells between separators lying between two of those. Soft blanks — empty cells at a row's
edge, merged label columns — fill a row only where its width needs them and only where they can
stand in one place; a blank line is never hard and never a row's edge, and stands for an empty
cell only between two values of a one-cell-per-line row that lacks exactly that many. A run of digits glued to words is split only in the ways
that satisfy the row's own identity; the reader keeps a row so split only if the table's
column identities then single out one way for every such row (they then prove nothing). A row
without an identity (table 二) is not split, for a blank cell may have vanished in the run.
"""

from __future__ import annotations

from enum import Enum
from typing import NamedTuple

from giarlint.messages import Localized
from giarlint.tables.tokens import BLANK_CELL, SOFT, VALUE, WORD, Token
from giarlint.tree import Span

MAX_SPLITS = 50_000  # enumeration budget for the glued runs of one row
MAX_GLUED_DIGITS = 60  # a row of counts run together is a few dozen digits
MAX_CELL_DIGITS = 9  # one count
MAX_CHOICES = 16  # splits of one row kept for the table's column identities to choose from


class Reason(str, Enum):
    """Why a row was not read (the vocabulary of GIA003 and of `giarlint extract`)."""

    NOT_FOUND = "not_found"  # its label is not in the table
    TOO_FEW = "too_few"  # fewer values than columns
    TOO_MANY = "too_many"  # more values than columns
    AMBIGUOUS = "ambiguous"  # blank cells that could stand in more than one column
    GLUED = "glued"  # digits run together that no split, or too many splits, explain
    UNCONFIRMED = "unconfirmed"  # split by its row's identity, but the table's columns do not add up
    OUT_OF_ORDER = "out_of_order"  # a group's sum fails as printed but holds with its values in another order


class UnreadRow(NamedTuple):
    """A row not read, and why."""

    row: str  # canonical key
    name: Localized  # the row as the form names it
    reason: Reason
    span: Span
    found: int = 0
    width: int = 0


class Fit(NamedTuple):
    values: list[Token] | None
    reason: Reason | None = None
    found: int = 0  # hard cells seen
    glued: bool = False  # read by the row's identity: the values are one of `choices`
    choices: tuple = ()  # every split of the row's digits that satisfies its identity


Identity = list[tuple[int, list[int]]]  # (total position, part positions) within the row
_BLANKISH = (BLANK_CELL, SOFT)


def hard_cells(tokens: list[Token], lo: int, hi: int, anchor: Token | None) -> tuple[list[int], list[int], list[int]]:
    """Among tokens[lo:hi]: (hard cells, soft blanks, blank lines lying between two values).

    Blank cells between separators lying between two values are hard; blank lines never are:
    they may be an empty cell or only space between two groups of values. One pass: the blanks
    after a token are sorted when the next token that is not a blank is seen."""
    label_line = anchor.line if anchor is not None and anchor.separated else None  # its line of cells
    label_text = anchor.text if anchor is not None else None
    hard, soft, between = [], [], []
    blanks: list[int] = []  # the blanks since the last token that is not one
    left_is_value = False  # whether that token is a value
    left_text = None  # the text cell just before, on the label's line
    for i in range(lo, hi + 1):
        token = tokens[i] if i < hi else None
        if token is not None and (token.kind == BLANK_CELL or token.kind == SOFT):
            blanks.append(i)
            continue
        # a text cell on the label's own line of cells is a value, not the label's merged cell
        # repeated; nor is the same text again in the next cell: a merged text cell that a
        # converter prints once for each column it spans (python-docx). Copies of a number count
        # as one only in a row of one value (`_one_merged_cell`, below).
        repeated = (left_text is not None and token is not None and token.kind == WORD
                    and left_text.text == token.text and left_text.column == token.column - 1)
        is_value = token is not None and not repeated and (token.kind == VALUE or (
            token.kind == WORD and token.separated and token.line == label_line and token.text != label_text))
        left_text = token if (is_value and token.kind == WORD) or repeated else None
        if blanks:
            inside = left_is_value and is_value
            for b in blanks:
                if not inside:
                    soft.append(b)
                elif tokens[b].kind == BLANK_CELL:
                    hard.append(b)
                else:
                    between.append(b)
            blanks = []
        if is_value:
            hard.append(i)
        left_is_value = is_value
    return hard, soft, between


def fit(tokens: list[Token], lo: int, hi: int, width: int, anchor: Token | None,
        identity: Identity | None = None, one_per_line: bool = False, blank_lines: bool = True) -> Fit:
    """The `width` value tokens among tokens[lo:hi] (the tokens after a row's label).

    `one_per_line`: the table prints one cell per line, so empty cells on lines of their own
    are cells; `blank_lines`: a blank line between two values may then stand for an empty cell
    (not in table 四, where a blank line may part its groups)."""
    start, end = lo, hi  # the commonest row: its values in a run, maybe empty cells around them
    while start < end and tokens[start].kind in _BLANKISH:
        start += 1
    while end > start and tokens[end - 1].kind in _BLANKISH:
        end -= 1
    if end - start == width:
        cells = tokens[start:end]
        for token in cells:  # (a loop: all() over a generator took longer than the rest of the fit)
            if token.kind != VALUE or token.fused:
                break
        else:
            return Fit(cells, None, width)  # what the general case finds, in a tenth of the time
    hard, soft, between = hard_cells(tokens, lo, hi, anchor)
    found = len(hard)
    if any(tokens[i].fused for i in hard):  # a glued run is never taken for one cell
        return _split_glued(tokens, hard, width, identity)
    if found == width:
        return Fit([tokens[i] for i in hard], found=found)
    if found > width:
        if width == 1 and _one_merged_cell([tokens[i] for i in hard]):
            return Fit([tokens[hard[0]]], found=found)
        return Fit(None, Reason.TOO_MANY, found)
    need = width - found
    usable = _usable_blanks(tokens, hard, soft, one_per_line, anchor)
    leading = [i for i in usable if hard and i < hard[0]]
    trailing = [i for i in usable if not hard or i > hard[-1]]
    if trailing and not leading and not between and len(trailing) >= need:
        return Fit([tokens[i] for i in sorted(hard + trailing[:need])], found=found)
    if one_per_line and blank_lines and not usable and len(between) == need:
        return Fit([tokens[i] for i in sorted(hard + between)], found=found)  # an empty line for an empty cell
    return Fit(None, Reason.AMBIGUOUS if len(usable) + len(between) >= need else Reason.TOO_FEW, found)


def _one_merged_cell(cells: list[Token]) -> bool:
    """Whether the cells are one merged cell printed once for each column it spans (python-docx
    does): the same text in consecutive cells of one line. Only for a row of one value: which
    of the copies is taken then does not matter; for a wider row it would."""
    first = cells[0]
    return first.separated and all(
        cell.separated and cell.line == first.line and cell.text == first.text and cell.column == first.column + k
        for k, cell in enumerate(cells))


def _usable_blanks(tokens: list[Token], hard: list[int], soft: list[int], one_per_line: bool,
                   anchor: Token | None) -> list[int]:
    """The empty cells at a row's edge that may be its cells: on a line holding its values, or,
    where the table prints one cell per line, on lines of their own. Blank lines at a row's
    edge are never cells: they part the rows."""
    lines = {tokens[i].line for i in hard}
    if anchor is not None and anchor.separated:
        lines.add(anchor.line)  # the label's own row of cells: | 2.重复申请 | | | | | | | |
    return [i for i in soft if tokens[i].kind == BLANK_CELL and (tokens[i].line in lines or one_per_line)]


def _split_glued(tokens: list[Token], hard: list[int], width: int, identity: Identity | None) -> Fit:
    """Split the runs of digits among the hard cells so that the row has `width` values (where
    one run is glued, a space may have cut another one: ``230 000023``); accept only when
    exactly one split satisfies the row's identity."""
    cells = [tokens[i] for i in hard]
    if width == 1 and len(cells) == 1:
        return Fit(cells, found=1)  # one cell: its digits are all there is, nothing can have vanished
    digits = sum(len(t.text) for t in cells)
    if (not identity or not all(t.text.isdigit() for t in cells) or digits > MAX_GLUED_DIGITS
            or not len(cells) <= width <= digits):
        # without an identity to check, a lost blank cell (0|14 or 0|1|4?) cannot be ruled out
        return Fit(None, Reason.GLUED, len(hard))
    found: list[list[tuple[int, str, int]]] = []  # (cell index, digits, offset in the cell)
    budget = [MAX_SPLITS]
    most = MAX_CHOICES + 1

    def walk(index: int, offset: int, row: list, left: int) -> None:
        """`left`: digits not yet placed, from cells[index] at `offset` on."""
        budget[0] -= 1
        if budget[0] <= 0 or len(found) >= most:
            return
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
            cells_left = width - len(row) - 1
            if not cells_left <= left - cut <= cells_left * MAX_CELL_DIGITS:
                continue  # what is left cannot fill the cells left
            if cut == len(text):
                walk(index + 1, 0, row + [(index, head, offset)], left - cut)
            else:
                walk(index, offset + cut, row + [(index, head, offset)], left - cut)

    if len(cells) == 1 and identity == [(width - 1, list(range(width - 1)))]:
        found = _total_last_splits(cells[0].text, width)  # table 三's rows: quick and complete
        if found is None:
            return Fit(None, Reason.GLUED, len(hard))
    else:
        walk(0, 0, [], digits)
    if not found or len(found) > MAX_CHOICES or budget[0] <= 0:
        return Fit(None, Reason.GLUED, len(hard))
    choices = tuple(_tokens_of(cells, split) for split in found)
    return Fit(choices[0], found=len(hard), glued=True, choices=choices)


def _total_last_splits(text: str, width: int) -> list | None:
    """Every split of one run of digits into `width` counts whose last is the sum of the others
    (a table-三 row: 总计 = the six applicant columns), as (0, digits, offset) pieces; None past
    MAX_CHOICES. The total is tried at each length; the parts, never longer than it, are found
    by a search that leaves a branch as soon as what is still needed lies outside the least and
    the most that the digits left can make in the parts left."""
    found: list[list[tuple[int, str, int]]] = []
    parts_wanted = width - 1
    for length in range(1, min(MAX_CELL_DIGITS, len(text) - width + 1) + 1):
        total_text = text[len(text) - length :]
        if total_text[0] == "0" and length > 1:
            continue
        total, head = int(total_text), text[: len(text) - length]
        if (total - sum(map(int, head))) % 9:
            continue  # casting out nines: the parts use every digit of head, so sum ≡ their digit sum
        least, most = _sum_bounds(head, parts_wanted, length)

        def parts(offset: int, left: int, sum_so_far: int, pieces: list) -> bool:
            """False when more than MAX_CHOICES splits exist (then stop)."""
            if left == 0:
                if offset == len(head) and sum_so_far == total:
                    found.append(pieces + [(0, total_text, len(head))])
                    if len(found) > MAX_CHOICES:
                        return False
                return True
            needed = total - sum_so_far
            if not least[left][offset] <= needed <= most[left][offset]:
                return True  # exact: tests/test_glued_splits.py tries every cut
            for cut in range(1, min(length, len(head) - offset) + 1):
                piece = head[offset : offset + cut]
                if piece[0] == "0" and cut > 1:
                    break
                value = sum_so_far + int(piece)
                if value > total:
                    break  # longer pieces are larger still
                if not parts(offset + cut, left - 1, value, pieces + [(0, piece, offset)]):
                    return False
            return True

        if not parts(0, parts_wanted, 0, []):
            return None
    return found


def _sum_bounds(head: str, count: int, longest: int) -> tuple[list[list[float]], list[list[float]]]:
    """least[k][o] and most[k][o]: the smallest and the largest sum of head[o:] cut into k counts
    of at most `longest` digits without a leading 0 (inf and -inf where no such cut exists)."""
    size = len(head)
    inf = float("inf")
    least = [[0 if o == size else inf for o in range(size + 1)]]
    most = [[0 if o == size else -inf for o in range(size + 1)]]
    for k in range(1, count + 1):
        low, high = least[-1], most[-1]
        row_least, row_most = [inf] * (size + 1), [-inf] * (size + 1)
        for o in range(size):
            best_low, best_high = inf, -inf
            for cut in range(1, min(longest, size - o) + 1):
                if cut > 1 and head[o] == "0":
                    break
                rest_low = low[o + cut]
                if rest_low == inf:
                    continue
                value = int(head[o : o + cut])
                best_low = min(best_low, value + rest_low)
                best_high = max(best_high, value + high[o + cut])
            row_least[o], row_most[o] = best_low, best_high
        least.append(row_least)
        most.append(row_most)
    return least, most


def _tokens_of(cells: list[Token], split: list[tuple[int, str, int]]) -> list[Token]:
    out = []
    for index, piece, offset in split:
        token = cells[index]
        out.append(token._replace(text=piece, begin=token.begin + offset))
    return out
