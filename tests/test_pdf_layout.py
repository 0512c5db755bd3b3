"""The PDF extractor on PDFs rendered here, whose every row is known by construction.

Each test draws a page with reportlab (text at known places, ruling lines, rectangles) and
checks the rows read back: ruled tables cell by cell (merged header cells, names wrapped in
their cells, codes in one column or three, amounts as printed), lines split at wide gaps,
tables without ruling lines laid out on columns, invisible and off-page text left out, a frame
around the page and white or narrow shading giving no cells.  Both backends are checked.
"""

from __future__ import annotations

import io
from itertools import pairwise

import pytest

pytest.importorskip("pypdfium2")
pytest.importorskip("pdfplumber")
canvas_mod = pytest.importorskip("reportlab.pdfgen.canvas")

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont

from govfin.readers.pdf import extract_pdf

pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
FONT = "STSong-Light"
W, H = 595.0, 842.0
ENGINES = ["pdfium", "pdfplumber"]


class Page:
    """Drawing in points from the top-left corner (as the extractor reports them)."""

    def __init__(self, c) -> None:
        self.c = c

    def text(self, x: float, top: float, s: str, size: float = 10, mode: int = 0) -> None:
        t = self.c.beginText(x, H - top - size)
        t.setFont(FONT, size)
        t.setTextRenderMode(mode)
        t.textOut(s)
        self.c.drawText(t)

    def right(self, x1: float, top: float, s: str, size: float = 10) -> None:
        self.text(x1 - pdfmetrics.stringWidth(s, FONT, size), top, s, size)

    def hline(self, x0: float, x1: float, y: float) -> None:
        self.c.setLineWidth(0.5)
        self.c.line(x0, H - y, x1, H - y)

    def vline(self, x: float, y0: float, y1: float) -> None:
        self.c.setLineWidth(0.5)
        self.c.line(x, H - y0, x, H - y1)

    def fill(self, x0: float, top: float, x1: float, bottom: float, gray: float) -> None:
        self.c.setFillGray(gray)
        self.c.rect(x0, H - bottom, x1 - x0, bottom - top, stroke=0, fill=1)
        self.c.setFillGray(0)


def render(*pages) -> bytes:
    buf = io.BytesIO()
    c = canvas_mod.Canvas(buf, pagesize=(W, H))
    for draw in pages:
        draw(Page(c))
        c.showPage()
    c.save()
    return buf.getvalue()


def cells(data: bytes, engine: str = "pdfium") -> list[tuple[int, tuple[str, ...]]]:
    return [(r.page, r.cells) for r in extract_pdf(data, name="t.pdf", engine=engine)]


# ---------------------------------------------------------------------------- a ruled table

X = [60.0, 120.0, 300.0, 420.0, 540.0]  # column rules


