"""Group the parser's lines into a `Document`: metadata, title, preamble, sections and tables.

Tables 二, 三 and 四 are located first (giarlint.tables.locate) and reach this module as one
line each, whose cells the table wing tokenizes; other lines of cells (| ｜ tab) are kept as
tables of their own.
"""

from __future__ import annotations

import re
from functools import lru_cache

from giarlint.data import rules_data
from giarlint.normalize import fold
from giarlint.parser import Line, ParseResult, parse_lines
from giarlint.readers.markup import blank_joints, title_bounds
from giarlint.tables.locate import locate
from giarlint.tables.templates import Templates, load_templates
from giarlint.tables.tokens import running_heads, tokenize
from giarlint.tree import Document, Heading, Paragraph, Section, Span, Table

_NUMERALS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_TITLE_LABEL = re.compile(r"^(?:标题|標題|文章标题)\s*[:：]\s*|^\.\. [a-z-]+::[ \t]+")  # (.. rubric:: in rst)
# a crawler's copy of a page's script or data: "id": "2019年…年度报告", (the title is the string)
_CODE_PROPERTY = re.compile(r"""^[ \t]*["']?[A-Za-z_$][\w$-]*["']?[ \t]*[:=][ \t]*(["'])([^"'\\]*)\1[ \t]*[,;]?[ \t]*$""")
_TITLE_WORDS = "政府信息公开工作年度报告"
# a page's <title> names the site after the report's: …年度报告_政务公开_人民政府门户网站, …年度报告 - 某市人民政府
_SITE_SUFFIX = re.compile(r"(?<=年度报告|年度報告)[ \t]*[_|｜—–-].*$")
_YEAR = re.compile(r"(?:19|20)\d\d")
_SENTENCE_MARKS = frozenset("。，,；;：:")
_LIST_ITEM = re.compile(r"[-*+•·][ \t]")
# a link: the whole line (a page's list of other reports), or in a list item; an Org property
_LINK_LINE = re.compile(r"^\[|^:[A-Z_]+:")
_LINK = re.compile(r"\]\(|\[\[|link:|\":/|>`_")  # Markdown, Org, AsciiDoc, Textile, rst
_AGENCY_FIRST = re.compile(r"^[^\d\s].*?(?:19|20)\d\d\s*年")
_HEADING = re.compile(r"^([一二三四五六七八九十]{1,3})\s*([、．.，,])\s*(.*)$", re.S)


def chinese_numeral(text: str) -> int:
    """一 → 1, 十一 → 11, 二十 → 20."""
    if "十" not in text:
        return _NUMERALS.get(text, 0)
    tens, _, units = text.partition("十")
    return (_NUMERALS.get(tens, 1) if tens else 1) * 10 + (_NUMERALS.get(units, 0) if units else 0)


def _heading(line: Line) -> Heading:
    match = _HEADING.match(line.text)
    if not match:
        return Heading(0, "", line.text, line.span)
    ordinal_text, separator, title = match.groups()
    return Heading(chinese_numeral(ordinal_text), ordinal_text, title.strip(), line.span, separator)


def _split(lines: list[Line], report_lines: list[str]) -> list:
    """The lines of one section (or the preamble) as paragraphs and tables: a located table
    (tables 二, 三, 四) with its tokens, or a run of other lines of cells."""
    blocks: list = []
    rows: list[Line] = []
    for line in lines + [None]:
        if line is not None and line.kind == "row":
            rows.append(line)
            continue
        if rows:
            blocks.append(Table([r.row for r in rows], Span.merge(rows[0].span, rows[-1].span)))
            rows = []
        if line is None:
            break
        if line.kind == "table":
            blocks.append(_located_table(line, report_lines))
        else:
            blocks.append(Paragraph(line.text, line.span, _PARAGRAPH_KINDS.get(line.kind, "text")))
    return blocks


_PARAGRAPH_KINDS = {"subheading": "subheading", "metadata": "metadata"}


def _located_table(line: Line, report_lines: list[str]) -> Table:
    """The table of a TABLE line: its lines are the report's own (the very strings the locator
    looked up, whose hashes the cell memo then reuses)."""
    lines = report_lines[line.span.line - 1 : line.span.end_line]
    return Table(None, line.span, line.table, lines,
                 tokenize(lines, line.span.line, running_heads(lines, report_lines)))


def _bare(title: Paragraph) -> Paragraph:
    """The title without what a crawler or a converter put around it: 标题: (a crawler's record of
    the page), a script's property ("id": "…",), a converter's markup
    (`giarlint.readers.markup.title_bounds`), the site's name after it in a page's <title>."""
    text, column = title.text, title.span.column
    label = _TITLE_LABEL.match(text)
    if label:
        text, column = text[label.end() :], column + label.end()
    quoted = _CODE_PROPERTY.match(text)
    if quoted:
        text, column = quoted.group(2), column + quoted.start(2)
    start, end = title_bounds(text)
    if (start, end) != (0, len(text)):
        text, column = blank_joints(text[start:end]), column + start
    suffix = _SITE_SUFFIX.search(text)
    if suffix:
        text = text[: suffix.start()]
    if text == title.text:
        return title
    end_column = column + len(text) if title.span.line == title.span.end_line else title.span.end_column
    return Paragraph(text, title.span._replace(column=column, end_column=end_column), title.kind)


