"""Real published reports (tests/layouts/public, hand-read values): the texts as crawlers stored
them, every cell on one line with the page's tags stripped. giarlint reads what it can, never a
wrong number, and finds the arithmetic error one of them really has."""

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
    assert read / total >= 0.95, f"{read}/{total}"  # measured: 1443 of 1478 cells on 2026-12-01


def test_the_real_arithmetic_error_is_found_at_its_cells(linter):
    """平潭 2020: the handling results add up to 26 (自然人) and 27 (总计), （七）总计 says 20 and 21."""
    text, _ = _load("pingtan-2020")
    found = [d for d in linter.lint_text("pingtan-2020.txt", text) if d.code.startswith("GIA20")]
    assert [(d.code, d.line) for d in found] == [("GIA203", 10), ("GIA203", 10)]
    lines = text.split("\n")
    assert [lines[d.line - 1][d.column - 1 : d.end_column - 1] for d in found] == ["20", "21"]
    assert "20" in found[0].message and "26" in found[0].message


def test_a_flat_page_gets_its_sections_back_at_their_original_positions(linter):
    text, _ = _load("pingtan-2022")
    found = [d for d in linter.lint_text("pingtan-2022.txt", text) if d.code == "GIA106"]
    [heading] = found  # the report's own typo: 行政法复议
    line = text.split("\n")[heading.line - 1]
    assert line[heading.column - 1 :].startswith("四、政府信息公开行政法复议")
