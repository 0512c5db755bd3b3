"""Every column header and line label collected from real published 部门决算/预算 tables is
placed as recorded.

tests/data/headers/headers.tsv lists printed labels (a header cell, or the merged name of a
column printed over several header rows: "本年支出" over "小计" is "本年支出小计"; a line label
of a two-sided summary), where each was printed, the table kind, what it is (``header``: a
header word that is no column; ``column``; ``income line`` / ``expenditure line``) and what
govfin must take it for: a model column, a row key, a 类 code, ``header``, ``part`` (a 其中
column no kind models: set aside with a READ-part warning, the table's other columns read), or
``unread`` (a label no kind models, not marked a 其中: the table must be left not read whole,
never read with a shifted column).

Labels go through the functions the readers use: :func:`govfin.readers.identify.column_for`
(the functional tables' and 公开04's columns), :func:`govfin.readers.bodies.line_key` and the 类
look-up (公开01/04 lines), :func:`govfin.readers.bodies_budget.label_key` with the kind's
aliases (预算 summaries), :func:`govfin.readers.identify.header_like`.  The tests after the
table read whole tables printed with real headers and labels, end to end.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from tsv_rows import tsv_rows

from govfin.readers import read_text
from govfin.readers.bodies import class_code, line_key
from govfin.readers.bodies_budget import (
    BUDGET_BODIES,
    _summary_header,
    budget_column,
    label_key,
    summary_column,
)
from govfin.readers.identify import column_for, header_like, part_columns
from govfin.readers.lines import Line
from govfin.tables import Table
from govfin.tables.budget.summary import BudgetSummary

DATA = Path(__file__).parent / "data" / "headers" / "headers.tsv"
LABEL, SOURCE, TABLE, WHAT, EXPECTED = "label as printed", "source", "table", "what", "expected"
WHATS = ("header", "column", "income line", "expenditure line")


ROWS = tsv_rows(DATA)


def placed(row: dict[str, str]) -> str | None:
    """What the readers take the label for (None: nothing; the table is then not read whole)."""
    kind = Table.KINDS[row[TABLE]]
    label, what = row[LABEL], row[WHAT]
    if what == "header":
        if issubclass(kind, BudgetSummary):  # the words the 预算 summary body takes for its header
            return "header" if _summary_header(Line(1, label)) else None
        return "header" if header_like(Line(1, label), kind.COLUMNS) else None
    if what == "column":
        if issubclass(kind, BudgetSummary):  # either side's money columns
            column = (summary_column(kind, label, kind.EXPENDITURE_COLUMNS)
                      or summary_column(kind, label, kind.INCOME_COLUMNS))
        elif kind in BUDGET_BODIES:  # the one-line 预算 kinds (三公, Jiangsu 支出预算总表)
            column = budget_column(kind, label)
        else:
            column = column_for(kind, label)
        if column is None:  # printed after a column of its table: marked a 其中 of it?
            header = Line(1, f"\t\t{kind.COLUMNS[0]}\t{label}")
            return "part" if part_columns(kind, [header], 4) == {3} else None
        return column
    income = what == "income line"
    if issubclass(kind, BudgetSummary):
        key = label_key(label, kind.INCOME_ALIASES if income else kind.EXPENDITURE_ALIASES)
        lines = kind.INCOME_ROWS if income else kind.EXPENDITURE_ROWS
    else:
        key = line_key(kind, label, income=income)
        lines = kind.INCOME_ROWS if income else kind.EXPENDITURE_ROWS  # type: ignore[attr-defined]
    if key in lines:
        return key
    return None if income else class_code(key, 2024)


def test_the_table_is_real_data():
    assert len(ROWS) >= 100
    sources = {r[SOURCE] for r in ROWS}
    assert len(sources) >= 10
    assert len([s for s in sources if s.startswith("http")]) >= 6
    for r in ROWS:
        assert r[LABEL].strip(), r
        assert r[TABLE] in Table.KINDS, r
        assert r[WHAT] in WHATS, r
        assert r[EXPECTED], r


@pytest.mark.parametrize("row", ROWS, ids=[f"{i}-{r[TABLE]}-{r[LABEL]}" for i, r in enumerate(ROWS)])
def test_label_is_placed_as_recorded(row):
    want = None if row[EXPECTED] == "unread" else row[EXPECTED]
    assert placed(row) == want, f"{row[LABEL]!r} ({row[WHAT]} of {row[TABLE]}): {row}"


# -- whole tables printed with real headers, read end to end -------------------------------------

def _read(title: str, lines: list[list[str]]):
    text = "\n".join([title, "部门名称：测试局", "2024年度", "金额单位：万元",
                      *("\t".join(cells) for cells in lines)]) + "\n"
    return read_text(text, year=2024)


def _values(result, kind: str, key: str) -> dict[str, Decimal | None]:
    table = next(t for t in result.disclosure.tables if t.KIND == kind)
    return dict(next(r for r in table.rows if r.key == key).values)


def _problems(result) -> list[tuple[str, str]]:
    return [(type(e).__name__, e.message) for e in result.log.errors]


_CODE = ["科目编码", "科目名称"]


def test_fund_table_printed_without_he_is_read_as_07():
    """年初结转结余 / 年末结转结余 (no 和): read as 公开07, each figure in its column — it was taken
    for 公开05 (whose 合计 基本支出 项目支出 the header also names) and read shifted."""
    header = [["项目", "", "年初结转结余", "本年收入", "本年支出", "", "", "年末结转结余"],
              ["", "", "", "", "小计", "基本支出", "项目支出", ""], _CODE]
    rows = [["合计", "", "1.00", "2.00", "2.50", "0.50", "2.00", "0.50"],
            ["212", "城乡社区支出", "1.00", "2.00", "2.50", "0.50", "2.00", "0.50"]]
    result = _read("政府性基金预算财政拨款收入支出决算表", header + rows)
    assert _problems(result) == []
    got = _values(result, "政府性基金预算财政拨款收入支出决算表", "合计")
    assert got == {"年初结转和结余": Decimal("1.00"), "本年收入": Decimal("2.00"),
                   "本年支出小计": Decimal("2.50"), "基本支出": Decimal("0.50"),
                   "项目支出": Decimal("2.00"), "年末结转和结余": Decimal("0.50")}


def test_summary_lines_printed_otherwise_are_read():
    """公开01's balances without 和 and 上年结转和结余: read as their lines (they were unknown
    lines, READ-name)."""
    header = [["收入", "", "", "支出"], ["项目", "行次", "金额", "项目", "行次", "金额"]]
    rows = [["一、一般公共预算财政拨款收入", "1", "5.00", "一、一般公共服务支出", "29", "5.00"],
            ["本年收入合计", "2", "5.00", "本年支出合计", "30", "5.00"],
            ["使用非财政拨款结余(含专用结余)", "3", "", "结余分配", "31", ""],
            ["上年结转和结余", "4", "1.00", "年末结转结余", "32", "1.00"],
            ["总计", "5", "6.00", "总计", "33", "6.00"]]
    result = _read("收入支出决算总表", header + rows)
    assert _problems(result) == []
    kind = "收入支出决算总表"
    assert _values(result, kind, "年初结转和结余") == {"金额": Decimal("1.00")}
    assert _values(result, kind, "年末结转和结余") == {"金额": Decimal("1.00")}


def test_04_lines_printed_as_01_and_columns_in_another_order():
    """公开04 with its income lines printed with 收入 and its balances without 财政拨款, and its
    money columns in another order than the template's: each figure is placed by the column's
    printed name."""
    header = [["收入", "", "", "支出"],
              ["项目", "行次", "金额", "项目", "行次", "一般公共预算财政拨款", "政府性基金预算财政拨款",
               "国有资本经营预算财政拨款", "合计"]]
    rows = [["一、一般公共预算财政拨款收入", "1", "5.00", "一、一般公共服务支出", "29", "4.00", "1.00", "", "5.00"],
            ["二、政府性基金预算财政拨款收入", "2", "1.00", "", "30", "", "", "", ""],
            ["本年收入合计", "3", "6.00", "本年支出合计", "31", "4.00", "1.00", "", "5.00"],
            ["年初结转和结余", "4", "1.00", "年末结转和结余", "32", "1.00", "", "", "1.00"],
            ["一般公共预算财政拨款", "5", "1.00", "", "33", "", "", "", ""],
            ["总计", "6", "7.00", "总计", "34", "5.00", "1.00", "", "6.00"]]
    result = _read("财政拨款收入支出决算总表", header + rows)
    assert _problems(result) == []
    kind = "财政拨款收入支出决算总表"
    assert _values(result, kind, "政府性基金预算财政拨款") == {"金额": Decimal("1.00")}
    assert _values(result, kind, "年初一般公共预算财政拨款") == {"金额": Decimal("1.00")}
    assert _values(result, kind, "201") == {
        "合计": Decimal("5.00"), "一般公共预算财政拨款": Decimal("4.00"),
        "政府性基金预算财政拨款": Decimal("1.00"), "国有资本经营预算财政拨款": None}
    assert _values(result, kind, "年末财政拨款结转和结余")["合计"] == Decimal("1.00")


def test_04_column_the_header_does_not_name_leaves_the_table_not_read_whole():
    header = [["收入", "", "", "支出"],
              ["项目", "行次", "金额", "项目", "行次", "合计", "一般公共预算财政拨款", "政府性基金预算财政拨款",
               "其他资金"]]
    rows = [["本年收入合计", "1", "5.00", "本年支出合计", "31", "5.00", "5.00", "", ""],
            ["总计", "2", "5.00", "总计", "32", "5.00", "5.00", "", ""]]
    result = _read("财政拨款收入支出决算总表", header + rows)
    problems = _problems(result)
    # 国有资本经营预算财政拨款 may be left out (the 2019 form); 其他资金 is no column of 04.
    assert any(k == "TableIdentityError" and "其他资金 not modelled" in m for k, m in problems)
    read = [p for p in result.disclosure.read_problems if p.incomplete]
    assert any(s.table == "财政拨款收入支出决算总表" for p in read for s in p.incomplete)


def test_a_qizhong_column_is_read_under_its_own_name_not_as_a_shift():
    """A 其中 column under 财政拨款收入 (其中：政府性基金预算财政拨款): an optional column of 公开02,
    read where printed; the table is read whole and every other figure stays in its column
    (it was READ-identity, the table read in part)."""
    header = [["项目", "", "本年收入合计", "财政拨款收入", "", "上级补助收入", "事业收入", "经营收入",
               "附属单位上缴收入", "其他收入"],
              ["", "", "", "小计", "其中：政府性基金预算财政拨款"], _CODE]
    rows = [["合计", "", "9.00", "3.00", "1.00", "1.00", "1.00", "1.00", "1.00", "2.00"]]
    result = _read("收入决算表", header + rows)
    assert _problems(result) == []
    assert not [p for p in result.disclosure.read_problems if p.incomplete]
    got = _values(result, "收入决算表", "合计")
    assert got["财政拨款收入"] == Decimal("3.00") and got["上级补助收入"] == Decimal("1.00")
    assert got["政府性基金预算财政拨款"] == Decimal("1.00")
    assert got["其他收入"] == Decimal("2.00")


def test_03_printing_fewer_columns_is_not_taken_for_05():
    """A 支出决算表 printing 本年支出合计 基本支出 项目支出 经营支出 only: it stays 公开03 (it was
    taken for 公开05, whose three columns its header also names, and read as that); the columns
    it prints are read where they are, the two it does not print are reported (READ-identity,
    naming them) and the table is not read whole."""
    header = [["项目", "", "本年支出合计", "基本支出", "项目支出", "经营支出"], _CODE]
    rows = [["合计", "", "10.00", "5.00", "4.00", "1.00"]]
    result = _read("支出决算表", header + rows)
    assert {t.KIND for t in result.disclosure.tables} == {"支出决算表"}
    got = _values(result, "支出决算表", "合计")
    assert got == {"本年支出合计": Decimal("10.00"), "基本支出": Decimal("5.00"),
                   "项目支出": Decimal("4.00"), "经营支出": Decimal("1.00"),
                   "上缴上级支出": None, "对附属单位补助支出": None}
    problems = _problems(result)
    assert [k for k, _ in problems] == ["TableIdentityError"]
    assert "上缴上级支出, 对附属单位补助支出 not named by the header" in problems[0][1]
    read = [p for p in result.disclosure.read_problems if p.incomplete]
    assert any(s.table == "支出决算表" for p in read for s in p.incomplete)


def test_a_header_of_another_kind_under_a_title_is_still_read_as_the_header_says():
    """The header of 公开03 under the title 收入决算表 (every printed column a column of 03): read
    as 03, reported (READ-identity) — the narrower rule above leaves this alone."""
    header = [["项目", "", "本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出",
               "对附属单位补助支出"], _CODE]
    rows = [["合计", "", "10.00", "5.00", "2.00", "1.00", "1.00", "1.00"]]
    result = _read("收入决算表", header + rows)
    assert {t.KIND for t in result.disclosure.tables} == {"支出决算表"}
    assert _values(result, "支出决算表", "合计")["对附属单位补助支出"] == Decimal("1.00")
    assert any("read as the header says" in m for _, m in _problems(result))


def test_central_summary_with_the_non_appropriation_balance_line():
    """A central unit's 部门收支总表 prints 使用非财政拨款结余 (北京理工大学 2026): a line of
    its own, in 收入总计's sum (BC01-3), not an unknown line."""
    lines = [["收入", "", "支出", ""], ["项目", "预算数", "项目", "预算数"],
             ["一、一般公共预算拨款收入", "328257.46", "一、教育支出", "1230990.23"],
             ["五、事业收入", "647129.46", "", ""], ["九、其他收入", "185491.35", "", ""],
             ["本年收入合计", "1160878.27", "本年支出合计", "1230990.23"],
             ["使用非财政拨款结余", "35216.23", "结转下年", "560108.18"],
             ["上年结转", "595003.91", "", ""],
             ["收入总计", "1791098.41", "支出总计", "1791098.41"]]
    text = "\n".join(["部门收支总表", "部门：测试大学", "单位：万元",
                      *("\t".join(c) for c in lines)]) + "\n"
    result = read_text(text, year=2026)
    assert _problems(result) == []
    table = next(t for t in result.disclosure.tables if t.KIND == "部门收支总表")
    keys = {r.key: r.values["金额"] for r in table.rows}
    assert keys["使用非财政拨款结余"] == Decimal("35216.23")
    assert keys["上年结转结余"] == Decimal("595003.91")
    import govfin

    report = govfin.check(result.disclosure)
    assert not [f for f in report.findings if f.rule_id == "BC01-3" and f.severity.name != "INFO"]


