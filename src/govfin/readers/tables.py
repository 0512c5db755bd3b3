"""Table blocks of the text -> typed :class:`~govfin.tables.Table` objects.

A *table block* is the run of lines from a table's title to the next title (or part heading,
or 绩效自评表).  Its lines are, in order:

- front matter: the title, the number ("公开01表", possibly split "公开02" / "表"), the
  department ("部门名称：…", possibly wrapped over two lines, possibly with the year), the year
  ("2024年度"), the unit ("金额单位：万元" / "单位：元");
- header rows, a "栏次" row or a numbering row;
- data rows (page breaks may leave blank lines among them);
- notes ("注：…", "说明：本表无数据").

The kind of a table is told by its title (:func:`identify_title`) and confirmed by its header
(:func:`identify_by_header`); never by its number or position.  Each kind has a body parser
(functional tables, the two summaries, 06, 09, 10) that files every body line in the read log.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import ClassVar

import attrs

from govfin.amounts import AmountError, Unit, parse_amount, parse_count
from govfin.readers.errors import (
    AmountSyntaxError,
    CellCountError,
    CodeSyntaxError,
    MissingUnitError,
    ReadError,
    TableIdentityError,
    TruncatedTableError,
    UnknownNameError,
)
from govfin.readers.lines import (
    Line,
    LineKind,
    LogBuilder,
    squash,
    strip_enumerator,
    to_fullwidth_brackets,
)
from govfin.tables import (
    BasicExpenditureDetail,
    DisclosureInfoTable,
    FiscalAppropriationSummary,
    FunctionalTable,
    IncomeExpenditureSummary,
    Row,
    Table,
    TableError,
    TableMeta,
    ThreePublicTable,
    kind_for_title,
)

__all__ = [
    "TableContext",
    "identify_by_header",
    "identify_title",
    "is_table_number",
    "parse_department",
    "parse_unit",
    "parse_year",
    "read_table",
]

# -- front-matter patterns (anchored, no nested repetition) ------------------------------------

_NUMBER = re.compile(r"^(?:公开)?(\d{1,2})表?$|^公开(\d{1,2})号?表$|^表(\d{1,2})$")
_YEAR = re.compile(r"^[(（]?(\d{4})年度?[)）]?$")
_YEAR_SUFFIX = re.compile(r"(\d{4})年度?$")
_UNIT = re.compile(r"^(?:金额)?单位[:：](万元|元)$")
_DEPT = re.compile(r"^(?:部门|单位|编制部门|编制单位)(?:名称)?[:：](.*)$")
_NOTE = re.compile(r"^(?:注|说明|备注|附注)\d?[:：]")
_CODE = re.compile(r"^\d{3}(?:\d{2}){0,2}$")
_PAREN_SUFFIX = re.compile(r"[（(][^（）()]*[)）]$")
#: Printed forms of an empty table's statement.
_EMPTY_WORDS = ("本表无数据", "无数据", "本表为空", "本年度无此项", "无此项", "本表无")


def is_table_number(text: str) -> str | None:
    """The two-digit number of a table-number line ("公开01表", "公开 02", "表3"), or None."""
    m = _NUMBER.match(squash(text))
    if not m:
        return None
    digits = next(g for g in m.groups() if g)
    return digits.zfill(2)


def parse_year(text: str) -> int | None:
    """The year of a year line ("2024年度", "(2024年度)"), or None."""
    m = _YEAR.match(squash(text))
    return int(m.group(1)) if m else None


def parse_unit(text: str) -> Unit | None:
    """The unit of a unit line ("金额单位：万元", "单位：元"), or None."""
    m = _UNIT.match(squash(text))
    if not m:
        return None
    return Unit.WAN_YUAN if m.group(1) == "万元" else Unit.YUAN


def parse_department(text: str) -> str | None:
    """The value of a "部门名称：…" / "单位名称：…" line (may be empty), or None."""
    m = _DEPT.match(text.strip())
    return m.group(1).strip() if m else None


def _strip_title(text: str) -> str:
    """A title line without a leading enumerator, 表号 and unit remark."""
    t = squash(text)
    t = re.sub(r"^(?:附表|表)?[一二三四五六七八九十\d]{1,3}[、.．:：]", "", t)
    t = re.sub(r"[（(](?:公开\d{1,2}表|单位[:：]?万?元|金额单位[:：]?万?元)[)）]$", "", t)
    t = re.sub(r"公开\d{1,2}号?表$", "", t)
    t = re.sub(r"^公开\d{1,2}号?表", "", t)
    return t


def identify_title(text: str, department: str | None = None) -> type[Table] | None:
    """The table kind a printed title names, or None.

    Accepts the variants regions print: with or without "公开NN表", a leading enumerator, a
    year, the department's name or 部门/单位 in front, "一般公共预算" in front of the 三公
    title, half- or full-width brackets and quotes (through
    :func:`govfin.tables.kind_for_title`).
    """
    t = _strip_title(text)
    if not t or len(t) > 80:
        return None
    candidates = [t]
    if department:
        d = squash(department)
        if d and t.startswith(d):
            candidates.append(t[len(d) :])
    for c in list(candidates):
        for prefix in ("部门", "单位"):
            if c.startswith(prefix):
                candidates.append(c[len(prefix) :])
    for c in list(candidates):
        if "三公" in c and c.startswith("一般公共预算"):
            candidates.append(c[len("一般公共预算") :])
    for c in candidates:
        kind = kind_for_title(c)
        if kind is not None:
            return kind
    return None


# -- header analysis ----------------------------------------------------------------------------

#: Words that make a row a header row (compared with whole, squashed cells).
_HEADER_WORDS = frozenset(
    {
        "项目", "行次", "金额", "栏次", "科目代码", "科目名称", "科目编码", "功能分类科目编码",
        "功能分类科目名称", "经济分类科目编码", "经济分类科目名称", "类", "款", "项", "收入",
        "支出", "本年支出", "本年收入", "决算数", "预算数", "统计数", "人员经费", "公用经费",
        "小计", "编码", "名称", "单位", "数量",
    }
)  # fmt: skip


def _norm_column(text: str) -> str:
    """A header or column name compared loosely: no spaces, full-width brackets and quotes."""
    return to_fullwidth_brackets(squash(text)).replace('"', "").replace("“", "").replace("”", "")


def _is_numbering(line: Line) -> bool:
    """True for a column-numbering row: the non-empty cells are 1, 2, 3, … in order."""
    vals = [v for v in line.values if v != "栏次"]
    if len(vals) < 2 or not all(v.isdigit() for v in vals):
        return False
    return [int(v) for v in vals] == list(range(int(vals[0]), int(vals[0]) + len(vals)))


def _header_like(line: Line, columns: Sequence[str] = ()) -> bool:
    """True when a line reads as a header row of a table with these columns."""
    if _is_numbering(line):
        return True
    names = {_norm_column(c) for c in columns}
    for v in line.values:
        s = _norm_column(v)
        if s in _HEADER_WORDS or s in names or any(s and s in n for n in names):
            return True
    return False


def _column_matches(printed: str, column: str) -> bool:
    """Does a printed (merged) header name denote this model column?"""
    p, c = _norm_column(printed), _norm_column(column)
    if p == c:
        return True
    for prefix in ("本年支出", "本年收入", "本年"):
        if p.startswith(prefix) and p[len(prefix) :] in (c, c.replace("合计", "小计")):
            return True
    if c.endswith("合计") and p == c[:-2] + "小计":
        return True
    return c == "合计" and p == "小计"


def _merged_header(headers: Sequence[Line], width: int) -> list[str]:
    """Column names formed by joining each column's header cells top to bottom."""
    names = ["" for _ in range(width)]
    for h in headers:
        if _is_numbering(h):
            continue
        for i in range(min(width, len(h.cells))):
            names[i] += squash(h.cells[i])
    return names


