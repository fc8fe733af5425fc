"""The long fuzz run: ``python tests/fuzz/run_long.py --count 100000`` lints inputs 0…count-1 in
process and, with ``--cli N``, the first N of them through the command in every output format
(in directories of 500). Prints progress and a last line ``inputs: …, failures: …``; each
failure is written to ``--failures DIR`` as the input file and its message, to be reproduced with
``python -c "from mutators import mutate; ..."`` or simply ``giarlint check DIR/…``.

``--write DIR --count N`` only writes the inputs as files (for runs with other plugins installed).
Run it at low priority on a shared machine: ``nice -n 19 python tests/fuzz/run_long.py …``.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from harness import FORMATS, Failure, check_directory, check_input, write_inputs  # noqa: E402
from mutators import mutate  # noqa: E402


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--start", type=int, default=0)
    parser.add_argument("--cli", type=int, default=0, help="also run the first N inputs through the command")
    parser.add_argument("--failures", type=Path, default=Path("fuzz-failures"))
    parser.add_argument("--write", type=Path, help="only write the inputs to this directory")
    args = parser.parse_args(argv)
    if args.write:
        write_inputs(args.write, args.start, args.count)
        print(f"wrote inputs {args.start}…{args.start + args.count - 1} to {args.write}")
        return 0

    from giarlint.linter import Linter
    from giarlint.plugins import build_registry

    linter = Linter(build_registry(load_plugins=False))
    failures, started, cpu = 0, time.monotonic(), time.process_time()
    worst = (0.0, None)
    for number in range(args.start, args.start + args.count):
        name, data = mutate(number)
        before = time.process_time()
        try:
            check_input(linter, name, data)
        except Failure as failure:
            failures += 1
            _keep(args.failures, name, data, str(failure))
        spent = time.process_time() - before
        worst = max(worst, (spent, number))
        done = number - args.start + 1
        if done % 5000 == 0:
            print(f"{done} inputs, {failures} failures, {time.monotonic() - started:.0f} s", flush=True)
    cli_done = 0
    for batch in range(args.start, args.start + min(args.cli, args.count), 500):
        size = min(500, args.start + args.cli - batch)
        with tempfile.TemporaryDirectory() as directory:
            write_inputs(Path(directory), batch, size)
            try:
                check_directory(Path(directory), FORMATS)
            except Failure as failure:
                failures += 1
                _keep(args.failures, f"cli-{batch}", b"", str(failure))
        cli_done += size
        print(f"{cli_done} inputs through the command in {len(FORMATS)} formats, {failures} failures", flush=True)
    print(f"inputs: {args.count} in process (+{cli_done} through the command in {len(FORMATS)} formats), "
          f"failures: {failures}, wall {time.monotonic() - started:.0f} s, CPU {time.process_time() - cpu:.0f} s, "
          f"slowest input {worst[1]} ({worst[0]:.2f} s CPU)")
    return 1 if failures else 0


def _keep(directory: Path, name: str, data: bytes, message: str) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    if data:
        (directory / name).write_bytes(data)
    (directory / (name + ".txt")).write_text(message, encoding="utf-8", errors="backslashreplace")
    print(f"FAILED {name}: {message[:300]}", flush=True)


if __name__ == "__main__":
    sys.exit(main())
