"""Benchmark ``giarlint check --jobs N``: wall time over many reports and the speed-up over one process.

Run: python benchmarks/bench_jobs.py [--copies 60] [--jobs 1 2 4] [--repeat 3] [--check-args "--ignore GIA6"]
Copies the bundled seed reports into a temporary tree (copies × 5 files), then times a cold
``giarlint check`` of the tree for each N (median of --repeat runs) and checks that every N prints
the same bytes. Start-up of the worker processes (spawn, registry rebuilt in each) is included, and
so is sending each report's summaries back to the main process when report-set rules (cross-year) are
selected.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "tests" / "seeds").glob("*.txt"))


def make_tree(directory: Path, copies: int) -> int:
    for copy in range(copies):
        folder = directory / f"agency{copy:03d}"
        folder.mkdir()
        for seed in SEEDS:
            shutil.copy(seed, folder / seed.name)
    return copies * len(SEEDS)


def timed(jobs: int, tree: Path, repeat: int, extra: list[str]) -> tuple[float, bytes]:
    command = [sys.executable, "-m", "giarlint", "check", "--isolated", *extra, "--jobs", str(jobs), str(tree)]
    env = {**os.environ, "GIARLINT_DISABLE_PLUGIN_AUTOLOAD": "1"}
    times, output = [], b""
    for _ in range(repeat):
        start = time.perf_counter()
        output = subprocess.run(command, capture_output=True, env=env, check=False).stdout
        times.append(time.perf_counter() - start)
    return statistics.median(times), output


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=60)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2, 4])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--check-args", default="", help="more options for giarlint check, e.g. '--ignore GIA6'")
    args = parser.parse_args()
    extra = args.check_args.split()
    with tempfile.TemporaryDirectory() as temporary:
        tree = Path(temporary)
        files = make_tree(tree, args.copies)
        load = ", load average %.2f before the runs" % os.getloadavg()[0] if hasattr(os, "getloadavg") else ""
        print(f"{files} reports, {os.cpu_count()} CPUs{load}, median of {args.repeat} runs, options: {args.check_args or '-'}")
        baseline_time, baseline_output = timed(1, tree, args.repeat, extra) if 1 in args.jobs else (None, None)
        for jobs in args.jobs:
            seconds, output = (baseline_time, baseline_output) if jobs == 1 else timed(jobs, tree, args.repeat, extra)
            same = "same output" if baseline_output is None or output == baseline_output else "OUTPUT DIFFERS"
            speedup = f"{baseline_time / seconds:4.2f}x" if baseline_time else "-"
            print(f"  -j {jobs:<2} {seconds:6.2f} s  {files / seconds:7.1f} reports/s  speed-up {speedup}  {same}")


if __name__ == "__main__":
    main()