def _three_public(names: list[str], subs: list[str]) -> list[list[str]]:
    """A 公开09 as the seed prints it: 预算数 / 决算数 over six columns each, the names on one
    line and the vehicle subtotals under them, a 栏次 line, then one line of figures."""
    return [["预算数", "", "", "", "", "", "决算数", "", "", "", "", ""], names * 2, subs * 2,
            [str(i) for i in range(1, 13)],
            ["3.00", "1.00", "1.00", "", "1.00", "1.00", "3.00", "1.00", "1.00", "", "1.00", "1.00"]]


_T09 = "财政拨款“三公”经费支出决算表"


def test_three_public_with_the_older_names_is_read():
    """公务用车购置及运行费 / 公务用车运行费 (the names before 运行维护费): read, nothing reported."""
    result = _read(_T09, _three_public(
        ["合计", "因公出国（境）费", "公务用车购置及运行费", "", "", "公务接待费"],
        ["", "", "小计", "公务用车购置费", "公务用车运行费", ""]))
    assert _problems(result) == []
    assert _values(result, _T09, "决算数")["公务用车运行维护费"] == Decimal("1.00")


def test_three_public_printed_in_another_order_is_read_by_name():
    """公务接待费 printed before 公务用车… (and 合计 last): every figure is read under the name
    the header prints over it — it used to be read in the template's order, then reported."""
    names = ["因公出国（境）费", "公务接待费", "公务用车购置及运行费", "", "", "合计"]
    subs = ["", "", "小计", "公务用车购置费", "公务用车运行费", ""]
    figures = ["1.00", "2.00", "7.00", "3.00", "4.00", "10.00"]
    result = _read(_T09, [["预算数", "", "", "", "", "", "决算数", "", "", "", "", ""],
                          names * 2, subs * 2, [str(i) for i in range(1, 13)], figures * 2])
    assert _problems(result) == []
    got = _values(result, _T09, "决算数")
    assert got == {"合计": Decimal("10.00"), "因公出国（境）费": Decimal("1.00"),
                   "公务用车购置及运行维护费": Decimal("7.00"), "公务用车购置费": Decimal("3.00"),
                   "公务用车运行维护费": Decimal("4.00"), "公务接待费": Decimal("2.00")}


