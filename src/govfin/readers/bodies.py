"""Per-kind parsers of a table's body rows (after its front matter, before its notes).

One parser per layout: the functional tables (02, 03, 05, 07, 08: "code, name, amounts"),
the two-sided summaries (01, 04), the side-by-side groups of 06, the 三公 table (09) and the
labelled lines of 10.  A parser is fed the body lines one by one; it files each in the read
log (header, row, or unrecognised), reports typed errors for what does not fit, and returns
the rows, keyed as the table classes pin them (:mod:`govfin.tables`).

This module is over 600 lines because it holds the row parsers of the ten 决算 kinds, one short
class per layout (functional, two-sided summary, 06 detail, 三公, 相关信息), and the layout facts
every source shares (codes split over 类/款/项 cells, 合计 in the name column); the 预算 kinds'
own parsers are in :mod:`govfin.readers.bodies_budget`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from decimal import Decimal

import attrs

from govfin._lazy import define, frozen
from govfin.amounts import AmountError, parse_amount, parse_count
from govfin.readers.errors import (
    AmountSyntaxError,
    CellCountError,
    CodeSyntaxError,
    ReadError,
    SetAsideColumnError,
    TableIdentityError,
    UnknownNameError,
)
from govfin.readers.identify import (
    CODE,
    PAREN_SUFFIX,
    column_for,
    column_names,
    header_like,
    is_numbering,
    is_plain_amount,
    merged_header,
    norm_column,
    part_columns,
)
from govfin.readers.lines import (
    Line,
    LineKind,
    LogBuilder,
    ascii_digits,
    has_cjk,
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
    ThreePublicTable,
)

__all__ = ["TableContext", "body_for", "class_code", "info_key", "line_key"]


@define
class TableContext:
    """What a table parser needs from the document: the read log, the classification year."""

    log: LogBuilder
    #: Edition year of the classification that maps printed 类 names to codes (None: default).
    edition: int | None = None
    #: The document's family ("决算" or "预算"): a table without a title is one of its kinds.
    document: str = "决算"
    #: Places of the placeholder rows of a blank template ("…", "XX"), as read.
    placeholders: list[str] = attrs.field(factory=list)
    #: The 类 codes looked up so far, by printed name (公开01 and 公开04 name the same 类).
    _class_codes: dict[str, str | None] = attrs.field(factory=dict, init=False)

    def class_code(self, name: str) -> str | None:
        """:func:`class_code` of a printed 类 name in this read's edition."""
        if name not in self._class_codes:
            self._class_codes[name] = class_code(name, self.edition)
        return self._class_codes[name]


class _Body:
    """Base of the per-kind body parsers: shared helpers for cells, amounts and errors."""

    #: Feed the body the ruled rows whose every cell is empty (a form printed blank)?
    TAKES_BLANK_ROWS = False
    #: Set by the table reader: the table carries a note saying it is empty (本表无数据).
    noted_empty = False

    def __init__(self, ctx: TableContext, kind: type[Table]):
        self.ctx = ctx
        self.kind = kind
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
        """A money cell; text that is not a number is an :class:`AmountSyntaxError` (blank).
        Full-width digits ("３４０．１８", as some WPS exports print them) are read as digits."""
        if not text:
            return None  # an empty cell (most of them): blank, as parse_amount would say
        try:
            return parse_amount(ascii_digits(text))
        except AmountError as exc:
            self.error(AmountSyntaxError, f"column {column}: {exc}", line)
            return None

    def count(self, text: str, line: Line, column: str) -> Decimal | None:
        """A count cell (vehicles, equipment): a whole number."""
        try:
            n = parse_count(ascii_digits(text))
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


