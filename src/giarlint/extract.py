"""``giarlint extract``: the numbers of every table, as data under canonical keys (rules/tables/*.yaml)."""

from __future__ import annotations

from giarlint.report import Report
from giarlint.tables import TABLE_KEYS


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
    }
