"""The 项目支出绩效自评表 (project expenditure performance self-evaluation) as typed values.

One :class:`ProjectEvaluation` per printed table: header (项目名称, 主管部门及代码, 预算单位),
the fund lines (资金总额 first, then one per source such as 市县区财政资金), the 年度目标 and
实际完成情况, the indicator rows, 总分 and the grade (优/良/中/差).

Precision (the unit of the last place, whatever digits are printed):

- money in 万元 to 0.001 (:data:`MONEY_UNIT`): ``"35"`` is 35.000;
- 执行率 in percent and every score (得分, 分值, 总分) to 0.01 (:data:`RATE_UNIT`, :data:`SCORE_UNIT`).

Values are validated at the boundary: money through :func:`govfin.amounts.to_decimal` (a
``float`` raises ``TypeError``), and a value with more decimals than its precision raises
``ValueError`` (round it when reading, never here).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from decimal import Decimal
from typing import Any, ClassVar

import attrs

from govfin._lazy import frozen
from govfin.amounts import to_decimal
from govfin.errors import ArgumentTypeError, ArgumentValueError, NotFoundError
from govfin.findings import Cell, Place
from govfin.performance.targets import Outcome, Target, classify_outcome, parse_actual, parse_target

__all__ = [
    "ANALYSIS_ROW",
    "FUND_COLUMNS",
    "MONEY_UNIT",
    "RATE_UNIT",
    "SCORE_UNIT",
    "TABLE_PREFIX",
    "TOTAL_ROW",
    "AnalysisParagraph",
    "FundLine",
    "Indicator",
    "ProjectEvaluation",
]

#: Last-place unit of money (万元) in a 绩效自评表.
MONEY_UNIT = Decimal("0.001")
#: Last-place unit of 执行率 (percent).
RATE_UNIT = Decimal("0.01")
#: Last-place unit of scores (得分, 分值, 总分).
SCORE_UNIT = Decimal("0.01")

#: Table label prefix: a finding's table is ``f"{TABLE_PREFIX}:{project}"``.
TABLE_PREFIX = "项目支出绩效自评表"
#: Row label of the 总分 line.
TOTAL_ROW = "总分"
#: Row label of the 项目绩效分析 paragraphs.
ANALYSIS_ROW = "项目绩效分析"

#: FundLine attribute -> printed column label (the Place column of its cells).
FUND_COLUMNS: dict[str, str] = {
    "declared": "目标申报数",
    "initial_budget": "预算编制数",
    "annual_budget": "全年预算数",
    "executed": "全年执行数",
    "balance": "资金结(转)余",
    "rate": "执行率",
    "score": "得分",
    "weight": "分值",
}

_UNITS: dict[str, Decimal] = {
    "declared": MONEY_UNIT,
    "initial_budget": MONEY_UNIT,
    "annual_budget": MONEY_UNIT,
    "executed": MONEY_UNIT,
    "balance": MONEY_UNIT,
    "rate": RATE_UNIT,
    "score": SCORE_UNIT,
    "weight": SCORE_UNIT,
}


#: Indicator attribute -> printed column label.
_INDICATOR_COLUMNS: dict[str, str] = {"score": "得分", "weight": "分值"}


def _decimal(value: object, unit: Decimal, what: str) -> Decimal | None:
    d = to_decimal(value, where=what)
    if d is not None and d != d.quantize(unit):
        raise ArgumentValueError(f"{what}: {d} has more decimals than its precision {unit}")
    return d


def _money(value: object) -> Decimal | None:
    """Money in 万元, to 0.001."""
    return _decimal(value, MONEY_UNIT, "money (万元, to 0.001)")


def _rate(value: object) -> Decimal | None:
    """执行率 in percent, to 0.01."""
    return _decimal(value, RATE_UNIT, "执行率 (percent, to 0.01)")


def _score(value: object) -> Decimal | None:
    """A score or weight, to 0.01."""
    return _decimal(value, SCORE_UNIT, "score (to 0.01)")


def _required_score(value: object) -> Decimal:
    d = _score(value)
    if d is None:
        raise ArgumentValueError("分值 must not be blank")
    return d


def _text(value: object) -> str:
    if isinstance(value, str):
        return value.strip()
    if value is None:
        return ""
    raise ArgumentTypeError(f"expected str, got {type(value).__name__}: {value!r}")


def _optional_text(value: object) -> str | None:
    if value is None:
        return None
    t = _text(value)
    return t or None


def _source(value: object) -> str:
    t = _text(value).rstrip(":：").strip()
    if not t:
        raise ArgumentValueError("FundLine.source must not be empty")
    return t


def _optional_int(value: object, what: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise ArgumentTypeError(f"{what} must be an int, got {value!r}")
    return value


def _year(value: object) -> int | None:
    return _optional_int(value, "year")


def _line(value: object) -> int | None:
    return _optional_int(value, "line")


@frozen
class FundLine:
    """One line of 项目资金预算安排及执行进度 (万元): 资金总额, or one funding source.

    ``rate`` is the printed 执行率 in percent (``Decimal("29.94")``); ``score`` its 得分 and
    ``weight`` the 分值 of the line (10 in the 2020 template, where it is usually not printed).
    ``source`` is the row label without its trailing colon (``"资金总额"``).
    """

    source: str = attrs.field(converter=_source)
    declared: Decimal | None = attrs.field(default=None, converter=_money)
    initial_budget: Decimal | None = attrs.field(default=None, converter=_money)
    annual_budget: Decimal | None = attrs.field(default=None, converter=_money)
    executed: Decimal | None = attrs.field(default=None, converter=_money)
    balance: Decimal | None = attrs.field(default=None, converter=_money)
    rate: Decimal | None = attrs.field(default=None, converter=_rate)
    score: Decimal | None = attrs.field(default=None, converter=_score)
    weight: Decimal = attrs.field(default=Decimal(10), converter=_required_score)
    deviation: str = attrs.field(default="", converter=_text)
    line: int | None = attrs.field(default=None, eq=False, converter=_line)

    #: attribute -> printed column label
    COLUMNS: ClassVar[dict[str, str]] = FUND_COLUMNS

    @weight.validator
    def _check_weight(self, _: attrs.Attribute[Decimal], value: Decimal) -> None:
        if value < 0:
            raise ArgumentValueError(f"分值 must not be negative: {value}")

    @property
    def is_total(self) -> bool:
        """True for the 资金总额 line."""
        return self.source == "资金总额"


@frozen
class Indicator:
    """One 绩效指标 row: 一级/二级/三级指标, values as printed, 分值 and 得分.

    ``initial_value``, ``target`` and ``actual`` are 年初指标值, 调整后指标值 (全年指标值) and
    实际完成值, verbatim (possibly truncated by the column width).  ``score`` is ``None`` for
    a blank 得分 cell (counted as 0 in the 总分).
    """

    level1: str = attrs.field(converter=_text)
    level2: str = attrs.field(default="", converter=_text)
    level3: str = attrs.field(default="", converter=_text)
    initial_value: str = attrs.field(default="", converter=_text)
    target: str = attrs.field(default="", converter=_text)
    actual: str = attrs.field(default="", converter=_text)
    note: str = attrs.field(default="", converter=_text)
    weight: Decimal | None = attrs.field(default=None, converter=_score)
    score: Decimal | None = attrs.field(default=None, converter=_score)
    reason: str = attrs.field(default="", converter=_text)
    line: int | None = attrs.field(default=None, eq=False, converter=_line)

    @weight.validator
    def _check_weight(self, _: attrs.Attribute[Decimal | None], value: Decimal | None) -> None:
        if value is not None and value < 0:
            raise ArgumentValueError(f"分值 must not be negative: {value}")

    @property
    def name(self) -> str:
        """The indicator's row label: its 三级指标, else the 二级 or 一级 name."""
        return self.level3 or self.level2 or self.level1

    @property
    def parsed_target(self) -> Target | None:
        """The target as operator/number/unit, or ``None`` when qualitative.

        The 调整后指标值 when printed, else the 年初指标值.  Parsed on each read; the rules
        read :attr:`quantities`, computed once.
        """
        return parse_target(self.target or self.initial_value)

    @property
    def parsed_actual(self) -> Target | None:
        """The 实际完成值 as operator/number/unit, or ``None`` when qualitative (parsed on
        each read, as :attr:`parsed_target`)."""
        return parse_actual(self.actual)

    # The rules read these on every check, so they are computed once per indicator (it is
    # immutable).  Each is derived in one step, not from another cached attribute: the first
    # read of a cached attribute is itself costly (attrs reaches it through ``__getattr__``).
    @functools.cached_property
    def quantities(self) -> tuple[Target, Target] | None:
        """The parsed target and actual when both carry a number and the target an operator:
        the score then follows a formula (R3-5…R3-7); else ``None``."""
        return _quantities(self)

    @property
    def quantitative(self) -> bool:
        """Both target and actual carry a number: the score follows a formula (R3-5…R3-7)."""
        return self.quantities is not None

    @functools.cached_property
    def outcome(self) -> Outcome | None:
        """The qualitative outcome printed in 实际完成值 (else in 定性指标情况说明), if any."""
        return _outcome(self)


