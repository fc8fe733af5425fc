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

A case without `base` gives the report in `text`. Only the case's code is selected, so a
case pins exactly the diagnostics of that code: a failing case must produce every expected
position and nothing else; a passing case must produce none. Plugin authors call
`check_case_file` from their own test suite.

Rules over several reports (report-set rules such as cross-year) take a `reports:` list
instead of `text`/`base`; each item has a `path` and its own `base`/`text`/`replace`/`append`.
Every report is linted, then the report-set rules run over all of them, as in
``giarlint check``; expected positions then also name their `path`::

    fail:
      - name: carry-over-broken
        reports:
          - {path: 2021.txt, base: ../seeds/000_074461f2da15a71b.txt, replace: [...]}
          - {path: 2022.txt, base: ../seeds/000_074461f2da15a71b.txt}
        expect:
          - {path: 2022.txt, line: 29, column: 20}

`options` of a case:
  - `lang`, `format-version`, `rule-options` ({rule-name: {option: value}}) as in the settings;
  - `path`: the report's file name (default ``report.txt``), for per-file behaviour;
  - `encoding`: lint the case's UTF-8 bytes decoded with this encoding instead of the
    detection chain (e.g. ``ascii`` to produce GIA001);
  - `plugins`: modules to register as extra plugins, e.g. ``[helpers.broken_rule]``
    (a rule that raises, for GIA099, in ``tests/helpers/``, which is importable because pytest puts
    ``tests/`` on the module path); the module must be importable from the test run;
  - `extend-select`: more code prefixes to run, e.g. the codes of such a plugin's rule (a rule
    runs only when one of its codes is selected); only the case's code is compared.
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
    expect: list[tuple] = field(default_factory=list)  # (line, column) or (path, line, column)
    options: dict = field(default_factory=dict)
    source: str = ""
    reports: list[tuple[str, str]] = field(default_factory=list)  # (path, text) for report-set rules


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
            expect = [_position(e) for e in entry.get("expect", ())]
            if not passing and not expect:
                raise CaseError(f"{where}: a failing case must list the positions it expects")
            if "reports" in entry:
                reports = [(str(r["path"]), _case_text(r, path.parent, f"{where}::{r.get('path')}")) for r in entry["reports"]]
                cases.append(RuleCase(code, name, passing, "", expect, entry.get("options", {}), where, reports))
            else:
                cases.append(
                    RuleCase(code, name, passing, _case_text(entry, path.parent, where), expect,
                             entry.get("options", {}), where)
                )
    return cases


def _position(entry: dict) -> tuple:
    where = (int(entry["line"]), int(entry["column"]))
    return (str(entry["path"]), *where) if "path" in entry else where


def run_case(case: RuleCase, registry=None):
    """The diagnostics of `case.code` on the case's text (or reports)."""
    from giarlint.linter import Linter
    from giarlint.plugins import build_registry
    from giarlint.settings import Settings

    options = case.options
    settings = Settings(
        select=(case.code, *options.get("extend-select", ())),
        lang=options.get("lang", "zh"),
        encoding=options.get("encoding"),
        format_version=options.get("format-version"),
        rule_options=options.get("rule-options", {}),
    )
    if options.get("plugins"):
        registry = build_registry(extra_plugins=tuple(options["plugins"]))
    linter = Linter(registry or build_registry(), settings)
    if case.reports:
        results = [linter.check_text(path, text) for path, text in case.reports]
        found = [d for result in results for d in result.diagnostics]
        found += linter.lint_set([r.report for r in results if r.report is not None])
    else:
        path = options.get("path", "report.txt")
        if settings.encoding:
            found = linter.lint_bytes(path, case.text.encode("utf-8"))
        else:
            found = linter.lint_text(path, case.text)
    return [d for d in found if d.code == case.code]


def check_case(case: RuleCase, registry=None) -> None:
    """Raise AssertionError when the case's diagnostics differ from what it expects."""
    found = run_case(case, registry)
    with_path = any(len(e) == 3 for e in case.expect)
    positions = sorted((d.path, d.line, d.column) if with_path else (d.line, d.column) for d in found)
    expected = sorted(case.expect)
    if positions != expected:
        listing = "\n".join(f"  {d.path}:{d.line}:{d.column}: {d.code} {d.message}" for d in found) or "  (none)"
        raise AssertionError(f"{case.source}: expected {case.code} at {expected}, got {positions}:\n{listing}")


def check_case_file(path: str | Path, registry=None) -> int:
    """Check every case of a file; return how many ran."""
    cases = load_case_file(path)
    for case in cases:
        check_case(case, registry)
    return len(cases)
