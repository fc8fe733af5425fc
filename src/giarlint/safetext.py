"""Report text made safe for where it is printed.

A published file may hold anything: escape sequences that rewrite a terminal's screen or
title, characters XML forbids, lone surrogates (a file name that is not UTF-8, a page in
UTF-7) that no encoder accepts. Each is shown as a visible escape (``\\x1b``, ``\\udcff``)
instead of being printed raw or making the output fail.
"""

from __future__ import annotations

import re

from giarlint.patterns import lazy

# Compiled on first use (a class of surrogates costs the regex compiler a while): a run
# compiles only the ones its output format needs.
# C0 controls but tab, DEL, C1 controls, lone surrogates, and the bidirectional overrides and
# isolates that make a line read differently from what it holds.
_TERMINAL_UNSAFE = lazy("[\x00-\x08\x0a-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069]")
# What XML 1.0 does not allow in a document at all, and the controls it allows but a terminal acts on.
_XML_FORBIDDEN = lazy("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_SURROGATE = lazy("[\ud800-\udfff]")
# What JSON leaves raw but a terminal showing the file would act on, an encoder refuses, or a
# line-based reader takes for the end of a line (NEL, U+2028, U+2029: `str.splitlines` splits there).
_JSON_UNSAFE = lazy("[\x7f-\x9f\ud800-\udfff\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def for_terminal(text: str) -> str:
    """`text` with control characters (except tab), escape sequences and bidi overrides escaped."""
    return _TERMINAL_UNSAFE.sub(_escape, text)


def for_xml(text: str) -> str:
    """`text` with the characters XML 1.0 forbids escaped, so the document stays well-formed."""
    return _XML_FORBIDDEN.sub(_escape, text)


def without_surrogates(text: str) -> str:
    """`text` with lone surrogates escaped: encodable in UTF-8."""
    return _SURROGATE.sub(_escape, text)


def json_text(document: str) -> str:
    """JSON text (from ``json.dumps(..., ensure_ascii=False)``) with DEL, C1 controls, the line
    and paragraph separators, bidi overrides and lone surrogates written as ``\\uXXXX`` escapes:
    the same JSON value, safe to print, to encode and to read line by line (JSON Lines). (Such
    characters can only stand inside JSON strings.)"""
    return _JSON_UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", document)


def json_dumps(value, indent: int | None = None) -> str:
    """`value` as safe JSON text (`json_text`). `json` is imported here, by the formats that
    write it: a run printing text does without it."""
    import json

    return json_text(json.dumps(value, ensure_ascii=False, indent=indent))
