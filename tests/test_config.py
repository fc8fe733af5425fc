"""Configuration files: discovery, keys, validation and precedence (command line > file > defaults)."""

from __future__ import annotations

import shutil

import pytest
from giarlint_run import SEED_000, main

from giarlint.config import ConfigError, SettingsResolver, Validator
from giarlint.linter import Linter
from giarlint.plugins import Registry, build_registry
from giarlint.rule import Finding, Rule
from giarlint.ruledocs import all_docs
from giarlint.tree import Span

# seed 000 has exactly one finding by default: GIA205 at 16:8; GIA402 is on by default and absent.
GIA205 = "16:8: GIA205"
EN_TAIL = "decisions this year holds text “企业类674件;个人类69535件” instead of a number; checks that need it were skipped"


@pytest.fixture
def tree(tmp_path):
    """tmp/reports/a/seed.txt and tmp/reports/b/seed.txt."""
    for name in ("a", "b"):
        (tmp_path / "reports" / name).mkdir(parents=True)
        shutil.copy(SEED_000, tmp_path / "reports" / name / "seed.txt")
    return tmp_path


def test_no_config_uses_defaults(tree, capsys, monkeypatch):
    monkeypatch.chdir(tree)
    code, out, _ = main(capsys, "check", "reports")
    assert code == 1
    assert out.count(GIA205) == 2


def test_nearest_yaml_wins_over_one_further_up(tree, capsys, monkeypatch):
    (tree / ".giarlint.yaml").write_text("ignore: [GIA205]\n", encoding="utf-8")
    (tree / "reports" / "b" / ".giarlint.yaml").write_text("lang: en\n", encoding="utf-8")
    monkeypatch.chdir(tree)
    code, out, _ = main(capsys, "check", "reports")
    # a/ takes the root file (GIA205 ignored); b/ has its own file, which does not ignore it
    assert code == 1
    assert out.splitlines() == [f"reports/b/seed.txt:16:8: GIA205 table 2 administrative licensing, {EN_TAIL}"]


def test_pyproject_tool_table(tree, capsys, monkeypatch):
    (tree / "pyproject.toml").write_text('[tool.giarlint]\nignore = ["GIA205"]\n', encoding="utf-8")
    monkeypatch.chdir(tree)
    code, out, _ = main(capsys, "check", "reports")
    assert (code, out) == (0, "")


