"""What a rule plugin implements, and what it receives while checking."""

from __future__ import annotations

from typing import ClassVar, Iterable, NamedTuple

from giarlint.catalogue import CodeDoc, builtin_catalogue
from giarlint.tree import Span


class Finding(NamedTuple):
    """What a rule reports: the engine adds path, severity and the rendered message."""

    code: str
    span: Span
    args: dict = {}  # the message arguments; the default is shared, so never change it in place
    variant: str = "default"  # which of the code's messages to use
    path: str | None = None  # report-set rules: the report the span points into
    # the table cells involved, as keys ``table3.granted.total``, in groups: an identity's two
    # sides (the side of the cell pointed at first, that cell first), or one group for findings
    # on cells; lets output formats mark them
    cells: tuple[tuple[str, ...], ...] = ()
    fix: tuple | None = None  # `giarlint.diagnostics.Edit`s that certainly correct it (``--fix``); None: none


class RuleContext(NamedTuple):
    """Settings a rule may read: the message language and its own options."""

    lang: str = "zh"
    options: dict = {}
    selected: frozenset[str] | None = None  # the rule's codes that will be reported; None: all

    def option(self, name: str, default=None):
        return self.options.get(name, default)

    def wants(self, code: str) -> bool:
        """Whether `code` will be reported: a rule may skip the work of a deselected code."""
        return self.selected is None or code in self.selected


class Rule:
    """Base class of a rule. Subclasses set `name` and implement `check`.

    `codes` defaults to the codes of the rule's catalogue; built-in rules read theirs from
    ``rules/catalogue/<name>.yaml``, third-party rules override `catalogue()`.
    """

    name: ClassVar[str] = ""
    # The options the rule reads through `RuleContext.option` (name -> description); None
    # accepts any option. Configuration naming another option is an error (exit 2).
    options: ClassVar[dict[str, str] | None] = None

    def validate_option(self, name: str, value) -> str | None:
        """Why `value` is not valid for option `name`, or None when it is (checked at load)."""
        return None

    def catalogue(self) -> dict[str, CodeDoc]:
        return builtin_catalogue(self.name)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(self.catalogue())

    def check(self, report, context: RuleContext) -> Iterable[Finding]:  # pragma: no cover - interface
        raise NotImplementedError


class ReportSetRule(Rule):
    """Base class of a rule over several reports at once (e.g. consecutive years of one agency).

    Provided through the ``giarlint_report_set_rules`` hook, in two steps so that ``--jobs``
    workers need not send whole reports back: `summarize` runs on each report where it was built
    (in the worker process) and returns what `check_set` needs of it; after the per-file pass,
    `check_set` receives those summaries of every report of the run giarlint could read, and
    yields findings whose `path` names the report each one points into.
    """

    def check(self, report, context: RuleContext) -> Iterable[Finding]:
        return ()  # nothing to check in a single report

    def summarize(self, report, context: RuleContext) -> object:
        """What `check_set` needs of one `giarlint.report.Report`; it crosses process boundaries,
        so keep it small and picklable. The default, the report itself, is the simplest but costly."""
        return report

    def check_set(self, summaries: list, context: RuleContext) -> Iterable[Finding]:  # pragma: no cover - interface
        raise NotImplementedError
