"""One document read and checked into plain data, and many of them on an executor.

- :func:`find_documents`: the documents named by files and folders (folders searched
  recursively for the formats govfin reads), each file one document, or all one (``join``);
- :func:`check_document`: read and check one document into a :class:`DocumentResult`, plain
  picklable data; a file that cannot be read is a result too (``status="unreadable"``, why),
  never an exception, so one bad file never stops a batch;
- :func:`check_paths`: an iterator of results as documents finish, on any
  ``concurrent.futures`` executor (``ProcessPoolExecutor``) or a ``dask.distributed`` client,
  or in this process.

>>> r = DocumentResult("a.txt", ("a.txt",), "unreadable", why="a.txt: empty")
>>> r.exit_status, r.to_json()["why"]
(2, 'a.txt: empty')
"""

from __future__ import annotations

import concurrent.futures
import json
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from govfin._lazy import frozen
from govfin.errors import GovfinError

__all__ = [
    "EXIT_FINDINGS",
    "EXIT_OK",
    "EXIT_UNREADABLE",
    "SUFFIXES",
    "CheckOptions",
    "DocumentResult",
    "MissingExtraError",
    "check_document",
    "check_paths",
    "dask_client",
    "document_key",
    "find_documents",
]

#: Exit status of a batch: every document read and free of errors.
EXIT_OK = 0
#: Some document holds errors (and every document was read).
EXIT_FINDINGS = 1
#: Some document could not be read, or was read only in part.
EXIT_UNREADABLE = 2

#: The names a folder search takes (a file named on the command line is read whatever its
#: name: the format is told from its bytes).
SUFFIXES = frozenset({".pdf", ".xlsx", ".xls", ".txt", ".tsv"})

_COUNTS = ("errors", "warnings", "residues", "infos")


class MissingExtraError(GovfinError, ImportError):
    """An optional extra (``govfin[dask]``, ``govfin[pandas]``) is needed and not installed."""


# -- what to check -------------------------------------------------------------------------------


def find_documents(paths: Sequence[str | Path], *, join: bool = False) -> list[tuple[str, ...]]:
    """The documents named by ``paths``: each file one document (or, ``join``, all of them
    one document, in the order found), each folder searched recursively, in name order, for
    files whose name ends in one of :data:`SUFFIXES` (hidden files and folders skipped).

    A path that does not exist raises :class:`FileNotFoundError` naming it; a file named twice
    is checked once.
    """
    found: list[str] = []
    for p in map(Path, paths):
        if p.is_dir():
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found.extend(
                    str(Path(root, f))
                    for f in sorted(files)
                    if not f.startswith(".") and Path(f).suffix.lower() in SUFFIXES
                )
        elif p.exists():
            found.append(str(p))
        else:
            raise FileNotFoundError(f"{p}: no such file or folder")
    unique = list(dict.fromkeys(found))
    if join:
        return [tuple(unique)] if unique else []
    return [(f,) for f in unique]


def document_key(paths: Sequence[str]) -> str:
    """The name of a document in the output: its path, or its parts' paths joined by ' + '."""
    return " + ".join(paths)


# -- one document --------------------------------------------------------------------------------


@frozen
class CheckOptions:
    """How each document is read and checked (the options of ``govfin check``)."""

    strict: bool = False
    edition: int | None = None
    encoding: str | None = None
    #: Also render the document's HTML report page (:attr:`DocumentResult.html`).
    html: bool = False
    #: The classification supplements (``govfin.codes.Supplement``, plain data) to put in
    #: force where the document is checked; ``None``: those in force in that process.
    #: :func:`check_paths` fills it with this process's supplements for an executor, so that
    #: workers (processes, a Dask cluster) check against the same codes.
    codes: tuple[Any, ...] | None = None