def identify_by_header(headers: Sequence[Line]) -> type[Table] | None:
    """The table kind a block's header rows point to, or None (content identification)."""
    text = "".join(_norm_column(h.joined) for h in headers)
    if not text:
        return None
    if "因公出国" in text or "公务接待" in text:
        return ThreePublicTable
    if "人员经费" in text and "公用经费" in text:
        return BasicExpenditureDetail
    if "政府采购" in text or "统计数" in text:
        return DisclosureInfoTable
    cells = {_norm_column(v) for h in headers for v in h.values}
    if "项目" in cells and "行次" in cells or sum(h.values.count("项目") for h in headers) >= 2:
        appropriations = ("一般公共预算财政拨款", "政府性基金预算财政拨款")
        if all(a in cells for a in appropriations):
            return FiscalAppropriationSummary
        return IncomeExpenditureSummary
    # Functional tables: the kind all of whose columns the header names; the largest such.
    best: tuple[int, type[Table] | None] = (0, None)
    width = max(len(h.cells) for h in headers)
    names = [n for n in _merged_header(headers, width) if n]
    for kind in Table.KINDS.values():
        if not issubclass(kind, FunctionalTable):
            continue
        hits = sum(any(_column_matches(n, c) for n in names) for c in kind.COLUMNS)
        if hits == len(kind.COLUMNS) and hits > best[0]:
            best = (hits, kind)
    return best[1]


