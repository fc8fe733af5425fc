"""Readings only a table's arithmetic can confirm: labels printed apart from their numbers,
the numbers column by column, and rows whose digits ran together (`fitting`). The identities
that place these rows then prove nothing about them (`Reading.by_identity`), so the reader keeps
them only when the table's column identities single out one way of reading them all.
"""

from __future__ import annotations

from fnmatch import fnmatch
from operator import add

from giarlint.tables.fitting import Fit, Identity, Reason, UnreadRow
from giarlint.tables.templates import Label, Templates, table3_rows_of
from giarlint.tables.tokens import BLANK_CELL, VALUE, WORD, Token
from giarlint.tables.values import NUMBER, classify, values_of


def values_printed_apart(tokens, anchors, fits, widths, identity) -> None:
    """Labels printed after their values (plain pdftotext prints a wrapped group's labels
    last): a row holding exactly k rows' worth of numbers, followed by k-1 rows holding none,
    gives them one row each in order — only if every one of them satisfies its own identity
    (which then proves nothing: they are read by it)."""
    number = 0
    while number < len(anchors):
        result, width = fits[number], widths[anchors[number].row]
        if result.reason is not Reason.TOO_MANY:  # (most rows: told at once)
            number += 1
            continue
        count = result.found // width if result.found % width == 0 else 0
        following = list(range(number + 1, number + count))
        if count < 2 or following[-1] >= len(anchors) or any(fits[n].found or widths[anchors[n].row] != width
                                                              for n in following):
            number += 1
            continue
        lo = anchors[number].token + 1
        hi = anchors[following[0]].token
        values = [t for t in tokens[lo:hi] if t.kind == VALUE]
        after = tokens[hi : anchors[following[-1]].token + 1]
        if any(t.separated for t in values) or any(t.kind == BLANK_CELL for t in after):
            number += count  # rows of cells keep their values on their lines: not this layout
            continue
        chunks = [values[k * width : (k + 1) * width] for k in range(count)]
        if len(values) == result.found and all(_holds(chunk, identity) for chunk in chunks):
            for n, chunk in zip([number] + following, chunks):
                fits[n] = Fit(chunk, found=width, glued=True)
        number += count


def _holds(chunk: list[Token], identity: Identity) -> bool:
    numbers = [classify(t.text)[1] for t in chunk]
    if any(n is None for n in numbers):
        return False
    return all(numbers[t] == sum(numbers[p] for p in parts) for t, parts in identity)


def read_by_columns(tokens, rows: list[Label], columns: list[Label], found, identity):
    """All labels first, then the numbers column by column (pdfminer): read only when the
    numbers after the first label are exactly rows × columns and every row then satisfies its
    identity (so the rows are read by it)."""
    spans = {cell.span for cell in found.labels.values()}
    at = [i for i, t in enumerate(tokens) if t.kind == WORD and t.span in spans]
    if not at:
        return None
    numbers = [t for t in tokens[at[0] :] if t.kind in (VALUE, BLANK_CELL)]
    count = len(rows)
    if len(numbers) != count * len(columns) or any(t.kind != VALUE or t.separated for t in numbers):
        return None
    if sum(1 for t in tokens[at[0] : at[-1]] if t.kind == VALUE) > count:
        return None  # the numbers are among the labels: rows, not columns
    grid = [[numbers[c * count + r] for c in range(len(columns))] for r in range(count)]
    if not all(_holds(cells, identity) for cells in grid):
        return None
    keys = [c.key for c in columns]
    values = {row.key: values_of(keys, cells) for row, cells in zip(rows, grid)}
    return found._replace(values=values, unread=[], by_identity={row.key: (values[row.key],) for row in rows})


MAX_STATES = 4096  # partial sums kept while the ways of the rows are combined (bounds the time)


