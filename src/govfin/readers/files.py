"""Files on disk -> rows -> a Disclosure: the format told from the bytes, never the name.

:func:`read_path` reads one file; :func:`read_paths` reads several files that together make
one disclosure (a narrative and its tables published as two PDFs: ``govfin check --join``),
each keeping its own page numbers in places.  The format is told from the file's first bytes
(``%PDF``, a zip holding ``xl/`` for .xlsx, the OLE signature for .xls, otherwise text), so a
misnamed file is still read as what it is.  PDF and Excel need the optional extras
``govfin[pdf]`` and ``govfin[excel]``; without them the error says what to install.

>>> sniff(b"%PDF-1.7 ...")
'pdf'
>>> sniff(b"\\xd0\\xcf\\x11\\xe0\\xa1\\xb1\\x1a\\xe1...")
'xls'
>>> sniff("一、收入".encode())
'text'
"""

from __future__ import annotations

import io
import sys
import zipfile
from collections.abc import Sequence
from pathlib import Path

from govfin.errors import ArgumentValueError
from govfin.readers.account import Source
from govfin.readers.document import ReadResult, read_lines, read_text
from govfin.readers.errors import EmptyInputError, ReadError, UnreadPageError
from govfin.readers.lines import Line, split_lines
from govfin.readers.source import SourceRow

__all__ = ["STDIN", "UndecodableBytesError", "UnreadableFileError", "decode", "read_path", "read_paths", "rows_of", "sniff"]

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


class UnreadableFileError(ReadError):
    """A file govfin cannot read at all: binary data that is no known format, an extra that
    is not installed, a file that cannot be opened.  The message names the file."""


def sniff(data: bytes) -> str:
    """The format of a file from its first bytes: "pdf", "xlsx", "xls", "binary" or "text"."""
    head = data[:1024]
    if b"%PDF" in head:
        return "pdf"
    if data.startswith(_OLE):
        return "xls"
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                if any(n.startswith("xl/") for n in z.namelist()):
                    return "xlsx"
        except zipfile.BadZipFile:
            return "xlsx"  # a damaged workbook: the workbook reader says what is wrong
        return "binary"
    if b"\x00" in head:
        return "binary"
    return "text"


class UndecodableBytesError(ReadError):
    """Bytes of a text file that neither UTF-8 nor GB18030 decodes: shown as U+FFFD, reported at
    their line, and the rest of the file is read."""


def decode(
    data: bytes, name: str, encoding: str | None = None
) -> tuple[str, list[UndecodableBytesError]]:
    """The text of a text file and the problems met decoding it.

    ``encoding`` if given; else UTF-8 (with or without BOM), else GB18030 — decided for the
    whole file.  When neither decodes every byte, the one that decodes more is taken, each
    undecodable byte becomes U+FFFD and is reported at its own line (never a position in a
    fallback decoding), and reading goes on.

    >>> decode("一、收入".encode("gb18030"), "a.txt")
    ('一、收入', [])
    >>> text, problems = decode(b"\\xe7\\xac\\xac\\n\\xff bad", "a.txt")
    >>> text.splitlines()[1], problems[0].line
    ('\\ufffd bad', 2)
    """
    if encoding is not None:
        candidates = [encoding]
    else:
        candidates = ["utf-8-sig", "gb18030"]
    for enc in candidates:
        try:
            return data.decode(enc), []
        except UnicodeDecodeError:
            continue
        except LookupError:
            raise UnreadableFileError(f"{name}: unknown encoding {enc!r}") from None
    best = min(candidates, key=lambda enc: data.decode(enc, errors="replace").count("\ufffd"))
    text = data.decode(best, errors="replace")
    problems = []
    for n, line in enumerate(split_lines(text), 1):
        bad = line.count("\ufffd")
        if bad:
            problems.append(
                UndecodableBytesError(
                    f"{name}: {bad} byte(s) that {best.removesuffix('-sig').upper()} cannot "
                    "decode, shown as \ufffd (give the encoding with --encoding)",
                    line=n,
                    text=line,
                )
            )
    return text, problems


#: The name that stands for standard input on the command line.
STDIN = "-"


def rows_of(path: str | Path, *, encoding: str | None = None) -> tuple[list[SourceRow], Source]:
    """The rows of one file (``"-"``: standard input), in whatever format it is, and its
    :class:`Source` entry."""
    name, data = _named_bytes(path)
    return _rows(name, data, encoding)


def _rows(name: str, data: bytes, encoding: str | None) -> tuple[list[SourceRow], Source]:
    rows, source, _ = _rows_and_problems(name, data, encoding)
    return rows, source


