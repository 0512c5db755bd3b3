"""The 预算 table kinds: registration, titles as printed in the corpus, families, units."""

from __future__ import annotations

from decimal import Decimal

import pytest

from govfin.amounts import Unit
from govfin.tables import Row, Table, TableError, kind_for_title
from govfin.tables.budget import (
    CENTRAL,
    FAMILY_KINDS,
    JIANGSU,
    ROLES,
    SHANGHAI,
    BudgetTable,
    JiangsuAppropriationSummary,
    JiangsuExpenditureTable,
    JiangsuIncomeTable,
    JiangsuSummary,
    JiangsuThreePublicTable,
    ShanghaiAppropriationSummary,
    ShanghaiExpenditureTable,
    ShanghaiIncomeTable,
    ShanghaiSummary,
    ShanghaiThreePublicTable,
    budget_kind_for_title,
    budget_kinds,
    budget_meta,
    title_candidates,
)


class TestRegistry:
    def test_every_family_kind_is_registered_as_a_budget(self) -> None:
        kinds = [k for ks in FAMILY_KINDS.values() for k in ks]
        assert len(kinds) == 9 + 12 + 9 == len(set(kinds))
        assert set(budget_kinds()) == set(kinds)
        for k in kinds:
            assert Table.KINDS[k.KIND] is k
            assert k.DOCUMENT == "预算" and k.TITLE_EN and k.COLUMNS
            assert k.ROLE in ROLES

    def test_final_account_kinds_stay_final(self) -> None:
        finals = [k for k in Table.KINDS.values() if not issubclass(k, BudgetTable)]
        assert len(finals) == 11  # ten tables, 公开08 in two forms
        assert all(k.DOCUMENT == "决算" for k in finals)

    def test_families(self) -> None:
        assert len(FAMILY_KINDS[SHANGHAI]) == 9
        assert len(FAMILY_KINDS[JIANGSU]) == 12
        assert len(FAMILY_KINDS[CENTRAL]) == 9
        for family, kinds in FAMILY_KINDS.items():
            assert {k.FAMILY for k in kinds} == {family}

    def test_units(self) -> None:
        # Shanghai: tables in 元, the 三公 table in 万元; Jiangsu and the central template 万元.
        assert ShanghaiSummary.UNIT is Unit.YUAN
        assert ShanghaiThreePublicTable.UNIT is Unit.WAN_YUAN
        assert all(k.UNIT is Unit.WAN_YUAN for k in FAMILY_KINDS[JIANGSU])
        m = budget_meta(ShanghaiSummary, year=2025)
        assert m.unit is Unit.YUAN and m.precision == Decimal(1) and m.year == 2025
        assert budget_meta(JiangsuSummary).precision == Decimal("0.01")


# Titles exactly as the corpus documents print them (numbering, year, department, quotes).
PRINTED = [
    ("2025年部门财务收支预算总表", "", ShanghaiSummary),
    ("1. 2023年部门财务收支预算总表", "", ShanghaiSummary),
    ("2026年预算单位财务收支预算总表", "", ShanghaiSummary),
    ("4．2025年部门财政拨款收支预算总表",
     "财政拨款收入 财政拨款支出 项目 预算数 项目 合计 一般公共预算 政府性基金预算 国有资本经营预算",
     ShanghaiAppropriationSummary),
    ("2025年部门收入预算总表", "项目 收入预算 功能分类科目编码", ShanghaiIncomeTable),
    ("2025年部门支出预算总表", "项目 支出预算 功能分类科目编码", ShanghaiExpenditureTable),
    ("2025年部门“三公”经费和机关运行经费预算表", "", ShanghaiThreePublicTable),
    ("一、2017年度江苏省高级人民法院部门收支预算总表", "", JiangsuSummary),
    ("表一 收支预算总表", "", JiangsuSummary),
    ("二、收入预算总表", "项目名称 金额", JiangsuIncomeTable),
    ("三、支出预算总表", "合计 基本支出 项目支出 单位预留机动经费 结转下年资金",
     JiangsuExpenditureTable),
    ("四、财政拨款收支预算总表", "收入 支出 支出用途 项目名称 金额",
     JiangsuAppropriationSummary),
    ("十一、一般公共预算 三公 经费、会议费、培训费支出预算表", "", JiangsuThreePublicTable),
    ("“三公”经费、会议费、培训费支出预算表（一般公共预算）", "", JiangsuThreePublicTable),
    ("十一、2017年江苏省高级人民法院部门一般公共预算“三公”经费、会议费、培训费支出预算表", "",
     JiangsuThreePublicTable),
]


