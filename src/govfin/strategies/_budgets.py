"""Hypothesis strategies building consistent 部门预算 disclosures of every family, by construction.

A :class:`BudgetLedger` holds the exact accounts (in 分) a budget is printed from: for each 功能分类
leaf, an amount per (source, purpose) — sources 一般公共预算, 政府性基金预算, 国有资本经营预算 and
the family's non-appropriation sources; purposes 基本支出, 项目支出 (and Jiangsu's
单位预留机动经费) — plus the 一般公共预算 (and 政府性基金) 基本支出 by 经济分类 leaf, the 三公
items, 机关运行经费, and Jiangsu's procurement.  Every table is summed from the ledger and only
then is each cell rounded, independently, to its table's unit (Shanghai whole 元, its 三公 table and
the other families 0.01 万元), so printed budgets carry real rounding residues and nothing else.

- :func:`budget_ledgers` / :func:`budget_disclosures`: a consistent budget (``family`` one of
  :data:`~govfin.tables.budget.FAMILIES`, or drawn);
- :func:`budget_mutations`: the same disclosure with one printed cell moved far beyond every
  tolerance, and the :class:`~govfin.findings.Place` of that cell.

Importable only when hypothesis is installed.  (To move into the strategies package.)
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import attrs
from hypothesis import strategies as st

from govfin import codes
from govfin._lazy import frozen
from govfin.amounts import Unit
from govfin.disclosure import Disclosure
from govfin.findings import Place
from govfin.strategies._amounts import round_yuan
from govfin.strategies._base import _Source
from govfin.strategies._codes import CodeTree
from govfin.tables import Row, Table
from govfin.tables.budget import (
    CENTRAL,
    FAMILIES,
    FAMILY_KINDS,
    JIANGSU,
    JIANGSU_INCOME_GROUPS,
    SHANGHAI,
    BudgetTable,
    budget_meta,
)

__all__ = ["BudgetLedger", "budget_disclosures", "budget_ledgers", "budget_mutations"]

Draw = Callable[..., object]

GENERAL, FUND, CAPITAL = "一般公共预算", "政府性基金预算", "国有资本经营预算"
BASIC, PROJECT, RESERVE = "基本支出", "项目支出", "单位预留机动经费"
#: Non-appropriation sources per family (the income lines or columns they print).
OTHER_SOURCES = {
    SHANGHAI: ("事业收入", "事业单位经营收入", "其他收入"),
    JIANGSU: ("专户管理教育收费", "其他非税收入", "事业收入", "经营收入", "其他收入",
              "债务资金（银行贷款）"),
    CENTRAL: ("财政专户管理资金", "事业收入", "事业单位经营收入", "上级补助收入", "附属单位上缴收入",
              "其他收入"),
}
_PERSONNEL = ("301", "303")
_YEARS = (2024, 2025)


@frozen
class BudgetLedger:
    """The exact accounts of one budget (amounts in 分)."""

    family: str
    year: int
    #: 功能分类 leaf -> {(source, purpose): 分}.
    flows: dict[str, dict[tuple[str, str], int]]
    #: 经济分类 款 -> {source: 分} of 基本支出 (一般公共预算 and, in Jiangsu, 政府性基金).
    basic: dict[str, dict[str, int]]
    #: 三公: 因公出国（境）, 公务接待, 公务用车购置, 公务用车运行 (分); 会议费, 培训费 (Jiangsu).
    three_public: dict[str, int]
    running_cost: int
    #: Jiangsu 机关运行经费 by 经济分类 款; procurement 货物/工程/服务.
    running: dict[str, int]
    procurement: dict[str, int]
    #: Jiangsu 一般公共预算资金 split into 公共财政拨款（补助）资金 / 专项收入.
    special: int
    #: Shanghai: whether the 单位 version's split columns are printed in the summary.
    unit_split: bool

    # -- sums -------------------------------------------------------------------------------
    def sum(self, leaves: tuple[str, ...] | None = None, *, sources: tuple[str, ...] | None = None,
            purposes: tuple[str, ...] | None = None, prefix: str = "") -> int:
        total = 0
        for leaf, f in self.flows.items():
            if not leaf.startswith(prefix) or (leaves is not None and leaf not in leaves):
                continue
            for (s, p), v in f.items():
                if (sources is None or s in sources) and (purposes is None or p in purposes):
                    total += v
        return total

    def basic_sum(self, prefix: str = "", sources: tuple[str, ...] = (GENERAL,)) -> int:
        return sum(v for c, f in self.basic.items() if c.startswith(prefix)
                   for s, v in f.items() if s in sources)

    def codes(self, sources: tuple[str, ...] | None = None) -> list[str]:
        """The functional codes (leaves and ancestors) with money from ``sources``."""
        leaves = [c for c in self.flows if sources is None
                  or any(v for (s, _p), v in self.flows[c].items() if s in sources)]
        return list(CodeTree.closure(self.year, leaves).codes)

    def economic_codes(self, sources: tuple[str, ...] = (GENERAL,)) -> list[str]:
        leaves = [c for c, f in self.basic.items() if any(f.get(s, 0) for s in sources)]
        return list(CodeTree.closure(self.year, leaves).codes)

    @property
    def appropriations(self) -> tuple[str, ...]:
        return (GENERAL, FUND, CAPITAL) if self.family != JIANGSU else (GENERAL, FUND)

    @property
    def single_source(self) -> bool:
        return self.sum() == self.sum(sources=(GENERAL,))


# -- drawing --------------------------------------------------------------------------------------


def _leaves(src: _Source, scheme: str, year: int, n: int,
            keep: Callable[[str], bool] = lambda c: True) -> list[str]:
    pool = [c.code for c in codes.all_codes(scheme, year)
            if keep(c.code) and not codes.children(c.code, year)]
    return src.sample(pool, n)


@st.composite
def budget_ledgers(draw: Draw, family: str | None = None) -> BudgetLedger:
    """Exact accounts of a budget of ``family`` (drawn when None)."""
    fam = family if family is not None else draw(st.sampled_from(FAMILIES))
    year = draw(st.sampled_from(_YEARS))
    src = _Source(draw, budget=400)
    purposes = (BASIC, PROJECT, RESERVE) if fam == JIANGSU else (BASIC, PROJECT)
    appropriations = (GENERAL, FUND) if fam == JIANGSU else (GENERAL, FUND, CAPITAL)
    # Each source is used by some leaves only; most money is 一般公共预算.
    used = [GENERAL] + [s for s in (*appropriations[1:], *OTHER_SOURCES[fam]) if src.chance(25)]
    flows: dict[str, dict[tuple[str, str], int]] = {}
    for leaf in _leaves(src, "functional", year, src.integer(1, 8)):
        f: dict[tuple[str, str], int] = {}
        for s in used:
            if s != GENERAL and not src.chance(50):
                continue
            for p in purposes:
                if p == RESERVE and (s != GENERAL or not src.chance(30)):
                    continue
                f[(s, p)] = src.maybe_fen(70, 10)
        flows[leaf] = f
    # 基本支出 by economic 款: the 一般公共预算 basic (and the fund's, for Jiangsu) split.
    econ = _leaves(src, "economic", year, src.integer(1, 6),
                   keep=lambda c: c[:3] in ("301", "302", "303"))
    basic: dict[str, dict[str, int]] = {c: {} for c in econ}
    for s in (GENERAL, FUND):
        total = sum(v for f in flows.values() for (ss, p), v in f.items() if ss == s and p == BASIC)
        for c, v in zip(econ, src.split(total, len(econ)), strict=True):
            if v or s == GENERAL:
                basic[c][s] = v
    public = sum(f.get(GENERAL, 0) for c, f in basic.items() if c[:3] not in _PERSONNEL)
    reception = sum(f.get(GENERAL, 0) for c, f in basic.items() if c == "30217")
    running_car = sum(f.get(GENERAL, 0) for c, f in basic.items() if c == "30231")
    meetings = sum(f.get(GENERAL, 0) for c, f in basic.items() if c == "30215")
    training = sum(f.get(GENERAL, 0) for c, f in basic.items() if c == "30216")
    three = {
        "abroad": src.maybe_fen(40, 8),
        "reception": reception + src.maybe_fen(40, 7),
        "purchase": src.maybe_fen(30, 8),
        "running": running_car + src.maybe_fen(50, 7),
        "meetings": meetings + src.maybe_fen(50, 7),
        "training": training + src.maybe_fen(50, 7),
    }
    running_cost = src.integer(0, public)
    running = dict(zip(_leaves(src, "economic", year, src.integer(1, 4),
                               keep=lambda c: c[:3] in ("302", "310")),
                       (src.fen(9) for _ in range(4)), strict=False))
    procurement = {k: src.maybe_fen(60, 9) for k in ("货物", "工程", "服务")}
    general_total = sum(v for f in flows.values() for (s, _p), v in f.items() if s == GENERAL)
    return BudgetLedger(
        family=fam, year=year, flows=flows, basic=basic, three_public=three,
        running_cost=running_cost, running=running, procurement=procurement,
        special=src.integer(0, general_total), unit_split=src.chance(50),
    )


# -- printing ---------------------------------------------------------------------------------------


class _Printer:
    def __init__(self, ld: BudgetLedger):
        self.ld = ld
        self.kinds = FAMILY_KINDS[ld.family]

    def kind(self, role: str) -> type[BudgetTable]:
        return next(k for k in self.kinds if k.ROLE == role)

    def money(self, fen: int, kind: type[BudgetTable], *, blank_zero: bool = False) -> Decimal | None:
        if blank_zero and fen == 0:
            return None
        unit = kind.UNIT
        precision = Decimal(1) if unit is Unit.YUAN else Decimal("0.01")
        return round_yuan(Decimal(fen).scaleb(-2), unit, precision)

    def name(self, code: str) -> str:
        return codes.lookup(code, self.ld.year).name

    def table(self, kind: type[BudgetTable], rows: list[Row]) -> BudgetTable:
        empty = all(r.blank for r in rows)
        meta = budget_meta(kind, year=self.ld.year,
                           empty_note="本表无数据" if empty else None)
        return kind(rows, meta)  # type: ignore[arg-type]

    def coded(self, role: str, columns: dict[str, Callable[[str], int]], codes_: list[str],
              *, blank_zero: bool = False) -> BudgetTable:
        """A table of code rows under 合计: each column's value of a code from ``columns``."""
        kind = self.kind(role)
        rows = [Row("合计", "合计", {c: self.money(f(""), kind, blank_zero=blank_zero)
                                     for c, f in columns.items()})]
        for code in codes_:
            rows.append(Row(code, self.name(code),
                            {c: self.money(f(code), kind, blank_zero=blank_zero)
                             for c, f in columns.items()}, code=code))
        return self.table(kind, rows)

    def functional(self, role: str, sources: tuple[str, ...],
                   columns: dict[str, tuple[str, ...] | None]) -> BudgetTable:
        ld = self.ld
        return self.coded(
            role,
            {c: (lambda code, p=p: ld.sum(sources=sources, purposes=p, prefix=code))
             for c, p in columns.items()},
            ld.codes(sources),
        )


