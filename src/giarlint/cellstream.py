"""A table's cells as one stream, and where the values of a row label are in it.

Every layout (pipe, tab, Markdown, one cell per line) reaches the table readers as this stream;
empty cells stay in it, and `CellStream.values_after` decides, by the table's width and by how
its other rows are laid out, which empty cells are blank values, padding or merged label columns.
"""

from __future__ import annotations

from giarlint.normalize import fold, has_cjk
from giarlint.tree import Cell, Table
from giarlint.values import is_value_like


class AmbiguousRow(Exception):
    """A row whose values cannot be placed with certainty: said, never guessed."""


class CellStream:
    """The cells of a table's regions in reading order, each with the row it came from.

    Empty cells are kept, as the parser found them: a reader that
    knows the table's width decides which are blank values and which are padding."""

    def __init__(self, tables: list[Table]):
        self.cells: list[Cell] = []
        self.row_of: list[int] = []
        self.row_start: set[int] = set()  # indices of cells that begin their row
        for number, row in enumerate(row for table in tables for row in table.rows):
            self.row_start.add(len(self.cells))
            self.cells.extend(row.cells)
            self.row_of.extend([number] * len(row.cells))
        self.folded = [fold(c.text) for c in self.cells]
        self._merged: dict[int, bool] = {}

    def __len__(self) -> int:
        return len(self.cells)

    def values_after(self, index: int, width: int, is_label) -> tuple[list[Cell], int]:
        """The value cells of the label at `index`, and the index to read on from: from the
        label's own row, or, for a label alone in its row, from the following rows (one cell
        per line)."""
        end = self.row_end(index)
        same = list(range(index + 1, end))
        for position, i in enumerate(same):
            if self.cells[i].text and is_label(i):
                same, end = same[:position], i
                break
        if any(self.cells[i].text for i in same):
            return self._values_in_row(index, same, end, width)
        taken, i = [], end
        while i < len(self.cells) and len(taken) < width:
            if self.cells[i].text:
                if is_label(i):
                    break
                taken.append(self.cells[i])
            i += 1
        return taken, i

    def _values_in_row(self, index: int, same: list[int], end: int, width: int) -> tuple[list[Cell], int]:
        """Values after the label at `index` in its row (`same`: the indices after it). Empty
        cells right after the label are a merged label column when the table's rows show that
        layout (`_merged_label_column`), else blank values; empty cells at the row's end are
        blank values when the row would be short without them, else padding."""
        core = list(same)
        while not self.cells[core[-1]].text:
            core.pop()
        while len(core) > width and not self.cells[core[0]].text:
            core.pop(0)  # more cells than columns: leading empties are merged label columns
        if not self.cells[core[0]].text and index in self.row_start and self._merged_label_column(width):
            if len(core) == width and len(same) > len(core):
                raise AmbiguousRow  # a blank first value, or a merged column and a blank last one?
            core.pop(0)  # the merged label column after a label that starts its row
        start = same.index(core[0])  # core still ends with the row's last text
        if len(core) < width <= len(same) - start:
            core = same[start : start + width]  # blank values at the end of the row
        resume = core[width] if len(core) > width else end
        return [self.cells[i] for i in core[:width]], resume

    def row_end(self, index: int) -> int:
        """The index after the last cell of the row holding `index`."""
        end = index + 1
        while end < len(self.cells) and self.row_of[end] == self.row_of[index]:
            end += 1
        return end

    def _merged_label_column(self, width: int) -> bool:
        """Whether some row reads: label, an empty cell, then `width` values — the merged second
        label column of tables copied from web pages (seed 003). Then an empty cell right after
        a label that starts its row is that column, not a blank value."""
        if width not in self._merged:
            self._merged[width] = any(
                i in self.row_start and _labelish(self.cells[i].text)
                and i + 1 + width < len(self.cells)
                and not self.cells[i + 1].text
                and self.row_of[i + 1 + width] == self.row_of[i]
                and all(self.cells[k].text and is_value_like(self.cells[k].text) for k in range(i + 2, i + 2 + width))
                for i in range(len(self.cells) - 1)
            )
        return self._merged[width]


def _labelish(text: str) -> bool:
    return has_cjk(text) and not is_value_like(text)
