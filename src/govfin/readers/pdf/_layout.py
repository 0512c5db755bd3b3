"""Page layout: characters and ruling lines of one PDF page -> printed rows of cells.

This module knows nothing of any PDF library.  A backend (:mod:`._pdfium` or
:mod:`._plumber`) turns a page into a :class:`PageContent` — the visible characters with their
boxes, and the page's ruling edges (the sides of drawn lines and rectangles) — and
:func:`page_rows` turns that into rows in reading order:

- ruled tables: the grid is found from the edges (pdfplumber's intersection and cell
  functions, the same ones its table finder uses), each character goes to the cell holding its
  centre, one row per grid row, one cell per grid column ("" for an empty or spanned cell);
  narrow grid columns empty in every row ("ghost" columns from cell shading) and empty rows
  are removed (a wide empty column is a real one, blank on this page, and is kept); a row
  left open at a page break (column rules without a top or bottom rule) is closed;
- everything else is grouped into printed lines; a line is split into cells at wide gaps
  ("编制部门：XXX        单位：元"); consecutive split lines whose cells line up under a line
  holding numbers (a table without ruling lines) get their cells placed in shared columns,
  taken from the lines holding amounts; the two pieces of a label wrapped in its cell around
  such a row (one line above the row's other cells, one below) are put back into the row;
- tables and lines are merged top to bottom.

All coordinates are in points from the page's top-left corner (y grows downwards).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from pdfplumber import table as _pt
from pdfplumber import utils as _pu

from ..source import Box

__all__ = ["Char", "PageContent", "page_rows"]

# Char: (text, x0, top, x1, bottom, size) -- a plain tuple: pages hold thousands of them.
Char = tuple[str, float, float, float, float, float]

_SNAP = 3.0  # pdfplumber's defaults for snapping, joining and intersecting edges
_JOIN = 3.0
_INTERSECT = 3.0
_EDGE_MIN = 3.0
_FRAME_SHARE = 0.9  # a rectangle covering this share of the page both ways frames the page
_SPACE_GAP = 0.25  # a gap wider than this share of the font size is a space
_GHOST_WIDTH = 12.0  # an empty grid column narrower than this (points) is a ghost
_TWIN = 1.0  # the same character this close (points) to another copy is printed on it
_CELL_GAP = 2.0  # a gap wider than this many font sizes splits a text line into cells


@dataclass
class PageContent:
    """What a backend reads off one page: its size, visible characters and ruling edges.

    ``edges`` are dicts in pdfplumber's edge form (``x0 top x1 bottom width height
    orientation``), already clipped to the page and without a rectangle framing the page.
    ``images``: the boxes (x0, top, x1, bottom) of the images drawn, clipped to the page.
    """

    number: int
    width: float
    height: float
    chars: list[Char]
    edges: list[dict[str, object]] = field(default_factory=list)
    images: list[tuple[float, float, float, float]] = field(default_factory=list)


@dataclass
class _Item:
    """One output row before ranking: its top (for ordering), cells and boxes."""

    top: float
    left: float
    cells: list[str]
    boxes: list[Box | None]
    #: The printed text lines it is made of, each its characters (None for a ruled row).
    lines: list[list[Char]] | None = None


# ---------------------------------------------------------------------------- edges


def rect_edges(
    x0: float, top: float, x1: float, bottom: float, width: float, height: float
) -> list[dict[str, object]]:
    """The four sides of a rectangle as edges, clipped to the page; [] for a page frame.

    A drawn rectangle covering nearly the whole page (a background or a frame) is no table.
    """
    if x0 > x1:
        x0, x1 = x1, x0
    if top > bottom:
        top, bottom = bottom, top
    cx0, cx1 = (x0 if x0 > 0 else 0.0), (min(width, x1))
    ct, cb = (top if top > 0 else 0.0), (min(height, bottom))
    if cx1 - cx0 >= _FRAME_SHARE * width and cb - ct >= _FRAME_SHARE * height:
        return []
    out: list[dict[str, object]] = []
    if cx1 > cx0:
        for y in (top, bottom):
            if 0 <= y <= height:
                out.append({"x0": cx0, "x1": cx1, "top": y, "bottom": y, "width": cx1 - cx0,
                            "height": 0.0, "orientation": "h"})
    if cb > ct:
        for x in (x0, x1):
            if 0 <= x <= width:
                out.append({"x0": x, "x1": x, "top": ct, "bottom": cb, "width": 0.0,
                            "height": cb - ct, "orientation": "v"})
    return out


def segment_edges(
    xa: float, ya: float, xb: float, yb: float, width: float, height: float
) -> list[dict[str, object]]:
    """A straight segment as an edge if it is horizontal or vertical, clipped to the page."""
    if abs(ya - yb) < 0.5:  # horizontal
        y = (ya + yb) / 2
        if not 0 <= y <= height:
            return []
        x0, x1 = sorted((max(min(xa, xb), 0.0), min(max(xa, xb), width)))
        if x1 - x0 <= 0:
            return []
        return [
            {"x0": x0, "x1": x1, "top": y, "bottom": y, "width": x1 - x0, "height": 0.0,
             "orientation": "h"}
        ]
    if abs(xa - xb) < 0.5:  # vertical
        x = (xa + xb) / 2
        if not 0 <= x <= width:
            return []
        t, b = max(min(ya, yb), 0.0), min(max(ya, yb), height)
        if b - t <= 0:
            return []
        return [
            {"x0": x, "x1": x, "top": t, "bottom": b, "width": 0.0, "height": b - t,
             "orientation": "v"}
        ]
    return []


def is_frame(edges: list[dict[str, object]], width: float, height: float) -> bool:
    """Whether the edges of one drawn rectangle frame the whole page (at most four sides)."""
    if not edges or len(edges) > 4:
        return False
    x0 = min(float(e["x0"]) for e in edges)  # type: ignore[arg-type]
    x1 = max(float(e["x1"]) for e in edges)  # type: ignore[arg-type]
    t = min(float(e["top"]) for e in edges)  # type: ignore[arg-type]
    b = max(float(e["bottom"]) for e in edges)  # type: ignore[arg-type]
    return x1 - x0 >= _FRAME_SHARE * width and b - t >= _FRAME_SHARE * height


def rotate(page: PageContent, rotation: int) -> PageContent:
    """The page as displayed under its /Rotate (90, 180 or 270 degrees clockwise)."""
    w, h = page.width, page.height

    def point(x: float, y: float) -> tuple[float, float]:
        if rotation == 90:
            return h - y, x
        if rotation == 180:
            return w - x, h - y
        return y, w - x  # 270

    def box(x0: float, t: float, x1: float, b: float) -> tuple[float, float, float, float]:
        ax, ay = point(x0, t)
        bx, by = point(x1, b)
        return min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)

    chars: list[Char] = []
    for text, x0, t, x1, b, size in page.chars:
        nx0, nt, nx1, nb = box(x0, t, x1, b)
        chars.append((text, nx0, nt, nx1, nb, nb - nt if rotation != 180 else size))
    edges: list[dict[str, object]] = []
    for e in page.edges:
        nx0, nt, nx1, nb = box(float(e["x0"]), float(e["top"]),  # type: ignore[arg-type]
                               float(e["x1"]), float(e["bottom"]))  # type: ignore[arg-type]
        horizontal = nb - nt < nx1 - nx0 or (nb - nt == nx1 - nx0 == 0)
        edges.append({"x0": nx0, "x1": nx1, "top": nt, "bottom": nb, "width": nx1 - nx0,
                      "height": nb - nt, "orientation": "h" if horizontal else "v"})
    images = [box(*im) for im in page.images]
    if rotation in (90, 270):
        w, h = h, w
    return PageContent(page.number, w, h, chars, edges, images)


# ---------------------------------------------------------------------------- text


_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]")


def _joiner(left: str, right: str) -> str:
    """What joins two pieces of text of one cell printed on two lines: "" or " ".

    >>> _joiner("人大事务及其他一般", "公共服务支出"), _joiner("Other general", "public services")
    ('', ' ')
    """
    if not left or not right:
        return ""
    if _CJK.match(left[-1]) or _CJK.match(right[0]):
        return ""
    return " "


def _lines(chars: Sequence[Char]) -> list[list[Char]]:
    """Group characters into printed lines (by vertical overlap), each sorted left to right."""
    lines: list[list[Char]] = []
    spans: list[tuple[float, float]] = []
    for ch in sorted(chars, key=lambda c: (c[2] + c[4], c[1])):
        mid = (ch[2] + ch[4]) / 2
        for i in range(len(lines) - 1, max(len(lines) - 4, -1), -1):
            top, bottom = spans[i]
            if top <= mid <= bottom:
                lines[i].append(ch)
                break
        else:
            lines.append([ch])
            spans.append((ch[2], ch[4]))
    for line in lines:
        line.sort(key=lambda c: c[1])
    lines.sort(key=lambda ln: min(c[2] for c in ln))
    return lines


def _line_text(line: Sequence[Char]) -> str:
    """The text of one printed line: a space where the PDF has one or where a gap is wide."""
    out: list[str] = []
    prev: Char | None = None
    space = False
    for ch in line:
        if ch[0] == " ":
            space = prev is not None
            continue
        if prev is not None and (space or ch[1] - prev[3] > _SPACE_GAP * max(ch[5], prev[5], 1.0)):
            out.append(" ")
        out.append(ch[0])
        prev, space = ch, False
    return "".join(out)


def _cell_text(chars: Sequence[Char]) -> str:
    text = ""
    for line in _lines(chars):
        piece = _line_text(line)
        text = text + _joiner(text, piece) + piece if text else piece
    return text


def _bbox(chars: Iterable[Char]) -> Box:
    cs = [c for c in chars if c[0] != " "]
    return Box(min(c[1] for c in cs), min(c[2] for c in cs), max(c[3] for c in cs),
               max(c[4] for c in cs))


def _split_line(line: Sequence[Char], spaced: bool = True) -> list[list[Char]]:
    """Split one printed line into cells at gaps wider than :data:`_CELL_GAP` font sizes.

    Space characters (Word pads with them) neither open a cell nor bridge a gap.  With
    ``spaced``, a line of single characters far apart is one letter-spaced word ("目    录");
    without, every piece stays apart (the header step places each under its column).
    """
    pieces: list[list[Char]] = []
    prev: Char | None = None
    for ch in line:
        if ch[0] == " ":
            if pieces:
                pieces[-1].append(ch)
            continue
        if prev is None or ch[1] - prev[3] > _CELL_GAP * max(ch[5], prev[5], 1.0):
            pieces.append([ch])
        else:
            pieces[-1].append(ch)
        prev = ch
    pieces = [[c for c in p] for p in pieces]
    if spaced and len(pieces) > 1 and all(sum(c[0] != " " for c in p) == 1 for p in pieces):
        return [[c for p in pieces for c in p]]  # one letter-spaced word ("目    录")
    return pieces


# ---------------------------------------------------------------------------- tables


def _tables(edges: list[dict[str, object]]) -> list[list[tuple[float, float, float, float]]]:
    """Cell boxes of each ruled table, found from the page's edges."""
    if not edges:
        return []
    merged = _pt.merge_edges(edges, _SNAP, _SNAP, _JOIN, _JOIN)
    merged = _pu.filter_edges(merged, min_length=_EDGE_MIN)
    merged += _open_ends(merged)
    inter = _pt.edges_to_intersections(merged, _INTERSECT, _INTERSECT)
    cells = _pt.intersections_to_cells(inter)
    return _pt.cells_to_tables(cells)


