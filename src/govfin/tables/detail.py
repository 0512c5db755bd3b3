"""公开06 一般公共预算财政拨款基本支出决算明细表: basic expenditure by economic code.

The printed table is four blocks side by side (人员经费 on the left, 公用经费 on the right), each
block a list of (科目代码, 科目名称, 决算数).  Here it is one list of rows keyed by the economic
code (部门预算支出经济分类: 类 ``"301"``, 款 ``"30101"``), plus the two totals
``人员经费合计`` and ``公用经费合计``.  Cells printed "——" (not applicable) are blank.

Relations (from the table's layout): each 类 = Σ its 款 (the code-tree rollup ``R06-tree``);
人员经费合计 = Σ the personnel 类 and 公用经费合计 = Σ the other 类 (``R06-1``/``R06-2``, rule
functions in :mod:`govfin.rules.tables`, because the split is a per-run option:
``CheckOptions.personnel_classes``, default 301 and 303).
"""

from __future__ import annotations

from govfin.tables.base import Rollup, Table

__all__ = ["BasicExpenditureDetail"]


class BasicExpenditureDetail(Table):
    """公开06 一般公共预算财政拨款基本支出决算明细表.

    One money column, ``"决算数"``.  Rows: economic 类 and 款 (key = code), then
    ``人员经费合计`` and ``公用经费合计``.
    """

    KIND = "一般公共预算财政拨款基本支出决算明细表"
    TITLE_EN = "General public budget appropriation basic expenditure by economic classification"
    NUMBER = "06"
    TITLES = (
        "一般公共预算财政拨款基本支出决算明细表（按经济分类）",
        "一般公共预算财政拨款基本支出决算表",
    )
    COLUMNS = ("决算数",)
    PERSONNEL_TOTAL = "人员经费合计"
    PUBLIC_TOTAL = "公用经费合计"
    ROW_KEYS = (PERSONNEL_TOTAL, PUBLIC_TOTAL)
    CODE_LENGTHS = (3, 5)
    ROLLUP = Rollup(
        "R06-tree",
        "经济分类类 = Σ款",
        "each economic 类 = sum of its 款 rows",
        total=None,
        source="layout of 公开06表 (R06-3)",
    )
