"""Tables whose rows are keyed by 支出功能分类科目 codes (类/款/项) under a 合计 row.

公开02 收入决算表, 公开03 支出决算表, 公开05 一般公共预算财政拨款支出决算表,
公开07 政府性基金预算财政拨款收入支出决算表, 公开08 国有资本经营预算财政拨款支出决算表.
Relations derived from the column layout of the 财政部 部门决算 templates (财决 tables).
Every money column also rolls up along the code tree (合计 = Σ类, 类 = Σ款, 款 = Σ项).

Other years' and regions' forms print "其中" columns under a column (基本支出 split into 人员经费
and 公用经费; 其中：政府性基金预算财政拨款 under 财政拨款收入; 其中：教育收费 under 事业收入): they are
the kinds' ``OPTIONAL_COLUMNS``, read where a header names them, with the relations the form
gives them (a 其中 column ≤ its parent; 基本支出 = 人员经费 + 公用经费 where both are printed).
"""

from __future__ import annotations

from typing import ClassVar

from govfin.findings import Severity
from govfin.tables.base import Rollup, RowBound, RowEquation, Table

__all__ = [
    "TOTAL",
    "ExpenditureTable",
    "FunctionalTable",
    "GeneralBudgetExpenditureTable",
    "GovernmentFundTable",
    "IncomeTable",
    "StateCapitalIncomeTable",
    "StateCapitalTable",
]

#: Key of the total row (合计) of a functional table.
TOTAL = "合计"

_BASIC_PROJECT = ("基本支出", "项目支出")
_OPTIONAL_CHANGED = (
    "2026 (years9): other years' forms print 其中 columns (人员经费/公用经费 under 基本支出, "
    "其中：… under 财政拨款收入 or 事业收入); they are read now, so their relations are judged"
)
#: 基本支出 printed split into its two parts (基本支出 小计 | 人员经费 | 公用经费): 基本支出 is
#: 人员经费 and 公用经费 (the 部门决算 templates' definition of 基本支出, 名词解释 of every 决算).
_BASIC_SPLIT = ("人员经费", "公用经费")


def _basic_is_personnel_plus_public(rule_id: str, table: str) -> RowEquation:
    """基本支出 = 人员经费 + 公用经费 on every row of a table printing both parts."""
    return RowEquation(
        rule_id,
        "基本支出 = 人员经费 + 公用经费（两列均印出时）",
        "basic expenditure = personnel + public expenses (where both are printed)",
        total="基本支出",
        plus=_BASIC_SPLIT,
        source=f"基本支出 split into 人员经费 and 公用经费 in {table}'s older forms ({rule_id})",
        changed=_OPTIONAL_CHANGED,
    )


def _total_is_basic_plus_project(rule_id: str) -> RowEquation:
    """R05-1 / R08-1: on every row, 合计 = 基本支出 + 项目支出."""
    return RowEquation(
        rule_id,
        "合计 = 基本支出 + 项目支出",
        "row total = basic + project expenditure",
        total="合计",
        plus=_BASIC_PROJECT,
        source=f"layout of 公开{rule_id[1:3]}表 ({rule_id})",
    )


class FunctionalTable(Table):
    """A table of 功能分类 rows (key = code) under a 合计 row (key ``"合计"``)."""

    #: Prefix of this kind's rule ids (``"R02"``); the code-tree rollup is ``"R02-tree"``.
    RULE_PREFIX: ClassVar[str] = ""

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        if cls.RULE_PREFIX and "ROLLUP" not in cls.__dict__:
            cls.ROLLUP = Rollup(
                f"{cls.RULE_PREFIX}-tree",
                "合计 = Σ类；类 = Σ款；款 = Σ项（每一金额列）",
                "along the code tree, in every column: total = Σ类, 类 = Σ款, 款 = Σ项",
                total=TOTAL,
                source="layout of 公开02表 (R02-3) (hierarchy)",
            )


class IncomeTable(FunctionalTable):
    """公开02 收入决算表: income by source, per functional code."""

    KIND = "收入决算表"
    TITLE_EN = "Income final accounts"
    NUMBER = "02"
    #: "收入决算总表": Shaanxi's county sets (柞水县审计局 2020 决算).
    TITLES = ("部门收入决算表", "单位收入决算表", "收入决算总表")
    RULE_PREFIX = "R02"
    COLUMNS = (
        "本年收入合计",
        "财政拨款收入",
        "上级补助收入",
        "事业收入",
        "经营收入",
        "附属单位上缴收入",
        "其他收入",
    )
    #: The sources other than 财政拨款; 公开01 prints an income line of each name.
    OTHER_SOURCES = COLUMNS[2:]
    #: "其中" columns of older forms: 政府性基金预算财政拨款 under 财政拨款收入 (printed
    #: "其中：政府性基金预算财政拨款"), 教育收费 under 事业收入 (tests/data/headers/headers.tsv).
    OPTIONAL_COLUMNS = ("政府性基金预算财政拨款", "教育收费")
    ROW_BOUNDS = (
        RowBound(
            "R02-2",
            "其中列不超过其所属列（其中：政府性基金预算财政拨款 ≤ 财政拨款收入）",
            "a 其中 column within its parent (government fund appropriation ≤ appropriations)",
            part="政府性基金预算财政拨款",
            whole="财政拨款收入",
            source="其中 column of 公开02表's older forms (R02-2)",
            changed=_OPTIONAL_CHANGED,
        ),
        RowBound(
            "R02-2",
            "其中列不超过其所属列（其中：教育收费 ≤ 事业收入）",
            "a 其中 column within its parent (tuition fees ≤ public-service income)",
            part="教育收费",
            whole="事业收入",
            source="其中 column of 公开02表's older forms (R02-2)",
            changed=_OPTIONAL_CHANGED,
        ),
    )
    ROW_EQUATIONS = (
        RowEquation(
            "R02-1",
            "本年收入合计 = 各收入来源之和",
            "row total income = sum of the income sources",
            total="本年收入合计",
            plus=COLUMNS[1:],
            source="layout of 公开02表 (R02-1)",
        ),
    )


