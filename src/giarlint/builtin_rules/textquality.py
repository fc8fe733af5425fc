"""text-quality: wrong characters, typos, stray spaces, half-width punctuation and radical
look-alikes (GIA501–GIA505).

The word lists are data (``rules/lexicon/traditional.yaml``, ``rules/lexicon/typos.yaml``);
every occurrence is reported where it is, in tables and prose alike.
"""

from __future__ import annotations

import re
from functools import lru_cache

from giarlint.builtin_rules.locate import (
    paragraph_span,
    report_line_starts,
    report_matching_text,
    text_matches,
)
from giarlint.data import rules_data
from giarlint.hookspecs import hookimpl
from giarlint.normalize import fold
from giarlint.patterns import lazy
from giarlint.rule import Finding, Rule
from giarlint.tables.templates import load_templates, strip_ordinal
from giarlint.tree import Span

_CJK = "\u4e00-\u9fff"
_CLAUSE_END = lazy(r"[。；;，,！？!?\n]")
_DATE_SPACES = lazy(r"(?<=\d)[ \u3000]+(?=[年月日号])|(?<=[年月])[ \u3000]+(?=\d)")
_NUMBER_SPACES = lazy(r"(?<=\d)[ \u3000]+(?=\d{3}(?!\d))|(?<=\d\.)[ \u3000]+(?=\d)|(?<=\d)[ \u3000]+(?=\.\d)")
_LABEL_SPACES = lazy(rf"(?<=[{_CJK}])[ \u3000]+(?=[{_CJK}])")
_HALF_WIDTH = lazy(
    rf"(?<=[{_CJK}“”])[,;:?!]|[,;:?!](?=[{_CJK}“”])|\((?=[{_CJK}“”])|(?<=[{_CJK}“”])\)"
)
_EXPRESSION_CHARS = frozenset("0123456789.年月日号 \u3000")
_FULL_WIDTH = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}


_SPACES = lazy(r"[ \u3000]+")


def _edit(span: Span, content: str) -> tuple:
    """A one-line `giarlint.diagnostics.Edit` of `span`."""
    return (span.line, span.column, span.end_line, span.end_column, content)


def _full_width_fix(paragraph, found: list) -> tuple | None:
    """Every half-width mark found, made full-width. A bracket goes with its partner (both become
    full-width, so ``(以下简称《条例》)`` becomes ``（以下简称《条例》）``); a bracket without one stays."""
    text = paragraph.text
    partner: dict[int, int] = {}
    opened: list[int] = []
    for index, char in enumerate(text):
        if char in "(（":
            opened.append(index)
        elif char in ")）" and opened:
            start = opened.pop()
            partner[start], partner[index] = index, start
    marks: set[int] = set()
    for match in found:
        at = match.start()
        if match.group(0) not in "()":
            marks.add(at)
        elif at in partner:
            marks.update(i for i in (at, partner[at]) if text[i] in "()")
    edits = tuple(_edit(paragraph_span(paragraph, at, at + 1), _FULL_WIDTH[text[at]]) for at in sorted(marks))
    return edits or None


def _expression(text: str, start: int, end: int) -> tuple[int, int]:
    """The whole date or number around a stray space ("2022 年 12 月")."""
    while start > 0 and text[start - 1] in _EXPRESSION_CHARS:
        start -= 1
    while end < len(text) and text[end] in _EXPRESSION_CHARS:
        end += 1
    while text[start] in " \u3000":
        start += 1
    while text[end - 1] in " \u3000":
        end -= 1
    return start, end


@lru_cache(maxsize=None)
def lexicon_pattern(name: str) -> tuple[re.Pattern, dict[str, dict]]:
    """One alternation of a lexicon's wrong words, longest first, and the entries by word."""
    entries = {entry["wrong"]: entry for entry in rules_data(name)["entries"]}
    words = sorted(entries, key=len, reverse=True)
    return re.compile("|".join(re.escape(word) for word in words)), entries


@lru_cache(maxsize=1)
def canonical_labels() -> frozenset[str]:
    """The folded labels of every row and column of the three tables (without ordinals)."""
    templates = load_templates()
    labels = list(templates.table3_rows) + list(templates.table3_columns)
    labels += list(templates.table4_columns) + list(templates.table4_groups)
    for fmt in templates.table2.values():
        for block in fmt.blocks:
            labels += list(block.columns) + list(block.rows)
    return frozenset(strip_ordinal(fold(label.label))[0] for label in labels)


