"""Rules ``E-*``: the arithmetic and scoring of a 项目支出绩效自评表 (:class:`ProjectEvaluation`).

The scoring scheme comes from ``ctx.options.extra.get("scheme", MOF_2020)`` (a
:class:`~govfin.performance.schemes.ScoringScheme` or its name, e.g. ``"jiangxi"``).

Findings are placed at ``Place(f"项目支出绩效自评表:{project}", row, column)``: a fund cell at
row ``"资金总额"`` (or the source's name) and its printed column (``"执行率"``, ``"全年执行数"`` …);
an indicator at row = its 三级指标 name, column ``"得分"`` / ``"分值"``; the total at row
``"总分"``.

=================  ========  ==================================================================
id                 severity  relation
=================  ========  ==================================================================
E-balance          error     资金结(转)余 = 全年预算数 − 全年执行数 (0.001 万元 units)
E-overspent        error     全年执行数 ≤ 全年预算数 (the adjusted budget when adjusted)
E-rate             error     printed 执行率 = 全年执行数 / 全年预算数 (interval tolerance)
E-rate-score       error     执行率得分 = f(执行率) × 分值 under the scheme (R3-3)
E-sources          error     the source line(s) agree with 资金总额
E-score-range      error     0 ≤ every 得分 ≤ its 分值
E-total            error     总分 = 执行率得分 + Σ indicator 得分 (R3-9)
E-grade            error     the printed grade is the grade of the 总分 (R3-10)
E-weights          error     分值 sum to 100
E-weights-level1   warning   分值 per 一级指标 as the scheme sets them (R3-1)
E-qualitative      warning   qualitative 得分 lie in their outcome's band (R3-8), one finding per table
E-quantitative     warning   a quantitative 得分 follows the formula (R3-5 … R3-7); partly judgment;
                             not judged where nothing was spent and the actual is a placeholder 0
E-budget-adjusted  warning   全年预算数 = 预算编制数 unless the budget was adjusted (表注 2)
E-declared         info      目标申报数 = 预算编制数 (parallel figures, 表注 1)
E-diagnosis        warning   when several fund relations fail: the single cell to correct
=================  ========  ==================================================================

The 项目绩效分析 text of a table is checked against it by N-perf-analysis
(:mod:`govfin.rules.narrative.analysis`).

Relations on the fund lines are judged on the 资金总额 line, and on each source line only
when there are several sources (a single source line must equal 资金总额: E-sources).

This module is over 600 lines: the E-* rules share the scheme, the cache of failing relations
and the places of a table's cells; split, each part would repeat them.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from decimal import Decimal

from govfin.amounts import ZERO, stands_for
from govfin.findings import Category, Cell, Place, Severity
from govfin.performance.diagnosis import (
    RelationCheck,
    corrections,
    failing_relations,
    sole_correction,
)
from govfin.performance.formulas import ScoreBand, quantitative_score, round_half_up
from govfin.performance.model import (
    FUND_COLUMNS,
    SCORE_UNIT,
    TABLE_PREFIX,
    TOTAL_ROW,
    FundLine,
    Indicator,
    ProjectEvaluation,
)
from govfin.performance.schemes import ScoringScheme, resolve_scheme
from govfin.performance.targets import Direction, Outcome, classify_outcome
from govfin.rules.engine import Context, holds_exactly
from govfin.rules.registry import RuleFunc, rule

__all__: list[str] = []

_TABLES = (TABLE_PREFIX,)
_EXACT = Decimal(0)

_OUTCOME_ZH = {
    Outcome.ACHIEVED: "达成",
    Outcome.PARTIAL: "部分达成并具有一定效果",
    Outcome.NOT_ACHIEVED: "未达成且效果较差",
}


def _scheme(ctx: Context) -> ScoringScheme:
    return resolve_scheme(ctx.options.extra.get("scheme"))


#: Key in a run's :attr:`Context.cache`: the failing relations of each fund line, which
#: E-rate, E-rate-score and E-diagnosis all read.
_FAILING = "evaluation.failing-relations"


def _failing(line: FundLine, ctx: Context) -> dict[str, RelationCheck]:
    """The relations of a fund line that fail under the run's scheme and tolerance, by name
    (:func:`~govfin.performance.diagnosis.failing_relations`, once per line and run)."""
    memo: dict[int, tuple[FundLine, dict[str, RelationCheck]]]
    memo = ctx.cache.setdefault(_FAILING, {})
    cached = memo.get(id(line))
    if cached is None or cached[0] is not line:
        failing = failing_relations(line, _scheme(ctx), ctx.tolerance)
        cached = memo[id(line)] = (line, {r.name: r for r in failing})
    return cached[1]


def _not_carried_out(ev: ProjectEvaluation) -> bool:
    """The project spent nothing: its 资金总额 全年执行数 is printed as 0."""
    return bool(ev.funds) and ev.funds[0].executed == 0


def _checked_lines(ev: ProjectEvaluation) -> tuple[FundLine, ...]:
    """资金总额, plus the sources when there are several (one source must equal the total)."""
    return ev.funds[:1] if len(ev.funds) <= 2 else ev.funds


def _evaluation_rule(id: str, zh: str, en: str, severity: Severity = Severity.ERROR,
                     source: str = "", changed: str = "") -> Callable[[RuleFunc], RuleFunc]:
    return rule(id, zh=zh, en=en, category=Category.EVALUATION, subject=ProjectEvaluation,
                tables=_TABLES, severity=severity, source=source, changed=changed)


# -- fund lines ---------------------------------------------------------------------------------


@_evaluation_rule(
    "E-balance", "资金结(转)余 = 全年预算数 − 全年执行数", "balance = annual budget − executed",
    source="自评表 layout; DERIVED",
    changed="2026-12: not judged where no 资金结(转)余 is printed (安徽, 河北, 四川 have no "
    "such column): a blank cell is no figure to contradict",
)
def balance(ev: ProjectEvaluation, ctx: Context) -> None:
    """资金结(转)余 = 全年预算数 − 全年执行数, each cell to 0.001 万元 (where printed)."""
    for line in _checked_lines(ev):
        if line.balance is None or holds_exactly(line.balance, [line.annual_budget],
                                                 [line.executed]):
            continue
        ctx.equation(
            ev.fund_cell(line, "balance"),
            [ev.fund_cell(line, "annual_budget")],
            [ev.fund_cell(line, "executed")],
            what=f"{line.source}: 资金结(转)余 = 全年预算数 − 全年执行数",
        )


@_evaluation_rule(
    "E-overspent", "全年执行数不超过全年预算数", "executed within the annual budget",
    source="表注 2, 4; 《预算法》第十三条 (支出以经批准的预算为依据)",
    changed="2026-12: added (issue 15): a 全年执行数 above the 全年预算数 (资金结余 negative, "
    "执行率 over 100%) passes every arithmetic rule when printed consistently, yet spending "
    "beyond the budget is not allowed; the 全年预算数 is already the adjusted budget when "
    "the budget was adjusted (表注 2), so an error",
)
def overspent(ev: ProjectEvaluation, ctx: Context) -> None:
    """全年执行数 ≤ 全年预算数 on every checked fund line.  The 全年预算数 is the adjusted
    budget when the budget was adjusted (表注 2), so no other base is taken; a negative
    资金结(转)余 or an 执行率 over 100% printed with it is named in the finding."""
    for line in _checked_lines(ev):
        budget, executed = line.annual_budget, line.executed
        if budget is None or executed is None or executed <= budget:
            continue
        signs = []
        if line.balance is not None and line.balance < 0:
            signs.append(f"资金结(转)余 printed {line.balance}")
        if line.rate is not None and line.rate > 100:
            signs.append(f"执行率 printed {line.rate}%")
        adjusted = (" (the adjusted budget: 预算编制数 "
                    f"{line.initial_budget})" if line.initial_budget not in (None, budget) else "")
        ctx.emit(
            f"{line.source}: 全年执行数 {executed} exceeds 全年预算数 {budget}{adjusted} by "
            f"{executed - budget}" + (f" ({', '.join(signs)})" if signs else ""),
            place=ev.fund_place(line, "executed"),
            expected=budget, actual=executed, difference=executed - budget,
            cells=[ev.fund_place(line, "annual_budget")],
        )


@_evaluation_rule(
    "E-rate", "执行率 = 全年执行数 / 全年预算数", "printed execution rate", source="R3-2; 表注 4",
    changed="2026-12: a rate printed 100% for spending above the budget is an info (some "
    "templates cap the printed rate at 100%); the overspending itself is E-overspent's error",
)
def rate(ev: ProjectEvaluation, ctx: Context) -> None:
    """The printed 执行率 equals 全年执行数 / 全年预算数 (intervals of the printed precision)."""
    for line in _checked_lines(ev):
        if line.annual_budget == 0:  # not computable
            if line.rate not in (None, ZERO):
                ctx.emit(
                    f"{line.source}: 执行率 {line.rate}% printed although 全年预算数 is 0 "
                    "(not computable)",
                    place=ev.fund_place(line, "rate"), severity=Severity.WARNING,
                    actual=line.rate,
                )
            continue
        check = _failing(line, ctx).get("执行率")
        if check is not None and _capped(line):
            ctx.emit(f"{line.source}: 执行率 printed 100% for 全年执行数 {line.executed} / 全年预算数 "
                     f"{line.annual_budget} = {check.expected}%: capped at 100% as some templates "
                     "print it (the spending beyond the budget is E-overspent's)",
                     place=ev.fund_place(line, "rate"), severity=Severity.INFO,
                     expected=check.expected, actual=check.actual)
        elif check is not None:
            ctx.emit(
                f"{line.source}: 执行率 {line.rate}% ≠ 全年执行数 {line.executed} / "
                f"全年预算数 {line.annual_budget} = {check.expected}%",
                place=ev.fund_place(line, "rate"),
                expected=check.expected,
                actual=check.actual,
                difference=_diff(check),
                slack=check.slack,
                cells=_places(ev, line, check),
            )


def _capped(line: FundLine) -> bool:
    """执行率 printed 100 for a 全年执行数 above the 全年预算数 (a template capping the rate)."""
    x, b = line.executed, line.annual_budget
    return line.rate == 100 and x is not None and b is not None and x > b


def _diff(check: RelationCheck) -> Decimal | None:
    if check.expected is None or check.actual is None:
        return None
    return check.actual - check.expected


def _places(ev: ProjectEvaluation, line: FundLine, check: RelationCheck) -> list[Place]:
    return [ev.fund_place(line, a) for a in check.cells]


@_evaluation_rule("E-rate-score", "执行率得分 = min(执行率, 100%) × 分值",
                  "execution-rate score", source="R3-3; [S25 id 54832600441, 54940166209]")
def rate_score(ev: ProjectEvaluation, ctx: Context) -> None:
    """The 执行率得分 follows from 全年执行数 / 全年预算数 by the scheme's execution scoring."""
    scheme = _scheme(ctx)
    for line in _checked_lines(ev):
        check = _failing(line, ctx).get("得分")
        if check is None:
            continue
        ctx.emit(
            f"{line.source}: 执行率得分 {line.score} ≠ {check.expected} "
            f"(全年执行数 {line.executed} / 全年预算数 {line.annual_budget}, 分值 {line.weight}, "
            f"scheme {scheme.name})",
            place=ev.fund_place(line, "score"),
            expected=check.expected,
            actual=check.actual,
            difference=_diff(check),
            cells=_places(ev, line, check),
        )


