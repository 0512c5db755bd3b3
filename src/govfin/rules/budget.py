"""Rules of a 部门预算 (budget) disclosure: "where printed" relations, 本年/上年, cross-table.

The module is over 600 lines because it registers every budget-only rule family in one place,
as rules/cross.py does for the 决算; each family below is short.

Inside tables, most relations are declared as data on the kinds (:mod:`govfin.tables.budget`)
and registered by :mod:`govfin.rules.tables` like the 决算's.  This module registers what that
generic mechanism does not cover:

- ``<prefix>-5``… from ``PRINTED_ROW_EQUATIONS``: row equations checked only on rows where a part
  is printed (the 部门 version of a table leaves a split blank that the 单位 version fills);
- ``<prefix>-yoy`` from ``CHANGE_ROWS``: 本年 − 上年 = 增减 in every column where 增减 is printed,
  and ``<prefix>-rate``: 增减率 = 增减 / 上年 × 100 where printed (a rate on a zero base too);
- the 三公 tables' sums across columns (``AMOUNT_ROW_EQUATIONS``), on every row but the rate row;
- ``BJ02-3``: 其中 动用上年结转和结余资金 ≤ 上年结转和结余资金;
- the cross-table relations ``B-X1`` … ``B-X10`` and the completeness rule ``B-K-missing``;
- ``BP-1`` … ``BP-3`` on a 项目支出绩效目标表 (:class:`~govfin.performance.plan.ProjectPlan`).

Every relation goes through :meth:`Context.equation` / :meth:`Context.at_most`.  A relation
whose tables are absent is skipped.  Tables are found by ``ROLE`` (the same role in every
family), and cells are converted exactly to the disclosure's unit, so a Shanghai 三公 table in
万元 compares with its 元 tables.  Funding-aware relations (a table covering all funds against one
covering appropriations only) are inequalities, asserted as equalities only when the figures show
a single source (see :func:`single_source`).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from functools import partial

from govfin.disclosure import Disclosure
from govfin.findings import Category, Cell, Place, Severity
from govfin.performance.plan import PLAN_PREFIX, ProjectPlan
from govfin.rules.engine import Context, holds_exactly
from govfin.rules.registry import REGISTRY, Rule, RuleFunc, rule
from govfin.rules.relations import Ref, at_most, bounded, cell, classes, codes, nil, same
from govfin.tables import Table
from govfin.tables.base import RowEquation
from govfin.tables.budget import (
    CENTRAL,
    FAMILY_KINDS,
    JIANGSU,
    SHANGHAI,
    BudgetTable,
    BudgetThreePublicTable,
    JiangsuIncomeTable,
    budget_kinds,
)

__all__ = ["budget_family", "rule_prefix", "single_source"]

_AMOUNT = "金额"
_TOTAL = "合计"
_SRC = "budget schema (docs/budget.md) "


def rule_prefix(kind: type[BudgetTable]) -> str:
    """``"BS05"``: B, the family's letter (S, J, C) and the kind's place in its family."""
    letter = {SHANGHAI: "S", JIANGSU: "J", CENTRAL: "C"}[kind.FAMILY]
    return f"B{letter}{FAMILY_KINDS[kind.FAMILY].index(kind) + 1:02d}"


# -- per-kind rules from class data --------------------------------------------------------------


def _headings(table: Table) -> dict[str, tuple[str, ...]]:
    """The columns printed as a heading only, each with the columns under it: a column the
    table prints on no row that is the total of one printed row equation and a part of
    another.  The 2026 Shanghai 单位预算 template's 财务收支预算总表 prints 基本支出 over
    人员经费 and 公用经费 with no figure column of its own (tests/data/excel, and the 2026 单位
    预算 of 石泉路街道, tests/data/accuracy): 合计 = 基本支出 + 项目支出 is then checked as
    合计 = 人员经费 + 公用经费 + 项目支出, and 基本支出 = 人员经费 + 公用经费 not at all."""
    eqs = getattr(table, "PRINTED_ROW_EQUATIONS", ())
    parts = {c for e in eqs for c in e.plus}
    return {e.total: e.plus for e in eqs
            if e.total in parts and not e.minus
            and all(row[e.total] is None for row in table.rows)}


def _printed_row_equation(eq: RowEquation, table: Table, ctx: Context) -> None:
    headings = _headings(table)
    if eq.total in headings:
        return  # a heading over its parts, not a printed figure
    plus = tuple(p for c in eq.plus for p in headings.get(c, (c,)))
    what = eq.zh + "".join(f" ({c} printed as a heading over {' + '.join(headings[c])})"
                           for c in eq.plus if c in headings)
    for row in table.rows:
        if all(row[c] is None for c in (*plus, *eq.minus)):
            continue  # the split is not printed on this row
        if holds_exactly(row[eq.total], map(row.__getitem__, plus),
                         map(row.__getitem__, eq.minus)):
            continue
        ctx.equation(
            table.cell(row.key, eq.total),
            [table.cell(row.key, c) for c in plus],
            [table.cell(row.key, c) for c in eq.minus],
            what=f"{what} (row {row.key})",
        )


def _amount_row_equation(eq: RowEquation, table: Table, ctx: Context) -> None:
    """A row equation on every row but the rate row (rates do not add up across columns)."""
    rate = getattr(table, "RATE_ROW", None)
    for row in table.rows:
        if row.key == rate or eq.total not in row.values:
            continue  # a total the table does not print at all (items printed as rows)
        if holds_exactly(row[eq.total], map(row.__getitem__, eq.plus),
                         map(row.__getitem__, eq.minus)):
            continue
        ctx.equation(
            table.cell(row.key, eq.total),
            [table.cell(row.key, c) for c in eq.plus],
            [table.cell(row.key, c) for c in eq.minus],
            what=f"{eq.zh} (row {row.key})",
        )


def _rate(table: BudgetThreePublicTable, ctx: Context) -> None:
    """增减率 = 增减 / 上年 × 100, where printed: the printed rate (± half its last place) must
    meet the range the printed 增减 and 上年 (each ± half a last place) allow."""
    assert table.CHANGE_ROWS is not None and table.RATE_ROW is not None
    _current, previous, change = table.CHANGE_ROWS
    rate_key = table.RATE_ROW
    if table.get(rate_key) is None:
        return
    half = table.unit / 2
    for column in table.COLUMNS:
        rate = table.value(rate_key, column)
        if rate is None:
            continue
        p, c = table.value(previous, column), table.value(change, column)
        cells = [table.cell(rate_key, column).place, table.cell(previous, column).place,
                 table.cell(change, column).place]
        if p is None or p == 0:
            ctx.emit(f"{rate_key} {rate}% printed on a zero or blank {previous} (column {column})",
                     place=cells[0], actual=rate, cells=cells)
            continue
        if c is None:
            continue
        corners = [(c + dc) / (p + dp) * 100 for dc in (-half, half) for dp in (-half, half)
                   if p + dp != 0]
        lo, hi = min(corners), max(corners)
        r_half = table.unit_of(rate_key, column) / 2
        if rate + r_half < lo or rate - r_half > hi:
            expected = (c / p * 100).quantize(Decimal("0.01"))
            ctx.emit(f"{rate_key} = {change} / {previous} × 100 (column {column}) does not hold",
                     place=cells[0], expected=expected, actual=rate,
                     difference=rate - expected, cells=cells)


def _change(table: BudgetTable, ctx: Context) -> None:
    """本年 − 上年 = 增减, in every column where 增减 is printed."""
    assert table.CHANGE_ROWS is not None
    current, previous, change = table.CHANGE_ROWS
    if table.get(change) is None:
        return
    for column in table.COLUMNS:
        if table.value(change, column) is None:
            continue
        ctx.equation(
            table.cell(change, column),
            [table.cell(current, column)],
            [table.cell(previous, column)],
            what=f"{change} = {current} − {previous} (column {column})",
        )


def _register(rule_id: str, zh: str, en: str, category: Category, severity: Severity,
              kind: type[Table], func: RuleFunc, source: str) -> None:
    REGISTRY.register(Rule(id=rule_id, title_zh=zh, title_en=en, category=category,
                           severity=severity, tables=(kind.KIND,), subject=kind, func=func,
                           source=source))


for _kind in budget_kinds():
    for _eq in _kind.PRINTED_ROW_EQUATIONS:
        _register(_eq.id, _eq.zh, _eq.en, Category.PARTITION, _eq.severity, _kind,
                  partial(_printed_row_equation, _eq), _eq.source)
    for _eq in getattr(_kind, "AMOUNT_ROW_EQUATIONS", ()):
        _register(_eq.id, _eq.zh, _eq.en, Category.PARTITION, _eq.severity, _kind,
                  partial(_amount_row_equation, _eq), _eq.source)
    if getattr(_kind, "RATE_ROW", None) is not None:
        _register(f"{rule_prefix(_kind)}-rate", "增减率 = 增减 / 上年 × 100（印有增减率时）",
                  "change rate = change / last year × 100 (where printed)", Category.BALANCE,
                  Severity.ERROR, _kind, _rate, _SRC + "RATE_ROW; a rate on a zero base is "
                  "reported too")
    if _kind.CHANGE_ROWS is not None:
        _register(f"{rule_prefix(_kind)}-yoy", "增减 = 本年 − 上年（印有增减时）",
                  "change = this year − last year (where printed)", Category.BALANCE,
                  Severity.ERROR, _kind, _change, _SRC + "CHANGE_ROWS")


@rule("BJ02-3", zh="其中：动用上年结转和结余资金 ≤ 上年结转和结余资金",
      en="balance drawn ≤ balance carried over", category=Category.PARTITION,
      subject=JiangsuIncomeTable, tables=(JiangsuIncomeTable.KIND,),
      source=_SRC + "BJ02-3 (a 其中 line is part of its line)")
def drawn_within_carried(table: JiangsuIncomeTable, ctx: Context) -> None:
    """The 其中 line 动用上年结转和结余资金 does not exceed 上年结转和结余资金."""
    if table.get(table.DRAWN) is None:
        return
    ctx.at_most(table.cell(table.DRAWN, _AMOUNT), table.cell("上年结转和结余资金", _AMOUNT),
                what=f"{table.DRAWN} ≤ 上年结转和结余资金")


# -- helpers for cross-table rules ----------------------------------------------------------------


def budget_family(d: Disclosure) -> str | None:
    """The family of the disclosure's budget tables (the first budget table's), or None."""
    for t in d.tables:
        if isinstance(t, BudgetTable):
            return t.FAMILY
    return None


def _pair(d: Disclosure, a: str, b: str) -> tuple[BudgetTable, BudgetTable] | None:
    """The tables of roles ``a`` and ``b`` when both are printed, of one family (else None):
    what every cross-table relation of a budget starts from."""
    first, second = _role(d, a), _role(d, b)
    if first is None or second is None or first.FAMILY != second.FAMILY:
        return None
    return first, second


def _role(d: Disclosure, role: str) -> BudgetTable | None:
    for t in d.tables:
        if isinstance(t, BudgetTable) and t.ROLE == role:
            return t
    return None


def _c(d: Disclosure, t: Table, key: str, column: str) -> Cell:
    """The cell, converted exactly to the disclosure's unit."""
    return cell(d, (t, key, column))


