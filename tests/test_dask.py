"""giarlint.dask on a real distributed.LocalCluster with two worker processes: the same findings as
``giarlint check -j1`` (cross-year ones included, through the group-by on the agency) and the same
numbers as ``giarlint extract``, written to Parquet by the workers."""

from __future__ import annotations

import json

import pyarrow.parquet as pq
from distributed import Client, LocalCluster

from giarlint import dask as giarlint_dask
from giarlint.commands.common import iter_paths
from giarlint_run import SEED_000, SEEDS, run, seed_copies

COPIES = 38  # × 5 seeds, + 10 reports of two agencies over two years: 200 reports


def previous_year(text: str, year: int) -> str:
    return text.replace(str(year), str(year - 1)).replace(str(year + 1), str(year))


def corpus(tmp_path):
    """200 reports: copies of the seeds (one agency and year many times over: no pairs), and two
    agencies with this year's and last year's report (cross-year pairs: GIA601–GIA603)."""
    tree = seed_copies(tmp_path / "corpus", COPIES)
    seed_002 = SEEDS[2]
    for name, seed, year, old, new in (("qujing", SEED_000, 2022, "昆明市", "曲靖市"),
                                       ("chenggong", seed_002, 2020, "晋宁区", "呈贡区")):
        folder = tree / name
        folder.mkdir()
        text = seed.read_text(encoding="utf-8").replace(old, new)
        (folder / f"{year}.txt").write_text(text, encoding="utf-8")
        (folder / f"{year - 1}.txt").write_text(previous_year(text, year), encoding="utf-8")
        for extra in range(3):  # more years of nobody else: the group holds more than a pair
            (folder / f"other{extra}.md").write_text(SEEDS[1].read_text(encoding="utf-8"), encoding="utf-8")
    return tree


def test_a_local_cluster_gives_the_findings_and_extract_of_one_process(tmp_path):
    tree = corpus(tmp_path)
    paths = list(iter_paths([str(tree)]))
    assert len(paths) == 200
    one = run("check", "--isolated", "-j", "1", "--output-format", "json", tree)
    expected = json.loads(one.stdout)
    assert one.returncode == 1 and {"GIA601", "GIA603"} <= {d["code"] for d in expected}
    extracted = {r["path"]: r for r in json.loads(run("extract", "--isolated", tree).stdout)}
    parquet = tmp_path / "extract"

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        assert len(client.scheduler_info()["workers"]) == 2
        found = giarlint_dask.check(paths, plugins=False, partition_size=20)
        rows = giarlint_dask.extract_to_parquet(paths, str(parquet), plugins=False, partition_size=20)
        worked = client.run(lambda: len(giarlint_dask._checkers))  # each worker built its checker
    assert sorted(worked.values()) == [1, 1]

    assert json.loads(json.dumps([d.as_dict() for d in found], ensure_ascii=False)) == expected
    assert rows == 200
    table = pq.read_table(parquet).to_pylist()
    assert sorted(row["path"] for row in table) == sorted(paths) == sorted(extracted)
    columns = giarlint_dask._columns()
    for row in table:
        assert row == giarlint_dask.record_row(extracted[row["path"]], columns)
    first = next(row for row in table if row["path"].endswith("qujing/2022.txt"))
    assert first["year"] == 2022 and first["agency"] == "曲靖市应急管理局"
    assert first["table3.new_received.natural_person"] == 13.0
    assert json.loads(first["text_cells"])["table2.licensing.decisions"] == "企业类674件;个人类69535件"