def ruled_table(p: Page) -> None:
    p.fill(0, 0, W, H, 1.0)  # a white background covering the page
    p.c.rect(10, 10, W - 20, H - 20, stroke=1, fill=0)  # a frame around the page
    p.text(230, 50, "收入支出预算总表", size=14)
    p.text(60, 90, "编制部门：某某部门")
    p.text(480, 90, "单位：元")
    rows = [110.0, 130.0, 150.0, 170.0, 200.0, 230.0]
    for y in rows:
        p.hline(X[0], X[-1], y)
    # header row 1: 项目 over columns 0-1, 金额 over columns 2-3 (no rule between them)
    for x in (X[0], X[2], X[4]):
        p.vline(x, rows[0], rows[1])
    for x in X:
        p.vline(x, rows[1], rows[-1])
    p.text(150, 114, "项目")
    p.text(420 - 20, 114, "金额")
    p.text(62, 134, "科目编码")
    p.text(122, 134, "科目名称")
    p.text(302, 134, "本年")
    p.text(422, 134, "上年")
    p.text(62, 154, "201")
    p.text(122, 154, "一般公共服务支出")
    p.right(418, 154, "189,767,551")
    p.right(538, 154, "1,000.00")
    p.text(62, 180, "20101")
    p.text(122, 172, "人大事务及其他一般")  # wrapped in its cell
    p.text(122, 186, "公共服务支出")
    p.right(418, 180, "545.19")
    p.text(62, 210, "2010101")
    p.text(122, 202, "Other general")  # a Latin name wrapped in its cell
    p.text(122, 216, "public services")
    p.right(418, 210, "-")
    p.right(538, 210, "0")
    # white shading in cells (Word): no lines a person sees
    for y0, y1 in pairwise(rows):
        p.fill(X[0] + 1, y0 + 1, X[0] + 5, y1 - 1, 1.0)
        p.fill(X[3] - 5, y0 + 1, X[3] - 1, y1 - 1, 1.0)
    # a narrow gray shaded strip right of the table: a ghost column
    p.fill(X[-1], rows[1], X[-1] + 6, rows[-1], 0.85)
    p.c.rect(X[-1], H - rows[-1], 6, rows[-1] - rows[1], stroke=1, fill=0)
    p.text(60, 240, "注：本表金额单位为元。")
    p.text(60, 700, "隐藏文字", mode=3)  # invisible text
    p.text(60, H + 40, "页外文字")  # below the page box
    p.text(W + 30, 154, "201 页外")  # right of the page box


EXPECTED = [
    ("收入支出预算总表",),
    ("编制部门：某某部门", "单位：元"),
    ("项目", "", "金额", ""),
    ("科目编码", "科目名称", "本年", "上年"),
    ("201", "一般公共服务支出", "189,767,551", "1,000.00"),
    ("20101", "人大事务及其他一般公共服务支出", "545.19", ""),
    ("2010101", "Other general public services", "-", "0"),
    ("注：本表金额单位为元。",),
]


@pytest.mark.parametrize("engine", ENGINES)
def test_ruled_table_as_printed(engine: str) -> None:
    data = render(ruled_table)
    got = [c for _, c in cells(data, engine)]
    if engine == "pdfplumber":  # pdfminer sees no render mode: the invisible line comes too
        got = [c for c in got if c != ("隐藏文字",)]
    assert got == EXPECTED


def test_rows_carry_file_page_rank_and_boxes() -> None:
    rows = extract_pdf(render(ruled_table), name="a.pdf")
    assert [r.row for r in rows] == list(range(1, len(EXPECTED) + 1))
    assert {r.file for r in rows} == {"a.pdf"} and {r.page for r in rows} == {1}
    coded = rows[4]
    assert coded.cells[0] == "201"
    code_box, name_box = coded.boxes[0], coded.boxes[1]
    # the cells' boxes are the grid cells: column rules and row rules
    assert (code_box.x0, code_box.x1) == pytest.approx((X[0], X[1]), abs=1)
    assert (name_box.x0, name_box.x1) == pytest.approx((X[1], X[2]), abs=1)
    assert (code_box.top, code_box.bottom) == pytest.approx((150, 170), abs=1)
    split = rows[1]
    assert split.boxes[1].x0 == pytest.approx(480, abs=1)


# ---------------------------------------------------------------------------- three-part codes


def three_codes(p: Page) -> None:
    xs = [60.0, 100.0, 130.0, 160.0, 330.0, 450.0]
    ys = [100.0, 120.0, 140.0, 160.0]
    for y in ys:
        p.hline(xs[0], xs[-1], y)
    for x in xs:
        p.vline(x, ys[0], ys[-1])
    p.text(62, 104, "类")
    p.text(102, 104, "款")
    p.text(132, 104, "项")
    p.text(162, 104, "科目名称")
    p.text(332, 104, "当 年 收 入")  # letter-spaced, as printed
    p.text(62, 124, "201")
    p.text(162, 124, "一般公共服务支出")
    p.right(448, 124, "12,345.67")
    for x, s in ((62, "201"), (102, "05"), (132, "07")):
        p.text(x, 144, s)
    p.text(162, 144, "专项业务")
    p.right(448, 144, "345.67")


