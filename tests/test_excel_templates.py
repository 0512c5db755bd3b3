"""The two blank Shanghai 普陀区 filing templates (tests/data/excel) read into rows.

Expected facts come from two places independent of the reader: openpyxl's reading of the
.xlsx (every non-blank cell and every merged range), and the sheets as they look when opened
(sheet names, titles, header rows, written out below by hand).  The .xls is BIFF8 and shares
its table layout with the .xlsx, so the same header rows read from both formats must agree.
"""

from __future__ import annotations

import openpyxl
import pytest
from test_excel_fixtures import XLS_TEMPLATE, XLSX_TEMPLATE

from govfin.readers.excel import WorkbookRows, extract_workbook
from govfin.readers.source import SourceRow

XLSX_SHEETS = [
    "封面", "目录", "部门主要职能", "部门机构设置", "名词解释", "部门编制说明",
    "部门收支总表", "部门收入总表", "部门支出总表", "部门财政拨款收支总表",
    "部门一般公共预算拨款表", "部门政府性基金拨款表", "部门国有资本经营预算拨款表 ",
    "部门一般公共预算拨款基本支出明细表", "部门“三公”经费和机关运行费预算表",
    "其他相关情况说明", "项目经费情况说明",
]  # fmt: skip
XLS_SHEETS = [
    "封面", "目录", "单位职能", "单位机构设置", "名词解释", "单位编制说明",
    "单位收支总表", "单位收入总表", "单位支出总表", "单位财政拨款收支总表",
    "单位一般公共预算拨款表", "单位政府性基金拨款表", "单位国有资本经营预算拨款表 ",
    "单位一般公共预算拨款基本支出明细表", "单位“三公”经费和机关运行费预算表",
    "其他相关情况说明",
]  # fmt: skip

#: sheet -> (row, title): the title of each table sheet, a one-cell row.
XLSX_TITLES = {
    "部门收支总表": (2, "2026年部门财务收支预算总表"),
    "部门收入总表": (2, "2026年部门收入预算总表"),
    "部门支出总表": (2, "2026年部门支出预算总表"),
    "部门财政拨款收支总表": (2, "2026年部门财政拨款收支预算总表"),
    "部门一般公共预算拨款表": (2, "2026年部门一般公共预算支出功能分类预算表"),
    "部门政府性基金拨款表": (2, "2026年部门政府性基金预算支出功能分类预算表"),
    "部门国有资本经营预算拨款表 ": (2, "2026年部门国有资本经营预算支出功能分类预算表"),
    "部门一般公共预算拨款基本支出明细表": (2, "2026年部门一般公共预算基本支出部门预算经济分类预算表"),
    "部门“三公”经费和机关运行费预算表": (2, "2026年部门“三公”经费和机关运行经费预算表"),
}  # fmt: skip
XLS_TITLES = {
    "单位收支总表": (2, "2026年预算单位财务收支预算总表"),
    "单位收入总表": (2, "2026年预算单位收入预算总表"),
    "单位支出总表": (2, "2026年预算单位支出预算总表"),
    "单位财政拨款收支总表": (2, "2026年预算单位财政拨款收支预算总表"),
    "单位一般公共预算拨款表": (2, "2026年预算单位一般公共预算支出功能分类预算表"),
    "单位政府性基金拨款表": (2, "2026年预算单位政府性基金预算支出功能分类预算表"),
    "单位国有资本经营预算拨款表 ": (2, "2026年预算单位国有资本经营预算支出功能分类预算表"),
    "单位一般公共预算拨款基本支出明细表": (2, "2026年预算单位一般公共预算基本支出部门预算经济分类预算表"),
    "单位“三公”经费和机关运行费预算表": (2, "2026年单位“三公”经费和机关运行经费预算表"),
}  # fmt: skip

#: The header rows of the 收入总表 (rows 6-8): a merged 项目 over A:D, 收入预算 over E:I.
INCOME_HEADER = [
    (6, ("项目", "", "", "", "收入预算", "", "", "", "")),
    (7, ("功能分类科目编码", "", "", "功能分类科目名称", "合计", "财政拨款收入", "事业收入",
         "事业单位\n经营收入", "其他收入")),
    (8, ("类", "款", "项", "", "", "", "", "", "")),
]  # fmt: skip


@pytest.fixture(scope="module")
def xlsx_rows() -> WorkbookRows:
    return extract_workbook(XLSX_TEMPLATE)


@pytest.fixture(scope="module")
def xls_rows() -> WorkbookRows:
    return extract_workbook(XLS_TEMPLATE)


