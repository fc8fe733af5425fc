"""Configuration files: ``.giarlint.yaml`` or ``[tool.giarlint]`` in ``pyproject.toml``.

The nearest file up from a checked report wins (in one directory, ``.giarlint.yaml`` before
``pyproject.toml``; a pyproject without ``[tool.giarlint]`` is passed over). ``--config PATH``
names the one file for every report; ``--isolated`` reads none. Values given on the command
line replace the file's, except ``--extend-select``, which adds to it. Unknown keys, rules and
codes are errors that name the key: a typo must not silently turn a check off.
"""

from __future__ import annotations

import os
import sys
from typing import Any

from giarlint import guard
from giarlint.data import YamlLimitError, load_yaml
from giarlint.settings import Settings
from giarlint.source import text_encoding

YAML_NAME = ".giarlint.yaml"
PYPROJECT_NAME = "pyproject.toml"
LANGS = ("zh", "en")
FORMAT_VERSIONS = ("2019", "2021")


class ConfigError(Exception):
    """A configuration file or value is wrong; the message names the file and the key."""


def _read_toml(path: str) -> dict:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib
    with open(path, "rb") as handle:
        return tomllib.load(handle)


def read_config_file(path: str) -> dict | None:
    """The giarlint table of `path`; None for a pyproject.toml without ``[tool.giarlint]``."""
    try:
        if path.endswith(".toml"):
            table = _read_toml(path).get("tool", {}).get("giarlint")
        else:
            table = load_yaml(path)
            table = {} if table is None else table
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not UTF-8 text: {exc}") from None
    except YamlLimitError as exc:
        raise ConfigError(f"{path}: refused: {exc}") from None
    except RecursionError:
        raise ConfigError(f"{path}: nested too deeply; not read") from None
    except Exception as exc:  # YAML or TOML syntax: name the file, not a traceback
        raise ConfigError(f"{path}: not valid {'TOML' if path.endswith('.toml') else 'YAML'}: {exc}") from exc
    if table is not None and not isinstance(table, dict):
        raise ConfigError(f"{path}: the configuration must be a mapping of keys to values")
    return table


def find_config_file(directory: str) -> str | None:
    """The nearest configuration file in `directory` or above it."""
    directory = os.path.abspath(directory)
    while True:
        candidate = os.path.join(directory, YAML_NAME)
        if os.path.isfile(candidate):
            return candidate
        candidate = os.path.join(directory, PYPROJECT_NAME)
        if os.path.isfile(candidate) and read_config_file(candidate) is not None:
            return candidate
        parent = os.path.dirname(directory)
        if parent == directory:
            return None
        directory = parent


def _plain_problem(value, depth: int = 0) -> str | None:
    """Why an option value is not plain data (str, number, bool, list, mapping of str), or None."""
    if depth > 20:
        return "is nested too deeply"
    if isinstance(value, (str, int, float)) or value is None:
        return None
    if isinstance(value, list):
        return next(filter(None, (_plain_problem(v, depth + 1) for v in value)), None)
    if isinstance(value, dict):
        if not all(isinstance(k, str) for k in value):
            return "has a key that is not text"
        return next(filter(None, (_plain_problem(v, depth + 1) for v in value.values())), None)
    return f"must be text, a number, true/false, a list or a mapping, not {type(value).__name__} {value!r:.60}"