@pytest.mark.parametrize("engine", ENGINES)
def test_codes_in_three_columns_and_letter_spacing(engine: str) -> None:
    assert [c for _, c in cells(render(three_codes), engine)] == [
        ("类", "款", "项", "科目名称", "当 年 收 入"),
        ("201", "", "", "一般公共服务支出", "12,345.67"),
        ("201", "05", "07", "专项业务", "345.67"),
    ]


# ---------------------------------------------------------------------------- no ruling lines


def unruled(p: Page) -> None:
    p.text(200, 40, "目")
    p.text(260, 40, "录")  # a letter-spaced title: one cell
    p.text(60, 80, "一、部门概况")
    p.text(60, 120, "科目编码")
    p.text(150, 120, "科目名称")
    p.text(385, 120, "本年")
    p.text(490, 120, "上年")
    p.text(60, 140, "201")
    p.text(150, 140, "一般公共服务支出")
    p.right(420, 140, "545.19")
    p.right(520, 140, "12.00")
    p.text(60, 160, "20101")
    p.text(150, 160, "人大事务")
    p.right(520, 160, "3.50")  # nothing in 本年
    p.text(60, 200, "本表为预算数。")


@pytest.mark.parametrize("engine", ENGINES)
def test_table_without_ruling_lines_on_columns(engine: str) -> None:
    assert [c for _, c in cells(render(unruled), engine)] == [
        ("目 录",),
        ("一、部门概况",),
        ("科目编码", "科目名称", "本年", "上年"),
        ("201", "一般公共服务支出", "545.19", "12.00"),
        ("20101", "人大事务", "", "3.50"),
        ("本表为预算数。",),
    ]


# ---------------------------------------------------------------------------- over pages


def first_half(p: Page) -> None:
    p.text(60, 60, "支出预算表")
    for y in (100, 120, 140):
        p.hline(60, 400, y)
    for x in (60, 150, 400):
        p.vline(x, 100, 140)
    p.text(62, 104, "201")
    p.text(152, 104, "一般公共服务支出")
    p.text(62, 124, "20101")
    p.text(152, 124, "人大事务")
    p.text(280, 820, "1")  # page number


def second_half(p: Page) -> None:
    # the table runs on: its first row has column rules but no top rule
    for y in (80, 100):
        p.hline(60, 400, y)
    for x in (60, 150, 400):
        p.vline(x, 60, 100)
    p.text(62, 64, "2010101")
    p.text(152, 64, "行政运行")
    p.text(62, 84, "205")
    p.text(152, 84, "教育支出")
    p.text(280, 820, "2")


@pytest.mark.parametrize("engine", ENGINES)
def test_table_over_two_pages(engine: str) -> None:
    got = cells(render(first_half, second_half), engine)
    assert got[:3] == [(1, ("支出预算表",)), (1, ("201", "一般公共服务支出")),
                       (1, ("20101", "人大事务"))]
    assert got[3] == (1, ("1",))
    assert got[4:] == [(2, ("2010101", "行政运行")), (2, ("205", "教育支出")), (2, ("2",))]


# ---------------------------------------------------------------------------- beside a table


def beside(p: Page) -> None:
    for y in (100, 120, 140):
        p.hline(60, 300, y)
    for x in (60, 150, 300):
        p.vline(x, 100, 140)
    p.text(62, 104, "201")
    p.text(152, 104, "一般公共服务支出")
    p.text(62, 124, "205")
    p.text(152, 124, "教育支出")
    p.text(420, 124, "（续表）")  # beside the table, in its second row's band


def test_text_beside_a_table_reads_in_its_band() -> None:
    assert [c for _, c in cells(render(beside))] == [
        ("201", "一般公共服务支出"),
        ("205", "教育支出"),
        ("（续表）",),
    ]


# ---------------------------------------------------------------------------- a long file


