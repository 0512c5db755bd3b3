"""One typed class per disclosure table kind, identified by title, not by number.

``Table.KINDS`` maps each canonical Chinese title to its class; :func:`kind_for_title`
identifies a printed title (with or without 公开NN表, 部门/单位, bracket and quote widths).
``T01`` … ``T10`` are the one set of short names for the ten kinds, by their number in the
central set (公开01表 … 公开10表); the document's own numbering is kept in ``TableMeta``.
"""

from __future__ import annotations

import functools

from govfin._lazy import lazy_pattern
from govfin.tables import hooks  # noqa: F401  (registers the tables' serialize hooks)
from govfin.tables.base import (
    CLASS_ROWS,
    Equation,
    Rollup,
    Row,
    RowBound,
    RowEquation,
    Table,
    TableError,
    TableMeta,
    _normalized_titles,
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
    "NAME_ENDINGS",
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
    "RowBound",
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
    "kind_after_name",
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


#: Words of a table's title.  What stands before a kind's title and holds one of the first
#: (or ends with one of the second) is more title ("一般公共预算财政拨款项目" before
#: "支出决算表"), not a department's name; names may hold the second ("统计局",
#: "水利建设项目管理服务中心", "社会保险基金管理中心", "非税收入管理局").
_TITLE_WORDS = lazy_pattern(r"决算|财政拨款|三公|表|[，,。；;：:、《》\"]")
_TITLE_ENDINGS = ("预算", "收入", "支出", "收支", "经费", "费", "项目", "基本", "基金", "资本",
                  "明细", "统计", "一般公共", "部门预算", "单位预算")
#: Longest department or unit name taken in front of a title (a unit named after its department,
#: with the department's second name in brackets, runs past 40 characters).
_MAX_NAME = 64
#: How the name of a department or unit ends (an institution word, or a bracketed part such as
#: "（本级）" after one).  What ends otherwise is the end of a title wrapped over two lines
#: ("…国有资本经营预算财政" / "拨款支出决算表"), not a name: "拨款" names no one.
NAME_ENDINGS = ("局", "委", "委员会", "办公室", "办", "室", "中心", "院", "所", "处", "站", "队",
                 "会", "部", "厅", "司", "署", "校", "馆", "社", "团", "政府", "街道", "镇", "乡",
                 "园", "场", "台", "公司", "集团", "宫", "库", "厂", "区", "市", "县", "省", "州",
                 "盟", "旗", "监狱", "本级", "机关",
                 "部门")  # "桂林市司法局部门“三公”经费情况统计表" (2015)
_BRACKETED_END = lazy_pattern(r"[（(][^（()）]*[)）]$")


def kind_after_name(title: str) -> type[Table] | None:
    """The kind whose title ends a printed title that has only a department's or unit's name
    (and year) in front: "泸州市中医医院2023年度收入支出决算总表"; None otherwise.

    The longest kind title that ends the printed one decides; when what stands before it holds
    a table word (:data:`_TITLE_WORDS`, :data:`_TITLE_ENDINGS`) the title names a table no kind models and the answer
    is None, never a shorter kind title ("一般公共预算财政拨款项目支出决算表" is not
    支出决算表).  A budget title two families share is left to
    :func:`govfin.tables.budget.budget_kind_for_title` (it needs the header).

    >>> kind_after_name("泸州市中医医院2023年度收入支出决算总表").KIND
    '收入支出决算总表'
    >>> kind_after_name("一般公共预算财政拨款项目支出决算表") is None
    True
    >>> kind_after_name("拨款支出决算表") is None  # the end of a title wrapped over two lines
    True
    """
    return _kind_after_name(normalize_title(title))


@functools.lru_cache(maxsize=1024)
def _kind_after_name(t: str) -> type[Table] | None:
    best: tuple[int, type[Table] | None] = (0, None)
    for cls in Table.KINDS.values():
        for v in _normalized_titles(cls):
            if best[0] < len(v) < len(t) and t.endswith(v):
                best = (len(v), cls)
    name = t[: len(t) - best[0]]
    if (best[1] is None or len(name) > _MAX_NAME or _TITLE_WORDS.search(name)
            or name.endswith(_TITLE_ENDINGS)
            or not _BRACKETED_END.sub("", name).endswith(NAME_ENDINGS)):
        return None
    if len({k for k in Table.KINDS.values() if k.matches_title(t[len(name):])}) > 1:
        return None
    return best[1]
