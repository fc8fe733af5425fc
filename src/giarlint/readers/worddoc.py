"""Read a Word document (``.docx``) with python-docx (the ``giarlint[docx]`` extra).

Paragraphs and tables come in document order; a cell merged across columns (gridSpan) or
rows (vMerge) is written once. Positions are those of the converted text; each diagnostic
also names the paragraph (“第 12 段”, counting non-empty body paragraphs from 1) or the
table cell (“第 2 个表格第 3 行第 4 格”, each merged cell counted once).
"""

from __future__ import annotations

import io

from giarlint.messages import Localized
from giarlint.readers import ConvertedSource, ReaderError, missing_library
from giarlint.readers.markdown import Chars, MarkdownWriter, join_parts, tidy

KIND = "Word (.docx)"


def _load():
    try:
        import docx
        from docx.oxml.ns import qn
        from docx.text.paragraph import Paragraph
    except ImportError:
        raise missing_library(KIND, "python-docx", "docx") from None
    return docx, qn, Paragraph


def _located(text: str, locator: Localized) -> Chars:
    chars = Chars()
    chars.add(text, locator)
    return tidy(chars)


class _Converter:
    def __init__(self, document, qn, paragraph_class):
        self.document = document
        self.qn = qn
        self.paragraph_class = paragraph_class
        self.writer = MarkdownWriter()
        self.paragraphs = 0
        self.tables = 0

    def text_of(self, element) -> str:
        return self.paragraph_class(element, self.document).text

    def body(self, parent) -> None:
        for child in parent.iterchildren():
            if child.tag == self.qn("w:p"):
                self.paragraph(child)
            elif child.tag == self.qn("w:tbl"):
                self.table(child)
            elif child.tag == self.qn("w:sdt"):  # a content control wrapping paragraphs or tables
                content = child.find(self.qn("w:sdtContent"))
                if content is not None:
                    self.body(content)

    def paragraph(self, element) -> None:
        text = self.text_of(element)
        if not text.strip():
            return
        self.paragraphs += 1
        locator = Localized(f"第 {self.paragraphs} 段", f"paragraph {self.paragraphs}")
        for line in text.split("\n"):
            if "\t" in line.strip():  # cells aligned with tabs: a table row in all but name
                self.writer.table([[_located(cell, locator) for cell in line.strip().split("\t")]])
            else:
                self.writer.paragraph(_located(line, locator))

    def table(self, element) -> None:
        self.tables += 1
        rows = []
        for row_number, row in enumerate(element.iterchildren(self.qn("w:tr")), 1):
            cells = []
            for cell in row.iterchildren(self.qn("w:tc")):
                if self._continues_merge(cell):
                    continue
                locator = Localized(
                    f"第 {self.tables} 个表格第 {row_number} 行第 {len(cells) + 1} 格",
                    f"table {self.tables}, row {row_number}, cell {len(cells) + 1}",
                )
                lines = [_located(self.text_of(p), locator) for p in cell.iter(self.qn("w:p"))]
                cells.append(join_parts(lines, locator))
            rows.append(cells)
        self.writer.table(rows)

    def _continues_merge(self, cell) -> bool:
        """A cell under a vertically merged one: Word repeats it, the table shows it once."""
        properties = cell.find(self.qn("w:tcPr"))
        merge = properties.find(self.qn("w:vMerge")) if properties is not None else None
        return merge is not None and merge.get(self.qn("w:val"), "continue") != "restart"


MAX_PARTS = 10_000
MAX_UNPACKED_BYTES = 256 * 1024 * 1024  # what the parts may hold once unpacked (python-docx loads them all)


def check_package(data: bytes) -> None:
    """Refuse, before python-docx loads anything, a package that would unpack to more than
    `MAX_UNPACKED_BYTES` (a zip bomb) or whose XML declares a DTD (entity bombs and external
    entities: Office Open XML never has one). The sizes are those the zip declares, which is
    also as far as Python's zipfile will inflate a member."""
    import zipfile

    try:
        package = zipfile.ZipFile(io.BytesIO(data))
        members = package.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        return  # not a zip at all: python-docx says so
    total = sum(member.file_size for member in members)
    if len(members) > MAX_PARTS or total > MAX_UNPACKED_BYTES:
        raise ReaderError("corrupt", kind=".docx", detail=f"{len(members)} parts unpacking to {total} bytes, over "
                                                       f"the limit of {MAX_UNPACKED_BYTES // 1048576} MB (a zip bomb?)")
    for member in members:
        if member.filename.endswith((".xml", ".rels")):
            with package.open(member) as handle:
                content = handle.read()
            if b"<!DOCTYPE" in content or b"<!ENTITY" in content:
                raise ReaderError("corrupt", kind=".docx", detail=f"{member.filename} declares a DTD or entities, "
                                                               f"which Word documents never do")


def convert_document(data: bytes) -> ConvertedSource:
    docx, qn, paragraph_class = _load()
    check_package(data)
    document = docx.Document(io.BytesIO(data))
    converter = _Converter(document, qn, paragraph_class)
    converter.body(document.element.body)
    result = converter.writer.result("Word")
    if not result.text.strip():
        raise ReaderError("no_text", kind=KIND)
    return result

