"""``giarlint check PATHS…``: lint reports and print diagnostics."""

from __future__ import annotations

import io
import os
import sys
from collections import Counter
from typing import Iterator

from giarlint.commands.common import (
    Session,
    UsageError,
    add_input_arguments,
    check_output_target,
    codes,
    read_bytes,
)

FORMAT_ENV = "GIARLINT_OUTPUT_FORMAT"
TEXT_FORMATS = ("concise", "full")  # formats after which statistics may go to standard output


def add_arguments(parser) -> None:
    parser.add_argument("paths", nargs="*", default=["."], help="files or directories ('-' reads standard input)")
    parser.add_argument("--select", type=codes, help="comma-separated code prefixes to check")
    parser.add_argument("--extend-select", type=codes, help="code prefixes to add to the selection")
    parser.add_argument("--ignore", type=codes, help="comma-separated code prefixes to skip")
    parser.add_argument("--output-format", default=os.environ.get(FORMAT_ENV) or "concise",
                        help=f"concise (default), full, json, json-lines, sarif, github, gitlab, junit, "
                             f"or a plugin's format (env {FORMAT_ENV})")
    parser.add_argument("--output-file", "-o", metavar="FILE",
                        help="write the output to FILE (atomically) instead of standard output")
    parser.add_argument("--statistics", action="store_true", help="count the findings of each code")
    parser.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    parser.add_argument("-q", "--quiet", action="store_true", help="print findings only, no notes on standard error")
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="say on standard error which found files were skipped as not reports")
    parser.add_argument("--hook", action="store_true",
                        help="the files were passed by a hook (pre-commit's entry sets it): treat them like files "
                             "a directory walk found (plainly not a report: skipped; `include` applies) and "
                             "give advice that fits pre-commit")
    parser.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                        help="colour the text formats (auto: on a terminal; honours NO_COLOR and FORCE_COLOR)")
    baseline = parser.add_mutually_exclusive_group()
    baseline.add_argument("--baseline", metavar="FILE", help="report only findings that are not in this baseline")
    baseline.add_argument("--write-baseline", metavar="FILE", help="record every current finding in FILE and exit 0")
    fixing = parser.add_mutually_exclusive_group()
    fixing.add_argument("--fix", action="store_true",
                        help="apply the certain fixes (GIA501-GIA505, GIA106, GIA109) to text and Markdown files")
    fixing.add_argument("--diff", action="store_true",
                        help="print the fixes as a unified diff and write nothing (exit 1 when there are any)")
    parser.add_argument("--show-fixes", action="store_true", help="list each fix applied (with --fix) or available")
    parser.add_argument("--no-cache", action="store_true",
                        help="lint every file again, neither reading nor writing the result cache "
                             "(GIARLINT_CACHE_DIR moves it)")
    parser.add_argument("-j", "--jobs", type=int, default=1, metavar="N",
                        help="check files in N worker processes (0: one per CPU)")
    parser.add_argument("--rule-time-limit", type=float, metavar="SECONDS",
                        help="stop a rule that takes longer than this on one report and report GIA099 (default 10; 0: no limit)")
    add_input_arguments(parser)


def use_color(choice: str, stream) -> bool:
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return stream.isatty() and os.environ.get("TERM") != "dumb"