def _shanghai(p: _Printer) -> list[BudgetTable]:
    ld = p.ld
    kinds = {k.ROLE: k for k in p.kinds}
    S1 = kinds["summary"]
    others = OTHER_SOURCES[SHANGHAI]
    total = ld.sum()
    income = [Row("财政拨款收入", "一、财政拨款收入",
                  {"金额": p.money(ld.sum(sources=ld.appropriations), S1, blank_zero=True)})]
    income += [Row(t, t, {"金额": p.money(ld.sum(sources=(t,)), S1, blank_zero=True)})
               for t in ld.appropriations]
    income += [Row(s, s, {"金额": p.money(ld.sum(sources=(s,)), S1, blank_zero=True)})
               for s in others]
    income.append(Row("收入总计", "收入总计", {"金额": p.money(total, S1)}))

    def split(prefix: str) -> dict[str, Decimal | None]:
        b = ld.sum(purposes=(BASIC,), prefix=prefix)
        out = {"合计": p.money(ld.sum(prefix=prefix), S1)}
        if ld.unit_split:
            personnel = b // 3
            out |= {BASIC: p.money(b, S1), "人员经费": p.money(personnel, S1),
                    "公用经费": p.money(b - personnel, S1),
                    PROJECT: p.money(ld.sum(purposes=(PROJECT,), prefix=prefix), S1)}
        return out

    classes = [c for c in ld.codes() if len(c) == 3]
    summary = p.table(S1, income + [Row(c, p.name(c), split(c), code=c) for c in classes]
                      + [Row("支出总计", "支出总计", split(""))])
    S4 = kinds["appropriation_summary"]
    aps = ld.appropriations

    def by_type(prefix: str) -> dict[str, Decimal | None]:
        out = {"合计": p.money(ld.sum(sources=aps, prefix=prefix), S4)}
        out |= {t: p.money(ld.sum(sources=(t,), prefix=prefix), S4, blank_zero=True) for t in aps}
        return out

    appropriation = p.table(
        S4,
        [Row(t, t, {"金额": p.money(ld.sum(sources=(t,)), S4, blank_zero=True)}) for t in aps]
        + [Row("收入总计", "收入总计", {"金额": p.money(ld.sum(sources=aps), S4)})]
        + [Row(c, p.name(c), by_type(c), code=c) for c in ld.codes(aps) if len(c) == 3]
        + [Row("支出总计", "支出总计", by_type(""))],
    )
    income_table = p.coded(
        "income",
        {"合计": lambda c: ld.sum(prefix=c),
         "财政拨款收入": lambda c: ld.sum(sources=aps, prefix=c),
         **{s: (lambda c, s=s: ld.sum(sources=(s,), prefix=c)) for s in others}},
        ld.codes(),
    )
    split3 = {"合计": None, BASIC: (BASIC,), PROJECT: (PROJECT,)}
    return [
        summary,
        income_table,
        p.functional("expenditure", (*aps, *others), split3),
        appropriation,
        p.functional("general", (GENERAL,), split3),
        p.functional("fund", (FUND,), split3),
        p.functional("capital", (CAPITAL,), split3),
        _basic_table(p, "general_basic", split=True),
        _three_public(p),
    ]


