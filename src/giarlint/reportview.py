"""A report as plain data for output formats that show more than diagnostics (``html``): its
metadata, sections, and each table as read — the template's layout (canonical keys and labels),
every value by key with its kind, the rows not read and why.

Built by the linter only when the chosen formatter asks for it (a formatter with
``needs_reports = True``), so other formats pay nothing; plain dicts and lists, so it pickles
from worker processes and serialises as JSON. Positions are those of the file the diagnostics
point into (a reader's converted text is relocated into the original).
"""

from __future__ import annotations

from giarlint.messages import Localized, format_number
from giarlint.tables import TABLE_KEYS
from giarlint.tables.fitting import Reason
from giarlint.tables.templates import Label, table3_rows_of
from giarlint.tables.values import NUMBER

REASONS = {
    Reason.NOT_FOUND: Localized("找不到行标签", "label not found"),
    Reason.TOO_FEW: Localized("{found} 个单元格对应 {width} 列", "{found} cells for {width} columns"),
    Reason.TOO_MANY: Localized("{found} 个单元格对应 {width} 列", "{found} cells for {width} columns"),
    Reason.AMBIGUOUS: Localized("空白单元格无法确定属于哪一列", "a blank cell could stand in more than one column"),
    Reason.GLUED: Localized("数字连在一起，无法唯一拆分", "digits run together with no single split"),
    Reason.UNCONFIRMED: Localized("数字连在一起，按本行合计可拆分，但表的列合计不成立，无法确认",
                                  "digits run together; split by the row's sum, but the table's columns do not add up to confirm it"),
    Reason.OUT_OF_ORDER: Localized("按印出的顺序合计不成立、换一种顺序却成立，无法确定各数值属于哪一列",
                                   "the sum fails in the printed order but holds in another: which value is in which column is not known"),
}


LAYOUTS = {
    "cells": Localized("分隔符表格", "cells with separators"), "tab": Localized("制表符表格", "tab-separated cells"),
    "box": Localized("框线表格", "box-drawn cells"), "cell-per-line": Localized("每行一个单元格", "one cell per line"),
    "one-per-line": Localized("每行一个单元格", "one cell per line"), "aligned": Localized("空格对齐文本", "space-aligned text"),
    "glued": Localized("数字连写的文本", "text with digits run together"), "no-values": Localized("无数值", "no values"),
    "columns": Localized("先列标签、后按列列数字", "labels first, then the numbers column by column"),
}


def layout_name(layout: str) -> Localized:
    """The layout a table was recognised in, for people."""
    return LAYOUTS.get(layout, Localized(layout, layout))


def reason_text(unread) -> Localized:
    """Why a row was not read, in both languages (GIA003's words)."""
    template = REASONS[unread.reason]
    return Localized(template.zh.format(found=unread.found, width=unread.width),
                     template.en.format(found=unread.found, width=unread.width))


def _label(label: Label, short: bool = False) -> dict:
    return {"key": label.key, "zh": label.short if short else label.label, "en": label.en, "short": label.short}


def _layout(name: str, table, templates, format_name: str | None) -> dict:
    """The official form's grid: table 二 as blocks, 三 as rows (with group captions) × columns,
    四 as groups × columns."""
    if name == "table2":
        spec = templates.table2.get(table.format or format_name or "") or next(iter(templates.table2.values()))
        return {"blocks": [{"item": block.item, "columns": [_label(c) for c in block.columns],
                            "rows": [_label(r) for r in block.rows]} for block in spec.blocks]}
    if name == "table3":
        fmt = table.format or format_name
        data_rows = {row.key for row in table3_rows_of(templates.table3_rows, fmt)}
        rows = []  # group: the caption a row opens; group_of: the caption it is under (the form's nesting)
        for row in templates.table3_rows:
            if row.key in data_rows:
                rows.append({**_label(row), "group_of": row.group_of})
            elif row.group is not None:  # a caption such as 三、本年度办理结果
                rows.append({"key": None, "zh": row.label, "en": row.en,
                             "group": row.group, "group_of": row.group_of})
        return {"rows": rows, "columns": [_label(c, short=True) for c in templates.table3_columns]}
    return {"groups": [_label(g) for g in templates.table4_groups],
            "columns": [_label(c) for c in templates.table4_columns]}


def _value(value) -> list:
    """[kind, text]: the number as printed by messages, or the cell's own text."""
    return [value.kind, format_number(value.number) if value.kind == NUMBER else value.text]


def table_view(name: str, table, templates, format_name: str | None) -> dict:
    reading = table.reading
    return {
        "verdict": reading.verdict,
        "layout": reading.layout,
        "layout_name": list(layout_name(reading.layout)),
        "format": table.format,
        "grid": _layout(name, table, templates, format_name),
        "values": {f"{name}.{row}.{column}": _value(value)
                   for row, columns in table.values.items() for column, value in columns.items()},
        "unread": [{"row": u.row, "why": list(reason_text(u))} for u in reading.unread],
        "missing": [u.row for u in reading.missing],
    }


def report_view(report, converted=None) -> dict:
    """The plain-data view of a built `Report`; `converted` (a reader's `ConvertedSource`)
    relocates section lines into the original file; for Word and PDF, whose diagnostics point
    into the converted text, that text is included."""
    facts = report.facts

    def line_of(span) -> int:
        return converted.locate(span)[0].line if converted is not None else span.line

    title = report.document.title
    return {
        "path": report.path,
        "source": converted.kind if converted is not None else "text",
        # Word and PDF: diagnostics point into the converted text, which is not on disk
        "text": converted.text if converted is not None and converted.positions is None else None,
        "title": title.text if title is not None else None,
        "year": report.year,
        "agency": facts.agency.value if facts.agency else None,
        "format": report.format,
        "publication_date": facts.publication_date.value.isoformat() if facts.publication_date else None,
        "sections": [{"title": f"{s.heading.ordinal_text}{s.heading.separator}{s.heading.title}",
                      "line": line_of(s.heading.span)} for s in report.document.sections],
        "tables": {name: table_view(name, report.tables[name], report.templates, report.format)
                   for name in TABLE_KEYS if name in report.tables},
    }
