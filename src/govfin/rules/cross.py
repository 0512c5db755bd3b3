"""Cross-table relations (X1–X11; X12 is with the narrative rules) and completeness (K-*) of a Disclosure.

Every relation goes through :meth:`Context.equation` / :meth:`Context.at_most`, so it is judged
by the run's tolerance model and its finding names the cells of both tables.  A relation whose
tables are not both present is skipped: a missing table is reported once, by ``K-missing``.
Tables in another unit than the disclosure's are converted exactly before comparing.

Funding-aware relations: 公开03 ≥ 公开05 (X9) and 公开04 结转结余 ≤ 公开01 结转结余 (X10) are
inequalities in general; they are asserted as equalities only for a unit funded entirely by
一般公共预算财政拨款 (every other income line of 公开01 nil and the whole opening balance of
公开01 shown as 一般公共预算 in 公开04), see :func:`single_source`.

X12 (narrative figures = table figures) is a cross-table rule judged with the claim machinery,
so it lives with the narrative rules in :mod:`govfin.rules.narrative.checks`.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from decimal import Decimal

import attrs

from govfin.disclosure import Disclosure
from govfin.findings import Category, Cell, Place, Severity
from govfin.rules.engine import Context
from govfin.rules.registry import RuleFunc, rule
from govfin.rules.relations import Ref, bounded, cell, classes, codes, nil, same, value
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
    StateCapitalIncomeTable,
    Table,
    convert_cell,
)
from govfin.tables.summary import APPROPRIATION_COLUMNS

__all__ = ["REQUIRED_KINDS", "convert_cell", "single_source"]

#: The nine tables of the central set (财政部 部门决算 template); 公开10表 is local.
REQUIRED_KINDS: tuple[type[Table], ...] = (T01, T02, T03, T04, T05, T06, T07, T08, T09)
#: The first year whose published 决算 set holds 国有资本经营预算财政拨款支出决算表 (2016–2019
#: sets had eight tables: see :func:`k_missing`).
_STATE_CAPITAL_SINCE = 2020

_AMOUNT = "金额"
_TOTAL = "合计"
_GENERAL, _FUND, _CAPITAL = APPROPRIATION_COLUMNS
_SRC = "layouts of the related tables, "
#: Why the rules that compare a figure with its restatement changed (issue 15).
_RESTATED = (
    "2026 (issue 15): a figure restated in another table must be identical — both printings "
    "round from one amount, so a 0.01 difference is a mistake (error), not a rounding residue "
    "(尾数误差); only a sum of several printed parts keeps the interval slack"
)

#: A cross-table rule: ``func(d, ctx, *tables)``, the tables its ``_cross`` declares.
CrossFunc = Callable[..., None]


def _c(d: Disclosure, t: Table, key: str, column: str) -> Cell:
    return cell(d, (t, key, column))


def _v(d: Disclosure, t: Table, key: str, column: str) -> Decimal | None:
    return value(d, (t, key, column))


def _name(t: Table, key: str, column: str) -> str:
    """A cell as findings name it: "公开05 类 201 合计", "公开01 本年收入合计" (column 金额 implied)."""
    row = f"类 {key}" if len(key) == 3 and key.isdigit() else key
    return f"公开{t.NUMBER} {row}" + ("" if column == _AMOUNT else f" {column}")


def _same(d: Disclosure, ctx: Context, printed: Ref, *parts: Ref, restatement: bool = True) -> None:
    same(d, ctx, _name, printed, *parts, restatement=restatement)


def _same_by_class(d: Disclosure, ctx: Context, a: Table, a_col: str, b: Table, b_col: str) -> None:
    """For each 类 row of either table: ``a``'s ``a_col`` = ``b``'s ``b_col``."""
    for code in classes(a, b):
        _same(d, ctx, (a, code, a_col), (b, code, b_col))


def _bounded(d: Disclosure, ctx: Context, small: Ref, big: Ref, *, equal: bool) -> None:
    """``small`` ≤ ``big``; an equation instead when ``equal`` (a single-source unit)."""
    bounded(
        d, ctx, _name, small, big, equal=equal, note=" (single source: all 一般公共预算财政拨款)"
    )


def single_source(d: Disclosure) -> bool:
    """True when the unit is funded entirely by 一般公共预算财政拨款.

    Every income line of 公开01 other than 一般公共预算财政拨款收入 is nil, 使用非财政拨款结余
    is nil, and 公开01's 年初结转和结余 equals 公开04's 年初一般公共预算财政拨款.  Needs both
    tables; False otherwise.
    """
    t01, t04 = d.table(T01), d.table(T04)
    if t01 is None or t04 is None:
        return False
    others = [k for k in T01.INCOME_LINES if k != "一般公共预算财政拨款收入"]
    if not all(nil(t01.value(k, _AMOUNT)) for k in (*others, "使用非财政拨款结余")):
        return False
    opening = _c(d, t01, "年初结转和结余", _AMOUNT).value or Decimal(0)
    general = _c(d, t04, "年初一般公共预算财政拨款", _AMOUNT).value or Decimal(0)
    return opening == general


def _cross(
    id: str,
    zh: str,
    en: str,
    tables: tuple[type[Table], ...],
    severity: Severity = Severity.ERROR,
    *,
    partial: bool = False,
    changed: str = "",
) -> Callable[[CrossFunc], CrossFunc]:
    """Register ``func(d, ctx, *tables)`` as a cross-table rule reading ``tables``.

    The tables are fetched once, here, in the declared order.  Unless ``partial``, the rule is
    skipped when one of them is missing (``K-missing`` reports that once); a ``partial`` rule
    gets None for a missing table and decides itself.
    """

    def deco(func: CrossFunc) -> CrossFunc:
        @functools.wraps(func)
        def run(d: Disclosure, ctx: Context) -> None:
            found = [d.table(cls) for cls in tables]
            if partial or all(x is not None for x in found):
                func(d, ctx, *found)

        rule(
            id,
            zh=zh,
            en=en,
            category=Category.CROSS_TABLE,
            subject=Disclosure,
            tables=tuple(cls.KIND for cls in tables),
            severity=severity,
            source=_SRC + id,
            changed=changed,
        )(run)
        return func

    return deco


# -- X1–X3: 公开01 income ↔ 公开02 ↔ 公开04 -------------------------------------------------------


@_cross(
    "X1",
    "公开01表本年收入合计 = 公开02表合计行本年收入合计",
    "01 total income of the year = 02 total row, total income",
    (T01, T02),
    changed=_RESTATED,
)
def x1_income_total(d: Disclosure, ctx: Context, t01: Table, t02: Table) -> None:
    """公开01 本年收入合计 = 公开02 合计行 本年收入合计."""
    _same(d, ctx, (t01, "本年收入合计", _AMOUNT), (t02, _TOTAL, "本年收入合计"))


@_cross(
    "X2",
    "财政拨款收入：公开01三项财政拨款收入之和 = 公开02财政拨款收入 = 公开04本年收入合计",
    "appropriations: 01 three appropriation lines = 02 财政拨款收入 = 04 income of the year",
    (T01, T02, T04),
    partial=True,
    changed=_RESTATED,
)
def x2_appropriations(
    d: Disclosure, ctx: Context, t01: Table | None, t02: Table | None, t04: Table | None
) -> None:
    """01 (一般 + 基金 + 国资 财政拨款收入) = 02 合计行 财政拨款收入 = 04 本年收入合计; and each
    of the three 01 lines = the matching 04 income line."""
    budgets = (_GENERAL, _FUND, _CAPITAL)
    lines01 = [(t01, f"{b}收入", _AMOUNT) for b in budgets] if t01 is not None else []
    if t02 is not None and lines01:
        _same(d, ctx, (t02, _TOTAL, "财政拨款收入"), *lines01)
    if t04 is None:
        return
    if t02 is not None:
        _same(d, ctx, (t04, "本年收入合计", _AMOUNT), (t02, _TOTAL, "财政拨款收入"))
    elif lines01:
        _same(d, ctx, (t04, "本年收入合计", _AMOUNT), *lines01)
    for b, line01 in zip(budgets, lines01, strict=False):
        _same(d, ctx, (t04, b, _AMOUNT), line01)


@_cross(
    "X3",
    "公开01表上级补助/事业/经营/附属单位上缴/其他收入 = 公开02表合计行同名列",
    "01 other income lines = the same columns of 02's total row",
    (T01, T02),
    changed=_RESTATED,
)
def x3_other_income(d: Disclosure, ctx: Context, t01: Table, t02: Table) -> None:
    """Each non-appropriation income line of 公开01 = that column of 公开02's 合计 row."""
    for k in T02.OTHER_SOURCES:
        _same(d, ctx, (t01, k, _AMOUNT), (t02, _TOTAL, k))


