"""Relations and mutations: the equations the rules judge inside a table or a 绩效自评
(:func:`relations`) and moving one cell beyond every tolerance (:func:`mutations`).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any, NamedTuple

import attrs
from hypothesis import strategies as st

from govfin._lazy import frozen
from govfin.errors import NotFoundError
from govfin.findings import Place, Severity
from govfin.performance import (
    FUND_COLUMNS,
)
from govfin.strategies._base import Draw
from govfin.tables import (
    CLASS_ROWS,
    BasicExpenditureDetail,
    Table,
)

# relations and mutations


@frozen
class Relation:
    """An equation inside one table, as the cells it reads (first the total)."""

    rule_id: str
    severity: Severity
    places: tuple[Place, ...]


def relations(obj: Any, *, personnel_classes: Sequence[str] = ("301", "303")) -> list[Relation]:
    """Every equation the rules judge inside ``obj`` (a table or a 绩效自评).

    For a table: from the kind's declared data (row equations, fixed equations, the code-tree
    rollup) and the 公开06 split (R06-1/2).  For a :class:`~govfin.performance.ProjectEvaluation`:
    E-balance, E-sources and E-total.  Inequalities (R09-3, R10-2, E-score-range) and the
    non-linear relations (E-rate, E-rate-score) are not equations and are not listed.

    This is a test oracle, written independently on purpose: it reads the same declarations
    as :mod:`govfin.rules.tables` (``ROW_EQUATIONS``, ``EQUATIONS``, ``ROLLUP``) but expands
    them to cells itself, and states the 公开06 split and the 自评表 relations itself, so that
    a mistake in the rules' expansion shows up as a mutation the rules miss.  It does not copy
    the rules' code, which would prove nothing.
    """
    if not isinstance(obj, Table):
        return _evaluation_relations(obj)
    table = obj
    out: list[Relation] = []
    kind = table.KIND

    def p(key: str, column: str) -> Place:
        return Place(kind, key, column)

    for req in table.ROW_EQUATIONS:
        for r in table.rows:
            if r.blank:
                continue
            cols = (req.total, *req.plus, *req.minus)
            out.append(Relation(req.id, req.severity, tuple(p(r.key, c) for c in cols)))
    for eq in table.EQUATIONS:
        cells = [eq.total, *eq.plus, *eq.minus]
        places: list[Place] = []
        for key, column in cells:
            if key == CLASS_ROWS:
                places += [
                    p(r.key, column) for r in table.rows if r.code is not None and len(r.code) == 3
                ]
            else:
                places.append(p(key, column))
        out.append(Relation(eq.id, eq.severity, tuple(places)))
    ru = table.ROLLUP
    if ru is not None:
        columns = table.COLUMNS if ru.columns is None else ru.columns
        present = list(dict.fromkeys(r.code for r in table.rows if r.code is not None))
        tops = [c for c in present if len(c) == 3]
        for column in columns:
            if ru.total is not None and table.get(ru.total) is not None:
                out.append(
                    Relation(
                        ru.id, ru.severity, (p(ru.total, column), *(p(c, column) for c in tops))
                    )
                )
            for parent in present:
                kids = [c for c in present if len(c) == len(parent) + 2 and c.startswith(parent)]
                if kids:
                    out.append(
                        Relation(
                            ru.id, ru.severity, (p(parent, column), *(p(k, column) for k in kids))
                        )
                    )
    if isinstance(table, BasicExpenditureDetail):
        col = table.COLUMNS[0]
        classes = list(
            dict.fromkeys(r.code for r in table.rows if r.code is not None and len(r.code) == 3)
        )
        for rule_id, key, personnel in (
            ("R06-1", table.PERSONNEL_TOTAL, True),
            ("R06-2", table.PUBLIC_TOTAL, False),
        ):
            if table.get(key) is None:
                continue
            parts = [p(c, col) for c in classes if (c in personnel_classes) is personnel]
            out.append(Relation(rule_id, Severity.ERROR, (p(key, col), *parts)))
    return out


def _evaluation_relations(ev: Any) -> list[Relation]:

    def p(line: Any, attr: str) -> Place:
        return ev.fund_cell(line, attr).place  # type: ignore[no-any-return]

    out: list[Relation] = []
    checked = ev.funds[:1] if len(ev.funds) <= 2 else ev.funds
    for line in checked:
        out.append(
            Relation(
                "E-balance",
                Severity.ERROR,
                (p(line, "balance"), p(line, "annual_budget"), p(line, "executed")),
            )
        )
    if len(ev.funds) >= 2:
        total, parts = ev.funds[0], ev.funds[1:]
        columns = [a for a in FUND_COLUMNS if a != "weight"]
        if len(parts) > 1:
            columns = [a for a in columns if a not in ("rate", "score")]
        for attr in columns:
            out.append(
                Relation(
                    "E-sources", Severity.ERROR, (p(total, attr), *(p(x, attr) for x in parts))
                )
            )
    scores = [ev.indicator_cell(i, "score").place for i in ev.indicators]
    if ev.total_line is not None:
        scores.insert(0, p(ev.total_line, "score"))
    out.append(Relation("E-total", Severity.ERROR, (ev.total_cell().place, *scores)))
    return out


def _cell(obj: Any, place: Place) -> Any:
    """The :class:`~govfin.findings.Cell` of ``obj`` (table or 绩效自评) at ``place``."""
    assert place.row is not None and place.column is not None
    if isinstance(obj, Table):
        return obj.cell(place.row, place.column)

    if place.row == "总分" and place.column == "得分":
        return obj.total_cell()
    attr = {label: a for a, label in FUND_COLUMNS.items()}.get(place.column)
    for line in obj.funds:
        if line.source == place.row and attr is not None:
            return obj.fund_cell(line, attr)
    for ind in obj.indicators:
        if ind.name == place.row:
            return obj.indicator_cell(ind, "score" if place.column == "得分" else "weight")
    raise NotFoundError(f"no cell at {place}")


def _width(obj: Any, rel: Relation) -> Decimal:
    """Twice the slack of a relation: Σ last-place units of its non-blank cells."""
    width = Decimal(0)
    for pl in rel.places:
        cell = _cell(obj, pl)
        if cell.value is not None:
            width += cell.unit
    return width


def guarded_places(obj: Any) -> list[Place]:
    """Non-blank cells of ``obj`` (table or 绩效自评) that an error-severity equation reads."""
    seen: dict[Place, None] = {}
    for rel in relations(obj):
        if rel.severity is not Severity.ERROR:
            continue
        for pl in rel.places:
            if _cell(obj, pl).value is not None:
                seen.setdefault(pl)
    return list(seen)


def detection_bound(obj: Any, place: Place) -> Decimal:
    """The largest move of the cell at ``place`` that some equation may still absorb.

    For each equation reading the cell, twice its slack (Σ of the last-place units of its
    non-blank cells); the maximum over those equations.  Moving the cell by strictly more
    breaks every one of them, whatever residue it held before.
    """
    widths = [_width(obj, r) for r in relations(obj) if place in r.places]
    return max(widths, default=Decimal(0))


class Mutation(NamedTuple):
    """A consistent object with one cell moved: ``(obj, place, delta)``."""

    obj: Any
    place: Place
    delta: Decimal


def _move(obj: Any, place: Place, delta: Decimal) -> Any:
    """``obj`` with the value at ``place`` moved by ``delta``."""
    if isinstance(obj, Table):
        rows = []
        for r in obj.rows:
            if r.key == place.row:
                old = r.values[place.column]  # type: ignore[index]
                assert old is not None
                column = str(place.column)
                r = attrs.evolve(r, values={**r.values, column: old + delta})
            rows.append(r)
        return attrs.evolve(obj, rows=tuple(rows))

    if place.row == "总分":
        return attrs.evolve(obj, total_score=obj.total_score + delta)
    attr = {label: a for a, label in FUND_COLUMNS.items()}.get(place.column or "")
    funds = tuple(
        attrs.evolve(f, **{attr: getattr(f, attr) + delta})
        if attr is not None and f.source == place.row
        else f
        for f in obj.funds
    )
    indicators = tuple(
        attrs.evolve(i, score=i.score + delta) if i.name == place.row else i for i in obj.indicators
    )
    return attrs.evolve(obj, funds=funds, indicators=indicators)


def _index(n: int) -> st.SearchStrategy[int]:
    """An index below ``n``, about uniform: drawn from a wide range, modulo ``n`` (a plain
    ``sampled_from`` favours the first items, here the 合计 rows and 公开01表)."""
    return st.integers(0, 2**16).map(lambda k: k % n)


@st.composite
def _one_mutation(draw: Draw, obj: Any, max_steps: int) -> Mutation:
    places = guarded_places(obj)
    if not places:
        draw(st.nothing())
    place = places[draw(_index(len(places)))]
    unit = _cell(obj, place).unit
    bound = detection_bound(obj, place)
    steps = draw(st.integers(1, max_steps))
    sign = draw(st.sampled_from([1, -1]))
    delta = sign * (bound + steps * unit) if unit else Decimal(sign * steps)
    return Mutation(_move(obj, place, delta), place, delta)


def mutations(obj: Any, *, max_steps: int = 1000) -> st.SearchStrategy[Mutation]:
    """Move one guarded non-blank cell of a consistent table, 绩效自评 or disclosure beyond
    detection.

    The cell is one that an error-severity equation reads (:func:`guarded_places`); it moves
    by ``±(detection_bound + k·unit)``, ``1 ≤ k ≤ max_steps`` (by a whole number for counts),
    so every equation reading it must break.  In a disclosure the cell is in one of its tables
    or evaluations.  Strategy of :class:`Mutation`; nothing can be drawn (the example is
    rejected) for an object with no guarded cell, e.g. an empty table.
    """
    if not hasattr(obj, "check_parts"):
        return _one_mutation(obj, max_steps)
    parts = [x for x in obj.check_parts() if guarded_places(x)]
    if not parts:
        return st.nothing()

    def rebuild(m: Mutation, index: int) -> Mutation:
        original = parts[index]
        field = "tables" if isinstance(original, Table) else "evaluations"
        new = tuple(m.obj if x is original else x for x in getattr(obj, field))
        return Mutation(attrs.evolve(obj, **{field: new}), m.place, m.delta)

    return _index(len(parts)).flatmap(
        lambda i: _one_mutation(parts[i], max_steps).map(lambda m: rebuild(m, i))
    )


def mutate_cell(draw: Draw, obj: Any, *, max_steps: int = 1000) -> Mutation:
    """``draw(mutations(obj))``: for use inside ``@st.composite`` or with ``data.draw``."""
    return draw(mutations(obj, max_steps=max_steps))  # type: ignore[no-any-return]
