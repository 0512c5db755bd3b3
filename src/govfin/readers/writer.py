"""A :class:`~govfin.disclosure.Disclosure` -> text in the layout of a published disclosure.

:func:`write_text` is the inverse of :func:`govfin.readers.read_text`: for a Disclosure whose
printed names agree with its keys (as every Disclosure read from text does),
``read_text(write_text(d)).disclosure == d``.  The layout is the seed's: tab-separated
cells, one table row per line, blank lines between blocks, the 情况说明 and 名词解释 as parts,
the 绩效自评表 after them.

What text cannot carry is documented where it is lost: a table's ``precision`` is always read
back as 0.01; a missing ``TableMeta.title`` is written (and read back) as the kind's name; a
fund-line amount that is blank is written "——".
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal

from govfin.amounts import Unit
from govfin.disclosure import Disclosure, Narrative
from govfin.errors import ArgumentTypeError
from govfin.performance.model import FundLine, Indicator, ProjectEvaluation
from govfin.tables import (
    BasicExpenditureDetail,
    DisclosureInfoTable,
    FiscalAppropriationSummary,
    FunctionalTable,
    IncomeExpenditureSummary,
    Row,
    Table,
    ThreePublicTable,
)

__all__ = ["write_table", "write_text"]

_TAB = "\t"


def _amount(value: Decimal | None) -> str:
    """A Decimal as printed (never in exponent form); blank for None."""
    return "" if value is None else format(value, "f")


def _cells(*cells: object) -> str:
    return _TAB.join("" if c is None else str(c) for c in cells)


def _front(t: Table) -> list[str]:
    m = t.meta
    out = [m.title or t.KIND, ""]
    if m.number:
        out += [m.number, ""]
    if m.department is not None:
        out += [f"部门名称：{m.department}", ""]
    if m.year is not None:
        out += [f"{m.year}年度", ""]
    out += [f"金额单位：{m.unit.value}", ""]
    return out


def _money(t: Table, value: Decimal | None) -> str:
    """An amount of a table in 元 printed to the table's last place ("5.00" in a table kept to
    fen), as a document prints it: the reader tells whole-yuan tables by their figures."""
    if value is not None and t.meta.unit is Unit.YUAN:
        places = t.meta.precision.as_tuple().exponent
        if value.as_tuple().exponent > places:  # type: ignore[operator]
            value = value.quantize(t.meta.precision)
    return _amount(value)


def _notes(t: Table) -> list[str]:
    return ["", f"说明：{t.meta.empty_note}"] if t.meta.empty_note else []


def _functional(t: Table) -> list[str]:
    cols = t.printed_columns()
    out = [
        _cells("项目", "", *cols),
        _cells("科目代码", "科目名称", *([""] * len(cols))),
        _cells("栏次", "", *range(1, len(cols) + 1)),
    ]
    for r in t.rows:
        values = [_money(t, r.values.get(c)) for c in cols]
        if r.code is None:
            out.append(_cells(r.name or r.key, "", *values))
        else:
            out.append(_cells(r.code, r.name, *values))
    return out


def _summary(t: Table) -> list[str]:
    income_keys = set(t.INCOME_ROWS)  # type: ignore[attr-defined]
    income = [r for r in t.rows if r.key in income_keys]
    expenditure = [r for r in t.rows if r.key not in income_keys]
    exp_cols: Sequence[str] = (
        FiscalAppropriationSummary.EXPENDITURE_COLUMNS
        if isinstance(t, FiscalAppropriationSummary)
        else ("金额",)
    )
    out = [
        _cells("收入", "", "", "支出", *([""] * (len(exp_cols) + 1))),
        _cells("项目", "行次", "金额", "项目", "行次", *exp_cols),
        _cells("栏次", "", 1, "栏次", "", *range(2, len(exp_cols) + 2)),
    ]
    n = max(len(income), len(expenditure))
    for i in range(n):
        left = ["", str(i + 1), ""]
        if i < len(income):
            r = income[i]
            left = [r.name or r.key, str(i + 1), _money(t, r.values.get("金额"))]
        right = ["", str(n + i + 1), *([""] * len(exp_cols))]
        if i < len(expenditure):
            r = expenditure[i]
            right = [
                r.name or r.key,
                str(n + i + 1),
                *(_money(t, r.values.get(c)) for c in exp_cols),
            ]
        out.append(_cells(*left, *right))
    return out


def _detail(t: BasicExpenditureDetail) -> list[str]:
    totals = {t.PERSONNEL_TOTAL, t.PUBLIC_TOTAL}
    coded = [r for r in t.rows if r.key not in totals]
    # Four side-by-side groups, each a contiguous run of rows: read back group by group.
    size = max(1, -(-len(coded) // 4))
    groups = [coded[k * size : (k + 1) * size] for k in range(4)]
    out = [
        _cells("人员经费", "", "", "公用经费", *([""] * 8)),
        _cells(*(["科目代码", "科目名称", "决算数"] * 4)),
    ]
    for i in range(size if coded else 0):
        cells: list[str] = []
        for g in groups:
            if i < len(g):
                cells += [g[i].code or g[i].key, g[i].name, _money(t, g[i].values.get("决算数"))]
            else:
                cells += ["", "", ""]
        out.append(_cells(*cells))
    personnel, public = t.get(t.PERSONNEL_TOTAL), t.get(t.PUBLIC_TOTAL)
    if personnel is not None or public is not None:
        line = ["", "", "", "", "", "", "", "", "", "", "", ""]
        if personnel is not None:
            line[0:3] = [t.PERSONNEL_TOTAL, "", _money(t, personnel.values.get("决算数"))]
        if public is not None:
            line[3] = t.PUBLIC_TOTAL
            line[11] = _money(t, public.values.get("决算数"))
        out.append(_cells(*line))
    return out


def _three_public(t: ThreePublicTable) -> list[str]:
    cols = t.printed_columns()
    out = [
        _cells(t.BUDGET, *([""] * (len(cols) - 1)), t.ACTUAL, *([""] * (len(cols) - 1))),
        _cells(*cols, *cols),
        _cells(*range(1, 2 * len(cols) + 1)),
    ]
    for r in t.rows:
        out.append(_cells(r.key, *(_money(t, r.values.get(c)) for c in cols)))
    return out


_INFO_SECTIONS = (
    ("一、政府采购情况", DisclosureInfoTable.PROCUREMENT_ROWS),
    ("二、机关运行经费", DisclosureInfoTable.RUNNING_COST_ROWS),
    ("三、国有资产占用情况", DisclosureInfoTable.COUNT_ROWS),
)


def _info(t: DisclosureInfoTable) -> list[str]:
    out: list[str] = []
    section = None
    for n, r in enumerate(t.rows, 1):
        title = next((s for s, keys in _INFO_SECTIONS if r.key in keys), None)
        if title != section and title is not None:
            section = title
            out += [_cells(title, "", ""), _cells("项目", "行次", "统计数")]
        value = r.values.get("统计数")
        money = t.unit_of(r.key, "统计数") != 0
        out.append(_cells(r.name or r.key, n, _money(t, value) if money else _amount(value)))
    return out


def write_table(t: Table) -> str:
    """One table block: title, 表号, 部门名称, year, unit, header, rows, notes."""
    if isinstance(t, FunctionalTable):
        body = _functional(t)
    elif isinstance(t, (IncomeExpenditureSummary, FiscalAppropriationSummary)):
        body = _summary(t)
    elif isinstance(t, BasicExpenditureDetail):
        body = _detail(t)
    elif isinstance(t, ThreePublicTable):
        body = _three_public(t)
    elif isinstance(t, DisclosureInfoTable):
        body = _info(t)
    else:  # pragma: no cover - every concrete kind is handled above
        raise ArgumentTypeError(f"no writer for table kind {type(t).__name__}")
    return "\n".join([*_front(t), *body, *_notes(t)])


# -- evaluations ---------------------------------------------------------------------------------

_FUND_HEADER = _cells(
    "项目资金预算安排及执行进度(万元)", "", "年初预算数", "", "全年预算数", "全年执行数",
    "资金结(转)余", "执行率", "得分", "偏差原因",
)  # fmt: skip
_INDICATOR_HEADER = _cells(
    "绩效指标", "一级指标", "二级指标", "三级指标", "年初指标值", "调整后指标值", "实际完成值",
    "定性指标情况说明", "分值", "得分", "偏差原因分析及改进措施",
)  # fmt: skip


def _fund_amount(value: Decimal | None) -> str:
    return "——" if value is None else format(value, "f")


def _fund(f: FundLine) -> str:
    label = f"{f.source}:" if f.is_total else f.source
    amounts = (
        f.declared,
        f.initial_budget,
        f.annual_budget,
        f.executed,
        f.balance,
        f.rate,
        f.score,
    )
    return _cells("", label, *(_fund_amount(a) for a in amounts), f.deviation)


def _with_code(code: str | None, name: str | None) -> str:
    if code and name:
        return f"{code}-{name}"
    return code or name or "——"


def _indicators(items: Iterable[Indicator]) -> list[str]:
    out = []
    level1 = level2 = None
    for i in items:
        l1 = i.level1 if i.level1 != level1 else ""
        l2 = i.level2 if (i.level2 != level2 or l1) else ""
        level1, level2 = i.level1, i.level2
        out.append(
            _cells(
                "",
                l1,
                l2,
                i.level3 or "——",
                i.initial_value,
                i.target,
                i.actual,
                i.note,
                _amount(i.weight),
                _amount(i.score),
                i.reason,
            )
        )
    return out


def write_evaluation(e: ProjectEvaluation) -> str:
    """One 项目支出绩效自评表 block."""
    out = [f"{e.project}项目支出绩效自评表", ""]
    if e.year is not None:
        out += [f"({e.year}年度)", ""]
    out += [
        _cells("项目名称", "", e.project),
        _cells(
            "主管部门及代码",
            "",
            _with_code(e.department_code, e.department),
            "",
            "",
            "预算单位",
            _with_code(e.budget_unit_code, e.budget_unit),
        ),
        _FUND_HEADER,
        _cells("", "", "目标申报数", "预算编制数"),
        *(_fund(f) for f in e.funds),
        _cells("项目年度绩效目标", "年度目标", "", "", "", "实际完成情况"),
        _cells("", e.goal, "", "", "", e.achieved),
        _INDICATOR_HEADER,
        *_indicators(e.indicators),
        _cells("总分", "", "", "", "", "", "", "", "", _amount(e.total_score), e.grade or ""),
        *(_cells("项目绩效分析" if k == 0 else "", p.heading, p.text)
          for k, p in enumerate(e.analysis)),
    ]
    return "\n".join(out)


# -- narrative -----------------------------------------------------------------------------------


def _narrative(n: Narrative) -> list[str]:
    from govfin.readers.narrative import PART_HEADING

    out: list[str] = []
    opened = False
    for s in n.sections:
        if PART_HEADING.match(s.heading):
            out += [s.heading, s.text, ""]
            opened = True
            continue
        if not opened:
            out += ["第三部分 情况说明", ""]
            opened = True
        out += [s.heading, s.text, ""]
    if n.glossary:
        out += ["第四部分 名词解释", "", n.glossary, ""]
    return out


def write_text(disclosure: Disclosure) -> str:
    """Render a Disclosure as text in the published layout (tab-separated cells).

    The cover (department, title, year), the tables in their order, the narrative parts, then
    the 项目支出绩效自评表.  Reading the result back gives an equal Disclosure.
    """
    d = disclosure
    out: list[str] = []
    title, department = d.title, d.department
    if title and department and title.startswith(department) and len(title) > len(department):
        # The cover's two lines: the reader joins them into the title again.
        out += [department, "", title[len(department) :], ""]
    else:
        # A title that does not begin with the department: the department below it.
        out += [line for text in (title, department) if text for line in (text, "")]
    if d.year is not None and (not d.title or f"{d.year}年度" not in d.title):
        out += [f"{d.year}年度", ""]
    if d.tables:
        out += ["第二部分 部门决算表", ""]
        for t in d.tables:
            out += [write_table(t), ""]
    out += _narrative(d.narrative)
    if d.evaluations:
        out += ["第五部分 附件", ""]
        for e in d.evaluations:
            out += [write_evaluation(e), ""]
    return "\n".join(out) + "\n"


def _rows(rows: Iterable[Row]) -> tuple[Row, ...]:  # pragma: no cover - helper for typing
    return tuple(rows)
