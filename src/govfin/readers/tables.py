"""Table blocks of the text -> typed :class:`~govfin.tables.Table` objects.

A *table block* is the run of lines from a table's title to the next title (or part heading,
or 绩效自评表).  Its lines are, in order:

- front matter: the title, the number ("公开01表", possibly split "公开02" / "表"), the
  department ("部门名称：…", possibly wrapped over two lines, possibly with the year), the year
  ("2024年度"), the unit ("金额单位：万元" / "单位：元");
- header rows, a "栏次" row or a numbering row;
- data rows (page breaks may leave blank lines among them);
- notes ("注：…", "说明：本表无数据").

The kind is told by the title and confirmed by the header (:mod:`govfin.readers.identify`);
the rows are read by the kind's parser (:mod:`govfin.readers.bodies`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

import attrs

from govfin._lazy import define
from govfin.amounts import Unit
from govfin.readers.bodies import TableContext, body_for
from govfin.readers.bodies_budget import BUDGET_BODIES
from govfin.readers.errors import (
    MissingUnitError,
    ReadError,
    TableIdentityError,
    TruncatedTableError,
)
from govfin.readers.identify import (
    NOTE,
    YEAR_SUFFIX,
    _table_number,
    budget_kind_by_header,
    header_like,
    identify_by_header,
    identify_title,
    is_table_number,
    leading_headers,
    other_unit,
    parse_department,
    parse_unit,
    parse_year,
    same_layout,
)
from govfin.readers.lines import Line, LineKind, squash, strip_enumerator
from govfin.tables import Table, TableError, TableMeta

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

#: Printed forms of an empty table's statement.
_EMPTY_WORDS = ("本表无数据", "无数据", "本表为空", "此表为空", "本年度无此项", "无此项", "本表无")


@define
class _Front:
    number: str | None = None
    department: str | None = None
    year: int | None = None
    unit: Unit | None = None
    other_unit: str | None = None  # a unit line of a unit no table is read in (亿元 …)
    dept_open: bool = False  # the last front line was 部门名称 (a wrap may follow)
    dept_next: bool = False  # "部门：" printed in its own cell: the next cell is the name
    dept_wraps: bool = False  # that name may go on over the next line (its cell wrapped)
    number_open: bool = False  # the last front line was "公开02" without "表"


def _front_cell(front: _Front, cell: str) -> bool:
    """Take one cell of a front-matter line; False when the cell is not front matter."""
    s = squash(cell)
    if not s:
        return True
    front.dept_open = False  # a cell after 部门名称 on its line: the name is not wrapped
    if front.dept_next:
        front.dept_next = False
        if parse_unit(s) is None and parse_year(s) is None:
            front.department = cell.strip()
            front.dept_wraps = True
            return True
    if _table_number(s) is not None:
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
    if (o := other_unit(s)) is not None:
        front.other_unit = o
        return True
    if (d := parse_department(cell)) is not None:
        m = YEAR_SUFFIX.search(squash(d))
        if m:
            front.year = int(m.group(1))
            d = _strip_year(d)
        front.department = d
        front.dept_open = m is None
        front.dept_next = not d
        front.dept_wraps = bool(d) and m is None
        return True
    return False


def _strip_year(text: str) -> str:
    """Text without a trailing "2024年度" (string tests only: linear on any input)."""
    t = text.strip()
    head = t.removesuffix("年度") if t.endswith("年度") else t.removesuffix("年")
    if head == t:
        return t
    head = head.rstrip()
    return head[:-4].strip() if len(head) >= 4 and head[-4:].isdigit() else t


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
    titled = _table_number(title_line.squashed) is None
    marks: list[tuple[Line, str]] = []  # front matter and notes, filed once the kind is known
    body_lines: list[Line] = []
    notes: list[str] = []
    empty_note: str | None = None
    in_front = True

    for line in lines:
        if line.blank:
            if not in_front and len(line.cells) > 1:
                body_lines.append(line)  # a ruled row with every cell empty (a blank form)
            continue
        if line is title_line and titled:
            marks.append((line, "title"))
            continue
        if in_front:
            wraps, front.dept_wraps = front.dept_open or front.dept_wraps, False
            if wraps and line.single and _wrap_of_department(line):
                front.department = (front.department or "") + _strip_year(line.joined)
                m = YEAR_SUFFIX.search(line.squashed)
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
        if _placeholder_row(line):
            ctx.placeholders.append(line.where)
            marks.append((line, "placeholder row (a blank template)"))
            continue
        if body_lines and _repeated_front(line):
            marks.append((line, "front matter (repeated on a new page)"))
            continue
        if NOTE.match(line.squashed) or _is_empty_statement(line.squashed):
            text = line.joined.strip()
            notes.append(text)
            if _is_empty_statement(text):
                empty_note = NOTE.sub("", squash(text))  # "说明：本表无数据" -> "本表无数据"
            marks.append((line, "note"))
            continue
        if notes and line.single:
            marks.append((line, "note (continued)"))
            continue
        body_lines.append(line)

    document = kind.DOCUMENT if kind is not None else ctx.document
    headers = leading_headers(body_lines)
    if kind is not None and titled:
        kind = budget_kind_by_header(kind, squash(title_line.joined), headers)
    by_header = identify_by_header(headers, document)
    if kind is None:
        kind = by_header
    elif kind.DOCUMENT == "预算":
        pass  # budget titles are told apart by their header cues already (see above)
    elif by_header is not None and not same_layout(kind, by_header):
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
    if kind is None or front.other_unit is not None:
        # not read: every line is filed (under the kind, when known) and the error says why
        part = kind.KIND if kind is not None else "table"
        for ln, note in marks:
            log.mark(ln, LineKind.BOILERPLATE, part, note)
        for ln in body_lines:
            log.mark(ln, LineKind.UNRECOGNISED, part)
        if kind is None:
            why: ReadError = TableIdentityError(
                "a table whose kind neither its title nor its header tells",
                line=title_line.number, text=title_line.text,
            )
        else:
            why = MissingUnitError(
                f"printed in {front.other_unit}, a unit govfin reads no table in (元, 千元 or "
                "万元): the table is not read",
                line=title_line.number, text=title_line.text, where=kind.KIND,
            )
        log.error(why)
        return None
    for ln, note in marks:
        log.mark(ln, LineKind.BOILERPLATE, kind.KIND, note)
    body = BUDGET_BODIES[kind](ctx, kind) if kind in BUDGET_BODIES else body_for(kind, ctx)
    for ln in body_lines:
        if ln.blank and not body.TAKES_BLANK_ROWS:
            continue
        body.feed(ln)

    body.noted_empty = empty_note is not None
    header_unit = _header_unit(headers) if front.unit is None else None
    if front.unit is None and header_unit is None:
        body.error(MissingUnitError, "no 金额单位 line; 万元 assumed", title_line)
    missing = body.missing()
    if missing and empty_note is None:
        body.error(TruncatedTableError, f"table ends early: {missing}", lines[-1])

    rows = body.rows()
    unit = front.unit or header_unit or Unit.WAN_YUAN
    meta = TableMeta(
        number=front.number,
        title=title_line.joined if titled else None,
        department=front.department,
        year=front.year,
        unit=unit,
        precision=_CENT,
        empty_note=empty_note,
        line=title_line.number,
    )
    try:
        table = kind(rows=tuple(rows), meta=meta)
        precision = _precision(table)
        return table if precision == _CENT else attrs.evolve(table, meta=attrs.evolve(meta, precision=precision))
    except (TableError, TypeError, ValueError) as exc:
        body.error(TableIdentityError, f"rows do not fit the table model: {exc}", title_line)
        return None


_CENT = Decimal("0.01")
_ONE = Decimal(1)


def _precision(table: Table) -> Decimal:
    """The last place of a table's money cells: 0.01 (万元 tables, and 元 or 千元 tables
    printing decimals), or 1 for a table in 元 or 千元 whose amounts are all printed whole (at least one of
    them not zero: a table of zeros says nothing of its places).  Count cells (车辆数) are not
    amounts and do not count."""
    if table.meta.unit is Unit.WAN_YUAN:
        return _CENT
    whole = False
    for r in table.rows:
        for c, v in r.values.items():
            if v is None or table.unit_of(r.key, c) == 0:
                continue
            if v.as_tuple().exponent < 0:  # type: ignore[operator]
                return _CENT
            whole = whole or bool(v)
    return _ONE if whole else _CENT


#: What blank templates print where a row's code, name or figures are to be filled in.
_PLACEHOLDER = re.compile(r"^(?:[.…。·]+|X+|x+|XX+[^\d]*|[－—-]{2,})$")


def _placeholder_row(line: Line) -> bool:
    """A row of a blank template: every filled cell a placeholder ("…", "………", "XX", "。。。")."""
    return bool(line.values) and all(_PLACEHOLDER.match(squash(v)) for v in line.values)


def _repeated_front(line: Line) -> bool:
    """A front-matter line ("编制部门：…", "单位：元") printed again over a table's next page."""
    return line.origin is not None and all(_front_cell(_Front(), c) for c in line.cells)


