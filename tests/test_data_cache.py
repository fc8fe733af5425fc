"""The JSON cache of parsed YAML: hits, edits, and data JSON cannot hold."""

from __future__ import annotations

import pytest

from giarlint.data import load_yaml


@pytest.fixture
def cache(tmp_path, monkeypatch):
    directory = tmp_path / "cache"
    monkeypatch.setenv("GIARLINT_CACHE_DIR", str(directory))
    monkeypatch.delenv("GIARLINT_NO_CACHE", raising=False)
    return directory


def _entries(directory, stem):
    return sorted(p.name for p in directory.glob(f"{stem}-*.json"))


def test_a_parsed_file_is_kept_once_and_replaced_when_edited(tmp_path, cache):
    source = tmp_path / ".giarlint.yaml"
    source.write_text("select: [GIA2]\n", encoding="utf-8")
    assert load_yaml(source) == {"select": ["GIA2"]}
    first = _entries(cache, ".giarlint")
    assert len(first) == 1
    assert load_yaml(str(source)) == {"select": ["GIA2"]}  # a hit, by str as by Path
    source.write_text("select: [GIA2, GIA3]\nlang: en\n", encoding="utf-8")
    assert load_yaml(source) == {"select": ["GIA2", "GIA3"], "lang": "en"}
    second = _entries(cache, ".giarlint")
    assert len(second) == 1 and second != first  # the entry of the earlier text is gone


def test_data_json_cannot_hold_is_not_cached(tmp_path, cache):
    source = tmp_path / "years.yaml"
    source.write_text("2021: a\n2022: b\n", encoding="utf-8")
    assert load_yaml(source) == {2021: "a", 2022: "b"}
    assert _entries(cache, "years") == []
