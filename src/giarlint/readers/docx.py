"""Reader plugin for Word documents (``.docx``; the ``giarlint[docx]`` extra).

Only the suffix is looked at here, so that start-up stays light; the work is in
`giarlint.readers.worddoc`, imported when a document is read.
"""

from __future__ import annotations

from giarlint.hookspecs import hookimpl
from giarlint.readers import suffix_of

SUFFIXES = (".docx",)


@hookimpl
def giarlint_source_suffixes():
    return list(SUFFIXES)


@hookimpl
def giarlint_read_source(path: str, data: bytes):
    if suffix_of(path) not in SUFFIXES:
        return None
    from giarlint.readers.worddoc import convert_document

    return convert_document(data)
