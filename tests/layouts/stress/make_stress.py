"""Stress set for the table reader: the seeds with NON-ZERO, mutually consistent tables 三/四.

The layout fixtures (tests/layouts/texts) come from seeds whose tables are mostly zeros, so a
reader that shifts values by a row or a column may still look exact.  This script (run by
hand, not by pytest):

1. takes every seed in tests/seeds/ and makes K variants of it; in each, every value of table
   三 and table 四 gets a random value (seeded RNG; non-zero values distinct within a table as
   far as the identities allow; a 1/2/3-digit mix plus some zeros) satisfying the form:
     table 三, every row:    总计 = sum of the six applicant columns
     table 三, every column: （七）总计 = sum of the handling-result rows
                             一 + 二 = （七）总计 + 四
     table 四, every group:  总计 = sum of its four values
   The new numbers are written at the spans the current reader gives for the seed's values
   (everything else in the text is kept) and the variant must read back exactly;
2. renders every variant with the documents and tools of make_layouts.py and writes
     variants/<variant>.txt          the variant text
     texts/<variant>.<tool>.txt      what each tool printed
     truth/<variant>.json            {"table3": {row: {col: value}}, "table4": {...}}
3. scores each text (normalise_newlines, reflow, build_report) against the truth and lints it,
   writing score.json and REPORT.md.

    . .venv/bin/activate && python tests/layouts/stress/make_stress.py [--score-only]
"""

from __future__ import annotations

import json
import random
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
LAYOUTS = HERE.parent
TESTS = LAYOUTS.parent
sys.path[:0] = [str(LAYOUTS), str(TESTS)]

import make_layouts  # noqa: E402
import seed_renderings  # noqa: E402

from giarlint.report import build_report  # noqa: E402

K = 1  # variants per seed (the committed set; more make the same kind of text)
SEED = 20240601
VARIANTS_DIR, TEXTS, TRUTH = HERE / "variants", HERE / "texts", HERE / "truth"
COLUMNS = ["natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org"]
T4_PARTS = ["upheld", "corrected", "other", "pending"]
LINT_CODES = {"GIA201", "GIA202", "GIA203", "GIA204", "GIA003"}


# -- 1. values ----------------------------------------------------------------------------
class Picker:
    """Random leaf values: ~20% zero, else 1, 2 or 3 digits; non-zero values not reused."""

    def __init__(self, rng: random.Random):
        self.rng, self.used = rng, set()

    def leaf(self, zero=0.2) -> int:
        if self.rng.random() < zero:
            return 0
        for _ in range(200):
            digits = self.rng.choices([1, 2, 3], weights=[3, 4, 2])[0]
            value = self.rng.randint(1 if digits == 1 else 10 ** (digits - 1), 10 ** digits - 1)
            if value not in self.used:
                self.used.add(value)
                return value
        raise RuntimeError("no unused value")


def handling_rows(keys: list[str]) -> list[str]:
    return [k for k in keys if k not in ("new_received", "carried_over", "total", "carried_forward")]


def table3_values(keys: list[str], rng: random.Random) -> dict:
    for _ in range(500):
        pick = Picker(rng)
        values = {k: {} for k in keys}
        for c in COLUMNS:
            for k in handling_rows(keys):
                values[k][c] = pick.leaf()
            total = sum(values[k][c] for k in handling_rows(keys))
            values["total"][c] = total
            values["carried_forward"][c] = pick.leaf(zero=0.3)
            intake = total + values["carried_forward"][c]
            carried = pick.leaf(zero=0.3)
            if carried > intake:
                carried = 0
            values["carried_over"][c] = carried
            values["new_received"][c] = intake - carried
        for k in keys:
            values[k]["total"] = sum(values[k][c] for c in COLUMNS)
        nonzero = [v for row in values.values() for v in row.values() if v]
        if len(nonzero) == len(set(nonzero)):  # every non-zero value once in the table
            return values
    raise RuntimeError("could not make distinct values")


