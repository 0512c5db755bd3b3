"""The decorator every narrative rule registers with: category 情况说明, subject Disclosure, and
the narrative's table among the tables it reads (so a 情况说明 not read whole withholds it)."""

from __future__ import annotations

from collections.abc import Callable

from govfin.disclosure import Disclosure
from govfin.findings import Category, Severity
from govfin.narrative import NARRATIVE_TABLE
from govfin.rules.registry import RuleFunc, rule

__all__ = ["narrative_rule"]


def narrative_rule(
    id: str,
    zh: str,
    en: str,
    severity: Severity = Severity.ERROR,
    tables: tuple[str, ...] = (),
    source: str = "the 情况说明 restates the tables and the 自评表",
    changed: str = "",
) -> Callable[[RuleFunc], RuleFunc]:
    """Register a rule over the narrative (and ``tables`` besides)."""
    return rule(
        id,
        zh=zh,
        en=en,
        category=Category.NARRATIVE,
        subject=Disclosure,
        tables=(NARRATIVE_TABLE, *tables),
        severity=severity,
        source=source,
        changed=changed,
    )
