"""Readers: the text of a published 部门决算公开 -> a typed, checkable Disclosure.

The input is text extracted from the published PDF (one printed row per line, cells
separated by tabs).  :func:`read_text` returns a :class:`ReadResult`: the
:class:`~govfin.disclosure.Disclosure` and a :class:`ReadLog` that accounts for every
non-blank line (table-cell, boilerplate, narrative or unrecognised).  Bad input is a typed
:class:`ReadError` — raised with ``strict=True``, recorded in ``log.errors`` otherwise.
:func:`write_text` renders a Disclosure back into the same layout.
"""

from typing import TYPE_CHECKING

from govfin.readers.document import ReadResult, read_file, read_text
from govfin.readers.errors import (
    AmountSyntaxError,
    CellCountError,
    CodeSyntaxError,
    DocumentKindError,
    DuplicateTableError,
    EmptyInputError,
    EvaluationLayoutError,
    MissingUnitError,
    NotADisclosureError,
    ReadError,
    TableIdentityError,
    TruncatedTableError,
    UnknownNameError,
    UnrecognisedLineError,
    YearMismatchError,
)
from govfin.readers.lines import LineKind, LogEntry, ReadLog

if TYPE_CHECKING:  # loaded on first use (__getattr__ below)
    from govfin.readers.writer import write_text

__all__ = [
    "AmountSyntaxError",
    "CellCountError",
    "CodeSyntaxError",
    "DocumentKindError",
    "DuplicateTableError",
    "EmptyInputError",
    "EvaluationLayoutError",
    "LineKind",
    "LogEntry",
    "MissingUnitError",
    "NotADisclosureError",
    "ReadError",
    "ReadLog",
    "ReadResult",
    "TableIdentityError",
    "TruncatedTableError",
    "UnknownNameError",
    "UnrecognisedLineError",
    "YearMismatchError",
    "read_file",
    "read_text",
    "write_text",
]


def __getattr__(name: str) -> object:
    # PEP 562: the writer (text out of a Disclosure) is loaded on first use; reading and
    # checking a document never writes one.
    if name == "write_text":
        from govfin.readers.writer import write_text

        return write_text
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
