"""The narrative rules: X12 (figures in the text = the tables) and N-*, reported per claim.

Each rule emits the claims :mod:`govfin.rules.narrative.assess` judged under it: info for
agreement, the rule's severity for contradiction; ``N-unchecked`` reports every claim no run
rule could decide.  The assessment is computed once per check run (:data:`_RUN_CACHE`), and
kept with the disclosure for its next check under the same tolerance (:data:`_KEPT`).
"""

from __future__ import annotations

from decimal import Decimal

from govfin.disclosure import Disclosure
from govfin.findings import Category, Place, Severity
from govfin.narrative import (
    NARRATIVE_TABLE,
    Claim,
)
from govfin.rules.engine import Context
from govfin.rules.narrative.assess import Assessment, Status, _Assessor
from govfin.rules.narrative.facts_common import resolver
from govfin.rules.narrative.facts_common import year_of as document_year
from govfin.rules.narrative.rule import narrative_rule
from govfin.rules.narrative.summary import CLAIM_RULES
from govfin.rules.registry import REGISTRY, rule
from govfin.tables import T01, T03, T04, T05, T06, T09, T10

__all__ = ["emit_assessments"]


# -- reporting -------------------------------------------------------------------------------


def _at(line: int | None) -> str:
    """ " (line N)" after a quoted sentence, when the line is known."""
    return f" (line {line})" if line is not None else ""


def _message(a: Assessment) -> str:
    return f"{a.status.value}: {a.message} — in “{a.claim.sentence}”{_at(a.claim.line)}"


#: Key in a check run's :attr:`Context.cache` of the run's assessment of a disclosure's
#: narrative: computed once, read by X12, every N-* rule and N-unchecked.
_RUN_CACHE = "narrative.assessment"
#: Key in :meth:`Disclosure.derived` of the last assessment of its narrative: (tolerance,
#: claims, assessments), reused by the next check of the same disclosure under the same
#: tolerance.  An assessment depends on the disclosure, the tolerance and last year's
#: disclosure (``extra["previous"]``); a run given one computes its own.
_KEPT = "narrative.assessment"


def _assessed(d: Disclosure, ctx: Context) -> tuple[tuple[Claim, ...], tuple[Assessment, ...]]:
    """The claims of ``d`` and their assessment under the run's options (once per run)."""
    cached = _run(d, ctx)
    return cached[1], cached[2]


def _run(
    d: Disclosure, ctx: Context
) -> tuple[Disclosure, tuple[Claim, ...], tuple[Assessment, ...], dict[str, list[Assessment]]]:
    """(``d``, its claims, their assessment, the decided assessments by rule) of this run."""
    cached = ctx.cache.get(_RUN_CACHE)
    if cached is None or cached[0] is not d:
        claims, assessments = _assessment(d, ctx)
        by_rule: dict[str, list[Assessment]] = {}
        for a in assessments:
            if a.status is not Status.UNCHECKABLE:
                by_rule.setdefault(a.rule_id, []).append(a)
        cached = ctx.cache[_RUN_CACHE] = (d, claims, assessments, by_rule)
    return cached


def _assessment(
    d: Disclosure, ctx: Context
) -> tuple[tuple[Claim, ...], tuple[Assessment, ...]]:
    """The claims of ``d`` and their assessment: the one kept with ``d`` when it was made under
    the same tolerance without last year's disclosure, else made (and kept)."""
    tolerance = ctx.options.tolerance
    keep = ctx.options.extra.get("previous") is None
    memo = d.derived()
    kept = memo.get(_KEPT) if keep else None
    if kept is not None and kept[0] == tolerance:
        return kept[1], kept[2]
    assessor = _Assessor(d, ctx.options, resolver(d, ctx))
    found = (assessor.claims, assessor.run())
    if keep:
        memo[_KEPT] = (tolerance, *found)
    return found


def emit_assessments(d: Disclosure, ctx: Context, rule_id: str) -> None:
    """Emit the findings of one rule: info for agreement, the rule's severity for contradiction."""
    for a in _run(d, ctx)[3].get(rule_id, ()):
        ctx.emit(
            _message(a),
            place=a.claim.place,
            severity=Severity.INFO if a.status is Status.AGREES else None,
            expected=a.expected,
            actual=a.actual,
            difference=a.difference,
            slack=a.slack,
            cells=a.cells,
        )


