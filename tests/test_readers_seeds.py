"""Every seed, published as a web page, a Word file and a PDF, reads as the text seed does."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from seed_renderings import SEEDS, rendered, seed_paths

from giarlint.cli import main
from giarlint.linter import Linter
from giarlint.plugins import build_registry
from giarlint.tree import Span

FORMATS = (".html", ".docx", ".pdf")
CASES = [pytest.param(p.name, s, id=f"{p.name[:3]}{s}") for p in seed_paths() for s in FORMATS]
LOCATOR = re.compile(r"（(第 \d+ 段|第 \d+ 个表格第 \d+ 行第 \d+ 格|第 \d+ 页)）$")
LINE_REFERENCE = re.compile(r"第 \d+ 行")


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def published(tmp_path):
    def write(seed: str, suffix: str) -> Path:
        path = tmp_path / (Path(seed).stem + suffix)
        path.write_bytes(rendered(seed, suffix))
        return path

    return write


def comparable(message: str, suffix: str) -> str:
    """A message without the locator a Word or PDF diagnostic adds, and without line numbers
    (they count lines of different texts)."""
    if suffix in (".docx", ".pdf"):
        assert LOCATOR.search(message), message
        message = LOCATOR.sub("", message)
    return LINE_REFERENCE.sub("第 N 行", message)


@pytest.mark.parametrize("seed,suffix", CASES)
def test_extract_gives_the_values_of_the_text_seed(seed, suffix, published, capsys):
    _, expected_out, _ = run(capsys, "extract", str(SEEDS / seed))
    code, out, err = run(capsys, "extract", str(published(seed, suffix)))
    assert code == 0, err
    expected, got = json.loads(expected_out)[0], json.loads(out)[0]
    assert expected["tables"]["table3"], "the seed itself must have a table 三"
    for key in ("year", "agency", "format", "publication_date", "tables"):
        assert got[key] == expected[key], key


@pytest.mark.parametrize("seed,suffix", CASES)
def test_check_gives_the_findings_of_the_text_seed(seed, suffix, published, capsys):
    _, expected_out, _ = run(capsys, "check", "--output-format", "json", str(SEEDS / seed))
    path = published(seed, suffix)
    code, out, err = run(capsys, "check", "--output-format", "json", str(path))
    assert "Traceback" not in err
    expected, got = json.loads(expected_out), json.loads(out)
    assert code == (1 if expected else 0)
    assert sorted(d["code"] for d in got) == sorted(d["code"] for d in expected)
    assert sorted(comparable(d["message"], suffix) for d in got) == sorted(
        comparable(d["message"], ".txt") for d in expected
    )
    assert all(d["path"] == str(path) for d in got)


@pytest.mark.parametrize("seed,suffix", CASES)
def test_linting_the_converted_text_gives_the_same_findings(seed, suffix, published, capsys, tmp_path):
    path = published(seed, suffix)
    code, converted_text, err = run(capsys, "convert", str(path))
    assert code == 0, err
    markdown = tmp_path / "converted.md"
    markdown.write_text(converted_text, encoding="utf-8")
    linter = Linter(build_registry(load_plugins=False))
    original = linter.lint_file(str(path))
    plain = linter.lint_file(str(markdown))
    assert sorted(d.code for d in original) == sorted(d.code for d in plain)
    converted = linter.convert(str(path), path.read_bytes())
    expected = []
    for d in plain:
        span, locator = converted.locate(Span(d.line, d.column, d.end_line, d.end_column))
        message = d.message + (f"（{locator.zh}）" if locator else "")
        expected.append((span.line, span.column, span.end_line, span.end_column, d.code, message))
    got = [(d.line, d.column, d.end_line, d.end_column, d.code, d.message) for d in original]
    assert sorted(got) == sorted(expected)
    if suffix != ".html":  # Word and PDF positions are those of the converted text itself
        assert sorted((d.line, d.column, d.code) for d in original) == sorted((d.line, d.column, d.code) for d in plain)
