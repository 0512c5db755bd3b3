"""The outputs of a batch: jsonl, csv, text lines, html pages; what a resumed run finds done.

Every writer writes a document only when it is done, in one write, then flushes: an
interrupted run leaves at most one document cut short, at the end, and :func:`done_in` cuts
it away when the run is resumed (``--resume``).  :func:`to_frame` turns results into one
pandas DataFrame of findings.
"""

from __future__ import annotations

import csv
import io
import json
import os
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from govfin.batch.check import DocumentResult, MissingExtraError
from govfin.errors import ArgumentValueError

if TYPE_CHECKING:
    import pandas  # type: ignore[import-untyped,unused-ignore]

__all__ = ["CSV_COLUMNS", "done_in", "open_writer", "to_frame"]


def to_frame(results: Iterable[DocumentResult]) -> pandas.DataFrame:
    """One pandas DataFrame of the findings of ``results``: one row per finding with the
    document's path, kind, department and year (money columns as ``Decimal``)."""
    try:
        import pandas
    except ImportError:
        raise MissingExtraError(
            "to_frame needs pandas; install it with: pip install 'govfin[pandas]'"
        ) from None
    rows = [dict(zip(CSV_COLUMNS, row, strict=True)) for r in results for row in _csv_rows(r)]
    frame = pandas.DataFrame(rows, columns=list(CSV_COLUMNS))
    frame = frame[frame["rule_id"] != ""].reset_index(drop=True)
    for column in ("expected", "actual", "difference", "slack"):
        frame[column] = [Decimal(v) if v else None for v in frame[column]]
    frame["year"] = [int(v) if v else None for v in frame["year"]]
    frame["line"] = [int(v) if v else None for v in frame["line"]]
    return frame


# -- output --------------------------------------------------------------------------------------

#: The columns of ``--format csv``: one row per finding; a document without findings (or
#: unreadable) has one row with the finding columns empty.  ``finding`` numbers a document's
#: rows 1..``of``, so a resumed run can tell a document written in full.
CSV_COLUMNS = (
    "path",
    "status",
    "why",
    "kind",
    "department",
    "year",
    "finding",
    "of",
    "rule_id",
    "severity",
    "residue",
    "category",
    "table",
    "row",
    "column",
    "line",
    "page",
    "message",
    "expected",
    "actual",
    "difference",
    "slack",
)


def _csv_rows(r: DocumentResult) -> list[tuple[str, ...]]:
    doc = r.document or {}
    head = (
        r.path,
        r.status,
        r.why or "",
        doc.get("kind") or "",
        doc.get("department") or "",
        str(doc.get("year") or ""),
    )
    if not r.findings:
        return [(*head, "1", "1", *([""] * (len(CSV_COLUMNS) - 8)))]
    rows = []
    n = len(r.findings)
    for i, f in enumerate(r.findings, 1):
        place = f.get("place") or {}
        rows.append(
            (
                *head,
                str(i),
                str(n),
                f.get("rule_id") or "",
                f.get("severity") or "",
                "yes" if f.get("residue") else "",
                f.get("category") or "",
                place.get("table") or "",
                place.get("row") or "",
                place.get("column") or "",
                "" if place.get("line") is None else str(place["line"]),
                f.get("page") or "",
                f.get("message") or "",
                *(f.get(k) or "" for k in ("expected", "actual", "difference", "slack")),
            )
        )
    return rows


class _Writer:
    """Writes each finished document in one write and flushes; closes what it opened."""

    def __init__(self, stream: IO[str], owned: bool):
        self.stream = stream
        self.owned = owned

    def begin(self) -> None:
        pass

    def write(self, result: DocumentResult, index: int) -> None:
        self.stream.write(self.block(result))
        self.stream.flush()

    def block(self, result: DocumentResult) -> str:
        raise NotImplementedError

    def close(self) -> None:
        if self.owned:
            self.stream.close()


class _Jsonl(_Writer):
    def block(self, result: DocumentResult) -> str:
        return json.dumps(result.to_json(), ensure_ascii=False) + "\n"


class _Csv(_Writer):
    def __init__(self, stream: IO[str], owned: bool, header: bool):
        super().__init__(stream, owned)
        self.header = header

    def begin(self) -> None:
        if self.header:
            self.stream.write(_csv_text([CSV_COLUMNS]))
            self.stream.flush()

    def block(self, result: DocumentResult) -> str:
        return _csv_text(_csv_rows(result))


def _csv_text(rows: Iterable[Sequence[str]]) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    return buf.getvalue()


class _Text(_Writer):
    def block(self, r: DocumentResult) -> str:
        if not r.readable:
            return f"{r.path}: unreadable: {r.why}\n"
        doc = r.document or {}
        who = " ".join(str(x) for x in (doc.get("department"), doc.get("year")) if x)
        c = r.counts
        part = f", {len(r.read_problems)} read problem(s)" if r.read_problems else ""
        return (
            f"{r.path}: {doc.get('kind') or '-'} {who or '(not stated)'}: "
            f"{c.get('errors', 0)} error(s), {c.get('warnings', 0)} warning(s), "
            f"{c.get('residues', 0)} rounding residue(s){part}\n"
        )


