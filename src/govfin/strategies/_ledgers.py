"""The ledger: the exact 元 accounts from which every table of a consistent disclosure is
printed (:class:`Ledger`), and the projection of a ledger to each of the ten tables.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import attrs

from govfin import codes
from govfin._lazy import frozen
from govfin.amounts import Unit, convert
from govfin.disclosure import Disclosure, Narrative
from govfin.strategies._amounts import _printed
from govfin.strategies._base import NO_DATA, TABLE_KINDS
from govfin.strategies._codes import CodeTree
from govfin.tables import (
    T01,
    T02,
    T03,
    T04,
    T05,
    T06,
    T07,
    T08,
    T09,
    T10,
    TOTAL,
    BasicExpenditureDetail,
    DisclosureInfoTable,
    ExpenditureTable,
    FiscalAppropriationSummary,
    GeneralBudgetExpenditureTable,
    GovernmentFundTable,
    IncomeExpenditureSummary,
    IncomeTable,
    Row,
    StateCapitalTable,
    Table,
    TableMeta,
    ThreePublicTable,
)
from govfin.tables.summary import APPROPRIATION_COLUMNS

# the ledger: exact 元 accounts from which every table is printed

#: Funds of the ledger: the three 财政拨款 budget types, then non-appropriation money.
_GP, _GF, _SC, _NF = 0, 1, 2, 3
_FISCAL = (_GP, _GF, _SC)
#: Income sources, in the order of 公开01表's eight income lines.
_INCOME_LINES = IncomeExpenditureSummary.INCOME_LINES
_NF_SOURCES = IncomeTable.OTHER_SOURCES
_BUDGET_TYPES = APPROPRIATION_COLUMNS


@frozen
class Flows:
    """The money of one leaf code, in 分.

    ``basic`` / ``project``: expenditure by fund (一般公共预算, 政府性基金, 国有资本经营,
    non-appropriation); ``remitted``, ``business``, ``subsidies``: 上缴上级支出, 经营支出,
    对附属单位补助支出 (non-appropriation money); ``income``: the eight income lines of
    公开01表; ``fund_opening`` / ``fund_closing``: the 政府性基金 balances of the code (公开07表).
    Σ income = total expenditure (the 公开02/03 mirror).
    """

    basic: tuple[int, ...]
    project: tuple[int, ...]
    remitted: int
    business: int
    subsidies: int
    income: tuple[int, ...]
    fund_opening: int
    fund_closing: int

    @property
    def expenditure(self) -> int:
        return sum(self.basic) + sum(self.project) + self.remitted + self.business + self.subsidies

    def spent(self, fund: int) -> int:
        return self.basic[fund] + self.project[fund]

    @property
    def fund_active(self) -> bool:
        return bool(self.spent(_GF) or self.income[_GF] or self.fund_opening or self.fund_closing)


#: A row to print: (key, printed name, code or None, {column: amount in 分}).
_RowSpec = tuple[str, str, str | None, dict[str, int]]

#: 公开09 columns, the 公开06 economic codes of their basic-expenditure part (X11).
_THREE_PUBLIC_BASE = (
    ("因公出国（境）费", "30212"),
    ("公务用车购置费", "31013"),
    ("公务用车运行维护费", "30231"),
    ("公务接待费", "30217"),
)
#: Economic classes not used for 基本支出 (基本建设 capital): printed "——" in 公开06表.
_NOT_BASIC = ("309", "311")


@frozen
class Ledger:
    """The exact accounts of one department and year (every amount in 分).

    Every table of a disclosure is a projection of the ledger (:meth:`table`), printed in
    ``unit`` to ``precision``; :meth:`disclosure` assembles them.  Because the ledger holds
    every relation exactly, a printed table differs from exact arithmetic only by rounding.
    """

    year: int
    department: str
    unit: Unit
    precision: Decimal
    flows: Mapping[str, Flows]
    #: 年初/年末 财政拨款结转和结余 by budget type (一般, 基金, 国资).
    opening: tuple[int, int, int]
    closing: tuple[int, int, int]
    #: Non-appropriation balances and the two 公开01 lines that move them.
    nf_opening: int
    nf_closing: int
    balance_used: int  #: 使用非财政拨款结余
    allocation: int  #: 结余分配
    #: 公开06: amount per economic code (款, or a 类 without 款 rows).
    economic: Mapping[str, int]
    #: 公开09: (预算数, 决算数) per base column (出国, 购置, 运行维护, 接待).
    three_public: Mapping[str, tuple[int, int]]
    #: 公开10: money lines (分) and counts.
    info_money: Mapping[str, int]
    info_counts: Mapping[str, int]
    #: Layout choices: print every 类 in 公开01/04; every economic code in 公开06; zeros as 0.00.
    all_classes: bool = False
    full_economic: bool = False
    zeros_printed: bool = False
    sme_lines: bool = True
    #: How printed figures are derived from the exact ones (``ROUND_HALF_UP`` or ``ROUND_DOWN``).
    rounding: str = ROUND_HALF_UP
    #: Tables printed in another unit than :attr:`unit` (KIND → unit).
    table_units: Mapping[str, Unit] = attrs.field(factory=dict)

    def unit_of(self, kind: type[Table]) -> Unit:
        """The unit table ``kind`` is printed in."""
        return self.table_units.get(kind.KIND, self.unit)

    def shown(self, fen: int, kind: type[Table]) -> Decimal:
        """``fen`` as table ``kind`` prints it, converted exactly to the ledger's unit."""
        u = self.unit_of(kind)
        return convert(_printed(fen, u, self.precision, self.rounding), u, self.unit)

    # -- exact totals --------------------------------------------------------------------------
    def total(self, f: Callable[[Flows], int], prefix: str = "") -> int:
        """Σ ``f(flows)`` over the leaves under ``prefix`` (all leaves for ``""``)."""
        return sum(f(v) for c, v in self.flows.items() if c.startswith(prefix))

    def income(self, line: int) -> int:
        return self.total(lambda v: v.income[line])

    @property
    def single_source(self) -> bool:
        """True when every 元 is 一般公共预算财政拨款 (no other fund or source at all)."""
        others = any(
            v.basic[f] or v.project[f] or v.income[f]
            for v in self.flows.values()
            for f in (_GF, _SC, _NF)
        ) or any(
            v.remitted or v.business or v.subsidies or any(v.income[3:])
            for v in self.flows.values()
        )
        return not (
            others
            or self.opening[_GF]
            or self.opening[_SC]
            or self.closing[_GF]
            or self.closing[_SC]
            or self.nf_opening
            or self.nf_closing
            or self.balance_used
            or self.allocation
        )

    # -- printing ----------------------------------------------------------------------------
    def print_fen(
        self, fen: int, kind: type[Table], *, blank_zero: bool | None = None
    ) -> Decimal | None:
        """A 分 amount as table ``kind`` prints it (0 → blank, or 0.00 when zeros are printed)."""
        blank = (not self.zeros_printed) if blank_zero is None else blank_zero
        if fen == 0 and blank:
            return None
        return _printed(fen, self.unit_of(kind), self.precision, self.rounding)

    def _meta(self, cls: type[Table], empty: bool) -> TableMeta:
        return TableMeta(
            number=f"公开{cls.NUMBER}表",
            title=cls.KIND,
            department=self.department,
            year=self.year,
            unit=self.unit_of(cls),
            precision=self.precision,
            empty_note=NO_DATA if empty else None,
        )

    def _finish(
        self,
        cls: type[Table],
        rows: list[_RowSpec],
    ) -> Table:
        """Rows given in 分 -> the printed table (all blank, with a note, when nothing is in it)."""
        empty = all(v == 0 for *_, vals in rows for v in vals.values())
        out = [
            Row(
                key,
                name,
                {
                    c: self.print_fen(v, cls, blank_zero=True if empty else None)
                    for c, v in vals.items()
                },
                code=code,
            )
            for key, name, code, vals in rows
        ]
        return cls(out, self._meta(cls, empty))

    def _name(self, code: str) -> str:
        return codes.lookup(code, self.year).name

    def _tree(self, keep: Callable[[Flows], bool]) -> CodeTree:
        return CodeTree.closure(self.year, [c for c, v in self.flows.items() if keep(v)])

    def _functional(
        self,
        cls: type[Table],
        keep: Callable[[Flows], bool],
        columns: Callable[[Flows], dict[str, int]],
    ) -> Table:
        tree = self._tree(keep)

        def sums(prefix: str) -> dict[str, int]:
            acc = dict.fromkeys(cls.COLUMNS, 0)
            for c, v in self.flows.items():
                if c.startswith(prefix) and keep(v):
                    for k, x in columns(v).items():
                        acc[k] += x
            return acc

        rows: list[_RowSpec] = [(TOTAL, TOTAL, None, sums(""))]
        rows += [(c, self._name(c), c, sums(c)) for c in tree.codes]
        return self._finish(cls, rows)

    def _classes(self, keep: Callable[[Flows], bool]) -> list[str]:
        active = {c[:3] for c, v in self.flows.items() if keep(v)}
        if self.all_classes:
            active |= {c.code for c in codes.roots("functional", self.year)}
        return sorted(active)

    def table(self, kind: type[Table] | str) -> Table:
        """The printed table of ``kind`` (a class or its KIND)."""
        cls = kind if isinstance(kind, type) else Table.KINDS[kind]
        builder = _PROJECTIONS[cls]
        return builder(self)

    def tables(self) -> tuple[Table, ...]:
        """公开01表 … 公开10表."""
        return tuple(self.table(k) for k in TABLE_KINDS)

    def disclosure(self, *, evaluations: Sequence[Any] = (), narrative: Any = None) -> Any:
        """The whole :class:`~govfin.disclosure.Disclosure` (tables 01–10)."""

        return Disclosure(
            department=self.department,
            year=self.year,
            unit=self.unit,
            tables=self.tables(),
            evaluations=tuple(evaluations),
            narrative=narrative if narrative is not None else Narrative(),
            title=f"{self.department}{self.year}年度部门决算",
        )


