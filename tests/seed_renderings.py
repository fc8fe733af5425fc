"""Render the text seeds as published reports: a cluttered government web page, a Word file
and a PDF, with the statistical tables laid out as on the official forms (merged header
cells included). Used by the reader tests and by ``benchmarks/bench_readers.py``.

Run ``python tests/seed_renderings.py OUTDIR`` to write the files for a look.
"""

from __future__ import annotations

import html
import io
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from giarlint.normalize import fold
from giarlint.report import Report, build_report
from giarlint.tables.templates import load_templates
from giarlint.tree import Paragraph, Table

SEEDS = Path(__file__).parent / "seeds"
_NUMERALS = "零一二三四五六七八九十"
CORNER_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"


@dataclass
class GridCell:
    text: str
    rowspan: int = 1
    colspan: int = 1


@dataclass
class Block:
    kind: str  # meta, title, heading, para, table
    text: str = ""
    rows: list | None = None  # table: rows of GridCell


def seed_paths() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))


def seed_report(path: Path) -> Report:
    return build_report(path.read_text(encoding="utf-8"), str(path))


# -- the report as blocks ---------------------------------------------------------------
def report_blocks(report: Report) -> list[Block]:
    blocks = [Block("meta", p.text) for p in report.document.metadata]
    done: set[str] = set()

    def add(block, ordinal):
        if isinstance(block, Paragraph):
            kind = "title" if block is report.document.title else "para"
            blocks.append(Block(kind, block.text))
        elif isinstance(block, Table):
            key = block.kind
            if key in report.tables and key not in done:
                done.add(key)
                blocks.append(Block("table", rows=_GRIDS[key](report)))

    for block in report.document.preamble:
        add(block, None)
    for section in report.document.sections:
        span = section.heading.span
        blocks.append(Block("heading", report.line_text(span.line)[span.column - 1 : span.end_column - 1]))
        for block in section.blocks:
            add(block, section.heading.ordinal)
    return blocks


def _text(value) -> str:
    return value.cell.text.replace("\n", "")


def _as_printed(header: list, label) -> str:
    """A column header as the seed prints it (truncated, traditional, split over two cells),
    so the rendered file keeps the defects the text has; the template's label when absent."""
    folded = [fold(cell.text) for cell in header]
    words = label.match + label.exact + label.truncated
    for index, text in enumerate(folded):
        if text in words or any(word in text for word in label.match):
            joined = folded[index] + (folded[index + 1] if index + 1 < len(folded) else "")
            if text in label.truncated and any(word in joined for word in label.match):
                return header[index].text + header[index + 1].text  # one header split over two cells
            return header[index].text.replace("\n", "")
    return label.label


def _table2(report: Report) -> list[list[GridCell]]:
    data = report.tables["table2"]
    fmt = load_templates().table2[data.format or report.format or "2021"]
    width = 1 + max(len(block.columns) for block in fmt.blocks)
    rows = []
    for block in fmt.blocks:
        present = [row for row in block.rows if row.key in data.values]
        if not present:
            continue
        last = width - len(block.columns)
        rows.append([GridCell(f"第二十条第（{_NUMERALS[block.item]}）项", colspan=width)])
        header = [GridCell("信息内容")] + [GridCell(_as_printed(data.header, c)) for c in block.columns]
        header[-1].colspan = last
        rows.append(header)
        for row in present:
            values = [GridCell(_text(data.values[row.key][c.key])) for c in block.columns]
            values[-1].colspan = last
            rows.append([GridCell(data.row_labels[row.key].text.replace("\n", ""))] + values)
    return rows


_TABLE3_GROUPS = {"denied": "（三）不予公开", "unable": "（四）无法提供", "not_processed": "（五）不予处理", "other": "（六）其他处理"}


def _table3(report: Report) -> list[list[GridCell]]:
    data = report.tables["table3"]
    templates = load_templates()
    columns = [c.key for c in templates.table3_columns]
    rows = [
        [GridCell(CORNER_NOTE, rowspan=3, colspan=3), GridCell("申请人情况", colspan=7)],
        [GridCell("自然人", rowspan=2), GridCell("法人或其他组织", colspan=5), GridCell("总计", rowspan=2)],
        [GridCell(_as_printed(data.header, c)) for c in templates.table3_columns[1:6]],
    ]
    keys = [r.key for r in templates.table3_rows if r.key in data.values]
    inner = [k for k in keys if k not in ("new_received", "carried_over", "carried_forward")]
    seen_groups: set[str] = set()
    for key in keys:
        values = [GridCell(_text(data.values[key][c])) for c in columns]
        label = data.row_labels[key].text.replace("\n", "")
        group = key.split(".")[0] if "." in key else None
        cells: list[GridCell] = []
        if key in ("new_received", "carried_over", "carried_forward"):
            rows.append([GridCell(label, colspan=3)] + values)
            continue
        if key == inner[0]:
            cells.append(GridCell("三、本年度办理结果", rowspan=len(inner)))
        if group is None:
            cells.append(GridCell(label, colspan=2))
        else:
            if group not in seen_groups:
                seen_groups.add(group)
                size = sum(1 for k in inner if k.startswith(group + "."))
                cells.append(GridCell(_TABLE3_GROUPS[group], rowspan=size))
            cells.append(GridCell(label))
        rows.append(cells + values)
    return rows


