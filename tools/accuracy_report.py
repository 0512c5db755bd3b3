"""Write docs/accuracy.md: govfin's recall on planted mistakes and its false alarms.

Usage, from the repository root::

    python tools/accuracy_report.py            # writes docs/accuracy.md
    python tools/accuracy_report.py -          # prints the page instead

The cases live in tests/accuracy/ (the catalogue: tests/accuracy/cases.py); tests/test_accuracy.py
fails when docs/accuracy.md is not what this script writes.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests")]

from accuracy.report import render

TARGET = ROOT / "docs" / "accuracy.md"


def main(argv: list[str]) -> int:
    page = render()
    if argv[1:] == ["-"]:
        sys.stdout.write(page)
    else:
        TARGET.write_text(page, encoding="utf-8")
        print(f"wrote {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
