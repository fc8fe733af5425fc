"""The regular-expression program cache: patterns from the cache behave exactly like re.compile."""

from __future__ import annotations

import json
import os
import re

import pytest

from giarlint import patterns

SAMPLES = [
    (r"[\u4e00-\u9fffA-Za-z0-9]", 0),
    (r"([一-鿿]{2,4})\1", 0),
    (r"(?:收到|受理)(?:政府信息公开)?申请(?:共)?(?P<n>[\d零〇一二两三四五六七八九十百千万]+)件", 0),
    (r"^([一二三四五六七八九十]{1,3})\s*([、．.，,])\s*(.*)$", re.S),
    (r"giarlint:\s*(?P<action>disable|enable)", re.I),
    (r"[|｜\t]", 0),
]
TEXTS = ["本机关收到政府信息公开申请共12件，我们我们", "三、 本年度办理结果\n（一）", "GIARLINT: Disable", "a|b｜c\td", ""]


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("GIARLINT_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("GIARLINT_NO_CACHE", raising=False)
    monkeypatch.setattr(patterns, "_CACHE", patterns._ProgramCache())
    return tmp_path


def _new_process(monkeypatch) -> None:
    """Save what this 'process' compiled and start another with an empty memory."""
    patterns._CACHE.save()
    monkeypatch.setattr(patterns, "_CACHE", patterns._ProgramCache())


def _same(cached: re.Pattern, plain: re.Pattern) -> None:
    assert (cached.pattern, cached.flags, cached.groups, cached.groupindex) == (
        plain.pattern, plain.flags, plain.groups, plain.groupindex)
    for text in TEXTS:
        assert [m.span() for m in cached.finditer(text)] == [m.span() for m in plain.finditer(text)]
        assert [m.groups() for m in cached.finditer(text)] == [m.groups() for m in plain.finditer(text)]


def test_programs_from_the_cache_match_like_re_compile(cache_dir, monkeypatch):
    for source, flags in SAMPLES:
        _same(patterns.compile(source, flags), re.compile(source, flags))
    _new_process(monkeypatch)
    stored = json.loads(next(cache_dir.glob("regex-*.json")).read_text(encoding="utf-8"))
    assert len(stored) == len(SAMPLES)
    for source, flags in SAMPLES:
        _same(patterns.compile(source, flags), re.compile(source, flags))
    assert patterns._CACHE.added is False  # every one came from the file


def test_a_damaged_cache_file_or_entry_falls_back_to_re(cache_dir, monkeypatch):
    source, flags = SAMPLES[2]
    patterns.compile(source, flags)
    _new_process(monkeypatch)
    path = next(cache_dir.glob("regex-*.json"))
    stored = json.loads(path.read_text(encoding="utf-8"))
    stored[f"{flags}:{source}"][1] = (b"\x00" * 12).hex()  # opcodes the matcher refuses
    path.write_text(json.dumps(stored), encoding="utf-8")
    _same(patterns.compile(source, flags), re.compile(source, flags))
    path.write_bytes(b"\x00not json")
    monkeypatch.setattr(patterns, "_CACHE", patterns._ProgramCache())
    _same(patterns.compile(source, flags), re.compile(source, flags))


def test_no_cache_and_bad_patterns(cache_dir, monkeypatch):
    with pytest.raises(re.error):
        patterns.compile("(unclosed")
    monkeypatch.setenv("GIARLINT_NO_CACHE", "1")
    assert patterns.compile(r"\d+年") is re.compile(r"\d+年")
    patterns._CACHE.save()
    assert not list(cache_dir.glob("regex-*.json"))


def test_an_unwritable_cache_is_skipped(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("GIARLINT_CACHE_DIR", os.fspath(blocker / "cache"))  # under a file: cannot exist
    monkeypatch.setattr(patterns, "_CACHE", patterns._ProgramCache())
    _same(patterns.compile(r"[〇一二]{4}年"), re.compile(r"[〇一二]{4}年"))
    patterns._CACHE.save()  # must not raise


def test_lazy_patterns_compile_on_first_use(cache_dir):
    pattern = patterns.lazy(r"(\d+)件")
    assert pattern._compiled is None
    assert pattern.search("共3件").group(1) == "3"
    assert pattern._compiled is not None


def test_the_grammar_terminals_compile_through_the_cache():
    from giarlint.parser import _CachedRegexModule, _parser

    lexer = _parser().parser.lexer  # the fallback to Lark's plain lexer would show here
    lexer = getattr(lexer, "lexer", lexer)  # behind the postlexer that folds tables into one token
    assert lexer.re is _CachedRegexModule
    assert _CachedRegexModule.match(r"[一二]、", "一、总体情况").group(0) == "一、"


def test_the_cache_starts_afresh_when_full(cache_dir, monkeypatch):
    monkeypatch.setattr(patterns, "MAX_ENTRIES", 2)
    for year in (2019, 2020, 2021):
        patterns.compile(rf"{year}年(\d+)件")
    assert len(patterns._CACHE.programs) == 1  # the third found it full and started again
    _same(patterns.compile(r"2021年(\d+)件"), re.compile(r"2021年(\d+)件"))
