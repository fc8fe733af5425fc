"""Classify a table cell's text: a number, blank, a not-applicable mark, or text (GIAR-FORMAT.md §7)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from giarlint.normalize import fold_width
from giarlint.tree import Cell

NUMBER = "number"
BLANK = "blank"
NOT_APPLICABLE = "na"
TEXT = "text"

_NA_MARKS = frozenset({"/", "-", "—", "--", "——", "－", "–", "无", "無", "\\"})
_NUMBER = re.compile(r"^[+-]?(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.\d+)?$")


@dataclass(slots=True)
class Value:
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


def parse_number(text: str) -> int | float | None:
    compact = fold_width(text).replace(" ", "").replace("−", "-")
    if not _NUMBER.match(compact):
        return None
    compact = compact.replace(",", "")
    return float(compact) if "." in compact else int(compact)


def read_value(cell: Cell) -> Value:
    text = cell.text.strip()
    if not text:
        return Value(BLANK, None, cell)
    if fold_width(text).replace(" ", "") in _NA_MARKS:
        return Value(NOT_APPLICABLE, None, cell)
    number = parse_number(text)
    if number is not None:
        return Value(NUMBER, number, cell)
    return Value(TEXT, None, cell)


def is_value_like(cell: Cell) -> bool:
    """True for cells that can only be values: numbers, blanks and not-applicable marks."""
    return read_value(cell).kind != TEXT
