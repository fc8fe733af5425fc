"""Output formats, colour, statistics and exit options of ``giarlint check``."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path
from xml.etree import ElementTree

import pytest
from giarlint_run import SEED_000, SEEDS, SEEDS_DIR, main, run

from giarlint.snippets import display_width

SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"
CELL = "企业类674件;个人类69535件"  # seed 000, line 16: text in a count cell (GIA205)


def check(capsys, *args):
    return main(capsys, "check", "--isolated", *args)


def findings_of(capsys, *paths) -> list[dict]:
    """The findings as JSON, to compare other formats with."""
    return json.loads(check(capsys, "--output-format", "json", *paths)[1])


def test_concise_is_the_default_flake8_line(capsys):
    code, out, _ = check(capsys, SEED_000)
    assert code == 1
    assert out == f"{SEED_000}:16:8: GIA205 表二行政许可·本年处理决定数量填写了文字“{CELL}”，应为数字；涉及此格的核对已跳过\n"


def test_full_puts_the_caret_under_the_cell_counting_wide_characters(capsys):
    code, out, _ = check(capsys, "--output-format", "full", SEED_000)
    lines = out.splitlines()
    assert lines[1:] == [
        "   |",
        f"16 | 行政许可 | {CELL} | ||",
        # 行政许可 is four wide characters (8 columns) and " | " three: the cell starts at column 11
        "   | " + " " * 11 + "^" * 25,
    ]
    caret_line, source_line = lines[3][5:], lines[2][5:]
    # walk the source line by display width: the characters above the carets are exactly the cell
    above, width = "", 0
    for char in source_line:
        if caret_line.find("^") <= width < len(caret_line):
            above += char
        width += display_width(char)
    assert above == CELL


def test_full_expands_tabs_like_it_counts_them(tmp_path, capsys):
    report = tmp_path / "tabs.txt"
    report.write_text(SEED_000.read_text(encoding="utf-8").replace("行政许可 | ", "行政许可\t| "), encoding="utf-8")
    _, out, _ = check(capsys, "--output-format", "full", report)
    source, carets = out.splitlines()[2:4]
    assert "\t" not in source
    assert carets.index("^") - 5 == display_width("行政许可") + 4 + 2


def test_json_and_json_lines(capsys):
    _, out, _ = check(capsys, "--output-format", "json", *SEEDS)
    items = json.loads(out)
    _, lines, _ = check(capsys, "--output-format", "json-lines", *SEEDS)
    assert [json.loads(line) for line in lines.splitlines()] == items
    assert items[0] == {
        "path": str(SEED_000), "line": 16, "column": 8, "code": "GIA205", "message": items[0]["message"],
        "end_line": 16, "end_column": 8 + len(CELL), "rule": "totals-consistency", "severity": "E", "fix": None,
    }


def test_sarif_is_valid_against_the_official_schema(capsys):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    expected = findings_of(capsys, *SEEDS)
    _, out, _ = check(capsys, "--output-format", "sarif", *SEEDS)
    log = json.loads(out)
    jsonschema.Draft4Validator(schema).validate(log)
    run_ = log["runs"][0]
    assert run_["columnKind"] == "unicodeCodePoints"
    rules = run_["tool"]["driver"]["rules"]
    assert {"GIA205", "GIA402", "GIA009"} <= {r["id"] for r in rules}
    assert [(r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"]) for r in run_["results"]] \
        == [(f["code"], f["line"]) for f in expected]
    first = run_["results"][0]
    assert rules[first["ruleIndex"]]["id"] == first["ruleId"] == "GIA205"
    assert rules[first["ruleIndex"]]["shortDescription"]["text"] == "数量或金额单元格填了文字"
    assert first["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 16, "startColumn": 8, "endLine": 16, "endColumn": 8 + len(CELL),
    }


def test_sarif_with_no_findings_is_valid_too(capsys):
    jsonschema = pytest.importorskip("jsonschema")
    _, out, _ = check(capsys, "--output-format", "sarif", "--select", "GIA201", SEED_000)
    jsonschema.Draft4Validator(json.loads(SCHEMA.read_text(encoding="utf-8"))).validate(json.loads(out))


def test_github_annotations_are_escaped(tmp_path, capsys):
    report = tmp_path / "a,b:c%.txt"
    shutil.copy(SEED_000, report)
    _, out, _ = check(capsys, "--output-format", "github", report)
    path = str(report).replace("%", "%25").replace(":", "%3A").replace(",", "%2C")
    assert out.startswith(f"::error file={path},line=16,col=8,endLine=16,endColumn={8 + len(CELL)},title=giarlint GIA205::GIA205 ")
    assert out.count("\n") == 1


def test_gitlab_fingerprints_survive_moved_lines(tmp_path, capsys):
    report = tmp_path / "r.txt"
    shutil.copy(SEED_000, report)
    _, before, _ = check(capsys, "--output-format", "gitlab", report)
    report.write_text("索引号：123\n\n" + SEED_000.read_text(encoding="utf-8"), encoding="utf-8")
    _, after, _ = check(capsys, "--output-format", "gitlab", report)
    before, after = json.loads(before), json.loads(after)
    assert before[0]["location"]["lines"]["begin"] == 16 and after[0]["location"]["lines"]["begin"] == 18
    assert before[0]["fingerprint"] == after[0]["fingerprint"] and len(before[0]["fingerprint"]) == 64
    assert before[0]["severity"] == "major" and before[0]["check_name"] == "GIA205"


def test_junit_lists_clean_files_as_passing(capsys):
    expected = findings_of(capsys, *SEEDS)
    _, out, _ = check(capsys, "--output-format", "junit", *SEEDS)
    root = ElementTree.fromstring(out)
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == [str(p) for p in SEEDS]
    failures = {s.get("name"): int(s.get("failures")) for s in suites}
    assert failures == {str(p): sum(f["path"] == str(p) for f in expected) for p in SEEDS}
    assert root.get("failures") == str(len(expected))
    _, out, _ = check(capsys, "--output-format", "junit", "--select", "GIA201", *SEEDS)  # no findings
    clean = ElementTree.fromstring(out).findall("testsuite")
    assert len(clean) == len(SEEDS)
    assert all(s.get("failures") == "0" and s.find("testcase").find("failure") is None for s in clean)


def test_output_format_from_the_environment(monkeypatch, capsys):
    process = run("check", "--isolated", SEED_000, env={"GIARLINT_OUTPUT_FORMAT": "json-lines"})
    assert json.loads(process.stdout)["code"] == "GIA205"
    process = run("check", "--isolated", "--output-format", "concise", SEED_000, env={"GIARLINT_OUTPUT_FORMAT": "json"})
    assert process.stdout.startswith(f"{SEED_000}:16:8: GIA205")


def test_unknown_output_format(capsys):
    code, _, err = check(capsys, "--output-format", "xml", SEED_000)
    assert code == 2 and "unknown output format 'xml'" in err and "sarif" in err


@pytest.mark.parametrize("env, flag, coloured", [
    ({}, [], False),  # not a terminal
    ({"FORCE_COLOR": "1"}, [], True),
    ({"FORCE_COLOR": "1", "NO_COLOR": "1"}, [], False),
    ({"NO_COLOR": "1"}, ["--color", "always"], True),
    ({"FORCE_COLOR": "1"}, ["--color", "never"], False),
])
def test_colour(env, flag, coloured):
    process = run("check", "--isolated", *flag, SEED_000, env=env)
    assert ("\033[" in process.stdout) is coloured
    assert process.stdout.replace("\033[1m", "").replace("\033[31m", "").replace("\033[0m", "").startswith(
        f"{SEED_000}:16:8: GIA205 "
    )


def test_statistics_exit_zero_and_quiet(capsys):
    counts = Counter(f["code"] for f in findings_of(capsys, SEEDS_DIR))
    code, out, _ = check(capsys, "--statistics", "--exit-zero", SEEDS_DIR)
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == sum(counts.values()) + len(counts)
    table = lines[-len(counts):]
    assert [line.split()[1] for line in table] == sorted(counts)
    assert f"{counts['GIA205']:<6} GIA205  数量或金额单元格填了文字" in table
    assert f"{counts['GIA402']:<6} GIA402  第六部分未说明信息处理费收取情况" in table
    code, out, err = check(capsys, "--statistics", "--output-format", "json", SEEDS_DIR)
    assert code == 1 and len(json.loads(out)) == sum(counts.values())
    assert err.splitlines() == table + ["giarlint: Found 33 findings in 5 of 5 files (22 fixable)"]  # the JSON stays clean


def test_plugin_formatter_is_used(tmp_path):
    from test_plugin_loading import fake_plugin

    path = fake_plugin(tmp_path, "shout", formatter=True)
    process = run("check", "--isolated", "--output-format", "count", SEED_000, autoload=True, env={"PYTHONPATH": path})
    assert process.returncode == 1 and process.stdout == "2 findings\n"  # GIA205 and the plugin's ZZZ001
