"""Run the accuracy cases: plant each edit in a copy of its document, read, check, compare.

A case's outcome is judged against the unedited document's own findings (the seed holds real
errors; they are not the case's doing): a finding is *new* when no finding of the unedited
document has the same rule, severity and place (table, row, column; the line is not part of a
place's identity, so inserted lines move nothing).  A mistake is

- **caught as error** when a new error appears;
- **warning only** when only new warnings appear;
- **missed** otherwise (a read problem the reader logged — an error in its log or a line it
  could not place — is not a finding today: it is shown beside the outcome but is no catch).

A case whose rule is a warning by the catalogue's design (a name differing from the official
list, a note missing) counts as caught when that rule (or another it names) reports it.

A harmless edit raises a **false alarm** when a new error or warning appears, or a read problem
(the command line exits with status 2 on one).  ``rule matched`` says whether a new finding of
the deciding severity comes from one of the rules the case names.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from decimal import Decimal
from fnmatch import fnmatchcase

import attrs

from accuracy.cases import CASES, Case, document_text
from govfin.findings import Finding, Place, Report, Severity
from govfin.readers import read_text
from govfin.rules import check

__all__ = ["Outcome", "Run", "baseline", "outcome", "outcomes"]

Key = tuple[str, Severity, Place | None, Decimal | None, Decimal | None]


@attrs.frozen
class Run:
    """One document read and checked: the report and the reader's problems (as text)."""

    report: Report
    read_problems: tuple[str, ...]

    @property
    def keys(self) -> frozenset[Key]:
        return frozenset(_key(f) for f in self.report if f.severity is not Severity.INFO)


def _key(f: Finding) -> Key:
    return (f.rule_id, f.severity, f.place, f.expected, f.actual)


def run_text(text: str) -> Run:
    """Read ``text`` leniently (as ``govfin check`` does) and check what was read."""
    result = read_text(text)
    report = check(result.disclosure).located(result.log.place_of)
    problems = tuple(f"{type(e).__name__}: {e.message}" for e in result.log.errors)
    unplaced = tuple(f"unrecognised line: {e.text.strip()}" for e in result.log.unrecognised)
    return Run(report, problems + unplaced)


@functools.cache
def baseline(document: str) -> Run:
    """The unedited document's run (cached: every case of the document compares with it)."""
    return run_text(document_text(document))


@attrs.frozen
class Outcome:
    """What checking a case's edited copy found beyond the unedited document's findings."""

    case: Case
    errors: tuple[Finding, ...] = ()
    warnings: tuple[Finding, ...] = ()
    read_problems: tuple[str, ...] = ()
    crash: str | None = None

    @property
    def verdict(self) -> str:
        """``error``, ``warning`` or ``missed`` (a crash of the check counts as missed)."""
        if self.errors:
            return "error"
        return "warning" if self.warnings else "missed"

    @property
    def deciding(self) -> tuple[Finding, ...]:
        """The new findings of the deciding severity (errors, else warnings)."""
        return self.errors or self.warnings

    @property
    def rules(self) -> tuple[str, ...]:
        """The rule ids of the deciding findings, sorted, each once."""
        return tuple(sorted({f.rule_id for f in self.deciding}))

    @property
    def matched(self) -> tuple[Finding, ...]:
        """The new errors and warnings from a rule the case names."""
        return tuple(
            f for f in self.errors + self.warnings
            if any(fnmatchcase(f.rule_id, p) for p in self.case.rules)
        )

    @property
    def rule_matched(self) -> bool | None:
        """Whether a new error or warning comes from a rule the case names (None: nothing
        new)."""
        if not self.deciding:
            return None
        return bool(self.matched)

    @property
    def caught(self) -> bool:
        """A mistake caught: a new error (any rule: the report says whether it is the named
        one); for a case whose rule is a warning by design, a new finding of that rule (a
        warning case is about naming the cause, so another rule's error does not count)."""
        if self.case.severity is Severity.WARNING:
            return bool(self.matched)
        return bool(self.errors)

    @property
    def false_alarm(self) -> bool:
        """A harmless edit that raised a new error, a new warning or a read problem."""
        return bool(self.errors or self.warnings or self.read_problems)


def outcome(case: Case) -> Outcome:
    """Plant ``case`` in a copy of its document and compare with the unedited run."""
    return _outcome(case.id)


@functools.cache
def _outcome(case_id: str) -> Outcome:
    case = next(c for c in CASES if c.id == case_id)
    base = baseline(case.document)
    edited = case.edit(document_text(case.document))
    try:
        run = run_text(edited)
    except Exception as exc:  # noqa: BLE001 - a crash is an outcome to report, not to hide
        return Outcome(case, crash=f"{type(exc).__name__}: {exc}")
    new = [f for f in run.report if f.severity is not Severity.INFO and _key(f) not in base.keys]
    known = set(base.read_problems)
    return Outcome(
        case,
        errors=tuple(f for f in new if f.severity is Severity.ERROR),
        warnings=tuple(f for f in new if f.severity is Severity.WARNING),
        read_problems=tuple(p for p in run.read_problems if p not in known),
    )


def outcomes(cases: Iterable[Case] = CASES) -> list[Outcome]:
    """The outcome of every case, in catalogue order."""
    return [outcome(c) for c in cases]