def _basic_table(p: _Printer, role: str, *, split: bool,
                 sources: tuple[str, ...] = (GENERAL,)) -> BudgetTable:
    ld = p.ld
    if split:
        columns: dict[str, Callable[[str], int]] = {"合计": lambda c: ld.basic_sum(c, sources)}
        columns["人员经费"] = lambda c: sum(
            v for code, f in ld.basic.items() if code.startswith(c) and code[:3] in _PERSONNEL
            for s, v in f.items() if s in sources)
        columns["公用经费"] = lambda c: sum(
            v for code, f in ld.basic.items() if code.startswith(c) and code[:3] not in _PERSONNEL
            for s, v in f.items() if s in sources)
    else:
        columns = {"金额": lambda c: ld.basic_sum(c, sources)}
    return p.coded(role, columns, ld.economic_codes(sources), blank_zero=not split)


def _three_public(p: _Printer) -> BudgetTable:
    ld, t = p.ld, p.ld.three_public
    kind = p.kind("three_public")
    vehicles = t["purchase"] + t["running"]
    three = t["abroad"] + t["reception"] + vehicles
    values: dict[str, int] = {
        kind.ABROAD: t["abroad"], kind.RECEPTION: t["reception"],  # type: ignore[attr-defined]
        kind.VEHICLES: vehicles, kind.PURCHASE: t["purchase"],  # type: ignore[attr-defined]
        kind.RUNNING: t["running"],  # type: ignore[attr-defined]
    }
    if ld.family == JIANGSU:
        values |= {"“三公”经费": three, "会议费": t["meetings"], "培训费": t["training"],
                   "合计": three + t["meetings"] + t["training"]}
    else:
        values["合计"] = three
    if "机关运行经费" in kind.COLUMNS:
        values["机关运行经费"] = ld.running_cost
    return p.table(kind, [Row("本年预算数", "", {c: p.money(v, kind) for c, v in values.items()})])


