"""narrative-consistency: figures and statements in the prose that the tables contradict
(GIA406 a number, GIA407 words such as 未收到申请).

What to read is data (``rules/narrative.yaml``). Each pattern is anchored to its keyword and
guarded by its sentence and clause, because a false alarm on a real report costs more than a
missed one. Matching runs on a folded copy of each paragraph with a map back to the columns
of the original text.
"""

from __future__ import annotations

import re
from fnmatch import fnmatch
from functools import lru_cache
from typing import NamedTuple

from giarlint.builtin_rules.naming import TABLE_TITLES, cell_names
from giarlint.data import rules_data
from giarlint.hookspecs import hookimpl
from giarlint.messages import Localized
from giarlint.normalize import fold, fold_width, to_simplified
from giarlint.rule import Finding, Rule
from giarlint.tables.values import NUMBER
from giarlint.tree import Span

# One character class for both numeral kinds compiles in half the time of an alternation;
# `read_count` turns away a mixture such as "2十".
_COUNT = r"(?P<n>[\d零〇一二两三四五六七八九十百千万]+)"
_NEVER = r"(?!x)x"
_WHITESPACE = re.compile(r"(\s+)")  # kept by split: the words and the runs between them, in turn
_SENTENCE_END = "。!?"
_LINE_ENDS = frozenset("。！？；：!?;:")  # a line ending in one of these ends its paragraph or clause
WRAPPED_SHORTEST = 20  # characters: a shorter line ends a paragraph or is a label, not a wrapped line
_CLAUSE_END = ",;:。!?"
_YEAR_IN_TEXT = re.compile(r"((?:19|20)\d\d)年")
_CN_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10000}


def chinese_count(text: str) -> int:
    """十三 → 13, 两 → 2, 一百零五 → 105, 三千 → 3000."""
    total = section = digit = 0
    for char in text:
        if char in _CN_DIGITS:
            digit = _CN_DIGITS[char]
        elif char == "万":
            total += (section + digit) * 10000
            section = digit = 0
        else:
            section += (digit or 1) * _CN_UNITS[char]
            digit = 0
    return total + section + digit


def read_count(text: str) -> int | None:
    """13 → 13, 十三 → 13; None for a mixture of Arabic and Chinese numerals."""
    if text.isdigit():
        return int(text)
    if any(char.isdigit() for char in text):
        return None
    return chinese_count(text)


class FoldedText:
    """A matching copy of one line of prose (simplified, half-width, no whitespace) and the
    index in the original of each of its characters."""

    def __init__(self, text: str):
        simplified = to_simplified(text)
        if len(simplified) != len(text):  # a phrase conversion changed the length: go char by char
            simplified = "".join(c if len(s := to_simplified(c)) != 1 else s for c in text)
        folded = fold_width(simplified)
        self.origin: list[int] | None = None  # None: the copy lines up with the original
        if _WHITESPACE.search(folded) is None:
            self.text = folded
            return
        chars, origin, index = [], [], 0
        for piece in _WHITESPACE.split(folded):
            if not piece[:1].isspace():
                chars.append(piece)
                origin.extend(range(index, index + len(piece)))
            index += len(piece)
        self.text = "".join(chars)
        self.origin = origin

    def original_range(self, start: int, end: int) -> tuple[int, int]:
        """Original [start, end) of folded [start, end)."""
        if self.origin is None:
            return start, end
        return self.origin[start], self.origin[end - 1] + 1

    def bounds(self, position: int, breaks: str) -> tuple[int, int]:
        """The sentence or clause around `position` (walked character by character: its cost is the
        sentence's length, where searching for each break mark would scan the whole paragraph)."""
        start = position
        while start > 0 and self.text[start - 1] not in breaks:
            start -= 1
        end = position
        while end < len(self.text) and self.text[end] not in breaks:
            end += 1
        return start, end


class Pattern(NamedTuple):
    regex: str
    after_fact: bool = False  # valid only after another request figure in the same sentence


class Claim(NamedTuple):
    """A fact (GIA406) or statement (GIA407) of ``rules/narrative.yaml``."""

    key: str
    name: Localized
    table: str
    rows: tuple[str, ...]
    columns: tuple[str, ...]
    patterns: tuple[Pattern, ...]
    context: tuple[str, ...]
    skip_clause_words: tuple[str, ...]
    skip_sentence_words: tuple[str, ...]
    keywords: tuple[str, ...]  # every match holds one of them


def _claim(entry: dict) -> Claim:
    column = entry["column"]
    claim_patterns = tuple(Pattern(p) if isinstance(p, str) else Pattern(p["regex"], bool(p.get("after_fact"))) for p in entry["patterns"])
    return Claim(
        key=entry["key"],
        name=Localized(entry["name"]["zh"], entry["name"]["en"]),
        table=entry["table"],
        rows=tuple(entry["rows"]),
        columns=(column,) if isinstance(column, str) else tuple(column),
        patterns=claim_patterns,
        context=tuple(entry.get("context", ())),
        skip_clause_words=tuple(entry.get("skip_clause_words", ())),
        skip_sentence_words=tuple(entry.get("skip_sentence_words", ())),
        keywords=tuple(entry["keywords"]),
    )