def _open_ends(edges: list[dict[str, object]]) -> list[dict[str, object]]:
    """Closing rules for a table row left open at a page break.

    A table continued from the previous page often starts with a row that has its column
    rules but no top rule (and one running on ends with no bottom rule).  Where two or more
    vertical rules start (or end) at the same height and no horizontal rule joins them there,
    a person still sees a row: add the missing rule between the outermost of them.
    """
    hs = [e for e in edges if e["orientation"] == "h"]
    vs = [e for e in edges if e["orientation"] == "v"]
    added: list[dict[str, object]] = []
    for end in ("top", "bottom"):
        groups: dict[int, list[dict[str, object]]] = {}
        for v in vs:
            groups.setdefault(round(float(v[end]) / _SNAP), []).append(v)  # type: ignore[arg-type]
        for group in groups.values():
            if len(group) < 2:
                continue
            y = sum(float(v[end]) for v in group) / len(group)  # type: ignore[arg-type]
            x0 = min(float(v["x0"]) for v in group)  # type: ignore[arg-type]
            x1 = max(float(v["x0"]) for v in group)  # type: ignore[arg-type]
            joined = [v for v in group if any(
                abs(float(h["top"]) - y) <= _INTERSECT  # type: ignore[arg-type]
                and float(h["x0"]) - _INTERSECT <= float(v["x0"])  # type: ignore[arg-type]
                <= float(h["x1"]) + _INTERSECT  # type: ignore[arg-type]
                for h in hs)]
            if joined:
                continue
            added.append({"x0": x0, "x1": x1, "top": y, "bottom": y, "width": x1 - x0,
                          "height": 0.0, "orientation": "h"})
    return added


