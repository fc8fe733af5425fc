"""Reader plugin for Word documents (``.docx``; the ``giarlint[docx]`` extra).

The work is in `giarlint.readers.worddoc`, imported when a document is read.
"""

from giarlint.readers import lazy_reader

SUFFIXES = (".docx",)

giarlint_source_suffixes, giarlint_read_source = lazy_reader(SUFFIXES, "giarlint.readers.worddoc", "convert_document")