# -- the shared context of one table's reading --------------------------------------------------


@attrs.define
class TableContext:
    """What a table parser needs from the document: the log, the year, the department."""

    log: LogBuilder
    year: int | None = None
    department: str | None = None
    #: Year of the classification used to map 类 names to codes.
    codes_year: int | None = None


class _Body:
    """Base of the per-kind body parsers: shared helpers for cells, amounts and errors."""

    kind: ClassVar[type[Table]]

    def __init__(self, ctx: TableContext, kind: type[Table]):
        self.ctx = ctx
        self.kind = kind  # type: ignore[misc]
        self.part = kind.KIND
        self.headers: list[Line] = []
        self.data_lines = 0

    # logging ------------------------------------------------------------------------------
    def header(self, line: Line, note: str = "header") -> None:
        self.headers.append(line)
        self.ctx.log.mark(line, LineKind.BOILERPLATE, self.part, note)

    def data(self, line: Line, note: str) -> None:
        self.data_lines += 1
        self.ctx.log.mark(line, LineKind.TABLE_CELL, self.part, note)

    def unrecognised(self, line: Line) -> None:
        self.ctx.log.unrecognised(line, self.part, in_table=True)

    def error(self, cls: type[ReadError], message: str, line: Line | None) -> None:
        self.ctx.log.error(
            cls(
                message,
                line=line.number if line else None,
                text=line.text if line else None,
                where=self.part,
            )
        )

    # cells --------------------------------------------------------------------------------
    def fit(self, line: Line, width: int) -> tuple[str, ...]:
        """The line's cells cut or padded to ``width``; a misfit is a :class:`CellCountError`."""
        cells = line.cells
        if len(cells) < width:
            self.error(
                CellCountError,
                f"{len(cells)} cell(s) where the header has {width}",
                line,
            )
            return cells + ("",) * (width - len(cells))
        if any(cells[width:]):
            self.error(
                CellCountError,
                f"{line.trimmed_width()} cell(s) where the header has {width}",
                line,
            )
        return cells[:width]

    def amount(self, text: str, line: Line, column: str) -> Decimal | None:
        """A money cell; text that is not a number is an :class:`AmountSyntaxError` (blank)."""
        try:
            return parse_amount(text)
        except AmountError as exc:
            self.error(AmountSyntaxError, f"column {column}: {exc}", line)
            return None

    def count(self, text: str, line: Line, column: str) -> Decimal | None:
        """A count cell (vehicles, equipment): a whole number."""
        try:
            n = parse_count(text)
        except AmountError as exc:
            self.error(AmountSyntaxError, f"column {column}: {exc}", line)
            return None
        return None if n is None else Decimal(n)

    # protocol -----------------------------------------------------------------------------
    def feed(self, line: Line) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def rows(self) -> list[Row]:  # pragma: no cover - abstract
        raise NotImplementedError

    def missing(self) -> str | None:
        """What a complete table of this kind would still need (None when complete)."""
        return None if self.data_lines else "no data rows"


# -- 02 03 05 07 08: rows keyed by functional code ------------------------------------------------


class _FunctionalBody(_Body):
    """Rows "code, name, amounts…" under a "合计" row."""

    def __init__(self, ctx: TableContext, kind: type[Table]):
        super().__init__(ctx, kind)
        self.width = 2 + len(kind.COLUMNS)
        self._rows: list[Row] = []
        self._order: list[int] | None = None  # header column index of each model column

    def _columns(self) -> list[int]:
        if self._order is None:
            self._order = self._layout()
        return self._order

    def _layout(self) -> list[int]:
        """Where each model column sits, read from the merged header (default: in order)."""
        default = list(range(2, self.width))
        if not self.headers:
            return default
        names = _merged_header(self.headers, self.width)
        found: list[int] = []
        for c in self.kind.COLUMNS:
            idx = next(
                (i for i in range(2, self.width) if names[i] and _column_matches(names[i], c)),
                None,
            )
            if idx is None or idx in found:
                # Printed columns that cannot all be named: positions, and say so once.
                shown = [n for n in names[2:] if n]
                if len(shown) == len(self.kind.COLUMNS):
                    self.error(
                        TableIdentityError,
                        f"header columns {shown} do not match {list(self.kind.COLUMNS)}",
                        self.headers[-1],
                    )
                return default
            found.append(idx)
        return found

    def feed(self, line: Line) -> None:
        first = squash(line.cell(0))
        code, name = first, line.cell(1)
        if " " in line.cell(0).strip() and _CODE.match(line.cell(0).split()[0]):
            # "2010350 事业运行" printed in one cell.
            code, _, name = line.cell(0).strip().partition(" ")
        if _CODE.match(code) or first in ("合计", "总计"):
            self._row(line, code if _CODE.match(code) else None, name.strip())
        elif _header_like(line, self.kind.COLUMNS):
            self.header(line, "栏次" if first == "栏次" or _is_numbering(line) else "header")
        else:
            self.unrecognised(line)

    def _row(self, line: Line, code: str | None, name: str) -> None:
        cells = self.fit(line, self.width)
        values = {
            c: self.amount(cells[i], line, c)
            for c, i in zip(self.kind.COLUMNS, self._columns(), strict=True)
        }
        key = code if code is not None else "合计"
        if code is None:
            name = name or squash(line.cell(0))
        self._rows.append(Row(key, name, values, code=code, line=line.number))
        self.data(line, f"row {key}")

    def rows(self) -> list[Row]:
        return self._rows

    def missing(self) -> str | None:
        if not self._rows:
            return "no data rows"
        if not any(r.key == "合计" for r in self._rows):
            return "no 合计 row"
        return None


