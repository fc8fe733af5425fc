"""Headings and titles wrapped in a converter's markup (tests/layouts/markup: the seeds' web pages
through pandoc to Org, AsciiDoc, MediaWiki, Textile, CommonMark, strict and pandoc's own Markdown): all six
sections and the title are found, at the columns of their own words. Before, the bold spans of
the page left every section "missing" (six GIA103 a report) and the title was the first link of
the page's list of other reports."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from giarlint.readers.markup import unwrap_markup
from giarlint.source import normalise_newlines

TESTS = Path(__file__).resolve().parent
# with pandoc's own Markdown of the pages (``**[一、总体情况]{style="…"}**``, ``# 标题 {#id .class}``)
MARKUP = sorted([*(TESTS / "layouts" / "markup" / "texts").glob("*.txt"),
                 *(TESTS / "layouts" / "texts").glob("*.pandoc-markdown.txt")])
SEEDS = {path.name[:3]: path for path in (TESTS / "seeds").glob("*.txt")}


@pytest.fixture(scope="module")
def seeds(linter):
    """Each seed's (title, section numerals) as its own text gives them (004 has no title, and
    two sections numbered 一)."""
    out = {}
    for number, path in SEEDS.items():
        document = linter.build(str(path), path.read_text(encoding="utf-8")).document
        out[number] = (document.title.text if document.title else None,
                       [section.heading.ordinal for section in document.sections])
    return out


@pytest.mark.parametrize("path", MARKUP, ids=lambda p: p.name)
def test_the_six_sections_and_the_title_are_found(linter, seeds, path):
    text = path.read_text(encoding="utf-8")
    report = linter.build(str(path), text)
    title = report.document.title
    title_text, numerals = seeds[path.name[:3]]
    assert [section.heading.ordinal for section in report.document.sections] == numerals
    assert (title.text if title else None) == title_text  # 004's page has none, only links to others
    assert not [d for d in linter.lint_text(str(path), text) if d.code == "GIA103"]
    lines = normalise_newlines(text).split("\n")
    for block in [title] * (title is not None) + [section.heading for section in report.document.sections]:
        span = block.span
        shown = block.text if hasattr(block, "kind") else f"{block.ordinal_text}{block.separator}"
        assert lines[span.line - 1][span.column - 1 :].startswith(shown)


def test_a_heading_is_pointed_at_its_numeral(linter):
    """``*一、总体情况*`` (Org): the heading starts at column 2, after the markup."""
    path = TESTS / "layouts" / "markup" / "texts" / "000.pandoc-org.txt"
    text = path.read_text(encoding="utf-8")
    first = linter.build(str(path), text).document.sections[0].heading
    line = text.split("\n")[first.span.line - 1]
    assert line.startswith("*一、总体情况*") and (first.span.column, first.title) == (2, "总体情况")


def test_the_title_is_not_a_link_of_the_pages_list_of_other_reports(linter, seeds):
    """lynx prints the sidebar's ``* 2021年政府信息公开工作年度报告`` before the page's title."""
    path = TESTS / "layouts" / "texts" / "000.lynx.txt"
    text = path.read_text(encoding="utf-8")
    assert "* 2021年政府信息公开工作年度报告" in text
    assert linter.build(str(path), text).document.title.text == seeds["000"][0]


def test_only_markup_becomes_spaces_and_only_there():
    text = ("**<span\nstyle=\"font-family:黑体\">三、收到和处理政府信息公开申请情况</span>**\n"
            "'''（一）主动公开'''\n## 四、政府信息公开行政复议、行政诉讼情况 ##\n"
            "* 2021年政府信息公开工作年度报告\n**本机关**共收到申请 5 件\n<b>六、其他需要报告的事项</b>\n"
            '**[五、存在的主要问题及改进情况]{style="font-family:黑体"}**\n[一、总体情况](#a)\n'
            "## 二、主动公开政府信息情况 {#sec-2}\n")
    out = unwrap_markup(text)
    assert len(out) == len(text) and all(a == b or b == " " for a, b in zip(text, out))
    assert out.split("\n") == [
        " " * 7, " " * len('style="font-family:黑体">') + "三、收到和处理政府信息公开申请情况" + " " * 9,
        "   （一）主动公开   ", "   四、政府信息公开行政复议、行政诉讼情况   ",
        "* 2021年政府信息公开工作年度报告",  # a list bullet: not a title's markup
        "**本机关**共收到申请 5 件",  # not a heading
        "   六、其他需要报告的事项    ",
        "   五、存在的主要问题及改进情况" + " " * len(']{style="font-family:黑体"}**'),
        "[一、总体情况](#a)",  # a link (a table of contents' entry): not a heading
        "   二、主动公开政府信息情况" + " " * len(" {#sec-2}"), "",
    ]
    assert unwrap_markup(out) == out


def test_plain_text_is_returned_as_it_is_and_rules_of_marks_cost_little():
    for path in SEEDS.values():
        text = path.read_text(encoding="utf-8")
        assert unwrap_markup(text) is text
    rules = ("_" * 300 + "\n" + "*" * 300 + "\n" + "'" * 300 + "\n" + "=" * 300 + " ==\n") * 200
    start = time.process_time()
    assert unwrap_markup(rules) == rules
    assert time.process_time() - start < 1


@pytest.mark.parametrize("text, title, column, codes", [
    # the opening sentence names the agency; the title does not: the title is still the first line
    ("2021年政府信息公开工作年度报告\n\n按照《条例》要求，现将昆明市应急管理局2021年政府信息公开工作年度报告公布如下。\n",
     "2021年政府信息公开工作年度报告", 1, ["GIA102"]),
    ("昆明市应急管理局2021年政府信息公开工作年度报告（[PDF](a.pdf)）\n", "昆明市应急管理局2021年政府信息公开工作年度报告（[PDF](a.pdf)）", 1, []),
    ("=昆明市应急管理局2021年政府信息公开工作年度报告=\n", "昆明市应急管理局2021年政府信息公开工作年度报告", 2, []),
    ("标题：昆明市应急管理局2021年政府信息公开工作年度报告\n", "昆明市应急管理局2021年政府信息公开工作年度报告", 4, []),
    # a PDF of the page: its list of other reports above the title, without bullets, and the
    # title wrapped after its year (Chromium's PDF through pdfplumber)
    ("相关文章\n2021年政府信息公开工作年度报告\n2020年政府信息公开工作年度报告\n"
     "昆明市应急管理局2022年政府信息公开工作年度报\n告\n来源：本机关\n",
     "昆明市应急管理局2022年政府信息公开工作年度报告", 1, []),
    ("2021年政府信息公开工作年度报告\n2020年政府信息公开工作年度报告\n昆明市应急管理局2022年政府信息公开工作年度报告\n",
     "昆明市应急管理局2022年政府信息公开工作年度报告", 1, []),
    # rst (pandoc): the sidebar's links, then the title as a rubric
    ("      -  `2021年政府信息公开工作年度报告 </a/1.html>`__\n\n   .. rubric:: 昆明市应急管理局2022年政府信息公开工作年度报告\n",
     "昆明市应急管理局2022年政府信息公开工作年度报告", 16, []),
    # a tag-stripped page: its <title> names the site after the report
    ("昆明市应急管理局2022年政府信息公开工作年度报告_政务公开_人民政府门户网站\n",
     "昆明市应急管理局2022年政府信息公开工作年度报告", 1, []),
    ("昆明市应急管理局2022年政府信息公开工作年度报告 - 昆明市人民政府\n", "昆明市应急管理局2022年政府信息公开工作年度报告", 1, []),
    # a crawler's copy of the page's script (tests/layouts/public/shanghai-gov-office-2019.txt)
    ('\t"id": "2019年上海市人民政府办公厅政府信息公开工作年度报告",\n',
     "2019年上海市人民政府办公厅政府信息公开工作年度报告", 9, []),
    ("title = '昆明市应急管理局2021年政府信息公开工作年度报告';\n", "昆明市应急管理局2021年政府信息公开工作年度报告", 10, []),
    # the agency on the line above a title in bold: still found
    ("**昆明市应急管理局**\n**2021年政府信息公开工作年度报告**\n", "2021年政府信息公开工作年度报告", 3, []),
    ("- 2021年政府信息公开工作年度报告\n", None, None, ["GIA101"]),  # a list item naming no agency: a link
    # pandoc's own Markdown: a bracketed span, a heading's attributes
    ('**[昆明市应急管理局2021年政府信息公开工作年度报告]{style="font-family:黑体"}**\n',
     "昆明市应急管理局2021年政府信息公开工作年度报告", 4, []),
    ("# 昆明市应急管理局2021年政府信息公开工作年度报告 {#top .article-title}\n",
     "昆明市应急管理局2021年政府信息公开工作年度报告", 3, []),
    # a Word title in three runs, through LibreOffice's HTML and pandoc: the joints are blanked
    ("**昆明市应急管理局** **2021** **年政府信息公开工作年度报告**\n",
     "昆明市应急管理局     2021     年政府信息公开工作年度报告", 3, []),
    ("'''昆明市应急管理局''''''2021''''''年政府信息公开工作年度报告'''\n",
     "昆明市应急管理局      2021      年政府信息公开工作年度报告", 4, []),
    # a page header without a year, above the title (LibreOffice's HTML of a Word file with one)
    ("政府信息公开工作年度报告（页眉）\n\n   昆明市应急管理局2021年政府信息公开工作年度报告\n",
     "昆明市应急管理局2021年政府信息公开工作年度报告", 4, []),
])
def test_the_title_of_a_line_with_markup_or_beside_others(linter, text, title, column, codes):
    text += "\n一、总体情况\n"
    found = linter.build("x.txt", text).document.title
    assert (found.text if found else None, found.span.column if found else None) == (title, column)
    assert [d.code for d in linter.lint_text("x.txt", text) if d.code in ("GIA101", "GIA102")] == codes


def test_lines_built_to_make_a_regex_try_every_cut_cost_little(linter):
    """Closing markup is matched from the line's end in one pass; a line over 200 characters is
    not a heading: 16 MB of such lines would otherwise take minutes."""
    lines = ["**一、" + " " * 190 + "x", "**一、" + " =" * 95 + "x", "## 一、" + " #" * 95 + "y",
             "**一、" + " =" * 20000 + "x", "'''一、" + "'" * 190 + "x", "=" * 199]
    text = "\n".join(lines * 500) + "\n"
    start = time.process_time()
    out = unwrap_markup(text)
    assert time.process_time() - start < 2
    assert len(out) == len(text)
    start = time.process_time()
    linter.lint_text("x.txt", "昆明市应急管理局2021年政府信息公开工作年度报告" + " =" * 20000 + "\n" + text[:40000])
    assert time.process_time() - start < 5


@pytest.mark.parametrize("path", sorted((TESTS / "layouts" / "texts").glob("00[0-3].pdf*.txt")), ids=lambda p: p.name)
def test_a_pdfs_running_page_header_is_not_the_title(linter, seeds, path):
    """The PDF prints 政府信息公开工作年度报告 at the top of every page, above the title."""
    text = path.read_text(encoding="utf-8")
    assert text.lstrip().startswith("政府信息公开工作年度报告")
    title = linter.build(str(path), text).document.title
    assert "".join(title.text.split()) == "".join(seeds[path.name[:3]][0].split())


@pytest.mark.parametrize("path", sorted((TESTS / "layouts" / "texts").glob("004.pdf*.txt")), ids=lambda p: p.name)
def test_a_running_page_header_is_no_title_when_the_report_has_none(linter, seeds, path):
    """Seed 004 has no title; its PDF prints the bare words at the top of every page: they recur
    down the report, so they are the page's furniture, and the report still has no title."""
    text = path.read_text(encoding="utf-8")
    assert seeds["004"][0] is None and text.count("政府信息公开工作年度报告") > 1
    assert linter.build(str(path), text).document.title is None


RENDERINGS = sorted(path for folder in ("texts", "heldout/texts", "stress/texts", "markup/texts", "crawlers/texts")
                    for path in (TESTS / "layouts" / folder).glob("00[0-4]*.*.txt"))


@pytest.mark.parametrize("path", RENDERINGS, ids=lambda p: p.name)
def test_every_rendering_finds_its_seeds_title(linter, seeds, path):
    """Tool outputs of the seeds and their stress variants: the title is the seed's, whatever the
    page or the PDF printed around it (a list of other reports, a wrapped line, the site's name in
    the page's <title>, a rubric), spaces aside. Seed 004 has none: no line of its pages' list of
    other reports is taken for it (a page's bare <title> may be, without a year: GIA101 either way)."""
    title = linter.build(str(path), path.read_text(encoding="utf-8")).document.title
    wanted = seeds[path.name[:3]][0]
    if wanted is None:
        assert title is None or not re.search(r"(?:19|20)\d\d", title.text)
    else:
        assert title is not None and "".join(title.text.split()) == "".join(wanted.split())
