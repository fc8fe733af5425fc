"""The table reader on the texts real tools print (tests/layouts): it may leave a cell unread,
but never gives a wrong number, never drops a cell silently from a table it calls read, points
every value at its text, keeps its coverage per tool, lets a changed number be caught by the
identities, and reports a table it cannot read once (GIA003) and nothing else about it.

Fixtures: `texts/<seed>.<tool>.txt` checked against `truth/<seed>.json`; `hand/<case>.txt`
checked against `hand/<case>.json` (tables 三/四; table 二 against the base seed's truth, which
the hand edits leave alone).

Coverage per tool: `python tests/test_layout_fixtures.py` prints the fractions `FLOORS` holds.
"""

from __future__ import annotations

import json
import re
from fnmatch import fnmatch
from pathlib import Path

import pytest

from giarlint.source import normalise_newlines

LAYOUTS = Path(__file__).resolve().parent / "layouts"
TEXTS = sorted((LAYOUTS / "texts").glob("*.txt"))
HAND = sorted((LAYOUTS / "hand").glob("*.txt"))
# held out: other tools and options (tests/layouts/heldout/make_heldout.py), no coverage floors
HELDOUT = sorted((LAYOUTS / "heldout" / "texts").glob("*.txt"))
# stress: the seeds with distinct non-zero values, so that a shifted cell cannot pass for a zero
STRESS = sorted((LAYOUTS / "stress" / "texts").glob("*.txt"))
# markup: the seeds' and the stress variants' pages through pandoc to Org, AsciiDoc, MediaWiki,
# Textile, CommonMark (tests/layouts/markup/make_markup.py)
MARKUP = sorted((LAYOUTS / "markup" / "texts").glob("*.txt"))
# crawlers: the pages and Word files through BeautifulSoup, inscriptis, trafilatura, docx2txt, as
# .doc through antiword and catdoc, and with the PDFs through MarkItDown (tests/layouts/crawlers/make_crawlers.py)
CRAWLERS = sorted((LAYOUTS / "crawlers" / "texts").glob("*.txt"))
# stress/heldout: the stress variants through every held-out tool setup
# (tests/layouts/stress/heldout/make_stress_heldout.py): no zero there hides a shifted cell
STRESS_HELDOUT = sorted((LAYOUTS / "stress" / "heldout" / "texts").glob("*.txt"))
FIXTURES = ([f"texts/{p.name}" for p in TEXTS] + [f"hand/{p.name}" for p in HAND]
            + [f"heldout/texts/{p.name}" for p in HELDOUT] + [f"stress/texts/{p.name}" for p in STRESS]
            + [f"markup/texts/{p.name}" for p in MARKUP] + [f"crawlers/texts/{p.name}" for p in CRAWLERS]
            + [f"stress/heldout/texts/{p.name}" for p in STRESS_HELDOUT])
CASES = [f"hand/{p.name}" for p in HAND]

ARITHMETIC = {"GIA201", "GIA202", "GIA203", "GIA204"}
BALANCE_ROWS = ("new_received", "carried_over", "total", "carried_forward")  # GIA202
RESULT_ROWS = ("granted", "partial", "denied.*", "unable.*", "not_processed.*", "other", "other.*", "total")  # GIA203
TABLE_NAMES = {"table2": "表二", "table3": "表三", "table4": "表四"}
ABSENT = object()

# Fraction of the table 三 and 四 cells of the five seeds read (present and equal to the truth)
# per tool, measured with
#     . .venv/bin/activate && python tests/test_layout_fixtures.py
# The floors are the measured fractions rounded down to two places (1.0 kept exact), so that
# losing cells fails; raise a floor when the reader reads more.
FLOORS = {
    "html2text": 1.0,
    "html2text-t4split": 1.0,
    "lynx": 1.0,
    "lynx-t4split": 1.0,
    "pandoc-gfm": 1.0,
    "pandoc-markdown": 1.0,
    "pandoc-plain": 0.91,  # 861/936: table 四 printed as [TABLE], not in the text at all
    "pandoc-plain-t4split": 1.0,
    "pdf2txt": 1.0,
    "pdf2txt-vertical": 1.0,
    "pdfplumber": 1.0,
    "pdfplumber-split": 1.0,
    "pdfplumber-vertical": 1.0,
    "pdftotext": 1.0,
    "pdftotext-layout": 1.0,
    "pdftotext-layout-split": 1.0,
    "pdftotext-layout-vertical": 1.0,
    "pdftotext-raw": 1.0,
    "pdftotext-split": 1.0,
    "strip-blocks": 1.0,
    "strip-flat": 1.0,
    "strip-flat-t4split": 1.0,
    "w3m": 1.0,
    "w3m-t4split": 1.0,
}


