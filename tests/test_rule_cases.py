"""Run every YAML rule case under tests/rule_cases (see giarlint.testing)."""

from pathlib import Path

import pytest

from giarlint.plugins import build_registry
from giarlint.testing import check_case, load_case_file

CASE_DIR = Path(__file__).parent / "rule_cases"
CASES = [case for path in sorted(CASE_DIR.glob("*.yaml")) for case in load_case_file(path)]


@pytest.fixture(scope="module")
def registry():
    return build_registry(load_plugins=False)


@pytest.mark.parametrize("case", CASES, ids=[case.source for case in CASES])
def test_rule_case(case, registry):
    check_case(case, registry)
