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
- everything else is grouped into printed lines (:mod:`._text`); a line is split into cells
  at wide gaps ("编制部门：XXX        单位：元"); the lines of a table without ruling lines
  are laid out on its columns, its header and its wrapped names put back together
  (:mod:`._unruled`);
- tables and lines are merged top to bottom.

All coordinates are in points from the page's top-left corner (y grows downwards).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from pdfplumber import table as _pt
from pdfplumber import utils as _pu

from ..source import Box
from ._text import SPACE_GAP, Char, Item, cell_text, printed_lines
from ._unruled import text_items

__all__ = ["Char", "PageContent", "page_rows"]

_SNAP = 3.0  # pdfplumber's defaults for snapping, joining and intersecting edges
_JOIN = 3.0
_INTERSECT = 3.0
_EDGE_MIN = 3.0
_FRAME_SHARE = 0.9  # a rectangle covering this share of the page both ways frames the page
_GHOST_WIDTH = 12.0  # an empty grid column narrower than this (points) is a ghost
_TWIN = 1.0  # the same character this close (points) to another copy is printed on it


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


# ---------------------------------------------------------------------------- tables


def _tables(edges: list[dict[str, object]]) -> list[list[tuple[float, float, float, float]]]:
    """Cell boxes of each ruled table, found from the page's edges."""
    if not edges:
        return []
    merged = _pt.merge_edges(edges, _SNAP, _SNAP, _JOIN, _JOIN)
    merged = _pu.filter_edges(merged, min_length=_EDGE_MIN)
    merged += _open_ends(merged)
    merged += _rows_begun(merged)
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


def _rows_begun(edges: list[dict[str, object]]) -> list[dict[str, object]]:
    """The missing rule under a merged header cell, where a column rule begins below it.

    A header cell over several columns ("项目" over "功能分类科目编码" and "科目名称") is closed
    by a rule under it; some tables print that rule only as the top of the column rules
    beginning there.  A column rule whose top end meets no horizontal rule, inside a row the
    rules on both sides of it pass through, divides that row there: a person sees the merged
    cell above and the cells beside the column rule below.  The rule is added across that
    row's cell (from the nearest column rule on its left passing through that height to the
    nearest on its right).  (The bottom end is not taken: a cell merged down over two rows
    ends a column rule the same way.)
    """
    hs = [e for e in edges if e["orientation"] == "h"]
    vs = [e for e in edges if e["orientation"] == "v"]
    added: list[dict[str, object]] = []
    seen: set[tuple[int, int, int]] = set()
    for v in vs:
        x, y = float(v["x0"]), float(v["top"])  # type: ignore[arg-type]
        if any(abs(float(h["top"]) - y) <= _INTERSECT  # type: ignore[arg-type]
               and float(h["x0"]) - _INTERSECT <= x <= float(h["x1"]) + _INTERSECT  # type: ignore[arg-type]
               for h in hs):
            continue  # the rule meets a horizontal one: no row begins here unseen
        through = [float(u["x0"]) for u in vs  # type: ignore[arg-type]
                   if float(u["top"]) < y - _SNAP and float(u["bottom"]) > y + _SNAP]  # type: ignore[arg-type]
        left = [u for u in through if u < x - _SNAP]
        right = [u for u in through if u > x + _SNAP]
        if not left or not right:
            continue  # not inside a row of the table (a table's top edge, a page break)
        x0, x1 = max(left), min(right)
        key = (round(x0), round(y), round(x1))
        if key in seen:
            continue
        seen.add(key)
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
    for line in printed_lines(placed):
        run: list[Char] = []
        for ch in line + [("", 1e9, 0.0, 1e9, 0.0, 0.0)]:
            if run and (ch[0] in ("", " ") or ch[1] - run[-1][3]
                        > SPACE_GAP * max(ch[5], run[-1][5], 1.0)):
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
) -> list[Item]:
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
    texts = {k: t for k, v in content.items() if (t := cell_text(v))}
    # a ghost column (cell shading in Word exports) is narrow and empty in every row; a wide
    # empty column is a real one (an amount column blank on this page) and is kept
    widths = [min(c[2] - c[0] for c in cells if c[0] == x) for x in xs]
    filled = {k[1] for k in texts}
    used_cols = [i for i in range(len(xs)) if i in filled or widths[i] >= _GHOST_WIDTH]
    items: list[Item] = []
    for r in range(len(tops)):
        if not any((r, c) in texts for c in used_cols):
            continue  # an empty row
        boxes: list[Box | None] = []
        for c in used_cols:
            cell = grid.get((r, c))
            boxes.append(Box(*cell) if cell is not None else None)
        items.append(Item(tops[r], x0, [texts.get((r, c), "") for c in used_cols], boxes))
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
    items: list[Item] = []
    # smallest first, so that a table inside a box takes its own characters; a lone cell
    # framing the page (a border drawn as four lines) is no table
    for cells in sorted(_tables(page.edges), key=_area):
        if len(cells) == 1 and _frames(cells[0], page):
            continue
        items.extend(_table_items(cells, chars, taken))
    rest = [c for c, t in zip(chars, taken) if not t]
    if rest:
        items.extend(text_items(rest))
    items.sort(key=lambda it: (round(it.top, 1), it.left))
    return [(it.cells, it.boxes) for it in items]
