"""Attributes derived when a value is made, not on first read (issue 17), are what the cached
attributes they replace gave.

:class:`~govfin.figures.Figure` (value, unit, places, restated), a claim's place and a
quantity's last place were cached attributes; the first read of each went through attrs'
``__getattr__``.  Each is now set once, in ``__attrs_post_init__``; here it is compared with
the formula it had, written out.
"""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from govfin.errors import ArgumentTypeError, ArgumentValueError
from govfin.figures import Figure
from govfin.findings import Cell, Place
from govfin.narrative import AmountClaim, Quantity, extract_claims
from govfin.narrative.text import NARRATIVE_TABLE

_AMOUNTS = st.decimals(min_value=-10**6, max_value=10**6, places=2, allow_nan=False)
_UNITS = st.sampled_from([Decimal("0.01"), Decimal("0.0001"), Decimal(1), Decimal(0)])
_CELLS = st.lists(
    st.builds(Cell, st.builds(Place, st.sampled_from(["01", "05"]), st.text(max_size=3),
                              st.sampled_from(["合计", "决算数"])),
              st.none() | _AMOUNTS, _UNITS),
    max_size=4,
).map(tuple)  # fmt: skip


@given(st.text(max_size=5), _CELLS, st.none() | st.text(max_size=5))
def test_a_figure_derives_what_its_cached_attributes_gave(
    label: str, cells: tuple[Cell, ...], missing: str | None
) -> None:
    fig = Figure(label, cells, missing)
    zero = Decimal(0)
    assert fig.value == sum((c.value for c in cells if c.value is not None), zero)
    assert fig.unit == sum((c.unit for c in cells), zero)
    assert fig.places == tuple(c.place for c in cells)
    printed = [c for c in cells if c.value is not None]
    restated = (printed or list(cells))[0] if len(printed) <= 1 and cells else None
    assert fig.restated is restated
    # derived, not compared: equality and hashing are those of label, cells and missing
    assert fig == Figure(label, cells, missing) and hash(fig) == hash(Figure(label, cells, missing))
    assert attrs.evolve(fig, cells=cells[:1]).places == tuple(c.place for c in cells[:1])


@given(st.decimals(allow_nan=False, allow_infinity=False, places=4))
def test_a_quantity_derives_its_last_place(value: Decimal) -> None:
    exp = value.as_tuple().exponent
    assert isinstance(exp, int)
    assert Quantity(value, "万元", str(value)).last_place == Decimal(1).scaleb(exp)


def test_a_quantity_of_no_finite_decimal_is_a_typed_error() -> None:
    with pytest.raises(ArgumentTypeError):
        Quantity(1.5, "万元", "1.5")  # type: ignore[arg-type]
    with pytest.raises(ArgumentValueError):
        Quantity(Decimal("NaN"), "万元", "NaN")


def test_a_claim_derives_its_place() -> None:
    claims = extract_claims("收入总计648.92万元。共接待0批次，0人次，其中：共接待0批次。",
                            section="一、收入", first_line=3)  # fmt: skip
    assert claims
    for c in claims:
        text = c.text if not c.occurrence else f"{c.text}（第{c.occurrence + 1}处）"
        assert c.place == Place(NARRATIVE_TABLE, "一、收入", text, 3)
    assert any(c.occurrence for c in claims)  # the repeated claim has a place of its own
    q = Quantity(Decimal(1), "万元", "1")
    c = AmountClaim(text="支出1万元", sentence="支出1万元。", section="", amount=q)
    assert c.place == Place(NARRATIVE_TABLE, None, "支出1万元", None)
    moved = attrs.evolve(c, occurrence=1, line=7)
    assert moved.place == Place(NARRATIVE_TABLE, None, "支出1万元（第2处）", 7)
    assert moved == attrs.evolve(c, occurrence=1)  # (the place and line are not compared)


def test_a_tables_row_name_index_is_kept_with_the_disclosure() -> None:
    """The row-name index a Resolver builds (a 项 name alone and after its parents' names) is
    kept with the disclosure: a second check run's Resolver reads it, and it is the index a
    fresh build gives."""
    from govfin import examples
    from govfin.figures import NAMED_ROWS, Resolver, _row_names

    d = examples.load()
    classes = {cls for cls, _ in NAMED_ROWS.values() if d.table(cls) is not None}
    assert classes
    for cls in classes:
        first = Resolver(d).row_names(cls)
        again = Resolver(d).row_names(cls)
        assert again is first
        assert first == _row_names(d.table(cls))
    # names alone and after their parents' names ("工资福利支出基本工资")
    chained = {n for cls in classes for n in (Resolver(d).row_names(cls) or {})}
    assert {"基本工资", "工资福利支出基本工资"} <= chained
