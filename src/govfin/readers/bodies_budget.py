"""Body parsers of the 预算 (budget) table kinds the functional parser cannot read.

Fed the body lines of one table (tab-separated cells, as :class:`~govfin.readers.lines.Line`),
each parser files every line in the read log (header, row, unrecognised), reports typed errors
for what does not fit, and returns rows keyed as :mod:`govfin.tables.budget` pins them:

- :class:`BudgetSummaryBody`: the two-sided 收支总表 / 财政拨款收支总表 of every family.  A line
  is cut into segments, each a label cell and the cells after it up to the next label; a
  segment's label is an income line, an expenditure line or a 类 name, found through the kind's
  ``INCOME_ROWS`` / ``EXPENDITURE_ROWS`` and its label aliases (data on the classes), the 类 code
  through the classification.  A row whose cells are all blank is kept (a printed empty line).
- :class:`JiangsuIncomeBody`: Jiangsu's 收入预算总表, whose group labels sit in a merged cell
  beside any of the group's lines: each "小计" line opens the next group, in printed order.
- :class:`JiangsuExpenditureBody`: one line of figures (the 合计) or one per unit.
- :class:`BudgetThreePublicBody`: one line of figures per row (本年预算数; 上年预算数, 增减 when
  labelled), in the columns' printed order.
- :class:`ProcurementBody`: Jiangsu's 政府采购 list: 合计, the three 品目大类, detail lines.

The money columns of every body are placed by the names the header prints over them (the
kinds' :attr:`~govfin.tables.Table.COLUMN_ALIASES`), never by position when the header names
them otherwise.  This module is over 600 lines because it holds the body parsers of the five
预算 layouts the functional parser cannot read, which share the placing of columns by name.

The functional and economic kinds subclass :class:`~govfin.tables.functional.FunctionalTable`
and are read by the functional parser of :mod:`govfin.readers.bodies`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from decimal import Decimal

from govfin._lazy import lazy_pattern
from govfin.amounts import BLANK_TEXTS
from govfin.readers.bodies import TableContext, _Body
from govfin.readers.errors import (
    CellCountError,
    SetAsideColumnError,
    TableIdentityError,
    UnknownNameError,
)
from govfin.readers.identify import (
    PART_MARK,
    column_names,
    distinct_headers,
    is_numbering,
    is_plain_amount,
    norm_column,
    part_columns,
)
from govfin.readers.lines import Line, has_cjk, squash, strip_enumerator, to_fullwidth_brackets
from govfin.tables import Row, Table
from govfin.tables.budget import (
    PROCUREMENT_CATEGORIES,
    BudgetSummary,
    BudgetTable,
    BudgetThreePublicTable,
    JiangsuExpenditureTable,
    JiangsuIncomeTable,
    JiangsuProcurementTable,
    budget_kinds,
)

__all__ = [
    "BUDGET_BODIES",
    "BudgetSummaryBody",
    "BudgetThreePublicBody",
    "JiangsuExpenditureBody",
    "JiangsuIncomeBody",
    "ProcurementBody",
    "budget_column",
    "label_key",
    "summary_column",
]

#: Header words of the budget tables (a line of nothing but these is a header).
_HEADER_WORDS = frozenset(
    ["项目", "项目名称", "预算数", "金额", "本年收入", "本年支出", "收入", "支出", "功能分类", "支出用途", "功能科目名称", "财政拨款收入", "财政拨款支出", "合计", "一般公共预算", "政府性基金预算", "国有资本经营预算", "基本支出", "项目支出", "人员经费", "公用经费", "小计", "栏次", "行次"]
)
_QUOTES = lazy_pattern('["“”＂]')


def label_key(label: str, aliases: Mapping[str, str] | None = None) -> str:
    """A printed label as a row key: no enumerator, no spaces, full-width brackets, aliases.

    >>> label_key("1. 一般公共预算资金", {"一般公共预算资金": "一般公共预算"})
    '一般公共预算'
    >>> label_key("债务资金(银行贷款)")
    '债务资金（银行贷款）'
    """
    s = squash(strip_enumerator(label))
    s = re.sub(r"^[一二三四五六七八九十]+、|^\d+[.．、]", "", s)
    aliases = aliases or {}
    if s in aliases:
        return aliases[s]
    full = to_fullwidth_brackets(s)
    return aliases.get(full, full)


#: Words only a summary's header prints (a data label carries its enumerator or is a line key).
_SUMMARY_HEADER = frozenset(
    ["项目", "项目名称", "预算数", "金额", "收入", "支出", "本年收入", "本年支出", "财政拨款收入", "财政拨款支出", "功能分类", "支出用途", "功能科目名称", "栏次", "行次", "合计",
     # the 2026 单位预算 template's third header row: 人员经费 | 公用经费 under 基本支出
     "人员经费", "公用经费"]
)


def _summary_header(line: Line) -> bool:
    """No amount, and a header word standing alone in a cell."""
    if any(is_plain_amount(v) for v in line.values):
        return False
    return any(squash(v) in _SUMMARY_HEADER for v in line.values)


def _is_label(cell: str) -> bool:
    return bool(cell) and has_cjk(cell)


def _segments(line: Line) -> tuple[list[tuple[str, list[str], int]], list[str]]:
    """The line cut at its label cells: ``[(label, cells after it, position of the label)]``,
    and the cells before the first label (which must be empty)."""
    segments: list[tuple[str, list[str], int]] = []
    lead: list[str] = []
    for i, cell in enumerate(line.cells):
        if _is_label(cell):
            segments.append((cell, [], i))
        elif segments:
            segments[-1][1].append(cell)
        else:
            lead.append(cell)
    return segments, lead


#: Group words printed over a summary's money columns (merged into their names when a PDF puts
#: the spanning cell's text over one of them): cut off the front before a name is looked up.
_GROUP_WORDS = ("本年收入", "本年支出", "财政拨款收入", "财政拨款支出", "收入", "支出", "预算数",
                "基本支出")
_YEAR_PREFIX = lazy_pattern(r"^\d{4}年度?")


def summary_column(kind: type[Table], printed: str, columns: tuple[str, ...]) -> str | None:
    """The money column of ``columns`` (one side of a 预算 summary) a printed (merged) header
    name denotes, or None: by :func:`~govfin.readers.identify.column_names` with the kind's
    :attr:`~govfin.tables.Table.COLUMN_ALIASES`, after a year ("2025年预算数") and a group
    word over the columns ("财政拨款支出" over "合计") are cut off the front.

    >>> from govfin.tables.budget import CentralAppropriationSummary as C
    >>> cols = C.EXPENDITURE_COLUMNS
    >>> [summary_column(C, n, cols) for n in ("合计", "财政拨款支出政府性基金预算拨款", "会议费")]
    ['合计', '政府性基金预算', None]
    >>> summary_column(C, "2025年预算数", C.INCOME_COLUMNS)
    '金额'
    """
    name = _YEAR_PREFIX.sub("", squash(printed))
    candidates = [name]
    for word in _GROUP_WORDS:
        if name.startswith(word) and len(name) > len(word):
            candidates.append(_YEAR_PREFIX.sub("", name[len(word):]))
    for c in candidates:
        p = norm_column(c)
        column = next((k for k in columns if p in column_names(kind, k)), None)
        if column is not None:
            return column
    return None


#: How a header text names each canonical column of the one-line tables (三公, Jiangsu 支出预算总表):
#: a column is named by the header cells stacked at one position, joined (merged cells leave the
#: rest of a label on the rows below).
_COLUMN_TESTS: dict[str, Callable[[str], bool]] = {
    "合计": lambda t: t.endswith("合计"),
    "“三公”经费": lambda t: "三公" in t and t.endswith("小计"),
    "因公出国（境）费": lambda t: "出国" in t,
    "公务接待费": lambda t: "接待" in t,
    "公务用车购置及运行费": lambda t: "购置及运行" in t,
    "公务用车购置及运行维护费": lambda t: "购置及运行" in t,
    "公务用车购置费": lambda t: t.endswith("购置费") and "运行" not in t,
    "公务用车运行费": lambda t: t.endswith("运行费") and "购置" not in t,
    "公务用车运行维护费": lambda t: t.endswith(("运行维护费", "运行费")) and "购置" not in t,
    "会议费": lambda t: "会议费" in t,
    "培训费": lambda t: "培训费" in t,
    "机关运行经费": lambda t: "机关运行" in t,
    "基本支出": lambda t: t == "基本支出",
    "项目支出": lambda t: t == "项目支出",
    "单位预留机动经费": lambda t: t.startswith("单位预留"),
    "结转下年资金": lambda t: t.startswith("结转下年"),
}


def _stacked(headers: list[Line]) -> dict[int, str]:
    """The header cells stacked at each position, joined top to bottom (quotes and spaces
    dropped, brackets full-width; a 栏次 / numbering row left out)."""
    stacked: dict[int, str] = {}
    for h in distinct_headers(headers):
        if is_numbering(h):
            continue
        for i, c in enumerate(h.cells):
            if c and squash(c) != "栏次":
                stacked[i] = stacked.get(i, "") + squash(_QUOTES.sub("", c))
    return {i: to_fullwidth_brackets(t) for i, t in stacked.items()}


def _names(kind: type[Table] | None, column: str, text: str) -> bool:
    """Whether a stacked header text names ``column``: one of the kind's printed names of it
    (:func:`~govfin.readers.identify.column_names`), or the column's test."""
    if kind is not None and norm_column(text) in column_names(kind, column):
        return True
    test = _COLUMN_TESTS.get(column)
    return test is not None and test(text)


