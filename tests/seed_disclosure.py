"""The seed document assembled into a :class:`~govfin.disclosure.Disclosure`.

Tables from :func:`seed_tables.seed_tables` (typed in by hand), the 21 项目支出绩效自评表 from
:func:`seed_evaluations.seed_evaluations` (typed in by hand), and the narrative read from the
text copy of the seed, ``tests/data/seed_2024.txt``: the sections of 第三部分 情况说明, each
keeping its source line numbers, and 第四部分 名词解释 as the glossary (the parts found by
their headings, :mod:`golden`)::

    from seed_disclosure import seed_disclosure   # tests/ is on sys.path
"""

from __future__ import annotations

from decimal import Decimal

import attrs
import golden
from seed_evaluations import seed_evaluations
from seed_tables import DEPARTMENT, YEAR, seed_tables

from govfin.amounts import Unit
from govfin.disclosure import Disclosure, Narrative
from govfin.tables import Row, Table

__all__ = ["SEED_TEXT", "edit", "seed_disclosure", "seed_narrative", "set_cell", "without"]

#: The seed text the narrative is read from (:data:`golden.SEED`).
SEED_TEXT = golden.SEED


def seed_narrative() -> Narrative:
    """The seed's 情况说明 in ten sections (一、 … 十、) and its 名词解释."""
    lines = golden.LINES  # lines[i] is source line i + 1
    body = "\n".join(lines[golden.NARRATIVE_LINE : golden.GLOSSARY_HEADING_LINE - 1])
    narrative = Narrative.from_text(body, first_line=golden.NARRATIVE_LINE + 1)
    glossary = lines[golden.GLOSSARY_HEADING_LINE : golden.ATTACHMENTS_LINE - 1]
    return Narrative(
        narrative.sections,
        glossary="\n".join(glossary).strip("\n"),
        glossary_line=golden.next_text_line(golden.GLOSSARY_HEADING_LINE),
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
