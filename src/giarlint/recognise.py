"""Whether a text is plainly not a report: a README or a note met by a directory walk or the hook.

A report has at least one of: a title line naming 政府信息公开 and 年度报告, a heading with the
wording of one of the six sections, or one of the three statistical tables. A text with none of
them is GIA002 when named on the command line and skipped (with a note under ``-v``) when a
directory walk or the pre-commit hook found it.
"""

from __future__ import annotations

from giarlint.normalize import fold
from giarlint.patterns import lazy

_TITLE = lazy(r"政府信息公开.{0,8}年度报告")  # compiled when a found file must be told from a report
_SENTENCE_END = "。；;，,：:！？!?"
_TITLE_LINES = 12  # a title stands near the top
_TITLE_LENGTH = 80


def fenced_lines(path: str, lines: list[str]) -> set[int]:
    """The 1-based numbers of the lines inside fenced code blocks of a Markdown file (a document
    that shows a report as an example is not one); none for other files."""
    if not path.lower().endswith((".md", ".markdown")):
        return set()
    inside, fence, out = False, "", set()
    for number, line in enumerate(lines, start=1):
        stripped = line.lstrip()
        if stripped.startswith(("```", "~~~")) and (not inside or stripped.startswith(fence)):
            inside, fence = not inside, stripped[:3]
            out.add(number)
        elif inside:
            out.add(number)
    return out


def has_report_title(lines: list[str], skipped: set[int] = frozenset()) -> bool:
    """A short line near the top that names the report (not a sentence that mentions reports)."""
    seen = 0
    for number, line in enumerate(lines, start=1):
        text = line.strip().lstrip("#").strip()
        if not text or number in skipped:
            continue
        seen += 1
        if seen > _TITLE_LINES:
            return False
        if len(text) <= _TITLE_LENGTH and not text.endswith(tuple(_SENTENCE_END)) and _TITLE.search(fold(text)):
            return True
    return False


def looks_like_report(report) -> bool:
    """A title, a section heading of the six or a statistical table, outside a Markdown file's code blocks."""
    from giarlint.builtin_rules.sections import canonical_sections, match_section

    fenced = fenced_lines(report.path, report.lines)
    if any(t.kind and t.span.line not in fenced for t in report.document.tables()) and report.tables:
        return True
    sections = canonical_sections()
    if any(match_section(s.heading.title, sections) is not None and s.heading.span.line not in fenced
           for s in report.document.sections):
        return True
    return has_report_title(report.lines, fenced)
