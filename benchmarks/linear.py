"""Cost against input size: the seed repeated 1 … 500 times, checked by the command line.

Not a unit test (tests/test_linear.py counts operations instead).  For each number of copies
the seed's text is written N times into one file, and ``govfin check FILE --format json
--output OUT`` runs in a fresh process; the script records the input size, wall time, the
child's peak resident memory (``ru_maxrss``), the report's size and its number of findings,
and whether the report is valid JSON.  It prints a Markdown table and the ratios between
successive sizes (time per MB and memory per MB stay flat when the cost is linear)::

    python benchmarks/linear.py                       # 1, 10, 40, 100, 200, 500 copies
    python benchmarks/linear.py --copies 1,40,160     # chosen sizes
    python benchmarks/linear.py --format text         # the text report instead of JSON
    python benchmarks/linear.py --json results.json   # also the numbers as JSON

Runs one size at a time (peak memory is per child process).  500 copies are a 46 MB input.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "src" / "govfin" / "examples" / "seed_2024.txt"

#: measures one run in a child, so that ru_maxrss is that run's own peak
_CHILD = r"""
import json, resource, sys, time
from govfin.cli import main
t = time.perf_counter()
status = main(sys.argv[1:])
elapsed = time.perf_counter() - t
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"status": status, "seconds": elapsed, "peak_kb": peak}), file=sys.stderr)
"""


def measure(copies: int, fmt: str, folder: Path) -> dict[str, object]:
    text = SEED.read_text(encoding="utf-8")
    source = folder / f"seed-x{copies}.txt"
    source.write_text((text + "\n") * copies, encoding="utf-8")
    out = folder / f"report-x{copies}.{fmt}"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    argv = [sys.executable, "-c", _CHILD, "check", str(source), "--format", fmt, "-o", str(out)]
    started = time.perf_counter()
    run = subprocess.run(argv, capture_output=True, text=True, env=env, check=False)
    wall = time.perf_counter() - started
    stats = json.loads(run.stderr.strip().splitlines()[-1])
    row: dict[str, object] = {
        "copies": copies,
        "input_mb": source.stat().st_size / 1e6,
        "wall_s": wall,
        "check_s": stats["seconds"],
        "peak_mb": stats["peak_kb"] / 1024,
        "status": stats["status"],
        "output_mb": out.stat().st_size / 1e6 if out.exists() else 0.0,
    }
    if fmt == "json" and out.exists():
        with out.open(encoding="utf-8") as f:
            try:
                data = json.load(f)
                row["findings"] = len(data["findings"])
                row["valid_json"] = True
            except ValueError:
                row["valid_json"] = False
    source.unlink()
    out.unlink(missing_ok=True)
    return row


def table(rows: list[dict[str, object]]) -> str:
    head = (
        "| copies | input MB | time s | s per MB | peak MB | MB per input MB | output MB "
        "| findings | valid JSON |\n|---|---|---|---|---|---|---|---|---|"
    )
    lines = [head]
    for r in rows:
        mb = float(r["input_mb"])  # type: ignore[arg-type]
        t = float(r["wall_s"])  # type: ignore[arg-type]
        peak = float(r["peak_mb"])  # type: ignore[arg-type]
        lines.append(
            f"| {r['copies']} | {mb:.1f} | {t:.2f} | {t / mb:.2f} | {peak:.0f} | "
            f"{peak / mb:.1f} | {float(r['output_mb']):.1f} | {r.get('findings', '-')} | "  # type: ignore[arg-type]
            f"{r.get('valid_json', '-')} |"
        )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", default="1,10,40,100,200,500")
    parser.add_argument("--format", default="json", choices=("json", "text"))
    parser.add_argument("--json", metavar="FILE", help="write the numbers there too")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in (int(x) for x in args.copies.split(",")):
            rows.append(measure(n, args.format, Path(tmp)))
            print(f"{n} copies done: {rows[-1]}", file=sys.stderr, flush=True)
    print(table(rows))
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
