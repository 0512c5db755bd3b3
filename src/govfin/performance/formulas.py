"""Scoring formulas of the 项目支出绩效自评, as pure functions over :class:`~decimal.Decimal`.

Rule ids (R3-n) number the formulas as docs/evaluation.md does; each rests on:

- 财预〔2020〕10号《项目支出绩效评价管理办法》 and its 附件 自评表: article text **UNCONFIRMED**
  (recalled; MOF's own copy could not be retrieved);
- [S25] the MOF-platform performance software ("gov.mof.fasp2.pmkpi"): SQL rules
  ``selfpositiveindex`` / ``selfequalindex`` / ``selfreverseindex`` / ``selfqualscorecheck``
  (public GitHub file id 54848695388) and the JS computing 预算执行率 and its score
  (ids 54832600441, 54940166209);
- [S21] 大英县 2023 自评表 (Sichuan), [S22] the older (pre-2020) central template notes,
  [S23] 财政部预算司 grade bands.

Rounding is half-up (四舍五入) to 0.01 unless ``round_to=None`` asks for the exact value.
Rates are in percent (``Decimal("29.94")``), as printed; ratios are fractions.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from decimal import ROUND_HALF_UP, Decimal

from govfin._lazy import frozen
from govfin.amounts import HUNDRED, ZERO
from govfin.performance.targets import Direction, Outcome

__all__ = [
    "CENT",
    "GRADE_BANDS_2020",
    "HUNDRED",
    "JIANGXI_TIERS",
    "NegativeFormula",
    "ScoreBand",
    "equal_score",
    "execution_rate",
    "execution_ratio",
    "execution_score",
    "grade",
    "negative_score",
    "negative_score_linear",
    "negative_score_ratio",
    "positive_score",
    "qualitative_band",
    "quantitative_score",
    "round_half_up",
    "tiered_execution_score",
    "total_score",
]

CENT = Decimal("0.01")
_TEN = Decimal(10)

#: 江西 tiered 执行率 scoring [S25 id 54940166209]: (lower bound in percent, share of 分值).
#: "执行率为100%得10分 执行率小于100%且大于等于80%的得7分；执行率小于80%且大于等于60%的得5分；
#: 执行率小于60%的不得分".
JIANGXI_TIERS: tuple[tuple[Decimal, Decimal], ...] = (
    (Decimal(100), Decimal(1)),
    (Decimal(80), Decimal("0.7")),
    (Decimal(60), Decimal("0.5")),
)

#: R3-10 grade bands (lower bound inclusive), best first; below the last: 差.
GRADE_BANDS_2020: tuple[tuple[Decimal, str], ...] = (
    (Decimal(90), "优"),
    (Decimal(80), "良"),
    (Decimal(60), "中"),
)


def round_half_up(value: Decimal, to: Decimal | None = CENT) -> Decimal:
    """Round half-up (四舍五入) to the unit ``to``; ``to=None`` returns ``value`` unchanged."""
    return value if to is None else value.quantize(to, rounding=ROUND_HALF_UP)


def _clamp(value: Decimal, lo: Decimal, hi: Decimal) -> Decimal:
    return max(lo, min(hi, value))


# -- 预算执行率 -----------------------------------------------------------------------------------


def execution_ratio(executed: Decimal | None, budget: Decimal | None) -> Decimal | None:
    """预算执行率 as an exact fraction: 全年执行数 / 全年预算数 (R3-2).

    Sources: [S21] "预算执行率=预算执行数/调整后预算数"; [S25 id 54832600441]
    "预算执行率(实际执行数/调整后预算)".

    Zero budget (documented choice): the rate is *not computable* and ``None`` is returned,
    as it is for a blank budget or blank 执行数.  (The platform's 浙江 branch prints 100 % when
    the budget is 0 but money was spent; a scheme may decide so, this function does not.)
    """
    if executed is None or budget is None or budget == 0:
        return None
    return executed / budget


def execution_rate(
    executed: Decimal | None, budget: Decimal | None, *, round_to: Decimal | None = CENT
) -> Decimal | None:
    """预算执行率 in percent, rounded to 0.01 as printed (R3-2); ``None`` when not computable.

    ``execution_rate(Decimal("10.45"), Decimal(35))`` is ``Decimal("29.86")``.
    """
    ratio = execution_ratio(executed, budget)
    return None if ratio is None else round_half_up(ratio * HUNDRED, round_to)


def execution_score(
    rate: Decimal | None, weight: Decimal = _TEN, *, round_to: Decimal | None = CENT
) -> Decimal:
    """执行率得分 = min(执行率, 100%) × 分值, rounded to 0.01 (R3-3).

    ``rate`` is in percent.  A rate that is not computable (``None``: zero or blank budget)
    scores 0, as does a negative rate.  Sources: [S25 id 54832600441] "自评得分(预算执行率*10)",
    "if (source >= 10) { source = 10; }"; [S25 id 54940166209] "(bgtget/10).toFixed(2)" with
    the cap at 100 %.  The 10号 text gives no formula (UNCONFIRMED).
    """
    if rate is None:
        return round_half_up(ZERO, round_to)
    share = _clamp(rate, ZERO, HUNDRED) / HUNDRED
    return round_half_up(share * weight, round_to)


def tiered_execution_score(
    rate: Decimal | None,
    weight: Decimal = _TEN,
    tiers: Sequence[tuple[Decimal, Decimal]] = JIANGXI_TIERS,
    *,
    round_to: Decimal | None = CENT,
) -> Decimal:
    """Tiered 执行率得分 (the 江西 variant, [S25 id 54940166209]).

    ``tiers`` are ``(lower bound in percent, share of 分值)``, best first; the first tier whose
    bound the rate reaches gives the score; below every bound the score is 0.  With the default
    :data:`JIANGXI_TIERS`: 100 % → 10, [80 %, 100 %) → 7, [60 %, 80 %) → 5, below 60 % → 0.
    """
    if rate is not None:
        for bound, share in sorted(tiers, key=lambda t: t[0], reverse=True):
            if rate >= bound:
                return round_half_up(share * weight, round_to)
    return round_half_up(ZERO, round_to)


# -- quantitative indicators ---------------------------------------------------------------------


class NegativeFormula(enum.Enum):
    """The two incompatible 反向 (≤) formulas in use (R3-6)."""

    #: older central template [S22]: min(w, A/B × w) — "年度指标值(A)/全年实际值(B)*该指标分值"
    RATIO = "ratio"
    #: MOF platform ``selfreverseindex`` [S25 id 54848695388]: w if B ≤ A;
    #: (1 − (B − A)/A) × w if A < B < 2A; 0 if B ≥ 2A
    LINEAR_DEVIATION = "linear"


def _proportional(
    met: bool, num: Decimal, den: Decimal, weight: Decimal, round_to: Decimal | None
) -> Decimal:
    """分值 when the target is ``met``, else num/den × 分值 kept in [0, 分值] (0 when the
    ratio is not positive: a non-positive target or actual)."""
    if met:
        return round_half_up(weight, round_to)
    if den <= 0:
        return round_half_up(ZERO, round_to)
    return round_half_up(_clamp(num / den, ZERO, Decimal(1)) * weight, round_to)


def positive_score(
    target: Decimal, actual: Decimal, weight: Decimal, *, round_to: Decimal | None = CENT
) -> Decimal:
    """正向 indicator "≥A" (R3-5): 分值 when B ≥ A, else B/A × 分值.

    Source: [S25 id 54848695388] ``selfpositiveindex``: "case when #actualvalue# >= #indexval#
    then #weight# when #actualvalue# < #indexval# then round((#actualvalue# / #indexval#) *
    #weight#, 2)"; older template [S22] "全年实际值(B)/年度指标值(A)*该指标分值".  The result
    is kept in [0, 分值] (a negative actual scores 0).
    """
    return _proportional(actual >= target, actual, target, weight, round_to)


def negative_score_ratio(
    target: Decimal, actual: Decimal, weight: Decimal, *, round_to: Decimal | None = CENT
) -> Decimal:
    """反向 indicator "≤A", ratio form (R3-6, older central template [S22]).

    分值 when B ≤ A, else A/B × 分值 ("年度指标值(A)/全年实际值(B)*该指标分值", capped at 分值).
    """
    return _proportional(actual <= target, target, actual, weight, round_to)


def negative_score_linear(
    target: Decimal, actual: Decimal, weight: Decimal, *, round_to: Decimal | None = CENT
) -> Decimal:
    """反向 indicator "≤A", linear-deviation form (R3-6, MOF platform).

    Source: [S25 id 54848695388] ``selfreverseindex``: 分值 when B ≤ A;
    round((1 − (B − A)/A) × 分值, 2) when A < B < 2A; 0 when B ≥ 2A.
    """
    if actual <= target:
        return round_half_up(weight, round_to)
    if actual >= 2 * target:  # includes A <= 0 < B
        return round_half_up(ZERO, round_to)
    return round_half_up((1 - (actual - target) / target) * weight, round_to)


def negative_score(
    target: Decimal,
    actual: Decimal,
    weight: Decimal,
    formula: NegativeFormula = NegativeFormula.LINEAR_DEVIATION,
    *,
    round_to: Decimal | None = CENT,
) -> Decimal:
    """反向 score by the selected ``formula`` (R3-6)."""
    if formula is NegativeFormula.RATIO:
        return negative_score_ratio(target, actual, weight, round_to=round_to)
    return negative_score_linear(target, actual, weight, round_to=round_to)


def equal_score(
    target: Decimal, actual: Decimal, weight: Decimal, *, round_to: Decimal | None = CENT
) -> Decimal:
    """ "=A" indicator (R3-7): A = 0 → 分值 if B ≤ 0 else 0; A > 0 → as 正向 (R3-5).

    Source: [S25 id 54848695388] ``selfequalindex``.
    """
    if target == 0:
        return round_half_up(weight if actual <= 0 else ZERO, round_to)
    return positive_score(target, actual, weight, round_to=round_to)


def quantitative_score(
    direction: Direction,
    target: Decimal,
    actual: Decimal,
    weight: Decimal,
    *,
    negative: NegativeFormula = NegativeFormula.LINEAR_DEVIATION,
    round_to: Decimal | None = CENT,
) -> Decimal:
    """Score of a quantitative indicator by its direction (R3-5 … R3-7)."""
    if direction is Direction.POSITIVE:
        return positive_score(target, actual, weight, round_to=round_to)
    if direction is Direction.NEGATIVE:
        return negative_score(target, actual, weight, negative, round_to=round_to)
    return equal_score(target, actual, weight, round_to=round_to)


# -- qualitative indicators ----------------------------------------------------------------------


@frozen
class ScoreBand:
    """The scores allowed for a qualitative outcome: ``[lo, hi]`` or ``[lo, hi)``."""

    lo: Decimal
    hi: Decimal
    hi_inclusive: bool

    def __contains__(self, score: object) -> bool:
        if not isinstance(score, (Decimal, int)) or isinstance(score, bool):
            return False
        if score < self.lo:
            return False
        return score <= self.hi if self.hi_inclusive else score < self.hi

    def __str__(self) -> str:
        return f"[{self.lo}, {self.hi}{']' if self.hi_inclusive else ')'}"


def qualitative_band(
    outcome: Outcome,
    weight: Decimal,
    *,
    achieved: Decimal = Decimal("0.8"),
    partial: Decimal = Decimal("0.6"),
) -> ScoreBand:
    """The score band of a qualitative outcome (R3-8), lower bounds inclusive.

    2020 bands (defaults): 达成 [80 %, 100 %]; 部分达成并具有一定效果 [60 %, 80 %);
    未达成且效果较差 [0, 60 %).  The older / local bands use ``partial=0.5``
    ("100-80%(含80%)、80-50%(含50%)、50-0%", [S25 id 54572025564]).  Source of the 2020
    boundaries: 10号 wording UNCONFIRMED; the platform check ``selfqualscorecheck``
    [S25 id 54848695388]: "round(#weight# * 0.8, 2) <= #score# and #score# <= #weight#" (达成),
    "round(#weight# * 0.6, 2) <= #score# and #score# < round(#weight# * 0.8, 2)" (部分达成),
    "0 <= #score# and #score# < round(#weight# * 0.6, 2)" (未达成).
    """
    if outcome is Outcome.ACHIEVED:
        return ScoreBand(round_half_up(weight * achieved), weight, True)
    mid = round_half_up(weight * partial)
    if outcome is Outcome.PARTIAL:
        return ScoreBand(mid, round_half_up(weight * achieved), False)
    return ScoreBand(ZERO, mid, False)


# -- total and grade -------------------------------------------------------------------------


def total_score(execution: Decimal | None, indicator_scores: Iterable[Decimal | None]) -> Decimal:
    """总分 = 执行率得分 + Σ indicator 得分 (R3-9); blanks count 0.

    DERIVED/CORROBORATED; no bonus points ("不设置加分项", [S25 id 54572025564]).
    """
    total = execution if execution is not None else ZERO
    for s in indicator_scores:
        if s is not None:
            total += s
    return total


def grade(
    total: Decimal, bands: Sequence[tuple[Decimal, str]] = GRADE_BANDS_2020, floor: str = "差"
) -> str:
    """The grade of a 总分 (R3-10): 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, else 差 (lower bounds inclusive).

    Source: [S23] "优(90-100分)、良(80-89分)、中(60-79分)、差(0-59分)"; the "90（含）-100分为优…"
    reading for non-integer scores (89.5 → 良) is 10号 wording, UNCONFIRMED as a quote.
    """
    for bound, label in sorted(bands, key=lambda b: b[0], reverse=True):
        if total >= bound:
            return label
    return floor
