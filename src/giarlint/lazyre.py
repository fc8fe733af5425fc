"""Regular expressions compiled on first use.

CPython compiles patterns over CJK ranges slowly (milliseconds each), and pre-commit pays for
every pattern compiled at start-up. Rule modules declare their patterns with `lazy`, so a run
compiles only the patterns of the checks that actually look at something.
"""

from __future__ import annotations

import re


class LazyPattern:
    """Behaves like the compiled pattern; compiles it the first time it is used."""

    __slots__ = ("_source", "_flags", "_compiled")

    def __init__(self, source: str, flags: int = 0):
        self._source = source
        self._flags = flags
        self._compiled: re.Pattern | None = None

    @property
    def compiled(self) -> re.Pattern:
        if self._compiled is None:
            self._compiled = re.compile(self._source, self._flags)
        return self._compiled

    def __getattr__(self, name: str):
        return getattr(self.compiled, name)


def lazy(source: str, flags: int = 0) -> LazyPattern:
    return LazyPattern(source, flags)
