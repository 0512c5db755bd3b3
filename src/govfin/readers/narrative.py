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
#: Of those, the ones that also close a name inside a sentence ("…支出（类）" / "17127.62万元"):
#: a line ending so, short of the margin, may have been wrapped before a run of digits.
_BRACKET_END = ("）", ")")
#: Starts of a new paragraph or heading: 一、 （一） (1) 1、 1. ①
_PARAGRAPH_START = lazy_pattern(
    r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．](?!\d)|[①-⑩])"
)


def _box(line: Line) -> tuple[float, float, float] | None:
    """The left and right edges and the height of a one-cell line on its page, when the
    source gives boxes."""
    o = line.origin
    if o is None or not o.boxes:
        return None
    boxes = [b for b in o.boxes if b is not None]
    if not boxes:
        return None
    return (
        min(b.x0 for b in boxes),
        max(b.x1 for b in boxes),
        max(b.bottom - b.top for b in boxes),
    )


def _right(line: Line) -> float | None:
    """The right edge of a one-cell line on its page, when the source gives boxes."""
    box = _box(line)
    return None if box is None else box[1]


#: How far short of the right margin a wrapped line may end (pt): a wide character or a word
#: that did not fit leaves up to about three characters free; joining a finished paragraph
#: to the next is harmless (sentences end at 。 anyway), cutting a wrapped one is not.
_MARGIN = 36.0

#: A run of Latin letters, digits and their marks that a page does not break ("3,355.65",
#: "384.67"), after any closing marks that the page keeps with it ("”257.14": no line begins
#: a paragraph with a closing quote): a line may end well short of the margin when the next
#: one begins with such a run.
_UNBROKEN = lazy_pattern(r"^(?P<marks>[”’」』》〉）)]*)(?P<run>[0-9A-Za-z.,%·\-]*)")

#: The width of a digit or Latin letter, in parts of the line's height (a generous estimate:
#: half a full-width character, and the box is somewhat taller than the type).
_NARROW = 0.55


def _opens_paragraph(line: Line, left: float | None) -> bool:
    """Does ``line`` begin a paragraph: an enumerator or heading at its start, or its first
    character indented from the text's left margin by at least one character?"""
    s = line.joined.strip()
    if SECTION_HEADING.match(s) or _PARAGRAPH_START.match(s):
        return True
    box = _box(line)
    return box is not None and left is not None and box[0] - left >= 0.75 * box[2]


def _wrapped(line: Line, nxt: Line | None, edge: float | None, left: float | None) -> bool:
    """Did the page wrap ``line``'s paragraph onto ``nxt``?

    With boxes: when the line runs to the right margin, unless it closes a sentence and the
    next line opens a paragraph (indented, or enumerated: a full last line of a paragraph);
    or when it ends short of the margin only because the next line begins with a run of
    digits or letters (after any closing quote kept with them) too wide for the room left
    ("…科目" / "384.67万元", "…（项）" / "”257.14万元", "…支出（类）" / "17127.62万元": a
    closing bracket ends a name as often as a paragraph).  Without boxes: when it ends
    without a paragraph's closing mark and is not a heading.
    """
    s = line.joined.strip()
    if SECTION_HEADING.match(s):
        return False  # a heading is a line of its own: the text begins below it
    box = _box(line)
    if box is None or edge is None:
        return not s.endswith(_PARAGRAPH_END) and not _PARAGRAPH_START.match(s)
    closed = s.endswith(_PARAGRAPH_END)
    following = nxt is not None and not nxt.blank and nxt.origin is not None
    if box[1] >= edge - _MARGIN:
        return not (closed and following and _opens_paragraph(nxt, left))  # type: ignore[arg-type]
    if not following or _opens_paragraph(nxt, left):  # type: ignore[arg-type]
        return False
    if closed and not s.endswith(_BRACKET_END):
        return False
    run = _UNBROKEN.match(nxt.joined.strip())  # type: ignore[union-attr]
    if run is None or not run.group():
        return False
    width = len(run["marks"]) + (len(run["run"]) + 1) * _NARROW  # a mark is full width
    return edge - box[1] <= width * box[2]


def _texts(lines: Sequence[Line]) -> list[str]:
    """The lines' texts, a paragraph that a paged source (a PDF) wrapped over several lines
    joined on its first line, the lines it took left blank: the text keeps one line per
    source line, so that line k of a section is still source line ``text_line + k``.

    Whether a line was wrapped is told by :func:`_wrapped`.  Text from a text source is
    taken as it is: its lines are the document's own.  A line the page did not wrap but that
    ends inside a sentence (a hard line break the printed text kept from the page it was typed
    from: "…比2025年预" / "算减少…") is left on a line of its own here, and joined to its
    paragraph by :func:`govfin.narrative.text.sentences` (by the words,
    :func:`govfin.narrative.breaks.hard_break`), as in a text source: each such line keeps its
    own source line (a claim's line, and its "（第N处）" among repeats on one line, stay those of
    the text printed line for line).
    """
    texts = [ln.text for ln in lines]
    boxes = [b for b in map(_box, lines) if b is not None]
    edge = max(b[1] for b in boxes) if boxes else None
    left = min(b[0] for b in boxes) if boxes else None
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
        if not _wrapped(ln, lines[i + 1] if i + 1 < len(lines) else None, edge, left):
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
