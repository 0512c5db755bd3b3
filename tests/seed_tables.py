"""The seed document's ten tables, built by hand from its printed figures.

Source: ``tests/data/seed_2024.txt`` (the shared seed ``000_812d051114547dcd.txt``):
朔州经济开发区管理委员会综合办公室, 2024年度部门决算, 公开01表–公开10表 (第二部分).
Everything here is typed in as Python values from the print, independently of any reader, so
that tests of the reader, the checks and the cross-table rules can compare against it::

    from seed_tables import seed_tables   # tests/ is on sys.path (pyproject: pythonpath)

Conventions (the same a reader follows):

- rows in printed order; for the two-sided 公开01/04表 the income side first;
- ``Row.name`` is the printed label without its list numbering (一、 / (一) / 1.), otherwise
  verbatim (bracket widths as printed);
- ``Row.values`` holds every printed column of the row; a blank cell (printed empty or "——")
  is ``None``; on 公开04表 the income rows have only the column ``金额``;
- tables printed with "说明：本表无数据" keep it as ``TableMeta.empty_note``; 公开07/08表 print an
  empty 合计 row, 公开09表 no data row at all.

The figures are the print's, residues included: Σ类 = 631.72 against 合计 631.71; 20103 =
340.18 + 205.00 = 545.18 against 545.19; 210 = 0.12 + 11.47 = 11.59 against 11.58; in 公开06表
301 = Σ款 = 308.73 against 308.72 and 303 = 31.57 against 31.56.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import TypeVar

from govfin.amounts import Unit
from govfin.tables import (
    BasicExpenditureDetail,
    DisclosureInfoTable,
    ExpenditureTable,
    FiscalAppropriationSummary,
    GeneralBudgetExpenditureTable,
    GovernmentFundTable,
    IncomeExpenditureSummary,
    IncomeTable,
    Row,
    StateCapitalTable,
    Table,
    TableMeta,
    ThreePublicTable,
)

__all__ = ["DEPARTMENT", "NO_DATA", "YEAR", "seed_table", "seed_tables"]

DEPARTMENT = "朔州经济开发区管理委员会综合办公室"
YEAR = 2024
NO_DATA = "本表无数据"

Amount = str | None
T = TypeVar("T", bound=Table)


def _meta(number: str, title: str, empty_note: str | None = None) -> TableMeta:
    return TableMeta(
        number=number,
        title=title,
        department=DEPARTMENT,
        year=YEAR,
        unit=Unit.WAN_YUAN,
        precision=Decimal("0.01"),
        empty_note=empty_note,
    )


def _values(columns: Sequence[str], amounts: Sequence[Amount]) -> dict[str, Decimal | None]:
    assert len(columns) == len(amounts), (columns, amounts)
    return {c: (Decimal(a) if a is not None else None) for c, a in zip(columns, amounts)}


def _coded(columns: Sequence[str], code: str, name: str, *amounts: Amount) -> Row:
    return Row(code, name, _values(columns, amounts), code=code)


def _line(columns: Sequence[str], key: str, name: str, *amounts: Amount) -> Row:
    return Row(key, name, _values(columns, amounts))


# -- the 类 rows of the two summary tables (公开01 and 公开04 print all 26) -----------------------

#: (code, printed name without the ordinal) of the 26 expenditure 类 rows, in printed order.
CLASSES: tuple[tuple[str, str], ...] = (
    ("201", "一般公共服务支出"),
    ("202", "外交支出"),
    ("203", "国防支出"),
    ("204", "公共安全支出"),
    ("205", "教育支出"),
    ("206", "科学技术支出"),
    ("207", "文化旅游体育与传媒支出"),
    ("208", "社会保障和就业支出"),
    ("210", "卫生健康支出"),
    ("211", "节能环保支出"),
    ("212", "城乡社区支出"),
    ("213", "农林水支出"),
    ("214", "交通运输支出"),
    ("215", "资源勘探工业信息等支出"),
    ("216", "商业服务业等支出"),
    ("217", "金融支出"),
    ("219", "援助其他地区支出"),
    ("220", "自然资源海洋气象等支出"),
    ("221", "住房保障支出"),
    ("222", "粮油物资储备支出"),
    ("223", "国有资本经营预算支出"),
    ("224", "灾害防治及应急管理支出"),
    ("229", "其他支出"),
    ("231", "债务还本支出"),
    ("232", "债务付息支出"),
    ("234", "抗疫特别国债安排的支出"),
)

#: The non-blank 类 amounts (all 一般公共预算财政拨款).
CLASS_AMOUNTS = {"201": "545.19", "208": "50.86", "210": "11.58", "221": "24.09"}


def table_01() -> IncomeExpenditureSummary:
    """公开01表 收入支出决算总表."""
    cols = IncomeExpenditureSummary.COLUMNS
    rows = [
        _line(cols, "一般公共预算财政拨款收入", "一般公共预算财政拨款收入", "631.71"),
        _line(cols, "政府性基金预算财政拨款收入", "政府性基金预算财政拨款收入", None),
        _line(cols, "国有资本经营预算财政拨款收入", "国有资本经营预算财政拨款收入", None),
        _line(cols, "上级补助收入", "上级补助收入", None),
        _line(cols, "事业收入", "事业收入", None),
        _line(cols, "经营收入", "经营收入", None),
        _line(cols, "附属单位上缴收入", "附属单位上缴收入", None),
        _line(cols, "其他收入", "其他收入", None),
        _line(cols, "本年收入合计", "本年收入合计", "631.71"),
        _line(cols, "使用非财政拨款结余", "使用非财政拨款结余（含专用结余）", None),
        _line(cols, "年初结转和结余", "年初结转和结余", "17.21"),
        _line(cols, "收入总计", "总计", "648.92"),
        *(_coded(cols, code, name, CLASS_AMOUNTS.get(code)) for code, name in CLASSES),
        _line(cols, "本年支出合计", "本年支出合计", "631.71"),
        _line(cols, "结余分配", "结余分配", None),
        _line(cols, "年末结转和结余", "年末结转和结余", "17.21"),
        _line(cols, "支出总计", "总计", "648.92"),
    ]
    return IncomeExpenditureSummary(rows, _meta("公开01表", "收入支出决算总表"))


# -- the functional tables 公开02, 03, 05 ----------------------------------------------------------

#: (code or None for 合计, printed name) of the rows of 公开02/03/05, in printed order.
_TREE: tuple[tuple[str | None, str], ...] = (
    (None, "合计"),
    ("201", "一般公共服务支出"),
    ("20103", "政府办公厅（室）及相关机构事务"),
    ("2010350", "事业运行"),
    ("2010399", "其他政府办公厅（室）及相关机构事务支出"),
    ("208", "社会保障和就业支出"),
    ("20805", "行政事业单位养老支出"),
    ("2080502", "事业单位离退休"),
    ("2080505", "机关事业单位基本养老保险缴费支出"),
    ("2080506", "机关事业单位职业年金缴费支出"),
    ("210", "卫生健康支出"),
    ("21007", "计划生育事务"),
    ("2100799", "其他计划生育事务支出"),
    ("21011", "行政事业单位医疗"),
    ("2101102", "事业单位医疗"),
    ("221", "住房保障支出"),
    ("22102", "住房改革支出"),
    ("2210201", "住房公积金"),
)

#: 本年合计 of each row of the tree (the same in 02, 03 and 05).
_TOTALS = (
    "631.71", "545.19", "545.19", "340.18", "205.00", "50.86", "50.86", "31.45", "19.32",
    "0.09", "11.58", "0.12", "0.12", "11.47", "11.47", "24.09", "24.09", "24.09",
)  # fmt: skip
#: 基本支出 / 项目支出 of each row (公开03 and 公开05).
_BASIC = (
    "349.97", "263.44", "263.44", "263.44", None, "50.86", "50.86", "31.45", "19.32",
    "0.09", "11.58", "0.12", "0.12", "11.47", "11.47", "24.09", "24.09", "24.09",
)  # fmt: skip
_PROJECT = (
    "281.74", "281.74", "281.74", "76.74", "205.00", None, None, None, None,
    None, None, None, None, None, None, None, None, None,
)  # fmt: skip


def _tree_rows(columns: Sequence[str], per_row: Sequence[Sequence[Amount]]) -> list[Row]:
    rows = []
    for (code, name), amounts in zip(_TREE, per_row, strict=True):
        if code is None:
            rows.append(_line(columns, "合计", name, *amounts))
        else:
            rows.append(_coded(columns, code, name, *amounts))
    return rows


def table_02() -> IncomeTable:
    """公开02表 收入决算表: all income is 财政拨款收入."""
    cols = IncomeTable.COLUMNS
    per_row = [(t, t, None, None, None, None, None) for t in _TOTALS]
    return IncomeTable(_tree_rows(cols, per_row), _meta("公开02表", "收入决算表"))


def table_03() -> ExpenditureTable:
    """公开03表 支出决算表."""
    cols = ExpenditureTable.COLUMNS
    per_row = [
        (t, b, p, None, None, None) for t, b, p in zip(_TOTALS, _BASIC, _PROJECT, strict=True)
    ]
    return ExpenditureTable(_tree_rows(cols, per_row), _meta("公开03表", "支出决算表"))


def table_04() -> FiscalAppropriationSummary:
    """公开04表 财政拨款收入支出决算总表."""
    inc = ("金额",)
    exp = FiscalAppropriationSummary.EXPENDITURE_COLUMNS

    def class_row(code: str, name: str) -> Row:
        amount = CLASS_AMOUNTS.get(code)
        return _coded(exp, code, name, amount, amount, None, None)

    rows = [
        _line(inc, "一般公共预算财政拨款", "一般公共预算财政拨款", "631.71"),
        _line(inc, "政府性基金预算财政拨款", "政府性基金预算财政拨款", None),
        _line(inc, "国有资本经营预算财政拨款", "国有资本经营预算财政拨款", None),
        _line(inc, "本年收入合计", "本年收入合计", "631.71"),
        _line(inc, "年初财政拨款结转和结余", "年初财政拨款结转和结余", "17.21"),
        _line(inc, "年初一般公共预算财政拨款", "一般公共预算财政拨款", "17.21"),
        _line(inc, "年初政府性基金预算财政拨款", "政府性基金预算财政拨款", None),
        _line(inc, "年初国有资本经营预算财政拨款", "国有资本经营预算财政拨款", None),
        _line(inc, "收入总计", "总计", "648.92"),
        *(class_row(code, name) for code, name in CLASSES),
        _line(exp, "本年支出合计", "本年支出合计", "631.71", "631.71", None, None),
        _line(
            exp, "年末财政拨款结转和结余", "年末财政拨款结转和结余", "17.21", "17.21", None, None
        ),
        _line(exp, "支出总计", "总计", "648.92", "648.92", None, None),
    ]
    return FiscalAppropriationSummary(rows, _meta("公开04表", "财政拨款收入支出决算总表"))


def table_05() -> GeneralBudgetExpenditureTable:
    """公开05表 一般公共预算财政拨款支出决算表 (合计 is printed as 小计)."""
    cols = GeneralBudgetExpenditureTable.COLUMNS
    per_row = list(zip(_TOTALS, _BASIC, _PROJECT, strict=True))
    return GeneralBudgetExpenditureTable(
        _tree_rows(cols, per_row), _meta("公开05表", "一般公共预算财政拨款支出决算表")
    )


# -- 公开06 -----------------------------------------------------------------------------------------

#: (code, printed name, 决算数) in printed order, block by block (人员经费, then the three
#: 公用经费 blocks).  "——" cells (309, 311 and their 款) are blank.
ECONOMIC_ROWS: tuple[tuple[str, str, Amount], ...] = (
    ("301", "工资福利支出", "308.72"),
    ("30101", "基本工资", "67.13"),
    ("30102", "津贴补贴", "9.90"),
    ("30103", "奖金", None),
    ("30106", "伙食补助费", None),
    ("30107", "绩效工资", "54.23"),
    ("30108", "机关事业单位基本养老保险缴费", "19.32"),
    ("30109", "职业年金缴费", "0.09"),
    ("30110", "职工基本医疗保险缴费", "11.47"),
    ("30111", "公务员医疗补助缴费", None),
    ("30112", "其他社会保障缴费", None),
    ("30113", "住房公积金", "24.09"),
    ("30114", "医疗费", None),
    ("30199", "其他工资福利支出", "122.50"),
    ("303", "对个人和家庭的补助", "31.56"),
    ("30301", "离休费", None),
    ("30302", "退休费", "31.45"),
    ("30303", "退职（役）费", None),
    ("30304", "抚恤金", None),
    ("30305", "生活补助", None),
    ("30306", "救济费", None),
    ("30307", "医疗费补助", None),
    ("30308", "助学金", None),
    ("30309", "奖励金", "0.12"),
    ("30310", "个人农业生产补贴", None),
    ("30311", "代缴社会保险费", None),
    ("30399", "其他对个人和家庭的补助", None),
    ("302", "商品和服务支出", "9.69"),
    ("30201", "办公费", "2.99"),
    ("30202", "印刷费", None),
    ("30203", "咨询费", None),
    ("30204", "手续费", None),
    ("30205", "水费", None),
    ("30206", "电费", None),
    ("30207", "邮电费", "6.70"),
    ("30208", "取暖费", None),
    ("30209", "物业管理费", None),
    ("30211", "差旅费", None),
    ("30212", "因公出国（境）费用", None),
    ("30213", "维修（护）费", None),
    ("30214", "租赁费", None),
    ("30215", "会议费", None),
    ("30216", "培训费", None),
    ("30217", "公务接待费", None),
    ("30218", "专用材料费", None),
    ("30224", "被装购置费", None),
    ("30225", "专用燃料费", None),
    ("30226", "劳务费", None),
    ("30227", "委托业务费", None),
    ("30228", "工会经费", None),
    ("30229", "福利费", None),
    ("30231", "公务用车运行维护费", None),
    ("30239", "其他交通费用", None),
    ("30240", "税金及附加费用", None),
    ("30299", "其他商品和服务支出", None),
    ("307", "债务利息及费用支出", None),
    ("30701", "国内债务付息", None),
    ("30702", "国外债务付息", None),
    ("30703", "国内债务发行费用", None),
    ("30704", "国外债务发行费用", None),
    ("309", "资本性支出（基本建设）", None),
    ("30901", "房屋建筑物购建", None),
    ("30902", "办公设备购置", None),
    ("30903", "专用设备购置", None),
    ("30905", "基础设施建设", None),
    ("30906", "大型修缮", None),
    ("30907", "信息网络及软件购置更新", None),
    ("30908", "物资储备", None),
    ("30913", "公务用车购置", None),
    ("30919", "其他交通工具购置", None),
    ("30921", "文物和陈列品购置", None),
    ("30922", "无形资产购置", None),
    ("30999", "其他基本建设支出", None),
    ("310", "资本性支出", None),
    ("31001", "房屋建筑物购建", None),
    ("31002", "办公设备购置", None),
    ("31003", "专用设备购置", None),
    ("31005", "基础设施建设", None),
    ("31006", "大型修缮", None),
    ("31007", "信息网络及软件购置更新", None),
    ("31008", "物资储备", None),
    ("31009", "土地补偿", None),
    ("31010", "安置补助", None),
    ("31011", "地上附着物和青苗补偿", None),
    ("31012", "拆迁补偿", None),
    ("31013", "公务用车购置", None),
    ("31019", "其他交通工具购置", None),
    ("31021", "文物和陈列品购置", None),
    ("31022", "无形资产购置", None),
    ("31099", "其他资本性支出", None),
    ("311", "对企业补助（基本建设）", None),
    ("31101", "资本金注入（基本建设）", None),
    ("31199", "其他对企业补助", None),
    ("312", "对企业补助", None),
    ("31201", "资本金注入", None),
    ("31203", "政府投资基金股权投资", None),
    ("31204", "费用补贴", None),
    ("31205", "利息补贴", None),
    ("31206", "其他资本性补助", None),
    ("31299", "其他对企业补助", None),
    ("313", "对社会保障基金补助", None),
    ("31302", "对社会保险基金补助", None),
    ("31303", "补充全国社会保障基金", None),
    ("31304", "对机关事业单位职业年金的补助", None),
    ("399", "其他支出", None),
    ("39907", "国家赔偿费用支出", None),
    ("39908", "对民间非营利组织和群众性自治组织补贴", None),
    ("39909", "经常性赠与", None),
    ("39910", "资本性赠与", None),
    ("39999", "其他支出", None),
)


def table_06() -> BasicExpenditureDetail:
    """公开06表 一般公共预算财政拨款基本支出决算明细表."""
    cols = BasicExpenditureDetail.COLUMNS
    rows = [_coded(cols, code, name, amount) for code, name, amount in ECONOMIC_ROWS]
    rows.append(_line(cols, "人员经费合计", "人员经费合计", "340.28"))
    rows.append(_line(cols, "公用经费合计", "公用经费合计", "9.69"))
    return BasicExpenditureDetail(rows, _meta("公开06表", "一般公共预算财政拨款基本支出决算明细表"))


# -- the empty tables 公开07, 08, 09 -------------------------------------------------------------


def table_07() -> GovernmentFundTable:
    """公开07表: an empty 合计 row, "说明：本表无数据"."""
    cols = GovernmentFundTable.COLUMNS
    return GovernmentFundTable(
        [_line(cols, "合计", "合计", *([None] * len(cols)))],
        _meta("公开07表", "政府性基金预算财政拨款收入支出决算表", NO_DATA),
    )


def table_08() -> StateCapitalTable:
    """公开08表: an empty 合计 row, "说明：本表无数据"."""
    cols = StateCapitalTable.COLUMNS
    return StateCapitalTable(
        [_line(cols, "合计", "合计", *([None] * len(cols)))],
        _meta("公开08表", "国有资本经营预算财政拨款支出决算表", NO_DATA),
    )


def table_09() -> ThreePublicTable:
    """公开09表: header and 栏次 only, no data row; "说明：本表无数据"."""
    return ThreePublicTable((), _meta("公开09表", "财政拨款“三公”经费支出决算表", NO_DATA))


# -- 公开10 -----------------------------------------------------------------------------------------


def table_10() -> DisclosureInfoTable:
    """公开10表 部门决算公开相关信息统计表 (the 中小企业 lines are not printed in this table)."""
    cols = DisclosureInfoTable.COLUMNS
    printed = (
        ("政府采购合计", "合计", "2.74"),
        ("货物", "货物", "2.74"),
        ("工程", "工程", None),
        ("服务", "服务", None),
        ("行政单位", "行政单位", None),
        ("参照公务员法管理事业单位", "参照公务员法管理事业单位", None),
        ("车辆数合计", "车辆数合计(辆)", None),
        ("副部（省）级及以上领导用车", "副部(省)级及以上领导用车", None),
        ("主要负责人用车", "主要负责人用车", None),
        ("机要通信用车", "机要通信用车", None),
        ("应急保障用车", "应急保障用车", None),
        ("执法执勤用车", "执法执勤用车", None),
        ("特种专业技术用车", "特种专业技术用车", None),
        ("离退休干部服务用车", "离退休干部服务用车", None),
        ("其他用车", "其他用车", None),
        ("单价100万元（含）以上设备", "单价100万元(含)以上设备(不含车辆)", None),
    )
    return DisclosureInfoTable(
        [_line(cols, key, name, amount) for key, name, amount in printed],
        _meta("公开10表", "部门决算公开相关信息统计表"),
    )


_BUILDERS = (
    table_01, table_02, table_03, table_04, table_05,
    table_06, table_07, table_08, table_09, table_10,
)  # fmt: skip


def seed_tables() -> tuple[Table, ...]:
    """The ten tables of the seed document, 公开01表 to 公开10表, in printed order."""
    return tuple(build() for build in _BUILDERS)


def seed_table(cls: type[T]) -> T:
    """The seed's table of one kind."""
    for t in seed_tables():
        if isinstance(t, cls):
            return t
    raise KeyError(cls.KIND)
