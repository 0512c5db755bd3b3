"""自评表 findings an auditor can sign (issue 15): projects never carried out, one finding per
table for qualitative scores, spending beyond the budget.

Each test builds a small evaluation whose figures make the point by themselves (the expected
outcome is worked out in the comment, from the scoring rules of 财预〔2020〕10号).
"""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest
from test_performance_rules import _fund

from govfin import check
from govfin.findings import Place, Report, Severity
from govfin.performance import FundLine, Indicator, ProjectEvaluation

D = Decimal
T = "项目支出绩效自评表:示例项目"


def _indicators() -> list[Indicator]:
    return [
        Indicator("产出指标", "数量指标", "验收项目数", "≥个", "≥10个", "10个", weight="20",
                  score="20"),
        Indicator("产出指标", "质量指标", "验收质量", "", "高", "达成年度指标", weight="10",
                  score="9"),
        Indicator("产出指标", "时效指标", "响应时间", "≤小时", "≤2小时", "1小时", weight="10",
                  score="10"),
        Indicator("产出指标", "成本指标", "故障率", "≤%", "≤5%", "2%", weight="10",
                  score="10"),
        Indicator("效益指标", "社会效益", "服务改善", "", "明显", "部分达成年度指标并具有一定效果",
                  weight="30", score="20"),
        Indicator("满意度指标", "服务对象满意度", "群众满意度", "≥%", "≥90%", "95%", weight="10",
                  score="10"),
    ]


def make(funds: tuple[FundLine, ...] | None = None, indicators: list[Indicator] | None = None,
         **kw: object) -> ProjectEvaluation:
    base: dict[str, object] = {
        "project": "示例项目", "year": 2024,
        "funds": funds or (_fund(), _fund("市县区财政资金")),
        "indicators": tuple(indicators or _indicators()),
        "total_score": None, "grade": None,
    }
    base.update(kw)
    return ProjectEvaluation(**base)  # type: ignore[arg-type]


def rule(report: Report, rule_id: str) -> list:
    return [f for f in report if f.rule_id == rule_id]


# -- E-quantitative: projects never carried out -----------------------------------------------

IDLE = {"executed": "0", "balance": "100", "rate": "0", "score": "0"}


@pytest.mark.parametrize("score", [None, "0"])
def test_placeholder_actual_of_an_idle_project_is_not_judged(score: str | None) -> None:
    # 故障率 ≤5%, actual "≤0%": the 反向 formula gives the full 10 — but nothing was spent
    # (全年执行数 0), so "≤0%" measures nothing and a blank or 0 score is the right one.
    inds = _indicators()
    inds[3] = attrs.evolve(inds[3], actual="≤0%", score=score)
    r = check(make(funds=(_fund(**IDLE), _fund("市县区财政资金", **IDLE)), indicators=inds))
    (f,) = rule(r, "E-quantitative")
    assert f.severity is Severity.INFO
    assert f.place == Place(T, "故障率", "得分")
    assert "not carried out" in f.message and "≤0%" in f.message
    assert f.cells == (Place(T, "资金总额", "全年执行数"),)


def test_same_actual_on_a_project_that_spent_is_judged() -> None:
    # The same row where money was spent (全年执行数 80): "≤0%" is a measurement, 10 is due.
    inds = _indicators()
    inds[3] = attrs.evolve(inds[3], actual="≤0%", score=None)
    (f,) = rule(check(make(indicators=inds)), "E-quantitative")
    assert f.severity is Severity.WARNING and f.expected == D("10.00")


def test_idle_project_with_a_real_actual_is_still_judged() -> None:
    # Nothing spent, but the actual printed is not the placeholder 0: 2% of ≤5% → full 10,
    # printed 4: the departure is reported as before.
    inds = _indicators()
    inds[3] = attrs.evolve(inds[3], actual="2%", score="4")
    r = check(make(funds=(_fund(**IDLE), _fund("市县区财政资金", **IDLE)), indicators=inds))
    (f,) = rule(r, "E-quantitative")
    assert f.severity is Severity.WARNING and f.expected == D("10.00")


# -- E-qualitative: one finding per table, edges inside ----------------------------------------