#: The columns a single source line repeats from 资金总额 (all but 分值), and those several
#: sources sum to (the money columns).
_SOURCE_COLUMNS = tuple(a for a in FUND_COLUMNS if a != "weight")
_SUMMED_COLUMNS = tuple(a for a in _SOURCE_COLUMNS if a not in ("rate", "score"))
_source_values = operator.attrgetter(*_SOURCE_COLUMNS)


@_evaluation_rule(
    "E-sources", "资金来源行与资金总额一致", "source lines agree with 资金总额",
    source="自评表 layout; DERIVED",
    changed="2026-12: a column the source lines leave blank is not judged: the 其中 rows of "
    "most templates print money only (河北 2019: 其中:当年财政拨款 prints no 执行率, 得分)",
)
def sources(ev: ProjectEvaluation, ctx: Context) -> None:
    """A single source line equals 资金总额 in every column it prints; several sources sum to
    it (money columns they print)."""
    if len(ev.funds) < 2:
        return
    total, parts = ev.funds[0], ev.funds[1:]
    if len(parts) == 1 and _source_values(total) == _source_values(parts[0]):
        return  # the one source repeats 资金总额: every column holds
    for attr in _SOURCE_COLUMNS if len(parts) == 1 else _SUMMED_COLUMNS:
        values = [getattr(p, attr) for p in parts]
        if all(v is None for v in values) or holds_exactly(getattr(total, attr), values):
            continue
        what = (f"资金总额 {FUND_COLUMNS[attr]} = {parts[0].source}" if len(parts) == 1
                else f"资金总额 {FUND_COLUMNS[attr]} = Σ sources")
        ctx.equation(ev.fund_cell(total, attr), [ev.fund_cell(p, attr) for p in parts], what=what)


