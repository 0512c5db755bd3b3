"""The fast backend: a page's characters and edges read with pypdfium2 (PDFium, BSD/Apache).

PDFium parses a page in C; this module asks it for each character's loose box (the font's
ascent to descent, the box a reader sees for the glyph), its font size and text render mode,
and for the straight segments of every painted path (the ruling lines and cell rectangles),
including paths inside form XObjects.  Paths filled white without a stroke (Word's cell
shading) draw no line a person sees and give no edges.  Invisible text (render mode 3 or 7) is left out, and so
is anything outside the page's crop box.
"""

from __future__ import annotations

import ctypes
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from ._layout import Char, PageContent, is_frame, segment_edges

_INVISIBLE = {3, 7}  # FPDF_TEXTRENDERMODE_INVISIBLE, _CLIP (invisible and clipping)
_SPACES = {0x20, 0x09, 0x0A, 0x0D, 0xA0, 0x3000, 0xFEFF, 0xFFFE, 0}


def page_content(page: pdfium.PdfPage, number: int) -> PageContent:
    """Characters and edges of one page, in points from the crop box's top-left corner."""
    left, bottom, right, top = page.get_cropbox()
    mleft, mbottom, mright, mtop = page.get_mediabox()
    left, bottom = max(left, mleft), max(bottom, mbottom)
    right, top = min(right, mright), min(top, mtop)
    width, height = right - left, top - bottom
    return PageContent(
        number, width, height, _chars(page, left, top, width, height),
        _edges(page, left, top, width, height),
    )


def _chars(page: pdfium.PdfPage, left: float, top: float, width: float,
           height: float) -> list[Char]:
    textpage = page.get_textpage()
    try:
        tp = textpage.raw
        n = raw.FPDFText_CountChars(tp)
        out: list[Char] = []
        rect = raw.FS_RECTF()
        modes: dict[int | None, int] = {}
        get_unicode, get_box = raw.FPDFText_GetUnicode, raw.FPDFText_GetLooseCharBox
        get_obj = raw.FPDFText_GetTextObject
        generated = raw.FPDFText_IsGenerated
        for i in range(n):
            u = get_unicode(tp, i)
            if u in _SPACES or (u < 0x80 and chr(u).isspace()) or generated(tp, i) == 1:
                continue
            obj = get_obj(tp, i)
            key = ctypes.cast(obj, ctypes.c_void_p).value
            mode = modes.get(key)
            if mode is None:
                mode = modes[key] = raw.FPDFTextObj_GetTextRenderMode(obj) if key else 0
            if mode in _INVISIBLE:
                continue
            if not get_box(tp, i, rect):
                continue
            x0, x1 = rect.left - left, rect.right - left
            t, b = top - rect.top, top - rect.bottom
            hx, vy = (x0 + x1) / 2, (t + b) / 2
            if not (0 <= hx <= width and 0 <= vy <= height):
                continue  # outside the visible page
            try:
                text = chr(u)
            except ValueError:
                continue
            out.append((text, x0, t, x1, b, b - t))
        return out
    finally:
        textpage.close()


def _edges(page: pdfium.PdfPage, left: float, top: float, width: float,
           height: float) -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    _walk(page.raw, None, (1.0, 0.0, 0.0, 1.0, 0.0, 0.0), left, top, width, height, out)
    return out


_PATH, _FORM = raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_FORM


def _mul(m: tuple[float, ...], n: tuple[float, ...]) -> tuple[float, ...]:
    """The matrix applying ``m`` first, then ``n``."""
    a, b, c, d, e, f = m
    A, B, C, D, E, F = n
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D,
            e * A + f * C + E, e * B + f * D + F)


def _walk(page: Any, form: Any, outer: tuple[float, ...], left: float, top: float,
          width: float, height: float, out: list[dict[str, object]]) -> None:
    count = raw.FPDFFormObj_CountObjects(form) if form is not None else \
        raw.FPDFPage_CountObjects(page)
    m = raw.FS_MATRIX()
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    x, y = ctypes.c_float(), ctypes.c_float()
    r, g, bl, al = ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint()
    for i in range(count):
        obj = raw.FPDFFormObj_GetObject(form, i) if form is not None else \
            raw.FPDFPage_GetObject(page, i)
        kind = raw.FPDFPageObj_GetType(obj)
        if kind not in (_PATH, _FORM):
            continue
        if not raw.FPDFPageObj_GetMatrix(obj, m):
            continue
        mat = _mul((m.a, m.b, m.c, m.d, m.e, m.f), outer)
        if kind == _FORM:
            _walk(page, obj, mat, left, top, width, height, out)
            continue
        if not raw.FPDFPath_GetDrawMode(obj, fill, stroke):
            continue
        if not fill.value and not stroke.value:
            continue  # an unpainted path (a clipping path) draws nothing
        if not stroke.value and raw.FPDFPageObj_GetFillColor(obj, r, g, bl, al) and (
            al.value == 0 or min(r.value, g.value, bl.value) >= 250
        ):
            continue  # white (or clear) shading on the white page: no line a person sees
        a, b, c, d, e, f = mat
        mine: list[dict[str, object]] = []
        start: tuple[float, float] | None = None
        prev: tuple[float, float] | None = None
        for j in range(raw.FPDFPath_CountSegments(obj)):
            seg = raw.FPDFPath_GetPathSegment(obj, j)
            raw.FPDFPathSegment_GetPoint(seg, x, y)
            px, py = x.value, y.value
            pt = (a * px + c * py + e - left, top - (b * px + d * py + f))
            typ = raw.FPDFPathSegment_GetType(seg)
            if typ == raw.FPDF_SEGMENT_MOVETO:
                start = prev = pt
            else:
                if typ == raw.FPDF_SEGMENT_LINETO and prev is not None:
                    mine += segment_edges(prev[0], prev[1], pt[0], pt[1], width, height)
                prev = pt
            if raw.FPDFPathSegment_GetClose(seg) and start is not None and prev is not None:
                mine += segment_edges(prev[0], prev[1], start[0], start[1], width, height)
                prev = start
        if not is_frame(mine, width, height):
            out += mine
