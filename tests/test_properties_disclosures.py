"""Properties of whole disclosures (govfin.strategies.disclosures).

Every table of a generated disclosure is printed from one exact ledger, so the cross-table
relations X1–X11 hold up to rounding, the completeness rules (K-*) are satisfied and the
attached 绩效自评 are consistent.

1. No false alarms over all rules (tables, evaluations, cross-table, narrative, completeness).
2. One table cell moved beyond detection gives an error naming it.
3. Round trips: govfin.serialize (plain data, JSON) and the text writer/reader.
"""

from __future__ import annotations

from decimal import ROUND_DOWN
from typing import Any

from hypothesis import event, given
from hypothesis import strategies as st

import govfin
from govfin import strategies as gs
from govfin.amounts import Tolerance, ToleranceMode, Unit
from govfin.disclosure import Disclosure
from govfin.readers import read_text, write_text
from govfin.rules import cross
from govfin.rules.narrative import claim_summary
from govfin.serialize import from_json, structure, to_json, unstructure


def _describe(d: Disclosure) -> None:
    """Statistics (shown by --hypothesis-show-statistics): size and funding of the draws."""
    rows = sum(len(t.rows) for t in d.tables)
    event(f"rows: {'<50' if rows < 50 else '<150' if rows < 150 else '150+'}")
    event("single source" if cross.single_source(d) else "several sources")
    for kind in (gs.T07, gs.T08):
        event(f"公开{kind.NUMBER}表 {'empty' if d[kind].empty else 'with data'}")
    event(f"evaluations: {len(d.evaluations)}")
    event("mixed units" if len({t.meta.unit for t in d.tables}) > 1 else "one unit")


@given(gs.disclosures())
def test_consistent_disclosure_has_no_false_alarm(d: Disclosure) -> None:
    _describe(d)
    report = govfin.check(d)
    assert not gs.false_alarms(report), report.to_text()
    checked = claim_summary(report)
    event(f"narrative claims checked: {'all' if checked.checked == checked.claims else 'some'}")


@given(gs.disclosures(rounding=ROUND_DOWN))
def test_truncated_disclosure_has_no_false_alarm_under_truncation(d: Disclosure) -> None:
    """A document that cuts its figures (ROUND_DOWN), checked with the truncation model."""
    report = govfin.check(d, tolerance=Tolerance(ToleranceMode.TRUNCATE))
    assert not gs.false_alarms(report), report.to_text()


@given(
    gs.disclosures(unit=Unit.YUAN, with_evaluations=False, with_narrative=False, mixed_units=False)
)
def test_disclosure_in_yuan_has_no_residue_at_all(d: Disclosure) -> None:
    """Printed in 元 to the 分 nothing is rounded: not even an info residue."""
    report = govfin.check(d)
    assert not gs.false_alarms(report), report.to_text()
    assert not [f for f in report.infos if f.difference], report.to_text()


@given(st.data(), gs.disclosures(min_leaves=1))
def test_moved_cell_in_disclosure_is_caught_and_named(data: st.DataObject, d: Disclosure) -> None:
    moved, place, delta = gs.mutate_cell(data.draw, d)
    event(f"moved in {place.table.split(':')[0]}")
    errors = govfin.check(moved).errors
    assert errors, f"{place} moved by {delta}: no error"
    assert any(f.names(place) for f in errors), (
        f"{place} moved by {delta}: no error names it\n" + "\n".join(f.to_text() for f in errors)
    )


@given(gs.disclosures())
def test_disclosure_round_trips_through_plain_data_and_json(d: Disclosure) -> None:
    assert structure(unstructure(d), Disclosure) == d
    assert from_json(to_json(d), Disclosure) == d


@given(gs.disclosures())
def test_disclosure_round_trips_through_text(d: Disclosure) -> None:
    result = read_text(write_text(d))
    assert not result.log.errors, [str(e) for e in result.log.errors]
    assert result.disclosure == d


@given(gs.ledgers())
def test_ledger_tables_agree_with_the_disclosure(ledger: Any) -> None:
    d = ledger.disclosure()
    assert d.kinds == tuple(k.KIND for k in gs.TABLE_KINDS)
    for kind in gs.TABLE_KINDS:
        assert d.table(kind) == ledger.table(kind)
