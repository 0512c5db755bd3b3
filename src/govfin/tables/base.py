"""The table model shared by every kind of disclosure table.

A table is a tuple of :class:`Row` objects (each with a key, a printed name and a value per
column) plus :class:`TableMeta` (the document's own number, title, department, year, unit).
Each table kind is a subclass that declares, as class-level data:

- ``KIND``: the canonical Chinese title (收入决算表), which identifies the kind;
- ``TITLES``: printed title variants that also identify it;
- ``COLUMNS``: the money columns in printed order;
- ``OPTIONAL_COLUMNS``: money columns some layouts print and others leave out (a "其中" column,
  会议费 beside the 三公);
- ``ROW_EQUATIONS`` (on every row), ``ROW_BOUNDS`` (a 其中 column ≤ its parent, on every row),
  ``EQUATIONS`` (between fixed cells) and ``ROLLUP`` (along the code tree): the relations that
  hold inside the table, each with a stable rule id.  :mod:`govfin.rules.tables` turns each into a registered rule; there is no per-table
  ``if`` in the rule code.

Tables are identified by kind (title and content), never by number: regions number and order
them differently, so the printed number is only metadata.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from typing import Any, ClassVar

import attrs

from govfin._lazy import frozen
from govfin.amounts import Unit, to_decimal
from govfin.errors import ArgumentTypeError, GovfinError, NotFoundError
from govfin.findings import Cell, Place, Severity
from govfin.formatting import format_number, html_cell, places_of
from govfin.serialize import PlainData

__all__ = [
    "CLASS_ROWS",
    "Equation",
    "Rollup",
    "Row",
    "RowBound",
    "RowEquation",
    "Table",
    "TableError",
    "TableMeta",
    "convert_cell",
    "converted_value",
    "normalize_title",
    "table_html",
]

#: In an :class:`Equation`, stands for "every row whose code is a 类 (3 digits)".
CLASS_ROWS = "*类"


class TableError(GovfinError, ValueError):
    """A table built with bad structure (unknown column, missing row); names the place."""


def _values(value: Mapping[str, Any], row: Row) -> dict[str, Decimal | None]:
    """Coerce every cell to Decimal or None; a bad cell's error names its row and column."""
    out: dict[str, Decimal | None] = {}
    for k, v in value.items():
        try:
            out[str(k)] = to_decimal(v)
            continue
        except (TypeError, ValueError):
            pass
        # The same error again, now naming the cell (the name is built only for a bad cell).
        to_decimal(v, where=f"row {row.key}, column {k}")
    return out


@frozen
class Row:
    """One row: ``key`` is its code (``"2010350"``) or canonical line label (``"合计"``).

    ``name`` is the name as printed (kept verbatim); ``values`` maps column to amount
    (``None`` = blank).  ``line`` is the source line when read from text.
    """

    key: str = attrs.field(validator=attrs.validators.instance_of(str))
    name: str = ""
    values: Mapping[str, Decimal | None] = attrs.field(
        factory=dict,
        converter=attrs.Converter(_values, takes_self=True),  # type: ignore[call-overload,misc]
    )
    code: str | None = None
    line: int | None = attrs.field(default=None, eq=False)

    def __getitem__(self, column: str) -> Decimal | None:
        return self.values.get(column)

    @property
    def blank(self) -> bool:
        return all(v is None for v in self.values.values())


@frozen
class TableMeta:
    """Metadata kept from the document: its own number and title, department, year, unit.

    ``precision`` is the last-place unit of money cells in ``unit`` (0.01 for tables kept to
    two decimals); it sets the tolerance interval of every cell.  ``empty_note`` keeps a
    printed "本表无数据"-style statement.
    """

    number: str | None = None
    title: str | None = None
    department: str | None = None
    year: int | None = None
    unit: Unit = Unit.WAN_YUAN
    precision: Decimal = Decimal("0.01")
    empty_note: str | None = None
    line: int | None = attrs.field(default=None, eq=False)