def lint_all(session: Session, paths: list[str], args, sources, views: dict | None = None) -> Iterator[tuple[list, bool]]:
    """(diagnostics, False) of each path, in path order, as the files finish (in worker processes
    with --jobs); then (diagnostics, True) of the report-set rules (cross-year) over the summaries
    of all reports, with the first path's settings. Only the summaries are kept meanwhile, and
    `views`, when given, is filled with path -> plain-data view of its report
    (`giarlint.reportview`), for formatters that ask for it. A found file that is plainly not a
    report is skipped (`session.skipped`)."""
    from giarlint import cache
    from giarlint.parallel import lint_files
    from giarlint.progress import bar

    jobs = args.jobs if args.jobs > 0 else (os.cpu_count() or 1)
    tasks = [(path, session.settings_index(path)) for path in paths if path != "-"]
    results_cache = cache.for_run(session.registry, not args.no_cache, views is not None)
    results = cache.through(results_cache, tasks, lambda index: session.linters.settings[index],
                            lambda todo: lint_files(todo, session.linters, jobs, session.load_plugins),
                            session.linters.lint)
    kept = []  # `Checked` of the reports with summaries, their diagnostics dropped
    progress = bar(len(paths), args.quiet)
    for path in paths:
        result = next(results) if path != "-" else _lint_stdin(session, args, sources)
        progress.update(1)
        if not args.quiet:
            sys.stderr.writelines(f"giarlint: note: {note}\n" for note in result.notes)
        if result.not_report and session.found(path) and not session.settings_for(path).is_included(path):
            session.skipped.append(path)
            if args.verbose and not args.quiet:
                sys.stderr.write(f"giarlint: {path}: skipped, not a report (no report title, section or table)\n")
            continue
        yield result.diagnostics, False
        if views is not None and result.view is not None:
            views[result.view["path"]] = result.view
        if result.summaries is not None:
            kept.append(result._replace(diagnostics=[], view=None))
    progress.close()
    if results_cache is not None and args.verbose and not args.quiet:
        sys.stderr.write(f"giarlint: {results_cache.hits} of {len(tasks)} files from the cache\n")
    if len(kept) > 1:
        yield session.linters.checker(session.settings_index(paths[0])).check_set(kept), True


def _lint_stdin(session: Session, args, sources):
    try:
        name, data = read_bytes("-", args)
    except OSError as exc:
        raise UsageError(f"cannot read standard input: {exc}") from exc
    checker = session.linters.checker(session.settings_index("-"))
    result = checker.check_bytes(name, data)
    if result.diagnostics:
        from giarlint.source import DecodeError, decode

        try:
            sources.add(name, decode(data, checker.settings.encoding).text)
        except DecodeError:
            pass
    return result


class Output:
    """Writes each file's diagnostics as they come when the format allows it (a formatter with a
    ``stream_joiner``: its output for a list is its outputs for the parts, joined) and the
    report-set findings after them; else everything at once, in path order (sorted when there
    are report-set findings, so that each file's stay together). Counts codes on the way."""

    def __init__(self, formatter, context, stream, keep: bool, format_owner: tuple[str, dict], fallback):
        self.formatter, self.context, self.stream = formatter, context, stream
        self.format_owner, self.fallback = format_owner, fallback
        self.joiner = getattr(formatter, "stream_joiner", None)
        self.keep = keep or self.joiner is None  # a baseline or a whole-list format needs every diagnostic
        self.kept: list = []
        self.counts: Counter = Counter()  # code -> findings, for --statistics
        self.files: set[str] = set()  # files with findings, for the summary line
        self.fixable = 0
        self.written = False

    def _count(self, diagnostics: list) -> None:
        self.counts.update(d.code for d in diagnostics)
        self.files.update(d.path for d in diagnostics)
        self.fixable += sum(1 for d in diagnostics if d.fix)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def add(self, diagnostics: list, across: bool = False) -> None:
        self._count(diagnostics)
        if self.keep:
            self.kept.extend(diagnostics)
            if across and diagnostics:
                self.kept.sort()
        elif diagnostics:
            text = self._format(diagnostics)
            if text:
                self.stream.write((self.joiner if self.written else "") + text)
                self.written = True

    def _format(self, diagnostics: list) -> str:
        """The formatter's text; a failing plugin format is GIA099, and concise from then on."""
        text, shown = formatted(self.formatter, *self.format_owner, diagnostics, self.context, self.fallback)
        if shown is not diagnostics:
            given = set(diagnostics)
            self._count([d for d in shown if d not in given])  # the GIA099 naming the format
            self.formatter, self.joiner = self.fallback, ""
        return text

    def finish(self, diagnostics: list | None = None) -> None:
        """Write what was kept (`diagnostics` instead, when given: after a fix or a baseline)."""
        if diagnostics is not None:
            self.counts, self.files, self.fixable = Counter(), set(), 0
            self._count(diagnostics)
        if self.keep:
            self.stream.write(self._format(self.kept if diagnostics is None else diagnostics))
        self.stream.flush()


