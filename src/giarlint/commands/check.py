"""``giarlint check PATHS…``: lint reports and print diagnostics."""

from __future__ import annotations

import sys

from giarlint.commands.common import UsageError, add_input_arguments, codes, iter_paths, make_linter, read_bytes

NAME = "check"
HELP = "check reports and print diagnostics"


def add_arguments(parser) -> None:
    parser.add_argument("paths", nargs="*", default=["."], help="files or directories ('-' reads standard input)")
    parser.add_argument("--select", type=codes, help="comma-separated code prefixes to check")
    parser.add_argument("--extend-select", type=codes, default=(), help="code prefixes to add to the selection")
    parser.add_argument("--ignore", type=codes, default=(), help="comma-separated code prefixes to skip")
    parser.add_argument("--output-format", default="concise", help="concise (default) or json")
    add_input_arguments(parser)


def lint_path(linter, path: str, args):
    """The `FileResult` (diagnostics and report) of one path or of standard input."""
    if path == "-":
        name, data = read_bytes(path, args)
        return linter.check_bytes(name, data)
    return linter.check_file(path)


def run(args) -> int:
    from giarlint.output import FORMATTERS

    formatter = FORMATTERS.get(args.output_format)
    if formatter is None:
        raise UsageError(f"unknown output format {args.output_format!r}; choose from {', '.join(FORMATTERS)}")
    linter = make_linter(args)
    keep_reports = linter.wants_sets()  # report-set rules (cross-year) compare the files of the run
    diagnostics, reports = [], []
    for path in iter_paths(args.paths):
        result = lint_path(linter, path, args)
        diagnostics.extend(result.diagnostics)
        if keep_reports and result.report is not None:
            reports.append(result.report)
    if len(reports) > 1:
        across = linter.lint_set(reports)
        if across:
            diagnostics = sorted(diagnostics + across)  # keep each file's diagnostics together
    sys.stdout.write(formatter(diagnostics))
    return 1 if diagnostics else 0
