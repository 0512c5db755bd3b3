"""Properties of the narrative recomputation: correctly rounded statements are never flagged,
grossly wrong ones are; the sentences govfin.formatting writes are read back exactly."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import attrs
from hypothesis import assume, given
from hypothesis import strategies as st
from seed_disclosure import seed_disclosure

from govfin.disclosure import Disclosure, Narrative, NarrativeSection
from govfin.formatting import format_amount, format_change, format_percent
from govfin.narrative import ChangeClaim, extract_claims
from govfin.ratios import Change
from govfin.rules.narrative import Status, assess

_SEED = seed_disclosure()
_CENT = Decimal("0.01")

amounts = st.decimals(
    min_value=Decimal("0.01"), max_value=Decimal("99999.99"), places=2, allow_nan=False
)


def _said(text: str, heading: str = "一、收入支出决算总体情况说明") -> Disclosure:
    return attrs.evolve(_SEED, narrative=Narrative((NarrativeSection(heading, text, 1),)))


def _statuses(text: str, rule: str) -> list[Status]:
    return [a.status for a in assess(_said(text)) if a.rule_id == rule]


def _pct(x: Decimal) -> Decimal:
    return (x * 100).quantize(_CENT, rounding=ROUND_HALF_UP)


@given(current=amounts, previous=amounts)
def test_correct_change_rates_agree(current: Decimal, previous: Decimal) -> None:
    assume(current != previous)
    c = Change("收入总计", current, previous)
    text = f"2024年度收入总计{format_amount(current)}。与上年相比，收入总计{format_change(c)}。"
    assert _statuses(text, "N-change") == [Status.AGREES]


@given(current=amounts, previous=amounts)
def test_a_doubled_rate_is_caught(current: Decimal, previous: Decimal) -> None:
    delta = abs(current - previous)
    assume(delta >= 1 and previous >= 1)  # a rate well above its own rounding
    rate = _pct(delta / previous)
    assume(rate >= 1)
    word, rate_word = ("增加", "增长") if current > previous else ("减少", "下降")
    wrong = rate * 2
    text = f"收入总计{current}万元。收入总计{word}{delta}万元，{rate_word}{wrong}%。"
    assert _statuses(text, "N-change") == [Status.CONTRADICTED]


@given(part=amounts, whole=amounts)
def test_correct_shares_agree(part: Decimal, whole: Decimal) -> None:
    assume(part <= whole)
    text = f"2024年度支出合计{whole}万元，其中：基本支出{part}万元，占比{_pct(part / whole)}%。"
    assert _statuses(text, "N-share") == [Status.AGREES]


@given(actual=amounts, budget=amounts)
def test_correct_completion_rates_agree(actual: Decimal, budget: Decimal) -> None:
    text = (
        f"一般公共服务支出年初预算{budget}万元，支出决算{actual}万元，"
        f"完成年初预算的{format_percent(actual / budget).rstrip('%').replace(',', '')}%。"
    )
    assert _statuses(text, "N-completion") == [Status.AGREES]


@given(current=amounts, previous=amounts)
def test_formatted_change_is_read_back(current: Decimal, previous: Decimal) -> None:
    assume(current != previous and previous != 0)
    c = Change("收入总计", current, previous)
    (claim,) = [
        x for x in extract_claims(f"收入总计{format_change(c)}。") if isinstance(x, ChangeClaim)
    ]
    assert claim.subject == "收入总计"
    assert claim.sign == (1 if current > previous else -1)
    assert claim.delta is not None and claim.delta.value == abs(current - previous)
    assert claim.percent is not None and claim.percent.value == _pct(abs(c.rate or 0))
