"""The result cache: a file checked before, with the same bytes, path, settings, giarlint and
plugins, gets its stored result back instead of being linted again (like ruff's cache).

Entries live under ``<cache dir>/results/`` (``GIARLINT_CACHE_DIR``, else the user cache directory;
``--no-cache`` or ``GIARLINT_NO_CACHE=1`` turn it off). An entry is named by a SHA-256 of
everything the result depends on, and holds a checksum of its own bytes: an entry that is cut
short, corrupted or written by another giarlint is dropped and the file linted again. Entries are
written to a temporary file and renamed into place, so runs writing at once (``-j`` workers, two
CI jobs) never see half an entry. The directory is kept under a size bound, oldest entries first.

A result is the file's whole answer: its diagnostics (fixes included), the summaries the
report-set (cross-year) rules need of it, and the reader's conversion; so the cross-year rules
rerun over cached summaries and their findings are always current. Results with GIA099 (a rule
that crashed or ran out of time) are never stored, nor the GIA001 of a file whose worker died.

Entries are pickles: the cache directory is the user's own, like a virtual environment.
"""

from __future__ import annotations

import os
import pickle
import sys

from giarlint import __version__
from giarlint.outfile import replace_bytes

MAGIC = b"giarlint-result-1\n"
DEFAULT_MAX_BYTES = 512 * 1024 * 1024  # GIARLINT_CACHE_MAX_MB overrides
KEEP_FRACTION = 0.8  # pruning goes down to this share of the bound
NEVER_STORED = ("GIA099",)


def _sha256(data: bytes = b""):
    """hashlib's SHA-256, imported on first use: a run without the cache never loads OpenSSL."""
    import hashlib

    return hashlib.sha256(data)


def results_dir() -> str:
    from giarlint.data import cache_dir

    return os.path.join(cache_dir(), "results")


def max_bytes() -> int:
    try:
        return int(float(os.environ["GIARLINT_CACHE_MAX_MB"]) * 1024 * 1024)
    except (KeyError, ValueError):
        return DEFAULT_MAX_BYTES


def _code_fingerprint() -> str:
    """Sizes and times of giarlint's own code and data files: a checkout edited without a new
    version number must not be answered from the cache of the old code."""
    from giarlint.resources import data_dir

    package = os.path.dirname(os.path.abspath(__file__))
    parts = []
    for top in (package, data_dir("rules"), data_dir("grammar")):
        for root, dirs, files in os.walk(top):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            for name in sorted(files):
                if name.endswith((".py", ".yaml", ".yml", ".lark", ".json", ".txt")):
                    try:
                        stat = os.stat(os.path.join(root, name))
                    except OSError:
                        continue
                    parts.append(f"{os.path.relpath(os.path.join(root, name), top)}:{stat.st_size}:{stat.st_mtime_ns}")
    return _sha256("\n".join(parts).encode("utf-8")).hexdigest()


def run_key(registry, views: bool = False) -> str:
    """What every result of a run depends on besides the file and its settings."""
    plugins = sorted(f"{p.name}={p.version}@{p.distribution}" for p in registry.plugins)
    parts = [__version__, sys.version, _code_fingerprint(), *plugins, f"views={views}"]
    return _sha256("\n".join(parts).encode("utf-8")).hexdigest()


