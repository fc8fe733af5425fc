"""Load the declarative data under ``rules/`` once per process.

Parsing YAML (and importing PyYAML) is a large part of a cold start, and pre-commit starts
giarlint on every commit. So each parsed file is kept as JSON in a cache directory, keyed by
the file's path, size and modification time; a hit needs neither PyYAML nor a parse. The cache
is an optimisation only: any error reading or writing it falls back to parsing the YAML.
Set ``GIARLINT_NO_CACHE=1`` to bypass it, ``GIARLINT_CACHE_DIR`` to move it.
"""

from __future__ import annotations

import json
import os
import zlib
from functools import lru_cache
from typing import Any

from giarlint.resources import data_dir


def cache_dir() -> str:
    configured = os.environ.get("GIARLINT_CACHE_DIR")
    if configured:
        return configured
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "giarlint")


def _parse_yaml(path) -> Any:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with open(path, encoding="utf-8") as handle:
        return yaml.load(handle, Loader=loader)


def load_yaml(path) -> Any:
    """The parsed YAML file (a path as str or Path), from the JSON cache when it is current."""
    if os.environ.get("GIARLINT_NO_CACHE"):
        return _parse_yaml(path)
    try:
        stat = os.stat(path)
    except OSError:
        return _parse_yaml(path)  # let the parser raise its own, clearer error
    where = zlib.crc32(os.path.abspath(path).encode("utf-8"))  # zlib: hashlib costs start-up time
    stem = os.path.splitext(os.path.basename(path))[0]
    same_file = f"{stem}-{where:08x}-"
    cached = os.path.join(cache_dir(), f"{same_file}{stat.st_size}-{stat.st_mtime_ns}.json")
    try:
        with open(cached, encoding="utf-8") as handle:
            return json.load(handle)
    except (OSError, ValueError):
        pass
    data = _parse_yaml(path)
    try:
        os.makedirs(os.path.dirname(cached), exist_ok=True)
        partial = f"{cached}.{os.getpid()}.tmp"
        dumped = json.dumps(data, ensure_ascii=False)
        if json.loads(dumped) != data:  # e.g. integer keys or dates: JSON cannot hold them
            return data
        with open(partial, "w", encoding="utf-8") as handle:
            handle.write(dumped)
        os.replace(partial, cached)
        _remove_older(os.path.dirname(cached), same_file, os.path.basename(cached))
    except (OSError, TypeError, ValueError):
        pass  # an unwritable cache or data JSON cannot hold: parse again next time
    return data


def _remove_older(directory: str, prefix: str, current: str) -> None:
    """Drop the entries of earlier versions of the same file (an edited configuration file
    would otherwise leave one behind per edit)."""
    for name in os.listdir(directory):
        if name.startswith(prefix) and name != current and name.endswith(".json"):
            try:
                os.remove(os.path.join(directory, name))
            except OSError:
                pass


@lru_cache(maxsize=None)
def rules_data(name: str) -> Any:
    """The parsed ``rules/<name>.yaml``."""
    return load_yaml(os.path.join(data_dir("rules"), f"{name}.yaml"))
