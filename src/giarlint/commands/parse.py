"""``giarlint parse FILE``: print the positioned tree, for debugging grammars and layouts."""

from __future__ import annotations

import sys

from giarlint.commands.common import Session, add_input_arguments, load_report


def add_arguments(parser) -> None:
    parser.add_argument("path")
    add_input_arguments(parser)


def run(args) -> int:
    from giarlint.treeprint import format_tree

    report = load_report(Session(args).linter_for(args.path), args.path, args)
    if report is None:
        return 1
    sys.stdout.write(format_tree(report))
    return 0
