"""The vectorised numpy rival (benchmarks/alt_numpy.py) flags what the naive pandas one does.

benchmarks/pandas_compare.py times govfin against both; this test only proves, on a few
generated table sets, that the two rivals find the same relations off by a cent (and that the
generated data holds no error), so that the comparison in docs/performance.md compares like
with like.  No timing is asserted.  pandas and numpy are benchmark-only dependencies.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

pytest.importorskip("pandas")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import alt_numpy
import alt_pandas
import generate

from govfin.rules.engine import check


@pytest.mark.parametrize("n", [1, 7])
def test_vectorised_finds_what_naive_finds(n: int) -> None:
    sets = list(generate.table_sets(n, start=100))
    naive = alt_pandas.check(alt_pandas.frame(sets), generate.LAYOUTS)
    vect = alt_numpy.check(alt_numpy.frame(sets), generate.LAYOUTS)
    assert alt_numpy.counts(vect) == alt_pandas.counts(naive)
    # each relation type flags as many cells in both
    assert sorted(vect["relation"]) == sorted(naive["relation"])
    assert sorted(vect["difference"].round(2)) == sorted(naive["difference"].round(2))
    residues = sum(len(check(s, select=("R0",)).infos) for s in sets)
    assert alt_numpy.counts(vect) == (residues, 0)


def test_vectorised_reports_a_break() -> None:
    """A 合计 off by 1 (万元) is a break, not a residue."""
    import numpy as np

    sets = list(generate.table_sets(1, start=5))
    f = alt_numpy.frame(sets)
    row = int(np.flatnonzero(f.total)[0])
    f.values[row, f.col[generate.LAYOUTS[f.kinds[f.kind[row]]][0]]] += 1.0
    _, breaks = alt_numpy.counts(alt_numpy.check(f, generate.LAYOUTS))
    assert breaks >= 1
