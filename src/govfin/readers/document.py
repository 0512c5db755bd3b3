"""The whole text -> :class:`~govfin.disclosure.Disclosure`, with a read log of every line.

This module is over 600 lines because it holds the one reading mechanism every source goes
through (segmentation, then each segment to its reader) and the document account built from
it; splitting segmentation into its own module is planned.

Reading goes in two passes, each linear in the input:

1. *segmentation*: every line is assigned to a segment — the cover, the table of contents,
   a part ("第三部分 情况说明"), a table block (from a table title to the next title), or a
   项目支出绩效自评表 block.  A table title is told by :func:`~govfin.readers.tables.identify_title`
   (never by its number or place); a single line followed by a table number or a
   "部门名称：" line also opens a table block, whose kind its header then tells;
2. *reading*: each segment is read by its reader (tables, evaluations, narrative), which
   files every non-blank line in the log.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import attrs

from govfin import codes
from govfin.amounts import Unit
from govfin.disclosure import Disclosure, Narrative, NarrativeSection
from govfin.errors import ArgumentTypeError
from govfin.performance.model import ProjectEvaluation
from govfin.performance.plan import ProjectPlan
from govfin.readers.account import Document, Source, TableRead, Unread
from govfin.readers.errors import (
    DocumentKindError,
    DuplicateTableError,
    EmptyInputError,
    NotADisclosureError,
    ReadError,
    YearMismatchError,
)
from govfin.readers.evaluations import _is_squashed_evaluation_title, read_evaluation
from govfin.readers.identify import _table_number, _TitleReader
from govfin.readers.lines import Line, LineKind, LogBuilder, ReadLog, split_lines, squash
from govfin.readers.narrative import (
    PART_HEADING,
    PART_TITLE,
    part_kind,
    read_glossary,
    read_sections,
)
from govfin.readers.plan import is_plan_title, read_plan
from govfin.readers.source import SourceRow
from govfin.readers.tables import (
    TableContext,
    parse_department,
    parse_unit,
    parse_year,
    read_table,
)
from govfin.tables import Table

__all__ = ["ReadResult", "read_file", "read_lines", "read_rows", "read_text"]

#: The document's year: "2024年度", "2025年区级部门预算", "2017年部门预算".
_DOC_YEAR = re.compile(
    r"(\d{4})\s*年度|(\d{4})\s*年\s*(?:[区省市县]级)?(?:部门|单位)?(?:预算|决算)"
)
_TOC_WORDS = ("目录", "目次")


@attrs.frozen
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


@attrs.define
class _Segment:
    kind: str  # cover, toc, part, table, evaluation
    lines: list[Line] = attrs.field(factory=list)
    title: Line | None = None
    table_kind: type[Table] | None = None
    part: str = ""
    #: True once a multi-cell line (a header or a row) has joined the segment.
    has_body: bool = False


def _toc_like(line: Line) -> bool:
    """A table-of-contents entry: "一、收入支出决算总表.....<TAB>2"."""
    values = line.values
    if len(values) == 2 and values[1].isdigit():
        return True
    return len(values) == 1 and ("...." in values[0] or "……" in values[0])


#: A numbered heading: "一、主要职能。", "（一）…", "第一部分 …" (a contents entry may end in 。).
_HEADING = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十]+部分)")

#: Longest undotted table-of-contents entry (a longer single line is prose).
_TOC_ENTRY = 50
_SENTENCE_END = ("。", "；", ";", "！", "？")


def _toc_entry(line: Line, seen: set[str]) -> bool:
    """Does ``line`` continue a table of contents whose entries so far are ``seen``?

    Dotted or page-numbered entries always do.  Many contents pages print bare headings
    ("第一部分 概况", "一、收支预算总表") with no page numbers: a short single line that is not
    a sentence continues the contents, until a heading the contents already listed comes
    again — there the document itself begins; so does a part title on a topic the contents
    listed ("XX（部门）主要职能" after "一、部门主要职能 ……").
    """
    s = line.squashed
    if _toc_key(line) in seen:
        return False
    if _toc_like(line):
        return True
    if not line.single or len(s) > _TOC_ENTRY:
        return False
    part = PART_TITLE.match(s)
    if part and any(k.endswith(part.group("topic")) for k in seen):
        return False
    if s.endswith(_SENTENCE_END) and not _HEADING.match(s):
        return False
    return not _PAGE_NUMBER.match(s)


_LEADERS = re.compile(r"[.…·。]{2,}.*$|\d+$")


def _toc_key(line: Line) -> str:
    """A contents entry or heading without its dot leaders and page number."""
    return _LEADERS.sub("", squash(line.values[0])) if line.values else ""


#: A page number printed at a page's foot or head: "3", "- 3 -", "—3—", "第3页", "3/20".
_PAGE_NUMBER = re.compile(
    r"^(?:[-—－–·]*\d{1,4}[-—－–·]*|第\d{1,4}页(?:共\d{1,4}页)?|\d{1,4}/\d{1,4})$"
)


def _page_furniture(line: Line) -> bool:
    """A page number of a paged source (a single short line): not part of any table or text."""
    return line.origin is not None and line.single and _PAGE_NUMBER.match(line.squashed) is not None


def _front_like(line: Line) -> bool:
    s = line.squashed
    return (
        _table_number(s) is not None
        or s == "表"
        or parse_year(s) is not None
        or parse_unit(s) is not None
        or parse_department(line.joined) is not None
    )


def _opens_table(line: Line, following: Line | None) -> bool:
    """A single line right above a table number or a 部门名称 line: the title of a table."""
    if following is None:
        return False
    if _table_number(following.squashed) is None and parse_department(following.joined) is None:
        return False  # the usual case: told by the next line alone
    s = line.squashed
    if _KIND_WORDS.search(s):
        return False  # the document's own title ("上海市普陀区2025年区级部门预算")
    if s.startswith("其中") or "：" in s or ":" in s:
        return False  # a row label or a labelled line left over from the table above
    return not (len(s) > 60 or s.startswith(("注", "说明")) or _front_like(line))


def _next_nonblank(lines: Sequence[Line], i: int) -> Line | None:
    """The first non-blank line after ``lines[i]`` (None after the last)."""
    for j in range(i + 1, len(lines)):
        if not lines[j].blank:
            return lines[j]
    return None


def _segment(lines: Sequence[Line], log: LogBuilder, department: str | None) -> list[_Segment]:
    titles = _TitleReader(department)
    segments = [_Segment("cover")]
    current = segments[0]
    in_toc = False
    toc_seen: set[str] = set()
    wrapped: set[int] = set()  # lines that end a title wrapped over two lines
    for i, line in enumerate(lines):
        if line.blank:
            current.lines.append(line)
            continue
        if i in wrapped:
            log.mark(line, LineKind.BOILERPLATE, None, "title (continued)")
            continue
        if _page_furniture(line):
            log.mark(line, LineKind.BOILERPLATE, None, "page number")
            continue
        if in_toc:
            if _toc_entry(line, toc_seen):
                log.mark(line, LineKind.BOILERPLATE, "目录", "entry")
                toc_seen.add(_toc_key(line))
                current.lines.append(line)
                current.has_body = current.has_body or not line.single
                continue
            in_toc = False
        s = line.squashed
        if s in _TOC_WORDS or (s.startswith(_TOC_WORDS) and _toc_title(s)):
            log.mark(line, LineKind.BOILERPLATE, "目录", "heading")
            current = _Segment("toc", [line], title=line)
            segments.append(current)
            in_toc = True
            toc_seen = set()
            continue
        if not line.single:
            current.lines.append(line)
            current.has_body = True
            continue
        if PART_HEADING.match(s) or (PART_TITLE.match(s) and titles.of_line(line) is None):
            current = _Segment("part", [line], title=line, part=_part_kind(lines, i, wrapped))
        elif _is_squashed_evaluation_title(s):
            current = _Segment("evaluation", [line], title=line)
        elif len(s) <= _TITLE_LENGTH and is_plan_title(s):
            current = _Segment("plan", [line], title=line)
        else:
            in_front = current.kind == "table" and not current.has_body
            numbered = _table_number(s) is not None
            kind = None if numbered else titles.of_line(line)
            if kind is None and not numbered:
                kind = _wrapped_title(lines, i, titles, wrapped)
            if kind is not None and _continues(current, kind, line):
                # A paged source repeats the title over a table's next page: same table.
                log.mark(line, LineKind.BOILERPLATE, kind.KIND, "title repeated on a new page")
                continue
            if in_front and kind is not None and _untitled(current):
                # "公开01表" printed above its title: the title joins the number's block.
                current.title, current.table_kind = line, kind
                current.lines.append(line)
                continue
            opens = kind is not None or (
                not in_front and (numbered or _opens_table(line, _next_nonblank(lines, i)))
            )
            if not opens:
                current.lines.append(line)
                continue
            current = _Segment("table", [line], title=line, table_kind=kind)
        segments.append(current)
    return segments


#: Longest title of a 项目支出绩效目标表: a longer line ending so is prose ("…详见项目绩效目标表").
_TITLE_LENGTH = 80

#: Longest tail of a title wrapped onto a second line ("算表").
_TITLE_TAIL = 12


def _wrapped_title(
    lines: Sequence[Line], i: int, titles: _TitleReader, wrapped: set[int]
) -> type[Table] | None:
    """The kind a title names when the page wrapped it: "…培训费支出预" / "算表"."""
    j = i + 1
    while j < len(lines) and lines[j].blank:
        j += 1
    if j >= len(lines) or not lines[j].single or len(lines[j].squashed) > _TITLE_TAIL:
        return None
    head, tail = lines[i].squashed, lines[j].squashed
    if "：" in head or ":" in head or titles.kind(tail) is not None or _HEADING.match(tail):
        return None  # a label, or a line followed by a title of its own
    kind = titles.kind(head + tail)
    if kind is not None:
        wrapped.add(j)
    return kind


def _part_kind(lines: Sequence[Line], i: int, wrapped: set[int]) -> str:
    """What the part headed by ``lines[i]`` holds; a heading the page wrapped ("第三部分
    江苏省高级人民法院2017年度" / "部门预算情况说明") is told from both its lines."""
    kind = part_kind(lines[i].squashed)
    if kind != "other":
        return kind
    j = i + 1
    while j < len(lines) and lines[j].blank:
        j += 1
    if j < len(lines) and lines[j].single and len(lines[j].squashed) <= _TITLE_TAIL * 2:
        joined = part_kind(lines[i].squashed + lines[j].squashed)
        if joined != "other":
            wrapped.add(j)
            return joined
    return kind


def _continues(current: _Segment, kind: type[Table], line: Line) -> bool:
    """Is ``line``, a title of ``kind``, the title of ``current`` repeated on a later page?"""
    if current.kind != "table" or current.table_kind is not kind or not current.has_body:
        return False
    here, first = line.origin, current.title.origin if current.title else None
    return (
        here is not None
        and first is not None
        and here.file == first.file
        and here.page is not None
        and first.page is not None
        and here.page > first.page
    )


def _mention(seg: _Segment) -> bool:
    """A table title standing alone (a contents entry, a heading in the text), not a table."""
    return all(ln.blank or ln is seg.title for ln in seg.lines)


def _toc_title(s: str) -> bool:
    """ "目录" run into the contents' first entry on one line by a PDF ("目 录 第一部分…")."""
    rest = s[2:]
    return bool(rest) and (PART_HEADING.match(rest) is not None or rest[0] in "一1")


def _untitled(segment: _Segment) -> bool:
    """A table block opened by its number line, still waiting for its title."""
    return segment.title is not None and _table_number(segment.title.squashed) is not None


def _document_year(lines: Sequence[Line]) -> tuple[int | None, Line | None]:
    for ln in lines:
        m = _DOC_YEAR.search(ln.text)
        if m:
            return int(m.group(1) or m.group(2)), ln
    return None, None


#: A document's own name for its kind: "2025年部门预算", "部门决算公开", "单位预算", "预算公开".
_KIND_WORDS = re.compile(r"(?:部门|单位|年度?|区级|省级|市级|县级)(预算|决算)(?:公开|编制说明|$)|(预算|决算)公开")


def _stated_kind(lines: Sequence[Line]) -> tuple[str | None, Line | None]:
    """The kind ("预算"/"决算") the document's cover or first heading states, and where."""
    seen = 0
    for ln in lines:
        if ln.blank:
            continue
        seen += 1
        if seen > 60:
            break
        m = _KIND_WORDS.search(ln.squashed)
        if m:
            return m.group(1) or m.group(2), ln
    return None, None


def _cover_facts(segment: _Segment) -> tuple[str | None, str | None]:
    """(department, title) from the cover.

    The cover prints the department's name and "2024年度部门决算公开" on separate lines (a
    title set over several lines); the title is their concatenation.  A lone character left
    by the wrap ("室") is ignored.  A department printed below the title is not part of it.
    """
    department = title = None
    department_first = False
    for ln in segment.lines:
        if ln.blank:
            continue
        s = ln.joined.strip()
        if parse_year(s) is not None:
            continue
        if ("决算" in s or "预算" in s) and title is None:
            title = s
        elif department is None and len(s) > 2:
            named = parse_department(s)  # "预算主管部门：上海市…" names it after a label
            department, department_first = named or s, title is None
    if title and department and department_first and not title.startswith(department):
        title = department + title
    if department is None and title:  # "2017年度江苏省高级人民法院部门预算公开"
        m = _TITLE_DEPARTMENT.search(squash(title))
        department = m.group(1) if m else None
    return department, title


#: The department named inside a cover title, between its year and its kind.
_TITLE_DEPARTMENT = re.compile(r"\d{4}年度?(.{4,40}?)(?:部门|单位)?(?:预算|决算)")


def read_text(
    text: str, *, strict: bool = False, year: int | None = None, edition: int | None = None
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
    own unit (``TableMeta.unit``).
    """
    if not isinstance(text, str):
        raise ArgumentTypeError(f"read_text() expects str, got {type(text).__name__}")
    lines = [Line(n, t) for n, t in enumerate(split_lines(text), 1)]
    return read_lines(lines, strict=strict, year=year, edition=edition)


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
) -> ReadResult:
    """The one reading mechanism every source goes through: :class:`Line` objects (cells of
    one printed row each) -> :class:`Disclosure` and the log of every line."""
    if edition is not None:
        codes.require_edition(edition)  # the refusal of the command line's --edition
    places = {ln.number: ln.origin.where for ln in lines if ln.origin is not None}
    log = LogBuilder(strict=strict, places=places)
    if all(ln.blank for ln in lines):
        log.error(EmptyInputError("the text holds no non-blank line"))
        empty = Document("决算", None, year, (), tuple(sources), (), ())
        return ReadResult(Disclosure(), log.build(), empty)

    stated, year_line = _document_year(lines)
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
    segments = _segment(lines, log, hint)
    cover_department, title = _cover_facts(segments[0])
    for ln in segments[0].lines:
        log.mark(ln, LineKind.BOILERPLATE, "封面", "cover")

    stated_kind, kind_line = _stated_kind(lines)
    ctx = TableContext(
        log,
        edition=edition if edition is not None else doc_year,
        document=stated_kind or "决算",
    )
    tables: list[Table] = []
    read: list[tuple[Table, _Segment]] = []
    unread: list[Unread] = []
    evaluations: list[ProjectEvaluation] = []
    plans: list[ProjectPlan] = []
    sections: list[NarrativeSection] = []
    glossary: tuple[str, int | None] = ("", None)
    for seg in segments[1:]:
        if seg.kind == "table":
            assert seg.title is not None
            if _mention(seg):
                what = seg.table_kind.KIND if seg.table_kind else None
                log.mark(seg.title, LineKind.BOILERPLATE, what, "a table's title alone (contents)")
                continue
            before = len(log.errors)
            table = read_table(seg.lines, seg.title, seg.table_kind, ctx)
            if table is not None:
                _add_table(tables, table, seg.title, log)
                read.append((table, seg))
            else:
                unread.append(_unread(seg, log.errors[before:]))
        elif seg.kind == "evaluation":
            assert seg.title is not None
            before = len(log.errors)
            ev = read_evaluation(seg.lines, seg.title, log, doc_year)
            if ev is not None:
                evaluations.append(ev)
            else:
                unread.append(_unread(seg, log.errors[before:]))
        elif seg.kind == "plan":
            before = len(log.errors)
            plan = read_plan(seg.lines, log, year=doc_year)
            if plan is not None:
                plans.append(plan)
            else:
                unread.append(_unread(seg, log.errors[before:]))
        elif seg.kind == "toc":
            for ln in log.unmarked(seg.lines):  # after the contents, before any heading: prose
                log.mark(ln, LineKind.NARRATIVE, None, "text after the contents")
        elif seg.kind == "part":
            assert seg.title is not None
            found = _read_part(seg, log, sections)
            if found is not None:
                glossary = found

    # Safety net: a line no reader filed is unrecognised (never silently dropped).
    for ln in log.unmarked(lines):
        log.mark(ln, LineKind.UNRECOGNISED, None, "not reached by any reader")

    if not tables and not evaluations and not plans:
        log.error(
            NotADisclosureError(
                "no disclosure table and no 项目支出绩效自评表 found",
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


def _unread(seg: _Segment, errors: Sequence[ReadError]) -> Unread:
    """A block the reader could not read: its title, where it is printed, and why."""
    assert seg.title is not None
    title = seg.table_kind.KIND if seg.table_kind is not None else seg.title.joined.strip()
    why = "; ".join(e.message for e in errors) or "not read"
    return Unread(title, seg.title.where, why)


def _table_read(table: Table, seg: _Segment) -> TableRead:
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


def _add_table(tables: list[Table], table: Table, title: Line, log: LogBuilder) -> None:
    if any(type(t) is type(table) for t in tables):
        log.error(
            DuplicateTableError(
                f"{table.KIND} printed twice; the first is kept",
                line=title.number,
                text=title.text,
                where=table.KIND,
            )
        )
        return
    tables.append(table)


def _read_part(
    seg: _Segment, log: LogBuilder, sections: list[NarrativeSection]
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
    data = Path(path).read_bytes()
    if encoding is not None:
        text = data.decode(encoding)
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("gb18030")
    return read_text(text, strict=strict, year=year, edition=edition)
