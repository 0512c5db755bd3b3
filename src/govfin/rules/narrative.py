"""Narrative checks (N-*, and the claim side of X12): the 情况说明 against the tables and itself.

Every claim :mod:`govfin.narrative` finds is *assessed* (:func:`assess`) and reported, so a
reader sees what was and what was not verified:

- info "checked: agrees" when a check confirmed it,
- error (or warning) "contradicted" when a check refuted it,
- info "not checkable" (rule ``N-unchecked``) when no check applies (e.g. "年初预算" is in no
  table, or "出国（境）团组共0个").

The checks:

======================  ================================================================
``X12``                 an amount, count or "无此项…" statement = the table figure it names
``N-share``             "占比P%" = part / whole, from the text's own figures (else the table's)
``N-change``            "减少Δ，下降P%": P = Δ / previous, previous = current ∓ Δ; the two
                        direction words agree; an increase cannot exceed this year's figure
``N-zero-base``         a growth rate on a previous year of 0 is meaningless (warning)
``N-completion``        "完成年初预算的P%" = 决算 / 年初预算
``N-perf``              绩效自评个数 and the count per grade = the attached 自评表
``N-perf-funds``        "涉及资金" = Σ 全年预算数 of the attached 自评表 (warning)
``N-residue``           template residue ("增加（减少）", "XX", "待填写", …)
``N-year``              a year that is neither the report year nor the one before (warning)
``N-unchecked``         every claim that no check could confirm or refute (info)
======================  ================================================================

Percentages are compared as intervals: "21.18%" is [21.175, 21.185], and the recomputed rate
is the interval spanned by the printed figures' own intervals.  A claim's subject is matched to
a table figure by the section it is in (一、收入支出决算总体情况说明 → 公开01表, 五、一般公共预算…
→ 公开05表, …) and by name (类/款/项 and economic names are looked up in the tables).
"""

from __future__ import annotations

import enum
import functools
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from decimal import ROUND_HALF_UP, Decimal
from typing import TypeVar

import attrs

from govfin.amounts import (
    HUNDRED,
    ZERO,
    Comparison,
    Interval,
    Tolerance,
    ToleranceMode,
    Unit,
    interval_of,
)
from govfin.disclosure import Disclosure
from govfin.findings import Category, Cell, Finding, Place, Report, Severity
from govfin.narrative import (
    DIRECTIONS,
    NARRATIVE_TABLE,
    AmountClaim,
    ChangeClaim,
    Claim,
    CompletionClaim,
    CountClaim,
    GradeCountClaim,
    NilClaim,
    PercentClaim,
    Quantity,
    ShareClaim,
    subject_key,
)
from govfin.performance.summary import DepartmentSummary, summarize
from govfin.rules.cross import T01, T02, T03, T04, T05, T06, T07, T08, T09, T10, convert_cell
from govfin.rules.engine import CheckOptions, Context
from govfin.rules.registry import REGISTRY, RuleFunc, rule
from govfin.tables import Row, Table

__all__ = [
    "CLAIM_RULES",
    "Assessment",
    "ClaimSummary",
    "Figure",
    "Status",
    "assess",
    "claim_summary",
    "emit_assessments",
    "resolve",
    "scope_of",
]


class Status(enum.Enum):
    """The outcome of one check of one claim."""

    AGREES = "checked: agrees"
    CONTRADICTED = "contradicted"
    UNCHECKABLE = "not checkable"


@attrs.frozen
class Assessment:
    """One check of one claim: which rule, the outcome and the figures compared."""

    claim: Claim
    rule_id: str
    status: Status
    message: str
    expected: Decimal | None = None
    actual: Decimal | None = None
    difference: Decimal | None = None
    slack: Decimal | None = None
    cells: tuple[Place, ...] = ()


# -- sections and the figures their words name ---------------------------------------------------

#: Heading words → the table a section restates (checked in this order).
SCOPES: tuple[tuple[str, str], ...] = (
    ("三公", "09"),
    ("政府性基金", "07"),
    ("国有资本经营", "08"),
    ("基本支出", "06"),
    ("一般公共预算", "05"),
    ("财政拨款收支", "04"),
    ("财政拨款收入支出", "04"),
    ("收入支出决算总体", "01"),
    ("收支决算总体", "01"),
    ("收入决算", "01"),
    ("支出决算", "01"),
    ("机关运行经费", "10"),
    ("政府采购", "10"),
    ("国有资产", "10"),
    ("其他重要事项", "10"),
    ("绩效", "perf"),
)


def scope_of(heading: str) -> str | None:
    """The table ("01" … "10", or "perf") a section heading is about, or None."""
    for words, scope in SCOPES:
        if words in heading:
            return scope
    return None


Ref = tuple[type[Table], str, str]


def _refs(*refs: Ref) -> tuple[Ref, ...]:
    return refs


_A, _T, _S = "金额", "合计", "统计数"
_FUND = "决算数"

