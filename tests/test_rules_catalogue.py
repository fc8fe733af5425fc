"""Focused tests of the catalogue rules beyond their YAML cases: seeds end to end, data-driven
lexicons, options, messages in both languages, and the default selection of each code."""

import re
from pathlib import Path

import pytest

from giarlint.builtin_rules.publication import deadline
from giarlint.builtin_rules.structure import has_locality
from giarlint.catalogue import builtin_catalogue
from giarlint.data import rules_data
from giarlint.linter import Linter
from giarlint.plugins import build_registry
from giarlint.settings import Settings
from giarlint.testing import load_case_file, run_case

HERE = Path(__file__).parent
SEEDS = sorted((HERE / "seeds").glob("*.txt"))
NEW_RULES = ("document-structure", "cell-values", "publication-date", "content", "text-quality")
OFF_BY_DEFAULT = {"GIA207", "GIA404", "GIA503", "GIA504"}
HEAD = "某市应急管理局2022年政府信息公开工作年度报告\n一、总体情况\n"


@pytest.fixture(scope="module")
def registry():
    return build_registry(load_plugins=False)


def lint(registry, text, **settings):
    return Linter(registry, Settings(**settings)).lint_text("report.txt", text)


def test_seeds_with_default_selection(registry):
    """Every diagnostic of the new rules on the five seeds, each one checked by hand."""
    linter = Linter(registry, Settings())
    found = set()
    for seed in SEEDS:
        for d in linter.lint_file(str(seed)):
            if d.rule in NEW_RULES or d.code == "GIA305":
                found.add((seed.name[:3], d.line, d.column, d.code))
    gia501 = {(15, 115), (19, 31), (19, 61), (21, 8), (23, 9), (23, 56), (23, 107), (27, 24), (31, 19), (31, 75),
              (39, 3), (81, 3), (171, 15), (614, 102), (616, 29), (618, 54), (620, 98), (622, 27), (622, 57)}
    expected = {("001", line, column, "GIA501") for line, column in gia501} | {
        ("002", 33, 1, "GIA109"), ("002", 33, 6, "GIA109"), ("002", 65, 1, "GIA403"), ("002", 66, 1, "GIA304"),
        ("003", 3, 1, "GIA102"), ("003", 94, 1, "GIA304"), ("003", 94, 7, "GIA502"),
        ("004", 1, 1, "GIA101"), ("004", 305, 1, "GIA304"),
    }
    assert found == expected


@pytest.mark.parametrize("rule", NEW_RULES + ("year-consistency",))
def test_catalogue_entries_are_complete(rule):
    for code, doc in builtin_catalogue(rule).items():
        assert doc.severity in ("E", "W"), code
        assert doc.default == (code not in OFF_BY_DEFAULT), code
        for field in (doc.summary, doc.explanation):
            assert field.get("zh") and field.get("en"), code
        assert doc.bad.strip() and doc.good.strip() and doc.bad != doc.good, code
        assert doc.messages and all(m.get("zh") and m.get("en") for m in doc.messages.values()), code


@pytest.mark.parametrize("path", sorted((HERE / "rule_cases").glob("GIA*.yaml")), ids=lambda p: p.stem)
def test_failing_cases_render_in_both_languages(path, registry):
    for case in load_case_file(path):
        if case.passing:
            continue
        for lang in ("zh", "en"):
            case.options = dict(case.options, lang=lang)
            for diagnostic in run_case(case, registry):
                assert "message argument missing" not in diagnostic.message, (path.name, diagnostic.message)
                assert diagnostic.message != diagnostic.code


@pytest.mark.parametrize("entry", rules_data("lexicon/traditional")["entries"], ids=lambda e: e["wrong"])
def test_every_traditional_entry_matches(entry, registry):
    text = HEAD + f"我們{entry['wrong']}相關工作。\n"
    found = [d for d in lint(registry, text, select=("GIA501",))]
    assert [(d.line, d.column) for d in found] == [(3, 3)]
    assert entry["right"] in found[0].message
    assert not lint(registry, HEAD + f"我們{entry['right']}相關工作。\n", select=("GIA501",))


@pytest.mark.parametrize("entry", rules_data("lexicon/typos")["entries"], ids=lambda e: e["wrong"])
def test_every_typo_entry_matches(entry, registry):
    context = (entry.get("context") or [""])[0]
    found = lint(registry, HEAD + f"本局{entry['wrong']}{context}。\n", select=("GIA502",))
    assert [(d.line, d.column) for d in found] == [(3, 3)]
    assert entry["right"] in found[0].message
    assert not lint(registry, HEAD + f"本局{entry['right']}{context}。\n", select=("GIA502",))


def test_typo_needing_context_is_not_reported_without_it(registry):
    assert not lint(registry, HEAD + "本局于年末收取各单位报表。\n", select=("GIA502",))


@pytest.mark.parametrize("agency, expected", [
    ("昆明市应急管理局", True), ("昆明市晋宁区人民政府", True), ("杭州市應急管理局", True),
    ("济源示范区应急管理局", True), ("某某街道办事处", True), ("桐柏县应急管理局", True),
    ("国家统计局", True), ("应急管理部", True),
    ("应急管理局", False), ("市应急管理局", False), ("市场监督管理局", False), ("人民政府办公室", False),
])
def test_locality(agency, expected):
    assert has_locality(agency) is expected


