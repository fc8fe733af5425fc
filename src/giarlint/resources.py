"""Find the data directories (`grammar/`, `rules/`) in a wheel and in an editable install.

A wheel carries them as ``giarlint/_data/``; an editable install leaves them at the
repository root, two levels above this package.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


@lru_cache(maxsize=None)
def data_dir(name: str) -> Path:
    """Return the directory holding the shipped `name` data (``grammar`` or ``rules``)."""
    for candidate in (_PACKAGE_DIR / "_data" / name, _PACKAGE_DIR.parent.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"giarlint data directory {name!r} is missing from the installation")
