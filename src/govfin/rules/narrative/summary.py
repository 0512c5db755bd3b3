"""How many claims of the narrative a report checked, and with what outcome.

The line ``govfin check`` prints last: "109 claim(s): 82 checked (79 agree, 3 contradicted),
27 not checkable".
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import attrs

from govfin.findings import Finding, Report, Severity
from govfin.narrative import NARRATIVE_TABLE

__all__ = ["CLAIM_RULES", "ClaimSummary", "claim_summary"]


# -- summary ---------------------------------------------------------------------------------

#: Rules whose findings are about claims (one place per claim).
CLAIM_RULES = (
    "X12", "N-share", "N-share-sum", "N-change", "N-zero-base", "N-completion", "N-perf", "N-perf-funds",
    "N-plan", "N-plan-funds", "N-unchecked",
)  # fmt: skip


@attrs.frozen
class ClaimSummary:
    """How many claims of the narrative were checked, and with what outcome."""

    claims: int
    agreed: int
    contradicted: int
    unverifiable: int

    @property
    def checked(self) -> int:
        return self.agreed + self.contradicted

    def __str__(self) -> str:
        return (
            f"{self.claims} claim(s): {self.checked} checked ({self.agreed} agree, "
            f"{self.contradicted} contradicted), {self.unverifiable} not checkable"
        )


def _claim_findings(report: Report | Iterable[Finding]) -> Iterator[Finding]:
    for f in report:
        if f.rule_id in CLAIM_RULES and f.place is not None and f.table == NARRATIVE_TABLE:
            yield f


def claim_summary(report: Report | Iterable[Finding]) -> ClaimSummary:
    """Count the claims of a report's narrative findings: contradicted (any error or warning),
    agreed (checked, none contradicting), not checkable (only ``N-unchecked``)."""
    groups: dict[tuple[str | None, str | None, int | None], list[Finding]] = {}
    for f in _claim_findings(report):
        assert f.place is not None
        groups.setdefault((f.place.row, f.place.column, f.place.line), []).append(f)
    agreed = contradicted = unverifiable = 0
    for items in groups.values():
        if any(f.severity is not Severity.INFO for f in items):
            contradicted += 1
        elif any(f.rule_id != "N-unchecked" for f in items):
            agreed += 1
        else:
            unverifiable += 1
    return ClaimSummary(len(groups), agreed, contradicted, unverifiable)
