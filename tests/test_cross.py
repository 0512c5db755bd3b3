"""Cross-table rules X1–X11 and completeness K-*: each fires on a perturbed seed, not on the seed.

X12 (narrative figures against the tables) is tested in test_narrative_checks.py.
"""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest
from seed_disclosure import edit, seed_disclosure, without

from govfin.amounts import Unit
from govfin.disclosure import Disclosure
from govfin.findings import Category, Place, Report, Severity
from govfin.rules import REGISTRY, check
from govfin.rules.cross import single_source
from govfin.tables import (
    BasicExpenditureDetail,
    DisclosureInfoTable,
    ExpenditureTable,
    FiscalAppropriationSummary,
    GeneralBudgetExpenditureTable,
    GovernmentFundTable,
    IncomeExpenditureSummary,
    IncomeTable,
    StateCapitalTable,
    Table,
    ThreePublicTable,
)

T01, T02, T03 = IncomeExpenditureSummary, IncomeTable, ExpenditureTable
T04, T05, T06 = FiscalAppropriationSummary, GeneralBudgetExpenditureTable, BasicExpenditureDetail
T07, T08, T09, T10 = GovernmentFundTable, StateCapitalTable, ThreePublicTable, DisclosureInfoTable

CROSS = ["X1", "X2", "X3", "X4", "X4-mirror", "X5", "X6", "X7", "X8", "X9", "X10", "X11"]
COMPLETENESS = ["K-missing", "K-duplicate", "K-empty-note", "K-note-on-data", "K-should-be-empty"]


@pytest.fixture(scope="module")
def seed() -> Disclosure:
    return seed_disclosure()


def run(d: Disclosure, rule_id: str) -> Report:
    """Exactly one rule (``select=`` would take X1 as a prefix of X10–X12)."""
    return check(d, rules=[REGISTRY.get(rule_id)])


def bad(report: Report) -> set[tuple[str, Severity, Place | None]]:
    return {(f.rule_id, f.severity, f.place) for f in report if f.severity is not Severity.INFO}


# -- registration ----------------------------------------------------------------------------


def test_rules_are_registered_for_the_disclosure() -> None:
    for rule_id in CROSS:
        r = REGISTRY.get(rule_id)
        assert r.subject is Disclosure and r.category is Category.CROSS_TABLE, rule_id
        assert r.doc and r.title_zh and r.title_en
    assert REGISTRY.get("X12").subject is Disclosure
    for rule_id in COMPLETENESS:
        assert REGISTRY.get(rule_id).category is Category.COMPLETENESS
    assert REGISTRY.get("X4-mirror").severity is Severity.WARNING
    assert REGISTRY.get("X11").severity is Severity.WARNING


@pytest.mark.parametrize("rule_id", CROSS + COMPLETENESS)
def test_silent_on_the_seed(seed: Disclosure, rule_id: str) -> None:
    # The seed's tables agree with each other exactly: not even a rounding residue.
    assert list(run(seed, rule_id)) == []


def test_seed_is_single_source(seed: Disclosure) -> None:
    # all income is 一般公共预算财政拨款 (631.71) and the opening balance 17.21 is all 一般 in 04
    assert single_source(seed)
    assert not single_source(edit(seed, T01, ("事业收入", "金额", "10.00")))
    assert not single_source(without(seed, T04))


# -- X1–X3 -----------------------------------------------------------------------------------


def test_x1_fires(seed: Disclosure) -> None:
    d = edit(seed, T02, ("合计", "本年收入合计", "600.00"))
    r = run(d, "X1")
    assert bad(r) == {("X1", Severity.ERROR, Place(T01.KIND, "本年收入合计", "金额"))}
    f = r.errors[0]
    assert f.expected == Decimal("600.00") and f.actual == Decimal("631.71")
    assert Place(T02.KIND, "合计", "本年收入合计") in f.cells  # both tables' cells are named


def test_x2_fires_on_each_line(seed: Disclosure) -> None:
    # 04's 一般公共预算财政拨款 income line no longer matches 01's; 04 本年收入合计 still = 02.
    d = edit(seed, T04, ("一般公共预算财政拨款", "金额", "600.00"))
    assert bad(run(d, "X2")) == {
        ("X2", Severity.ERROR, Place(T04.KIND, "一般公共预算财政拨款", "金额"))
    }
    # 02's 财政拨款收入 against both 01 (sum of three lines) and 04 本年收入合计
    d = edit(seed, T02, ("合计", "财政拨款收入", "600.00"))
    assert bad(run(d, "X2")) == {
        ("X2", Severity.ERROR, Place(T02.KIND, "合计", "财政拨款收入")),
        ("X2", Severity.ERROR, Place(T04.KIND, "本年收入合计", "金额")),
    }


