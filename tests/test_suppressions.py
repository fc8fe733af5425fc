"""Suppression comments: which lines a `disable` covers, and what an `enable` ends."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from conftest import seed_text

from giarlint.suppressions import apply, find_suppressions


@dataclass
class Found:
    code: str
    line: int


def kept(text: str, found: list[Found]) -> list[tuple[str, int]]:
    return [(d.code, d.line) for d in apply(found, find_suppressions(text))]


def lines(*directives: str) -> str:
    """A text whose line i + 1 is the i-th directive (an empty string: an ordinary line)."""
    return "\n".join(f"<!-- giarlint: {d} -->" if d else "text" for d in directives)


def test_enable_of_one_code_ends_it_in_a_region_of_several_codes():
    text = lines("disable=GIA205,GIA201", "", "enable=GIA205", "", "")
    found = [Found("GIA205", 2), Found("GIA205", 4), Found("GIA201", 2), Found("GIA201", 5)]
    assert kept(text, found) == [("GIA205", 4)]


def test_enable_ends_the_code_in_every_open_region():
    text = lines("disable=GIA205", "disable=GIA205,GIA3", "enable=GIA205", "")
    found = [Found("GIA205", 4), Found("GIA301", 4)]
    assert kept(text, found) == [("GIA205", 4)]


def test_bare_enable_ends_every_region_and_a_prefix_enable_ends_its_codes():
    assert kept(lines("disable=GIA205", "disable", "enable", ""), [Found("GIA101", 4), Found("GIA205", 4)]) == [
        ("GIA101", 4), ("GIA205", 4)]
    assert kept(lines("disable=GIA205,GIA301", "enable=GIA2", ""), [Found("GIA205", 3), Found("GIA301", 3)]) == [
        ("GIA205", 3)]


def test_enable_of_a_code_inside_a_disabled_prefix_does_not_end_the_prefix():
    text = lines("disable=GIA2", "enable=GIA205", "")
    assert kept(text, [Found("GIA205", 3)]) == []


def test_enable_before_a_disable_does_not_end_it():
    text = lines("enable=GIA205", "disable=GIA205", "")
    assert kept(text, [Found("GIA205", 3), Found("GIA205", 1)]) == [("GIA205", 1)]


@pytest.mark.parametrize("enable", ["enable=GIA205", "enable"])
def test_region_ended_before_its_finding_shows_it_and_reports_the_codes_that_hid_nothing(registry, enable):
    from giarlint.linter import Linter
    from giarlint.settings import Settings

    text = seed_text("000").replace(
        "二、主动公开政府信息情况\n",
        f"<!-- giarlint: disable=GIA205,GIA209 -->\n<!-- giarlint: {enable} -->\n二、主动公开政府信息情况\n")
    found = Linter(registry, Settings(select=("GIA009", "GIA205", "GIA209"))).lint_text("r.md", text)
    assert [(d.code, d.line, d.column) for d in found] == [("GIA009", 9, 1), ("GIA205", 18, 8)]
    assert found[0].message.endswith("：GIA205, GIA209")


def test_region_closed_for_one_code_still_hides_the_other(registry):
    from giarlint.linter import Linter
    from giarlint.settings import Settings

    text = seed_text("000").replace(
        "行政许可 | 企业类", "<!-- giarlint: disable=GIA201,GIA205 -->\n行政许可 | 企业类").replace(
        "第二十条第(六)项", "<!-- giarlint: enable=GIA201 -->\n第二十条第(六)项")
    found = Linter(registry, Settings(select=("GIA009", "GIA201", "GIA205"))).lint_text("r.md", text)
    # GIA205 stays hidden after GIA201 is enabled again; GIA201 hid nothing
    assert [(d.code, d.line, d.column) for d in found] == [("GIA009", 16, 1)]
    assert found[0].message.endswith("GIA201")
