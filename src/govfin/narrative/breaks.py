"""Where a 情况说明's paragraphs break, by the printed words: the marks a paragraph ends with,
the starts of a line that opens one, and whether a line was broken inside a sentence
(:func:`hard_break`) — by a page's wrap, or by a hard line break a text kept from the page
it was typed from (a 情况说明 pasted into Word from a PDF of another width).

:func:`govfin.narrative.text.sentences` joins such lines into one paragraph, in a text source
and in a paged one (after the reader joined what the page wrapped, told from the lines' boxes).
"""

from __future__ import annotations

from govfin._lazy import lazy_pattern

__all__ = [
    "PARAGRAPH_ENDERS",
    "PARAGRAPH_STARTERS",
    "SENTENCE_MARKS",
    "hard_break",
    "opens_paragraph",
]


def compact(text: str) -> str:
    """The text without white space (Unicode's: U+3000 and no-break spaces too)."""
    return "".join(text.split())


#: Marks a printed paragraph ends with: a line ending otherwise was broken inside a sentence,
#: by the page's wrap or by a hard line break kept from the page the text was typed from
#: (:func:`hard_break`).  A closing bracket or quote ends a name as often as a paragraph
#: ("…支出（类）" / "17127.62万元"): only the page's widths tell those apart.
PARAGRAPH_ENDERS = frozenset("。；;！？!?：:）)”」》")
#: What a line opens a paragraph with, whatever the line before it ends with: a section
#: heading ("一、", "第三部分"), a list item ("（一）", "(1)", "1.", "1、", "①"), a table's
#: title or unit line ("表1", "附表2", "单位：万元").  (A line of several cells, a table's
#: row, opens one too: :func:`opens_paragraph`.)
PARAGRAPH_STARTERS: dict[str, str] = {
    "section heading": r"[一二三四五六七八九十]+[、.．]|第[一二三四五六七八九十]+部分",
    "list item": r"[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．](?!\d)|[①-⑳]",
    "table": r"(?:附表|表)\d|单位[：:]",
}
_STARTER = lazy_pattern("^(?:" + "|".join(PARAGRAPH_STARTERS.values()) + ")")
#: Marks printed inside a paragraph's sentences, never in a heading ("（一）基本支出",
#: "“三公”经费预算情况说明", "三、支出决算情况说明"; "、" joins a heading's words too, "："
#: a label's ("部门：…单位：万元", a table's "其中：…").
SENTENCE_MARKS = frozenset("，,；;。！？!?")
#: A comma between digit groups ("1,131.92万元"): no mark of a sentence.
_DIGIT_GROUPS = lazy_pattern(r"(?<=\d)[,，](?=\d{3})")
#: A paragraph's first-line indent in a text source: two spaces or more, or an ideographic
#: space (a line the text wrapped, or one its pasted page broke, begins flush).
_INDENT = lazy_pattern("^(?:\u3000| {2,})")
#: A table's unit, on its title's line or one of its own ("部门：…单位：万元").
_UNIT_LINE = lazy_pattern(r"单位[：:](?:亿元|万元|元)")


def opens_paragraph(line: str) -> bool:
    """Does ``line`` (a source line) open a paragraph by its words: one of
    :data:`PARAGRAPH_STARTERS`, a table row (cells separated by tabs), or indented as a
    paragraph's first line is (:data:`_INDENT`; a text whose every line is indented so has
    all its lines open paragraphs: nothing is joined by its words)?

    >>> [opens_paragraph(s) for s in ("（二）事业收入", "2.“公共安全支出”", "表3 支出预算总表",
    ...  "算减少2,163.37万元；", "2025年当年预算执行数", "1.5万元", "合计\\t100.00",
    ...  "    2025年当年预算执行数", "\u3000\u30002025年当年预算执行数", " “一般公共服务支出”")]
    [True, True, True, False, False, False, True, True, True, False]
    """
    s = line.strip()
    return _STARTER.match(s) is not None or "\t" in s or _INDENT.match(line) is not None


def hard_break(line: str, following: str, *, before: str = "") -> bool:
    """Was ``line`` (a source line; ``before``: the text of its paragraph before it) broken
    inside a sentence, the sentence going on on ``following`` (the next non-blank source
    line)?  The line ends without any of :data:`PARAGRAPH_ENDERS`, is no table's line (cells,
    "单位：万元"), its paragraph is already inside its sentences (it holds one of
    :data:`SENTENCE_MARKS`: it is no heading, which ends without "。" too) and ``following``
    opens no paragraph (:func:`opens_paragraph`: a heading, a list item, a table).

    Whatever the line's length: a text typed with the hard line breaks of another page's
    width and printed line for line on a page breaks a sentence twice, where the pasted text
    broke (a short line ending mid-sentence, "…比2025年预" / "算减少2,163.37万元；") and where
    the page wraps.  A paragraph's first line holding no such mark (a heading, a caption, a
    sentence broken before its first "，") is left to the page's widths.

    >>> hard_break("比2025年预", "算减少2,163.37万元；", before="2026年，收入预算7,630.61万元，")
    True
    >>> hard_break("比2025年预", "算减少2,163.37万元；")
    False
    >>> hard_break("（一）基本支出", "基本支出预算100万元。")
    False
    >>> hard_break("（二）公用经费1,131.92万元", "商品和服务支出（类）1,131.92万元")
    False
    >>> hard_break("本年支出100万元，主要用于日常运转", "（二）项目支出")
    False
    >>> hard_break("本年支出合计100万元。", "其中：基本支出50万元。")
    False
    """
    s = compact(line)
    return (
        bool(s)
        and s[-1] not in PARAGRAPH_ENDERS
        and "\t" not in line
        and _UNIT_LINE.search(s) is None
        and not SENTENCE_MARKS.isdisjoint(_DIGIT_GROUPS.sub("", compact(before) + s))
        and not opens_paragraph(following)
    )
