"""The split of one run of glued digits into a table-三 row (six counts and their total) is a
pruned search: it must find exactly the splits that trying every way of cutting the run finds."""

from __future__ import annotations

from itertools import combinations

from hypothesis import given, settings
from hypothesis import strategies as st

from giarlint.tables.fitting import MAX_CELL_DIGITS, MAX_CHOICES, _total_last_splits


def every_split(text: str, width: int) -> list[tuple[str, ...]]:
    """Every cut of `text` into `width` counts (no leading 0, at most MAX_CELL_DIGITS digits, no
    part longer than the total) whose last is the sum of the others."""
    found = []
    for cuts in combinations(range(1, len(text)), width - 1):
        pieces = [text[a:b] for a, b in zip((0, *cuts), (*cuts, len(text)))]
        *parts, total = pieces
        if any(len(p) > 1 and p[0] == "0" for p in pieces) or len(total) > MAX_CELL_DIGITS:
            continue
        if all(len(p) <= len(total) for p in parts) and sum(map(int, parts)) == int(total):
            found.append(tuple(pieces))
    return found


def as_pieces(split) -> tuple[str, ...]:
    return tuple(piece for _, piece, _ in split)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(0, 40), min_size=6, max_size=6), st.integers(3, 7))
def test_the_search_finds_what_every_cut_finds(counts, width):
    counts = counts[: width - 1]
    text = "".join(map(str, counts)) + str(sum(counts))  # a real row, run together
    expected = every_split(text, width)
    got = _total_last_splits(text, width)
    if len(expected) > MAX_CHOICES:
        assert got is None
    else:
        assert sorted(map(as_pieces, got)) == sorted(expected)
        assert tuple(map(str, counts)) + (str(sum(counts)),) in expected


@settings(max_examples=200, deadline=None)
@given(st.text("0123456789", min_size=7, max_size=16), st.integers(3, 7))
def test_the_search_finds_what_every_cut_finds_in_any_digits(text, width):
    expected = every_split(text, width)
    got = _total_last_splits(text, width)
    assert got is None if len(expected) > MAX_CHOICES else sorted(map(as_pieces, got)) == sorted(expected)


def test_a_glued_table_4_with_a_digit_other_than_0_is_unread_as_glued():
    """A tag-stripped page runs table 四's fifteen counts together: no split of such a run is ever
    read (nothing across its groups could confirm one), so it is unread as glued, its cells counted."""
    from pathlib import Path

    from giarlint.report import build_report

    text = (Path(__file__).parent / "layouts" / "stress" / "texts" / "002-v0.strip-flat.txt").read_text(encoding="utf-8")
    table = build_report(text).tables["table4"]
    assert table.reading.verdict == "unreadable" and not table.values
    (unread,) = table.reading.unread
    assert unread.reason == "glued" and unread.found >= 1 and unread.width == 15


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(0, 999), min_size=6, max_size=6), st.integers(0, 10**6), st.sampled_from("0123456789"))
def test_long_runs_with_a_digit_changed_split_as_every_cut_does(counts, where, digit):
    """Real rows of several-digit counts with one digit changed (a misprint, a wrong total): the
    runs where the bounds on what the digits left can make and casting out nines decide, with
    splits found or none."""
    text = "".join(map(str, counts)) + str(sum(counts))
    at = where % len(text)
    text = text[:at] + digit + text[at + 1 :]
    expected = every_split(text, 7)
    got = _total_last_splits(text, 7)
    assert got is None if len(expected) > MAX_CHOICES else sorted(map(as_pieces, got)) == sorted(expected)


@settings(max_examples=20, deadline=None)
@given(st.lists(st.integers(0, 999), min_size=6, max_size=6))
def test_a_real_row_of_large_counts_is_found_among_every_cut(counts):
    text = "".join(map(str, counts)) + str(sum(counts))
    expected = every_split(text, 7)
    got = _total_last_splits(text, 7)
    if len(expected) > MAX_CHOICES:
        assert got is None
    else:
        assert sorted(map(as_pieces, got)) == sorted(expected)
        assert tuple(map(str, counts)) + (str(sum(counts)),) in expected
