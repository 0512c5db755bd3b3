"""The people's side of a batch: a progress bar on a terminal and the closing summary."""

from __future__ import annotations

import sys
import time
from collections import Counter
from collections.abc import Callable
from typing import IO

import attrs

from govfin._lazy import define
from govfin.batch.check import EXIT_OK, DocumentResult

__all__ = ["Progress", "Summary"]

# -- people: progress and summary ----------------------------------------------------------------


class Progress:
    """A one-line progress bar on ``stream`` (default stderr): done/total, rate, ETA, errors
    and unreadable so far.  Silent when the stream is not a terminal."""

    def __init__(
        self,
        total: int,
        stream: IO[str] | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
    ):
        self.stream = sys.stderr if stream is None else stream
        self.on = bool(getattr(self.stream, "isatty", lambda: False)())
        self.total, self.done, self.errors, self.unreadable = total, 0, 0, 0
        self.clock = clock
        self.start = clock()

    def update(self, r: DocumentResult) -> None:
        self.done += 1
        self.errors += bool(r.counts.get("errors"))
        self.unreadable += not r.readable
        if self.on:
            self.stream.write("\r" + self.line())
            self.stream.flush()

    def line(self) -> str:
        elapsed = max(self.clock() - self.start, 1e-9)
        rate = self.done / elapsed
        left = (self.total - self.done) / rate if rate else 0.0
        width = 24
        filled = width * self.done // self.total if self.total else width
        eta = f"{int(left) // 60}:{int(left) % 60:02d}"
        return (
            f"[{'#' * filled}{'-' * (width - filled)}] {self.done}/{self.total} "
            f"{rate:.1f} doc/s ETA {eta} errors {self.errors} unreadable {self.unreadable}"
        )

    def close(self) -> None:
        if self.on and self.done:
            self.stream.write("\n")
            self.stream.flush()


@define
class Summary:
    """The account of a batch: documents read, unread (with why), with errors, with warnings,
    and the rules that fired most (counting errors and warnings, not infos)."""

    results: list[DocumentResult] = attrs.field(factory=list)
    skipped: int = 0  #: documents an earlier run had written (``--resume``)

    def add(self, r: DocumentResult) -> None:
        self.results.append(r)

    @property
    def exit_status(self) -> int:
        """2 some document unreadable (or read in part), else 1 some with errors, else 0."""
        return max((r.exit_status for r in self.results), default=EXIT_OK)

    def rules(self) -> list[tuple[str, int]]:
        fired: Counter[str] = Counter()
        for r in self.results:
            if r.findings:
                fired.update(
                    f["rule_id"] for f in r.findings if f.get("severity") in ("error", "warning")
                )
        return fired.most_common()

    def to_text(self, top: int = 5) -> str:
        rs = self.results
        unread = [r for r in rs if not r.readable]
        lines = [
            f"documents: {len(rs)}"
            + (f" ({self.skipped} from the earlier run)" if self.skipped else ""),
            f"  read:          {len(rs) - len(unread)}",
            f"  unreadable:    {len(unread)}",
            f"  read in part:  {sum(1 for r in rs if r.readable and r.read_problems)}",
            f"  with errors:   {sum(1 for r in rs if r.counts.get('errors'))}",
            f"  with warnings: {sum(1 for r in rs if r.counts.get('warnings'))}",
        ]
        lines.extend(f"  unreadable: {r.path}: {r.why}" for r in unread)
        fired = self.rules()[:top]
        if fired:
            lines.append("rules that fired most (errors and warnings):")
            lines.extend(f"  {rule:<16}{n:>6}" for rule, n in fired)
        return "\n".join(lines)
