"""The table model: kinds, titles, rows, columns, units, and bad input."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from seed_tables import seed_table, seed_tables

from govfin.amounts import AmountError
from govfin.findings import Cell, Place, Severity
from govfin.rules import check
from govfin.tables import (
    BasicExpenditureDetail,
    DisclosureInfoTable,
    ExpenditureTable,
    FiscalAppropriationSummary,
    GeneralBudgetExpenditureTable,
    GovernmentFundTable,
    IncomeExpenditureSummary,
    IncomeTable,
    Row,
    StateCapitalIncomeTable,
    StateCapitalTable,
    Table,
    TableError,
    TableMeta,
    ThreePublicTable,
    kind_for_title,
)

ALL_KINDS = (
    IncomeExpenditureSummary,
    IncomeTable,
    ExpenditureTable,
    FiscalAppropriationSummary,
    GeneralBudgetExpenditureTable,
    BasicExpenditureDetail,
    GovernmentFundTable,
    StateCapitalTable,
    StateCapitalIncomeTable,
    ThreePublicTable,
    DisclosureInfoTable,
)


class TestKinds:
    def test_kinds_registered_by_title(self) -> None:
        # ten kinds, 公开08 in two forms (expenditure only; with 收入 and 结转结余)
        assert {k for k in Table.KINDS.values() if k.DOCUMENT == "决算"} == set(ALL_KINDS)
        for cls in ALL_KINDS:
            assert Table.KINDS[cls.KIND] is cls
            assert cls.TITLE_EN and cls.COLUMNS

    def test_pinned_names(self) -> None:
        assert IncomeExpenditureSummary.KIND == "收入支出决算总表"
        assert FiscalAppropriationSummary.KIND == "财政拨款收入支出决算总表"
        assert BasicExpenditureDetail.KIND == "一般公共预算财政拨款基本支出决算明细表"
        assert ThreePublicTable.KIND == "财政拨款“三公”经费支出决算表"
        assert DisclosureInfoTable.KIND == "部门决算公开相关信息统计表"
        assert IncomeExpenditureSummary.COLUMNS == ("金额",)
        assert FiscalAppropriationSummary.COLUMNS == (
            "金额", "合计", "一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款",
        )  # fmt: skip
        assert BasicExpenditureDetail.COLUMNS == ("决算数",)
        assert ThreePublicTable.COLUMNS == (
            "合计", "因公出国（境）费", "公务用车购置及运行维护费", "公务用车购置费",
            "公务用车运行维护费", "公务接待费",
        )  # fmt: skip
        assert DisclosureInfoTable.COLUMNS == ("统计数",)

    @pytest.mark.parametrize(
        ("title", "cls"),
        [
            ("收入支出决算总表", IncomeExpenditureSummary),
            ("公开01表 收入支出决算总表", IncomeExpenditureSummary),
            ("部门收入支出决算总表", IncomeExpenditureSummary),
            ("财政拨款收入支出决算总表", FiscalAppropriationSummary),
            ("2024年度 财政拨款收入支出决算总表", FiscalAppropriationSummary),
            ("一般公共预算财政拨款基本支出决算明细表", BasicExpenditureDetail),
            ('财政拨款"三公"经费支出决算表', ThreePublicTable),
            ("财政拨款“三公”经费支出决算表", ThreePublicTable),
            ("一般公共预算财政拨款“三公”经费支出决算表", ThreePublicTable),  # until 2022
            ("公开09表财政拨款＂三公＂经费支出决算表", ThreePublicTable),
            ("部门决算公开相关信息统计表", DisclosureInfoTable),
            ("公开10表 部门决算公开相关信息统计表", DisclosureInfoTable),
            ("收入决算表", IncomeTable),
            ("国有资产占用情况表", None),
        ],
    )
    def test_identified_by_title_not_number(self, title: str, cls: type[Table] | None) -> None:
        # the printed number plays no part: 三公 was 公开07表 before 2022
        assert kind_for_title(title) is cls

    def test_number_is_only_metadata(self) -> None:
        t = ThreePublicTable((), TableMeta(number="公开07表"))
        assert t.KIND == "财政拨款“三公”经费支出决算表" and t.meta.number == "公开07表"


class TestAccessors:
    def test_get_row_value_cell(self) -> None:
        t = seed_table(IncomeExpenditureSummary)
        assert t.get("本年收入合计") is t.row("本年收入合计")
        assert t.value("收入总计", "金额") == D("648.92")
        assert t.value("201", "金额") == D("545.19")
        assert t.row("201").code == "201" and t.row("201").name == "一般公共服务支出"
        assert t.value("结余分配", "金额") is None  # printed blank
        assert t.get("不存在") is None and t.value("不存在", "金额") is None
        with pytest.raises(KeyError, match="不存在"):
            t.row("不存在")
        assert t.cell("201", "金额") == Cell(
            Place("收入支出决算总表", "201", "金额"), D("545.19"), D("0.01")
        )

    def test_summary_04_sides(self) -> None:
        t = seed_table(FiscalAppropriationSummary)
        assert t.row("一般公共预算财政拨款").values == {"金额": D("631.71")}
        assert t.value("年初一般公共预算财政拨款", "金额") == D("17.21")
        assert t.row("年初一般公共预算财政拨款").name == "一般公共预算财政拨款"
        assert t.value("本年支出合计", "一般公共预算财政拨款") == D("631.71")
        assert t.value("本年支出合计", "政府性基金预算财政拨款") is None
        assert len([r for r in t.coded_rows()]) == 26

    def test_detail_06(self) -> None:
        t = seed_table(BasicExpenditureDetail)
        assert t.value("301", "决算数") == D("308.72")
        assert t.value("30101", "决算数") == D("67.13")
        assert t.value("309", "决算数") is None  # printed "——"
        assert t.value("人员经费合计", "决算数") == D("340.28")
        assert t.value("公用经费合计", "决算数") == D("9.69")

    def test_empty_versus_missing(self) -> None:
        tables = {type(t): t for t in seed_tables()}
        for cls in (GovernmentFundTable, StateCapitalTable, ThreePublicTable):
            t = tables[cls]
            assert t.empty and t.meta.empty_note == "本表无数据"
        assert not tables[DisclosureInfoTable].empty
        # printed blank cell vs a line not printed at all: both read as blank
        info = tables[DisclosureInfoTable]
        assert info.get("工程") is not None and info.value("工程", "统计数") is None
        assert info.get("授予中小企业合同金额") is None
        assert info.value("授予中小企业合同金额", "统计数") is None

    def test_count_rows_are_exact(self) -> None:
        t = DisclosureInfoTable(
            [Row("车辆数合计", "", {"统计数": "3"}), Row("货物", "", {"统计数": "2.74"})]
        )
        assert t.cell("车辆数合计", "统计数").unit == D(0)
        assert t.cell("单价100万元（含）以上设备", "统计数").unit == D(0)
        assert t.cell("货物", "统计数").unit == D("0.01")
        assert t.unit_of("政府采购合计", "统计数") == D("0.01")

    def test_precision_sets_the_unit(self) -> None:
        t = ThreePublicTable((), TableMeta(precision=D("0.001")))
        assert t.cell("预算数", "合计").unit == D("0.001")

    @pytest.mark.parametrize("printed", ["10", "10.0", "10.00", "10.000"])
    def test_unit_comes_from_the_declared_precision_not_the_digits(self, printed: str) -> None:
        row = {"合计": printed, "因公出国（境）费": "5.00", "公务接待费": "5.01",
               "公务用车购置及运行维护费": None}
        t = ThreePublicTable([Row("决算数", "", row)])
        assert t.cell("决算数", "合计").unit == D("0.01")
        # 10 against 5.00 + 5.01: a residue with the slack of three 0.01 cells, however the
        # total was printed (a unit taken from "10" would be 1, from "10.000" 0.001)
        (f,) = check(t, select=("R09-1",)).findings
        assert f.severity is Severity.INFO and f.slack == D("0.015")

    def test_seed_shape(self) -> None:
        tables = seed_tables()
        assert [type(t) for t in tables] == [k for k in ALL_KINDS if k is not StateCapitalIncomeTable]
        assert all(t.meta.year == 2024 for t in tables)
        assert [t.meta.number for t in tables] == [f"公开{i:02d}表" for i in range(1, 11)]


class TestBadInput:
    def test_unknown_column_names_table_row_and_column(self) -> None:
        with pytest.raises(TableError) as info:
            IncomeExpenditureSummary([Row("本年收入合计", "", {"合计": "1.00"})])
        text = str(info.value)
        assert "收入支出决算总表" in text and "本年收入合计" in text and "合计" in text

    @pytest.mark.parametrize(
        ("cls", "key", "column"),
        [
            (FiscalAppropriationSummary, "201", "基本支出"),
            (BasicExpenditureDetail, "301", "金额"),
            (ThreePublicTable, "决算数", "机关运行经费"),  # (会议费 is an optional column)
            (DisclosureInfoTable, "货物", "金额"),
        ],
    )
    def test_unknown_column_each_kind(self, cls: type[Table], key: str, column: str) -> None:
        code = key if key.isdigit() else None
        with pytest.raises(TableError, match=column):
            cls([Row(key, "", {column: "1.00"}, code=code)])

    @pytest.mark.parametrize(
        ("cls", "key"),
        [
            (IncomeExpenditureSummary, "本年收入合记"),
            (FiscalAppropriationSummary, "年初结转和结余"),
            (BasicExpenditureDetail, "合计"),
            (ThreePublicTable, "调整数"),
            (DisclosureInfoTable, "车辆合计"),
        ],
    )
    def test_unknown_row_key(self, cls: type[Table], key: str) -> None:
        with pytest.raises(TableError, match=key) as info:
            cls([Row(key, "", {})])
        assert cls.KIND in str(info.value)

    @pytest.mark.parametrize(
        ("cls", "key", "code"),
        [
            (IncomeExpenditureSummary, "201", None),  # a code key without its code
            (IncomeExpenditureSummary, "20101", "20101"),  # 01 has 类 rows only
            (BasicExpenditureDetail, "3010101", "3010101"),  # economic codes: 3 or 5 digits
            (BasicExpenditureDetail, "301", "302"),  # key ≠ code
            (BasicExpenditureDetail, "30a", "30a"),
            (ThreePublicTable, "301", "301"),  # no coded rows at all
        ],
    )
    def test_bad_codes(self, cls: type[Table], key: str, code: str | None) -> None:
        with pytest.raises(TableError, match=cls.KIND):
            cls([Row(key, "", {}, code=code)])

    def test_float_money_is_a_type_error(self) -> None:
        with pytest.raises(TypeError, match="float"):
            Row("合计", "", {"合计": 1.5})

    def test_garbage_in_a_cell_names_the_column(self) -> None:
        with pytest.raises(ValueError, match="公务接待费"):
            Row("决算数", "", {"公务接待费": "abc"})

    @pytest.mark.parametrize("bad", ["NaN", "inf", "-Infinity", D("NaN"), D("Infinity"),
                                     D("1E+400"), D("1E-400")])
    def test_nan_infinity_and_absurd_exponents_name_the_row_and_column(self, bad: object) -> None:
        with pytest.raises(AmountError) as info:
            Row("决算数", "", {"公务接待费": bad})
        assert isinstance(info.value, ValueError)
        assert str(info.value).startswith("row 决算数, column 公务接待费: ")

    def test_a_qizhong_line_cannot_be_a_row_of_01(self) -> None:
        # R01-1 sums the eight income lines by key; a "其中" line has no key to be summed by
        for key in ("其中：教育收费", "其中", "其中:教育收费"):
            with pytest.raises(TableError, match="unknown row key"):
                IncomeExpenditureSummary([Row(key, key, {"金额": "1.00"})])

    def test_rows_must_be_rows(self) -> None:
        with pytest.raises(TypeError):
            ThreePublicTable([{"key": "预算数"}])  # type: ignore[list-item]

    def test_functional_tables_accept_any_key(self) -> None:
        # the lead's functional kinds declare no fixed row keys
        t = IncomeTable([Row("合计", "", {}), Row("201", "", {}, code="201")])
        assert [r.key for r in t.rows] == ["合计", "201"]
        row = t.get("201")
        assert row is not None and row.code == "201"


def test_row_key_must_be_a_string() -> None:
    with pytest.raises(TypeError, match="key"):
        Row(201, "一般公共服务支出", {})  # type: ignore[arg-type]
