"""Every YAML rule case passes, and every code giarlint knows has a failing and a passing case."""

from __future__ import annotations

from pathlib import Path

import pytest

from giarlint.plugins import build_registry
from giarlint.ruledocs import all_docs
from giarlint.testing import check_case, load_case_file

CASES_DIR = Path(__file__).parent / "rule_cases"
CASE_FILES = sorted(CASES_DIR.glob("*.yaml"))

# Codes whose cases another branch adds. GIA009 (unused suppression) belongs to the
# suppression work, which adds tests/rule_cases/GIA009.yaml; remove it from here after merging.
AWAITING_CASES = frozenset({"GIA009"})


@pytest.fixture(scope="module")
def registry():
    return build_registry(load_plugins=False)


def _all_cases():
    for path in CASE_FILES:
        for case in load_case_file(path):
            yield pytest.param(case, id=case.source)


@pytest.mark.parametrize("case", list(_all_cases()))
def test_rule_case(case, registry):
    check_case(case, registry)


def test_case_files_name_their_code():
    for path in CASE_FILES:
        cases = load_case_file(path)
        assert cases and all(c.code == path.stem for c in cases), f"{path.name} must hold cases of {path.stem}"


def test_every_known_code_has_failing_and_passing_cases(registry):
    failing, passing = set(), set()
    for path in CASE_FILES:
        for case in load_case_file(path):
            (passing if case.passing else failing).add(case.code)
    known = set(all_docs(registry)) - AWAITING_CASES
    assert not known - failing, f"codes without a failing case in tests/rule_cases: {sorted(known - failing)}"
    assert not known - passing, f"codes without a passing case in tests/rule_cases: {sorted(known - passing)}"


def test_awaiting_list_holds_only_known_codes(registry):
    assert AWAITING_CASES <= set(all_docs(registry))