#: Subject (as :func:`subject_key` gives it) → the table cells it names, in any section.
GLOBAL_TERMS: dict[str, tuple[Ref, ...]] = {
    "财政拨款收入总计": _refs((T04, "收入总计", _A)),
    "财政拨款支出总计": _refs((T04, "支出总计", _T)),
    "财政拨款收入": _refs((T02, _T, "财政拨款收入")),
    **{
        k: _refs((T01, k, _A))
        for k in (
            *T01.INCOME_LINES,
            "使用非财政拨款结余",
            "年初结转和结余",
            "结余分配",
            "年末结转和结余",
            "本年收入合计",
            "本年支出合计",
        )
    },
    "使用非财政拨款结余（含专用结余）": _refs((T01, "使用非财政拨款结余", _A)),
    "一般公共预算财政拨款支出": _refs((T05, _T, _T)),
    "人员经费": _refs((T06, "人员经费合计", _FUND)),
    "公用经费": _refs((T06, "公用经费合计", _FUND)),
    "政府采购支出总额": _refs((T10, "政府采购合计", _S)),
    "政府采购总额": _refs((T10, "政府采购合计", _S)),
    "政府采购货物支出": _refs((T10, "货物", _S)),
    "政府采购工程支出": _refs((T10, "工程", _S)),
    "政府采购服务支出": _refs((T10, "服务", _S)),
    "授予中小企业合同金额": _refs((T10, "授予中小企业合同金额", _S)),
    "授予小微企业合同金额": _refs((T10, "授予小微企业合同金额", _S)),
    "机关运行经费": _refs((T10, "行政单位", _S), (T10, "参照公务员法管理事业单位", _S)),
    "车辆": _refs((T10, "车辆数合计", _S)),
    "车辆数": _refs((T10, "车辆数合计", _S)),
    "单价100万元（含）以上设备": _refs((T10, "单价100万元（含）以上设备", _S)),
    "单价100万元（含）以上设备（不含车辆）": _refs((T10, "单价100万元（含）以上设备", _S)),
    "三公经费": _refs((T09, T09.ACTUAL, _T)),
    "三公经费财政拨款支出": _refs((T09, T09.ACTUAL, _T)),
    "因公出国（境）费": _refs((T09, T09.ACTUAL, "因公出国（境）费")),
    "因公出国（境）费用": _refs((T09, T09.ACTUAL, "因公出国（境）费")),
    "公务用车购置及运行维护费": _refs((T09, T09.ACTUAL, "公务用车购置及运行维护费")),
    "公务用车购置及运行费": _refs((T09, T09.ACTUAL, "公务用车购置及运行维护费")),
    "公务用车购置费": _refs((T09, T09.ACTUAL, "公务用车购置费")),
    "公务用车购置": _refs((T09, T09.ACTUAL, "公务用车购置费")),
    "公务用车运行维护费": _refs((T09, T09.ACTUAL, "公务用车运行维护费")),
    "公务用车运行费": _refs((T09, T09.ACTUAL, "公务用车运行维护费")),
    "公务接待费": _refs((T09, T09.ACTUAL, "公务接待费")),
}

#: Subjects whose figure depends on the section (收入总计 in 一、 is 公开01's, in 四、 公开04's).
SCOPE_TERMS: dict[str, dict[str, tuple[Ref, ...]]] = {
    "01": {
        "收入总计": _refs((T01, "收入总计", _A)),
        "支出总计": _refs((T01, "支出总计", _A)),
        "收入合计": _refs((T01, "本年收入合计", _A)),
        "支出合计": _refs((T01, "本年支出合计", _A)),
        "本年收入": _refs((T01, "本年收入合计", _A)),
        "本年支出": _refs((T01, "本年支出合计", _A)),
        **{k: _refs((T03, _T, k)) for k in T03.COLUMNS[1:]},
    },
    "04": {
        "收入总计": _refs((T04, "收入总计", _A)),
        "支出总计": _refs((T04, "支出总计", _T)),
        "收入合计": _refs((T04, "本年收入合计", _A)),
        "本年收入合计": _refs((T04, "本年收入合计", _A)),
        "本年收入": _refs((T04, "本年收入合计", _A)),
        "支出合计": _refs((T04, "本年支出合计", _T)),
        "本年支出合计": _refs((T04, "本年支出合计", _T)),
        "本年支出": _refs((T04, "本年支出合计", _T)),
        "年初结转和结余": _refs((T04, "年初财政拨款结转和结余", _A)),
        "年初财政拨款结转和结余": _refs((T04, "年初财政拨款结转和结余", _A)),
        "年末结转和结余": _refs((T04, "年末财政拨款结转和结余", _T)),
        "年末财政拨款结转和结余": _refs((T04, "年末财政拨款结转和结余", _T)),
    },
    "05": {
        "基本支出": _refs((T05, _T, "基本支出")),
        "项目支出": _refs((T05, _T, "项目支出")),
    },
    "06": {
        "基本支出": _refs((T05, _T, "基本支出")),
        "财政拨款基本支出": _refs((T05, _T, "基本支出")),
    },
    "07": {
        "收入": _refs((T07, _T, "本年收入")),
        "支出": _refs((T07, _T, "本年支出小计")),
        "年初结转和结余": _refs((T07, _T, "年初结转和结余")),
        "年末结转和结余": _refs((T07, _T, "年末结转和结余")),
    },
    "08": {"支出": _refs((T08, _T, _T))},
}

#: What a subject is looked up in, per scope: GLOBAL_TERMS overlaid with the scope's own.
_TERMS: dict[str, dict[str, tuple[Ref, ...]]] = {
    scope: {**GLOBAL_TERMS, **terms} for scope, terms in SCOPE_TERMS.items()
}

#: Per scope: the table whose coded rows are looked up by name, and the column read.
NAMED_ROWS: dict[str, tuple[type[Table], str]] = {
    "01": (T01, _A),
    "04": (T04, _T),
    "05": (T05, _T),
    "06": (T06, _FUND),
    "07": (T07, "本年支出小计"),
    "08": (T08, _T),
}

#: Tables a "本年度无此项收支" statement in a section of that scope is about.
NIL_TABLES: dict[str, type[Table]] = {"07": T07, "08": T08, "09": T09}

_ENUM_NAME = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])")


