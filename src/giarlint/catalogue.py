"""Rule documentation and messages as data: one YAML file per rule under ``rules/catalogue/``.

Third-party rules load their own file with `load_catalogue_file`; the same registry feeds
diagnostics, ``giarlint rule CODE`` and the generated ``docs/rules.md``.
"""

from __future__ import annotations

import os
from functools import lru_cache
from typing import NamedTuple

from giarlint.data import load_yaml
from giarlint.resources import data_dir


class CodeDoc(NamedTuple):
    code: str
    rule: str
    severity: str  # "E" or "W"
    default: bool  # on by default
    summary: dict
    explanation: dict
    bad: str
    good: str
    messages: dict = {}  # variant -> {zh, en}

    def as_dict(self) -> dict:
        return {
            "code": self.code,
            "rule": self.rule,
            "severity": self.severity,
            "default": self.default,
            "summary": self.summary,
            "explanation": self.explanation,
            "bad": self.bad,
            "good": self.good,
        }


def _doc(rule: str, code: str, entry: dict) -> CodeDoc:
    return CodeDoc(
        code=code,
        rule=rule,
        severity=entry.get("severity", "W"),
        default=bool(entry.get("default", True)),
        summary=entry.get("summary", {}),
        explanation=entry.get("explanation", {}),
        bad=entry.get("bad", ""),
        good=entry.get("good", ""),
        messages=entry.get("messages", {}),
    )


def load_catalogue_file(path) -> dict[str, CodeDoc]:
    """Parse one catalogue file (str or Path): ``rule: name`` and ``codes: {CODE: {...}}``."""
    raw = load_yaml(path)
    rule = raw["rule"]
    return {code: _doc(rule, code, entry) for code, entry in raw["codes"].items()}


@lru_cache(maxsize=None)
def builtin_catalogue(rule: str) -> dict[str, CodeDoc]:
    return load_catalogue_file(os.path.join(data_dir("rules"), "catalogue", f"{rule}.yaml"))
