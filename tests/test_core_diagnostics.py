"""Exact diagnostics of the core rules on the seeds, messages in both languages, CLI behaviour."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import SEED, seed_text


def run_cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "giarlint", *args], input=stdin, capture_output=True)


def test_seed_004_second_heading_one_is_gia105_at_its_line(linter):
    found = [d for d in linter.lint_text("004.txt", seed_text("004")) if d.code == "GIA105"]
    assert [(d.line, d.column) for d in found] == [(3, 1)]
    assert "一、" in found[0].message and "1" in found[0].message


def test_seed_000_text_cell_is_gia205_at_its_cell(linter):
    found = [d for d in linter.lint_text("000.txt", seed_text("000")) if d.code == "GIA205"]
    assert [(d.line, d.column, d.end_column) for d in found] == [(16, 8, 25)]
    assert "企业类674件;个人类69535件" in found[0].message


def test_gia203_message_names_both_numbers_in_both_languages(registry):
    from giarlint.linter import Linter
    from giarlint.settings import Settings

    text = seed_text("000").replace("(七)总计 | 13 | 0 |", "(七)总计 | 12 | 0 |")
    zh = [d for d in Linter(registry).lint_text("x.txt", text) if d.code == "GIA203"]
    en = [d for d in Linter(registry, Settings(lang="en")).lint_text("x.txt", text) if d.code == "GIA203"]
    assert zh[0].message == "表三（七）总计·自然人为 12，各办理结果之和为 13"
    assert "12" in en[0].message and "13" in en[0].message and "natural persons" in en[0].message
    assert (zh[0].line, zh[0].column) == (51, 9)


def test_concise_output_and_exit_codes():
    dirty = run_cli("check", "--no-plugins", str(SEED["000"]))
    assert dirty.returncode == 1
    assert dirty.stdout.decode().startswith(f"{SEED['000']}:16:8: GIA205 ")
    clean = run_cli("check", "--no-plugins", "--ignore", "GIA", str(SEED["000"]))
    assert clean.returncode == 0 and clean.stdout == b""
    usage = run_cli("check", "--output-format", "nonsense", str(SEED["000"]))
    assert usage.returncode == 2 and b"unknown output format" in usage.stderr


def test_select_and_ignore_by_prefix():
    selected = run_cli("check", "--no-plugins", "--select", "GIA1", str(SEED["004"])).stdout.decode()
    assert "GIA105" in selected and "GIA402" not in selected
    ignored = run_cli("check", "--no-plugins", "--ignore", "GIA105", str(SEED["004"])).stdout.decode()
    assert "GIA105" not in ignored and "GIA402" in ignored
    longest_wins = run_cli("check", "--no-plugins", "--select", "GIA105", "--ignore", "GIA1", str(SEED["004"]))
    assert "GIA105" in longest_wins.stdout.decode()


def test_json_output_has_every_field():
    out = run_cli("check", "--no-plugins", "--output-format", "json", str(SEED["000"]))
    records = json.loads(out.stdout)
    assert records[0] == {
        "path": str(SEED["000"]), "line": 16, "column": 8, "end_line": 16, "end_column": 25,
        "code": "GIA205", "rule": "totals-consistency", "severity": "E", "fix": None,
        "message": records[0]["message"],
    }


def test_stdin_with_filename():
    out = run_cli("check", "--no-plugins", "--stdin-filename", "report.txt", "-", stdin=SEED["004"].read_bytes())
    lines = out.stdout.decode().splitlines()
    assert any(line.startswith("report.txt:3:1: GIA105") for line in lines)
    assert all(line.startswith("report.txt:") for line in lines)


def test_directory_is_walked_for_reports(tmp_path):
    (tmp_path / "a.txt").write_bytes(SEED["000"].read_bytes())
    (tmp_path / "b.md").write_bytes(SEED["004"].read_bytes())
    (tmp_path / "c.csv").write_bytes(b"not a report")
    out = run_cli("check", "--no-plugins", str(tmp_path)).stdout.decode()
    assert "a.txt:16:8: GIA205" in out and "b.md:3:1: GIA105" in out and "c.csv" not in out


def test_bare_path_runs_check():
    assert run_cli("--no-plugins", str(SEED["004"])).returncode in (1, 2)
    out = run_cli(str(SEED["004"]))
    assert out.returncode == 1 and b"GIA105" in out.stdout


def test_parse_prints_positioned_tree():
    out = run_cli("parse", str(SEED["004"])).stdout.decode()
    assert "section 1 3:1-3:11 一、主要工作开展情况" in out
    assert "table3 format=2021 cells=175 reading=read:cell-per-line" in out


def test_python_m_and_version():
    out = run_cli("--version")
    assert out.returncode == 0 and out.stdout.decode().startswith("giarlint ")


@pytest.mark.parametrize("lang,expected", [("zh", "表二"), ("en", "table 2")])
def test_lang_switch(lang, expected):
    out = run_cli("check", "--no-plugins", "--lang", lang, str(SEED["000"])).stdout.decode()
    assert expected in out


def test_gia108_says_when_the_format_could_not_be_told(registry):
    """No year and no table 二 or （六） rows to tell 2019 from 2021: the message names no format."""
    import re

    from giarlint.linter import Linter
    from giarlint.settings import Settings

    lines = seed_text("000").split("\n")
    text = "\n".join(lines[:9] + lines[23:])  # table 二 left out
    for row in ("(六)其他处理 | 1.申请人", "2.申请人逾期未按收费通知", "3.其他 | 1 |", "3.要求提供公开出版物 |"):
        text = re.sub(re.escape(row) + ".*\n", "", text)
    text = re.sub(r"20\d\d年?", "", text)
    found = {lang: [d for d in Linter(registry, Settings(lang=lang, select=("GIA108",))).lint_text("x.txt", text)]
             for lang in ("zh", "en")}
    assert [(d.line, d.column) for d in found["zh"]] == [(31, 1)]
    assert found["zh"][0].message == "表三缺少“（五）3.公开出版物”行（未能判定是 2019 年还是 2021 年格式；两种格式共有的 22 行中找到 21 行）"
    assert "?" not in found["en"][0].message and "of the 22 rows both formats share, 21 found" in found["en"][0].message


def test_version_before_a_sub_command():
    out = run_cli("--version", "check", str(SEED["000"]))
    assert out.returncode == 0 and out.stdout.decode().startswith("giarlint ")


def test_per_file_ignores_of_one_file_do_not_follow_the_run_to_the_next():
    """Rule contexts are kept per set of per-file ignores: the file after one whose ignores turn
    GIA501 off still gets its GIA501, and the one after that again none."""
    from giarlint.linter import Linter
    from giarlint.plugins import build_registry
    from giarlint.settings import Settings

    text = seed_text("001")
    linter = Linter(build_registry(load_plugins=False), Settings(per_file_ignores={"quiet/*": ("GIA501",)}))
    codes = [{d.code for d in linter.lint_text(path, text)} for path in ("quiet/a.txt", "loud/b.txt", "quiet/c.txt")]
    assert "GIA501" in codes[1] and "GIA501" not in codes[0] | codes[2]
