"""Cells as a person sees them: workbooks written with openpyxl in the test, read back.

Numbers (no float artefacts), numbers stored as text, dates, booleans, formulas with and
without a cached value, error values, merged ranges, hidden rows, columns and sheets (with and
without figures), ruled blank cells, blank sheets, and where each row and problem is.
"""

from __future__ import annotations

import datetime
import io
import re
import zipfile
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl.styles import Border, Side
from test_excel_fixtures import patch_xlsx, xlsx

from govfin.readers.excel import WorkbookProblem, extract_workbook, number_text
from govfin.readers.source import SourceRow

THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
SHEET1 = "xl/worksheets/sheet1.xml"


def read(data: bytes, name: str = "t.xlsx"):
    return extract_workbook(data, name=name)


def cells_of(result, sheet: str | None = None) -> dict[int, tuple[str, ...]]:
    rows = result.rows if sheet is None else result.sheet(sheet)
    return {r.row: r.cells for r in rows}


# --- numbers, text, dates -------------------------------------------------------------------
def test_numbers_read_as_printed():
    def build(wb):
        ws = wb.active
        ws.title = "收入预算总表"
        ws.append([1234.5, 0.1 + 0.2, 205.0, 12, -3.25, 1e-7, 123456789012.34, 0.0])

    row = read(xlsx(build)).rows[0]
    assert row.cells == (
        "1234.5", "0.3", "205", "12", "-3.25", "0.0000001", "123456789012.34", "0"
    )  # fmt: skip
    assert row.sheet == "收入预算总表" and row.row == 1 and row.file == "t.xlsx"
    assert row.refs == ("A1", "B1", "C1", "D1", "E1", "F1", "G1", "H1")


def test_numbers_stored_as_text_stay_text():
    def build(wb):
        ws = wb.active
        ws.append(["00123", "1,234.50", "2010507", " 12.0 ", "—"])

    data = xlsx(build)
    # Stored as strings (a t="inlineStr" or t="s" cell), never as numbers.
    text = zipfile.ZipFile(io.BytesIO(data)).read(SHEET1).decode()
    assert re.search(r'<c r="B1" t="(inlineStr|s)"', text)
    assert read(data).rows[0].cells == ("00123", "1,234.50", "2010507", " 12.0 ", "—")


def test_dates_booleans_and_times():
    def build(wb):
        ws = wb.active
        ws.append([datetime.date(2024, 1, 5), datetime.datetime(2024, 12, 31, 10, 30), True])
        ws.append([datetime.datetime(2025, 3, 1), False, datetime.time(8, 15)])

    rows = cells_of(read(xlsx(build)))
    assert rows[1] == ("2024-01-05", "2024-12-31T10:30:00", "TRUE")
    assert rows[2] == ("2025-03-01", "FALSE", "08:15:00")


@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e15, max_value=1e15))
def test_number_text_is_excel_precision_without_exponent(x):
    text = number_text(x)
    assert re.fullmatch(r"-?\d+(\.\d+)?", text), text
    assert not text.endswith(".0") and text != "-0"
    if "." not in text:  # an integer: no leading zeros
        assert text == "0" or not text.lstrip("-").startswith("0")
    # Excel keeps 15 significant digits: the text is x rounded to 15 of them.
    assert Decimal(text) == Decimal(f"{x:.15g}")


@given(st.lists(st.integers(-(10**12), 10**12) | st.decimals(
    min_value=-(10**9), max_value=10**9, places=2, allow_nan=False, allow_infinity=False
), min_size=1, max_size=8))  # fmt: skip
def test_money_written_as_float_reads_back_exactly(values):
    """Figures with 2 decimals written as floats (as a workbook stores them) read back exact."""

    def build(wb):
        wb.active.append([float(v) if isinstance(v, Decimal) else v for v in values])

    cells = read(xlsx(build)).rows[0].cells
    assert [Decimal(c) for c in cells] == [Decimal(v) for v in values]


# --- formulas -------------------------------------------------------------------------------
def test_formula_with_cached_value_reads_the_value():
    def build(wb):
        ws = wb.active
        ws.append(["合计", 1.5, 2.25, "=B1+C1"])

    # openpyxl stores no result (<v />); put the one Excel would have saved.
    data = patch_xlsx(
        xlsx(build), SHEET1, lambda t: t.replace("<f>B1+C1</f><v />", "<f>B1+C1</f><v>3.75</v>")
    )
    result = read(data)
    assert result.rows[0].cells == ("合计", "1.5", "2.25", "3.75")
    assert result.problems == ()


def test_formula_without_cached_value_is_reported_and_blank():
    def build(wb):
        ws = wb.active
        ws.title = "收入预算总表"
        ws["A12"] = "合计"
        ws["D12"] = "=SUM(D9:D11)"
        ws["E12"] = 7

    result = read(xlsx(build))
    assert cells_of(result)[12] == ("合计", "", "", "", "7")
    (problem,) = result.problems
    assert problem.kind == "formula-without-value"
    assert problem.where == "t.xlsx: 收入预算总表!D12"
    assert problem.text == "=SUM(D9:D11)"
    assert "收入预算总表!D12" in str(problem) and "cached value" in str(problem)


