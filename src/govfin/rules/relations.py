"""What every cross-table relation is made of, for the 决算's (:mod:`govfin.rules.cross`) and the
预算's (:mod:`govfin.rules.budget`): a cell of a table in the disclosure's unit, "the same figure
printed twice" (an equation), "no more than" (an inequality), and the 类 and codes two tables
share.

Cells are converted exactly to the disclosure's unit (a table in 元 beside a text in 万元), and
built only for a relation that does not hold exactly: a relation that holds reports nothing.
Each module names its cells its own way (``公开05 类 201 合计``, ``支出预算总表 合计``), so
``name`` is passed in.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from govfin.amounts import ZERO
from govfin.disclosure import Disclosure
from govfin.findings import Cell
from govfin.rules.engine import Context, holds_exactly
from govfin.tables import Table, convert_cell, converted_value

__all__ = ["Name", "Ref", "at_most", "bounded", "cell", "classes", "codes", "nil", "same", "value"]

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


def same(d: Disclosure, ctx: Context, name: Name, printed: Ref, *parts: Ref, note: str = "") -> None:
    """One figure printed in two tables: ``printed`` = Σ ``parts``, judged by the tolerance
    model (``note`` is added to what the finding says the relation is)."""
    if holds_exactly(value(d, printed), [value(d, p) for p in parts]):
        return
    what = f"{name(*printed)} = {' + '.join(name(*p) for p in parts)}"
    ctx.equation(cell(d, printed), [cell(d, p) for p in parts], what=what + note)


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
        same(d, ctx, name, big, small, note=note)
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
