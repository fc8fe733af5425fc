"""Reader plugin for saved web pages (``.html``, ``.htm``, ``.shtml``, ``.xhtml``).

The work is in `giarlint.readers.htmlpage`, imported when a page is read. Needs no optional library.
"""

from giarlint.readers import lazy_reader

SUFFIXES = (".html", ".htm", ".shtml", ".xhtml")

giarlint_source_suffixes, giarlint_read_source = lazy_reader(SUFFIXES, "giarlint.readers.htmlpage", "read_page", takes_encoding=True)
