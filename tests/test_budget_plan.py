"""项目支出绩效目标表: the model, its reader on the real 2023 Shanghai pages, and BP-* rules."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from govfin.findings import Severity
from govfin.performance.plan import PlanFunds, PlanIndicator, ProjectPlan
from govfin.readers.lines import Line, LineKind, LogBuilder
from govfin.readers.plan import is_plan_title, read_plans
from govfin.rules import check

DATA = Path(__file__).parent / "data" / "budget" / "sh-putuo-wanlijiedao-2023-plans.tsv"


def _plans(strict: bool = False) -> tuple[list[ProjectPlan], LogBuilder, list[Line]]:
    text = DATA.read_text(encoding="utf-8")
    lines = [Line(n, t) for n, t in enumerate(text.splitlines(), 1)]
    log = LogBuilder(strict=strict)
    return read_plans(lines, log), log, lines


def test_titles() -> None:
    assert is_plan_title("财政项目支出绩效目标填报表")
    assert is_plan_title("项目支出绩效目标表")
    assert not is_plan_title("项目支出绩效自评表")


def test_reads_the_five_real_plans() -> None:
    plans, log, lines = _plans(strict=True)
    built = log.build()
    assert built.ok
    assert [p.project for p in plans] == ["新建万里街道社区公共服务中心", "就业援助基地补贴",
                                          "社区环境整治和建设经费", "各类工作经费",
                                          "公共服务设施运行经费"]
    assert all(p.year == 2023 for p in plans)
    # Every non-blank line is accounted for.
    assert not [ln for ln in lines if not ln.blank and built.kind_of(ln.number) is None]
    assert not built.unrecognised
    first = plans[0]
    assert first.nature == "阶段性项目" and first.category == "特定目标类"
    assert first.department == first.implementer == "上海市普陀区人民政府万里街道办事处"
    assert (first.start, first.end) == ("2023-01-01", "2023-12-31")
    assert first.funds.project_total == Decimal("4100000.00")
    assert first.funds.annual_carried_over == Decimal("0.00")
    assert first.overall_goal.startswith("建成后作为万里街道社区事务受理")
    assert first.annual_goal.startswith("建成后作为万里街道社区事务受理")
    assert next((i.level1, i.level2, i.level3, i.value) for i in first.indicators) == (
        "产出指标", "数量指标", "规划建筑面积", "≥13459.00(平方米)")
    target = first.indicators[0].target
    assert target is not None and target.number == Decimal("13459.00")
    # Merged 一级/二级 cells continue the row above.
    assert first.indicators[1].level1 == "产出指标" and first.indicators[1].level2 == "质量指标"
    assert first.indicators[-1].level2 == "服务对象满意度指标"
    # 各类工作经费: 数量 15, 质量 8, 社会效益 14, 满意度 6 (counted on page 34).
    assert [len(p.indicators) for p in plans] == [5, 4, 4, 15 + 8 + 14 + 6, 9]


def test_the_real_defect_of_the_fifth_plan_is_found() -> None:
    plans, _log, _lines = _plans()
    for p in plans[:4]:
        assert not [f for f in check(p).findings if f.severity is not Severity.INFO]
    findings = [f for f in check(plans[4]).findings if f.severity is Severity.ERROR]
    # 公共服务设施运行经费: 年度资金申请总额 10,903,043.00 but 其中：当年财政拨款 11,419,043.00.
    assert [f.rule_id for f in findings] == ["BP-2"]
    assert findings[0].difference == Decimal("-516000.00") or findings[0].difference == Decimal(
        "516000.00")
    assert findings[0].place is not None and findings[0].place.table.endswith("公共服务设施运行经费")


def test_model_validates() -> None:
    with pytest.raises(TypeError):
        PlanFunds(project_total=1.5)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        ProjectPlan("x", indicators=["not an indicator"])  # type: ignore[list-item]
    p = ProjectPlan("x", indicators=[PlanIndicator("产出指标", "数量指标", "a", "=1(个)"),
                                     PlanIndicator("效益指标", "社会效益指标", "b", "提升")])
    assert list(p.by_level()) == ["产出指标", "效益指标"]
    assert p.indicators[1].target is None


def test_bp_rules_on_built_plans() -> None:
    ok = ProjectPlan("x", funds=PlanFunds(project_total="10.00", project_fiscal="8.00",
                                          project_other="2.00", annual_total="10.00",
                                          annual_appropriation="9.00",
                                          annual_carried_over="1.00"))
    assert not check(ok).findings
    bad = ProjectPlan("x", funds=PlanFunds(project_total="10.00", project_fiscal="8.00",
                                           annual_total="12.00", annual_appropriation="12.00"))
    ids = {f.rule_id: f.severity for f in check(bad).findings}
    assert ids == {"BP-1": Severity.ERROR, "BP-3": Severity.WARNING}


def test_a_bad_amount_is_a_typed_error() -> None:
    lines = [Line(1, "财政项目支出绩效目标填报表"), Line(2, "项目名称\t\tx"),
             Line(3, "项目资金（元）\t\t项目资金总额\t\t4,1OO,000.00")]
    log = LogBuilder(strict=False)
    read_plans(lines, log)
    errors = log.build().errors
    assert errors and errors[0].line == 3
    assert log.build().kind_of(3) is LineKind.TABLE_CELL
