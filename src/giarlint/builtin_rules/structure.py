"""document-structure: the title, and whether the three tables have the rows, columns and
layout the national template prescribes (GIA101, GIA102, GIA107–GIA112)."""

from __future__ import annotations

import re

from giarlint.builtin_rules.locate import first_line, sections_by_number
from giarlint.builtin_rules.naming import TABLE_TITLES
from giarlint.data import rules_data
from giarlint.hookspecs import hookimpl
from giarlint.normalize import fold, fold_width
from giarlint.patterns import lazy
from giarlint.rule import Finding, Rule
from giarlint.tables.reader import wrong_cell_count
from giarlint.tables.templates import format_for_year, table3_rows_of
from giarlint.tree import Span

_ARABIC_YEAR = lazy(r"(?:19|20)\d\d\s*年")
_CHINESE_YEAR = lazy(r"[〇○零一二三四五六七八九]{4}\s*年")
_TITLE_WORDS = "政府信息公开工作年度报告"
_SENTENCE_MARKS = frozenset("。；;，,：:")
_SECTION_TABLES = {2: "table2", 3: "table3", 4: "table4"}
_NUMERALS = "一二三四五六七八九十"


class DocumentStructure(Rule):
    name = "document-structure"
    options: dict = {}  # none: any rule-options entry for it is a mistake

    def check(self, report, context):
        yield from self._title(report)
        yield from self._missing_tables(report)
        templates = report.templates
        yield from self._misspelt_labels(report, templates)
        table3 = report.tables.get("table3")
        if table3 is not None and table3.read:
            yield from self._table3_rows(report, table3, templates)
            yield from self._table3_columns(report, table3, templates)
        yield from self._layout_format(report, templates)
        yield from self._table2_rows(report, templates)
        table4 = report.tables.get("table4")
        if table4 is not None and wrong_cell_count(table4):
            unread = table4.reading.unread[0]
            yield Finding("GIA111", unread.span, {"found": unread.found, "expected": unread.width})

    # -- title -------------------------------------------------------------------------
    def _title(self, report):
        title = report.document.title
        if title is None:
            yield Finding("GIA101", first_line(report), {"words": _TITLE_WORDS})
            return
        text = fold_width(title.text)
        quoted = " ".join(title.text.split())  # as it reads: blanked markup is no run of spaces
        year = _ARABIC_YEAR.search(text) or _CHINESE_YEAR.search(text)
        if year is None:
            yield Finding("GIA101", title.span, {"title": quoted, "words": _TITLE_WORDS}, "no_year")
        agency = self._agency(report, text, year)
        if not agency:
            yield Finding("GIA102", title.span, {"title": quoted}, "no_agency")
        elif not has_locality(agency):
            yield Finding("GIA102", title.span, {"title": quoted, "agency": agency})

    @staticmethod
    def _agency(report, title_text: str, year: re.Match | None) -> str:
        """The agency named before the year, else between the year and the report words
        ("2022年某某局政府信息公开…"); a title printed as two lines (agency, then
        "2020年政府信息公开…") takes the agency from the line above."""
        if year is not None:
            before = title_text[: year.start()].strip()
            after = fold(title_text[year.end() :]).removeprefix("度")
            agency = before or after[: max(after.find(_TITLE_WORDS), 0)]
        else:
            folded = fold(title_text)
            agency = folded[: max(folded.find(_TITLE_WORDS), 0)]
        if agency:
            return agency
        preamble = report.document.preamble
        title = report.document.title
        index = next((i for i, block in enumerate(preamble) if block.span.line == title.span.line), 0)
        if index:
            above = preamble[index - 1]
            text = getattr(above, "text", "")
            if above.span.line == title.span.line - 1 and text and len(text) <= 30 and _SENTENCE_MARKS.isdisjoint(text):
                return text.strip()
        return ""

    # -- tables present ------------------------------------------------------------------
    def _missing_tables(self, report):
        for number, section in sorted(sections_by_number(report).items()):
            table = _SECTION_TABLES.get(number)
            if table is None or table in report.tables:
                continue
            heading = section.heading
            args = {"section": f"{heading.ordinal_text}、{heading.title}", "table": TABLE_TITLES[table]}
            written = section.tables()
            if written:  # rows of cells the locator did not take for the table: said, not passed over
                if any(char.isdigit() for block in written for cell in block.cells() for char in cell.text):
                    start = written[0].span
                    yield Finding("GIA107", start._replace(end_line=start.line, end_column=start.column), args,
                                  "unrecognised")
                continue
            placeholder = next((p for p in section.paragraphs() if p.text.strip() == _TABLE_PLACEHOLDER), None)
            if placeholder is not None:  # the table is in the file, not in the text a converter made of it
                yield Finding("GIA107", placeholder.span, args, "placeholder")
            else:
                yield Finding("GIA107", heading.span, args)

    # -- table 三 rows and columns -----------------------------------------------------
    def _table3_rows(self, report, table3, templates):
        """Rows missing from a table otherwise read (GIA108)."""
        format_name = table3.format or report.format
        expected = table3_rows_of(templates.table3_rows, format_name)
        for missing in table3.reading.missing:
            row = templates.table3_row(missing.row)
            span = self._where_row_belongs(table3, expected, missing.row) or table3.span
            yield Finding("GIA108", span, {
                "row": row.short if row else missing.row, "format": format_name, "expected": len(expected),
                "found": len(table3.row_labels),
            }, "default" if format_name else "unknown_format")

    @staticmethod
    def _misspelt_labels(report, templates):
        """Row labels found only by their likeness to the template's (GIA113)."""
        for name in ("table2", "table3"):
            table = report.tables.get(name)
            if table is None or not table.read:
                continue  # a table not read is its GIA003 alone
            for key, label in table.reading.misspelt:
                row = templates.table3_row(key) if name == "table3" else _table2_row(templates, table, key)
                yield Finding("GIA113", label.span, {
                    "table": TABLE_TITLES[name], "text": label.text, "canonical": row.label if row else key,
                })

    @staticmethod
    def _where_row_belongs(table3, expected, key) -> Span | None:
        """The label of the first present row after the missing one."""
        keys = [row.key for row in expected]
        if key not in keys:
            return None
        for later in keys[keys.index(key) + 1 :]:
            if later in table3.row_labels:
                return table3.row_labels[later].span
        return None

    @staticmethod
    def _table3_columns(report, table3, templates):
        header = table3.header
        folded = [fold(cell.text) for cell in header]
        wrapped = len({cell.span.line for cell in header}) > 1  # printed over several lines by the tool
        for index, (cell, text) in enumerate(zip(header, folded)):
            for column in templates.table3_columns:
                if text in column.truncated:
                    following = folded[index + 1] if index + 1 < len(folded) else ""
                    if column.matches(text + following):
                        continue  # a header wrapped over two cells ("商業" / "企業")
                    if wrapped and _in_other_cells(column.label, folded, index):
                        continue  # "商业 企" above "业": a PDF's narrow column, not the report's wording
                    yield Finding("GIA109", cell.span, {"text": cell.text, "canonical": column.label}, "truncated",
                                  fix=_relabel(report, cell, column.label))
                elif column.matches(text) and text != fold(column.label) and _names_one_column(text, templates):
                    if wrapped and _in_other_cells(column.label, folded, index):
                        continue  # "社会" above "公益组织"
                    yield Finding("GIA109", cell.span, {"text": cell.text, "canonical": column.label},
                                  fix=_relabel(report, cell, column.label))

    # -- layout format vs year -----------------------------------------------------------
    def _layout_format(self, report, templates):
        year = report.year
        if year is None or year < 2019:
            return
        expected = format_for_year(year)
        for name in ("table2", "table3"):
            table = report.tables.get(name)
            if table is None or not table.read or table.format is None or table.format == expected:
                continue
            span = self._format_evidence(table, templates) or table.span
            yield Finding("GIA110", span, {
                "table": TABLE_TITLES[name], "layout": table.format, "year": year, "expected": expected,
            })

    @staticmethod
    def _format_evidence(table, templates) -> Span | None:
        """The cell that shows the table's format: a 2019/2021 column header of table 二, the
        （六）其他处理 labels of table 三."""
        if table.name == "table2":
            words = templates.table2[table.format].discriminators
            return next((c.span for c in table.header if any(w in fold(c.text) for w in words)), None)
        keys = ["other"] if table.format == "2019" else [k for k in table.row_order if k.startswith("other.")]
        return next((table.row_labels[k].span for k in keys if k in table.row_labels), None)

    # -- table 二 rows missing from a table otherwise read ------------------------------------
    def _table2_rows(self, report, templates):
        table2 = report.tables.get("table2")
        if table2 is None or not table2.read or not table2.reading.missing:
            return
        fmt = templates.table2.get(table2.format or report.format or "2021")
        if fmt is None:
            return
        start = Span(table2.span.line, table2.span.column, table2.span.line,
                     len(report.line_text(table2.span.line)) + 1)
        missing = {m.row for m in table2.reading.missing}
        for block in fmt.blocks:
            absent = [row for row in block.rows if row.key in missing]
            if not absent:
                continue
            caption = f"第二十条第（{_NUMERALS[block.item - 1]}）项"
            present = [table2.row_labels[r.key] for r in block.rows if r.key in table2.row_labels]
            if not present:
                yield Finding("GIA112", start, {"block": caption}, "block")
                continue
            for row in absent:  # at the block's rows that are there
                yield Finding("GIA112", present[-1].span, {"block": caption, "row": row.label})


