"""The rule-case harness refuses a wrong case file with a message naming the file and the key."""

from __future__ import annotations

import pytest
from giarlint_run import SEED_000

from giarlint.testing import CaseError, check_case, load_case_file

GOOD_FAIL = "  - name: t\n    text: x\n    expect: [{line: 1, column: 1}]\n"


@pytest.mark.parametrize("body,message", [
    ("code: GIA002\nfail:\n  - name: t\n    text: x\n    langg: en\n    expect: [{line: 1, column: 1}]\n",
     "cases.yaml::fail[0]: unknown key `langg`"),
    ("code: GIA002\nfail:\n  - name: t\n    text: x\n    options: {langg: en}\n    expect: [{line: 1, column: 1}]\n",
     "cases.yaml::t: `options`: unknown key `langg`"),
    ("code: GIA002\nfails:\n" + GOOD_FAIL, "cases.yaml: unknown key `fails`"),
    ("fail:\n" + GOOD_FAIL, "cases.yaml: missing key `code`"),
    ("code: GIA002\nfail: {name: t}\n", "cases.yaml: `fail`: expected a list"),
    ("code: GIA002\nfail:\n  - just text\n", "cases.yaml::fail[0]: expected a mapping"),
    ("code: GIA002\nfail:\n  - name: t\n    base: missing.txt\n    expect: [{line: 1, column: 1}]\n",
     "cases.yaml::t: `base`: cannot read"),
    ("code: GIA002\nfail:\n  - name: t\n    text: x\n    expect: [{line: one, column: 1}]\n",
     "cases.yaml::t: `expect[0]`.line: expected a 1-based whole number"),
    ("code: GIA002\nfail:\n  - name: t\n    text: x\n    expect: [{line: 1}]\n",
     "cases.yaml::t: `expect[0]`: missing key `column`"),
    ("code: GIA002\nfail:\n  - name: t\n    text: x\n    replace: [{old: x, neww: y}]\n    expect: [{line: 1, column: 1}]\n",
     "cases.yaml::t: `replace[0]`: unknown key `neww`"),
    ("code: GIA002\nfail:\n  - name: t\n    text: x\n    replace: {old: x, new: y}\n    expect: [{line: 1, column: 1}]\n",
     "cases.yaml::t: `replace`: expected a list"),
    ("code: GIA002\nfail:\n  - name: t\n    text: x\n    replace: [{old: z, new: y}]\n    expect: [{line: 1, column: 1}]\n",
     "cases.yaml::t: replacement 'z' matches nothing"),
    ("code: GIA601\nfail:\n  - name: t\n    reports: [{base: a.txt}]\n    expect: [{line: 1, column: 1}]\n",
     "cases.yaml::t: `reports[0]`: missing key `path`"),
    ("code: [GIA002\n", "cases.yaml: cannot load the case file"),
])
def test_a_wrong_case_file_is_a_clear_error(tmp_path, body, message):
    path = tmp_path / "cases.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(CaseError) as raised:
        load_case_file(path)
    assert message in str(raised.value)
    assert str(tmp_path) in str(raised.value) or "cases.yaml::" in str(raised.value)


def test_a_missing_case_file_is_a_case_error(tmp_path):
    with pytest.raises(CaseError, match="nowhere.yaml: cannot load"):
        load_case_file(tmp_path / "nowhere.yaml")


def test_replace_count_and_every_documented_key_work(tmp_path):
    (tmp_path / "seed.txt").write_text(SEED_000.read_text(encoding="utf-8"), encoding="utf-8")
    path = tmp_path / "cases.yaml"
    path.write_text(
        "code: GIA205\n"
        "fail:\n"
        "  - name: text-cell\n    base: seed.txt\n    options: {lang: en, path: r.txt}\n"
        "    expect: [{line: 16, column: 8}]\n"
        "pass:\n"
        "  - name: number\n    base: seed.txt\n"
        "    replace: [{old: 企业类674件;个人类69535件, new: '70209', count: -1}]\n    append: \"\\n\"\n",
        encoding="utf-8")
    cases = load_case_file(path)
    assert [c.name for c in cases] == ["text-cell", "number"]
    for case in cases:
        check_case(case)