def table4_values(rng: random.Random, avoid: set[int]) -> dict:
    for _ in range(500):
        pick = Picker(rng)
        pick.used |= avoid
        values = {}
        for g in ("review", "litigation_direct", "litigation_after_review"):
            values[g] = {p: pick.leaf(zero=0.25) for p in T4_PARTS}
            values[g]["total"] = sum(values[g].values())
        nonzero = [v for row in values.values() for v in row.values() if v]
        if len(nonzero) == len(set(nonzero)) and not (set(nonzero) & avoid):
            return values
    raise RuntimeError("could not make distinct table 4 values")


def numbers_of(report) -> dict:
    out = {}
    for key in ("table3", "table4"):
        table = report.tables.get(key)
        out[key] = {row: {col: (v.number if v.kind == "number" else None) for col, v in cols.items()}
                    for row, cols in (table.values.items() if table else [])}
    return out


def substitute(text: str, report, truth: dict) -> str:
    """The seed text with every table 三/四 value replaced at its span."""
    lines = text.split("\n")
    edits = defaultdict(list)  # line index -> [(start, end, new)]
    for key in ("table3", "table4"):
        for row, cols in report.tables[key].values.items():
            for col, value in cols.items():
                span = value.cell.span
                if span.line != span.end_line:
                    raise SystemExit(f"multi-line span {key} {row} {col}")
                edits[span.line - 1].append((span.column - 1, span.end_column - 1, str(truth[key][row][col])))
    for index, changes in edits.items():
        line = lines[index]
        for start, end, new in sorted(changes, reverse=True):
            if not line[start:end].strip().isdigit():
                raise SystemExit(f"span {index + 1}:{start + 1} is {line[start:end]!r}, not a number")
            line = line[:start] + new + line[end:]
        lines[index] = line
    return "\n".join(lines)


