"""The 绩效自评 model: indicator value parsing, outcome phrases, validators, cells."""

from __future__ import annotations

from decimal import Decimal

import attrs
import golden
import pytest
from seed_evaluations import seed_evaluation, seed_evaluations

from govfin.amounts import AmountError
from govfin.findings import Place
from govfin.performance import (
    Direction,
    FundLine,
    Indicator,
    Outcome,
    ProjectEvaluation,
    Target,
    classify_outcome,
    parse_actual,
    parse_target,
)
from govfin.serialize import from_json, structure, to_json, unstructure

D = Decimal

# -- targets ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "op", "number", "unit"),
    [
        ("≥95%", "≥", "95", "%"),
        ("=7人", "=", "7", "人"),
        ("≤2小时", "≤", "2", "小时"),
        ("≥10台(套)", "≥", "10", "台(套)"),
        ("≥10台（套）", "≥", "10", "台(套)"),  # full-width brackets normalised
        (">=95.5%", "≥", "95.5", "%"),
        ("≦ 5 %", "≤", "5", "%"),
        ("=365天", "=", "365", "天"),
        ("≥1壹", "≥", "1", "壹"),  # 壹 sits in the unit position (cf. the residue "≥壹")
        ("≥0壹", "≥", "0", "壹"),
        ("≥1,000元", "≥", "1000", "元"),
        (">3次", ">", "3", "次"),
    ],
)
def test_parse_quantitative_target(text: str, op: str, number: str, unit: str) -> None:
    t = parse_target(text)
    assert t == Target(op, D(number), unit, text)
    assert not t.residue


@pytest.mark.parametrize("text", ["≥%", "=人", "≤小时", "≥种", "≥壹"])
def test_template_residue(text: str) -> None:
    t = parse_target(text)
    assert t is not None and t.residue and t.number is None
    assert t.op == text[0]


@pytest.mark.parametrize(
    "text",
    ["及时", "保障", "有效", "控制在年度预算指标内", "列区年度", "控制在年度预算", "1年", "2024年",
     "24年9月30日", "≤4年9月30日", "", "  ", "≥", "按月定时发放", "≥95%的项目按期完成并通过验收"],
)
def test_qualitative_targets(text: str) -> None:
    assert parse_target(text) is None


def test_parse_actual_operator_optional() -> None:
    assert parse_actual("≥80%") == Target("≥", D(80), "%", "≥80%")
    assert parse_actual("95%") == Target(None, D(95), "%", "95%")
    assert parse_actual("1年") == Target(None, D(1), "年", "1年")
    assert parse_actual("达成预期指标") is None
    assert parse_actual("24年9月30日") is None
    assert parse_actual("") is None


def test_target_direction_and_str() -> None:
    assert parse_target("≥95%").direction is Direction.POSITIVE  # type: ignore[union-attr]
    assert parse_target(">3次").direction is Direction.POSITIVE  # type: ignore[union-attr]
    assert parse_target("≤5%").direction is Direction.NEGATIVE  # type: ignore[union-attr]
    assert parse_target("=7人").direction is Direction.EQUAL  # type: ignore[union-attr]
    assert parse_actual("95%").direction is None  # type: ignore[union-attr]
    assert str(parse_target("≥10台(套)")) == "≥10台(套)"
    assert str(parse_target("≥%")) == "≥%"


def test_parse_target_rejects_non_text() -> None:
    with pytest.raises(TypeError):
        parse_target(95)  # type: ignore[arg-type]


