"""Machine formats as JSON: ``json`` (one array), ``json-lines`` (one object per line) and
``gitlab`` (GitLab code quality report, with fingerprints that survive moved lines). Control
characters and lone surrogates of report text are written as JSON escapes."""

from __future__ import annotations


from giarlint.hookspecs import hookimpl
from giarlint.safetext import json_dumps


def as_json(diagnostics, context) -> str:
    return json_dumps([d.as_dict() for d in diagnostics], indent=2) + "\n"


def json_lines(diagnostics, context) -> str:
    return "".join(json_dumps(d.as_dict()) + "\n" for d in diagnostics)


def fingerprints(diagnostics, context) -> list[str]:
    """A digest of path, code, the text pointed at and its occurrence number: not the line,
    so a finding keeps its fingerprint when lines above it change."""
    seen: dict[tuple[str, str, str], int] = {}
    out = []
    for d in diagnostics:
        key = (d.path.replace("\\", "/"), d.code, context.sources.pointed_text(d))
        seen[key] = seen.get(key, 0) + 1
        out.append(_sha256("\0".join((*key, str(seen[key]))).encode("utf-8", "surrogatepass")).hexdigest())
    return out


def gitlab(diagnostics, context) -> str:
    issues = [
        {
            "description": f"{d.code} {d.message}",
            "check_name": d.code,
            "fingerprint": fingerprint,
            "severity": "major" if d.severity == "E" else "minor",
            "location": {"path": d.path.replace("\\", "/"), "lines": {"begin": d.line, "end": max(d.end_line, d.line)}},
        }
        for d, fingerprint in zip(diagnostics, fingerprints(diagnostics, context))
    ]
    return json_dumps(issues, indent=2) + "\n"


json_lines.stream_joiner = ""  # written file by file (see giarlint.formatters.text)


@hookimpl
def giarlint_formatters():
    return {"json": as_json, "json-lines": json_lines, "gitlab": gitlab}


def _sha256(data: bytes):
    import hashlib  # only the formats with fingerprints pay for it

    return hashlib.sha256(data)
