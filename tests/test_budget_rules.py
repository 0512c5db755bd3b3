"""Budget rules on real figures (no false errors) and on single wrong cells (caught, named)."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest
from budget_specimens import (
    js_disclosure,
    js_tables,
    sh_disclosure,
    sh_tables,
    zx_disclosure,
    zx_tables,
)

from govfin.amounts import Unit
from govfin.disclosure import Disclosure
from govfin.findings import Finding, Report, Severity
from govfin.rules import REGISTRY, check
from govfin.rules.budget import budget_family, rule_prefix, single_source
from govfin.tables import Row, Table
from govfin.tables.budget import (
    FAMILY_KINDS,
    JiangsuIncomeTable,
    JiangsuThreePublicTable,
    ShanghaiSummary,
    ShanghaiThreePublicTable,
    budget_meta,
)

#: Rules of the 决算 that do not know budgets yet (see the report): K-missing asks for 公开01–09.
#: C-code: the shipped 2025 functional edition lacks codes the document prints (20406 司法 …).
NOT_BUDGET_AWARE = ("K-missing", "C-code")


def _errors(report: Report) -> list[Finding]:
    return [f for f in report.findings
            if f.severity is Severity.ERROR and not f.rule_id.startswith(NOT_BUDGET_AWARE)]


def _budget_findings(report: Report, severity: Severity | None = None) -> list[Finding]:
    return [f for f in report.findings if f.rule_id.startswith("B")
            and (severity is None or f.severity is severity)]


def _replace(tables: list[Table], kind: type[Table], key: str, column: str,
             value: str | None) -> list[Table]:
    out = []
    for t in tables:
        if type(t) is kind:
            rows = [attrs.evolve(r, values={**r.values, column: value}) if r.key == key else r
                    for r in t.rows]
            t = attrs.evolve(t, rows=rows)
        out.append(t)
    return out


def _disclosure(tables: list[Table], year: int) -> Disclosure:
    return Disclosure(year=year, unit=Unit.WAN_YUAN, tables=tables)


class TestRealFigures:
    def test_shanghai_2025_no_false_error(self) -> None:
        report = check(sh_disclosure())
        assert _errors(report) == []
        assert _budget_findings(report, Severity.WARNING) == []
        # Whole-元 figures: the only residues are 1 元 in 212 城乡社区支出 (21201 = Σ项 − 1).
        residues = _budget_findings(report, Severity.INFO)
        assert residues and {f.place.row for f in residues if f.place} <= {"212", "21201"}
        assert all(abs(f.difference or 0) <= 1 for f in residues)

    def test_jiangsu_2017_no_false_error(self) -> None:
        report = check(js_disclosure())
        assert _errors(report) == []
        assert _budget_findings(report) == []
        # The fund table is printed empty without a note: an honest warning.
        notes = [f for f in report.findings if f.rule_id == "K-empty-note"]
        assert [f.place.table for f in notes if f.place] == ["政府性基金支出预算表"]

    def test_jiangsu_2017_zhengxie_no_finding_at_all(self) -> None:
        # 其他资金 80.00 goes to 201 and 基本支出: the summary exceeds the appropriation tables
        # by exactly that, which the funding-aware rules accept.
        report = check(zx_disclosure())
        left = [f for f in report.findings if f.rule_id != "K-missing"
                and not (f.rule_id == "C-code" and f.severity is Severity.WARNING)]
        assert left == []

    def test_zhengxie_other_funds_are_bounded_not_equal(self) -> None:
        # 财政拨款 基本支出 above the summary's (which covers every fund) is a break.
        tables = _replace(zx_tables(), type(zx_tables()[3]), "基本支出", "金额", "5926.27")
        hits = [f for f in check(_disclosure(tables, 2017)).findings if f.rule_id == "B-X3"]
        assert hits and hits[0].severity is Severity.ERROR

    def test_disclosure_roundtrips_through_json(self) -> None:
        for d in (sh_disclosure(), zx_disclosure()):
            back = Disclosure.from_json(d.to_json())
            assert back == d
            assert [type(t) for t in back.tables] == [type(t) for t in d.tables]

    def test_family_and_single_source(self) -> None:
        assert budget_family(sh_disclosure()) == "上海"
        assert budget_family(js_disclosure()) == "江苏"
        assert single_source(sh_disclosure())
        assert not single_source(js_disclosure())  # 其他资金 15.00

    def test_every_family_table_is_present(self) -> None:
        for d in (sh_disclosure(), js_disclosure()):
            assert not [f for f in check(d).findings if f.rule_id == "B-K-missing"]
        d = attrs.evolve(js_disclosure(), tables=js_tables()[:-1])
        missing = [f for f in check(d).findings if f.rule_id == "B-K-missing"]
        assert [f.place.table for f in missing if f.place] == ["政府采购支出预算表"]


# (kind, row, column, wrong value, the rule that must name it)
SH_BREAKS = [
    (0, "收入总计", "金额", "189767651", "BS01-2"),
    (0, "212", "合计", "154369426", "BS01-3"),
    (1, "20105", "财政拨款收入", "438400", "BS02-1"),
    (2, "2080599", "基本支出", "4260", "BS03-1"),
    (3, "221", "一般公共预算", "9364832", "BS04-1"),
    (4, "合计", "基本支出", "101341846", "BS05-1"),
    (7, "30217", "公用经费", "14500", "BS08-1"),
    (8, "本年预算数", "合计", "38.91", "BS09-1"),
    (8, "本年预算数", "公务用车购置费", "16", "BS09-2"),
]


@pytest.mark.parametrize(("index", "key", "column", "value", "rule_id"), SH_BREAKS)
def test_shanghai_single_cell_is_caught_and_named(
    index: int, key: str, column: str, value: str, rule_id: str
) -> None:
    tables = sh_tables()
    kind = type(tables[index])
    report = check(_disclosure(_replace(tables, kind, key, column, value), 2025))
    hits = [f for f in _errors(report) if f.rule_id == rule_id]
    assert hits, f"{rule_id} did not catch {kind.KIND} {key} {column}"
    named = {c.row for f in hits for c in f.cells} | {f.place.row for f in hits if f.place}
    assert key in named


@pytest.mark.parametrize(
    ("index", "key", "column", "value", "rule_id"),
    [
        # A figure both tables print: the cross rule names the cell of the changed table.
        (1, "合计", "事业收入", "5", "B-X1"),
        (3, "收入总计", "金额", "189767651", "B-X3"),
        (7, "合计", "合计", "101341846", "B-X5"),
        (4, "208", "项目支出", "2336300", "B-X10"),
    ],
)
def test_shanghai_cross_table_break_is_caught(
    index: int, key: str, column: str, value: str, rule_id: str
) -> None:
    tables = sh_tables()
    report = check(_disclosure(_replace(tables, type(tables[index]), key, column, value), 2025))
    hits = [f for f in report.findings if f.rule_id == rule_id and f.severity is Severity.ERROR]
    assert hits
    assert any(c.table == tables[index].KIND and c.row == key for f in hits for c in f.cells)


def test_b_x4_names_the_class_row_of_the_general_table() -> None:
    tables = sh_tables()
    # Both the 类 row and its 款 change: the general table still rolls up, but B-X4 breaks.
    changed = _replace(tables, type(tables[4]), "205", "合计", "250100")
    changed = _replace(changed, type(tables[4]), "205", "项目支出", "250100")
    report = check(_disclosure(changed, 2025))
    hits = [f for f in report.findings if f.rule_id == "B-X4" and f.severity is Severity.ERROR]
    assert any(c.row == "205" for f in hits for c in f.cells)


def test_b_x8_and_b_x9_compare_yuan_with_wan_yuan() -> None:
    # 30217 公务接待费 13,500 元 = 1.35 万元 in the 三公 table: equal, no finding.
    assert not [f for f in check(sh_disclosure()).findings if f.rule_id in ("B-X8", "B-X9")]
    tables = _replace(sh_tables(), ShanghaiThreePublicTable, "本年预算数", "公务接待费", "1.2")
    report = check(_disclosure(tables, 2025))
    hits = [f for f in report.findings if f.rule_id == "B-X8"]
    assert hits and hits[0].severity is Severity.WARNING
    assert hits[0].actual == Decimal("1.35") and hits[0].expected == Decimal("1.2")
    tables = _replace(sh_tables(), ShanghaiThreePublicTable, "本年预算数", "机关运行经费", "1100")
    hits = [f for f in check(_disclosure(tables, 2025)).findings if f.rule_id == "B-X9"]
    assert hits and hits[0].severity is Severity.WARNING


JS_BREAKS = [
    (0, "当年收入小计", "金额", "17996.78", "BJ01-2"),
    (0, "204", "金额", "13656.44", "BJ01-4"),
    (0, "项目支出", "金额", "5533.10", "BJ01-5"),
    (1, "其他收入", "金额", "15.10", "BJ02-2"),
    (3, "项目支出", "金额", "5533.10", "BJ04-2"),
    (4, "2040402", "金额", "3644.30", "BJ05-tree"),
    (5, "30207", "金额", "59.10", "BJ06-tree"),
    (8, "30301", "金额", "344.41", "BJ09-tree"),
    (9, "30211", "机关运行经费支出", "1070.10", "BJ10-tree"),
    (10, "本年预算数", "会议费", "168.10", "BJ11-1"),
    (10, "本年预算数", "公务接待费", "156.65", "BJ11-2"),
    (10, "本年预算数", "公务用车运行维护费", "267.90", "BJ11-3"),
    (11, "服务", "金额", "2555.90", "BJ12-1"),
]


@pytest.mark.parametrize(("index", "key", "column", "value", "rule_id"), JS_BREAKS)
def test_jiangsu_single_cell_is_caught_and_named(
    index: int, key: str, column: str, value: str, rule_id: str
) -> None:
    tables = js_tables()
    report = check(_disclosure(_replace(tables, type(tables[index]), key, column, value), 2017))
    hits = [f for f in _errors(report) if f.rule_id == rule_id]
    assert hits
    named = {c.row for f in hits for c in f.cells} | {f.place.row for f in hits if f.place}
    assert key in named


@pytest.mark.parametrize(
    ("index", "key", "value", "rule_id"),
    [
        (1, "其他资金", "15.10", "B-X1"),
        (2, "合计", "17996.78", "B-X2"),
        (3, "一般公共预算", "17981.78", "B-X3"),
        (7, "合计", "17981.78", "B-X4"),
        (5, "合计", "12308.58", "B-X5"),
        (4, "2210202", "1535.04", "B-X6"),
        (8, "30213", "170.10", "B-X7"),
    ],
)
def test_jiangsu_cross_table_break_is_caught(index: int, key: str, value: str,
                                             rule_id: str) -> None:
    tables = js_tables()
    column = "合计" if index == 2 else tables[index].COLUMNS[0]
    report = check(_disclosure(_replace(tables, type(tables[index]), key, column, value), 2017))
    hits = [f for f in report.findings if f.rule_id == rule_id and f.severity is Severity.ERROR]
    assert hits
    assert any(c.table == tables[index].KIND and c.row == key for f in hits for c in f.cells)


def test_rounding_residue_is_info_not_error() -> None:
    # 0.01 off in a 万元 table: within the slack of two printed figures.
    tables = _replace(js_tables(), type(js_tables()[0]), "其他资金", "金额", "15.01")
    report = check(_disclosure(tables, 2017))
    assert not [f for f in report.findings if f.rule_id == "BJ01-2"
                and f.severity is not Severity.INFO]
    assert [f for f in report.findings if f.rule_id == "BJ01-2"]


class TestPrintedAndChangeRows:
    def test_unit_split_checked_only_where_printed(self) -> None:
        meta = budget_meta(ShanghaiSummary)
        income = [Row("财政拨款收入", "", {"金额": 10}), Row("一般公共预算", "", {"金额": 10}),
                  Row("收入总计", "", {"金额": 10})]
        rows = [*income, Row("201", "一般公共服务支出", {"合计": 10}, code="201"),
                Row("支出总计", "支出总计", {"合计": 10})]
        assert not check(ShanghaiSummary(rows, meta)).findings
        split = {"合计": 10, "基本支出": 7, "人员经费": 5, "公用经费": 1, "项目支出": 3}
        rows = [*income, Row("201", "一般公共服务支出", split, code="201"),
                Row("支出总计", "支出总计", split)]
        found = {f.rule_id for f in check(ShanghaiSummary(rows, meta)).findings}
        assert found == {"BS01-6"}  # 基本支出 7 ≠ 人员经费 5 + 公用经费 1

    def test_change_row(self) -> None:
        meta = budget_meta(ShanghaiThreePublicTable)
        rows = [
            Row("本年预算数", "", {"合计": "37.91", "公务接待费": "1.35", "因公出国（境）费": "0",
                                   "公务用车购置及运行费": "36.56", "公务用车购置费": "15",
                                   "公务用车运行费": "21.56"}),
            Row("上年预算数", "", {"合计": "47.91"}),
            Row("增减", "", {"合计": "-10"}),
        ]
        assert not [f for f in check(ShanghaiThreePublicTable(rows, meta)).findings
                    if f.rule_id == "BS09-yoy"]
        rows[2] = Row("增减", "", {"合计": "10"})
        hits = [f for f in check(ShanghaiThreePublicTable(rows, meta)).findings
                if f.rule_id == "BS09-yoy"]
        assert hits and hits[0].place is not None and hits[0].place.row == "增减"
        assert hits[0].expected == Decimal("-10.00")

    def test_rate_row(self) -> None:
        meta = budget_meta(ShanghaiThreePublicTable)
        rows = [
            Row("本年预算数", "", {"合计": "37.91", "公务接待费": "1.35", "因公出国（境）费": "0",
                                   "公务用车购置及运行费": "36.56", "公务用车购置费": "15",
                                   "公务用车运行费": "21.56"}),
            Row("上年预算数", "", {"合计": "47.91", "公务接待费": "1.35", "因公出国（境）费": "0",
                                   "公务用车购置及运行费": "46.56", "公务用车购置费": "25",
                                   "公务用车运行费": "21.56"}),
            Row("增减", "", {"合计": "-10", "公务接待费": "0", "因公出国（境）费": "0",
                             "公务用车购置及运行费": "-10", "公务用车购置费": "-10",
                             "公务用车运行费": "0"}),
            # -10 / 47.91 = -20.87%; -10 / 25 = -40%; rates do not add across columns.
            Row("增减率", "", {"合计": "-20.87", "公务用车购置费": "-40.00",
                               "因公出国（境）费": "5"}),
        ]
        found = [f for f in check(ShanghaiThreePublicTable(rows, meta)).findings
                 if f.severity is not Severity.INFO]
        # Only the rate printed on a zero base (因公出国 0 → 0) is reported.
        assert [(f.rule_id, f.place.column if f.place else None) for f in found] == [
            ("BS09-rate", "因公出国（境）费")]
        rows[3] = Row("增减率", "", {"合计": "-20.78"})
        found = [f for f in check(ShanghaiThreePublicTable(rows, meta)).findings
                 if f.rule_id == "BS09-rate"]
        assert found and found[0].expected == Decimal("-20.87")

    def test_drawn_balance_within_carried(self) -> None:
        t = JiangsuIncomeTable([Row("上年结转和结余资金", "", {"金额": "5"}),
                                Row("动用上年结转和结余资金", "", {"金额": "6"})],
                               budget_meta(JiangsuIncomeTable))
        assert [f.rule_id for f in check(t).findings if f.rule_id == "BJ02-3"] == ["BJ02-3"]


def test_rule_ids_follow_the_family_order() -> None:
    assert [rule_prefix(k) for k in FAMILY_KINDS["江苏"]][-1] == "BJ12"
    assert rule_prefix(JiangsuThreePublicTable) == "BJ11"
    ids = {r.id for r in REGISTRY}
    for family in FAMILY_KINDS.values():
        for kind in family:
            declared = {e.id for e in (*kind.ROW_EQUATIONS, *kind.EQUATIONS,
                                       *kind.PRINTED_ROW_EQUATIONS,
                                       *getattr(kind, "AMOUNT_ROW_EQUATIONS", ()))}
            assert all(i.startswith(rule_prefix(kind)) for i in declared), kind
            assert declared <= ids
