"""What every 部门预算 (budget) table kind shares: family, role, titles, "where printed" relations.

A budget kind is a :class:`~govfin.tables.base.Table` with ``DOCUMENT = "预算"`` and, as class
data:

- ``FAMILY``: the layout family it belongs to — :data:`SHANGHAI` (9 tables, amounts in 元, the
  三公 table in 万元), :data:`JIANGSU` (12 tables in 万元) or :data:`CENTRAL` (the central
  template most provinces follow, in 万元);
- ``ROLE``: what the table is for, the same word in every family (:data:`ROLES`), so that a
  cross-table rule can ask a disclosure for "the 一般公共预算 functional table" of whichever
  family it is;
- ``UNIT``: the unit the family prints this table in (the reader keeps the printed one in
  :class:`~govfin.tables.base.TableMeta`; :func:`budget_meta` builds a meta from it);
- ``PRINTED_ROW_EQUATIONS``: row equations that hold *where printed*: a row whose parts are all
  blank is not checked (the 部门 version of a table prints only the total of a split the 单位
  version prints; 基本支出 = 人员经费 + 公用经费 only where the split is printed);
- ``CHANGE_ROWS``: ``(本年, 上年, 增减)`` row keys when the table compares this year with the
  last: 本年 − 上年 = 增减 in every column where 增减 is printed.

Titles: a budget title carries the year, the department ("江苏省人民检察院", "部门", "单位",
"预算单位") and the document's numbering ("一、", "表一", "4．"); :func:`budget_kind_for_title`
strips them and matches the *longest* declared title that ends the printed one.  Two families
print the same title for different layouts (收入预算总表, 支出预算总表, 财政拨款收支预算总表 in
Shanghai and Jiangsu): those kinds declare ``HEADER_CUES``, words of the table's header that only
their layout prints, and :func:`budget_kind_for_title` takes the header text to choose.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import ClassVar

from govfin.amounts import Unit
from govfin.errors import ArgumentTypeError
from govfin.tables.base import RowEquation, Table, TableMeta, normalize_title

__all__ = [
    "CENTRAL",
    "FAMILIES",
    "JIANGSU",
    "ROLES",
    "SHANGHAI",
    "BudgetTable",
    "budget_kind_for_title",
    "budget_kinds",
    "budget_meta",
    "budget_title_key",
    "title_candidates",
]

SHANGHAI = "上海"
JIANGSU = "江苏"
CENTRAL = "中央模板"
FAMILIES = (SHANGHAI, JIANGSU, CENTRAL)

#: Roles of budget tables, the same in every family (not every family prints every role).
ROLES = (
    "summary",  # 收支总表: all income by source, all expenditure by 类 (and by purpose)
    "income",  # 收入总表
    "expenditure",  # 支出总表
    "appropriation_summary",  # 财政拨款收支总表
    "appropriation_expenditure",  # 财政拨款支出表 (Jiangsu)
    "appropriation_basic",  # 财政拨款基本支出表 (Jiangsu)
    "general",  # 一般公共预算支出 by 功能分类
    "general_basic",  # 一般公共预算基本支出 by 经济分类
    "fund",  # 政府性基金预算支出
    "capital",  # 国有资本经营预算支出
    "three_public",  # "三公"经费 (with 会议费/培训费 or 机关运行经费 where printed)
    "running",  # 机关运行经费 by 经济分类 (Jiangsu)
    "procurement",  # 政府采购 (Jiangsu)
)

#: Printed words that stand before the kind's own title and are not part of it.
_PREFIX = re.compile(
    r"^(?:表[一二三四五六七八九十]+|[一二三四五六七八九十]+[、.．]|\d+[、.．]|第\d+表)"
)
_QUOTE_MARKS = str.maketrans("", "", '"“”＂')


def budget_title_key(title: str) -> str:
    """A printed title reduced for matching: no spaces, year, numbering, quotes, "（一般公共预算）".

    >>> budget_title_key("十一、2017年江苏省高级人民法院部门一般公共预算“三公”经费、会议费、培训费支出预算表")
    '江苏省高级人民法院部门一般公共预算三公经费、会议费、培训费支出预算表'
    >>> budget_title_key("4．2025年部门财政拨款收支预算总表")
    '部门财政拨款收支预算总表'
    """
    s = normalize_title(title).translate(_QUOTE_MARKS)
    s = _PREFIX.sub("", s)
    return s


def budget_kinds() -> tuple[type[BudgetTable], ...]:
    """Every registered budget kind (``DOCUMENT == "预算"``), in registration order."""
    return tuple(
        c for c in Table.KINDS.values() if issubclass(c, BudgetTable) and c.DOCUMENT == "预算"
    )


@functools.lru_cache(maxsize=1)
def _title_index() -> tuple[tuple[str, type[BudgetTable]], ...]:
    """(title key, kind), longest key first."""
    pairs = [(budget_title_key(t), k) for k in budget_kinds() for t in (k.KIND, *k.TITLES)]
    pairs = [(t, k) for t, k in pairs if t]
    return tuple(sorted(dict.fromkeys(pairs), key=lambda p: -len(p[0])))


def title_candidates(title: str) -> tuple[type[BudgetTable], ...]:
    """The budget kinds declaring the longest title that ends the printed one (usually one)."""
    key = budget_title_key(title)
    best: list[type[BudgetTable]] = []
    best_len = 0
    for t, kind in _title_index():
        if len(t) < best_len:
            break
        if key.endswith(t) and _only_department_before(key[: len(key) - len(t)]):
            best_len = len(t)
            if kind not in best:
                best.append(kind)
    return tuple(best)


def budget_kind_for_title(title: str, header: str = "") -> type[BudgetTable] | None:
    """The budget kind a printed title names (None when it names none).

    The longest declared title that ends the printed one wins ("财政拨款收支预算总表" is not
    "收支预算总表").  When several kinds declare that title, ``header`` (the table's header
    text) chooses by their ``HEADER_CUES``; without a header, the first declared wins.

    >>> budget_kind_for_title("一、2017年度江苏省高级人民法院部门收支预算总表").KIND
    '收支预算总表'
    >>> budget_kind_for_title("2025年部门收入预算总表", "功能分类科目编码 合计 财政拨款收入").FAMILY
    '上海'
    >>> budget_kind_for_title("二、收入预算总表", "项目名称 金额 收入总计").FAMILY
    '江苏'
    """
    best = title_candidates(title)
    if not best:
        return None
    if len(best) > 1 and header:
        h = "".join(header.split()).translate(_QUOTE_MARKS)
        for kind in best:
            if kind.HEADER_CUES and all(c in h for c in kind.HEADER_CUES):
                return kind
    return best[0]


def _only_department_before(prefix: str) -> bool:
    """What stands before a matched title may be a department's name, never more table words."""
    return not prefix.endswith(("预算", "支出", "收入", "财政拨款", "一般公共", "经费"))