def confirm_by_columns(rows, templates: Templates, format_name: str):
    """Rows placed by their own identity are kept only if the table's column identities (一+二 =
    （七）+四, （七）= the handling results) then hold for exactly one choice of their ways: a blank
    cell lost in a run of digits can make a wrong split satisfy its row (3,5,1,20,1,2,32 for
    3,,5,12,0,12,32), hardly the columns too. A table whose arithmetic is wrong, or not fully read,
    cannot confirm them: they are unread (GIA003), never guessed."""
    if not rows.by_identity:
        return rows
    keys = list(rows.by_identity)
    chosen, ways = None, None
    if not rows.unread and not rows.missing:
        chosen, ways = _the_one_way(rows, keys, templates, format_name)
    if chosen is not None:
        return rows._replace(values={**rows.values, **dict(zip(keys, chosen))})
    # no way at all: the columns do not add up (the report's arithmetic); else it is undecided
    reason = Reason.UNCONFIRMED if ways == 0 else Reason.GLUED
    unread = rows.unread + [UnreadRow(key, templates.table3_row(key).name(), reason, rows.labels[key].span,
                                      0, len(templates.table3_columns)) for key in keys]
    values = {key: columns for key, columns in rows.values.items() if key not in rows.by_identity}
    return rows._replace(values=values, unread=unread, by_identity={})


def _the_one_way(rows, keys: list[str], templates: Templates, format_name: str) -> tuple[tuple | None, int | None]:
    """(the only choice of ways for the rows `keys` under which every column identity holds, or
    None; how many such choices there are, or None when that cannot be told). Each identity is a
    sum over rows, so the choices are combined as partial sums (one state per distinct sum
    vector), not one by one."""
    ids = templates.table3_identities
    balance, results = ids["balance"], ids["results"]
    result_rows = {row.key for row in table3_rows_of(templates.table3_rows, format_name)
                   if any(fnmatch(row.key, pattern) for pattern in results["parts"])}
    columns = [c.key for c in templates.table3_columns]
    weights = {}  # row -> (its sign in the balance, its sign in the results identity)
    for key in rows.values:
        weights[key] = ((key in balance["left"]) - (key in balance["right"]),
                        (key in result_rows) - (key == results["total"]))
    needed = set(balance["left"]) | set(balance["right"]) | result_rows | {results["total"]}
    if not needed <= set(rows.values):
        return None, None

    def vector(key: str, cells: dict) -> tuple | None:
        signs = weights[key]
        out = []
        for column in columns:
            value = cells.get(column)
            if value is None or value.kind != NUMBER:
                if any(signs):
                    return None  # a cell the identities need is not a number
                value_number = 0
            else:
                value_number = value.number
            out.extend((signs[0] * value_number, signs[1] * value_number))
        return tuple(out)

    start = [0] * (2 * len(columns))
    for key, cells in rows.values.items():
        if key in rows.by_identity:
            continue
        fixed = vector(key, cells)
        if fixed is None:
            return None, None
        start = [a + b for a, b in zip(start, fixed)]
    # partial sums -> (number of ways, one way as a chain (earlier chain, choice): linked, not
    # copied, since thousands of states grow by one choice at each of up to 29 rows)
    every = []
    for key in keys:
        options = [(choice, vector(key, choice)) for choice in rows.by_identity[key]]
        every.append([(choice, contribution) for choice, contribution in options if contribution is not None])
    # what the rows still to come can add to each sum, at least and at most: a state that cannot
    # come back to 0 with them is dropped (it changes no count of the ways to 0)
    reach = [([0] * len(start), [0] * len(start))]
    for options in reversed(every[1:]):
        low, high = reach[-1]
        sums = [c for _, c in options] or [tuple(start)]  # no option: nothing reaches 0 anyway
        reach.append(([a + min(column) for a, column in zip(low, zip(*sums))],
                      [a + max(column) for a, column in zip(high, zip(*sums))]))
    reach.reverse()
    states = {tuple(start): (1, None)}
    for options, (low, high) in zip(every, reach):
        grown: dict = {}
        for total, (count, way) in states.items():
            for choice, contribution in options:
                summed = tuple(map(add, total, contribution))
                seen = grown.get(summed)
                grown[summed] = (count + (seen[0] if seen else 0), (way, choice))
        states = {total: entry for total, entry in grown.items()
                  if all(-h <= x <= -l for x, l, h in zip(total, low, high))}
        if len(states) > MAX_STATES:
            return None, None
    count, way = states.get(tuple([0] * (2 * len(columns))), (0, None))
    if count != 1:
        return None, count
    chosen = []
    while way is not None:
        way, choice = way
        chosen.append(choice)
    return tuple(reversed(chosen)), count
