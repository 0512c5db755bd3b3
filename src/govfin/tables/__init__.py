"""One typed class per disclosure table kind, identified by title, not by number.

``Table.KINDS`` maps each canonical Chinese title to its class; :func:`kind_for_title`
identifies a printed title (with or without 公开NN表, 部门/单位, bracket and quote widths).
``T01`` … ``T10`` are the one set of short names for the ten kinds, by their number in the
central set (公开01表 … 公开10表); the document's own numbering is kept in ``TableMeta``.
"""

from __future__ import annotations

from govfin.tables import hooks  # noqa: F401  (registers the tables' serialize hooks)
from govfin.tables.base import (
    CLASS_ROWS,
    Equation,
    Rollup,
    Row,
    RowEquation,
    Table,
    TableError,
    TableMeta,
    convert_cell,
    converted_value,
    normalize_title,
    table_html,
)
from govfin.tables.detail import BasicExpenditureDetail
from govfin.tables.functional import (
    TOTAL,
    ExpenditureTable,
    FunctionalTable,
    GeneralBudgetExpenditureTable,
    GovernmentFundTable,
    IncomeTable,
    StateCapitalIncomeTable,
    StateCapitalTable,
)
from govfin.tables.info import DisclosureInfoTable
from govfin.tables.summary import FiscalAppropriationSummary, IncomeExpenditureSummary
from govfin.tables.three_public import ThreePublicTable

# isort: split
# The 预算 kinds register after the 决算 kinds: content identification takes the first kind a
# header fits, and must keep preferring a 决算 kind for a 决算 header.
from govfin.tables import budget
from govfin.tables.budget import BudgetTable

__all__ = [
    "CLASS_ROWS",
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
    "TOTAL",
    "BasicExpenditureDetail",
    "BudgetTable",
    "DisclosureInfoTable",
    "Equation",
    "ExpenditureTable",
    "FiscalAppropriationSummary",
    "FunctionalTable",
    "GeneralBudgetExpenditureTable",
    "GovernmentFundTable",
    "IncomeExpenditureSummary",
    "IncomeTable",
    "Rollup",
    "Row",
    "RowEquation",
    "StateCapitalIncomeTable",
    "StateCapitalTable",
    "Table",
    "TableError",
    "TableMeta",
    "ThreePublicTable",
    "budget",
    "convert_cell",
    "converted_value",
    "kind_for_title",
    "normalize_title",
    "table_html",
]

#: The ten kinds by their number in the central set (公开01表 … 公开10表).
T01 = IncomeExpenditureSummary
T02 = IncomeTable
T03 = ExpenditureTable
T04 = FiscalAppropriationSummary
T05 = GeneralBudgetExpenditureTable
T06 = BasicExpenditureDetail
T07 = GovernmentFundTable
T08 = StateCapitalTable
T09 = ThreePublicTable
T10 = DisclosureInfoTable


def kind_for_title(title: str) -> type[Table] | None:
    """The table class a printed title names, or None."""
    for cls in Table.KINDS.values():
        if cls.matches_title(title):
            return cls
    return None
