"""`giarlint extract` on the five real reports: every value of tables 二, 三 and 四, transcribed
by hand from the seed files (tests/seeds), compared cell by cell; and the cells' positions."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import SEED, seed_text

ROWS_2021 = [
    "new_received", "carried_over", "granted", "partial",
    "denied.state_secret", "denied.law_forbidden", "denied.three_safety", "denied.third_party",
    "denied.internal_affairs", "denied.process_info", "denied.enforcement_file", "denied.query_item",
    "unable.not_held", "unable.needs_creation", "unable.unclear",
    "not_processed.petition", "not_processed.repeated", "not_processed.publication",
    "not_processed.mass_repeated", "not_processed.confirm",
    "other.no_correction", "other.unpaid_fee", "other.other",
    "total", "carried_forward",
]
ROWS_2019 = [r for r in ROWS_2021 if not r.startswith("other.")]
ROWS_2019.insert(ROWS_2019.index("total"), "other")
COLUMNS = ["natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org", "total"]
T4_GROUPS = ["review", "litigation_direct", "litigation_after_review"]
T4_COLUMNS = ["upheld", "corrected", "other", "pending", "total"]


def table3(rows: list[str], nonzero: dict[str, list]) -> dict:
    """All rows zero except those listed (values read off the seed by hand)."""
    return {row: dict(zip(COLUMNS, nonzero.get(row, [0] * 7))) for row in rows}


ZERO_T4 = {group: {col: 0 for col in T4_COLUMNS} for group in T4_GROUPS}


def t2_2021(regulations, normative, licensing, punishment, coercion, fees):
    return {
        "regulations": dict(zip(["made", "repealed", "valid"], regulations)),
        "normative_documents": dict(zip(["made", "repealed", "valid"], normative)),
        "licensing": {"decisions": licensing},
        "punishment": {"decisions": punishment},
        "coercion": {"decisions": coercion},
        "fees": {"amount": fees},
    }


EXPECTED = {
    "000": {
        "year": 2022, "agency": "昆明市应急管理局", "format": "2021", "publication_date": "2023-01-28",
        "table2": t2_2021([0, 0, 0], [0, 1, 4], "企业类674件;个人类69535件", 25, 0, 0),
        "table3": table3(ROWS_2021, {
            "new_received": [13, 0, 0, 0, 0, 0, 13], "granted": [2, 0, 0, 0, 0, 0, 2],
            "partial": [1, 0, 0, 0, 0, 0, 1], "unable.not_held": [9, 0, 0, 0, 0, 0, 9],
            "other.other": [1, 0, 0, 0, 0, 0, 1], "total": [13, 0, 0, 0, 0, 0, 13],
        }),
    },
    "001": {
        "year": 2021, "agency": "杭州市應急管理局", "format": "2021", "publication_date": "2022-01-27",
        "table2": t2_2021([0, 0, 0], [2, 0, 8], 644, 188, 0, 0),
        "table3": table3(ROWS_2021, {
            "new_received": [4, 2, 0, 0, 0, 0, 6], "granted": [1, 1, 0, 0, 0, 0, 2],
            "partial": [1, 0, 0, 0, 0, 0, 1], "unable.not_held": [1, 0, 0, 0, 0, 0, 1],
            "unable.needs_creation": [1, 1, 0, 0, 0, 0, 2], "total": [4, 2, 0, 0, 0, 0, 6],
        }),
    },
    "002": {
        "year": 2020, "agency": "昆明市晋宁区人民政府", "format": "2019", "publication_date": None,
        "table2": {
            "regulations": {"new_made": 0, "new_published": 0, "total_published": 0},
            "normative_documents": {"new_made": 0, "new_published": 0, "total_published": 25},
            "licensing": {"prev_items": 234, "change": "减15", "decisions": 29655},
            "other_services": {"prev_items": 0, "change": 0, "decisions": 0},
            "punishment": {"prev_items": 4893, "change": "增49", "decisions": 1821},
            "coercion": {"prev_items": 246, "change": "减2", "decisions": 1907},
            "fees": {"prev_items": 1, "change": 0},
            "procurement": {"items": 11, "amount": 610.6988},
        },
        "table3": table3(ROWS_2019, {
            "new_received": [7, 0, 0, 0, 0, 1, 8], "carried_over": [1, 0, 0, 0, 0, 0, 1],
            "granted": [8, 0, 0, 0, 0, 1, 9], "total": [8, 0, 0, 0, 0, 1, 9],
        }),
    },
    "003": {
        "year": 2022, "agency": "应急管理局", "format": "2021", "publication_date": None,
        "table2": t2_2021([0, 0, 0], [0, 0, 0], 68, 43, 0, 0),
        "table3": table3(ROWS_2021, {}),
    },
    "004": {
        "year": 2022, "agency": None, "format": "2021", "publication_date": None,
        "table2": t2_2021([0, 0, 0], [0, 0, 0], 1, 16, 0, 0),
        "table3": table3(ROWS_2021, {}),
    },
}


@pytest.fixture(scope="module")
def extracted():
    """One real `giarlint extract` run over all seeds."""
    out = subprocess.run(
        [sys.executable, "-m", "giarlint", "extract", "--no-plugins", *map(str, SEED.values())],
        capture_output=True, text=True, check=True,
    )
    return {record["path"].rsplit("/", 1)[-1][:3]: record for record in json.loads(out.stdout)}


@pytest.mark.parametrize("seed", sorted(EXPECTED))
def test_report_facts(extracted, seed):
    record, expected = extracted[seed], EXPECTED[seed]
    for key in ("year", "agency", "format", "publication_date"):
        assert record[key] == expected[key], key


@pytest.mark.parametrize("seed", sorted(EXPECTED))
@pytest.mark.parametrize("table", ["table2", "table3", "table4"])
def test_every_cell(extracted, seed, table):
    got = extracted[seed]["tables"][table]
    want = EXPECTED[seed].get(table, ZERO_T4)
    assert list(got) == list(want), "rows (and their order)"
    for row, columns in want.items():
        for column, value in columns.items():
            assert got[row][column] == value, f"{table} {row}.{column}"
            assert type(got[row][column]) is type(value), f"{table} {row}.{column} type"
        assert set(got[row]) == set(columns)


@pytest.mark.parametrize("seed,count", [("000", 175), ("001", 175), ("002", 161), ("003", 175), ("004", 175)])
def test_table3_cell_counts(extracted, seed, count):
    assert sum(len(cols) for cols in extracted[seed]["tables"]["table3"].values()) == count
    assert sum(len(cols) for cols in extracted[seed]["tables"]["table4"].values()) == 15


# (seed, table, row, column) -> (line, column) of the cell's first character, found by hand.
POSITIONS = {
    ("000", "table3", "new_received", "total"): (28, 45),
    ("000", "table3", "granted", "natural_person"): (30, 23),
    ("000", "table2", "licensing", "decisions"): (16, 8),
    ("000", "table4", "litigation_after_review", "total"): (57, 57),
    ("001", "table3", "new_received", "total"): (135, 1),
    ("001", "table3", "unable.needs_creation", "commercial"): (339, 1),
    ("001", "table4", "review", "upheld"): (582, 1),
    ("002", "table2", "procurement", "amount"): (29, 15),
    ("002", "table3", "other", "total"): (54, 35),
    ("003", "table3", "carried_forward", "total"): (79, 26),
    ("003", "table3", "other.other", "natural_person"): (77, 7),
    ("004", "table3", "total", "total"): (251, 1),
    ("004", "table2", "punishment", "decisions"): (36, 1),
}


@pytest.mark.parametrize("key", sorted(POSITIONS))
def test_cell_positions(linter, key):
    seed, table, row, column = key
    report = linter.build(str(SEED[seed]), seed_text(seed))
    value = report.tables[table].values[row][column]
    assert (value.cell.span.line, value.cell.span.column) == POSITIONS[key]
    line = report.line_text(value.cell.span.line)
    start = value.cell.span.column - 1
    assert line[start : start + len(value.text)] == value.text


@pytest.mark.parametrize("seed", sorted(EXPECTED))
def test_every_seed_table_is_read(extracted, seed):
    reading = extracted[seed]["reading"]
    assert {name: r["verdict"] for name, r in reading.items()} == {"table2": "read", "table3": "read", "table4": "read"}
    assert all(r["unread"] == [] and r["missing"] == [] for r in reading.values())


def test_extract_says_which_rows_were_not_read(tmp_path):
    """A researcher loading a province's reports sees which numbers to trust: here one row of
    table 三 with a number lost in the rendering, and table 四 gone from the text entirely."""
    text = (SEED["000"]).read_text(encoding="utf-8").replace(
        "1.本机关不掌握相关政府信息 | 9 | 0 | 0 | 0 | 0 | 0 | 9 |", "1.本机关不掌握相关政府信息 | 9 | 0 | 0 | 0 | 9 |")
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "giarlint", "extract", "--no-plugins", str(path)],
                         capture_output=True, text=True, check=True)
    [record] = json.loads(out.stdout)
    table3 = record["reading"]["table3"]
    assert table3["verdict"] == "partial" and table3["layout"] == "cells"
    assert table3["unread"] == [{"row": "unable.not_held", "reason": "too_few", "found": 5, "expected": 7}]
    assert "unable.not_held" not in record["tables"]["table3"] and "granted" in record["tables"]["table3"]
