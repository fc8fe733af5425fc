"""``giarlint convert FILE… [-o DIR]``: the text form of published reports.

Web pages, Word and PDF files become the Markdown-ish text giarlint parses (paragraphs on
their own lines, tables as pipe rows), fit for git diffs and for people; linting that text
gives the same findings as linting the original. Plain-text reports are written decoded.
"""

from __future__ import annotations

import os
import sys

from giarlint.commands.common import Session, UsageError, add_input_arguments, check_output_target, load_text


def add_arguments(parser) -> None:
    parser.add_argument("paths", nargs="+", help="files ('-' reads standard input; name it with --stdin-filename)")
    parser.add_argument("-o", "--output-dir", help="write FILE's text to DIR/<name>.md (needed for several files)")
    add_input_arguments(parser)


def output_name(path: str) -> str:
    stem = os.path.splitext(os.path.basename(path))[0] or "stdin"
    return stem + ".md"


def run(args) -> int:
    if len(args.paths) > 1 and not args.output_dir:
        raise UsageError("several files need -o DIR (one .md file each)")
    if args.output_dir:
        check_output_target(args.output_dir, "-o", directory=True)
    session = Session(args)
    failed = False
    for path in args.paths:
        loaded = load_text(session.linter_for(path), path, args)
        if loaded is None:
            failed = True
            continue
        name, text = loaded
        if not args.output_dir:
            sys.stdout.write(text)
            continue
        target = os.path.join(args.output_dir, output_name(name))
        try:
            os.makedirs(args.output_dir, exist_ok=True)
            with open(target, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
        except OSError as exc:
            raise UsageError(f"cannot write {target}: {exc.strerror or exc}") from exc
    return 1 if failed else 0
