"""A time limit for one rule on one report, so that a plugin that loops cannot hold a run.

The limit is an interval timer (SIGALRM) whose handler raises `RuleTimeout` in the rule's own
frame: Python code stops at its next bytecode, and a long regular-expression match stops too
(the matcher checks for signals). `RuleTimeout` is a BaseException, so a rule's ``except
Exception`` cannot swallow it. Timers exist only in the main thread of a process on POSIX;
elsewhere (Windows, a thread of a Dask worker) a rule runs unlimited.

Setting a timer is a system call and a report has a dozen rules, so the rules of one report
share one timer (`clock`): a rule only notes when it starts (`rule_started`), and when the timer
fires the handler stops the rule that has run its time, or sets the timer again for what the
running rule has left.
"""

from __future__ import annotations

import signal
import threading
import time
from contextlib import contextmanager

DEFAULT_SECONDS = 10.0
_EARLY = 0.001  # a timer that fires this close to the end counts as the end


class RuleTimeout(BaseException):
    """A rule ran past its time limit on one report."""


def _can_time() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


_limit = 0.0  # seconds each rule may take in the running `clock` (0: no clock is running)
_started: float | None = None  # when the running rule started (time.monotonic); None between rules


def _expired(signum, frame):
    if not _limit:  # a signal handled late, after its clock ended (delivered to another thread), is dropped
        return
    left = _limit if _started is None else _started + _limit - time.monotonic()
    if left > _EARLY:  # set for a rule that has ended: the one running now has time left
        signal.setitimer(signal.ITIMER_REAL, left)
        return
    signal.setitimer(signal.ITIMER_REAL, _limit)  # the next rule's time
    raise RuleTimeout()


_installed = False  # whether `alarm_handler` has installed the handler (only the main thread times rules)


@contextmanager
def alarm_handler():
    """Install the handler for the block (the one before it comes back at the end): installing
    a handler costs more than some rules' whole check of a report."""
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


def running() -> bool:
    """Whether a `clock` times the rules run now."""
    return _limit > 0


@contextmanager
def clock(seconds: float | None, started: float | None = None):
    """Time each rule of the block to `seconds` (None or 0: no limit) with one timer; `started`:
    the block is itself one rule, started then. A clock inside another (a reader's limit inside
    a check) has the timer to itself and gives it back with what the outer rule has left."""
    global _limit, _started
    if not seconds or not _can_time():
        yield
        return
    outer = (_limit, _started)
    with alarm_handler():
        _limit, _started = seconds, started
        left = seconds if started is None else started + seconds - time.monotonic()
        signal.setitimer(signal.ITIMER_REAL, max(left, _EARLY))
        try:
            yield
        finally:
            _limit, _started = outer
            left = (_limit if _started is None else _started + _limit - time.monotonic()) if _limit else 0
            signal.setitimer(signal.ITIMER_REAL, max(left, _EARLY) if _limit else 0)


def rule_started() -> float:
    """A rule starts: it has the clock's seconds from now (no system call); returns now. Only the
    main thread times its rules: another thread's rules (a Dask worker's, a library user's) leave
    its clock alone."""
    global _started
    now = time.monotonic()
    if threading.current_thread() is threading.main_thread():
        _started = now
    return now


def rule_ended() -> None:
    global _started
    if threading.current_thread() is threading.main_thread():
        _started = None


@contextmanager
def time_limit(seconds: float | None):
    """Raise `RuleTimeout` in the block once it has run `seconds` (None or 0: no limit)."""
    with clock(seconds, time.monotonic()):
        yield
