"""A worker process that dies under --jobs (killed for want of memory, or by a plugin), busy or
idle, costs the run only the file it was checking: the others are checked and printed, that file
gets a GIA001 saying so, the run ends, and the GIA001 is not kept in the result cache (before,
`multiprocessing.Pool` waited for the lost results for ever)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time

from giarlint_run import ROOT, SEEDS

REPORTS = 120  # more than the chunks out at once (2 workers × 2 chunks × 16 files): a new pool takes the rest


def install(site) -> dict:
    dist = site / "giarlint_killer-1.0.dist-info"
    dist.mkdir(parents=True)
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: giarlint_killer\nVersion: 1.0\n", encoding="utf-8")
    (dist / "entry_points.txt").write_text("[giarlint]\nkiller = helpers.process_killer:plugin\n", encoding="utf-8")
    return {"PYTHONPATH": f"{site}:{ROOT / 'tests'}", "GIARLINT_DISABLE_PLUGIN_AUTOLOAD": ""}


def check(*args, env, kill=True, cache=None):
    full = {**os.environ, **env, "GIARLINT_TEST_KILL": "1" if kill else "0"}
    if cache is not None:
        full["GIARLINT_CACHE_DIR"] = str(cache)
        full.pop("GIARLINT_NO_RESULT_CACHE", None)
        full.pop("GIARLINT_NO_CACHE", None)
    flags = ["--isolated"] + (["--no-cache"] if cache is None else [])
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "giarlint", "check", *flags, *map(str, args)],
                          capture_output=True, text=True, env=full, timeout=300)
    assert time.monotonic() - started < 120
    assert "Traceback" not in done.stderr and "internal error" not in done.stderr, done.stderr
    return done


def corpus(directory, special: dict[int, str]):
    """REPORTS copies of the seeds, one folder each; `special` names some of them (index -> file name)."""
    paths = []
    for index in range(REPORTS):
        seed = SEEDS[index % len(SEEDS)]
        folder = directory / f"agency{index:03d}"
        folder.mkdir(parents=True)
        path = folder / special.get(index, seed.name)
        shutil.copy(seed, path)
        paths.append(path)
    return paths


def test_a_file_that_kills_its_worker_costs_only_that_file(tmp_path):
    env = install(tmp_path / "site")
    paths = corpus(tmp_path / "reports", {5: "poison.txt"})
    clean = check(*paths, env=env, kill=False)
    assert clean.returncode == 1 and clean.stdout
    killed = check("-j", "2", tmp_path / "reports", env=env)
    assert killed.returncode == 1
    lines = killed.stdout.splitlines()
    poisoned = [line for line in lines if line.startswith(f"{paths[5]}:")]
    assert poisoned == [f"{paths[5]}:1:1: GIA001 检查此文件的工作进程被信号 SIGKILL 终止（内存耗尽时系统会终止进程），"
                        "此文件未能检查，其他文件照常检查"]
    others = [line for line in clean.stdout.splitlines() if not line.startswith(f"{paths[5]}:")]
    assert [line for line in lines if line not in poisoned] == others  # every other finding, in order


def test_a_worker_that_exits_is_named_by_its_status(tmp_path):
    env = install(tmp_path / "site")
    paths = corpus(tmp_path / "reports", {70: "exits.txt"})
    done = check("-j", "2", "--lang", "en", tmp_path / "reports", env=env)
    assert done.returncode == 1
    assert [line for line in done.stdout.splitlines() if line.startswith(f"{paths[70]}:")] == [
        f"{paths[70]}:1:1: GIA001 the worker process checking this file exited unexpectedly (status 3); "
        "this file was not checked, the others were"]


def test_a_worker_killed_while_idle_or_busy_with_another_file_costs_nothing(tmp_path):
    """The file being checked by the worker that kills the other is not to blame, nor the others:
    every file is checked in the end, none gets a GIA001 (a `Pool` hung in `terminate` here)."""
    env = install(tmp_path / "site")
    paths = corpus(tmp_path / "reports", {40: "slow.txt"})
    clean = check(*paths, env=env, kill=False)
    killed = check("-j", "2", tmp_path / "reports", env=env)
    assert killed.returncode == 1
    assert killed.stdout == clean.stdout


def test_the_finding_of_a_dead_worker_is_not_cached(tmp_path):
    env = install(tmp_path / "site")
    paths = corpus(tmp_path / "reports", {5: "poison.txt"})
    first = check("-j", "2", tmp_path / "reports", env=env, cache=tmp_path / "cache")
    assert f"{paths[5]}:1:1: GIA001 " in first.stdout
    again = check("-j", "2", tmp_path / "reports", env=env, kill=False, cache=tmp_path / "cache")
    assert f"{paths[5]}:1:1: GIA001 " not in again.stdout
    assert again.stdout == check(*paths, env=env, kill=False).stdout


def test_a_pool_found_broken_while_handing_out_work_loses_no_file(tmp_path, monkeypatch):
    """A worker may die between two hand-outs: the executor then refuses the next chunk
    (BrokenProcessPool from `submit`). That chunk was never out, so it is checked like the
    chunks that were: every file gets its answer, none is lost or blamed."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    from giarlint import api, parallel

    paths = [str(path) for path in corpus(tmp_path / "reports", {})][:40]
    expected = [(c.path, c.diagnostics) for c in api.check_paths(paths, plugins=False)]
    real_submit, calls = ProcessPoolExecutor.submit, []

    def submit(self, *args, **kwargs):
        calls.append(1)
        if len(calls) == 3:  # the third chunk: as if a worker had just died
            raise BrokenProcessPool("a worker died")
        return real_submit(self, *args, **kwargs)

    monkeypatch.setattr(ProcessPoolExecutor, "submit", submit)
    monkeypatch.setattr(parallel, "_exitcode", lambda workers: 3)
    got = [(c.path, c.diagnostics) for c in api.check_paths(paths, jobs=2, plugins=False)]
    assert len(calls) > 3 and got == expected
