"""Hostile plugins: one per way a third-party plugin has been seen to take a run down.

Each is an object with hook implementations, installed through its own entry point (see
`install`), so giarlint loads it exactly as it loads a package from PyPI. Each declares its own
code (HOS + a number); the rules misbehave on every report, the readers on ``.hostile`` files
only (so that the good reports are still read by giarlint's own readers).
"""

from __future__ import annotations

from pathlib import Path

from giarlint.catalogue import CodeDoc
from giarlint.hookspecs import hookimpl
from giarlint.readers import ConvertedSource
from giarlint.rule import Finding, ReportSetRule, Rule
from giarlint.tree import Span

GOOD_SPAN = Span(1, 1, 1, 2)


def _doc(code: str, rule: str) -> dict[str, CodeDoc]:
    text = {"zh": "测试用：恶意插件", "en": "test only: a hostile plugin"}
    messages = {"default": {"zh": "恶意插件 {what}", "en": "hostile plugin {what}"}}
    return {code: CodeDoc(code, rule, "W", True, text, text, "", "", messages)}


class BadRepr:
    """An object whose repr and str raise: an error message must not depend on them."""

    def __repr__(self):
        raise RuntimeError("no repr")

    __str__ = __repr__


def _infinite():
    while True:
        yield Finding("HOS116", GOOD_SPAN, {"what": "again"})


def _ignores_close():
    """A runaway generator that yields again when closed (Python then raises RuntimeError)."""
    while True:
        try:
            yield Finding("HOS117", GOOD_SPAN, {"what": "again"})
        except GeneratorExit:
            pass


def _good_then_raise():
    yield Finding("HOS118", GOOD_SPAN, {"what": "kept"})
    raise ValueError("half-way")


def _exit_in_generator():
    yield Finding("HOS121", GOOD_SPAN, {"what": "kept"})
    raise SystemExit(0)


def _raise(exc):
    def check():
        raise exc
    return check


# code -> what `check` returns (a callable of no arguments giving the rule's result)
RULE_BEHAVIOURS = {
    "yields-str": ("HOS101", lambda: iter(["oops"])),
    "yields-none": ("HOS102", lambda: iter([None])),
    "yields-dict": ("HOS103", lambda: iter([{"code": "HOS103"}])),
    "returns-non-iterable": ("HOS104", lambda: 5),
    "returns-str": ("HOS105", lambda: "HOS105"),
    "mixed-span": ("HOS106", lambda: [Finding("HOS106", Span("1", 1, 1.0, 2))]),
    "none-span": ("HOS107", lambda: [Finding("HOS107", None)]),
    "non-dict-args": ("HOS108", lambda: [Finding("HOS108", GOOD_SPAN, ["what", "x"])]),
    "zero-line": ("HOS109", lambda: [Finding("HOS109", Span(0, 0, 0, 0), {"what": "zero"})]),
    "negative-line": ("HOS110", lambda: [Finding("HOS110", Span(-3, 1, -3, 2), {"what": "negative"})]),
    "span-outside-file": ("HOS111", lambda: [Finding("HOS111", Span(10**6, 1, 10**6, 2), {"what": "far"})]),
    "emits-gia-code": ("HOS112", lambda: [Finding("GIA201", GOOD_SPAN, {"row": "x", "total": 1, "parts": 2})]),
    "system-exit-0": ("HOS113", _raise(SystemExit(0))),
    "keyboard-interrupt": ("HOS114", _raise(KeyboardInterrupt())),
    "generator-exit": ("HOS115", _raise(GeneratorExit())),
    "runaway-generator": ("HOS116", _infinite),
    "ignores-close": ("HOS117", _ignores_close),
    "raises-half-way": ("HOS118", _good_then_raise),
    "bad-repr-args": ("HOS119", lambda: [Finding("HOS119", GOOD_SPAN, {"what": BadRepr()})]),
    "bad-repr-exception": ("HOS120", _raise(type("Unprintable", (Exception,), {"__repr__": BadRepr.__repr__,
                                                                                "__str__": BadRepr.__repr__})())),
    "system-exit-in-generator": ("HOS121", lambda: _exit_in_generator()),
}


class HostileRule(Rule):
    def __init__(self, name: str, code: str, behaviour):
        self.name, self.code, self.behaviour = name, code, behaviour

    def catalogue(self):
        return _doc(self.code, self.name)

    def check(self, report, context):
        return self.behaviour()


class RulePlugin:
    def __init__(self, name: str, code: str, behaviour):
        self.rule = HostileRule(name, code, behaviour)

    @hookimpl
    def giarlint_rules(self):
        return [self.rule]


class HostileSetRule(ReportSetRule):
    def __init__(self, name: str, code: str, summarize=None, check_set=None):
        self.name, self.code = name, code
        self._summarize, self._check_set = summarize, check_set

    def catalogue(self):
        return _doc(self.code, self.name)

    def summarize(self, report, context):
        return self._summarize(report) if self._summarize else report.path

    def check_set(self, summaries, context):
        return self._check_set(summaries)


class SetRulePlugin:
    def __init__(self, rule):
        self.rule = rule

    @hookimpl
    def giarlint_report_set_rules(self):
        return [self.rule]


def _summary_exits(report):
    raise SystemExit(3)


