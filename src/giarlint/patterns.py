"""Regular expressions compiled on first use, with their compiled programs kept on disk.

CPython's regular-expression compiler is written in Python and is slow on CJK character
classes: a range such as 一-鿿, or a handful of scattered ideographs, costs it a millisecond or
more, and a cold ``giarlint check`` (pre-commit starts one on every commit) compiled a tenth of
its run time away. The compiled program, the list of opcodes the C matcher runs, depends only
on the pattern, its flags and the interpreter, so it is kept in one JSON file per Python build
in giarlint's cache directory and handed straight to the matcher on later runs. This leans on
CPython internals (``re._parser``, ``re._compiler``, ``_sre.compile``), so anything unexpected
(another interpreter, a damaged file, a program the matcher refuses) falls back to
`re.compile`; the matcher validates every program it is given.
"""

from __future__ import annotations

import json
import os
import re
import sys
from array import array

from giarlint.data import cache_dir

MAX_ENTRIES = 500  # patterns with a report's year in them add entries (~2 KB each); start afresh past this

try:
    import _sre

    if sys.version_info >= (3, 11):
        from re import _compiler, _parser
    else:  # pragma: no cover - Python 3.10
        import sre_compile as _compiler
        import sre_parse as _parser
    _CACHE_NAME = f"regex-{sys.implementation.cache_tag}-{sys.hexversion:x}-{_sre.MAGIC}.json"
    if array("I").itemsize != _sre.CODESIZE:  # pragma: no cover - opcodes kept as 4-byte words
        _CACHE_NAME = None
except (ImportError, AttributeError):  # pragma: no cover - not CPython
    _CACHE_NAME = None


class _ProgramCache:
    """Compiled programs by flags and source, read at the first compile and written at exit,
    to the file they were read from."""

    def __init__(self):
        self.programs: dict[str, list] | None = None
        self.file: str | None = None
        self.added = False

    def load(self) -> dict[str, list]:
        if self.programs is None:
            self.file = os.path.join(cache_dir(), _CACHE_NAME)
            try:
                with open(self.file, encoding="utf-8") as handle:
                    programs = json.load(handle)
                self.programs = programs if isinstance(programs, dict) else {}
            except (OSError, ValueError):
                self.programs = {}
        return self.programs

    def add(self, key: str, program: list) -> None:
        programs = self.load()
        if len(programs) >= MAX_ENTRIES:
            programs.clear()
        programs[key] = program
        if not self.added:
            import atexit

            atexit.register(self.save)
            self.added = True

    def save(self) -> None:
        """Write the programs (best effort: a cache that cannot be written is skipped)."""
        if not self.added:
            return
        try:
            os.makedirs(os.path.dirname(self.file), exist_ok=True)
            partial = f"{self.file}.{os.getpid()}.tmp"
            with open(partial, "w", encoding="utf-8") as handle:
                json.dump(self.programs, handle, ensure_ascii=False, separators=(",", ":"))
            os.replace(partial, self.file)
        except (OSError, TypeError, ValueError):
            pass


_CACHE = _ProgramCache()


def _program(source: str, flags: int) -> list:
    """What `re.compile` hands the C matcher: flags, opcodes (in hexadecimal: a string loads
    from JSON far faster than a list of numbers), group count, names of groups."""
    parsed = _parser.parse(source, flags)
    code = _compiler._code(parsed, flags)
    state = parsed.state
    return [flags | state.flags, array("I", code).tobytes().hex(), state.groups - 1, dict(state.groupdict)]


def _from_program(source: str, program: list) -> re.Pattern:
    flags, opcodes, groups, groupindex = program
    code = array("I", bytes.fromhex(opcodes)).tolist()
    indexgroup = [None] * (groups + 1)
    for name, index in groupindex.items():
        indexgroup[index] = name
    return _sre.compile(source, flags, code, groups, groupindex, tuple(indexgroup))


def compile(source: str, flags: int = 0) -> re.Pattern:  # noqa: A001 - mirrors re.compile
    """`re.compile`, from the cached program when there is one."""
    flags = int(flags)
    if _CACHE_NAME is None or os.environ.get("GIARLINT_NO_CACHE"):
        return re.compile(source, flags)
    key = f"{flags}:{source}"
    program = _CACHE.load().get(key)
    if program is not None:
        try:
            return _from_program(source, program)
        except Exception:  # a damaged entry: compile afresh below and replace it
            pass
    try:
        program = _program(source, flags)
        pattern = _from_program(source, program)
    except re.error:
        raise
    except Exception:  # internals not as expected: the plain way, uncached
        return re.compile(source, flags)
    _CACHE.add(key, program)
    return pattern


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
            self._compiled = compile(self._source, self._flags)
        return self._compiled

    def __getattr__(self, name: str):
        return getattr(self.compiled, name)


def lazy(source: str, flags: int = 0) -> LazyPattern:
    """A pattern that costs nothing until a check uses it."""
    return LazyPattern(source, flags)
