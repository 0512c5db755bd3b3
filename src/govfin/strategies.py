"""Hypothesis strategies for govfin objects: codes, amounts, consistent tables and disclosures.

Use them in your own property tests (see ``docs/strategies.md``)::

    from hypothesis import given
    import govfin
    from govfin import strategies as gs

    @given(gs.tables(gs.KIND_03))
    def test_my_exporter_keeps_totals(table):
        assert govfin.check(table).ok
        ...

Everything here is *consistent by construction*: amounts are drawn in 元 (whole 分), summed
up the code tree (项 → 款 → 类 → 合计) and across columns, and only then is every cell rounded
independently to the table's unit and precision (四舍五入, ``ROUND_HALF_UP``), so printed
tables carry the rounding residues (尾数误差) real documents carry, and nothing else.

Importable only when hypothesis is installed (``pip install 'govfin[test]'``).

Public strategies and helpers:

- codes: :func:`years`, :func:`functional_codes`, :func:`economic_codes`,
  :func:`malformed_codes`, :func:`code_trees`;
- amounts: :func:`amounts`, :func:`yuan_amounts`, :func:`printed_cells`, :func:`cell_texts`,
  :func:`format_amount`, :func:`round_yuan`;
- tables: :func:`ledgers` (the exact 元 accounts every table is printed from), :func:`tables`
  (one table of a kind), :func:`any_tables`;
- documents: :func:`disclosures`, :func:`evaluations`, :func:`narratives`;
- errors: :func:`mutations` / :func:`mutate_cell` (move one cell beyond every tolerance),
  :func:`relations`, :func:`guarded_places`, :func:`detection_bound`, :func:`false_alarms`;
- reader input: :func:`reader_inputs` (arbitrary and near-valid text).
"""

from __future__ import annotations

try:
    from hypothesis import strategies as st
except ImportError as exc:  # pragma: no cover - exercised only without hypothesis
    raise ImportError("govfin.strategies needs hypothesis: pip install 'govfin[test]'") from exc

import functools
import itertools
import random
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, NamedTuple, TypeVar

import attrs

from govfin import codes
from govfin.amounts import BLANK_TEXTS, HUNDRED, Unit, convert
from govfin.errors import ArgumentValueError, NotFoundError
from govfin.findings import Place, Severity
from govfin.tables import (
    CLASS_ROWS,
    TOTAL,
    BasicExpenditureDetail,
    DisclosureInfoTable,
    ExpenditureTable,
    FiscalAppropriationSummary,
    GeneralBudgetExpenditureTable,
    GovernmentFundTable,
    IncomeExpenditureSummary,
    IncomeTable,
    Row,
    StateCapitalTable,
    Table,
    TableMeta,
    ThreePublicTable,
)
from govfin.tables.summary import APPROPRIATION_COLUMNS

__all__ = [
    "DEPARTMENTS",
    "KIND_01",
    "KIND_02",
    "KIND_03",
    "KIND_04",
    "KIND_05",
    "KIND_06",
    "KIND_07",
    "KIND_08",
    "KIND_09",
    "KIND_10",
    "NO_DATA",
    "TABLE_KINDS",
    "CodeTree",
    "Flows",
    "Ledger",
    "Mutation",
    "PrintedCell",
    "Relation",
    "amounts",
    "any_tables",
    "cell_texts",
    "code_trees",
    "detection_bound",
    "disclosures",
    "economic_codes",
    "evaluations",
    "false_alarms",
    "format_amount",
    "functional_codes",
    "guarded_places",
    "ledgers",
    "malformed_codes",
    "mutate_cell",
    "mutations",
    "narratives",
    "printed_cells",
    "reader_inputs",
    "relations",
    "round_yuan",
    "tables",
    "years",
    "yuan_amounts",
]

T = TypeVar("T")
Draw = Callable[[st.SearchStrategy[Any]], Any]

KIND_01 = IncomeExpenditureSummary
KIND_02 = IncomeTable
KIND_03 = ExpenditureTable
KIND_04 = FiscalAppropriationSummary
KIND_05 = GeneralBudgetExpenditureTable
KIND_06 = BasicExpenditureDetail
KIND_07 = GovernmentFundTable
KIND_08 = StateCapitalTable
KIND_09 = ThreePublicTable
KIND_10 = DisclosureInfoTable

#: Every table kind, in the order of the central set (公开01表 … 公开10表).
TABLE_KINDS: tuple[type[Table], ...] = (
    KIND_01, KIND_02, KIND_03, KIND_04, KIND_05, KIND_06, KIND_07, KIND_08, KIND_09, KIND_10,
)  # fmt: skip

#: The note printed on an empty table.
NO_DATA = "本表无数据"

#: Department names the generated documents use.
DEPARTMENTS: tuple[str, ...] = (
    "朔州经济开发区管理委员会综合办公室",
    "某市财政局",
    "某县教育局机关",
    "某区卫生健康委员会",
    "某市住房和城乡建设局（本级）",
)

_CENT = Decimal("0.01")

# ----------------------------------------------------------------------------------------------
# drawing integers within hypothesis' budget


class _Source:
    """Integers for a generator: drawn through hypothesis while a budget lasts, then from a
    PRNG seeded by hypothesis.

    Small examples are thus fully under hypothesis' control (and shrink well); examples with
    hundreds of rows stay within hypothesis' per-example data limit.
    """

    def __init__(self, draw: Draw, budget: int = 900) -> None:
        self._draw = draw
        self._left = budget
        self._rng: random.Random | None = None

    def integer(self, lo: int, hi: int) -> int:
        if hi <= lo:
            return lo
        if self._left > 0:
            self._left -= 1
            return int(self._draw(st.integers(lo, hi)))
        if self._rng is None:
            self._rng = random.Random(self._draw(st.integers(0, 2**32 - 1)))
        return self._rng.randint(lo, hi)

    def chance(self, percent: int) -> bool:
        """True with about ``percent`` % probability; shrinks towards False."""
        return self.integer(0, 99) >= 100 - percent

    def choice(self, items: Sequence[T]) -> T:
        return items[self.integer(0, len(items) - 1)]

    def sample(self, items: Sequence[T], n: int) -> list[T]:
        """``n`` distinct items, in their original order."""
        pool = list(range(len(items)))
        picked = []
        for _ in range(min(n, len(pool))):
            picked.append(pool.pop(self.integer(0, len(pool) - 1)))
        return [items[i] for i in sorted(picked)]

    def fen(self, max_exponent: int = 11) -> int:
        """An amount in 分: a magnitude, then a value below it (shrinks to 0).

        Up to 10**11 分 (10 亿元); small amounts (a few 元, which print as 0.00 万元) are as
        likely as large ones.
        """
        return self.integer(0, 10 ** self.integer(0, max_exponent))

    def maybe_fen(self, percent: int, max_exponent: int = 11) -> int:
        """An amount with probability ``percent`` %, else 0."""
        return self.fen(max_exponent) if self.chance(percent) else 0

    def split(self, total: int, n: int) -> list[int]:
        """``n`` non-negative integers summing to ``total``."""
        if n <= 0:
            return []
        if n == 1 or total == 0:
            return [total] + [0] * (n - 1)
        cuts = sorted(self.integer(0, total) for _ in range(n - 1))
        bounds = [0, *cuts, total]
        return [b - a for a, b in itertools.pairwise(bounds)]


# ----------------------------------------------------------------------------------------------
# codes


def years() -> st.SearchStrategy[int]:
    """An edition year for which govfin ships the functional and economic lists."""
    shipped = sorted(set(codes.editions("functional")) & set(codes.editions("economic")))
    return st.sampled_from(shipped)


def _level(level: codes.Level | str | int | None) -> codes.Level | None:
    if level is None or isinstance(level, codes.Level):
        return level
    if isinstance(level, int):
        return (codes.Level.CATEGORY, codes.Level.SECTION, codes.Level.ITEM)[level - 1]
    return codes.Level(level)


@functools.cache
def _codes_of(scheme: str, year: int, level: codes.Level | None) -> tuple[str, ...]:
    return tuple(c.code for c in codes.all_codes(scheme, year) if level is None or c.level is level)


def _scheme_codes(
    scheme: str, level: codes.Level | str | int | None, year: int | None
) -> st.SearchStrategy[str]:
    lv = _level(level)
    if year is not None:
        found = _codes_of(scheme, year, lv)
        if not found:
            raise ArgumentValueError(f"no {scheme} codes at level {lv} in the {year} edition")
        return st.sampled_from(found)
    return years().flatmap(lambda y: _scheme_codes(scheme, lv, y))


def functional_codes(
    level: codes.Level | str | int | None = None, year: int | None = None
) -> st.SearchStrategy[str]:
    """A 支出功能分类 code of the shipped list: ``level`` 类/款/项 (``Level``, ``"类"`` or 1–3),
    any level when ``None``; from the ``year`` edition (any shipped edition when ``None``)."""
    return _scheme_codes("functional", level, year)


def economic_codes(
    level: codes.Level | str | int | None = None,
    year: int | None = None,
    *,
    scheme: str = "economic",
) -> st.SearchStrategy[str]:
    """A 部门预算支出经济分类 code (``scheme="economic-gov"`` for the 政府预算 list)."""
    return _scheme_codes(scheme, level, year)


