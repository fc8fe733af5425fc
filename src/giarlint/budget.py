"""A time limit for one rule on one report, so that a plugin that loops cannot hold a run.

The limit is an interval timer (SIGALRM) whose handler raises `RuleTimeout` in the rule's own
frame: Python code stops at its next bytecode, and a long regular-expression match stops too
(the matcher checks for signals). `RuleTimeout` is a BaseException, so a rule's ``except
Exception`` cannot swallow it. Timers exist only in the main thread of a process on POSIX;
elsewhere (Windows, a thread of a Dask worker) a rule runs unlimited.
"""

from __future__ import annotations

import signal
import threading
from contextlib import contextmanager

DEFAULT_SECONDS = 10.0


class RuleTimeout(BaseException):
    """A rule ran past its time limit on one report."""


def _can_time() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


_armed = False  # whether a `time_limit` is running (its timer set)


def _expired(signum, frame):
    if _armed:  # a signal handled late, after its block ended (delivered to another thread), is dropped
        raise RuleTimeout()


_installed = False  # whether `alarm_handler` has installed the handler (only the main thread times rules)


@contextmanager
def alarm_handler():
    """Install the handler for the block (the one before it comes back at the end), so that the
    `time_limit`s inside it only set the timer: installing a handler costs more than some rules'
    whole check of a report, and a report has a dozen rules."""
    global _installed
    if _installed or not _can_time():
        yield
        return
    previous = signal.signal(signal.SIGALRM, _expired)
    _installed = True
    try:
        yield
    finally:
        _installed = False
        signal.signal(signal.SIGALRM, previous)


@contextmanager
def time_limit(seconds: float | None):
    """Raise `RuleTimeout` in the block once it has run `seconds` (None or 0: no limit)."""
    if not seconds or not _can_time():
        yield
        return
    global _armed
    with alarm_handler():
        _armed = True
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            _armed = False
