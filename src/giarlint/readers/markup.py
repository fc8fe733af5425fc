"""Blank the markup a converter wraps around a report's headings; find its title inside its own.

pandoc and other converters write a heading of a web page as ``**<span style="…">一、总体情况</span>**``
(Markdown, the raw span kept, at times broken over two lines), ``**[一、总体情况]{style="…"}**``
(pandoc's own Markdown, the span bracketed), ``*一、总体情况*`` (Org, AsciiDoc,
Textile), ``'''一、总体情况'''`` (MediaWiki), ``## 一、总体情况`` or ``h2. 一、总体情况``; the
grammar's HEADING, which starts at the numeral, then misses all six sections. Such markup is
replaced here by as many spaces, in the copy the parser reads, only on a short line that is then
a heading or a sub-heading: every other character keeps its line and column, so positions in the
original text stay exact (like `giarlint.suppressions.mask_directives`). A title's markup
(`title_bounds`) is left out where the title is chosen (`giarlint.assemble`).

What is not a heading's markup is left alone: a list bullet (``* 一、二、三级目录``), a bold lead-in (``**一是加强领导。**本机关…``: emphasis opened must close the
line, with no other markup inside), a table cell (``<td>（一）予以公开</td><td>5</td>``).
"""

from __future__ import annotations

from giarlint.patterns import lazy

LONGEST = 200  # characters: a heading is short; a longer line is left as it is
_EMPHASIS = r"(?:\*{1,3}(?![*\s])|__?(?![_\s])|'{2,5}(?!'))"
_EMPHASIS_OPENED = lazy(_EMPHASIS)
_TAIL_OF_TAG = r"[a-zA-Z-]+=\"[^\"<>\n]*\">"  # the rest of a tag begun on the line before
_INLINE_TAG = r"<(?:span|b|strong|em|i|u|font|p|h[1-6])\b[^<>\n]*>"
# every run (of spaces, of = …) is taken whole, so that a line of them is tried one way, not in
# every way of cutting it into runs (which took seconds on a line of 200 spaces)
_SPACES = r"[ \t]+(?![ \t])"
_OPEN = lazy(rf"([ \t\u3000]*)((?:#{{1,6}}{_SPACES}|=+(?!=)(?:{_SPACES})?|h[1-6]\.{_SPACES}|{_EMPHASIS}"
             rf"|{_INLINE_TAG}|{_TAIL_OF_TAG}|\[)+)")
# the closers of a line, matched on the line reversed (from its end, in one pass: a search for
# them before "$" would try again at every character)
_CLOSE_REVERSED = lazy(rf"(?:\*{{1,3}}(?!\*)|__?(?!_)|'{{2,5}}(?!')|=+(?!=)|#+(?!#)|>[a-zA-Z1-6]+/<|\}}[^{{}}\n]*(?:\{{\]|[#.]\{{)"
                       rf"|{_SPACES})+")  # (…]{attributes}: a bracketed span's end; {#id .class}: pandoc's attributes)
_HEADING = lazy(r"[一二三四五六七八九十]{1,3}[ \u3000]*[、．.，,]|[（(][一二三四五六七八九十]{1,3}[）)]")
_BROKEN_TAG = lazy(r"(?:\*{1,3})?<[a-zA-Z]+[ \t]*$")  # "**<span" ending the line before
_STARTS_WITH_TAIL = lazy(rf"[ \t\u3000]*{_TAIL_OF_TAG}")
_STARTS = frozenset("*#'=<_[")  # how a wrapped line starts (or with a letter: h2. , style="…">)
# a title may also open with a list bullet or an Org heading's stars (``* 昆明市…``), any tag, or
# Textile's ``h1(class#id).``
_TITLE_OPEN = lazy(r"(?:[#*•·+\-]+[ \t]+|=+(?!=)[ \t]*|\*{1,3}|_{1,2}|'{2,5}|<[a-zA-Z][^<>]*>|h[1-6][^ ]*\.[ \t]+|\[)+")
_TITLE_EDGES = frozenset("#*•·+-=_'<h>[}")  # a title starting and ending with none of these has no markup
# emphasis closed and opened again inside a title: a Word title in several runs (the year in
# another font) through LibreOffice's HTML and pandoc, **应急管理局** **2022** **年…年度报告**
_JOINT = lazy(r"(?<=[^\s*_'])(\*{1,3}|_{1,2}|'{2,5})[ \t]*\1(?=[^\s*_'])")
# a text holding none of these has no markup to blank (the common case, tested first)
_MARKS = ("*", "#", "''", "=", "<", "_", "]{", *(f"h{level}." for level in range(1, 7)))