@_evaluation_rule(
    "E-budget-adjusted", "全年预算数 = 预算编制数 (未调整时)",
    "annual budget equals the budgeted amount unless adjusted",
    severity=Severity.WARNING, source="表注 2",
    changed="2026-12: judged only in the template of 表注 1 and 2 (目标申报数 and 预算编制数 "
    "printed): elsewhere the 年初预算数 column is the initial budget and 全年预算数 / "
    "调整后预算数 the adjusted one by definition (四川 2023, 安徽 2022), so a difference is "
    "the adjustment the table prints, not one to confirm",
)
def budget_adjusted(ev: ProjectEvaluation, ctx: Context) -> None:
    """表注 2: "全年预算数" is the 预算编制数 when the budget was not adjusted, else the
    adjusted budget; a difference means an adjustment to confirm (表注 1/2 template only)."""
    for line in _checked_lines(ev):
        a, i = line.annual_budget, line.initial_budget
        if i is None or line.declared is None:
            continue
        if a is None:
            ctx.emit(f"{line.source}: 全年预算数 blank while 预算编制数 is {i}",
                     place=ev.fund_place(line, "annual_budget"), expected=i)
        elif a != i:
            ctx.emit(
                f"{line.source}: 全年预算数 {a} differs from 预算编制数 {i}: per 表注 2 the budget "
                "was adjusted — confirm the adjustment",
                place=ev.fund_place(line, "annual_budget"),
                expected=i, actual=a, difference=a - i,
                cells=[ev.fund_place(line, "initial_budget")],
            )


