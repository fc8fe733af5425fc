"""The full default output of `giarlint check` on each real report, pinned.

Every line of tests/expected/<seed>.txt was read against the report and is explained in
docs/seed-findings.md: a new diagnostic (a false positive?) or a lost one (a regression?) fails here.
"""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import SEED, TESTS


@pytest.mark.parametrize("seed", sorted(SEED))
def test_seed_output_is_pinned(seed):
    out = subprocess.run(
        [sys.executable, "-m", "giarlint", "check", "--no-plugins", "--isolated", SEED[seed].name],
        capture_output=True, text=True, cwd=SEED[seed].parent,
    )
    expected = (TESTS / "expected" / f"{seed}.txt").read_text(encoding="utf-8")
    assert out.stdout == expected
    assert out.returncode == (1 if expected else 0)


def test_every_pinned_finding_is_explained():
    explained = (TESTS.parent / "docs" / "seed-findings.md").read_text(encoding="utf-8")
    for seed in SEED:
        for line in (TESTS / "expected" / f"{seed}.txt").read_text(encoding="utf-8").splitlines():
            location, code = line.split(": ", 1)[0], line.split(": ", 1)[1].split(" ", 1)[0]
            assert f"`{location}` {code}" in explained, f"{location} {code} is not explained"