def test_x2_without_table_02_compares_01_with_04(seed: Disclosure) -> None:
    d = edit(without(seed, T02), T04, ("本年收入合计", "金额", "630.00"))
    assert bad(run(d, "X2")) == {("X2", Severity.ERROR, Place(T04.KIND, "本年收入合计", "金额"))}


def test_x3_fires(seed: Disclosure) -> None:
    d = edit(seed, T02, ("合计", "事业收入", "10.00"))
    assert bad(run(d, "X3")) == {("X3", Severity.ERROR, Place(T01.KIND, "事业收入", "金额"))}


def test_x3_a_restatement_a_cent_apart_is_an_error(seed: Disclosure) -> None:
    # One figure printed in two tables rounds from one amount: 1.01 against 1.00 is a mistake,
    # not a rounding residue (issue 15; the residue of a sum is tested in test_facts_restated).
    d = edit(edit(seed, T02, ("合计", "其他收入", "1.00")), T01, ("其他收入", "金额", "1.01"))
    r = run(d, "X3")
    assert bad(r) == {("X3", Severity.ERROR, Place(T01.KIND, "其他收入", "金额"))}
    assert [(f.severity, f.difference, f.slack) for f in r] == [
        (Severity.ERROR, Decimal("0.01"), Decimal(0))
    ]


# -- X4 --------------------------------------------------------------------------------------


def test_x4_fires_on_total_and_class(seed: Disclosure) -> None:
    d = edit(seed, T03, ("208", "本年支出合计", "40.00"))
    assert bad(run(d, "X4")) == {("X4", Severity.ERROR, Place(T01.KIND, "208", "金额"))}
    d = edit(seed, T01, ("本年支出合计", "金额", "600.00"))
    assert bad(run(d, "X4")) == {("X4", Severity.ERROR, Place(T01.KIND, "本年支出合计", "金额"))}


def test_x4_a_class_missing_from_one_table(seed: Disclosure) -> None:
    d = edit(seed, T03, ("213", "本年支出合计", "5.00"))  # 农林水 only in 03
    assert bad(run(d, "X4")) == {("X4", Severity.ERROR, Place(T01.KIND, "213", "金额"))}


def test_x4_mirror_is_a_warning(seed: Disclosure) -> None:
    d = edit(seed, T02, ("221", "本年收入合计", "20.00"))
    assert bad(run(d, "X4-mirror")) == {
        ("X4-mirror", Severity.WARNING, Place(T03.KIND, "221", "本年支出合计"))
    }


# -- X5, X6 ----------------------------------------------------------------------------------


def test_x5_fires(seed: Disclosure) -> None:
    d = edit(seed, T04, ("210", "一般公共预算财政拨款", "12.00"))
    assert bad(run(d, "X5")) == {("X5", Severity.ERROR, Place(T05.KIND, "210", "合计"))}
    d = edit(seed, T04, ("本年支出合计", "一般公共预算财政拨款", "630.00"))
    assert bad(run(d, "X5")) == {("X5", Severity.ERROR, Place(T05.KIND, "合计", "合计"))}


def test_x6_fires(seed: Disclosure) -> None:
    d = edit(seed, T06, ("人员经费合计", "决算数", "300.00"))
    r = run(d, "X6")
    assert bad(r) == {("X6", Severity.ERROR, Place(T05.KIND, "合计", "基本支出"))}
    assert r.errors[0].expected == Decimal("309.69")  # 300.00 + 9.69


def test_x6_sums_classes_without_total_lines(seed: Disclosure) -> None:
    t06 = seed.table(T06)
    assert t06 is not None
    bare = attrs.evolve(t06, rows=tuple(r for r in t06.rows if r.code is not None))
    d = attrs.evolve(seed, tables=tuple(bare if isinstance(t, T06) else t for t in seed.tables))
    assert list(run(d, "X6")) == []  # 301 308.72 + 303 31.56 + 302 9.69 = 349.97


# -- X7, X8 ----------------------------------------------------------------------------------


def _fund(seed: Disclosure, t07_total: dict[str, str | None]) -> Disclosure:
    """04 with 5.00 of 政府性基金 received and spent on 212 城乡社区支出; 07 as given."""
    d = edit(
        seed,
        T04,
        ("政府性基金预算财政拨款", "金额", "5.00"),
        ("212", "政府性基金预算财政拨款", "5.00"),
        ("本年支出合计", "政府性基金预算财政拨款", "5.00"),
    )
    return edit(d, T07, *((("合计", c, v)) for c, v in t07_total.items()))