def _keep_runs_whole(placed: list[Char], where: dict[int, tuple[int, int]]) -> None:
    """Keep a run of touching characters in one cell.

    A spreadsheet lets a long text run on over the rule into the empty cell beside it; a
    person reads one text there.  A run (characters of one line with no space-wide gap
    between them) whose characters fell into two cells goes whole to the cell holding most of
    it (the first of them on a tie), when the other cell holds nothing but the run's end.
    """
    total: dict[tuple[int, int], int] = {}
    for key in where.values():
        total[key] = total.get(key, 0) + 1
    for line in _lines(placed):
        run: list[Char] = []
        for ch in line + [("", 1e9, 0.0, 1e9, 0.0, 0.0)]:
            if run and (ch[0] in ("", " ") or ch[1] - run[-1][3]
                        > _SPACE_GAP * max(ch[5], run[-1][5], 1.0)):
                keys = [where[id(c)] for c in run]
                if len(set(keys)) > 1:
                    best = max(dict.fromkeys(keys), key=keys.count)
                    spill = {k for k in keys if k != best and keys.count(k) == total[k]}
                    for c in run:
                        if where[id(c)] in spill:
                            total[where[id(c)]] -= 1
                            total[best] += 1
                            where[id(c)] = best
                run = []
            if ch[0] not in ("", " "):
                run.append(ch)