def malformed_codes() -> st.SearchStrategy[object]:
    """Inputs that are not well-formed codes, for error-path tests.

    Wrong lengths (``"2"``, ``"2010"``, ``"20103501"``), characters other than ASCII digits
    (``"20a"``, ``"２０１"``, ``"201 03"``, ``""``), a leading digit that belongs to no scheme
    (``"101"``), and values that are not strings at all (``201``, ``2010350.0``, ``None``,
    ``b"201"``).  ``govfin.codes`` raises :class:`~govfin.codes.MalformedCodeError` for every
    one (:class:`~govfin.codes.CodeTypeError` for non-strings).
    """
    digits = "0123456789"
    lead = st.sampled_from("235")
    wrong_length = st.builds(
        lambda a, b: a + b,
        lead,
        st.text(digits, min_size=0, max_size=12).filter(lambda s: len(s) + 1 not in (3, 5, 7)),
    )
    wrong_lead = st.builds(
        lambda a, b: a + b, st.sampled_from("0146789"), st.sampled_from(["01", "0103", "010350"])
    )
    non_digits = st.one_of(
        st.just(""),
        st.text(min_size=1, max_size=8).filter(
            lambda s: not s.strip().isascii() or not s.strip().isdigit()
        ),
        st.sampled_from(["20a", "２０１", "201 03", "201.03", "201-03", "2O1", "２０１０３"]),
    )
    not_strings = st.one_of(
        st.integers(0, 10**8),
        st.just(2010350.0),
        st.none(),
        st.just(b"201"),
        st.just(["201"]),
    )
    return st.one_of(wrong_length, wrong_lead, non_digits, not_strings)


@attrs.frozen
class CodeTree:
    """A set of codes closed under parents, in printed (depth-first, code) order."""

    year: int
    codes: tuple[str, ...]

    @property
    def leaves(self) -> tuple[str, ...]:
        """Codes none of whose children are in the tree."""
        present = set(self.codes)
        return tuple(c for c in self.codes if not any(k[:-2] == c for k in present if len(k) > 3))

    @property
    def classes(self) -> tuple[str, ...]:
        return tuple(c for c in self.codes if len(c) == 3)

    @classmethod
    def closure(cls, year: int, leaves: Iterable[str]) -> CodeTree:
        """The tree of ``leaves`` and all their ancestors."""
        found: set[str] = set()
        for c in leaves:
            while c:
                found.add(c)
                c = c[:-2] if len(c) > 3 else ""
        return cls(year, tuple(sorted(found)))


@functools.cache
def _registry_leaves(scheme: str, year: int) -> tuple[str, ...]:
    return tuple(c.code for c in codes.all_codes(scheme, year) if not codes.children(c.code, year))


def _draw_leaves(
    src: _Source, scheme: str, year: int, n: int, exclude: Callable[[str], bool] | None = None
) -> list[str]:
    pool = [c for c in _registry_leaves(scheme, year) if exclude is None or not exclude(c)]
    picked = src.sample(pool, n)
    if scheme != "functional":
        return picked
    # Now and then a leaf is printed one level up (a 款 without its 项); codes under such a
    # leaf are then dropped, so that the leaves stay disjoint.
    cut = sorted({c[:-2] if len(c) > 3 and src.chance(5) else c for c in picked})
    return [c for c in cut if not any(c != d and c.startswith(d) for d in cut)]


@st.composite
def code_trees(
    draw: Draw,
    *,
    year: int | None = None,
    scheme: str = "functional",
    min_leaves: int = 0,
    max_leaves: int = 40,
) -> CodeTree:
    """A subset of a shipped code list closed under parents (a 类 → 款 → 项 tree)."""
    y = year if year is not None else draw(years())
    src = _Source(draw)
    n = src.integer(min_leaves, max_leaves)
    return CodeTree.closure(y, _draw_leaves(src, scheme, y, n))


# ----------------------------------------------------------------------------------------------
# amounts


def round_yuan(
    yuan: Decimal | int,
    unit: Unit = Unit.WAN_YUAN,
    precision: Decimal = _CENT,
    rounding: str = ROUND_HALF_UP,
) -> Decimal:
    """An exact amount in 元 as printed in ``unit`` to ``precision``: 四舍五入
    (``ROUND_HALF_UP``, the default) or cut (``ROUND_DOWN``, for truncating documents)."""
    value = Decimal(yuan) / unit.yuan
    return value.quantize(precision, rounding=rounding)


def _printed(fen: int, unit: Unit, precision: Decimal, rounding: str = ROUND_HALF_UP) -> Decimal:
    return round_yuan(Decimal(fen).scaleb(-2), unit, precision, rounding)


def amounts(
    precision: Decimal = _CENT,
    *,
    unit: Unit = Unit.WAN_YUAN,
    min_value: Decimal | int | None = 0,
    max_value: Decimal | int | None = None,
) -> st.SearchStrategy[Decimal]:
    """Decimals with exactly the digits of ``precision`` (``Decimal("0.01")`` → ``"12.30"``).

    ``max_value`` defaults to 10 亿元 expressed in ``unit``; ``min_value=None`` allows
    negatives down to ``-max_value``.
    """
    top = Decimal(max_value) if max_value is not None else Decimal(10**9) / unit.yuan
    bottom = Decimal(min_value) if min_value is not None else -top
    lo = int((bottom / precision).to_integral_value(rounding="ROUND_CEILING"))
    hi = int((top / precision).to_integral_value(rounding="ROUND_FLOOR"))
    return st.integers(lo, hi).map(lambda n: Decimal(n) * precision)


def yuan_amounts(
    *, max_yuan: int = 10**9, cents: bool = True, signed: bool = False
) -> st.SearchStrategy[Decimal]:
    """Exact amounts in 元: whole 分 (``cents=True``) or whole 元."""
    scale = 100 if cents else 1
    lo = -max_yuan * scale if signed else 0
    ints = st.integers(lo, max_yuan * scale)
    return ints.map(lambda n: Decimal(n).scaleb(-2) if cents else Decimal(n))


def format_amount(
    value: Decimal | None,
    *,
    thousands: bool = False,
    negative: str = "-",
    blank: str = "",
    pad: str = "",
) -> str:
    """``value`` as a document prints it.

    ``thousands`` inserts "," separators; ``negative`` is ``"-"``, ``"()"`` or ``"（）"``;
    ``blank`` is the printed form of ``None`` (one of :data:`govfin.amounts.BLANK_TEXTS`);
    ``pad`` surrounds the text (spaces, ``"\\u3000"``).
    """
    if value is None:
        return pad + blank + pad
    body = f"{abs(value):,f}" if thousands else f"{abs(value):f}"
    if value < 0 or (value == 0 and value.is_signed()):
        if negative == "-":
            body = "-" + body
        else:
            body = negative[0] + body + negative[1]
    return pad + body + pad


@attrs.frozen
class PrintedCell:
    """A cell as printed (``text``) and the value it stands for (``None`` = blank)."""

    text: str
    value: Decimal | None


@st.composite
def printed_cells(
    draw: Draw,
    values: st.SearchStrategy[Decimal] | None = None,
    *,
    blanks: bool = True,
) -> PrintedCell:
    """A printed money cell and its value: plain ``"1234.50"``, ``"1,234.50"``, negatives
    ``"-12.30"`` / ``"(12.30)"`` / ``"（12.30）"``, padded with spaces; blanks ``""``, ``"—"``,
    ``"-"``, ``"— —"``, ``"——"`` …  ``parse_amount(text) == value`` for every one."""
    source = values if values is not None else amounts(min_value=None)
    value = draw(st.none() | source) if blanks else draw(source)
    blank = draw(st.sampled_from(sorted(BLANK_TEXTS)))
    text = format_amount(
        value,
        thousands=draw(st.booleans()),
        negative=draw(st.sampled_from(["-", "()", "（）"])),
        blank=blank,
        pad=draw(st.sampled_from(["", " ", "  ", "\u3000"])),
    )
    return PrintedCell(text, value)


def cell_texts(values: st.SearchStrategy[Decimal] | None = None) -> st.SearchStrategy[str]:
    """Printed money cells (see :func:`printed_cells`), text only."""
    return printed_cells(values).map(lambda p: p.text)


# ----------------------------------------------------------------------------------------------
# the ledger: exact 元 accounts from which every table is printed

#: Funds of the ledger: the three 财政拨款 budget types, then non-appropriation money.
_GP, _GF, _SC, _NF = 0, 1, 2, 3
_FISCAL = (_GP, _GF, _SC)
#: Income sources, in the order of 公开01表's eight income lines.
_INCOME_LINES = IncomeExpenditureSummary.INCOME_LINES
_NF_SOURCES = IncomeTable.OTHER_SOURCES
_BUDGET_TYPES = APPROPRIATION_COLUMNS


@attrs.frozen
class Flows:
    """The money of one leaf code, in 分.

    ``basic`` / ``project``: expenditure by fund (一般公共预算, 政府性基金, 国有资本经营,
    non-appropriation); ``remitted``, ``business``, ``subsidies``: 上缴上级支出, 经营支出,
    对附属单位补助支出 (non-appropriation money); ``income``: the eight income lines of
    公开01表; ``fund_opening`` / ``fund_closing``: the 政府性基金 balances of the code (公开07表).
    Σ income = total expenditure (the 公开02/03 mirror).
    """

    basic: tuple[int, ...]
    project: tuple[int, ...]
    remitted: int
    business: int
    subsidies: int
    income: tuple[int, ...]
    fund_opening: int
    fund_closing: int

    @property
    def expenditure(self) -> int:
        return sum(self.basic) + sum(self.project) + self.remitted + self.business + self.subsidies

    def spent(self, fund: int) -> int:
        return self.basic[fund] + self.project[fund]

    @property
    def fund_active(self) -> bool:
        return bool(self.spent(_GF) or self.income[_GF] or self.fund_opening or self.fund_closing)


#: A row to print: (key, printed name, code or None, {column: amount in 分}).
_RowSpec = tuple[str, str, str | None, dict[str, int]]

#: 公开09 columns, the 公开06 economic codes of their basic-expenditure part (X11).
_THREE_PUBLIC_BASE = (
    ("因公出国（境）费", "30212"),
    ("公务用车购置费", "31013"),
    ("公务用车运行维护费", "30231"),
    ("公务接待费", "30217"),
)
#: Economic classes not used for 基本支出 (基本建设 capital): printed "——" in 公开06表.
_NOT_BASIC = ("309", "311")


