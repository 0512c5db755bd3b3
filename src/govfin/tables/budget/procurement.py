"""Jiangsu 政府采购支出预算表 (万元): planned government procurement.

Printed as a list under 合计: each 采购品目大类 (一、货物A, 二、工程B, 三、服务C) with its total, then
lines of 专项名称 / 经济科目 (with a subtotal) and 采购物品名称 / 采购组织形式 (with an amount).
Rows: ``合计``, ``货物``, ``工程``, ``服务``, and every other printed line as a detail row keyed
``明细1``, ``明细2`` … (its printed cells joined by " | " in :attr:`Row.name`), kept but in no sum:
how detail lines group is not printed reliably enough to check.
"""

from __future__ import annotations

from govfin.tables.base import Equation
from govfin.tables.budget.base import JIANGSU, BudgetTable

__all__ = ["PROCUREMENT_CATEGORIES", "JiangsuProcurementTable"]

#: The three 采购品目大类, with the letter the catalogue gives them (货物A, 工程B, 服务C).
PROCUREMENT_CATEGORIES = (("货物", "A"), ("工程", "B"), ("服务", "C"))


class JiangsuProcurementTable(BudgetTable):
    """Jiangsu 政府采购支出预算表 (column 金额, printed 总计)."""

    KIND = "政府采购支出预算表"
    TITLE_EN = "Government procurement budget (Jiangsu)"
    NUMBER = "十二"
    TITLES = ("政府采购预算表",)
    FAMILY = JIANGSU
    ROLE = "procurement"
    COLUMNS = ("金额",)
    TOTAL_COLUMN = "金额"
    CATEGORIES = tuple(c for c, _letter in PROCUREMENT_CATEGORIES)
    DETAIL_PREFIX = "明细"
    EQUATIONS = (
        Equation("BJ12-1", "合计 = 货物 + 工程 + 服务", "total = goods + works + services",
                 total=("合计", "金额"), plus=(("货物", "金额"), ("工程", "金额"), ("服务", "金额")),
                 source="budget schema BJ12-1"),
    )
