"""``giarlint rule``: one code's documentation, the JSON catalogue, and docs/rules.md kept current."""

from __future__ import annotations

import json
from pathlib import Path

from giarlint.catalogue import builtin_catalogue
from giarlint.cli import main
from giarlint.plugins import build_registry
from giarlint.ruledocs import REGENERATE, all_docs, as_markdown

DOCS = Path(__file__).resolve().parent.parent / "docs" / "rules.md"


def test_rule_prints_chinese_by_default(capsys):
    assert main(["rule", "GIA406", "--no-plugins"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("GIA406 (narrative-consistency)\n正文中的数字与统计表不一致\n")
    for words in ("严重程度: W（警告）", "默认: 启用", "说明:", "错误示例:", "正确示例:", "依法依规办理8件"):
        assert words in out


def test_rule_in_english_and_off_by_default_code(capsys):
    assert main(["rule", "gia009", "--lang", "en", "--no-plugins"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("GIA009 (engine)\nA suppression comment that suppressed nothing\n")
    assert "Default: off" in out and "Severity: W (warning)" in out and "Bad:" in out


def test_unknown_code_exits_2(capsys):
    assert main(["rule", "GIA998", "--no-plugins"]) == 2
    assert "unknown code GIA998" in capsys.readouterr().err


def test_neither_code_nor_all_exits_2(capsys):
    assert main(["rule"]) == 2
    assert "--all" in capsys.readouterr().err


def test_all_as_json_lists_registry_and_engine_codes(capsys):
    assert main(["rule", "--all", "--output-format", "json", "--no-plugins"]) == 0
    records = json.loads(capsys.readouterr().out)
    codes = [r["code"] for r in records]
    registry = build_registry(load_plugins=False)
    assert set(codes) == set(registry.docs) | set(builtin_catalogue("engine"))
    assert {"GIA001", "GIA002", "GIA003", "GIA009", "GIA099", "GIA406", "GIA601"} <= set(codes)
    assert codes == sorted(codes)
    by_code = {r["code"]: r for r in records}
    assert by_code["GIA603"]["rule"] == "cross-year"
    assert by_code["GIA603"]["plugin"] == "giarlint.builtin_rules.crossyear"
    assert by_code["GIA099"]["plugin"] == "giarlint"
    assert set(by_code["GIA406"]) >= {"summary", "explanation", "bad", "good", "severity", "default", "messages"}


def test_docs_rules_md_is_current():
    expected = as_markdown(all_docs(build_registry(load_plugins=False)), build_registry(load_plugins=False))
    current = DOCS.read_text(encoding="utf-8") if DOCS.exists() else ""
    assert current == expected, f"docs/rules.md is stale; regenerate it with: {REGENERATE}"
