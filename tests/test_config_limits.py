"""Configuration, YAML and baseline defects are usage errors with a plain message (exit 2), never an
internal error, and never a run that silently checks nothing (issue 14, item 4)."""

from __future__ import annotations

import os
import time

import pytest

from giarlint.config import ConfigError, read_config_file
from giarlint.data import MAX_YAML_BYTES, MAX_YAML_DEPTH
from giarlint.source import DecodeError, decode, text_encoding
from giarlint_run import SEED_000, main


def alias_bomb() -> str:
    """The classic 'billion laughs': nine levels of nine aliases, 9⁹ values from a few hundred bytes."""
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for previous, name in zip("abcdefgh", "bcdefghi"):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
    lines.append("select: [*i]")
    return "\n".join(lines) + "\n"


@pytest.fixture
def repo(tmp_path, monkeypatch):
    (tmp_path / "r.txt").write_bytes(SEED_000.read_bytes())
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _check(capsys, repo, config: str, *args):
    (repo / ".giarlint.yaml").write_text(config, encoding="utf-8")
    code, out, err = main(capsys, "check", *args, "r.txt")
    assert "internal error" not in err and "Traceback" not in err
    return code, out, err


def test_the_alias_bomb_is_refused_within_a_second(repo, capsys):
    bomb = alias_bomb()
    assert len(bomb.encode()) < 1024
    (repo / ".giarlint.yaml").write_text(bomb, encoding="utf-8")
    start, cpu = time.perf_counter(), time.process_time()
    with pytest.raises(ConfigError, match="expands to more than"):
        read_config_file(str(repo / ".giarlint.yaml"))
    assert time.perf_counter() - start < 1.0 and time.process_time() - cpu < 1.0
    code, out, err = _check(capsys, repo, bomb)
    assert (code, out) == (2, "") and "refused: expands to more than 100,000 values" in err


@pytest.mark.parametrize("config, message", [
    ("a: &a [1, *a]\n", "inside its own anchor"),
    ("a: " + "[" * (MAX_YAML_DEPTH + 5) + "]" * (MAX_YAML_DEPTH + 5) + "\n", f"nested more than {MAX_YAML_DEPTH} levels"),
    ("a: " + "{b: " * (MAX_YAML_DEPTH + 5) + "1" + "}" * (MAX_YAML_DEPTH + 5) + "\n", f"nested more than {MAX_YAML_DEPTH} levels"),
    ("# " + "x" * MAX_YAML_BYTES + "\n", "larger than 1024 KB"),
    ("select: [GIA2\n", "not valid YAML"),
    ("select: [GIA2]\n".encode("utf-16").decode("latin-1"), "not"),
])
def test_hostile_yaml_is_refused_by_name(repo, capsys, config, message):
    code, out, err = _check(capsys, repo, config)
    assert (code, out) == (2, "") and message in err and ".giarlint.yaml" in err


def test_yaml_within_the_limits_still_loads(repo, capsys):
    nested = "rule-options:\n  cross-year: &x {similarity-threshold: 0.5}\nextend-select: &s [GIA009]\nignore: *s\n"
    code, _, err = _check(capsys, repo, nested)
    assert code == 1 and "error" not in err


@pytest.mark.parametrize("config", ["select: []\n", 'select: [""]\n', 'select: ""\n', "select: [' ', '']\n"])
def test_an_empty_select_is_an_error(repo, capsys, config):
    code, out, err = _check(capsys, repo, config)
    assert (code, out) == (2, "") and "`select` is empty, which would check nothing" in err


def test_an_empty_select_in_pyproject_and_on_the_command_line(repo, capsys):
    (repo / "pyproject.toml").write_text("[tool.giarlint]\nselect = []\n", encoding="utf-8")
    code, out, err = main(capsys, "check", "r.txt")
    assert (code, out) == (2, "") and "pyproject.toml: `select` is empty" in err
    code, out, err = main(capsys, "check", "--isolated", "--select", "", "r.txt")
    assert (code, out) == (2, "") and "`--select` is empty" in err
    code, _, _ = main(capsys, "check", "--isolated", "--ignore", "", "r.txt")  # an empty ignore is harmless
    assert code == 1


@pytest.mark.parametrize("name", ["rot13", "utf-7", "base64", "hex", "zlib", "hz", "iso2022_jp", "unicode_escape",
                                  "punycode", "idna", "undefined", "no-such-codec", ""])
def test_only_text_encodings_are_accepted(repo, capsys, name):
    code, out, err = _check(capsys, repo, f"encoding: '{name}'\n")
    assert (code, out) == (2, "") and "is not a text encoding giarlint reads" in err
    code, out, err = main(capsys, "check", "--isolated", "--encoding", name, "r.txt")
    assert (code, out) == (2, "") and "is not a text encoding giarlint reads" in err
    assert text_encoding(name) is None
    if name:  # decode(data, "") means: detect
        with pytest.raises(DecodeError, match="not a text encoding"):
            decode("政府信息公开".encode("utf-8"), name)


@pytest.mark.parametrize("name", ["utf-8", "UTF8", "utf-16", "utf-32-le", "gb18030", "GBK", "gb2312", "cp936",
                                  "big5", "big5hkscs", "shift_jis", "euc-kr", "latin-1", "windows-1252", "koi8-r"])
