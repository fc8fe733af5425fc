"""A worker process that dies under --jobs (killed for want of memory, or by a plugin) costs the
run only that file: the others are checked and printed, the file gets a GIA001 saying so, and
the run ends (before, `multiprocessing.Pool` waited for the lost results for ever)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time

from giarlint_run import ROOT, SEEDS


def install(site):
    dist = site / "giarlint_killer-1.0.dist-info"
    dist.mkdir(parents=True)
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: giarlint_killer\nVersion: 1.0\n", encoding="utf-8")
    (dist / "entry_points.txt").write_text("[giarlint]\nkiller = helpers.process_killer:plugin\n", encoding="utf-8")
    return {"PYTHONPATH": f"{site}:{ROOT / 'tests'}"}


def check(*args, env):
    import os

    full_env = {**os.environ, **env, "GIARLINT_DISABLE_PLUGIN_AUTOLOAD": ""}
    return subprocess.run([sys.executable, "-m", "giarlint", "check", "--isolated", "--no-cache", *map(str, args)],
                          capture_output=True, text=True, env=full_env, timeout=300)


def test_a_file_that_kills_its_worker_costs_only_that_file(tmp_path):
    reports = tmp_path / "reports"
    for index in range(60):  # several chunks, the poisoned one in the middle of the run
        seed = SEEDS[index % len(SEEDS)]
        folder = reports / f"agency{index:02d}"
        folder.mkdir(parents=True)
        shutil.copy(seed, folder / ("poison.txt" if index == 37 else seed.name))
    env = install(tmp_path / "site")
    poisoned = reports / "agency37" / "poison.txt"
    shutil.copy(poisoned, tmp_path / "clean.txt")
    clean = check(*sorted(p for p in reports.rglob("*.txt") if p != poisoned), env=env)
    assert clean.returncode == 1 and clean.stdout
    started = time.monotonic()
    killed = check("-j", "2", reports, env=env)
    assert time.monotonic() - started < 120
    assert "Traceback" not in killed.stderr and "internal error" not in killed.stderr, killed.stderr
    assert killed.returncode == 1
    lines = killed.stdout.splitlines()
    assert [line for line in clean.stdout.splitlines() if line not in lines] == []  # every other finding
    died = [line for line in lines if line.startswith(f"{poisoned}:")]
    assert died == [f"{poisoned}:1:1: GIA001 检查此文件的工作进程意外终止（SIGKILL；内存耗尽时系统会终止进程），"
                    "此文件未能检查，其他文件照常检查"]
    assert len(lines) == len(clean.stdout.splitlines()) + 1
