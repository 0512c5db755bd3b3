"""What every cross-table relation is made of, for the 决算's (:mod:`govfin.rules.cross`) and the
预算's (:mod:`govfin.rules.budget`): a cell of a table in the disclosure's unit, "the same figure
printed twice" (an equation), "no more than" (an inequality), and the 类 and codes two tables
share.

A figure printed again (one cell restating one other: a 类 of 公开01 in 公开03, a single
non-blank part) must be identical to the last place it shares with the other printing
(:meth:`~govfin.amounts.Tolerance.restates`); only a sum of several printed parts gets the
interval slack of the tolerance model.

Cells are converted exactly to the disclosure's unit (a table in 元 beside a text in 万元), and
built only for a relation that does not hold exactly: a relation that holds reports nothing.
Each module names its cells its own way (``公开05 类 201 合计``, ``支出预算总表 合计``), so
``name`` is passed in.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from govfin.amounts import ZERO, Comparison
from govfin.disclosure import Disclosure
from govfin.findings import Cell
from govfin.rules.engine import Context, holds_exactly
from govfin.tables import Table, convert_cell, converted_value

__all__ = [
    "Name",
    "Ref",
    "at_most",
    "bounded",
    "cell",
    "classes",
    "codes",
    "nil",
    "restated",
    "same",
    "value",
]

#: A cell of a table: (table, row key, column).
Ref = tuple[Table, str, str]
#: How findings name a cell.
Name = Callable[[Table, str, str], str]


def cell(d: Disclosure, ref: Ref) -> Cell:
    """The cell, converted exactly to the disclosure's unit."""
    t, key, column = ref
    return convert_cell(t.cell(key, column), t, d.unit)


def value(d: Disclosure, ref: Ref) -> Decimal | None:
    """The value :func:`cell` gives, without building the cell."""
    t, key, column = ref
    return converted_value(t, key, column, d.unit)


def same(
    d: Disclosure,
    ctx: Context,
    name: Name,
    printed: Ref,
    *parts: Ref,
    note: str = "",
    restatement: bool = True,
) -> None:
    """One figure printed in two tables: ``printed`` = Σ ``parts`` (``note`` is added to what
    the finding says the relation is).

    With at most one non-blank part (the others exact zeros), ``printed`` restates that part:
    it must be identical (:func:`restated`).  A sum of several parts is judged by the tolerance
    model.  ``restatement=False`` keeps the slack for two figures that are not one fact (02
    income and 03 expenditure of a code).  With no part at all (a table printing none of the
    rows summed) there is nothing to compare with: nothing is judged."""
    if not parts:
        return
    unit = d.unit  # value(d, ref) for each cell, inlined: the cross rules call this most
    values = [converted_value(t, key, column, unit) for t, key, column in parts]
    if holds_exactly(converted_value(*printed, unit), values):
        return
    what = f"{name(*printed)} = {' + '.join(name(*p) for p in parts)}"
    printed_parts = [p for p, v in zip(parts, values, strict=True) if v is not None]
    if restatement and len(printed_parts) <= 1:
        source = cell(d, printed_parts[0] if printed_parts else parts[0])
        restated(ctx, cell(d, printed), source, what=what + note)
        return
    ctx.equation(cell(d, printed), [cell(d, p) for p in parts], what=what + note)


def restated(ctx: Context, printed: Cell, source: Cell, *, what: str) -> Comparison | None:
    """Judge ``printed`` as ``source`` printed again (the same fact) and report a difference.

    Nothing is reported when both are blank or identical to their shared places; any other
    difference is reported at the rule's severity — a cent apart is a mistake, not a rounding
    residue (尾数误差).  Returns the comparison (``None`` when both are blank)."""
    if printed.value is None and source.value is None:
        return None
    cmp = ctx.tolerance.restates(printed.value, printed.unit, source.value, source.unit)
    if cmp.consistent:
        return cmp
    ctx.emit(
        f"{what} does not hold: the same figure printed twice differs "
        f"({cmp.actual} against {cmp.expected}); a restated figure must be identical, "
        "a difference is not a rounding residue (尾数误差)",
        place=printed.place,
        expected=cmp.expected,
        actual=cmp.actual,
        difference=cmp.difference,
        slack=cmp.slack,
        cells=[printed.place, source.place],
    )
    return cmp


def at_most(d: Disclosure, ctx: Context, name: Name, small: Ref, big: Ref) -> None:
    """``small`` ≤ ``big`` (a part of a figure against the whole of another table)."""
    a, b = value(d, small), value(d, big)
    if (a if a is not None else ZERO) > (b if b is not None else ZERO):
        ctx.at_most(cell(d, small), cell(d, big), what=f"{name(*small)} ≤ {name(*big)}")


def bounded(
    d: Disclosure, ctx: Context, name: Name, small: Ref, big: Ref, *, equal: bool, note: str = ""
) -> None:
    """``small`` ≤ ``big``; ``big`` = ``small`` instead when ``equal`` (a single-source unit,
    which ``note`` says)."""
    if equal:
        # inferred from the other sources printed as nil (0.00 may hide up to half a cent):
        # a derived equality, judged with the slack
        same(d, ctx, name, big, small, note=note, restatement=False)
    else:
        at_most(d, ctx, name, small, big)


def classes(*tables: Table | None) -> list[str]:
    """The 类 codes (3 digits) of the tables, in first-seen order."""
    return [c for c in codes(*tables) if len(c) == 3]


def codes(*tables: Table | None) -> list[str]:
    """Every code of the tables' coded rows, in first-seen order."""
    seen: dict[str, None] = {}
    for t in tables:
        if t is not None:
            for r in t.coded_rows():
                if r.code is not None:
                    seen.setdefault(r.code)
    return list(seen)


def nil(v: Decimal | None) -> bool:
    """Blank or zero."""
    return v is None or v == 0
