"""Property tests: consistent generated budgets (every family) give no error and no warning; one
printed cell moved beyond tolerance is caught by a rule that names that cell."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govfin.disclosure import Disclosure
from govfin.findings import Finding, Place, Severity
from govfin.rules import check
from govfin.strategies import budget_disclosures, budget_ledgers, budget_mutations
from govfin.tables.budget import FAMILIES, FAMILY_KINDS, BudgetTable

# K-missing is a 决算 rule that asks for 公开01–09 on every disclosure (see the report).
FINAL_ONLY = ("K-missing",)
SETTINGS = settings(max_examples=40, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _serious(d: Disclosure) -> list[Finding]:
    return [f for f in check(d).findings
            if f.severity is not Severity.INFO and f.rule_id not in FINAL_ONLY]


def _names(f: Finding, place: Place) -> bool:
    key = (place.table, place.row, place.column)
    cells = [f.place, *f.cells] if f.place is not None else list(f.cells)
    return any((c.table, c.row, c.column) == key for c in cells)


@pytest.mark.parametrize("family", FAMILIES)
@SETTINGS
@given(data=st.data())
def test_consistent_budget_has_no_error(family: str, data: st.DataObject) -> None:
    d = data.draw(budget_disclosures(family))
    assert [type(t) for t in d.tables] == list(FAMILY_KINDS[family])
    assert all(isinstance(t, BudgetTable) and t.DOCUMENT == "预算" for t in d.tables)
    assert d.kind == "预算"  # the 预算's completeness rules run, not the 决算's K-missing
    assert _serious(d) == []


@pytest.mark.parametrize("family", FAMILIES)
@SETTINGS
@given(data=st.data())
def test_one_moved_cell_is_caught_and_named(family: str, data: st.DataObject) -> None:
    d, place = data.draw(budget_mutations(family))
    hits = [f for f in _serious(d) if _names(f, place)]
    assert hits, f"moving {place} went unnoticed"


@SETTINGS
@given(budget_ledgers())
def test_ledger_totals(ledger: object) -> None:
    from govfin.strategies._budgets import GENERAL, BudgetLedger

    assert isinstance(ledger, BudgetLedger)
    # The 一般公共预算 基本支出 by economic 款 sums to the functional 基本支出 of that source.
    assert ledger.basic_sum() == ledger.sum(sources=(GENERAL,), purposes=("基本支出",))
    assert ledger.running_cost <= ledger.basic_sum() or ledger.running_cost == 0
