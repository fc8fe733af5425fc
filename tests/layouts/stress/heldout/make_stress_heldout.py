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
import seed_renderings  # noqa: E402

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


# pipelines of this set only (the held-out set has none of a page made a Word file)
EXTRA = {
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
            report = seed_renderings.seed_report(path)
            files, derived = {}, {}
            for name in made:
                document, step, _, runner, _ = TOOLS[name]
                if document not in files:
                    suffix, _, render_it = make_heldout.DOCUMENTS[document]
                    files[document] = Path(scratch) / f"{path.stem}.{document}{suffix}"
                    files[document].write_bytes(render_it(report))
                source = files[document]
                if step is not None:
                    if (document, step) not in derived:
                        derived[(document, step)] = step(source)
                    source = derived[(document, step)]
                (TEXTS / f"{path.stem}.{name}.txt").write_bytes(runner(source).encode("utf-8"))
    lines = ["# Versions of the tools behind texts/", "",
             *(f"- {tool}: {version}" for tool, version in make_heldout.versions()), "",
             "| tool | command |", "|---|---|",
             *(f"| {name} | {TOOLS[name][2]} |" for name in made)]
    if not only:
        (HERE / "VERSIONS.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(list(TEXTS.glob('*.txt')))} texts; not available here: {sorted(set(tools) - set(made))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
