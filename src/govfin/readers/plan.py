"""项目支出绩效目标表 blocks of the text -> :class:`~govfin.performance.plan.ProjectPlan`.

The block runs from its title (财政项目支出绩效目标填报表, 项目支出绩效目标表, …申报表) to the
next title.  As in the 自评表 reader (:mod:`govfin.readers.evaluations`), rows are told by their
labels, not by column positions, because merged cells shift them:

- header lines hold label/value pairs: 项目名称, 项目性质, 项目类别, 主管部门, 实施单位,
  计划开始日期, 计划完成日期; "（2023年度）" gives the year;
- money lines hold label/amount pairs (项目资金总额, 其中：财政资金, 其他资金, 年度资金申请总额,
  其中：当年财政拨款, 上年结转资金); the first 其他资金 of the block is the project's, the second
  the year's (left and right columns); "项目资金（元）" gives the unit;
- after the 项目总目标 / 年度总体目标 header, the two goal texts (left, right), wrapped over lines;
- after the 一级指标 / 二级指标 / 三级指标 header, one indicator per line: the 一级 and 二级 names
  are told by their vocabulary (a blank one continues the row above, a merged cell), then the
  三级指标 and the 指标值 (the last cell).

Every line is filed in the read log; what does not fit is a typed error naming the line.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal

from govfin._lazy import lazy_pattern
from govfin.amounts import AmountError, Unit, parse_amount
from govfin.performance.plan import PLAN_PREFIX, PlanFunds, PlanIndicator, ProjectPlan
from govfin.readers.errors import AmountSyntaxError, EvaluationLayoutError, ReadError
from govfin.readers.evaluations import LEVEL1, LEVEL2
from govfin.readers.lines import Line, LineKind, LogBuilder, has_cjk, squash

__all__ = ["is_plan_title", "read_plan", "read_plans"]

_TITLES = ("项目支出绩效目标表", "项目支出绩效目标填报表", "项目支出绩效目标申报表",
           "项目绩效目标表", "项目绩效目标申报表", "项目支出绩效表")
_HEADER_FIELDS = {
    "项目名称": "project",
    "项目性质": "nature",
    "项目类别": "category",
    "主管部门": "department",
    "实施单位": "implementer",
    "计划开始日期": "start",
    "计划完成日期": "end",
}
_FUND_FIELDS = {
    "项目资金总额": "project_total",
    "其中：财政资金": "project_fiscal",
    "财政资金": "project_fiscal",
    "年度资金申请总额": "annual_total",
    "其中：当年财政拨款": "annual_appropriation",
    "当年财政拨款": "annual_appropriation",
    "上年结转资金": "annual_carried_over",
}
_OTHER = "其他资金"
_YEAR = lazy_pattern(r"[（(](\d{4})年度?[)）]")
#: Cells that label the blocks of the form, not content.
_BLOCK_LABELS = frozenset({"项目绩效目标", "绩效指标", "项目资金", "项目资金（元）", "项目资金(元)"})


def is_plan_title(text: str) -> bool:
    """True for a 项目支出绩效目标表 title (not a 自评表's)."""
    s = squash(text)
    return s.endswith(_TITLES) and "自评" not in s


def _norm(cell: str) -> str:
    return squash(cell).replace(":", "：")


class _PlanReader:
    def __init__(self, log: LogBuilder, title: Line, year: int | None):
        self.log = log
        self.title = title
        self.year = year
        self.fields: dict[str, str] = {}
        self.funds: dict[str, Decimal | None] = {}
        self.funds_line: int | None = None
        self.unit = Unit.YUAN
        self.others = 0
        self.goals: list[list[str]] = [[], []]
        self.indicators: list[PlanIndicator] = []
        self.state = "header"  # header -> goals -> indicators
        self.level1 = ""
        self.level2 = ""
        self.part = PLAN_PREFIX

    def mark(self, line: Line, kind: LineKind, note: str) -> None:
        self.log.mark(line, kind, self.part, note)

    def error(self, cls: type[ReadError], message: str, line: Line) -> None:
        self.log.error(cls(message, line=line.number, text=line.text, where=self.part))

    def feed(self, line: Line) -> None:
        values = [v for v in line.values]
        names = [_norm(v) for v in values]
        if not values:
            return
        m = _YEAR.search(line.squashed)
        if m and len(values) == 1:
            self.year = int(m.group(1))
            self.mark(line, LineKind.BOILERPLATE, "year")
        elif "一级指标" in names:
            self.state = "indicators"
            self.mark(line, LineKind.BOILERPLATE, "indicator header")
        elif "项目总目标" in names or "年度总体目标" in names:
            self.state = "goals"
            self.mark(line, LineKind.BOILERPLATE, "goal header")
        elif self.state == "indicators":
            self._indicator(line, values)
        elif any(n in _FUND_FIELDS or n == _OTHER for n in names):
            self._funds(line, values, names)
        elif any(n in _HEADER_FIELDS for n in names):
            self._header(line, values, names)
        elif self.state == "goals":
            self._goal(line, values)
        elif all(n in _BLOCK_LABELS or n.startswith("项目资金") or n == "（元）" for n in names):
            self.mark(line, LineKind.BOILERPLATE, "block label")
        else:
            self.log.unrecognised(line, self.part, in_table=True)

    def _header(self, line: Line, values: list[str], names: list[str]) -> None:
        i = 0
        while i < len(values):
            field = _HEADER_FIELDS.get(names[i])
            if field is not None and i + 1 < len(values) and names[i + 1] not in _HEADER_FIELDS:
                self.fields[field] = values[i + 1]
                i += 2
            else:
                if field is None:
                    self.error(EvaluationLayoutError, f"unexpected cell {values[i]!r}", line)
                i += 1
        if "project" in self.fields:
            self.part = f"{PLAN_PREFIX}:{self.fields['project']}"
        self.mark(line, LineKind.TABLE_CELL, "header")

    def _funds(self, line: Line, values: list[str], names: list[str]) -> None:
        self.funds_line = self.funds_line or line.number
        if any("元" in n and "万元" not in n for n in names if n.startswith("项目资金")):
            self.unit = Unit.YUAN
        if any("万元" in n for n in names):
            self.unit = Unit.WAN_YUAN
        pending: str | None = None
        for value, name in zip(values, names, strict=True):
            field = _FUND_FIELDS.get(name)
            if name == _OTHER:
                self.others += 1
                field = "project_other" if self.others == 1 else "annual_other"
            if field is not None:
                pending = field
                continue
            if pending is None:
                if not has_cjk(value):
                    self.error(AmountSyntaxError, f"amount {value!r} without a label", line)
                continue
            try:
                self.funds[pending] = parse_amount(value)
            except AmountError as exc:
                self.error(AmountSyntaxError, f"{pending}: {exc}", line)
            pending = None
        self.mark(line, LineKind.TABLE_CELL, "funds")

    def _goal(self, line: Line, values: list[str]) -> None:
        texts = [v for v in values if _norm(v) not in _BLOCK_LABELS and not _norm(v).startswith("项目绩效")]
        for i, t in enumerate(texts[:2]):
            self.goals[i].append(t)
        if len(texts) > 2:
            self.error(EvaluationLayoutError, f"{len(texts)} goal texts on one line", line)
        self.mark(line, LineKind.TABLE_CELL, "goals")

    def _indicator(self, line: Line, values: list[str]) -> None:
        tokens = [v for v in values if _norm(v) != "绩效指标"]
        if tokens and _norm(tokens[0]) in LEVEL1:
            self.level1, self.level2 = _norm(tokens[0]), ""
            tokens = tokens[1:]
        if tokens and _norm(tokens[0]) in LEVEL2:
            self.level2 = _norm(tokens[0])
            tokens = tokens[1:]
        if not tokens:
            self.mark(line, LineKind.BOILERPLATE, "indicator level")
            return
        if not self.level1:
            self.error(EvaluationLayoutError, "an indicator before any 一级指标", line)
        level3 = tokens[0]
        value = tokens[-1] if len(tokens) > 1 else ""
        if len(tokens) > 2:
            self.error(EvaluationLayoutError,
                       f"{len(tokens)} cells where an indicator has 三级指标 and 指标值", line)
        self.indicators.append(PlanIndicator(self.level1, self.level2, level3, value,
                                             line=line.number))
        self.mark(line, LineKind.TABLE_CELL, f"indicator {level3}")

    def build(self) -> ProjectPlan | None:
        project = self.fields.pop("project", None)
        if project is None:
            self.error(EvaluationLayoutError, "no 项目名称", self.title)
            return None
        funds = PlanFunds(**self.funds, unit=self.unit, line=self.funds_line)  # type: ignore[arg-type]
        return ProjectPlan(project, year=self.year, funds=funds,
                           overall_goal="".join(self.goals[0]), annual_goal="".join(self.goals[1]),
                           indicators=self.indicators, title=self.title.text.strip(),
                           line=self.title.number, **self.fields)


def read_plan(lines: Sequence[Line], log: LogBuilder, *, year: int | None = None) -> ProjectPlan | None:
    """Read one plan block (its first line is the title)."""
    if not lines:
        return None
    title = lines[0]
    r = _PlanReader(log, title, year)
    log.mark(title, LineKind.BOILERPLATE, PLAN_PREFIX, "title")
    for line in lines[1:]:
        r.feed(line)
    return r.build()


def _blocks(lines: Sequence[Line]) -> Iterator[list[Line]]:
    block: list[Line] | None = None
    for line in lines:
        if line.single and is_plan_title(line.joined):
            if block:
                yield block
            block = [line]
        elif block is not None:
            block.append(line)
    if block:
        yield block


def read_plans(lines: Sequence[Line], log: LogBuilder, *, year: int | None = None) -> list[ProjectPlan]:
    """Every plan in ``lines`` (blocks start at a plan title; lines before the first are left
    to the caller)."""
    out = []
    for block in _blocks(lines):
        plan = read_plan(block, log, year=year)
        if plan is not None:
            out.append(plan)
    return out
