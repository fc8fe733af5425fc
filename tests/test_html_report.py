"""The ``html`` format, opened in headless Chromium (tests/browser.py): every finding is on the page
and points at a highlighted span or a marked cell; a failing identity marks the wrong total and the
cells it is summed from; no request leaves the file; no console error; report text is inert.

These tests need /usr/bin/chromium (Debian package ``chromium``; ``.ci/run`` installs it) and fail,
never skip, without it. Screenshots go to ``tests/artifacts/html/`` (or $GIARLINT_ARTIFACTS), printed."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from browser import Browser
from conftest import replace_at
from giarlint_run import ROOT, SEEDS, run

ARTIFACTS = Path(os.environ.get("GIARLINT_ARTIFACTS") or ROOT / "tests" / "artifacts" / "html")
UNREAD = ROOT / "tests" / "layouts" / "heldout" / "texts" / "000.docx-lo-pdfplumber-words.txt"

# every finding on the page: its li, the piece of text it points at, the cell it names
FINDINGS_JS = """
Array.from(document.querySelectorAll('li.finding')).map(function(li){
  var target = document.getElementById(li.dataset.target);
  var cell = li.dataset.cell ? document.getElementById(li.dataset.cell) : null;
  var section = li.closest('section.report');
  return {id: li.id, code: li.dataset.code, pos: li.querySelector('.pos').textContent,
          path: section.dataset.path,
          target: target ? [target.tagName, target.className, (target.dataset.f || '').split(' ').indexOf(li.id) >= 0,
                            target.textContent] : null,
          cell: cell ? [cell.tagName, cell.className, (cell.dataset.f || '').split(' ').indexOf(li.id) >= 0] : null,
          hasCells: !!li.dataset.cell};
})
"""


def _artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    print(f"screenshots in {ARTIFACTS}")
    return ARTIFACTS


@pytest.fixture(scope="module")
def browser():
    with Browser() as opened:
        yield opened


def _html(tmp_path, *args, name="report.html") -> Path:
    target = tmp_path / name
    process = run("check", "--output-format", "html", "--output-file", target, *args)
    assert process.returncode in (0, 1), process.stderr
    assert process.stdout == ""
    return target


def _json(*args) -> list[dict]:
    return json.loads(run("check", "--output-format", "json", *args).stdout)


def _open(browser, page: Path) -> None:
    browser.open(page.as_uri())
    assert browser.requests() == [page.as_uri()], "the page must not load anything else"
    assert browser.console_errors() == []


def _assert_every_finding_points(browser, expected: list[dict]) -> list[dict]:
    shown = browser.evaluate(FINDINGS_JS)
    assert sorted((f["path"], f["code"], f["pos"]) for f in shown) == sorted(
        (d["path"], d["code"], f"{d['line']}:{d['column']}") for d in expected)
    for finding in shown:
        tag, classes, named, _ = finding["target"]
        assert tag == "MARK" and "hl" in classes.split() and named, finding
        if finding["hasCells"]:
            tag, classes, named = finding["cell"]
            assert tag == "TD" and named and {"at", "in", "flag"} & set(classes.split()), finding
    return shown


def test_seeds_every_finding_points_at_its_span(tmp_path, browser):
    seeds = [str(s) for s in SEEDS]
    page = _html(tmp_path, *seeds)
    _open(browser, page)
    shown = _assert_every_finding_points(browser, _json(*seeds))
    assert len(shown) > 10
    # a finding on a text cell (GIA205 of seed 000) marks the cell, and the span holds the cell's text
    text_cell = next(f for f in shown if f["code"] == "GIA205")
    assert text_cell["cell"][0] == "TD" and "flag" in text_cell["cell"][1]
    assert text_cell["target"][3] == "企业类674件;个人类69535件"
    # five report sections, each with its three tables drawn; the index has one row per report
    assert browser.evaluate("document.querySelectorAll('section.report').length") == 5
    assert browser.evaluate("document.querySelectorAll('section.report table.grid').length") == 15
    assert browser.evaluate("document.querySelectorAll('#index-table tbody tr').length") == 5
    # table 三 nests its rows as the form does: 三、本年度办理结果 spans the results, （三）不予公开 its eight
    spans = dict(browser.evaluate("Array.from(document.querySelectorAll('#r1 table.table3 tbody th[rowspan]'))"
                                  ".map(function(th){return [th.textContent, th.rowSpan];})"))
    assert spans == {"三、本年度办理结果": 22, "（三）不予公开": 8, "（四）无法提供": 3, "（五）不予处理": 5, "（六）其他处理": 3}
    # every code reported is documented in the page itself
    assert browser.evaluate("Array.from(document.querySelectorAll('a.code')).every(function(a){"
                            "return document.getElementById(a.getAttribute('href').slice(1)) !== null;})")
    shots = _artifacts()
    browser.screenshot(shots / "seeds-top.png")
    browser.scroll_to("#r1 table.table3")
    browser.screenshot(shots / "seeds-table3.png")
    browser.scroll_to("#r3 .rtext")
    browser.screenshot(shots / "seeds-text.png")


def test_a_wrong_total_and_its_parts_are_marked(tmp_path, browser, linter):
    seed = SEEDS[1]
    text = seed.read_text(encoding="utf-8")
    report = linter.build(str(seed), text)
    review = report.tables["table4"].values["review"]["total"]
    granted = report.tables["table3"].values["granted"]["total"]
    # two totals made wrong at their own cells: table 四's review total and table 三's 予以公开 total
    for value, new in sorted([(review, review.number + 11), (granted, granted.number + 3)],
                             key=lambda item: (-item[0].cell.span.line, -item[0].cell.span.column)):
        text = replace_at(text, value.cell.span.line, value.cell.span.column, value.text, str(int(new)))
    mutant = tmp_path / "mutant.txt"
    mutant.write_text(text, encoding="utf-8")
    page = _html(tmp_path, mutant)
    _open(browser, page)
    _assert_every_finding_points(browser, _json(mutant))
    # only marked cells carry their key
    classes = browser.evaluate("Object.fromEntries(Array.from(document.querySelectorAll('td[data-key]'))"
                               ".map(function(td){return [td.dataset.key, td.className.split(' ')];}))")
    assert all({"at", "in"} & set(c) for c in classes.values())
    assert "at" in classes["table4.review.total"]
    for part in ("upheld", "corrected", "other", "pending"):
        assert "in" in classes[f"table4.review.{part}"]
    assert "at" in classes["table3.granted.total"]
    for part in ("natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org"):
        assert "in" in classes[f"table3.granted.{part}"]
    # cells of identities that hold are not marked (（二）部分公开·总计 is: the column total (七) is now wrong)
    assert "in" in classes["table3.partial.total"] and "at" in classes["table3.total.total"]
    for key in ("table4.litigation_direct.total", "table3.partial.natural_person", "table4.litigation_direct.upheld"):
        assert key not in classes
    marked = browser.evaluate("document.querySelectorAll('td.at, td.in, td.flag').length")
    # 四's review group (5); 三's 予以公开 row (7); 三's total column: (七)总计 and the result rows, which
    # are every row but 一、二、四 (granted.total counted once)
    results_column = len(report.tables["table3"].values) - 3
    assert marked == len(classes) == 5 + 7 + results_column - 1
    identities = browser.evaluate("Array.from(document.querySelectorAll('p.identity')).map(function(p){return p.textContent;})")
    parts = [report.tables["table4"].values["review"][c].number for c in ("upheld", "corrected", "other", "pending")]
    assert any(f"总计 {int(review.number + 11)}" in line and f"= {int(sum(parts))}" in line for line in identities), identities
    browser.scroll_to("#r1 table.table3 tr:nth-last-child(8)")
    browser.screenshot(_artifacts() / "mutant-table4.png")


def test_unread_rows_are_greyed_with_their_reason(tmp_path, browser):
    page = _html(tmp_path, UNREAD)
    _open(browser, page)
    rows = browser.evaluate("Array.from(document.querySelectorAll('table.table3 tr.unread')).map(function(tr){"
                            "return tr.querySelector('.why').textContent;})")
    assert rows and all(why.startswith("未读出：") for why in rows)
    assert any("14 个单元格对应 7 列" in why for why in rows)
    assert browser.evaluate("document.querySelector('table.table3').dataset.verdict") == "partial"
    browser.scroll_to("table.table3")
    browser.screenshot(_artifacts() / "unread-rows.png")


def test_report_text_is_inert(tmp_path, browser):
    hostile = '<script>window.__pwned = 1; console.error("ran")</script><img src="http://example.invalid/x.png" onerror="window.__pwned=2">'
    text = SEEDS[1].read_text(encoding="utf-8").split("\n")
    text[0] = hostile + text[0]  # the title line
    text.insert(3, f"本机关说明：{hostile}</section></main><style>body{{display:none}}</style>")
    report = tmp_path / "hostile&<b>.txt"
    report.write_text("\n".join(text), encoding="utf-8")
    page = _html(tmp_path, report)
    _open(browser, page)  # no request for the image, no console error from the script
    assert browser.evaluate("typeof window.__pwned") == "undefined"
    assert browser.evaluate("document.scripts.length") == 1  # the page's own sorting script
    assert browser.evaluate("document.images.length") == 0
    assert browser.evaluate("document.querySelectorAll('style').length") == 1
    assert browser.evaluate("getComputedStyle(document.body).display") == "block"
    shown = browser.evaluate("document.querySelector('.rtext').textContent")
    assert hostile in shown
    assert browser.evaluate("document.querySelector('section.report').dataset.path").endswith("hostile&<b>.txt")


def test_english_page(tmp_path, browser):
    page = _html(tmp_path, "--lang", "en", SEEDS[0])
    _open(browser, page)
    assert browser.evaluate("document.documentElement.lang") == "en"
    assert browser.evaluate("document.querySelector('h1').textContent") == "giarlint results"
    assert "table 2" in browser.evaluate("document.querySelector('li.finding').textContent")


def test_web_page_and_word_reports(tmp_path, browser):
    """A report read from a web page shows its HTML source (where the positions point) as text;
    one read from a Word file shows the converted text (where its positions point)."""
    from seed_renderings import rendered

    for suffix in (".html", ".docx"):
        (tmp_path / f"seed{suffix}").write_bytes(rendered(SEEDS[0].name, suffix))
    paths = [tmp_path / "seed.html", tmp_path / "seed.docx"]
    page = _html(tmp_path, *paths, name="converted.html")
    _open(browser, page)
    _assert_every_finding_points(browser, _json(*paths))
    assert browser.evaluate("document.querySelector('#r1 .rtext').textContent").count("<td") > 10
    assert browser.evaluate("document.querySelectorAll('section.report table.grid').length") == 6


def test_a_200_report_run(tmp_path, browser):
    for copy in range(40):
        folder = tmp_path / "reports" / f"agency{copy:02d}"
        folder.mkdir(parents=True)
        for seed in SEEDS:
            shutil.copy(seed, folder / seed.name)
    reports = tmp_path / "reports"
    page = _html(tmp_path, "-j", "2", reports)
    _open(browser, page)
    _assert_every_finding_points(browser, _json(reports))
    assert browser.evaluate("document.querySelectorAll('#index-table tbody tr').length") == 200
    # the report views come back from the worker processes: every report's three tables are drawn
    assert browser.evaluate("document.querySelectorAll('section.report table.grid').length") == 600
    # the charts count what the page lists
    bars = browser.evaluate("Array.from(document.querySelectorAll('#chart-codes rect title')).map(function(t){return t.textContent;})")
    total = sum(int(bar.rsplit(": ", 1)[1]) for bar in bars)
    assert total == browser.evaluate("document.querySelectorAll('li.finding').length")
    # sorting by the E column (script) puts the rows in order of their error counts
    column = browser.evaluate("Array.from(document.querySelectorAll('#index-table thead th')).findIndex(function(th){return th.textContent === 'E';})")
    browser.evaluate(f"document.querySelectorAll('#index-table thead th')[{column}].click()")
    counts = browser.evaluate(f"Array.from(document.querySelectorAll('#index-table tbody tr')).map(function(tr){{return +tr.cells[{column}].textContent;}})")
    assert counts == sorted(counts) and counts[0] < counts[-1]
    browser.screenshot(_artifacts() / "run-200-index.png")


def test_without_chromium_the_tests_fail(monkeypatch):
    """No browser is an error (BrowserError), never a skip."""
    import browser as module

    monkeypatch.setattr(module, "CHROMIUM", "/nonexistent/chromium")
    with pytest.raises(module.BrowserError, match="chromium not found"):
        module.Browser()


def test_files_that_are_not_reports(tmp_path, browser):
    """Unreadable bytes and an empty file still get a section, their finding pointing at a mark."""
    (tmp_path / "binary.txt").write_bytes(b"\x7fELF\x02\x01\x01\x00\xff\xfe\x00\x00" * 40)
    (tmp_path / "empty.txt").write_bytes(b"")
    paths = [tmp_path / "binary.txt", tmp_path / "empty.txt"]
    page = _html(tmp_path, *paths)
    _open(browser, page)
    shown = _assert_every_finding_points(browser, _json(*paths))
    assert sorted(f["code"] for f in shown) == ["GIA001", "GIA002"]
    assert browser.evaluate("document.querySelectorAll('section.report table.grid').length") == 0


def test_the_page_prints(tmp_path, browser):
    """Printed (Chromium's print to PDF), each report starts a page."""
    import base64

    page = _html(tmp_path, *SEEDS)
    _open(browser, page)
    pdf = base64.b64decode(browser.call("Page.printToPDF", session=True, printBackground=True)["data"])
    assert pdf.startswith(b"%PDF")
    pages = pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")
    assert pages > len(SEEDS)
    (_artifacts() / "seeds-print.pdf").write_bytes(pdf)


def test_blank_and_text_cells_are_shown_as_such(tmp_path, browser, linter):
    """A cell left blank in a pipe table (seed 000) reads “空白” in its cell, framed as GIA209's;
    the text cell of the same report shows its text."""
    seed = SEEDS[0]
    text = seed.read_text(encoding="utf-8")
    value = linter.build(str(seed), text).tables["table3"].values["granted"]["natural_person"]
    span = value.cell.span
    blanked = tmp_path / "blank.txt"
    blanked.write_text(replace_at(text, span.line, span.column, value.text, " " * len(value.text)), encoding="utf-8")
    page = _html(tmp_path, blanked)
    _open(browser, page)
    shown = _assert_every_finding_points(browser, _json(blanked))
    blank = next(f for f in shown if f["code"] == "GIA209")
    cell = browser.evaluate("(function(td){return [td.dataset.key, td.className, td.textContent];})"
                            f"(document.getElementById(document.getElementById('{blank['id']}').dataset.cell))")
    assert cell[0] == "table3.granted.natural_person"
    assert "blank" in cell[1].split() and "flag" in cell[1].split() and cell[2] == "空白"
    text_cell = browser.evaluate("document.querySelector('td.text').textContent")
    assert text_cell == "企业类674件;个人类69535件"
