"""``giarlint extract``: the numbers of every table, as data under canonical keys (rules/tables/*.yaml),
and how each table was read (its verdict, layout and unread rows), so that a researcher knows
which numbers to trust."""

from __future__ import annotations

from giarlint.messages import format_number
from giarlint.report import Report
from giarlint.tables import TABLE_KEYS

RECORD_COLUMNS = ("path", "year", "agency", "format", "publication_date")
READING_COLUMNS = tuple(f"{name}.reading" for name in TABLE_KEYS)  # CSV: each table's verdict


def report_record(report: Report) -> dict:
    facts = report.facts
    published = facts.publication_date
    return {
        "path": report.path,
        "year": report.year,
        "agency": facts.agency.value if facts.agency else None,
        "format": report.format,
        "publication_date": published.value.isoformat() if published else None,
        "tables": {name: report.tables[name].as_json() if name in report.tables else None for name in TABLE_KEYS},
        "reading": {name: report.tables[name].reading.as_json() if name in report.tables else None
                    for name in TABLE_KEYS},
    }


def table_columns(templates) -> list[str]:
    """Flattened keys (``table3.granted.total``) in template order: both table 二 formats, then 三, then 四."""
    keys = [
        f"table2.{row.key}.{column.key}"
        for spec in templates.table2.values()
        for block in spec.blocks
        for row in block.rows
        for column in block.columns
    ]
    keys += [f"table3.{row.key}.{column.key}" for row in templates.table3_rows if row.key
             for column in templates.table3_columns]
    keys += [f"table4.{group.key}.{column.key}" for group in templates.table4_groups
             for column in templates.table4_columns]
    return list(dict.fromkeys(keys))


def flatten(record: dict) -> dict:
    row = {name: record[name] for name in RECORD_COLUMNS}
    for name, reading in record["reading"].items():
        row[f"{name}.reading"] = reading["verdict"] if reading else None
    for table, rows in record["tables"].items():
        for key, columns in (rows or {}).items():
            for column, value in columns.items():
                row[f"{table}.{key}.{column}"] = value
    return row


def _cell(value) -> str:
    if value is None:
        return ""
    return format_number(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else str(value)


def write_csv(records: list[dict], templates, stream) -> None:
    """One row per report; a key found in no template (a plugin's table) is appended, sorted."""
    import csv

    rows = [flatten(record) for record in records]
    columns = list(RECORD_COLUMNS) + list(READING_COLUMNS) + table_columns(templates)
    known = set(columns)
    columns += sorted({key for row in rows for key in row} - known)
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(column)) for column in columns])
