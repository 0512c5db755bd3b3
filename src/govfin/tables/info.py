"""公开10 部门决算公开相关信息统计表: 政府采购, 机关运行经费, 国有资产占用 (vehicles, equipment).

One column, ``"统计数"``.  Money rows (万元, last place 0.01): ``政府采购合计`` (printed "合计"
under 一、政府采购情况), ``货物``, ``工程``, ``服务``, ``授予中小企业合同金额``,
``授予小微企业合同金额``, and the two 机关运行经费 lines ``行政单位`` and
``参照公务员法管理事业单位``.  Count rows (辆, 台（套）): ``车辆数合计``, the eight uses, and
``单价100万元（含）以上设备``; their cells are exact (unit ``Decimal(0)``) and must be whole
numbers (rule ``R10-4``).

Relations: R10-1 and R10-3 are equations declared below; R10-2 (inequalities) and R10-4
(whole counts) are rule functions in :mod:`govfin.rules.tables`.  There is no central 公开10表:
layouts vary by region; this is the layout of the seed document.
"""

from __future__ import annotations

from decimal import Decimal

from govfin.tables.base import Equation, Table

__all__ = ["DisclosureInfoTable"]

_COLUMN = "统计数"
_PROCUREMENT = ("货物", "工程", "服务")
_VEHICLE_USES = (
    "副部（省）级及以上领导用车",
    "主要负责人用车",
    "机要通信用车",
    "应急保障用车",
    "执法执勤用车",
    "特种专业技术用车",
    "离退休干部服务用车",
    "其他用车",
)


class DisclosureInfoTable(Table):
    """公开10 部门决算公开相关信息统计表."""

    KIND = "部门决算公开相关信息统计表"
    TITLE_EN = "Related statistics of the final accounts disclosure"
    NUMBER = "10"
    TITLES = ("单位决算公开相关信息统计表", "部门决算相关信息统计表")
    COLUMNS = (_COLUMN,)
    PROCUREMENT_ROWS = (
        "政府采购合计",
        *_PROCUREMENT,
        "授予中小企业合同金额",
        "授予小微企业合同金额",
    )
    RUNNING_COST_ROWS = ("行政单位", "参照公务员法管理事业单位")
    VEHICLE_USES = _VEHICLE_USES
    #: Rows holding counts (vehicles, equipment), not money.
    COUNT_ROWS = ("车辆数合计", *_VEHICLE_USES, "单价100万元（含）以上设备")
    ROW_KEYS = (*PROCUREMENT_ROWS, *RUNNING_COST_ROWS, *COUNT_ROWS)
    EQUATIONS = (
        Equation(
            "R10-1",
            "政府采购合计 = 货物 + 工程 + 服务",
            "government procurement total = goods + works + services",
            total=("政府采购合计", _COLUMN),
            plus=tuple((k, _COLUMN) for k in _PROCUREMENT),
            source="layout of 公开10表 (R10-1)",
        ),
        Equation(
            "R10-3",
            "车辆数合计 = 各用途车辆数之和",
            "number of vehicles = sum over the uses (counts, exact)",
            total=("车辆数合计", _COLUMN),
            plus=tuple((k, _COLUMN) for k in _VEHICLE_USES),
            source="layout of 公开10表 (R10-3); 中办发〔2017〕71号 第三条",
        ),
    )

    def unit_of(self, key: str, column: str) -> Decimal:
        """Count rows are exact (``Decimal(0)``); money rows have the table's unit."""
        return Decimal(0) if key in self.COUNT_ROWS else self.unit