def budget_column(kind: type[Table], printed: str) -> str | None:
    """The one column of a one-line 预算 kind (三公, Jiangsu 支出预算总表) a printed (stacked)
    header name denotes, or None (none, or more than one).

    >>> from govfin.tables.budget import CentralThreePublicTable as T
    >>> [budget_column(T, n) for n in ("公务用车购置及运行费小计", "公务接待费", "会议费")]
    ['公务用车购置及运行费', '公务接待费', None]
    """
    text = to_fullwidth_brackets(squash(_QUOTES.sub("", printed)))
    hits = [c for c in kind.COLUMNS if _names(kind, c, text)]
    return hits[0] if len(hits) == 1 else None


def header_places(headers: list[Line], columns: tuple[str, ...], kind: type[Table] | None = None,
                  start: int = 0) -> tuple[dict[str, int], list[str], list[str]] | None:
    """Where the header prints each column, from the cells stacked at each position from
    ``start`` on: ``(column -> position, printed names no column is, columns not named once)``;
    None when the header prints nothing there."""
    texts = {i: t for i, t in _stacked(headers).items() if i >= start}
    if not texts:
        return None
    found: dict[str, int] = {}
    missing: list[str] = []
    for column in columns:
        hits = [i for i, t in texts.items() if _names(kind, column, t)]
        if len(hits) != 1 or hits[0] in found.values():
            missing.append(column)
        else:
            found[column] = hits[0]
    unknown = [t for i, t in sorted(texts.items()) if i not in found.values()]
    return found, unknown, missing


