"""Indicator values of a 项目支出绩效自评表: targets, actuals and printed outcome phrases.

A quantitative indicator value is printed as an operator, a number and a unit: ``"≥95%"``,
``"=7人"``, ``"≤2小时"``, ``"≥10台(套)"`` (财预〔2021〕101号 notation).
:func:`parse_target` reads these into a :class:`Target`; a qualitative value (``"及时"``,
``"保障"``, ``"控制在年度预算指标内"``) gives ``None`` and stays text on the indicator.

Oddities met in real tables (the 2024 seed) and how they are read:

- ``"≥%"``, ``"=人"``, ``"≥壹"``: operator and unit with no number, template residue in the
  年初指标值 column. A :class:`Target` with ``number=None`` (:attr:`Target.residue`); it
  cannot be scored.
- ``"≥1壹"`` / ``"≥0壹"``: the number 1 (0) with the unit ``壹`` as printed. The residue
  ``"≥壹"`` of the same row shows that ``壹`` sits in the unit position (typed where 台/个 was
  meant), so it is not a second numeral.
- dates such as ``"24年9月30日"``, ``"≤4年9月30日"`` (a deadline, truncated from 2024年…):
  qualitative (``None``): a digit after the unit marks a date, not a quantity.
- a bare number without operator (``"1年"``, ``"2024年"``) as a *target* is qualitative (no
  direction to score against); as an *actual* (:func:`parse_actual`) it is a number.
- truncated text (``"列区年度"``, ``"控制在年度预算"``): qualitative.

Qualitative outcomes (R3-8) are printed as one of three phrases, often truncated by the
column width; :func:`classify_outcome` maps them to an :class:`Outcome`.
"""

from __future__ import annotations

import enum
import functools
import re
import unicodedata
from decimal import Decimal, InvalidOperation

from govfin._lazy import frozen
from govfin.errors import ArgumentTypeError

__all__ = [
    "OPERATORS",
    "Direction",
    "Outcome",
    "Target",
    "classify_outcome",
    "parse_actual",
    "parse_target",
]

#: Operators as normalised on a :class:`Target`.
OPERATORS = ("≥", "≤", "=", ">", "<")

_OP_ALIASES = {
    ">=": "≥",
    "=>": "≥",
    "≧": "≥",
    "⩾": "≥",
    "<=": "≤",
    "=<": "≤",
    "≦": "≤",
    "⩽": "≤",
    "==": "=",
}

_VALUE = re.compile(
    r"^(?P<op>>=|=>|<=|=<|==|≥|≤|≧|≦|⩾|⩽|=|>|<)?"
    r"(?P<num>[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)?"
    r"(?P<unit>.*)$"
)

#: The first characters of the operators :data:`_VALUE` reads (normalised or aliased).
_OP_START = frozenset(op[0] for op in (*OPERATORS, *_OP_ALIASES))

#: Longest text accepted as a unit (台(套), 人次/年, 万元/平方米 ...); longer is prose.
_MAX_UNIT = 8


class Direction(enum.Enum):
    """How a quantitative indicator is scored (formulas R3-5 … R3-7 of docs/evaluation.md)."""

    POSITIVE = "positive"  #: 正向 "≥A": more is better
    NEGATIVE = "negative"  #: 反向 "≤A": less is better
    EQUAL = "equal"  #: "=A"


@frozen
class Target:
    """A parsed indicator value: operator, number and unit, with the printed text.

    ``op`` is one of :data:`OPERATORS` (``None`` for an actual printed without one);
    ``number`` is ``None`` for template residue such as ``"≥%"``.
    """

    op: str | None
    number: Decimal | None
    unit: str = ""
    text: str = ""

    @property
    def residue(self) -> bool:
        """Operator and unit printed without a number (``"≥%"``): template residue."""
        return self.number is None

    @property
    def direction(self) -> Direction | None:
        """Scoring direction from the operator (``None`` when there is no operator)."""
        if self.op in ("≥", ">"):
            return Direction.POSITIVE
        if self.op in ("≤", "<"):
            return Direction.NEGATIVE
        if self.op == "=":
            return Direction.EQUAL
        return None

    def __str__(self) -> str:
        num = "" if self.number is None else str(self.number)
        return f"{self.op or ''}{num}{self.unit}"


