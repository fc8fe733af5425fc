"""publication-date: the report is dated, and published by the legal deadline (GIA302, GIA304).

条例 art. 49: departments of county-level-and-above governments publish by 31 January, a
人民政府's own report is published by 31 March. Local rules may be stricter: the options
``department-deadline`` and ``government-deadline`` ("MM-DD" of the following year) set them.
"""

from __future__ import annotations

import datetime as dt

from giarlint.facts import Located, parse_date
from giarlint.hookspecs import hookimpl
from giarlint.normalize import fold_width
from giarlint.patterns import lazy
from giarlint.rule import Finding, Rule
from giarlint.tree import Span

DEPARTMENT_DEADLINE = "01-31"
GOVERNMENT_DEADLINE = "03-31"
_MONTH_DAY = lazy(r"^(\d{1,2})-(\d{1,2})$")
_DATE_TEXT = lazy(
    r"(?:19|20)\d\d\s*[-年./]\s*\d{1,2}\s*[-月./]\s*\d{1,2}\s*日?"
    r"|[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日"
)


def deadline(year: int, month_day: str, option: str) -> dt.date:
    """31 January → date(year + 1, 1, 31); a malformed option names itself in the error."""
    match = _MONTH_DAY.match(str(month_day).strip())
    try:
        if not match:
            raise ValueError
        return dt.date(year + 1, int(match.group(1)), int(match.group(2)))
    except ValueError:
        raise ValueError(f"option {option!r} must be a month and day as MM-DD, got {month_day!r}") from None


class PublicationDate(Rule):
    name = "publication-date"
    options = {
        "department-deadline": "last publication day of a department's report, MM-DD of the following year"
                               f" (default {DEPARTMENT_DEADLINE})",
        "government-deadline": f"the same for a 人民政府's own report and reports naming no agency (default {GOVERNMENT_DEADLINE})",
    }

    def validate_option(self, name: str, value) -> str | None:
        """Both options are deadlines: a month and day that exists every year."""
        if not isinstance(value, str):
            return f'must be a month and day in quotes, "MM-DD" (e.g. "01-31"), not {value!r}'
        try:
            deadline(2022, value, name)  # due in 2023, which has no 29 February
        except ValueError:
            return f'must be a month and day of every year as "MM-DD" (e.g. "01-31"), not {value!r}'
        return None

    def check(self, report, context):
        facts = report.facts
        published = facts.publication_date
        if published is None:
            yield Finding("GIA304", report.last_line(), {})
            return
        year = report.year
        if year is None or published.value.year <= year:
            return  # no year to compare with, or GIA303 (a date inside the report year)
        if facts.agency is None:
            kind, option, default = "unknown", "government-deadline", GOVERNMENT_DEADLINE
        elif facts.is_government:
            kind, option, default = "government", "government-deadline", GOVERNMENT_DEADLINE
        else:
            kind, option, default = "department", "department-deadline", DEPARTMENT_DEADLINE
        due = deadline(year, context.option(option, default), option)
        if published.value > due:
            yield Finding("GIA302", date_span(report, published), {
                "date": published.value.isoformat(), "deadline": due.isoformat(), "year": year,
                "days": (published.value - due).days,
            }, kind)


def date_span(report, published: Located) -> Span:
    """The date itself inside the 落款 or metadata line that gave it."""
    line = published.span.line
    text = fold_width(report.line_text(line))
    for match in _DATE_TEXT.finditer(text, max(published.span.column - 1, 0)):
        if parse_date(match.group(0)) == published.value:
            end = len(match.group(0).rstrip())
            return Span(line, match.start() + 1, line, match.start() + end + 1)
    return published.span


@hookimpl
def giarlint_rules():
    return [PublicationDate()]
