"""Drawing ledgers (:func:`ledgers`) and the consistent tables printed from them
(:func:`tables`, :func:`any_tables`).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_UP
from typing import Any

import attrs
from hypothesis import strategies as st

from govfin.amounts import Unit
from govfin.strategies._base import _CENT, DEPARTMENTS, TABLE_KINDS, Draw, _Source
from govfin.strategies._codes import _draw_leaves, years
from govfin.strategies._ledgers import (
    _FISCAL,
    _GF,
    _GP,
    _NF,
    _NF_SOURCES,
    _NOT_BASIC,
    _THREE_PUBLIC_BASE,
    Flows,
    Ledger,
)
from govfin.tables import (
    T01,
    T04,
    T05,
    T06,
    T07,
    T08,
    DisclosureInfoTable,
    Table,
)

# -- drawing a ledger ----------------------------------------------------------------------------


def _draw_flows(src: _Source, active: Sequence[bool]) -> Flows:
    """The money of one leaf: expenditure by fund, then income that pays for it exactly."""
    basic = [0, 0, 0, 0]
    project = [0, 0, 0, 0]
    for f in range(4):
        if active[f]:
            basic[f] = src.maybe_fen(60 if f == _GP else 40)
            project[f] = src.maybe_fen(40)
    remitted = business = subsidies = 0
    if active[_NF]:
        remitted = src.maybe_fen(5)
        business = src.maybe_fen(10)
        subsidies = src.maybe_fen(5)
    spent = [basic[f] + project[f] for f in range(4)]
    nf_spent = spent[_NF] + remitted + business + subsidies
    # Income of each budget type = its expenditure + a shift (money carried over at this
    # code); shifts net out against non-appropriation income, which stays >= 0.
    shift = [0, 0, 0]
    room = nf_spent
    for f in _FISCAL:
        if active[f] and spent[f] and src.chance(20):
            shift[f] = -src.integer(0, spent[f])
            room -= shift[f]
    for f in _FISCAL:
        if active[f] and room and src.chance(20):
            up = src.integer(0, room)
            shift[f] += up
            room -= up
    income_fiscal = [spent[f] + shift[f] for f in _FISCAL]
    nf_income = nf_spent - sum(shift)
    assert nf_income >= 0 and all(x >= 0 for x in income_fiscal)
    income = (*income_fiscal, *src.split(nf_income, len(_NF_SOURCES)))
    fund_opening = fund_closing = 0
    if active[_GF]:
        # 年末 = 年初 + 本年收入 − 本年支出 on the row: closing − opening = shift.
        fund_closing = max(shift[_GF], 0) + src.maybe_fen(30)
        fund_opening = fund_closing - shift[_GF]
    return Flows(
        tuple(basic),
        tuple(project),
        remitted,
        business,
        subsidies,
        income,
        fund_opening,
        fund_closing,
    )


@st.composite
def ledgers(
    draw: Draw,
    *,
    year: int | None = None,
    unit: Unit | None = None,
    min_leaves: int = 0,
    max_leaves: int = 40,
    funds: Sequence[str] | None = None,
    rounding: str = ROUND_HALF_UP,
    mixed_units: bool = True,
) -> Ledger:
    """The exact accounts of a department: every table of a consistent disclosure comes from
    one of these (:meth:`Ledger.table`, :meth:`Ledger.disclosure`).

    ``funds`` forces budget types to be active: any of ``"一般"``, ``"基金"``, ``"国资"``,
    ``"非财政"`` (otherwise each is drawn; 一般公共预算 nearly always).  ``max_leaves`` bounds the
    number of leaf codes (tables reach about twice as many rows).  ``unit`` is the document's
    unit (drawn: mostly 万元); with ``mixed_units`` a few tables may be printed in the other
    unit.  ``rounding`` is how figures are printed: ``ROUND_HALF_UP`` (四舍五入), or
    ``ROUND_DOWN`` for a document that cuts (check it with
    ``tolerance=Tolerance(ToleranceMode.TRUNCATE)``).
    """
    y = year if year is not None else draw(years())
    u = unit if unit is not None else draw(st.sampled_from([Unit.WAN_YUAN] * 4 + [Unit.YUAN]))
    src = _Source(draw)
    other = Unit.YUAN if u is Unit.WAN_YUAN else Unit.WAN_YUAN
    table_units: dict[str, Unit] = {}
    if mixed_units and src.chance(15):
        for kind in src.sample(TABLE_KINDS, src.integer(1, 3)):
            table_units[kind.KIND] = other
    forced = set(funds or ())
    names = ("一般", "基金", "国资", "非财政")
    odds = (95, 30, 10, 40)
    active = [n in forced or src.chance(p) for n, p in zip(names, odds, strict=True)]
    n = src.integer(min_leaves, max_leaves)
    leaves = _draw_leaves(src, "functional", y, n)
    flows = {c: _draw_flows(src, active) for c in leaves}

    # Balances by budget type: closing = opening + income − expenditure (R04-2).
    opening = [0, 0, 0]
    closing = [0, 0, 0]
    for f in _FISCAL:
        net = sum(v.income[f] - v.spent(f) for v in flows.values())
        if f == _GF:
            opening[f] = sum(v.fund_opening for v in flows.values())
        elif active[f]:
            opening[f] = max(0, -net) + src.maybe_fen(40)
        else:
            opening[f] = max(0, -net)
        closing[f] = opening[f] + net
    # Non-appropriation balances: income + used + opening = expenditure + allocation + closing
    # (公开01表), with Σ income = Σ expenditure.
    fiscal_gain = sum(closing) - sum(opening)
    used = src.maybe_fen(15) if active[_NF] else 0
    allocation = src.maybe_fen(10) if active[_NF] else 0
    nf_closing = src.maybe_fen(30) if active[_NF] else 0
    nf_opening = allocation + nf_closing + fiscal_gain - used
    if nf_opening < 0:
        nf_closing -= nf_opening
        nf_opening = 0

    precision = _CENT
    ledger = Ledger(
        year=y,
        department=src.choice(DEPARTMENTS),
        unit=u,
        precision=precision,
        flows=flows,
        opening=tuple(opening),  # type: ignore[arg-type]
        closing=tuple(closing),  # type: ignore[arg-type]
        nf_opening=nf_opening,
        nf_closing=nf_closing,
        balance_used=used,
        allocation=allocation,
        economic={},
        three_public={k: (0, 0) for k, _ in _THREE_PUBLIC_BASE},
        info_money={
            k: 0 for k in DisclosureInfoTable.ROW_KEYS if k not in DisclosureInfoTable.COUNT_ROWS
        },
        info_counts={k: 0 for k in DisclosureInfoTable.COUNT_ROWS},
        all_classes=src.chance(30),
        full_economic=src.chance(30),
        zeros_printed=src.chance(20),
        sme_lines=src.chance(50),
        rounding=rounding,
        table_units=table_units,
    )
    ledger = _fix_single_source(src, ledger)
    ledger = attrs.evolve(ledger, economic=_draw_economic(src, ledger))
    ledger = attrs.evolve(ledger, three_public=_draw_three_public(src, ledger))
    money, counts = _draw_info(src)
    return attrs.evolve(ledger, info_money=money, info_counts=counts)


def _fix_single_source(src: _Source, ld: Ledger) -> Ledger:
    """Make a ledger that is not single-source not *look* single-source in print either.

    The cross-table rules treat a unit as funded by 一般公共预算 alone when 公开01 shows no
    other income, no 使用非财政拨款结余, and an opening balance equal to 公开04's 一般公共预算
    one (:func:`govfin.rules.cross.single_source`).  Tiny amounts of other money can print as
    zeros; then 使用非财政拨款结余 is raised to a visible amount (and the balances follow).
    """
    if ld.single_source:
        return ld
    visible = any(ld.shown(ld.income(i), T01) for i in range(1, 8)) or ld.shown(
        ld.balance_used, T01
    )
    opening01 = ld.shown(sum(ld.opening) + ld.nf_opening, T01)
    if visible or opening01 != ld.shown(ld.opening[_GP], T04):
        return ld
    used = ld.balance_used + 10**6 + src.fen(8)  # ≥ 1 万元
    nf_opening = ld.allocation + ld.nf_closing + (sum(ld.closing) - sum(ld.opening)) - used
    nf_closing = ld.nf_closing
    if nf_opening < 0:
        nf_closing -= nf_opening
        nf_opening = 0
    return attrs.evolve(ld, balance_used=used, nf_opening=nf_opening, nf_closing=nf_closing)


def _draw_economic(src: _Source, ld: Ledger) -> dict[str, int]:
    """公开06: split the 一般公共预算 基本支出 over economic codes."""
    basic = ld.total(lambda v: v.basic[_GP])
    if basic == 0:
        return {}
    n = src.integer(1, 12)
    picked = _draw_leaves(src, "economic", ld.year, n, exclude=lambda c: c[:3] in _NOT_BASIC)
    parts = src.split(basic, len(picked))
    return dict(zip(picked, parts, strict=True))


def _draw_three_public(src: _Source, ld: Ledger) -> dict[str, tuple[int, int]]:
    """公开09: 决算数 ≥ its 公开06 basic part (X11), 预算数 ≥ 决算数 (R09-3)."""
    out = {}
    for column, code in _THREE_PUBLIC_BASE:
        base = sum(v for c, v in ld.economic.items() if c.startswith(code))
        actual = base + src.maybe_fen(25, 9)
        budget = actual + src.maybe_fen(40, 9)
        out[column] = (budget, actual)
    return out


def _draw_info(src: _Source) -> tuple[dict[str, int], dict[str, int]]:
    """公开10: procurement (合计 = 货物 + 工程 + 服务; 小微 ≤ 中小 ≤ 合计), running costs, counts."""
    goods, works, services = (src.maybe_fen(40, 10) for _ in range(3))
    total = goods + works + services
    sme = src.integer(0, total) if total and src.chance(60) else 0
    small = src.integer(0, sme) if sme else 0
    money = {
        "政府采购合计": total,
        "货物": goods,
        "工程": works,
        "服务": services,
        "授予中小企业合同金额": sme,
        "授予小微企业合同金额": small,
        "行政单位": src.maybe_fen(30, 9),
        "参照公务员法管理事业单位": src.maybe_fen(15, 9),
    }
    uses = {
        k: (src.integer(0, 12) if src.chance(20) else 0) for k in DisclosureInfoTable.VEHICLE_USES
    }
    counts = {
        "车辆数合计": sum(uses.values()),
        **uses,
        "单价100万元（含）以上设备": src.integer(0, 30) if src.chance(20) else 0,
    }
    return money, counts



# ----------------------------------------------------------------------------------------------
# tables and disclosures

_FORCED_FUNDS: dict[type[Table], tuple[str, ...]] = {
    T05: ("一般",),
    T06: ("一般",),
    T07: ("基金",),
    T08: ("国资",),
}


def tables(
    kind: type[Table] | str,
    *,
    year: int | None = None,
    unit: Unit | None = None,
    min_leaves: int = 0,
    max_leaves: int = 40,
) -> st.SearchStrategy[Table]:
    """A consistent table of ``kind`` (a class such as :data:`T03`, or its KIND).

    Sizes range from an empty table (printed with "本表无数据") to ``max_leaves`` leaf codes
    (about twice as many rows with their 款 and 类); ``max_leaves=300`` gives tables of hundreds
    of rows.
    """
    cls = kind if isinstance(kind, type) else Table.KINDS[kind]
    return ledgers(
        year=year,
        unit=unit,
        min_leaves=min_leaves,
        max_leaves=max_leaves,
        funds=_FORCED_FUNDS.get(cls, ()),
    ).map(lambda ld: ld.table(cls))


def any_tables(**options: Any) -> st.SearchStrategy[Table]:
    """A consistent table of any kind (options as for :func:`tables`)."""
    return st.sampled_from(TABLE_KINDS).flatmap(lambda k: tables(k, **options))