class _FunctionalBody(_Body):
    """Rows "code, name, amounts…" under a "合计" row."""

    def __init__(self, ctx: TableContext, kind: type[Table]):
        super().__init__(ctx, kind)
        self.width = 2 + len(kind.COLUMNS)
        self._rows: list[Row] = []
        #: The header column index of each model column (None: a column the header does not
        #: name, read as blank, the table reported not read whole).
        self._order: list[int | None] | None = None
        #: The header column index of each optional column the header names (a 其中 column).
        self._optional: dict[str, int] = {}
        #: How many columns the header prints the code in: 3 (类 款 项), 2 (类 款), 0 (one).
        self._split_code = 0
        #: The code of the last coded row read (the context of a malformed code).
        self._last_code: str | None = None

    def _columns(self) -> list[int | None]:
        if self._order is None:
            self._order = self._layout()
        return self._order

    def _layout(self) -> list[int | None]:
        """Where each model column sits, read from the merged header (default: in order)."""
        default: list[int | None] = list(range(2, self.width))
        if not self.headers:
            return default
        headers = self.headers
        if self._split_code:  # the header's 类 款 (项) columns are one code column in the rows
            n = self._split_code
            headers = [Line(h.number, "\t".join(h.cells[:1] + h.cells[n:])) for h in headers]
        elif max(h.trimmed_width() for h in headers) == self.width - 1:
            # One column for the code and the name ("科目编码及名称"): the rows print them in
            # one cell and are read as two (see feed), so the header's columns move right.
            headers = [Line(h.number, "\t".join((*h.cells[:1], "", *h.cells[1:])))
                       for h in headers]
        span = max(self.width, *(h.trimmed_width() for h in headers))
        names = merged_header(headers, span)
        printed = [norm_column(n) for n in names]
        found: list[int | None] = []
        missing: list[str] = []
        for c in self.kind.COLUMNS:
            aliases = column_names(self.kind, c)
            idx = next((i for i in range(2, span) if printed[i] in aliases), None)
            if idx is None:  # a group label over the column: "收入预算" + "合计"
                bases = (norm_column(c), *map(norm_column, self.kind.COLUMN_ALIASES.get(c, ())))
                ends = [i for i in range(2, span)
                        if i not in found and printed[i].endswith(bases)]
                idx = ends[0] if len(ends) == 1 else None
            if idx is None or idx in found:
                missing.append(c)
                idx = None
            found.append(idx)
        # The kind's optional columns (其中：人员经费 …): read only where the header names them.
        for c in self.kind.extra_columns():
            aliases = column_names(self.kind, c)
            idx = next((i for i in range(2, span) if printed[i] in aliases and i not in found
                        and i not in self._optional.values()), None)
            if idx is not None:
                self._optional[c] = idx
        placed = {*found, *self._optional.values()}
        # Printed columns no model column is: a 其中 column, 会议费 … (not modelled).  One the
        # header marks as a 其中 of another column is set aside (a part is no addend: every
        # other column's sums stand); any other leaves the table not read whole (below).
        unplaced = [i for i in range(2, span) if printed[i] and i not in placed]
        parts = part_columns(self.kind, headers, span) if unplaced else frozenset()
        aside = [i for i in unplaced if i in parts]
        extra = [names[i] for i in unplaced if i not in parts]
        if not missing and not extra:
            width = self.width + len(self._optional) + len(aside)
            if max(i for i in {*placed, *aside} if i is not None) < width:
                self.width = width
                self._set_aside(headers, names, aside)
                return found
            if not aside:
                # Every column named, but blank columns in between (an inserted column): the
                # rows do not fit the model's width, and each is reported (CellCountError).
                self._optional = {}
                return default
            # A 其中 column set aside and a column the header names not at all: the unnamed
            # one may be any column (an addend): the table is not read whole (below).
            extra = [f"(unnamed, column {i + 1})" for i in range(2, span)
                     if not printed[i] and i not in placed]
        self._set_aside(headers, names, aside)
        shown = [n for n in names[2:] if n]
        if not shown or (all(i is None for i in found) and self.kind.DOCUMENT != "预算"):
            return default  # a header naming no column here: the template's order
        # Columns the printed header does not name, or names the kind does not model: their
        # figures cannot be placed.  The named columns are read where the header prints them,
        # the others are left blank, and the table is reported not read whole (READ-identity,
        # naming the columns): no finding rests on a guess.
        what = [f"column(s) {', '.join(missing)} not named by the header"] if missing else []
        what += [f"printed column(s) {', '.join(extra)} not modelled"] if extra else []
        self.error(
            TableIdentityError,
            f"{'; '.join(what)} (header columns {shown}, expected {list(self.kind.COLUMNS)})",
            self.headers[-1],
        )
        # the rows print as many cells as the header
        self.width = max([*(h.trimmed_width() for h in headers),
                          *(i + 1 for i in placed if i is not None)], default=0)
        return found

    def _set_aside(self, headers: Sequence[Line], names: list[str], aside: list[int]) -> None:
        """One :class:`SetAsideColumnError` (a READ-part warning) naming the 其中 columns the
        table prints and no kind models: their figures are not read (the rows' cells under
        them are passed over) nor checked; the other columns are read as usual."""
        if not aside:
            return
        where = next((h for h in headers for i in aside if h.cell(i).strip()), headers[-1])
        shown = "、".join(names[i] for i in aside)
        self.error(SetAsideColumnError, SetAsideColumnError.describe(shown, self.kind.KIND), where)

    def feed(self, line: Line) -> None:
        printed = line  # a header line is kept as printed: _layout joins its code columns
        n = _split_code_header(line) if not self._rows else 0
        if n and [squash(c) for c in line.cells[:n]] == ["类", "款", "项"][:n] and squash(
            line.cell(n)
        ) in ("合计", "总计"):
            # The header's 类 | 款 | 项 row printed on the 合计 row: "类 | 款 | 项 | 合计 |
            # 4,733.14 | …" (上海市普陀区生态环境局 2025 决算, 收入决算表 and 支出决算表): the
            # labels are the header's (the code printed over those columns), the rest is 合计.
            self._split_code = self._split_code or n
            self.header(Line(line.number, "\t".join(line.cells[:n]), line.origin),
                        "header on the 合计 row")
            rest = (squash(line.cell(n)), *[""] * (n - 1), "", *line.cells[n + 1 :])
            line = Line(line.number, "\t".join(rest), line.origin)
        line = self._joined_code(line)
        if not line.cell(0) and squash(line.cell(1)) in ("合计", "总计"):
            total = squash(line.cell(1))  # 合计 printed in the name column
            line = Line(line.number, "\t".join((total, "", *line.cells[2:])), line.origin)
        cell = line.cell(0)
        first = squash(cell)
        code, name = first, line.cell(1)
        if first != cell:  # white space inside: "2010350 事业运行" printed in one cell?
            parts = cell.split(maxsplit=1)
            if len(parts) == 2 and CODE.match(parts[0]):
                code, name = parts
                if not has_cjk(line.cell(1)):
                    # The amounts follow at once: the code and the name share the first column
                    # (under "科目编码及名称"), as many Excel and WPS exports print them.
                    line = Line(line.number, "\t".join((code, name, *line.cells[1:])),
                                line.origin)
        coded = CODE.match(code) is not None
        if coded and code == first and first != cell.strip():
            self.error(
                CodeSyntaxError, f"code {cell.strip()!r} printed with stray spaces; read as {code}", line
            )
        if not coded and first.isdigit() and 3 < len(first) < 8:
            code, coded = self._likely_code(first, line), True
            if code is None:
                self.unrecognised(line)
                return
        if not coded and first in ("合计", "总计") and self._labels_only(line):
            # A 合计 cell printed on the header's last row (a blank template): a header.
            self.header(line)
        elif not coded and first in ("合计", "总计") and not self._rows and self._labelled(line):
            # The header's last row printed on the 合计 row: "合计 | | | 105.00 | 合计 | 基本支出 |
            # 项目支出 |" (上海市普陀区宜川路街道 2025 决算, 政府性基金 table: 本年支出's three
            # columns named beside 本年收入's total).  The names are the header's; the 合计 row
            # prints no figure under them.
            labels = [c if i >= 2 and self._label(c) else "" for i, c in enumerate(line.cells)]
            shown = labels
            if self._split_code:  # kept as printed: _layout joins the code columns
                shown = labels[:1] + [""] * (self._split_code - 1) + labels[1:]
            self.header(Line(line.number, "\t".join(shown), line.origin), "header on the 合计 row")
            kept = ["" if labels[i] else c for i, c in enumerate(line.cells)]
            self._row(Line(line.number, "\t".join(kept), line.origin), None, name.strip())
            named = "、".join(c for c in labels if c)
            self.error(
                TableIdentityError,
                f"the 合计 row prints the column names {named} where its figures would be: "
                "those cells of 合计 read as blank (printed so)",
                line,
            )
        elif coded or first in ("合计", "总计"):
            self._row(line, code if coded else None, name.strip())
            if coded:
                self._last_code = code
        elif header_like(line, self.kind.COLUMNS) or (
            not self._rows and not first and self._labels_only(line)
        ):
            # (a line of labels only under the header's first cell, before any row: the
            # header's lowest row, naming columns no kind models — "政府采购 | 上年结转" under
            # a 其中 group label)
            self._split_code = self._split_code or _split_code_header(line)
            self.header(printed, "栏次" if first == "栏次" or is_numbering(line) else "header")
        else:
            self.unrecognised(line)

    def _likely_code(self, printed: str, line: Line) -> str | None:
        """A code of 4 or 6 digits (a digit lost or doubled): reported as a
        :class:`CodeSyntaxError` with its likely readings — the codes of the classification one
        digit away that fit under the row above; read as that code when it is the only one."""
        from govfin import codes

        edition = self.ctx.edition if self.ctx.edition is not None else codes.DEFAULT_EDITION
        try:
            known = {c.code: c.name for c in codes.all_codes("functional", edition)}
        except codes.UnknownEditionError:
            known = {}
        near = {printed[:i] + d + printed[i:] for i in range(len(printed) + 1) for d in "0123456789"}
        near |= {printed[:i] + printed[i + 1 :] for i in range(len(printed))}
        above = self._last_code or ""
        fits = sorted(
            c for c in near if c in known and (not above or c[:3] == above[:3])
        )
        name = codes.normalize_name(line.cell(1)) if line.cell(1) else ""
        named = [c for c in fits if name and codes.normalize_name(known[c]) == name]
        if named:
            fits = named if len(named) == 1 else fits
        if len(fits) == 1:
            self.error(
                CodeSyntaxError,
                f"code {printed!r} has {len(printed)} digits; likely {fits[0]} "
                f"(the one code of the classification a digit away under {above[:3] or 'it'}): "
                "read as that",
                line,
            )
            return fits[0]
        likely = f"; likely one of {', '.join(fits)}" if fits else ""
        self.error(CodeSyntaxError, f"code {printed!r} has {len(printed)} digits{likely}", line)
        return None

    @staticmethod
    def _label(cell: str) -> bool:
        """A cell holding a column name: words, no figure."""
        return bool(cell) and has_cjk(cell) and not is_plain_amount(cell)

    def _labelled(self, line: Line) -> bool:
        """True when the amount columns of a row hold both figures and column names."""
        rest = line.cells[2:]
        return any(self._label(c) for c in rest) and any(is_plain_amount(c) for c in rest if c)

    def _labels_only(self, line: Line) -> bool:
        """True when the cells after the label hold column names and no figure."""
        rest = [v for v in line.cells[1:] if v]
        return bool(rest) and not any(is_plain_amount(v) for v in rest) and all(
            has_cjk(v) for v in rest
        )

    def _joined_code(self, line: Line) -> Line:
        """A row printing its code as 类, 款, 项 in three cells ("201", "05", "07") as one
        code cell ("2010507"), when the header says the code is split so."""
        if not self._split_code:
            return line
        cells = line.cells
        if len(cells) < 3:
            return line
        if not _CLASS.match(cells[0]):
            n = self._split_code
            if cells[0] and not any(cells[1:n]):  # 合计 over the split code columns
                return Line(line.number, "\t".join((cells[0], *cells[n:])), line.origin)
            return self._own_part(line, n)
        n = self._split_code
        parts = [cells[0]]
        for c in cells[1:n]:
            if not c:
                continue
            if not _PART.match(c):
                return line
            parts.append(c)
        if len(parts) == 3 and not cells[1]:
            return line  # a 项 without its 款
        joined = (("".join(parts)), *cells[n:])
        return Line(line.number, "\t".join(joined), line.origin)

    def _own_part(self, line: Line, n: int) -> Line:
        """A row printing only its own level's part of a split code ("", "05", "" for a 款, "",
        "", "07" for a 项): the levels above are those of the coded row before it ("201" …),
        as the printed hierarchy says.  The joined code is checked against the classification
        like any other (C-code, C-name)."""
        cells, above = line.cells, self._last_code
        filled = [i for i in range(1, n) if cells[i]]
        if cells[0] or above is None or len(filled) != 1 or not _PART.match(cells[filled[0]]):
            return line
        level = filled[0]  # 1: a 款 part, 2: a 项 part
        prefix = above[: 1 + 2 * level]
        if len(prefix) != 1 + 2 * level:
            return line  # a 项 part under a 类: no 款 to join it to
        joined = (prefix + cells[level], *cells[n:])
        return Line(line.number, "\t".join(joined), line.origin)

    def _row(self, line: Line, code: str | None, name: str) -> None:
        columns = self._columns()  # first: a header wider than the model widens the rows
        n = len(self.kind.COLUMNS) + len(self._optional)
        if code is None and len(line.cells) == 1 + n and self.width > 1 + n:
            # 合计 printed over the code and name columns as one cell (a page holding only it, or
            # a table printing the code and the name in one column): cell 1 is an amount
            line = Line(line.number, "\t".join((line.cells[0], "", *line.cells[1:])), line.origin)
            name = ""  # the cell after the label is the first amount, not a name
        cells = self.fit(line, self.width)
        values = {
            c: None if i is None else self.amount(cells[i], line, c)
            for c, i in zip(self.kind.COLUMNS, columns, strict=True)
        }
        for c, i in self._optional.items():  # held only where printed
            values[c] = self.amount(cells[i], line, c)
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


