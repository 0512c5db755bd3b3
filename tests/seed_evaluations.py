"""The seed document's 21 项目支出绩效自评表, built by hand from the printed figures.

Source: ``tests/data/seed_2024.txt`` (the shared seed ``000_812d051114547dcd.txt``),
第五部分 附件: 朔州经济开发区管理委员会综合办公室, 2024年度.  Typed in
independently of any reader so that reader tests, the E-* rules and the narrative checks can
compare against it::

    from seed_evaluations import seed_evaluations   # tests/ is on sys.path

Conventions:

- values verbatim as printed (truncations included: "办公用品日常例", "期指标并具"); money and
  scores as the printed strings ("35" is 35.000 at the table's 0.001 precision);
- blank cells: text ``""``, numbers ``None`` (a blank 得分 is ``None``, counted 0 in 总分);
- ``FundLine.weight`` is 10 (the 2020 template's 预算执行率 分值; not printed in this layout);
- ``line`` = the source line of the title (evaluation), of each fund line and indicator row,
  found by its printed text (:mod:`golden`).

Where the text dump shifted or merged cells, the logical reading is taken and commented:

- 一级指标 printed on the wrong row (merged-cell artefact): e.g. 重点项目开工及观摩活动经费 prints
  "效益指标" on its 成本指标 row.  成本指标 is an 二级指标 of 产出指标 in this template (产出 =
  数量 20 + 质量 10 + 时效 10 + 成本 10 = 50), so level1 is 产出指标 there.
- 应急办经费 prints a duplicated 年初预算数 column (four 20s before 10.896); 党委督查室经费 and
  2024年春节慰问经费 print an empty cell before the 资金总额 figures.  The figures are read
  into 目标申报数/预算编制数/全年预算数/全年执行数/资金结(转)余 as the source line gives them.
- Rows printed with one value column missing (办公用品 成本控制程度; 政府采购办公设备费用's 数量/
  时效/成本/社会效益 rows) are read with the 年初指标值 blank and the two printed values as
  调整后指标值 and 实际完成值.  For 购置办公设备数(套) this gives target ≥10台(套), actual ≥5台(套),
  which the printed score 10 of 20 (= 5/10 × 20) confirms.
- 政府采购机房专用设备及维护费 成本控制程度 prints one cell "列区年度预期指标且": the truncated
  target "列区年度…" run into the truncated outcome "(未达成)预期指标且…"; split in two.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs
import golden

from govfin.performance import AnalysisParagraph, FundLine, Indicator, ProjectEvaluation

__all__ = ["ANALYSIS", "DEPARTMENT", "SEED_CLAIM", "seed_evaluation", "seed_evaluations"]

#: 主管部门 and 预算单位 of every table ("604-…", "604001-…").
DEPARTMENT = "朔州经济开发区管理委员会综合办公室"

#: The narrative's claim (情况说明 十(四), at :data:`golden.PERFORMANCE_CLAIM_LINE`).
SEED_CLAIM = (
    "2024年二级项目绩效自评个数22个，涉及资金205万元：6个项目自评等级为“优”，3个项目自评等级为“中”，"
    "13个项目自评等级为“差”。"
)

_NOT_DONE = "未完成年度指标"

Row = tuple[str, str, str, str, str, str, str | None, str | None, str]


def _funds(total: Sequence[str], source: Sequence[str] | None = None,
           deviation: str = _NOT_DONE) -> tuple[FundLine, FundLine]:
    """资金总额 and 市县区财政资金 (their lines are set by :func:`_ev`).

    ``total`` / ``source``: 目标申报数, 预算编制数, 全年预算数, 全年执行数, 资金结(转)余, 执行率,
    得分 as printed (the source line repeats the total unless given).
    """
    src = source if source is not None else total

    def make(name: str, values: Sequence[str], dev: str) -> FundLine:
        d, i, a, x, b, r, s = values
        return FundLine(name, declared=d or None, initial_budget=i, annual_budget=a, executed=x,
                        balance=b, rate=r, score=s, deviation=dev)

    return make("资金总额", total, ""), make("市县区财政资金", src, deviation)


def _indicators(rows: Sequence[Row]) -> tuple[Indicator, ...]:
    """Indicator rows in printed order (their lines are set by :func:`_ev`).

    Each row: 一级, 二级, 三级, 年初指标值, 调整后指标值, 实际完成值, 分值, 得分, 偏差原因.
    """
    return tuple(
        Indicator(l1, l2, l3, initial_value=ini, target=tgt, actual=act, weight=w, score=s,
                  reason=why)
        for l1, l2, l3, ini, tgt, act, w, s, why in rows
    )


def _ev(project: str, funds: tuple[FundLine, FundLine], goal: str, achieved: str,
        indicators: tuple[Indicator, ...], total: str, grade: str) -> ProjectEvaluation:
    """The evaluation, each part at its source line: found in the seed text by its printed
    name (:mod:`golden`), not counted by hand."""
    title = golden.evaluation_line(project)
    total_at = golden.fund_line(project)
    source_at = golden.line_of(funds[1].source, after=total_at)
    funds = (attrs.evolve(funds[0], line=total_at), attrs.evolve(funds[1], line=source_at))
    located = []
    at = None
    for indicator in indicators:
        at = golden.indicator_line(project, indicator.level3, after=at)
        located.append(attrs.evolve(indicator, line=at))
    return ProjectEvaluation(
        project=project,
        department=DEPARTMENT,
        department_code="604",
        budget_unit=DEPARTMENT,
        budget_unit_code="604001",
        year=2024,
        funds=funds,
        goal=goal,
        achieved=achieved,
        indicators=tuple(located),
        total_score=total,
        grade=grade,
        line=title,
    )


_OUT, _EFF, _SAT = "产出指标", "效益指标", "满意度指标"
_QTY, _QUA, _TIME, _COST = "数量指标", "质量指标", "时效指标", "成本指标"
_SOC, _SVC = "社会效益", "服务对象满意度"
_PART = "期指标并具"  # truncated 部分达成预期指标并具有一定效果
_FAIL = "预期指标且对"  # truncated 未达成预期指标且效果较差 (as printed)
_DONE = "达成预期指标"


def _goal(what: str) -> str:
    return f"根据区党工委管委会要求及单位基本履职需要,用于{what}支出。"


#: The 项目绩效分析 paragraphs that restate a figure of their table (rule N-perf-analysis), as
#: printed (white space removed): project -> (heading, text).  The others state no figure of
#: the table and are left out (``ProjectEvaluation.analysis`` takes no part in equality).
#: 党委督查室经费 prints its four paragraphs in one cell, HTML tags included, with no heading.
ANALYSIS: dict[str, tuple[tuple[str, str], ...]] = {
    "重点项目开工及观摩活动经费": (
        ("项目立项和预算执行情况", ("根据区委工委管委会要求及单位基本履职需要,用于重点项目开工及观摩活动"
         "经费支出,全年预算执行率为61.53%。")),
    ),
    "党委督查室经费": (
        ("", ("<p>项目实施和预算执行情况:办公室党委督查室费用项目基本无完成了本年度的项目指标,保障了"
         "相关部门的正常运行,全年实际支出占年初预算的100%。</p><p>产出情况及分析:朔州经济开发区管理"
         "委员会综合办公室党委督查室费用项目保障了相关单位的正常费用支出,全年实际支出占年初预算的"
         "100%。</p><p>效益情况及分析:党委督查室费用项目保障了相关单位的正常运转,推动了全区各项重点"
         "工作顺利开展,全区经济社会各项事业平稳有序发展。</p><p>满意度情况及分析:相关工作人员对项目的"
         "实施取为满意。</p>")),
    ),
    "网络租赁费用": (
        ("产出情况及分析", ("网络租赁费用项目,实现党政办公平台有效运行,实现办公网络化、自动化、信息化,"
         "提高党政办公效率,实际年度支出占年初预算的100%。")),
    ),
    "会议费": (
        ("产出情况及分析", ("会议费项目支出保障了朔州经济开发区管理委员会综合办公室全年计划会议的顺利"
         "进行，本年度实际支出费用占年初预算的42.06%。")),
    ),
    "印刷费": (
        ("项目管理中存在的问题及原因分析", ("实际项目支出仅占年初预算的10.19%,有待进一步精细化预算编制,"
         "同时加强项目管理,提高相关数据的准确性。")),
    ),
    "差旅费": (
        ("项目支出和预算执行情况分析", ("根据区党工委管委会要求及单位基本履职需要,用于差旅费支出,"
         "实际全年预算执行率为18.88%。")),
    ),
}


def _analysed(evs: tuple[ProjectEvaluation, ...]) -> tuple[ProjectEvaluation, ...]:
    """The evaluations with their :data:`ANALYSIS` paragraphs, each at its source line (found
    by the figure it prints)."""
    out = []
    for ev in evs:
        paragraphs = []
        for heading, text in ANALYSIS.get(ev.project, ()):
            figure = text[: text.index("%") + 1][-12:]
            at = golden.line_of(figure, after=golden.evaluation_line(ev.project))
            paragraphs.append(AnalysisParagraph(heading, text, line=at))
        out.append(attrs.evolve(ev, analysis=tuple(paragraphs)))
    return tuple(out)


def seed_evaluations() -> tuple[ProjectEvaluation, ...]:
    """All 21 self-evaluations of the seed, in printed order."""
    return _analysed((
        # 1.
        _ev("办公用品",
            _funds(("0", "35", "35", "10.45", "24.52", "29.94", "2.99")),
            _goal("办公用品"), "部分达成预期指标并具有一定效果。",
            _indicators([
                (_OUT, _QTY, "购置种类", "≥种", "≥5种", "≥5种", "20", "20", ""),
                (_OUT, _QUA, "办公用品日常例", "保障", "保障", _PART, "10", "8", _NOT_DONE),
                (_OUT, _TIME, "经费支出及时性", "及时", "及时", _PART, "10", "5", _NOT_DONE),
                # one value column missing in the print: read as target (truncated), actual
                (_OUT, _COST, "成本控制程度", "", "控制在年度预算", _PART, "10", "4", _NOT_DONE),
                (_EFF, _SOC, "资产利用水平", "正常", "正常", _PART, "30", "10", _NOT_DONE),
                (_SAT, _SVC, "工作人员满意度", "≥%", "≥95%", "≥95%", "10", "10", ""),
            ]),
            "59.99", "差"),
        # 2.
        _ev("重点项目开工及观摩活动经费",
            _funds(("30", "30", "30", "18.469", "11.531", "61.56", "6.16")),
            "根据区委工委管委会要求及单位基本履职需要,用于重点项目开工及观摩活动经费支出。",
            "基本完成年度目标。",
            _indicators([
                (_OUT, _QTY, "举办重点项目", "≥5次", "≥5次", "≥5次", "20", "20", ""),
                (_OUT, _QUA, "活动质量", "", "高", _PART, "10", "5", _NOT_DONE),
                (_OUT, _TIME, "举办重点项目", "", "1年", _PART, "10", "5", _NOT_DONE),
                # printed with 一级 "效益指标" (merged-cell artefact); 成本 belongs to 产出 here
                (_OUT, _COST, "预算成本控制", "", "有效", _DONE, "10", "10", ""),
                (_EFF, _SOC, "工作开展保进度", "", "保障", _PART, "30", "20", _NOT_DONE),
                (_SAT, _SVC, "现场人员满意度", "≥%", "≥95%", "≥95%", "10", "10", ""),
            ]),
            "76.16", "中"),
        # 3.
        _ev("聘用人员工资类费用",
            _funds(("77.93", "77.93", "77.93", "70.747", "7.183", "90.78", "9.08")),
            "保障聘用人员工资类费用发放工作的正常运行", "已完成年度目标。",
            _indicators([
                (_OUT, _QTY, "外聘人员数量", "=人", "=7人", "=7人", "20", "20", ""),
                (_OUT, _QUA, "人员经费保障率", "=%", "=100%", "=100%", "10", "10", ""),
                (_OUT, _TIME, "人员工资发放时", "", "按月定时发放", _DONE, "10", "10", ""),
                (_OUT, _COST, "人员工资支出", "", "按标准执行", _DONE, "10", "10", ""),
                (_EFF, _SOC, "带动单位工作", "", "逐步提高", _DONE, "30", "30", ""),
                (_SAT, _SVC, "人员满意度", "=%", "=100%", "=100%", "10", "10", ""),
            ]),
            "99.08", "优"),
        # 4. nothing spent; every 得分 blank
        _ev("保密办经费",
            _funds(("2", "2", "2", "0", "2", "0", "0"),
                   ("2", "2", "2", "0", "2", "0.00", "0.00")),
            _goal("保密办经费"), "未完成年度指标。",
            _indicators([
                (_OUT, _QTY, "经费使用部门数", "=个", "=1个", "=0个", "20", None, _NOT_DONE),
                (_OUT, _QUA, "经费需求满足度", "", "满足", _FAIL, "10", None, _NOT_DONE),
                (_OUT, _TIME, "经费保障期限", "=年", "=1年", "=0年", "10", None, _NOT_DONE),
                (_OUT, _COST, "预算成本控制率", "", "有效", _FAIL, "10", None, _NOT_DONE),
                (_EFF, _SOC, "工作正常运转保", "", "保障", _FAIL, "30", None, _NOT_DONE),
                (_SAT, _SVC, "工作人员满意度", "≥%", "≥95%", "≥0%", "10", None, _NOT_DONE),
            ]),
            "0", "差"),
        # 5. 0.749 / 2 = 37.45 %, printed 37.46 (consistent within 0.0005 万元)
        _ev("保密系统维护费",
            _funds(("2", "2", "2", "0.749", "1.251", "37.46", "3.75")),
            _goal("保密系统维护费"), "未完成年度目标",
            _indicators([
                (_OUT, _QTY, "系统运维数量", "≥次", "≥4次", "≥4次", "20", "20", ""),
                (_OUT, _QUA, "系统稳定率", "≥%", "≥95%", "≥0%", "10", "0", _NOT_DONE),
                (_OUT, _TIME, "系统运维时间", "=年", "=1年", "=1年", "10", "10", ""),
                # printed with 一级 "效益指标" (merged-cell artefact)
                (_OUT, _COST, "预算成本控制", "有效", "有效", _PART, "10", "5", _NOT_DONE),
                (_EFF, _SOC, "工作开展便捷", "便捷", "便捷", _PART, "30", "10", _NOT_DONE),
                (_SAT, _SVC, "使用人员满意度", "≥%", "≥90%", "≥90%", "10", "10", ""),
            ]),
            "58.75", "差"),
        # 6.
        _ev("档案室工作经费",
            _funds(("5", "5", "5", "0", "5", "0", "0"),
                   ("5", "5", "5", "0", "5", "0.00", "0.00")),
            "根据区党工委管委会要求及单位基本履职需要,用于档案室工作j经费支出。", "未完成年度指标。",
            _indicators([
                (_OUT, _QTY, "经费使用部门数", "=个", "=1个", "=0个", "20", None, _NOT_DONE),
                (_OUT, _QUA, "经费需求满足度", "", "满足", _FAIL, "10", None, _NOT_DONE),
                (_OUT, _TIME, "档案工作完成及时", "", "及时", _FAIL, "10", None, _NOT_DONE),
                (_OUT, _COST, "预算成本控制有效", "", "有效", _FAIL, "10", None, _NOT_DONE),
                (_EFF, _SOC, "档案室服务能力", "", "提升", _FAIL, "30", None, _NOT_DONE),
                (_SAT, _SVC, "馆内人员满意度", "≥%", "≥95%", "≥0%", "10", None, _NOT_DONE),
            ]),
            "0", "差"),
        # 7. (an empty cell precedes the 资金总额 figures)
        _ev("党委督查室经费",
            _funds(("1", "1", "1", "1", "0", "100", "10"),
                   ("1", "1", "1", "1", "0", "100.00", "10.00"), deviation="完成年度指标"),
            _goal("党委督查室经费"), "完成年度目标。",
            _indicators([
                (_OUT, _QTY, "经费使用部门数", "=个", "=1个", "=1个", "20", "20", ""),
                (_OUT, _QUA, "经费需求满足度", "", "满足", _DONE, "10", "10", ""),
                (_OUT, _TIME, "经费保障期限", "=年", "=1年", "=1年", "10", "10", ""),
                (_OUT, _COST, "预算成本控制率", "", "有效", _DONE, "10", "10", ""),
                (_EFF, _SOC, "工作正常运转", "", "保障", _DONE, "30", "30", ""),
                (_SAT, _SVC, "工作人员满意度", "≥%", "≥95%", "≥95%", "10", "10", ""),
            ]),
            "100", "优"),
        # 8. 7.504 / 29 = 25.88 %, printed 25.98; the score 2.59 follows 25.88
        _ev("电脑耗材",
            _funds(("0", "29", "29", "7.504", "21.496", "25.98", "2.59")),
            "根据区党工委管委会要求及单位履职需要,用于电脑耗材支出。",
            "部分达成预期指标并具有一定效果。",
            _indicators([
                (_OUT, _QTY, "耗材正常使用率", "≥%", "≥95%", "≥80%", "20", "18", _NOT_DONE),
                (_OUT, _QUA, "耗材验收合格率", "=%", "=100%", "=100%", "10", "10", ""),
                (_OUT, _TIME, "经费支出及时性", "", "及时", _DONE, "10", "10", ""),
                (_OUT, _COST, "成本控制程度", "", "控制在年度预算指标内", "达成预期指标并具",
                 "10", "4", _NOT_DONE),
                (_EFF, _SOC, "资产利用水平", "", "正常", "达成预期指标并具", "30", "5", _NOT_DONE),
                (_SAT, _SVC, "工作人员满意度", "≥%", "≥95%", "≥95%", "10", "10", ""),
            ]),
            "59.59", "差"),
        # 9. (满意度 row prints only one name: 服务对象满意度, as 二级)
        _ev("对外交流经费",
            _funds(("15", "15", "15", "0", "15", "0", "0"),
                   ("15", "15", "15", "0", "15", "0.00", "0.00")),
            _goal("对外交流经费"), "未完成年度指标。",
            _indicators([
                (_OUT, _QTY, "对外交流次数", "", "按计划", _FAIL, "20", None, _NOT_DONE),
                (_OUT, _QUA, "交流需求满足度", "", "满足", _FAIL, "10", None, _NOT_DONE),
                (_OUT, _TIME, "按计划参会率", "≥%", "≥90%", "≥0%", "10", None, _NOT_DONE),
                (_OUT, _COST, "预算成本控制率", "", "有效", _FAIL, "10", None, _NOT_DONE),
                (_EFF, _SOC, "专项工作推进程", "", "推进", _FAIL, "30", None, _NOT_DONE),
                (_SAT, _SVC, "", "≥%", "≥90%", "≥0%", "10", None, _NOT_DONE),
            ]),
            "0", "差"),
        # 10.
        _ev("体检费",
            _funds(("65", "65", "65", "0", "65", "0", "0"),
                   ("65", "65", "65", "0", "65", "0.00", "0.00")),
            _goal("体检费"), "未完成年度指标。",
            _indicators([
                (_OUT, _QTY, "保障职工范围", "", "全区", _FAIL, "20", None, _NOT_DONE),
                (_OUT, _QUA, "体检需求满足度", "", "满足", _FAIL, "10", None, _NOT_DONE),
                (_OUT, _TIME, "体检时间", "", "2024年", _FAIL, "10", None, _NOT_DONE),
                (_OUT, _COST, "预算成本控制", "", "有效", _FAIL, "10", None, _NOT_DONE),
                (_EFF, _SOC, "职工医疗保障", "", "保障", _FAIL, "30", None, _NOT_DONE),
                (_SAT, _SVC, "职工满意度", "≥%", "≥95%", "≥0%", "10", None, _NOT_DONE),
            ]),
            "0", "差"),
        # 11.
        _ev("网络租赁费用",
            _funds(("0", "20", "20", "20", "0", "100", "10"),
                   ("0", "20", "20", "20", "0", "100.00", "10.00"), deviation="完成年度指标"),
            _goal("网络租赁费用"), "完成年度目标。",
            _indicators([
                (_OUT, _QTY, "租赁(运维)数", "=条", "=7条", "=7条", "20", "20", ""),
                (_OUT, _QUA, "线路网络稳定率", "≥%", "≥95%", "≥95%", "10", "10", ""),
                (_OUT, _TIME, "租赁(运维)数", "=年", "=1年", "=1年", "10", "10", ""),
                (_OUT, _COST, "预算成本控制率", "", "有效", _DONE, "10", "10", ""),
                (_EFF, _SOC, "工作开展便捷程度", "", "便捷", _DONE, "30", "30", ""),
                (_SAT, _SVC, "使用人员满意度", "≥%", "≥95%", "≥95%", "10", "10", ""),
            ]),
            "100", "优"),
        # 12. (duplicated 年初预算数 column: four 20s printed)
        _ev("应急办经费",
            _funds(("20", "20", "20", "10.896", "9.104", "54.48", "5.45")),
            _goal("应急办经费"), "已完成年度指标。",
            _indicators([
                (_OUT, _QTY, "应急人员值班天数", "=天", "=365天", "=365天", "10", "10", ""),
                (_OUT, _QTY, "应急用品数量", "", "保障", _DONE, "10", "10", ""),
                (_OUT, _QUA, "应急协调处置", "", "提升", _DONE, "10", "10", ""),
                (_OUT, _TIME, "及时发布应急", "", "及时", _PART, "10", "4", _NOT_DONE),
                (_OUT, _COST, "预算成本控制", "", "有效", _PART, "10", "5", _NOT_DONE),
                (_EFF, _SOC, "突发事件时挽", "≥%", "≥90%", "≥90%", "15", "15", ""),
                (_EFF, "可持续影响", "持续扩大应急", "", "持续", _PART, "15", "10", _NOT_DONE),
                (_SAT, _SVC, "工作人员满意度", "≥%", "≥95%", "≥95%", "10", "10", ""),
            ]),
            "79.45", "中"),
        # 13.
        _ev("资料费",
            _funds(("0", "25", "25", "6.703", "18.297", "26.81", "2.68")),
            _goal("资料费"), "基本完成年度目标。",
            _indicators([
                (_OUT, _QTY, "资料种类", "≥种", "≥5种", "≥5种", "20", "20", ""),
                (_OUT, _QUA, "资料质量", "", "高", _DONE, "10", "10", ""),
                (_OUT, _TIME, "资料发放及时性", "", "及时", "按期指并具", "10", "7", _NOT_DONE),
                (_OUT, _COST, "预算成本控制", "", "有效", _DONE, "10", "10", ""),
                (_EFF, _SOC, "工作运转保障度", "", "保障", _FAIL, "30", "0", _NOT_DONE),
                (_SAT, _SVC, "工作人员满意度", "≥%", "≥95%", "≥95%", "10", "10", ""),
            ]),
            "59.68", "差"),
        # 14.
        _ev("会议费",
            _funds(("0", "15", "15", "6.309", "8.691", "42.06", "4.21")),
            "根据区党工委管委会要求及单位基本履职需要，用于会议费支出。", "已完成年度目标。",
            _indicators([
                (_OUT, _QTY, "计划会议完成率", "=%", "=100%", "=50%", "20", "10", _NOT_DONE),
                (_OUT, _QUA, "会议研究实用性", "=%", "=100%", "=50%", "10", "5", _NOT_DONE),
                (_OUT, _TIME, "召开会议完成及时", "", "及时", _DONE, "10", "10", ""),
                (_OUT, _COST, "费用成本控制", "", "控制在年度预算内", _DONE, "10", "10", ""),
                (_EFF, _SOC, "专项工作推进", "", "推进", "预期指标并具", "30", "10", _NOT_DONE),
                (_SAT, _SVC, "参会人员满意度", "≥%", "≥95%", "≥95%", "10", "10", ""),
            ]),
            "59.21", "差"),
        # 15.
        _ev("协同办公系统费用",
            _funds(("5", "5", "5", "0", "5", "0", "0"),
                   ("5", "5", "5", "0", "5", "0.00", "0.00"), deviation="未完成年度指标"),
            _goal("协同办公系统费用"), "未完成年度目标。",
            _indicators([
                (_OUT, _QTY, "软件系统运维数", "=个", "=1个", "=0个", "20", None, "未完成年度目标"),
                (_OUT, _QUA, "系统故障率", "≤%", "≤5%", "≤0%", "10", "0", "未完成年度目标"),
                (_OUT, _TIME, "系统故障修复时", "≤小时", "≤2小时", "≤0小时", "10", None,
                 "未完成年度目标"),
                (_OUT, _COST, "预算成本控制", "", "有效", _FAIL, "10", None, "未完成年度目标"),
                (_EFF, _SOC, "工作开展便捷性", "", "便捷", _FAIL, "30", None, "未完成年度目标"),
                (_SAT, _SVC, "用户使用满意度", "≥%", "≥95%", "≥0%", "10", None, "未完成年度目标"),
            ]),
            "0", "差"),
        # 16. (an empty cell precedes the 资金总额 figures)
        _ev("关心下一代工作委员会经费",
            _funds(("3", "3", "3", "3", "0", "100", "10"),
                   ("3", "3", "3", "3", "0", "100.00", "10.00"), deviation="完成年度指标"),
            "根据区党工委管委会要求及单位基本履职需要，用于关心下一代工作委员会经费支出。", "完成年度目标。",
            _indicators([
                (_OUT, _QTY, "经费使用数量", "≥个", "≥1个", "≥1个", "20", "20", ""),
                (_OUT, _QUA, "经费需求满足度", "", "满足", _DONE, "10", "10", ""),
                (_OUT, _TIME, "经费保障期限", "=年", "=1年", "=1年", "10", "10", ""),
                (_OUT, _COST, "预算成本控制率", "", "有效", _DONE, "10", "10", ""),
                (_EFF, _SOC, "工作正常运转保", "", "保障", _DONE, "30", "30", ""),
                (_SAT, _SVC, "群众满意度", "≥%", "≥95%", "≥95%", "10", "10", ""),
            ]),
            "100", "优"),
        # 17.
        _ev("印刷费",
            _funds(("0", "18", "18", "1.835", "16.165", "10.19", "1.02")),
            _goal("印刷费"), "基本完成年度指标。",
            _indicators([
                (_OUT, _QTY, "印刷品种类", "≥种", "≥3种", "≥3种", "20", "20", ""),
                (_OUT, _QUA, "印刷品合格率", "≥%", "≥95%", "≥95%", "10", "10", ""),
                (_OUT, _TIME, "经费服务期限", "", "1年", "预期指标且为", "10", "0", _NOT_DONE),
                (_OUT, _COST, "预算成本控制率", "", "有效", _PART, "10", "5", _NOT_DONE),
                (_EFF, _SOC, "工作正常运转保", "", "保障", _PART, "30", "12", _NOT_DONE),
                (_SAT, _SVC, "工作人员满意度", "≥%", "≥95%", "≥95%", "10", "10", ""),
            ]),
            "58.02", "差"),
        # 18. (nine indicators; "≥1壹" as printed)
        _ev("政府采购机房专用设备及维护费",
            _funds(("20", "20", "20", "0", "20", "0", "0"),
                   ("20", "20", "20", "0", "20", "0.00", "0.00")),
            _goal("政府采购机房专用设备及维护"), "未完成年度指标。",
            _indicators([
                (_OUT, _QTY, "巡查次数", "≥4次", "≥4次", "≥0次", "10", None, _NOT_DONE),
                (_OUT, _QTY, "采购数量", "≥壹", "≥1壹", "≥0壹", "10", None, _NOT_DONE),
                (_OUT, _QUA, "故障率", "≤%", "≤10%", "≤0%", "5", None, _NOT_DONE),
                (_OUT, _QUA, "验收合格率", "=%", "=100%", "=0%", "5", None, _NOT_DONE),
                (_OUT, _TIME, "资产投入使用", "", "24年9月30日", "预期指标且", "5", None, _NOT_DONE),
                (_OUT, _TIME, "运维时间", "", "1年", "预期指标且", "5", None, _NOT_DONE),
                # printed as one cell "列区年度预期指标且": truncated target + truncated outcome
                (_OUT, _COST, "成本控制程度", "", "列区年度", "预期指标且", "10", None, _NOT_DONE),
                (_EFF, _SOC, "资产利用水平", "", "正常", "预期指标且", "30", None, _NOT_DONE),
                (_SAT, _SVC, "工作人员满意度", "≥%", "≥95%", "≥0%", "10", None, _NOT_DONE),
            ]),
            "0", "差"),
        # 19.
        _ev("差旅费",
            _funds(("0", "5", "5", "0.944", "4.056", "18.88", "1.89"),
                   deviation="完成年度指标"),
            _goal("差旅费"), "基本完成年度目标。",
            _indicators([
                (_OUT, _QTY, "保障人数", "=人", "=21人", "=3人", "20", "5", _NOT_DONE),
                (_OUT, _QUA, "经费需求满足度", "", "满足", _DONE, "10", "10", ""),
                (_OUT, _TIME, "经费保障期限", "=年", "=1年", "=1年", "10", "10", ""),
                # printed with 一级 "效益指标" (merged-cell artefact)
                (_OUT, _COST, "预算成本控制率", "", "有效", _DONE, "10", "10", ""),
                (_EFF, _SOC, "专项工作推进程度", "", "推进", _DONE, "30", "30", ""),
                (_SAT, _SVC, "工作人员满意度", "≥%", "≥95%", "≥95%", "10", "10", ""),
            ]),
            "76.89", "中"),
        # 20. (rows shifted left: 年初指标值 column missing in the print)
        _ev("政府采购办公设备费用",
            _funds(("6", "6", "6", "2.74", "3.26", "45.67", "4.57")),
            _goal("政府采购办公设备"), "未完成年度指标。",
            _indicators([
                (_OUT, _QTY, "购置办公设备数(套)", "", "≥10台(套)", "≥5台(套)", "20", "10",
                 _NOT_DONE),
                (_OUT, _QUA, "办公设备验收合格率", "=%", "=100%", "=100%", "10", "10", ""),
                (_OUT, _TIME, "资产投入使用时间", "", "≤4年9月30日", "完成预期指标", "10", "10", ""),
                (_OUT, _COST, "成本控制制度", "", "制定年度预算", "指标并具", "10", "5", _NOT_DONE),
                (_EFF, _SOC, "资产利用水平", "", "正常", _PART, "30", "10", _NOT_DONE),
                (_SAT, _SVC, "工作人员满意度", "≥%", "≥95%", "≥95%", "10", "10", ""),
            ]),
            "59.57", "差"),
        # 21. (an empty cell precedes the 资金总额 figures)
        _ev("2024年春节慰问经费",
            _funds(("26", "26", "26", "26", "0", "100", "10"),
                   ("26", "26", "26", "26", "0", "100.00", "10.00"), deviation="无"),
            "保障2024年春节期间一线职工慰问的发放工作正常运行", "已完成年度目标。",
            _indicators([
                (_OUT, _QTY, "慰问金使用", "=家", "=5家", "=5家", "20", "20", ""),
                (_OUT, _QUA, "慰问金发放", "=次", "=1次", "=1次", "10", "10", ""),
                (_OUT, _TIME, "慰问及时性", "", "及时", _DONE, "10", "10", ""),
                (_OUT, _COST, "慰问金额", "", "按标准", _DONE, "10", "10", ""),
                (_EFF, "经济效益", "慰问", "", "按标准", _DONE, "10", "10", ""),
                (_EFF, _SOC, "开发区政府", "=个", "=1个", "=1个", "10", "10", ""),
                (_EFF, "可持续发展", "激励在岗职工", "", "效果明显", _DONE, "10", "10", ""),
                (_SAT, _SVC, "一线职工", "=%", "=100%", "=100%", "10", "10", ""),
            ]),
            "100", "优"),
    ))


def seed_evaluation(project: str) -> ProjectEvaluation:
    """The seed evaluation of ``project`` (KeyError if there is none)."""
    for ev in seed_evaluations():
        if ev.project == project:
            return ev
    raise KeyError(project)
