"""Strategies for 项目支出绩效自评 (:func:`evaluations`): fund lines, indicators and scores
consistent under a scoring scheme.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import attrs
from hypothesis import strategies as st

from govfin.amounts import HUNDRED, Unit
from govfin.performance import (
    FundLine,
    Indicator,
    ProjectEvaluation,
    quantitative_score,
    resolve_scheme,
)
from govfin.performance.targets import Direction, Outcome
from govfin.strategies._amounts import round_yuan
from govfin.strategies._base import _CENT, DEPARTMENTS, Draw, _Source
from govfin.strategies._codes import years

# 项目支出绩效自评

_PROJECTS = (
    "办公用品", "聘用人员工资类费用", "保密系统维护费", "档案室工作经费", "应急办经费",
    "重点项目开工及观摩活动经费", "政府采购办公设备费用", "信息化建设运维经费",
)  # fmt: skip
_SOURCES = ("市县区财政资金", "省级财政资金", "中央财政资金", "其他资金")
_LEVEL2 = {
    "产出指标": ("数量指标", "质量指标", "时效指标", "成本指标"),
    "效益指标": ("社会效益", "经济效益", "生态效益", "可持续影响"),
    "满意度指标": ("服务对象满意度",),
    "成本指标": ("经济成本指标",),
}
_UNITS_QUANT = ("%", "人", "次", "个", "台(套)", "天", "小时", "项", "万元")
_QUALITATIVE_TARGETS = ("及时", "保障", "有效", "高", "满足", "按标准执行", "逐步提高")
_OUTCOME_TEXTS = {
    "达成": ("达成预期指标", "达成年度指标", "完成预期指标"),
    "部分达成": ("部分达成预期指标并具有一定效果", "期指标并具", "部分达成年度指标并具有一定效果"),
    "未达成": ("未达成预期指标且效果较差", "预期指标且对", "未完成年度指标且效果较差"),
}
_MONEY = Decimal("0.001")


def _wan(fen: int, rounding: str) -> Decimal:
    """分 → 万元 to 0.001."""
    return round_yuan(Decimal(fen).scaleb(-2), Unit.WAN_YUAN, _MONEY, rounding)


def _fund_line(
    source: str,
    budget: int,
    executed: int,
    weight: Decimal,
    scheme: Any,
    declared: bool,
    rounding: str,
) -> Any:
    """One fund line from exact 分 amounts, every printed figure rounded on its own."""

    b, x = _wan(budget, rounding), _wan(executed, rounding)
    if budget:
        rate_exact = Decimal(executed) / Decimal(budget) * HUNDRED
        rate: Decimal | None = rate_exact.quantize(_CENT, rounding)
        score = scheme.execution_score(rate_exact, weight, round_to=None).quantize(_CENT, rounding)
    else:
        rate, score = None, Decimal("0.00")
    return FundLine(
        source,
        declared=b if declared else None,
        initial_budget=b,
        annual_budget=b,
        executed=x,
        balance=_wan(budget - executed, rounding),
        rate=rate,
        score=score,
        weight=weight,
        deviation="" if executed == budget else "未完成年度指标",
    )


def _quantitative(
    src: _Source, level1: str, level2: str, name: str, weight: Decimal, scheme: Any, rounding: str
) -> Any:

    op = src.choice(("≥", "≥", "≤", "="))
    unit = src.choice(_UNITS_QUANT)
    target = Decimal(src.integer(0, 200))
    actual = Decimal(src.integer(0, 300))
    if src.chance(30):
        actual = target
    direction = {"≥": Direction.POSITIVE, "≤": Direction.NEGATIVE, "=": Direction.EQUAL}[op]
    score = quantitative_score(
        direction, target, actual, weight, negative=scheme.negative, round_to=None
    ).quantize(_CENT, rounding)
    echoed = op if src.chance(50) else ""
    return Indicator(
        level1,
        level2,
        name,
        initial_value=f"{op}{unit}" if src.chance(50) else f"{op}{target}{unit}",
        target=f"{op}{target}{unit}",
        actual=f"{echoed}{actual}{unit}",
        weight=weight,
        score=score,
        reason="" if score == weight else "未完成年度指标",
    )


def _qualitative(
    src: _Source, level1: str, level2: str, name: str, weight: Decimal, scheme: Any, rounding: str
) -> Any:

    outcome = src.choice((Outcome.ACHIEVED, Outcome.PARTIAL, Outcome.NOT_ACHIEVED))
    band = scheme.bands.band(outcome, weight)
    lo = int(band.lo / _CENT)
    hi = int(band.hi / _CENT) - (0 if band.hi_inclusive else 1)
    score: Decimal | None = Decimal(src.integer(lo, max(lo, hi))) * _CENT
    if outcome is Outcome.NOT_ACHIEVED and score == 0 and src.chance(50):
        score = None  # a blank 得分 counts 0
    text = src.choice(_OUTCOME_TEXTS[outcome.value])
    target = src.choice(_QUALITATIVE_TARGETS)
    return Indicator(
        level1,
        level2,
        name,
        initial_value=target if src.chance(50) else "",
        target=target,
        actual=text,
        weight=weight,
        score=score,
        reason="" if outcome is Outcome.ACHIEVED else "未完成年度指标",
    )


@st.composite
def evaluations(
    draw: Draw,
    *,
    scheme: Any = None,
    year: int | None = None,
    department: str | None = None,
    max_indicators_per_group: int = 4,
    max_sources: int = 3,
    rounding: str = ROUND_HALF_UP,
) -> Any:
    """A consistent 项目支出绩效自评表 (:class:`~govfin.performance.ProjectEvaluation`) under
    ``scheme`` (a :class:`~govfin.performance.ScoringScheme` or its name; default
    :data:`~govfin.performance.MOF_2020`).

    Money is drawn in 分 and printed to 0.001 万元 cell by cell; 执行率 and 执行率得分 follow
    from the exact amounts; the 分值 of 预算执行率 and of each 一级指标 group are the scheme's;
    quantitative scores follow the scheme's formulas, qualitative ones lie in their outcome's
    band; 总分 = Σ 得分 and the grade is the scheme's grade of the 总分.  Check with
    ``govfin.check(ev, extra={"scheme": scheme})``.  ``rounding`` is how printed figures
    derive from exact ones (``ROUND_DOWN``: check with a truncating tolerance).
    """

    sc = resolve_scheme(scheme)
    src = _Source(draw, budget=400)
    y = year if year is not None else draw(years())
    # -- funds: 资金总额 = Σ sources, in 分; every line printed on its own.
    n_sources = src.integer(1, max_sources)
    budgets = [src.maybe_fen(95, 9) for _ in range(n_sources)]
    budgets = [b if b == 0 or b >= 10**4 else b + 10**4 for b in budgets]  # ≥ 100 元 or 0
    executed = [src.integer(0, b) if src.chance(70) else b for b in budgets]
    weight = sc.execution_weight
    names = src.sample(_SOURCES, n_sources)
    with_declared = src.chance(50)
    total = _fund_line("资金总额", sum(budgets), sum(executed), weight, sc, with_declared, rounding)
    if n_sources == 1:
        lines = [total, attrs.evolve(total, source=names[0])]
    else:
        lines = [total] + [
            _fund_line(n, b, x, weight, sc, with_declared, rounding)
            for n, b, x in zip(names, budgets, executed, strict=True)
        ]
    # -- indicators: each 一级 group's 分值 split over a few indicators.
    groups = list(sc.level1)
    has_satisfaction = src.chance(80)
    if not has_satisfaction:
        groups = list(sc.expected_level1([n for g in groups for n in g.names if n != "满意度指标"]))
    indicators = []
    counter = 0
    for group in groups:
        level1_names = [n for n in group.names if has_satisfaction or n != "满意度指标"]
        n = src.integer(1, max_indicators_per_group)
        w_total = int(group.weight)
        n = min(n, w_total) or 1
        parts = [1 + p for p in src.split(w_total - n, n)]
        for w in parts:
            level1 = src.choice(level1_names)
            level2 = src.choice(_LEVEL2.get(level1, ("其他",)))
            counter += 1
            name = f"{level2[:2]}指标{counter}"
            make = _quantitative if src.chance(50) else _qualitative
            indicators.append(make(src, level1, level2, name, Decimal(w), sc, rounding))
    total_score = total.score + sum((i.score or Decimal(0) for i in indicators), Decimal(0))
    project = f"{src.choice(_PROJECTS)}{src.integer(1, 99)}"
    return ProjectEvaluation(
        project=project,
        department=department or src.choice(DEPARTMENTS),
        department_code="604",
        budget_unit=department or None,
        budget_unit_code="604001",
        year=y,
        funds=tuple(lines),
        goal=f"根据单位基本履职需要,用于{project}支出。",
        achieved="已完成年度目标。" if total_score >= 90 else "部分完成年度目标。",
        indicators=tuple(indicators),
        total_score=total_score,
        grade=sc.grade(total_score),
    )