# -- X4: 公开01 expenditure ↔ 公开03; 公开02 ↔ 公开03 mirror -------------------------------------


@_cross(
    "X4",
    "公开01表本年支出合计及各类 = 公开03表合计行及各类行本年支出合计",
    "01 total expenditure and each 类 row = 03 total and 类 rows (本年支出合计)",
    (T01, T03),
    changed=_RESTATED,
)
def x4_expenditure(d: Disclosure, ctx: Context, t01: Table, t03: Table) -> None:
    """公开01 本年支出合计 = 公开03 合计 本年支出合计; each 类 row of either table likewise."""
    _same(d, ctx, (t01, "本年支出合计", _AMOUNT), (t03, _TOTAL, "本年支出合计"))
    _same_by_class(d, ctx, t01, _AMOUNT, t03, "本年支出合计")


@_cross(
    "X4-mirror",
    "公开02表与公开03表同一科目的本年收入合计与本年支出合计一致（提示）",
    "02 income and 03 expenditure of the same code agree (warning: balances may differ)",
    (T02, T03),
    Severity.WARNING,
)
def x4_mirror(d: Disclosure, ctx: Context, t02: Table, t03: Table) -> None:
    """For 合计 and every code in both tables: 02 本年收入合计 = 03 本年支出合计.

    Holds when no money of that code was carried over; a difference is a warning only.
    """
    codes03 = set(codes(t03))
    for key in [_TOTAL] + [c for c in codes(t02) if c in codes03]:
        if t02.get(key) is not None and t03.get(key) is not None:
            # two facts (income and expenditure) that usually agree: the interval slack stays
            _same(
                d, ctx, (t03, key, "本年支出合计"), (t02, key, "本年收入合计"), restatement=False
            )


