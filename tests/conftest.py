"""Shared fixtures: the bundled seed reports and a linter with built-in rules only."""

from __future__ import annotations

from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
SEEDS = sorted((TESTS / "seeds").glob("*.txt"))
SEED = {path.name[:3]: path for path in SEEDS}


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
