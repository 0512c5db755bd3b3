"""Excel workbooks (.xlsx, .xls) -> the row-and-cell layer (:class:`SourceRow`).

This module is over 600 lines because it holds, beside the calamine-based cell reader, the
two small structure readers (the .xlsx XML parts, the .xls BIFF records) that tell what
calamine does not: hidden rows and columns, borders, missing cached values, encryption.

Before a disclosure is published as a PDF, each unit fills its tables in a workbook issued by
the finance bureau; some governments also publish the tables as workbooks.
:func:`extract_workbook` turns such a workbook into the rows a person sees, sheet by sheet,
each row knowing its sheet, its row number and the reference of every cell
(``收入预算总表!D12``).  Cell values come from python-calamine (MIT; the optional extra
``govfin[excel]``), which reads both formats; the few facts it does not expose — hidden rows
and columns, cell borders, formulas without a cached value, encryption — are read here from
the file itself (the xlsx XML parts; the .xls compound file and its BIFF8 records).

What a person sees, and so what the rows hold:

- every visible sheet, in workbook order; a blank sheet gives no rows;
- each row's cells from the sheet's first used column; a row ends at its last cell that holds
  text or is drawn (has a border), so a title merged across the page is a one-cell row while a
  table row keeps its blank, ruled cells; rows without text are left out, except a ruled
  row of a blank form (two or more drawn cells), kept as a row of empty cells as a PDF's is;
- a merged range: its value in its first visible cell, the rest ``""``;
- hidden rows and columns are left out; a hidden cell that carries a figure is reported;
- numbers as Excel shows them (15 significant digits, no float artefacts, integers without
  ``.0``); text as stored (numbers stored as text stay text); dates as ISO text; ``TRUE`` and
  ``FALSE``; a formula by its cached value (a formula without one is reported, its cell blank);
  an error value (``#REF!``) as its text, reported.

Anything worth a reader's attention that is not an error is a :class:`WorkbookProblem`,
returned beside the rows in :class:`WorkbookRows`.  A file that cannot be read at all raises
a :class:`WorkbookError` (a :class:`~govfin.readers.errors.ReadError`) naming the file.

>>> cell_ref(11, 3)
'D12'
>>> number_text(0.1 + 0.2), number_text(1234.5), number_text(205.0), number_text(1e-7)
('0.3', '1234.5', '205', '0.0000001')
"""

from __future__ import annotations

import datetime
import functools
import io
import math
import os
import re
import struct
import zipfile
import zlib
from collections.abc import Iterator
from decimal import Decimal
from typing import Any
from xml.etree import ElementTree

import attrs

from govfin._lazy import define, frozen
from govfin.errors import GovfinError
from govfin.readers.errors import ReadError
from govfin.readers.source import SourceRow

__all__ = [
    "MAX_CELLS",
    "DamagedWorkbookError",
    "EmptyWorkbookError",
    "EncryptedWorkbookError",
    "ExcelSupportMissingError",
    "NotAWorkbookError",
    "WorkbookError",
    "WorkbookProblem",
    "WorkbookRows",
    "WorkbookTooLargeError",
    "cell_ref",
    "extract_workbook",
    "number_text",
]

INSTALL_HINT = "pip install 'govfin[excel]'"

#: The largest used area (rows x columns from A1) read from one sheet.  The values of a sheet
#: are held as a dense grid (in python-calamine and here), so one stray value far away (say at
#: XFD1048576) would need gigabytes; a filing template uses a few thousand cells.
MAX_CELLS = 5_000_000


# --- errors ---------------------------------------------------------------------------------
class WorkbookError(ReadError):
    """A workbook that cannot be read; ``where`` names the file."""


class EmptyWorkbookError(WorkbookError):
    """The file is empty (0 bytes)."""


class NotAWorkbookError(WorkbookError):
    """The file is not an Excel workbook (another zip or OLE document, HTML, text, ...)."""


class DamagedWorkbookError(WorkbookError):
    """The file looks like a workbook but cannot be read (truncated, corrupt)."""


class EncryptedWorkbookError(WorkbookError):
    """The workbook is password-protected (encrypted); save it without a password first."""


class WorkbookTooLargeError(WorkbookError):
    """A sheet whose used area (A1 to its last value) exceeds :data:`MAX_CELLS` cells."""


class ExcelSupportMissingError(WorkbookError, ImportError):
    """python-calamine is not installed: ``pip install 'govfin[excel]'``."""


