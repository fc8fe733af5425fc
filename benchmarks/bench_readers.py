"""Time the readers: milliseconds per report to convert each seed, rendered as a web page, a
Word file and a PDF (by ``tests/seed_renderings.py``), and to lint it end to end.

    python benchmarks/bench_readers.py [--repeat N]

Figures are medians over N runs in one warm process; the one-off import of each optional
library is timed separately in a fresh interpreter.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from seed_renderings import RENDERERS, seed_paths, seed_report  # noqa: E402

from giarlint.linter import Linter  # noqa: E402
from giarlint.plugins import build_registry  # noqa: E402

LIBRARIES = {".html": "html.parser", ".docx": "docx", ".pdf": "pdfplumber"}


def median_ms(action, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def import_ms(module: str) -> float:
    code = f"import time; t = time.perf_counter(); import {module}; print((time.perf_counter() - t) * 1000)"
    return float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    linter = Linter(build_registry(load_plugins=False))
    rows = []
    for suffix, render in RENDERERS.items():
        convert_times, lint_times, sizes = [], [], []
        for seed in seed_paths():
            data = render(seed_report(seed))
            name = seed.stem + suffix
            linter.convert(name, data)  # warm up: imports, caches
            convert_times.append(median_ms(lambda: linter.convert(name, data), args.repeat))
            lint_times.append(median_ms(lambda: linter.lint_bytes(name, data), args.repeat))
            sizes.append(len(data) / 1024)
        rows.append((suffix, statistics.mean(sizes), statistics.mean(convert_times), max(convert_times),
                     statistics.mean(lint_times), import_ms(LIBRARIES[suffix])))
    text_times = [median_ms(lambda s=s: linter.lint_bytes(s.name, s.read_bytes()), args.repeat) for s in seed_paths()]
    print(f"{'format':8} {'KiB':>6} {'convert ms':>11} {'(max)':>7} {'lint ms':>8} {'import ms':>10}")
    for suffix, size, convert, worst, lint, imported in rows:
        print(f"{suffix:8} {size:6.0f} {convert:11.1f} {worst:7.1f} {lint:8.1f} {imported:10.1f}")
    print(f"{'.txt':8} {'':>6} {'-':>11} {'':>7} {statistics.mean(text_times):8.1f} {'-':>10}")
    print(f"({len(seed_paths())} seeds, median of {args.repeat} runs each, mean over seeds)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
