"""Many documents: check a batch of files on this machine or on a Dask cluster, streaming.

``govfin check PATH...`` over folders of published disclosures (docs/batch.md).  The parts:

- :mod:`govfin.batch.check`: :func:`find_documents`, :func:`check_document` (one document
  into a plain, picklable :class:`DocumentResult`; an unreadable file is a result, never an
  exception), :func:`check_paths` (results as documents finish, on any ``concurrent.futures``
  executor or a ``dask.distributed`` client);
- :mod:`govfin.batch.output`: the writers (jsonl, csv, text, html) and :func:`done_in`
  (``--resume``), :func:`to_frame` (one pandas DataFrame of findings);
- :mod:`govfin.batch.people`: :class:`Progress` (a bar on a terminal, silent otherwise) and
  :class:`Summary` (the closing account and the exit status);
- :func:`run`: all of it, as ``govfin check`` runs a batch.

It sits above ``html`` and below ``cli`` in the layering (tests/test_layers.py).
"""

from __future__ import annotations

import concurrent.futures
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

import attrs

from govfin.batch.check import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_UNREADABLE,
    SUFFIXES,
    CheckOptions,
    DocumentResult,
    MissingExtraError,
    check_document,
    check_paths,
    dask_client,
    document_key,
    find_documents,
)
from govfin.batch.output import CSV_COLUMNS, done_in, open_writer, to_frame
from govfin.batch.people import Progress, Summary
from govfin.errors import ArgumentValueError

__all__ = [
    "CSV_COLUMNS",
    "EXIT_FINDINGS",
    "EXIT_OK",
    "EXIT_UNREADABLE",
    "SUFFIXES",
    "CheckOptions",
    "DocumentResult",
    "MissingExtraError",
    "Progress",
    "Summary",
    "check_document",
    "check_paths",
    "dask_client",
    "document_key",
    "done_in",
    "find_documents",
    "open_writer",
    "run",
    "to_frame",
]

# -- the whole batch -----------------------------------------------------------------------------


def _executor(jobs: int | None, scheduler: str | None) -> Any:
    if jobs is not None and scheduler is not None:
        raise ArgumentValueError("give --jobs or --scheduler, not both")
    if scheduler is not None:
        return dask_client(scheduler)
    if jobs is not None and jobs < 1:
        raise ArgumentValueError(f"--jobs {jobs}: give a number of processes, 1 or more")
    if jobs is not None and jobs > 1:
        return concurrent.futures.ProcessPoolExecutor(jobs)
    return None


def _shut(executor: Any) -> None:
    """Stop the executor; documents not started are cancelled (an interrupted batch does not
    wait for the documents queued behind the running ones)."""
    if isinstance(executor, concurrent.futures.Executor):
        executor.shutdown(wait=True, cancel_futures=True)
    elif executor is not None:
        executor.close()  # a dask client


def run(
    paths: Sequence[str | Path],
    *,
    fmt: str = "jsonl",
    output: str | None = None,
    join: bool = False,
    options: CheckOptions | None = None,
    jobs: int | None = None,
    scheduler: str | None = None,
    resume: bool = False,
    stderr: IO[str] | None = None,
) -> int:
    """``govfin check PATH...`` over a batch: find the documents, check them (``jobs``
    processes, or the Dask scheduler at ``scheduler``), write each as it finishes, show the
    progress and the closing summary on ``stderr``; return the exit status (0 all clean, 1 some
    with errors, 2 some unreadable or read in part)."""
    err = sys.stderr if stderr is None else stderr
    options = CheckOptions() if options is None else options
    docs = find_documents(paths, join=join)
    if not docs:
        raise ArgumentValueError(
            "no file to check under "
            + ", ".join(map(str, paths))
            + f" (a folder is searched for {', '.join(sorted(SUFFIXES))})"
        )
    if fmt == "html":
        options = attrs.evolve(options, html=True)
    summary = Summary()
    if resume:
        if output is None:
            raise ArgumentValueError("--resume needs --output FILE (the output of the earlier run)")
        earlier = done_in(output, fmt)
        seen = {r.path for r in earlier}
        summary.results.extend(earlier)
        summary.skipped = len(earlier)
        docs = [d for d in docs if document_key(d) not in seen]
    index = {document_key(d): i for i, d in enumerate(docs)}
    executor = _executor(jobs, scheduler)
    try:
        writer = open_writer(fmt, output, total=len(docs), resume=resume)
        progress = Progress(len(docs), err)
        try:
            writer.begin()
            for r in check_paths(docs, options, executor=executor):
                writer.write(r, index[r.path])
                progress.update(r)
                summary.add(r)
        finally:
            progress.close()
            writer.close()
    finally:
        _shut(executor)
    print(summary.to_text(), file=err)
    return summary.exit_status
