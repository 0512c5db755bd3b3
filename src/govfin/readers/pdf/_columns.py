"""Tables printed without ruling lines: the columns of a run of printed lines, and each line's
cells placed in them.

The columns are the x extents of the cells of the lines holding numbers (amounts when the
run has them) (:func:`column_extents`).  A cell over one column is in it; a cell over no column
only where the page settles which it is (:func:`_slots`); a line the page does not place keeps
its cells as printed, and the reader then says what it cannot place.  Used by
:mod:`._unruled`.  See docs/reading.md (PDF).
"""

from __future__ import annotations

import re
from itertools import pairwise

from ..source import Box
from ._text import Item

__all__: list[str] = []


NUMBER = re.compile(r"^-?[\d,]+(\.\d+)?%?$")
AMOUNT = re.compile(r"^-?[\d,]*\d\.\d+$")


def column_extents(block: list[Item]) -> list[tuple[float, float]] | None:
    """The columns of a run of split lines: the x extents of the cells of its lines holding
    numbers, left to right; None when they give fewer than two, or overlapping ones."""
    anchors: list[tuple[float, float]] = []
    # Amount lines ("631.71") make the columns when the run has them: a 栏次 line ("栏次 1 2 3",
    # its label centred over two columns, its numbers centred where amounts sit right) or a
    # line of 行次 alone would give columns that are not the table's.
    amounts = [it for it in block if any(AMOUNT.match(t.replace(" ", "")) for t in it.cells)]
    for item in amounts or block:
        if not any(NUMBER.match(t.replace(" ", "")) for t in item.cells):
            continue
        for b in item.boxes:
            if b is None:
                continue  # a line already laid out on columns: its empty cells
            for k, (a0, a1) in enumerate(anchors):
                if b.x0 < a1 and b.x1 > a0:
                    anchors[k] = (min(a0, b.x0), max(a1, b.x1))
                    break
            else:
                anchors.append((b.x0, b.x1))
    anchors.sort()
    if len(anchors) < 2 or any(a[1] > b[0] for a, b in pairwise(anchors)):
        return None
    return anchors


def align(block: list[Item]) -> list[tuple[float, float]] | None:
    """Place the cells of a run of split lines (a table without ruling lines) in columns.

    Columns come from the lines holding numbers: each of their cells is a column, by its x
    extent.  Every line of the run whose cells the page places is laid out on those columns
    ("" where it has no cell): a cell over one column is in it; a cell over no column (a
    label centred in its column, the amounts printed at its right edge) only where the page
    settles which column it is (:func:`_slots`).  Other lines keep their cells as printed
    (the reader then says what it cannot place).  Returns the columns (x extents, left to
    right), or None when the run gives none.
    """
    anchors = column_extents(block)
    if anchors is None:
        return None
    numeric = figure_columns(block, anchors)
    for item in block:
        slots = _slots(item.boxes, anchors, numeric)
        if slots is None:
            continue
        cells = [""] * len(anchors)
        boxes: list[Box | None] = [None] * len(anchors)
        for k, t, b in zip(slots, item.cells, item.boxes):
            cells[k], boxes[k] = t, b
        item.cells, item.boxes = cells, boxes
    return anchors


_DASH = re.compile(r"^[-－—–]+$")
_CODE = re.compile(r"^\d{3}(\d{2}){0,2}$")  # a 科目 code (201, 20101, 2010101): not a figure


def figure_columns(block: list[Item], anchors: list[tuple[float, float]]) -> list[bool]:
    """Per column: whether every cell over it on the lines holding numbers is a number or a
    dash (a column of figures, not of codes and names)."""
    out = [True] * len(anchors)
    seen = [False] * len(anchors)
    for item in block:
        if not any(NUMBER.match(t.replace(" ", "")) for t in item.cells):
            continue
        for t, b in zip(item.cells, item.boxes):
            if b is None or not t:
                continue
            for k in columns_under(b, anchors):
                seen[k] = True
                text = t.replace(" ", "")
                if not (NUMBER.match(text) or _DASH.match(text)) or _CODE.match(text):
                    out[k] = False
    return [n and s for n, s in zip(out, seen)]


def _slots(
    boxes: list[Box | None], anchors: list[tuple[float, float]], numeric: list[bool]
) -> list[int] | None:
    """The column of each cell of a line, or None where the page does not settle them.

    A cell over one column is in it (the cells over columns left to right, one a column); a
    cell over two is in none.  A cell over no column lies between two columns, and is placed
    where the page settles it:

    - the cells over no column between two placed ones (or a line's end) fill exactly the
      columns between theirs: one cell a column, in order;
    - or else each is the label of the one column beside it it can name.  A label is centred
      over its column; figures are printed at the right of theirs (or centred), so a label
      wholly right of a column of figures is not its label, and one wholly left of figures
      can be; names and codes start at the left of their column (or are centred), so a
      label wholly left of them is not theirs, and one wholly right of them can be.

    Otherwise (either column, or none) the line is not placed.

    >>> cols, num = [(0, 10), (30, 40), (60, 70)], [False, True, True]
    >>> _slots([Box(0, 0, 5, 1), Box(12, 0, 18, 1), Box(61, 0, 65, 1)], cols, num)
    [0, 1, 2]
    >>> _slots([Box(0, 0, 5, 1), Box(42, 0, 48, 1)], cols, num)  # right of figures: column 2
    [0, 2]
    >>> _slots([Box(0, 0, 5, 1), Box(12, 0, 18, 1)], cols, [False, False, True]) is None
    True
    """
    hits: list[int | None] = []
    for b in boxes:
        assert b is not None
        hit = columns_under(b, anchors)
        if len(hit) > 1:
            return None
        hits.append(hit[0] if hit else None)
    placed = [h for h in hits if h is not None]
    if placed != sorted(set(placed)):
        return None
    slots: list[int] = []
    lo, i, n = -1, 0, len(anchors)
    while i < len(hits):
        h = hits[i]
        if h is not None:
            slots.append(h)
            lo = h
            i += 1
            continue
        j = i
        while j < len(hits) and hits[j] is None:
            j += 1
        hi = hits[j] if j < len(hits) else n
        assert hi is not None
        if j - i == hi - lo - 1:
            slots += range(lo + 1, hi)  # exactly as many cells as columns between
        else:
            for b in boxes[i:j]:
                assert b is not None
                k = sum(1 for a0, _ in anchors if a0 < b.x0)  # b lies between k - 1 and k
                can = [c for c, ok in ((k - 1, k > 0 and not numeric[k - 1]),
                                       (k, k < n and numeric[k])) if ok]
                if len(can) != 1 or not lo < can[0] < hi or (slots and can[0] <= slots[-1]):
                    return None
                slots.append(can[0])
        i = j
    return slots


def columns_under(b: Box, anchors: list[tuple[float, float]]) -> list[int]:
    return [k for k, (a0, a1) in enumerate(anchors) if b.x0 < a1 and b.x1 > a0]
