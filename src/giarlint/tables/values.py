"""Classify a table cell's text: a number, blank, a not-applicable mark, or text."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from giarlint.normalize import fold_width
from giarlint.tree import Cell

NUMBER = "number"
BLANK = "blank"
NOT_APPLICABLE = "na"
TEXT = "text"

_NA_MARKS = frozenset({"/", "-", "—", "--", "——", "－", "–", "无", "無", "\\"})
_NUMBER = re.compile(r"^[+-]?(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.\d+)?$")


class Value(NamedTuple):
    """A cell read as a value. `number` is set only for kind ``number``."""

    kind: str
    number: int | float | None
    cell: Cell

    @property
    def text(self) -> str:
        return self.cell.text

    def as_json(self):
        if self.kind == NUMBER:
            return self.number
        if self.kind == TEXT:
            return self.cell.text
        return None


MAX_DIGITS = 30  # a count or an amount has a few digits; a longer run is text, not a number
FLOAT_DIGITS = 15  # a decimal with more significant digits than a float holds exactly is text, never rounded


def parse_number(text: str) -> int | float | None:
    """The number a cell holds, or None. A number never holds a space: ``1 2`` is two cells
    run together, not 12."""
    compact = fold_width(text).strip().replace("−", "-")
    if len(compact) > MAX_DIGITS or not _NUMBER.match(compact):
        return None
    compact = compact.replace(",", "")
    if "." not in compact:
        return int(compact)
    if len(compact.lstrip("+-").replace(".", "").strip("0")) > FLOAT_DIGITS:
        return None
    return float(compact)


@lru_cache(maxsize=4096)
def classify(text: str) -> tuple[str, int | float | None]:
    """(kind, number) of a cell text; memoised because the same few texts ("0") dominate."""
    text = text.strip()
    if not text:
        return BLANK, None
    if fold_width(text).replace(" ", "") in _NA_MARKS:
        return NOT_APPLICABLE, None
    number = parse_number(text)
    if number is not None:
        return NUMBER, number
    return TEXT, None


def values_of(keys, tokens) -> dict:
    """{key: the `Value` of the cell token (text, line, begin)} for a row's columns and cells, in
    one loop: a report reads some 250 cells, and two calls a cell were a tenth of their time.
    (`tuple.__new__` makes the named tuple from its fields without its Python-level constructor.)"""
    out = {}
    new = tuple.__new__
    for key, token in zip(keys, tokens):
        text = token.text
        out[key] = new(Value, (*classify(text), Cell(text, token.line, token.begin)))
    return out
