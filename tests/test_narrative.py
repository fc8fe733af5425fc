"""narrative-consistency (GIA406, GIA407): the seeds, the guards, numerals and positions."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from giarlint.builtin_rules.narrative import (
    _CLAUSE_END,
    _SENTENCE_END,
    FoldedText,
    _compiled,
    load_claims,
    read_count,
)
from giarlint.linter import Linter
from giarlint.plugins import build_registry
from giarlint.settings import Settings

SEEDS = Path(__file__).parent / "seeds"
SEED = {p.name[:3]: p for p in SEEDS.glob("*.txt")}


@pytest.fixture(scope="module")
def registry():
    return build_registry(load_plugins=False)


def lint(registry, text: str, lang: str = "zh"):
    linter = Linter(registry, Settings(select=("GIA406", "GIA407"), lang=lang))
    return linter.lint_text("report.txt", text)


def seed(number: str) -> str:
    return SEED[number].read_text(encoding="utf-8")


@pytest.mark.parametrize("number", ["000", "001", "003", "004"])
def test_consistent_seeds_are_clean(registry, number):
    assert lint(registry, seed(number)) == []


def test_seed_002_points_at_both_figures_and_names_the_column(registry):
    found = lint(registry, seed("002"))
    assert [(d.code, d.line, d.column, d.end_column) for d in found] == [
        ("GIA406", 8, 310, 311),
        ("GIA406", 8, 329, 330),
    ]
    received, handled = (d.message for d in found)
    assert "7" in received and "8" in received and "自然人" in received and "本年新收" in received
    assert "8" in handled and "9" in handled and "自然人" in handled
    english = lint(registry, seed("002"), "en")[0].message
    assert "7" in english and "8" in english and "natural persons" in english


def test_seed_000_figures_are_read_not_skipped(registry):
    """Each figure of seed 000's narrative is compared: changing any one of them is caught."""
    text = seed("000")
    for old, new in (("申请13件", "申请12件"), ("予以公开2件", "予以公开3件"), ("部分公开1件", "部分公开2件"),
                     ("相关信息9件", "相关信息7件"), ("其他处理1件", "其他处理2件"), ("行政处罚25起", "行政处罚24起")):
        found = lint(registry, text.replace(old, new, 1))
        assert [d.code for d in found] == ["GIA406"], old


@pytest.mark.parametrize("sentence, fires", [
    ("全市共收到政府信息公开申请1200件。", False),
    ("本年共收到政府信息公开申请1200件。", True),
    ("2021年收到政府信息公开申请10件。", False),
    ("2022年收到政府信息公开申请10件。", True),
    ("较上年收到政府信息公开申请10件。", False),
    ("其中安全生产领域实施行政处罚10起。", False),
    ("全年实施行政处罚10起。", True),
    ("办理回复网友留言41件。", False),
    ("梳理保留行政处罚事项 165 项。", False),
    ("本年共收到政府信息公开申请13件，依法办理20件。", True),
    ("本年共收到政府信息公开申请13件。依法办理20件。", False),
    ("予以公开5件。", False),
])
def test_guards(registry, sentence, fires):
    text = seed("000") + "\n" + sentence + "\n"
    found = lint(registry, text)
    assert bool(found) == fires, [d.message for d in found]
    if fires:
        assert found[0].line == 72


def test_number_position_in_traditional_text_with_spaces(registry):
    text = seed("001").replace("共收到和受理政府信息公開申請6件", "共收到和受理政府信息公開申請 七 件")
    found = lint(registry, text)
    column = text.split("\n")[18].index("七") + 1
    assert [(d.line, d.column, d.end_column) for d in found] == [(19, column, column + 1)]
    assert "7" in found[0].message and "6" in found[0].message


def test_statement_without_numbers(registry):
    text = seed("003").replace("2022 年未收到群众依申请公开请求", "2022 年未收到群众依申请公开请求，2021 年收到 1 件")
    assert lint(registry, text) == []  # the table agrees (zero) with the statement


@pytest.mark.parametrize("text, value", [("十三", 13), ("两", 2), ("二十", 20), ("一百零五", 105), ("三千零一", 3001), ("一万二千", 12000), ("13", 13)])
def test_counts_in_chinese_and_arabic_numerals(text, value):
    assert read_count(text) == value


def test_folded_text_maps_back_to_original_columns():
    folded = FoldedText("本年度 共收到 申請１３件")
    assert folded.text == "本年度共收到申请13件"
    start = folded.text.index("13")
    assert folded.original_range(start, start + 2) == (10, 12)  # １３ in the original


def test_every_pattern_reads_one_of_its_examples():
    facts, statements, _, _ = load_claims()
    data_claims = facts + statements
    from giarlint.data import rules_data

    examples = {entry["key"]: entry["examples"] for group in ("facts", "statements") for entry in rules_data("narrative")[group]}
    for claim in data_claims:
        for pattern in claim.patterns:
            compiled = _compiled(pattern.regex, 2022)
            assert any(compiled.search(FoldedText(e).text) for e in examples[claim.key]), (claim.key, pattern.regex)
        for example in examples[claim.key]:
            assert any(_compiled(p.regex, 2022).search(FoldedText(example).text) for p in claim.patterns), example


def test_every_example_holds_one_of_its_claims_keywords():
    """Paragraphs without a keyword are skipped: a keyword missing from a wording would hide it."""
    from giarlint.data import rules_data
    from giarlint.normalize import fold

    for group in ("facts", "statements"):
        for entry in rules_data("narrative")[group]:
            for example in entry["examples"]:
                assert any(word in fold(example) for word in entry["keywords"]), (entry["key"], example)


def test_mixed_numerals_are_not_read():
    assert read_count("2十") is None


@settings(max_examples=300, deadline=None)
@given(st.text(" \t\u3000a一，2", max_size=30))
def test_folded_text_drops_white_space_and_maps_each_character_back(text):
    folded = FoldedText(text)
    assert folded.text == "".join(ch for ch in text if not ch.isspace()).replace("，", ",")
    for index, char in enumerate(folded.text):
        start, end = folded.original_range(index, index + 1)
        assert end == start + 1 and text[start] in (char, "，")


@settings(max_examples=300, deadline=None)
@given(st.text("ab。,;:!?", max_size=30), st.data())
def test_bounds_are_the_sentence_and_clause_around_a_place(text, data):
    folded = FoldedText(text)
    position = data.draw(st.integers(0, len(folded.text)))
    for breaks in (_SENTENCE_END, _CLAUSE_END):
        start, end = folded.bounds(position, breaks)
        assert 0 <= start <= position <= end <= len(folded.text)
        assert not any(char in breaks for char in folded.text[start:end])
        assert start == 0 or folded.text[start - 1] in breaks
        assert end == len(folded.text) or folded.text[end] in breaks
