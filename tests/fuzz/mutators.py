"""Structured mutators of the seed reports: the damage real publishing does to a report
(lines lost, doubled or swapped, digits mistyped, separators changed, full-width digits,
control characters, a file half in GBK, a download cut short), applied in chains.

Every mutator takes a `random.Random` and the text (or, for the byte-level ones, the bytes)
and returns the damaged copy; `mutate` chains a few of them. Inputs are a pure function of
an integer, so a failure of the long run is reproduced from its number alone.
"""

from __future__ import annotations

import random
import re
from pathlib import Path
from typing import Callable

SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))
_DIGIT = re.compile(r"\d")
_NUMBER = re.compile(r"\d+")
_FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
_CONTROLS = ["\x00", "\x01", "\x07", "\x08", "\x0b", "\x0c", "\x1b", "\x1b[2J", "\x1b]0;title\x07", "\x7f",
             "\x85", "\x9b", "\u200b", "\u202e", "\ufeff", "\ufffe", "\uffff", "\ud800", "\udcff", "\r", "\u2028"]
_SEPARATORS = ["|", "｜", "\t", "  ", " | ", "│", ",", "", "||", "| |"]


def _lines(text: str) -> list[str]:
    return text.split("\n")


def delete_lines(rng: random.Random, text: str) -> str:
    lines = _lines(text)
    for _ in range(rng.randint(1, 5)):
        if len(lines) > 1:
            start = rng.randrange(len(lines))
            del lines[start:start + rng.randint(1, 4)]
    return "\n".join(lines)


def duplicate_lines(rng: random.Random, text: str) -> str:
    lines = _lines(text)
    for _ in range(rng.randint(1, 4)):
        index = rng.randrange(len(lines))
        lines[index:index] = [lines[index]] * rng.choice((1, 2, 10, 200))
    return "\n".join(lines)


def swap_lines(rng: random.Random, text: str) -> str:
    lines = _lines(text)
    for _ in range(rng.randint(1, 5)):
        a, b = rng.randrange(len(lines)), rng.randrange(len(lines))
        lines[a], lines[b] = lines[b], lines[a]
    return "\n".join(lines)


def flip_digits(rng: random.Random, text: str) -> str:
    digits = [m.start() for m in _DIGIT.finditer(text)]
    chars = list(text)
    for index in rng.sample(digits, min(len(digits), rng.randint(1, 8))):
        chars[index] = rng.choice("0123456789")
    return "".join(chars)


def change_separators(rng: random.Random, text: str) -> str:
    new = rng.choice(_SEPARATORS)
    lines = _lines(text)
    for index, line in enumerate(lines):
        if "|" in line and rng.random() < 0.5:
            lines[index] = line.replace("|", new)
    return "\n".join(lines)


def full_width_digits(rng: random.Random, text: str) -> str:
    lines = _lines(text)
    for index in rng.sample(range(len(lines)), min(len(lines), rng.randint(1, 30))):
        lines[index] = lines[index].translate(_FULL_WIDTH)
    return "\n".join(lines)


def huge_numbers(rng: random.Random, text: str) -> str:
    numbers = list(_NUMBER.finditer(text))
    if not numbers:
        return text
    match = rng.choice(numbers)
    huge = rng.choice(["9" * rng.choice((16, 31, 400, 5000)), "1" * 20 + "." + "5" * 20, "1e999", "-0",
                       "0." + "0" * 400 + "1", "１" * 50, "٣٤٥", "½", "1,234,567,890,123,456,789"])
    return text[:match.start()] + huge + text[match.end():]


def control_characters(rng: random.Random, text: str) -> str:
    chars = list(text)
    for _ in range(rng.randint(1, 10)):
        chars.insert(rng.randrange(len(chars) + 1), rng.choice(_CONTROLS))
    return "".join(chars)


