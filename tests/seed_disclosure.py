"""The seed document assembled into a :class:`~govfin.disclosure.Disclosure`.

Tables from :func:`seed_tables.seed_tables` (typed in by hand), the 21 项目支出绩效自评表 from
:func:`seed_evaluations.seed_evaluations` (typed in by hand), and the narrative read from the
text copy of the seed, ``tests/data/seed_2024.txt``: the sections of 第三部分 情况说明 (source
lines 388–524), each keeping its source line numbers, and 第四部分 名词解释 as the glossary::

    from seed_disclosure import seed_disclosure   # tests/ is on sys.path
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import attrs
from seed_evaluations import seed_evaluations
from seed_tables import DEPARTMENT, YEAR, seed_tables

from govfin.amounts import Unit
from govfin.disclosure import Disclosure, Narrative
from govfin.tables import Row, Table

__all__ = ["SEED_TEXT", "edit", "seed_disclosure", "seed_narrative", "set_cell", "without"]

SEED_TEXT = Path(__file__).parent / "data" / "seed_2024.txt"

_NARRATIVE = "第三部分 情况说明"
_GLOSSARY = "第四部分 名词解释"
_ATTACHMENTS = "第五部分 附件"


def _find(lines: list[str], text: str, after: int = 0) -> int:
    """Index of the line equal to ``text`` (the body heading, not the 目录 entry)."""
    for i in range(after, len(lines)):
        if lines[i].strip() == text:
            return i
    raise LookupError(f"{text!r} not found in {SEED_TEXT.name}")


def seed_narrative() -> Narrative:
    """The seed's 情况说明 in ten sections (一、 … 十、) and its 名词解释."""
    lines = SEED_TEXT.read_text(encoding="utf-8").split("\n")
    start = _find(lines, _NARRATIVE, 100)  # skip the 目录 entry "第三部分 情况说明\t15"
    glossary = _find(lines, _GLOSSARY, start)
    attachments = _find(lines, _ATTACHMENTS, glossary)
    # list index i is source line i + 1
    body = "\n".join(lines[start + 1 : glossary])
    narrative = Narrative.from_text(body, first_line=start + 2)
    return Narrative(
        narrative.sections,
        glossary="\n".join(lines[glossary + 1 : attachments]).strip("\n"),
        glossary_line=glossary + 3,
    )


def seed_disclosure() -> Disclosure:
    """The whole seed: ten tables, 21 self-evaluations, the narrative."""
    return Disclosure(
        department=DEPARTMENT,
        year=YEAR,
        unit=Unit.WAN_YUAN,
        tables=seed_tables(),
        evaluations=seed_evaluations(),
        narrative=seed_narrative(),
        title=f"{DEPARTMENT}{YEAR}年度部门决算公开",
    )


# -- perturbing the seed (for tests that break one relation) --------------------------------


def set_cell(t: Table, key: str, column: str, value: str | None) -> Table:
    """The table with one cell changed (a missing row is appended; a code key makes a coded
    row)."""
    v = None if value is None else Decimal(value)
    rows = list(t.rows)
    for i, r in enumerate(rows):
        if r.key == key:
            rows[i] = attrs.evolve(r, values={**r.values, column: v})
            break
    else:
        rows.append(Row(key, key, {column: v}, code=key if key.isdigit() else None))
    return attrs.evolve(t, rows=tuple(rows))


def edit(d: Disclosure, cls: type[Table], *cells: tuple[str, str, str | None]) -> Disclosure:
    """The disclosure with cells of its table of kind ``cls`` changed: (row key, column, value)."""
    t = d.table(cls)
    assert t is not None, cls.KIND
    for key, column, value in cells:
        t = set_cell(t, key, column, value)
    return attrs.evolve(d, tables=tuple(t if isinstance(x, cls) else x for x in d.tables))


def without(d: Disclosure, cls: type[Table]) -> Disclosure:
    """The disclosure without its table of kind ``cls``."""
    return attrs.evolve(d, tables=tuple(t for t in d.tables if not isinstance(t, cls)))
