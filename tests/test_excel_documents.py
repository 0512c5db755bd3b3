"""Workbooks read end to end into a Disclosure (issue 19): the blank templates, filled copies.

- The two blank Shanghai 普陀区 filing templates (tests/data/excel) read with
  ``govfin.readers.files.read_path`` into a 预算 Disclosure: every table sheet a table, present
  and empty; the template's "…" rows reported as placeholders; every other sheet filed as the
  cover, the contents or a narrative part; no read error and no error finding.
- A copy of the .xlsx template filled (with openpyxl, as a unit fills it) with the figures of
  the real 2025 budget of 上海市普陀区人民政府万里街道办事处, as read from its published PDF
  (tests/data/pdf), reads back into the same tables, row by row, with the same findings; so do
  copies filled with generated Shanghai budgets (``govfin.strategies.budget_disclosures``).

The expected sheet-to-part mapping is written by hand from the sheets as they look when opened.
"""

from __future__ import annotations

from copy import copy
from decimal import Decimal
from pathlib import Path

import attrs
import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from test_excel_fixtures import XLS_TEMPLATE, XLSX_TEMPLATE

import govfin
from govfin.disclosure import Disclosure, Narrative
from govfin.readers.files import read_path
from govfin.readers.lines import LineKind
from govfin.strategies import budget_disclosures
from govfin.tables import Table

PDF = Path(__file__).parent / "data" / "pdf" / "sh-putuo-wanlijiedao-2025-bumen-yusuan.pdf"

#: The nine 部门预算 tables of the Shanghai template, in sheet order (sheet names of the .xlsx;
#: the .xls names them 单位… instead of 部门…).
TABLE_SHEETS = {
    "部门收支总表": "财务收支预算总表",
    "部门收入总表": "收入预算总表（上海）",
    "部门支出总表": "支出预算总表（上海）",
    "部门财政拨款收支总表": "财政拨款收支预算总表（上海）",
    "部门一般公共预算拨款表": "一般公共预算支出功能分类预算表",
    "部门政府性基金拨款表": "政府性基金预算支出功能分类预算表",
    "部门国有资本经营预算拨款表 ": "国有资本经营预算支出功能分类预算表",
    "部门一般公共预算拨款基本支出明细表": "一般公共预算基本支出部门预算经济分类预算表",
    "部门“三公”经费和机关运行费预算表": "“三公”经费和机关运行经费预算表",
}

#: What each other sheet is: the part its first row opens ("封面" and "目录" by name, a
#: narrative part by its heading).
OTHER_SHEETS = {
    "xlsx": {
        "封面": "封面",
        "目录": "目录",
        "部门主要职能": "XX（部门）主要职能",
        "部门机构设置": "XX（部门）机构设置",
        "名词解释": "名词解释",
        "部门编制说明": "2026年部门预算编制说明",
        "其他相关情况说明": "其他相关情况说明",
        "项目经费情况说明": "XX项目经费情况说明",
    },
    "xls": {
        "封面": "封面",
        "目录": "目录",
        "单位职能": "XX（单位）主要职能",
        "单位机构设置": "XX（单位）机构设置",
        "名词解释": "名词解释",
        "单位编制说明": "2026年单位预算编制说明",
        "其他相关情况说明": "其他相关情况说明",
    },
}


def _sheet(which: str, name: str) -> str:
    return name if which == "xlsx" else name.replace("部门", "单位", 1)


@pytest.fixture(scope="module", params=["xlsx", "xls"])
def blank(request):
    path = XLSX_TEMPLATE if request.param == "xlsx" else XLS_TEMPLATE
    return request.param, path, read_path(path)


