"""Read a PDF into the row-and-cell layer: ``extract_pdf(path) -> list[SourceRow]``.

Every page is read as a person sees it, top to bottom: a ruled table becomes one multi-cell
row per grid row (one cell per column, "" for an empty or merged-over cell), a title, note or
line of prose one single-cell row, and a line with wide gaps between its parts
("编制部门：XXX        单位：元", or the header labels of a table without ruling lines) a row
of several cells.  Text outside the page's visible box and invisible text are not read.
Cell text is kept as printed ("189,767,551", "201" "05" "07", "当 年 收 入"); a name wrapped
over two lines inside its cell is joined.  See docs/reading.md (PDF).

The PDF libraries (pypdfium2 and pdfplumber, both permissively licensed) are an optional
extra: ``pip install 'govfin[pdf]'``.  Bad input raises a :class:`PdfError` naming the file.

>>> extract_pdf(b"")
Traceback (most recent call last):
...
govfin.readers.pdf.EmptyPdfError: <bytes>: empty file (0 bytes), not a PDF
"""

from __future__ import annotations

import ctypes
import os
from collections.abc import Iterator
from typing import Any

from govfin._lazy import frozen
from govfin.errors import ArgumentValueError

from ..errors import ReadError
from ..source import SourceRow

__all__ = [
    "DamagedPdfError",
    "EmptyPdfError",
    "EncryptedPdfError",
    "NoTextLayerError",
    "NotAPdfError",
    "PdfError",
    "PdfRows",
    "PdfSupportMissingError",
    "extract_pdf",
    "pdf_rows",
]

INSTALL_HINT = "pip install 'govfin[pdf]'"


class PdfError(ReadError):
    """A PDF that cannot be read; ``where`` names the file (and the page, when known)."""


class PdfSupportMissingError(PdfError, ImportError):
    """The optional PDF libraries are not installed."""


class EmptyPdfError(PdfError):
    """The file is empty (0 bytes), or a PDF without pages."""


class NotAPdfError(PdfError):
    """The file is not a PDF (no ``%PDF-`` header)."""


class DamagedPdfError(PdfError):
    """A PDF that is truncated or damaged (PDFium cannot parse it, or its end is missing)."""


class EncryptedPdfError(PdfError):
    """A PDF that needs a password to open."""


class NoTextLayerError(PdfError):
    """A PDF without a text layer (a scan): govfin does no OCR."""


#: A page is printed as an image (a scan, or a table or chart pasted in as a picture) when
#: images cover at least this share of it and it prints no more text than a table's heading
#: does (_SCAN_TEXT characters: a title, 部门名称, 单位, a page number stamped on a scan).
_SCAN_COVER = 0.5
_SCAN_TEXT = 150
#: ... but a page whose text is printed over its images is a printed page on a background
#: (a decorated cover), unless that text is no more than a stamp (_SCAN_STAMP characters: a
#: page number stamped on a scan, "- 12 -" or "第12页").
_SCAN_STAMP = 12
#: A page is garbled when at least this share of its (at least _GARBLED_TEXT) characters map
#: to no character: the Private Use Area, U+FFFD, control codes (fonts without a Unicode map).
_GARBLED_SHARE = 0.3
_GARBLED_TEXT = 20


@frozen
class PdfRows:
    """What :func:`pdf_rows` reads off a PDF: the printed ``rows``; ``scans``, the pages
    printed as an image, but for a heading at most (govfin does no OCR); ``garbled``, the pages whose
    text layer maps its glyphs to no characters (their rows are left out).  Nothing on either
    is read, and a reader must say so."""

    rows: tuple[SourceRow, ...]
    scans: tuple[int, ...] = ()
    garbled: tuple[int, ...] = ()


_HEAD = 1024  # the %PDF- header may follow up to 1 KB of junk; %%EOF may be followed by 1 KB


def _label(source: str | os.PathLike[str] | bytes, name: str | None) -> str:
    if name is not None:
        return name
    if isinstance(source, (bytes, bytearray, memoryview)):
        return "<bytes>"
    return os.path.basename(os.fspath(source))


