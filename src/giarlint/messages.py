"""Render catalogue messages in the user's language (Chinese by default, English with --lang en)."""

from __future__ import annotations

from typing import NamedTuple

LANGUAGES = ("zh", "en")


class Localized(NamedTuple):
    """An argument whose wording depends on the language, e.g. a row name."""

    zh: str
    en: str

    def pick(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh


def pick(text: dict | str, lang: str) -> str:
    if isinstance(text, str):
        return text
    return text.get(lang) or text.get("zh") or next(iter(text.values()))


def format_number(value) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def render(template: dict | str, lang: str, args: dict) -> str:
    values = {}
    for key, value in args.items():
        if isinstance(value, Localized):
            value = value.pick(lang)
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            value = format_number(value)
        values[key] = value
    try:
        return pick(template, lang).format(**values)
    except (KeyError, IndexError, ValueError) as exc:
        return f"{pick(template, lang)} [message argument missing: {exc}]"
