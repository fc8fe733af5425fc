"""Regenerate the committed layout fixtures of the table reader (run by hand, not by pytest).

Renders the five seeds (tests/seeds) to PDF and HTML (tests/seed_renderings.py, plus the
variants of tests/layouts/render.py), runs real text-extraction tools on them and writes:

    texts/<seed3>.<tool>.txt   what each tool printed (UTF-8), byte for byte
    truth/<seed3>.json         tables 二/三/四 of `giarlint extract` on the seed text
    VERSIONS.md                every tool's version and command line
    hand/<case>.txt, .json     hand-made edits of seed 000 for what the tools do not produce,
                               with the table 三/四 values expected and the rows to report unread

    . .venv/bin/activate && python tests/layouts/make_layouts.py

needs pdftotext (poppler-utils), lynx, w3m and pandoc on PATH, and pdfplumber, pdfminer.six
and html2text in the environment. The suite reads the outputs; it never runs the tools.
"""

from __future__ import annotations

import html
import importlib.metadata
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
TESTS = HERE.parent
sys.path[:0] = [str(HERE), str(TESTS)]

import render  # noqa: E402
import seed_renderings  # noqa: E402

TEXTS, TRUTH = HERE / "texts", HERE / "truth"

# -- the rendered documents ---------------------------------------------------------------
# name -> (suffix, what it is, how it is made)
DOCUMENTS = {
    "pdf": (".pdf", "seed_renderings.pdf_bytes: ruled tables, merged header cells, long labels wrapped "
                    "in their cells, page header and footer \"- N -\"", lambda r: seed_renderings.pdf_bytes(r)),
    "pdf-vertical": (".pdf", "as pdf, the group label 三、本年度办理结果 of table 三 printed one character per line "
                             "in its rowspan cell", lambda r: render.pdf_bytes(r, vertical=True)),
    "pdf-split": (".pdf", "as pdf, table 三 broken over two pages before row 5.属于三类内部事务信息 (inside the "
                          "rowspan of （三）不予公开, whose label stays on the first page); footer and header between "
                          "the halves, header rows not repeated", lambda r: render.pdf_bytes(r, split=True)),
    "html": (".html", "seed_renderings.html_page: a cluttered government page, rowspan/colspan, &nbsp; "
                      "cells, <br> inside cells", lambda r: seed_renderings.html_page(r)),
    "html-t4split": (".html", "as html, table 四 printed as three small tables (行政复议 / 未经复议直接起诉 / "
                              "复议后起诉), each a title row, a header row and 5 values",
                     lambda r: render.html_page(r, t4split=True)),
}


# -- the tools ----------------------------------------------------------------------------
# the same output whatever the caller's terminal or locale
_ENV = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "LANG", "LANGUAGE") and not k.startswith("LC_")}
_ENV["LC_ALL"] = "C.UTF-8"


def run(args: list[str]) -> str:
    done = subprocess.run(args, capture_output=True, check=True, env=_ENV)
    return done.stdout.decode("utf-8")


def pdfplumber_text(path: Path) -> str:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def html2text_text(path: Path) -> str:
    import html2text

    return html2text.HTML2Text().handle(path.read_text(encoding="utf-8"))


_DROP = re.compile(r"<(script|style)\b.*?</\1\s*>|<!--.*?-->", re.S | re.I)
_BLOCK = re.compile(r"</?(?:p|div|br|tr|td|th|table|tbody|thead|ul|ol|li|h[1-6])\b[^>]*>", re.I)
_TAG = re.compile(r"<[^>]*>")


def _collapse(text: str) -> str:
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line) + "\n"


def strip_blocks(path: Path) -> str:
    """A crawler's text: scripts and styles dropped, a line break at every block element
    (p, div, br, tr, td, ...), other tags removed, entities unescaped, whitespace collapsed."""
    text = _DROP.sub("", path.read_text(encoding="utf-8"))
    text = _TAG.sub("", _BLOCK.sub("\n", text))
    return _collapse(html.unescape(text))


def strip_flat(path: Path) -> str:
    """A cruder crawler: every tag removed with nothing in its place, so the cells of a table
    row run together; only the line breaks of the HTML source remain (one per <tr>, <p>, ...)."""
    text = _TAG.sub("", _DROP.sub("", path.read_text(encoding="utf-8")))
    return _collapse(html.unescape(text))


