"""Markup renderings: each seed's web page (make_layouts' ``html`` document) converted by pandoc
to the markup languages that wrap a page's bold headings in markup of their own, and the stress
variants' pages (non-zero tables, tests/layouts/stress) the same way. Run by hand, not by pytest:

    . .venv/bin/activate && python tests/layouts/markup/make_markup.py

writes ``texts/<seed or variant>.<tool>.txt`` (the converter's standard output, unchanged) and
``VERSIONS.md``. tests/test_markup_renderings.py reads them: six sections and the title found,
no table value wrong.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
LAYOUTS = HERE.parent
sys.path[:0] = [str(LAYOUTS), str(LAYOUTS.parent)]

import make_layouts  # noqa: E402
import seed_renderings  # noqa: E402

# tool name -> pandoc's output format (pandoc -f html -t FORMAT HTML)
FORMATS = {"pandoc-org": "org", "pandoc-asciidoc": "asciidoc", "pandoc-mediawiki": "mediawiki",
           "pandoc-textile": "textile", "pandoc-commonmark": "commonmark", "pandoc-markdown-strict": "markdown_strict"}


def sources() -> list[tuple[str, Path]]:
    seeds = [(path.name[:3], path) for path in seed_renderings.seed_paths()]
    variants = [(path.stem, path) for path in sorted((LAYOUTS / "stress" / "variants").glob("*.txt"))]
    return seeds + variants


def main() -> int:
    texts = HERE / "texts"
    for old in texts.glob("*.txt"):
        old.unlink()
    suffix, _, make = make_layouts.DOCUMENTS["html"]
    with tempfile.TemporaryDirectory() as scratch:
        for name, path in sources():
            page = Path(scratch) / f"{name}{suffix}"
            page.write_bytes(make(seed_renderings.seed_report(path)))
            for tool, target in FORMATS.items():
                out = make_layouts.run(["pandoc", "-f", "html", "-t", target, str(page)])
                (texts / f"{name}.{tool}.txt").write_bytes(out.encode("utf-8"))
    version = subprocess.run(["pandoc", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    lines = ["# Markup renderings", "", f"`{version}`, run as `pandoc -f html -t FORMAT HTML` with `LC_ALL=C.UTF-8`;",
             "HTML is make_layouts.py's `html` document of each seed (000–004) and stress variant (NNN-v0).", "",
             "| tool name | FORMAT |", "| --- | --- |"] + [f"| {tool} | {target} |" for tool, target in FORMATS.items()]
    (HERE / "VERSIONS.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(list(texts.glob('*.txt')))} texts")
    return 0


if __name__ == "__main__":
    sys.exit(main())