# -- X5, X6: 公开04 一般公共预算 column ↔ 公开05 ↔ 公开06 ------------------------------------------


@_cross(
    "X5",
    "公开04表一般公共预算财政拨款列（合计及各类）= 公开05表（合计及各类）",
    "04 general-budget column (total and each 类) = 05 (total and each 类)",
    (T04, T05),
    changed=_RESTATED,
)
def x5_general_budget(d: Disclosure, ctx: Context, t04: Table, t05: Table) -> None:
    """公开04 本年支出合计 (一般公共预算财政拨款) = 公开05 合计; each 类 likewise."""
    _same(d, ctx, (t05, _TOTAL, _TOTAL), (t04, "本年支出合计", _GENERAL))
    _same_by_class(d, ctx, t05, _TOTAL, t04, _GENERAL)


@_cross(
    "X6",
    "公开05表基本支出 = 公开06表人员经费合计 + 公用经费合计",
    "05 basic expenditure = 06 personnel total + public-expenses total",
    (T05, T06),
    changed=_RESTATED,
)
def x6_basic(d: Disclosure, ctx: Context, t05: Table, t06: Table) -> None:
    """公开05 合计行 基本支出 = 公开06 人员经费合计 + 公用经费合计.

    When 公开06 prints neither total line, its 类 rows are summed instead.
    """
    col = T06.COLUMNS[0]
    keys = [k for k in (T06.PERSONNEL_TOTAL, T06.PUBLIC_TOTAL) if t06.get(k) is not None]
    _same(d, ctx, (t05, _TOTAL, "基本支出"), *[(t06, k, col) for k in keys or classes(t06)])


# -- X7, X8: 公开04 基金/国资 columns ↔ 公开07 / 公开08 -----------------------------------------------


def _shows_in(t: Table, other: Table) -> bool:
    """True when some cell of ``t`` would print as non-zero at ``other``'s unit and precision.

    A fund of a few 元 prints 0.00 万元: it is data in a table kept in 元, nil in one in 万元.
    """
    half = other.meta.precision / 2
    scale = t.meta.unit.yuan / other.meta.unit.yuan
    return any(
        v is not None and abs(v * scale) >= half for r in t.rows for v in r.values.values()
    )


