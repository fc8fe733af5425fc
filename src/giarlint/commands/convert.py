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
    parser.add_argument("-o", "--output-dir",
                        help="write each FILE's text to DIR/<its path>.md, paths kept relative to the directory "
                             "holding all FILEs (needed for several files); never over an input")
    add_input_arguments(parser)


def output_names(paths: list[str], stdin_name: str) -> dict[str, str]:
    """Input path -> output path relative to the output directory: each input's path relative
    to the directory holding them all, with ``.md`` for its suffix (``a/report.html`` and
    ``b/report.docx`` become ``a/report.md`` and ``b/report.md``: two inputs never share a
    name by losing their directories)."""
    real = {path: os.path.abspath(path) for path in paths if path != "-"}
    common = os.path.commonpath([os.path.dirname(p) for p in real.values()]) if real else ""
    names = {}
    for path in paths:
        if path == "-":
            stem = os.path.splitext(os.path.basename(stdin_name))[0] if stdin_name != "-" else "stdin"
        else:
            stem = os.path.splitext(os.path.relpath(real[path], common))[0]
        names[path] = (stem or "stdin") + ".md"
    return names


def _targets(args) -> dict[str, str]:
    """Input -> file to write, refused (exit 2) before anything is written when a target is one of
    the inputs or two inputs would be written to the same file."""
    from giarlint.outfile import OutputFileError, refuse_collisions, refuse_inputs

    targets = {path: os.path.join(args.output_dir, name)
               for path, name in output_names(args.paths, args.stdin_filename).items()}
    try:
        for target in targets.values():
            refuse_inputs(target, args.paths)
        refuse_collisions(targets)
    except OutputFileError as exc:
        raise UsageError(str(exc)) from exc
    return targets


def run(args) -> int:
    from giarlint.outfile import OutputFileError, write_atomically

    if len(args.paths) > 1 and not args.output_dir:
        raise UsageError("several files need -o DIR (one .md file each)")
    if args.output_dir:
        check_output_target(args.output_dir, "-o", directory=True)
    if len(set(args.paths)) < len(args.paths):
        raise UsageError("an input is named twice")
    targets = _targets(args) if args.output_dir else {}
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
        target = targets[path]
        try:
            os.makedirs(os.path.dirname(target), exist_ok=True)
            write_atomically(target, text)
        except (OSError, OutputFileError) as exc:
            raise UsageError(f"cannot write {target!r}: {getattr(exc, 'strerror', None) or exc}") from exc
    return 1 if failed else 0
