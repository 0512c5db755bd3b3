"""The text reader on the seed document: equal to the hand-built fixtures, every line accounted."""

from __future__ import annotations

from decimal import Decimal

import golden
import pytest
from reader_variants import seed_lines, seed_text
from seed_disclosure import seed_disclosure
from seed_evaluations import seed_evaluations
from seed_tables import DEPARTMENT, seed_tables

from govfin.amounts import Unit
from govfin.readers import LineKind, ReadResult, read_file, read_text
from govfin.readers.bodies import info_key
from govfin.readers.identify import identify_title
from govfin.readers.lines import Line, squash, strip_enumerator
from govfin.rules import check
from govfin.tables import (
    BasicExpenditureDetail,
    DisclosureInfoTable,
    FiscalAppropriationSummary,
    GeneralBudgetExpenditureTable,
    GovernmentFundTable,
    IncomeExpenditureSummary,
    IncomeTable,
    StateCapitalTable,
    ThreePublicTable,
)


@pytest.fixture(scope="module")
def result() -> ReadResult:
    return read_text(seed_text())


# -- equal to the hand-built fixtures ------------------------------------------------------------


def test_ten_tables_in_printed_order(result: ReadResult) -> None:
    assert [t.KIND for t in result.disclosure.tables] == [t.KIND for t in seed_tables()]


@pytest.mark.parametrize("index", range(10))
def test_table_equals_fixture(result: ReadResult, index: int) -> None:
    got, want = result.disclosure.tables[index], seed_tables()[index]
    assert got.meta == want.meta
    assert list(got.rows) == list(want.rows)
    assert got == want


def test_all_tables_equal(result: ReadResult) -> None:
    assert result.disclosure.tables == seed_tables()


def test_evaluations_equal_fixture(result: ReadResult) -> None:
    got, want = result.disclosure.evaluations, seed_evaluations()
    assert [e.project for e in got] == [e.project for e in want]
    for g, w in zip(got, want, strict=True):
        assert g.funds == w.funds, g.project
        assert g.indicators == w.indicators, g.project
        assert g == w


def test_disclosure_equals_fixture(result: ReadResult) -> None:
    assert result.disclosure == seed_disclosure()


def test_lines_recorded(result: ReadResult) -> None:
    t01 = result.disclosure.tables[0]
    assert t01.meta.line == golden.T01_LINE
    assert t01.row("一般公共预算财政拨款收入").line == golden.T01_INCOME_LINE
    assert t01.row("201").line == golden.T01_INCOME_LINE  # the same printed line
    office = result.disclosure.evaluations[0]
    assert office.line == golden.evaluation_line("办公用品")
    assert [f.line for f in office.funds] == [
        golden.fund_line("办公用品", "资金总额"), golden.fund_line("办公用品", "市县区财政资金")
    ]
    assert office.indicators[0].line == golden.indicator_line("办公用品", "购置种类")


def test_evaluation_lines_equal_fixture(result: ReadResult) -> None:
    """Lines are not compared by ``==`` (eq=False): every title, fund and indicator line of
    the 21 自评表 against the fixture's, found by their printed text."""
    got, want = result.disclosure.evaluations, seed_evaluations()
    for g, w in zip(got, want, strict=True):
        assert g.line == w.line, g.project
        assert [f.line for f in g.funds] == [f.line for f in w.funds], g.project
        assert [i.line for i in g.indicators] == [i.line for i in w.indicators], g.project


def test_document_facts(result: ReadResult) -> None:
    d = result.disclosure
    assert d.department == DEPARTMENT
    assert d.year == 2024
    assert d.unit is Unit.WAN_YUAN
    assert d.title == "朔州经济开发区管理委员会综合办公室2024年度部门决算公开"  # cover: name + 2nd line


def test_seed_reads_strictly_without_error() -> None:
    r = read_text(seed_text(), strict=True)
    assert r.ok and r.errors == ()
    assert r.raise_for_errors() is r


def test_result_unpacks_as_pair(result: ReadResult) -> None:
    disclosure, log = result
    assert disclosure is result.disclosure and log is result.log


# -- the read log --------------------------------------------------------------------------------


def test_every_nonblank_line_is_accounted_for(result: ReadResult) -> None:
    text = seed_text()
    assert result.log.unaccounted(text) == ()
    nonblank = [n for n, t in enumerate(text.split("\n"), 1) if t.strip()]
    assert [e.line for e in result.log] == nonblank


