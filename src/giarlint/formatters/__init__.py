"""Output formats are plugins: each implements ``giarlint_formatters`` and returns name -> formatter.

Built-in formats are registered through the same hook as a third party's. A formatter is a plain
callable ``(diagnostics, context) -> str``; the context gives what a format may need besides the
diagnostics, so simple formats stay one-liners. A formatter that shows the reports themselves
(``html``) sets the attribute ``needs_reports = True``; only then does the linter build, for each
report, the plain-data view of `giarlint.reportview` and hand it in as ``context.reports``. A
formatter whose output for a list equals its outputs for consecutive parts joined by a string
says so with a ``stream_joiner`` attribute (that string): ``check`` then writes each file's
diagnostics as soon as the file is checked, and keeps none (report-set findings, e.g.
cross-year, follow all files).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from giarlint import __version__, guard
from giarlint.catalogue import CodeDoc
from giarlint.diagnostics import Diagnostic
from giarlint.plugins import PluginError
from giarlint.snippets import Sources

DEFAULT_FORMAT = "concise"


@dataclass
class FormatContext:
    docs: dict[str, CodeDoc]  # every code the run may report
    sources: Sources = field(default_factory=Sources)
    paths: list[str] = field(default_factory=list)  # every checked path, in order
    lang: str = "zh"
    color: bool = False
    version: str = __version__
    reports: dict[str, dict] = field(default_factory=dict)  # path -> report view; only for `needs_reports`


Formatter = Callable[[list[Diagnostic], FormatContext], str]


def collect_formatters(manager, owner: dict[str, str] | None = None) -> dict[str, Formatter]:
    """Every format the registered plugins provide; two plugins claiming one name is an error.
    `owner`, when given, is filled with format name -> plugin name."""
    formatters: dict[str, Formatter] = {}
    owner = {} if owner is None else owner
    for impl in manager.hook.giarlint_formatters.get_hookimpls():
        try:
            provided = dict(guard.call(impl.function) or {})
        except guard.PluginFault as fault:
            raise PluginError(f"plugin {impl.plugin_name!r} failed while listing its output formats: {fault.problem}") from None
        except (TypeError, ValueError):
            raise PluginError(f"plugin {impl.plugin_name!r}: giarlint_formatters must return a dict of name -> formatter") from None
        for name, formatter in provided.items():
            if name in owner:
                raise PluginError(
                    f"plugin {impl.plugin_name!r}: output format {name!r} is already provided by {owner[name]!r}"
                )
            if not callable(formatter):
                raise PluginError(f"plugin {impl.plugin_name!r}: output format {name!r} is not callable")
            owner[name] = impl.plugin_name
            formatters[name] = formatter
    return formatters


def summary(doc: CodeDoc | None, lang: str) -> str:
    if doc is None:
        return ""
    from giarlint.messages import pick

    return pick(doc.summary, lang) if doc.summary else ""
