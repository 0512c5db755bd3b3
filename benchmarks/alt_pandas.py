"""The same checks written the way a pandas user would write them.

One wide DataFrame holds every table of the batch (one row per printed row: ``set``,
``table``, ``row``, ``code``, one float64 column per money column, NaN for blank).  The checks
are govfin's arithmetic table rules, with the same interval tolerance:

- partition, per row: ``total column = Σ part columns`` (vectorised row sums);
- rollup, per money column: ``parent = Σ children`` (groupby over the code prefix
  ``code[:-2]``) and ``合计 = Σ类`` (groupby over the set);

a relation whose difference rounds to a cent is reported; it is a residue when
``|difference| ≤ 0.005 · n`` (n = non-blank values in it, total included), else a break.
float64 is what such code uses, and it is the favourable choice for pandas (an ``object``
column of Decimals is many times slower).  Building the frame from the parsed tables is timed
on its own (:func:`frame`); :func:`check` is the checking.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from govfin.tables import Table

__all__ = ["check", "counts", "frame"]

_HALF_CENT = 0.005
_EPS = 1e-9


def frame(sets: Iterable[Sequence[Table]]) -> pd.DataFrame:
    """One DataFrame of every row of every table of every set."""
    records: list[dict[str, object]] = []
    for i, tables in enumerate(sets):
        for t in tables:
            for r in t.rows:
                rec: dict[str, object] = {"set": i, "table": t.KIND, "row": r.key, "code": r.code}
                for c, v in r.values.items():
                    rec[c] = np.nan if v is None else float(v)
                records.append(rec)
    df = pd.DataFrame.from_records(records)
    df["table"] = df["table"].astype("category")
    return df


def _report(diff: pd.Series, n: pd.Series, what: str) -> pd.DataFrame:
    diff = diff.round(2)
    hit = diff != 0
    return pd.DataFrame(
        {
            "relation": what,
            "difference": diff[hit],
            "consistent": diff[hit].abs() <= _HALF_CENT * n[hit] + _EPS,
        }
    )


def check(df: pd.DataFrame, layouts: dict[str, tuple[str, tuple[str, ...]]]) -> pd.DataFrame:
    """Every relation that does not hold to the cent, with ``consistent`` (residue) or not.

    ``layouts`` maps table kind -> (total column, part columns).
    """
    found: list[pd.DataFrame] = []
    for kind, (total_col, parts) in layouts.items():
        sub = df[df["table"] == kind]
        if sub.empty:
            continue
        cols = [total_col, *parts]
        # partition: every row, vectorised across columns
        values = sub[list(parts)]
        nonblank = values.notna().sum(axis=1)
        busy = nonblank + sub[total_col].notna() > 0
        diff = sub[total_col].fillna(0) - values.sum(axis=1)
        found.append(_report(diff[busy], (nonblank + sub[total_col].notna())[busy], "partition"))
        # rollup: children grouped by their parent's code, in every column
        coded = sub[sub["code"].notna()]
        width = coded["code"].str.len()
        kids = coded[width > 3]
        key = [kids["set"], kids["code"].str[:-2].rename("code")]
        sums = kids[cols].groupby(key).sum()
        counts_ = kids[cols].groupby(key).count()
        parents = coded.set_index(["set", "code"])[cols]
        parents = parents[~parents.index.duplicated()]
        common = sums.index.intersection(parents.index)
        p = parents.loc[common]
        diff = p.fillna(0) - sums.loc[common]
        n = counts_.loc[common] + p.notna()
        found.append(_report(diff.stack(), n.stack(), "rollup"))
        # total: 合计 = Σ类 in every column
        tops = coded[width == 3]
        t_sums = tops[cols].groupby(tops["set"]).sum()
        t_counts = tops[cols].groupby(tops["set"]).count()
        totals = sub[sub["row"] == "合计"].set_index("set")[cols]
        common = t_sums.index.intersection(totals.index)
        tt = totals.loc[common]
        diff = tt.fillna(0) - t_sums.loc[common]
        n = t_counts.loc[common] + tt.notna()
        found.append(_report(diff.stack(), n.stack(), "total"))
    return pd.concat(found, ignore_index=True)


def counts(result: pd.DataFrame) -> tuple[int, int]:
    """(residues, breaks) of a :func:`check` result."""
    consistent = int(result["consistent"].sum())
    return consistent, len(result) - consistent
