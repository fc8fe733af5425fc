"""Layouts built from seed 000 (pipe rows) must read into exactly the same tables."""

from __future__ import annotations

import re

import pytest
from conftest import seed_text
from hypothesis import given, settings
from hypothesis import strategies as st
from seed_renderings import markdown_rows as markdown

PIPE_ROW = re.compile(r"^(?=[^\n]*\|)(.*)$", re.M)


def tables(linter, text: str) -> dict:
    report = linter.build("x.txt", text)
    return {name: table.as_json() for name, table in report.tables.items()}


def wrapped_label(text: str) -> str:
    return text.replace("(二)部分公开(区分处理的,只计这一情形,", "(二)部分公开(区分处理的,只计这一情形,\n", 1)


def tabs(text: str) -> str:
    return "\n".join(line.replace(" | ", "\t").replace(" |", "\t") if "|" in line else line for line in text.split("\n"))


def full_width_pipes(text: str) -> str:
    return text.replace("|", "｜")


def one_cell_per_line(text: str) -> str:
    """Every cell on its own line ending with ' |', as in seed 004."""
    out = []
    for line in text.split("\n"):
        if "|" not in line:
            out.append(line)
            continue
        out.extend(f"{cell.strip()} |" for cell in line.split("|") if cell.strip())
    return "\n".join(out)


def blank_separated(text: str) -> str:
    """Every cell on its own line, blank lines between, as in seed 001 (HTML copied as text)."""
    out = []
    for line in text.split("\n"):
        if "|" not in line:
            out.extend([line, ""])
            continue
        for cell in line.split("|"):
            if cell.strip():
                out.extend([cell.strip(), ""])
    return "\n".join(out)


@pytest.mark.parametrize("variant", [markdown, wrapped_label, tabs, full_width_pipes, one_cell_per_line, blank_separated])
def test_layout_reads_the_same_tables(linter, variant):
    original = seed_text("000")
    changed = variant(original)
    assert changed != original
    expected = tables(linter, original)
    if variant in (one_cell_per_line, blank_separated):
        # a text cell on a line of its own cannot be told from a label word: that row is unread
        del expected["table2"]["licensing"]
        report = linter.build("x.txt", changed)
        assert [u.row for u in report.tables["table2"].reading.unread] == ["licensing"]
    assert tables(linter, changed) == expected


def test_wrapped_label_cell_spans_two_lines(linter):
    report = linter.build("x.txt", wrapped_label(seed_text("000")))
    label = report.tables["table3"].row_labels["partial"]
    assert (label.span.line, label.span.column) == (31, 1)
    assert report.tables["table3"].values["partial"]["total"].cell.span.line == 32


def test_markdown_rule_rows_are_not_cells(linter):
    report = linter.build("x.txt", markdown(seed_text("000")))
    assert report.tables["table3"].reading.verdict == "read"
    assert all("---" not in c.text for t in report.document.tables() for r in t.rows for c in r.cells)


def test_heading_like_row_labels_are_not_sections(linter):
    report = linter.build("x.txt", blank_separated(seed_text("000")))
    titles = [s.heading.title for s in report.document.sections]
    assert len(titles) == 6 and not any("结转下年度" in t or "本年新收" in t for t in titles)


def test_prose_enumerations_are_not_sections(linter):
    text = "某局2022年政府信息公开工作年度报告\n一、总体情况\n一是加强领导。二是完善制度。\n二、主动公开政府信息情况\n"
    report = linter.build("x.txt", text)
    assert [s.heading.ordinal for s in report.document.sections] == [1, 2]


@pytest.mark.parametrize("separator", [".", "．", "，", " 、"])
def test_heading_punctuation_variants_are_headings_and_gia106(linter, separator):
    text = re.sub(r"^([一二三四五六])、", lambda m: m.group(1) + separator, seed_text("000"), flags=re.M)
    report = linter.build("x.txt", text)
    assert [s.heading.ordinal for s in report.document.sections] == [1, 2, 3, 4, 5, 6]
    assert tables(linter, text) == tables(linter, seed_text("000"))
    codes = [(d.code, d.line) for d in linter.lint_text("x.txt", text) if d.code.startswith("GIA1")]
    expected = [] if separator.strip() == "、" else [("GIA106", line) for line in (2, 9, 24, 53, 58, 62)]
    assert codes == expected  # a space before 、 is only spacing (GIA503 territory), not wording