SET_BEHAVIOURS = {
    "set-summarize-exits": HostileSetRule("set-summarize-exits", "HOS201", _summary_exits,
                                          lambda summaries: [Finding("HOS201", GOOD_SPAN, {"what": "x"}, path=summaries[0])]),
    "set-unknown-path": HostileSetRule("set-unknown-path", "HOS202", None,
                                       lambda summaries: [Finding("HOS202", GOOD_SPAN, {"what": "x"}, path="/no/such.txt")]),
    "set-none-path": HostileSetRule("set-none-path", "HOS203", None,
                                    lambda summaries: [Finding("HOS203", GOOD_SPAN, {"what": "x"})]),
    "set-span-outside": HostileSetRule("set-span-outside", "HOS204", None,
                                       lambda summaries: [Finding("HOS204", Span(99999, 1, 99999, 1), {"what": "x"},
                                                                  path=summaries[0])]),
}


class ReaderPlugin:
    """A reader of ``.hostile`` files that answers with `answer(data)`."""

    def __init__(self, answer):
        self.answer = answer

    @hookimpl
    def giarlint_source_suffixes(self):
        return [".hostile"]

    @hookimpl
    def giarlint_read_source(self, path, data):
        if not path.endswith(".hostile"):
            return None
        return self.answer(data)


def _reader_exits(data):
    raise SystemExit(0)


def _bad_positions(data):
    from giarlint.readers import PositionMap

    text = data.decode("utf-8")
    return ConvertedSource(text, "hostile", positions=PositionMap(text, [0], [1]))


READER_BEHAVIOURS = {
    "reader-returns-str": lambda data: data.decode("utf-8"),
    "reader-returns-bytes": lambda data: data,
    "reader-system-exit": _reader_exits,
    "reader-bad-positions": _bad_positions,
}


class FormatterPlugin:
    def __init__(self, name, formatter):
        self.name, self.formatter = name, formatter

    @hookimpl
    def giarlint_formatters(self):
        return {self.name: self.formatter}


def _formatter_exits():
    raise SystemExit(0)


def _formatter_raises(diagnostics, context):
    raise RuntimeError("formatter broke")


FORMATTER_BEHAVIOURS = {
    "formatter-raises": _formatter_raises,
    "formatter-returns-bytes": lambda diagnostics, context: b"bytes",
    "formatter-returns-none": lambda diagnostics, context: None,
    "formatter-system-exit": lambda diagnostics, context: _formatter_exits(),
}

# Every hostile plugin: entry-point name -> the plugin object (an attribute of this module).
PLUGINS: dict[str, object] = {}
for _name, (_code, _behaviour) in RULE_BEHAVIOURS.items():
    PLUGINS[_name] = RulePlugin(_name, _code, _behaviour)
for _name, _rule in SET_BEHAVIOURS.items():
    PLUGINS[_name] = SetRulePlugin(_rule)
for _name, _answer in READER_BEHAVIOURS.items():
    PLUGINS[_name] = ReaderPlugin(_answer)
for _name, _formatter in FORMATTER_BEHAVIOURS.items():
    PLUGINS[_name] = FormatterPlugin(_name, _formatter)
# named like a built-in module, but third-party: it may not emit GIA codes at run time either
PLUGINS["giarlint.totals2"] = RulePlugin("totals2", "HOS301",
                                         lambda: [Finding("GIA201", GOOD_SPAN, {"row": "x", "total": 1, "parts": 2})])
# refused while loading (exit 2 naming the plugin), so installed on their own
LOAD_TIME: dict[str, object] = {
    "giarlint.totals3": RulePlugin("totals3", "GIA777", lambda: []),  # a GIA code, though named like a built-in
    "rules-listing-exits": type("ListingExits", (), {"giarlint_rules": hookimpl(lambda self: _formatter_exits())})(),
}
PLUGINS.update(LOAD_TIME)


class ExitingValidator(HostileRule):
    options = {"level": "any"}

    def validate_option(self, name, value):
        raise SystemExit(0)


# hostile only when the configuration gives them an option
CONFIG_TIME: dict[str, object] = {"validator-exits": RulePlugin("validator-exits", "HOS401", lambda: [])}
CONFIG_TIME["validator-exits"].rule = ExitingValidator("validator-exits", "HOS401", lambda: [])
PLUGINS.update(CONFIG_TIME)
NOT_AT_RUN_TIME = set(LOAD_TIME) | set(CONFIG_TIME)
ATTRIBUTE = {name: "plugin_" + name.replace("-", "_").replace(".", "_") for name in PLUGINS}
globals().update({ATTRIBUTE[name]: plugin for name, plugin in PLUGINS.items()})


def install(directory: Path, names) -> str:
    """A distribution (dist-info with one entry point per name) whose plugins are those of this
    module; returns the directory to put on PYTHONPATH (with tests/ for `helpers`)."""
    dist = directory / "giarlint_hostile-6.6.6.dist-info"
    dist.mkdir(parents=True, exist_ok=True)
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: giarlint_hostile\nVersion: 6.6.6\n", encoding="utf-8")
    lines = [f"{name} = helpers.hostile:{ATTRIBUTE[name]}" for name in names]
    (dist / "entry_points.txt").write_text("[giarlint]\n" + "\n".join(lines) + "\n", encoding="utf-8")
    return str(directory)
