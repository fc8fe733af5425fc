"""cell-values: what a single cell, or one row of table 二, may hold (GIA206–GIA208, GIA210).

Text and blank cells are reported by totals-consistency (GIA205, GIA209); this rule looks at
the numbers themselves and at the 2019 本年增/减 column, which may hold words.
"""

from __future__ import annotations

from giarlint.builtin_rules.naming import TABLE_TITLES, cell_names, column_kind
from giarlint.hookspecs import hookimpl
from giarlint.normalize import fold, fold_width
from giarlint.patterns import lazy
from giarlint.rule import Finding, Rule
from giarlint.tables.values import NUMBER, TEXT

MAX_DECIMALS = 4
AMOUNT_UNIT = "万元"
_CHANGE_IN_WORDS = lazy(r"^\s*([增减])\s*(\d+(?:\.\d+)?)\s*$")
_AMOUNT_WITH_UNIT = lazy(r"^\s*[+-]?[\d,.]+\s*(亿元|万元|千元|百元|元)\s*$")
_HEADER_UNIT = lazy(r"单位\s*[:：]\s*([^,，)）]+)")


def decimals(text: str) -> int:
    compact = fold_width(text).strip()
    return len(compact) - compact.index(".") - 1 if "." in compact else 0


class CellValues(Rule):
    name = "cell-values"
    options: dict = {}  # none: any rule-options entry for it is a mistake

    def check(self, report, context):
        templates = report.templates
        for name, row, column, value in report.cell_values():
            yield from self._cell(name, row, column, value, templates)
        table2 = report.tables.get("table2")
        if table2 is not None:
            yield from self._amount_headers(table2, templates)
            if (table2.format or report.format) == "2021":
                yield from self._valid_documents(table2, templates)

    def _cell(self, table, row, column, value, templates):
        kind = column_kind(table, row, column, templates)
        if value.kind == NUMBER and kind == "count":
            number = value.number
            if number < 0 or (isinstance(number, float) and not number.is_integer()):
                names = cell_names(table, row, column, templates)
                yield Finding("GIA206", value.cell.span, {
                    "table": TABLE_TITLES[table], "row": names[0], "column": names[1], "text": value.text,
                }, "negative" if number < 0 else "fraction", cells=((f"{table}.{row}.{column}",),))
        elif kind == "change" and value.kind == TEXT:
            names = cell_names(table, row, column, templates)
            args = {"table": TABLE_TITLES[table], "row": names[0], "text": value.text}
            cells = ((f"{table}.{row}.{column}",),)
            match = _CHANGE_IN_WORDS.match(fold_width(value.text))
            if match:
                sign = "+" if match.group(1) == "增" else "-"
                yield Finding("GIA207", value.cell.span, dict(args, signed=f"{sign}{match.group(2)}"), cells=cells)
            else:
                yield Finding("GIA207", value.cell.span, args, "text", cells=cells)
        elif kind == "amount":
            if value.kind == NUMBER and decimals(value.text) > MAX_DECIMALS:
                names = cell_names(table, row, column, templates)
                yield Finding("GIA208", value.cell.span, {
                    "table": TABLE_TITLES[table], "row": names[0], "text": value.text,
                    "decimals": decimals(value.text), "maximum": MAX_DECIMALS,
                }, cells=((f"{table}.{row}.{column}",),))
            elif value.kind == TEXT:
                match = _AMOUNT_WITH_UNIT.match(fold_width(value.text))
                if match and match.group(1) != AMOUNT_UNIT:
                    names = cell_names(table, row, column, templates)
                    yield Finding("GIA208", value.cell.span, {
                        "table": TABLE_TITLES[table], "row": names[0], "text": value.text, "unit": match.group(1),
                    }, "unit", cells=((f"{table}.{row}.{column}",),))

    @staticmethod
    def _amount_headers(table2, templates):
        """An amount column's header that states a unit other than 万元 (单位：元)."""
        amount_words = tuple(
            word
            for fmt in templates.table2.values()
            for block in fmt.blocks
            for column in block.columns
            if column.kind == "amount"
            for word in column.match
        )
        for cell in table2.header:
            folded = fold(cell.text)
            if not any(word in folded for word in amount_words):
                continue
            match = _HEADER_UNIT.search(folded)
            if match and match.group(1) != AMOUNT_UNIT:
                yield Finding("GIA208", cell.span, {"text": cell.text, "unit": match.group(1)}, "header_unit")

    @staticmethod
    def _valid_documents(table2, templates):
        """现行有效件数 ≥ 本年制发件数 − 本年废止件数 (what was made this year and not repealed is still valid)."""
        rule = templates.table2_identities.get("valid_at_least", {})
        for row, cells in table2.values.items():
            made, repealed, valid = (cells.get(rule.get(k, k)) for k in ("made", "repealed", "valid"))
            if any(v is None or v.kind != NUMBER for v in (made, repealed, valid)):
                continue
            if valid.number < made.number - repealed.number:
                row_name, _ = cell_names("table2", row, "valid", templates)
                yield Finding("GIA210", valid.cell.span, {
                    "row": row_name, "valid": valid.number, "made": made.number, "repealed": repealed.number,
                    "difference": made.number - repealed.number,
                }, cells=(tuple(f"table2.{row}.{rule.get(k, k)}" for k in ("valid", "made", "repealed")),))


@hookimpl
def giarlint_rules():
    return [CellValues()]