@attrs.frozen
class Figure:
    """The table figure a claim names: the sum of ``cells`` (blank = nil), in the disclosure's
    unit.  ``missing`` names a table the figure needs that the disclosure lacks."""

    label: str
    cells: tuple[Cell, ...] = ()
    missing: str | None = None

    @property
    def value(self) -> Decimal:
        return sum((c.value for c in self.cells if c.value is not None), ZERO)

    @property
    def unit(self) -> Decimal:
        return sum((c.unit for c in self.cells), ZERO)

    @property
    def places(self) -> tuple[Place, ...]:
        return tuple(c.place for c in self.cells)


_V = TypeVar("_V")


def _best(key: str, names: Mapping[str, _V]) -> tuple[int, _V] | None:
    """(matched length, value) of the entry whose name is ``key`` or its longest suffix."""
    for start in range(len(key)):
        value = names.get(key[start:])
        if value is not None:
            return len(key) - start, value
    return None


def _row_names(t: Table) -> dict[str, Row]:
    """The subject key of each coded row's name (enumerator dropped) -> the first such row."""
    names: dict[str, Row] = {}
    for r in t.coded_rows():
        names.setdefault(subject_key(_ENUM_NAME.sub("", r.name)), r)
    return names


def _figure(d: Disclosure, refs: tuple[Ref, ...], label: str) -> Figure:
    cells: list[Cell] = []
    for cls, key, column in refs:
        t = d.table(cls)
        if t is None:
            return Figure(label, missing=f"公开{cls.NUMBER}表 {cls.KIND}")
        if t.get(key) is None and not key.isdigit() and not t.empty and key not in ("合计",):
            return Figure(label, missing=f"row {key} of {cls.KIND}")
        cells.append(convert_cell(t.cell(key, column), t, d.unit))
    return Figure(label, tuple(cells))


@functools.lru_cache(maxsize=1024)
def _label(refs: tuple[Ref, ...]) -> str:
    return " + ".join(f"公开{c.NUMBER}表 {k} {col}" for c, k, col in refs)


class _Resolver:
    """Finds the figures subjects name in one disclosure (see :func:`resolve`).

    The names of a table's coded rows are indexed on first use: an assessment resolves every
    claim against the same tables.
    """

    def __init__(self, d: Disclosure):
        self.d = d
        self._row_names: dict[type[Table], dict[str, Row]] = {}

    def row_names(self, cls: type[Table]) -> dict[str, Row] | None:
        names = self._row_names.get(cls)
        if names is None:
            t = self.d.table(cls)
            if t is None:
                return None
            names = self._row_names[cls] = _row_names(t)
        return names

    def __call__(
        self, subject: str, scope: str | None, attribute: str | None = None
    ) -> Figure | None:
        key = subject_key(subject)
        if not key:
            return None
        terms = _TERMS.get(scope or "", GLOBAL_TERMS)
        keys = [key] + ([key[:-2]] if key.endswith("支出") and len(key) > 2 else [])
        found: tuple[int, tuple[Ref, ...]] | None = None
        for k in keys:
            found = _best(k, terms)
            if found is not None:
                break
        named = NAMED_ROWS.get(scope or "")
        if named is not None:
            rows = self.row_names(named[0])
            by_name = _best(key, rows) if rows is not None else None
            if by_name is not None and (found is None or by_name[0] > found[0]):
                found = (by_name[0], _refs((named[0], by_name[1].key, named[1])))
        if found is None:
            return None
        refs = found[1]
        if attribute is not None and "预算" in attribute:
            if all(c is T09 and k == T09.ACTUAL for c, k, _ in refs):
                refs = tuple((c, T09.BUDGET, col) for c, _, col in refs)
            else:
                return None
        return _figure(self.d, refs, _label(refs))


def resolve(
    d: Disclosure, subject: str, scope: str | None, attribute: str | None = None
) -> Figure | None:
    """The table figure a subject names in a section of ``scope``, or None if none.

    ``attribute`` "全年预算"/"预算数" turns a 公开09 决算数 figure into its 预算数; any other
    预算 attribute names no table figure (the tables give 决算 only), hence None.
    """
    return _Resolver(d)(subject, scope, attribute)


# -- interval arithmetic ---------------------------------------------------------------------


def _money(q: Quantity, d: Disclosure) -> tuple[Decimal, Decimal]:
    """A printed amount as (value, last-place unit) in the disclosure's unit."""
    v, u = q.wan_yuan()
    if d.unit is Unit.WAN_YUAN:
        return v, u
    factor = Unit.WAN_YUAN.yuan / d.unit.yuan
    return v * factor, u * factor


def _mode(tol: Tolerance) -> ToleranceMode:
    return ToleranceMode.ROUND if tol.mode is ToleranceMode.EXACT else tol.mode


def _pct_interval(q: Quantity, tol: Tolerance) -> Interval:
    return interval_of(q.value, q.last_place, _mode(tol))


def _ratio(num: Interval, den: Interval) -> Interval | None:
    """num / den × 100 for a denominator interval not containing 0."""
    if den.lo <= 0 <= den.hi:
        return None
    qs = [a / b * HUNDRED for a in (num.lo, num.hi) for b in (den.lo, den.hi)]
    return Interval(min(qs), max(qs))


def _q(v: Decimal, like: Quantity) -> Decimal:
    return v.quantize(like.last_place, rounding=ROUND_HALF_UP)


def _fmt(v: Decimal) -> str:
    return f"{v:f}"


# -- the assessment --------------------------------------------------------------------------

_PERF_COUNT = re.compile(r"自评(?:项目)?(?:个数|数量|数)|自评项目|评价项目(?:个数|数)?")
_PERF_FUNDS = re.compile(r"涉及(?:项目)?(?:资金|金额)")


