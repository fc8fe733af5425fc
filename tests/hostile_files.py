"""Hostile inputs made from the seeds: each is a file a published-report directory may really
hold (a page in UTF-7, a name that is not UTF-8, escape sequences, a FIFO, a device…), put in
one directory beside good reports. Used by tests/test_hardening.py and by tests/fuzz/."""

from __future__ import annotations

import os
import re
from pathlib import Path

SEEDS = Path(__file__).resolve().parent / "seeds"
SEED_000 = SEEDS / "000_074461f2da15a71b.txt"
SEED_002 = SEEDS / "002_7d855a5aa78fa36e.txt"
TEXT_CELL = "企业类674件;个人类69535件"  # seed 000's table-二 cell that holds text (a GIA205 quoting it)
GOOD = ("good-000.txt", "good-002.txt")


def seed_with_cell(text: str) -> str:
    """Seed 000 with its text cell replaced: the GIA205 message quotes `text`."""
    return SEED_000.read_text(encoding="utf-8").replace(TEXT_CELL, text)


def utf7_page_with_lone_surrogate() -> bytes:
    """Seed 000 as a web page declaring UTF-7, whose text cell decodes to a lone surrogate."""
    from seed_renderings import html_page, seed_report

    page = html_page(seed_report(SEED_000)).decode("utf-8")
    page = re.sub(r'charset="?utf-8"?', "charset=utf-7", page, flags=re.I)
    before, after = page.split(TEXT_CELL)
    return before.encode("utf-7") + b"+2D0-" + after.encode("utf-7")


def make_hostile_dir(directory: Path) -> dict[str, str]:
    """Fill `directory` with the good reports and the hostile files; name -> what it is."""
    directory.mkdir(parents=True, exist_ok=True)
    (directory / GOOD[0]).write_bytes(SEED_000.read_bytes())
    (directory / GOOD[1]).write_bytes(SEED_002.read_bytes())
    made = {
        "utf7.html": "a UTF-7 page whose cell is a lone surrogate",
        "escapes.txt": "terminal escape sequences in a cell",
        "xml-forbidden.txt": "U+FFFE and a C0 control in a cell",
        "digits.txt": "a cell of 5,000 digits",
        "binary.txt": "binary bytes",
        "empty.md": "an empty file",
        "big.txt": "a 17 MiB sparse file",
        "fifo.txt": "a FIFO",
        "zero.txt": "a symlink to /dev/zero",
        "nested.html": "1,000 unclosed nested elements",
    }
    (directory / "utf7.html").write_bytes(utf7_page_with_lone_surrogate())
    (directory / "escapes.txt").write_text(seed_with_cell("\x1b]0;pwned\x07\x1b[2J\x9b31m"), encoding="utf-8")
    (directory / "xml-forbidden.txt").write_text(seed_with_cell("\ufffe\x01x"), encoding="utf-8")
    (directory / "digits.txt").write_text(seed_with_cell("9" * 5000), encoding="utf-8")
    (directory / "binary.txt").write_bytes(bytes(range(256)) * 64)
    (directory / "empty.md").write_bytes(b"")
    with open(directory / "big.txt", "wb") as handle:
        handle.truncate(17 * 1024 * 1024)
    os.mkfifo(directory / "fifo.txt")
    os.symlink("/dev/zero", directory / "zero.txt")
    (directory / "nested.html").write_text("<html><body>" + "<div>" * 1000 + "一、总体情况", encoding="utf-8")
    name = os.fsdecode(b"name-\xff.txt")  # not UTF-8: held as a surrogate escape
    (directory / name).write_bytes(SEED_000.read_bytes())
    made[name] = "a file name that is not UTF-8"
    return made
