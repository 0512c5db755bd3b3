"""Every tolerance pinned: widening one (a narrative percentage, an amount's slack, the 执行率,
a score) fails a test here.

Each test computes by hand, from the printed figures, the interval the tolerance model allows
(a value printed to a last place u stands for [v − u/2, v + u/2]: docs/tolerance.md), and
checks govfin's verdict on both sides of its edge: the last printed value inside it agrees (or
is a residue), the first outside it is an error.  A tolerance ten times wider (or merely one
unit wider) turns the outside values into agreements, and these tests fail.  docs/testing.md
tells how a mutation run was used to find the tolerances no test pinned.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from govfin import examples
from govfin.amounts import Tolerance, ToleranceMode
from govfin.findings import Severity
from govfin.performance import FundLine
from govfin.performance.diagnosis import rate_check, score_check
from govfin.readers import read_text
from govfin.rules import check

D = Decimal
CENT = D("0.01")
HALF = CENT / 2


def seed_with(old: str, new: str) -> str:
    text = examples.text()
    assert text.count(old) == 1, old
    return text.replace(old, new)


def two_places(lo: Decimal, hi: Decimal, around: Decimal) -> list[tuple[Decimal, bool]]:
    """Percentages printed to 0.01 near ``around``, each with whether its interval
    [p − 0.005, p + 0.005] meets [lo, hi]: computed here, by hand, not by govfin."""
    out = []
    for k in range(-6, 7):
        p = around + k * CENT
        out.append((p, p - HALF <= hi and p + HALF >= lo))
    return out


# -- the interval model itself (amounts.Tolerance) --------------------------------------------------


@pytest.mark.parametrize("n", [1, 2, 3, 4, 9, 26])
def test_a_sum_may_be_off_by_half_a_cent_per_printed_value(n: int) -> None:
    """n parts and a total, each printed to 0.01: the sum is consistent exactly when
    |difference| ≤ (n + 1) × 0.005, whatever the values."""
    parts = [(1, D("1.00"))] * n
    slack = (n + 1) * HALF
    for k in range(n + 4):
        diff = k * CENT
        for sign in (1, -1):
            total = D(n) + sign * diff
            cmp = Tolerance().compare(total, parts, CENT)
            assert cmp.consistent == (diff <= slack), (n, sign * diff)
            assert cmp.slack == slack


def test_truncation_allows_one_unit_per_value_and_one_direction() -> None:
    """Truncated figures stand for [v, v + u): the sum of truncated parts is at most the
    truncated total's interval away, in one direction."""
    parts = [(1, D("1.00"))] * 3  # stand for [3.00, 3.03]
    assert Tolerance(ToleranceMode.TRUNCATE).compare(D("3.03"), parts, CENT).consistent
    assert not Tolerance(ToleranceMode.TRUNCATE).compare(D("3.05"), parts, CENT).consistent
    assert not Tolerance(ToleranceMode.TRUNCATE).compare(D("2.98"), parts, CENT).consistent


def test_exact_mode_allows_nothing() -> None:
    parts = [(1, D("1.00")), (1, D("2.00"))]
    assert Tolerance(ToleranceMode.EXACT).compare(D("3.00"), parts, CENT).consistent
    assert not Tolerance(ToleranceMode.EXACT).compare(D("3.01"), parts, CENT).consistent


def test_an_absolute_tolerance_is_that_and_no_more() -> None:
    parts = [(1, D("1.00")), (1, D("2.00"))]
    t = Tolerance(absolute=D("0.02"))
    assert t.compare(D("3.02"), parts, CENT).consistent
    assert not t.compare(D("3.03"), parts, CENT).consistent


# -- amounts in the seed: a 合计 against its rows -----------------------------------------------------