def test_three_hundred_pages_page_by_page() -> None:
    def page(p: Page) -> None:
        for y in (100, 120):
            p.hline(60, 300, y)
        for x in (60, 150, 300):
            p.vline(x, 100, 120)
        p.text(62, 104, "201")
        p.text(152, 104, "一般公共服务支出")
        p.text(60, 60, "第一部分")

    rows = extract_pdf(render(*[page] * 300))
    assert len(rows) == 600
    assert [r.page for r in rows] == [n for n in range(1, 301) for _ in range(2)]
    assert all(r.cells == ("201", "一般公共服务支出") for r in rows[1::2])


# ---------------------------------------------------------------------------- a turned page


def test_landscape_page_made_by_rotate() -> None:
    """A portrait page shown turned (/Rotate 90) with its content drawn turned back: a person
    reads the landscape page upright, and so do we."""
    global W, H  # Page draws in the landscape page's coordinates
    saved = W, H
    W, H = 842.0, 595.0
    try:
        buf = io.BytesIO()
        c = canvas_mod.Canvas(buf, pagesize=(595, 842))
        c.setPageRotation(90)
        c.translate(595, 0)
        c.rotate(90)
        ruled_table(Page(c))
        c.showPage()
        c.save()
    finally:
        W, H = saved
    got = [c for _, c in cells(buf.getvalue())]
    assert got == EXPECTED


def test_fake_bold_is_read_once() -> None:
    """Some tools make bold by printing each glyph again a fraction of a point aside."""

    def bold(p: Page) -> None:
        for dx in (0.0, 0.3, 0.6):
            p.text(60 + dx, 60, "本年支出合计")
        p.text(60, 90, "合合")  # the same character twice side by side is two characters

    assert [c for _, c in cells(render(bold))] == [("本年支出合计",), ("合合",)]


def test_table_with_horizontal_rules_only() -> None:
    """A 三线表 (rules above and below the header and at the end, no column rules): no grid,
    so the columns come from the positions of the words."""

    def three_line(p: Page) -> None:
        for y in (100, 120, 200):
            p.hline(60, 540, y)
        p.text(60, 104, "科目编码")
        p.text(130, 104, "科目名称")
        p.text(400, 104, "本年")
        p.text(490, 104, "上年")
        body = [("201", "一般公共服务支出", "545.19", "12.00"), ("20101", "人大事务", "", "3.50"),
                ("2010101", "行政运行", "1,234.00", "")]
        for i, (code, name, a, b) in enumerate(body):
            y = 124 + i * 20
            p.text(60, y, code)
            p.text(130, y, name)
            if a:
                p.right(430, y, a)
            if b:
                p.right(520, y, b)

    assert [c for _, c in cells(render(three_line))] == [
        ("科目编码", "科目名称", "本年", "上年"),
        ("201", "一般公共服务支出", "545.19", "12.00"),
        ("20101", "人大事务", "", "3.50"),
        ("2010101", "行政运行", "1,234.00", ""),
    ]


def test_border_of_four_lines_is_no_cell() -> None:
    def bordered(p: Page) -> None:
        p.hline(15, W - 15, 15)
        p.hline(15, W - 15, H - 15)
        p.vline(15, 15, H - 15)
        p.vline(W - 15, 15, H - 15)
        p.text(60, 60, "部门概况")
        three_codes(p)

    rows = extract_pdf(render(bordered))
    heading = rows[0].boxes[0]
    assert heading.x1 - heading.x0 < 60 and heading.bottom - heading.top < 20  # not the page
    assert [r.cells for r in rows] == [
        ("部门概况",),
        ("类", "款", "项", "科目名称", "当 年 收 入"),
        ("201", "", "", "一般公共服务支出", "12,345.67"),
        ("201", "05", "07", "专项业务", "345.67"),
    ]


