"""The two-sided summary tables: income lines on the left, expenditure by 类 on the right.

公开01 收入支出决算总表 (:class:`IncomeExpenditureSummary`) and 公开04 财政拨款收入支出决算总表
(:class:`FiscalAppropriationSummary`).  Both sides are kept in one tuple of rows: the income
lines (keyed by their canonical label, e.g. ``"本年收入合计"``), then one row per 功能分类 类
(key = code = ``"201"``), then the expenditure totals.  The printed ordinal prefix ("一、") and
行次 are not part of the key; the printed name is kept in :attr:`Row.name`.

Relations (from the tables' layouts) are declared as data below and become rules through
:mod:`govfin.rules.tables`.  A "其中" line is never part of a sum: it is not one of the keys.
"""

from __future__ import annotations

from typing import ClassVar

from govfin.findings import Severity
from govfin.tables.base import CLASS_ROWS, Equation, RowEquation, Table

__all__ = [
    "APPROPRIATION_COLUMNS",
    "FiscalAppropriationSummary",
    "IncomeExpenditureSummary",
]

# -- 公开01 ------------------------------------------------------------------------------------

#: The eight income lines of 公开01表 (一 … 八), in printed order.
_INCOME_LINES_01 = (
    "一般公共预算财政拨款收入",
    "政府性基金预算财政拨款收入",
    "国有资本经营预算财政拨款收入",
    "上级补助收入",
    "事业收入",
    "经营收入",
    "附属单位上缴收入",
    "其他收入",
)
_AMOUNT = "金额"


def _cells(keys: tuple[str, ...], column: str) -> tuple[tuple[str, str], ...]:
    return tuple((k, column) for k in keys)


class IncomeExpenditureSummary(Table):
    """公开01 收入支出决算总表: total income by source and total expenditure by 类.

    One money column, ``"金额"``.  Income row keys: the eight income lines
    (:attr:`INCOME_LINES`), ``本年收入合计``, ``使用非财政拨款结余`` (printed
    "使用非财政拨款结余（含专用结余）"), ``年初结转和结余``, ``收入总计``.  Expenditure rows: one per
    类 (key = code), then ``本年支出合计``, ``结余分配``, ``年末结转和结余``, ``支出总计``.
    """

    KIND = "收入支出决算总表"
    TITLE_EN = "Summary of income and expenditure final accounts"
    NUMBER = "01"
    #: "收入支出决算表": Yunnan's set prints 01 without 总 (保山市水务局 2024 决算).
    TITLES = ("部门收入支出决算总表", "单位收入支出决算总表", "收入支出决算表")
    COLUMNS = (_AMOUNT,)
    #: Shanghai prints 决算数 over the amounts (no 行次).
    COLUMN_ALIASES: ClassVar[dict[str, tuple[str, ...]]] = {_AMOUNT: ("决算数",)}
    INCOME_LINES = _INCOME_LINES_01
    INCOME_ROWS = (
        *_INCOME_LINES_01,
        "本年收入合计",
        "使用非财政拨款结余",
        "年初结转和结余",
        "收入总计",
    )
    EXPENDITURE_ROWS = ("本年支出合计", "结余分配", "年末结转和结余", "支出总计")
    ROW_KEYS = (*INCOME_ROWS, *EXPENDITURE_ROWS)
    #: The totals and balance lines as other years and regions print them ("本年收入" for
    #: 本年收入合计: 01 prints no other line of the year's income; headers.tsv).
    ROW_ALIASES: ClassVar[dict[str, str]] = {
        "本年收入": "本年收入合计",
        "本年支出": "本年支出合计",
        "年初结转结余": "年初结转和结余",
        "上年结转和结余": "年初结转和结余",
        "年末结转结余": "年末结转和结余",
    }
    CODE_LENGTHS = (3,)
    EQUATIONS = (
        Equation(
            "R01-1",
            "本年收入合计 = 八项收入之和（不含“其中”行）",
            "total income of the year = sum of the eight income lines (never a 其中 line)",
            total=("本年收入合计", _AMOUNT),
            plus=_cells(_INCOME_LINES_01, _AMOUNT),
            source="layout of 公开01表 (R01-1)",
        ),
        Equation(
            "R01-2",
            "本年支出合计 = Σ类",
            "total expenditure of the year = sum of the 类 rows",
            total=("本年支出合计", _AMOUNT),
            plus=((CLASS_ROWS, _AMOUNT),),
            source="layout of 公开01表 (R01-2)",
        ),
        Equation(
            "R01-3",
            "收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余",
            "grand total income = income of the year + non-appropriation balance used "
            "+ opening balance",
            total=("收入总计", _AMOUNT),
            plus=_cells(("本年收入合计", "使用非财政拨款结余", "年初结转和结余"), _AMOUNT),
            source="layout of 公开01表 (R01-3)",
        ),
        Equation(
            "R01-4",
            "支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余",
            "grand total expenditure = expenditure of the year + distribution of balance "
            "+ closing balance",
            total=("支出总计", _AMOUNT),
            plus=_cells(("本年支出合计", "结余分配", "年末结转和结余"), _AMOUNT),
            source="layout of 公开01表 (R01-4)",
        ),
        Equation(
            "R01-5",
            "收入总计 = 支出总计",
            "grand total income = grand total expenditure",
            total=("收入总计", _AMOUNT),
            plus=(("支出总计", _AMOUNT),),
            source="layout of 公开01表 (R01-5)",
        ),
    )


