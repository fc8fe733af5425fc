"""Benchmark giarlint at corpus scale, side by side in one run, as ratios.

Run: python benchmarks/bench_scale.py [--reports 1000] [--memory 1000 10000] [--cold-repeat 15]

Prints, for a tree of copies of the bundled seed reports (and the floor and ``-j1`` again for the
tests' distinct renderings of reports by real tools, each once: see `RENDERINGS`):
- the floor: a plain read-decode-regex pass over the same files (read the bytes, decode UTF-8, find
  every number and every run of CJK characters), in a fresh process like the others;
- ``giarlint check -j1`` and ``-j2`` (every default rule, the whole catalogue): CPU time of all the
  processes of the run (getrusage of the children) and wall time; ratios to the floor and -j2 to -j1,
  and whether -j2 printed the same bytes;
- two ``-j1`` runs started at the same time, against two runs alone: what running two processes at
  once costs on this machine whatever the program (the floor under -j2's CPU ratio);
- the peak RSS of a ``-j1`` and a ``-j2`` run (the largest process: the main one or a worker) at each
  size of --memory;
- cold start: ``python -c pass``, ``flake8`` on a 4-line file and ``giarlint check`` of one seed
  (medians of --cold-repeat runs, CPU and wall, the commands run in turn so that a change of the
  machine's load falls on all of them), with giarlint's ratio to each. flake8 comes with
  the ``bench`` extra (``pip install -e '.[bench]'``); when it cannot run (``flake8 --version``
  fails, or it does not pass the clean 4-line file), no flake8 figure or ratio is printed.
  ``--cold-baseline DIR`` adds, in the same run, the cold check with giarlint imported from
  ``DIR/src`` (a checkout of an earlier commit, e.g. ``git worktree add /tmp/before main``).
CPU time is the figure to read on a shared machine; wall time is printed beside it.
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
# every distinct text the tests hold of a report as real tools render it (pdftotext, pdfplumber,
# lynx, w3m, pandoc, html2text, a browser's copy …), the public reports and the seeds
RENDERINGS = sorted({path for folder in ("layouts/texts", "layouts/heldout/texts", "layouts/stress/texts",
                                         "layouts/public", "seeds")
                     for path in (ROOT / "tests" / folder).glob("*.txt")})
BIN = Path(sys.executable).parent
FLOOR = r'''
import os, re, sys
pattern = re.compile(r"\d+|[\u4e00-\u9fff]+")
found = 0
for root, dirs, files in os.walk(sys.argv[1]):
    dirs.sort()
    for name in sorted(files):
        with open(os.path.join(root, name), "rb") as handle:
            found += len(pattern.findall(handle.read().decode("utf-8")))
print(found)
'''
MEASURE = r'''
import resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run(sys.argv[2:], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
wall = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
with open(sys.argv[1], "wb") as handle:
    handle.write(done.stdout)
print(usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss, done.returncode)
'''


TWICE = r'''
import resource, subprocess, sys, time
start = time.perf_counter()
runs = [subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) for _ in range(2)]
statuses = [run.wait() for run in runs]
wall = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(usage.ru_utime + usage.ru_stime, wall, max(statuses))
'''


def environment(pythonpath: str | None = None) -> dict:
    """Bytecode allowed (as an installed package has it), no third-party plugins; `pythonpath`
    for the --cold-baseline runs."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["GIARLINT_DISABLE_PLUGIN_AUTOLOAD"] = "1"
    if pythonpath:
        env["PYTHONPATH"] = pythonpath
    return env


def measured(command: list[str], allowed: tuple[int, ...] = (0, 1),
             pythonpath: str | None = None) -> tuple[float, float, float, bytes]:
    """(CPU s of the command and every process it started, wall s, peak RSS MiB of the largest, stdout).
    An exit status outside `allowed` stops the benchmark: a failing command's time means nothing."""
    with tempfile.NamedTemporaryFile() as out:
        line = subprocess.run([sys.executable, "-c", MEASURE, out.name, *command], capture_output=True,
                              text=True, env=environment(pythonpath), check=True).stdout
        cpu, wall, rss, status = line.split()
        if int(status) not in allowed:
            raise SystemExit(f"{' '.join(command)} exited with status {status}")
        return float(cpu), float(wall), float(rss) / 1024, Path(out.name).read_bytes()


