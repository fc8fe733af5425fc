"""Line formats for people and CI logs: ``concise`` (flake8's line), ``full`` (with the source line
and a caret under the text at fault) and ``github`` (workflow annotation commands)."""

from __future__ import annotations

from giarlint.hookspecs import hookimpl
from giarlint.snippets import display_width, expand_tabs

BOLD, RED, YELLOW, CYAN, RESET = "\033[1m", "\033[31m", "\033[33m", "\033[36m", "\033[0m"


def _paint(text: str, style: str, color: bool) -> str:
    return f"{style}{text}{RESET}" if color else text


def headline(d, color: bool) -> str:
    code_style = RED if d.severity == "E" else YELLOW
    return (
        f"{_paint(d.path, BOLD, color)}:{d.line}:{d.column}: "
        f"{_paint(d.code, BOLD + code_style, color)} {d.message}\n"
    )


def concise(diagnostics, context) -> str:
    return "".join(headline(d, context.color) for d in diagnostics)


def _snippet(d, context) -> str:
    """The source line and a caret line; widths count two columns per wide character."""
    line = context.sources.line(d.path, d.line)
    start = min(max(d.column - 1, 0), len(line))
    end = d.end_column - 1 if d.end_line == d.line else len(line)
    end = min(max(end, start), len(line))
    pad = display_width(line[:start])
    carets = max(display_width(line[start:end]), 1)
    number = str(d.line)
    gutter = " " * len(number)
    bar = _paint("|", CYAN, context.color)
    return (
        f"{gutter} {bar}\n"
        f"{number} {bar} {expand_tabs(line)}\n"
        f"{gutter} {bar} {' ' * pad}{_paint('^' * carets, RED if d.severity == 'E' else YELLOW, context.color)}\n"
    )


def full(diagnostics, context) -> str:
    return "\n".join(headline(d, context.color) + _snippet(d, context) for d in diagnostics)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github(diagnostics, context) -> str:
    """GitHub Actions annotations: ``::error file=…,line=…::message``."""
    out = []
    for d in diagnostics:
        level = "error" if d.severity == "E" else "warning"
        properties = ",".join(
            f"{key}={_escape_property(str(value))}"
            for key, value in (
                ("file", d.path), ("line", d.line), ("col", d.column),
                ("endLine", d.end_line), ("endColumn", d.end_column), ("title", f"giarlint {d.code}"),
            )
        )
        out.append(f"::{level} {properties}::{_escape_data(f'{d.code} {d.message}')}\n")
    return "".join(out)


# Each file's output can be written as soon as it is checked: the output of a list is the outputs
# of its parts joined by this (`giarlint.commands.check.Output`).
concise.stream_joiner = github.stream_joiner = ""
full.stream_joiner = "\n"


@hookimpl
def giarlint_formatters():
    return {"concise": concise, "full": full, "github": github}
