"""The figures a narrative's words name: the shared vocabulary of claims and tables.

A claim of the 情况说明 says "一般公共服务支出545.19万元" in a section headed
"五、一般公共预算财政拨款支出决算情况说明"; this module says which table cells that subject names
there (:func:`resolve`), which table a section restates (:func:`scope_of`), and what a printed
amount is in the disclosure's unit (:func:`money_of`).  Both the narrative rules
(:mod:`govfin.rules.narrative`) and the ratios (:mod:`govfin.ratios`) use it, so it sits below
both, above :mod:`govfin.disclosure`.

The term tables (:data:`GLOBAL_TERMS`, :data:`SCOPE_TERMS`, :data:`NAMED_ROWS`) map the words
of the 部门决算 template to the cells of the ten tables (公开01表 … 公开10表) as the 财政部
template defines them.  A 部门预算 (``Disclosure.kind == "预算"``) has tables of three layout
families; its words are mapped by the table's ``ROLE`` (:data:`BUDGET_SCOPES`,
:data:`BUDGET_GLOBAL_TERMS`, :data:`BUDGET_SCOPE_TERMS`, :data:`BUDGET_NAMED_ROWS`), so one
vocabulary serves Shanghai, Jiangsu and the central template: :class:`RoleRef` names the first
row key and column the family's table prints.  The words are those of the 情况说明 of the
Shanghai 2023/2025 and Jiangsu 2017 budgets in tests/data/pdf.

This module is over 600 lines on purpose: it is the two vocabularies (决算 and 预算), as data
side by side, and the one resolver that reads them; splitting them would part the data from
the code that gives it meaning.

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

from govfin._lazy import frozen, lazy_pattern
from govfin.amounts import ZERO, Comparison, Tolerance, Unit
from govfin.disclosure import Disclosure
from govfin.findings import Cell, Place
from govfin.narrative import Quantity, subject_key
from govfin.tables import T01, T02, T03, T04, T05, T06, T07, T08, T09, T10, Row, Table, convert_cell
from govfin.tables.budget import BudgetTable, family_table

__all__ = [
    "BUDGET_GLOBAL_TERMS",
    "BUDGET_NAMED_ROWS",
    "BUDGET_SCOPES",
    "BUDGET_SCOPE_TERMS",
    "GLOBAL_TERMS",
    "NAMED_ROWS",
    "NIL_TABLES",
    "SCOPES",
    "SCOPE_TERMS",
    "Figure",
    "Ref",
    "Resolver",
    "RoleRef",
    "budget_key",
    "is_budget",
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


@functools.lru_cache(maxsize=1024)
def scope_of(heading: str, kind: str = "决算") -> str | None:
    """The table a section heading is about, or None: "01" … "10" (or "perf") in a 决算, a
    table ROLE (or "perf", "assets") in a 预算 (``kind="预算"``).

    >>> scope_of("十、一般公共预算机关运行经费支出预算表情况说明", "预算")
    'running'

    Memoised: every claim asks for its section's scope, and headings are a template's few.
    """
    for words, scope in BUDGET_SCOPES if kind == "预算" else SCOPES:
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


# -- the 部门预算: the same vocabulary, keyed by table ROLE -------------------------------------


@frozen
class RoleRef:
    """A cell of a budget table named by the table's ``ROLE``: the first of ``rows`` the table
    has, in the first of ``columns`` it prints (the families name rows and columns differently:
    Shanghai's 收入总计 is Jiangsu's 收入合计).  ``optional``: a part of a sum the table may
    not print (an economic 类 with nothing budgeted is left out), read as nil."""

    role: str
    rows: tuple[str, ...]
    columns: tuple[str, ...] = ("合计", "金额")
    optional: bool = False


#: One way a budget figure is printed: the sum of some cells.  A term lists the ways in order;
#: the first whose tables, rows and columns the disclosure prints is the figure.
Way = tuple[RoleRef, ...]

_TOTAL_COLS = ("合计", "金额")
_3P = ("本年预算数",)


def _ways(*ways: RoleRef | Way) -> tuple[Way, ...]:
    return tuple((w,) if isinstance(w, RoleRef) else w for w in ways)


def _3p(*columns: str) -> tuple[Way, ...]:
    return _ways(RoleRef("three_public", _3P, columns))


def _cell(role: str, *rows: str, columns: tuple[str, ...] = _TOTAL_COLS) -> RoleRef:
    return RoleRef(role, rows, columns)


#: Heading words of a budget's 情况说明 → the ROLE of the table the section restates (checked
#: in this order: "一般公共预算机关运行经费支出预算表" is about 机关运行经费).
BUDGET_SCOPES: tuple[tuple[str, str], ...] = (
    ("三公", "three_public"),
    ("机关运行经费", "running"),
    ("政府采购", "procurement"),
    ("绩效", "perf"),
    ("国有资产", "assets"),
    ("政府性基金", "fund"),
    ("国有资本经营", "capital"),
    ("财政拨款基本支出", "appropriation_basic"),
    ("一般公共预算基本支出", "general_basic"),
    ("财政拨款收支", "appropriation_summary"),
    ("财政拨款支出", "appropriation_expenditure"),
    ("一般公共预算", "general"),
    ("收支预算总表", "summary"),
    ("收入预算", "income"),
    ("支出预算", "expenditure"),
    ("预算编制说明", "summary"),
)

_INCOME_TOTAL = _cell("summary", "收入总计", "收入合计", columns=("金额",))
_EXPENDITURE_TOTAL = _cell("summary", "支出总计", "支出合计")
_PERSONNEL = (RoleRef("general_basic", ("301",), optional=True),
              RoleRef("general_basic", ("303",), optional=True))  # fmt: skip
_PUBLIC = (RoleRef("general_basic", ("302",), optional=True),
           RoleRef("general_basic", ("310",), optional=True))  # fmt: skip


def _on(role: str, way: Way) -> Way:
    return tuple(attrs.evolve(r, role=role) for r in way)


#: Budget subject (as :func:`budget_key` gives it) → the ways its figure is printed.
BUDGET_GLOBAL_TERMS: dict[str, tuple[Way, ...]] = {
    **dict.fromkeys(("收入总计", "收入合计", "本年收入合计", "收、支总计"), _ways(_INCOME_TOTAL)),
    **dict.fromkeys(("支出总计", "支出合计", "本年支出合计"), _ways(_EXPENDITURE_TOTAL)),
    **dict.fromkeys(
        ("财政拨款收入", "财政拨款收入总计"),
        _ways(
            _cell("summary", "财政拨款收入", "财政拨款", columns=("金额",)),
            _cell("appropriation_summary", "本年收入", columns=("金额",)),
        ),
    ),
    **dict.fromkeys(
        ("一般公共预算收入", "一般公共预算拨款收入", "一般公共预算资金"),
        _ways(_cell("summary", "一般公共预算", "一般公共预算拨款收入", columns=("金额",))),
    ),
    **dict.fromkeys(
        ("政府性基金收入", "政府性基金预算收入", "政府性基金预算拨款收入"),
        _ways(_cell("summary", "政府性基金预算", "政府性基金预算拨款收入", columns=("金额",))),
    ),
    **{
        f"{k}{tail}": _ways(_cell("summary", k, columns=("金额",)))
        for k in ("事业收入", "事业单位经营收入", "其他收入", "上年结转资金")
        for tail in ("", "总计", "合计")
    },
    # Jiangsu's source groups: "其他资金收入预算总计15万元", "财政专户管理资金收入预算总计…"
    **{
        f"{k}{tail}": _ways(_cell("summary", k, columns=("金额",)))
        for k in ("其他资金", "财政专户管理资金")
        for tail in ("", "收入", "收入总计", "收入合计")
    },
    **dict.fromkeys(
        ("财政拨款支出", "财政拨款支出总计"),
        _ways(
            _cell("appropriation_summary", "支出总计", "支出合计"),
            _cell("appropriation_expenditure", "合计"),
        ),
    ),
    **dict.fromkeys(
        ("一般公共预算财政拨款支出", "一般公共预算拨款支出", "一般公共预算支出"),
        _ways(_cell("general", "合计")),
    ),
    **dict.fromkeys(
        (
            "政府性基金支出",
            "政府性基金拨款支出",
            "政府性基金预算支出",
            "政府性基金预算拨款支出",
            "政府性基金预算",
        ),
        _ways(_cell("fund", "合计")),
    ),
    **dict.fromkeys(
        ("国有资本经营预算支出", "国有资本经营预算拨款支出", "国有资本经营预算"),
        _ways(_cell("capital", "合计")),
    ),
    **{
        k: _ways(_cell("expenditure", "合计", columns=(k,)), _cell("summary", k, columns=("金额",)))
        for k in ("基本支出", "项目支出", "单位预留机动经费")
    },
    "财政拨款基本支出": _ways(
        _cell("appropriation_summary", "基本支出", columns=("金额",)),
        _cell("appropriation_basic", "合计"),
    ),
    **dict.fromkeys(
        ("一般公共预算财政拨款基本支出", "一般公共预算基本支出"),
        _ways(_cell("general_basic", "合计")),
    ),
    "人员经费": _ways(_cell("general_basic", "合计", columns=("人员经费",)), _PERSONNEL),
    "公用经费": _ways(_cell("general_basic", "合计", columns=("公用经费",)), _PUBLIC),
    **dict.fromkeys(("三公经费", "三公经费预算"), _3p("“三公”经费", "合计")),
    **dict.fromkeys(("因公出国（境）费", "因公出国（境）费用"), _3p("因公出国（境）费")),
    # "公务车…" as printed in the Shanghai narratives of 2023 and 2025
    **dict.fromkeys(
        ("公务用车购置及运行费", "公务用车购置及运行维护费", "公务车购置及运行费"),
        _3p("公务用车购置及运行维护费", "公务用车购置及运行费"),
    ),
    **dict.fromkeys(("公务用车购置费", "公务用车购置"), _3p("公务用车购置费")),
    **dict.fromkeys(
        ("公务用车运行维护费", "公务用车运行费", "公务车用车运行费"),
        _3p("公务用车运行维护费", "公务用车运行费"),
    ),
    "公务接待费": _3p("公务接待费"),
    "会议费": _3p("会议费"),
    "培训费": _3p("培训费"),
    "机关运行经费": _ways(
        _cell("running", "合计", columns=("机关运行经费支出",)),
        RoleRef("three_public", _3P, ("机关运行经费",)),
    ),
    **dict.fromkeys(
        ("政府采购总金额", "政府采购总额", "政府采购", "政府采购支出"),
        _ways(_cell("procurement", "合计")),
    ),
    **{
        word.format(k): _ways(RoleRef("procurement", (k,), optional=True))
        for k in ("货物", "工程", "服务")
        for word in ("拟购买{}", "政府采购{}", "{}类政府采购", "{}类政府采购支出", "政府采购{}支出")
    },
}

#: Subjects whose budget figure depends on the section's table.
BUDGET_SCOPE_TERMS: dict[str, dict[str, tuple[Way, ...]]] = {
    "summary": {"收入": _ways(_INCOME_TOTAL), "支出": _ways(_EXPENDITURE_TOTAL)},
    "appropriation_summary": {
        "收入总计": _ways(
            _cell("appropriation_summary", "收入总计", "收入合计", columns=("金额",))
        ),
        "支出总计": _ways(_cell("appropriation_summary", "支出总计", "支出合计")),
    },
    "appropriation_basic": {
        "基本支出": _ways(_cell("appropriation_basic", "合计")),
        "人员经费": _ways(_on("appropriation_basic", _PERSONNEL)),
        "公用经费": _ways(_on("appropriation_basic", _PUBLIC)),
    },
    "general_basic": {"基本支出": _ways(_cell("general_basic", "合计"))},
    "fund": {"支出": _ways(_cell("fund", "合计"))},
    "capital": {"支出": _ways(_cell("capital", "合计"))},
}

_BUDGET_TERMS: dict[str, dict[str, tuple[Way, ...]]] = {
    scope: {**BUDGET_GLOBAL_TERMS, **terms} for scope, terms in BUDGET_SCOPE_TERMS.items()
}

#: Per scope: the tables (by ROLE, in order) whose coded rows are looked up by name.
BUDGET_NAMED_ROWS: dict[str, tuple[str, ...]] = {
    "summary": ("summary", "expenditure", "general"),
    "expenditure": ("expenditure",),
    "appropriation_summary": ("appropriation_summary", "appropriation_expenditure", "general"),
    "appropriation_expenditure": ("appropriation_expenditure", "general"),
    "general": ("general",),
    "fund": ("fund",),
    "capital": ("capital",),
    "appropriation_basic": ("appropriation_basic",),
    "general_basic": ("general_basic",),
    "running": ("running",),
}

#: Budget tables a "本部门无…" statement in a section of that scope is about.
BUDGET_NIL_ROLES: tuple[str, ...] = ("fund", "capital", "three_public")

#: Words that qualify a subject: a bare "收入"/"支出" term does not name it.
_QUALIFIED = lazy_pattern(r"拨款|基金|经营|财政")

#: "预算" inside a budget subject, except where it is part of a budget type's name.
_BUDGET_WORD = re.compile(r"(?<!公共)(?<!经营)(?<!基金)预算")


def is_budget(d: Disclosure) -> bool:
    """Is ``d`` a 部门预算: its kind says so, or every table it has is a budget table (a
    disclosure built from budget tables without saying its kind)."""
    return d.kind == "预算" or (
        bool(d.tables) and all(isinstance(t, BudgetTable) for t in d.tables)
    )


#: The dashes joining a 类-款-项 path ("“一般公共服务支出(类）-统计信息事务（款）-统计管理（项）”"),
#: and the year after it that dates its figure ("…（项）”2026年度预算0.12万元": 石泉路街道 2026).
_PATH_DASH = re.compile(r"(?<=[\u4e00-\u9fff）)])[-－—](?=[\u4e00-\u9fff])")
_PATH_YEAR = re.compile(r"(?<=[\u4e00-\u9fff])(?:19|20)\d{2}年度?$")


def budget_key(subject: str) -> str:
    """A budget subject as compared: :func:`subject_key`, "预算" dropped (but not from
    一般公共预算, 政府性基金预算, 国有资本经营预算).

    >>> budget_key("一般公共预算收入预算")
    '一般公共预算收入'
    >>> budget_key("因公出国（境）费预算支出")
    '因公出国（境）费支出'
    >>> budget_key("“科学技术支出（类）科学技术普及（款）科普活动（项）”科目")
    '科学技术支出科学技术普及科普活动'
    >>> budget_key("“科学技术支出(类）-科学技术普及（款）-科普活动（项）”2026年度预算")
    '科学技术支出科学技术普及科普活动'
    """
    key = _BUDGET_WORD.sub("", subject_key(subject)).removesuffix("科目")
    key = _PATH_YEAR.sub("", _PATH_DASH.sub("", key))
    return key[:-1] if key.endswith("支出数") else key


@frozen
class Figure:
    """The table figure a claim names: the sum of ``cells`` (blank = nil), in the disclosure's
    unit.  ``missing`` names a table the figure needs that the disclosure lacks."""

    label: str
    cells: tuple[Cell, ...] = ()
    missing: str | None = None
    # Derived from ``cells`` once, when the figure is made (it is immutable; a resolver hands
    # the same figure to every claim and rule that names it, and nearly every figure is read
    # whole).  In one pass, not as four cached attributes: the first read of each of those
    # went through attrs' ``__getattr__``, about as dear as the sums themselves.
    #: Σ of the printed cells (blank = nil).
    value: Decimal = attrs.field(init=False, eq=False, repr=False)
    #: Σ of the cells' last-place units.
    unit: Decimal = attrs.field(init=False, eq=False, repr=False)
    #: Each cell's place, in order.
    places: tuple[Place, ...] = attrs.field(init=False, eq=False, repr=False)
    #: The one cell a statement of this figure restates (at most one cell printed), or None
    #: when the figure is a sum of several printed cells.
    restated: Cell | None = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        if not self.cells:
            for name, derived in (("value", ZERO), ("unit", ZERO), ("places", ()),
                                  ("restated", None)):  # fmt: skip
                object.__setattr__(self, name, derived)
            return
        value = unit = ZERO
        printed: list[Cell] = []
        for c in self.cells:
            if c.value is not None:
                value += c.value
                printed.append(c)
            unit += c.unit
        cells = self.cells
        restated = (printed or cells)[0] if len(printed) <= 1 else None
        object.__setattr__(self, "value", value)
        object.__setattr__(self, "unit", unit)
        object.__setattr__(self, "places", tuple(c.place for c in cells))
        object.__setattr__(self, "restated", restated)

    def judge(self, tolerance: Tolerance, value: Decimal, unit: Decimal) -> Comparison:
        """``value`` (printed to last place ``unit``) against this figure: a restatement of one
        cell must be identical to the places both print (:meth:`Tolerance.restates`); a sum
        of several is judged by the interval model (:meth:`Tolerance.compare`)."""
        source = self.restated
        if source is not None:
            return tolerance.restates(value, unit, source.value, source.unit)
        parts = [(1, c.value) for c in self.cells]
        units = [c.unit for c in self.cells]
        return tolerance.compare(value, parts, unit, units=units, total_unit=unit)


_V = TypeVar("_V")


def _best(key: str, names: Mapping[str, _V]) -> tuple[int, _V] | None:
    """(matched length, value) of the entry whose name is ``key`` or its longest suffix."""
    for start in range(len(key)):
        value = names.get(key[start:])
        if value is not None:
            return len(key) - start, value
    return None


@functools.lru_cache(maxsize=4096)
def _row_key(name: str) -> str:
    """The subject key of a coded row's name, its enumerator dropped (memoised: the names are
    the classification's, the same in every document)."""
    return subject_key(_ENUM_NAME.sub("", name))