@_evaluation_rule("E-declared", "目标申报数与预算编制数", "declared amount against budgeted",
                  severity=Severity.INFO, source="表注 1")
def declared(ev: ProjectEvaluation, ctx: Context) -> None:
    """表注 1: 目标申报数 (from the 目标申报表) and 预算编制数 (from the 预算支出明细表) are
    parallel figures; a difference is noted, not an error."""
    for line in _checked_lines(ev):
        d, i = line.declared, line.initial_budget
        if d is not None and i is not None and d != i:
            ctx.emit(
                f"{line.source}: 目标申报数 {d} differs from 预算编制数 {i}",
                place=ev.fund_place(line, "declared"),
                expected=i, actual=d, difference=d - i,
                cells=[ev.fund_place(line, "initial_budget")],
            )


@_evaluation_rule("E-diagnosis", "多项关系同时不成立时定位单一错误单元格",
                  "the single cell whose correction satisfies every failing relation",
                  severity=Severity.WARNING, source="govfin.performance.diagnosis")
def diagnosis(ev: ProjectEvaluation, ctx: Context) -> None:
    """When two or more relations of a fund line fail (资金结余, 执行率, 得分, 得分←执行率),
    name the single cell whose correction satisfies all of them, with its value."""
    scheme = _scheme(ctx)
    for line in _checked_lines(ev):
        failing = _failing(line, ctx)
        if len(failing) < 2:
            continue  # nothing to diagnose: the search for corrections is skipped
        fixes = corrections(line, scheme, ctx.tolerance, failing=failing.values())
        names = ", ".join(failing)
        cells = list(dict.fromkeys(
            ev.fund_place(line, a) for r in failing.values() for a in r.cells
        ))
        fix = sole_correction(fixes)
        if fix is not None:
            place = ev.fund_place(line, fix.attr)
            ctx.emit(
                f"{line.source}: {names} fail together; the one correction satisfying every "
                f"relation is {fix.column} = {fix.value} (printed {getattr(line, fix.attr)})",
                place=place,
                expected=fix.value,
                actual=getattr(line, fix.attr),
                cells=cells,
                fix=place,
                fix_value=fix.value,
            )
        elif fixes:
            options = "; ".join(str(c) for c in fixes)
            ctx.emit(f"{line.source}: {names} fail together; several single-cell corrections "
                     f"would satisfy them ({options})",
                     place=ev.fund_place(line, "rate"), severity=Severity.INFO, cells=cells)
        else:
            ctx.emit(f"{line.source}: {names} fail together and no single-cell correction "
                     "satisfies every relation",
                     place=ev.fund_place(line, "rate"), severity=Severity.INFO, cells=cells)


