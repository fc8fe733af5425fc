"""Reports as they are published: web pages, Word and PDF files become text the core parses.

A reader plugin implements ``giarlint_read_source`` and returns a `ConvertedSource`: the
report as Markdown-ish text (headings and paragraphs on their own lines, tables as pipe
rows) plus what is needed to point a person back at the original. Positions in the
converted text map back either to the original text (web pages: line and column in the
.html file) or to a locator (Word: paragraph or table cell; PDF: page).
"""

from __future__ import annotations

import bisect
import importlib
import os
from dataclasses import dataclass, field
from itertools import accumulate

from giarlint.messages import Localized
from giarlint.tree import Span


class ReaderError(Exception):
    """A file a reader claims but cannot convert. `variant` names a GIA001 message (`code`:
    GIA099 when the reader plugin itself is broken)."""

    code = "GIA001"

    def __init__(self, variant: str, **args):
        super().__init__(variant, args)
        self.variant = variant
        self.args_dict = args


class BrokenReader(ReaderError):
    """A reader plugin raised or returned what is not a `ConvertedSource`: GIA099 naming it."""

    code = "GIA099"

    def __init__(self, plugin: str, problem: str):
        super().__init__("reader", plugin=plugin, error=problem, rule="-", count=0)


def missing_library(kind: str, library: str, extra: str) -> ReaderError:
    """The optional library for this format is not installed: say which extra brings it."""
    return ReaderError("missing_extra", kind=kind, library=library, extra=extra)


def suffix_of(path: str) -> str:
    return os.path.splitext(path)[1].lower()


READER_SECONDS = 60.0  # a built-in reader may take this long on one file; longer is a damaged or hostile file


def lazy_reader(suffixes: tuple[str, ...], module: str, function: str, takes_encoding: bool = False):
    """The two hook implementations of a built-in reader plugin: its suffixes, and a
    `giarlint_read_source` that imports the converter (`module.function`) only when a file of
    its kind is read, so that start-up stays light, and stops it after `READER_SECONDS`.
    Assign them to the hook names in the plugin module."""
    from giarlint.hookspecs import hookimpl

    @hookimpl
    def giarlint_source_suffixes():
        return list(suffixes)

    @hookimpl
    def giarlint_read_source(path: str, data: bytes, encoding: str | None):
        if suffix_of(path) not in suffixes:
            return None
        from giarlint.budget import RuleTimeout, time_limit

        convert = getattr(importlib.import_module(module), function)
        try:
            with time_limit(READER_SECONDS):
                return convert(data, encoding) if takes_encoding else convert(data)
        except RuleTimeout:
            raise ReaderError("corrupt", kind=suffix_of(path), detail=f"reading it took more than "
                              f"{READER_SECONDS:.0f} s (a damaged or hostile file?)") from None

    return giarlint_source_suffixes, giarlint_read_source


def line_starts(text: str) -> list[int]:
    """Offsets at which each line of `text` starts (summed in C: a report has hundreds of lines)."""
    return list(accumulate(map((1).__add__, map(len, text.split("\n"))), initial=0))[:-1]


class PositionMap:
    """Maps offsets of the converted text onto line and column of the original text.

    ``starts[i]`` / ``ends[i]`` are the original offsets of converted character i (its end is
    exclusive, so an entity such as ``&nbsp;`` covers its whole spelling); -1 marks
    characters the converter added (separators, line breaks).
    """

    def __init__(self, original: str, starts: list[int], ends: list[int]):
        self.original_lines = line_starts(original)
        self.starts = starts
        self.ends = ends

    def _line_col(self, offset: int) -> tuple[int, int]:
        index = bisect.bisect_right(self.original_lines, offset) - 1
        return index + 1, offset - self.original_lines[index] + 1

    def span(self, start: int, end: int) -> Span:
        """The original span of converted offsets [start, end)."""
        count = len(self.starts)
        first = next((i for i in range(start, count) if self.starts[i] >= 0), None)
        if first is None:
            first = next((i for i in range(min(start, count) - 1, -1, -1) if self.starts[i] >= 0), None)
        if first is None:
            return Span(1, 1, 1, 1)
        last = next((i for i in range(min(end, count) - 1, first - 1, -1) if self.ends[i] >= 0), None)
        origin_start = self.starts[first]
        origin_end = origin_start if end <= start or last is None else self.ends[last]
        line, column = self._line_col(origin_start)
        end_line, end_column = self._line_col(max(origin_end, origin_start))
        return Span(line, column, end_line, end_column)


