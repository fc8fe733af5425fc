"""Which encoding a web page is really in: the one its ``<meta charset>`` declares, unless that is
not a text encoding, or the declaration is a lie.

Pages lie about their charset when a site re-encodes its files and keeps the old declaration
(``gb2312`` on UTF-8 bytes, ``utf-8`` or ``iso-8859-1`` on GBK bytes). Decoded as declared, such
a page is mojibake that is still "text", so the report is not recognised. A lie is detected by
reading: Chinese prose is made mostly of a few hundred common characters, mojibake of rare ones
(or of Latin letters); when the bytes are also valid UTF-8 or GB18030 and read as Chinese that
way while the declared reading does not, the declaration is overruled, with a note.
"""

from __future__ import annotations

from typing import NamedTuple

from giarlint.source import text_encoding

# Frequent characters of Chinese prose and of these reports' vocabulary, simplified and traditional.
_COMMON = frozenset(
    "的一是不了在人有我他这个们中来上大为和国地到以说时要就出也得里后自年过生会那能对着事下可而家发成方多经行所用于作"
    "面公开政府信息工作报告情况申请处理数量本机关部门度主动依法复议诉讼件条项结果予其布网站平台办答咨询内收受决定规制"
    "建设管服务社组织企业群众民市县区省乡镇街道单位重领域推进加强落实提高完善步展施新闻通知意见文相问题求目标任全积极"
    "效同按照根据及已没无需共计合总万元费支付审批许可处罚确认它月日号第二三四五六七八九十零〇各类等与之将并"
    "這個們來為國說時後過會對發經於開資訊報請況處數機關門動複議訴訟項結網臺辦覆詢內決規製設務織眾區縣鄉鎮單領進強實"
    "積極據沒無計總萬費審許罰確認類與將並"
)
_UTF = ("utf-8", "utf-8-sig")
_GB = ("gb18030", "gbk", "gb2312")
_MIN_IDEOGRAPHS = 20  # fewer is not enough prose to judge by
_CLEARLY_CHINESE = 0.3  # share of common characters among the ideographs of a true reading


class PageText(NamedTuple):
    text: str
    note: str | None = None  # why the declaration was not followed, for the user


def common_share(text: str) -> float:
    """The share of common characters among the CJK ideographs of `text` (0 when there are fewer
    than _MIN_IDEOGRAPHS: Latin mojibake has none)."""
    ideographs = [ch for ch in text if "\u3400" <= ch <= "\u9fff"]
    if len(ideographs) < _MIN_IDEOGRAPHS:
        return 0.0
    return sum(ch in _COMMON for ch in ideographs) / len(ideographs)


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    return sum(ch < " " and ch not in "\t\n\r\f" for ch in sample) > max(8, len(sample) // 100)


def declared_reading(data: bytes, declared: str) -> PageText | None:
    """The page read as `declared` says, or by a truer encoding when the declaration lies; None
    when the declaration cannot be used (the caller detects the encoding), with no note needed
    for a declaration that merely fails to decode (common, and detection is what follows)."""
    codec = text_encoding(declared)
    if codec is None:
        return None
    if codec.startswith(("utf-16", "utf-32")):  # as browsers do: a page without a BOM is not UTF-16
        codec = "utf-8"
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    if data.isascii():
        return PageText(text)
    share = common_share(text)
    for candidate in ("utf-8", "gb18030"):
        if codec in (_UTF if candidate == "utf-8" else _GB):
            continue
        try:
            truer = data.decode(candidate)
        except UnicodeDecodeError:
            continue
        truer_share = common_share(truer)
        if truer_share >= _CLEARLY_CHINESE and truer_share > 2 * share and not _looks_binary(truer):
            return PageText(truer, f"the page declares charset {declared!r}, but its bytes read as Chinese only as "
                                   f"{candidate.upper()} (as declared they are garbled); read as {candidate.upper()}")
    return PageText(text)


def refused_note(declared: str) -> str:
    return (f"the page declares charset {declared!r}, which is not a text encoding giarlint reads; "
            "the declaration is ignored and the encoding detected")