# -- projections ---------------------------------------------------------------------------------


def _t01(ld: Ledger) -> Table:
    cls = IncomeExpenditureSummary
    col = cls.COLUMNS[0]
    income = [ld.income(i) for i in range(8)]
    year_income = sum(income)
    opening = sum(ld.opening) + ld.nf_opening
    closing = sum(ld.closing) + ld.nf_closing
    spent = ld.total(lambda v: v.expenditure)
    names = {
        "使用非财政拨款结余": "使用非财政拨款结余（含专用结余）",
        "收入总计": "总计",
        "支出总计": "总计",
    }
    amounts_by_key = {
        **dict(zip(_INCOME_LINES, income, strict=True)),
        "本年收入合计": year_income,
        "使用非财政拨款结余": ld.balance_used,
        "年初结转和结余": opening,
        "收入总计": year_income + ld.balance_used + opening,
        "本年支出合计": spent,
        "结余分配": ld.allocation,
        "年末结转和结余": closing,
        "支出总计": spent + ld.allocation + closing,
    }
    rows: list[_RowSpec] = [
        (k, names.get(k, k), None, {col: amounts_by_key[k]}) for k in cls.INCOME_ROWS
    ]
    rows += [
        (c, ld._name(c), c, {col: ld.total(lambda v: v.expenditure, c)})
        for c in ld._classes(lambda v: v.expenditure > 0)
    ]
    rows += [(k, names.get(k, k), None, {col: amounts_by_key[k]}) for k in cls.EXPENDITURE_ROWS]
    return ld._finish(cls, rows)


