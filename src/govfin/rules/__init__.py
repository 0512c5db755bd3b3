"""Rules: the registry of checks, and the engine that runs them into a Report.

Rules are data (:class:`Rule`, with a stable id) registered in :data:`REGISTRY`; the
arithmetic of every rule goes through :class:`Context`, so one tolerance model judges all.
"""

from govfin.rules import budget as _budget  # noqa: F401  (registers the 预算 rules)
from govfin.rules.engine import CheckOptions, Context, check, holds_exactly
from govfin.rules.registry import REGISTRY, Registry, Rule, RuleError, rule

__all__ = [
    "REGISTRY",
    "CheckOptions",
    "Context",
    "Registry",
    "Rule",
    "RuleError",
    "check",
    "holds_exactly",
    "rule",
]
