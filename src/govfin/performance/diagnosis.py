"""The relations of a fund line, and the single cell whose correction satisfies them all.

A 资金总额 (or source) line of a 绩效自评表 carries four relations between five cells
(全年预算数 B, 全年执行数 X, 资金结(转)余 R, 执行率 P, 得分 S; 分值 w):

=============  =========================================================  ==============
name           relation                                                   source
=============  =========================================================  ==============
资金结余       R = B − X                                                  table 备注, DERIVED
执行率         P = X / B (percent)                                        R3-2
得分           S = f(X / B) × w, f = the scheme's 执行率 scoring          R3-3
得分←执行率    S = f(P) × w: the printed score follows the printed rate   R3-3
=============  =========================================================  ==============

Each is judged with the interval model of :mod:`govfin.amounts`: a value printed to its last
place stands for an interval (0.749 for [0.7485, 0.7495]); a ratio is consistent when the
interval of X/B meets the interval of the printed P.  So 保密系统维护费's 0.749/2 = 37.45 %
printed as 37.46 % is consistent.

:func:`diagnose` then tries every single-cell correction that one of the relations suggests
(B := X + R, X := B − R, X := B·P, R := B − X, P := X/B, S := f(X/B)·w, S := f(P)·w …) and keeps
those under which every relation holds.  When they all name one cell, that cell is the
diagnosis.  On the 2024 seed: 办公用品 (B 35, X 10.45, R 24.52, P 29.94, S 2.99) → X = 10.48;
电脑耗材 (29, 7.504, 21.496, 25.98, 2.59) → P = 25.88 (the score 2.59 follows from 25.88 %).
"""

from __future__ import annotations

from decimal import Decimal

import attrs

from govfin.amounts import HUNDRED, ZERO, Interval, Tolerance, ToleranceMode, interval_of
from govfin.performance.formulas import execution_ratio, round_half_up
from govfin.performance.model import FUND_COLUMNS, MONEY_UNIT, RATE_UNIT, SCORE_UNIT, FundLine
from govfin.performance.schemes import MOF_2020, ScoringScheme

__all__ = [
    "Correction",
    "Diagnosis",
    "RelationCheck",
    "balance_check",
    "diagnose",
    "fund_relations",
    "rate_check",
    "rate_interval",
    "rate_score_check",
    "score_check",
]

_DEFAULT_TOLERANCE = Tolerance()


@attrs.frozen
class RelationCheck:
    """One relation of a fund line, judged.

    ``target`` is the attribute of the cell the relation computes (its printed value is
    ``actual``, the value the other cells give is ``expected``, rounded to that cell's unit);
    ``cells`` lists every attribute the relation reads.
    """

    name: str
    consistent: bool
    target: str
    expected: Decimal | None
    actual: Decimal | None
    cells: tuple[str, ...]
    slack: Decimal | None = None


def _meets_any(iv: Interval, options: tuple[Interval, ...]) -> bool:
    return any(iv.meets(o) for o in options)


def rate_interval(
    executed: Decimal | None, budget: Decimal | None, mode: ToleranceMode = ToleranceMode.ROUND
) -> Interval | None:
    """The interval (percent) of X/B when X and B are printed to 0.001 万元.

    ``None`` when not computable (blank, or a budget whose interval reaches 0).
    """
    if executed is None or budget is None:
        return None
    x = interval_of(executed, MONEY_UNIT, mode)
    b = interval_of(budget, MONEY_UNIT, mode)
    if b.lo <= 0:
        return None
    ratios = [x.lo / b.lo, x.lo / b.hi, x.hi / b.lo, x.hi / b.hi]
    return Interval(min(ratios) * HUNDRED, max(ratios) * HUNDRED)


def balance_check(
    line: FundLine, tolerance: Tolerance = _DEFAULT_TOLERANCE
) -> RelationCheck | None:
    """资金结(转)余 = 全年预算数 − 全年执行数 (``None`` when a cell is blank)."""
    b, x, r = line.annual_budget, line.executed, line.balance
    if b is None or x is None or r is None:
        return None
    cmp = tolerance.compare(r, [(1, b), (-1, x)], MONEY_UNIT)
    return RelationCheck(
        "资金结余",
        cmp.consistent,
        "balance",
        b - x,
        r,
        ("annual_budget", "executed", "balance"),
        cmp.slack,
    )


def rate_check(line: FundLine, tolerance: Tolerance = _DEFAULT_TOLERANCE) -> RelationCheck | None:
    """执行率 = 全年执行数 / 全年预算数, with interval tolerance (``None`` when not computable)."""
    p = line.rate
    ratio = rate_interval(line.executed, line.annual_budget, tolerance.mode)
    if p is None or ratio is None:
        return None
    printed = interval_of(p, RATE_UNIT, tolerance.mode)
    exact = execution_ratio(line.executed, line.annual_budget)
    assert exact is not None
    expected = round_half_up(exact * HUNDRED, RATE_UNIT)
    slack = round_half_up(printed.half_width + ratio.half_width, Decimal("0.0001"))
    return RelationCheck(
        "执行率",
        printed.meets(ratio),
        "rate",
        expected,
        p,
        ("annual_budget", "executed", "rate"),
        slack,
    )


def _score_options(
    rates: Interval | None, budget: Decimal | None, line: FundLine, scheme: ScoringScheme
) -> tuple[Interval, ...] | None:
    if rates is None:
        if budget is not None and budget == 0:
            return (Interval(ZERO, ZERO),)  # not computable: scores 0 (R3-3)
        return None
    return scheme.execution.attainable(rates, line.weight)


