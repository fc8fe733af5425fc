"""cross-year: one agency's consecutive reports must agree with each other (GIA601 carry-over,
GIA602 stock of documents) and each year's text should be written anew (GIA603).

A report-set rule: each report is summarized where it is built (`Summary`: the table numbers
compared and a fingerprint of the prose), and the summaries of a run are paired by agency
(title agency, folded) when their years follow each other.
"""

from __future__ import annotations

import zlib
from array import array
from collections import defaultdict
from typing import NamedTuple

from giarlint.builtin_rules.naming import cell_names
from giarlint.hookspecs import hookimpl
from giarlint.normalize import fold
from giarlint.patterns import lazy
from giarlint.rule import Finding, ReportSetRule
from giarlint.tables.values import NUMBER
from giarlint.tree import Span

SHINGLE = 8  # characters per fragment compared by GIA603
MIN_FRAGMENTS = 24  # prose of fewer pieces (about 100 characters) is not compared: too little to judge
DEFAULT_THRESHOLD = 0.9
_DIGITS = lazy(r"\d+(?:\.\d+)?")
# a piece: up to SHINGLE characters of one clause; `findall` cuts each clause from its start (folded
# text: the full-width ，；：！？ are half-width here; no piece holds a newline)
_PIECE = lazy(rf"[^,;:!?。、，；：！？\n]{{4,{SHINGLE}}}")
STOCK_ROWS = ("regulations", "normative_documents")


class Number(NamedTuple):
    """A number of a table cell and where the cell is."""

    value: int | float
    span: Span


class Summary(NamedTuple):
    """What the rule needs of one report: a few table numbers and a fingerprint of the prose, in
    about 2 KB: a run keeps one for every report until the end, and workers send them back."""

    path: str
    agency: str | None  # the title agency, folded
    year: int | None
    where: Span  # GIA603 points here: the title, else the first heading
    tables: str  # which of table2 / table3 the report has, space-separated
    cells: str  # the compared cells holding a number: "table.row.column" lines (`numbers` decodes them)
    values: tuple  # their numbers, in that order
    spans: bytes  # their spans, 4 unsigned ints each (array "I")
    fingerprint: bytes  # sorted checksums of the prose's distinct fragments (`fingerprint`)
    fragments: int = 0  # how many there are

    @property
    def numbers(self) -> dict[tuple[str, str, str], Number]:
        """(table, row, column) -> number and the span of its cell."""
        spans = array("I", self.spans)
        return {tuple(key.split(".")): Number(value, Span(*spans[4 * i : 4 * i + 4]))
                for i, (key, value) in enumerate(zip(self.cells.split("\n") if self.cells else (), self.values))}


def summarize(report) -> Summary:
    keys, values, spans = [], [], array("I")
    for name, row, column in _compared_cells(report):
        value = report.tables[name].value(row, column)
        if value is not None and value.kind == NUMBER:
            keys.append(f"{name}.{row}.{column}")
            values.append(value.number)
            spans.extend(value.cell.span)
    tables = " ".join(name for name in ("table2", "table3") if name in report.tables)
    sample, fragments = fingerprint(report)
    return Summary(report.path, agency_key(report), report.year, _where(report), tables, "\n".join(keys),
                   tuple(values), spans.tobytes(), sample, fragments)


def _compared_cells(report):
    """(table, row, column) of the cells the checks compare across years, in table order."""
    table3 = report.tables.get("table3")
    if table3 is not None:
        for row in ("carried_over", "carried_forward"):
            for column in table3.values.get(row, {}):
                yield "table3", row, column
    if "table2" in report.tables:
        for row in STOCK_ROWS:
            for column in ("valid", "made", "repealed"):
                yield "table2", row, column


def agency_key(report) -> str | None:
    agency = report.facts.agency
    return fold(str(agency.value)) if agency is not None else None


def consecutive_pairs(summaries: list[Summary]) -> list[tuple[Summary, Summary]]:
    """(previous, current) reports of one agency whose years follow each other. A year with
    two reports of the same agency is ambiguous and left out."""
    by_agency: dict[str, dict[int, list]] = defaultdict(lambda: defaultdict(list))
    for summary in summaries:
        if summary.agency and summary.year is not None:
            by_agency[summary.agency][summary.year].append(summary)
    pairs = []
    for years in by_agency.values():
        for year in sorted(years):
            previous, current = years.get(year - 1), years[year]
            if previous and len(previous) == 1 and len(current) == 1:
                pairs.append((previous[0], current[0]))
    return pairs


