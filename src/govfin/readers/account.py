"""The account of a read: what document was read, from which files, and what was (not) read.

A report must never claim errors in a document the reader could not read.  Every read
therefore returns a :class:`Document` beside the :class:`~govfin.disclosure.Disclosure`: the
document's kind (决算 or 预算), department, year and units, the source files, every table read
(its kind, printed title, pages and number of rows) and every table that was seen but could
not be read, with why and where.  The JSON report and the text report's header carry it.

>>> t = TableRead("收入决算表", "收入决算表", "公开02表", ("a.pdf p.4", "a.pdf p.5"), 12, "万元")
>>> t.pages
('a.pdf p.4', 'a.pdf p.5')
>>> Unread("收入决算表", "a.pdf p.4", "a table whose kind neither its title nor its header tells").to_text()
'收入决算表 (a.pdf p.4): a table whose kind neither its title nor its header tells'
"""

from __future__ import annotations

from typing import Any

import attrs

from govfin._lazy import frozen

__all__ = ["Document", "Source", "TableRead", "Unread"]


#: What a source's ``pages`` count, by format: pages, or a workbook's sheets.
_COUNTED = {"xlsx": "sheets", "xls": "sheets"}


@frozen
class Source:
    """One source file of a document and how many pages (or sheets) it has (None for text)."""

    name: str
    format: str  #: "text", "pdf", "xlsx", "xls"
    pages: int | None = None


@frozen
class TableRead:
    """One table as read: its kind, printed title and number, the places of its lines, rows."""

    kind: str
    title: str | None
    number: str | None
    pages: tuple[str, ...]
    rows: int
    unit: str


@frozen
class Unread:
    """A table (or 绩效自评表) the reader saw but could not read: its title, place and why."""

    title: str
    where: str
    why: str

    def to_text(self) -> str:
        return f"{self.title} ({self.where}): {self.why}"


@frozen
class Document:
    """What was read: kind ("决算"/"预算"), department, year, units, sources, tables, unread."""

    kind: str
    department: str | None
    year: int | None
    units: tuple[str, ...]
    sources: tuple[Source, ...]
    tables: tuple[TableRead, ...]
    unread: tuple[Unread, ...]
    evaluations: int = 0
    #: Number of 项目支出绩效目标表 (a 预算's performance targets) read.
    plans: int = 0
    #: Places of the rows a blank template prints as placeholders ("…", "XX"): not figures.
    placeholders: tuple[str, ...] = ()

    @property
    def readable(self) -> bool:
        """True when at least one table or 绩效自评表 was read."""
        return bool(self.tables) or self.evaluations > 0 or self.plans > 0

    def to_dict(self) -> dict[str, Any]:
        """Plain data for the JSON report."""
        return attrs.asdict(self, recurse=True)

    def to_text(self) -> str:
        """A few lines for the text report's header."""
        files = ", ".join(
            s.name + (f" ({s.pages} {_COUNTED.get(s.format, 'p.')})" if s.pages is not None else "")
            for s in self.sources
        )
        lines = [
            f"document: {self.kind} · {self.department or '(department not stated)'} · "
            f"{self.year or '(year not stated)'} · units {', '.join(self.units) or '-'}"
            + (f" · {files}" if files else ""),
            f"read: {len(self.tables)} table(s), {self.evaluations} 绩效自评表"
            + (f", {self.plans} 绩效目标表" if self.plans else "")
            + (f"; NOT read: {len(self.unread)}" if self.unread else ""),
        ]
        lines.extend(f"  unread: {u.to_text()}" for u in self.unread)
        if self.placeholders:
            lines.append(
                f"template placeholders (not figures) in {len(self.placeholders)} row(s): "
                + ", ".join(self.placeholders[:5])
                + (" …" if len(self.placeholders) > 5 else "")
            )
        return "\n".join(lines)
