"""The benchmark script still runs (``python benchmarks/run.py --quick``).

Only that: small sizes, in a subprocess, no timing assertions -- the numbers live in
docs/performance.md and come from the full run.  pandas and matplotlib are benchmark-only
dependencies; the second test hides pandas to prove the script skips its pandas parts.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "benchmarks" / "run.py"


def _run(args: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_quick_run_writes_its_report(tmp_path: Path) -> None:
    proc = _run([str(SCRIPT), "--quick", "--out", str(tmp_path)])
    assert proc.returncode == 0, proc.stderr[-3000:]
    out = proc.stdout
    for heading in ("### 1. Checking the seed", "### 4. Growth", "### 6. Batches",
                    "### 7. Memory", "### Targets"):
        assert heading in out, heading
    results = json.loads((tmp_path / "results.json").read_text(encoding="utf-8"))
    assert results["quick"] is True
    assert [r["rows"] for r in results["growth"]] == [10, 100, 500]
    # govfin and the floor flag the same relations on the generated data
    for r in results["growth"]:
        assert r["floor_counts"][0] == r["residues"] and r["errors"] == 0
    assert (tmp_path / "results.md").read_text(encoding="utf-8").strip() == out.strip()


def test_quick_run_without_pandas() -> None:
    hide_pandas = (
        "import runpy, sys; sys.modules['pandas'] = None; "
        f"sys.argv = [{str(SCRIPT)!r}, '--quick', '--only', 'growth,batch']; "
        f"runpy.run_path({str(SCRIPT)!r}, run_name='__main__')"
    )
    proc = _run(["-c", hide_pandas])
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "pandas not available" in proc.stderr
    assert "### 4. Growth" in proc.stdout and "### 6. Batches" in proc.stdout
    assert "pandas per set" not in proc.stdout