def _wrap_of_department(line: Line) -> bool:
    """A single-cell line after "部门名称：…" that continues the name (maybe with the year)."""
    s = line.squashed
    if NOTE.match(s) or header_like(line) or _front_cell(_Front(), line.joined):
        return False
    if strip_enumerator(s) != s:
        return False  # "一、政府采购情况": a section of the table, not the name's last line
    return len(_strip_year(s)) <= 40


def _is_empty_statement(text: str) -> bool:
    if "无" not in text and "空" not in text:
        return False  # the usual case (each of _EMPTY_WORDS holds 无 or 空)
    s = squash(text)
    body = s.split("：", 1)[-1].split(":", 1)[-1]
    if body.startswith(_EMPTY_WORDS) and len(body) <= 30:
        return True
    # "说明：本单位本年度没有政府性基金预算财政拨款收入和支出，故本表无数据。"
    if len(body) <= 80 and any(w in body for w in _EMPTY_CLAUSES):
        return True
    # "（无政府性基金支出）" printed under the table
    inner = body.strip("()（）")
    return inner != body and inner.startswith("无") and len(inner) <= 20


#: Clauses ending a longer note that says the table is empty.
_EMPTY_CLAUSES = ("故本表无数据", "本表无数据", "此表为空", "本表为空", "故此表无数据", "本表为空表")


#: The unit printed in a header cell, as the one figure column's name: "预 算 数(万元)"
#: (宣州区审计局 2018), "预算数（元）".
_HEADER_UNIT = re.compile(r"[(（](万元|元)[)）]$")


def _header_unit(headers: Sequence[Line]) -> Unit | None:
    """The unit the header's cells state (one unit, stated alike in every cell stating one),
    or None.

    >>> from govfin.readers.lines import Line
    >>> _header_unit([Line(1, "项目\t预 算 数(万元)")])
    <Unit.WAN_YUAN: '万元'>
    """
    units = {m.group(1) for h in headers for c in h.cells
             if (m := _HEADER_UNIT.search(squash(c))) is not None}
    return Unit(units.pop()) if len(units) == 1 else None

