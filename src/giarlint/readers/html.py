"""Reader plugin for saved web pages (``.html``, ``.htm``, ``.shtml``, ``.xhtml``).

Only the suffix is looked at here, so that start-up stays light; the work is in
`giarlint.readers.htmlpage`, imported when a page is read. Needs no optional library.
"""

from __future__ import annotations

from giarlint.hookspecs import hookimpl
from giarlint.readers import suffix_of

SUFFIXES = (".html", ".htm", ".shtml", ".xhtml")


@hookimpl
def giarlint_source_suffixes():
    return list(SUFFIXES)


@hookimpl
def giarlint_read_source(path: str, data: bytes, encoding: str | None):
    if suffix_of(path) not in SUFFIXES:
        return None
    from giarlint.readers.htmlpage import read_page

    return read_page(data, encoding)
