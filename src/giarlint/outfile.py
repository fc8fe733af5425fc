"""Writing giarlint's own output files (``--output-file``) safely: never over one of the reports
being checked, and atomically (a temporary file in the same directory, then a rename), so a
reader of the file sees the old output or the new one, never half of it."""

from __future__ import annotations

import os
import tempfile
from typing import Iterable


class OutputFileError(Exception):
    """The output file cannot or must not be written (a usage error: exit 2)."""


def _same(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


def refuse_inputs(target: str, inputs: Iterable[str]) -> None:
    """Raise `OutputFileError` when `target` is one of `inputs` (by any name: links, ./, ..)."""
    for path in inputs:
        if path != "-" and _same(target, path):
            raise OutputFileError(f"refusing to write the output to {target!r}: it is one of the checked files")


def write_atomically(target: str, text: str, encoding: str = "utf-8") -> None:
    """Write `text` to `target` through a temporary file in its directory and `os.replace`; the
    file gets the permissions a new file would (the umask's), or those of the file it replaces."""
    directory = os.path.dirname(os.path.abspath(target))
    try:
        mode = os.stat(target).st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    try:
        handle, temporary = tempfile.mkstemp(prefix=".giarlint-", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise OutputFileError(f"cannot write {target!r}: {exc.strerror or exc}") from exc
    try:
        with os.fdopen(handle, "w", encoding=encoding, newline="") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except OSError as exc:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise OutputFileError(f"cannot write {target!r}: {exc.strerror or exc}") from exc