def test_three_public_naming_a_column_twice_is_not_read_by_position():
    """A header whose names do not place every column once (公务接待费 printed, 因公出国（境）费
    not, out of order): reported (READ-identity naming the order), never read with two columns
    swapped silently."""
    result = _read(_T09, _three_public(
        ["合计", "公务接待费", "公务接待费", "公务用车购置及运行费", "", ""],
        ["", "", "", "小计", "公务用车购置费", "公务用车运行费"]))
    problems = _problems(result)
    assert any(k == "TableIdentityError" and "columns printed in the order" in m
               for k, m in problems)
    read = [p for p in result.disclosure.read_problems if p.incomplete]
    assert any(s.table == _T09 for p in read for s in p.incomplete)


def test_three_public_with_meeting_and_training_columns_reads_them():
    """会议费 and 培训费 after 公务接待费: optional columns of 公开09, read under their names (they
    were READ-identity, the table read in part); the 三公 columns keep their figures."""
    result = _read(_T09, [
        ["预算数", "", "", "", "", "", "", "", "决算数"],
        ["合计", "因公出国（境）费", "公务用车购置及运行费", "", "", "公务接待费", "会议费", "培训费"],
        ["", "", "小计", "公务用车购置费", "公务用车运行费", ""],
        ["3.00", "1.00", "1.00", "", "1.00", "1.00", "0.50", "", "3.00", "1.00", "1.00", "", "1.00",
         "1.00", "0.40", "0.20"]])
    assert _problems(result) == []
    got = _values(result, _T09, "决算数")
    assert got["会议费"] == Decimal("0.40") and got["培训费"] == Decimal("0.20")
    assert got["公务接待费"] == Decimal("1.00") and got["合计"] == Decimal("3.00")
    assert _values(result, _T09, "预算数")["培训费"] is None


