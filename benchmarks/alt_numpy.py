"""The same checks as :mod:`alt_pandas`, written as fast as numpy allows (the honest rival).

:mod:`alt_pandas` is what a pandas user writes first: string codes, a ``groupby`` per relation
and per table kind, a frame filtered per kind.  This module is the best vectorised version we
could write of the *same* relations with the *same* tolerance, so that the comparison with
govfin says what float64 arrays really buy:

- :func:`frame` builds one frame of every row of every table of every set, once: integer
  columns ``set``, ``kind`` (an index into the kinds), ``code`` (the classification code as an
  int, ``-1`` for none), ``width`` (its printed digits), ``total`` (the ``合计`` row), and a
  float64 matrix of the money columns (NaN for blank), every kind's columns side by side;
- :func:`check` runs each relation once over the whole frame, for every set at once:
  partitions as row sums of the matrix; rollups (``parent = Σ children``) by looking the parent
  key ``set·10⁸ + code // 100`` up in the sorted keys of the coded rows (``np.searchsorted``)
  and adding every child's cells into its parent's in one ``np.bincount`` over (row, column)
  pairs; ``合计 = Σ类`` the same way with the set's 合计 row as target;
- a relation is reported when its difference rounds to a cent; it is a residue when
  ``|difference| ≤ 0.005 · n`` (n = the relation's non-blank values, total included), else a
  break -- exactly :mod:`alt_pandas`'s rule, and govfin's tolerance model for 万元 tables.

The result is a small DataFrame of the relations that do not hold to the cent (relation, row
index, column, difference, consistent): what the user would look at.  What it does not have,
and govfin has: exact Decimal sums (float64 is exact here only because every sum of printed
cents stays far below 2⁵³ cents), the cells of each relation named, a Finding per residue, and
every other rule (classification codes and names, cross-table, narrative, 绩效自评).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import pandas as pd

from govfin.tables import Table

__all__ = ["Frame", "check", "counts", "frame"]

_HALF_CENT = 0.005
_EPS = 1e-9
_SET_STRIDE = 10**8  # codes have at most 7 digits


class Frame:
    """Every row of a batch as arrays: ids, codes and one float64 matrix of money columns."""

    def __init__(self, kinds: list[str], columns: list[str], set_: np.ndarray,
                 kind: np.ndarray, code: np.ndarray, width: np.ndarray, total: np.ndarray,
                 values: np.ndarray):
        self.kinds, self.columns = kinds, columns
        self.col = {c: i for i, c in enumerate(columns)}
        self.set, self.kind, self.code, self.width, self.total = set_, kind, code, width, total
        self.values = values

    def __len__(self) -> int:
        return len(self.set)


def frame(sets: Iterable[Sequence[Table]]) -> Frame:
    """One :class:`Frame` of every row of every table of every set (built once, not timed
    with the checks)."""
    kinds: dict[str, int] = {}
    columns: dict[str, int] = {}
    set_ids: list[int] = []
    kind_ids: list[int] = []
    codes: list[int] = []
    widths: list[int] = []
    totals: list[bool] = []
    cells: list[tuple[int, int, float]] = []
    row = 0
    for i, tables in enumerate(sets):
        for t in tables:
            k = kinds.setdefault(t.KIND, len(kinds))
            cols = [columns.setdefault(c, len(columns)) for c in t.COLUMNS]
            for r in t.rows:
                set_ids.append(i)
                kind_ids.append(k)
                code = r.code
                codes.append(int(code) if code else -1)
                widths.append(len(code) if code else 0)
                totals.append(r.key == "合计")
                vals = r.values
                for c, j in zip(t.COLUMNS, cols):
                    v = vals.get(c)
                    if v is not None:
                        cells.append((row, j, float(v)))
                row += 1
    values = np.full((row, len(columns)), np.nan)
    if cells:
        rr, cc, vv = zip(*cells)
        values[np.array(rr), np.array(cc)] = np.array(vv)
    return Frame(list(kinds), list(columns), np.array(set_ids, dtype=np.int64),
                 np.array(kind_ids, dtype=np.int16), np.array(codes, dtype=np.int64),
                 np.array(widths, dtype=np.int8), np.array(totals, dtype=bool), values)


def _sum_into(target: np.ndarray, block: np.ndarray, m: int) -> tuple[np.ndarray, np.ndarray]:
    """Σ and count of the non-blank cells of ``block`` rows added into row ``target`` (0…m-1),
    column by column: one bincount over (row, column) pairs."""
    c = block.shape[1]
    flat = (target[:, None] * c + np.arange(c)).ravel()
    present = ~np.isnan(block)
    sums = np.bincount(flat, weights=np.where(present, block, 0.0).ravel(), minlength=m * c)
    n = np.bincount(flat, weights=present.ravel(), minlength=m * c)
    return sums.reshape(m, c), n.reshape(m, c)


def _hits(found: list[dict[str, Any]], what: str, rows: np.ndarray, cols: list[str],
          diff: np.ndarray, n: np.ndarray) -> None:
    """Keep the relations whose difference rounds to a cent (``diff``, ``n``: rows × cols)."""
    diff = np.round(diff, 2)
    r, c = np.nonzero(diff)
    if len(r):
        d = diff[r, c]
        found.append({"relation": what, "row": rows[r], "column": np.array(cols)[c],
                      "difference": d, "consistent": np.abs(d) <= _HALF_CENT * n[r, c] + _EPS})


def check(f: Frame, layouts: dict[str, tuple[str, tuple[str, ...]]]) -> pd.DataFrame:
    """Every relation that does not hold to the cent, with ``consistent`` (residue) or not.

    ``layouts`` maps table kind -> (total column, part columns), as in :mod:`alt_pandas`.
    """
    found: list[dict[str, Any]] = []
    for kind, (total_col, parts) in layouts.items():
        if kind not in f.kinds:
            continue
        rows = np.flatnonzero(f.kind == f.kinds.index(kind))
        cols = [total_col, *parts]
        v = f.values[np.ix_(rows, [f.col[c] for c in cols])]
        present = ~np.isnan(v)
        m = len(rows)
        # partition: total column = Σ part columns, every row at once
        n = present.sum(axis=1)
        busy = n > 0
        diff = np.where(present[:, 0], v[:, 0], 0.0) - np.nansum(v[:, 1:], axis=1)
        _hits(found, "partition", rows[busy], [total_col], diff[busy, None], n[busy, None])
        # rollup: parent = Σ children, every column, through integer keys
        code, width, sets = f.code[rows], f.width[rows], f.set[rows]
        coded = np.flatnonzero(code >= 0)
        keys = sets[coded] * _SET_STRIDE + code[coded]
        ukeys, first = np.unique(keys, return_index=True)  # a key's first row, as pandas keeps
        kids = coded[width[coded] > 3]
        pkeys = sets[kids] * _SET_STRIDE + code[kids] // 100
        pos = np.minimum(np.searchsorted(ukeys, pkeys), len(ukeys) - 1)
        has = ukeys[pos] == pkeys
        parent = coded[first[pos[has]]]
        sums, cnt = _sum_into(parent, v[kids[has]], m)
        with_kids = np.flatnonzero(np.bincount(parent, minlength=m))
        pv = v[with_kids]
        _hits(found, "rollup", rows[with_kids], cols,
              np.where(np.isnan(pv), 0.0, pv) - sums[with_kids],
              cnt[with_kids] + ~np.isnan(pv))
        # total: 合计 = Σ类, every column, the set's 合计 row as target
        total_rows = np.flatnonzero(f.total[rows])
        target = np.full(int(sets.max()) + 1 if m else 0, -1)
        target[sets[total_rows][::-1]] = total_rows[::-1]  # the first 合计 of each set
        tops = coded[width[coded] == 3]
        to = target[sets[tops]]
        ok = to >= 0
        sums, cnt = _sum_into(to[ok], v[tops[ok]], m)
        with_tops = np.flatnonzero(np.bincount(to[ok], minlength=m))
        tv = v[with_tops]
        _hits(found, "total", rows[with_tops], cols,
              np.where(np.isnan(tv), 0.0, tv) - sums[with_tops],
              cnt[with_tops] + ~np.isnan(tv))
    if not found:
        return pd.DataFrame(columns=["relation", "row", "column", "difference", "consistent"])
    return pd.DataFrame({k: np.concatenate([np.broadcast_to(h[k], len(h["row"])) for h in found])
                         for k in found[0]})


def counts(result: pd.DataFrame) -> tuple[int, int]:
    """(residues, breaks) of a :func:`check` result."""
    consistent = int(result["consistent"].sum())
    return consistent, len(result) - consistent
