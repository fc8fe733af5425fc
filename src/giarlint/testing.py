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

A case without `base` gives the report in `text`. `replace` items take `count` (default 1; -1
replaces every occurrence); `append` is added after them. Every key is checked: an unknown
key, a value of the wrong kind or an unreadable `base` raises `CaseError` naming file and key. Only the case's code is selected, so a
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


FILE_KEYS = ("code", "fail", "pass")
CASE_KEYS = ("name", "text", "base", "replace", "append", "expect", "options", "reports")
REPORT_KEYS = ("path", "text", "base", "replace", "append")
REPLACE_KEYS = ("old", "new", "count")
EXPECT_KEYS = ("line", "column", "path")
OPTION_KEYS = ("lang", "format-version", "rule-options", "path", "encoding", "plugins", "extend-select")


def _mapping(value, where: str, known: tuple[str, ...], required: tuple[str, ...] = ()) -> dict:
    """`value` as a mapping with only `known` keys and every `required` one; else a CaseError naming them."""
    if not isinstance(value, dict):
        raise CaseError(f"{where}: expected a mapping ({', '.join(known)}), got {type(value).__name__} {value!r}")
    unknown = [key for key in value if key not in known]
    if unknown:
        raise CaseError(f"{where}: unknown key `{unknown[0]}` (known: {', '.join(known)})")
    missing = [key for key in required if key not in value]
    if missing:
        raise CaseError(f"{where}: missing key `{missing[0]}`")
    return value


def _list(value, where: str) -> list:
    if value is None:
        return []
    if not isinstance(value, list):
        raise CaseError(f"{where}: expected a list, got {type(value).__name__} {value!r}")
    return value


def _string(value, where: str) -> str:
    if not isinstance(value, str):
        raise CaseError(f"{where}: expected text, got {type(value).__name__} {value!r}")
    return value


def _case_text(entry: dict, directory: Path, where: str) -> str:
    if "base" in entry:
        base = directory / _string(entry["base"], f"{where}: `base`")
        try:
            text = base.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise CaseError(f"{where}: `base`: cannot read {base}: {exc}") from None
    elif "text" in entry:
        text = _string(entry["text"], f"{where}: `text`")
    else:
        raise CaseError(f"{where}: a case needs `text` or `base`")
    for number, replacement in enumerate(_list(entry.get("replace"), f"{where}: `replace`")):
        item = f"{where}: `replace[{number}]`"
        replacement = _mapping(replacement, item, REPLACE_KEYS, ("old", "new"))
        old, new = _string(replacement["old"], f"{item}.old"), _string(replacement["new"], f"{item}.new")
        count = replacement.get("count", 1)
        if not isinstance(count, int) or isinstance(count, bool) or not (count >= 1 or count == -1):
            raise CaseError(f"{item}.count: expected a whole number of at least 1, or -1 for every occurrence, "
                            f"got {count!r}")
        if old not in text:
            raise CaseError(f"{where}: replacement {old!r} matches nothing")
        text = text.replace(old, new, count)
    return text + _string(entry.get("append", ""), f"{where}: `append`")


def load_case_file(path: str | Path) -> list[RuleCase]:
    """The cases of one YAML file. A wrong file — unknown or missing keys, values of the wrong kind, a
    `base` that cannot be read — raises `CaseError` naming the file, the case and the key."""
    path = Path(path)
    try:
        raw = load_yaml(path)
    except Exception as exc:  # a missing file or bad YAML: name the file, not a traceback of the loader
        raise CaseError(f"{path}: cannot load the case file: {exc}") from None
    raw = _mapping(raw, str(path), FILE_KEYS, ("code",))
    code = raw.get("code")
    if not code or not isinstance(code, str):
        raise CaseError(f"{path}: `code` must name one code, got {code!r}")
    cases = []
    for passing, key in ((False, "fail"), (True, "pass")):
        for number, entry in enumerate(_list(raw.get(key), f"{path}: `{key}`")):
            entry = _mapping(entry, f"{path.name}::{key}[{number}]", CASE_KEYS)
            name = str(entry.get("name", f"{key}-{number}"))
            where = f"{path.name}::{name}"
            expect = [_position(e, f"{where}: `expect[{i}]`") for i, e in enumerate(_list(entry.get("expect"), f"{where}: `expect`"))]
            if not passing and not expect:
                raise CaseError(f"{where}: a failing case must list the positions it expects")
            options = _mapping(entry.get("options") or {}, f"{where}: `options`", OPTION_KEYS)
            if "reports" in entry:
                reports = []
                for index, report in enumerate(_list(entry["reports"], f"{where}: `reports`")):
                    report = _mapping(report, f"{where}: `reports[{index}]`", REPORT_KEYS, ("path",))
                    reports.append((str(report["path"]), _case_text(report, path.parent, f"{where}::{report['path']}")))
                cases.append(RuleCase(code, name, passing, "", expect, options, where, reports))
            else:
                cases.append(RuleCase(code, name, passing, _case_text(entry, path.parent, where), expect, options, where))
    return cases


def _position(entry, where: str) -> tuple:
    entry = _mapping(entry, where, EXPECT_KEYS, ("line", "column"))
    for key in ("line", "column"):
        if not isinstance(entry[key], int) or isinstance(entry[key], bool) or entry[key] < 1:
            raise CaseError(f"{where}.{key}: expected a 1-based whole number, got {entry[key]!r}")
    where_at = (entry["line"], entry["column"])
    return (str(entry["path"]), *where_at) if "path" in entry else where_at


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
