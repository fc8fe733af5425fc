"""Regular expressions compiled on first use.

A rule module holds patterns for checks that a run may not reach (a code not selected, a table
a report lacks); compiling a class of CJK characters costs Python's regex compiler a millisecond
or more, so each is compiled the first time it is used, with `re.compile` (whose own cache keeps
it for the rest of the process).
"""

from __future__ import annotations

import re


class LazyPattern:
    """Behaves like the compiled pattern; compiles it the first time it is used. Each attribute
    asked for (``match``, ``sub`` …) is then kept on the instance, so a pattern used on every
    cell of a table costs what the compiled one costs, not a `__getattr__` call each time."""

    __slots__ = ("_source", "_flags", "_compiled", "__dict__")

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
        if name.startswith("_"):  # its own slots, and what pickle and copy look for: not the pattern's
            raise AttributeError(name)
        value = getattr(self.compiled, name)
        setattr(self, name, value)  # a compiled pattern's attributes never change
        return value

    def __reduce__(self):
        return LazyPattern, (self._source, self._flags)


def lazy(source: str, flags: int = 0) -> LazyPattern:
    """A pattern that costs nothing until a check uses it."""
    return LazyPattern(source, flags)


def compile(source: str, flags: int = 0) -> re.Pattern:  # noqa: A001 - kept for plugins that call it
    """`re.compile`: a pattern compiled now."""
    return re.compile(source, flags)
