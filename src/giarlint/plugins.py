"""Build the plugin manager: built-in rules by import, third-party packages by entry point.

Entry points in the ``giarlint`` group are loaded one at a time so that a broken package is
named instead of hiding the others; any load error or code clash stops the run (exit 2).
"""

from __future__ import annotations

import importlib
import os
import re
from types import FunctionType, MethodType, ModuleType
from typing import NamedTuple

import pluggy

from giarlint import guard, hookspecs
from giarlint.catalogue import CodeDoc
from giarlint.entrypoints import entry_points
from giarlint.rule import ReportSetRule, Rule

ENTRY_POINT_GROUP = "giarlint"
DISABLE_AUTOLOAD_ENV = "GIARLINT_DISABLE_PLUGIN_AUTOLOAD"
BUILTIN_PREFIX = "GIA"
CODE_PATTERN = re.compile(r"^[A-Z]{1,3}[0-9]{0,3}$")

BUILTIN_PLUGINS = (
    "giarlint.builtin_rules.totals",
    "giarlint.builtin_rules.sections",
    "giarlint.builtin_rules.fees",
    "giarlint.builtin_rules.years",
    "giarlint.builtin_rules.structure",
    "giarlint.builtin_rules.cellvalues",
    "giarlint.builtin_rules.publication",
    "giarlint.builtin_rules.content",
    "giarlint.builtin_rules.textquality",
    "giarlint.builtin_rules.narrative",
    "giarlint.builtin_rules.crossyear",
    "giarlint.readers.html",
    "giarlint.readers.docx",
    "giarlint.readers.pdf",
    "giarlint.formatters.text",
    "giarlint.formatters.data",
    "giarlint.formatters.sarif",
    "giarlint.formatters.html",
    "giarlint.formatters.junit",
)
BUILTIN = frozenset(BUILTIN_PLUGINS)  # built-in status: membership here, never a name's shape


class PluginManager(pluggy.PluginManager):
    """pluggy's manager, quicker to register modules. pluggy inspects every name a plugin
    holds, descriptors and all, and rule modules hold many (imports, patterns, classes): that
    was a twentieth of a cold check. A module's hook implementation can only be a function
    (or a bound method) found in its namespace, so every other name is passed over at once."""

    def parse_hookimpl_opts(self, plugin, name: str):
        if isinstance(plugin, ModuleType):
            value = plugin.__dict__.get(name)
            if not isinstance(value, (FunctionType, MethodType, classmethod, staticmethod)):
                return None
        return super().parse_hookimpl_opts(plugin, name)


class PluginError(Exception):
    """A plugin could not be loaded or clashes with another; the message names it."""


class PluginInfo(NamedTuple):
    name: str
    version: str
    builtin: bool
    distribution: str = ""  # the installed package that provides the entry point


class Registry(NamedTuple):
    """The rules of a run and the documentation of every code they may report."""

    manager: pluggy.PluginManager
    rules: list[Rule]
    docs: dict[str, CodeDoc]
    rule_plugin: dict[str, str]  # rule name -> plugin name
    plugins: list[PluginInfo]
    set_rules: list[ReportSetRule]  # rules over several reports
    rule_codes: dict[str, tuple[str, ...]] = {}  # rule name -> its codes, as listed at load
    plugin_codes: dict[str, frozenset[str]] = {}  # plugin name -> the codes it declared

    def codes_of(self, rule) -> tuple[str, ...]:
        """A rule's codes as they were when it was registered (a plugin's `catalogue()` is not
        asked again at run time)."""
        codes = self.rule_codes.get(rule.name)
        return codes if codes is not None else tuple(rule.catalogue())

    def codes_for_rule(self, rule) -> frozenset[str]:
        """The codes a rule may report: those its plugin declared."""
        return self.plugin_codes.get(self.rule_plugin.get(rule.name, "")) or frozenset(self.codes_of(rule))

    def is_builtin(self, plugin_name: str) -> bool:
        return plugin_name in BUILTIN


def _load_entry_points(manager: pluggy.PluginManager, plugins: list[PluginInfo]) -> None:
    for entry_point in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda ep: ep.name):
        try:
            plugin = guard.call(entry_point.load)
        except guard.PluginFault as fault:  # any failure in third-party code must name the plugin
            raise PluginError(f"plugin {entry_point.name!r} ({entry_point.value}) failed to load: {fault.problem}") from None
        if manager.is_registered(plugin) or manager.get_plugin(entry_point.name) is not None:
            continue
        manager.register(plugin, name=entry_point.name)
        plugins.append(PluginInfo(entry_point.name, entry_point.version, False, entry_point.distribution))


