"""Batch throughput: documents per second for 1 and 2 processes and a 2-worker Dask cluster.

Builds a temporary folder of N documents -- copies of the seed text (``text``) or of the PDFs
in tests/data/pdf, repeated (``pdf``) -- and checks it with :func:`govfin.batch.check_paths`:

- ``1 process``: in this process, one document after another (no executor);
- ``2 processes``: a ``ProcessPoolExecutor(2)`` (workers started inside the timing);
- ``dask 2 workers``: a ``distributed.LocalCluster(n_workers=2, threads_per_worker=1)``
  (started and warmed before the timing, as a standing cluster is; skipped when dask is not
  installed: ``pip install 'govfin[dask]'``).

For each: wall seconds, documents per second, CPU seconds per document (this process; the
pool's children, read from ``RUSAGE_CHILDREN`` once the pool is shut down; the Dask workers'
own), the peak resident memory of a worker (this
process for ``1 process``; the largest child for the pool, read from ``RUSAGE_CHILDREN``; each
Dask worker's own ``ru_maxrss``), and the Dask overhead per document (its seconds per document
minus those of the process pool).  The projection for 250,000 documents on N workers assumes
the per-worker rate measured here scales linearly, which is what independent documents allow
until the disk or the scheduler saturates.

Run on demand, not in the tests::

    python benchmarks/batch.py [--kinds text,pdf] [--sizes 10,100,1000] [--json out.json]
"""

from __future__ import annotations

import argparse
import concurrent.futures
import json
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "src"))

from harness import machine

from govfin import batch

SEED = ROOT / "src" / "govfin" / "examples" / "seed_2024.txt"
PDFS = sorted((ROOT / "tests" / "data" / "pdf").glob("*.pdf"))
NATIONAL = 250_000


def build(folder: Path, kind: str, n: int) -> list[tuple[str, ...]]:
    """``n`` documents of ``kind`` in ``folder``, as find_documents gives them."""
    sources = [SEED] if kind == "text" else PDFS
    for i in range(n):
        src = sources[i % len(sources)]
        shutil.copy(src, folder / f"{i:05d}-{src.name}")
    return batch.find_documents([folder])


def _rss_mb(kib: int) -> float:
    return kib / 1024  # Linux reports ru_maxrss in KiB


def _worker_rss() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def timed(docs: list[tuple[str, ...]], executor: Any) -> tuple[float, int]:
    start = time.perf_counter()
    done = sum(1 for _ in batch.check_paths(docs, executor=executor))
    return time.perf_counter() - start, done


def _cpu(usage: resource.struct_rusage) -> float:
    return usage.ru_utime + usage.ru_stime


def _self_cpu() -> float:
    return _cpu(resource.getrusage(resource.RUSAGE_SELF))


def _children_cpu() -> float:
    """CPU seconds of the finished child processes (a process pool's, once it is shut down)."""
    return _cpu(resource.getrusage(resource.RUSAGE_CHILDREN))


