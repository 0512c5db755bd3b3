"""Strategies for amounts: Decimals in a unit and precision, whole-分 yuan amounts, printed
cells and their texts, rounding of 元 to a table's unit.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from hypothesis import strategies as st

from govfin._lazy import frozen
from govfin.amounts import BLANK_TEXTS, Unit
from govfin.strategies._base import _CENT, Draw

# amounts


def round_yuan(
    yuan: Decimal | int,
    unit: Unit = Unit.WAN_YUAN,
    precision: Decimal = _CENT,
    rounding: str = ROUND_HALF_UP,
) -> Decimal:
    """An exact amount in 元 as printed in ``unit`` to ``precision``: 四舍五入
    (``ROUND_HALF_UP``, the default) or cut (``ROUND_DOWN``, for truncating documents)."""
    value = Decimal(yuan) / unit.yuan
    return value.quantize(precision, rounding=rounding)


def _printed(fen: int, unit: Unit, precision: Decimal, rounding: str = ROUND_HALF_UP) -> Decimal:
    return round_yuan(Decimal(fen).scaleb(-2), unit, precision, rounding)


def amounts(
    precision: Decimal = _CENT,
    *,
    unit: Unit = Unit.WAN_YUAN,
    min_value: Decimal | int | None = 0,
    max_value: Decimal | int | None = None,
) -> st.SearchStrategy[Decimal]:
    """Decimals with exactly the digits of ``precision`` (``Decimal("0.01")`` → ``"12.30"``).

    ``max_value`` defaults to 10 亿元 expressed in ``unit``; ``min_value=None`` allows
    negatives down to ``-max_value``.
    """
    top = Decimal(max_value) if max_value is not None else Decimal(10**9) / unit.yuan
    bottom = Decimal(min_value) if min_value is not None else -top
    lo = int((bottom / precision).to_integral_value(rounding="ROUND_CEILING"))
    hi = int((top / precision).to_integral_value(rounding="ROUND_FLOOR"))
    return st.integers(lo, hi).map(lambda n: Decimal(n) * precision)


def yuan_amounts(
    *, max_yuan: int = 10**9, cents: bool = True, signed: bool = False
) -> st.SearchStrategy[Decimal]:
    """Exact amounts in 元: whole 分 (``cents=True``) or whole 元."""
    scale = 100 if cents else 1
    lo = -max_yuan * scale if signed else 0
    ints = st.integers(lo, max_yuan * scale)
    return ints.map(lambda n: Decimal(n).scaleb(-2) if cents else Decimal(n))


def format_amount(
    value: Decimal | None,
    *,
    thousands: bool = False,
    negative: str = "-",
    blank: str = "",
    pad: str = "",
) -> str:
    """``value`` as a document prints it.

    ``thousands`` inserts "," separators; ``negative`` is ``"-"``, ``"()"`` or ``"（）"``;
    ``blank`` is the printed form of ``None`` (one of :data:`govfin.amounts.BLANK_TEXTS`);
    ``pad`` surrounds the text (spaces, ``"\\u3000"``).
    """
    if value is None:
        return pad + blank + pad
    body = f"{abs(value):,f}" if thousands else f"{abs(value):f}"
    if value < 0 or (value == 0 and value.is_signed()):
        if negative == "-":
            body = "-" + body
        else:
            body = negative[0] + body + negative[1]
    return pad + body + pad


@frozen
class PrintedCell:
    """A cell as printed (``text``) and the value it stands for (``None`` = blank)."""

    text: str
    value: Decimal | None


@st.composite
def printed_cells(
    draw: Draw,
    values: st.SearchStrategy[Decimal] | None = None,
    *,
    blanks: bool = True,
) -> PrintedCell:
    """A printed money cell and its value: plain ``"1234.50"``, ``"1,234.50"``, negatives
    ``"-12.30"`` / ``"(12.30)"`` / ``"（12.30）"``, padded with spaces; blanks ``""``, ``"—"``,
    ``"-"``, ``"— —"``, ``"——"`` …  ``parse_amount(text) == value`` for every one."""
    source = values if values is not None else amounts(min_value=None)
    value = draw(st.none() | source) if blanks else draw(source)
    blank = draw(st.sampled_from(sorted(BLANK_TEXTS)))
    text = format_amount(
        value,
        thousands=draw(st.booleans()),
        negative=draw(st.sampled_from(["-", "()", "（）"])),
        blank=blank,
        pad=draw(st.sampled_from(["", " ", "  ", "\u3000"])),
    )
    return PrintedCell(text, value)


def cell_texts(values: st.SearchStrategy[Decimal] | None = None) -> st.SearchStrategy[str]:
    """Printed money cells (see :func:`printed_cells`), text only."""
    return printed_cells(values).map(lambda p: p.text)
