"""One typed class per disclosure table kind, identified by title, not by number.

``Table.KINDS`` maps each canonical Chinese title to its class; :func:`kind_for_title`
identifies a printed title (with or without 公开NN表, 部门/单位, bracket and quote widths).
"""

from __future__ import annotations

from govfin.tables.base import (
    CLASS_ROWS,
    Equation,
    Rollup,
    Row,
    RowEquation,
    Table,
    TableError,
    TableMeta,
    normalize_title,
)
from govfin.tables.detail import BasicExpenditureDetail
from govfin.tables.functional import (
    TOTAL,
    ExpenditureTable,
    FunctionalTable,
    GeneralBudgetExpenditureTable,
    GovernmentFundTable,
    IncomeTable,
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
    "StateCapitalTable",
    "Table",
    "TableError",
    "TableMeta",
    "ThreePublicTable",
    "budget",
    "kind_for_title",
    "normalize_title",
]


def kind_for_title(title: str) -> type[Table] | None:
    """The table class a printed title names, or None."""
    for cls in Table.KINDS.values():
        if cls.matches_title(title):
            return cls
    return None