@attrs.frozen
class Ledger:
    """The exact accounts of one department and year (every amount in 分).

    Every table of a disclosure is a projection of the ledger (:meth:`table`), printed in
    ``unit`` to ``precision``; :meth:`disclosure` assembles them.  Because the ledger holds
    every relation exactly, a printed table differs from exact arithmetic only by rounding.
    """

    year: int
    department: str
    unit: Unit
    precision: Decimal
    flows: Mapping[str, Flows]
    #: 年初/年末 财政拨款结转和结余 by budget type (一般, 基金, 国资).
    opening: tuple[int, int, int]
    closing: tuple[int, int, int]
    #: Non-appropriation balances and the two 公开01 lines that move them.
    nf_opening: int
    nf_closing: int
    balance_used: int  #: 使用非财政拨款结余
    allocation: int  #: 结余分配
    #: 公开06: amount per economic code (款, or a 类 without 款 rows).
    economic: Mapping[str, int]
    #: 公开09: (预算数, 决算数) per base column (出国, 购置, 运行维护, 接待).
    three_public: Mapping[str, tuple[int, int]]
    #: 公开10: money lines (分) and counts.
    info_money: Mapping[str, int]
    info_counts: Mapping[str, int]
    #: Layout choices: print every 类 in 公开01/04; every economic code in 公开06; zeros as 0.00.
    all_classes: bool = False
    full_economic: bool = False
    zeros_printed: bool = False
    sme_lines: bool = True
    #: How printed figures are derived from the exact ones (``ROUND_HALF_UP`` or ``ROUND_DOWN``).
    rounding: str = ROUND_HALF_UP
    #: Tables printed in another unit than :attr:`unit` (KIND → unit).
    table_units: Mapping[str, Unit] = attrs.field(factory=dict)

    def unit_of(self, kind: type[Table]) -> Unit:
        """The unit table ``kind`` is printed in."""
        return self.table_units.get(kind.KIND, self.unit)

    def shown(self, fen: int, kind: type[Table]) -> Decimal:
        """``fen`` as table ``kind`` prints it, converted exactly to the ledger's unit."""
        u = self.unit_of(kind)
        return convert(_printed(fen, u, self.precision, self.rounding), u, self.unit)

    # -- exact totals --------------------------------------------------------------------------
    def total(self, f: Callable[[Flows], int], prefix: str = "") -> int:
        """Σ ``f(flows)`` over the leaves under ``prefix`` (all leaves for ``""``)."""
        return sum(f(v) for c, v in self.flows.items() if c.startswith(prefix))

    def income(self, line: int) -> int:
        return self.total(lambda v: v.income[line])

    @property
    def single_source(self) -> bool:
        """True when every 元 is 一般公共预算财政拨款 (no other fund or source at all)."""
        others = any(
            v.basic[f] or v.project[f] or v.income[f]
            for v in self.flows.values()
            for f in (_GF, _SC, _NF)
        ) or any(
            v.remitted or v.business or v.subsidies or any(v.income[3:])
            for v in self.flows.values()
        )
        return not (
            others
            or self.opening[_GF]
            or self.opening[_SC]
            or self.closing[_GF]
            or self.closing[_SC]
            or self.nf_opening
            or self.nf_closing
            or self.balance_used
            or self.allocation
        )

    # -- printing ----------------------------------------------------------------------------
    def print_fen(
        self, fen: int, kind: type[Table], *, blank_zero: bool | None = None
    ) -> Decimal | None:
        """A 分 amount as table ``kind`` prints it (0 → blank, or 0.00 when zeros are printed)."""
        blank = (not self.zeros_printed) if blank_zero is None else blank_zero
        if fen == 0 and blank:
            return None
        return _printed(fen, self.unit_of(kind), self.precision, self.rounding)

    def _meta(self, cls: type[Table], empty: bool) -> TableMeta:
        return TableMeta(
            number=f"公开{cls.NUMBER}表",
            title=cls.KIND,
            department=self.department,
            year=self.year,
            unit=self.unit_of(cls),
            precision=self.precision,
            empty_note=NO_DATA if empty else None,
        )

    def _finish(
        self,
        cls: type[Table],
        rows: list[_RowSpec],
    ) -> Table:
        """Rows given in 分 -> the printed table (all blank, with a note, when nothing is in it)."""
        empty = all(v == 0 for *_, vals in rows for v in vals.values())
        out = [
            Row(
                key,
                name,
                {
                    c: self.print_fen(v, cls, blank_zero=True if empty else None)
                    for c, v in vals.items()
                },
                code=code,
            )
            for key, name, code, vals in rows
        ]
        return cls(out, self._meta(cls, empty))

    def _name(self, code: str) -> str:
        return codes.lookup(code, self.year).name

    def _tree(self, keep: Callable[[Flows], bool]) -> CodeTree:
        return CodeTree.closure(self.year, [c for c, v in self.flows.items() if keep(v)])

    def _functional(
        self,
        cls: type[Table],
        keep: Callable[[Flows], bool],
        columns: Callable[[Flows], dict[str, int]],
    ) -> Table:
        tree = self._tree(keep)

        def sums(prefix: str) -> dict[str, int]:
            acc = dict.fromkeys(cls.COLUMNS, 0)
            for c, v in self.flows.items():
                if c.startswith(prefix) and keep(v):
                    for k, x in columns(v).items():
                        acc[k] += x
            return acc

        rows: list[_RowSpec] = [(TOTAL, TOTAL, None, sums(""))]
        rows += [(c, self._name(c), c, sums(c)) for c in tree.codes]
        return self._finish(cls, rows)

    def _classes(self, keep: Callable[[Flows], bool]) -> list[str]:
        active = {c[:3] for c, v in self.flows.items() if keep(v)}
        if self.all_classes:
            active |= {c.code for c in codes.roots("functional", self.year)}
        return sorted(active)

    def table(self, kind: type[Table] | str) -> Table:
        """The printed table of ``kind`` (a class or its KIND)."""
        cls = kind if isinstance(kind, type) else Table.KINDS[kind]
        builder = _PROJECTIONS[cls]
        return builder(self)

    def tables(self) -> tuple[Table, ...]:
        """公开01表 … 公开10表."""
        return tuple(self.table(k) for k in TABLE_KINDS)

    def disclosure(self, *, evaluations: Sequence[Any] = (), narrative: Any = None) -> Any:
        """The whole :class:`~govfin.disclosure.Disclosure` (tables 01–10)."""
        from govfin.disclosure import Disclosure, Narrative

        return Disclosure(
            department=self.department,
            year=self.year,
            unit=self.unit,
            tables=self.tables(),
            evaluations=tuple(evaluations),
            narrative=narrative if narrative is not None else Narrative(),
            title=f"{self.department}{self.year}年度部门决算",
        )


# -- projections ---------------------------------------------------------------------------------


def _t01(ld: Ledger) -> Table:
    cls = IncomeExpenditureSummary
    col = cls.COLUMNS[0]
    income = [ld.income(i) for i in range(8)]
    year_income = sum(income)
    opening = sum(ld.opening) + ld.nf_opening
    closing = sum(ld.closing) + ld.nf_closing
    spent = ld.total(lambda v: v.expenditure)
    names = {
        "使用非财政拨款结余": "使用非财政拨款结余（含专用结余）",
        "收入总计": "总计",
        "支出总计": "总计",
    }
    amounts_by_key = {
        **dict(zip(_INCOME_LINES, income, strict=True)),
        "本年收入合计": year_income,
        "使用非财政拨款结余": ld.balance_used,
        "年初结转和结余": opening,
        "收入总计": year_income + ld.balance_used + opening,
        "本年支出合计": spent,
        "结余分配": ld.allocation,
        "年末结转和结余": closing,
        "支出总计": spent + ld.allocation + closing,
    }
    rows: list[_RowSpec] = [
        (k, names.get(k, k), None, {col: amounts_by_key[k]}) for k in cls.INCOME_ROWS
    ]
    rows += [
        (c, ld._name(c), c, {col: ld.total(lambda v: v.expenditure, c)})
        for c in ld._classes(lambda v: v.expenditure > 0)
    ]
    rows += [(k, names.get(k, k), None, {col: amounts_by_key[k]}) for k in cls.EXPENDITURE_ROWS]
    return ld._finish(cls, rows)


def _t02(ld: Ledger) -> Table:
    cols = IncomeTable.COLUMNS

    def columns(v: Flows) -> dict[str, int]:
        return {
            cols[0]: sum(v.income),
            cols[1]: sum(v.income[f] for f in _FISCAL),
            **{k: v.income[3 + i] for i, k in enumerate(_NF_SOURCES)},
        }

    return ld._functional(IncomeTable, lambda v: v.expenditure > 0, columns)


def _t03(ld: Ledger) -> Table:
    def columns(v: Flows) -> dict[str, int]:
        return {
            "本年支出合计": v.expenditure,
            "基本支出": sum(v.basic),
            "项目支出": sum(v.project),
            "上缴上级支出": v.remitted,
            "经营支出": v.business,
            "对附属单位补助支出": v.subsidies,
        }

    return ld._functional(ExpenditureTable, lambda v: v.expenditure > 0, columns)


def _t04(ld: Ledger) -> Table:
    cls = FiscalAppropriationSummary
    amount, total = "金额", "合计"
    inc = [ld.income(f) for f in _FISCAL]
    names = {f"年初{b}": b for b in _BUDGET_TYPES} | {"收入总计": "总计", "支出总计": "总计"}
    income = {
        **dict(zip(_BUDGET_TYPES, inc, strict=True)),
        "本年收入合计": sum(inc),
        "年初财政拨款结转和结余": sum(ld.opening),
        **{f"年初{b}": ld.opening[i] for i, b in enumerate(_BUDGET_TYPES)},
        "收入总计": sum(inc) + sum(ld.opening),
    }
    rows: list[_RowSpec] = [
        (k, names.get(k, k), None, {amount: income[k]}) for k in cls.INCOME_ROWS
    ]

    def split(values: Sequence[int]) -> dict[str, int]:
        return {total: sum(values), **dict(zip(_BUDGET_TYPES, values, strict=True))}

    def fiscal(v: Flows) -> bool:
        return any(v.spent(f) for f in _FISCAL)

    def spent_by(fund: int) -> Callable[[Flows], int]:
        return lambda v: v.spent(fund)

    for c in ld._classes(fiscal):
        rows.append((c, ld._name(c), c, split([ld.total(spent_by(f), c) for f in _FISCAL])))
    spent = [ld.total(spent_by(f)) for f in _FISCAL]
    rows.append(("本年支出合计", "本年支出合计", None, split(spent)))
    rows.append(("年末财政拨款结转和结余", "年末财政拨款结转和结余", None, split(ld.closing)))
    rows.append(
        ("支出总计", "总计", None, split([s + k for s, k in zip(spent, ld.closing, strict=True)]))
    )
    return ld._finish(cls, rows)