def _table_items(
    cells: list[tuple[float, float, float, float]], chars: list[Char], taken: list[bool]
) -> list[_Item]:
    """One item per non-empty grid row of a ruled table; ghost columns removed."""
    xs = sorted({c[0] for c in cells})
    tops = sorted({c[1] for c in cells})
    col = {x: i for i, x in enumerate(xs)}
    row = {t: i for i, t in enumerate(tops)}
    grid: dict[tuple[int, int], tuple[float, float, float, float]] = {
        (row[c[1]], col[c[0]]): c for c in cells
    }
    x0, top = min(c[0] for c in cells), min(c[1] for c in cells)
    x1, bottom = max(c[2] for c in cells), max(c[3] for c in cells)
    where: dict[int, tuple[int, int]] = {}  # id of a character -> its cell
    # each character goes to the cell holding its centre: find the grid column and row by
    # bisection, then the cell covering that slot (a merged cell covers several slots)
    cover: dict[tuple[int, int], tuple[int, int]] = {}
    for key, (cx0, ctop, cx1, cbottom) in grid.items():
        for r in range(key[0], bisect_left(tops, cbottom)):
            for c in range(key[1], bisect_left(xs, cx1)):
                cover.setdefault((r, c), key)
    for i, ch in enumerate(chars):
        if taken[i]:
            continue
        hx, vy = (ch[1] + ch[3]) / 2, (ch[2] + ch[4]) / 2
        if not (x0 <= hx < x1 and top <= vy < bottom):
            continue
        key = cover.get((bisect_right(tops, vy) - 1, bisect_right(xs, hx) - 1))
        if key is None:
            continue
        cx0, ctop, cx1, cbottom = grid[key]
        if cx0 <= hx < cx1 and ctop <= vy < cbottom:
            where[id(ch)] = key
            taken[i] = True
    placed = [ch for i, ch in enumerate(chars) if id(ch) in where]
    _keep_runs_whole(placed, where)
    content: dict[tuple[int, int], list[Char]] = {}
    for ch in placed:
        content.setdefault(where[id(ch)], []).append(ch)
    texts = {k: t for k, v in content.items() if (t := _cell_text(v))}
    # a ghost column (cell shading in Word exports) is narrow and empty in every row; a wide
    # empty column is a real one (an amount column blank on this page) and is kept
    widths = [min(c[2] - c[0] for c in cells if c[0] == x) for x in xs]
    filled = {k[1] for k in texts}
    used_cols = [i for i in range(len(xs)) if i in filled or widths[i] >= _GHOST_WIDTH]
    items: list[_Item] = []
    for r in range(len(tops)):
        if not any((r, c) in texts for c in used_cols):
            continue  # an empty row
        boxes: list[Box | None] = []
        for c in used_cols:
            cell = grid.get((r, c))
            boxes.append(Box(*cell) if cell is not None else None)
        items.append(_Item(tops[r], x0, [texts.get((r, c), "") for c in used_cols], boxes))
    return items


# ---------------------------------------------------------------------------- unruled


_NUMBER = re.compile(r"^-?[\d,]+(\.\d+)?%?$")
_AMOUNT = re.compile(r"^-?[\d,]*\d\.\d+$")


