"""Tables as real tools print them when the cells are too narrow for their labels, or drawn as grids.

- One cell per line with a blank line between cells (pdftotext of a page Chromium printed to
  PDF) spends 16 lines on a row: four rows without an anchor word must not cut the table in two,
  and a group label wrapped after 本年 (``三、本年`` / ``度办理结果``) is not a heading.
- A Word table LibreOffice printed to PDF with label cells two characters wide, through
  pdftotext -layout: a row label wrapped down its cell beside a group label wrapped down its own
  (``（三   1.属   0 …`` / ``）不   于国`` / ``予公   家秘``) is read down its column.
- a page's running header inside a label wrapped across a page break (``5.属 / 于三 / 类内 /
  - 1 - / 政府信息公开工作年度报告（页眉） / 部事 / 务信 / 息``) is left out like the page number,
  since it stands beside a page number on every page; the label's pieces beside one page
  break only are kept. Labels of text that kept one space between pieces (pdfplumber's ``开 密``
  under ``（三 1.属``) are read down the columns by the pieces' places in their lines.
- python-docx prints a merged cell once for each column it spans: the same text in consecutive
  cells is one cell, and so are copies of one number in a row of one value (which copy is
  taken cannot matter); copies in a wider row stay unread.
- PyMuPDF's sorted blocks of LibreOffice's PDF print a row's values before the row above's:
  that table is one GIA003 (`out_of_order`), none of its values read.
- pandoc's plain text of a wide table draws a grid: its rule lines (``+-----+=====+``, longer
  than a line of prose) are part of the table, not prose that ends it.

Fixtures: tests/layouts/heldout/texts/, real tools' texts (heldout/make_heldout.py).
"""

from __future__ import annotations

import json
from pathlib import Path

from giarlint.api import Checker
from giarlint.tables.locate import LocateSpec, locate

LAYOUTS = Path(__file__).resolve().parent / "layouts"
CHROMIUM = LAYOUTS / "heldout" / "texts" / "002.html-chromium-pdftotext.txt"
LIBREOFFICE = LAYOUTS / "heldout" / "texts" / "{seed}.docx-lo-pdftotext-layout.txt"


def test_blank_lines_between_cells_do_not_widen_the_gap_between_anchors():
    spec = LocateSpec("t", ("甲", "乙", "丙"), 3)
    filler = ["0", ""] * 40  # 80 lines, 40 of them holding a value: within the gap
    lines = ["甲", ""] + filler + ["乙", ""] + filler + ["丙"]
    extents = locate(lines, (spec,), ())
    assert [(e.first, e.last) for e in extents] == [(1, len(lines))]
    dense = ["甲"] + ["0"] * 61 + ["乙", "丙"]  # 61 filled lines: too far, 乙 and 丙 alone are too few
    assert locate(dense, (spec,), ()) == []


def test_the_whole_of_table_three_is_read_from_chromiums_pdf_through_pdftotext():
    checker = Checker(plugins=False)
    record = checker.extract_file(str(CHROMIUM))
    truth = json.loads((LAYOUTS / "truth" / "002.json").read_text(encoding="utf-8"))
    assert record["tables"]["table3"] == truth["table3"]
    diagnostics = checker.check_file(str(CHROMIUM)).diagnostics
    table3 = [d for d in diagnostics if d.code == "GIA003" and "表三" in d.message]
    assert table3 == []
    assert not [d for d in diagnostics if d.code == "GIA105"]  # 三、本年 (line 265) is a label's first line


def test_a_section_heading_that_starts_with_bennian_is_still_a_heading():
    from giarlint.parser import parse_lines

    text = "一、本年工作概况\n正文。\n三、本年\n度办理结果\n"
    kinds = [(line.kind, line.text) for line in parse_lines(text).sections[0].lines]
    headings = [section.heading.text for section in parse_lines(text).sections]
    assert headings == ["一、本年工作概况"]
    assert ("paragraph", "三、本年") in kinds


def test_a_label_wrapped_down_a_narrow_cell_beside_a_group_label_is_read_down_its_column():
    checker = Checker(plugins=False)
    for seed in ("000", "001", "002"):
        truth = json.loads((LAYOUTS / "truth" / f"{seed}.json").read_text(encoding="utf-8"))["table3"]
        table3 = checker.extract_file(str(LIBREOFFICE).format(seed=seed))["tables"]["table3"]
        # interleaved with （三）不予公开, （四）无法提供, （五）不予处理; 1.属 … 密 also across a page break
        for key in ("denied.state_secret", "unable.not_held", "not_processed.petition"):
            assert table3[key] == truth[key], (seed, key)
        assert all(values == truth[key] for key, values in table3.items()
                   if any(v is not None for v in values.values())), seed  # never a wrong number
    text = str(LIBREOFFICE).format(seed="002")
    assert not [d for d in checker.check_file(text).diagnostics if d.code == "GIA003" and "表三" in d.message]


def test_the_rule_lines_of_a_wide_grid_table_do_not_end_it():
    checker = Checker(plugins=False)
    for source in ("docx", "html"):
        path = LAYOUTS / "heldout" / "texts" / f"000.{source}-pandoc-plain-wide.txt"
        lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
        assert any(len(line) > 80 and set(line) <= set("+-=") for line in lines)  # longer than prose
        truth = json.loads((LAYOUTS / "truth" / "000.json").read_text(encoding="utf-8"))["table4"]
        assert checker.extract_file(str(path))["tables"]["table4"] == truth, source
        assert not [d for d in checker.check_file(str(path)).diagnostics if d.code == "GIA003" and "表四" in d.message]


