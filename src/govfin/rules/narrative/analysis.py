"""Rule N-perf-analysis: the 项目绩效分析 paragraphs of a 项目支出绩效自评表 against the table.

The analysis restates the table's figures in words ("全年预算执行率为61.53%", "本年度实际支出
费用占年初预算的42.06%"); the same fact printed twice must be identical, so a rate or amount
must round from the table's figures to the places printed (a 执行率 may also be the one the table
prints), a score and a grade must be the printed ones.  Found on the 2024 seed: 重点项目开工及
观摩活动经费 says 61.53% where the table prints 61.56 (18.469 / 30 = 61.563%).
"""

from __future__ import annotations

import re
from decimal import Decimal

from govfin._lazy import lazy_pattern
from govfin.findings import Category, Place, Severity
from govfin.performance.formulas import round_half_up
from govfin.performance.model import (
    FUND_COLUMNS,
    MONEY_UNIT,
    TABLE_PREFIX,
    FundLine,
    ProjectEvaluation,
)
from govfin.rules.engine import Context
from govfin.rules.registry import rule

__all__: list[str] = []

_TABLES = (TABLE_PREFIX,)

_PCT = r"(?P<num>\d+(?:\.\d+)?)[%％]"
_AMOUNT = r"(?P<num>\d+(?:\.\d+)?)万元"
#: Figures an analysis paragraph restates, each with what it restates.
_ANALYSIS_FIGURES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("rate", re.compile(r"执行率(?:为|是|达到|达|仅为|仅)?" + _PCT)),
    ("share", re.compile(r"(?:支出|执行|执行数|费用|金额)[^，。,;；]{0,4}?占(?P<of>年初|全年|调整后)?"
                         r"预算(?:数|资金)?的?" + _PCT)),
    ("budget", lazy_pattern(r"(?P<of>年初|全年|调整后)预算(?:数|资金|金额)?(?:为|是|共)?" + _AMOUNT)),
    ("executed", lazy_pattern(r"(?:实际支出|执行数|实际执行|执行金额|支出金额)(?:资金|费用)?(?:为|是|共)?"
                            + _AMOUNT)),
    ("total", lazy_pattern(r"(?:自评)?(?:总分|总得分|得分)(?:为|是)?(?P<num>\d+(?:\.\d+)?)分")),
    ("grade", re.compile(r"(?:自评)?(?:等级|结果)(?:为|是|评为)[“\"「]?(?P<grade>优|良|中|差)")),
)

#: A literal each pattern of :data:`_ANALYSIS_FIGURES` needs (执行率; 占; 万元; 总分 or 得分;
#: 等级 or 结果): a paragraph without any restates no figure and is not scanned pattern by
#: pattern (most paragraphs are such; one search costs a sixth of the scans).
_ANY_FIGURE = re.compile(r"执行率|占|万元|总分|得分|等级|结果")

#: What each pattern of :data:`_ANALYSIS_FIGURES` needs, by its name: groups of literals, of
#: which the text holds one each (a paragraph with some figure is scanned only with the
#: patterns it may match).
_NEEDS: dict[str, tuple[tuple[str, ...], ...]] = {
    "rate": (("执行率",), ("%", "％")),
    "share": (("占",), ("预算",), ("%", "％")),
    "budget": (("预算",), ("万元",)),
    "executed": (("万元",),),
    "total": (("总分", "得分"),),
    "grade": (("等级", "结果"),),
}


def _may_match(what: str, text: str) -> bool:
    """Whether ``text`` holds the literals the pattern ``what`` needs (:data:`_NEEDS`)."""
    return all(any(lit in text for lit in group) for group in _NEEDS[what])


def _last_place(printed: str) -> Decimal:
    exp = Decimal(printed).as_tuple().exponent
    assert isinstance(exp, int)
    return Decimal(1).scaleb(exp)


def _ratio_interval(part: Decimal, whole: Decimal) -> tuple[Decimal, Decimal]:
    """part / whole × 100 over the intervals of two 0.001 万元 figures."""
    h = MONEY_UNIT / 2
    lo, hi = (part - h) / (whole + h) * 100, (part + h) / (whole - h) * 100
    return lo, hi