# -- 01 and 04: two sides on one line -----------------------------------------------------------


@attrs.frozen
class _Side:
    label: int
    values: tuple[int, ...]
    columns: tuple[str, ...]
    rownum: int | None = None


class _SummaryBody(_Body):
    """公开01 / 公开04: income lines on the left, expenditure by 类 on the right."""

    def __init__(self, ctx: TableContext, kind: type[Table]):
        super().__init__(ctx, kind)
        self.summary04 = kind is FiscalAppropriationSummary
        self.exp_columns: tuple[str, ...] = (
            FiscalAppropriationSummary.EXPENDITURE_COLUMNS if self.summary04 else ("金额",)
        )
        n = len(self.exp_columns)
        self.sides = (
            _Side(0, (2,), ("金额",), 1),
            _Side(3, tuple(range(5, 5 + n)), self.exp_columns, 4),
        )
        self.width = 5 + n
        self.income: list[Row] = []
        self.expenditure: list[Row] = []
        self._opening = False  # after 年初财政拨款结转和结余 (04): split lines get "年初"
        self._closing = False  # after 年末… on the expenditure side

    def feed(self, line: Line) -> None:
        first = squash(line.cell(0))
        if line.values.count("项目") >= 2 or line.cell(0) == "项目":
            self._layout(line)
            self.header(line)
        elif first == "栏次" or _is_numbering(line) or (
            first in ("收入", "支出") and not any(is_plain_amount(v) for v in line.values)
        ):
            self.header(line, "栏次" if first == "栏次" else "header")
        elif self._is_data(line):
            self._row(line)
        elif _header_like(line, self.kind.COLUMNS):
            self.header(line)
        else:
            self.unrecognised(line)

    def _layout(self, line: Line) -> None:
        """Read the position of each side's label, 行次 and money columns from the header."""
        starts = [i for i, c in enumerate(line.cells) if squash(c) == "项目"]
        if len(starts) != 2:
            return
        sides = []
        for k, start in enumerate(starts):
            end = starts[k + 1] if k + 1 < len(starts) else len(line.cells)
            rownum = start + 1 if squash(line.cell(start + 1)) == "行次" else None
            first_value = start + (2 if rownum is not None else 1)
            columns = ("金额",) if k == 0 else self.exp_columns
            values = tuple(range(first_value, first_value + len(columns)))
            if first_value + len(columns) > end:
                self.error(
                    TableIdentityError,
                    f"header has {end - first_value} money column(s) on side {k + 1}, "
                    f"expected {len(columns)}",
                    line,
                )
                return
            sides.append(_Side(start, values, columns, rownum))
        self.sides = (sides[0], sides[1])
        self.width = max(self.width, sides[1].values[-1] + 1)

    def _is_data(self, line: Line) -> bool:
        """A printed row: a 行次 number where the header has one, or (nearly) full width.

        A damaged row (a cell lost or added) is still a row, so that its misfit is reported as
        a :class:`CellCountError` rather than as an unrecognised line.
        """
        if any(
            side.rownum is not None and line.cell(side.rownum).isdigit() for side in self.sides
        ):
            return True
        return len(line.cells) >= self.width - 1 and not any(
            side.rownum is not None and line.cell(side.rownum) and not line.cell(side.rownum).isdigit()
            and len(line.cells) == self.width
            for side in self.sides
        )

    def _row(self, line: Line) -> None:
        cells = self.fit(line, self.width)
        notes = []
        for k, side in enumerate(self.sides):
            label = cells[side.label]
            raw = [cells[i] for i in side.values]
            if not label:
                if any(raw):
                    self.error(CellCountError, "amount without a row label", line)
                continue
            values = {c: self.amount(v, line, c) for c, v in zip(side.columns, raw, strict=True)}
            row = self._income_row(label, values, line) if k == 0 else self._exp_row(
                label, values, line
            )
            if row is not None:
                (self.income if k == 0 else self.expenditure).append(row)
                notes.append(row.key)
        self.data(line, "rows " + ", ".join(notes) if notes else "empty row")

    def _income_row(
        self, label: str, values: dict[str, Decimal | None], line: Line
    ) -> Row | None:
        name = strip_enumerator(label)
        key = _PAREN_SUFFIX.sub("", squash(name)) if "结余" in name else squash(name)
        if key == "总计":
            key = "收入总计"
        if self.summary04:
            if key == "年初财政拨款结转和结余":
                self._opening = True
            elif self._opening and key in FiscalAppropriationSummary.EXPENDITURE_COLUMNS:
                key = "年初" + key
        return self._keyed(key, name, values, line, self.kind.INCOME_ROWS)  # type: ignore[attr-defined]

    def _exp_row(self, label: str, values: dict[str, Decimal | None], line: Line) -> Row | None:
        name = strip_enumerator(label)
        key = squash(name)
        if key == "总计":
            key = "支出总计"
        rows: tuple[str, ...] = self.kind.EXPENDITURE_ROWS  # type: ignore[attr-defined]
        if key in rows:
            return Row(key, name, values, line=line.number)
        code = class_code(name, self.ctx.codes_year)
        if code is None:
            self.error(UnknownNameError, f"no 类 of the classification is named {name!r}", line)
            return None
        return Row(code, name, values, code=code, line=line.number)

    def _keyed(
        self,
        key: str,
        name: str,
        values: dict[str, Decimal | None],
        line: Line,
        allowed: tuple[str, ...],
    ) -> Row | None:
        if key not in allowed:
            self.error(UnknownNameError, f"unknown income line {name!r}", line)
            return None
        return Row(key, name, values, line=line.number)

    def rows(self) -> list[Row]:
        return self.income + self.expenditure

    def missing(self) -> str | None:
        keys = {r.key for r in self.rows()}
        absent = [k for k in ("收入总计", "支出总计") if k not in keys]
        return f"no {' / '.join(absent)} row" if absent else None