def _check_bytes(head: bytes, tail: bytes, size: int, where: str) -> None:
    if size == 0:
        raise EmptyPdfError("empty file (0 bytes), not a PDF", where=where)
    if b"%PDF-" not in head:
        raise NotAPdfError("not a PDF (no %PDF- header)", where=where)
    if b"%%EOF" not in tail:
        raise DamagedPdfError("damaged or truncated PDF (its end, %%EOF, is missing)",
                              where=where)


def extract_pdf(
    source: str | os.PathLike[str] | bytes,
    *,
    name: str | None = None,
    engine: str = "pdfium",
) -> list[SourceRow]:
    """The printed rows of a PDF, page by page, top to bottom, as :class:`SourceRow` objects.

    ``source`` is a path or the file's bytes; ``name`` is the file label put in
    ``SourceRow.file`` and in error messages (default: the file's name).  ``engine`` picks the
    backend reading characters and ruling lines: ``"pdfium"`` (fast, the default) or
    ``"pdfplumber"`` (pdfminer; slower, the reference the fast one is tested against).
    :func:`pdf_rows` also tells the scanned pages.
    """
    return list(pdf_rows(source, name=name, engine=engine).rows)


def pdf_rows(
    source: str | os.PathLike[str] | bytes,
    *,
    name: str | None = None,
    engine: str = "pdfium",
) -> PdfRows:
    """The printed rows of a PDF (as :func:`extract_pdf`) and its pages printed as an image:
    each page that images cover (half of it or more) and that prints no more text than a
    heading (a scan; a table pasted in as a picture under its printed title).  A PDF with no
    text at all is a :class:`NoTextLayerError`."""
    if engine not in ("pdfium", "pdfplumber"):
        raise ArgumentValueError(f"engine must be 'pdfium' or 'pdfplumber', not {engine!r}")
    label = _label(source, name)
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        _check_bytes(data[:_HEAD], data[-_HEAD:], len(data), label)
        opened: Any = data
    else:
        path = os.fspath(source)
        try:
            size = os.path.getsize(path)
            with open(path, "rb") as fh:
                head = fh.read(_HEAD)
                fh.seek(max(size - _HEAD, 0))
                tail = fh.read()
        except OSError as exc:
            raise PdfError(f"cannot open file: {exc.strerror or exc}", where=label) from None
        _check_bytes(head, tail, size, label)
        opened = path
    try:
        from ._layout import page_rows  # imports pdfplumber's grid functions
    except ImportError:
        raise _missing(label) from None
    if engine == "pdfium":
        pages = _pdfium_pages(opened, label)
    elif engine == "pdfplumber":
        pages = _plumber_pages(opened, label)
    else:
        raise ArgumentValueError(f"engine must be 'pdfium' or 'pdfplumber', not {engine!r}")

    rows: list[SourceRow] = []
    scans: list[int] = []
    garbled: list[int] = []
    chars = 0
    for content in pages:
        printed = sum(1 for c in content.chars if c[0] != " ")
        chars += printed
        if _pictured(content, printed):
            scans.append(content.number)
        elif printed >= _GARBLED_TEXT and sum(
            1 for c in content.chars if _unmapped(c[0])
        ) >= _GARBLED_SHARE * printed:
            garbled.append(content.number)
            continue
        for rank, (cells, boxes) in enumerate(page_rows(content), start=1):
            rows.append(SourceRow(tuple(cells), file=label, page=content.number, row=rank,
                                  boxes=tuple(boxes)))
    if chars == 0:
        raise NoTextLayerError("no text layer; govfin does no OCR", where=label)
    if not rows and garbled:
        raise NoTextLayerError(
            "no readable text: its fonts map the glyphs to no characters (no Unicode map)",
            where=label,
        )
    return PdfRows(tuple(rows), tuple(scans), tuple(garbled))


