"""cross-year (GIA601–603) through ``giarlint check`` on a repository of three years, and the
report-set hook as third parties use it."""

from __future__ import annotations

from pathlib import Path

import pytest

from giarlint.cli import main
from giarlint.linter import Linter
from giarlint.plugins import PluginError, build_registry
from giarlint.settings import Settings

SEED_000 = (Path(__file__).parent / "seeds" / "000_074461f2da15a71b.txt").read_text(encoding="utf-8")
NEW_13 = "一、本年新收政府信息公开申请数量 | 13 | 0 | 0 | 0 | 0 | 0 | 13 |"
FORWARD_0 = "四、结转下年度继续办理 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |"
NORMATIVE = "行政规范性文件 | 0 | 1 | 4 |"


def year_of(year: int, text: str = SEED_000) -> str:
    """Seed 000 (a 2022 report) moved to `year`: title, body years and the 落款 date."""
    return text.replace("2023年1月28日", "@DATE@").replace("2022年", f"{year}年").replace("@DATE@", f"{year + 1}年1月28日")


def three_years(tmp_path: Path) -> Path:
    """2021 carries one request forward (natural person); 2022 (the seed) carries none over:
    the only break. Table 二's stock of normative documents follows year to year."""
    y2021 = year_of(2021).replace(NEW_13, NEW_13.replace("13", "14")).replace(
        FORWARD_0, "四、结转下年度继续办理 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |").replace(NORMATIVE, "行政规范性文件 | 1 | 0 | 5 |")
    y2023 = year_of(2023).replace(NORMATIVE, "行政规范性文件 | 0 | 0 | 4 |")
    repo = tmp_path / "reports"
    repo.mkdir()
    for name, text in (("2021.txt", y2021), ("2022.txt", SEED_000), ("2023.txt", y2023)):
        (repo / name).write_text(text, encoding="utf-8")
    return repo


def test_check_reports_exactly_the_broken_carry_over(tmp_path, capsys):
    repo = three_years(tmp_path)
    assert main(["check", "--no-plugins", "--select", "GIA601,GIA602", str(repo)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines == [
        f"{repo / '2022.txt'}:29:20: GIA601 表三二、上年结转·自然人为 0，而 2021 年报告（{repo / '2021.txt'}）"
        "四、结转下年度继续办理·自然人为 1"
    ]


def test_copied_text_is_reported_once_per_later_year(tmp_path, capsys):
    repo = three_years(tmp_path)
    assert main(["check", "--no-plugins", "--select", "GIA603", "--lang", "en", str(repo)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert [line.split(": ")[0] for line in out] == [f"{repo / '2022.txt'}:1:1", f"{repo / '2023.txt'}:1:1"]
    assert all("estimated" in line and "100%" in line for line in out)


def test_files_are_parsed_once(tmp_path, monkeypatch, capsys):
    repo = three_years(tmp_path)
    calls = []
    original = Linter.build
    monkeypatch.setattr(Linter, "build", lambda self, path, text: calls.append(path) or original(self, path, text))
    main(["check", "--no-plugins", str(repo)])
    capsys.readouterr()
    assert sorted(Path(p).name for p in calls) == ["2021.txt", "2022.txt", "2023.txt"]


def test_reports_are_not_kept_when_no_set_rule_is_selected():
    linter = Linter(build_registry(load_plugins=False), Settings(select=("GIA2",)))
    assert not linter.wants_sets()
    assert Linter(build_registry(load_plugins=False), Settings()).wants_sets()


def test_third_party_report_set_rule():
    registry = build_registry(load_plugins=False, extra_plugins=("helpers.pair_rule",))
    assert [r.name for r in registry.set_rules] == ["cross-year", "count-reports"]
    assert registry.docs["TST601"].rule == "count-reports"
    linter = Linter(registry, Settings(select=("TST",), lang="en"))
    reports = [linter.check_text(f"{year}.txt", year_of(year)).report for year in (2021, 2022)]
    found = linter.lint_set(reports)
    assert [(d.path, d.line, d.column, d.code, d.message, d.rule) for d in found] == [
        ("2022.txt", 1, 1, "TST601", "2 reports", "count-reports")
    ]


def test_set_rule_code_clash_stops_the_run():
    with pytest.raises(PluginError, match="GIA601"):
        build_registry(load_plugins=False, extra_plugins=("helpers.clashing_set_rule",))


def test_a_raising_set_rule_becomes_gia099(monkeypatch):
    from giarlint.builtin_rules.crossyear import CrossYear

    def boom(self, reports, context):
        raise RuntimeError("boom")

    monkeypatch.setattr(CrossYear, "check_set", boom)
    linter = Linter(build_registry(load_plugins=False), Settings())
    reports = [linter.check_text(f"{y}.txt", year_of(y)).report for y in (2021, 2022)]
    found = linter.lint_set(reports)
    assert [(d.code, d.path, d.line, d.column) for d in found] == [("GIA099", "2021.txt", 1, 1)]
    assert "cross-year" in found[0].message and "boom" in found[0].message


def test_invalid_threshold_is_named():
    settings = Settings(rule_options={"cross-year": {"similarity-threshold": 2}})
    linter = Linter(build_registry(load_plugins=False), settings)
    reports = [linter.check_text(f"{y}.txt", year_of(y)).report for y in (2021, 2022)]
    messages = [d.message for d in linter.lint_set(reports)]
    assert len(messages) == 1 and "similarity-threshold" in messages[0]
