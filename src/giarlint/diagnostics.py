"""A diagnostic is an immutable record: it sorts, compares and pickles for free (like flake8's)."""

from __future__ import annotations

from dataclasses import dataclass, fields

ERROR = "E"
WARNING = "W"


@dataclass(frozen=True, order=True, slots=True)
class Diagnostic:
    path: str
    line: int
    column: int
    code: str
    message: str
    end_line: int
    end_column: int
    rule: str
    severity: str
    cells: tuple[tuple[str, ...], ...] = ()  # `giarlint.rule.Finding.cells`: for formats that draw tables

    def as_dict(self) -> dict:
        """The flake8-shaped record of the machine formats (without `cells`)."""
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name != "cells"}