def is_plain_amount(text: str) -> bool:
    """True when a cell parses as an amount (and is not blank)."""
    try:
        return parse_amount(text) is not None
    except AmountError:
        return False


def class_code(name: str, year: int | None) -> str | None:
    """The 类 code of a printed functional class name in the edition of ``year``, or None.

    Uses :func:`govfin.codes.find_by_name`; a year with no shipped edition falls back to
    :data:`govfin.codes.DEFAULT_YEAR`.
    """
    from govfin import codes

    y = year if year is not None else codes.DEFAULT_YEAR
    try:
        found = codes.find_by_name(name, y, level="类", scheme="functional")
    except codes.UnknownEditionError:
        found = codes.find_by_name(name, codes.DEFAULT_YEAR, level="类", scheme="functional")
    return found[0].code if found else None


# -- 06: (code, name, amount) groups side by side -------------------------------------------------

_TOTAL_LABELS = (BasicExpenditureDetail.PERSONNEL_TOTAL, BasicExpenditureDetail.PUBLIC_TOTAL)


class _DetailBody(_Body):
    """公开06: four (科目代码, 科目名称, 决算数) groups per line, then the two totals."""

    def __init__(self, ctx: TableContext, kind: type[Table]):
        super().__init__(ctx, kind)
        self.groups: list[tuple[int, int, int]] = [(g, g + 1, g + 2) for g in (0, 3, 6, 9)]
        self.width = 12
        self.by_group: dict[int, list[Row]] = {}
        self.totals: dict[str, Row] = {}

    def feed(self, line: Line) -> None:
        squashed = [squash(c) for c in line.cells]
        if "科目代码" in squashed or "科目编码" in squashed:
            starts = [i for i, c in enumerate(squashed) if c in ("科目代码", "科目编码")]
            self.groups = [(s, s + 1, s + 2) for s in starts]
            self.width = max(self.width, starts[-1] + 3)
            self.header(line)
        elif any(c in _TOTAL_LABELS for c in squashed):
            self._totals(line, squashed)
        elif any(_CODE.match(line.cell(g[0])) for g in self.groups):
            self._groups(line)
        elif _header_like(line, self.kind.COLUMNS):
            self.header(line)
        else:
            self.unrecognised(line)

    def _groups(self, line: Line) -> None:
        cells = self.fit(line, self.width)
        keys = []
        for k, (ci, ni, vi) in enumerate(self.groups):
            code, name, value = cells[ci], cells[ni], cells[vi]
            if not code:
                if name or value:
                    self.error(CodeSyntaxError, f"group {k + 1}: a name or amount without a code", line)
                continue
            if not _CODE.match(code) or len(code) not in BasicExpenditureDetail.CODE_LENGTHS:
                self.error(CodeSyntaxError, f"group {k + 1}: {code!r} is not an economic code", line)
                continue
            amount = self.amount(value, line, f"决算数 ({code})")
            self.by_group.setdefault(k, []).append(
                Row(code, name, {"决算数": amount}, code=code, line=line.number)
            )
            keys.append(code)
        self.data(line, "rows " + ", ".join(keys) if keys else "empty row")

    def _totals(self, line: Line, squashed: list[str]) -> None:
        positions = [i for i, c in enumerate(squashed) if c in _TOTAL_LABELS]
        for n, pos in enumerate(positions):
            end = positions[n + 1] if n + 1 < len(positions) else len(line.cells)
            filled = [c for c in line.cells[pos + 1 : end] if c]
            if len(filled) > 1:
                self.error(CellCountError, f"{squashed[pos]}: more than one amount", line)
            value = self.amount(filled[-1] if filled else "", line, squashed[pos])
            key = squashed[pos]
            self.totals[key] = Row(key, line.cells[pos], {"决算数": value}, line=line.number)
        self.data(line, "totals")

    def rows(self) -> list[Row]:
        out = [r for k in sorted(self.by_group) for r in self.by_group[k]]
        out.extend(self.totals[k] for k in _TOTAL_LABELS if k in self.totals)
        return out

    def missing(self) -> str | None:
        absent = [k for k in _TOTAL_LABELS if k not in self.totals]
        return f"no {' / '.join(absent)} row" if absent else None


