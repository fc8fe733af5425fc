"""year-consistency: one report year everywhere (GIA301) and a publication date after it (GIA303)."""

from __future__ import annotations

from giarlint.hookspecs import hookimpl
from giarlint.rule import Finding, Rule

# The body year overrides the title only when it clearly dominates: the body is an estimate.
MIN_BODY_COUNT = 3


class YearConsistency(Rule):
    name = "year-consistency"

    def check(self, report, context):
        facts = report.facts
        title, period = facts.title_year, facts.period_year
        if title is not None and period is not None and title.value != period.value:
            yield Finding("GIA301", period.span, {"title": title.value, "period": period.value})
        if title is not None and facts.body_year is not None and facts.body_year != title.value:
            counts = facts.body_year_counts
            body_count, title_count = counts.get(facts.body_year, 0), counts.get(title.value, 0)
            if body_count >= MIN_BODY_COUNT and body_count > 2 * title_count:
                yield Finding("GIA301", title.span, {
                    "title": title.value, "body": facts.body_year, "body_count": body_count, "title_count": title_count,
                }, "body")
        year, published = report.year, facts.publication_date
        if year is not None and published is not None and published.value.year <= year:
            yield Finding("GIA303", published.span, {"date": published.value.isoformat(), "year": year})


@hookimpl
def giarlint_rules():
    return [YearConsistency()]