def test_x7_fires_when_07_lacks_the_fund_money(seed: Disclosure) -> None:
    d = _fund(seed, {})
    assert bad(run(d, "X7")) == {
        ("X7", Severity.ERROR, Place(T07.KIND, "合计", "本年收入")),
        ("X7", Severity.ERROR, Place(T07.KIND, "合计", "本年支出小计")),
        ("X7", Severity.ERROR, Place(T07.KIND, "212", "本年支出小计")),
    }


def test_x7_holds_when_07_matches(seed: Disclosure) -> None:
    d = _fund(seed, {"本年收入": "5.00", "本年支出小计": "5.00", "项目支出": "5.00"})
    d = edit(d, T07, ("212", "本年支出小计", "5.00"), ("212", "项目支出", "5.00"))
    assert bad(run(d, "X7")) == set()


def test_x7_skipped_when_04_has_no_fund_money(seed: Disclosure) -> None:
    # then 07 must be empty, which K-should-be-empty reports (once, not per cell)
    d = edit(seed, T07, ("合计", "本年收入", "3.00"))
    assert list(run(d, "X7")) == []
    assert bad(run(d, "K-should-be-empty")) == {
        ("K-should-be-empty", Severity.ERROR, Place(T07.KIND, "合计"))
    }


def test_x8_fires(seed: Disclosure) -> None:
    d = edit(seed, T04, ("本年支出合计", "国有资本经营预算财政拨款", "3.00"))
    assert bad(run(d, "X8")) == {("X8", Severity.ERROR, Place(T08.KIND, "合计", "合计"))}
    d = edit(d, T08, ("合计", "合计", "3.00"), ("合计", "项目支出", "3.00"))
    assert bad(run(d, "X8")) == set()


# -- X9, X10 ---------------------------------------------------------------------------------


def test_x9_equality_for_a_single_source_unit(seed: Disclosure) -> None:
    # all money is 一般公共预算: 03 基本支出 must equal 05's, not merely exceed it
    d = edit(seed, T03, ("合计", "基本支出", "360.00"))
    assert bad(run(d, "X9")) == {("X9", Severity.ERROR, Place(T03.KIND, "合计", "基本支出"))}


def test_x9_inequality_otherwise(seed: Disclosure) -> None:
    mixed = edit(seed, T01, ("事业收入", "金额", "10.37"))
    # 03 above 05 is fine when other money exists …
    assert list(run(edit(mixed, T03, ("合计", "基本支出", "360.00")), "X9")) == []
    # … 05 above 03 is not
    d = edit(mixed, T05, ("201", "项目支出", "290.00"))
    assert bad(run(d, "X9")) == {("X9", Severity.ERROR, Place(T05.KIND, "201", "项目支出"))}


def test_x10(seed: Disclosure) -> None:
    # single source: 01 年末 must equal 04 年末
    d = edit(seed, T01, ("年末结转和结余", "金额", "20.00"))
    assert bad(run(d, "X10")) == {
        ("X10", Severity.ERROR, Place(T01.KIND, "年末结转和结余", "金额"))
    }
    # with other money, 04's 年初 (17.21) may not exceed 01's
    mixed = edit(seed, T01, ("事业收入", "金额", "1.00"), ("年初结转和结余", "金额", "10.00"))
    assert bad(run(mixed, "X10")) == {
        ("X10", Severity.ERROR, Place(T04.KIND, "年初财政拨款结转和结余", "金额"))
    }
    assert list(run(edit(mixed, T01, ("年初结转和结余", "金额", "30.00")), "X10")) == []


# -- X11 -------------------------------------------------------------------------------------


def test_x11_warns_when_06_exceeds_09(seed: Disclosure) -> None:
    d = edit(seed, T06, ("30217", "决算数", "1.00"))  # 公务接待费 in 06, none in 09
    r = run(d, "X11")
    assert bad(r) == {("X11", Severity.WARNING, Place(T06.KIND, "30217", "决算数"))}
    assert Place(T09.KIND, "决算数", "公务接待费") in r.warnings[0].cells


def test_x11_sums_both_purchase_codes(seed: Disclosure) -> None:
    d = edit(seed, T06, ("31013", "决算数", "10.00"), ("30913", "决算数", "5.00"))
    d = edit(d, T09, ("决算数", "公务用车购置费", "12.00"))
    r = run(d, "X11")
    assert [f.actual for f in r.warnings] == [Decimal("15.00")]
    assert Place(T06.KIND, "30913", "决算数") in r.warnings[0].cells
    assert list(run(edit(d, T09, ("决算数", "公务用车购置费", "15.00")), "X11")) == []


