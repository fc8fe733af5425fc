"""The cache of parsed YAML: hits, edits, data it cannot hold, and entries checked before use."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

from giarlint.data import load_yaml
from giarlint_run import SEEDS, run


@pytest.fixture
def cache(tmp_path, monkeypatch):
    directory = tmp_path / "cache"
    monkeypatch.setenv("GIARLINT_CACHE_DIR", str(directory))
    monkeypatch.delenv("GIARLINT_NO_CACHE", raising=False)
    return directory


def _entries(directory, stem):
    return sorted(p.name for p in directory.glob(f"{stem}-*.data"))


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


def test_integer_keys_are_kept_and_dates_are_not_cached(tmp_path, cache):
    """marshal holds what YAML gives but dates: a file with a date is parsed each time."""
    source = tmp_path / "years.yaml"
    source.write_text("2021: a\n2022: [b, 3]\n", encoding="utf-8")
    assert load_yaml(source) == {2021: "a", 2022: ["b", 3]}
    assert len(_entries(cache, "years")) == 1
    assert load_yaml(source) == {2021: "a", 2022: ["b", 3]}  # a hit, integer keys and all
    dated = tmp_path / "dated.yaml"
    dated.write_text("due: 2022-01-31\n", encoding="utf-8")
    assert str(load_yaml(dated)["due"]) == "2022-01-31"
    assert _entries(cache, "dated") == []


def _entry(cache, stem):
    (name,) = _entries(cache, stem)
    return cache / name


def test_an_edited_entry_is_not_trusted_and_is_rebuilt(tmp_path, cache):
    source = tmp_path / ".giarlint.yaml"
    source.write_text("select: [GIA2]\n", encoding="utf-8")
    load_yaml(source)
    entry = _entry(cache, ".giarlint")
    good = entry.read_bytes()
    entry.write_bytes(good.replace(b"GIA2", b"GIA9"))  # still valid data, same length: only the checksum tells
    assert load_yaml(source) == {"select": ["GIA2"]}
    assert entry.read_bytes() == good


def test_an_entry_of_other_bytes_is_not_trusted(tmp_path, cache):
    """Same path, size and modification time (a copy that kept the time stamp), other text."""
    source = tmp_path / "data.yaml"
    source.write_text("a: 1\n", encoding="utf-8")
    load_yaml(source)
    stat = os.stat(source)
    source.write_text("a: 2\n", encoding="utf-8")
    os.utime(source, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert load_yaml(source) == {"a": 2}


def _corrupt(rng: random.Random, entry: Path, others: list[Path]) -> str:
    raw = bytearray(entry.read_bytes())
    how = rng.choice(["flip", "truncate", "append", "digit", "empty", "header", "swap", "deep"])
    if how == "flip":
        position = rng.randrange(len(raw))
        raw[position] ^= 1 << rng.randrange(8)
    elif how == "truncate":
        raw = raw[: rng.randrange(len(raw))]
    elif how == "append":
        raw += bytes(rng.randrange(256) for _ in range(rng.randrange(1, 64)))
    elif how == "digit":  # an edit that keeps the data valid: a digit of a string changed
        digits = [i for i, b in enumerate(raw) if raw.index(b"\n") < i and 48 <= b <= 57]
        if digits:
            position = rng.choice(digits)
            raw[position] = ord(str((int(chr(raw[position])) + 1) % 10))
    elif how == "empty":
        raw = bytearray()
    elif how == "header":
        raw = raw[raw.index(b"\n") + 1:]  # the payload alone, as the old cache stored it
    elif how == "swap":
        raw = bytearray(rng.choice(others).read_bytes())
    else:
        raw = bytearray(b"[" * 200_000)
    entry.write_bytes(bytes(raw))
    return how


def test_random_corruption_of_the_cache_never_changes_the_findings(tmp_path):
    """Build the cache with a real run, corrupt entries at random (seeded), run again: the same
    findings every time, and each corrupted entry rebuilt."""
    directory = tmp_path / "cache"
    env = {"GIARLINT_CACHE_DIR": str(directory)}
    seeds = [str(path) for path in SEEDS]
    reference = run("check", "--isolated", *seeds, env=env)
    assert reference.returncode == 1 and reference.stdout
    entries = sorted(directory.glob("*.data"))  # the YAML cache's entries
    assert len(entries) > 10
    rng = random.Random(14)
    kinds = set()
    for _ in range(8):
        chosen = rng.sample(entries, 5)
        before = {entry: entry.read_bytes() for entry in entries}
        for entry in chosen:
            kinds.add(_corrupt(rng, entry, [e for e in entries if e != entry]))
        again = run("check", "--isolated", *seeds, env=env)
        assert (again.returncode, again.stdout) == (reference.returncode, reference.stdout), kinds
        assert "internal error" not in again.stderr and "Traceback" not in again.stderr
        assert {entry: entry.read_bytes() for entry in entries} == before  # every entry rebuilt as it was
    assert len(kinds) >= 6
