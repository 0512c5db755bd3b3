"""Misuse gets a typed error, never a clean report (issue 20, "Misuse gets a typed error").

Each call below once returned an empty, clean report, a float, "NaN.00万元", or raised an
AttributeError from deep inside; each now raises an error under :class:`govfin.GovfinError`
that is also the builtin a caller would expect (TypeError for a wrong type, ValueError for a
wrong value), at the call (for ratios: at construction, not when ``.value`` is read).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest

import govfin
from govfin import examples, ratios
from govfin.amounts import Tolerance
from govfin.cli import EXIT_UNREADABLE, main
from govfin.codes import UnknownEditionError
from govfin.errors import ArgumentTypeError, ArgumentValueError, GovfinError
from govfin.findings import Severity
from govfin.formatting import format_amount, format_number, format_percent
from govfin.rules import CheckOptions

D = Decimal


@pytest.fixture(scope="module")
def d() -> govfin.Disclosure:
    return examples.load()


def raises(kind: type[Exception], call: Callable[[], Any], *words: str) -> Exception:
    with pytest.raises(kind) as info:
        call()
    assert isinstance(info.value, GovfinError)
    for w in words:
        assert w in str(info.value), str(info.value)
    return info.value


# -- check(): subjects ---------------------------------------------------------------------------


@pytest.mark.parametrize("subject", [None, "some text", b"bytes", 42, {"合计": D(1)}, object()])
def test_check_refuses_what_no_rule_checks(subject: object) -> None:
    raises(ArgumentTypeError, lambda: govfin.check(subject), type(subject).__name__)


def test_check_refuses_a_text_and_says_how_to_read_it() -> None:
    raises(ArgumentTypeError, lambda: govfin.check(examples.text()), "read_text")


def test_check_refuses_a_list_holding_something_unchecked(d: govfin.Disclosure) -> None:
    raises(ArgumentTypeError, lambda: govfin.check([d.tables[0], None]), "NoneType")


def test_what_is_checkable_is_still_checked(d: govfin.Disclosure) -> None:
    assert len(govfin.check(d.tables[0])) >= 1  # a table: its residue
    assert len(govfin.check(list(d.evaluations))) > 0
    assert len(govfin.check([])) == 0  # nothing asked, nothing found


# -- check(): options ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "kind", "words"),
    [
        ({"select": ["nope"]}, ArgumentValueError, ("select", "'nope'", "matches no rule")),
        ({"select": "R99"}, ArgumentValueError, ("'R99'",)),
        ({"ignore": ["E-nope"]}, ArgumentValueError, ("ignore", "'E-nope'")),
        ({"select": [1]}, ArgumentTypeError, ("prefixes",)),
        ({"select": 5}, ArgumentTypeError, ("prefixes",)),
        ({"severity": "bogus"}, ArgumentTypeError, ("severity must map",)),
        ({"severity": {"R01-2": "bogus"}}, ArgumentValueError, ("'bogus'",)),
        ({"severity": {"R01-2": 3}}, ArgumentTypeError, ("R01-2",)),
        ({"severity": {"NOPE": None}}, ArgumentValueError, ("'NOPE'",)),
        ({"tolerance": 0.01}, ArgumentTypeError, ("Tolerance", "float")),
        ({"tolerance": D("0.01")}, ArgumentTypeError, ("Tolerance", "Decimal")),
        ({"edition": "2024"}, ArgumentTypeError, ("int",)),
        ({"edition": 2030}, UnknownEditionError, ("no 2030 edition",)),
        ({"personnel_classes": "301"}, ArgumentTypeError, ("personnel_classes",)),
        ({"extra": ["scheme"]}, ArgumentTypeError, ("extra",)),
        ({"selct": ["R"]}, ArgumentTypeError, ("unknown option", "selct", "select")),
    ],
)
def test_check_refuses_wrong_options(
    d: govfin.Disclosure, kwargs: dict[str, Any], kind: type[Exception], words: tuple[str, ...]
) -> None:
    raises(kind, lambda: govfin.check(d, **kwargs), *words)


def test_unknown_edition_is_a_value_error(d: govfin.Disclosure) -> None:
    assert isinstance(raises(UnknownEditionError, lambda: govfin.check(d, edition=2030)), ValueError)


def test_options_must_be_check_options(d: govfin.Disclosure) -> None:
    raises(ArgumentTypeError, lambda: govfin.check(d, options={"select": "E-"}), "CheckOptions")


def test_good_options_still_work(d: govfin.Disclosure) -> None:
    report = govfin.check(d, select=["E-rate"], severity={"E-rate": "warning"})
    assert report.findings and {f.rule_id for f in report} == {"E-rate"}
    assert {f.severity for f in report} <= {Severity.WARNING, Severity.INFO}
    assert CheckOptions(severity={"E-rate": None}).severity == {"E-rate": None}
    assert govfin.check(d, tolerance=Tolerance(absolute=D("0.01"))).errors


# -- the disclosure ------------------------------------------------------------------------------


@pytest.mark.parametrize("key", [0, -1, 1.5, None, ("收入决算表",)])
def test_a_disclosure_is_indexed_by_kind_only(d: govfin.Disclosure, key: object) -> None:
    raises(ArgumentTypeError, lambda: d[key], "table kind")  # type: ignore[index]
    raises(ArgumentTypeError, lambda: d.table(key))  # type: ignore[arg-type]


def test_a_disclosure_by_kind(d: govfin.Disclosure) -> None:
    assert d["收入决算表"].KIND == "收入决算表"
    with pytest.raises(KeyError):
        d["没有这张表"]


def test_a_disclosure_has_no_check_method(d: govfin.Disclosure) -> None:
    """The check is ``govfin.check(d, …)``: the rules sit above the disclosure (layers), so a
    Disclosure offers no ``check`` of its own that could silently differ."""
    assert not hasattr(d, "check")


# -- ratios: floats refused at construction ------------------------------------------------------


@pytest.mark.parametrize(
    "make",
    [
        lambda: ratios.Change("x", 1.5, 2.0),
        lambda: ratios.Change("x", D("1.5"), 2.0),
        lambda: ratios.Ratio("x", 1.0, D(3)),
        lambda: ratios.Ratio("x", D(1), 3.0),
        lambda: ratios.completion_rate(0.5, D(1)),
    ],
)
def test_floats_are_refused_at_construction(make: Callable[[], object]) -> None:
    raises(ArgumentTypeError, make, "float", "Decimal")


@pytest.mark.parametrize(
    "make",
    [
        lambda: ratios.Ratio("x", True, D(3)),
        lambda: ratios.Ratio("x", "1", D(3)),
        lambda: ratios.Ratio(1, D(1), D(3)),
        lambda: ratios.Change("x", [1], None),
    ],
)
def test_other_non_figures_are_refused(make: Callable[[], object]) -> None:
    raises(ArgumentTypeError, make)


@pytest.mark.parametrize("bad", [D("NaN"), D("Infinity"), D("-Infinity"), D("sNaN")])
def test_nan_and_infinity_are_refused(bad: Decimal) -> None:
    raises(ArgumentValueError, lambda: ratios.Ratio("x", bad, D(3)), "NaN or infinite")
    raises(ArgumentValueError, lambda: ratios.Change("x", D(1), bad), "NaN or infinite")


def test_ints_are_exact_and_become_decimals() -> None:
    r = ratios.Ratio("x", 1, 3)
    assert type(r.numerator) is Decimal and type(r.value) is Decimal
    assert r.value == D(1) / D(3)
    c = ratios.Change("x", 3, 2)
    assert type(c.delta) is Decimal and c.delta == 1 and c.rate == D("0.5")


def test_budget_completion_refuses_a_float_budget_naming_its_key(d: govfin.Disclosure) -> None:
    raises(ArgumentTypeError, lambda: ratios.budget_completion(d, {"合计": 800.0}), "'合计'", "float")
    raises(ArgumentTypeError, lambda: ratios.budget_completion(d, [("合计", D(800))]), "budgets")
    (one,) = ratios.budget_completion(d, {"合计": D("800")})
    assert one.denominator == D(800) and one.value is not None


@pytest.mark.parametrize(
    "call",
    [
        lambda: ratios.class_shares(None),
        lambda: ratios.class_shares("公开05"),
        lambda: ratios.basic_project_split(None),
        lambda: ratios.personnel_public_split(None),
        lambda: ratios.procurement_shares(42),
        lambda: ratios.budget_completion(None, {}),
        lambda: ratios.stated_budgets(None),
        lambda: ratios.three_public(None),
        lambda: ratios.year_over_year(None, None),
    ],
)
def test_ratio_functions_refuse_what_is_not_a_disclosure(call: Callable[[], object]) -> None:
    raises(ArgumentTypeError, call, "Disclosure")


def test_year_over_year_names_the_bad_side(d: govfin.Disclosure) -> None:
    raises(ArgumentTypeError, lambda: ratios.year_over_year(d, "2023"), "previous")
    raises(ArgumentTypeError, lambda: ratios.three_public(d, previous=5), "previous")


# -- formatting and frames -------------------------------------------------------------------------


@pytest.mark.parametrize("bad", [D("NaN"), D("Infinity"), D("-Infinity"), D("sNaN")])
def test_formatting_refuses_nan_and_infinity(bad: Decimal) -> None:
    raises(ArgumentValueError, lambda: format_amount(bad))
    raises(ArgumentValueError, lambda: format_amount(bad, locale="en_US"))
    raises(ArgumentValueError, lambda: format_number(bad))
    raises(ArgumentValueError, lambda: format_percent(bad))


def test_formatting_refuses_a_float() -> None:
    raises(ArgumentTypeError, lambda: format_amount(631.71))  # type: ignore[arg-type]
    assert format_amount(D("631.71")) == "631.71万元"


def test_to_frame_refuses_an_unknown_numeric(d: govfin.Disclosure) -> None:
    pytest.importorskip("pandas")
    from govfin.frames import to_frame

    report = govfin.check(d)
    for bad in ("int", "Decimal", None, float):
        raises(ArgumentValueError, lambda bad=bad: to_frame(report, numeric=bad), "numeric")
    assert len(to_frame(report, numeric="float")) == len(report)


# -- editions: the API and the command line give the same refusal ----------------------------------


def test_read_text_refuses_an_edition_as_the_cli_does(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(UnknownEditionError) as api:
        govfin.read_text(examples.text(), edition=2030)
    assert main(["check", "--example", "--edition", "2030"]) == EXIT_UNREADABLE
    err = capsys.readouterr().err
    assert err == f"govfin: error: {api.value}\n"  # the same message, from one source
    with pytest.raises(UnknownEditionError) as past:
        govfin.read_text(examples.text(), edition=2019)
    assert "no 2019 edition" in str(past.value) and "2024" in str(past.value)


def test_read_text_refuses_an_edition_that_is_not_a_year() -> None:
    raises(ArgumentTypeError, lambda: govfin.read_text(examples.text(), edition="2024"))
    assert govfin.read_text(examples.text(), edition=2024).disclosure.tables


def test_argparse_errors_are_not_govfin_errors() -> None:
    """(The command line's own usage errors are argparse's, exit 64: see test_exit_codes.)"""
    assert not issubclass(argparse.ArgumentError, GovfinError)


def test_budget_meta_with_a_unit_that_is_no_unit() -> None:
    """A budget table's metadata built with a string for its unit: a typed error naming it
    (the name of the error class was not imported, so this raised NameError)."""
    from govfin.tables.budget import FAMILY_KINDS
    from govfin.tables.budget.base import budget_meta

    kind = next(iter(FAMILY_KINDS.values()))[0]
    with pytest.raises(ArgumentTypeError, match="unit must be a Unit"):
        budget_meta(kind, unit="万元")