# -- outcomes -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        ("达成预期指标", Outcome.ACHIEVED),
        ("达成年度指标", Outcome.ACHIEVED),
        ("完成预期指标", Outcome.ACHIEVED),
        ("部分达成预期指标并具有一定效果", Outcome.PARTIAL),
        ("部分达成年度指标并具有一定效果", Outcome.PARTIAL),
        ("期指标并具", Outcome.PARTIAL),
        ("达成预期指标并具", Outcome.PARTIAL),  # truncated 部分达成…, not 达成
        ("按期指并具", Outcome.PARTIAL),
        ("预期指标并具", Outcome.PARTIAL),
        ("指标并具", Outcome.PARTIAL),
        ("未达成预期指标且效果较差", Outcome.NOT_ACHIEVED),
        ("未达成年度指标且效果较差", Outcome.NOT_ACHIEVED),
        ("未完成预期指标且效果较差", Outcome.NOT_ACHIEVED),
        ("预期指标且对", Outcome.NOT_ACHIEVED),
        ("预期指标且为", Outcome.NOT_ACHIEVED),
        ("预期指标且", Outcome.NOT_ACHIEVED),
        ("达成预期指标。", Outcome.ACHIEVED),
    ],
)
def test_classify_outcome(text: str, outcome: Outcome) -> None:
    assert classify_outcome(text) is outcome


@pytest.mark.parametrize("text", ["", "≥95%", "及时", "基本完成年度目标", "正常"])
def test_classify_outcome_unknown(text: str) -> None:
    assert classify_outcome(text) is None


# -- model ----------------------------------------------------------------------------------


def test_fund_line_money_precision() -> None:
    line = FundLine("资金总额:", declared="0", initial_budget="35", annual_budget=D(35),
                    executed="10.45", balance="24.52", rate="29.94", score="2.99")
    assert line.source == "资金总额" and line.is_total
    assert line.annual_budget == D("35.000")
    assert line.weight == D(10)
    with pytest.raises(TypeError):
        FundLine("资金总额", executed=10.45)
    with pytest.raises(ValueError, match="more decimals"):
        FundLine("资金总额", executed="10.4501")
    with pytest.raises(ValueError, match="more decimals"):
        FundLine("资金总额", rate="29.943")
    with pytest.raises(AmountError):
        FundLine("资金总额", executed="十")
    with pytest.raises(ValueError):
        FundLine("")
    with pytest.raises(ValueError):
        FundLine("资金总额", weight="-1")
    with pytest.raises(ValueError):
        FundLine("资金总额", weight=None)


def test_rates_and_scores_kept_to_cents() -> None:
    # 执行率 and every score (得分, 分值, 总分) to 0.01, whatever digits are printed
    line = FundLine("资金总额", rate="100", score="10", weight="10")
    assert line.score == D("10.00") and line.rate == D("100.00")
    for field in ("score", "weight"):
        with pytest.raises(ValueError, match="more decimals"):
            FundLine("资金总额", **{field: "2.991"})
    for field in ("score", "weight"):
        with pytest.raises(ValueError, match="more decimals"):
            Indicator("产出指标", **{field: "5.001"})
    with pytest.raises(ValueError, match="more decimals"):
        ProjectEvaluation("p", total_score="59.991")
    with pytest.raises(TypeError):
        Indicator("产出指标", score=5.0)
    ev = ProjectEvaluation("p", funds=[line], total_score="59.99")
    assert [c.unit for c in (ev.fund_cell(line, "executed"), ev.fund_cell(line, "rate"),
                             ev.fund_cell(line, "score"), ev.total_cell())] == [
        D("0.001"), D("0.01"), D("0.01"), D("0.01")
    ]  # fmt: skip


