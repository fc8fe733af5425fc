"""Lint reports: decode, parse, interpret, run every selected rule, render messages.

Each file is linted on its own (`check_file` / `check_bytes` / `check_text` keep the built
`Report`; `summarize` swaps it for what the report-set rules need of it); `lint_summaries` then
runs the report-set rules over the summaries of a whole run.
"""

from __future__ import annotations

import dataclasses
from array import array
import os
import pickle
import signal
import time
from typing import Iterable, NamedTuple, Sequence

from giarlint import guard, interrupts
from giarlint.assemble import section_ordinals
from giarlint import budget
from giarlint.budget import RuleTimeout
from giarlint.catalogue import CodeDoc, builtin_catalogue
from giarlint.diagnostics import Diagnostic, Edit
from giarlint.files import MAX_BYTES, NotRegularFile, TooLarge, read_capped
from giarlint.messages import Localized, render
from giarlint.plugins import PluginError, Registry
from giarlint.readers import ConvertedSource, ReaderError, read_source
from giarlint.readers.flat import reflow
from giarlint.readers.markup import unwrap_markup
from giarlint.readers.radicals import look_alikes, unify_radicals
from giarlint.recognise import looks_like_report
from giarlint.report import Report, build_report
from giarlint.rule import Finding, RuleContext
from giarlint.settings import Settings
from giarlint.source import DecodeError, decode, normalise_newlines
from giarlint.suppressions import apply, find_suppressions, mask_directives
from giarlint.reportview import layout_name, reason_text, report_view
from giarlint.tables.fitting import Reason
from giarlint.tables.reader import wrong_cell_count
from giarlint.tables.templates import load_templates
from giarlint.tree import Span

ENGINE = "engine"
_WHOLE_FILE = Span(1, 1, 1, 1)
_UNREAD_SHOWN = 3  # rows named in a GIA003 message
_TABLE_NAMES = {
    "table2": Localized("表二（主动公开政府信息情况）", "table 2 (proactive disclosure)"),
    "table3": Localized("表三（收到和处理政府信息公开申请情况）", "table 3 (requests received and handled)"),
    "table4": Localized("表四（行政复议、行政诉讼情况）", "table 4 (review and litigation)"),
}
_SPECIAL_KINDS = {
    "FIFO": Localized("命名管道", "a FIFO"), "character device": Localized("字符设备", "a character device"),
    "block device": Localized("块设备", "a block device"), "socket": Localized("套接字", "a socket"),
    "directory": Localized("目录", "a directory"),
}



def _unread_at(table) -> Span:
    """Where a table's one GIA003 points: its first unread row's label, else the table."""
    unread = table.reading.unread
    return unread[0].span if unread and unread[0].reason is not Reason.NOT_FOUND else table.span._replace(
        end_line=table.span.line, end_column=table.span.column)


def unread_args(table, title: Localized) -> dict:
    """Message arguments of a table's GIA003: the table, its layout, up to three unread rows."""
    reading = table.reading
    shown = reading.unread[:_UNREAD_SHOWN]
    rows = {}
    for lang, separator, item in (("zh", "；", "{name}（{why}）"), ("en", "; ", "{name} ({why})")):
        items = [item.format(name=u.name.pick(lang), why=reason_text(u).pick(lang))
                 for u in shown]
        rest = len(reading.unread) - len(shown)
        if rest > 0:
            items.append(f"另有 {rest} 行" if lang == "zh" else f"{rest} more")
        rows[lang] = separator.join(items)
    layout = layout_name(reading.layout)
    return {"table": title, "layout": layout, "rows": Localized(rows["zh"], rows["en"]), "count": len(reading.unread)}


class ReportSummaries(NamedTuple):
    """What the report-set rules need of one report: rule name -> that rule's `summarize` answer."""

    path: str
    by_rule: dict[str, object]
    line_lengths: Sequence[int] = ()  # of the report's text (an array): spans of report-set findings are checked against it


class FileResult(NamedTuple):
    """The diagnostics of one file and its report (None when it could not be read or is not a
    report); after `Linter.summarize`, the summaries of the report instead of the report."""

    diagnostics: list[Diagnostic]
    report: Report | None = None
    summaries: ReportSummaries | None = None
    not_report: bool = False  # plainly not a report (GIA002): a directory walk skips it
    view: dict | None = None  # `giarlint.reportview.report_view`, for formatters that ask for it
    notes: tuple[str, ...] = ()  # for standard error: what the reader did not take at face value


