"""fee-statement-present: reports for 2021 onward state their information processing fees (GIA402)."""

from __future__ import annotations

from giarlint.builtin_rules.locate import sections_by_number
from giarlint.hookspecs import hookimpl
from giarlint.normalize import fold
from giarlint.rule import Finding, Rule

FEE_WORDS = ("处理费", "信息处理费")
FIRST_YEAR = 2021


def mentions_fee(text: str) -> bool:
    folded = fold(text)
    return any(word in folded for word in FEE_WORDS)


class FeeStatementPresent(Rule):
    name = "fee-statement-present"
    options: dict = {}  # none: any rule-options entry for it is a mistake

    def check(self, report, context):
        year = report.year
        if year is None or year < FIRST_YEAR:
            return
        section = sections_by_number(report).get(6)
        if section is not None:
            if not mentions_fee(section.text()):
                paragraphs = section.paragraphs()
                span = paragraphs[0].span if paragraphs else section.heading.span
                yield Finding("GIA402", span, {"year": year})
        elif not any(mentions_fee(p.text) for p in report.document.paragraphs()):
            yield Finding("GIA402", report.last_line(), {"year": year}, "no_section")


@hookimpl
def giarlint_rules():
    return [FeeStatementPresent()]