# -- scores, total, grade ----------------------------------------------------------------------


@_evaluation_rule("E-score-range", "0 ≤ 得分 ≤ 分值", "every score within [0, weight]",
                  source="R3-4, R3-9 (不设置加分项)")
def score_range(ev: ProjectEvaluation, ctx: Context) -> None:
    """Every 得分 (执行率得分 and each indicator's) lies between 0 and its 分值."""
    pairs: list[tuple[Cell, Cell]] = []  # those not plainly in range (blank, or in [0, 分值])
    for line in _checked_lines(ev):
        s = line.score
        if s is not None and not ZERO <= s <= line.weight:
            pairs.append((ev.fund_cell(line, "score"),
                          Cell(ev.fund_place(line, "weight"), line.weight, _EXACT)))
    for ind in ev.indicators:
        s, w = ind.score, ind.weight
        if s is not None and w is not None and not ZERO <= s <= w:
            pairs.append((ev.indicator_cell(ind, "score"),
                          Cell(ev.indicator_place(ind, "weight"), w, _EXACT)))
    for score, weight in pairs:
        if score.value is None:
            continue
        if score.value < 0:
            ctx.emit(f"得分 {score.value} is negative", place=score.place, actual=score.value)
            continue
        ctx.at_most(score, weight, what=f"得分 {score.value} ≤ 分值 {weight.value}")


@_evaluation_rule(
    "E-total", "总分 = 执行率得分 + Σ指标得分", "total = execution score + Σ scores",
    source="R3-9",
    changed="2026-12: not judged where no 总分 is printed (四川 2023: 合计 prints Σ 权重 only)",
)
def total(ev: ProjectEvaluation, ctx: Context) -> None:
    """总分 = 资金总额 得分 + Σ indicator 得分 (blank 得分 = 0), where a 总分 is printed."""
    if ev.total_score is None:
        return
    scores = [ev.total_line.score] if ev.total_line is not None else []
    if holds_exactly(ev.total_score, [*scores, *(i.score for i in ev.indicators)]):
        return
    parts: list[Cell] = []
    if ev.total_line is not None:
        parts.append(ev.fund_cell(ev.total_line, "score"))
    parts.extend(ev.indicator_cell(i, "score") for i in ev.indicators)
    ctx.equation(ev.total_cell(), parts, what="总分 = 执行率得分 + Σ 指标得分")