def template_dirs(registry: Registry) -> tuple:
    """The directories of table templates the plugins add; a plugin that fails or returns
    something other than a list of directories is named (exit 2), like one that fails to load."""
    dirs = []
    for impl in reversed(registry.manager.hook.giarlint_template_dirs.get_hookimpls()):  # pluggy's order
        try:
            listed = guard.call(impl.function) or ()
        except guard.PluginFault as fault:
            raise PluginError(f"plugin {impl.plugin_name!r} failed while listing its template directories: {fault.problem}") from None
        if not isinstance(listed, (list, tuple)) or not all(isinstance(d, (str, os.PathLike)) for d in listed):
            raise PluginError(f"plugin {impl.plugin_name!r}: giarlint_template_dirs must return a list of directories, "
                              f"not {guard.kind(listed)}")
        dirs.extend(listed)
    return tuple(dirs)


def _fix_of(finding: Finding):
    """The finding's edits as a tuple of `Edit`, or None when it has none or they are not one-line edits."""
    if not finding.fix:
        return None
    try:  # a plugin's fix of the wrong shape is no fix, never a crash
        edits = tuple(Edit(*edit) for edit in finding.fix)
    except TypeError:
        return None
    for e in edits:
        numbers = (e.line, e.column, e.end_line, e.end_column)
        if not all(type(n) is int and n >= 1 for n in numbers) or not isinstance(e.content, str):
            return None
        if e.line != e.end_line or e.column > e.end_column or "\n" in e.content or "\r" in e.content:
            return None
    return edits


def _relocated_fix(converted: ConvertedSource, fix):
    """A fix of converted text, in the original's positions: only for a page given its lines back
    (`reflow` adds line breaks, nothing else); a web page's, Word or PDF file's text is not the file."""
    if not fix or converted.kind != "text" or converted.positions is None:
        return None
    edits = []
    for edit in fix:
        span, _ = converted.locate(Span(edit.line, edit.column, edit.end_line, edit.end_column))
        if span.line != span.end_line or span.end_column - span.column != edit.end_column - edit.column:
            return None
        edits.append(Edit(span.line, span.column, span.end_line, span.end_column, edit.content))
    return tuple(edits)


