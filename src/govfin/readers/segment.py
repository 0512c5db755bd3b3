"""Segmentation: the lines of a document -> its segments (cover, contents, parts, table blocks,
项目支出绩效自评表 and 绩效目标表 blocks).

The first of the two passes of a read (:mod:`govfin.readers.document` is the second): every
line is assigned to a segment — the cover, the table of contents, a part ("第三部分 情况说明"),
a table block (from a table title to the next title), a 项目支出绩效自评表 block or a
项目支出绩效目标表 block.  A table title is told by the title reader
(:mod:`govfin.readers.identify`; never by its number or place); a single line followed by a
table number or a "部门名称：" line also opens a table block, whose kind its header then tells.
Page furniture (page numbers), a title repeated over a table's next page and the second line of
a wrapped title are filed in the log here; every other line is left to its segment's reader.
The pass is linear in the input.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from govfin._lazy import define
from govfin.readers.evaluations import _is_squashed_evaluation_title
from govfin.readers.identify import _table_number, _TitleReader
from govfin.readers.lines import (
    Line,
    LineKind,
    LogBuilder,
    is_page_number,
    page_number_text,
    squash,
)
from govfin.readers.narrative import PART_HEADING, PART_TITLE, part_kind
from govfin.readers.plan import is_plan_title
from govfin.readers.tables import parse_department, parse_unit, parse_year
from govfin.tables import Table

__all__ = ["KIND_WORDS", "Segment", "is_mention", "segment_lines"]

_TOC_WORDS = ("目录", "目次")

#: A document's own name for its kind: "2025年部门预算", "部门决算公开", "单位预算", "预算公开".
KIND_WORDS = re.compile(r"(?:部门|单位|年度?|区级|省级|市级|县级)(预算|决算)(?:公开|编制说明|$)|(预算|决算)公开")



@define
class Segment:
    kind: str  # cover, toc, part, table, evaluation
    lines: list[Line] = attrs.field(factory=list)
    title: Line | None = None
    table_kind: type[Table] | None = None
    part: str = ""
    #: True once a multi-cell line (a header or a row) has joined the segment.
    has_body: bool = False
    #: The end of a title the page wrapped onto a second line ("支出决算表"), else "".
    title_tail: str = ""


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
#: Shortest first line of a wrapped heading told by the contents entry it begins (shorter
#: beginnings, "一、收入", begin many entries).
_WRAPPED_KEY = 12
_SENTENCE_END = ("。", "；", ";", "！", "？")


def _toc_entry(line: Line, seen: set[str]) -> bool:
    """Does ``line`` continue a table of contents whose entries so far are ``seen``?

    Dotted or page-numbered entries always do.  Many contents pages print bare headings
    ("第一部分 概况", "一、收支预算总表") with no page numbers: a short single line that is not
    a sentence continues the contents, until a heading the contents already listed comes
    again — there the document itself begins, also where the page wrapped that heading (its
    first line begins a listed entry: "第三部分 …部门决算情况说" / "明"); so does a part title
    on a topic the contents listed ("XX（部门）主要职能" after "一、部门主要职能 ……").
    """
    s = line.squashed
    key = _toc_key(line)
    if key in seen:
        return False
    if _HEADING.match(s) and len(key) >= _WRAPPED_KEY and any(k.startswith(key) for k in seen):
        return False  # a listed heading the page wrapped ("第三部分 …决算情况说" / "明")
    if _toc_like(line):
        return True
    if not line.single or len(s) > _TOC_ENTRY:
        return False
    part = PART_TITLE.match(s)
    if part and any(k.endswith(part.group("topic")) for k in seen):
        return False
    if s.endswith(_SENTENCE_END) and not _HEADING.match(s):
        return False
    return not page_number_text(s)


_LEADERS = re.compile(r"[.…·。]{2,}.*$|\d+$")


def _toc_key(line: Line) -> str:
    """A contents entry or heading without its dot leaders and page number."""
    return _LEADERS.sub("", squash(line.values[0])) if line.values else ""


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
    if KIND_WORDS.search(s):
        return False  # the document's own title ("上海市普陀区2025年区级部门预算")
    if s.startswith("其中") or "：" in s or ":" in s:
        return False  # a row label or a labelled line left over from the table above
    return not (len(s) > 60 or s.startswith(("注", "说明")) or _front_like(line))


#: Longest line and most lines of a later file's cover (a title, a department, a date).
_COVER_LINE = 40
_COVER_LINES = 8


def _opens_segment(line: Line, titles: _TitleReader) -> bool:
    """Does ``line`` open a contents list, a part or a table?"""
    s = line.squashed
    return (
        s in _TOC_WORDS
        or (s.startswith(_TOC_WORDS) and _toc_title(s))
        or PART_HEADING.match(s) is not None
        or PART_TITLE.match(s) is not None
        or _table_number(s) is not None
        or titles.of_line(line) is not None
    )


def _later_cover(lines: Sequence[Line], i: int, titles: _TitleReader) -> int | None:
    """When the file that ``lines[i]`` begins (several files read as one document) opens with a
    cover of its own — a few short single lines, then a contents list, a part heading or a
    table title — the index just past that cover; None otherwise (a file that goes on with the
    text or the table the file before it ended with)."""
    origin = lines[i].origin
    file = origin.file if origin is not None else None
    n = 0
    for j in range(i, len(lines)):
        ln = lines[j]
        if ln.blank or is_page_number(ln):
            continue
        if ln.origin is None or ln.origin.file != file:
            return None
        if _opens_segment(ln, titles):
            return j if n else None
        s = ln.squashed
        if not ln.single or len(s) > _COVER_LINE or s.endswith(_SENTENCE_END) or n >= _COVER_LINES:
            return None
        n += 1
    return None


def _next_nonblank(lines: Sequence[Line], i: int) -> Line | None:
    """The first non-blank line after ``lines[i]`` (None after the last)."""
    for j in range(i + 1, len(lines)):
        if not lines[j].blank:
            return lines[j]
    return None


def segment_lines(lines: Sequence[Line], log: LogBuilder, department: str | None) -> list[Segment]:
    titles = _TitleReader(department)
    segments = [Segment("cover")]
    current = segments[0]
    in_toc = False
    toc_seen: set[str] = set()
    wrapped: set[int] = set()  # lines that end a title wrapped over two lines
    last_file: str | None = None  # the file of the last non-blank line
    cover_until = 0  # a later file's cover runs up to this index
    for i, line in enumerate(lines):
        if line.blank:
            current.lines.append(line)
            continue
        if i in wrapped:
            log.mark(line, LineKind.BOILERPLATE, None, "title (continued)")
            continue
        if is_page_number(line):
            log.mark(line, LineKind.BOILERPLATE, None, "page number")
            continue
        file = line.origin.file if line.origin is not None else None
        if file != last_file:
            # A later file's own cover ends what the file before it left open (a table, a
            # part): it is no row of that table, no line of that text.
            end = None if last_file is None else _later_cover(lines, i, titles)
            if end is not None:
                current = Segment("cover", [])
                segments.append(current)
                in_toc, cover_until = False, end
            last_file = file
        if i < cover_until:
            current.lines.append(line)
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
            current = Segment("toc", [line], title=line)
            segments.append(current)
            in_toc = True
            toc_seen = set()
            continue
        if not line.single:
            current.lines.append(line)
            current.has_body = True
            continue
        if (PART_HEADING.match(s) or (PART_TITLE.match(s) and titles.of_line(line) is None)
                or (current.kind == "table" and current.has_body and _EXPLANATION_AFTER.match(s))):
            current = Segment("part", [line], title=line, part=_part_kind(lines, i, wrapped))
        elif _is_squashed_evaluation_title(s):
            current = Segment("evaluation", [line], title=line)
        elif len(s) <= _TITLE_LENGTH and is_plan_title(s):
            current = Segment("plan", [line], title=line)
        else:
            in_front = current.kind == "table" and not current.has_body
            numbered = _table_number(s) is not None
            kind = None if numbered else titles.of_line(line)
            tail = ""
            if kind is None and not numbered:
                kind = _wrapped_title(lines, i, titles, wrapped)
                after = _next_nonblank(lines, i) if kind is not None else None
                tail = after.joined if after is not None else ""
            if kind is not None and _continues(current, kind, line):
                # A paged source repeats the title over a table's next page: same table.
                log.mark(line, LineKind.BOILERPLATE, kind.KIND, "title repeated on a new page")
                continue
            if in_front and kind is not None and _untitled(current):
                # "公开01表" printed above its title: the title joins the number's block.
                current.title, current.table_kind, current.title_tail = line, kind, tail
                current.lines.append(line)
                continue
            opens = kind is not None or (
                not in_front and (numbered or _opens_table(line, _next_nonblank(lines, i)))
            )
            if not opens:
                current.lines.append(line)
                continue
            current = Segment("table", [line], title=line, table_kind=kind, title_tail=tail)
        segments.append(current)
    return segments


#: A numbered heading of an explanation right after a table's rows: "二、2018年“三公”经费支出预算
#: 情况说明" (宣州区审计局 2018: "一、…预算表", its rows, then "二、…情况说明" and its text).
_EXPLANATION_AFTER = re.compile(r"^[一二三四五六七八九十]{1,3}、.{0,40}情况说明$")

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
    if "：" in head or ":" in head or _HEADING.match(tail):
        return None  # a label
    if titles.kind(tail) is not None and not _centred_under(lines[i], lines[j]):
        return None  # a line followed by a title of its own
    kind = titles.kind(head + tail)
    if kind is not None:
        wrapped.add(j)
    return kind


def _centred_under(head: Line, tail: Line) -> bool:
    """Whether the page prints ``tail`` as the second line of a title centred with ``head``:
    the same size, right under it, on the same axis ("…一般公共预算财政拨款" / "支出决算表":
    a tail that is a title itself, 支出决算表, read as the end of the wrapped one)."""
    boxes = [ln.origin.boxes[0] if ln.origin is not None and ln.origin.boxes
             and len(ln.origin.boxes) == 1 else None for ln in (head, tail)]
    a, b = boxes
    if a is None or b is None:
        return False  # text or a workbook: no page to tell
    size = a.bottom - a.top
    return (abs((b.bottom - b.top) - size) <= 0.1 * size
            and -0.1 * size <= b.top - a.bottom <= 0.5 * size
            and abs((a.x0 + a.x1) - (b.x0 + b.x1)) / 2 <= 0.5 * size
            and b.x1 - b.x0 < a.x1 - a.x0)


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


def _continues(current: Segment, kind: type[Table], line: Line) -> bool:
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


def is_mention(seg: Segment) -> bool:
    """A table title standing alone (a contents entry, a heading in the text), not a table."""
    return all(ln.blank or ln is seg.title for ln in seg.lines)


def _toc_title(s: str) -> bool:
    """ "目录" run into the contents' first entry on one line by a PDF ("目 录 第一部分…")."""
    rest = s[2:]
    return bool(rest) and (PART_HEADING.match(rest) is not None or rest[0] in "一1")


def _untitled(segment: Segment) -> bool:
    """A table block opened by its number line, still waiting for its title."""
    return segment.title is not None and _table_number(segment.title.squashed) is not None