def test_05_splitting_basic_expenditure_is_not_taken_for_06():
    """A 一般公共预算财政拨款支出决算表 printing 基本支出 as 小计, 人员经费, 公用经费: it stays
    公开05 (the words 人员经费 and 公用经费 made it 公开06, read as four blocks of economic codes);
    every column is read where printed, 人员经费 and 公用经费 as its optional columns (they
    were READ-identity, the table read in part)."""
    header = [["项目", "", "本年支出"], ["", "", "合计", "基本支出", "", "", "项目支出"],
              ["", "", "", "小计", "人员经费", "公用经费"], _CODE]
    rows = [["合计", "", "10.00", "6.00", "4.00", "2.00", "4.00"],
            ["201", "一般公共服务支出", "10.00", "6.00", "4.00", "2.00", "4.00"]]
    kind = "一般公共预算财政拨款支出决算表"
    result = _read(kind, header + rows)
    assert {t.KIND for t in result.disclosure.tables} == {kind}
    assert _values(result, kind, "201") == {"合计": Decimal("10.00"), "基本支出": Decimal("6.00"),
                                            "项目支出": Decimal("4.00"), "人员经费": Decimal("4.00"),
                                            "公用经费": Decimal("2.00")}
    assert _problems(result) == []


# -- 预算 -------------------------------------------------------------------------------------


