"""Scoring schemes, fund-line diagnosis and the department summary."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest
from seed_evaluations import seed_evaluation

from govfin.amounts import Interval, Tolerance, ToleranceMode
from govfin.performance import (
    BANDS_2020,
    HUBEI,
    JIANGXI,
    MOF_2020,
    PRE_2020,
    SCHEMES,
    SICHUAN,
    ClaimedSummary,
    Correction,
    ExecutionScoring,
    FundLine,
    GradeBands,
    Level1Weight,
    NegativeFormula,
    Outcome,
    ProjectEvaluation,
    QualitativeBands,
    claims_from_text,
    compare_claims,
    diagnose,
    fund_relations,
    rate_interval,
    resolve_scheme,
    summarize,
)

D = Decimal

# -- schemes ------------------------------------------------------------------------------------


def test_default_scheme_is_mof_2020() -> None:
    assert resolve_scheme(None) is MOF_2020
    assert resolve_scheme("mof-2020") is MOF_2020
    assert resolve_scheme(JIANGXI) is JIANGXI
    assert set(SCHEMES) == {"mof-2020", "pre-2020", "jiangxi", "hubei", "sichuan"}
    with pytest.raises(KeyError):
        resolve_scheme("guangxi")
    with pytest.raises(TypeError):
        resolve_scheme(10)


def test_mof_2020_data() -> None:
    s = MOF_2020
    assert s.execution_weight == 10 and s.total == 100
    assert [(g.names, g.weight) for g in s.level1] == [
        (("产出指标",), D(50)), (("效益指标",), D(30)), (("满意度指标",), D(10))]
    assert s.negative is NegativeFormula.LINEAR_DEVIATION
    assert s.bands is BANDS_2020
    assert s.grades.labels == ("优", "良", "中", "差")
    assert s.source


def test_variants_differ_where_documented() -> None:
    assert PRE_2020.negative is NegativeFormula.RATIO and PRE_2020.bands.partial == D("0.5")
    assert JIANGXI.execution.kind == "tiered"
    assert JIANGXI.execution_score(D("85")) == D("7.00")
    assert MOF_2020.execution_score(D("85")) == D("8.50")
    assert HUBEI.execution_weight == 20
    assert HUBEI.execution_score(D("85")) == D("17.00")
    assert [g.weight for g in HUBEI.level1] == [40, 40]
    assert SICHUAN.known_level1() >= {"产出指标", "成本指标"}


def test_schemes_are_frozen_data() -> None:
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        MOF_2020.total = D(90)  # type: ignore[misc]
    assert hash(Level1Weight("产出指标", 50)) == hash(Level1Weight(("产出指标",), 50))


def test_expected_level1_moves_satisfaction_weight() -> None:
    full = MOF_2020.expected_level1(["产出指标", "效益指标", "满意度指标"])
    assert [g.weight for g in full] == [50, 30, 10]
    moved = MOF_2020.expected_level1(["产出指标", "效益指标"])
    assert [(g.names, g.weight) for g in moved] == [(("产出指标",), D(50)), (("效益指标",), D(40))]
    assert [g.weight for g in HUBEI.expected_level1(["产出指标", "效益指标"])] == [40, 40]


def test_execution_scoring_validation_and_attainable() -> None:
    with pytest.raises(ValueError):
        ExecutionScoring("stepped")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        ExecutionScoring("tiered")
    with pytest.raises(TypeError):
        ExecutionScoring("tiered", ((100, 1.0),))
    lin = ExecutionScoring()
    assert lin.attainable(Interval(D("25.875"), D("25.885")), D(10)) == (
        Interval(D("2.5875"), D("2.5885")),)
    tiers = JIANGXI.execution
    assert tiers.attainable(Interval(D("79.995"), D("80.005")), D(10)) == (
        Interval(D("5.0"), D("5.0")), Interval(D("7.0"), D("7.0")))


def test_band_and_grade_validation() -> None:
    with pytest.raises(ValueError):
        QualitativeBands("bad", "0.5", "0.8")
    with pytest.raises(TypeError):
        QualitativeBands("bad", 0.8, "0.6")
    g = GradeBands([(60, "合格"), (90, "优秀")], floor="不合格")
    assert g.labels == ("优秀", "合格", "不合格")
    assert (g.grade(D(95)), g.grade(D(60)), g.grade(D("59.99"))) == ("优秀", "合格", "不合格")
    assert BANDS_2020.outcome_of(D(8), D(10)) is Outcome.ACHIEVED
    assert BANDS_2020.outcome_of(D("7.99"), D(10)) is Outcome.PARTIAL


# -- diagnosis ----------------------------------------------------------------------------------


def test_rate_interval() -> None:
    iv = rate_interval(D("0.749"), D(2))
    assert iv is not None and iv.meets(Interval(D("37.455"), D("37.465")))
    assert rate_interval(D(1), D(0)) is None
    assert rate_interval(None, D(1)) is None
    exact = rate_interval(D("0.749"), D(2), ToleranceMode.EXACT)
    assert exact == Interval(D("37.45"), D("37.45"))


def test_diagnose_bangong_yongpin() -> None:
    d = diagnose(seed_evaluation("办公用品").funds[0])
    assert [r.name for r in d.failing] == ["资金结余", "执行率"]
    assert d.cells == ("executed",)
    assert d.unique == Correction("executed", D("10.48"))
    assert str(d.unique) == "全年执行数 = 10.480"
    # 35 × 29.94 % = 10.479 also passes within the tolerance; the exact relation comes first
    assert Correction("executed", D("10.479")) in d.corrections


def test_diagnose_diannao_haocai() -> None:
    d = diagnose(seed_evaluation("电脑耗材").funds[0])
    assert [r.name for r in d.failing] == ["执行率", "得分←执行率"]
    assert d.unique == Correction("rate", D("25.88"))


def test_diagnose_consistent_lines() -> None:
    for name in ("保密系统维护费", "会议费", "保密办经费", "党委督查室经费"):
        d = diagnose(seed_evaluation(name).funds[0])
        assert d.failing == () and d.corrections == () and d.unique is None


def test_diagnose_ambiguous_and_absolute_tolerance() -> None:
    # only the balance is wrong: the balance itself is the one fix
    line = FundLine("资金总额", annual_budget="10", executed="5", balance="6", rate="50.00",
                    score="5.00")
    d = diagnose(line)
    assert d.unique == Correction("balance", D(5))
    # an absolute tolerance of 1 万元 accepts the balance
    assert all(r.consistent for r in fund_relations(line, tolerance=Tolerance(absolute=D(1))))


def test_diagnose_scheme_matters() -> None:
    line = FundLine("资金总额", annual_budget="10", executed="8.5", balance="1.5", rate="85.00",
                    score="7.00")
    assert not diagnose(line, JIANGXI).failing
    assert [r.name for r in diagnose(line).failing] == ["得分", "得分←执行率"]
    assert diagnose(line).unique == Correction("score", D("8.50"))


# -- summary ------------------------------------------------------------------------------------


def test_summary_of_nothing() -> None:
    s = summarize([])
    assert s.count == 0 and s.mean_score is None and s.funds == 0
    assert dict(s.by_grade) == {"优": 0, "良": 0, "中": 0, "差": 0}


def test_summary_uses_computed_grade_when_none_printed() -> None:
    ev = attrs.evolve(seed_evaluation("会议费"), grade=None)
    s = summarize([ev, ProjectEvaluation("空表")])
    assert s.by_grade["差"] == 1 and s.count == 2 and s.mean_score == D("59.21")
    assert s.below == ("会议费",)


def test_claims_from_text_variants() -> None:
    c = claims_from_text("本年度绩效自评项目共10个，涉及项目资金合计1,234.5万元，其中8个项目自评等级为“优”，"
                         "2个项目自评结果为良，平均得分91.2分。")
    assert c.count == 10 and c.funds == D("1234.5")
    assert dict(c.by_grade) == {"优": 8, "良": 2}
    assert c.mean_score == D("91.2")
    assert claims_from_text("无") == ClaimedSummary()


def test_compare_claims_tolerance_follows_printed_digits() -> None:
    s = summarize([seed_evaluation("会议费"), seed_evaluation("印刷费")])  # funds 33, mean 58.615
    assert compare_claims(s, ClaimedSummary(count=2, funds=D("33"))) == ()
    assert compare_claims(s, ClaimedSummary(funds=D("33.4"))) != ()
    assert compare_claims(s, ClaimedSummary(mean_score=D("58.6"))) == ()
    (m,) = compare_claims(s, ClaimedSummary(mean_score=D("60")))
    assert (m.field, str(m)) == ("mean_score", "mean_score: claimed 60, the tables give 58.62")
    assert compare_claims(s, ClaimedSummary(by_grade={"差": 2, "优": 0})) == ()
    with pytest.raises(TypeError):
        ClaimedSummary(funds=205.0)
    with pytest.raises(TypeError):
        ClaimedSummary(by_grade={"优": "6"})  # type: ignore[dict-item]
