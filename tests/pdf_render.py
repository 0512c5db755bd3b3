"""Render a :class:`~govfin.disclosure.Disclosure` as a PDF laid out like a published 决算.

Not part of the library: the end-to-end tests of the PDF reader render the seed's figures into
real PDFs with reportlab (BSD; the ``test`` extra) and read them back.  A rendered document has
what a government PDF has: a cover (department, "2024年度部门决算公开"), a table of contents with
leader dots and page numbers, each table on a new page with its title, "公开NN表", "部门名称：…",
the year and the unit, a header of merged cells, ruled grid lines drawn as line segments (as Word
and WPS exports draw them), amounts as printed (blank cells empty), tables running over pages,
the 情况说明 and 名词解释 as indented paragraphs under their headings, every 项目支出绩效自评表
as a ruled form, and a page number at the foot of every page but the cover.

Two layouts (``layout=``):

- ``"seed"``: the seed's own order of tables (公开01 … 公开10), one-column codes ("2010350"),
  a 行次 column and a 栏次 row, "金额单位：万元"; a table running over pages does not repeat its
  header (as in the seed, whose text shows the page breaks inside 公开01, 04 and 06 tables).
- ``"template"``: the order and style of the Shanghai blank 决算 template
  (tests/data/pdf/sh-putuo-2024-juesuan-template-blank.pdf): 三公 printed 7th, before the
  政府性基金 and 国有资本经营 tables; no 行次 column and no 栏次 row; "决算数" over the amounts of
  公开01/04; the 三公 table with 预算数/决算数 under each expense; 公开06 as two blocks; the 合计
  row of the 一般公共预算财政拨款支出决算表 printed last; "单位：万元"; thousands separators.
  Codes are printed in three columns (类 款 项: "201" "03" "50") as in the Shanghai 部门预算 PDFs
  of the corpus (the blank 决算 template itself prints them in one column).  The header is
  repeated on every page a table runs over.  Tables the template lacks (公开10表) come last.
  Titles, 表号 and the department stay the Disclosure's own (the reader must give them back).

More layouts (:data:`VARIANTS`, ``layout="yuan"`` …) are data: a frozen :class:`Layout` each
(amounts in 元 with separators, no ruling or a 三线表, names indented by level, the code and the
name in one cell, 合计 first or last, blank cells "-" or "—", full-width digits, titles with the
department and year, every table landscape, footers "第N页"); tests/test_pdf_variants.py reads
each back.

The CJK font is reportlab's built-in CID font STSong-Light (Adobe-GB1, not embedded; no font
file needed): pdfplumber and pypdfium2 both extract its characters back as Unicode.  Output is
deterministic (reportlab's ``invariant`` mode: fixed creation date and document id).

What the Disclosure does not hold is not printed: the 第一部分 概况, "——" in not-applicable
cells.  The "注：" line under each table is the seed's.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import attrs
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from govfin.disclosure import Disclosure
from govfin.performance.model import ProjectEvaluation
from govfin.tables import (
    BasicExpenditureDetail,
    DisclosureInfoTable,
    ExpenditureTable,
    FiscalAppropriationSummary,
    FunctionalTable,
    GeneralBudgetExpenditureTable,
    GovernmentFundTable,
    IncomeExpenditureSummary,
    IncomeTable,
    StateCapitalIncomeTable,
    StateCapitalTable,
    ThreePublicTable,
)
from govfin.tables import Table as GovTable

__all__ = ["HEADINGS", "LAYOUTS", "OPTIONAL_LAYOUTS", "REAL_FORMS", "VARIANTS", "Layout", "render_pdf"]

#: The layouts :func:`render_pdf` knows.
LAYOUTS = ("seed", "template")

FONT = "STSong-Light"
_MARGIN = 48.0
#: Merge markers in a grid: the cell belongs to the cell on its left / above.
LEFT, UP = "<", "^"

_NUMERALS = "一二三四五六七八九十"


def _numeral(n: int) -> str:
    """1 -> 一, 12 -> 十二, 21 -> 二十一 (up to 99)."""
    tens, units = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _NUMERALS[tens - 1] + "十")
    return head + ("" if units == 0 else _NUMERALS[units - 1])


def _font() -> None:
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))


def _style(name: str, size: float, align: int = TA_LEFT, **kw: Any) -> ParagraphStyle:
    kw.setdefault("leading", size * 1.35)
    return ParagraphStyle(name, fontName=FONT, fontSize=size, alignment=align, wordWrap="CJK", **kw)


_COVER = _style("cover", 26, TA_CENTER, leading=40)
_PART = _style("part", 15, TA_LEFT, spaceBefore=6, spaceAfter=10)
_HEADING = _style("heading", 12, TA_LEFT, spaceBefore=8, spaceAfter=4)
_BODY = _style("body", 10.5, TA_LEFT, firstLineIndent=21, spaceAfter=4)
_TITLE = _style("title", 16, TA_CENTER, spaceAfter=4)
_SMALL_RIGHT = _style("small-right", 9, TA_RIGHT)
_NOTE = _style("note", 9, TA_LEFT, spaceBefore=4)


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text), style)


# -- layouts as data ------------------------------------------------------------------------------

_FULL_DIGITS = str.maketrans("0123456789.,-", "０１２３４５６７８９．，－")


@attrs.frozen
class Layout:
    """How a document prints its tables: one frozen description per layout, read by the
    renderer's functions (no branch per layout name).

    ``base`` picks the order and shape of the tables ("seed": the seed's own, with 行次 and 栏次;
    "template": the Shanghai template's, see the module docstring); the other fields are the
    printed forms real documents vary in (as the published 决算 and 预算 PDFs in tests/data/pdf
    print them).
    """

    name: str
    base: str = "seed"
    #: Codes: "one" cell ("2010350"), "three" (类 款 项), or "cell" (in the name's cell).
    codes: str = "one"
    #: Names indented by level with full-width spaces ("　　行政运行").
    indent: bool = False
    #: Where the functional tables print their 合计 rows: "in-place" (the Disclosure's order),
    #: "template" (first, but last in the 一般公共预算财政拨款支出决算表), "first" or "last".
    totals: str = "in-place"
    #: Amounts: multiplied by ``scale`` (10000: printed in 元), with thousands separators, in
    #: full-width digits; a blank cell printed as ``blank``.
    scale: Decimal = Decimal(1)
    thousands: bool = False
    fullwidth: bool = False
    blank: str = ""
    #: Ruling: "grid" (every cell), "three-line" (三线表: above and below the header and below
    #: the last row) or "none" (text-only columns).
    rules: str = "grid"
    #: The header printed again on every page a table runs over.
    repeat: bool = False
    #: Every table on a landscape page (a wide table) instead of the base's choice.
    landscape: bool = False
    #: The unit line's label; the title prefixed by department and year ("XX局2024年度…").
    unit_label: str = "金额单位："
    titled: bool = False
    #: The page footer, ``{}`` the page's number.
    footer: str = "- {} -"
    #: Printed names other regions and years give a column, a group of columns or a line:
    #: (table kind, the renderer's name (model column, group label or row key), printed).
    #: tests/data/headers/headers.tsv records where each was printed.
    labels: tuple[tuple[str, str, str], ...] = ()
    #: Forms of the filled Shanghai 2025 决算 (tests/data/real: 宜川路街道, 石泉路街道, 文化和旅游局,
    #: 生态环境局): the tables (kinds) whose header row "类 | 款 | 项" is printed on the 合计 row
    #: ("类 | 款 | 项 | 合计 | 4,733.14 …", 生态环境局's 收入/支出决算表), and those whose
    #: 本年支出 sub-labels are printed on the 合计 row in place of its figures ("合计 | | |
    #: 105.00 | 合计 | 基本支出 | 项目支出 |", the 政府性基金 table of all four); the 基本支出
    #: table's codes as 类 | 款 cells ("301 | 01 | 基本工资", 生态环境局).
    class_heads_on_total: tuple[str, ...] = ()
    subheads_on_total: tuple[str, ...] = ()
    economic_parts: bool = False
    #: Tables (kinds) printing a header row "决算数" under every amount column (生态环境局's
    #: 收入/支出决算表).
    amount_heads: tuple[str, ...] = ()
    #: Relative width of the name column of the code-row tables and the summaries (None: the
    #: base's, where the names fit; narrower: a long name wraps in its cell over two or three
    #: lines, as in many published tables).
    name_width: float | None = None

    def label(self, kind: str, name: str, default: str | None = None) -> str:
        """The printed form of ``name`` in a table of ``kind`` (``default``, else ``name``,
        when the layout prints it as the template does)."""
        for k, n, printed in self.labels:
            if k == kind and n == name:
                return printed
        return name if default is None else default

    @property
    def unit(self) -> str | None:
        """The unit printed (None: the table's own)."""
        return "元" if self.scale == 10000 else None


# -- amounts ---------------------------------------------------------------------------------------


def _amount(value: Decimal | None, layout: Layout) -> str:
    """An amount as printed: its own digits (two decimals in the seed), ``layout.blank`` for
    None; scaled to 元, with thousands separators or in full-width digits as the layout says."""
    if value is None:
        return layout.blank
    v = value * layout.scale
    text = format(v, ",f" if layout.thousands else "f")
    return text.translate(_FULL_DIGITS) if layout.fullwidth else text


# -- grids: texts with merge markers -> a ruled reportlab Table ------------------------------------


def _spans(rows: Sequence[Sequence[Any]]) -> list[tuple[int, int, int, int]]:
    """(c0, r0, c1, r1) of every merged block: "<" joins the left cell, "^" the cell above."""
    n_rows, n_cols = len(rows), len(rows[0])
    out = []
    for r in range(n_rows):
        for c in range(n_cols):
            if rows[r][c] in (LEFT, UP):
                continue
            c1 = c
            while c1 + 1 < n_cols and rows[r][c1 + 1] == LEFT:
                c1 += 1
            r1 = r
            while r1 + 1 < n_rows and rows[r1 + 1][c] == UP:
                r1 += 1
            if (c1, r1) != (c, r):
                out.append((c, r, c1, r1))
    return out


def _cell_style(kind: str, size: float) -> ParagraphStyle:
    align = {"num": TA_RIGHT, "text": TA_LEFT}.get(kind, TA_CENTER)
    return _style(f"cell-{kind}-{size}", size, align, leading=size * 1.25)


#: Ruling of a table, by name: the TableStyle commands for a header of ``n`` rows.
_RULES: dict[str, Callable[[int], list[tuple[Any, ...]]]] = {
    "grid": lambda n: [("GRID", (0, 0), (-1, -1), 0.6, colors.black)],
    "three-line": lambda n: [
        ("LINEABOVE", (0, 0), (-1, 0), 1.0, colors.black),
        ("LINEBELOW", (0, n - 1), (-1, n - 1), 0.6, colors.black),
        ("LINEBELOW", (0, -1), (-1, -1), 1.0, colors.black),
    ],
    "none": lambda n: [],
}


def _grid(
    header: Sequence[Sequence[str]],
    body: Sequence[Sequence[str]],
    kinds: Sequence[str],
    widths: Sequence[float],
    avail: float,
    *,
    size: float = 9,
    repeat: bool = False,
    rules: str = "grid",
) -> Table:
    """A ruled table: header cells centred, body cells aligned by column kind.

    ``kinds`` per column: "text" (left), "num" (right), anything else centred.  Widths are
    relative and scaled to ``avail``; text wraps inside its cell.
    """
    rows = [list(r) for r in (*header, *body)]
    n_cols = len(kinds)
    assert all(len(r) == n_cols for r in rows), [len(r) for r in rows]
    scale = avail / sum(widths)
    col_widths = [w * scale for w in widths]
    spans = _spans(rows)
    span_width = {(c0, r0): sum(col_widths[c0 : c1 + 1]) for c0, r0, c1, _ in spans}
    head_style = _cell_style("head", size)
    body_styles = [_cell_style(k, size) for k in kinds]
    align = {"num": "RIGHT", "text": "LEFT"}
    style: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), FONT, size, size * 1.25),
        ("ALIGN", (0, 0), (-1, len(header) - 1), "CENTER"),
        *_RULES[rules](len(header)),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        # Without column rules a typesetter leaves a wider gutter (two characters at least).
        ("LEFTPADDING", (0, 0), (-1, -1), 3 if rules == "grid" else 1.5 * size),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3 if rules == "grid" else 1.5 * size),
    ]
    for c, kind in enumerate(kinds):
        style.append(("ALIGN", (c, len(header)), (c, -1), align.get(kind, "CENTER")))
    cells: list[list[Any]] = []
    for i, r in enumerate(rows):
        out: list[Any] = []
        for c, text in enumerate(r):
            room = span_width.get((c, i), col_widths[c]) - (6 if rules == "grid" else 3 * size)
            if text in (LEFT, UP):
                out.append("")
            elif pdfmetrics.stringWidth(text, FONT, size) <= room:
                out.append(text)  # fits on one line: a plain string is drawn much faster
            else:
                out.append(_p(text, head_style if i < len(header) else body_styles[c]))
        cells.append(out)
    style += [("SPAN", (c0, r0), (c1, r1)) for c0, r0, c1, r1 in spans]
    return Table(
        cells,
        colWidths=col_widths,
        style=TableStyle(style),
        repeatRows=len(header) if repeat else 0,
        hAlign="CENTER",
    )


