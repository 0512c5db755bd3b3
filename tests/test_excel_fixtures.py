"""Helpers that build workbooks for the Excel reader tests, and tests of the helpers.

- :func:`xlsx` writes a workbook with openpyxl; :func:`patch_xlsx` edits one XML part of it
  (openpyxl never stores a formula's cached value, so tests put one in by hand).
- :func:`compound` writes an OLE compound file (MS-CFB, version 3, 512-byte sectors, no mini
  stream) holding the given streams: used to re-pack the .xls template's Workbook stream
  after editing a BIFF record, and to build the encrypted-workbook containers.
- :func:`biff_records` walks a BIFF8 stream, independently of the reader's own walker.
"""

from __future__ import annotations

import io
import math
import struct
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import python_calamine
from openpyxl import Workbook

DATA = Path(__file__).parent / "data" / "excel"
XLSX_TEMPLATE = DATA / "sh-putuo-bumen-yusuan-template-blank.xlsx"
XLS_TEMPLATE = DATA / "sh-putuo-2026-danwei-yusuan-template-blank.xls"

END, FREE, FATSECT, NOSTREAM = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF


def xlsx(build: Callable[[Workbook], None]) -> bytes:
    """The bytes of a workbook that ``build`` fills (its first sheet is ``wb.active``)."""
    wb = Workbook()
    build(wb)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def patch_xlsx(data: bytes, part: str, edit: Callable[[str], str]) -> bytes:
    """``data`` with the XML ``part`` replaced by ``edit(part's text)``; the edit must change it."""
    zin = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            raw = zin.read(info.filename)
            if info.filename == part:
                text = raw.decode("utf-8")
                new = edit(text)
                assert new != text, f"the edit left {part} unchanged"
                raw = new.encode("utf-8")
            zout.writestr(info, raw)
    return out.getvalue()


def compound(streams: dict[str, bytes]) -> bytes:
    """An OLE compound file holding ``streams`` (each padded to 4096 bytes, the mini cutoff).

    Layout: header, FAT sectors, directory sectors, then each stream's sectors in turn.  The
    directory entries hang off the root as a chain of right siblings, in the order the
    format's red-black tree compares names (length, then upper case).
    """
    ss = 512
    names = sorted(streams, key=lambda n: (len(n), n.upper()))
    bodies = [streams[n] + b"\0" * max(0, 4096 - len(streams[n])) for n in names]
    sizes = [max(len(streams[n]), 4096) for n in names]
    n_dir = math.ceil((len(names) + 1) / 4)
    n_data = sum(math.ceil(len(b) / ss) for b in bodies)
    n_fat = 1
    while n_fat * (ss // 4) < n_fat + n_dir + n_data:
        n_fat += 1
    assert n_fat <= 109
    fat = [FATSECT] * n_fat
    first_dir = len(fat)
    fat += [len(fat) + i + 1 for i in range(n_dir - 1)] + [END]
    starts = []
    sectors = b""
    for body in bodies:
        count = math.ceil(len(body) / ss)
        starts.append(len(fat))
        fat += [len(fat) + i + 1 for i in range(count - 1)] + [END]
        sectors += body + b"\0" * (count * ss - len(body))
    fat += [FREE] * (n_fat * (ss // 4) - len(fat))

    def entry(name: str, kind: int, child: int, right: int, start: int, size: int) -> bytes:
        raw = name.encode("utf-16-le") + b"\0\0"
        return (
            raw.ljust(64, b"\0")
            + struct.pack("<HBB", len(raw), kind, 1)
            + struct.pack("<III", NOSTREAM, right, child)
            + b"\0" * 16  # class id
            + b"\0" * 4  # state bits
            + b"\0" * 16  # creation and modification times
            + struct.pack("<IQ", start, size)
        )

    directory = entry("Root Entry", 5, 1 if names else NOSTREAM, NOSTREAM, END, 0)
    for i, (name, size) in enumerate(zip(names, sizes)):
        right = i + 2 if i + 1 < len(names) else NOSTREAM
        directory += entry(name, 2, NOSTREAM, right, starts[i], size)
    directory += b"\0" * (n_dir * ss - len(directory))
    difat = list(range(n_fat)) + [FREE] * (109 - n_fat)
    header = (
        bytes.fromhex("d0cf11e0a1b11ae1")
        + b"\0" * 16
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
        + b"\0" * 6
        + struct.pack("<IIIIIIIII", 0, n_fat, first_dir, 0, 4096, END, 0, END, 0)
        + struct.pack("<109I", *difat)
    )
    assert len(header) == ss
    fat_bytes = struct.pack(f"<{len(fat)}I", *fat)
    return header + fat_bytes + directory + sectors


def workbook_stream(xls: bytes) -> bytes:
    """The Workbook stream of an .xls, read by the reader's own compound-file reader."""
    from govfin.readers.excel import _Compound

    return _Compound(xls).stream("Workbook")


def biff_records(stream: bytes, pos: int = 0) -> Iterator[tuple[int, int, int]]:
    """(offset, record type, body length) of each BIFF record from ``pos`` up to its EOF."""
    while pos + 4 <= len(stream):
        rtype, size = struct.unpack_from("<HH", stream, pos)
        yield pos, rtype, size
        pos += 4 + size
        if rtype == 0x000A:
            return


def sheet_offsets(stream: bytes) -> dict[str, int]:
    """Sheet name -> offset of its BOF, from the BOUNDSHEET8 records (MS-XLS 2.4.28)."""
    out = {}
    for pos, rtype, _size in biff_records(stream):
        if rtype == 0x0085:
            offset = struct.unpack_from("<I", stream, pos + 4)[0]
            cch, flags = stream[pos + 10], stream[pos + 11]
            raw = stream[pos + 12 :]
            name = raw[: 2 * cch].decode("utf-16-le") if flags & 1 else raw[:cch].decode("latin-1")
            out[name] = offset
    return out


# --- tests of the helpers -------------------------------------------------------------------
def _values(data: bytes) -> list[list[list[object]]]:
    book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    return [
        book.get_sheet_by_index(i).to_python(skip_empty_area=False)
        for i in range(len(book.sheet_names))
    ]


def test_compound_repacks_the_xls_template_unchanged_for_calamine():
    original = XLS_TEMPLATE.read_bytes()
    repacked = compound({"Workbook": workbook_stream(original)})
    assert repacked != original
    assert _values(repacked) == _values(original)


def test_compound_small_streams_and_names():
    from govfin.readers.excel import _Compound

    ole = _Compound(compound({"EncryptionInfo": b"\x04\x00\x04\x00", "EncryptedPackage": b"x"}))
    assert ole.has("EncryptionInfo") and ole.has("EncryptedPackage") and not ole.has("Workbook")
    assert ole.stream("EncryptionInfo")[:4] == b"\x04\x00\x04\x00"


def test_patch_xlsx_changes_one_part():
    data = xlsx(lambda wb: wb.active.append([1]))
    patched = patch_xlsx(
        data, "xl/worksheets/sheet1.xml", lambda t: t.replace("<v>1</v>", "<v>7</v>")
    )
    assert _values(patched) == [[[7]]] or _values(patched) == [[[7.0]]]


def test_sheet_offsets_of_the_xls_template_point_at_bofs():
    stream = workbook_stream(XLS_TEMPLATE.read_bytes())
    offsets = sheet_offsets(stream)
    assert len(offsets) == 16
    for offset in offsets.values():
        assert struct.unpack_from("<H", stream, offset)[0] == 0x0809  # BOF