@_evaluation_rule("E-grade", "等级与总分相符", "grade matches the total",
                  source="R3-10; [S23]")
def grade_matches(ev: ProjectEvaluation, ctx: Context) -> None:
    """The printed grade is the scheme's grade of the printed 总分 (优 ≥ 90, 良 ≥ 80, 中 ≥ 60)."""
    if ev.total_score is None or ev.grade is None:
        return
    scheme = _scheme(ctx)
    expected = scheme.grade(ev.total_score)
    if ev.grade != expected:
        ctx.emit(
            f"grade {ev.grade!r} does not match 总分 {ev.total_score}: {scheme.name} gives "
            f"{expected!r}",
            place=ev.grade_place(), actual=ev.total_score, cells=[ev.total_cell().place],
        )


@_evaluation_rule(
    "E-weights", "分值合计为100", "weights sum to 100", source="R3-1",
    changed="2026-12: not judged on a table whose indicators print no 分值 at all (a template "
    "without the column: 湖北 年初目标值 / 实际完成值 / 得分)",
)
def weights(ev: ProjectEvaluation, ctx: Context) -> None:
    """资金总额 分值 + Σ indicator 分值 = the scheme's total (100), where 分值 are printed."""
    if ev.indicators and all(i.weight is None for i in ev.indicators):
        return
    scheme = _scheme(ctx)
    weights_ = [ev.total_line.weight] if ev.total_line is not None else []
    if holds_exactly(scheme.total, [*weights_, *(i.weight for i in ev.indicators)]):
        return
    parts: list[Cell] = []
    if ev.total_line is not None:
        parts.append(Cell(ev.fund_place(ev.total_line, "weight"), ev.total_line.weight,
                          _EXACT))
    parts.extend(Cell(ev.indicator_place(i, "weight"), i.weight, _EXACT)
                 for i in ev.indicators)
    ctx.equation(Cell(ev.place(TOTAL_ROW, "分值"), scheme.total, _EXACT), parts,
                 what=f"Σ 分值 = {scheme.total}")


@_evaluation_rule(
    "E-weights-level1", "一级指标分值符合评分方案",
    "weights per first-level indicator as the scheme sets them",
    severity=Severity.WARNING, source="R3-1 (10号 UNCONFIRMED); local variants",
    changed="2026-12: an info, not a warning, under the default scheme (none chosen): the "
    "10/50/30/10 of 10号 hold 原则上 and provinces set their own (四川 2023 prints 产出 60, "
    "效益 30 under 绩效指标(90分)); a table following its province's weights is not "
    "inconsistent.  A scheme chosen by the user (extra scheme=...) keeps the warning",
)
def weights_level1(ev: ProjectEvaluation, ctx: Context) -> None:
    """预算执行率 and each 一级指标 group weigh what the scheme says (10/50/30/10 by default;
    with no 满意度指标 its 10 go to 效益指标).  Skipped when a 一级 name is unknown to the
    scheme (a different template).  Under the default scheme a departure is an info."""
    scheme = _scheme(ctx)
    assumed = ctx.options.extra.get("scheme") is None
    severity = Severity.INFO if assumed else None
    if ev.total_line is not None and ev.total_line.weight != scheme.execution_weight:
        ctx.emit(
            f"预算执行率 分值 {ev.total_line.weight} ≠ {scheme.execution_weight} "
            f"(scheme {scheme.name}{', assumed' if assumed else ''})",
            place=ev.fund_place(ev.total_line, "weight"),
            expected=scheme.execution_weight, actual=ev.total_line.weight,
            severity=severity,
        )
    if all(i.weight is None for i in ev.indicators):
        return  # no 分值 printed (a template without the column): nothing to weigh
    present: dict[str, Decimal] = {}  # 一级指标 -> Σ 分值
    for i in ev.indicators:
        present[i.level1] = present.get(i.level1, ZERO) + (i.weight or ZERO)
    if not present or not present.keys() <= scheme.known_level1():
        return
    for group in scheme.expected_level1(present):
        got = ZERO
        for name in group.names:
            got += present.get(name, ZERO)
        if got != group.weight:
            members = [i for i in ev.indicators if i.level1 in group.names]
            label = "+".join(group.names)
            ctx.emit(
                f"{label}: Σ 分值 {got} ≠ {group.weight} (scheme {scheme.name}"
                f"{', assumed' if assumed else ''})",
                place=ev.place(label, "分值"),
                expected=group.weight, actual=got, difference=got - group.weight,
                cells=[ev.indicator_place(i, "weight") for i in members],
                severity=severity,
            )


