"""``--fix``, ``--diff`` and ``--show-fixes`` on real reports and real tools' output.

Each file is fixed in a copy, and the result is checked independently of the fixer: the bytes
changed are exactly the edits the findings announced (in JSON), every number and table value reads
the same, nothing fixable is left, the encoding, BOM and line endings are kept, and a second
``--fix`` changes nothing. ``--diff`` writes nothing.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from giarlint_run import ROOT, SEEDS, main

FIXABLE = ("GIA501", "GIA502", "GIA503", "GIA504", "GIA106", "GIA109")
SELECT = ("--extend-select", "GIA503,GIA504")
LAYOUTS = ROOT / "tests" / "layouts"
FILES = [
    *SEEDS,
    *sorted((ROOT / "tests" / "fixes").glob("*.txt")),
    LAYOUTS / "public" / "pingtan-2022.txt",  # a crawled page on one line: GIA106 "行政法复议", GIA504
    LAYOUTS / "texts" / "000.pdfplumber-split.txt",  # GIA109
    LAYOUTS / "texts" / "000.pandoc-gfm.txt",  # GIA503
    LAYOUTS / "texts" / "001.lynx.txt",  # GIA501
    LAYOUTS / "texts" / "003.lynx.txt",  # GIA502
]
ENCODINGS = {"001.docx-lo-gbk-crlf.txt": ("gb18030", b""), "003.docx-lo-utf8bom-crlf.txt": ("utf-8", b"\xef\xbb\xbf")}
_BREAK = re.compile(r"\r\n|\r|\n")


def findings(capsys, path: Path) -> list[dict]:
    _, out, _ = main(capsys, "check", *SELECT, "--output-format", "json", path)
    return json.loads(out)


def extracted(capsys, path: Path) -> dict:
    _, out, _ = main(capsys, "extract", path)
    data = json.loads(out)
    return data[0] if isinstance(data, list) else data


def decode(path: Path) -> str:
    encoding, bom = ENCODINGS.get(path.name, ("utf-8", b""))
    data = path.read_bytes()
    assert data.startswith(bom)
    return data[len(bom):].decode(encoding)


def apply(text: str, edits: list[dict]) -> str:
    """The announced edits applied by this test's own reckoning (lines split at \\r\\n, \\r, \\n)."""
    starts = [0] + [m.end() for m in _BREAK.finditer(text)]
    out, position = [], 0
    for edit in sorted(edits, key=lambda e: (e["location"]["row"], e["location"]["column"])):
        start = starts[edit["location"]["row"] - 1] + edit["location"]["column"] - 1
        end = starts[edit["end_location"]["row"] - 1] + edit["end_location"]["column"] - 1
        assert start >= position, "announced edits overlap"
        out += [text[position:start], edit["content"]]
        position = end
    return "".join(out + [text[position:]])


@pytest.mark.parametrize("source", FILES, ids=[p.name for p in FILES])
def test_fix_changes_exactly_the_announced_edits_and_never_a_number(source, tmp_path, capsys):
    path = tmp_path / source.name
    shutil.copy(source, path)
    original = path.read_bytes()
    before = findings(capsys, path)
    fixable = [d for d in before if d["fix"]]
    assert fixable, "each file here has something to fix"
    assert {d["code"] for d in fixable} <= set(FIXABLE)
    tables = extracted(capsys, path)

    code, diff, err = main(capsys, "check", *SELECT, "--diff", path)
    assert code == 1 and diff.startswith(f"--- {path}\n+++ {path}\n") and "would be fixed" in err
    assert path.read_bytes() == original  # --diff writes nothing

    code, _, err = main(capsys, "check", *SELECT, "--fix", path)
    assert "Traceback" not in err
    fixed = path.read_bytes()
    assert f"Fixed {len(fixable)} finding{'' if len(fixable) == 1 else 's'}." in err
    text_before, text_after = decode(source), decode(path)
    assert text_after == apply(text_before, [e for d in fixable for e in d["fix"]["edits"]])
    assert _BREAK.findall(text_after) == _BREAK.findall(text_before)  # every line ending kept
    assert re.findall(r"\d+", text_after) == re.findall(r"\d+", text_before)  # never a number
    assert extracted(capsys, path)["tables"] == tables["tables"]  # every table value reads the same

    after = findings(capsys, path)
    assert not [d for d in after if d["fix"]]
    left = [d for d in after if d["code"] in FIXABLE]
    # what is left was never certain: a variant spelling, a space inside a number, a lone bracket
    assert len(left) <= len([d for d in before if d["code"] in FIXABLE and not d["fix"]]) + sum(
        1 for d in fixable if d["code"] == "GIA504"), left

    code, _, err = main(capsys, "check", *SELECT, "--fix", path)
    assert path.read_bytes() == fixed and "Fixed" not in err  # idempotent


def test_gbk_crlf_keeps_its_encoding_and_line_endings(tmp_path, capsys):
    source = ROOT / "tests" / "fixes" / "001.docx-lo-gbk-crlf.txt"
    path = tmp_path / source.name
    shutil.copy(source, path)
    main(capsys, "check", "--fix", path)
    data = path.read_bytes()
    assert data != source.read_bytes()
    text = data.decode("gb18030")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert text.count("\r\n") == text.count("\n") == source.read_bytes().decode("gb18030").count("\r\n")
    assert "機制" in text and "機製" not in text
    assert data.decode("gbk") == text  # still plain GBK, not GB18030-only bytes