def _normalize(text: str) -> str:
    """The NFKC form without whitespace (``str.split()`` splits on what ``\\s`` matches)."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def _may_be_value(t: str, *, require_operator: bool) -> bool:
    """Cheap pre-test of a normalised, non-empty text: ``False`` when it starts with neither
    an operator nor (for an actual) a number, so that :data:`_VALUE` would read no value."""
    first = t[0]
    if first in _OP_START:
        return True
    # ``\d`` (of a str pattern) matches exactly the characters that str.isdecimal accepts
    return not require_operator and (first in "+-" or first.isdecimal())


def _has_digit(unit: str) -> bool:
    """Whether ``unit`` holds a digit (:meth:`str.isdigit`).  No letter is a digit, so a
    unit of letters (种, 人次) is answered without looking at each character."""
    return not unit.isalpha() and any(ch.isdigit() for ch in unit)


def _parse(text: str, *, require_operator: bool) -> Target | None:
    if not isinstance(text, str):
        raise ArgumentTypeError(f"indicator value must be str, got {type(text).__name__}")
    return _parsed(text, require_operator)


@functools.lru_cache(maxsize=4096)
def _parsed(text: str, require_operator: bool) -> Target | None:
    """:func:`_parse` of a str.  Memoised by wording: the values of a 自评表 are a template's
    few texts ("≥95%", "100%", "达成预期指标"), in every table and document, and the result
    (an immutable :class:`Target`, or None) depends on the text alone."""
    t = _normalize(text)
    if not t or not _may_be_value(t, require_operator=require_operator):
        return None
    m = _VALUE.match(t)
    if m is None:  # pragma: no cover - the pattern matches every string
        return None
    op, num, unit = m.groups()
    if op is None and (require_operator or num is None):
        return None
    if op is not None and num is None and not unit:
        return None  # a lone operator is not a value
    if len(unit) > _MAX_UNIT or _has_digit(unit):
        return None  # prose, or a date such as 4年9月30日
    if num is not None and unit.startswith((".", ",")):
        return None
    number: Decimal | None = None
    if num is not None:
        try:
            number = Decimal(num.replace(",", ""))
        except InvalidOperation:  # pragma: no cover - the pattern admits valid literals only
            return None
    if op is not None:
        op = _OP_ALIASES.get(op, op)
    return Target(op, number, unit, text)


def parse_target(text: str) -> Target | None:
    """Parse a target (年初指标值 / 调整后指标值); ``None`` when qualitative.

    A target needs an operator: ``"≥95%"`` → (≥, 95, %); ``"≥%"`` → residue (≥, None, %);
    ``"及时"``, ``"1年"``, ``"24年9月30日"`` → ``None``.
    """
    return _parse(text, require_operator=True)


def parse_actual(text: str) -> Target | None:
    """Parse an actual value (实际完成值); the operator is optional.

    ``"≥80%"`` (the target's operator echoed, as printed in many tables) → (≥, 80, %);
    ``"95%"`` → (None, 95, %); ``"达成预期指标"`` → ``None``.
    """
    return _parse(text, require_operator=False)


class Outcome(enum.Enum):
    """The three qualitative outcomes of 财预〔2020〕10号 (R3-8), with their printed wording."""

    ACHIEVED = "达成"  #: 达成年度指标 / 达成预期指标
    PARTIAL = "部分达成"  #: 部分达成年度指标并具有一定效果 / 部分达成预期指标并具有一定效果
    NOT_ACHIEVED = "未达成"  #: 未达成年度指标且效果较差 / 未完成(未达成)预期指标且效果较差


@functools.lru_cache(maxsize=4096)
def classify_outcome(text: str) -> Outcome | None:
    """Map a printed outcome phrase (possibly truncated) to its :class:`Outcome`.

    Full phrases of both template versions are recognised, and the truncations the column
    width produces: ``"期指标并具"``, ``"达成预期指标并具"``, ``"按期指并具"`` (…部分达成预期指标并具有一定效果)
    → PARTIAL; ``"预期指标且对"``, ``"预期指标且为"``, ``"预期指标且"`` (…未达成预期指标且效果较差)
    → NOT_ACHIEVED; ``"达成预期指标"``, ``"完成预期指标"`` → ACHIEVED.  Anything else
    (``"基本完成"``, an empty cell, a number) gives ``None``.  Memoised by wording (the
    phrases are a template's few, in every table).
    """
    t = _normalize(text).rstrip("。.")
    if not t:
        return None
    if "未达成" in t or "未完成" in t or "效果较差" in t:
        return Outcome.NOT_ACHIEVED
    if "部分" in t or "并具" in t or "一定效果" in t:
        return Outcome.PARTIAL
    if "指标且" in t or t.endswith("且"):
        return Outcome.NOT_ACHIEVED
    if "基本" in t:
        return None
    if "达成" in t or "完成" in t:
        return Outcome.ACHIEVED
    return None
