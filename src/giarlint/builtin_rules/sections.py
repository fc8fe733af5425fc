"""required-sections: the six sections, their order, ordinals and wording (GIA103–GIA106)."""

from __future__ import annotations

from giarlint.data import rules_data
from giarlint.hookspecs import hookimpl
from giarlint.normalize import fold
from giarlint.rule import Finding, Rule
from giarlint.tree import Span

_NUMERALS = "一二三四五六七八九十"


def canonical_sections() -> list[dict]:
    return rules_data("structure")["sections"]


def match_section(title: str, sections: list[dict]) -> int | None:
    """The canonical ordinal whose words appear in a heading's title, if any."""
    folded = fold(title)
    for section in sections:
        if any(fold(word) in folded for word in section["match"]):
            return section["ordinal"]
    return None


def identify(headings, sections: list[dict]) -> list[int | None]:
    """The canonical section of each heading. A heading whose words fit none takes the section
    its ordinal names, when no other heading claims that section (it is then GIA106)."""
    matched = [match_section(h.title, sections) for h in headings]
    claimed = {m for m in matched if m is not None}
    seen_ordinals: set[int] = set()
    result = []
    for heading, match in zip(headings, matched):
        duplicate = heading.ordinal in seen_ordinals
        seen_ordinals.add(heading.ordinal)
        if match is None and not duplicate and heading.ordinal in range(1, 7) and heading.ordinal not in claimed:
            match = heading.ordinal
            claimed.add(match)
        result.append(match)
    return result


def _canonical_heading(report, heading, spec: dict) -> tuple | None:
    """The edit that writes a heading as the form does, when its words named the section (not only
    its numeral) and the line holds exactly the heading."""
    span = heading.span
    written = report.line_text(span.line)[span.column - 1 : span.end_column - 1]
    if span.line != span.end_line or not written.startswith(heading.ordinal_text) or not written.endswith(heading.title):
        return None
    return ((span.line, span.column, span.end_line, span.end_column, spec["canonical"]),)


class RequiredSections(Rule):
    name = "required-sections"
    options: dict = {}  # none: any rule-options entry for it is a mistake

    def check(self, report, context):
        sections = canonical_sections()
        by_ordinal = {s["ordinal"]: s for s in sections}
        headings = [s.heading for s in report.document.sections]
        identified = identify(headings, sections)
        first_use: dict[int, int] = {}
        duplicates = set()
        for index, heading in enumerate(headings):
            if heading.ordinal in first_use:
                duplicates.add(index)
                yield Finding("GIA105", heading.span, {"ordinal": heading.ordinal_text, "first_line": first_use[heading.ordinal]})
            else:
                first_use[heading.ordinal] = heading.span.line
        highest = 0
        for index, (heading, canonical) in enumerate(zip(headings, identified)):
            if canonical is None or index in duplicates:
                continue
            text = f"{heading.ordinal_text}{heading.separator}{heading.title}"
            if heading.ordinal != canonical:
                yield Finding("GIA104", heading.span, {"text": text, "expected": _NUMERALS[canonical - 1], "found": heading.ordinal_text})
            elif canonical < highest:
                yield Finding("GIA104", heading.span, {"text": text, "previous": _NUMERALS[highest - 1]}, "order")
            highest = max(highest, canonical)
            spec = by_ordinal[canonical]
            accepted = {fold(spec["canonical"])} | {fold(v) for v in spec.get("variants", ())}
            if fold(f"{_NUMERALS[canonical - 1]}{heading.separator}{heading.title}") not in accepted:
                fix = _canonical_heading(report, heading, spec) if match_section(heading.title, sections) else None
                yield Finding("GIA106", heading.span, {"text": text, "canonical": spec["canonical"]}, fix=fix)
        present = set(identified)
        for ordinal, spec in by_ordinal.items():
            if ordinal not in present:
                yield Finding("GIA103", self._where_missing(report, headings, identified, ordinal), {
                    "ordinal": _NUMERALS[ordinal - 1], "heading": spec["canonical"],
                })

    @staticmethod
    def _where_missing(report, headings, identified, ordinal: int) -> Span:
        """At the heading that follows the place of the missing section, else at the end."""
        for heading, canonical in zip(headings, identified):
            if canonical is not None and canonical > ordinal:
                return heading.span
        return report.last_line()


@hookimpl
def giarlint_rules():
    return [RequiredSections()]
