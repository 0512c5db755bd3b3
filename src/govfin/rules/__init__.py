"""Rules: the registry of checks, and the engine that runs them into a Report.

Rules are data (:class:`Rule`, with a stable id) registered in :data:`REGISTRY`; the
arithmetic of every rule goes through :class:`Context`, so one tolerance model judges all.

Inside the package, from the bottom up: ``registry`` (Rule, Registry), ``engine`` (Context,
check), the rule modules ``tables``, ``evaluation``, ``cross``, ``narrative``, ``years`` (each
registers its rules), and ``catalogue`` (docs/rules.md from the registry).
"""

# The built-in rules (registry.BUILTIN_RULE_MODULES), registered in REGISTRY on import.  Every
# import of a govfin.rules module runs this file first, so REGISTRY is never seen half filled.
from govfin.rules import budget, cross, evaluation, narrative, reading, tables, years  # noqa: F401
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