def _is_perf(c: Claim) -> bool:
    return "绩效" in c.sentence or "自评" in c.sentence


def _compared(cmp: Comparison) -> dict[str, Decimal]:
    """The fields of an Assessment (and Finding) that report a comparison."""
    return {
        "expected": cmp.expected,
        "actual": cmp.actual,
        "difference": cmp.difference,
        "slack": cmp.slack,
    }


class _Assessor:
    def __init__(self, d: Disclosure, options: CheckOptions):
        self.d = d
        self.options = options
        self.tol = options.tolerance
        self.out: list[Assessment] = []
        self.claims = d.claims()
        previous = options.extra.get("previous")
        self.resolve = _Resolver(d)
        #: Resolves subjects in last year's Disclosure (``options.extra["previous"]``), if given.
        self.resolve_previous = _Resolver(previous) if isinstance(previous, Disclosure) else None
        self._perf: DepartmentSummary | None = None

    # -- helpers --------------------------------------------------------------------------
    def add(self, claim: Claim, rule_id: str, status: Status, message: str, **kw: object) -> None:
        self.out.append(Assessment(claim, rule_id, status, message, **kw))  # type: ignore[arg-type]

    def uncheckable(self, c: Claim, rule_id: str, why: str) -> None:
        self.add(c, rule_id, Status.UNCHECKABLE, why)

    def scope(self, c: Claim) -> str | None:
        return scope_of(c.section)

    def figure(
        self, c: Claim, subject: str | None = None, attribute: str | None = None
    ) -> Figure | None:
        return self.resolve(c.subject if subject is None else subject, self.scope(c), attribute)

    def table_figure(
        self, c: Claim, rule_id: str, *, attribute: str | None = None, why: str | None = None
    ) -> Figure | None:
        """The complete table figure a claim names; else None, the claim reported not
        checkable (``why``, or that nothing / a missing table is named)."""
        fig = self.figure(c, attribute=attribute)
        if fig is None:
            self.uncheckable(c, rule_id, why or f"no table figure is named by “{c.subject}”")
        elif fig.missing:
            self.uncheckable(c, rule_id, f"{fig.missing} is not in the disclosure")
        else:
            return fig
        return None

    def stated(self, key: str, before: Claim) -> AmountClaim | None:
        """The narrative's own amount for a subject, stated before ``before``."""
        found = None
        for c in self.claims:
            if c is before:
                break
            if (
                isinstance(c, AmountClaim)
                and c.key == key
                and (c.attribute is None or "决算" in c.attribute)
            ):
                found = c
        return found

    def percentage(
        self,
        c: Claim,
        rule_id: str,
        printed: Quantity,
        allowed: Interval,
        point: Decimal,
        detail: str,
        cells: tuple[Place, ...] = (),
    ) -> None:
        """A printed percentage against the interval its figures allow (``point``: the value
        the figures as printed give)."""
        expected = _q(point, printed)
        ok = allowed.meets(_pct_interval(printed, self.tol))
        self.add(
            c,
            rule_id,
            Status.AGREES if ok else Status.CONTRADICTED,
            f"“{c.text}”: {detail} = {_fmt(expected)}%" + ("" if ok else f", not {printed}"),
            expected=expected,
            actual=printed.value,
            difference=printed.value - expected,
            cells=cells or (c.place,),
        )

    def counted(
        self, c: Claim, rule_id: str, claimed: Decimal, n: Decimal, message: str,
        cells: tuple[Place, ...],
    ) -> None:  # fmt: skip
        """A claimed count against the count found (exact)."""
        self.add(
            c,
            rule_id,
            Status.AGREES if claimed == n else Status.CONTRADICTED,
            message,
            expected=n,
            actual=claimed,
            difference=claimed - n,
            cells=(c.place, *cells),
        )

    # -- X12: amounts, counts, nil statements against the tables --------------------------
    def amount(self, c: AmountClaim) -> None:
        if _is_perf(c) and _PERF_FUNDS.search(c.subject):
            return self.perf_funds(c)
        budget = c.attribute is not None and "预算" in c.attribute
        fig = self.table_figure(
            c, "X12", attribute=c.attribute,
            why=f"the tables give no {c.attribute}" if budget else None,
        )  # fmt: skip
        if fig is not None:
            value, unit = _money(c.amount, self.d)
            self.compare(c, "X12", value, unit, fig, f"“{c.text}”")

    def compare(
        self, c: Claim, rule_id: str, value: Decimal, unit: Decimal, fig: Figure, what: str
    ) -> None:
        parts = [(1, cell.value) for cell in fig.cells]
        cmp = self.tol.compare(
            value, parts, unit, units=[cell.unit for cell in fig.cells], total_unit=unit
        )
        if cmp.consistent:
            extra = "" if cmp.difference == 0 else " within rounding"
            status, message = Status.AGREES, f"{what} = {fig.label} {_fmt(fig.value)}{extra}"
        else:
            status, message = Status.CONTRADICTED, f"{what}, but {fig.label} is {_fmt(fig.value)}"
        self.add(c, rule_id, status, message, cells=(c.place, *fig.places), **_compared(cmp))

    def count(self, c: CountClaim) -> None:
        if _is_perf(c) and _PERF_COUNT.search(c.subject):
            return self.perf_count(c)
        fig = self.table_figure(c, "X12")
        if fig is not None:
            self.compare(c, "X12", c.count.value, ZERO, fig, f"“{c.text}”")

    def nil(self, c: NilClaim) -> None:
        if c.subject:
            fig = self.table_figure(c, "X12")
            if fig is not None:
                self.compare(c, "X12", ZERO, ZERO, fig, f"“{c.text}” (nil)")
            return
        cls = NIL_TABLES.get(self.scope(c) or "")
        if cls is None:
            return self.uncheckable(c, "X12", "no table is named by the section")
        t = self.d.table(cls)
        if t is None:
            return self.uncheckable(
                c, "X12", f"公开{cls.NUMBER}表 {cls.KIND} is not in the disclosure"
            )
        data = [r for r in t.rows if any(v not in (None, ZERO) for v in r.values.values())]
        cells = (c.place, Place(cls.KIND, data[0].key if data else None))
        if data:
            self.add(
                c,
                "X12",
                Status.CONTRADICTED,
                f"“{c.text}”, but {cls.KIND} has data (row {data[0].key})",
                cells=cells,
            )
        else:
            self.add(c, "X12", Status.AGREES, f"“{c.text}”: {cls.KIND} has no data", cells=cells)

    # -- N-share ---------------------------------------------------------------------------
    def share(self, c: ShareClaim) -> None:
        d = self.d
        if c.part is not None:
            pv, pu = _money(c.part, d)
        else:
            fig = self.figure(c)
            if fig is None or fig.missing:
                return self.uncheckable(c, "N-share", "the part is not stated")
            pv, pu = fig.value, fig.unit
        whole_from = "the text"
        if c.whole is not None:
            wv, wu = _money(c.whole, d)
        else:
            of = c.of or ""
            stated = self.stated(subject_key(of), c) if of else None
            if stated is not None:
                wv, wu = _money(stated.amount, d)
            else:
                fig = self.resolve(of, self.scope(c)) if of else None
                if fig is None or fig.missing:
                    return self.uncheckable(
                        c, "N-share", f"the whole (“{of or '?'}”) is neither stated nor in a table"
                    )
                wv, wu = fig.value, fig.unit
                whole_from = fig.label
        mode = self.tol.mode
        r = _ratio(interval_of(pv, pu, mode), interval_of(wv, wu, mode))
        if r is None:  # the whole, as printed, may be 0: any share is possible
            return self.uncheckable(
                c, "N-share", f"the whole ({c.of}) is printed as {_fmt(wv)}: no share follows"
            )
        detail = f"{_fmt(pv)} / {_fmt(wv)} ({c.of}, from {whole_from})"
        self.percentage(c, "N-share", c.percent, r, pv / wv * HUNDRED, detail)

    # -- N-change, N-zero-base --------------------------------------------------------------
    def change(self, c: ChangeClaim) -> None:
        sign = c.sign
        if (
            c.percent_direction is not None
            and c.delta is not None
            and DIRECTIONS[c.percent_direction] != sign
        ):
            return self.add(
                c,
                "N-change",
                Status.CONTRADICTED,
                f"“{c.text}”: “{c.direction}” and “{c.percent_direction}” "
                "point in opposite directions",
            )
        if sign == 0:
            return self.unchanged(c)
        current = self.current(c)
        if current is None or c.delta is None:
            # nothing to recompute from: this year's figure, or the amount of the change
            if not self.against_previous(c):
                self.uncheckable(
                    c,
                    "N-change",
                    "this year's figure is neither stated nor in a table"
                    if current is None
                    else "a rate without the amount of change needs the previous year's figure",
                )
            return
        cv, cu, source = current
        mode = self.tol.mode
        cur = interval_of(cv, cu, mode)
        dv, du = _money(c.delta, self.d)
        delta = interval_of(dv, du, mode)
        prev_point = cv - sign * dv
        prev = Interval(
            cur.lo - sign * (delta.hi if sign > 0 else delta.lo),
            cur.hi - sign * (delta.lo if sign > 0 else delta.hi),
        )
        if sign > 0 and prev.hi < 0:
            return self.add(
                c,
                "N-change",
                Status.CONTRADICTED,
                f"“{c.text}”: an increase of {_fmt(dv)} exceeds this year's "
                f"{_fmt(cv)} ({source}): the previous year would be "
                f"{_fmt(prev_point)}",
                expected=cv,
                actual=dv,
                difference=dv - cv,
                cells=(c.place,),
            )
        if c.percent is None:
            if sign > 0:
                self.add(
                    c,
                    "N-change",
                    Status.AGREES,
                    f"“{c.text}”: this year {_fmt(cv)} ({source}) implies a previous year "
                    f"of {_fmt(prev_point)} ≥ 0",
                    cells=(c.place,),
                )
            elif not self.against_previous(c):
                self.uncheckable(
                    c,
                    "N-change",
                    f"implies a previous year of {_fmt(prev_point)} "
                    f"(this year {_fmt(cv)}, {source}); no rate to recompute",
                )
            self.against_previous(c, report_missing=False)
            return
        if prev_point <= 0:
            return self.add(
                c,
                "N-zero-base",
                Status.CONTRADICTED,
                f"“{c.text}”: the previous year was {_fmt(prev_point)} "
                f"({_fmt(cv)} − {_fmt(dv)}): a rate on a nil base is meaningless",
                expected=prev_point,
                cells=(c.place,),
            )
        # r = Δ / (current − sign·Δ) rises with Δ and falls with current, so its interval is
        # spanned by the interval ends.  When the previous year could be 0 within rounding
        # (e.g. 0.02 − 0.01), the rate is unbounded above.
        lo = delta.lo / (cur.hi - sign * delta.lo) * HUNDRED
        low_base = cur.lo - sign * delta.hi
        hi = delta.hi / low_base * HUNDRED if low_base > 0 else None
        top = hi if hi is not None else max(lo, _pct_interval(c.percent, self.tol).hi)
        detail = (
            f"{_fmt(dv)} / {_fmt(prev_point)} (previous year = {_fmt(cv)} "
            f"{'−' if sign > 0 else '+'} {_fmt(dv)}; this year from {source})"
        )
        allowed = Interval(min(lo, top), max(lo, top))
        self.percentage(c, "N-change", c.percent, allowed, dv / prev_point * HUNDRED, detail)
        self.against_previous(c, report_missing=False)

    def unchanged(self, c: ChangeClaim) -> None:
        """持平 / 相同: no non-zero change may be stated with it."""
        nonzero = [q for q in (c.delta, c.percent) if q is not None and q.value != 0]
        # "与上年持平，增长5%": another change of the same subject in the same sentence
        nonzero += [
            q
            for x in self.claims
            if isinstance(x, ChangeClaim)
            and x is not c
            and x.sign != 0
            and (x.sentence, x.section, x.key) == (c.sentence, c.section, c.key)
            for q in (x.delta, x.percent)
            if q is not None and q.value != 0
        ]
        if nonzero:
            self.add(
                c,
                "N-change",
                Status.CONTRADICTED,
                f"“{c.text}”: “{c.direction}” with a change of {nonzero[0]}",
            )
        else:
            self.against_previous(c)

    def current(self, c: ChangeClaim) -> tuple[Decimal, Decimal, str] | None:
        if c.current is not None:
            v, u = _money(c.current, self.d)
            return v, u, "the text"
        fig = self.figure(c)
        if fig is None or fig.missing:
            return None
        return fig.value, fig.unit, fig.label

    def against_previous(self, c: ChangeClaim, *, report_missing: bool = True) -> bool:
        """With ``options.extra["previous"]`` (last year's Disclosure): the change itself."""
        if self.resolve_previous is None:
            if report_missing and c.sign == 0:
                self.uncheckable(
                    c, "N-change", "needs the previous year's figure (pass extra={'previous': …})"
                )
            return False
        now = self.figure(c)
        before = self.resolve_previous(c.subject, self.scope(c))
        if now is None or before is None or now.missing or before.missing:
            if report_missing:
                self.uncheckable(c, "N-change", "the figure is not in both years' tables")
            return False
        change = now.value - before.value
        sign = c.sign
        words_ok = (change > 0) - (change < 0) == sign
        cells = (c.place, *now.places)
        if c.delta is None:
            self.add(
                c,
                "N-change",
                Status.AGREES if words_ok else Status.CONTRADICTED,
                f"“{c.text}”: {now.label} changed from {_fmt(before.value)} to "
                f"{_fmt(now.value)} ({_fmt(change)})",
                actual=change,
                cells=cells,
            )
            return True
        dv, du = _money(c.delta, self.d)
        cmp = self.tol.compare(
            sign * dv,
            [(1, now.value), (-1, before.value)],
            du,
            units=[now.unit, before.unit],
            total_unit=du,
        )
        self.add(
            c,
            "N-change",
            Status.AGREES if cmp.consistent and words_ok else Status.CONTRADICTED,
            f"“{c.text}”: {now.label} changed from {_fmt(before.value)} (previous "
            f"disclosure) to {_fmt(now.value)}, i.e. {_fmt(change)}",
            cells=cells,
            **_compared(cmp),
        )
        return True

    # -- N-completion -----------------------------------------------------------------------
    def completion(self, c: CompletionClaim) -> None:
        if c.budget is None:
            return self.uncheckable(
                c, "N-completion", "the budget is not stated (and no table gives it)"
            )
        bv, bu = _money(c.budget, self.d)
        source = "the text"
        if c.actual is not None:
            av, au = _money(c.actual, self.d)
        else:
            fig = self.figure(c)
            if fig is None or fig.missing:
                return self.uncheckable(
                    c, "N-completion", "the 决算 figure is neither stated nor in a table"
                )
            av, au, source = fig.value, fig.unit, fig.label
        mode = self.tol.mode
        r = _ratio(interval_of(av, au, mode), interval_of(bv, bu, mode))
        if r is None:
            return self.add(
                c,
                "N-zero-base",
                Status.CONTRADICTED,
                f"“{c.text}”: the budget is {_fmt(bv)}: a completion rate of it is meaningless",
                expected=bv,
                cells=(c.place,),
            )
        detail = f"{_fmt(av)} ({source}) / {_fmt(bv)}"
        self.percentage(c, "N-completion", c.percent, r, av / bv * HUNDRED, detail)

    # -- N-perf, N-perf-funds ---------------------------------------------------------------
    def perf(self) -> DepartmentSummary:
        """The performance package's department summary of the attached 自评表."""
        if self._perf is None:
            self._perf = summarize(self.d.evaluations)
        return self._perf

    def _no_evaluations(self, c: Claim, rule_id: str) -> bool:
        if self.d.evaluations:
            return False
        self.uncheckable(c, rule_id, "no 项目支出绩效自评表 is attached to the disclosure")
        return True

    def perf_count(self, c: CountClaim) -> None:
        if self._no_evaluations(c, "N-perf"):
            return
        n = self.perf().count
        claimed = c.count.value
        self.counted(
            c, "N-perf", claimed, Decimal(n),
            f"“{c.text}”: {n} 项目支出绩效自评表 are attached",
            tuple(e.place() for e in self.d.evaluations),
        )  # fmt: skip
        grades = [
            g
            for g in self.claims
            if isinstance(g, GradeCountClaim)
            and g.section == c.section
            and g.sentence == c.sentence
        ]
        if grades:
            total = sum((g.count.value for g in grades), ZERO)
            self.counted(
                c, "N-perf", claimed, total,
                f"“{c.text}”: the grade counts stated with it add up to {_fmt(total)}",
                tuple(g.place for g in grades),
            )  # fmt: skip

    def perf_grade(self, c: GradeCountClaim) -> None:
        if self._no_evaluations(c, "N-perf"):
            return
        n = self.perf().by_grade.get(c.grade, 0)
        matching = [e for e in self.d.evaluations if e.grade == c.grade]
        claimed = c.count.value
        names = "、".join(e.project for e in matching)
        self.counted(
            c, "N-perf", claimed, Decimal(n),
            f"“{c.text}”: {n} attached 自评表 are graded “{c.grade}”"
            + (f" ({names})" if names and claimed != n else ""),
            tuple(e.grade_place() for e in matching),
        )  # fmt: skip

    def perf_funds(self, c: AmountClaim) -> None:
        if self._no_evaluations(c, "N-perf-funds"):
            return
        summary = self.perf()
        cells = tuple(
            e.fund_cell(e.total_line, "annual_budget")
            for e in self.d.evaluations
            if e.total_line is not None
        )
        value, unit = c.amount.wan_yuan()
        parts = [(1, cell.value) for cell in cells]
        cmp = self.tol.compare(
            value, parts, unit, units=[cell.unit for cell in cells], total_unit=unit
        )
        self.add(
            c,
            "N-perf-funds",
            Status.AGREES if cmp.consistent else Status.CONTRADICTED,
            f"“{c.text}”: Σ 全年预算数 of the 自评表 is {_fmt(summary.funds)}万元 "
            f"(Σ 全年执行数 {_fmt(summary.executed)}万元, {summary.count} tables)",
            cells=(c.place,),
            **_compared(cmp),
        )

    # -- the walk ---------------------------------------------------------------------------
    def run(self) -> tuple[Assessment, ...]:
        for c in self.claims:
            if isinstance(c, AmountClaim):
                self.amount(c)
            elif isinstance(c, GradeCountClaim):
                self.perf_grade(c)
            elif isinstance(c, CountClaim):
                self.count(c)
            elif isinstance(c, NilClaim):
                self.nil(c)
            elif isinstance(c, ShareClaim):
                self.share(c)
            elif isinstance(c, ChangeClaim):
                self.change(c)
            elif isinstance(c, CompletionClaim):
                self.completion(c)
            elif isinstance(c, PercentClaim):
                self.uncheckable(c, "N-unchecked", "a percentage whose meaning was not recognised")
        return tuple(self.out)


