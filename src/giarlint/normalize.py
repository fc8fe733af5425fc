"""Matching copies of text: simplified characters, half-width forms, no spaces.

Only copies are normalised; nodes keep the original text so positions stay exact.
Traditional→simplified conversion uses OpenCC's phrase tables (``t2s``), loaded on first use:
most reports are simplified and never pay for it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from giarlint.memo import short_texts
from giarlint.patterns import lazy


# Full-width ASCII (！…～) → ASCII, ideographic space → space, and the CJK punctuation that
# reports use interchangeably with ASCII in labels.
_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_WIDTH.update({0x3000: 0x20, ord("，"): ord(","), ord("："): ord(":"), ord("；"): ord(";")})
_WIDTH_TABLE = str.maketrans(_WIDTH)
_WIDTH_CHARS = {chr(code): chr(folded) for code, folded in _WIDTH.items()}
_WIDE = re.compile("[\u3000\uff01-\uff5e]")  # the keys of _WIDTH
_FEW = 8  # up to this many distinct wide characters, replacing each beats translating every character
_SPACES = re.compile(r"\s+")

# Traditional forms of the characters in the template's labels, headings and key words
# (computed once with OpenCC s2t), plus a few frequent ones: a string holding none of them
# needs no conversion for matching.
_TRADITIONAL_HINTS = (
    "佈係內動務區員問單國執報審對屬廢廳強後採據數於會條業構機權決沒況減無爲獲現當發確祕穩範糾納組"
    "結統經維縣總織繳繼續罰舉萬處補製複覆覈規計訟訪許訴評詢認請議護責費購轉辦這進過鄉鎮開關項題額類體"
    "與為門將應聯繫歷論隻麵"
)


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def has_cjk(text: str) -> bool:
    """True when `text` holds a CJK ideograph. (A regex class over the range compiles slowly.)"""
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


# the hints as one character class, compiled on first use: the matcher scans a text several times
# faster than a set looks up each of its characters
_HINT = lazy(f"[{_TRADITIONAL_HINTS}]")


def looks_traditional(text: str) -> bool:
    return _HINT.search(text) is not None


def to_simplified(text: str) -> str:
    """Traditional → simplified when the text holds traditional characters, else unchanged."""
    if not looks_traditional(text):
        return text
    return _t2s().convert(text)


def fold_width(text: str) -> str:
    """Full-width ASCII and the ideographic space as their half-width forms. Called on every
    paragraph by several rules: `str.translate` looks up each character (about 0.1 µs), so the
    characters to change are found first by the regex matcher, and most text has few or none."""
    found = set(_WIDE.findall(text))
    if not found:
        return text
    if len(found) > _FEW:
        return text.translate(_WIDTH_TABLE)
    for char in found:
        text = text.replace(char, _WIDTH_CHARS[char])
    return text


MEMO_CHARS = 1000  # longer texts (a whole paragraph, a pasted row) are folded anew, not kept


@short_texts(16384, MEMO_CHARS)
def fold(text: str) -> str:
    """The matching key of a label or heading: simplified, half-width, without whitespace.

    Memoised for short texts: the same labels recur in every report."""
    return _SPACES.sub("", fold_width(to_simplified(text)))
