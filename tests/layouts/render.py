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

import html
import io
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
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import KeepTogether, PageBreak, SimpleDocTemplate, Spacer, TableStyle
    from reportlab.platypus import Paragraph as Para
    from reportlab.platypus import Table as PdfTable

    font = "STSong-Light"
    pdfmetrics.registerFont(UnicodeCIDFont(font))
    body = ParagraphStyle("body", fontName=font, fontSize=11, leading=18, wordWrap="CJK", firstLineIndent=22)
    heading = ParagraphStyle("heading", fontName=font, fontSize=12, leading=20, wordWrap="CJK", spaceBefore=6)
    title = ParagraphStyle("title", fontName=font, fontSize=16, leading=24, alignment=1, spaceAfter=8, wordWrap="CJK")
    meta = ParagraphStyle("meta", fontName=font, fontSize=9, leading=14, wordWrap="CJK")
    cell_style = ParagraphStyle("cell", fontName=font, fontSize=7, leading=9, wordWrap="CJK", alignment=1)
    styles = {"title": title, "heading": heading, "para": body, "meta": meta}

    def furniture(canvas, document):
        canvas.saveState()
        canvas.setFont(font, 9)
        canvas.drawCentredString(A4[0] / 2, A4[1] - 40, "政府信息公开工作年度报告")
        canvas.drawCentredString(A4[0] / 2, 30, f"- {document.page} -")
        canvas.restoreState()

    def pdf_table(rows):
        cells, width = placed(rows)
        grid = [[""] * width for _ in rows]
        commands = [("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
        for r, c, cell in cells:
            grid[r][c] = Para(html.escape(cell.text).replace("\n", "<br/>"), cell_style)
            if cell.rowspan > 1 or cell.colspan > 1:
                commands.append(("SPAN", (c, r), (c + cell.colspan - 1, r + cell.rowspan - 1)))
        return PdfTable(grid, colWidths=base._column_widths(width, A4[0] - 2 * 72), style=TableStyle(commands), repeatRows=0)

    flow = []
    for block in base.report_blocks(report):
        if block.kind != "table":
            flow.append(Para(html.escape(block.text), styles[block.kind]))
            continue
        rows = block.rows
        which = _which(block, report)
        if which == "table3" and vertical:
            rows = vertical_rows(rows)
        if which == "table3" and split:
            top, bottom = split_grid(rows, _split_row(report))
            flow.extend([Spacer(1, 6), pdf_table(top), PageBreak(), pdf_table(bottom), Spacer(1, 6)])
            continue
        flow.extend([Spacer(1, 6), KeepTogether(pdf_table(rows)), Spacer(1, 6)])
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4, title="report").build(flow, onFirstPage=furniture, onLaterPages=furniture)
    return buffer.getvalue()


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
    title = next((b.text for b in blocks if b.kind == "title"), "政府信息公开工作年度报告")
    out = [base._PAGE_HEAD.format(charset=charset, title=html.escape(title))]
    metas = [b for b in blocks if b.kind == "meta"]
    if metas:
        out.append('<div class="xxgk-info">' + "".join(f"<p>{html.escape(b.text)}</p>" for b in metas) + "</div>\n")
    out.append('<div class="article-content" id="zoom">\n')
    for block in blocks:
        if block.kind == "title":
            out.append(f'<h1 class="article-title">{html.escape(block.text)}</h1>\n<div class="article-info">'
                       '<span>来源：本机关</span> <span>字号：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a></span></div>\n')
        elif block.kind == "heading":
            out.append(f'<p style="text-indent:2em"><strong><span style="font-family:黑体">{html.escape(block.text)}</span></strong></p>\n<p>&nbsp;</p>\n')
        elif block.kind == "para":
            out.append(f'<p style="text-indent:2em;line-height:1.75">{html.escape(block.text)}</p>\n')
        elif block.kind == "table":
            out.append('<table border="1" cellspacing="0" cellpadding="0" width="100%"><tbody>\n')
            for row in block.rows:
                out.append("<tr>" + "".join(base._html_cell(cell) for cell in row) + "</tr>\n")
            out.append("</tbody></table>\n")
    out.append("</div>\n")
    out.append(base._PAGE_TAIL)
    return "".join(out).encode(charset)
