"""The table cells' lexer: one `re` alternation made from grammar/cells.lark must lex a line
exactly as Lark's own lexer over that grammar does."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st


CELL_ALPHABET = list("0123456789０９+-−.．,/—－–\\\\无無增减件年一二（）()予以公开申请 \t\u3000\u2028\u0085\u2009|｜│┃├┼═║ab")


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=CELL_ALPHABET, max_size=40))
def test_the_cell_scanner_gives_what_the_cells_grammar_gives(text):
    """`lex_line` scans with one `re` alternation made from cells.lark's terminals; Lark's own
    lexer over the same grammar must give the same pieces, types, texts and columns."""
    from giarlint.tables.tokens import _lexer, lex_line

    lark = tuple((t.type, t.value, t.column) for t in _lexer().lex(text) if t.type != "NL")
    assert tuple(lex_line(text)) == lark