def _t02(ld: Ledger) -> Table:
    cols = IncomeTable.COLUMNS

    def columns(v: Flows) -> dict[str, int]:
        return {
            cols[0]: sum(v.income),
            cols[1]: sum(v.income[f] for f in _FISCAL),
            **{k: v.income[3 + i] for i, k in enumerate(_NF_SOURCES)},
        }

    return ld._functional(IncomeTable, lambda v: v.expenditure > 0, columns)


def _t03(ld: Ledger) -> Table:
    def columns(v: Flows) -> dict[str, int]:
        return {
            "本年支出合计": v.expenditure,
            "基本支出": sum(v.basic),
            "项目支出": sum(v.project),
            "上缴上级支出": v.remitted,
            "经营支出": v.business,
            "对附属单位补助支出": v.subsidies,
        }

    return ld._functional(ExpenditureTable, lambda v: v.expenditure > 0, columns)


def _t04(ld: Ledger) -> Table:
    cls = FiscalAppropriationSummary
    amount, total = "金额", "合计"
    inc = [ld.income(f) for f in _FISCAL]
    names = {f"年初{b}": b for b in _BUDGET_TYPES} | {"收入总计": "总计", "支出总计": "总计"}
    income = {
        **dict(zip(_BUDGET_TYPES, inc, strict=True)),
        "本年收入合计": sum(inc),
        "年初财政拨款结转和结余": sum(ld.opening),
        **{f"年初{b}": ld.opening[i] for i, b in enumerate(_BUDGET_TYPES)},
        "收入总计": sum(inc) + sum(ld.opening),
    }
    rows: list[_RowSpec] = [
        (k, names.get(k, k), None, {amount: income[k]}) for k in cls.INCOME_ROWS
    ]

    def split(values: Sequence[int]) -> dict[str, int]:
        return {total: sum(values), **dict(zip(_BUDGET_TYPES, values, strict=True))}

    def fiscal(v: Flows) -> bool:
        return any(v.spent(f) for f in _FISCAL)

    def spent_by(fund: int) -> Callable[[Flows], int]:
        return lambda v: v.spent(fund)

    for c in ld._classes(fiscal):
        rows.append((c, ld._name(c), c, split([ld.total(spent_by(f), c) for f in _FISCAL])))
    spent = [ld.total(spent_by(f)) for f in _FISCAL]
    rows.append(("本年支出合计", "本年支出合计", None, split(spent)))
    rows.append(("年末财政拨款结转和结余", "年末财政拨款结转和结余", None, split(ld.closing)))
    rows.append(
        ("支出总计", "总计", None, split([s + k for s, k in zip(spent, ld.closing, strict=True)]))
    )
    return ld._finish(cls, rows)