# -- fixtures and their truth --------------------------------------------------------------------
def _path(fixture: str) -> Path:
    return LAYOUTS / fixture


def _text(fixture: str) -> str:
    return _path(fixture).read_text(encoding="utf-8")


_TRUTH: dict[str, dict] = {}


def _truth(fixture: str) -> dict:
    """{"table2"/"table3"/"table4": {row: {column: value}}, "unread": {table: [rows]} or None}."""
    if fixture not in _TRUTH:
        path = _path(fixture)
        if fixture.startswith("hand/"):
            case = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
            seed = json.loads((LAYOUTS / "truth" / f"{case['base'][:3]}.json").read_text(encoding="utf-8"))
            _TRUTH[fixture] = {"table2": seed["table2"], "table3": case["table3"], "table4": case["table4"],
                               "unread": case["unread"], "edit": case["edit"]}
        elif (LAYOUTS / "stress" / "truth" / f"{path.name.split('.')[0]}.json").exists():  # a stress variant
            variant = json.loads((LAYOUTS / "stress" / "truth" / f"{path.name.split('.')[0]}.json").read_text(encoding="utf-8"))
            seed = json.loads((LAYOUTS / "truth" / f"{path.name[:3]}.json").read_text(encoding="utf-8"))
            _TRUTH[fixture] = {"table2": seed["table2"], "table3": variant["table3"], "table4": variant["table4"],
                               "unread": None}
        else:
            seed = json.loads((LAYOUTS / "truth" / f"{path.name[:3]}.json").read_text(encoding="utf-8"))
            _TRUTH[fixture] = {name: seed[name] for name in TABLE_NAMES} | {"unread": None}
    return _TRUTH[fixture]


def _tool(fixture: str) -> str:
    return Path(fixture).name[4:-4]


_REPORTS: dict[str, object] = {}
_LINTS: dict[str, list] = {}


def _report(linter, fixture: str):
    if fixture not in _REPORTS:
        _REPORTS[fixture] = linter.build(str(_path(fixture)), _text(fixture))
    return _REPORTS[fixture]


def _lint(linter, fixture: str) -> list:
    if fixture not in _LINTS:
        _LINTS[fixture] = linter.lint_text(str(_path(fixture)), _text(fixture))
    return _LINTS[fixture]


# -- helpers -------------------------------------------------------------------------------------
def normalised_lines(text: str) -> list[str]:
    """The lines spans count in (the reader sees the text newline-normalised)."""
    return normalise_newlines(text).split("\n")


def _unread_keys(table) -> set[str]:
    return {u.row for u in table.reading.unread} | {u.row for u in table.reading.missing}


def _span_text(lines: list[str], span) -> str:
    if span.line == span.end_line:
        return lines[span.line - 1][span.column - 1 : span.end_column - 1]
    parts = [lines[span.line - 1][span.column - 1 :]]
    parts.extend(lines[n - 1] for n in range(span.line + 1, span.end_line))
    parts.append(lines[span.end_line - 1][: span.end_column - 1])
    return "\n".join(parts)


def _inside(span, line: int, column: int) -> bool:
    return (span.line, span.column) <= (line, column) < (span.end_line, span.end_column)


def _same(got, want) -> bool:
    """A number exactly; a text cell as printed, whatever spaces a tool put inside it (减 15)."""
    if isinstance(got, str) and isinstance(want, str):
        return "".join(got.split()) == "".join(want.split())
    return got == want