def test_no_unrecognised_line(result: ReadResult) -> None:
    assert result.log.unrecognised == ()
    assert result.log.counts()["unrecognised"] == 0


_OFFICE = golden.evaluation_line("办公用品")
_THREE_PUBLIC = golden.line_of("财政拨款“三公”经费支出决算表", exact=True)
_GOVERNMENT_FUND = golden.line_of("政府性基金预算财政拨款收入支出决算表", exact=True)
_T02 = golden.line_of("公开02", exact=True)


@pytest.mark.parametrize(
    ("line", "kind", "part"),
    [
        (golden.COVER_LINE, LineKind.BOILERPLATE, "封面"),
        (golden.COVER_STRAY_LINE, LineKind.BOILERPLATE, "封面"),  # the wrapped title's stray "室"
        (golden.line_of("一、收入支出决算总表....."), LineKind.BOILERPLATE, "目录"),
        (golden.line_of("朔州经济开发区综合办公室是开发区管委会"), LineKind.NARRATIVE, "第一部分概况"),
        (golden.T01_LINE, LineKind.BOILERPLATE, "收入支出决算总表"),  # title
        (golden.line_of("公开01表", exact=True), LineKind.BOILERPLATE, "收入支出决算总表"),
        (golden.line_of("栏次\t", after=golden.T01_LINE), LineKind.BOILERPLATE, "收入支出决算总表"),
        (golden.T01_INCOME_LINE, LineKind.TABLE_CELL, "收入支出决算总表"),
        # an empty printed row (行次 30 and 61 only)
        (golden.line_of("\t30\t\t\t61\t", after=golden.T01_LINE), LineKind.TABLE_CELL,
         "收入支出决算总表"),
        (golden.line_of("注：本表反映部门本年度的总收支"), LineKind.BOILERPLATE, "收入支出决算总表"),
        (_T02, LineKind.BOILERPLATE, "收入决算表"),  # 公开02 …
        (golden.line_of("表", exact=True, after=_T02), LineKind.BOILERPLATE, "收入决算表"),  # … 表
        (golden.line_of("综合办公室 2024年度", exact=True), LineKind.BOILERPLATE,
         "财政拨款收入支出决算总表"),  # wrapped 部门名称
        (golden.line_of("30107\t绩效工资\t54.23"), LineKind.TABLE_CELL,
         "一般公共预算财政拨款基本支出决算明细表"),
        (golden.line_of("说明：本表无数据", after=_GOVERNMENT_FUND), LineKind.BOILERPLATE,
         "政府性基金预算财政拨款收入支出决算表"),
        (golden.line_of("1\t2\t3\t4\t5\t6\t7\t8\t9\t10\t11\t12", after=_THREE_PUBLIC),
         LineKind.BOILERPLATE, "财政拨款“三公”经费支出决算表"),  # 1 … 12
        (golden.line_of("(一) 行政单位\t5"), LineKind.TABLE_CELL, "部门决算公开相关信息统计表"),
        (golden.next_text_line(golden.SECTION_LINES[0]), LineKind.NARRATIVE, "第三部分情况说明"),
        (golden.GLOSSARY_LINE, LineKind.NARRATIVE, "名词解释"),
        (_OFFICE, LineKind.BOILERPLATE, "绩效自评表:办公用品"),
        (golden.indicator_line("办公用品", "办公用品日常例"), LineKind.TABLE_CELL,
         "绩效自评表:办公用品"),
        (golden.line_of("总分\t", after=_OFFICE), LineKind.TABLE_CELL, "绩效自评表:办公用品"),
        (golden.line_of("项目绩效分析\t", after=_OFFICE), LineKind.NARRATIVE,
         "绩效自评表:办公用品"),
        (golden.line_of("2.“全年预算数”的取数规则", after=_OFFICE), LineKind.BOILERPLATE,
         "绩效自评表:办公用品"),  # 备注 continued
        (len(golden.LINES), LineKind.BOILERPLATE, "绩效自评表:2024年春节慰问经费"),  # the last
    ],
)
def test_line_kinds(result: ReadResult, line: int, kind: LineKind, part: str) -> None:
    entry = result.log.entry(line)
    assert entry is not None
    assert entry.kind is kind
    assert entry.part == part
    assert entry.text == seed_lines()[line - 1]


def test_blank_lines_are_not_logged(result: ReadResult) -> None:
    blank = [n for n, text in enumerate(golden.LINES, 1) if not text.strip()]
    assert blank
    assert all(result.log.entry(n) is None and result.log.kind_of(n) is None for n in blank)