# --- results --------------------------------------------------------------------------------
@frozen
class WorkbookProblem:
    """Something in a workbook a reader should know of, at a place: not an error.

    ``kind`` is one of ``"hidden-figure"`` (a hidden row or column holds a figure),
    ``"hidden-sheet"`` (a hidden sheet holds figures), ``"formula-without-value"`` (a formula
    whose result was never saved: the cell reads blank), ``"error-value"`` (the cell shows an
    error such as ``#REF!``, which is also its text).  ``ref`` is the cell ("D12"), None
    for a whole sheet; ``text`` the cell's text (or the formula).

    >>> WorkbookProblem("hidden-figure", "收入预算总表", "D12", "hidden row", "12.5").where
    '收入预算总表!D12'
    """

    kind: str
    sheet: str
    ref: str | None
    message: str
    text: str | None = None
    file: str | None = None

    @property
    def where(self) -> str:
        """The place as Excel writes it: ``"收入预算总表!D12"`` (the sheet alone without a cell)."""
        place = f"{self.sheet}!{self.ref}" if self.ref else self.sheet
        return f"{self.file}: {place}" if self.file else place

    def __str__(self) -> str:
        shown = f" | {self.text!r}" if self.text is not None else ""
        return f"{self.where}: {self.message}{shown}"


@frozen
class WorkbookRows:
    """The rows of a workbook (:class:`SourceRow`, sheet by sheet) and its problems.

    Iterating or indexing a WorkbookRows goes over its rows.
    """

    rows: tuple[SourceRow, ...]
    problems: tuple[WorkbookProblem, ...] = ()
    file: str | None = None
    sheets: tuple[str, ...] = ()

    def __iter__(self) -> Iterator[SourceRow]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def __getitem__(self, index: int) -> SourceRow:
        return self.rows[index]

    def sheet(self, name: str) -> list[SourceRow]:
        """The rows of one sheet, top to bottom."""
        return [r for r in self.rows if r.sheet == name]


# --- cell text ------------------------------------------------------------------------------
def cell_ref(row: int, col: int) -> str:
    """The A1 reference of a 0-based (row, column): ``cell_ref(0, 27) == "AB1"``."""
    letters = ""
    n = col + 1
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(65 + rem) + letters
    return f"{letters}{row + 1}"


def number_text(value: float) -> str:
    """A number as Excel shows it: at most 15 significant digits, never an exponent.

    Excel keeps 15 significant digits, so a float such as ``0.1 + 0.2`` (stored as
    0.30000000000000004) reads ``"0.3"``; integral values read without ``.0``.
    """
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if not math.isfinite(value):
        return str(value)
    text = format(Decimal(f"{value:.15g}"), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (int, float)):
        return number_text(value)
    if isinstance(value, datetime.datetime):
        if value.time() == datetime.time():
            return value.date().isoformat()
        return value.isoformat()
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, datetime.timedelta):
        secs = int(value.total_seconds())
        sign = "-" if secs < 0 else ""
        h, rest = divmod(abs(secs), 3600)
        return f"{sign}{h}:{rest // 60:02d}:{rest % 60:02d}"
    return str(value)


_FIGURE = re.compile(r"[+-]?[\d,，]*\d(?:\.\d+)?%?")


def _is_figure(value: Any) -> bool:
    """A number, or text that reads as one ("1,234.50")."""
    if isinstance(value, bool):
        return False
    if isinstance(value, (int, float)):
        return True
    return isinstance(value, str) and _FIGURE.fullmatch(value.strip()) is not None


# --- layout facts not exposed by calamine -----------------------------------------------
@define
class _Layout:
    """Per sheet: hidden rows/columns, drawn (bordered) cells, formulas without a value."""

    hidden_rows: set[int] = attrs.field(factory=set)
    shown_rows: set[int] = attrs.field(factory=set)  # explicit rows when hidden by default
    rows_hidden_by_default: bool = False
    hidden_cols: set[int] = attrs.field(factory=set)
    drawn: set[tuple[int, int]] = attrs.field(factory=set)
    no_value: dict[tuple[int, int], str] = attrs.field(factory=dict)
    errors: dict[tuple[int, int], str] = attrs.field(factory=dict)  # "#DIV/0!" ...
    extent: tuple[int, int] = (-1, -1)  # the last row and column holding a value

    def hold(self, row: int, col: int) -> None:
        """Note a cell holding a value, for the sheet's extent."""
        er, ec = self.extent
        if row > er or col > ec:
            self.extent = (max(row, er), max(col, ec))

    def row_hidden(self, r: int) -> bool:
        if self.rows_hidden_by_default:
            return r not in self.shown_rows
        return r in self.hidden_rows


