"""Helpers for tests that run the real ``giarlint`` command."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = ROOT / "tests" / "seeds"
SEEDS = sorted(SEEDS_DIR.glob("*.txt"))
SEED_000 = SEEDS_DIR / "000_074461f2da15a71b.txt"


def run(*args, cwd=None, env=None, stdin: bytes | None = None, autoload: bool = False, python=sys.executable):
    """Run ``python -m giarlint ARGS`` and return the completed process (text decoded as UTF-8).

    Third-party plugins are off unless `autoload`, so the developer's installed plugins do not leak in."""
    environment = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "GIARLINT_OUTPUT_FORMAT")}
    environment["PYTHONIOENCODING"] = "utf-8"
    if not autoload:
        environment["GIARLINT_DISABLE_PLUGIN_AUTOLOAD"] = "1"
    environment.update(env or {})
    process = subprocess.run(
        [python, "-m", "giarlint", *map(str, args)], cwd=cwd, env=environment, input=stdin,
        capture_output=True, timeout=600,
    )
    process.stdout = process.stdout.decode("utf-8")
    process.stderr = process.stderr.decode("utf-8")
    return process


def main(capsys, *args) -> tuple[int, str, str]:
    """Run ``giarlint ARGS`` in this process: (exit code, stdout, stderr). Plugins are not loaded."""
    from giarlint.cli import main as giarlint_main

    previous = os.environ.get("GIARLINT_DISABLE_PLUGIN_AUTOLOAD")
    os.environ["GIARLINT_DISABLE_PLUGIN_AUTOLOAD"] = "1"
    try:
        code = giarlint_main([str(a) for a in args])
    finally:
        if previous is None:
            del os.environ["GIARLINT_DISABLE_PLUGIN_AUTOLOAD"]
        else:
            os.environ["GIARLINT_DISABLE_PLUGIN_AUTOLOAD"] = previous
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def seed_copies(tree: Path, copies: int) -> Path:
    """`copies` folders under `tree`, each holding the five seeds: a corpus of one agency and year
    many times over."""
    for copy in range(copies):
        folder = tree / f"agency{copy:04d}"
        folder.mkdir(parents=True)
        for seed in SEEDS:
            shutil.copy(seed, folder / seed.name)
    return tree