def _t05(ld: Ledger) -> Table:
    def columns(v: Flows) -> dict[str, int]:
        return {"合计": v.spent(_GP), "基本支出": v.basic[_GP], "项目支出": v.project[_GP]}

    return ld._functional(GeneralBudgetExpenditureTable, lambda v: v.spent(_GP) > 0, columns)


def _t07(ld: Ledger) -> Table:
    def columns(v: Flows) -> dict[str, int]:
        return {
            "年初结转和结余": v.fund_opening,
            "本年收入": v.income[_GF],
            "本年支出小计": v.spent(_GF),
            "基本支出": v.basic[_GF],
            "项目支出": v.project[_GF],
            "年末结转和结余": v.fund_closing,
        }

    return ld._functional(GovernmentFundTable, lambda v: v.fund_active, columns)


def _t08(ld: Ledger) -> Table:
    def columns(v: Flows) -> dict[str, int]:
        return {"合计": v.spent(_SC), "基本支出": v.basic[_SC], "项目支出": v.project[_SC]}

    return ld._functional(StateCapitalTable, lambda v: v.spent(_SC) > 0, columns)


def _t06(ld: Ledger) -> Table:
    cls = BasicExpenditureDetail
    col = cls.COLUMNS[0]
    if ld.full_economic:
        listed = [c.code for c in codes.all_codes("economic", ld.year)]
    else:
        listed = sorted(CodeTree.closure(ld.year, [c for c, v in ld.economic.items() if v]).codes)
    by_class = sorted(listed, key=lambda c: (c[:3] not in ("301", "303"), c))  # 人员经费 first

    def amount(code: str) -> int:
        return sum(v for c, v in ld.economic.items() if c.startswith(code))

    rows: list[_RowSpec] = [(c, ld._name(c), c, {col: amount(c)}) for c in by_class]
    personnel = sum(v for c, v in ld.economic.items() if c[:3] in ("301", "303"))
    public = sum(ld.economic.values()) - personnel
    rows.append((cls.PERSONNEL_TOTAL, cls.PERSONNEL_TOTAL, None, {col: personnel}))
    rows.append((cls.PUBLIC_TOTAL, cls.PUBLIC_TOTAL, None, {col: public}))
    table = ld._finish(cls, rows)
    if ld.full_economic and not table.empty:
        # 基本建设 classes do not apply to 基本支出: printed "——", i.e. blank.
        fixed = [
            attrs.evolve(r, values={col: None}) if (r.code or "")[:3] in _NOT_BASIC else r
            for r in table.rows
        ]
        table = attrs.evolve(table, rows=fixed)
    return table


def _t09(ld: Ledger) -> Table:
    cls = ThreePublicTable
    budget = {k: ld.three_public[k][0] for k, _ in _THREE_PUBLIC_BASE}
    actual = {k: ld.three_public[k][1] for k, _ in _THREE_PUBLIC_BASE}

    def columns(v: dict[str, int]) -> dict[str, int]:
        cars = v["公务用车购置费"] + v["公务用车运行维护费"]
        return {
            "合计": v["因公出国（境）费"] + cars + v["公务接待费"],
            "因公出国（境）费": v["因公出国（境）费"],
            "公务用车购置及运行维护费": cars,
            "公务用车购置费": v["公务用车购置费"],
            "公务用车运行维护费": v["公务用车运行维护费"],
            "公务接待费": v["公务接待费"],
        }

    if not any(budget.values()) and not any(actual.values()):
        return cls((), ld._meta(cls, True))
    rows: list[_RowSpec] = [
        (cls.BUDGET, cls.BUDGET, None, columns(budget)),
        (cls.ACTUAL, cls.ACTUAL, None, columns(actual)),
    ]
    return ld._finish(cls, rows)


_INFO_NAMES = {
    "政府采购合计": "合计",
    "车辆数合计": "车辆数合计(辆)",
    "副部（省）级及以上领导用车": "副部(省)级及以上领导用车",
    "单价100万元（含）以上设备": "单价100万元(含)以上设备(不含车辆)",
}


def _t10(ld: Ledger) -> Table:
    cls = DisclosureInfoTable
    col = cls.COLUMNS[0]
    keys = [
        k
        for k in cls.ROW_KEYS
        if ld.sme_lines or k not in ("授予中小企业合同金额", "授予小微企业合同金额")
    ]
    empty = not any(ld.info_money.values()) and not any(ld.info_counts.values())
    rows = []
    for k in keys:
        if k in cls.COUNT_ROWS:
            n = ld.info_counts[k]
            value = None if n == 0 and (empty or not ld.zeros_printed) else Decimal(n)
        else:
            value = ld.print_fen(ld.info_money[k], cls, blank_zero=True if empty else None)
        rows.append(Row(k, _INFO_NAMES.get(k, k), {col: value}))
    return cls(rows, ld._meta(cls, empty))


_PROJECTIONS: dict[type[Table], Callable[[Ledger], Table]] = {
    KIND_01: _t01, KIND_02: _t02, KIND_03: _t03, KIND_04: _t04, KIND_05: _t05,
    KIND_06: _t06, KIND_07: _t07, KIND_08: _t08, KIND_09: _t09, KIND_10: _t10,
}  # fmt: skip


# -- drawing a ledger ----------------------------------------------------------------------------


def _draw_flows(src: _Source, active: Sequence[bool]) -> Flows:
    """The money of one leaf: expenditure by fund, then income that pays for it exactly."""
    basic = [0, 0, 0, 0]
    project = [0, 0, 0, 0]
    for f in range(4):
        if active[f]:
            basic[f] = src.maybe_fen(60 if f == _GP else 40)
            project[f] = src.maybe_fen(40)
    remitted = business = subsidies = 0
    if active[_NF]:
        remitted = src.maybe_fen(5)
        business = src.maybe_fen(10)
        subsidies = src.maybe_fen(5)
    spent = [basic[f] + project[f] for f in range(4)]
    nf_spent = spent[_NF] + remitted + business + subsidies
    # Income of each budget type = its expenditure + a shift (money carried over at this
    # code); shifts net out against non-appropriation income, which stays >= 0.
    shift = [0, 0, 0]
    room = nf_spent
    for f in _FISCAL:
        if active[f] and spent[f] and src.chance(20):
            shift[f] = -src.integer(0, spent[f])
            room -= shift[f]
    for f in _FISCAL:
        if active[f] and room and src.chance(20):
            up = src.integer(0, room)
            shift[f] += up
            room -= up
    income_fiscal = [spent[f] + shift[f] for f in _FISCAL]
    nf_income = nf_spent - sum(shift)
    assert nf_income >= 0 and all(x >= 0 for x in income_fiscal)
    income = (*income_fiscal, *src.split(nf_income, len(_NF_SOURCES)))
    fund_opening = fund_closing = 0
    if active[_GF]:
        # 年末 = 年初 + 本年收入 − 本年支出 on the row: closing − opening = shift.
        fund_closing = max(shift[_GF], 0) + src.maybe_fen(30)
        fund_opening = fund_closing - shift[_GF]
    return Flows(
        tuple(basic),
        tuple(project),
        remitted,
        business,
        subsidies,
        income,
        fund_opening,
        fund_closing,
    )


@st.composite
def ledgers(
    draw: Draw,
    *,
    year: int | None = None,
    unit: Unit | None = None,
    min_leaves: int = 0,
    max_leaves: int = 40,
    funds: Sequence[str] | None = None,
    rounding: str = ROUND_HALF_UP,
    mixed_units: bool = True,
) -> Ledger:
    """The exact accounts of a department: every table of a consistent disclosure comes from
    one of these (:meth:`Ledger.table`, :meth:`Ledger.disclosure`).

    ``funds`` forces budget types to be active: any of ``"一般"``, ``"基金"``, ``"国资"``,
    ``"非财政"`` (otherwise each is drawn; 一般公共预算 nearly always).  ``max_leaves`` bounds the
    number of leaf codes (tables reach about twice as many rows).  ``unit`` is the document's
    unit (drawn: mostly 万元); with ``mixed_units`` a few tables may be printed in the other
    unit.  ``rounding`` is how figures are printed: ``ROUND_HALF_UP`` (四舍五入), or
    ``ROUND_DOWN`` for a document that cuts (check it with
    ``tolerance=Tolerance(ToleranceMode.TRUNCATE)``).
    """
    y = year if year is not None else draw(years())
    u = unit if unit is not None else draw(st.sampled_from([Unit.WAN_YUAN] * 4 + [Unit.YUAN]))
    src = _Source(draw)
    other = Unit.YUAN if u is Unit.WAN_YUAN else Unit.WAN_YUAN
    table_units: dict[str, Unit] = {}
    if mixed_units and src.chance(15):
        for kind in src.sample(TABLE_KINDS, src.integer(1, 3)):
            table_units[kind.KIND] = other
    forced = set(funds or ())
    names = ("一般", "基金", "国资", "非财政")
    odds = (95, 30, 10, 40)
    active = [n in forced or src.chance(p) for n, p in zip(names, odds, strict=True)]
    n = src.integer(min_leaves, max_leaves)
    leaves = _draw_leaves(src, "functional", y, n)
    flows = {c: _draw_flows(src, active) for c in leaves}

    # Balances by budget type: closing = opening + income − expenditure (R04-2).
    opening = [0, 0, 0]
    closing = [0, 0, 0]
    for f in _FISCAL:
        net = sum(v.income[f] - v.spent(f) for v in flows.values())
        if f == _GF:
            opening[f] = sum(v.fund_opening for v in flows.values())
        elif active[f]:
            opening[f] = max(0, -net) + src.maybe_fen(40)
        else:
            opening[f] = max(0, -net)
        closing[f] = opening[f] + net
    # Non-appropriation balances: income + used + opening = expenditure + allocation + closing
    # (公开01表), with Σ income = Σ expenditure.
    fiscal_gain = sum(closing) - sum(opening)
    used = src.maybe_fen(15) if active[_NF] else 0
    allocation = src.maybe_fen(10) if active[_NF] else 0
    nf_closing = src.maybe_fen(30) if active[_NF] else 0
    nf_opening = allocation + nf_closing + fiscal_gain - used
    if nf_opening < 0:
        nf_closing -= nf_opening
        nf_opening = 0

    precision = _CENT
    ledger = Ledger(
        year=y,
        department=src.choice(DEPARTMENTS),
        unit=u,
        precision=precision,
        flows=flows,
        opening=tuple(opening),  # type: ignore[arg-type]
        closing=tuple(closing),  # type: ignore[arg-type]
        nf_opening=nf_opening,
        nf_closing=nf_closing,
        balance_used=used,
        allocation=allocation,
        economic={},
        three_public={k: (0, 0) for k, _ in _THREE_PUBLIC_BASE},
        info_money={
            k: 0 for k in DisclosureInfoTable.ROW_KEYS if k not in DisclosureInfoTable.COUNT_ROWS
        },
        info_counts={k: 0 for k in DisclosureInfoTable.COUNT_ROWS},
        all_classes=src.chance(30),
        full_economic=src.chance(30),
        zeros_printed=src.chance(20),
        sme_lines=src.chance(50),
        rounding=rounding,
        table_units=table_units,
    )
    ledger = _fix_single_source(src, ledger)
    ledger = attrs.evolve(ledger, economic=_draw_economic(src, ledger))
    ledger = attrs.evolve(ledger, three_public=_draw_three_public(src, ledger))
    money, counts = _draw_info(src)
    return attrs.evolve(ledger, info_money=money, info_counts=counts)