def _by_row(rows: list[SourceRow]) -> dict[int, tuple[str, ...]]:
    return {r.row: r.cells for r in rows}


def test_sheet_names_in_order(xlsx_rows, xls_rows):
    assert list(xlsx_rows.sheets) == XLSX_SHEETS
    assert list(xls_rows.sheets) == XLS_SHEETS
    assert openpyxl.load_workbook(XLSX_TEMPLATE, read_only=True).sheetnames == XLSX_SHEETS
    # Rows come sheet by sheet in workbook order, top to bottom.
    for result, names in ((xlsx_rows, XLSX_SHEETS), (xls_rows, XLS_SHEETS)):
        order = [names.index(r.sheet) for r in result.rows]
        assert order == sorted(order)
        for name in names:
            numbers = [r.row for r in result.sheet(name)]
            assert numbers == sorted(set(numbers)) and numbers


def test_blank_templates_read_without_problems(xlsx_rows, xls_rows):
    assert xlsx_rows.problems == ()
    assert xls_rows.problems == ()
    assert xlsx_rows.file == XLSX_TEMPLATE.name
    assert {r.file for r in xls_rows.rows} == {XLS_TEMPLATE.name}


@pytest.mark.parametrize("which", ["xlsx", "xls"])
def test_titles_are_one_cell_rows(which, xlsx_rows, xls_rows):
    result, titles = (xlsx_rows, XLSX_TITLES) if which == "xlsx" else (xls_rows, XLS_TITLES)
    for sheet, (row, title) in titles.items():
        rows = _by_row(result.sheet(sheet))
        assert rows[row] == (title,), sheet
        # The title is the sheet's first row with text: row 1 is blank and left out.
        assert min(rows) == row


@pytest.mark.parametrize("which", ["xlsx", "xls"])
def test_income_table_header_and_placeholders(which, xlsx_rows, xls_rows):
    result = xlsx_rows if which == "xlsx" else xls_rows
    sheet = "部门收入总表" if which == "xlsx" else "单位收入总表"
    rows = _by_row(result.sheet(sheet))
    for row, cells in INCOME_HEADER:
        assert rows[row] == cells
    # The unit line: 编制部门 at the left, 单位：元 in the last column (I).
    assert rows[4][0] in ("编制部门：", "编制单位：") and rows[4][-1] == "单位：元"
    assert len(rows[4]) == 9
    # Example rows: codes printed as numbers read without ".0"; 款/项 stored as text "02".
    assert rows[9][:4] == ("205", "", "", "教育支出")
    assert rows[11][:4] == ("205", "02", "05", "高等教育")
    assert rows[12][:4] == ("…", "", "", "…")  # placeholder rows are kept as printed
    # Blank ruled rows (18, 19) hold no text: kept as rows of empty cells, as a PDF shows a
    # blank form's ruled rows; 合计 keeps every ruled cell.
    assert rows[18] == rows[19] == ("",) * 9
    assert rows[20] == ("合计",) + ("",) * 8
    # Every table row has the table's 9 columns (blank amount cells are ruled, so kept).
    for row in range(6, 21):
        if row in rows:
            assert len(rows[row]) == 9, row


def test_vertical_merge_and_blank_header_cells(xlsx_rows, xls_rows):
    for result, sheet in (
        (xlsx_rows, "部门“三公”经费和机关运行费预算表"),
        (xls_rows, "单位“三公”经费和机关运行费预算表"),
    ):
        rows = _by_row(result.sheet(sheet))
        assert rows[4] == ("“三公”经费预算数", "", "", "", "", "", "机关运行经费预算数")
        assert rows[5] == (
            "合计",
            "因公出国(境)费",
            "公务接待费",
            "公务用车购置及运行费",
            "",
            "",
            "",
        )
        # 合计 is merged over A5:A6, 公务用车购置及运行费 over D5:F5: their other cells read "".
        assert rows[6] == ("", "", "", "小计", "购置费", "运行费", "")


def test_refs_name_each_cell(xlsx_rows):
    for row in xlsx_rows.rows:
        assert row.refs is not None and len(row.refs) == len(row.cells)
        for ref in row.refs:
            assert ref.endswith(str(row.row))
    income = _by_row(xlsx_rows.sheet("部门收入总表"))
    assert income[7]  # sanity
    row7 = next(r for r in xlsx_rows.sheet("部门收入总表") if r.row == 7)
    assert row7.refs == tuple(f"{c}7" for c in "ABCDEFGHI")
    assert row7.where == f"{XLSX_TEMPLATE.name} 部门收入总表!A7"


