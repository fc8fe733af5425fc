"""A diagnostic is an immutable record: it sorts, compares and pickles for free (like flake8's)."""

from __future__ import annotations

from dataclasses import asdict, dataclass

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

    def as_dict(self) -> dict:
        return asdict(self)
