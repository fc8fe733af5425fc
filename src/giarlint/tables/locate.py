"""Where the tables are: line ranges found by the templates' anchor words, before any prose
grammar sees the lines.

A table is a cluster of lines holding its anchor words (本年新收…, 第二十条第（X）项, 行政复议 with
行政诉讼 …), taken with the value lines that follow it. A cluster never crosses a section heading
or another table's anchor line, and prose lines (sentences) hold no anchors, so the narrative's
"收到申请13件，予以公开2件" is not a table. Inside a range nothing is a heading: the vertical group
label 三、/本/年/度… printed down the side of table 三 stays a part of the table.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from giarlint.memo import short_texts
from giarlint.normalize import fold

_HEADING_SHAPE = re.compile(r"^[ \t\u3000]*[一二三四五六七八九十]{1,3}[ \u3000]*[、．.，,]")
# the table-三 row labels shaped like headings (一、本年新收… 四、结转下年度继续办理), and a group
# label's first piece beside its first row's (三、 (一)予以公开 …: a narrow label column)
_ROW_LABEL = re.compile(r"^[ \t\u3000]*[一二三四][ \u3000]*[、．.，,][ \u3000]*(本年新收|本年度|本年[ \u3000]*$|上年|[结結][转轉]|[（(][一二三四五六七八九十])")
_SEPARATORS = frozenset("|｜│┃\t")
_RULE_CHARS = frozenset("+-=:|｜─━═│┃┼├┤┌┐└┘┬┴╋")  # a grid table's rule line (+----+====+) is no prose
_MAX_GAP = 60  # non-blank lines between two anchor lines of one table (one cell per line: 8 a row)
_PROSE_LENGTH = 80
MEMO_CHARS = 400  # longer lines are marked anew each time rather than kept in the memo


class Extent(NamedTuple):
    """Lines `first`..`last` (1-based, inclusive) hold table `kind`."""

    kind: str
    first: int
    last: int


class LocateSpec(NamedTuple):
    """A template's anchor words (folded) and how many different ones make a table."""

    kind: str
    words: tuple[str, ...]
    min_words: int = 3


def locate(lines: list[str], specs: tuple[LocateSpec, ...], section_words: tuple[str, ...]) -> list[Extent]:
    """The extent of each table kind that has enough anchors, in line order; never overlapping."""
    marks = _marker(specs, section_words).each(lines)
    filled = 0  # non-blank lines so far: a tool's blank line between two cells does not widen a gap
    anchored = []
    for index, mark in enumerate(marks):
        if mark.hits or mark.kind == "heading":
            anchored.append((index, filled, mark))
        filled += mark is not _BLANK
    found = []
    for spec in specs:
        best = _best_cluster(anchored, spec.kind, spec.min_words)
        if best is not None:
            found.append(Extent(spec.kind, *_extend(lines, marks, spec.kind, *best)))
    found.sort(key=lambda extent: extent.first)
    kept: list[Extent] = []
    for extent in found:
        if kept and extent.first <= kept[-1].last:
            continue  # the earlier table keeps its lines
        kept.append(extent)
    return kept


class _Mark(NamedTuple):
    kind: str  # blank, heading, prose, line
    hits: dict  # table kind -> set of anchor words on the line


_BLANK = _Mark("blank", {})


@lru_cache(maxsize=4)
def _marker(specs: tuple[LocateSpec, ...], section_words: tuple[str, ...]):
    """`_mark` with the templates' words bound, memoised by the line alone (labels and value lines
    recur in every report): hashing the words with every line took longer than the lookup."""

    @short_texts(8192, MEMO_CHARS)
    def mark(line: str) -> _Mark:
        return _mark(line, specs, section_words)

    return mark


def _mark(line: str, specs, section_words) -> _Mark:
    stripped = line.strip()
    if not stripped:
        return _BLANK
    separated = (not _SEPARATORS.isdisjoint(stripped) or "</td" in stripped or "</TD" in stripped  # cells, or HTML's
                 or any("\u2500" <= ch <= "\u257f" for ch in stripped[:3]))  # a box-drawn rule (├──┼──┤)
    folded = fold(stripped) if len(stripped) < 2000 else ""
    hits = {}
    for spec in specs:
        words = {word for word in spec.words if word in folded}
        if words:
            hits[spec.kind] = words
    if not separated and _HEADING_SHAPE.match(line) and not _ROW_LABEL.match(line):
        if any(word in folded for word in section_words):
            return _Mark("heading", {})
    strongest = max((len(words) for words in hits.values()), default=0)
    if not separated and _RULE_CHARS.issuperset(stripped):
        return _Mark("line", hits)
    if not separated and ("。" in stripped or (len(stripped) > _PROSE_LENGTH and "  " not in stripped and strongest < 3)):
        return _Mark("prose", {})
    return _Mark("line", hits)


def _best_cluster(anchored: list[tuple[int, int, _Mark]], kind: str, min_words: int) -> tuple[int, int] | None:
    """(first, last) line index of the run of `kind` anchor lines with the most different words.

    `anchored`: the (index, non-blank lines before it, mark) of the headings and of the lines
    holding anchors, the only lines that start, grow or end a run besides a gap of more than
    _MAX_GAP other non-blank lines."""
    best, best_count = None, 0
    start = last = None
    last_filled = 0
    words: set = set()
    for index, filled, mark in anchored:
        if start is not None and (kind not in mark.hits or filled - last_filled - 1 > _MAX_GAP):
            if len(words) > best_count:  # a heading or another table's anchors, or too far
                best, best_count = (start, last), len(words)
            start = None
        if kind in mark.hits:
            if start is None:
                start, words = index, set()
            last, last_filled = index, filled
            words |= mark.hits[kind]
    if start is not None and len(words) > best_count:
        best, best_count = (start, last), len(words)
    return best if best_count >= min_words else None


def _ends_table(line: str) -> bool:
    """A heading-shaped line with a title of its own (not 三、本, a group label printed down
    the side in pieces) ends the values that follow a table's last anchor."""
    match = _HEADING_SHAPE.match(line)
    if not match or _ROW_LABEL.match(line):
        return False
    return len(fold(line[match.end():])) >= 4


def _extend(lines: list[str], marks: list[_Mark], kind: str, first: int, last: int) -> tuple[int, int]:
    """1-based line range: the cluster and the lines after it that still belong to the table
    (values, blank lines, short words), up to a heading, prose or another table's anchors."""
    end = last
    for index in range(last + 1, len(marks)):
        mark = marks[index]
        if mark.kind in ("heading", "prose") or (mark.hits and kind not in mark.hits):
            break
        if mark.kind != "blank" and _ends_table(lines[index]):
            break
        if mark.kind != "blank":
            end = index
    return first + 1, end + 1