@frozen
class RowEquation:
    """On every row: ``total = Σ plus − Σ minus`` over columns (a column partition)."""

    id: str
    zh: str
    en: str
    total: str
    plus: tuple[str, ...]
    minus: tuple[str, ...] = ()
    severity: Severity = Severity.ERROR
    source: str = ""
    #: Why the relation was added, and when (the rule catalogue lists it).
    changed: str = ""


@frozen
class RowBound:
    """On every row that prints ``part``: ``part ≤ whole`` (a "其中" column within the column
    it is printed under: 其中：教育收费 within 事业收入)."""

    id: str
    zh: str
    en: str
    part: str
    whole: str
    severity: Severity = Severity.ERROR
    source: str = ""
    #: Why the relation was added, and when (the rule catalogue lists it).
    changed: str = ""


@frozen
class Equation:
    """Between fixed cells: ``total = Σ plus − Σ minus``; cells are ``(row key, column)``.

    A row key :data:`CLASS_ROWS` in ``plus`` expands to every 类 row in that column.
    """

    id: str
    zh: str
    en: str
    total: tuple[str, str]
    plus: tuple[tuple[str, str], ...]
    minus: tuple[tuple[str, str], ...] = ()
    severity: Severity = Severity.ERROR
    source: str = ""


@frozen
class Rollup:
    """Along the code tree, for each column: parent row = Σ its child rows.

    A child of code ``c`` is a row whose code is ``c`` plus two digits (类 → 款 → 项).  When
    ``total`` is set, that row (合计) = Σ the top-level (3-digit) rows.  ``columns`` ``None``
    means every column of the table.
    """

    id: str
    zh: str
    en: str
    columns: tuple[str, ...] | None = None
    total: str | None = "合计"
    severity: Severity = Severity.ERROR
    source: str = ""


def _row_tuple(rows: Iterable[Row]) -> tuple[Row, ...]:
    """The rows as a tuple (a typed converter: ``converter=tuple`` loses the item type)."""
    return tuple(rows)


_TITLE_NOISE = re.compile(r"\s|\(?公开\d+号?表\)?|\(?\d{4}年度?\)?")
#: What a document prints around a title and is not part of it, once white space and years are
#: gone: its own numbering in front ("附表1", "表1-1", "表一", "表3："; never the 一 of
#: 一般公共预算) and a continuation mark behind ("(续)", "(续表)", "续表") on a table's next page.
#: Seen in published 部门预算/决算 (tests/data/titles lists the titles and their sources).
_TITLE_FRAME = re.compile(
    r"^(?:附表|表)(?:\d{1,2}(?:[-－—]\d{1,2})?|[一二三四五六七八九十]{1,3}(?!般))[、.．:：]?"
    r"|\(续表?\)$|续表$"
)
_QUOTES = str.maketrans({"“": '"', "”": '"', "＂": '"', "（": "(", "）": ")"})


def normalize_title(title: str) -> str:
    """A title with white space, "公开NN表", years, quote/bracket width, the document's own
    numbering in front and a "(续)" behind removed.

    >>> normalize_title("表1-1  2025年部门收支总表（续）")
    '部门收支总表'
    >>> normalize_title("表一 一般公共预算“三公”经费支出表")
    '一般公共预算"三公"经费支出表'
    """
    if type(title) is str:
        return _normalized_title(title)
    return _normalize(title)


def _normalize(title: str) -> str:
    # Brackets made half-width first: the noise patterns name only "(" and ")".
    return _TITLE_FRAME.sub("", _TITLE_NOISE.sub("", title.translate(_QUOTES)))


@functools.lru_cache(maxsize=4096)
def _normalized_title(title: str) -> str:
    # A reader asks every kind whether a line is its title: the same strings, many times.
    return _normalize(title)


_TITLES: dict[type, frozenset[str]] = {}


