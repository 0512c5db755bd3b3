"""Issue 15 acceptance: every planted mistake caught, no harmless edit raising an error.

The cases are the catalogue of tests/accuracy/cases.py (realistic mistakes and harmless edits
planted in copies of the seed and of a real 部门预算); tests/accuracy/runner.py compares each
edited copy's findings with the unedited document's.  A mistake govfin does not catch yet is
``xfail(strict=True)`` with the rule it needs (``known_miss``): when the rule lands the case
passes, the xfail fails, and the marker must be removed from the catalogue.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from accuracy.cases import CASES, CATEGORIES, DOCUMENTS, Case, document_text
from accuracy.edits import EditError, Replace
from accuracy.report import render
from accuracy.runner import baseline, outcome

from govfin.findings import Severity

DOCS = Path(__file__).resolve().parent.parent / "docs" / "accuracy.md"

MISTAKES = [c for c in CASES if not c.harmless]
HARMLESS = [c for c in CASES if c.harmless]


def _param(case: Case) -> object:
    marks = [pytest.mark.xfail(reason=case.known_miss, strict=True)] if case.known_miss else []
    return pytest.param(case, id=case.id, marks=marks)


# -- the catalogue itself ------------------------------------------------------------------------


def test_catalogue_size() -> None:
    """Issue 15: at least 60 mistakes across the categories, 10 harmless edits, and at least
    10 mistakes planted in a budget."""
    assert len(MISTAKES) >= 60
    assert len(HARMLESS) >= 10
    assert sum(c.document == "budget" for c in MISTAKES) >= 10
    used = {c.category for c in MISTAKES}
    assert used == set(CATEGORIES) - {"harmless"}  # every category has cases
    assert all(c.rules for c in MISTAKES) and not any(c.rules for c in HARMLESS)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_edit_changes_its_document(case: Case) -> None:
    """Every edit finds its text and changes the document (a changed seed breaks it loudly)."""
    assert case.document in DOCUMENTS
    assert case.edit(document_text(case.document)) != document_text(case.document)


def test_edit_not_found_is_an_error() -> None:
    with pytest.raises(EditError, match="not found after"):
        Replace("631.71", "1", after="第五部分 附件\n")(document_text("seed"))
    with pytest.raises(EditError, match="found 1 times"):
        Replace("年初结转和结余\t29", "x", count=2)(document_text("seed"))


def test_baselines() -> None:
    """The unedited documents read cleanly: what the cases are compared with.  The seed's
    errors and warnings are its own (tests/test_disclosure.py); the budget has none."""
    seed, budget = baseline("seed"), baseline("budget")
    assert seed.read_problems == () and budget.read_problems == ()
    assert any(k[1] is Severity.ERROR for k in seed.keys)
    assert budget.keys == frozenset()


# -- the outcomes --------------------------------------------------------------------------------


@pytest.mark.parametrize("case", [_param(c) for c in MISTAKES])
def test_mistake_is_caught(case: Case) -> None:
    result = outcome(case)
    assert result.crash is None, result.crash
    assert result.caught, (
        f"{case.id} ({case.description}): {result.verdict}; new errors "
        f"{[f.rule_id for f in result.errors]}, warnings {[f.rule_id for f in result.warnings]}, "
        f"read problems {list(result.read_problems)}; expected {case.rules}"
    )


@pytest.mark.parametrize("case", [_param(c) for c in HARMLESS])
def test_harmless_edit_raises_no_error(case: Case) -> None:
    result = outcome(case)
    assert result.crash is None, result.crash
    assert not result.errors, [f.to_text() for f in result.errors]
    assert not result.read_problems, list(result.read_problems)


def test_harmless_edits_raise_no_warning() -> None:
    """Stronger than the issue asks: no harmless edit raises even a new warning."""
    alarms = {c.id: [f.to_text() for f in outcome(c).warnings] for c in HARMLESS
              if not c.known_miss}
    assert {k: v for k, v in alarms.items() if v} == {}


# -- the report ----------------------------------------------------------------------------------


def test_report_is_up_to_date() -> None:
    """docs/accuracy.md is what tools/accuracy_report.py writes (regenerate it after a rule
    change: ``python tools/accuracy_report.py``)."""
    assert DOCS.read_text(encoding="utf-8") == render(), (
        "docs/accuracy.md is out of date: run `python tools/accuracy_report.py`"
    )
