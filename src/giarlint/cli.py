"""The ``giarlint`` command. Exit codes: 0 clean, 1 findings, 2 usage, configuration or internal error."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from typing import Sequence

from giarlint import __version__
from giarlint.commands import COMMAND_MODULES
from giarlint.commands.common import UsageError
from giarlint.plugins import PluginError, build_registry


def _commands() -> dict:
    modules = (importlib.import_module(name) for name in COMMAND_MODULES)
    return {module.NAME: module for module in modules}


def build_parser(commands: dict, chosen: str | None = None) -> argparse.ArgumentParser:
    """The parser; only the chosen sub-command gets its options (building them all costs
    start-up time, and every sub-command is still listed by ``--help``)."""
    parser = argparse.ArgumentParser(prog="giarlint", description="Lint 政府信息公开工作年度报告 (annual reports).")
    parser.add_argument("--version", action="store_true", help="print the version and the loaded plugins")
    sub = parser.add_subparsers(dest="command")
    for name, module in commands.items():
        command_parser = sub.add_parser(name, help=module.HELP)
        if chosen is None or name == chosen:
            module.add_arguments(command_parser)
    return parser


def _version() -> str:
    lines = [f"giarlint {__version__}"]
    try:
        registry = build_registry()
    except PluginError as exc:
        return lines[0] + f"\n(plugins failed to load: {exc})"
    lines.extend(
        f"  plugin {p.name} {p.version}" + (f" ({p.distribution})" if p.distribution else "") for p in registry.plugins
    )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    commands = _commands()
    if argv and argv[0] not in commands and not argv[0].startswith("-"):
        argv.insert(0, "check")  # `giarlint report.txt` works like flake8
    chosen = next((word for word in argv if word in commands), None)  # None: build every sub-command
    parser = build_parser(commands, chosen)
    args = parser.parse_args(argv)
    if args.version:
        print(_version())
        return 0
    if args.command is None:
        parser.print_help()
        return 2
    try:
        return commands[args.command].run(args)
    except (UsageError, PluginError) as exc:
        sys.stderr.write(f"giarlint: error: {exc}\n")
        return 2
    except KeyboardInterrupt:
        return 2
    except BrokenPipeError:
        return 0
    except Exception as exc:  # an internal bug: say so plainly, traceback only on request
        if os.environ.get("GIARLINT_DEBUG"):
            raise
        sys.stderr.write(f"giarlint: internal error: {exc!r} (set GIARLINT_DEBUG=1 for a traceback)\n")
        return 2