def _fix_single_source(src: _Source, ld: Ledger) -> Ledger:
    """Make a ledger that is not single-source not *look* single-source in print either.

    The cross-table rules treat a unit as funded by 一般公共预算 alone when 公开01 shows no
    other income, no 使用非财政拨款结余, and an opening balance equal to 公开04's 一般公共预算
    one (:func:`govfin.rules.cross.single_source`).  Tiny amounts of other money can print as
    zeros; then 使用非财政拨款结余 is raised to a visible amount (and the balances follow).
    """
    if ld.single_source:
        return ld
    visible = any(ld.shown(ld.income(i), KIND_01) for i in range(1, 8)) or ld.shown(
        ld.balance_used, KIND_01
    )
    opening01 = ld.shown(sum(ld.opening) + ld.nf_opening, KIND_01)
    if visible or opening01 != ld.shown(ld.opening[_GP], KIND_04):
        return ld
    used = ld.balance_used + 10**6 + src.fen(8)  # ≥ 1 万元
    nf_opening = ld.allocation + ld.nf_closing + (sum(ld.closing) - sum(ld.opening)) - used
    nf_closing = ld.nf_closing
    if nf_opening < 0:
        nf_closing -= nf_opening
        nf_opening = 0
    return attrs.evolve(ld, balance_used=used, nf_opening=nf_opening, nf_closing=nf_closing)


def _draw_economic(src: _Source, ld: Ledger) -> dict[str, int]:
    """公开06: split the 一般公共预算 基本支出 over economic codes."""
    basic = ld.total(lambda v: v.basic[_GP])
    if basic == 0:
        return {}
    n = src.integer(1, 12)
    picked = _draw_leaves(src, "economic", ld.year, n, exclude=lambda c: c[:3] in _NOT_BASIC)
    parts = src.split(basic, len(picked))
    return dict(zip(picked, parts, strict=True))


def _draw_three_public(src: _Source, ld: Ledger) -> dict[str, tuple[int, int]]:
    """公开09: 决算数 ≥ its 公开06 basic part (X11), 预算数 ≥ 决算数 (R09-3)."""
    out = {}
    for column, code in _THREE_PUBLIC_BASE:
        base = sum(v for c, v in ld.economic.items() if c.startswith(code))
        actual = base + src.maybe_fen(25, 9)
        budget = actual + src.maybe_fen(40, 9)
        out[column] = (budget, actual)
    return out


def _draw_info(src: _Source) -> tuple[dict[str, int], dict[str, int]]:
    """公开10: procurement (合计 = 货物 + 工程 + 服务; 小微 ≤ 中小 ≤ 合计), running costs, counts."""
    goods, works, services = (src.maybe_fen(40, 10) for _ in range(3))
    total = goods + works + services
    sme = src.integer(0, total) if total and src.chance(60) else 0
    small = src.integer(0, sme) if sme else 0
    money = {
        "政府采购合计": total,
        "货物": goods,
        "工程": works,
        "服务": services,
        "授予中小企业合同金额": sme,
        "授予小微企业合同金额": small,
        "行政单位": src.maybe_fen(30, 9),
        "参照公务员法管理事业单位": src.maybe_fen(15, 9),
    }
    uses = {
        k: (src.integer(0, 12) if src.chance(20) else 0) for k in DisclosureInfoTable.VEHICLE_USES
    }
    counts = {
        "车辆数合计": sum(uses.values()),
        **uses,
        "单价100万元（含）以上设备": src.integer(0, 30) if src.chance(20) else 0,
    }
    return money, counts


# ----------------------------------------------------------------------------------------------
# 项目支出绩效自评

_PROJECTS = (
    "办公用品", "聘用人员工资类费用", "保密系统维护费", "档案室工作经费", "应急办经费",
    "重点项目开工及观摩活动经费", "政府采购办公设备费用", "信息化建设运维经费",
)  # fmt: skip
_SOURCES = ("市县区财政资金", "省级财政资金", "中央财政资金", "其他资金")
_LEVEL2 = {
    "产出指标": ("数量指标", "质量指标", "时效指标", "成本指标"),
    "效益指标": ("社会效益", "经济效益", "生态效益", "可持续影响"),
    "满意度指标": ("服务对象满意度",),
    "成本指标": ("经济成本指标",),
}
_UNITS_QUANT = ("%", "人", "次", "个", "台(套)", "天", "小时", "项", "万元")
_QUALITATIVE_TARGETS = ("及时", "保障", "有效", "高", "满足", "按标准执行", "逐步提高")
_OUTCOME_TEXTS = {
    "达成": ("达成预期指标", "达成年度指标", "完成预期指标"),
    "部分达成": ("部分达成预期指标并具有一定效果", "期指标并具", "部分达成年度指标并具有一定效果"),
    "未达成": ("未达成预期指标且效果较差", "预期指标且对", "未完成年度指标且效果较差"),
}
_MONEY = Decimal("0.001")


def _wan(fen: int, rounding: str) -> Decimal:
    """分 → 万元 to 0.001."""
    return round_yuan(Decimal(fen).scaleb(-2), Unit.WAN_YUAN, _MONEY, rounding)


def _fund_line(
    source: str,
    budget: int,
    executed: int,
    weight: Decimal,
    scheme: Any,
    declared: bool,
    rounding: str,
) -> Any:
    """One fund line from exact 分 amounts, every printed figure rounded on its own."""
    from govfin.performance import FundLine

    b, x = _wan(budget, rounding), _wan(executed, rounding)
    if budget:
        rate_exact = Decimal(executed) / Decimal(budget) * HUNDRED
        rate: Decimal | None = rate_exact.quantize(_CENT, rounding)
        score = scheme.execution_score(rate_exact, weight, round_to=None).quantize(_CENT, rounding)
    else:
        rate, score = None, Decimal("0.00")
    return FundLine(
        source,
        declared=b if declared else None,
        initial_budget=b,
        annual_budget=b,
        executed=x,
        balance=_wan(budget - executed, rounding),
        rate=rate,
        score=score,
        weight=weight,
        deviation="" if executed == budget else "未完成年度指标",
    )


def _quantitative(
    src: _Source, level1: str, level2: str, name: str, weight: Decimal, scheme: Any, rounding: str
) -> Any:
    from govfin.performance import Indicator, quantitative_score
    from govfin.performance.targets import Direction

    op = src.choice(("≥", "≥", "≤", "="))
    unit = src.choice(_UNITS_QUANT)
    target = Decimal(src.integer(0, 200))
    actual = Decimal(src.integer(0, 300))
    if src.chance(30):
        actual = target
    direction = {"≥": Direction.POSITIVE, "≤": Direction.NEGATIVE, "=": Direction.EQUAL}[op]
    score = quantitative_score(
        direction, target, actual, weight, negative=scheme.negative, round_to=None
    ).quantize(_CENT, rounding)
    echoed = op if src.chance(50) else ""
    return Indicator(
        level1,
        level2,
        name,
        initial_value=f"{op}{unit}" if src.chance(50) else f"{op}{target}{unit}",
        target=f"{op}{target}{unit}",
        actual=f"{echoed}{actual}{unit}",
        weight=weight,
        score=score,
        reason="" if score == weight else "未完成年度指标",
    )


def _qualitative(
    src: _Source, level1: str, level2: str, name: str, weight: Decimal, scheme: Any, rounding: str
) -> Any:
    from govfin.performance import Indicator
    from govfin.performance.targets import Outcome

    outcome = src.choice((Outcome.ACHIEVED, Outcome.PARTIAL, Outcome.NOT_ACHIEVED))
    band = scheme.bands.band(outcome, weight)
    lo = int(band.lo / _CENT)
    hi = int(band.hi / _CENT) - (0 if band.hi_inclusive else 1)
    score: Decimal | None = Decimal(src.integer(lo, max(lo, hi))) * _CENT
    if outcome is Outcome.NOT_ACHIEVED and score == 0 and src.chance(50):
        score = None  # a blank 得分 counts 0
    text = src.choice(_OUTCOME_TEXTS[outcome.value])
    target = src.choice(_QUALITATIVE_TARGETS)
    return Indicator(
        level1,
        level2,
        name,
        initial_value=target if src.chance(50) else "",
        target=target,
        actual=text,
        weight=weight,
        score=score,
        reason="" if outcome is Outcome.ACHIEVED else "未完成年度指标",
    )


