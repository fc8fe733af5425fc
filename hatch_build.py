"""Build hook: Lark's standalone parsers of grammar/*.lark are generated into the package when
giarlint is built — a wheel, an sdist or an editable install — so that the repository holds no
copy of Lark's code and an installed giarlint starts without importing Lark
(tools/generate_parsers.py; `giarlint.grammars` falls back to Lark when the file is absent or stale)."""

from __future__ import annotations

import importlib.util
import os

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

GENERATED = "src/giarlint/lark_standalone.py"


class StandaloneParsers(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version, build_data):
        path = os.path.join(self.root, "tools", "generate_parsers.py")
        spec = importlib.util.spec_from_file_location("generate_parsers", path)
        tool = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(tool)
        tool.write_if_stale()
        build_data["artifacts"].append(GENERATED)  # ignored by git, shipped all the same
