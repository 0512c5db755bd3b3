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
from govfin.tables.functional import (
    TOTAL,
    ExpenditureTable,
    FunctionalTable,
    GeneralBudgetExpenditureTable,
    GovernmentFundTable,
    IncomeTable,
    StateCapitalTable,
)

__all__ = [
    "CLASS_ROWS",
    "TOTAL",
    "Equation",
    "ExpenditureTable",
    "FunctionalTable",
    "GeneralBudgetExpenditureTable",
    "GovernmentFundTable",
    "IncomeTable",
    "Rollup",
    "Row",
    "RowEquation",
    "StateCapitalTable",
    "Table",
    "TableError",
    "TableMeta",
    "kind_for_title",
    "normalize_title",
]


def kind_for_title(title: str) -> type[Table] | None:
    """The table class a printed title names, or None."""
    for cls in Table.KINDS.values():
        if cls.matches_title(title):
            return cls
    return None
