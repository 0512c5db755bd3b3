"""More real filled documents, read and checked whole (helper real8; see tests/test_real_docs.py).

Each file is described in tests/data/real/README.md (where it comes from, every judgement made
while converting it).  Every error and warning govfin prints on it was read against the printed
document and judged; the tests assert the true ones are found where the document is wrong and
that the false ones (govfin's misreadings, fixed) stay gone.
"""

from __future__ import annotations

import pytest
from real_docs import REAL, checked
from real_docs import flagged as _flagged

from govfin.findings import Report, Severity
from govfin.readers.document import ReadResult
from govfin.readers.files import read_path
from govfin.rules import check

SHENGTAI = REAL / "sh-putuo-shengtai-2025-final.tsv"
NARRATIVE = "情况说明"
FIVE = "五、一般公共预算财政拨款支出决算情况说明"


def _table(result: ReadResult, kind: str):
    return next(t for t in result.disclosure.tables if t.KIND == kind)


@pytest.fixture(scope="module")
def shengtai() -> tuple[ReadResult, Report]:
    return checked(SHENGTAI)


# -- 上海市普陀区生态环境局 2025 年度部门决算 ----------------------------------------------------


def test_shengtai_is_read_whole(shengtai):
    # Nothing the reader could not place, nothing withheld.
    result, report = shengtai
    assert result.disclosure.department == "上海市普陀区生态环境局"
    assert not [f for f in report if f.rule_id.startswith("READ")]
    assert not report.withheld


def test_shengtai_code_header_printed_on_the_total_row(shengtai):
    # 收入决算表 and 支出决算表 print the header's 类 | 款 | 项 cells on the row of 合计
    # ("类 | 款 | 项 | 合计 | 4,733.14 | …") and each code over those three columns: the tables
    # ended "early: no 合计 row" and were not read.  Now the labels are the header's, the code
    # one cell, and 合计 the total.
    result, _ = shengtai
    income = _table(result, "收入决算表")
    spend = _table(result, "支出决算表")
    assert str(income.get("合计").values["本年收入合计"]) == "4733.14"
    assert str(spend.get("合计").values["项目支出"]) == "1367.76"
    assert str(spend.get("2110101").values["基本支出"]) == "1283.70"
    assert str(income.get("2210203").values["财政拨款收入"]) == "202.20"


def test_shengtai_economic_codes_printed_over_two_columns(shengtai):
    # 一般公共预算财政拨款基本支出决算表 prints each half's code over 类 | 款 cells ("301 | 01 |
    # 基本工资 | 405.36 | 302 | 01 | 办公费 | 92.11"): every row was "8 cells where the header
    # has 7" and unread.  The code is the 类 and 款 joined (30101).
    result, _ = shengtai
    detail = next(t for t in result.disclosure.tables if "基本支出" in t.KIND)
    assert str(detail.get("30101").values["决算数"]) == "405.36"
    assert str(detail.get("30201").values["决算数"]) == "92.11"
    assert str(detail.get("31002").values["决算数"]) == "13.94"
    assert str(detail.get("301").values["决算数"]) == "2857.05"


def test_shengtai_true_findings(shengtai):
    _, report = shengtai
    expected = {
        # the 收入决算表 prints two names cut short (the 支出决算表 prints them whole)
        ("C-name", "收入决算表", "2080505", "科目名称"),
        ("C-name", "收入决算表", "2080506", "科目名称"),
        # 机关运行经费 185.41, up 4.68: 4.68 / 180.73 = 2.59% (2.5924% at the most with both
        # figures rounded), printed 2.60%
        ("N-change", NARRATIVE, "十一、其他重要事项的情况说明", "比2024年度增加4.68万元，增长2.60%"),
        # "公务接待费支出决算减少为 0.00万元，与 2024 年持平": fell to 0 and level with 2024
        # (gaps9; the GovBudgetChecker annotation lists it as a defect).  The sentence's
        # "与2024年持平" is printed twice on its line (因公出国（境）费's first).
        ("N-change", NARRATIVE, "七、财政拨款“三公”经费支出决算情况说明", "与2024年持平（第2处）"),
        # "国内公务接待支出 0.00 万（含外宾接待支出 0.00 万元）。其中：接待外宾 0 批次、0 人次。":
        # the 批次/人次 of 国内公务接待 itself not given (the annotation lists it; gaps9)
        ("N-reception-count", NARRATIVE, "七、财政拨款“三公”经费支出决算情况说明", "国内公务接待支出0.00万"),
    }  # fmt: skip
    assert _flagged(report) == expected


def test_shengtai_one_cent_residues_are_no_errors(shengtai):
    # 211/21111/2111101 print 合计 one cent above 基本 + 项目; 项目支出 1,367.76 in 支出决算表,
    # 1,367.75 in 一般公共预算 table; 公用经费合计 416.36 against 302 + 310 = 416.37: rounding.
    _, report = shengtai
    residues = {(f.rule_id, f.place.row) for f in report if f.severity is Severity.INFO
                and "rounding residue" in f.message}  # fmt: skip
    assert ("X9", "合计") in residues and ("R06-2", "公用经费合计") in residues


def _narrative(report: Report, rule: str, column: str):
    return [f for f in report if f.rule_id == rule and f.place and f.place.column == column]


def test_shengtai_item_opening_with_its_xiang_is_the_subject(shengtai):
    # "1.社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休（项），主要用于…。
    # 年初预算为51.50万元，支出决算为51.98万元。": 51.98 is 2080501's.  The heading goes on with
    # "，主要用于…", so it was not taken for the item's subject: 51.98 was compared with the
    # paragraph's 一般公共预算 total 4,733.14 (a false X12 error), and the other items' figures
    # were left unchecked ("no table figure is named by “”").
    _, report = shengtai
    (item1,) = _narrative(report, "X12", "支出决算为51.98万元")
    assert item1.severity is Severity.INFO and "agrees" in item1.message and "51.98" in item1.message
    # the same sentence as the heading (item 14, 大气 2110301)
    (item14,) = _narrative(report, "X12", "支出决算为379.96万元")
    assert "agrees" in item14.message
    # an item's figure printed wrong would be found: every item's 决算 is checked
    checked = [f for f in report if f.rule_id == "X12" and f.place and f.place.row == FIVE
               and "agrees" in f.message]  # fmt: skip
    assert len(checked) >= 20


def test_shengtai_this_years_actual_named_dangnian(shengtai):
    # "当年支出决算为213.10万元" (items 15-18): 当年 is this year, not a subject.
    _, report = shengtai
    for figure in ("213.10", "30.00", "1493.39", "82.80"):
        (f,) = _narrative(report, "X12", f"当年支出决算为{figure}万元")
        assert "agrees" in f.message


def test_shengtai_item_figure_misprinted_is_found(tmp_path):
    # The same document with item 1's 51.98 misprinted 51.89: found against 2080501 (so the
    # subject is really the item's 项).
    text = SHENGTAI.read_text(encoding="utf-8").replace(
        "年初预算为 51.50 万元，支出决算为 51.98 万元", "年初预算为 51.50 万元，支出决算为 51.89 万元"
    )
    assert "51.89" in text
    planted = tmp_path / "shengtai-planted.tsv"
    planted.write_text(text, encoding="utf-8")
    result = read_path(planted)
    report = check(result.disclosure).located(result.log.place_of)
    (f,) = _narrative(report, "X12", "支出决算为51.89万元")
    assert f.severity is Severity.ERROR and "51.98" in f.message
