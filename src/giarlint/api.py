"""giarlint as a library: lint a path or bytes, extract the tables, summarise a report for the
report-set rules (cross-year), check a set — plain, picklable data in and out.

``giarlint check`` runs on this module (through `giarlint.parallel`), and so does `giarlint.dask`.
Everything returned pickles, so results may cross processes or machines. See docs/api.md.
"""

from __future__ import annotations

from typing import Iterable, Iterator, NamedTuple

from giarlint.diagnostics import Diagnostic
from giarlint.settings import Settings

__all__ = ["Checked", "Checker", "Unreadable", "check_paths", "Diagnostic", "Settings"]


class Checked(NamedTuple):
    """One file's result: its diagnostics (sorted), what the report-set rules need of it (None when
    it is not a report or no such rule is selected) and, for a web page, Word or PDF file, what the
    reader made of it (report-set findings are pointed into the original file with it)."""

    path: str
    diagnostics: list[Diagnostic]
    summaries: object | None = None  # giarlint.linter.ReportSummaries
    converted: object | None = None  # giarlint.readers.ConvertedSource
    view: dict | None = None  # `giarlint.reportview.report_view`, when the Checker was asked for views
    not_report: bool = False  # plainly not a report (GIA002): a directory walk skips it
    notes: tuple[str, ...] = ()  # for the user: what a reader did not take at face value (a page's charset)
    cacheable: bool = True  # False: not the file's answer but the run's accident (its worker died)


class Unreadable(Exception):
    """`Checker.extract_*`: the file cannot be read as a report; the message says why."""


class Checker:
    """Lints with one set of settings. Build one per process and reuse it: building loads the
    plugins, the rules and the templates (tens of milliseconds); checking a report takes a few."""

    def __init__(self, settings: Settings | None = None, plugins: bool = True, registry=None, views: bool = False):
        from giarlint.linter import Linter
        from giarlint.plugins import build_registry

        self.registry = registry if registry is not None else build_registry(load_plugins=plugins)
        self.settings = settings or Settings()
        self.linter = Linter(self.registry, self.settings)
        self.views = views  # also give each report's plain-data view (for formatters with needs_reports)

    def check_file(self, path: str) -> Checked:
        return self._checked(path, self.linter.check_file(path))

    def check_bytes(self, path: str, data: bytes) -> Checked:
        return self._checked(path, self.linter.check_bytes(path, data))

    def _checked(self, path: str, result) -> Checked:
        view = self.linter.view(result).view if self.views else None
        result = self.linter.summarize(result)
        converted = self.linter.converted.pop(path, None)  # kept only while it is needed
        if result.summaries is None:
            converted = None
        return Checked(path, result.diagnostics, result.summaries, converted, view, result.not_report, result.notes)

    def check_set(self, checked: Iterable[Checked]) -> list[Diagnostic]:
        """The report-set rules' findings over every report of a run (e.g. consecutive years of
        one agency), sorted; give every `Checked` of the run, in any order."""
        summaries = []
        for item in checked:
            if item.summaries is not None:
                summaries.append(item.summaries)
                if item.converted is not None:
                    self.linter.converted[item.summaries.path] = item.converted
        try:
            return self.linter.lint_summaries(summaries) if len(summaries) > 1 else []
        finally:
            self.linter.converted.clear()

    def extract_file(self, path: str) -> dict:
        """`giarlint extract`'s record of one report (year, agency, every table's numbers and how
        each was read). Raises `Unreadable`."""
        from giarlint.linter import MAX_BYTES

        try:
            with open(path, "rb") as handle:
                data = handle.read(MAX_BYTES + 1)
        except OSError as exc:
            raise Unreadable(f"cannot read: {exc.strerror or exc}") from exc
        return self.extract_bytes(path, data)

    def extract_bytes(self, path: str, data: bytes) -> dict:
        from giarlint.extract import report_record

        return report_record(self.linter.build(path, self.report_text(path, data)))

    def report_text(self, path: str, data: bytes) -> str:
        """The text a report is read from: a reader plugin's for a web page, Word or PDF file,
        else the decoded bytes (a page run together on one line given its lines back)."""
        from giarlint.linter import MAX_BYTES
        from giarlint.readers import ReaderError
        from giarlint.readers.flat import reflow
        from giarlint.source import DecodeError, decode, normalise_newlines

        if len(data) > MAX_BYTES:
            raise Unreadable(f"over the {MAX_BYTES // 1048576} MB size limit")
        try:
            converted = self.linter.convert(path, data)
        except ReaderError as exc:
            raise Unreadable("; ".join(d.message for d in self.linter.reader_failure(path, exc))) from exc
        if converted is not None:
            return converted.text
        try:
            text = normalise_newlines(decode(data, self.settings.encoding).text)
        except DecodeError as exc:
            raise Unreadable(f"cannot decode (tried {', '.join(exc.tried)}): {exc.detail}") from exc
        flat = reflow(text)
        return flat.text if flat is not None else text


def check_paths(paths: Iterable[str], settings: Settings | None = None, jobs: int = 1,
                plugins: bool = True) -> Iterator[Checked]:
    """`Checked` of each file, in the order given, as they finish (in `jobs` worker processes when
    above 1); then check the set with `Checker.check_set`. Directories are not walked here."""
    from giarlint.parallel import LinterSet, lint_files

    linters = LinterSet(Checker(settings, plugins).registry, [settings or Settings()])
    return lint_files(((path, 0) for path in paths), linters, jobs, plugins)
