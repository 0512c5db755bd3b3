"""The whole text -> :class:`~govfin.disclosure.Disclosure`, with a read log of every line.

Reading goes in two passes, each linear in the input:

1. *segmentation* (:mod:`govfin.readers.segment`): every line is assigned to a segment — the
   cover, the table of contents, a part, a table block, a 项目支出绩效自评表 or 绩效目标表 block;
2. *reading* (here): each segment is read by its reader (tables, evaluations, plans,
   narrative), which files every non-blank line in the log; the cover gives the department
   and title; the document account (:mod:`govfin.readers.account`) and the read problems
   (:mod:`govfin.readers.problems`) are built from what was read.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

import attrs

from govfin import codes
from govfin._lazy import frozen
from govfin.amounts import Unit
from govfin.disclosure import Disclosure, Narrative, NarrativeSection
from govfin.errors import ArgumentTypeError
from govfin.narrative import NARRATIVE_TABLE
from govfin.performance.model import ProjectEvaluation
from govfin.performance.plan import ProjectPlan
from govfin.readers.account import Document, Source, TableRead, Unread
from govfin.readers.cover import cover_facts, document_year
from govfin.readers.cover import stated_kind as cover_kind
from govfin.readers.cuts import find_copies, missing_parts, part_number
from govfin.readers.errors import (
    DocumentKindError,
    DuplicateTableError,
    EmptyInputError,
    NotADisclosureError,
    OtherUnitTableError,
    ReadError,
    YearMismatchError,
)
from govfin.readers.evaluations import read_evaluation
from govfin.readers.lines import (
    Line,
    LineKind,
    LogBuilder,
    ReadLog,
    split_lines,
    squash,
    unify_ideographs,
)
from govfin.readers.narrative import read_glossary, read_sections
from govfin.readers.plan import read_plan
from govfin.readers.problems import DOCUMENT, Part, derive
from govfin.readers.segment import Segment, _toc_key, is_mention, segment_lines
from govfin.readers.tables import (
    TableContext,
    read_table,
)
from govfin.tables import Table

if TYPE_CHECKING:
    from pathlib import Path

    from govfin.readers.source import SourceRow

__all__ = ["ReadResult", "read_file", "read_lines", "read_rows", "read_text"]



@frozen
class ReadResult:
    """What a read gives: the :class:`Disclosure` and the :class:`ReadLog` of every line.

    Unpacks as a pair: ``disclosure, log = read_text(text)``.
    """

    disclosure: Disclosure
    log: ReadLog
    #: The account of what was read and what could not be (see :mod:`govfin.readers.account`).
    document: Document | None = attrs.field(default=None, eq=False)

    def __iter__(self) -> Iterator[object]:
        yield self.disclosure
        yield self.log

    @property
    def errors(self) -> tuple[ReadError, ...]:
        """Every error the (lenient) read met."""
        return self.log.errors

    @property
    def ok(self) -> bool:
        """No error was met."""
        return self.log.ok

    def raise_if_unreadable(self) -> ReadResult:
        """Raise when nothing of the document could be read (empty input, not a disclosure,
        no table and no 绩效自评表 readable); return self otherwise.  Anything else a lenient
        read met stays in the log: the document is checked on what was read."""
        for err in self.log.errors:
            if isinstance(err, (EmptyInputError, NotADisclosureError)):
                raise err
        if self.document is not None and not self.document.readable:
            unread = "; ".join(u.to_text() for u in self.document.unread)
            raise NotADisclosureError(
                "no table and no 项目支出绩效自评表 could be read" + (f": {unread}" if unread else "")
            )
        return self

    def raise_for_errors(self) -> ReadResult:
        """Raise the first recorded error, if any; return self otherwise."""
        if self.log.errors:
            raise self.log.errors[0]
        return self




def read_text(
    text: str,
    *,
    strict: bool = False,
    year: int | None = None,
    edition: int | None = None,
    errors: Sequence[ReadError] = (),
) -> ReadResult:
    """Read the text of a published disclosure into a :class:`Disclosure`.

    ``text`` is text extracted from the PDF: one printed row per line, cells separated by
    tabs.  Every non-blank line is accounted for in the returned log.  Problems are typed
    :class:`~govfin.readers.errors.ReadError` subclasses: with ``strict=True`` the first one
    is raised (and an unrecognised line inside a table is one); otherwise all are recorded
    in ``result.log.errors`` and the read returns what it could.

    ``year`` is the year of the document when the text does not state it; a text stating
    another year is a :class:`~govfin.readers.errors.YearMismatchError` (the given year is
    used).  ``edition`` is the year of 《政府收支分类科目》 whose names the 类 rows of 公开01/04
    are mapped to codes with (default: the document's year).  Amounts are kept in each table's
    own unit (``TableMeta.unit``).  ``errors`` are problems met before the text (bytes that did
    not decode), recorded first and reported as read problems.
    """
    if not isinstance(text, str):
        raise ArgumentTypeError(f"read_text() expects str, got {type(text).__name__}")
    lines = [Line(n, t) for n, t in enumerate(split_lines(unify_ideographs(text)), 1)]
    return read_lines(lines, strict=strict, year=year, edition=edition, errors=errors)


def read_rows(
    rows: Iterable[SourceRow],
    *,
    strict: bool = False,
    year: int | None = None,
    edition: int | None = None,
) -> ReadResult:
    """Read the rows of any source (PDF, workbook, text) into a :class:`Disclosure`.

    Each :class:`~govfin.readers.source.SourceRow` becomes one :class:`Line` numbered in
    order; the line keeps the row as its ``origin``, so places name the file and page.  The
    keywords are :func:`read_text`'s.
    """
    lines = [Line.of_row(n, r) for n, r in enumerate(rows, 1)]
    return read_lines(lines, strict=strict, year=year, edition=edition)


def read_lines(
    lines: Sequence[Line],
    *,
    strict: bool = False,
    year: int | None = None,
    edition: int | None = None,
    sources: Sequence[Source] = (),
    errors: Sequence[ReadError] = (),
) -> ReadResult:
    """The one reading mechanism every source goes through: :class:`Line` objects (cells of
    one printed row each) -> :class:`Disclosure` and the log of every line.

    ``errors`` are problems met before reading (undecodable bytes), recorded first.  A text
    that is one document printed several times over is read once (the first copy), and said
    so (``READ-repeated``)."""
    if edition is not None:
        codes.require_edition(edition)  # the refusal of the command line's --edition
    places = {ln.number: ln.origin.where for ln in lines if ln.origin is not None}
    log = LogBuilder(strict=strict, places=places)
    for err in errors:
        log.error(err)
    copies = find_copies(lines)
    repeated: tuple[int, int, int, tuple[int, ...]] | None = None
    if copies is not None:
        n, start, differ = copies
        for ln in lines[start:]:
            log.mark(ln, LineKind.BOILERPLATE, DOCUMENT, f"the document printed again ({n} copies)")
        repeated = (n, sum(1 for ln in lines[:start] if not ln.blank), lines[start].number, differ)
        lines = lines[:start]
    if all(ln.blank for ln in lines):
        log.error(EmptyInputError("the text holds no non-blank line"))
        empty = Document("决算", None, year, (), tuple(sources), (), ())
        return ReadResult(Disclosure(), log.build(), empty)

    stated, year_line = document_year(lines)
    doc_year = year if year is not None else stated
    if year is not None and stated is not None and stated != year:
        log.error(
            YearMismatchError(
                f"the text is of {stated}, not {year}",
                line=year_line.number if year_line else None,
                text=year_line.text if year_line else None,
            )
        )

    first = next(ln for ln in lines if not ln.blank)
    hint = first.joined.strip() if first.single and len(first.joined) < 60 else None
    segments = segment_lines(lines, log, hint)
    cover_department, title = cover_facts(segments[0])
    for ln in segments[0].lines:
        log.mark(ln, LineKind.BOILERPLATE, "封面", "cover")

    stated_kind, kind_line = cover_kind(lines)
    ctx = TableContext(
        log,
        edition=edition if edition is not None else doc_year,
        document=stated_kind or "决算",
    )
    tables: list[Table] = []
    read: list[tuple[Table, Segment]] = []
    unread: list[Unread] = []
    parts: list[Part] = []  # what was read, by lines (for the read problems)
    lost: list[tuple[Unread, int, int, str]] = []  # what was seen but not read
    differing: list[int] = []  # title lines of duplicate tables whose copies differ
    seen_evaluations: dict[str, list[ProjectEvaluation]] = {}  # by project
    evaluations: list[ProjectEvaluation] = []
    plans: list[ProjectPlan] = []
    sections: list[NarrativeSection] = []
    glossary: tuple[str, int | None] = ("", None)
    for seg in segments[1:]:
        if seg.kind == "table":
            assert seg.title is not None
            if is_mention(seg):
                what = seg.table_kind.KIND if seg.table_kind else None
                log.mark(seg.title, LineKind.BOILERPLATE, what, "a table's title alone (contents)")
                continue
            before = len(log.errors)
            table = read_table(seg.lines, seg.title, seg.table_kind, ctx)
            if table is not None and seg.title_tail and table.meta.title:
                # a title the page wrapped over two lines is kept whole, as printed
                meta = attrs.evolve(table.meta, title=table.meta.title + seg.title_tail)
                table = attrs.evolve(table, meta=meta)
            if table is not None:
                first = _add_table(tables, table, seg.title, log)
                if first is None:
                    parts.append(Part(table.KIND, *_lines_of(seg), "table"))
                elif table != first and not _other_unit(first, table):
                    differing.append(seg.title.number)
                read.append((table, seg))
            else:
                unread.append(_unread(seg, log.errors[before:]))
                lost.append((unread[-1], *_lines_of(seg), "table"))
        elif seg.kind == "evaluation":
            assert seg.title is not None
            before = len(log.errors)
            ev = read_evaluation(seg.lines, seg.title, log, doc_year)
            if ev is not None and _printed_before(ev, seen_evaluations):
                log.error(
                    DuplicateTableError(
                        f"{ev.table} printed twice (the copies are identical); the first is "
                        "kept and checked",
                        line=seg.title.number,
                        text=seg.title.text,
                        where=ev.table,
                    )
                )
            elif ev is not None:
                evaluations.append(ev)
                seen_evaluations.setdefault(ev.project, []).append(ev)
                parts.append(Part(ev.table, *_lines_of(seg), "evaluation"))
            else:
                unread.append(_unread(seg, log.errors[before:]))
                lost.append((unread[-1], *_lines_of(seg), "evaluation"))
        elif seg.kind == "plan":
            before = len(log.errors)
            plan = read_plan(seg.lines, log, year=doc_year)
            if plan is not None:
                plans.append(plan)
            else:
                unread.append(_unread(seg, log.errors[before:]))
                lost.append((unread[-1], *_lines_of(seg), "plan"))
        elif seg.kind == "cover":  # the cover of a later file (several files read as one)
            for ln in seg.lines:
                log.mark(ln, LineKind.BOILERPLATE, "封面", "cover of a later file")
        elif seg.kind == "toc":
            for ln in log.unmarked(seg.lines):  # after the contents, before any heading: prose
                log.mark(ln, LineKind.NARRATIVE, None, "text after the contents")
        elif seg.kind == "part":
            assert seg.title is not None
            before = len(sections)
            found = _read_part(seg, log, sections)
            if found is not None:
                glossary = found
            if len(sections) > before or found is not None:
                heads = tuple(x.line for x in sections[before:] if x.line is not None)
                parts.append(Part(NARRATIVE_TABLE, *_lines_of(seg), "narrative", heads))

    # Safety net: a line no reader filed is unrecognised (never silently dropped).
    for ln in log.unmarked(lines):
        log.mark(ln, LineKind.UNRECOGNISED, None, "not reached by any reader")

    if not tables and not evaluations and not plans:
        # A narrative alone is the text part of a document published as several files (the
        # tables in another PDF): say how to read it whole.
        hint = (
            f" (its narrative has {len(sections)} section(s): if its tables are published in "
            "another file, read the files together as one document: --join, or read_paths)"
            if sections
            else ""
        )
        found = (
            f"no disclosure table and no 项目支出绩效自评表 could be read ({len(unread)} seen "
            "but not read: READ-unread says why)"
            if unread
            else "no disclosure table and no 项目支出绩效自评表 found"
        )
        log.error(
            NotADisclosureError(
                found + hint,
                line=first.number,
                text=first.text,
            )
        )

    # The cover names the disclosing department; failing that, the tables' 部门名称.  (An
    # evaluation's 主管部门 may be a parent department: it is not used.)
    department = cover_department or next(
        (t.meta.department for t in tables if t.meta.department), None
    )
    families = Counter(t.DOCUMENT for t in tables)
    kind = families.most_common(1)[0][0] if families else (stated_kind or "决算")
    if stated_kind is not None and families and stated_kind not in families:
        log.error(
            DocumentKindError(
                f"the document calls itself a {stated_kind} but its tables are {kind} tables; "
                f"read as a {kind}",
                line=kind_line.number if kind_line else None,
                text=kind_line.text if kind_line else None,
            )
        )
    listed = [
        _toc_key(ln) for seg in segments if seg.kind == "toc" for ln in seg.lines if not ln.blank
    ]
    reached = {
        numeral
        for seg in segments
        if seg.kind == "part"
        and seg.title is not None
        and (numeral := part_number(squash(seg.title.joined))) is not None
    }
    problems = derive(
        log,
        parts,
        lost,
        lines,
        differing=differing,
        copies=repeated,
        missing_parts=missing_parts([t for t in listed if part_number(t)], reached),
    )
    units = Counter(t.meta.unit for t in tables)
    unit = units.most_common(1)[0][0] if units else Unit.WAN_YUAN
    disclosure = Disclosure(
        department=department,
        year=doc_year,
        unit=unit,
        tables=tuple(tables),
        evaluations=tuple(evaluations),
        plans=tuple(plans),
        narrative=Narrative(tuple(sections), glossary[0], glossary[1]),
        title=title,
        kind=kind,
        unread=tuple(u.title for u in unread),
        read_problems=problems,
    )
    document = Document(
        kind=kind,
        department=department,
        year=doc_year,
        units=tuple(sorted({t.meta.unit.value for t in tables})),
        sources=tuple(sources) or _sources(lines),
        tables=tuple(_table_read(t, seg) for t, seg in read if any(t is x for x in tables)),
        unread=tuple(unread),
        evaluations=len(evaluations),
        plans=len(plans),
        placeholders=tuple(ctx.placeholders),
    )
    return ReadResult(disclosure, log.build(), document)


def _unread(seg: Segment, errors: Sequence[ReadError]) -> Unread:
    """A block the reader could not read: its title, where it is printed, and why."""
    assert seg.title is not None
    title = seg.table_kind.KIND if seg.table_kind is not None else seg.title.joined.strip()
    why = "; ".join(e.message for e in errors) or "not read"
    return Unread(title, seg.title.where, why)


def _table_read(table: Table, seg: Segment) -> TableRead:
    pages: list[str] = []
    for ln in seg.lines:
        if ln.origin is not None and not ln.blank:
            o = ln.origin
            page = attrs.evolve(o, row=None, refs=None).where  # the page (or sheet), not the row
            if page not in pages:
                pages.append(page)
    if not pages and seg.title is not None:
        pages.append(seg.title.where)
    m = table.meta
    return TableRead(table.KIND, m.title, m.number, tuple(pages), len(table.rows), m.unit.value)


def _sources(lines: Sequence[Line]) -> tuple[Source, ...]:
    """The files the lines came from, with their last page (for sources that name them)."""
    last: dict[str, int | None] = {}
    for ln in lines:
        o = ln.origin
        if o is not None and o.file is not None:
            prev = last.get(o.file)
            last[o.file] = max(prev or 0, o.page or 0) or None
    return tuple(Source(f, "pdf" if p else "rows", p) for f, p in last.items())


def _add_table(tables: list[Table], table: Table, title: Line, log: LogBuilder) -> Table | None:
    """Add ``table`` and return None; when its kind was read, return the table read first
    (and log a :class:`DuplicateTableError`)."""
    first = next((t for t in tables if type(t) is type(table)), None)
    if first is None:
        tables.append(table)
        return None
    if first == table:
        message = f"{table.KIND} printed twice (the copies are identical); the first is kept and checked"
    elif _other_unit(first, table):
        # a document of several units (a 部门 and its 单位) prints each unit's tables: not a
        # contradiction, but only the first unit's are read
        message = (
            f"{table.KIND} printed again for another unit ({table.meta.department}; the first "
            f"is of {first.meta.department}): the first is kept and checked, the other units' "
            "tables are not read (check each unit's tables on their own)"
        )
    else:
        message = f"{table.KIND} printed twice (the copies differ); the first is kept and checked"
    error = OtherUnitTableError if _other_unit(first, table) else DuplicateTableError
    log.error(error(message, line=title.number, text=title.text, where=table.KIND))
    return first


def _other_unit(first: Table, table: Table) -> bool:
    """Whether two tables of one kind name different units (编制单位) in their headings."""
    a, b = first.meta.department, table.meta.department
    return bool(a and b and a != b)


def _printed_before(ev: ProjectEvaluation, seen: dict[str, list[ProjectEvaluation]]) -> bool:
    """True when an identical 自评表 was read before (a copy; same project, same figures)."""
    return any(ev == other for other in seen.get(ev.project, ()))


def _lines_of(seg: Segment) -> tuple[int, int]:
    """The first and last non-blank source lines of a segment."""
    numbers = [ln.number for ln in seg.lines if not ln.blank] or [seg.lines[0].number]
    return numbers[0], numbers[-1]


def _read_part(
    seg: Segment, log: LogBuilder, sections: list[NarrativeSection]
) -> tuple[str, int | None] | None:
    """File a part's lines; add its narrative sections; return the glossary if it is one."""
    assert seg.title is not None
    heading = seg.title.joined.strip()
    log.mark(seg.title, LineKind.BOILERPLATE, heading, "part heading")
    body = seg.lines[1:]
    if seg.part == "glossary":
        return read_glossary(body, log)
    if seg.part in ("tables", "annex"):
        for ln in body:
            if not ln.blank:
                log.mark(ln, LineKind.NARRATIVE, heading, "between tables")
    elif seg.part == "explanation":
        sections.extend(read_sections(body, log, squash(heading)))
    else:
        # 概况 and other parts: prose the Disclosure has no field for; filed as narrative.
        for ln in body:
            if not ln.blank:
                log.mark(ln, LineKind.NARRATIVE, squash(heading))
    return None


def read_file(
    path: str | Path,
    *,
    strict: bool = False,
    year: int | None = None,
    edition: int | None = None,
    encoding: str | None = None,
) -> ReadResult:
    """Read a text file (UTF-8 by default; GB18030 is tried when UTF-8 fails); the keywords
    are :func:`read_text`'s."""
    from pathlib import Path  # (files only: pathlib is not loaded to read a text)

    data = Path(path).read_bytes()
    if encoding is not None:
        text = data.decode(encoding)
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("gb18030")
    return read_text(text, strict=strict, year=year, edition=edition)