@pytest.mark.parametrize("engine", ENGINES)
def test_crop_box_is_the_visible_page(engine: str) -> None:
    """Only the top half of the page is shown (its crop box): the bottom half is not read."""
    buf = io.BytesIO()
    c = canvas_mod.Canvas(buf, pagesize=(W, H))
    c.setCropBox((0, H / 2, W, H))
    p = Page(c)
    three_codes(p)
    p.text(60, 600, "下半页文字")
    c.showPage()
    c.save()
    rows = extract_pdf(buf.getvalue(), engine=engine)
    assert [r.cells[0] for r in rows] == ["类", "201", "201"]
    assert rows[0].boxes[0].top == pytest.approx(100, abs=1)


def test_text_running_over_a_column_rule_stays_in_its_cell() -> None:
    """A spreadsheet lets a long name run on into the empty cell beside it."""

    def overflow(p: Page) -> None:
        xs = [60.0, 100.0, 200.0, 300.0]
        for y in (100, 120, 140):
            p.hline(xs[0], xs[-1], y)
        for x in xs:
            p.vline(x, 100, 140)
        p.text(62, 104, "201")
        p.text(102, 104, "一般公共服务支出")
        p.right(298, 104, "545.19")
        p.text(62, 124, "20101")
        p.text(102, 124, "其他一般公共服务支出项目")  # 12 characters: runs past x = 200
        p.right(298, 124, "")

    assert [c for _, c in cells(render(overflow))] == [
        ("201", "一般公共服务支出", "545.19"),
        ("20101", "其他一般公共服务支出项目", ""),
    ]


@pytest.mark.parametrize("engine", ENGINES)
def test_a_row_begun_by_a_column_rule_alone(engine: str) -> None:
    """No rule under the merged "项目": the column rule between 科目编码 and 科目名称 begins
    where it would be.  A person sees 项目 over the two cells beside that rule, not one cell
    "项目科目编码 科目名称"; the 金额 cell, with no rule beginning in it, stays one cell."""

    def header(p: Page) -> None:
        xs = [60.0, 120.0, 300.0, 420.0]
        for y in (100, 140, 160):
            p.hline(xs[0], xs[-1], y)
        for x in (xs[0], xs[2], xs[3]):
            p.vline(x, 100, 160)
        p.vline(xs[1], 120, 160)  # begins at 120, where no horizontal rule is drawn
        p.text(200, 104, "项目")
        p.text(340, 104, "本年")
        p.text(340, 124, "金额")
        p.text(62, 124, "科目编码")
        p.text(122, 124, "科目名称")
        p.text(62, 144, "201")
        p.text(122, 144, "一般公共服务支出")
        p.right(418, 144, "545.19")

    assert [c for _, c in cells(render(header), engine)] == [
        ("项目", "", "本年金额"),
        ("科目编码", "科目名称", ""),
        ("201", "一般公共服务支出", "545.19"),
    ]


def test_a_column_rule_ending_in_a_cell_closes_no_row() -> None:
    """A column rule that begins at the table's top (no rule on both sides passing through)
    or meets a horizontal rule adds nothing: the same table with the rule under 项目 drawn."""

    def header(p: Page) -> None:
        xs = [60.0, 120.0, 300.0, 420.0]
        for y in (100, 140, 160):
            p.hline(xs[0], xs[-1], y)
        p.hline(xs[0], xs[2], 120)
        for x in (xs[0], xs[2], xs[3]):
            p.vline(x, 100, 160)
        p.vline(xs[1], 120, 160)
        p.text(200, 104, "项目")
        p.text(62, 124, "科目编码")
        p.text(122, 124, "科目名称")
        p.text(62, 144, "201")
        p.text(122, 144, "一般公共服务支出")
        p.right(418, 144, "545.19")

    assert [c for _, c in cells(render(header))] == [
        ("项目", "", ""),
        ("科目编码", "科目名称", ""),
        ("201", "一般公共服务支出", "545.19"),
    ]


# ---------------------------------------------------------------------------- unruled headers
# Hand-built pages (characters at known places, no ruling edges) through the layout step alone:
# a table without rules whose amounts stand in columns, and header labels wrapped over lines.


