"""``giarlint plugins``: the installed plugins, their versions, rules, codes and output formats."""

from __future__ import annotations

import sys

from giarlint import __version__
from giarlint.plugins import build_registry


def add_arguments(parser) -> None:
    parser.add_argument("--no-plugins", action="store_true", help="list the built-in plugins only")


def _describe(plugin_names: set[str], registry, format_owner: dict[str, str]) -> list[str]:
    rules = [
        f"{rule.name} ({', '.join(rule.codes)})"
        for rule in sorted(registry.rules + registry.set_rules, key=lambda r: r.name)
        if registry.rule_plugin.get(rule.name) in plugin_names
    ]
    formats = sorted(name for name, owner in format_owner.items() if owner in plugin_names)
    lines = [f"  rules: {'; '.join(rules)}"] if rules else []
    if formats:
        lines.append(f"  output formats: {', '.join(formats)}")
    return lines


def run(args) -> int:
    from giarlint.formatters import collect_formatters

    registry = build_registry(load_plugins=not args.no_plugins)
    format_owner: dict[str, str] = {}
    collect_formatters(registry.manager, format_owner)
    builtin = {name for name, _ in registry.manager.list_name_plugin() if name.startswith("giarlint.")}
    lines = [f"giarlint {__version__} (built-in)", *_describe(builtin, registry, format_owner)]
    for plugin in registry.plugins:
        provider = f" ({plugin.distribution})" if plugin.distribution else ""
        lines.append(f"{plugin.name} {plugin.version}{provider}")
        lines.extend(_describe({plugin.name}, registry, format_owner) or ["  (no rules or output formats)"])
    sys.stdout.write("\n".join(lines) + "\n")
    return 0
