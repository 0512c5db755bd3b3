"""Issue 15: the document's year is what most of its own statements say; the odd one is Y-year.

The seed (a 2024 决算) states its year on the cover ("2024年度部门决算公开", line 7), in the
header of each of its ten tables 公开01–10 ("2024年度", e.g. line 57; 公开03 and 公开04 print it
after the department's name) and in the "(2024年度)" line of each of its 21 项目支出绩效自评表.
The budget of the accuracy suite (tests/data/accuracy/, a 2025 部门预算) prints the year in its
cover ("上海市普陀区2025年区级部门预算") and in each table's title ("2025年部门收入预算总表").
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from pathlib import Path

import attrs
import golden
import pytest

from govfin.findings import Severity
from govfin.readers import read_text
from govfin.rules import REGISTRY, check
from govfin.rules.years import COVER, document_year, year_statements

BUDGET = Path(__file__).parent / "data" / "accuracy" / "sh-putuo-wanlijiedao-2025-yusuan.txt"


def _plant(text: str, old: str, new: str, after: str = "") -> str:
    at = text.index(old, text.index(after) if after else 0)
    return text[:at] + new + text[at + len(old):]


def _seed(old: str = "", new: str = "", after: str = ""):
    text = _plant(golden.TEXT, old, new, after) if old else golden.TEXT
    return read_text(text).disclosure


def _year_findings(d):
    return [f for f in check(d) if f.rule_id == "Y-year"]


@pytest.fixture(scope="module")
def seed():
    return _seed()


def test_the_seed_states_2024_everywhere_and_nothing_is_reported(seed) -> None:
    sources = Counter(s.source for s in year_statements(seed) if s.year == 2024)
    assert sources == {"cover": 1, "table": 10, "evaluation": 21}
    assert all(s.year == 2024 for s in year_statements(seed))
    assert document_year(seed) == 2024
    assert _year_findings(seed) == []


@pytest.mark.parametrize(
    ("old", "new", "after", "kind", "number"),
    [
        ("综合办公室 2024年度", "综合办公室 2023年度", "公开03表", "支出决算表", "公开03表"),
        ("2024年度", "2023年度", "公开06表", "一般公共预算财政拨款基本支出决算明细表", "公开06表"),
        ("2024年度", "2023年度", "公开01表", "收入支出决算总表", "公开01表"),
    ],
)
def test_a_table_header_of_last_year_is_an_error_naming_the_table(old, new, after, kind, number):
    d = _seed(old, new, after)
    found = _year_findings(d)
    assert len(found) == 1
    f = found[0]
    assert (f.severity, f.place.table, f.expected, f.actual) == (
        Severity.ERROR, kind, Decimal(2024), Decimal(2023))
    assert number in f.message and f.place.line == d.table(kind).meta.line
    assert document_year(d) == 2024


def test_a_self_evaluation_of_last_year_is_an_error_naming_it() -> None:
    d = _seed("(2024年度)", "(2023年度)", "办公用品项目支出绩效自评表")
    found = _year_findings(d)
    assert [(f.severity, f.place.table, f.actual) for f in found] == [
        (Severity.ERROR, "项目支出绩效自评表:办公用品", Decimal(2023))]
    ev = next(e for e in d.evaluations if e.project == "办公用品")
    assert found[0].place.line == ev.line


def test_a_cover_of_last_year_is_the_odd_one_out_not_the_tables(seed) -> None:
    """The cover says 2023, ten tables and 21 自评表 say 2024: one error, at the cover; the
    narrative's many "2024年度" are the document's year, not a wrong one (no N-year)."""
    d = _seed("2024年度部门决算公开", "2023年度部门决算公开")
    assert d.year == 2023  # what the reader took from the cover
    assert document_year(d) == 2024
    found = _year_findings(d)
    assert [(f.severity, f.place.table, f.expected, f.actual) for f in found] == [
        (Severity.ERROR, COVER, Decimal(2024), Decimal(2023))]
    assert "the cover" in found[0].message

    def n_year(x):
        return sorted(str(f.place) for f in check(x) if f.rule_id == "N-year")

    assert n_year(d) == n_year(seed)


def test_a_budget_table_titled_with_last_year_is_an_error() -> None:
    text = BUDGET.read_text(encoding="utf-8")
    assert _year_findings(read_text(text).disclosure) == []
    d = read_text(_plant(text, "2025年部门支出预算总表\n", "2024年部门支出预算总表\n",
                         "2025年部门收入预算总表\n")).disclosure
    found = _year_findings(d)
    assert len(found) == 1
    assert "支出预算总表" in found[0].place.table
    assert (found[0].expected, found[0].actual) == (Decimal(2025), Decimal(2024))
    assert "2024年部门支出预算总表" in found[0].message


def test_a_tie_keeps_the_year_the_reader_took(seed) -> None:
    """A cover and one table that disagree: no majority; the reader's year stands."""
    t = seed.tables[0]
    odd = attrs.evolve(t, meta=attrs.evolve(t.meta, year=2023))
    d = attrs.evolve(seed, tables=(odd,), evaluations=())
    assert document_year(d) == 2024
    assert [f.place.table for f in _year_findings(d)] == [t.KIND]
    d = attrs.evolve(d, year=2023)
    assert document_year(d) == 2023
    assert [f.place.table for f in _year_findings(d)] == [COVER]


def test_nothing_stating_a_year_reports_nothing(seed) -> None:
    bare = tuple(attrs.evolve(t, meta=attrs.evolve(t.meta, year=None)) for t in seed.tables)
    d = attrs.evolve(seed, title=None, tables=bare, evaluations=())
    assert year_statements(d) == ()
    assert document_year(d) == seed.year
    assert _year_findings(d) == []


def test_the_rule_is_in_the_catalogue_with_its_reason() -> None:
    r = REGISTRY.get("Y-year")
    assert r.severity is Severity.ERROR and "issue 15" in r.changed
    catalogue = (Path(__file__).parent.parent / "docs" / "rules.md").read_text(encoding="utf-8")
    assert "Y-year" in catalogue


def test_a_budget_cover_of_last_year_leaves_the_narratives_comparisons_alone() -> None:
    """The 2025 budget's cover made "2024年区级部门预算": its "比2024年预算增加…" compare with
    the previous year of the year its nine tables state, so only the cover is reported."""
    text = BUDGET.read_text(encoding="utf-8")
    base = {(f.rule_id, f.place) for f in check(read_text(text).disclosure)
            if f.severity is not Severity.INFO}
    d = read_text(text.replace("上海市普陀区2025年区级部门预算", "上海市普陀区2024年区级部门预算", 1)).disclosure
    new = [f for f in check(d) if f.severity is not Severity.INFO
           and (f.rule_id, f.place) not in base]
    assert [(f.rule_id, f.place.table, f.actual) for f in new] == [("Y-year", COVER, Decimal(2024))]
