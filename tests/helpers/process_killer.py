"""A rule plugin that ends its own process, as the system's out-of-memory killer would, on a
report whose path holds ``poison`` (and does nothing on the others)."""

from __future__ import annotations

import os
import signal

from giarlint.catalogue import CodeDoc
from giarlint.hookspecs import hookimpl
from giarlint.rule import Rule


class KillsItsProcess(Rule):
    name = "kills-its-process"

    def catalogue(self):
        text = {"zh": "测试用：终止进程", "en": "test only: ends its process"}
        return {"HOS401": CodeDoc("HOS401", self.name, "W", True, text, text, "", "", {"default": text})}

    def check(self, report, context):
        if "poison" in report.path:
            os.kill(os.getpid(), signal.SIGKILL)
        return []


class Plugin:
    @hookimpl
    def giarlint_rules(self):
        return [KillsItsProcess()]


plugin = Plugin()