def statistics(counts: Counter, docs, lang: str) -> str:
    from giarlint.formatters import summary

    return "".join(f"{counts[code]:<6} {code:<7} {summary(docs.get(code), lang)}\n" for code in sorted(counts))


def run(args) -> int:
    from giarlint.formatters import FormatContext, collect_formatters
    from giarlint.ruledocs import all_docs
    from giarlint.snippets import Sources

    session = Session(args)
    owner: dict[str, str] = {}
    formatters = collect_formatters(session.registry.manager, owner)
    formatter = formatters.get(args.output_format)
    if formatter is None:
        raise UsageError(f"unknown output format {args.output_format!r}; choose from {', '.join(sorted(formatters))}")
    if args.jobs < 0:
        raise UsageError("--jobs must be 0 (one per CPU) or more")
    for option, target in (("--write-baseline", args.write_baseline), ("--output-file", args.output_file)):
        if target:
            check_output_target(target, option)
    paths = list(session.paths(args.paths))
    to_file = args.output_file
    if to_file:
        from giarlint.outfile import OutputFileError, refuse_inputs

        try:
            refuse_inputs(to_file, paths)
        except OutputFileError as exc:
            raise UsageError(str(exc)) from exc
    if args.write_baseline:
        from giarlint.outfile import OutputFileError, refuse_inputs

        try:
            refuse_inputs(args.write_baseline, paths)
        except OutputFileError as exc:
            raise UsageError(f"--write-baseline: {exc}") from exc
    sources = Sources(lambda path: session.settings_for(path).encoding)
    views = {} if getattr(formatter, "needs_reports", False) else None
    session.linters.views = views is not None
    note = (lambda text: None) if args.quiet else (lambda text: sys.stderr.write(f"giarlint: {text}\n"))
    settings = session.settings_for(paths[0] if paths else "-")
    docs = all_docs(session.registry)
    context = FormatContext(docs, sources, paths, settings.lang, use_color(args.color, sys.stdout) and not to_file,
                            reports=views if views is not None else {})
    stream = io.StringIO() if to_file else sys.stdout  # a file is written whole, atomically, at the end
    whole = bool(args.baseline or args.write_baseline or args.fix or args.diff or args.show_fixes)
    output = Output(formatter, context, stream, keep=whole, format_owner=(args.output_format, owner),
                    fallback=formatters[TEXT_FORMATS[0]])
    for diagnostics, across in lint_all(session, paths, args, sources, views):
        output.add(diagnostics, across)
    skipped = set(session.skipped)
    context.paths = [p for p in paths if p not in skipped]
    diagnostics = output.kept if whole else None  # None: nothing kept, or nothing changed

    if args.write_baseline:
        from giarlint.baseline import write_baseline

        from giarlint.outfile import OutputFileError

        try:
            count = write_baseline(args.write_baseline, diagnostics, sources)
        except OutputFileError as exc:
            raise UsageError(str(exc)) from exc
        except OSError as exc:
            raise UsageError(f"cannot write the baseline {args.write_baseline}: {exc.strerror or exc}") from exc
        note(f"wrote {len(diagnostics)} findings ({count} entries) to the baseline {args.write_baseline}")
        return 0
    fixed = 0
    if args.fix or args.diff:
        from giarlint.fixing import fix_run

        outcome = fix_run(session, diagnostics, args.fix, note, args.stdin_filename if "-" in paths else None)
        diagnostics, fixed = outcome.diagnostics, outcome.fixed
        if args.fix:
            sources.forget(path for path in {d.path for d in diagnostics})
        if args.show_fixes and not args.quiet:
            sys.stderr.write("".join(f"{'fixed' if args.fix else 'fixable'}: {line}\n" for line in outcome.shown))
        if args.diff:
            stream.write("".join(outcome.diffs))
            if to_file:
                from giarlint.outfile import OutputFileError, write_atomically

                try:
                    write_atomically(to_file, stream.getvalue())
                except OutputFileError as exc:
                    raise UsageError(str(exc)) from exc
            note(f"{fixed} findings would be fixed in {len(outcome.diffs)} files" if fixed else "nothing to fix")
            return 1 if fixed and not args.exit_zero else 0
    elif args.show_fixes and not args.quiet:
        from giarlint.fixing import describe_available

        sys.stderr.write("".join(f"fixable: {line}\n" for line in describe_available(diagnostics, session)))
    if args.baseline:
        diagnostics = _apply_baseline(args.baseline, diagnostics, sources, paths, note)
    output.finish(diagnostics)
    if to_file:
        from giarlint.outfile import OutputFileError, write_atomically

        try:
            write_atomically(to_file, stream.getvalue())
        except OutputFileError as exc:
            raise UsageError(str(exc)) from exc
    if args.statistics:
        stream = sys.stdout if to_file or args.output_format in TEXT_FORMATS else sys.stderr
        stream.write(statistics(output.counts, docs, settings.lang))
    checked = len(paths) - len(skipped)
    if not checked:
        note("warning: no report found to check (no file with a report suffix, every path excluded by the "
             "configuration, or none of the files found is a report)")
    else:
        note(summary_line(output.total, len(output.files), output.fixable, checked, fixed))
    return 1 if output.total and not args.exit_zero else 0


