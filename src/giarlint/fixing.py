"""Apply the certain fixes of a file's findings (``--fix``, ``--diff``), keeping the file's bytes
otherwise: its encoding, BOM and line endings.

Only text and Markdown files are fixed: for a web page, Word or PDF file the findings point into the
text giarlint converted it to, which is not the file. Fixes are applied in passes (a fix that
overlaps another waits for the next pass, after the file is linted again) and the result is kept
only when every statistical table reads the same numbers as before: a fix never changes a number.
"""

from __future__ import annotations

import codecs
import os
import re
from typing import NamedTuple

from giarlint.diagnostics import Diagnostic, Edit
from giarlint.outfile import replace_bytes
from giarlint.source import DecodeError, decode, normalise_newlines

MAX_PASSES = 4
FIXABLE_CODES = ("GIA501", "GIA502", "GIA503", "GIA504", "GIA505", "GIA106", "GIA109")  # the built-in codes with fixes
TEXT_SUFFIXES = (".txt", ".md", ".markdown")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_BOM_CODECS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class FixRefused(Exception):
    """Why a file's fixes are not applied (said on standard error; the findings are still reported)."""


class FixResult(NamedTuple):
    original: bytes
    fixed: bytes
    applied: list[Diagnostic]  # the findings the fixes correct


def refusal_for(path: str) -> str | None:
    """Why files like `path` are never fixed, or None when they are text giarlint may edit."""
    suffix = os.path.splitext(path)[1].lower()
    if path == "-":
        return "standard input is not fixed; name the file"
    if suffix not in TEXT_SUFFIXES:
        kinds = {".docx": "Word", ".pdf": "PDF"}
        kind = kinds.get(suffix, "web page" if suffix in (".html", ".htm", ".shtml", ".xhtml") else suffix or "this")
        return f"{kind} files are not fixed (findings point into the converted text); fix the source document"
    return None


def _split_bom(data: bytes, encoding: str) -> tuple[bytes, str]:
    """(BOM bytes, codec of the rest) for a file `decode` read as `encoding`."""
    if encoding in ("utf-8-sig", "utf-16", "utf-32"):
        for bom, codec in _BOM_CODECS:
            if data.startswith(bom):
                return bom, codec
    return b"", encoding


def decode_for_fix(data: bytes, encoding: str | None) -> tuple[str, bytes, str]:
    """(text with its own line breaks, BOM, codec) such that BOM + text encoded is `data` exactly."""
    try:
        decoded = decode(data, encoding)
    except DecodeError as exc:
        raise FixRefused(f"cannot decode the file: {exc.detail}") from None
    bom, codec = _split_bom(data, decoded.encoding)
    try:
        same = bom + decoded.text.encode(codec) == data
    except (UnicodeEncodeError, LookupError):
        same = False
    if not same:
        raise FixRefused(f"the file does not re-encode byte for byte as {decoded.encoding}; not fixed")
    return decoded.text, bom, codec


def _line_starts(text: str) -> list[int]:
    return [0] + [match.end() for match in _LINE_BREAK.finditer(text)]


def apply_edits(text: str, edits: list[Edit]) -> str:
    """`text` with one-line `edits` applied (they must not overlap); line breaks untouched."""
    starts = _line_starts(text)
    pieces, position = [], 0
    for edit in sorted(edits):
        start = starts[edit.line - 1] + edit.column - 1
        end = starts[edit.line - 1] + edit.end_column - 1
        pieces.append(text[position:start])
        pieces.append(edit.content)
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def _valid(edit: Edit, text: str, starts: list[int]) -> bool:
    """An edit that stays inside one existing line."""
    if not 1 <= edit.line <= len(starts):
        return False
    line_end = starts[edit.line] if edit.line < len(starts) else len(text)
    line = text[starts[edit.line - 1]:line_end].rstrip("\r\n")
    return 1 <= edit.column <= edit.end_column <= len(line) + 1


def choose(diagnostics: list[Diagnostic], text: str) -> tuple[list[Diagnostic], list[Edit]]:
    """The fixable diagnostics whose edits overlap no earlier one, and their edits."""
    starts = _line_starts(text)
    taken: list[tuple[int, int]] = []
    chosen, edits = [], []
    for diagnostic in sorted(d for d in diagnostics if d.fix):
        ranges = [(starts[e.line - 1] + e.column - 1, starts[e.line - 1] + e.end_column - 1)
                  for e in diagnostic.fix if _valid(e, text, starts)]
        if len(ranges) != len(diagnostic.fix):
            continue
        if any(start < other_end and other_start < end or start == end == other_start
               for start, end in ranges for other_start, other_end in taken):
            continue
        taken.extend(ranges)
        chosen.append(diagnostic)
        edits.extend(diagnostic.fix)
    return chosen, edits


def table_numbers(linter, path: str, text: str) -> list[tuple]:
    """Every value of the statistical tables as read from `text`, and each table's verdict."""
    from giarlint.readers.flat import reflow

    text = normalise_newlines(text)
    flat = reflow(text)  # as `Linter.check_text` reads it
    report = linter.build(path, flat.text if flat is not None else text)
    values = [(table, row, column, value.kind, value.number, value.text)
              for table, row, column, value in report.cell_values()]
    verdicts = sorted((name, table.reading.verdict) for name, table in report.tables.items())
    return values + verdicts