def test_show_fixes_lists_each_fix(tmp_path, capsys):
    path = tmp_path / "002.txt"
    shutil.copy(SEEDS[2], path)
    code, out, err = main(capsys, "check", "--show-fixes", path)
    assert f"fixable: {path}:33:1: GIA109 “商业” → “商业企业”" in err.splitlines()
    assert path.read_bytes() == SEEDS[2].read_bytes()
    code, out, err = main(capsys, "check", "--fix", "--show-fixes", path)
    assert f"fixed: {path}:33:6: GIA109 “科研” → “科研机构”" in err.splitlines()
    assert "商业企业 | 科研机构 |" in path.read_text(encoding="utf-8")


@pytest.mark.parametrize("suffix", [".docx", ".pdf", ".html"])
def test_converted_formats_are_never_written(suffix, tmp_path, capsys):
    from seed_renderings import rendered

    path = tmp_path / f"report{suffix}"
    path.write_bytes(rendered(SEEDS[2].name, suffix))
    before = findings(capsys, path)
    assert any(d["code"] == "GIA109" for d in before) and not any(d["fix"] for d in before)
    code, _, err = main(capsys, "check", "--fix", path)
    assert code == 1 and path.read_bytes() == rendered(SEEDS[2].name, suffix)
    assert "Fixed" not in err and f"giarlint: {path}: not fixed: " in err and "fix the source document" in err


def test_standard_input_is_never_fixed_into_a_file_of_its_name(tmp_path, monkeypatch):
    from giarlint_run import run

    decoy = tmp_path / "report.txt"
    decoy.write_bytes(SEEDS[2].read_bytes())
    done = run("check", "--fix", "--stdin-filename", "report.txt", "-", cwd=tmp_path, stdin=SEEDS[2].read_bytes())
    assert done.returncode == 1 and "GIA109" in done.stdout
    assert "report.txt: not fixed: standard input is not fixed" in done.stderr
    assert decoy.read_bytes() == SEEDS[2].read_bytes()


def test_stdin_and_a_converted_file_are_refused_clearly(tmp_path, capsys, monkeypatch):
    from giarlint.fixing import refusal_for

    assert "fix the source document" in refusal_for("r.docx")
    assert "fix the source document" in refusal_for("r.pdf")
    assert "web page" in refusal_for("r.html")
    assert "standard input" in refusal_for("-")
    assert refusal_for("r.txt") is None and refusal_for("r.MD") is None


def test_json_and_sarif_carry_the_fix(tmp_path, capsys):
    path = tmp_path / "002.txt"
    shutil.copy(SEEDS[2], path)
    (gia109, *_) = [d for d in findings(capsys, path) if d["code"] == "GIA109"]
    assert gia109["fix"] == {"applicability": "safe", "edits": [
        {"content": "商业企业", "location": {"row": 33, "column": 1}, "end_location": {"row": 33, "column": 3}}]}
    _, out, _ = main(capsys, "check", "--output-format", "sarif", path)
    results = json.loads(out)["runs"][0]["results"]
    (result, *_) = [r for r in results if r["ruleId"] == "GIA109"]
    (change,) = result["fixes"][0]["artifactChanges"]
    assert change["replacements"] == [{"deletedRegion": {"startLine": 33, "startColumn": 1, "endLine": 33, "endColumn": 3},
                                       "insertedContent": {"text": "商业企业"}}]
    assert all("fixes" not in r for r in results if r["ruleId"] == "GIA406")


def test_a_fix_of_the_wrong_shape_is_no_fix():
    from giarlint.linter import _fix_of
    from giarlint.rule import Finding
    from giarlint.tree import Span

    span = Span(1, 1, 1, 2)
    assert _fix_of(Finding("ZZZ001", span, fix=((1, 1, 1, 2, "x"),))) == ((1, 1, 1, 2, "x"),)
    for bad in (5, "x", ((1, 1, 1),), ((0, 1, 1, 2, "x"),), ((1, 1, 2, 2, "x"),), ((1, 3, 1, 2, "x"),),
                ((1, 1, 1, 2, 7),), ((1, 1, 1, 2, "a\nb"),), ((1.0, 1, 1, 2, "x"),)):
        assert _fix_of(Finding("ZZZ001", span, fix=bad)) is None, bad


def test_a_symbolic_link_stays_a_link(tmp_path, capsys):
    target = tmp_path / "real.txt"
    shutil.copy(SEEDS[2], target)
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    main(capsys, "check", "--fix", link)
    assert link.is_symlink() and "商业企业" in target.read_text(encoding="utf-8")
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".giarlint-")]


def test_diff_goes_to_the_output_file(tmp_path, capsys):
    path = tmp_path / "002.txt"
    shutil.copy(SEEDS[2], path)
    out_file = tmp_path / "fixes.diff"
    code, out, err = main(capsys, "check", "--diff", "--output-file", out_file, path)
    assert code == 1 and out == "" and path.read_bytes() == SEEDS[2].read_bytes()
    diff = out_file.read_text(encoding="utf-8")
    assert diff.startswith(f"--- {path}\n+++ {path}\n") and "+商业企业 | 科研机构 |" in diff
