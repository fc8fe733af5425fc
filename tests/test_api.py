"""giarlint.api, method by method: each gives what the command gives for the same input, and what
it returns pickles (docs/api.md)."""

from __future__ import annotations

import json
import pickle
import subprocess
import sys

import pytest

from giarlint.api import Checked, Checker, Settings, Unreadable, check_paths
from giarlint_run import SEEDS
from seed_renderings import rendered
from test_crossyear import three_years


def command_json(*args) -> list[dict]:
    """`giarlint check --output-format json` of the same input, the reference."""
    done = subprocess.run([sys.executable, "-m", "giarlint", "check", "--isolated", "--no-plugins", "--no-cache",
                           "--output-format", "json", *map(str, args)], capture_output=True, text=True)
    assert done.returncode in (0, 1), done.stderr
    return json.loads(done.stdout)


def located(diagnostics) -> list[tuple]:
    return [(d.path, d.line, d.column, d.end_line, d.end_column, d.code, d.message) for d in diagnostics]


def located_json(items) -> list[tuple]:
    return [(i["path"], i["line"], i["column"], i["end_line"], i["end_column"], i["code"], i["message"])
            for i in items]


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker(plugins=False)


def test_check_file_gives_the_commands_findings(checker):
    result = checker.check_file(str(SEEDS[0]))
    assert isinstance(result, Checked) and result.path == str(SEEDS[0]) and not result.not_report
    assert result.diagnostics, "seed 000 has findings"
    assert located(result.diagnostics) == located_json(command_json(SEEDS[0]))


def test_check_bytes_reads_the_format_the_name_says(checker, tmp_path):
    from_file = located(checker.check_file(str(SEEDS[1])).diagnostics)
    assert from_file
    assert located(checker.check_bytes("a.txt", SEEDS[1].read_bytes()).diagnostics) == [
        ("a.txt",) + row[1:] for row in from_file]  # the same findings, under the name given
    page = rendered(SEEDS[1].name, ".html")
    (tmp_path / "report.html").write_bytes(page)
    from_bytes = checker.check_bytes(str(tmp_path / "report.html"), page)
    assert from_bytes.converted is not None  # the web-page reader answered
    assert located(from_bytes.diagnostics) == located_json(command_json(tmp_path / "report.html"))


def test_report_text_is_what_convert_prints(checker, tmp_path):
    page = rendered(SEEDS[2].name, ".html")
    path = tmp_path / "report.html"
    path.write_bytes(page)
    done = subprocess.run([sys.executable, "-m", "giarlint", "convert", "--isolated", str(path)],
                          capture_output=True, text=True, check=True)
    text = checker.report_text(str(path), page)
    assert "政府信息公开工作年度报告" in text
    assert text.rstrip("\n") == done.stdout.rstrip("\n")


def test_check_set_gives_the_commands_cross_year_findings(checker, tmp_path):
    repo = three_years(tmp_path)
    results = [checker.check_file(str(path)) for path in sorted(repo.glob("*.txt"))]
    set_findings = checker.check_set(reversed(results))  # in any order
    assert {d.code for d in set_findings} >= {"GIA601", "GIA603"}
    expected = [i for i in command_json(repo) if i["code"].startswith("GIA60")]
    assert located(sorted(set_findings)) == located_json(sorted(expected, key=lambda i: (i["path"], i["line"],
                                                                                        i["column"], i["code"])))


def test_check_set_of_one_report_is_empty(checker):
    assert checker.check_set([checker.check_file(str(SEEDS[0]))]) == []


def test_extract_file_and_bytes_give_the_commands_record(checker):
    done = subprocess.run([sys.executable, "-m", "giarlint", "extract", "--isolated", "--output-format", "json",
                           str(SEEDS[0])], capture_output=True, text=True, check=True)
    expected = json.loads(done.stdout)[0]
    record = checker.extract_file(str(SEEDS[0]))
    assert record == expected
    assert record["tables"]["table3"]["new_received"]["natural_person"] == 13
    assert checker.extract_bytes(str(SEEDS[0]), SEEDS[0].read_bytes()) == expected


def test_extract_of_what_cannot_be_read_raises_unreadable(checker, tmp_path):
    with pytest.raises(Unreadable, match="cannot read"):
        checker.extract_file(str(tmp_path / "missing.txt"))
    with pytest.raises(Unreadable, match="decode"):
        checker.extract_bytes("binary.txt", bytes(range(256)) * 64)
    with pytest.raises(Unreadable, match="size limit"):
        checker.extract_bytes("huge.txt", b"0" * (16 * 1048576 + 1))


def test_results_pickle(checker, tmp_path):
    repo = three_years(tmp_path)
    results = [checker.check_file(str(path)) for path in sorted(repo.glob("*.txt"))]
    copies = pickle.loads(pickle.dumps(results))
    assert [c.diagnostics for c in copies] == [r.diagnostics for r in results]
    assert checker.check_set(copies) == checker.check_set(results)  # summaries survive the trip
    record = checker.extract_file(str(SEEDS[0]))
    assert pickle.loads(pickle.dumps(record)) == record


def test_check_paths_in_the_order_given_with_one_or_two_jobs(tmp_path):
    paths = [str(p) for p in reversed(SEEDS)] * 3
    one = list(check_paths(paths, jobs=1, plugins=False))
    two = list(check_paths(paths, jobs=2, plugins=False))
    assert [r.path for r in one] == paths == [r.path for r in two]
    assert [r.diagnostics for r in one] == [r.diagnostics for r in two]
    assert one[0].diagnostics == Checker(plugins=False).check_file(paths[0]).diagnostics


def test_settings_are_those_given():
    english = Checker(Settings(lang="en", select=("GIA2",)), plugins=False).check_file(str(SEEDS[0]))
    assert english.diagnostics and all(d.code.startswith("GIA2") for d in english.diagnostics)
    chinese = Checker(Settings(select=("GIA2",)), plugins=False).check_file(str(SEEDS[0]))
    assert [d.code for d in chinese.diagnostics] == [d.code for d in english.diagnostics]
    assert "table 2" in english.diagnostics[0].message and "表二" in chinese.diagnostics[0].message
    assert Checker(Settings(select=("GIA9",)), plugins=False).check_file(str(SEEDS[0])).diagnostics == []


def test_views_on_request(tmp_path):
    plain = Checker(plugins=False).check_file(str(SEEDS[0]))
    assert plain.view is None
    viewed = Checker(plugins=False, views=True).check_file(str(SEEDS[0]))
    assert viewed.view is not None and viewed.view["tables"]
    assert viewed.diagnostics == plain.diagnostics