def test_text_formula_with_empty_result_is_not_reported():
    def build(wb):
        wb.active.append([1, '=IF(A1=1,"","x")'])

    data = patch_xlsx(
        xlsx(build), SHEET1,
        lambda t: t.replace('<c r="B1"><f>', '<c r="B1" t="str"><f>'),
    )  # fmt: skip
    result = read(data)
    assert result.problems == () and result.rows[0].cells == ("1",)


def test_error_values_show_and_are_reported():
    def build(wb):
        ws = wb.active
        ws.title = "支出"
        ws.append([10, "=A1/0", "=#REF!+1"])

    def edit(t: str) -> str:
        t = t.replace('<c r="B1"><f>A1/0</f><v />', '<c r="B1" t="e"><f>A1/0</f><v>#DIV/0!</v>')
        return t.replace(
            '<c r="C1"><f>#REF!+1</f><v />', '<c r="C1" t="e"><f>#REF!+1</f><v>#REF!</v>'
        )

    result = read(patch_xlsx(xlsx(build), SHEET1, edit))
    assert result.rows[0].cells == ("10", "#DIV/0!", "#REF!")
    assert [(p.kind, p.ref, p.text) for p in result.problems] == [
        ("error-value", "B1", "#DIV/0!"),
        ("error-value", "C1", "#REF!"),
    ]


# --- merged ranges and ruled cells ----------------------------------------------------------
def _table(wb, title="2024年收入预算总表"):
    ws = wb.active
    ws.title = "收入预算总表"
    ws["A1"] = title
    ws.merge_cells("A1:E1")
    ws["A2"] = "单位：万元"
    ws["A3"] = "项目"
    ws.merge_cells("A3:B3")
    ws["C3"] = "本年收入"
    ws.merge_cells("C3:E3")
    ws.append(["科目编码", "科目名称", "合计", "财政拨款", "其他"])
    ws.append(["201", "一般公共服务支出", 545.19, 545.19, None])
    ws.append(["合计", None, 545.19, 545.19, None])
    for row in ws.iter_rows(min_row=3, max_row=6, max_col=5):
        for cell in row:
            cell.border = BOX
    return ws


def test_merged_title_is_one_cell_and_ruled_blank_cells_are_kept():
    rows = cells_of(read(xlsx(_table)))
    assert rows[1] == ("2024年收入预算总表",)
    assert rows[2] == ("单位：万元",)
    assert rows[3] == ("项目", "", "本年收入", "", "")
    assert rows[4] == ("科目编码", "科目名称", "合计", "财政拨款", "其他")
    assert rows[5] == ("201", "一般公共服务支出", "545.19", "545.19", "")
    assert rows[6] == ("合计", "", "545.19", "545.19", "")


def test_unruled_trailing_blanks_are_dropped():
    def build(wb):
        ws = wb.active
        ws.append(["注：本表无数据。"])
        ws.append(["a", None, "b", None, None])

    rows = cells_of(read(xlsx(build)))
    assert rows == {1: ("注：本表无数据。",), 2: ("a", "", "b")}


def test_stale_value_under_a_merge_is_not_shown():
    def build(wb):
        ws = wb.active
        ws["A1"] = "标题"
        ws["C1"] = 99  # hidden under the merge: a person sees only the title
        ws.merge_cells("A1:D1")

    data = xlsx(build)
    # openpyxl blanks merged cells on write; put the stale value back as Excel can keep it.
    data = patch_xlsx(
        data,
        SHEET1,
        lambda t: t.replace("</c></row>", '</c><c r="C1" t="n"><v>99</v></c></row>', 1),
    )
    assert read(data).rows[0].cells == ("标题",)


def test_rows_start_at_the_sheets_first_used_column():
    def build(wb):
        ws = wb.active
        ws["C5"] = "标题"
        ws["C6"] = "a"
        ws["D6"] = 1

    result = read(xlsx(build))
    assert [(r.row, r.cells, r.refs) for r in result.rows] == [
        (5, ("标题",), ("C5",)),
        (6, ("a", "1"), ("C6", "D6")),
    ]


# --- hidden rows, columns, sheets -----------------------------------------------------------
def test_hidden_rows_and_columns_are_skipped_and_figures_reported():
    def build(wb):
        ws = _table(wb)
        ws.append(["202", "外交支出", 12.5, 12.5, None])  # row 7, hidden, figures
        ws.row_dimensions[7].hidden = True
        ws.append(["备注", "说明文字"])  # row 8, hidden, text only
        ws.row_dimensions[8].hidden = True
        ws["F5"] = 88  # column F hidden, with a figure
        ws["F4"] = "内部列"  # column F hidden, text only
        ws.column_dimensions["F"].hidden = True

    result = read(xlsx(build))
    rows = cells_of(result)
    assert 7 not in rows and 8 not in rows
    assert rows[4] == ("科目编码", "科目名称", "合计", "财政拨款", "其他")
    assert all("F" not in ref[:1] for r in result.rows for ref in r.refs)
    found = [(p.kind, p.ref, p.text) for p in result.problems]
    assert found == [
        ("hidden-figure", "F5", "88"),
        ("hidden-figure", "A7", "202"),
        ("hidden-figure", "C7", "12.5"),
        ("hidden-figure", "D7", "12.5"),
    ]
    assert all(p.sheet == "收入预算总表" for p in result.problems)
    assert "hidden row" in str(result.problems[1]) and "hidden column" in str(result.problems[0])


