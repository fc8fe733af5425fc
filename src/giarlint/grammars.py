"""The Lark that runs the two grammars (``grammar/report.lark``, ``grammar/cells.lark``).

Building giarlint (a wheel, or ``pip install -e .``) writes Lark's standalone parser of the
report grammar, and the cell grammar's terminals in Lark's order, into `giarlint.lark_standalone`
(``hatch_build.py`` runs ``tools/generate_parsers.py``; the repository holds no copy of Lark's
code). A run then imports neither Lark nor its cache, about 20 ms of a cold start. A source tree never built, or a grammar edited since the build
(each grammar's CRC-32 is recorded in the generated module), runs on Lark itself, which parses
the same, only slower to start.
"""

from __future__ import annotations

import os
import zlib

from giarlint.resources import data_dir

# the options both grammars are parsed with, generated or not (tools/generate_parsers.py reads them)
OPTIONS = {"report.lark": {"parser": "lalr", "lexer": "basic", "maybe_placeholders": False},
           "cells.lark": {"parser": "lalr", "lexer": "basic"}}


def grammar_text(name: str) -> str:
    with open(os.path.join(data_dir("grammar"), name), encoding="utf-8") as handle:
        return handle.read()


def checksums(directory: str | None = None) -> dict[str, int]:
    """The CRC-32 of each grammar file's bytes: what a generated module must have been made from."""
    directory = directory or data_dir("grammar")
    found = {}
    for name in sorted(OPTIONS):
        with open(os.path.join(directory, name), "rb") as handle:
            found[name] = zlib.crc32(handle.read())
    return found


def _current_generated():
    """`giarlint.lark_standalone` when it was generated from the grammars installed beside it."""
    try:
        from giarlint import lark_standalone
    except ImportError:
        return None
    return lark_standalone if getattr(lark_standalone, "GRAMMAR_CRC32", None) == checksums() else None


GENERATED = _current_generated()
if GENERATED is not None:
    from giarlint.lark_standalone import Lark, Token, Transformer
else:
    from lark import Lark, Token, Transformer  # noqa: F401 - the same classes, from Lark itself

__all__ = ["GENERATED", "Lark", "Token", "Transformer", "cell_terminals", "report_parser"]


def report_parser(**options) -> Lark:
    """The LALR parser of report.lark, with `options` (its transformer and postlexer)."""
    if GENERATED is not None:
        return GENERATED.Lark_StandAlone(**options)
    return Lark(grammar_text("report.lark"), **OPTIONS["report.lark"], cache=True, **options)


def cell_terminals() -> list[tuple[str, str]]:
    """(name, regular expression) of each terminal of cells.lark, in the order Lark's basic lexer
    tries them: `giarlint.tables.tokens` scans with them as one `re` alternation, so no parser of
    that grammar is needed at run time."""
    if GENERATED is not None:
        return list(GENERATED.CELL_TERMINALS)
    return ordered_terminals(Lark(grammar_text("cells.lark"), **OPTIONS["cells.lark"], cache=True))


def ordered_terminals(lark) -> list[tuple[str, str]]:
    """A Lark's terminals as (name, regexp), in the order its documentation gives for the basic
    lexer: highest priority first, then the longest possible match, then the longest pattern,
    then the name."""
    terminals = sorted(lark.terminals, key=lambda t: (-t.priority, -t.pattern.max_width, -len(t.pattern.value), t.name))
    return [(t.name, t.pattern.to_regexp()) for t in terminals]
