"""Issue 15: the same fact printed twice must be identical (XBRL's rule for duplicate facts).

A figure restated in another table, or in the 情况说明, rounds from the same amount as the
original: printed to the same places the two are equal, and a 0.01 difference is a mistake, not
尾数误差.  A restatement with fewer places, or in 元 beside 万元, is compared with the finer one
rounded to its places.  Only a sum of several printed parts keeps the interval slack.
"""

from __future__ import annotations

from decimal import Decimal

import golden
import pytest
from facts_plant import bad, planted, run
from seed_disclosure import edit, seed_disclosure

from govfin.amounts import Tolerance, ToleranceMode
from govfin.disclosure import Disclosure
from govfin.findings import Place, Severity
from govfin.narrative import NARRATIVE_TABLE
from govfin.rules import REGISTRY
from govfin.tables import T01, T03, T04, T05, T06

E, I = Severity.ERROR, Severity.INFO
S05 = "五、一般公共预算财政拨款支出决算情况说明"
S06 = "六、一般公共预算财政拨款基本支出决算情况说明"
CENT, TENTH = Decimal("0.01"), Decimal("0.1")


@pytest.fixture(scope="module")
def seed() -> Disclosure:
    return seed_disclosure()


# -- the comparison ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("printed", "unit", "source", "source_unit", "mode", "ok"),
    [
        ("545.19", CENT, "545.19", CENT, ToleranceMode.ROUND, True),
        ("545.20", CENT, "545.19", CENT, ToleranceMode.ROUND, False),  # a cent apart
        ("545.18", CENT, "545.19", CENT, ToleranceMode.ROUND, False),
        ("6.7", TENTH, "6.70", CENT, ToleranceMode.ROUND, True),  # fewer places: rounds
        ("6.7", TENTH, "6.74", CENT, ToleranceMode.ROUND, True),
        ("6.7", TENTH, "6.75", CENT, ToleranceMode.ROUND, False),  # 6.75 prints 6.8
        ("6.7", TENTH, "6.79", CENT, ToleranceMode.TRUNCATE, True),  # cut, under truncation
        ("6.8", TENTH, "6.75", CENT, ToleranceMode.ROUND, True),
        ("545.19", CENT, "545.1949", Decimal("0.0001"), ToleranceMode.ROUND, True),  # 元 → 万元
        ("545.19", CENT, "545.1950", Decimal("0.0001"), ToleranceMode.ROUND, False),
        ("0", Decimal(1), "0.30", CENT, ToleranceMode.ROUND, True),  # "0万元" for 0.30
        ("0", Decimal(1), "0.50", CENT, ToleranceMode.ROUND, False),
        ("6.7", TENTH, "6.70", CENT, ToleranceMode.EXACT, True),
        ("6.7", TENTH, "6.74", CENT, ToleranceMode.EXACT, False),
    ],
)
def test_restates(
    printed: str, unit: Decimal, source: str, source_unit: Decimal, mode: ToleranceMode, ok: bool
) -> None:
    cmp = Tolerance(mode).restates(Decimal(printed), unit, Decimal(source), source_unit)
    assert cmp.consistent is ok
    assert cmp.slack == 0
    # the interval model, by contrast, lets two printings of one figure sit a cent apart
    if (printed, source) == ("545.20", "545.19"):
        assert Tolerance(mode).compare(Decimal(printed), [(1, Decimal(source))], CENT).consistent


def test_restates_blank_is_an_exact_zero() -> None:
    t = Tolerance()
    assert t.restates(None, CENT, Decimal("0.00"), CENT).consistent
    assert not t.restates(None, CENT, Decimal("0.01"), CENT).consistent
    assert t.restates(Decimal(0), Decimal(1), None, CENT).consistent


def test_restates_absolute_override() -> None:
    t = Tolerance(absolute=Decimal("0.05"))
    assert t.restates(Decimal("545.23"), CENT, Decimal("545.19"), CENT).consistent
    assert not t.restates(Decimal("545.25"), CENT, Decimal("545.19"), CENT).consistent


# -- between tables ---------------------------------------------------------------------------


def test_a_class_a_cent_apart_between_tables_is_an_error(seed: Disclosure) -> None:
    # 类 201 一般公共服务支出: 545.19 in 公开01/03/04/05; 公开03 prints 545.20.
    d = edit(seed, T03, ("201", "本年支出合计", "545.20"))
    r = run(d, "X4")
    assert bad(r) == {("X4", E, Place(T01.KIND, "201", "金额"))}
    f = r.errors[0]
    assert (f.expected, f.actual, f.difference, f.slack) == (
        Decimal("545.20"), Decimal("545.19"), Decimal("-0.01"), Decimal(0)
    )
    assert Place(T03.KIND, "201", "本年支出合计") in f.cells
    assert "尾数误差" in f.message and "printed twice" in f.message


def test_a_class_a_cent_apart_in_05_and_04(seed: Disclosure) -> None:
    d = edit(seed, T05, ("208", "合计", "50.87"))
    assert bad(run(d, "X5")) == {("X5", E, Place(T05.KIND, "208", "合计"))}


