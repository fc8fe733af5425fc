"""Tell the user's Ctrl-C from a plugin that raises KeyboardInterrupt itself.

Both arrive as `KeyboardInterrupt`. The first must stop the run; the second is a broken plugin
and must not (it would end a CI job with nothing checked). So SIGINT is marked when it arrives:
a KeyboardInterrupt while no SIGINT was received came from plugin code. A SIGINT handler
installed by someone else calls `mark()`, or giarlint cannot tell and treats the interrupt as
the user's.
"""

from __future__ import annotations

import signal
import threading

_received = False


class Terminated(BaseException):
    """SIGTERM arrived: unwind (ending any worker processes on the way) and exit 143. Like the
    user's Ctrl-C, it passes through plugin code (`giarlint.guard`) untouched."""


def terminate(signum, frame) -> None:
    """The SIGTERM handler of a run."""
    raise Terminated()


def mark() -> None:
    """Record that the user interrupted the run (called from any SIGINT handler)."""
    global _received
    _received = True


def handler(signum, frame) -> None:
    """Python's own SIGINT behaviour (raise KeyboardInterrupt), remembering that it happened."""
    mark()
    raise KeyboardInterrupt


def install() -> None:
    """Put `handler` in place of Python's default one (only that: another handler already
    installed is someone's choice and is left alone). Main thread only, as signal requires."""
    if threading.current_thread() is not threading.main_thread():
        return
    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
        signal.signal(signal.SIGINT, handler)


def from_user() -> bool:
    """Whether a KeyboardInterrupt just caught may be the user's: SIGINT was received, or a
    handler that does not mark it (Python's default, someone else's) is in place. With SIGINT
    ignored or marked-and-not-received, it can only have come from plugin code."""
    if _received:
        return True
    current = signal.getsignal(signal.SIGINT)
    return callable(current) and current is not handler
