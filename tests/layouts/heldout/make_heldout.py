"""A held-out set for the table reader: the five seeds rendered and extracted with tools and
options the committed fixtures (tests/layouts/texts, made by ../make_layouts.py) do NOT use,
so that the reader's numbers can be checked on layouts it was not tuned on.

    . .venv/bin/activate && python tests/layouts/heldout/make_heldout.py           # write texts/
    . .venv/bin/activate && python tests/layouts/heldout/make_heldout.py --score   # score them

Writes texts/<seed3>.<tool>.txt (the tool's output, UTF-8, unchanged) and VERSIONS.md. The
truth is ../truth/<seed3>.json (the same seeds). A tool whose program is missing is skipped
and listed as skipped in VERSIONS.md.

Needs pandoc, lynx, w3m, pdftotext on PATH; python-docx, pdfplumber, html2text, reportlab
(and optionally pymupdf) in the environment; optionally libreoffice (soffice) and chromium.
"""

from __future__ import annotations

import importlib.metadata
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
LAYOUTS = HERE.parent
TESTS = LAYOUTS.parent
sys.path[:0] = [str(LAYOUTS), str(TESTS)]

import render  # noqa: E402
import seed_renderings  # noqa: E402

TEXTS = HERE / "texts"
TRUTH = LAYOUTS / "truth"

_ENV = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "LANG", "LANGUAGE") and not k.startswith("LC_")}
_ENV["LC_ALL"] = "C.UTF-8"


def run(args: list[str], cwd: str | None = None, timeout: int = 180) -> str:
    done = subprocess.run(args, capture_output=True, check=True, env=_ENV, cwd=cwd, timeout=timeout)
    return done.stdout.decode("utf-8")


# -- documents -------------------------------------------------------------------------------
DOCUMENTS = {
    "docx": (".docx", "seed_renderings.docx_bytes: python-docx, merged cells, header/footer, empty spacer paragraphs",
             lambda r: seed_renderings.docx_bytes(r)),
    "pdf": (".pdf", "seed_renderings.pdf_bytes (reportlab)", lambda r: seed_renderings.pdf_bytes(r)),
    "pdf-split": (".pdf", "render.pdf_bytes(split=True): table 三 over two pages", lambda r: render.pdf_bytes(r, split=True)),
    "pdf-vertical": (".pdf", "render.pdf_bytes(vertical=True): group label one character per line",
                     lambda r: render.pdf_bytes(r, vertical=True)),
    "html": (".html", "seed_renderings.html_page", lambda r: seed_renderings.html_page(r)),
    "html-t4split": (".html", "render.html_page(t4split=True): table 四 as three small tables",
                     lambda r: render.html_page(r, t4split=True)),
}


