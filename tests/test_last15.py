"""Issue 15, the last two cases of the accuracy suite (tests/accuracy/cases.py).

- ``ok-halfwidth-commas``: with the 情况说明's "，" typed as ",", the number tokenizer of the
  narrative (:data:`govfin.narrative.text._TOKEN`) refused every number right after a ","
  (the guard meant for a thousands separator: "1,23万元" is no "23万元"), so in
  "6个项目自评等级为“优”,3个项目自评等级为“中”,13个…" only "6个" was a number and N-perf read
  a grade count of 6 against 22.  A number now may follow a "," that does not follow a digit.
- ``budget-date``: N-stale-year now reads budgets too: a figure dated last year that equals
  this year's budget figure it names, unless the text speaks of last year's outturn, gives a
  balance date, says the years are equal, or the figure is the 上年 one the table prints.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from accuracy.cases import document_text
from facts_plant import bad, planted, run
from hypothesis import given
from hypothesis import strategies as st

from govfin.findings import Severity
from govfin.narrative import GradeCountClaim, extract_claims
from govfin.narrative.claims import _tokens
from govfin.readers import read_text
from govfin.rules.years import document_year

E = Severity.ERROR

# -- the tokenizer after a half-width comma --------------------------------------------------------


def _numbers(text: str) -> list[str]:
    return [m.group(0) for m, _ in _tokens(text)]


def test_a_number_after_a_half_width_comma_is_a_number() -> None:
    assert _numbers("为“优”,3个项目") == ["3个"]
    assert _numbers("减少10万元,下降5.5%") == ["10万元", "5.5%"]
    assert _numbers("为“优”，3个项目") == ["3个"]


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("收入1,234.56万元", ["1,234.56万元"]),  # a thousands separator stays inside the number
        ("收入1,23万元", []),  # a malformed grouping is no "23万元" either
        ("共2,3个", []),  # "2,3": one number or two, no telling; neither is read
        ("合计12,345,678元", ["12,345,678元"]),
    ],
)  # fmt: skip
def test_no_number_begins_inside_another(text: str, numbers: list[str]) -> None:
    assert _numbers(text) == numbers


_GRADES = ("优", "良", "中", "差")


@given(st.lists(st.tuples(st.integers(0, 999), st.sampled_from(_GRADES)), min_size=1, max_size=4))
def test_the_grade_counts_do_not_depend_on_the_comma_width(
    counts: list[tuple[int, str]],
) -> None:
    total = sum(n for n, _ in counts)
    parts = [f"{n}个项目自评等级为“{g}”" for n, g in counts]
    found = {}
    for comma in ("，", ","):
        text = (
            f"2024年二级项目绩效自评个数{total}个{comma}涉及资金205万元："
            + comma.join(parts)
            + "。"
        )
        found[comma] = [
            (c.grade, c.count.value) for c in extract_claims(text)
            if isinstance(c, GradeCountClaim)
        ]  # fmt: skip
    assert found[","] == found["，"] == [(g, Decimal(n)) for n, g in counts]


def test_the_seeds_perf_claim_with_half_width_commas() -> None:
    # 十(四) of the seed: 22 evaluated, 6 优, 3 中, 13 差 (6 + 3 + 13 = 22)
    old = "6个项目自评等级为“优”，3个项目自评等级为“中”，13个项目自评等级为“差”"
    d = planted((old, old.replace("，", ",")))
    grades = [(c.grade, int(c.count.value)) for c in d.claims() if isinstance(c, GradeCountClaim)]
    assert grades == [("优", 6), ("中", 3), ("差", 13)]


# -- N-stale-year in a budget ----------------------------------------------------------------------

#: The 2025 Shanghai budget's 三公 sentence; its table prints 37.91 (本年预算数 合计).
THREE = "2025年“三公”经费预算数为37.91万元"
ROW = "37.91\t0\t1.35\t36.56\t15\t21.56\t464.64\n"
#: A 上年预算数 row for the 三公 table, from the narrative's own words: 三公 and 公务用车购置费
#: "比2024年预算减少10万元", the rest "持平"; 机关运行经费 (the narrative gives no change) kept
#: equal.  The real table prints no such row: this is a constructed variant.
PREVIOUS = "上年预算数\t47.91\t0\t1.35\t46.56\t25\t21.56\t464.64\n"


def _stale(old: str, new: str, *, previous_row: bool = False) -> list[str]:
    text = document_text("budget")
    assert text.count(old) == 1 and text.count(ROW) == 1
    text = text.replace(old, new)
    if previous_row:
        text = text.replace(ROW, ROW + PREVIOUS)
    d = read_text(text).disclosure
    assert d.kind == "预算" and document_year(d) == 2025
    return [f"{f.severity.name} {f.place.column if f.place else None}"
            for f in run(d, "N-stale-year") if f.severity is not Severity.INFO]  # fmt: skip


def test_the_budget_is_silent() -> None:
    assert _stale(THREE, THREE) == []
    assert _stale(THREE, THREE, previous_row=True) == []


@pytest.mark.parametrize("previous_row", [False, True])
def test_this_years_budget_figure_under_last_years_date(previous_row: bool) -> None:
    # 37.91 is this year's figure (本年预算数); last year's, by the text's "减少10万元", was 47.91
    found = _stale(THREE, "2024年“三公”经费预算数为37.91万元", previous_row=previous_row)
    assert found == ["ERROR 2024年“三公”经费预算数为37.91万元"]


def test_a_figure_equal_to_the_printed_last_years_figure_is_not_dated_wrong() -> None:
    # 机关运行经费 464.64 both years (the constructed 上年 row): "2024年…464.64" may be last year's
    old = "机关运行经费预算为464.64万元"
    new = old + "，2024年机关运行经费预算为464.64万元"
    assert _stale(old, new, previous_row=True) == []
    # without the 上年 row nothing says last year's was the same: this year's figure, dated 2024
    assert _stale(old, new) == ["ERROR 2024年机关运行经费预算为464.64万元"]


def test_last_years_budget_named_as_such() -> None:
    # "2024年预算数为…": the date dates the budget word; with no 上年 figure printed, last
    # year's budget may equal this year's
    new = THREE + "，2024年预算数为37.91万元"
    assert _stale(THREE, new) == []
    # ... but a 上年 column printing 47.91 says 37.91 is not last year's budget
    assert _stale(THREE, new, previous_row=True) == ["ERROR 2024年预算数为37.91万元"]


@pytest.mark.parametrize(
    "new",
    [
        THREE + "，2024年“三公”经费执行数为37.91万元",  # last year's outturn, stated as such
        THREE + "，2024年“三公”经费预算数为47.91万元",  # last year's budget, another figure
        THREE + "，与2024年预算相比，“三公”经费预算数为37.91万元",  # a comparison
        "2024年“三公”经费预算数为37.91万元，与2025年持平",  # the years said to be equal
    ],
)  # fmt: skip
@pytest.mark.parametrize("previous_row", [False, True])
def test_legitimate_mentions_of_last_year_in_a_budget(new: str, previous_row: bool) -> None:
    assert _stale(THREE, new, previous_row=previous_row) == []


def test_a_balance_date_before_the_budget_year_is_right() -> None:
    # "截至2024年8月31日，…共有车辆8辆": the assets when the 2025 budget is drawn up
    assert _stale("截至2024年8月31日", "截至2023年8月31日") == []


def test_the_decision_on_the_seed_is_unchanged() -> None:
    d = planted(("2024年度收入总计648.92万元", "2023年度收入总计648.92万元"))
    assert {(r, s) for r, s, _ in bad(run(d, "N-stale-year"))} == {("N-stale-year", E)}