def _table2_row(templates, table, key):
    fmt = templates.table2.get(table.format or "2021") or next(iter(templates.table2.values()))
    return next((row for block in fmt.blocks for row in block.rows if row.key == key), None)


def _relabel(report, cell, label: str) -> tuple | None:
    """The edit that writes a header cell as the form does: only a one-line cell whose text is
    where its span says (``--fix`` then checks that every table reads the same numbers)."""
    span = cell.span
    if span.line != span.end_line or report.line_text(span.line)[span.column - 1 : span.end_column - 1] != cell.text:
        return None
    return ((span.line, span.column, span.end_line, span.end_column, label),)


_TABLE_PLACEHOLDER = "[TABLE]"  # what pandoc's plain text writes for a table it cannot lay out


def _in_other_cells(label: str, folded: list[str], index: int) -> bool:
    """Whether what header cell `index` lacks of `label` is made of whole other cells of the
    header, in order of the label: the pieces a tool printed on the lines above or below."""
    rest = fold(label).replace(folded[index], "", 1)
    if not rest:
        return False
    pieces = {text for position, text in enumerate(folded) if position != index and text}

    def made(remaining: str, depth: int) -> bool:
        return not remaining or depth < 4 and any(
            remaining.startswith(piece) and made(remaining[len(piece):], depth + 1) for piece in pieces)

    return made(rest, 0)


def _names_one_column(text: str, templates) -> bool:
    """A header cell naming several columns is headers run together (text of a stripped web
    page), not one column's header written differently."""
    return sum(any(word in text for word in column.match + column.exact + column.truncated)
               for column in templates.table3_columns) == 1


def has_locality(agency: str) -> bool:
    """True when a place name (…省/市/县/区/…) precedes the agency's own name, or the agency is
    one of the central government's, which has none."""
    places = rules_data("lexicon/places")
    name = fold(agency)
    if name.startswith(tuple(places["national_prefixes"])) or name.endswith(tuple(places["national_suffixes"])):
        return True
    for suffix in places["locality_suffixes"]:
        position = name.find(suffix, 1)
        if position >= 1 and len(name) - position - len(suffix) >= 2:
            return True
    return False


@hookimpl
def giarlint_rules():
    return [DocumentStructure()]
