"""Benchmark peak memory and time of one large report, at a quarter, a half and all of 15 MiB.

Run: python benchmarks/bench_memory.py [--mib 15]

Two kinds of large report, each checked in a fresh process (so that peak RSS is its own):
``prose`` is seed 000 whose first long paragraph is repeated until the file has the size (a
report with a huge section); ``tables`` is the whole seed repeated (thousands of tables, the
worst case for the tree). Printed per size: wall and CPU time, the peak resident memory above
that of the same process after a check of the seed itself, that memory as a multiple of the file's
size, and the CPU time per MiB (flat when the time is linear).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "tests" / "seeds" / "000_074461f2da15a71b.txt"

_CHILD = r"""
import json, resource, sys, time
from pathlib import Path
seed = Path(sys.argv[1]).read_text(encoding="utf-8")
kind, size = sys.argv[2], int(sys.argv[3])
if kind == "prose":
    head, rest = seed.split("二、", 1)
    paragraph = next(line for line in head.split("\n") if len(line) > 100) + "\n"
    text = head + paragraph * (size // len(paragraph.encode())) + "二、" + rest
else:
    text = seed * (size // len(seed.encode()))
data = text.encode("utf-8")
from giarlint.linter import Linter
from giarlint.plugins import build_registry
linter = Linter(build_registry(load_plugins=False))
linter.lint_bytes("seed.txt", seed.encode("utf-8"))
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
wall, cpu = time.perf_counter(), time.process_time()
found = linter.lint_bytes("big.txt", data)
wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"bytes": len(data), "wall": wall, "cpu": cpu, "memory": (peak - base) * 1024, "findings": len(found)}))
"""


def measure(kind: str, size: int) -> dict:
    out = subprocess.run([sys.executable, "-c", _CHILD, str(SEED), kind, str(size)], capture_output=True,
                         text=True, check=True).stdout
    return json.loads(out)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mib", type=float, default=15.0)
    args = parser.parse_args(argv)
    full = int(args.mib * 1048576)
    print(f"{'report':8} {'MiB':>6} {'wall s':>7} {'CPU s':>6} {'peak MB':>8} {'× size':>7} {'CPU s/MiB':>9}")
    for kind in ("prose", "tables"):
        for fraction in (0.25, 0.5, 1.0):
            m = measure(kind, int(full * fraction))
            mib = m["bytes"] / 1048576
            print(f"{kind:8} {mib:6.1f} {m['wall']:7.2f} {m['cpu']:6.2f} {m['memory'] / 1e6:8.0f} "
                  f"{m['memory'] / m['bytes']:7.1f} {m['cpu'] / mib:9.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
