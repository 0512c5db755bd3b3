"""The rule registry: every check govfin runs, as data with a stable id.

A :class:`Rule` has an id (``"R02-1"``), Chinese and English titles, a category, a default
severity, the table kinds it reads, the type of object it applies to, and a function.  The
functions live in the modules listed in :data:`BUILTIN_RULE_MODULES`, which register them in
:data:`REGISTRY` when :mod:`govfin.rules` is imported (not at ``import govfin``).  A
:class:`Registry` of one's own may name modules to import the first time it is consulted.
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Callable, Iterator
from typing import Any

import attrs

from govfin._lazy import frozen
from govfin.errors import GovfinError
from govfin.findings import Category, Severity

__all__ = ["BUILTIN_RULE_MODULES", "REGISTRY", "Registry", "Rule", "RuleError", "rule"]

#: Modules whose import registers the built-in rules (imported by :mod:`govfin.rules`).
BUILTIN_RULE_MODULES: tuple[str, ...] = (
    "govfin.rules.tables",
    "govfin.rules.cross",
    "govfin.rules.evaluation",
    "govfin.rules.narrative",
    "govfin.rules.years",
)

#: ``func(subject, ctx)``: ``ctx`` is a :class:`govfin.rules.engine.Context` (the engine sits
#: above the registry, so the type is not named here).
RuleFunc = Callable[[Any, Any], None]


class RuleError(GovfinError, LookupError):
    """An unknown rule id, or a rule registered twice."""


@frozen
class Rule:
    """One check.  ``subject`` is the type of object ``func(subject, ctx)`` is run on."""

    id: str
    title_zh: str
    title_en: str
    category: Category
    severity: Severity
    tables: tuple[str, ...]
    subject: type
    func: RuleFunc = attrs.field(eq=False, repr=False)
    #: Where the relation comes from (an official document, or the table layout it follows).
    source: str = ""
    #: Why the rule was added, or why its default severity changed, and when (the catalogue's
    #: "Changes" section lists every rule that has one).
    changed: str = ""

    @property
    def doc(self) -> str:
        return (self.func.__doc__ or "").strip()


class Registry:
    """A set of rules, indexed by id and by subject type."""

    def __init__(self, modules: tuple[str, ...] = ()):
        self._rules: dict[str, Rule] = {}
        self._modules = modules
        self._loaded = not modules
        self._lock = threading.RLock()
        self._by_type: dict[type, tuple[Rule, ...]] = {}

    def _ensure_loaded(self) -> None:
        if self._loaded:
            return
        with self._lock:
            if self._loaded:
                return
            self._loaded = True
            for name in self._modules:
                try:
                    importlib.import_module(name)
                except ModuleNotFoundError as exc:
                    if exc.name != name:
                        raise

    def register(self, r: Rule) -> Rule:
        with self._lock:
            if r.id in self._rules:
                raise RuleError(f"rule {r.id!r} registered twice")
            self._rules[r.id] = r
            self._by_type.clear()
        return r

    def __iter__(self) -> Iterator[Rule]:
        self._ensure_loaded()
        return iter(sorted(self._rules.values(), key=lambda r: r.id))

    def __len__(self) -> int:
        self._ensure_loaded()
        return len(self._rules)

    def __contains__(self, rule_id: object) -> bool:
        self._ensure_loaded()
        return rule_id in self._rules

    def get(self, rule_id: str) -> Rule:
        self._ensure_loaded()
        try:
            return self._rules[rule_id]
        except KeyError:
            raise RuleError(f"no rule with id {rule_id!r}") from None

    def filter(
        self,
        *,
        category: Category | None = None,
        table: str | None = None,
        prefix: str | None = None,
        severity: Severity | None = None,
    ) -> list[Rule]:
        """Rules matching every given criterion, in id order."""
        return [
            r
            for r in self
            if (category is None or r.category is category)
            and (table is None or table in r.tables)
            and (prefix is None or r.id.startswith(prefix))
            and (severity is None or r.severity is severity)
        ]

    def for_type(self, t: type) -> tuple[Rule, ...]:
        """The rules that apply to objects of type ``t`` (cached per type)."""
        self._ensure_loaded()
        try:
            return self._by_type[t]
        except KeyError:
            pass
        with self._lock:
            rules = tuple(r for r in self if issubclass(t, r.subject))
            self._by_type[t] = rules
            return rules


#: The registry of govfin's built-in rules.
REGISTRY = Registry()


def rule(
    id: str,
    *,
    zh: str,
    en: str,
    category: Category,
    subject: type,
    tables: tuple[str, ...] = (),
    severity: Severity = Severity.ERROR,
    source: str = "",
    changed: str = "",
    registry: Registry = REGISTRY,
) -> Callable[[RuleFunc], RuleFunc]:
    """Decorator registering ``func`` as a rule."""

    def deco(func: RuleFunc) -> RuleFunc:
        registry.register(
            Rule(
                id=id,
                title_zh=zh,
                title_en=en,
                category=category,
                severity=severity,
                tables=tables,
                subject=subject,
                func=func,
                source=source,
                changed=changed,
            )
        )
        return func

    return deco
