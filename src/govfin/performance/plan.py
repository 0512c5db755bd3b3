"""项目支出绩效目标表 (performance targets of a budget) as typed values: the 自评表's budget twin.

One :class:`ProjectPlan` per printed table (Shanghai prints it as 财政项目支出绩效目标填报表):
the header (项目名称, 项目性质, 项目类别, 主管部门, 实施单位, 计划开始/完成日期), the project's
money (:class:`PlanFunds`), 项目总目标 and 年度总体目标, and the indicators
(:class:`PlanIndicator`: 一级/二级/三级指标 and 年度(/项目)指标值, verbatim).

The money block, as the 2023 Shanghai Putuo 万里街道 budget prints it (元, two decimals), is two
columns: on the left 项目资金总额 with 其中：财政资金 and 其他资金; on the right 年度资金申请总额
with 其中：当年财政拨款, 上年结转资金 and 其他资金.  Rules (``BP-*``, in
:mod:`govfin.rules.budget`; check a plan with ``govfin.check(plan)``):

- ``BP-1`` 项目资金总额 = 财政资金 + 其他资金;
- ``BP-2`` 年度资金申请总额 = 当年财政拨款 + 上年结转资金 + 其他资金;
- ``BP-3`` 年度资金申请总额 ≤ 项目资金总额 (a warning: a form may print the year's figure in both).

>>> p = ProjectPlan("就业援助基地补贴", funds=PlanFunds(project_total=Decimal("6351000.00")))
>>> p.funds.project_total
Decimal('6351000.00')
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

import attrs

from govfin._lazy import frozen
from govfin.amounts import Unit, to_decimal
from govfin.errors import ArgumentTypeError
from govfin.findings import Cell, Place
from govfin.performance.targets import Target, parse_target

__all__ = ["PLAN_FUND_LABELS", "PLAN_PREFIX", "PlanFunds", "PlanIndicator", "ProjectPlan"]

#: Table label prefix of a plan's findings: ``f"{PLAN_PREFIX}:{project}"``.
PLAN_PREFIX = "项目支出绩效目标表"
#: Last place of the money of a plan (元 to the 分, as printed).
PLAN_MONEY_UNIT = Decimal("0.01")

#: PlanFunds attribute -> printed label.
PLAN_FUND_LABELS: dict[str, str] = {
    "project_total": "项目资金总额",
    "project_fiscal": "其中：财政资金",
    "project_other": "其他资金",
    "annual_total": "年度资金申请总额",
    "annual_appropriation": "其中：当年财政拨款",
    "annual_carried_over": "上年结转资金",
    "annual_other": "其他资金（年度）",
}


def _money(value: object) -> Decimal | None:
    return to_decimal(value, where="项目支出绩效目标表 money")


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise ArgumentTypeError(f"expected text, got {type(value).__name__}")
    return value


def _optional_text(value: object) -> str | None:
    return None if value is None else _text(value)


@frozen
class PlanFunds:
    """项目资金: the project's total and the year's request, each with its sources."""

    project_total: Decimal | None = attrs.field(default=None, converter=_money)
    project_fiscal: Decimal | None = attrs.field(default=None, converter=_money)
    project_other: Decimal | None = attrs.field(default=None, converter=_money)
    annual_total: Decimal | None = attrs.field(default=None, converter=_money)
    annual_appropriation: Decimal | None = attrs.field(default=None, converter=_money)
    annual_carried_over: Decimal | None = attrs.field(default=None, converter=_money)
    annual_other: Decimal | None = attrs.field(default=None, converter=_money)
    unit: Unit = Unit.YUAN
    line: int | None = attrs.field(default=None, eq=False)


@frozen
class PlanIndicator:
    """One 绩效指标 row of a plan: 一级/二级/三级指标 and the 年度(/项目)指标值, as printed."""

    level1: str = attrs.field(converter=_text)
    level2: str = attrs.field(default="", converter=_text)
    level3: str = attrs.field(default="", converter=_text)
    value: str = attrs.field(default="", converter=_text)
    line: int | None = attrs.field(default=None, eq=False)

    @property
    def name(self) -> str:
        return self.level3 or self.level2 or self.level1

    @property
    def target(self) -> Target | None:
        """The value as operator/number/unit (``"≥80.00(%)"``), or None when qualitative."""
        return parse_target(self.value)


def _indicators(value: Iterable[PlanIndicator]) -> tuple[PlanIndicator, ...]:
    items = tuple(value)
    for i in items:
        if not isinstance(i, PlanIndicator):
            raise ArgumentTypeError(f"expected PlanIndicator, got {type(i).__name__}")
    return items


@frozen
class ProjectPlan:
    """One 项目支出绩效目标表."""

    project: str = attrs.field(converter=_text)
    year: int | None = None
    nature: str | None = attrs.field(default=None, converter=_optional_text)  # 项目性质
    category: str | None = attrs.field(default=None, converter=_optional_text)  # 项目类别
    department: str | None = attrs.field(default=None, converter=_optional_text)  # 主管部门
    implementer: str | None = attrs.field(default=None, converter=_optional_text)  # 实施单位
    start: str | None = attrs.field(default=None, converter=_optional_text)  # 计划开始日期
    end: str | None = attrs.field(default=None, converter=_optional_text)  # 计划完成日期
    funds: PlanFunds = PlanFunds()
    overall_goal: str = attrs.field(default="", converter=_text)  # 项目总目标
    annual_goal: str = attrs.field(default="", converter=_text)  # 年度总体目标
    indicators: tuple[PlanIndicator, ...] = attrs.field(default=(), converter=_indicators)
    title: str | None = None
    line: int | None = attrs.field(default=None, eq=False)

    @property
    def table(self) -> str:
        """The table label of this plan's findings."""
        return f"{PLAN_PREFIX}:{self.project}"

    def cell(self, attribute: str) -> Cell:
        """A money cell of the plan (last place 0.01 in its unit)."""
        label = PLAN_FUND_LABELS[attribute]
        return Cell(Place(self.table, label, "金额", self.funds.line),
                    getattr(self.funds, attribute), PLAN_MONEY_UNIT)

    def by_level(self) -> dict[str, list[PlanIndicator]]:
        """Indicators grouped by 一级指标, in printed order."""
        out: dict[str, list[PlanIndicator]] = {}
        for i in self.indicators:
            out.setdefault(i.level1, []).append(i)
        return out