def _align(block: list[_Item]) -> list[tuple[float, float]] | None:
    """Place the cells of a run of split lines (a table without ruling lines) in columns.

    Columns come from the lines holding numbers: each of their cells is a column, by its x
    extent.  Every line of the run whose cells each fall into one distinct column is laid out
    on those columns ("" where it has no cell); other lines keep their cells as they are.
    Returns the columns (x extents, left to right), or None when the run gives none.
    """
    anchors: list[tuple[float, float]] = []
    # Amount lines ("631.71") make the columns when the run has them: a 栏次 line ("栏次 1 2 3",
    # its label centred over two columns, its numbers centred where amounts sit right) or a
    # line of 行次 alone would give columns that are not the table's.
    amounts = [it for it in block if any(_AMOUNT.match(t.replace(" ", "")) for t in it.cells)]
    for item in amounts or block:
        if not any(_NUMBER.match(t.replace(" ", "")) for t in item.cells):
            continue
        for b in item.boxes:
            assert b is not None
            for k, (a0, a1) in enumerate(anchors):
                if b.x0 < a1 and b.x1 > a0:
                    anchors[k] = (min(a0, b.x0), max(a1, b.x1))
                    break
            else:
                anchors.append((b.x0, b.x1))
    anchors.sort()
    if len(anchors) < 2 or any(a[1] > b[0] for a, b in pairwise(anchors)):
        return None
    for item in block:
        slots: list[int] = []
        for b in item.boxes:
            assert b is not None
            hit = [k for k, (a0, a1) in enumerate(anchors) if b.x0 < a1 and b.x1 > a0]
            if len(hit) != 1:
                # no overlap: the nearest column by centre, when it lies between columns
                if not hit:
                    mid = (b.x0 + b.x1) / 2
                    hit = [min(range(len(anchors)),
                               key=lambda k: abs((anchors[k][0] + anchors[k][1]) / 2 - mid))]
                else:
                    slots = []
                    break
            slots.append(hit[0])
        if not slots or len(set(slots)) != len(slots) or slots != sorted(slots):
            continue
        cells = [""] * len(anchors)
        boxes: list[Box | None] = [None] * len(anchors)
        for k, t, b in zip(slots, item.cells, item.boxes):
            cells[k], boxes[k] = t, b
        item.cells, item.boxes = cells, boxes
    return anchors


def _wraps_into(frag: _Item, row: _Item, above: bool) -> bool:
    """Is the one-cell line ``frag`` a piece of a label wrapped in its cell around ``row``?

    Without ruling lines a name wrapped over two lines and centred in its cell prints its
    first line above the row's other cells and its second below: each piece lies where the
    row has no cell (between two of its cells), next to the row (less than a line apart)."""
    if len(frag.cells) != 1 or len(row.cells) < 3 or not frag.cells[0].strip():
        return False
    f, boxes = frag.boxes[0], [b for b in row.boxes if b is not None]
    if f is None or len(boxes) != len(row.boxes) or _NUMBER.match(frag.cells[0].replace(" ", "")):
        return False
    height = max(b.bottom - b.top for b in boxes)
    gap = row.top - f.bottom if above else f.top - max(b.bottom for b in boxes)
    if not -0.6 * height <= gap <= 0.6 * height:  # the pieces may reach into the row's band
        return False
    if any(b.x0 < f.x1 and b.x1 > f.x0 for b in boxes):
        return False  # the piece would overlap a cell of the row
    return boxes[0].x1 < f.x0 and f.x1 < boxes[-1].x0  # between two cells of the row


def _join_wrapped(items: list[_Item]) -> list[_Item]:
    """Put the pieces of a label wrapped around a row of a table without ruling lines (see
    :func:`_wraps_into`) back into the row, as one cell where the row has none."""
    out: list[_Item] = []
    i = 0
    while i < len(items):
        row = items[i]
        before = out[-1] if out and _wraps_into(out[-1], row, above=True) else None
        after = items[i + 1] if i + 1 < len(items) and _wraps_into(items[i + 1], row, False) else None
        pieces = [p for p in (before, after) if p is not None]
        if pieces and (len(pieces) == 1 or _same_column(before, after)):
            if before is not None:
                out.pop()
            text = "".join(p.cells[0] for p in pieces)
            bs = [p.boxes[0] for p in pieces if p.boxes[0] is not None]
            box = Box(min(b.x0 for b in bs), min(b.top for b in bs), max(b.x1 for b in bs),
                      max(b.bottom for b in bs))
            k = sum(1 for b in row.boxes if b is not None and b.x1 <= box.x0)
            lines = [row.lines, *(p.lines for p in pieces)]
            row = _Item(row.top, row.left, [*row.cells[:k], text, *row.cells[k:]],
                        [*row.boxes[:k], box, *row.boxes[k:]],
                        None if None in lines else [ln for ls in lines for ln in ls])
            i += 1 if after is None else 2
        else:
            i += 1
        out.append(row)
    return out