# -- units -----------------------------------------------------------------------------------


def test_tables_in_yuan_are_converted(seed: Disclosure) -> None:
    t01 = seed.table(T01)
    assert t01 is not None
    in_yuan = attrs.evolve(
        t01,
        rows=tuple(
            attrs.evolve(
                r, values={k: (v * 10000 if v is not None else None) for k, v in r.values.items()}
            )
            for r in t01.rows
        ),
        meta=attrs.evolve(t01.meta, unit=Unit.YUAN),
    )
    d = attrs.evolve(seed, tables=tuple(in_yuan if isinstance(t, T01) else t for t in seed.tables))
    for rule_id in ("X1", "X2", "X3", "X4", "X10", "X12"):
        assert bad(run(d, rule_id)) == set(), rule_id
    broken = edit(d, T01, ("本年收入合计", "金额", "6317000.00"))  # 100 元 short
    assert bad(run(broken, "X1")) == {
        ("X1", Severity.ERROR, Place(T01.KIND, "本年收入合计", "金额"))
    }


def _in_yuan(t: Table) -> Table:
    """The same table printed in 元: money × 10000, last place 0.01万元 = 100元; counts kept."""
    counts = getattr(t, "COUNT_ROWS", ())
    rows = tuple(
        attrs.evolve(
            r,
            values={
                k: v * 10000 if v is not None and r.key not in counts else v
                for k, v in r.values.items()
            },
        )
        for r in t.rows
    )
    meta = attrs.evolve(t.meta, unit=Unit.YUAN, precision=t.meta.precision * 10000)
    return attrs.evolve(t, rows=rows, meta=meta)


def _every_finding(r: Report) -> set[tuple[str, Severity, Place | None, object, object]]:
    return {(f.rule_id, f.severity, f.place, f.expected, f.difference) for f in r}


@pytest.fixture(scope="module")
def seed_report(seed: Disclosure) -> Report:
    return check(seed)


@pytest.mark.parametrize("kind", [T01, T02, T03, T04, T05, T06, T07, T08, T09, T10])
def test_one_table_in_yuan_changes_no_finding(
    seed: Disclosure, seed_report: Report, kind: type[Table]
) -> None:
    # Every relation that reads the table (intra-table, X1–X12, the narrative's amounts)
    # converts it: not one finding appears, disappears or changes, infos included.
    d = attrs.evolve(
        seed, tables=tuple(_in_yuan(t) if isinstance(t, kind) else t for t in seed.tables)
    )
    r = check(d)
    assert d.table(kind).meta.unit is Unit.YUAN  # type: ignore[union-attr]
    assert {(f.rule_id, f.severity, f.place) for f in r} == {
        (f.rule_id, f.severity, f.place) for f in seed_report
    }
    # figures are reported in the disclosure's unit (万元), whatever the table's
    assert {f for f in _every_finding(r) if f[0].startswith(("X", "N-"))} == {
        f for f in _every_finding(seed_report) if f[0].startswith(("X", "N-"))
    }


def test_whole_disclosure_in_yuan(seed: Disclosure, seed_report: Report) -> None:
    # Tables and the disclosure in 元, the narrative still in 万元: claims are converted too.
    d = attrs.evolve(seed, unit=Unit.YUAN, tables=tuple(_in_yuan(t) for t in seed.tables))
    r = check(d)
    assert {(f.rule_id, f.severity, f.place) for f in r} == {
        (f.rule_id, f.severity, f.place) for f in seed_report
    }
    x12 = next(
        f for f in r if f.rule_id == "X12" and f.place and "648.92" in (f.place.column or "")
    )
    assert x12.expected == Decimal("6489200.00")  # 收入总计 of 公开01, in 元


def test_a_table_in_yuan_with_a_wrong_figure_is_caught(seed: Disclosure) -> None:
    d = attrs.evolve(
        seed, tables=tuple(_in_yuan(t) if isinstance(t, T05) else t for t in seed.tables)
    )
    d = edit(d, T05, ("合计", "合计", "6307100.00"))  # 1万元 short of 631.71万元
    assert ("X5", Severity.ERROR, Place(T05.KIND, "合计", "合计")) in bad(run(d, "X5"))


# -- completeness ----------------------------------------------------------------------------


def test_k_missing(seed: Disclosure) -> None:
    d = without(without(seed, T08), T10)  # 10 is local: not required
    assert bad(run(d, "K-missing")) == {("K-missing", Severity.ERROR, Place(T08.KIND))}