def _jiangsu(p: _Printer) -> list[BudgetTable]:
    ld = p.ld
    kinds = {k.ROLE: k for k in p.kinds}
    J1 = kinds["summary"]

    def m(fen: int, kind: type[BudgetTable] = J1) -> Decimal | None:
        return p.money(fen, kind, blank_zero=True)

    groups = {  # source group -> the ledger sources it sums
        "一般公共预算资金": (GENERAL,),
        "政府性基金": (FUND,),
        "财政专户管理资金": ("专户管理教育收费", "其他非税收入"),
        "其他资金": ("事业收入", "经营收入", "其他收入", "债务资金（银行贷款）"),
    }
    # 公共财政拨款（补助）资金 in the ledger is the general budget's non-special part.
    general = ld.sum(sources=(GENERAL,))
    special = min(ld.special, general)
    total = ld.sum()
    summary_rows = [
        Row("财政拨款", "一、财政拨款", {"金额": m(ld.sum(sources=(GENERAL, FUND)))}),
        Row("一般公共预算", "1.一般公共预算", {"金额": m(general)}),
        Row("政府性基金预算", "2.政府性基金预算", {"金额": m(ld.sum(sources=(FUND,)))}),
        Row("财政专户管理资金", "二、财政专户管理资金",
            {"金额": m(ld.sum(sources=groups["财政专户管理资金"]))}),
        Row("其他资金", "三、其他资金",
            {"金额": m(ld.sum(sources=groups["其他资金"]))}),
        Row("当年收入小计", "当年收入小计", {"金额": m(total)}),
        Row("上年结转资金", "上年结转资金", {}),
        Row("收入合计", "收入合计", {"金额": m(total)}),
    ]
    summary_rows += [Row(c, p.name(c), {"金额": m(ld.sum(prefix=c))}, code=c)
                     for c in ld.codes() if len(c) == 3]
    summary_rows += [Row(k, k, {"金额": m(ld.sum(purposes=(k,)))}) for k in (BASIC, PROJECT, RESERVE)]
    summary_rows += [Row("当年支出小计", "当年支出小计", {"金额": m(total)}),
                     Row("结转下年资金", "结转下年资金", {}),
                     Row("支出合计", "支出合计", {"金额": m(total)})]
    J2 = kinds["income"]
    # 一般公共预算资金 = 公共财政拨款（补助）资金 + 专项收入 (the ledger's ``special`` part).
    other_funds = ld.sum(sources=groups["其他资金"])
    item_values = {
        "公共财政拨款（补助）资金": general - special,
        "专项收入": special,
        "专户管理教育收费": ld.sum(sources=("专户管理教育收费",)),
        "其他非税收入": ld.sum(sources=("其他非税收入",)),
        "事业收入": ld.sum(sources=("事业收入",)),
        "经营收入": ld.sum(sources=("经营收入",)),
        "其他收入": ld.sum(sources=("其他收入",)),
        "债务资金（银行贷款）": ld.sum(sources=("债务资金（银行贷款）",)),
    }
    group_values = {
        "一般公共预算资金": general,
        "政府性基金": ld.sum(sources=(FUND,)),
        "财政专户管理资金": ld.sum(sources=groups["财政专户管理资金"]),
        "其他资金": other_funds,
        "上年结转和结余资金": 0,
    }
    income_rows = [Row("收入总计", "收入总计", {"金额": m(total, J2)})]
    for g, items in JIANGSU_INCOME_GROUPS:
        income_rows.append(Row(g, g, {"金额": m(group_values[g], J2)}))
        income_rows += [Row(k, k, {"金额": m(item_values[k], J2)}) for k in items]
    income_rows.append(Row("动用上年结转和结余资金", "其中：动用上年结转和结余资金", {}))
    J3 = kinds["expenditure"]
    expenditure = p.table(J3, [Row("合计", "", {
        "合计": m(total, J3), BASIC: m(ld.sum(purposes=(BASIC,)), J3),
        PROJECT: m(ld.sum(purposes=(PROJECT,)), J3),
        RESERVE: m(ld.sum(purposes=(RESERVE,)), J3)})])
    J4 = kinds["appropriation_summary"]
    aps = (GENERAL, FUND)
    appropriation = p.table(J4, [
        Row("一般公共预算", "一、一般公共预算", {"金额": m(general, J4)}),
        Row("政府性基金预算", "二、政府性基金预算", {"金额": m(ld.sum(sources=(FUND,)), J4)}),
        Row("收入合计", "收入合计", {"金额": m(ld.sum(sources=aps), J4)}),
        *(Row(k, k, {"金额": m(ld.sum(sources=aps, purposes=(k,)), J4)})
          for k in (BASIC, PROJECT, RESERVE)),
        Row("支出合计", "支出合计", {"金额": m(ld.sum(sources=aps), J4)}),
    ])
    one = {"金额": None}
    procurement_kind = kinds["procurement"]
    proc = ld.procurement
    procurement = p.table(procurement_kind, [
        Row("合计", "合计", {"金额": m(sum(proc.values()), procurement_kind)}),
        *(Row(k, k, {"金额": m(v, procurement_kind)}) for k, v in proc.items()),
    ])
    running_codes = list(CodeTree.closure(ld.year, ld.running).codes)
    running = p.coded("running", {"机关运行经费支出": lambda c: sum(
        v for k, v in ld.running.items() if k.startswith(c))}, running_codes, blank_zero=False)
    return [
        p.table(J1, summary_rows),
        p.table(J2, income_rows),
        expenditure,
        appropriation,
        p.functional("appropriation_expenditure", aps, one),
        _basic_table(p, "appropriation_basic", split=False, sources=aps),
        p.functional("fund", (FUND,), one),
        p.functional("general", (GENERAL,), one),
        _basic_table(p, "general_basic", split=False),
        running,
        _three_public(p),
        procurement,
    ]