@_evaluation_rule(
    "E-qualitative", "定性指标得分在其完成档次区间内",
    "qualitative scores within their outcome's band (one finding per 自评表)",
    severity=Severity.WARNING, source="R3-8; [S25 id 54848695388 selfqualscorecheck]",
    changed="2026-12: one finding per 自评表 listing every indicator outside its band (one "
    "habit of the preparer, not 16 mistakes); a score on a band's edge (8 of 10 for 部分达成, "
    "[6, 8)) is inside: the bands are closed at both ends here, because the platform's own "
    "rounding (round(分值 × 0.8, 2)) makes the open end a matter of cents (issue 15)",
)
def qualitative(ev: ProjectEvaluation, ctx: Context) -> None:
    """Every qualitative indicator's 得分 lies in the band of its printed outcome (2020: 达成
    [80%, 100%], 部分达成 [60%, 80%], 未达成 [0, 60%], closed at both ends; blank 得分 = 0).
    One finding per table lists the indicators outside; it is placed at the first one's 得分
    and names every one's 得分 among its cells."""
    scheme = _scheme(ctx)
    outside: list[tuple[Indicator, Decimal, ScoreBand, Outcome]] = []
    for ind, quantities, outcome in ev.indicator_values:
        weight = ind.weight
        if weight is None or quantities is not None or outcome is None:
            continue  # (the outcome is classified only for a qualitative indicator)
        score = ind.score if ind.score is not None else ZERO
        band = _closed_band(scheme, outcome, weight, ctx)
        if score not in band:
            outside.append((ind, score, band, outcome))
    if not outside:
        return
    items = "; ".join(
        f"{ind.name} {score} of {ind.weight} (band {band} of {_OUTCOME_ZH[outcome]}, "
        f"printed {_printed_outcome(ind)})"
        for ind, score, band, outcome in outside
    )
    n = len(outside)
    ctx.emit(
        f"{n} qualitative indicator{'s' if n > 1 else ''} scored outside the band of the "
        f"printed outcome ({scheme.bands.name} bands, edges included): {items}",
        place=ev.indicator_place(outside[0][0], "score"),
        actual=outside[0][1] if n == 1 else None,
        cells=[ev.indicator_place(ind, "score") for ind, *_ in outside],
    )


#: Key in a run's :attr:`Context.cache`: the closed bands of E-qualitative under the run's
#: scheme, by outcome and 分值 as printed (a document's indicators share a few weights).
_BANDS = "evaluation.closed-bands"


def _closed_band(scheme: ScoringScheme, outcome: Outcome, weight: Decimal,
                 ctx: Context) -> ScoreBand:
    """The band of ``outcome`` for ``weight`` under ``scheme`` (the run's: one per run),
    closed at both ends; once per run and printed weight (``10`` and ``10.00`` are equal
    numbers, but a band's edge is the weight as printed, and so is what a finding says)."""
    memo: dict[tuple[Outcome, str], ScoreBand] = ctx.cache.setdefault(_BANDS, {})
    key = (outcome, str(weight))
    band = memo.get(key)
    if band is None:
        band = scheme.bands.band(outcome, weight)
        band = memo[key] = ScoreBand(band.lo, band.hi, True)
    return band


