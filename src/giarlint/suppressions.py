"""Suppression comments in reports: ``<!-- giarlint: disable=GIA209 -->`` … ``<!-- giarlint: enable=GIA209 -->``.

A ``disable`` hides diagnostics whose code starts with one of its codes (a bare ``disable``:
every code) from its own line until an ``enable`` names that code or a shorter prefix of it (a
bare ``enable``: every code), or to the end of the file. An ``enable`` ends those codes in every
open region, so ``disable=GIA205,GIA201`` … ``enable=GIA205`` leaves GIA201 hidden; it cannot
carve a code out of a prefix (``disable=GIA2`` … ``enable=GIA205`` leaves GIA2 hidden).
The directives are blanked (same length, so positions hold) in the copy the parser reads: a
comment line inside a table must not split the table.
"""

from __future__ import annotations

from typing import NamedTuple

from giarlint.patterns import lazy
from giarlint.tree import Span

DIRECTIVE = lazy(r"<!--[ \t]*giarlint:[ \t]*(?P<action>disable|enable)[ \t]*(?:=[ \t]*(?P<codes>[A-Za-z0-9, \t]*?))?[ \t]*-->")
ALL = ""  # the prefix every code starts with


class Suppression(NamedTuple):
    """One disable comment and the region it covers; `end_lines` and `used` fill in as the
    text is read and the diagnostics are matched."""

    codes: tuple[str, ...]
    span: Span  # the disable comment
    start_line: int
    end_lines: dict[str, int]  # code -> line of its enable; absent: to the end
    used: set[str]

    def matching(self, code: str, line: int) -> str | None:
        """The code of this region that hides `code` on `line`, if any."""
        if line < self.start_line:
            return None
        return next((prefix for prefix in self.codes
                     if code.startswith(prefix) and line <= self.end_lines.get(prefix, line)), None)

    def unused(self) -> tuple[str, ...]:
        return tuple(code for code in self.codes if code not in self.used)


def _codes(text: str | None) -> tuple[str, ...]:
    if not text or not text.strip():
        return (ALL,)
    return tuple(part.strip().upper() for part in text.split(",") if part.strip())


def find_suppressions(text: str) -> list[Suppression]:
    """The disable regions of a newline-normalised text."""
    if "giarlint:" not in text:
        return []
    regions: list[Suppression] = []
    for number, line in enumerate(text.split("\n"), start=1):
        for match in DIRECTIVE.finditer(line):
            codes = _codes(match.group("codes"))
            if match.group("action") == "disable":
                span = Span(number, match.start() + 1, number, match.end() + 1)
                regions.append(Suppression(codes, span, number, {}, set()))
                continue
            for region in regions:
                for code in region.codes:
                    if code.startswith(codes):  # the enable names this code or a prefix of it
                        region.end_lines.setdefault(code, number)
    return regions


def mask_directives(text: str) -> str:
    """`text` with every directive replaced by spaces of the same length."""
    if "giarlint:" not in text:
        return text
    return DIRECTIVE.sub(lambda m: " " * len(m.group(0)), text)


def apply(diagnostics, suppressions: list[Suppression]) -> list:
    """The diagnostics no suppression hides; marks which codes of each suppression were used."""
    kept = []
    for diagnostic in diagnostics:
        hidden = False
        for region in suppressions:
            prefix = region.matching(diagnostic.code, diagnostic.line)
            if prefix is not None:
                region.used.add(prefix)
                hidden = True
        if not hidden:
            kept.append(diagnostic)
    return kept
