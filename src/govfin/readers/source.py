"""The row-and-cell layer: what every source becomes before it is read.

A published disclosure comes as extracted text (tab-separated cells, one printed row per
line), as a PDF, or as an Excel workbook.  Each source is turned into the same form, a
sequence of :class:`SourceRow` objects — the cells of one printed row, in order, each row
knowing where it came from (file, page or sheet, its row there, and per cell a box on the
page or a cell reference).  Segmentation, table identification, body parsing, the 绩效自评
reader and the narrative reader work on that form only (:func:`govfin.readers.read_rows`).

A single-cell row is a line of prose, a title or a note; a row of several cells is a table
row (a header row or a data row).

>>> row = SourceRow(("201", "一般公共服务支出", "545.19"), file="a.pdf", page=3)
>>> row.where
'a.pdf p.3'
>>> SourceRow(("收入",), file="b.xlsx", sheet="收入预算总表", row=4, refs=("B4",)).where
'b.xlsx 收入预算总表!B4'
>>> SourceRow(("收入",), file="a.txt", row=12).where
'a.txt:12'
"""

from __future__ import annotations

import attrs

from govfin._lazy import frozen
from govfin.errors import ArgumentTypeError

__all__ = ["Box", "SourceRow"]


@frozen
class Box:
    """A rectangle on a PDF page, in points from the page's top-left corner."""

    x0: float
    top: float
    x1: float
    bottom: float


def _cells(cells: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    out = tuple(cells)
    for c in out:
        if not isinstance(c, str):
            raise ArgumentTypeError(f"SourceRow cells must be str, got {type(c).__name__}: {c!r}")
    return out


@frozen
class SourceRow:
    """One printed row of a source: its ``cells`` (text as printed, never None) and its place.

    ``file`` names the source file (when a disclosure comes in several files, each keeps its
    own page numbers); ``page`` is the 1-based PDF page; ``sheet`` the workbook sheet and
    ``row`` the 1-based row there (or the row's rank on its page).  ``boxes`` gives each
    cell's box on the page (PDF) and ``refs`` each cell's reference ("D12", workbooks); either
    is None when the source has none.
    """

    cells: tuple[str, ...] = attrs.field(converter=_cells)
    file: str | None = None
    page: int | None = None
    sheet: str | None = None
    row: int | None = None
    boxes: tuple[Box | None, ...] | None = attrs.field(default=None, repr=False)
    refs: tuple[str | None, ...] | None = attrs.field(default=None, repr=False)

    @property
    def where(self) -> str:
        """The row's place for people: ``"a.pdf p.3"``; in a workbook the row's first cell as
        Excel writes it, ``"b.xlsx 收入预算总表!B4"`` (the sheet alone for a whole sheet)."""
        parts = []
        if self.file:
            if self.page is None and self.sheet is None and self.row is not None:
                return f"{self.file}:{self.row}"  # a line of a text file
            parts.append(self.file)
        if self.page is not None:
            parts.append(f"p.{self.page}")
        if self.sheet is not None:
            ref = next((r for r in self.refs or () if r), None)
            if ref:
                parts.append(f"{self.sheet}!{ref}")
            elif self.row is not None:
                parts.append(f"{self.sheet}!{self.row}:{self.row}")  # the whole row
            else:
                parts.append(self.sheet)
        return " ".join(parts)
