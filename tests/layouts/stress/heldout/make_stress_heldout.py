"""The stress variants (tests/layouts/stress/variants: the seeds with distinct non-zero values in
tables 三 and 四) through every tool setup of the held-out set (tests/layouts/heldout): the Word
file through LibreOffice to PDF and its extractors, python-docx and pandoc; the web page through
Chromium to PDF, lynx, w3m, html2text and pandoc; the reportlab PDFs through pdftotext, pdfplumber
and PyMuPDF. A shifted cell cannot pass for right here (in the held-out set most cells are 0).
Run by hand, never by pytest:

    . .venv/bin/activate && python tests/layouts/stress/heldout/make_stress_heldout.py [TOOL ...]

The documents and tools are `tests/layouts/heldout/make_heldout.py`'s (`DOCUMENTS`, `TOOLS`), and
two of this set's own (`EXTRA`: the page made a Word file by pandoc, printed by LibreOffice); the
texts are checked against `tests/layouts/stress/truth/` by `tests/test_layout_fixtures.py`.
Versions: VERSIONS.md beside this file.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
LAYOUTS = HERE.parent.parent
sys.path[:0] = [str(LAYOUTS / "heldout"), str(LAYOUTS), str(LAYOUTS.parent)]

import make_heldout  # noqa: E402

TEXTS = HERE / "texts"


def pandoc_docx_pdf(page: Path) -> Path:
    """pandoc's Word file of the page (its image left out: pandoc stops at a missing one), printed
    to PDF by LibreOffice: a Word table without ruling lines, its label columns narrow."""
    import re

    bare = page.with_name(page.stem + ".bare.html")
    bare.write_bytes(re.sub(rb"<img[^>]*>", b"", page.read_bytes()))
    docx = page.with_name(page.stem + ".pandoc.docx")
    make_heldout.run(["pandoc", "-f", "html", "-t", "docx", "-o", str(docx), str(bare)])
    return make_heldout.soffice_pdf(docx)


def soffice_to(docx: Path, target: str) -> Path:
    """LibreOffice's conversion of the Word file (`target`: a --convert-to argument)."""
    out = docx.with_name(docx.stem + "." + target.split(":")[0] + ".lo")
    out.mkdir(exist_ok=True)
    profile = docx.with_name("lo-profile").as_uri()
    make_heldout.run([make_heldout._soffice(), f"-env:UserInstallation={profile}", "--headless", "--convert-to", target,
                      "--outdir", str(out), str(docx)], timeout=300)
    return next(out.iterdir())


def soffice_text(docx: Path) -> Path:
    return soffice_to(docx, "txt:Text (encoded):UTF8")


def soffice_html(docx: Path) -> Path:
    return soffice_to(docx, "html")


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


_W3M = ["w3m", "-dump", "-T", "text/html", "-O", "utf-8", "-cols", "200"]
_LO = "soffice --headless --convert-to"

# pipelines of this set only (the held-out set has none of a page made a Word file, nor
# LibreOffice's text and HTML, nor these extractors of LibreOffice's PDF)
EXTRA = {
    "docx-lo-txt": ("docx", soffice_text, f"{_LO} 'txt:Text (encoded):UTF8' DOCX", _read, "soffice"),
    "docx-lo-html-lynx": ("docx", soffice_html, f"{_LO} html DOCX; lynx -dump -nolist -display_charset=utf-8 H",
                          lambda p: make_heldout.run(["lynx", "-dump", "-nolist", "-display_charset=utf-8", str(p)]),
                          "soffice"),
    "docx-lo-html-w3m": ("docx", soffice_html, f"{_LO} html DOCX; w3m -dump -T text/html -O utf-8 -cols 200 H",
                         lambda p: make_heldout.run([*_W3M, str(p)]), "soffice"),
    "docx-lo-html-html2text": ("docx", soffice_html, f"{_LO} html DOCX; python -m html2text --body-width=0 H utf-8",
                               make_heldout.html2text_nowrap, "soffice"),
    "docx-lo-html-pandoc-gfm": ("docx", soffice_html, f"{_LO} html DOCX; pandoc -f html -t gfm H",
                                lambda p: make_heldout.run(["pandoc", "-f", "html", "-t", "gfm", str(p)]), "soffice"),
    "docx-lo-pdftotext-layout-fixed3": ("docx", make_heldout.soffice_pdf, f"{_LO} pdf DOCX; pdftotext -layout -fixed 3",
                                        make_heldout._pdftotext("-layout", "-fixed", "3"), "soffice"),
    "docx-lo-pdfplumber-layout": ("docx", make_heldout.soffice_pdf, f"{_LO} pdf DOCX; pdfplumber extract_text(layout=True)",
                                  make_heldout.pdfplumber_layout, "soffice"),
    "docx-lo-pymupdf-blocks": ("docx", make_heldout.soffice_pdf, f"{_LO} pdf DOCX; PyMuPDF get_text('blocks', sort=True)",
                               make_heldout.pymupdf_blocks, "fitz"),
    "html-pandoc-docx-lo-pdftotext-layout": (
        "html", pandoc_docx_pdf, "pandoc -f html -t docx HTML (img removed) -o D; soffice --headless --convert-to pdf D; "
        "pdftotext -layout -enc UTF-8 PDF -", make_heldout._pdftotext("-layout"), "soffice"),
    "html-pandoc-docx-lo-pdfplumber": (
        "html", pandoc_docx_pdf, "pandoc -f html -t docx HTML (img removed) -o D; soffice --headless --convert-to pdf D; "
        "pdfplumber extract_text() per page", make_heldout.pdfplumber_plain, "soffice"),
}
TOOLS = {**make_heldout.TOOLS, **EXTRA}


def main() -> int:
    TEXTS.mkdir(exist_ok=True)
    only = sys.argv[1:]
    tools = [name for name in TOOLS if not only or name in only]
    made = [name for name in tools if make_heldout.available(TOOLS[name][4])]
    with tempfile.TemporaryDirectory() as scratch:
        for path in sorted((LAYOUTS / "stress" / "variants").glob("*.txt")):
            make_heldout.render_texts(path, path.stem, [(name, TOOLS[name]) for name in made], Path(scratch), TEXTS)
    lines = ["# Versions of the tools behind texts/", "",
             *(f"- {tool}: {version}" for tool, version in make_heldout.versions()), "",
             "| tool | command |", "|---|---|",
             *(f"| {name} | {TOOLS[name][2]} |" for name in TOOLS if make_heldout.available(TOOLS[name][4]))]
    (HERE / "VERSIONS.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(list(TEXTS.glob('*.txt')))} texts; not available here: {sorted(set(tools) - set(made))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
