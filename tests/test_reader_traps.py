"""Inputs crafted by a second reader of the table reader to make it give a wrong number
(tests/layouts/traps): each must be read right or reported unread, never misread."""

from __future__ import annotations

import time
from pathlib import Path

from giarlint.readers.flat import reflow

TRAPS = Path(__file__).resolve().parent / "layouts" / "traps"


def _report(linter, name: str):
    text = (TRAPS / f"{name}.txt").read_text(encoding="utf-8")
    flat = reflow(text)
    return linter.build(name, flat.text if flat else text)


def _row(report, table: str, row: str):
    columns = report.tables[table].values.get(row)
    return None if columns is None else [v.as_json() for v in columns.values()]


def test_a_blank_line_after_a_short_row_is_not_its_last_cell(linter):
    """One value per line, a blank line after each row, 2.重复申请 printed with 6 of its 7 cells."""
    for name in ("br_missing", "bc_pagebreak"):
        report = _report(linter, name)
        assert _row(report, "table3", "not_processed.repeated") is None, name
        assert [u.row for u in report.tables["table3"].reading.unread] == ["not_processed.repeated"], name


def test_blank_lines_between_the_groups_of_table_four_are_not_cells(linter):
    """Table 四 one value per line, a blank line between groups, two groups short of a cell."""
    report = _report(linter, "t4_blanklines")
    assert not report.tables["table4"].read and report.tables["table4"].values == {}


def test_a_row_with_an_unknown_label_does_not_give_its_numbers_to_the_next(linter):
    """| 2.重夏申清 | 17 | 3 | 0 | 0 | 1 | 1 | 22 | then a row of blank cells."""
    report = _report(linter, "misspelt_blankrow")
    assert _row(report, "table3", "not_processed.publication") in (None, [None] * 7)


def test_rows_of_cells_are_never_read_column_by_column(linter):
    report = _report(linter, "columns_pipe")
    table = report.tables["table3"]
    assert table.reading.layout != "columns"
    assert _row(report, "table3", "denied.query_item") in (None, [0] * 7)
    assert _row(report, "table3", "not_processed.publication") in (None, [0] * 7)


def test_digits_run_together_with_a_lost_blank_cell_are_not_split(linter):
    """2.重复申请351201232 is 3, (blank), 5, 12, 0, 12, 32; the row alone splits it 3,5,1,20,1,2,32."""
    report = _report(linter, "glued_blank")
    assert _row(report, "table3", "not_processed.repeated") is None
    assert not [d for d in linter.lint_text("x.txt", (TRAPS / "glued_blank.txt").read_text(encoding="utf-8"))
                if d.code in ("GIA201", "GIA202", "GIA203")]


def test_a_heading_named_in_a_long_paragraph_is_not_a_heading(linter):
    text = (TRAPS / "longpara2.txt").read_text(encoding="utf-8")
    assert reflow(text) is None
    assert not [d for d in linter.lint_text("x.txt", text) if d.code in ("GIA104", "GIA105")]


def test_a_space_inside_a_cell_is_not_part_of_a_number(linter):
    from conftest import seed_text

    text = seed_text("000").replace("2.重复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |", "2.重复申请 | 0 | 0 | 0 | 0 | 1 1 | 0 | 0 |")
    value = linter.build("x.txt", text).tables["table3"].values["not_processed.repeated"]["legal_service"]
    assert (value.kind, value.text) == ("text", "1 1")


def test_huge_numbers_and_glued_runs_cost_little_and_never_crash(linter):
    from conftest import seed_text

    seed = seed_text("000")
    for text in (seed.replace("2.重复申请 | 0 |", "2.重复申请 | " + "7" * 5000 + " |"),
                 seed.replace("2.重复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | ||", "2.重复申请" + "12" * 500)):
        start = time.process_time()
        found = linter.lint_text("x.txt", text)
        assert time.process_time() - start < 5
        assert not [d for d in found if d.code == "GIA099"]


def test_a_glued_table_that_adds_up_is_read_by_its_column_identities_exactly(linter):
    """The stress variant 001-v0 adds up, and its digits run together allow several splits of
    many a row; the table's column identities leave exactly one way: the table is read, and
    every value is the variant's own (before the search kept fewer partial sums, it hit its
    limit and the table was unread as glued)."""
    import json

    stress = Path(__file__).resolve().parent / "layouts" / "stress"
    text = (stress / "texts" / "001-v0.strip-flat.txt").read_text(encoding="utf-8")
    flat = reflow(text)
    table = linter.build("x.txt", flat.text if flat else text).tables["table3"]
    truth = json.loads((stress / "truth" / "001-v0.json").read_text(encoding="utf-8"))["table3"]
    assert table.read
    assert {row: {column: value.number for column, value in cells.items()}
            for row, cells in table.values.items()} == truth


def test_the_grammar_and_the_cell_classifier_agree_on_what_a_value_is():
    """cells.lark's NUMBER/MARK/CHANGE decide for space-aligned text, values.classify for a
    cell between separators: the same chunk must be a value, or not, either way."""
    from giarlint.tables.tokens import _CHANGE, lex_line
    from giarlint.tables.values import classify

    samples = ["0", "13", "２５", "1,234", "610.6988", "-3", "−3", "/", "-", "—", "--", "——", "无", "無",
               "减15", "增49", "13件", "1.属于", "2022年", "1.", "0.5万元", "12,34", "x", "(七)总计", "1 2"]
    for sample in samples:
        pieces = lex_line(sample)
        lexed = len(pieces) == 1 and pieces[0].type in ("NUMBER", "MARK", "CHANGE")
        kind, _ = classify(sample)
        classified = kind in ("number", "na") or bool(_CHANGE.match(sample))
        assert lexed == classified, sample

