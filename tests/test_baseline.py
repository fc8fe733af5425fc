"""Baselines (--write-baseline / --baseline) and suppression comments in reports."""

from __future__ import annotations

import json
import shutil

import pytest
from giarlint_run import SEED_000, main

CELL = "企业类674件;个人类69535件"


@pytest.fixture
def repo(tmp_path, monkeypatch):
    (tmp_path / "reports").mkdir()
    shutil.copy(SEED_000, tmp_path / "reports" / "r.txt")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def check(capsys, *args):
    return main(capsys, "check", "--isolated", *args)


def test_write_then_check_against_the_baseline(repo, capsys):
    code, out, err = check(capsys, "--write-baseline", "baseline.json", "reports")
    assert (code, out) == (0, "") and "wrote 1 findings (1 entries) to the baseline baseline.json" in err
    written = json.loads((repo / "baseline.json").read_text(encoding="utf-8"))
    assert written == {"giarlint-baseline": 1,
                       "findings": [{"path": "reports/r.txt", "code": "GIA205", "text": CELL, "count": 1}]}
    code, out, err = check(capsys, "--baseline", "baseline.json", "reports")
    assert (code, out) == (0, "") and "1 known findings hidden" in err


def test_moved_lines_stay_known_and_new_defects_fail(repo, capsys):
    check(capsys, "--write-baseline", "baseline.json", "reports")
    report = repo / "reports" / "r.txt"
    text = "索引号：001\n\n" + report.read_text(encoding="utf-8")
    report.write_text(text.replace("| 13 | 0 | 0 | 0 | 0 | 0 | 13 |", "| 13 | 0 | 0 | 0 | 0 | 0 | 14 |", 1),
                      encoding="utf-8")
    code, out, _ = check(capsys, "--baseline", "baseline.json", "reports")
    assert code == 1
    # the known GIA205 moved from line 16 to 18 and stays hidden; the new row total (line 30) is reported
    assert [line.split(" ")[0] for line in out.splitlines() if " GIA205 " in line] == []
    assert "reports/r.txt:30:45: GIA201 " in out


def test_a_baseline_is_found_from_another_directory(repo, capsys, monkeypatch):
    check(capsys, "--write-baseline", "baseline.json", "reports")
    monkeypatch.chdir(repo / "reports")
    code, out, _ = check(capsys, "--baseline", "../baseline.json", "r.txt")
    assert (code, out) == (0, "")


def test_stale_entries_are_noted_on_stderr(repo, capsys):
    check(capsys, "--write-baseline", "baseline.json", "reports")
    report = repo / "reports" / "r.txt"
    report.write_text(report.read_text(encoding="utf-8").replace(CELL, "69535"), encoding="utf-8")
    code, out, err = check(capsys, "--baseline", "baseline.json", "reports")
    assert (code, out) == (0, "")
    assert f"stale baseline entry: reports/r.txt: GIA205 “{CELL}” no longer occurs" in err
    code, _, err = check(capsys, "-q", "--baseline", "baseline.json", "reports")
    assert (code, err) == (0, "")


def test_entries_of_files_not_checked_are_not_stale(repo, capsys):
    shutil.copy(SEED_000, repo / "reports" / "other.txt")
    check(capsys, "--write-baseline", "baseline.json", "reports")
    (repo / "reports" / "r.txt").write_text("一、总体情况\n正文。\n", encoding="utf-8")
    _, _, err = check(capsys, "--baseline", "baseline.json", "reports/other.txt")
    assert "stale" not in err


@pytest.mark.parametrize("content, message", [
    ("[]", "not a giarlint baseline"),
    ("{", "not a JSON baseline"),
    ('{"giarlint-baseline": 1, "findings": [{"path": "x"}]}', "malformed baseline entry"),
])
def test_a_broken_baseline_is_a_usage_error(repo, capsys, content, message):
    (repo / "baseline.json").write_text(content, encoding="utf-8")
    code, _, err = check(capsys, "--baseline", "baseline.json", "reports")
    assert code == 2 and message in err


def test_suppression_comments_hide_findings_and_gia009_reports_unused_ones(repo, capsys):
    report = repo / "reports" / "r.md"
    text = SEED_000.read_text(encoding="utf-8")
    text = text.replace("行政许可 | 企业类", "<!-- giarlint: disable=GIA205 -->\n行政许可 | 企业类")
    text = text.replace("第二十条第(六)项", "<!-- giarlint: enable=GIA205 -->\n<!-- giarlint: disable=GIA201 -->\n第二十条第(六)项")
    report.write_text(text, encoding="utf-8")
    code, out, _ = check(capsys, "reports/r.md")
    assert (code, out) == (0, "")  # GIA205 hidden; GIA009 is off by default
    code, out, _ = check(capsys, "--extend-select", "GIA009", "reports/r.md")
    assert code == 1
    assert out == "reports/r.md:19:1: GIA009 抑制注释未抑制任何诊断：GIA201\n"
