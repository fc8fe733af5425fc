"""Convert a saved web page into the text giarlint parses (see `giarlint.readers.html`).

Python's own tokenizer (`html.parser`) is used because it reports where every piece of text
starts, so diagnostics point at line and column of the original page; it needs no extra
package. The page's navigation, scripts and footer are dropped by finding the element that
holds the report (most of the page's text, and the title), then tables become pipe rows:
a merged (rowspan/colspan) cell is written once, an empty (``&nbsp;``) cell stays empty.
"""

from __future__ import annotations

import codecs
import re
import time
from html import unescape
from html.parser import HTMLParser

from giarlint.readers import ConvertedSource, ReaderError, line_starts
from giarlint.readers.markdown import Chars, MarkdownWriter, join_parts, tidy
from giarlint.readers.charset import PageText, declared_reading, refused_note
from giarlint.source import DecodeError, decode, normalise_newlines, text_encoding

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([-\w.:]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^<\?xml[^>]+encoding\s*=\s*["']([-\w.:]+)""", re.I)
# GB2312 pages routinely contain GBK and GB18030 characters; GB18030 is a superset of both.
_GB_FAMILY = {"gb2312", "gbk", "gb18030", "x-gbk", "gb_2312-80", "cp936", "euc-cn", "x-euc-cn", "csgb2312"}  # not hz-gb-2312: 7-bit escapes, refused

_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_SKIP = frozenset("script style noscript template head title iframe svg math object select option button textarea nav footer aside canvas map audio video".split())
_BLOCK = frozenset(
    "address article aside blockquote body caption center dd details dir div dl dt fieldset figcaption figure form "
    "h1 h2 h3 h4 h5 h6 header hgroup hr html li main menu ol p pre section summary table tbody td tfoot th thead tr ul".split()
)
_CLUTTER = re.compile(r"nav|menu|breadcrumb|crumb|footer|share|sidebar|copyright|toolbar|dqwz|weizhi|location|position", re.I)
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_TITLE_WORDS = ("年度报告", "年度報告")
MAX_DEPTH = 200  # elements nested deeper are kept empty, their content their ancestor's: every walk is bounded
FEED_CHUNK = 65536
MAX_PARSE_SECONDS = 10.0  # CPU time the page's markup may take; a page needing more is unreadable
# Where html.parser starts a construct, and what ends it. A start with no end anywhere after it
# makes the parser search to the end of the page and start again one character on: quadratic
# (4 MB of ``</`` took minutes). Such a ``<`` is text, and is given to the parser as such; so
# is a ``<`` that opens nothing (``a < b``), which the parser would hand over one at a time.
_BRACKET = re.compile("<")
_PLACEHOLDER = "﷐"  # a noncharacter standing for a ``<`` that opens nothing; one character, so offsets hold
_METADATA = re.compile(r"(索引[号號]|[发發]布日期|公[开開]日期|成文日期|[发發]文日期)\s*[:：]")


def sniff_charset(data: bytes) -> str | None:
    """The encoding a page declares in its first 4 KB (``<meta charset>``, http-equiv, XML)."""
    head = data[:4096]
    match = _XML_ENCODING.match(head) or _CHARSET.search(head)
    if not match:
        return None
    name = match.group(1).decode("ascii", "replace").lower()
    return "gb18030" if name in _GB_FAMILY else name


def decode_page(data: bytes, encoding: str | None) -> str:
    return read_text(data, encoding).text


def read_text(data: bytes, encoding: str | None) -> PageText:
    """`--encoding` wins, then a BOM, then the declared charset (unless it is not a text encoding
    or a lie: `giarlint.readers.charset`), then the core's chain. The note says why a declaration
    was not followed."""
    if encoding or data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return PageText(decode(data, encoding).text)
    declared = sniff_charset(data)
    note = None
    if declared:
        reading = declared_reading(data, declared)
        if reading is not None:
            return reading
        if text_encoding(declared) is None:
            note = refused_note(declared)
        # otherwise the declared codec fails on the bytes, a common mistake: detection follows
    return PageText(decode(data).text, note)


class _Element:
    __slots__ = ("tag", "attrs", "children", "parent", "size", "links")

    def __init__(self, tag: str, attrs: dict, parent: "_Element | None"):
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list = []
        self.size = self.links = 0


class _Text:
    """A piece of text and where it is: verbatim from `start`, or an entity spelled over [start, end)."""

    __slots__ = ("text", "start", "end")

    def __init__(self, text: str, start: int, end: int | None = None):
        self.text, self.start, self.end = text, start, end


class _TreeBuilder(HTMLParser):
    """Builds a light element tree, closing the elements HTML lets authors leave open."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=False)
        self.source = text
        self.lines = line_starts(text)
        self.root = _Element("#root", {}, None)
        self.stack = [self.root]

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.lines[line - 1] + column

    def _close_until(self, tags, stop=frozenset({"table", "#root"})) -> None:
        for index in range(len(self.stack) - 1, 0, -1):
            tag = self.stack[index].tag
            if tag in tags:
                del self.stack[index:]
                return
            if tag in stop:
                return

    def handle_starttag(self, tag, attrs):
        if tag in ("td", "th"):
            self._close_until({"td", "th"}, frozenset({"tr", "table", "#root"}))
        elif tag == "tr":
            self._close_until({"tr"})
        elif tag == "li":
            self._close_until({"li"}, frozenset({"ul", "ol", "table", "#root"}))
        elif tag in _BLOCK and self.stack[-1].tag == "p":
            self.stack.pop()
        element = _Element(tag, {k: v or "" for k, v in attrs}, self.stack[-1])
        self.stack[-1].children.append(element)
        if tag not in _VOID and len(self.stack) < MAX_DEPTH:  # deeper, an element is empty: its
            self.stack.append(element)  # content goes to the deepest one kept, its line breaks stay

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in _VOID and self.stack[-1].tag == tag:
            self.stack.pop()

    def handle_endtag(self, tag):
        if tag in ("td", "th", "tr"):
            self._close_until({tag} | ({"td", "th"} if tag != "tr" else set()))
            return
        for index in range(len(self.stack) - 1, 0, -1):
            if self.stack[index].tag == tag:
                del self.stack[index:]
                return

    def handle_data(self, data):
        self.stack[-1].children.append(_Text(data.replace(_PLACEHOLDER, "<"), self._offset()))

    def _reference(self, spelled: str, decoded: str) -> None:
        start = self._offset()
        end = start + len(spelled)
        if self.source.startswith(";", end):
            end += 1
        self.stack[-1].children.append(_Text(decoded, start, end))

    def handle_entityref(self, name):
        spelled = "&" + name
        decoded = unescape(spelled + ";")
        self._reference(spelled, spelled if decoded == spelled + ";" else decoded)

    def handle_charref(self, name):
        spelled = "&#" + name
        self._reference(spelled, unescape(spelled + ";"))


def _terminator(text: str, start: int) -> str | None:
    """What ends the construct html.parser sees starting at `start`; None when none starts there."""
    follower = text[start + 1:start + 2]
    if not (follower.isascii() and (follower.isalpha() or follower in "/!?")):
        return None
    if text.startswith("<!--", start):
        return "-->"
    if text.startswith("<![", start):
        return "]]>" if text.startswith("<![CDATA[", start) else "]>"
    return ">"


def unopened_brackets(text: str) -> str:
    """`text` with each ``<`` that opens nothing or whose construct never ends replaced by
    `_PLACEHOLDER` (same length; the tree builder turns it back into ``<`` text). Linear: for
    each kind of end, its next occurrence is looked up only when the last one found is passed."""
    next_end: dict[str, int] = {}
    unopened = []
    for match in _BRACKET.finditer(text):
        start = match.start()
        end = _terminator(text, start)
        if end is None:
            unopened.append(start)
            continue
        found = next_end.get(end)
        if found is None or (found != -1 and found <= start):
            found = next_end[end] = text.find(end, start + 2)
        if found == -1:
            unopened.append(start)
    if not unopened:
        return text
    pieces, last = [], 0
    for start in unopened:
        pieces.append(text[last:start])
        pieces.append(_PLACEHOLDER)
        last = start + 1
    pieces.append(text[last:])
    return "".join(pieces)


def _skipped(element: _Element) -> bool:
    return (
        element.tag in _SKIP
        or "hidden" in element.attrs
        or bool(_HIDDEN.search(element.attrs.get("style", "")))
    )


def _measure(element: _Element, in_link: bool = False) -> tuple[int, int]:
    """Count visible non-blank characters, and those inside links, under every element."""
    size = links = 0
    link = in_link or element.tag == "a"
    for child in element.children:
        if isinstance(child, _Text):
            count = len(child.text) - sum(child.text.count(c) for c in " \t\n\r\xa0\u3000")
            size += count
            links += count if link else 0
        elif not _skipped(child):
            child_size, child_links = _measure(child, link)
            size += child_size
            links += child_links
    element.size, element.links = size, links
    return size, links


def _is_clutter(element: _Element, page_size: int) -> bool:
    """Menus, breadcrumbs, share bars and footers named so by their class or id; never an
    element that holds a large part of the page (a wrapper named ``has-sidebar``)."""
    names = element.attrs.get("class", "") + " " + element.attrs.get("id", "")
    return bool(_CLUTTER.search(names)) and element.size * 2 < page_size


def _plain_text(element: _Element, limit: int = 400) -> str:
    parts: list[str] = []
    stack = [element]
    while stack and sum(map(len, parts)) < limit:
        node = stack.pop()
        if isinstance(node, _Text):
            parts.append(node.text)
        elif not _skipped(node) and node.tag != "a":
            stack.extend(reversed(node.children))
    return "".join(parts)


def _heads_report(text: str) -> bool:
    """The title (……年度报告) or a metadata line (索引号：… 发布日期：…) of a report."""
    return any(word in text for word in _TITLE_WORDS) or bool(_METADATA.search(text))


def find_body(root: _Element) -> _Element:
    """The element that holds the report: descend while one child holds most of the text;
    then climb back while the title or the metadata (索引号, 发布日期) sit just outside it."""
    body = next(_iter_elements(root, "body"), root)
    _measure(body)
    current = body
    while True:
        children = [c for c in current.children if isinstance(c, _Element) and not _skipped(c)]
        best = max(children, key=lambda c: c.size - c.links, default=None)
        if best is None or (best.size - best.links) < 0.7 * (current.size - current.links):
            break
        if best.tag == "table" and not any(True for _ in _iter_elements(best, "table")):
            break  # a data table is part of the report, never all of it
        current = best
    for _ in range(3):
        parent = current.parent
        if parent is None or current is body:
            break
        extra = (parent.size - parent.links) - (current.size - current.links)
        if extra > 0.3 * current.size + 200:
            break
        siblings = [c for c in parent.children if c is not current and isinstance(c, _Element) and not _skipped(c)]
        if not any(_heads_report(_plain_text(s)) for s in siblings):
            break
        current = parent
    return current


def _iter_elements(element: _Element, tag: str):
    for child in element.children:
        if isinstance(child, _Element):
            if child.tag == tag:
                yield child
            yield from _iter_elements(child, tag)


class _Renderer:
    """Walks the report's element and writes paragraphs and tables."""

    def __init__(self, page_size: int):
        self.writer = MarkdownWriter()
        self.page_size = page_size
        self.line = Chars()
        self.link_chars = 0

    def flush(self) -> None:
        text = tidy(self.line)
        visible = len(text) - text.chars.count(" ")
        if text and not (self.link_chars and self.link_chars * 2 > visible):
            self.writer.paragraph(text)
        self.line, self.link_chars = Chars(), 0

    def walk(self, element: _Element, in_link: bool = False) -> None:
        for child in element.children:
            if isinstance(child, _Text):
                self._text(self.line, child)
                if in_link:
                    self.link_chars += len(child.text.strip())
            elif _skipped(child) or _is_clutter(child, self.page_size):
                continue
            elif child.tag == "br":
                self.flush()
            elif child.tag == "table":
                self.flush()
                self.table(child)
            elif child.tag in _BLOCK:
                self.flush()
                self.walk(child, in_link)
                self.flush()
            else:
                self.walk(child, in_link or child.tag == "a")

    @staticmethod
    def _text(out: Chars, node: _Text) -> None:
        if node.end is None:
            out.add_raw(node.text, node.start)
        else:
            out.add_spelled(node.text, node.start, node.end)

    def table(self, table: _Element) -> None:
        if any(True for _ in _iter_elements(table, "table")):
            self.walk(table)  # a layout table: its cells are page regions, not data
            return
        rows = []
        for element in _rows(table):
            if element.tag == "caption":
                self.writer.paragraph(tidy(self._cell(element)))
                continue
            cells = [c for c in element.children if isinstance(c, _Element) and c.tag in ("td", "th") and not _skipped(c)]
            rows.append([self._cell(cell) for cell in cells])
        if _is_metadata(rows):
            for row in rows:
                for label, value in zip(row[::2], row[1::2]):
                    label.extend(value)
                    self.writer.paragraph(label)
            return
        self.writer.table(rows)

    def _cell(self, cell: _Element) -> Chars:
        lines: list[Chars] = [Chars()]

        def collect(element: _Element) -> None:
            for child in element.children:
                if isinstance(child, _Text):
                    self._text(lines[-1], child)
                elif _skipped(child):
                    continue
                elif child.tag == "br" or child.tag in _BLOCK:
                    lines.append(Chars())
                    collect(child)
                    lines.append(Chars())
                else:
                    collect(child)

        collect(cell)
        return join_parts([tidy(line) for line in lines])


def _is_metadata(rows: list[list[Chars]]) -> bool:
    """The box of 索引号：… 发布日期：… pairs above a report: written as metadata lines
    (``发布日期：2023-01-28``) so that the publication date is read from it."""
    pairs = [row for row in rows if any(row)]
    return bool(pairs) and all(
        len(row) % 2 == 0 and all(0 < len(label) <= 10 and label.last() in ":：" for label in row[::2])
        for row in pairs
    )


def _rows(table: _Element):
    for child in table.children:
        if isinstance(child, _Element) and not _skipped(child):
            if child.tag in ("tr", "caption"):
                yield child
            elif child.tag in ("thead", "tbody", "tfoot"):
                yield from _rows(child)


def convert_page(text: str) -> ConvertedSource:
    """Convert decoded page text; positions map back into `text` (newline-normalised)."""
    text = normalise_newlines(text)
    builder = _TreeBuilder(text)
    guarded = unopened_brackets(text)
    started = time.process_time()
    for offset in range(0, len(guarded), FEED_CHUNK):  # in pieces, to keep an eye on the time
        builder.feed(guarded[offset:offset + FEED_CHUNK])
        if time.process_time() - started > MAX_PARSE_SECONDS:
            raise ReaderError("corrupt", kind="HTML", detail=f"the markup took more than {MAX_PARSE_SECONDS:.0f} s "
                                                           f"of CPU time to read (a damaged or hostile page?)")
    builder.close()
    body = find_body(builder.root)
    page = next(_iter_elements(builder.root, "body"), builder.root)
    renderer = _Renderer(page.size)
    renderer.walk(body)
    renderer.flush()
    return renderer.writer.result("HTML", text)


def read_page(data: bytes, encoding: str | None) -> ConvertedSource:
    """Decode and convert the bytes of a page; undecodable bytes are GIA001 as for text."""
    try:
        text, note = read_text(data, encoding)
    except DecodeError as exc:
        raise ReaderError("default", tried=", ".join(exc.tried), detail=exc.detail) from None
    converted = convert_page(text)
    if note:
        converted.notes.append(note)
    return converted
