"""The data the ``html`` format draws on: diagnostics of an identity carry the keys of its cells
(from the totals rule itself), and the per-report view is built only for formatters that ask."""

from __future__ import annotations

from conftest import SEED, replace_at, seed_text

from giarlint.parallel import LinterSet
from giarlint.settings import Settings


def test_a_wrong_row_total_names_its_cells(linter):
    report = linter.build("x.txt", seed_text("001"))
    value = report.tables["table3"].values["granted"]["total"]
    span = value.cell.span
    mutated = replace_at(seed_text("001"), span.line, span.column, value.text, str(int(value.number) + 5))
    wrong = [d for d in linter.lint_text("x.txt", mutated) if d.code == "GIA201"]
    assert len(wrong) == 1
    left, right = wrong[0].cells
    assert left == ("table3.granted.total",)
    assert right == tuple(f"table3.granted.{c}" for c in
                          ("natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org"))
    assert "cells" not in wrong[0].as_dict()  # the machine formats keep their shape


def test_a_wrong_column_total_names_the_result_rows(linter):
    report = linter.build("x.txt", seed_text("001"))
    value = report.tables["table3"].values["total"]["natural_person"]
    span = value.cell.span
    mutated = replace_at(seed_text("001"), span.line, span.column, value.text, str(int(value.number) + 5))
    found = {d.code: d for d in linter.lint_text("x.txt", mutated)}
    left, right = found["GIA203"].cells
    assert left == ("table3.total.natural_person",)
    assert "table3.granted.natural_person" in right and "table3.denied.state_secret.natural_person" in right
    left, right = found["GIA202"].cells  # the side of the cell pointed at (总计) first
    assert left == ("table3.total.natural_person", "table3.carried_forward.natural_person")
    assert right == ("table3.new_received.natural_person", "table3.carried_over.natural_person")


def test_the_view_is_built_only_when_asked(registry):
    path = str(SEED["001"])
    plain = LinterSet(registry, [Settings()])
    result = plain.lint((path, 0))
    assert result.view is None
    asking = LinterSet(registry, [Settings()], views=True)
    result = asking.lint((path, 0))
    view = result.view
    assert view["path"] == path and view["year"] == 2021 and view["format"] == "2021"
    table3 = view["tables"]["table3"]
    assert table3["verdict"] == "read"
    report = asking.get(0).build(path, seed_text("001"))
    expected = report.tables["table3"].values["granted"]["natural_person"]
    assert table3["values"]["table3.granted.natural_person"] == ["number", str(expected.number)]
    assert [r["key"] for r in table3["grid"]["rows"] if r["key"]][:2] == ["new_received", "carried_over"]
    assert view["sections"][0]["title"].startswith("一")


def test_a_negative_count_names_its_cell(linter):
    report = linter.build("x.txt", seed_text("000"))
    value = report.tables["table3"].values["granted"]["natural_person"]
    span = value.cell.span
    mutated = replace_at(seed_text("000"), span.line, span.column, value.text, "-" + value.text)
    negative = [d for d in linter.lint_text("x.txt", mutated) if d.code == "GIA206"]
    assert [d.cells for d in negative] == [(("table3.granted.natural_person",),)]
