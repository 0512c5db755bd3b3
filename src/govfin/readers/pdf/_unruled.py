"""Tables printed without ruling lines: their lines laid out on columns, their header labels
and their wrapped names put back together.

Without rules a table is a run of printed lines split into cells at wide gaps
(:func:`._text.split_line`).  :func:`text_items` turns the text lines of a page into rows:

- consecutive split lines are laid out on shared columns, taken from the cells of the lines
  holding amounts, each cell where the page places it (:mod:`._columns`); the two pieces of a
  label wrapped in its cell around a row (one line above the row's other cells, one below)
  are put back into it (:func:`_join_wrapped`);
- a header whose labels wrap over lines (a label printed on two or three lines, "行"
  over "次", a group label over its columns) is rebuilt as a ruled table's header rows, each
  label under the columns its pieces stand over (:func:`_header`);
- the pieces of names wrapped in their cells, above, in and below their row, go back into
  the row (:func:`_body`).

Where the page does not tell where a piece belongs (it stands over no column, or its lines
over different ones; a text between two rows), the lines stay as printed: the reader then
reports what it cannot read.  See docs/reading.md (PDF).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..source import Box
from ._columns import AMOUNT, NUMBER, align, column_extents, columns_under, figure_columns
from ._text import Char, Item, joiner, line_text, printed_lines, split_line, text_box

__all__ = ["text_items"]


def _wraps_into(frag: Item, row: Item, above: bool) -> bool:
    """Is the one-cell line ``frag`` a piece of a label wrapped in its cell around ``row``?

    Without ruling lines a name wrapped over two lines and centred in its cell prints its
    first line above the row's other cells and its second below: each piece lies where the
    row has no cell (between two of its cells), next to the row (less than a line apart)."""
    if len(frag.cells) != 1 or len(row.cells) < 3 or not frag.cells[0].strip():
        return False
    f, boxes = frag.boxes[0], [b for b in row.boxes if b is not None]
    if f is None or len(boxes) != len(row.boxes) or NUMBER.match(frag.cells[0].replace(" ", "")):
        return False
    height = max(b.bottom - b.top for b in boxes)
    gap = row.top - f.bottom if above else f.top - max(b.bottom for b in boxes)
    if not -0.6 * height <= gap <= 0.6 * height:  # the pieces may reach into the row's band
        return False
    if any(b.x0 < f.x1 and b.x1 > f.x0 for b in boxes):
        return False  # the piece would overlap a cell of the row
    return boxes[0].x1 < f.x0 and f.x1 < boxes[-1].x0  # between two cells of the row


def _join_wrapped(items: list[Item]) -> list[Item]:
    """Put the pieces of a label wrapped around a row of a table without ruling lines (see
    :func:`_wraps_into`) back into the row, as one cell where the row has none."""
    out: list[Item] = []
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
            parts = [row.lines, *(p.lines for p in pieces)]
            lines = [ln for ls in parts if ls is not None for ln in ls]
            row = Item(row.top, row.left, [*row.cells[:k], text, *row.cells[k:]],
                        [*row.boxes[:k], box, *row.boxes[k:]],
                        None if None in parts else lines)
            i += 1 if after is None else 2
        else:
            i += 1
        out.append(row)
    return out


def _same_column(a: Item | None, b: Item | None) -> bool:
    assert a is not None and b is not None
    x, y = a.boxes[0], b.boxes[0]
    return x is not None and y is not None and x.x0 < y.x1 and y.x0 < x.x1


_LABEL_GAP = 0.35  # lines of one label are closer than this share of their height
_CENTRED = 0.5  # a group label's centre is this share of a character from its columns' labels
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
            text = text + joiner(text, piece) + piece if text else piece
        return text

    @property
    def box(self) -> Box:
        bs = [b for b, _ in self.pieces]
        return Box(min(b.x0 for b in bs), min(b.top for b in bs), max(b.x1 for b in bs),
                   max(b.bottom for b in bs))


def _header_zone(
    items: list[Item], first: int, extent: tuple[float, float], figures: float | None = None
) -> int:
    """The index of the first line of the header above ``items[first]`` (the first line of a
    table without ruling lines that holds a number): the text lines right above it that lie
    within the table's width, each less than a line height above the next.  ``first`` (no
    header) when a line holding a number is met first: ``items[first]`` then continues a
    table whose rows lie above (the lines between are pieces of a name wrapped in its cell).
    ``extent``: the table's width, from its lines below.  ``figures``: where the figures of
    the table's first column end, when it is a column of figures: a label centred over it
    may reach left of its figures (printed at its right edge), its centre left of their end.
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
        if any(NUMBER.match(t.replace(" ", "")) for t in it.cells):
            return first  # a table's row: the lines below it are not a header
        if any(b.x0 < x0 and (figures is None or (b.x0 + b.x1) / 2 >= figures)
               for b in boxes) or max(b.x1 for b in boxes) > x1:
            break  # wider than the table: a title, the 部门名称/单位 line
        if top - max(b.bottom for b in boxes) > _ZONE_GAP * size:
            break
        top, start = min(top, min(b.top for b in boxes)), k
    return start


