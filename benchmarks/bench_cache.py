"""Benchmark the result cache: a second ``giarlint check`` over unchanged reports against the first.

Run: python benchmarks/bench_cache.py [--copies 200] [--repeat 3]
Copies the five seed reports into a temporary tree (copies × 5 files; each copy is its own cache
entry, since an entry is keyed by path as well as bytes), then, with an empty cache directory,
times the first run (which lints every file and writes the cache), then the second (every file
from the cache), and a run with ``--no-cache`` beside it. Each figure is the median of --repeat
rounds, each round in a fresh cache directory; wall and CPU time (user + system of the child) are
both printed, with the ratios, and the outputs are checked byte-identical.
"""

from __future__ import annotations

import argparse
import os
import resource
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


def timed(tree: Path, cache: Path, *extra: str) -> tuple[float, float, bytes]:
    command = [sys.executable, "-m", "giarlint", "check", "--isolated", "-q", *extra, str(tree)]
    env = {**os.environ, "GIARLINT_DISABLE_PLUGIN_AUTOLOAD": "1", "GIARLINT_CACHE_DIR": str(cache)}
    env.pop("GIARLINT_NO_RESULT_CACHE", None)
    env.pop("GIARLINT_NO_CACHE", None)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if done.returncode not in (0, 1):
        sys.exit(f"giarlint failed: {done.stderr.decode('utf-8', 'replace')}")
    return wall, cpu, done.stdout


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--copies", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    figures: dict[str, list[tuple[float, float]]] = {"first": [], "second": [], "no-cache": []}
    with tempfile.TemporaryDirectory() as temporary:
        tree = Path(temporary) / "reports"
        tree.mkdir()
        count = make_tree(tree, args.copies)
        for round_ in range(args.repeat):
            cache = Path(temporary) / f"cache{round_}"
            first = timed(tree, cache)
            second = timed(tree, cache)
            plain = timed(tree, cache, "--no-cache")
            if not first[2] == second[2] == plain[2]:
                sys.exit("the cached run printed something else than the first run")
            for name, figure in (("first", first), ("second", second), ("no-cache", plain)):
                figures[name].append(figure[:2])
    median = {name: (statistics.median(w for w, _ in runs), statistics.median(c for _, c in runs))
              for name, runs in figures.items()}
    print(f"{count} reports, median of {args.repeat} rounds ({os.cpu_count()} CPUs):")
    for name, (wall, cpu) in median.items():
        print(f"  {name:<9} wall {wall:6.2f} s   cpu {cpu:6.2f} s")
    wall_ratio = median["second"][0] / median["first"][0]
    cpu_ratio = median["second"][1] / median["first"][1]
    print(f"second / first: wall {wall_ratio:.1%}, cpu {cpu_ratio:.1%}; "
          f"first / no-cache: wall {median['first'][0] / median['no-cache'][0]:.2f}")
    return 0 if wall_ratio <= 0.10 else 1


if __name__ == "__main__":
    sys.exit(main())