def blank_cells(rng: random.Random, text: str) -> str:
    lines = _lines(text)
    for index, line in enumerate(lines):
        if "|" in line and rng.random() < 0.3:
            lines[index] = re.sub(r"\|\s*\d+\s*(?=\|)", "| ", line, count=rng.randint(1, 5))
    return "\n".join(lines)


def long_lines(rng: random.Random, text: str) -> str:
    lines = _lines(text)
    index = rng.randrange(len(lines))
    lines[index] = lines[index] * rng.choice((20, 200))
    return "\n".join(lines)


def join_lines(rng: random.Random, text: str) -> str:
    """A page run together on one line (a scraped web page)."""
    return text.replace("\n", rng.choice(("", " ", "\u3000")))


TEXT_MUTATORS: list[Callable[[random.Random, str], str]] = [
    delete_lines, duplicate_lines, swap_lines, flip_digits, change_separators, full_width_digits,
    huge_numbers, control_characters, blank_cells, long_lines, join_lines,
]


def mixed_encodings(rng: random.Random, text: str) -> bytes:
    """Some lines in GB18030, the others UTF-8 (a report pasted together from two files)."""
    out = []
    for line in _lines(text):
        encoding = "gb18030" if rng.random() < 0.5 else "utf-8"
        out.append(line.encode(encoding, "surrogatepass" if encoding == "utf-8" else "replace"))
    return b"\n".join(out)


def encode(rng: random.Random, text: str) -> bytes:
    choice = rng.random()
    if choice < 0.1:
        return mixed_encodings(rng, text)
    encoding = rng.choice(("utf-8", "utf-8", "utf-8", "gb18030", "utf-16", "utf-8-sig", "big5", "utf-32"))
    return text.encode(encoding, "surrogatepass" if encoding.startswith("utf") else "replace")


def truncate(rng: random.Random, data: bytes) -> bytes:
    return data[:rng.randrange(len(data) + 1)]


def flip_bytes(rng: random.Random, data: bytes) -> bytes:
    raw = bytearray(data)
    for _ in range(rng.randint(1, 6)):
        if raw:
            raw[rng.randrange(len(raw))] = rng.randrange(256)
    return bytes(raw)


def as_html(rng: random.Random, text: str) -> str:
    """The text as a web page: pipe rows as table rows, other lines as paragraphs, with some
    damage a page may carry (an unclosed tag, a stray ``</``, a wrong or absent charset)."""
    import html

    parts = []
    for line in _lines(text):
        if "|" in line:
            cells = "".join(f"<td>{html.escape(cell.strip())}</td>" for cell in line.strip("|").split("|"))
            parts.append(f"<tr>{cells}</tr>")
        else:
            parts.append(f"<p>{html.escape(line)}</p>")
    damage = rng.choice(["", "<div>" * 50, "</" * 200, "<table>", "<!--", "<script>", "&#xD800;", "&#0;"])
    charset = rng.choice(["utf-8", "gbk", "utf-7", "rot13", "bogus", ""])
    head = f'<meta charset="{charset}">' if charset else ""
    return f"<html><head>{head}</head><body><table>{''.join(parts)}</table>{damage}</body></html>"


def mutate(number: int) -> tuple[str, bytes]:
    """Input number `number`: (file name, bytes), the same on every machine."""
    rng = random.Random(number)
    seed = SEEDS[number % len(SEEDS)]
    text = seed.read_text(encoding="utf-8")
    for mutator in rng.sample(TEXT_MUTATORS, rng.randint(1, 3)):
        text = mutator(rng, text)
    suffix = ".txt"
    if rng.random() < 0.15:
        text, suffix = as_html(rng, text), ".html"
    elif rng.random() < 0.1:
        suffix = ".md"
    data = text.encode("utf-8", "surrogatepass") if suffix == ".html" else encode(rng, text)
    roll = rng.random()
    if roll < 0.1:
        data = truncate(rng, data)
    elif roll < 0.15:
        data = flip_bytes(rng, data)
    return f"fuzz-{number:06d}{suffix}", data
