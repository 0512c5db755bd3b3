"""Hypothesis strategies for govfin objects: codes, amounts, consistent tables and disclosures.

Use them in your own property tests (see ``docs/strategies.md``)::

    from hypothesis import given
    import govfin
    from govfin import strategies as gs

    @given(gs.tables(gs.T03))
    def test_my_exporter_keeps_totals(table):
        assert govfin.check(table).ok
        ...

Everything here is *consistent by construction*: amounts are drawn in 元 (whole 分), summed
up the code tree (项 → 款 → 类 → 合计) and across columns, and only then is every cell rounded
independently to the table's unit and precision (四舍五入, ``ROUND_HALF_UP``), so printed
tables carry the rounding residues (尾数误差) real documents carry, and nothing else.

Importable only when hypothesis is installed (``pip install 'govfin[test]'``).

Public strategies and helpers:

- codes: :func:`years`, :func:`functional_codes`, :func:`economic_codes`,
  :func:`malformed_codes`, :func:`code_trees`;
- amounts: :func:`amounts`, :func:`yuan_amounts`, :func:`printed_cells`, :func:`cell_texts`,
  :func:`format_amount`, :func:`round_yuan`;
- tables: :func:`ledgers` (the exact 元 accounts every table is printed from), :func:`tables`
  (one table of a kind), :func:`any_tables`;
- documents: :func:`disclosures`, :func:`evaluations`, :func:`narratives`;
- errors: :func:`mutations` / :func:`mutate_cell` (move one cell beyond every tolerance),
  :func:`relations`, :func:`guarded_places`, :func:`detection_bound`, :func:`false_alarms`;
- reader input: :func:`reader_inputs` (arbitrary and near-valid text);
- table kinds: ``T01`` … ``T10`` (the same names as :mod:`govfin.tables`), :data:`TABLE_KINDS`.

The package's modules, one concern each (import from the package, not from them):
``_base`` (shared source of choices), ``_codes``, ``_amounts``, ``_ledgers`` (the exact
accounts and the ten tables printed from them), ``_tables`` (drawing ledgers and tables),
``_evaluations``, ``_narratives``, ``_disclosures``, ``_mutations`` (relations and mutations),
``_reader``.
"""

from __future__ import annotations

try:
    import hypothesis  # noqa: F401
except ImportError as exc:  # pragma: no cover - exercised only without hypothesis
    raise ImportError("govfin.strategies needs hypothesis: pip install 'govfin[test]'") from exc

from govfin.strategies._amounts import (
    PrintedCell,
    amounts,
    cell_texts,
    format_amount,
    printed_cells,
    round_yuan,
    yuan_amounts,
)
from govfin.strategies._base import DEPARTMENTS, NO_DATA, TABLE_KINDS
from govfin.strategies._budgets import (
    BudgetLedger,
    budget_disclosures,
    budget_ledgers,
    budget_mutations,
)
from govfin.strategies._codes import (
    CodeTree,
    code_trees,
    economic_codes,
    functional_codes,
    malformed_codes,
    years,
)
from govfin.strategies._disclosures import disclosures, false_alarms
from govfin.strategies._evaluations import evaluations
from govfin.strategies._ledgers import Flows, Ledger
from govfin.strategies._mutations import (
    Mutation,
    Relation,
    detection_bound,
    guarded_places,
    mutate_cell,
    mutations,
    relations,
)
from govfin.strategies._narratives import narratives
from govfin.strategies._reader import reader_inputs
from govfin.strategies._tables import any_tables, ledgers, tables
from govfin.tables import T01, T02, T03, T04, T05, T06, T07, T08, T09, T10

__all__ = [
    "DEPARTMENTS",
    "NO_DATA",
    "T01",
    "T02",
    "T03",
    "T04",
    "T05",
    "T06",
    "T07",
    "T08",
    "T09",
    "T10",
    "TABLE_KINDS",
    "BudgetLedger",
    "CodeTree",
    "Flows",
    "Ledger",
    "Mutation",
    "PrintedCell",
    "Relation",
    "amounts",
    "any_tables",
    "budget_disclosures",
    "budget_ledgers",
    "budget_mutations",
    "cell_texts",
    "code_trees",
    "detection_bound",
    "disclosures",
    "economic_codes",
    "evaluations",
    "false_alarms",
    "format_amount",
    "functional_codes",
    "guarded_places",
    "ledgers",
    "malformed_codes",
    "mutate_cell",
    "mutations",
    "narratives",
    "printed_cells",
    "reader_inputs",
    "relations",
    "round_yuan",
    "tables",
    "years",
    "yuan_amounts",
]
