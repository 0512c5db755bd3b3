"""Properties of the intra-table rules on generated tables of every kind (govfin.strategies).

1. No false alarms: a table consistent by construction (amounts in 元 rolled up the code tree
   and across columns, then every cell rounded on its own) gets no error and no warning, only
   rounding residues within their slack.
2. Every real error is caught: one cell moved beyond the slack of every equation it is in
   gives an error that names the cell.
3. Round trips through govfin.serialize (plain data and JSON) are the identity.
"""

from __future__ import annotations

import json

from hypothesis import event, given, settings
from hypothesis import strategies as st

import govfin
from govfin import strategies as gs
from govfin.serialize import from_json, structure, to_json, unstructure
from govfin.tables import Table

#: A table of any kind (small to medium).
any_table = st.sampled_from(gs.TABLE_KINDS).flatmap(lambda k: gs.tables(k, max_leaves=40))
#: Non-empty tables, for mutations.
nonempty_table = st.sampled_from(gs.TABLE_KINDS).flatmap(
    lambda k: gs.tables(k, min_leaves=1, max_leaves=40)
)
#: Fewer examples for the large tables (hundreds of rows).
_LARGE = settings(max_examples=max(5, settings().max_examples // 5))


def _no_false_alarms(table: Table) -> None:
    event(f"公开{table.NUMBER}表, {'empty' if table.empty else 'with data'}")
    report = govfin.check(table)
    assert not gs.false_alarms(report), report.to_text()
    for f in report.infos:
        if f.slack is not None and f.difference is not None:
            assert abs(f.difference) <= f.slack


@given(any_table)
def test_consistent_table_has_no_false_alarm(table: Table) -> None:
    _no_false_alarms(table)


@_LARGE
@given(
    st.sampled_from(gs.TABLE_KINDS).flatmap(lambda k: gs.tables(k, min_leaves=100, max_leaves=300))
)
def test_large_consistent_table_has_no_false_alarm(table: Table) -> None:
    _no_false_alarms(table)


@given(st.data(), nonempty_table)
def test_moved_cell_is_caught_and_named(data: st.DataObject, table: Table) -> None:
    moved, place, delta = gs.mutate_cell(data.draw, table)
    event(f"moved in 公开{table.NUMBER}表")
    assert place.row is not None and place.column is not None
    before = table.value(place.row, place.column)
    assert before is not None and moved.value(place.row, place.column) == before + delta
    errors = govfin.check(moved).errors
    assert errors, f"{place} moved by {delta}: no error"
    assert any(f.names(place) for f in errors), (
        f"{place} moved by {delta}: no error names it\n" + "\n".join(f.to_text() for f in errors)
    )


@given(any_table)
def test_table_round_trips_through_plain_data_and_json(table: Table) -> None:
    data = unstructure(table)
    assert structure(data, Table) == table
    assert structure(data, type(table)) == table
    text = to_json(table)
    assert json.loads(text) == data
    assert from_json(text, Table) == table


@given(any_table)
def test_report_round_trips(table: Table) -> None:
    report = govfin.check(table)
    assert govfin.Report.from_dict(report.to_dict()) == report
    assert govfin.Report.from_json(report.to_json()) == report


@given(any_table)
def test_printed_cells_have_the_declared_precision(table: Table) -> None:
    for row in table.rows:
        for column, value in row.values.items():
            if value is not None:
                unit = table.cell(row.key, column).unit
                assert unit == 0 or value == value.quantize(unit)
