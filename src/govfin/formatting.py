"""Showing figures: amounts, percentages, ratios and changes through babel, and HTML for
notebooks.

Every number is a ``Decimal`` all the way: it is rounded half-up (四舍五入) to the places asked
for *before* babel sees it, so babel's own rounding never applies and no float is involved.

>>> format_amount(Decimal("631.71"))
'631.71万元'
>>> format_amount(Decimal("631.71"), locale="en")
'CN¥6,317,100.00'
>>> format_percent(Decimal("0.863038"))
'86.30%'

:func:`report_html` and :func:`table_html` give the ``_repr_html_`` of
:class:`~govfin.findings.Report` and :class:`~govfin.tables.Table` (Jupyter shows them).
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

from babel.numbers import format_currency, format_decimal
from babel.numbers import format_percent as _babel_percent

from govfin.amounts import Unit, convert
from govfin.errors import ArgumentTypeError

if TYPE_CHECKING:
    from govfin.findings import Finding, Report
    from govfin.ratios import Change, Ratio
    from govfin.tables import Table

__all__ = [
    "BLANK",
    "format_amount",
    "format_change",
    "format_number",
    "format_percent",
    "format_ratio",
    "report_html",
    "table_html",
]

#: How a missing figure is shown.
BLANK = "—"


def _quantum(places: int) -> Decimal:
    return Decimal(1).scaleb(-places)


def _round(value: Decimal, places: int) -> Decimal:
    if not isinstance(value, Decimal):
        raise ArgumentTypeError(f"expected a Decimal, got {type(value).__name__}: {value!r}")
    return value.quantize(_quantum(places), rounding=ROUND_HALF_UP)


def _pattern(places: int, suffix: str = "") -> str:
    return "#,##0" + ("." + "0" * places if places > 0 else "") + suffix


def _is_zh(locale: str) -> bool:
    return locale.lower().replace("-", "_").startswith("zh")


def format_number(value: Decimal | None, *, places: int = 2, locale: str = "zh_CN") -> str:
    """A Decimal rounded half-up to ``places`` with the locale's grouping ("2,940.05")."""
    if value is None:
        return BLANK
    return format_decimal(_round(value, places), format=_pattern(places), locale=locale)


def format_amount(
    value: Decimal | None,
    *,
    unit: Unit = Unit.WAN_YUAN,
    locale: str = "zh_CN",
    places: int = 2,
    to: Unit | None = None,
) -> str:
    """An amount of money.

    Chinese locales keep the unit word: ``"631.71万元"``, ``"6,317,100.00元"`` (``to=Unit.YUAN``).
    Other locales show yuan with the currency sign: ``"CN¥6,317,100.00"``.  ``unit`` is the
    unit ``value`` is in; ``to`` the unit shown (default: ``unit`` in Chinese, 元 otherwise).
    """
    if value is None:
        return BLANK
    if _is_zh(locale):
        shown = to or unit
        v = convert(value, unit, shown)
        return format_number(v, places=places, locale=locale) + shown.value
    shown = to or Unit.YUAN
    v = _round(convert(value, unit, shown), places)
    if shown is Unit.YUAN:
        return format_currency(
            v,
            "CNY",
            format="¤#,##0.00" if places == 2 else None,
            locale=locale,
            currency_digits=places == 2,
        )
    return format_number(v, places=places, locale=locale) + " × 10,000 yuan"


def format_percent(fraction: Decimal | None, *, places: int = 2, locale: str = "zh_CN") -> str:
    """A fraction as a percentage rounded half-up: ``Decimal("0.2163")`` → ``"21.63%"``."""
    if fraction is None:
        return BLANK
    pct = _round(fraction * 100, places)
    return _babel_percent(pct / 100, format=_pattern(places, "%"), locale=locale)


def format_ratio(
    r: Ratio, *, places: int = 2, locale: str = "zh_CN", unit: Unit = Unit.WAN_YUAN
) -> str:
    """``"一般公共服务支出 545.19万元 / 631.71万元 = 86.30%"``."""
    num = format_amount(r.numerator, unit=unit, locale=locale)
    den = format_amount(r.denominator, unit=unit, locale=locale)
    return f"{r.label} {num} / {den} = {format_percent(r.value, places=places, locale=locale)}"