def _pictured(content: Any, printed: int) -> bool:
    """Whether a page is printed as an image: images cover half of it or more, and it prints
    a stamp at most, or a heading at most, none of it over the images (the text of a decorated
    cover is printed over its background picture)."""
    w, h = content.width, content.height
    area = sum((x1 - x0) * (b - t) for x0, t, x1, b in content.images)
    if not w * h or area < _SCAN_COVER * w * h:
        return False
    if printed <= _SCAN_STAMP:
        return True
    if printed > _SCAN_TEXT:
        return False
    over = 0
    for ch in content.chars:
        x, y = (ch[1] + ch[3]) / 2, (ch[2] + ch[4]) / 2
        if ch[0] != " " and any(x0 <= x <= x1 and t <= y <= b for x0, t, x1, b in content.images):
            over += 1
    return over <= _SCAN_STAMP


def _unmapped(ch: str) -> bool:
    """A character that stands for no character: Private Use Area, U+FFFD, a control code
    (pdfminer's "(cid:N)" for a glyph without a Unicode map).

    >>> _unmapped("\ue012"), _unmapped("(cid:45)"), _unmapped("支"), _unmapped("1")
    (True, True, False, False)
    """
    if len(ch) != 1:
        return ch.startswith("(cid:")
    o = ord(ch)
    return 0xE000 <= o <= 0xF8FF or o == 0xFFFD or o < 0x20 or 0x7F <= o < 0xA0


def _missing(label: str) -> PdfSupportMissingError:
    return PdfSupportMissingError(
        f"reading PDF needs the optional PDF libraries: {INSTALL_HINT}", where=label)


def _pdfium_pages(opened: Any, label: str) -> Iterator[Any]:
    try:
        import pdfplumber.table  # noqa: F401  (the grid functions of the layout)
        import pypdfium2 as pdfium
    except ImportError:
        raise _missing(label) from None
    from ._pdfium import page_content

    try:
        doc = pdfium.PdfDocument(opened)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code == 4:  # FPDF_ERR_PASSWORD
            raise EncryptedPdfError("encrypted PDF: it needs a password to open",
                                    where=label) from None
        if code == 6:  # FPDF_ERR_SECURITY
            raise EncryptedPdfError("encrypted PDF: unsupported security handler",
                                    where=label) from None
        raise DamagedPdfError(f"damaged PDF: {exc}", where=label) from None
    try:
        if len(doc) == 0:
            raise EmptyPdfError("a PDF without pages", where=label)
        for i in range(len(doc)):
            try:
                page = doc[i]
            except pdfium.PdfiumError as exc:
                raise DamagedPdfError(f"damaged page: {exc}", where=f"{label} p.{i + 1}") from None
            try:
                content = page_content(page, i + 1)
            except (pdfium.PdfiumError, ValueError, OSError, ctypes.ArgumentError) as exc:
                raise DamagedPdfError(f"damaged page: {exc}", where=f"{label} p.{i + 1}") from None
            finally:
                page.close()
            yield content
    finally:
        doc.close()


def _plumber_pages(opened: Any, label: str) -> Iterator[Any]:
    try:
        import pdfplumber
        from pdfminer.pdfdocument import PDFPasswordIncorrect
        from pdfminer.pdfparser import PDFSyntaxError
    except ImportError:
        raise _missing(label) from None
    import io

    from ._plumber import page_content

    try:
        pdf = pdfplumber.open(io.BytesIO(opened) if isinstance(opened, bytes) else opened)
    except PDFPasswordIncorrect:
        raise EncryptedPdfError("encrypted PDF: it needs a password to open",
                                where=label) from None
    except Exception as exc:  # noqa: BLE001 (pdfminer raises many kinds on a damaged file)
        if "password" in str(exc).lower() or type(exc).__name__.startswith("PDFEncrypt"):
            raise EncryptedPdfError("encrypted PDF: it needs a password to open",
                                    where=label) from None
        raise DamagedPdfError(f"damaged PDF: {type(exc).__name__}: {exc}", where=label) from None
    try:
        if not pdf.pages:
            raise EmptyPdfError("a PDF without pages", where=label)
        for number, page in enumerate(pdf.pages, start=1):
            try:
                yield page_content(page, number)
            except (PDFSyntaxError, ValueError, KeyError, TypeError) as exc:
                raise DamagedPdfError(f"damaged page: {exc}",
                                      where=f"{label} p.{number}") from None
            finally:
                page.close()
    finally:
        pdf.close()

