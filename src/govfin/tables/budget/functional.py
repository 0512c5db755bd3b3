"""Budget expenditure tables by 功能分类 code (类/款/项) under a 合计 row, per budget type.

Shanghai (元): 一般公共预算 / 政府性基金预算 / 国有资本经营预算 支出功能分类预算表, columns 合计,
基本支出, 项目支出, codes printed in three cells ("201" "05" "07").  Jiangsu (万元):
财政拨款支出预算表, 政府性基金支出预算表, 一般公共预算支出预算表, one column (金额), codes printed
whole ("2010507").  Central template (万元): 一般公共预算支出表, 政府性基金预算支出表,
国有资本经营预算支出表, columns 合计, 基本支出, 项目支出.

All are :class:`~govfin.tables.functional.FunctionalTable` kinds: every money column rolls up
along the code tree (``<prefix>-tree``), and 合计 = 基本支出 + 项目支出 on every row where the
table has both columns.
"""

from __future__ import annotations

from govfin.amounts import Unit
from govfin.tables.base import RowEquation
from govfin.tables.budget.base import CENTRAL, JIANGSU, SHANGHAI, BudgetTable
from govfin.tables.functional import FunctionalTable

__all__ = [
    "BudgetFunctionalTable",
    "CentralCapitalTable",
    "CentralFundTable",
    "CentralGeneralTable",
    "JiangsuAppropriationExpenditureTable",
    "JiangsuFundTable",
    "JiangsuGeneralTable",
    "ShanghaiCapitalTable",
    "ShanghaiFundTable",
    "ShanghaiGeneralTable",
]

_SPLIT = ("合计", "基本支出", "项目支出")


def _basic_plus_project(rule_id: str) -> RowEquation:
    return RowEquation(rule_id, "合计 = 基本支出 + 项目支出", "row total = basic + project",
                       total="合计", plus=("基本支出", "项目支出"),
                       source=f"budget schema {rule_id} (docs/budget.md)")


class BudgetFunctionalTable(BudgetTable, FunctionalTable):
    """A budget table of 功能分类 rows under 合计 (no KIND: a base)."""


class _Split(BudgetFunctionalTable):
    COLUMNS = _SPLIT

    def __init_subclass__(cls, **kwargs: object) -> None:
        if "ROW_EQUATIONS" not in cls.__dict__ and "RULE_PREFIX" in cls.__dict__:
            cls.ROW_EQUATIONS = (_basic_plus_project(f"{cls.RULE_PREFIX}-1"),)
        super().__init_subclass__(**kwargs)


class _OneColumn(BudgetFunctionalTable):
    COLUMNS = ("金额",)
    TOTAL_COLUMN = "金额"


# -- Shanghai -----------------------------------------------------------------------------------


class ShanghaiGeneralTable(_Split):
    """Shanghai 一般公共预算支出功能分类预算表 (元)."""

    KIND = "一般公共预算支出功能分类预算表"
    TITLE_EN = "General public budget expenditure by function (Shanghai)"
    NUMBER = "5"
    FAMILY = SHANGHAI
    ROLE = "general"
    UNIT = Unit.YUAN
    RULE_PREFIX = "BS05"


class ShanghaiFundTable(_Split):
    """Shanghai 政府性基金预算支出功能分类预算表 (元)."""

    KIND = "政府性基金预算支出功能分类预算表"
    TITLE_EN = "Government fund budget expenditure by function (Shanghai)"
    NUMBER = "6"
    FAMILY = SHANGHAI
    ROLE = "fund"
    UNIT = Unit.YUAN
    RULE_PREFIX = "BS06"


class ShanghaiCapitalTable(_Split):
    """Shanghai 国有资本经营预算支出功能分类预算表 (元)."""

    KIND = "国有资本经营预算支出功能分类预算表"
    TITLE_EN = "State capital operation budget expenditure by function (Shanghai)"
    NUMBER = "7"
    FAMILY = SHANGHAI
    ROLE = "capital"
    UNIT = Unit.YUAN
    RULE_PREFIX = "BS07"


# -- Jiangsu ------------------------------------------------------------------------------------


class JiangsuAppropriationExpenditureTable(_OneColumn):
    """Jiangsu 财政拨款支出预算表 (万元): all appropriations by 功能分类."""

    KIND = "财政拨款支出预算表"
    TITLE_EN = "Fiscal appropriation expenditure by function (Jiangsu)"
    NUMBER = "五"
    FAMILY = JIANGSU
    ROLE = "appropriation_expenditure"
    RULE_PREFIX = "BJ05"


class JiangsuFundTable(_OneColumn):
    """Jiangsu 政府性基金支出预算表 (万元)."""

    KIND = "政府性基金支出预算表"
    TITLE_EN = "Government fund expenditure by function (Jiangsu)"
    NUMBER = "七"
    TITLES = ("财政拨款政府性基金支出预算表",)
    FAMILY = JIANGSU
    ROLE = "fund"
    RULE_PREFIX = "BJ07"


class JiangsuGeneralTable(_OneColumn):
    """Jiangsu 一般公共预算支出预算表 (万元)."""

    KIND = "一般公共预算支出预算表"
    TITLE_EN = "General public budget expenditure by function (Jiangsu)"
    NUMBER = "八"
    FAMILY = JIANGSU
    ROLE = "general"
    RULE_PREFIX = "BJ08"


# -- the central template -----------------------------------------------------------------------


class CentralGeneralTable(_Split):
    """Central template 一般公共预算支出表 (万元)."""

    KIND = "一般公共预算支出表"
    TITLE_EN = "General public budget expenditure (central template)"
    NUMBER = "5"
    TITLES = ("一般公共预算财政拨款支出表",)
    FAMILY = CENTRAL
    ROLE = "general"
    RULE_PREFIX = "BC05"


class CentralFundTable(_Split):
    """Central template 政府性基金预算支出表 (万元)."""

    KIND = "政府性基金预算支出表"
    TITLE_EN = "Government fund budget expenditure (central template)"
    NUMBER = "8"
    TITLES = ("政府性基金预算财政拨款支出表",)
    FAMILY = CENTRAL
    ROLE = "fund"
    RULE_PREFIX = "BC08"


class CentralCapitalTable(_Split):
    """Central template 国有资本经营预算支出表 (万元)."""

    KIND = "国有资本经营预算支出表"
    TITLE_EN = "State capital operation budget expenditure (central template)"
    NUMBER = "9"
    #: "国有资本经营预算预算支出表": printed so (预算 twice) by some departments.
    TITLES = ("国有资本经营预算财政拨款支出表", "国有资本经营预算预算支出表")
    FAMILY = CENTRAL
    ROLE = "capital"
    RULE_PREFIX = "BC09"
