"""Properties of the 绩效自评 model, formulas and rules, through govfin.strategies.

1. No false alarms: an evaluation consistent with a scoring scheme (figures, indicators,
   scores, 总分 and grade) gets no error or warning under that scheme (also when its figures
   are cut rather than rounded, checked with the truncation model).
2. One cell of an equation (E-balance, E-sources, E-total) moved beyond its slack is caught.
4. Formulas: every score lies in [0, 分值]; the 执行率得分 is monotonic in 全年执行数; the
   grade is monotonic in 总分; the qualitative band edges are the scheme's (lower bounds
   inclusive: 80 % for 达成, 60 % — 50 % in the older bands — for 部分达成).
3. Round trips through govfin.serialize.
"""

from __future__ import annotations

from decimal import ROUND_DOWN, Decimal
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

import govfin
from govfin import strategies as gs
from govfin.amounts import Tolerance, ToleranceMode
from govfin.performance import (
    SCHEMES,
    NegativeFormula,
    ProjectEvaluation,
    ScoringScheme,
    equal_score,
    execution_rate,
    negative_score,
    positive_score,
)
from govfin.performance.targets import Outcome
from govfin.serialize import from_json, structure, to_json, unstructure

CENT = Decimal("0.01")
ZERO = Decimal(0)

schemes = st.sampled_from(sorted(SCHEMES)).map(SCHEMES.__getitem__)
scheme_and_evaluation = schemes.flatmap(lambda s: st.tuples(st.just(s), gs.evaluations(scheme=s)))
#: 分值 as printed: 0.01 to 100.
weights = gs.amounts(CENT, min_value=CENT, max_value=100)
#: Indicator values (targets, actuals): non-negative, two decimals.
values = gs.amounts(CENT, min_value=0, max_value=10**6)


@given(scheme_and_evaluation)
def test_consistent_evaluation_has_no_false_alarm(pair: tuple[ScoringScheme, Any]) -> None:
    scheme, ev = pair
    report = govfin.check(ev, extra={"scheme": scheme})
    assert not gs.false_alarms(report), report.to_text()


@given(
    schemes.flatmap(lambda s: st.tuples(st.just(s), gs.evaluations(scheme=s, rounding=ROUND_DOWN)))
)
def test_truncated_evaluation_has_no_false_alarm_under_truncation(
    pair: tuple[ScoringScheme, Any],
) -> None:
    scheme, ev = pair
    report = govfin.check(ev, extra={"scheme": scheme}, tolerance=Tolerance(ToleranceMode.TRUNCATE))
    assert not gs.false_alarms(report), report.to_text()


@given(st.data(), scheme_and_evaluation)
def test_moved_cell_in_evaluation_is_caught_and_named(
    data: st.DataObject, pair: tuple[ScoringScheme, Any]
) -> None:
    scheme, ev = pair
    moved, place, delta = gs.mutate_cell(data.draw, ev)
    errors = govfin.check(moved, extra={"scheme": scheme}).errors
    assert any(f.names(place) for f in errors), f"{place} moved by {delta}\n" + "\n".join(
        f.to_text() for f in errors
    )


@given(scheme_and_evaluation)
def test_every_score_within_its_weight(pair: tuple[ScoringScheme, ProjectEvaluation]) -> None:
    scheme, ev = pair
    for line in ev.funds:
        assert line.score is not None and ZERO <= line.score <= line.weight
    for ind in ev.indicators:
        assert ind.weight is not None
        assert ZERO <= (ind.score or ZERO) <= ind.weight
    assert ev.total_score is not None and ZERO <= ev.total_score <= scheme.total
    assert ev.weight_total == scheme.total
    assert ev.grade == scheme.grade(ev.total_score)


@given(scheme_and_evaluation)
def test_evaluation_round_trips(pair: tuple[ScoringScheme, ProjectEvaluation]) -> None:
    _, ev = pair
    assert structure(unstructure(ev), ProjectEvaluation) == ev
    assert from_json(to_json(ev), ProjectEvaluation) == ev


# -- formulas --------------------------------------------------------------------------------------


@given(schemes, gs.amounts(CENT, min_value=-1000, max_value=1000), weights)
def test_execution_score_within_weight(
    scheme: ScoringScheme, rate: Decimal, weight: Decimal
) -> None:
    assert ZERO <= scheme.execution.score(rate, weight) <= weight


@given(schemes, st.sampled_from(list(NegativeFormula)), values, values, weights)
def test_quantitative_scores_within_weight(
    scheme: ScoringScheme,
    formula: NegativeFormula,
    target: Decimal,
    actual: Decimal,
    weight: Decimal,
) -> None:
    for score in (
        positive_score(target, actual, weight),
        negative_score(target, actual, weight, formula),
        equal_score(target, actual, weight),
    ):
        assert ZERO <= score <= weight


