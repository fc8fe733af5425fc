"""``giarlint extract PATHS…``: the numbers of every table as JSON, or as CSV with one row per report."""

from __future__ import annotations

import json
import sys

from giarlint.commands.common import Session, add_input_arguments, load_report


def add_arguments(parser) -> None:
    parser.add_argument("paths", nargs="+", help="files or directories ('-' reads standard input)")
    parser.add_argument("--output-format", default="json", choices=("json", "csv"),
                        help="json (default, nested) or csv (one row per report, columns in template order)")
    add_input_arguments(parser)


def run(args) -> int:
    from giarlint.extract import report_record

    session = Session(args)
    records, failed, templates = [], False, None
    for path in session.paths(args.paths):
        linter = session.linter_for(path)
        templates = templates or linter.templates
        report = load_report(linter, path, args)
        if report is None:
            failed = True
            continue
        records.append(report_record(report))
    if args.output_format == "csv":
        from giarlint.extract import write_csv
        from giarlint.tables.templates import load_templates

        write_csv(records, templates or load_templates(), sys.stdout)
    else:
        sys.stdout.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
    return 1 if failed else 0
