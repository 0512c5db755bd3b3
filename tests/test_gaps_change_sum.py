"""N-change-sum: a whole's change against the changes listed as its parts (其中/分别/“…中，”),
on real documents (the true error found with its place; consistent lists left alone) and on
texts that say both ways what the rule may and may not conclude."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from govfin.findings import Report, Severity
from govfin.narrative import extract_claims, sentences
from govfin.readers.files import read_path
from govfin.rules import check
from govfin.rules.narrative.change_sum import change_lists

DATA = Path(__file__).parent / "data"
REAL = DATA / "real"


def _report(path: Path) -> Report:
    result = read_path(path)
    return check(result.disclosure).located(result.log.place_of)


def _found(report: Report) -> list:
    return [f for f in report if f.rule_id == "N-change-sum"]


def test_real_fund_changes_do_not_add_up_to_the_whole():
    # 建管委 2026 预算, 编制说明: "财政拨款支出预算328,661万元，比2025年预算增加115,649万元。
    # 财政拨款支出预算中，一般公共预算…减少5,965万元；政府性基金…增加119,614万元；国有资本经营
    # 预算…增加0万元": −5,965 + 119,614 + 0 = +113,649, printed +115,649 (off by 2,000; the
    # three funds are all of 财政拨款).
    (found,) = _found(_report(REAL / "sh-putuo-jianguanwei-2026-budget.tsv"))
    assert found.severity is Severity.ERROR
    assert found.place is not None
    assert (found.place.table, found.place.row, found.place.column, found.place.line) == (
        "情况说明", "2026年部门预算编制说明", "比2025年预算增加115,649万元", 5,
    )  # fmt: skip
    assert found.difference == 2000 and found.expected == 113649
    assert "一般公共预算拨款支出预算 −5965" in found.message
    assert len(found.cells) == 3


def test_real_sangong_list_leaving_an_item_out_is_not_an_error():
    # 宜川路街道 2025 决算: "“三公”经费…减少3.59万元，下降15.31%，其中：公务用车…减少3.59万元，
    # 下降15.31%；公务接待费…增加0.3万元，增长100%".  因公出国（境）费 is not listed: it is 0.00
    # in 2025 and may have been 0.30 in 2024 (the total's own rate, 3.59 / 23.45 = 15.31 %, is
    # consistent), so the list proves no error; what it leaves open is said as an info.
    report = _report(REAL / "sh-putuo-yichuan-2025-final.tsv")
    (found,) = _found(report)
    assert found.severity is Severity.INFO
    assert found.place is not None and found.place.line == 425
    assert found.place.row == "七、财政拨款“三公”经费支出决算情况说明"
    assert "因公出国（境）费" in found.message and "−0.3 万元" in found.message


@pytest.mark.parametrize(
    "name",
    [
        "sh-putuo-wenlvju-2025-final.tsv",  # 三公 −19.66 = 0 (持平) − 20.06 + 0.40
        "sh-putuo-chengguan-2026-budget.tsv",  # funds −19.79; 三公 +27; 公务用车 +27 (items)
        "sh-putuo-wenlvju-2026-budget.tsv",  # all 持平, items and nested 公务用车
        "sh-putuo-shiquan-2025-final.tsv",  # list without the parts' changes: nothing read
    ],
)
def test_real_consistent_lists_report_nothing(name):
    assert _found(_report(REAL / name)) == []


def test_real_consistent_lists_are_read_whole():
    # what the consistent documents above list is read as complete lists (so that their
    # silence is a check that held, not a list missed)
    result = read_path(REAL / "sh-putuo-chengguan-2026-budget.tsv")
    lists = [
        found
        for s in result.disclosure.narrative.sections
        for found in change_lists(s.sentences(), s.claims())
    ]
    assert [(x.parts_of, len(x.parts), x.complete) for x in lists] == [
        ("财政拨款 by fund", 3, True),
        ("三公经费", 3, True),
        ("公务用车购置及运行费", 2, True),
    ]


def test_accuracy_budgets_report_nothing():
    for path in sorted((DATA / "accuracy").glob("*.txt")):
        assert _found(_report(path)) == [], path.name


def test_seed_reports_nothing():
    # the seed's 三公 paragraph ("…与上年…相同。其中：因公出国（境）费支出0万元，与上年相同…")
    # lists one item of a whole that did not change: nothing to report
    from govfin import examples

    assert _found(check(examples.load())) == []


FUNDS = (
    "财政拨款支出预算100万元，比2025年预算增加10万元。财政拨款支出预算中，一般公共预算拨款支出"
    "预算60万元，比2025年预算增加5万元；政府性基金拨款支出预算40万元，比2025年预算增加5万元；"
    "国有资本经营预算拨款支出预算0万元，比2025年预算持平。"
)


def _lists(text: str):
    return change_lists(sentences(text), extract_claims(text))


def test_complete_list_that_adds_up():
    text = (
        "“三公”经费支出比上年减少5.00万元，其中：因公出国（境）费与上年持平；"
        "公务用车购置及运行费减少3.01万元；公务接待费减少1.99万元。"
    )
    (found,) = _lists(text)
    assert found.complete


@pytest.mark.parametrize(
    ("text", "complete"),
    [
        # a list after the whole's name and 中, against a budget of another year
        (FUNDS, True),
        # an item left out: not complete
        ("“三公”经费支出比上年减少5万元，其中：公务用车购置及运行费减少3万元；公务接待费减少1万元。",
         False),
    ],
)  # fmt: skip
def test_lists_read(text, complete):
    (found,) = _lists(text)
    assert found.complete is complete


@pytest.mark.parametrize(
    "text",
    [
        # no mark that the changes after are the whole's parts
        "“三公”经费支出比上年减少5万元。公务用车购置及运行费减少3万元；公务接待费减少1万元。",
        # a part that is no member of the whole's parts: not certain
        "“三公”经费支出比上年减少5万元，其中：公务用车购置及运行费减少3万元；办公费减少1万元。",
        # a whole whose parts no template fixes
        "项目支出比上年减少5万元，其中：基建项目减少3万元；信息化项目减少1万元。",
        # a part given as a rate only: its change is not stated
        ("“三公”经费支出比上年减少5万元，其中：因公出国（境）费与上年持平；公务用车购置及运行费"
         "下降10%；公务接待费减少1万元。"),
    ],
)  # fmt: skip
def test_no_list_read(text):
    assert all(not x.complete for x in _lists(text))


def _narrative_report(text: str) -> list:
    import attrs

    from govfin import examples
    from govfin.disclosure import Narrative, NarrativeSection

    section = NarrativeSection("七、财政拨款“三公”经费支出决算情况说明", text)
    d = attrs.evolve(examples.load(), narrative=Narrative((section,)))
    return _found(check(d))


def test_error_only_when_the_intervals_cannot_meet():
    # 0.01 short within the printed places (each ±0.005: slack 0.02): no error
    near = ("“三公”经费支出比上年减少5.00万元，其中：因公出国（境）费与上年持平；"
            "公务用车购置及运行费减少3.00万元；公务接待费减少1.99万元。")  # fmt: skip
    assert _narrative_report(near) == []
    far = near.replace("1.99", "1.90")
    (found,) = _narrative_report(far)
    assert found.severity is Severity.ERROR and found.difference == Decimal("-0.10")


def test_real_pdf_budget_fund_line_copied():
    # 万里街道 2023 预算 (PDF): "…政府性基金拨款支出预算0万元，比2022年预算增加1421.25万元；…" copies
    # the 一般公共预算 line's change: the funds' changes add up to +2,842.50 against the
    # whole's +1,421.25.
    (found,) = _found(
        _report(DATA / "pdf" / "sh-putuo-wanlijiedao-2023-bumen-yusuan-with-jixiao-mubiao.pdf")
    )
    assert found.severity is Severity.ERROR and found.place is not None
    assert found.place.column == "比2022年预算增加1421.25万元"
    assert found.expected == Decimal("2842.50") and found.actual == Decimal("1421.25")
