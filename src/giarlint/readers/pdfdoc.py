"""Read the text layer of a PDF with pdfplumber (the ``giarlint[pdf]`` extra).

Ruled tables become pipe rows (a merged cell once); the other text lines are joined back
into paragraphs where the PDF had wrapped them, and page furniture (“- 3 -”, “第 3 页”,
a running header repeated on every page) is dropped. Positions are those of the converted
text; each diagnostic also names the page (“第 3 页”). A PDF without a text layer (a scan)
is reported as unreadable, not guessed at.
"""

from __future__ import annotations

import io
import logging
import re
from collections import Counter

from giarlint.messages import Localized
from giarlint.readers import ConvertedSource, ReaderError, missing_library
from giarlint.readers.markdown import Chars, MarkdownWriter, join_parts, tidy

KIND = "PDF"
_PAGE_NUMBER = re.compile(
    r"^(?:[-—–－~·\s]*\d+[-—–－~·\s]*|第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+|page\s*\d+(?:\s*of\s*\d+)?)$",
    re.I,
)
_STARTS_BLOCK = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,3}[、．.]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.、．](?!\d))")
_MARGIN = 0.1  # top and bottom tenth of a page: where headers and footers live


def _load():
    try:
        import pdfplumber
    except ImportError:
        raise missing_library(KIND, "pdfplumber", "pdf") from None
    # pdfminer logs a warning for each odd font ("Could not get FontBBox …"); with no handler of
    # its own, Python prints it bare on stderr, among giarlint's output. A NullHandler keeps it
    # off the terminal and still hands it to the handlers of a program that configured logging.
    logger = logging.getLogger("pdfminer")
    if not any(isinstance(handler, logging.NullHandler) for handler in logger.handlers):
        logger.addHandler(logging.NullHandler())
    return pdfplumber


class _Line:
    __slots__ = ("text", "x0", "x1", "top", "bottom", "font", "page", "page_height")

    def __init__(self, item: dict, page: int, page_height: float):
        self.text = item["text"]
        self.x0, self.x1, self.top, self.bottom = item["x0"], item["x1"], item["top"], item["bottom"]
        first = item["chars"][0] if item.get("chars") else {}
        self.font = (first.get("fontname"), round(first.get("size", 0), 1))
        self.page = page
        self.page_height = page_height


def _inside(char: dict, boxes) -> bool:
    x = (char["x0"] + char["x1"]) / 2
    y = (char["top"] + char["bottom"]) / 2
    return any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)


def _page_items(page, number: int) -> list:
    """Lines and tables of one page, top to bottom."""
    tables = page.find_tables()
    boxes = [table.bbox for table in tables]
    text_page = page.filter(lambda obj: obj.get("object_type") != "char" or not _inside(obj, boxes)) if boxes else page
    items = [(line["top"], _Line(line, number, page.height)) for line in text_page.extract_text_lines() if line["text"].strip()]
    items.extend((table.bbox[1], (number, table.extract())) for table in tables)
    items.sort(key=lambda item: item[0])
    return [item for _, item in items]


def _furniture(pages: list[list]) -> set[str]:
    """Texts that open or close most pages (running headers and footers)."""
    if len(pages) < 3:
        return set()
    edges = Counter()
    for items in pages:
        lines = [item for item in items if isinstance(item, _Line)]
        edges.update({line.text.strip() for line in lines[:1] + lines[-1:] if _in_margin(line)})
    return {text for text, count in edges.items() if count * 2 > len(pages)}


def _in_margin(line: _Line) -> bool:
    return line.top < line.page_height * _MARGIN or line.bottom > line.page_height * (1 - _MARGIN)


def _is_page_number(line: _Line) -> bool:
    text = line.text.strip()
    decorated = not text.isdigit()
    return bool(_PAGE_NUMBER.match(text)) and (decorated or _in_margin(line))