# -- 09: 三公 --------------------------------------------------------------------------------------


class _ThreePublicBody(_Body):
    """公开09: 预算数 and 决算数, six columns each (side by side, or one row each)."""

    _ROWS = (ThreePublicTable.BUDGET, ThreePublicTable.ACTUAL)

    def __init__(self, ctx: TableContext, kind: type[Table]):
        super().__init__(ctx, kind)
        self._rows: dict[str, Row] = {}

    def feed(self, line: Line) -> None:
        n = len(self.kind.COLUMNS)
        first = squash(line.cell(0))
        rest = line.cells[1:]
        if _is_numbering(line):
            self.header(line, "栏次")
        elif first in self._ROWS and not any(
            v and not _amount_like(v) for v in rest
        ):
            cells = self.fit(line, 1 + n)
            self._put(first, cells[1:], line)
            self.data(line, f"row {first}")
        elif line.values and all(_amount_like(v) for v in line.values) and (
            line.trimmed_width() > n
        ):
            cells = self.fit(line, 2 * n)
            self._put(self._ROWS[0], cells[:n], line)
            self._put(self._ROWS[1], cells[n:], line)
            self.data(line, "rows 预算数, 决算数")
        elif _header_like(line, self.kind.COLUMNS) or any(
            "公务" in v or "出国" in v for v in line.values
        ):
            self.header(line)
        else:
            self.unrecognised(line)

    def _put(self, key: str, cells: Sequence[str], line: Line) -> None:
        values = {
            c: self.amount(v, line, c) for c, v in zip(self.kind.COLUMNS, cells, strict=True)
        }
        self._rows[key] = Row(key, key, values, line=line.number)

    def rows(self) -> list[Row]:
        return [self._rows[k] for k in self._ROWS if k in self._rows]

    def missing(self) -> str | None:
        absent = [k for k in self._ROWS if k not in self._rows]
        return f"no {' / '.join(absent)} row" if absent else None


def _amount_like(text: str) -> bool:
    """A cell that is meant as a number: digits, signs, separators (maybe garbled)."""
    t = squash(text)
    return bool(t) and not any("\u3400" <= ch <= "\u9fff" for ch in t)


# -- 10: 相关信息统计表 -------------------------------------------------------------------------------

_PROCUREMENT_SECTION = "政府采购"