@pytest.mark.parametrize("year", [2016, 2019])
def test_k_missing_holds_a_2019_or_older_final_account_to_its_eight_tables(
    seed: Disclosure, year: int
) -> None:
    # the 决算 sets of 2016–2019 had eight tables, without 国有资本经营预算财政拨款支出决算表
    # (西宁市总寨镇逸夫小学 2016, 南漳县招商服务中心 2019, as published)
    d = attrs.evolve(without(seed, T08), year=year)
    assert bad(run(d, "K-missing")) == set()
    d = attrs.evolve(without(without(seed, T08), T07), year=year)  # another table still counts
    assert bad(run(d, "K-missing")) == {("K-missing", Severity.ERROR, Place(T07.KIND))}
    d = attrs.evolve(without(seed, T08), year=2020)
    assert bad(run(d, "K-missing")) == {("K-missing", Severity.ERROR, Place(T08.KIND))}


def test_k_duplicate(seed: Disclosure) -> None:
    t = seed.table(T09)
    assert t is not None
    d = attrs.evolve(seed, tables=(*seed.tables, t))
    assert bad(run(d, "K-duplicate")) == {("K-duplicate", Severity.WARNING, Place(T09.KIND))}


def test_k_empty_note(seed: Disclosure) -> None:
    t = seed.table(T07)
    assert t is not None
    bare = attrs.evolve(t, meta=attrs.evolve(t.meta, empty_note=None))
    d = attrs.evolve(seed, tables=tuple(bare if isinstance(x, T07) else x for x in seed.tables))
    assert bad(run(d, "K-empty-note")) == {("K-empty-note", Severity.WARNING, Place(T07.KIND))}


def test_k_note_on_data(seed: Disclosure) -> None:
    t = seed.table(T10)
    assert t is not None
    noted = attrs.evolve(t, meta=attrs.evolve(t.meta, empty_note="本表无数据"))
    d = attrs.evolve(seed, tables=tuple(noted if isinstance(x, T10) else x for x in seed.tables))
    assert bad(run(d, "K-note-on-data")) == {("K-note-on-data", Severity.ERROR, Place(T10.KIND))}


def test_k_note_copied_from_another_table(seed: Disclosure) -> None:
    t = seed.table(T08)
    assert t is not None
    noted = attrs.evolve(
        t, meta=attrs.evolve(t.meta, empty_note="本部门无政府性基金预算财政拨款收支")
    )
    d = attrs.evolve(seed, tables=tuple(noted if isinstance(x, T08) else x for x in seed.tables))
    r = run(d, "K-note-on-data")
    assert bad(r) == {("K-note-on-data", Severity.ERROR, Place(T08.KIND))}
    assert "政府性基金" in r.errors[0].message


def test_k_should_be_empty_not_when_04_has_the_money(seed: Disclosure) -> None:
    d = _fund(seed, {"本年收入": "5.00"})
    assert list(run(d, "K-should-be-empty")) == []


def test_empty_disclosure_reports_every_missing_table() -> None:
    r = check(Disclosure(year=2024))
    assert {f.place for f in r.errors} == {
        Place(cls.KIND) for cls in (T01, T02, T03, T04, T05, T06, T07, T08, T09)
    }
    assert {f.rule_id for f in r} == {"K-missing"}


def test_k_note_on_a_table_printed_all_zero_is_no_finding(seed: Disclosure) -> None:
    """Many departments print a table they have nothing for as 0.00 throughout, under its
    “本单位无…” note: that is no data, as a blank table is; one non-zero cell is data."""
    t = seed.table(T10)
    assert t is not None and not t.empty

    def with_values(value: Decimal) -> Disclosure:
        rows = tuple(
            attrs.evolve(r, values={c: value for c in r.values}) for r in t.rows
        )
        noted = attrs.evolve(t, rows=rows, meta=attrs.evolve(t.meta, empty_note="本表无数据"))
        return attrs.evolve(
            seed, tables=tuple(noted if isinstance(x, T10) else x for x in seed.tables)
        )

    zeros = with_values(Decimal("0.00"))
    assert not zeros.table(T10).empty and zeros.table(T10).nil
    assert bad(run(zeros, "K-note-on-data")) == set()
    one = with_values(Decimal("0.00"))
    first = one.table(T10).rows[0]
    column = next(iter(first.values))
    rows = (attrs.evolve(first, values={**first.values, column: Decimal("1.00")}),
            *one.table(T10).rows[1:])
    t1 = attrs.evolve(one.table(T10), rows=rows)
    one = attrs.evolve(one, tables=tuple(t1 if isinstance(x, T10) else x for x in one.tables))
    assert bad(run(one, "K-note-on-data")) == {("K-note-on-data", Severity.ERROR, Place(T10.KIND))}