class _Damaged(GovfinError):
    """Internal: the structure parsers met something they cannot read."""


# xlsx ---------------------------------------------------------------------------------------
_REF = re.compile(r"([A-Z]+)(\d+)")


@functools.lru_cache(maxsize=4096)
def _column(letters: str) -> int:
    col = 0
    for ch in letters:
        col = col * 26 + ord(ch) - 64
    return col - 1


def _parse_ref(ref: str) -> tuple[int, int]:
    """0-based (row, column) of an A1 reference."""
    m = _REF.fullmatch(ref)
    if not m:
        m = _REF.fullmatch(ref.replace("$", "").upper())
        if not m:
            raise _Damaged(f"bad cell reference {ref!r}")
    return int(m.group(2)) - 1, _column(m.group(1))


def _named(root: ElementTree.Element, local: str) -> Iterator[ElementTree.Element]:
    """The elements under ``root`` called ``local`` in whatever namespace (transitional, strict)."""
    for el in root.iter():
        if el.tag == local or el.tag.endswith("}" + local):
            yield el


def _child(el: ElementTree.Element, local: str) -> ElementTree.Element | None:
    return next((c for c in el if c.tag == local or c.tag.endswith("}" + local)), None)


def _xlsx_layouts(zf: zipfile.ZipFile) -> dict[str, _Layout]:
    """Sheet name -> layout, read from the xlsx parts."""
    wb = ElementTree.fromstring(zf.read("xl/workbook.xml"))
    try:
        rels = ElementTree.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
    except KeyError:
        rels = ElementTree.Element("Relationships")
    targets = {}
    for rel in _named(rels, "Relationship"):
        target = rel.get("Target", "")
        target = target.lstrip("/") if target.startswith("/") else "xl/" + target
        targets[rel.get("Id")] = os.path.normpath(target).replace(os.sep, "/")
    bordered = _xlsx_bordered_styles(zf)
    names = set(zf.namelist())
    out = {}
    for sheet in _named(wb, "sheet"):
        rid = next((v for k, v in sheet.attrib.items() if k.endswith("}id")), None)
        part = targets.get(rid)
        if part in names:
            out[sheet.get("name", "")] = _xlsx_sheet_layout(zf.read(part), bordered)
    return out


def _xlsx_bordered_styles(zf: zipfile.ZipFile) -> set[int]:
    """The indexes of cellXfs styles that draw a border."""
    try:
        styles = ElementTree.fromstring(zf.read("xl/styles.xml"))
    except KeyError:
        return set()
    borders = _child(styles, "borders")
    with_line = set()
    for i, border in enumerate(borders if borders is not None else ()):
        for side in ("left", "right", "top", "bottom"):
            el = _child(border, side)
            if el is not None and el.get("style") not in (None, "none"):
                with_line.add(i)
                break
    xfs = _child(styles, "cellXfs")
    return {
        i
        for i, xf in enumerate(xfs if xfs is not None else ())
        if int(xf.get("borderId") or 0) in with_line
    }