def test_the_seeds_total_residue_and_its_edge() -> None:
    """公开01 本年支出合计 631.71 against its four non-blank 类 (sum 631.72): a residue of 0.01
    within (4 + 1) × 0.005 = 0.025; printed 631.69 (difference 0.03) is an error."""
    base = check(read_text(examples.text()).disclosure).select(rule="R01-2")
    (residue,) = base.findings
    assert residue.severity is Severity.INFO and residue.is_residue
    d = read_text(examples.text()).disclosure
    from govfin.tables import IncomeExpenditureSummary

    t = d[IncomeExpenditureSummary]
    nonblank = [r for r in t.coded_rows() if r.code and len(r.code) == 3 and r["金额"] is not None]
    assert residue.slack == (len(nonblank) + 1) * HALF == D("0.025")
    line = examples.text().split("\n")[residue.place.line - 1]
    assert "631.71" in line
    lines = examples.text().split("\n")
    for printed, error in (("631.70", False), ("631.74", False), ("631.69", True), ("631.75", True)):
        changed = list(lines)
        changed[residue.place.line - 1] = line.replace("631.71", printed)
        report = check(read_text("\n".join(changed)).disclosure).select(rule="R01-2")
        found = [f for f in report if f.place and f.place.row == "本年支出合计"]
        assert bool([f for f in found if f.severity is Severity.ERROR]) == error, printed


# -- narrative percentages ---------------------------------------------------------------------------


def _share_interval(part: Decimal, whole: Decimal) -> tuple[Decimal, Decimal]:
    lo = (part - HALF) / (whole + HALF) * 100
    hi = (part + HALF) / (whole - HALF) * 100
    return lo, hi


def _narrative(text: str, rule: str, needle: str) -> list[Severity]:
    report = check(read_text(text).disclosure).select(rule=rule)
    return [f.severity for f in report if needle in f.message]


@pytest.mark.parametrize(
    ("sentence", "part", "whole", "printed"),
    [
        ("基本支出349.97万元，占比55.40%", D("349.97"), D("631.71"), D("55.40")),
        ("卫生健康支出(类)11.58万元，占比1.83%", D("11.58"), D("631.71"), D("1.83")),
    ],
)
def test_a_share_is_pinned_to_its_interval(
    sentence: str, part: Decimal, whole: Decimal, printed: Decimal
) -> None:
    lo, hi = _share_interval(part, whole)
    cases = two_places(lo, hi, printed)
    assert any(ok for _, ok in cases) and any(not ok for _, ok in cases)
    for p, ok in cases:
        new = sentence.replace(f"{printed}%", f"{p}%")
        severities = _narrative(seed_with(sentence, new), "N-share", f"占比{p}%")
        assert severities, new
        assert (Severity.ERROR in severities) == (not ok), (new, lo, hi)


def test_the_issues_example_stays_an_error() -> None:
    """占比55.43% against 349.97 / 631.71 = 55.40%: an error, not an info."""
    new = seed_with("基本支出349.97万元，占比55.40%", "基本支出349.97万元，占比55.43%")
    assert Severity.ERROR in _narrative(new, "N-share", "占比55.43%")


def test_a_change_is_pinned_to_its_interval() -> None:
    """下降21.18%: 174.36 / (648.92 + 174.36) — the previous year recovered from the text."""
    sentence = "与上年相比，收入总计减少174.36万元，下降21.18%"
    delta, now = D("174.36"), D("648.92")
    lo = (delta - HALF) / (now + delta + 2 * HALF) * 100
    hi = (delta + HALF) / (now + delta - 2 * HALF) * 100
    for p, ok in two_places(lo, hi, D("21.18")):
        new = sentence.replace("21.18%", f"{p}%")
        severities = _narrative(seed_with(sentence, new), "N-change", f"下降{p}%")
        assert severities and (Severity.ERROR in severities) == (not ok), (p, lo, hi)


def test_a_completion_is_pinned_to_its_interval() -> None:
    sentence = "一般公共服务支出年初预算754.36万元，支出决算545.19万元，完成年初预算的72.27%"
    lo, hi = _share_interval(D("545.19"), D("754.36"))
    for p, ok in two_places(lo, hi, D("72.27")):
        new = sentence.replace("72.27%", f"{p}%")
        severities = _narrative(seed_with(sentence, new), "N-completion", f"完成年初预算的{p}%")
        assert severities and (Severity.ERROR in severities) == (not ok), (p, lo, hi)


# -- 项目支出绩效自评: 执行率 and its score ----------------------------------------------------------------

MONEY_HALF = D("0.0005")  # 自评表 money is kept to 0.001 万元