def test_real_text_encodings_are_accepted(repo, capsys, name):
    assert text_encoding(name) is not None
    code, _, err = main(capsys, "check", "--isolated", "--encoding", name, "r.txt")
    assert code == 1 and "not a text encoding" not in err


@pytest.mark.parametrize("config, message", [
    ("rule-options:\n  text-quality: {typos: 5}\n", "`rule-options.text-quality.typos`: rule text-quality has no option 'typos'"),
    ("rule-options:\n  totals-consistency: {strict: true}\n", "has no option 'strict' (it takes no options)"),
    ("rule-options:\n  content: {min-chars: -1}\n", "must be a whole number"),
    ("rule-options:\n  content: {min-chars: 2022-01-01}\n", "must be text, a number"),
    ("rule-options:\n  publication-date: {department-deadline: !!binary aGVsbG8=}\n", "must be text, a number"),
    ("rule-options:\n  cross-year: {similarity-threshold: .nan}\n", "above 0 and at most 1"),
    ("rule-options:\n  cross-year: 5\n", "must be a mapping of option names"),
    ("rule-options: [text-quality]\n", "must map rule names"),
    ("lang: [zh]\n", "`lang` must be one of zh, en"),
    ("format-version: 2020\n", "`format-version` must be one of 2019, 2021"),
    ("exclude: {a: b}\n", "`exclude` must be a list of glob patterns"),
    ("per-file-ignores: [a]\n", "`per-file-ignores` must map glob patterns"),
    ("ignore: 5\n", "`ignore` must be a list of rule codes"),
    ("nonsense: 1\n", "unknown key `nonsense`"),
    ("- just\n- a list\n", "must be a mapping of keys to values"),
])
def test_every_option_value_is_checked(repo, capsys, config, message):
    code, out, err = _check(capsys, repo, config)
    assert (code, out) == (2, "") and message in err, err


@pytest.mark.parametrize("content, message", [
    ('{"giarlint-baseline": 1, "findings": [{"path": "r.txt", "code": "GIA205", "text": "x", "count": 1e999}]}', "`count` must be a whole number"),
    ('{"giarlint-baseline": 1, "findings": [{"path": "r.txt", "code": "GIA205", "text": "x", "count": 0}]}', "`count` must be a whole number"),
    ('{"giarlint-baseline": 1, "findings": [{"path": "r.txt", "code": "GIA205", "text": "x", "count": "2"}]}', "`count` must be a whole number"),
    ('{"giarlint-baseline": 1, "findings": [{"path": 5, "code": "GIA205", "text": "x", "count": 1}]}', "`path` must be text"),
    ('{"giarlint-baseline": 1, "findings": {"a": 1}}', "`findings` must be a list"),
    ('{"giarlint-baseline": 1, "findings": [7]}', "entry 1: not a mapping"),
    ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ('{"giarlint-baseline": 1, "findings": ' + "[" * 100_000 + "]" * 100_000 + "}", "nested too deeply"),
    ("\xff\xfe garbage", "not a JSON baseline"),
])
def test_a_malformed_baseline_is_a_usage_error(repo, capsys, content, message):
    (repo / "baseline.json").write_text(content, encoding="latin-1")
    code, out, err = main(capsys, "check", "--isolated", "--baseline", "baseline.json", "r.txt")
    assert (code, out) == (2, "") and message in err and "internal error" not in err, err


def _read_only_directory(tmp_path):
    """A directory this process cannot write to: a chmod'ed one, or (as root, whom permissions do
    not stop) a sysfs directory, which refuses new files to everyone."""
    if os.geteuid() != 0:
        directory = tmp_path / "read-only"
        directory.mkdir()
        directory.chmod(0o555)
        return str(directory)
    assert os.path.isdir("/sys/kernel")
    return "/sys/kernel"


def test_outputs_that_cannot_be_written_are_usage_errors(repo, capsys, tmp_path):
    (repo / "out").mkdir()
    (repo / "file.md").write_text("x", encoding="utf-8")
    read_only = _read_only_directory(tmp_path)
    cases = [
        (("check", "--isolated", "--write-baseline", "missing/dir/b.json", "r.txt"), "the directory"),
        (("check", "--isolated", "--write-baseline", "out", "r.txt"), "is a directory, not a file"),
        (("check", "--isolated", "--write-baseline", f"{read_only}/b.json", "r.txt"), ""),
        (("check", "--isolated", "--output-file", "missing/out.txt", "r.txt"), "does not exist"),
        (("convert", "--isolated", "-o", "file.md", "r.txt"), "exists and is not a directory"),
        (("convert", "--isolated", "-o", f"{read_only}/giarlint-out", "r.txt"), ""),
    ]
    for args, message in cases:
        code, out, err = main(capsys, *args)
        assert code == 2 and err.startswith("giarlint: error: ") and message in err, (args, err)
        assert "internal error" not in err and err.count("\n") == 1, err
    assert not os.path.exists("missing")
    code, _, err = main(capsys, "convert", "--isolated", "-o", "new/deeper", "r.txt")  # a new directory is made
    assert code == 0 and (repo / "new" / "deeper" / "r.md").is_file()