def _title(candidates: list[Paragraph], lines: list[str]) -> Paragraph | None:
    """The report's title: the first of the preamble's lines naming the report that is not a
    link or an Org property, nor a list item unless it names an agency before the year (a page's
    list of other reports: "* 2021年政府信息公开工作年度报告"; an Org heading: "* 昆明市…"). A
    line without a year (a running page header: 政府信息公开工作年度报告) gives way to a later
    short line with a year that is not a sentence, and is no title at all when it recurs down the
    report."""
    eligible = []
    for candidate in candidates:
        if _LINK_LINE.search(candidate.text):
            continue
        bare = _bare(candidate)
        if _TITLE_WORDS not in fold(bare.text):
            continue  # the words were in the markup: <span id="…年度报告"></span>
        if _LIST_ITEM.match(candidate.text) and (_LINK.search(candidate.text) or not _AGENCY_FIRST.match(fold(bare.text))):
            continue
        eligible.append(bare)
    listed = _listed(eligible, lines)
    eligible = [b for b in eligible if id(b) not in listed]
    if not eligible:
        return None
    first = eligible[0]
    if _YEAR.search(first.text):
        if _AGENCY_FIRST.match(fold(first.text)):
            return first
        # "2021年政府信息公开工作年度报告" naming no agency: in a PDF of the page, the list of other
        # reports, printed without bullets, above the title; a later short line naming one is the title
        named = next((b for b in eligible[1:] if _AGENCY_FIRST.match(fold(b.text))
                      and len("".join(b.text.split())) <= 60 and _SENTENCE_MARKS.isdisjoint(b.text)), None)
        return named or first
    later = next((b for b in eligible[1:] if _YEAR.search(b.text) and len("".join(b.text.split())) <= 60
                  and _SENTENCE_MARKS.isdisjoint(b.text)), None)
    if later is not None:
        return later
    return None if sum(line.strip() == first.text for line in lines) > 1 else first


def _bare_year(paragraph: Paragraph) -> bool:
    """A line with a year but no agency before it: 2021年政府信息公开工作年度报告."""
    return _YEAR.search(paragraph.text) is not None and not _AGENCY_FIRST.match(fold(paragraph.text))


def _listed(eligible: list[Paragraph], lines: list[str]) -> set[int]:
    """Those of them that follow one another with at most one other line of text between them
    (blank lines aside), two or more: the page's list of other years' reports (相关文章), printed
    without bullets in a PDF or a tag-stripped page; by `id`. (Neighbours only: linear in the report.)"""
    bare = [paragraph for paragraph in eligible if _bare_year(paragraph)]
    listed: set[int] = set()
    for before, after in zip(bare, bare[1:]):
        between = lines[before.span.end_line : after.span.line - 1]
        if sum(1 for line in between if line.strip()) <= 1:
            listed.update((id(before), id(after)))
    return listed


def _title_candidates(preamble: list) -> list[Paragraph]:
    """The preamble's paragraphs naming the report, a title that a PDF wrapped after its year
    (昆明市应急管理局2022年政府信息公开工作年度报 / 告) joined into one paragraph over both lines."""
    paragraphs = [block for block in preamble if isinstance(block, Paragraph)]
    found = []
    for paragraph, after in zip(paragraphs, [*paragraphs[1:], None]):
        folded = fold(paragraph.text)
        if _TITLE_WORDS in folded:
            found.append(paragraph)
        elif (after is not None and after.span.line == paragraph.span.end_line + 1 and _YEAR.search(folded)
              and len(fold(after.text)) <= _WRAPPED_REST and _TITLE_WORDS in folded + fold(after.text)):
            span = Span(paragraph.span.line, paragraph.span.column, after.span.end_line, after.span.end_column)
            found.append(Paragraph(paragraph.text + after.text.strip(), span, paragraph.kind))
    return found


_WRAPPED_REST = 12  # characters of a wrapped title's second line: the end of 政府信息公开工作年度报告


def assemble(parsed: ParseResult, lines: list[str]) -> Document:
    """The `Document` of the parser's lines; `lines` are the report's."""
    metadata = [Paragraph(l.text, l.span, "metadata") for l in parsed.preamble if l.kind == "metadata"]
    preamble = _split([l for l in parsed.preamble if l.kind != "metadata"], lines)
    title = _title(_title_candidates(preamble), lines)
    sections = [Section(_heading(s.heading), _split(s.lines, lines)) for s in parsed.sections]
    return Document(metadata, title, preamble, sections, len(lines))


def read_document(text: str, templates: Templates | None = None, lines: list[str] | None = None) -> Document:
    """Parse newline-normalised text (whose lines, `text.split("\\n")`, may be given) into a
    `Document`: tables located first (by the anchor words of `templates`), then the prose
    grammar over the rest."""
    templates = templates or load_templates()
    lines = lines if lines is not None else text.split("\n")
    extents = locate(lines, templates.locate, section_words())
    return assemble(parse_lines(text, extents, lines), lines)


@lru_cache(maxsize=1)
def section_ordinals() -> frozenset[int]:
    """The numbers of the sections a report has (rules/structure.yaml): 一 to 六."""
    return frozenset(section["ordinal"] for section in rules_data("structure")["sections"])


@lru_cache(maxsize=1)
def section_words() -> tuple[str, ...]:
    """The folded words that name the six sections (rules/structure.yaml)."""
    return tuple(fold(word) for section in rules_data("structure")["sections"] for word in section["match"])