@st.composite
def evaluations(
    draw: Draw,
    *,
    scheme: Any = None,
    year: int | None = None,
    department: str | None = None,
    max_indicators_per_group: int = 4,
    max_sources: int = 3,
    rounding: str = ROUND_HALF_UP,
) -> Any:
    """A consistent 项目支出绩效自评表 (:class:`~govfin.performance.ProjectEvaluation`) under
    ``scheme`` (a :class:`~govfin.performance.ScoringScheme` or its name; default
    :data:`~govfin.performance.MOF_2020`).

    Money is drawn in 分 and printed to 0.001 万元 cell by cell; 执行率 and 执行率得分 follow
    from the exact amounts; the 分值 of 预算执行率 and of each 一级指标 group are the scheme's;
    quantitative scores follow the scheme's formulas, qualitative ones lie in their outcome's
    band; 总分 = Σ 得分 and the grade is the scheme's grade of the 总分.  Check with
    ``govfin.check(ev, extra={"scheme": scheme})``.  ``rounding`` is how printed figures
    derive from exact ones (``ROUND_DOWN``: check with a truncating tolerance).
    """
    from govfin.performance import ProjectEvaluation, resolve_scheme

    sc = resolve_scheme(scheme)
    src = _Source(draw, budget=400)
    y = year if year is not None else draw(years())
    # -- funds: 资金总额 = Σ sources, in 分; every line printed on its own.
    n_sources = src.integer(1, max_sources)
    budgets = [src.maybe_fen(95, 9) for _ in range(n_sources)]
    budgets = [b if b == 0 or b >= 10**4 else b + 10**4 for b in budgets]  # ≥ 100 元 or 0
    executed = [src.integer(0, b) if src.chance(70) else b for b in budgets]
    weight = sc.execution_weight
    names = src.sample(_SOURCES, n_sources)
    with_declared = src.chance(50)
    total = _fund_line("资金总额", sum(budgets), sum(executed), weight, sc, with_declared, rounding)
    if n_sources == 1:
        lines = [total, attrs.evolve(total, source=names[0])]
    else:
        lines = [total] + [
            _fund_line(n, b, x, weight, sc, with_declared, rounding)
            for n, b, x in zip(names, budgets, executed, strict=True)
        ]
    # -- indicators: each 一级 group's 分值 split over a few indicators.
    groups = list(sc.level1)
    has_satisfaction = src.chance(80)
    if not has_satisfaction:
        groups = list(sc.expected_level1([n for g in groups for n in g.names if n != "满意度指标"]))
    indicators = []
    counter = 0
    for group in groups:
        level1_names = [n for n in group.names if has_satisfaction or n != "满意度指标"]
        n = src.integer(1, max_indicators_per_group)
        w_total = int(group.weight)
        n = min(n, w_total) or 1
        parts = [1 + p for p in src.split(w_total - n, n)]
        for w in parts:
            level1 = src.choice(level1_names)
            level2 = src.choice(_LEVEL2.get(level1, ("其他",)))
            counter += 1
            name = f"{level2[:2]}指标{counter}"
            make = _quantitative if src.chance(50) else _qualitative
            indicators.append(make(src, level1, level2, name, Decimal(w), sc, rounding))
    total_score = total.score + sum((i.score or Decimal(0) for i in indicators), Decimal(0))
    project = f"{src.choice(_PROJECTS)}{src.integer(1, 99)}"
    return ProjectEvaluation(
        project=project,
        department=department or src.choice(DEPARTMENTS),
        department_code="604",
        budget_unit=department or None,
        budget_unit_code="604001",
        year=y,
        funds=tuple(lines),
        goal=f"根据单位基本履职需要,用于{project}支出。",
        achieved="已完成年度目标。" if total_score >= 90 else "部分完成年度目标。",
        indicators=tuple(indicators),
        total_score=total_score,
        grade=sc.grade(total_score),
    )


# ----------------------------------------------------------------------------------------------
# 情况说明: a narrative restating the tables

_HEADINGS = (
    "一、收入支出决算总体情况说明",
    "二、收入决算情况说明",
    "三、支出决算情况说明",
    "四、财政拨款收支决算总体情况说明",
    "五、一般公共预算财政拨款支出决算情况说明",
    "六、一般公共预算财政拨款基本支出决算情况说明",
    "七、政府性基金预算财政拨款收支决算情况说明",
    "八、国有资本经营预算财政拨款支出决算情况说明",
    "九、财政拨款“三公”经费支出决算情况说明",
    "十、其他重要事项的情况说明",
)


def _say(value: Decimal | None, unit: Unit, src: _Source, rounding: str) -> tuple[str, Decimal]:
    """An amount as the narrative prints it (text, value stated): the table's figure in the
    table's unit, sometimes to fewer places.

    A figure whose last digit is 5 keeps its places: it may itself be a half rounded up, and
    rounding it again would round twice (120.045 → 120.05 → 120.1, where 120.045 → 120.0), a
    real error in the text that a consistent document must not contain.
    """
    v = value if value is not None else Decimal("0.00")
    if src.chance(20) and v.as_tuple().digits[-1:] != (5,):
        v = v.quantize(Decimal("0.1"), rounding=rounding)
    return f"{v:f}{unit.value}", v


def _share(part: Decimal | None, whole: Decimal | None, rounding: str) -> str | None:
    if not part or not whole:
        return None
    return f"{(part / whole * HUNDRED).quantize(_CENT, rounding=rounding):f}%"


def _change(src: _Source, subject: str, now: Decimal, unit: Unit, rounding: str) -> str:
    """ "与上年相比，收入总计增加1.00万元，增长5.26%。": ``now`` as stated before, against a drawn
    previous year (30 % to 200 % of it)."""
    if now > 0:
        previous = (now * src.integer(30, 200) / HUNDRED).quantize(_CENT, rounding)
    else:
        previous = (Decimal(src.fen(9)).scaleb(-2) / unit.yuan).quantize(_CENT, rounding)
    delta = now - previous
    if delta == 0:
        return f"与上年相比，{subject}持平。"
    up = delta > 0
    words = ("增加", "增长") if up else ("减少", "下降")
    text = f"与上年相比，{subject}{words[0]}{abs(delta):f}{unit.value}"
    if previous > 0:
        pct = (abs(delta) / previous * HUNDRED).quantize(_CENT, rounding)
        text += f"，{words[1]}{pct:f}%"
    return text + "。"


@st.composite
def narratives(draw: Draw, disclosure: Any, *, rounding: str = ROUND_HALF_UP) -> Any:
    """A 情况说明 (:class:`~govfin.disclosure.Narrative`) whose every figure restates the
    disclosure's tables: totals, income and expenditure by source and kind with their shares,
    the 类 of 公开05 by name, 人员经费 and 公用经费, 政府性基金 and 国有资本经营 figures (or "本年度无
    此项收支" for an empty table), 三公经费, 机关运行经费, 政府采购 and vehicles; a change against
    a drawn previous year (its rate follows from the stated amounts).  Each figure is stated
    in its table's unit, now and then to fewer places; shares and rates are rounded by
    ``rounding``."""
    from govfin.disclosure import Narrative, NarrativeSection

    d = disclosure
    src = _Source(draw, budget=120)
    y = d.year
    yr = f"{y}年度" if y is not None else "本年度"

    class Fig(NamedTuple):
        value: Decimal | None
        unit: Unit

    def fig(kind: type[Table], key: str, column: str) -> Fig:
        t = d.table(kind)
        if t is None:
            return Fig(None, d.unit)
        return Fig(t.value(key, column), t.meta.unit)

    def said(f: Fig) -> tuple[str, Decimal]:
        return _say(f.value, f.unit, src, rounding)

    def amount(f: Fig) -> str:
        return said(f)[0]

    def parts(kind: type[Table], whole: Fig, columns: Sequence[str], end: str) -> list[str]:
        out = []
        for column in columns:
            f = fig(kind, TOTAL, column)
            if f.value:
                share = _share(f.value, whole.value, rounding)
                out.append(f"{column}{amount(f)}" + (f"，占比{share}" if share else "") + end)
        return out

    sections: list[tuple[str, str]] = []
    # 一、 收入支出决算总体, with a change against the previous year
    total_in, total_out = fig(KIND_01, "收入总计", "金额"), fig(KIND_01, "支出总计", "金额")
    text_in, stated_in = said(total_in)
    text = f"{yr}收入总计{text_in}，支出总计{amount(total_out)}。"
    if src.chance(50):
        text += _change(src, "收入总计", stated_in, total_in.unit, rounding)
    sections.append((_HEADINGS[0], text))
    # 二、 收入决算 and 三、 支出决算: 公开02/03's 合计 row by source and kind
    income = fig(KIND_02, TOTAL, "本年收入合计")
    sections.append(
        (
            _HEADINGS[1],
            "\n".join(
                [
                    f"{yr}收入合计{amount(income)}，其中：",
                    *parts(KIND_02, income, IncomeTable.COLUMNS[1:], "。"),
                ]
            ),
        )
    )
    spent = fig(KIND_03, TOTAL, "本年支出合计")
    sections.append(
        (
            _HEADINGS[2],
            "\n".join(
                [
                    f"{yr}支出合计{amount(spent)}，其中：",
                    *parts(KIND_03, spent, ExpenditureTable.COLUMNS[1:], "。"),
                ]
            ),
        )
    )
    # 四、 财政拨款收支总体
    text = (
        f"{yr}财政拨款收入总计{amount(fig(KIND_04, '收入总计', '金额'))}，"
        f"支出总计{amount(fig(KIND_04, '支出总计', '合计'))}。"
    )
    sections.append((_HEADINGS[3], text))
    # 五、 一般公共预算财政拨款支出, and its 类 by name
    t05 = d.table(KIND_05)
    general = fig(KIND_05, TOTAL, TOTAL)
    lines = [f"{yr}一般公共预算财政拨款支出{amount(general)}。"]
    if t05 is not None and general.value:
        for r in t05.rows:
            if r.code is not None and len(r.code) == 3 and r.values.get(TOTAL):
                f = fig(KIND_05, r.key, TOTAL)
                share = _share(f.value, general.value, rounding)
                lines.append(
                    f"{r.name}(类){amount(f)}" + (f"，占比{share}" if share else "") + "；"
                )
        lines[-1] = lines[-1].rstrip("；") + "。"
    sections.append((_HEADINGS[4], "\n".join(lines)))
    # 六、 基本支出: 人员经费 and 公用经费
    text = (
        f"{yr}财政拨款基本支出{amount(fig(KIND_05, TOTAL, '基本支出'))}，其中：\n"
        f"人员经费{amount(fig(KIND_06, '人员经费合计', '决算数'))}；\n"
        f"公用经费{amount(fig(KIND_06, '公用经费合计', '决算数'))}。"
    )
    sections.append((_HEADINGS[5], text))
    # 七、 八、 九、: a figure, or a nil statement for an empty table
    for heading, kind, words, subject, key, column in (
        (_HEADINGS[6], KIND_07, "此项收支", "政府性基金预算财政拨款支出", TOTAL, "本年支出小计"),
        (_HEADINGS[7], KIND_08, "此项支出", "国有资本经营预算财政拨款支出", TOTAL, TOTAL),
        (
            _HEADINGS[8],
            KIND_09,
            "此项收支",
            "“三公”经费财政拨款支出",
            ThreePublicTable.ACTUAL,
            "合计",
        ),
    ):
        t = d.table(kind)
        if t is None:
            continue
        if t.empty:
            sections.append((heading, f"本年度无{words}。"))
        else:
            sections.append((heading, f"{yr}{subject}{amount(fig(kind, key, column))}。"))
    # 十、 其他重要事项: 机关运行经费, 政府采购, vehicles
    t10 = d.table(KIND_10)
    if t10 is not None:
        running = [fig(KIND_10, k, "统计数").value for k in DisclosureInfoTable.RUNNING_COST_ROWS]
        total_running = Fig(sum((v for v in running if v), Decimal("0.00")), t10.meta.unit)
        vehicles = t10.value("车辆数合计", "统计数") or Decimal(0)
        sections.append(
            (
                _HEADINGS[9],
                "\n".join(
                    [
                        f"（一）机关运行经费情况：{yr}机关运行经费{amount(total_running)}。",
                        (
                            f"（二）政府采购情况：{yr}政府采购支出总额"
                            f"{amount(fig(KIND_10, '政府采购合计', '统计数'))}。"
                        ),
                        f"（三）国有资产占用情况：截至{y or ''}年12月31日，共有车辆{int(vehicles)}辆。",
                    ]
                ),
            )
        )
    return Narrative(tuple(NarrativeSection(h, t) for h, t in sections))


