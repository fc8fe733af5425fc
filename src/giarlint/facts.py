"""Facts about a report read from its text: year, agency, publication date (条例 art. 49)."""

from __future__ import annotations

import re
import datetime as dt
from collections import Counter
from typing import NamedTuple

from giarlint.normalize import fold, fold_width
from giarlint.tree import Document, Paragraph, Span

_YEAR = re.compile(r"((?:19|20)\d\d)\s*年")
_TITLE = re.compile(r"^(.*?)((?:19|20)\d\d)\s*年")
_DATE = re.compile(r"((?:19|20)\d\d)\s*[-年./]\s*(\d{1,2})\s*[-月./]\s*(\d{1,2})\s*日?")
_DATE_ONLY = re.compile(r"^\s*((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*$")
_CN_DATE_ONLY = re.compile(r"^\s*([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日\s*$")
_CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"○": 0, "零": 0}
_PERIOD = re.compile(r"统计期限.{0,12}?((?:19|20)\d\d)\s*年")
_PUBLICATION_KEYS = ("公开日期", "发布日期", "发布时间", "时间", "发文日期")
_WRITTEN_KEYS = ("成文日期",)


class Located(NamedTuple):
    """A value read from the text and where it was read."""

    value: object
    span: Span


class Facts(NamedTuple):
    title_year: Located | None
    period_year: Located | None
    body_year: int | None  # the year named most often in the body
    body_year_counts: dict[int, int]
    agency: Located | None
    publication_date: Located | None
    publication_source: str | None  # "metadata" or "signature" (落款)

    @property
    def year(self) -> int | None:
        for located in (self.title_year, self.period_year):
            if located is not None:
                return int(located.value)
        return self.body_year

    @property
    def is_government(self) -> bool:
        """A 人民政府's own report (not one of its departments or offices)."""
        return self.agency is not None and fold(str(self.agency.value)).endswith("人民政府")


def _cn_number(text: str) -> int:
    if "十" in text:
        tens, _, units = text.partition("十")
        return (_CN_DIGITS.get(tens, 1) if tens else 1) * 10 + (_CN_DIGITS.get(units, 0) if units else 0)
    return _CN_DIGITS.get(text, 0)


def parse_date(text: str) -> dt.date | None:
    """The first date in `text`: 2023年1月28日, 2023-01-28, 2023.1.28 or 二〇二三年一月二十八日."""
    text = fold_width(text)
    match = _DATE.search(text)
    if match:
        parts = [int(g) for g in match.groups()]
    else:
        match = _CN_DATE_ONLY.match(text)
        if not match:
            return None
        year = int("".join(str(_CN_DIGITS[c]) for c in match.group(1)))
        parts = [year, _cn_number(match.group(2)), _cn_number(match.group(3))]
    try:
        return dt.date(*parts)
    except ValueError:
        return None


def _title_facts(title: Paragraph | None) -> tuple[Located | None, Located | None]:
    if title is None:
        return None, None
    text = fold_width(title.text)
    match = _TITLE.match(text)
    if not match:
        return None, None
    line, column = title.span.line, title.span.column
    year_span = Span(line, column + match.start(2), line, column + match.end(2))
    agency_text = match.group(1).strip()
    agency = None
    if agency_text:
        agency = Located(agency_text, Span(line, column, line, column + len(match.group(1).rstrip())))
    return Located(int(match.group(2)), year_span), agency


def _period_year(document: Document) -> Located | None:
    for paragraph in document.paragraphs():
        match = _PERIOD.search(fold(paragraph.text))
        if match:
            return Located(int(match.group(1)), paragraph.span)
    return None


def _body_years(document: Document) -> Counter:
    """The years the sections' paragraphs (not a date alone) name, counted in order of first
    mention: one scan of their texts joined by NUL, which no year match can cross."""
    texts = [p.text for section in document.sections for p in section.paragraphs() if not _DATE_ONLY.match(p.text)]
    return Counter(map(int, _YEAR.findall(fold_width("\0".join(texts)))))


SIGNATURE_REACH = 12  # blocks from the end a 落款 is looked for, past a page's footer
FOOTER_LONGEST = 60  # characters (spaces aside) of a footer's line: 分享到：, 【打印本页】, 版权所有 © …


def signature_date(document: Document) -> Located | None:
    """The 落款 date: a paragraph holding only a date among the last three blocks of the report,
    or further up past short lines that are no sentence (the footer of the page a report was
    copied from: 分享到：微信 微博, 【关闭窗口】, 主办单位：…, 版权所有 © 2023 …)."""
    blocks = document.sections[-1].blocks if document.sections else document.preamble
    for distance, block in enumerate(reversed(blocks[-SIGNATURE_REACH:])):
        if isinstance(block, Paragraph):
            text = fold_width(block.text)
            if _DATE_ONLY.match(text) or _CN_DATE_ONLY.match(text):
                date = parse_date(text)
                if date is not None:
                    return Located(date, block.span)
            if distance >= 2 and (len("".join(text.split())) > FOOTER_LONGEST or "。" in text):
                return None  # the report's own prose: no 落款 below it
    return None


def _metadata_date(document: Document, keys: tuple[str, ...]) -> Located | None:
    for paragraph in document.metadata:
        folded = fold(paragraph.text)
        for key in keys:
            position = folded.find(key)
            if position < 0:
                continue
            date = parse_date(folded[position:])
            if date is not None:
                return Located(date, paragraph.span)
    return None


def read_facts(document: Document) -> Facts:
    title_year, agency = _title_facts(document.title)
    counts = _body_years(document)
    body_year = max(counts, key=counts.get) if counts else None  # most_common(1), without importing heapq
    publication, source = _metadata_date(document, _PUBLICATION_KEYS), "metadata"
    if publication is None:
        publication, source = signature_date(document), "signature"
    if publication is None:
        publication, source = _metadata_date(document, _WRITTEN_KEYS), "metadata"
    return Facts(
        title_year=title_year,
        period_year=_period_year(document),
        body_year=body_year,
        body_year_counts=dict(counts),
        agency=agency,
        publication_date=publication,
        publication_source=source if publication is not None else None,
    )
