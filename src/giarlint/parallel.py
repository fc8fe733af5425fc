"""Lint many files, in this process or in ``--jobs N`` worker processes, each result handed on as
soon as it and those before it are done (input order, so the output does not depend on N).

Workers start once. On Linux they are forked from a process that has started no thread yet, with
the registry and linters already built (nothing to import or rebuild); elsewhere they are spawned
and build them in an initializer. Files go out in chunks, and only diagnostics and the small
report-set summaries come back. Workers ignore SIGINT and die on SIGTERM: the main process
handles Ctrl-C and termination. On the way out it asks the workers to stop (SIGUSR1: a busy one
drops its chunk, an idle one takes no more) and waits for the executor to end them, so none is
left behind and none dies half-way through sending a result, which would leave the executor
waiting for the rest for ever; a worker that does not stop within `STOP_GRACE`, or any worker
once a second Ctrl-C comes, is killed. (SIGUSR1 is blocked in the main thread while a pool is
up, so that workers are born with it blocked and take it only once they have its handler.) A
main process killed outright leaves workers that end themselves within a second. A worker that
dies (out of memory, a plugin ending its process), busy or idle, costs only the file it was
checking: `concurrent.futures` notices it (a `multiprocessing.Pool` waits for ever for the lost
results, or hangs in `terminate` when the worker died idle).
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from collections import deque
from itertools import chain, islice
from typing import Iterable, Iterator

from giarlint import interrupts
from giarlint.settings import Settings

_worker_linters = None  # the LinterSet of a worker process
CHUNK = 16  # files per hand-out: small enough to keep both workers busy to the end
ORPHAN_POLL = 0.5  # seconds between a worker's looks at whether the main process is still there
STOP_GRACE = 1.0  # seconds a worker asked to stop has before it is killed (stuck in C code, say)
# none on Windows: workers are terminated there
_STOP = getattr(signal, "SIGUSR1", None) if hasattr(signal, "pthread_sigmask") else None
_stopping = False  # a worker was asked to stop: the run is over
_busy = False  # a worker is in `_lint_chunk`


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
        return Checked(path, self.get(index).worker_died(path, exitcode), cacheable=False)


def _start_worker(settings: list[Settings] | None, load_plugins: bool, views: bool, parent: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group: the parent decides
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # a forked worker must not inherit the parent's handler
    threading.Thread(target=_end_when_orphaned, args=(parent,), daemon=True).start()
    if _STOP is not None:  # born with it blocked (`_in_pool`): one sent already arrives now
        signal.signal(_STOP, _stop)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {_STOP})
    global _worker_linters
    if settings is not None:  # spawned: build what a forked worker inherits
        from giarlint.plugins import build_registry

        _worker_linters = LinterSet(build_registry(load_plugins=load_plugins), settings, views)


def _end_when_orphaned(parent: int) -> None:
    """End this worker once the main process is gone. Killed outright (SIGKILL, the out-of-memory
    killer) the main process cannot end its workers, and a worker busy with a report, or waiting
    for work on a queue whose other end it holds itself, would never notice. (`parent` is the main
    process's own id, in case it was gone before this worker started.)"""
    if hasattr(signal, "pthread_sigmask"):  # the rules' time limit is the main thread's signal
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
    while os.getppid() == parent:
        time.sleep(ORPHAN_POLL)
    os._exit(1)


def start_method() -> str:
    """fork where it is safe (Linux, no thread started yet), else spawn."""
    return "fork" if sys.platform.startswith("linux") and threading.active_count() == 1 else "spawn"


def _stop(signum, frame) -> None:
    """The main process is ending the run: drop the chunk in hand (`Terminated` passes through
    plugin code), take no more. A dropped chunk fails, so that it is never taken for done."""
    global _stopping
    _stopping = True
    if _busy:
        raise interrupts.Terminated()


def _lint_chunk(tasks: list[tuple[str, int]]) -> list:
    global _busy
    try:
        _busy = True  # (a stop just before this is seen below)
        if _stopping:
            raise interrupts.Terminated()
        return [_worker_linters.lint(task) for task in tasks]
    finally:
        _busy = False


def _end(workers: list, wait: bool) -> None:
    """Ask the live `workers` to stop (`wait`), or kill them. A process already reaped is not
    signalled: its id may be another process's by now."""
    for process in workers:
        if process.exitcode is not None:
            continue
        if wait and _STOP is not None:
            try:
                os.kill(process.pid, _STOP)
            except ProcessLookupError:
                pass
        elif wait:
            process.terminate()
        else:
            process.kill()


class _WorkerDied(Exception):
    """A worker process ended (killed for want of memory, or a plugin ended it): the chunks that
    were out with it are in `out`, in order, their futures done or broken."""

    def __init__(self, exitcode: int | None):
        super().__init__(exitcode)
        self.exitcode = exitcode


def _chunks(tasks: Iterator, size: int) -> Iterator[list]:
    while True:
        chunk = list(islice(tasks, size))
        if not chunk:
            return
        yield chunk


def _exitcode(workers: list) -> int | None:
    """The exit code of the worker that died first (the executor ends the others with SIGTERM).
    The executor's own thread reaps the workers too: the code may take a moment to show."""
    deadline = time.monotonic() + 2
    while True:
        codes = [process.exitcode for process in workers if process.exitcode not in (None, 0)]
        if codes or time.monotonic() > deadline:
            return next((code for code in codes if code != -signal.SIGTERM), codes[0] if codes else None)
        time.sleep(0.01)


def _in_pool(context, jobs: int, initargs: tuple, chunks: Iterator[list], out: deque) -> Iterator:
    """The results of `chunks`, in order, from a `ProcessPoolExecutor` of `jobs` workers. At most
    two chunks a worker are out at a time, kept in `out` (chunk, future; no future when the pool
    broke as it was handed out) until their results are handed on, so that when a worker dies
    (`_WorkerDied`: the executor finds out, busy or idle) the files that may have killed it are
    known and few. Ctrl-C, SIGTERM or an error asks the workers to stop and waits for them
    (module docstring)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    before = set(multiprocessing.active_children())
    executor, workers, finished = None, [], False
    blocked = _STOP is not None and _STOP not in signal.pthread_sigmask(signal.SIG_BLOCK, {_STOP})
    try:
        executor = ProcessPoolExecutor(jobs, mp_context=context, initializer=_start_worker, initargs=initargs)
        while True:
            while len(out) < 2 * jobs:
                chunk = next(chunks, None)
                if chunk is None:
                    break
                try:
                    out.append((chunk, executor.submit(_lint_chunk, chunk)))
                except BrokenProcessPool:  # a worker died since the last result: this chunk is not out
                    out.append((chunk, None))
                    raise _WorkerDied(_exitcode(workers)) from None
                # the workers so far (under fork all start at the first submit, under spawn one by
                # one as work comes): kept, so that a dead one's exit code can be read and none is
                # missed when the pool is ended
                workers += [process for process in multiprocessing.active_children()
                            if process not in before and process not in workers]
            if not out:
                break
            try:
                results = out[0][1].result()
            except BrokenProcessPool:
                raise _WorkerDied(_exitcode(workers)) from None
            out.popleft()
            yield from results
        finished = True
    finally:
        try:
            if executor is not None:
                _shut(executor, workers, finished)
        finally:
            if blocked:
                signal.pthread_sigmask(signal.SIG_UNBLOCK, {_STOP})


def _shut(executor, workers: list, finished: bool) -> None:
    """End the pool. Waiting: the executor's thread must be gone before the interpreter's exit
    hook for it runs (it races that thread's closing of its pipe: an EBADF traceback). Ended
    early (interrupted, an error, a dead worker), the workers are asked to stop, and killed after
    `STOP_GRACE`, or at once on a second interrupt while waiting."""
    killer = None
    try:
        if not finished:
            _end(workers, wait=True)
            killer = threading.Timer(STOP_GRACE, _end, (workers, False))
            killer.daemon = True
            killer.start()
        executor.shutdown(wait=True, cancel_futures=not finished)
    except BaseException:  # a second Ctrl-C or SIGTERM: no more waiting
        _end(workers, wait=False)
        raise
    finally:
        if killer is not None:
            killer.cancel()
            killer.join()


def lint_files(tasks: Iterable[tuple[str, int]], linters: LinterSet, jobs: int, load_plugins: bool) -> Iterator:
    """The `LinterSet.lint` answer of each (path, settings index) task, in task order, as they finish.

    When a worker dies, the chunks that were out keep their order: those done are handed on, the
    files of the others are checked again one at a time, each in a worker of its own, and the one
    whose worker dies again gets a GIA001 saying so; then the run goes on in a new pool."""
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
        initargs = (None, load_plugins, linters.views, os.getpid())
    else:
        initargs = (linters.settings, load_plugins, linters.views, os.getpid())
    context = multiprocessing.get_context(method)
    chunks = _chunks(iter(tasks), CHUNK)
    try:
        while True:
            out: deque = deque()
            try:
                yield from _in_pool(context, jobs, initargs, chunks, out)
                return
            except _WorkerDied:
                pass
            for chunk, future in out:
                if future is None:  # never handed out (the last one): it goes first to the next pool
                    chunks = chain([chunk], chunks)
                    continue
                if future.done() and not future.cancelled() and future.exception() is None:
                    yield from future.result()  # finished before the worker died
                    continue
                for task in chunk:
                    try:
                        yield from _in_pool(context, 1, initargs, iter([[task]]), deque())
                    except _WorkerDied as died:
                        yield linters.lost(task, died.exitcode)
    finally:
        _worker_linters = None