def _name(t: Table, key: str, column: str) -> str:
    col = "" if column in (_AMOUNT, _TOTAL) and key in (_TOTAL, _AMOUNT) else f" {column}"
    return f"{t.KIND} {key}{col}"


def _same(
    d: Disclosure, ctx: Context, printed: Ref, *parts: Ref, restatement: bool = True
) -> None:
    """``printed`` = Σ ``parts`` (each converted to the disclosure's unit); one figure printed
    again must be identical unless ``restatement`` is False (see :func:`relations.same`)."""
    same(d, ctx, _name, printed, *parts, restatement=restatement)


def _at_most(d: Disclosure, ctx: Context, small: Ref, big: Ref) -> None:
    at_most(d, ctx, _name, small, big)


def _bounded(d: Disclosure, ctx: Context, small: Ref, big: Ref, *, equal: bool) -> None:
    bounded(d, ctx, _name, small, big, equal=equal)


def _printed(t: Table, key: str, column: str) -> bool:
    return t.value(key, column) is not None


def _all_nil(t: Table | None) -> bool:
    """No table, or one whose every cell is blank or zero."""
    return t is None or all(nil(v) for r in t.rows for v in r.values.values())


def single_source(d: Disclosure) -> bool:
    """True when the summary shows every income as 一般公共预算 money.

    Shanghai: 事业收入, 事业单位经营收入, 其他收入, 政府性基金, 国有资本经营预算 nil; central
    template: every source but 一般公共预算拨款收入 nil, and no 上年结转结余; Jiangsu:
    政府性基金预算, 财政专户管理资金, 其他资金 and 上年结转资金 nil.  False without a summary.
    """
    s = _role(d, "summary")
    if s is None:
        return False
    others = {
        SHANGHAI: ("政府性基金预算", "国有资本经营预算", "事业收入", "事业单位经营收入", "其他收入"),
        JIANGSU: ("政府性基金预算", "财政专户管理资金", "其他资金", "上年结转资金"),
        CENTRAL: tuple(k for k in s.INCOME_ROWS  # type: ignore[attr-defined]
                       if k not in ("一般公共预算拨款收入", "本年收入合计", "收入总计")),
    }[s.FAMILY]
    if not all(nil(s.value(k, _AMOUNT)) for k in others):
        return False
    # The income table must agree: every yuan of its total from 财政拨款 (a source the summary
    # does not print, such as a carry-over, shows there).
    i = _role(d, "income")
    if i is not None and s.FAMILY == SHANGHAI:
        total, appropriated = i.value(_TOTAL, _TOTAL), i.value(_TOTAL, "财政拨款收入")
        if (total or 0) != (appropriated or 0):
            return False
    return True


