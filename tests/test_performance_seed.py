"""Acceptance: the E-* rules on all 21 项目支出绩效自评表 of the 2024 seed.

Every error and warning the rules give on the seed is listed below with the reason; the test
fails on any finding not listed and on any listed finding that does not appear.
"""

from __future__ import annotations

from decimal import Decimal

import golden
import pytest
from seed_evaluations import SEED_CLAIM, seed_evaluation, seed_evaluations

from govfin.findings import Finding, Place, Report, Severity
from govfin.performance import (
    JIANGXI,
    MOF_2020,
    PRE_2020,
    ClaimedSummary,
    claims_from_text,
    compare_claims,
    diagnose,
    execution_rate,
    summarize,
)
from govfin.rules.engine import check

E, W, I = Severity.ERROR, Severity.WARNING, Severity.INFO
Key = tuple[str, Severity, str, str | None, str | None]


def _key(f: Finding) -> Key:
    assert f.place is not None
    project = f.place.table.split(":", 1)[1]
    return (f.rule_id, f.severity, project, f.place.row, f.place.column)


#: Every error and warning on the seed under the default scheme (MOF_2020).
EXPECTED: dict[Key, str] = {
    # -- errors: 办公用品 and 电脑耗材, and 重点项目's analysis text -------------------------------------------------
    ("E-balance", E, "办公用品", "资金总额", "资金结(转)余"):
        "35 − 10.45 = 24.55, printed 24.52 (10.45 + 24.52 = 34.97 ≠ 35)",
    ("E-rate", E, "办公用品", "资金总额", "执行率"):
        "10.45 / 35 = 29.86 %, printed 29.94 %",
    ("E-rate", E, "电脑耗材", "资金总额", "执行率"):
        "7.504 / 29 = 25.88 %, printed 25.98 %",
    ("N-perf-analysis", E, "重点项目开工及观摩活动经费", "项目绩效分析", "项目立项和预算执行情况"):
        "the analysis says 全年预算执行率为61.53%; the table prints 61.56 (18.469 / 30 = 61.563 %)",
    # -- diagnosis (warning: an inference about which cell is wrong) ----------------------
    ("E-diagnosis", W, "办公用品", "资金总额", "全年执行数"):
        "资金结余 and 执行率 fail together; 全年执行数 = 10.48 satisfies both (35 − 10.48 = "
        "24.52; 10.48/35 = 29.94 %) and keeps 得分 2.99; no other single cell does",
    ("E-diagnosis", W, "电脑耗材", "资金总额", "执行率"):
        "执行率 fails, and the printed 得分 2.59 does not follow the printed 25.98 % (→ 2.60) but "
        "follows 25.88 % (→ 2.59): the printed 执行率 is the wrong cell",
    # -- quantitative scores departing from the formula (scores are partly judgment) -------
    ("E-quantitative", W, "电脑耗材", "耗材正常使用率", "得分"):
        "≥95 %, actual 80 %: 80/95 × 20 = 16.84, printed 18",
    ("E-quantitative", W, "差旅费", "保障人数", "得分"):
        "=21人, actual 3人: 3/21 × 20 = 2.86 (= with A > 0 scores as 正向), printed 5",
    # -- qualitative scores outside their outcome's band (2020 bands 80/60, edges included):
    # one finding per table, at its first indicator outside.  部分达成 (printed "期指标并具" etc., the phrase cut at the column
    # width) must score in [60 %, 80 %] of 分值.  办公用品日常例 8 of 10 sits on the band's
    # edge: not outside.
    ("E-qualitative", W, "办公用品", "经费支出及时性", "得分"):
        "经费支出及时性 5 of 10 = 50 %, 成本控制程度 4 of 10, 资产利用水平 10 of 30 = 33 %",
    ("E-qualitative", W, "重点项目开工及观摩活动经费", "活动质量", "得分"):
        "活动质量 5 of 10; 举办重点项目 5 of 10 (时效 row; the 数量 row of the same truncated "
        "name scores 20 of 20)",
    ("E-qualitative", W, "保密系统维护费", "预算成本控制", "得分"):
        "预算成本控制 5 of 10; 工作开展便捷 10 of 30",
    ("E-qualitative", W, "电脑耗材", "成本控制程度", "得分"):
        "成本控制程度 4 of 10 (printed 达成预期指标并具: truncated 部分达成…, not 达成); "
        "资产利用水平 5 of 30",
    ("E-qualitative", W, "应急办经费", "及时发布应急", "得分"):
        "及时发布应急 4 of 10; 预算成本控制 5 of 10",
    ("E-qualitative", W, "会议费", "专项工作推进", "得分"): "专项工作推进 10 of 30 = 33 %",
    ("E-qualitative", W, "印刷费", "预算成本控制率", "得分"):
        "预算成本控制率 5 of 10; 工作正常运转保 12 of 30 = 40 %",
    ("E-qualitative", W, "政府采购办公设备费用", "成本控制制度", "得分"):
        "成本控制制度 5 of 10 (printed 指标并具); 资产利用水平 10 of 30",
}