def _quantities(ind: Indicator) -> tuple[Target, Target] | None:
    """:attr:`Indicator.quantities`, derived."""
    t = parse_target(ind.target or ind.initial_value)
    if t is None or t.number is None or t.direction is None:
        return None  # the actual need not be parsed
    # An actual printed as the target ("≥95%" for "≥95%") reads as the target does (a text
    # with an operator parses alike as target and as actual).
    a = t if ind.actual == t.text else parse_actual(ind.actual)
    if a is None or a.number is None:
        return None
    return t, a


def _outcome(ind: Indicator) -> Outcome | None:
    """:attr:`Indicator.outcome`, derived."""
    return classify_outcome(ind.actual) or classify_outcome(ind.note)


#: An indicator with its :attr:`~Indicator.quantities` and, when it has none, its
#: :attr:`~Indicator.outcome` (``None`` for a quantitative one): see
#: :attr:`ProjectEvaluation.indicator_values`.
IndicatorValues = tuple[Indicator, tuple[Target, Target] | None, Outcome | None]


@frozen
class AnalysisParagraph:
    """One paragraph of the 项目绩效分析 (自评结果分析) rows: ``heading`` as printed
    ("项目立项和预算执行情况", "产出情况及分析"; ``""`` when the row prints none) and its
    ``text`` (white space removed, truncations kept)."""

    heading: str = attrs.field(converter=_text)
    text: str = attrs.field(converter=_text)
    line: int | None = attrs.field(default=None, eq=False, converter=_line)