class _Paragraphs:
    """Joins wrapped lines: a line continues the previous one when that one ran to the right
    edge, this one is not indented, has the same font and opens no numbered item."""

    def __init__(self, writer: MarkdownWriter):
        self.writer = writer
        self.lines: list[_Line] = []
        self.left = self.right = 0.0

    def set_page(self, lines: list[_Line]) -> None:
        if lines:
            self.left = min(line.x0 for line in lines)
            self.right = max(line.x1 for line in lines)

    def add(self, line: _Line) -> None:
        if self.lines and not self._continues(self.lines[-1], line):
            self.flush()
        self.lines.append(line)

    def _continues(self, previous: _Line, line: _Line) -> bool:
        size = max(line.bottom - line.top, 1.0)
        return (
            previous.x1 >= self.right - 2.5 * size
            and line.x0 <= self.left + 0.5 * size
            and line.font == previous.font
            and not _STARTS_BLOCK.match(line.text)
            and (line.page != previous.page or line.top - previous.bottom < 1.2 * size)
        )

    def flush(self) -> None:
        if self.lines:
            parts = [_located(line.text, _page(line.page)) for line in self.lines]
            self.writer.paragraph(join_parts(parts, _page(self.lines[0].page)))
        self.lines = []


def _page(number: int) -> Localized:
    return Localized(f"第 {number} 页", f"page {number}")


def _located(text: str, locator: Localized) -> Chars:
    chars = Chars()
    chars.add(text, locator)
    return tidy(chars)


def _table_rows(page: int, rows: list[list]) -> list[list[Chars]]:
    """pdfplumber gives None for the positions a merged cell covers: those are left out."""
    locator = _page(page)
    out = []
    for row in rows:
        cells = []
        for cell in row:
            if cell is None:
                continue
            cells.append(join_parts([_located(part, locator) for part in cell.split("\n")], locator, cell=True))
        out.append(cells)
    return out


MAX_INFLATED_BYTES = 256 * 1024 * 1024  # what the streams of a PDF may inflate to, all together
_STREAM = re.compile(rb"stream\r?\n")


def check_streams(data: bytes) -> None:
    """Refuse a PDF whose compressed streams inflate to more than `MAX_INFLATED_BYTES` (a
    stream bomb) before pdfminer, which inflates each stream whole, sees it. Each stream is
    inflated piece by piece and only counted, so the check itself stays small."""
    import zlib

    total = 0
    for match in _STREAM.finditer(data):
        inflater = zlib.decompressobj()
        pending = memoryview(data)[match.end():]
        try:
            while pending:
                total += len(inflater.decompress(pending, 1 << 20))
                if total > MAX_INFLATED_BYTES:
                    raise ReaderError("corrupt", kind=".pdf", detail=f"its streams inflate to more than "
                                                                   f"{MAX_INFLATED_BYTES // 1048576} MB (a stream bomb?)")
                if inflater.eof:
                    break
                pending = inflater.unconsumed_tail
        except zlib.error:
            continue  # not a Flate stream, or not only one: pdfminer will say


def convert_pdf(data: bytes) -> ConvertedSource:
    pdfplumber = _load()
    check_streams(data)
    writer = MarkdownWriter()
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        pages = [_page_items(page, number) for number, page in enumerate(pdf.pages, 1)]
    repeated = _furniture(pages)
    paragraphs = _Paragraphs(writer)
    pending_rows: list[list[Chars]] = []
    for items in pages:
        kept = [
            item for item in items
            if not (isinstance(item, _Line) and (_is_page_number(item) or (item.text.strip() in repeated and _in_margin(item))))
        ]
        paragraphs.set_page([item for item in kept if isinstance(item, _Line)])
        for item in kept:
            if isinstance(item, _Line):
                if pending_rows:
                    writer.table(pending_rows)
                    pending_rows = []
                paragraphs.add(item)
            else:
                paragraphs.flush()
                pending_rows.extend(_table_rows(*item))  # a table may go on over the next page
    paragraphs.flush()
    writer.table(pending_rows)
    result = writer.result("PDF")
    if not result.text.strip():
        raise ReaderError("no_text", kind=KIND)
    return result