# -- table headers and bodies, per kind and layout -------------------------------------------------

#: Printed column groups of the functional tables: (group label or None, printed sub-labels).
_GROUPS: dict[tuple[type, str], list[tuple[str | None, list[str]]]] = {
    (GeneralBudgetExpenditureTable, "seed"): [("本年支出", ["小计", "基本支出", "项目支出"])],
    (GovernmentFundTable, "seed"): [
        (None, ["年初结转和结余"]),
        (None, ["本年收入"]),
        ("本年支出", ["小计", "基本支出", "项目支出"]),
        (None, ["年末结转和结余"]),
    ],
    (GovernmentFundTable, "template"): [
        (None, ["年初结转和结余"]),
        (None, ["本年收入"]),
        ("本年支出", ["合计", "基本支出", "项目支出"]),
        (None, ["年末结转和结余"]),
    ],
    (StateCapitalTable, "seed"): [("本年支出", ["合计", "基本支出", "项目支出"])],
    # the 2023-on 08 table, printed as the 07 (the Shanghai 2025 决算 of tests/data/real)
    (StateCapitalIncomeTable, "template"): [
        (None, ["年初结转和结余"]),
        (None, ["本年收入"]),
        ("本年支出", ["合计", "基本支出", "项目支出"]),
        (None, ["年末结转和结余"]),
    ],
}