def test_log_text_summarises(result: ReadResult) -> None:
    text = result.log.to_text()
    assert "0 unrecognised" in text and text.endswith("0 error(s)")


# -- specific readings ---------------------------------------------------------------------------


def test_summary_class_names_map_to_codes(result: ReadResult) -> None:
    t = result.disclosure.table(IncomeExpenditureSummary)
    assert t is not None
    assert t.row("234").name == "抗疫特别国债安排的支出"
    assert t.row("收入总计").name == "总计"
    assert t.row("使用非财政拨款结余").name == "使用非财政拨款结余（含专用结余）"


def test_appropriation_opening_split(result: ReadResult) -> None:
    t = result.disclosure.table(FiscalAppropriationSummary)
    assert t is not None
    assert t.value("年初一般公共预算财政拨款", "金额") == Decimal("17.21")
    assert t.row("年初一般公共预算财政拨款").name == "一般公共预算财政拨款"


def test_detail_dashes_are_blank(result: ReadResult) -> None:
    t = result.disclosure.table(BasicExpenditureDetail)
    assert t is not None
    assert t.value("309", "决算数") is None  # printed "——"
    assert t.value("公用经费合计", "决算数") == Decimal("9.69")


@pytest.mark.parametrize("kind", [GovernmentFundTable, StateCapitalTable, ThreePublicTable])
def test_tables_without_data_are_present_and_empty(result: ReadResult, kind: type) -> None:
    t = result.disclosure.table(kind)
    assert t is not None and t.empty
    assert t.meta.empty_note == "本表无数据"


def test_info_table_counts_are_exact(result: ReadResult) -> None:
    t = result.disclosure.table(DisclosureInfoTable)
    assert t is not None
    assert t.value("政府采购合计", "统计数") == Decimal("2.74")
    assert t.unit_of("车辆数合计", "统计数") == 0


def test_tables_in_yuan_keep_their_unit() -> None:
    text = seed_text().replace("金额单位：万元", "金额单位：元")
    d = read_text(text, strict=True).disclosure
    t = d.table(IncomeTable)
    assert t is not None
    assert t.meta.unit is Unit.YUAN and t.meta.precision == Decimal("0.01")
    assert t.value("合计", "本年收入合计") == Decimal("631.71")  # not converted
    assert d.table(GovernmentFundTable).meta.unit is Unit.WAN_YUAN  # type: ignore[union-attr]


@pytest.mark.parametrize("index", [0, 1, 2, 3, 4, 5, 8, 9])
def test_a_table_printed_in_yuan_reads_and_checks_like_the_seed(
    result: ReadResult, index: int
) -> None:
    """One table printed in 元 (its figures × 10000): the relations between tables and the
    narrative's figures convert it, so no cross-table, narrative, completeness or 绩效 finding
    changes.  (Inside that table, a rounding residue of the 万元 print becomes an error: 元
    figures printed to the 分 leave no room for 尾数误差.)"""
    import attrs

    from govfin.readers import write_text

    seed = result.disclosure
    t = seed.tables[index]
    counts = getattr(t, "COUNT_ROWS", ())
    t_yuan = attrs.evolve(
        t,
        rows=tuple(
            attrs.evolve(
                r,
                values={
                    k: v * 10000 if v is not None and r.key not in counts else v
                    for k, v in r.values.items()
                },
            )
            for r in t.rows
        ),
        meta=attrs.evolve(t.meta, unit=Unit.YUAN),
    )
    tables = (*seed.tables[:index], t_yuan, *seed.tables[index + 1 :])
    text = write_text(attrs.evolve(seed, tables=tables))
    assert "金额单位：元" in text
    d = read_text(text, strict=True).disclosure
    assert d.tables[index] == t_yuan and d.unit is Unit.WAN_YUAN

    def between(report: object) -> set[tuple[object, ...]]:
        return {
            (f.rule_id, f.severity, f.place, f.expected, f.actual)
            for f in report  # type: ignore[attr-defined]
            if not f.rule_id.startswith("R")
        }

    assert between(check(d)) == between(check(seed))