def _rate_interval(executed: Decimal, budget: Decimal) -> tuple[Decimal, Decimal]:
    lo = (executed - MONEY_HALF) / (budget + MONEY_HALF) * 100
    hi = (executed + MONEY_HALF) / (budget - MONEY_HALF) * 100
    return lo, hi


@pytest.mark.parametrize(
    ("budget", "executed", "around"),
    [(D("29"), D("7.504"), D("25.88")), (D("35"), D("10.45"), D("29.86")), (D("3"), D("1"), D("33.33"))],
)
def test_the_execution_rate_is_pinned(budget: Decimal, executed: Decimal, around: Decimal) -> None:
    lo, hi = _rate_interval(executed, budget)
    cases = two_places(lo, hi, around)
    assert any(not ok for _, ok in cases)
    for p, ok in cases:
        line = FundLine("资金总额", annual_budget=budget, executed=executed, rate=p)
        result = rate_check(line)
        assert result is not None and result.consistent == ok, (p, lo, hi)


def test_the_seeds_execution_rate_error() -> None:
    """电脑耗材: 7.504 / 29 = 25.88%, printed 25.98%: an error with the hand-computed slack."""
    lo, hi = _rate_interval(D("7.504"), D("29"))
    errors = check(examples.load()).select(rule="E-rate").errors
    (f,) = [f for f in errors if "电脑耗材" in (f.table or "")]
    assert f.actual == D("25.98") and f.expected == D("25.88")
    assert f.slack == (HALF + (hi - lo) / 2).quantize(D("0.0001"))


@pytest.mark.parametrize(("budget", "executed"), [(D("29"), D("7.504")), (D("35"), D("10.45"))])
def test_the_execution_score_is_pinned(budget: Decimal, executed: Decimal) -> None:
    """执行率得分 = 执行率 × 分值 (10) under 财预〔2020〕10号, the rate being in its interval."""
    lo, hi = _rate_interval(executed, budget)
    s_lo, s_hi = lo / 10, hi / 10
    around = ((s_lo + s_hi) / 2).quantize(CENT)
    cases = two_places(s_lo, s_hi, around)
    assert any(not ok for _, ok in cases)
    for s, ok in cases:
        line = FundLine("资金总额", annual_budget=budget, executed=executed, score=s)
        result = score_check(line)
        assert result is not None and result.consistent == ok, (s, s_lo, s_hi)


# -- mutants of amounts.py that survived the first mutation run (docs/testing.md) ----------------

from govfin.amounts import AmountError, Interval, Unit, parse_amount, parse_count, to_decimal
from govfin.errors import ArgumentTypeError


def test_intervals_that_touch_meet() -> None:
    """A printed value whose interval ends exactly where the figures' interval begins agrees:
    the tolerance is closed at both ends (``<=``, not ``<``)."""
    a, b = Interval(D("1.00"), D("2.00")), Interval(D("2.00"), D("3.00"))
    assert a.meets(b) and b.meets(a)
    assert not a.meets(Interval(D("2.01"), D("3.00")))
    assert not Interval(D("2.01"), D("3.00")).meets(a)


WHERE = "收入决算表, row 201, column 合计, line 7"


@pytest.mark.parametrize(
    ("call", "kind"),
    [
        (lambda: to_decimal("12,3x", where=WHERE), AmountError),
        (lambda: to_decimal(D("NaN"), where=WHERE), AmountError),
        (lambda: to_decimal(10**40, where=WHERE), AmountError),
        (lambda: to_decimal(True, where=WHERE), ArgumentTypeError),
        (lambda: to_decimal(0.5, where=WHERE), ArgumentTypeError),
        (lambda: to_decimal([1], where=WHERE), ArgumentTypeError),
        (lambda: parse_amount(12, where=WHERE), ArgumentTypeError),  # type: ignore[arg-type]
        (lambda: parse_amount("1e999", where=WHERE), AmountError),
        (lambda: parse_amount("-1e999", where=WHERE), AmountError),
        (lambda: parse_count("1.5", where=WHERE), AmountError),
        (lambda: parse_count("x", where=WHERE), AmountError),
        (lambda: parse_amount("1" * 40, where=WHERE), AmountError),  # plain, absurd
        (lambda: parse_amount("（" + "1" * 40 + "）", where=WHERE), AmountError),  # normalised
    ],
)
def test_every_amount_error_names_its_place(call: object, kind: type[Exception]) -> None:
    with pytest.raises(kind) as info:
        call()  # type: ignore[operator]
    assert str(info.value).startswith(f"{WHERE}: "), str(info.value)


