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

It sits low in the stack (it imports only :mod:`govfin.amounts`): the model classes use it
for their ``_repr_html_`` (:func:`govfin.findings.report_html`, :func:`govfin.tables.table_html`),
and :func:`format_ratio` / :func:`format_change` take anything with a ratio's or a change's
fields (:class:`govfin.ratios.Ratio`, :class:`govfin.ratios.Change`).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Protocol

from govfin.amounts import Unit, convert
from govfin.errors import ArgumentTypeError, ArgumentValueError

__all__ = [
    "BLANK",
    "format_amount",
    "format_change",
    "format_number",
    "format_percent",
    "format_ratio",
    "html_cell",
    "places_of",
]

#: How a missing figure is shown.
BLANK = "—"


def _quantum(places: int) -> Decimal:
    return Decimal(1).scaleb(-places)


def _round(value: Decimal, places: int) -> Decimal:
    if not isinstance(value, Decimal):
        raise ArgumentTypeError(f"expected a Decimal, got {type(value).__name__}: {value!r}")
    if not value.is_finite():
        raise ArgumentValueError(f"{value} is not an amount (NaN or infinite)")
    return value.quantize(_quantum(places), rounding=ROUND_HALF_UP)


def _pattern(places: int, suffix: str = "") -> str:
    return "#,##0" + ("." + "0" * places if places > 0 else "") + suffix


def _is_zh(locale: str) -> bool:
    return locale.lower().replace("-", "_").startswith("zh")


def format_number(value: Decimal | None, *, places: int = 2, locale: str = "zh_CN") -> str:
    """A Decimal rounded half-up to ``places`` with the locale's grouping ("2,940.05")."""
    if value is None:
        return BLANK
    from babel.numbers import format_decimal  # babel is loaded on first use, not on import

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
    _round(value, places)  # a float, NaN or Infinity: a typed error before any conversion
    if _is_zh(locale):
        shown = to or unit
        v = convert(value, unit, shown)
        return format_number(v, places=places, locale=locale) + shown.value
    shown = to or Unit.YUAN
    v = _round(convert(value, unit, shown), places)
    if shown is Unit.YUAN:
        from babel.numbers import format_currency

        return format_currency(
            v,
            "CNY",
            format="¤#,##0.00" if places == 2 else None,
            locale=locale,
            currency_digits=places == 2,
        )
    return format_number(v, places=places, locale=locale) + f" × {shown.yuan:,} yuan"


def format_percent(fraction: Decimal | None, *, places: int = 2, locale: str = "zh_CN") -> str:
    """A fraction as a percentage rounded half-up: ``Decimal("0.2163")`` → ``"21.63%"``."""
    if fraction is None:
        return BLANK
    _round(fraction, places)  # a float, NaN or Infinity: a typed error before any arithmetic
    pct = _round(fraction * 100, places)
    from babel.numbers import format_percent as _babel_percent

    return _babel_percent(pct / 100, format=_pattern(places, "%"), locale=locale)


class RatioLike(Protocol):
    """What :func:`format_ratio` reads (:class:`govfin.ratios.Ratio` has it)."""

    @property
    def label(self) -> str: ...
    @property
    def numerator(self) -> Decimal | None: ...
    @property
    def denominator(self) -> Decimal | None: ...
    @property
    def value(self) -> Decimal | None: ...


class ChangeLike(Protocol):
    """What :func:`format_change` reads (:class:`govfin.ratios.Change` has it)."""

    @property
    def delta(self) -> Decimal | None: ...
    @property
    def rate(self) -> Decimal | None: ...


def format_ratio(
    r: RatioLike, *, places: int = 2, locale: str = "zh_CN", unit: Unit = Unit.WAN_YUAN
) -> str:
    """``"一般公共服务支出 545.19万元 / 631.71万元 = 86.30%"``."""
    num = format_amount(r.numerator, unit=unit, locale=locale)
    den = format_amount(r.denominator, unit=unit, locale=locale)
    return f"{r.label} {num} / {den} = {format_percent(r.value, places=places, locale=locale)}"


def format_change(
    c: ChangeLike, *, places: int = 2, locale: str = "zh_CN", unit: Unit = Unit.WAN_YUAN
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


# -- HTML helpers (the renderers live with the classes they render) --------------------------


def places_of(unit: Decimal) -> int:
    """Decimal places of a last-place unit (0.01 → 2; exact counts, unit 0 → 0).

    >>> places_of(Decimal("0.01")), places_of(Decimal("0.001")), places_of(Decimal(0))
    (2, 3, 0)
    """
    if unit == 0:
        return 0
    exp = unit.normalize().as_tuple().exponent
    return max(0, -exp) if isinstance(exp, int) else 0


def html_cell(v: object) -> str:
    """A value as escaped HTML text: blank for None, Decimals in plain notation.

    >>> html_cell(Decimal("1E+2")), html_cell("<b>"), html_cell(None)
    ('100', '&lt;b&gt;', '')
    """
    import html  # (HTML reports only: not loaded for checking)

    if v is None:
        return ""
    if isinstance(v, Decimal):
        return html.escape(f"{v:f}")
    return html.escape(str(v))