def test_a_total_a_cent_apart(seed: Disclosure) -> None:
    d = edit(seed, T04, ("本年支出合计", "一般公共预算财政拨款", "631.72"))
    assert bad(run(d, "X5")) == {("X5", E, Place(T05.KIND, "合计", "合计"))}


def test_a_sum_of_printed_parts_keeps_its_slack(seed: Disclosure) -> None:
    # 公开05 基本支出 = 公开06 人员经费合计 340.28 + 公用经费合计 9.69 = 349.97: a derived sum,
    # so 349.98 is within the two parts' rounding (尾数误差), reported as info.
    d = edit(seed, T05, ("合计", "基本支出", "349.98"))
    r = run(d, "X6")
    assert bad(r) == set()
    assert [(f.severity, f.difference) for f in r] == [(I, Decimal("0.01"))]
    # … and 349.99 is beyond the slack of two parts (0.01): an error
    d = edit(seed, T05, ("合计", "基本支出", "349.99"))
    assert bad(run(d, "X6")) == {("X6", E, Place(T05.KIND, "合计", "基本支出"))}


def test_one_printed_part_is_a_restatement(seed: Disclosure) -> None:
    # 公开06 without its 公用经费合计 line's value: 基本支出 restates 人员经费合计 alone.
    d = edit(edit(seed, T06, ("公用经费合计", "决算数", None)), T05, ("合计", "基本支出", "340.29"))
    assert bad(run(d, "X6")) == {("X6", E, Place(T05.KIND, "合计", "基本支出"))}


def test_different_facts_keep_the_slack(seed: Disclosure) -> None:
    # X4-mirror compares 02 income with 03 expenditure of a code: two amounts, not one.
    d = edit(seed, T03, ("2210201", "本年支出合计", "24.10"))
    assert bad(run(d, "X4-mirror")) == set()


def test_rules_say_why_they_changed() -> None:
    for rule_id in ("X1", "X4", "X5", "X12"):
        assert "尾数误差" in REGISTRY.get(rule_id).changed


# -- the narrative against the tables ---------------------------------------------------------


def _x12(d: Disclosure) -> set[tuple[str, Severity, Place | None]]:
    return bad(run(d, "X12"))


def test_the_seed_restates_its_tables_exactly(seed: Disclosure) -> None:
    r = run(seed, "X12")
    assert not r.errors and not r.warnings
    # "邮电费6.7万元" restates 公开06 30207 6.70 with one place fewer: it agrees
    f = next(f for f in r if f.place and f.place.column == "邮电费6.7万元")
    assert f.severity is I and "agrees" in f.message


@pytest.mark.parametrize(
    ("old", "new", "column", "wrong"),
    [
        # a 类 a cent off in the structure list of 五、
        ("一般公共服务支出(类)545.19万元", "一般公共服务支出(类)545.20万元",
         "一般公共服务支出(类)545.20万元", True),
        ("卫生健康支出(类)11.58万元", "卫生健康支出(类)11.57万元",
         "卫生健康支出(类)11.57万元", True),
        # fewer places: 6.70 rounds to 6.7 but not to 6.8
        ("邮电费6.7万元", "邮电费6.8万元", "邮电费6.8万元", True),
        ("邮电费6.7万元", "邮电费6.71万元", "邮电费6.71万元", True),
        # in 元: 67000元 is 6.70万元; 67100元 is 6.71万元 to the table's places
        ("邮电费6.7万元", "邮电费67000元", "邮电费67000元", False),
        ("邮电费6.7万元", "邮电费67100元", "邮电费67100元", True),
        ("人员经费340.28万元", "人员经费340.3万元", "人员经费340.3万元", False),
        ("人员经费340.28万元", "人员经费340.2万元", "人员经费340.2万元", True),
    ],
)  # fmt: skip
def test_a_restated_figure_in_the_text(old: str, new: str, column: str, wrong: bool) -> None:
    d = planted((old, new))
    section = S06 if "经费" in old or "邮电" in old else S05
    line = golden.line_of(old, after=golden.NARRATIVE_LINE)
    expected = {("X12", E, Place(NARRATIVE_TABLE, section, column, line))} if wrong else set()
    assert _x12(d) == expected


def test_a_contradiction_says_why() -> None:
    d = planted(("一般公共服务支出(类)545.19万元", "一般公共服务支出(类)545.20万元"))
    f = run(d, "X12").errors[0]
    assert f.slack == 0 and f.difference == Decimal("0.01")
    assert "尾数误差" in f.message


# -- equalities inferred, not printed twice ---------------------------------------------------


def test_an_equality_inferred_from_a_single_source_keeps_its_slack(seed: Disclosure) -> None:
    # X9: 公开05 基本支出 = 公开03 基本支出 only because the other sources print nil; a source
    # printed 0.00 may hide up to half a cent, so the equality is derived, not a restatement.
    d = edit(seed, T03, ("合计", "基本支出", "349.98"))
    r = run(d, "X9")
    assert not r.errors and [f.severity for f in r if f.difference] == [I]
