"""Lint many files in worker processes (``--jobs N``).

Workers are started with the *spawn* method on every platform and rebuild the plugin registry
themselves: nothing relies on state inherited through fork (flake8's ``--jobs`` broke on that).
Results come back in input order, so the output does not depend on N.
"""

from __future__ import annotations

from giarlint.settings import Settings

_worker_linters = None  # the LinterSet of a worker process, built by `_start_worker`


class LinterSet:
    """One `Linter` per distinct settings (one per configuration file in use), built on demand."""

    def __init__(self, registry, settings: list[Settings], views: bool = False):
        self.registry = registry
        self.settings = settings
        self.views = views  # also send back each report's plain-data view (`Linter.view`)
        self._linters: dict[int, object] = {}

    def get(self, index: int):
        if index not in self._linters:
            from giarlint.linter import Linter

            self._linters[index] = Linter(self.registry, self.settings[index])
        return self._linters[index]

    def lint(self, task: tuple[str, int]):
        """(`FileResult`, converted source or None) of one file. The result carries the summaries the
        report-set rules need instead of the report; what a reader made of a web page, Word or PDF
        file comes back only with summaries, to point report-set findings into the original file."""
        path, index = task
        linter = self.get(index)
        result = linter.check_file(path)
        view = linter.view(result).view if self.views else None
        result = linter.summarize(result)._replace(view=view)
        return result, (linter.converted.get(path) if result.summaries is not None else None)


def _start_worker(settings: list[Settings], load_plugins: bool, views: bool) -> None:
    global _worker_linters
    from giarlint.plugins import build_registry

    _worker_linters = LinterSet(build_registry(load_plugins=load_plugins), settings, views)


def _lint_in_worker(task: tuple[str, int]):
    return _worker_linters.lint(task)


def lint_files(tasks: list[tuple[str, int]], linters: LinterSet, jobs: int, load_plugins: bool) -> list:
    """The `LinterSet.lint` answer of each (path, settings index) task, in task order."""
    jobs = min(jobs, len(tasks))
    if jobs <= 1:
        return [linters.lint(task) for task in tasks]
    import multiprocessing  # only parallel runs pay for these imports
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("spawn")
    chunk = max(1, len(tasks) // (jobs * 8))
    with ProcessPoolExecutor(jobs, mp_context=context, initializer=_start_worker,
                             initargs=(linters.settings, load_plugins, linters.views)) as pool:
        return list(pool.map(_lint_in_worker, tasks, chunksize=chunk))
