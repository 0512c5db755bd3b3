"""Each E-* rule, firing and not firing, on a small well-formed evaluation and variants of it."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest

from govfin import REGISTRY, check
from govfin.amounts import Tolerance, ToleranceMode
from govfin.findings import Category, Finding, Place, Report, Severity
from govfin.performance import (
    HUBEI,
    MOF_2020,
    PRE_2020,
    FundLine,
    Indicator,
    ProjectEvaluation,
    ScoringScheme,
)

D = Decimal
T = "项目支出绩效自评表:示例项目"

E_RULES = {
    "E-balance", "E-rate", "E-rate-score", "E-sources", "E-budget-adjusted", "E-declared",
    "E-diagnosis", "E-score-range", "E-total", "E-grade", "E-weights", "E-weights-level1",
    "E-qualitative", "E-quantitative", "E-overspent",
}


def _fund(source: str = "资金总额", /, **kw: object) -> FundLine:
    base: dict[str, object] = {"declared": "100", "initial_budget": "100", "annual_budget": "100",
                                   "executed": "80", "balance": "20", "rate": "80.00", "score": "8.00"}
    base.update(kw)
    return FundLine(source, **base)


def _indicators() -> list[Indicator]:
    return [
        Indicator("产出指标", "数量指标", "验收项目数", "≥个", "≥10个", "10个", weight="20",
                  score="20"),
        Indicator("产出指标", "质量指标", "验收质量", "", "高", "达成年度指标", weight="10",
                  score="9"),
        Indicator("产出指标", "时效指标", "响应时间", "≤小时", "≤2小时", "1小时", weight="10",
                  score="10"),
        Indicator("产出指标", "成本指标", "成本控制率", "=%", "=100%", "=100%", weight="10",
                  score="10"),
        Indicator("效益指标", "社会效益", "服务改善", "", "明显", "部分达成年度指标并具有一定效果",
                  weight="30", score="20"),
        Indicator("满意度指标", "服务对象满意度", "群众满意度", "≥%", "≥90%", "95%", weight="10",
                  score="10"),
    ]


def make(**kw: object) -> ProjectEvaluation:
    base: dict[str, object] = {
        "project": "示例项目", "year": 2024,
        "funds": (_fund(), _fund("市县区财政资金")),
        "indicators": tuple(_indicators()),
        "total_score": "87", "grade": "良",
    }
    base.update(kw)
    return ProjectEvaluation(**base)  # type: ignore[arg-type]


def with_funds(**kw: object) -> ProjectEvaluation:
    """Both fund lines changed alike (a single source repeats 资金总额)."""
    return make(funds=(_fund(**kw), _fund("市县区财政资金", **kw)))


def with_indicator(i: int, **kw: object) -> ProjectEvaluation:
    inds = _indicators()
    inds[i] = attrs.evolve(inds[i], **kw)
    return make(indicators=tuple(inds))


def ids(report: Report | tuple[Finding, ...]) -> list[str]:
    return sorted(f.rule_id for f in report)


def only(report: Report, rule_id: str) -> tuple[Finding, ...]:
    """Findings of exactly ``rule_id`` (``Report.select`` matches a prefix)."""
    return tuple(f for f in report if f.rule_id == rule_id)


def test_rules_registered() -> None:
    rules = REGISTRY.filter(prefix="E-")
    assert {r.id for r in rules} == E_RULES
    for r in rules:
        assert r.subject is ProjectEvaluation
        assert r.category is Category.EVALUATION
        assert r.doc and r.source
    assert {r.id for r in REGISTRY.for_type(ProjectEvaluation)} == E_RULES | {"N-perf-analysis"}


def test_clean_evaluation_has_no_findings() -> None:
    assert list(check(make())) == []


# -- E-balance -----------------------------------------------------------------------------------


def test_balance_fires() -> None:
    r = check(with_funds(balance="21"))
    f = only(r, "E-balance")
    assert len(f) == 1  # 资金总额 only: the single source is covered by E-sources
    assert f[0].severity is Severity.ERROR
    assert f[0].place == Place(T, "资金总额", "资金结(转)余")
    assert (f[0].expected, f[0].actual) == (D(20), D(21))


def test_balance_rounding_residue_is_info() -> None:
    r = check(with_funds(balance="20.001"))
    assert [(f.rule_id, f.severity) for f in r] == [("E-balance", Severity.INFO)]


def test_balance_checked_on_each_of_several_sources() -> None:
    ev = make(funds=(
        _fund(),
        _fund("市县区财政资金", declared="60", initial_budget="60", annual_budget="60",
              executed="50", balance="11", rate="83.33", score="8.33"),
        _fund("其他资金", declared="40", initial_budget="40", annual_budget="40",
              executed="30", balance="10", rate="75.00", score="7.50"),
    ))
    r = check(ev)
    assert [(f.rule_id, f.row) for f in r.errors] == [
        ("E-balance", "市县区财政资金"),
        ("E-sources", "资金总额"),  # 20 ≠ 11 + 10
    ]


# -- E-rate / E-rate-score -------------------------------------------------------------------


def test_rate_fires_and_interval_tolerance() -> None:
    r = check(with_funds(rate="80.10"))
    assert ids(only(r, "E-rate")) == ["E-rate"]
    assert not only(r, "E-rate-score")  # 8.00 follows 80 / 100
    assert only(r, "E-rate")[0].expected == D("80.00")
    # 0.749 / 2 = 37.45 % printed 37.46: within the interval of 0.749 (保密系统维护费)
    ok = with_funds(initial_budget="2", annual_budget="2", declared="2", executed="0.749",
                    balance="1.251", rate="37.46", score="3.75")
    assert not only(check(ok), "E-rate")
    # but 37.49 is not
    bad = with_funds(initial_budget="2", annual_budget="2", declared="2", executed="0.749",
                     balance="1.251", rate="37.49", score="3.75")
    assert only(check(bad), "E-rate")


def test_rate_exact_mode_is_stricter() -> None:
    ok = with_funds(initial_budget="2", annual_budget="2", declared="2", executed="0.749",
                    balance="1.251", rate="37.46", score="3.75")
    r = check(ok, tolerance=Tolerance(ToleranceMode.EXACT))
    assert only(r, "E-rate")


def test_rate_with_zero_budget() -> None:
    zero = {"declared": "0", "initial_budget": "0", "annual_budget": "0", "executed": "0", "balance": "0"}
    assert not only(check(with_funds(**zero, rate="0", score="0")), "E-rate")
    r = check(with_funds(**zero, rate="100", score="0"))
    f = only(r, "E-rate")
    assert len(f) == 1 and f[0].severity is Severity.WARNING
    # not computable: the 执行率得分 must be 0
    r = check(with_funds(**zero, rate=None, score="5"))
    assert ids(only(r, "E-rate-score")) == ["E-rate-score"]


def test_rate_score_fires() -> None:
    r = check(make(funds=(_fund(score="8.10"), _fund("市县区财政资金", score="8.10")),
                   total_score="87.10"))
    f = only(r, "E-rate-score")
    assert len(f) == 1 and f[0].expected == D("8.00") and f[0].actual == D("8.10")


def test_rate_score_capped_above_100_percent() -> None:
    over = {"executed": "120", "balance": "-20", "rate": "120.00", "score": "10.00"}
    ev = make(funds=(_fund(**over), _fund("市县区财政资金", **over)), total_score="89")
    # the score is capped (no E-rate-score); spending beyond the budget is E-overspent's
    assert ids(check(ev)) == ["E-overspent"]


def test_rate_score_follows_the_scheme() -> None:
    # 江西 tiers: 80 % → 7 points
    ev = make(funds=(_fund(score="7"), _fund("市县区财政资金", score="7")), total_score="86")
    assert not only(check(ev, extra={"scheme": "jiangxi"}), "E-rate-score")
    assert only(check(ev), "E-rate-score")


# -- E-sources ---------------------------------------------------------------------------------


def test_sources_single_line_must_equal_total() -> None:
    ev = make(funds=(_fund(), _fund("市县区财政资金", executed="70", balance="30",
                                    rate="70.00", score="7.00")))
    r = check(ev)
    cols = {f.column for f in only(r, "E-sources")}
    assert cols == {"全年执行数", "执行率", "得分", "资金结(转)余"}


def test_sources_absent_or_total_only() -> None:
    assert list(check(make(funds=(_fund(),)))) == []


# -- E-budget-adjusted / E-declared -----------------------------------------------------------


def test_budget_adjusted_warns() -> None:
    r = check(with_funds(initial_budget="90", declared="90"))
    f = only(r, "E-budget-adjusted")
    assert len(f) == 1 and f[0].severity is Severity.WARNING
    assert f[0].place == Place(T, "资金总额", "全年预算数")
    r = check(with_funds(annual_budget=None, executed=None, balance=None, rate=None, score=None))
    assert only(r, "E-budget-adjusted")


def test_declared_differs_is_info() -> None:
    r = check(with_funds(declared="0"))
    assert [(f.rule_id, f.severity) for f in r] == [("E-declared", Severity.INFO)]


# -- E-diagnosis --------------------------------------------------------------------------------


def test_diagnosis_names_the_executed_cell() -> None:
    # 办公用品's figures
    bad = {"declared": "0", "initial_budget": "35", "annual_budget": "35", "executed": "10.45",
               "balance": "24.52", "rate": "29.94", "score": "2.99"}
    r = check(make(funds=(_fund(**bad), _fund("市县区财政资金", **bad)), total_score="81.99"))
    f = only(r, "E-diagnosis")
    assert len(f) == 1 and f[0].severity is Severity.WARNING
    assert f[0].fix == Place(T, "资金总额", "全年执行数") and f[0].fix_value == D("10.48")
    assert f[0].place == f[0].fix


def test_diagnosis_silent_on_one_failure() -> None:
    r = check(with_funds(balance="21"))
    assert not only(r, "E-diagnosis")


def test_diagnosis_without_single_fix_is_info() -> None:
    # balance, rate and score all wrong in unrelated ways: no single cell repairs it
    r = check(with_funds(balance="50", rate="10.00", score="3.00"))
    f = only(r, "E-diagnosis")
    assert len(f) == 1 and f[0].severity is Severity.INFO and f[0].fix is None


# -- E-score-range ----------------------------------------------------------------------------


def test_score_above_weight() -> None:
    r = check(with_indicator(0, score="25"))
    f = only(r, "E-score-range")
    assert len(f) == 1 and f[0].place == Place(T, "验收项目数", "得分")


def test_negative_score() -> None:
    r = check(with_indicator(1, score="-1"))
    assert only(r, "E-score-range")


def test_fund_score_above_weight() -> None:
    r = check(with_funds(score="12"))
    assert only(r, "E-score-range")


# -- E-total / E-grade -------------------------------------------------------------------------


def test_total_fires() -> None:
    r = check(make(total_score="88"))
    f = only(r, "E-total")
    assert len(f) == 1 and f[0].place == Place(T, "总分", "得分")
    assert (f[0].expected, f[0].actual) == (D(87), D(88))


def test_total_with_blank_scores_counts_zero() -> None:
    inds = [attrs.evolve(i, score=None) for i in _indicators()]
    ev = make(indicators=tuple(inds), total_score="8", grade="差")
    assert not only(check(ev), "E-total")


def test_grade_fires_and_edges() -> None:
    r = check(make(grade="优"))
    f = only(r, "E-grade")
    assert len(f) == 1 and f[0].place == Place(T, "总分", "等级")
    # 80 is 良 (lower bound inclusive)
    inds = _indicators()
    inds[4] = attrs.evolve(inds[4], score="13")  # 部分达成 13/30 is out of band: a warning
    ev = make(indicators=tuple(inds), total_score="80", grade="良")
    assert not only(check(ev), "E-grade")
    assert only(check(attrs.evolve(ev, grade="中")), "E-grade")
    assert not only(check(attrs.evolve(ev, grade=None)), "E-grade")


# -- E-weights / E-weights-level1 ----------------------------------------------------------------


def test_weights_sum_to_100() -> None:
    r = check(with_indicator(0, weight="25"))
    f = only(r, "E-weights")
    assert len(f) == 1 and f[0].place == Place(T, "总分", "分值")
    assert (f[0].expected, f[0].actual) == (D(105), D(100))


def test_level1_weights() -> None:
    # 产出 55, 效益 25: still 100 in all, but not the 50/30 of the scheme
    inds = _indicators()
    inds[0] = attrs.evolve(inds[0], weight="25", score="25")
    inds[4] = attrs.evolve(inds[4], weight="25", score="17")
    r = check(make(indicators=tuple(inds), total_score="89"))
    rows = {f.row for f in only(r, "E-weights-level1")}
    assert rows == {"产出指标", "效益指标"}
    assert not only(r, "E-weights")


def test_level1_without_satisfaction_moves_weight_to_benefit() -> None:
    inds = _indicators()
    inds[4] = attrs.evolve(inds[4], weight="40", score="30")
    ev = make(indicators=tuple(inds[:5]), total_score="87")
    assert list(check(ev)) == []


def test_level1_unknown_names_skip_the_check() -> None:
    inds = [attrs.evolve(i, level1="成本指标") if i.level2 == "成本指标" else i
            for i in _indicators()]
    assert not only(check(make(indicators=tuple(inds))), "E-weights-level1")


def test_level1_hubei() -> None:
    r = check(make(), extra={"scheme": HUBEI})
    assert len(only(r, "E-weights-level1")) == 2  # 执行率 10 ≠ 20; 产出 50 ≠ 40


# -- E-qualitative ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("score", "fires"),
    [("18", False), ("23.99", False), ("24", False), ("24.01", True), ("17.99", True),
     ("0", True), (None, True)],
)
def test_qualitative_band_edges(score: str | None, fires: bool) -> None:
    # 部分达成, 分值 30: [18, 24], closed at both ends (24 is on the edge: not outside)
    inds = _indicators()
    inds[4] = attrs.evolve(inds[4], score=score)
    ev = make(indicators=tuple(inds), total_score=None, grade=None)
    f = only(check(ev), "E-qualitative")
    assert bool(f) is fires
    if fires:
        assert f[0].severity is Severity.WARNING
        assert f[0].place == Place(T, "服务改善", "得分")
        assert f[0].cells == (Place(T, "服务改善", "得分"),)
        assert "服务改善" in f[0].message and "[18.00, 24.00]" in f[0].message


def test_qualitative_achieved_edge_80_percent() -> None:
    # 达成, 分值 10: 8 is in the band, 7.99 is not
    assert not only(check(with_indicator(1, score="8")), "E-qualitative")
    assert only(check(with_indicator(1, score="7.99")), "E-qualitative")


def test_qualitative_older_bands() -> None:
    inds = _indicators()
    inds[4] = attrs.evolve(inds[4], score="15")  # 50 % of 30
    ev = make(indicators=tuple(inds), total_score="82")
    assert only(check(ev), "E-qualitative")
    assert not only(check(ev, extra={"scheme": PRE_2020}), "E-qualitative")


def test_qualitative_ignores_unrecognised_text() -> None:
    ev = with_indicator(4, actual="基本完成", score="1")
    assert not only(check(ev), "E-qualitative")


# -- E-quantitative ------------------------------------------------------------------------------


def test_quantitative_positive() -> None:
    ev = with_indicator(0, actual="5个", score="20")
    f = only(check(ev), "E-quantitative")
    assert len(f) == 1 and f[0].expected == D("10.00") and f[0].severity is Severity.WARNING
    ev = make(indicators=tuple(attrs.evolve(i, actual="5个", score="10") if k == 0 else i
                               for k, i in enumerate(_indicators())), total_score="77",
              grade="中")
    assert list(check(ev)) == []


def test_quantitative_negative_formula_selectable() -> None:
    # ≤2小时, actual 3小时: linear gives 5, ratio 6.67
    ev = with_indicator(2, actual="3小时", score="5")
    assert not only(check(ev), "E-quantitative")
    f = only(check(ev, extra={"scheme": PRE_2020}), "E-quantitative")
    assert len(f) == 1 and f[0].expected == D("6.67")


def test_quantitative_equal_and_tolerance() -> None:
    # =100 %, actual 50 %: 5 of 10; the printed score is compared to 0.01
    assert only(check(with_indicator(3, actual="50%", score="5.00")), "E-quantitative") == ()
    assert only(check(with_indicator(3, actual="50%", score="5.01")), "E-quantitative")


def test_quantitative_unit_mismatch_is_info() -> None:
    r = check(with_indicator(0, actual="10台"))
    f = only(r, "E-quantitative")
    assert len(f) == 1 and f[0].severity is Severity.INFO


# -- options -------------------------------------------------------------------------------------


def test_severity_override_and_ignore() -> None:
    ev = with_funds(balance="21")
    r = check(ev, severity={"E-balance": Severity.WARNING})
    assert only(r, "E-balance")[0].severity is Severity.WARNING
    assert not only(check(ev, ignore=("E-balance",)), "E-balance")


def test_custom_scheme_object() -> None:
    strict = attrs.evolve(MOF_2020, name="strict", total=D(90))
    assert isinstance(strict, ScoringScheme)
    r = check(make(), extra={"scheme": strict})
    assert ids(r) == ["E-weights"]


def test_unknown_scheme_name() -> None:
    with pytest.raises(KeyError, match="unknown scoring scheme"):
        check(make(), extra={"scheme": "nowhere"})
