"""Broken workbooks give a typed ReadError naming the file, never a traceback from below.

Empty, not a workbook (random bytes, HTML saved as .xls, a zip or OLE file of another kind),
damaged (cut short at many points, a corrupt part), password-protected (an encrypted .xlsx is
an OLE container with EncryptionInfo and EncryptedPackage streams; an encrypted .xls carries a
FILEPASS record: both built here by hand, see test_excel_fixtures.compound), and python-calamine
missing.  The .xls hidden rows and columns are tested here too, by flagging a ROW or COLINFO
record of the template and re-packing it.
"""

from __future__ import annotations

import builtins
import io
import random
import struct
import zipfile

import pytest
from openpyxl.styles import Border, Side
from openpyxl.utils import get_column_letter
from test_excel_fixtures import (
    XLS_TEMPLATE,
    XLSX_TEMPLATE,
    biff_records,
    compound,
    sheet_offsets,
    workbook_stream,
    xlsx,
)

from govfin.readers.errors import ReadError
from govfin.readers.excel import (
    MAX_CELLS,
    DamagedWorkbookError,
    EmptyWorkbookError,
    EncryptedWorkbookError,
    ExcelSupportMissingError,
    NotAWorkbookError,
    WorkbookError,
    WorkbookTooLargeError,
    extract_workbook,
)


def _raises(cls: type[WorkbookError], data: bytes, name: str = "预算.xlsx") -> WorkbookError:
    with pytest.raises(cls) as info:
        extract_workbook(data, name=name)
    err = info.value
    assert isinstance(err, ReadError) and isinstance(err, ValueError)
    assert err.where == name and str(err).startswith(f"{name}: ")
    assert err.__cause__ is None  # no chained traceback
    assert err.__context__ is None or err.__suppress_context__
    return err


def test_empty_file():
    err = _raises(EmptyWorkbookError, b"")
    assert "empty" in str(err)


def test_empty_file_on_disk_names_the_file(tmp_path):
    path = tmp_path / "空.xls"
    path.write_bytes(b"")
    with pytest.raises(EmptyWorkbookError, match=r"^空\.xls: "):
        extract_workbook(path)


@pytest.mark.parametrize("seed", range(5))
def test_random_bytes_are_not_a_workbook(seed):
    data = random.Random(seed).randbytes(2000)
    _raises(NotAWorkbookError, data)


def test_html_saved_as_xls():
    data = "<html><body><table><tr><td>收入</td></tr></table></body></html>".encode()
    err = _raises(NotAWorkbookError, data, "决算.xls")
    assert "HTML" in str(err)


def test_text_file():
    _raises(NotAWorkbookError, "科目编码\t科目名称\n201\t一般公共服务支出\n".encode())


def test_zip_that_is_not_a_workbook():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("word/document.xml", "<w:document/>")
    err = _raises(NotAWorkbookError, out.getvalue(), "说明.docx")
    assert "xl/workbook.xml" in str(err)


def test_xlsb_is_named():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("xl/workbook.bin", b"\0")
    assert ".xlsb" in str(_raises(NotAWorkbookError, out.getvalue()))


def test_ole_file_without_a_workbook_stream():
    data = compound({"WordDocument": b"\0" * 100})
    assert "Workbook stream" in str(_raises(NotAWorkbookError, data, "说明.doc"))