@lru_cache(maxsize=1)
def load_claims() -> tuple[tuple[Claim, ...], tuple[Claim, ...], tuple[str, ...], tuple[str, ...]]:
    data = rules_data("narrative")
    return (
        tuple(_claim(e) for e in data["facts"]),
        tuple(_claim(e) for e in data["statements"]),
        tuple(data["skip_clause_words"]),
        tuple(data["other_period_words"]),
    )


@lru_cache(maxsize=1)
def _all_keywords() -> frozenset[str]:
    facts, statements, _, _ = load_claims()
    return frozenset(word for claim in facts + statements for word in claim.keywords)


@lru_cache(maxsize=64)
def _compiled(regex: str, year: int | None) -> re.Pattern:
    this_year = str(year) if year else _NEVER
    previous = str(year - 1) if year else _NEVER
    return re.compile(regex.replace("<N>", _COUNT).replace("<YEAR>", this_year).replace("<PREV_YEAR>", previous))


@lru_cache(maxsize=256)
def _matching_rows(keys: tuple[str, ...], patterns: tuple[str, ...]) -> tuple[str, ...]:
    """The row keys a claim sums (memoised: every report of a format has the same keys)."""
    return tuple(key for key in keys if any(fnmatch(key, pattern) for pattern in patterns))


def table_figure(report, claim: Claim, column: str | None = None) -> int | float | None:
    """The sum of the claim's rows in `column` (default: its first column present), or None
    when the table is missing, could not be read cleanly, or a cell is not a number."""
    table = report.tables.get(claim.table)
    if table is None or not table.read:
        return None
    rows = _matching_rows(tuple(table.values), claim.rows)
    if not rows:
        return None
    if column is None:
        column = next((c for c in claim.columns if c in table.values[rows[0]]), None)
    values = [table.value(row, column) for row in rows] if column else [None]
    if any(v is None or v.kind != NUMBER for v in values):
        return None
    return sum(v.number for v in values)  # type: ignore[misc]


class _Match(NamedTuple):
    claim: Claim
    pattern: Pattern
    match: re.Match


class NarrativeConsistency(Rule):
    name = "narrative-consistency"
    options: dict = {}  # none: any rule-options entry for it is a mistake

    def check(self, report, context):
        facts, statements, skip_words, period_words = load_claims()
        keywords = _all_keywords()
        for paragraph in _prose(report.document.paragraphs()):
            if paragraph.kind == "metadata":
                continue
            quick = fold(paragraph.text)  # cheap: skip paragraphs no claim can match
            words = {word for word in keywords if word in quick}
            if not words:
                continue
            active_facts = [claim for claim in facts if not words.isdisjoint(claim.keywords)]
            active_statements = [claim for claim in statements if not words.isdisjoint(claim.keywords)]
            if not active_facts and not active_statements:
                continue
            folded = FoldedText(paragraph.text)
            guard = _Guard(folded, report.year, skip_words, period_words)
            yield from self._facts(report, paragraph, folded, guard, active_facts)
            yield from self._statements(report, paragraph, folded, guard, active_statements)

    def _facts(self, report, paragraph, folded: FoldedText, guard: "_Guard", facts):
        candidates: dict[int, _Match] = {}
        for claim in facts:
            for pattern in claim.patterns:
                for match in _compiled(pattern.regex, report.year).finditer(folded.text):
                    known = candidates.get(match.start("n"))
                    if known is None or match.start() < known.match.start():  # the longer reading wins
                        candidates[match.start("n")] = _Match(claim, pattern, match)
        request_sentences: set[int] = set()  # sentences (by start) that gave a request figure
        for _, found in sorted(candidates.items()):
            claim, match = found.claim, found.match
            if not guard.accepts(claim, match):
                continue
            sentence = folded.bounds(match.start(), _SENTENCE_END)[0]
            if found.pattern.after_fact and sentence not in request_sentences:
                continue
            if claim.table == "table3":
                request_sentences.add(sentence)
            yield from self._compare(report, paragraph, folded, claim, match)

    def _compare(self, report, paragraph, folded: FoldedText, claim: Claim, match: re.Match):
        figure = table_figure(report, claim)
        stated = read_count(match.group("n"))
        if stated is None:
            return
        if figure is None or figure == stated:
            return
        start, end = folded.original_range(match.start("n"), match.end("n"))
        span = _span(paragraph, start, end)
        args = {"fact": claim.name, "stated": stated, "table": TABLE_TITLES[claim.table], "value": figure}
        columns = self._columns_equal_to(report, claim, stated) if claim.table == "table3" else []
        if columns:
            names = [cell_names("table3", "total", c)[1] for c in columns]
            args["column"] = Localized("、".join(n.zh for n in names), ", ".join(n.en for n in names))
            yield Finding("GIA406", span, args, "column")
        else:
            yield Finding("GIA406", span, args)

    @staticmethod
    def _columns_equal_to(report, claim: Claim, stated: int) -> list[str]:
        table = report.tables["table3"]
        any_row = next(iter(table.values.values()), {})
        return [c for c in any_row if c != "total" and table_figure(report, claim, c) == stated]

    def _statements(self, report, paragraph, folded: FoldedText, guard: "_Guard", statements):
        for claim in statements:
            figure = table_figure(report, claim)
            if figure is None or figure <= 0:
                continue
            match = self._first_statement(report, folded, guard, claim)
            if match is None:
                continue
            start, end = folded.original_range(match.start(), match.end())
            yield Finding("GIA407", _span(paragraph, start, end), {
                "phrase": paragraph.text[start:end], "fact": claim.name,
                "table": TABLE_TITLES[claim.table], "value": figure,
            })

    @staticmethod
    def _first_statement(report, folded: FoldedText, guard: "_Guard", claim: Claim) -> re.Match | None:
        """The earliest accepted wording of a statement in a paragraph: one diagnostic is enough."""
        accepted = [
            match
            for pattern in claim.patterns
            for match in _compiled(pattern.regex, report.year).finditer(folded.text)
            if guard.accepts(claim, match)
        ]
        return min(accepted, key=lambda m: m.start(), default=None)