# ----------------------------------------------------------------------------------------------
# tables and disclosures

_FORCED_FUNDS: dict[type[Table], tuple[str, ...]] = {
    KIND_05: ("一般",),
    KIND_06: ("一般",),
    KIND_07: ("基金",),
    KIND_08: ("国资",),
}


def tables(
    kind: type[Table] | str,
    *,
    year: int | None = None,
    unit: Unit | None = None,
    min_leaves: int = 0,
    max_leaves: int = 40,
) -> st.SearchStrategy[Table]:
    """A consistent table of ``kind`` (a class such as :data:`KIND_03`, or its KIND).

    Sizes range from an empty table (printed with "本表无数据") to ``max_leaves`` leaf codes
    (about twice as many rows with their 款 and 类); ``max_leaves=300`` gives tables of hundreds
    of rows.
    """
    cls = kind if isinstance(kind, type) else Table.KINDS[kind]
    return ledgers(
        year=year,
        unit=unit,
        min_leaves=min_leaves,
        max_leaves=max_leaves,
        funds=_FORCED_FUNDS.get(cls, ()),
    ).map(lambda ld: ld.table(cls))


def any_tables(**options: Any) -> st.SearchStrategy[Table]:
    """A consistent table of any kind (options as for :func:`tables`)."""
    return st.sampled_from(TABLE_KINDS).flatmap(lambda k: tables(k, **options))


@st.composite
def disclosures(
    draw: Draw,
    *,
    year: int | None = None,
    unit: Unit | None = None,
    min_leaves: int = 0,
    max_leaves: int = 30,
    with_evaluations: bool = True,
    max_evaluations: int = 2,
    with_narrative: bool = True,
    rounding: str = ROUND_HALF_UP,
    mixed_units: bool = True,
) -> Any:
    """A consistent :class:`~govfin.disclosure.Disclosure`: the ten tables of one
    :func:`ledgers` draw (so X1–X11 hold by construction) and, when ``with_evaluations``, up
    to ``max_evaluations`` consistent 绩效自评 (:func:`evaluations`) of the same department;
    when ``with_narrative``, a 情况说明 restating the tables (:func:`narratives`, so X12 and the
    N-* rules are exercised too).  ``rounding``, ``unit`` and ``mixed_units`` are as for
    :func:`ledgers`."""
    ld = draw(
        ledgers(
            year=year,
            unit=unit,
            min_leaves=min_leaves,
            max_leaves=max_leaves,
            rounding=rounding,
            mixed_units=mixed_units,
        )
    )
    evals: list[Any] = []
    if with_evaluations and max_evaluations > 0:
        evals = draw(
            st.lists(
                evaluations(year=ld.year, department=ld.department, rounding=rounding),
                max_size=max_evaluations,
                unique_by=lambda e: e.project,
            )
        )
    d = ld.disclosure(evaluations=evals)
    if with_narrative:
        d = attrs.evolve(d, narrative=draw(narratives(d, rounding=rounding)))
    return d


def false_alarms(report: Iterable[Any]) -> list[Any]:
    """The findings of ``report`` that a consistent object must not get: every error and
    warning, and every info whose ``|difference|`` exceeds its ``slack`` (a "rounding residue"
    beyond the tolerance).  ``assert not false_alarms(govfin.check(obj))``."""
    out = []
    for f in report:
        beyond = f.slack is not None and f.difference is not None and abs(f.difference) > f.slack
        if f.severity is not Severity.INFO or beyond:
            out.append(f)
    return out


# ----------------------------------------------------------------------------------------------
# relations and mutations


@attrs.frozen
class Relation:
    """An equation inside one table, as the cells it reads (first the total)."""

    rule_id: str
    severity: Severity
    places: tuple[Place, ...]


def relations(obj: Any, *, personnel_classes: Sequence[str] = ("301", "303")) -> list[Relation]:
    """Every equation the rules judge inside ``obj`` (a table or a 绩效自评).

    For a table: from the kind's declared data (row equations, fixed equations, the code-tree
    rollup) and the 公开06 split (R06-1/2).  For a :class:`~govfin.performance.ProjectEvaluation`:
    E-balance, E-sources and E-total.  Inequalities (R09-3, R10-2, E-score-range) and the
    non-linear relations (E-rate, E-rate-score) are not equations and are not listed.
    """
    if not isinstance(obj, Table):
        return _evaluation_relations(obj)
    table = obj
    out: list[Relation] = []
    kind = table.KIND

    def p(key: str, column: str) -> Place:
        return Place(kind, key, column)

    for req in table.ROW_EQUATIONS:
        for r in table.rows:
            if r.blank:
                continue
            cols = (req.total, *req.plus, *req.minus)
            out.append(Relation(req.id, req.severity, tuple(p(r.key, c) for c in cols)))
    for eq in table.EQUATIONS:
        cells = [eq.total, *eq.plus, *eq.minus]
        places: list[Place] = []
        for key, column in cells:
            if key == CLASS_ROWS:
                places += [
                    p(r.key, column) for r in table.rows if r.code is not None and len(r.code) == 3
                ]
            else:
                places.append(p(key, column))
        out.append(Relation(eq.id, eq.severity, tuple(places)))
    ru = table.ROLLUP
    if ru is not None:
        columns = table.COLUMNS if ru.columns is None else ru.columns
        present = list(dict.fromkeys(r.code for r in table.rows if r.code is not None))
        tops = [c for c in present if len(c) == 3]
        for column in columns:
            if ru.total is not None and table.get(ru.total) is not None:
                out.append(
                    Relation(
                        ru.id, ru.severity, (p(ru.total, column), *(p(c, column) for c in tops))
                    )
                )
            for parent in present:
                kids = [c for c in present if len(c) == len(parent) + 2 and c.startswith(parent)]
                if kids:
                    out.append(
                        Relation(
                            ru.id, ru.severity, (p(parent, column), *(p(k, column) for k in kids))
                        )
                    )
    if isinstance(table, BasicExpenditureDetail):
        col = table.COLUMNS[0]
        classes = list(
            dict.fromkeys(r.code for r in table.rows if r.code is not None and len(r.code) == 3)
        )
        for rule_id, key, personnel in (
            ("R06-1", table.PERSONNEL_TOTAL, True),
            ("R06-2", table.PUBLIC_TOTAL, False),
        ):
            if table.get(key) is None:
                continue
            parts = [p(c, col) for c in classes if (c in personnel_classes) is personnel]
            out.append(Relation(rule_id, Severity.ERROR, (p(key, col), *parts)))
    return out