#: The rules that compare a figure with its printing in another table (:func:`_same` with its
#: default, a restatement) and why they changed.
_RESTATING = frozenset({"B-X1", "B-X2", "B-X3", "B-X4", "B-X5", "B-X6"})
_RESTATED = (
    "2026 (issue 15): a figure restated in another table must be identical — both printings "
    "round from one amount, so a 0.01 difference is a mistake (error), not a rounding residue "
    "(尾数误差); only a sum of several printed parts keeps the interval slack"
)


def _cross(id: str, zh: str, en: str, roles: tuple[str, ...],
           severity: Severity = Severity.ERROR, source: str = "") -> Callable[[RuleFunc], RuleFunc]:
    kinds = tuple(k.KIND for k in budget_kinds() if k.ROLE in roles)
    return rule(id, zh=zh, en=en, category=Category.CROSS_TABLE, subject=Disclosure,
                tables=kinds, severity=severity, source=_SRC + id + (f"; {source}" if source else ""),
                changed=_RESTATED if id in _RESTATING else "")


# -- B-X1: 收支总表 ↔ 收入总表 ----------------------------------------------------------------------

#: (收支总表 income key, 收入总表 cell) per family; the 收入总表 cell is (row, column).
_INCOME_PAIRS: dict[str, tuple[tuple[str, tuple[str, str]], ...]] = {
    SHANGHAI: (
        ("收入总计", (_TOTAL, _TOTAL)),
        ("财政拨款收入", (_TOTAL, "财政拨款收入")),
        ("事业收入", (_TOTAL, "事业收入")),
        ("事业单位经营收入", (_TOTAL, "事业单位经营收入")),
        ("其他收入", (_TOTAL, "其他收入")),
    ),
    JIANGSU: (
        ("收入合计", ("收入总计", _AMOUNT)),
        ("一般公共预算", ("一般公共预算资金", _AMOUNT)),
        ("政府性基金预算", ("政府性基金", _AMOUNT)),
        ("财政专户管理资金", ("财政专户管理资金", _AMOUNT)),
        ("其他资金", ("其他资金", _AMOUNT)),
        ("上年结转资金", ("上年结转和结余资金", _AMOUNT)),
    ),
    CENTRAL: (
        ("收入总计", (_TOTAL, _TOTAL)),
        ("上年结转结余", (_TOTAL, "上年结转")),
        ("一般公共预算拨款收入", (_TOTAL, "一般公共预算拨款")),
        ("政府性基金预算拨款收入", (_TOTAL, "政府性基金预算拨款")),
        ("国有资本经营预算拨款收入", (_TOTAL, "国有资本经营预算拨款")),
        ("财政专户管理资金收入", (_TOTAL, "财政专户管理资金")),
        ("事业收入", (_TOTAL, "事业收入")),
        ("事业单位经营收入", (_TOTAL, "事业单位经营收入")),
        ("上级补助收入", (_TOTAL, "上级补助收入")),
        ("附属单位上缴收入", (_TOTAL, "附属单位上缴收入")),
        ("其他收入", (_TOTAL, "其他收入")),
    ),
}