def test_blank_template_is_a_budget_with_every_table_present_and_empty(blank):
    which, path, result = blank
    d, doc = result.disclosure, result.document
    assert result.errors == ()
    assert d.kind == doc.kind == "预算" and d.year == 2026
    assert d.department == ("上海市普陀区XX局" if which == "xlsx" else "上海市普陀区XX单位")
    assert [t.KIND for t in d.tables] == list(TABLE_SHEETS.values())
    assert doc.unread == () and d.unread == ()
    for table, sheet in zip(doc.tables, TABLE_SHEETS, strict=True):
        assert table.pages == (f"{path.name} {_sheet(which, sheet)}",)
    for t in d.tables:
        assert all(v is None for row in t.rows for v in row.values.values()), t.KIND
    # The ruled, blank figure row of the 三公 sheet is its 本年预算数 row, printed empty.
    three = d.tables[-1]
    assert [r.key for r in three.rows] == ["本年预算数"]
    assert doc.sources[0].format == which and doc.sources[0].pages == len(TABLE_SHEETS) + len(
        OTHER_SHEETS[which]
    )


def test_blank_template_placeholders_are_reported_by_sheet_and_cell(blank):
    which, path, result = blank
    places = result.document.placeholders
    assert places
    wb_cells = _cells(path, which)
    for place in places:
        name, _, at = place.partition(" ")
        assert name == path.name
        sheet, _, ref = at.rpartition("!")
        assert wb_cells[sheet][ref] == "…", place  # the template's own placeholder
    # Every "…" row of a table sheet is one (rows whose first cell is "…").
    expected = {
        f"{path.name} {sheet}!{ref}"
        for sheet, cells in wb_cells.items()
        if sheet.strip() in {_sheet(which, s).strip() for s in TABLE_SHEETS}
        for ref, text in cells.items()
        if text == "…" and ref.startswith("A")
    }
    assert set(places) == expected


def _cells(path: Path, which: str) -> dict[str, dict[str, str]]:
    """Every non-blank cell's text by sheet and reference (openpyxl for .xlsx; the row layer
    for .xls, which openpyxl cannot open)."""
    if which == "xlsx":
        wb = openpyxl.load_workbook(path)
        return {
            ws.title: {c.coordinate: str(c.value) for row in ws.iter_rows() for c in row if c.value}
            for ws in wb.worksheets
        }
    from govfin.readers.excel import extract_workbook

    out: dict[str, dict[str, str]] = {}
    for row in extract_workbook(path).rows:
        for ref, text in zip(row.refs, row.cells, strict=True):
            if text:
                out.setdefault(row.sheet, {})[ref] = text
    return out


def test_blank_template_every_other_sheet_is_cover_contents_or_a_part(blank):
    which, _path, result = blank
    by_sheet: dict[str, list] = {}
    for entry in result.log:
        sheet = entry.place.split(" ", 1)[1].rpartition("!")[0]
        by_sheet.setdefault(sheet, []).append(entry)
    assert not [e for e in result.log if e.kind is LineKind.UNRECOGNISED]
    for sheet, part in OTHER_SHEETS[which].items():
        first, *rest = by_sheet[sheet]
        assert first.kind is LineKind.BOILERPLATE and first.part == part, (sheet, first)
        for e in rest:
            assert e.kind in (LineKind.BOILERPLATE, LineKind.NARRATIVE), (sheet, e)
            assert e.part in (part, None), (sheet, e)
    assert "财政拨款收入" in result.disclosure.narrative.glossary  # 名词解释 read as such


def test_blank_template_findings_are_honest(blank):
    """No error about a table.  The warnings: each empty table lacks a "本表无数据" note, and
    codes of the template's example rows are missing from govfin's (incomplete) list of
    支出功能分类科目.  The errors: the 编制说明's template text ("XX", "x,xxx万元",
    "增加（减少）") is template residue, which is what a blank template holds."""
    _which, _path, result = blank
    findings = govfin.check(result.disclosure).findings
    tables = [f for f in findings if f.place is None or f.place.table != "情况说明"]
    # … and the template's placeholder rows ("…", "XX" where figures belong), one READ-placeholder
    # warning per table that prints them
    assert {f.rule_id for f in tables} == {"K-empty-note", "C-code", "READ-placeholder"}
    assert all(f.severity.value == "warning" for f in tables)
    empty = {f.place.table for f in tables if f.rule_id == "K-empty-note"}
    assert {f.place.table for f in tables if f.rule_id == "READ-placeholder"} <= empty
    assert empty == set(TABLE_SHEETS.values())
    narrative = [f for f in findings if f not in tables]
    assert {f.rule_id for f in narrative} == {"N-residue", "N-unchecked"}
    for f in narrative:
        if f.rule_id == "N-residue":
            # "XX", "x,xxx" (placeholders) or the alternative wording the template leaves in
            placeholder = f.place.column.strip("xX,.") == ""
            assert placeholder or f.place.column == "增加（减少）", f