#: Infos: 目标申报数 printed 0 beside a non-zero 预算编制数 (parallel figures, 表注 1).
EXPECTED_INFOS = {
    ("E-declared", I, p, "资金总额", "目标申报数")
    for p in ("办公用品", "电脑耗材", "网络租赁费用", "资料费", "会议费", "印刷费", "差旅费")
} | {
    # 反向 indicators of projects never carried out (全年执行数 0): the actual "≤0%" /
    # "≤0小时" is the template's placeholder, so the printed 0 or blank 得分 is not judged
    # (the formula would give full marks for work not done).
    ("E-quantitative", I, "协同办公系统费用", "系统故障率", "得分"),
    ("E-quantitative", I, "协同办公系统费用", "系统故障修复时", "得分"),
    ("E-quantitative", I, "政府采购机房专用设备及维护费", "故障率", "得分"),
} | {
    # 项目绩效分析 figures that agree with their table (executed / 预算编制数, or the printed 执行率)
    ("N-perf-analysis", I, "党委督查室经费", "项目绩效分析", "项目绩效分析"),  # 100% ×2, 1 / 1
    ("N-perf-analysis", I, "网络租赁费用", "项目绩效分析", "产出情况及分析"),  # 100%, 20 / 20
    ("N-perf-analysis", I, "会议费", "项目绩效分析", "产出情况及分析"),  # 42.06%, 6.309 / 15
    ("N-perf-analysis", I, "印刷费", "项目绩效分析", "项目管理中存在的问题及原因分析"),  # 10.19%
    ("N-perf-analysis", I, "差旅费", "项目绩效分析", "项目支出和预算执行情况分析"),  # 18.88%
}


@pytest.fixture(scope="module")
def report() -> Report:
    return check(list(seed_evaluations()))


def test_twenty_one_tables() -> None:
    evs = seed_evaluations()
    assert len(evs) == golden.EVALUATIONS
    assert len({ev.project for ev in evs}) == golden.EVALUATIONS
    assert all(ev.year == 2024 and ev.department_code == "604" for ev in evs)


def test_every_error_and_warning_is_expected(report: Report) -> None:
    got = [_key(f) for f in report if f.severity is not Severity.INFO]
    assert len(got) == len(set(got)), "a finding is reported twice"
    assert set(got) == set(EXPECTED)
    assert len(report.errors) == golden.EVALUATION_ERRORS
    assert len(report.warnings) == golden.EVALUATION_WARNINGS


def test_infos(report: Report) -> None:
    # no rounding residue anywhere: every printed sum is exact
    assert {_key(f) for f in report.infos} == EXPECTED_INFOS


def test_errors_only_on_two_projects(report: Report) -> None:
    # the arithmetic of the tables fails on two; a third's analysis text misquotes its table
    assert {_key(f)[2] for f in report.errors if f.rule_id.startswith("E-")} == {
        "办公用品", "电脑耗材"}
    assert {_key(f)[2] for f in report.errors} == {"办公用品", "电脑耗材", "重点项目开工及观摩活动经费"}


def test_bangong_yongpin_figures(report: Report) -> None:
    bal = report.select(rule="E-balance", table="项目支出绩效自评表:办公用品").findings
    assert len(bal) == 1
    assert (bal[0].expected, bal[0].actual) == (Decimal("24.55"), Decimal("24.52"))
    rate = report.select(rule="E-rate", table="项目支出绩效自评表:办公用品").findings[0]
    assert (rate.expected, rate.actual) == (Decimal("29.86"), Decimal("29.94"))
    diag = report.select(rule="E-diagnosis", table="项目支出绩效自评表:办公用品").findings[0]
    assert diag.fix == Place("项目支出绩效自评表:办公用品", "资金总额", "全年执行数")
    assert diag.fix_value == Decimal("10.48")
    assert diag.fix.line == golden.fund_line("办公用品")


def test_diannao_haocai_figures(report: Report) -> None:
    rate = report.select(rule="E-rate", table="项目支出绩效自评表:电脑耗材").findings[0]
    assert (rate.expected, rate.actual) == (Decimal("25.88"), Decimal("25.98"))
    # the printed score is not an error: it follows 7.504/29
    assert not report.select(rule="E-rate-score", table="项目支出绩效自评表:电脑耗材").findings
    diag = report.select(rule="E-diagnosis", table="项目支出绩效自评表:电脑耗材").findings[0]
    assert diag.fix == Place("项目支出绩效自评表:电脑耗材", "资金总额", "执行率")
    assert diag.fix_value == Decimal("25.88")


