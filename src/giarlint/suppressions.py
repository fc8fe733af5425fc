"""Suppression comments in reports: ``<!-- giarlint: disable=GIA209 -->`` … ``<!-- giarlint: enable=GIA209 -->``.

A ``disable`` lasts from its own line to the matching ``enable`` (or the end of the file) and
hides diagnostics whose code starts with one of its codes; a bare ``disable`` hides every code.
The directives are blanked (same length, so positions hold) in the copy the parser reads: a
comment line inside a table must not split the table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from giarlint.tree import Span

DIRECTIVE = re.compile(r"<!--[ \t]*giarlint:[ \t]*(?P<action>disable|enable)[ \t]*(?:=[ \t]*(?P<codes>[A-Za-z0-9, \t]*?))?[ \t]*-->")
ALL = ""  # the prefix every code starts with


@dataclass
class Suppression:
    codes: tuple[str, ...]
    span: Span  # the disable comment
    start_line: int
    end_line: int | None = None  # None: to the end of the file
    used: set[str] = field(default_factory=set)

    def covers(self, line: int) -> bool:
        return self.start_line <= line and (self.end_line is None or line <= self.end_line)

    def matching(self, code: str) -> str | None:
        return next((prefix for prefix in self.codes if code.startswith(prefix)), None)

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
    open_regions: list[Suppression] = []
    for number, line in enumerate(text.split("\n"), start=1):
        for match in DIRECTIVE.finditer(line):
            codes = _codes(match.group("codes"))
            if match.group("action") == "disable":
                span = Span(number, match.start() + 1, number, match.end() + 1)
                region = Suppression(codes, span, number)
                regions.append(region)
                open_regions.append(region)
                continue
            for region in list(open_regions):
                if region.codes == codes or codes == (ALL,):
                    region.end_line = number
                    open_regions.remove(region)
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
            prefix = region.matching(diagnostic.code) if region.covers(diagnostic.line) else None
            if prefix is not None:
                region.used.add(prefix)
                hidden = True
        if not hidden:
            kept.append(diagnostic)
    return kept