def test_pyproject_without_table_is_passed_over(tree, capsys, monkeypatch):
    (tree / ".giarlint.yaml").write_text("ignore: [GIA205]\n", encoding="utf-8")
    (tree / "reports" / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    monkeypatch.chdir(tree)
    code, out, _ = main(capsys, "check", "reports")
    assert (code, out) == (0, "")


def test_yaml_before_pyproject_in_one_directory(tree, capsys, monkeypatch):
    (tree / ".giarlint.yaml").write_text("ignore: [GIA205]\n", encoding="utf-8")
    (tree / "pyproject.toml").write_text('[tool.giarlint]\nlang = "en"\n', encoding="utf-8")
    monkeypatch.chdir(tree)
    assert main(capsys, "check", "reports")[:2] == (0, "")


def test_config_option_and_isolated(tree, capsys, monkeypatch):
    (tree / ".giarlint.yaml").write_text("ignore: [GIA205]\n", encoding="utf-8")
    (tree / "other.yaml").write_text("lang: en\n", encoding="utf-8")
    monkeypatch.chdir(tree)
    code, out, _ = main(capsys, "check", "--config", "other.yaml", "reports/a")
    assert code == 1 and out.endswith(EN_TAIL + "\n")  # other.yaml (lang en) replaced the search
    code, out, _ = main(capsys, "check", "--isolated", "reports/a")
    assert code == 1 and "填写了文字" in out


@pytest.mark.parametrize("content, named", [
    ("selct: [GIA2]\n", "unknown key `selct`"),
    ("select: [GIA2, GIA777]\n", "`select`: unknown rule code 'GIA777'"),
    ("ignore: XYZ\n", "`ignore`: unknown rule code 'XYZ'"),
    ("per-file-ignores: {'*.md': [GIA9]}\n", "unknown rule code 'GIA9'"),
    ("lang: fr\n", "`lang` must be one of zh, en"),
    ("format-version: 2020\n", "`format-version` must be one of 2019, 2021"),
    ("rule-options: {publication-dates: {x: 1}}\n", "`rule-options.publication-dates`: unknown rule"),
    ("rule-options: {publication-date: {departmnt-deadline: '01-20'}}\n",
     "`rule-options.publication-date.departmnt-deadline`: rule publication-date has no option 'departmnt-deadline' "
     "(options: department-deadline, government-deadline)"),
    ("rule-options: {publication-date: {department-deadline: '02-30'}}\n",
     "`rule-options.publication-date.department-deadline`: must be a month and day of every year as \"MM-DD\""),
    ("rule-options: {publication-date: {government-deadline: '02-29'}}\n", "not '02-29'"),
    ("rule-options: {publication-date: {government-deadline: 3}}\n", "`rule-options.publication-date.government-deadline`"),
    ("rule-options: {content: {min-chars: many}}\n", "`rule-options.content.min-chars`: must be a whole number"),
    ("rule-options: {content: {min-chrs: 10}}\n", "`rule-options.content.min-chrs`: rule content has no option"),
    ("exclude: 3\n", "`exclude` must be a list"),
    ("select: [GIA2\n", "not valid YAML"),
])
def test_bad_configuration_is_an_error_naming_the_key(tree, capsys, monkeypatch, content, named):
    (tree / ".giarlint.yaml").write_text(content, encoding="utf-8")
    monkeypatch.chdir(tree)
    code, out, err = main(capsys, "check", "reports")
    assert code == 2
    assert out == ""
    assert named in err and ".giarlint.yaml" in err


def test_unknown_code_on_the_command_line(capsys):
    code, _, err = main(capsys, "check", "--isolated", "--select", "GIA2,NOPE", str(SEED_000))
    assert code == 2 and "unknown rule code 'NOPE'" in err and "--select" in err


@pytest.mark.parametrize("where", ["command line", "file"])
def test_unknown_encoding_is_a_usage_error_wherever_it_is_given(tree, capsys, monkeypatch, where):
    monkeypatch.chdir(tree)
    if where == "file":
        (tree / ".giarlint.yaml").write_text("encoding: nonsense\n", encoding="utf-8")
        code, out, err = main(capsys, "check", "reports")
    else:
        code, out, err = main(capsys, "check", "--encoding", "nonsense", "reports")
        assert "--encoding" in err and "command line" in err
    assert (code, out) == (2, "")
    assert "'nonsense' is not a text encoding giarlint reads" in err and "GIA001" not in err


def test_missing_config_file(capsys):
    code, _, err = main(capsys, "check", "--config", "/nonexistent/giarlint.yaml", str(SEED_000))
    assert code == 2 and "/nonexistent/giarlint.yaml" in err


def test_command_line_beats_the_file(tree, capsys, monkeypatch):
    (tree / ".giarlint.yaml").write_text("lang: en\nignore: [GIA205]\n", encoding="utf-8")
    monkeypatch.chdir(tree)
    code, out, _ = main(capsys, "check", "--lang", "zh", "--ignore", "GIA3", "reports/a")
    # --lang zh replaced the file's en, --ignore replaced its ignore
    assert code == 1 and out.startswith("reports/a/seed.txt:16:8: GIA205 表二") and out.count("\n") == 1


def test_extend_select_adds_to_the_file(tree, capsys, monkeypatch):
    (tree / ".giarlint.yaml").write_text("select: [GIA4]\nextend-select: [GIA2]\n", encoding="utf-8")
    monkeypatch.chdir(tree)
    code, out, _ = main(capsys, "check", "reports/a")
    assert GIA205 in out  # from the file's extend-select
    code, out, _ = main(capsys, "check", "--extend-select", "GIA1", "reports/a")
    assert GIA205 in out  # the file's extend-select is kept when the command line extends it


def test_per_file_ignores_and_exclude_are_relative_to_the_config(tree, capsys, monkeypatch):
    (tree / ".giarlint.yaml").write_text(
        "per-file-ignores:\n  'reports/a/*': [GIA205]\nexclude: ['reports/b']\n", encoding="utf-8"
    )
    monkeypatch.chdir(tree / "reports")  # run from below the configuration file
    code, out, _ = main(capsys, "check", ".")
    assert (code, out) == (0, "")
    code, out, _ = main(capsys, "check", "b/seed.txt")  # excluded even when named
    assert (code, out) == (0, "")


def test_format_version_forces_the_template(tree, capsys, monkeypatch):
    (tree / ".giarlint.yaml").write_text("format-version: 2019\n", encoding="utf-8")
    monkeypatch.chdir(tree)
    code, out, _ = main(capsys, "extract", "reports/a/seed.txt")
    assert '"format": "2019"' in out
    code, out, _ = main(capsys, "extract", "--isolated", "reports/a/seed.txt")
    assert '"format": "2021"' in out


class _Recorder(Rule):
    """A rule that reports its options, to see what reaches RuleContext."""

    name = "recorder"
    options = {"threshold": "a number"}

    def catalogue(self):
        from giarlint.catalogue import CodeDoc

        return {"XYZ001": CodeDoc("XYZ001", self.name, "W", True, {}, {}, "", "", {"default": {"zh": "{seen}", "en": "{seen}"}})}

    def check(self, report, context):
        yield Finding("XYZ001", Span(1, 1, 1, 2), {"seen": repr(sorted(context.options.items()))})


def _registry_with_recorder():
    base = build_registry(load_plugins=False)
    rule = _Recorder()
    return Registry(base.manager, [rule], {**base.docs, **rule.catalogue()}, {rule.name: "test"}, [], [])


def test_rule_options_reach_the_rule_and_unknown_options_fail(tmp_path):
    registry = _registry_with_recorder()
    validator = Validator(all_docs(registry), {r.name: r for r in registry.rules})
    config = tmp_path / ".giarlint.yaml"
    config.write_text("rule-options:\n  recorder: {threshold: 0.9}\n", encoding="utf-8")
    settings = SettingsResolver(validator, {}).for_path(str(tmp_path / "x.txt"))
    found = Linter(registry, settings).lint_text("x.txt", SEED_000.read_text(encoding="utf-8"))
    assert [d.message for d in found if d.code == "XYZ001"] == ["[('threshold', 0.9)]"]
    config.write_text("rule-options:\n  recorder: {treshold: 0.9}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"`rule-options.recorder.treshold`: rule recorder has no option"):
        SettingsResolver(validator, {}).for_path(str(tmp_path / "x.txt"))


def test_valid_rule_options_reach_the_builtin_rules(tree, capsys, monkeypatch):
    (tree / ".giarlint.yaml").write_text(
        "rule-options:\n  publication-date: {department-deadline: '1-20', government-deadline: '03-15'}\n"
        "  content: {min-chars: 0}\n", encoding="utf-8")
    monkeypatch.chdir(tree)
    code, out, err = main(capsys, "check", "-q", "--select", "GIA302,GIA401", "reports/a")
    assert (code, err) == (1, "")
    assert out == "reports/a/seed.txt:71:1: GIA302 发布日期 2023-01-28 晚于部门报告的期限 2023-01-20（2022 年度报告，晚 8 天）\n"


class _Checked(_Recorder):
    """A rule that says which values of its option are wrong, without declaring its options."""

    name = "checked"
    options = None

    def validate_option(self, name, value):
        return None if value in ("low", "high") else f"must be low or high, not {value!r}"


def test_a_rule_validates_its_option_values_when_the_configuration_is_read(tmp_path):
    validator = Validator(set(_Checked().catalogue()), {"checked": _Checked()})
    config = tmp_path / ".giarlint.yaml"
    config.write_text("rule-options:\n  checked: {level: high, anything: low}\n", encoding="utf-8")
    settings = SettingsResolver(validator, {}).for_path(str(tmp_path / "x.txt"))
    assert settings.rule_options == {"checked": {"level": "high", "anything": "low"}}
    config.write_text("rule-options:\n  checked: {level: medium}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"\.giarlint\.yaml: `rule-options\.checked\.level`: must be low or high, not 'medium'$"):
        SettingsResolver(validator, {}).for_path(str(tmp_path / "x.txt"))


def test_per_file_ignores_win_over_an_explicit_selection():
    from giarlint.settings import Settings

    settings = Settings(extend_select=("GIA504",))
    assert settings.is_selected("GIA504", False)
    assert not settings.is_selected("GIA504", False, extra_ignore=("GIA5",))
    assert not settings.is_selected("GIA501", True, extra_ignore=("GIA5",))
