"""Generated, internally consistent functional tables (公开02 收入决算表 / 公开03 支出决算表 / 公开05表).

Amounts are drawn in 元 for the 项 (leaf) rows, summed up the code tree in 元, and only then
rounded half-up to 万元 with two decimals -- the way a finance system prints a 决算 table.  So
every generated table is *consistent* under govfin's tolerance model, but carries the rounding
residues (尾数误差) real tables carry: a 类 row can differ from the sum of its printed 款 rows
by a cent or two.  A check therefore does the same work as on a real document: most relations
hold to the cent, some are residues within the slack, none is an error.

Two code trees:

- :func:`synthetic_codes` -- as many 类/款/项 codes as asked for (up to 99·99·99), for the growth
  curve (10 … 100,000 rows).  These codes are not in the official list, so the growth runs
  leave out the two rules that look codes up (C-code, C-name).
- :func:`real_tree` -- subsets of the shipped 2024 functional classification, with the
  official names, for seed-sized table sets that every table rule (C-code and C-name included)
  passes.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterator, Sequence
from decimal import ROUND_HALF_UP, Decimal

from govfin.amounts import Unit
from govfin.tables import (
    ExpenditureTable,
    GeneralBudgetExpenditureTable,
    IncomeTable,
    Row,
    Table,
    TableMeta,
)

__all__ = [
    "LAYOUTS",
    "TableSet",
    "functional_table",
    "growth_table",
    "real_tree",
    "synthetic_codes",
    "table_set",
    "table_sets",
]

_CENT = Decimal("0.01")
_WAN = Decimal(10000)

#: A table set: the three functional tables of one department, on one code tree.
TableSet = tuple[Table, ...]

#: Per kind: (row-total column, part columns, probability that a part column is used).
#: The first part column is always used (every department has 财政拨款 / 基本支出).
_LAYOUT: dict[type[Table], tuple[str, tuple[str, ...], float]] = {
    IncomeTable: ("本年收入合计", IncomeTable.COLUMNS[1:], 0.25),
    ExpenditureTable: ("本年支出合计", ExpenditureTable.COLUMNS[1:], 0.25),
    GeneralBudgetExpenditureTable: ("合计", ("基本支出", "项目支出"), 0.6),
}


def synthetic_codes(n_rows: int) -> list[str]:
    """``n_rows - 1`` codes (the first row is 合计) along a balanced 类/款/项 tree, in print order.

    The fan-out is the cube root of the size, so a 100,000-row table has 47 类 of 47 款 of
    47 项.  Codes are 3/5/7 digits as in the real classification (类 201…299).
    """
    if n_rows < 2:
        raise ValueError("a functional table needs at least 合计 and one coded row")
    want = n_rows - 1
    fan = min(98, max(2, math.ceil(want ** (1 / 3))))
    out: list[str] = []
    for c in range(201, 201 + fan):
        out.append(str(c))
        for k in range(1, fan + 1):
            out.append(f"{c}{k:02d}")
            for x in range(1, fan + 1):
                out.append(f"{c}{k:02d}{x:02d}")
                if len(out) == want:
                    return out
            if len(out) == want:
                return out
        if len(out) == want:
            return out
    raise ValueError(f"{n_rows} rows is more than the synthetic tree holds")


def real_tree(rng: random.Random, *, classes: int = 4, year: int = 2024) -> list[tuple[str, str]]:
    """A seed-sized subtree of the shipped classification: ``(code, official name)`` rows.

    ``classes`` 类, each with one or two 款 of one to three 项 (the seed prints 4 类 and 17
    coded rows).
    """
    from govfin import codes

    def kids(code: str) -> list[str]:
        return [c.code for c in codes.children(code, year)]

    roots = [c.code for c in codes.roots("functional", year) if kids(c.code)]
    picked: list[tuple[str, str]] = []
    for top in sorted(rng.sample(roots, min(classes, len(roots)))):
        picked.append((top, codes.lookup(top, year).name))
        middles = [k for k in kids(top) if kids(k)] or kids(top)
        for mid in sorted(rng.sample(middles, min(len(middles), rng.randint(1, 2)))):
            picked.append((mid, codes.lookup(mid, year).name))
            leaves = kids(mid)
            for leaf in sorted(rng.sample(leaves, min(len(leaves), rng.randint(1, 3)))):
                picked.append((leaf, codes.lookup(leaf, year).name))
    return picked


def _to_wan(yuan: int | None) -> Decimal | None:
    if yuan is None:
        return None
    return (Decimal(yuan) / _WAN).quantize(_CENT, rounding=ROUND_HALF_UP)


def functional_table(
    kind: type[Table],
    tree: Sequence[tuple[str, str]],
    rng: random.Random,
    *,
    year: int = 2024,
    exact: bool = False,
) -> Table:
    """A consistent table of ``kind`` along ``tree`` (coded rows in print order, 合计 first).

    ``exact``: amounts in whole 100 元, so that every printed 万元 figure is exact and every
    relation holds to the cent (no rounding residues, hence no findings at all).
    """
    step = 100 if exact else 1
    total_col, parts, p_use = _LAYOUT[kind]
    used = [parts[0], *(c for c in parts[1:] if rng.random() < p_use)]
    codes_ = [code for code, _ in tree]
    present = set(codes_)
    is_leaf = {c: True for c in codes_}
    for c in codes_:
        if len(c) > 3 and c[:-2] in present:
            is_leaf[c[:-2]] = False
    # 元 per (code, column); leaves drawn, parents summed (blank stays blank).
    yuan: dict[str, dict[str, int | None]] = {}
    for c in codes_:
        if is_leaf[c]:
            yuan[c] = {
                col: (rng.randrange(1_000, 5_000_000, step) if col == used[0]
                      or rng.random() < 0.5
                      else None) if col in used else None
                for col in parts
            }
    for c in sorted(codes_, key=len, reverse=True):  # 项 before 款 before 类
        if len(c) > 3 and c[:-2] in present:
            parent = yuan.setdefault(c[:-2], {col: None for col in parts})
            for col in parts:
                v = yuan[c][col]
                if v is not None:
                    parent[col] = (parent[col] or 0) + v
    total = {col: None for col in parts}  # type: dict[str, int | None]
    for c in codes_:
        if len(c) == 3:
            for col in parts:
                v = yuan[c][col]
                if v is not None:
                    total[col] = (total[col] or 0) + v

    def values(row: dict[str, int | None]) -> dict[str, Decimal | None]:
        present_parts = [v for v in row.values() if v is not None]
        out: dict[str, Decimal | None] = {
            total_col: _to_wan(sum(present_parts)) if present_parts else None
        }
        out.update({col: _to_wan(row[col]) for col in parts})
        return out

    rows = [Row("合计", "合计", values(total))]
    rows.extend(Row(code, name, values(yuan[code]), code=code) for code, name in tree)
    meta = TableMeta(
        number=f"公开{kind.NUMBER}表",
        title=kind.KIND,
        department="基准测试单位",
        year=year,
        unit=Unit.WAN_YUAN,
        precision=_CENT,
    )
    return kind(rows, meta)


def growth_table(
    n_rows: int, seed: int = 0, kind: type[Table] = IncomeTable, *, exact: bool = False
) -> Table:
    """One table of exactly ``n_rows`` rows along :func:`synthetic_codes`."""
    rng = random.Random(seed)
    tree = [(c, f"科目{c}") for c in synthetic_codes(n_rows)]
    return functional_table(kind, tree, rng, exact=exact)


def table_set(seed: int, *, year: int = 2024, exact: bool = False) -> TableSet:
    """A seed-sized table set (公开02, 03, 05) on a real subtree, all three consistent."""
    rng = random.Random(seed)
    tree = real_tree(rng, year=year)
    return tuple(functional_table(k, tree, rng, year=year, exact=exact) for k in _LAYOUT)


def table_sets(count: int, *, start: int = 0, exact: bool = False) -> Iterator[TableSet]:
    """``count`` table sets, generated one at a time (nothing is kept)."""
    for i in range(start, start + count):
        yield table_set(i, exact=exact)


#: For the pandas version: table kind -> (total column, part columns).
LAYOUTS: dict[str, tuple[str, tuple[str, ...]]] = {
    k.KIND: (total, parts) for k, (total, parts, _) in _LAYOUT.items()
}