def _normalized_titles(cls: type[Table]) -> frozenset[str]:
    """The normalised KIND and TITLES of a table kind (computed once per kind)."""
    try:
        return _TITLES[cls]
    except KeyError:
        titles = _TITLES[cls] = frozenset(normalize_title(v) for v in (cls.KIND, *cls.TITLES))
        return titles


@frozen
class Table(PlainData):
    """Base of every table kind.  Subclasses set the class-level data described above."""

    KIND: ClassVar[str] = ""
    #: The document family: "决算" (final accounts) or "预算" (budget, govfin.tables.budget).
    DOCUMENT: ClassVar[str] = "决算"
    TITLE_EN: ClassVar[str] = ""
    #: The number in the current (2022+) central order, for reference only.
    NUMBER: ClassVar[str] = ""
    TITLES: ClassVar[tuple[str, ...]] = ()
    COLUMNS: ClassVar[tuple[str, ...]] = ()
    #: Money columns a layout may leave out.  Those not in ``COLUMNS`` (a "其中" column, 会议费
    #: beside the 三公) are read only where a header names them, after ``COLUMNS``; a row holds
    #: such a column only when its table prints it, and a relation naming one (a
    #: :class:`RowEquation`, a :class:`RowBound`) is judged only on rows that hold it.  A
    #: printed column that is neither is never placed by position: one its header marks as a
    #: 其中 of another column is set aside (READ-part: a part is no addend), any other leaves
    #: the table not read whole (READ-identity).
    OPTIONAL_COLUMNS: ClassVar[tuple[str, ...]] = ()
    ROW_EQUATIONS: ClassVar[tuple[RowEquation, ...]] = ()
    ROW_BOUNDS: ClassVar[tuple[RowBound, ...]] = ()
    EQUATIONS: ClassVar[tuple[Equation, ...]] = ()
    ROLLUP: ClassVar[Rollup | None] = None
    #: Registry of concrete kinds: KIND -> class.
    KINDS: ClassVar[dict[str, type[Table]]] = {}
    #: For kinds with a fixed set of line labels: the allowed non-code row keys.  ``None``
    #: (the default) accepts any key.  A coded row (``code`` set) is accepted instead when its
    #: key equals its code and the code's length is in ``CODE_LENGTHS``.
    ROW_KEYS: ClassVar[tuple[str, ...] | None] = None
    CODE_LENGTHS: ClassVar[tuple[int, ...]] = ()
    #: Other printed names of a model column, as departments print them (column -> names;
    #: compared without spaces, brackets made full-width).  The readers place a column by its
    #: name or one of these; a header that names none of them leaves the table not read whole.
    COLUMN_ALIASES: ClassVar[dict[str, tuple[str, ...]]] = {}
    #: Other printed labels of the fixed rows (label, without its "一、" -> row key), for the
    #: kinds read by their line labels (公开01, 公开04).
    ROW_ALIASES: ClassVar[dict[str, str]] = {}

    rows: tuple[Row, ...] = attrs.field(default=(), converter=_row_tuple)
    meta: TableMeta = TableMeta()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if cls.__dict__.get("KIND"):
            Table.KINDS[cls.KIND] = cls

    @classmethod
    def all_columns(cls) -> tuple[str, ...]:
        """``COLUMNS`` then the optional columns not among them (every column a row may hold).

        >>> from govfin.tables import GeneralBudgetExpenditureTable as T05
        >>> T05.all_columns()
        ('合计', '基本支出', '项目支出', '人员经费', '公用经费')
        """
        return _all_columns(cls)

    @classmethod
    def extra_columns(cls) -> tuple[str, ...]:
        """The optional columns that are not in ``COLUMNS`` (held only where printed)."""
        return _all_columns(cls)[len(cls.COLUMNS) :]

    def printed_columns(self) -> tuple[str, ...]:
        """``COLUMNS``, then each optional column outside them that a row of this table holds:
        what a writer, a frame or a view shows so that nothing read is left out."""
        extra = self.extra_columns()
        if not extra:
            return self.COLUMNS
        held = {c for r in self.rows for c in r.values}
        return self.COLUMNS + tuple(c for c in extra if c in held)

    def __attrs_post_init__(self) -> None:
        allowed = frozenset(self.all_columns())
        keys = self.ROW_KEYS
        for r in self.rows:
            if not isinstance(r, Row):
                raise ArgumentTypeError(f"{self.KIND}: rows must be Row objects, got {r!r}")
            if not allowed.issuperset(r.values):
                bad = set(r.values) - allowed
                raise TableError(
                    f"{self.KIND}, row {r.key}: unknown column(s) {sorted(bad)}; "
                    f"columns are {list(self.all_columns())}"
                )
            if keys is not None:
                self._check_row_key(r, keys)

    def _check_row_key(self, r: Row, keys: tuple[str, ...]) -> None:
        if r.code is None:
            if r.key not in keys:
                extra = " or a code" if self.CODE_LENGTHS else ""
                raise TableError(
                    f"{self.KIND}, row {r.key}: unknown row key; row keys are {list(keys)}{extra}"
                )
        elif not self.CODE_LENGTHS:
            raise TableError(f"{self.KIND}, row {r.key}: this kind has no coded rows")
        elif r.key != r.code or not r.code.isdigit() or len(r.code) not in self.CODE_LENGTHS:
            raise TableError(
                f"{self.KIND}, row {r.key}: a coded row's key must equal its code, a string of "
                f"{' or '.join(map(str, self.CODE_LENGTHS))} digits (code {r.code!r})"
            )

    def _repr_html_(self) -> str:
        """HTML for Jupyter (:func:`table_html`)."""
        return table_html(self)

    # -- lookup -------------------------------------------------------------------------------
    @functools.cached_property
    def _by_key(self) -> dict[str, Row]:
        """Row key -> first row with that key, built once per table (rows are immutable)."""
        index: dict[str, Row] = {}
        for r in self.rows:
            index.setdefault(r.key, r)
        return index

    def get(self, key: str) -> Row | None:
        """The first row with this key, or None."""
        return self._by_key.get(key)

    def row(self, key: str) -> Row:
        r = self.get(key)
        if r is None:
            raise NotFoundError(f"{self.KIND}: no row {key!r}")
        return r

    def value(self, key: str, column: str) -> Decimal | None:
        r = self._by_key.get(key)  # self.get(key), inlined: rules ask this most of all
        return None if r is None else r.values.get(column)

    def place(self, key: str, column: str | None = None) -> Place:
        r = self.get(key)
        return Place(self.KIND, key, column, r.line if r is not None else None)

    def cell(self, key: str, column: str) -> Cell:
        """The cell at (row key, column); a missing row reads as blank."""
        r = self._by_key.get(key)
        if r is None:
            return Cell(Place(self.KIND, key, column), None, self.unit_of(key, column))
        return Cell(Place(self.KIND, key, column, r.line), r.values.get(column),
                    self.unit_of(key, column))

    def unit_of(self, key: str, column: str) -> Decimal:
        """Last-place unit of the cell at (row key, column).

        The table's money unit (:attr:`unit`) unless a kind says otherwise: count rows
        (车辆数) return ``Decimal(0)``, i.e. exact.
        """
        return self.unit

    @property
    def unit(self) -> Decimal:
        """Last-place unit of money cells (from the declared precision)."""
        return self.meta.precision

    @functools.cached_property
    def empty(self) -> bool:
        """True when no cell holds a value (a table printed with "本表无数据")."""
        return all(r.blank for r in self.rows)

    @functools.cached_property
    def nil(self) -> bool:
        """True when no cell holds a non-zero value: blank throughout, or printed 0 / 0.00
        throughout (how many departments print a table they have nothing for, under its
        "本单位无…" note)."""
        return all(not v for r in self.rows for v in r.values.values())

    @functools.cached_property
    def _coded(self) -> tuple[Row, ...]:
        """The rows with a code, in order, once per table (several rules walk them)."""
        return tuple(r for r in self.rows if r.code is not None)

    def coded_rows(self) -> Iterator[Row]:
        return iter(self._coded)

    def __iter__(self) -> Iterator[Row]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    @classmethod
    def matches_title(cls, title: str) -> bool:
        """Does a printed title name this kind?  (Ignores 公开NN表, year, spaces, quote width.)"""
        return normalize_title(title) in _normalized_titles(cls)