def _budget(title: str, lines: list[list[str]], year: int = 2025) -> object:
    text = "\n".join([title, "部门：测试单位", "单位：万元", *("\t".join(c) for c in lines)]) + "\n"
    return read_text(text, year=year)


def _budget_values(result, kind: str, key: str) -> dict[str, Decimal | None]:
    table = next(t for t in result.disclosure.tables if t.KIND == kind)
    return dict(next(r for r in table.rows if r.key == key).values)


_C04 = "财政拨款收支总表"


def _c04(heads: list[str], figures: dict[str, list[str]]) -> list[list[str]]:
    """A central 财政拨款收支总表 whose expenditure columns are printed as ``heads``."""
    return [["收入", "", "支出", *[""] * len(heads)], ["项目", "预算数", "项目", *heads],
            ["一、本年收入", "5.00", "一、一般公共服务支出", *figures["201"]],
            ["（一）一般公共预算拨款", "4.00", "", *[""] * len(heads)],
            ["（二）政府性基金预算拨款", "1.00", "", *[""] * len(heads)],
            ["二、上年结转", "", "二、结转下年", *[""] * len(heads)],
            ["收入总计", "5.00", "支出总计", *figures["201"]]]


def test_budget_appropriation_summary_columns_placed_by_their_printed_names():
    """A 财政拨款收支总表 printing 政府性基金预算拨款 before 一般公共预算拨款 and 合计 last (the
    names with 拨款, as the central template's income lines print them): each figure under the
    column the header names, nothing reported — it was read in the template's order, the fund
    figure taken for the general budget's."""
    heads = ["政府性基金预算拨款", "一般公共预算拨款", "国有资本经营预算拨款", "合计"]
    result = _budget(_C04, _c04(heads, {"201": ["1.00", "4.00", "", "5.00"]}))
    assert _problems(result) == []
    assert _budget_values(result, _C04, "201") == {
        "合计": Decimal("5.00"), "一般公共预算": Decimal("4.00"),
        "政府性基金预算": Decimal("1.00"), "国有资本经营预算": None}