@_cross("B-X1", "收支总表各项收入 = 收入总表对应数", "summary income lines = the income table",
        ("summary", "income"))
def bx1_income(d: Disclosure, ctx: Context) -> None:
    """Each income line of the 收支总表 equals the matching figure of the 收入总表."""
    pair = _pair(d, "summary", "income")
    if pair is None:
        return
    s, i = pair
    for key, (row, column) in _INCOME_PAIRS[s.FAMILY]:
        _same(d, ctx, (s, key, _AMOUNT), (i, row, column))


# -- B-X2: 收支总表 ↔ 支出总表 ----------------------------------------------------------------------


@_cross("B-X2", "收支总表支出 = 支出总表（总额、各类、支出用途）",
        "summary expenditure = the expenditure table (total, each 类, each purpose)",
        ("summary", "expenditure"))
def bx2_expenditure(d: Disclosure, ctx: Context) -> None:
    """The 收支总表's expenditure (total, 类 rows, purposes where printed) = the 支出总表's."""
    pair = _pair(d, "summary", "expenditure")
    if pair is None:
        return
    s, e = pair
    if s.FAMILY == JIANGSU:
        for key, column in (("支出合计", _TOTAL), ("基本支出", "基本支出"),
                            ("项目支出", "项目支出"), ("单位预留机动经费", "单位预留机动经费"),
                            ("结转下年资金", "结转下年资金")):
            _same(d, ctx, (s, key, _AMOUNT), (e, _TOTAL, column))
        return
    column = _TOTAL if s.FAMILY == SHANGHAI else _AMOUNT
    class_total: str = s.CLASS_TOTAL  # type: ignore[attr-defined]
    _same(d, ctx, (s, class_total, column), (e, _TOTAL, _TOTAL))
    split = [c for c in ("基本支出", "项目支出") if c in s.COLUMNS]
    for code in classes(s, e):
        _same(d, ctx, (s, code, column), (e, code, _TOTAL))
        for c in split:
            if _printed(s, code, c):
                _same(d, ctx, (s, code, c), (e, code, c))