def test_xlsx_cells_agree_with_openpyxl(xlsx_rows):
    """Every non-blank cell openpyxl sees is in the rows, at its reference, with its text."""
    wb = openpyxl.load_workbook(XLSX_TEMPLATE)
    for ws in wb.worksheets:
        expected = {}
        for line in ws.iter_rows():
            for cell in line:
                if cell.value is None or cell.value == "":
                    continue
                assert isinstance(cell.value, (int, str)), (ws.title, cell.coordinate)
                expected[cell.coordinate] = str(cell.value)
        got = {
            ref: text
            for row in xlsx_rows.sheet(ws.title)
            for ref, text in zip(row.refs, row.cells)
            if text
        }
        assert got == expected, ws.title
        # Cells covered by a merged range (not its top-left) read "" wherever they are printed.
        covered = set()
        for rng in ws.merged_cells.ranges:
            for r in range(rng.min_row, rng.max_row + 1):
                for c in range(rng.min_col, rng.max_col + 1):
                    if (r, c) != (rng.min_row, rng.min_col):
                        covered.add(ws.cell(r, c).coordinate)
        for row in xlsx_rows.sheet(ws.title):
            for ref, text in zip(row.refs, row.cells):
                if ref in covered:
                    assert text == "", (ws.title, ref)


def test_both_formats_read_the_shared_layout_alike(xlsx_rows, xls_rows):
    """The 收入/支出/一般公共预算 tables share rows 6-12 and 20 in both templates."""
    for a, b in (
        ("部门收入总表", "单位收入总表"),
        ("部门支出总表", "单位支出总表"),
        ("部门一般公共预算拨款表", "单位一般公共预算拨款表"),
    ):
        ra, rb = _by_row(xlsx_rows.sheet(a)), _by_row(xls_rows.sheet(b))
        for row in (6, 7, 8, 9, 10, 11, 12):
            assert ra[row] == rb[row], (a, row)
        total = 21 if "一般公共预算" in a else 20
        assert ra[total] == rb[total]


def test_prose_sheets_are_one_cell_rows(xlsx_rows, xls_rows):
    for result, sheet, heading in (
        (xlsx_rows, "部门主要职能", "XX（部门）主要职能"),
        (xls_rows, "单位职能", "XX（单位）主要职能"),
        (xls_rows, "名词解释", "名词解释"),
    ):
        rows = result.sheet(sheet)
        assert rows[0].cells == (heading,) and rows[0].row == 1
        assert all(len(r.cells) == 1 for r in rows)
        assert "\n" in rows[1].cells[0]  # a paragraph cell keeps its line breaks
    toc = [r.cells[0] for r in xls_rows.sheet("目录")]
    assert toc[0] == "目  录" and "五、单位预算表" in toc


def test_filled_copy_of_the_template_reads_back_its_figures(tmp_path):
    """Fill the 收入总表 of a copy as a unit would (openpyxl keeps the template's borders)."""
    wb = openpyxl.load_workbook(XLSX_TEMPLATE)
    ws = wb["部门收入总表"]
    figures = {
        9: (205, None, None, "教育支出", 1234567.89, 1200000, 34567.89, 0, 0),
        10: (205, "02", None, "普通教育", 1234567.89, 1200000, 34567.89, 0, 0),
        11: (205, "02", "05", "高等教育", 1234567.89, 1200000, 34567.89, 0, 0),
    }
    for row, values in figures.items():
        for col, value in enumerate(values, start=1):
            ws.cell(row, col).value = value
    for row in (12, 13, 14, 15, 16, 17):  # the placeholder rows are cleared
        for col in range(1, 10):
            ws.cell(row, col).value = None
    ws["E20"], ws["F20"], ws["G20"], ws["H20"], ws["I20"] = 1234567.89, 1200000, 34567.89, 0, 0
    path = tmp_path / "部门预算.xlsx"
    wb.save(path)

    result = extract_workbook(path)
    rows = _by_row(result.sheet("部门收入总表"))
    assert rows[9] == ("205", "", "", "教育支出", "1234567.89", "1200000", "34567.89", "0", "0")
    assert rows[11][:4] == ("205", "02", "05", "高等教育")
    assert rows[20] == ("合计", "", "", "", "1234567.89", "1200000", "34567.89", "0", "0")
    assert all(not any(rows.get(r, ())) for r in range(12, 20))  # cleared: no text left
    for row, cells in INCOME_HEADER:
        assert rows[row] == cells
    assert result.problems == ()
