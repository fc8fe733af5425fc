"""``giarlint extract PATHS…``: the numbers of every table as JSON."""

from __future__ import annotations

import json
import sys

from giarlint.commands.common import add_input_arguments, iter_paths, load_report, make_linter

NAME = "extract"
HELP = "print the numbers of every table as data"


def add_arguments(parser) -> None:
    parser.add_argument("paths", nargs="+", help="files or directories ('-' reads standard input)")
    parser.add_argument("--output-format", default="json", choices=("json",))
    add_input_arguments(parser)


def run(args) -> int:
    from giarlint.extract import report_record

    linter = make_linter(args)
    records, failed = [], False
    for path in iter_paths(args.paths):
        report = load_report(linter, path, args)
        if report is None:
            failed = True
            continue
        records.append(report_record(report))
    sys.stdout.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
    return 1 if failed else 0
