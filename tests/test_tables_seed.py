"""Acceptance on the seed document's ten tables (tests/seed_tables.py).

- Checked as printed: no error, no warning; rounding residues (info) exactly where the printed
  figures differ by a cent, and nowhere else.
- Every non-blank cell moved by 0.10 (up, then down) gives an error in that cell's table that
  names the cell.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal as D

import attrs
import pytest
from seed_tables import seed_table, seed_tables

import govfin
from govfin.findings import Finding, Place, Report, Severity
from govfin.rules import check
from govfin.tables import (
    BasicExpenditureDetail,
    DisclosureInfoTable,
    ExpenditureTable,
    GeneralBudgetExpenditureTable,
    IncomeTable,
    Row,
    Table,
)

T01 = "收入支出决算总表"
T02 = "收入决算表"
T03 = "支出决算表"
T04 = "财政拨款收入支出决算总表"
T05 = "一般公共预算财政拨款支出决算表"
T06 = "一般公共预算财政拨款基本支出决算明细表"

#: Every rounding residue of the seed, as (rule id, table, row, column).
EXPECTED_RESIDUES = {
    # Σ类 = 545.19 + 50.86 + 11.58 + 24.09 = 631.72 against 合计 631.71
    ("R01-2", T01, "本年支出合计", "金额"),
    ("R02-tree", T02, "合计", "本年收入合计"),
    ("R02-tree", T02, "合计", "财政拨款收入"),
    ("R03-tree", T03, "合计", "本年支出合计"),
    ("R04-3", T04, "本年支出合计", "合计"),
    ("R04-3", T04, "本年支出合计", "一般公共预算财政拨款"),
    ("R05-tree", T05, "合计", "合计"),
    # 20103 = 340.18 + 205.00 = 545.18 against 545.19, in every column where it shows
    ("R02-tree", T02, "20103", "本年收入合计"),
    ("R02-tree", T02, "20103", "财政拨款收入"),
    ("R03-tree", T03, "20103", "本年支出合计"),
    ("R05-tree", T05, "20103", "合计"),
    # 210 = 0.12 + 11.47 = 11.59 against 11.58 (all of 210 is 基本支出 in 03 and 05)
    ("R02-tree", T02, "210", "本年收入合计"),
    ("R02-tree", T02, "210", "财政拨款收入"),
    ("R03-tree", T03, "210", "本年支出合计"),
    ("R03-tree", T03, "210", "基本支出"),
    ("R05-tree", T05, "210", "合计"),
    ("R05-tree", T05, "210", "基本支出"),
    # 基本 263.44 + 项目 281.74 = 545.18 against 545.19 on rows 201 and 20103
    ("R03-1", T03, "201", "本年支出合计"),
    ("R03-1", T03, "20103", "本年支出合计"),
    ("R05-1", T05, "201", "合计"),
    ("R05-1", T05, "20103", "合计"),
    # 公开06: 301 = Σ款 = 308.73 against 308.72; 303 = 31.45 + 0.12 = 31.57 against 31.56
    ("R06-tree", T06, "301", "决算数"),
    ("R06-tree", T06, "303", "决算数"),
}


@pytest.fixture(scope="module")
def report() -> Report:
    return check(seed_tables())


def key(f: Finding) -> tuple[str, str | None, str | None, str | None]:
    return (f.rule_id, f.table, f.row, f.column)


class TestSeedAsPrinted:
    def test_no_error_no_warning(self, report: Report) -> None:
        assert report.ok, report.to_text()
        assert report.warnings == (), report.to_text()

    def test_classification_rules_ran(self) -> None:
        ids = {r.id for r in govfin.REGISTRY.for_type(BasicExpenditureDetail)}
        assert {"C-code", "C-name", "C-dup", "C-orphan"} <= ids

    def test_residues_exactly_where_the_print_differs_by_a_cent(self, report: Report) -> None:
        infos = [key(f) for f in report.infos]
        assert len(infos) == len(set(infos))  # each residue reported once
        assert set(infos) == EXPECTED_RESIDUES

    def test_residues_are_one_cent_within_slack(self, report: Report) -> None:
        assert report.infos
        for f in report.infos:
            assert f.difference is not None and f.slack is not None
            assert abs(f.difference) == D("0.01") and abs(f.difference) <= f.slack

    def test_worked_example_301(self, report: Report) -> None:
        (f,) = [f for f in report.infos if f.row == "301"]
        assert (f.expected, f.actual, f.difference, f.slack) == (
            D("308.73"),
            D("308.72"),
            D("-0.01"),
            D("0.045"),
        )
        # the 款 cells are named, blank ones included
        assert f.names(Place(T06, "30199", "决算数")) and f.names(Place(T06, "30103", "决算数"))

    def test_worked_example_20103(self, report: Report) -> None:
        (f,) = [f for f in report.infos if key(f) == ("R05-tree", T05, "20103", "合计")]
        assert (f.expected, f.actual, f.slack) == (D("545.18"), D("545.19"), D("0.015"))

    def test_personnel_and_public_totals_are_exact(self, report: Report) -> None:
        # 人员经费合计 340.28 = 308.72 + 31.56; 公用经费合计 9.69 = 302's 9.69
        assert not report.select(rule="R06-1").findings
        assert not report.select(rule="R06-2").findings

    def test_row_2010350_adds_up(self, report: Report) -> None:
        # 基本支出 263.44 + 项目支出 76.74 = 340.18: exact, no residue on that row
        assert not [f for f in report if f.row == "2010350"]

    def test_under_exact_tolerance_residues_become_errors(self) -> None:
        exact = check(seed_tables(), tolerance=govfin.Tolerance(govfin.ToleranceMode.EXACT))
        assert {key(f) for f in exact.errors} == EXPECTED_RESIDUES
        assert exact.infos == ()

    def test_order_of_tables_does_not_matter(self, report: Report) -> None:
        again = check(tuple(reversed(seed_tables())))
        assert {key(f) for f in again} == {key(f) for f in report}


# -- moving one cell -------------------------------------------------------------------------


def _cells(tables: tuple[Table, ...]) -> Iterator[tuple[int, int, str]]:
    """(table index, row index, column) of every non-blank cell."""
    for ti, t in enumerate(tables):
        for ri, row in enumerate(t.rows):
            for column, value in row.values.items():
                if value is not None:
                    yield ti, ri, column


SEED = seed_tables()
CELLS = list(_cells(SEED))


def _moved(
    tables: tuple[Table, ...],
    ti: int,
    ri: int,
    column: str,
    delta: D,
) -> tuple[Table, ...]:
    t = tables[ti]
    row = t.rows[ri]
    value = row.values[column]
    assert value is not None
    new_row = attrs.evolve(row, values={**row.values, column: value + delta})
    rows = (*t.rows[:ri], new_row, *t.rows[ri + 1 :])
    return (*tables[:ti], attrs.evolve(t, rows=rows), *tables[ti + 1 :])


def test_seed_has_cells_to_move() -> None:
    per_table = {SEED[ti].KIND for ti, _, _ in CELLS}
    assert len(CELLS) > 150 and len(per_table) == 7  # 07, 08, 09 print no figure


@pytest.mark.parametrize("delta", [D("0.10"), D("-0.10")], ids=["up", "down"])
@pytest.mark.parametrize(
    ("ti", "ri", "column"),
    CELLS,
    ids=[f"{SEED[ti].meta.number}-{SEED[ti].rows[ri].key}-{c}" for ti, ri, c in CELLS],
)
def test_moving_a_cell_is_an_error_naming_it(ti: int, ri: int, column: str, delta: D) -> None:
    tables = _moved(SEED, ti, ri, column, delta)
    table = tables[ti]
    place = Place(table.KIND, table.rows[ri].key, column)
    report = check(tables)
    errors = [f for f in report.errors if f.table == table.KIND]
    assert errors, f"moving {place} by {delta} went unnoticed"
    assert any(f.names(place) for f in errors), [f.to_text() for f in errors]
    # other tables are not disturbed (there are no cross-table rules on a bare tuple)
    assert all(f.table == table.KIND for f in report.errors)


# 公开10 of the seed prints no count; counts are exercised on a table that has some.

COUNTS = DisclosureInfoTable(
    [
        Row("车辆数合计", "", {"统计数": "5"}),
        Row("主要负责人用车", "", {"统计数": "1"}),
        Row("机要通信用车", "", {"统计数": "1"}),
        Row("执法执勤用车", "", {"统计数": "3"}),
        Row("其他用车", "", {"统计数": None}),
        Row("单价100万元（含）以上设备", "", {"统计数": "2"}),
    ]
)


def test_counts_table_is_consistent() -> None:
    assert check(COUNTS).findings == ()


@pytest.mark.parametrize("delta", [D(1), D(-1)], ids=["up", "down"])
@pytest.mark.parametrize("ri", range(4))
def test_moving_a_count_by_one_is_an_error(ri: int, delta: D) -> None:
    (table,) = _moved((COUNTS,), 0, ri, "统计数", delta)
    place = Place(table.KIND, table.rows[ri].key, "统计数")
    errors = check(table).errors
    assert errors and all(f.rule_id == "R10-3" and f.slack == 0 for f in errors)
    assert any(f.names(place) for f in errors)


def test_functional_seed_tables_share_their_tree() -> None:
    codes = [
        [r.code for r in t.rows]
        for t in (
            seed_table(IncomeTable),
            seed_table(ExpenditureTable),
            seed_table(GeneralBudgetExpenditureTable),
        )
    ]
    assert codes[0] == codes[1] == codes[2]


def test_severity_of_residues_is_info_only(report: Report) -> None:
    assert {f.severity for f in report} == {Severity.INFO}