class _InfoBody(_Body):
    """公开10: labelled lines (label, 行次, 统计数) under section lines."""

    def __init__(self, ctx: TableContext, kind: type[Table]):
        super().__init__(ctx, kind)
        self.section = ""
        self._rows: list[Row] = []

    def feed(self, line: Line) -> None:
        first = line.cell(0)
        others = [v for v in line.cells[1:] if v]
        if first and not others and _is_section(first):
            self.section = squash(first)
            self.header(line, "section")
        elif squash(first) in ("项目", "栏次") or _is_numbering(line):
            self.header(line)
        elif first:
            self._row(line)
        else:
            self.unrecognised(line)

    def _row(self, line: Line) -> None:
        cells = self.fit(line, 3)
        label, rownum, value = cells
        if rownum and not rownum.isdigit():
            self.unrecognised(line)
            return
        key = info_key(label, self.section)
        if key is None:
            self.error(UnknownNameError, f"unknown line {label!r}", line)
            self.data(line, "unknown line")
            return
        if key in DisclosureInfoTable.COUNT_ROWS:
            v = self.count(value, line, key)
        else:
            v = self.amount(value, line, key)
        self._rows.append(Row(key, strip_enumerator(label), {"统计数": v}, line=line.number))
        self.data(line, f"row {key}")

    def rows(self) -> list[Row]:
        return self._rows


def _is_section(label: str) -> bool:
    s = squash(label)
    return bool(re.match(r"^[一二三四五六七八九十]+、", s))


def info_key(label: str, section: str = "") -> str | None:
    """The row key of a printed 公开10 label, or None when it names no known line.

    ``"(一) 车辆数合计(辆)"`` -> ``"车辆数合计"``; ``"合计"`` under 政府采购 -> ``"政府采购合计"``;
    half-width brackets become full-width.
    """
    keys = DisclosureInfoTable.ROW_KEYS or ()
    s = to_fullwidth_brackets(squash(strip_enumerator(label)))
    for prefix in ("其中：", "其中"):
        if s.startswith(prefix):
            s = s[len(prefix) :]
    candidates = [s]
    bare = s
    while _PAREN_SUFFIX.search(bare):
        bare = _PAREN_SUFFIX.sub("", bare)
        candidates.append(bare)
    if s.startswith(_PROCUREMENT_SECTION):
        candidates.append(s[len(_PROCUREMENT_SECTION) :])
    for c in candidates:
        if c in keys:
            return c
        if c in ("合计", "总计") and _PROCUREMENT_SECTION in section:
            return "政府采购合计"
    return None


_BODIES: dict[type[Table], Callable[[TableContext, type[Table]], _Body]] = {
    IncomeExpenditureSummary: _SummaryBody,
    FiscalAppropriationSummary: _SummaryBody,
    BasicExpenditureDetail: _DetailBody,
    ThreePublicTable: _ThreePublicBody,
    DisclosureInfoTable: _InfoBody,
}


def _body_for(kind: type[Table], ctx: TableContext) -> _Body:
    if issubclass(kind, FunctionalTable):
        return _FunctionalBody(ctx, kind)
    factory = _BODIES.get(kind)
    if factory is None:
        raise TableIdentityError(f"no reader for table kind {kind.KIND}")
    return factory(ctx, kind)


# -- one block ------------------------------------------------------------------------------------


@attrs.define
class _Front:
    number: str | None = None
    department: str | None = None
    year: int | None = None
    unit: Unit | None = None
    dept_open: bool = False  # the last front line was 部门名称 (a wrap may follow)
    number_open: bool = False  # the last front line was "公开02" without "表"


def _front_cell(front: _Front, cell: str) -> bool:
    """Take one cell of a front-matter line; False when the cell is not front matter."""
    s = squash(cell)
    if not s:
        return True
    if is_table_number(s) is not None:
        front.number = s  # as printed: "公开01表" (or "公开02", completed by a "表" line)
        front.number_open = not s.endswith("表")
        return True
    if s == "表" and front.number_open:
        front.number = (front.number or "") + s
        front.number_open = False
        return True
    if (y := parse_year(s)) is not None:
        front.year = y
        return True
    if (u := parse_unit(s)) is not None:
        front.unit = u
        return True
    if (d := parse_department(cell)) is not None:
        m = _YEAR_SUFFIX.search(squash(d))
        if m:
            front.year = int(m.group(1))
            d = _strip_year(d)
        front.department = d
        front.dept_open = m is None
        return True
    return False


def _strip_year(text: str) -> str:
    """Text without a trailing "2024年度"."""
    return re.sub(r"\s*\d{4}\s*年度?\s*$", "", text).strip()