# -- B-X3: 财政拨款收支总表 ↔ 收支总表 ---------------------------------------------------------------


@_cross("B-X3", "财政拨款收支总表收入 = 收支总表财政拨款各项",
        "appropriation summary income = the summary's appropriation lines",
        ("summary", "appropriation_summary"))
def bx3_appropriations(d: Disclosure, ctx: Context) -> None:
    """The appropriation income by budget type is the same in both summaries."""
    pair = _pair(d, "summary", "appropriation_summary")
    if pair is None:
        return
    s, a = pair
    if s.FAMILY == SHANGHAI:
        _same(d, ctx, (a, "收入总计", _AMOUNT), (s, "财政拨款收入", _AMOUNT))
        for t in ("一般公共预算", "政府性基金预算", "国有资本经营预算"):
            _same(d, ctx, (a, t, _AMOUNT), (s, t, _AMOUNT))
    elif s.FAMILY == JIANGSU:
        for t in ("一般公共预算", "政府性基金预算"):
            _same(d, ctx, (a, t, _AMOUNT), (s, t, _AMOUNT))
        # The summary's purposes cover every fund; the appropriation summary's, appropriations.
        equal = single_source(d)
        for p in ("基本支出", "项目支出", "单位预留机动经费"):
            _bounded(d, ctx, (a, p, _AMOUNT), (s, p, _AMOUNT), equal=equal)
    else:
        for key in ("一般公共预算拨款", "政府性基金预算拨款", "国有资本经营预算拨款"):
            _same(d, ctx, (a, key, _AMOUNT), (s, key + "收入", _AMOUNT))


