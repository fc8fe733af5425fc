"""Reader plugin for PDF files (``.pdf``; the ``giarlint[pdf]`` extra).

Only the suffix is looked at here, so that start-up stays light; the work is in
`giarlint.readers.pdfdoc`, imported when a PDF is read.
"""

from __future__ import annotations

from giarlint.hookspecs import hookimpl
from giarlint.readers import suffix_of

SUFFIXES = (".pdf",)


@hookimpl
def giarlint_source_suffixes():
    return list(SUFFIXES)


@hookimpl
def giarlint_read_source(path: str, data: bytes):
    if suffix_of(path) not in SUFFIXES:
        return None
    from giarlint.readers.pdfdoc import convert_pdf

    return convert_pdf(data)