def _row_names(t: Table) -> dict[str, Row | None]:
    """The subject key of each coded row's name (enumerator dropped), alone and after its
    parents' names ("组织事务一般行政管理事务", "一般公共服务支出组织事务一般行政管理事务") -> the
    row; a name two rows share maps to None (a 项 such as 一般行政管理事务 is printed under
    many 款: the narrative names which one by its 款, else the name does not tell)."""
    own = {r.code: _row_key(r.name) for r in t.coded_rows()}
    names: dict[str, Row | None] = {}
    for r in t.coded_rows():
        code = r.code or ""
        chain = [code[:n] for n in (3, 5) if len(code) > n] + [code]
        for i in range(len(chain)):
            if all(c in own for c in chain[i:]):
                name = "".join(own[c] for c in chain[i:])
                names[name] = None if name in names and names[name] is not r else r
    return names


def _named(key: str, names: Mapping[str, Row | None]) -> tuple[int, Row | None] | None:
    """(matched length, row) of the name that is ``key`` or its longest suffix; the row is
    None when that name is ambiguous (no shorter suffix is tried: it would name less)."""
    for start in range(len(key)):
        if key[start:] in names:
            return len(key) - start, names[key[start:]]
    return None


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


@functools.lru_cache(maxsize=4096)
def _term(key: str, scope: str | None) -> tuple[int, tuple[Ref, ...]] | None:
    """(matched length, refs) of the 决算 term a subject key names in a scope: the key's
    longest suffix in the scope's terms, else that of the key without "支出" (the vocabulary
    is fixed, so a subject's term is found once per process, not once per claim)."""
    terms = _TERMS.get(scope or "", GLOBAL_TERMS)
    keys = [key] + ([key[:-2]] if key.endswith("支出") and len(key) > 2 else [])
    for k in keys:
        found = _best(k, terms)
        if found is not None:
            return found
    return None


