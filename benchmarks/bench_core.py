"""Benchmark the core: in-process time per report, and a cold `giarlint check` of one file.

Run: python benchmarks/bench_core.py [--repeat N] [--cold-repeat N]

In-process: for each bundled seed report, the median time of decode + parse + tables + rules,
with every default rule and with the rules of the core alone (structure, arithmetic, years, fee
statement), after one warm-up run per report (templates and the parser are built once per
process). Cold: the wall time of the installed `giarlint check <seed>` command in a fresh
process (median and fastest run), beside `python -c pass`. Cold runs use what an installed
package has after its first run: Python's bytecode (pip writes it at install time) and
giarlint's cache of parsed data; so the environment's
PYTHONDONTWRITEBYTECODE is dropped and one warm-up run fills both.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "tests" / "seeds").glob("*.txt"))
CORE_CODES = ("GIA0", "GIA103", "GIA104", "GIA105", "GIA106", "GIA201", "GIA202", "GIA203", "GIA204",
              "GIA205", "GIA209", "GIA301", "GIA303", "GIA402")


def in_process(repeat: int, select: tuple[str, ...] | None) -> dict[str, tuple[float, float]]:
    """Per seed: (median, fastest) seconds. On a shared machine the fastest run (timeit's
    convention) shows the code's cost; the median adds the machine's noise."""
    from giarlint.linter import Linter
    from giarlint.plugins import build_registry
    from giarlint.settings import Settings

    linter = Linter(build_registry(load_plugins=False), Settings(select=select))
    result = {}
    for seed in SEEDS:
        data = seed.read_bytes()
        linter.lint_bytes(seed.name, data)
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            linter.lint_bytes(seed.name, data)
            times.append(time.perf_counter() - start)
        result[seed.name] = (statistics.median(times), min(times))
    return result


def cold(command: list[str], repeat: int, empty_cache: bool = False) -> tuple[float, float]:
    """(median, fastest) seconds of `command` in a fresh process; with `empty_cache`, each run
    starts with an empty giarlint cache, as the first run after an install does."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False)
    times = []
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as cache:
            if empty_cache:
                env["GIARLINT_CACHE_DIR"] = cache
            start = time.perf_counter()
            subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False)
            times.append(time.perf_counter() - start)
    return statistics.median(times), min(times)


def giarlint_command() -> list[str]:
    """The `giarlint` script pip installed beside this Python (what pre-commit runs), else
    `python -m giarlint`."""
    script = Path(sys.executable).parent / ("giarlint.exe" if os.name == "nt" else "giarlint")
    return [str(script)] if script.exists() else [sys.executable, "-m", "giarlint"]


def report(title: str, per_report: dict[str, tuple[float, float]]) -> None:
    print(title + " (median / fastest run)")
    for name, (median, fastest) in per_report.items():
        print(f"  {name}: {median * 1000:.2f} / {fastest * 1000:.2f} ms")
    overall = statistics.median(m for m, _ in per_report.values())
    best = statistics.median(f for _, f in per_report.values())
    print(f"  over seeds: {overall * 1000:.2f} / {best * 1000:.2f} ms  ({1 / overall:.0f} / {1 / best:.0f} reports/s on one core)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--cold-repeat", type=int, default=15)
    args = parser.parse_args()
    report("in-process, every default rule:", in_process(args.repeat, None))
    report("in-process, the core rules only:", in_process(args.repeat, CORE_CODES))
    command = giarlint_command() + ["check", "--isolated", str(SEEDS[0])]
    baseline = cold([sys.executable, "-c", "pass"], args.cold_repeat)
    check = cold(command, args.cold_repeat)
    first = cold(command, args.cold_repeat, empty_cache=True)
    print(f"cold start, {args.cold_repeat} runs (median / fastest run):")
    print(f"  python -c pass:                 {baseline[0] * 1000:.0f} / {baseline[1] * 1000:.0f} ms")
    print(f"  giarlint check {SEEDS[0].name}: {check[0] * 1000:.0f} / {check[1] * 1000:.0f} ms")
    print(f"  the same, empty giarlint cache:  {first[0] * 1000:.0f} / {first[1] * 1000:.0f} ms (the first run after an install)")


if __name__ == "__main__":
    main()