#: The "注：" line printed under each table (the seed's words).
_NOTES = {
    IncomeExpenditureSummary.KIND: "注：本表反映部门本年度的总收支和年末结转结余情况。",
    IncomeTable.KIND: "注：本表反映部门本年度取得的各项收入情况。",
    ExpenditureTable.KIND: "注：本表反映部门本年度各项支出情况。",
    FiscalAppropriationSummary.KIND: (
        "注：本表反映部门本年度一般公共预算财政拨款、政府性基金预算财政拨款和国有资本经营预算"
        "财政拨款的总收支和年末结转结余情况。"
    ),
    GeneralBudgetExpenditureTable.KIND: "注：本表反映部门本年度一般公共预算财政拨款支出情况。",
    BasicExpenditureDetail.KIND: "注：本表反映部门本年度一般公共预算财政拨款基本支出明细情况。",
    GovernmentFundTable.KIND: (
        "注：本表反映部门本年度政府性基金预算财政拨款收入、支出及结转和结余情况。"
    ),
    StateCapitalTable.KIND: "注：本表反映部门本年度国有资本经营预算财政拨款支出情况。",
    ThreePublicTable.KIND: "注：本表反映部门本年度“三公”经费支出预决算情况。",
    DisclosureInfoTable.KIND: ("注：本表反映部门本年度政府采购、机关运行经费和国有资产占用情况。"),
}


class _Block:
    """A table's printed grid: header rows, body rows, column kinds and relative widths."""

    def __init__(
        self,
        header: list[list[str]],
        body: list[list[str]],
        kinds: list[str],
        widths: list[float],
        size: float = 9,
    ) -> None:
        self.header, self.body, self.kinds, self.widths, self.size = (
            header, body, kinds, widths, size,
        )  # fmt: skip