def twice_at_once(command: list[str]) -> tuple[float, float]:
    """(CPU s of both, wall s) of two copies of `command` run at the same time: what this machine
    charges for running two processes at once (shared caches, memory bandwidth, a host's
    hyperthreads), which no `-j2` can avoid."""
    line = subprocess.run([sys.executable, "-c", TWICE, *command], capture_output=True, text=True,
                          env=environment(), check=True).stdout
    cpu, wall, status = line.split()
    if int(status) not in (0, 1):
        raise SystemExit(f"{' '.join(command)} exited with status {status}")
    return float(cpu), float(wall)


def make_tree(directory: Path, reports: int) -> Path:
    tree = directory / f"reports-{reports}"
    for index in range(reports):
        folder = tree / f"agency{index // len(SEEDS):05d}"
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copy(SEEDS[index % len(SEEDS)], folder / SEEDS[index % len(SEEDS)].name)
    return tree


def renderings_tree(directory: Path) -> Path:
    """Each of `RENDERINGS` once, in a folder of its own (no two alike: the memos of short
    texts hit no more often than on a real corpus)."""
    tree = directory / "renderings"
    for index, source in enumerate(RENDERINGS):
        folder = tree / f"report{index:05d}"
        folder.mkdir(parents=True)
        shutil.copy(source, folder / source.name)
    return tree


def giarlint(*args: str) -> list[str]:
    script = BIN / "giarlint"
    return [str(script) if script.exists() else sys.executable, *([] if script.exists() else ["-m", "giarlint"]),
            "check", "--isolated", "-q", "--no-cache", *args]


def median_runs(command: list[str], repeat: int, allowed: tuple[int, ...] = (0, 1)) -> tuple[float, float]:
    measured(command, allowed)  # warm-up: bytecode and caches in place, as after an install
    runs = [measured(command, allowed) for _ in range(repeat)]
    return statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)


def interleaved_medians(commands: list[tuple[list[str], tuple[int, ...], str | None]],
                        repeat: int) -> list[tuple[float, float]]:
    """(median CPU s, median wall s) of each (command, allowed statuses, PYTHONPATH), the commands
    run in turn `repeat` times after one warm-up round: on a shared machine a change of load then
    falls on all of them alike, so their ratios hold even when the times move."""
    for command, allowed, pythonpath in commands:
        measured(command, allowed, pythonpath)
    runs: list[list[tuple]] = [[] for _ in commands]
    for _ in range(repeat):
        for found, (command, allowed, pythonpath) in zip(runs, commands):
            found.append(measured(command, allowed, pythonpath))
    return [(statistics.median(r[0] for r in found), statistics.median(r[1] for r in found)) for found in runs]


