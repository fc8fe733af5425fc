"""Real published reports (tests/layouts/public, hand-read values): the texts as crawlers stored
them, every cell on one line with the page's tags stripped. giarlint reads what it can, never a
wrong number, and does not hide the arithmetic error one of them really has."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from giarlint.readers.flat import reflow
from giarlint.source import normalise_newlines

PUBLIC = Path(__file__).resolve().parent / "layouts" / "public"
REPORTS = sorted(path.stem for path in PUBLIC.glob("*.json"))


def _load(name: str) -> tuple[str, dict]:
    text = normalise_newlines((PUBLIC / f"{name}.txt").read_text(encoding="utf-8"))
    return text, json.loads((PUBLIC / f"{name}.json").read_text(encoding="utf-8"))


def _report(linter, name: str):
    text, _ = _load(name)
    flat = reflow(text)
    return linter.build(name, flat.text if flat else text), flat


@pytest.mark.parametrize("name", REPORTS)
def test_no_wrong_number(linter, name):
    report, _ = _report(linter, name)
    _, meta = _load(name)
    for table, rows in meta["truth"].items():
        data = report.tables.get(table)
        for row, columns in rows.items():
            for column, value in columns.items():
                got = data.value(row, column) if data else None
                assert got is None or got.as_json() == value, (table, row, column)
                if got is None and data is not None and data.read:
                    assert row in {u.row for u in data.reading.missing}, (table, row, "dropped from a table read")


def test_most_cells_are_read(linter):
    read = total = 0
    for name in REPORTS:
        report, _ = _report(linter, name)
        _, meta = _load(name)
        for table, rows in meta["truth"].items():
            for row, columns in rows.items():
                for column in columns:
                    total += 1
                    read += report.tables.get(table) is not None and report.tables[table].value(row, column) is not None
    # measured: 1257 of 1478 cells on 2026-12-01; not read: the tables 四 of digits run together
    # that are not all zeros (nothing across their groups can confirm a split) and 平潭 2020's
    # table 三, whose columns do not add up
    assert read / total >= 0.8, f"{read}/{total}"


def test_the_real_arithmetic_error_is_not_hidden(linter):
    """平潭 2020: the handling results add up to 26 (自然人) and 27 (总计), （七）总计 says 20 and 21.
    Its cells run together, so only the table's sums could confirm how to split them; they do
    not add up, so the table is one GIA003 that says so — never numbers that would hide it."""
    text, _ = _load("pingtan-2020")
    found = linter.lint_text("pingtan-2020.txt", text)
    [table3] = [d for d in found if d.code == "GIA003" and "表三" in d.message]
    assert "列合计不成立" in table3.message
    assert not [d for d in found if d.code in ("GIA201", "GIA202", "GIA203")]
    report, _ = _report(linter, "pingtan-2020")
    assert {u.reason.value for u in report.tables["table3"].reading.unread} == {"unconfirmed"}


def test_a_flat_page_gets_its_sections_back_at_their_original_positions(linter):
    text, _ = _load("pingtan-2022")
    found = [d for d in linter.lint_text("pingtan-2022.txt", text) if d.code == "GIA106"]
    [heading] = found  # the report's own typo: 行政法复议
    line = text.split("\n")[heading.line - 1]
    assert line[heading.column - 1 :].startswith("四、政府信息公开行政法复议")


def test_a_crawlers_labels_are_not_the_title_or_a_missing_date(linter):
    """Crawled pages print 标题: and 发布时间: before the report."""
    report, _ = _report(linter, "pingtan-2022")
    assert report.document.title.text.startswith("平潭综合实验区2022年度")
    assert report.document.title.span.column == 5  # after 标题:␠
    assert str(report.facts.publication_date.value) == "2023-02-20"
