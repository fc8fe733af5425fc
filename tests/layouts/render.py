"""Variants of the seed renderings (tests/seed_renderings.py) with what real published reports
have and the base renderer lacks. The base renderer is not changed: other tests use its output.

PDF:  ``vertical`` prints the group label of table 三 ("三、本年度办理结果") one character per
      line in its rowspan cell; ``split`` breaks table 三 over two pages, inside the rowspan of
      （三）不予公开, with the page footer and header between the halves and no repeated header.
HTML: ``t4split`` prints table 四 as three small tables (行政复议 / 未经复议直接起诉 / 复议后起诉),
      each a title row, a header row and its 5 values.

Used by tests/layouts/make_layouts.py only. Templates and report types come through
seed_renderings, so this module follows wherever that one imports them from.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/, for seed_renderings

import seed_renderings as base  # noqa: E402
from seed_renderings import Block, GridCell, placed  # noqa: E402

from giarlint.report import Report  # noqa: E402  (type only)

TABLE3_GROUP_LABEL = "三、本年度办理结果"
SPLIT_BEFORE = "denied.internal_affairs"  # the first row printed on the second page
TABLE4_HEADS = ["结果维持", "结果\n纠正", "其他结果", "尚未审结", "总计"]
TABLE4_TITLES = ["行政复议", "未经复议直接起诉", "复议后起诉"]


def _which(block: Block, report: Report) -> str | None:
    if block.kind != "table":
        return None
    for key, grid in base._GRIDS.items():
        if key in report.tables and block.rows == grid(report):
            return key
    return None


def vertical_rows(rows: list[list[GridCell]]) -> list[list[GridCell]]:
    """Table 三 with its group label printed one character per line."""
    out = []
    for row in rows:
        out.append([GridCell("\n".join(cell.text), cell.rowspan, cell.colspan) if cell.text == TABLE3_GROUP_LABEL else cell
                    for cell in row])
    return out


def split_grid(rows: list[list[GridCell]], at: int) -> tuple[list[list[GridCell]], list[list[GridCell]]]:
    """Cut a grid before row `at`. A cell spanning the cut keeps its text on the first part and
    continues, empty, on the second (as a word processor prints a merged cell over a page break)."""
    cells, width = placed(rows)
    top: list[list[GridCell]] = [[] for _ in range(at)]
    bottom: list[list[GridCell]] = [[] for _ in range(len(rows) - at)]
    for r, c, cell in sorted(cells, key=lambda item: (item[0], item[1])):
        if r >= at:
            bottom[r - at].append((c, cell))
        elif r + cell.rowspan > at:
            top[r].append((c, GridCell(cell.text, at - r, cell.colspan)))
            bottom[0].append((c, GridCell("", r + cell.rowspan - at, cell.colspan)))
        else:
            top[r].append((c, cell))
    return ([[cell for _, cell in sorted(row, key=lambda x: x[0])] for row in top],
            [[cell for _, cell in sorted(row, key=lambda x: x[0])] for row in bottom])


def _split_row(report: Report) -> int:
    keys = [r.key for r in base.load_templates().table3_rows if r.key in report.tables["table3"].values]
    index = keys.index(SPLIT_BEFORE) if SPLIT_BEFORE in keys else len(keys) // 2
    return 3 + index  # three header rows


def pdf_bytes(report: Report, vertical: bool = False, split: bool = False) -> bytes:
    """seed_renderings.pdf_bytes with the variants; with neither, the same document."""
    from reportlab.platypus import KeepTogether, PageBreak, Spacer

    def table_flow(block, make_table):
        rows, which = block.rows, _which(block, report)
        if which == "table3" and vertical:
            rows = vertical_rows(rows)
        if which == "table3" and split:
            top, bottom = split_grid(rows, _split_row(report))
            return [Spacer(1, 6), make_table(top), PageBreak(), make_table(bottom), Spacer(1, 6)]
        return [Spacer(1, 6), KeepTogether(make_table(rows)), Spacer(1, 6)]

    return base.pdf_bytes(report, table_flow)


def table4_as_three(report: Report) -> list[Block]:
    data = report.tables["table4"]
    templates = base.load_templates()
    blocks = []
    for title, group in zip(TABLE4_TITLES, templates.table4_groups):
        values = [GridCell(base._text(data.values[group.key][c.key])) for c in templates.table4_columns]
        blocks.append(Block("table", rows=[[GridCell(title, colspan=5)], [GridCell(h) for h in TABLE4_HEADS], values]))
    return blocks


def html_page(report: Report, t4split: bool = False, charset: str = "utf-8") -> bytes:
    """seed_renderings.html_page with the variant; without it, the same bytes."""
    blocks = []
    for block in base.report_blocks(report):
        if t4split and _which(block, report) == "table4":
            blocks.extend(table4_as_three(report))
        else:
            blocks.append(block)
    return base.html_page(report, charset, blocks)