def test_qualitative_one_finding_lists_every_indicator() -> None:
    # 部分达成 bands: 分值 30 → [18, 24]; 分值 10 → [6, 8].  服务改善 12 of 30 and 验收质量
    # (now 部分达成) 5 of 10 are outside; one finding names both.
    inds = _indicators()
    inds[4] = attrs.evolve(inds[4], score="12")
    inds[1] = attrs.evolve(inds[1], actual="期指标并具", score="5")
    (f,) = rule(check(make(indicators=inds)), "E-qualitative")
    assert f.severity is Severity.WARNING
    assert f.place == Place(T, "验收质量", "得分")  # the first of them
    assert set(f.cells) == {Place(T, "服务改善", "得分"), Place(T, "验收质量", "得分")}
    assert f.message.startswith("2 qualitative indicators")
    assert "服务改善 12 of 30" in f.message and "验收质量 5 of 10" in f.message
    # the cut phrase is quoted as printed, and said to be cut; the whole one is not
    assert "“期指标并具”, cut at the column width" in f.message
    assert "“部分达成年度指标并具有一定效果”)" in f.message


@pytest.mark.parametrize(("score", "outside"), [("8", False), ("6", False), ("8.01", True),
                                                ("5.99", True)])
def test_qualitative_band_edges_are_inside(score: str, outside: bool) -> None:
    # 部分达成, 分值 10: [6, 8] with both ends inside.
    inds = _indicators()
    inds[1] = attrs.evolve(inds[1], actual="期指标并具", score=score)
    assert bool(rule(check(make(indicators=inds)), "E-qualitative")) is outside


def test_qualitative_tables_are_separate() -> None:
    inds = _indicators()
    inds[4] = attrs.evolve(inds[4], score="12")
    evs = [make(indicators=inds), make(indicators=inds, project="另一项目")]
    found = rule(check(evs), "E-qualitative")
    assert sorted(f.place.table for f in found) == [
        "项目支出绩效自评表:另一项目", "项目支出绩效自评表:示例项目"]


# -- E-overspent -------------------------------------------------------------------------------


def test_executed_above_budget_is_an_error() -> None:
    # 120 spent of a budget of 100, printed consistently (结余 −20, 执行率 120%): every
    # arithmetic rule holds, yet the money was spent beyond the budget.
    over = {"executed": "120", "balance": "-20", "rate": "120.00", "score": "10.00"}
    r = check(make(funds=(_fund(**over), _fund("市县区财政资金", **over))))
    (f,) = rule(r, "E-overspent")
    assert f.severity is Severity.ERROR
    assert f.place == Place(T, "资金总额", "全年执行数")
    assert (f.expected, f.actual, f.difference) == (D(100), D(120), D(20))
    assert "资金结(转)余 printed -20" in f.message and "执行率 printed 120.00%" in f.message
    assert not rule(r, "E-balance") and not rule(r, "E-rate")


def test_adjusted_budget_is_the_base() -> None:
    # 预算编制数 100 adjusted to 全年预算数 130 (表注 2): 120 spent is within the budget.
    adj = {"annual_budget": "130", "executed": "120", "balance": "10", "rate": "92.31",
           "score": "9.23"}
    r = check(make(funds=(_fund(**adj), _fund("市县区财政资金", **adj))))
    assert not rule(r, "E-overspent")
    # … and beyond the adjusted budget it fires, naming the adjustment
    adj2 = {"annual_budget": "110", "executed": "120", "balance": "-10", "rate": "109.09",
            "score": "10"}
    (f,) = rule(check(make(funds=(_fund(**adj2), _fund("市县区财政资金", **adj2)))),
                "E-overspent")
    assert f.expected == D(110) and "预算编制数 100" in f.message


def test_executed_equal_to_budget_is_fine() -> None:
    full = {"executed": "100", "balance": "0", "rate": "100.00", "score": "10.00"}
    assert not rule(check(make(funds=(_fund(**full), _fund("市县区财政资金", **full)))),
                    "E-overspent")


# -- N-perf-analysis: the 项目绩效分析 text against its own table --------------------------------

from govfin.performance import AnalysisParagraph


def _analysed(*paragraphs: tuple[str, str], **kw: object) -> ProjectEvaluation:
    # 资金总额: 预算编制数 100, 全年预算数 100, 全年执行数 80, 执行率 80.00; 总分 87, 良
    return make(analysis=tuple(AnalysisParagraph(h, t) for h, t in paragraphs),
                total_score="87", grade="良", **kw)