def test_narrative_sections(result: ReadResult) -> None:
    n = result.disclosure.narrative
    headings = [s.heading for s in n.sections]
    assert headings[0] == "一、收入支出决算总体情况说明"
    assert headings[-1] == "十、其他重要事项情况说明"
    assert len(headings) == len(golden.SECTION_LINES)  # 第三部分 情况说明 only; 概况 is logged as narrative
    s = n.section("支出决算情况说明")
    assert s is not None and s.line == golden.SECTION_LINES[2]
    lines = seed_lines()
    for k, text in enumerate(s.text.split("\n")):
        assert text == lines[s.first_text_line + k - 1]  # type: ignore[operator]
    assert n.glossary.startswith("- 一、财政拨款收入")
    assert n.glossary_line == golden.GLOSSARY_LINE
    assert n.glossary.endswith("住房公积金。")


def test_evaluation_reading_details(result: ReadResult) -> None:
    by_project = {e.project: e for e in result.disclosure.evaluations}
    emergency = by_project["应急办经费"]  # duplicated 年初预算数 cell: eight numbers printed
    assert emergency.funds[0].declared == Decimal(20)
    assert emergency.funds[0].executed == Decimal("10.896")
    office = by_project["办公用品"]
    assert office.indicators[1].level3 == "办公用品日常例"  # truncated as printed
    assert office.indicators[3].initial_value == ""  # one value cell missing
    assert office.indicators[3].target == "控制在年度预算"
    assert (office.total_score, office.grade) == (Decimal("59.99"), "差")
    assert office.department_code == "604" and office.budget_unit_code == "604001"


# -- title identification ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("收入支出决算总表", IncomeExpenditureSummary),
        ("公开01表 收入支出决算总表", IncomeExpenditureSummary),
        ("部门收入支出决算总表", IncomeExpenditureSummary),
        ("2024年度单位收入决算表", IncomeTable),
        ("收入决算表（公开02表）", IncomeTable),
        ("表二、收入决算表", IncomeTable),
        ("五、一般公共预算财政拨款支出决算表", GeneralBudgetExpenditureTable),
        ("财政拨款“三公”经费支出决算表", ThreePublicTable),
        ('财政拨款"三公"经费支出决算表', ThreePublicTable),
        ("一般公共预算财政拨款“三公”经费支出决算表", ThreePublicTable),
        ("部门决算公开相关信息统计表", DisclosureInfoTable),
        ("朔州经济开发区管理委员会综合办公室收入决算表", IncomeTable),
        # ASCII and full-width brackets, 公开NN表 before or after, 部门/单位 in front
        ("收入决算表(公开02表)", IncomeTable),
        ("公开 04 表 财政拨款收入支出决算总表", FiscalAppropriationSummary),
        ("单位财政拨款收入支出决算总表（公开04表）", FiscalAppropriationSummary),
        ("部门一般公共预算财政拨款基本支出决算明细表", BasicExpenditureDetail),
        ("政府性基金预算财政拨款收入支出决算表(公开07表)", GovernmentFundTable),
        ("国有资本经营预算财政拨款支出决算表", StateCapitalTable),
        # 三公: double, single, ASCII and corner quotes, with or without "一般公共预算"
        ("财政拨款＂三公＂经费支出决算表", ThreePublicTable),
        ("财政拨款‘三公’经费支出决算表", ThreePublicTable),
        ("财政拨款'三公'经费支出决算表", ThreePublicTable),
        ("财政拨款「三公」经费支出决算表", ThreePublicTable),
        ("公开09表 一般公共预算财政拨款‘三公’经费支出决算表", ThreePublicTable),
        ('一般公共预算财政拨款"三公"经费支出决算表(公开09表)', ThreePublicTable),
        # what a title may end with once the year, 表号 or a remark is cut off (the reader
        # skips lines by their last character before asking the kinds)
        ("收入决算表2024年度", IncomeTable),
        ("收入决算表2024年", IncomeTable),
        ("收入决算表（2024年度）", IncomeTable),
        ("收入决算表（单位：万元）", IncomeTable),
        ("收入决算表公开02表", IncomeTable),
        ("一般公共预算财政拨款基本支出决算明细表（按经济分类）", BasicExpenditureDetail),
        ("一般公共预算财政拨款基本支出决算明细表(按经济分类)", BasicExpenditureDetail),
    ],
)
def test_identify_title(title: str, kind: type) -> None:
    assert identify_title(title, department=DEPARTMENT) is kind


@pytest.mark.parametrize(
    "text",
    [
        "二、收入决算情况说明",
        "一、收入支出决算总表.....",
        "目 录",
        "注：本表反映部门本年度各项支出情况。",
        "收入决算表。",
        "收入决算表（说明）",
    ],
)
def test_not_a_title(text: str) -> None:
    assert identify_title(text) is None