@pytest.mark.parametrize("template", [XLSX_TEMPLATE, XLS_TEMPLATE], ids=["xlsx", "xls"])
def test_cut_short_at_many_points(template):
    data = template.read_bytes()
    for cut in (9, 100, 511, 600, len(data) // 3, len(data) // 2, len(data) - 100, len(data) - 1):
        with pytest.raises(WorkbookError) as info:
            extract_workbook(data[:cut], name=template.name)
        assert type(info.value) in (DamagedWorkbookError, NotAWorkbookError), cut
        assert str(info.value).startswith(template.name)


@pytest.mark.parametrize("seed", range(12))
def test_random_damage_raises_only_workbook_errors(seed):
    """Flipped bytes: either the damage goes unnoticed (rows come back) or a WorkbookError."""
    rng = random.Random(seed)
    template = XLSX_TEMPLATE if seed % 2 else XLS_TEMPLATE
    data = bytearray(template.read_bytes())
    for _ in range(rng.randint(1, 40)):
        data[rng.randrange(len(data))] = rng.randrange(256)
    try:
        result = extract_workbook(bytes(data), name=template.name)
    except WorkbookError as err:
        assert str(err).startswith(template.name)
    else:
        assert all(isinstance(c, str) for r in result.rows for c in r.cells)


def test_corrupt_sheet_xml():
    def build(wb):
        wb.active.append([1, 2])

    data = xlsx(build)
    zin = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zout:
        for info in zin.infolist():
            raw = zin.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                raw = raw[: len(raw) // 2]  # the XML stops mid-element
            zout.writestr(info, raw)
    _raises(DamagedWorkbookError, out.getvalue())


def test_garbage_workbook_stream_in_a_valid_ole_file():
    data = compound({"Workbook": random.Random(1).randbytes(5000)})
    _raises(DamagedWorkbookError, data, "预算.xls")


def test_a_stray_value_far_away_is_refused_before_the_grid_is_built():
    def build(wb):
        ws = wb.active
        ws.title = "收入"
        ws["A1"] = "标题"
        ws.cell(5000, 1200).value = 1  # 5000 x 1200 = 6 million cells

    assert 5000 * 1200 > MAX_CELLS
    err = _raises(WorkbookTooLargeError, xlsx(build))
    assert "sheet 收入" in str(err) and f"{get_column_letter(1200)}5000" in str(err)


def test_a_large_styled_but_empty_area_is_not_refused():
    def build(wb):
        ws = wb.active
        ws["A1"] = "标题"
        ws.cell(5000, 1200).border = Border(left=Side(style="thin"))  # styled, no value

    result = extract_workbook(xlsx(build), name="t.xlsx")
    assert [r.cells for r in result.rows] == [("标题",)]


# --- encrypted ------------------------------------------------------------------------------
def test_encrypted_xlsx_container():
    # An agile-encrypted workbook: version 4.4 EncryptionInfo, then the encrypted package.
    info = struct.pack("<HHI", 4, 4, 0x40) + b"<?xml version='1.0'?><encryption/>"
    package = struct.pack("<Q", 10000) + random.Random(2).randbytes(10000)
    data = compound({"EncryptionInfo": info, "EncryptedPackage": package})
    err = _raises(EncryptedWorkbookError, data, "部门预算.xlsx")
    assert "password" in str(err)


def test_encrypted_xls_filepass():
    stream = workbook_stream(XLS_TEMPLATE.read_bytes())
    _pos, rtype, size = next(biff_records(stream))
    assert rtype == 0x0809  # BOF
    # FILEPASS right after the globals' BOF (MS-XLS 2.4.117): RC4, version 1.1, salt and
    # verifier left zero (the reader must stop at the record, not decrypt).
    filepass = struct.pack("<HHHHH", 0x002F, 54, 1, 1, 1) + b"\0" * 48
    cut = 4 + size
    encrypted = stream[:cut] + filepass + stream[cut:]
    err = _raises(EncryptedWorkbookError, compound({"Workbook": encrypted}), "单位预算.xls")
    assert "password" in str(err)


# --- calamine missing -----------------------------------------------------------------------
def test_missing_calamine_says_how_to_install(monkeypatch):
    real_import = builtins.__import__

    def no_calamine(name, *args, **kwargs):
        if name == "python_calamine" or name.startswith("python_calamine."):
            raise ImportError("No module named 'python_calamine'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_calamine)
    with pytest.raises(ExcelSupportMissingError) as info:
        extract_workbook(XLSX_TEMPLATE)
    assert "pip install 'govfin[excel]'" in str(info.value)
    assert isinstance(info.value, ImportError) and isinstance(info.value, ReadError)


# --- .xls: hidden rows from the BIFF records ------------------------------------------------
def _with_row_flag(stream: bytes, sheet: str, row: int, mask: int) -> bytes:
    """The stream with ``mask`` or-ed into the grbit of ``sheet``'s ROW record for ``row``."""
    out = bytearray(stream)
    for pos, rtype, _size in biff_records(stream, sheet_offsets(stream)[sheet]):
        if rtype == 0x0208 and struct.unpack_from("<H", stream, pos + 4)[0] == row:
            flags = struct.unpack_from("<H", stream, pos + 4 + 12)[0]
            struct.pack_into("<H", out, pos + 4 + 12, flags | mask)
            return bytes(out)
    raise AssertionError(f"no ROW record for row {row} in {sheet}")


def test_xls_hidden_row_is_skipped_and_its_figure_reported():
    stream = workbook_stream(XLS_TEMPLATE.read_bytes())
    # Row 9 of 单位收入总表 (0-based 8): 205 | | | 教育支出.  0x20 = fDyZero, the row is hidden.
    hidden = compound({"Workbook": _with_row_flag(stream, "单位收入总表", 8, 0x20)})
    plain = extract_workbook(compound({"Workbook": stream}), name="t.xls")
    result = extract_workbook(hidden, name="t.xls")
    before = {r.row for r in plain.sheet("单位收入总表")}
    after = {r.row for r in result.sheet("单位收入总表")}
    assert 9 in before and before - after == {9}
    assert [(p.kind, p.sheet, p.ref, p.text) for p in result.problems] == [
        ("hidden-figure", "单位收入总表", "A9", "205")
    ]
    assert plain.problems == ()


def _with_colinfo_hidden(stream: bytes, sheet: str, first_col: int) -> bytes:
    """The stream with the COLINFO record starting at ``first_col`` marked hidden (fHidden)."""
    out = bytearray(stream)
    for pos, rtype, _size in biff_records(stream, sheet_offsets(stream)[sheet]):
        if rtype == 0x007D and struct.unpack_from("<H", stream, pos + 4)[0] == first_col:
            flags = struct.unpack_from("<H", stream, pos + 4 + 8)[0]
            struct.pack_into("<H", out, pos + 4 + 8, flags | 1)
            return bytes(out)
    raise AssertionError(f"no COLINFO record from column {first_col} in {sheet}")


def test_xls_hidden_columns_are_skipped_and_a_merge_moves_right():
    stream = workbook_stream(XLS_TEMPLATE.read_bytes())
    # The template's 单位收入总表 has one COLINFO record for D and one for E: hide both.
    stream = _with_colinfo_hidden(
        _with_colinfo_hidden(stream, "单位收入总表", 3), "单位收入总表", 4
    )
    result = extract_workbook(compound({"Workbook": stream}), name="t.xls")
    rows = {r.row: r for r in result.sheet("单位收入总表")}
    # 收入预算 is merged over E6:I6; with E hidden it shows in F6, the first visible cell.
    assert rows[6].cells == ("项目", "", "", "收入预算", "", "", "")
    assert rows[6].refs == ("A6", "B6", "C6", "F6", "G6", "H6", "I6")
    assert rows[7].cells == ("功能分类科目编码", "", "", "财政拨款收入", "事业收入",
                             "事业单位\n经营收入", "其他收入")  # fmt: skip
    # Hidden D and E hold text (names, 合计) and blank amounts: no figure to report.
    assert result.problems == ()
    # Other sheets keep all their columns.
    other = {r.row: r.cells for r in result.sheet("单位支出总表")}
    assert other[7][3:5] == ("功能分类科目名称", "合计")