def by_position(cells: tuple[str, ...], positions: list[int | None]) -> list[str] | None:
    """Each filled cell placed under the nearest header position (at most one cell away; a
    position None is a column the header does not print, left blank); None when a cell has no
    column or two cells share one."""
    out = [""] * len(positions)
    known = [(p, k) for k, p in enumerate(positions) if p is not None]
    for i, c in enumerate(cells):
        if not c:
            continue
        if not known:
            return None
        d, k = min((abs(i - p), k) for p, k in known)
        if d > 1 or out[k]:
            return None
        out[k] = c
    return out


class _BudgetBody(_Body):
    """Shared helpers: amounts of a run of cells mapped to columns in order."""

    def values(self, cells: list[str], columns: tuple[str, ...], line: Line,
               label: str) -> dict[str, Decimal | None]:
        # Trailing empty cells are padding; a cell more than the columns is a misfit.
        while cells and not cells[-1]:
            cells = cells[:-1]
        if len(cells) > len(columns):
            # A line spanning merged columns ("当年支出小计" under 功能分类 and 支出用途): its
            # empty cells are the merge, when dropping them leaves one amount per column.
            # Likewise a Word export's empty "ghost" columns (cell shading): dropped when the
            # filled cells are exactly one per column, so nothing is placed by guess.
            filled = [c for c in cells if c]
            if len(filled) == len(columns) or (len(columns) == 1 and len(filled) <= 1):
                cells = filled
        if len(cells) > len(columns):
            self.error(CellCountError,
                       f"{label}: {len(cells)} amount cell(s) where the table has "
                       f"{len(columns)} column(s) {list(columns)}", line)
            cells = cells[: len(columns)]
        return {c: self.amount(v, line, c) for c, v in zip(columns, cells, strict=False)}

    #: The header's column problem already reported (once a table).
    _reported = False

    def placed(self, line: Line, start: int) -> list[str] | None:
        """The line's amount cells placed by the header's column positions (None: no header
        names over the figures — they are then read in the template's order).  A printed name
        no column is, or a column the header does not name once, is a
        :class:`TableIdentityError` naming it (once): the named columns are read where they
        are printed, the others left blank, the table not read whole."""
        places = header_places(self.headers, self.kind.COLUMNS, self.kind, max(start - 1, 0))
        if places is None:
            return None
        found, unknown, missing = places
        if (unknown or missing) and not self._reported:
            self._reported = True
            what = [f"printed column(s) {', '.join(unknown)} not modelled"] if unknown else []
            what += [f"column(s) {', '.join(missing)} not named by the header"] if missing else []
            self.error(TableIdentityError, f"{'; '.join(what)} (expected "
                       f"{list(self.kind.COLUMNS)})", self.headers[-1])
        positions = [found.get(c) for c in self.kind.COLUMNS]
        cells = tuple("" if i < start else c for i, c in enumerate(line.cells))
        out = by_position(cells, positions)
        known = [q for q in positions if q is not None]
        if out is None and known and start > min(known):
            # A row label ("上年预算数") in a column the header has no name over: its figures
            # start where the header's names start.
            out = by_position(("",) * min(known) + tuple(line.cells[start:]), positions)
        if out is None:  # the named columns read where they are printed, the rest reported
            self.error(CellCountError, "an amount under no column the header names", line)
            return ["" if q is None or q >= len(cells) else cells[q] for q in positions]
        return out

    def header_line(self, line: Line) -> bool:
        words = [squash(_QUOTES.sub("", v)) for v in line.values]
        return bool(words) and not any(is_plain_amount(v) for v in line.values) and (
            any(w in _HEADER_WORDS for w in words) or all(not w or has_cjk(w) for w in words)
        )


