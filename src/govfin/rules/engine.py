"""The check engine: runs the registry's rules over tables, evaluations or a whole disclosure.

``check(obj)`` returns a :class:`~govfin.findings.Report` of every finding.  Rules do their
arithmetic through :class:`Context`, so that every equation in govfin is judged by the same
tolerance model (:class:`~govfin.amounts.Tolerance`) and reported in the same form.

*Withholding*: a finding never rests on a part of a document the reader did not read whole.
A Disclosure's ``read_problems`` name those parts (:class:`~govfin.findings.Span`); a finding
whose place, cells or fix lie in one is withheld (:class:`~govfin.findings.Withheld`, listed in
``Report.withheld``), and so is every finding of a rule that counts the document's parts
(:data:`COUNTING`) when the document's end was not read.  The read problems' own rules
(``READ-…``, :mod:`govfin.rules.reading`) run last, so that each can say what it withheld,
and are reported first.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from typing import Any

import attrs

from govfin import codes
from govfin._lazy import frozen
from govfin.amounts import ZERO, Comparison, Tolerance
from govfin.errors import ArgumentTypeError, ArgumentValueError
from govfin.findings import Cell, Finding, Place, ReadProblem, Report, Severity, Withheld
from govfin.rules.registry import REGISTRY, Registry, Rule

__all__ = ["COUNTING", "READING", "CheckOptions", "Context", "check", "holds_exactly", "withhold"]

#: Id prefix of the rules that report read problems (:mod:`govfin.rules.reading`).
READING = "READ-"

#: Rules whose findings count the document's parts — its tables (K-missing), its 自评表 and
#: 绩效目标表 (N-perf…, N-plan…: the narrative's counts against what is attached), or say a
#: figure is nowhere to be found (N-unchecked): a document whose end was not read cannot be
#: counted.
COUNTING = ("K-missing", "B-K-missing", "N-perf", "N-plan", "N-unchecked")


def _prefixes(value: str | Iterable[str]) -> tuple[str, ...]:
    """Rule-id prefixes as a tuple: one string, or any iterable of strings."""
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, Iterable):
        raise ArgumentTypeError(f"rule-id prefixes: a string or strings, not {value!r}")
    out = tuple(value)
    for p in out:
        if not isinstance(p, str):
            raise ArgumentTypeError(f"rule-id prefixes must be strings, got {p!r}")
    return out


def _severity_map(
    value: Mapping[str, Severity | str | None],
) -> Mapping[str, Severity | None]:
    """Rule id -> severity (a :class:`Severity`, its value ``"error"``…, or None: off)."""
    if not isinstance(value, Mapping):
        raise ArgumentTypeError(
            "severity must map rule ids to a Severity (or 'error', 'warning', 'info', or None "
            f"to switch the rule off), not {type(value).__name__} {value!r}"
        )
    out: dict[str, Severity | None] = {}
    for k, v in value.items():
        if not isinstance(k, str):
            raise ArgumentTypeError(f"severity: rule ids are strings, got {k!r}")
        if isinstance(v, str):
            try:
                v = Severity(v)
            except ValueError:
                raise ArgumentValueError(
                    f"severity of {k}: {v!r} is not one of 'error', 'warning', 'info'"
                ) from None
        elif v is not None and not isinstance(v, Severity):
            raise ArgumentTypeError(f"severity of {k}: expected a Severity or None, got {v!r}")
        out[k] = v
    return out


def _is(kind: type | tuple[type, ...], what: str) -> Any:
    """An attrs validator: the value is an instance of ``kind`` (a typed error otherwise)."""

    def validate(_: Any, __: Any, value: Any) -> None:
        if not isinstance(value, kind):
            raise ArgumentTypeError(f"{what}, not {type(value).__name__} {value!r}")

    return validate


def _edition(_: Any, __: Any, value: object) -> None:
    if value is not None:
        codes.require_edition(value)  # the refusal of the command line's --edition


def _classes(value: object) -> tuple[str, ...]:
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise ArgumentTypeError(f"personnel_classes must be economic 类 codes, not {value!r}")
    out = tuple(value)
    if not all(isinstance(c, str) for c in out):
        raise ArgumentTypeError(f"personnel_classes must be strings like '301', got {out!r}")
    return out


@frozen
class CheckOptions:
    """Settings of one check run.

    - ``tolerance``: the tolerance model (default: values rounded to their last place).
    - ``edition``: the classification edition to check codes against (default: the
      document's year).
    - ``severity``: per-run overrides by rule id; ``None`` switches a rule off.
    - ``select`` / ``ignore``: rule-id prefixes to run / to skip (a string or an iterable).
    - ``personnel_classes``: economic 类 counted as 人员经费 in 公开06表 (the rest is 公用经费).
    - ``extra``: options for rule families (e.g. the 绩效自评 scoring scheme under ``"scheme"``).
    """

    tolerance: Tolerance = attrs.field(
        factory=Tolerance,
        validator=_is(Tolerance, "tolerance must be a govfin.Tolerance (e.g. "
                      "Tolerance(absolute=Decimal('0.01')))"),
    )
    edition: int | None = attrs.field(default=None, validator=_edition)
    severity: Mapping[str, Severity | None] = attrs.field(factory=dict, converter=_severity_map)
    select: tuple[str, ...] = attrs.field(default=(), converter=_prefixes)
    ignore: tuple[str, ...] = attrs.field(default=(), converter=_prefixes)
    personnel_classes: tuple[str, ...] = attrs.field(default=("301", "303"), converter=_classes)
    extra: Mapping[str, Any] = attrs.field(
        factory=dict, validator=_is(Mapping, "extra must be a mapping")
    )

    def wants(self, r: Rule) -> bool:
        if self.select and not r.id.startswith(self.select):
            return False
        if self.ignore and r.id.startswith(self.ignore):
            return False
        return self.severity.get(r.id, r.severity) is not None

    def severity_of(self, r: Rule) -> Severity:
        s = self.severity.get(r.id, r.severity)
        assert s is not None
        return s


class Context:
    """What a rule function sees: the options, and ways to report findings."""

    def __init__(self, options: CheckOptions):
        self.options = options
        self.tolerance = options.tolerance
        self.findings: list[Finding] = []
        self._rule: Rule | None = None
        self._severity: Severity | None = None
        #: The enclosing document (a Disclosure) when checking one, else None.
        self.document: Any = None
        #: Per-run memo for work several rules share (e.g. the narrative's assessment),
        #: keyed by a name of the rule module's choosing.
        self.cache: dict[str, Any] = {}
        #: The findings withheld so far (set before the READ- rules run).
        self.withheld: list[Withheld] = []

    @property
    def rule(self) -> Rule | None:
        """The rule being run (set by :meth:`start`)."""
        return self._rule

    @property
    def severity(self) -> Severity | None:
        """The severity the current rule's findings get in this run."""
        return self._severity

    def start(self, r: Rule | None, severity: Severity | None = None) -> None:
        """Make ``r`` the current rule (``None`` when no rule runs); its findings get
        ``severity`` (default: the run's severity for ``r``)."""
        self._rule = r
        if r is not None and severity is None:
            severity = self.options.severity_of(r)
        self._severity = severity

    def emit(
        self,
        message: str,
        *,
        place: Place | None = None,
        severity: Severity | None = None,
        expected: Decimal | None = None,
        actual: Decimal | None = None,
        difference: Decimal | None = None,
        slack: Decimal | None = None,
        cells: Sequence[Place] = (),
        fix: Place | None = None,
        fix_value: Decimal | None = None,
    ) -> Finding:
        """Report a finding of the current rule (at the rule's severity unless given)."""
        rule = self._rule
        assert rule is not None and self._severity is not None, "emit() outside a rule"
        f = Finding(
            rule_id=rule.id,
            severity=severity if severity is not None else self._severity,
            category=rule.category,
            message=message,
            place=place,
            expected=expected,
            actual=actual,
            difference=difference,
            slack=slack,
            cells=tuple(cells),
            fix=fix,
            fix_value=fix_value,
        )
        self.findings.append(f)
        return f

    def equation(
        self,
        total: Cell,
        plus: Sequence[Cell],
        minus: Sequence[Cell] = (),
        *,
        what: str,
    ) -> Comparison | None:
        """Judge ``total = Σ plus − Σ minus`` and report it.

        Nothing is reported when it holds exactly or when every cell is blank; a rounding
        residue is reported at severity info; a break at the rule's severity.
        Returns the comparison (``None`` when every cell was blank).
        """
        cells = (total, *plus, *minus)
        for c in cells:
            if c.value is not None:
                break
        else:
            return None  # every cell blank
        parts = [(1, c.value) for c in plus]
        units = [c.unit for c in plus]
        if minus:
            parts += [(-1, c.value) for c in minus]
            units += [c.unit for c in minus]
        cmp = self.tolerance.compare(
            total.value, parts, total.unit, units=units, total_unit=total.unit
        )
        if cmp.difference == 0:
            return cmp
        places = [c.place for c in cells]
        if cmp.consistent:
            self.emit(
                f"{what}: rounding residue (尾数误差) within the slack",
                place=total.place,
                severity=Severity.INFO,
                expected=cmp.expected,
                actual=cmp.actual,
                difference=cmp.difference,
                slack=cmp.slack,
                cells=places,
            )
        else:
            self.emit(
                f"{what} does not hold",
                place=total.place,
                expected=cmp.expected,
                actual=cmp.actual,
                difference=cmp.difference,
                slack=cmp.slack,
                cells=places,
            )
        return cmp

    def at_most(self, small: Cell, big: Cell, *, what: str) -> bool:
        """Judge ``small <= big`` (within the tolerance) and report a break."""
        if small.value is None and big.value is None:
            return True
        a = small.value if small.value is not None else Decimal(0)
        b = big.value if big.value is not None else Decimal(0)
        # small <= big holds when small's interval reaches down to big's interval.
        cmp = self.tolerance.compare(
            b, [(1, a)], big.unit, units=[small.unit], total_unit=big.unit
        )
        if a <= b or cmp.consistent:
            return True
        self.emit(
            f"{what} does not hold",
            place=small.place,
            expected=b,
            actual=a,
            difference=a - b,
            slack=cmp.slack,
            cells=[small.place, big.place],
        )
        return False


def holds_exactly(
    total: Decimal | None, plus: Iterable[Decimal | None], minus: Iterable[Decimal | None] = ()
) -> bool:
    """True when ``total = Σ plus − Σ minus`` holds to the last digit (blank = 0).

    :meth:`Context.equation` reports nothing for such a relation, so a rule may test the raw
    values first and build cells (with their places) only for a relation that differs — a
    residue or a break, which the tolerance model then judges.  Most relations of a real
    document hold exactly; this keeps a check cheap.
    """
    expected = ZERO
    for v in plus:
        if v is not None:
            expected += v
    for v in minus:
        if v is not None:
            expected -= v
    return (total if total is not None else ZERO) == expected


def _subjects(obj: Any) -> Iterator[Any]:
    """The object, preceded by its parts (a Disclosure's tables and evaluations)."""
    if isinstance(obj, (list, tuple)):
        for item in obj:
            yield from _subjects(item)
        return
    if _has_parts(obj):
        for p in obj.check_parts():
            yield from _subjects(p)
    yield obj


def _has_parts(obj: Any) -> bool:
    """Whether ``obj`` has parts to check first (a ``check_parts`` method).

    Asked of the class: on an instance, a missing attribute can be slow to miss (attrs gives a
    class with a cached property a ``__getattr__``)."""
    return callable(getattr(type(obj), "check_parts", None))


_OPTION_NAMES = tuple(a.name for a in attrs.fields(CheckOptions))


def _options(options: CheckOptions | None, kwargs: Mapping[str, Any]) -> CheckOptions:
    """The run's options: ``options``, with ``kwargs`` on top; unknown names are an error."""
    if options is not None and not isinstance(options, CheckOptions):
        raise ArgumentTypeError(f"options must be a CheckOptions, not {type(options).__name__}")
    unknown = sorted(set(kwargs) - set(_OPTION_NAMES))
    if unknown:
        raise ArgumentTypeError(
            f"check: unknown option(s) {', '.join(unknown)}; options are "
            f"{', '.join(_OPTION_NAMES)}"
        )
    if options is None:
        return CheckOptions(**kwargs)
    return attrs.evolve(options, **kwargs) if kwargs else options


def _checkable(obj: Any, registry: Registry) -> bool:
    return _has_parts(obj) or bool(registry.for_type(type(obj)))


def _check_subject(obj: Any, registry: Registry) -> None:
    """``obj`` is something the rules check (a list: each item is); else a typed error —
    never a clean report of nothing (``check(None)``, ``check("some text")``)."""
    items = obj if isinstance(obj, (list, tuple)) else (obj,)
    for item in items:
        if isinstance(item, (list, tuple)):
            _check_subject(item, registry)
        elif not _checkable(item, registry):
            hint = (
                "; read a text first (govfin.read_text(text).disclosure)"
                if isinstance(item, (str, bytes))
                else ""
            )
            raise ArgumentTypeError(
                f"check: nothing checks a {type(item).__name__}; pass a Disclosure, a table, a "
                f"ProjectEvaluation, or a list of these{hint}"
            )


def _check_rule_ids(options: CheckOptions, registry: Registry) -> None:
    """Every prefix of ``select``/``ignore`` and every id of ``severity`` names a rule of the
    registry: a typo would otherwise check nothing (or everything) in silence."""
    ids = [r.id for r in registry] if options.select or options.ignore else []
    for name, prefixes in (("select", options.select), ("ignore", options.ignore)):
        for p in prefixes:
            if not any(i.startswith(p) for i in ids):
                raise ArgumentValueError(
                    f"{name}: {p!r} matches no rule id (see govfin.REGISTRY or docs/rules.md)"
                )
    for rule_id in options.severity:
        if rule_id not in registry:
            raise ArgumentValueError(f"severity: no rule with id {rule_id!r}")


def check(
    obj: Any,
    *,
    options: CheckOptions | None = None,
    registry: Registry = REGISTRY,
    rules: Iterable[Rule] | None = None,
    **kwargs: Any,
) -> Report:
    """Run every applicable rule on ``obj`` and return a :class:`Report` of all findings.

    ``obj`` is a table, a self-evaluation, a Disclosure (its tables, evaluations, narrative and
    cross-table relations are all checked), or a list of these.  Keyword arguments build the
    :class:`CheckOptions` when ``options`` is not given (``check(t, edition=2025)``).
    """
    options = _options(options, kwargs)
    _check_subject(obj, registry)
    _check_rule_ids(options, registry)
    ctx = Context(options)
    if not isinstance(obj, (list, tuple)) and _has_parts(obj):
        ctx.document = obj
    chosen = None if rules is None else {r.id for r in rules}
    # The rules this run applies to each subject type, with their severity in this run.
    plans: dict[type, list[tuple[Rule, Severity]]] = {}
    reads: dict[type, list[tuple[Rule, Severity]]] = {}  # the READ- rules of each type
    deferred: list[tuple[Rule, Severity, Any]] = []  # the READ- rules: run last
    for subject in _subjects(obj):
        plan = plans.get(type(subject))
        if plan is None:
            wanted = [
                (r, options.severity_of(r))
                for r in registry.for_type(type(subject))
                if (chosen is None or r.id in chosen) and options.wants(r)
            ]
            plan = plans[type(subject)] = [p for p in wanted if not p[0].id.startswith(READING)]
            reads[type(subject)] = [p for p in wanted if p[0].id.startswith(READING)]
        for r, severity in plan:
            ctx._rule, ctx._severity = r, severity  # ctx.start(r, severity), on the hot path
            r.func(subject, ctx)
        deferred.extend((r, severity, subject) for r, severity in reads[type(subject)])
    problems: Sequence[ReadProblem] = ()
    if ctx.document is not None:
        problems = getattr(ctx.document, "read_problems", ())
    kept: list[Finding] = ctx.findings
    withheld: list[Withheld] = []
    if problems:  # a document read with problems: withhold what rests on what was not read
        declared = {r.id: r.tables for plan in plans.values() for r, _ in plan}
        kept, withheld = withhold(ctx.findings, problems, declared)
    ctx.findings, ctx.withheld = [], withheld
    for r, severity, subject in deferred:
        ctx.start(r, severity)
        r.func(subject, ctx)
    ctx.start(None)
    return Report((*ctx.findings, *kept), tuple(withheld))


def withhold(
    findings: Sequence[Finding],
    problems: Sequence[ReadProblem],
    declared: Mapping[str, tuple[str, ...]] | None = None,
) -> tuple[list[Finding], list[Withheld]]:
    """Split ``findings`` into those kept and those withheld by ``problems``: a finding whose
    place, cells or fix lie in a part a problem left not read whole; a finding of a rule that
    ``declared`` (rule id -> the tables it reads) reading a table not read whole (a relation
    may rest on a row the reader lost, which no cell names); a finding of a rule that counts
    the document's parts (:data:`COUNTING`) when a problem cut the document.  READ- findings
    are never withheld."""
    spans: dict[str, list[tuple[int, Any]]] = {}
    whole: dict[str, tuple[int, str]] = {}  # tables not read whole, as a whole
    cut: tuple[int, str] | None = None
    for i, p in enumerate(problems):
        for s in p.incomplete:
            spans.setdefault(s.table, []).append((i, s))
            if s.first_line is None:
                whole.setdefault(s.table, (i, p.rule_id))
        if p.cut and cut is None:
            cut = (i, p.rule_id)
    if not spans and cut is None:
        return list(findings), []
    kept: list[Finding] = []
    withheld: list[Withheld] = []
    for f in findings:
        found = None
        if not f.rule_id.startswith(READING):
            if cut is not None and f.rule_id.startswith(COUNTING):
                found = cut
            elif spans:
                found = _resting(f, spans, problems)
                if found is None and whole and declared:
                    found = next(
                        (whole[t] for t in declared.get(f.rule_id, ()) if t in whole), None
                    )
        if found is None:
            kept.append(f)
        else:
            withheld.append(Withheld(f, found[0], found[1]))
    return kept, withheld


def _resting(
    f: Finding, spans: Mapping[str, list[tuple[int, Any]]], problems: Sequence[ReadProblem]
) -> tuple[int, str] | None:
    """The first problem whose incomplete part holds a place ``f`` rests on, or None."""
    for place in (f.place, f.fix, *f.cells):
        if place is None:
            continue
        for i, span in spans.get(place.table, ()):
            if span.covers(place):
                return (i, problems[i].rule_id)
    return None
