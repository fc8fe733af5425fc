"""The result cache: unchanged files are answered from it; a changed file, configuration or plugin
set is linted again; bad entries are dropped; concurrent runs and the size bound are safe."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from giarlint_run import SEEDS, run
from test_crossyear import three_years
from test_plugin_loading import fake_plugin

FROM_CACHE = re.compile(r"giarlint: (\d+) of (\d+) files from the cache")


@pytest.fixture
def cache(tmp_path, monkeypatch):
    directory = tmp_path / "cache"
    monkeypatch.setenv("GIARLINT_CACHE_DIR", str(directory))
    monkeypatch.delenv("GIARLINT_NO_RESULT_CACHE", raising=False)
    monkeypatch.delenv("GIARLINT_NO_CACHE", raising=False)
    return directory


def tree(tmp_path: Path) -> Path:
    reports = tmp_path / "reports"
    reports.mkdir()
    for seed in SEEDS[:3]:
        shutil.copy(seed, reports / seed.name)
    return reports


def hits(process) -> tuple[int, int]:
    found = FROM_CACHE.search(process.stderr)
    assert found, process.stderr
    return int(found.group(1)), int(found.group(2))


def entries(cache: Path) -> list[Path]:
    return sorted(p for p in (cache / "results").rglob("*") if p.is_file())


def test_a_second_run_comes_from_the_cache_and_prints_the_same(tmp_path, cache):
    reports = tree(tmp_path)
    first = run("check", "-v", "--isolated", reports, cwd=tmp_path)
    assert hits(first) == (0, 3) and len(entries(cache)) == 3
    second = run("check", "-v", "--isolated", reports, cwd=tmp_path)
    assert hits(second) == (3, 3)
    assert (second.returncode, second.stdout) == (first.returncode, first.stdout) and first.stdout
    for output in ("json", "full", "sarif"):  # fixes, cells and every field survive the cache
        assert run("check", "--isolated", "--output-format", output, reports, cwd=tmp_path).stdout == run(
            "check", "--isolated", "--no-cache", "--output-format", output, reports, cwd=tmp_path).stdout


def test_a_changed_file_is_linted_again(tmp_path, cache):
    reports = tree(tmp_path)
    run("check", "--isolated", reports, cwd=tmp_path)
    changed = reports / SEEDS[0].name
    changed.write_text(SEEDS[0].read_text(encoding="utf-8").replace("企业类674件;个人类69535件", "70209"), encoding="utf-8")
    again = run("check", "-v", "--isolated", reports, cwd=tmp_path)
    assert hits(again) == (2, 3)
    assert "GIA205" not in again.stdout  # the fixed cell, not the cached finding
    assert again.stdout == run("check", "--isolated", "--no-cache", reports, cwd=tmp_path).stdout


def test_a_changed_configuration_is_linted_again(tmp_path, cache):
    reports = tree(tmp_path)
    run("check", reports, cwd=tmp_path)
    (tmp_path / ".giarlint.yaml").write_text("ignore: [GIA205]\n", encoding="utf-8")
    again = run("check", "-v", reports, cwd=tmp_path)
    assert hits(again) == (0, 3) and "GIA205" not in again.stdout
    assert hits(run("check", "-v", "--ignore", "GIA4", reports, cwd=tmp_path)) == (0, 3)  # the command line too
    assert hits(run("check", "-v", reports, cwd=tmp_path)) == (3, 3)


def test_a_changed_plugin_set_is_linted_again(tmp_path, cache):
    reports = tree(tmp_path)
    plain = run("check", "-v", "--isolated", reports, cwd=tmp_path, autoload=True)
    assert hits(plain) == (0, 3)
    env = {"PYTHONPATH": fake_plugin(tmp_path, "cached", code="ZZZ009")}
    with_plugin = run("check", "-v", "--isolated", reports, cwd=tmp_path, autoload=True, env=env)
    assert hits(with_plugin) == (0, 3) and "ZZZ009" in with_plugin.stdout
    assert hits(run("check", "-v", "--isolated", reports, cwd=tmp_path, autoload=True, env=env)) == (3, 3)
    assert hits(run("check", "-v", "--isolated", reports, cwd=tmp_path, autoload=True)) == (3, 3)


def test_no_cache_and_the_environment_switch_it_off(tmp_path, cache):
    reports = tree(tmp_path)
    run("check", "--isolated", "--no-cache", reports, cwd=tmp_path)
    assert entries(cache) == []
    run("check", "--isolated", reports, cwd=tmp_path, env={"GIARLINT_NO_RESULT_CACHE": "1"})
    assert entries(cache) == []
    moved = tmp_path / "elsewhere"
    run("check", "--isolated", reports, cwd=tmp_path, env={"GIARLINT_CACHE_DIR": str(moved)})
    assert len(entries(moved)) == 3 and entries(cache) == []


def test_a_bad_entry_is_dropped_and_the_file_linted_again(tmp_path, cache):
    reports = tree(tmp_path)
    first = run("check", "--isolated", reports, cwd=tmp_path)
    stored = entries(cache)
    stored[0].write_bytes(stored[0].read_bytes()[:-40])  # cut short
    data = bytearray(stored[1].read_bytes())
    data[-5] ^= 0xFF  # one flipped byte: the checksum no longer matches
    stored[1].write_bytes(bytes(data))
    stored[2].write_bytes(b"not an entry at all")
    again = run("check", "-v", "--isolated", reports, cwd=tmp_path)
    assert hits(again) == (0, 3) and again.stdout == first.stdout and "Traceback" not in again.stderr
    assert hits(run("check", "-v", "--isolated", reports, cwd=tmp_path)) == (3, 3)  # rewritten whole


def test_cross_year_findings_come_from_cached_summaries(tmp_path, cache):
    repo = three_years(tmp_path)
    first = run("check", "-v", "--select", "GIA601,GIA602", repo, cwd=tmp_path)
    second = run("check", "-v", "--select", "GIA601,GIA602", repo, cwd=tmp_path)
    assert hits(second) == (3, 3)
    assert second.stdout == first.stdout and "GIA601" in second.stdout
    (repo / "2021.txt").unlink()  # the set changed: its findings are computed afresh over the rest
    third = run("check", "-v", "--select", "GIA601,GIA602", repo, cwd=tmp_path)
    assert hits(third) == (2, 2) and "GIA601" not in third.stdout


def test_two_runs_writing_at_once_leave_only_whole_entries(tmp_path, cache):
    reports = tmp_path / "many"
    reports.mkdir()
    for copy in range(8):
        for seed in SEEDS:
            shutil.copy(seed, reports / f"{copy}-{seed.name}")
    env = {**os.environ, "GIARLINT_DISABLE_PLUGIN_AUTOLOAD": "1", "PYTHONIOENCODING": "utf-8"}
    command = [sys.executable, "-m", "giarlint", "check", "--isolated", "-q", str(reports)]
    runs = [subprocess.Popen(command + extra, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path)
            for extra in ([], ["-j", "2"], [])]
    outputs = [process.communicate(timeout=600) for process in runs]
    assert all(process.returncode == 1 for process in runs)
    assert outputs[0][0] == outputs[1][0] == outputs[2][0] and all(err == b"" for _, err in outputs)
    stored = entries(cache)
    assert len(stored) == 40 and not [p for p in stored if p.name.startswith(".giarlint-")]
    again = run("check", "-v", "--isolated", reports, cwd=tmp_path)
    assert hits(again) == (40, 40) and again.stdout.encode("utf-8") == outputs[0][0]


def test_the_cache_is_bounded(tmp_path, cache):
    reports = tmp_path / "many"
    reports.mkdir()
    for copy in range(6):
        for seed in SEEDS:
            shutil.copy(seed, reports / f"{copy}-{seed.name}")
    run("check", "--isolated", reports, cwd=tmp_path)
    sizes = [p.stat().st_size for p in entries(cache)]
    assert len(sizes) == 30
    bound = sum(sizes) / 2
    run("check", "--isolated", SEEDS[0], cwd=tmp_path, env={"GIARLINT_CACHE_MAX_MB": str(bound / 1048576)})
    left = entries(cache)
    assert sum(p.stat().st_size for p in left) <= bound and len(left) < 30


def test_the_run_key_names_version_code_and_plugins(tmp_path):
    from giarlint import cache
    from giarlint.plugins import build_registry

    registry = build_registry(load_plugins=False)
    key = cache.run_key(registry)
    assert cache.run_key(registry) == key
    assert cache.run_key(registry, views=True) != key
    source = Path(cache.__file__)
    stat = source.stat()
    os.utime(source, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))  # the code changed
    try:
        assert cache.run_key(registry) != key
    finally:
        os.utime(source, ns=(stat.st_atime_ns, stat.st_mtime_ns))
