"""Table templates from ``rules/tables/*.yaml``: label matchers for rows, columns and blocks.

A template is data so that a new national template or a province's variant is a YAML change;
a plugin can add directories through the ``giarlint_template_dirs`` hook.
"""

from __future__ import annotations

import re
import os
from functools import lru_cache
from typing import NamedTuple

from giarlint.data import load_yaml
from giarlint.messages import Localized
from giarlint.normalize import fold
from giarlint.resources import data_dir
from giarlint.tables.locate import LocateSpec

_ORDINAL = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|\([一二三四五六七八九十]+\)|\d+[.、．](?!\d))")


def format_for_year(year: int) -> str:
    """The template a report for `year` (2019 or later) must follow: the 2019 form for 2019
    and 2020, the 2021 form from then on."""
    return "2019" if year < 2021 else "2021"


def strip_ordinal(folded: str) -> tuple[str, bool]:
    """Remove a leading 一、 / (一) / 1. from folded text; say whether there was one."""
    match = _ORDINAL.match(folded)
    if not match:
        return folded, False
    return folded[match.end():], True


class Label(NamedTuple):
    """One row or column of a template and the words that identify it."""

    key: str | None
    label: str
    short: str
    en: str
    match: tuple[str, ...] = ()
    exact: tuple[str, ...] = ()
    truncated: tuple[str, ...] = ()
    group: str | None = None  # this label opens a group of rows
    group_of: str | None = None  # this row belongs to that group (documentation: rows are placed by order)
    leaf_in: tuple[str, ...] = ()  # formats in which a group label is itself a row with values
    formats: tuple[str, ...] = ()  # formats that have this row (empty: all)
    kind: str = "count"
    aliases: tuple[str, ...] = ()  # other wordings, compared by similarity like the label
    ordinal: bool = False  # an `exact` word that is also a column header (其他, 总计): a label only after 3. / (七)

    def name(self) -> Localized:
        """The row or column as messages name it."""
        return Localized(self.short, self.en)

    def matches(self, body: str) -> bool:
        return body in self.exact or any(word in body for word in self.match)


def _label(entry: dict) -> Label:
    return Label(
        key=entry.get("key"),
        label=entry["label"],
        short=entry.get("short", entry["label"]),
        en=entry.get("en", entry.get("key") or entry["label"]),
        match=tuple(fold(w) for w in entry.get("match", ())),
        exact=tuple(fold(w) for w in entry.get("exact", ())),
        truncated=tuple(fold(w) for w in entry.get("truncated", ())),
        group=entry.get("group"),
        group_of=entry.get("group_of"),
        leaf_in=tuple(str(f) for f in entry.get("leaf_in", ())),
        formats=tuple(str(f) for f in entry.get("formats", ())),
        kind=entry.get("kind", "count"),
        aliases=tuple(fold(w) for w in entry.get("aliases", ())),
        ordinal=bool(entry.get("needs_ordinal", False)),
    )


class Block(NamedTuple):
    item: int
    columns: tuple[Label, ...]
    rows: tuple[Label, ...]


class Table2Format(NamedTuple):
    name: str
    discriminators: tuple[str, ...]
    blocks: tuple[Block, ...]


class Templates(NamedTuple):
    table2: dict[str, Table2Format]
    table2_identities: dict
    table3_columns: tuple[Label, ...]
    table3_rows: tuple[Label, ...]
    table3_identities: dict
    table4_groups: tuple[Label, ...]
    table4_columns: tuple[Label, ...]
    table4_value_count: int
    table4_identities: dict
    titles: dict[str, tuple[str, str]] = {}
    locate: tuple[LocateSpec, ...] = ()
    similarity: dict[str, float] = {}  # per table: how alike a misspelt row label must be to the template's (0–1)


    def table3_row(self, key: str) -> Label | None:
        return next((r for r in self.table3_rows if r.key == key), None)

    def table3_column(self, key: str) -> Label | None:
        return next((c for c in self.table3_columns if c.key == key), None)


def _load(directory) -> dict[str, dict]:
    """Every ``*.yaml`` file of `directory` (str or Path), by name without the suffix."""
    if not os.path.isdir(directory):
        return {}
    names = sorted(name for name in os.listdir(directory) if name.endswith(".yaml"))
    return {name[: -len(".yaml")]: load_yaml(os.path.join(directory, name)) for name in names}


@lru_cache(maxsize=None)
def load_templates(extra_dirs: tuple = ()) -> Templates:
    """Built-in templates, with files of the same name in `extra_dirs` taking precedence."""
    raw = _load(os.path.join(data_dir("rules"), "tables"))
    for directory in extra_dirs:
        raw.update(_load(directory))
    t2, t3, t4 = raw["table2"], raw["table3"], raw["table4"]
    formats = {
        str(name): Table2Format(
            str(name),
            tuple(fold(w) for w in spec.get("discriminators", ())),
            tuple(
                Block(
                    int(block["item"]),
                    tuple(_label(c) for c in block["columns"]),
                    tuple(_label(r) for r in block["rows"]),
                )
                for block in spec["blocks"]
            ),
        )
        for name, spec in t2["formats"].items()
    }
    t3_rows = tuple(_label(r) for r in t3["rows"])
    return Templates(
        table2=formats,
        table2_identities=t2.get("identities", {}),
        table3_columns=tuple(_label(c) for c in t3["columns"]),
        table3_rows=t3_rows,
        table3_identities=t3.get("identities", {}),
        table4_groups=tuple(_label(g) for g in t4["groups"]),
        table4_columns=tuple(_label(c) for c in t4["columns"]),
        table4_value_count=int(t4.get("value_count", 15)),
        table4_identities=t4.get("identities", {}),
        titles={name: (spec.get("title", name), spec.get("title_en", name)) for name, spec in raw.items()},
        locate=tuple(_locate_spec(name, raw[name], labels) for name, labels in (
            ("table2", [row for spec in formats.values() for block in spec.blocks for row in block.rows]),
            ("table3", [row for row in t3_rows if row.key]),
            ("table4", []),
        ) if "locate" in raw[name]),
        similarity={name: float(raw[name].get("reading", {}).get("similarity", 0.75)) for name in ("table2", "table3")},
    )


def _locate_spec(name: str, spec: dict, rows: list[Label]) -> LocateSpec:
    """A table's anchor words: its `locate.words` and the words of its rows' labels."""
    words = [fold(w) for w in spec["locate"]["words"]]
    words += [w for row in rows for w in row.match + (() if row.ordinal else row.exact) if len(w) >= 2]
    return LocateSpec(name, tuple(dict.fromkeys(words)), int(spec["locate"].get("min_words", 3)))


def table3_rows_of(rows: tuple[Label, ...], format_name: str | None) -> list[Label]:
    """The data rows of table 三 in a format (25 in 2021, 23 in 2019), in template order."""
    out = []
    for row in rows:
        if not row.key:
            continue
        if row.group is not None:  # （六）其他处理 is a row only where it is a leaf
            if format_name in row.leaf_in:
                out.append(row)
            continue
        if row.formats and format_name not in row.formats:
            continue
        out.append(row)
    return out