def _xlsx_sheet_layout(xml: bytes, bordered: set[int]) -> _Layout:
    """One sheet's layout from its XML (any SpreadsheetML namespace, transitional or strict)."""
    m = re.search(rb'xmlns="([^"]+)"', xml[:4096])
    ns = "{" + m.group(1).decode() + "}" if m else ""
    row_tag, c_tag, f_tag, v_tag = f"{ns}row", f"{ns}c", f"{ns}f", f"{ns}v"
    col_tag, format_tag = f"{ns}col", f"{ns}sheetFormatPr"
    lay = _Layout()
    root = ElementTree.fromstring(xml)  # the C parser builds the tree faster than iterparse
    for el in root:
        if el.tag == format_tag:
            lay.rows_hidden_by_default = el.get("zeroHeight") in ("1", "true")
        elif el.tag == f"{ns}cols":
            for col_el in el:
                if col_el.tag == col_tag and col_el.get("hidden") in ("1", "true"):
                    lo, hi = int(col_el.get("min", "1")), int(col_el.get("max", "1"))
                    lay.hidden_cols.update(range(lo - 1, min(hi, 16384)))
    data = root.find(f"{ns}sheetData")
    row = -1
    for row_el in data if data is not None else ():
        if row_el.tag != row_tag:
            continue
        r = row_el.get("r")
        row = int(r) - 1 if r else row + 1
        if row_el.get("hidden") in ("1", "true"):
            lay.hidden_rows.add(row)
        else:
            lay.shown_rows.add(row)
        col = -1
        for c in row_el:
            if c.tag != c_tag:
                continue
            ref = c.get("r")
            col = _parse_ref(ref)[1] if ref else col + 1
            if bordered and int(c.get("s") or 0) in bordered:
                lay.drawn.add((row, col))
            if not len(c):
                continue
            lay.hold(row, col)
            f = c.find(f_tag)
            t = c.get("t")
            if f is not None:
                v = c.find(v_tag)
                # No <v>, or an empty one (openpyxl writes <v/>): never calculated.  An
                # empty <v> is a result only for a text formula (t="str"): =IF(A1,"","x").
                if (v is None or not v.text) and t != "str":
                    lay.no_value[(row, col)] = "=" + (f.text or "")
            if t == "e":
                v = c.find(v_tag)
                lay.errors[(row, col)] = (v.text if v is not None else None) or "#VALUE!"
    return lay


# xls: the OLE compound file (MS-CFB) and its BIFF8 records (MS-XLS) -----------------------
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_END_OF_CHAIN = 0xFFFFFFFE
_FREE = 0xFFFFFFFF


class _Compound:
    """A minimal reader of an OLE compound file: its stream names and their bytes."""

    def __init__(self, data: bytes):
        if len(data) < 512 or data[:8] != OLE_MAGIC:
            raise _Damaged("compound file header cut short")
        self.data = data
        self.ssz = 1 << struct.unpack_from("<H", data, 0x1E)[0]
        self.mssz = 1 << struct.unpack_from("<H", data, 0x20)[0]
        if self.ssz not in (512, 4096) or self.mssz > self.ssz:
            raise _Damaged("bad sector size")
        n_fat, first_dir = struct.unpack_from("<II", data, 0x2C)
        self.cutoff, first_mini, n_mini, first_difat, n_difat = struct.unpack_from(
            "<IIIII", data, 0x38
        )
        difat = list(struct.unpack_from("<109I", data, 0x4C))
        sector = first_difat
        per = self.ssz // 4 - 1
        for _ in range(n_difat):
            if sector >= _END_OF_CHAIN:
                break
            chunk = self._sector(sector)
            difat.extend(struct.unpack_from(f"<{per}I", chunk))
            sector = struct.unpack_from("<I", chunk, per * 4)[0]
        fat: list[int] = []
        for s in difat[:n_fat]:
            if s >= _END_OF_CHAIN:
                continue
            fat.extend(struct.unpack(f"<{self.ssz // 4}I", self._sector(s)))
        self.fat = fat
        used = [i for i, nxt in enumerate(fat) if nxt != _FREE]
        if used and (used[-1] + 2) * self.ssz > len(data):
            raise _Damaged("the file is cut short: its last sectors are missing")
        dirs = self._chain(first_dir, self.fat, self._sector)
        self.entries: dict[str, tuple[int, int, int]] = {}  # name -> (type, start, size)
        self.root: tuple[int, int] = (0, 0)
        for off in range(0, len(dirs) - 127, 128):
            name_len, kind = struct.unpack_from("<HB", dirs, off + 0x40)
            if kind not in (1, 2, 5) or name_len > 64:
                continue
            name = dirs[off : off + max(name_len - 2, 0)].decode("utf-16-le", "replace")
            start, size = struct.unpack_from("<II", dirs, off + 0x74)
            if kind == 5:
                self.root = (start, size)
            else:
                self.entries.setdefault(name, (kind, start, size))
        mini_fat_bytes = self._chain(first_mini, self.fat, self._sector) if n_mini else b""
        self.minifat = list(struct.unpack(f"<{len(mini_fat_bytes) // 4}I", mini_fat_bytes))
        self._ministream: bytes | None = None

    def _sector(self, n: int) -> bytes:
        off = (n + 1) * self.ssz
        if off >= len(self.data):  # (the last sector may be short: files written unpadded)
            raise _Damaged(f"sector {n} beyond the end of the file")
        return self.data[off : off + self.ssz]

    def _chain(self, start: int, fat: list[int], read: Any) -> bytes:
        out = []
        seen = set()
        s = start
        while s < _END_OF_CHAIN:
            if s in seen or s >= len(fat):
                raise _Damaged("broken sector chain")
            seen.add(s)
            out.append(read(s))
            s = fat[s]
        return b"".join(out)

    def has(self, name: str) -> bool:
        return name in self.entries

    def stream(self, name: str) -> bytes:
        _kind, start, size = self.entries[name]
        if size < self.cutoff:
            if self._ministream is None:
                self._ministream = self._chain(self.root[0], self.fat, self._sector)
            mini = self._ministream

            def read_mini(n: int) -> bytes:
                return mini[n * self.mssz : (n + 1) * self.mssz]

            data = self._chain(start, self.minifat, read_mini)
        else:
            data = self._chain(start, self.fat, self._sector)
        if len(data) < size:
            raise _Damaged(f"stream {name} cut short")
        return data[:size]


