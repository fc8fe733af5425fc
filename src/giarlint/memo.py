"""Memoise a function of a text, for short texts only.

Labels, value lines and headings recur in every report, so the table reader and the label folding
keep their answers. A long text (a paragraph, a pasted row of 300,000 cells) is worked out anew
each time instead: kept, it would hold a long-running process's memory and make every garbage
collection walk it (a fuzz run's input once took 7.7 s instead of 3 s for that).
"""

from __future__ import annotations

from functools import lru_cache, wraps


def short_texts(maxsize: int, longest: int):
    """`functools.lru_cache(maxsize)` for a function whose first argument is a text, applied only
    to texts of at most `longest` characters; `cache_info` and `cache_clear` are the cache's, and
    `each(texts)` answers for many texts of a one-argument function at once."""

    def decorate(function):
        cached = lru_cache(maxsize=maxsize)(function)

        @wraps(function)
        def call(text: str, *args):
            return cached(text, *args) if len(text) <= longest else function(text, *args)

        def each(texts) -> list:
            """`[call(text) for text in texts]` without a Python call a text (a third of the time in
            the loops over a report's lines)."""
            return [cached(text) if len(text) <= longest else function(text) for text in texts]

        call.cache_info, call.cache_clear, call.each = cached.cache_info, cached.cache_clear, each
        return call

    return decorate
