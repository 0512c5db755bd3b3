"""Ratios (govfin.ratios): full-precision Decimals, on the seed and on edge cases."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest
from seed_disclosure import edit, seed_disclosure

from govfin import ratios as R
from govfin.disclosure import Disclosure
from govfin.formatting import format_percent
from govfin.tables import (
    DisclosureInfoTable,
    ExpenditureTable,
    GeneralBudgetExpenditureTable,
    ThreePublicTable,
)


@pytest.fixture(scope="module")
def seed() -> Disclosure:
    return seed_disclosure()


def pct(rs: tuple[R.Ratio, ...]) -> dict[str, str]:
    return {r.label: format_percent(r.value) for r in rs}


def test_ratio_is_full_precision() -> None:
    r = R.Ratio("一般公共服务支出", Decimal("545.19"), Decimal("631.71"))
    assert r.value == Decimal("545.19") / Decimal("631.71")
    assert str(r.percent).startswith("86.3038419527947950800208956")
    assert R.Ratio("x", Decimal(0), Decimal("2.74")).value == 0
    assert R.Ratio("x", Decimal(1), Decimal(0)).value is None
    assert R.Ratio("x", None, Decimal(1)).percent is None


def test_change() -> None:
    c = R.Change("一般公共预算财政拨款支出", Decimal("631.71"), Decimal("806.07"))
    assert c.delta == Decimal("-174.36") and c.direction == "减少"
    assert format_percent(c.rate) == "-21.63%"
    new = R.Change("住房保障支出", Decimal("24.09"), Decimal(0))
    assert new.delta == Decimal("24.09") and new.rate is None  # no rate on a nil base
    assert R.Change("x", None, None).delta is None
    assert R.Change("x", Decimal(1), Decimal(1)).direction == "持平"


def test_class_shares(seed: Disclosure) -> None:
    shares = R.class_shares(seed)
    # the narrative's 五（二）: 86.30%, 8.05%, 1.83%, 3.81%
    assert pct(shares) == {
        "一般公共服务支出": "86.30%",
        "社会保障和就业支出": "8.05%",
        "卫生健康支出": "1.83%",
        "住房保障支出": "3.81%",
    }
    assert [r.key for r in shares] == ["201", "208", "210", "221"]
    assert all(r.denominator == Decimal("631.71") for r in shares)
    # Σ shares is 631.72 / 631.71: the tables' own rounding residue
    assert sum(r.numerator for r in shares if r.numerator) == Decimal("631.72")
    # the 26 类 of 公开01, nil ones included
    assert len(R.class_shares(seed, kind=R.IncomeExpenditureSummary, include_nil=True)) == 26
    assert pct(R.class_shares(seed, kind=ExpenditureTable)) == pct(shares)


def test_basic_project_split(seed: Disclosure) -> None:
    # the narrative's 三、: 55.40% / 44.60%
    assert pct(R.basic_project_split(seed)) == {"基本支出": "55.40%", "项目支出": "44.60%"}
    assert pct(R.basic_project_split(seed, kind=ExpenditureTable)) == {
        "基本支出": "55.40%",
        "项目支出": "44.60%",
    }
    assert pct(R.basic_project_split(seed, key="201")) == {
        "基本支出": "48.32%",
        "项目支出": "51.68%",
    }
    d = edit(seed, ExpenditureTable, ("合计", "经营支出", "10.00"))
    assert [r.label for r in R.basic_project_split(d, kind=ExpenditureTable)] == [
        "基本支出",
        "项目支出",
        "经营支出",
    ]


def test_personnel_public_split(seed: Disclosure) -> None:
    rs = R.personnel_public_split(seed)
    assert pct(rs) == {"人员经费合计": "97.23%", "公用经费合计": "2.77%"}
    assert rs[0].denominator == Decimal("349.97")


def test_budget_completion_from_the_narrative(seed: Disclosure) -> None:
    assert R.stated_budgets(seed) == {
        "合计": Decimal("862.51"),
        "201": Decimal("754.36"),
        "208": Decimal("63.08"),
        "210": Decimal("12.64"),
        "221": Decimal("32.43"),
    }
    assert pct(R.budget_completion(seed)) == {
        "合计": "73.24%",
        "一般公共服务支出": "72.27%",
        "社会保障和就业支出": "80.63%",
        "卫生健康支出": "91.61%",
        "住房保障支出": "74.28%",
    }
    t05 = seed.table(GeneralBudgetExpenditureTable)
    assert t05 is not None
    (r,) = R.budget_completion(t05, {"201": Decimal(800)})
    assert format_percent(r.value) == "68.15%"
    with pytest.raises(TypeError):
        R.budget_completion(t05)
    assert R.completion_rate(Decimal(5), Decimal(0)).value is None


def test_year_over_year(seed: Disclosure) -> None:
    previous = edit(
        attrs.evolve(seed, year=2023),
        GeneralBudgetExpenditureTable,
        ("合计", "合计", "806.07"),
        ("201", "合计", "805.47"),
        ("208", "合计", None),
        ("210", "合计", "0.60"),
        ("221", "合计", None),
    )
    changes = {c.key: c for c in R.year_over_year(seed, previous)}
    total = changes["一般公共预算财政拨款支出"]  # a main figure is keyed by its label
    assert (total.delta, format_percent(total.rate)) == (Decimal("-174.36"), "-21.63%")
    assert format_percent(changes["201"].rate) == "-32.31%"
    assert format_percent(changes["210"].rate, places=0) == "1,830%"
    assert changes["208"].rate is None and changes["208"].delta == Decimal("50.86")
    with pytest.raises(ValueError):
        R.year_over_year(seed, attrs.evolve(previous, department="别的部门"))
    with pytest.raises(ValueError):
        R.year_over_year(seed, attrs.evolve(previous, year=2024))


def test_three_public(seed: Disclosure) -> None:
    rs = R.three_public(seed)
    assert [(c.label, c.current, c.previous) for c in rs][:2] == [
        ("合计", Decimal(0), Decimal(0)),
        ("因公出国（境）费", Decimal(0), Decimal(0)),
    ]
    d = edit(
        seed, ThreePublicTable, ("预算数", "公务接待费", "2.00"), ("决算数", "公务接待费", "1.50")
    )
    d = edit(d, ThreePublicTable, ("预算数", "合计", "2.00"), ("决算数", "合计", "1.50"))
    got = {c.label: c for c in R.three_public(d, previous=seed) if c.key == "预算数"}
    assert format_percent(got["公务接待费"].rate) == "-25.00%"
    last_year = [c for c in R.three_public(d, previous=seed) if c.key == "上年决算数"]
    assert last_year[0].delta == Decimal("1.50") and last_year[0].rate is None
    with pytest.raises(LookupError):
        R.three_public(attrs.evolve(seed, tables=()))


def test_procurement_shares(seed: Disclosure) -> None:
    assert pct(R.procurement_shares(seed)) == {"货物": "100.00%", "工程": "0.00%", "服务": "0.00%"}
    d = edit(
        seed,
        DisclosureInfoTable,
        ("授予中小企业合同金额", "统计数", "2.00"),
        ("授予小微企业合同金额", "统计数", "0.50"),
    )
    assert pct(R.procurement_shares(d))["授予中小企业合同金额"] == "72.99%"
    assert pct(R.procurement_shares(d))["授予小微企业合同金额"] == "25.00%"


def test_ratios_of(seed: Disclosure) -> None:
    got = R.ratios_of(R.basic_project_split(seed))
    assert set(got) == {"基本支出", "项目支出"}
