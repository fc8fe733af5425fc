"""fee-statement-present: reports for 2021 onward state their information processing fees (GIA402)."""

from __future__ import annotations

from giarlint.builtin_rules.sections import canonical_sections, identify
from giarlint.hookspecs import hookimpl
from giarlint.normalize import fold
from giarlint.rule import Finding, Rule
from giarlint.tree import Span

FEE_WORDS = ("处理费", "信息处理费")
FIRST_YEAR = 2021


def mentions_fee(text: str) -> bool:
    folded = fold(text)
    return any(word in folded for word in FEE_WORDS)


class FeeStatementPresent(Rule):
    name = "fee-statement-present"

    def check(self, report, context):
        year = report.year
        if year is None or year < FIRST_YEAR:
            return
        sections = report.document.sections
        identified = identify([s.heading for s in sections], canonical_sections())
        other = [s for s, canonical in zip(sections, identified) if canonical == 6]
        if other:
            section = other[-1]
            if not mentions_fee(section.text()):
                paragraphs = section.paragraphs()
                span = paragraphs[0].span if paragraphs else section.heading.span
                yield Finding("GIA402", span, {"year": year})
        elif not any(mentions_fee(p.text) for p in report.document.paragraphs()):
            last = max(len(report.lines) - 1, 1)
            yield Finding("GIA402", Span(last, 1, last, 1), {"year": year}, "no_section")


@hookimpl
def giarlint_rules():
    return [FeeStatementPresent()]
