"""Run this plugin's YAML rule cases with giarlint's harness (the plugin must be installed)."""

from pathlib import Path

import pytest

from giarlint.testing import check_case, load_case_file

CASES = [case for path in sorted((Path(__file__).parent / "rule_cases").glob("*.yaml")) for case in load_case_file(path)]


@pytest.mark.parametrize("case", CASES, ids=[case.source for case in CASES])
def test_rule_case(case):
    check_case(case)
