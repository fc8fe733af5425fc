"""Reader plugin for PDF files (``.pdf``; the ``giarlint[pdf]`` extra).

The work is in `giarlint.readers.pdfdoc`, imported when a PDF is read.
"""

from giarlint.readers import lazy_reader

SUFFIXES = (".pdf",)

giarlint_source_suffixes, giarlint_read_source = lazy_reader(SUFFIXES, "giarlint.readers.pdfdoc", "convert_pdf")