def _code_cells(code: str, name: str, layout: Layout) -> list[str]:
    """The code and name cells of a row, as ``layout.codes`` says: one code cell ("2010350"),
    three (类 款 项: "201" "03" "50"), or none, the code printed in the name's cell
    ("2010350 事业运行").  With ``layout.indent`` the name is indented by its level (two
    full-width spaces a level below the 类, as Excel exports indent "  行政运行")."""
    if layout.indent:
        name = "\u3000" * (2 * (len(code) - 3) // 2) + name
    if layout.codes == "cell":
        return [f"{code} {name}"]
    if layout.codes == "three":
        return [code[:3], code[3:5], code[5:7], name]
    return [code, name]


_CODE_HEADS = {
    "one": [["项目", LEFT], ["科目代码", "科目名称"]],
    "three": [["项目", LEFT, LEFT, LEFT], ["功能分类科目编码", LEFT, LEFT, "科目名称"],
              ["类", "款", "项", UP]],
    "cell": [["项目"], ["科目编码及名称"]],
}  # fmt: skip
_CODE_WIDTHS = {"one": [56, 150], "three": [28, 22, 22, 150], "cell": [200]}


#: The column each optional ("其中") column is printed right after, as the older forms print
#: them (基本支出 小计 | 人员经费 | 公用经费; 财政拨款收入 小计 | 其中：政府性基金预算财政拨款).
_PRINTED_AFTER = {
    "人员经费": "基本支出",
    "公用经费": "人员经费",
    "政府性基金预算财政拨款": "财政拨款收入",
    "教育收费": "事业收入",
}


def _printed_optional(t: GovTable) -> list[str]:
    """The optional columns outside ``COLUMNS`` that a row of ``t`` holds (printed)."""
    return [c for c in t.extra_columns() if any(c in r.values for r in t.rows)]


def _with_optional(names: list[str], optional: list[str], model: list[str]) -> list[str]:
    """``names`` (printed labels of ``model`` columns, in order) with each optional column
    inserted right after the column it is printed after (:data:`_PRINTED_AFTER`)."""
    out = list(zip(model, names, strict=True))
    for c in optional:
        at = next(i for i, (m, _) in enumerate(out) if m == _PRINTED_AFTER[c])
        out.insert(at + 1, (c, c))
    return [n for _, n in out]


def _optional_groups(
    groups: list[tuple[str | None, list[str]]], model: list[str], optional: list[str]
) -> list[tuple[str | None, list[str]]]:
    """``groups`` (their sub-labels standing for the ``model`` columns in order) with each
    optional column placed after the column it is printed after: inside that column's group
    (under 本年支出), or a column of its own beside an ungrouped one."""
    placed: list[tuple[int, str, str]] = []  # (group, model column, sub-label)
    flat = [(g, sub) for g, (_, subs) in enumerate(groups) for sub in subs]
    placed = [(g, m, sub) for (g, sub), m in zip(flat, model, strict=True)]
    extra = len(groups)
    for c in optional:
        at = next(i for i, (_, m, _s) in enumerate(placed) if m == _PRINTED_AFTER[c])
        g = placed[at][0]
        if g >= len(groups) or groups[g][0] is None:
            g, extra = extra, extra + 1
        placed.insert(at + 1, (g, c, c))
    out: list[tuple[str | None, list[str]]] = []
    seen: dict[int, int] = {}
    for g, _m, sub in placed:
        if g not in seen:
            seen[g] = len(out)
            out.append((groups[g][0] if g < len(groups) else None, []))
        out[seen[g]][1].append(sub)
    return out


def _functional(t: FunctionalTable, layout: Layout) -> _Block:
    optional = _printed_optional(t)
    cols = _with_optional(list(t.COLUMNS), optional, list(t.COLUMNS))
    groups = _GROUPS.get((type(t), layout.base)) or [(None, [c]) for c in t.COLUMNS]
    if optional:
        groups = _optional_groups(groups, list(t.COLUMNS), optional)
    n_code = len(_CODE_WIDTHS[layout.codes]) - 1
    head = [list(row) for row in _CODE_HEADS[layout.codes]]
    for label, subs in groups:
        subs = [layout.label(t.KIND, c) for c in subs]
        if label is None:
            head[0].append(subs[0])
            for row in head[1:]:
                row.append(UP)
            continue
        head[0] += [layout.label(t.KIND, label), *[LEFT] * (len(subs) - 1)]
        head[1] += subs
        for row in head[2:]:
            row += [UP] * len(subs)
    if layout.base == "seed":
        head.append(["栏次", *[LEFT] * n_code, *[str(i) for i in range(1, len(cols) + 1)]])
    # The sub-labels of the groups printed on the 合计 row: their header cells left blank.
    on_total: dict[int, str] = {}  # column index (among cols) -> sub-label
    if t.KIND in layout.subheads_on_total:
        first = 0
        for label, subs in groups:
            if label is not None:
                on_total.update({first + k: sub for k, sub in enumerate(subs)})
                for k in range(len(subs)):
                    head[1][1 + n_code + first + k] = ""
            first += len(subs)
    class_row = layout.codes == "three" and t.KIND in layout.class_heads_on_total
    if class_row:
        assert head[-1][:3] == ["类", "款", "项"]
        head.pop()
    if t.KIND in layout.amount_heads:
        head.append([*[UP] * (n_code + 1), *["决算数"] * len(cols)])
    body, totals = [], []
    for r in t.rows:
        amounts = [_amount(r.values.get(c), layout) for c in cols]
        if r.code is None:
            target = body if layout.totals == "in-place" else totals
            if r.key == "合计" and on_total:
                if any(r.values.get(cols[k]) is not None for k in on_total):
                    raise ValueError(f"{t.KIND}: 合计 has figures where the form prints labels")
                amounts = [on_total.get(k, a) for k, a in enumerate(amounts)]
            if class_row and r.key == "合计":
                target.append(["类", "款", "项", r.name or r.key, *amounts])
            else:
                target.append([r.name or r.key, *[LEFT] * n_code, *amounts])
        else:
            body.append([*_code_cells(r.code, r.name, layout), *amounts])
    # The template prints 合计 first in most tables, last in the 一般公共预算财政拨款支出决算表.
    if layout.totals == "last" or (
        layout.totals == "template" and isinstance(t, GeneralBudgetExpenditureTable)
    ):
        body = body + totals
    else:
        body = totals + body
    if class_row and body and body[0][:3] != ["类", "款", "项"]:
        # the header's last row printed on the 合计 row: only where 合计 comes right under it
        raise ValueError(f"{t.KIND}: 类 | 款 | 项 on the 合计 row needs 合计 printed first")
    kinds = ["code"] * n_code + ["text"] + ["num"] * len(cols)
    code_widths = _CODE_WIDTHS[layout.codes]
    widths = [*code_widths[:-1], layout.name_width or code_widths[-1], *[62] * len(cols)]
    return _Block(head, body, kinds, widths)


def _summary(t: IncomeExpenditureSummary | FiscalAppropriationSummary, layout: Layout) -> _Block:
    """Two sides: income lines on the left, expenditure by 类 on the right, totals aligned."""
    income_keys = set(t.INCOME_ROWS)
    left = [r for r in t.rows if r.key in income_keys]
    right = [r for r in t.rows if r.key not in income_keys]
    exp_cols = list(
        t.EXPENDITURE_COLUMNS if isinstance(t, FiscalAppropriationSummary) else ("金额",)
    )
    # An optional column no expenditure row holds is not printed (the 2019 form of 公开04 has
    # no 国有资本经营预算财政拨款 column).
    exp_cols = [c for c in exp_cols
                if c not in t.OPTIONAL_COLUMNS or any(c in r.values for r in right)]
    split = next((i for i, r in enumerate(left) if r.key == "本年收入合计"), len(left))
    top_l, bottom_l = left[:split], left[split:]
    top_r = [r for r in right if r.code is not None]
    bottom_r = [r for r in right if r.code is None]
    n_top = max(len(top_l), len(top_r))
    # Bottom: first with first (本年收入合计 | 本年支出合计), last with last (总计 | 总计).
    n_bottom = max(len(bottom_l), len(bottom_r))

    def align(rows: list[Any], n: int) -> list[Any]:
        if len(rows) < 2 or len(rows) == n:
            return rows + [None] * (n - len(rows))
        return rows[:-1] + [None] * (n - len(rows)) + rows[-1:]

    pairs = list(
        zip(
            top_l + [None] * (n_top - len(top_l)) + align(bottom_l, n_bottom),
            top_r + [None] * (n_top - len(top_r)) + align(bottom_r, n_bottom),
            strict=True,
        )
    )
    seed = layout.base == "seed"
    # Ordinals: 一、… before the income lines and the 类 rows (and, in the template, before the
    # split of the opening balance of 公开04).
    ordinal: dict[int, str] = {}
    for seq in (top_l, top_r):
        for k, r in enumerate(seq, 1):
            ordinal[id(r)] = f"{_numeral(k)}、"
    if not seed:
        split_rows = [
            r for r in bottom_l if r.key.startswith("年初") and r.key != "年初财政拨款结转和结余"
        ]
        if isinstance(t, FiscalAppropriationSummary):
            for k, r in enumerate(split_rows, 1):
                ordinal[id(r)] = f"{_numeral(k)}、"

    def label(r: Any) -> str:
        if r is None:
            return ""
        return ordinal.get(id(r), "") + layout.label(t.KIND, r.key, r.name or r.key)

    n = len(pairs)
    body = []
    for i, (lr, rr) in enumerate(pairs):
        l_cells = [label(lr)]
        r_cells = [label(rr)]
        if seed:
            l_cells.append(str(i + 1))
            r_cells.append(str(n + i + 1))
        l_cells.append("" if lr is None else _amount(lr.values.get("金额"), layout))
        r_cells += ["" if rr is None else _amount(rr.values.get(c), layout) for c in exp_cols]
        body.append(l_cells + r_cells)
    amount = "金额" if seed else "决算数"
    exp_heads = exp_cols if len(exp_cols) > 1 else [amount]
    if seed:
        n_l, n_r = 3, 2 + len(exp_cols)
        head = [
            ["收入", LEFT, LEFT, "支出", *[LEFT] * (n_r - 1)],
            ["项目", "行次", amount, "项目", "行次", *exp_heads],
            ["栏次", "", "1", "栏次", "", *[str(i) for i in range(2, len(exp_cols) + 2)]],
        ]
        kinds = ["text", "line", "num", "text", "line", *["num"] * len(exp_cols)]
        # without rules the gutters take room: a 行次 column wide enough for "60" all the same
        # (a two-digit 行次 is never broken over two lines in a real document)
        line = 30 if layout.rules == "grid" else 48
        w = layout.name_width or 150
        widths = [w, line, 62, w, line, *[62] * len(exp_cols)]
    else:
        n_l, n_r = 2, 1 + len(exp_cols)
        head = [
            ["收入", LEFT, "支出", *[LEFT] * (n_r - 1)],
            ["项目", amount, "项目", *exp_heads],
        ]
        kinds = ["text", "num", "text", *["num"] * len(exp_cols)]
        w = layout.name_width or 150
        widths = [w, 62, w, *[62] * len(exp_cols)]
    assert len(head[0]) == n_l + n_r
    return _Block(head, body, kinds, widths)


def _detail(t: BasicExpenditureDetail, layout: Layout, personnel: tuple[str, ...]) -> _Block:
    """公开06: the seed prints four (code, name, amount) blocks side by side, the template two."""
    totals = {t.PERSONNEL_TOTAL, t.PUBLIC_TOTAL}
    coded = [r for r in t.rows if r.key not in totals]
    staff = [r for r in coded if (r.code or r.key)[:3] in personnel]
    other = [r for r in coded if (r.code or r.key)[:3] not in personnel]
    if layout.base == "seed":
        size = max(len(staff), -(-len(other) // 3))
        groups = [staff] + [other[k * size : (k + 1) * size] for k in range(3)]
    else:
        size = max(len(staff), len(other))
        groups = [staff, other]
    n_groups = len(groups)
    parts = layout.economic_parts and layout.base != "seed"  # codes as 类 | 款 cells
    width = 4 if parts else 3  # cells of a block

    def code_cells(r: Any) -> list[str]:
        code = r.code or r.key
        return [code[:3], code[3:]] if parts else [code]

    body = []
    for i in range(size):
        cells: list[str] = []
        for g in groups:
            if i < len(g):
                r = g[i]
                cells += [*code_cells(r), r.name, _amount(r.values.get("决算数"), layout)]
            else:
                cells += [""] * width
        body.append(cells)
    staff_total, public_total = t.get(t.PERSONNEL_TOTAL), t.get(t.PUBLIC_TOTAL)
    if staff_total is not None or public_total is not None:
        line = [""] * (width * n_groups)
        if staff_total is not None:
            line[0:width] = [staff_total.name or staff_total.key, *[LEFT] * (width - 2),
                             _amount(staff_total.values.get("决算数"), layout)]  # fmt: skip
        if public_total is not None:
            line[width] = public_total.name or public_total.key
            line[width + 1 : -1] = [LEFT] * (width * n_groups - width - 2)
            line[-1] = _amount(public_total.values.get("决算数"), layout)
        body.append(line)
    if layout.base == "seed":
        head = [
            ["人员经费", LEFT, LEFT, "公用经费", *[LEFT] * (3 * n_groups - 4)],
            ["科目代码", "科目名称", "决算数"] * n_groups,
        ]
    elif parts:
        head = [["经济分类科目编码", LEFT, "科目名称", "决算数"] * n_groups,
                ["类", "款", UP, UP] * n_groups]  # fmt: skip
    else:
        head = [["经济分类科目编码", "科目名称", "决算数"] * n_groups]
    kinds = (["code", "code", "text", "num"] if parts else ["code", "text", "num"]) * n_groups
    # without rules the gutters take room: a code column wide enough for "30101" and a 决算数
    # column for "308.72" all the same (an amount is never broken over two lines)
    code_widths = [28, 22] if parts else [44 if layout.rules == "grid" else 64]
    amount_width = 52 if layout.rules == "grid" else 64
    widths = [*code_widths, 110, amount_width] * n_groups
    return _Block(head, body, kinds, widths, size=8 if n_groups > 2 else 9)


def _three_public(t: ThreePublicTable, layout: Layout) -> _Block:
    optional = _printed_optional(t)  # 会议费, 培训费: printed after 公务接待费
    cols = [*t.COLUMNS, *optional]
    n = len(cols)
    budget, actual = t.get(t.BUDGET), t.get(t.ACTUAL)

    def values(r: Any) -> list[str]:
        return [_amount(None if r is None else r.values.get(c), layout) for c in cols]

    printed = [layout.label(t.KIND, c) for c in cols]
    names = ["合计", printed[1], printed[2], LEFT, LEFT, printed[5], *printed[6:]]
    subs = [UP, UP, "小计", printed[3], printed[4], UP, *[UP] * len(optional)]
    if layout.base == "seed":
        head = [
            [t.BUDGET, *[LEFT] * (n - 1), t.ACTUAL, *[LEFT] * (n - 1)],
            names * 2,
            subs * 2,
            [str(i) for i in range(1, 2 * n + 1)],
        ]
        body = [values(budget) + values(actual)] if t.rows else []
    else:
        pair = [LEFT]
        head = [
            ["财政拨款“三公”经费", *[LEFT] * (2 * n - 1)],
            [x for name in names for x in ([name, *pair] if name != LEFT else [LEFT, LEFT])],
            [x for s in subs for x in ([s, UP] if s == UP else [s, LEFT])],
            [t.BUDGET, t.ACTUAL] * n,
        ]
        b, a = values(budget), values(actual)
        body = [[x for pair_ in zip(b, a, strict=True) for x in pair_]] if t.rows else []
    return _Block(head, body, ["num"] * 2 * n, [1] * 2 * n, size=8.5 if n == 6 else 7)


_INFO_SECTIONS = (
    ("一、政府采购情况", DisclosureInfoTable.PROCUREMENT_ROWS),
    ("二、机关运行经费", DisclosureInfoTable.RUNNING_COST_ROWS),
    ("三、国有资产占用情况", DisclosureInfoTable.COUNT_ROWS),
)
#: Printed prefixes of the 公开10表 lines (as in the seed).
_INFO_PREFIX = {
    "行政单位": "(一) ",
    "参照公务员法管理事业单位": "(二) ",
    "车辆数合计": "(一) ",
    **{u: f"{k}. " for k, u in enumerate(DisclosureInfoTable.VEHICLE_USES, 1)},
    "单价100万元（含）以上设备": "(二) ",
}


def _info(t: DisclosureInfoTable, layout: Layout) -> _Block:
    body: list[list[str]] = []
    head: list[list[str]] = []
    section = None
    for n, r in enumerate(t.rows, 1):
        title = next((s for s, keys in _INFO_SECTIONS if r.key in keys), None)
        if title != section and title is not None:
            section = title
            target = head if not head and not body else body
            target += [[title, LEFT, LEFT], ["项目", "行次", "统计数"]]
        label = _INFO_PREFIX.get(r.key, "") + (r.name or r.key)
        body.append([label, str(n), _amount(r.values.get("统计数"), layout)])
    if not head:
        head = [["项目", "行次", "统计数"]]
    return _Block(head, body, ["text", "line", "num"], [260, 50, 100])


def _block(t: GovTable, layout: Layout, personnel: tuple[str, ...]) -> _Block:
    if isinstance(t, FunctionalTable):
        return _functional(t, layout)
    if isinstance(t, (IncomeExpenditureSummary, FiscalAppropriationSummary)):
        return _summary(t, layout)
    if isinstance(t, BasicExpenditureDetail):
        return _detail(t, layout, personnel)
    if isinstance(t, ThreePublicTable):
        return _three_public(t, layout)
    if isinstance(t, DisclosureInfoTable):
        return _info(t, layout)
    raise TypeError(f"no PDF layout for table kind {type(t).__name__}")


# -- page layout: orientation and order per layout -------------------------------------------------

_LANDSCAPE = {
    "seed": (IncomeTable, ExpenditureTable, FiscalAppropriationSummary, BasicExpenditureDetail,
             GovernmentFundTable, ThreePublicTable),
    "template": (IncomeTable, ExpenditureTable, FiscalAppropriationSummary, ThreePublicTable,
                 GovernmentFundTable, StateCapitalTable, StateCapitalIncomeTable),
}  # fmt: skip

#: The template's order of kinds (tables of other kinds follow in their own order).
_TEMPLATE_ORDER = (
    IncomeExpenditureSummary,
    IncomeTable,
    ExpenditureTable,
    FiscalAppropriationSummary,
    GeneralBudgetExpenditureTable,
    BasicExpenditureDetail,
    ThreePublicTable,
    GovernmentFundTable,
    StateCapitalTable,
)


def _ordered(tables: Iterable[GovTable], layout: Layout) -> list[GovTable]:
    tables = list(tables)
    if layout.base != "template":
        return tables

    def rank(t: GovTable) -> int:
        return next(
            (i for i, cls in enumerate(_TEMPLATE_ORDER) if isinstance(t, cls)), len(_TEMPLATE_ORDER)
        )

    return sorted(tables, key=rank)  # stable: tables of one rank keep their order


# -- the document ----------------------------------------------------------------------------------


class _TocLine(Flowable):
    """One line of the 目录: text, leader dots, page number at the right margin."""

    def __init__(self, text: str, page: int | None, indent: float) -> None:
        super().__init__()
        self.text, self.page, self.indent = text, page, indent

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, 20

    def draw(self) -> None:
        c = self.canv
        c.setFont(FONT, 11)
        c.drawString(self.indent, 5, self.text)
        number = "" if self.page is None else str(self.page)
        c.drawRightString(self.width, 5, number)
        start = self.indent + pdfmetrics.stringWidth(self.text, FONT, 11) + 4
        end = self.width - pdfmetrics.stringWidth(number, FONT, 11) - 4
        dots = int((end - start) // pdfmetrics.stringWidth(".", FONT, 11))
        if dots > 0:
            c.drawString(start, 5, "." * dots)


class _Doc(BaseDocTemplate):
    """Records the page of every flowable that carries a ``toc_key``."""

    def __init__(self, path: str, footer: Callable[[int], str], **kw: Any) -> None:
        self.pages_of: dict[str, int] = {}
        self._footer = footer
        super().__init__(path, **kw)
        self.addPageTemplates(
            [self._template("portrait", A4), self._template("landscape", landscape(A4))]
        )

    def _template(self, name: str, size: tuple[float, float]) -> PageTemplate:
        frame = Frame(
            _MARGIN, _MARGIN, size[0] - 2 * _MARGIN, size[1] - 2 * _MARGIN,
            leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id=name,
        )  # fmt: skip
        return PageTemplate(id=name, frames=[frame], onPage=self._foot, pagesize=size)

    def _foot(self, canvas: Any, doc: Any) -> None:
        page = canvas.getPageNumber()
        if page == 1:  # the cover
            return
        canvas.saveState()
        canvas.setFont(FONT, 9)
        canvas.drawCentredString(canvas._pagesize[0] / 2, _MARGIN / 2, self._footer(page - 1))
        canvas.restoreState()

    def afterFlowable(self, flowable: Flowable) -> None:
        key = getattr(flowable, "toc_key", None)
        if key is not None:
            self.pages_of.setdefault(key, self.page - 1)


def _marked(flowable: Flowable, key: str) -> Flowable:
    flowable.toc_key = key  # type: ignore[attr-defined]
    return flowable


def _width(orientation: str) -> float:
    size = A4 if orientation == "portrait" else landscape(A4)
    return size[0] - 2 * _MARGIN


class _Story:
    """The flowables of a document, with its page orientation and table of contents."""

    def __init__(self) -> None:
        self.items: list[Flowable] = []
        self.toc: list[tuple[int, str, str]] = []  # (level, text, key)
        self.orientation = "portrait"
        #: Where the 目录 lines go in :attr:`items`.
        self.toc_at = 0

    def new_page(self, orientation: str) -> None:
        self.items += [NextPageTemplate(orientation), PageBreak()]
        self.orientation = orientation

    def entry(self, level: int, text: str, flowable: Flowable) -> None:
        key = f"toc{len(self.toc)}"
        self.toc.append((level, text, key))
        self.items.append(_marked(flowable, key))

    @property
    def width(self) -> float:
        return _width(self.orientation)


def _cover(d: Disclosure) -> list[Flowable]:
    title, department = d.title, d.department
    lines: list[str] = []
    if title and department and title.startswith(department) and len(title) > len(department):
        lines = [department, title[len(department) :]]
    else:
        lines = [x for x in (title, department) if x]
    if d.year is not None and not any(f"{d.year}年度" in x for x in lines):
        lines.append(f"{d.year}年度")
    out: list[Flowable] = [Spacer(1, 200)]
    for x in lines:
        out += [_p(x, _COVER), Spacer(1, 24)]
    return out


def _table_front(t: GovTable, layout: Layout, width: float, d: Disclosure) -> list[Flowable]:
    m = t.meta
    title = m.title or t.KIND
    if layout.titled:
        # A table whose text printed no department or year line takes the document's (a real
        # 决算's tables print neither: the cover says them once).
        title = f"{m.department or d.department or ''}{m.year or d.year or ''}年度{title}"
    out: list[Flowable] = [_p(title, _TITLE)]
    if m.number:
        out.append(_p(m.number, _SMALL_RIGHT))
    unit = layout.unit_label + (layout.unit or m.unit.value)
    cells = [
        _p(f"部门名称：{m.department}" if m.department else "", _style("l", 9.5)),
        _p(f"{m.year}年度" if m.year is not None else "", _style("c", 9.5, TA_CENTER)),
        _p(unit, _style("r", 9.5, TA_RIGHT)),
    ]
    line = Table([cells], colWidths=[width * 0.5, width * 0.2, width * 0.3])
    line.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0),
                              ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))  # fmt: skip
    return [*out, line, Spacer(1, 4)]


def _evaluation(e: ProjectEvaluation, width: float) -> list[Flowable]:
    """One 项目支出绩效自评表 as a ruled form of 11 columns."""

    def money(v: Decimal | None) -> str:
        return "" if v is None else format(v, "f")

    def with_code(code: str | None, name: str | None) -> str:
        return f"{code}-{name}" if code and name else (code or name or "")

    rows: list[list[str]] = [
        ["项目名称", LEFT, e.project, *[LEFT] * 8],
        ["主管部门及代码", LEFT, with_code(e.department_code, e.department), LEFT, LEFT,
         "预算单位", with_code(e.budget_unit_code, e.budget_unit), *[LEFT] * 4],
        ["项目资金预算安排及执行进度(万元)", "", "年初预算数", LEFT, "全年预算数", "全年执行数",
         "资金结(转)余", "执行率", "得分", "偏差原因", LEFT],
        [UP, UP, "目标申报数", "预算编制数", UP, UP, UP, UP, UP, UP, UP],
    ]  # fmt: skip
    for f in e.funds:
        label = f"{f.source}:" if f.is_total else f.source
        amounts = [money(x) for x in (f.declared, f.initial_budget, f.annual_budget, f.executed,
                                      f.balance, f.rate, f.score)]  # fmt: skip
        rows.append([UP, label, *amounts, f.deviation, LEFT])
    rows += [
        ["项目年度绩效目标", "年度目标", *[LEFT] * 4, "实际完成情况", *[LEFT] * 4],
        [UP, e.goal, *[LEFT] * 4, e.achieved, *[LEFT] * 4],
        ["绩效指标", "一级指标", "二级指标", "三级指标", "年初指标值", "调整后指标值", "实际完成值",
         "定性指标情况说明", "分值", "得分", "偏差原因分析及改进措施"],
    ]  # fmt: skip
    previous = None
    for i in e.indicators:
        level1 = UP if i.level1 == previous else i.level1
        previous = i.level1
        rows.append([UP, level1, i.level2, i.level3, i.initial_value, i.target, i.actual, i.note,
                     money(i.weight), money(i.score), i.reason])  # fmt: skip
    rows.append(["总分", *[LEFT] * 8, money(e.total_score), e.grade or ""])
    for k, p in enumerate(e.analysis):
        rows.append(["项目绩效分析" if k == 0 else UP, p.heading, p.text, *[LEFT] * 8])
    kinds = ["head", "text", *["center"] * 8, "text"]
    widths = [62, 62, 62, 62, 62, 62, 66, 70, 46, 46, 130]
    # The first four rows are the form's head; a form is never split, so nothing repeats.
    table = _grid(rows[:4], rows[4:], kinds, widths, width, size=8.5)
    out: list[Flowable] = [_p(f"{e.project}项目支出绩效自评表", _TITLE)]
    if e.year is not None:
        out.append(_p(f"({e.year}年度)", _style("year", 10, TA_CENTER, spaceAfter=6)))
    return [*out, table]


def _story(d: Disclosure, layout: Layout, personnel: tuple[str, ...]) -> _Story:
    from govfin.readers.narrative import PART_HEADING

    s = _Story()
    s.items += _cover(d)
    # The 目录 (its page numbers are filled in on the second pass).
    s.new_page("portrait")
    s.items.append(_p("目 录", _TITLE))
    s.items.append(Spacer(1, 10))
    s.toc_at = len(s.items)
    year = f"{d.year}年度" if d.year is not None else ""
    tables = _ordered(d.tables, layout)
    if tables:
        for k, t in enumerate(tables):
            wide = layout.landscape or isinstance(t, _LANDSCAPE[layout.base])
            orientation = "landscape" if wide else "portrait"
            s.new_page(orientation)
            if k == 0:
                s.entry(0, f"第二部分 {year}部门决算表", _p(f"第二部分 {year}部门决算表", _PART))
            block = _block(t, layout, personnel)
            front = _table_front(t, layout, s.width, d)
            title = f"{_numeral(k + 1)}、{t.meta.title or t.KIND}"
            s.entry(1, title, front[0])
            s.items += front[1:]
            s.items.append(
                _grid(block.header, block.body, block.kinds, block.widths, s.width,
                      size=block.size, repeat=layout.repeat, rules=layout.rules)
            )  # fmt: skip
            if t.KIND in _NOTES:
                s.items.append(_p(_NOTES[t.KIND], _NOTE))
            if t.meta.empty_note:
                s.items.append(_p(f"说明：{t.meta.empty_note}", _NOTE))
    sections = d.narrative.sections
    opened = False
    for sec in sections:
        if PART_HEADING.match(sec.heading):
            s.new_page("portrait")
            s.entry(0, sec.heading, _p(sec.heading, _PART))
            opened = True
        else:
            if not opened:
                s.new_page("portrait")
                part = (
                    "第三部分 情况说明"
                    if layout.base == "seed"
                    else f"第三部分 {d.department or ''}{year}部门决算情况说明"
                )
                s.entry(0, part, _p(part, _PART))
                opened = True
            s.entry(1, sec.heading, _p(sec.heading, _HEADING))
        s.items += [_p(line, _BODY) for line in sec.text.split("\n") if line.strip()]
    if d.narrative.glossary:
        s.items.append(Spacer(1, 12))
        s.entry(0, "第四部分 名词解释", _p("第四部分 名词解释", _PART))
        s.items += [_p(line, _BODY) for line in d.narrative.glossary.split("\n") if line.strip()]
    if d.evaluations:
        for k, e in enumerate(d.evaluations):
            s.new_page("landscape")
            if k == 0:
                s.entry(0, "第五部分 附件", _p("第五部分 附件", _PART))
            s.items += _evaluation(e, s.width)
    return s


#: The two layouts of the module docstring.
_SEED = Layout("seed")
_TEMPLATE = Layout(
    "template", base="template", codes="three", totals="template", thousands=True, repeat=True,
    unit_label="单位：", footer="{}",
)  # fmt: skip

#: More printed forms of real published 决算 PDFs, each on the seed's or the template's tables
#: (as published 决算/预算 PDFs print them, tests/data/pdf and its README).
VARIANTS: dict[str, Layout] = {
    v.name: v
    for v in (
        # Amounts in 元 with two decimals and thousands separators ("单位：元"), as the Shanghai
        # 部门预算 and many 决算 exported from the 财政 system; pages "第N页".
        attrs.evolve(_TEMPLATE, name="yuan", scale=Decimal(10000), footer="第{}页"),
        # No ruling at all (a text-only layout: columns are only gaps), names indented by level,
        # blank cells printed "-"; the header printed again on every page.
        Layout("plain", rules="none", indent=True, blank="-", repeat=True, landscape=True),
        # A 三线表 (rules above and below the header and below the last row), the code and the
        # name in one cell ("2010350 事业运行"), 合计 last, blank cells "—", titles with the
        # department and year ("XX局2024年度收入支出决算总表").
        Layout("three-line", rules="three-line", codes="cell", totals="last", blank="—",
               titled=True, unit_label="单位：", footer="{}"),
        # Every table on a landscape page, codes in three columns, 合计 first, blank cells "—",
        # titles with the department and year ("XX局2024年度收入决算表"), "第N页".
        Layout("landscape", codes="three", totals="first", landscape=True, thousands=True,
               blank="—", titled=True, footer="第{}页"),
        # Blank cells printed "0.00" (as Excel exports of the 财政 system print every empty
        # cell), codes in three columns, 合计 last, "第N页".
        Layout("zeros", blank="0.00", codes="three", totals="last", footer="第{}页"),
        # Full-width digits in the amounts ("３４０．１８"), as some WPS exports print them; the
        # code and the name in one cell, indented by level; blank cells "-"; the
        # header repeated on every page.
        Layout("fullwidth", fullwidth=True, codes="cell", indent=True, blank="-", repeat=True),
    )
}

_T01, _T04 = IncomeExpenditureSummary.KIND, FiscalAppropriationSummary.KIND
_T07, _T09 = GovernmentFundTable.KIND, ThreePublicTable.KIND
#: The balances printed without 和 (as the brief's regions print them; headers.tsv).
_WITHOUT_HE = (
    (_T01, "年末结转和结余", "年末结转结余"),
    (_T07, "年初结转和结余", "年初结转结余"),
    (_T07, "年末结转和结余", "年末结转结余"),
)
#: 公开04 printing its lines as 公开01 does: the appropriations with 收入, the balances
#: without 财政拨款.
_04_AS_01 = (
    *((_T04, c, f"{c}收入") for c in FiscalAppropriationSummary.EXPENDITURE_COLUMNS[1:]),
    (_T04, "年初财政拨款结转和结余", "年初结转和结余"),
    (_T04, "年末财政拨款结转和结余", "年末结转和结余"),
)
#: The 三公 names before 运行维护费 (2022 and earlier forms).
_OLDER_VEHICLES = (
    (_T09, "公务用车购置及运行维护费", "公务用车购置及运行费"),
    (_T09, "公务用车运行维护费", "公务用车运行费"),
)

#: Layouts printing the headers and line labels of other regions and years (each label as
#: recorded in tests/data/headers/headers.tsv); tests/test_pdf_variants.py reads each back to
#: the seed's figures, every line under its own key.
HEADINGS: dict[str, Layout] = {
    v.name: v
    for v in (
        # The seed's form (行次, 栏次) with the opening balance named 上年结转和结余 (a 2020
        # 决算's 名词解释; a Guangxi 2023 决算), the balances without 和, the older 三公 names.
        Layout("older-names", labels=(
            (_T01, "年初结转和结余", "上年结转和结余"), *_WITHOUT_HE, *_OLDER_VEHICLES)),
        # The Shanghai template (决算数, no 行次, codes in three columns, 三公 7th) with 公开04
        # printing its lines as 公开01 does, and 01's opening balance without 和.
        attrs.evolve(_TEMPLATE, name="04-as-01", labels=(
            *_04_AS_01, (_T01, "年初结转和结余", "年初结转结余"))),
        # Thousands separators, the code and the name in one cell, every balance and 三公 name in
        # its other printed form, the 07's 本年支出 over 合计 (as the Shanghai template).
        Layout("every-other-name", codes="cell", thousands=True, unit_label="单位：",
               labels=(*_WITHOUT_HE, *_04_AS_01, *_OLDER_VEHICLES,
                       (_T07, "小计", "合计"))),
    )
}
#: Layouts printing the optional ("其中") columns of other years' forms under their printed
#: labels (tests/data/headers/headers.tsv), for a Disclosure whose tables hold them
#: (tests/test_years9_pdf.py): 基本支出 | 其中：人员经费 | 公用经费, 财政拨款收入 | 其中：政府性基金预算
#: 财政拨款, 事业收入 | 其中：教育收费, and 会议费 / 培训费 after the 三公.
_QIZHONG = (
    *((k, "人员经费", "其中：人员经费") for k in (ExpenditureTable.KIND,
                                              GeneralBudgetExpenditureTable.KIND)),
    (IncomeTable.KIND, "政府性基金预算财政拨款", "其中：政府性基金预算财政拨款"),
    (IncomeTable.KIND, "教育收费", "其中：教育收费"),
)
OPTIONAL_LAYOUTS: dict[str, Layout] = {
    v.name: v
    for v in (
        # The seed's form (行次, 栏次, one code column) with the older names of the 三公.
        Layout("qizhong-seed", labels=(*_QIZHONG, *_OLDER_VEHICLES)),
        # The Shanghai template (决算数, codes in three columns, 三公 7th, 预算数/决算数 under
        # each expense, thousands separators).
        attrs.evolve(_TEMPLATE, name="qizhong-template", labels=_QIZHONG),
    )
}
#: The forms the filled Shanghai 2025 决算 of tests/data/real print (each as its text keeps
#: it, tests/data/real/README.md): the template with 类 | 款 | 项 on the 合计 row of the
#: 收入/支出决算表 (生态环境局), the 本年支出 sub-labels on the 合计 row of the 政府性基金 and
#: 国有资本经营 tables (all four), the 基本支出 table's codes as 类 | 款 cells and a row of
#: "决算数" under the 收入/支出决算表's columns (生态环境局).
REAL_FORMS: dict[str, Layout] = {
    v.name: v
    for v in (
        attrs.evolve(
            _TEMPLATE, name="sh-2025",
            class_heads_on_total=(IncomeTable.KIND, ExpenditureTable.KIND),
            subheads_on_total=(GovernmentFundTable.KIND, StateCapitalIncomeTable.KIND),
            economic_parts=True,
            amount_heads=(IncomeTable.KIND, ExpenditureTable.KIND),
        ),
    )
}  # fmt: skip
#: The same with a narrow name column: long names wrap in their cells over two lines
#: ("机关事业单位基本养老保险缴" / "费支出"), as the real PDFs print them (the texts join them).
REAL_FORMS["sh-2025-narrow"] = attrs.evolve(REAL_FORMS["sh-2025"], name="sh-2025-narrow",
                                            name_width=90)  # fmt: skip
#: Narrower still: every header line fits its cell, and no rule is printed under the
#: merged "项目" (the column rule between 功能分类科目编码 and 科目名称 begins there unmet).
REAL_FORMS["sh-2025-narrow75"] = attrs.evolve(REAL_FORMS["sh-2025"], name="sh-2025-narrow75",
                                              name_width=75)  # fmt: skip
_BY_NAME = {v.name: v for v in (_SEED, _TEMPLATE, *VARIANTS.values(), *HEADINGS.values(),
                                 *OPTIONAL_LAYOUTS.values(), *REAL_FORMS.values())}


def render_pdf(
    disclosure: Disclosure,
    path: str | Path,
    *,
    layout: str | Layout = "seed",
    personnel_classes: tuple[str, ...] = ("301", "303"),
) -> None:
    """Write ``disclosure`` to ``path`` as a PDF in a layout: a name of :data:`LAYOUTS` or
    :data:`VARIANTS`, or a :class:`Layout`.

    ``personnel_classes``: the economic 类 printed under 人员经费 in 公开06表 (the rest under
    公用经费), as ``CheckOptions.personnel_classes``.  Two passes: the first finds the page of
    every heading, the second prints the 目录 with those pages.
    """
    if isinstance(layout, str):
        if layout not in _BY_NAME:
            raise ValueError(f"layout must be one of {tuple(_BY_NAME)}, got {layout!r}")
        layout = _BY_NAME[layout]
    _font()
    pages: dict[str, int] = {}
    for _ in range(2):
        story = _story(disclosure, layout, personnel_classes)
        toc = [_TocLine(text, pages.get(key), 24 * level) for level, text, key in story.toc]
        items = story.items[: story.toc_at] + toc + story.items[story.toc_at :]
        doc = _Doc(
            str(path),
            layout.footer.format,
            pagesize=A4,
            invariant=1,
            title=disclosure.title or "",
            author=disclosure.department or "",
            creator="govfin tests (reportlab)",
        )
        doc.build(items)
        pages = doc.pages_of
