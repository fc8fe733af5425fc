"""fold_width (which finds the wide characters first and replaces only those) gives exactly what
translating every character with the width table gives."""

from hypothesis import given, settings
from hypothesis import strategies as st

from giarlint.normalize import _WIDTH, _WIDTH_TABLE, fold_width

WIDE = [chr(code) for code in _WIDTH]
TEXT = st.text(st.sampled_from(WIDE + list("政府信息公开年度报告abc 019,.:;()") + ["\u3000", "\n", "\t"]), max_size=80)


@settings(max_examples=400, deadline=None)
@given(TEXT)
def test_fold_width_is_the_width_table(text):
    assert fold_width(text) == text.translate(_WIDTH_TABLE)


def test_many_distinct_wide_characters_and_none():
    many = "".join(WIDE)
    assert fold_width(many) == many.translate(_WIDTH_TABLE) and fold_width(many).isascii()
    plain = "本机关收到政府信息公开申请12件"
    assert fold_width(plain) is plain
