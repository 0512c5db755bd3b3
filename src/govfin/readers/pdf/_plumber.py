"""The reference backend: a page's characters and edges as pdfplumber (pdfminer) reads them.

Slower than :mod:`._pdfium` (pdfminer parses every page in Python); kept as the reference the
fast backend is tested against, and reachable as ``extract_pdf(..., engine="pdfplumber")``.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise
from typing import Any

from ._layout import Char, PageContent, rect_edges, segment_edges


def pages(source: Any) -> Iterator[PageContent]:
    """Yield every page of an open ``pdfplumber.PDF``, one at a time (each closed after use)."""
    for number, page in enumerate(source.pages, start=1):
        try:
            yield page_content(page, number)
        finally:
            page.close()


def page_content(page: Any, number: int) -> PageContent:
    # the visible page: the crop box (pdfplumber gives it from the top) within the page's box
    bx0, btop, bx1, bbottom = page.bbox
    cx0, ctop, cx1, cbottom = getattr(page, "cropbox", None) or page.bbox
    x0, top, x1, bottom = max(bx0, cx0), max(btop, ctop), min(bx1, cx1), min(bbottom, cbottom)
    width, height = x1 - x0, bottom - top
    chars: list[Char] = []
    for c in page.chars:
        text = c["text"]
        if not text.strip():
            if not text:
                continue
            text = " "  # a space the PDF prints: kept, it separates words
        cx0, ctop, cx1, cbottom = c["x0"] - x0, c["top"] - top, c["x1"] - x0, c["bottom"] - top
        hx, vy = (cx0 + cx1) / 2, (ctop + cbottom) / 2
        if not (0 <= hx <= width and 0 <= vy <= height):
            continue  # outside the visible page: a person does not see it
        chars.append((text, cx0, ctop, cx1, cbottom, cbottom - ctop))
    edges: list[dict[str, object]] = []
    for r in page.rects:
        if r.get("fill") and not r.get("stroke") and _white(r.get("non_stroking_color")):
            continue  # white shading on the white page: no line a person sees
        edges += rect_edges(r["x0"] - x0, r["top"] - top, r["x1"] - x0, r["bottom"] - top,
                            width, height)
    for obj in list(page.lines) + list(page.curves):
        pts = obj.get("pts") or []
        for (xa, ya), (xb, yb) in pairwise(pts):
            edges += segment_edges(xa - x0, ya - top, xb - x0, yb - top, width, height)
    images = []
    for im in page.images:  # the visible part of each image
        ix0, ix1 = max(im["x0"] - x0, 0.0), min(im["x1"] - x0, width)
        it, ib = max(im["top"] - top, 0.0), min(im["bottom"] - top, height)
        if ix1 > ix0 and ib > it:
            images.append((ix0, it, ix1, ib))
    return PageContent(number, width, height, chars, edges, images)


def _white(color: Any) -> bool:
    """Whether a pdfminer colour value is white (gray 1, RGB 1 1 1 or CMYK 0 0 0 0)."""
    if isinstance(color, (int, float)):
        return float(color) >= 0.98
    if not isinstance(color, (tuple, list)) or not color:
        return False
    try:
        values = [float(v) for v in color]
    except (TypeError, ValueError):
        return False  # a pattern colour
    if len(values) == 4:
        return max(values) <= 0.02
    return min(values) >= 0.98
