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
from pathlib import Path
from typing import Any

from giarlint.resources import data_dir


def cache_dir() -> Path:
    configured = os.environ.get("GIARLINT_CACHE_DIR")
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "giarlint"


def _parse_yaml(path: Path) -> Any:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with open(path, encoding="utf-8") as handle:
        return yaml.load(handle, Loader=loader)


def load_yaml(path: Path) -> Any:
    """The parsed YAML file, from the JSON cache when it is current."""
    if os.environ.get("GIARLINT_NO_CACHE"):
        return _parse_yaml(path)
    try:
        stat = os.stat(path)
    except OSError:
        return _parse_yaml(path)  # let the parser raise its own, clearer error
    where = zlib.crc32(os.path.abspath(path).encode("utf-8"))  # zlib: hashlib costs start-up time
    cached = cache_dir() / f"{Path(path).stem}-{where:08x}-{stat.st_size}-{stat.st_mtime_ns}.json"
    try:
        with open(cached, encoding="utf-8") as handle:
            return json.load(handle)
    except (OSError, ValueError):
        pass
    data = _parse_yaml(path)
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        partial = cached.with_suffix(f".{os.getpid()}.tmp")
        dumped = json.dumps(data, ensure_ascii=False)
        if json.loads(dumped) != data:  # e.g. integer keys or dates: JSON cannot hold them
            return data
        partial.write_text(dumped, encoding="utf-8")
        os.replace(partial, cached)
    except (OSError, TypeError, ValueError):
        pass  # an unwritable cache or data JSON cannot hold: parse again next time
    return data


@lru_cache(maxsize=None)
def rules_data(name: str) -> Any:
    """The parsed ``rules/<name>.yaml``."""
    return load_yaml(data_dir("rules") / f"{name}.yaml")