# -- derived documents (a document made from another by a tool) -------------------------------
def soffice_pdf(docx: Path) -> Path:
    out = docx.with_name(docx.stem + ".lo")
    out.mkdir(exist_ok=True)
    profile = docx.with_name("lo-profile").as_uri()
    run([_soffice(), f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir", str(out), str(docx)],
        timeout=300)
    return out / (docx.stem + ".pdf")


def chromium_pdf(page: Path) -> Path:
    out = page.with_name(page.stem + ".chromium.pdf")
    subprocess.run([_chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--print-to-pdf={out}", page.as_uri()], capture_output=True, check=True, env=_ENV, timeout=180)
    return out


def pandoc_html(docx: Path) -> Path:
    out = docx.with_name(docx.stem + ".pandoc.html")
    run(["pandoc", "-f", "docx", "-t", "html", "-s", "--metadata", "title=report", "-o", str(out), str(docx)])
    return out


def _soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


# -- python extractors -----------------------------------------------------------------------
def python_docx_text(path: Path) -> str:
    """Body paragraphs and tables in document order; a table row is its cells' text joined by a
    tab (python-docx repeats a merged cell's text in every grid position it covers)."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(str(path))
    lines = []
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(child, document).text)
        elif tag == "tbl":
            for row in Table(child, document).rows:
                lines.append("\t".join(cell.text for cell in row.cells))
    return "\n".join(lines) + "\n"


def python_docx_dedup_text(path: Path) -> str:
    """As python_docx_text, but a merged cell printed once per row (consecutive repeats of the
    same cell object dropped), cells joined by ' | '."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(str(path))
    lines = []
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            text = Paragraph(child, document).text
            if text.strip():
                lines.append(text)
        elif tag == "tbl":
            for row in Table(child, document).rows:
                cells, previous = [], None
                for cell in row.cells:
                    if cell._tc is not previous:
                        cells.append(cell.text.replace("\n", " "))
                    previous = cell._tc
                lines.append(" | ".join(cells))
    return "\n".join(lines) + "\n"


def pdfplumber_layout(path: Path) -> str:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return "\n".join(page.extract_text(layout=True) or "" for page in pdf.pages)


def pdfplumber_plain(path: Path) -> str:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def pdfplumber_words(path: Path) -> str:
    """extract_words, grouped into lines by their top (within 3 pt), each line's words sorted
    left to right and joined by one space."""
    import pdfplumber

    out = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            lines: list[list] = []
            for word in sorted(page.extract_words(), key=lambda w: (round(w["top"]), w["x0"])):
                if lines and abs(lines[-1][0]["top"] - word["top"]) <= 3:
                    lines[-1].append(word)
                else:
                    lines.append([word])
            out.extend(" ".join(w["text"] for w in sorted(line, key=lambda w: w["x0"])) for line in lines)
    return "\n".join(out) + "\n"


def pymupdf_text(path: Path) -> str:
    import fitz

    with fitz.open(path) as document:
        return "".join(page.get_text() for page in document)


def pymupdf_blocks(path: Path) -> str:
    """page.get_text("blocks") sorted, each block's text as printed, blocks separated by a line."""
    import fitz

    out = []
    with fitz.open(path) as document:
        for page in document:
            for block in page.get_text("blocks", sort=True):
                out.append(block[4].rstrip("\n"))
    return "\n".join(out) + "\n"


def html2text_nowrap(path: Path) -> str:
    return run([sys.executable, "-m", "html2text", "--body-width=0", str(path), "utf-8"])


# -- the tools -------------------------------------------------------------------------------
# name -> (document, derived step or None, command as recorded, runner, needs)
def _pdftotext(*options):
    return lambda p: run(["pdftotext", *options, "-enc", "UTF-8", str(p), "-"])


TOOLS = {
    # DOCX
    "docx-pandoc-plain": ("docx", None, "pandoc -f docx -t plain DOCX", lambda p: run(["pandoc", "-f", "docx", "-t", "plain", str(p)]), "pandoc"),
    "docx-pandoc-plain-wide": ("docx", None, "pandoc -f docx -t plain --columns=200 DOCX",
                               lambda p: run(["pandoc", "-f", "docx", "-t", "plain", "--columns=200", str(p)]), "pandoc"),
    "docx-pandoc-markdown": ("docx", None, "pandoc -f docx -t markdown DOCX", lambda p: run(["pandoc", "-f", "docx", "-t", "markdown", str(p)]), "pandoc"),
    "docx-pandoc-gfm": ("docx", None, "pandoc -f docx -t gfm DOCX", lambda p: run(["pandoc", "-f", "docx", "-t", "gfm", str(p)]), "pandoc"),
    "docx-pandoc-html-lynx": ("docx", pandoc_html, "pandoc -f docx -t html -s DOCX -o H; lynx -dump -nolist -display_charset=utf-8 H",
                              lambda p: run(["lynx", "-dump", "-nolist", "-display_charset=utf-8", str(p)]), "pandoc"),
    "docx-pandoc-html-w3m": ("docx", pandoc_html, "pandoc -f docx -t html -s DOCX -o H; w3m -dump -T text/html -O utf-8 -cols 200 H",
                             lambda p: run(["w3m", "-dump", "-T", "text/html", "-O", "utf-8", "-cols", "200", str(p)]), "pandoc"),
    "docx-python-docx": ("docx", None, "python: python_docx_text() in make_heldout.py (paragraphs; table rows as row.cells text joined by TAB)",
                         python_docx_text, None),
    "docx-python-docx-dedup": ("docx", None, "python: python_docx_dedup_text() (non-empty paragraphs; merged cells once per row, ' | ' between cells)",
                               python_docx_dedup_text, None),
    "docx-lo-pdftotext-layout": ("docx", soffice_pdf, "soffice --headless --convert-to pdf DOCX; pdftotext -layout -enc UTF-8 PDF -",
                                 _pdftotext("-layout"), "soffice"),
    "docx-lo-pdftotext": ("docx", soffice_pdf, "soffice --headless --convert-to pdf DOCX; pdftotext -enc UTF-8 PDF -", _pdftotext(), "soffice"),
    "docx-lo-pdfplumber": ("docx", soffice_pdf, "soffice --headless --convert-to pdf DOCX; pdfplumber extract_text() per page",
                           pdfplumber_plain, "soffice"),
    "docx-lo-pymupdf": ("docx", soffice_pdf, "soffice --headless --convert-to pdf DOCX; PyMuPDF page.get_text()", pymupdf_text, "soffice"),
    # HTML
    "html-lynx-wide": ("html", None, "lynx -dump -nolist -width=200 -display_charset=utf-8 HTML",
                       lambda p: run(["lynx", "-dump", "-nolist", "-width=200", "-display_charset=utf-8", str(p)]), None),
    "html-w3m-wide": ("html", None, "w3m -dump -T text/html -O utf-8 -cols 200 HTML",
                      lambda p: run(["w3m", "-dump", "-T", "text/html", "-O", "utf-8", "-cols", "200", str(p)]), None),
    "html-html2text-nowrap": ("html", None, "python -m html2text --body-width=0 HTML utf-8", html2text_nowrap, None),
    "html-pandoc-plain-wide": ("html", None, "pandoc -f html -t plain --columns=200 HTML",
                               lambda p: run(["pandoc", "-f", "html", "-t", "plain", "--columns=200", str(p)]), None),
    "html-pandoc-rst": ("html", None, "pandoc -f html -t rst HTML", lambda p: run(["pandoc", "-f", "html", "-t", "rst", str(p)]), None),
    "html-chromium-pdftotext-layout": ("html", chromium_pdf, "chromium --headless --no-sandbox --disable-gpu --print-to-pdf=PDF HTML; pdftotext -layout",
                                       _pdftotext("-layout"), "chromium"),
    "html-chromium-pdftotext": ("html", chromium_pdf, "chromium --headless ... --print-to-pdf=PDF HTML; pdftotext", _pdftotext(), "chromium"),
    "html-chromium-pdfplumber": ("html", chromium_pdf, "chromium --headless ... --print-to-pdf=PDF HTML; pdfplumber extract_text()",
                                 pdfplumber_plain, "chromium"),
    "t4split-w3m-wide": ("html-t4split", None, "w3m -dump -T text/html -O utf-8 -cols 200 HTML",
                         lambda p: run(["w3m", "-dump", "-T", "text/html", "-O", "utf-8", "-cols", "200", str(p)]), None),
    "t4split-html2text-nowrap": ("html-t4split", None, "python -m html2text --body-width=0 HTML utf-8", html2text_nowrap, None),
    # PDF (reportlab)
    "pdf-pdftotext-layout-fixed3": ("pdf", None, "pdftotext -layout -fixed 3 -enc UTF-8 PDF -", _pdftotext("-layout", "-fixed", "3"), None),
    "pdf-pdftotext-nopgbrk": ("pdf", None, "pdftotext -nopgbrk -enc UTF-8 PDF -", _pdftotext("-nopgbrk"), None),
    "pdf-pdfplumber-layout": ("pdf", None, "python: pdfplumber extract_text(layout=True) per page, joined by \\n", pdfplumber_layout, None),
    "pdf-pdfplumber-words": ("pdf", None, "python: pdfplumber_words() (extract_words grouped by top within 3pt, joined by spaces)",
                             pdfplumber_words, None),
    "pdf-pymupdf": ("pdf", None, "python: PyMuPDF page.get_text() per page, concatenated", pymupdf_text, "fitz"),
    "pdf-pymupdf-blocks": ("pdf", None, "python: PyMuPDF page.get_text('blocks', sort=True), block texts one after another",
                           pymupdf_blocks, "fitz"),
    "split-pdftotext-layout-fixed3": ("pdf-split", None, "pdftotext -layout -fixed 3 -enc UTF-8 PDF -", _pdftotext("-layout", "-fixed", "3"), None),
    "split-pymupdf": ("pdf-split", None, "python: PyMuPDF page.get_text()", pymupdf_text, "fitz"),
    "vertical-pdfplumber-words": ("pdf-vertical", None, "python: pdfplumber_words()", pdfplumber_words, None),
    "vertical-pymupdf": ("pdf-vertical", None, "python: PyMuPDF page.get_text()", pymupdf_text, "fitz"),
    # narrow dumps and more extractors on the derived PDFs
    "html-lynx-narrow": ("html", None, "lynx -dump -nolist -width=50 -display_charset=utf-8 HTML",
                         lambda p: run(["lynx", "-dump", "-nolist", "-width=50", "-display_charset=utf-8", str(p)]), None),
    "html-w3m-narrow": ("html", None, "w3m -dump -T text/html -O utf-8 -cols 60 HTML",
                        lambda p: run(["w3m", "-dump", "-T", "text/html", "-O", "utf-8", "-cols", "60", str(p)]), None),
    "docx-pandoc-html-html2text": ("docx", pandoc_html, "pandoc -f docx -t html -s DOCX -o H; python -m html2text --body-width=0 H utf-8",
                                   html2text_nowrap, "pandoc"),
    "docx-lo-pdftotext-raw": ("docx", soffice_pdf, "soffice --headless --convert-to pdf DOCX; pdftotext -raw -enc UTF-8 PDF -",
                              _pdftotext("-raw"), "soffice"),
    "docx-lo-pdfplumber-words": ("docx", soffice_pdf, "soffice --headless --convert-to pdf DOCX; pdfplumber_words()", pdfplumber_words, "soffice"),
    "html-chromium-pymupdf": ("html", chromium_pdf, "chromium --headless ... --print-to-pdf=PDF HTML; PyMuPDF page.get_text()", pymupdf_text, "chromium"),
    "html-chromium-pdfplumber-words": ("html", chromium_pdf, "chromium --headless ... --print-to-pdf=PDF HTML; pdfplumber_words()",
                                       pdfplumber_words, "chromium"),
    "html-chromium-pdftotext-raw": ("html", chromium_pdf, "chromium --headless ... --print-to-pdf=PDF HTML; pdftotext -raw", _pdftotext("-raw"), "chromium"),
    "split-pdfplumber-layout": ("pdf-split", None, "python: pdfplumber extract_text(layout=True)", pdfplumber_layout, None),
    "vertical-pdftotext-layout-fixed3": ("pdf-vertical", None, "pdftotext -layout -fixed 3 -enc UTF-8 PDF -",
                                         _pdftotext("-layout", "-fixed", "3"), None),
}


def available(need: str | None) -> bool:
    if need is None:
        return True
    if need == "soffice":
        return _soffice() is not None
    if need == "chromium":
        return _chromium() is not None
    if need == "fitz":
        try:
            import fitz  # noqa: F401
        except ImportError:
            return False
        return True
    return shutil.which(need) is not None


# -- versions --------------------------------------------------------------------------------
def _first_line(args: list[str]) -> str:
    try:
        done = subprocess.run(args, capture_output=True, text=True, env=_ENV, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return "not available"
    lines = (done.stdout or done.stderr).strip().splitlines()
    return lines[0] if lines else "?"


def versions() -> list[tuple[str, str]]:
    out = [("pdftotext (poppler-utils)", _first_line(["pdftotext", "-v"])),
           ("lynx", _first_line(["lynx", "-version"])),
           ("w3m", _first_line(["w3m", "-version"])),
           ("pandoc", _first_line(["pandoc", "--version"])),
           ("libreoffice", _first_line([_soffice(), "--version"]) if _soffice() else "not available"),
           ("chromium", _first_line([_chromium(), "--version"]) if _chromium() else "not available"),
           ("python", sys.version.split()[0])]
    for package in ("python-docx", "pdfplumber", "pdfminer.six", "html2text", "reportlab", "pymupdf"):
        try:
            out.append((f"{package} (pip)", importlib.metadata.version(package)))
        except importlib.metadata.PackageNotFoundError:
            out.append((f"{package} (pip)", "not installed"))
    return out


def write_versions(made: list[str], skipped: list[str]) -> None:
    lines = ["# Held-out texts: tool versions and command lines", "",
             "Written by `make_heldout.py`. None of these tool/option combinations is used by "
             "`../make_layouts.py` (the tuned fixtures in `../texts/`). Truth: `../truth/<seed3>.json`.", "",
             "| tool | version |", "| --- | --- |"]
    lines += [f"| {name} | `{version}` |" for name, version in versions()]
    lines += ["", "External commands run with `LC_ALL=C.UTF-8`, without `COLUMNS`/`LINES`/`LANG`.", "",
              "## Documents", "", "| document | made by |", "| --- | --- |"]
    lines += [f"| {name} | {what} |" for name, (_, what, _) in DOCUMENTS.items()]
    lines += ["", "## Tool names", "", "`texts/<seed3>.<tool name>.txt`; DOCX / HTML / PDF stand for the document.", "",
              "| tool name | document | command |", "| --- | --- | --- |"]
    lines += [f"| {name} | {TOOLS[name][0]} | `{TOOLS[name][2]}` |" for name in made]
    if skipped:
        lines += ["", "Skipped (program not available): " + ", ".join(f"`{s}`" for s in skipped)]
    (HERE / "VERSIONS.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


# -- make ------------------------------------------------------------------------------------
def render_texts(path: Path, stem: str, tools: list[tuple[str, tuple]], scratch: Path, texts: Path) -> int:
    """Write `texts/<stem>.<tool>.txt` for each (name, TOOLS-style entry) of the report at `path`:
    each document rendered once, each derived document (a PDF a tool printed) made once."""
    report = seed_renderings.seed_report(path)
    files: dict[str, Path] = {}
    derived: dict[tuple[str, object], Path] = {}
    for name, (document, step, _, runner, _) in tools:
        if document not in files:
            suffix, _, render_it = DOCUMENTS[document]
            files[document] = scratch / f"{stem}.{document}{suffix}"
            files[document].write_bytes(render_it(report))
        source = files[document]
        if step is not None:
            if (document, step) not in derived:
                derived[(document, step)] = step(source)
            source = derived[(document, step)]
        (texts / f"{stem}.{name}.txt").write_bytes(runner(source).encode("utf-8"))
    return len(tools)


def make(only: list[str] | None = None) -> int:
    TEXTS.mkdir(exist_ok=True)
    names = [n for n in TOOLS if not only or n in only]
    made = [n for n in names if available(TOOLS[n][4])]
    skipped = [n for n in names if n not in made]
    written = 0
    with tempfile.TemporaryDirectory() as scratch:
        for path in seed_renderings.seed_paths():
            written += render_texts(path, path.name[:3], [(name, TOOLS[name]) for name in made], Path(scratch), TEXTS)
    if not only:
        write_versions(made, skipped)
    print(f"wrote {written} texts to {TEXTS}; skipped {skipped}")
    return 0


# -- score -----------------------------------------------------------------------------------
NOISE = ("GIA003", "GIA108", "GIA111", "GIA112")
ARITHMETIC = ("GIA201", "GIA202", "GIA203", "GIA204")


def score(verbose: bool = True) -> dict:
    from giarlint.linter import Linter
    from giarlint.plugins import build_registry
    from giarlint.readers.flat import reflow
    from giarlint.source import normalise_newlines

    lin = Linter(build_registry(load_plugins=False))
    per_tool: dict[str, Counter] = {}
    wrong_list, arith_list, noise_list = [], [], []
    for path in sorted(TEXTS.glob("*.txt")):
        number, tool = path.name[:3], path.name[4:-4]
        truth = json.loads((TRUTH / f"{number}.json").read_text(encoding="utf-8"))
        text = path.read_text(encoding="utf-8")
        t = normalise_newlines(text)
        f = reflow(t)
        r = lin.build(str(path), f.text if f else t)
        c = per_tool.setdefault(tool, Counter())
        for name in ("table3", "table4"):
            table = r.tables.get(name)
            for row, columns in truth[name].items():
                for column, want in columns.items():
                    value = table.values.get(row, {}).get(column) if table is not None else None
                    if value is None:
                        c["unread"] += 1
                    elif value.as_json() == want:
                        c["exact"] += 1
                    else:
                        c["wrong"] += 1
                        span = value.cell.span
                        wrong_list.append((path.name, name, row, column, want, value.as_json(), value.text, span.line))
            if table is not None:
                for row, columns in table.values.items():
                    for column, value in columns.items():
                        if column not in truth[name].get(row, {}):
                            c["extra"] += 1
                            wrong_list.append((path.name, name, row, column, "ABSENT", value.as_json(), value.text,
                                               value.cell.span.line))
        diagnostics = lin.lint_text(str(path), text)
        for d in diagnostics:
            if d.code in NOISE:
                c["noise"] += 1
                c[d.code] += 1
                noise_list.append((path.name, d.code, d.line, d.message))
            elif d.code == "GIA209":  # an empty cell: the seeds have none, so every one is false
                c["blank209"] += 1
                noise_list.append((path.name, d.code, d.line, d.message))
            elif d.code in ARITHMETIC:
                c["arith"] += 1
                arith_list.append((path.name, d.code, d.line, d.message))
        c["files"] += 1
    if verbose:
        print(f"{'tool':36} files exact wrong unread extra noise(003/108/111/112) arith GIA209")
        for tool, c in sorted(per_tool.items()):
            print(f"{tool:36} {c['files']:5} {c['exact']:5} {c['wrong']:5} {c['unread']:6} {c['extra']:5} "
                  f"{c['noise']:5} ({c['GIA003']}/{c['GIA108']}/{c['GIA111']}/{c['GIA112']}) {c['arith']:5} {c['blank209']:6}")
        print("\nWRONG:")
        for item in wrong_list:
            print("  ", item)
        print("\nARITHMETIC:")
        for item in arith_list:
            print("  ", item)
        print("\nNOISE:")
        for item in noise_list:
            print("  ", item)
    return {"tools": per_tool, "wrong": wrong_list, "arith": arith_list, "noise": noise_list}


if __name__ == "__main__":
    if "--score" in sys.argv:
        score()
    else:
        sys.exit(make([a for a in sys.argv[1:] if not a.startswith("-")] or None))