def _column_nil(t04: Table, column: str) -> bool:
    """True when 公开04 shows nothing of a budget type: its column, its income line and its
    年初 line are all nil."""
    cells = [t04.value(k, _AMOUNT) for k in (column, f"年初{column}")]
    cells += [r[column] for r in t04.rows if column in r.values]
    return all(nil(v) for v in cells)


@_cross(
    "X7",
    "公开04表政府性基金预算财政拨款列 = 公开07表合计行（年初、本年收入、本年支出、年末）及各类",
    "04 government-fund column = 07 total row (opening, income, expenditure, closing) and 类",
    (T04, T07),
    changed=_RESTATED,
)
def x7_government_fund(d: Disclosure, ctx: Context, t04: Table, t07: Table) -> None:
    """公开04's 政府性基金 figures = 公开07's 合计 row; each 类 row's 本年支出 likewise.

    Skipped when 公开04 shows no 政府性基金 money at all: then 公开07 must be empty, which is
    ``K-should-be-empty``'s business.
    """
    if _column_nil(t04, _FUND):
        return
    for c07, k04, c04 in (
        ("年初结转和结余", f"年初{_FUND}", _AMOUNT),
        ("本年收入", _FUND, _AMOUNT),
        ("本年支出小计", "本年支出合计", _FUND),
        ("年末结转和结余", "年末财政拨款结转和结余", _FUND),
    ):
        _same(d, ctx, (t07, _TOTAL, c07), (t04, k04, c04))
    _same_by_class(d, ctx, t07, "本年支出小计", t04, _FUND)


@_cross(
    "X8",
    "公开04表国有资本经营预算财政拨款列本年支出（合计及各类）= 公开08表",
    "04 state-capital column expenditure (total and each 类) = 08",
    (T04, T08),
    changed=_RESTATED,
)
def x8_state_capital(d: Disclosure, ctx: Context, t04: Table, t08: Table) -> None:
    """公开04 本年支出合计 (国有资本经营) = 公开08 合计 合计; each 类 likewise.

    Skipped when 公开04 shows no 国有资本经营 money (see ``K-should-be-empty``).
    """
    if _column_nil(t04, _CAPITAL):
        return
    _same(d, ctx, (t08, _TOTAL, _TOTAL), (t04, "本年支出合计", _CAPITAL))
    _same_by_class(d, ctx, t08, _TOTAL, t04, _CAPITAL)


# -- X9, X10: inequalities (equalities for a single-source unit) ----------------------------------


@_cross(
    "X9",
    "公开03表基本/项目支出 ≥ 公开05表基本/项目支出（全部为一般公共预算财政拨款时相等）",
    "03 basic/project ≥ 05 basic/project (equal when all money is general-budget)",
    (T03, T05),
)
def x9_expenditure_bounds(d: Disclosure, ctx: Context, t03: Table, t05: Table) -> None:
    """For 合计 and each code of 公开05: 05 基本支出 ≤ 03 基本支出, 05 项目支出 ≤ 03 项目支出.

    The gap is money other than 一般公共预算财政拨款; for a single-source unit
    (:func:`single_source`) there is none, and the relations are equations.
    """
    equal = single_source(d)
    for key in [_TOTAL, *codes(t05)]:
        for col in ("基本支出", "项目支出"):
            _bounded(d, ctx, (t05, key, col), (t03, key, col), equal=equal)


@_cross(
    "X10",
    "公开04表年初/年末财政拨款结转和结余 ≤ 公开01表年初/年末结转和结余",
    "04 opening/closing appropriation balance ≤ 01 opening/closing balance",
    (T01, T04),
)
def x10_balances(d: Disclosure, ctx: Context, t01: Table, t04: Table) -> None:
    """公开04 年初财政拨款结转和结余 ≤ 公开01 年初结转和结余; 年末 likewise (合计 column).

    Equalities for a single-source unit (:func:`single_source`).
    """
    equal = single_source(d)
    for k04, c04, k01 in (
        ("年初财政拨款结转和结余", _AMOUNT, "年初结转和结余"),
        ("年末财政拨款结转和结余", _TOTAL, "年末结转和结余"),
    ):
        _bounded(d, ctx, (t04, k04, c04), (t01, k01, _AMOUNT), equal=equal)