def fingerprint(report) -> tuple[bytes, int]:
    """The prose (tables, headings and the title left out) as its set of fragments, numbers
    masked so that a text copied with new figures still counts as copied: each clause (the text
    between two punctuation marks) cut into pieces of `SHINGLE` characters once from its start and
    once from its end, the last piece of each cut shorter (under 4 characters it is left out).
    Returns the sorted distinct CRC-32 checksums of the pieces (4 bytes each, about 2 KB a report)
    and how many there are.

    Cut at the clause's own ends, a clause copied from last year gives the same pieces wherever it
    now stands, and a word put into it or taken out changes only the pieces across that place, in
    both cuts; there are two pieces for every 8 characters, where a checksum of every overlapping
    8-character window (one a character) cost more than the whole summary does now."""
    title = report.document.title
    prose = _DIGITS.sub("#", "\n".join(fold(paragraph.text) for paragraph in report.document.paragraphs()
                                       if paragraph is not title and paragraph.kind != "metadata"))
    pieces = set(_PIECE.findall(prose))
    pieces.update(piece[::-1] for piece in _PIECE.findall(prose[::-1]))  # cut from the clauses' ends
    if not pieces:
        return b"", 0
    checksums = sorted(set(map(zlib.crc32, "\n".join(pieces).encode("utf-8", "surrogatepass").split(b"\n"))))
    return array("I", checksums).tobytes(), len(checksums)


class CrossYear(ReportSetRule):
    name = "cross-year"
    options = {
        "similarity-threshold": "GIA603: share of this year's prose found in last year's from which it is "
        f"reported, above 0 and at most 1 (default {DEFAULT_THRESHOLD})"
    }

    def validate_option(self, name, value):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value <= 1:
            return f"must be a number above 0 and at most 1, not {value!r}"
        return None

    def summarize(self, report, context) -> Summary:
        return summarize(report)

    def check_set(self, summaries, context):
        threshold = float(context.option("similarity-threshold", DEFAULT_THRESHOLD))
        if not 0 < threshold <= 1:
            raise ValueError(f"cross-year: similarity-threshold must be in (0, 1], got {threshold}")
        for previous, current in consecutive_pairs(summaries):
            yield from self._carry_over(previous, current)
            yield from self._stock(previous, current)
            yield from self._similar(previous, current, threshold)

    def _carry_over(self, previous: Summary, current: Summary):
        if "table3" not in previous.tables.split() or "table3" not in current.tables.split():
            return
        differing, earlier = [], previous.numbers
        for (table, row, column), carried in current.numbers.items():
            if (table, row) != ("table3", "carried_over"):
                continue
            forward = earlier.get(("table3", "carried_forward", column))
            if forward is not None and carried.value != forward.value:
                differing.append((column, carried, forward))
        applicants = [d for d in differing if d[0] != "total"]
        for column, carried, forward in applicants or differing:  # a wrong total follows from a wrong column
            _, column_name = cell_names("table3", "carried_over", column)
            yield Finding("GIA601", carried.span, {
                "column": column_name, "value": carried.value, "year": current.year,
                "previous": forward.value, "previous_year": previous.year, "previous_path": previous.path,
            }, path=current.path)

    def _stock(self, previous: Summary, current: Summary):
        if "table2" not in previous.tables.split() or "table2" not in current.tables.split():
            return
        now, earlier = current.numbers, previous.numbers
        for row in STOCK_ROWS:
            valid, made, repealed = (now.get(("table2", row, c)) for c in ("valid", "made", "repealed"))
            last_valid = earlier.get(("table2", row, "valid"))
            if None in (valid, made, repealed, last_valid):
                continue
            expected = last_valid.value + made.value - repealed.value
            if valid.value != expected:
                row_name, _ = cell_names("table2", row, "valid")
                yield Finding("GIA602", valid.span, {
                    "row": row_name, "value": valid.value, "expected": expected, "previous": last_valid.value,
                    "made": made.value, "repealed": repealed.value, "previous_year": previous.year,
                    "previous_path": previous.path,
                }, path=current.path)

    def _similar(self, previous: Summary, current: Summary, threshold: float):
        if current.fragments < MIN_FRAGMENTS or not current.fingerprint:
            return
        now = array("I", current.fingerprint)
        shared = len(set(now).intersection(array("I", previous.fingerprint))) / len(now)
        if shared >= threshold:
            yield Finding("GIA603", current.where, {
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