def fix_file(linter, path: str, data: bytes, diagnostics: list[Diagnostic]) -> FixResult:
    """The file's bytes with every certain fix applied. Raises FixRefused."""
    text, bom, codec = decode_for_fix(data, linter.settings.encoding)
    current, applied = text, []
    for _ in range(MAX_PASSES):
        chosen, edits = choose(diagnostics, current)
        if not edits:
            break
        changed = apply_edits(current, edits)
        if changed == current:
            break
        current = changed
        applied.extend(chosen)
        diagnostics = linter.check_text(path, current).diagnostics
    if not applied:
        return FixResult(data, data, [])
    if table_numbers(linter, path, text) != table_numbers(linter, path, current):
        raise FixRefused("the fixes would change how a statistical table is read; not fixed")
    return FixResult(data, bom + current.encode(codec), applied)


def unified_diff(path: str, result: FixResult, codec_text) -> str:
    """A unified diff of the fix, in the file's text."""
    import difflib

    before = codec_text(result.original).splitlines(keepends=True)
    after = codec_text(result.fixed).splitlines(keepends=True)
    old, new = (path, path) if os.path.isabs(path) else (f"a/{path}", f"b/{path}")
    lines = difflib.unified_diff(before, after, fromfile=old, tofile=new)
    return "".join(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n" for line in lines)


def _describe(diagnostic: Diagnostic, text: str) -> str:
    """``path:line:col: CODE “old” → “new”`` for ``--show-fixes``."""
    starts = _line_starts(text)
    changes: dict[str, int] = {}
    for edit in diagnostic.fix or ():
        start = starts[edit.line - 1]
        change = f"“{text[start + edit.column - 1:start + edit.end_column - 1]}” → “{edit.content}”"
        changes[change] = changes.get(change, 0) + 1
    listed = "; ".join(change + (f" ×{count}" if count > 1 else "") for change, count in changes.items())
    return f"{diagnostic.path}:{diagnostic.line}:{diagnostic.column}: {diagnostic.code} {listed}"


class RunFixes(NamedTuple):
    diagnostics: list[Diagnostic]  # what is left to report
    fixed: int  # findings fixed (or, with diff, that would be)
    diffs: list[str]
    shown: list[str]  # one line per fix, for --show-fixes


def fix_run(session, diagnostics: list[Diagnostic], write: bool, note, stdin_name: str | None = None) -> RunFixes:
    """Fix (``write``) or diff every file with fixable findings; the findings left afterwards.
    A file that cannot be fixed keeps its findings, and `note` says why. `stdin_name` is the name
    the run gave standard input, if it read it: a file of that name on disk is not what was checked."""
    by_path: dict[str, list[Diagnostic]] = {}
    for diagnostic in diagnostics:
        by_path.setdefault(diagnostic.path, []).append(diagnostic)
    left, diffs, shown, fixed = [], [], [], 0
    for path, found in by_path.items():
        stdin = stdin_name is not None and path == stdin_name
        if stdin or not any(d.fix for d in found):
            reason = refusal_for("-" if stdin else path)
            if reason and any(d.code in FIXABLE_CODES for d in found):  # say why, not fix silently nothing
                note(f"{path}: not fixed: {reason}")
            left.extend(found)
            continue
        linter = session.linter_for(path)
        try:
            reason = refusal_for(path)
            if reason:
                raise FixRefused(reason)
            with open(path, "rb") as handle:
                data = handle.read()
            result = fix_file(linter, path, data, found)
        except (FixRefused, OSError) as exc:
            note(f"{path}: {exc}")
            left.extend(found)
            continue
        if not result.applied:
            left.extend(found)
            continue
        text = decode(data, linter.settings.encoding).text
        shown.extend(_describe(d, text) for d in result.applied)
        fixed += len(result.applied)
        if write:
            replace_bytes(os.path.realpath(path), result.fixed)  # a link stays a link
            set_findings = [d for d in found if d.rule in {r.name for r in linter.registry.set_rules}]
            left.extend(sorted(linter.check_bytes(path, result.fixed).diagnostics + set_findings))
        else:
            encoding = linter.settings.encoding
            diffs.append(unified_diff(path, result, lambda raw: decode(raw, encoding).text))
            left.extend(found)
    return RunFixes(left, fixed, diffs, shown)


def describe_available(diagnostics: list[Diagnostic], session) -> list[str]:
    """``--show-fixes`` without ``--fix``: each fix the findings carry, as it would apply."""
    out = []
    for path in sorted({d.path for d in diagnostics if d.fix}):
        try:
            with open(path, "rb") as handle:
                text = decode(handle.read(), session.settings_for(path).encoding).text
        except (OSError, DecodeError):
            continue
        out.extend(_describe(d, text) for d in diagnostics if d.path == path and d.fix)
    return out