def _chars(x: float, top: float, text: str, size: float = 9.0) -> list:
    """The characters of ``text`` from ``x`` at ``top``: CJK a full size wide, others half."""
    out = []
    for ch in text:
        w = size if ord(ch) > 0x2E80 else size / 2
        out.append((ch, x, top, x + w, top + size, size))
        x += w
    return out


def _centred(mid: float, top: float, text: str, size: float = 9.0) -> list:
    width = sum(size if ord(ch) > 0x2E80 else size / 2 for ch in text)
    return _chars(mid - width / 2, top, text, size)


def _right(x1: float, top: float, text: str, size: float = 9.0) -> list:
    width = sum(size if ord(ch) > 0x2E80 else size / 2 for ch in text)
    return _chars(x1 - width, top, text, size)


def _rows(*pieces: list) -> list[list[str]]:
    from govfin.readers.pdf._layout import PageContent, page_rows

    chars = [c for p in pieces for c in p]
    return [cells for cells, _ in page_rows(PageContent(1, 595.0, 842.0, chars))]


#: Two rows of a table without rules: names from x = 60, amounts right-aligned at 250 and 350
#: (cells about 200-255 and 300-355, labels centred in them); the header ends less than a line
#: above.
_BODY = [
    _chars(60, 190, "合计"), _right(250, 190, "631.71"), _right(350, 190, "17.21"),
    _chars(60, 206, "一般公共服务支出"), _right(250, 206, "545.19"), _right(350, 206, "0.50"),
]  # fmt: skip
_BODY_ROWS = [["合计", "631.71", "17.21"], ["一般公共服务支出", "545.19", "0.50"]]


def test_a_label_on_two_lines_over_one_column() -> None:
    """"财政拨款" over "收入", both over the first amount column: one label, 财政拨款收入."""
    rows = _rows(
        _chars(60, 170, "项目"),
        _centred(227, 164, "财政拨款"), _centred(227, 175, "收入"),
        _centred(327, 170, "事业收入"),
        *_BODY,
    )  # fmt: skip
    assert rows == [["项目", "财政拨款收入", "事业收入"], *_BODY_ROWS]


def test_a_label_on_three_lines_and_one_printed_vertically() -> None:
    """A label on three lines; "行" over "次" printed one character a line."""
    rows = _rows(
        _chars(60, 164, "项目"),
        _centred(227, 153, "一般公共"), _centred(227, 164, "预算财政"), _centred(227, 175, "拨款"),
        _centred(327, 158, "行"), _centred(327, 169, "次"),
        *_BODY,
    )  # fmt: skip
    assert rows == [["项目", "一般公共预算财政拨款", "行次"], *_BODY_ROWS]


def test_a_group_label_over_two_columns_spans_them() -> None:
    """A piece over both amount columns is a group label: printed in the first column of its
    span, a row above the labels of its columns (as a merged cell of a ruled table); a label
    with no label under it ("科目" / "名称") is in the last row, beside them."""
    rows = _rows(
        _chars(60, 160, "科目"), _chars(60, 171, "名称"),
        _centred(277, 155, "本年一般公共预算财政拨款支出"),
        _centred(227, 176, "基本支出"), _centred(327, 176, "项目支出"),
        *_BODY,
    )  # fmt: skip
    assert rows == [["", "本年一般公共预算财政拨款支出", ""], ["科目名称", "基本支出", "项目支出"],
                    *_BODY_ROWS]


def test_a_group_label_centred_over_its_columns_spans_them() -> None:
    """"本年支出" centred over three columns overlaps only the middle one's amounts: its three
    sub-labels, each with nothing beside "本年支出" above it, make it their group label."""
    body = [
        _chars(60, 190, "合计"), _right(250, 190, "631.71"), _right(350, 190, "349.97"),
        _right(450, 190, "281.74"),
    ]  # fmt: skip
    rows = _rows(
        _chars(60, 160, "科目"), _chars(60, 171, "名称"),
        _centred(327, 155, "本年支出"),
        _centred(227, 176, "小计"), _centred(327, 176, "基本支出"), _centred(427, 176, "项目支出"),
        *body,
    )  # fmt: skip
    assert rows == [
        ["", "本年支出", "", ""],
        ["科目名称", "小计", "基本支出", "项目支出"],
        ["合计", "631.71", "349.97", "281.74"],
    ]