# -- 公开04 ------------------------------------------------------------------------------------

#: The three budget types of 财政拨款, as columns of the expenditure side of 公开04表.
APPROPRIATION_COLUMNS = (
    "一般公共预算财政拨款",
    "政府性基金预算财政拨款",
    "国有资本经营预算财政拨款",
)
_TOTAL = "合计"
_EXPENDITURE_COLUMNS_04 = (_TOTAL, *APPROPRIATION_COLUMNS)
#: Income-side keys of the opening balance split, one per budget type (same order).
_OPENING_SPLIT = tuple(f"年初{c}" for c in APPROPRIATION_COLUMNS)


def _balance_per_type() -> tuple[Equation, ...]:
    """R04-2: for each budget type b, 年末_b = 年初_b + 收入_b − 支出_b."""
    return tuple(
        Equation(
            "R04-2",
            "每一预算类型：年末财政拨款结转和结余 = 年初 + 本年收入 − 本年支出",
            "for each budget type: closing balance = opening + income − expenditure",
            total=("年末财政拨款结转和结余", b),
            plus=((opening, _AMOUNT), (b, _AMOUNT)),
            minus=(("本年支出合计", b),),
            severity=Severity.WARNING,
            source="layout of 公开04表 (R04-2) (warning: 调整/归集 of balances may be unpublished)",
        )
        for b, opening in zip(APPROPRIATION_COLUMNS, _OPENING_SPLIT, strict=True)
    )


def _totals_04() -> tuple[Equation, ...]:
    """R04-3: the grand totals of both sides, and 本年支出合计 = Σ类 in every column."""
    source = "layout of 公开04表 (R04-3)"
    eqs: list[Equation] = [
        Equation(
            "R04-3",
            "收入总计 = 本年收入合计 + 年初财政拨款结转和结余",
            "grand total income = income of the year + opening balance",
            total=("收入总计", _AMOUNT),
            plus=(("本年收入合计", _AMOUNT), ("年初财政拨款结转和结余", _AMOUNT)),
            source=source,
        )
    ]
    eqs += [
        Equation(
            "R04-3",
            "支出总计 = 本年支出合计 + 年末财政拨款结转和结余（每一列）",
            "grand total expenditure = expenditure of the year + closing balance (each column)",
            total=("支出总计", c),
            plus=(("本年支出合计", c), ("年末财政拨款结转和结余", c)),
            source=source,
        )
        for c in _EXPENDITURE_COLUMNS_04
    ]
    eqs.append(
        Equation(
            "R04-3",
            "收入总计 = 支出总计",
            "grand total income = grand total expenditure",
            total=("收入总计", _AMOUNT),
            plus=(("支出总计", _TOTAL),),
            source=source,
        )
    )
    eqs += [
        Equation(
            "R04-3",
            "本年支出合计 = Σ类（每一列）",
            "expenditure of the year = sum of the 类 rows (each column)",
            total=("本年支出合计", c),
            plus=((CLASS_ROWS, c),),
            source=source,
        )
        for c in _EXPENDITURE_COLUMNS_04
    ]
    return tuple(eqs)