# -- B-X4: 财政拨款收支总表 ↔ the tables of each budget type -------------------------------------------

_TYPE_ROLES = (("一般公共预算", "general"), ("政府性基金预算", "fund"),
               ("国有资本经营预算", "capital"))


@_cross("B-X4", "财政拨款收支总表各预算类型 = 一般公共预算/政府性基金/国有资本经营支出表",
        "appropriation summary by budget type = the general / fund / capital tables",
        ("appropriation_summary", "general", "fund", "capital"))
def bx4_types(d: Disclosure, ctx: Context) -> None:
    """Each budget type's expenditure (total and 类 rows) = its own table's 合计."""
    a = _role(d, "appropriation_summary")
    if a is None:
        return
    if a.FAMILY == JIANGSU:
        carried = a.value("上年结转", _AMOUNT)
        for t, role in _TYPE_ROLES[:2]:
            table = _role(d, role)
            if table is None or table.FAMILY != JIANGSU or not nil(carried):
                continue  # with a carry-over, income by type is not expenditure by type
            _same(d, ctx, (table, _TOTAL, _AMOUNT), (a, t, _AMOUNT))
        return
    class_total: str = a.CLASS_TOTAL  # type: ignore[attr-defined]
    for t, role in _TYPE_ROLES:
        table = _role(d, role)
        if table is None or table.FAMILY != a.FAMILY:
            continue
        if table.empty and nil(a.value(class_total, t)):
            continue
        _same(d, ctx, (a, class_total, t), (table, _TOTAL, _TOTAL))
        for code in classes(a, table):
            if nil(a.value(code, t)) and nil(table.value(code, _TOTAL)):
                continue
            _same(d, ctx, (a, code, t), (table, code, _TOTAL))


# -- B-X5: basic expenditure, economic ↔ functional ----------------------------------------------


@_cross("B-X5", "基本支出经济分类表合计 = 功能分类表基本支出合计",
        "basic expenditure by economic class = the functional table's basic column",
        ("general", "general_basic", "appropriation_summary", "appropriation_basic"))
def bx5_basic(d: Disclosure, ctx: Context) -> None:
    """The economic table's 合计 = the 基本支出 it explains (Jiangsu: 财政拨款 基本支出)."""
    b = _role(d, "general_basic")
    if b is not None and b.FAMILY in (SHANGHAI, CENTRAL):
        g = _role(d, "general")
        if g is not None and g.FAMILY == b.FAMILY:
            _same(d, ctx, (b, _TOTAL, _TOTAL), (g, _TOTAL, "基本支出"))
    ab, a = _role(d, "appropriation_basic"), _role(d, "appropriation_summary")
    if ab is not None and a is not None and ab.FAMILY == a.FAMILY == JIANGSU:
        _same(d, ctx, (ab, _TOTAL, _AMOUNT), (a, "基本支出", _AMOUNT))


# -- B-X6 / B-X7: Jiangsu 财政拨款 = 一般公共预算 + 政府性基金 ----------------------------------------


@_cross("B-X6", "财政拨款支出表每行 = 一般公共预算支出表 + 政府性基金支出表",
        "appropriation expenditure, each row = general budget + government fund rows",
        ("appropriation_expenditure", "general", "fund"))
