"""govfin benchmarks: how fast it checks and reads, side by side with pandas and the bare floor.

Run from the repository root::

    python benchmarks/run.py            # full run (a few minutes); updates docs/performance.md
    python benchmarks/run.py --quick    # small sizes, seconds; writes nothing (unless --out)

pandas and matplotlib are needed only here (``pip install pandas matplotlib``); without them
the pandas columns and the plot are skipped.  See docs/performance.md for what each number
means.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import json
import pstats
import re
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(HERE), str(ROOT / "tests")]

import floor
import generate
from harness import Stats, fmt_time, machine, measure

from govfin import codes
from govfin.rules.engine import check

DOC = ROOT / "docs" / "performance.md"
PLOT = ROOT / "docs" / "performance-growth.png"
BEGIN, END = "<!-- BEGIN RESULTS (benchmarks/run.py) -->", "<!-- END RESULTS -->"

#: Rules left out of the growth runs: the synthetic codes are not in the official list.
NOT_SYNTHETIC = ("C-code", "C-name")
#: The arithmetic table rules (partition, rollup, total): what the pandas version does too.
ARITHMETIC = ("R0",)

SECTIONS = ("seed", "read", "codes", "import", "growth", "batch", "memory")


def _pandas() -> Any:
    """The pandas alternative module, or None when pandas is not installed."""
    try:
        import alt_pandas
    except ImportError:
        return None
    return alt_pandas


class Config:
    """Sizes and repeats: the full run, or ``--quick`` (seconds; proves the script still runs)."""

    def __init__(self, quick: bool):
        self.quick = quick
        self.repeat = 2 if quick else 7
        self.sample = 0.01 if quick else 0.2
        self.rows = (10, 100, 500) if quick else (
            10, 30, 100, 300, 1_000, 3_000, 10_000, 30_000, 100_000
        )
        self.batches = (1, 10, 50) if quick else (1, 10, 100, 1_000, 10_000)
        self.memory = (10, 30) if quick else (100, 1_000, 10_000)
        self.imports = 2 if quick else 15
        self.exact_rows = 300 if quick else 10_000
        self.exact_sets = 20 if quick else 100


def _stats(s: Stats) -> dict[str, Any]:
    return s.as_dict()


# -- 1. the seed disclosure ---------------------------------------------------------------


def seed_subject() -> tuple[str, Any]:
    """The whole seed Disclosure (the test fixture built from the published tables)."""
    from seed_disclosure import seed_disclosure

    return "seed Disclosure (10 tables, 21 绩效自评, narrative)", seed_disclosure()


FAMILIES = (
    ("tables (R*, C-*)", ("R", "C-")),
    ("cross-table, completeness (X*, K-*)", ("X", "K-")),
    ("绩效自评 (E-*)", ("E-",)),
    ("narrative (N-*)", ("N-",)),
)


def bench_seed(cfg: Config) -> dict[str, Any]:
    label, subject = seed_subject()
    report = check(subject)
    out: dict[str, Any] = {
        "subject": label,
        "findings": report.summary(),
        "all": _stats(measure(lambda: check(subject), repeat=cfg.repeat, sample=cfg.sample)),
        "families": {},
    }
    for name, prefixes in FAMILIES:
        n = len(check(subject, select=prefixes))
        s = measure(lambda p=prefixes: check(subject, select=p), repeat=cfg.repeat,
                    sample=cfg.sample, number=1 if cfg.quick else None, warmup=False)
        out["families"][name] = {**_stats(s), "findings": n}
    out["fresh"] = _stats(_fresh_checks(subject, cfg))
    out["floor"] = _stats(_reporting_floor(report, cfg))
    return out


def _fresh_checks(subject: Any, cfg: Config) -> Stats:
    """``check()`` of distinct but equal Disclosures, each checked once.

    The copies are rebuilt from plain data before the timing, so each call pays for what a new
    document costs: the narrative's claims extracted, the row indexes built.
    """
    data = subject.to_dict()
    number = 1 if cfg.quick else 20
    copies = [type(subject).from_dict(data) for _ in range(cfg.repeat * number + 1)]
    pending = iter(copies)
    return measure(lambda: check(next(pending)), repeat=cfg.repeat, number=number)


def _reporting_floor(report: Any, cfg: Config) -> Stats:
    """Building the report alone: each Finding and each Place it holds, from their fields.

    Whatever finds them, a check that reports these findings must at least construct them;
    this is that cost, with every message and value already known.
    """
    import attrs

    from govfin.findings import Finding, Place, Report

    def fields(p: Any) -> Any:
        return None if p is None else attrs.astuple(p, recurse=False)

    recipes = []
    for f in report.findings:
        kw = attrs.asdict(f, recurse=False)
        for k in ("place", "fix"):
            kw[k] = fields(kw[k])
        kw["cells"] = [fields(c) for c in kw["cells"]]
        recipes.append(kw)

    def build() -> Report:
        out = []
        for kw in recipes:
            place, fix = kw["place"], kw["fix"]
            out.append(Finding(**{
                **kw,
                "place": None if place is None else Place(*place),
                "fix": None if fix is None else Place(*fix),
                "cells": tuple(Place(*c) for c in kw["cells"]),
            }))
        return Report(tuple(out))

    assert build() == report
    return measure(build, repeat=cfg.repeat, sample=cfg.sample,
                   number=1 if cfg.quick else None)


# -- 2. reading -----------------------------------------------------------------------------


def bench_read(cfg: Config) -> dict[str, Any] | None:
    try:
        from govfin import examples
        from govfin.readers import read_text
    except ImportError:
        return None
    text = examples.text("seed_2024")
    result = read_text(text)
    d = result.disclosure
    return {
        "lines": text.count("\n") + 1,
        "tables": len(d.tables),
        "evaluations": len(getattr(d, "evaluations", ())),
        "read": _stats(measure(lambda: read_text(text), repeat=cfg.repeat, sample=cfg.sample)),
        "read_and_check": None if cfg.quick else _stats(
            measure(lambda: check(read_text(text).disclosure), repeat=cfg.repeat,
                    sample=cfg.sample)
        ),
    }


# -- 3. codes and import --------------------------------------------------------------------


def bench_codes(cfg: Config) -> dict[str, Any]:
    codes.lookup("2010350", 2024)
    codes.lookup("30101", 2024)
    calls: dict[str, Callable[[], object]] = {
        'lookup("2010350", 2024)': lambda: codes.lookup("2010350", 2024),
        'lookup("30101", 2024)': lambda: codes.lookup("30101", 2024),
        'get("2019999", 2024) (absent)': lambda: codes.get("2019999", 2024),
        'check_name("20103", "政府办公厅(室)及相关机构事务")': lambda: codes.check_name(
            "20103", "政府办公厅(室)及相关机构事务", 2024
        ),
    }
    return {k: _stats(measure(f, repeat=cfg.repeat, sample=cfg.sample)) for k, f in calls.items()}


_IMPORT_PROBE = """
import sys, time
t0 = time.perf_counter()
import govfin
t1 = time.perf_counter()
loaded = sorted(m for m in sys.modules if m.startswith("govfin"))
from govfin import codes
t2 = time.perf_counter()
codes.lookup("2010350", 2024)
t3 = time.perf_counter()
from govfin.rules.engine import check
from govfin.tables import IncomeTable
check(IncomeTable())
t4 = time.perf_counter()
print(repr((t1 - t0, t2 - t1, t3 - t2, t4 - t3, loaded)))
"""


def _run_python(args: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, check=True, cwd=str(ROOT)
    )


def bench_import(cfg: Config) -> dict[str, Any]:
    importtime: list[float] = []
    for _ in range(cfg.imports):
        err = _run_python(["-X", "importtime", "-c", "import govfin"]).stderr
        for line in err.splitlines():
            m = re.match(r"import time:\s+(\d+)\s+\|\s+(\d+)\s+\|\s+(\S.*)$", line)
            if m and m.group(3).strip() == "govfin":
                importtime.append(int(m.group(2)) * 1e-6)
    probes = [eval(_run_python(["-c", _IMPORT_PROBE]).stdout)
              for _ in range(cfg.imports)]
    bare = [_wall(["-c", "pass"]) for _ in range(cfg.imports)]
    full = [_wall(["-c", "import govfin"]) for _ in range(cfg.imports)]

    def med(xs: Iterable[float]) -> float:
        return statistics.median(list(xs))

    return {
        "importtime_cumulative": med(importtime),
        "in_process": med(p[0] for p in probes),
        # wall-clock differences of whole processes are noisy: fastest against fastest
        "process_wall_minus_bare": min(full) - min(bare),
        "bare_interpreter": min(bare),
        "first_codes_import": med(p[1] for p in probes),
        "first_lookup": med(p[2] for p in probes),
        "first_check": med(p[3] for p in probes),
        "modules_after_import": probes[0][4],
        "runs": cfg.imports,
    }


def _wall(args: list[str]) -> float:
    t0 = time.perf_counter()
    _run_python(args)
    return time.perf_counter() - t0


# -- 4-6. growth, batches, pandas and the floor ----------------------------------------------


def _flat(sets: Iterable[Iterable[Any]]) -> list[Any]:
    return [t for s in sets for t in s]


def bench_growth(cfg: Config, pd_mod: Any) -> list[dict[str, Any]]:
    out = []
    for n in cfg.rows:
        table = generate.growth_table(n)
        rep = 3 if n >= 30_000 and not cfg.quick else cfg.repeat
        report = check(table, ignore=NOT_SYNTHETIC)
        s = measure(lambda table=table: check(table, ignore=NOT_SYNTHETIC), repeat=rep,
                    sample=cfg.sample, number=1 if n >= 10_000 else None)
        eqs = floor.equations([table])
        ps = floor.plans([table])
        row: dict[str, Any] = {
            "rows": n,
            "relations": len(eqs),
            "residues": len(report.infos),
            "errors": len(report.errors),
            "govfin": _stats(s),
            "floor": _stats(measure(lambda eqs=eqs: floor.run(eqs), repeat=rep,
                                    sample=cfg.sample)),
            "floor_data": _stats(measure(lambda ps=ps: floor.run_plans(ps), repeat=rep,
                                         sample=cfg.sample)),
            "floor_counts": floor.run(eqs),
        }
        if pd_mod is not None:
            t0 = time.perf_counter()
            df = pd_mod.frame([[table]])
            row["pandas_frame"] = time.perf_counter() - t0
            row["pandas"] = _stats(
                measure(lambda df=df: pd_mod.check(df, generate.LAYOUTS), repeat=rep,
                        sample=cfg.sample)
            )
            row["pandas_counts"] = pd_mod.counts(pd_mod.check(df, generate.LAYOUTS))
        out.append(row)
    return out


def bench_exact(cfg: Config) -> dict[str, Any]:
    """Residue-free data (every relation holds to the cent): checking cost without reporting."""
    n = cfg.exact_rows
    table = generate.growth_table(n, exact=True)
    sets = [generate.table_set(i, exact=True) for i in range(cfg.exact_sets)]
    tables = _flat(sets)
    eqs, ps = floor.equations([table]), floor.plans([table])
    seqs, sps = floor.equations(tables), floor.plans(tables)

    def batch() -> None:
        for s in sets:
            check(s, select=ARITHMETIC)

    return {
        "rows": n,
        "findings": len(check(table, ignore=NOT_SYNTHETIC)),
        "govfin": _stats(measure(lambda: check(table, ignore=NOT_SYNTHETIC),
                                 repeat=cfg.repeat, sample=cfg.sample)),
        "govfin_arithmetic": _stats(measure(lambda: check(table, select=ARITHMETIC),
                                            repeat=cfg.repeat, sample=cfg.sample)),
        "floor": _stats(measure(lambda: floor.run(eqs), repeat=cfg.repeat, sample=cfg.sample)),
        "floor_data": _stats(measure(lambda: floor.run_plans(ps), repeat=cfg.repeat,
                                     sample=cfg.sample)),
        "sets": len(sets),
        "sets_govfin_arithmetic": _stats(measure(batch, repeat=cfg.repeat, sample=cfg.sample)),
        "sets_floor": _stats(measure(lambda: floor.run(seqs), repeat=cfg.repeat,
                                     sample=cfg.sample)),
        "sets_floor_data": _stats(measure(lambda: floor.run_plans(sps), repeat=cfg.repeat,
                                          sample=cfg.sample)),
    }


def _time_batch(n: int, select: tuple[str, ...] | None = None) -> float:
    """Generate ``n`` fresh table sets one at a time; time only the checks.

    The garbage collector is paused during each check (as in every other measurement here);
    it runs, as often as ever, while the next set is generated.
    """
    total = 0.0
    kwargs: dict[str, Any] = {} if select is None else {"select": select}
    for s in generate.table_sets(n):
        gc.disable()
        t0 = time.perf_counter()
        check(s, **kwargs)
        total += time.perf_counter() - t0
        gc.enable()
    return total


def bench_batch(cfg: Config, pd_mod: Any) -> list[dict[str, Any]]:
    out = []
    for n in cfg.batches:
        rep = max(cfg.repeat // 2, 2) if n >= 1_000 else cfg.repeat
        if n == 1:
            rep = 30 if not cfg.quick else 3
        times = [_time_batch(n) for _ in range(rep)]
        arith = [_time_batch(n, ARITHMETIC) for _ in range(rep)]
        sets = list(generate.table_sets(n)) if n <= 1_000 else None
        # The floor, 1,000 sets at a time (its per-set cost does not depend on the batch).
        fl: dict[str, float] = {"median": 0.0, "iqr": 0.0}
        for k in range(0, n, 1_000):
            chunk = sets if sets is not None else list(generate.table_sets(1_000, start=k))
            eqs = floor.equations(_flat(chunk))
            f = measure(lambda eqs=eqs: floor.run(eqs), repeat=rep, sample=cfg.sample)
            fl["median"] += f.median
            fl["iqr"] += f.iqr
        row: dict[str, Any] = {
            "sets": n,
            "rows": sum(len(t) for s in sets for t in s) if sets is not None else None,
            "govfin": _spread(times),
            "govfin_arithmetic": _spread(arith),
            "floor": fl,
        }
        if pd_mod is not None:
            t0 = time.perf_counter()
            df = pd_mod.frame(sets if sets is not None else generate.table_sets(n))
            row["pandas_frame"] = time.perf_counter() - t0
            row["rows"] = len(df)
            p = measure(lambda df=df: pd_mod.check(df, generate.LAYOUTS), repeat=rep,
                        sample=cfg.sample, number=1 if n >= 100 else None)
            row["pandas"] = _stats(p)
            row["pandas_counts"] = pd_mod.counts(pd_mod.check(df, generate.LAYOUTS))
            del df
        out.append(row)
        del sets
        gc.collect()
    return out


def _spread(times: list[float]) -> dict[str, Any]:
    if len(times) >= 2:
        q1, _, q3 = statistics.quantiles(times, n=4, method="inclusive")
        sd = statistics.stdev(times)
    else:
        q1 = q3 = times[0]
        sd = 0.0
    return {"median": statistics.median(times), "q1": q1, "q3": q3, "iqr": q3 - q1,
            "stdev": sd, "best": min(times), "repeat": len(times), "number": 1}


# -- 7. memory ------------------------------------------------------------------------------


def _fill_free_lists() -> None:
    """Fill CPython's tuple free lists (2,000 tuples of each length below 21).

    Freed small tuples are kept for reuse in per-length free lists, which count as traced
    memory until a full collection empties them; filling them first keeps their (bounded)
    growth out of the peak, so the peak shows what checking itself holds.
    """
    junk = [tuple(range(k)) for k in range(1, 21) for _ in range(2_100)]
    del junk


def bench_memory(cfg: Config) -> list[dict[str, Any]]:
    for s in generate.table_sets(10 if cfg.quick else 100, start=10**6):  # warm: code lists
        check(s)
    out = []
    for n in cfg.memory:
        gc.collect()
        _fill_free_lists()
        tracemalloc.start()
        base, _ = tracemalloc.get_traced_memory()
        findings = 0
        t0 = time.perf_counter()
        for s in generate.table_sets(n):
            findings += len(check(s))
        del s
        elapsed = time.perf_counter() - t0
        current, peak = tracemalloc.get_traced_memory()
        gc.collect()
        collected, _ = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        out.append({"sets": n, "peak_kib": (peak - base) / 1024,
                    "retained_kib": (current - base) / 1024,
                    "retained_collected_kib": (collected - base) / 1024, "findings": findings,
                    "seconds_traced": elapsed})
    return out


# -- report ---------------------------------------------------------------------------------


def _ms(x: float) -> str:
    return f"{x * 1e3:.3g} ms"


def _us(x: float) -> str:
    return f"{x * 1e6:.3g} µs"


def _cell(d: dict[str, Any], scale: Callable[[float], str] = fmt_time) -> str:
    return f"{scale(d['median'])} ± {scale(d['iqr'] / 2)}"


def _ok(value: float, target: float, less: bool = True) -> str:
    met = value <= target if less else value >= target
    return "met" if met else "**missed**"


def render(res: dict[str, Any]) -> str:
    m = res["machine"]
    lines = [
        f"Measured {res['when']} with `{res['command']}`.",
        "",
        (f"- CPU: {m['cpu']}, {m['cores']} cores ({m['usable_cores']} usable); "
        f"load average at start {', '.join(f'{x:.2f}' for x in m['load_average'] or ())}"),
        f"- Python: {m['python']} on {m['platform']}",
        (f"- govfin {m['govfin']}; pandas {m['pandas'] or '(not installed)'}, "
        f"numpy {m['numpy'] or '-'}, matplotlib {m['matplotlib'] or '(not installed)'}"),
        ("- Times are medians over repeated samples (garbage collector paused while sampling, "
        "as `timeit` does) ± half the interquartile range."),
        "",
    ]
    targets: list[tuple[str, str, str, str]] = []

    if "seed" in res:
        s = res["seed"]
        lines += [
            "### 1. Checking the seed",
            "",
            f"Subject: {s['subject']}; report: {s['findings']}.",
            "",
            "| rules | per call | findings |",
            "| --- | ---: | ---: |",
            f"| all | {_cell(s['all'])} | {s['findings']} |",
        ]
        for name, d in s["families"].items():
            lines.append(f"| only {name} | {_cell(d)} | {d['findings']} |")
        lines += [
            f"| all, on a new equal Disclosure each call | {_cell(s['fresh'])} | |",
            f"| (building the report's findings alone) | {_cell(s['floor'])} | |",
            "",
        ]
        per, fresh = s["all"]["median"], s["fresh"]["median"]
        targets.append(("checking the seed", "≤ 1 ms", fmt_time(per), _ok(per, 1e-3)))
        targets.append(
            ("seed disclosures checked per second, one core (each a new object)", "≥ 1,000",
             f"{1 / fresh:,.0f}", _ok(1 / fresh, 1000, less=False))
        )
    if res.get("read"):
        r = res["read"]
        lines += [
            "### 2. Reading the seed text",
            "",
            (f"`read_text(examples.text(\"seed_2024\"))`: {r['lines']} lines -> {r['tables']} "
            f"tables, {r['evaluations']} 绩效自评."),
            "",
            "| step | per call |",
            "| --- | ---: |",
            f"| read | {_cell(r['read'])} |",
        ]
        if r["read_and_check"] is not None:
            lines.append(f"| read, then check everything | {_cell(r['read_and_check'])} |")
        lines.append("")
        targets.append(("reading the seed", "≤ 10 ms", fmt_time(r["read"]["median"]),
                        _ok(r["read"]["median"], 10e-3)))
    if "codes" in res:
        lines += ["### 3. Code lookups (warm) and import", "", "| call | per call |",
                  "| --- | ---: |"]
        for k, d in res["codes"].items():
            lines.append(f"| `codes.{k}` | {_cell(d)} |")
        lines.append("")
        lk = res["codes"]['lookup("2010350", 2024)']["median"]
        targets.append(("`codes.lookup` (warm)", "≤ 2 µs", fmt_time(lk), _ok(lk, 2e-6)))
    if "import" in res:
        im = res["import"]
        mods = ", ".join(im["modules_after_import"])
        lines += [
            f"Fresh processes ({im['runs']} runs each; medians unless marked fastest):",
            "",
            "| what | time |",
            "| --- | ---: |",
            f"| `import govfin`, `-X importtime` cumulative | {_ms(im['importtime_cumulative'])} |",
            f"| `import govfin`, timed in the process | {_ms(im['in_process'])} |",
            (f"| fastest `python -c \"import govfin\"` minus fastest `python -c pass` "
            f"| {_ms(im['process_wall_minus_bare'])} |"),
            f"| (fastest bare interpreter start, for scale) | {_ms(im['bare_interpreter'])} |",
            f"| first `from govfin import codes` | {_ms(im['first_codes_import'])} |",
            (f"| first `codes.lookup` (parses the 2024 functional list) "
            f"| {_ms(im['first_lookup'])} |"),
            f"| first `check()` (imports the rule modules) | {_ms(im['first_check'])} |",
            "",
            f"Modules loaded by `import govfin`: {mods} -- no data is read until first use.",
            "",
        ]
        targets.append(("`import govfin`", "≤ 150 ms", _ms(im["in_process"]),
                        _ok(im["in_process"], 0.150)))
    if "growth" in res:
        g = res["growth"]
        has_pd = any("pandas" in r for r in g)
        lines += [
            "### 4. Growth: one generated table (收入决算表), 10 to 100,000 rows",
            "",
            ("Rules: every rule for the table except C-code and C-name (synthetic codes). "
            "'floor' is the bare-Decimal loop over pre-extracted values; 'data floor' reads "
            "the values from the rows in the loop."),
            "",
            "| rows | relations | residues | govfin | govfin per row | data floor | floor "
            + ("| pandas (naive) | govfin / pandas (naive) " if has_pd else "")
            + "| govfin / floor |",
            "| ---: | ---: | ---: | ---: | ---: | ---: | ---: "
            + ("| ---: | ---: " if has_pd else "") + "| ---: |",
        ]
        for r in g:
            gv, fl = r["govfin"]["median"], r["floor"]["median"]
            cells = [
                f"{r['rows']:,}", f"{r['relations']:,}", f"{r['residues']:,}", _cell(r["govfin"]),
                _us(gv / r["rows"]), fmt_time(r["floor_data"]["median"]), fmt_time(fl),
            ]
            if has_pd:
                if "pandas" in r:
                    cells += [fmt_time(r["pandas"]["median"]),
                              f"{gv / r['pandas']['median']:.2g}"]
                else:
                    cells += ["-", "-"]
            cells.append(f"{gv / fl:.1f}")
            lines.append("| " + " | ".join(cells) + " |")
        lines.append("")
        small = [r for r in g if r["rows"] >= 1000]
        if small:
            per_row = [r["govfin"]["median"] / r["rows"] for r in small]
            lines.append(
                f"Time per row from {small[0]['rows']:,} to {small[-1]['rows']:,} rows: "
                f"{_us(min(per_row))} to {_us(max(per_row))} "
                f"(ratio {max(per_row) / min(per_row):.2f}).")
            lines.append("")
            targets.append(("linear growth (per-row time, ≥ 1,000 rows)", "flat",
                            f"max/min {max(per_row) / min(per_row):.2f}",
                            _ok(max(per_row) / min(per_row), 1.5)))
        agree = all(r["floor_counts"][0] == r["residues"] for r in g) and all(
            tuple(r["pandas_counts"]) == tuple(r["floor_counts"]) for r in g if "pandas" in r)
        lines.append(f"govfin, the floor{' and pandas' if has_pd else ''} flag the same "
                     f"relations: {'yes' if agree else '**NO**'}.")
        lines.append("")
    if "exact" in res:
        e = res["exact"]
        gv, ga = e["govfin"]["median"], e["govfin_arithmetic"]["median"]
        lines += [
            "### 5. The floor on residue-free data",
            "",
            (f"Generated with amounts in whole 100 元, so that every relation holds to the "
            f"cent and there is nothing to report ({e['findings']} findings): the cost of "
            f"checking without the cost of reporting."),
            "",
            ("| data | govfin (all table rules) | govfin (arithmetic R0x only) | data floor | floor "
            "| arithmetic / data floor | arithmetic / floor |"),
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
            (f"| one table, {e['rows']:,} rows | {fmt_time(gv)} | {fmt_time(ga)} | "
            f"{fmt_time(e['floor_data']['median'])} | {fmt_time(e['floor']['median'])} | "
            f"{ga / e['floor_data']['median']:.1f} | {ga / e['floor']['median']:.1f} |"),
            (f"| {e['sets']} table sets | - | {fmt_time(e['sets_govfin_arithmetic']['median'])} "
            f"| {fmt_time(e['sets_floor_data']['median'])} | "
            f"{fmt_time(e['sets_floor']['median'])} | "
            f"{e['sets_govfin_arithmetic']['median'] / e['sets_floor_data']['median']:.1f} | "
            f"{e['sets_govfin_arithmetic']['median'] / e['sets_floor']['median']:.1f} |"),
            "",
        ]
        targets.append(("within 5× of the floor (residue-free, arithmetic rules, one table)",
                        "≤ 5×", f"{ga / e['floor']['median']:.1f}×",
                        _ok(ga / e["floor"]["median"], 5)))
    if "batch" in res:
        b = res["batch"]
        has_pd = any("pandas" in r for r in b)
        lines += [
            "### 6. Batches of generated table sets (公开02 + 03 + 05, seed-sized, real codes)",
            "",
            ("govfin checks the sets one after another (all rules, C-code and C-name "
            "included; 'arithmetic' = the R0x rules only, the checks pandas does too); pandas "
            "(the naive version, benchmarks/alt_pandas.py) checks the whole batch in one "
            "DataFrame (frame building not included, listed apart); the floor adds the same "
            "numbers.  The vectorised numpy version is compared in "
            "benchmarks/pandas_compare.py."),
            "",
            "| sets | govfin per set | govfin arithmetic per set | floor per set "
            + ("| pandas (naive) per set | frame build | govfin / pandas | govfin arithmetic / pandas "
               if has_pd else "")
            + "| govfin arithmetic / floor |",
            "| ---: | ---: | ---: | ---: " + ("| ---: | ---: | ---: | ---: " if has_pd else "")
            + "| ---: |",
        ]
        for r in b:
            n = r["sets"]
            gv, ga, fl = (r["govfin"]["median"] / n, r["govfin_arithmetic"]["median"] / n,
                          r["floor"]["median"] / n)
            cells = [f"{n:,}", f"{fmt_time(gv)} ± {fmt_time(r['govfin']['iqr'] / 2 / n)}",
                     fmt_time(ga), fmt_time(fl)]
            if has_pd:
                if "pandas" in r:
                    pv = r["pandas"]["median"] / n
                    cells += [fmt_time(pv), fmt_time(r["pandas_frame"]),
                              f"{gv / pv:.2g}", f"{ga / pv:.2g}"]
                else:
                    cells += ["-"] * 4
            cells.append(f"{ga / fl:.1f}")
            lines.append("| " + " | ".join(cells) + " |")
        lines.append("")
        per_set = [r["govfin"]["median"] / r["sets"] for r in b]
        targets.append(("linear batches (per-set time, 1 to the largest batch)", "flat",
                        f"max/min {max(per_set) / min(per_set):.2f}",
                        _ok(max(per_set) / min(per_set), 1.5)))
        big = b[-1]
        rate = big["sets"] / big["govfin"]["median"]
        lines.append(f"Per-set time from 1 to {big['sets']:,} sets: {fmt_time(min(per_set))} "
                     f"to {fmt_time(max(per_set))}; {rate:,.0f} table sets per second.")
        lines.append("")
        targets.append(("seed-sized table sets checked per second, one core", "≥ 1,000",
                        f"{rate:,.0f}", _ok(rate, 1000, less=False)))
        one = b[0]
        if "pandas" in one:
            ratio = one["pandas"]["median"] / one["govfin"]["median"]
            targets.append(("one disclosure (table set): govfin faster than naive pandas by",
                            "≥ 10×", f"{ratio:.0f}×", _ok(ratio, 10, less=False)))
            ratio_b = big["pandas"]["median"] / big["govfin"]["median"]
            targets.append(((f"whole batch ({big['sets']:,} sets in one DataFrame): "
                            "govfin faster than naive pandas by"), "(no target)", f"{ratio_b:.2g}×",
                            "-"))
    if "memory" in res:
        lines += [
            "### 7. Memory while checking a batch one set after another",
            "",
            ("Each set is generated, checked and dropped before the next; the peak is "
            "tracemalloc's, above the memory in use before the batch (code lists loaded, "
            "tuple free lists filled first)."),
            "",
            ("| sets | peak (KiB) | still allocated after (KiB) | after `gc.collect()` (KiB) "
            "| findings |"),
            "| ---: | ---: | ---: | ---: | ---: |",
        ]
        for r in res["memory"]:
            lines.append(f"| {r['sets']:,} | {r['peak_kib']:,.0f} | {r['retained_kib']:,.0f} | "
                         f"{r['retained_collected_kib']:,.0f} | {r['findings']:,} |")
        lines.append("")
        peaks = [r["peak_kib"] for r in res["memory"]]
        targets.append(("peak memory flat over the batch", "no growth",
                        f"{peaks[0]:,.0f} -> {peaks[-1]:,.0f} KiB",
                        _ok(peaks[-1], peaks[0] * 1.5)))
    if targets:
        lines += ["### Targets, as the script judges them", "", "| target | wanted | measured | |", "| --- | --- | ---: | --- |"]
        lines += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in targets]
        lines.append("")
    return "\n".join(lines)


def plot(res: dict[str, Any], path: Path) -> bool:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return False
    fig, (a, b) = plt.subplots(1, 2, figsize=(11, 4.2))
    if "growth" in res:
        g = res["growth"]
        xs = [r["rows"] for r in g]
        a.plot(xs, [r["govfin"]["median"] / r["rows"] * 1e6 for r in g], "o-", label="govfin")
        a.plot(xs, [r["floor_data"]["median"] / r["rows"] * 1e6 for r in g], "^--",
               label="data floor")
        a.plot(xs, [r["floor"]["median"] / r["rows"] * 1e6 for r in g], "v--",
               label="floor (bare Decimal)")
        if all("pandas" in r for r in g):
            a.plot(xs, [r["pandas"]["median"] / r["rows"] * 1e6 for r in g], "s-",
                   label="pandas, naive (float64)")
        _log_axes(a, "rows in the table", "µs per row", "One income table of growing size")
    if "batch" in res:
        bt = res["batch"]
        xs = [r["sets"] for r in bt]
        b.plot(xs, [r["govfin"]["median"] / r["sets"] * 1e3 for r in bt], "o-",
               label="govfin, all rules")
        b.plot(xs, [r["govfin_arithmetic"]["median"] / r["sets"] * 1e3 for r in bt], "o:",
               label="govfin, arithmetic rules")
        b.plot(xs, [r["floor"]["median"] / r["sets"] * 1e3 for r in bt], "v--",
               label="floor (bare Decimal)")
        if all("pandas" in r for r in bt):
            b.plot(xs, [r["pandas"]["median"] / r["sets"] * 1e3 for r in bt], "s-",
                   label="pandas naive, batch in one DataFrame")
        _log_axes(b, "table sets in the batch", "ms per table set", "Batches of seed-sized table sets")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return True


def _log_axes(ax: Any, xlabel: str, ylabel: str, title: str) -> None:
    """Log-log axes with labels, a grid and the legend."""
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.set_title(title)
    ax.grid(True, which="both", alpha=0.3)
    ax.legend()


def profile(subject: Any, what: str, fn: Callable[[], object], top: int = 15) -> str:
    fn()
    pr = cProfile.Profile()
    pr.enable()
    for _ in range(5):
        fn()
    pr.disable()
    buf = io.StringIO()
    pstats.Stats(pr, stream=buf).sort_stats("tottime").print_stats(top)
    return f"--- profile: {what} ---\n{buf.getvalue()}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="small sizes, a few seconds")
    ap.add_argument("--only", default="", help=f"comma-separated sections of {SECTIONS}")
    ap.add_argument("--no-pandas", action="store_true", help="skip the pandas comparison")
    ap.add_argument("--out", type=Path, help="write results.md, results.json and the plot here")
    ap.add_argument("--no-docs", action="store_true",
                    help="full run: do not update docs/performance.md and its plot")
    ap.add_argument("--profile", action="store_true", help="print cProfile tops of seed check/read")
    args = ap.parse_args(argv)
    cfg = Config(args.quick)
    only = {s.strip() for s in args.only.split(",") if s.strip()} or set(SECTIONS)
    unknown = only - set(SECTIONS)
    if unknown:
        ap.error(f"unknown section(s) {sorted(unknown)}; sections are {SECTIONS}")
    pd_mod = None if args.no_pandas else _pandas()
    if pd_mod is None:
        print("(pandas not available: the pandas comparison is skipped)", file=sys.stderr)

    res: dict[str, Any] = {
        "when": time.strftime("%Y-%m-%d"),
        "command": "python benchmarks/run.py" + (" --quick" if args.quick else ""),
        "machine": machine(),
        "quick": args.quick,
    }
    steps: list[tuple[str, str, Callable[[], Any]]] = [
        ("seed", "seed", lambda: bench_seed(cfg)),
        ("read", "read", lambda: bench_read(cfg)),
        ("codes", "codes", lambda: bench_codes(cfg)),
        ("import", "import", lambda: bench_import(cfg)),
        ("growth", "growth", lambda: bench_growth(cfg, pd_mod)),
        ("growth", "exact", lambda: bench_exact(cfg)),
        ("batch", "batch", lambda: bench_batch(cfg, pd_mod)),
        ("memory", "memory", lambda: bench_memory(cfg)),
    ]
    for section, key, fn in steps:
        if section not in only:
            continue
        t0 = time.perf_counter()
        res[key] = fn()
        print(f"[{key}: {time.perf_counter() - t0:.1f} s]", file=sys.stderr, flush=True)

    text = render(res)
    print(text)
    if args.profile:
        _, subject = seed_subject()
        print(profile(subject, "check(seed)", lambda: check(subject)))
        try:
            from govfin import examples
            from govfin.readers import read_text

            seed_text = examples.text("seed_2024")
            print(profile(seed_text, "read_text(seed)", lambda: read_text(seed_text)))
        except ImportError:
            pass

    targets: list[tuple[Path, Path, Path]] = []
    if args.out is not None:
        args.out.mkdir(parents=True, exist_ok=True)
        targets.append((args.out / "results.md", args.out / "results.json",
                        args.out / "performance-growth.png"))
    elif not args.quick and not args.no_docs and only == set(SECTIONS):
        targets.append((DOC, HERE / "results.json", PLOT))
    for md, js, png in targets:
        js.write_text(json.dumps(res, indent=1, ensure_ascii=False, default=str) + "\n",
                      encoding="utf-8")
        plotted = plot(res, png)
        if md == DOC:
            _update_doc(text)
        else:
            md.write_text(text + "\n", encoding="utf-8")
        print(f"wrote {md}, {js}" + (f", {png}" if plotted else " (no matplotlib: no plot)"),
              file=sys.stderr)
    return 0


def _update_doc(text: str) -> None:
    doc = DOC.read_text(encoding="utf-8")
    if BEGIN not in doc or END not in doc:
        raise SystemExit(f"{DOC} lacks the markers {BEGIN!r} / {END!r}")
    head, rest = doc.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    DOC.write_text(f"{head}{BEGIN}\n{text}\n{END}{tail}", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