@pytest.mark.parametrize(
    ("label", "section", "key"),
    [
        ("合计", "一、政府采购情况", "政府采购合计"),
        ("(一) 车辆数合计(辆)", "", "车辆数合计"),
        ("1. 副部(省)级及以上领导用车", "", "副部（省）级及以上领导用车"),
        ("(二) 单价100万元(含)以上设备(不含车辆)", "", "单价100万元（含）以上设备"),
        ("其中：授予小微企业合同金额", "", "授予小微企业合同金额"),
        ("政府采购授予中小企业合同金额", "", "授予中小企业合同金额"),
        ("办公楼面积", "", None),
    ],
)
def test_info_keys(label: str, section: str, key: str | None) -> None:
    assert info_key(label, section) == key


@pytest.mark.parametrize(
    ("label", "name"),
    [
        ("一、一般公共服务支出", "一般公共服务支出"),
        ("(一) 行政单位", "行政单位"),
        ("1. 主要负责人用车", "主要负责人用车"),
        ("二十六、抗疫特别国债安排的支出", "抗疫特别国债安排的支出"),
        ("2010350", "2010350"),
        ("1.5万元", "1.5万元"),
    ],
)
def test_strip_enumerator(label: str, name: str) -> None:
    assert strip_enumerator(label) == name


def test_line_cells() -> None:
    line = Line(7, "\t 201 \t一般公共服务支出\u3000\t\t")
    assert line.cells == ("", "201", "一般公共服务支出", "", "")
    assert line.values == ("201", "一般公共服务支出")
    assert line.joined == "201一般公共服务支出"
    assert line.trimmed_width() == 3 and not line.blank and not line.single
    assert Line(8, " \t\u3000\t").blank and Line(8, " \t\u3000\t").values == ()


def test_squash_removes_every_white_space_character_and_the_bom() -> None:
    spaces = "".join(chr(c) for c in range(0x3001) if chr(c).isspace())
    assert squash(f"{spaces}一般\ufeff公共{spaces}服务 支出\u200b") == "一般公共服务支出\u200b"


# -- files -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_read_file_encodings(tmp_path, encoding: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "seed.txt"
    path.write_bytes(seed_text().encode(encoding))
    assert read_file(path).disclosure.tables == seed_tables()


def test_year_argument() -> None:
    r = read_text(seed_text(), year=2024, strict=True)
    assert r.disclosure.year == 2024


def test_translator_is_str_translate() -> None:
    from govfin.readers.lines import FULL_WIDTH, translator

    to_full = translator(FULL_WIDTH)
    drop = translator({"“": None, "”": None})
    table = str.maketrans(FULL_WIDTH)
    for text in ["", "一般公共服务支出", "其他(类)支出：a,b;c", "（已是全角）", "“引号”"]:
        assert to_full(text) == text.translate(table)
        assert drop(text) == text.replace("“", "").replace("”", "")
    plain = "没有要换的字"
    assert to_full(plain) is plain


def test_line_is_frozen_and_derives_its_fields() -> None:
    import attrs

    line = Line(7, " 合计 \t\t1,200.00\t\u3000")
    assert (line.cells, line.values, line.joined, line.squashed) == (
        ("合计", "", "1,200.00", ""), ("合计", "1,200.00"), "合计1,200.00", "合计1,200.00")
    assert not line.blank and not line.single
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        line.text = "x"  # type: ignore[misc]
    moved = attrs.evolve(line, number=8)
    assert moved == Line(8, line.text) and moved.values == line.values
    assert Line(1, " \u3000").blank and Line(2, "一段说明").single


def test_empty_statement_pretest_covers_every_empty_word() -> None:
    """The reader tests a line for 无 or 空 before the "本表无数据" words: each word holds one."""
    from govfin.readers.tables import _EMPTY_WORDS

    assert all("无" in w or "空" in w for w in _EMPTY_WORDS)


def test_heading_pretest_changes_no_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """The two-character pre-test before the 绩效自评 heading labels only saves work: with it
    admitting every label, the seed and every regional layout read exactly alike."""
    from reader_variants import regional_variants

    from govfin.readers import evaluations

    class _Everything:
        def __contains__(self, _: object) -> bool:
            return True

    texts = [seed_text(), *(text for _, text, _ in regional_variants())]
    before = [read_text(t) for t in texts]
    monkeypatch.setattr(evaluations, "_HEADING_STARTS", _Everything())
    for text, old in zip(texts, before, strict=True):
        new = read_text(text)
        assert new.disclosure == old.disclosure
        assert new.log.entries == old.log.entries
