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

Judging a relation in full (intervals, expected value, slack) is the costly part, and most
relations of a real table hold.  So each relation also has a *plain* test: the exact value the
other printed cells give (B − X, X/B, f(X/B)·w, f(P)·w) lies in the printed cell's own interval
(for 资金结余: equals it, since an absolute tolerance may be 0).  That value always lies in the
interval the other cells stand for, so a relation passing its plain test holds under every
tolerance; :func:`failing_relations` and :func:`corrections` judge only the others in full.

:func:`corrections` tries every single-cell correction that one of the relations suggests
(B := X + R, X := B − R, X := B·P, R := B − X, P := X/B, S := f(X/B)·w, S := f(P)·w …) and keeps
those under which every relation holds.  A correction changes only the relations that read its
cell, so a cell that some failing relation does not read is not tried.  :func:`diagnose` gives
the relations and the corrections; when the corrections all name one cell, that cell is the
diagnosis.  On the 2024 seed: 办公用品 (B 35, X 10.45, R 24.52, P 29.94, S 2.99) → X = 10.48;
电脑耗材 (29, 7.504, 21.496, 25.98, 2.59) → P = 25.88 (the score 2.59 follows from 25.88 %).
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from typing import NamedTuple, Protocol

from govfin._lazy import frozen
from govfin.amounts import (
    HUNDRED,
    ZERO,
    Interval,
    Tolerance,
    ToleranceMode,
    interval_of,
    stands_for,
)
from govfin.performance.formulas import execution_ratio, round_half_up
from govfin.performance.model import FUND_COLUMNS, MONEY_UNIT, RATE_UNIT, SCORE_UNIT
from govfin.performance.schemes import MOF_2020, ScoringScheme

__all__ = [
    "Correction",
    "Diagnosis",
    "FundCells",
    "RelationCheck",
    "balance_check",
    "corrections",
    "diagnose",
    "failing_relations",
    "fund_relations",
    "printed_units",
    "rate_check",
    "rate_interval",
    "rate_score_check",
    "score_check",
    "sole_correction",
]

_DEFAULT_TOLERANCE = Tolerance()


class FundCells(Protocol):
    """The cells of a fund line that its relations read: a
    :class:`~govfin.performance.model.FundLine`, or the same cells with one corrected."""

    @property
    def annual_budget(self) -> Decimal | None: ...
    @property
    def executed(self) -> Decimal | None: ...
    @property
    def balance(self) -> Decimal | None: ...
    @property
    def rate(self) -> Decimal | None: ...
    @property
    def score(self) -> Decimal | None: ...
    @property
    def weight(self) -> Decimal: ...


class _Cells(NamedTuple):
    """:class:`FundCells` as plain values: a line with a cell corrected, unvalidated (each
    value is rounded to its unit already)."""

    annual_budget: Decimal | None
    executed: Decimal | None
    balance: Decimal | None
    rate: Decimal | None
    score: Decimal | None
    weight: Decimal


_cells_of = operator.attrgetter(*_Cells._fields)


@frozen
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
    line: FundCells, tolerance: Tolerance = _DEFAULT_TOLERANCE
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


_WHOLE = Decimal(1)


def _whole(value: Decimal | None) -> bool:
    """A value printed without decimals ("86", not "86.00")."""
    return value is not None and value.as_tuple().exponent == 0


def printed_units(line: FundCells) -> tuple[Decimal, Decimal]:
    """The units (执行率, 得分) the line's printed cells stand to: 0.01 each, or 1 each when the
    line prints its 执行率 as a whole percent other than 0 and 100, and its 得分 (if any)
    as a whole number ("86%" and "9": 河北 2019, 37.24 / 43.2 = 86.20 %, 8.62 points).  A
    rate of 0 or 100 printed bare tells nothing of the precision, so it keeps 0.01.

    >>> from govfin.performance.model import FundLine
    >>> printed_units(FundLine("资金总额", annual_budget="43.2", executed="37.24", rate="86",
    ...                        score="9"))
    (Decimal('1'), Decimal('1'))
    >>> printed_units(FundLine("资金总额", rate="100", score="10"))
    (Decimal('0.01'), Decimal('0.01'))
    """
    p, s = line.rate, line.score
    if _whole(p) and p not in (ZERO, HUNDRED) and (s is None or _whole(s)):
        return _WHOLE, _WHOLE
    return RATE_UNIT, SCORE_UNIT


