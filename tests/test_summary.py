"""ruff's habits: the closing summary line, and a warning (exit 0) when no report was found."""

from __future__ import annotations

import json
import shutil

from giarlint_run import SEED_000, SEEDS, main


def test_the_summary_line_counts_findings_files_and_fixable(tmp_path, capsys):
    for seed in SEEDS:
        shutil.copy(seed, tmp_path / seed.name)
    code, out, err = main(capsys, "check", "--output-format", "json", tmp_path)
    found = json.loads(out)  # the machine format stays clean: the summary is on standard error
    files = {d["path"] for d in found}
    fixable = sum(1 for d in found if d["fix"])
    assert err.splitlines()[-1] == (f"giarlint: Found {len(found)} findings in {len(files)} of {len(SEEDS)} files "
                                    f"({fixable} fixable)")
    assert 0 < fixable < len(found)
    code, out, err = main(capsys, "check", "-q", tmp_path)
    assert code == 1 and err == ""


def test_a_clean_run_says_so(tmp_path, capsys):
    report = tmp_path / "2022.txt"
    shutil.copy(SEED_000, report)
    code, out, err = main(capsys, "check", "--ignore", "GIA2", report)
    assert (code, out) == (0, "") and err == "giarlint: Found 0 findings in 0 of 1 file (0 fixable)\n"
    code, out, err = main(capsys, "check", "--select", "GIA205", report)
    assert code == 1 and err == "giarlint: Found 1 finding in 1 of 1 file (0 fixable)\n"


def test_no_report_found_is_a_warning_and_exit_zero(tmp_path, capsys, monkeypatch):
    empty = tmp_path / "empty"
    empty.mkdir()
    code, out, err = main(capsys, "check", empty)
    assert (code, out) == (0, "")
    assert err.startswith("giarlint: warning: no report found to check")
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    shutil.copy(SEED_000, drafts / "2022.txt")
    (tmp_path / ".giarlint.yaml").write_text("exclude: [drafts]\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, err = main(capsys, "check", "drafts")
    assert (code, out) == (0, "") and "warning: no report found" in err
    code, out, err = main(capsys, "check", "-q", "drafts")
    assert (code, out, err) == (0, "", "")


def test_only_non_reports_found_is_also_no_report(tmp_path, capsys):
    (tmp_path / "README.md").write_text("# 说明\n\n本目录存放报告。\n", encoding="utf-8")
    code, out, err = main(capsys, "check", tmp_path)
    assert (code, out) == (0, "")
    assert "warning: no report found" in err
