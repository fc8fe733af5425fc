"""The memory of a run does not grow with the number of reports: peak RSS over 2,000 generated
reports is within a small constant of that over 500 (cross-year summaries, a few KB a report, are
all that is kept; before, a run grew by 0.135 MiB a report: 200 MiB more here)."""

from __future__ import annotations

import os
import subprocess
import sys

from giarlint_run import SEEDS, seed_copies

ALLOWED_MIB = 12  # 1,500 more reports: their summaries (~3 KB each, 4.5 MiB) and the allocator's slack

MEASURE = r'''
import resource, subprocess, sys
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
sys.stdout.write(f"{done.returncode} {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}\n")
'''


def peak_rss_mib(tree, jobs: str) -> float:
    env = {**os.environ, "GIARLINT_DISABLE_PLUGIN_AUTOLOAD": "1"}
    command = [sys.executable, "-m", "giarlint", "check", "--isolated", "-q", "--no-cache", "-j", jobs, str(tree)]
    status, rss = subprocess.run([sys.executable, "-c", MEASURE, *command], capture_output=True, text=True,
                                 env=env, check=True).stdout.split()
    assert status == "1"  # the seeds have findings: every report was checked
    return int(rss) / 1024


def tree_of(directory, reports: int):
    return seed_copies(directory, reports // len(SEEDS))


def test_peak_memory_does_not_grow_with_the_number_of_reports(tmp_path):
    small = tree_of(tmp_path / "small", 500)
    large = tree_of(tmp_path / "large", 2000)
    for jobs in ("1", "2"):
        grown = peak_rss_mib(large, jobs) - peak_rss_mib(small, jobs)
        assert grown < ALLOWED_MIB, f"-j {jobs}: {grown:.1f} MiB more for 1,500 more reports"


LARGE_REPORT = r'''
import json, resource, sys
from pathlib import Path
seed = Path(sys.argv[1]).read_text(encoding="utf-8")
data = (seed * (int(sys.argv[2]) // len(seed.encode()))).encode()
from giarlint.linter import Linter
from giarlint.plugins import build_registry
linter = Linter(build_registry(load_plugins=False))
linter.lint_bytes("seed.txt", seed.encode())
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
found = linter.lint_bytes("big.txt", data)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"bytes": len(data), "memory": (peak - base) * 1024, "codes": sorted({d.code for d in found})}))
'''


def test_a_large_table_heavy_report_takes_at_most_ten_times_its_size():
    """The worst case of benchmarks/bench_memory.py at a quarter of the 16 MiB cap: the whole seed
    repeated, thousands of tables of cells (before, 16.9× its size: a span and a cell object per cell)."""
    import json

    out = subprocess.run([sys.executable, "-c", LARGE_REPORT, str(SEEDS[0]), str(4 * 1048576)], capture_output=True,
                         text=True, check=True).stdout
    measured = json.loads(out)
    assert "GIA001" not in measured["codes"] and "GIA099" not in measured["codes"], measured["codes"]
    assert measured["memory"] <= 10 * measured["bytes"], f"{measured['memory'] / measured['bytes']:.1f}× its size"