class FiscalAppropriationSummary(Table):
    """公开04 财政拨款收入支出决算总表: appropriations received and spent, by budget type.

    Income rows have only the column ``"金额"``: the three appropriation lines
    (一般公共预算财政拨款, 政府性基金预算财政拨款, 国有资本经营预算财政拨款), ``本年收入合计``,
    ``年初财政拨款结转和结余`` and its split ``年初一般公共预算财政拨款``,
    ``年初政府性基金预算财政拨款``, ``年初国有资本经营预算财政拨款`` (printed under it without the
    "年初" prefix), ``收入总计``.  Expenditure rows (类 rows keyed by code, ``本年支出合计``,
    ``年末财政拨款结转和结余``, ``支出总计``) have the columns ``合计`` and the three budget types.
    """

    KIND = "财政拨款收入支出决算总表"
    TITLE_EN = "Summary of fiscal appropriation income and expenditure"
    NUMBER = "04"
    #: "财政拨款收入支出决算表": Yunnan's set prints 04 without 总 (保山市水务局 2024 决算).
    TITLES = ("部门财政拨款收入支出决算总表", "单位财政拨款收入支出决算总表", "财政拨款收入支出决算表")
    COLUMNS = (_AMOUNT, *_EXPENDITURE_COLUMNS_04)
    #: Shanghai prints 决算数 over the income side's amounts.
    COLUMN_ALIASES: ClassVar[dict[str, tuple[str, ...]]] = {_AMOUNT: ("决算数",)}
    EXPENDITURE_COLUMNS = _EXPENDITURE_COLUMNS_04
    #: The 2019 form (and before) prints 合计, 一般公共预算财政拨款 and 政府性基金预算财政拨款
    #: only, with no 国有资本经营 line (as its 公开01 has none: headers.tsv, 2019 决算): a table
    #: whose header does not print the column holds no such cell (its 合计 is the two types').
    OPTIONAL_COLUMNS = (APPROPRIATION_COLUMNS[2],)
    INCOME_ROWS = (
        *APPROPRIATION_COLUMNS,
        "本年收入合计",
        "年初财政拨款结转和结余",
        *_OPENING_SPLIT,
        "收入总计",
    )
    EXPENDITURE_ROWS = ("本年支出合计", "年末财政拨款结转和结余", "支出总计")
    ROW_KEYS = (*INCOME_ROWS, *EXPENDITURE_ROWS)
    #: The lines as other years and regions print them (tests/data/headers/headers.tsv): the
    #: appropriations with 收入 (as 公开01 prints them), the balances without 财政拨款 (every
    #: line of this table is 财政拨款) or without 和.
    ROW_ALIASES: ClassVar[dict[str, str]] = {
        **{f"{c}收入": c for c in APPROPRIATION_COLUMNS},
        "本年收入": "本年收入合计",
        "本年支出": "本年支出合计",
        "年初结转和结余": "年初财政拨款结转和结余",
        "年初财政拨款结转结余": "年初财政拨款结转和结余",
        "年末结转和结余": "年末财政拨款结转和结余",
        "年末财政拨款结转结余": "年末财政拨款结转和结余",
    }
    CODE_LENGTHS = (3,)
    ROW_EQUATIONS = (
        RowEquation(
            "R04-1",
            "合计 = 一般公共预算财政拨款 + 政府性基金预算财政拨款 + 国有资本经营预算财政拨款",
            "row total = general budget + government fund + state capital appropriations",
            total=_TOTAL,
            plus=APPROPRIATION_COLUMNS,
            source="layout of 公开04表 (R04-1)",
        ),
    )
    EQUATIONS = (
        Equation(
            "R04-1b",
            "本年收入合计 = 三项财政拨款之和",
            "income of the year = the three appropriation lines",
            total=("本年收入合计", _AMOUNT),
            plus=_cells(APPROPRIATION_COLUMNS, _AMOUNT),
            source="layout of 公开04表 (R04-1) (income side)",
        ),
        Equation(
            "R04-1b",
            "年初财政拨款结转和结余 = 其三项分列之和",
            "opening appropriation balance = its three budget-type lines",
            total=("年初财政拨款结转和结余", _AMOUNT),
            plus=_cells(_OPENING_SPLIT, _AMOUNT),
            source="layout of 公开04表 (R04-1) (income side)",
        ),
        *_balance_per_type(),
        *_totals_04(),
    )
