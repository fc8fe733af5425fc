"""Only reports are reports: a found file that is plainly not a report is skipped, a named one is GIA002."""

from __future__ import annotations

import shutil

from giarlint_run import SEED_000, main

from giarlint.linter import Linter
from giarlint.plugins import build_registry
from giarlint.readers import missing_library
from giarlint.settings import Settings

README = "# 报告仓库\n\n本仓库存放本单位历年政府信息公开工作年度报告。\n\n## 使用\n\n一、安装 pre-commit\n二、提交报告\n"


def repository(tmp_path):
    shutil.copy(SEED_000, tmp_path / "2022.txt")
    (tmp_path / "README.md").write_text(README, encoding="utf-8")
    (tmp_path / "notes.txt").write_text("会议通知：定于下周召开工作会议。\n", encoding="utf-8")
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "expected.md").write_text("| a | b |\n|---|---|\n| 1 | 2 |\n", encoding="utf-8")
    return tmp_path


def test_a_walk_skips_non_reports_and_says_so_under_verbose(tmp_path, capsys):
    repo = repository(tmp_path)
    code, out, err = main(capsys, "check", repo)
    assert code == 1
    assert {line.split(":")[0] for line in out.splitlines() if line} == {str(repo / "2022.txt")}
    assert "GIA002" not in out and "skipped" not in err
    code, out, err = main(capsys, "check", "-v", repo)
    skipped = sorted(line for line in err.splitlines() if "skipped, not a report" in line)
    assert skipped == [f"giarlint: {repo / name}: skipped, not a report (no report title, section or table)"
                       for name in ("README.md", "notes.txt", "tests/expected.md")]


def test_a_named_non_report_still_gets_gia002(tmp_path, capsys):
    repo = repository(tmp_path)
    code, out, _ = main(capsys, "check", repo / "README.md", repo / "notes.txt")
    assert code == 1
    assert out.splitlines() == [f"{repo / 'README.md'}:1:1: GIA002 未找到年度报告的标题、部分标题或统计表，无法检查",
                                f"{repo / 'notes.txt'}:1:1: GIA002 未找到年度报告的标题、部分标题或统计表，无法检查"]


def test_the_hook_flag_treats_named_files_as_found(tmp_path, capsys):
    repo = repository(tmp_path)
    code, out, _ = main(capsys, "check", "--hook", repo / "README.md", repo / "notes.txt")
    assert (code, out) == (0, "")
    code, out, _ = main(capsys, "check", "--hook", repo / "README.md", repo / "2022.txt")
    assert code == 1 and "2022.txt:16:8: GIA205" in out and "README.md" not in out


def test_include_narrows_a_walk_and_checks_each_included_file_as_a_report(tmp_path, capsys, monkeypatch):
    repo = repository(tmp_path)
    (repo / ".giarlint.yaml").write_text('include: ["*.txt"]\n', encoding="utf-8")
    monkeypatch.chdir(repo)
    code, out, _ = main(capsys, "check", ".")
    paths = sorted({line.split(":")[0] for line in out.splitlines()})
    assert paths == ["./2022.txt", "./notes.txt"]  # README.md and tests/expected.md not included
    assert "./notes.txt:1:1: GIA002" in out  # included: it is a report, and not one
    code, out, _ = main(capsys, "check", "--hook", "README.md")
    assert (code, out) == (0, "")
    code, out, _ = main(capsys, "check", "README.md")  # named: checked all the same
    assert "README.md:1:1: GIA002" in out


def test_a_report_without_tables_or_canonical_sections_is_still_a_report_by_its_title(capsys, tmp_path):
    path = tmp_path / "draft.md"
    path.write_text("# 某某县财政局2023年政府信息公开工作年度报告\n\n（草稿，待补充）\n", encoding="utf-8")
    code, out, _ = main(capsys, "check", tmp_path)
    assert code == 1 and "draft.md:3:1: GIA103" in out and "GIA002" not in out  # a report: its gaps reported


def test_the_missing_reader_advice_fits_pre_commit_under_the_hook_flag():
    registry = build_registry(load_plugins=False)
    error = missing_library("PDF", "pdfplumber", "pdf")
    (plain,) = Linter(registry, Settings()).reader_failure("r.pdf", error)
    assert "pip install 'giarlint[pdf]'" in plain.message
    (hooked,) = Linter(registry, Settings(hook=True)).reader_failure("r.pdf", error)
    assert "additional_dependencies" in hooked.message and "pdfplumber" in hooked.message
    assert "pip install" not in hooked.message
    (english,) = Linter(registry, Settings(hook=True, lang="en")).reader_failure("r.pdf", error)
    assert "additional_dependencies of the giarlint hook" in english.message


def test_a_markdown_document_showing_a_report_in_a_code_block_is_not_one(tmp_path, capsys):
    seed = SEED_000.read_text(encoding="utf-8")
    doc = tmp_path / "guide.md"
    doc.write_text(f"# 使用说明\n\n提交前先运行检查，例如下面这份报告：\n\n```text\n{seed}```\n\n完。\n", encoding="utf-8")
    code, out, err = main(capsys, "check", "-v", tmp_path)
    assert (code, out) == (0, "") and "guide.md: skipped, not a report" in err
    report = tmp_path / "2022.md"
    report.write_text(seed, encoding="utf-8")  # the same text outside a code block is a report
    code, out, _ = main(capsys, "check", tmp_path)
    assert code == 1 and "2022.md:16:8: GIA205" in out and "guide.md" not in out