def _wrong_cells(report, truth: dict, names=TABLE_NAMES) -> list[str]:
    """Every way the report's tables depart from `truth` other than leaving a cell unread
    where it says so: a wrong value, a cell the truth does not have, a cell dropped from a table
    whose verdict is read without its row listed unread or missing."""
    problems = []
    for name in names:
        expected = truth[name]
        table = report.tables.get(name)
        if table is None:
            continue  # not located: nothing read, nothing to be wrong (GIA107 / coverage tell)
        for row, columns in table.values.items():
            for column, value in columns.items():
                want = expected.get(row, {}).get(column, ABSENT)
                if want is ABSENT:
                    problems.append(f"{name} {row}.{column}: read {value.as_json()!r}, the table has no such cell")
                elif not _same(value.as_json(), want) or (want is None and value.kind != "blank"):  # null: blank
                    problems.append(f"{name} {row}.{column}: read {value.as_json()!r} ({value.kind}, "
                                    f"{value.text!r} at {tuple(value.cell.span)[:2]}), truth {want!r}")
        if table.reading.verdict != "read":
            continue
        excused = _unread_keys(table)
        for row, columns in expected.items():
            for column in columns:
                if column not in table.values.get(row, {}) and row not in excused:
                    problems.append(f"{name} {row}.{column}: dropped from a table read "
                                    f"(unread {sorted(excused)})")
    return problems


# -- 1. no wrong number, nothing dropped silently, every value where its text is -----------------
@pytest.mark.parametrize("fixture", FIXTURES)
def test_every_value_read_is_the_truth_and_no_cell_is_dropped_silently(linter, fixture):
    report = _report(linter, fixture)
    problems = _wrong_cells(report, _truth(fixture))
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("fixture", FIXTURES)
def test_every_value_span_holds_its_text(linter, fixture):
    report = _report(linter, fixture)
    lines = normalised_lines(_text(fixture))
    wrong = []
    for name, row, column, value in report.cell_values():
        span = value.cell.span
        if span.line < 1 or span.end_line > len(lines) or _span_text(lines, span) != value.text:
            wrong.append(f"{name} {row}.{column}: {value.text!r} at {tuple(span)} but the text there is "
                         f"{_span_text(lines, span) if 0 < span.line <= span.end_line <= len(lines) else None!r}")
    assert not wrong, "\n".join(wrong[:20])


# -- 2. coverage per tool does not fall -----------------------------------------------------------
def coverage(build) -> dict[str, tuple[int, int]]:
    """tool -> (cells of tables 三 and 四 read equal to the truth, cells in the truth), over the seeds."""
    out: dict[str, list[int]] = {}
    for path in TEXTS:
        fixture = f"texts/{path.name}"
        truth, report = _truth(fixture), build(fixture)
        counts = out.setdefault(_tool(fixture), [0, 0])
        for name in ("table3", "table4"):
            table = report.tables.get(name)
            for row, columns in truth[name].items():
                for column, want in columns.items():
                    counts[1] += 1
                    value = table.value(row, column) if table is not None else None
                    counts[0] += value is not None and value.as_json() == want
    return {tool: (read, total) for tool, (read, total) in out.items()}


def test_coverage_per_tool_is_not_below_its_floor(linter):
    measured = coverage(lambda fixture: _report(linter, fixture))
    assert set(measured) == set(FLOORS), "every tool needs a floor (run this module as a script)"
    low = {tool: f"{read}/{total} = {read / total:.4f} < {FLOORS[tool]}"
           for tool, (read, total) in measured.items() if read / total < FLOORS[tool]}
    assert not low, low


# -- 3. a number changed in a real layout is read as changed and caught ---------------------------
def _sample(table, count: int, stride: int) -> list[tuple[str, str]]:
    cells = [(row, column) for row, columns in table.values.items() for column, value in columns.items()
             if value.kind == "number" and value.text.isascii() and value.text.isdigit()]
    return cells[::stride][:count]


def _changed(number: int) -> int:
    """number + 1, or number - 1 where + 1 would add a digit: the text keeps its width, so
    aligned columns and digits run together stay where they were."""
    return number + 1 if len(str(number + 1)) == len(str(number)) else number - 1


def _replace(text: str, span, old: str, new: str) -> str:
    lines = text.split("\n")
    target = lines[span.line - 1]
    assert target[span.column - 1 : span.column - 1 + len(old)] == old
    lines[span.line - 1] = target[: span.column - 1] + new + target[span.column - 1 + len(old) :]
    return "\n".join(lines)


