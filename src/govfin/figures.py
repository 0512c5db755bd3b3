"""The figures a narrative's words name: the shared vocabulary of claims and tables.

A claim of the 情况说明 says "一般公共服务支出545.19万元" in a section headed
"五、一般公共预算财政拨款支出决算情况说明"; this module says which table cells that subject names
there (:func:`resolve`), which table a section restates (:func:`scope_of`), and what a printed
amount is in the disclosure's unit (:func:`money_of`).  Both the narrative rules
(:mod:`govfin.rules.narrative`) and the ratios (:mod:`govfin.ratios`) use it, so it sits below
both, above :mod:`govfin.disclosure`.

The term tables (:data:`GLOBAL_TERMS`, :data:`SCOPE_TERMS`, :data:`NAMED_ROWS`) map the words
of the 部门决算 template to the cells of the ten tables (公开01表 … 公开10表) as the 财政部
template defines them.

>>> scope_of("五、一般公共预算财政拨款支出决算情况说明")
'05'
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from decimal import Decimal
from typing import TypeVar

import attrs

from govfin.amounts import ZERO, Unit
from govfin.disclosure import Disclosure
from govfin.findings import Cell, Place
from govfin.narrative import Quantity, subject_key
from govfin.tables import T01, T02, T03, T04, T05, T06, T07, T08, T09, T10, Row, Table, convert_cell

__all__ = [
    "GLOBAL_TERMS",
    "NAMED_ROWS",
    "NIL_TABLES",
    "SCOPES",
    "SCOPE_TERMS",
    "Figure",
    "Ref",
    "Resolver",
    "money_of",
    "resolve",
    "scope_of",
]


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


class Resolver:
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
    return Resolver(d)(subject, scope, attribute)


def money_of(q: Quantity, d: Disclosure) -> tuple[Decimal, Decimal]:
    """A printed amount as (value, last-place unit) in the disclosure's unit."""
    v, u = q.wan_yuan()
    if d.unit is Unit.WAN_YUAN:
        return v, u
    factor = Unit.WAN_YUAN.yuan / d.unit.yuan
    return v * factor, u * factor
