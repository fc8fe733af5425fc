"""Radical and compatibility code points read as the ideographs they print.

A PDF's text layer often maps glyphs of its CJK font to look-alike code points: Kangxi radicals
(⼀ U+2F00 for 一, ⾏ U+2F8F for 行), simplified radicals (⻚ U+2EDA for 页, ⻓ U+2ED3 for 长) and
compatibility ideographs (U+F900–U+FAFF). Chromium's PDFs read by pdfplumber lost sections 一
and 二 that way: no heading 一、, label 行政许可 or key word matches them. Each is replaced by the
ideograph it stands for, one character for one, so every position in the original text stays
exact; a text holding none is returned as it is.
"""

from __future__ import annotations

import bisect
import unicodedata
from functools import lru_cache

from giarlint.patterns import lazy
from giarlint.readers import line_starts

_LOOK_ALIKES = lazy("[\u2e80-\u2fdf\uf900-\ufaff]")  # CJK radicals, Kangxi radicals, compatibility ideographs
# the simplified radicals, which have no compatibility mapping (Unicode's EquivalentUnifiedIdeograph)
_SIMPLIFIED_RADICALS = {
    0x2EA0: "民", 0x2EC5: "见", 0x2EC8: "讠", 0x2EC9: "贝", 0x2ECB: "车", 0x2ED3: "长", 0x2ED4: "门",
    0x2ED8: "青", 0x2EDA: "页", 0x2EDB: "风", 0x2EDC: "飞", 0x2EDD: "食", 0x2EE0: "饣", 0x2EE2: "马",
    0x2EE4: "鬼", 0x2EE5: "鱼", 0x2EE6: "鸟", 0x2EE7: "卤", 0x2EE8: "麦", 0x2EE9: "黄", 0x2EEC: "齐",
    0x2EEE: "齿", 0x2EF0: "龙",
}


@lru_cache(maxsize=1)
def _table() -> dict[int, str]:
    """Code point -> its ideograph: the compatibility mapping (NFKC) where it is one character,
    and the simplified radicals above."""
    table = dict(_SIMPLIFIED_RADICALS)
    for code in (*range(0x2E80, 0x2FE0), *range(0xF900, 0xFB00)):
        unified = unicodedata.normalize("NFKC", chr(code))
        if len(unified) == 1 and unified != chr(code):
            table[code] = unified
    return table


def unify_radicals(text: str) -> str:
    """`text` with every look-alike code point as its ideograph (same length); else `text`."""
    if _LOOK_ALIKES.search(text) is None:
        return text
    return text.translate(_table())


PLACED = 10_000  # look-alikes placed one by one (GIA505's fix); a hostile text's millions are only counted


def look_alikes(text: str) -> tuple[int, tuple[tuple[int, int, str, str], ...]]:
    """How many look-alikes `unify_radicals` replaces in newline-normalised `text`, and (line,
    column, the code point, its ideograph) of the first `PLACED` of them, for GIA505."""
    table = _table()
    starts = line_starts(text)
    count, placed = 0, []
    for match in _LOOK_ALIKES.finditer(text):
        ideograph = table.get(ord(match.group()))
        if ideograph is None:
            continue
        count += 1
        if count <= PLACED:
            line = bisect.bisect_right(starts, match.start())
            placed.append((line, match.start() - starts[line - 1] + 1, match.group(), ideograph))
    return count, tuple(placed)
