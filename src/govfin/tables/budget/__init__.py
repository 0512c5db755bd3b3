"""The 部门预算 (budget) table kinds of three layout families, identified by title and header.

Shanghai (9 tables, 元; 三公 in 万元), Jiangsu (12 tables, 万元) and the central template most
provinces follow (9 tables, 万元).  Every kind is a :class:`BudgetTable` (``DOCUMENT = "预算"``)
with a ``FAMILY`` and a ``ROLE``; see docs/budget.md for the families side by side and the
rules each kind declares.
"""

from __future__ import annotations

from govfin.tables.budget.base import (
    CENTRAL,
    FAMILIES,
    JIANGSU,
    ROLES,
    SHANGHAI,
    BudgetTable,
    budget_kind_for_title,
    budget_kinds,
    budget_meta,
    budget_title_key,
    title_candidates,
)
from govfin.tables.budget.economic import (
    BudgetEconomicTable,
    CentralBasicTable,
    JiangsuAppropriationBasicTable,
    JiangsuGeneralBasicTable,
    JiangsuRunningCostTable,
    ShanghaiBasicTable,
)
from govfin.tables.budget.functional import (
    BudgetFunctionalTable,
    CentralCapitalTable,
    CentralFundTable,
    CentralGeneralTable,
    JiangsuAppropriationExpenditureTable,
    JiangsuFundTable,
    JiangsuGeneralTable,
    ShanghaiCapitalTable,
    ShanghaiFundTable,
    ShanghaiGeneralTable,
)
from govfin.tables.budget.procurement import PROCUREMENT_CATEGORIES, JiangsuProcurementTable
from govfin.tables.budget.sources import (
    JIANGSU_INCOME_GROUPS,
    CentralExpenditureTable,
    CentralIncomeTable,
    JiangsuExpenditureTable,
    JiangsuIncomeTable,
    ShanghaiExpenditureTable,
    ShanghaiIncomeTable,
)
from govfin.tables.budget.summary import (
    BudgetSummary,
    CentralAppropriationSummary,
    CentralSummary,
    JiangsuAppropriationSummary,
    JiangsuSummary,
    ShanghaiAppropriationSummary,
    ShanghaiSummary,
)
from govfin.tables.budget.three_public import (
    BudgetThreePublicTable,
    CentralThreePublicTable,
    JiangsuThreePublicTable,
    ShanghaiThreePublicTable,
)

#: The kinds of each family, in the family's printed order.
FAMILY_KINDS: dict[str, tuple[type[BudgetTable], ...]] = {
    SHANGHAI: (
        ShanghaiSummary,
        ShanghaiIncomeTable,
        ShanghaiExpenditureTable,
        ShanghaiAppropriationSummary,
        ShanghaiGeneralTable,
        ShanghaiFundTable,
        ShanghaiCapitalTable,
        ShanghaiBasicTable,
        ShanghaiThreePublicTable,
    ),
    JIANGSU: (
        JiangsuSummary,
        JiangsuIncomeTable,
        JiangsuExpenditureTable,
        JiangsuAppropriationSummary,
        JiangsuAppropriationExpenditureTable,
        JiangsuAppropriationBasicTable,
        JiangsuFundTable,
        JiangsuGeneralTable,
        JiangsuGeneralBasicTable,
        JiangsuRunningCostTable,
        JiangsuThreePublicTable,
        JiangsuProcurementTable,
    ),
    CENTRAL: (
        CentralSummary,
        CentralIncomeTable,
        CentralExpenditureTable,
        CentralAppropriationSummary,
        CentralGeneralTable,
        CentralBasicTable,
        CentralThreePublicTable,
        CentralFundTable,
        CentralCapitalTable,
    ),
}

__all__ = [
    "CENTRAL",
    "FAMILIES",
    "FAMILY_KINDS",
    "JIANGSU",
    "JIANGSU_INCOME_GROUPS",
    "PROCUREMENT_CATEGORIES",
    "ROLES",
    "SHANGHAI",
    "BudgetEconomicTable",
    "BudgetFunctionalTable",
    "BudgetSummary",
    "BudgetTable",
    "BudgetThreePublicTable",
    "CentralAppropriationSummary",
    "CentralBasicTable",
    "CentralCapitalTable",
    "CentralExpenditureTable",
    "CentralFundTable",
    "CentralGeneralTable",
    "CentralIncomeTable",
    "CentralSummary",
    "CentralThreePublicTable",
    "JiangsuAppropriationBasicTable",
    "JiangsuAppropriationExpenditureTable",
    "JiangsuAppropriationSummary",
    "JiangsuExpenditureTable",
    "JiangsuFundTable",
    "JiangsuGeneralBasicTable",
    "JiangsuGeneralTable",
    "JiangsuIncomeTable",
    "JiangsuProcurementTable",
    "JiangsuRunningCostTable",
    "JiangsuSummary",
    "JiangsuThreePublicTable",
    "ShanghaiAppropriationSummary",
    "ShanghaiBasicTable",
    "ShanghaiCapitalTable",
    "ShanghaiExpenditureTable",
    "ShanghaiFundTable",
    "ShanghaiGeneralTable",
    "ShanghaiIncomeTable",
    "ShanghaiSummary",
    "ShanghaiThreePublicTable",
    "budget_kind_for_title",
    "budget_kinds",
    "budget_meta",
    "budget_title_key",
    "family_table",
    "title_candidates",
]


def family_table(tables: object, role: str) -> BudgetTable | None:
    """The first budget table of ``role`` among ``tables`` (any iterable of tables)."""
    for t in tables:  # type: ignore[attr-defined]
        if isinstance(t, BudgetTable) and t.ROLE == role:
            return t
    return None
