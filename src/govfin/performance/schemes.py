"""Scoring schemes: the weights, formulas and bands of one 绩效自评 template, as data.

A :class:`ScoringScheme` says how a self-evaluation is scored: the 分值 of 预算执行率 and of
each 一级指标, how 执行率 turns into a score (linear capped, or tiered), which 反向 formula
applies, the qualitative bands and the grade bands.  The rules in
:mod:`govfin.rules.evaluation` take the scheme from ``ctx.options.extra.get("scheme",
MOF_2020)``; a scheme name (``"jiangxi"``) is accepted there too (:func:`resolve_scheme`).

Provided (their sources are listed in docs/evaluation.md):

- :data:`MOF_2020` (default): 财预〔2020〕10号 structure 10/50/30/10, linear capped 执行率, the
  platform's linear-deviation 反向 formula, 2020 bands (80/60), grades 90/80/60.
- :data:`PRE_2020`: the older central template: ratio 反向 formula [S22], bands 80/50.
- :data:`JIANGXI`: as MOF_2020 with tiered 执行率 scoring (100 %→10, ≥80 %→7, ≥60 %→5).
- :data:`HUBEI`: 执行率 worth 20, 产出 40, 效益+满意度 40, bands 80/50 (``_isHubei`` and the
  ``hbprogoal`` tip; province Hubei/Hebei ambiguous in the source).
- :data:`SICHUAN`: 预算执行情况 10 + 绩效指标 90 with free 一级 weights [S21].
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Literal

import attrs

from govfin._lazy import frozen
from govfin.amounts import Interval
from govfin.errors import ArgumentTypeError, ArgumentValueError, NotFoundError
from govfin.performance.formulas import (
    CENT,
    GRADE_BANDS_2020,
    JIANGXI_TIERS,
    NegativeFormula,
    ScoreBand,
    execution_score,
    qualitative_band,
    tiered_execution_score,
)
from govfin.performance.targets import Outcome

__all__ = [
    "BANDS_2020",
    "BANDS_PRE_2020",
    "GRADES_2020",
    "HUBEI",
    "JIANGXI",
    "LINEAR_CAPPED",
    "MOF_2020",
    "PRE_2020",
    "SCHEMES",
    "SICHUAN",
    "TIERED_JIANGXI",
    "ExecutionScoring",
    "GradeBands",
    "Level1Weight",
    "QualitativeBands",
    "ScoringScheme",
    "resolve_scheme",
]


def _dec(value: object) -> Decimal:
    if isinstance(value, (float, bool)):
        raise ArgumentTypeError(f"scheme values must be Decimal/int/str, got {value!r}")
    if isinstance(value, (int, str)):
        return Decimal(value)
    if isinstance(value, Decimal):
        return value
    raise ArgumentTypeError(f"scheme values must be Decimal/int/str, got {value!r}")


def _tiers(value: Iterable[tuple[object, object]]) -> tuple[tuple[Decimal, Decimal], ...]:
    tiers = tuple((_dec(b), _dec(s)) for b, s in value)
    return tuple(sorted(tiers, key=lambda t: t[0], reverse=True))


@frozen
class ExecutionScoring:
    """How 执行率 (percent) becomes a score: ``"linear"`` (min(rate, 100 %) × 分值, R3-3) or
    ``"tiered"`` (``tiers`` of (lower bound in percent, share of 分值), best first).
    """

    kind: Literal["linear", "tiered"] = attrs.field(
        default="linear", validator=attrs.validators.in_(("linear", "tiered"))
    )
    tiers: tuple[tuple[Decimal, Decimal], ...] = attrs.field(default=(), converter=_tiers)

    def __attrs_post_init__(self) -> None:
        if self.kind == "tiered" and not self.tiers:
            raise ArgumentValueError("tiered 执行率 scoring needs at least one tier")

    def score(
        self,
        rate: Decimal | None,
        weight: Decimal = Decimal(10),
        *,
        round_to: Decimal | None = CENT,
    ) -> Decimal:
        """The 执行率得分 of ``rate`` (percent; ``None`` scores 0)."""
        if self.kind == "tiered":
            return tiered_execution_score(rate, weight, self.tiers, round_to=round_to)
        return execution_score(rate, weight, round_to=round_to)

    def attainable(self, rates: Interval, weight: Decimal) -> tuple[Interval, ...]:
        """The exact (unrounded) scores reachable from any rate in ``rates`` (percent).

        Linear: one interval (the score is monotonic in the rate).  Tiered: a point per tier
        value reached.  A printed score is consistent when its interval meets one of these.
        """
        lo = self.score(rates.lo, weight, round_to=None)
        hi = self.score(rates.hi, weight, round_to=None)
        if self.kind == "linear":
            return (Interval(lo, hi),)
        values = {lo, hi}
        for bound, share in self.tiers:
            if rates.lo <= bound <= rates.hi:
                values.add(share * weight)
        return tuple(Interval(v, v) for v in sorted(values))


#: 执行率得分 = min(执行率, 100 %) × 分值 (R3-3).
LINEAR_CAPPED = ExecutionScoring()
#: The 江西 tiers (100 % → 10, [80 %, 100 %) → 7, [60 %, 80 %) → 5, else 0).
TIERED_JIANGXI = ExecutionScoring("tiered", JIANGXI_TIERS)


@frozen
class QualitativeBands:
    """Band edges of the qualitative outcomes, as shares of 分值 (R3-8).

    达成 ``[achieved, 1]``, 部分达成 ``[partial, achieved)``, 未达成 ``[0, partial)``.
    """

    name: str
    achieved: Decimal = attrs.field(converter=_dec)
    partial: Decimal = attrs.field(converter=_dec)

    def __attrs_post_init__(self) -> None:
        if not 0 <= self.partial <= self.achieved <= 1:
            raise ArgumentValueError(f"band edges must satisfy 0 <= partial <= achieved <= 1: {self}")

    def band(self, outcome: Outcome, weight: Decimal) -> ScoreBand:
        """The allowed scores of ``outcome`` for an indicator worth ``weight``."""
        return qualitative_band(outcome, weight, achieved=self.achieved, partial=self.partial)

    def outcome_of(self, score: Decimal, weight: Decimal) -> Outcome:
        """The outcome whose band holds ``score`` (scores above 分值 count as 达成)."""
        for outcome in (Outcome.ACHIEVED, Outcome.PARTIAL):
            if score >= self.band(outcome, weight).lo:
                return outcome
        return Outcome.NOT_ACHIEVED


#: 财预〔2020〕10号 bands: 达成 [80 %, 100 %], 部分达成 [60 %, 80 %), 未达成 [0, 60 %).
BANDS_2020 = QualitativeBands("2020", "0.8", "0.6")
#: Older / local bands: 100–80 % (含80%), 80–50 % (含50%), 50–0 % [S25 id 54572025564].
BANDS_PRE_2020 = QualitativeBands("pre-2020", "0.8", "0.5")


def _grade_bands(value: Iterable[tuple[object, str]]) -> tuple[tuple[Decimal, str], ...]:
    bands = tuple((_dec(b), str(label)) for b, label in value)
    return tuple(sorted(bands, key=lambda b: b[0], reverse=True))


@frozen
class GradeBands:
    """Grades by 总分, lower bounds inclusive, best first; below every bound: ``floor``."""

    bands: tuple[tuple[Decimal, str], ...] = attrs.field(converter=_grade_bands)
    floor: str = "差"

    def grade(self, total: Decimal) -> str:
        """The grade of ``total`` (R3-10, :func:`~govfin.performance.formulas.grade`, over the
        bands already sorted best first)."""
        for bound, label in self.bands:
            if total >= bound:
                return label
        return self.floor

    @property
    def labels(self) -> tuple[str, ...]:
        """Every grade, best first."""
        return (*(label for _, label in self.bands), self.floor)


#: 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 below [S23].
GRADES_2020 = GradeBands(GRADE_BANDS_2020)


def _names(value: Iterable[str]) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    return tuple(value)


@frozen
class Level1Weight:
    """The 分值 of a group of 一级指标 (usually one; 湖北 pools 效益 and 满意度)."""

    names: tuple[str, ...] = attrs.field(converter=_names)
    weight: Decimal = attrs.field(converter=_dec)


def _level1(value: Iterable[Level1Weight]) -> tuple[Level1Weight, ...]:
    return tuple(value)


@frozen
class ScoringScheme:
    """One template's scoring rules, as data.

    - ``execution_weight``: 分值 of 预算执行率; ``level1``: 分值 per 一级指标 group;
    - ``satisfaction_to``: when no 满意度指标 is set, the 一级 that takes its weight (10号,
      UNCONFIRMED: 效益指标); ``None`` = no transfer;
    - ``execution``: linear capped or tiered; ``negative``: the 反向 formula;
    - ``bands``: qualitative bands; ``grades``: grade bands; ``total``: the full score (100).
    """

    name: str
    title_zh: str
    execution_weight: Decimal = attrs.field(default=Decimal(10), converter=_dec)
    level1: tuple[Level1Weight, ...] = attrs.field(
        factory=lambda: (
            Level1Weight(("产出指标",), 50),
            Level1Weight(("效益指标",), 30),
            Level1Weight(("满意度指标",), 10),
        ),
        converter=_level1,
    )
    satisfaction_to: str | None = "效益指标"
    execution: ExecutionScoring = LINEAR_CAPPED
    negative: NegativeFormula = NegativeFormula.LINEAR_DEVIATION
    bands: QualitativeBands = BANDS_2020
    grades: GradeBands = GRADES_2020
    total: Decimal = attrs.field(default=Decimal(100), converter=_dec)
    source: str = ""

    def execution_score(
        self,
        rate: Decimal | None,
        weight: Decimal | None = None,
        *,
        round_to: Decimal | None = CENT,
    ) -> Decimal:
        """执行率得分 under this scheme (``weight`` defaults to :attr:`execution_weight`)."""
        w = self.execution_weight if weight is None else weight
        return self.execution.score(rate, w, round_to=round_to)

    def grade(self, total: Decimal) -> str:
        """The grade of a 总分 under this scheme."""
        return self.grades.grade(total)

    def known_level1(self) -> frozenset[str]:
        """Every 一级指标 name this scheme weighs."""
        return self._level1_names

    @functools.cached_property
    def _level1_names(self) -> frozenset[str]:
        return frozenset(n for g in self.level1 for n in g.names)

    def expected_level1(self, present: Iterable[str]) -> tuple[Level1Weight, ...]:
        """The 一级 groups with their 分值, given the 一级指标 names present in a table.

        Applies the 满意度 transfer: when no 满意度指标 is present, its weight goes to
        :attr:`satisfaction_to` (if that group is present).
        """
        names = set(present)
        groups = list(self.level1)
        if self.satisfaction_to is not None and "满意度指标" not in names:
            sat = [g for g in groups if g.names == ("满意度指标",)]
            to = [g for g in groups if self.satisfaction_to in g.names]
            if sat and to:
                groups.remove(sat[0])
                i = groups.index(to[0])
                groups[i] = Level1Weight(to[0].names, to[0].weight + sat[0].weight)
        return tuple(groups)


#: 财预〔2020〕10号 (text UNCONFIRMED) as implemented by the MOF platform [S25].
MOF_2020 = ScoringScheme(
    name="mof-2020",
    title_zh="财预〔2020〕10号 项目支出绩效自评 (default)",
    source="R3-1, R3-3, R3-5…R3-10: 财预〔2020〕10号 (UNCONFIRMED text); MOF platform [S25]",
)

#: The older (pre-2020) central template: ratio 反向 formula and 80/50 bands.
PRE_2020 = attrs.evolve(
    MOF_2020,
    name="pre-2020",
    title_zh="2020年以前的项目支出绩效自评表 (旧模板)",
    negative=NegativeFormula.RATIO,
    bands=BANDS_PRE_2020,
    source="R3-6 ratio form [S22]; 80/50 bands [S25 id 54572025564, 54977579035]",
)

#: 江西: tiered 执行率 scoring [S25 id 54940166209, ``_is_JiangXi``].
JIANGXI = attrs.evolve(
    MOF_2020,
    name="jiangxi",
    title_zh="江西 (执行率分档计分)",
    execution=TIERED_JIANGXI,
    source="R3-3 Jiangxi variant [S25 id 54940166209]",
)

#: 湖北: 执行率 worth 20; 产出 40; 效益+满意度 40; 80/50 bands [S25 id 54940166209, 54572025564].
HUBEI = attrs.evolve(
    MOF_2020,
    name="hubei",
    title_zh="湖北 (预算执行率20分)",
    execution_weight=20,
    level1=(
        Level1Weight(("产出指标",), 40),
        Level1Weight(("效益指标", "满意度指标"), 40),
    ),
    satisfaction_to=None,
    bands=BANDS_PRE_2020,
    source="R3-1 local variant: _isHubei '自评得分(预算执行率*20)' [S25 id 54940166209]; "
    "hbprogoal tip [S25 id 54572025564] (province Hubei/Hebei ambiguous)",
)

#: 四川: 预算执行情况 10 + 绩效指标 90, 一级 weights free [S21].
SICHUAN = attrs.evolve(
    MOF_2020,
    name="sichuan",
    title_zh="四川 (预算执行情况10分 + 绩效指标90分)",
    level1=(Level1Weight(("产出指标", "效益指标", "满意度指标", "成本指标"), 90),),
    satisfaction_to=None,
    source="R3-1 local variant [S21]",
)

#: Every provided scheme by name.
SCHEMES: Mapping[str, ScoringScheme] = {
    s.name: s for s in (MOF_2020, PRE_2020, JIANGXI, HUBEI, SICHUAN)
}


def resolve_scheme(value: object) -> ScoringScheme:
    """A scheme from a :class:`ScoringScheme` or its name (``"mof-2020"``, ``"jiangxi"``...);
    ``None`` gives :data:`MOF_2020`."""
    if value is None:
        return MOF_2020
    if isinstance(value, ScoringScheme):
        return value
    if isinstance(value, str):
        try:
            return SCHEMES[value]
        except KeyError:
            raise NotFoundError(
                f"unknown scoring scheme {value!r}; known: {', '.join(sorted(SCHEMES))}"
            ) from None
    raise ArgumentTypeError(f"scheme must be a ScoringScheme or a name, got {type(value).__name__}")