# tool name -> (document, command line as recorded, runner)
TOOLS = {
    "pdfplumber": ("pdf", "python: pdfplumber.open(PDF); \"\\n\".join(page.extract_text() for page in pdf.pages)", pdfplumber_text),
    "pdf2txt": ("pdf", "pdf2txt.py PDF", lambda p: run(["pdf2txt.py", str(p)])),
    "pdftotext-layout": ("pdf", "pdftotext -layout -enc UTF-8 PDF -", lambda p: run(["pdftotext", "-layout", "-enc", "UTF-8", str(p), "-"])),
    "pdftotext-raw": ("pdf", "pdftotext -raw -enc UTF-8 PDF -", lambda p: run(["pdftotext", "-raw", "-enc", "UTF-8", str(p), "-"])),
    "pdftotext": ("pdf", "pdftotext -enc UTF-8 PDF -", lambda p: run(["pdftotext", "-enc", "UTF-8", str(p), "-"])),
    "lynx": ("html", "lynx -dump -nolist -display_charset=utf-8 HTML", lambda p: run(["lynx", "-dump", "-nolist", "-display_charset=utf-8", str(p)])),
    "w3m": ("html", "w3m -dump -T text/html -O utf-8 HTML", lambda p: run(["w3m", "-dump", "-T", "text/html", "-O", "utf-8", str(p)])),
    "html2text": ("html", "python: html2text.HTML2Text().handle(HTML text) (default options: body_width 78)", html2text_text),
    "pandoc-plain": ("html", "pandoc -f html -t plain HTML", lambda p: run(["pandoc", "-f", "html", "-t", "plain", str(p)])),
    "pandoc-markdown": ("html", "pandoc -f html -t markdown HTML", lambda p: run(["pandoc", "-f", "html", "-t", "markdown", str(p)])),
    "pandoc-gfm": ("html", "pandoc -f html -t gfm HTML", lambda p: run(["pandoc", "-f", "html", "-t", "gfm", str(p)])),
    "strip-blocks": ("html", "python: strip_blocks() in make_layouts.py (regex: drop script/style/comments, "
                             "newline at p/div/br/tr/td/th/table/li/h*, drop other tags, html.unescape, collapse spaces, drop empty lines)", strip_blocks),
    "strip-flat": ("html", "python: strip_flat() in make_layouts.py (regex: drop script/style/comments, "
                           "drop every tag with no separator, html.unescape, collapse spaces, drop empty lines)", strip_flat),
}

# tool on a variant document: "<tool>-<variant>" runs TOOLS[tool] on document "<kind>-<variant>"
VARIANTS = {
    "vertical": ["pdfplumber", "pdf2txt", "pdftotext-layout"],
    "split": ["pdfplumber", "pdftotext-layout", "pdftotext"],
    "t4split": ["lynx", "w3m", "html2text", "pandoc-plain", "strip-flat"],
}


def tool_runs() -> dict[str, tuple[str, str, object]]:
    """Every output name -> (document, command line, runner)."""
    runs = dict(TOOLS)
    for variant, tools in VARIANTS.items():
        for tool in tools:
            kind, command, runner = TOOLS[tool]
            runs[f"{tool}-{variant}"] = (f"{kind}-{variant}", command, runner)
    return runs


# -- versions -----------------------------------------------------------------------------
def _first_line(args: list[str]) -> str:
    done = subprocess.run(args, capture_output=True, text=True)
    return (done.stdout or done.stderr).strip().splitlines()[0]


def versions() -> list[tuple[str, str]]:
    out = [
        ("pdftotext (poppler-utils)", _first_line(["pdftotext", "-v"])),
        ("lynx", _first_line(["lynx", "-version"])),
        ("w3m", _first_line(["w3m", "-version"])),
        ("pandoc", _first_line(["pandoc", "--version"])),
        ("python", sys.version.split()[0]),
    ]
    for package in ("pdfplumber", "pdfminer.six", "pypdfium2", "html2text", "reportlab"):
        out.append((f"{package} (pip)", importlib.metadata.version(package)))
    return out