def make_variants() -> list[tuple[str, Path, dict]]:
    out = []
    for path in seed_renderings.seed_paths():
        number = path.name[:3]
        text = path.read_text(encoding="utf-8")
        report = build_report(text, str(path))
        keys3 = list(report.tables["table3"].values)
        for k in range(K):
            rng = random.Random(f"{SEED}-{number}-{k}")
            t3 = table3_values(keys3, rng)
            t4 = table4_values(rng, {v for row in t3.values() for v in row.values() if v})
            truth = {"table3": t3, "table4": t4}
            new_text = substitute(text, report, truth)
            name = f"{number}-v{k}"
            vpath = VARIANTS_DIR / f"{name}.txt"
            vpath.write_text(new_text, encoding="utf-8")
            back = numbers_of(build_report(new_text, str(vpath)))
            if back != truth:
                raise SystemExit(f"{name}: the variant does not read back as written")
            (TRUTH / f"{name}.json").write_text(json.dumps({"seed": path.name, "format": report.format, **truth},
                                                           ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
            out.append((name, vpath, truth))
    return out


# -- 2. rendering -------------------------------------------------------------------------
def render_all(variants) -> int:
    runs = make_layouts.tool_runs()
    written = 0
    with tempfile.TemporaryDirectory() as scratch:
        for name, vpath, _ in variants:
            report = seed_renderings.seed_report(vpath)
            files = {}
            for doc, (suffix, _, make) in make_layouts.DOCUMENTS.items():
                files[doc] = Path(scratch) / f"{name}.{doc}{suffix}"
                files[doc].write_bytes(make(report))
            for tool, (document, _, runner) in runs.items():
                (TEXTS / f"{name}.{tool}.txt").write_bytes(runner(files[document]).encode("utf-8"))
                written += 1
    return written


# -- 3. scoring ---------------------------------------------------------------------------
def read_text(text: str, path: str):
    from giarlint.readers.flat import reflow
    from giarlint.source import normalise_newlines

    t = normalise_newlines(text)
    f = reflow(t)
    read = f.text if f else t
    return read, build_report(read, path)


def context(lines: list[str], line: int, around=2) -> str:
    lo, hi = max(1, line - around), min(len(lines), line + around)
    return "\n".join(f"{'>' if n == line else ' '}{n:5d}| {lines[n - 1]}" for n in range(lo, hi + 1))


def score_all() -> dict:
    from giarlint.linter import Linter
    from giarlint.plugins import build_registry

    linter = Linter(build_registry(load_plugins=False))
    results = {}
    for path in sorted(TEXTS.glob("*.txt")):
        name, tool = path.name[: -len(".txt")].split(".", 1)
        truth = json.loads((TRUTH / f"{name}.json").read_text(encoding="utf-8"))
        raw = path.read_text(encoding="utf-8")
        read, report = read_text(raw, str(path))
        lines = read.split("\n")
        got = {k: report.tables.get(k) for k in ("table3", "table4")}
        counts = Counter()
        wrong = []
        for key in ("table3", "table4"):
            for row, cols in truth[key].items():
                for col, want in cols.items():
                    value = got[key].values.get(row, {}).get(col) if got[key] else None
                    if value is None or value.kind != "number":
                        counts["unread"] += 1
                        continue
                    if value.number == want:
                        counts["exact"] += 1
                        continue
                    counts["wrong"] += 1
                    span = value.cell.span if value.cell else None
                    wrong.append({"table": key, "row": row, "col": col, "truth": want, "read": value.number,
                                  "cell_text": value.cell.text if value.cell else None,
                                  "line": span.line if span else None,
                                  "context": context(lines, span.line) if span else ""})
        findings = [d for d in linter.lint_text(str(path), raw) if d.code in LINT_CODES]
        diags = [{"code": d.code, "line": d.line, "column": d.column, "message": d.message,
                  "context": context(raw.split("\n"), d.line)} for d in findings]
        results[path.name] = {"variant": name, "tool": tool, **counts, "wrong_values": wrong, "findings": diags,
                              "reflowed": read != normalise(raw)}
    return results


def normalise(text: str) -> str:
    from giarlint.source import normalise_newlines

    return normalise_newlines(text)


def write_report(results: dict) -> None:
    by_tool = defaultdict(Counter)
    for r in results.values():
        c = by_tool[r["tool"]]
        c["texts"] += 1
        for k in ("exact", "wrong", "unread"):
            c[k] += r.get(k, 0)
        for d in r["findings"]:
            c[d["code"]] += 1
        if r.get("wrong", 0):
            c["texts_wrong"] += 1
    codes = sorted(LINT_CODES)
    out = ["# Stress set: scores per tool", "",
           f"{len(results)} texts; {K} variants of each seed; values per text: table 三 + 四.", "",
           "| tool | texts | exact | WRONG | not read | texts with WRONG | " + " | ".join(codes) + " |",
           "| --- | ---: | ---: | ---: | ---: | ---: | " + " | ".join("---:" for _ in codes) + " |"]
    for tool in sorted(by_tool):
        c = by_tool[tool]
        out.append(f"| {tool} | {c['texts']} | {c['exact']} | {c['wrong']} | {c['unread']} | {c['texts_wrong']} | "
                   + " | ".join(str(c[code]) for code in codes) + " |")
    out += ["", "## Wrong values", ""]
    for fname, r in results.items():
        for w in r["wrong_values"]:
            out += [f"### {fname}: {w['table']} {w['row']} / {w['col']}: truth {w['truth']}, read {w['read']}", "",
                    "```", w["context"], "```", ""]
    out += ["## GIA201–GIA204 / GIA003 findings", ""]
    for fname, r in results.items():
        for d in r["findings"]:
            out += [f"### {fname}:{d['line']}:{d['column']} {d['code']}", "", d["message"], "", "```", d["context"], "```", ""]
    (HERE / "REPORT.md").write_text("\n".join(out) + "\n", encoding="utf-8")
    (HERE / "score.json").write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print("\n".join(out[:6 + len(by_tool)]))


def main() -> int:
    if "--score-only" not in sys.argv:
        for folder in (VARIANTS_DIR, TEXTS, TRUTH):
            folder.mkdir(exist_ok=True)
            for old in folder.iterdir():
                old.unlink()
        variants = make_variants()
        print(f"{len(variants)} variants read back exactly")
        print(f"wrote {render_all(variants)} texts")
    write_report(score_all())
    return 0


if __name__ == "__main__":
    sys.exit(main())