_BOF, _EOF, _FILEPASS, _BOUNDSHEET, _XF = 0x0809, 0x000A, 0x002F, 0x0085, 0x00E0
_ROW, _COLINFO, _DEFROWHEIGHT = 0x0208, 0x007D, 0x0225
_MULRK, _MULBLANK = 0x00BD, 0x00BE
_CELLS = {0x0201, 0x0203, 0x0204, 0x0205, 0x027E, 0x00FD, 0x0006}  # BLANK NUMBER ... FORMULA
_BLANK, _BOOLERR, _FORMULA = 0x0201, 0x0205, 0x0006
#: BIFF error codes -> the text Excel shows (MS-XLS 2.5.97.2, BErr).
_BIFF_ERRORS = {
    0x00: "#NULL!", 0x07: "#DIV/0!", 0x0F: "#VALUE!", 0x17: "#REF!",
    0x1D: "#NAME?", 0x24: "#NUM!", 0x2A: "#N/A",
}  # fmt: skip


def _records(stream: bytes, pos: int = 0) -> Iterator[tuple[int, int, bytes]]:
    """(offset, type, body) of the BIFF records from ``pos`` to the end of the substream."""
    end = len(stream)
    while pos + 4 <= end:
        rtype, size = struct.unpack_from("<HH", stream, pos)
        body = stream[pos + 4 : pos + 4 + size]
        if len(body) < size:
            raise _Damaged("BIFF record cut short")
        yield pos, rtype, body
        pos += 4 + size
        if rtype == _EOF:
            return


def _biff_encrypted(stream: bytes) -> bool:
    for _pos, rtype, _body in _records(stream):
        if rtype == _FILEPASS:
            return True
        if rtype in (_BOUNDSHEET, _EOF):
            return False
    return False


def _xls_layouts(stream: bytes) -> dict[str, _Layout]:
    """Sheet name -> layout, from the workbook globals and each sheet's substream."""
    bordered: list[bool] = []
    sheets: list[tuple[str, int]] = []
    for _pos, rtype, body in _records(stream):
        if rtype == _XF and len(body) >= 14:
            bordered.append(bool(struct.unpack_from("<H", body, 10)[0]))
        elif rtype == _BOUNDSHEET and len(body) >= 8:
            offset = struct.unpack_from("<I", body, 0)[0]
            cch, flags = body[6], body[7]
            raw = body[8:]
            name = (
                raw[: 2 * cch].decode("utf-16-le", "replace")
                if flags & 1
                else raw[:cch].decode("latin-1")
            )
            sheets.append((name, offset))
    out = {}
    for name, offset in sheets:
        if offset + 4 > len(stream):
            raise _Damaged(f"sheet {name} beyond the end of the workbook stream")
        out[name] = _xls_sheet_layout(stream, offset, bordered)
    return out