def _same_column(a: _Item | None, b: _Item | None) -> bool:
    assert a is not None and b is not None
    x, y = a.boxes[0], b.boxes[0]
    return x is not None and y is not None and x.x0 < y.x1 and y.x0 < x.x1


_LABEL_GAP = 0.35  # lines of one label are closer than this share of their height
_ZONE_GAP = 1.0  # a header line is closer than this many line heights to the line below it


@dataclass
class _Label:
    """A header label of a table without ruling lines: its pieces (one per printed line, top
    to bottom) and the columns it stands over (``lo`` … ``hi``; more than one: a group label)."""

    pieces: list[tuple[Box, str]]
    lo: int
    hi: int

    @property
    def top(self) -> float:
        return min(b.top for b, _ in self.pieces)

    @property
    def bottom(self) -> float:
        return max(b.bottom for b, _ in self.pieces)

    @property
    def text(self) -> str:
        text = ""
        for _, piece in sorted(self.pieces, key=lambda p: (p[0].top, p[0].x0)):
            text = text + _joiner(text, piece) + piece if text else piece
        return text

    @property
    def box(self) -> Box:
        bs = [b for b, _ in self.pieces]
        return Box(min(b.x0 for b in bs), min(b.top for b in bs), max(b.x1 for b in bs),
                   max(b.bottom for b in bs))


def _header_zone(items: list[_Item], first: int, extent: tuple[float, float]) -> int:
    """The index of the first line of the header above ``items[first]`` (the first line of a
    table without ruling lines that holds a number): the text lines right above it that lie
    within the table's width, each less than a line height above the next.  ``first`` (no
    header) when a line holding a number is met first: ``items[first]`` then continues a
    table whose rows lie above (the lines between are pieces of a name wrapped in its cell).
    ``extent``: the table's width, from its lines below.
    """
    size = max((b.bottom - b.top for b in items[first].boxes if b is not None), default=0.0)
    x0, x1 = extent[0] - size / 2, extent[1] + size / 2
    top = items[first].top
    start = first
    for k in range(first - 1, -1, -1):
        it = items[k]
        boxes = [b for b in it.boxes if b is not None]
        if it.lines is None or not boxes:
            break
        if any(_NUMBER.match(t.replace(" ", "")) for t in it.cells):
            return first  # a table's row: the lines below it are not a header
        if min(b.x0 for b in boxes) < x0 or max(b.x1 for b in boxes) > x1:
            break  # wider than the table: a title, the 部门名称/单位 line
        if top - max(b.bottom for b in boxes) > _ZONE_GAP * size:
            break
        top, start = min(top, min(b.top for b in boxes)), k
    return start


