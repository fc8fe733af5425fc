"""The YAML rule cases of the rules built for the whole catalogue (tests/rule_cases/GIA*.yaml)."""

from pathlib import Path

import pytest

from giarlint.plugins import build_registry
from giarlint.testing import check_case_file, load_case_file

CASES = Path(__file__).parent / "rule_cases"
CODES = (
    "GIA101", "GIA102", "GIA107", "GIA108", "GIA109", "GIA110", "GIA111", "GIA112",
    "GIA206", "GIA207", "GIA208", "GIA210",
    "GIA302", "GIA304", "GIA305",
    "GIA401", "GIA403", "GIA404", "GIA405",
    "GIA501", "GIA502", "GIA503", "GIA504",
)


@pytest.fixture(scope="module")
def registry():
    return build_registry(load_plugins=False)


@pytest.mark.parametrize("code", CODES)
def test_rule_cases(code, registry):
    path = CASES / f"{code}.yaml"
    cases = load_case_file(path)
    assert any(not c.passing for c in cases) and any(c.passing for c in cases), f"{path.name} needs a fail and a pass case"
    assert check_case_file(path, registry) == len(cases)
