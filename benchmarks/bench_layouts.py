"""Benchmark and score the table reader on every layout of tests/layouts (texts made by real
tools from the seeds rendered as PDF and HTML), and on the public reports there.

Run: python benchmarks/bench_layouts.py [--repeat N]

Per tool (pdfplumber, pdftotext -layout, lynx, w3m, pandoc …), over the five seeds:
- time: the median in-process time of `lint_text` per report with the core rules (wall and CPU)
  and with every default rule (median of `--repeat` runs per report, after one warm-up run), and
  its ratio to the same measurement on the seed texts themselves, taken in the same run;
- cells: of the table 三 and 四 cells of the hand-checked truth, how many were read exactly,
  read wrong (must be 0) or not read (their row reported unread);
- noise: lines of GIA003/GIA108/GIA111/GIA112 per report;
- with `--mutations`: five cells of table 三 of every rendering (where the table reads, a fixed
  stride) each changed by +1, and how many changes GIA201–GIA204 catch, or a table-三 GIA003
  reports. Run it from a worktree's `src` on `PYTHONPATH` to measure another version of the reader
  on the same changes (the cells are chosen by this version's reading, as positions in the text).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LAYOUTS = ROOT / "tests" / "layouts"
SEEDS = sorted((ROOT / "tests" / "seeds").glob("*.txt"))
CORE_CODES = ("GIA0", "GIA103", "GIA104", "GIA105", "GIA106", "GIA201", "GIA202", "GIA203", "GIA204",
              "GIA205", "GIA209", "GIA301", "GIA303", "GIA402")
NOISE = ("GIA003", "GIA108", "GIA111", "GIA112")


def _texts() -> dict[str, list[tuple[str, str]]]:
    """tool -> [(seed, text)], the seed texts themselves as tool "seed"."""
    from giarlint.source import normalise_newlines

    by_tool: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for path in SEEDS:
        by_tool["seed"].append((path.name[:3], path.read_text(encoding="utf-8")))
    for path in sorted((LAYOUTS / "texts").glob("*.txt")):
        seed, tool = path.stem.split(".", 1)
        by_tool[tool].append((seed, normalise_newlines(path.read_text(encoding="utf-8"))))
    return by_tool


def _median_time(linter, texts: list[tuple[str, str]], repeat: int) -> tuple[float, float]:
    """(wall, CPU) seconds per report: the median over the reports of each one's median run."""
    wall, cpu = [], []
    for seed, text in texts:
        linter.lint_text(seed, text)
        walls, cpus = [], []
        for _ in range(repeat):
            start, start_cpu = time.perf_counter(), time.process_time()
            linter.lint_text(seed, text)
            walls.append(time.perf_counter() - start)
            cpus.append(time.process_time() - start_cpu)
        wall.append(statistics.median(walls))
        cpu.append(statistics.median(cpus))
    return statistics.median(wall), statistics.median(cpu)


def _score(linter, texts: list[tuple[str, str]]) -> tuple[int, int, int, float]:
    exact = wrong = unread = noise = 0
    for seed, text in texts:
        truth = json.loads((LAYOUTS / "truth" / f"{seed}.json").read_text(encoding="utf-8"))
        report = linter.build(seed, text)
        for name in ("table3", "table4"):
            table = report.tables.get(name)
            for row, columns in truth[name].items():
                for column, value in columns.items():
                    got = table.value(row, column) if table else None
                    if got is None:
                        unread += 1
                    elif got.as_json() == value:
                        exact += 1
                    else:
                        wrong += 1
        noise += sum(d.code in NOISE for d in linter.lint_text(seed, text))
    return exact, wrong, unread, noise / len(texts)


MUTATIONS = "benchmarks/.mutations.json"  # the chosen cells, so that two versions test the same ones


def _mutations(linter, by_tool, path: Path) -> list:
    """(text, line, column, old, new) for five table-三 cells of each rendering: read from the
    file `path` when it exists (made by an earlier run), else chosen now and written there."""
    if path.exists():
        return json.loads(path.read_text(encoding="utf-8"))
    chosen = []
    for tool, texts in by_tool.items():
        if tool == "seed":
            continue
        for seed, text in texts:
            table = linter.build(seed, text).tables.get("table3")
            if table is None or not table.read:
                continue
            numbers = [v for columns in table.values.values() for v in columns.values() if v.kind == "number"]
            for value in numbers[::37][:5]:
                span = value.cell.span
                chosen.append([tool, seed, span.line, span.column, value.text, str(int(value.number) + 1)])
    path.write_text(json.dumps(chosen, ensure_ascii=False), encoding="utf-8")
    return chosen


def _caught(linter, by_tool, chosen) -> tuple[int, int, int]:
    texts = {(tool, seed): text for tool, pairs in by_tool.items() for seed, text in pairs}
    caught = reported = 0
    for tool, seed, line, column, old, new in chosen:
        lines = texts[(tool, seed)].split("\n")
        target = lines[line - 1]
        assert target[column - 1 : column - 1 + len(old)] == old, (tool, seed, line, column)
        lines[line - 1] = target[: column - 1] + new + target[column - 1 + len(old) :]
        found = linter.lint_text(seed, "\n".join(lines))
        if any(d.code in ("GIA201", "GIA202", "GIA203", "GIA204") for d in found):
            caught += 1
        elif any(d.code == "GIA003" and "表三" in d.message for d in found):
            reported += 1
    return caught, reported, len(chosen)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--mutations", action="store_true", help="also count single-number changes caught")
    args = parser.parse_args()
    from giarlint.linter import Linter
    from giarlint.plugins import build_registry
    from giarlint.settings import Settings

    registry = build_registry(load_plugins=False)
    core = Linter(registry, Settings(select=CORE_CODES))
    every = Linter(registry)
    by_tool = _texts()
    base_core, _ = _median_time(core, by_tool["seed"], args.repeat)
    base_every, _ = _median_time(every, by_tool["seed"], args.repeat)
    print(f"{'layout':26s} {'core ms':>8s} {'cpu ms':>7s} {'x seed':>7s} {'all ms':>7s} {'x seed':>7s} "
          f"{'exact':>6s} {'wrong':>6s} {'unread':>6s} {'noise/report':>12s}")
    totals = [0, 0, 0]
    for tool, texts in by_tool.items():
        core_ms, core_cpu = _median_time(core, texts, args.repeat)
        every_ms, _ = _median_time(every, texts, args.repeat)
        exact, wrong, unread, noise = _score(every, texts) if tool != "seed" else (0, 0, 0, 0.0)
        if tool != "seed":
            totals = [totals[0] + exact, totals[1] + wrong, totals[2] + unread]
        print(f"{tool:26s} {core_ms * 1000:8.2f} {core_cpu * 1000:7.2f} {core_ms / base_core:7.2f} {every_ms * 1000:7.2f} "
              f"{every_ms / base_every:7.2f} {exact:6d} {wrong:6d} {unread:6d} {noise:12.2f}")
    cells = sum(totals)
    print(f"all layouts: {totals[0]} of {cells} table 三/四 cells exact ({totals[0] / cells:.1%}), "
          f"{totals[1]} wrong, {totals[2]} not read")
    if args.mutations:
        chosen = _mutations(every, by_tool, ROOT / MUTATIONS)
        caught, reported, count = _caught(every, by_tool, chosen)
        print(f"single-number changes: {caught} of {count} caught by GIA201–GIA204, {reported} more "
              f"reported as a table-三 GIA003, {count - caught - reported} silent")
    return 1 if totals[1] else 0


if __name__ == "__main__":
    sys.exit(main())
