"""The rows of the tests' hand-kept TSV tables (tests/data/titles, tests/data/headers): a first
line "# column<TAB>column …" naming the columns, then one row per line, blank lines skipped,
cells taken as printed (no quoting: a title may hold quotation marks)."""

from __future__ import annotations

import csv
from pathlib import Path


def tsv_rows(path: Path) -> list[dict[str, str]]:
    """Each row of ``path`` as a mapping from its column names to its cells."""
    with path.open(encoding="utf-8") as fh:
        lines = [ln for ln in fh if ln.strip()]
    header = lines[0].lstrip("# ").rstrip("\n").split("\t")
    return list(csv.DictReader(lines[1:], fieldnames=header, delimiter="\t",
                               quoting=csv.QUOTE_NONE))