def _table4(report: Report) -> list[list[GridCell]]:
    data = report.tables["table4"]
    templates = load_templates()
    heads = ["结果维持", "结果\n纠正", "其他结果", "尚未审结", "总计"]
    rows = [
        [GridCell("行政复议", colspan=5), GridCell("行政诉讼", colspan=10)],
        [GridCell(h, rowspan=2) for h in heads] + [GridCell("未经复议直接起诉", colspan=5), GridCell("复议后起诉", colspan=5)],
        [GridCell(h) for h in heads * 2],
    ]
    values = []
    for group in templates.table4_groups:
        values.extend(GridCell(_text(data.values[group.key][c.key])) for c in templates.table4_columns)
    rows.append(values)
    return rows


_GRIDS = {"table2": _table2, "table3": _table3, "table4": _table4}


def placed(rows: list[list[GridCell]]) -> tuple[list[tuple[int, int, GridCell]], int]:
    """Where each cell sits on the full grid (row, column), and the grid's width."""
    taken: set[tuple[int, int]] = set()
    out = []
    for r, row in enumerate(rows):
        c = 0
        for cell in row:
            while (r, c) in taken:
                c += 1
            out.append((r, c, cell))
            taken.update((r + i, c + j) for i in range(cell.rowspan) for j in range(cell.colspan))
            c += cell.colspan
    return out, max(c for _, c in taken) + 1


# -- pipe rows as Markdown ---------------------------------------------------------------
def markdown_rows(text: str) -> str:
    """`a | b |` → `| a | b |`, empty trailing cells dropped, a |---| rule after the first row
    of every run of table rows: a seed's pipe tables as Markdown."""
    out, previous_was_row = [], False
    for line in text.split("\n"):
        is_row = "|" in line
        if is_row:
            cells = [c.strip() for c in line.split("|")]
            while cells and not cells[-1]:
                cells.pop()
            line = "| " + " | ".join(cells) + " |"
            if not previous_was_row:
                out.extend([line, "|" + "---|" * len(cells)])
                previous_was_row = True
                continue
        previous_was_row = is_row
        out.append(line)
    return "\n".join(out)


