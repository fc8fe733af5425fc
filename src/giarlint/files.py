"""Reading inputs without surprises (writing outputs is `giarlint.outfile`'s job).

Only regular files are read (a FIFO would block, ``/dev/zero`` never ends), their size is
checked with ``stat`` before a byte is read, and reading stops at the cap even if the file
grows meanwhile.
"""

from __future__ import annotations

import os
import stat
from typing import BinaryIO

MAX_BYTES = 16 * 1024 * 1024  # a real report is well under 1 MB; larger input is not a report
_CHUNK = 1024 * 1024

_KINDS = (
    (stat.S_ISFIFO, "FIFO"),
    (stat.S_ISCHR, "character device"),
    (stat.S_ISBLK, "block device"),
    (stat.S_ISSOCK, "socket"),
    (stat.S_ISDIR, "directory"),
)


class NotRegularFile(OSError):
    """A path that is not a regular file (a FIFO, a device, a socket): never read."""

    def __init__(self, path: str, kind: str):
        super().__init__(f"not a regular file ({kind})")
        self.path = path
        self.kind = kind


class TooLarge(OSError):
    """A file over the size cap; `size` is what stat said, or at least what was read."""

    def __init__(self, path: str, size: int, limit: int):
        super().__init__(f"{size} bytes, over the {limit}-byte limit")
        self.path = path
        self.size = size
        self.limit = limit


def special_kind(mode: int) -> str | None:
    """What a non-regular file is ("FIFO", "character device"…); None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    return next((name for test, name in _KINDS if test(mode)), "special file")


def kind_of(path: str) -> str | None:
    """`special_kind` of what `path` leads to (symlinks followed); None for a regular file or
    a path that cannot be stat'ed (opening it reports why)."""
    try:
        return special_kind(os.stat(path).st_mode)
    except (OSError, ValueError):
        return None


def read_capped(path: str, limit: int = MAX_BYTES) -> bytes:
    """The bytes of a regular file of at most `limit` bytes.

    Raises `NotRegularFile`, `TooLarge` or another OSError. The file is stat'ed before it is
    opened (a FIFO is never opened), opened without blocking and stat'ed again (it may have
    been swapped meanwhile), and read no further than the cap."""
    kind = special_kind(os.stat(path).st_mode)
    if kind is not None:
        raise NotRegularFile(path, kind)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    descriptor = os.open(path, flags)
    with open(descriptor, "rb", buffering=0, closefd=True) as handle:
        info = os.fstat(descriptor)
        kind = special_kind(info.st_mode)
        if kind is not None:
            raise NotRegularFile(path, kind)
        if info.st_size > limit:
            raise TooLarge(path, info.st_size, limit)
        return read_stream(handle, limit, path)


def read_stream(stream: BinaryIO, limit: int = MAX_BYTES, name: str = "-") -> bytes:
    """At most `limit` bytes of a stream; `TooLarge` as soon as there is one more."""
    chunks, total = [], 0
    while total <= limit:
        chunk = stream.read(min(_CHUNK, limit + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    if total > limit:
        raise TooLarge(name, total, limit)
    return b"".join(chunks)


def identity(path: str) -> tuple[int, int] | None:
    """(device, inode) of the file a path leads to, or None when there is none yet."""
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    return info.st_dev, info.st_ino
