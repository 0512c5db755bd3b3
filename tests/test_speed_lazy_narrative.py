"""Patterns of the narrative that checking a 决算 like the seed never uses are compiled on
first use (:func:`govfin._lazy.lazy_pattern`), not at start-up (issue 17).

Not a timing test: it checks the bundled example in a fresh interpreter and asks each
stand-in whether it was compiled; then that each still answers as the pattern it stands for.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

#: (module, name, index in a tuple of (what, pattern) pairs or None) of each lazy pattern.
LAZY = (
    ("govfin.narrative.text", "_SECTION_START", None),
    ("govfin.narrative.text", "_RESPECTIVE", None),
    ("govfin.narrative.text", "_RESPECTIVE_ITEM", None),
    ("govfin.narrative.text", "_LIST_SEPARATOR", None),
    ("govfin.narrative.text", "_WIDE", None),
    ("govfin.rules.narrative.analysis", "_ANALYSIS_FIGURES", 2),
    ("govfin.rules.narrative.analysis", "_ANALYSIS_FIGURES", 3),
    ("govfin.rules.narrative.analysis", "_ANALYSIS_FIGURES", 4),
    ("govfin.rules.narrative.assess", "_PLAN_WORDS", None),
    ("govfin.rules.narrative.assess", "_PLAN_FUNDS", None),
    ("govfin.rules.narrative.assess", "_COMPARED_YEAR", None),
    ("govfin.rules.narrative.assess", "_PLAN_COUNT", None),
    ("govfin.rules.narrative.facts", "_LAST_YEAR", None),
    ("govfin.rules.narrative.stale_year", "_DATE", None),
    ("govfin.rules.narrative.stale_year", "_DATED_BUDGET", None),
)

_SCRIPT = """
import importlib, io, contextlib
from govfin.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    assert main(["check", "--example"]) == 1  # the example holds real errors: the check ran
compiled = []
for module, name, index in {lazy!r}:
    p = getattr(importlib.import_module(module), name)
    p = p if index is None else p[index][1]
    compiled.append("search" in vars(p))  # what the stand-in takes over when compiled
print(compiled)
"""


def _pattern(module: str, name: str, index: int | None) -> re.Pattern[str]:
    import importlib

    p = getattr(importlib.import_module(module), name)
    return p if index is None else p[index][1]


def test_checking_the_example_compiles_none_of_them() -> None:
    proc = subprocess.run(
        [sys.executable, "-c", _SCRIPT.format(lazy=LAZY)], cwd=ROOT, capture_output=True,
        text=True, timeout=300, check=False, env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr[-3000:]
    compiled = eval(proc.stdout.strip().splitlines()[-1])  # a list of bools
    assert [entry for entry, c in zip(LAZY, compiled, strict=True) if c] == []


def test_each_stand_in_answers_as_its_pattern() -> None:
    texts = ("收、支总计各是4125.49,4143.91万元", "第三部分", "一、收入", "基本支出和项目支出",
             "年初预算为12.5万元", "实际支出资金3万元", "自评总分为95分", "项目绩效目标资金",
             "比2023年增加", "比上年减少", "上年结转", "截至2024年12月31日", "部门预算", "ｘ", "")
    for entry in LAZY:
        lazy = _pattern(*entry)
        real = re.compile(lazy.pattern, lazy.flags)
        for t in texts:
            assert [m.span() for m in lazy.finditer(t)] == [m.span() for m in real.finditer(t)]
