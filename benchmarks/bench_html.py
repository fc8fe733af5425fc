"""Benchmark the ``html`` format on a large run: size of the page, the cost of producing it, and
how fast headless Chromium opens it.

Run: python benchmarks/bench_html.py [--reports 1000] [--repeat 3]

The run is N copies of the five bundled seeds (one folder per copy). In one process each, side by
side and alternating: ``giarlint check --output-format concise`` and ``--output-format html
--output-file`` over the same reports (wall and CPU time of the child, fastest of the repeats);
then the page's size, and in Chromium (tests/browser.py) the time from navigation to the load
event and to the first paint after it, against the concise output of the same run saved as text.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "tests" / "seeds").glob("*.txt"))
sys.path.insert(0, str(ROOT / "tests"))


def timed(args: list[str]) -> tuple[float, float]:
    """(wall, CPU) seconds of one giarlint run in a child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "giarlint", *args], stdout=subprocess.DEVNULL, check=False,
                   env={**os.environ, "GIARLINT_DISABLE_PLUGIN_AUTOLOAD": "1"})
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def open_time(browser, page: Path, repeat: int) -> tuple[float, float]:
    """Fastest (load event, first paint after it) seconds over `repeat` navigations."""
    loads, paints = [], []
    for _ in range(repeat):
        browser.open("about:blank")
        browser.events.clear()
        started = time.monotonic()
        browser.call("Page.navigate", session=True, url=page.as_uri())
        browser.wait_for("Page.loadEventFired")
        loads.append(time.monotonic() - started)
        browser.evaluate("new Promise(function(done){requestAnimationFrame(function(){requestAnimationFrame(done);});})")
        paints.append(time.monotonic() - started)
        assert browser.console_errors() == [], browser.console_errors()
    return min(loads), min(paints)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reports", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    from browser import Browser

    work = Path(tempfile.mkdtemp(prefix="giarlint-bench-html-"))
    try:
        for copy in range(args.reports // len(SEEDS)):
            folder = work / "reports" / f"agency{copy:04d}"
            folder.mkdir(parents=True)
            for seed in SEEDS:
                shutil.copy(seed, folder / seed.name)
        reports = str(work / "reports")
        page, text = work / "report.html", work / "report.txt"
        runs = {"concise": [], "html": []}
        for _ in range(args.repeat):
            runs["concise"].append(timed(["check", "--isolated", "--output-file", str(text), reports]))
            runs["html"].append(timed(["check", "--isolated", "--output-format", "html", "--output-file", str(page), reports]))
        wall = {name: min(w for w, _ in times) for name, times in runs.items()}
        cpu = {name: min(c for _, c in times) for name, times in runs.items()}
        count = sum(1 for _ in (work / "reports").rglob("*.txt"))
        print(f"{count} reports; giarlint check (fastest of {args.repeat}):")
        for name in runs:
            print(f"  {name:8} wall {wall[name]:6.2f} s  cpu {cpu[name]:6.2f} s")
        print(f"  html / concise: wall {wall['html'] / wall['concise']:.2f}x  cpu {cpu['html'] / cpu['concise']:.2f}x")
        size = page.stat().st_size
        print(f"page: {size / 1e6:.1f} MB ({size / count / 1e3:.1f} KB per report; the reports themselves "
              f"{sum(p.stat().st_size for p in (work / 'reports').rglob('*.txt')) / 1e6:.1f} MB)")
        with Browser(timeout=300) as browser:
            text_load, text_paint = open_time(browser, text, args.repeat)
            load, paint = open_time(browser, page, args.repeat)
        print(f"chromium (fastest of {args.repeat}): html load event {load:.2f} s, first paint {paint:.2f} s; "
              f"the concise output as text: {text_load:.2f} s / {text_paint:.2f} s")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
