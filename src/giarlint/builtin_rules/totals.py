"""totals-consistency: the arithmetic identities of tables 三 and 四 (GIA201–GIA204), and the
cells that cannot take part in them (GIA205 text, GIA209 blank or not-applicable)."""

from __future__ import annotations

from fnmatch import fnmatch
from functools import lru_cache

from giarlint.builtin_rules.naming import TABLE_TITLES, cell_names, column_kind
from giarlint.hookspecs import hookimpl
from giarlint.messages import Localized
from giarlint.rule import Finding, Rule
from giarlint.tables.templates import table3_rows_of
from giarlint.tables.values import BLANK, NOT_APPLICABLE, NUMBER, TEXT, Value


def _numbers(values: list[Value | None]) -> list[float] | None:
    """The numbers of all `values`, or None when any is missing or not a number (then skip)."""
    if any(v is None or v.kind != NUMBER for v in values):
        return None
    return [v.number for v in values]  # type: ignore[misc]


def _wrong_total(cells: dict[str, Value], parts: list[str], total: str) -> tuple[Value, float] | None:
    """(total cell, sum of the parts) of a row or group whose total is not the sum of its parts;
    None when it is, or when a cell is missing or not a number (then the check is skipped)."""
    numbers = _numbers([cells.get(key) for key in parts])
    total_value = cells.get(total)
    if numbers is None or total_value is None or total_value.kind != NUMBER or sum(numbers) == total_value.number:
        return None
    return total_value, sum(numbers)


def _sides(table: str, left, right) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """`Finding.cells` of an identity: the keys of its two sides' (row, column) cells, the side of
    the cell the finding points at first (that cell first)."""
    return tuple(f"{table}.{row}.{column}" for row, column in left), tuple(f"{table}.{row}.{column}" for row, column in right)


@lru_cache(maxsize=16)
def _result_rows(rows, patterns: tuple[str, ...], format_name: str | None) -> list[str]:
    """The keys of the handling-result rows of table 三 in a format (memoised per template)."""
    return [row.key for row in table3_rows_of(rows, format_name) if any(fnmatch(row.key, p) for p in patterns)]


class TotalsConsistency(Rule):
    name = "totals-consistency"
    options: dict = {}  # none: any rule-options entry for it is a mistake

    def check(self, report, context):
        templates = report.templates
        yield from self._unusable_cells(report, templates)
        table3 = report.tables.get("table3")
        if table3 is not None:
            yield from self._table3(table3, templates, table3.format or report.format)
        table4 = report.tables.get("table4")
        if table4 is not None:
            yield from self._table4(table4, templates)

    def _unusable_cells(self, report, templates):
        """Text cells one by one (GIA205); blank or not-applicable cells (GIA209) once per
        table, naming the first row's columns and how many rows there are: a form filled with
        blanks for 0 is one finding, not one per row (a published report had 26)."""
        blanks: dict[tuple[str, str], dict[str, list]] = {}
        for name, row, column, value in report.cell_values():
            if value.kind == TEXT and column_kind(name, row, column, templates) != "change":
                row_name, column_name = cell_names(name, row, column, templates)
                yield Finding("GIA205", value.cell.span, {
                    "table": TABLE_TITLES[name], "row": row_name, "column": column_name, "text": value.text,
                }, cells=((f"{name}.{row}.{column}",),))
            elif value.kind in (BLANK, NOT_APPLICABLE):
                variant = "blank" if value.kind == BLANK else "default"
                blanks.setdefault((name, variant), {}).setdefault(row, []).append((column, value))
        for (name, variant), rows in blanks.items():
            row, cells = next(iter(rows.items()))
            names = [cell_names(name, row, column, templates) for column, _ in cells]
            columns = Localized("、".join(n[1].zh for n in names), ", ".join(n[1].en for n in names))
            first, last = cells[0][1].cell.span, cells[-1][1].cell.span
            span = first if last.line != first.line else first._replace(end_column=last.end_column)
            keys = tuple(f"{name}.{key}.{column}" for key, row_cells in rows.items() for column, _ in row_cells)
            yield Finding("GIA209", span, {
                "table": TABLE_TITLES[name], "row": names[0][0], "column": columns, "text": cells[0][1].text,
                "count": len(cells), "rows": len(rows), "cells": len(keys),
            }, variant if len(rows) == 1 else f"{variant}_rows", cells=(keys,))

    def _table3(self, table, templates, format_name):
        ids = templates.table3_identities
        columns = [c.key for c in templates.table3_columns]
        row_total = ids["row_total"]
        for row, cells in table.values.items():
            if row in table.reading.by_identity:
                continue  # split by this very identity: it proves nothing here
            wrong = _wrong_total(cells, row_total["parts"], row_total["total"])
            if wrong is not None:
                total, parts = wrong
                row_name, _ = cell_names("table3", row, "total", templates)
                yield Finding("GIA201", total.cell.span, {"row": row_name, "total": total.number, "parts": parts},
                              cells=_sides("table3", [(row, row_total["total"])], [(row, p) for p in row_total["parts"]]))
        balance = ids["balance"]
        results = ids["results"]
        # every result row the form has: one that could not be read makes the sum unknown
        result_rows = _result_rows(templates.table3_rows, tuple(results["parts"]), format_name)
        for column in columns:
            _, column_name = cell_names("table3", "total", column, templates)
            left = _numbers([table.value(r, column) for r in balance["left"]])
            right = _numbers([table.value(r, column) for r in balance["right"]])
            if left is not None and right is not None and sum(left) != sum(right):
                anchor = table.value(balance["right"][0], column)
                yield Finding("GIA202", anchor.cell.span, {
                    "column": column_name, "new": left[0], "carried": left[1], "left": sum(left),
                    "total": right[0], "forward": right[1], "right": sum(right),
                }, cells=_sides("table3", [(r, column) for r in balance["right"]], [(r, column) for r in balance["left"]]))
            total = table.value(results["total"], column)
            parts = _numbers([table.value(r, column) for r in result_rows])
            if total is not None and total.kind == NUMBER and parts is not None and result_rows and sum(parts) != total.number:
                yield Finding("GIA203", total.cell.span, {"column": column_name, "total": total.number, "parts": sum(parts)},
                              cells=_sides("table3", [(results["total"], column)], [(r, column) for r in result_rows]))

    def _table4(self, table, templates):
        identity = templates.table4_identities["group_total"]
        for group, cells in table.values.items():
            if group in table.reading.by_identity:
                continue
            wrong = _wrong_total(cells, identity["parts"], identity["total"])
            if wrong is not None:
                total, parts = wrong
                group_name, _ = cell_names("table4", group, "total", templates)
                yield Finding("GIA204", total.cell.span, {"group": group_name, "total": total.number, "parts": parts},
                              cells=_sides("table4", [(group, identity["total"])], [(group, p) for p in identity["parts"]]))


@hookimpl
def giarlint_rules():
    return [TotalsConsistency()]
