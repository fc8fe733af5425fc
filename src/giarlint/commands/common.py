"""What several sub-commands share: input paths, settings, building the linter."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Callable, Iterator, Sequence

from giarlint.files import MAX_BYTES, NotRegularFile, TooLarge, identity, kind_of, read_capped
from giarlint.plugins import PluginError, build_registry
from giarlint.safetext import for_terminal

REPORT_SUFFIXES = (".txt", ".md", ".markdown")  # walked always; reader plugins add theirs


class UsageError(Exception):
    """Bad arguments or configuration: exit 2 with a one-line message."""


def check_output_target(path: str, option: str, directory: bool = False) -> None:
    """Refuse, before any work, an output that cannot be written: a directory given for a file (or
    an existing file for a directory), a parent directory that is missing or not writable."""
    target = os.path.abspath(path)
    if directory:
        if os.path.exists(target) and not os.path.isdir(target):
            raise UsageError(f"{option}: cannot write to {path}: it exists and is not a directory")
        if os.path.isdir(target):
            parent = target
        else:
            parent = os.path.dirname(target)
            while parent and not os.path.exists(parent) and os.path.dirname(parent) != parent:
                parent = os.path.dirname(parent)  # created with its parents: the first that exists decides
    else:
        if os.path.isdir(target):
            raise UsageError(f"{option}: cannot write {path}: it is a directory, not a file")
        parent = os.path.dirname(target)
        if not os.path.isdir(parent):
            raise UsageError(f"{option}: cannot write {path}: the directory {parent} does not exist")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise UsageError(f"{option}: cannot write {path}: the directory {parent} is not writable")


def codes(value: str) -> tuple[str, ...]:
    return tuple(part.strip().upper() for part in value.split(",") if part.strip())


def add_input_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--encoding", help="decode input with this encoding instead of BOM / UTF-8 / GB18030")
    parser.add_argument("--stdin-filename", default="-", help="the name to report for input read from '-'")
    parser.add_argument("--no-plugins", action="store_true", help="load built-in rules only")
    parser.add_argument("--lang", choices=("zh", "en"), default=None, help="message language (default zh)")
    parser.add_argument("--format-version", choices=("2019", "2021"), help="force the template format")
    parser.add_argument("--config", metavar="PATH", help="read this configuration file instead of searching for one")
    parser.add_argument("--isolated", action="store_true", help="ignore every configuration file")


def walked_suffixes(registry) -> tuple[str, ...]:
    """The suffixes a directory walk picks: text and Markdown files, and every suffix an installed
    reader plugin lists through ``giarlint_source_suffixes``."""
    suffixes = list(REPORT_SUFFIXES)
    from giarlint import guard

    for impl in registry.manager.hook.giarlint_source_suffixes.get_hookimpls():
        try:
            listed = guard.call(impl.function)
        except guard.PluginFault as fault:
            raise PluginError(f"plugin {impl.plugin_name!r} failed while listing its suffixes: {fault.problem}") from None
        if not isinstance(listed, (list, tuple)) or not all(isinstance(s, str) and s.startswith(".") for s in listed):
            raise PluginError(f"plugin {impl.plugin_name!r}: giarlint_source_suffixes must return a list of "
                              f"suffixes such as '.html', not {listed!r}")
        suffixes.extend(suffix.lower() for suffix in listed if suffix.lower() not in suffixes)
    return tuple(suffixes)


def iter_paths(paths: Sequence[str], excluded: Callable[[str], bool] = lambda path: False,
               suffixes: tuple[str, ...] = REPORT_SUFFIXES, walked: set[str] | None = None,
               note: Callable[[str], None] = lambda text: None) -> Iterator[str]:
    """Files as given; directories walked (sorted) for files with one of `suffixes` (in any
    letter case); excluded paths left out. Each file comes once, under the first name it was
    met by (``x``, ``./x``, ``a/../x``, its absolute path and a symlink to it are one file).
    FIFOs, devices and sockets are skipped with a `note`, never opened (reading one would
    block or never end); a directory that cannot be listed is yielded itself, so that its
    check reports it unreadable. Files a walk found are added to `walked`."""
    seen: set = set()

    def once(path: str) -> Iterator[str]:
        kind = kind_of(path)
        if kind is not None and kind != "directory":
            note(f"{for_terminal(path)}: skipped: not a regular file ({kind})")
            return
        key = identity(path) or os.path.normpath(os.path.abspath(path))
        if key not in seen:
            seen.add(key)
            yield path

    for path in paths:
        if path == "-":
            yield path
            continue
        if excluded(path):
            continue
        if not os.path.isdir(path):
            yield from once(path)
            continue
        unlistable: list[OSError] = []
        for root, dirs, files in os.walk(path, onerror=unlistable.append):
            while unlistable:
                yield from once(unlistable.pop(0).filename)
            dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not excluded(os.path.join(root, d)))
            for name in sorted(files):
                full = os.path.join(root, name)
                if name.lower().endswith(suffixes) and not excluded(full):
                    for kept in once(full):
                        if walked is not None:
                            walked.add(kept)
                        yield kept
        while unlistable:
            yield from once(unlistable.pop(0).filename)


def overrides_from(args) -> dict:
    """Settings given on the command line; None where an option was not given."""
    return {
        "select": getattr(args, "select", None),
        "extend_select": getattr(args, "extend_select", None),
        "ignore": getattr(args, "ignore", None),
        "lang": getattr(args, "lang", None),
        "encoding": getattr(args, "encoding", None),
        "format_version": getattr(args, "format_version", None),
        "hook": True if getattr(args, "hook", False) else None,
        "time_limit": getattr(args, "rule_time_limit", None),
    }


class Session:
    """The registry of a run and the settings and linter of each path (one per configuration)."""

    def __init__(self, args):
        from giarlint.config import ConfigError, SettingsResolver, Validator
        from giarlint.ruledocs import all_docs

        self.load_plugins = not getattr(args, "no_plugins", False)
        quiet = getattr(args, "quiet", False)
        self.note = (lambda text: None) if quiet else (lambda text: sys.stderr.write(f"giarlint: {text}\n"))
        self.registry = build_registry(load_plugins=self.load_plugins)
        validator = Validator(all_docs(self.registry), {rule.name: rule for rule in self.registry.rules + self.registry.set_rules})
        overrides = overrides_from(args)
        try:
            for key in ("select", "extend_select", "ignore"):
                if overrides[key] is not None:
                    validator.codes(list(overrides[key]), "--" + key.replace("_", "-"), "command line")
            if overrides["encoding"] is not None:
                validator.encoding(overrides["encoding"], "--encoding", "command line")
            if overrides["time_limit"] is not None:
                validator.time_limit(overrides["time_limit"], "--rule-time-limit", "command line")
            self.resolver = SettingsResolver(validator, overrides, getattr(args, "config", None),
                                             getattr(args, "isolated", False))
        except ConfigError as exc:
            raise UsageError(str(exc)) from exc
        from giarlint.parallel import LinterSet

        self._settings: list = []  # distinct settings, in order of first use
        self.linters = LinterSet(self.registry, self._settings)
        self.suffixes = walked_suffixes(self.registry)
        self.walked: set[str] = set()  # files found by a directory walk, not named
        self.skipped: list[str] = []  # found files skipped as plainly not reports
        self.hook = bool(getattr(args, "hook", False))

    def found(self, path: str) -> bool:
        """Whether `path` was found (by a walk, or passed by the hook) rather than named by the user:
        then a file that is plainly not a report is skipped, and `include` decides."""
        return path != "-" and (self.hook or path in self.walked)

    def settings_index(self, path: str) -> int:
        from giarlint.config import ConfigError

        try:
            settings = self.resolver.for_path(path)
        except ConfigError as exc:
            raise UsageError(str(exc)) from exc
        for index, known in enumerate(self._settings):
            if known is settings:
                return index
        self._settings.append(settings)
        return len(self._settings) - 1

    def settings_for(self, path: str):
        return self._settings[self.settings_index(path)]

    def linter_for(self, path: str):
        return self.linters.get(self.settings_index(path))

    def paths(self, paths: Sequence[str]) -> Iterator[str]:
        """The files to check: named files and walked directories, less what `exclude` names and
        the found files that `include` (when given) does not name."""
        for path in iter_paths(paths, lambda path: self.settings_for(path).is_excluded(path), self.suffixes,
                               self.walked, self.note):
            if not (self.found(path) and self.settings_for(path).is_included(path) is False):
                yield path


def read_bytes(path: str, args) -> tuple[str, bytes]:
    """(display name, bytes) of a path or of standard input for '-': at most `MAX_BYTES` of a
    regular file (else OSError: `TooLarge`, `NotRegularFile`…); of standard input at most one
    byte more than that, which the check reports as too large."""
    if path == "-":
        return args.stdin_filename, sys.stdin.buffer.read(MAX_BYTES + 1)
    return path, read_capped(path)


def load_text(linter, path: str, args) -> tuple[str, str] | None:
    """(display name, report text) of a path: web pages, Word and PDF files through the reader
    plugins, other files decoded as text. None (with a message on stderr) when unreadable."""
    from giarlint.readers import ReaderError
    from giarlint.readers.flat import reflow
    from giarlint.source import DecodeError, decode, normalise_newlines

    try:
        name, data = read_bytes(path, args)
        if len(data) > MAX_BYTES:  # standard input, read one byte past the cap
            raise TooLarge(name, len(data), MAX_BYTES)
    except (TooLarge, NotRegularFile) as exc:
        sys.stderr.write(f"{for_terminal(path)}: not read: {exc}\n")
        return None
    except OSError as exc:
        sys.stderr.write(f"{for_terminal(path)}: cannot read: {exc.strerror or exc}\n")
        return None
    try:
        converted = linter.convert(name, data)
    except ReaderError as exc:
        for diagnostic in linter.reader_failure(name, exc):
            sys.stderr.write(f"{for_terminal(name)}: {diagnostic.code} {for_terminal(diagnostic.message)}\n")
        return None
    if converted is not None:
        sys.stderr.writelines(f"giarlint: note: {name}: {note}\n" for note in converted.notes)
        return name, converted.text
    try:
        text = normalise_newlines(decode(data, linter.settings.encoding).text)
        flat = reflow(text)  # a page run together on one line: its lines back
        return name, flat.text if flat is not None else text
    except DecodeError as exc:
        sys.stderr.write(f"{for_terminal(name)}: cannot decode (tried {', '.join(exc.tried)}): {exc.detail}\n")
        return None


def load_report(linter, path: str, args):
    """Read and build one report; None (with a message on stderr) when it cannot be read.
    Positions in the report are those of its text (the converted text for a web page,
    Word or PDF file: what ``giarlint convert`` prints)."""
    loaded = load_text(linter, path, args)
    return linter.build(*loaded) if loaded is not None else None
