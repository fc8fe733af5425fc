"""giarlint extract --output-format csv: one row per report, flattened keys in template order."""

from __future__ import annotations

import csv
import io

from giarlint_run import SEEDS, main


def test_csv_has_one_row_per_report_with_stable_columns(capsys):
    code, out, _ = main(capsys, "extract", "--isolated", "--output-format", "csv", *SEEDS)
    assert code == 0
    rows = list(csv.reader(io.StringIO(out)))
    header, body = rows[0], rows[1:]
    assert len(body) == len(SEEDS)
    assert header[:9] == ["path", "year", "agency", "format", "publication_date", "table2.reading", "table3.reading",
                          "table4.reading", "table2.regulations.made"]
    assert header.index("table3.new_received.natural_person") < header.index("table3.granted.total") \
        < header.index("table3.carried_forward.total") < header.index("table4.review.upheld")
    assert len(header) == len(set(header))
    by_path = {row[0]: dict(zip(header, row)) for row in body}
    seed0, seed2 = by_path[str(SEEDS[0])], by_path[str(SEEDS[2])]
    assert seed0["table3.new_received.total"] == "13" and seed0["table3.granted.total"] == "2"
    assert seed0["table2.licensing.decisions"] == "企业类674件;个人类69535件"
    assert seed0["publication_date"] == "2023-01-28" and seed0["agency"] == "昆明市应急管理局"
    assert seed2["format"] == "2019" and seed2["table2.regulations.made"] == ""
    assert {seed0[f"table{n}.reading"] for n in (2, 3, 4)} == {"read"}
    assert seed2["table2.fees.amount"] == "" and "610.6988" in seed2.values()
    code, again, _ = main(capsys, "extract", "--isolated", "--output-format", "csv", *reversed(SEEDS))
    assert again.splitlines()[0] == out.splitlines()[0]  # the columns do not depend on the reports