def assess(d: Disclosure, options: CheckOptions | None = None) -> tuple[Assessment, ...]:
    """Every check of every claim of the narrative, in printed order (pure; no Report)."""
    return _Assessor(d, options or CheckOptions()).run()


# -- reporting -------------------------------------------------------------------------------


def _at(line: int | None) -> str:
    """ " (line N)" after a quoted sentence, when the line is known."""
    return f" (line {line})" if line is not None else ""


def _message(a: Assessment) -> str:
    return f"{a.status.value}: {a.message} — in “{a.claim.sentence}”{_at(a.claim.line)}"


#: Key in a check run's :attr:`Context.cache` of the run's assessment of a disclosure's
#: narrative: computed once, read by X12, every N-* rule and N-unchecked.
_RUN_CACHE = "narrative.assessment"


def _assessed(d: Disclosure, ctx: Context) -> tuple[tuple[Claim, ...], tuple[Assessment, ...]]:
    """The claims of ``d`` and their assessment under the run's options (once per run)."""
    cached = ctx.cache.get(_RUN_CACHE)
    if cached is None or cached[0] is not d:
        assessor = _Assessor(d, ctx.options)
        cached = (d, assessor.claims, assessor.run())
        ctx.cache[_RUN_CACHE] = cached
    return cached[1], cached[2]