def _rows_and_problems(
    name: str, data: bytes, encoding: str | None
) -> tuple[list[SourceRow], Source, list[ReadError]]:
    """The rows of one file, its :class:`Source`, and the problems met before reading, at
    the file's own line numbers: the bytes of a text file that did not decode, the scanned
    pages of a PDF."""
    fmt = sniff(data)
    if fmt == "pdf":
        try:
            from govfin.readers.pdf import pdf_rows
        except ImportError:
            raise UnreadableFileError(_extra(name, "PDF", "pdf")) from None
        read = pdf_rows(data, name=name)
        rows = list(read.rows)
        pages = max((r.page or 0 for r in rows), default=0) or None
        if read.scans or read.garbled:
            pages = max(pages or 0, *read.scans, *read.garbled)
        problems = [
            *_unread_pages(name, rows, read.scans, "printed as an image (a scan, or a table "
                           "or chart pasted in as a picture): govfin does no OCR"),
            *_unread_pages(name, rows, read.garbled, "printed with a text layer whose glyphs map "
                           "to no characters (a font without a Unicode map)"),
        ]
        return rows, Source(name, "pdf", pages), sorted(problems, key=lambda e: e.line or 0)
    if fmt in ("xlsx", "xls"):
        try:
            from govfin.readers.excel import extract_workbook
        except ImportError:
            raise UnreadableFileError(_extra(name, "Excel", "excel")) from None
        book = extract_workbook(data, name=name)
        rows = list(getattr(book, "rows", book))
        sheets = len({r.sheet for r in rows}) or None
        return rows, Source(name, fmt, sheets), []
    if fmt == "binary":
        raise UnreadableFileError(f"{name}: not a text document (binary data of no format govfin reads)")
    text, problems = decode(data, name, encoding)  # the bytes are shown as \ufffd
    rows = [
        SourceRow(tuple(t.split("\t")), file=name, row=n) for n, t in enumerate(split_lines(text), 1)
    ]
    return rows, Source(name, "text", None), problems


def _unread_pages(
    name: str, rows: Sequence[SourceRow], pages: Sequence[int], why: str
) -> list[ReadError]:
    """One :class:`UnreadPageError` per run of ``pages``, at the last row read on or before
    it (a table whose title is printed above its picture, or that runs onto the page)."""
    out: list[ReadError] = []
    runs: list[list[int]] = []
    for page in pages:
        if runs and page == runs[-1][-1] + 1:
            runs[-1].append(page)
        else:
            runs.append([page])
    for run in runs:
        first, last = run[0], run[-1]
        before = sum(1 for r in rows if (r.page or 0) <= last)  # rows come in page order
        at = f"p.{first}" if first == last else f"pp.{first}–{last}"
        err = UnreadPageError(
            f"{at} {why}, so what it shows is not read; the tables and 自评表 cannot be counted",
            line=before or None,
        )
        err.locate(f"{name} {at}")
        out.append(err)
    return out


def _shifted(err: ReadError, start: int) -> ReadError:
    """``err`` at its line of the whole read (the file's rows begin at line ``start``)."""
    at = None if err.line is None else start + err.line - 1
    moved = type(err)(err.message, line=at, text=err.text, where=err.where)
    if err.place is not None:
        moved.locate(err.place)
    return moved


def _named_bytes(path: str | Path) -> tuple[str, bytes]:
    """A file's name and bytes (``"-"``: standard input); an empty file is an
    :class:`EmptyInputError` naming it."""
    if str(path) == STDIN:
        name, data = "<stdin>", sys.stdin.buffer.read()
    else:
        p = Path(path)
        name, data = p.name, p.read_bytes()
    if not data.strip():
        raise EmptyInputError(f"{name}: the file is empty")
    return name, data


def _extra(name: str, what: str, extra: str) -> str:
    return (
        f"{name}: reading {what} files needs the optional extra; "
        f"install it with: pip install 'govfin[{extra}]'"
    )


def read_path(
    path: str | Path,
    *,
    strict: bool = False,
    year: int | None = None,
    edition: int | None = None,
    encoding: str | None = None,
) -> ReadResult:
    """Read one file of any supported format (text, PDF, .xlsx, .xls) into a Disclosure."""
    return read_paths([path], strict=strict, year=year, edition=edition, encoding=encoding)


def read_paths(
    paths: Sequence[str | Path],
    *,
    strict: bool = False,
    year: int | None = None,
    edition: int | None = None,
    encoding: str | None = None,
) -> ReadResult:
    """Read several files as ONE disclosure, in the order given (e.g. narrative, then tables);
    each row keeps its file and page, so places stay findable in each file."""
    if not paths:
        raise ArgumentValueError("read_paths() needs at least one path")
    if len(paths) == 1:
        name, data = _named_bytes(paths[0])
        if sniff(data) == "text":  # one text file: its own line numbers are the places
            text, problems = decode(data, name, encoding)
            if problems and strict:
                raise problems[0]
            # the bytes that did not decode are read problems at their lines (READ-bytes)
            return read_text(text, strict=strict, year=year, edition=edition, errors=problems)
        read = [_rows_and_problems(name, data, encoding)]
    else:
        read = [_rows_and_problems(*_named_bytes(path), encoding) for path in paths]
    lines: list[Line] = []
    sources: list[Source] = []
    errors: list[ReadError] = []
    for rows, source, problems in read:
        sources.append(source)
        start = len(lines) + 1
        lines.extend(Line.of_row(start + i, r) for i, r in enumerate(rows))
        # a text file's undecodable bytes, a PDF's scanned pages: at their line of the whole read
        errors.extend(_shifted(p, start) for p in problems)
    if errors and strict:
        raise errors[0]
    return read_lines(
        lines, strict=strict, year=year, edition=edition, sources=sources, errors=errors
    )