@pytest.mark.parametrize(
    ("call", "text"),
    [
        (lambda: parse_amount("1e999"), "1e999"),
        (lambda: to_decimal(D("Infinity")), "Infinity"),
        (lambda: to_decimal(10**40), str(10**40)),
        (lambda: parse_count("1.5"), "1.5"),
        (lambda: parse_amount("+" + "1" * 40), "+" + "1" * 40),  # as printed, sign and all
        (lambda: Unit.parse("单位："), "单位："),
    ],
)
def test_an_amount_error_keeps_the_text_as_printed(call: object, text: str) -> None:
    with pytest.raises(AmountError) as info:
        call()  # type: ignore[operator]
    assert info.value.text == text and repr(text) in str(info.value)


def test_an_amount_error_without_a_place_is_its_message() -> None:
    assert str(AmountError("bad cell")) == "bad cell"
    assert str(AmountError("bad cell", where="p.3")) == "p.3: bad cell"


def test_type_errors_without_a_place_say_amount() -> None:
    for call in (lambda: to_decimal(True), lambda: to_decimal([1]), lambda: parse_amount(1),
                 lambda: to_decimal(0.5)):
        with pytest.raises(ArgumentTypeError) as info:
            call()  # type: ignore[arg-type]
        assert str(info.value).startswith("amount: ")


@pytest.mark.parametrize(
    ("text", "unit"),
    [("金额单位：万 元", Unit.WAN_YUAN), ("单位：万\u3000元", Unit.WAN_YUAN), ("单位: 元", Unit.YUAN)],
)
def test_units_are_read_through_spaces(text: str, unit: Unit) -> None:
    assert Unit.parse(text) is unit


@pytest.mark.parametrize(
    "text", ["631.71\u3000", "\u3000631.71", "631\u3000.71", "631.71\xa0", "631\xa0.71"]
)
def test_amounts_are_read_through_full_width_and_no_break_spaces(text: str) -> None:
    assert parse_amount(text) == D("631.71")


def test_each_part_keeps_its_own_unit() -> None:
    """A 0.01 total of two parts kept to 0.001 (a 自评表's money): slack 0.005 + 2 × 0.0005."""
    parts = [(1, D("0.500")), (1, D("0.500"))]
    units = [D("0.001"), D("0.001")]
    held = Tolerance().compare(D("1.00"), parts, CENT, units=units, total_unit=CENT)
    assert held.consistent and held.slack == D("0.006")
    broken = Tolerance().compare(D("1.01"), parts, CENT, units=units, total_unit=CENT)
    assert not broken.consistent and broken.slack == D("0.006")


def test_units_must_match_the_parts_one_for_one() -> None:
    with pytest.raises(ValueError):
        Tolerance().compare(D("1.00"), [(1, D("0.50")), (1, D("0.50"))], CENT, units=[CENT])


@pytest.mark.parametrize(
    ("text", "value"),
    [("631．71", D("631.71")), ("－12.30", D("-12.30")), ("＋5", D("5")), ("（12.30）", D("-12.30")),
     ("(1)", D("-1")), ("1，234.50", D("1234.50"))],
)
def test_full_width_signs_points_and_brackets(text: str, value: Decimal) -> None:
    assert parse_amount(text) == value


@pytest.mark.parametrize("text", ["12.30)", "(12X", "X12)", "12.30）", "(12.30", "()", "1,23.4"])
def test_unbalanced_brackets_and_misplaced_separators_are_errors(text: str) -> None:
    with pytest.raises(AmountError) as info:
        parse_amount(text, where=WHERE)
    assert str(info.value).startswith(f"{WHERE}: ") and repr(text) in str(info.value)
    if "," in text:
        assert "thousands separator" in str(info.value)


from govfin.amounts import interval_of