def test_budget_appropriation_summary_with_a_column_no_kind_models_is_reported():
    """A 其他资金 column beside the three types: READ-identity naming it; its figure is
    reported (not added to a type's column), the table is not read whole."""
    heads = ["合计", "一般公共预算", "政府性基金预算", "国有资本经营预算", "其他资金"]
    result = _budget(_C04, _c04(heads, {"201": ["6.00", "4.00", "1.00", "", "1.00"]}))
    problems = _problems(result)
    assert any(k == "TableIdentityError" and "其他资金 not modelled" in m for k, m in problems)
    read = [p for p in result.disclosure.read_problems if p.incomplete]
    assert any(s.table == _C04 for p in read for s in p.incomplete)
    assert _budget_values(result, _C04, "201")["国有资本经营预算"] is None


def test_budget_appropriation_summary_without_its_total_column_is_reported():
    """合计 not printed (only the three types): READ-identity naming 合计, not the first type's
    figures read as the total."""
    heads = ["一般公共预算", "政府性基金预算", "国有资本经营预算"]
    result = _budget(_C04, _c04(heads, {"201": ["4.00", "1.00", ""]}))
    problems = _problems(result)
    assert any(k == "TableIdentityError" and "合计 not named by the header" in m
               for k, m in problems)
    assert _budget_values(result, _C04, "201")["一般公共预算"] == Decimal("4.00")


_C3 = "一般公共预算“三公”经费支出表"


def test_budget_three_public_printed_in_another_order_is_read_by_name():
    """The central template's 三公 table with 公务接待费 printed before 公务用车… (the order of
    the 2017 template's 情况说明 and of several provinces): every figure under its printed
    name."""
    result = _budget(_C3, [
        ["合计", "因公出国（境）费", "公务接待费", "公务用车购置及运行费", "", ""],
        ["", "", "", "小计", "公务用车购置费", "公务用车运行费"],
        ["10.00", "1.00", "2.00", "7.00", "3.00", "4.00"]])
    assert _problems(result) == []
    got = _budget_values(result, _C3, "本年预算数")
    assert got["公务接待费"] == Decimal("2.00")
    assert got["公务用车购置及运行费"] == Decimal("7.00")
    assert got["公务用车运行费"] == Decimal("4.00")


def test_budget_three_public_with_a_meeting_column_names_it():
    """A 会议费 column the central kind does not model: READ-identity naming it, never its
    figure read as another column's."""
    result = _budget(_C3, [
        ["合计", "因公出国（境）费", "公务用车购置及运行费", "", "", "公务接待费", "会议费"],
        ["", "", "小计", "公务用车购置费", "公务用车运行费", "", ""],
        ["10.00", "1.00", "7.00", "3.00", "4.00", "2.00", "5.00"]])
    problems = _problems(result)
    assert any(k == "TableIdentityError" and "会议费 not modelled" in m for k, m in problems)
    read = [p for p in result.disclosure.read_problems if p.incomplete]
    assert any(s.table == _C3 for p in read for s in p.incomplete)


def test_budget_code_row_table_whose_header_names_no_money_column_is_reported():
    """A 一般公共预算支出表 whose header names none of 合计 / 基本支出 / 项目支出 (上年预算数,
    本年预算数, 增减: a layout govfin does not model): reported (READ-identity naming the
    columns), not read in the template's order — which would take 上年预算数 for 合计."""
    result = _budget("一般公共预算支出表", [
        ["科目编码", "科目名称", "上年预算数", "本年预算数", "增减"],
        ["", "合计", "9.00", "10.00", "1.00"],
        ["201", "一般公共服务支出", "9.00", "10.00", "1.00"]])
    problems = _problems(result)
    assert any(k == "TableIdentityError" and "not named by the header" in m
               and "上年预算数" in m for k, m in problems)
    read = [p for p in result.disclosure.read_problems if p.incomplete]
    assert any(s.table == "一般公共预算支出表" for p in read for s in p.incomplete)
