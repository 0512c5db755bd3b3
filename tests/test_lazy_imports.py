"""Patterns that checking a 决算 text never uses are compiled on first use, not at import
(start-up, not behaviour; govfin._lazy.lazy_pattern).

A fresh interpreter checks the bundled example; afterwards each pattern listed here is still
a stand-in that was never compiled.  Each then answers, on first use, as ``re.compile`` of
the same source does.
"""

from __future__ import annotations

import importlib
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from govfin._lazy import _LazyPattern

ROOT = Path(__file__).resolve().parents[1]

#: module -> its patterns that a check of the example does not use (a 预算's wording, a
#: supplement's header, a table no kind models, a 二级 weight, a placeholder 三级 name …)
UNUSED_BY_THE_EXAMPLE = {
    "govfin.amounts": ("_NUMBER",),
    "govfin.codes._supplement": ("_HEADER",),
    "govfin.readers.cover": ("_TITLE_DEPARTMENT",),
    "govfin.readers.evaluations": ("_LEVEL_WEIGHT", "_PLACEHOLDER"),
    "govfin.readers.plan": ("_YEAR",),
    "govfin.tables": ("_TITLE_WORDS", "_BRACKETED_END"),
}


def test_checking_the_example_compiles_none_of_them() -> None:
    script = f"""
import importlib, io, contextlib
from govfin.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    assert main(["check", "--example"]) == 1
compiled = []
for module, names in {UNUSED_BY_THE_EXAMPLE!r}.items():
    for name in names:
        pattern = getattr(importlib.import_module(module), name)
        if type(pattern).__name__ != "_LazyPattern" or "match" in vars(pattern):
            compiled.append(module + "." + name)
print(compiled)
"""
    proc = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                          text=True, timeout=300, check=False,
                          env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert proc.stdout.strip().splitlines()[-1] == "[]"


@pytest.mark.parametrize(
    ("module", "name"), [(m, n) for m, names in UNUSED_BY_THE_EXAMPLE.items() for n in names]
)
def test_each_compiles_on_first_use_as_re_would(module: str, name: str) -> None:
    pattern = getattr(importlib.import_module(module), name)
    assert isinstance(pattern, _LazyPattern)
    source, flags = pattern._source
    assert (pattern.pattern, pattern.flags, pattern.groups) == (
        source, re.compile(source, flags).flags, re.compile(source, flags).groups
    )
    assert pattern.search is not None and "search" in vars(pattern)  # compiled once, kept