@frozen
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
        self._aside: tuple[int, ...] = ()  # the 其中 columns set aside (reported once)

    def feed(self, line: Line) -> None:
        first = squash(line.cell(0))
        if line.values.count("项目") >= 2 or line.cell(0) == "项目":
            self._layout(line)
            self.header(line)
        elif (
            first == "栏次"
            or is_numbering(line)
            or (first in ("收入", "支出") and not any(is_plain_amount(v) for v in line.values))
        ):
            self.header(line, "栏次" if first == "栏次" else "header")
        elif self._is_data(line):
            self._row(line)
        elif header_like(line, self.kind.COLUMNS):
            self.header(line)
        else:
            self.unrecognised(line)

    def _layout(self, line: Line) -> None:
        """Read the position of each side's label, 行次 and money columns from the header."""
        starts = [i for i, c in enumerate(line.cells) if squash(c) == "项目"]
        if len(starts) != 2:
            return
        sides = []
        aside: list[int] = []
        for k, start in enumerate(starts):
            end = starts[k + 1] if k + 1 < len(starts) else len(line.cells)
            rownum = start + 1 if squash(line.cell(start + 1)) == "行次" else None
            first_value = start + (2 if rownum is not None else 1)
            columns = ("金额",) if k == 0 else self.exp_columns
            values = tuple(range(first_value, first_value + len(columns)))
            # A 其中 column the header prints beside the side's money columns: set aside.
            parts = part_columns(self.kind, [*self.headers, line], end, first_value)
            placed: tuple[tuple[int, ...], tuple[str, ...]] | None = ((), columns)
            if k == 1 and len(columns) > 1:
                placed = self._placed(line, columns, range(first_value, end), parts)
                if placed is None:
                    return
            if placed[0]:  # every money column placed by its printed name
                values, columns = placed
            elif first_value + len(columns) > end:
                self.error(
                    TableIdentityError,
                    f"header has {end - first_value} money column(s) on side {k + 1}, "
                    f"expected {len(columns)}",
                    line,
                )
                return
            # Any other name printed on the side is a column no kind models: its figures are
            # not read; unmarked, it may be an addend, and the table is not read whole.
            rest = [i for i in range(first_value, end)
                    if i not in values and squash(line.cell(i))]
            aside += [i for i in rest if i in parts]
            extra = [squash(line.cell(i)) for i in rest if i not in parts]
            if extra:
                self.error(
                    TableIdentityError,
                    f"printed column(s) {', '.join(extra)} not modelled (header of side "
                    f"{k + 1}: its figures are not read)",
                    line,
                )
            sides.append(_Side(start, values, columns, rownum))
        self.sides = (sides[0], sides[1])
        self.width = max((*sides[1].values, *aside)) + 1
        if aside and not self._aside:
            self._aside = tuple(aside)
            shown = "、".join(squash(line.cell(i)) for i in aside)
            self.error(SetAsideColumnError, SetAsideColumnError.describe(shown, self.kind.KIND),
                       line)

    def _placed(
        self, line: Line, columns: tuple[str, ...], cells: range, parts: frozenset[int]
    ) -> tuple[tuple[int, ...], tuple[str, ...]] | None:
        """The cell of each money column, by the names the header prints over them ("合计",
        "一般公共预算财政拨款" …, in any order), and the columns so placed (an optional column
        the header does not print is left out: the 2019 form's 04 has no 国有资本经营 column);
        ``((), columns)`` when the header prints no names there (the columns are then in the
        template's order); None, with a :class:`TableIdentityError`, when a column is not named
        (its figures cannot be placed)."""
        printed = {i: squash(line.cell(i)) for i in cells if squash(line.cell(i))}
        if not printed:
            return (), columns
        found = {}
        for i, name in printed.items():
            column = column_for(self.kind, name)
            if column in columns and column not in found:
                found[column] = i
        missing = [c for c in columns if c not in found and c not in self.kind.OPTIONAL_COLUMNS]
        # (a 其中 column, ``parts``, is set aside by the caller)
        extra = [name for i, name in printed.items() if i not in found.values() and i not in parts]
        if missing or extra:
            what = [f"column(s) {', '.join(missing)} not named by the header"] if missing else []
            what += [f"printed column(s) {', '.join(extra)} not modelled"] if extra else []
            self.error(
                TableIdentityError,
                f"{'; '.join(what)} (header columns {list(printed.values())})",
                line,
            )
            return None
        shown = tuple(c for c in columns if c in found)
        return tuple(found[c] for c in shown), shown

    def _is_data(self, line: Line) -> bool:
        """A printed row: a 行次 number where the header has one, or (nearly) full width.

        A damaged row (a cell lost or added) is still a row, so that its misfit is reported as
        a :class:`CellCountError` rather than as an unrecognised line.
        """
        rownums = [line.cell(s.rownum) for s in self.sides if s.rownum is not None]
        return any(v.isdigit() for v in rownums) or len(line.cells) >= self.width - 1

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
            row = (
                self._income_row(label, values, line)
                if k == 0
                else self._exp_row(label, values, line)
            )
            if row is not None:
                (self.income if k == 0 else self.expenditure).append(row)
                notes.append(row.key)
        self.data(line, "rows " + ", ".join(notes) if notes else "empty row")

    def _income_row(self, label: str, values: dict[str, Decimal | None], line: Line) -> Row | None:
        name = strip_enumerator(label)
        key = line_key(self.kind, label, income=True)
        if self.summary04:
            if key == "年初财政拨款结转和结余":
                self._opening = True
            elif self._opening and key in FiscalAppropriationSummary.EXPENDITURE_COLUMNS:
                key = "年初" + key
        income_rows: tuple[str, ...] = self.kind.INCOME_ROWS  # type: ignore[attr-defined]
        if key not in income_rows:
            self.error(UnknownNameError, f"unknown income line {name!r}", line)
            return None
        return Row(key, name, values, line=line.number)

    def _exp_row(self, label: str, values: dict[str, Decimal | None], line: Line) -> Row | None:
        name = strip_enumerator(label)
        key = line_key(self.kind, label, income=False)
        rows: tuple[str, ...] = self.kind.EXPENDITURE_ROWS  # type: ignore[attr-defined]
        if key in rows:
            return Row(key, name, values, line=line.number)
        code = self.ctx.class_code(name)
        if code is None:
            self.error(UnknownNameError, f"no 类 of the classification is named {name!r}", line)
            return None
        return Row(code, name, values, code=code, line=line.number)

    def rows(self) -> list[Row]:
        return self.income + self.expenditure

    def missing(self) -> str | None:
        keys = {r.key for r in self.rows()}
        absent = [k for k in ("收入总计", "支出总计") if k not in keys]
        return f"no {' / '.join(absent)} row" if absent else None