@given(
    schemes, gs.amounts(Decimal("0.001"), min_value=Decimal("0.001"), max_value=10**5), st.data()
)
def test_execution_score_is_monotonic_in_executed(
    scheme: ScoringScheme, budget: Decimal, data: st.DataObject
) -> None:
    executed = gs.amounts(Decimal("0.001"), min_value=0, max_value=2 * budget)
    x1, x2 = sorted((data.draw(executed), data.draw(executed)))
    s1 = scheme.execution_score(execution_rate(x1, budget))
    s2 = scheme.execution_score(execution_rate(x2, budget))
    assert s1 <= s2


@given(
    schemes,
    gs.amounts(CENT, min_value=0, max_value=100),
    gs.amounts(CENT, min_value=0, max_value=100),
)
def test_grade_is_monotonic_in_total(scheme: ScoringScheme, a: Decimal, b: Decimal) -> None:
    lo, hi = sorted((a, b))
    labels = scheme.grades.labels  # best first
    assert labels.index(scheme.grade(hi)) <= labels.index(scheme.grade(lo))


@given(schemes, weights)
def test_qualitative_band_edges(scheme: ScoringScheme, weight: Decimal) -> None:
    bands = scheme.bands
    top = (weight * bands.achieved).quantize(CENT, rounding="ROUND_HALF_UP")
    mid = (weight * bands.partial).quantize(CENT, rounding="ROUND_HALF_UP")
    achieved = bands.band(Outcome.ACHIEVED, weight)
    partial = bands.band(Outcome.PARTIAL, weight)
    failed = bands.band(Outcome.NOT_ACHIEVED, weight)
    assert top in achieved and weight in achieved and top - CENT not in achieved
    assert weight + CENT not in achieved
    if mid < top:
        assert mid in partial and top - CENT in partial
    assert top not in partial and mid - CENT not in partial
    assert ZERO in failed and mid not in failed
    if mid > 0:
        assert mid - CENT in failed
    assert bands.achieved == Decimal("0.8")
    assert bands.partial in (Decimal("0.6"), Decimal("0.5"))


@given(schemes, weights, st.data())
def test_every_score_has_exactly_one_band(
    scheme: ScoringScheme, weight: Decimal, data: st.DataObject
) -> None:
    score = data.draw(gs.amounts(CENT, min_value=0, max_value=weight))
    holding = [o for o in Outcome if score in scheme.bands.band(o, weight)]
    assert holding == [scheme.bands.outcome_of(score, weight)]


# -- diagnosis in parts: failing_relations and corrections agree with diagnose -----------------

_NUDGES = (Decimal("0.01"), Decimal("-0.01"), Decimal("0.3"), Decimal(-2), Decimal(5))


@given(
    gs.evaluations(),
    st.lists(st.tuples(st.sampled_from(["annual_budget", "executed", "balance", "rate",
                                        "score"]), st.sampled_from(_NUDGES)), max_size=2),
    st.sampled_from([Tolerance(), Tolerance(ToleranceMode.TRUNCATE),
                     Tolerance(ToleranceMode.EXACT), Tolerance(absolute=Decimal("0.01"))]),
    st.sampled_from(["mof-2020", "jiangxi", "hubei"]),
)
def test_failing_relations_and_corrections_agree_with_diagnose(
    ev: Any, nudges: list[tuple[str, Decimal]], tolerance: Tolerance, scheme_name: str
) -> None:
    """The plain pre-tests and the pruned correction search change nothing: on lines with up to
    two cells moved, failing_relations = the inconsistent relations of fund_relations, and
    corrections (with or without them given) = diagnose's corrections."""
    import attrs

    from govfin.performance import (
        corrections,
        diagnose,
        failing_relations,
        fund_relations,
        resolve_scheme,
        sole_correction,
    )

    scheme = resolve_scheme(scheme_name)
    line = ev.funds[0]
    for attr, delta in nudges:
        value = getattr(line, attr)
        if value is not None and value + delta >= 0:
            line = attrs.evolve(line, **{attr: value + delta})
    judged = fund_relations(line, scheme, tolerance)
    failing = failing_relations(line, scheme, tolerance)
    assert failing == tuple(r for r in judged if not r.consistent)
    d = diagnose(line, scheme, tolerance)
    assert corrections(line, scheme, tolerance) == d.corrections
    assert corrections(line, scheme, tolerance, failing=failing) == d.corrections
    assert sole_correction(d.corrections) == d.unique