def bx6_appropriation_rows(d: Disclosure, ctx: Context) -> None:
    """Jiangsu: every code (and 合计) of 财政拨款支出预算表 = 一般公共预算 + 政府性基金."""
    pair = _pair(d, "appropriation_expenditure", "general")
    if pair is None:
        return
    a, g = pair
    f = _role(d, "fund")
    if f is not None and f.FAMILY != a.FAMILY:
        f = None
    for key in (_TOTAL, *codes(a, g, f)):
        parts: list[Ref] = [(g, key, _AMOUNT)]
        if f is not None and f.get(key) is not None:
            parts.append((f, key, _AMOUNT))
        _same(d, ctx, (a, key, _AMOUNT), *parts)


@_cross("B-X7", "一般公共预算基本支出 ≤ 财政拨款基本支出（无政府性基金时相等）",
        "general budget basic ≤ appropriation basic (equal without government funds)",
        ("appropriation_basic", "general_basic", "fund"))
def bx7_basic_rows(d: Disclosure, ctx: Context) -> None:
    """Jiangsu: each economic code of the 一般公共预算 basic table ≤ the 财政拨款 one."""
    pair = _pair(d, "appropriation_basic", "general_basic")
    if pair is None:
        return
    ab, gb = pair
    equal = _all_nil(_role(d, "fund"))
    for key in (_TOTAL, *codes(ab, gb)):
        _bounded(d, ctx, (gb, key, _AMOUNT), (ab, key, _AMOUNT), equal=equal)


# -- B-X8: 三公 ↔ the economic table ---------------------------------------------------------------

#: (三公 column attribute or name, economic 款 of the basic-expenditure table).
_THREE_PUBLIC_CODES = (("RECEPTION", "30217"), ("RUNNING", "30231"),
                       ("会议费", "30215"), ("培训费", "30216"))


@_cross("B-X8", "基本支出中的公务接待费、公务用车运行维护费、会议费、培训费 ≤ “三公”表",
        "basic-expenditure 30217/30231/30215/30216 ≤ the 三公 table's figures",
        ("three_public", "general_basic"), Severity.WARNING,
        "warning: the economic table is 基本支出 of 一般公共预算 only, the 三公 table may cover "
        "other funds and 项目支出; a region may define the 三公 scope more narrowly")
def bx8_three_public(d: Disclosure, ctx: Context) -> None:
    """The basic-expenditure 款 of a 三公 item does not exceed the 三公 table's figure."""
    pair = _pair(d, "three_public", "general_basic")
    if pair is None:
        return
    tp, gb = pair
    current: str = tp.CURRENT  # type: ignore[attr-defined]
    if tp.get(current) is None:
        return
    for attr, code in _THREE_PUBLIC_CODES:
        column = getattr(tp, attr, attr) if attr.isupper() else attr
        if column not in tp.COLUMNS or gb.get(code) is None:
            continue
        _at_most(d, ctx, (gb, code, gb.TOTAL_COLUMN), (tp, current, column))


# -- B-X9: 机关运行经费 ≤ 公用经费 (Shanghai) ---------------------------------------------------------


@_cross("B-X9", "机关运行经费 ≤ 一般公共预算基本支出公用经费",
        "office running costs ≤ the public-expenses part of basic expenditure",
        ("three_public", "general_basic"), Severity.WARNING,
        "warning: 机关运行经费 is the 公用经费 of 行政 and 参公 units only (名词解释), but a "
        "region may count items outside 基本支出")
def bx9_running(d: Disclosure, ctx: Context) -> None:
    """Shanghai: 机关运行经费 (三公 table) ≤ 公用经费 合计 of the basic-expenditure table."""
    tp, gb = _role(d, "three_public"), _role(d, "general_basic")
    if tp is None or gb is None or "机关运行经费" not in tp.COLUMNS or "公用经费" not in gb.COLUMNS:
        return
    current: str = tp.CURRENT  # type: ignore[attr-defined]
    if tp.value(current, "机关运行经费") is None:
        return
    _at_most(d, ctx, (tp, current, "机关运行经费"), (gb, _TOTAL, "公用经费"))


# -- B-X10: a figure printed twice (single-source units) ----------------------------------------------