# -- a government web page --------------------------------------------------------------
_PAGE_HEAD = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}_政务公开_人民政府门户网站</title>
<link rel="stylesheet" href="/css/common.css">
<style>.article-content p {{ text-indent: 2em; }} td {{ border: 1px solid #000; }}</style>
<script type="text/javascript">
  var siteConfig = {{ "name": "一、总体情况", "html": "<div class='x'>二、主动公开政府信息情况</div>" }};
  if (window.innerWidth < 768) {{ document.write("<p>三、收到和处理政府信息公开申请情况</p>"); }}
</script>
</head>
<body>
<div class="top-bar"><a href="/wza">无障碍</a> | <a href="/zzmb">长者模式</a> | <a href="/en">English</a></div>
<div class="header"><img src="/images/logo.png" alt="人民政府门户网站"><div class="search"><input type="text" placeholder="请输入关键词"><button>搜索</button></div></div>
<div class="nav"><ul>
<li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/zwfw/">政务服务</a></li><li><a href="/hdjl/">互动交流</a></li><li><a href="/zjxx/">走进本市</a></li>
</ul></div>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/ndbg/">政府信息公开年报</a></div>
<div class="main-wrap">
<div class="sidebar"><h3>相关文章</h3><ul>
<li><a href="/a/1.html">2021年政府信息公开工作年度报告</a></li>
<li><a href="/a/2.html">2020年政府信息公开工作年度报告</a></li>
<li><a href="/a/3.html">关于印发政务公开工作要点的通知</a></li>
</ul></div>
<div class="article">
"""
_PAGE_TAIL = """<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a> <a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>
</div>
</div>
<div class="footer">
<p>主办单位：人民政府办公室&nbsp;&nbsp;|&nbsp;&nbsp;网站标识码：5301000001&nbsp;&nbsp;|&nbsp;&nbsp;<a href="https://beian.miit.gov.cn">ICP备12345678号</a></p>
<p>版权所有 &copy; 2023 人民政府 &nbsp; 联系电话：0871-12345678</p>
</div>
<script>var _hmt = _hmt || []; (function() { var hm = document.createElement("script"); hm.src = "/stat.js?id=<p>四、</p>"; })();</script>
</body>
</html>
"""


def _html_cell(cell: GridCell) -> str:
    spans = (f' rowspan="{cell.rowspan}"' if cell.rowspan > 1 else "") + (f' colspan="{cell.colspan}"' if cell.colspan > 1 else "")
    text = "<br>".join(html.escape(part) for part in cell.text.split("\n")) if cell.text else "&nbsp;"
    return f'<td{spans} valign="middle"><p align="center"><span style="font-size:12px">{text}</span></p></td>'


def html_page(report: Report, charset: str = "utf-8", blocks: list[Block] | None = None) -> bytes:
    """The report as a cluttered government web page; `blocks` replace the report's own (a
    variant laid out otherwise: tests/layouts/render.py)."""
    blocks = report_blocks(report) if blocks is None else blocks
    title = next((b.text for b in blocks if b.kind == "title"), "政府信息公开工作年度报告")
    out = [_PAGE_HEAD.format(charset=charset, title=html.escape(title))]
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
                out.append("<tr>" + "".join(_html_cell(cell) for cell in row) + "</tr>\n")
            out.append("</tbody></table>\n")
    out.append("</div>\n")
    out.append(_PAGE_TAIL)
    return "".join(out).encode(charset)


# -- a Word document --------------------------------------------------------------------
def docx_bytes(report: Report) -> bytes:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "政府信息公开工作年度报告（页眉）"
    document.sections[0].footer.paragraphs[0].text = "- 1 -"
    for block in report_blocks(report):
        if block.kind == "title":
            paragraph = document.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run = paragraph.add_run(block.text)
            run.bold, run.font.size = True, Pt(16)
        elif block.kind == "heading":
            document.add_paragraph().add_run(block.text).bold = True
        elif block.kind in ("meta", "para"):
            document.add_paragraph(block.text).paragraph_format.first_line_indent = Pt(24)
            document.add_paragraph("")  # empty paragraphs as spacing, as authors do
        elif block.kind == "table":
            cells, width = placed(block.rows)
            table = document.add_table(rows=len(block.rows), cols=width)
            table.style = "Table Grid"
            for r, c, cell in cells:
                target = table.cell(r, c)
                if cell.rowspan > 1 or cell.colspan > 1:
                    target = target.merge(table.cell(r + cell.rowspan - 1, c + cell.colspan - 1))
                lines = cell.text.split("\n")
                target.paragraphs[0].text = lines[0]
                for line in lines[1:]:
                    target.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# -- a PDF ------------------------------------------------------------------------------
def pdf_bytes(report: Report, table_flow=None) -> bytes:
    """The report as a PDF; `table_flow(block, make_table)` gives the flowables of a table block
    (default: the table kept on one page), `make_table(rows)` builds a ruled table of grid rows."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import KeepTogether, SimpleDocTemplate, Spacer, TableStyle
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

    def make_table(rows):
        cells, width = placed(rows)
        grid = [[""] * width for _ in rows]
        commands = [("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
        for r, c, cell in cells:
            grid[r][c] = Para(html.escape(cell.text).replace("\n", "<br/>"), cell_style)
            if cell.rowspan > 1 or cell.colspan > 1:
                commands.append(("SPAN", (c, r), (c + cell.colspan - 1, r + cell.rowspan - 1)))
        return PdfTable(grid, colWidths=_column_widths(width, A4[0] - 2 * 72), style=TableStyle(commands))

    def kept_together(block, make):
        return [Spacer(1, 6), KeepTogether(make(block.rows)), Spacer(1, 6)]

    flow = []
    for block in report_blocks(report):
        if block.kind != "table":
            flow.append(Para(html.escape(block.text), styles[block.kind]))
            continue
        flow.extend((table_flow or kept_together)(block, make_table))
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4, title="report").build(flow, onFirstPage=furniture, onLaterPages=furniture)
    return buffer.getvalue()


def _column_widths(width: int, usable: float) -> list[float]:
    """Label columns wide enough for the form's long row names; the rest share what is left."""
    labels = {10: [36, 36, 120], 4: [150]}.get(width, [])
    rest = (usable - sum(labels)) / (width - len(labels))
    return labels + [rest] * (width - len(labels))


RENDERERS = {".html": html_page, ".docx": docx_bytes, ".pdf": pdf_bytes}


@lru_cache(maxsize=None)
def rendered(seed_name: str, suffix: str) -> bytes:
    """The bytes of one seed rendered in one format, made once per test session."""
    return RENDERERS[suffix](seed_report(SEEDS / seed_name))


def main(argv: list[str]) -> int:
    out = Path(argv[0] if argv else "rendered-seeds")
    out.mkdir(parents=True, exist_ok=True)
    for path in seed_paths():
        report = seed_report(path)
        for suffix, render in RENDERERS.items():
            (out / (path.stem + suffix)).write_bytes(render(report))
    print(f"wrote {len(seed_paths()) * len(RENDERERS)} files to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