class BudgetSummaryBody(_BudgetBody):
    """The two-sided 收支总表 and 财政拨款收支总表 of every family (see the module docstring)."""

    def __init__(self, ctx: TableContext, kind: type[Table]):
        super().__init__(ctx, kind)
        assert issubclass(kind, BudgetSummary)
        self.summary: type[BudgetSummary] = kind
        self.income: list[Row] = []
        self.expenditure: list[Row] = []
        #: The money column of each cell after a label at a position (see :meth:`_names`).
        self._places: dict[int, dict[int, str] | None] = {}
        #: The positions of the 其中 columns set aside (not modelled: not read).
        self._aside: set[int] = set()

    def feed(self, line: Line) -> None:
        segments, lead = _segments(line)
        if any(lead):
            self.error(CellCountError, "amount without a row label", line)
        if not segments:
            self.unrecognised(line)
            return
        if _summary_header(line):
            self.header(line)
            return
        notes = []
        self.truncated: list[str] = []
        for label, cells, at in segments:
            row = self._row(label, cells, line, at)
            if row is not None:
                notes.append(row.key)
            elif any(cells):
                self.error(UnknownNameError, f"unknown line {label!r}", line)
                notes.append(f"unknown {label}")
            else:  # printed blank: an old 类 name, or a name wrapped onto two lines
                notes.append(f"blank {label} (no known line or 类 of this name)")
        self.data(line, "rows " + ", ".join(notes + self.truncated))

    def _side(self, cells: list[str], columns: tuple[str, ...], line: Line, label: str,
              at: int) -> dict[str, Decimal | None]:
        """The amounts of one side's cells (after the label at cell ``at``), each under the
        column the header names over it (:meth:`_names`); in the template's order when the
        header prints no name over them."""
        # One column: its figure is the one cell (a second is a CellCountError); a line
        # spanning merged columns (Jiangsu's 当年支出小计) is read as values() says.
        marked = len(columns) == 1 and self._marked(at, len(cells))
        places = self._names(at, len(cells), columns) if len(columns) > 1 or marked else None
        if places is None:
            return self.values(cells, columns, line, label)
        values: dict[str, Decimal | None] = dict.fromkeys(columns)
        for k, cell in enumerate(cells):
            column = places.get(at + 1 + k)
            if column is not None:
                values[column] = self.amount(cell, line, column)
            elif at + 1 + k in self._aside:
                continue  # a 其中 column set aside (reported once): not read
            elif cell:
                self.error(CellCountError, f"{label}: an amount under no money column the "
                           f"header names (cell {at + 2 + k})", line)
        return values

    def _names(self, at: int, n: int, columns: tuple[str, ...]) -> dict[int, str] | None:
        """Cell position -> money column, read from the merged header names over the ``n``
        cells after a label at ``at`` (computed once per side; None: the header prints no
        name there — no header, or a form without one — and the template's order is read).
        A printed name no column of the side is, or a column the header does not name (not
        an optional one), is a :class:`TableIdentityError` naming it: the named columns are
        read where they are printed, the others left blank, the table not read whole."""
        if at in self._places:
            return self._places[at]
        heads = [h for h in self.headers if not is_numbering(h)
                 and squash(h.cell(0)) not in ("栏次", "行次")]
        span = range(at + 1, at + 1 + n)
        printed = {i: "".join(squash(_QUOTES.sub("", h.cell(i))) for h in heads) for i in span}
        printed = {i: t for i, t in printed.items() if t}
        if not printed:
            self._places[at] = None
            return None
        places: dict[int, str] = {}
        unknown: list[str] = []
        parts = part_columns(self.kind, heads, at + 1 + n, at + 1)
        for i, text in printed.items():
            column = summary_column(self.kind, text, columns)
            if column is None and i in parts:  # a 其中 column no kind models: set aside
                self._set_aside(i, text, heads)
            elif column is None or column in places.values():
                unknown.append(text)
            else:
                places[i] = column
        missing = [c for c in columns if c not in places.values()
                   and c not in self.summary.OPTIONAL_COLUMNS]
        if unknown or missing:
            what = [f"printed column(s) {', '.join(unknown)} not modelled"] if unknown else []
            what += [f"column(s) {', '.join(missing)} not named by the header"] if missing else []
            self.error(TableIdentityError,
                       f"{'; '.join(what)} (header columns {list(printed.values())}, expected "
                       f"{list(columns)})", self.headers[-1] if self.headers else None)
        self._places[at] = places
        return places

    def _marked(self, at: int, n: int) -> bool:
        """Does the header print a 其中 label over one of the ``n`` cells after ``at``?"""
        return any(squash(h.cell(i)).startswith(PART_MARK)
                   for h in self.headers for i in range(at + 1, at + 1 + n))

    def _set_aside(self, i: int, text: str, heads: list[Line]) -> None:
        """Set aside the 其中 column at cell ``i`` (its figures not read); one
        :class:`SetAsideColumnError` (READ-part) a table names the first so found."""
        if not self._aside:
            where = next((h for h in heads if h.cell(i).strip()), heads[-1])
            self.error(SetAsideColumnError, SetAsideColumnError.describe(text, self.kind.KIND),
                       where)
        self._aside.add(i)

    def _row(self, label: str, cells: list[str], line: Line, at: int = -1) -> Row | None:
        kind = self.summary
        name = strip_enumerator(label)
        key = label_key(label, kind.INCOME_ALIASES)
        if key in kind.INCOME_ROWS:
            row = Row(key, name, self._side(cells, kind.INCOME_COLUMNS, line, key, at),
                      line=line.number)
            self.income.append(row)
            return row
        key = label_key(label, kind.EXPENDITURE_ALIASES)
        if key in kind.EXPENDITURE_ROWS:
            row = Row(key, name, self._side(cells, kind.EXPENDITURE_COLUMNS, line, key, at),
                      line=line.number)
            self.expenditure.append(row)
            return row
        code = self.ctx.class_code(squash(name))
        if code is None:
            code = _truncated_class(squash(name), self.ctx.edition)
            if code is None:
                return None
            self.truncated.append(f"{name!r} read as 类 {code} (name cut by the cell)")
        row = Row(code, name, self._side(cells, kind.EXPENDITURE_COLUMNS, line, code, at),
                  code=code, line=line.number)
        self.expenditure.append(row)
        return row

    def rows(self) -> list[Row]:
        return self.income + self.expenditure

    def missing(self) -> str | None:
        keys = {r.key for r in self.rows()}
        absent = [k for k in (self.summary.INCOME_TOTAL, self.summary.EXPENDITURE_TOTAL)
                  if k not in keys]
        return f"no {' / '.join(absent)} row" if absent else None


