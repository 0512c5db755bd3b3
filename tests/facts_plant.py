"""Planting a realistic mistake in a copy of the seed, for the tests of issue 15 (test_facts_*).

:func:`planted` rewrites the seed's 情况说明 (each ``(old, new)`` replaces one printed passage,
which must occur exactly once) and keeps every source line number; :func:`run` checks a
disclosure with chosen rules only; :func:`bad` lists its errors and warnings.  Table cells are
changed with :func:`seed_disclosure.edit`::

    from facts_plant import planted, run, bad   # tests/ is on sys.path
"""

from __future__ import annotations

import attrs
import golden
from seed_disclosure import seed_disclosure

from govfin.disclosure import Disclosure, Narrative
from govfin.findings import Place, Report, Severity
from govfin.rules import REGISTRY, check

__all__ = ["bad", "narrative_of", "planted", "run"]


def narrative_of(*edits: tuple[str, str]) -> Narrative:
    """The seed's 情况说明 with each printed ``old`` replaced by ``new`` (line numbers kept as
    long as ``new`` adds no line break)."""
    lines = golden.LINES
    body = "\n".join(lines[golden.NARRATIVE_LINE : golden.GLOSSARY_HEADING_LINE - 1])
    for old, new in edits:
        count = body.count(old)
        if count != 1:
            raise AssertionError(f"{old!r} occurs {count} times in the seed's 情况说明, not once")
        body = body.replace(old, new)
    n = Narrative.from_text(body, first_line=golden.NARRATIVE_LINE + 1)
    seed = seed_disclosure().narrative
    return Narrative(n.sections, glossary=seed.glossary, glossary_line=seed.glossary_line)


def planted(*edits: tuple[str, str], d: Disclosure | None = None) -> Disclosure:
    """The seed (or ``d``) with its narrative edited as :func:`narrative_of` says."""
    return attrs.evolve(d or seed_disclosure(), narrative=narrative_of(*edits))


def run(d: Disclosure, *rule_ids: str) -> Report:
    """Exactly the rules ``rule_ids`` (``select=`` would take X1 as a prefix of X10–X12)."""
    return check(d, rules=[REGISTRY.get(r) for r in rule_ids])


def bad(report: Report) -> set[tuple[str, Severity, Place | None]]:
    """(rule, severity, place) of the errors and warnings."""
    return {(f.rule_id, f.severity, f.place) for f in report if f.severity is not Severity.INFO}