def test_baomi_xitong_rate_is_consistent() -> None:
    ev = seed_evaluation("保密系统维护费")
    line = ev.funds[0]
    assert execution_rate(line.executed, line.annual_budget) == Decimal("37.45")
    assert line.rate == Decimal("37.46")
    assert not check(ev).select(rule="E-rate").findings
    assert not diagnose(line).failing


def test_every_total_and_grade_consistent(report: Report) -> None:
    # verified against the print: Σ 得分 = 总分 and the grade of every 总分, all 21 tables
    assert not report.select(rule="E-total").findings
    assert not report.select(rule="E-grade").findings
    for ev in seed_evaluations():
        assert ev.total_score is not None and ev.grade == MOF_2020.grade(ev.total_score)


def test_weights_sum_to_100_everywhere(report: Report) -> None:
    assert not report.select(rule="E-weights").findings
    assert not report.select(rule="E-weights-level1").findings
    assert all(ev.weight_total == 100 for ev in seed_evaluations())


def test_quantitative_formula_values(report: Report) -> None:
    by_row = {f.row: f for f in report.select(rule="E-quantitative")}
    assert by_row["耗材正常使用率"].expected == Decimal("16.84")
    assert by_row["保障人数"].expected == Decimal("2.86")
    assert by_row["保障人数"].actual == Decimal(5)
    # the projects that spent nothing: not judged, and the info names the 全年执行数 0
    for row in ("系统故障率", "系统故障修复时", "故障率"):
        f = by_row[row]
        assert f.severity is Severity.INFO and f.expected is None
        assert "not carried out (全年执行数 0)" in f.message
        assert f.cells[0].column == "全年执行数"


def test_older_bands_give_fewer_qualitative_warnings() -> None:
    # PRE_2020: 部分达成 [50 %, 80 %]: the 5-of-10 scores fit; 4/10, ≤40 % of 30 do not
    r = check(list(seed_evaluations()), extra={"scheme": PRE_2020})
    assert len(r.select(rule="E-qualitative")) == 7  # tables; 8 under MOF_2020
    listed = sum(len(f.cells) for f in r.select(rule="E-qualitative"))
    assert listed == 9  # indicators; 16 under MOF_2020
    assert len(r.errors) == golden.EVALUATION_ERRORS  # the scheme changes no error


def test_jiangxi_tiers_reject_the_linear_scores() -> None:
    # The seed scores 执行率 linearly; under the 江西 tiers every rate strictly between 0 and
    # 100 % scores 0, 5 or 7, never what is printed: 11 projects.
    r = check(list(seed_evaluations()), extra={"scheme": JIANGXI})
    assert len(r.select(rule="E-rate-score")) == 11
    r2 = check(list(seed_evaluations()), extra={"scheme": "jiangxi"})
    assert len(r2.select(rule="E-rate-score")) == 11


def test_hubei_weights_flagged_as_warnings() -> None:
    r = check(list(seed_evaluations()), extra={"scheme": "hubei"})
    lvl = r.select(rule="E-weights-level1")
    # 预算执行率 10 (not 20) and 产出指标 50 (not 40) in each of the 21 tables
    assert len(lvl) == 2 * golden.EVALUATIONS
    assert all(f.severity is Severity.WARNING for f in lvl)


def test_department_summary() -> None:
    s = summarize(seed_evaluations())
    assert s.count == golden.EVALUATIONS
    assert dict(s.by_grade) == golden.GRADES
    assert s.by_grade == s.computed_by_grade
    assert s.funds == golden.FUNDS
    assert s.executed == golden.EXECUTED
    assert s.mean_score == Decimal("54.59")  # 1146.39 / 21
    assert len(s.below) == golden.GRADES["差"]
    assert "办公用品" in s.below and "应急办经费" not in s.below


def test_narrative_claim_against_the_tables() -> None:
    # The narrative claims 22 projects (6 优, 3 中, 13 差) and 205万元; the document holds 21
    # tables with 5 优.  205万元 matches neither Σ 全年预算数 (424.93) nor Σ 全年执行数 (187.346);
    # it equals the 项目支出 of 2010399 in 公开05表 (205.00) — not checked here.
    claim = claims_from_text(SEED_CLAIM)
    assert claim == ClaimedSummary(count=22, by_grade={"优": 6, "中": 3, "差": 13},
                                   funds=Decimal(205))
    mismatches = compare_claims(summarize(seed_evaluations()), claim)
    assert [(m.field, m.claimed, m.computed) for m in mismatches] == [
        ("count", Decimal(22), Decimal(golden.EVALUATIONS)),
        ("优", Decimal(6), Decimal(golden.GRADES["优"])),
        ("funds", Decimal(205), golden.FUNDS),
    ]
