"""Whole consistent disclosures (:func:`disclosures`) and :func:`false_alarms`, the findings a
consistent object must not get.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import ROUND_HALF_UP
from typing import Any

import attrs
from hypothesis import strategies as st

from govfin.amounts import Unit
from govfin.findings import Severity
from govfin.strategies._base import Draw
from govfin.strategies._evaluations import evaluations
from govfin.strategies._narratives import narratives
from govfin.strategies._tables import ledgers


@st.composite
def disclosures(
    draw: Draw,
    *,
    year: int | None = None,
    unit: Unit | None = None,
    min_leaves: int = 0,
    max_leaves: int = 30,
    with_evaluations: bool = True,
    max_evaluations: int = 2,
    with_narrative: bool = True,
    rounding: str = ROUND_HALF_UP,
    mixed_units: bool = True,
) -> Any:
    """A consistent :class:`~govfin.disclosure.Disclosure`: the ten tables of one
    :func:`ledgers` draw (so X1–X11 hold by construction) and, when ``with_evaluations``, up
    to ``max_evaluations`` consistent 绩效自评 (:func:`evaluations`) of the same department;
    when ``with_narrative``, a 情况说明 restating the tables (:func:`narratives`, so X12 and the
    N-* rules are exercised too).  ``rounding``, ``unit`` and ``mixed_units`` are as for
    :func:`ledgers`."""
    ld = draw(
        ledgers(
            year=year,
            unit=unit,
            min_leaves=min_leaves,
            max_leaves=max_leaves,
            rounding=rounding,
            mixed_units=mixed_units,
        )
    )
    evals: list[Any] = []
    if with_evaluations and max_evaluations > 0:
        evals = draw(
            st.lists(
                evaluations(year=ld.year, department=ld.department, rounding=rounding),
                max_size=max_evaluations,
                unique_by=lambda e: e.project,
            )
        )
    d = ld.disclosure(evaluations=evals)
    if with_narrative:
        d = attrs.evolve(d, narrative=draw(narratives(d, rounding=rounding)))
    return d


def false_alarms(report: Iterable[Any]) -> list[Any]:
    """The findings of ``report`` that a consistent object must not get: every error and
    warning, and every info whose ``|difference|`` exceeds its ``slack`` (a "rounding residue"
    beyond the tolerance).  ``assert not false_alarms(govfin.check(obj))``."""
    out = []
    for f in report:
        beyond = f.slack is not None and f.difference is not None and abs(f.difference) > f.slack
        if f.severity is not Severity.INFO or beyond:
            out.append(f)
    return out
