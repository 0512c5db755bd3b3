"""The fast backend: a page's characters and edges read with pypdfium2 (PDFium, BSD/Apache).

PDFium parses a page in C; this module asks it for each character's loose box (the font's
ascent to descent, the box a reader sees for the glyph), its font size and text render mode,
and for the straight segments of every painted path (the ruling lines and cell rectangles),
including paths inside form XObjects.  Paths filled white without a stroke (Word's cell
shading) draw no line a person sees and give no edges.  Invisible text (render mode 3 or 7) is left out, and so
is anything outside the page's crop box.  The box of every image is kept (a scanned page is
one image).
"""

from __future__ import annotations

import ctypes
from typing import Any

import pypdfium2 as pdfium
from pypdfium2 import raw

from ._layout import Char, PageContent, is_frame, rect_edges, rotate, segment_edges

_JUNK = {0, 0xFEFF, 0xFFFE, 0xFFFF}
_INVISIBLE = {3, 7}  # FPDF_TEXTRENDERMODE_INVISIBLE, _CLIP (invisible and clipping)
_SPACES = {0x20, 0x09, 0x0A, 0x0D, 0xA0, 0x3000}


def page_content(page: pdfium.PdfPage, number: int) -> PageContent:
    """Characters and edges of one page, in points from the crop box's top-left corner."""
    left, bottom, right, top = page.get_cropbox()
    mleft, mbottom, mright, mtop = page.get_mediabox()
    left, bottom = max(left, mleft), max(bottom, mbottom)
    right, top = min(right, mright), min(top, mtop)
    width, height = right - left, top - bottom
    edges: list[dict[str, object]] = []
    images: list[tuple[float, float, float, float]] = []
    hidden = _walk(page.raw, None, _IDENTITY, left, top, width, height, edges, images)
    content = PageContent(number, width, height,
                          _chars(page, left, top, width, height, hidden), edges, images)
    rotation = page.get_rotation() % 360
    return rotate(content, rotation) if rotation else content


def _chars(page: pdfium.PdfPage, left: float, top: float, width: float, height: float,
           hidden: bool) -> list[Char]:
    """The page's characters; ``hidden``: the page has invisible text objects to leave out."""
    textpage = page.get_textpage()
    try:
        tp = textpage.raw
        n = raw.FPDFText_CountChars(tp)
        out: list[Char] = []
        rect = raw.FS_RECTF()
        get_unicode, get_box = raw.FPDFText_GetUnicode, raw.FPDFText_GetLooseCharBox
        get_obj, get_mode = raw.FPDFText_GetTextObject, raw.FPDFTextObj_GetTextRenderMode
        generated = raw.FPDFText_IsGenerated
        for i in range(n):
            u = get_unicode(tp, i)
            if u in _JUNK or generated(tp, i) == 1:
                continue  # a space or line break PDFium made up: gaps are measured instead
            if u in _SPACES or (u < 0x80 and chr(u).isspace()):
                u = 0x20  # a space the PDF prints: kept, it separates words
            if hidden and get_mode(get_obj(tp, i)) in _INVISIBLE:
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


_PATH, _FORM, _TEXT = raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_FORM, raw.FPDF_PAGEOBJ_TEXT
_IMAGE = raw.FPDF_PAGEOBJ_IMAGE
_IDENTITY = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
_THIN = 2.0  # a path less than this wide (or high), in points, draws a line
_MOVETO, _LINETO = raw.FPDF_SEGMENT_MOVETO, raw.FPDF_SEGMENT_LINETO


def _mul(m: tuple[float, ...], n: tuple[float, ...]) -> tuple[float, ...]:
    """The matrix applying ``m`` first, then ``n``."""
    a, b, c, d, e, f = m
    A, B, C, D, E, F = n
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D,
            e * A + f * C + E, e * B + f * D + F)


def _visible_box(m: tuple[float, ...], x0: float, y0: float, x1: float, y1: float,
                 left: float, top: float, width: float, height: float
                 ) -> tuple[float, float, float, float] | None:
    """The box (x0, y0, x1, y1), under the matrix ``m``, clipped to the visible page, from
    the page's top-left corner; None when nothing of it is visible."""
    a, b, c, d, e, f = m
    xs, ys = [], []
    for px, py in ((x0, y0), (x0, y1), (x1, y0), (x1, y1)):
        xs.append(a * px + c * py + e - left)
        ys.append(top - (b * px + d * py + f))
    bx0, bx1 = max(min(xs), 0.0), min(max(xs), width)
    bt, bb = max(min(ys), 0.0), min(max(ys), height)
    return (bx0, bt, bx1, bb) if bx1 > bx0 and bb > bt else None