def _truncated_class(name: str, edition: int | None) -> str | None:
    """The 类 whose name begins with ``name`` when exactly one does (a name cut by a wrapped
    cell, "社会保障和就" for 社会保障和就业支出); at least four characters; else None."""
    from govfin import codes

    if len(name) < 4:
        return None
    y = edition if edition is not None else codes.DEFAULT_EDITION
    try:
        classes = [c for c in codes.all_codes("functional", y) if len(c.code) == 3]
    except codes.UnknownEditionError:
        classes = [c for c in codes.all_codes("functional", codes.DEFAULT_EDITION)
                   if len(c.code) == 3]
    hits = [c.code for c in classes if c.name.startswith(name) and c.name != name]
    return hits[0] if len(hits) == 1 else None


class JiangsuIncomeBody(_BudgetBody):
    """Jiangsu 收入预算总表: 收入总计, then each group's 小计 and items, in printed order."""

    def __init__(self, ctx: TableContext, kind: type[Table]):
        super().__init__(ctx, kind)
        assert issubclass(kind, JiangsuIncomeTable)
        self.table = kind
        self.group = -1
        self._rows: list[Row] = []
        self._groups = {g for g, _items in kind.GROUPS}

    def feed(self, line: Line) -> None:
        labels = [c for c in line.cells if _is_label(c)]
        amounts = [c for c in line.cells if c and not _is_label(c)]
        keys = [label_key(c, self.table.LABEL_ALIASES) for c in labels]
        if len(amounts) > 1:
            self.error(CellCountError, f"{len(amounts)} amounts on one line", line)
        if not keys:
            self.unrecognised(line)
            return
        if "项目名称" in keys or "金额" in keys:
            self.header(line)
            return
        row_keys = [k for k in keys if k not in self._groups]
        for k in keys:
            if k in self._groups and not self._group_ok(k):
                self.error(UnknownNameError, f"group {k!r} out of its printed order", line)
        if not row_keys:  # a group label alone, beside the group's lines
            self.header(line, "group label")
            return
        if len(row_keys) > 1:
            self.error(CellCountError, f"several lines in one: {row_keys}", line)
        key = self._key(row_keys[-1], line)
        if key is None:
            return
        value = self.amount(amounts[-1], line, key) if amounts else None
        self._rows.append(Row(key, strip_enumerator(labels[-1]), {"金额": value},
                              line=line.number))
        self.data(line, f"row {key}")

    def _group_ok(self, k: str) -> bool:
        order = [g for g, _items in self.table.GROUPS]
        i = order.index(k)
        return i in (self.group, self.group + 1)

    def _key(self, k: str, line: Line) -> str | None:
        groups = self.table.GROUPS
        if k == "收入总计" or k == self.table.DRAWN:
            return k
        if k == "小计":
            self.group += 1
            if self.group >= len(groups):
                self.error(UnknownNameError, "a 小计 line after the last group", line)
                return None
            return groups[self.group][0]
        if 0 <= self.group < len(groups) and k in groups[self.group][1]:
            return k
        self.error(UnknownNameError, f"unknown line {k!r}", line)
        self.data(line, "unknown line")
        return None

    def rows(self) -> list[Row]:
        return self._rows

    def missing(self) -> str | None:
        return None if any(r.key == "收入总计" for r in self._rows) else "no 收入总计 row"


