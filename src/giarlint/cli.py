"""The ``giarlint`` command. Exit codes: 0 clean, 1 findings, 2 usage, configuration or internal error."""

from __future__ import annotations

import gc
import importlib
import os
import sys
from collections.abc import Sequence

from giarlint import __version__
from giarlint.commands import COMMANDS

# A run starts by creating tens of thousands of objects that live until it ends (modules,
# rules, templates); with the default thresholds the collector walks them over and over,
# about 5% of a cold check. Collect less often while giarlint runs. The ``giarlint`` script imports
# this module before `main` sets them, so it imports nothing large itself (argparse and signal are
# imported where they are used): a run's modules, argparse's and typing's too, load under them.
GC_THRESHOLDS = (100_000, 50, 100)


def build_parser(chosen: str | None = None):
    """The `argparse.ArgumentParser`. When a sub-command is named, only it is built (each one
    costs start-up time); otherwise every sub-command is, so that ``--help`` lists them all."""
    import argparse

    parser = argparse.ArgumentParser(prog="giarlint", description="Lint 政府信息公开工作年度报告 (annual reports).")
    parser.add_argument("--version", action="store_true", help="print the version and the loaded plugins")
    sub = parser.add_subparsers(dest="command")
    for name, (module_name, help_text) in COMMANDS.items():
        if chosen is None or name == chosen:
            importlib.import_module(module_name).add_arguments(sub.add_parser(name, help=help_text))
    return parser


def _version() -> str:
    from giarlint.plugins import PluginError, build_registry

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
    thresholds = gc.get_threshold()
    gc.set_threshold(*GC_THRESHOLDS)
    try:
        return _main(argv)
    finally:
        gc.set_threshold(*thresholds)


def console() -> None:
    """The ``giarlint`` command. The process ends right after the run, so its objects are
    frozen first: the interpreter's last garbage collection then skips them (a cold check
    spent about 7% of its time in that pass)."""
    status = main()
    gc.freeze()
    sys.exit(status)


def _escaping_streams() -> None:
    """Text no encoder takes (a lone surrogate from a file name that is not UTF-8, or from a
    page in UTF-7) is written as a backslash escape instead of failing the whole output; in
    JSON output the escape is JSON's own, ``\\udcff``."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors="backslashreplace")
            except (ValueError, OSError):  # a stream that cannot change (already written to in binary)
                pass


def _main(argv: Sequence[str] | None) -> int:
    from giarlint.commands.common import UsageError
    from giarlint.plugins import PluginError

    _escaping_streams()

    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] not in COMMANDS and not argv[0].startswith("-"):
        argv.insert(0, "check")  # `giarlint report.txt` works like flake8
    chosen = next((word for word in argv if word in COMMANDS), None)  # None: build every sub-command
    parser = build_parser(chosen)
    args = parser.parse_args(argv)
    if args.version:
        print(_version())
        return 0
    if args.command is None:
        parser.print_help()
        return 2
    import signal

    from giarlint.interrupts import Terminated, terminate

    previous = signal.signal(signal.SIGTERM, terminate)
    try:
        return importlib.import_module(COMMANDS[args.command][0]).run(args)
    except (UsageError, PluginError) as exc:
        sys.stderr.write(f"giarlint: error: {exc}\n")
        return 2
    except KeyboardInterrupt:  # Ctrl-C: the shell's status for SIGINT, no traceback
        sys.stderr.write("giarlint: interrupted\n")
        return 130
    except Terminated:
        sys.stderr.write("giarlint: terminated\n")
        return 143
    except BrokenPipeError:
        return 0
    except OSError as exc:  # the file system said no (a full disk, a vanished directory): not a bug
        where = f"{exc.filename}: " if exc.filename else ""
        sys.stderr.write(f"giarlint: error: {where}{exc.strerror or exc}\n")
        return 2
    except Exception as exc:  # an internal bug: say so plainly, traceback only on request
        if os.environ.get("GIARLINT_DEBUG"):
            raise
        sys.stderr.write(f"giarlint: internal error: {exc!r} (set GIARLINT_DEBUG=1 for a traceback)\n")
        return 2
    finally:
        signal.signal(signal.SIGTERM, previous)
