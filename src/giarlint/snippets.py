"""Source text of checked reports, read again for output that shows it (``full``) or keys on it
(baselines, GitLab fingerprints). Only files with findings are read; the last few read are kept
(output goes file by file), text handed in (standard input) for the whole run."""

from __future__ import annotations

import unicodedata
from typing import Callable

from giarlint.diagnostics import Diagnostic
from giarlint.files import read_capped
from giarlint.source import DecodeError, decode, normalise_newlines
from giarlint.suppressions import mask_directives

TAB_WIDTH = 4
KEPT_FILES = 8  # files read back and kept at once: memory stays flat over a corpus


class Sources:
    """Lines of checked files by path; text read from standard input is handed in beforehand."""

    def __init__(self, encoding_for: Callable[[str], str | None] = lambda path: None):
        self._encoding_for = encoding_for
        self._given: dict[str, list[str]] = {}
        self._read: dict[str, list[str]] = {}

    def add(self, path: str, text: str) -> None:
        self._given[path] = normalise_newlines(text).split("\n")

    def forget(self, paths) -> None:
        """Read these files again when next asked (``--fix`` changed them)."""
        for path in paths:
            self._read.pop(path, None)

    def lines(self, path: str) -> list[str]:
        found = self._given.get(path) or self._read.get(path)
        if found is not None:
            return found
        try:
            text = decode(read_capped(path), self._encoding_for(path)).text
        except (OSError, DecodeError):
            text = ""
        if len(self._read) >= KEPT_FILES:
            del self._read[next(iter(self._read))]
        self._read[path] = lines = normalise_newlines(text).split("\n")
        return lines

    def line(self, path: str, number: int) -> str:
        lines = self.lines(path)
        return lines[number - 1] if 0 < number <= len(lines) else ""

    def pointed_text(self, diagnostic: Diagnostic) -> str:
        """The text a diagnostic points at (its first line only), without surrounding spaces.

        Keys built on it survive lines being added or removed above the finding."""
        line = mask_directives(self.line(diagnostic.path, diagnostic.line))
        start = diagnostic.column - 1
        end = diagnostic.end_column - 1 if diagnostic.end_line == diagnostic.line else len(line)
        return line[start:max(start, end)].strip()


def char_width(char: str) -> int:
    """Terminal columns of one character: two for wide (CJK) characters, none for combining marks."""
    if char == "\t":
        return TAB_WIDTH
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def display_width(text: str) -> int:
    return sum(char_width(char) for char in text)
