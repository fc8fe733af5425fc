"""Run rule test cases written as YAML (in the style of sqlfluff's ``std_rule_cases``).

A case file names one code and lists passing and failing snippets::

    code: GIA201
    fail:
      - name: row-total-off-by-one
        base: ../seeds/000_074461f2da15a71b.txt      # optional: start from a whole report
        replace:                                      # each `old` must occur, or the case errors
          - {old: "| 13 | 0 | 0 | 0 | 0 | 0 | 13 |", new: "| 13 | 0 | 0 | 0 | 0 | 0 | 14 |"}
        expect:
          - {line: 28, column: 55}
    pass:
      - name: seed-000
        base: ../seeds/000_074461f2da15a71b.txt

A case without `base` gives the report in `text`. Only the case's code is selected (plus
the codes of an `extend-select` option, for codes that need others to run, such as GIA009)
and only its diagnostics are compared, so a case pins exactly the diagnostics of that code:
a failing case must produce every expected position and nothing else; a passing case must
produce none. Plugin authors call `check_case_file` from their own test suite.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from giarlint.data import load_yaml


class CaseError(Exception):
    """The case file itself is wrong (a replacement that matches nothing, a missing key)."""


@dataclass
class RuleCase:
    code: str
    name: str
    passing: bool
    text: str
    expect: list[tuple[int, int]] = field(default_factory=list)
    options: dict = field(default_factory=dict)
    source: str = ""


def _case_text(entry: dict, directory: Path, where: str) -> str:
    if "base" in entry:
        text = (directory / entry["base"]).read_text(encoding="utf-8")
    elif "text" in entry:
        text = entry["text"]
    else:
        raise CaseError(f"{where}: a case needs `text` or `base`")
    for replacement in entry.get("replace", ()):
        old, new = replacement["old"], replacement["new"]
        if old not in text:
            raise CaseError(f"{where}: replacement {old!r} matches nothing")
        text = text.replace(old, new, int(replacement.get("count", 1)))
    return text + entry.get("append", "")


def load_case_file(path: str | Path) -> list[RuleCase]:
    path = Path(path)
    raw = load_yaml(path)
    code = raw.get("code")
    if not code:
        raise CaseError(f"{path}: no `code`")
    cases = []
    for passing, key in ((False, "fail"), (True, "pass")):
        for number, entry in enumerate(raw.get(key) or ()):
            name = entry.get("name", f"{key}-{number}")
            where = f"{path.name}::{name}"
            expect = [(int(e["line"]), int(e["column"])) for e in entry.get("expect", ())]
            if not passing and not expect:
                raise CaseError(f"{where}: a failing case must list the positions it expects")
            cases.append(
                RuleCase(code, name, passing, _case_text(entry, path.parent, where), expect,
                         entry.get("options", {}), where)
            )
    return cases


def run_case(case: RuleCase, registry=None):
    """The diagnostics of `case.code` on the case's text."""
    from giarlint.linter import Linter
    from giarlint.plugins import build_registry
    from giarlint.settings import Settings

    options = case.options
    settings = Settings(
        select=(case.code, *options.get("extend-select", ())),
        lang=options.get("lang", "zh"),
        format_version=options.get("format-version"),
        rule_options=options.get("rule-options", {}),
    )
    linter = Linter(registry or build_registry(), settings)
    path = options.get("path", "report.txt")
    return [d for d in linter.lint_text(path, case.text) if d.code == case.code]


def check_case(case: RuleCase, registry=None) -> None:
    """Raise AssertionError when the case's diagnostics differ from what it expects."""
    found = run_case(case, registry)
    positions = sorted((d.line, d.column) for d in found)
    expected = sorted(case.expect)
    if positions != expected:
        listing = "\n".join(f"  {d.line}:{d.column}: {d.code} {d.message}" for d in found) or "  (none)"
        raise AssertionError(f"{case.source}: expected {case.code} at {expected}, got {positions}:\n{listing}")


def check_case_file(path: str | Path, registry=None) -> int:
    """Check every case of a file; return how many ran."""
    cases = load_case_file(path)
    for case in cases:
        check_case(case, registry)
    return len(cases)