def test_a_merged_cell_printed_once_per_column_is_one_cell():
    checker = Checker(plugins=False)
    docx = LAYOUTS / "heldout" / "texts" / "{seed}.docx-python-docx.txt"
    for seed in ("001", "003", "004"):
        truth = json.loads((LAYOUTS / "truth" / f"{seed}.json").read_text(encoding="utf-8"))["table2"]
        assert checker.extract_file(str(docx).format(seed=seed))["tables"]["table2"] == truth, seed
    text = str(docx).format(seed="000")
    line = Path(text).read_text(encoding="utf-8").splitlines()[21]
    assert line.split("\t")[1:] == ["企业类674件;个人类69535件"] * 3  # one text cell printed three times
    found = [(d.code, d.line, d.column) for d in checker.check_file(text).diagnostics if d.code in ("GIA003", "GIA205")]
    assert ("GIA205", 22, 6) in found and not [f for f in found if f[0] == "GIA003" and f[1] == 22]
    wider = [d for d in checker.check_file(str(docx).format(seed="002")).diagnostics if d.code == "GIA003"]
    assert len(wider) == 1 and "行政事业性收费（3 个单元格对应 2 列）" in wider[0].message  # two columns: not guessed


def test_a_running_header_inside_a_wrapped_label_is_page_furniture():
    from giarlint.tables.tokens import running_heads

    path = LAYOUTS / "heldout" / "texts" / "001.docx-lo-pdfplumber.txt"
    lines = path.read_text(encoding="utf-8").split("\n")
    start = lines.index("5.屬 0 0 0 0 0 0 0")
    assert lines[start + 3 : start + 6] == ["- 1 -", "政府信息公开工作年度报告（页眉）", "部事"]
    table = lines[start - 30 : start + 30]
    assert running_heads(table, lines) == frozenset({"政府信息公开工作年度报告（页眉）"})
    assert running_heads(table, table) == frozenset()  # beside one page break only: kept
    checker = Checker(plugins=False)
    truth = json.loads((LAYOUTS / "truth" / "001.json").read_text(encoding="utf-8"))["table3"]
    table3 = checker.extract_file(str(path))["tables"]["table3"]
    for key in ("denied.internal_affairs", "denied.state_secret"):  # across the header; 开 密 under （三 1.屬
        assert table3[key] == truth[key], key
    assert all(values == truth[key] for key, values in table3.items() if any(v is not None for v in values.values()))


def test_a_number_wrapped_in_a_narrow_pdf_cell_is_one_number():
    """LibreOffice's PDF of the stress variant 000-v0's Word file (tests/data, made by
    `soffice --convert-to pdf` from `seed_renderings.docx_bytes`): table 三's 总计 column is too
    narrow for 28826, printed 2882 / 6 in its cell; giarlint's PDF reader reads the number whole."""
    from giarlint.readers.pdfdoc import _table_rows

    assert [c.text for c in _table_rows(1, [["一、本年新收", "2882\n6", "企业类\n674件"]])[0]] == [
        "一、本年新收", "28826", "企业类 674件"]  # digits only are glued: 类 and 674 keep their space
    pdf = Path(__file__).resolve().parent / "data" / "stress-000-v0.libreoffice.pdf"
    truth = json.loads((LAYOUTS / "stress" / "truth" / "000-v0.json").read_text(encoding="utf-8"))
    tables = Checker(plugins=False).extract_file(str(pdf))["tables"]
    assert tables["table3"]["new_received"]["total"] == 28826
    assert {name: tables[name] for name in ("table3", "table4")} == {name: truth[name] for name in ("table3", "table4")}


def test_a_group_label_beside_its_first_row_does_not_end_the_table():
    """pandoc's Word file of the stress variant's page, printed by LibreOffice, through pdftotext
    -layout: ``三、   (一)予以公        16   36 …`` is the group 三、本年度办理结果 wrapped down its
    narrow column beside its first row, not a section heading that ends table 三."""
    from giarlint.parser import parse_lines

    path = LAYOUTS / "stress" / "heldout" / "texts" / "000-v0.html-pandoc-docx-lo-pdftotext-layout.txt"
    lines = path.read_text(encoding="utf-8").split("\n")
    assert any(line.startswith("三、   (一)予以公") for line in lines)
    truth = json.loads((LAYOUTS / "stress" / "truth" / "000-v0.json").read_text(encoding="utf-8"))["table3"]
    table3 = Checker(plugins=False).extract_file(str(path))["tables"]["table3"]
    for key in ("granted", "partial", "denied.state_secret"):
        assert table3[key] == truth[key], key
    assert [s.heading.text for s in parse_lines("三、（一）予以公开 16 36\n五、存在的主要问题\n").sections] == [
        "五、存在的主要问题"]


def test_values_displaced_from_their_labels_leave_the_table_unread():
    """PyMuPDF's `get_text('blocks', sort=True)` of LibreOffice's PDF prints row 二's values
    before row 一's, and every row after reads its neighbour's (each still adds up, so no
    identity tells): table 三 is one GIA003 (`out_of_order`), no value of it read."""
    path = LAYOUTS / "stress" / "heldout" / "texts" / "000-v0.docx-lo-pymupdf-blocks.txt"
    lines = path.read_text(encoding="utf-8").split("\n")
    at = lines.index("公开申请数量")  # the end of row 一's label: row 二's values (332 …) come next
    assert lines[at + 1 : at + 3] == ["332", "57"]
    checker = Checker(plugins=False)
    record = checker.extract_file(str(path))
    assert not record["tables"]["table3"]
    assert "out_of_order" in {u["reason"] for u in record["reading"]["table3"]["unread"]}  # (and rows not found)
    gia003 = [d for d in checker.check_file(str(path)).diagnostics if d.code == "GIA003" and "表三" in d.message]
    assert len(gia003) == 1 and "无法确定各数值属于哪一列" in gia003[0].message
