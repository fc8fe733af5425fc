"""Hostile plugins installed through entry points: whatever one does, every good report's
findings are still printed and the run exits 1 with a GIA099 naming it, never 0, never an
internal error (issue 14)."""

from __future__ import annotations

import shutil

import pytest

from giarlint_run import ROOT, SEEDS, run
from helpers import hostile

CHECKED = [str(path) for path in SEEDS[:3]]
LOAD_TIME = set(hostile.LOAD_TIME)
RUN_TIME = [name for name in hostile.PLUGINS if name not in hostile.NOT_AT_RUN_TIME]


def _env(tmp_path, names) -> dict:
    site = hostile.install(tmp_path / "site", names)
    return {"PYTHONPATH": f"{site}:{ROOT / 'tests'}"}


@pytest.fixture(scope="module")
def clean_lines():
    """What giarlint's own rules print for the checked reports (with a hostile plugin installed,
    every one of these lines must still be printed)."""
    process = run("check", "--isolated", *CHECKED)
    assert process.returncode == 1 and process.stdout
    return process.stdout.splitlines()


def _assert_survived(process, clean_lines, plugin: str, per_report: bool):
    assert "internal error" not in process.stderr and "Traceback" not in process.stderr, process.stderr
    assert process.returncode == 1, (process.returncode, process.stderr)
    lines = process.stdout.splitlines()
    missing = [line for line in clean_lines if line not in lines]
    assert not missing, missing[:3]
    named = [line for line in lines if " GIA099 " in line and f"插件 {plugin} " in line]
    assert named, process.stdout[-2000:]
    if per_report:  # for each report, on that report only
        assert sorted({line.split(":")[0] for line in named}) == sorted(CHECKED)
    return named


@pytest.mark.parametrize("name", list(hostile.RULE_BEHAVIOURS) + ["giarlint.totals2"])
def test_a_hostile_rule_is_named_and_the_others_still_report(tmp_path, clean_lines, name):
    process = run("check", "--isolated", *CHECKED, autoload=True, env=_env(tmp_path, [name]))
    named = _assert_survived(process, clean_lines, name, per_report=True)
    assert len(named) == len(CHECKED)
    code = hostile.RULE_BEHAVIOURS.get(name, ("HOS301",))[0]
    kept = [line for line in process.stdout.splitlines() if f" {code} " in line]
    if name in ("raises-half-way", "system-exit-in-generator"):  # what it yielded before failing is kept
        assert len(kept) == len(CHECKED)
    else:
        assert kept == []
    if name in ("emits-gia-code", "giarlint.totals2"):
        assert "GIA201" in named[0] and not any(" GIA201 " in line and ":1:1:" in line for line in process.stdout.splitlines())


@pytest.mark.parametrize("name", list(hostile.SET_BEHAVIOURS))
def test_a_hostile_report_set_rule_is_named(tmp_path, clean_lines, name):
    process = run("check", "--isolated", *CHECKED, autoload=True, env=_env(tmp_path, [name]))
    _assert_survived(process, clean_lines, name, per_report=name == "set-summarize-exits")


@pytest.mark.parametrize("name", list(hostile.READER_BEHAVIOURS))
def test_a_hostile_reader_is_named_for_its_file_only(tmp_path, clean_lines, name):
    page = tmp_path / "report.hostile"
    shutil.copy(CHECKED[0], page)
    process = run("check", "--isolated", *CHECKED, page, autoload=True, env=_env(tmp_path, [name]))
    named = _assert_survived(process, clean_lines, name, per_report=False)
    assert [line.split(":")[0] for line in named] == [str(page)]


@pytest.mark.parametrize("name", list(hostile.FORMATTER_BEHAVIOURS))
def test_a_hostile_formatter_is_named_and_the_findings_printed(tmp_path, clean_lines, name):
    process = run("check", "--isolated", "--output-format", name, *CHECKED, autoload=True, env=_env(tmp_path, [name]))
    _assert_survived(process, clean_lines, name, per_report=False)
    assert f"output format {name!r} of plugin {name!r} failed" in process.stderr


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_all_hostile_plugins_at_once(tmp_path, clean_lines, jobs):
    page = tmp_path / "report.hostile"
    shutil.copy(CHECKED[0], page)
    rule_plugins = [n for n in RUN_TIME if n not in hostile.FORMATTER_BEHAVIOURS and n not in hostile.READER_BEHAVIOURS]
    env = _env(tmp_path, rule_plugins + ["reader-returns-str"])
    process = run("check", "--isolated", "-j", jobs, *CHECKED, page, autoload=True, env=env)
    assert "internal error" not in process.stderr and "Traceback" not in process.stderr, process.stderr
    assert process.returncode == 1
    lines = process.stdout.splitlines()
    assert [line for line in clean_lines if line not in lines] == []
    for name in rule_plugins + ["reader-returns-str"]:
        assert any(" GIA099 " in line and f"插件 {name} " in line for line in lines), name


@pytest.mark.parametrize("name", sorted(LOAD_TIME))
def test_a_plugin_refused_while_loading_stops_the_run_naming_it(tmp_path, name):
    process = run("check", "--isolated", *CHECKED, autoload=True, env=_env(tmp_path, [name]))
    assert process.returncode == 2 and process.stdout == ""
    assert f"plugin {name!r}" in process.stderr and "internal error" not in process.stderr
    if name == "giarlint.totals3":
        assert "code GIA777 uses the prefix GIA, reserved for giarlint" in process.stderr


def test_an_option_validator_that_exits_is_a_configuration_error(tmp_path):
    config = tmp_path / "giarlint.yaml"
    config.write_text("rule-options:\n  validator-exits: {level: 3}\n", encoding="utf-8")
    env = _env(tmp_path, ["validator-exits"])
    process = run("check", "--config", config, *CHECKED, autoload=True, env=env)
    assert process.returncode == 2 and process.stdout == ""
    assert "rule validator-exits could not check the value (raised SystemExit(0))" in process.stderr
    assert run("check", "--isolated", *CHECKED, autoload=True, env=env).returncode == 1  # harmless otherwise