def emit_assessments(d: Disclosure, ctx: Context, rule_id: str) -> None:
    """Emit the findings of one rule: info for agreement, the rule's severity for contradiction."""
    for a in _assessed(d, ctx)[1]:
        if a.rule_id != rule_id or a.status is Status.UNCHECKABLE:
            continue
        ctx.emit(
            _message(a),
            place=a.claim.place,
            severity=Severity.INFO if a.status is Status.AGREES else None,
            expected=a.expected,
            actual=a.actual,
            difference=a.difference,
            slack=a.slack,
            cells=a.cells,
        )


def _narrative(
    id: str,
    zh: str,
    en: str,
    severity: Severity = Severity.ERROR,
    tables: tuple[str, ...] = (),
    source: str = "checks-catalogue c.1 items 9–16; rules-research X12",
) -> Callable[[RuleFunc], RuleFunc]:
    return rule(
        id,
        zh=zh,
        en=en,
        category=Category.NARRATIVE,
        subject=Disclosure,
        tables=(NARRATIVE_TABLE, *tables),
        severity=severity,
        source=source,
    )


def _register(
    id: str, zh: str, en: str, severity: Severity = Severity.ERROR, tables: tuple[str, ...] = ()
) -> None:
    def func(d: Disclosure, ctx: Context) -> None:
        emit_assessments(d, ctx, id)

    func.__doc__ = en
    _narrative(id, zh, en, severity, tables)(func)


