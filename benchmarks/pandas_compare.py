"""govfin against pandas on the same table sets: the naive pandas version and the vectorised one.

Run on demand (never in the tests)::

    python benchmarks/pandas_compare.py [--sizes 1,10,100,1000] [--repeat 5] [--json out.json]

For each batch size N it generates N seed-sized table sets (公开02, 03, 05 of one department on
a random subtree of the real 2024 classification; :mod:`generate`) and times, as CPU seconds of
this process (``time.process_time``, best of ``--repeat``; CPU time, because the machine is
shared and wall time swings with the other work on it):

- ``govfin``: :func:`govfin.rules.check` of each set, one after another, every table rule;
- ``govfin R0``: the same with only the arithmetic table rules (``select=("R0",)``), the
  relations the pandas versions check;
- ``pandas naive``: :func:`alt_pandas.check` on one DataFrame of the batch;
- ``numpy vectorised``: :func:`alt_numpy.check` on one :class:`alt_numpy.Frame` of the batch;
- the time each frame takes to build from the parsed tables, apart.

It checks that the naive and the vectorised versions flag the same number of residues and
breaks, and that govfin's arithmetic rules report that many residues (generated tables hold no
error), and prints a Markdown table.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent / "src")]

import alt_numpy
import alt_pandas
import generate
from harness import fmt_time, machine

from govfin.rules.engine import check


def _best(fn: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.process_time()
        fn()
        best = min(best, time.process_time() - t0)
    return best


def _once(fn: Callable[[], object]) -> float:
    t0 = time.process_time()
    fn()
    return time.process_time() - t0


def run(sizes: list[int], repeat: int) -> list[dict[str, Any]]:
    out = []
    for n in sizes:
        sets = list(generate.table_sets(n))
        rows = sum(len(t) for s in sets for t in s)
        rep = repeat if n <= 100 else max(2, repeat // 2)
        t_pf = _once(lambda sets=sets: alt_pandas.frame(sets))
        t_nf = _once(lambda sets=sets: alt_numpy.frame(sets))
        df, fr = alt_pandas.frame(sets), alt_numpy.frame(sets)
        naive = alt_pandas.counts(alt_pandas.check(df, generate.LAYOUTS))
        vect = alt_numpy.counts(alt_numpy.check(fr, generate.LAYOUTS))
        residues = sum(len(check(s, select=("R0",)).infos) for s in sets)
        assert naive == vect, (n, naive, vect)
        assert vect == (residues, 0), (n, vect, residues)
        row = {
            "sets": n,
            "rows": rows,
            "residues": residues,
            "govfin": _best(lambda sets=sets: [check(s) for s in sets], rep) / n,
            "govfin_r0": _best(lambda sets=sets: [check(s, select=("R0",)) for s in sets],
                               rep) / n,
            "naive": _best(lambda df=df: alt_pandas.check(df, generate.LAYOUTS), rep) / n,
            "vectorised": _best(lambda fr=fr: alt_numpy.check(fr, generate.LAYOUTS), rep) / n,
            "naive_frame": t_pf / n,
            "vectorised_frame": t_nf / n,
        }
        out.append(row)
        print(f"{n:>6} sets: " + ", ".join(
            f"{k} {fmt_time(v)}" for k, v in row.items() if isinstance(v, float)
        ) + " per set", file=sys.stderr)
    return out


def markdown(results: list[dict[str, Any]]) -> str:
    lines = [
        (
            "| sets | rows | govfin, all table rules | govfin, R0 only | pandas naive "
            "| numpy vectorised | R0 / vectorised | frame build: naive, vectorised |"
        ),
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in results:
        lines.append(
            f"| {r['sets']:,} | {r['rows']:,} | {fmt_time(r['govfin'])} | "
            f"{fmt_time(r['govfin_r0'])} | {fmt_time(r['naive'])} | "
            f"{fmt_time(r['vectorised'])} | {r['govfin_r0'] / r['vectorised']:.3g}× | "
            f"{fmt_time(r['naive_frame'])}, {fmt_time(r['vectorised_frame'])} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,10,100,1000")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    facts = machine()
    results = run([int(s) for s in args.sizes.split(",")], args.repeat)
    print(f"Per table set, CPU seconds, best of {args.repeat}; {facts}\n")
    print(markdown(results))
    if args.json:
        args.json.write_text(json.dumps({"machine": facts, "results": results}, indent=2,
                                        default=str), encoding="utf-8")


if __name__ == "__main__":
    main()