def build_registry(load_plugins: bool = True, extra_plugins: tuple[str, ...] = ()) -> Registry:
    """Register built-ins and (unless disabled) third-party plugins, then collect their rules.

    `extra_plugins` names modules to register like built-ins: the rule-case harness and
    programs that embed giarlint use it to add a plugin without installing a package.
    """
    manager = PluginManager(hookspecs.PROJECT)
    manager.add_hookspecs(hookspecs)
    plugins: list[PluginInfo] = []
    for module_name in BUILTIN_PLUGINS:
        manager.register(importlib.import_module(module_name), name=module_name)
    for module_name in extra_plugins:
        try:
            module = importlib.import_module(module_name)
        except Exception as exc:
            raise PluginError(f"plugin module {module_name!r} failed to load: {exc!r}") from exc
        manager.register(module, name=module_name)
    if load_plugins and not os.environ.get(DISABLE_AUTOLOAD_ENV):
        _load_entry_points(manager, plugins)
    try:
        manager.check_pending()
    except pluggy.PluginValidationError as exc:
        raise PluginError(f"a plugin implements a hook giarlint does not know: {exc}") from exc
    return _collect(manager, plugins)


def _collect(manager: pluggy.PluginManager, plugins: list[PluginInfo]) -> Registry:
    registry = Registry(manager, [], {}, {}, plugins, [], {}, {})
    code_owner: dict[str, str] = {}
    hooks = ((manager.hook.giarlint_rules, "check", registry.rules),
             (manager.hook.giarlint_report_set_rules, "check_set", registry.set_rules))
    for hook, method, bucket in hooks:
        for impl in hook.get_hookimpls():
            plugin_name = impl.plugin_name
            builtin = plugin_name in BUILTIN
            try:
                listed = guard.call(impl.function) or []
                if not isinstance(listed, (list, tuple)):
                    raise guard.PluginFault(f"returned {guard.kind(listed)} instead of a list of rules")
                for rule in listed:
                    guard.call(_add_rule, registry, code_owner, rule, method, plugin_name, builtin)
                    bucket.append(rule)
            except guard.PluginFault as fault:
                if isinstance(fault.original, PluginError):
                    raise fault.original from None
                raise PluginError(f"plugin {plugin_name!r} failed while listing its rules: {fault.problem}") from None
    return registry


def _add_rule(registry: Registry, code_owner: dict[str, str], rule, method: str, plugin_name: str, builtin: bool) -> None:
    if not callable(getattr(rule, method, None)):
        raise PluginError(f"plugin {plugin_name!r}: rule {rule!r} has no {method}() method")
    catalogue = rule.catalogue()
    if not isinstance(rule.name, str) or not rule.name or not isinstance(catalogue, dict) or not catalogue:
        raise PluginError(f"plugin {plugin_name!r}: rule {rule!r} has no name or no codes")
    if builtin and getattr(rule, "options", None) is None:
        raise PluginError(f"built-in rule {rule.name!r} must declare its options (an empty dict for none)")
    if rule.name in registry.rule_plugin:
        raise PluginError(f"plugin {plugin_name!r}: rule name {rule.name!r} is already used by {registry.rule_plugin[rule.name]!r}")
    for code, doc in catalogue.items():
        _check_code(code, plugin_name, builtin)
        _check_doc(code, doc, plugin_name)
        if code in code_owner:
            raise PluginError(f"plugin {plugin_name!r}: code {code} is already registered by {code_owner[code]!r}")
        code_owner[code] = plugin_name
        registry.docs[code] = doc
    registry.rule_plugin[rule.name] = plugin_name
    registry.rule_codes[rule.name] = tuple(catalogue)
    registry.plugin_codes[plugin_name] = registry.plugin_codes.get(plugin_name, frozenset()) | frozenset(catalogue)


def _check_doc(code, doc, plugin_name: str) -> None:
    """A code's documentation must have the shape messages and `giarlint rule` rely on."""
    problem = None
    if not isinstance(doc, CodeDoc):
        problem = f"is documented by {type(doc).__name__}, not a giarlint.catalogue.CodeDoc"
    elif doc.severity not in ("E", "W"):
        problem = f"has severity {doc.severity!r} (E or W)"
    elif not isinstance(doc.messages, dict) or not all(
        isinstance(m, str) or (isinstance(m, dict) and all(isinstance(t, str) for t in m.values()))
        for m in doc.messages.values()
    ):
        problem = "has messages that are not variant -> {zh, en} texts"
    elif not all(isinstance(t, (str, dict)) for t in (doc.summary, doc.explanation)):
        problem = "has a summary or explanation that is not text"
    if problem:
        raise PluginError(f"plugin {plugin_name!r}: code {code!r} {problem}")


def _check_code(code: str, plugin_name: str, builtin: bool) -> None:
    if not CODE_PATTERN.match(code):
        raise PluginError(f"plugin {plugin_name!r}: code {code!r} is not of the form ABC123")
    if not builtin and code.startswith(BUILTIN_PREFIX):
        raise PluginError(f"plugin {plugin_name!r}: code {code} uses the prefix {BUILTIN_PREFIX}, reserved for giarlint")