def _central(p: _Printer) -> list[BudgetTable]:
    ld = p.ld
    kinds = {k.ROLE: k for k in p.kinds}
    C1 = kinds["summary"]
    others = OTHER_SOURCES[CENTRAL]
    total = ld.sum()
    names = {GENERAL: "一般公共预算拨款", FUND: "政府性基金预算拨款", CAPITAL: "国有资本经营预算拨款"}

    def m(fen: int, kind: type[BudgetTable] = C1) -> Decimal | None:
        return p.money(fen, kind, blank_zero=True)

    income = [Row(names[t] + "收入", names[t] + "收入", {"金额": m(ld.sum(sources=(t,)))})
              for t in ld.appropriations]
    income += [Row(s + ("收入" if s == "财政专户管理资金" else ""), s,
                   {"金额": m(ld.sum(sources=(s,)))}) for s in others]
    income += [Row("本年收入合计", "本年收入合计", {"金额": m(total)}),
               Row("收入总计", "收入总计", {"金额": m(total)})]
    exp = [Row(c, p.name(c), {"金额": m(ld.sum(prefix=c))}, code=c)
           for c in ld.codes() if len(c) == 3]
    exp += [Row("本年支出合计", "本年支出合计", {"金额": m(total)}),
            Row("支出总计", "支出总计", {"金额": m(total)})]
    C4 = kinds["appropriation_summary"]
    aps = ld.appropriations

    def by_type(prefix: str) -> dict[str, Decimal | None]:
        out = {"合计": m(ld.sum(sources=aps, prefix=prefix), C4)}
        out |= {t: m(ld.sum(sources=(t,), prefix=prefix), C4) for t in aps}
        return out

    appropriation = p.table(C4, [
        Row("本年收入", "一、本年收入", {"金额": m(ld.sum(sources=aps), C4)}),
        *(Row(names[t], names[t], {"金额": m(ld.sum(sources=(t,)), C4)}) for t in aps),
        Row("收入总计", "收入总计", {"金额": m(ld.sum(sources=aps), C4)}),
        *(Row(c, p.name(c), by_type(c), code=c) for c in ld.codes(aps) if len(c) == 3),
        Row("本年支出合计", "本年支出合计", by_type("")),
        Row("支出总计", "支出总计", by_type("")),
    ])
    income_columns: dict[str, Callable[[str], int]] = {"合计": lambda c: ld.sum(prefix=c)}
    income_columns |= {names[t]: (lambda c, t=t: ld.sum(sources=(t,), prefix=c)) for t in aps}
    income_columns |= {s: (lambda c, s=s: ld.sum(sources=(s,), prefix=c)) for s in others}
    split3 = {"合计": None, BASIC: (BASIC,), PROJECT: (PROJECT,)}
    return [
        p.table(C1, income + exp),
        p.coded("income", income_columns, ld.codes()),
        p.functional("expenditure", (*aps, *others), split3),
        appropriation,
        p.functional("general", (GENERAL,), split3),
        _basic_table(p, "general_basic", split=True),
        _three_public(p),
        p.functional("fund", (FUND,), split3),
        p.functional("capital", (CAPITAL,), split3),
    ]