def flake8_works(flake8: list[str], clean_file: Path) -> bool:
    """Whether flake8 runs here: ``--version`` succeeds and the clean file passes (exit 0)."""
    try:
        for command in ([*flake8, "--version"], [*flake8, str(clean_file)]):
            if subprocess.run(command, capture_output=True, env=environment()).returncode != 0:
                return False
    except OSError:
        return False
    return True


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=1000)
    parser.add_argument("--memory", type=int, nargs="*", default=[1000, 10000])
    parser.add_argument("--cold-repeat", type=int, default=15)
    parser.add_argument("--cold-baseline", metavar="DIR",
                        help="also time the cold check of giarlint from DIR/src (an earlier checkout), same run")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each corpus measurement (median)")
    args = parser.parse_args()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"{os.cpu_count()} CPUs, load average {load:.2f} at the start; CPU = all processes of a run")
    with tempfile.TemporaryDirectory() as temporary:
        tree = make_tree(Path(temporary), args.reports)
        floor = median_runs([sys.executable, "-c", FLOOR, str(tree)], args.repeat)
        one = median_runs(giarlint("-j", "1", str(tree)), args.repeat)
        two = median_runs(giarlint("-j", "2", str(tree)), args.repeat)
        same = measured(giarlint("-j", "1", str(tree)))[3] == measured(giarlint("-j", "2", str(tree)))[3]
        pairs = [twice_at_once(giarlint("-j", "1", str(tree))) for _ in range(args.repeat)]
        pair = statistics.median(p[0] for p in pairs), statistics.median(p[1] for p in pairs)
        print(f"{args.reports} reports (copies of the {len(SEEDS)} seeds), median of {args.repeat} runs:")
        print(f"  floor (read, decode, regex)   CPU {floor[0]:6.2f} s  wall {floor[1]:6.2f} s")
        print(f"  giarlint check -j1            CPU {one[0]:6.2f} s  wall {one[1]:6.2f} s   "
              f"CPU {one[0] / floor[0]:5.1f}x the floor ({1000 * one[0] / args.reports:.2f} ms a report)")
        print(f"  giarlint check -j2            CPU {two[0]:6.2f} s  wall {two[1]:6.2f} s   "
              f"CPU {two[0] / one[0]:4.2f}x -j1, speed-up (wall) {one[1] / two[1]:4.2f}x, "
              f"{'same output' if same else 'OUTPUT DIFFERS'}")
        print(f"  two -j1 runs at the same time CPU {pair[0]:6.2f} s  wall {pair[1]:6.2f} s   "
              f"CPU {pair[0] / (2 * one[0]):4.2f}x two runs alone: the machine's own charge for two at once")
        distinct = renderings_tree(Path(temporary))
        floor_r = median_runs([sys.executable, "-c", FLOOR, str(distinct)], args.repeat)
        one_r = median_runs(giarlint("-j", "1", str(distinct)), args.repeat)
        print(f"{len(RENDERINGS)} distinct renderings (tests/layouts, public reports, seeds), median of {args.repeat} runs:")
        print(f"  floor (read, decode, regex)   CPU {floor_r[0]:6.2f} s  wall {floor_r[1]:6.2f} s")
        print(f"  giarlint check -j1            CPU {one_r[0]:6.2f} s  wall {one_r[1]:6.2f} s   "
              f"CPU {one_r[0] / floor_r[0]:5.1f}x the floor ({1000 * one_r[0] / len(RENDERINGS):.2f} ms a report)")
        for size in args.memory:
            big = tree if size == args.reports else make_tree(Path(temporary), size)
            rss_one = measured(giarlint("-j", "1", str(big)))[2]
            rss_two = measured(giarlint("-j", "2", str(big)))[2]
            print(f"  peak RSS at {size:>6} reports   -j1 {rss_one:6.1f} MiB   -j2 {rss_two:6.1f} MiB (largest process)")
            if big is not tree:
                shutil.rmtree(big)
    four = Path(tempfile.mkdtemp()) / "four.py"
    four.write_text("import os\n\n\nprint(os.sep)\n", encoding="utf-8")
    flake8 = [str(BIN / "flake8")] if (BIN / "flake8").exists() else [sys.executable, "-m", "flake8"]
    flake8_runs = flake8_works(flake8, four)
    commands = [([sys.executable, "-c", "pass"], (0,), None), (giarlint(str(SEEDS[0])), (0, 1), None)]
    if flake8_runs:
        commands.append(([*flake8, str(four)], (0,), None))
    if args.cold_baseline:
        commands.append((giarlint(str(SEEDS[0])), (0, 1), str(Path(args.cold_baseline).resolve() / "src")))
    medians = interleaved_medians(commands, args.cold_repeat)
    nothing, cold = medians[0], medians[1]
    flake = medians[2] if flake8_runs else None
    before = medians[-1] if args.cold_baseline else None
    print(f"cold start, median of {args.cold_repeat} runs, the commands in turn (CPU / wall):")
    print(f"  python -c pass                {nothing[0] * 1000:5.0f} / {nothing[1] * 1000:5.0f} ms")
    if flake is not None:
        print(f"  flake8, a 4-line file         {flake[0] * 1000:5.0f} / {flake[1] * 1000:5.0f} ms")
    else:
        print(f"  flake8, a 4-line file         cannot run ({' '.join(flake8)}): pip install -e '.[bench]'")
    versus = f"CPU {cold[0] / flake[0]:4.2f}x flake8, " if flake is not None else "no flake8 ratio, "
    print(f"  giarlint check, one report    {cold[0] * 1000:5.0f} / {cold[1] * 1000:5.0f} ms   "
          f"{versus}{cold[0] / nothing[0]:4.1f}x python -c pass")
    if before is not None:
        against = f"CPU {before[0] / flake[0]:4.2f}x flake8, " if flake is not None else ""
        print(f"  the same from {args.cold_baseline}: {before[0] * 1000:5.0f} / {before[1] * 1000:5.0f} ms   "
              f"{against}this tree {cold[0] / before[0]:4.2f}x its CPU")


if __name__ == "__main__":
    main()
