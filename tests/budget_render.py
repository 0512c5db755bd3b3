"""Render a 部门预算 :class:`~govfin.disclosure.Disclosure` as a PDF in one of several print layouts.

Not part of the library: the end-to-end tests of budget PDF reading (tests/test_budget_pdf_variants)
render budgets into real PDFs with reportlab and read them back.  The building blocks (ruled grids
with merged cells, the 目录 line with leader dots, the two-pass page numbering) are those of
tests/pdf_render.py, imported, not copied.

A layout is data (:class:`BudgetLayout`, :data:`LAYOUTS`): how the documents of different regions
print the same tables.  The variations are the ones seen in published 部门预算 (the Shanghai PDFs
of the corpus, the Jiangsu 2017 PDFs, and the 财政部 template most provinces follow with its set
of 部门收支总表 / 部门收入总表 / 部门支出总表 / 财政拨款收支总表 / 一般公共预算支出表 /
一般公共预算基本支出表 / 一般公共预算“三公”经费支出表 / 政府性基金预算支出表 /
国有资本经营预算支出表):

- amounts as the Disclosure holds them, with or without thousands separators ("1,234,567");
- 功能分类 codes in three columns (类 款 项: "201" "05" "07"; 经济分类 in two, 类 款) or in one;
- the header repeated on every page a table runs over, or printed once;
- a 目录 with leader dots and page numbers, or none; a page number at the foot in the layout's
  style ("- 3 -", "第3页", "3"), or none;
- a zero amount as its digits or as a dash ("—", which a reader takes as blank);
- each code row printing all the parts of its code, or only its own level's ("", "05", "");
  or the code and the name in one cell ("2010507 专项普查活动");
- landscape pages, or portrait ones where wide tables get narrow columns;
- the title's numbering ("1. ", "表3", "三、"), the department line ("编制部门：", "部门名称：",
  "单位名称：") and the unit line ("单位：元", "金额单位：万元");
- real header labels (tests/data/headers/headers.tsv): the money columns in another order
  (``column_order``), under other names (``printed_names``: 一般公共预算财政拨款, 预算数,
  公务用车运行维护费 …), or beside a column no kind models (``extra_column``).

The titles, the unit and the department are the Disclosure's own (the reader must give them back).
Rows are printed in the Disclosure's order; a 收支总表 prints income on the left and expenditure on
the right, the totals aligned on the last lines.  The CJK font is reportlab's built-in STSong-Light
(not embedded); output is deterministic.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
from pdf_render import (
    _PART,
    _TITLE,
    LEFT,
    UP,
    _Doc,
    _font,
    _grid,
    _numeral,
    _p,
    _Story,
    _style,
    _TocLine,
)
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.platypus import Flowable, Spacer
from reportlab.platypus import Table as RLTable

from govfin.disclosure import Disclosure
from govfin.tables import FunctionalTable, Row
from govfin.tables.budget import (
    BudgetEconomicTable,
    BudgetSummary,
    BudgetTable,
    BudgetThreePublicTable,
)

__all__ = ["LAYOUTS", "REAL_FORMS", "BudgetLayout", "printed_title", "render_budget_pdf"]

#: The budget types under 财政拨款收入 on a summary's income side.
_TYPES = ("一般公共预算", "政府性基金预算", "国有资本经营预算")


@attrs.frozen
class BudgetLayout:
    """How one region prints its 部门预算 tables (see the module docstring)."""

    name: str
    #: Thousands separators in amounts.
    separators: bool
    #: Codes split into 类/款/项 columns (True) or printed whole in one column.
    split_codes: bool
    #: The header printed again on every page a table runs over.
    repeat_header: bool
    #: A 目录 (table of contents) after the cover.
    toc: bool
    #: Footer page number, ``{n}`` the number; None: no page numbers.
    footer: str | None
    #: Title numbering, ``{n}`` the table's number (1, 2 …), ``{cn}`` in Chinese numerals.
    numbering: str
    department_label: str
    unit_label: str
    #: Words over the codes, the names (functional / economic tables).
    code_heads: tuple[str, str] = ("功能分类科目编码", "功能分类科目名称")
    economic_heads: tuple[str, str] = ("经济分类科目编码", "经济分类科目名称")
    #: Enumerators before the 类 rows of a 收支总表 ("一、一般公共服务支出").
    class_ordinals: bool = False
    #: A "栏次" row under the header numbering the amount columns (1, 2, …).
    column_numbers: bool = False
    #: Names of 款 and 项 rows indented by full-width spaces, as one-column layouts print them.
    indent_names: bool = False
    #: The 三公 header in two rows, 公务用车购置及运行费 over 小计 / 购置费 / 运行费.
    grouped_three_public: bool = False
    #: The 三公 columns printed in this order (the kind's names; empty: the kind's order).
    three_public_order: tuple[str, ...] = ()
    #: Relative width of the name column (150: names fit; narrower: long names wrap in the cell).
    name_width: float = 150
    #: The department's name printed before each table's title ("江苏省…2017年部门收支总表").
    title_department: bool = False
    #: With split codes, each row prints only its own level's part ("", "05", "" for 20105),
    #: the higher levels left to the rows above.
    own_part_only: bool = False
    #: How a zero amount is printed ("-", "—"; None: as its digits, "0" / "0.00").
    zero: str | None = None
    #: Code and name in one cell ("2010507 专项普查活动"), under one head; needs one code column.
    code_with_name: bool = False
    #: Tables on portrait pages (narrow columns: long amounts wrap in their cells).
    portrait: bool = False
    #: The 情况说明 printed as whole paragraphs wrapped at the page's width, so that a line may
    #: break inside a number or a subject ("4821.20万" / "元"), under headings of their own
    #: size (True); or line for line as the Disclosure's text holds them (False).
    reflow: bool = False
    #: The 情况说明's body size in points (10.5: 五号; 12: 小四, wider characters, more breaks).
    body_size: float = 10.5
    #: The money columns of the code-row tables and of a summary's expenditure side printed in
    #: this order (the kinds' names; the listed ones first, the others after them in the
    #: kind's order); empty: the kind's order.
    column_order: tuple[str, ...] = ()
    #: Printed header names of model columns, as real documents print them: (column, name).
    printed_names: tuple[tuple[str, str], ...] = ()
    #: A column no kind models, printed blank after the money columns of the code-row tables.
    extra_column: str | None = None
    #: The 财务收支预算总表 as the Shanghai 2026 单位预算 template prints it (石泉路街道 2026,
    #: tests/data/accuracy): its expenditure side's columns under one 预算数, 人员经费 and
    #: 公用经费 under a 基本支出 heading with no column of its own (when the table holds them);
    #: the income lines enumerated ("一、财政拨款收入", "1、一般公共预算" …, "二、事业收入").
    grouped_summary: bool = False
    income_ordinals: bool = False

    def ordered(self, columns: tuple[str, ...] | list[str]) -> list[str]:
        """``columns`` in :attr:`column_order`."""
        cols = list(columns)
        rank = {c: k for k, c in enumerate(self.column_order)}
        return sorted(cols, key=lambda c: (rank.get(c, len(rank)), cols.index(c)))

    def head(self, column: str) -> str:
        """The name printed over a model column."""
        return dict(self.printed_names).get(column, column)


LAYOUTS: dict[str, BudgetLayout] = {
    # Shanghai district documents (the corpus's 2025 PDF): 元 with separators, 类/款/项 columns,
    # "编制部门：… 单位：元", header printed once, numbered 目录.
    "shanghai": BudgetLayout(
        name="shanghai",
        separators=True,
        split_codes=True,
        repeat_header=False,
        toc=True,
        footer="- {n} -",
        numbering="{n}. ",
        department_label="编制部门：",
        unit_label="单位：",
        class_ordinals=True,
    ),
    # The central template's style: one code column, "金额单位：万元", header on every page,
    # "表N" before the title, "第N页".
    "national": BudgetLayout(
        name="national",
        separators=False,
        split_codes=False,
        repeat_header=True,
        toc=True,
        footer="第{n}页",
        numbering="表{n} ",
        department_label="部门名称：",
        unit_label="金额单位：",
        code_heads=("科目编码", "科目名称"),
        economic_heads=("科目编码", "科目名称"),
        column_numbers=True,
        indent_names=True,
        grouped_three_public=True,
        reflow=True,
        body_size=12,
    ),
    # A provincial style without 目录 or page numbers: "一、" before the title, separators,
    # 类/款/项 columns, header on every page.
    "bare": BudgetLayout(
        name="bare",
        separators=True,
        split_codes=True,
        repeat_header=True,
        toc=False,
        footer=None,
        numbering="{cn}、",
        department_label="单位名称：",
        unit_label="单位：",
        three_public_order=(
            "因公出国（境）费",
            "公务接待费",
            "公务用车购置费",
            "公务用车运行费",
            "公务用车购置及运行费",
            "机关运行经费",
            "合计",
        ),
        name_width=60,
        title_department=True,
    ),
    # A county style: each code row prints only its own level's part of the code; a zero
    # amount printed as a dash.
    "county": BudgetLayout(
        name="county",
        separators=False,
        split_codes=True,
        repeat_header=False,
        toc=False,
        footer="{n}",
        numbering="",
        department_label="单位：",
        unit_label="单位：",
        own_part_only=True,
        zero="—",
    ),
    # Code and name in one cell under one head ("2010507 专项普查活动"), as some county
    # documents print them; otherwise the "national" style.
    "code-in-name": BudgetLayout(
        name="code-in-name",
        separators=False,
        split_codes=False,
        repeat_header=True,
        toc=True,
        footer="·{n}·",
        numbering="表{n} ",
        department_label="部门名称：",
        unit_label="单位：",
        code_heads=("科目编码", "科目编码及名称"),
        economic_heads=("科目编码", "科目编码及名称"),
        name_width=200,
        code_with_name=True,
    ),
    # The "bare" style on portrait pages: a table of many amount columns gets columns too
    # narrow for its figures, which wrap inside their cells ("18,976.7" / "6").
    "narrow": BudgetLayout(
        name="narrow",
        separators=True,
        split_codes=True,
        repeat_header=True,
        toc=False,
        footer="—{n}—",
        numbering="{cn}、",
        department_label="单位名称：",
        unit_label="单位：",
        name_width=60,
        portrait=True,
    ),
    # Real header labels in another order: 项目支出 before 基本支出 and 合计 last (the code-row
    # tables), the three budget types before 合计 (财政拨款收支总表), 公务接待费 before
    # 公务用车… (the Shanghai 三公 order, corpus: sh-putuo-wanlijiedao-2025).  Read by name.
    "reordered": BudgetLayout(
        name="reordered",
        separators=False,
        split_codes=False,
        repeat_header=True,
        toc=False,
        footer="第 {n} 页",
        numbering="表{n} ",
        department_label="部门名称：",
        unit_label="金额单位：",
        code_heads=("科目编码", "科目名称"),
        economic_heads=("科目编码", "科目名称"),
        column_order=("项目支出", "基本支出", "一般公共预算", "政府性基金预算", "国有资本经营预算",
                      "合计"),
        three_public_order=("合计", "因公出国（境）费", "公务接待费", "公务用车购置及运行费",
                            "公务用车购置费", "公务用车运行费", "机关运行经费"),
        grouped_three_public=True,
    ),
    # Older and regional names over the same columns: the budget types with 财政拨款 (重庆市秀山县
    # 人民法院 2018 财政拨款收支总表), 预算数 over the total (Shanghai 2025's 财务收支预算总表),
    # the 三公 vehicle columns with 运行维护费 (重庆市江北区 2021), 因公出国(境)费 half-width
    # (tests/data/headers/headers.tsv).  Read by name.
    "older-names": BudgetLayout(
        name="older-names",
        separators=True,
        split_codes=True,
        repeat_header=False,
        toc=True,
        footer="第{n}页 ",
        numbering="{n}. ",
        department_label="编制部门：",
        unit_label="单位：",
        printed_names=(
            ("一般公共预算", "一般公共预算财政拨款"),
            ("政府性基金预算", "政府性基金预算财政拨款"),
            ("国有资本经营预算", "国有资本经营预算财政拨款"),
            ("合计", "预算数"),
            ("公务用车购置及运行费", "公务用车购置及运行维护费"),
            ("公务用车运行费", "公务用车运行维护费"),
            ("因公出国（境）费", "因公出国(境)费"),
        ),
    ),
    # A column no kind models beside the money columns of every code-row table (a 其中 column,
    # as 决算 and 预算 forms of several provinces print under 项目支出): set aside in each such
    # table (a READ-part warning naming it), the modelled columns read, never shifted.
    "extra-column": BudgetLayout(
        name="extra-column",
        separators=False,
        split_codes=True,
        repeat_header=True,
        toc=False,
        footer="({n})",
        numbering="{cn}、",
        department_label="单位名称：",
        unit_label="单位：",
        extra_column="其中：政府采购",
    ),
}


#: The forms of the real Shanghai budgets of tests/data (as their texts keep them): the
#: Shanghai layout with the 2026 单位预算's 财务收支预算总表 (石泉路街道 2026) and its
#: "编制单位：" line.
REAL_FORMS: dict[str, BudgetLayout] = {
    "sh-2026": attrs.evolve(
        LAYOUTS["shanghai"], name="sh-2026", grouped_summary=True, income_ordinals=True,
        department_label="编制单位：",
    ),
}  # fmt: skip


def _amount(value: Decimal | None, layout: BudgetLayout) -> str:
    if value is None:
        return ""
    if value == 0 and layout.zero is not None:
        return layout.zero
    return format(value, ",f" if layout.separators else "f")


class _Block:
    def __init__(self, header: list[list[str]], body: list[list[str]], kinds: list[str],
                 widths: list[float]) -> None:  # fmt: skip
        self.header, self.body, self.kinds, self.widths = header, body, kinds, widths


def _code_parts(code: str) -> list[str]:
    """ "2010507" -> ["201", "05", "07"]; "30101" -> ["301", "01"]; "201" -> ["201"]."""
    return [code[:3], *(code[i : i + 2] for i in range(3, len(code), 2))]


def _coded(t: BudgetTable, layout: BudgetLayout) -> _Block:
    """A table of code rows: code cell(s), name, one cell per column."""
    economic = isinstance(t, BudgetEconomicTable)
    cols = layout.ordered(t.COLUMNS)
    extra = [layout.extra_column] if layout.extra_column else []
    heads = [*(layout.head(c) for c in cols), *extra]
    code_head, name_head = layout.economic_heads if economic else layout.code_heads
    levels = ["类", "款"] if economic else ["类", "款", "项"]
    n_code = len(levels) if layout.split_codes else 1
    if layout.split_codes:
        header = [
            [code_head, *[LEFT] * (n_code - 1), name_head, *heads],
            [*levels, UP, *[UP] * len(heads)],
        ]
    elif layout.code_with_name:
        n_code = 0
        header = [[name_head, *heads]]
    else:
        header = [[code_head, name_head, *heads]]
    if layout.column_numbers:
        header.append(["栏次", *[LEFT] * n_code, *(str(i) for i in range(1, len(heads) + 1))])
    body = []
    for r in t.rows:
        amounts = [*(_amount(r.values.get(c), layout) for c in cols), *[""] * len(extra)]
        if r.code is None:
            body.append([r.name or r.key, *[LEFT] * n_code, *amounts])
        else:
            parts = _code_parts(r.code) if layout.split_codes else [r.code]
            if layout.split_codes and layout.own_part_only:
                parts = [*[""] * (len(parts) - 1), parts[-1]]
            name = r.name or ""
            if layout.indent_names:
                name = "\u3000" * (len(_code_parts(r.code)) - 1) * 2 + name
            if layout.code_with_name:
                body.append([f"{r.code} {name}", *amounts])
                continue
            body.append([*parts, *[""] * (n_code - len(parts)), name, *amounts])
    kinds = ["code"] * n_code + ["text"] + ["num"] * len(heads)
    widths = ([26] * n_code if layout.split_codes else [56] * n_code) + [layout.name_width]
    widths += [64] * len(heads)
    return _Block(header, body, kinds, widths)


def _summary(t: BudgetSummary, layout: BudgetLayout) -> _Block:
    """Two sides: income lines left, 类 and totals right; the totals on the last lines."""
    income_keys = set(t.INCOME_ROWS)
    left = [r for r in t.rows if r.key in income_keys]
    right = [r for r in t.rows if r.key not in income_keys]
    exp_cols = layout.ordered([
        c for c in getattr(t, "EXPENDITURE_COLUMNS", ("金额",))
        if any(r.values.get(c) is not None for r in right)
    ] or ["金额"])  # fmt: skip
    split = next(
        (i for i, r in enumerate(left) if r.key in ("本年收入合计", "收入总计")), len(left)
    )
    top_l, bottom_l = left[:split], left[split:]
    top_r = [r for r in right if r.code is not None]
    bottom_r = [r for r in right if r.code is None]
    n_top, n_bottom = max(len(top_l), len(top_r)), max(len(bottom_l), len(bottom_r))

    def pad(rows: list[Row], n: int, *, last: bool = False) -> list[Row | None]:
        gap: list[Row | None] = [None] * (n - len(rows))
        if last and len(rows) >= 1:
            return [*rows[:-1], *gap, rows[-1]]
        return [*rows, *gap]

    lefts = pad(top_l, n_top) + pad(bottom_l, n_bottom, last=True)
    rights = pad(top_r, n_top) + pad(bottom_r, n_bottom, last=True)
    ordinal = {id(r): f"{_numeral(k)}、" for k, r in enumerate(top_r, 1)}
    if layout.income_ordinals:  # the types under 财政拨款收入 by 1、2、3、, the rest by 一、二、
        k = n = 0
        for r in top_l:
            if r.key in _TYPES:
                n += 1
                ordinal[id(r)] = f"{n}、"
            else:
                k += 1
                ordinal[id(r)] = f"{_numeral(k)}、"

    def label(r: Row | None) -> str:
        if r is None:
            return ""
        numbered = layout.class_ordinals or (layout.income_ordinals and r in top_l)
        prefix = ordinal.get(id(r), "") if numbered else ""
        return prefix + (r.name or r.key)

    body = []
    for lr, rr in zip(lefts, rights, strict=True):
        body.append([
            label(lr), "" if lr is None else _amount(lr.values.get("金额"), layout),
            label(rr), *("" if rr is None else _amount(rr.values.get(c), layout) for c in exp_cols),
        ])  # fmt: skip
    side = "财政拨款" if t.ROLE == "appropriation_summary" else "本年"
    heads = ["预算数"] if len(exp_cols) == 1 else [layout.head(c) for c in exp_cols]
    header = [
        [f"{side}收入", LEFT, f"{side}支出", *[LEFT] * len(exp_cols)],
        ["项目", "预算数", "项目", *heads],
    ]
    if layout.grouped_summary and exp_cols == ["合计", "人员经费", "公用经费", "项目支出"]:
        header = [
            header[0],
            ["项目", "预算数", "项目", "预算数", LEFT, LEFT, LEFT],
            [UP, UP, UP, "合计", "基本支出", LEFT, "项目支出"],
            [UP, UP, UP, UP, "人员经费", "公用经费", UP],
        ]
    kinds = ["text", "num", "text", *["num"] * len(exp_cols)]
    widths = [layout.name_width, 80, layout.name_width, *[80] * len(exp_cols)]
    return _Block(header, body, kinds, widths)


def _three_public(t: BudgetThreePublicTable, layout: BudgetLayout) -> _Block:
    """One line of figures per row, under the columns' names (in one row, or with
    公务用车购置及运行费 over 小计 / 购置费 / 运行费)."""
    cols = [c for c in layout.three_public_order if c in t.COLUMNS] or list(t.COLUMNS)
    assert set(cols) == set(t.COLUMNS), cols
    body = [[_amount(r.values.get(c), layout) for c in cols] for r in t.rows]
    header = [[layout.head(c) for c in cols]]
    vehicles, parts = t.VEHICLES, (t.PURCHASE, t.RUNNING)
    i = cols.index(vehicles) if vehicles in cols else -1
    if layout.grouped_three_public and i >= 0 and cols[i + 1 : i + 3] == list(parts):
        header = [
            [*header[0][:i], layout.head(vehicles), LEFT, LEFT, *header[0][i + 3 :]],
            [*[UP] * i, "小计", "购置费", "运行费", *[UP] * (len(cols) - i - 3)],
        ]
    return _Block(header, body, ["num"] * len(cols), [1] * len(cols))


def _block(t: BudgetTable, layout: BudgetLayout) -> _Block:
    if isinstance(t, BudgetSummary):
        return _summary(t, layout)
    if isinstance(t, BudgetThreePublicTable):
        return _three_public(t, layout)
    if isinstance(t, FunctionalTable):
        return _coded(t, layout)
    raise TypeError(f"no budget PDF layout for table kind {type(t).__name__}")


def printed_title(t: BudgetTable, n: int, layout: BudgetLayout) -> str:
    """The title line of the ``n``-th table (from 1) as ``layout`` prints it."""
    m = t.meta
    number = layout.numbering.format(n=n, cn=_numeral(n))
    if layout.title_department and m.department:
        number += m.department
    return number + (m.title or t.KIND)


def _front(t: BudgetTable, n: int, layout: BudgetLayout, width: float) -> list[Flowable]:
    m = t.meta
    cells = [
        # a label printed with no name after it ("编制部门：", 文化和旅游局 2026) is printed so
        _p(f"{layout.department_label}{m.department}" if m.department is not None else "",
           _style("l", 9.5)),
        _p(f"{layout.unit_label}{m.unit.value}", _style("r", 9.5, TA_RIGHT)),
    ]
    line = RLTable([cells], colWidths=[width * 0.7, width * 0.3])
    return [_p(printed_title(t, n, layout), _TITLE), line, Spacer(1, 4)]


def _story(d: Disclosure, layout: BudgetLayout) -> _Story:
    s = _Story()
    s.items += [Spacer(1, 200), _p(d.title or f"{d.department or ''}部门预算", _TITLE)]
    if d.department:
        s.items.append(_p(f"预算主管部门：{d.department}", _TITLE))
    if layout.toc:
        s.new_page("portrait")
        s.items += [_p("目 录", _TITLE), Spacer(1, 10)]
        s.toc_at = len(s.items)
    year = f"{d.year}年" if d.year is not None else ""
    for k, t in enumerate(d.tables, 1):
        s.new_page("portrait" if layout.portrait else "landscape")
        if k == 1:
            s.entry(0, f"{year}部门预算表", _p(f"{year}部门预算表", _PART))
        block = _block(t, layout)
        front = _front(t, k, layout, s.width)
        s.entry(1, printed_title(t, k, layout), front[0])
        s.items += front[1:]
        s.items.append(
            _grid(block.header, block.body, block.kinds, block.widths, s.width,
                  repeat=layout.repeat_header)
        )  # fmt: skip
        if t.meta.empty_note:
            s.items.append(_p(f"注：{t.meta.empty_note}", _style("note", 9, TA_LEFT)))
    _narrative(s, d, layout)
    return s


#: A line of the text that begins a paragraph of its own: an enumerator ("（一）", "1.", "一、").
_STARTS = re.compile(
    r"^\s*(?:[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．]|[一二三四五六七八九十]+、)"
)


def paragraphs(text: str) -> list[str]:
    """The paragraphs of a section's text printed line for line: a line ending a sentence
    ("。", "：", "；") or a blank line closes a paragraph, an enumerated line opens one; the
    lines between are one paragraph (joined with nothing between, as Chinese text is).

    >>> paragraphs("\\n".join(["甲乙丙", "丁。", "（一）戊", "己"]))
    ['甲乙丙丁。', '（一）戊己']
    """
    out: list[str] = []
    open_ = False
    for line in text.split("\n"):
        if not line.strip():
            open_ = False
            continue
        if open_ and not _STARTS.match(line):
            out[-1] += line
        else:
            out.append(line)
        open_ = not line.rstrip().endswith(("。", "：", ":", "；"))
    return out


def _narrative(s: _Story, d: Disclosure, layout: BudgetLayout) -> None:
    """The 情况说明 after the tables, one section after the other on portrait pages (page
    footers fall between the lines of a paragraph)."""
    if not d.narrative.sections:
        return
    s.new_page("portrait")
    if not layout.reflow:
        for sec in d.narrative.sections:
            s.entry(0, sec.heading, _p(sec.heading, _PART))
            s.items += [_p(x, _style("body", 10.5)) for x in sec.text.split("\n") if x.strip()]
        return
    body = _style(
        f"body-{layout.body_size}", layout.body_size, firstLineIndent=2 * layout.body_size
    )
    for sec in d.narrative.sections:
        s.entry(0, sec.heading, _p(sec.heading, _style("heading", 12, spaceBefore=8, spaceAfter=4)))
        s.items += [_p(x, body) for x in paragraphs(sec.text)]


def render_budget_pdf(disclosure: Disclosure, path: str | Path, layout: str | BudgetLayout) -> None:
    """Write the budget ``disclosure`` to ``path`` as a PDF in ``layout`` (a name of
    :data:`LAYOUTS` or a :class:`BudgetLayout`).  Two passes when the layout has a 目录: the
    first finds the page of every heading, the second prints the 目录 with those pages."""
    lay = LAYOUTS[layout] if isinstance(layout, str) else layout
    _font()
    footer = (lambda n: lay.footer.format(n=n)) if lay.footer else (lambda n: "")
    pages: dict[str, int] = {}
    for _ in range(2 if lay.toc else 1):
        story = _story(disclosure, lay)
        items: list[Any] = story.items
        if lay.toc:
            toc = [_TocLine(text, pages.get(key), 24 * level) for level, text, key in story.toc]
            items = items[: story.toc_at] + toc + items[story.toc_at :]
        doc = _Doc(str(path), footer, pagesize=A4, invariant=1, title=disclosure.title or "",
                   author=disclosure.department or "", creator="govfin tests (reportlab)")  # fmt: skip
        doc.build(items)
        pages = doc.pages_of