_register(
    "N-share",
    "情况说明中的占比 = 部分 / 整体（按所印精度）",
    "a share stated in the narrative = part / whole, to the precision printed",
)
_register(
    "N-change",
    "增减额、增减率与方向词一致：增减率 = 增减额 / 上年数（上年数 = 本年数 ∓ 增减额）",
    "a change: its rate = Δ / previous year (previous = current ∓ Δ), direction words agree",
)
_register(
    "N-zero-base",
    "上年数为0时不应表述增长率；预算数为0时不应表述完成率",
    "a growth rate on a nil previous year (or a completion rate of a nil budget) is meaningless",
    Severity.WARNING,
)
_register(
    "N-completion",
    "完成年初预算的比例 = 决算数 / 年初预算数",
    "a completion rate = 决算 / 年初预算, to the precision printed",
)
_register(
    "N-perf",
    "绩效自评个数、各等级项目个数与所附自评表一致",
    "the number of self-evaluations and the count per grade = the attached tables",
    tables=("项目支出绩效自评表",),
)
_register(
    "N-perf-funds",
    "绩效自评涉及资金 = 所附自评表全年预算数之和（提示）",
    "the money the self-evaluations cover = Σ 全年预算数 of the attached tables "
    "(warning: the term is not defined uniformly)",
    Severity.WARNING,
    tables=("项目支出绩效自评表",),
)