class ExpenditureTable(FunctionalTable):
    """公开03 支出决算表: expenditure by purpose, per functional code."""

    KIND = "支出决算表"
    TITLE_EN = "Expenditure final accounts"
    NUMBER = "03"
    #: "支出决算总表": Shaanxi's county sets (柞水县审计局 2020 决算).
    TITLES = ("部门支出决算表", "单位支出决算表", "支出决算总表")
    RULE_PREFIX = "R03"
    COLUMNS = (
        "本年支出合计",
        "基本支出",
        "项目支出",
        "上缴上级支出",
        "经营支出",
        "对附属单位补助支出",
    )
    ROW_EQUATIONS = (
        RowEquation(
            "R03-1",
            "本年支出合计 = 基本支出 + 项目支出 + 上缴上级支出 + 经营支出 + 对附属单位补助支出",
            "row total expenditure = basic + project + remitted + business + subsidies",
            total="本年支出合计",
            plus=COLUMNS[1:],
            source="layout of 公开03表 (R03-1)",
        ),
        _basic_is_personnel_plus_public("R03-2", "公开03表"),
    )
    OPTIONAL_COLUMNS = _BASIC_SPLIT


class GeneralBudgetExpenditureTable(FunctionalTable):
    """公开05 一般公共预算财政拨款支出决算表."""

    KIND = "一般公共预算财政拨款支出决算表"
    TITLES = ("一般公共预算财政拨款支出决算表（按功能分类）",)
    TITLE_EN = "General public budget appropriation expenditure"
    NUMBER = "05"
    RULE_PREFIX = "R05"
    COLUMNS = ("合计", *_BASIC_PROJECT)
    #: 基本支出 printed as 小计 | 人员经费 | 公用经费 (older and regional forms).
    OPTIONAL_COLUMNS = _BASIC_SPLIT
    ROW_EQUATIONS = (
        _total_is_basic_plus_project("R05-1"),
        _basic_is_personnel_plus_public("R05-2", "公开05表"),
    )


def _fund_equations(prefix: str) -> tuple[RowEquation, ...]:
    """R07-1/R07-2 (and their twins for 08 printed with 收入 and 结转结余)."""
    return (
        RowEquation(
            f"{prefix}-1",
            "本年支出小计 = 基本支出 + 项目支出",
            "row expenditure subtotal = basic + project",
            total="本年支出小计",
            plus=_BASIC_PROJECT,
            source="layout of 公开07表 (R07-1)",
        ),
        RowEquation(
            f"{prefix}-2",
            "年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出",
            "closing balance = opening + income − expenditure (adjustments may be unpublished)",
            total="年末结转和结余",
            plus=("年初结转和结余", "本年收入"),
            minus=("本年支出小计",),
            severity=Severity.WARNING,
            source="layout of 公开07表 (R07-2)",
        ),
    )


_FUND_COLUMNS = ("年初结转和结余", "本年收入", "本年支出小计", "基本支出", "项目支出", "年末结转和结余")
#: The balance columns printed without 和 (tests/data/headers/headers.tsv lists where).
_FUND_ALIASES: dict[str, tuple[str, ...]] = {
    "年初结转和结余": ("年初结转结余",),
    "年末结转和结余": ("年末结转结余",),
}


class GovernmentFundTable(FunctionalTable):
    """公开07 政府性基金预算财政拨款收入支出决算表."""

    KIND = "政府性基金预算财政拨款收入支出决算表"
    TITLE_EN = "Government fund budget appropriation income and expenditure"
    NUMBER = "07"
    RULE_PREFIX = "R07"
    COLUMNS = _FUND_COLUMNS
    COLUMN_ALIASES: ClassVar[dict[str, tuple[str, ...]]] = _FUND_ALIASES
    ROW_EQUATIONS = _fund_equations("R07")


class StateCapitalTable(FunctionalTable):
    """公开08 国有资本经营预算财政拨款支出决算表."""

    KIND = "国有资本经营预算财政拨款支出决算表"
    TITLE_EN = "State capital operation budget appropriation expenditure"
    NUMBER = "08"
    RULE_PREFIX = "R08"
    COLUMNS = ("合计", *_BASIC_PROJECT)
    ROW_EQUATIONS = (_total_is_basic_plus_project("R08-1"),)


class StateCapitalIncomeTable(FunctionalTable):
    """公开08 国有资本经营预算财政拨款收入支出决算表: the 08 table as templates since 2023
    print it (Shanghai's among them), with 年初结转和结余, 本年收入 and 年末结转和结余 columns like
    公开07; the older form, expenditure only, is :class:`StateCapitalTable`."""

    KIND = "国有资本经营预算财政拨款收入支出决算表"
    TITLE_EN = "State capital operation budget appropriation income and expenditure"
    NUMBER = "08"
    RULE_PREFIX = "R08i"
    COLUMNS = _FUND_COLUMNS
    COLUMN_ALIASES: ClassVar[dict[str, tuple[str, ...]]] = _FUND_ALIASES
    ROW_EQUATIONS = _fund_equations("R08i")
