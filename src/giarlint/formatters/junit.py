"""JUnit XML for CI test dashboards: one test suite per checked report, one failing test case per
finding, and one passing case for a clean report so that it shows as checked. Characters XML forbids (a
control character quoted from a report) are written escaped, so the document stays well-formed."""

from __future__ import annotations

from giarlint.hookspecs import hookimpl
from giarlint.safetext import for_xml


def junit(diagnostics, context) -> str:
    from xml.etree import (
        ElementTree as ET,  # only runs that ask for JUnit pay for the import
    )

    by_path: dict[str, list] = {for_xml(path): [] for path in context.paths}
    for d in diagnostics:
        by_path.setdefault(for_xml(d.path), []).append(d)
    root = ET.Element("testsuites", name="giarlint", tests=str(sum(max(len(v), 1) for v in by_path.values())),
                      failures=str(len(diagnostics)))
    for path, found in by_path.items():
        suite = ET.SubElement(root, "testsuite", name=path, tests=str(max(len(found), 1)), failures=str(len(found)))
        if not found:
            ET.SubElement(suite, "testcase", name="giarlint", classname=path)
        for d in found:
            code, message = for_xml(d.code), for_xml(d.message)
            case = ET.SubElement(suite, "testcase", name=f"{code} {d.line}:{d.column}", classname=path)
            failure = ET.SubElement(case, "failure", message=message, type=code)
            failure.text = f"{path}:{d.line}:{d.column}: {code} {message}"
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


@hookimpl
def giarlint_formatters():
    return {"junit": junit}
