"""Budget 收入总表 and 支出总表: all income by source, all expenditure by purpose.

Shanghai (元) and the central template key both by 功能分类 code (类/款/项) under a 合计 row,
so they are :class:`~govfin.tables.functional.FunctionalTable` kinds (read by the functional body
parser, rolled up along the code tree).  Jiangsu (万元) prints neither by code: its 收入预算总表 is
a two-level list of sources (groups with a 小计 each), its 支出预算总表 one line (or one per
unit) split by purpose.

Shanghai and Jiangsu print the same titles (收入预算总表, 支出预算总表) for these different
layouts; ``HEADER_CUES`` tell them apart by a word of the header (功能分类 / 项目名称 /
单位预留机动经费).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from govfin.amounts import Unit
from govfin.findings import Severity
from govfin.tables.base import Equation, RowEquation
from govfin.tables.budget.base import CENTRAL, JIANGSU, SHANGHAI, BudgetTable
from govfin.tables.functional import FunctionalTable

__all__ = [
    "CentralExpenditureTable",
    "CentralIncomeTable",
    "JiangsuExpenditureTable",
    "JiangsuIncomeTable",
    "ShanghaiExpenditureTable",
    "ShanghaiIncomeTable",
]

_TOTAL = "合计"
_AMOUNT = "金额"


def _partition(rule_id: str, zh: str, en: str, total: str, plus: tuple[str, ...],
               severity: Severity = Severity.ERROR, source: str = "") -> RowEquation:
    return RowEquation(rule_id, zh, en, total=total, plus=plus, severity=severity,
                       source=source or f"budget schema {rule_id} (docs/budget.md)")


# -- Shanghai -----------------------------------------------------------------------------------

_SH_SOURCES = ("财政拨款收入", "事业收入", "事业单位经营收入", "其他收入")


class ShanghaiIncomeTable(BudgetTable, FunctionalTable):
    """Shanghai 收入预算总表 (元): income by source per 功能分类 code."""

    KIND = "收入预算总表（上海）"
    TITLE_EN = "Budget income by source and function (Shanghai)"
    NUMBER = "2"
    TITLES = ("收入预算总表",)
    FAMILY = SHANGHAI
    ROLE = "income"
    UNIT = Unit.YUAN
    HEADER_CUES = ("功能分类",)
    RULE_PREFIX = "BS02"
    COLUMNS = (_TOTAL, *_SH_SOURCES)
    ROW_EQUATIONS = (
        _partition("BS02-1", "合计 = 财政拨款收入 + 事业收入 + 事业单位经营收入 + 其他收入",
                   "row total = appropriations + public-service + business + other income",
                   _TOTAL, _SH_SOURCES),
    )


class ShanghaiExpenditureTable(BudgetTable, FunctionalTable):
    """Shanghai 支出预算总表 (元): 合计 = 基本支出 + 项目支出 per 功能分类 code."""

    KIND = "支出预算总表（上海）"
    TITLE_EN = "Budget expenditure by purpose and function (Shanghai)"
    NUMBER = "3"
    TITLES = ("支出预算总表",)
    FAMILY = SHANGHAI
    ROLE = "expenditure"
    UNIT = Unit.YUAN
    HEADER_CUES = ("功能分类",)
    RULE_PREFIX = "BS03"
    COLUMNS = (_TOTAL, "基本支出", "项目支出")
    ROW_EQUATIONS = (
        _partition("BS03-1", "合计 = 基本支出 + 项目支出", "row total = basic + project",
                   _TOTAL, ("基本支出", "项目支出")),
    )


# -- Jiangsu ------------------------------------------------------------------------------------

#: The groups of Jiangsu's 收入预算总表 in printed order: (group key, its item keys).  Each group
#: prints a 小计 line (the group's row); "其中：动用上年结转和结余资金" is a 其中 line, in no sum.
JIANGSU_INCOME_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("一般公共预算资金", ("公共财政拨款（补助）资金", "专项收入")),
    ("政府性基金", ()),
    ("财政专户管理资金", ("专户管理教育收费", "其他非税收入")),
    ("其他资金", ("事业收入", "经营收入", "其他收入", "债务资金（银行贷款）")),
    ("上年结转和结余资金", ()),
)
JIANGSU_DRAWN = "动用上年结转和结余资金"


class JiangsuIncomeTable(BudgetTable):
    """Jiangsu 收入预算总表 (万元): 收入总计, then each source group's 小计 and its items.

    Row keys: ``收入总计``, the group keys and item keys of :data:`JIANGSU_INCOME_GROUPS` (a
    group's row is its printed 小计 line), and ``动用上年结转和结余资金`` (a 其中 line).
    """

    KIND = "收入预算总表（江苏）"
    TITLE_EN = "Budget income by source (Jiangsu)"
    NUMBER = "二"
    TITLES = ("收入预算总表",)
    FAMILY = JIANGSU
    ROLE = "income"
    HEADER_CUES = ("项目名称",)
    TOTAL_COLUMN = _AMOUNT
    COLUMNS = (_AMOUNT,)
    GROUPS = JIANGSU_INCOME_GROUPS
    DRAWN = JIANGSU_DRAWN
    ROW_KEYS = (
        "收入总计",
        *(k for g, items in JIANGSU_INCOME_GROUPS for k in (g, *items)),
        JIANGSU_DRAWN,
    )
    LABEL_ALIASES: ClassVar[Mapping[str, str]] = {
        "公共财政拨款(补助)资金": "公共财政拨款（补助）资金",
        "债务资金(银行贷款)": "债务资金（银行贷款）",
        "财政转专户管理资金": "财政专户管理资金",  # sic, 2017 政协办公厅
        "其中：动用上年结转和结余资金": JIANGSU_DRAWN,
        "总计": "收入总计",
    }
    EQUATIONS = (
        Equation("BJ02-1", "收入总计 = 各来源小计之和", "total income = sum of the source groups",
                 total=("收入总计", _AMOUNT),
                 plus=tuple((g, _AMOUNT) for g, _items in JIANGSU_INCOME_GROUPS),
                 source="budget schema BJ02-1"),
        *(
            Equation("BJ02-2", "来源小计 = 其各项之和", "each source group = sum of its items",
                     total=(g, _AMOUNT), plus=tuple((k, _AMOUNT) for k in items),
                     source="budget schema BJ02-2")
            for g, items in JIANGSU_INCOME_GROUPS
            if items
        ),
    )


_JS_PURPOSES = ("基本支出", "项目支出", "单位预留机动经费", "结转下年资金")


class JiangsuExpenditureTable(BudgetTable):
    """Jiangsu 支出预算总表 (万元): a 合计 line (and any per-unit lines) split by purpose."""

    KIND = "支出预算总表（江苏）"
    TITLE_EN = "Budget expenditure by purpose (Jiangsu)"
    NUMBER = "三"
    TITLES = ("支出预算总表",)
    FAMILY = JIANGSU
    ROLE = "expenditure"
    HEADER_CUES = ("单位预留机动经费",)
    COLUMNS = (_TOTAL, *_JS_PURPOSES)
    ROW_EQUATIONS = (
        _partition(
            "BJ03-1", "合计 = 基本支出 + 项目支出 + 单位预留机动经费 + 结转下年资金",
            "row total = basic + project + reserve + carried forward",
            _TOTAL, _JS_PURPOSES, severity=Severity.WARNING,
            source="budget schema BJ03-1 (warning: 结转下年资金 is blank in every corpus "
                   "document, so whether 合计 counts it is not established)",
        ),
    )


# -- the central template -----------------------------------------------------------------------

_C_SOURCES = (
    "上年结转",
    "一般公共预算拨款",
    "政府性基金预算拨款",
    "国有资本经营预算拨款",
    "财政专户管理资金",
    "事业收入",
    "事业单位经营收入",
    "上级补助收入",
    "附属单位上缴收入",
    "其他收入",
)
_C_PURPOSES = ("基本支出", "项目支出", "上缴上级支出", "事业单位经营支出", "对附属单位补助支出")


class CentralIncomeTable(BudgetTable, FunctionalTable):
    """Central template 部门收入总表 (万元): income by source per 功能分类 code."""

    KIND = "部门收入总表"
    TITLE_EN = "Budget income by source and function (central template)"
    NUMBER = "2"
    TITLES = ("收入总表", "单位收入总表")
    FAMILY = CENTRAL
    ROLE = "income"
    RULE_PREFIX = "BC02"
    COLUMNS = (_TOTAL, *_C_SOURCES)
    ROW_EQUATIONS = (
        _partition("BC02-1", "合计 = 上年结转 + 各项收入", "row total = carried over + sources",
                   _TOTAL, _C_SOURCES),
    )


class CentralExpenditureTable(BudgetTable, FunctionalTable):
    """Central template 部门支出总表 (万元): expenditure by purpose per 功能分类 code."""

    KIND = "部门支出总表"
    TITLE_EN = "Budget expenditure by purpose and function (central template)"
    NUMBER = "3"
    TITLES = ("支出总表", "单位支出总表")
    FAMILY = CENTRAL
    ROLE = "expenditure"
    RULE_PREFIX = "BC03"
    COLUMNS = (_TOTAL, *_C_PURPOSES)
    ROW_EQUATIONS = (
        _partition("BC03-1", "合计 = 基本支出 + 项目支出 + 上缴上级支出 + 事业单位经营支出 + "
                   "对附属单位补助支出", "row total = the purposes", _TOTAL, _C_PURPOSES),
    )
