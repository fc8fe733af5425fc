"""A rule plugin that ends processes the way the system's out-of-memory killer would, chosen by
the report's file name (and only when GIARLINT_TEST_KILL=1, so that a later run with the same
plugins and cache can check the file for real):

- ``poison``: kills its own worker (SIGKILL);
- ``exits``: its worker exits with status 3 (``os._exit``);
- ``slow``: kills its sibling workers, busy or idle, then takes a second and a half.
"""

from __future__ import annotations

import os
import signal
import time

from giarlint.catalogue import CodeDoc
from giarlint.hookspecs import hookimpl
from giarlint.rule import Rule


def _siblings() -> list[int]:
    """The other children of this process's parent (Linux's /proc)."""
    parent, found = os.getppid(), []
    for entry in os.listdir("/proc"):
        if entry.isdigit() and int(entry) != os.getpid():
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as handle:
                    fields = handle.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == parent:
                found.append(int(entry))
    return found


class KillsProcesses(Rule):
    name = "kills-processes"

    def catalogue(self):
        text = {"zh": "测试用：终止进程", "en": "test only: ends processes"}
        return {"HOS401": CodeDoc("HOS401", self.name, "W", True, text, text, "", "", {"default": text})}

    def check(self, report, context):
        if os.environ.get("GIARLINT_TEST_KILL") == "1":
            name = os.path.basename(report.path)
            if "poison" in name:
                os.kill(os.getpid(), signal.SIGKILL)
            if "exits" in name:
                os._exit(3)
            if "slow" in name:
                for pid in _siblings():
                    os.kill(pid, signal.SIGKILL)
                time.sleep(1.5)
        return []


class Plugin:
    @hookimpl
    def giarlint_rules(self):
        return [KillsProcesses()]


plugin = Plugin()