def closing_length(text: str) -> int:
    """How many characters at the end of `text` are closing markup (``</span>**``, `` ##``, spaces)."""
    closed = _CLOSE_REVERSED.match(text[::-1])
    return closed.end() if closed else 0


def title_bounds(text: str) -> tuple[int, int]:
    """Where the title in the line `text` starts and ends: without ``# ``, ``* ``, ``**…**``,
    ``= … =``, tags around it; (0, len(text)) when there are none, an empty span when the line
    is all markup (``<span id="…年度报告"></span>``)."""
    if text[:1] not in _TITLE_EDGES and text[-1:] not in _TITLE_EDGES:
        return 0, len(text)
    opened = _TITLE_OPEN.match(text)
    start = opened.end() if opened else 0
    end = len(text) - closing_length(text[start:])
    if _unmatched_bracket(text[:start], text[end:]):
        start = text.index("[")  # a link's text, not a span: kept whole, as without the bracket
        end = len(text) - closing_length(text[start:])
    return start, max(start, end)


def _unmatched_bracket(opening: str, closing: str) -> bool:
    """An opening ``[`` is a bracketed span's only with a closing ``]{…}``; else (a link's) it is text."""
    return "[" in opening and "]{" not in closing


def blank_joints(title: str) -> str:
    """`title` (within its `title_bounds`) with emphasis closed and opened again inside it
    replaced by as many spaces: ``应急管理局** **2022`` reads ``应急管理局     2022``."""
    if not any(mark in title for mark in "*_'"):
        return title
    return _JOINT.sub(lambda joint: " " * len(joint.group()), title)


def unwrap_line(line: str) -> str:
    """`line` with the markup around a heading or sub-heading blanked; else `line`."""
    start = line.lstrip(" \t\u3000")[:1]
    if len(line) > LONGEST or not start or not (start in _STARTS or start.isascii() and start.isalpha()):
        return line
    opened = _OPEN.match(line)
    if opened is None:
        return line
    indent, opening = opened.groups()
    rest = line[opened.end() :]
    if not _HEADING.match(rest):
        return line
    cut = len(rest) - closing_length(rest)
    body, closing = rest[:cut], rest[cut:]
    if any(mark in body for mark in ("<", "**", "''")):
        return line  # more markup inside: a lead-in, a table's cells, not a heading
    if _EMPHASIS_OPENED.search(opening) and not closing.strip():
        return line  # emphasis opened and not closed at the line's end: a bold lead-in
    if _unmatched_bracket(opening, closing):
        return line  # [一、总体情况](#a): a link, such as a table of contents' entry
    return indent + " " * len(opening) + body + " " * len(closing)


def unwrap_markup(text: str) -> str:
    """`text` with the markup around its heading- and sub-heading-shaped lines replaced by
    spaces of the same length; `text` itself when it has none. (Run only when a first reading
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
        if index and _STARTS_WITH_TAIL.match(line):  # the tag began on the line before
            before = _BROKEN_TAG.search(lines[index - 1])
            if before is not None:
                lines[index - 1] = lines[index - 1][: before.start()] + " " * (before.end() - before.start())
    return "\n".join(lines) if changed else text
