"""A progress bar on standard error for long runs in a terminal (tqdm, imported only then).

Never on a pipe, a file, a CI log (``CI`` set), a dumb terminal, with ``-q`` or
``GIARLINT_NO_PROGRESS``; and not for short runs: the bar appears only once a run has taken
`DELAY` seconds and has at least `MIN_FILES` files, so pre-commit's few files never show one.
"""

from __future__ import annotations

import os
import sys

MIN_FILES = 50
DELAY = float(os.environ.get("GIARLINT_PROGRESS_DELAY", "1.0"))  # seconds before the bar appears


class _NoBar:
    def update(self, count: int = 1) -> None:
        pass

    def close(self) -> None:
        pass


def wanted(total: int, quiet: bool, stream=None) -> bool:
    stream = sys.stderr if stream is None else stream
    if quiet or total < MIN_FILES or os.environ.get("CI") or os.environ.get("GIARLINT_NO_PROGRESS"):
        return False
    if os.environ.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def bar(total: int, quiet: bool = False, stream=None):
    """A bar with ``update(n)`` and ``close()``; one that draws nothing when not `wanted`."""
    stream = sys.stderr if stream is None else stream
    if not wanted(total, quiet, stream):
        return _NoBar()
    try:
        from tqdm import tqdm
    except ImportError:  # declared as a dependency; a stripped environment just runs without it
        return _NoBar()
    try:
        width = os.get_terminal_size(stream.fileno()).columns
    except (OSError, ValueError, AttributeError):
        width = 0
    sizing = {"dynamic_ncols": True} if width > 0 else {"ncols": 80}  # a terminal without a size: 80 columns
    return tqdm(total=total, file=stream, unit=" reports", delay=DELAY, leave=False, mininterval=0.2,
                desc="giarlint", **sizing)
