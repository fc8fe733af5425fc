"""Find the entry points of one group without importing ``importlib.metadata``.

Importing ``importlib.metadata`` (and the email and zip modules it pulls in) costs more than
the rest of a cold start's plugin discovery; pre-commit pays start-up on every commit. The
packaging format is simple and stable: every installed distribution has a ``*.dist-info``
(or legacy ``*.egg-info``) directory on ``sys.path`` whose ``entry_points.txt`` is an INI file.
"""

from __future__ import annotations

import importlib
import os
import sys
from typing import NamedTuple


class EntryPoint(NamedTuple):
    name: str
    value: str  # "module:attribute" or "module"
    distribution: str
    version: str

    def load(self):
        module_name, _, attribute = self.value.partition(":")
        target = importlib.import_module(module_name.strip())
        for part in filter(None, attribute.strip().split(".")):
            target = getattr(target, part)
        return target


def _distribution(directory: str) -> tuple[str, str]:
    stem = directory.rsplit(".", 1)[0]
    name, _, version = stem.partition("-")
    return name, version.split("-")[0] or "?"


def _read_group(path: str, group: str) -> list[tuple[str, str]]:
    try:
        with open(path, encoding="utf-8") as handle:
            lines = handle.read().splitlines()
    except (OSError, UnicodeDecodeError):
        return []
    found, current = [], None
    for line in lines:
        line = line.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1].strip()
        elif current == group and "=" in line:
            name, _, value = line.partition("=")
            found.append((name.strip(), value.split("[")[0].strip()))
    return found


def entry_points(group: str) -> list[EntryPoint]:
    """Entry points of `group` across `sys.path`; the first distribution of a name wins, as in pip."""
    result: list[EntryPoint] = []
    seen_distributions: set[str] = set()
    for entry in sys.path:
        try:
            names = sorted(os.listdir(entry or "."))
        except OSError:
            continue
        for directory in names:
            if not directory.endswith((".dist-info", ".egg-info")):
                continue
            distribution, version = _distribution(directory)
            key = distribution.lower().replace("-", "_")
            if key in seen_distributions:
                continue
            seen_distributions.add(key)
            for name, value in _read_group(os.path.join(entry or ".", directory, "entry_points.txt"), group):
                result.append(EntryPoint(name, value, distribution, version))
    return result
