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

The lines below are built as a PDF reader gives them: one cell a line, with its box on the
page (points; the text's right margin at x = 500, a 10.5 pt type in a box 12 pt high).
"""

from __future__ import annotations

from pathlib import Path

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


def test_a_later_files_cover_is_a_cover_not_text(tmp_path) -> None:
    # Several files read as one document (read_paths): the 情况说明, then a file that opens
    # with a cover of its own.  Its cover lines were read as the last lines of the text before
    # them (or, after a table, as that table's rows: READ-line warnings).
    from govfin.readers.files import read_paths

    text = tmp_path / "a.txt"
    _write(text, [
        "某某局", "2025年度部门决算", "第三部分 情况说明", "一、收入支出决算总体情况说明",
        "本年收入支出总计100.00万元。",
    ])  # fmt: skip
    more = tmp_path / "b.txt"
    _write(more, [
        "某某局", "2025年度部门决算（名词解释）", "第四部分 名词解释", "一、财政拨款收入：指本级财政拨款。",
    ])  # fmt: skip
    read = read_paths([text, more])
    (section,) = read.disclosure.narrative.sections
    assert section.text.strip() == "本年收入支出总计100.00万元。"
    covers = [e.text for e in read.log.entries if e.note == "cover of a later file"]
    assert covers == ["某某局", "2025年度部门决算（名词解释）"]


def test_a_later_file_going_on_with_the_text_is_the_text(tmp_path) -> None:
    # A file that begins inside the text (a document cut into files by pages) has no cover:
    # its lines stay the text's.
    from govfin.readers.files import read_paths

    text = tmp_path / "a.txt"
    _write(text, [
        "某某局", "2025年度部门决算", "第三部分 情况说明", "一、收入支出决算总体情况说明",
        "本年收入支出总计100.00万元。",
    ])  # fmt: skip
    more = tmp_path / "b.txt"
    _write(more, [
        "与2024年度相比，增加10.00万元，增长11.11%。", "二、收入决算情况说明", "本年收入合计100.00万元。",
    ])  # fmt: skip
    read = read_paths([text, more])
    first, second = read.disclosure.narrative.sections
    assert "增加10.00万元" in first.text and second.heading == "二、收入决算情况说明"
    assert not [e for e in read.log.entries if e.note == "cover of a later file"]