@rule(
    "N-perf-analysis", zh="项目绩效分析文字中的数字与本表一致",
    en="figures in a 自评表's 项目绩效分析 text = the same table's",
    category=Category.NARRATIVE, subject=ProjectEvaluation, tables=_TABLES,
    severity=Severity.ERROR, source="自评表 layout: the analysis restates the table",
    changed="2026-12: added (issue 15): the 项目绩效分析 paragraphs were read as loose "
    "narrative and never checked; the same fact printed twice must be identical (执行率 "
    "61.53% in the text, 61.56% in the table is a mistake), hence an error",
)
def analysis(ev: ProjectEvaluation, ctx: Context) -> None:
    """Every 执行率, share of the budget ("实际支出占年初预算的42.06%"), 预算数, 执行数, 总分
    and grade that a 项目绩效分析 paragraph prints is the table's own: a rate or amount rounds
    from the table's figures to the places printed (or is the 执行率 the table prints); a
    score and a grade are the printed ones.  Each figure is reported: info when it agrees,
    error when it does not."""
    line = ev.total_line
    for p in ev.analysis:
        if _ANY_FIGURE.search(p.text) is None:
            continue
        place = ev.analysis_place(p)
        for what, pattern in _ANALYSIS_FIGURES:
            if not _may_match(what, p.text):
                continue
            for m in pattern.finditer(p.text):
                phrase = m.group()
                if what == "grade":
                    _analysis_grade(ev, ctx, place, phrase, m.group("grade"))
                    continue
                printed = Decimal(m.group("num"))
                if what == "total":
                    _analysis_total(ev, ctx, place, phrase, printed)
                elif line is not None:
                    of = m.groupdict().get("of")
                    _analysis_money(ev, line, ctx, place, phrase, what, of, printed,
                                    _last_place(m.group("num")))


def _analysis_grade(ev: ProjectEvaluation, ctx: Context, place: Place, phrase: str,
                    grade: str) -> None:
    if ev.grade is None:
        return
    ok = grade == ev.grade
    ctx.emit(f"“{phrase}”: the table prints the grade {ev.grade}", place=place,
             severity=Severity.INFO if ok else None, cells=[ev.grade_place()])


def _analysis_total(ev: ProjectEvaluation, ctx: Context, place: Place, phrase: str,
                    printed: Decimal) -> None:
    if ev.total_score is None:
        return
    ok = printed == ev.total_score
    ctx.emit(f"“{phrase}”: the table prints 总分 {ev.total_score}", place=place,
             severity=Severity.INFO if ok else None, expected=ev.total_score, actual=printed,
             difference=printed - ev.total_score, cells=[ev.total_cell().place])


def _analysis_money(ev: ProjectEvaluation, line: FundLine, ctx: Context, place: Place,
                    phrase: str, what: str, of: str | None, printed: Decimal,
                    unit: Decimal) -> None:
    """A rate, share or amount of the text against the fund line."""
    base_attr = "initial_budget" if of == "年初" and line.initial_budget is not None else (
        "annual_budget")
    base = getattr(line, base_attr)
    half = unit / 2
    if what in ("budget", "executed"):
        attr = base_attr if what == "budget" else "executed"
        value = getattr(line, attr)
        if value is None:
            return
        ok = printed - half <= value + MONEY_UNIT / 2 and value - MONEY_UNIT / 2 <= printed + half
        ctx.emit(f"“{phrase}”: the table prints {FUND_COLUMNS[attr]} {value}", place=place,
                 severity=Severity.INFO if ok else None, expected=value, actual=printed,
                 difference=printed - value, cells=[ev.fund_place(line, attr)])
        return
    if base is None or line.executed is None or base <= MONEY_UNIT:
        return
    lo, hi = _ratio_interval(line.executed, base)
    point = round_half_up(line.executed / base * 100, unit)
    meets = printed - half <= hi and lo <= printed + half
    same_as_printed = (what == "rate" and line.rate is not None
                       and round_half_up(line.rate, unit) == printed)
    ok = meets or same_as_printed
    basis = f"全年执行数 {line.executed} / {FUND_COLUMNS[base_attr]} {base} = {point}%"
    if what == "rate" and line.rate is not None:
        basis = f"the table prints 执行率 {line.rate}% ({basis})"
    cells = [ev.fund_place(line, "executed"), ev.fund_place(line, base_attr)]
    if what == "rate":
        cells.insert(0, ev.fund_place(line, "rate"))
    ctx.emit(f"“{phrase}”: {basis}", place=place, severity=Severity.INFO if ok else None,
             expected=line.rate if what == "rate" and line.rate is not None else point,
             actual=printed,
             difference=printed - (line.rate if what == "rate" and line.rate is not None
                                   else point),
             cells=cells)