def _t05(ld: Ledger) -> Table:
    def columns(v: Flows) -> dict[str, int]:
        return {"合计": v.spent(_GP), "基本支出": v.basic[_GP], "项目支出": v.project[_GP]}

    return ld._functional(GeneralBudgetExpenditureTable, lambda v: v.spent(_GP) > 0, columns)


def _t07(ld: Ledger) -> Table:
    def columns(v: Flows) -> dict[str, int]:
        return {
            "年初结转和结余": v.fund_opening,
            "本年收入": v.income[_GF],
            "本年支出小计": v.spent(_GF),
            "基本支出": v.basic[_GF],
            "项目支出": v.project[_GF],
            "年末结转和结余": v.fund_closing,
        }

    return ld._functional(GovernmentFundTable, lambda v: v.fund_active, columns)


def _t08(ld: Ledger) -> Table:
    def columns(v: Flows) -> dict[str, int]:
        return {"合计": v.spent(_SC), "基本支出": v.basic[_SC], "项目支出": v.project[_SC]}

    return ld._functional(StateCapitalTable, lambda v: v.spent(_SC) > 0, columns)


def _t06(ld: Ledger) -> Table:
    cls = BasicExpenditureDetail
    col = cls.COLUMNS[0]
    if ld.full_economic:
        listed = [c.code for c in codes.all_codes("economic", ld.year)]
    else:
        listed = sorted(CodeTree.closure(ld.year, [c for c, v in ld.economic.items() if v]).codes)
    by_class = sorted(listed, key=lambda c: (c[:3] not in ("301", "303"), c))  # 人员经费 first

    def amount(code: str) -> int:
        return sum(v for c, v in ld.economic.items() if c.startswith(code))

    rows: list[_RowSpec] = [(c, ld._name(c), c, {col: amount(c)}) for c in by_class]
    personnel = sum(v for c, v in ld.economic.items() if c[:3] in ("301", "303"))
    public = sum(ld.economic.values()) - personnel
    rows.append((cls.PERSONNEL_TOTAL, cls.PERSONNEL_TOTAL, None, {col: personnel}))
    rows.append((cls.PUBLIC_TOTAL, cls.PUBLIC_TOTAL, None, {col: public}))
    table = ld._finish(cls, rows)
    if ld.full_economic and not table.empty:
        # 基本建设 classes do not apply to 基本支出: printed "——", i.e. blank.
        fixed = [
            attrs.evolve(r, values={col: None}) if (r.code or "")[:3] in _NOT_BASIC else r
            for r in table.rows
        ]
        table = attrs.evolve(table, rows=fixed)
    return table


