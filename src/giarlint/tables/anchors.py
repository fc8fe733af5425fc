"""Place a template's row labels on a table's token stream, in template order.

The word tokens, folded, form one label lane, so a label wrapped over lines, split around its
numbers or printed down the side reads like a clean one. Rows are placed in template order
(which also tells the repeated leaves 1.–8. apart): first by the template's `match` words
(``exact`` words only on a token with an ordinal: 其他, 总计 are also column headers), choosing
the most rows in order; then each row still missing is looked for only inside the gap between
its placed neighbours, by similarity to its label and aliases.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import lru_cache
from itertools import accumulate
from typing import NamedTuple

from giarlint.memo import short_texts
from giarlint.normalize import fold, has_cjk
from giarlint.tables.templates import Label, strip_ordinal
from giarlint.tables.tokens import VALUE, WORD, Token

MAX_BETWEEN = 12  # characters of other words (a side label's piece) inside a wrapped label
MAX_GAP_WORDS = 60  # words of a gap compared by similarity (a gap holds a few labels, not pages)
MEMO_CHARS = 400  # words up to this long are memoised; a longer one is folded anew each time


class Anchor(NamedTuple):
    """Where row `row` of the template was found: the token holding its label words."""

    row: int  # index in the template's row list
    token: int  # index of the token where the label begins
    start: int  # lane offsets of the words
    end: int
    similar: bool = False  # found by similarity only: the label is misspelt


class Lane(NamedTuple):
    text: str
    starts: list[int]  # lane offset where each word token begins
    tokens: list[int]  # index in the token stream of each word token
    words: list[str]  # folded text of each word token
    bodies: dict  # a word's text without its ordinal -> [(position, has ordinal)]
    found: dict  # memo of the rows' occurrences (the two formats share most rows)

    def token_at(self, offset: int) -> int:
        """The index (in the lane) of the word token holding lane offset `offset`."""
        return max(bisect_right(self.starts, offset) - 1, 0)


def lane(tokens: list[Token], indices: list[int] | None = None) -> Lane:
    """The lane of the word tokens, in stream order (or in the order of `indices`)."""
    if indices is None:
        indices = [index for index, token in enumerate(tokens) if token.kind == WORD]
    parts = _lane_word.each([tokens[i].text for i in indices])
    words = [folded for folded, _, _ in parts]
    starts = list(accumulate(map(len, words[:-1]), initial=0)) if words else []
    bodies: dict[str, list] = {}
    bare_ordinal = False  # the previous word was an ordinal alone: （七） 总计
    for position, (_, body, has_ordinal) in enumerate(parts):
        bodies.setdefault(body, []).append((position, has_ordinal or bare_ordinal))
        bare_ordinal = has_ordinal and not body
    return Lane("".join(words), starts, indices, words, bodies, {})


@short_texts(8192, MEMO_CHARS)
def _lane_word(text: str) -> tuple[str, str, bool]:
    """A word's folded text, that without its ordinal, and whether it had one; memoised (short
    words), as the labels recur in every report."""
    folded = fold(text)
    return (folded, *strip_ordinal(folded))


@lru_cache(maxsize=1024)
def _label_body(label: str) -> str:
    """A template label folded and without its ordinal (the template's few labels, kept)."""
    return fold(strip_ordinal(fold(label))[0])


def _occurrences(row: Label, words: Lane) -> list[tuple[int, int]]:
    """(start, end) lane offsets where the row's label words are, in lane order."""
    known = words.found.get(row)
    if known is not None:
        return known
    found = []
    for word in row.match:
        at = words.text.find(word)
        while at >= 0:
            found.append((at, at + len(word)))
            at = words.text.find(word, at + 1)
    for word in row.exact:
        for position, has_ordinal in words.bodies.get(word, ()):
            if has_ordinal or not row.ordinal:
                found.append((words.starts[position], words.starts[position] + len(words.words[position])))
    words.found[row] = result = sorted(set(found)) if len(found) > 1 else found
    return result


def place(rows: tuple[Label, ...], tokens: list[Token], threshold: float, words: Lane | None = None) -> list[Anchor]:
    """Anchors of the rows found, in template (and stream) order."""
    words = words or lane(tokens)
    if not words.words:
        return []
    candidates = [_occurrences(row, words) for row in rows]
    placed = _most_in_order(candidates)
    anchors = [Anchor(r, words.tokens[words.token_at(_label_begins(rows[r], words, start, end))], start, end)
               for r, (start, end) in placed]
    anchors = _fill_gaps(rows, anchors, words, threshold)
    if len(anchors) < len(rows):
        anchors = _down_the_columns(rows, anchors, tokens)
    return anchors


def _column_lanes(tokens: list[Token]) -> list[Lane]:
    """The word tokens of space-aligned text read down each column: from one line holding values
    to the next, by column first. A label wrapped in a narrow cell beside a group label wrapped
    in its own (``（三   1.属   0 0 …`` / ``）不   于国`` / ``予公   家秘``) is interleaved with
    it in the stream; down its column it reads ``1.属于国家秘密``. Two lanes: columns by where
    the words begin (aligned text), and by the words' places in their lines (text that kept one
    space between the pieces, pdfplumber's: ``开 密`` under ``（三 1.属``)."""
    value_lines = {token.line for token in tokens if token.kind == VALUE}
    segment, position, line = 0, 0, None
    by_begin, by_position = [], []
    for index, token in enumerate(tokens):
        if token.line != line:
            line, position = token.line, 0
            segment += line in value_lines  # a line of values starts a row's lines
        if token.kind == WORD and not token.separated:
            by_begin.append((segment, token.begin, token.line, index))
            by_position.append((segment, position, token.line, index))
            position += 1
    return [lane(tokens, [index for *_, index in sorted(order)]) for order in (by_begin, by_position)]


def _down_the_columns(rows, anchors: list[Anchor], tokens: list[Token]) -> list[Anchor]:
    """Rows still missing, found by their `match` words on the column lanes, each only where its
    label begins between the tokens of its placed neighbours (so it stays in template order)."""
    lanes = _column_lanes(tokens)
    placed = {a.row for a in anchors}
    result = list(anchors)
    for row in range(len(rows)):
        if row not in placed:
            before = max((a.token for a in result if a.row < row), default=-1)
            after = min((a.token for a in result if a.row > row), default=len(tokens))
            found = _between(rows[row], lanes, before, after)
            if found is not None:
                result.append(found._replace(row=row))
    result.sort(key=lambda a: a.row)
    return result


def _between(row: Label, lanes: list[Lane], before: int, after: int) -> Anchor | None:
    """The first occurrence of the row's words on the lanes whose label begins at a token
    between `before` and `after` (the row index is filled in by the caller)."""
    for columns in lanes:
        for start, end in _occurrences(row, columns):
            token = columns.tokens[columns.token_at(_label_begins(row, columns, start, end))]
            if before < token < after:
                return Anchor(-1, token, start, end)
    return None


def _label_begins(row: Label, words: Lane, start: int, end: int) -> int:
    """Where in the lane the label holding the key word at `start` begins: the key word of a
    label wrapped in its cell may be on the second line (2.其他法律行政 / 法规禁止公开, the values
    beside the first), and the row's values follow the label's first words, not its key word."""
    body = _label_body(row.label)
    before = body.find(words.text[start:end])
    if before <= 0:
        return start
    # the label's first words, maybe with a group label printed down the side in between
    # (3.要求提供公开 / 不予处 / 出版物)
    at = words.text.rfind(body[:before], max(0, start - before - MAX_BETWEEN), start)
    return at if at >= 0 else start


def _most_in_order(candidates: list[list[tuple[int, int]]]) -> list[tuple[int, tuple[int, int]]]:
    """The largest choice of one occurrence per row with lane positions increasing in row order.

    States are (end of the last chosen occurrence, chosen rows); taking a row's earliest
    occurrence after that end is never worse, so each state grows in one way only."""
    def after(row: int, last: int):
        """The row's first occurrence starting at or after lane offset `last` (a pair (start, end)
        sorts after (last,) exactly when start >= last)."""
        at = bisect_left(candidates[row], (last,))
        return candidates[row][at] if at < len(candidates[row]) else None

    greedy, last = [], -1
    for row, occurrences in enumerate(candidates):
        occurrence = after(row, last)
        if occurrence is None and occurrences:
            break  # a row out of order: search every choice
        if occurrence is not None:
            greedy.append((row, occurrence))
            last = occurrence[1]
    else:
        return greedy  # every row that has words placed in order: nothing can place more
    states: list[tuple[int, int, list]] = [(-1, 0, [])]  # (last end, -rows chosen, chosen)
    for row, occurrences in enumerate(candidates):
        if not occurrences:
            continue
        grown = list(states)
        for last, count, chosen in states:
            occurrence = after(row, last)
            if occurrence is not None:
                grown.append((occurrence[1], count - 1, chosen + [(row, occurrence)]))
        grown.sort(key=lambda state: (state[0], state[1]))
        states = []
        for state in grown:  # keep a state only if no state ending earlier has as many rows
            if not states or state[1] < states[-1][1]:
                states.append(state)
    return min(states, key=lambda state: (state[1], state[0]))[2]  # the most rows, ending earliest


def _similarity(row: Label, text: str) -> float:
    body, _ = strip_ordinal(text)
    targets = [_label_body(row.label)] + [fold(a) for a in row.aliases]
    if len(body) < 2 or len(body) > 3 * max(map(len, targets)) or not has_cjk(body):
        return 0.0
    from difflib import SequenceMatcher  # only a row no label matched needs it: not loaded otherwise

    return max(SequenceMatcher(None, body, target, autojunk=False).ratio() for target in targets)


def _fill_gaps(rows, anchors: list[Anchor], words: Lane, threshold: float) -> list[Anchor]:
    """Rows missing between two placed neighbours, found by similarity inside that gap."""
    placed = {a.row for a in anchors}
    if len(placed) == len(rows):
        return anchors
    result = list(anchors)
    bounds = [Anchor(-1, -1, 0, 0)] + anchors + [Anchor(len(rows), -1, len(words.text), len(words.text))]
    for left, right in zip(bounds, bounds[1:]):
        missing = [r for r in range(left.row + 1, right.row) if r not in placed]
        if not missing:
            continue
        positions = [p for p in range(bisect_left(words.starts, left.end), len(words.words))
                     if words.starts[p] < right.start][:MAX_GAP_WORDS]
        for row in missing:
            best, best_score = None, threshold
            for p in positions:
                score = _similarity(rows[row], words.words[p])
                if score >= best_score:
                    best, best_score = p, score
            if best is None:
                continue
            start = words.starts[best]
            misspelt = best_score < 1.0  # the very label, only missing its ordinal or key word split, is no typo
            result.append(Anchor(row, words.tokens[best], start, start + len(words.words[best]), misspelt))
            positions = [p for p in positions if p > best]
    result.sort(key=lambda a: a.row)
    return result
