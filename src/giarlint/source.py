"""Turn the bytes of a report into text: BOM, then strict UTF-8, then strict GB18030."""

from __future__ import annotations

import codecs
from typing import NamedTuple

from giarlint import patterns

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


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


_CONTROL = patterns.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


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