def rate_check(line: FundCells, tolerance: Tolerance = _DEFAULT_TOLERANCE) -> RelationCheck | None:
    """执行率 = 全年执行数 / 全年预算数, with interval tolerance (``None`` when not computable)."""
    p = line.rate
    ratio = rate_interval(line.executed, line.annual_budget, tolerance.mode)
    if p is None or ratio is None:
        return None
    printed = interval_of(p, printed_units(line)[0], tolerance.mode)
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
    rates: Interval | None, budget: Decimal | None, line: FundCells, scheme: ScoringScheme
) -> tuple[Interval, ...] | None:
    if rates is None:
        if budget is not None and budget == 0:
            return (Interval(ZERO, ZERO),)  # not computable: scores 0 (R3-3)
        return None
    return scheme.execution.attainable(rates, line.weight)


def score_check(
    line: FundCells, scheme: ScoringScheme = MOF_2020, tolerance: Tolerance = _DEFAULT_TOLERANCE
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
    ok = _meets_any(interval_of(s, printed_units(line)[1], tolerance.mode), options)
    return RelationCheck("得分", ok, "score", expected, s, ("annual_budget", "executed", "score"))


def rate_score_check(
    line: FundCells, scheme: ScoringScheme = MOF_2020, tolerance: Tolerance = _DEFAULT_TOLERANCE
) -> RelationCheck | None:
    """The printed 得分 follows from the printed 执行率: S = f(P) × 分值."""
    s, p = line.score, line.rate
    if s is None or p is None:
        return None
    rate_unit, score_unit = printed_units(line)
    options = scheme.execution.attainable(interval_of(p, rate_unit, tolerance.mode), line.weight)
    ok = _meets_any(interval_of(s, score_unit, tolerance.mode), options)
    return RelationCheck(
        "得分←执行率", ok, "score", scheme.execution.score(p, line.weight), s, ("rate", "score")
    )


def fund_relations(
    line: FundCells, scheme: ScoringScheme = MOF_2020, tolerance: Tolerance = _DEFAULT_TOLERANCE
) -> tuple[RelationCheck, ...]:
    """Every applicable relation of ``line``, judged (blank / not computable ones left out)."""
    checks = (rel.judge(line, scheme, tolerance) for rel in _RELATIONS)
    return tuple(c for c in checks if c is not None)


def failing_relations(
    line: FundCells, scheme: ScoringScheme = MOF_2020, tolerance: Tolerance = _DEFAULT_TOLERANCE
) -> tuple[RelationCheck, ...]:
    """The relations of ``line`` that fail, judged: the inconsistent ones of
    :func:`fund_relations`, in its order; a relation passing its plain test is not judged."""
    failing: list[RelationCheck] = []
    for rel in _RELATIONS:
        if rel.plainly_holds(line, scheme, tolerance):
            continue
        check = rel.judge(line, scheme, tolerance)
        if check is not None and not check.consistent:
            failing.append(check)
    return tuple(failing)


# -- plain tests ---------------------------------------------------------------------------------


def _rate_point(line: FundCells) -> Decimal | None:
    """X/B in percent, exactly, when the rate is surely computable (B ≥ 0.001 万元: the
    interval of B then stays above 0 in every mode), else ``None``."""
    b, x = line.annual_budget, line.executed
    if x is None or b is None or b < MONEY_UNIT:
        return None
    return x / b * HUNDRED


def _balance_plain(line: FundCells, _: ScoringScheme, __: Tolerance) -> bool:
    b, x, r = line.annual_budget, line.executed, line.balance
    return b is not None and x is not None and r is not None and r == b - x


def _rate_plain(line: FundCells, _: ScoringScheme, tolerance: Tolerance) -> bool:
    p, point = line.rate, _rate_point(line)
    return (p is not None and point is not None
            and stands_for(p, printed_units(line)[0], tolerance.mode, point))


def _score_plain(line: FundCells, scheme: ScoringScheme, tolerance: Tolerance) -> bool:
    s, point = line.score, _rate_point(line)
    if s is None or point is None:
        return False
    return stands_for(s, printed_units(line)[1], tolerance.mode,
                      scheme.execution.score(point, line.weight, round_to=None))


def _rate_score_plain(line: FundCells, scheme: ScoringScheme, tolerance: Tolerance) -> bool:
    s, p = line.score, line.rate
    if s is None or p is None:
        return False
    return stands_for(s, printed_units(line)[1], tolerance.mode,
                      scheme.execution.score(p, line.weight, round_to=None))


_Test = Callable[[FundCells, ScoringScheme, Tolerance], bool]
_Judge = Callable[[FundCells, ScoringScheme, Tolerance], RelationCheck | None]


@frozen
class _Relation:
    """A relation of a fund line: ``reads`` every attribute its judgement reads;
    ``plainly_holds`` is its plain test (True: applicable and consistent), ``judge`` the full
    judgement (``None``: not applicable)."""

    name: str
    reads: frozenset[str]
    plainly_holds: _Test
    judge: _Judge


#: The relations of a fund line, in the order they are reported.
_RELATIONS: tuple[_Relation, ...] = (
    _Relation("资金结余", frozenset({"annual_budget", "executed", "balance"}), _balance_plain,
              lambda line, _, tolerance: balance_check(line, tolerance)),
    _Relation("执行率", frozenset({"annual_budget", "executed", "rate"}), _rate_plain,
              lambda line, _, tolerance: rate_check(line, tolerance)),
    _Relation("得分", frozenset({"annual_budget", "executed", "score", "weight"}), _score_plain,
              score_check),
    _Relation("得分←执行率", frozenset({"rate", "score", "weight"}), _rate_score_plain,
              rate_score_check),
)

#: Relation name -> the attributes it reads.
_READS: dict[str, frozenset[str]] = {rel.name: rel.reads for rel in _RELATIONS}

#: Fund-line attribute -> the relations that read it (the ones a correction of it can change).
_READERS: dict[str, tuple[_Relation, ...]] = {
    attr: tuple(rel for rel in _RELATIONS if attr in rel.reads) for attr in FUND_COLUMNS
}


@frozen
class Correction:
    """Set the cell ``attr`` (printed column ``column``) to ``value``."""

    attr: str
    value: Decimal

    @property
    def column(self) -> str:
        return FUND_COLUMNS[self.attr]

    def __str__(self) -> str:
        return f"{self.column} = {self.value}"


@frozen
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
        return sole_correction(self.corrections)


def sole_correction(corrections: Sequence[Correction]) -> Correction | None:
    """The first of ``corrections`` when they all name one cell, else ``None``
    (:attr:`Diagnosis.unique`)."""
    if not corrections or any(c.attr != corrections[0].attr for c in corrections):
        return None
    return corrections[0]


def _candidates(line: FundCells, scheme: ScoringScheme, cells: frozenset[str]) -> list[Correction]:
    """The corrections of the attributes ``cells`` that a relation suggests, in order, each
    once."""
    b, x, r, p = line.annual_budget, line.executed, line.balance, line.rate
    out: list[Correction] = []

    def add(attr: str, value: Decimal | None, unit: Decimal) -> None:
        if value is None:
            return
        value = round_half_up(value, unit)
        if value != getattr(line, attr):
            out.append(Correction(attr, value))

    if "annual_budget" in cells and x is not None:
        if r is not None:
            add("annual_budget", x + r, MONEY_UNIT)
        if p is not None and p != 0:
            add("annual_budget", x * HUNDRED / p, MONEY_UNIT)
    if "executed" in cells and b is not None:
        if r is not None:
            add("executed", b - r, MONEY_UNIT)
        if p is not None:
            add("executed", b * p / HUNDRED, MONEY_UNIT)
    if b is not None and x is not None:
        if "balance" in cells:
            add("balance", b - x, MONEY_UNIT)
        ratio = execution_ratio(x, b)
        if ratio is not None:
            if "rate" in cells:
                add("rate", ratio * HUNDRED, RATE_UNIT)
            if "score" in cells:
                add("score", scheme.execution.score(ratio * HUNDRED, line.weight), SCORE_UNIT)
    if p is not None and "score" in cells:
        add("score", scheme.execution.score(p, line.weight), SCORE_UNIT)
    return list(dict.fromkeys(out))


def _all_hold(
    line: FundCells,
    relations: Iterable[_Relation],
    at_least: int,
    scheme: ScoringScheme,
    tolerance: Tolerance,
) -> bool:
    """True when each of ``relations`` holds on ``line`` or does not apply, and at least
    ``at_least`` of them apply."""
    applicable = 0
    for rel in relations:
        if not rel.plainly_holds(line, scheme, tolerance):
            check = rel.judge(line, scheme, tolerance)
            if check is None:
                continue
            if not check.consistent:
                return False
        applicable += 1
    return applicable >= at_least


def diagnose(
    line: FundCells, scheme: ScoringScheme = MOF_2020, tolerance: Tolerance = _DEFAULT_TOLERANCE
) -> Diagnosis:
    """Judge ``line``'s relations and find every single-cell correction satisfying them all
    (:func:`corrections`)."""
    relations = fund_relations(line, scheme, tolerance)
    failing = tuple(r for r in relations if not r.consistent)
    judged = frozenset(r.name for r in relations)
    return Diagnosis(relations, _corrections(line, failing, judged, scheme, tolerance))


def corrections(
    line: FundCells,
    scheme: ScoringScheme = MOF_2020,
    tolerance: Tolerance = _DEFAULT_TOLERANCE,
    *,
    failing: Iterable[RelationCheck] | None = None,
) -> tuple[Correction, ...]:
    """Every single-cell correction under which all of ``line``'s relations hold; none when
    none fails.  ``failing``: the line's failing relations when already judged
    (:func:`failing_relations`).

    A candidate value comes from solving one relation for one cell, rounded to the cell's
    unit; it is kept when, with it in place, every relation applicable before still applies
    and every applicable relation holds.  A correction changes only the relations that read
    its cell: a cell that some failing relation does not read is not tried, and only the
    relations reading the corrected cell are judged again.
    """
    failing = failing_relations(line, scheme, tolerance) if failing is None else tuple(failing)
    if not failing:
        return ()
    names = {r.name for r in failing}
    judged = frozenset(
        rel.name
        for rel in _RELATIONS
        if rel.name in names
        or rel.plainly_holds(line, scheme, tolerance)
        or rel.judge(line, scheme, tolerance) is not None
    )
    return _corrections(line, failing, judged, scheme, tolerance)


def _corrections(
    line: FundCells,
    failing: tuple[RelationCheck, ...],
    judged: frozenset[str],
    scheme: ScoringScheme,
    tolerance: Tolerance,
) -> tuple[Correction, ...]:
    """:func:`corrections`, given the failing relations and the names of the applicable
    ones."""
    if not failing:
        return ()
    cells = frozenset.intersection(*(_READS[r.name] for r in failing))
    values = _Cells(*_cells_of(line))
    fixes: list[Correction] = []
    for c in _candidates(line, scheme, cells):
        readers = _READERS[c.attr]
        before = sum(rel.name in judged for rel in readers)
        if _all_hold(values._replace(**{c.attr: c.value}), readers, before, scheme, tolerance):
            fixes.append(c)
    return tuple(fixes)