def line_key(kind: type[Table], label: str, *, income: bool) -> str:
    """The row key a printed line label of 公开01/04 stands for, on the income or the
    expenditure side: without its enumerator ("一、") and spaces, a remark in brackets after a
    balance dropped ("（含专用结余）"), the kind's :attr:`~govfin.tables.Table.ROW_ALIASES`
    applied, "总计" read as the side's total.  Whether the key is one of the kind's lines is the
    caller's question (a 类 name is not).

    >>> from govfin.tables import IncomeExpenditureSummary as T01
    >>> line_key(T01, "七、使用非财政拨款结余(含专用结余)", income=True)
    '使用非财政拨款结余'
    >>> line_key(T01, "年末结转结余", income=False), line_key(T01, "总计", income=False)
    ('年末结转和结余', '支出总计')
    """
    name = squash(strip_enumerator(label))
    key = PAREN_SUFFIX.sub("", name) if "结余" in name else name
    key = kind.ROW_ALIASES.get(key, key)
    if key == "总计":
        return "收入总计" if income else "支出总计"
    return key


def class_code(name: str, edition: int | None) -> str | None:
    """The 类 code of a printed functional class name in ``edition``, or None.

    Uses :func:`govfin.codes.find_by_name`; an edition not shipped, or a name its (partial,
    e.g. 2017) list lacks, falls back to :data:`govfin.codes.DEFAULT_EDITION`.
    """
    from govfin import codes

    y = edition if edition is not None else codes.DEFAULT_EDITION
    try:
        found = codes.find_by_name(name, y, level="类", scheme="functional")
    except codes.UnknownEditionError:
        found = []
    if not found and y != codes.DEFAULT_EDITION:
        found = codes.find_by_name(name, codes.DEFAULT_EDITION, level="类", scheme="functional")
    if not found:
        return _former_class(name, y)
    return found[0].code if found else None