def test_tab_indented_headings_and_paragraphs_are_not_table_rows(linter):
    text = re.sub(r"^([一二三四五六]、|\([一二三四五]\))", "\t\\1", seed_text("000"), flags=re.M)
    assert text.count("\t") > 10
    report = linter.build("x.txt", text)
    assert len(report.document.sections) == 6
    original = {(d.code, d.line, d.column) for d in linter.lint_text("x.txt", seed_text("000"))}
    indented = {(d.code, d.line) for d in linter.lint_text("x.txt", text)}
    assert indented == {(code, line) for code, line, _ in original}


def test_markdown_borders_are_not_cells(linter):
    """| a | b | has two cells; blanks in Markdown rows are placed like in pipe rows."""
    text = markdown(seed_text("000")).replace(
        "| (七)总计 | 13 | 0 | 0 | 0 | 0 | 0 | 13 |", "| (七)总计 | 13 | 0 | 0 | 0 | 0 | 0 |  |")
    found = [(d.code, d.line) for d in linter.lint_text("x.md", text) if d.code in ("GIA209", "GIA003", "GIA203")]
    line = text.split("\n").index("| (七)总计 | 13 | 0 | 0 | 0 | 0 | 0 |  |") + 1
    assert found == [("GIA209", line)]
    report = linter.build("x.md", text)
    assert report.tables["table3"].values["total"]["total"].kind == "blank"


def test_markdown_table_four_over_two_rows_and_short_rules(linter):
    text = seed_text("000").replace(
        "0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |",
        "| 0 | 0 | 0 | 0 | 0 |\n|-|-|-|-|-|\n| 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |")
    report = linter.build("x.md", text)
    assert report.tables["table4"].read
    assert report.tables["table4"].cell_count() == 15


def test_wrapped_table_three_label_is_not_a_section(linter):
    text = seed_text("000").replace("四、结转下年度继续办理 | 0", "四、结转下\n年度继续办理 | 0")
    report = linter.build("x.txt", text)
    assert len(report.document.sections) == 6
    assert report.tables["table3"].read
    assert report.tables["table3"].row_labels["carried_forward"].span.line == 52


def test_extra_value_in_table_two_is_reported(linter):
    text = seed_text("000").replace("行政规范性文件 | 0 | 1 | 4 |", "行政规范性文件 | 0 | 1 | 4 | 7 |")
    found = [(d.code, d.line, d.column) for d in linter.lint_text("x.txt", text) if d.code == "GIA003"]
    assert found == [("GIA003", 13, 1)]  # at the row's label: 4 values for 3 columns


# A run of text lines is one TEXT token (grammar/report.lark); its look-ahead must stop before
# every line that HEADING, SUBHEADING or METADATA would take on its own.
LINE_ALPHABET = list("一二三四十、．.，,（）() \u3000\t|｜:：索引号號公开開方式日期发發布成文机構构单位主题分类时間间来源來本年新收度上结转轉正文")


def _kinds(text: str) -> list[tuple[int, str]]:
    from giarlint.parser import parse_lines

    result = parse_lines(text)
    lines = list(result.preamble) + [line for section in result.sections for line in [section.heading, *section.lines]]
    return sorted((line.span.line, line.kind) for line in lines)


def _line_alone_and_after_text(line: str) -> None:
    alone = [kind for number, kind in _kinds(line + "\n") if number == 1]
    after_text = [kind for number, kind in _kinds("前文一段\n" + line + "\n") if number == 2]
    assert alone == after_text, line


@pytest.mark.parametrize("line", [
    "一、总体情况", "二．主动公开", "三 、收到和处理", "十、其他", "四、结转下年度继续办理", "一、本年新收政府信息公开申请数量",
    "（一）主动公开", "(二) 依申请", "索引号：123", "公開日期: 2022-01-27", "发布机构：市政府", "來源：门户网站", "时间 ：2022",
    "一是完善机制", "主动公开政府信息", "文件", "  一、缩进的标题", "发布时间: 2022-02-08 16:34", "\u3000（三）全角空格", "一、a | b", "正文\t",
])
def test_a_text_run_stops_where_a_line_alone_would_be_something_else(line):
    _line_alone_and_after_text(line)


def test_every_seed_line_reads_the_same_after_a_text_line():
    from conftest import SEEDS

    for seed in SEEDS:
        for line in seed.read_text(encoding="utf-8").splitlines():
            if line.strip():
                _line_alone_and_after_text(line)


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(LINE_ALPHABET), min_size=1, max_size=20).filter(str.strip))
def test_any_line_reads_the_same_after_a_text_line(line):
    _line_alone_and_after_text(line)