@pytest.mark.parametrize(("title", "header", "kind"), PRINTED)
def test_printed_titles(title: str, header: str, kind: type[BudgetTable]) -> None:
    assert budget_kind_for_title(title, header) is kind
    assert kind.matches_title(title)


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("8．2025年部门一般公共预算基本支出部门预算经济分类预算表", "一般公共预算基本支出部门预算经济分类预算表"),
        ("6．2025年部门政府性基金预算支出功能分类预算表", "政府性基金预算支出功能分类预算表"),
        ("表七 财政拨款政府性基金支出预算表", "政府性基金支出预算表"),
        ("五、财政拨款支出预算表", "财政拨款支出预算表"),
        ("六、财政拨款基本支出预算表", "财政拨款基本支出预算表"),
        ("九、一般公共预算基本支出预算表", "一般公共预算基本支出预算表"),
        ("十、一般公共预算机关运行经费支出预算表", "一般公共预算机关运行经费支出预算表"),
        ("2017年政府采购预算表", "政府采购支出预算表"),
        ("部门收支总表", "部门收支总表"),
        ("一般公共预算“三公”经费支出表", "一般公共预算“三公”经费支出表"),
        ("国有资本经营预算支出表", "国有资本经营预算支出表"),
    ],
)
def test_one_kind_per_title(title: str, kind: str) -> None:
    found = budget_kind_for_title(title)
    assert found is not None and found.KIND == kind
    assert title_candidates(title) == (found,)


def test_shared_titles_name_both_families_until_the_header_decides() -> None:
    both = title_candidates("2025年部门收入预算总表")
    assert set(both) == {ShanghaiIncomeTable, JiangsuIncomeTable}
    assert ShanghaiIncomeTable.matches_title("收入预算总表")
    assert JiangsuIncomeTable.matches_title("收入预算总表")


def test_longest_title_wins_and_table_words_are_not_a_department() -> None:
    # "财政拨款收支预算总表" ends with "收支预算总表" but names the appropriation summary.
    assert JiangsuSummary not in title_candidates("四、财政拨款收支预算总表")
    # A table title is never a department's name before another title.
    assert budget_kind_for_title("一般公共预算财政拨款支出预算表") is None


def test_final_account_titles_are_not_budget_titles() -> None:
    for title in ("收入支出决算总表", "财政拨款收入支出决算总表", "一般公共预算财政拨款支出决算表",
                  "财政拨款“三公”经费支出决算表"):
        assert budget_kind_for_title(title) is None
        found = kind_for_title(title)
        assert found is not None and found.DOCUMENT == "决算"


class TestRows:
    def test_summary_rejects_an_unknown_line(self) -> None:
        with pytest.raises(TableError, match="unknown row key"):
            ShanghaiSummary([Row("收入合计", "收入合计", {"金额": 1})])

    def test_summary_accepts_class_codes_only(self) -> None:
        ShanghaiSummary([Row("201", "一般公共服务支出", {"合计": 1}, code="201")])
        with pytest.raises(TableError):
            ShanghaiSummary([Row("20101", "x", {"合计": 1}, code="20101")])

    def test_unknown_column_is_named(self) -> None:
        with pytest.raises(TableError, match="金额"):
            ShanghaiExpenditureTable([Row("合计", "合计", {"金额": 1})])

    def test_float_money_is_a_type_error(self) -> None:
        with pytest.raises(TypeError):
            JiangsuSummary([Row("收入合计", "收入合计", {"金额": 1.5})])

    def test_three_public_rows(self) -> None:
        t = JiangsuThreePublicTable([Row("本年预算数", "", {"合计": "1452.35"})])
        assert t.value("本年预算数", "合计") == Decimal("1452.35")
        with pytest.raises(TableError):
            JiangsuThreePublicTable([Row("决算数", "", {})])

    def test_jiangsu_income_keys_follow_the_groups(self) -> None:
        keys = JiangsuIncomeTable.ROW_KEYS or ()
        assert keys[0] == "收入总计" and keys[-1] == "动用上年结转和结余资金"
        assert "公共财政拨款（补助）资金" in keys and "债务资金（银行贷款）" in keys

    def test_roundtrip_through_dict(self) -> None:
        t = ShanghaiExpenditureTable(
            [Row("合计", "合计", {"合计": 3, "基本支出": 1, "项目支出": 2})],
            budget_meta(ShanghaiExpenditureTable, year=2025),
        )
        back = Table.from_dict(t.to_dict())
        assert type(back) is ShanghaiExpenditureTable and back == t


def test_final_account_headers_still_name_final_account_kinds() -> None:
    # Content identification takes the first kind a header fits; the 预算 kinds share columns
    # with the 决算 ones (合计 / 基本支出 / 项目支出) and must not win for a 决算 header.
    from govfin.readers.identify import identify_by_header
    from govfin.readers.lines import Line
    from govfin.tables import GeneralBudgetExpenditureTable

    header = [Line(1, "科目编码\t科目名称\t合计\t基本支出\t项目支出")]
    assert identify_by_header(header) is GeneralBudgetExpenditureTable
    kinds = list(Table.KINDS.values())
    first_budget = next(i for i, k in enumerate(kinds) if k.DOCUMENT == "预算")
    assert all(k.DOCUMENT == "预算" for k in kinds[first_budget:])