def write_versions(runs) -> None:
    lines = ["# Tool versions and command lines", "",
             "Written by `make_layouts.py`; the texts in `texts/` were made with these.", "",
             "| tool | version |", "| --- | --- |"]
    lines += [f"| {name} | `{version}` |" for name, version in versions()]
    lines += ["", "`pdf2txt.py` is the script of pdfminer.six; pdfplumber uses pdfminer.six too. "
              "External commands run with `LC_ALL=C.UTF-8` and without `COLUMNS`/`LINES`/`LANG` (lynx and w3m "
              "keep their default 80-column dump width).", "", "## Documents", "", "Rendered from each seed's parsed report; not committed (regenerated on each run).", "",
              "| document | made by |", "| --- | --- |"]
    lines += [f"| {name} | {what} |" for name, (_, what, _) in DOCUMENTS.items()]
    lines += ["", "## Tool names", "",
              "`texts/<seed3>.<tool name>.txt` is the tool's standard output (or the Python call's result) on the document, "
              "decoded as UTF-8 and written unchanged. PDF / HTML stand for the document's path.", "",
              "| tool name | document | command |", "| --- | --- | --- |"]
    lines += [f"| {name} | {document} | `{command}` |" for name, (document, command, _) in runs.items()]
    (HERE / "VERSIONS.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


# -- truth --------------------------------------------------------------------------------
def truth(path: Path) -> dict:
    done = subprocess.run([sys.executable, "-m", "giarlint", "extract", str(path), "--output-format", "json"],
                          capture_output=True, check=True, text=True)
    [record] = json.loads(done.stdout)
    return {"seed": path.name, "format": record["format"],
            **{key: record["tables"].get(key) for key in ("table2", "table3", "table4")}}


def _check_against_hand_values(number: str, record: dict) -> None:
    """The extract must agree with the values transcribed by hand in test_extract_seeds.py."""
    import test_extract_seeds

    expected = test_extract_seeds.EXPECTED[number]
    for key in ("table2", "table3"):
        if key in expected and expected[key] != record[key]:
            raise SystemExit(f"{number}: {key} of the extract differs from tests/test_extract_seeds.py")
    if expected.get("table4", test_extract_seeds.ZERO_T4) != record["table4"]:
        raise SystemExit(f"{number}: table4 of the extract differs from tests/test_extract_seeds.py")


# -- hand-made cases ----------------------------------------------------------------------
# What the tools do not produce: small edits of seed 000 (pipe rows). Each case writes
# hand/<name>.txt and hand/<name>.json with the table 三 / 四 values expected (null: a blank
# cell) and the rows that must be reported unread (none here: every edit leaves the values
# recoverable).
HAND_BASE = "000"
BOGUS_HEADER = "| 类别 | " + " | ".join(f"数据{i}" for i in range(1, 9)) + " |\n|" + "---|" * 9


def _replace_once(text: str, old: str, new: str) -> str:
    if text.count(old) != 1:
        raise SystemExit(f"hand case: {old!r} is not in the seed exactly once")
    return text.replace(old, new)


def _one_cell_per_line(text: str, blank: tuple[str, int]) -> str:
    """Every cell of tables 三 and 四 on a line of its own, no separators; the cell `blank`
    (row label, value index) left empty, so an empty line stands for it."""
    lines, out, in_tables = text.split("\n"), [], False
    for line in lines:
        if line.startswith("三、收到和处理政府信息公开申请情况"):
            in_tables = True
        elif line.startswith("五、"):
            in_tables = False
        if not (in_tables and "|" in line):
            out.append(line)
            continue
        cells = [c.strip() for c in line.split("|") if c.strip()]
        if blank[0] in cells:
            cells[cells.index(blank[0]) + 1 + blank[1]] = ""
        out.extend(cells)
    return "\n".join(out)


def hand_cases(seed_text: str, truth_record: dict) -> dict[str, tuple[str, str, dict]]:
    """name -> (what was edited, text, expected)."""
    def expected(changes=None, unread=None):
        table3 = json.loads(json.dumps(truth_record["table3"]))
        for (row, column), value in (changes or {}).items():
            table3[row][column] = value
        return {"table3": table3, "table4": truth_record["table4"],
                "unread": {"table3": unread or [], "table4": []}}

    md = seed_renderings.markdown_rows(seed_text)
    columns = list(truth_record["table3"]["total"])
    middle = "| (四)无法提供 | 1.本机关不掌握相关政府信息 |"
    return {
        "label-typo-not-held": (
            "pipe rows as in the seed; table 三 label 1.本机关不掌握相关政府信息 printed 1.本机关掌不握相关政府信息 (两字颠倒; "
            "the key word 不掌握 is broken, so the row is found by similarity and flagged GIA113)",
            _replace_once(seed_text, "1.本机关不掌握相关政府信息", "1.本机关掌不握相关政府信息"), expected()),
        "label-typo-granted": (
            "pipe rows as in the seed; table 三 label (一)予以公开 printed (一)予公开 (a substring of 不予公开)",
            _replace_once(seed_text, "(一)予以公开", "(一)予公开"), expected()),
        "blank-row": (
            "Markdown pipe tables; table 三 row 2.重复申请 with all 7 cells empty: | 2.重复申请 | | | | | | | |",
            _replace_once(md, "| 2.重复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |", "| 2.重复申请 | | | | | | | |"),
            expected({("not_processed.repeated", c): None for c in columns})),
        "bogus-header": (
            "Markdown pipe tables; table 三 opens with a made-up header row | 类别 | 数据1 | … | 数据8 | and its rule, "
            "repeated before row (四)无法提供 (as a converter prints a table continued on a new page)",
            _replace_once(_replace_once(md, "| (本列数据", BOGUS_HEADER + "\n| (本列数据"), middle, BOGUS_HEADER + "\n" + middle),
            expected()),
        "one-cell-per-line": (
            "tables 三 and 四 one cell per line, no separators; the 商业企业 cell of 1.本机关不掌握相关政府信息 "
            "left empty (an empty line)",
            _one_cell_per_line(seed_text, ("1.本机关不掌握相关政府信息", 1)),
            expected({("unable.not_held", "commercial"): None})),
    }


def write_hand_cases() -> int:
    folder = HERE / "hand"
    folder.mkdir(exist_ok=True)
    for old in folder.glob("*.txt"):
        old.unlink()
    for old in folder.glob("*.json"):
        old.unlink()
    seed = next(p for p in seed_renderings.seed_paths() if p.name.startswith(HAND_BASE))
    record = json.loads((TRUTH / f"{HAND_BASE}.json").read_text(encoding="utf-8"))
    cases = hand_cases(seed.read_text(encoding="utf-8"), record)
    for name, (what, text, want) in cases.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
        meta = {"base": seed.name, "edit": what, **want}
        (folder / f"{name}.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return len(cases)


def main() -> int:
    for tool in ("pdftotext", "lynx", "w3m", "pandoc", "pdf2txt.py"):
        if not shutil.which(tool):
            raise SystemExit(f"{tool} is not on PATH")
    runs = tool_runs()
    for folder in (TEXTS, TRUTH):
        folder.mkdir(exist_ok=True)
        for old in folder.iterdir():
            old.unlink()
    written = 0
    with tempfile.TemporaryDirectory() as scratch:
        for path in seed_renderings.seed_paths():
            number = path.name[:3]
            record = truth(path)
            _check_against_hand_values(number, record)
            (TRUTH / f"{number}.json").write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
            report = seed_renderings.seed_report(path)
            files = {}
            for name, (suffix, _, make) in DOCUMENTS.items():
                files[name] = Path(scratch) / f"{number}.{name}{suffix}"
                files[name].write_bytes(make(report))
            for name, (document, _, runner) in runs.items():
                (TEXTS / f"{number}.{name}.txt").write_bytes(runner(files[document]).encode("utf-8"))
                written += 1
    write_versions(runs)
    cases = write_hand_cases()
    size = sum(p.stat().st_size for p in TEXTS.iterdir())
    print(f"wrote {written} texts ({size // 1024} KiB) to {TEXTS.relative_to(TESTS.parent)}, "
          f"{len(list(TRUTH.iterdir()))} truth files, {cases} hand cases, VERSIONS.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