def test_a_label_piece_between_columns_stays_unread() -> None:
    """A piece standing over no column of amounts ("其他" between the two): the page does not say
    which column it names, so the header lines stay as printed, unjoined."""
    header = [
        _chars(60, 170, "项目"),
        _centred(227, 164, "财政拨款"), _centred(227, 175, "收入"),
        _centred(292, 164, "其他"),  # over no amount: 250 < 283 < 301 < 325
    ]  # fmt: skip
    rows = _rows(*header, *_BODY)
    assert ["项目", "财政拨款收入", ""] not in rows
    assert not any("财政拨款收入" in c for r in rows for c in r)
    flat = [c for r in rows[:-2] for c in r if c]
    assert "其他" in flat and "收入" in flat and "财政拨款" in flat
    assert rows[-2:] == _BODY_ROWS


def test_a_one_line_header_is_unchanged() -> None:
    """No label wraps: the header line is laid out on the columns as before."""
    rows = _rows(_chars(60, 176, "项目"), _centred(227, 176, "财政拨款"),
                 _centred(327, 176, "事业收入"), *_BODY)
    assert rows == [["项目", "财政拨款", "事业收入"], *_BODY_ROWS]


def test_a_label_over_no_column_the_page_does_not_place_stays_as_printed() -> None:
    """"金额" lies between the names and the first column of figures, over neither: a label
    centred over the names' column may lie right of short names, one over the figures' column
    left of its figures (printed at the column's right edge).  Either may be its column (and
    the line has one cell for two columns): the line stays as printed, two cells, and the
    reader says it cannot place it (no nearest-column guess)."""
    rows = _rows(_chars(60, 176, "项目"), _centred(180, 176, "金额"), *_BODY)
    assert rows == [["项目", "金额"], *_BODY_ROWS]


def test_a_label_right_of_a_column_of_figures_names_the_next() -> None:
    """"上年" lies right of the first column's figures and left of the second's: figures are
    printed at their column's right edge, so a label centred over the first column cannot lie
    wholly right of them; it is the second column's (its centre is nearer the first: the old
    nearest-column guess put it there)."""
    rows = _rows(_chars(60, 176, "项目"), _centred(271, 176, "上年"), *_BODY)
    assert rows == [["项目", "", "上年"], *_BODY_ROWS]


def test_labels_over_no_column_filling_the_columns_between_are_placed_in_order() -> None:
    """Two labels between "项目" and the line's end, over no column, and two columns there:
    one a column, in order."""
    rows = _rows(_chars(60, 176, "项目"), _centred(190, 176, "本年"), _centred(290, 176, "上年"),
                 *_BODY)
    assert rows == [["项目", "本年", "上年"], *_BODY_ROWS]


def test_a_label_centred_over_a_first_column_of_amounts_reaches_left_of_them() -> None:
    """A table of amounts only (a 三公 table): "合计" centred over the first column reaches left
    of its figures (printed at the column's right edge), beyond the table's width as the
    figures give it; its centre lies left of their end, so it is a label of the header, and
    the label wrapped beside it is joined."""
    body = [
        _right(150, 190, "631.71"), _right(250, 190, "17.21"), _right(350, 190, "5.00"),
        _right(150, 206, "545.19"), _right(250, 206, "0.50"), _right(350, 206, "1.00"),
    ]  # fmt: skip
    rows = _rows(
        _centred(120, 170, "合计"),
        _centred(227, 164, "财政拨款"), _centred(227, 175, "收入"),
        _centred(327, 170, "事业收入"),
        *body,
    )  # fmt: skip
    assert rows == [["合计", "财政拨款收入", "事业收入"], ["631.71", "17.21", "5.00"],
                    ["545.19", "0.50", "1.00"]]


