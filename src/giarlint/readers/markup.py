"""Blank the markup a converter wraps around a report's headings and title.

pandoc and other converters write a heading of a web page as ``**<span style="…">一、总体情况</span>**``
(Markdown, the raw span kept, at times broken over two lines), ``*一、总体情况*`` (Org, AsciiDoc,
Textile), ``'''一、总体情况'''`` (MediaWiki), ``## 一、总体情况`` or ``h2. 一、总体情况``; the
grammar's HEADING, which starts at the numeral, then misses all six sections. Such markup is
replaced here by as many spaces, in the copy the parser reads, only on a line that is then a
heading, a sub-heading or the report's title: every other character keeps its line and column,
so positions in the original text stay exact (like `giarlint.suppressions.mask_directives`).
A list bullet (``* 2021年…年度报告``, a page's list of other reports) is not markup of a title.
"""

from __future__ import annotations

from giarlint.patterns import lazy

_TAGS = r"<[a-zA-Z][^<>\n]*>"
_TAIL_OF_TAG = r"[a-zA-Z-]+=\"[^\"<>\n]*\">"  # the rest of a tag begun on the line before
# each run of a mark is taken whole (``*{1,3}(?!*)``): a line of 80 underscores must not be
# tried as every way of cutting it into runs of one or two
_HEADING_OPEN = (rf"(?:#{{1,6}}[ \t]+|\*{{1,3}}(?!\*)[ \t]*|__?(?!_)|'{{2,5}}(?!')|=+[ \t]+|h[1-6]\.[ \t]+"
                 rf"|{_TAGS}|{_TAIL_OF_TAG})")
_TITLE_OPEN = (rf"(?:#{{1,6}}[ \t]+|\*{{1,3}}(?![* \t])|__?(?![_ \t])|'{{2,5}}(?!')|=+[ \t]+|h[1-6]\.[ \t]+"
               rf"|{_TAGS})")
_CLOSE = r"(?:\*{1,3}(?!\*)|__?(?!_)|'{2,5}(?!')|[ \t]+=+|[ \t]+#+|</[a-zA-Z]+>)*"
_HEADING_SHAPE = r"(?:[一二三四五六七八九十]{1,3}[ \u3000]*[、．.，,]|[（(][一二三四五六七八九十]{1,3}[）)])"
_HEADING = lazy(rf"([ \t\u3000]*)({_HEADING_OPEN}+)({_HEADING_SHAPE}.*?)({_CLOSE})[ \t]*$")
_TITLE = lazy(rf"([ \t\u3000]*)({_TITLE_OPEN}+)(.{{0,60}}?政府信息公开工作年度报告.*?)({_CLOSE})[ \t]*$")
_BROKEN_TAG = lazy(r"(?:\*{1,3})?<[a-zA-Z]+[ \t]*$")  # "**<span" ending a line
_STARTS = frozenset("*#'=<_")  # how a wrapped line starts (or with a letter: h2. , style="…">)
# a text holding none of these has no markup to blank (the common case, tested first)
_MARKS = ("*", "#", "''", "=", "<", "_", *(f"h{level}." for level in range(1, 7)))


def _blanked(match) -> str:
    indent, opening, body, closing = match.groups()
    return indent + " " * len(opening) + body + " " * len(closing)


def unwrap_line(line: str) -> str:
    """`line` with the markup around a heading, sub-heading or title blanked; else `line`."""
    start = line.lstrip(" \t\u3000")[:1]
    if not start or not (start in _STARTS or start.isascii() and start.isalpha()):
        return line
    match = _HEADING.match(line) or _TITLE.match(line)
    return line if match is None else _blanked(match)


def unwrap_markup(text: str) -> str:
    """`text` with the markup around its heading-, sub-heading- and title-shaped lines replaced
    by spaces of the same length; `text` itself when it has none. (Run only when a first reading
    finds sections missing: `giarlint.linter.Linter.build`.)"""
    if not any(mark in text for mark in _MARKS):
        return text
    lines = text.split("\n")
    changed = False
    for index, line in enumerate(lines):
        unwrapped = unwrap_line(line)
        if unwrapped is line:
            continue
        lines[index], changed = unwrapped, True
        if index and line.lstrip(" \t\u3000")[:1].isalpha():  # style="…">: a tag begun on the line before
            before = _BROKEN_TAG.search(lines[index - 1])
            if before is not None:
                lines[index - 1] = lines[index - 1][: before.start()] + " " * (before.end() - before.start())
    return "\n".join(lines) if changed else text
