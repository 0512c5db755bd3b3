"""Checking one text document loads only what it needs from the standard library too.

Not a timing test (speed is measured in benchmarks/): it runs ``govfin check --example`` in a
fresh interpreter and looks at ``sys.modules`` afterwards.  Each module named here was loaded
by the check once and cost start-up time for nothing: :mod:`importlib.resources` (with
zipfile and tempfile) where the package is a plain folder, :mod:`pathlib` (with urllib and
ipaddress; the code lists are a folder read with os), :mod:`json` and :mod:`html` (JSON and
HTML output only), :mod:`textwrap` (the help's epilog), the text writer, and the reading of
files and of the PDF/Excel row layer (the example is not a file on the command line).  The same modules still
load where they are needed, which the second half checks.

The optional layers are never loaded by a text check: cattrs (plain-data conversion), babel
(formatting figures for people), the PDF and Excel backends, the HTML report, the batch
machinery and Dask are each imported on first use.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

#: Optional layers and their libraries, imported on first use only.
OPTIONAL = ("cattrs", "babel", "pypdfium2", "pdfplumber", "python_calamine", "openpyxl",
            "pandas", "numpy", "dask", "distributed", "govfin.html", "govfin.batch")

NOT_LOADED = (
    "importlib.resources",
    "zipfile",
    "tempfile",
    "json",
    "html",
    "textwrap",
    "pathlib",
    "govfin.readers.writer",
    "govfin.readers.files",
    "govfin.readers.source",
    "shutil",  # argparse's formatter imports it for the terminal's width; govfin's does not
)


def _run(code: str) -> tuple[list[str], list[str]]:
    """Run ``code`` in a fresh interpreter: the modules it loaded (those the interpreter had
    loaded before it, e.g. by a site-packages ``.pth`` file, left out), and all modules."""
    script = (
        "import sys\n_before = set(sys.modules)\n"
        + code
        + "\nprint(repr([sorted(set(sys.modules) - _before), sorted(sys.modules)]))\n"
    )
    proc = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                          text=True, timeout=300, check=False,
                          env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    assert proc.returncode == 0, proc.stderr[-3000:]
    loaded, everything = ast.literal_eval(proc.stdout.strip().splitlines()[-1])
    return loaded, everything


_CHECK = """
import io, contextlib
from govfin.cli import main
buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    status = main(["check", "--example"])
assert status == 1, status  # the example holds real errors: the check did run
assert "govfin check:" in buf.getvalue()
"""


def test_checking_the_example_loads_none_of_them() -> None:
    modules, everything = _run(_CHECK)
    assert "govfin.rules.narrative" in modules  # every rule family ran
    assert "govfin.codes._data" in modules  # and the code lists were read (from the folder)
    assert [m for m in NOT_LOADED if m in modules] == []
    assert [m for m in everything if m.split(".")[0] in OPTIONAL or m.startswith(OPTIONAL)] == []


def test_plain_data_still_converts_after_a_lazy_start() -> None:
    """The converter, built on first use, has the tables' hooks (registered before it)."""
    code = """
import sys
from govfin import examples
d = examples.load("seed_2024")
assert "cattrs" not in sys.modules
data = d.to_dict()
assert type(d).from_dict(data) == d
assert data["tables"][0]["kind"] == d.tables[0].KIND
"""
    modules, _ = _run(code)
    assert "cattrs" in modules


def test_each_still_loads_where_it_is_needed() -> None:
    code = """
import io, contextlib, sys
from govfin.cli import main
with contextlib.redirect_stdout(io.StringIO()) as out:
    main(["check", "--example", "--format", "json"])
assert "json" in sys.modules and out.getvalue().lstrip().startswith("{")
from govfin import examples
from govfin.readers import write_text
d = examples.load()
assert write_text(d).count("\\n") > 100 and "govfin.readers.writer" in sys.modules
assert "<td>" in d.tables[0]._repr_html_() and "html" in sys.modules
with contextlib.redirect_stdout(io.StringIO()) as out:
    try:
        main(["check", "--help"])
    except SystemExit:
        pass
assert "exit status:" in out.getvalue() and "  64  usage error" in out.getvalue()
import os
from govfin.readers import read_file
assert read_file(os.path.join(examples._FOLDER, "seed_2024.txt")).disclosure == d
from govfin.serialize import report_schema
assert report_schema()["properties"]["schema_version"]["const"] >= 1
"""
    _, modules = _run(code)
    assert {"json", "html", "textwrap", "pathlib", "govfin.readers.writer"} <= set(modules)


def test_the_example_is_read_the_same_through_importlib_resources() -> None:
    """The zipped-package path (importlib.resources) gives the same text and names."""
    code = """
import os
from importlib import resources
from govfin import examples
plain = examples.text(), examples.names()
examples._FOLDER = os.path.join(examples._FOLDER, "not-a-folder")
assert examples.text() == plain[0] and examples.names() == plain[1] == ("seed_2024",)
try:
    examples.text("nope")
except examples.UnknownExampleError as exc:
    assert "seed_2024" in str(exc)
else:
    raise AssertionError("an unknown example was read")
"""
    _run(code)


def test_the_collector_is_left_as_it_was_found() -> None:
    """The CLI pauses the garbage collector while it imports; a caller finds it as it left
    it: on or off, and its own frozen objects still frozen (and the program's not thawed)."""
    code = """
import gc, io, contextlib
frozen = [[] for _ in range(3)]
{before}
on, thawed = gc.isenabled(), gc.get_freeze_count() == 0
from govfin.cli import main
assert (gc.isenabled(), gc.get_freeze_count() == 0) == (on, thawed)
with contextlib.redirect_stdout(io.StringIO()):
    assert main(["check", "--example"]) == 1
    assert main(["code", "2010350"]) == 0
assert (gc.isenabled(), gc.get_freeze_count() == 0) == (on, thawed)
"""
    for before in ("pass", "gc.disable()", "gc.freeze()", "gc.freeze(); gc.disable()"):
        _run(code.format(before=before))
