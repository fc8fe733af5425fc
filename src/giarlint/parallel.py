"""Lint many files, in this process or in ``--jobs N`` worker processes, each result handed on as
soon as it and those before it are done (input order, so the output does not depend on N).

Workers start once. On Linux they are forked from a process that has started no thread yet, with
the registry and linters already built (nothing to import or rebuild); elsewhere they are spawned
and build them in an initializer. Files go out in chunks, and only diagnostics and the small
report-set summaries come back. Workers ignore SIGINT and die on SIGTERM: the main process
handles Ctrl-C and termination, and ends the workers (`Pool.terminate`) on the way out, so none
is left behind. A worker that dies (out of memory, a plugin ending its process) costs only the file
it was checking.
"""

from __future__ import annotations

import signal
import sys
import threading
from collections import deque
from itertools import islice
from typing import Iterable, Iterator

from giarlint.settings import Settings

_worker_linters = None  # the LinterSet of a worker process
CHUNK = 16  # files per hand-out: small enough to keep both workers busy to the end
POLL_SECONDS = 0.5  # how often a wait for results checks that every worker is still alive


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

    def lost(self, task: tuple[str, int], exitcode: int | None):
        """The `giarlint.api.Checked` of a file whose worker process died while checking it."""
        from giarlint.api import Checked

        path, index = task
        return Checked(path, self.get(index).worker_died(path, exitcode))


def _start_worker(settings: list[Settings] | None, load_plugins: bool, views: bool) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group: the parent decides
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # a forked worker must not inherit the parent's handler
    global _worker_linters
    if settings is not None:  # spawned: build what a forked worker inherits
        from giarlint.plugins import build_registry

        _worker_linters = LinterSet(build_registry(load_plugins=load_plugins), settings, views)


def start_method() -> str:
    """fork where it is safe (Linux, no thread started yet), else spawn."""
    return "fork" if sys.platform.startswith("linux") and threading.active_count() == 1 else "spawn"


def _lint_chunk(tasks: list[tuple[str, int]]) -> list:
    return [_worker_linters.lint(task) for task in tasks]


class _WorkerDied(Exception):
    """A worker process ended while files were out (killed for want of memory, or a plugin ended
    it): `multiprocessing.Pool` would wait for its results for ever."""

    def __init__(self, exitcode: int | None):
        super().__init__(exitcode)
        self.exitcode = exitcode


def _chunks(tasks: Iterator, size: int) -> Iterator[list]:
    while True:
        chunk = list(islice(tasks, size))
        if not chunk:
            return
        yield chunk


def _in_pool(context, jobs: int, initargs: tuple, chunks: Iterator[list], out: deque) -> Iterator:
    """The results of `chunks`, in order, from a pool of `jobs` workers. At most two chunks a
    worker are out at a time, kept in `out` (chunk, pending result) until their results are
    handed on, so that when a worker dies (`_WorkerDied`) the files that may have killed it are
    known and few. Ctrl-C, SIGTERM or an error ends the workers (`Pool.terminate`)."""
    import multiprocessing

    before = set(multiprocessing.active_children())
    pool = context.Pool(jobs, initializer=_start_worker, initargs=initargs)
    workers = [process for process in multiprocessing.active_children() if process not in before]
    try:
        while True:
            while len(out) < 2 * jobs:
                chunk = next(chunks, None)
                if chunk is None:
                    break
                out.append((chunk, pool.apply_async(_lint_chunk, (chunk,))))
            if not out:
                break
            while True:
                try:
                    results = out[0][1].get(POLL_SECONDS)
                    break
                except multiprocessing.TimeoutError:
                    dead = next((process for process in workers if not process.is_alive()), None)
                    if dead is not None:
                        raise _WorkerDied(dead.exitcode) from None
            out.popleft()
            yield from results
        pool.close()
    finally:
        pool.terminate()  # also on Ctrl-C, SIGTERM or an error: no worker outlives the run
        pool.join()


def lint_files(tasks: Iterable[tuple[str, int]], linters: LinterSet, jobs: int, load_plugins: bool) -> Iterator:
    """The `LinterSet.lint` answer of each (path, settings index) task, in task order, as they finish.

    When a worker dies, the files that were out are checked again one at a time, each in a
    worker of its own: the one whose worker dies again gets a GIA001 saying so, and the run goes
    on with the others."""
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
    context = multiprocessing.get_context(method)
    chunks = _chunks(iter(tasks), CHUNK)
    try:
        while True:
            out: deque = deque()
            try:
                yield from _in_pool(context, jobs, initargs, chunks, out)
                return
            except _WorkerDied:
                suspects = [task for chunk, _ in out for task in chunk]
            for task in suspects:
                try:
                    yield from _in_pool(context, 1, initargs, iter([[task]]), deque())
                except _WorkerDied as died:
                    yield linters.lost(task, died.exitcode)
    finally:
        _worker_linters = None
