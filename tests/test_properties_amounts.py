"""Properties of amounts, the tolerance model and classification codes (govfin.strategies).

- printed cells parse back to their value (thousands separators, blanks, negatives);
- the tolerance model (property 5): exact 元 values that add up, each rounded to 0.01 万元,
  always give a consistent equation; a printed difference beyond (n+1)·0.005 never does;
- codes drawn from the shipped lists resolve at their level; malformed codes are rejected.
"""

from __future__ import annotations

from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govfin import codes
from govfin import strategies as gs
from govfin.amounts import (
    AmountError,
    Tolerance,
    ToleranceMode,
    Unit,
    interval_of,
    parse_amount,
    stands_for,
)

CENT = Decimal("0.01")
HALF = Decimal("0.005")


# -- printed cells -------------------------------------------------------------------------------


@given(gs.printed_cells())
def test_printed_cell_parses_to_its_value(cell: gs.PrintedCell) -> None:
    assert parse_amount(cell.text) == cell.value


@given(gs.amounts(Decimal("0.001"), min_value=None))
def test_amounts_have_the_digits_of_their_precision(value: Decimal) -> None:
    assert value == value.quantize(Decimal("0.001"))
    assert parse_amount(gs.format_amount(value, thousands=True, negative="()")) == value


# -- the tolerance model -------------------------------------------------------------------------

#: Signed exact amounts in 元 (whole 分), as (sign, value).
_signed_parts = st.lists(
    st.tuples(st.sampled_from([1, -1]), gs.yuan_amounts(max_yuan=10**8)), min_size=0, max_size=40
)


@given(
    gs.amounts(CENT, min_value=None),
    gs.amounts(Decimal("0.0001"), min_value=None),
    st.sampled_from(list(ToleranceMode)),
    st.sampled_from([CENT, Decimal(0)]),
)
def test_stands_for_is_membership_of_the_interval(
    printed: Decimal, exact: Decimal, mode: ToleranceMode, unit: Decimal
) -> None:
    """stands_for agrees with interval_of, holds the printed value itself, and holds the exact
    value a printed figure was rounded (or truncated) from."""
    iv = interval_of(printed, unit, mode)
    assert stands_for(printed, unit, mode, exact) is (iv.lo <= exact <= iv.hi)
    assert stands_for(printed, unit, mode, printed)
    derived = {ToleranceMode.ROUND: exact.quantize(CENT, ROUND_HALF_UP),
               ToleranceMode.TRUNCATE: exact.quantize(CENT, ROUND_DOWN),
               ToleranceMode.EXACT: exact}[mode]
    if unit:
        assert stands_for(derived, unit, mode, exact)


@given(_signed_parts, st.sampled_from([Unit.WAN_YUAN, Unit.YUAN]))
def test_rounded_exact_equation_is_consistent(parts: list[tuple[int, Decimal]], unit: Unit) -> None:
    """total = Σ ±part exactly in 元; every cell rounded on its own stays consistent."""
    total = sum((s * v for s, v in parts), Decimal(0))
    printed = [(s, gs.round_yuan(v, unit)) for s, v in parts]
    cmp = Tolerance().compare(gs.round_yuan(total, unit), printed, CENT)
    assert cmp.consistent
    assert abs(cmp.difference) <= cmp.slack == (len(parts) + 1) * HALF


@given(_signed_parts)
def test_truncated_exact_equation_is_consistent_under_truncation(
    parts: list[tuple[int, Decimal]],
) -> None:
    total = sum((s * v for s, v in parts), Decimal(0))

    def cut(v: Decimal) -> Decimal:
        return (v / 10000).quantize(CENT, rounding=ROUND_DOWN)

    cmp = Tolerance(ToleranceMode.TRUNCATE).compare(
        cut(total), [(s, cut(v)) for s, v in parts], CENT
    )
    assert cmp.consistent


@given(
    st.lists(st.tuples(st.sampled_from([1, -1]), gs.amounts(min_value=None)), max_size=40),
    st.integers(-200, 200),
)
def test_printed_difference_beyond_slack_is_inconsistent(
    parts: list[tuple[int, Decimal]], cents: int
) -> None:
    """A total off the printed sum by d: consistent exactly when |d| ≤ (n+1)·0.005."""
    expected = sum((s * v for s, v in parts), Decimal(0))
    d = cents * CENT
    cmp = Tolerance().compare(expected + d, parts, CENT)
    slack = (len(parts) + 1) * HALF
    assert cmp.difference == d
    assert cmp.consistent is (abs(d) <= slack)


@given(st.lists(gs.amounts(), max_size=20), gs.amounts(min_value=None), gs.amounts(CENT))
def test_absolute_tolerance_is_a_plain_bound(
    parts: list[Decimal], total: Decimal, bound: Decimal
) -> None:
    cmp = Tolerance(absolute=bound).compare(total, [(1, v) for v in parts], CENT)
    assert cmp.consistent is (abs(total - sum(parts, Decimal(0))) <= bound)


# -- codes ---------------------------------------------------------------------------------------


@given(
    st.sampled_from([1, 2, 3]).flatmap(
        lambda lv: st.tuples(st.just(lv), gs.years()).flatmap(
            lambda t: st.tuples(st.just(t[0]), st.just(t[1]), gs.functional_codes(t[0], t[1]))
        )
    )
)
def test_functional_codes_resolve_at_their_level(drawn: tuple[int, int, str]) -> None:
    level, year, code = drawn
    entry = codes.lookup(code, year)
    assert entry.level.depth == level and len(code) == 2 * level + 1
    assert [a.code for a in codes.ancestors(code, year)] == [
        code[:n] for n in range(3, len(code), 2)
    ]


@given(gs.economic_codes())
def test_economic_codes_resolve(code: str) -> None:
    assert codes.scheme_of(code) is codes.Scheme.ECONOMIC
    assert codes.exists(code)


@given(gs.malformed_codes())
def test_malformed_codes_are_rejected(code: object) -> None:
    expected = codes.CodeTypeError if not isinstance(code, str) else codes.MalformedCodeError
    with pytest.raises(expected):
        codes.lookup(code)  # type: ignore[arg-type]


@given(gs.code_trees(max_leaves=80))
def test_code_trees_are_closed_under_parents(tree: gs.CodeTree) -> None:
    present = set(tree.codes)
    assert list(tree.codes) == sorted(present)
    for c in tree.codes:
        assert len(c) == 3 or c[:-2] in present
        assert codes.exists(c, tree.edition)


def test_strategies_need_hypothesis(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without hypothesis, importing govfin.strategies says how to install it."""
    import importlib
    import sys

    monkeypatch.setitem(sys.modules, "hypothesis", None)
    monkeypatch.setitem(sys.modules, "hypothesis.strategies", None)
    monkeypatch.delitem(sys.modules, "govfin.strategies")
    with pytest.raises(ImportError, match=r"pip install 'govfin\[test\]'"):
        importlib.import_module("govfin.strategies")


@given(st.from_regex(r"[+-]?[0-9]{1,20}(\.[0-9]{1,6})?", fullmatch=True))
def test_plain_literals_parse_as_the_general_path_does(text: str) -> None:
    """A plain literal takes a shortcut; with a space around it the general path runs: both
    give the same Decimal, sign of zero and exponent included."""
    def parsed(t: str) -> object:
        try:
            d = parse_amount(t)
        except AmountError as exc:
            return str(exc).replace(repr(t), "TEXT")  # an absurd magnitude, named alike
        assert d is not None
        return d.as_tuple()

    assert parsed(text) == parsed(f" {text} ")