class _Guard:
    """Whether a match speaks for this agency and this year (sentence and clause checks)."""

    def __init__(self, folded: FoldedText, year: int | None, skip_words, period_words):
        self.folded = folded
        self.year = year
        self.skip_words = skip_words
        self.period_words = period_words

    def accepts(self, claim: Claim, match: re.Match) -> bool:
        text = self.folded.text
        s_start, s_end = self.folded.bounds(match.start(), _SENTENCE_END)
        sentence = text[s_start:s_end]
        if claim.context and not any(word in sentence for word in claim.context):
            return False
        if any(word in sentence for word in claim.skip_sentence_words):
            return False
        c_start, c_end = self.folded.bounds(match.start(), _CLAUSE_END)
        clause = text[c_start:max(c_end, match.end())]
        if any(word in clause for word in self.skip_words + claim.skip_clause_words):
            return False
        before = text[c_start:match.start()]
        if any(word in before for word in self.period_words):
            return False
        return all(self.year is not None and int(y) == self.year for y in _YEAR_IN_TEXT.findall(before))


class _Run(NamedTuple):
    """A paragraph a converter wrapped over several lines (pdftotext's, lynx's), read as one
    text; `starts` holds, for each line, its offset in `text` and where it starts (line, column)."""

    text: str
    kind: str
    starts: tuple[tuple[int, int, int], ...]


def _prose(paragraphs: list) -> list:
    """The paragraphs, with those a converter wrapped joined into `_Run`s (a claim such as
    收到申请 / 7件 may be cut at a line's end): a line of text of at least `WRAPPED_SHORTEST`
    characters that ends without a sentence's or a clause's mark runs on into the next line of
    text. One line a paragraph, as a report written as text has it, is left as it is."""
    out: list = []
    run: list = []
    for paragraph in paragraphs:
        if run and paragraph.kind == "text" and paragraph.span.line == run[-1].span.end_line + 1 and _runs_on(run[-1]):
            run.append(paragraph)
            continue
        if run:
            out.append(_joined(run))
        run = [paragraph]
    if run:
        out.append(_joined(run))
    return out


def _runs_on(paragraph) -> bool:
    text = paragraph.text.strip()
    return paragraph.kind == "text" and len(text) >= WRAPPED_SHORTEST and text[-1] not in _LINE_ENDS


def _joined(run: list):
    if len(run) == 1:
        return run[0]
    pieces, starts, offset = [], [], 0
    for paragraph in run:
        piece = paragraph.text.strip()
        lead = len(paragraph.text) - len(paragraph.text.lstrip())
        starts.append((offset, paragraph.span.line, paragraph.span.column + lead))
        pieces.append(piece)
        offset += len(piece)
    return _Run("".join(pieces), "text", tuple(starts))


def _span(paragraph, start: int, end: int) -> Span:
    starts = getattr(paragraph, "starts", None)
    if starts is None:
        line, column = paragraph.span.line, paragraph.span.column
        return Span(line, column + start, line, column + end)
    first_line, first_column = _position(starts, start)
    last_line, last_column = _position(starts, end - 1)
    return Span(first_line, first_column, last_line, last_column + 1)


def _position(starts: tuple[tuple[int, int, int], ...], offset: int) -> tuple[int, int]:
    """(line, column) of the character at `offset` of a `_Run`'s text."""
    for piece_offset, line, column in reversed(starts):
        if offset >= piece_offset:
            return line, column + offset - piece_offset
    raise ValueError(offset)


@hookimpl
def giarlint_rules():
    return [NarrativeConsistency()]