class BudgetTable(Table):
    """Base of every 部门预算 table kind (see the module docstring for the class data)."""

    DOCUMENT = "预算"
    FAMILY: ClassVar[str] = ""
    ROLE: ClassVar[str] = ""
    UNIT: ClassVar[Unit] = Unit.WAN_YUAN
    #: Words of the header only this kind's layout prints (to tell same-titled kinds apart).
    HEADER_CUES: ClassVar[tuple[str, ...]] = ()
    PRINTED_ROW_EQUATIONS: ClassVar[tuple[RowEquation, ...]] = ()
    CHANGE_ROWS: ClassVar[tuple[str, str, str] | None] = None
    #: Printed label -> row key (labels as printed, spaces and enumerators removed).
    LABEL_ALIASES: ClassVar[Mapping[str, str]] = MappingProxyType({})
    #: Other printed names of the money columns (see :attr:`Table.COLUMN_ALIASES`): a one-figure
    #: column is printed 金额 or 预算数 (Shanghai, the central template), 本年预算数 beside
    #: 上年预算数 (Beijing, Guangdong …); the three budget types with 拨款 / 财政拨款 / 资金 after
    #: them, as 部门收支总表 / 财政拨款收支总表 of the central template and Shanghai print them.
    COLUMN_ALIASES: ClassVar[dict[str, tuple[str, ...]]] = {
        "金额": ("预算数", "本年预算数", "本年预算", "预算金额", "年初预算数", "本年预算金额",
                 "预算数（万元）", "预算数（元）"),
        "合计": ("预算数", "本年预算数", "总计", "预算数（万元）", "预算数（元）"),
        "一般公共预算": ("一般公共预算拨款", "一般公共预算财政拨款", "一般公共预算资金"),
        "政府性基金预算": ("政府性基金预算拨款", "政府性基金预算财政拨款", "政府性基金",
                           "政府性基金预算资金"),
        "国有资本经营预算": ("国有资本经营预算拨款", "国有资本经营预算财政拨款",
                             "国有资本经营预算资金"),
    }
    #: The money column holding a row's total (the column other tables compare against).
    TOTAL_COLUMN: ClassVar[str] = "合计"

    @classmethod
    def matches_title(cls, title: str) -> bool:
        """Does a printed title name this kind (year, department and numbering ignored)?

        A title two families share names both kinds; the header tells them apart
        (:func:`budget_kind_for_title`)."""
        return cls in title_candidates(title)

    @classmethod
    def default_meta(cls, **kwargs: object) -> TableMeta:
        """A :class:`TableMeta` in the family's unit for this kind (``budget_meta(cls)``)."""
        return budget_meta(cls, **kwargs)


def budget_meta(kind: type[BudgetTable], **kwargs: object) -> TableMeta:
    """Metadata for a table of ``kind`` in its family's unit: 元 tables are kept to whole 元
    (precision 1), 万元 tables to 0.01.  Keyword arguments override (year, department...)."""
    unit = kwargs.pop("unit", kind.UNIT)
    if not isinstance(unit, Unit):
        raise ArgumentTypeError(f"unit must be a Unit, got {unit!r}")
    precision = kwargs.pop("precision", Decimal(1) if unit is Unit.YUAN else Decimal("0.01"))
    return TableMeta(unit=unit, precision=precision, title=kind.KIND, **kwargs)  # type: ignore[arg-type]