def score_check(
    line: FundLine, scheme: ScoringScheme = MOF_2020, tolerance: Tolerance = _DEFAULT_TOLERANCE
) -> RelationCheck | None:
    """得分 = f(全年执行数 / 全年预算数) × 分值 under ``scheme`` (R3-3)."""
    s = line.score
    if s is None:
        return None
    options = _score_options(
        rate_interval(line.executed, line.annual_budget, tolerance.mode),
        line.annual_budget,
        line,
        scheme,
    )
    if options is None:
        return None
    ratio = execution_ratio(line.executed, line.annual_budget)
    expected = scheme.execution.score(None if ratio is None else ratio * HUNDRED, line.weight)
    ok = _meets_any(interval_of(s, SCORE_UNIT, tolerance.mode), options)
    return RelationCheck("得分", ok, "score", expected, s, ("annual_budget", "executed", "score"))


def rate_score_check(
    line: FundLine, scheme: ScoringScheme = MOF_2020, tolerance: Tolerance = _DEFAULT_TOLERANCE
) -> RelationCheck | None:
    """The printed 得分 follows from the printed 执行率: S = f(P) × 分值."""
    s, p = line.score, line.rate
    if s is None or p is None:
        return None
    options = scheme.execution.attainable(interval_of(p, RATE_UNIT, tolerance.mode), line.weight)
    ok = _meets_any(interval_of(s, SCORE_UNIT, tolerance.mode), options)
    return RelationCheck(
        "得分←执行率", ok, "score", scheme.execution.score(p, line.weight), s, ("rate", "score")
    )


def fund_relations(
    line: FundLine, scheme: ScoringScheme = MOF_2020, tolerance: Tolerance = _DEFAULT_TOLERANCE
) -> tuple[RelationCheck, ...]:
    """Every applicable relation of ``line``, judged (blank / not computable ones left out)."""
    checks = (
        balance_check(line, tolerance),
        rate_check(line, tolerance),
        score_check(line, scheme, tolerance),
        rate_score_check(line, scheme, tolerance),
    )
    return tuple(c for c in checks if c is not None)


@attrs.frozen
class Correction:
    """Set the cell ``attr`` (printed column ``column``) to ``value``."""

    attr: str
    value: Decimal

    @property
    def column(self) -> str:
        return FUND_COLUMNS[self.attr]

    def __str__(self) -> str:
        return f"{self.column} = {self.value}"


@attrs.frozen
class Diagnosis:
    """The failing relations of a fund line and the single-cell corrections that fix them all."""

    relations: tuple[RelationCheck, ...]
    corrections: tuple[Correction, ...]

    @property
    def failing(self) -> tuple[RelationCheck, ...]:
        return tuple(r for r in self.relations if not r.consistent)

    @property
    def cells(self) -> tuple[str, ...]:
        """The distinct cells (attributes) some correction names, in order found."""
        return tuple(dict.fromkeys(c.attr for c in self.corrections))

    @property
    def unique(self) -> Correction | None:
        """The correction when exactly one cell can fix every failing relation, else ``None``.

        Several values of that one cell may pass within the tolerance (10.479 and 10.48 for
        办公用品); the first is the one an exact relation gives (X = B − R before X = B·P).
        """
        cells = self.cells
        if len(cells) != 1:
            return None
        return self.corrections[0]


def _candidates(line: FundLine, scheme: ScoringScheme) -> list[Correction]:
    b, x, r, p = line.annual_budget, line.executed, line.balance, line.rate
    out: list[Correction] = []

    def add(attr: str, value: Decimal | None, unit: Decimal) -> None:
        if value is None:
            return
        value = round_half_up(value, unit)
        if value != getattr(line, attr):
            out.append(Correction(attr, value))

    if x is not None and r is not None:
        add("annual_budget", x + r, MONEY_UNIT)
    if x is not None and p is not None and p != 0:
        add("annual_budget", x * HUNDRED / p, MONEY_UNIT)
    if b is not None and r is not None:
        add("executed", b - r, MONEY_UNIT)
    if b is not None and p is not None:
        add("executed", b * p / HUNDRED, MONEY_UNIT)
    if b is not None and x is not None:
        add("balance", b - x, MONEY_UNIT)
        ratio = execution_ratio(x, b)
        if ratio is not None:
            add("rate", ratio * HUNDRED, RATE_UNIT)
            add("score", scheme.execution.score(ratio * HUNDRED, line.weight), SCORE_UNIT)
    if p is not None:
        add("score", scheme.execution.score(p, line.weight), SCORE_UNIT)
    return list(dict.fromkeys(out))


def diagnose(
    line: FundLine, scheme: ScoringScheme = MOF_2020, tolerance: Tolerance = _DEFAULT_TOLERANCE
) -> Diagnosis:
    """Judge ``line``'s relations and find every single-cell correction satisfying them all.

    A candidate value comes from solving one relation for one cell, rounded to the cell's
    unit; it is kept when, with it in place, every applicable relation holds.  With nothing
    failing, ``corrections`` is empty.
    """
    relations = fund_relations(line, scheme, tolerance)
    if all(r.consistent for r in relations):
        return Diagnosis(relations, ())
    fixes: list[Correction] = []
    for c in _candidates(line, scheme):
        fixed = attrs.evolve(line, **{c.attr: c.value})
        after = fund_relations(fixed, scheme, tolerance)
        if len(after) >= len(relations) and all(r.consistent for r in after):
            fixes.append(c)
    return Diagnosis(relations, tuple(fixes))
