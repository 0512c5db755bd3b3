"""Typed errors of the text reader.

Every problem the reader meets in its input is one of these classes, all subclasses of
:class:`ReadError` (itself a :class:`ValueError` and a :class:`govfin.GovfinError`).  Each
carries the 1-based source ``line`` (``None`` when the problem concerns the whole text) and the
``text`` of that line, so that a message can always be traced back to the printed document.

With ``strict=True`` the reader raises the first error it meets; otherwise it records every
error in the read log (:attr:`govfin.readers.ReadLog.errors`) and goes on.
"""

from __future__ import annotations

from govfin.errors import GovfinError

__all__ = [
    "AmountSyntaxError",
    "CellCountError",
    "CodeSyntaxError",
    "DocumentKindError",
    "DuplicateTableError",
    "EmptyInputError",
    "EvaluationLayoutError",
    "MissingUnitError",
    "NotADisclosureError",
    "OtherUnitTableError",
    "ReadError",
    "SetAsideColumnError",
    "TableIdentityError",
    "TruncatedTableError",
    "UnknownNameError",
    "UnreadPageError",
    "UnrecognisedLineError",
    "YearMismatchError",
]


class ReadError(GovfinError, ValueError):
    """A problem in the input text, at a source line.

    ``line`` is the 1-based line number (``None`` for the whole text), ``text`` the line as
    read (``None`` when there is no single line to show) and ``where`` names the part of the
    document being read (a table kind or an evaluation's project), when known.
    """

    def __init__(
        self,
        message: str,
        *,
        line: int | None = None,
        text: str | None = None,
        where: str | None = None,
    ):
        self.message = message
        self.line = line
        self.text = text
        self.where = where
        #: The place of ``line`` in a paged source or workbook ("a.pdf p.3"), when known.
        self.place: str | None = None
        super().__init__(self._render())

    def locate(self, place: str) -> None:
        """Tell the error where its line is printed (file and page, or sheet and cell)."""
        self.place = place
        self.args = (self._render(),)

    def _render(self) -> str:
        parts = []
        if self.place:
            parts.append(self.place)
        if self.line is not None:
            parts.append(f"line {self.line}")
        if self.where:
            parts.append(self.where)
        head = ", ".join(parts)
        body = f"{head}: {self.message}" if head else self.message
        if self.text is not None:
            shown = self.text if len(self.text) <= 120 else self.text[:117] + "..."
            body += f" | {shown!r}"
        return body

    def __reduce__(self) -> tuple[object, ...]:
        # Keyword-only constructor: make the error picklable (multiprocessing, pytest-xdist).
        return (_rebuild, (type(self), self.message, self.line, self.text, self.where))


def _rebuild(
    cls: type[ReadError], message: str, line: int | None, text: str | None, where: str | None
) -> ReadError:
    return cls(message, line=line, text=text, where=where)


class DocumentKindError(ReadError):
    """The document calls itself one kind (部门预算/部门决算) on its cover, but its tables are of
    the other; it is read as its tables say."""


class EmptyInputError(ReadError):
    """The text holds no non-blank line."""


class NotADisclosureError(ReadError):
    """The text holds neither a disclosure table nor a 项目支出绩效自评表."""


class UnreadPageError(ReadError):
    """A page a person reads but govfin cannot, among pages it reads: printed as an image (a
    scan, or a table pasted in as a picture under its printed title: govfin does no OCR), or
    with a text layer whose glyphs map to no characters (a font without a Unicode map).  What
    it shows is not read.  ``line`` is the last line read on or before it (the table whose
    title it prints, or one running onto it, may have lost rows); the tables and 自评表 on
    the page cannot be counted."""


class TruncatedTableError(ReadError):
    """A table ends before its structure is complete (no rows, or its closing total missing)."""


class AmountSyntaxError(ReadError):
    """A money (or count) column holds something that is not a number."""


class CellCountError(ReadError):
    """A row's cells do not fit the table's header (too few, or extra non-blank cells)."""


class UnrecognisedLineError(ReadError):
    """A line inside a table that the reader cannot place (raised only with ``strict=True``)."""


class TableIdentityError(ReadError):
    """A table whose title and content disagree, or whose kind cannot be told."""


class SetAsideColumnError(ReadError):
    """A printed column no kind models that the header marks as a "其中" (a part) of another
    printed column ("其中：政府采购" beside 项目支出): set aside.  Its figures are not read or
    checked; the table's modelled columns are read and checked as usual — a part of a column is
    never an addend of the row's total, so setting it aside leaves every other sum as printed."""

    @staticmethod
    def describe(labels: str, kind: str) -> str:
        """The message naming the columns set aside (``labels``, as printed) in a table of
        ``kind``.

        >>> SetAsideColumnError.describe("其中：政府采购", "公开05").split(";")[0]
        'printed column(s) 其中：政府采购 set aside: a 其中 (part) of another column, no column of 公开05'
        """
        return (f"printed column(s) {labels} set aside: a 其中 (part) of another column, no "
                f"column of {kind}; their figures are not read or checked (the other columns "
                "are read and checked as usual)")


class DuplicateTableError(ReadError):
    """The same table kind printed twice."""


class OtherUnitTableError(DuplicateTableError):
    """A table of a kind already read, printed again for another unit (its 编制单位 differs):
    a document of several units (a 部门 and its 单位).  Not a contradiction; only the first
    unit's table is read."""


class MissingUnitError(ReadError):
    """A table without a monetary unit line (金额单位：万元 / 单位：元)."""


class UnknownNameError(ReadError):
    """A printed 类 name that the classification of the document's year does not know."""


class YearMismatchError(ReadError):
    """The year stated in the text differs from the year the caller asked for."""


class EvaluationLayoutError(ReadError):
    """A 项目支出绩效自评表 missing a required part (项目名称, 资金 lines, 总分)."""


class CodeSyntaxError(ReadError):
    """A code column holds something that is not a classification code."""
