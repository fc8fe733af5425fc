"""content: what the prose sections must say (GIA401, GIA403–GIA405). Word lists are data in
``rules/lexicon/content.yaml``."""

from __future__ import annotations

from giarlint.builtin_rules.locate import (
    paragraph_matching_text,
    paragraph_span,
    section_range,
    sections_by_number,
)
from giarlint.data import rules_data
from giarlint.hookspecs import hookimpl
from giarlint.messages import Localized
from giarlint.normalize import fold
from giarlint.patterns import lazy
from giarlint.rule import Finding, Rule
from giarlint.tables.values import NUMBER

MIN_PROBLEM_CHARS = 20
_NOTHING = frozenset({"无", "暂无", "没有", "无。", "暂无。"})
_CLAUSE_END = lazy(r"[。；;！？!?]")


def _counted(text: str, enough: int) -> int:
    """How many CJK ideographs (U+4E00-U+9FFF) and ASCII letters and digits `text` holds, counted
    only up to `enough`. A loop, not a regular expression: compiling that character class cost a
    cold check a millisecond, and the count stops as soon as the section is long enough."""
    count = 0
    for char in text:
        if "\u4e00" <= char <= "\u9fff" or (char.isascii() and char.isalnum()):
            count += 1
            if count >= enough:
                break
    return count


def _words(entries: list[dict], text: str) -> list[dict]:
    """The entries none of whose words occur in `text`."""
    return [entry for entry in entries if not any(word in text for word in entry["words"])]


def _names(entries: list[dict]) -> Localized:
    return Localized("、".join(e["name"] for e in entries), ", ".join(e["en"] for e in entries))


class Content(Rule):
    name = "content"
    options = {"min-chars": f"GIA401: fewest characters section 五 may have (default {MIN_PROBLEM_CHARS})"}

    def validate_option(self, name: str, value) -> str | None:
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            return f"must be a whole number of characters, 0 or more, not {value!r}"
        return None

    def check(self, report, context):
        lexicon = rules_data("lexicon/content")
        sections = sections_by_number(report)
        yield from self._problems_section(sections.get(5), context)
        yield from self._government_results(report, sections.get(6), lexicon)
        if report.format == "2021":
            yield from self._overview(report, sections.get(1), lexicon)
        yield from self._fee_notices(report, sections.get(6), lexicon)

    @staticmethod
    def _problems_section(section, context):
        if section is None:
            return
        minimum = int(context.option("min-chars", MIN_PROBLEM_CHARS))
        paragraphs = section.paragraphs()
        text = section.text()
        count = _counted(text, minimum)
        span = paragraphs[0].span if paragraphs else section.heading.span
        if not paragraphs:
            yield Finding("GIA401", span, {"minimum": minimum}, "empty")
        elif fold(text) in _NOTHING:
            yield Finding("GIA401", span, {"text": text.strip()}, "nothing")
        elif count < minimum:
            yield Finding("GIA401", span, {"count": count, "minimum": minimum})

    @staticmethod
    def _government_results(report, section, lexicon):
        if not report.facts.is_government:
            return
        text = fold(report.text)
        missing = _words(lexicon["government_results"], text)
        if missing:
            span = section.heading.span if section is not None else report.last_line()
            yield Finding("GIA403", span, {"missing": _names(missing), "agency": report.facts.agency.value})

    @staticmethod
    def _overview(report, section, lexicon):
        if section is None:
            return
        text = fold("\n".join(s.text() for s in section_range(report, 1)))
        missing = _words(lexicon["overview_aspects"], text)
        if missing:
            yield Finding("GIA404", section.heading.span, {"missing": _names(missing), "count": len(missing)})

    @staticmethod
    def _fee_notices(report, section, lexicon):
        table3 = report.tables.get("table3")
        unpaid = table3.value("other.unpaid_fee", "total") if table3 is not None else None
        if section is None or unpaid is None or unpaid.kind != NUMBER or unpaid.number <= 0:
            return
        if any(word in fold(section.text()) for word in lexicon["fee_notice"]):
            return
        for paragraph in section.paragraphs():
            text = paragraph_matching_text(report, paragraph)
            for phrase in lexicon["no_fee"]:
                start = text.find(phrase)
                if start < 0:
                    continue
                clause = _CLAUSE_END.split(text[start:], 1)[0]
                if "费" in clause:
                    end = start + len(clause)
                    yield Finding("GIA405", paragraph_span(paragraph, start, end), {
                        "count": unpaid.number, "text": paragraph.text[start:end],
                    })
                    return


@hookimpl
def giarlint_rules():
    return [Content()]