def _labels(zone: list[_Item], anchors: list[tuple[float, float]]) -> list[_Label] | None:
    """The header labels of ``zone``, each over the columns its pieces overlap; None when the
    page does not tell: a piece over no column, or the lines of one label over different
    columns."""
    pieces: list[tuple[Box, str, int, int]] = []
    for item in zone:
        assert item.lines is not None
        for p in (p for line in item.lines for p in _split_line(line, spaced=False)):
            b = _bbox(p)
            hits = [k for k, (a0, a1) in enumerate(anchors) if b.x0 < a1 and b.x1 > a0]
            if not hits:
                return None
            pieces.append((b, _line_text(p), hits[0], hits[-1]))
    # the lines of one label: pieces on consecutive lines (less than _LABEL_GAP of a line
    # apart), one over the other
    parent = list(range(len(pieces)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, (a, _, _, _) in enumerate(pieces):
        for j in range(i):
            b = pieces[j][0]
            upper, lower = (a, b) if a.top < b.top else (b, a)
            gap = lower.top - upper.bottom
            height = max(a.bottom - a.top, b.bottom - b.top)
            if -0.5 * height < gap <= _LABEL_GAP * height and a.x0 < b.x1 and b.x0 < a.x1:
                parent[find(i)] = find(j)
    groups: dict[int, list[int]] = {}
    for i in range(len(pieces)):
        groups.setdefault(find(i), []).append(i)
    labels: list[_Label] = []
    for members in groups.values():
        spans = {(pieces[i][2], pieces[i][3]) for i in members}
        if len(spans) != 1:
            return None  # the lines of one label stand over different columns
        (lo, hi), = spans
        labels.append(_Label([(pieces[i][0], pieces[i][1]) for i in members], lo, hi))
    return labels


def _placed(item: _Item, anchors: list[tuple[float, float]]) -> bool:
    """Whether every piece of a header line stands over a column."""
    assert item.lines is not None
    return all(any(b.x0 < a1 and b.x1 > a0 for a0, a1 in anchors)
               for line in item.lines for b in map(_bbox, _split_line(line, spaced=False)))


def _as_printed(item: _Item) -> None:
    """A line put back as printed: its cells split at wide gaps, placed in no column."""
    assert item.lines is not None
    pieces = sorted((p for line in item.lines for p in _split_line(line)),
                    key=lambda p: _bbox(p).x0)
    item.cells = [_line_text(p) for p in pieces]
    item.boxes = [_bbox(p) for p in pieces]


def _spans(labels: list[_Label]) -> None:
    """Widen a label over a column to the group label it is, where the page tells so.

    In a ruled table a group label is a merged cell over the columns of its sub-labels.
    Without rules it is printed centred over them and may overlap only the middle one.  A
    label over column ``c`` with a label below it there spans the widest run of columns
    around ``c`` that each have a label below it and nothing beside it at its height, when
    it is centred over their labels (within a character); otherwise it names ``c`` alone.
    """
    for u in sorted(labels, key=lambda lb: lb.top):
        if u.lo != u.hi:
            continue
        c = u.lo
        size = min(b.bottom - b.top for b, _ in u.pieces)

        def below(k: int) -> list[_Label]:
            return [lb for lb in labels if lb.lo <= k <= lb.hi and lb.top >= u.bottom]

        def free(k: int) -> bool:
            return bool(below(k)) and not any(
                lb is not u and lb.lo <= k <= lb.hi and lb.top < u.bottom and lb.bottom > u.top
                for lb in labels)

        if not below(c):
            continue
        lo = hi = c
        while lo > 0 and free(lo - 1):
            lo -= 1
        while hi < max(lb.hi for lb in labels) and free(hi + 1):
            hi += 1
        centre = (u.box.x0 + u.box.x1) / 2
        best = None
        for a in range(lo, c + 1):
            for b in range(c, hi + 1):
                under = [lb.box for k in range(a, b + 1) for lb in below(k)]
                mid = (min(x.x0 for x in under) + max(x.x1 for x in under)) / 2
                if b > a and abs(mid - centre) <= size and (best is None or b - a > best[1] - best[0]):
                    best = (a, b)
        if best is not None:
            u.lo, u.hi = best


def _header(
    items: list[_Item], first: int, anchors: list[tuple[float, float]], extent: tuple[float, float]
) -> list[_Item]:
    """Rebuild the header of a table without ruling lines whose labels wrap over lines.

    The header lines (:func:`_header_zone`) are cut into pieces at wide gaps; a piece belongs
    to the columns whose amounts it overlaps (:func:`_labels`); the pieces of one label, one
    line over the other, are joined.  A label over one column names it; one over several is a
    group label spanning them, printed in the first (as a merged cell of a ruled table), as
    is one centred over the labels of several columns (:func:`_spans`).  The labels become
    header rows as a ruled table gives them: a label under another in its column one row
    lower.  A top line whose labels stand over no column ("收入" and "支出" centred over the
    two halves of a 收入支出决算总表) stays as printed, placed in no column.

    Nothing changes when no label wraps (a header of one-line labels is read as its lines),
    nor when the page does not tell where a piece belongs (:func:`_labels`: None).
    """
    start = _header_zone(items, first, extent)
    top = start if start < first and not _placed(items[start], anchors) else None
    if top is not None:
        start += 1
    if start >= first:
        return items
    labels = _labels(items[start:first], anchors)
    if labels is None or all(len(lb.pieces) == 1 for lb in labels):
        return items
    _spans(labels)
    # a label's row: one below the lowest row of the labels above it in its columns
    level: dict[int, int] = {}
    for lb in sorted(labels, key=lambda x: x.top):
        above = [level[id(o)] for o in labels if id(o) in level and o.lo <= lb.hi
                 and lb.lo <= o.hi and o.bottom <= lb.top]
        level[id(lb)] = 1 + max(above, default=-1)
    out: list[_Item] = []
    n = len(anchors)
    for r in range(max(level.values()) + 1):
        row = sorted((lb for lb in labels if level[id(lb)] == r), key=lambda x: (x.top, x.box.x0))
        cells: list[str] = [""] * n
        boxes: list[Box | None] = [None] * n
        for lb in row:
            if any(o is not lb and o.lo <= lb.hi and lb.lo <= o.hi and (o.lo, o.hi) != (lb.lo, lb.hi)
                   for o in row):
                return items  # labels of one row over partly the same columns: not told
            box, old = lb.box, boxes[lb.lo]
            cells[lb.lo] += (" " if cells[lb.lo] else "") + lb.text
            boxes[lb.lo] = box if old is None else Box(
                min(old.x0, box.x0), min(old.top, box.top), max(old.x1, box.x1),
                max(old.bottom, box.bottom))
        placed = [b for b in boxes if b is not None]
        out.append(_Item(min(b.top for b in placed), min(b.x0 for b in placed), cells, boxes))
    if top is not None:
        _as_printed(items[top])
    return [*items[:start], *out, *items[first:]]


def _text_items(chars: list[Char]) -> list[_Item]:
    items: list[_Item] = []
    for line in _lines(chars):
        pieces = _split_line(line)
        if not pieces:
            continue  # a line of spaces only
        box = [_bbox(p) for p in pieces]
        items.append(_Item(min(b.top for b in box), box[0].x0,
                           [_line_text(p) for p in pieces], list(box), [list(line)]))
    items = _join_wrapped(items)
    # runs of consecutive multi-cell lines holding a number: tables without ruling lines
    run: list[_Item] = []
    tables: list[tuple[_Item, list[tuple[float, float]], tuple[float, float]]] = []
    for item in items + [_Item(0, 0, [""], [None])]:
        if len(item.cells) > 1:
            run.append(item)
            continue
        if len(run) >= 2 and (anchors := _align(run)) is not None:
            k = next((i for i, it in enumerate(run)
                      if any(_NUMBER.match(t.replace(" ", "")) for t in it.cells)), None)
            if k is not None:
                first = run[k]
                below = [b for it in run[k:] for b in it.boxes if b is not None]
                extent = (min(b.x0 for b in below), max(b.x1 for b in below))
                tables.append((first, anchors, extent))
        run = []
    for first, anchors, extent in tables:
        at = next(i for i, it in enumerate(items) if it is first)
        items = _header(items, at, anchors, extent)
    return items


# ---------------------------------------------------------------------------- page


def dedupe(chars: list[Char]) -> list[Char]:
    """Drop a character printed again on itself (fake bold: the glyph drawn 2-4 times, a
    fraction of a point apart); a person sees it once.

    >>> [c[0] for c in dedupe([("合", 10, 5, 20, 15, 10), ("合", 10.3, 5, 20.3, 15, 10),
    ...                         ("合", 20, 5, 30, 15, 10)])]
    ['合', '合']
    """
    # the same character, sorted by height on the page: a copy is within _TWIN of an earlier
    # one in both directions, so it is found in the short run of those less than _TWIN above
    order = sorted((c[0], c[2], c[1], i) for i, c in enumerate(chars) if c[0] != " ")
    drop: set[int] = set()
    for k, (text, top, x0, i) in enumerate(order):
        j = k - 1
        while j >= 0:
            t2, top2, x2, i2 = order[j]
            if t2 != text or top - top2 >= _TWIN:
                break
            if i2 not in drop and abs(x2 - x0) < _TWIN:
                drop.add(i)
                break
            j -= 1
    if not drop:
        return chars
    return [c for i, c in enumerate(chars) if i not in drop]


def _area(cells: list[tuple[float, float, float, float]]) -> float:
    x0, top = min(c[0] for c in cells), min(c[1] for c in cells)
    x1, bottom = max(c[2] for c in cells), max(c[3] for c in cells)
    return (x1 - x0) * (bottom - top)


def _frames(cell: tuple[float, float, float, float], page: PageContent) -> bool:
    return (cell[2] - cell[0] >= _FRAME_SHARE * page.width
            and cell[3] - cell[1] >= _FRAME_SHARE * page.height)


def page_rows(page: PageContent) -> list[tuple[list[str], list[Box | None]]]:
    """The rows of one page in reading order: (cells, boxes) per printed row."""
    chars = dedupe(page.chars)
    taken = [False] * len(chars)
    items: list[_Item] = []
    # smallest first, so that a table inside a box takes its own characters; a lone cell
    # framing the page (a border drawn as four lines) is no table
    for cells in sorted(_tables(page.edges), key=_area):
        if len(cells) == 1 and _frames(cells[0], page):
            continue
        items.extend(_table_items(cells, chars, taken))
    rest = [c for c, t in zip(chars, taken) if not t]
    if rest:
        items.extend(_text_items(rest))
    items.sort(key=lambda it: (round(it.top, 1), it.left))
    return [(it.cells, it.boxes) for it in items]