@functools.lru_cache(maxsize=256)
def _all_columns(cls: type[Table]) -> tuple[str, ...]:
    return (*cls.COLUMNS, *(c for c in cls.OPTIONAL_COLUMNS if c not in cls.COLUMNS))


# -- units -------------------------------------------------------------------------------------


def _factor(table: Table, unit: Decimal, to: Unit) -> Decimal | None:
    """What a cell of ``table`` with last-place ``unit`` is multiplied by to be in unit ``to``
    (exactly); None when it stays as it is (the same unit, or an exact count: unit 0)."""
    if table.meta.unit is to or unit == 0:
        return None
    return table.meta.unit.yuan / to.yuan


def convert_cell(cell: Cell, table: Table, to: Unit) -> Cell:
    """A money cell of ``table`` in unit ``to`` (exact); exact cells (counts, unit 0) stay.

    >>> from govfin.tables import IncomeTable
    >>> t = IncomeTable(meta=TableMeta(unit=Unit.YUAN))
    >>> c = convert_cell(Cell(Place(t.KIND, "合计", "本年收入合计"), Decimal("12345.67"),
    ...                       t.unit), t, Unit.WAN_YUAN)
    >>> c.value, c.unit
    (Decimal('1.234567'), Decimal('0.000001'))
    """
    factor = _factor(table, cell.unit, to)
    if factor is None:
        return cell
    value = None if cell.value is None else cell.value * factor
    return Cell(cell.place, value, cell.unit * factor)