def _walk(page: Any, form: Any, outer: tuple[float, ...], left: float, top: float,
          width: float, height: float, out: list[dict[str, object]],
          images: list[tuple[float, float, float, float]]) -> bool:
    """Add the edges of the painted paths of a page (or form XObject) to ``out``, and the
    visible box of each image to ``images``.

    Returns whether it holds an invisible text object.
    """
    if form is not None:
        count, get = raw.FPDFFormObj_CountObjects(form), raw.FPDFFormObj_GetObject
        owner = form
    else:
        count, get = raw.FPDFPage_CountObjects(page), raw.FPDFPage_GetObject
        owner = page
    hidden = False
    m = raw.FS_MATRIX()
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    x, y = ctypes.c_float(), ctypes.c_float()
    r, g, bl, al = ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint()
    get_type, get_matrix = raw.FPDFPageObj_GetType, raw.FPDFPageObj_GetMatrix
    draw_mode, fill_color = raw.FPDFPath_GetDrawMode, raw.FPDFPageObj_GetFillColor
    count_segments, get_segment = raw.FPDFPath_CountSegments, raw.FPDFPath_GetPathSegment
    get_point, seg_type = raw.FPDFPathSegment_GetPoint, raw.FPDFPathSegment_GetType
    seg_close = raw.FPDFPathSegment_GetClose
    get_bounds = raw.FPDFPageObj_GetBounds
    bx0, by0, bx1, by1 = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    for i in range(count):
        obj = get(owner, i)
        kind = get_type(obj)
        if kind == _TEXT:
            if not hidden and raw.FPDFTextObj_GetTextRenderMode(obj) in _INVISIBLE:
                hidden = True
            continue
        if kind == _FORM:
            if get_matrix(obj, m):
                inner = _mul((m.a, m.b, m.c, m.d, m.e, m.f), outer)
                hidden = _walk(page, obj, inner, left, top, width, height, out,
                               images) or hidden
            continue
        if kind == _IMAGE:
            if get_bounds(obj, bx0, by0, bx1, by1) and (
                box := _visible_box(outer, bx0.value, by0.value, bx1.value, by1.value,
                                    left, top, width, height)
            ):
                images.append(box)
            continue
        if kind != _PATH or not draw_mode(obj, fill, stroke):
            continue
        if not fill.value and not stroke.value:
            continue  # an unpainted path (a clipping path) draws nothing
        if not stroke.value and fill_color(obj, r, g, bl, al) and (
            al.value == 0 or min(r.value, g.value, bl.value) >= 250
        ):
            continue  # white (or clear) shading on the white page: no line a person sees
        # a path whose box is thin is a ruling line, whatever its outline: its box's sides
        # (PDFium reports the box after the object's matrix)
        if outer is _IDENTITY and get_bounds(obj, bx0, by0, bx1, by1) and (
            bx1.value - bx0.value < _THIN or by1.value - by0.value < _THIN
        ):
            out += rect_edges(bx0.value - left, top - by1.value, bx1.value - left,
                              top - by0.value, width, height)
            continue
        if not get_matrix(obj, m):
            continue
        a, b, c, d, e, f = _mul((m.a, m.b, m.c, m.d, m.e, m.f), outer)
        mine: list[dict[str, object]] = []
        start: tuple[float, float] | None = None
        prev: tuple[float, float] | None = None
        for j in range(count_segments(obj)):
            seg = get_segment(obj, j)
            if not seg or not get_point(seg, x, y):
                continue
            px, py = x.value, y.value
            pt = (a * px + c * py + e - left, top - (b * px + d * py + f))
            typ = seg_type(seg)
            if typ == _MOVETO:
                start = prev = pt
            else:
                if typ == _LINETO and prev is not None:
                    mine += segment_edges(prev[0], prev[1], pt[0], pt[1], width, height)
                prev = pt
            if seg_close(seg) and start is not None and prev is not None:
                mine += segment_edges(prev[0], prev[1], start[0], start[1], width, height)
                prev = start
        if len(mine) > 4 or not is_frame(mine, width, height):
            out += mine
    return hidden
