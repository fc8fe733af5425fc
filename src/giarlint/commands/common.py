"""What several sub-commands share: input paths, settings, building the linter."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Iterator, Sequence

from giarlint.plugins import build_registry

REPORT_SUFFIXES = (".txt", ".md")


class UsageError(Exception):
    """Bad arguments or configuration: exit 2 with a one-line message."""


def codes(value: str) -> tuple[str, ...]:
    return tuple(part.strip().upper() for part in value.split(",") if part.strip())


def add_input_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--encoding", help="decode input with this encoding instead of BOM / UTF-8 / GB18030")
    parser.add_argument("--stdin-filename", default="-", help="the name to report for input read from '-'")
    parser.add_argument("--no-plugins", action="store_true", help="load built-in rules only")
    parser.add_argument("--lang", choices=("zh", "en"), default=None, help="message language (default zh)")
    parser.add_argument("--format-version", choices=("2019", "2021"), help="force the template format")


def iter_paths(paths: Sequence[str]) -> Iterator[str]:
    """Files as given; directories walked (sorted) for report files."""
    for path in paths:
        if path == "-" or not os.path.isdir(path):
            yield path
            continue
        for root, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                if name.endswith(REPORT_SUFFIXES):
                    yield os.path.join(root, name)


def settings_from(args):
    from giarlint.settings import Settings

    return Settings(
        select=getattr(args, "select", None),
        extend_select=getattr(args, "extend_select", ()) or (),
        ignore=getattr(args, "ignore", ()) or (),
        lang=getattr(args, "lang", None) or "zh",
        encoding=getattr(args, "encoding", None),
        format_version=getattr(args, "format_version", None),
    )


def make_linter(args):
    from giarlint.linter import Linter

    return Linter(build_registry(load_plugins=not getattr(args, "no_plugins", False)), settings_from(args))


def read_bytes(path: str, args) -> tuple[str, bytes]:
    """(display name, bytes) of a path or of standard input for '-'. Raises OSError."""
    if path == "-":
        return args.stdin_filename, sys.stdin.buffer.read()
    with open(path, "rb") as handle:
        return path, handle.read()


def load_text(linter, path: str, args) -> tuple[str, str] | None:
    """(display name, report text) of a path: web pages, Word and PDF files through the reader
    plugins, other files decoded as text. None (with a message on stderr) when unreadable."""
    from giarlint.readers import ReaderError
    from giarlint.source import DecodeError, decode

    try:
        name, data = read_bytes(path, args)
    except OSError as exc:
        sys.stderr.write(f"{path}: cannot read: {exc.strerror or exc}\n")
        return None
    try:
        converted = linter.convert(name, data)
    except ReaderError as exc:
        for diagnostic in linter.reader_failure(name, exc):
            sys.stderr.write(f"{name}: {diagnostic.code} {diagnostic.message}\n")
        return None
    if converted is not None:
        return name, converted.text
    try:
        return name, decode(data, linter.settings.encoding).text
    except DecodeError as exc:
        sys.stderr.write(f"{name}: cannot decode (tried {', '.join(exc.tried)}): {exc.detail}\n")
        return None


def load_report(linter, path: str, args):
    """Read and build one report; None (with a message on stderr) when it cannot be read.
    Positions in the report are those of its text (the converted text for a web page,
    Word or PDF file: what ``giarlint convert`` prints)."""
    loaded = load_text(linter, path, args)
    return linter.build(*loaded) if loaded is not None else None
