"""The scoring formulas (R3-2 … R3-10 of docs/evaluation.md): edges and properties."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from govfin.performance import (
    BANDS_PRE_2020,
    Direction,
    NegativeFormula,
    Outcome,
    ScoreBand,
    equal_score,
    execution_rate,
    execution_ratio,
    execution_score,
    grade,
    negative_score,
    negative_score_linear,
    negative_score_ratio,
    positive_score,
    qualitative_band,
    quantitative_score,
    round_half_up,
    tiered_execution_score,
    total_score,
)

D = Decimal


# -- 执行率 (R3-2) -------------------------------------------------------------------------------


def test_execution_rate_seed_values() -> None:
    assert execution_rate(D("10.45"), D(35)) == D("29.86")
    assert execution_rate(D("7.504"), D(29)) == D("25.88")
    assert execution_rate(D("0.749"), D(2)) == D("37.45")
    assert execution_rate(D("18.469"), D(30)) == D("61.56")
    assert execution_rate(D(20), D(20)) == D("100.00")


def test_execution_rate_zero_or_blank_budget_is_not_computable() -> None:
    assert execution_ratio(D(5), D(0)) is None
    assert execution_rate(D(0), D(0)) is None
    assert execution_rate(None, D(10)) is None
    assert execution_rate(D(1), None) is None


def test_execution_rate_exact_and_half_up() -> None:
    assert execution_ratio(D(1), D(3)) == D(1) / D(3)
    assert execution_rate(D(1), D(3), round_to=None) == D(100) / D(3)
    # 0.125 % → 0.13 (half-up, not banker's rounding)
    assert execution_rate(D("0.125"), D(100)) == D("0.13")


# -- 执行率得分 (R3-3) ----------------------------------------------------------------------------


def test_execution_score_linear() -> None:
    assert execution_score(D("29.94")) == D("2.99")
    assert execution_score(D("25.88")) == D("2.59")
    assert execution_score(D("25.98")) == D("2.60")
    assert execution_score(D("61.56")) == D("6.16")
    assert execution_score(D("54.48")) == D("5.45")


def test_execution_score_capped_at_weight_and_floored_at_zero() -> None:
    assert execution_score(D("130")) == D("10.00")
    assert execution_score(D("100")) == D("10.00")
    assert execution_score(D("-5")) == D("0.00")
    assert execution_score(D("50"), D(20)) == D("10.00")  # 湖北: worth 20


def test_execution_score_not_computable_scores_zero() -> None:
    assert execution_score(None) == D("0.00")
    assert execution_score(None, round_to=None) == D(0)


@pytest.mark.parametrize(
    ("rate", "score"),
    [("100", "10.00"), ("120", "10.00"), ("99.99", "7.00"), ("80", "7.00"),
     ("79.99", "5.00"), ("60", "5.00"), ("59.99", "0.00"), (None, "0.00")],
)
def test_tiered_execution_score_edges(rate: str | None, score: str) -> None:
    assert tiered_execution_score(None if rate is None else D(rate)) == D(score)


# -- quantitative (R3-5 … R3-7) ------------------------------------------------------------


def test_positive_score() -> None:
    assert positive_score(D(95), D(80), D(20)) == D("16.84")
    assert positive_score(D(95), D(95), D(20)) == D("20.00")
    assert positive_score(D(95), D(99), D(20)) == D("20.00")  # capped: no bonus
    assert positive_score(D(4), D(0), D(10)) == D("0.00")
    assert positive_score(D(0), D(0), D(10)) == D("10.00")
    assert positive_score(D(10), D(-1), D(10)) == D("0.00")


def test_negative_score_both_forms() -> None:
    # ≤2小时, actual 3小时: ratio 2/3 × 10; linear (1 − 1/2) × 10
    assert negative_score_ratio(D(2), D(3), D(10)) == D("6.67")
    assert negative_score_linear(D(2), D(3), D(10)) == D("5.00")
    assert negative_score(D(2), D(3), D(10), NegativeFormula.RATIO) == D("6.67")
    assert negative_score(D(2), D(3), D(10)) == D("5.00")  # default: linear (MOF platform)
    # at or below the target: full
    assert negative_score_ratio(D(5), D(0), D(10)) == D("10.00")
    assert negative_score_linear(D(5), D(5), D(10)) == D("10.00")
    # linear: 0 from twice the target on
    assert negative_score_linear(D(2), D(4), D(10)) == D("0.00")
    assert negative_score_linear(D(2), D(9), D(10)) == D("0.00")
    # target 0, actual above: nothing
    assert negative_score_linear(D(0), D(1), D(10)) == D("0.00")
    assert negative_score_ratio(D(0), D(1), D(10)) == D("0.00")


def test_equal_score() -> None:
    assert equal_score(D(21), D(3), D(20)) == D("2.86")  # 差旅费 保障人数
    assert equal_score(D(100), D(50), D(20)) == D("10.00")  # 会议费 计划会议完成率
    assert equal_score(D(1), D(0), D(20)) == D("0.00")
    assert equal_score(D(0), D(0), D(10)) == D("10.00")
    assert equal_score(D(0), D(1), D(10)) == D("0.00")
    assert equal_score(D(7), D(8), D(20)) == D("20.00")


def test_quantitative_dispatch() -> None:
    assert quantitative_score(Direction.POSITIVE, D(10), D(5), D(20)) == D("10.00")
    assert quantitative_score(Direction.NEGATIVE, D(2), D(3), D(10)) == D("5.00")
    assert quantitative_score(Direction.NEGATIVE, D(2), D(3), D(10),
                              negative=NegativeFormula.RATIO) == D("6.67")
    assert quantitative_score(Direction.EQUAL, D(0), D(0), D(10)) == D("10.00")
    assert quantitative_score(Direction.POSITIVE, D(3), D(1), D(10), round_to=None) == D(10) / 3


# -- qualitative bands (R3-8) --------------------------------------------------------------


def test_qualitative_bands_2020_edges() -> None:
    achieved = qualitative_band(Outcome.ACHIEVED, D(10))
    partial = qualitative_band(Outcome.PARTIAL, D(10))
    failed = qualitative_band(Outcome.NOT_ACHIEVED, D(10))
    assert achieved == ScoreBand(D("8.00"), D(10), True)
    # 80 % belongs to 达成, 60 % to 部分达成 (lower bounds inclusive)
    assert D(8) in achieved and D(8) not in partial
    assert D(10) in achieved and D("10.01") not in achieved
    assert D(6) in partial and D(6) not in failed
    assert D("7.99") in partial and D("5.99") in failed
    assert D(0) in failed and D("-0.01") not in failed
    assert str(partial) == "[6.00, 8.00)"


def test_qualitative_bands_pre_2020() -> None:
    partial = BANDS_PRE_2020.band(Outcome.PARTIAL, D(10))
    assert D(5) in partial and D("4.99") not in partial and D(8) not in partial
    assert D(8) in BANDS_PRE_2020.band(Outcome.ACHIEVED, D(10))
    assert BANDS_PRE_2020.outcome_of(D(5), D(10)) is Outcome.PARTIAL
    assert BANDS_PRE_2020.outcome_of(D("4.99"), D(10)) is Outcome.NOT_ACHIEVED


def test_band_rounds_edges_like_the_platform() -> None:
    # round(w × 0.8, 2): w = 15 → 12.00; w = 7 → 5.60 / 4.20
    assert qualitative_band(Outcome.ACHIEVED, D(15)).lo == D("12.00")
    assert qualitative_band(Outcome.PARTIAL, D(7)) == ScoreBand(D("4.20"), D("5.60"), False)


def test_score_band_rejects_non_numbers() -> None:
    band = qualitative_band(Outcome.ACHIEVED, D(10))
    assert "9" not in band
    assert True not in band
    assert 9 in band


# -- total and grade (R3-9, R3-10) ---------------------------------------------------------


def test_total_score() -> None:
    assert total_score(D("2.99"), [D(20), D(8), D(5), D(4), D(10), D(10)]) == D("59.99")
    assert total_score(None, [None, D(1)]) == D(1)
    assert total_score(D(0), []) == D(0)


@pytest.mark.parametrize(
    ("total", "expected"),
    [("100", "优"), ("90", "优"), ("89.99", "良"), ("89.5", "良"), ("80", "良"),
     ("79.99", "中"), ("60", "中"), ("59.99", "差"), ("0", "差")],
)
def test_grade_edges(total: str, expected: str) -> None:
    assert grade(D(total)) == expected


def test_round_half_up() -> None:
    assert round_half_up(D("2.985")) == D("2.99")
    assert round_half_up(D("2.995")) == D("3.00")
    assert round_half_up(D("2.985"), None) == D("2.985")


# -- properties ------------------------------------------------------------------------------

money = st.decimals(min_value=0, max_value=10_000, places=3, allow_nan=False,
                    allow_infinity=False)
weights = st.decimals(min_value=0, max_value=100, places=2, allow_nan=False,
                      allow_infinity=False)
values = st.decimals(min_value=-1000, max_value=1000, places=2, allow_nan=False,
                     allow_infinity=False)
rates = st.one_of(st.none(), st.decimals(min_value=-50, max_value=300, places=2,
                                         allow_nan=False, allow_infinity=False))
totals = st.decimals(min_value=0, max_value=100, places=2, allow_nan=False,
                     allow_infinity=False)
_RANK = {"差": 0, "中": 1, "良": 2, "优": 3}


@given(rate=rates, weight=weights)
def test_execution_scores_within_weight(rate: Decimal | None, weight: Decimal) -> None:
    for s in (execution_score(rate, weight), tiered_execution_score(rate, weight)):
        assert 0 <= s <= weight


@given(direction=st.sampled_from(list(Direction)), target=values, actual=values, weight=weights,
       formula=st.sampled_from(list(NegativeFormula)))
def test_quantitative_scores_within_weight(direction: Direction, target: Decimal,
                                           actual: Decimal, weight: Decimal,
                                           formula: NegativeFormula) -> None:
    for rounded in (D("0.01"), None):
        s = quantitative_score(direction, target, actual, weight, negative=formula,
                               round_to=rounded)
        assert 0 <= s <= weight


@given(outcome=st.sampled_from(list(Outcome)), weight=weights)
def test_bands_partition_zero_to_weight(outcome: Outcome, weight: Decimal) -> None:
    assume(weight > 0)
    band = qualitative_band(outcome, weight)
    assert 0 <= band.lo <= band.hi <= weight
    # every score in [0, w] lies in exactly one band
    for s in (D(0), band.lo, band.hi, weight):
        hits = [o for o in Outcome if s in qualitative_band(o, weight)]
        assert len(hits) == 1


@given(budget=money, a=money, b=money, weight=weights)
def test_execution_score_monotonic_in_executed(budget: Decimal, a: Decimal, b: Decimal,
                                               weight: Decimal) -> None:
    assume(budget > 0)
    lo, hi = sorted((a, b))
    assert execution_score(execution_rate(lo, budget), weight) <= execution_score(
        execution_rate(hi, budget), weight
    )
    assert tiered_execution_score(execution_rate(lo, budget), weight) <= tiered_execution_score(
        execution_rate(hi, budget), weight
    )


@given(a=totals, b=totals)
def test_grade_monotonic_in_total(a: Decimal, b: Decimal) -> None:
    lo, hi = sorted((a, b))
    assert _RANK[grade(lo)] <= _RANK[grade(hi)]


@given(target=st.decimals(min_value="0.01", max_value=1000, places=2), actual=values,
       weight=weights)
def test_positive_score_monotonic_in_actual(target: Decimal, actual: Decimal,
                                            weight: Decimal) -> None:
    assert positive_score(target, actual, weight) <= positive_score(target, actual + 1, weight)
    # a 反向 indicator scores no better when the actual grows
    for f in NegativeFormula:
        assert negative_score(target, actual + 1, weight, f) <= negative_score(
            target, actual, weight, f
        )