def _identities(table, row: str, column: str, glued: bool) -> dict[str, set[tuple[int, int]]]:
    """code -> positions of the cells of each identity (row, column) takes part in."""
    def at(values):
        return {(v.cell.span.line, v.cell.span.column) for v in values}

    values = table.values
    if table.name == "table4":
        return {"GIA204": at(values[row].values())}
    out = {}
    if not glued:  # digits run together: the row's own sum is what split them, GIA201 is not checked
        out["GIA201"] = at(values[row].values())
    if row in BALANCE_ROWS:
        out["GIA202"] = at(values[r][column] for r in BALANCE_ROWS if column in values.get(r, {}))
    if any(fnmatch(row, pattern) for pattern in RESULT_ROWS):
        out["GIA203"] = at(cols[column] for r, cols in values.items()
                           if column in cols and any(fnmatch(r, pattern) for pattern in RESULT_ROWS))
    return out


MUTATED_TABLES = {"table3": (6, 29), "table4": (2, 7)}  # (cells, stride): 6 of 161–175, 2 of 15


def _mutations(linter, fixture):
    report = _report(linter, fixture)
    for name, (count, stride) in MUTATED_TABLES.items():
        table = report.tables.get(name)
        if table is not None and table.read:
            for row, column in _sample(table, count, stride):
                yield name, table, row, column