def format_change(
    c: Change, *, places: int = 2, locale: str = "zh_CN", unit: Unit = Unit.WAN_YUAN
) -> str:
    """A change as a narrative states it.

    Chinese: ``"减少174.36万元，下降21.63%"`` (``"持平"``; no rate on a nil base).
    English: ``"down CN¥1,743,600.00 (−21.63%)"``.
    """
    delta = c.delta
    if delta is None:
        return BLANK
    rate = c.rate
    if _is_zh(locale):
        if delta == 0:
            return "持平"
        word, rate_word = ("增加", "增长") if delta > 0 else ("减少", "下降")
        text = f"{word}{format_amount(abs(delta), unit=unit, locale=locale)}"
        if rate is not None:
            text += f"，{rate_word}{format_percent(abs(rate), places=places, locale=locale)}"
        return text
    if delta == 0:
        return "unchanged"
    word = "up" if delta > 0 else "down"
    text = f"{word} {format_amount(abs(delta), unit=unit, locale=locale)}"
    if rate is not None:
        sign = "+" if rate > 0 else "−"
        text += f" ({sign}{format_percent(abs(rate), places=places, locale=locale)})"
    return text


# -- HTML ------------------------------------------------------------------------------------

_SEVERITY_COLOUR = {"error": "#b00020", "warning": "#b26a00", "info": "#555"}


def _places(unit: Decimal) -> int:
    """Decimal places of a last-place unit (0.01 → 2; exact counts, unit 0 → 0)."""
    if unit == 0:
        return 0
    exp = unit.normalize().as_tuple().exponent
    return max(0, -exp) if isinstance(exp, int) else 0


def _cell(v: object) -> str:
    if v is None:
        return ""
    if isinstance(v, Decimal):
        return html.escape(f"{v:f}")
    return html.escape(str(v))


def _findings_rows(findings: Iterable[Finding]) -> str:
    rows = []
    for f in findings:
        colour = _SEVERITY_COLOUR.get(f.severity.value, "#000")
        place = f.place
        rows.append(
            "<tr>"
            f'<td style="color:{colour}">{html.escape(f.severity.value)}</td>'
            f"<td>{html.escape(f.rule_id)}</td>"
            f"<td>{_cell(place.table if place else None)}</td>"
            f"<td>{_cell(place.row if place else None)}</td>"
            f"<td>{_cell(place.column if place else None)}</td>"
            f"<td>{_cell(place.line if place else None)}</td>"
            f'<td style="text-align:left">{html.escape(f.message)}</td>'
            f"<td>{_cell(f.expected)}</td><td>{_cell(f.actual)}</td>"
            f"<td>{_cell(f.difference)}</td><td>{_cell(f.slack)}</td>"
            "</tr>"
        )
    return "\n".join(rows)


def report_html(report: Report, *, infos: bool = True, limit: int | None = 500) -> str:
    """A Report as an HTML table, errors first (``Report._repr_html_``).

    ``infos=False`` leaves out the info findings; at most ``limit`` rows are shown.
    """
    items = sorted(report.findings, key=lambda f: -f.severity.rank)
    if not infos:
        items = [f for f in items if f.severity.value != "info"]
    shown = items if limit is None else items[:limit]
    more = len(items) - len(shown)
    head = (
        "<tr><th>severity</th><th>rule</th><th>table</th><th>row</th><th>column</th>"
        "<th>line</th><th>message</th><th>expected</th><th>actual</th>"
        "<th>difference</th><th>slack</th></tr>"
    )
    tail = f"<p>… {more} more finding(s)</p>" if more > 0 else ""
    return (
        f"<div><p><b>{html.escape(report.summary())}</b></p>"
        f'<table class="govfin-report">{head}\n{_findings_rows(shown)}</table>{tail}</div>'
    )


def table_html(table: Table, *, locale: str = "zh_CN") -> str:
    """A table as HTML: code, name, then each money column (``Table._repr_html_``)."""
    meta = table.meta
    title = html.escape(" ".join(x for x in (meta.number or "", table.KIND) if x))
    sub = " · ".join(
        html.escape(str(x)) for x in (meta.department, meta.year, f"单位：{meta.unit.value}") if x
    )
    head = (
        "<tr><th>代码</th><th>项目</th>"
        + "".join(f"<th>{html.escape(c)}</th>" for c in table.COLUMNS)
        + "</tr>"
    )
    body = []
    for r in table.rows:
        cells = "".join(
            '<td style="text-align:right">'
            + (
                format_number(r[c], places=_places(table.unit_of(r.key, c)), locale=locale)
                if r[c] is not None
                else ""
            )
            + "</td>"
            for c in table.COLUMNS
        )
        body.append(f"<tr><td>{_cell(r.code)}</td><td>{_cell(r.name or r.key)}</td>{cells}</tr>")
    note = f"<p>{html.escape(meta.empty_note)}</p>" if meta.empty_note else ""
    return (
        f'<div><p><b>{title}</b><br/>{sub}</p><table class="govfin-table">{head}\n'
        + "\n".join(body)
        + f"</table>{note}</div>"
    )