class _Html:
    """One report page per document and ``index.html`` linking them, in a folder."""

    def __init__(self, folder: Path, total: int):
        self.folder = folder
        self.width = max(len(str(total)), 3)
        self.entries: dict[int, Any] = {}

    def begin(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)

    def write(self, r: DocumentResult, index: int) -> None:
        from govfin.html import BatchEntry

        doc = r.document or {}
        link = None
        if r.readable and r.html is not None:
            stem = "".join(
                ch if ch.isalnum() or ch in "-_." else "_" for ch in Path(r.paths[0]).stem
            )
            link = f"{index + 1:0{self.width}d}-{stem}.html"
            _write_whole(self.folder / link, r.html)
        kind = doc.get("kind") if r.readable else f"未能读取 unreadable: {r.why}"
        self.entries[index] = BatchEntry(
            r.path, doc.get("department"), doc.get("year"), kind, dict(r.counts), link
        )

    def close(self) -> None:
        from govfin.html import render_batch

        page = render_batch([self.entries[i] for i in sorted(self.entries)])
        _write_whole(self.folder / "index.html", page)


def _write_whole(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file: never a half-written page."""
    tmp = path.with_name(path.name + ".part")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def open_writer(fmt: str, output: str | None, *, total: int = 0, resume: bool = False) -> Any:
    """The writer of format ``fmt`` ("jsonl", "csv", "text", "html") to ``output`` (a file;
    for html a folder; None: standard output), appending when ``resume``."""
    if fmt == "html":
        if output is None:
            raise ArgumentValueError("--format html for several documents needs --output FOLDER")
        return _Html(Path(output), total)
    if output is None:
        stream, owned, fresh = sys.stdout, False, True
    else:
        path = Path(output)
        fresh = not (resume and path.exists() and path.stat().st_size > 0)
        stream, owned = path.open("a" if resume else "w", encoding="utf-8", newline=""), True
    if fmt == "jsonl":
        return _Jsonl(stream, owned)
    if fmt == "csv":
        return _Csv(stream, owned, header=fresh)
    if fmt == "text":
        return _Text(stream, owned)
    raise ArgumentValueError(f"no batch output format {fmt!r} (jsonl, csv, text, html)")


def done_in(output: str | Path, fmt: str) -> list[DocumentResult]:
    """The documents an earlier run wrote in full to ``output`` (for ``--resume``).

    A document written only in part (a run killed in the middle of a write: a last line
    without its end, a csv document missing some of its rows) is not counted, and the file is
    cut back to the documents written in full, so the resumed run writes it again whole.
    The results read from csv carry the counts (not the findings' details)."""
    if fmt not in ("jsonl", "csv"):
        raise ArgumentValueError(f"--resume works with --format jsonl or csv, not {fmt}")
    path = Path(output)
    if not path.exists():
        return []
    text = path.read_text(encoding="utf-8")
    kept, results = _jsonl_done(text) if fmt == "jsonl" else _csv_done(text)
    if kept != text:
        _write_whole(path, kept)
    return results


def _jsonl_done(text: str) -> tuple[str, list[DocumentResult]]:
    kept, results = [], []
    for line in text.splitlines(keepends=True):
        if not line.endswith("\n"):
            break  # the unfinished last line
        try:
            results.append(DocumentResult.from_json(json.loads(line)))
        except (ValueError, KeyError, TypeError):
            break  # a damaged line: everything from here is written again
        kept.append(line)
    return "".join(kept), results


def _csv_done(text: str) -> tuple[str, list[DocumentResult]]:
    lines = text.splitlines(keepends=True)
    if not lines or next(csv.reader(lines[:1]), None) != list(CSV_COLUMNS):
        return "", []
    kept, results = [lines[0]], []
    block: list[str] = []
    rows: list[dict[str, str]] = []
    for line in lines[1:]:
        if not line.endswith("\n"):
            break
        try:
            row = dict(zip(CSV_COLUMNS, next(csv.reader([line])), strict=True))
            number, of = int(row["finding"]), int(row["of"])
        except (ValueError, StopIteration):
            break
        if number != len(rows) + 1 or (rows and row["path"] != rows[0]["path"]):
            break
        block.append(line)
        rows.append(row)
        if number == of:
            kept.extend(block)
            results.append(_from_csv(rows))
            block, rows = [], []
    return "".join(kept), results


def _from_csv(rows: list[dict[str, str]]) -> DocumentResult:
    first = rows[0]
    severity = Counter(r["severity"] for r in rows if r["rule_id"])
    counts = {
        "errors": severity["error"],
        "warnings": severity["warning"],
        "residues": sum(1 for r in rows if r["residue"]),
        "infos": severity["info"],
    }
    doc = {"kind": first["kind"], "department": first["department"], "year": first["year"]}
    return DocumentResult(
        first["path"],
        first["path"].split(" + "),
        first["status"],
        first["why"] or None,
        doc if first["status"] == "checked" else None,
        counts,
    )