def test_hidden_middle_column_keeps_refs_of_the_visible_cells():
    def build(wb):
        ws = wb.active
        ws.append(["a", "secret", "c"])
        ws.column_dimensions["B"].hidden = True

    row = read(xlsx(build)).rows[0]
    assert row.cells == ("a", "c") and row.refs == ("A1", "C1")


def test_merged_range_with_hidden_first_column_shows_in_first_visible_cell():
    def build(wb):
        ws = wb.active
        ws["A1"] = "标题"
        ws.merge_cells("A1:C1")
        ws["A2"], ws["B2"], ws["C2"] = "x", "y", "z"
        ws.column_dimensions["A"].hidden = True

    result = read(xlsx(build))
    rows = {r.row: (r.cells, r.refs) for r in result.rows}
    assert rows[1] == (("标题",), ("B1",))
    assert rows[2] == (("y", "z"), ("B2", "C2"))
    assert result.problems == ()


def test_rows_hidden_by_default_show_only_listed_rows():
    def build(wb):
        ws = wb.active
        ws.append(["shown"])
        ws.append([5])

    # zeroHeight: rows are hidden unless a <row> says otherwise; row 2 is marked hidden.
    def edit(t: str) -> str:
        t = re.sub(r"<sheetFormatPr ", '<sheetFormatPr zeroHeight="1" ', t)
        return t.replace('<row r="2"', '<row r="2" hidden="1"')

    result = read(patch_xlsx(xlsx(build), SHEET1, edit))
    assert cells_of(result) == {1: ("shown",)}
    assert [(p.kind, p.ref) for p in result.problems] == [("hidden-figure", "A2")]


def test_hidden_sheet_is_skipped_and_its_figures_reported():
    def build(wb):
        wb.active.title = "封面"
        wb.active.append(["2024年部门预算"])
        calc = wb.create_sheet("计算表")
        calc.append(["x", 1, 2])
        calc.sheet_state = "hidden"
        notes = wb.create_sheet("说明")
        notes.append(["仅文字"])
        notes.sheet_state = "hidden"

    result = read(xlsx(build))
    assert result.sheets == ("封面",)
    assert {r.sheet for r in result.rows} == {"封面"}
    (problem,) = result.problems
    assert (problem.kind, problem.sheet, problem.ref) == ("hidden-sheet", "计算表", None)
    assert problem.where == "t.xlsx: 计算表" and "2 figure(s), first at B1" in problem.message


# --- sheets, sources, names -----------------------------------------------------------------
def test_blank_sheet_gives_no_rows():
    def build(wb):
        wb.active.title = "空表"
        second = wb.create_sheet("数据")
        second.append(["a"])
        ruled = wb.create_sheet("只有框线")
        ruled["B2"].border = BOX

    result = read(xlsx(build))
    assert result.sheets == ("空表", "数据", "只有框线")
    assert [r.sheet for r in result.rows] == ["数据"]
    assert result.problems == ()


def test_path_and_bytes_give_the_same_rows(tmp_path):
    data = xlsx(_table)
    path = tmp_path / "部门预算.xlsx"
    path.write_bytes(data)
    from_path = extract_workbook(path)
    assert from_path.file == "部门预算.xlsx"
    assert all(r.file == "部门预算.xlsx" for r in from_path.rows)
    from_bytes = extract_workbook(data, name="部门预算.xlsx")
    assert from_bytes == from_path
    assert extract_workbook(str(path), name="other.xlsx").rows[0].file == "other.xlsx"
    assert extract_workbook(data).file == "workbook"


def test_result_behaves_as_a_sequence_of_source_rows():
    result = read(xlsx(_table))
    assert len(result) == len(result.rows) == 6
    assert list(result) == list(result.rows)
    assert isinstance(result[0], SourceRow)
    assert result[0].where == "t.xlsx 收入预算总表!A1"


def test_problem_place_without_file():
    p = WorkbookProblem("hidden-figure", "收入预算总表", "D12", "a figure in a hidden row", "1")
    assert p.where == "收入预算总表!D12"
    assert str(p) == "收入预算总表!D12: a figure in a hidden row | '1'"


@pytest.mark.parametrize("value", ["", None])
def test_empty_strings_are_blank(value):
    def build(wb):
        wb.active.append(["a", value, "b"])

    assert read(xlsx(build)).rows[0].cells == ("a", "", "b")


def test_docstring_examples():
    import doctest

    from govfin.readers import excel

    result = doctest.testmod(excel, raise_on_error=False)
    assert result.attempted > 0 and result.failed == 0