# -- X12: narrative ↔ tables --------------------------------------------------------------------


@rule(
    "X12",
    zh="情况说明中的金额、数量与表中数字一致",
    en="figures in the 情况说明 = the table figures they restate",
    category=Category.CROSS_TABLE,
    subject=Disclosure,
    tables=tuple(t.KIND for t in (T01, T04, T05, T06, T09, T10)),
    severity=Severity.ERROR,
    source="layouts of the related tables, X12",
    changed="2026 (issue 15): a figure of the text that restates one table cell must be "
    "identical to the places both print (the finer rounded to the coarser's, 元 beside 万元 "
    "likewise); a cent apart is a mistake (error), not a rounding residue (尾数误差)",
)
def x12narrative_rule(d: Disclosure, ctx: Context) -> None:
    """Every amount, count and "无此项…" statement of the narrative that names a table figure
    equals it (converted 元 → 万元, to the precision printed).  Each claim is reported: info
    "checked: agrees", error "contradicted"."""
    emit_assessments(d, ctx, "X12")


def _register(
    id: str, zh: str, en: str, severity: Severity = Severity.ERROR, tables: tuple[str, ...] = (),
    changed: str = "",
) -> None:
    def func(d: Disclosure, ctx: Context) -> None:
        emit_assessments(d, ctx, id)

    func.__doc__ = en
    narrative_rule(id, zh, en, severity, tables, changed=changed)(func)


_register(
    "N-share",
    "情况说明中的占比 = 部分 / 整体（按所印精度）",
    "a share stated in the narrative = part / whole, to the precision printed",
)
_register(
    "N-share-sum",
    "同一整体中互不重叠部分的占比之和不超过100%（列明全部组成部分时应等于100%）",
    "shares of one whole printed for parts that cannot overlap add up to at most 100 % (to "
    "100 % when they are all its parts), within the slack of the printed places: "
    "梧州 2024 prints 基本支出 84.06 % + 项目支出 19.62 % of 一般公共预算支出 = 103.68 %",
    changed="2026-12 (narr2): added; two shares of the same total, of parts the templates "
    "define as disjoint (基本支出/项目支出, the 收入 sources, the economic 类, 三公 items …), "
    "summed to 103.68 % in a real 梧州 2024 预算 and no rule said so; an error only when no "
    "tolerance (n × half a unit of the printed places, or cut) reaches 100 %",
)
_register(
    "N-change",
    "增减额、增减率与方向词一致：增减率 = 增减额 / 上年数（上年数 = 本年数 ∓ 增减额）",
    "a change: its rate = Δ / previous year (previous = current ∓ Δ), direction words agree",
    changed="2026-12: a 持平 of a figure its sentence says moved to its value (“公务接待费支出决算"
    "减少为0.00万元，与2024年持平”, 上海市普陀区生态环境局 2025 决算) is contradicted, at both places; "
    "a change whose direction words are garbled (“减增加”, N-garbled) is not checkable",
)
_register(
    "N-zero-base",
    "上年数为0时不应表述增长率；预算数为0时不应表述完成率",
    "a growth rate on a nil previous year (or a completion rate of a nil budget) is meaningless",
    Severity.WARNING,
)
_register(
    "N-completion",
    "完成年初预算的比例 = 决算数 / 年初预算数",
    "a completion rate = 决算 / 年初预算, to the precision printed",
)
_register(
    "N-perf",
    "绩效自评个数、各等级项目个数、平均得分与所附自评表一致",
    "the number of self-evaluations, the count per grade and the mean score = the attached "
    "tables; one finding when tables counted are not attached",
    tables=("项目支出绩效自评表",),
    changed="2026-12: one finding per cause (issue 15): when the narrative's counts agree with "
    "each other and exceed the attached tables grade by grade, one error says which 自评表 "
    "seem not attached (an error: the document reports a self-evaluation it does not "
    "publish), and the grade counts those tables explain are not checkable, instead of one "
    "contradiction per figure; the mean score (平均得分) is checked too",
)
_register(
    "N-perf-funds",
    "绩效自评涉及资金与某一合理口径相符（提示）",
    "the money the self-evaluations cover fits a plausible base: Σ 全年执行数 or Σ 全年预算数 "
    "of the attached tables, the 项目支出 of 公开05表 or 公开03表, or Σ 全年执行数 with the "
    "spending of tables not attached (warning: the term is not defined uniformly)",
    Severity.WARNING,
    tables=("项目支出绩效自评表", T05.KIND, T03.KIND),
    changed="2026-12: compared with every plausible base, not Σ 全年预算数 alone (the least "
    "plausible for 涉及资金 in a 决算); contradicted only when none fits, and the finding "
    "names the base that fits (issue 15)",
)