@pytest.mark.parametrize("fixture", FIXTURES)
def test_a_changed_number_is_read_as_changed_and_caught(linter, fixture):
    text, truth = normalise_newlines(_text(fixture)), _truth(fixture)
    problems = []
    for name, table, row, column in _mutations(linter, fixture):
        value = table.values[row][column]
        new = _changed(int(value.number))
        mutated = _replace(text, value.cell.span, value.text, str(new))
        where = f"{name} {row}.{column} {value.number}→{new}"
        mutant_truth = {n: truth[n] for n in TABLE_NAMES}
        mutant_truth[name] = {r: dict(cols) for r, cols in truth[name].items()}
        mutant_truth[name][row][column] = new
        report = linter.build("mutant.txt", mutated)
        after = report.tables.get(name)
        # (a) the new number, or the row unread; no other cell of the table wrong
        problems.extend(f"{where}: {p}" for p in _wrong_cells(report, mutant_truth, (name,)))
        read = after is not None and after.value(row, column) is not None
        if not read:
            unread = _unread_keys(after) if after is not None else set()
            # a table made unreadable is all unread (its rows may be listed in the other format's keys)
            if after is not None and after.reading.verdict != "unreadable" and row not in unread and "*" not in unread:
                problems.append(f"{where}: the cell is gone but its row is not unread ({sorted(unread)})")
            continue
        # (b) caught by an identity the cell takes part in, at one of that identity's cells
        glued = row in after.reading.by_identity
        identities = _identities(after, row, column, glued and name == "table3")
        found = [d for d in linter.lint_text("mutant.txt", mutated) if d.code in ARITHMETIC]
        hits = [d for d in found if (d.line, d.column) in identities.get(d.code, ())]
        if not hits:
            problems.append(f"{where}{' (glued row)' if glued else ''}: expected one of {sorted(identities)} at "
                            f"its cells, got {[(d.code, d.line, d.column) for d in found]}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("fixture", FIXTURES)
def test_unchanged_fixture_has_no_arithmetic_findings(linter, fixture):
    """The seeds add up; a GIA201–GIA204 on their layouts is a number the reader got wrong."""
    found = [(d.code, d.line, d.column) for d in _lint(linter, fixture) if d.code in ARITHMETIC]
    assert not found


# -- 4. a table not read: one GIA003 and nothing else about it ------------------------------------
def _names_table(diagnostic) -> str | None:
    match = re.search("表[二三四]", diagnostic.message)
    return match.group(0) if match else None


@pytest.mark.parametrize("fixture", FIXTURES)
def test_a_table_not_read_has_one_gia003_and_no_other_finding(linter, fixture):
    """…and a table not found (no table in its section, or one not recognised as it) one GIA107."""
    report, found = _report(linter, fixture), _lint(linter, fixture)
    gia003 = [d for d in found if d.code == "GIA003"]
    assert len(gia003) <= 3, [(d.line, d.message) for d in gia003]
    problems = []
    for name, label in TABLE_NAMES.items():
        table = report.tables.get(name)
        mine = [d for d in gia003 if _names_table(d) == label]
        if table is None:  # not found in the text at all, or not recognised: said once, never passed over
            said = [d for d in found if d.code == "GIA107" and _names_table(d) == label]
            if len(said) != 1:
                problems.append(f"{name} absent: {len(said)} GIA107 naming {label}")
        if table is None or table.read:
            if mine:
                problems.append(f"{name} ({'absent' if table is None else 'read'}) has GIA003: {mine[0].message}")
            continue
        inside = [d for d in found if _inside(table.span, d.line, d.column)]
        if name == "table4":
            gia111 = [d for d in found if d.code == "GIA111"]
            if len(mine) + len(gia111) != 1:
                problems.append(f"table4 {table.reading.verdict}: {len(mine)} GIA003 and {len(gia111)} GIA111")
            others = [d for d in found if d.code == "GIA204"] + [d for d in inside if d.code in ("GIA205", "GIA209")]
        else:
            if len(mine) != 1:
                problems.append(f"{name} {table.reading.verdict}: {len(mine)} GIA003 naming {label}")
            others = [d for d in inside if d.code in ("GIA205", "GIA209")]
            if name == "table3":
                others += [d for d in found if d.code in ("GIA108", "GIA109", "GIA201", "GIA202", "GIA203")]
                others += [d for d in found if d.code == "GIA110" and (_names_table(d) == label or d in inside)]
        problems.extend(f"{name} {table.reading.verdict}: {d.code} {d.line}:{d.column} {d.message}" for d in others)
    assert not problems, "\n".join(problems)


# -- 5. the hand-made cases ------------------------------------------------------------------------
@pytest.mark.parametrize("fixture", CASES)
def test_hand_case_reads_cell_by_cell(linter, fixture):
    report, truth = _report(linter, fixture), _truth(fixture)
    problems = []
    for name in ("table3", "table4"):
        table = report.tables.get(name)
        assert table is not None, name
        got = {u.row for u in table.reading.unread}
        if got != set(truth["unread"][name]):
            problems.append(f"{name}: unread {sorted(got)}, expected {truth['unread'][name]}: "
                            f"{[(u.row, u.reason.value, u.found, u.width) for u in table.reading.unread]}")
        if not truth["unread"][name] and not table.read:
            problems.append(f"{name}: verdict {table.reading.verdict}, expected read")
        for row, columns in truth[name].items():
            for column, want in columns.items():
                value = table.value(row, column)
                if row in truth["unread"][name]:
                    if value is not None:
                        problems.append(f"{name} {row}.{column}: read {value.as_json()!r} in a row that must be unread")
                elif value is None:
                    problems.append(f"{name} {row}.{column}: not read, expected {want!r}")
                elif value.as_json() != want or (want is None and value.kind != "blank"):
                    problems.append(f"{name} {row}.{column}: {value.kind} {value.as_json()!r}, expected {want!r}")
        extra = [(row, column) for row, columns in table.values.items() for column in columns
                 if column not in truth[name].get(row, {})]
        if extra:
            problems.append(f"{name}: cells the form does not have: {extra}")
    assert not problems, "\n".join(problems)


def _misspelt_label(fixture: str) -> str | None:
    match = re.search(r"printed (\S+)", _truth(fixture)["edit"])
    return match.group(1) if match else None


@pytest.mark.parametrize("fixture", [c for c in CASES if "label-typo" in c])
def test_label_typo_is_gia113_at_the_label(linter, fixture):
    label = _misspelt_label(fixture)
    assert label, _truth(fixture)["edit"]
    lines = normalised_lines(_text(fixture))
    at = [(number, line.index(label) + 1) for number, line in enumerate(lines, 1) if label in line]
    assert len(at) == 1, at  # the misspelt label occurs once, in table 三
    found = [(d.line, d.column) for d in _lint(linter, fixture) if d.code == "GIA113"]
    assert found == at


if __name__ == "__main__":  # measure FLOORS
    from giarlint.linter import Linter
    from giarlint.plugins import build_registry

    measuring = Linter(build_registry(load_plugins=False))
    for tool, (read, total) in sorted(coverage(lambda fixture: _report(measuring, fixture)).items()):
        print(f"    {tool!r}: {read / total:.4f},  # {read}/{total}")
