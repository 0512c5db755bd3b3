"""``govfin check`` on workbooks: blank templates, filled copies, and broken workbooks.

A broken workbook (damaged, password-protected, a sheet renamed, a column inserted, a header
cell or a title changed) gives a clear message naming the file (and the sheet and cell) and
exit status 2, or findings — never a traceback.
"""

from __future__ import annotations

import random
import struct
from pathlib import Path

import openpyxl
import pytest
from test_excel_documents import PDF, fill_template
from test_excel_fixtures import XLS_TEMPLATE, XLSX_TEMPLATE, compound, workbook_stream

from govfin.cli import EXIT_ERROR, EXIT_FINDINGS, main
from govfin.readers.files import read_path


def run(capsys: pytest.CaptureFixture[str], path: Path) -> tuple[int, str, str]:
    status = main(["check", str(path)])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return status, out, err


@pytest.fixture(scope="module")
def filled(tmp_path_factory) -> Path:
    d = read_path(PDF).disclosure
    return fill_template(d, tmp_path_factory.mktemp("check") / "部门预算.xlsx")


def _edited(filled: Path, tmp_path: Path, edit) -> Path:
    wb = openpyxl.load_workbook(filled)
    edit(wb)
    out = tmp_path / filled.name
    wb.save(out)
    return out


def _tables(path: Path) -> list[tuple[str, list[tuple[object, ...]]]]:
    d = read_path(path).disclosure
    return [(t.KIND, [(r.key, r.code, dict(r.values)) for r in t.rows]) for t in d.tables]


@pytest.mark.parametrize("template", [XLSX_TEMPLATE, XLS_TEMPLATE], ids=["xlsx", "xls"])
def test_blank_template_is_read_cleanly(capsys, template):
    status, out, err = run(capsys, template)
    assert err == ""  # no read error, no unrecognised line
    # Template residue in the 编制说明 is an error finding: exit 1, not 2 (nothing unread).
    assert status == EXIT_FINDINGS
    sheets = 17 if template.suffix == ".xlsx" else 16
    assert f"· {template.name} ({sheets} sheets)" in out
    assert "read: 9 table(s)" in out and "NOT read" not in out
    assert "template placeholders (not figures) in " in out
    assert f"{template.name} {'部门' if sheets == 17 else '单位'}收入总表!A12" in out


def test_filled_template_is_read_cleanly(capsys, filled):
    status, out, err = run(capsys, filled)
    assert err == "" and status == EXIT_FINDINGS  # the template's 编制说明 text is left in
    assert "read: 9 table(s)" in out and "template placeholders" not in out


# --- damaged or protected files: one line on stderr, exit 2 ---------------------------------
def _one_error(capsys, path: Path, *words: str) -> str:
    status, out, err = run(capsys, path)
    assert status == EXIT_ERROR
    assert out == ""
    (line,) = err.splitlines()
    assert line.startswith(f"govfin: error: {path.name}: "), line
    for w in words:
        assert w in line, line
    return line


@pytest.mark.parametrize("template", [XLSX_TEMPLATE, XLS_TEMPLATE], ids=["xlsx", "xls"])
def test_cut_short(capsys, tmp_path, template):
    data = template.read_bytes()
    path = tmp_path / template.name
    path.write_bytes(data[: len(data) // 2])
    _one_error(capsys, path)


def test_password_protected_xlsx(capsys, tmp_path):
    info = struct.pack("<HHI", 4, 4, 0x40) + b"<?xml version='1.0'?><encryption/>"
    package = struct.pack("<Q", 10000) + random.Random(3).randbytes(10000)
    path = tmp_path / "部门预算.xlsx"
    path.write_bytes(compound({"EncryptionInfo": info, "EncryptedPackage": package}))
    _one_error(capsys, path, "password")


def test_password_protected_xls(capsys, tmp_path):
    stream = workbook_stream(XLS_TEMPLATE.read_bytes())
    size = struct.unpack_from("<H", stream, 2)[0]  # the globals' BOF record
    filepass = struct.pack("<HHHHH", 0x002F, 54, 1, 1, 1) + b"\0" * 48
    path = tmp_path / "单位预算.xls"
    path.write_bytes(compound({"Workbook": stream[: 4 + size] + filepass + stream[4 + size :]}))
    _one_error(capsys, path, "password")


def test_not_a_workbook_named_xlsx(capsys, tmp_path):
    path = tmp_path / "部门预算.xlsx"
    path.write_bytes(b"PK\x03\x04" + random.Random(4).randbytes(3000))
    _one_error(capsys, path)


# --- edited layouts ------------------------------------------------------------------------
def test_renamed_sheet_changes_nothing(capsys, tmp_path, filled):
    """Tables are told by title and header, never by the sheet's name."""

    def rename(wb):
        wb["部门收入总表"].title = "Sheet1"

    path = _edited(filled, tmp_path, rename)
    assert _tables(path) == _tables(filled)
    status, _out, err = run(capsys, path)
    assert err == "" and status == EXIT_FINDINGS


def test_inserted_column_is_reported_at_its_cells(capsys, tmp_path, filled):
    path = _edited(filled, tmp_path, lambda wb: wb["部门收入总表"].insert_cols(5))
    status, out, err = run(capsys, path)
    assert status == EXIT_ERROR
    first = err.splitlines()[0]
    assert first.startswith(f"govfin: error: {path.name} 部门收入总表!A9, line ")
    assert "收入预算总表（上海）" in first and "where the header has" in first
    # The shifted figures would break the rules: the table is not read whole, so the findings
    # resting on it are withheld, and the read problem says so at the row's sheet and cell.
    assert f"[error] READ-cells 收入预算总表（上海）, {path.name} 部门收入总表!A9, line " in out
    assert "[error] BS02-1 收入预算总表（上海）, row 201" not in out and "withheld" in out


def test_changed_header_cell_is_reported(capsys, tmp_path, filled):
    def edit(wb):
        wb["部门收入总表"]["F7"] = "财政拨款"

    path = _edited(filled, tmp_path, edit)
    status, _out, err = run(capsys, path)
    assert status == EXIT_ERROR
    (line,) = [ln for ln in err.splitlines() if "header" in ln]
    assert f"{path.name} 部门收入总表!A" in line and "'财政拨款'" in line


def test_changed_title_leaves_the_table_unread_and_says_where(capsys, tmp_path, filled):
    def edit(wb):
        wb["部门收入总表"]["A2"] = "2025年部门收入表"

    path = _edited(filled, tmp_path, edit)
    status, out, err = run(capsys, path)
    assert status == EXIT_ERROR
    assert f"unread: 2025年部门收入表 ({path.name} 部门收入总表!A2)" in out
    assert "read: 8 table(s)" in out
    assert err.startswith(f"govfin: error: {path.name} 部门收入总表!A2, line ")
