"""Chinese and English names of tables, rows and columns for messages, taken from the templates."""

from __future__ import annotations

from functools import lru_cache

from giarlint.messages import Localized
from giarlint.tables.templates import Label, Templates, load_templates

TABLE_TITLES = {
    "table2": Localized("表二", "table 2"),
    "table3": Localized("表三", "table 3"),
    "table4": Localized("表四", "table 4"),
}


def _name(label: Label) -> Localized:
    return Localized(label.short, label.en)


def cell_names(table: str, row: str, column: str, templates: Templates | None = None) -> tuple[Localized, Localized]:
    """The (row, column) names of a cell for messages, from the templates the report was read
    with (the built-in ones are memoised)."""
    if templates is None or templates is load_templates():
        return _builtin_cell_names(table, row, column)
    return _cell_names(table, row, column, templates)


@lru_cache(maxsize=1024)
def _builtin_cell_names(table: str, row: str, column: str) -> tuple[Localized, Localized]:
    return _cell_names(table, row, column, load_templates())


def _cell_names(table: str, row: str, column: str, templates: Templates) -> tuple[Localized, Localized]:
    if table == "table3":
        row_label = templates.table3_row(row)
        col_label = templates.table3_column(column)
        return (_name(row_label) if row_label else Localized(row, row),
                _name(col_label) if col_label else Localized(column, column))
    if table == "table4":
        group = next((g for g in templates.table4_groups if g.key == row), None)
        col = next((c for c in templates.table4_columns if c.key == column), None)
        return (_name(group) if group else Localized(row, row), _name(col) if col else Localized(column, column))
    for fmt in templates.table2.values():
        for block in fmt.blocks:
            for row_label in block.rows:
                if row_label.key == row:
                    col = next((c for c in block.columns if c.key == column), None)
                    return _name(row_label), (_name(col) if col else Localized(column, column))
    return Localized(row, row), Localized(column, column)


def column_kind(table: str, row: str, column: str, templates: Templates | None = None) -> str:
    """``count``, ``amount`` or ``change``: what a table cell should hold."""
    if table != "table2":
        return "count"
    if templates is None or templates is load_templates():
        return _builtin_column_kind(row, column)
    return _column_kind(row, column, templates)


@lru_cache(maxsize=256)
def _builtin_column_kind(row: str, column: str) -> str:
    return _column_kind(row, column, load_templates())


def _column_kind(row: str, column: str, templates: Templates) -> str:
    for fmt in templates.table2.values():
        for block in fmt.blocks:
            if any(r.key == row for r in block.rows):
                for col in block.columns:
                    if col.key == column:
                        return col.kind
    return "count"
