"""Load the declarative data under ``rules/`` once per process.

Uses libyaml's C loader when the installed PyYAML has it: parsing the data files is on the
start-up path of every pre-commit run.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from giarlint.resources import data_dir

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(path: Path) -> Any:
    with open(path, encoding="utf-8") as handle:
        return yaml.load(handle, Loader=_Loader)


@lru_cache(maxsize=None)
def rules_data(name: str) -> Any:
    """The parsed ``rules/<name>.yaml``."""
    return load_yaml(data_dir("rules") / f"{name}.yaml")