def test_names_wrapped_around_their_rows_go_back_into_them() -> None:
    """Without rules a name wrapped in its cell prints a piece above its row's other cells and
    one below (and a third in the row's line when it takes three): each goes back into its
    row, in the first column as in a middle one."""
    rows = _rows(
        _chars(60, 176, "项目"), _centred(227, 176, "金额"), _chars(280, 176, "名称"),
        _centred(427, 176, "金额"),
        # row 1: a name of two lines in the first column, one of three in the third
        _chars(60, 196, "一、一般公共预算财政拨"), _chars(280, 191, "对民间非营利组"),
        _right(250, 201, "631.71"), _chars(280, 201, "织和群众性自治"), _right(450, 201, "0.12"),
        _chars(60, 206, "款收入"), _chars(280, 211, "组织补贴"),
        # row 2: one line
        _chars(60, 230, "二、上级补助收入"), _right(250, 230, "5.00"), _chars(280, 230, "奖励金"),
        _right(450, 230, "2.00"),
    )  # fmt: skip
    assert rows == [
        ["项目", "金额", "名称", "金额"],
        ["一、一般公共预算财政拨款收入", "631.71", "对民间非营利组织和群众性自治组织补贴", "0.12"],
        ["二、上级补助收入", "5.00", "奖励金", "2.00"],
    ]


def test_a_short_line_of_a_label_goes_with_its_label() -> None:
    """A column holding only "-" (printed at its right edge): the label's first line reaches
    over it, its shorter second line does not; the label stands where its first line stands."""
    body = [
        _chars(60, 190, "合计"), _right(250, 190, "631.71"), _right(350, 190, "-"),
        _chars(60, 206, "一般公共服务支出"), _right(250, 206, "545.19"), _right(350, 206, "-"),
    ]  # fmt: skip
    rows = _rows(
        _chars(60, 170, "项目"),
        _centred(227, 164, "财政拨款"), _centred(227, 175, "收入"),
        _centred(327, 164, "政府性基金"), _centred(327, 175, "预算"),
        *body,
    )  # fmt: skip
    assert rows[0] == ["项目", "财政拨款收入", "政府性基金预算"]
    assert rows[1:] == [["合计", "631.71", "-"], ["一般公共服务支出", "545.19", "-"]]


def test_a_top_line_over_no_column_stays_as_printed() -> None:
    """"收入" centred over the left half of a 收入支出决算总表 stands over no column: its line
    stays as printed (a cell placed in no column); the labels under it are placed."""
    rows = _rows(
        _centred(160, 150, "收入"),
        _chars(60, 170, "项目"),
        _centred(227, 164, "财政拨款"), _centred(227, 175, "收入"),
        _centred(327, 170, "事业收入"),
        *_BODY,
    )  # fmt: skip
    assert rows == [["收入"], ["项目", "财政拨款收入", "事业收入"], *_BODY_ROWS]


def test_a_line_apart_from_the_rows_is_no_piece_of_a_name() -> None:
    """A page number under the table stands over a column too, but apart from the rows: it
    stays a line of its own, and the wrapped name above still goes back into its row."""
    rows = _rows(
        _chars(60, 176, "项目"), _centred(227, 176, "金额"), _centred(327, 176, "金额"),
        _chars(60, 196, "一、一般公共预算财政拨"), _right(250, 201, "631.71"),
        _right(350, 201, "0.12"), _chars(60, 206, "款收入"),
        _chars(60, 225, "二、上级补助收入"), _right(250, 225, "5.00"), _right(350, 225, "2.00"),
        _centred(227, 280, "- 3 -"),
    )  # fmt: skip
    assert rows == [
        ["项目", "金额", "金额"],
        ["一、一般公共预算财政拨款收入", "631.71", "0.12"],
        ["二、上级补助收入", "5.00", "2.00"],
        ["- 3 -"],
    ]
