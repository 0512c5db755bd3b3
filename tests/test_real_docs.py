"""Real filled documents of other departments and years, read and checked whole.

Each file under tests/data/real/ is the text of a public document (tests/data/real/README.md:
where each comes from and every judgement made while converting it).  Every error and warning
govfin prints on them was read against the printed document and judged; the tests below
assert the true ones are found where the document is wrong, and that the false ones (govfin's
misreadings, fixed) stay gone.
"""

from __future__ import annotations

import pytest
from real_docs import REAL, checked
from real_docs import flagged as _flagged

from govfin.findings import Report, Severity
from govfin.readers.document import ReadResult

YICHUAN = REAL / "sh-putuo-yichuan-2025-final.tsv"
CHENGGUAN = REAL / "sh-putuo-chengguan-2026-budget.tsv"


@pytest.fixture(scope="module")
def yichuan() -> tuple[ReadResult, Report]:
    return checked(YICHUAN)


@pytest.fixture(scope="module")
def chengguan() -> tuple[ReadResult, Report]:
    return checked(CHENGGUAN)


# -- 上海市普陀区人民政府宜川路街道办事处 2025 年度部门决算 --------------------------------------


def test_yichuan_department_is_the_cover_name_set_over_two_lines(yichuan):
    # The cover prints "上海市普陀区人民政府" / "宜川路街道办事处" / "2025 年度部门决算": the
    # department is both lines (it was read as the first line alone, 上海市普陀区人民政府).
    result, _ = yichuan
    assert result.disclosure.department == "上海市普陀区人民政府宜川路街道办事处"


def test_yichuan_narrative_names_the_kuan_of_a_shared_xiang_name(yichuan):
    # "一般公共服务支出（类）组织事务（款）一般行政管理事务（项）74.33 万元" is row 2013202
    # (74.33); 一般行政管理事务 is also 2012902, 2013302, 2013802, 2081602 and 2120102.  The
    # first row of that name (2012902, 37.51) was taken: six false X12 errors.
    _, report = yichuan
    x12 = [f for f in report if f.rule_id == "X12" and f.severity is Severity.ERROR]
    assert [f.place.column for f in x12 if f.place] == [
        "社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位职业年金缴费支出（项）269.85万元",
        "住房保障支出（类）超长期特别国债安排的支出（款）其他住房保障支出（项）135.00万元",
        "支出决算为135.00万元",
    ]
    agreed = {
        f.place.column: f.message
        for f in report
        if f.rule_id == "X12" and f.severity is Severity.INFO and f.place
    }
    for printed, row in (
        ("一般公共服务支出（类）组织事务（款）一般行政管理事务（项）74.33万元", "2013202"),
        ("一般公共服务支出（类）宣传事务（款）一般行政管理事务（项）29.79万元", "2013302"),
        ("一般公共服务支出（类）市场监督管理事务（款）一般行政管理事务（项）21.60万元", "2013802"),
        ("社会保障和就业支出（类）红十字事业（款）一般行政管理事务（项）8.43万元", "2081602"),
        ("城乡社区支出（类）城乡社区管理事务（款）一般行政管理事务（项）1037.82万元", "2120102"),
    ):
        assert "agrees" in agreed[printed] and row in agreed[printed], printed


def test_yichuan_true_findings(yichuan):
    _, report = yichuan
    flagged = _flagged(report)
    basic = "一般公共预算财政拨款基本支出决算明细表"
    narrative = "情况说明"
    expected = {
        # 30299 其他商品和服务支出 is printed 1,844.57, the 302 total itself: the children add
        # up to 3,689.14 (the others alone make 1,844.57).
        ("R06-tree", basic, "302", "决算数"),
        # 30212 因公出国（境）费用 13.24, 30217 公务接待费 8.31, 30231 公务用车运行维护费 81.11
        # in the 基本支出 table, above the 三公 table's 决算数 0, 0.30 and 19.56.
        ("X11", basic, "30212", "决算数"),
        ("X11", basic, "30217", "决算数"),
        ("X11", basic, "30231", "决算数"),
        # 减少 929.49 from 20218.21 is 4.40%, printed 4.35%.
        ("N-change", narrative, "五、一般公共预算财政拨款支出决算情况说明",
         "一般公共预算财政拨款支出减少929.49万元，下降4.35%"),
        # 公务用车: 减少 3.59 from 19.56 is 15.51%, printed 15.31% (the rate of the 三公 total).
        ("N-change", narrative, "七、财政拨款“三公”经费支出决算情况说明",
         "公务用车购置及运行维护费支出决算减少3.59万元，下降15.31%"),
        # 职业年金缴费支出 269.85 in the narrative, 269.86 in every table (and later in the
        # same paragraph).
        ("X12", narrative, "五、一般公共预算财政拨款支出决算情况说明",
         "社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位职业年金缴费支出（项）269.85万元"),
        # 公务接待费 "增加 0.3 万元，增长 100%" on a nil base.
        ("N-zero-base", narrative, "七、财政拨款“三公”经费支出决算情况说明",
         "公务接待费支出决算增加0.3万元，增长100%"),
        # 其他住房保障支出 135.00 in the narrative (twice), 105.00 in the 政府性基金 table.
        ("X12", narrative, "八、政府性基金预算财政拨款收入支出决算情况说明",
         "住房保障支出（类）超长期特别国债安排的支出（款）其他住房保障支出（项）135.00万元"),
        ("X12", narrative, "八、政府性基金预算财政拨款收入支出决算情况说明", "支出决算为135.00万元"),
        # "10、文化体育与传媒支出（类）体育（款）群众体育（项）": the 2017 name of 207, which every
        # table of this 2025 决算 prints as 文化旅游体育与传媒支出 (N-class-name, a warning).
        ("N-class-name", narrative, "五、一般公共预算财政拨款支出决算情况说明",
         "文化体育与传媒支出（类）"),
    }  # fmt: skip
    fund = "政府性基金预算财政拨款收入支出决算表"
    # The 政府性基金 table's 合计 row prints no figure under 本年支出 (see below): its 合计 falls
    # short of its one row (105.00), of the 财政拨款收入支出决算总表's 105.00, and of 年末 = 年初
    # + 收入 − 支出; the reader says why (READ-identity, a warning: nothing is lost).
    missing_total = {
        ("READ-identity", fund, None, None),
        ("R07-tree", fund, "合计", "本年支出小计"),
        ("R07-tree", fund, "合计", "项目支出"),
        ("X7", fund, "合计", "本年支出小计"),
        ("R07-2", fund, "合计", "年末结转和结余"),
    }
    assert flagged == expected | missing_total


def test_yichuan_fund_table_with_its_subheads_on_the_total_row_is_read(yichuan):
    # The 政府性基金 table prints 本年支出's 合计/基本支出/项目支出 labels on the row of 合计
    # (105.00 under 本年收入): "合计 | | | 105.00 | 合计 | 基本支出 | 项目支出 |".  It was not read
    # (READ-identity, an error) and every finding resting on it withheld, the narrative's 135.00
    # against the table's 105.00 among them.  Now the labels are read as the header's last row
    # and the 合计 row as printed: no figure under 本年支出.
    result, report = yichuan
    assert not report.withheld
    (read,) = [f for f in report if f.rule_id == "READ-identity"]
    assert read.severity is Severity.WARNING and "合计、基本支出、项目支出" in read.message
    fund = next(
        t for t in result.disclosure.tables if t.KIND == "政府性基金预算财政拨款收入支出决算表"
    )
    total = fund.get("合计")
    assert str(total.values["本年收入"]) == "105.00"
    assert total.values["本年支出小计"] is None and total.values["项目支出"] is None
    assert str(fund.get("2219899").values["项目支出"]) == "105.00"


# -- 上海市普陀区城市管理行政执法局 2026 年部门预算 ---------------------------------------------


def test_chengguan_budget_reads_every_table_and_finds_nothing_wrong(chengguan):
    # A consistent document (checked by hand: every 合计, 类 = Σ款 = Σ项, the four functional
    # tables, the 三公 sums 114.22 = 0 + 0.46 + 113.76 and 113.76 = 75 + 38.76, 机关运行经费
    # 507.25 = 公用经费 5,072,538 元, every figure of the 编制说明).
    result, report = chengguan
    assert result.document is not None
    assert len(result.document.tables) == 9
    assert not result.document.unread
    assert _flagged(report) == set()
    # every figure the narrative restates agrees: 5 incomes and 5 expenditures of the 编制说明,
    # its 9 项, the 6 三公 figures and the 机关运行经费
    x12 = [f for f in report if f.rule_id == "X12"]
    assert len(x12) == 5 + 5 + 9 + 6 + 1 and all("agrees" in f.message for f in x12)


# -- 上海市普陀区文化和旅游局 2026 年部门预算 ---------------------------------------------------

WENLVJU = REAL / "sh-putuo-wenlvju-2026-budget.tsv"


@pytest.fixture(scope="module")
def wenlvju() -> tuple[ReadResult, Report]:
    return checked(WENLVJU)


def test_wenlvju_budget_is_consistent_and_its_codes_are_known(wenlvju):
    # Consistent by hand (every 合计 and tree of the three functional tables and of the
    # economic one, 三公 11.49 = 0 + 2.11 + 9.38, 302 17 公务接待费 21,100 元 = 2.11 万元).
    # Its codes 20701 文化和旅游 (and 项), 2079903, 2079999, 21508, 2150899 are real codes of
    # 《2025年政府收支分类科目》 that govfin's partial list lacked: 48 false C-code warnings.
    # Its wording is garbled twice (N-garbled warnings, gaps9): "比2025年预算增加增加27.45万元"
    # (the same word twice: the change is still read, as 财政拨款收入's, and checked) and
    # "与2025年预算增加持平" (增加 and 持平 together: the direction cannot be told).
    result, report = wenlvju
    assert result.document is not None and len(result.document.tables) == 9
    intro = "2026年部门预算编制说明"
    assert _flagged(report) == {
        ("N-garbled", "情况说明", intro, "比2025年预算增加增加27.45万元"),
        ("N-garbled", "情况说明", intro, "与2025年预算增加持平"),
    }
    assert not [f for f in report if f.rule_id == "C-code"]


def test_wenlvju_a_xiang_named_like_its_kuan_is_not_taken_for_the_lei(wenlvju):
    # "文化旅游体育与传媒支出(类)其他文化体育与传媒支出(款)其他文化旅游体育与传媒支出(项)”20.00万元"
    # is row 2079999 (200,000 元).  Its 项 name is also the name of its 款 20799; the 款 is
    # printed under its old name, so the claim cannot tell the two apart.  The name's shorter
    # suffix "文化旅游体育与传媒支出" (the 类 207, 199,337,712 元) was taken instead: a false X12
    # error.  Now: not checkable.
    _, report = wenlvju
    item = "13.“文化旅游体育与传媒支出(类)其他文化体育与传媒支出(款)其他文化旅游体育与传媒支出(项)”20.00万元"
    about = [f for f in report if f.place is not None and f.place.column == item]
    assert [f.rule_id for f in about] == ["N-unchecked"]
    item12 = "12.“文化旅游体育与传媒支出(类)其他文化体育与传媒支出(款)文化产业发展专项支出(项)”2,462.00万元"
    (x12,) = [f for f in report if f.rule_id == "X12" and f.place and f.place.column == item12]
    assert "agrees" in x12.message and "2079903" in x12.message


# -- 上海市普陀区建设和管理委员会 2026 年部门预算 -----------------------------------------------

JIANGUANWEI = REAL / "sh-putuo-jianguanwei-2026-budget.tsv"


@pytest.fixture(scope="module")
def jianguanwei() -> tuple[ReadResult, Report]:
    return checked(JIANGUANWEI)


def test_jianguanwei_income_table_with_its_header_printed_twice_is_read(jianguanwei):
    # The 收入预算总表 prints its 功能分类科目编码 and 类/款/项 header rows twice on its first
    # page.  A header row read after the 类/款/项 row had its code columns joined twice (once as
    # a row, once as a header), and the repeat stacked the names again: READ-identity, the table
    # not read and 58 findings withheld.
    result, report = jianguanwei
    assert result.document is not None and len(result.document.tables) == 9
    assert not [f for f in report if f.rule_id.startswith("READ")]
    assert not report.withheld
    income = next(t for t in result.disclosure.tables if t.KIND == "收入预算总表（上海）")
    assert str(income.get("2120601").values["合计"]) == "35188541.00"


def test_jianguanwei_change_subjects_are_not_the_word_budget(jianguanwei):
    # "一般公共预算拨款支出预算49,376万元，比2025年预算减少5,965万元" against "财政拨款支出预算
    # 328,661万元，比2025年预算增加115,649万元": "比2025年预算" is what the figure is compared
    # with; both changes were given the subject "预算", and N-direction called them one subject
    # moving both ways (a false error).  The 一般公共预算 fell while the total rose.
    _, report = jianguanwei
    # (the one true finding: the 财政拨款 change against its funds' changes, N-change-sum,
    # tests/test_gaps_change_sum.py)
    assert {rule for rule, *_ in _flagged(report)} == {"N-change-sum"}
    result, _ = jianguanwei
    from govfin.narrative import ChangeClaim

    subjects = [
        c.key
        for s in result.disclosure.narrative.sections
        for c in s.claims()
        if isinstance(c, ChangeClaim) and "2025年预算" in c.text and c.delta is not None
    ]
    assert "预算" not in subjects
    assert {"一般公共预算拨款支出预算", "政府性基金拨款支出预算", "财政拨款支出预算"} <= set(
        subjects
    )


# -- 上海市普陀区文化和旅游局 2025 年度部门决算 -------------------------------------------------

WENLV_FINAL = REAL / "sh-putuo-wenlvju-2025-final.tsv"
GENERAL = "一般公共预算财政拨款支出决算表"


@pytest.fixture(scope="module")
def wenlv_final() -> tuple[ReadResult, Report]:
    return checked(WENLV_FINAL)


def _x12(report: Report, text: str, line: int):
    (found,) = [
        f for f in report
        if f.rule_id == "X12" and f.place and f.place.column == text and f.place.line == line
    ]  # fmt: skip
    return found


def test_wenlv_final_an_item_heading_names_what_its_figures_are_of(wenlv_final):
    # "其中：\n1、文化旅游体育与传媒支出（类）文化和旅游（款）行政运行（项）。主要用于：…。年初预算为
    # 511.66 万元，支出决算为 457.86 万元。": the heading prints no figure, the figures follow.  The
    # 支出决算 of item 1 was taken for the paragraph's subject before it (一般公共预算财政拨款支出,
    # 1,700.57 as printed: a false X12 error), that of items 2–24 named nothing (not checked);
    # the same in 八、 (2.80 taken for the 政府性基金 table's 本年收入 合计, 2,002.80).
    _, report = wenlv_final
    item1 = _x12(report, "支出决算为457.86万元", 300)
    assert item1.severity is Severity.INFO and "2070101" in item1.message
    item2 = _x12(report, "支出决算为3070.63万元", 301)
    assert item2.severity is Severity.INFO and "2070104" in item2.message
    fund = _x12(report, "支出决算为2.80万元", 340)
    assert fund.severity is Severity.INFO and "2070904" in fund.message


def test_wenlv_final_a_flat_item_of_a_change_is_about_its_own_subject(wenlv_final):
    # "…“三公”经费财政拨款支出决算数比 2024 年度减少 19.66 万元，下降 86.61%，其中：因公出国
    # （境）费支出决算与 2024 年持平；…": 持平 is said of 因公出国（境）费 (0 both years), not of
    # the 三公 total: N-change reported "持平 with a change of 19.66万元" (a false error).
    _, report = wenlv_final
    assert not [f for f in report if f.rule_id == "N-change" and f.severity is Severity.ERROR]


def test_wenlv_final_true_findings(wenlv_final):
    # The 一般公共预算财政拨款支出决算表 prints its amounts against the wrong codes from 20709 on
    # (20709 旅游发展基金支出, a 政府性基金 code, is listed with 20799's 2,369.56; 合计 prints
    # 1,700.57, 2070105's figure): every tree, restatement and ≤ check of that table fails, and so
    # does every narrative figure restated from it.  Nothing else is flagged but the 政府性基金
    # table's 合计 row (it prints the names of 本年支出's columns instead of their totals), the
    # share 6.08% (1493.32 / 24535.67 = 6.09%, printed so that the shares add up to 100%) and the
    # rate on a nil base.
    _, report = wenlv_final
    flagged = _flagged(report)
    fund = "政府性基金预算财政拨款收入支出决算表"
    narrative = "情况说明"
    for expected in (
        ("R05-tree", GENERAL, "合计", "合计"),
        ("X5", GENERAL, "合计", "合计"),
        ("X6", GENERAL, "合计", "基本支出"),
        ("X9", GENERAL, "20709", "项目支出"),
        ("READ-identity", fund, None, None),
        ("R07-tree", fund, "合计", "本年支出小计"),
        ("N-share", narrative, "五、一般公共预算财政拨款支出决算情况说明",
         "社会保障和就业支出（类）1493.32万元，占6.08%"),
        ("N-zero-base", narrative, "七、财政拨款“三公”经费支出决算情况说明",
         "公务接待费支出决算增加0.40万元，增长100%"),
    ):  # fmt: skip
        assert expected in flagged, expected
    assert {table for _, table, _, _ in flagged} == {GENERAL, fund, narrative}
    for f in report:
        if f.rule_id == "X12" and f.severity is Severity.ERROR:
            assert "公开05表" in f.message, f.message  # only against the misprinted table
    assert not [f for f in report if f.rule_id == "C-code"]


def test_chengguan_flat_against_last_years_budget_keeps_the_subject_before_it(chengguan):
    # "（一）因公出国（境）费0万元，与2025年预算持平。": the clause names no subject of its own
    # ("与2025年预算" is what it is compared with), so 持平 is said of 因公出国（境）费.
    result, _ = chengguan
    from govfin.narrative import ChangeClaim

    flat = {
        c.text: c.key
        for s in result.disclosure.narrative.sections
        for c in s.claims()
        if isinstance(c, ChangeClaim) and c.direction == "持平"
    }
    assert flat["与2025年预算持平"] and not flat["与2025年预算持平"].startswith("与")
    assert all(not k.startswith(("与", "比")) for k in flat.values())


# -- 上海市普陀区人民政府石泉路街道办事处 2025 年度部门决算 -------------------------------------

SHIQUAN = REAL / "sh-putuo-shiquan-2025-final.tsv"


@pytest.fixture(scope="module")
def shiquan() -> tuple[ReadResult, Report]:
    return checked(SHIQUAN)


def test_shiquan_department_without_the_titles_year(shiquan):
    # "上海市普陀区人民政府" / "石泉路街道办事处 2025" / "年度部门决算": the year ends a name line.
    result, _ = shiquan
    assert result.disclosure.department == "上海市普陀区人民政府石泉路街道办事处"


def test_shiquan_class_list_names_every_class_some_in_other_words(shiquan):
    # The list "1.“一般公共服务”306.90 万元 … 5.“文化体育与传媒支出”82.51 万元 …" names 201 without
    # its 支出 and 207 by its former name: it leaves out no 类 (a false N-class-list error).
    _, report = shiquan
    assert not [f for f in report if f.rule_id == "N-class-list"]


def test_shiquan_spending_above_the_budget_with_its_reason_given(shiquan):
    # "年初预算为 20.66 万元，支出决算为 22.64 万元，完成年初预算的 109.58%。决算数大于预算数的主要
    # 原因：追加了…": the reason N-over-budget asks for is printed (six false warnings).
    _, report = shiquan
    assert not [f for f in report if f.rule_id == "N-over-budget"]


def test_shiquan_true_findings(shiquan):
    _, report = shiquan
    flagged = _flagged(report)
    spend, general = "支出决算表", GENERAL
    narrative = "情况说明"
    five = "五、一般公共预算财政拨款支出决算情况说明"
    expected = {
        # 212 and 21201 print 基本支出 1,066.51 where their rows add up to 10,661.51
        ("R03-1", spend, "212", "本年支出合计"),
        ("R03-1", spend, "21201", "本年支出合计"),
        ("R03-tree", spend, "合计", "基本支出"),
        ("R03-tree", spend, "21201", "基本支出"),
        ("R05-1", general, "212", "合计"),
        ("R05-1", general, "21201", "合计"),
        ("R05-tree", general, "合计", "基本支出"),
        ("R05-tree", general, "21201", "基本支出"),
        # 减排专项支出 is 2111103; the document prints 2111101 (生态环境监测与信息).  Since
        # 2111101 is in the code list (seen printed so by 上海市普陀区生态环境局 2025 决算), the
        # pair is reported as a name that is not 2111101's (C-name, naming 2111103).
        ("C-name", "收入决算表", "2111101", "科目名称"),
        ("C-name", spend, "2111101", "科目名称"),
        ("C-name", general, "2111101", "科目名称"),
        # 20805 under its former name 行政事业单位离退休
        ("C-name", "收入决算表", "20805", "科目名称"),
        ("C-name", spend, "20805", "科目名称"),
        ("C-name", general, "20805", "科目名称"),
        # 职业年金: 决算 245.53 in the text, 257.14 in the tables (and 257.14 / 274.82 = 93.57%)
        ("N-completion", narrative, five, "年初预算为274.82万元，支出决算为245.53万元，完成年初预算的93.57%"),
        ("X12", narrative, five, "支出决算为245.53万元"),
        # 基本养老保险缴费 545.84 in the text, 545.85 in the tables
        ("X12", narrative, five,
         "“社会保障和就业支出（类）行政事业单位离退休（款）机关事业单位基本养老保险缴费支出（项）”545.84万元"),
        ("X12", narrative, five, "支出决算为545.84万元"),
        # "统计信息事务（项）”20.04 万元": neither 20105 (23.42) nor 2010505 专项统计业务 (20.03)
        ("X12", narrative, five, "1.“一般公共服务（类）统计信息事务（款）统计信息事务（项）”20.04万元"),
        ("X12", narrative, five, "支出决算为20.04万元"),
        # 16.24 / 19,044.27 = 0.09%, printed 0.08%
        ("N-share", narrative, five, "3.“教育支出”16.24万元，占0.08%"),
        # 公务接待费 决算 1.53 in the text, 0 in the 三公 table (1.53 is its 预算数)
        ("X12", narrative, "七、财政拨款“三公”经费支出决算情况说明", "公务接待费支出决算为1.53万元"),
        # garbled direction words (gaps9): "比 2024 年度减增加 21.90 万元" (减 and 增加: the
        # change's direction cannot be told, so it is not checked) and "决算数大小于预算数"
        ("N-garbled", narrative, "七、财政拨款“三公”经费支出决算情况说明",
         "2025年度“三公”经费财政拨款支出决算数比2024年度减增加21.90万元，增长141.75%"),
        ("N-garbled", narrative, five, "决算数大小于预算数的主要原因"),
        # "国内公务接待支出 0 万（含外宾接待支出 0 万元）。": no 批次/人次, which the template's
        # item asks for ("公务接待N批次、M人次", as 文化和旅游局 2025 prints it; gaps9)
        ("N-reception-count", narrative, "七、财政拨款“三公”经费支出决算情况说明", "国内公务接待支出0万"),
    }  # fmt: skip
    assert flagged == expected
