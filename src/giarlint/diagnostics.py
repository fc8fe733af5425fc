"""A diagnostic is an immutable record: it sorts, compares and pickles for free (like flake8's)."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import NamedTuple

ERROR = "E"
WARNING = "W"


class Edit(NamedTuple):
    """Replace the characters from (line, column) up to (end_line, end_column) — 1-based, end
    exclusive, in the file's own text — with `content`. giarlint's fixes stay on one line."""

    line: int
    column: int
    end_line: int
    end_column: int
    content: str

    def as_dict(self) -> dict:
        return {"content": self.content, "location": {"row": self.line, "column": self.column},
                "end_location": {"row": self.end_line, "column": self.end_column}}


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
    fix: tuple[Edit, ...] | None = field(default=None, compare=False)  # a certain replacement, if any

    def as_dict(self) -> dict:
        """The flake8-shaped record of the machine formats (without `cells`), with ruff's `fix`."""
        out = {f.name: getattr(self, f.name) for f in fields(self) if f.name not in ("cells", "fix")}
        out["fix"] = None if self.fix is None else {"applicability": "safe", "edits": [e.as_dict() for e in self.fix]}
        return out
