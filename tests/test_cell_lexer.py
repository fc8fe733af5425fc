"""The table cells' lexer: one `re` alternation made from grammar/cells.lark's terminals must lex
a line exactly as Lark's own lexer over that grammar does (tests/test_standalone_parsers.py does
the same over every real line of the suite)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st


ROOT = Path(__file__).resolve().parent.parent
CELL_ALPHABET = list("0123456789０９+-−.．,/—－–\\\\无無增减件年一二（）()予以公开申请 \t\u3000\u2028\u0085\u2009|｜│┃├┼═║ab")


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=CELL_ALPHABET, max_size=40))
def test_the_cell_scanner_gives_what_the_cells_grammar_gives(text):
    """`lex_line` scans with one `re` alternation made from cells.lark's terminals; Lark's own
    lexer over the same grammar must give the same pieces, types, texts and columns."""
    from giarlint.tables.tokens import lex_line

    lark = tuple((t.type, t.value, t.column) for t in _lark().lex(text) if t.type != "NL")
    assert tuple(lex_line(text)) == lark


@lru_cache(maxsize=1)
def _lark():
    """Lark's own lexer of grammar/cells.lark, built now from the grammar file."""
    from lark import Lark

    return Lark((ROOT / "grammar" / "cells.lark").read_text(encoding="utf-8"), parser="lalr", lexer="basic")


def test_a_long_line_is_lexed_but_not_kept():
    """A pasted row of thousands of cells kept in the memo held a long fuzz run's memory (1.9 million
    objects for the collector to walk, input 39850 at 7.7 s instead of 3 s): only short lines are kept."""
    from giarlint.normalize import fold
    from giarlint.tables import tokens

    row = " | ".join(["0"] * 5000)
    before = tokens.lex_line.cache_info().currsize, tokens._line_tokens.cache_info().currsize
    assert len(tokens.lex_line(row)) == 9999
    assert len(tokens._line_tokens(row)) == 5000
    assert (tokens.lex_line.cache_info().currsize, tokens._line_tokens.cache_info().currsize) == before
    folded = fold.cache_info().currsize
    assert fold("行 " * 2000) == "行" * 2000 and fold.cache_info().currsize == folded
    assert tokens.lex_line("0 | 1") == tokens.lex_line("0 | 1") and tokens.lex_line.cache_info().hits > 0
