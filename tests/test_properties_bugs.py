"""Minimal examples of bugs the property suite found, kept as regression tests."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import attrs
import pytest
from seed_tables import seed_tables

import govfin
from govfin.disclosure import Disclosure
from govfin.tables import GovernmentFundTable, Row


def test_fund_table_of_zeros_is_not_data() -> None:
    """A 政府性基金 balance of a few 元 prints 0.00 万元 in 公开07 and 公开04 alike."""
    tables = list(seed_tables())
    i = next(k for k, t in enumerate(tables) if isinstance(t, GovernmentFundTable))
    zeros = dict.fromkeys(GovernmentFundTable.COLUMNS)
    zeros["年初结转和结余"] = zeros["年末结转和结余"] = Decimal("0.00")
    tables[i] = GovernmentFundTable(
        [Row("合计", "合计", zeros), Row("229", "其他支出", zeros, code="229")],
        attrs.evolve(tables[i].meta, empty_note=None),
    )
    report = govfin.check(Disclosure(department="某局", year=2024, tables=tables))
    assert not report.select(rule="K-should-be-empty").findings, report.to_text()


def test_share_of_a_whole_printed_with_fewer_places() -> None:
    from govfin.disclosure import Narrative, NarrativeSection

    narrative = Narrative(
        (
            NarrativeSection(
                "三、支出决算情况说明",
                "2024年度支出合计0.0万元，其中：基本支出0.01万元，占比100.00%。",
            ),
        )
    )
    d = Disclosure(department="某局", year=2024, tables=seed_tables(), narrative=narrative)
    report = govfin.check(d, select=("N-share",))
    assert not report.errors, report.to_text()


def test_fund_table_in_yuan_below_a_cent_of_wan_is_not_data() -> None:
    """公开07 kept in 元 prints a fund of 0.01 元, which 公开04 (万元) shows as 0.00."""
    from govfin.amounts import Unit

    tables = list(seed_tables())
    i = next(k for k, t in enumerate(tables) if isinstance(t, GovernmentFundTable))
    tiny = dict.fromkeys(GovernmentFundTable.COLUMNS)
    tiny["本年收入"] = tiny["本年支出小计"] = tiny["项目支出"] = Decimal("0.01")
    meta = attrs.evolve(tables[i].meta, empty_note=None, unit=Unit.YUAN)
    tables[i] = GovernmentFundTable(
        [Row("合计", "合计", tiny), Row("229", "其他支出", tiny, code="229")], meta
    )
    d = Disclosure(department="某局", year=2024, tables=tables)
    assert not govfin.check(d).select(rule="K-should-be-empty").findings
    # a full 元 of it would print 0.00 万元 too; 100 元 is 0.01 万元 and shows
    tiny = {k: (Decimal("100.00") if v is not None else None) for k, v in tiny.items()}
    tables[i] = GovernmentFundTable(
        [Row("合计", "合计", tiny), Row("229", "其他支出", tiny, code="229")], meta
    )
    d = Disclosure(department="某局", year=2024, tables=tables)
    assert govfin.check(d).select(rule="K-should-be-empty").findings



@pytest.mark.parametrize("exact", ["120.045", "0.045", "7.35", "99.954", "120.044", "3.1"])
def test_generated_narrative_never_rounds_twice(exact: str) -> None:
    """The narrative generator restated 120.05 (printed from 120.045) as 120.1, a double
    rounding X12 rightly contradicts: a figure it shortens must be what the exact value gives."""
    from govfin.amounts import Unit
    from govfin.strategies._base import _Source
    from govfin.strategies._narratives import _say

    always = _Source(lambda strategy: 99)  # every chance() comes out True
    printed = Decimal(exact).quantize(Decimal("0.01"), ROUND_HALF_UP)
    _, stated = _say(printed, Unit.WAN_YUAN, always, ROUND_HALF_UP)
    if stated.as_tuple().exponent == -1:
        assert stated == Decimal(exact).quantize(Decimal("0.1"), ROUND_HALF_UP)
    else:
        assert stated == printed and printed.as_tuple().digits[-1] == 5


def test_truncated_zero_stands_for_both_sides() -> None:
    """Cut towards zero, −0.0001 prints as 0.00 (or −0.00): a printed 0 stands for [−u, u],
    not only [0, u] (found by the stands_for property)."""
    from govfin.amounts import Interval, ToleranceMode, interval_of, stands_for

    cent = Decimal("0.01")
    for zero in (Decimal("0.00"), Decimal("-0.00")):
        assert interval_of(zero, cent, ToleranceMode.TRUNCATE) == Interval(-cent, cent)
        assert stands_for(zero, cent, ToleranceMode.TRUNCATE, Decimal("-0.0001"))
    assert not stands_for(Decimal("0.00"), cent, ToleranceMode.TRUNCATE, Decimal("-0.011"))