class Linter:
    def __init__(self, registry: Registry, settings: Settings | None = None):
        self.registry = registry
        self.settings = settings or Settings()
        self._selection: dict[tuple[str, tuple[str, ...]], bool] = {}
        self._contexts: dict[tuple[str, tuple[str, ...]], RuleContext] = {}
        self._ignores_path: str | None = None  # the path `_ignores` (its per-file ignores) is for
        self._ignores: tuple[str, ...] = ()
        self.docs: dict[str, CodeDoc] = dict(builtin_catalogue(ENGINE))
        self.docs.update(registry.docs)
        dirs = template_dirs(registry)
        self.templates = load_templates(dirs) if dirs else load_templates()  # one cache entry for the built-ins
        self.converted: dict[str, ConvertedSource] = {}  # path -> what a reader made of it
        interrupts.install()  # so that a plugin raising KeyboardInterrupt is told from Ctrl-C

    # -- entry points -------------------------------------------------------------------
    def lint_bytes(self, path: str, data: bytes) -> list[Diagnostic]:
        return self.check_bytes(path, data).diagnostics

    def lint_file(self, path: str) -> list[Diagnostic]:
        return self.check_file(path).diagnostics

    def lint_text(self, path: str, text: str) -> list[Diagnostic]:
        return self.check_text(path, text).diagnostics

    def check_bytes(self, path: str, data: bytes, size: int | None = None) -> FileResult:
        """Lint a file's bytes; `size`, when known, is the whole file's (only the cap was read)."""
        if len(data) > MAX_BYTES:
            return FileResult(self._too_large(path, size or len(data)))
        try:
            return self._check_bytes(path, data)
        except Exception as exc:  # a bug of giarlint on one file must not cost the others their results
            return self.internal_failure(path, exc)

    def internal_failure(self, path: str, exc: BaseException) -> FileResult:
        """GIA001 naming the error: this file could not be checked, the run goes on
        (with GIARLINT_DEBUG set the error is raised, for a traceback and for the fuzz tests)."""
        if os.environ.get("GIARLINT_DEBUG"):
            raise exc
        error = f"{type(exc).__name__}: {exc}"[:300]
        return FileResult(self._diagnostics(path, [Finding("GIA001", _WHOLE_FILE, {"error": error}, "internal")]))

    def worker_died(self, path: str, exitcode: int | None) -> list[Diagnostic]:
        """GIA001: the worker process checking this file under --jobs died (the system ends a
        process that runs out of memory; a plugin may end it); the other files are checked."""
        if exitcode is not None and exitcode < 0:
            try:
                name = signal.Signals(-exitcode).name
            except ValueError:
                name = str(-exitcode)
            return self._diagnostics(path, [Finding("GIA001", _WHOLE_FILE, {"signal": name}, "worker_killed")])
        status = "?" if exitcode is None else str(exitcode)
        return self._diagnostics(path, [Finding("GIA001", _WHOLE_FILE, {"status": status}, "worker_exited")])

    def _check_bytes(self, path: str, data: bytes) -> FileResult:
        try:
            converted = self.convert(path, data)
        except ReaderError as exc:
            return FileResult(self.reader_failure(path, exc))
        if converted is not None:
            return self._check_converted(path, converted)
        try:
            decoded = decode(data, self.settings.encoding)
        except DecodeError as exc:
            return FileResult(self._diagnostics(path, [Finding("GIA001", _WHOLE_FILE, {"tried": ", ".join(exc.tried), "detail": exc.detail})]))
        return self.check_text(path, decoded.text)

    def check_file(self, path: str) -> FileResult:
        """Lint a file. Only a regular file is read, and no more than `MAX_BYTES` of it."""
        try:
            data = read_capped(path)
        except TooLarge as exc:
            return FileResult(self._too_large(path, exc.size))
        except NotRegularFile as exc:
            if exc.kind == "directory":  # a directory a walk could not list
                return self._unlistable(path)
            kind = _SPECIAL_KINDS.get(exc.kind, Localized(exc.kind, exc.kind))
            return FileResult(self._diagnostics(path, [Finding("GIA001", _WHOLE_FILE, {"kind": kind}, "special")]))
        except OSError as exc:
            return FileResult(self._diagnostics(path, [Finding("GIA001", _WHOLE_FILE, {"tried": "-", "detail": exc.strerror or str(exc)}, "unreadable")]))
        return self.check_bytes(path, data)

    def _too_large(self, path: str, size: int) -> list[Diagnostic]:
        args = {"size": f"{size / 1048576:.1f}", "limit": MAX_BYTES // 1048576}
        return self._diagnostics(path, [Finding("GIA001", _WHOLE_FILE, args, "too_large")])

    def _unlistable(self, path: str) -> FileResult:
        try:
            os.scandir(path).close()
            detail = "is a directory"
        except OSError as exc:
            detail = exc.strerror or str(exc)
        return FileResult(self._diagnostics(path, [Finding("GIA001", _WHOLE_FILE, {"detail": detail}, "unreadable_dir")]))

    def check_text(self, path: str, text: str) -> FileResult:
        """Lint plain text; a page run together on one line is given its lines back first."""
        text = normalise_newlines(text)
        flat = reflow(text)
        if flat is not None:
            return self._check_converted(path, flat)
        return self._check_text(path, text)

    def _check_converted(self, path: str, converted: ConvertedSource) -> FileResult:
        self.converted[path] = converted  # report-set findings on it are relocated too
        result = self._check_text(path, normalise_newlines(converted.text))
        return result._replace(diagnostics=self.relocate(converted, result.diagnostics),
                               notes=tuple(f"{path}: {note}" for note in converted.notes))

    def _check_text(self, path: str, text: str) -> FileResult:
        """Lint newline-normalised text."""
        report = self.build(path, text)
        found: list[tuple[str, Finding]] = list(self._engine_findings(report))
        not_report = [f for _, f in found if f.code == "GIA002"]
        if not_report:
            return FileResult(self._suppress(path, text, self._diagnostics(path, found, report)),
                              not_report=not_report[0].variant != "old_format")
        with budget.clock(self.settings.time_limit):
            found.extend(self._rule_findings(report))
        return FileResult(self._suppress(path, text, self._diagnostics(path, found, report)), report)

    def summarize(self, result: FileResult) -> FileResult:
        """Swap the result's report for the summaries of the selected report-set rules (none when
        no such rule is selected): all a worker process need send back of it."""
        rules = self._wanted_set_rules()
        if result.report is None or not rules:
            return result._replace(report=None)
        with budget.clock(self.settings.time_limit):
            summaries, failures = self._summaries(result.report, rules)
        diagnostics = sorted(result.diagnostics + failures) if failures else result.diagnostics
        return result._replace(diagnostics=diagnostics, report=None, summaries=summaries)

    def view(self, result: FileResult) -> FileResult:
        """The result with the plain-data view of its report (for formatters with `needs_reports`)."""
        if result.report is None:
            return result
        return result._replace(view=report_view(result.report, self.converted.get(result.report.path)))

    def lint_set(self, reports: list[Report]) -> list[Diagnostic]:
        """`lint_summaries` of reports built in this process (e.g. by the rule-case harness)."""
        rules = [
            rule for rule in self.registry.set_rules
            if any(self._selected(code, report.path) for code in self.registry.codes_of(rule) for report in reports)
        ]
        summaries, diagnostics = [], []
        for report in reports:
            summary, failures = self._summaries(report, rules)
            summaries.append(summary)
            diagnostics.extend(failures)
        return sorted(set(diagnostics + self.lint_summaries(summaries)))

    def lint_summaries(self, summaries: list[ReportSummaries]) -> list[Diagnostic]:
        """Run the report-set rules over the summaries of one run's reports; each finding names its report."""
        diagnostics: list[Diagnostic] = []
        lengths = {s.path: s.line_lengths for s in summaries}
        for rule in self.registry.set_rules:
            given = [(s.path, s.by_rule[rule.name]) for s in summaries if rule.name in s.by_rule]
            if not any(self._selected(code, path) for code in self.registry.codes_of(rule) for path, _ in given):
                continue
            context = self._context(rule)
            produced, failures = self._checked(
                rule, lambda: rule.check_set([summary for _, summary in given], context),
                lambda finding: lengths.get(finding.path) or None, frozenset(lengths))
            if failures:  # a broken rule must not hide the others
                diagnostics.extend(self._relocated(given[0][0], self._diagnostics(given[0][0], failures)))
            by_path: dict[str, list] = {}
            for finding in produced:
                by_path.setdefault(finding.path, []).append((rule.name, finding))
            for path, found in by_path.items():
                diagnostics.extend(self._relocated(path, self._diagnostics(path, found)))
        return sorted(set(diagnostics))

    def convert(self, path: str, data: bytes) -> ConvertedSource | None:
        """The reader plugins' text for a web page, Word or PDF file; None for plain text."""
        return read_source(self.registry.manager.hook, path, data, self.settings.encoding)

    def reader_failure(self, path: str, error: ReaderError) -> list[Diagnostic]:
        variant = error.variant
        if variant == "missing_extra" and self.settings.hook:  # pip advice is wrong inside pre-commit
            variant = "missing_extra_hook"
        return self._diagnostics(path, [Finding(error.code, _WHOLE_FILE, error.args_dict, variant)])

    def _relocated(self, path: str, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
        converted = self.converted.get(path)
        return self.relocate(converted, diagnostics) if converted is not None else diagnostics

    def relocate(self, converted: ConvertedSource, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
        """Point diagnostics on converted text at the original file (line:col or a locator)."""
        out = []
        for diagnostic in diagnostics:
            span, locator = converted.locate(
                Span(diagnostic.line, diagnostic.column, diagnostic.end_line, diagnostic.end_column)
            )
            message = diagnostic.message
            if locator is not None:
                where = locator.pick(self.settings.lang)
                message += f"（{where}）" if self.settings.lang == "zh" else f" ({where})"
            out.append(dataclasses.replace(
                diagnostic, line=span.line, column=span.column, end_line=span.end_line,
                end_column=span.end_column, message=message, fix=_relocated_fix(converted, diagnostic.fix),
            ))
        return sorted(out)

    def build(self, path: str, text: str) -> Report:
        """The report of `text`; suppression comments are blanked in the copy the parser reads,
        and a PDF's radical look-alikes are read as the ideographs they print (same length:
        `giarlint.readers.radicals`). A reading that finds sections missing is tried again with
        the markup a converter wraps around headings blanked too (`giarlint.readers.markup`), and
        the second kept if it finds more of them: a report with its six headings, the common case,
        pays nothing for it."""
        masked = mask_directives(normalise_newlines(text))
        text = unify_radicals(masked)
        report = build_report(text, path, self.templates, self.settings.format_version)
        if text is not masked:
            report.look_alikes = look_alikes(masked)
        found = _numbered(report)
        if found < len(section_ordinals()):  # a section missing: maybe hidden by a converter's markup
            unwrapped = unwrap_markup(text)
            if unwrapped is not text:
                again = build_report(unwrapped, path, self.templates, self.settings.format_version)
                if _numbered(again) > found:
                    again.look_alikes = report.look_alikes
                    return again
        return report

    # -- helpers ------------------------------------------------------------------------
    def _context(self, rule, path: str = "") -> RuleContext:
        """The rule's context for a file at `path`: made once per rule and set of per-file ignores,
        like `_selected`, since every report asks for every rule's."""
        key = (rule.name, self._ignores_of(path))
        context = self._contexts.get(key)
        if context is None:
            selected = frozenset(code for code in self.registry.codes_of(rule) if self._selected(code, path))
            context = RuleContext(self.settings.lang, self.settings.rule_options.get(rule.name, {}), selected)
            self._contexts[key] = context
        return context

    def _failure(self, rule, problem: str, variant: str = "default", count: int = 0, **args) -> Finding:
        """GIA099: a rule raised, ran out of time or returned what giarlint cannot use; a broken
        rule must not hide the others."""
        plugin = self.registry.rule_plugin.get(rule.name, "?")
        return Finding("GIA099", _WHOLE_FILE, {"rule": rule.name, "plugin": plugin, "error": problem, "count": count,
                                               **args}, variant)

    def _timed(self, rule, run) -> tuple[object, Finding | None]:
        """(run(), None), or (None, GIA099 with the time) when the rule ran past the time limit
        (`giarlint.budget`: the rules of a report share one timer, a rule only notes its start)."""
        limit = self.settings.time_limit
        if limit and not budget.running():  # e.g. a report-set rule: a clock of its own (if timers can run here)
            with budget.clock(limit):
                return self._rule_timed(rule, run, limit)
        return self._rule_timed(rule, run, limit)

    def _rule_timed(self, rule, run, limit: float) -> tuple[object, Finding | None]:
        started = budget.rule_started()
        try:
            return run(), None
        except RuleTimeout:
            spent = f"{time.monotonic() - started:.1f}"
            return None, self._failure(rule, "timeout", "timeout", seconds=spent, limit=f"{limit:g}")
        finally:
            budget.rule_ended()

    def _checked(self, rule, produce, line_lengths, paths=None) -> tuple[list[Finding], list[Finding]]:
        """(the valid findings `produce()` yields, GIA099 for what went wrong): a fault that ended
        the rule (an error, the time limit), and one for all its invalid results (the first one described)."""
        collected, timeout = self._timed(rule, lambda: guard.collect(produce))
        if timeout is not None:
            return [], [timeout]
        items, fault = collected
        codes = self.registry.codes_for_rule(rule)
        good, bad = [], []
        for item in items:
            problem = guard.finding_problem(item, codes, (lambda: line_lengths(item)) if line_lengths else None, paths)
            if problem is None:
                good.append(item)
            else:
                bad.append(problem)
        failures = [self._failure(rule, fault.problem)] if fault is not None else []
        if bad:
            failures.append(self._failure(rule, bad[0], "bad_result", len(bad)))
        return good, failures

    def _wanted_set_rules(self) -> list:
        """The report-set rules with a selected code: only they need summaries of each report."""
        return [rule for rule in self.registry.set_rules
                if any(self._selected(code, "") for code in self.registry.codes_of(rule))]

    def _summaries(self, report: Report, rules) -> tuple[ReportSummaries, list[Diagnostic]]:
        """Each rule's summary of `report`, and GIA099 for the rules whose `summarize` raised."""
        by_rule, failures = {}, []
        for rule in rules:
            context = self._context(rule, report.path)
            summarized, failure = self._timed(rule, lambda: self._summary(rule, report, context))
            summary, failure = summarized if failure is None else (None, failure)
            if failure is not None:
                failures.append(failure)
            else:
                by_rule[rule.name] = summary
        failed = self._relocated(report.path, self._diagnostics(report.path, failures))
        lengths = array("I", guard.line_lengths_of(report.text)) if by_rule else array("I")  # 4 bytes a line
        return ReportSummaries(report.path, by_rule, lengths), failed

    def _summary(self, rule, report: Report, context):
        """(the rule's summary of `report`, None), or (None, GIA099 saying why there is none). It
        crosses to the main process under --jobs: checked here that it can, with or without."""
        try:
            summary = guard.call(rule.summarize, report, context)
        except guard.PluginFault as fault:
            return None, self._failure(rule, fault.problem)
        try:
            pickle.dumps(summary)
        except Exception as exc:
            return None, self._failure(rule, repr(exc), "unpicklable")
        return summary, None

    def _engine_findings(self, report: Report) -> Iterable[tuple[str, Finding]]:
        if not looks_like_report(report):
            yield ENGINE, Finding("GIA002", _WHOLE_FILE, {}, "empty" if not report.text.strip() else "default")
            return
        if report.year is not None and report.year < 2019:
            yield ENGINE, Finding("GIA002", _WHOLE_FILE, {"year": report.year}, "old_format")
            return
        for name, table in sorted(report.tables.items()):
            if not table.read and not wrong_cell_count(table):
                yield ENGINE, Finding("GIA003", _unread_at(table), unread_args(table, _TABLE_NAMES[name]),
                                      table.reading.verdict)

    def _rule_findings(self, report: Report) -> Iterable[tuple[str, Finding]]:
        lengths: list[int] = []

        def line_lengths(finding) -> list[int]:
            if not lengths:
                lengths.extend(guard.line_lengths_of(report.text))
            return lengths

        for rule in self.registry.rules:
            context = self._context(rule, report.path)
            if not context.selected:
                continue
            produced, failures = self._checked(rule, lambda: rule.check(report, context), line_lengths)
            for finding in failures:
                yield ENGINE, finding
            for finding in produced:
                yield rule.name, finding

    def _selected(self, code: str, path: str) -> bool:
        """Asked for every code of every rule, for every report: decided once per code and set of
        per-file ignores (not per path, which would grow with the run)."""
        ignores = self._ignores_of(path)
        key = (code, ignores)
        if key not in self._selection:
            doc = self.docs.get(code)
            self._selection[key] = self.settings.is_selected(code, doc.default if doc else True, ignores)
        return self._selection[key]

    def _ignores_of(self, path: str) -> tuple[str, ...]:
        """The per-file ignores of `path` (remembered for the last path: a report asks many times)."""
        if path != self._ignores_path:
            self._ignores_path, self._ignores = path, self.settings.ignores_for(path)
        return self._ignores

    def _suppress(self, path: str, text: str, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
        """Drop what suppression comments hide; report the comments that hid nothing (GIA009).
        Findings of report-set rules (`lint_summaries`) come later and are not suppressed by comments."""
        suppressions = find_suppressions(text)
        if not suppressions:
            return diagnostics
        kept = apply(diagnostics, suppressions)
        unused = [
            Finding("GIA009", region.span, {"codes": ", ".join(code or "*" for code in region.unused())})
            for region in suppressions
            if region.unused()
        ]
        return sorted(kept + self._diagnostics(path, unused)) if unused else kept

    def _diagnostics(self, path: str, found, report: Report | None = None) -> list[Diagnostic]:
        out = []
        for item in found:
            rule_name, finding = (ENGINE, item) if isinstance(item, Finding) else item
            if not self._selected(finding.code, path):
                continue
            doc = self.docs.get(finding.code)
            template = (doc.messages.get(finding.variant) or doc.messages.get("default")) if doc else None
            message = render(template, self.settings.lang, finding.args) if template else finding.code
            span = finding.span
            out.append(
                Diagnostic(
                    path, span.line, span.column, finding.code, message, span.end_line, span.end_column,
                    rule_name, doc.severity if doc else "E", finding.cells, _fix_of(finding),
                )
            )
        return sorted(set(out))


def _numbered(report: Report) -> int:
    """How many of the sections 一 to 六 a reading found (a heading more, or twice, is no better)."""
    return len({section.heading.ordinal for section in report.document.sections} & section_ordinals())