# --- a copy of the template, filled with a real budget --------------------------------------


@pytest.fixture(scope="module")
def source() -> Disclosure:
    """The 2025 budget of 万里街道 as read from its PDF (the figures to fill in)."""
    result = read_path(PDF)
    assert result.errors == ()
    return result.disclosure


def _style_like(ws, row: int, model: int, width: int) -> None:
    for col in range(1, width + 1):
        ws.cell(row, col)._style = copy(ws.cell(model, col)._style)


def _clear_below(ws, first: int, width: int) -> None:
    """Unmerge and empty every cell from row ``first`` down (the template's example rows)."""
    for rng in list(ws.merged_cells.ranges):
        if rng.max_row >= first:
            ws.unmerge_cells(str(rng))
    for row in range(first, ws.max_row + 1):
        for col in range(1, width + 1):
            ws.cell(row, col).value = None


def _split(code: str, widths: tuple[int, ...]) -> list[object]:
    """A code printed over 类/款/项 columns: 类 as a number, 款 and 项 as text ("02")."""
    out: list[object] = []
    pos = 0
    for i, w in enumerate(widths):
        part = code[pos : pos + w]
        pos += w
        out.append((int(part) if i == 0 else part) if part else None)
    return out


def _front(ws, table: Table, title_row: int, front_row: int) -> None:
    ws.cell(title_row, 1).value = table.meta.title
    ws.cell(front_row, 1).value = f"编制部门：{table.meta.department}"


def _fill_coded(ws, table: Table, widths: tuple[int, ...], first: int = 9) -> None:
    """A table of codes over 类/款(/项) columns, a name, then one column per figure."""
    width = len(widths) + 1 + len(table.COLUMNS)
    _clear_below(ws, first, width)
    row = first
    for r in table.rows:
        _style_like(ws, row, 8, width)
        if r.code is not None:
            cells = [*_split(r.code, widths), r.name]
        else:
            cells = ["合计"] + [None] * len(widths)
        cells += [r.values.get(c) for c in table.COLUMNS]
        for col, value in enumerate(cells, start=1):
            ws.cell(row, col).value = value
        row += 1
    if table.meta.empty_note:  # "注：本部门…无…，故本表为空。" under the table
        ws.cell(row + 1, 1).value = f"注：{table.meta.empty_note}"


def _fill_two_sides(ws, table: Table, columns: tuple[str, ...], total_row: int) -> None:
    """收支总表 / 财政拨款收支总表: income (label, 金额) left, expenditure (label, then the
    template's ``columns``) right."""
    width = 2 + 1 + len(columns)
    _clear_below(ws, 8, width)
    income = [r for r in table.rows if r.code is None and r.key not in ("支出总计",)]
    spending = [r for r in table.rows if r.code is not None]
    totals = {r.key: r for r in table.rows if r.key in ("收入总计", "支出总计")}
    income = [r for r in income if r.key != "收入总计"]
    for i in range(max(len(income), len(spending))):
        _style_like(ws, 8 + i, 8, width)
    for i, r in enumerate(income):
        ws.cell(8 + i, 1).value = r.name
        ws.cell(8 + i, 2).value = r.values.get("金额")
    for i, r in enumerate(spending):
        ws.cell(8 + i, 3).value = r.name
        for j, c in enumerate(columns):
            ws.cell(8 + i, 4 + j).value = r.values.get(c)
    total = max(total_row, 8 + max(len(income), len(spending)))
    _style_like(ws, total, 8, width)
    ws.cell(total, 1).value, ws.cell(total, 2).value = (
        "收入总计",
        totals["收入总计"].values.get("金额"),
    )
    ws.cell(total, 3).value = "支出总计"
    for j, c in enumerate(columns):
        ws.cell(total, 4 + j).value = totals["支出总计"].values.get(c)