@pytest.mark.parametrize(
    ("value", "lo", "hi"),
    [("0.50", "0.50", "0.51"), ("3", "3", "3.01"), ("0", "-0.01", "0.01"), ("0.00", "-0.01", "0.01"),
     ("-0.50", "-0.51", "-0.50"), ("-2", "-2.01", "-2")],
)
def test_a_truncated_value_stands_for_one_unit_away_from_zero(value: str, lo: str, hi: str) -> None:
    """Truncation cuts towards zero: a positive printed value came from [v, v + u], a negative
    one from [v − u, v], a printed 0 from either side."""
    i = interval_of(D(value), CENT, ToleranceMode.TRUNCATE)
    assert (i.lo, i.hi) == (D(lo), D(hi))


def test_a_unit_of_one_is_rounded_too() -> None:
    """Figures printed to whole units (元, counts) stand for ±0.5, not exactly themselves."""
    i = interval_of(D(7), D(1), ToleranceMode.ROUND)
    assert (i.lo, i.hi) == (D("6.5"), D("7.5"))
    cmp = Tolerance().compare(D(3), [(1, D(1)), (1, D(1))], D(1))
    assert cmp.consistent and cmp.slack == D("1.5")


def test_the_total_keeps_its_own_unit() -> None:
    """A total kept to 0.001 against parts kept to 0.01: slack 0.0005 + 2 × 0.005."""
    parts = [(1, D("0.50")), (1, D("0.50"))]
    cmp = Tolerance().compare(D("1.010"), parts, CENT, total_unit=D("0.001"))
    assert cmp.consistent and cmp.slack == D("0.0105")
    assert not Tolerance().compare(D("1.011"), parts, CENT, total_unit=D("0.001")).consistent


def test_a_type_error_names_the_type_given() -> None:
    with pytest.raises(ArgumentTypeError, match="expected str, got int"):
        parse_amount(12)  # type: ignore[arg-type]
    with pytest.raises(ArgumentTypeError, match="list is not a money amount"):
        to_decimal([1])


# -- Context.at_most: small ≤ big within the tolerance (rules/engine.py) --------------------------

from govfin.findings import Cell, Place
from govfin.rules.engine import CheckOptions, Context
from govfin.rules.registry import REGISTRY


def _at_most(small: Decimal | None, big: Decimal | None, unit: Decimal = CENT,
             small_unit: Decimal | None = None) -> tuple[bool, list[object]]:
    ctx = Context(CheckOptions())
    ctx.start(REGISTRY.get("X6"))
    s = Cell(Place("公开06", "301", "决算数", line=3), small, small_unit or unit)
    b = Cell(Place("公开09", "决算数", "合计", line=9), big, unit)
    held = ctx.at_most(s, b, what="small ≤ big")
    return held, ctx.findings


@pytest.mark.parametrize(
    ("small", "big", "held"),
    [("10.00", "10.00", True), ("10.01", "10.00", True), ("10.02", "10.00", False),
     ("9.00", "10.00", True), ("0.01", None, True), ("0.02", None, False), (None, "-0.02", False),
     (None, None, True), (None, "-0.01", True)],
)
def test_at_most_is_pinned(small: str | None, big: str | None, held: bool) -> None:
    """[a − 0.005, a + 0.005] must reach down to [b − 0.005, b + 0.005]: a may exceed b by one
    cent at most (a blank cell is read as a printed 0 of its unit)."""
    a = None if small is None else D(small)
    b = None if big is None else D(big)
    ok, findings = _at_most(a, b)
    assert ok == held and len(findings) == (0 if held else 1)
    if not held:
        (f,) = findings
        av, bv = a or D(0), b or D(0)
        assert (f.expected, f.actual, f.difference) == (bv, av, av - bv)
        assert f.place == Place("公开06", "301", "决算数") and len(f.cells) == 2
        assert f.message == "small ≤ big does not hold"
        assert f.slack == 2 * HALF  # half a unit for each of the two values


def test_at_most_reads_each_cells_own_unit() -> None:
    """A 0.001 small against a 0.01 big: 10.005 ≤ 10.00 holds (10.0045 is below 10.005),
    10.006 does not (10.0055 is above it); the slack is 0.0005 + 0.005."""
    assert _at_most(D("10.005"), D("10.00"), small_unit=D("0.001"))[0]
    held, (f,) = _at_most(D("10.006"), D("10.00"), small_unit=D("0.001"))
    assert not held and f.slack == D("0.0055")
