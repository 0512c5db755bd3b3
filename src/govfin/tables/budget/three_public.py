"""Budget "三公" tables: 因公出国（境）, 公务接待, 公务用车 (购置 + 运行维护), with local columns.

- Shanghai “三公”经费和机关运行经费预算表 (万元, while the other Shanghai tables are in 元):
  合计, 因公出国(境)费, 公务接待费, 公务用车购置及运行费 (小计, 购置费, 运行费), and
  机关运行经费 — not part of 合计.
- Jiangsu 一般公共预算“三公”经费、会议费、培训费支出预算表 (万元): 合计 = “三公”经费小计 + 会议费
  + 培训费; the 三公 小计 = 因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费.
- Central template 一般公共预算“三公”经费支出表 (万元): 合计, 因公出国（境）费, 公务用车购置及
  运行费 (小计, 购置费, 运行费), 公务接待费.

Rows: ``本年预算数`` (printed as one line of figures), and where a table compares with the year
before, ``上年预算数``, ``增减`` and ``增减率`` (percent): 本年 − 上年 = 增减 in every column
(``CHANGE_ROWS``), 增减率 = 增减 / 上年 × 100 (``RATE_ROW``).  The sums across columns hold on
every money row (``AMOUNT_ROW_EQUATIONS``), not on the rate row: rates do not add up.
Columns keep the canonical (full-width) names; printed variants ("因公出国(境)费", "运行费") are
the reader's concern.
"""

from __future__ import annotations

from decimal import Decimal
from typing import ClassVar

from govfin.tables.base import RowEquation
from govfin.tables.budget.base import CENTRAL, JIANGSU, SHANGHAI, BudgetTable

__all__ = [
    "BudgetThreePublicTable",
    "CentralThreePublicTable",
    "JiangsuThreePublicTable",
    "ShanghaiThreePublicTable",
]

CURRENT = "本年预算数"
PREVIOUS = "上年预算数"
CHANGE = "增减"
RATE = "增减率"
#: Last place of a printed rate (percent).
RATE_UNIT = Decimal("0.01")
_ABROAD = "因公出国（境）费"
_RECEPTION = "公务接待费"


def _sum(rule_id: str, zh: str, en: str, total: str, plus: tuple[str, ...]) -> RowEquation:
    return RowEquation(rule_id, zh, en, total=total, plus=plus,
                       source=f"budget schema {rule_id} (docs/budget.md)")


class BudgetThreePublicTable(BudgetTable):
    """A budget 三公 table: rows 本年预算数 (and 上年预算数, 增减 where printed)."""

    ROW_KEYS = (CURRENT, PREVIOUS, CHANGE, RATE)
    CHANGE_ROWS = (CURRENT, PREVIOUS, CHANGE)
    RATE_ROW: ClassVar[str | None] = RATE
    #: Row equations of the money rows (every row but the rate row).
    AMOUNT_ROW_EQUATIONS: ClassVar[tuple[RowEquation, ...]] = ()
    CURRENT = CURRENT

    def unit_of(self, key: str, column: str) -> Decimal:
        """Money cells have the table's unit; the rate row's cells are percent to 0.01."""
        return RATE_UNIT if key == RATE else self.unit
    #: Column names of the parts, the same words in every family.
    ABROAD = _ABROAD
    RECEPTION = _RECEPTION
    VEHICLES = ""
    PURCHASE = ""
    RUNNING = ""


class ShanghaiThreePublicTable(BudgetThreePublicTable):
    """Shanghai “三公”经费和机关运行经费预算表 (万元)."""

    KIND = "“三公”经费和机关运行经费预算表"
    TITLE_EN = "Three public expenses and office running costs (Shanghai)"
    NUMBER = "9"
    TITLES = ("“三公”经费和机关运行费预算表",)
    FAMILY = SHANGHAI
    ROLE = "three_public"
    VEHICLES = "公务用车购置及运行费"
    PURCHASE = "公务用车购置费"
    RUNNING = "公务用车运行费"
    #: In printed order.
    COLUMNS = ("合计", _ABROAD, _RECEPTION, VEHICLES, PURCHASE, RUNNING, "机关运行经费")
    #: The national names since 2018 (运行维护费), should a Shanghai set print them.
    COLUMN_ALIASES: ClassVar[dict[str, tuple[str, ...]]] = {
        **BudgetTable.COLUMN_ALIASES,
        VEHICLES: ("公务用车购置及运行维护费",), RUNNING: ("公务用车运行维护费",),
    }
    AMOUNT_ROW_EQUATIONS = (
        _sum("BS09-1", "合计 = 因公出国（境）费 + 公务接待费 + 公务用车购置及运行费",
             "total = travel abroad + reception + official vehicles",
             "合计", (_ABROAD, _RECEPTION, VEHICLES)),
        _sum("BS09-2", "公务用车购置及运行费 = 购置费 + 运行费",
             "official vehicles = purchase + running", VEHICLES, (PURCHASE, RUNNING)),
    )


