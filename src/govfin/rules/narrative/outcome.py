"""The outcome of one check of one claim (:class:`Assessment`, :class:`Status`): what every
narrative check (:mod:`~govfin.rules.narrative.assess`, :mod:`~govfin.rules.narrative.perf`)
produces and :mod:`~govfin.rules.narrative.checks` reports."""

from __future__ import annotations

import enum
from decimal import Decimal

import attrs

from govfin.amounts import Comparison
from govfin.findings import Place
from govfin.narrative import Claim

__all__ = ["Assessment", "Status", "compared"]


class Status(enum.Enum):
    """The outcome of one check of one claim."""

    AGREES = "checked: agrees"
    CONTRADICTED = "contradicted"
    UNCHECKABLE = "not checkable"


@attrs.frozen
class Assessment:
    """One check of one claim: which rule, the outcome and the figures compared."""

    claim: Claim
    rule_id: str
    status: Status
    message: str
    expected: Decimal | None = None
    actual: Decimal | None = None
    difference: Decimal | None = None
    slack: Decimal | None = None
    cells: tuple[Place, ...] = ()


def compared(cmp: Comparison) -> dict[str, Decimal]:
    """The fields of an Assessment (and Finding) that report a comparison."""
    return {
        "expected": cmp.expected,
        "actual": cmp.actual,
        "difference": cmp.difference,
        "slack": cmp.slack,
    }
