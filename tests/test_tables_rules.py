"""Every intra-table rule, on small hand-built tables: one case where it fires, one where not.

``CASES`` maps each rule id to a consistent table (the rule stays silent), a broken one (the rule
reports at the expected severity, naming the broken cell) and, for some, check options.  A meta
test asserts that every ``R…`` rule in the registry has a case, so a new rule needs one.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal as D
from typing import Any

import attrs
import pytest

from govfin import codes
from govfin.amounts import Tolerance, ToleranceMode
from govfin.findings import Category, Place, Report, Severity
from govfin.rules import REGISTRY, check
from govfin.rules.registry import RuleError
from govfin.rules.tables import _grouped
from govfin.tables import (
    BasicExpenditureDetail,
    DisclosureInfoTable,
    Equation,
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
    TableMeta,
    ThreePublicTable,
)

Spec = Mapping[str, Mapping[str, str | None]]


def build(cls: type[Table], spec: Spec, **changes: Mapping[str, str | None]) -> Table:
    """A table from ``{row key: {column: amount}}``; ``changes`` replaces cells of some rows.

    A key of digits is a coded row; ``changes`` keys may not be identifiers, so pass them as
    ``**{"201": {...}}``.
    """
    rows = []
    merged: dict[str, dict[str, str | None]] = {k: dict(v) for k, v in spec.items()}
    for key, cells in changes.items():
        merged.setdefault(key, {}).update(cells)
    for key, cells in merged.items():
        coded = key.isdigit()  # coded rows get no name: C-name skips a blank name
        rows.append(Row(key, "" if coded else key, dict(cells), code=key if coded else None))
    return cls(rows, TableMeta(year=2024))


def run(table: Table, rule_id: str, **options: Any) -> Report:
    """Only the rule ``rule_id`` (exactly; ``select`` would match R04-1b for R04-1)."""
    return check(table, rules=[REGISTRY.get(rule_id)], **options)


# -- consistent small tables, one per kind ----------------------------------------------------

S01: Spec = {
    "一般公共预算财政拨款收入": {"金额": "100.00"},
    "事业收入": {"金额": "20.00"},
    "其他收入": {"金额": None},
    "本年收入合计": {"金额": "120.00"},
    "使用非财政拨款结余": {"金额": "5.00"},
    "年初结转和结余": {"金额": "10.00"},
    "收入总计": {"金额": "135.00"},
    "201": {"金额": "90.00"},
    "208": {"金额": "25.00"},
    "本年支出合计": {"金额": "115.00"},
    "结余分配": {"金额": "2.00"},
    "年末结转和结余": {"金额": "18.00"},
    "支出总计": {"金额": "135.00"},
}


def _exp(
    total: str | None,
    gen: str | None,
    fund: str | None,
    cap: str | None = None,
) -> dict[str, str | None]:
    return {
        "合计": total,
        "一般公共预算财政拨款": gen,
        "政府性基金预算财政拨款": fund,
        "国有资本经营预算财政拨款": cap,
    }


S04: Spec = {
    "一般公共预算财政拨款": {"金额": "100.00"},
    "政府性基金预算财政拨款": {"金额": "20.00"},
    "国有资本经营预算财政拨款": {"金额": None},
    "本年收入合计": {"金额": "120.00"},
    "年初财政拨款结转和结余": {"金额": "15.00"},
    "年初一般公共预算财政拨款": {"金额": "10.00"},
    "年初政府性基金预算财政拨款": {"金额": "5.00"},
    "年初国有资本经营预算财政拨款": {"金额": None},
    "收入总计": {"金额": "135.00"},
    "201": _exp("90.00", "80.00", "10.00"),
    "212": _exp("25.00", "15.00", "10.00"),
    "本年支出合计": _exp("115.00", "95.00", "20.00"),
    "年末财政拨款结转和结余": _exp("20.00", "15.00", "5.00"),
    "支出总计": _exp("135.00", "110.00", "25.00"),
}

S06: Spec = {
    "301": {"决算数": "100.00"},
    "30101": {"决算数": "60.00"},
    "30102": {"决算数": "40.00"},
    "303": {"决算数": "10.00"},
    "30302": {"决算数": "10.00"},
    "302": {"决算数": "5.00"},
    "30201": {"决算数": "5.00"},
    "310": {"决算数": "2.00"},
    "31002": {"决算数": "2.00"},
    "309": {"决算数": None},
    "人员经费合计": {"决算数": "110.00"},
    "公用经费合计": {"决算数": "7.00"},
}


def _three(
    total: str,
    abroad: str,
    cars: str,
    buy: str,
    run_: str,
    reception: str,
) -> dict[str, str | None]:
    return {
        "合计": total,
        "因公出国（境）费": abroad,
        "公务用车购置及运行维护费": cars,
        "公务用车购置费": buy,
        "公务用车运行维护费": run_,
        "公务接待费": reception,
    }


S09: Spec = {
    "预算数": _three("10.00", "2.00", "5.00", "3.00", "2.00", "3.00"),
    "决算数": _three("8.00", "1.00", "4.00", "3.00", "1.00", "3.00"),
}

S10: Spec = {
    "政府采购合计": {"统计数": "10.00"},
    "货物": {"统计数": "5.00"},
    "工程": {"统计数": "3.00"},
    "服务": {"统计数": "2.00"},
    "授予中小企业合同金额": {"统计数": "6.00"},
    "授予小微企业合同金额": {"统计数": "4.00"},
    "行政单位": {"统计数": "1.50"},
    "车辆数合计": {"统计数": "3"},
    "主要负责人用车": {"统计数": "1"},
    "机要通信用车": {"统计数": "2"},
    "其他用车": {"统计数": None},
    "单价100万元（含）以上设备": {"统计数": "1"},
}

_TREE_ROWS = ("合计", "201", "20103", "2010350", "2010399")


def _tree(columns: tuple[str, ...], *per_column: tuple[str | None, ...]) -> Spec:
    """Rows 合计/201/20103/2010350/2010399, each column given top to bottom."""
    return {
        key: {c: values[i] for c, values in zip(columns, per_column, strict=True)}
        for i, key in enumerate(_TREE_ROWS)
    }


_T = ("30.00", "30.00", "30.00", "10.00", "20.00")
_B = ("10.00", "10.00", "10.00", "10.00", None)
_P = ("20.00", "20.00", "20.00", None, "20.00")
S02 = _tree(
    ("本年收入合计", "财政拨款收入", "事业收入"),
    _T,
    ("25.00", "25.00", "25.00", "5.00", "20.00"),
    ("5.00", "5.00", "5.00", "5.00", None),
)
S03 = _tree(("本年支出合计", "基本支出", "项目支出"), _T, _B, _P)
S05 = _tree(("合计", "基本支出", "项目支出"), _T, _B, _P)
_OPEN = ("2.00", "2.00", "2.00", "1.00", "1.00")
S07 = _tree(
    ("年初结转和结余", "本年收入", "本年支出小计", "基本支出", "项目支出", "年末结转和结余"),
    _OPEN,
    _T,
    _T,
    _B,
    _P,
    _OPEN,
)
S08 = S05


def _with(spec: Spec, extra: Spec) -> Spec:
    """``spec`` with more columns on its rows (the optional columns of older forms)."""
    return {k: {**v, **extra.get(k, {})} for k, v in spec.items()}


#: 其中：政府性基金预算财政拨款 (≤ 财政拨款收入) and 其中：教育收费 (≤ 事业收入) on every row of S02.
_Q02 = _tree(("政府性基金预算财政拨款", "教育收费"), ("20.00", "20.00", "20.00", "1.00", "19.00"),
             ("1.00", "1.00", "1.00", "1.00", None))
#: 基本支出 (_B) split into 人员经费 and 公用经费 on every row of S03 / S05.
_SPLIT = _tree(("人员经费", "公用经费"), ("6.00", "6.00", "6.00", "6.00", None),
               ("4.00", "4.00", "4.00", "4.00", None))


@attrs.frozen
class Case:
    ok: Table
    bad: Table
    #: the cell whose change broke the relation; the finding must name it
    cell: tuple[str, str | None]
    severity: Severity = Severity.ERROR
    options: Mapping[str, Any] = attrs.field(factory=dict)


CASES: dict[str, Case] = {
    # 公开01
    "R01-1": Case(
        build(IncomeExpenditureSummary, S01),
        build(IncomeExpenditureSummary, S01, 事业收入={"金额": "21.00"}),
        ("事业收入", "金额"),
    ),
    "R01-2": Case(
        build(IncomeExpenditureSummary, S01),
        build(IncomeExpenditureSummary, S01, **{"208": {"金额": "26.00"}}),
        ("208", "金额"),
    ),
    "R01-3": Case(
        build(IncomeExpenditureSummary, S01),
        build(IncomeExpenditureSummary, S01, 使用非财政拨款结余={"金额": None}),
        ("使用非财政拨款结余", "金额"),
    ),
    "R01-4": Case(
        build(IncomeExpenditureSummary, S01),
        build(IncomeExpenditureSummary, S01, 结余分配={"金额": "3.00"}),
        ("结余分配", "金额"),
    ),
    "R01-5": Case(
        build(IncomeExpenditureSummary, S01),
        build(IncomeExpenditureSummary, S01, 支出总计={"金额": "136.00"}),
        ("支出总计", "金额"),
    ),
    # 公开02/03/05/07/08 (the lead's functional tables)
    "R02-1": Case(
        build(IncomeTable, S02),
        build(IncomeTable, S02, **{"2010350": {"事业收入": "6.00"}}),
        ("2010350", "事业收入"),
    ),
    "R02-tree": Case(
        build(IncomeTable, S02),
        build(IncomeTable, S02, **{"2010399": {"本年收入合计": "21.00", "财政拨款收入": "21.00"}}),
        ("2010399", "本年收入合计"),
    ),
    # the optional 其中 columns of older forms (years9): judged on the rows that print them
    "R02-2": Case(
        build(IncomeTable, _with(S02, _Q02)),
        build(IncomeTable, _with(S02, _Q02), **{"2010350": {"政府性基金预算财政拨款": "6.00"}}),
        ("2010350", "政府性基金预算财政拨款"),
    ),
    "R03-2": Case(
        build(ExpenditureTable, _with(S03, _SPLIT)),
        build(ExpenditureTable, _with(S03, _SPLIT), 合计={"公用经费": "5.00"}),
        ("合计", "基本支出"),
    ),
    "R05-2": Case(
        build(GeneralBudgetExpenditureTable, _with(S05, _SPLIT)),
        build(GeneralBudgetExpenditureTable, _with(S05, _SPLIT), **{"201": {"人员经费": "7.00"}}),
        ("201", "基本支出"),
    ),
    "R03-1": Case(
        build(ExpenditureTable, S03),
        build(ExpenditureTable, S03, 合计={"基本支出": "11.00"}),
        ("合计", "基本支出"),
    ),
    "R03-tree": Case(
        build(ExpenditureTable, S03),
        build(ExpenditureTable, S03, **{"201": {"本年支出合计": "31.00", "基本支出": "11.00"}}),
        ("201", "基本支出"),
    ),
    "R05-1": Case(
        build(GeneralBudgetExpenditureTable, S05),
        build(GeneralBudgetExpenditureTable, S05, **{"20103": {"项目支出": "21.00"}}),
        ("20103", "项目支出"),
    ),
    "R05-tree": Case(
        build(GeneralBudgetExpenditureTable, S05),
        build(
            GeneralBudgetExpenditureTable, S05, **{"20103": {"合计": "31.00", "项目支出": "21.00"}}
        ),
        ("20103", "合计"),
    ),
    "R07-1": Case(
        build(GovernmentFundTable, S07),
        build(GovernmentFundTable, S07, 合计={"本年支出小计": "31.00"}),
        ("合计", "本年支出小计"),
    ),
    "R07-2": Case(
        build(GovernmentFundTable, S07),
        build(GovernmentFundTable, S07, 合计={"年末结转和结余": "3.00"}),
        ("合计", "年末结转和结余"),
        Severity.WARNING,
    ),
    "R07-tree": Case(
        build(GovernmentFundTable, S07),
        build(GovernmentFundTable, S07, **{"201": {"年初结转和结余": "3.00"}}),
        ("201", "年初结转和结余"),
    ),
    "R08i-1": Case(
        build(StateCapitalIncomeTable, S07),
        build(StateCapitalIncomeTable, S07, 合计={"本年支出小计": "31.00"}),
        ("合计", "本年支出小计"),
    ),
    "R08i-2": Case(
        build(StateCapitalIncomeTable, S07),
        build(StateCapitalIncomeTable, S07, 合计={"年末结转和结余": "3.00"}),
        ("合计", "年末结转和结余"),
        Severity.WARNING,
    ),
    "R08i-tree": Case(
        build(StateCapitalIncomeTable, S07),
        build(StateCapitalIncomeTable, S07, **{"201": {"年初结转和结余": "3.00"}}),
        ("201", "年初结转和结余"),
    ),
    "R08-1": Case(
        build(StateCapitalTable, S08),
        build(StateCapitalTable, S08, **{"2010350": {"合计": "11.00"}}),
        ("2010350", "合计"),
    ),
    "R08-tree": Case(
        build(StateCapitalTable, S08),
        build(StateCapitalTable, S08, **{"2010350": {"合计": "11.00", "基本支出": "11.00"}}),
        ("2010350", "基本支出"),
    ),
    # 公开04
    "R04-1": Case(
        build(FiscalAppropriationSummary, S04),
        build(FiscalAppropriationSummary, S04, **{"212": _exp("25.00", "15.00", "11.00")}),
        ("212", "政府性基金预算财政拨款"),
    ),
    "R04-1b": Case(
        build(FiscalAppropriationSummary, S04),
        build(FiscalAppropriationSummary, S04, 年初政府性基金预算财政拨款={"金额": "6.00"}),
        ("年初政府性基金预算财政拨款", "金额"),
    ),
    "R04-2": Case(
        build(FiscalAppropriationSummary, S04),
        build(
            FiscalAppropriationSummary, S04, 年末财政拨款结转和结余=_exp("21.00", "16.00", "5.00")
        ),
        ("年末财政拨款结转和结余", "一般公共预算财政拨款"),
        Severity.WARNING,
    ),
    "R04-3": Case(
        build(FiscalAppropriationSummary, S04),
        build(FiscalAppropriationSummary, S04, 收入总计={"金额": "136.00"}),
        ("收入总计", "金额"),
    ),
    # 公开06
    "R06-1": Case(
        build(BasicExpenditureDetail, S06),
        build(BasicExpenditureDetail, S06, 人员经费合计={"决算数": "111.00"}),
        ("人员经费合计", "决算数"),
    ),
    "R06-2": Case(
        build(BasicExpenditureDetail, S06),
        build(BasicExpenditureDetail, S06, 公用经费合计={"决算数": "5.00"}),
        ("公用经费合计", "决算数"),
    ),
    "R06-tree": Case(
        build(BasicExpenditureDetail, S06),
        build(BasicExpenditureDetail, S06, **{"30101": {"决算数": "61.00"}}),
        ("30101", "决算数"),
    ),
    # 公开09
    "R09-1": Case(
        build(ThreePublicTable, S09),
        build(ThreePublicTable, S09, 决算数={"公务接待费": "3.50"}),
        ("决算数", "公务接待费"),
    ),
    "R09-2": Case(
        build(ThreePublicTable, S09),
        build(ThreePublicTable, S09, 预算数={"公务用车购置费": "2.00"}),
        ("预算数", "公务用车购置费"),
    ),
    "R09-3": Case(
        build(ThreePublicTable, S09),
        build(ThreePublicTable, S09, 决算数=_three("9.00", "2.50", "4.00", "3.00", "1.00", "2.50")),
        ("决算数", "因公出国（境）费"),
        Severity.WARNING,
    ),
    # 公开10
    "R10-1": Case(
        build(DisclosureInfoTable, S10),
        build(DisclosureInfoTable, S10, 服务={"统计数": "2.50"}),
        ("服务", "统计数"),
    ),
    "R10-2": Case(
        build(DisclosureInfoTable, S10),
        build(DisclosureInfoTable, S10, 授予小微企业合同金额={"统计数": "6.50"}),
        ("授予小微企业合同金额", "统计数"),
    ),
    "R10-3": Case(
        build(DisclosureInfoTable, S10),
        build(DisclosureInfoTable, S10, 其他用车={"统计数": "1"}),
        ("其他用车", "统计数"),
    ),
    "R10-4": Case(
        build(DisclosureInfoTable, S10),
        build(DisclosureInfoTable, S10, 主要负责人用车={"统计数": "1.5"}),
        ("主要负责人用车", "统计数"),
    ),
}


# -- the classification rules (C-*), on a table whose rows carry their printed names ----------


def named(cls: type[Table], spec: Spec, names: Mapping[str, str] | None = None) -> Table:
    """Like :func:`build`, but coded rows carry a printed name: the official one (2024
    edition) unless ``names`` (code -> printed name) gives another."""
    year = 2024
    printed = names or {}
    rows = [
        attrs.evolve(r, name=printed.get(r.key, codes.lookup(r.key, year).name))
        if r.code is not None
        else r
        for r in build(cls, spec).rows
    ]
    return cls(rows, TableMeta(year=year))


def _without(spec: Spec, *keys: str) -> Spec:
    return {k: v for k, v in spec.items() if k not in keys}


C_CASES: dict[str, Case] = {
    "C-code": Case(
        named(BasicExpenditureDetail, S06),
        build(BasicExpenditureDetail, {**S06, "30198": {"决算数": None}}),
        ("30198", "科目代码"),
    ),
    "C-name": Case(
        # printed with half-width brackets and a wrapped line: still the official name
        named(IncomeTable, S02, {"20103": "政府办公厅(室)及相关\n机构事务"}),
        named(IncomeTable, S02, {"20103": "政府办公厅及相关机构事务"}),
        ("20103", "科目名称"),
        Severity.WARNING,
    ),
    "C-dup": Case(
        named(StateCapitalTable, S08),
        StateCapitalTable(
            [*named(StateCapitalTable, S08).rows, named(StateCapitalTable, S08).row("2010399")],
            TableMeta(year=2024),
        ),
        ("2010399", None),
    ),
    "C-orphan": Case(
        named(GovernmentFundTable, S07),
        named(GovernmentFundTable, _without(S07, "20103")),
        ("2010350", None),
    ),
}

ALL_CASES = {**CASES, **C_CASES}


def test_every_table_rule_has_a_case() -> None:
    table_rules = {r.id for r in REGISTRY.filter(prefix="R")} - {
        r.id for r in REGISTRY.filter(prefix="READ-")  # the read problems (tests/test_read_findings.py)
    }
    assert table_rules <= set(CASES)
    assert {r.id for r in REGISTRY.filter(prefix="C-")} == set(C_CASES)


@pytest.mark.parametrize("rule_id", sorted(ALL_CASES))
def test_silent_on_consistent_table(rule_id: str) -> None:
    case = ALL_CASES[rule_id]
    assert run(case.ok, rule_id, **case.options).findings == ()


@pytest.mark.parametrize("rule_id", sorted(ALL_CASES))
def test_fires_on_broken_table(rule_id: str) -> None:
    case = ALL_CASES[rule_id]
    report = run(case.bad, rule_id, **case.options)
    assert report.findings, rule_id
    assert {f.severity for f in report} == {case.severity}
    assert all(f.rule_id == rule_id and f.table == case.bad.KIND for f in report)
    place = Place(case.bad.KIND, *case.cell)
    assert any(f.names(place) for f in report), [f.to_text() for f in report]


@pytest.mark.parametrize("rule_id", sorted(ALL_CASES))
def test_all_rules_on_consistent_tables_are_silent(rule_id: str) -> None:
    """Each small consistent table passes every rule of its kind, classification included."""
    case = ALL_CASES[rule_id]
    report = check(case.ok)
    assert report.findings == (), report.to_text()


def test_rules_are_registered_for_their_kind_only() -> None:
    for rule_id, case in CASES.items():
        r = REGISTRY.get(rule_id)
        assert r.subject is type(case.ok) and r.tables == (case.ok.KIND,)
        assert r.title_zh and r.title_en and r.source


class TestDetails:
    def test_residue_is_info_never_error(self) -> None:
        t = build(ThreePublicTable, S09, 决算数={"合计": "8.01"})
        report = run(t, "R09-1")
        assert report.ok and len(report.infos) == 1
        f = report.infos[0]
        assert (f.expected, f.actual, f.difference, f.slack) == (
            D("8.00"),
            D("8.01"),
            D("0.01"),
            D("0.020"),
        )

    def test_exact_mode_makes_the_residue_an_error(self) -> None:
        t = build(ThreePublicTable, S09, 决算数={"合计": "8.01"})
        assert len(run(t, "R09-1", tolerance=Tolerance(ToleranceMode.EXACT)).errors) == 1

    def test_every_finding_reported_not_the_first(self) -> None:
        t = build(ThreePublicTable, S09, 预算数={"合计": "11.00"}, 决算数={"合计": "9.00"})
        assert {f.row for f in run(t, "R09-1").errors} == {"预算数", "决算数"}

    def test_r04_1_skips_income_rows(self) -> None:
        # income rows carry only 金额: no 合计 = Σ types equation is formed on them
        t = build(FiscalAppropriationSummary, {"一般公共预算财政拨款": {"金额": "1.00"}})
        assert run(t, "R04-1").findings == ()

    def test_r04_2_each_budget_type(self) -> None:
        t = build(
            FiscalAppropriationSummary, S04, 年末财政拨款结转和结余=_exp("21.00", "15.00", "6.00")
        )
        report = run(t, "R04-2")
        assert [f.column for f in report] == ["政府性基金预算财政拨款"]
        assert report.warnings and report.ok
        assert REGISTRY.get("R04-2").category is Category.BALANCE

    def test_r04_3_sum_of_classes_each_column(self) -> None:
        t = build(FiscalAppropriationSummary, S04, **{"201": _exp("91.00", "81.00", "10.00")})
        cols = {f.column for f in run(t, "R04-3").errors}
        assert cols == {"合计", "一般公共预算财政拨款"}

    def test_r01_other_lines_are_not_summed(self) -> None:
        # a "其中" line is never a key of 公开01表: it cannot be added in by mistake
        assert "其中" not in "".join(IncomeExpenditureSummary.ROW_KEYS)
        assert len(IncomeExpenditureSummary.INCOME_LINES) == 8

    def test_r06_personnel_classes_option(self) -> None:
        # a region counting 302 as 人员经费: 人员 = 301 + 302 + 303 = 115, 公用 = 310 = 2
        t = build(
            BasicExpenditureDetail,
            S06,
            人员经费合计={"决算数": "115.00"},
            公用经费合计={"决算数": "2.00"},
        )
        default = check(t, select=("R06",))
        assert {f.rule_id for f in default.errors} == {"R06-1", "R06-2"}
        classes = ("301", "302", "303")
        assert check(t, select=("R06",), personnel_classes=classes).findings == ()
        # and the default table breaks under that option
        ok = build(BasicExpenditureDetail, S06)
        assert not check(ok, select=("R06",), personnel_classes=classes).ok

    def test_r06_missing_total_line_is_not_arithmetic(self) -> None:
        spec = {k: v for k, v in S06.items() if not k.endswith("经费合计")}
        assert check(build(BasicExpenditureDetail, spec), select=("R06",)).findings == ()

    def test_r06_names_the_parts(self) -> None:
        t = build(BasicExpenditureDetail, S06, 人员经费合计={"决算数": "111.00"})
        (f,) = run(t, "R06-1").errors
        assert f.names(Place(t.KIND, "301", "决算数")) and f.names(Place(t.KIND, "303", "决算数"))
        assert not f.names(Place(t.KIND, "302", "决算数"))

    def test_r09_3_blank_budget_with_spending(self) -> None:
        spec = {"预算数": dict.fromkeys(S09["预算数"]), "决算数": S09["决算数"]}
        report = run(build(ThreePublicTable, spec), "R09-3")
        assert len(report.warnings) == 6  # every non-blank 决算数 column
        assert run(ThreePublicTable(()), "R09-3").findings == ()

    def test_r10_2_both_inequalities(self) -> None:
        t = build(DisclosureInfoTable, S10, 授予中小企业合同金额={"统计数": "11.00"})
        report = run(t, "R10-2")
        assert [f.row for f in report.errors] == ["授予中小企业合同金额"]
        # not printed: nothing to compare
        spec = {k: v for k, v in S10.items() if not k.startswith("授予")}
        assert run(build(DisclosureInfoTable, spec), "R10-2").findings == ()

    def test_r10_3_counts_have_no_tolerance(self) -> None:
        t = build(DisclosureInfoTable, S10, 车辆数合计={"统计数": "4"})
        (f,) = run(t, "R10-3").errors
        assert f.slack == 0 and f.difference == 1
        # money rows of the same table keep the cent tolerance
        t = build(DisclosureInfoTable, S10, 政府采购合计={"统计数": "10.01"})
        assert run(t, "R10-1").infos

    def test_r10_4_negative_count(self) -> None:
        t = build(DisclosureInfoTable, S10, 机要通信用车={"统计数": "-1"})
        assert run(t, "R10-4").errors

    def test_empty_tables_are_silent(self) -> None:
        for cls in (
            IncomeExpenditureSummary,
            FiscalAppropriationSummary,
            BasicExpenditureDetail,
            ThreePublicTable,
            DisclosureInfoTable,
        ):
            assert check(cls(())).findings == ()

    def test_grouped_equations_must_agree_on_severity(self) -> None:
        a = Equation("Z-1", "甲", "a", ("x", "c"), (("y", "c"),))
        b = attrs.evolve(a, severity=Severity.WARNING)
        assert _grouped((a, a)) == [[a, a]]
        with pytest.raises(RuleError, match="Z-1"):
            _grouped((a, b))


_FUNCTIONAL = (IncomeTable, ExpenditureTable, GeneralBudgetExpenditureTable,
               GovernmentFundTable, StateCapitalTable)


@pytest.mark.parametrize(
    ("cls", "column"),
    [(cls, column) for cls in _FUNCTIONAL for column in cls.COLUMNS],
    ids=lambda v: getattr(v, "NUMBER", v),
)
@pytest.mark.parametrize("level", ["合计", "201", "20103", "2010350"])
def test_code_tree_rollup_on_every_money_column(cls: type[Table], column: str,
                                                level: str) -> None:
    """02/03/05/07/08: 合计 = Σ类, 类 = Σ款, 款 = Σ项 in each column, at each level."""
    assert cls.ROLLUP is not None
    spec = _tree(cls.COLUMNS, *[_T] * len(cls.COLUMNS))
    assert run(build(cls, spec), cls.ROLLUP.id).findings == ()
    moved = build(cls, spec, **{level: {column: str(D(spec[level][column] or 0) + 1)}})
    report = run(moved, cls.ROLLUP.id)
    assert [(f.severity, f.column) for f in report] == [(Severity.ERROR, column)] * len(report)
    # the moved cell is named, as the total of one relation and/or a part of the one above
    place = Place(cls.KIND, level, column)
    assert any(f.names(place) for f in report)
    assert len(report) == (1 if level in ("合计", "2010350") else 2)


class TestClassification:
    """The generic C-* rules on the new kinds (codes from govfin.codes)."""

    def test_unknown_economic_code(self) -> None:
        t = build(BasicExpenditureDetail, {"301": {"决算数": "1.00"}, "30198": {"决算数": "1.00"}})
        assert [f.row for f in run(t, "C-code").errors] == ["30198"]

    def test_unknown_class_code_in_summary(self) -> None:
        t = build(IncomeExpenditureSummary, {"299": {"金额": "1.00"}})
        assert run(t, "C-code").errors

    def test_orphan_and_duplicate(self) -> None:
        t = build(BasicExpenditureDetail, {"30101": {"决算数": "1.00"}})
        assert run(t, "C-orphan").errors
        rows = [Row("201", "一般公共服务支出", {"金额": "1.00"}, code="201")] * 2
        assert run(IncomeExpenditureSummary(rows, TableMeta(year=2024)), "C-dup").errors

    def test_code_is_checked_against_the_documents_edition(self) -> None:
        # 22911 was added to the 2025 edition (财预〔2025〕41号); it is unknown in 2024
        rows = [Row("229", "其他支出", {"本年收入合计": "1.00"}, code="229"),
                Row("22911", "中央金融机构注资特别国债财务基金支出", {"本年收入合计": "1.00"},
                    code="22911")]
        in_2025 = IncomeTable(rows, TableMeta(year=2025))
        in_2024 = IncomeTable(rows, TableMeta(year=2024))
        assert run(in_2025, "C-code").findings == ()
        # govfin's list of 类 229 is incomplete: an unknown code there is a warning, not an error
        (f,) = run(in_2024, "C-code").warnings
        assert f.row == "22911" and "'22911'" in f.message and "2024" in f.message
        assert "类 229, which is incomplete" in f.message
        # CheckOptions.year overrides the document's year, both ways
        assert run(in_2024, "C-code", edition=2025).findings == ()
        assert run(in_2025, "C-code", edition=2024).warnings
        # no year at all: the default edition
        assert run(IncomeTable(rows), "C-code").warnings
        # under a part of the list that govfin holds complete (款 20101), an unknown code is an error
        wrong = [Row("2010110", "行政运行", {"本年收入合计": "1.00"}, code="2010110")]
        (f,) = run(IncomeTable(wrong, TableMeta(year=2024)), "C-code").errors
        assert "'2010110'" in f.message

    def test_unshipped_edition_stands_in_and_softens(self) -> None:
        # no 2019 edition is shipped: the next later one (2024) stands in, and what it cannot
        # vouch for is a warning (codes) or an info (names), never an error
        t = named(IncomeTable, S02)
        old = attrs.evolve(t, meta=TableMeta(year=2019))
        assert run(old, "C-code").findings == ()
        wrong = [Row("2010110", "行政运行", {"本年收入合计": "1.00"}, code="2010110")]
        (f,) = run(IncomeTable(wrong, TableMeta(year=2019)), "C-code").findings
        assert f.severity is Severity.WARNING and "2019" in f.message and "2024" in f.message
        renamed = named(IncomeTable, S02, {"2010350": "事业运行（旧）"})
        (f,) = run(attrs.evolve(renamed, meta=TableMeta(year=2019)), "C-name").findings
        assert f.severity is Severity.INFO and "2024" in f.message and "2019" in f.message

    def test_name_check_follows_the_edition(self) -> None:
        t = named(IncomeTable, S02, {"2010350": "事业运行（测试）"})
        (f,) = run(t, "C-name").warnings
        assert f.row == "2010350" and "事业运行" in f.message and "事业运行（测试）" in f.message

    def test_printed_name_differs(self) -> None:
        t = IncomeExpenditureSummary(
            [Row("201", "一般公共服务", {"金额": "1.00"}, code="201")], TableMeta(year=2024)
        )
        assert run(t, "C-name").warnings