def _printed_outcome(ind: Indicator) -> str:
    """The printed outcome cell, quoted; the print cuts these at the column width ("期指标并具"
    for 部分达成预期指标并具有一定效果), which is said when the phrase is not whole."""
    text = ind.actual if classify_outcome(ind.actual) is not None else ind.note
    whole = text.rstrip("。.") in _WHOLE_OUTCOMES
    return f"“{text}”" + ("" if whole else ", cut at the column width")


#: The outcome phrases as the templates print them in full.
_WHOLE_OUTCOMES = frozenset({
    "达成年度指标", "达成预期指标", "部分达成年度指标并具有一定效果",
    "部分达成预期指标并具有一定效果", "未达成年度指标且效果较差", "未达成预期指标且效果较差",
    "未完成预期指标且效果较差",
})


@_evaluation_rule(
    "E-quantitative", "定量指标得分符合计分公式", "quantitative score follows the formula",
    severity=Severity.WARNING, source="R3-5, R3-6, R3-7; [S25 id 54848695388]",
    changed="2026-12: not judged (info) on a project never carried out (全年执行数 0) whose "
    "actual is a placeholder 0 (\"≤0%\", \"≤0小时\"): the formula would give a 反向 "
    "indicator full marks for work not done (issue 15)",
)
def quantitative(ev: ProjectEvaluation, ctx: Context) -> None:
    """A quantitative indicator's 得分 follows the formula of its direction (≥ R3-5, ≤ R3-6
    with the scheme's 反向 formula, = R3-7); scores are partly judgment, hence a warning.

    On a project never carried out (资金总额 全年执行数 0) an actual of 0 ("≤0%", "≤0小时") is
    the template's placeholder, not a measurement: the score is not judged (an info says so)."""
    scheme = _scheme(ctx)
    idle = _not_carried_out(ev)
    for ind, values, _ in ev.indicator_values:
        if values is None or ind.weight is None:
            continue
        t, a = values
        direction, target, actual = t.direction, t.number, a.number
        assert direction is not None and target is not None and actual is not None
        if t.unit and a.unit and t.unit != a.unit:
            ctx.emit(f"{ind.name}: target unit {t.unit!r} and actual unit {a.unit!r} differ; "
                     "score not checked", place=ev.indicator_place(ind, "score"),
                     severity=Severity.INFO)
            continue
        raw = quantitative_score(direction, target, actual, ind.weight,
                                 negative=scheme.negative, round_to=None)
        printed = ind.score if ind.score is not None else ZERO
        if stands_for(printed, SCORE_UNIT, ctx.tolerance.mode, raw):
            continue
        if idle and actual == 0:
            ctx.emit(
                f"{ind.name}: 得分 {ind.score if ind.score is not None else 'blank'} not judged: "
                f"the project was not carried out (全年执行数 0), so the actual {a} is a "
                "placeholder, not a measurement; a 0 or blank score is the sensible one",
                place=ev.indicator_place(ind, "score"), severity=Severity.INFO,
                actual=printed, cells=[ev.fund_place(ev.funds[0], "executed")],
            )
            continue
        expected = round_half_up(raw, SCORE_UNIT)
        form = direction.value
        if direction is Direction.NEGATIVE:
            form += f", {scheme.negative.value} form"
        shown = ind.score if ind.score is not None else "blank"
        ctx.emit(
            f"{ind.name}: 得分 {shown} departs from the formula: target {t}, actual {a} → "
            f"{expected} of {ind.weight} ({form})",
            place=ev.indicator_place(ind, "score"),
            expected=expected,
            actual=printed,
            difference=printed - expected,
            cells=[ev.indicator_place(ind, "weight")],
        )
