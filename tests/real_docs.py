"""What the tests of real documents share (tests/test_real_docs*.py): where the documents are,
reading and checking one as ``govfin check`` does, and the errors and warnings of a report as
comparable keys."""

from __future__ import annotations

from pathlib import Path

from govfin.findings import Report, Severity
from govfin.readers.document import ReadResult
from govfin.readers.files import read_path
from govfin.rules import check

REAL = Path(__file__).parent / "data" / "real"

Flag = tuple[str, str, "str | None", "str | None"]


def checked(path: Path) -> tuple[ReadResult, Report]:
    """The document read, and its report with every finding located (file, page, line)."""
    result = read_path(path)
    return result, check(result.disclosure).located(result.log.place_of)


def flagged(report: Report) -> set[tuple[str, str, str | None, str | None]]:
    """(rule, table, row, column) of every error and warning."""
    return {
        (f.rule_id, f.place.table if f.place else "", f.place.row if f.place else None,
         f.place.column if f.place else None)
        for f in report
        if f.severity in (Severity.ERROR, Severity.WARNING)
    }  # fmt: skip
