"""Baselines: the known findings of a repository, so that turning giarlint on fails only on new ones.

A finding is known by its path (relative to the baseline file), its code and the text it points
at, not by its line: adding a paragraph above a known defect does not make it new. Identical keys
are counted. Entries of checked files that no longer occur are stale: the caller reports them.
"""

from __future__ import annotations

import json
import os
from collections import Counter

from giarlint.outfile import write_atomically
from giarlint.snippets import Sources

MARKER = "giarlint-baseline"
VERSION = 1

Key = tuple[str, str, str]  # path, code, text


class BaselineError(Exception):
    """The baseline file cannot be read or is not a giarlint baseline."""


def _relative(path: str, base_dir: str) -> str:
    if path == "-" or not os.path.exists(path):
        return path.replace(os.sep, "/")
    return os.path.relpath(os.path.abspath(path), base_dir).replace(os.sep, "/")


def key_of(diagnostic, sources: Sources, base_dir: str) -> Key:
    return (_relative(diagnostic.path, base_dir), diagnostic.code, sources.pointed_text(diagnostic))


def write_baseline(file: str, diagnostics, sources: Sources) -> int:
    """Record `diagnostics` in `file`; return how many entries (distinct keys) were written."""
    base_dir = os.path.dirname(os.path.abspath(file))
    counts = Counter(key_of(d, sources, base_dir) for d in diagnostics)
    entries = [
        {"path": path, "code": code, "text": text, "count": count}
        for (path, code, text), count in sorted(counts.items())
    ]
    text = json.dumps({MARKER: VERSION, "findings": entries}, ensure_ascii=False, indent=2) + "\n"
    write_atomically(file, text)  # a lone surrogate (a name that is not UTF-8) becomes JSON's \udcxx
    return len(entries)


def load_baseline(file: str) -> Counter:
    try:
        with open(file, encoding="utf-8") as handle:
            raw = json.load(handle)
    except OSError as exc:
        raise BaselineError(f"{file}: cannot read the baseline: {exc.strerror or exc}") from exc
    except ValueError as exc:  # UnicodeDecodeError too
        raise BaselineError(f"{file}: not a JSON baseline: {exc}") from exc
    except RecursionError:
        raise BaselineError(f"{file}: not a giarlint baseline: nested too deeply") from None
    if not isinstance(raw, dict) or raw.get(MARKER) != VERSION:
        raise BaselineError(f"{file}: not a giarlint baseline (version {VERSION}); write one with --write-baseline")
    entries = raw.get("findings")
    if not isinstance(entries, list):
        raise BaselineError(f"{file}: malformed baseline: `findings` must be a list of entries")
    known: Counter = Counter()
    for number, entry in enumerate(entries, 1):
        problem = _entry_problem(entry)
        if problem:
            raise BaselineError(f"{file}: malformed baseline entry {number}: {problem}")
        known[(entry["path"], entry["code"], entry["text"])] += entry["count"]
    return known


def _entry_problem(entry) -> str | None:
    if not isinstance(entry, dict):
        return "not a mapping"
    for key in ("path", "code", "text"):
        if not isinstance(entry.get(key), str):
            return f"`{key}` must be text"
    count = entry.get("count")
    if type(count) is not int or not 1 <= count <= 10**9:
        return f"`count` must be a whole number from 1 to 10⁹, not {count!r:.40}"
    return None


def compare(file: str, known: Counter, diagnostics, sources: Sources, checked_paths) -> tuple[list, list[tuple[Key, int]]]:
    """(findings not in the baseline, stale entries of the checked files with their unmatched counts)."""
    base_dir = os.path.dirname(os.path.abspath(file))
    remaining = Counter(known)
    new = []
    for diagnostic in diagnostics:
        key = key_of(diagnostic, sources, base_dir)
        if remaining[key] > 0:
            remaining[key] -= 1
        else:
            new.append(diagnostic)
    checked = {_relative(path, base_dir) for path in checked_paths}
    stale = [(key, count) for key, count in sorted(remaining.items()) if count > 0 and key[0] in checked]
    return new, stale