#: Key in :meth:`Disclosure.derived` of the row-name indexes (:meth:`Resolver.row_names`).
_ROW_NAMES = "figures.row_names"


class Resolver:
    """Finds the figures subjects name in one disclosure (see :func:`resolve`).

    The names of a table's coded rows are indexed on first use, and each subject's figure is
    kept once found: an assessment resolves every claim against the same tables, and the
    rules over whole sentences resolve the same claims again (the disclosure is immutable, so
    a figure found stays right).
    """

    def __init__(self, d: Disclosure):
        self.d = d
        self._row_names: dict[type[Table], dict[str, Row | None]] = {}
        self._budget_names: dict[str, dict[str, Row | None]] = {}
        self._found: dict[tuple[str, str | None, str | None], Figure | None] = {}
        self.is_budget = is_budget(d)

    def row_names(self, cls: type[Table]) -> dict[str, Row | None] | None:
        """:func:`_row_names` of the disclosure's table of ``cls``, indexed once and kept with
        the disclosure (:meth:`Disclosure.derived`: its tables are immutable), so a check of
        the same disclosure again does not index them again."""
        names = self._row_names.get(cls)
        if names is None:
            t = self.d.table(cls)
            if t is None:
                return None
            kept = self.d.derived().setdefault(_ROW_NAMES, {})
            names = kept.get(cls)
            if names is None:
                names = kept[cls] = _row_names(t)
            self._row_names[cls] = names
        return names

    def __call__(
        self, subject: str, scope: str | None, attribute: str | None = None
    ) -> Figure | None:
        memo = (subject, scope, attribute)
        try:
            return self._found[memo]
        except KeyError:
            pass
        fig = self._found[memo] = (
            self.budget(subject, scope, attribute)
            if self.is_budget
            else self._resolve(subject, scope, attribute)
        )
        return fig

    def _resolve(self, subject: str, scope: str | None, attribute: str | None) -> Figure | None:
        """The figure a subject names in a 决算 (see :data:`GLOBAL_TERMS`)."""
        key = subject_key(subject)
        if not key:
            return None
        found = _term(key, scope)
        named = NAMED_ROWS.get(scope or "")
        if named is not None:
            rows = self.row_names(named[0])
            by_name = _named(key, rows) if rows is not None else None
            if by_name is not None and (found is None or by_name[0] > found[0]):
                row = by_name[1]
                if row is None:
                    return None  # the name is ambiguous in the table
                found = (by_name[0], _refs((named[0], row.key, named[1])))
        if found is None:
            return None
        refs = found[1]
        if attribute is not None and "预算" in attribute:
            if all(c is T09 and k == T09.ACTUAL for c, k, _ in refs):
                refs = tuple((c, T09.BUDGET, col) for c, _, col in refs)
            else:
                return None
        return _figure(self.d, refs, _label(refs))

    # -- budgets ---------------------------------------------------------------------------
    def budget_rows(self, role: str) -> tuple[BudgetTable, dict[str, Row | None]] | None:
        """The budget table of ``role`` and its coded rows by name: the row's own name, and
        its name after its parents' ("检察行政运行", "一般公共服务支出统计信息事务统计管理"),
        so that a 项 printed with its 款 is found; a name two rows share maps to None."""
        t = family_table(self.d.tables, role)
        if t is None:
            return None
        names = self._budget_names.get(role)
        if names is None:
            own = {r.code: _row_key(r.name) for r in t.coded_rows()}
            names = {}
            for r in t.coded_rows():
                code = r.code or ""
                chain = [code[:n] for n in (3, 5) if len(code) > n] + [code]
                for i in range(len(chain)):
                    if all(c in own for c in chain[i:]):
                        name = "".join(own[c] for c in chain[i:])
                        if name in names and names[name] is not r:
                            names[name] = None
                        else:
                            names[name] = r
            self._budget_names[role] = names
        return t, names

    def budget(self, subject: str, scope: str | None, attribute: str | None) -> Figure | None:
        """The figure a subject names in a 预算 (see :data:`BUDGET_GLOBAL_TERMS`)."""
        if attribute is not None and ("决算" in attribute or "执行" in attribute):
            return None  # a budget prints no 决算 figures
        key = budget_key(subject)
        if not key:
            return None
        terms = _BUDGET_TERMS.get(scope or "", BUDGET_GLOBAL_TERMS)
        keys = [key] + ([key[:-2]] if key.endswith("支出") and len(key) > 2 else [])
        found: tuple[int, tuple[Way, ...]] | None = None
        for k in keys:
            found = _best(k, terms)
            if found is not None:
                break
        if found is not None and found[0] <= 2 and _QUALIFIED.search(key):
            found = None  # a bare "支出" does not stand for "…经营预算拨款支出"
        # a row name at least as long as the term wins ("会议费" in a 基本支出 section is the
        # economic row, not the 三公 table's column); the longest name over the tables wins
        named: tuple[int, str, Row | None] | None = None
        for role in BUDGET_NAMED_ROWS.get(scope or "", ()):
            indexed = self.budget_rows(role)
            if indexed is None:
                continue
            for k in keys:
                by_name = _named(k, indexed[1])
                if by_name is not None:
                    if named is None or by_name[0] > named[0]:
                        named = (by_name[0], role, by_name[1])
                    break
        if named is not None and (found is None or named[0] >= found[0]):
            if named[2] is None:
                return None  # the name is ambiguous in the table
            columns = (*_TOTAL_COLS, *self.budget_rows(named[1])[0].COLUMNS[:1])  # type: ignore[index]
            found = (named[0], _ways(RoleRef(named[1], (named[2].key,), columns)))
        if found is None:
            return None
        return _budget_figure(self.d, found[1])


def _budget_figure(d: Disclosure, ways: tuple[Way, ...]) -> Figure:
    """The figure of the first way the disclosure prints; else the first way's shortfall."""
    shortfall: str | None = None
    for way in ways:
        cells: list[Cell] = []
        labels: list[str] = []
        why: str | None = None
        for ref in way:
            t = family_table(d.tables, ref.role)
            if t is None:
                why = f"the {ref.role} table"
                break
            row = next((r for r in ref.rows if t.get(r) is not None), None)
            column = next((c for c in ref.columns if c in t.COLUMNS), None)
            if row is None or column is None:
                if ref.optional and column is not None:
                    continue
                why = f"row {'/'.join(ref.rows)} of {t.KIND}" if row is None else (
                    f"column {'/'.join(ref.columns)} of {t.KIND}"
                )  # fmt: skip
                break
            cells.append(convert_cell(t.cell(row, column), t, d.unit))
            labels.append(f"{t.KIND} {row} {column}")
        if why is None:
            return Figure(" + ".join(labels) or f"{way[0].role}: nothing printed", tuple(cells))
        shortfall = shortfall or why
    return Figure("", missing=shortfall)


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
