"""Write tests/layouts/crawlers: the seeds' and the stress variants' web pages and Word files as
crawlers' and converters' libraries read them, tools no other fixture set holds.

- the web page (`seed_renderings.html_page`) through BeautifulSoup's ``get_text()`` (no separator,
  "\\n", "\\n" stripped, " "), inscriptis and trafilatura (tables included);
- the Word file (`seed_renderings.docx_bytes`) through docx2txt, and saved as ``.doc`` by
  LibreOffice, then through antiword (default width, and ``-w 0``) and catdoc;
- the Word file, the web page and the PDF (`seed_renderings.pdf_bytes`) through MarkItDown.

Run by hand, never by pytest (needs, besides the test extras, ``pip install beautifulsoup4
inscriptis trafilatura lxml_html_clean docx2txt "markitdown[docx,pdf]"`` and ``soffice``, ``antiword``, ``catdoc`` on
PATH):

    python tests/layouts/crawlers/make_crawlers.py

It rewrites texts/ and VERSIONS.md; the texts are the tools' output byte for byte.
"""

from __future__ import annotations

import io
import subprocess
import sys
import tempfile
from importlib.metadata import version
from pathlib import Path

HERE = Path(__file__).resolve().parent
LAYOUTS = HERE.parent
sys.path[:0] = [str(LAYOUTS), str(LAYOUTS.parent), str(LAYOUTS / "stress")]

import seed_renderings  # noqa: E402


def _page_texts(html: str) -> dict[str, str]:
    import inscriptis
    import trafilatura
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    return {
        "bs4-gettext": soup.get_text(),
        "bs4-gettext-nl": soup.get_text("\n"),
        "bs4-gettext-nl-strip": soup.get_text("\n", strip=True),
        "bs4-gettext-space": soup.get_text(" "),
        "inscriptis": inscriptis.get_text(html),
        "trafilatura": trafilatura.extract(html, include_tables=True, favor_recall=True) or "",
    }


def _word_texts(docx: bytes, name: str, scratch: Path) -> dict[str, bytes]:
    import docx2txt

    source = scratch / f"{name}.docx"
    source.write_bytes(docx)
    subprocess.run(["soffice", f"-env:UserInstallation={(scratch / 'profile').as_uri()}", "--headless",
                    "--convert-to", "doc", "--outdir", str(scratch), str(source)], capture_output=True, timeout=300, check=True)
    doc = str(scratch / f"{name}.doc")
    run = lambda *args: subprocess.run(args, capture_output=True, timeout=60, check=True).stdout  # noqa: E731
    return {
        "docx2txt": docx2txt.process(io.BytesIO(docx)).encode("utf-8"),
        "doc-antiword": run("antiword", "-m", "UTF-8.txt", doc),
        "doc-antiword-w0": run("antiword", "-m", "UTF-8.txt", "-w", "0", doc),
        "doc-catdoc": run("catdoc", "-d", "utf-8", doc),
    }


def _markitdown_texts(report, name: str, scratch: Path) -> dict[str, str]:
    from markitdown import MarkItDown

    converter = MarkItDown()
    texts = {}
    for kind, data in (("docx", seed_renderings.docx_bytes(report)), ("html", seed_renderings.html_page(report)),
                       ("pdf", seed_renderings.pdf_bytes(report))):
        source = scratch / f"{name}.{kind}"
        source.write_bytes(data)
        texts[f"{kind}-markitdown"] = converter.convert(str(source)).text_content
    return texts


def _tool_version(*command: str) -> str:
    done = subprocess.run(command, capture_output=True, text=True)
    return (done.stdout or done.stderr).strip().splitlines()[0] if (done.stdout or done.stderr).strip() else "?"


def main() -> None:
    out = HERE / "texts"
    out.mkdir(exist_ok=True)
    sources = sorted((LAYOUTS / "stress" / "variants").glob("*.txt")) + sorted((LAYOUTS.parent / "seeds").glob("*.txt"))
    with tempfile.TemporaryDirectory() as temporary:
        scratch = Path(temporary)
        for path in sources:
            name = path.stem if "-v" in path.stem else path.name[:3]
            report = seed_renderings.seed_report(path)
            for tool, text in _page_texts(seed_renderings.html_page(report).decode("utf-8")).items():
                (out / f"{name}.{tool}.txt").write_text(text, encoding="utf-8")
            for tool, data in _word_texts(seed_renderings.docx_bytes(report), name, scratch).items():
                (out / f"{name}.{tool}.txt").write_bytes(data)
            for tool, text in _markitdown_texts(report, name, scratch).items():
                (out / f"{name}.{tool}.txt").write_text(text, encoding="utf-8")
    rows = [("beautifulsoup4 (pip)", version("beautifulsoup4")), ("inscriptis (pip)", version("inscriptis")),
            ("trafilatura (pip)", version("trafilatura")), ("docx2txt (pip)", version("docx2txt")),
            ("markitdown (pip)", version("markitdown")),
            ("libreoffice", _tool_version("soffice", "--version")), ("antiword", _tool_version("dpkg-query", "-W", "antiword")),
            ("catdoc", _tool_version("dpkg-query", "-W", "catdoc"))]
    table = "\n".join(f"| {tool} | `{found}` |" for tool, found in rows)
    (HERE / "VERSIONS.md").write_text(
        "# Crawler and converter libraries: versions\n\nWritten by `make_crawlers.py` (its docstring gives the calls). "
        "Truth: `../truth/<seed3>.json`, `../stress/truth/<variant>.json`.\n\n| tool | version |\n| --- | --- |\n"
        f"{table}\n", encoding="utf-8")


if __name__ == "__main__":
    main()
