"""Run plugin code so that it can neither end the run nor hide the other rules' output, and
check what it returns before giarlint trusts it.

A rule, reader or formatter is third-party code: it may raise anything (SystemExit,
GeneratorExit and KeyboardInterrupt too), return a str where a list was due, or yield a finding
whose span points outside the file. Each of these becomes a `PluginFault` with a description
of what was wrong; the linter turns it into GIA099 naming the plugin, for that report only.
"""

from __future__ import annotations

import sys
from types import GeneratorType
from typing import Callable, Iterable

from giarlint import interrupts
from giarlint.budget import RuleTimeout
from giarlint.messages import Localized
from giarlint.rule import Finding
from giarlint.tree import Span

MAX_FINDINGS = 10_000  # per rule and report: more is a runaway generator, not a report's defects
_ARG_TYPES = (str, int, float, Localized, type(None))


class PluginFault(Exception):
    """Plugin code failed or returned something giarlint cannot use; `problem` says what."""

    def __init__(self, problem: str, original: BaseException | None = None):
        super().__init__(problem)
        self.problem = problem
        self.original = original  # what the plugin raised, if it raised


def _short(value, limit: int = 80) -> str:
    try:
        text = repr(value)
    except BaseException:  # a hostile __repr__
        text = f"<{type(value).__name__} object>"
    return text if len(text) <= limit else text[: limit - 1] + "…"


def call(function: Callable, *args, **kwargs):
    """`function(*args, **kwargs)`; whatever it raises (except the user's Ctrl-C) becomes a
    PluginFault. SystemExit and GeneratorExit included: neither may end or silence the run."""
    try:
        return function(*args, **kwargs)
    except (RuleTimeout, interrupts.Terminated):  # the time limit, SIGTERM: they end the rule, not its report
        raise
    except KeyboardInterrupt as exc:
        if interrupts.from_user():
            raise
        raise PluginFault("raised KeyboardInterrupt", exc) from None
    except SystemExit as exc:
        raise PluginFault(f"raised SystemExit({_short(exc.code)})", exc) from None
    except BaseException as exc:
        raise PluginFault(f"raised {_short(exc, 200)}", exc) from None


_END = object()


def collect(produce: Callable[[], Iterable | None]) -> tuple[list, PluginFault | None]:
    """The items a rule yields, and the fault that ended them early (None when none did): what
    was yielded before a failure is kept. A generator is closed here, so that one which refuses
    to close fails now, as a fault, not later at garbage collection."""
    items: list = []
    try:
        produced = call(produce)
    except PluginFault as fault:
        return items, fault
    if produced is None:
        return items, None
    if isinstance(produced, (str, bytes, dict, Finding)) or not hasattr(type(produced), "__iter__"):
        return items, PluginFault(f"returned {kind(produced)} instead of an iterable of Findings")
    fault = None
    try:
        iterator = call(iter, produced)
        while True:
            item = call(next, iterator, _END)
            if item is _END:
                break
            if len(items) == MAX_FINDINGS:  # a runaway: none of its findings can be trusted
                items = []
                fault = PluginFault(f"yielded more than {MAX_FINDINGS} findings for one report")
                break
            items.append(item)
        if isinstance(iterator, GeneratorType):
            _close(iterator)
    except PluginFault as raised:
        fault = raised
    return items, fault


_unclosable: set[int] = set()  # ids of generators that refused to close
_keep: list = []


def _close(generator) -> None:
    """Close a plugin's generator now. One that refuses (yields again) is a fault, and Python's
    later attempt, when the generator is collected, would print a traceback: that one is kept quiet."""
    try:
        call(generator.close)
    except PluginFault:
        if not _unclosable:
            previous, unclosable = sys.unraisablehook, _unclosable  # bound now: at exit, globals are gone

            def quiet(unraisable):
                if id(unraisable.object) not in unclosable:
                    previous(unraisable)

            sys.unraisablehook = quiet
        _unclosable.add(id(generator))
        _keep.append(generator)  # alive until the end, so that its id is not reused
        raise


def kind(value) -> str:
    """`value` for a message: its repr (short) and its type."""
    return f"{_short(value, 60)} (a {type(value).__name__})"


def _positive_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 1


def args_problem(args) -> str | None:
    if not isinstance(args, dict):
        return f"message args are {kind(args)}, not a dict"
    for key, value in args.items():
        if not isinstance(key, str):
            return f"message arg name {_short(key)} is not a str"
        if type(value) is bool or not isinstance(value, _ARG_TYPES):
            if not (isinstance(value, (list, tuple)) and all(type(v) in (str, int, float) for v in value)):
                return f"message arg {key!r} is {kind(value)}; use str, int, float or giarlint.messages.Localized"
        if isinstance(value, Localized) and not (isinstance(value.zh, str) and isinstance(value.en, str)):
            return f"message arg {key!r} is a Localized of non-str values"
        if isinstance(value, float) and value != value:
            return f"message arg {key!r} is NaN"
    return None


def finding_problem(finding, codes: frozenset[str], line_lengths: Callable[[], list[int]] | None,
                    paths: frozenset[str] | None = None) -> str | None:
    """What is wrong with one item a rule yielded, or None. `codes` are the codes the rule's
    plugin declared; `line_lengths()` gives the lengths of the report's lines (None: the file's
    text is not at hand); `paths`, for report-set rules, the reports of the run."""
    if not isinstance(finding, Finding):
        return f"yielded {kind(finding)} instead of a giarlint.rule.Finding"
    if not isinstance(finding.code, str) or finding.code not in codes:
        return f"yielded code {_short(finding.code)}, which the plugin did not declare"
    span = finding.span
    if not isinstance(span, Span):
        return f"{finding.code}: the span is {kind(span)}, not a giarlint.tree.Span"
    if not all(_positive_int(v) for v in span):
        return f"{finding.code}: span {_short(tuple(span))} has a value that is not a whole number ≥ 1"
    if (span.end_line, span.end_column) < (span.line, span.column):
        return f"{finding.code}: span {tuple(span)} ends before it starts"
    problem = args_problem(finding.args)
    if problem:
        return f"{finding.code}: {problem}"
    if not isinstance(finding.variant, str):
        return f"{finding.code}: variant is {kind(finding.variant)}, not a str"
    cells = getattr(finding, "cells", ())
    if not isinstance(cells, tuple) or not all(isinstance(g, tuple) and all(type(c) is str for c in g) for g in cells):
        return f"{finding.code}: cells are {kind(cells)}, not a tuple of tuples of cell keys"
    if paths is not None:
        if finding.path not in paths:
            return f"{finding.code}: path {_short(finding.path)} is not one of the reports checked"
    elif finding.path is not None and not isinstance(finding.path, str):
        return f"{finding.code}: path is {kind(finding.path)}"
    lengths = line_lengths() if line_lengths is not None else None
    if lengths:
        for line, column in ((span.line, span.column), (span.end_line, span.end_column)):
            if line > len(lengths) or column > lengths[line - 1] + 1:
                return f"{finding.code}: span {tuple(span)} is outside the file ({len(lengths)} lines)"
    return None


def line_lengths_of(text: str) -> list[int]:
    return list(map(len, text.split("\n")))