def _xls_sheet_layout(stream: bytes, offset: int, bordered: list[bool]) -> _Layout:
    lay = _Layout()

    def draw(row: int, col: int, ixfe: int) -> None:
        if ixfe < len(bordered) and bordered[ixfe]:
            lay.drawn.add((row, col))

    for _pos, rtype, body in _records(stream, offset):
        if rtype in _CELLS and len(body) >= 6:
            draw(*struct.unpack_from("<HHH", body, 0))
            row, col = struct.unpack_from("<HH", body, 0)
            if rtype != _BLANK:
                lay.hold(row, col)
            if rtype == _BOOLERR and len(body) >= 8 and body[7] == 1:
                lay.errors[(row, col)] = _BIFF_ERRORS.get(body[6], "#VALUE!")
            elif rtype == _FORMULA and len(body) >= 14 and body[12:14] == b"\xff\xff":
                # a FORMULA's cached result: fExprO 0xFFFF marks a non-number; type 2 = error
                if body[6] != 2:
                    continue
                lay.errors[(row, col)] = _BIFF_ERRORS.get(body[8], "#VALUE!")
        elif rtype == _MULBLANK and len(body) >= 6:
            row, first = struct.unpack_from("<HH", body, 0)
            n = (len(body) - 6) // 2
            for i, ixfe in enumerate(struct.unpack_from(f"<{n}H", body, 4)):
                draw(row, first + i, ixfe)
        elif rtype == _MULRK and len(body) >= 6:
            row, first = struct.unpack_from("<HH", body, 0)
            n = (len(body) - 6) // 6
            for i in range(n):
                draw(row, first + i, struct.unpack_from("<H", body, 4 + 6 * i)[0])
            if n:
                lay.hold(row, first + n - 1)
        elif rtype == _ROW and len(body) >= 16:
            row = struct.unpack_from("<H", body, 0)[0]
            if struct.unpack_from("<H", body, 12)[0] & 0x20:
                lay.hidden_rows.add(row)
            else:
                lay.shown_rows.add(row)
        elif rtype == _COLINFO and len(body) >= 10:
            first, last, _w, _x, flags = struct.unpack_from("<HHHHH", body, 0)
            if flags & 1:
                lay.hidden_cols.update(range(first, min(last, 255) + 1))
        elif rtype == _DEFROWHEIGHT and len(body) >= 2:
            lay.rows_hidden_by_default = bool(struct.unpack_from("<H", body, 0)[0] & 0x02)
    return lay


# --- the workbook ---------------------------------------------------------------------------
def _calamine() -> Any:
    try:
        import python_calamine
    except ImportError:
        raise ExcelSupportMissingError(
            f"reading Excel workbooks needs python-calamine: {INSTALL_HINT}"
        ) from None
    if not hasattr(python_calamine.CalamineSheet, "merged_cell_ranges"):
        raise ExcelSupportMissingError(
            f"python-calamine is too old (0.4 or later reads merged cells): {INSTALL_HINT}"
        )
    return python_calamine


def _load(source: str | os.PathLike[str] | bytes, name: str | None) -> tuple[bytes, str]:
    if isinstance(source, (bytes, bytearray, memoryview)):
        return bytes(source), name or "workbook"
    path = os.fspath(source)
    with open(path, "rb") as fh:
        return fh.read(), name or os.path.basename(path)


def _sniff(data: bytes, file: str) -> tuple[str, Any]:
    """``("xlsx", ZipFile)`` or ``("xls", workbook stream)``; raise for anything else."""
    if not data:
        raise EmptyWorkbookError("the file is empty (0 bytes)", where=file)
    if data[:4] == b"PK\x03\x04":
        try:
            zf = zipfile.ZipFile(io.BytesIO(data))
            names = set(zf.namelist())
        except (zipfile.BadZipFile, OSError, ValueError) as exc:
            raise DamagedWorkbookError(
                f"a damaged zip (xlsx) file, perhaps cut short: {exc}", where=file
            ) from None
        if "xl/workbook.xml" not in names:
            what = (
                "an .xlsb binary workbook, which govfin does not read (save it as .xlsx)"
                if "xl/workbook.bin" in names
                else "a zip file without xl/workbook.xml"
            )
            raise NotAWorkbookError(f"not an Excel workbook: {what}", where=file)
        return "xlsx", zf
    if data[:8] == OLE_MAGIC:
        try:
            ole = _Compound(data)
        except (_Damaged, struct.error, IndexError, MemoryError) as exc:
            raise DamagedWorkbookError(
                f"a damaged OLE (xls) file, perhaps cut short: {exc}", where=file
            ) from None
        if ole.has("EncryptedPackage") or ole.has("EncryptionInfo"):
            raise EncryptedWorkbookError(
                "the workbook is password-protected (encrypted): save a copy without a password",
                where=file,
            )
        stream_name = next((n for n in ("Workbook", "Book") if ole.has(n)), None)
        if stream_name is None:
            raise NotAWorkbookError(
                "not an Excel workbook: an OLE document without a Workbook stream "
                "(a Word or other Office file?)",
                where=file,
            )
        try:
            stream = ole.stream(stream_name)
            encrypted = _biff_encrypted(stream)
        except (_Damaged, struct.error, IndexError) as exc:
            raise DamagedWorkbookError(f"a damaged xls workbook: {exc}", where=file) from None
        if encrypted:
            raise EncryptedWorkbookError(
                "the workbook is password-protected (encrypted): save a copy without a password",
                where=file,
            )
        return ("xls" if stream_name == "Workbook" else "xls5"), stream
    head = data[:512].lstrip().lower()
    what = "HTML or XML text" if head.startswith((b"<", b"\xef\xbb\xbf<")) else "unknown content"
    raise NotAWorkbookError(f"not an Excel workbook (.xlsx or .xls): {what}", where=file)


