"""Budget basic-expenditure tables by 部门预算支出经济分类 code (类 ``301``, 款 ``30101``).

Shanghai 一般公共预算基本支出部门预算经济分类预算表 (元; 合计, 人员经费, 公用经费, codes in two
cells "301" "01"), Jiangsu 财政拨款基本支出预算表 / 一般公共预算基本支出预算表 (万元; one column
金额) and 一般公共预算机关运行经费支出预算表 (万元; one column 机关运行经费支出, which also holds
310 资本性支出 rows), central template 一般公共预算基本支出表 (万元; 合计, 人员经费, 公用经费).

Economic codes roll up like functional ones (合计 = Σ类, 类 = Σ款), so these are
:class:`~govfin.tables.functional.FunctionalTable` kinds too; 合计 = 人员经费 + 公用经费 on every
row where both are columns.
"""

from __future__ import annotations

from govfin.amounts import Unit
from govfin.tables.base import RowEquation
from govfin.tables.budget.base import CENTRAL, JIANGSU, SHANGHAI, BudgetTable
from govfin.tables.functional import FunctionalTable

__all__ = [
    "BudgetEconomicTable",
    "CentralBasicTable",
    "JiangsuAppropriationBasicTable",
    "JiangsuGeneralBasicTable",
    "JiangsuRunningCostTable",
    "ShanghaiBasicTable",
]

_SPLIT = ("合计", "人员经费", "公用经费")


def _personnel_plus_public(rule_id: str) -> RowEquation:
    return RowEquation(rule_id, "合计 = 人员经费 + 公用经费", "row total = personnel + public",
                       total="合计", plus=("人员经费", "公用经费"),
                       source=f"budget schema {rule_id} (docs/budget.md)")


class BudgetEconomicTable(BudgetTable, FunctionalTable):
    """A budget table of 经济分类 rows under 合计 (no KIND: a base)."""


class ShanghaiBasicTable(BudgetEconomicTable):
    """Shanghai 一般公共预算基本支出部门预算经济分类预算表 (元)."""

    KIND = "一般公共预算基本支出部门预算经济分类预算表"
    TITLE_EN = "General public budget basic expenditure by economic classification (Shanghai)"
    NUMBER = "8"
    TITLES = ("一般公共预算基本支出经济分类预算表",)
    FAMILY = SHANGHAI
    ROLE = "general_basic"
    UNIT = Unit.YUAN
    RULE_PREFIX = "BS08"
    COLUMNS = _SPLIT
    ROW_EQUATIONS = (_personnel_plus_public("BS08-1"),)


class JiangsuAppropriationBasicTable(BudgetEconomicTable):
    """Jiangsu 财政拨款基本支出预算表 (万元)."""

    KIND = "财政拨款基本支出预算表"
    TITLE_EN = "Fiscal appropriation basic expenditure by economic classification (Jiangsu)"
    NUMBER = "六"
    FAMILY = JIANGSU
    ROLE = "appropriation_basic"
    RULE_PREFIX = "BJ06"
    COLUMNS = ("金额",)
    TOTAL_COLUMN = "金额"


class JiangsuGeneralBasicTable(BudgetEconomicTable):
    """Jiangsu 一般公共预算基本支出预算表 (万元)."""

    KIND = "一般公共预算基本支出预算表"
    TITLE_EN = "General public budget basic expenditure by economic classification (Jiangsu)"
    NUMBER = "九"
    FAMILY = JIANGSU
    ROLE = "general_basic"
    RULE_PREFIX = "BJ09"
    COLUMNS = ("金额",)
    TOTAL_COLUMN = "金额"


class JiangsuRunningCostTable(BudgetEconomicTable):
    """Jiangsu 一般公共预算机关运行经费支出预算表 (万元): 机关运行经费 by economic code."""

    KIND = "一般公共预算机关运行经费支出预算表"
    TITLE_EN = "General public budget running costs of offices by economic classification (Jiangsu)"
    NUMBER = "十"
    FAMILY = JIANGSU
    ROLE = "running"
    RULE_PREFIX = "BJ10"
    COLUMNS = ("机关运行经费支出",)
    TOTAL_COLUMN = "机关运行经费支出"


class CentralBasicTable(BudgetEconomicTable):
    """Central template 一般公共预算基本支出表 (万元)."""

    KIND = "一般公共预算基本支出表"
    TITLE_EN = "General public budget basic expenditure (central template)"
    NUMBER = "6"
    TITLES = ("一般公共预算财政拨款基本支出表", "一般公共预算基本支出明细表（按经济分类）")
    FAMILY = CENTRAL
    ROLE = "general_basic"
    RULE_PREFIX = "BC06"
    COLUMNS = _SPLIT
    ROW_EQUATIONS = (_personnel_plus_public("BC06-1"),)