def test_deadlines():
    assert deadline(2022, "01-31", "department-deadline").isoformat() == "2023-01-31"
    assert deadline(2020, "3-15", "government-deadline").isoformat() == "2021-03-15"
    with pytest.raises(ValueError, match="department-deadline"):
        deadline(2022, "31 January", "department-deadline")


def test_format_for_year():
    from giarlint.report import format_for_year

    assert [format_for_year(year) for year in (2019, 2020, 2021, 2024)] == ["2019", "2019", "2021", "2021"]


def test_shared_helpers_are_defined_once():
    sources = [path.read_text(encoding="utf-8") for path in (HERE.parent / "src" / "giarlint").rglob("*.py")]
    for definition in ("def line_starts(", "def format_for_year("):
        assert sum(source.count(definition) for source in sources) == 1, definition


def test_malformed_deadline_option_is_reported_not_crashing(registry):
    text = (HERE / "seeds" / "000_074461f2da15a71b.txt").read_text(encoding="utf-8")
    found = lint(registry, text, rule_options={"publication-date": {"department-deadline": "02-30"}})
    errors = [d for d in found if d.code == "GIA099"]
    assert len(errors) == 1 and "department-deadline" in errors[0].message and "02-30" in errors[0].message


def test_table4_value_count_is_gia111_not_gia003(registry):
    text = (HERE / "seeds" / "000_074461f2da15a71b.txt").read_text(encoding="utf-8")
    text = text.replace("0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |", "0 | 0 | 0 |")
    found = lint(registry, text)
    assert [(d.line, d.code) for d in found if d.code in ("GIA003", "GIA111")] == [(57, "GIA111")]
    assert "3" in next(d.message for d in found if d.code == "GIA111")


def test_government_deadline_message_names_the_numbers(registry):
    text = (HERE / "seeds" / "002_7d855a5aa78fa36e.txt").read_text(encoding="utf-8") + "\n昆明市晋宁区人民政府\n2021年4月2日"
    [diagnostic] = lint(registry, text, select=("GIA302",), lang="en")
    assert "2021-04-02" in diagnostic.message and "2021-03-31" in diagnostic.message and "2 days" in diagnostic.message


def test_gia305_allows_other_years_in_context(registry):
    def own_work(sentence):
        return lint(registry, HEAD + sentence + "\n", select=("GIA305",))

    assert [(d.line, d.column) for d in own_work("本机关2021年度收到政府信息公开申请12件。")] == [(3, 4)]
    assert [(d.line, d.column) for d in own_work("(二)2021年,本局共受理申请5件。")] == [(3, 4)]
    assert not own_work("本机关2022年度收到政府信息公开申请12件。")
    assert not own_work("2021年共收到申请12件，2022年共收到15件。")
    assert not own_work("较2021年，本局共收到申请增加3件。")
    assert not own_work("2019年转入1件。")
    assert not own_work("2023年，我局将主动公开更多信息。")
    assert not own_work("根据2021年制发的《实施办法》开展工作。")


def test_half_width_punctuation_reported_once_per_paragraph_with_count(registry):
    text = HEAD + "2022年,本局认真贯彻落实《条例》(以下简称“条例”)。\n"
    [diagnostic] = lint(registry, text, select=("GIA504",))
    assert (diagnostic.line, diagnostic.column, diagnostic.end_column) == (3, 6, 7)
    assert "3" in diagnostic.message


def _documented_options() -> dict[str, set[str]]:
    """rule name -> its options, from the table of docs/rule-options.md."""
    table = (HERE.parent / "docs" / "rule-options.md").read_text(encoding="utf-8")
    found: dict[str, set[str]] = {}
    for rule, option in re.findall(r"^\| `([a-z-]+)` \| `([a-z-]+)` \|", table, re.MULTILINE):
        found.setdefault(rule, set()).add(option)
    return found


@pytest.mark.parametrize("rule_name", ["publication-date", "content", "cross-year"])
def test_builtin_options_are_declared_and_documented(registry, rule_name):
    rules = {rule.name: rule for rule in registry.rules + registry.set_rules}
    assert set(getattr(rules[rule_name], "options", None) or ()) == _documented_options()[rule_name]


def test_only_documented_rules_declare_options(registry):
    declared = {rule.name for rule in registry.rules + registry.set_rules if getattr(rule, "options", None)}
    assert declared <= set(_documented_options())


@pytest.mark.parametrize("rule_name, option, good, bad", [
    ("publication-date", "department-deadline", ["01-31", "1-5", " 12-31 "], ["02-30", "02-29", "31 January", 131, None]),
    ("publication-date", "government-deadline", ["03-31"], ["13-01", ""]),
    ("content", "min-chars", [0, 20], [-1, "20", 2.5, True]),
])
def test_builtin_option_values(registry, rule_name, option, good, bad):
    rule = next(rule for rule in registry.rules if rule.name == rule_name)
    assert [rule.validate_option(option, value) for value in good] == [None] * len(good)
    assert all(repr(value) in rule.validate_option(option, value) for value in bad)
