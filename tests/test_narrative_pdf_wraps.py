"""A paragraph a PDF page wrapped before a figure is read as one paragraph; a part heading a
page wrapped after a contents list is the part, not one more contents entry; the cover of a
later file read with others (read_paths) is a cover, not the end of the text before it.

Found by reading the real documents of tests/data/real through the PDF path
(tests/test_real_docs_pdf.py): the page breaks a line after a closing bracket or before a
closing quote when the figure that follows does not fit on it, and the line ends short of the
margin.  Read as a paragraph's end, the figure lost its subject — "“…机关事业单位职业年金缴费支出
（项）" / "”257.14 万元" (石泉路 2025 决算) was an unchecked "”257.14万元"; "文化旅游体育与传媒支出
（类）" / "17127.62 万元，占 69.81%" (文化和旅游局 2025 决算) made the 类 look left out of the list
(a false N-class-list error).

A 情况说明 pasted into Word with the hard line breaks of another page's width, printed line for
line on a PDF page, breaks a sentence twice: where the pasted text broke (a short line ending
mid-sentence) and where the page wraps (the 石泉路 2026 单位预算, tests/test_real_docs_pdf.py).  A
line ending mid-sentence is joined to the next by its words
(:func:`govfin.narrative.breaks.hard_break`), in a text source and a paged one alike, unless it is
a heading (no mark inside a sentence) or the next line opens a paragraph (a heading, a list
item, a table).

The lines below are built as a PDF reader gives them: one cell a line, with its box on the
page (points; the text's right margin at x = 500, a 10.5 pt type in a box 12 pt high).
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from govfin.narrative import sentences
from govfin.narrative.breaks import PARAGRAPH_ENDERS, hard_break
from govfin.readers.lines import Line, LogBuilder
from govfin.readers.narrative import read_sections
from govfin.readers.source import Box, SourceRow

_LEFT, _EDGE, _HIGH = 60.0, 500.0, 12.0


def _line(n: int, text: str, right: float, left: float = _LEFT) -> Line:
    top = 100.0 + 14 * n
    row = SourceRow((text,), file="a.pdf", page=1, row=n,
                    boxes=(Box(left, top, right, top + _HIGH),))  # fmt: skip
    return Line(n, text, row)


def _paragraphs(*lines: Line) -> list[str]:
    log = LogBuilder(strict=False)
    (section,) = read_sections(list(lines), log, "情况说明")
    return [t for t in section.text.split("\n") if t]


def _write(path: Path, lines: list[str]) -> None:
    path.write_text("\n".join(lines), encoding="utf-8")


def _full(n: int, text: str) -> Line:
    return _line(n, text, _EDGE)


def test_a_line_ending_a_bracket_before_a_figure_that_did_not_fit_is_wrapped() -> None:
    # "（类）" ends 40 pt short of the margin: "17127.62" (8 narrow characters) did not fit.
    got = _paragraphs(
        _full(1, "一、一般公共预算财政拨款支出决算情况说明"),
        _line(
            2,
            "一般公共预算财政拨款支出24535.67万元，主要用于以下方面：文化旅游体育与传媒支出（类）",
            _EDGE - 40,
            left=_LEFT + 21,
        ),
        _line(3, "17127.62万元，占69.81%；住房保障支出（类）595.64万元，占2.43%。", 380),
    )
    assert got[-1].endswith("（类）17127.62万元，占69.81%；住房保障支出（类）595.64万元，占2.43%。")


def test_a_line_before_a_closing_quote_and_its_figure_is_wrapped() -> None:
    got = _paragraphs(
        _full(1, "五、一般公共预算财政拨款支出决算情况说明"),
        _line(
            2,
            "“社会保障和就业支出（类）行政事业单位离退休（款）机关事业单位职业年金缴费支出（项）",
            _EDGE - 45,
            left=_LEFT + 21,
        ),
        _line(3, "”257.14万元，主要用于：缴纳机关事业单位在职干部职业年金。", 400),
    )
    assert got[-1] == (
        "“社会保障和就业支出（类）行政事业单位离退休（款）机关事业单位职业年金缴费支出（项）"
        "”257.14万元，主要用于：缴纳机关事业单位在职干部职业年金。"
    )


def test_a_paragraph_ending_a_bracket_far_from_the_margin_stays_a_paragraph() -> None:
    # The room left (150 pt) would have held the figure: the page did not wrap there.
    got = _paragraphs(
        _full(1, "十一、其他重要事项的情况说明"),
        _line(
            2, "本部门无政府性基金预算财政拨款支出（详见公开08表）", _EDGE - 150, left=_LEFT + 21
        ),
        _line(3, "2025年度本部门政府采购支出总额690.47万元。", 330),
    )
    assert got[-2:] == [
        "本部门无政府性基金预算财政拨款支出（详见公开08表）",
        "2025年度本部门政府采购支出总额690.47万元。",
    ]


def test_a_sentence_ending_short_of_the_margin_before_a_figure_stays_a_paragraph() -> None:
    # "。" ends a paragraph wherever the line ends (45 pt short: "20323.21" would not have
    # fitted either); only a bracket may also close a name.
    got = _paragraphs(
        _full(1, "一、收入支出决算总体情况说明"),
        _line(2, "本年收入支出总计与上年持平。", _EDGE - 45, left=_LEFT + 21),
        _line(3, "20323.21万元为本年收入合计。", 300),
    )
    assert got[-2:] == ["本年收入支出总计与上年持平。", "20323.21万元为本年收入合计。"]


def test_a_part_heading_wrapped_after_an_undotted_contents_is_the_part() -> None:
    # The 情况说明 published as a file of its own (cover, 目录 of bare headings, the part): a
    # long department name wraps the part heading, "第三部分 …部门决算情况说" / "明".  Its first
    # line was taken for one more contents entry, the part for part of the 目录: its eleven
    # sections were lost (and READ-cut said the document ended before the part).
    from govfin.readers import read_text

    part = "第三部分 上海市普陀区人民政府宜川路街道办事处2025年度部门决算情况说明"
    sections = ["一、收入支出决算总体情况说明", "二、收入决算情况说明"]
    text = "\n".join([
        "上海市普陀区人民政府宜川路街道办事处", "2025年度部门决算", "目录", part, *sections,
        part[:-1], part[-1], sections[0],
        "上海市普陀区人民政府宜川路街道办事处2025年度收入支出总计20323.21万元。",
        sections[1], "本年收入合计20323.21万元，其中：财政拨款收入20323.21万元，占100%。",
    ])  # fmt: skip
    read = read_text(text)
    got = read.disclosure.narrative.sections
    assert [s.heading for s in got] == sections
    assert "20323.21万元" in got[0].text


def test_a_contents_entry_wrapped_over_two_lines_stays_in_the_contents() -> None:
    # The other side: a contents entry the page wrapped is no heading of the document (its
    # first line begins no entry listed before it).
    from govfin.readers import read_text

    lines = [
        "某某局", "2025年度部门决算", "目录", "第一部分 某某局概况",
        "第三部分 上海市普陀区人民政府宜川路街道办事处2025年度部门决算情况说", "明",
        "第一部分 某某局概况", "一、部门主要职能", "负责本区有关工作。",
    ]  # fmt: skip
    text = "\n".join(lines)
    read = read_text(text)
    toc = [e.text for e in read.log.entries if e.part == "目录"]
    assert "明" in toc and any(t.endswith("情况说") for t in toc)


def _read_after_text(tmp_path, lines: list[str]):
    """A short 情况说明 in one file, then ``lines`` in a second, read together (read_paths)."""
    from govfin.readers.files import read_paths

    text, more = tmp_path / "a.txt", tmp_path / "b.txt"
    _write(text, [
        "某某局", "2025年度部门决算", "第三部分 情况说明", "一、收入支出决算总体情况说明",
        "本年收入支出总计100.00万元。",
    ])  # fmt: skip
    _write(more, lines)
    return read_paths([text, more])


def test_a_later_files_cover_is_a_cover_not_text(tmp_path) -> None:
    # Several files read as one document (read_paths): the 情况说明, then a file that opens
    # with a cover of its own.  Its cover lines were read as the last lines of the text before
    # them (or, after a table, as that table's rows: READ-line warnings).
    read = _read_after_text(tmp_path, [
        "某某局", "2025年度部门决算（名词解释）", "第四部分 名词解释", "一、财政拨款收入：指本级财政拨款。",
    ])  # fmt: skip
    (section,) = read.disclosure.narrative.sections
    assert section.text.strip() == "本年收入支出总计100.00万元。"
    covers = [e.text for e in read.log.entries if e.note == "cover of a later file"]
    assert covers == ["某某局", "2025年度部门决算（名词解释）"]


def test_a_later_file_going_on_with_the_text_is_the_text(tmp_path) -> None:
    # A file that begins inside the text (a document cut into files by pages) has no cover:
    # its lines stay the text's.
    read = _read_after_text(tmp_path, [
        "与2024年度相比，增加10.00万元，增长11.11%。", "二、收入决算情况说明", "本年收入合计100.00万元。",
    ])  # fmt: skip
    first, second = read.disclosure.narrative.sections
    assert "增加10.00万元" in first.text and second.heading == "二、收入决算情况说明"
    assert not [e for e in read.log.entries if e.note == "cover of a later file"]


# -- hard line breaks of another page's width ------------------------------------------------


def _sentences(*lines: Line) -> list[str]:
    log = LogBuilder(strict=False)
    (section,) = read_sections(list(lines), log, "情况说明")
    return [s.text for s in section.sentences()]


#: The 石泉路 2026 单位预算's first paragraph as its text holds it: broken where the page it was
#: typed from broke ("…比2025年预" / "算减少…"), tests/data/accuracy.
_PASTED = (
    "2026年，上海市普陀区人民政府石泉路街道办事处（本级）收入预算7,630.61万元，其中：财政拨款收入7,630.61万元，比2025年预",
    "算减少2,163.37万元；事业收入0万元；事业单位经营收入0万元；其他收入0万元。",
)
_FIRST = (
    "2026年，上海市普陀区人民政府石泉路街道办事处（本级）收入预算7,630.61万元，其中：财政拨款收入"
    "7,630.61万元，比2025年预算减少2,163.37万元；"
)


def test_a_pasted_hard_break_mid_sentence_is_joined_in_a_paged_source() -> None:
    # Printed line for line, the long pasted line wraps at the page's margin and leaves a short
    # line ending mid-sentence ("比2025年预"), 300 pt short of the margin; the pasted line after
    # it begins on a line of its own.  (A long paragraph before it: its lines joined, it is the
    # text's widest, so that the page's widths alone do not join "…比2025年预" to "算减少…".)
    long = "本单位负责辖区内的社区管理、社区服务、社区平安和社区自治等各项工作，" * 2 + "依法履职。"
    head, tail = _PASTED[0][:40], _PASTED[0][40:]
    got = _sentences(
        _line(1, long[:40], _EDGE, left=_LEFT + 21),
        _line(2, long[40:80], _EDGE),
        _line(3, long[80:], 300),
        _line(4, head, _EDGE, left=_LEFT + 21),
        _line(5, tail, _EDGE - 300),
        _line(6, _PASTED[1], 400),
    )
    assert got[0] == long
    assert got[1] == _FIRST
    assert got[2:] == ["事业收入0万元；", "事业单位经营收入0万元；", "其他收入0万元。"]


def test_a_pasted_hard_break_mid_sentence_is_joined_in_a_text_source() -> None:
    # The same lines, each printed whole (as typed), and each broken again at a narrower width.
    assert sentences("\n".join(_PASTED))[0].text == _FIRST
    narrow = [_PASTED[0][:30], _PASTED[0][30:60], _PASTED[0][60:], _PASTED[1]]
    got = sentences("\n".join(narrow))
    assert got[0].text == _FIRST
    assert [s.line for s in sentences("\n".join(narrow), first_line=10)][:2] == [10, 13]


def test_a_heading_without_a_full_stop_stays_apart() -> None:
    # A heading ends without "。" and holds no mark inside a sentence: the text below it is a
    # paragraph of its own, in a text source and a paged one.
    body = "2026年基本支出预算500万元，比2025年预算增加20万元。"
    for heading in (
        "（一）基本支出",
        "政府采购情况",
        "三、支出决算情况说明",
        "（二）公用经费1,131.92万元",
    ):
        assert [s.text for s in sentences(f"{heading}\n{body}")] == [heading, body]
    for heading in ("（一）基本支出", "政府采购情况"):  # ("三、…" heads a section of its own)
        got = _sentences(_line(1, heading, 200, left=_LEFT + 21), _line(2, body, _EDGE))
        assert got == [heading, body]


def test_a_list_item_opens_a_paragraph() -> None:
    # A line ending mid-sentence before a list item: the item opens a paragraph of its own.
    lead = "一般公共预算财政拨款支出19,044.27万元，主要用于以下方面"
    items = ["1.“一般公共服务”306.90万元，占1.61%；", "（二）公共安全支出350.56万元。"]
    for item in items:
        assert [s.text for s in sentences(f"{lead}\n{item}")] == [lead, item]
        got = _sentences(_line(1, lead, 400, left=_LEFT + 21), _line(2, item, _EDGE))
        assert got == [lead, item]
    assert not hard_break(lead, "表3 支出预算总表") and not hard_break(lead, "合计\t100.00")


def test_an_indented_line_opens_a_paragraph_in_a_text_source() -> None:
    # A paragraph missing its "。" before an indented one: not one sentence (the year opening
    # the second would be lost to it); the pasted text's own breaks begin flush.
    # (A long line before them, so that the page's widths alone join neither.)
    wide = "本单位负责辖区内的社区管理、社区服务、社区平安和社区自治等各项工作，依法履职。" * 2
    first, second = "本年支出100万元，主要用于日常运转", "2025年当年预算执行数为90万元。"
    for indent in ("    ", "\u3000\u3000"):
        got = [s.text for s in sentences(f"{wide}\n{first}\n{indent}{second}")]
        assert got[-2:] == [first, second]
    assert [s.text for s in sentences(f"{wide}\n{first}\n{second}")][-1] == first + second


def test_a_sentence_ending_at_a_line_end_is_kept() -> None:
    first, second = (
        "本年收入合计100万元，全部为财政拨款收入。",
        "本年支出合计100万元，其中基本支出80万元。",
    )
    got = sentences(f"{first}\n{second}")
    assert [(s.text, s.paragraph) for s in got] == [(first, 0), (second, 1)]
    assert _sentences(_line(1, first, 300), _line(2, second, 300)) == [first, second]
    # a closing bracket or quote may end a paragraph too: left to the page's widths
    named = "主要用于：发放离退休人员生活补贴（详见附表）"
    assert [s.text for s in sentences(f"{named}\n{second}")] == [named, second]


# A paragraph: sentences of clauses ("，" or "、" between them), the first clause its opening
# words; no enumerator, heading or bracket inside (those are what a line may open with).
_WORDS = st.sampled_from([
    "本年收入合计", "财政拨款支出", "基本支出", "项目支出", "比上年增加", "比上年减少", "主要用于",
    "办公费", "印刷费", "人员经费", "公用经费", "差旅费", "较上年持平", "主要原因是", "预算安排",
])  # fmt: skip
_AMOUNT = st.builds(lambda w, f: f"{w}.{f:02d}万元", st.integers(0, 99999), st.integers(0, 99))
_CLAUSE = st.lists(st.one_of(_WORDS, _AMOUNT), min_size=1, max_size=4).map("".join)
_SENTENCE = st.builds(
    lambda clauses, seps, end: "".join(c + s for c, s in zip(clauses, seps)) + clauses[-1] + end,
    st.lists(_CLAUSE, min_size=2, max_size=5),
    st.lists(st.sampled_from("，，、"), min_size=4, max_size=4),
    st.sampled_from("。；"),
)
_PARAGRAPH = st.lists(_SENTENCE, min_size=1, max_size=3).map(lambda ss: "".join(ss)[:-1] + "。")


_NUMBER = "0123456789."


def _breaks(paragraph: str, picks: list[int]) -> list[str]:
    """``paragraph`` broken at the ``picks`` (taken modulo the places allowed: inside a
    sentence, after the paragraph's first "，" — a paragraph's first line holding no mark
    inside a sentence could be a heading, "、" joins a heading's words too — and not inside a
    number, which no page breaks: "1000." / "00万元" would be a list item's number)."""
    first = paragraph.find("，") + 1 or len(paragraph)
    allowed = [
        i for i in range(first, len(paragraph))
        if paragraph[i - 1] not in PARAGRAPH_ENDERS
        and not (paragraph[i - 1] in _NUMBER and paragraph[i] in _NUMBER)
    ]  # fmt: skip
    cuts = sorted({allowed[p % len(allowed)] for p in picks}) if allowed else []
    return [paragraph[a:b] for a, b in zip([0, *cuts], [*cuts, len(paragraph)])]


@given(st.lists(st.tuples(_PARAGRAPH, st.lists(st.integers(0, 10**6), max_size=4)), min_size=1,
                max_size=4))  # fmt: skip
def test_paragraphs_broken_inside_sentences_read_to_the_same_sentences(
    text: list[tuple[str, list[int]]],
) -> None:
    whole = [(s.text, s.paragraph) for s in sentences("\n".join(p for p, _ in text))]
    lines = [line for p, picks in text for line in _breaks(p, picks)]
    assert [(s.text, s.paragraph) for s in sentences("\n".join(lines))] == whole
    # printed on a page: each paragraph's first line indented, every line short of the margin
    # (a last paragraph runs to it)
    starts = {sum(len(_breaks(p, k)) for p, k in text[:i]) for i in range(len(text))}
    printed = [
        _line(n, line, _EDGE - 100, left=_LEFT + 21 if n - 1 in starts else _LEFT)
        for n, line in enumerate(lines, 1)
    ]
    last = "以上为本单位预算情况。"
    printed.append(_line(len(lines) + 1, last, _EDGE, left=_LEFT + 21))
    assert _sentences(*printed) == [t for t, _ in whole] + [last]
