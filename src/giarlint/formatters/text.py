"""Line formats for people and CI logs: ``concise`` (flake8's line), ``full`` (with the source line
and a caret under the text at fault) and ``github`` (workflow annotation commands)."""

from __future__ import annotations

from giarlint.hookspecs import hookimpl
from giarlint.safetext import for_terminal
from giarlint.snippets import TAB_WIDTH, display_width

SHOWN_WIDTH = 120  # columns of a source line shown under a finding: a long line is shown as a window
_LEFT_WIDTH = 40  # of which, at most, before the text at fault
_CUT = "…"

BOLD, RED, YELLOW, CYAN, RESET = "\033[1m", "\033[31m", "\033[33m", "\033[36m", "\033[0m"


def _paint(text: str, style: str, color: bool) -> str:
    return f"{style}{text}{RESET}" if color else text


def headline(d, color: bool) -> str:
    code_style = RED if d.severity == "E" else YELLOW
    return (
        f"{_paint(for_terminal(d.path), BOLD, color)}:{d.line}:{d.column}: "
        f"{_paint(for_terminal(d.code), BOLD + code_style, color)} {for_terminal(d.message)}\n"
    )


def concise(diagnostics, context) -> str:
    return "".join(headline(d, context.color) for d in diagnostics)


def _shown(char: str) -> str:
    return " " * TAB_WIDTH if char == "\t" else for_terminal(char)


def _window(line: str, start: int, end: int) -> tuple[str, int, int]:
    """(text shown, columns before the caret, caret columns) for the part of `line` around
    [start, end): the whole line when it fits in `SHOWN_WIDTH` columns, else a window that
    begins up to `_LEFT_WIDTH` columns before the text at fault. Controls are shown escaped.
    Only the characters near the finding are looked at, so a finding costs the same on a
    line of any length."""
    low, high = max(start - SHOWN_WIDTH, 0), min(max(end, start + 1) + SHOWN_WIDTH, len(line))
    pieces = [_shown(char) for char in line[low:high]]
    widths = [display_width(piece) for piece in pieces]
    start, end = start - low, end - low
    if low == 0 and high == len(line) and sum(widths) <= SHOWN_WIDTH:
        return "".join(pieces), sum(widths[:start]), max(sum(widths[start:end]), 1)
    first, room = start, _LEFT_WIDTH
    while first > 0 and widths[first - 1] <= room:
        first -= 1
        room -= widths[first]
    last, room = start, SHOWN_WIDTH - sum(widths[first:start])
    while last < len(pieces) and widths[last] <= room:
        room -= widths[last]
        last += 1
    left = _CUT if first > 0 or low > 0 else ""
    right = _CUT if last < len(pieces) or high < len(line) else ""
    shown_end = min(max(end, start), last)
    pad = len(left) + sum(widths[first:start])
    return left + "".join(pieces[first:last]) + right, pad, max(sum(widths[start:shown_end]), 1)


def _snippet(d, context) -> str:
    """The source line (a window of it when long) and a caret line; widths count two columns
    per wide character."""
    line = context.sources.line(d.path, d.line)
    start = min(max(d.column - 1, 0), len(line))
    end = d.end_column - 1 if d.end_line == d.line else len(line)
    end = min(max(end, start), len(line))
    shown, pad, carets = _window(line, start, end)
    number = str(d.line)
    gutter = " " * len(number)
    bar = _paint("|", CYAN, context.color)
    return (
        f"{gutter} {bar}\n"
        f"{number} {bar} {shown}\n"
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
            f"{key}={_escape_property(for_terminal(str(value)))}"
            for key, value in (
                ("file", d.path), ("line", d.line), ("col", d.column),
                ("endLine", d.end_line), ("endColumn", d.end_column), ("title", f"giarlint {d.code}"),
            )
        )
        out.append(f"::{level} {properties}::{_escape_data(for_terminal(f'{d.code} {d.message}'))}\n")
    return "".join(out)


# Each file's output can be written as soon as it is checked: the output of a list is the outputs
# of its parts joined by this (`giarlint.commands.check.Output`).
concise.stream_joiner = github.stream_joiner = ""
full.stream_joiner = "\n"


@hookimpl
def giarlint_formatters():
    return {"concise": concise, "full": full, "github": github}
