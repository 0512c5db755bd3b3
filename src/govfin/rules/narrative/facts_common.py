"""What the rules over whole sentences of the 情况说明 (issue 15) share: their registration,
the table figure a claim names and how a restated figure compares with it, message helpers.

Used by :mod:`govfin.rules.narrative.facts` and :mod:`govfin.rules.narrative.stale_year`.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from govfin.amounts import Comparison
from govfin.disclosure import Disclosure
from govfin.figures import Figure, Resolver, scope_of
from govfin.findings import Place, Severity
from govfin.narrative import NARRATIVE_TABLE, AmountClaim, Claim, CountClaim, Quantity
from govfin.narrative.text import Sentence
from govfin.rules.engine import Context
from govfin.rules.narrative.rule import narrative_rule
from govfin.rules.registry import RuleFunc
from govfin.rules.years import document_year

__all__ = [
    "at", "fmt", "narrative_rule", "quantity", "resolver", "same_figure", "table_figure",
    "year_of",
]  # fmt: skip

_ISSUE = "2026 (issue 15, mistakes that were missed): "


def at(line: int | None) -> str:
    """The suffix naming a source line in a message: ' (line 12)', or '' for none."""
    return f" (line {line})" if line is not None else ""


def sentence_place(s: Sentence, text: str, index: int) -> Place:
    """Where ``text``, printed at ``index`` of sentence ``s``, stands: the narrative, the
    sentence's section, ``text`` as the column, the source line of ``index``."""
    return Place(NARRATIVE_TABLE, s.section or None, text, s.line_at(index))


def fmt(v: Decimal) -> str:
    """A decimal as printed, never in exponent form."""
    return f"{v:f}"


def issue_rule(
    id: str, zh: str, en: str, severity: Severity, source: str, changed: str
) -> Callable[[RuleFunc], RuleFunc]:
    """:func:`~govfin.rules.narrative.rule.narrative_rule` for a rule of issue 15 (``changed``
    gets the issue's prefix)."""
    return narrative_rule(id, zh, en, severity, source=source, changed=_ISSUE + changed)


#: Key in a check run's :attr:`Context.cache` of the run's :class:`Resolver` of the disclosure
#: (kept with the run, not with the disclosure: a resolver refers to its disclosure, and a
#: disclosure's memo referring back to it would keep it alive until the cycle collector runs).
_RESOLVER = "narrative.resolver"


def resolver(d: Disclosure, ctx: Context) -> Resolver:
    """The one :class:`Resolver` of ``d`` in this check run: the assessment and the rules over
    whole sentences resolve the same subjects, so each is resolved once."""
    found = ctx.cache.get(_RESOLVER)
    if found is None or found.d is not d:
        found = ctx.cache[_RESOLVER] = Resolver(d)
    return found


#: Key in :meth:`Disclosure.derived` of the disclosure's year (:func:`document_year`).
_YEAR = "narrative.document_year"


def year_of(d: Disclosure) -> int | None:
    """:func:`~govfin.rules.years.document_year` of ``d``, found once and kept with it (N-year,
    N-direction, N-stale-year and a budget's assessment each ask for it)."""
    memo = d.derived()
    found = memo.get(_YEAR)
    if found is None:
        found = memo[_YEAR] = (document_year(d),)
    return found[0]


def table_figure(
    resolve: Resolver, d: Disclosure, c: Claim, attribute: str | None
) -> Figure | None:
    """The table figure a claim names in its section (None when the tables lack it)."""
    fig = resolve(c.subject, scope_of(c.section, "预算" if d.kind == "预算" else "决算"), attribute)
    return None if fig is None or fig.missing or not fig.cells else fig


def same_figure(ctx: Context, value: Decimal, unit: Decimal, fig: Figure) -> Comparison:
    """``value`` (printed to last place ``unit``) against a table figure (:meth:`Figure.judge`
    under the check's tolerance)."""
    return fig.judge(ctx.tolerance, value, unit)


def quantity(c: Claim) -> Quantity | None:
    """The amount or count a claim states, or None."""
    if isinstance(c, AmountClaim):
        return c.amount
    if isinstance(c, CountClaim):
        return c.count
    return None
