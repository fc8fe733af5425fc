"""--jobs: worker processes (spawn) give the same bytes as one process, in the same order."""

from __future__ import annotations

import json
import pickle
import shutil
import signal
from itertools import groupby

import pytest

from giarlint_run import SEED_000, SEEDS, run


def test_two_jobs_match_one_job_over_200_reports(tmp_path):
    for copy in range(40):
        folder = tmp_path / f"agency{copy:02d}"
        folder.mkdir()
        for seed in SEEDS:
            shutil.copy(seed, folder / seed.name)
    assert len(list(tmp_path.rglob("*.txt"))) == 200
    one = run("check", "--isolated", "-j", "1", ".", cwd=tmp_path)
    two = run("check", "--isolated", "-j", "2", ".", cwd=tmp_path)
    assert one.returncode == two.returncode == 1
    per_copy = run("check", "--isolated", *SEEDS).stdout.count("\n")
    assert per_copy > 0 and one.stdout.count("\n") == 40 * per_copy
    assert two.stdout.encode("utf-8") == one.stdout.encode("utf-8")
    assert two.stderr == one.stderr == f"giarlint: Found {one.stdout.count(chr(10))} findings in 200 of 200 files (880 fixable)\n"


def test_jobs_with_standard_input_keep_the_order(tmp_path):
    data = SEED_000.read_bytes()
    process = run("check", "--isolated", "-j", "2", SEEDS[4], "-", SEEDS[0], stdin=data)
    paths = [path for path, _ in groupby(line.split(":")[0] for line in process.stdout.splitlines())]
    assert paths == [str(SEEDS[4]), "-", str(SEEDS[0])]


def test_negative_jobs_is_a_usage_error():
    process = run("check", "--isolated", "-j", "-1", SEED_000)
    assert process.returncode == 2 and "--jobs" in process.stderr


def test_a_worker_sends_back_summaries_not_the_report():
    from giarlint.linter import Linter
    from giarlint.parallel import LinterSet
    from giarlint.plugins import build_registry
    from giarlint.settings import Settings

    registry = build_registry(load_plugins=False)
    result = LinterSet(registry, [Settings()]).lint((str(SEED_000), 0))
    assert result.converted is None and result.diagnostics
    assert result.summaries.path == str(SEED_000) and set(result.summaries.by_rule) == {"cross-year"}
    report = Linter(registry, Settings()).check_file(str(SEED_000)).report
    assert len(pickle.dumps(result)) * 2 < len(pickle.dumps(report))


def test_report_set_findings_on_a_web_page_point_into_it_with_jobs(tmp_path):
    from seed_renderings import rendered

    last_year = SEED_000.read_text(encoding="utf-8").replace("2022", "2021").replace("2023", "2022")
    (tmp_path / "last.txt").write_text(last_year, encoding="utf-8")
    page = tmp_path / "this.html"
    page.write_bytes(rendered(SEED_000.name, ".html"))
    one = run("check", "--isolated", "--output-format", "json", "-j", "1", tmp_path / "last.txt", page)
    two = run("check", "--isolated", "--output-format", "json", "-j", "2", tmp_path / "last.txt", page)
    assert two.returncode == one.returncode == 1 and two.stdout == one.stdout
    (found,) = [d for d in json.loads(two.stdout) if d["code"] == "GIA602"]
    assert found["path"] == str(page)
    line = page.read_text(encoding="utf-8").split("\n")[found["line"] - 1]
    assert line[found["column"] - 1 : found["end_column"] - 1] == "4"


def test_spawned_workers_give_the_answers_of_one_process(tmp_path, monkeypatch):
    """Where fork is not safe (macOS, Windows, a process with threads) the workers are spawned and
    build their registry in the initializer: the same answers, in the same order."""
    from giarlint import api, parallel
    from giarlint_run import seed_copies

    paths = [str(path) for path in sorted(seed_copies(tmp_path / "reports", 5).rglob("*.txt"))]
    one = [(c.path, c.diagnostics) for c in api.check_paths(paths, plugins=False)]
    monkeypatch.setattr(parallel, "start_method", lambda: "spawn")
    two = [(c.path, c.diagnostics) for c in api.check_paths(paths, jobs=2, plugins=False)]
    assert two == one and len(one) == 25


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_a_parallel_run_ended_early_leaves_no_thread_or_worker_behind(tmp_path, monkeypatch, method):
    """Ended early (Ctrl-C, SIGTERM, an error, a dead worker), a run joins the executor's thread:
    left running, it closed its pipe while the interpreter's exit hook was writing to it, and
    Ctrl-C printed an EBADF traceback after "interrupted" now and then. And it waits for workers
    to stop rather than kill them: one killed while sending a result left the executor's thread
    waiting for the rest for ever."""
    import multiprocessing
    import threading

    from giarlint import api, parallel

    monkeypatch.setattr(parallel, "start_method", lambda: method)
    ended, real_end = [], parallel._end

    def end(workers, wait):
        ended.append(workers)
        real_end(workers, wait)

    monkeypatch.setattr(parallel, "_end", end)

    paths = []
    for copy in range(20):
        for seed in SEEDS:
            paths.append(tmp_path / f"{copy:02d}-{seed.name}")
            shutil.copy(seed, paths[-1])
    before = set(threading.enumerate())
    results = api.check_paths(map(str, paths), jobs=2, plugins=False)
    assert next(results).path == str(paths[0])
    # blocked while the pool is up, so that a worker is born with it blocked and takes it only
    # once its handler is in place (else SIGUSR1's default action would end a worker still starting)
    assert signal.SIGUSR1 in signal.pthread_sigmask(signal.SIG_BLOCK, [])
    results.close()  # what an exception in the loop that reads the results does to it
    assert set(threading.enumerate()) <= before
    assert not multiprocessing.active_children()
    assert signal.SIGUSR1 not in signal.pthread_sigmask(signal.SIG_BLOCK, [])
    [workers] = ended  # asked to stop once, never killed: each ended as a worker does when told
    assert len(workers) == 2 and [process.exitcode for process in workers] == [0, 0]
