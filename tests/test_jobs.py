"""--jobs: worker processes (spawn) give the same bytes as one process, in the same order."""

from __future__ import annotations

import shutil
from itertools import groupby

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
    assert two.stderr == one.stderr == ""


def test_jobs_with_standard_input_keep_the_order(tmp_path):
    data = SEED_000.read_bytes()
    process = run("check", "--isolated", "-j", "2", SEEDS[4], "-", SEEDS[0], stdin=data)
    paths = [path for path, _ in groupby(line.split(":")[0] for line in process.stdout.splitlines())]
    assert paths == [str(SEEDS[4]), "-", str(SEEDS[0])]


def test_negative_jobs_is_a_usage_error():
    process = run("check", "--isolated", "-j", "-1", SEED_000)
    assert process.returncode == 2 and "--jobs" in process.stderr