def run(kinds: list[str], sizes: list[int]) -> list[dict[str, Any]]:
    try:
        import distributed
    except ImportError:
        distributed = None
        print("dask.distributed not installed: the Dask rows are skipped", file=sys.stderr)
    batch.check_document([str(SEED)])  # warm this process (imports, code lists)
    rows: list[dict[str, Any]] = []
    cluster = client = None
    if distributed is not None:
        cluster = distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        )
        client = distributed.Client(cluster)
        client.run(batch.check_document, [str(SEED)])  # warm the workers, as this process
    try:
        for kind in kinds:
            for n in sizes:
                with tempfile.TemporaryDirectory() as tmp:
                    docs = build(Path(tmp), kind, n)
                    row: dict[str, Any] = {"kind": kind, "documents": n}
                    row["load_average"] = _load()
                    cpu0 = _self_cpu()
                    secs, done = timed(docs, None)
                    assert done == n
                    row["1 process"] = {"seconds": secs, "rss_mb": _rss_mb(_worker_rss()),
                                        "cpu_s": _self_cpu() - cpu0}
                    cpu0, kids0 = _self_cpu(), _children_cpu()
                    with concurrent.futures.ProcessPoolExecutor(2) as pool:
                        secs, done = timed(docs, pool)
                    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
                    row["2 processes"] = {"seconds": secs, "rss_mb": _rss_mb(children),
                                          "cpu_s": _children_cpu() - kids0,
                                          "parent_cpu_s": _self_cpu() - cpu0}
                    if client is not None:
                        cpu0 = _self_cpu()
                        before = sum(client.run(_self_cpu).values())
                        secs, done = timed(docs, client)
                        rss = max(client.run(_worker_rss).values())
                        row["dask 2 workers"] = {
                            "seconds": secs, "rss_mb": _rss_mb(rss),
                            "cpu_s": sum(client.run(_self_cpu).values()) - before,
                            "parent_cpu_s": _self_cpu() - cpu0,
                        }
                    for how in ("1 process", "2 processes", "dask 2 workers"):
                        if how in row:
                            row[how]["docs_per_s"] = n / row[how]["seconds"]
                            row[how]["cpu_ms_per_doc"] = 1000 * row[how]["cpu_s"] / n
                    if "dask 2 workers" in row:
                        row["dask_overhead_ms_per_doc"] = (
                            1000
                            * (row["dask 2 workers"]["seconds"] - row["2 processes"]["seconds"])
                            / n
                        )
                    rows.append(row)
                    print(line(row), flush=True)
    finally:
        if client is not None:
            client.close()
            cluster.close()
    return rows


def _load() -> list[float] | None:
    try:
        return list(os.getloadavg())
    except OSError:  # pragma: no cover - not on this platform
        return None


def line(row: dict[str, Any]) -> str:
    parts = [f"{row['kind']:<5} {row['documents']:>6} docs"]
    for how in ("1 process", "2 processes", "dask 2 workers"):
        if how in row:
            r = row[how]
            parts.append(f"{how}: {r['docs_per_s']:7.1f} doc/s, {r['cpu_ms_per_doc']:.0f} ms "
                         f"CPU/doc ({r['rss_mb']:.0f} MB)")
    if "dask_overhead_ms_per_doc" in row:
        parts.append(f"dask overhead {row['dask_overhead_ms_per_doc']:+.1f} ms/doc")
    return " | ".join(parts)


def projection(rows: list[dict[str, Any]]) -> list[str]:
    """Hours for 250,000 documents on 1, 2, 8, 32 workers from the largest batch.

    Two figures: from the measured wall-clock rate of the 2-process pool, and from the CPU
    seconds a document costs a worker (what one free core would sustain; on a busy machine the
    wall-clock rate understates it)."""
    out = []
    for kind in dict.fromkeys(r["kind"] for r in rows):
        big = max((r for r in rows if r["kind"] == kind), key=lambda r: r["documents"])
        pool = big["2 processes"]
        for label, per_worker in (
            ("wall-clock rate", pool["docs_per_s"] / 2),
            ("CPU per document", 1000 / pool["cpu_ms_per_doc"]),
        ):
            hours = ", ".join(
                f"{w} worker(s) {NATIONAL / (per_worker * w) / 3600:.1f} h"
                for w in (1, 2, 8, 32)
            )
            out.append(f"{kind} ({label}): {per_worker:.1f} doc/s per worker -> "
                       f"250,000 documents: {hours}")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kinds", default="text,pdf")
    parser.add_argument("--sizes", default="10,100,1000")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    rows = run(args.kinds.split(","), [int(s) for s in args.sizes.split(",")])
    for text in projection(rows):
        print(text)
    if args.json:
        args.json.write_text(
            json.dumps({"machine": machine(), "rows": rows}, indent=2), encoding="utf-8"
        )


if __name__ == "__main__":
    main()