class JiangsuExpenditureBody(_BudgetBody):
    """Jiangsu 支出预算总表: a line of figures (the 合计), or a label and figures per unit."""

    def __init__(self, ctx: TableContext, kind: type[Table]):
        super().__init__(ctx, kind)
        self._rows: list[Row] = []

    def feed(self, line: Line) -> None:
        first = next((i for i, c in enumerate(line.cells) if c), None)
        if first is None:
            return
        label = line.cells[first] if _is_label(line.cells[first]) else ""
        rest = list(line.cells[first + 1 :] if label else line.cells[first:])
        if any(c and not is_plain_amount(c) for c in rest):
            if self.header_line(line) or any("经费" in c or "资金" in c for c in line.values):
                self.header(line)
            else:
                self.unrecognised(line)
            return
        if label and not rest:
            self.header(line)
            return
        key = "合计" if not label or squash(label) in ("合计", "总计") else squash(label)
        placed = self.placed(line, first + 1 if label else 0)
        self._rows.append(Row(key, label or "合计",
                              self.values(placed if placed is not None else rest,
                                          self.kind.COLUMNS, line, key),
                              line=line.number))
        self.data(line, f"row {key}")

    def rows(self) -> list[Row]:
        return self._rows


_CHANGE_LABELS = {"上年预算数": "上年预算数", "上年预算": "上年预算数", "增减": "增减",
                  "增减额": "增减", "本年预算数": "本年预算数", "预算数": "本年预算数",
                  "增减率": "增减率", "增长率": "增减率", "增减%": "增减率", "增减（%）": "增减率"}


#: What stands before an item's name on a line of a 三公 table printed with its items as rows:
#: "其中:(1)", "1.", "(一)", "一、".
_ITEM_PREFIX = re.compile(r"^(?:其中[:：])?(?:[(（][一二三四五六七八九十\d]{1,2}[)）]|"
                          r"[一二三四五六七八九十\d]{1,2}[、.．])?")


def item_column(kind: type[Table], label: str) -> str | None:
    """The column of a 三公 kind an item line names, when the table prints its items as rows
    ("1.因公出国(境)费用 | 39"): a name the kind declares for exactly one column
    (:func:`~govfin.readers.identify.column_names`), else :func:`budget_column`'s test.

    >>> from govfin.tables.budget import CentralThreePublicTable as C, JiangsuThreePublicTable as J
    >>> [item_column(C, n) for n in ("合 计", "其中:(1)公务用车运行维护费", "(2)公务用车购置")]
    ['合计', '公务用车运行费', '公务用车购置费']
    >>> [item_column(J, n) for n in ("一、“三公”经费合计", "(三)公务用车费", "二、会议费")]
    ['“三公”经费', '公务用车购置及运行维护费', '会议费']
    """
    text = _ITEM_PREFIX.sub("", squash(label))
    exact = [c for c in kind.COLUMNS if norm_column(text) in column_names(kind, c)]
    return exact[0] if len(exact) == 1 else budget_column(kind, text)