def _labels(zone: list[Item], anchors: list[tuple[float, float]]) -> list[_Label] | None:
    """The header labels of ``zone``, each over the columns its pieces overlap; None when the
    page does not tell: a label none of whose pieces stands over a column, or the lines of one
    label over different columns."""
    pieces: list[tuple[Box, str, list[int]]] = []
    for item in zone:
        assert item.lines is not None
        for p in (p for line in item.lines for p in split_line(line, spaced=False)):
            b = text_box(p)
            pieces.append((b, line_text(p), columns_under(b, anchors)))
    # the lines of one label: pieces on consecutive lines (less than _LABEL_GAP of a line
    # apart), one over the other
    parent = list(range(len(pieces)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, (a, _, _) in enumerate(pieces):
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
        # a short line of a label ("政拨款" under "金预算财") may stand over no figure of its
        # column (a "-" at its right edge): the label stands where its other lines stand
        spans = {(h[0], h[-1]) for i in members if (h := pieces[i][2])}
        if len(spans) != 1:
            return None  # over no column, or its lines over different columns
        (lo, hi), = spans
        labels.append(_Label([(pieces[i][0], pieces[i][1]) for i in members], lo, hi))
    return labels


def _placed(item: Item, anchors: list[tuple[float, float]]) -> bool:
    """Whether every piece of a header line stands over a column."""
    assert item.lines is not None
    return all(any(b.x0 < a1 and b.x1 > a0 for a0, a1 in anchors)
               for line in item.lines for b in map(text_box, split_line(line, spaced=False)))


def _as_printed(item: Item) -> None:
    """A line put back as printed: its cells split at wide gaps, placed in no column."""
    assert item.lines is not None
    pieces = sorted((p for line in item.lines for p in split_line(line)),
                    key=lambda p: text_box(p).x0)
    item.cells = [line_text(p) for p in pieces]
    item.boxes = [text_box(p) for p in pieces]


def _spans(labels: list[_Label]) -> None:
    """Widen a label over a column to the group label it is, where the page tells so.

    In a ruled table a group label is a merged cell over the columns of its sub-labels.
    Without rules it is printed centred over them and may overlap only the middle one.  A
    label over column ``c`` with a label below it there spans the widest run of columns
    around ``c`` that each have a label below it and nothing beside it at its height, when
    it is centred over their labels (within half a character); otherwise it names ``c``
    alone.
    """
    for u in sorted(labels, key=lambda lb: lb.top):
        if u.lo != u.hi or not _below(labels, u, u.lo):
            continue
        c = u.lo
        lo = hi = c
        while lo > 0 and _free(labels, u, lo - 1):
            lo -= 1
        last = max(lb.hi for lb in labels)
        while hi < last and _free(labels, u, hi + 1):
            hi += 1
        size = min(b.bottom - b.top for b, _ in u.pieces)
        centre = (u.box.x0 + u.box.x1) / 2
        best: tuple[int, int] | None = None
        for a in range(lo, c + 1):
            for b in range(c, hi + 1):
                under = [lb.box for k in range(a, b + 1) for lb in _below(labels, u, k)]
                mid = (min(x.x0 for x in under) + max(x.x1 for x in under)) / 2
                if b > a and abs(mid - centre) <= _CENTRED * size and (
                    best is None or b - a > best[1] - best[0]
                ):
                    best = (a, b)
        if best is not None:
            u.lo, u.hi = best


def _below(labels: list[_Label], u: _Label, k: int) -> list[_Label]:
    """The labels of column ``k`` under ``u``."""
    return [lb for lb in labels if lb.lo <= k <= lb.hi and lb.top >= u.bottom]


def _free(labels: list[_Label], u: _Label, k: int) -> bool:
    """Whether column ``k`` has a label under ``u`` and none beside it at its height."""
    return bool(_below(labels, u, k)) and not any(
        lb is not u and lb.lo <= k <= lb.hi and lb.top < u.bottom and lb.bottom > u.top
        for lb in labels)


def _header(
    items: list[Item],
    first: int,
    anchors: list[tuple[float, float]],
    extent: tuple[float, float],
    figures: float | None = None,
) -> list[Item]:
    """Rebuild the header of a table without ruling lines whose labels wrap over lines.

    The header lines (:func:`_header_zone`) are cut into pieces at wide gaps; a piece belongs
    to the columns whose amounts it overlaps (:func:`_labels`); the pieces of one label, one
    line over the other, are joined.  A label over one column names it; one over several is a
    group label spanning them, printed in the first (as a merged cell of a ruled table), as
    is one centred over the labels of several columns (:func:`_spans`).  The labels become
    header rows as a ruled table gives them: a label over another in its column one row
    higher, a label with none under it in the last row.  A top line whose labels stand over no column ("收入" and "支出" centred over the
    two halves of a 收入支出决算总表) stays as printed, placed in no column.

    Nothing changes when no label wraps (a header of one-line labels is read as its lines),
    nor when the page does not tell where a piece belongs (:func:`_labels`: None).
    """
    start = _header_zone(items, first, extent, figures)
    top = start if start < first and not _placed(items[start], anchors) else None
    if top is not None:
        start += 1
    if start >= first:
        return items
    labels = _labels(items[start:first], anchors)
    if labels is None or all(len(lb.pieces) == 1 for lb in labels):
        return items
    _spans(labels)
    # a label's row, counted from the last: one above the highest row of the labels under it
    # in its columns (a label with none under it, in the last row: as the 项目 row of a ruled
    # 收入支出决算总表 names every column under the group labels 收入 and 支出)
    depth: dict[int, int] = {}
    for lb in sorted(labels, key=lambda x: -x.bottom):
        under = [depth[id(o)] for o in labels if id(o) in depth and o.lo <= lb.hi
                 and lb.lo <= o.hi and o.top >= lb.bottom]
        depth[id(lb)] = 1 + max(under, default=-1)
    last = max(depth.values())
    level = {k: last - d for k, d in depth.items()}
    out: list[Item] = []
    n = len(anchors)
    for r in range(last + 1):
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
        out.append(Item(min(b.top for b in placed), min(b.x0 for b in placed), cells, boxes))
    if top is not None:
        _as_printed(items[top])
    return [*items[:start], *out, *items[first:]]


def _body(
    items: list[Item], first: int, anchors: list[tuple[float, float]], extent: tuple[float, float]
) -> list[Item]:
    """Put the pieces of names wrapped in their cells back into their rows, in the body of a
    table without ruling lines that starts at ``items[first]``.

    A name wrapped over lines prints its pieces above, in and below its row's other cells
    (centred in a taller row).  The body runs down from ``first`` over rows (lines holding
    numbers whose cells each stand over one column) and lines of such pieces (no number; each
    piece over one column).  In each column the pieces one line under the other (less than
    ``_LABEL_GAP`` of a line apart) are one text, and go to the row one of them is printed on,
    or else to the one row printed between them.  Nothing changes when a text would go to
    none or to two rows, nor when no line of pieces is met.
    """
    size = max((b.bottom - b.top for it in items[first:first + _BRIDGE + 1]
                for b in it.boxes if b is not None), default=0.0)
    x0, x1 = extent[0] - size / 2, extent[1] + size / 2
    n = len(anchors)
    rows: list[tuple[int, list[tuple[Box, str] | None]]] = []  # item index, cell per column
    frags: list[tuple[int, list[tuple[int, Box, str]]]] = []  # item index, pieces by column
    end = first
    for k in range(first, len(items)):
        it = items[k]
        boxes = [b for b in it.boxes if b is not None]
        if it.lines is None or not boxes or min(b.x0 for b in boxes) < x0 \
                or max(b.x1 for b in boxes) > x1:
            break
        numeric = any(NUMBER.match(t.replace(" ", "")) for t in it.cells)
        if numeric:
            cells: list[tuple[Box, str] | None] = [None] * n
            if len(it.cells) == n and all(b is None or columns_under(b, anchors) == [c]
                                          for c, b in enumerate(it.boxes)):
                for c, (t, b) in enumerate(zip(it.cells, it.boxes)):
                    cells[c] = None if b is None or not t else (b, t)
            else:
                for t, b in zip(it.cells, it.boxes):
                    if b is None or not t:
                        continue
                    hit = columns_under(b, anchors)
                    if len(hit) != 1 or cells[hit[0]] is not None:
                        cells = []
                        break
                    cells[hit[0]] = (b, t)
                if not cells:
                    break
            rows.append((k, cells))
        else:
            pieces = [(columns_under(b, anchors), b, line_text(p)) for line in it.lines
                      for p in split_line(line, spaced=False) for b in (text_box(p),)]
            if any(len(h) != 1 for h, _, _ in pieces) or not _beside(items, k):
                break  # a piece over no column or two; a line apart from the rows (a note)
            frags.append((k, [(h[0], b, t) for h, b, t in pieces]))
        end = k + 1
    if not frags or not rows:
        return items
    # per column: the texts one line under the other, and the row each belongs to
    put: dict[tuple[int, int], list[tuple[Box, str]]] = {}  # (row, column) -> pieces
    for c in range(n):
        elems: list[tuple[Box, str, int | None]] = [
            (cell[0], cell[1], r) for r, (_, cells) in enumerate(rows)
            if (cell := cells[c]) is not None]
        elems += [(b, t, None) for _, pieces in frags for col, b, t in pieces if col == c]
        elems.sort(key=lambda e: e[0].top)
        chains: list[list[tuple[Box, str, int | None]]] = []
        for e in elems:
            if chains:
                last = chains[-1][-1][0]
                gap, height = e[0].top - last.bottom, max(e[0].bottom - e[0].top,
                                                          last.bottom - last.top)
                if -0.5 * height < gap <= _LABEL_GAP * height and e[0].x0 < last.x1 \
                        and last.x0 < e[0].x1:
                    chains[-1].append(e)
                    continue
            chains.append([e])
        for chain in chains:
            if all(r is not None for _, _, r in chain):
                continue
            owners = {r for _, _, r in chain if r is not None}
            if not owners:
                top, bottom = min(b.top for b, _, _ in chain), max(b.bottom for b, _, _ in chain)
                owners = {r for r, (_, cells) in enumerate(rows) if top < (
                    min(x[0].top for x in cells if x) + max(x[0].bottom for x in cells if x)
                ) / 2 < bottom}
            if len(owners) != 1:
                return items  # the page does not tell which row the text belongs to
            put[(owners.pop(), c)] = [(b, t) for b, t, _ in chain]
    out_rows: dict[int, Item] = {}
    for r, (k, cells) in enumerate(rows):
        it = items[k]
        texts = ["" if x is None else x[1] for x in cells]
        bxs: list[Box | None] = [None if x is None else x[0] for x in cells]
        for c in range(n):
            if (r, c) in put:
                text = ""
                for _, piece in put[(r, c)]:
                    text = text + joiner(text, piece) + piece if text else piece
                bs = [b for b, _ in put[(r, c)]]
                texts[c] = text
                bxs[c] = Box(min(b.x0 for b in bs), min(b.top for b in bs),
                             max(b.x1 for b in bs), max(b.bottom for b in bs))
        out_rows[k] = Item(it.top, it.left, texts, bxs, it.lines)
    gone = {k for k, _ in frags}
    body = [out_rows.get(k, items[k]) for k in range(first, end) if k not in gone]
    return [*items[:first], *body, *items[end:]]


def text_items(chars: list[Char]) -> list[Item]:
    """The rows of a page's text lines (everything outside ruled tables), top to bottom."""
    items: list[Item] = []
    for line in printed_lines(chars):
        pieces = split_line(line)
        if not pieces:
            continue  # a line of spaces only
        box = [text_box(p) for p in pieces]
        items.append(Item(min(b.top for b in box), box[0].x0,
                           [line_text(p) for p in pieces], list(box), [list(line)]))
    items = _join_wrapped(items)
    # runs of consecutive multi-cell lines holding a number: tables without ruling lines
    run: list[Item] = []
    for item in items + [Item(0, 0, [""], [None])]:
        if len(item.cells) > 1:
            run.append(item)
            continue
        if len(run) >= 2:
            align(run)
        run = []
    # a table's header and the names wrapped in its cells: the lines of the table, its runs
    # with the lines of pieces between them (at most _BRIDGE in a row)
    for group in _groups(items):
        anchors = column_extents(group)
        k = next((i for i, it in enumerate(group)
                  if any(NUMBER.match(t.replace(" ", "")) for t in it.cells)), None)
        if anchors is None or k is None:
            continue
        first = group[k]
        below = [b for it in group[k:] for b in it.boxes if b is not None]
        extent = (min(b.x0 for b in below), max(b.x1 for b in below))
        at = next(i for i, it in enumerate(items) if it is first)
        lead = _leading(items, at)
        # a first column of amounts (printed at its right edge): its label may reach left of
        # them, its centre left of their end (a 三公 table's 合计)
        amounts = [it for it in group[k:]
                   if any(AMOUNT.match(t.replace(" ", "")) for t in it.cells)]
        figures = anchors[0][1] if amounts and figure_columns(amounts, anchors)[0] else None
        items = _header(items, at - lead, anchors, extent, figures)
        at = next(i for i, it in enumerate(items) if it is first)
        items = _body(items, at - lead, anchors, extent)
    return items


def _beside(items: list[Item], k: int) -> bool:
    """Whether line ``k`` lies less than ``_LABEL_GAP`` of a line from the line above or
    below it (or reaches into it), as the pieces of a name wrapped in its cell do."""
    boxes = [b for b in items[k].boxes if b is not None]
    top, bottom = min(b.top for b in boxes), max(b.bottom for b in boxes)
    height = max(b.bottom - b.top for b in boxes)
    for j in (k - 1, k + 1):
        if 0 <= j < len(items):
            other = [b for b in items[j].boxes if b is not None]
            if not other:
                continue
            gap = top - max(b.bottom for b in other) if j < k else min(b.top for b in other) - bottom
            if gap <= _LABEL_GAP * height:
                return True
    return False


def _leading(items: list[Item], first: int) -> int:
    """How many lines right above ``items[first]`` (a table's first row) are the first pieces
    of names wrapped in its cells, not header lines: each reaches into the line below it or
    lies less than ``_LABEL_GAP`` of a line above it (a header keeps a row's padding)."""
    n = 0
    top = items[first].top
    while first - n > 0:
        it = items[first - n - 1]
        boxes = [b for b in it.boxes if b is not None]
        if not boxes or any(NUMBER.match(t.replace(" ", "")) for t in it.cells):
            break
        height = max(b.bottom - b.top for b in boxes)
        if top - max(b.bottom for b in boxes) > _LABEL_GAP * height:
            break
        top = min(top, min(b.top for b in boxes))
        n += 1
    return n


_BRIDGE = 2  # lines of pieces of wrapped names between two rows of a table without rules


def _groups(items: list[Item]) -> list[list[Item]]:
    """The multi-cell lines of each table without ruling lines: runs of them with at most
    :data:`_BRIDGE` one-cell lines without a number between (pieces of wrapped names)."""
    groups: list[list[Item]] = []
    current: list[Item] = []
    gap = 0
    for item in items:
        if len(item.cells) > 1:
            current.append(item)
            gap = 0
        elif gap < _BRIDGE and current and not NUMBER.match(item.cells[0].replace(" ", "")):
            gap += 1
        else:
            if len(current) >= 2:
                groups.append(current)
            current, gap = [], 0
    if len(current) >= 2:
        groups.append(current)
    return groups
