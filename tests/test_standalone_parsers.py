"""The Lark standalone parsers generated when giarlint is built (src/giarlint/lark_standalone.py,
hatch_build.py → tools/generate_parsers.py) are those of grammar/*.lark, and giarlint uses them only then.

The file records the CRC-32 of each grammar it was made from: a grammar edited since the build
makes giarlint fall back to Lark itself. Lark numbers states and tokens differently from one
generation to the next, so the file's text cannot be compared with a fresh generation; instead
both parsers run beside a Lark parser built now from the grammar files, over every real report
text of the suite, and must give the same lines, tokens and findings.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import lark
import pytest

from conftest import SEEDS

ROOT = Path(__file__).resolve().parent.parent
TOOL = ROOT / "tools" / "generate_parsers.py"
TEXTS = sorted(SEEDS) + sorted((ROOT / "tests" / "layouts").rglob("*.txt"))


def _tool():
    spec = importlib.util.spec_from_file_location("generate_parsers", TOOL)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_generated_parsers_are_those_of_the_grammars():
    done = subprocess.run([sys.executable, str(TOOL), "--check"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    tool = _tool()
    assert set(tool.recorded()) == {"report.lark", "cells.lark"}
    from giarlint import grammars

    assert grammars.GENERATED is not None  # the install generated them: giarlint runs on them


def test_the_repository_holds_no_copy_of_larks_code():
    generated = "src/giarlint/lark_standalone.py"
    tracked = subprocess.run(["git", "ls-files", generated], cwd=ROOT, capture_output=True, text=True, check=True)
    assert tracked.stdout == ""
    ignored = subprocess.run(["git", "check-ignore", "-q", generated], cwd=ROOT)
    assert ignored.returncode == 0


def test_a_generated_module_made_from_other_grammars_is_not_used(monkeypatch):
    from giarlint import grammars

    assert grammars._current_generated() is not None
    monkeypatch.setattr(grammars, "checksums", lambda directory=None: {"cells.lark": 1, "report.lark": 2})
    assert grammars._current_generated() is None  # giarlint then parses with Lark itself


def test_a_grammar_changed_without_regenerating_is_found(tmp_path):
    tool = _tool()
    for name in ("report.lark", "cells.lark"):
        shutil.copy(ROOT / "grammar" / name, tmp_path / name)
    assert tool.digests(tmp_path) == tool.recorded()
    with open(tmp_path / "cells.lark", "a", encoding="utf-8") as handle:
        handle.write("// a comment is a change too\n")
    assert tool.digests(tmp_path) != tool.recorded()


def test_the_generated_module_loads_no_lark():
    done = subprocess.run([sys.executable, "-c", "import sys, giarlint.parser, giarlint.tables.tokens; "
                           "print('lark' in sys.modules)"], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def _lark_lexer():
    grammar = (ROOT / "grammar" / "cells.lark").read_text(encoding="utf-8")
    return lark.Lark(grammar, parser="lalr", lexer="basic")


def _lark_parser():
    from giarlint import parser

    grammar = (ROOT / "grammar" / "report.lark").read_text(encoding="utf-8")
    return lark.Lark(grammar, parser="lalr", lexer="basic", maybe_placeholders=False,
                     transformer=parser._ToLines(), postlex=parser._FOLD)


def _lark_pieces(lexer, line: str) -> list[tuple]:
    return [(t.type, t.value, t.column) for t in lexer.lex(line) if t.type != "NL"]


def test_the_cell_scanner_lexes_every_real_line_as_lark_does():
    from giarlint.tables import tokens

    theirs = _lark_lexer()
    lines = {line for path in TEXTS for line in path.read_text(encoding="utf-8").splitlines()}
    assert len(lines) > 10_000
    for line in sorted(lines):
        assert [tuple(piece) for piece in tokens.lex_line(line)] == _lark_pieces(theirs, line), line


def test_the_generated_cell_terminals_are_the_grammars():
    from giarlint import grammars

    assert grammars.GENERATED is not None
    assert grammars.cell_terminals() == grammars.ordered_terminals(_lark_lexer())


def test_reports_read_and_lint_as_with_lark(monkeypatch, registry):
    from giarlint import grammars, parser
    from giarlint.linter import Linter
    from giarlint.tables import tokens

    def findings() -> list:
        linter = Linter(registry)
        return [[(d.code, d.line, d.column, d.message) for d in linter.lint_text(str(path), path.read_text(encoding="utf-8"))]
                for path in TEXTS]

    def lines() -> list:
        return [parser.parse_lines(path.read_text(encoding="utf-8")) for path in TEXTS]

    ours = findings(), lines()
    theirs_parser = _lark_parser()
    monkeypatch.setattr(parser, "_parser", lambda: theirs_parser)
    theirs_terminals = grammars.ordered_terminals(_lark_lexer())
    monkeypatch.setattr(tokens, "cell_terminals", lambda: theirs_terminals)
    caches = (tokens.lex_line, tokens._line_tokens, tokens._scanner)  # all made from the terminals
    for cache in caches:
        cache.cache_clear()
    try:
        theirs = findings(), lines()
    finally:
        for cache in caches:
            cache.cache_clear()
    assert sum(len(found) for found in ours[0]) > 100
    assert ours == theirs


@pytest.mark.parametrize("name", ["report.lark", "cells.lark"])
def test_the_generated_module_names_its_source(name):
    head = (ROOT / "src" / "giarlint" / "lark_standalone.py").read_text(encoding="utf-8")[:2000]
    assert "GENERATED by tools/generate_parsers.py" in head and name in head


def test_the_generated_module_imports_neither_logging_nor_base64():
    """tools/generate_parsers.py drops the imports Lark's runtime makes for things giarlint never does."""
    done = subprocess.run([sys.executable, "-c", "import sys, giarlint.lark_standalone; "
                           "print(sorted({'logging', 'base64', 'zlib'} & set(sys.modules)))"],
                          capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_a_lark_that_writes_its_imports_otherwise_is_kept_as_it_wrote():
    tool = _tool()
    light = tool.lighter(tool.generate())
    assert "import logging\n" not in light and "logger = _QuietLogger()" in light
    for changed in ("import logging\nlogger = logging.getLogger('lark')\n",
                    "".join(tool.UNUSED_IMPORTS) + "logging.basicConfig()\n"):
        assert tool.lighter(changed) == changed