_register(
    "N-plan",
    "预算情况说明中的绩效目标项目个数与所附项目支出绩效目标表一致",
    "a budget's count of projects with 绩效目标 = the attached 项目支出绩效目标表",
    tables=("项目支出绩效目标表",),
)
_register(
    "N-plan-funds",
    "绩效目标涉及项目资金 = 所附绩效目标表年度资金申请总额之和（提示）",
    "the money a budget's 绩效目标 cover = Σ 年度资金申请总额 of the attached 绩效目标表 "
    "(warning: the tables attached may be a selection of the projects)",
    Severity.WARNING,
    tables=("项目支出绩效目标表",),
)


@narrative_rule(
    "N-unchecked",
    "未能核对的情况说明表述（提示）",
    "claims of the narrative that no check could confirm or refute (info)",
    Severity.INFO,
    source="govfin: every claim is reported",
)
def n_unchecked(d: Disclosure, ctx: Context) -> None:
    """Every claim without an agreeing or contradicting check (among the rules run) is
    reported as "not checkable", with the reasons."""
    claims, assessments = _assessed(d, ctx)
    run = {r: ctx.options.wants(REGISTRY.get(r)) for r in CLAIM_RULES}
    decided: set[int] = set()
    reasons: dict[int, list[str]] = {}
    for a in assessments:
        if a.status is Status.UNCHECKABLE:
            reasons.setdefault(id(a.claim), []).append(a.message)
        elif run[a.rule_id]:
            decided.add(id(a.claim))
        else:
            reasons.setdefault(id(a.claim), []).append(f"{a.rule_id} not run")
    for c in claims:
        if id(c) in decided:
            continue
        why = "; ".join(dict.fromkeys(reasons.get(id(c), ["no check applies"])))
        ctx.emit(
            f"{Status.UNCHECKABLE.value}: “{c.text}”: {why} — in “{c.sentence}”{_at(c.line)}",
            place=c.place,
            cells=(c.place,),
        )


@narrative_rule(
    "N-residue",
    "情况说明不得残留模板文字（XX、增加（减少）、待填写等）",
    "no template residue in the narrative (XX, 增加（减少）, 待填写, …)",
    source="template residue found in published narratives",
)
def n_residue(d: Disclosure, ctx: Context) -> None:
    """Template residue anywhere in the narrative or glossary."""
    for r in d.narrative.residue():
        ctx.emit(
            f"template residue ({r.what}): “{r.text}” — in “{r.sentence}”{_at(r.line)}",
            place=Place(NARRATIVE_TABLE, r.section or None, r.text, r.line),
        )


@narrative_rule(
    "N-year",
    "情况说明中的年份应为本年度或上年度（截至、文件名、规划期除外）",
    "years in the narrative are the report year or the one before (截至…, 《…》 titles "
    "and plan ranges excepted)",
    Severity.WARNING,
    source="the 情况说明 describes the report year against the one before",
)
def n_year(d: Disclosure, ctx: Context) -> None:
    """A year neither the report year nor the one before, outside the whitelisted contexts."""
    year = document_year(d) or ctx.options.edition  # the majority's, not the cover's alone
    if year is None:
        return
    for y in d.narrative.years():
        if y.allowed is not None or y.year in (year, year - 1):
            continue
        ctx.emit(
            f"year {y.year} in a {year} disclosure: “{y.text}” — in “{y.sentence}”{_at(y.line)}",
            place=Place(NARRATIVE_TABLE, y.section or None, y.text, y.line),
            expected=Decimal(year),
            actual=Decimal(y.year),
        )

