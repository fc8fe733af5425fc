"""cross-year: one agency's consecutive reports must agree with each other (GIA601 carry-over,
GIA602 stock of documents) and each year's text should be written anew (GIA603).

A report-set rule: it receives every report of a run and pairs reports of the same agency
(title agency, folded) whose years follow each other.
"""

from __future__ import annotations

import re
from collections import defaultdict

from giarlint.builtin_rules.naming import cell_names
from giarlint.hookspecs import hookimpl
from giarlint.normalize import fold
from giarlint.rule import Finding, ReportSetRule
from giarlint.tree import Span
from giarlint.values import NUMBER

SHINGLE = 8  # characters per fragment compared by GIA603
MIN_SHINGLES = 100  # shorter texts are not compared: too little to judge
DEFAULT_THRESHOLD = 0.9
_DIGITS = re.compile(r"\d+(?:\.\d+)?")
STOCK_ROWS = ("regulations", "normative_documents")


def agency_key(report) -> str | None:
    agency = report.facts.agency
    return fold(str(agency.value)) if agency is not None else None


def consecutive_pairs(reports) -> list[tuple[object, object]]:
    """(previous, current) reports of one agency whose years follow each other. A year with
    two reports of the same agency is ambiguous and left out."""
    by_agency: dict[str, dict[int, list]] = defaultdict(lambda: defaultdict(list))
    for report in reports:
        key, year = agency_key(report), report.year
        if key and year is not None:
            by_agency[key][year].append(report)
    pairs = []
    for years in by_agency.values():
        for year in sorted(years):
            previous, current = years.get(year - 1), years[year]
            if previous and len(previous) == 1 and len(current) == 1:
                pairs.append((previous[0], current[0]))
    return pairs


def _number(table, row: str, column: str):
    value = table.value(row, column) if table is not None else None
    return value if value is not None and value.kind == NUMBER else None


def shingles(report) -> set[str]:
    """Fragments of the prose (tables, headings and the title left out); numbers are masked,
    so a text copied with new figures still counts as copied."""
    title = report.document.title
    found: set[str] = set()
    for paragraph in report.document.paragraphs():
        if paragraph is title or paragraph.kind == "metadata":
            continue
        text = _DIGITS.sub("#", fold(paragraph.text))
        found.update(text[i : i + SHINGLE] for i in range(len(text) - SHINGLE + 1))
    return found


class CrossYear(ReportSetRule):
    name = "cross-year"

    def check_set(self, reports, context):
        threshold = float(context.option("similarity-threshold", DEFAULT_THRESHOLD))
        if not 0 < threshold <= 1:
            raise ValueError(f"cross-year: similarity-threshold must be in (0, 1], got {threshold}")
        for previous, current in consecutive_pairs(reports):
            yield from self._carry_over(previous, current)
            yield from self._stock(previous, current)
            yield from self._similar(previous, current, threshold)

    def _carry_over(self, previous, current):
        before, now = previous.tables.get("table3"), current.tables.get("table3")
        if before is None or now is None:
            return
        differing = []
        for column in now.values.get("carried_over", {}):
            carried, forward = _number(now, "carried_over", column), _number(before, "carried_forward", column)
            if carried is not None and forward is not None and carried.number != forward.number:
                differing.append((column, carried, forward))
        applicants = [d for d in differing if d[0] != "total"]
        for column, carried, forward in applicants or differing:  # a wrong total follows from a wrong column
            _, column_name = cell_names("table3", "carried_over", column)
            yield Finding("GIA601", carried.cell.span, {
                "column": column_name, "value": carried.number, "year": current.year,
                "previous": forward.number, "previous_year": previous.year, "previous_path": previous.path,
            }, path=current.path)

    def _stock(self, previous, current):
        before, now = previous.tables.get("table2"), current.tables.get("table2")
        if before is None or now is None:
            return
        for row in STOCK_ROWS:
            valid, made, repealed = (_number(now, row, c) for c in ("valid", "made", "repealed"))
            last_valid = _number(before, row, "valid")
            if None in (valid, made, repealed, last_valid):
                continue
            expected = last_valid.number + made.number - repealed.number
            if valid.number != expected:
                row_name, _ = cell_names("table2", row, "valid")
                yield Finding("GIA602", valid.cell.span, {
                    "row": row_name, "value": valid.number, "expected": expected, "previous": last_valid.number,
                    "made": made.number, "repealed": repealed.number, "previous_year": previous.year,
                    "previous_path": previous.path,
                }, path=current.path)

    def _similar(self, previous, current, threshold: float):
        now = shingles(current)
        if len(now) < MIN_SHINGLES:
            return
        shared = len(now & shingles(previous)) / len(now)
        if shared >= threshold:
            yield Finding("GIA603", _where(current), {
                "percent": round(shared * 100), "previous_year": previous.year, "previous_path": previous.path,
                "threshold": round(threshold * 100), "size": SHINGLE,
            }, path=current.path)


def _where(report) -> Span:
    if report.document.title is not None:
        return report.document.title.span
    if report.document.sections:
        return report.document.sections[0].heading.span
    return Span(1, 1, 1, 1)


@hookimpl
def giarlint_report_set_rules():
    return [CrossYear()]