class Validator:
    """Checks configuration values against the rules and codes of this run's registry."""

    def __init__(self, known_codes, rules: dict):
        self.known_codes = frozenset(known_codes)
        self.rules = rules  # rule name -> Rule

    def codes(self, value: Any, key: str, where: str) -> tuple[str, ...]:
        if isinstance(value, str):
            value = value.split(",")
        if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{where}: `{key}` must be a list of rule codes")
        codes = tuple(v.strip().upper() for v in value if v.strip())
        if not codes and key in ("select", "--select"):
            raise ConfigError(f"{where}: `{key}` is empty, which would check nothing; name at least one code prefix "
                              "(or leave the key out to check every code on by default)")
        for code in codes:
            if not any(known.startswith(code) for known in self.known_codes):
                raise ConfigError(f"{where}: `{key}`: unknown rule code {code!r}")
        return codes

    def _strings(self, value: Any, key: str, where: str) -> tuple[str, ...]:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{where}: `{key}` must be a list of glob patterns")
        return tuple(value)

    def _choice(self, value: Any, key: str, where: str, choices: tuple[str, ...]) -> str:
        if str(value) not in choices:
            raise ConfigError(f"{where}: `{key}` must be one of {', '.join(choices)}, not {value!r}")
        return str(value)

    def encoding(self, value: Any, key: str, where: str) -> str:
        if text_encoding(value) is None:
            raise ConfigError(f"{where}: `{key}`: {value!r} is not a text encoding giarlint reads "
                              "(UTF-8/16/32, GB18030, GBK, GB2312, Big5, Shift_JIS, windows-1252 …)")
        return value

    def time_limit(self, value: Any, key: str, where: str) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 86400:
            raise ConfigError(f"{where}: `{key}` must be a number of seconds from 0 (no limit) to 86400, not {value!r}")
        return float(value)

    def _per_file_ignores(self, value: Any, key: str, where: str) -> dict[str, tuple[str, ...]]:
        if not isinstance(value, dict):
            raise ConfigError(f"{where}: `{key}` must map glob patterns to lists of codes")
        return {str(glob): self.codes(codes, f"{key}.{glob}", where) for glob, codes in value.items()}

    def _rule_options(self, value: Any, key: str, where: str) -> dict[str, dict]:
        if not isinstance(value, dict):
            raise ConfigError(f"{where}: `{key}` must map rule names to their options")
        out = {}
        for name, options in value.items():
            rule = self.rules.get(name)
            if rule is None:
                raise ConfigError(f"{where}: `{key}.{name}`: unknown rule {name!r}")
            if not isinstance(options, dict):
                raise ConfigError(f"{where}: `{key}.{name}` must be a mapping of option names to values")
            declared = getattr(rule, "options", None)
            validate = getattr(rule, "validate_option", None)
            for option, option_value in options.items():
                if declared is not None and option not in declared:
                    known = f" (options: {', '.join(declared)})" if declared else " (it takes no options)"
                    raise ConfigError(f"{where}: `{key}.{name}.{option}`: rule {name} has no option {option!r}{known}")
                problem = _plain_problem(option_value)
                if problem:
                    raise ConfigError(f"{where}: `{key}.{name}.{option}`: {problem}")
                try:  # a plugin's validator must not crash or end the run (SystemExit included)
                    problem = guard.call(validate, option, option_value) if validate is not None else None
                except guard.PluginFault as fault:
                    problem = f"rule {name} could not check the value ({fault.problem})"
                if problem is not None and not isinstance(problem, str):
                    problem = f"rule {name} could not check the value (its validate_option returned {guard.kind(problem)})"
                if problem:
                    raise ConfigError(f"{where}: `{key}.{name}.{option}`: {problem}")
            out[name] = dict(options)
        return out

    def file_values(self, table: dict, where: str) -> dict:
        """Settings keyword arguments from a configuration table."""
        parsers = {
            "select": ("select", self.codes),
            "extend-select": ("extend_select", self.codes),
            "ignore": ("ignore", self.codes),
            "per-file-ignores": ("per_file_ignores", self._per_file_ignores),
            "exclude": ("exclude", self._strings),
            "include": ("include", self._strings),
            "lang": ("lang", lambda v, k, w: self._choice(v, k, w, LANGS)),
            "format-version": ("format_version", lambda v, k, w: self._choice(v, k, w, FORMAT_VERSIONS)),
            "encoding": ("encoding", self.encoding),
            "rule-options": ("rule_options", self._rule_options),
            "rule-time-limit": ("time_limit", self.time_limit),
        }
        values = {}
        for key, value in table.items():
            if key not in parsers:
                raise ConfigError(f"{where}: unknown key `{key}` (known: {', '.join(parsers)})")
            name, parse = parsers[key]
            values[name] = parse(value, key, where)
        return values


class SettingsResolver:
    """The settings of each checked path: command line over configuration file over defaults."""

    def __init__(self, validator: Validator, overrides: dict, config_path: str | None = None,
                 isolated: bool = False):
        self.validator = validator
        self.overrides = overrides  # Settings field -> value given on the command line (None: not given)
        self.config_path = os.path.abspath(config_path) if config_path else None
        self.isolated = isolated
        self._by_file: dict[str | None, Settings] = {}
        self._by_dir: dict[str, str | None] = {}
        if self.config_path and not os.path.isfile(self.config_path):
            raise ConfigError(f"{config_path}: configuration file not found")

    def config_for(self, path: str) -> str | None:
        if self.isolated:
            return None
        if self.config_path:
            return self.config_path
        directory = os.path.dirname(os.path.abspath(path)) if path != "-" else os.getcwd()
        if directory not in self._by_dir:
            self._by_dir[directory] = find_config_file(directory)
        return self._by_dir[directory]

    def for_path(self, path: str) -> Settings:
        config = self.config_for(path)
        if config not in self._by_file:
            self._by_file[config] = self._build(config)
        return self._by_file[config]

    def _build(self, config: str | None) -> Settings:
        settings = Settings()
        if config is not None:
            table = read_config_file(config)
            if table is None:
                raise ConfigError(f"{config}: no [tool.giarlint] table")
            values = self.validator.file_values(table, config)
            settings = settings._replace(root=os.path.dirname(config), config_path=config, **values)
        given = {k: v for k, v in self.overrides.items() if v is not None}
        if "extend_select" in given:
            given["extend_select"] = settings.extend_select + tuple(given["extend_select"])
        return settings._replace(**given)