@dataclass
class ConvertedSource:
    """A report converted to text, and how its positions lead back to the original file.

    `kind` names the format for people ("HTML", "Word", "PDF"). `positions` (web pages) maps
    positions to the original text; `locators` (Word, PDF) gives, per character of `text`, a
    `Localized` place such as “第 3 页” / “page 3”, added to diagnostics.
    """

    text: str
    kind: str
    positions: PositionMap | None = None
    locators: list[Localized | None] | None = None
    notes: list[str] = field(default_factory=list)  # for the user, e.g. a page's charset declaration ignored

    def __post_init__(self):
        self._lines = line_starts(self.text)

    def _offset(self, line: int, column: int) -> int:
        line = min(max(line, 1), len(self._lines))
        return min(self._lines[line - 1] + max(column, 1) - 1, len(self.text))

    def locate(self, span: Span) -> tuple[Span, Localized | None]:
        """Where a span of the converted text is in the original: a span, and maybe a locator."""
        start = self._offset(span.line, span.column)
        end = self._offset(span.end_line, span.end_column)
        mapped = self.positions.span(start, end) if self.positions is not None else span
        locator = None
        if self.locators:
            found = (self.locators[i] for i in range(start, len(self.locators)) if self.locators[i] is not None)
            locator = next(found, None)
        return mapped, locator


def read_source(hook, path: str, data: bytes, encoding: str | None) -> ConvertedSource | None:
    """Ask the reader plugins for `path` in pluggy's order (the first answer that is not None
    wins); None when no reader claims it (plain text).

    A built-in reader that fails on a file it claims (a damaged .docx, a PDF the library rejects)
    becomes `ReaderError` naming the format, never a traceback. A third-party reader that
    raises anything else, or answers with something other than a `ConvertedSource`, becomes
    `BrokenReader` naming the plugin. The implementations are called one by one (not through
    the hook) so that the answer is known to come from its plugin; hook wrappers are not run.
    """
    from giarlint import guard
    from giarlint.plugins import BUILTIN

    arguments = {"path": path, "data": data, "encoding": encoding}
    for impl in reversed(hook.giarlint_read_source.get_hookimpls()):
        if getattr(impl, "hookwrapper", False) or getattr(impl, "wrapper", False):
            continue
        builtin = impl.plugin_name in BUILTIN
        try:
            result = guard.call(impl.function, **{name: arguments[name] for name in impl.argnames})
        except guard.PluginFault as fault:
            raised = fault.original
            if isinstance(raised, ReaderError):
                problem = None if builtin else guard.args_problem(raised.args_dict)
                if problem:
                    raise BrokenReader(impl.plugin_name, f"raised ReaderError with bad arguments: {problem}") from None
                raise raised from None
            if builtin and isinstance(raised, Exception):  # parsing libraries raise anything on damaged files
                raise ReaderError("corrupt", kind=suffix_of(path) or path, detail=f"{type(raised).__name__}: {raised}") from None
            raise BrokenReader(impl.plugin_name, fault.problem) from None
        if result is None:
            continue
        problem = None if builtin else converted_problem(result)
        if problem:
            raise BrokenReader(impl.plugin_name, problem)
        return result
    return None


def converted_problem(result) -> str | None:
    """What is wrong with a reader's answer, or None when giarlint can use it."""
    from giarlint import guard

    if not isinstance(result, ConvertedSource):
        return f"returned {guard.kind(result)} instead of a giarlint.readers.ConvertedSource"
    if not isinstance(result.text, str) or not isinstance(result.kind, str):
        return "returned a ConvertedSource whose text or kind is not a str"
    positions, locators = result.positions, result.locators
    if positions is not None:
        size = len(result.text)
        if not isinstance(positions, PositionMap) or not all(
            isinstance(v, list) and len(v) == size and all(type(i) is int for i in v)
            for v in (positions.starts, positions.ends)
        ):
            return "returned a ConvertedSource whose positions are not a PositionMap with one start and end per character"
    if locators is not None and (not isinstance(locators, list) or not all(
            item is None or (isinstance(item, Localized) and all(isinstance(t, str) for t in item)) for item in locators)):
        return "returned a ConvertedSource whose locators are not a list of Localized or None"
    if not isinstance(result.notes, list) or not all(isinstance(note, str) for note in result.notes):
        return "returned a ConvertedSource whose notes are not a list of str"
    return None