def _strs(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _maps(value: Iterable[Mapping[str, Any]]) -> tuple[Mapping[str, Any], ...]:
    return tuple(value)


@frozen
class DocumentResult:
    """What checking one document gave, as plain data (it crosses process boundaries).

    ``status`` is ``"checked"`` or ``"unreadable"`` (with ``why``).  ``document`` is the
    summary of the read account (kind, department, year, units, sources, tables, unread);
    ``findings`` the findings as in the JSON report, each with ``residue`` (a rounding
    residue, 尾数误差) and its ``page`` when the source has pages; ``read_problems`` the read errors of a document read in part.
    """

    path: str
    paths: tuple[str, ...] = attrs.field(converter=_strs)
    status: str = "checked"
    why: str | None = None
    document: Mapping[str, Any] | None = None
    counts: Mapping[str, int] = attrs.field(factory=dict)
    findings: tuple[Mapping[str, Any], ...] = attrs.field(default=(), converter=_maps)
    read_problems: tuple[Mapping[str, Any], ...] = attrs.field(default=(), converter=_maps)
    #: The HTML report page, when :attr:`CheckOptions.html` asked for it (not in the JSON).
    html: str | None = attrs.field(default=None, eq=False, repr=False)

    @property
    def readable(self) -> bool:
        return self.status == "checked"

    @property
    def exit_status(self) -> int:
        """2 unreadable or read in part, 1 errors found, 0 clean (as ``govfin check``)."""
        if not self.readable or self.read_problems:
            return EXIT_UNREADABLE
        return EXIT_FINDINGS if self.counts.get("errors", 0) else EXIT_OK

    def to_json(self) -> dict[str, Any]:
        """The object of one line of ``--format jsonl``."""
        return {
            "path": self.path,
            "paths": list(self.paths),
            "status": self.status,
            "why": self.why,
            "document": self.document,
            "counts": dict(self.counts),
            "read_problems": list(self.read_problems),
            "findings": list(self.findings),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> DocumentResult:
        """The result of one jsonl line (as :meth:`to_json` wrote it)."""
        return cls(
            data["path"],
            data.get("paths") or (data["path"],),
            data["status"],
            data.get("why"),
            data.get("document"),
            dict(data.get("counts") or {}),
            data.get("findings") or (),
            data.get("read_problems") or (),
        )


def _summary(document: Any) -> dict[str, Any]:
    from govfin import codes

    supplements = codes.supplements()
    extra = {"code_supplements": [s.to_dict() for s in supplements]} if supplements else {}
    return {
        "kind": document.kind,
        "department": document.department,
        "year": document.year,
        "units": list(document.units),
        "sources": [attrs.asdict(s) for s in document.sources],
        "tables": len(document.tables),
        "evaluations": document.evaluations,
        "plans": document.plans,
        "unread": [u.to_text() for u in document.unread],
        **extra,
    }


#: The options of a check when none are given (a frozen value, shared).
DEFAULT_OPTIONS = CheckOptions()


def _pages(document: Any) -> int | None:
    if document is None:
        return None
    return sum(s.pages or 0 for s in document.sources if s.format == "pdf") or None


def check_document(paths: Sequence[str], options: CheckOptions = DEFAULT_OPTIONS) -> DocumentResult:
    """Read the files ``paths`` (one document's parts) and check them.

    Never raises for a bad document: a file that cannot be read (missing, empty, no format
    govfin reads, not a disclosure, no table readable, an extra not installed) gives a result
    with ``status="unreadable"`` and ``why``; so does any other failure, named by its type.
    """
    from govfin.readers.files import read_paths
    from govfin.readers.problems import problem_data
    from govfin.rules import check

    paths = tuple(str(p) for p in paths)
    key = document_key(paths)
    try:
        if options.codes is not None:
            from govfin import codes

            codes.use_supplements(options.codes)
        result = read_paths(
            paths, strict=options.strict, edition=options.edition, encoding=options.encoding
        ).raise_if_unreadable()
        document = result.document
        report = check(result.disclosure, edition=options.edition)
    except (GovfinError, OSError, UnicodeError) as exc:
        return DocumentResult(key, paths, "unreadable", f"{type(exc).__name__}: {exc}")
    except Exception as exc:  # noqa: BLE001 - one bad file never stops a batch; named, not hidden
        return DocumentResult(
            key, paths, "unreadable", f"internal error {type(exc).__name__}: {exc}"
        )
    findings: list[dict[str, Any]] = []
    for finding, f in zip(report.findings, json.loads(report.to_json())["findings"], strict=True):
        line = (f.get("place") or {}).get("line")
        page_of = result.log.place_of(line) if isinstance(line, int) else None
        findings.append({**f, "residue": finding.is_residue, "page": page_of})
    page = None
    if options.html:
        from govfin.html import render_report

        page = render_report(
            report,
            result.disclosure,
            locate=result.log.place_of,
            files=[Path(p).name for p in paths],
            pages=_pages(document),
        )
    return DocumentResult(
        key,
        paths,
        "checked",
        None,
        _summary(document) if document is not None else None,
        {
            "errors": len(report.errors),
            "warnings": len(report.warnings),
            "residues": len(report.residues),
            "infos": len(report.infos),
        },
        findings,
        problem_data(result.disclosure.read_problems, report.withheld),
        page,
    )


# -- many documents ------------------------------------------------------------------------------


def _is_dask(executor: object) -> bool:
    return type(executor).__module__.split(".")[0] == "distributed"


def dask_client(address: str) -> Any:
    """A ``dask.distributed`` client of the scheduler at ``address`` (``tcp://host:8786``).

    Raises :class:`MissingExtraError` naming the extra when dask is not installed."""
    try:
        from distributed import Client  # type: ignore[import-untyped,unused-ignore]
    except ImportError:
        raise MissingExtraError(
            "--scheduler runs documents on a Dask cluster and needs the optional extra; "
            "install it with: pip install 'govfin[dask]'"
        ) from None
    return Client(address)  # type: ignore[no-untyped-call,unused-ignore]


def check_paths(
    documents: Iterable[Sequence[str]],
    options: CheckOptions = DEFAULT_OPTIONS,
    *,
    executor: Any = None,
    window: int = 64,
) -> Iterator[DocumentResult]:
    """Check each document (a sequence of its files' paths), yielding results as they finish.

    ``executor`` is ``None`` (this process, in order), any ``concurrent.futures.Executor``
    (e.g. ``ProcessPoolExecutor(4)``), or a ``dask.distributed.Client``: the documents are
    submitted to it and yielded in the order they complete, at most ``window`` of them
    waiting at a time (a national batch does not queue 250,000 futures at once).
    """
    docs = iter([tuple(str(p) for p in d) for d in documents])
    if executor is not None and options.codes is None:  # workers: this process's supplements
        from govfin import codes

        options = attrs.evolve(options, codes=codes.supplements())
    if executor is None:
        for d in docs:
            yield check_document(d, options)
        return
    if _is_dask(executor):
        from distributed import (  # type: ignore[import-untyped,unused-ignore]
            as_completed as dask_completed,
        )

        def submit(d: tuple[str, ...]) -> Any:
            return executor.submit(check_document, d, options, pure=False)

        first = [submit(d) for _, d in zip(range(window), docs, strict=False)]
        running = dask_completed(first)  # type: ignore[no-untyped-call,unused-ignore]
        for future in running:
            yield future.result()
            nxt = next(docs, None)
            if nxt is not None:
                running.add(submit(nxt))  # type: ignore[no-untyped-call,unused-ignore]
        return
    pending: dict[concurrent.futures.Future[DocumentResult], tuple[str, ...]] = {}

    def fill() -> None:
        while len(pending) < window:
            d = next(docs, None)
            if d is None:
                return
            pending[executor.submit(check_document, d, options)] = d

    fill()
    while pending:
        done, _ = concurrent.futures.wait(pending, return_when=concurrent.futures.FIRST_COMPLETED)
        for future in done:
            d = pending.pop(future)
            try:
                yield future.result()
            except Exception as exc:  # noqa: BLE001 - a worker that died fails one document
                yield DocumentResult(
                    document_key(d), d, "unreadable", f"worker failed {type(exc).__name__}: {exc}"
                )
        fill()