@_cross("B-X10", "全部为一般公共预算资金时：支出总表 = 一般公共预算支出表（逐行逐列）",
        "all money from the general budget: expenditure table = general budget table, cell by cell",
        ("summary", "expenditure", "general"))
def bx10_single_source(d: Disclosure, ctx: Context) -> None:
    """With every income from 一般公共预算, the 支出总表 and the 一般公共预算 table print the
    same figures (every code, every column they share)."""
    pair = _pair(d, "expenditure", "general")
    if pair is None or pair[0].FAMILY == JIANGSU:
        return
    e, g = pair
    if not single_source(d):
        return
    shared = [c for c in g.COLUMNS if c in e.COLUMNS]
    for key in (_TOTAL, *codes(e, g)):
        for c in shared:
            # inferred from the other sources printed as nil (0.00 may hide half a cent):
            # a derived equality, judged with the slack
            _same(d, ctx, (e, key, c), (g, key, c), restatement=False)


# -- completeness ----------------------------------------------------------------------------------


@rule("B-K-missing", zh="预算公开表齐全（本族各表；无数据的表也须公开并注明）",
      en="every table of the budget family is present (an empty one with a note)",
      category=Category.COMPLETENESS, subject=Disclosure,
      tables=tuple(k.KIND for k in budget_kinds()), severity=Severity.WARNING,
      source=_SRC + "B-K-missing (warning: which tables a region publishes is set locally)")
def bk_missing(d: Disclosure, ctx: Context) -> None:
    """Each table of the disclosure's budget family is present (family told by its tables)."""
    family = budget_family(d)
    if family is None:
        return
    present = {type(t) for t in d.tables}
    for kind in FAMILY_KINDS[family]:
        if kind not in present:
            ctx.emit(f"{kind.KIND} of the {family} budget layout is missing",
                     place=Place(kind.KIND))



# -- 项目支出绩效目标表 --------------------------------------------------------------------------------

_PLAN_SRC = _SRC + "(2023 Shanghai 财政项目支出绩效目标填报表 layout)"


@rule("BP-1", zh="项目资金总额 = 财政资金 + 其他资金",
      en="project total = fiscal funds + other funds", category=Category.PARTITION,
      subject=ProjectPlan, tables=(PLAN_PREFIX,), source=_PLAN_SRC)
def bp1_project_total(plan: ProjectPlan, ctx: Context) -> None:
    """项目资金总额 = 其中：财政资金 + 其他资金."""
    ctx.equation(plan.cell("project_total"),
                 [plan.cell("project_fiscal"), plan.cell("project_other")],
                 what="项目资金总额 = 财政资金 + 其他资金")


@rule("BP-2", zh="年度资金申请总额 = 当年财政拨款 + 上年结转资金 + 其他资金",
      en="annual request = appropriation of the year + carried over + other funds",
      category=Category.PARTITION, subject=ProjectPlan, tables=(PLAN_PREFIX,), source=_PLAN_SRC)
def bp2_annual_total(plan: ProjectPlan, ctx: Context) -> None:
    """年度资金申请总额 = 其中：当年财政拨款 + 上年结转资金 + 其他资金."""
    ctx.equation(plan.cell("annual_total"),
                 [plan.cell("annual_appropriation"), plan.cell("annual_carried_over"),
                  plan.cell("annual_other")],
                 what="年度资金申请总额 = 当年财政拨款 + 上年结转资金 + 其他资金")


@rule("BP-3", zh="年度资金申请总额 ≤ 项目资金总额", en="annual request ≤ project total",
      category=Category.BALANCE, subject=ProjectPlan, tables=(PLAN_PREFIX,),
      severity=Severity.WARNING,
      source=_PLAN_SRC + "; warning: a multi-year project's total is not always printed")
def bp3_annual_within_total(plan: ProjectPlan, ctx: Context) -> None:
    """The year's request does not exceed the project's total."""
    if plan.funds.project_total is None:
        return
    ctx.at_most(plan.cell("annual_total"), plan.cell("project_total"),
                what="年度资金申请总额 ≤ 项目资金总额")