# -- X11: 公开09 ↔ 公开06 (soft) -------------------------------------------------------------------

#: 公开09 column -> the 公开06 economic codes of its basic-expenditure part.
THREE_PUBLIC_CODES: dict[str, tuple[str, ...]] = {
    "因公出国（境）费": ("30212",),
    "公务接待费": ("30217",),
    "公务用车运行维护费": ("30231",),
    "公务用车购置费": ("31013", "30913"),
}


@_cross(
    "X11",
    "公开09表决算数各项 ≥ 公开06表对应经济科目（30212、30217、30231、31013）",
    "09 actual items ≥ the matching 06 economic codes (basic expenditure only; warning)",
    (T06, T09),
    Severity.WARNING,
)
def x11_three_public(d: Disclosure, ctx: Context, t06: Table, t09: Table) -> None:
    """Each 三公 item of 公开09 (决算数) ≥ the 公开06 codes that carry its basic-expenditure part.

    公开06 covers only 一般公共预算 基本支出, while 三公 also covers 项目支出 and other
    appropriations, so only the inequality is expected; a break is a warning.
    """
    col06 = T06.COLUMNS[0]
    for col09, in_09 in THREE_PUBLIC_CODES.items():
        parts = [_c(d, t06, code, col06) for code in in_09 if t06.get(code) is not None]
        if not parts:
            continue
        values = [p.value for p in parts if p.value is not None]
        total = sum(values, Decimal(0)) if values else None
        unit = sum((p.unit for p in parts), Decimal(0))
        small = Cell(parts[0].place, total, unit) if len(parts) > 1 else parts[0]
        big = _c(d, t09, T09.ACTUAL, col09)
        held = ctx.at_most(small, big, what=f"公开06 {'+'.join(in_09)} ≤ 公开09 决算数 {col09}")
        if not held and len(parts) > 1:  # name every 公开06 cell of the sum
            ctx.findings[-1] = attrs.evolve(
                ctx.findings[-1], cells=(*[p.place for p in parts], big.place)
            )


# -- completeness ---------------------------------------------------------------------------------


_ALL_KINDS: tuple[type[Table], ...] = (*REQUIRED_KINDS, T10)


def _completeness(
    id: str, zh: str, en: str, severity: Severity, changed: str = ""
) -> Callable[[RuleFunc], RuleFunc]:
    return rule(
        id,
        zh=zh,
        en=en,
        category=Category.COMPLETENESS,
        subject=Disclosure,
        tables=tuple(t.KIND for t in _ALL_KINDS),
        severity=severity,
        source="财预〔2020〕10号 (empty tables are published with a note)",
        changed=changed,
    )


@_completeness(
    "K-missing",
    "须公开的九张表齐全（无数据的表也须公开并注明）",
    "the nine central tables are all present (an empty one with a note)",
    Severity.ERROR,
    changed="2026-12: a 决算 of 2019 or before is not held to 国有资本经营预算财政拨款支出决算表 "
    "(the sets of 2016–2019 had eight tables): it was a false error on those years",
)
def k_missing(d: Disclosure, ctx: Context) -> None:
    """Each of 公开01–09 is present (公开10表 is local and optional) in a 决算; 公开08 in either
    form.  A table the reader saw but could not read is unread, not missing (the read says so);
    while a table of unknown kind is unread, any missing one may be it: a warning that says so.
    A 预算's tables are B-K-missing's.

    The set is of the 2020 year on: up to the 2019 year the published set had eight tables,
    without 国有资本经营预算财政拨款支出决算表 (2016 and 2019 决算 as published: 西宁市总寨镇
    逸夫小学 2016, 南漳县招商服务中心 2019), so a 决算 of 2019 or before is not held to it."""
    if d.kind != "决算":
        return
    unknown = [u for u in d.unread if u not in Table.KINDS]
    for cls in REQUIRED_KINDS:
        if cls is T08 and d.table(StateCapitalIncomeTable) is not None:
            continue
        if cls is T08 and d.year is not None and d.year < _STATE_CAPITAL_SINCE:
            continue
        if cls.KIND in d.unread or d.table(cls) is not None:
            continue
        if unknown:
            ctx.emit(
                f"公开{cls.NUMBER}表 {cls.KIND} is missing, or is one of the tables that could not "
                f"be read ({'; '.join(unknown)})",
                place=Place(cls.KIND),
                severity=Severity.WARNING,
            )
            continue
        ctx.emit(
            f"公开{cls.NUMBER}表 {cls.KIND} is missing (an empty table must still be "
            "published, with a note such as “本表无数据”)",
            place=Place(cls.KIND),
        )


