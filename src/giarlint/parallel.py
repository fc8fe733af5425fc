"""Lint many files, in this process or in ``--jobs N`` worker processes, each result handed on as
soon as it and those before it are done (input order, so the output does not depend on N).

Workers start once. On Linux they are forked from a process that has started no thread yet, with
the registry and linters already built (nothing to import or rebuild); elsewhere they are spawned
and build them in an initializer. Files go out in chunks, and only diagnostics and the small
report-set summaries come back. Workers ignore SIGINT and die on SIGTERM: the main process
handles Ctrl-C and termination, and ends the workers (`Pool.terminate`) on the way out, so none
is left behind.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from typing import Iterable, Iterator

from giarlint.settings import Settings

_worker_linters = None  # the LinterSet of a worker process
CHUNK = 16  # files per hand-out: small enough to keep both workers busy to the end


class LinterSet:
    """One `giarlint.api.Checker` per distinct settings (one per configuration file in use), built on demand."""

    def __init__(self, registry, settings: list[Settings], views: bool = False):
        self.registry = registry
        self.settings = settings
        self.views = views  # also send back each report's plain-data view (`Linter.view`)
        self._checkers: dict[int, object] = {}

    def checker(self, index: int):
        if index not in self._checkers:
            from giarlint.api import Checker

            self._checkers[index] = Checker(self.settings[index], registry=self.registry)
        checker = self._checkers[index]
        checker.views = self.views  # set by `check` once it knows the output format
        return checker

    def get(self, index: int):
        return self.checker(index).linter

    def lint(self, task: tuple[str, int]):
        """The `giarlint.api.Checked` of one (path, settings index) task."""
        path, index = task
        return self.checker(index).check_file(path)


def _start_worker(settings: list[Settings] | None, load_plugins: bool, views: bool) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group: the parent decides
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # a forked worker must not inherit the parent's handler
    global _worker_linters
    if settings is not None:  # spawned: build what a forked worker inherits
        from giarlint.plugins import build_registry

        _worker_linters = LinterSet(build_registry(load_plugins=load_plugins), settings, views)


def _lint_in_worker(task: tuple[str, int]):
    return _worker_linters.lint(task)


def start_method() -> str:
    """fork where it is safe (Linux, no thread started yet), else spawn."""
    return "fork" if sys.platform.startswith("linux") and threading.active_count() == 1 else "spawn"


def lint_files(tasks: Iterable[tuple[str, int]], linters: LinterSet, jobs: int, load_plugins: bool) -> Iterator:
    """The `LinterSet.lint` answer of each (path, settings index) task, in task order, as they finish."""
    if jobs <= 1:
        for task in tasks:
            yield linters.lint(task)
        return
    import multiprocessing  # only parallel runs pay for these imports

    global _worker_linters
    method = start_method()
    if method == "fork":
        for index in range(len(linters.settings)):  # built now, inherited by every worker
            linters.checker(index)
        _worker_linters = linters
        initargs = (None, load_plugins, linters.views)
    else:
        initargs = (linters.settings, load_plugins, linters.views)
    pool = multiprocessing.get_context(method).Pool(jobs, initializer=_start_worker, initargs=initargs)
    try:
        yield from pool.imap(_lint_in_worker, tasks, CHUNK)
        pool.close()
    finally:
        pool.terminate()  # also on Ctrl-C, SIGTERM or an error: no worker outlives the run
        pool.join()
        _worker_linters = None
