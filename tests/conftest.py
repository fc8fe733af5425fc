"""Shared fixtures: the bundled seed reports and a linter with built-in rules only."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
SEEDS = sorted((TESTS / "seeds").glob("*.txt"))
SEED = {path.name[:3]: path for path in SEEDS}


def pytest_configure(config):
    """The suite's caches (parsed YAML, compiled patterns) go to a directory of its own, not
    to the user's ~/.cache/giarlint; subprocesses inherit it."""
    if "GIARLINT_CACHE_DIR" not in os.environ:
        config.giarlint_cache_dir = tempfile.mkdtemp(prefix="giarlint-test-cache-")
        os.environ["GIARLINT_CACHE_DIR"] = config.giarlint_cache_dir
    # Results are not cached by default: tests change rules and readers in place (monkeypatch) and
    # must see them run. tests/test_cache.py turns the cache on where it is the subject.
    os.environ.setdefault("GIARLINT_NO_RESULT_CACHE", "1")


def pytest_unconfigure(config):
    directory = getattr(config, "giarlint_cache_dir", None)
    if directory:
        os.environ.pop("GIARLINT_CACHE_DIR", None)
        shutil.rmtree(directory, ignore_errors=True)


@pytest.fixture(scope="session")
def registry():
    from giarlint.plugins import build_registry

    return build_registry(load_plugins=False)


@pytest.fixture(scope="session")
def linter(registry):
    from giarlint.linter import Linter

    return Linter(registry)


def seed_text(number: str) -> str:
    return SEED[number].read_text(encoding="utf-8")


def replace_at(text: str, line: int, column: int, old: str, new: str) -> str:
    """`text` with `old`, which must stand at line:column (1-based), replaced by `new`: mutations at
    a cell's own span, never a search that could hit another occurrence."""
    lines = text.split("\n")
    target = lines[line - 1]
    assert target[column - 1 : column - 1 + len(old)] == old
    lines[line - 1] = target[: column - 1] + new + target[column - 1 + len(old) :]
    return "\n".join(lines)
