"""Money and other reported quantities: parsing, units, and the tolerance model.

Money is :class:`decimal.Decimal`, never ``float``.  A cell is either blank (``None``) or a
``Decimal``: the printed forms ``""``, ``"—"``, ``"-"``, ``"— —"`` and ``"——"`` are blank, not zero.

Tolerance model (after XBRL Calculations 1.1, as used by Arelle): a value ``v`` reported to a
last-place unit ``u`` (0.01 for 万元 tables kept to two decimals) stands for an interval.  With
rounding (四舍五入, the default) that is ``[v - u/2, v + u/2]``; with truncation it is the
interval of width ``u`` on the side away from zero; an exact value is the point ``[v, v]``.
An equation ``total = a + b - c`` is *consistent* when the interval of the total meets the
interval of the signed sum of the parts.  A non-zero difference that is consistent is a rounding
residue (尾数误差); an inconsistent one is an error.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Sequence
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, InvalidOperation
from typing import overload

import attrs

from govfin._lazy import frozen, lazy_pattern
from govfin.errors import ArgumentTypeError, ArgumentValueError, GovfinError

__all__ = [
    "BLANK_TEXTS",
    "HUNDRED",
    "ZERO",
    "AmountError",
    "Comparison",
    "Interval",
    "Tolerance",
    "ToleranceMode",
    "Unit",
    "convert",
    "interval_of",
    "parse_amount",
    "parse_count",
    "round_to",
    "stands_for",
    "to_decimal",
]

#: Printed forms of a blank cell (after stripping white space); also any run of dashes of
#: any width (_DASHES), spaces between them allowed ("–", "――", "— —", "---").
BLANK_TEXTS = frozenset({"", "-", "—", "——", "— —", "－", "--", "/", "\\"})
#: Hyphen-minus, full-width hyphen-minus, en dash, figure dash, em dash, horizontal bar, box
#: drawing light and heavy horizontal: the dashes printed for a blank cell.
_DASHES = frozenset("-－–‒—―─━")

#: Largest absolute exponent accepted: money beyond 10**15 万元 is not a budget figure.
_MAX_ADJUSTED_EXPONENT = 15

#: Shared Decimal constants (one home for the modules that sum money and compute percentages).
ZERO = Decimal(0)
HUNDRED = Decimal(100)

_NUMBER = lazy_pattern(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)")
#: A plain decimal literal (ASCII digits, optional sign and fraction): parsed as it is.
_PLAIN = re.compile(r"[+-]?[0-9]+(?:\.[0-9]+)?")
_THOUSANDS = lazy_pattern(r"^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$")


class AmountError(GovfinError, ValueError):
    """A cell that should hold a number does not; the message names the cell."""

    def __init__(self, message: str, *, text: str | None = None, where: str | None = None):
        self.text = text
        self.where = where
        super().__init__(f"{where}: {message}" if where else message)


class Unit(enum.Enum):
    """Monetary unit of a table (金额单位): 元, 千元 (some tables print thousands of yuan) or 万元."""

    YUAN = "元"
    QIAN_YUAN = "千元"
    WAN_YUAN = "万元"

    @property
    def yuan(self) -> Decimal:
        """How many 元 one of this unit is."""
        return _YUAN_IN[self]

    @classmethod
    def parse(cls, text: str) -> Unit:
        """Read a unit from text such as ``"金额单位：万元"`` or ``"单位：元"``.

        >>> Unit.parse("单位：千元"), Unit.parse("金额单位:万元")
        (<Unit.QIAN_YUAN: '千元'>, <Unit.WAN_YUAN: '万元'>)
        """
        t = text.replace(" ", "").replace("\u3000", "")
        if not any(w in t for w in _OTHER_UNITS):
            for unit in (cls.WAN_YUAN, cls.QIAN_YUAN, cls.YUAN):
                if unit.value in t:
                    return unit
        raise AmountError(f"no monetary unit (元, 千元 or 万元) in {text!r}", text=text)


_YUAN_IN = {Unit.YUAN: Decimal(1), Unit.QIAN_YUAN: Decimal(1000), Unit.WAN_YUAN: Decimal(10000)}
#: Units govfin's tables do not take: a table printed in one is not read as 元.
_OTHER_UNITS = ("百元", "百万元", "千万元", "亿元")


def to_decimal(value: object, *, where: str | None = None) -> Decimal | None:
    """Coerce a Python value to a money ``Decimal`` (or ``None`` for blank).

    Accepts ``Decimal``, ``int`` (not ``bool``), ``str`` (parsed by :func:`parse_amount`) and
    ``None``.  A ``float`` raises ``TypeError``: binary floats cannot hold 0.01 exactly.
    """
    if value is None:
        return None
    if isinstance(value, bool):
        raise ArgumentTypeError(f"{where or 'amount'}: bool is not a money amount: {value!r}")
    if isinstance(value, float):
        raise ArgumentTypeError(
            f"{where or 'amount'}: float {value!r} is not accepted as money; "
            "pass a decimal.Decimal or a str such as '631.71'"
        )
    if isinstance(value, Decimal):
        return _checked(value, None, where)
    if isinstance(value, int):
        return _checked(Decimal(value), None, where)
    if isinstance(value, str):
        return parse_amount(value, where=where)
    raise ArgumentTypeError(f"{where or 'amount'}: {type(value).__name__} is not a money amount: {value!r}")


def _checked(d: Decimal, text: str | None, where: str | None) -> Decimal:
    """``d`` if it is a finite amount of sane magnitude; ``text`` is the input as printed
    (``None``: the value itself, turned into text only for an error)."""
    if d.is_finite() and (not d or abs(d.adjusted()) <= _MAX_ADJUSTED_EXPONENT):
        return d
    shown = str(d) if text is None else text
    if not d.is_finite():
        raise AmountError(f"not a finite number: {shown!r}", text=shown, where=where)
    raise AmountError(f"absurd magnitude: {shown!r}", text=shown, where=where)


def parse_amount(text: str, *, where: str | None = None) -> Decimal | None:
    """Parse a printed money cell.

    ``"631.71"``, ``"2,940.05"``, ``"0.00"`` give Decimals; blank forms (see
    :data:`BLANK_TEXTS`) give ``None``; ``"-12.30"`` and ``"（12.30）"`` / ``"(12.30)"`` are
    negative.  Anything else raises :class:`AmountError` naming ``where``.
    """
    if not isinstance(text, str):
        raise ArgumentTypeError(f"{where or 'amount'}: expected str, got {type(text).__name__}")
    if _PLAIN.fullmatch(text):  # "631.71", "-12.30": most cells, nothing to normalise
        return _checked(Decimal(text), text, where)
    t = text.strip().replace("\u3000", "").replace("\xa0", "")
    if t in BLANK_TEXTS or _dashes(t):
        return None
    negative = False
    if len(t) >= 2 and t[0] in "(（" and t[-1] in ")）":
        negative = True
        t = t[1:-1].strip()
    t = t.replace("，", ",").replace("．", ".").replace("－", "-").replace("＋", "+")
    if "," in t:
        if not _THOUSANDS.match(t):
            raise AmountError(f"misplaced thousands separator in {text!r}", text=text, where=where)
        t = t.replace(",", "")
    if not _NUMBER.fullmatch(t):
        raise AmountError(f"not a number: {text!r}", text=text, where=where)
    try:
        d = Decimal(t)
    except InvalidOperation:  # pragma: no cover - the regex admits only valid literals
        raise AmountError(f"not a number: {text!r}", text=text, where=where) from None
    d = _checked(d, text, where)
    return -d if negative else d


def _dashes(t: str) -> bool:
    """A run of dashes (spaces between allowed): a blank cell.

    >>> _dashes("–"), _dashes("― ―"), _dashes("-----"), _dashes("-5")
    (True, True, True, False)
    """
    d = t.replace(" ", "")
    return bool(d) and all(c in _DASHES for c in d)


def parse_count(text: str, *, where: str | None = None) -> int | None:
    """Parse an integer count cell (车辆数, 人数); blank gives ``None``."""
    d = parse_amount(text, where=where)
    if d is None:
        return None
    if d != d.to_integral_value():
        raise AmountError(f"count is not a whole number: {text!r}", text=text, where=where)
    return int(d)


@overload
def convert(value: Decimal, from_unit: Unit, to_unit: Unit) -> Decimal: ...
@overload
def convert(value: None, from_unit: Unit, to_unit: Unit) -> None: ...
@overload
def convert(value: Decimal | None, from_unit: Unit, to_unit: Unit) -> Decimal | None: ...
def convert(value: Decimal | None, from_unit: Unit, to_unit: Unit) -> Decimal | None:
    """Exact conversion between 元 and 万元 (no rounding); a blank stays blank."""
    if value is None:
        return None
    return value * from_unit.yuan / to_unit.yuan


class ToleranceMode(enum.Enum):
    """How a reported value was derived from the exact figure."""

    ROUND = "round"  #: rounded half-up to its last place (四舍五入): [v - u/2, v + u/2]
    #: cut after its last place (towards zero): [v, v + u] above 0, [v - u, v] below, and
    #: [-u, u] for a printed 0 (cut from either side)
    TRUNCATE = "truncate"
    EXACT = "exact"  #: the printed value is exact: [v, v]


@frozen
class Interval:
    """A closed interval of Decimals."""

    lo: Decimal
    hi: Decimal

    def __add__(self, other: Interval) -> Interval:
        return Interval(self.lo + other.lo, self.hi + other.hi)

    def __neg__(self) -> Interval:
        return Interval(-self.hi, -self.lo)

    def __sub__(self, other: Interval) -> Interval:
        return self + (-other)

    def meets(self, other: Interval) -> bool:
        """True when the two intervals share at least one point."""
        return self.lo <= other.hi and other.lo <= self.hi

    @property
    def half_width(self) -> Decimal:
        return (self.hi - self.lo) / 2


def _bounds(value: Decimal, unit: Decimal, mode: ToleranceMode) -> tuple[Decimal, Decimal]:
    """(lo, hi) of :func:`interval_of`, without building the Interval (the hot path)."""
    if mode is ToleranceMode.EXACT or unit == 0:
        return value, value
    if mode is ToleranceMode.ROUND:
        h = unit / 2
        return value - h, value + h
    if value > 0:
        return value, value + unit
    if value < 0:
        return value - unit, value
    return -unit, unit


def interval_of(value: Decimal, unit: Decimal, mode: ToleranceMode) -> Interval:
    """The interval a value reported to last-place ``unit`` stands for under ``mode``."""
    return Interval(*_bounds(value, unit, mode))


def stands_for(printed: Decimal, unit: Decimal, mode: ToleranceMode, point: Decimal) -> bool:
    """True when ``point`` lies in :func:`interval_of` ``(printed, unit, mode)``: the printed
    value may have been derived from it (in every mode the interval holds ``printed``)."""
    if point == printed:
        return True
    lo, hi = _bounds(printed, unit, mode)
    return lo <= point <= hi


def round_to(value: Decimal, unit: Decimal, mode: ToleranceMode) -> Decimal:
    """``value`` as printed to last-place ``unit`` under ``mode``: rounded half up (四舍五入),
    cut towards zero (truncate), or unchanged (exact, or a unit of 0).

    >>> round_to(Decimal("6.745"), Decimal("0.01"), ToleranceMode.ROUND)
    Decimal('6.75')
    >>> round_to(Decimal("18976.7551"), Decimal("0.01"), ToleranceMode.TRUNCATE)
    Decimal('18976.75')
    """
    if mode is ToleranceMode.EXACT or unit <= 0:
        return value
    rounding = ROUND_HALF_UP if mode is ToleranceMode.ROUND else ROUND_DOWN
    return (value / unit).to_integral_value(rounding=rounding) * unit


@frozen
class Comparison:
    """Outcome of testing ``total = Σ sign·part`` under a tolerance."""

    expected: Decimal  #: Σ sign·part as printed
    actual: Decimal  #: the total as printed
    slack: Decimal  #: the largest difference the tolerance allows (in the direction observed)
    consistent: bool

    @property
    def difference(self) -> Decimal:
        """actual − expected."""
        return self.actual - self.expected

    @property
    def residue(self) -> bool:
        """Consistent, but not equal to the cent: a rounding residue (尾数误差)."""
        return self.consistent and self.difference != 0


@frozen
class Tolerance:
    """The tolerance policy of one check run.

    ``mode`` says how printed figures were derived (default: rounded).  ``absolute``, when
    given, overrides the interval model: an equation holds when ``|difference| <= absolute``.
    """

    mode: ToleranceMode = ToleranceMode.ROUND
    absolute: Decimal | None = attrs.field(default=None)

    @absolute.validator
    def _check_absolute(self, _: attrs.Attribute[Decimal | None], v: Decimal | None) -> None:
        if v is not None:
            if isinstance(v, float) or not isinstance(v, Decimal):
                raise ArgumentTypeError(f"Tolerance.absolute must be a Decimal, got {v!r}")
            if v < 0:
                raise ArgumentValueError(f"Tolerance.absolute must not be negative: {v}")

    def compare(
        self,
        total: Decimal | None,
        parts: Iterable[tuple[int, Decimal | None]],
        unit: Decimal,
        *,
        units: Sequence[Decimal] | None = None,
        total_unit: Decimal | None = None,
    ) -> Comparison:
        """Test ``total = Σ sign·part``.

        ``parts`` are ``(sign, value)`` pairs with sign +1 or −1; a blank (``None``) counts as
        an exact zero (the cell states that there is nothing).  Every reported value has
        last-place ``unit`` unless ``units`` (one per part) and ``total_unit`` say otherwise.
        """
        parts = list(parts)
        per_part = units if units is not None else [unit] * len(parts)
        mode = self.mode
        expected = lo = hi = ZERO  # Σ sign·part, and the interval [lo, hi] it stands for
        for (sign, value), u in zip(parts, per_part, strict=True):
            if value is None:
                continue
            v_lo, v_hi = _bounds(value, u, mode)
            if sign > 0:
                expected += value
                lo += v_lo
                hi += v_hi
            else:
                expected -= value
                lo -= v_hi
                hi -= v_lo
        actual = total if total is not None else ZERO
        if total is not None:
            t_lo, t_hi = _bounds(actual, total_unit if total_unit is not None else unit, mode)
        else:
            t_lo = t_hi = actual  # a blank total is an exact zero
        diff = actual - expected
        if self.absolute is not None:
            return Comparison(expected, actual, self.absolute, abs(diff) <= self.absolute)
        # The slack in the observed direction: how far the total may sit from the parts' sum.
        if diff >= 0:
            slack = (actual - t_lo) + (hi - expected)
        else:
            slack = (t_hi - actual) + (expected - lo)
        return Comparison(expected, actual, slack, t_lo <= hi and lo <= t_hi)

    def restates(
        self,
        printed: Decimal | None,
        printed_unit: Decimal,
        source: Decimal | None,
        source_unit: Decimal,
    ) -> Comparison:
        """Test that ``printed`` is the figure ``source`` printed again (a restatement).

        Two printings of one fact are rounded from the same amount, so to the same places they
        are identical: a 0.01 difference is a mistake, not a rounding residue (尾数误差) — the
        rule XBRL applies to duplicate facts.  Only a derived sum gets the interval slack of
        :meth:`compare`.  A printing with fewer places (a coarser last-place unit, or 万元 beside
        元 once converted) is compared with the finer one rounded to its places (cut, under
        truncation).  A blank is an exact zero.  ``absolute``, when set, overrides as in
        :meth:`compare`.  ``expected`` is the source and ``actual`` the printed figure, each
        rounded to the coarser of the two places; ``slack`` is 0.

        >>> t = Tolerance()
        >>> cent, tenth = Decimal("0.01"), Decimal("0.1")
        >>> t.restates(Decimal("545.20"), cent, Decimal("545.19"), cent).consistent
        False
        >>> t.restates(Decimal("6.7"), tenth, Decimal("6.70"), cent).consistent
        True
        >>> t.restates(Decimal("18976.76"), cent, Decimal("18976.7551"), cent / 10000).consistent
        True
        """
        actual = printed if printed is not None else ZERO
        expected = source if source is not None else ZERO
        if self.absolute is not None:
            diff = abs(actual - expected)
            return Comparison(expected, actual, self.absolute, diff <= self.absolute)
        pu = printed_unit if printed is not None else ZERO
        su = source_unit if source is not None else ZERO
        coarse = max(pu, su)
        if su < coarse:
            expected = round_to(expected, coarse, self.mode)
        if pu < coarse:
            actual = round_to(actual, coarse, self.mode)
        return Comparison(expected, actual, ZERO, actual == expected)