class TextQuality(Rule):
    name = "text-quality"
    options: dict = {}  # none: any rule-options entry for it is a mistake

    def check(self, report, context):
        starts = report_line_starts(report)
        if context.wants("GIA501"):
            yield from self._traditional(report, starts)
        if context.wants("GIA502"):
            simplified = report_matching_text(report)
            yield from self._typos(report, simplified, starts)
            yield from self._doubled(report, simplified, starts)
        if context.wants("GIA503"):  # off by default: most runs skip the work
            yield from self._spaces(report)
        if context.wants("GIA504"):
            yield from self._half_width(report)
        if report.look_alikes[0] and context.wants("GIA505"):
            yield from self._look_alikes(report)

    @staticmethod
    def _look_alikes(report):
        """Once a report, at the first: a PDF's text layer holds them by the hundred."""
        count, placed = report.look_alikes
        line, column, char, ideograph = placed[0]
        edits = tuple(_edit(Span(at, start, at, start + 1), right) for at, start, _, right in placed)
        yield Finding("GIA505", Span(line, column, line, column + 1), {
            "count": count, "text": char, "right": ideograph, "code": f"U+{ord(char):04X}",
        }, fix=edits)

    @staticmethod
    def _traditional(report, starts):
        pattern, entries = lexicon_pattern("lexicon/traditional")
        for match, span in text_matches(report.text, starts, pattern):
            right = entries[match.group(0)]["right"]
            yield Finding("GIA501", span, {"text": match.group(0), "right": right}, fix=(_edit(span, right),))

    @staticmethod
    def _typos(report, simplified, starts):
        pattern, entries = lexicon_pattern("lexicon/typos")
        for match, span in text_matches(simplified, starts, pattern):
            entry = entries[match.group(0)]
            context_words = entry.get("context")
            if context_words:
                clause_end = _CLAUSE_END.search(match.string, match.end())
                clause = match.string[match.end() : clause_end.start() if clause_end else None]
                if not any(word in clause for word in context_words):
                    continue
            original = report.line_text(span.line)[span.column - 1 : span.end_column - 1]
            fix = (_edit(span, entry["right"]),) if original == match.group(0) else None  # a variant form: say, not fix
            yield Finding("GIA502", span, {"text": original, "right": entry["right"]}, fix=fix)

    @staticmethod
    def _doubled(report, simplified, starts):
        doubled = rules_data("lexicon/typos")["doubled"]
        low, high = int(doubled["min_length"]), int(doubled["max_length"])
        allowed = frozenset(doubled.get("allowed", ()))
        pattern = re.compile(rf"([{_CJK}]{{{low},{high}}})\1")
        for match, span in text_matches(simplified, starts, pattern):
            word = match.group(1)
            if match.group(0) in allowed or word.startswith("一"):
                continue
            original = report.line_text(span.line)[span.column - 1 : span.end_column - 1]
            second = Span(span.line, span.column + len(word), span.end_line, span.end_column)
            yield Finding("GIA502", span, {"text": original, "word": original[: len(word)]}, "doubled",
                          fix=(_edit(second, ""),))

    @staticmethod
    def _spaces(report):
        document = report.document
        prose = list(document.paragraphs())
        for paragraph in prose:
            if " " not in paragraph.text and "\u3000" not in paragraph.text:
                continue
            for pattern, variant in ((_DATE_SPACES, "date"), (_NUMBER_SPACES, "number")):
                reported = -1
                for match in pattern.finditer(paragraph.text):
                    start, end = _expression(paragraph.text, match.start(), match.end())
                    if start <= reported:
                        continue  # another space of the same date or number
                    reported = end
                    expression = paragraph.text[start:end]
                    fix = None  # a space inside a number may separate two numbers: never guessed
                    if variant == "date":
                        fix = (_edit(paragraph_span(paragraph, start, end), _SPACES.sub("", expression)),)
                    yield Finding("GIA503", paragraph_span(paragraph, match.start(), match.end()),
                                  {"text": expression}, variant, fix=fix)
        labels = canonical_labels()
        for cell in (cell for table in document.tables() for row in table.rows for cell in row.cells):
            if not _LABEL_SPACES.search(cell.text) or strip_ordinal(fold(cell.text))[0] not in labels:
                continue
            for match in _LABEL_SPACES.finditer(cell.text):
                line, column = cell.span.line, cell.span.column + match.start()
                span = Span(line, column, line, column + len(match.group(0)))
                yield Finding("GIA503", span, {"text": cell.text}, "label", fix=(_edit(span, ""),))
        for section in document.sections:
            heading = section.heading
            if _LABEL_SPACES.search(heading.title):
                text = report.line_text(heading.span.line)
                match = _LABEL_SPACES.search(text, heading.span.column - 1)
                if match:
                    span = Span(heading.span.line, match.start() + 1, heading.span.line, match.end() + 1)
                    yield Finding("GIA503", span, {"text": heading.title}, "label", fix=(_edit(span, ""),))

    @staticmethod
    def _half_width(report):
        for paragraph in report.document.paragraphs():
            found = list(_HALF_WIDTH.finditer(paragraph.text))
            if not found:
                continue
            first = found[0]
            mark = first.group(0)
            yield Finding("GIA504", paragraph_span(paragraph, first.start(), first.end()), {
                "mark": mark, "full": _FULL_WIDTH[mark], "count": len(found),
            }, fix=_full_width_fix(paragraph, found))


@hookimpl
def giarlint_rules():
    return [TextQuality()]
