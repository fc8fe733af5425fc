"""SARIF 2.1.0 for code-scanning services: rule metadata from the catalogue, columns counted in
Unicode code points (``columnKind: unicodeCodePoints``), as giarlint counts them."""

from __future__ import annotations

import json
import os

from giarlint.formatters import summary
from giarlint.formatters.data import fingerprints
from giarlint.hookspecs import hookimpl
from giarlint.messages import pick

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
    from urllib.parse import quote  # only SARIF output needs it

    return quote(path.replace(os.sep, "/"), safe="/")


def _region(d) -> dict:
    end_line = max(d.end_line, d.line)
    end_column = d.end_column if end_line > d.line else max(d.end_column, d.column)
    return {"startLine": d.line, "startColumn": d.column, "endLine": end_line, "endColumn": end_column}


def sarif(diagnostics, context) -> str:
    codes = sorted(set(context.docs) | {d.code for d in diagnostics})
    index = {code: number for number, code in enumerate(codes)}
    rules = [
        _rule(context.docs[code], context.lang) if code in context.docs else {"id": code}
        for code in codes
    ]
    results = [
        {
            "ruleId": d.code,
            "ruleIndex": index[d.code],
            "level": _level(d.severity),
            "message": {"text": d.message},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(d.path)}, "region": _region(d)}}],
            "partialFingerprints": {"giarlintFingerprint/v1": fingerprint},
        }
        for d, fingerprint in zip(diagnostics, fingerprints(diagnostics, context))
    ]
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
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


@hookimpl
def giarlint_formatters():
    return {"sarif": sarif}
