"""公开09 财政拨款“三公”经费支出决算表: the "three public" expenses, budget against actual.

Two rows, ``预算数`` (the adjusted full-year budget) and ``决算数`` (the actual), each with six
columns: ``合计``, ``因公出国（境）费``, ``公务用车购置及运行维护费`` (the 小计 of the next two),
``公务用车购置费``, ``公务用车运行维护费``, ``公务接待费``.  Printed variants ("因公出国(境)费",
"公务用车运行费") are a reader's concern; the columns here are canonical.

Relations (from the table's layout): R09-1 and R09-2 on each row; R09-3 (决算数 above 预算数, a
warning) is a rule function in :mod:`govfin.rules.tables`.  Local extra columns 会议费 and 培训费
(printed after 公务接待费 by some regions) are ``OPTIONAL_COLUMNS``: read where the header names
them, part of no relation (they are not in 合计, and R09-3 judges the 三公 columns only).
机关运行经费 is not modelled here.
"""

from __future__ import annotations

from typing import ClassVar

from govfin.tables.base import RowEquation, Table

__all__ = ["ThreePublicTable"]

_ABROAD = "因公出国（境）费"
_VEHICLES = "公务用车购置及运行维护费"
_PURCHASE = "公务用车购置费"
_RUNNING = "公务用车运行维护费"
_RECEPTION = "公务接待费"


class ThreePublicTable(Table):
    """公开09 财政拨款“三公”经费支出决算表 (rows 预算数 and 决算数)."""

    KIND = "财政拨款“三公”经费支出决算表"
    TITLE_EN = "Fiscal appropriation expenditure on the three public expenses"
    NUMBER = "09"
    #: Until the 2022 year the title named the general budget only.
    TITLES = ("一般公共预算财政拨款“三公”经费支出决算表",)
    COLUMNS = ("合计", _ABROAD, _VEHICLES, _PURCHASE, _RUNNING, _RECEPTION)
    #: The names before 运行维护费 (2022 and earlier forms; tests/data/headers/headers.tsv).
    COLUMN_ALIASES: ClassVar[dict[str, tuple[str, ...]]] = {_VEHICLES: ("公务用车购置及运行费",), _RUNNING: ("公务用车运行费",)}
    #: Printed beside the 三公 by some regions (tests/data/headers/headers.tsv); not in 合计.
    OPTIONAL_COLUMNS = ("会议费", "培训费")
    BUDGET = "预算数"
    ACTUAL = "决算数"
    ROW_KEYS = (BUDGET, ACTUAL)
    ROW_EQUATIONS = (
        RowEquation(
            "R09-1",
            "合计 = 因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费",
            "total = travel abroad + official vehicles (purchase and running) + reception",
            total="合计",
            plus=(_ABROAD, _VEHICLES, _RECEPTION),
            source="layout of 公开09表 (R09-1)",
        ),
        RowEquation(
            "R09-2",
            "公务用车购置及运行维护费 = 公务用车购置费 + 公务用车运行维护费",
            "official vehicles subtotal = purchase + running and maintenance",
            total=_VEHICLES,
            plus=(_PURCHASE, _RUNNING),
            source="layout of 公开09表 (R09-2)",
        ),
    )
