"""Strategies for the 情况说明 (:func:`narratives`): a narrative restating a disclosure's
tables, with shares and changes computed from them.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, NamedTuple

from hypothesis import strategies as st

from govfin.amounts import HUNDRED, Unit
from govfin.disclosure import Narrative, NarrativeSection
from govfin.strategies._base import _CENT, Draw, _Source
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
    DisclosureInfoTable,
    ExpenditureTable,
    IncomeTable,
    Table,
    ThreePublicTable,
)

# 情况说明: a narrative restating the tables

_HEADINGS = (
    "一、收入支出决算总体情况说明",
    "二、收入决算情况说明",
    "三、支出决算情况说明",
    "四、财政拨款收支决算总体情况说明",
    "五、一般公共预算财政拨款支出决算情况说明",
    "六、一般公共预算财政拨款基本支出决算情况说明",
    "七、政府性基金预算财政拨款收支决算情况说明",
    "八、国有资本经营预算财政拨款支出决算情况说明",
    "九、财政拨款“三公”经费支出决算情况说明",
    "十、其他重要事项的情况说明",
)


def _say(value: Decimal | None, unit: Unit, src: _Source, rounding: str) -> tuple[str, Decimal]:
    """An amount as the narrative prints it (text, value stated): the table's figure in the
    table's unit, sometimes to fewer places.

    A figure whose last digit is 5 keeps its places: it may itself be a half rounded up, and
    rounding it again would round twice (120.045 → 120.05 → 120.1, where 120.045 → 120.0), a
    real error in the text that a consistent document must not contain.
    """
    v = value if value is not None else Decimal("0.00")
    if src.chance(20) and v.as_tuple().digits[-1:] != (5,):
        v = v.quantize(Decimal("0.1"), rounding=rounding)
    return f"{v:f}{unit.value}", v


def _share(part: Decimal | None, whole: Decimal | None, rounding: str) -> str | None:
    if not part or not whole:
        return None
    return f"{(part / whole * HUNDRED).quantize(_CENT, rounding=rounding):f}%"


def _change(src: _Source, subject: str, now: Decimal, unit: Unit, rounding: str) -> str:
    """ "与上年相比，收入总计增加1.00万元，增长5.26%。": ``now`` as stated before, against a drawn
    previous year (30 % to 200 % of it)."""
    if now > 0:
        previous = (now * src.integer(30, 200) / HUNDRED).quantize(_CENT, rounding)
    else:
        previous = (Decimal(src.fen(9)).scaleb(-2) / unit.yuan).quantize(_CENT, rounding)
    delta = now - previous
    if delta == 0:
        return f"与上年相比，{subject}持平。"
    up = delta > 0
    words = ("增加", "增长") if up else ("减少", "下降")
    text = f"与上年相比，{subject}{words[0]}{abs(delta):f}{unit.value}"
    if previous > 0:
        pct = (abs(delta) / previous * HUNDRED).quantize(_CENT, rounding)
        text += f"，{words[1]}{pct:f}%"
    return text + "。"


@st.composite
def narratives(draw: Draw, disclosure: Any, *, rounding: str = ROUND_HALF_UP) -> Any:
    """A 情况说明 (:class:`~govfin.disclosure.Narrative`) whose every figure restates the
    disclosure's tables: totals, income and expenditure by source and kind with their shares,
    the 类 of 公开05 by name, 人员经费 and 公用经费, 政府性基金 and 国有资本经营 figures (or "本年度无
    此项收支" for an empty table), 三公经费, 机关运行经费, 政府采购 and vehicles; a change against
    a drawn previous year (its rate follows from the stated amounts).  Each figure is stated
    in its table's unit, now and then to fewer places; shares and rates are rounded by
    ``rounding``."""

    d = disclosure
    src = _Source(draw, budget=120)
    y = d.year
    yr = f"{y}年度" if y is not None else "本年度"

    class Fig(NamedTuple):
        value: Decimal | None
        unit: Unit

    def fig(kind: type[Table], key: str, column: str) -> Fig:
        t = d.table(kind)
        if t is None:
            return Fig(None, d.unit)
        return Fig(t.value(key, column), t.meta.unit)

    def said(f: Fig) -> tuple[str, Decimal]:
        return _say(f.value, f.unit, src, rounding)

    def amount(f: Fig) -> str:
        return said(f)[0]

    def parts(kind: type[Table], whole: Fig, columns: Sequence[str], end: str) -> list[str]:
        out = []
        for column in columns:
            f = fig(kind, TOTAL, column)
            if f.value:
                share = _share(f.value, whole.value, rounding)
                out.append(f"{column}{amount(f)}" + (f"，占比{share}" if share else "") + end)
        return out

    sections: list[tuple[str, str]] = []
    # 一、 收入支出决算总体, with a change against the previous year
    total_in, total_out = fig(T01, "收入总计", "金额"), fig(T01, "支出总计", "金额")
    text_in, stated_in = said(total_in)
    text = f"{yr}收入总计{text_in}，支出总计{amount(total_out)}。"
    if src.chance(50):
        text += _change(src, "收入总计", stated_in, total_in.unit, rounding)
    sections.append((_HEADINGS[0], text))
    # 二、 收入决算 and 三、 支出决算: 公开02/03's 合计 row by source and kind
    income = fig(T02, TOTAL, "本年收入合计")
    sections.append(
        (
            _HEADINGS[1],
            "\n".join(
                [
                    f"{yr}收入合计{amount(income)}，其中：",
                    *parts(T02, income, IncomeTable.COLUMNS[1:], "。"),
                ]
            ),
        )
    )
    spent = fig(T03, TOTAL, "本年支出合计")
    sections.append(
        (
            _HEADINGS[2],
            "\n".join(
                [
                    f"{yr}支出合计{amount(spent)}，其中：",
                    *parts(T03, spent, ExpenditureTable.COLUMNS[1:], "。"),
                ]
            ),
        )
    )
    # 四、 财政拨款收支总体
    text = (
        f"{yr}财政拨款收入总计{amount(fig(T04, '收入总计', '金额'))}，"
        f"支出总计{amount(fig(T04, '支出总计', '合计'))}。"
    )
    sections.append((_HEADINGS[3], text))
    # 五、 一般公共预算财政拨款支出, and its 类 by name
    t05 = d.table(T05)
    general = fig(T05, TOTAL, TOTAL)
    lines = [f"{yr}一般公共预算财政拨款支出{amount(general)}。"]
    if t05 is not None and general.value:
        for r in t05.rows:
            if r.code is not None and len(r.code) == 3 and r.values.get(TOTAL):
                f = fig(T05, r.key, TOTAL)
                share = _share(f.value, general.value, rounding)
                lines.append(
                    f"{r.name}(类){amount(f)}" + (f"，占比{share}" if share else "") + "；"
                )
        lines[-1] = lines[-1].rstrip("；") + "。"
    sections.append((_HEADINGS[4], "\n".join(lines)))
    # 六、 基本支出: 人员经费 and 公用经费
    text = (
        f"{yr}财政拨款基本支出{amount(fig(T05, TOTAL, '基本支出'))}，其中：\n"
        f"人员经费{amount(fig(T06, '人员经费合计', '决算数'))}；\n"
        f"公用经费{amount(fig(T06, '公用经费合计', '决算数'))}。"
    )
    sections.append((_HEADINGS[5], text))
    # 七、 八、 九、: a figure, or a nil statement for an empty table
    for heading, kind, words, subject, key, column in (
        (_HEADINGS[6], T07, "此项收支", "政府性基金预算财政拨款支出", TOTAL, "本年支出小计"),
        (_HEADINGS[7], T08, "此项支出", "国有资本经营预算财政拨款支出", TOTAL, TOTAL),
        (
            _HEADINGS[8],
            T09,
            "此项收支",
            "“三公”经费财政拨款支出",
            ThreePublicTable.ACTUAL,
            "合计",
        ),
    ):
        t = d.table(kind)
        if t is None:
            continue
        if t.empty:
            sections.append((heading, f"本年度无{words}。"))
        else:
            sections.append((heading, f"{yr}{subject}{amount(fig(kind, key, column))}。"))
    # 十、 其他重要事项: 机关运行经费, 政府采购, vehicles
    t10 = d.table(T10)
    if t10 is not None:
        running = [fig(T10, k, "统计数").value for k in DisclosureInfoTable.RUNNING_COST_ROWS]
        total_running = Fig(sum((v for v in running if v), Decimal("0.00")), t10.meta.unit)
        vehicles = t10.value("车辆数合计", "统计数") or Decimal(0)
        sections.append(
            (
                _HEADINGS[9],
                "\n".join(
                    [
                        f"（一）机关运行经费情况：{yr}机关运行经费{amount(total_running)}。",
                        (
                            f"（二）政府采购情况：{yr}政府采购支出总额"
                            f"{amount(fig(T10, '政府采购合计', '统计数'))}。"
                        ),
                        f"（三）国有资产占用情况：截至{y or ''}年12月31日，共有车辆{int(vehicles)}辆。",
                    ]
                ),
            )
        )
    return Narrative(tuple(NarrativeSection(h, t) for h, t in sections))