def _former_class(name: str, edition: int) -> str | None:
    """The 类 code a *former* name stands for: a name another shipped edition gives a 类 that
    the edition read still has (renamed since: "医疗卫生与计划生育支出" is 210 卫生健康支出 from
    2019 on).  The row is kept under that code; the C-name rule reports the printed name."""
    from govfin import codes

    for other in sorted(codes.editions("functional"), reverse=True):
        if other == edition:
            continue
        for entry in codes.find_by_name(name, other, level="类", scheme="functional"):
            for target in (edition, codes.DEFAULT_EDITION):
                try:
                    if codes.exists(entry.code, target):
                        return entry.code
                except codes.UnknownEditionError:
                    continue
    return None


_TOTAL_LABELS = (BasicExpenditureDetail.PERSONNEL_TOTAL, BasicExpenditureDetail.PUBLIC_TOTAL)
#: The cells 公开06 tells a line by: the group header's and the totals' labels.
_DETAIL_LABELS = ("科目代码", "科目编码", *_TOTAL_LABELS)


class _DetailBody(_Body):
    """公开06: four (科目代码, 科目名称, 决算数) groups per line, then the two totals."""

    def __init__(self, ctx: TableContext, kind: type[Table]):
        super().__init__(ctx, kind)
        self.groups: list[tuple[int, int, int]] = [(g, g + 1, g + 2) for g in (0, 3, 6, 9)]
        self.width = 12
        self.by_group: dict[int, list[Row]] = {}
        self.totals: dict[str, Row] = {}

    def feed(self, line: Line) -> None:
        # A cell can only read "科目代码" or a total's label when the whole line holds it.
        whole = line.squashed
        labelled = any(w in whole for w in _DETAIL_LABELS)
        squashed = [squash(c) for c in line.cells] if labelled else []
        starts = [i for i, c in enumerate(squashed) if c.endswith(_CODE_HEADS) or c in ("代码", "编码")]
        if starts:
            # Each group's name is the first 科目名称 after its code heading: a code printed
            # over 类 | 款 cells ("301 | 01 | 基本工资", 上海市普陀区生态环境局 2025 决算) leaves a
            # blank heading cell between them, joined into one code (see _code).
            ends = [*starts[1:], len(squashed)]
            names = [
                next((i for i in range(s + 1, e) if squashed[i].endswith("名称")), s + 1)
                for s, e in zip(starts, ends, strict=True)
            ]
            self.groups = [(s, n, n + 1) for s, n in zip(starts, names, strict=True)]
            self.width = self.groups[-1][2] + 1
            self.header(line)
        elif any(c in _TOTAL_LABELS for c in squashed):
            self._totals(line, squashed)
        elif any(CODE.match(line.cell(g[0])) for g in self.groups):
            self._groups(line)
        elif header_like(line, self.kind.COLUMNS):
            self.header(line)
        else:
            self.unrecognised(line)

    def _groups(self, line: Line) -> None:
        cells = self.fit(line, self.width)
        keys = []
        for k, (ci, ni, vi) in enumerate(self.groups):
            code, name, value = self._code(cells[ci:ni]), cells[ni], cells[vi]
            if not code:
                if name or value:
                    self.error(
                        CodeSyntaxError, f"group {k + 1}: a name or amount without a code", line
                    )
                continue
            if not CODE.match(code) or len(code) not in BasicExpenditureDetail.CODE_LENGTHS:
                self.error(
                    CodeSyntaxError, f"group {k + 1}: {code!r} is not an economic code", line
                )
                continue
            amount = self.amount(value, line, f"决算数 ({code})")
            self.by_group.setdefault(k, []).append(
                Row(code, name, {"决算数": amount}, code=code, line=line.number)
            )
            keys.append(code)
        self.data(line, "rows " + ", ".join(keys) if keys else "empty row")

    @staticmethod
    def _code(cells: list[str]) -> str:
        """The code of a group: its one cell, or its 类 and 款 cells joined ("301", "01" →
        "30101") when the header prints the code over two columns."""
        if len(cells) > 1 and _CLASS.match(cells[0]) and all(_PART.match(c) for c in cells[1:] if c):
            return "".join(cells)
        return cells[0]

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