def fill_template(d: Disclosure, path: Path) -> Path:
    """A copy of the .xlsx template holding ``d``'s cover and nine tables."""
    wb = openpyxl.load_workbook(XLSX_TEMPLATE)
    wb["封面"]["A3"] = d.title
    wb["封面"]["A9"] = f"预算主管部门：{d.department}"
    by_kind = {t.KIND: t for t in d.tables}
    for sheet, kind in TABLE_SHEETS.items():
        ws, table = wb[sheet], by_kind[kind]
        if kind.startswith("“三公”"):
            _front(ws, table, 2, 3)
            (row,) = table.rows
            for col, c in enumerate(table.COLUMNS, start=1):
                ws.cell(7, col).value = row.values.get(c)
        elif kind == "财务收支预算总表":  # 预算数 on each side
            _front(ws, table, 2, 4)
            _fill_two_sides(ws, table, ("合计",), 21)
        elif kind == "财政拨款收支预算总表（上海）":
            _front(ws, table, 2, 4)
            _fill_two_sides(ws, table, table.EXPENDITURE_COLUMNS, 21)
        elif kind.startswith("一般公共预算基本支出"):
            _front(ws, table, 2, 4)
            _fill_coded(ws, table, (3, 2))
        else:
            _front(ws, table, 2, 4)
            _fill_coded(ws, table, (3, 2, 2))
    wb.save(path)
    return path


def _rows(table: Table) -> list[tuple[object, ...]]:
    """A table's rows without their source lines; a total row's printed label left out (the
    PDF prints the 支出预算总表's 合计 figure where its label goes)."""
    return [
        (
            r.key,
            r.code,
            dict(r.values),
            None if r.key in ("合计", "收入总计", "支出总计") else r.name,
        )
        for r in table.rows
    ]


def _without_narrative(d: Disclosure) -> Disclosure:
    return attrs.evolve(d, narrative=Narrative(), title=None)


@pytest.fixture(scope="module")
def filled(source, tmp_path_factory):
    path = fill_template(source, tmp_path_factory.mktemp("filled") / "万里街道2025年部门预算.xlsx")
    return path, read_path(path)


def test_filled_template_reads_back_the_source_table_by_table(source, filled):
    _path, result = filled
    d = result.disclosure
    assert result.errors == ()
    assert result.document.placeholders == ()
    assert (d.kind, d.year, d.department, d.unit, d.title) == (
        source.kind,
        source.year,
        source.department,
        source.unit,
        source.title,
    )
    assert [type(t) for t in d.tables] == [type(t) for t in source.tables]
    for got, want in zip(d.tables, source.tables, strict=True):
        assert got.meta.title == want.meta.title
        assert got.meta.department == want.meta.department
        assert got.meta.empty_note == want.meta.empty_note
        assert (got.meta.unit, got.meta.precision) == (want.meta.unit, want.meta.precision)
        assert _rows(got) == _rows(want), got.KIND
    # Some figures really are there: the 合计 of the 收入总表 and the 三公 row.
    income = d.tables[1]
    assert income.rows[-1].values["合计"] == Decimal(189767551)
    assert d.tables[-1].rows[0].values["合计"] == Decimal("37.91")


def test_filled_template_gives_the_same_findings(source, filled):
    _path, result = filled
    got = govfin.check(_without_narrative(result.disclosure)).findings
    want = govfin.check(_without_narrative(source)).findings
    assert want  # the budget's own rounding residues (尾数误差) are found in both

    def key(f):
        return (f.rule_id, str(f.place), f.message)

    assert sorted(got, key=key) == sorted(want, key=key)