def print_budget(ld: BudgetLedger) -> Disclosure:
    """The disclosure a ledger prints as (every table of its family, in printed order)."""
    p = _Printer(ld)
    tables = {SHANGHAI: _shanghai, JIANGSU: _jiangsu, CENTRAL: _central}[ld.family](p)
    return Disclosure(
        department="测试部门", year=ld.year, unit=Unit.WAN_YUAN, tables=tables, kind="预算"
    )


@st.composite
def budget_disclosures(draw: Draw, family: str | None = None) -> Disclosure:
    """A consistent budget disclosure of ``family`` (drawn when None)."""
    return print_budget(draw(budget_ledgers(family)))  # type: ignore[arg-type]


#: Columns only an upper bound guards: a mutation moves them up.
_BOUNDED_ABOVE_ONLY = frozenset({"机关运行经费"})


#: Cells a mutation may move: printed (non-blank) money cells of every table.
def _movable(d: Disclosure) -> list[tuple[int, str, str]]:
    out = []
    for i, t in enumerate(d.tables):
        for r in t.rows:
            for c, v in r.values.items():
                if v is not None:
                    out.append((i, r.key, c))
    return out


@st.composite
def budget_mutations(draw: Draw, family: str | None = None) -> tuple[Disclosure, Place]:
    """A consistent budget with one printed cell moved far beyond every tolerance (up or down),
    and the place of that cell."""
    d: Disclosure = draw(budget_disclosures(family))  # type: ignore[assignment]
    i, key, column = draw(st.sampled_from(_movable(d)))
    table: Table = d.tables[i]
    # 机关运行经费 of the 三公 table is bound by B-X9 alone (≤ 公用经费): only a rise breaks it.
    sign = 1 if column in _BOUNDED_ABOVE_ONLY else draw(st.sampled_from((1, -1)))
    delta = table.meta.precision * 10**6 * sign
    rows = []
    done = False
    for r in table.rows:
        if r.key == key and not done:
            v = r.values[column]
            assert v is not None
            r = attrs.evolve(r, values={**r.values, column: v + delta})
            done = True
        rows.append(r)
    tables = list(d.tables)
    tables[i] = attrs.evolve(table, rows=rows)
    return attrs.evolve(d, tables=tables), Place(table.KIND, key, column)