def _analysis(ev: ProjectEvaluation) -> list:
    return rule(check(ev), "N-perf-analysis")


@pytest.mark.parametrize(
    ("text", "agrees"),
    [
        ("全年预算执行率为80%。", True),  # 80.00 to the unit
        ("全年预算执行率为80.00%。", True),
        ("全年预算执行率为80.03%。", False),  # the same fact printed twice, differently
        ("全年预算执行率为79.9%。", False),
        ("实际支出占年初预算的80%。", True),  # 80 / 预算编制数 100
        ("实际支出费用占年初预算的80.5%。", False),
        ("全年实际支出80万元。", True),
        ("实际支出80.2万元。", False),
        ("年初预算资金100万元。", True),
        ("年初预算资金120万元。", False),
        ("自评得分87分，自评等级为“良”。", True),
        ("自评总分为88分。", False),
        ("自评结果为优。", False),
    ],
)
def test_analysis_figures(text: str, agrees: bool) -> None:
    found = _analysis(_analysed(("项目立项和预算执行情况", text)))
    assert found, "no figure read"
    assert all(f.place == Place(T, "项目绩效分析", "项目立项和预算执行情况") for f in found)
    severities = {f.severity for f in found}
    assert severities == ({Severity.INFO} if agrees else {Severity.ERROR})


def test_analysis_rate_names_the_table_cells() -> None:
    (f,) = _analysis(_analysed(("", "执行率为80.03%")))
    assert f.place == Place(T, "项目绩效分析", "项目绩效分析")  # no heading printed
    assert (f.expected, f.actual) == (D("80.00"), D("80.03"))
    assert Place(T, "资金总额", "执行率") in f.cells
    assert "the table prints 执行率 80.00%" in f.message


def test_analysis_rate_may_follow_the_figures_when_the_table_misprints_it() -> None:
    # the table prints 执行率 80.10 (wrong: 80 / 100 = 80.00; E-rate says so); a text giving
    # 80.00% restates the figures, not the misprint: not a second error
    funds = (_fund(rate="80.10"), _fund("市县区财政资金", rate="80.10"))
    (f,) = _analysis(_analysed(("", "执行率为80.00%"), funds=funds))
    assert f.severity is Severity.INFO


def test_analysis_without_figures_is_silent() -> None:
    assert _analysis(_analysed(("满意度情况及分析", "相关工作人员对该项目基本满意，满意度达到了95%。"))) == []


def test_seed_analysis_is_read_into_its_table() -> None:
    import golden

    from govfin.readers import read_text

    evs = {e.project: e for e in read_text(golden.TEXT).disclosure.evaluations}
    first = evs["重点项目开工及观摩活动经费"].analysis[0]
    assert first.heading == "项目立项和预算执行情况"
    assert first.text.endswith("全年预算执行率为61.53%。")
    assert first.line == golden.line_of("全年预算执行率为61.53%")
    assert [p.heading for p in evs["办公用品"].analysis] == [
        "项目立项和预算执行情况", "产出情况", "效益情况", "满意度情况", "主要经验做法",
        "项目管理中存在的问题及原因分析", "下一步改进措施及管理建议"]
    # one cell holding four <p> paragraphs, printed without a heading of its own
    assert evs["党委督查室经费"].analysis[0].heading == ""
    # the seed's mismatch: 61.53% in the text, 61.56 in the table (18.469 / 30 = 61.563%)
    (f,) = [f for f in _analysis(evs["重点项目开工及观摩活动经费"])]
    assert f.severity is Severity.ERROR and (f.expected, f.actual) == (D("61.56"), D("61.53"))


def test_analysis_survives_writing_and_reading() -> None:
    from govfin.readers import read_text
    from govfin.readers.writer import write_evaluation

    ev = _analysed(("项目立项和预算执行情况", "全年预算执行率为80%。"), ("", "相关人员满意。"))
    (back,) = read_text(write_evaluation(ev)).disclosure.evaluations
    assert [(p.heading, p.text) for p in back.analysis] == [
        ("项目立项和预算执行情况", "全年预算执行率为80%。"), ("", "相关人员满意。")]
