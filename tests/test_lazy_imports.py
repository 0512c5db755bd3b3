"""Checking one document loads only what checking needs (CLI start-up, docs/performance.md).

Not a timing test: it runs ``govfin check --example`` in a fresh interpreter and looks at
``sys.modules`` afterwards.  cattrs (plain-data conversion), babel (formatting figures for
people), the PDF and Excel backends, the HTML report, the batch machinery and Dask are each
imported on first use, and a text check uses none of them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

NOT_NEEDED = ("cattrs", "babel", "pypdfium2", "pdfplumber", "python_calamine", "openpyxl",
              "pandas", "numpy", "dask", "distributed", "govfin.html", "govfin.batch")

_SCRIPT = """
import io, json, sys, contextlib
from govfin.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    status = main(["check", "--example"])
print(json.dumps([status, sorted(sys.modules)]))
"""


def _modules_after(script: str) -> tuple[int, list[str]]:
    proc = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                          text=True, timeout=300, check=False,
                          env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    assert proc.returncode == 0, proc.stderr[-3000:]
    status, modules = json.loads(proc.stdout.strip().splitlines()[-1])
    return status, modules


def test_checking_the_example_loads_no_optional_layer() -> None:
    status, modules = _modules_after(_SCRIPT)
    assert status == 1  # the example holds real errors: the check did run
    assert "govfin.rules.narrative" in modules  # and it ran every rule family
    loaded = [m for m in modules if m.split(".")[0] in NOT_NEEDED or m.startswith(NOT_NEEDED)]
    assert loaded == []


def test_plain_data_still_converts_after_a_lazy_start() -> None:
    """The converter, built on first use, has the tables' hooks (registered before it)."""
    script = (
        "import json, sys\n"
        "from govfin import examples\n"
        "d = examples.load('seed_2024')\n"
        "assert 'cattrs' not in sys.modules\n"
        "data = d.to_dict()\n"
        "assert type(d).from_dict(data) == d\n"
        "assert data['tables'][0]['kind'] == d.tables[0].KIND\n"
        "print(json.dumps([0, sorted(sys.modules)]))\n"
    )
    _, modules = _modules_after(script)
    assert "cattrs" in modules
