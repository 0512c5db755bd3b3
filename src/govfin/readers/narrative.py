"""Narrative parts of the text: 概况, 情况说明 and 名词解释 -> :class:`~govfin.disclosure.Narrative`.

A part begins at its heading ("第三部分 情况说明").  Its sections begin at the top-level
headings "一、…"; their text keeps its line breaks and blank lines so that every character can
be traced back to its source line (see :class:`~govfin.disclosure.NarrativeSection`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from govfin._lazy import lazy_pattern
from govfin.disclosure import SECTION_HEADING, NarrativeSection, split_sections
from govfin.readers.lines import Line, LineKind, LogBuilder, squash

__all__ = ["PART_HEADING", "PART_TITLE", "part_kind", "read_glossary", "read_sections"]

#: A part heading: "第三部分 情况说明".
PART_HEADING = re.compile(r"^第[一二三四五六七八九十]+部分")


#: A part heading printed without "第N部分": "2025年部门预算编制说明", "XX（部门）主要职能",
#: "名词解释", "其他相关情况说明", "XX项目经费情况说明" (Shanghai budgets); a short single line
#: ending so, not a numbered section.
PART_TITLE = re.compile(
    r"^(?:\d{4}年度?)?(?![一二三四五六七八九十（(\d]).{0,38}"
    r"(?P<topic>编制说明|主要职能|机构设置|名词解释|部门概况|相关情况说明|经费情况说明)$"
)


def part_kind(heading: str) -> str:
    """What a part holds, from its heading: overview, tables, explanation, glossary, annex."""
    s = squash(heading)
    if "概况" in s or s.endswith(("主要职能", "机构设置")):
        return "overview"
    if "决算表" in s or "预算表" in s or "报表" in s or "表格" in s:
        return "tables"
    if "情况说明" in s or "说明" in s:
        return "explanation"
    if "名词解释" in s:
        return "glossary"
    if "附件" in s or "附表" in s:
        return "annex"
    return "other"


def _span(lines: Sequence[Line]) -> tuple[int, int] | None:
    """Indexes of the first and last non-blank lines."""
    idx = [i for i, ln in enumerate(lines) if not ln.blank]
    return (idx[0], idx[-1]) if idx else None


def read_sections(
    lines: Sequence[Line], log: LogBuilder, part: str
) -> tuple[NarrativeSection, ...]:
    """The sections of a narrative part (``lines`` follow the part heading).

    Each non-blank line is filed as narrative; the sections are cut by
    :func:`govfin.disclosure.split_sections`, the one way narrative text is cut (text before the
    first "一、" heading becomes a section headed by the part's name), after the paragraphs a
    paged source wrapped are joined (:func:`_texts`).
    """
    for ln in lines:
        log.mark(ln, LineKind.NARRATIVE, part)
    texts = _texts(lines)
    return split_sections([(ln.number, t) for ln, t in zip(lines, texts, strict=True)], part)


#: Ends of a printed paragraph (a line ending otherwise was wrapped by the page).
_PARAGRAPH_END = ("。", "；", ";", "！", "？", "：", ":", "）", ")")
#: Starts of a new paragraph or heading: 一、 （一） (1) 1、 1. ①
_PARAGRAPH_START = lazy_pattern(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．](?!\d)|[①-⑩])")


def _right(line: Line) -> float | None:
    """The right edge of a one-cell line on its page, when the source gives boxes."""
    o = line.origin
    if o is None or not o.boxes:
        return None
    boxes = [b for b in o.boxes if b is not None]
    return max(b.x1 for b in boxes) if boxes else None


#: How far short of the right margin a wrapped line may end (pt): a wide character or a word
#: that did not fit leaves up to about three characters free; joining a finished paragraph
#: to the next is harmless (sentences end at 。 anyway), cutting a wrapped one is not.
_MARGIN = 36.0


def _texts(lines: Sequence[Line]) -> list[str]:
    """The lines' texts, a paragraph that a paged source (a PDF) wrapped over several lines
    joined on its first line, the lines it took left blank: the text keeps one line per
    source line, so that line k of a section is still source line ``text_line + k``.

    A line was wrapped when it runs to the right margin (told from its box), or, without
    boxes, when it ends without a paragraph's closing mark and is not a heading.  Text from a
    text source is taken as it is: its lines are the document's own.
    """
    texts = [ln.text for ln in lines]
    edges = [e for e in map(_right, lines) if e is not None]
    margin = max(edges) - _MARGIN if edges else None
    open_at: int | None = None  # index of the line an unfinished paragraph began on
    for i, ln in enumerate(lines):
        if ln.blank or ln.origin is None:
            open_at = None
            continue
        s = ln.joined.strip()
        if open_at is not None and SECTION_HEADING.match(s):
            open_at = None  # a section heading always begins a line of its own
        if open_at is not None:
            texts[open_at] += s
            texts[i] = ""
        else:
            open_at = i
        right = _right(ln)
        if SECTION_HEADING.match(s):
            wrapped = False  # a heading is a line of its own: the text begins below it
        elif right is not None and margin is not None:
            wrapped = right >= margin
        else:
            wrapped = not s.endswith(_PARAGRAPH_END) and not _PARAGRAPH_START.match(s)
        if not wrapped:
            open_at = None
    return texts


def read_glossary(lines: Sequence[Line], log: LogBuilder) -> tuple[str, int | None]:
    """The 名词解释 text (its non-blank lines, joined by newlines) and its first line number."""
    span = _span(lines)
    if span is None:
        return "", None
    for ln in lines:
        log.mark(ln, LineKind.NARRATIVE, "名词解释")
    chosen = lines[span[0] : span[1] + 1]
    return "\n".join(ln.text for ln in chosen), chosen[0].number
