"""A report whose body is one long line: a crawler stripped a web page's tags and kept no line
breaks, so headings, prose and the three tables run together (``…情况二、主动公开政府信息情况第二十条
第（一）项信息内容本年制发件数…``). The text is given lines again — a break before and after each section
heading and before each table — and every position maps back to its line and column in the
original.
"""

from __future__ import annotations

import re

from giarlint.assemble import section_words
from giarlint.normalize import fold
from giarlint.patterns import lazy
from giarlint.readers import ConvertedSource, PositionMap

MIN_LINE = 1000  # a line this long holding two section headings is a page run together
# compiled on first use: most reports have no such line and never reach them
_HEADING = lazy(r"[一二三四五六七八九十][ \u3000]*[、．.]")
# where a table starts, in its section: table 二's first caption, table 三's corner note or first
# row, table 四's header
_TABLE_STARTS = lazy(r"第二十条第|[（(]本列数据|申请人情况|一、本年新收")
_TABLE4_HEADER = lazy(r"结果维持")
_HTML_ROW = lazy(r"<tr[\s>]", re.IGNORECASE)  # a page's HTML kept in the text
_TITLE_END = lazy(r"情况|事项")  # every section title of the form ends so
_ROW_LABEL = lazy(r"[一二三四][、．.](?:本年新收|本年度|上年|结转)")
# what a heading run into the page follows: a sentence's end, a table's last number, markup
_BEFORE_HEADING = lazy(r"[。；;！？!?:：）)】”\"'>\s\d]")


def reflow(text: str) -> ConvertedSource | None:
    """The text with line breaks before headings and tables inside its long lines, or None
    when no long line holds two headings (an ordinary report with a long paragraph is left
    alone)."""
    lines = text.split("\n")
    if max(map(len, lines)) < MIN_LINE:
        return None
    words = section_words()
    breaks: list[int] = []
    offset = 0
    for line in lines:
        if len(line) >= MIN_LINE:
            headings = set(_heading_breaks(line, words))
            if len(headings) >= 2:
                breaks += [offset + at for at in sorted(headings | set(_table_breaks(line))) if 0 < at < len(line)]
        offset += len(line) + 1
    if not breaks:
        return None
    out, starts, ends, previous = [], [], [], 0
    for at in breaks + [len(text)]:
        out.append(text[previous:at])
        starts.extend(range(previous, at))
        ends.extend(range(previous + 1, at + 1))
        if at < len(text):
            out.append("\n")
            starts.append(-1)
            ends.append(-1)
        previous = at
    return ConvertedSource("".join(out), "text", PositionMap(text, starts, ends))


def _heading_breaks(text: str, words: tuple[str, ...]):
    """Offsets of section headings inside long lines: 二、 followed by a section's words."""
    for match in _HEADING.finditer(text):
        start = match.start()
        if _ROW_LABEL.match(text, start) or (start and not _BEFORE_HEADING.match(text[start - 1])):
            continue  # a row label, or a heading named in a sentence (详见二、主动公开…)
        following = fold(text[match.end() : match.end() + 30])
        if any(word in following for word in words):
            yield start
            end = _TITLE_END.search(text, match.end(), match.end() + 40)
            if end and end.end() < len(text):
                yield end.end()  # the prose that follows the title


def _table_breaks(text: str):
    for match in _TABLE_STARTS.finditer(text):
        yield match.start()
    for match in _HTML_ROW.finditer(text):
        yield match.start()
    for match in _TABLE4_HEADER.finditer(text):  # the header's 行政复议, not the heading's
        at = text.rfind("行政复议", max(0, match.start() - 80), match.start())
        if at >= 0:
            yield at