def _items(value: Iterable[Any], cls: type) -> tuple[Any, ...]:
    if isinstance(value, (str, bytes)):
        raise ArgumentTypeError(f"expected a sequence of {cls.__name__}, got {type(value).__name__}")
    items = tuple(value)
    for item in items:
        if not isinstance(item, cls):
            raise ArgumentTypeError(f"expected {cls.__name__}, got {type(item).__name__}: {item!r}")
    return items


def _fund_lines(value: Iterable[FundLine]) -> tuple[FundLine, ...]:
    return _items(value, FundLine)


def _indicator_rows(value: Iterable[Indicator]) -> tuple[Indicator, ...]:
    return _items(value, Indicator)


def _paragraphs(value: Iterable[AnalysisParagraph]) -> tuple[AnalysisParagraph, ...]:
    return _items(value, AnalysisParagraph)


@frozen
class ProjectEvaluation:
    """A 项目支出绩效自评表.

    ``funds[0]`` is the 资金总额 line, the others each funding source.  ``total_score`` is the
    printed 总分 and ``grade`` the printed 等级 (优/良/中/差).  ``line`` is the source line of
    the table's title when read from text.

    ``analysis`` holds the 项目绩效分析 paragraphs (commentary whose figures restate the
    table's; checked by rule N-perf-analysis).  Like ``line`` it does not take part in
    equality: two evaluations with the same printed figures are equal whatever their
    commentary (and a hand-typed evaluation need not retype it).
    """

    project: str = attrs.field(converter=_text)
    department: str | None = attrs.field(default=None, converter=_optional_text)
    department_code: str | None = attrs.field(default=None, converter=_optional_text)
    budget_unit: str | None = attrs.field(default=None, converter=_optional_text)
    budget_unit_code: str | None = attrs.field(default=None, converter=_optional_text)
    year: int | None = attrs.field(default=None, converter=_year)
    funds: tuple[FundLine, ...] = attrs.field(default=(), converter=_fund_lines)
    goal: str = attrs.field(default="", converter=_text)
    achieved: str = attrs.field(default="", converter=_text)
    indicators: tuple[Indicator, ...] = attrs.field(default=(), converter=_indicator_rows)
    total_score: Decimal | None = attrs.field(default=None, converter=_score)
    grade: str | None = attrs.field(default=None, converter=_optional_text)
    line: int | None = attrs.field(default=None, eq=False, converter=_line)
    analysis: tuple[AnalysisParagraph, ...] = attrs.field(
        default=(), eq=False, converter=_paragraphs
    )

    @project.validator
    def _check_project(self, _: attrs.Attribute[str], value: str) -> None:
        if not value:
            raise ArgumentValueError("ProjectEvaluation.project (项目名称) must not be empty")

    # -- places and cells ---------------------------------------------------------------------
    @property
    def table(self) -> str:
        """The table label used in findings: ``"项目支出绩效自评表:办公用品"``."""
        return f"{TABLE_PREFIX}:{self.project}"

    def place(
        self, row: str | None = None, column: str | None = None, line: int | None = None
    ) -> Place:
        """A place in this table."""
        return Place(self.table, row, column, line)

    @property
    def total_line(self) -> FundLine | None:
        """The 资金总额 line (the first fund line), if any."""
        return self.funds[0] if self.funds else None

    @property
    def sources(self) -> tuple[FundLine, ...]:
        """The per-source fund lines (after 资金总额)."""
        return self.funds[1:]

    def fund_place(self, fund: FundLine, attr: str) -> Place:
        """Where ``fund``'s field ``attr`` (``"executed"``, ``"rate"``, ...) is printed."""
        try:
            column = FUND_COLUMNS[attr]
        except KeyError:
            raise NotFoundError(f"FundLine has no money/score column {attr!r}") from None
        return self.place(fund.source, column, fund.line)

    def fund_cell(self, fund: FundLine, attr: str) -> Cell:
        """The cell of ``fund``'s field ``attr`` (``"executed"``, ``"rate"``, ...)."""
        return Cell(self.fund_place(fund, attr), getattr(fund, attr), _UNITS[attr])

    def indicator_place(self, indicator: Indicator, attr: str) -> Place:
        """Where ``indicator``'s ``"score"`` (得分) or ``"weight"`` (分值) is printed."""
        column = _INDICATOR_COLUMNS.get(attr)
        if column is None:
            raise NotFoundError(f"Indicator has no numeric column {attr!r}")
        return self.place(indicator.name, column, indicator.line)

    def indicator_cell(self, indicator: Indicator, attr: str) -> Cell:
        """The cell of ``indicator``'s ``"score"`` (得分) or ``"weight"`` (分值)."""
        return Cell(self.indicator_place(indicator, attr), getattr(indicator, attr), SCORE_UNIT)

    def total_cell(self) -> Cell:
        """The printed 总分."""
        return Cell(self.place(TOTAL_ROW, "得分"), self.total_score, SCORE_UNIT)

    def grade_place(self) -> Place:
        """Where the printed grade sits."""
        return self.place(TOTAL_ROW, "等级")

    def analysis_place(self, paragraph: AnalysisParagraph) -> Place:
        """Where a 项目绩效分析 paragraph is printed: row 项目绩效分析, column its heading."""
        return self.place(ANALYSIS_ROW, paragraph.heading or ANALYSIS_ROW, paragraph.line)

    # -- derived ------------------------------------------------------------------------------
    @functools.cached_property
    def indicator_values(self) -> tuple[IndicatorValues, ...]:
        """Each indicator, in order, with its :attr:`~Indicator.quantities` and, when it has
        none (a qualitative indicator), its :attr:`~Indicator.outcome` (else ``None``): what
        the scoring rules (E-qualitative, E-quantitative) read, derived once per table.  One
        cached attribute of the table, not two of every row: the first read of a cached
        attribute is itself costly (attrs reaches it through ``__getattr__``)."""
        out = []
        for ind in self.indicators:
            q = _quantities(ind)
            out.append((ind, q, None if q is not None else _outcome(ind)))
        return tuple(out)

    @property
    def indicator_total(self) -> Decimal:
        """Σ indicator 得分 (blank = 0)."""
        return sum((i.score or Decimal(0) for i in self.indicators), Decimal(0))

    @property
    def weight_total(self) -> Decimal:
        """The 资金总额 分值 plus Σ indicator 分值 (blank = 0): 100 in a well-formed table."""
        base = self.funds[0].weight if self.funds else Decimal(0)
        return base + sum((i.weight or Decimal(0) for i in self.indicators), Decimal(0))
