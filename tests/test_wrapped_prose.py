"""narrative-consistency on prose a converter wrapped at the line's width (pdftotext, lynx, w3m,
pandoc plain): a claim cut at a line's end (收到政府信息公开申请 / 7件) is read across the break, and
its finding points at the number on the line where it stands."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from giarlint.builtin_rules.narrative import WRAPPED_SHORTEST, _prose
from giarlint.linter import Linter
from giarlint.settings import Settings

TESTS = Path(__file__).resolve().parent
SEED_002 = next((TESTS / "seeds").glob("002_*.txt"))
FOLDERS = ("texts", "heldout/texts", "stress/texts", "markup/texts", "crawlers/texts")
RENDERINGS = sorted(path for folder in FOLDERS for path in (TESTS / "layouts" / folder).glob("00[0-4]*.*.txt"))
SOURCES = {path.name[:3]: path for path in (TESTS / "seeds").glob("*.txt")}
SOURCES.update({path.stem: path for path in (TESTS / "layouts" / "stress" / "variants").glob("*.txt")})


def _claims(linter, path: Path) -> Counter:
    found = linter.lint_text(str(path), path.read_text(encoding="utf-8"))
    return Counter((d.code, d.message) for d in found if d.code in ("GIA406", "GIA407"))


@pytest.fixture(scope="module")
def narrative(registry):
    return Linter(registry, Settings(select=("GIA406", "GIA407")))


def test_a_paragraph_wrapped_every_30_characters_is_read_across_its_breaks(narrative):
    lines = SEED_002.read_text(encoding="utf-8").split("\n")
    paragraph = lines[7]  # the seed's line 8: 7 and 8 stated, 8 and 9 in table 三
    wrapped = [paragraph[i : i + 30] for i in range(0, len(paragraph), 30)]
    text = "\n".join(lines[:7] + wrapped + lines[8:])
    found = narrative.lint_text("r.txt", text)
    assert [d.code for d in found] == ["GIA406", "GIA406"]
    for diagnostic, stated in zip(found, ("7", "8")):
        line = text.split("\n")[diagnostic.line - 1]
        assert line[diagnostic.column - 1 : diagnostic.end_column - 1] == stated
        assert stated in diagnostic.message


def test_short_lines_and_lines_ending_a_sentence_stay_apart(linter):
    text = ("某某市应急管理局2022年政府信息公开工作年度报告\n一、总体情况\n"
            + "本机关认真贯彻落实条例，" * 3 + "\n" + "全年主动公开信息一千条。\n" + "短行\n接着的一行\n")
    paragraphs = linter.build("r.txt", text).document.paragraphs()
    joined = [p.text for p in _prose(paragraphs)]
    assert "本机关认真贯彻落实条例，" * 3 + "全年主动公开信息一千条。" in joined  # a clause mark ends no paragraph
    assert "短行" in joined and "接着的一行" in joined and len("短行") < WRAPPED_SHORTEST


def test_over_the_renderings_no_claim_is_invented_and_most_are_found(narrative):
    expected = found = 0
    for path in RENDERINGS:
        theirs = _claims(narrative, SOURCES[path.name.split(".")[0]])
        ours = _claims(narrative, path)
        assert not ours - theirs, path.name  # nothing the source text itself does not say
        expected += sum(theirs.values())
        found += sum((ours & theirs).values())
    assert expected > 400 and found >= 0.85 * expected
