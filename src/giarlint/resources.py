"""Find the data directories (`grammar/`, `rules/`) in a wheel and in an editable install.

A wheel carries them as ``giarlint/_data/``; an editable install leaves them at the
repository root, two levels above this package.
"""

from __future__ import annotations

import os
from functools import lru_cache

_PACKAGE_DIR = os.path.dirname(os.path.realpath(__file__))  # os.path: pathlib costs start-up time


@lru_cache(maxsize=None)
def data_dir(name: str) -> str:
    """Return the directory holding the shipped `name` data (``grammar`` or ``rules``)."""
    repository = os.path.dirname(os.path.dirname(_PACKAGE_DIR))
    for candidate in (os.path.join(_PACKAGE_DIR, "_data", name), os.path.join(repository, name)):
        if os.path.isdir(candidate):
            return candidate
    raise FileNotFoundError(f"giarlint data directory {name!r} is missing from the installation")
