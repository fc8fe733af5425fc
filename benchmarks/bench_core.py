"""Benchmark the core: in-process time per report, and a cold `giarlint check` of one file.

Run: python benchmarks/bench_core.py [--repeat N]
Prints, for each bundled seed report, the median in-process time (decode, parse, interpret,
all default rules), then the median wall time of `giarlint check <seed>` in a fresh process
beside `python -c pass`, so start-up cost is visible on its own.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "tests" / "seeds").glob("*.txt"))


def in_process(repeat: int) -> dict[str, float]:
    from giarlint.linter import Linter
    from giarlint.plugins import build_registry

    linter = Linter(build_registry(load_plugins=False))
    result = {}
    for seed in SEEDS:
        data = seed.read_bytes()
        linter.lint_bytes(seed.name, data)  # warm caches (templates, parser) once
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            linter.lint_bytes(seed.name, data)
            times.append(time.perf_counter() - start)
        result[seed.name] = statistics.median(times)
    return result


def cold(command: list[str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--cold-repeat", type=int, default=15)
    args = parser.parse_args()
    per_report = in_process(args.repeat)
    print("in-process, median per report (decode + parse + tables + default rules):")
    for name, seconds in per_report.items():
        print(f"  {name}: {seconds * 1000:.2f} ms")
    overall = statistics.median(per_report.values())
    print(f"  median over seeds: {overall * 1000:.2f} ms  ({1 / overall:.0f} reports/s on one core)")
    baseline = cold([sys.executable, "-c", "pass"], args.cold_repeat)
    check = cold([sys.executable, "-m", "giarlint", "check", "--no-plugins", str(SEEDS[0])], args.cold_repeat)
    print(f"cold start, median of {args.cold_repeat}:")
    print(f"  python -c pass:                 {baseline * 1000:.0f} ms")
    print(f"  giarlint check {SEEDS[0].name}: {check * 1000:.0f} ms")


if __name__ == "__main__":
    main()
