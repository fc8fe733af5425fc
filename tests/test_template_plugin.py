"""A plugin's template travels with the report: the reader reads with it and every rule checks
against it, so a province's variant is a YAML file and a hook, not an edit to giarlint."""

from __future__ import annotations

import pytest
from conftest import seed_text

from giarlint.linter import Linter
from giarlint.plugins import build_registry

EXTRA = "9.属于本省规定的其他不予公开情形 | {n} | 0 | 0 | 0 | 0 | 0 | {n} | ||\n"
AFTER = "8.属于行政查询事项 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | ||\n"


@pytest.fixture(scope="module")
def province():
    return Linter(build_registry(load_plugins=False, extra_plugins=("helpers.province_template",)))


def _with_extra_row(n: int, total: int) -> str:
    text = seed_text("000")
    assert AFTER in text
    text = text.replace(AFTER, AFTER + EXTRA.format(n=n))
    # keep the form's identities: one request more received and handled
    text = text.replace("一、本年新收政府信息公开申请数量 | 13 | 0 | 0 | 0 | 0 | 0 | 13 |",
                        f"一、本年新收政府信息公开申请数量 | {total} | 0 | 0 | 0 | 0 | 0 | {total} |")
    return text.replace("(七)总计 | 13 | 0 | 0 | 0 | 0 | 0 | 13 |", f"(七)总计 | {total} | 0 | 0 | 0 | 0 | 0 | {total} |")


def _line_of(text: str, words: str) -> int:
    return next(number for number, line in enumerate(text.split("\n"), 1) if words in line)


def test_the_extra_row_is_read_with_the_plugins_template(province):
    text = _with_extra_row(1, 14)
    report = province.build("x.txt", text)
    table3 = report.tables["table3"]
    assert table3.read and report.templates.table3_row("denied.province_other") is not None
    value = table3.values["denied.province_other"]["natural_person"]
    assert (value.number, value.cell.span.line) == (1, _line_of(text, "9.属于本省规定"))
    assert [d.code for d in province.lint_text("x.txt", text) if d.code[:4] in ("GIA0", "GIA1", "GIA2")] == ["GIA205"]


def test_the_identities_count_the_extra_row(province):
    text = _with_extra_row(2, 14)  # the new row says 2, the totals say one more than before
    found = [(d.code, d.line) for d in province.lint_text("x.txt", text) if d.code in ("GIA201", "GIA202", "GIA203")]
    total = _line_of(text, "(七)总计")
    assert found == [("GIA203", total), ("GIA203", total)]  # natural persons and the total column
    message = next(d.message for d in province.lint_text("x.txt", text) if d.code == "GIA203")
    assert "14" in message and "15" in message


def test_without_the_plugin_the_row_is_unknown_and_said_once(linter):
    text = _with_extra_row(1, 14)
    found = [d for d in linter.lint_text("x.txt", text) if d.code[:4] in ("GIA1", "GIA2") or d.code == "GIA003"]
    assert sorted(d.code for d in found) == ["GIA003", "GIA205"]  # GIA205: table 二's text cell
    unread = next(d for d in found if d.code == "GIA003")
    assert "8.行政查询事项" in unread.message and "14" in unread.message