def test_filled_template_places_name_sheet_and_cell(filled):
    path, result = filled
    entry = next(e for e in result.log if e.note == "row 2120101")
    assert entry.place == f"{path.name} 部门收入总表!A{_row_of(path, '部门收入总表', 2120101)}"


def _row_of(path: Path, sheet: str, code: int) -> int:
    ws = openpyxl.load_workbook(path)[sheet]
    text = str(code)
    for row in ws.iter_rows(min_row=9):
        if "".join(str(c.value or "") for c in row[:3]) == text:
            return row[0].row
    raise AssertionError(code)


# --- a copy of the template, filled with generated budgets ----------------------------------


def _printed(d: Disclosure) -> Disclosure:
    """``d`` as the template prints it: each table under the template's own title for ``d``'s
    year, the cover naming the document (generated budgets carry kind names as titles)."""
    wb = openpyxl.load_workbook(XLSX_TEMPLATE, read_only=True)
    titles = {
        kind: str(next(wb[sheet].iter_rows(min_row=2, max_row=2, values_only=True))[0])
        for sheet, kind in TABLE_SHEETS.items()
    }
    tables = tuple(
        attrs.evolve(
            t,
            rows=_one_column(t),
            meta=attrs.evolve(
                t.meta,
                title=titles[t.KIND].replace("2026", str(d.year)),
                precision=_printed_precision(t),
            ),
        )
        for t in d.tables
    )
    # The strategy leaves ``kind`` at its default; the template is a 预算 and says so.
    return attrs.evolve(d, tables=tables, title=f"上海市普陀区{d.year}年区级部门预算", kind="预算")


def _printed_precision(table: Table) -> Decimal:
    """The last place a print of ``table`` shows: a 元 table of nothing but zeros and blanks
    says nothing of its places, and a reader takes the default 0.01 for it."""
    if table.meta.unit.value == "元" and all(not v for r in table.rows for v in r.values.values()):
        return Decimal("0.01")
    return table.meta.precision


def _one_column(table: Table) -> tuple[object, ...]:
    """The 部门 template's 收支总表 prints one 预算数 per expenditure line: a generated 单位-form
    split (基本支出, 人员经费, 公用经费, 项目支出) has no column there and is left out."""
    if table.KIND != "财务收支预算总表":
        return table.rows
    return tuple(
        attrs.evolve(r, values={"合计": r.values.get("合计")})
        if r.code is not None or r.key == "支出总计"
        else r
        for r in table.rows
    )


def _by_key(table: Table) -> dict[str, tuple[object, ...]]:
    """Rows by key: code, figures (blank cells left out) and, for a coded row, its name."""
    return {
        r.key: (
            r.code,
            {c: v for c, v in r.values.items() if v is not None},
            r.name if r.code else None,
        )
        for r in table.rows
    }


@settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck))
@given(budget=budget_disclosures("上海"))
def test_generated_budget_fills_the_template_and_reads_back(budget, tmp_path_factory):
    d = _printed(budget)
    path = fill_template(d, tmp_path_factory.mktemp("generated") / "预算.xlsx")
    result = read_path(path)
    assert result.errors == ()
    got = result.disclosure
    assert [type(t) for t in got.tables] == [type(t) for t in d.tables]
    for a, b in zip(got.tables, d.tables, strict=True):
        assert _by_key(a) == _by_key(b), a.KIND
    assert (got.kind, got.year, got.department) == (d.kind, d.year, d.department)

    def key(f):
        return (f.rule_id, str(f.place), f.message)

    # The same findings (the template's own 编制说明 text aside): rule, place and severity.
    # (A figure's slack may differ: the reader tells a 元 table's last place from its print.)
    def seen(report):
        return sorted((f.rule_id, f.place, f.severity.value) for f in report.findings)

    assert seen(govfin.check(_without_narrative(got))) == seen(govfin.check(_without_narrative(d)))
