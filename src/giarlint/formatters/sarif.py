"""SARIF 2.1.0 for code-scanning services: rule metadata from the catalogue, columns counted in
Unicode code points (``columnKind: unicodeCodePoints``), as giarlint counts them."""

from __future__ import annotations

import os

from giarlint.formatters import summary
from giarlint.formatters.data import fingerprints
from giarlint.hookspecs import hookimpl
from giarlint.messages import pick
from giarlint.safetext import json_dumps

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/giarlint/"


def _level(severity: str) -> str:
    return "error" if severity == "E" else "warning"


def _rule(doc, lang: str) -> dict:
    explanation = pick(doc.explanation, lang).strip() if doc.explanation else ""
    rule = {
        "id": doc.code,
        "name": doc.rule,
        "shortDescription": {"text": summary(doc, lang) or doc.code},
        "defaultConfiguration": {"level": _level(doc.severity), "enabled": doc.default},
        "properties": {"tags": [doc.rule]},
    }
    if explanation:
        rule["fullDescription"] = {"text": explanation}
        rule["help"] = {"text": explanation}
    return rule


def _uri(path: str) -> str:
    if os.path.isabs(path):
        from pathlib import Path  # only SARIF output needs it

        return Path(path).as_uri()
    from urllib.parse import quote_from_bytes  # only SARIF output needs it

    return quote_from_bytes(os.fsencode(path.replace(os.sep, "/")), safe="/")  # a name's bytes, UTF-8 or not


def _region(d) -> dict:
    end_line = max(d.end_line, d.line)
    end_column = d.end_column if end_line > d.line else max(d.end_column, d.column)
    return {"startLine": d.line, "startColumn": d.column, "endLine": end_line, "endColumn": end_column}


def _fix(d) -> dict:
    """SARIF's `fix`: the edits as replacements of regions of the file (``giarlint check --fix``)."""
    replacements = [
        {"deletedRegion": {"startLine": e.line, "startColumn": e.column, "endLine": e.end_line, "endColumn": e.end_column},
         "insertedContent": {"text": e.content}}
        for e in d.fix
    ]
    return {"description": {"text": "giarlint check --fix"},
            "artifactChanges": [{"artifactLocation": {"uri": _uri(d.path)}, "replacements": replacements}]}


def sarif(diagnostics, context) -> str:
    codes = sorted(set(context.docs) | {d.code for d in diagnostics})
    index = {code: number for number, code in enumerate(codes)}
    rules = [
        _rule(context.docs[code], context.lang) if code in context.docs else {"id": code}
        for code in codes
    ]
    results = []
    for d, fingerprint in zip(diagnostics, fingerprints(diagnostics, context)):
        result = {
            "ruleId": d.code,
            "ruleIndex": index[d.code],
            "level": _level(d.severity),
            "message": {"text": d.message},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(d.path)}, "region": _region(d)}}],
            "partialFingerprints": {"giarlintFingerprint/v1": fingerprint},
        }
        if d.fix:
            result["fixes"] = [_fix(d)]
        results.append(result)
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "giarlint", "version": context.version, "informationUri": INFORMATION_URI, "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }
    return json_dumps(log, indent=2) + "\n"


@hookimpl
def giarlint_formatters():
    return {"sarif": sarif}
