"""pandoc's plain text writes "[TABLE]" for a table it cannot lay out: GIA107 then says the table is
the converter's placeholder and points at it, instead of saying the section has no table."""

from __future__ import annotations

from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
PLACEHOLDERS = sorted(path for path in (TESTS / "layouts").rglob("*.txt")
                      if "\n[TABLE]\n" in path.read_text(encoding="utf-8"))


def test_the_fixtures_hold_such_texts():
    assert len(PLACEHOLDERS) >= 5


@pytest.mark.parametrize("path", PLACEHOLDERS, ids=lambda p: p.name)
def test_the_placeholder_is_named_and_pointed_at(linter, path):
    text = path.read_text(encoding="utf-8")
    found = [d for d in linter.lint_text(str(path), text) if d.code == "GIA107"]
    assert found
    for diagnostic in found:
        assert text.split("\n")[diagnostic.line - 1] == "[TABLE]" and diagnostic.column == 1
        assert "[TABLE]" in diagnostic.message


def test_a_section_without_its_table_or_a_placeholder_is_told_so_at_its_heading(linter):
    text = "某市应急管理局2022年政府信息公开工作年度报告\n一、总体情况\n正文。\n四、政府信息公开行政复议、行政诉讼情况\n本年度无。\n"
    (found,) = [d for d in linter.lint_text("r.txt", text) if d.code == "GIA107"]
    assert (found.line, found.column) == (4, 1) and "[TABLE]" not in found.message
