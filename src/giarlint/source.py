"""Turn the bytes of a report into text: BOM, then strict UTF-8, then strict GB18030."""

from __future__ import annotations

import re
import codecs
from typing import NamedTuple


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


# The encodings giarlint decodes reports with (Python codec names): Unicode, the GB18030 family,
# Big5, and the usual legacy ones (those of the WHATWG Encoding Standard). Not the codecs that
# are not text encodings (rot13, base64, zlib …) nor the stateful 7-bit ones (UTF-7, HZ,
# ISO-2022), in which the same bytes can hide other text.
TEXT_ENCODINGS = frozenset(
    "utf-8 utf-8-sig utf-16 utf-16-le utf-16-be utf-32 utf-32-le utf-32-be "
    "gb18030 gbk gb2312 big5 big5hkscs cp950 euc_jp shift_jis cp932 euc_kr cp949 "
    "ascii iso8859-1 iso8859-2 iso8859-3 iso8859-4 iso8859-5 iso8859-6 iso8859-7 iso8859-8 iso8859-10 "
    "iso8859-13 iso8859-14 iso8859-15 iso8859-16 cp1250 cp1251 cp1252 cp1253 cp1254 cp1255 cp1256 "
    "cp1257 cp1258 cp874 cp866 koi8-r koi8-u mac-roman mac-cyrillic".split()
)


def text_encoding(name) -> str | None:
    """The codec name of `name` when it is one of the text encodings giarlint reads, else None."""
    if not isinstance(name, str) or not 0 < len(name) <= 40:
        return None
    try:
        codec = codecs.lookup(name)
    except (LookupError, ValueError):
        return None
    return codec.name if codec.name in TEXT_ENCODINGS else None


class DecodeError(Exception):
    """The bytes are not text in any encoding we tried; ``tried`` names them."""

    def __init__(self, tried: list[str], detail: str):
        super().__init__(detail)
        self.tried = tried
        self.detail = detail


class Decoded(NamedTuple):
    text: str
    encoding: str


def decode(data: bytes, encoding: str | None = None) -> Decoded:
    """Decode `data`; `encoding` overrides the detection chain.

    NUL bytes make a file binary for us even when they happen to decode: a report is text.
    """
    if encoding:
        if text_encoding(encoding) is None:
            raise DecodeError([encoding], f"{encoding!r} is not a text encoding giarlint reads")
        try:
            return Decoded(_strip_bom(data.decode(encoding)), encoding)
        except (UnicodeDecodeError, LookupError) as exc:
            raise DecodeError([encoding], str(exc)) from None
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(name).lstrip("\ufeff"), name)
            except UnicodeDecodeError as exc:
                raise DecodeError([name], str(exc)) from None
    if b"\x00" in data:
        raise DecodeError(["utf-8", "gb18030"], "the file contains NUL bytes (a binary file?)")
    tried = []
    for name in ("utf-8", "gb18030"):
        tried.append(name)
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        if _looks_binary(text):
            raise DecodeError(tried, "the file is mostly control characters (a binary file?)")
        return Decoded(text, name)
    raise DecodeError(tried, "the bytes are neither UTF-8 nor GB18030")


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    return len(_CONTROL.findall(sample)) > max(8, len(sample) // 100)


def _strip_bom(text: str) -> str:
    return text[1:] if text.startswith("\ufeff") else text


def normalise_newlines(text: str) -> str:
    """Map ``\\r\\n`` and lone ``\\r`` to ``\\n``.

    Line and column numbers stay those of the original text: only line breaks change.
    """
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")