class _ThreePublicBody(_Body):
    """公开09: 预算数 and 决算数, six columns each (side by side, or one row each)."""

    _ROWS = (ThreePublicTable.BUDGET, ThreePublicTable.ACTUAL)
    TAKES_BLANK_ROWS = True

    def __init__(self, ctx: TableContext, kind: type[Table]):
        super().__init__(ctx, kind)
        self._rows: dict[str, Row] = {}
        #: The header alternates 预算数, 决算数 under each column (the Shanghai template).
        self._interleaved = False
        #: The columns in the order their figures are printed (see :meth:`_check_order`).
        self._order: tuple[str, ...] = kind.COLUMNS

    def feed(self, line: Line) -> None:
        n = len(self._printed_order()[0]) if not self._rows else len(self._order)
        first = squash(line.cell(0))
        rest = line.cells[1:]
        pairs = [squash(v) for v in line.values]
        if len(pairs) >= 4 and pairs == list(self._ROWS) * (len(pairs) // 2):
            self._interleaved = True
            self.header(line)
        elif (self._interleaved or line.blank) and len(line.cells) >= 2 * n and all(
            _amount_like(v) for v in line.values
        ):
            cells = self.fit(line, 2 * n)
            if self._interleaved:
                budget, actual = cells[0::2], cells[1::2]
            else:
                budget, actual = cells[:n], cells[n:]
            self._put(self._ROWS[0], budget, line)
            self._put(self._ROWS[1], actual, line)
            self.data(line, "rows 预算数, 决算数" + (" (a blank row)" if line.blank else ""))
        elif line.blank:
            return
        elif is_numbering(line):
            self.header(line, "栏次")
        elif first in self._ROWS and not any(v and not _amount_like(v) for v in rest):
            cells = self.fit(line, 1 + n)
            self._put(first, cells[1:], line)
            self.data(line, f"row {first}")
        elif (
            line.values and all(_amount_like(v) for v in line.values) and (line.trimmed_width() > n)
        ):
            cells = self.fit(line, 2 * n)
            self._put(self._ROWS[0], cells[:n], line)
            self._put(self._ROWS[1], cells[n:], line)
            self.data(line, "rows 预算数, 决算数")
        elif header_like(line, self.kind.COLUMNS) or any(
            "公务" in v or "出国" in v or "三公" in v for v in line.values
        ):
            self.header(line)
        else:
            self.unrecognised(line)

    def _put(self, key: str, cells: Sequence[str], line: Line) -> None:
        if not self._rows:
            self._check_order()
        values = {c: self.amount(v, line, c) for c, v in zip(self._order, cells, strict=True)}
        # The model's columns in their order, then the optional ones printed (会议费, 培训费).
        self._rows[key] = Row(key, key, {c: values[c] for c in self.kind.all_columns()
                                         if c in values or c in self.kind.COLUMNS},
                              line=line.number)

    def _printed_order(self) -> tuple[tuple[str, ...], list[str], list[str], list[str]]:
        """From the header so far: the columns in the order their figures are printed, the
        printed names no column is, the model's columns named (in the template's order) and
        the same in the printed order.  The order is the printed names' when the header names
        every model column once (an optional column, 会议费 or 培训费, where it names it);
        else the template's."""
        first: dict[str, int] = {}
        unknown: list[str] = []
        for h in self.headers:
            for i, cell in enumerate(h.cells):
                name = squash(cell)
                if not name or name in ("小计", *self._ROWS) or not has_cjk(name):
                    continue
                if name in ("栏次", "项目") or "三公" in name:
                    continue
                column = column_for(self.kind, name)
                if column is None:
                    unknown.append(name)
                elif column not in first:
                    first[column] = i
        columns = self.kind.all_columns()
        named = [c for c in self.kind.COLUMNS if c in first]
        shown = sorted(named, key=lambda c: (first[c], columns.index(c)))
        every = [c for c in columns if c in first]
        if not unknown and len(named) == len(self.kind.COLUMNS) and len(every) == len(
            set(first.values())
        ):
            order = tuple(sorted(every, key=lambda c: (first[c], columns.index(c))))
            return order, unknown, named, shown
        return self.kind.COLUMNS, unknown, named, shown

    def _check_order(self) -> None:
        """Each column's figures are read where the header prints its name: when the header
        names every column once (合计, 因公出国（境）费, …, "小计" under its group's name; 会议费
        and 培训费 where printed), the figures are in the printed names' order (公务接待费 may
        come before 公务用车…).  A header naming one no column is, or not naming every
        column, with the named ones out of the template's order, is a
        :class:`TableIdentityError` naming it — the table is not read whole; a header naming
        fewer (or none) in the template's order is read in that order."""
        self._order, unknown, named, shown = self._printed_order()
        if self._order != self.kind.COLUMNS or not (unknown or shown != named):
            return
        problems = []
        if unknown:
            problems.append(f"printed column(s) {', '.join(unknown)} not modelled")
        if shown != named:
            problems.append(f"columns printed in the order {shown}, not the template's {named}")
        if problems:
            self.error(TableIdentityError, "; ".join(problems) + " (header)", self.headers[-1]
                       if self.headers else None)

    def rows(self) -> list[Row]:
        if not self._rows and self._interleaved and not self.noted_empty:
            # The whole form read, 预算数/决算数 under every column, and no row of figures
            # under it: a form printed blank (a template), read as blank rows, not truncated.
            blank = dict.fromkeys(self.kind.COLUMNS)
            return [Row(k, k, blank) for k in self._ROWS]
        return [self._rows[k] for k in self._ROWS if k in self._rows]

    def missing(self) -> str | None:
        if not self._rows and self._interleaved:
            return None
        absent = [k for k in self._ROWS if k not in self._rows]
        return f"no {' / '.join(absent)} row" if absent else None


def _amount_like(text: str) -> bool:
    """A cell that is meant as a number: digits, signs, separators (maybe garbled)."""
    t = squash(text)
    return bool(t) and not any("\u3400" <= ch <= "\u9fff" for ch in t)


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
        elif squash(first) in ("项目", "栏次") or is_numbering(line):
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
    s = s.removeprefix("其中：").removeprefix("其中")
    candidates = [s]
    bare = s
    for _ in range(2):  # "单价100万元（含）以上设备（不含车辆）": at most two remarks
        bare = PAREN_SUFFIX.sub("", bare)
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


_CLASS = re.compile(r"^\d{3}$")
_PART = re.compile(r"^\d{2}$")


#: Header cells over a column of economic codes: "科目代码", "经济分类科目编码" …
_CODE_HEADS = ("科目代码", "科目编码")


def _split_code_header(line: Line) -> int:
    """3 for a header row with the cells 类, 款, 项 side by side (codes printed in three
    columns), 2 for 类, 款 (economic codes), else 0."""
    cells = [squash(c) for c in line.cells]
    for i in range(len(cells) - 1):
        if cells[i : i + 2] == ["类", "款"]:
            return 3 if cells[i + 2 : i + 3] == ["项"] else 2
    return 0


def body_for(kind: type[Table], ctx: TableContext) -> _Body:
    if issubclass(kind, FunctionalTable):
        return _FunctionalBody(ctx, kind)
    factory = _BODIES.get(kind)
    if factory is None:
        raise TableIdentityError(f"no reader for table kind {kind.KIND}")
    return factory(ctx, kind)