def test_indicator_fields() -> None:
    ind = Indicator("产出指标", "数量指标", "购置种类", "≥种", "≥5种", "≥5种", weight="20", score="20")
    assert ind.name == "购置种类"
    assert ind.parsed_target == Target("≥", D(5), "种", "≥5种")
    assert ind.parsed_actual == Target("≥", D(5), "种", "≥5种")
    assert ind.quantitative and ind.outcome is None
    # quantities: (target, actual) parsed once; an actual printed as the target parses alike
    assert ind.quantities == (ind.parsed_target, ind.parsed_actual)
    for target, actual in [("≥95%", "≥95%"), ("≤10天", "8天"), ("≥3次", "2次"), ("=100%", "100%")]:
        ind = Indicator("x", target=target, actual=actual)
        assert ind.quantities == (parse_target(target), parse_actual(actual))
    assert Indicator("x", target="≥95%", actual="较好").quantities is None
    assert Indicator("x", target="高", actual="95%").quantities is None
    qual = Indicator("产出指标", "质量指标", "活动质量", target="高", actual="期指标并具",
                     weight=10, score=5)
    assert not qual.quantitative and qual.outcome is Outcome.PARTIAL
    # target falls back to the 年初指标值; a residue cannot be scored
    assert Indicator("x", initial_value="≥3次", actual="2次").quantitative
    assert not Indicator("x", initial_value="≥%", target="", actual="≥0%").quantitative
    assert Indicator("满意度指标", "服务对象满意度").name == "服务对象满意度"
    assert Indicator("x", note="达成年度指标").outcome is Outcome.ACHIEVED
    with pytest.raises(TypeError):
        Indicator("x", weight=20.0)
    with pytest.raises(ValueError):
        Indicator("x", weight="-5")
    with pytest.raises(TypeError):
        Indicator("x", target=95)


def test_project_evaluation_validation() -> None:
    with pytest.raises(ValueError):
        ProjectEvaluation("")
    with pytest.raises(TypeError):
        ProjectEvaluation("p", funds=[Indicator("x")])  # type: ignore[list-item]
    with pytest.raises(TypeError):
        ProjectEvaluation("p", indicators="abc")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        ProjectEvaluation("p", year="2024")
    with pytest.raises(TypeError):
        ProjectEvaluation("p", total_score=59.99)
    ev = ProjectEvaluation("p", funds=[FundLine("资金总额")], indicators=[Indicator("产出指标")],
                           grade=" 差 ", department="")
    assert isinstance(ev.funds, tuple) and isinstance(ev.indicators, tuple)
    assert ev.grade == "差" and ev.department is None


def test_places_and_cells() -> None:
    ev = seed_evaluation("办公用品")
    assert ev.table == "项目支出绩效自评表:办公用品"
    line = ev.funds[0]
    cell = ev.fund_cell(line, "rate")
    assert cell.place == Place("项目支出绩效自评表:办公用品", "资金总额", "执行率")
    assert cell.place.line == line.line == golden.fund_line("办公用品")
    assert (cell.value, cell.unit) == (D("29.94"), D("0.01"))
    assert ev.fund_cell(line, "executed").unit == D("0.001")
    ind = ev.indicators[1]
    assert ev.indicator_cell(ind, "score").place == Place(ev.table, "办公用品日常例", "得分")
    assert ev.total_cell().place == Place(ev.table, "总分", "得分")
    assert ev.grade_place() == Place(ev.table, "总分", "等级")
    assert ev.total_line is line and ev.sources == ev.funds[1:]
    assert ev.indicator_total == D(57)
    assert ev.weight_total == D(100)
    with pytest.raises(KeyError):
        ev.fund_cell(line, "source")
    with pytest.raises(KeyError):
        ev.indicator_cell(ind, "target")


def test_line_is_not_part_of_equality() -> None:
    ev = seed_evaluation("会议费")
    assert attrs.evolve(ev, line=None) == ev


def test_serialization_round_trip() -> None:
    for ev in seed_evaluations():
        assert from_json(to_json(ev), ProjectEvaluation) == ev
    data = unstructure(seed_evaluation("差旅费"))
    assert data["funds"][0]["executed"] == "0.944"
    assert structure(data, ProjectEvaluation) == seed_evaluation("差旅费")


def test_seed_values_parse_as_expected() -> None:
    # every quantitative seed indicator has a target and an actual in the same unit
    for ev in seed_evaluations():
        for ind in ev.indicators:
            if ind.quantitative:
                t, a = ind.parsed_target, ind.parsed_actual
                assert t is not None and a is not None and t.unit == a.unit, ind
    # and every other indicator prints a recognised outcome
    for ev in seed_evaluations():
        for ind in ev.indicators:
            if not ind.quantitative:
                assert ind.outcome is not None, (ev.project, ind.name)
