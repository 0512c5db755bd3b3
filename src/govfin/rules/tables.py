"""Intra-table rules, generated from the equations each table kind declares as data.

For every concrete table kind (``Table.KINDS``) this module registers:

- one rule per :class:`~govfin.tables.base.RowEquation` id (checked on every row; one naming
  an optional column the table's ``COLUMNS`` lack only on the rows that print it),
- one rule per :class:`~govfin.tables.base.RowBound` id (a 其中 column ≤ its parent, on every
  row that prints it),
- one rule per :class:`~govfin.tables.base.Equation` id (between fixed cells; equations that
  share an id, such as R04-2 for each budget type, form one rule),
- one rule for its :class:`~govfin.tables.base.Rollup` along the code tree, if any;

plus the few relations that are not a fixed equation, as small rule functions: R06-1/R06-2
(人员经费/公用经费 split, a per-run option), R09-3 (决算数 ≤ 预算数), R10-2 (中小企业 ≤ 合计,
小微 ≤ 中小), R10-4 (counts are whole numbers) and, for every table kind, S-negative-balance
(no 结转和结余 below zero);

and, through :mod:`govfin.rules.classification` (imported at the end, so that its rules come
right after these), the classification rules of every table with coded rows.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from decimal import Decimal
from functools import partial
from typing import TypeVar

from govfin.amounts import ZERO
from govfin.findings import Category, Severity
from govfin.rules.engine import Context, holds_exactly
from govfin.rules.registry import REGISTRY, Rule, RuleError
from govfin.tables import BasicExpenditureDetail, DisclosureInfoTable, Table, ThreePublicTable
from govfin.tables.base import CLASS_ROWS, Equation, Rollup, RowBound, RowEquation

_NO_VALUES: Mapping[str, Decimal | None] = {}


def _values(table: Table, key: str) -> Mapping[str, Decimal | None]:
    """The cells of a row key: those of the first row with that key (as :meth:`Table.cell`)."""
    row = table.get(key)
    return row.values if row is not None else _NO_VALUES


def _row_equation(eq: RowEquation, table: Table, ctx: Context) -> None:
    # An optional column outside COLUMNS is held only where printed: judged on those rows.
    extra = set(table.extra_columns()).intersection((eq.total, *eq.plus, *eq.minus))
    for row in table.rows:
        vals = _values(table, row.key)
        if extra and not extra.issubset(vals):
            continue
        if holds_exactly(vals.get(eq.total), map(vals.get, eq.plus), map(vals.get, eq.minus)):
            continue
        ctx.equation(
            table.cell(row.key, eq.total),
            [table.cell(row.key, c) for c in eq.plus],
            [table.cell(row.key, c) for c in eq.minus],
            what=f"{eq.zh} (row {row.key})",
        )


def _row_bound(bound: RowBound, table: Table, ctx: Context) -> None:
    for row in table.rows:
        vals = _values(table, row.key)
        if bound.part not in vals:
            continue  # the column is not printed: nothing to compare
        ctx.at_most(table.cell(row.key, bound.part), table.cell(row.key, bound.whole),
                    what=f"{bound.part} ≤ {bound.whole} (row {row.key})")


def _expand(table: Table, refs: tuple[tuple[str, str], ...]) -> list[tuple[str, str]]:
    """Cell references with :data:`CLASS_ROWS` expanded to every 类 row."""
    out: list[tuple[str, str]] = []
    for key, column in refs:
        if key == CLASS_ROWS:
            out.extend(
                (r.key, column) for r in table.rows if r.code is not None and len(r.code) == 3
            )
        else:
            out.append((key, column))
    return out


def _equation(eq: Equation, table: Table, ctx: Context) -> None:
    plus, minus = _expand(table, eq.plus), _expand(table, eq.minus)
    if holds_exactly(
        table.value(*eq.total),
        (table.value(*ref) for ref in plus),
        (table.value(*ref) for ref in minus),
    ):
        return
    ctx.equation(
        table.cell(*eq.total),
        [table.cell(*ref) for ref in plus],
        [table.cell(*ref) for ref in minus],
        what=eq.zh,
    )


def _rollup(ru: Rollup, table: Table, ctx: Context) -> None:
    columns = table.COLUMNS if ru.columns is None else ru.columns
    if ru.columns is None and table.extra_columns():  # and the optional columns printed
        columns = (*columns, *(c for c in table.extra_columns()
                               if any(c in r.values for r in table.rows)))
    children: dict[str, list[str]] = {}
    present: dict[str, None] = {}  # codes in row order, each once
    for r in table.rows:
        if r.code is None or r.code in present:
            continue
        present[r.code] = None
        if len(r.code) > 3:
            children.setdefault(r.code[:-2], []).append(r.code)
    # The relations: (total key, part keys, what); a parent without its row is C-orphan's.
    relations: list[tuple[str, list[str], str]] = []
    if ru.total is not None and table.get(ru.total) is not None:
        tops = [c for c in present if len(c) == 3]
        relations.append((ru.total, tops, f"{ru.total} = Σ类"))
    relations += [(p, kids, f"{p} = Σ children") for p, kids in children.items() if p in present]
    # Each relation with the cells of its rows, looked up once for every column.
    rows = [
        (total, parts, what, _values(table, total), [_values(table, k) for k in parts])
        for total, parts, what in relations
    ]
    for column in columns:
        for total, parts, what, total_values, part_values in rows:
            # holds_exactly(total, parts), inlined: the loop runs for every relation and column
            printed = total_values.get(column)
            expected = ZERO
            for v in part_values:
                x = v.get(column)
                if x is not None:
                    expected += x
            if (printed if printed is not None else ZERO) == expected:
                continue
            ctx.equation(
                table.cell(total, column),
                [table.cell(k, column) for k in parts],
                what=f"{what} (column {column})",
            )


def _register(rule_id: str, zh: str, en: str, category: Category, severity: Severity,
              cls: type[Table], func: Callable[[Table, Context], None], source: str,
              changed: str = "") -> None:
    REGISTRY.register(
        Rule(
            changed=changed,
            id=rule_id,
            title_zh=zh,
            title_en=en,
            category=category,
            severity=severity,
            tables=(cls.KIND,),
            subject=cls,
            func=func,
            source=source,
        )
    )


_Eq = TypeVar("_Eq", Equation, RowEquation, RowBound)


def _grouped(items: tuple[_Eq, ...]) -> list[list[_Eq]]:
    """Declared equations grouped by rule id (one rule may check several cells), in order."""
    groups: dict[str, list[_Eq]] = {}
    for item in items:
        groups.setdefault(item.id, []).append(item)
    for rule_id, group in groups.items():
        if len({g.severity for g in group}) > 1:
            raise RuleError(f"equations of rule {rule_id!r} declare different severities")
    return list(groups.values())


def _titles(group: list[_Eq]) -> tuple[str, str, str]:
    """Chinese title, English title and source of a group of equations sharing one id."""
    zh = "；".join(dict.fromkeys(g.zh for g in group))
    en = "; ".join(dict.fromkeys(g.en for g in group))
    source = "; ".join(dict.fromkeys(g.source for g in group if g.source))
    return zh, en, source


def _run_all(funcs: list[Callable[[Table, Context], None]], table: Table, ctx: Context) -> None:
    for f in funcs:
        f(table, ctx)


def _register_kind(cls: type[Table]) -> None:
    """Register the rules a table kind declares as data.

    Equations (or row equations) that share an id form one rule, e.g. R04-2 for each of the
    three budget types.
    """
    for rgroup in _grouped(cls.ROW_EQUATIONS):
        zh, en, source = _titles(rgroup)
        funcs: list[Callable[[Table, Context], None]] = [
            partial(_row_equation, req) for req in rgroup
        ]
        func = funcs[0] if len(funcs) == 1 else partial(_run_all, funcs)
        _register(rgroup[0].id, zh, en, Category.PARTITION, rgroup[0].severity, cls, func,
                  source, rgroup[0].changed)
    for bgroup in _grouped(cls.ROW_BOUNDS):
        zh, en, source = _titles(bgroup)
        funcs = [partial(_row_bound, b) for b in bgroup]
        func = funcs[0] if len(funcs) == 1 else partial(_run_all, funcs)
        _register(bgroup[0].id, zh, en, Category.PARTITION, bgroup[0].severity, cls, func,
                  source, bgroup[0].changed)
    for egroup in _grouped(cls.EQUATIONS):
        zh, en, source = _titles(egroup)
        category = Category.BALANCE if any(eq.minus for eq in egroup) else Category.PARTITION
        funcs = [partial(_equation, eq) for eq in egroup]
        func = funcs[0] if len(funcs) == 1 else partial(_run_all, funcs)
        _register(egroup[0].id, zh, en, category, egroup[0].severity, cls, func, source)
    if cls.ROLLUP is not None:
        ru = cls.ROLLUP
        _register(ru.id, ru.zh, ru.en, Category.ROLLUP, ru.severity, cls, partial(_rollup, ru),
                  ru.source)


for _cls in list(Table.KINDS.values()):
    _register_kind(_cls)


# -- relations that are not a fixed equation ---------------------------------------------------


def _personnel_total(table: BasicExpenditureDetail, ctx: Context) -> None:
    """人员经费合计 = Σ of the 类 counted as 人员经费 (``CheckOptions.personnel_classes``)."""
    _split_total(table, ctx, personnel=True)


def _public_total(table: BasicExpenditureDetail, ctx: Context) -> None:
    """公用经费合计 = Σ of every other 类 present in the table."""
    _split_total(table, ctx, personnel=False)


def _split_total(table: BasicExpenditureDetail, ctx: Context, *, personnel: bool) -> None:
    key = table.PERSONNEL_TOTAL if personnel else table.PUBLIC_TOTAL
    if table.get(key) is None:
        return  # a missing total line is a completeness matter, not an arithmetic one
    chosen = set(ctx.options.personnel_classes)
    column = table.COLUMNS[0]
    classes = dict.fromkeys(
        r.code for r in table.coded_rows() if r.code is not None and len(r.code) == 3
    )
    parts = [table.cell(c, column) for c in classes if (c in chosen) is personnel]
    label = "+".join(c.place.row or "" for c in parts) or "(none)"
    ctx.equation(table.cell(key, column), parts, what=f"{key} = Σ类 ({label})")


def _actual_within_budget(table: ThreePublicTable, ctx: Context) -> None:
    """决算数 ≤ 预算数 in every column (a warning: overspending needs an explanation)."""
    if table.get(table.ACTUAL) is None or table.get(table.BUDGET) is None:
        return
    for column in table.COLUMNS:
        ctx.at_most(
            table.cell(table.ACTUAL, column),
            table.cell(table.BUDGET, column),
            what=f"决算数 ≤ 预算数 ({column})",
        )


def _sme_shares(table: DisclosureInfoTable, ctx: Context) -> None:
    """授予中小企业合同金额 ≤ 政府采购合计; 授予小微企业合同金额 ≤ 授予中小企业合同金额."""
    column = table.COLUMNS[0]
    for small, big in (
        ("授予中小企业合同金额", "政府采购合计"),
        ("授予小微企业合同金额", "授予中小企业合同金额"),
    ):
        if table.get(small) is None:
            continue  # not printed: nothing to compare
        ctx.at_most(table.cell(small, column), table.cell(big, column), what=f"{small} ≤ {big}")


def _whole_counts(table: DisclosureInfoTable, ctx: Context) -> None:
    """Counts (车辆数, 设备数) are whole, non-negative numbers."""
    column = table.COLUMNS[0]
    for key in table.COUNT_ROWS:
        cell = table.cell(key, column)
        v = cell.value
        if v is not None and (v != v.to_integral_value() or v < 0):
            ctx.emit(
                f"{key}: a count must be a whole number ≥ 0, got {v}",
                place=cell.place,
                actual=v,
                cells=[cell.place],
            )


for _id, _zh, _en, _cat, _sev, _subject, _func, _src in (
    ("R06-1", "人员经费合计 = Σ人员经费类（默认 301、303，可配置）",
     "personnel total = sum of the personnel 类 (default 301 and 303; configurable)",
     Category.PARTITION, Severity.ERROR, BasicExpenditureDetail, _personnel_total,
     "layout of 公开06表 (R06-1); CheckOptions.personnel_classes"),
    ("R06-2", "公用经费合计 = Σ其余各类", "public-expenses total = sum of the other 类",
     Category.PARTITION, Severity.ERROR, BasicExpenditureDetail, _public_total,
     "layout of 公开06表 (R06-2); CheckOptions.personnel_classes"),
    ("R09-3", "决算数不超过预算数（每一列）", "actual does not exceed budget (each column)",
     Category.BALANCE, Severity.WARNING, ThreePublicTable, _actual_within_budget,
     "预算数 is the adjusted full-year budget of 公开09表"),
    ("R10-2", "授予中小企业合同金额 ≤ 政府采购合计；授予小微企业 ≤ 授予中小企业",
     "contracts to SMEs ≤ procurement total; to small and micro firms ≤ to SMEs",
     Category.PARTITION, Severity.ERROR, DisclosureInfoTable, _sme_shares,
     "layout of 公开10表 (R10-2)"),
    ("R10-4", "车辆数、设备数须为非负整数", "vehicle and equipment counts are whole numbers ≥ 0",
     Category.PARTITION, Severity.ERROR, DisclosureInfoTable, _whole_counts,
     "layout of 公开10表 (R10-3: counts are integers)"),
):
    _register(_id, _zh, _en, _cat, _sev, _subject, _func, _src)  # type: ignore[arg-type]


# -- balances ---------------------------------------------------------------------------------

#: A row or column of a carried-over balance: 年初/年末(财政拨款)结转和结余, 年末结转结余.
_BALANCE = re.compile(r"结转和?结余")


def _negative_balances(table: Table, ctx: Context) -> None:
    """No 结转和结余 (a row such as 年末结转和结余, or a column of that name) is negative."""
    for r in table.rows:
        row_is_balance: bool | None = None  # asked of the row's key at its first negative
        for column, v in r.values.items():
            if v is None or v >= 0:
                continue
            if row_is_balance is None:
                row_is_balance = _BALANCE.search(r.key) is not None
            if not (row_is_balance or _BALANCE.search(column)):
                continue
            cell = table.cell(r.key, column)
            ctx.emit(
                f"{r.key} ({column}) is {v}: a carried-over balance (结转和结余) cannot be "
                "negative — more was spent than was available (支出 above 收入 + 年初结转和结余)",
                place=cell.place,
                expected=Decimal(0),
                actual=v,
                cells=[cell.place],
            )


REGISTRY.register(
    Rule(
        id="S-negative-balance",
        title_zh="结转和结余不得为负数",
        title_en="no carried-over balance (结转和结余) is negative",
        category=Category.BALANCE,
        severity=Severity.ERROR,
        tables=tuple(Table.KINDS),
        subject=Table,
        func=_negative_balances,
        source="财政部 部门决算 template: 年末结转和结余 = 年初结转和结余 + 收入 − 支出 − 结余分配, "
        "money that is left, never below zero",
        changed="2026 (issue 15): a negative 年末结转和结余 (spending above what was available) "
        "passed unnoticed when the table's balance equations still held",
    )
)


# The classification rules (C-*) run right after the table's own relations: registered here.
from govfin.rules import classification  # noqa: F401
