"""Find sections and words in a report with exact positions, for the rules that read prose."""

from __future__ import annotations

import bisect
import re
from typing import Iterator

from giarlint.builtin_rules.sections import canonical_sections, identify
from giarlint.normalize import fold_width, to_simplified
from giarlint.tree import Paragraph, Section, Span


def identified(report) -> list[int | None]:
    """The canonical number of each section (None: not one of the six), once per report."""
    return report.shared_value("identified", lambda: identify([s.heading for s in report.document.sections],
                                                              canonical_sections()))


def sections_by_number(report) -> dict[int, Section]:
    """The section identified as each canonical number (1 = 总体情况 … 6 = 其他需要报告的事项);
    the last one wins when a number is claimed twice. Shared: do not change it."""
    return report.shared_value("by_number", lambda: {
        number: section for section, number in zip(report.document.sections, identified(report)) if number is not None})


def section_range(report, number: int) -> list[Section]:
    """Section `number` and the unidentified sections that follow it (a second "一、" heading
    inside 总体情况 still belongs to it)."""
    found: list[Section] = []
    for section, canonical in zip(report.document.sections, identified(report)):
        if canonical == number:
            found = [section]
        elif found and canonical is None:
            found.append(section)
        elif found:
            break
    return found


def matching_text(text: str) -> str:
    """A copy of `text` in simplified, half-width characters with the same length, so that an
    index into the copy is an index into the original (unchanged when conversion would shift it)."""
    converted = fold_width(to_simplified(text))
    return converted if len(converted) == len(text) else fold_width(text)


def paragraph_matching_text(report, paragraph: Paragraph) -> str:
    """`matching_text` of a paragraph, once per report (several rules read the same paragraphs)."""
    texts = report.shared_value("matching", dict)
    text = paragraph.text
    if text not in texts:
        texts[text] = matching_text(text)
    return texts[text]


def report_matching_text(report) -> str:
    """`whole_matching_text` of the report, once per report."""
    return report.shared_value("whole_matching", lambda: whole_matching_text(report.text))


def report_line_starts(report) -> list[int]:
    """`giarlint.readers.line_starts` of the report's text, once per report."""
    from giarlint.readers import line_starts

    return report.shared_value("line_starts", lambda: line_starts(report.text))


def paragraph_span(paragraph: Paragraph, start: int, end: int) -> Span:
    """The span of characters start:end of a one-line paragraph."""
    line, column = paragraph.span.line, paragraph.span.column
    return Span(line, column + start, line, column + end)


def text_matches(text: str, starts: list[int], pattern: re.Pattern) -> Iterator[tuple[re.Match, Span]]:
    """Every match of `pattern` in a report's text (or its `whole_matching_text` copy), with its
    span; `starts` are the text's `giarlint.readers.line_starts`. Patterns must not match across a newline."""
    for match in pattern.finditer(text):
        line = bisect.bisect_right(starts, match.start())
        column = match.start() - starts[line - 1] + 1
        yield match, Span(line, column, line, column + match.end() - match.start())


def whole_matching_text(text: str) -> str:
    """`matching_text` of a whole report, converting line by line when converting the whole
    would shift positions."""
    converted = fold_width(to_simplified(text))
    if len(converted) == len(text):
        return converted
    return "\n".join(matching_text(line) for line in text.split("\n"))


def first_line(report) -> Span:
    """The first non-blank line: where a missing title belongs."""
    for number, text in enumerate(report.lines, start=1):
        if text.strip():
            column = len(text) - len(text.lstrip()) + 1
            return Span(number, column, number, len(text.rstrip()) + 1)
    return Span(1, 1, 1, 1)