def _evaluation_relations(ev: Any) -> list[Relation]:
    from govfin.performance import FUND_COLUMNS

    def p(line: Any, attr: str) -> Place:
        return ev.fund_cell(line, attr).place  # type: ignore[no-any-return]

    out: list[Relation] = []
    checked = ev.funds[:1] if len(ev.funds) <= 2 else ev.funds
    for line in checked:
        out.append(
            Relation(
                "E-balance",
                Severity.ERROR,
                (p(line, "balance"), p(line, "annual_budget"), p(line, "executed")),
            )
        )
    if len(ev.funds) >= 2:
        total, parts = ev.funds[0], ev.funds[1:]
        columns = [a for a in FUND_COLUMNS if a != "weight"]
        if len(parts) > 1:
            columns = [a for a in columns if a not in ("rate", "score")]
        for attr in columns:
            out.append(
                Relation(
                    "E-sources", Severity.ERROR, (p(total, attr), *(p(x, attr) for x in parts))
                )
            )
    scores = [ev.indicator_cell(i, "score").place for i in ev.indicators]
    if ev.total_line is not None:
        scores.insert(0, p(ev.total_line, "score"))
    out.append(Relation("E-total", Severity.ERROR, (ev.total_cell().place, *scores)))
    return out


def _cell(obj: Any, place: Place) -> Any:
    """The :class:`~govfin.findings.Cell` of ``obj`` (table or 绩效自评) at ``place``."""
    assert place.row is not None and place.column is not None
    if isinstance(obj, Table):
        return obj.cell(place.row, place.column)
    from govfin.performance import FUND_COLUMNS

    if place.row == "总分" and place.column == "得分":
        return obj.total_cell()
    attr = {label: a for a, label in FUND_COLUMNS.items()}.get(place.column)
    for line in obj.funds:
        if line.source == place.row and attr is not None:
            return obj.fund_cell(line, attr)
    for ind in obj.indicators:
        if ind.name == place.row:
            return obj.indicator_cell(ind, "score" if place.column == "得分" else "weight")
    raise NotFoundError(f"no cell at {place}")


def _width(obj: Any, rel: Relation) -> Decimal:
    """Twice the slack of a relation: Σ last-place units of its non-blank cells."""
    width = Decimal(0)
    for pl in rel.places:
        cell = _cell(obj, pl)
        if cell.value is not None:
            width += cell.unit
    return width


def guarded_places(obj: Any) -> list[Place]:
    """Non-blank cells of ``obj`` (table or 绩效自评) that an error-severity equation reads."""
    seen: dict[Place, None] = {}
    for rel in relations(obj):
        if rel.severity is not Severity.ERROR:
            continue
        for pl in rel.places:
            if _cell(obj, pl).value is not None:
                seen.setdefault(pl)
    return list(seen)


def detection_bound(obj: Any, place: Place) -> Decimal:
    """The largest move of the cell at ``place`` that some equation may still absorb.

    For each equation reading the cell, twice its slack (Σ of the last-place units of its
    non-blank cells); the maximum over those equations.  Moving the cell by strictly more
    breaks every one of them, whatever residue it held before.
    """
    widths = [_width(obj, r) for r in relations(obj) if place in r.places]
    return max(widths, default=Decimal(0))


class Mutation(NamedTuple):
    """A consistent object with one cell moved: ``(obj, place, delta)``."""

    obj: Any
    place: Place
    delta: Decimal


def _move(obj: Any, place: Place, delta: Decimal) -> Any:
    """``obj`` with the value at ``place`` moved by ``delta``."""
    if isinstance(obj, Table):
        rows = []
        for r in obj.rows:
            if r.key == place.row:
                old = r.values[place.column]  # type: ignore[index]
                assert old is not None
                column = str(place.column)
                r = attrs.evolve(r, values={**r.values, column: old + delta})
            rows.append(r)
        return attrs.evolve(obj, rows=tuple(rows))
    from govfin.performance import FUND_COLUMNS

    if place.row == "总分":
        return attrs.evolve(obj, total_score=obj.total_score + delta)
    attr = {label: a for a, label in FUND_COLUMNS.items()}.get(place.column or "")
    funds = tuple(
        attrs.evolve(f, **{attr: getattr(f, attr) + delta})
        if attr is not None and f.source == place.row
        else f
        for f in obj.funds
    )
    indicators = tuple(
        attrs.evolve(i, score=i.score + delta) if i.name == place.row else i for i in obj.indicators
    )
    return attrs.evolve(obj, funds=funds, indicators=indicators)


def _index(n: int) -> st.SearchStrategy[int]:
    """An index below ``n``, about uniform: drawn from a wide range, modulo ``n`` (a plain
    ``sampled_from`` favours the first items, here the 合计 rows and 公开01表)."""
    return st.integers(0, 2**16).map(lambda k: k % n)


@st.composite
def _one_mutation(draw: Draw, obj: Any, max_steps: int) -> Mutation:
    places = guarded_places(obj)
    if not places:
        draw(st.nothing())
    place = places[draw(_index(len(places)))]
    unit = _cell(obj, place).unit
    bound = detection_bound(obj, place)
    steps = draw(st.integers(1, max_steps))
    sign = draw(st.sampled_from([1, -1]))
    delta = sign * (bound + steps * unit) if unit else Decimal(sign * steps)
    return Mutation(_move(obj, place, delta), place, delta)


def mutations(obj: Any, *, max_steps: int = 1000) -> st.SearchStrategy[Mutation]:
    """Move one guarded non-blank cell of a consistent table, 绩效自评 or disclosure beyond
    detection.

    The cell is one that an error-severity equation reads (:func:`guarded_places`); it moves
    by ``±(detection_bound + k·unit)``, ``1 ≤ k ≤ max_steps`` (by a whole number for counts),
    so every equation reading it must break.  In a disclosure the cell is in one of its tables
    or evaluations.  Strategy of :class:`Mutation`; nothing can be drawn (the example is
    rejected) for an object with no guarded cell, e.g. an empty table.
    """
    if not hasattr(obj, "check_parts"):
        return _one_mutation(obj, max_steps)
    parts = [x for x in obj.check_parts() if guarded_places(x)]
    if not parts:
        return st.nothing()

    def rebuild(m: Mutation, index: int) -> Mutation:
        original = parts[index]
        field = "tables" if isinstance(original, Table) else "evaluations"
        new = tuple(m.obj if x is original else x for x in getattr(obj, field))
        return Mutation(attrs.evolve(obj, **{field: new}), m.place, m.delta)

    return _index(len(parts)).flatmap(
        lambda i: _one_mutation(parts[i], max_steps).map(lambda m: rebuild(m, i))
    )


def mutate_cell(draw: Draw, obj: Any, *, max_steps: int = 1000) -> Mutation:
    """``draw(mutations(obj))``: for use inside ``@st.composite`` or with ``data.draw``."""
    return draw(mutations(obj, max_steps=max_steps))  # type: ignore[no-any-return]


# ----------------------------------------------------------------------------------------------
# reader input

#: Pieces of the published layout, for repetition and splicing.
_FRAGMENTS = (
    "收入支出决算总表\n公开01表\n部门名称：某局\n2024年度\n金额单位：万元\n",
    "项目\t\t本年收入合计\t财政拨款收入\n科目代码\t科目名称\n栏次\t\t1\t2\n",
    "合计\t\t1.00\t1.00\n",
    "201\t一般公共服务支出\t1.00\t1.00\n",
    "2010350\t事业运行\t(1,234.50)\t— —\n",
    "第三部分 情况说明\n一、收入支出决算总体情况说明\n",
    "2024年度收入总计648.92万元，支出总计648.92万元。\n",
    "办公用品项目支出绩效自评表\n项目名称\t\t办公用品\n",
    "\t资金总额:\t35\t35\t35\t10.45\t24.52\t29.94\t2.99\n",
    "总分\t\t\t\t\t\t\t\t\t59.99\t差\n",
    "说明：本表无数据\n",
    "（（（（（（",
    "\t\t\t\t\t\t\t\t",
    "\ufeff\u200b\u3000\r\n",
)


def _edit(src: _Source, text: str) -> str:
    """A few random edits of ``text``: lines dropped, doubled, swapped, cells garbled, cut."""
    lines = text.split("\n")
    for _ in range(src.integer(0, 6)):
        if not lines:
            break
        i = src.integer(0, len(lines) - 1)
        op = src.integer(0, 5)
        if op == 0:
            del lines[i]
        elif op == 1:
            lines.insert(i, lines[i])
        elif op == 2:
            j = src.integer(0, len(lines) - 1)
            lines[i], lines[j] = lines[j], lines[i]
        elif op == 3:
            cells = lines[i].split("\t")
            k = src.integer(0, len(cells) - 1)
            cells[k] = src.choice(("x", "1..2", "1,2,3", "—", "9" * 40, "NaN", "1e999", "-", ""))
            lines[i] = "\t".join(cells)
        elif op == 4:
            lines.insert(i, src.choice(_FRAGMENTS).rstrip("\n"))
        else:
            lines = lines[: i + 1]
    return "\n".join(lines)


@st.composite
def _near_valid(draw: Draw) -> str:
    from govfin.readers import write_text

    d = draw(disclosures(max_leaves=6, max_evaluations=1))
    return _edit(_Source(draw, budget=60), write_text(d))


def reader_inputs(max_size: int = 5000) -> st.SearchStrategy[str]:
    """Text to feed a reader: arbitrary text, random bytes decoded leniently (UTF-8 and
    GB18030 with replacement), one huge line, a layout fragment repeated many times, and the
    text of a generated disclosure with random edits.  Sizes stay within ``max_size``
    characters except the huge line and the repetitions (up to about 200 000)."""
    arbitrary = st.text(max_size=max_size)
    decoded = st.builds(
        lambda b, enc: b.decode(enc, "replace"),
        st.binary(max_size=max_size),
        st.sampled_from(["utf-8", "gb18030", "utf-16-le"]),
    )
    huge_line = st.builds(
        lambda piece, n: piece * n,
        st.sampled_from(["9", "\t", "一", "1,", "（", "合计\t1.00\t", "公开01表"]),
        st.integers(0, 200_000 // 8),
    )
    repeated = st.builds(
        lambda piece, n: piece * n, st.sampled_from(_FRAGMENTS), st.integers(1, 2000)
    )
    spliced = st.lists(st.sampled_from(_FRAGMENTS) | st.text(max_size=40), max_size=60).map("".join)
    return st.one_of(arbitrary, decoded, huge_line, repeated, spliced, _near_valid())
