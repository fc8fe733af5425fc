"""Turn diagnostics into text. `concise` is flake8's line; every editor and CI matcher reads it."""

from __future__ import annotations

import json
from typing import Callable, Iterable

from giarlint.diagnostics import Diagnostic


def concise(diagnostics: Iterable[Diagnostic]) -> str:
    return "".join(f"{d.path}:{d.line}:{d.column}: {d.code} {d.message}\n" for d in diagnostics)


def as_json(diagnostics: Iterable[Diagnostic]) -> str:
    return json.dumps([d.as_dict() for d in diagnostics], ensure_ascii=False, indent=2) + "\n"


FORMATTERS: dict[str, Callable[[list[Diagnostic]], str]] = {
    "concise": concise,
    "json": as_json,
}