def converted_value(table: Table, key: str, column: str, to: Unit) -> Decimal | None:
    """The value :func:`convert_cell` gives for (row ``key``, ``column``), without the cell."""
    value = table.value(key, column)
    if value is None or table.meta.unit is to:  # as _factor: the same unit stays
        return value
    factor = _factor(table, table.unit_of(key, column), to)
    return value if factor is None else value * factor


# -- HTML --------------------------------------------------------------------------------------


def table_html(table: Table, *, locale: str = "zh_CN") -> str:
    """A table as HTML: code, name, then each money column (``Table._repr_html_``)."""
    import html  # (HTML in a notebook only: not loaded for checking)

    meta = table.meta
    title = html.escape(" ".join(x for x in (meta.number or "", table.KIND) if x))
    sub = " · ".join(
        html.escape(str(x)) for x in (meta.department, meta.year, f"单位：{meta.unit.value}") if x
    )
    columns = table.printed_columns()
    head = (
        "<tr><th>代码</th><th>项目</th>"
        + "".join(f"<th>{html.escape(c)}</th>" for c in columns)
        + "</tr>"
    )
    body = []
    for r in table.rows:
        cells = "".join(
            '<td style="text-align:right">'
            + (
                format_number(r[c], places=places_of(table.unit_of(r.key, c)), locale=locale)
                if r[c] is not None
                else ""
            )
            + "</td>"
            for c in columns
        )
        body.append(
            f"<tr><td>{html_cell(r.code)}</td><td>{html_cell(r.name or r.key)}</td>{cells}</tr>"
        )
    note = f"<p>{html.escape(meta.empty_note)}</p>" if meta.empty_note else ""
    return (
        f'<div><p><b>{title}</b><br/>{sub}</p><table class="govfin-table">{head}\n'
        + "\n".join(body)
        + f"</table>{note}</div>"
    )
