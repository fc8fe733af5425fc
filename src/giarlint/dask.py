"""giarlint over a corpus on Dask (``pip install 'giarlint[dask]'``): on one machine's cores or a
cluster's, with Dask's scheduler — giarlint has none of its own.

- `check_bag`: each report is linted where its partition runs (a map over the paths, one
  `giarlint.api.Checker` per worker process); the report-set rules (cross-year) then run per
  agency, after a group-by of the reports' summaries on the agency (a shuffle), since cross-year
  pairs only reports of one agency. The findings are those of ``giarlint check -j1``.
- `extract_to_parquet`: `giarlint extract`'s numbers, one row per report, written by the workers
  as Parquet files (pyarrow), one per partition, into a directory that pyarrow, pandas, Dask or
  DuckDB read as one table.

The paths must be readable where the workers run (a shared file system). See docs/scale.md.
"""

from __future__ import annotations

import json
import os
import pickle
from typing import Iterable, Sequence

import dask
import dask.bag as db

from giarlint.api import Checked, Checker, Unreadable
from giarlint.settings import Settings

_checkers: dict[tuple[bytes, bool], Checker] = {}  # per worker process: built once, reused by every task


def _checker(settings: Settings | None, plugins: bool) -> Checker:
    key = (pickle.dumps(settings), plugins)
    if key not in _checkers:
        _checkers[key] = Checker(settings, plugins)
    return _checkers[key]


def _check_partition(paths: Iterable[str], settings: Settings | None, plugins: bool) -> list[Checked]:
    checker = _checker(settings, plugins)
    return [checker.check_file(path) for path in paths]


def _agency(checked: Checked) -> str:
    """The group of a report for the report-set rules: its cross-year agency ('' when unknown)."""
    summary = checked.summaries.by_rule.get("cross-year") if checked.summaries is not None else None
    return getattr(summary, "agency", None) or ""


def _check_group(group: tuple[str, list[Checked]], settings: Settings | None, plugins: bool) -> list:
    agency, members = group
    if not agency or len(members) < 2:
        return []
    return _checker(settings, plugins).check_set(sorted(members, key=lambda c: c.path))


def check_bag(paths: Sequence[str], settings: Settings | None = None, plugins: bool = True,
              partition_size: int = 50) -> db.Bag:
    """A bag of every `giarlint.diagnostics.Diagnostic` of the reports at `paths`: each file's,
    then the report-set rules' per agency. `sorted(bag.compute())` is ``giarlint check``'s list."""
    checked = db.from_sequence(list(paths), partition_size=partition_size).map_partitions(
        _check_partition, settings, plugins)
    per_file = checked.map(lambda c: c.diagnostics).flatten()
    with_summaries = checked.filter(lambda c: c.summaries is not None).map(lambda c: c._replace(diagnostics=[]))
    across = with_summaries.groupby(_agency, shuffle="tasks").map(_check_group, settings, plugins).flatten()
    return db.concat([per_file, across])


def check(paths: Sequence[str], settings: Settings | None = None, plugins: bool = True,
          partition_size: int = 50) -> list:
    """`check_bag` computed (on the current Dask client, if any) and sorted."""
    return sorted(check_bag(paths, settings, plugins, partition_size).compute())


# -- extract ------------------------------------------------------------------------------------

def _columns() -> list[str]:
    from giarlint.extract import READING_COLUMNS, RECORD_COLUMNS, table_columns
    from giarlint.tables.templates import load_templates

    return list(RECORD_COLUMNS) + list(READING_COLUMNS) + table_columns(load_templates())


def _schema(columns: list[str]):
    import pyarrow as pa

    from giarlint.extract import READING_COLUMNS, RECORD_COLUMNS

    fields = [pa.field("year", pa.int64()) if name == "year" else pa.field(name, pa.string())
              for name in list(RECORD_COLUMNS) + list(READING_COLUMNS)]
    fields += [pa.field(name, pa.float64()) for name in columns[len(fields):]]
    fields += [pa.field("text_cells", pa.string()), pa.field("error", pa.string())]
    return pa.schema(fields)


def record_row(record: dict, columns: list[str]) -> dict:
    """One Parquet row of an extract record: numbers as numbers; a cell holding text is null in
    its column and kept, with its key, in ``text_cells`` (JSON) — text is never read as a number."""
    from giarlint.extract import flatten

    flat = flatten(record)
    row, texts = {}, {}
    for name in columns:
        value = flat.get(name)
        if name.startswith("table") and "." in name and not name.endswith(".reading"):
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                row[name] = float(value)
            else:
                row[name] = None
                if value is not None:
                    texts[name] = str(value)
        else:
            row[name] = value
    row["text_cells"] = json.dumps(texts, ensure_ascii=False, sort_keys=True) if texts else None
    row["error"] = None
    return row


def _write_partition(paths: list[str], target: str, settings: Settings | None, plugins: bool) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    checker = _checker(settings, plugins)
    columns = _columns()
    rows = []
    for path in paths:
        try:
            rows.append(record_row(checker.extract_file(path), columns))
        except Unreadable as exc:
            rows.append({"path": path, "error": str(exc)})
    table = pa.Table.from_pylist(rows, schema=_schema(columns))
    partial = target + ".partial"
    pq.write_table(table, partial)
    os.replace(partial, target)  # a reader never sees half a file
    return len(rows)


def extract_to_parquet(paths: Sequence[str], directory: str, settings: Settings | None = None,
                       plugins: bool = True, partition_size: int = 50) -> int:
    """Write one row per report (`record_row`) to ``directory/part-NNNNN.parquet``; returns the
    number of rows. Unreadable files are rows with only ``path`` and ``error``."""
    os.makedirs(directory, exist_ok=True)
    parts = db.from_sequence(list(paths), partition_size=partition_size).to_delayed()
    writes = [dask.delayed(_write_partition)(part, os.path.join(directory, f"part-{index:05d}.parquet"),
                                             settings, plugins)
              for index, part in enumerate(parts)]
    return sum(dask.compute(*writes))