class JiangsuThreePublicTable(BudgetThreePublicTable):
    """Jiangsu 一般公共预算“三公”经费、会议费、培训费支出预算表 (万元)."""

    KIND = "一般公共预算“三公”经费、会议费、培训费支出预算表"
    TITLE_EN = "Three public expenses, meetings and training (Jiangsu)"
    NUMBER = "十一"
    #: 南通市国资委 2016 prints the same rows (三公 小计, 会议费, 培训费) with its items as rows
    #: under the title "财政拨款“三公”经费预算表" (gzw.nantong.gov.cn).
    TITLES = ("“三公”经费、会议费、培训费支出预算表（一般公共预算）",
              "“三公”经费、会议费、培训费支出预算表", "财政拨款“三公”经费预算表")
    FAMILY = JIANGSU
    ROLE = "three_public"
    VEHICLES = "公务用车购置及运行维护费"
    PURCHASE = "公务用车购置费"
    RUNNING = "公务用车运行维护费"
    SUBTOTAL = "“三公”经费"
    #: The 三公 小计 printed as a line of its own: "一、“三公”经费合计" (南通市国资委 2016).
    COLUMN_ALIASES: ClassVar[dict[str, tuple[str, ...]]] = {
        **BudgetTable.COLUMN_ALIASES,
        SUBTOTAL: ("“三公”经费合计",), VEHICLES: ("公务用车费",),
        _ABROAD: ("因公出国（境）费用",),
    }
    COLUMNS = ("合计", SUBTOTAL, _ABROAD, VEHICLES, PURCHASE, RUNNING, _RECEPTION,
               "会议费", "培训费")
    AMOUNT_ROW_EQUATIONS = (
        _sum("BJ11-1", "合计 = “三公”经费 + 会议费 + 培训费",
             "total = three public expenses + meetings + training",
             "合计", (SUBTOTAL, "会议费", "培训费")),
        _sum("BJ11-2", "“三公”经费 = 因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费",
             "three public expenses = travel abroad + official vehicles + reception",
             SUBTOTAL, (_ABROAD, VEHICLES, _RECEPTION)),
        _sum("BJ11-3", "公务用车购置及运行维护费 = 购置费 + 运行维护费",
             "official vehicles = purchase + running", VEHICLES, (PURCHASE, RUNNING)),
    )


class CentralThreePublicTable(BudgetThreePublicTable):
    """Central template 一般公共预算“三公”经费支出表 (万元)."""

    KIND = "一般公共预算“三公”经费支出表"
    TITLE_EN = "General public budget three public expenses (central template)"
    NUMBER = "7"
    #: "“三公”经费预算支出表": 重庆市江北区 2021 (区本级, its items printed as rows);
    #: "“三公”经费情况统计表": 桂林市司法局 2015 (items as rows, under 本年预算数);
    #: "“三公”经费支出预算表": 宣州区审计局 2018 (items as rows, under 预算数(万元)).
    TITLES = ("一般公共预算财政拨款“三公”经费支出表", "“三公”经费支出表", "一般公共预算“三公”经费支出预算表",
              "“三公”经费预算支出表", "“三公”经费情况统计表", "“三公”经费支出预算表")
    FAMILY = CENTRAL
    ROLE = "three_public"
    VEHICLES = "公务用车购置及运行费"
    PURCHASE = "公务用车购置费"
    RUNNING = "公务用车运行费"
    COLUMNS = ("合计", _ABROAD, VEHICLES, PURCHASE, RUNNING, _RECEPTION)
    #: The names since the 2018 template (运行维护费), as most provinces print them (e.g. the
    #: 2021 三公 table of 重庆市江北区: 公务用车购置及运行维护费, 公务用车运行维护费).
    COLUMN_ALIASES: ClassVar[dict[str, tuple[str, ...]]] = {
        **BudgetTable.COLUMN_ALIASES,
        VEHICLES: ("公务用车购置及运行维护费", "公务用车费"),
        RUNNING: ("公务用车运行维护费", "运行维护费"),
        # "公务用车购置" (no 费) as a line label: 重庆市江北区 2021, 桂林市司法局 2015
        PURCHASE: ("购置费", "公务用车购置"), _ABROAD: ("因公出国（境）费用",),
    }
    AMOUNT_ROW_EQUATIONS = (
        _sum("BC07-1", "合计 = 因公出国（境）费 + 公务用车购置及运行费 + 公务接待费",
             "total = travel abroad + official vehicles + reception",
             "合计", (_ABROAD, VEHICLES, _RECEPTION)),
        _sum("BC07-2", "公务用车购置及运行费 = 购置费 + 运行费",
             "official vehicles = purchase + running", VEHICLES, (PURCHASE, RUNNING)),
    )