def _is_calamine_failure(exc: BaseException) -> bool:
    # A Rust panic inside the reader surfaces as pyo3's PanicException (a BaseException).
    return isinstance(exc, Exception) or type(exc).__name__ == "PanicException"


def extract_workbook(
    source: str | os.PathLike[str] | bytes, *, name: str | None = None
) -> WorkbookRows:
    """Read a workbook (.xlsx or .xls; a path or its bytes) into rows of cells and problems.

    ``name`` is the file name that rows and messages carry (default: the path's base name,
    ``"workbook"`` for bytes).  Raises a :class:`WorkbookError` subclass for a file that is
    empty, not a workbook, damaged or encrypted, and :class:`ExcelSupportMissingError` when
    python-calamine is not installed.
    """
    data, file = _load(source, name)
    calamine = _calamine()
    kind, handle = _sniff(data, file)
    try:
        if kind == "xlsx":
            layouts = _xlsx_layouts(handle)
        elif kind == "xls":
            layouts = _xls_layouts(handle)
        else:
            layouts = {}
    except (_Damaged, ElementTree.ParseError, KeyError, struct.error, ValueError, EOFError,
            OSError, zipfile.BadZipFile, zlib.error, NotImplementedError) as exc:  # fmt: skip
        raise DamagedWorkbookError(f"a damaged workbook: {exc}", where=file) from None
    for sheet_name, lay in layouts.items():
        last_row, last_col = lay.extent
        if (last_row + 1) * (last_col + 1) > MAX_CELLS:
            raise WorkbookTooLargeError(
                f"sheet {sheet_name}: a value at {cell_ref(last_row, last_col)} makes its used "
                f"area {last_row + 1} rows x {last_col + 1} columns, more than {MAX_CELLS} "
                "cells (delete the stray cells far from the tables)",
                where=file,
            )
    try:
        book = calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        metas = list(book.sheets_metadata)
    except BaseException as exc:
        if not _is_calamine_failure(exc):
            raise
        if isinstance(exc, getattr(calamine, "PasswordError", ())):
            raise EncryptedWorkbookError(
                "the workbook is password-protected (encrypted): save a copy without a password",
                where=file,
            ) from None
        raise DamagedWorkbookError(f"a damaged workbook: {exc}", where=file) from None

    rows: list[SourceRow] = []
    problems: list[WorkbookProblem] = []
    shown: list[str] = []
    visible = calamine.SheetVisibleEnum.Visible
    worksheet = calamine.SheetTypeEnum.WorkSheet
    for index, meta in enumerate(metas):
        if meta.typ != worksheet:
            continue
        try:
            sheet = book.get_sheet_by_index(index)
            values = sheet.to_python(skip_empty_area=False)
            merged = sheet.merged_cell_ranges or []
        except BaseException as exc:
            if not _is_calamine_failure(exc):
                raise
            raise DamagedWorkbookError(
                f"sheet {meta.name}: cannot be read: {exc}", where=file
            ) from None
        layout = layouts.get(meta.name, _Layout())
        if meta.visible != visible:
            figures = [
                cell_ref(r, c)
                for r, line in enumerate(values)
                for c, v in enumerate(line)
                if _is_figure(v)
            ]
            if figures:
                problems.append(
                    WorkbookProblem(
                        "hidden-sheet",
                        meta.name,
                        None,
                        f"hidden sheet holds {len(figures)} figure(s), first at {figures[0]}; "
                        "not read",
                        file=file,
                    )
                )
            continue
        shown.append(meta.name)
        sheet_rows, sheet_problems = _sheet_rows(meta.name, values, merged, layout, file)
        rows.extend(sheet_rows)
        problems.extend(sheet_problems)
    return WorkbookRows(tuple(rows), tuple(problems), file=file, sheets=tuple(shown))