class ResultCache:
    """Get and put the results of one run's files. Any error reading or writing the cache only
    means a miss: the cache never makes a run fail."""

    def __init__(self, directory: str, key: str):
        self.directory = directory
        self.run_key = key
        self.written = 0
        self.hits = 0

    def key(self, path: str, data: bytes, settings) -> str:
        digest = _sha256()
        for part in (self.run_key, os.path.abspath(path), path, repr(settings)):
            digest.update(part.encode("utf-8", "surrogateescape") + b"\0")
        digest.update(data)
        return digest.hexdigest()

    def _file(self, key: str) -> str:
        return os.path.join(self.directory, key[:2], key)

    def has(self, key: str) -> bool:
        return os.path.exists(self._file(key))

    def get(self, key: str):
        """The stored result, or None (missing, cut short, corrupted: a bad entry is removed)."""
        name = self._file(key)
        try:
            with open(name, "rb") as handle:
                blob = handle.read()
        except OSError:
            return None
        header = len(MAGIC) + 32
        if blob[: len(MAGIC)] == MAGIC and len(blob) > header:
            payload = blob[header:]
            if _sha256(payload).digest() == blob[len(MAGIC):header]:
                try:
                    value = pickle.loads(payload)
                except Exception:
                    value = None
                if value is not None:
                    self.hits += 1
                    try:
                        os.utime(name)  # recently used: pruned last
                    except OSError:
                        pass
                    return value
        try:
            os.remove(name)
        except OSError:
            pass
        return None

    def put(self, key: str, value) -> None:
        """Store `value` unless it holds a finding that must be recomputed (GIA099) or is not the
        file's answer at all (its worker died: `Checked.cacheable`)."""
        if not getattr(value, "cacheable", True) or any(d.code in NEVER_STORED for d in getattr(value, "diagnostics", ())):
            return
        try:
            payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:  # an unpicklable summary of a plugin: lint the file again next time
            return
        name = self._file(key)
        try:
            os.makedirs(os.path.dirname(name), exist_ok=True)
            replace_bytes(name, MAGIC + _sha256(payload).digest() + payload, sync=False)
            self.written += 1
        except OSError:
            pass

    def finish(self) -> None:
        """After a run's last write: keep the directory within its bound."""
        if self.written:
            self.prune()
            self.written = 0

    def prune(self, limit: int | None = None) -> int:
        """Remove the oldest entries while the directory is over `limit` bytes; how many went."""
        limit = max_bytes() if limit is None else limit
        entries, total = [], 0
        try:
            for bucket in os.scandir(self.directory):
                if not bucket.is_dir():
                    continue
                for entry in os.scandir(bucket.path):
                    try:
                        stat = entry.stat()
                    except OSError:
                        continue
                    entries.append((stat.st_mtime_ns, stat.st_size, entry.path))
                    total += stat.st_size
        except OSError:
            return 0
        removed = 0
        if total <= limit:
            return 0
        for _, size, name in sorted(entries):
            if total <= limit * KEEP_FRACTION:
                break
            try:
                os.remove(name)
            except OSError:
                continue
            total -= size
            removed += 1
        return removed


def for_run(registry, enabled: bool = True, views: bool = False) -> ResultCache | None:
    """The run's cache; None with ``--no-cache``, ``GIARLINT_NO_CACHE`` or ``GIARLINT_NO_RESULT_CACHE``."""
    if not enabled or os.environ.get("GIARLINT_NO_CACHE") or os.environ.get("GIARLINT_NO_RESULT_CACHE"):
        return None
    return ResultCache(results_dir(), run_key(registry, views))


def _read(path: str) -> bytes | None:
    """The file's bytes for its key, or None (unreadable, special, too large: linted as usual)."""
    import stat as stat_module

    from giarlint.linter import MAX_BYTES

    try:
        if not stat_module.S_ISREG(os.stat(path).st_mode):
            return None
        with open(path, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError:
        return None
    return data if len(data) <= MAX_BYTES else None


def through(cache: ResultCache | None, tasks: list, settings_of, lint, lint_one):
    """The answers of ``lint(tasks)`` in task order; those of unchanged files come from `cache`,
    the others are linted (in worker processes too) and stored here, in the main process, as they
    arrive. Each task is ``(path, settings index)``. Only the keys are computed up front (each
    file read and hashed once); entries are read as their turn comes, so results still stream and
    memory stays flat. An entry found bad at its turn is dropped and its file linted by `lint_one`."""
    if cache is None:
        yield from lint(tasks)
        return
    keys = []
    for path, index in tasks:
        data = _read(path)
        keys.append(cache.key(path, data, settings_of(index)) if data is not None else None)
    present = [key is not None and cache.has(key) for key in keys]
    linted = iter(lint([task for task, hit in zip(tasks, present) if not hit]))
    last = max((n for n, key in enumerate(keys) if key is not None), default=-1)
    for number, task in enumerate(tasks):
        answer = cache.get(keys[number]) if present[number] else None
        if answer is None:
            answer = next(linted) if not present[number] else lint_one(task)
            if keys[number] is not None:
                cache.put(keys[number], answer)
        if number == last:
            cache.finish()  # before the last answer: a consumer need not ask past it
        yield answer
