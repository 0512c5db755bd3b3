"""The two-sided budget summaries: income lines on the left, expenditure lines (and 类) on the right.

收支总表 and 财政拨款收支总表 of the three families.  As for the 决算's 公开01/04
(:mod:`govfin.tables.summary`), both sides are one tuple of rows: income lines keyed by their
canonical label, expenditure lines keyed by theirs, and one row per 功能分类 类 keyed by its code.
Income rows fill ``INCOME_COLUMNS``, expenditure rows ``EXPENDITURE_COLUMNS``; a cell of the other
side's columns stays blank.  A printed label is mapped to its key by :attr:`INCOME_ALIASES` /
:attr:`EXPENDITURE_ALIASES` (data, after the enumerator "一、" / "1." and spaces are removed).

Layouts, as printed in the corpus (2023 and 2025 Shanghai Putuo 万里街道; 2017 Jiangsu 高级人民法院,
人民检察院, 人大办公厅, 省委办公厅, 政协办公厅) and the Shanghai filing templates (2026 部门 and
单位):

- Shanghai 财务收支预算总表 (元): 一、财政拨款收入 (1. 一般公共预算[资金] 2. 政府性基金
  3. 国有资本经营预算), 二、事业收入, 三、事业单位经营收入, 四、其他收入, 收入总计; the 类 and
  支出总计 in one 预算数 column (部门), or 合计 / 基本支出 (人员经费, 公用经费) / 项目支出 (单位).
- Shanghai 财政拨款收支预算总表 (元): three income lines and 收入总计; 类 rows and 支出总计 in
  合计 / 一般公共预算 / 政府性基金预算 / 国有资本经营预算.
- Jiangsu 收支预算总表 (万元): 一、财政拨款 (1.一般公共预算 2.政府性基金预算), 二、财政专户管理资金,
  三、其他资金, 当年收入小计, 上年结转资金, 收入合计; on the right, side by side, 功能分类 (the 20
  类 of the year, most blank) and 支出用途 (基本支出, 项目支出, 单位预留机动经费), then 当年支出小计,
  结转下年资金, 支出合计.
- Jiangsu 财政拨款收支预算总表 (万元): 一般公共预算, 政府性基金预算, 收入合计; 基本支出, 项目支出,
  单位预留机动经费, 支出合计.
- Central template 部门收支总表 / 财政拨款收支总表 (万元): the structure of the 财政部 template
  most provinces follow, as far as it could be established without a filled specimen here
  (income by the nine sources / three appropriation types, 上年结转, 类, 结转下年, 总计).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import ClassVar

from govfin.amounts import Unit
from govfin.tables.base import CLASS_ROWS, Equation, RowEquation
from govfin.tables.budget.base import CENTRAL, JIANGSU, SHANGHAI, BudgetTable

__all__ = [
    "BudgetSummary",
    "CentralAppropriationSummary",
    "CentralSummary",
    "JiangsuAppropriationSummary",
    "JiangsuSummary",
    "ShanghaiAppropriationSummary",
    "ShanghaiSummary",
]

_AMOUNT = "金额"
_TOTAL = "合计"
#: The three budget types, as the expenditure columns of a 财政拨款收支总表.
TYPES = ("一般公共预算", "政府性基金预算", "国有资本经营预算")


def _cells(keys: tuple[str, ...], column: str) -> tuple[tuple[str, str], ...]:
    return tuple((k, column) for k in keys)


def _eq(
    rule_id: str, zh: str, en: str, total: tuple[str, str],
    plus: tuple[tuple[str, str], ...], minus: tuple[tuple[str, str], ...] = (),
) -> Equation:
    return Equation(rule_id, zh, en, total=total, plus=plus, minus=minus,
                    source=f"budget schema {rule_id} (docs/budget.md)")


class BudgetSummary(BudgetTable):
    """A two-sided budget summary (see the module docstring)."""

    INCOME_ROWS: ClassVar[tuple[str, ...]] = ()
    EXPENDITURE_ROWS: ClassVar[tuple[str, ...]] = ()
    INCOME_COLUMNS: ClassVar[tuple[str, ...]] = (_AMOUNT,)
    EXPENDITURE_COLUMNS: ClassVar[tuple[str, ...]] = (_AMOUNT,)
    INCOME_ALIASES: ClassVar[Mapping[str, str]] = MappingProxyType({})
    EXPENDITURE_ALIASES: ClassVar[Mapping[str, str]] = MappingProxyType({})
    #: The expenditure row that totals the year's 类 (收支 balance and cross-table relations).
    CLASS_TOTAL: ClassVar[str] = ""
    INCOME_TOTAL: ClassVar[str] = "收入总计"
    EXPENDITURE_TOTAL: ClassVar[str] = "支出总计"
    #: Money columns a layout may leave out (read blank when the header does not print them);
    #: any other column the header does not name leaves the table not read whole.
    OPTIONAL_COLUMNS: ClassVar[tuple[str, ...]] = ()


# -- Shanghai -----------------------------------------------------------------------------------

_SH_INCOME = (
    "财政拨款收入",
    "一般公共预算",
    "政府性基金预算",
    "国有资本经营预算",
    "事业收入",
    "事业单位经营收入",
    "其他收入",
    "收入总计",
)
_SH_SPLIT = ("合计", "基本支出", "人员经费", "公用经费", "项目支出")
_SH_TYPE_ALIASES = {
    "一般公共预算资金": "一般公共预算",
    "政府性基金": "政府性基金预算",
    "政府性基金预算资金": "政府性基金预算",
    "国有资本经营预算资金": "国有资本经营预算",
}


class ShanghaiSummary(BudgetSummary):
    """Shanghai 财务收支预算总表 (元).

    Income (column ``金额``, printed 预算数): 财政拨款收入 and its three types, 事业收入,
    事业单位经营收入, 其他收入, 收入总计.  Expenditure: 类 rows and 支出总计 in ``合计`` (the
    部门 version's one 预算数 column), with 基本支出 (人员经费, 公用经费) and 项目支出 where the
    单位 version prints them.
    """

    KIND = "财务收支预算总表"
    TITLE_EN = "Budget summary of all income and expenditure (Shanghai)"
    NUMBER = "1"
    TITLES = ("部门财务收支预算总表", "单位财务收支预算总表", "预算单位财务收支预算总表")
    FAMILY = SHANGHAI
    ROLE = "summary"
    UNIT = Unit.YUAN
    COLUMNS = (_AMOUNT, *_SH_SPLIT)
    INCOME_ROWS = _SH_INCOME
    EXPENDITURE_ROWS = ("支出总计",)
    EXPENDITURE_COLUMNS = _SH_SPLIT
    #: The 2025 set prints one 预算数 column on the right (corpus: sh-putuo-wanlijiedao-2025),
    #: the 2026 单位预算 template splits it into 基本支出 (人员经费, 公用经费) and 项目支出.
    OPTIONAL_COLUMNS = _SH_SPLIT[1:]
    INCOME_ALIASES: ClassVar[Mapping[str, str]] = {**_SH_TYPE_ALIASES, "总计": "收入总计"}
    EXPENDITURE_ALIASES: ClassVar[Mapping[str, str]] = {"总计": "支出总计"}
    CLASS_TOTAL = "支出总计"
    ROW_KEYS = (*_SH_INCOME, "支出总计")
    CODE_LENGTHS = (3,)
    EQUATIONS = (
        _eq("BS01-1", "财政拨款收入 = 一般公共预算 + 政府性基金 + 国有资本经营预算",
            "appropriation income = general budget + government fund + state capital",
            ("财政拨款收入", _AMOUNT), _cells(TYPES, _AMOUNT)),
        _eq("BS01-2", "收入总计 = 财政拨款收入 + 事业收入 + 事业单位经营收入 + 其他收入",
            "total income = appropriations + public-service + business + other income",
            ("收入总计", _AMOUNT),
            _cells(("财政拨款收入", "事业收入", "事业单位经营收入", "其他收入"), _AMOUNT)),
        *(
            _eq("BS01-3", "支出总计 = Σ类（每一列）",
                "total expenditure = sum of the 类 rows (each column)",
                ("支出总计", c), ((CLASS_ROWS, c),))
            for c in _SH_SPLIT
        ),
        _eq("BS01-4", "收入总计 = 支出总计", "total income = total expenditure",
            ("收入总计", _AMOUNT), (("支出总计", _TOTAL),)),
    )
    PRINTED_ROW_EQUATIONS = (
        RowEquation("BS01-5", "合计 = 基本支出 + 项目支出（印有分列时）",
                    "row total = basic + project (where the split is printed)",
                    total=_TOTAL, plus=("基本支出", "项目支出"),
                    source="Shanghai 单位预算 template 2026 (单位收支总表)"),
        RowEquation("BS01-6", "基本支出 = 人员经费 + 公用经费（印有分列时）",
                    "basic = personnel + public expenses (where printed)",
                    total="基本支出", plus=("人员经费", "公用经费"),
                    source="Shanghai 单位预算 template 2026 (单位收支总表)"),
    )


class ShanghaiAppropriationSummary(BudgetSummary):
    """Shanghai 财政拨款收支预算总表 (元): three income lines; 类 by budget type."""

    KIND = "财政拨款收支预算总表（上海）"
    TITLE_EN = "Budget summary of fiscal appropriations (Shanghai)"
    NUMBER = "4"
    TITLES = ("财政拨款收支预算总表", "部门财政拨款收支预算总表", "单位财政拨款收支预算总表",
              "预算单位财政拨款收支预算总表")
    FAMILY = SHANGHAI
    ROLE = "appropriation_summary"
    UNIT = Unit.YUAN
    HEADER_CUES = ("国有资本经营预算",)
    COLUMNS = (_AMOUNT, _TOTAL, *TYPES)
    INCOME_ROWS = (*TYPES, "收入总计")
    EXPENDITURE_ROWS = ("支出总计",)
    EXPENDITURE_COLUMNS = (_TOTAL, *TYPES)
    #: A type with no figures may be left out of the header (read blank); 合计 may not.
    OPTIONAL_COLUMNS = TYPES
    INCOME_ALIASES: ClassVar[Mapping[str, str]] = {**_SH_TYPE_ALIASES, "总计": "收入总计"}
    EXPENDITURE_ALIASES: ClassVar[Mapping[str, str]] = {"总计": "支出总计"}
    CLASS_TOTAL = "支出总计"
    ROW_KEYS = (*TYPES, "收入总计", "支出总计")
    CODE_LENGTHS = (3,)
    ROW_EQUATIONS = (
        RowEquation("BS04-1", "合计 = 一般公共预算 + 政府性基金预算 + 国有资本经营预算",
                    "row total = general budget + government fund + state capital",
                    total=_TOTAL, plus=TYPES, source="budget schema BS04-1"),
    )
    EQUATIONS = (
        _eq("BS04-2", "收入总计 = 三项财政拨款之和", "total income = the three appropriation types",
            ("收入总计", _AMOUNT), _cells(TYPES, _AMOUNT)),
        *(
            _eq("BS04-3", "支出总计 = Σ类（每一列）",
                "total expenditure = sum of the 类 rows (each column)",
                ("支出总计", c), ((CLASS_ROWS, c),))
            for c in (_TOTAL, *TYPES)
        ),
        _eq("BS04-4", "收入总计 = 支出总计", "total income = total expenditure",
            ("收入总计", _AMOUNT), (("支出总计", _TOTAL),)),
        *(
            _eq("BS04-5", "每一预算类型：收入 = 支出总计（无上年结转）",
                "each budget type: income = its total expenditure (no carry-over is printed)",
                (t, _AMOUNT), (("支出总计", t),))
            for t in TYPES
        ),
    )


# -- Jiangsu ------------------------------------------------------------------------------------

_JS_INCOME = (
    "财政拨款",
    "一般公共预算",
    "政府性基金预算",
    "财政专户管理资金",
    "其他资金",
    "当年收入小计",
    "上年结转资金",
    "收入合计",
)
_JS_PURPOSES = ("基本支出", "项目支出", "单位预留机动经费")
_JS_EXPENDITURE = (*_JS_PURPOSES, "当年支出小计", "结转下年资金", "支出合计")


class JiangsuSummary(BudgetSummary):
    """Jiangsu 收支预算总表 (万元), column ``金额`` on both sides.

    The expenditure side prints 功能分类 (类 rows, keyed by code) and 支出用途 (基本支出,
    项目支出, 单位预留机动经费) side by side; both add up to 当年支出小计.
    """

    KIND = "收支预算总表"
    TITLE_EN = "Budget summary of income and expenditure (Jiangsu)"
    NUMBER = "一"
    TITLES = ("部门收支预算总表",)
    FAMILY = JIANGSU
    ROLE = "summary"
    COLUMNS = (_AMOUNT,)
    INCOME_ROWS = _JS_INCOME
    EXPENDITURE_ROWS = _JS_EXPENDITURE
    INCOME_ALIASES: ClassVar[Mapping[str, str]] = {
        "财政拨款收入": "财政拨款",
        "一般公共预算资金": "一般公共预算",
        "政府性基金": "政府性基金预算",
        "财政转专户管理资金": "财政专户管理资金",
        "当年收入": "当年收入小计",  # letter-spaced "当 年 收 入" with 小计 wrapped below
    }
    CLASS_TOTAL = "当年支出小计"
    INCOME_TOTAL = "收入合计"
    EXPENDITURE_TOTAL = "支出合计"
    ROW_KEYS = (*_JS_INCOME, *_JS_EXPENDITURE)
    CODE_LENGTHS = (3,)
    EQUATIONS = (
        _eq("BJ01-1", "财政拨款 = 一般公共预算 + 政府性基金预算",
            "appropriations = general budget + government fund",
            ("财政拨款", _AMOUNT), _cells(("一般公共预算", "政府性基金预算"), _AMOUNT)),
        _eq("BJ01-2", "当年收入小计 = 财政拨款 + 财政专户管理资金 + 其他资金",
            "income of the year = appropriations + special-account funds + other funds",
            ("当年收入小计", _AMOUNT),
            _cells(("财政拨款", "财政专户管理资金", "其他资金"), _AMOUNT)),
        _eq("BJ01-3", "收入合计 = 当年收入小计 + 上年结转资金",
            "total income = income of the year + funds carried over",
            ("收入合计", _AMOUNT), _cells(("当年收入小计", "上年结转资金"), _AMOUNT)),
        _eq("BJ01-4", "当年支出小计 = Σ类（功能分类）",
            "expenditure of the year = sum of the 类 rows (functional side)",
            ("当年支出小计", _AMOUNT), ((CLASS_ROWS, _AMOUNT),)),
        _eq("BJ01-5", "当年支出小计 = 基本支出 + 项目支出 + 单位预留机动经费（支出用途）",
            "expenditure of the year = basic + project + reserve (purpose side)",
            ("当年支出小计", _AMOUNT), _cells(_JS_PURPOSES, _AMOUNT)),
        _eq("BJ01-6", "支出合计 = 当年支出小计 + 结转下年资金",
            "total expenditure = expenditure of the year + funds carried forward",
            ("支出合计", _AMOUNT), _cells(("当年支出小计", "结转下年资金"), _AMOUNT)),
        _eq("BJ01-7", "收入合计 = 支出合计", "total income = total expenditure",
            ("收入合计", _AMOUNT), (("支出合计", _AMOUNT),)),
    )


class JiangsuAppropriationSummary(BudgetSummary):
    """Jiangsu 财政拨款收支预算总表 (万元): income by budget type, expenditure by purpose."""

    KIND = "财政拨款收支预算总表（江苏）"
    TITLE_EN = "Budget summary of fiscal appropriations (Jiangsu)"
    NUMBER = "四"
    TITLES = ("财政拨款收支预算总表", "部门财政拨款收支预算总表")
    FAMILY = JIANGSU
    ROLE = "appropriation_summary"
    HEADER_CUES = ("支出用途",)
    COLUMNS = (_AMOUNT,)
    INCOME_ROWS = ("一般公共预算", "政府性基金预算", "上年结转", "收入合计")
    EXPENDITURE_ROWS = (*_JS_PURPOSES, "结转下年", "支出合计")
    INCOME_ALIASES: ClassVar[Mapping[str, str]] = {"上年结转资金": "上年结转", "收入总计": "收入合计"}
    EXPENDITURE_ALIASES: ClassVar[Mapping[str, str]] = {"结转下年资金": "结转下年", "支出总计": "支出合计"}
    INCOME_TOTAL = "收入合计"
    EXPENDITURE_TOTAL = "支出合计"
    ROW_KEYS = (*INCOME_ROWS, *EXPENDITURE_ROWS)
    EQUATIONS = (
        _eq("BJ04-1", "收入合计 = 一般公共预算 + 政府性基金预算 + 上年结转",
            "total income = general budget + government fund + carried over",
            ("收入合计", _AMOUNT),
            _cells(("一般公共预算", "政府性基金预算", "上年结转"), _AMOUNT)),
        _eq("BJ04-2", "支出合计 = 基本支出 + 项目支出 + 单位预留机动经费 + 结转下年",
            "total expenditure = basic + project + reserve + carried forward",
            ("支出合计", _AMOUNT), _cells((*_JS_PURPOSES, "结转下年"), _AMOUNT)),
        _eq("BJ04-3", "收入合计 = 支出合计", "total income = total expenditure",
            ("收入合计", _AMOUNT), (("支出合计", _AMOUNT),)),
    )


# -- the central template -----------------------------------------------------------------------

_C_SOURCES = (
    "一般公共预算拨款收入",
    "政府性基金预算拨款收入",
    "国有资本经营预算拨款收入",
    "财政专户管理资金收入",
    "事业收入",
    "事业单位经营收入",
    "上级补助收入",
    "附属单位上缴收入",
    "其他收入",
)
#: 使用非财政拨款结余: printed by central units (北京理工大学 2026 部门预算: 本年收入合计 +
#: 使用非财政拨款结余 + 上年结转 = 收入总计 to the cent; tests/data/headers/headers.tsv).
_C_INCOME = (*_C_SOURCES, "本年收入合计", "使用非财政拨款结余", "上年结转结余", "收入总计")
_C_EXPENDITURE = ("本年支出合计", "结转下年", "支出总计")
#: "一、本年支出" over the 类 rows (重庆市秀山县 财政拨款收支总表: headers.tsv) is their total.
_C_EXPENDITURE_ALIASES = {"结转下年资金": "结转下年", "年末结转和结余": "结转下年", "本年支出": "本年支出合计"}


class CentralSummary(BudgetSummary):
    """Central template 部门收支总表 (万元), column ``金额`` on both sides."""

    KIND = "部门收支总表"
    TITLE_EN = "Budget summary of income and expenditure (central template)"
    NUMBER = "1"
    TITLES = ("收支总表", "单位收支总表", "部门收支总体情况表")
    FAMILY = CENTRAL
    ROLE = "summary"
    COLUMNS = (_AMOUNT,)
    INCOME_ROWS = _C_INCOME
    EXPENDITURE_ROWS = _C_EXPENDITURE
    INCOME_ALIASES: ClassVar[Mapping[str, str]] = {
        "一般公共预算拨款": "一般公共预算拨款收入",
        "政府性基金预算拨款": "政府性基金预算拨款收入",
        "国有资本经营预算拨款": "国有资本经营预算拨款收入",
        "财政专户管理资金": "财政专户管理资金收入",
        "上年结转": "上年结转结余",
        "上年结转和结余": "上年结转结余",
    }
    EXPENDITURE_ALIASES: ClassVar[Mapping[str, str]] = _C_EXPENDITURE_ALIASES
    CLASS_TOTAL = "本年支出合计"
    ROW_KEYS = (*_C_INCOME, *_C_EXPENDITURE)
    CODE_LENGTHS = (3,)
    EQUATIONS = (
        _eq("BC01-1", "本年收入合计 = 各项收入之和", "income of the year = sum of the sources",
            ("本年收入合计", _AMOUNT), _cells(_C_SOURCES, _AMOUNT)),
        _eq("BC01-2", "本年支出合计 = Σ类", "expenditure of the year = sum of the 类 rows",
            ("本年支出合计", _AMOUNT), ((CLASS_ROWS, _AMOUNT),)),
        _eq("BC01-3", "收入总计 = 本年收入合计 + 使用非财政拨款结余 + 上年结转结余",
            "total income = income of the year + non-appropriation balance used + carried over",
            ("收入总计", _AMOUNT),
            _cells(("本年收入合计", "使用非财政拨款结余", "上年结转结余"), _AMOUNT)),
        _eq("BC01-4", "支出总计 = 本年支出合计 + 结转下年",
            "total expenditure = expenditure of the year + carried forward",
            ("支出总计", _AMOUNT), _cells(("本年支出合计", "结转下年"), _AMOUNT)),
        _eq("BC01-5", "收入总计 = 支出总计", "total income = total expenditure",
            ("收入总计", _AMOUNT), (("支出总计", _AMOUNT),)),
    )


_C_APPROPRIATIONS = ("一般公共预算拨款", "政府性基金预算拨款", "国有资本经营预算拨款")


class CentralAppropriationSummary(BudgetSummary):
    """Central template 财政拨款收支总表 (万元).

    Income (``金额``): 本年收入 and its three appropriation types, 上年结转, 收入总计.
    Expenditure: 类 rows, 本年支出合计, 结转下年, 支出总计 in 合计 and the three budget types.
    """

    KIND = "财政拨款收支总表"
    TITLE_EN = "Budget summary of fiscal appropriations (central template)"
    NUMBER = "4"
    TITLES = ("部门财政拨款收支总表",)
    FAMILY = CENTRAL
    ROLE = "appropriation_summary"
    COLUMNS = (_AMOUNT, _TOTAL, *TYPES)
    INCOME_ROWS = ("本年收入", *_C_APPROPRIATIONS, "上年结转", "收入总计")
    EXPENDITURE_ROWS = _C_EXPENDITURE
    EXPENDITURE_COLUMNS = (_TOTAL, *TYPES)
    #: A type with no figures may be left out of the header (read blank); 合计 may not.
    OPTIONAL_COLUMNS = TYPES
    INCOME_ALIASES: ClassVar[Mapping[str, str]] = {
        "一般公共预算拨款收入": "一般公共预算拨款",
        "政府性基金预算拨款收入": "政府性基金预算拨款",
        "国有资本经营预算拨款收入": "国有资本经营预算拨款",
        "上年结转结余": "上年结转",
    }
    EXPENDITURE_ALIASES: ClassVar[Mapping[str, str]] = _C_EXPENDITURE_ALIASES
    CLASS_TOTAL = "本年支出合计"
    ROW_KEYS = (*INCOME_ROWS, *_C_EXPENDITURE)
    CODE_LENGTHS = (3,)
    ROW_EQUATIONS = (
        RowEquation("BC04-1", "合计 = 一般公共预算 + 政府性基金预算 + 国有资本经营预算",
                    "row total = general budget + government fund + state capital",
                    total=_TOTAL, plus=TYPES, source="budget schema BC04-1"),
    )
    EQUATIONS = (
        _eq("BC04-2", "本年收入 = 三项财政拨款之和", "income of the year = the three types",
            ("本年收入", _AMOUNT), _cells(_C_APPROPRIATIONS, _AMOUNT)),
        _eq("BC04-3", "收入总计 = 本年收入 + 上年结转", "total income = income + carried over",
            ("收入总计", _AMOUNT), _cells(("本年收入", "上年结转"), _AMOUNT)),
        *(
            _eq("BC04-4", "本年支出合计 = Σ类（每一列）",
                "expenditure of the year = sum of the 类 rows (each column)",
                ("本年支出合计", c), ((CLASS_ROWS, c),))
            for c in (_TOTAL, *TYPES)
        ),
        *(
            _eq("BC04-5", "支出总计 = 本年支出合计 + 结转下年（每一列）",
                "total expenditure = expenditure of the year + carried forward (each column)",
                ("支出总计", c), (("本年支出合计", c), ("结转下年", c)))
            for c in (_TOTAL, *TYPES)
        ),
        _eq("BC04-6", "收入总计 = 支出总计", "total income = total expenditure",
            ("收入总计", _AMOUNT), (("支出总计", _TOTAL),)),
    )
