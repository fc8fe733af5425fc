"""A PDF's radical look-alikes (⼀ U+2F00, ⾏ U+2F8F, ⻚ U+2EDA …) read as the ideographs they print:
Chromium's PDFs of the seeds' pages, read by pdfplumber, lost sections 一 and 二 and misread the
labels of table 二 (tests/layouts/heldout)."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from giarlint.readers.radicals import unify_radicals

TESTS = Path(__file__).resolve().parent
CHROMIUM = sorted((TESTS / "layouts" / "heldout" / "texts").glob("*.html-chromium-pdfplumber*.txt"))
SEEDS = {path.name[:3]: path for path in (TESTS / "seeds").glob("*.txt")}


def test_each_look_alike_becomes_its_ideograph_one_for_one():
    text = "⼀、总体情况\n⾏政许可 ⻚ ⻓期 ⺠ \uf900 ⻳ abc"  # U+F900, a compatibility ideograph
    out = unify_radicals(text)
    assert out == "一、总体情况\n行政许可 页 长期 民 \u8c48 龟 abc"
    assert len(out) == len(text)
    for char in out:
        assert not ("\u2e80" <= char <= "\u2fdf" or "\uf900" <= char <= "\ufaff")
        assert char.isascii() or char.isspace() or unicodedata.category(char) in ("Lo", "Po")


def test_a_text_without_them_is_returned_as_it_is():
    for path in SEEDS.values():
        text = path.read_text(encoding="utf-8")
        assert unify_radicals(text) is text


@pytest.mark.parametrize("path", CHROMIUM, ids=lambda p: p.name)
def test_chromiums_pdfs_read_their_sections_and_labels(linter, path):
    text = path.read_text(encoding="utf-8")
    assert "⼀、" in text and "⾏政" in text  # the text layer as pdfplumber gave it
    seed = SEEDS[path.name[:3]]
    theirs = [s.heading.ordinal for s in linter.build(str(seed), seed.read_text(encoding="utf-8")).document.sections]
    report = linter.build(str(path), text)
    assert [s.heading.ordinal for s in report.document.sections] == theirs
    codes = {d.code for d in linter.lint_text(str(path), text)}
    assert not codes & {"GIA103", "GIA106", "GIA113"}
    # positions are the original text's: the first heading points at its ⼀
    first = report.document.sections[0].heading.span
    assert text.split("\n")[first.line - 1][first.column - 1] == "⼀"


def test_gia505_counts_them_once_at_the_first_and_fix_writes_the_ideographs(tmp_path):
    from giarlint_run import run

    from giarlint.readers.radicals import look_alikes

    source = CHROMIUM[0]
    original = source.read_text(encoding="utf-8")
    count, found = look_alikes(original)
    assert count == len(found) > 100 and all(len(char) == len(right) == 1 for _, _, char, right in found)
    report = tmp_path / "r.txt"
    report.write_text(original, encoding="utf-8")
    checked = run("check", "--isolated", "--output-format", "json", "r.txt", cwd=tmp_path)
    (finding,) = [d for d in json.loads(checked.stdout) if d["code"] == "GIA505"]
    line, column, char, right = found[0]
    assert (finding["line"], finding["column"]) == (line, column)
    assert original.split("\n")[line - 1][column - 1] == char and f"{len(found)} 处" in finding["message"]
    run("check", "--isolated", "--fix", "r.txt", cwd=tmp_path)
    assert report.read_text(encoding="utf-8") == unify_radicals(original)  # every one, and nothing else
    again = run("check", "--isolated", "--output-format", "json", "r.txt", cwd=tmp_path)
    assert not [d for d in json.loads(again.stdout) if d["code"] == "GIA505"]


def test_a_hostile_texts_millions_are_counted_and_the_first_thousands_placed():
    from giarlint.readers.radicals import PLACED, look_alikes

    text = ("⼀、总体情况⾏政许可" * 50 + "\n") * 2000
    count, placed = look_alikes(text)
    assert count == 200_000 and len(placed) == PLACED
    lines = text.split("\n")
    for line, column, char, _ in (placed[0], placed[-1]):
        assert lines[line - 1][column - 1] == char
    assert placed[-1][:2] == (PLACED // 100, 497)  # a line holds 100, the last of line 100 at column 497
