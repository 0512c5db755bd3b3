"""write_text is the inverse of read_text; the bundled examples load from package data."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from reader_variants import seed_text
from seed_disclosure import SEED_TEXT, seed_disclosure
from seed_evaluations import seed_evaluations
from seed_tables import DEPARTMENT, seed_tables

from govfin import examples, strategies
from govfin.amounts import Unit
from govfin.disclosure import Disclosure, Narrative, NarrativeSection
from govfin.performance import FundLine, Indicator, ProjectEvaluation
from govfin.readers import read_text, write_text
from govfin.readers.writer import write_evaluation, write_table
from govfin.tables import IncomeTable, Row, TableMeta


@pytest.fixture(scope="module")
def seed() -> Disclosure:
    return read_text(seed_text(), strict=True).disclosure


def test_round_trip_of_the_seed(seed: Disclosure) -> None:
    text = write_text(seed)
    again = read_text(text, strict=True)
    assert again.log.unrecognised == ()
    assert again.log.unaccounted(text) == ()
    assert again.disclosure == seed


def test_written_text_is_stable(seed: Disclosure) -> None:
    text = write_text(seed)
    assert write_text(read_text(text).disclosure) == text


def test_round_trip_of_the_hand_built_fixtures() -> None:
    d = seed_disclosure()
    assert read_text(write_text(d), strict=True).disclosure == d
    bare = Disclosure(
        department=DEPARTMENT,
        year=2024,
        tables=seed_tables(),
        evaluations=seed_evaluations(),
        title="2024年度部门决算公开",
    )
    assert read_text(write_text(bare), strict=True).disclosure == bare


@pytest.mark.parametrize("index", range(10))
def test_each_table_round_trips_alone(index: int) -> None:
    table = seed_tables()[index]
    text = write_table(table)
    d = read_text(text, strict=True).disclosure
    assert d.tables == (table,)


def test_round_trip_in_yuan_and_without_metadata() -> None:
    cols = IncomeTable.COLUMNS
    values = dict.fromkeys(cols, None) | {
        "本年收入合计": Decimal("1234567.89"),
        "财政拨款收入": Decimal("1234567.89"),
    }
    rows = [Row("合计", "合计", values), Row("201", "一般公共服务支出", values, code="201")]
    table = IncomeTable(rows, TableMeta(title="收入决算表", unit=Unit.YUAN))
    d = Disclosure(year=2023, unit=Unit.YUAN, tables=(table,))
    assert read_text(write_text(d), strict=True).disclosure == d


def test_round_trip_of_an_irregular_evaluation() -> None:
    """Blank cells in any position, a blank 三级指标, numbers as targets, no codes."""
    e = ProjectEvaluation(
        project="测试项目",
        department="某部门",
        budget_unit="某单位",
        budget_unit_code="123001",
        year=2024,
        funds=(
            FundLine(
                "资金总额",
                None,
                Decimal(10),
                Decimal(10),
                Decimal("2.5"),
                Decimal("7.5"),
                Decimal(25),
                Decimal("2.5"),
            ),
            FundLine(
                "其他资金",
                Decimal(0),
                Decimal(10),
                Decimal(10),
                Decimal("2.5"),
                Decimal("7.5"),
                Decimal("25.00"),
                Decimal("2.50"),
                deviation="进度慢",
            ),
        ),
        goal="",
        achieved="部分完成。",
        indicators=(
            Indicator("产出指标", "数量指标", "", "", "", "=3个", "", Decimal(20), None, "未完成"),
            Indicator(
                "产出指标", "质量指标", "合格率", "≥%", "", "", "说明", Decimal(30), Decimal(0)
            ),
            Indicator("效益指标", "社会效益", "影响", "", "提升", "", "", None, None, ""),
            Indicator(
                "满意度指标",
                "服务对象满意度",
                "满意度",
                "",
                "≥90%",
                "≥95%",
                "",
                Decimal(10),
                Decimal("9.5"),
                "",
            ),
        ),
        total_score=Decimal("12.5"),
        grade="差",
    )
    d = Disclosure(year=2024, evaluations=(e,))
    text = write_text(d)
    back = read_text(text, strict=True).disclosure
    assert back.evaluations[0].funds == e.funds
    for got, want in zip(back.evaluations[0].indicators, e.indicators, strict=True):
        assert got == want
    assert back == d


def test_round_trip_of_the_narrative() -> None:
    n = Narrative(
        (
            NarrativeSection("一、收入支出决算总体情况说明", "\n收入总计10.00万元，\n\n下降5%。"),
            NarrativeSection("二、收入决算情况说明", "\n无。"),
        ),
        glossary="一、财政拨款收入：指……",
    )
    d = Disclosure(department=DEPARTMENT, year=2024, narrative=n, tables=seed_tables()[:1])
    assert read_text(write_text(d), strict=True).disclosure == d


def test_write_evaluation_layout() -> None:
    text = write_evaluation(seed_evaluations()[0])
    lines = text.split("\n")
    assert lines[0] == "办公用品项目支出绩效自评表"
    assert lines[2] == "(2024年度)"
    assert lines[4].split("\t")[2] == "办公用品"
    assert all("\t" in ln for ln in lines[4:])


# -- examples ------------------------------------------------------------------------------------


def test_example_names() -> None:
    assert examples.names() == ("seed_2024",)


def test_example_text_is_the_seed() -> None:
    # the bundled copy and the tests' copy of the seed are the same file
    assert examples.text() == SEED_TEXT.read_text(encoding="utf-8")


def test_load_gives_the_seed_disclosure(seed: Disclosure) -> None:
    d = examples.load()
    assert d == seed
    assert d.tables == seed_tables()
    assert d.evaluations == seed_evaluations()


def test_read_gives_the_log() -> None:
    result = examples.read("seed_2024")
    assert result.ok and result.log.unrecognised == ()


def test_unknown_example() -> None:
    with pytest.raises(KeyError, match="seed_2024"):
        examples.text("nope")


def test_disclosure_fields_are_typed(seed: Disclosure) -> None:
    for field in attrs.fields(Disclosure):
        assert getattr(seed, field.name) is not None, field.name


# -- properties ------------------------------------------------------------------------------------


@given(strategies.disclosures(max_leaves=15))
def test_round_trip_of_generated_disclosures(d: Disclosure) -> None:
    text = write_text(d)
    result = read_text(text, strict=True)
    assert result.disclosure == d
    assert result.log.unrecognised == ()
