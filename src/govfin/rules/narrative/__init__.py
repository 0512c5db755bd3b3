"""Narrative checks (X12 and N-*): the 情况说明 against the tables and itself.

Every claim :mod:`govfin.narrative` finds is *assessed* (:func:`assess`) and reported, so a
reader sees what was and what was not verified:

- info "checked: agrees" when a check confirmed it,
- error (or warning) "contradicted" when a check refuted it,
- info "not checkable" (rule ``N-unchecked``) when no check applies (e.g. "年初预算" is in no
  table, or "出国（境）团组共0个").

The checks:

======================  ================================================================
``X12``                 an amount, count or "无此项…" statement = the table figure it names
``N-share``             "占比P%" = part / whole, from the text's own figures (else the table's)
``N-share-sum``         shares of one whole for parts the templates define as disjoint add up
                        to at most 100 % (to 100 % when a 决算 names all the parts of
                        本年收入合计 or 本年支出合计), within the printed places' slack
``N-change``            "减少Δ，下降P%": P = Δ / previous, previous = current ∓ Δ; the two
                        direction words agree; an increase cannot exceed this year's figure;
                        a previous year's figure printed before the change ("比上年累计支出
                        285万元下降34万元") = current ∓ Δ (a change against 年初预算 is none)
``N-change-sum``        a whole's change = Σ the changes listed as its parts (其中/分别/
                        "…中，"), where the templates fix the parts and every one is listed
                        (财政拨款 by fund, the 三公 items), within the printed places
``N-zero-base``         a growth rate on a previous year of 0 is meaningless (warning)
``N-garbled``           two direction words where one belongs ("减增加", "增加增加", "增加持平",
                        "大小于"; warning): opposite ones leave the direction unknown, and
                        no check rests on it
``N-completion``        "完成年初预算的P%" = 决算 / 年初预算
``N-perf``              绩效自评个数, the count per grade, 平均得分 = the attached 自评表; one
                        finding when tables counted are not attached
``N-perf-funds``        "涉及资金" fits a plausible base: Σ 全年执行数 or Σ 全年预算数 of the
                        自评表, the 项目支出 of 公开05表/03表 (warning)
``N-perf-analysis``     the 项目绩效分析 text of a 自评表 = that table's figures
``N-plan``              a budget's 绩效目标 project count = the attached 项目支出绩效目标表
``N-plan-funds``        its 涉及项目预算资金 = Σ 年度资金申请总额 of those tables (warning)
``N-residue``           template residue ("增加（减少）", "XX", "待填写", …)
``N-year``              a year that is neither the report year nor the one before (warning)
``N-unchecked``         every claim that no check could confirm or refute (info)
======================  ================================================================

Percentages are compared as intervals: "21.18%" is [21.175, 21.185], and the recomputed rate
is the interval spanned by the printed figures' own intervals.  A claim's subject is matched to
a table figure by the section it is in (一、收入支出决算总体情况说明 → 公开01表, 五、一般公共预算…
→ 公开05表, …) and by name (类/款/项 and economic names are looked up in the tables); that
vocabulary is :mod:`govfin.figures`.  A 部门预算's claims are resolved by table ROLE (its
sections' headings name the role), and a printed figure agrees with the table's rounded or
truncated to the printed places.

Modules: :mod:`~govfin.rules.narrative.assess` (every check of every claim, pure),
:mod:`~govfin.rules.narrative.perf` (the 绩效 claim's checks, a part of the assessment),
:mod:`~govfin.rules.narrative.analysis` (N-perf-analysis: a 自评表's 项目绩效分析 text),
:mod:`~govfin.rules.narrative.share_sum` (N-share-sum: the shares of one whole together),
:mod:`~govfin.rules.narrative.change_sum` (N-change-sum: a whole's change against its parts'),
:mod:`~govfin.rules.narrative.class_names` (N-class-name: a 类 named by a name it has lost),
:mod:`~govfin.rules.narrative.garbled` (N-garbled: direction words printed two for one),
:mod:`~govfin.rules.narrative.reception` (N-reception-count: 国内公务接待's 批次/人次 left out),
:mod:`~govfin.rules.narrative.outcome` (:class:`Assessment`, :class:`Status`),
:mod:`~govfin.rules.narrative.checks` (the rules X12 and N-*, reporting the assessment),
:mod:`~govfin.rules.narrative.summary` (the claim count the CLI prints).
"""

from govfin.figures import Figure, resolve, scope_of
from govfin.rules.narrative import (  # noqa: F401  (register X12 and N-*)
    analysis,
    change_sum,
    checks,
    class_names,
    facts,
    garbled,
    reception,
    stale_year,
)
from govfin.rules.narrative.assess import Assessment, Status, assess
from govfin.rules.narrative.checks import emit_assessments
from govfin.rules.narrative.summary import CLAIM_RULES, ClaimSummary, claim_summary

__all__ = [
    "CLAIM_RULES",
    "Assessment",
    "ClaimSummary",
    "Figure",
    "Status",
    "assess",
    "claim_summary",
    "emit_assessments",
    "resolve",
    "scope_of",
]
