"""Ratios for notebooks on a 部门预算: shares by 类, 基本/项目, 人员/公用, 三公 against last year.

Figures: the corpus budgets' tables as typed in tests/budget_specimens.py (江苏省人民检察院
2017, 万元; 上海市普陀区万里街道 2025, 元 converted to the disclosure's 万元).
"""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govfin import ratios
from govfin.amounts import convert
from govfin.disclosure import Disclosure
from govfin.errors import NotFoundError
from govfin.strategies import budget_disclosures
from govfin.tables import Row
from govfin.tables.budget import FAMILIES, ShanghaiThreePublicTable, budget_meta, family_table
from tests.budget_specimens import js_disclosure, sh_disclosure

D = Decimal


def _js() -> Disclosure:
    return attrs.evolve(js_disclosure(), kind="预算")


def _sh() -> Disclosure:
    return attrs.evolve(sh_disclosure(), kind="预算")


def test_class_shares_of_the_general_budget_table() -> None:
    shares = {r.key: r for r in ratios.class_shares(_js())}
    assert set(shares) == {"204", "208", "221"}
    assert shares["204"].numerator == D("13641.34")
    assert shares["204"].denominator == D("17981.68")
    assert shares["204"].value == D("13641.34") / D("17981.68")
    assert sum(r.numerator for r in shares.values()) == D("17981.68")  # type: ignore[misc]


def test_class_shares_of_another_role_and_in_yuan_converted() -> None:
    """Shanghai's tables are in 元: the shares are read in the disclosure's unit."""
    shares = {r.key: r for r in ratios.class_shares(_sh(), role="expenditure")}
    assert shares["212"].denominator == D("189767551") / 10000
    assert shares["201"].numerator == D("3296600") / 10000
    # Jiangsu's 收支总表 prints every 类 (most blank) and totals them in 当年支出小计
    summary = ratios.class_shares(_js(), role="summary")
    assert {r.key for r in summary} == {"204", "208", "221"}
    assert {r.of for r in summary} == {"当年支出小计"}
    assert summary[0].denominator == D("17996.68")


def test_basic_project_split_of_all_funds() -> None:
    split = {r.label: r for r in ratios.basic_project_split(_js())}
    assert list(split) == ["基本支出", "项目支出", "单位预留机动经费"]
    # the narrative's 三、支出预算情况说明: 68.48%, 30.74%, 0.78% of 17,996.68
    assert round(split["基本支出"].percent, 2) == D("68.48")  # type: ignore[arg-type]
    assert round(split["项目支出"].percent, 2) == D("30.74")  # type: ignore[arg-type]
    assert round(split["单位预留机动经费"].percent, 2) == D("0.78")  # type: ignore[arg-type]


def test_personnel_public_split_both_layouts() -> None:
    js = {r.label: r for r in ratios.personnel_public_split(_js())}
    assert js["人员经费"].numerator == D("9710.42")  # 301 + 303
    assert js["公用经费"].numerator == D("2598.06")  # 302
    assert js["人员经费"].denominator == D("12308.48")  # = the table's 合计
    sh = {r.label: r for r in ratios.personnel_public_split(_sh())}
    total = sh["人员经费"].denominator
    assert sh["人员经费"].numerator + sh["公用经费"].numerator == total  # type: ignore[operator]


def _three_public(d: Disclosure, rows: dict[str, tuple[str, ...]]) -> Disclosure:
    t = ShanghaiThreePublicTable(
        [Row(k, k, dict(zip(ShanghaiThreePublicTable.COLUMNS, v, strict=True)))
         for k, v in rows.items()],
        budget_meta(ShanghaiThreePublicTable, year=d.year),
    )  # fmt: skip
    return attrs.evolve(d, tables=[x for x in d.tables if x.ROLE != "three_public"] + [t])


def test_three_public_against_last_years_budget() -> None:
    """万里街道 2025: "“三公”经费预算数为37.91万元，比2024年预算减少10万元": 公务用车购置费
    15 against 25 (the 2024 figures are the 2025 narrative's)."""
    now = _sh()
    before = _three_public(
        attrs.evolve(_sh(), year=2024),
        {"本年预算数": ("47.91", "0", "1.35", "46.56", "25", "21.56", "464.64")},
    )
    changes = {c.label: c for c in ratios.three_public(now, before)}
    assert changes["合计"].delta == D("-10")
    assert changes["合计"].direction == "减少"
    assert changes["公务用车购置费"].percent == D("-40")
    assert changes["公务接待费"].direction == "持平"
    assert {c.key for c in changes.values()} == {"上年预算"}


def test_three_public_against_the_printed_previous_year() -> None:
    d = _three_public(
        _sh(),
        {
            "本年预算数": ("37.91", "0", "1.35", "36.56", "15", "21.56", "464.64"),
            "上年预算数": ("47.91", "0", "1.35", "46.56", "25", "21.56", "500.00"),
            "增减": ("-10", "0", "0", "-10", "-10", "0", "-35.36"),
            "增减率": ("-20.87", "", "0", "-21.48", "-40", "0", "-7.07"),
        },
    )
    changes = {c.label: c for c in ratios.three_public(d)}
    assert changes["机关运行经费"].delta == D("-35.36")
    assert changes["因公出国（境）费"].rate is None  # nil last year: no rate
    assert {c.key for c in changes.values()} == {"上年预算数"}
    # the specimens print this year only: nothing to compare
    assert ratios.three_public(_sh()) == ()


def test_a_missing_role_is_a_clear_error() -> None:
    d = attrs.evolve(_js(), tables=[t for t in _js().tables if t.ROLE != "general"])
    with pytest.raises(NotFoundError, match="general"):
        ratios.class_shares(d)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_generated_budgets_shares_add_up(data: st.DataObject) -> None:
    """On any consistent budget of any family, the 类 shares and the 基本/项目 split add up to
    the whole, within the rounding of each printed cell."""
    d = data.draw(budget_disclosures(data.draw(st.sampled_from(FAMILIES))))
    for items, role in (
        (ratios.class_shares(d, include_nil=True), "general"),
        (ratios.basic_project_split(d), "expenditure"),
    ):
        t = family_table(d.tables, role)
        assert t is not None
        if not items:
            continue
        unit = convert(t.meta.precision, t.meta.unit, d.unit)
        total = items[0].denominator or D(0)
        parts = sum((r.numerator or D(0) for r in items), D(0))
        assert abs(parts - total) <= unit * (len(items) + 1) / 2
        assert all(r.denominator == total for r in items)