def read_table(
    lines: Sequence[Line], title_line: Line, kind: type[Table] | None, ctx: TableContext
) -> Table | None:
    """Read one table block; file every line in the log; return the table (None if unknown).

    ``title_line`` is one of ``lines``: the title, or the table-number line when the block
    has no title (then ``meta.title`` is None).  ``kind`` is the kind the title names; when
    None the header decides (:func:`identify_by_header`), and a block that neither tells is a
    :class:`TableIdentityError`.
    """
    log = ctx.log
    front = _Front()
    titled = is_table_number(title_line.joined) is None
    marks: list[tuple[Line, str]] = []  # front matter and notes, filed once the kind is known
    body_lines: list[Line] = []
    notes: list[str] = []
    empty_note: str | None = None
    in_front = True

    for line in lines:
        if line.blank:
            continue
        if line is title_line and titled:
            marks.append((line, "title"))
            continue
        if in_front:
            if front.dept_open and line.single and _wrap_of_department(line):
                front.department = (front.department or "") + _strip_year(line.joined)
                m = _YEAR_SUFFIX.search(squash(line.joined))
                if m:
                    front.year = int(m.group(1))
                front.dept_open = False
                marks.append((line, "部门名称 (wrapped)"))
                continue
            front.dept_open = False
            if all(_front_cell(front, c) for c in line.cells):
                marks.append((line, "front matter"))
                continue
            in_front = False
        if _NOTE.match(squash(line.joined)) or _is_empty_statement(line.joined):
            text = line.joined.strip()
            notes.append(text)
            if _is_empty_statement(text):
                empty_note = _NOTE.sub("", squash(text))  # "说明：本表无数据" -> "本表无数据"
            marks.append((line, "note"))
            continue
        if notes and line.single:
            marks.append((line, "note (continued)"))
            continue
        body_lines.append(line)

    by_header = identify_by_header(_leading_headers(body_lines))
    if kind is None:
        kind = by_header
    elif by_header is not None and not _same_layout(kind, by_header):
        log.error(
            TableIdentityError(
                f"the title names {kind.KIND} but the header is that of {by_header.KIND}; "
                "read as the header says",
                line=title_line.number,
                text=title_line.text,
                where=kind.KIND,
            )
        )
        kind = by_header
    if kind is None:
        for ln, note in marks:
            log.mark(ln, LineKind.BOILERPLATE, "table", note)
        for ln in body_lines:
            log.unrecognised(ln, "table", in_table=True)
        log.error(
            TableIdentityError(
                "a table whose kind neither its title nor its header tells",
                line=title_line.number,
                text=title_line.text,
            )
        )
        return None
    for ln, note in marks:
        log.mark(ln, LineKind.BOILERPLATE, kind.KIND, note)
    body = _body_for(kind, ctx)
    for ln in body_lines:
        body.feed(ln)

    if front.unit is None:
        body.error(MissingUnitError, "no 金额单位 line; 万元 assumed", title_line)
    missing = body.missing()
    if missing and empty_note is None:
        body.error(TruncatedTableError, f"table ends early: {missing}", lines[-1])

    meta = TableMeta(
        number=front.number,
        title=title_line.joined if titled else None,
        department=front.department,
        year=front.year,
        unit=front.unit or Unit.WAN_YUAN,
        precision=Decimal("0.01"),
        empty_note=empty_note,
        line=title_line.number,
    )
    try:
        return kind(rows=tuple(body.rows()), meta=meta)
    except (TableError, TypeError, ValueError) as exc:
        body.error(TableIdentityError, f"rows do not fit the table model: {exc}", title_line)
        return None


def _leading_headers(body: Sequence[Line]) -> list[Line]:
    """The header rows at the top of a table body (before the first row holding figures)."""
    out = []
    for ln in body:
        if _is_numbering(ln) or squash(ln.cell(0)) == "栏次":
            continue
        first = squash(ln.cell(0))
        if _CODE.match(first) or any(is_plain_amount(v) for v in ln.values):
            break
        out.append(ln)
    return out


def _same_layout(a: type[Table], b: type[Table]) -> bool:
    """Kinds a header cannot tell apart (05 and 08 print the same columns): the title decides."""
    return a is b or (
        issubclass(a, FunctionalTable)
        and issubclass(b, FunctionalTable)
        and set(a.COLUMNS) == set(b.COLUMNS)
    )


def _wrap_of_department(line: Line) -> bool:
    """A single-cell line after "部门名称：…" that continues the name (maybe with the year)."""
    s = squash(line.joined)
    if _NOTE.match(s) or _header_like(line) or _front_cell(_Front(), line.joined):
        return False
    return len(_strip_year(s)) <= 40


def _is_empty_statement(text: str) -> bool:
    s = squash(text)
    body = s.split("：", 1)[-1].split(":", 1)[-1]
    return any(body.startswith(w) for w in _EMPTY_WORDS) and len(body) <= 30
