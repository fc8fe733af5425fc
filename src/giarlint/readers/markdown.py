"""Write the converted form of a report: paragraphs and headings on their own lines, tables
as pipe rows, blocks separated by a blank line — the text layout the core already parses.

Every character carries where it came from (an original offset range, or a locator), so
diagnostics on the converted text can be led back to the original file.
"""

from __future__ import annotations

from giarlint.readers import ConvertedSource, PositionMap

_COLLAPSIBLE = frozenset(" \t\n\r\f\v\xa0")
_INVISIBLE = frozenset("\u200b\ufeff")
_EDGE = " \t\n\r\f\v\xa0\u3000\u200b\ufeff"
# Inside a cell these would split the cell or the row: a bar is kept visible as "¦".
_CELL_ESCAPES = {"|": "¦", "｜": "¦", "\t": " ", "\n": " "}


class Chars:
    """Characters with their origin: original offsets ``[start, end)`` (-1: added by the
    converter) and an optional locator object shared by many characters."""

    __slots__ = ("chars", "starts", "ends", "locators")

    def __init__(self):
        self.chars: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.locators: list = []

    def __len__(self) -> int:
        return len(self.chars)

    @property
    def text(self) -> str:
        return "".join(self.chars)

    def add_raw(self, text: str, start: int) -> None:
        """Text copied verbatim from the original at offset `start`."""
        self.chars.extend(text)
        self.starts.extend(range(start, start + len(text)))
        self.ends.extend(range(start + 1, start + len(text) + 1))
        self.locators.extend([None] * len(text))

    def add_spelled(self, text: str, start: int, end: int) -> None:
        """Text that stands for the original ``[start, end)``, e.g. a decoded ``&amp;``."""
        self.chars.extend(text)
        self.starts.extend([start] * len(text))
        self.ends.extend([end] * len(text))
        self.locators.extend([None] * len(text))

    def add(self, text: str, locator=None) -> None:
        """Text with no original offsets: added by the converter, or placed by a locator."""
        self.chars.extend(text)
        self.starts.extend([-1] * len(text))
        self.ends.extend([-1] * len(text))
        self.locators.extend([locator] * len(text))

    def push(self, other: "Chars", index: int, char: str | None = None) -> None:
        self.chars.append(other.chars[index] if char is None else char)
        self.starts.append(other.starts[index])
        self.ends.append(other.ends[index])
        self.locators.append(other.locators[index])

    def extend(self, other: "Chars") -> None:
        self.chars.extend(other.chars)
        self.starts.extend(other.starts)
        self.ends.extend(other.ends)
        self.locators.extend(other.locators)

    def first(self) -> str:
        return self.chars[0] if self.chars else ""

    def last(self) -> str:
        return self.chars[-1] if self.chars else ""


def tidy(chars: Chars) -> Chars:
    """Collapse runs of spaces and line breaks to one space (as a browser shows them) and
    trim the ends; the kept space keeps the origin of the first blank it replaces. A line
    break between two CJK characters is a wrapped line, not a space: it is dropped."""
    out = Chars()
    text = chars.chars
    start, end = 0, len(text)
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    index = start
    while index < end:
        char = text[index]
        if char in _INVISIBLE:
            index += 1
        elif char in _COLLAPSIBLE:
            run_end = index
            while run_end < end and text[run_end] in _COLLAPSIBLE:
                run_end += 1
            wrapped = "\n" in text[index:run_end] and is_wide(out.last()) and is_wide(text[run_end])
            if not wrapped:
                out.push(chars, index, " ")
            index = run_end
        else:
            out.push(chars, index)
            index += 1
    return out


def is_wide(char: str) -> bool:
    """CJK characters and full-width punctuation: text that is written without spaces."""
    return bool(char) and ord(char) >= 0x2E80


def join_parts(parts: list[Chars], locator=None, cell: bool = False) -> Chars:
    """Join the lines of one cell or one wrapped paragraph: nothing between two CJK
    characters, one space otherwise. In a `cell` of a PDF's table, nothing between two digits
    either: a number too wide for its column wraps there (LibreOffice prints 28826 as 2882 / 6),
    and a cell holds one value."""
    out = Chars()
    for part in parts:
        if not part:
            continue
        if out and not (is_wide(out.last()) and is_wide(part.first())) and not (
                cell and out.last().isdigit() and part.first().isdigit()):
            out.add(" ", locator)
        out.extend(part)
    return out


class MarkdownWriter:
    """Collects blocks in reading order and produces the `ConvertedSource`."""

    def __init__(self):
        self.out = Chars()

    def _separate(self) -> None:
        if self.out:
            self.out.add("\n")

    def paragraph(self, chars: Chars) -> None:
        if not chars:
            return
        self._separate()
        self.out.extend(chars)
        self.out.add("\n")

    def table(self, rows: list[list[Chars]]) -> None:
        rows = [row for row in rows if any(cell for cell in row)]
        if not rows:
            return
        self._separate()
        for row in rows:
            self.out.add("|")
            for cell in row:
                self.out.add(" ")
                for index, char in enumerate(cell.chars):
                    self.out.push(cell, index, _CELL_ESCAPES.get(char))
                self.out.add(" |" if cell else "|")
            self.out.add("\n")

    def result(self, kind: str, original: str | None = None) -> ConvertedSource:
        text = self.out.text
        positions = PositionMap(original, self.out.starts, self.out.ends) if original is not None else None
        located = any(locator is not None for locator in self.out.locators)
        return ConvertedSource(text, kind, positions, self.out.locators if located else None)
