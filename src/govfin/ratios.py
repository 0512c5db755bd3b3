"""Ratios a notebook computes from a disclosure: structure, splits, completion, change.

Every function returns :class:`Ratio` or :class:`Change` objects holding the figures they
come from; the ratio itself is a ``Decimal`` at full context precision (28 significant digits),
never rounded.  Round only when showing it (:mod:`govfin.formatting`):

>>> from govfin import examples
>>> from govfin.formatting import format_percent
>>> shares = class_shares(examples.load())         # each 类 of 公开05 in its 合计
>>> shares[0].label, shares[0].numerator, shares[0].denominator
('一般公共服务支出', Decimal('545.19'), Decimal('631.71'))
>>> format_percent(shares[0].value)
'86.30%'

Figures are read in the disclosure's unit (tables in another unit are converted exactly); a
blank cell reads as nil.  A ratio with a nil or missing denominator has ``value`` ``None``.

On a 部门预算 (``Disclosure.kind == "预算"``) the same functions read the budget tables by their
ROLE, whatever the family: :func:`class_shares` the 一般公共预算 functional table (``role``
chooses another), :func:`basic_project_split` the 支出总表 (all funds; Jiangsu's
单位预留机动经费 as a third part), :func:`personnel_public_split` the 一般公共预算基本支出 table
(人员经费 and 公用经费 as :mod:`govfin.figures` names them), :func:`three_public` 本年预算数
against 上年预算数 where the table prints it, and against last year's budget when given.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal

import attrs

from govfin._lazy import frozen
from govfin.amounts import HUNDRED, ZERO, Unit, convert
from govfin.disclosure import Disclosure
from govfin.errors import ArgumentTypeError, ArgumentValueError, NotFoundError
from govfin.figures import is_budget, resolve, scope_of
from govfin.narrative import CompletionClaim
from govfin.tables import (
    BasicExpenditureDetail,
    DisclosureInfoTable,
    ExpenditureTable,
    FiscalAppropriationSummary,
    GeneralBudgetExpenditureTable,
    IncomeExpenditureSummary,
    Table,
    ThreePublicTable,
)
from govfin.tables.budget import BudgetTable, family_table

__all__ = [
    "YOY_FIGURES",
    "Change",
    "Ratio",
    "basic_project_split",
    "budget_completion",
    "class_shares",
    "completion_rate",
    "personnel_public_split",
    "procurement_shares",
    "ratios_of",
    "stated_budgets",
    "three_public",
    "year_over_year",
]


def _money(value: object, what: str) -> Decimal | None:
    """A figure of a ratio: a ``Decimal`` (an ``int`` is exact and taken as one), or None.

    A ``float`` (binary: 0.1 is not 0.1), a ``bool``, a string and a NaN or infinite Decimal
    are refused at construction, not when the ratio is read.

    >>> _money(3, "numerator")
    Decimal('3')
    >>> _money(1.5, "numerator")
    Traceback (most recent call last):
    ...
    govfin.errors.ArgumentTypeError: numerator: float 1.5 is not accepted as money; pass a Decimal (Decimal('1.5'))
    """
    if value is None or type(value) is Decimal:
        if value is not None and not value.is_finite():
            raise ArgumentValueError(f"{what}: {value} is not a figure (NaN or infinite)")
        return value
    if isinstance(value, bool):
        raise ArgumentTypeError(f"{what}: {value!r} is not a figure")
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        raise ArgumentTypeError(
            f"{what}: float {value!r} is not accepted as money; pass a Decimal "
            f"(Decimal({str(value)!r}))"
        )
    if isinstance(value, Decimal):  # a subclass
        return _money(Decimal(value), what)
    raise ArgumentTypeError(f"{what}: expected a Decimal, got {type(value).__name__} {value!r}")


def _numerator(value: object) -> Decimal | None:
    return _money(value, "numerator")


def _denominator(value: object) -> Decimal | None:
    return _money(value, "denominator")


def _current(value: object) -> Decimal | None:
    return _money(value, "current")


def _previous(value: object) -> Decimal | None:
    return _money(value, "previous")


def _label(value: object) -> str:
    if not isinstance(value, str):
        raise ArgumentTypeError(f"label: expected a str, got {type(value).__name__} {value!r}")
    return value


@frozen
class Ratio:
    """``numerator / denominator``: a share, a split or a completion rate.

    ``key`` is the row key or code the numerator comes from (``"201"``), ``of`` what the
    denominator is (``"合计"``).  :attr:`value` is the fraction, :attr:`percent` the same × 100.
    Figures are Decimals (an int is taken exactly); a float is refused here, at construction:

    >>> Ratio("x", 1, 3).numerator
    Decimal('1')
    >>> Ratio("x", Decimal("1"), 3.0)
    Traceback (most recent call last):
    ...
    govfin.errors.ArgumentTypeError: denominator: float 3.0 is not accepted as money; pass a Decimal (Decimal('3.0'))
    """

    label: str = attrs.field(converter=_label)
    numerator: Decimal | None = attrs.field(converter=_numerator)
    denominator: Decimal | None = attrs.field(converter=_denominator)
    key: str | None = None
    of: str | None = None

    @property
    def value(self) -> Decimal | None:
        """The fraction (0.8630…), or None when a figure is missing or the denominator is 0."""
        if self.numerator is None or self.denominator is None or self.denominator == 0:
            return None
        if self.numerator == 0:
            return ZERO
        return self.numerator / self.denominator

    @property
    def percent(self) -> Decimal | None:
        v = self.value
        return None if v is None else v * HUNDRED


@frozen
class Change:
    """A figure this year against the previous year (or 决算 against 预算).

    Figures are Decimals (an int is taken exactly); a float is refused at construction.
    """

    label: str = attrs.field(converter=_label)
    current: Decimal | None = attrs.field(converter=_current)
    previous: Decimal | None = attrs.field(converter=_previous)
    key: str | None = None

    @property
    def delta(self) -> Decimal | None:
        if self.current is None and self.previous is None:
            return None
        return (self.current or ZERO) - (self.previous or ZERO)

    @property
    def rate(self) -> Decimal | None:
        """delta / previous, or None when the previous figure is nil (a rate is meaningless)."""
        d = self.delta
        if d is None or not self.previous:
            return None
        return d / self.previous

    @property
    def percent(self) -> Decimal | None:
        r = self.rate
        return None if r is None else r * HUNDRED

    @property
    def direction(self) -> str:
        """增加, 减少 or 持平 (the words a narrative uses)."""
        d = self.delta or ZERO
        return "增加" if d > 0 else "减少" if d < 0 else "持平"


# -- reading figures -------------------------------------------------------------------------


def _value(t: Table, key: str, column: str, unit: Unit) -> Decimal | None:
    row = t.get(key)
    if row is None:
        return None
    v = row[column]
    if v is None:
        return ZERO
    if key in getattr(t, "COUNT_ROWS", ()):
        return v
    return convert(v, t.meta.unit, unit)


def _budget_table(d: Disclosure, role: str) -> BudgetTable:
    t = family_table(d.tables, role)
    if t is None:
        raise NotFoundError(f"the budget has no {role} table")
    return t


def _total_column(t: Table) -> str:
    """A budget table's money column of a row's total (合计, else the one 金额 column)."""
    return next((c for c in ("合计", "金额") if c in t.COLUMNS), t.COLUMNS[0] if t.COLUMNS else "")


def _disclosure(d: object, what: str = "the source") -> Disclosure:
    """``d`` when it is a Disclosure; else a typed error naming what was passed."""
    if not isinstance(d, Disclosure):
        raise ArgumentTypeError(f"{what} must be a Disclosure, not {type(d).__name__}")
    return d


def _table(
    source: Disclosure | Table, default: type[Table], role: str | None = None
) -> tuple[Table, Unit]:
    if not isinstance(source, (Disclosure, Table)):
        raise ArgumentTypeError(
            f"the source must be a Disclosure or a Table, not {type(source).__name__}"
        )
    if isinstance(source, Table):
        return source, source.meta.unit
    if role is not None and is_budget(source):
        return _budget_table(source, role), source.unit
    t = source.table(default)
    if t is None:
        raise NotFoundError(f"the disclosure has no {default.KIND}")
    return t, source.unit


_TOTAL_COLUMN: dict[type[Table], tuple[str, str]] = {
    GeneralBudgetExpenditureTable: ("合计", "合计"),
    ExpenditureTable: ("合计", "本年支出合计"),
    IncomeExpenditureSummary: ("本年支出合计", "金额"),
    FiscalAppropriationSummary: ("本年支出合计", "合计"),
}


def class_shares(
    source: Disclosure | Table,
    *,
    kind: type[Table] = GeneralBudgetExpenditureTable,
    column: str | None = None,
    include_nil: bool = False,
    role: str = "general",
) -> tuple[Ratio, ...]:
    """The share of each 类 in the total: by default 公开05's 合计 column (the structure the
    narrative's "一般公共预算财政拨款支出决算结构情况" states).

    ``kind`` may be 公开03 (本年支出合计), 公开01 or 公开04 (合计), or any functional table
    (``column`` then names the column).  Nil 类 rows are left out unless ``include_nil``.
    On a budget, ``role`` names the table ("general", "expenditure", "summary", …).
    """
    t, unit = _table(source, kind, role)
    if isinstance(t, BudgetTable):
        total_key, default_column = "合计", _total_column(t)
        if t.get(total_key) is None:  # Jiangsu's 收支总表: 当年支出小计
            total_key = next(
                (k for k in ("当年支出小计", "支出总计", "支出合计") if t.get(k)), "合计"
            )
    else:
        total_key, default_column = _TOTAL_COLUMN.get(
            type(t), ("合计", t.COLUMNS[0] if t.COLUMNS else "")
        )
    col = column or default_column
    total = _value(t, total_key, col, unit)
    out = []
    for r in t.coded_rows():
        if r.code is None or len(r.code) != 3:
            continue
        v = _value(t, r.key, col, unit)
        if not include_nil and not v:
            continue
        out.append(Ratio(r.name or r.key, v, total, key=r.key, of=total_key))
    return tuple(out)


def basic_project_split(
    source: Disclosure | Table,
    *,
    kind: type[Table] = GeneralBudgetExpenditureTable,
    key: str = "合计",
    role: str = "expenditure",
) -> tuple[Ratio, ...]:
    """基本支出 and 项目支出 as shares of the total of one row (default: 公开05 合计).

    With 公开03 (``kind=ExpenditureTable``) the other uses (上缴上级支出, 经营支出,
    对附属单位补助支出) are added when not nil; so are a budget's 单位预留机动经费 and the
    central template's 上缴上级支出 etc. (on a budget, ``role`` names the table: by default
    the 支出总表, all funds).
    """
    t, unit = _table(source, kind, role)
    total_col = (
        "本年支出合计"
        if "本年支出合计" in t.COLUMNS
        else ("本年支出小计" if "本年支出小计" in t.COLUMNS else "合计")
    )
    total = _value(t, key, total_col, unit)
    parts = [c for c in t.COLUMNS if c in ("基本支出", "项目支出")]
    extra = [
        c
        for c in t.COLUMNS
        if c in ("上缴上级支出", "经营支出", "事业单位经营支出", "对附属单位补助支出",
                 "单位预留机动经费", "结转下年资金")
    ]  # fmt: skip
    parts += [c for c in extra if _value(t, key, c, unit)]
    return tuple(Ratio(c, _value(t, key, c, unit), total, key=key, of=total_col) for c in parts)


def personnel_public_split(source: Disclosure | Table) -> tuple[Ratio, ...]:
    """人员经费合计 and 公用经费合计 of 公开06 as shares of their sum (the 基本支出).

    On a budget: 人员经费 and 公用经费 of the 一般公共预算基本支出 table (its columns, or its
    economic 类 301 + 303 and 302 + 310), as :func:`govfin.figures.resolve` reads them.
    """
    if isinstance(source, Disclosure) and is_budget(source):
        figures = [resolve(source, k, "general_basic") for k in ("人员经费", "公用经费")]
        values = [None if f is None or f.missing else f.value for f in figures]
        present = [v for v in values if v is not None]
        total = sum(present, ZERO) if present else None
        return tuple(
            Ratio(k, v, total, key=k, of="基本支出")
            for k, v in zip(("人员经费", "公用经费"), values, strict=True)
        )
    t, unit = _table(source, BasicExpenditureDetail)
    col = BasicExpenditureDetail.COLUMNS[0]
    keys = (BasicExpenditureDetail.PERSONNEL_TOTAL, BasicExpenditureDetail.PUBLIC_TOTAL)
    values = [_value(t, k, col, unit) for k in keys]
    present = [v for v in values if v is not None]
    total = sum(present, ZERO) if present else None
    return tuple(
        Ratio(k, v, total, key=k, of="基本支出") for k, v in zip(keys, values, strict=True)
    )


def completion_rate(actual: Decimal | None, budget: Decimal | None, label: str = "") -> Ratio:
    """决算 / 预算 (完成预算的比例); ``value`` None for a nil budget."""
    return Ratio(label or "完成预算", actual, budget, of="预算")


def stated_budgets(d: Disclosure) -> dict[str, Decimal]:
    """The 年初预算 the narrative states, by 公开05 row key ("合计", "201", …).

    The tables give only 决算; the narrative's "一般公共服务支出年初预算754.36万元，支出决算
    545.19万元，完成年初预算的72.27%" gives the budget.  Sentences whose subject does not name
    a 公开05 row are skipped.
    """
    _disclosure(d)
    out: dict[str, Decimal] = {}
    for c in d.claims():
        if not isinstance(c, CompletionClaim) or c.budget is None or not c.budget.is_money:
            continue
        fig = resolve(d, c.subject, scope_of(c.section))
        if fig is None or fig.missing or len(fig.cells) != 1:
            continue
        place = fig.cells[0].place
        if place.table != GeneralBudgetExpenditureTable.KIND or place.row is None:
            continue
        value, _ = c.budget.wan_yuan()
        out[place.row] = convert(value, Unit.WAN_YUAN, d.unit)
    return out


def budget_completion(
    source: Disclosure | Table, budgets: Mapping[str, Decimal] | None = None
) -> tuple[Ratio, ...]:
    """决算 / 年初预算 for 公开05's 合计 and each row with a budget.

    ``budgets`` maps a row key (``"合计"``, ``"201"``) to its 年初预算; by default the budgets
    the narrative states (:func:`stated_budgets`, needs a Disclosure).
    """
    if budgets is None:
        if not isinstance(source, Disclosure):
            raise ArgumentTypeError("budget_completion: pass budgets= when the source is a table")
        budgets = stated_budgets(source)
    elif not isinstance(budgets, Mapping):
        raise ArgumentTypeError(
            f"budgets must map row keys to Decimals, not {type(budgets).__name__}"
        )
    t, unit = _table(source, GeneralBudgetExpenditureTable)
    out = []
    for key, budget in budgets.items():
        row = t.get(key)
        name = row.name if row is not None and row.name else key
        stated = _money(budget, f"budgets[{key!r}]")  # a float: refused here, named by its key
        out.append(Ratio(name, _value(t, key, "合计", unit), stated, key=key, of="年初预算"))
    return tuple(out)


# -- change ----------------------------------------------------------------------------------

#: (label, table kind, row key, column) of the figures compared year on year.
YOY_FIGURES: tuple[tuple[str, type[Table], str, str], ...] = (
    ("收入总计", IncomeExpenditureSummary, "收入总计", "金额"),
    ("本年收入合计", IncomeExpenditureSummary, "本年收入合计", "金额"),
    ("本年支出合计", IncomeExpenditureSummary, "本年支出合计", "金额"),
    ("财政拨款收入总计", FiscalAppropriationSummary, "收入总计", "金额"),
    ("一般公共预算财政拨款支出", GeneralBudgetExpenditureTable, "合计", "合计"),
    ("基本支出", GeneralBudgetExpenditureTable, "合计", "基本支出"),
    ("项目支出", GeneralBudgetExpenditureTable, "合计", "项目支出"),
    ("人员经费", BasicExpenditureDetail, "人员经费合计", "决算数"),
    ("公用经费", BasicExpenditureDetail, "公用经费合计", "决算数"),
    ("“三公”经费", ThreePublicTable, "决算数", "合计"),
    ("政府采购", DisclosureInfoTable, "政府采购合计", "统计数"),
)


def _figure(d: Disclosure, kind: type[Table], key: str, column: str) -> Decimal | None:
    t = d.table(kind)
    if t is None:
        return None
    if t.empty:
        return ZERO
    return _value(t, key, column, d.unit)


def year_over_year(current: Disclosure, previous: Disclosure) -> tuple[Change, ...]:
    """The main figures and each 类 of 公开05 (合计), this year against the previous.

    ``key`` is the label for the main figures (:data:`YOY_FIGURES`) and the code for a 类.

    Both disclosures must be of the same department (when both name it) and consecutive years
    (when both give them); otherwise ``ValueError``.
    """
    _disclosure(current, "current")
    _disclosure(previous, "previous")
    if current.department and previous.department and current.department != previous.department:
        raise ArgumentValueError(
            f"year_over_year: different departments {current.department!r} and "
            f"{previous.department!r}"
        )
    if current.year is not None and previous.year is not None and previous.year >= current.year:
        raise ArgumentValueError(
            f"year_over_year: previous year {previous.year} is not before {current.year}"
        )
    if previous.unit is not current.unit:
        previous = attrs.evolve(previous, unit=current.unit)
    out = [
        Change(label, _figure(current, kind, key, col), _figure(previous, kind, key, col), label)
        for label, kind, key, col in YOY_FIGURES
    ]
    now = current.table(GeneralBudgetExpenditureTable)
    before = previous.table(GeneralBudgetExpenditureTable)
    codes: dict[str, str] = {}
    for t in (now, before):
        if t is None:
            continue
        for r in t.coded_rows():
            if r.code is not None and len(r.code) == 3:
                codes.setdefault(r.code, r.name or r.code)
    for code, name in codes.items():
        a = _value(now, code, "合计", current.unit) if now is not None else None
        b = _value(before, code, "合计", current.unit) if before is not None else None
        out.append(Change(name, a or ZERO, b or ZERO, key=code))
    return tuple(out)


def three_public(d: Disclosure, previous: Disclosure | None = None) -> tuple[Change, ...]:
    """The 三公 items of 公开09: 决算数 against 预算数 (``key`` "预算数"), and, with
    ``previous``, 决算数 against the previous year's (``key`` "上年决算数").

    On a budget: 本年预算数 against 上年预算数 where the table prints it (``key`` "上年预算数"),
    and, with ``previous`` (last year's budget), against its 本年预算数 (``key`` "上年预算").
    """
    _disclosure(d)
    if previous is not None:
        _disclosure(previous, "previous")
    if is_budget(d):
        return _budget_three_public(d, previous)
    t = d.table(ThreePublicTable)
    if t is None:
        raise NotFoundError(f"the disclosure has no {ThreePublicTable.KIND}")
    out = []
    for col in ThreePublicTable.COLUMNS:
        actual = _figure(d, ThreePublicTable, ThreePublicTable.ACTUAL, col)
        budget = _figure(d, ThreePublicTable, ThreePublicTable.BUDGET, col)
        out.append(Change(col, actual, budget, key=ThreePublicTable.BUDGET))
    if previous is not None:
        for col in ThreePublicTable.COLUMNS:
            out.append(
                Change(
                    col,
                    _figure(d, ThreePublicTable, ThreePublicTable.ACTUAL, col),
                    _figure(previous, ThreePublicTable, ThreePublicTable.ACTUAL, col),
                    key="上年决算数",
                )
            )
    return tuple(out)


def _budget_three_public(d: Disclosure, previous: Disclosure | None) -> tuple[Change, ...]:
    t = _budget_table(d, "three_public")
    this, last = "本年预算数", "上年预算数"
    out = []
    if t.get(last) is not None:
        out += [
            Change(c, _value(t, this, c, d.unit), _value(t, last, c, d.unit), key=last)
            for c in t.COLUMNS
        ]
    if previous is not None:
        before = _budget_table(previous, "three_public")
        out += [
            Change(c, _value(t, this, c, d.unit), _value(before, this, c, d.unit), key="上年预算")
            for c in t.COLUMNS
            if c in before.COLUMNS
        ]
    return tuple(out)


def procurement_shares(source: Disclosure | Table) -> tuple[Ratio, ...]:
    """政府采购 (公开10): 货物/工程/服务 of the 合计; 中小企业 of the 合计; 小微 of 中小企业.

    Lines the table does not print are left out.
    """
    t, unit = _table(source, DisclosureInfoTable)
    col = DisclosureInfoTable.COLUMNS[0]
    total = _value(t, "政府采购合计", col, unit)
    out = [
        Ratio(k, _value(t, k, col, unit), total, key=k, of="政府采购合计")
        for k in ("货物", "工程", "服务", "授予中小企业合同金额")
        if t.get(k) is not None
    ]
    if t.get("授予小微企业合同金额") is not None:
        out.append(
            Ratio(
                "授予小微企业合同金额",
                _value(t, "授予小微企业合同金额", col, unit),
                _value(t, "授予中小企业合同金额", col, unit),
                key="授予小微企业合同金额",
                of="授予中小企业合同金额",
            )
        )
    return tuple(out)


def ratios_of(items: Iterable[Ratio]) -> dict[str, Decimal | None]:
    """``{label: value}`` of some ratios (a convenience for notebooks)."""
    return {r.label: r.value for r in items}
