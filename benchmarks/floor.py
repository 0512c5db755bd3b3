"""The floor: the bare Decimal additions and comparisons the table checks need.

:func:`equations` lists, once and outside any timing, every relation govfin's arithmetic rules
test on a functional table -- each row's partition (``本年收入合计 = Σ sources``), ``合计 = Σ类``
and ``parent = Σ children`` in every column -- as ``(total, [signed parts])`` of Decimals.
:func:`run` then does only what no checker can avoid: add the parts, subtract, compare the
difference with the interval slack ``(n + 1) · 0.005`` (n = the non-blank parts; the total
counts when printed).  No cells, no places, no findings: a lower bound, not a checker.

Two floors:

- *arithmetic* (:func:`equations` + :func:`run`): the Decimals already pulled out of the rows
  into lists -- additions and comparisons only;
- *data* (:func:`plans` + :func:`run_plans`): the relations planned in advance (which row's
  values, which column), the values read from the rows' ``values`` mappings in the loop --
  what any checker of this table model has to do at the least.

The two loops write the judgement out each (rather than call a shared function): a call per
relation would itself be part of what they measure.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal

from govfin.tables import Table

__all__ = ["Equation", "Plan", "equations", "plans", "run", "run_plans"]

_ZERO = Decimal(0)
_HALF_CENT = Decimal("0.005")

#: (total, parts): a blank is None; a part is (sign, value).
Equation = tuple["Decimal | None", list[tuple[int, "Decimal | None"]]]


def equations(tables: Iterable[Table]) -> list[Equation]:
    """The relations the R0x-n and R0x-tree rules test, in the order they test them, with their
    Decimals pulled out of the rows (the relations of :func:`plans`, read once)."""
    return [
        (total_row.get(total_col), [(sign, row.get(col)) for sign, row, col in parts])
        for total_row, total_col, parts in plans(tables)
    ]


def run(eqs: list[Equation]) -> tuple[int, int]:
    """(residues, breaks): the tight loop.  Blank is zero; the slack is per non-blank value."""
    residues = breaks = 0
    for total, parts in eqs:
        s = _ZERO
        n = 0
        for sign, v in parts:
            if v is not None:
                s = s + v if sign > 0 else s - v
                n += 1
        d = (total if total is not None else _ZERO) - s
        if d:
            if total is not None:
                n += 1
            if abs(d) <= _HALF_CENT * n:
                residues += 1
            else:
                breaks += 1
    return residues, breaks


#: (total row values, total column, [(sign, part row values, part column)]).
Plan = tuple[Mapping[str, "Decimal | None"], str, list[tuple[int, Mapping[str, "Decimal | None"], str]]]


def plans(tables: Iterable[Table]) -> list[Plan]:
    """The same relations as :func:`equations`, as references into the rows' value mappings."""
    out: list[Plan] = []
    for t in tables:
        for eq in t.ROW_EQUATIONS:
            for row in t.rows:
                if row.blank:
                    continue
                v = row.values
                parts = [(1, v, c) for c in eq.plus] + [(-1, v, c) for c in eq.minus]
                out.append((v, eq.total, parts))
        ru = t.ROLLUP
        if ru is None:
            continue
        by_code = {r.code: r.values for r in t.rows if r.code is not None}
        kids: dict[str, list[str]] = {}
        for code in by_code:
            if len(code) > 3 and code[:-2] in by_code:
                kids.setdefault(code[:-2], []).append(code)
        tops = [c for c in by_code if len(c) == 3]
        total = t.get(ru.total) if ru.total else None
        for column in t.COLUMNS if ru.columns is None else ru.columns:
            if total is not None:
                out.append((total.values, column, [(1, by_code[c], column) for c in tops]))
            for parent, children in kids.items():
                out.append((by_code[parent], column, [(1, by_code[c], column) for c in children]))
    return out


def run_plans(ps: list[Plan]) -> tuple[int, int]:
    """(residues, breaks), reading every value from its row in the loop."""
    residues = breaks = 0
    for total_row, total_col, parts in ps:
        s = _ZERO
        n = 0
        for sign, row, col in parts:
            v = row.get(col)
            if v is not None:
                s = s + v if sign > 0 else s - v
                n += 1
        total = total_row.get(total_col)
        d = (total if total is not None else _ZERO) - s
        if d:
            if total is not None:
                n += 1
            if abs(d) <= _HALF_CENT * n:
                residues += 1
            else:
                breaks += 1
    return residues, breaks
