"""Shared for the gaps9 tests: every real text the repository holds, read and checked once.

The real filled documents (tests/data/real), the real 预算 texts of tests/data/accuracy, the
real 情况说明 of tests/data/narratives (narrative alone, as tests/test_narratives_real.py reads
them) and the seed.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from seed_disclosure import seed_disclosure

from govfin.disclosure import Disclosure, Narrative
from govfin.findings import Report
from govfin.readers.files import read_path
from govfin.rules import check

DATA = Path(__file__).parent / "data"
FILES = sorted(
    [*(DATA / "real").glob("*.tsv"), *(DATA / "accuracy").glob("*.txt"),
     *(DATA / "narratives").glob("*.txt")]
)  # fmt: skip
NAMES = [*(p.stem for p in FILES), "seed"]


def _narrative_only(path: Path) -> Disclosure:
    lines = path.read_text(encoding="utf-8").split("\n")
    year = int(re.search(r"-(\d{4})-", path.stem).group(1))  # type: ignore[union-attr]
    kind = "预算" if "yusuan" in path.stem else "决算"
    return Disclosure(
        year=year, kind=kind, narrative=Narrative.from_text("\n".join(lines[1:]), first_line=2)
    )


@functools.cache
def checked(name: str) -> Report:
    """The report of one text (by file stem, or "seed")."""
    if name == "seed":
        return check(seed_disclosure())
    path = next(p for p in FILES if p.stem == name)
    if path.parent.name == "narratives":
        return check(_narrative_only(path))
    result = read_path(path)
    return check(result.disclosure).located(result.log.place_of)