@_narrative(
    "N-unchecked",
    "未能核对的情况说明表述（提示）",
    "claims of the narrative that no check could confirm or refute (info)",
    Severity.INFO,
    source="govfin: every claim is reported",
)
def n_unchecked(d: Disclosure, ctx: Context) -> None:
    """Every claim without an agreeing or contradicting check (among the rules run) is
    reported as "not checkable", with the reasons."""
    claims, assessments = _assessed(d, ctx)
    run = {r: ctx.options.wants(REGISTRY.get(r)) for r in CLAIM_RULES}
    decided: set[int] = set()
    reasons: dict[int, list[str]] = {}
    for a in assessments:
        if a.status is Status.UNCHECKABLE:
            reasons.setdefault(id(a.claim), []).append(a.message)
        elif run[a.rule_id]:
            decided.add(id(a.claim))
        else:
            reasons.setdefault(id(a.claim), []).append(f"{a.rule_id} not run")
    for c in claims:
        if id(c) in decided:
            continue
        why = "; ".join(dict.fromkeys(reasons.get(id(c), ["no check applies"])))
        ctx.emit(
            f"{Status.UNCHECKABLE.value}: “{c.text}”: {why} — in “{c.sentence}”{_at(c.line)}",
            place=c.place,
            cells=(c.place,),
        )


@_narrative(
    "N-residue",
    "情况说明不得残留模板文字（XX、增加（减少）、待填写等）",
    "no template residue in the narrative (XX, 增加（减少）, 待填写, …)",
    source="checks-catalogue c.1 item 15",
)
def n_residue(d: Disclosure, ctx: Context) -> None:
    """Template residue anywhere in the narrative or glossary."""
    for r in d.narrative.residue():
        ctx.emit(
            f"template residue ({r.what}): “{r.text}” — in “{r.sentence}”{_at(r.line)}",
            place=Place(NARRATIVE_TABLE, r.section or None, r.text, r.line),
        )


@_narrative(
    "N-year",
    "情况说明中的年份应为本年度或上年度（截至、文件名、规划期除外）",
    "years in the narrative are the report year or the one before (截至…, 《…》 titles "
    "and plan ranges excepted)",
    Severity.WARNING,
    source="checks-catalogue c.1 item 16",
)
def n_year(d: Disclosure, ctx: Context) -> None:
    """A year neither the report year nor the one before, outside the whitelisted contexts."""
    year = d.year or ctx.options.year
    if year is None:
        return
    for y in d.narrative.years():
        if y.allowed is not None or y.year in (year, year - 1):
            continue
        ctx.emit(
            f"year {y.year} in a {year} disclosure: “{y.text}” — in “{y.sentence}”{_at(y.line)}",
            place=Place(NARRATIVE_TABLE, y.section or None, y.text, y.line),
            expected=Decimal(year),
            actual=Decimal(y.year),
        )


# -- summary ---------------------------------------------------------------------------------

#: Rules whose findings are about claims (one place per claim).
CLAIM_RULES = (
    "X12", "N-share", "N-change", "N-zero-base", "N-completion", "N-perf", "N-perf-funds",
    "N-unchecked",
)  # fmt: skip


@attrs.frozen
class ClaimSummary:
    """How many claims of the narrative were checked, and with what outcome."""

    claims: int
    agreed: int
    contradicted: int
    unverifiable: int

    @property
    def checked(self) -> int:
        return self.agreed + self.contradicted

    def __str__(self) -> str:
        return (
            f"{self.claims} claim(s): {self.checked} checked ({self.agreed} agree, "
            f"{self.contradicted} contradicted), {self.unverifiable} not checkable"
        )


def _claim_findings(report: Report | Iterable[Finding]) -> Iterator[Finding]:
    for f in report:
        if f.rule_id in CLAIM_RULES and f.place is not None and f.table == NARRATIVE_TABLE:
            yield f


def claim_summary(report: Report | Iterable[Finding]) -> ClaimSummary:
    """Count the claims of a report's narrative findings: contradicted (any error or warning),
    agreed (checked, none contradicting), not checkable (only ``N-unchecked``)."""
    groups: dict[tuple[str | None, str | None, int | None], list[Finding]] = {}
    for f in _claim_findings(report):
        assert f.place is not None
        groups.setdefault((f.place.row, f.place.column, f.place.line), []).append(f)
    agreed = contradicted = unverifiable = 0
    for items in groups.values():
        if any(f.severity is not Severity.INFO for f in items):
            contradicted += 1
        elif any(f.rule_id != "N-unchecked" for f in items):
            agreed += 1
        else:
            unverifiable += 1
    return ClaimSummary(len(groups), agreed, contradicted, unverifiable)