def formatted(formatter, name: str, owner: dict, diagnostics: list, context, fallback) -> tuple[str, list]:
    """The formatter's output. A format that raises or returns something other than a str is a
    broken plugin: say so on standard error and print the findings in the concise format with a
    GIA099 naming it (nothing is lost, and the run cannot look clean)."""
    from giarlint import guard
    from giarlint.catalogue import builtin_catalogue
    from giarlint.diagnostics import Diagnostic
    from giarlint.messages import render

    try:
        output = guard.call(formatter, diagnostics, context)
        problem = None if isinstance(output, str) else f"returned {guard.kind(output)} instead of a str"
    except guard.PluginFault as fault:
        problem = fault.problem
    if problem is None:
        return output, diagnostics
    plugin = owner.get(name, "?")
    sys.stderr.write(f"giarlint: error: output format {name!r} of plugin {plugin!r} failed: {problem}\n")
    doc = builtin_catalogue("engine")["GIA099"]
    message = render(doc.messages["formatter"], context.lang, {"plugin": plugin, "format": name, "error": problem})
    failure = Diagnostic("-", 1, 1, "GIA099", message, 1, 1, "engine", doc.severity)
    diagnostics = sorted(diagnostics + [failure])
    return fallback(diagnostics, context), diagnostics


def summary_line(findings: int, files: int, fixable: int, checked: int, fixed: int = 0) -> str:
    """ruff's closing line: how many findings, in how many of the checked files, how many fixable."""
    found = f"Found {_counted(findings, 'finding')} in {files} of {_counted(checked, 'file')} ({fixable} fixable)"
    return f"Fixed {_counted(fixed, 'finding')}. {found}" if fixed else found


def _counted(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


def _apply_baseline(file: str, diagnostics, sources, paths, note) -> list:
    """Drop known findings; say on standard error what the baseline hid and which entries are stale."""
    from giarlint.baseline import BaselineError, compare, load_baseline

    try:
        known = load_baseline(file)
    except BaselineError as exc:
        raise UsageError(str(exc)) from exc
    new, stale = compare(file, known, diagnostics, sources, paths)
    hidden = len(diagnostics) - len(new)
    if hidden:
        note(f"{hidden} known findings hidden by the baseline {file}")
    for (path, code, text), count in stale:
        times = f" ({count}×)" if count > 1 else ""
        note(f"stale baseline entry{times}: {path}: {code} “{text}” no longer occurs; update with --write-baseline")
    return new
