"""Run settings and code selection (flake8/ruff semantics).

Without `select`, every code that is on by default is checked. A `select` or `extend-select`
entry is a code prefix and also turns on codes that are off by default. Between a matching
select and ignore entry, the longer prefix wins; on a tie, ignore wins.
"""

from __future__ import annotations

import fnmatch
import os
from typing import NamedTuple


class Settings(NamedTuple):
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_file_ignores: dict[str, tuple[str, ...]] = {}
    lang: str = "zh"
    encoding: str | None = None
    format_version: str | None = None
    rule_options: dict[str, dict] = {}
    exclude: tuple[str, ...] = ()
    include: tuple[str, ...] = ()  # globs of the reports: a walk checks only these, each as a report
    root: str | None = None  # directory of the configuration file; globs are relative to it
    config_path: str | None = None  # the file these settings came from, for messages
    hook: bool = False  # run by the pre-commit hook (``--hook``): its advice fits pre-commit
    time_limit: float = 10.0  # seconds one rule may take on one report (0: no limit); `giarlint.budget`

    def is_selected(self, code: str, on_by_default: bool, extra_ignore: tuple[str, ...] = ()) -> bool:
        """`extra_ignore` (a file's per-file-ignores) always wins, as in ruff: it names files
        where the codes make no sense, whatever the selection says."""
        if any(code.startswith(prefix) for prefix in extra_ignore):
            return False
        chosen = (self.select or ()) + self.extend_select
        select_len = max((len(p) for p in chosen if code.startswith(p)), default=-1)
        ignore_len = max((len(p) for p in self.ignore if code.startswith(p)), default=-1)
        if select_len < 0:
            if self.select is not None or not on_by_default:
                return False
            select_len = 0
        return select_len > ignore_len

    def ignores_for(self, path: str) -> tuple[str, ...]:
        """The code prefixes `per_file_ignores` adds for `path`."""
        return tuple(
            prefix
            for pattern, prefixes in self.per_file_ignores.items()
            if self.matches(pattern, path)
            for prefix in prefixes
        )

    def is_excluded(self, path: str) -> bool:
        return any(self.matches(pattern, path) for pattern in self.exclude)

    def is_included(self, path: str) -> bool | None:
        """True when `include` names the path, False when it names others only, None without `include`."""
        if not self.include:
            return None
        return any(self.matches(pattern, path) for pattern in self.include)

    def matches(self, pattern: str, path: str) -> bool:
        """fnmatch `pattern` against the path relative to `root`, the path as given, or its name."""
        candidates = [path.replace(os.sep, "/"), os.path.basename(path)]
        if self.root is not None and path != "-":
            relative = os.path.relpath(os.path.abspath(path), self.root)
            if not relative.startswith(".."):
                candidates.insert(0, relative.replace(os.sep, "/"))
        pattern = pattern.rstrip("/")
        return any(
            fnmatch.fnmatchcase(candidate, pattern) or fnmatch.fnmatchcase(candidate, pattern + "/*")
            for candidate in candidates
        )
