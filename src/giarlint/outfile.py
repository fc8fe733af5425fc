"""Writing giarlint's own output files (``--output-file``, ``--write-baseline``, ``convert -o``)
safely: never over one of the reports being checked, never two outputs of a run to one file, and
atomically (a temporary file in the same directory, then a rename), so a reader of the file sees
the old output or the new one, never half of it."""

from __future__ import annotations

import os
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


def refuse_collisions(targets: dict[str, str]) -> None:
    """Raise `OutputFileError` when two inputs (keys) would be written to one output (values)."""
    writer: dict[str, str] = {}
    for source, target in targets.items():
        real = os.path.realpath(target)
        if real in writer:
            raise OutputFileError(f"refusing to write {target!r} twice: both {writer[real]!r} and {source!r} "
                                  f"would be written there")
        writer[real] = source


def write_atomically(target: str, text: str, encoding: str = "utf-8", errors: str = "backslashreplace") -> None:
    """`replace_bytes` of `text` as an output of the run: what the encoding cannot take (a lone
    surrogate from a name that is not UTF-8) is written as a backslash escape, never a failure,
    and a file-system error is an `OutputFileError` (exit 2)."""
    try:
        replace_bytes(target, text.encode(encoding, errors))
    except OSError as exc:
        raise OutputFileError(f"cannot write {target!r}: {exc.strerror or exc}") from exc


def replace_bytes(target: str, data: bytes, sync: bool = True) -> None:
    """Write `data` to `target` through a temporary file in its directory and `os.replace`, so a
    reader sees the old content or the new, never half; the file gets the permissions of the file
    it replaces, or those a new file would (the umask's). `sync=False` skips the fsync, for caches
    that can lose an entry. The one atomic writer of outputs, fixes and cache entries."""
    import tempfile  # (and shutil, random with it) only for a run that writes a file

    directory = os.path.dirname(os.path.abspath(target))
    try:
        mode = os.stat(target).st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    handle, temporary = tempfile.mkstemp(prefix=".giarlint-", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            if sync:
                stream.flush()
                os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise
