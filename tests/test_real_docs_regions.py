"""Real filled documents of other regions (helper real9; see tests/data/real/README.md).

Every real document tested so far was of 上海市普陀区.  These are public pages of other regions
and years — 重庆市江北区 2021 (区本级), 南通市国资委 2016 (江苏), 桂林市司法局 2015 (广西) —
each a 三公 预算 table printed with its items as rows ("合计 | 4432", "1.因公出国(境)费用 | 39"),
which govfin did not read at all (READ-unread, then K-missing of nine 决算 tables: the pages are
预算).  Every error and warning govfin prints on them was read against the page and judged; the
tests assert the true ones are found and the false ones (misreadings, fixed) stay gone.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from real_docs import REAL, checked

from govfin.amounts import Unit
from govfin.findings import Report, Severity

JIANGBEI = REAL / "cq-jiangbei-2021-sangong-budget.tsv"
NANTONG = REAL / "js-nantong-gzw-2016-sangong-budget.tsv"
GUILIN = REAL / "gx-guilin-sfj-2015-sangong-budget.tsv"


def _flagged(report: Report) -> set[tuple[str, str | None]]:
    """(rule, column) of every error and warning but the missing-table ones."""
    return {
        (f.rule_id, f.place.column if f.place else None)
        for f in report
        if f.severity in (Severity.ERROR, Severity.WARNING) and "K-missing" not in f.rule_id
    }


def _only_table(result):
    (table,) = result.disclosure.tables
    (row,) = table.rows
    return table, row


# -- 重庆市江北区 2021 区本级“三公”经费预算支出表 -----------------------------------------------


def test_jiangbei_items_printed_as_rows_are_read():
    # "2021年区本级“三公”经费预算支出表" / 项目 | 预算数 / 合计 | 4432 / 1.因公出国(境)费用 | 39 …:
    # the title named no kind and every line was unread (READ-unread, the whole page lost).
    result, report = checked(JIANGBEI)
    table, row = _only_table(result)
    assert result.disclosure.kind == "预算"
    assert table.KIND == "一般公共预算“三公”经费支出表"
    assert row["合计"] == Decimal(4432)
    assert row["因公出国（境）费"] == Decimal(39)
    assert row["公务接待费"] == Decimal(323)
    assert row["公务用车购置及运行费"] == Decimal(4070)
    assert row["公务用车运行费"] == Decimal(2648)  # "其中:公务用车运行维护费"
    assert row["公务用车购置费"] == Decimal(1422)  # "公务用车购置" (no 费)
    # 39 + 323 + 4070 = 4432 and 2648 + 1422 = 4070, as printed: nothing to report
    assert not [f for f in report if f.rule_id.startswith(("READ", "BC07"))]
    assert _flagged(report) == set()


def test_jiangbei_sentence_before_the_table_names_no_department():
    # The page opens with a sentence ("…经汇总,2021年区本级一般公共预算中“三公”经费支出预算为
    # 4432万元,…。"): it was taken for the cover's title and "区本级一般公共" for the department.
    result, _ = checked(JIANGBEI)
    assert result.disclosure.department is None


# -- 南通市国资委 2016 财政拨款“三公”经费预算表 ---------------------------------------------------


def test_nantong_read_as_the_three_public_meetings_training_layout():
    # 一、“三公”经费合计 / (一)…(三) / 二、会议费 / 三、培训费: the Jiangsu rows; no 合计 line.
    result, _ = checked(NANTONG)
    table, row = _only_table(result)
    assert table.KIND == "一般公共预算“三公”经费、会议费、培训费支出预算表"
    assert row["“三公”经费"] == Decimal("21.63")  # "一、“三公”经费合计": the 三公 小计
    assert row["公务用车购置及运行维护费"] == Decimal("6.8")  # "(三)公务用车费"
    assert (row["会议费"], row["培训费"]) == (Decimal("7.59"), Decimal("15.86"))
    # "单位不需填列" and the blank 购置费 line: printed without a figure, read blank
    assert row["因公出国（境）费"] is None and row["公务用车购置费"] is None
    assert "合计" not in row.values  # the table prints no 合计 line: no cell at all
    assert result.disclosure.department is None  # was "项目2016年预算数" (the header)


def test_nantong_no_false_error_on_the_total_it_does_not_print():
    # 合计 = “三公”经费 + 会议费 + 培训费 (BJ11-1) was an error on a 合计 the page never prints;
    # 21.63 = 14.83 + 6.8 and 6.8 = 6.8 hold.  The 其中 column (其中:一般公共预算安排数, a part
    # of 小计 by the page's own words) is said not to be read: a READ-part warning, true (it was
    # READ-identity; the one warning of a 其中 column set aside is READ-part now).
    _, report = checked(NANTONG)
    assert _flagged(report) == {("READ-part", None)}
    assert not [f for f in report if f.rule_id.startswith("BJ11")]


# -- 桂林市司法局 2015 部门“三公”经费情况统计表 ---------------------------------------------------


def test_guilin_read_and_its_misprinted_vehicle_line_found():
    # "3.公务用车费 | 0" while its 其中 lines print 运行维护费 32.65 and 购置 0, and 合计 34.35 =
    # 1.70 + 32.65: the 公务用车费 line is misprinted (the 2016 page's "公务用车费预算25.65万元,
    # 同比减少7万元" confirms 32.65).  Both equations report it, at that row's cells.
    result, report = checked(GUILIN)
    table, row = _only_table(result)
    assert result.disclosure.kind == "预算"  # was 决算, with nine 决算 tables "missing"
    assert table.KIND == "一般公共预算“三公”经费支出表"
    assert (row["合计"], row["公务接待费"], row["公务用车运行费"]) == (
        Decimal("34.35"), Decimal("1.70"), Decimal("32.65"))
    assert row["公务用车购置及运行费"] == Decimal(0)
    assert _flagged(report) == {
        ("BC07-1", "合计"),
        ("BC07-2", "公务用车购置及运行费"),
        ("READ-part", None),  # the 其中:公共预算财政拨款 column, set aside (not read): true
    }
    assert not [f for f in report if f.rule_id.startswith("K-missing")]


@pytest.mark.parametrize("path", [JIANGBEI, NANTONG, GUILIN], ids=lambda p: p.stem)
def test_a_lone_three_public_page_says_the_other_budget_tables_are_missing(path):
    # What is missing is said, as a warning naming each budget table of the layout, never as
    # an error about figures that are not there.
    _, report = checked(path)
    missing = [f for f in report if f.rule_id == "B-K-missing"]
    assert missing and all(f.severity is Severity.WARNING for f in missing)
    assert not [f for f in report if f.rule_id == "READ-unread"]


# -- 宣州区审计局 2018年预算“三公”经费情况说明 (安徽) ---------------------------------------------

XUANZHOU = REAL / "ah-xuanzhou-sjj-2018-sangong-budget.tsv"


def test_xuanzhou_table_then_its_explanation_are_both_read():
    # "一、2018年“三公”经费支出预算表", its rows, then "二、2018年“三公”经费支出预算情况说明" and
    # its text: the table's title was not known (the page was read as narrative only, "no
    # disclosure table"), and once known its rows ran on into the explanation.
    result, report = checked(XUANZHOU)
    table, row = _only_table(result)
    assert table.KIND == "一般公共预算“三公”经费支出表"
    assert (row["合计"], row["因公出国（境）费"]) == (Decimal("3.1"), Decimal(0))
    assert row["公务接待费"] is None  # the page prints no figure there
    (section,) = result.disclosure.narrative.sections
    assert section.heading == "二、2018年“三公”经费支出预算情况说明"
    assert not [f for f in report if f.rule_id.startswith("READ")]


def test_xuanzhou_unit_printed_in_the_header_is_read():
    # "项目 | 预 算 数(万元)": no 单位 line, the unit in the header; "no 金额单位 line; 万元
    # assumed" (READ-unit) was a false warning.
    result, report = checked(XUANZHOU)
    assert not [f for f in report if f.rule_id == "READ-unit"]
    assert result.disclosure.tables[0].meta.unit is Unit.WAN_YUAN


def test_xuanzhou_blank_reception_line_against_its_text():
    # The table, as stored, prints no figure for 公务接待费 (nor for 公务用车), while 合计 is 3.1
    # and the text says "公务接待费支出预算为3.1万元": true as the page stands — 合计 3.1 ≠ 0
    # (BC07-1) and the text's 3.1 twice against the blank cell (X12).  The text's 3.1 total
    # and its 0 for 公务用车 agree with the table.
    _, report = checked(XUANZHOU)
    assert _flagged(report) == {("BC07-1", "合计"), ("X12", "公务接待费支出预算为3.1万元"),
                                ("X12", "(一)公务接待费支出3.1万元")}
    agreed = {f.place.column for f in report if f.rule_id == "X12" and f.severity is Severity.INFO}
    assert "宣州区审计局2018年度“三公”经费支出预算为3.1万元" in agreed


# -- 中共宣城市宣州区直属机关工作委员会 2020 “三公”经费预算 (安徽) --------------------------------

ZHIGONGWEI = REAL / "ah-xuanzhou-zhigongwei-2020-sangong-budget.tsv"


def test_zhigongwei_table_and_text_agree_and_nothing_is_flagged():
    # The page prints its blank cells as empty cells ("因公出国(境)费 | |"), 公务接待费 0.36 =
    # 合计; the text's twelve figures, its 5.26% (0.02 / 0.38) and its "减少0万元,下降0%" all
    # agree with it.  "宣州区于2016年5月实行公车改革" (the date of an event) was an N-year
    # warning ("year 2016 in a 2020 disclosure"): false, gone.
    result, report = checked(ZHIGONGWEI)
    _table, row = _only_table(result)
    assert (row["合计"], row["公务接待费"]) == (Decimal("0.36"), Decimal("0.36"))
    assert row["因公出国（境）费"] is None
    assert _flagged(report) == set()
    agreed = [f for f in report if f.rule_id in ("X12", "N-change") and f.severity is Severity.INFO]
    assert len(agreed) >= 12 and all("agrees" in f.message for f in agreed)
    assert not [f for f in report if f.rule_id == "N-year"]


# -- 寿县司法局 2022年“三公”经费预算情况 (安徽) -------------------------------------------------

SHOUXIAN = REAL / "ah-shouxian-sfj-2022-sangong-budget.tsv"


def test_shouxian_vehicle_split_contradicts_its_text():
    # The table (central template: 合计 | 因公出国(境)费 | 公务用车购置及运行费 (小计, 购置费,
    # 运行费) | 公务接待费) prints 79 | 0 | 75 | 50 | 25 | 4: 购置费 50, 运行费 25, its sums
    # hold.  The text says "公务用车运行费50万元 … 公务用车购置费25万元": the two figures swapped
    # — true, both X12 errors; every other figure and rate of the text agrees.
    result, report = checked(SHOUXIAN)
    _table, row = _only_table(result)
    assert (row["公务用车购置费"], row["公务用车运行费"]) == (Decimal(50), Decimal(25))
    assert _flagged(report) == {("X12", "公务用车运行费50万元"), ("X12", "公务用车购置费25万元")}
    rates = [f for f in report if f.rule_id == "N-change"]
    assert len(rates) == 5 and all("agrees" in f.message for f in rates)


def test_shouxian_department_is_the_name_before_the_year():
    # "寿县司法局2022年“三公”经费预算情况": the department was read as "“三公”经费" (the words
    # between the year and 预算).
    result, _ = checked(SHOUXIAN)
    assert result.disclosure.department == "寿县司法局"


# -- items printed as rows under several figure columns: never the wrong column -------------


def _items_table(tmp_path: Path, header: str) -> tuple:
    text = ("2017年“三公”经费预算支出表\n单位:万元\n" + header + "\n合计\t10\t12\n"
            "1.因公出国(境)费用\t0\t0\n2.公务接待费\t4\t5\n3.公务用车购置及运行维护费\t6\t7\n")
    path = tmp_path / "items.tsv"
    path.write_text(text, encoding="utf-8")
    return checked(path)


def test_items_under_last_and_this_year_read_this_years(tmp_path):
    # The layout of 岳阳县 2017 ("项目 | 2016执行数 | 2017预算数"): the figure under this year's
    # 预算数 is read, not the first one on the line.
    result, _ = _items_table(tmp_path, "项目\t上年执行数\t本年预算数")
    _table, row = _only_table(result)
    assert (row["合计"], row["公务接待费"], row["公务用车购置及运行费"]) == (
        Decimal(12), Decimal(5), Decimal(7))


def test_items_under_unnamed_years_are_not_guessed(tmp_path):
    # Two 预算数 columns the header does not tell apart: each line is reported, none read.
    result, report = _items_table(tmp_path, "项目\t2016年预算数\t2017年预算数")
    assert [f for f in report if f.rule_id == "READ-identity"]
    assert not any(r.values for t in result.disclosure.tables for r in t.rows)