@_completeness(
    "K-duplicate", "同一张表只公开一次", "each table kind appears once", Severity.WARNING
)
def k_duplicate(d: Disclosure, ctx: Context) -> None:
    """No table kind appears twice (only the first would be checked across tables)."""
    seen: set[str] = set()
    for t in d.tables:
        if t.KIND in seen:
            ctx.emit(
                f"{t.KIND} appears more than once; cross-table rules use the first",
                place=Place(t.KIND),
            )
        seen.add(t.KIND)


@_completeness(
    "K-empty-note",
    "空表须注明“本表无数据”等说明",
    "an empty table carries a note",
    Severity.WARNING,
)
def k_empty_note(d: Disclosure, ctx: Context) -> None:
    """An empty table has a printed note (``TableMeta.empty_note``) saying why."""
    for t in d.tables:
        if t.empty and not (t.meta.empty_note or "").strip():
            ctx.emit(
                f"{t.KIND} is empty but has no note (such as “本表无数据”) saying so",
                place=Place(t.KIND, line=t.meta.line),
            )


#: Words that, in the empty-table note of one kind, show it was copied from another.
_FOREIGN_NOTE_WORDS: dict[type[Table], tuple[str, ...]] = {
    T07: ("国有资本经营", "三公"),
    T08: ("政府性基金", "三公"),
    T09: ("政府性基金", "国有资本经营"),
}


@_completeness(
    "K-note-on-data",
    "有数据的表不得注明“本表无数据”；说明须属于本表",
    "a table with data has no “no data” note; a note belongs to its own table",
    Severity.ERROR,
    changed="2026-12 (hardening): a table printed 0.00 throughout under its “本单位无…” note "
    "has no data, as a blank one; it was an error (a false alarm on a common way of printing)",
)
def k_note_on_data(d: Disclosure, ctx: Context) -> None:
    """A "本表无数据" note on a table that has data (a non-zero amount: a table printed all
    0.00 under its note says the same as a blank one), or a note naming another table's
    subject."""
    for t in d.tables:
        note = (t.meta.empty_note or "").strip()
        if not note:
            continue
        if not t.nil:
            ctx.emit(
                f"{t.KIND} has data but its note says {note!r}",
                place=Place(t.KIND, line=t.meta.line),
            )
        foreign = [w for w in _FOREIGN_NOTE_WORDS.get(type(t), ()) if w in note]
        if foreign:
            ctx.emit(
                f"the note of {t.KIND} ({note!r}) names {', '.join(foreign)}: "
                "copied from another table?",
                place=Place(t.KIND, line=t.meta.line),
            )


@_completeness(
    "K-should-be-empty",
    "公开04表无政府性基金/国有资本经营财政拨款时，公开07/08表应为空表",
    "with no government-fund / state-capital money in 04, table 07 / 08 is empty",
    Severity.ERROR,
)
def k_should_be_empty(d: Disclosure, ctx: Context) -> None:
    """公开07 (08) has data although 公开04 shows no 政府性基金 (国有资本经营) money at all."""
    t04 = d.table(T04)
    if t04 is None:
        return
    for cls, column in ((T07, _FUND), (T08, _CAPITAL)):
        t = d.table(cls)
        if t is None or not _shows_in(t, t04):
            continue
        if _column_nil(t04, column):
            first = next((r for r in t.rows if not r.blank), None)
            ctx.emit(
                f"{cls.KIND} has data, but 公开04 shows no {column} (its column and income "
                "lines are nil)",
                place=Place(
                    cls.KIND, first.key if first else None, line=first.line if first else None
                ),
                cells=[Place(T04.KIND, "本年支出合计", column)],
            )
