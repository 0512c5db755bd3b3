"""Write docs/accuracy.md: govfin's recall on planted mistakes and its false alarms.

Usage, from the repository root::

    python tools/accuracy_report.py            # writes docs/accuracy.md
    python tools/accuracy_report.py -          # prints the page instead
    python tools/accuracy_report.py --status   # which known_miss markers to remove or add

After a rule lands (a merge), ``--status`` lists the cases whose ``known_miss`` no longer
holds (remove the marker in tests/accuracy/cases.py: the strict xfail fails until then) and
the cases that fail without one (a regression, or a new miss to mark); exit status 1 if any.

The cases live in tests/accuracy/ (the catalogue: tests/accuracy/cases.py); tests/test_accuracy.py
fails when docs/accuracy.md is not what this script writes.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests")]

from accuracy.cases import CASES
from accuracy.report import render
from accuracy.runner import outcome

TARGET = ROOT / "docs" / "accuracy.md"


def status() -> int:
    """Print the markers to remove (fixed) and the failures without a marker; 1 if any."""
    lines = []
    for case in CASES:
        o = outcome(case)
        ok = not (o.errors or o.read_problems) if case.harmless else o.caught
        if ok and case.known_miss:
            lines.append(f"fixed, remove known_miss: {case.id}")
        elif not ok and not case.known_miss:
            lines.append(f"fails without known_miss: {case.id} ({o.verdict}, {list(o.rules)})")
    print("\n".join(lines) or "every case as the catalogue says")
    return 1 if lines else 0


def main(argv: list[str]) -> int:
    if argv[1:] == ["--status"]:
        return status()
    page = render()
    if argv[1:] == ["-"]:
        sys.stdout.write(page)
    else:
        TARGET.write_text(page, encoding="utf-8")
        print(f"wrote {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