def _t09(ld: Ledger) -> Table:
    cls = ThreePublicTable
    budget = {k: ld.three_public[k][0] for k, _ in _THREE_PUBLIC_BASE}
    actual = {k: ld.three_public[k][1] for k, _ in _THREE_PUBLIC_BASE}

    def columns(v: dict[str, int]) -> dict[str, int]:
        cars = v["公务用车购置费"] + v["公务用车运行维护费"]
        return {
            "合计": v["因公出国（境）费"] + cars + v["公务接待费"],
            "因公出国（境）费": v["因公出国（境）费"],
            "公务用车购置及运行维护费": cars,
            "公务用车购置费": v["公务用车购置费"],
            "公务用车运行维护费": v["公务用车运行维护费"],
            "公务接待费": v["公务接待费"],
        }

    if not any(budget.values()) and not any(actual.values()):
        return cls((), ld._meta(cls, True))
    rows: list[_RowSpec] = [
        (cls.BUDGET, cls.BUDGET, None, columns(budget)),
        (cls.ACTUAL, cls.ACTUAL, None, columns(actual)),
    ]
    return ld._finish(cls, rows)


_INFO_NAMES = {
    "政府采购合计": "合计",
    "车辆数合计": "车辆数合计(辆)",
    "副部（省）级及以上领导用车": "副部(省)级及以上领导用车",
    "单价100万元（含）以上设备": "单价100万元(含)以上设备(不含车辆)",
}


def _t10(ld: Ledger) -> Table:
    cls = DisclosureInfoTable
    col = cls.COLUMNS[0]
    keys = [
        k
        for k in cls.ROW_KEYS
        if ld.sme_lines or k not in ("授予中小企业合同金额", "授予小微企业合同金额")
    ]
    empty = not any(ld.info_money.values()) and not any(ld.info_counts.values())
    rows = []
    for k in keys:
        if k in cls.COUNT_ROWS:
            n = ld.info_counts[k]
            value = None if n == 0 and (empty or not ld.zeros_printed) else Decimal(n)
        else:
            value = ld.print_fen(ld.info_money[k], cls, blank_zero=True if empty else None)
        rows.append(Row(k, _INFO_NAMES.get(k, k), {col: value}))
    return cls(rows, ld._meta(cls, empty))


_PROJECTIONS: dict[type[Table], Callable[[Ledger], Table]] = {
    T01: _t01, T02: _t02, T03: _t03, T04: _t04, T05: _t05,
    T06: _t06, T07: _t07, T08: _t08, T09: _t09, T10: _t10,
}  # fmt: skip