class BudgetThreePublicBody(_BudgetBody):
    """三公 tables: each line of figures is a row (本年预算数 unless labelled otherwise).

    Some print the items as rows instead, one figure a line under "预算数" ("合计 | 4432",
    "1.因公出国(境)费用 | 39": 重庆市江北区 2021, 南通市国资委 2016, 桂林市司法局 2015): each such
    line fills its column of the 本年预算数 row (:func:`item_column`); a line with no figure
    ("单位不需填列", or blank) leaves it blank; a line naming no column is reported; a second
    figure column is never read as another column: set aside when its header marks it a 其中
    of this year's ("其中：一般公共预算安排数": READ-part), reported otherwise (READ-identity)."""

    #: A blank form's ruled row under the header is the 本年预算数 row, printed empty.
    TAKES_BLANK_ROWS = True

    def __init__(self, ctx: TableContext, kind: type[Table]):
        super().__init__(ctx, kind)
        self._rows: dict[str, Row] = {}
        #: The items printed as rows: column -> (figure, line number).
        self._items: dict[str, tuple[Decimal | None, int]] = {}
        self._second_reported = False

    def _item(self, line: Line, labels: list[str], amounts: list[str]) -> bool:
        """Read a line of a table printing its items as rows; False when it is not one."""
        if len(labels) != 1 or squash(labels[0]) in _CHANGE_LABELS or self._rows:
            return False
        column = item_column(self.kind, labels[0])
        if column is None:
            if not self._items:
                return False
            self.error(UnknownNameError, f"item {labels[0]!r} is no column of the table "
                       f"{list(self.kind.COLUMNS)}", line)
            return True
        if column in self._items:
            self.error(CellCountError, f"item {column} printed twice", line)
            return True
        current = self._current_position()
        if current is None:
            self.error(TableIdentityError, "the header does not tell which figure column is "
                       "this year's 预算数: the line is not read", line)
            return True
        if len(amounts) > 1 and not self._second_reported:
            self._second_reported = True
            others = {i: t for i, t in _stacked(self.headers).items() if i > 0 and i != current}
            if current >= 0 and others and all(t.startswith(PART_MARK) for t in others.values()):
                # "其中：一般公共预算安排数" beside this year's 预算数: a part of it, set aside
                shown = "、".join("".join(squash(h.cell(i)) for h in distinct_headers(self.headers))
                                 for i in others)
                self.error(SetAsideColumnError,
                           SetAsideColumnError.describe(shown, self.kind.KIND),
                           self.headers[-1] if self.headers else line)
            else:
                self.error(TableIdentityError, "a second figure column (a 其中 column: "
                           f"{' '.join(self.headers[-1].values) if self.headers else ''}) is "
                           "not modelled: only the first is read", line)
        if current >= 0:  # the header names the columns: the figure under this year's
            cell = line.cells[current] if current < len(line.cells) else ""
            amounts = [cell] if cell and is_plain_amount(cell) else []
        value = self.amount(amounts[0], line, column) if amounts else None
        self._items[column] = (value, line.number)
        self.data(line, f"item {column}" if amounts else f"item {column} (no figure printed)")
        return True

    def _current_position(self) -> int | None:
        """Where this year's 预算数 stands on an item line: -1 when the header names a single
        figure column (its one figure is read), its position when the header names several
        and exactly one is this year's budget ("本年预算数" beside "其中：…", "2017年预算数"
        after "2016年执行数"), None when the header does not tell (上年 and 本年 unnamed)."""
        texts = {i: t for i, t in _stacked(self.headers).items() if i > 0}
        if len(texts) <= 1:
            return -1
        budget = [i for i, t in texts.items()
                  if "预算" in t and not any(w in t for w in ("上年", "其中", "执行", "决算"))]
        return budget[0] if len(budget) == 1 else None

    def feed(self, line: Line) -> None:
        if line.blank:
            if self._rows or self._items or len(line.cells) < len(self.kind.COLUMNS):
                return  # a ruled row left blank under the figures: nothing to read
            empty = dict.fromkeys(self.kind.COLUMNS)
            self._rows["本年预算数"] = Row("本年预算数", "本年预算数", empty, line=line.number)
            return
        # a dash is a blank amount (govfin.amounts.BLANK_TEXTS), printed for a zero
        amounts = [c.rstrip("%％") for c in line.cells
                   if c and not _is_label(c) and c.strip() not in BLANK_TEXTS]
        labels = [c for c in line.values if _is_label(c)]
        plain = all(is_plain_amount(c) for c in amounts)
        if plain and labels and (amounts or self._items) and self._item(
                line, labels if amounts else labels[:1], amounts):
            return
        if not plain and self._items and labels and self._item(line, labels[:1], []):
            return  # "单位不需填列" where a figure would stand: printed without one
        if not amounts or not plain:
            if labels:
                self.header(line)
            else:
                self.unrecognised(line)
            return
        label = squash(re.sub(r"^\d{4}年度?", "", squash(labels[0]))) if labels else ""
        key = _CHANGE_LABELS.get(label, "本年预算数" if not label else "")
        if not key:
            self.error(UnknownNameError, f"unknown row {labels[0]!r}", line)
            return
        first = next(i for i, c in enumerate(line.cells) if c and not _is_label(c))
        placed = self.placed(line, first)
        cells = placed if placed is not None else list(line.cells[first:])
        if key == "增减率":  # percent signs of the rate row
            cells = [c.rstrip("%％") for c in cells]
        if key in self._rows:
            self.error(CellCountError, f"row {key} printed twice", line)
        self._rows[key] = Row(key, labels[0] if labels else key,
                              self.values(cells, self.kind.COLUMNS, line, key), line=line.number)
        self.data(line, f"row {key}")

    def rows(self) -> list[Row]:
        if self._items and "本年预算数" not in self._rows:
            # an item the table does not print has no cell at all (not a blank one): no
            # equation is checked on a total it does not print (南通: no 合计 line)
            values = {c: self._items[c][0] for c in self.kind.COLUMNS if c in self._items}
            first = min(n for _v, n in self._items.values())
            self._rows["本年预算数"] = Row("本年预算数", "本年预算数", values, line=first)
        return [self._rows[k] for k in ("本年预算数", "上年预算数", "增减", "增减率")
                if k in self._rows]

    def missing(self) -> str | None:
        return None if "本年预算数" in self._rows or self._items else "no 本年预算数 row"


