"""A table printed one cell per line with a blank line between cells (pdftotext of a page Chromium
printed to PDF) spends 16 lines on a row: four rows without an anchor word must not cut the table
in two, and a group label wrapped after 本年 (``三、本年`` / ``度办理结果``) is not a heading.

Fixture: tests/layouts/heldout/texts/002.html-chromium-pdftotext.txt, a real tool's text.
"""

from __future__ import annotations

import json
from pathlib import Path

from giarlint.api import Checker
from giarlint.tables.locate import LocateSpec, locate

LAYOUTS = Path(__file__).resolve().parent / "layouts"
CHROMIUM = LAYOUTS / "heldout" / "texts" / "002.html-chromium-pdftotext.txt"


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
