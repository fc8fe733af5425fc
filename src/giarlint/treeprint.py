"""``giarlint parse``: print the positioned tree, one node per line, for debugging layouts."""

from __future__ import annotations

from giarlint.report import Report
from giarlint.tree import Paragraph, Span, Table


def _at(span: Span) -> str:
    return f"{span.line}:{span.column}-{span.end_line}:{span.end_column}"


def _short(text: str, width: int = 40) -> str:
    text = text.replace("\n", "⏎")
    return text if len(text) <= width else text[: width - 1] + "…"


def _blocks(blocks, indent: str) -> list[str]:
    out = []
    for block in blocks:
        if isinstance(block, Paragraph):
            out.append(f"{indent}{block.kind} {_at(block.span)} {_short(block.text)}")
        elif isinstance(block, Table):
            out.append(f"{indent}table {_at(block.span)} rows={len(block.rows)}")
            for row in block.rows:
                cells = " | ".join(f"{_short(c.text, 16)}@{c.span.column}" for c in row.cells)
                out.append(f"{indent}  row {row.span.line}: {cells}")
    return out


def format_tree(report: Report) -> str:
    doc = report.document
    lines = [f"report {report.path} year={report.year} format={report.format}"]
    for meta in doc.metadata:
        lines.append(f"  metadata {_at(meta.span)} {_short(meta.text)}")
    if doc.title:
        lines.append(f"  title {_at(doc.title.span)} {_short(doc.title.text)}")
    lines.extend(_blocks(doc.preamble, "  preamble/"))
    for section in doc.sections:
        heading = section.heading
        lines.append(f"  section {heading.ordinal} {_at(heading.span)} {heading.ordinal_text}、{heading.title}")
        lines.extend(_blocks(section.blocks, "    "))
    for name, table in sorted(report.tables.items()):
        lines.append(f"  {name} format={table.format} cells={table.cell_count()} reading={table.reading.verdict}:{table.reading.layout}")
    return "\n".join(lines) + "\n"