_CATEGORY = {name: name for name, _letter in PROCUREMENT_CATEGORIES}


class ProcurementBody(_BudgetBody):
    """Jiangsu 政府采购支出预算表: 合计, 货物 / 工程 / 服务, and detail lines kept as 明细N."""

    def __init__(self, ctx: TableContext, kind: type[Table]):
        super().__init__(ctx, kind)
        self._rows: list[Row] = []
        self._details = 0

    def feed(self, line: Line) -> None:
        values = list(line.values)
        amounts = [v for v in values if is_plain_amount(v)]
        labels = [v for v in values if not is_plain_amount(v)]
        if not amounts:
            if labels and ("采购" in line.squashed or "总计" in line.squashed):
                self.header(line)
            elif labels and self._rows:
                self.data(line, f"continues {self._rows[-1].key}")
            else:
                self.unrecognised(line)
            return
        if len(amounts) > 1:
            self.error(CellCountError, f"{len(amounts)} amounts on one line", line)
        value = self.amount(amounts[-1], line, "金额")
        head = label_key(labels[0]) if labels else ""
        category = re.sub(r"[A-C]$", "", head)
        if head in ("合计", "总计") or not labels:
            key = "合计"
        elif category in _CATEGORY and len(labels) == 1:
            key = category
        else:
            self._details += 1
            key = f"明细{self._details}"
        self._rows.append(Row(key, " | ".join(labels), {"金额": value}, line=line.number))
        self.data(line, f"row {key}")

    def rows(self) -> list[Row]:
        return self._rows

    def missing(self) -> str | None:
        return None if any(r.key == "合计" for r in self._rows) else "no 合计 row"


def _body_of(kind: type[BudgetTable]) -> Callable[[TableContext, type[Table]], _Body] | None:
    if issubclass(kind, BudgetSummary):
        return BudgetSummaryBody
    if issubclass(kind, BudgetThreePublicTable):
        return BudgetThreePublicBody
    return {
        JiangsuIncomeTable: JiangsuIncomeBody,
        JiangsuExpenditureTable: JiangsuExpenditureBody,
        JiangsuProcurementTable: ProcurementBody,
    }.get(kind)


#: Body parser of each budget kind the functional parser cannot read.
BUDGET_BODIES: dict[type[Table], Callable[[TableContext, type[Table]], _Body]] = {
    k: b for k in budget_kinds() if (b := _body_of(k)) is not None
}


def _check_coverage() -> None:
    """Every budget kind is read by the functional parser or by one of these."""
    from govfin.tables.functional import FunctionalTable

    for k in budget_kinds():
        if not issubclass(k, FunctionalTable) and k not in BUDGET_BODIES:
            raise TableIdentityError(f"no reader for budget kind {k.KIND}")


_check_coverage()
