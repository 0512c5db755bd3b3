"""An inline SVG bar chart of a disclosure's expenditure by 类, split into 基本支出 and 项目支出.

The figures are the printed ones of 支出决算表 (公开03表: 本年支出合计, 基本支出, 项目支出), or,
when a disclosure has no such table, of 一般公共预算财政拨款支出决算表 (公开05表: 合计, 基本支出,
项目支出).  One bar per 类 row whose total is printed; the bar's length is the printed total, and
inside it the 基本 and 项目 parts are drawn to the same scale (a bar whose parts do not add up to
its total shows it).  Each bar carries its code, name and printed figures as ``data-*``
attributes and as text, so the chart can be read and tested without looking at pixels.

Geometry is computed in ``Decimal`` (money is never a float) and written with one decimal.

>>> from decimal import Decimal
>>> svg = expenditure_chart([ChartBar("201", "一般公共服务支出", Decimal("545.19"),
...                                   Decimal("263.44"), Decimal("281.74"))], source="支出决算表")
>>> svg.count('class="bar"'), 'data-total="545.19"' in svg
(1, True)
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

from govfin._lazy import frozen
from govfin.tables import Table

__all__ = ["CHART_SOURCES", "ChartBar", "bars_of", "expenditure_chart"]

#: (table KIND, total column, 基本 column, 项目 column), in order of preference.
CHART_SOURCES: tuple[tuple[str, str, str, str], ...] = (
    ("支出决算表", "本年支出合计", "基本支出", "项目支出"),
    ("一般公共预算财政拨款支出决算表", "合计", "基本支出", "项目支出"),
)

_BASIC_COLOUR = "#4e79a7"
_PROJECT_COLOUR = "#f28e2b"
_LABEL_WIDTH = 260
_BAR_WIDTH = 520
_ROW = 26
_TOP = 30


@frozen
class ChartBar:
    """One 类: its code, printed name, total, 基本支出 and 项目支出 (万元; ``None`` = blank)."""

    code: str
    name: str
    total: Decimal
    basic: Decimal | None = None
    project: Decimal | None = None


def bars_of(tables: Sequence[Table]) -> tuple[str | None, tuple[ChartBar, ...]]:
    """The table the chart is drawn from (its KIND) and one bar per 类 row with a total."""
    by_kind = {t.KIND: t for t in reversed(tuple(tables))}
    for kind, total, basic, project in CHART_SOURCES:
        table = by_kind.get(kind)
        if table is None:
            continue
        bars = tuple(
            ChartBar(r.code, r.name, r[total], r[basic], r[project])  # type: ignore[arg-type]
            for r in table.rows
            if r.code is not None and len(r.code) == 3 and r[total] is not None
        )
        return kind, bars
    return None, ()


def _px(value: Decimal) -> str:
    return str(value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def _num(value: Decimal | None) -> str:
    return "—" if value is None else f"{value:f}"


def expenditure_chart(bars: Sequence[ChartBar], *, source: str | None = None) -> str:
    """The SVG (a string) of ``bars``; an empty chart says that nothing is printed."""
    esc = html.escape
    height = _TOP + _ROW * max(len(bars), 1) + 30
    width = _LABEL_WIDTH + _BAR_WIDTH + 90
    scale_max = max(
        (max(b.total, (b.basic or 0) + (b.project or 0)) for b in bars), default=Decimal(0)
    )
    title = "按功能分类（类）的支出 / Expenditure by class (类)"
    if source:
        title += f" — {source}"
    out = [
        (
            f'<svg xmlns="http://www.w3.org/2000/svg" class="expenditure-chart" role="img" '
            f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
            f'data-source="{esc(source or "")}">'
        ),
        f"<title>{esc(title)}</title>",
        f'<text x="0" y="16" font-weight="bold">{esc(title)}（万元）</text>',
    ]
    if not bars or scale_max <= 0:
        out.append(f'<text x="0" y="{_TOP + 16}">无支出数据 / no expenditure printed</text>')
        out.append("</svg>")
        return "\n".join(out)
    unit = Decimal(_BAR_WIDTH) / scale_max
    for i, b in enumerate(bars):
        y = Decimal(_TOP + i * _ROW)
        label = f"{b.code} {b.name}"
        out.append(
            f'<g class="bar" data-code="{esc(b.code)}" data-name="{esc(b.name)}" '
            f'data-total="{_num(b.total)}" data-basic="{_num(b.basic)}" '
            f'data-project="{_num(b.project)}">'
        )
        out.append(
            f"<title>{esc(label)}: {_num(b.total)} 万元（基本支出 {_num(b.basic)}，"
            f"项目支出 {_num(b.project)}）</title>"
        )
        out.append(f'<text x="0" y="{_px(y + 15)}">{esc(label)}</text>')
        x = Decimal(_LABEL_WIDTH)
        out.append(
            f'<rect class="total" x="{x}" y="{_px(y + 2)}" width="{_px(b.total * unit)}" '
            f'height="18" fill="none" stroke="#333" stroke-width="1"/>'
        )
        for part, colour, cls in (
            (b.basic, _BASIC_COLOUR, "basic"),
            (b.project, _PROJECT_COLOUR, "project"),
        ):
            if part is None or part <= 0:
                continue
            w = part * unit
            out.append(
                f'<rect class="{cls}" x="{_px(x)}" y="{_px(y + 3)}" width="{_px(w)}" '
                f'height="16" fill="{colour}"/>'
            )
            x += w
        end = max(Decimal(_LABEL_WIDTH) + b.total * unit, x)
        out.append(
            f'<text class="value" x="{_px(end + 6)}" y="{_px(y + 15)}">{_num(b.total)}</text>'
        )
        out.append("</g>")
    ly = _TOP + _ROW * len(bars) + 14
    out.append(
        f'<rect x="{_LABEL_WIDTH}" y="{ly - 10}" width="12" height="12" fill="{_BASIC_COLOUR}"/>'
        f'<text x="{_LABEL_WIDTH + 16}" y="{ly}">基本支出 basic</text>'
        f'<rect x="{_LABEL_WIDTH + 140}" y="{ly - 10}" width="12" height="12" '
        f'fill="{_PROJECT_COLOUR}"/>'
        f'<text x="{_LABEL_WIDTH + 156}" y="{ly}">项目支出 project</text>'
    )
    out.append("</svg>")
    return "\n".join(out)