def _sheet_rows(
    sheet: str,
    values: list[list[Any]],
    merged: list[tuple[tuple[int, int], tuple[int, int]]],
    layout: _Layout,
    file: str,
) -> tuple[list[SourceRow], list[WorkbookProblem]]:
    """One visible sheet's rows as a person sees them, and its problems."""
    problems: list[WorkbookProblem] = []
    row_hidden = layout.row_hidden
    hidden_cols = layout.hidden_cols
    # Text of each visible cell, by (row, column); hidden cells only reported.
    texts: dict[tuple[int, int], str] = {}
    for r, line in enumerate(values):
        for c, v in enumerate(line):
            if v == "" or v is None:
                continue
            texts[(r, c)] = _text(v)
    for (r, c), err in layout.errors.items():
        texts[(r, c)] = err
    # Merged ranges: the anchor's value moves to the first visible cell; the rest is blank.
    for (r0, c0), (r1, c1) in merged:
        anchor = texts.get((r0, c0))
        if (r1 - r0 + 1) * (c1 - c0 + 1) > len(texts):  # a wide merge: look at the values
            covered = [k for k in texts if r0 <= k[0] <= r1 and c0 <= k[1] <= c1]
        else:
            covered = [(r, c) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)]
        for key in covered:
            if key != (r0, c0):
                texts.pop(key, None)
        if anchor is None:
            continue
        vr = next((r for r in range(r0, r1 + 1) if not row_hidden(r)), None)
        vc = next((c for c in range(c0, c1 + 1) if c not in hidden_cols), None)
        if vr is not None and vc is not None and (vr, vc) != (r0, c0):
            del texts[(r0, c0)]
            texts[(vr, vc)] = anchor
    for (r, c), formula in sorted(layout.no_value.items()):
        problems.append(
            WorkbookProblem(
                "formula-without-value",
                sheet,
                cell_ref(r, c),
                "formula without a cached value (the workbook was saved without calculating "
                "it); the cell reads blank",
                formula,
                file=file,
            )
        )
    for (r, c), err in sorted(layout.errors.items()):
        problems.append(
            WorkbookProblem(
                "error-value",
                sheet,
                cell_ref(r, c),
                f"the cell shows the error {err}",
                err,
                file=file,
            )
        )
    for (r, c), text in sorted(texts.items()):
        if not (row_hidden(r) or c in hidden_cols):
            continue
        if _is_figure(values[r][c] if r < len(values) and c < len(values[r]) else text):
            what = "row" if row_hidden(r) else "column"
            problems.append(
                WorkbookProblem(
                    "hidden-figure",
                    sheet,
                    cell_ref(r, c),
                    f"a figure in a hidden {what}; not read",
                    text,
                    file=file,
                )
            )
    problems.sort(key=lambda p: _parse_ref(p.ref) if p.ref else (-1, -1))
    visible_texts = {
        k: t for k, t in texts.items() if not row_hidden(k[0]) and k[1] not in hidden_cols
    }
    drawn = {k for k in layout.drawn if not row_hidden(k[0]) and k[1] not in hidden_cols}
    if not visible_texts:
        return [], problems
    first_col = min(c for _r, c in (visible_texts.keys() | drawn))
    by_row: dict[int, list[int]] = {}
    for r, c in visible_texts.keys() | drawn:
        by_row.setdefault(r, []).append(c)
    out = []
    text_rows = {r for r, _c in visible_texts}
    # A ruled row of a blank form (two or more drawn cells, no text) is kept as a row of
    # empty cells, as a PDF's ruled blank row is: it shows where the figures go.
    ruled = {r for r, cols in by_row.items() if r not in text_rows and len(cols) >= 2}
    for r in sorted(text_rows | ruled):
        last = max(by_row[r])
        cols = [c for c in range(first_col, last + 1) if c not in hidden_cols]
        out.append(
            SourceRow(
                tuple(visible_texts.get((r, c), "") for c in cols),
                file=file,
                sheet=sheet,
                row=r + 1,
                refs=tuple(cell_ref(r, c) for c in cols),
            )
        )
    return out, problems
