"""year-consistency: one report year everywhere (GIA301), a publication date after it (GIA303),
and no sentence reporting the agency's own work of another year (GIA305)."""

from __future__ import annotations

from giarlint.builtin_rules.locate import paragraph_matching_text, paragraph_span
from giarlint.hookspecs import hookimpl
from giarlint.patterns import lazy
from giarlint.rule import Finding, Rule

# The body year overrides the title only when it clearly dominates: the body is an estimate.
MIN_BODY_COUNT = 3

# GIA305 is kept tight: prose names other years legitimately (last year's figures, plans for
# next year, documents dated earlier). A sentence counts only when a year is followed at once
# by the agency itself and a verb of this report's work ("本机关2021年度收到…", "2021年，我局共
# 受理…"), and the sentence neither names the report year nor compares or carries over.
_SELF = r"(?:本机关|本单位|本部门|本局|我局|本委|我委|本办|我办|本厅|我厅|本院|我院|本级政府|本级|我区|我县|我市|我镇|我乡|我省|本区|本县|本市|本镇|本乡|本省)"
_WORK = r"(?:共|累计|全年|总共|合计)?(?:收到|新收|受理|办结|答复|主动公开|公开政府信息|发布信息|制发|废止)"
_YEAR = r"((?:19|20)\d\d)\s*年度?"
_OWN_WORK = lazy(
    rf"{_SELF}\s*{_YEAR}\s*[,，]?\s*{_SELF}?\s*{_WORK}"
    rf"|(?:^|(?<=[。；;，,：:\s]))(?:[(（][一二三四五六七八九十\d]+[)）])?{_YEAR}\s*[,，]?\s*{_SELF}?\s*{_WORK}"
)
_OTHER_TIME = lazy(
    r"本年|今年|同比|较|比上年|上年|去年|前年|增长|下降|减少|增加|上升|持平|结转|转入|截至|截止|以来|计划|预计|下一步|以前|之前|历年"
)
_SENTENCE = lazy(r"[^。；;！？!?]*")


class YearConsistency(Rule):
    name = "year-consistency"
    options: dict = {}  # none: any rule-options entry for it is a mistake

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
        if year is not None and context.wants("GIA305"):
            yield from self._other_year_work(report, year)

    @staticmethod
    def _other_year_work(report, year: int):
        for paragraph in report.document.paragraphs():
            if "年" not in paragraph.text:
                continue
            text = paragraph_matching_text(report, paragraph)
            for match in _OWN_WORK.finditer(text):
                found = int(match.group(1) or match.group(2))
                if found == year:
                    continue
                sentence = _sentence_around(text, match.start())
                if str(year) in sentence or _OTHER_TIME.search(sentence):
                    continue
                start = match.start(1) if match.group(1) else match.start(2)
                yield Finding("GIA305", paragraph_span(paragraph, start, start + 4), {
                    "found": found, "year": year, "text": paragraph.text[match.start() : match.end()].strip(),
                })


def _sentence_around(text: str, position: int) -> str:
    """The sentence (between 。；！？) holding `position`."""
    start = max(text.rfind(mark, 0, position) for mark in "。；;！？!?") + 1
    return _SENTENCE.match(text, start).group(0)


@hookimpl
def giarlint_rules():
    return [YearConsistency()]
