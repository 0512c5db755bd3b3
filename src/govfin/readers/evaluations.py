"""项目支出绩效自评表 blocks of the text -> :class:`~govfin.performance.model.ProjectEvaluation`.

The printed self-evaluation tables are irregular: the number of leading tabs varies from row to
row, merged cells leave a row shifted by one cell, long cells are wrapped or cut at the column
width.  Rows are therefore told by their *label* (the first non-empty cell: 项目名称,
主管部门及代码, 资金总额, 绩效指标, 总分, …) and cells are taken in order of their content,
not by column position:

- a fund line is its label, then seven numbers (目标申报数, 预算编制数, 全年预算数, 全年执行数,
  资金结(转)余, 执行率, 得分) and an optional 偏差原因; a merged cell printed twice gives an
  eighth, leading number, which is dropped;
- an indicator row is 一级/二级/三级指标 (told by their vocabulary), then the value cells, then
  分值 and 得分 (the trailing numbers) and the 偏差原因分析 (trailing text).  Three value cells
  are 年初指标值, 调整后指标值, 实际完成值; two are 调整后指标值 and 实际完成值 (the 年初 cell is
  blank); a fourth is the 定性指标情况说明.  A blank 一级/二级 cell continues the row above
  (a merged cell).

Texts are kept as printed, truncations included.  The 项目绩效分析 rows are read into
``ProjectEvaluation.analysis`` (and filed as narrative in the read log); 备注 as boilerplate.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from decimal import Decimal
from types import MappingProxyType

from govfin.amounts import AmountError, parse_amount
from govfin.performance.model import AnalysisParagraph, FundLine, Indicator, ProjectEvaluation
from govfin.readers.errors import (
    AmountSyntaxError,
    CellCountError,
    EvaluationLayoutError,
    ReadError,
    TruncatedTableError,
)
from govfin.readers.lines import Line, LineKind, LogBuilder, has_cjk, squash
from govfin.readers.tables import parse_year

__all__ = ["EVALUATION_SUFFIX", "is_evaluation_title", "project_of_title", "read_evaluation"]

#: How every 项目支出绩效自评表 title ends.
EVALUATION_SUFFIX = "绩效自评表"
_PROJECT_SUFFIXES = ("项目支出绩效自评表", "项目绩效自评表", "绩效自评表")

#: 一级指标 names.
LEVEL1 = frozenset({"产出指标", "效益指标", "满意度指标", "成本指标"})
#: 二级指标 names (2020 and 2021+ frameworks), and the suffixes that mark one.
LEVEL2 = frozenset(
    {
        "数量指标", "质量指标", "时效指标", "成本指标", "经济效益", "社会效益", "生态效益",
        "可持续影响", "可持续发展", "服务对象满意度", "经济成本指标", "社会成本指标",
        "生态环境成本指标", "经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标",
        "服务对象满意度指标",
    }
)  # fmt: skip
GRADES = frozenset({"优", "良", "中", "差"})
_FUND_FIELDS = (
    "declared",
    "initial_budget",
    "annual_budget",
    "executed",
    "balance",
    "rate",
    "score",
)
_OPERATORS = "≥≤=＝><＞＜≧≦"
_NUMERIC = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)")
_DEPT_CODE = re.compile(r"^(\d{1,12})\s*[-－—]\s*(.+)$")


def is_evaluation_title(text: str) -> bool:
    """True for a 绩效自评表 title ("办公用品项目支出绩效自评表")."""
    return _is_squashed_evaluation_title(squash(text))


def _is_squashed_evaluation_title(squashed: str) -> bool:
    """:func:`is_evaluation_title` of text already without white space."""
    return squashed.endswith(EVALUATION_SUFFIX) and len(squashed) <= 80


def project_of_title(text: str) -> str:
    """The project name a title gives ("办公用品项目支出绩效自评表" -> "办公用品")."""
    s = squash(text)
    for suffix in _PROJECT_SUFFIXES:
        if s.endswith(suffix):
            return s[: -len(suffix)]
    return s


def _label(line: Line) -> str:
    """The first non-empty cell, squashed, without a trailing colon."""
    if line.single:
        return line.squashed.rstrip(":：")
    return squash(line.values[0]).rstrip(":：") if line.values else ""


#: The first two characters of every label :meth:`_Reader._heading` reads as a heading, but
#: those holding "年度绩效目标" further on.
_HEADING_STARTS = frozenset(
    {"备注", "项目", "主管", "预算", "资金", "年度", "总体", "绩效", "总分"}
)


def _numberish(text: str) -> bool:
    """A cell meant as a number: no Chinese character and no comparison operator."""
    return bool(text) and text[0] not in _OPERATORS and not has_cjk(text)


class _Reader:
    """Reads one evaluation block, line by line, into the fields of a ProjectEvaluation."""

    def __init__(self, log: LogBuilder, title: Line, year: int | None):
        self.log = log
        self.title = title
        self.part = f"绩效自评表:{project_of_title(title.joined)}"
        self.year = year
        self.project = ""
        self.department: str | None = None
        self.department_code: str | None = None
        self.budget_unit: str | None = None
        self.budget_unit_code: str | None = None
        self.funds: list[FundLine] = []
        self.goal: list[str] = []
        self.achieved: list[str] = []
        self.indicators: list[Indicator] = []
        self.total: Decimal | None = None
        self.grade: str | None = None
        self.seen_total = False
        self.state = "head"  # head, funds, goal, indicators, analysis, notes
        self.level1 = ""
        self.level2 = ""
        #: Column index of each indicator field, from the 绩效指标 header (if complete).
        self.columns: Mapping[str, int] | None = None
        self.pending_level1: str | None = None
        self.achieved_at: int | None = None
        self.analysis: list[AnalysisParagraph] = []

    # -- logging ----------------------------------------------------------------------------
    def mark(self, line: Line, kind: LineKind, note: str) -> None:
        self.log.mark(line, kind, self.part, note)

    def error(self, cls: type[ReadError], message: str, line: Line | None) -> None:
        self.log.error(
            cls(
                message,
                line=line.number if line else None,
                text=line.text if line else None,
                where=self.part,
            )
        )

    def number(self, text: str, line: Line, what: str) -> Decimal | None:
        try:
            return parse_amount(text)
        except AmountError as exc:
            self.error(AmountSyntaxError, f"{what}: {exc}", line)
            return None

    # -- dispatch ---------------------------------------------------------------------------
    def feed(self, line: Line) -> None:
        """File one non-blank line: a heading (its label opens a part of the table), or a
        line of the part the last heading opened."""
        state = self.state
        if line is self.title:
            self.mark(line, LineKind.BOILERPLATE, "title")
            return
        if state == "notes":  # the 备注 close the table
            self.mark(line, LineKind.BOILERPLATE, "备注")
            return
        if state == "head" and line.single and (year := parse_year(line.joined)) is not None:
            self.year = year
            self.mark(line, LineKind.BOILERPLATE, "year")
            return
        label = _label(line)
        # A cheap test first: most lines are no heading.
        if (
            label[:2] in _HEADING_STARTS or "年度绩效目标" in label or "一级指标" in line.values
        ) and self._heading(label, line):
            return
        if state == "funds":
            if "目标申报数" in line.values or "年初预算数" in line.values:
                self.mark(line, LineKind.BOILERPLATE, "header")
            else:
                self._fund(line, label)
        elif state == "goal":
            self._goal(line)
        elif state == "indicators":
            self._indicator(line)
        elif state == "analysis":
            self._analysis(line)
        else:
            self.log.unrecognised(line, self.part, in_table=True)

    def _heading(self, label: str, line: Line) -> bool:
        """Read a line whose label opens a part of the table; False for any other line."""
        if label.startswith("备注"):
            self.state = "notes"
            self.mark(line, LineKind.BOILERPLATE, "备注")
        elif label == "项目名称":
            self._project(line)
        elif label.startswith("主管部门") or label == "预算单位":
            self._units(line)
        elif label.startswith(("项目资金", "资金投入")):
            self.state = "funds"
            self.mark(line, LineKind.BOILERPLATE, "header")
        elif "年度绩效目标" in label or label in ("年度总体目标", "总体目标"):
            self.state = "goal"
            self.achieved_at = next((i for i, c in enumerate(line.cells) if "实际完成" in c), None)
            self.mark(line, LineKind.BOILERPLATE, "header")
        elif label == "绩效指标" or "一级指标" in line.values:
            self.state = "indicators"
            self.columns = _indicator_columns(line.text)
            self.mark(line, LineKind.BOILERPLATE, "header")
        elif label == "总分":
            self._total(line)
        elif label.startswith("项目绩效分析"):
            self.state = "analysis"
            self._analysis(line)
        else:
            return False
        return True

    # -- parts ------------------------------------------------------------------------------
    def _project(self, line: Line) -> None:
        values = line.values
        self.project = values[1] if len(values) > 1 else ""
        self.mark(line, LineKind.TABLE_CELL, "项目名称")

    def _units(self, line: Line) -> None:
        values = line.values
        labels = [squash(v) for v in values]  # each cell is a label, or the value after one
        for i, label in enumerate(labels):
            target = values[i + 1] if i + 1 < len(values) else ""
            if target and (labels[i + 1].startswith(_UNIT_LABELS) or _is_dash(target)):
                target = ""  # the next label, or a placeholder: no value printed
            if label.startswith("主管部门"):
                self.department_code, self.department = _code_and_name(target)
            elif label.startswith("预算单位"):
                self.budget_unit_code, self.budget_unit = _code_and_name(target)
        self.mark(line, LineKind.TABLE_CELL, "主管部门, 预算单位")

    def _fund(self, line: Line, source: str) -> None:
        """A fund line; ``source`` is its label (资金总额, 市县区财政资金…)."""
        rest = list(line.values[1:])
        deviation = ""
        if rest and not _numberish(rest[-1]):
            deviation = rest.pop()
        if len(rest) > len(_FUND_FIELDS):
            # A merged cell printed twice ("年初预算数" over two columns): drop leading repeats.
            while len(rest) > len(_FUND_FIELDS) and rest[0] == rest[1]:
                rest.pop(0)
        if len(rest) != len(_FUND_FIELDS):
            self.error(
                CellCountError,
                f"fund line {source!r}: {len(rest)} number(s) where 7 are printed "
                "(目标申报数 … 得分)",
                line,
            )
            rest = (rest + [""] * len(_FUND_FIELDS))[: len(_FUND_FIELDS)]
        fields = {
            f: self.number(v, line, f"{source} {f}")
            for f, v in zip(_FUND_FIELDS, rest, strict=True)
        }
        try:
            self.funds.append(FundLine(source, **fields, deviation=deviation, line=line.number))
        except (TypeError, ValueError) as exc:
            self.error(AmountSyntaxError, f"fund line {source!r}: {exc}", line)
        self.mark(line, LineKind.TABLE_CELL, f"资金 {source}")

    def _goal(self, line: Line) -> None:
        values = line.values
        if len(values) == 1 and self.achieved_at is not None:
            # One text: the header's 实际完成情况 column tells which of the two it is.
            at = next(i for i, c in enumerate(line.cells) if c)
            (self.achieved if at >= self.achieved_at else self.goal).append(values[0])
        elif values:
            self.goal.append(values[0])
            if len(values) > 1:
                self.achieved.append("".join(values[1:]))
        self.mark(line, LineKind.TABLE_CELL, "年度目标, 实际完成情况")

    def _analysis(self, line: Line) -> None:
        """A 项目绩效分析 row: heading (a short first cell after the labels) and text."""
        cells = [c for c in map(squash, line.values) if c and c not in _ANALYSIS_LABELS]
        heading = ""
        if len(cells) > 1 and _ANALYSIS_HEADING.match(cells[0]):
            heading = cells.pop(0)
        if cells:
            self.analysis.append(AnalysisParagraph(heading, "".join(cells), line=line.number))
        self.mark(line, LineKind.NARRATIVE, "绩效分析")

    def _total(self, line: Line) -> None:
        rest = [squash(v) for v in line.values[1:]]
        numbers = [v for v in rest if _numberish(v)]
        grades = [v for v in rest if v in GRADES]
        if len(numbers) > 1 or len(grades) > 1 or len(rest) != len(numbers) + len(grades):
            self.error(CellCountError, "总分 row: expected a score and a grade", line)
        self.total = self.number(numbers[0], line, "总分") if numbers else None
        self.grade = grades[0] if grades else None
        self.seen_total = True
        self.state = "analysis"
        self.mark(line, LineKind.TABLE_CELL, "总分")

    def _indicator(self, line: Line) -> None:
        if self.columns is not None and _aligned(line, self.columns):
            self._aligned_indicator(line, self.columns)
            return
        tokens = line.values
        if not tokens:
            return
        i = 0
        level1 = level2 = level3 = None
        first = squash(tokens[i])
        if first in LEVEL1 and not (
            first == "成本指标"
            and self.level1
            and self.level1 != "成本指标"
            and _is_level3_next(tokens, i)
        ):
            level1 = first
            i += 1
        if i < len(tokens):
            name = squash(tokens[i])
            if _is_level2(name):
                level2 = name
                i += 1
        # The 三级指标: the next cell, unless it is already a value (≥…, =…).
        if i < len(tokens) and tokens[i][0] not in _OPERATORS:
            level3 = tokens[i]
            i += 1
        # From the right: the reason (text), then up to two numbers (得分 and 分值).
        j = len(tokens)
        reason = ""
        if j > i and has_cjk(tokens[j - 1]):  # (so not _numberish)
            reason_idx = j - 1
            # The reason follows the numbers; a text right after the values is not a reason.
            if reason_idx > i and _numberish(tokens[reason_idx - 1]):
                reason = tokens[reason_idx]
                j = reason_idx
        numbers: list[str] = []
        while j > i and len(numbers) < 2 and _numberish(tokens[j - 1]):
            numbers.insert(0, tokens[j - 1])
            j -= 1
        values = ["" if _is_dash(v) else v for v in tokens[i:j]]
        if level3 is not None and _is_dash(level3):
            level3 = ""
        self._levels(level1, level2)
        initial = target = actual = note = ""
        if len(values) == 1:
            target, actual = _split_run_together(values[0])
        elif len(values) == 2:
            target, actual = values
        elif len(values) >= 3:
            initial, target, actual = values[:3]
            note = "".join(values[3:])
            if len(values) > 4:
                self.error(CellCountError, f"{len(values)} value cells in an indicator row", line)
        weight = score = None
        if numbers:
            weight = self.number(numbers[0], line, "分值")
        if len(numbers) > 1:
            score = self.number(numbers[1], line, "得分")
        if not numbers:
            self.error(CellCountError, "indicator row without 分值", line)
        self._add(line, level3 or "", (initial, target, actual, note), weight, score, reason)

    def _levels(self, level1: str | None, level2: str | None) -> None:
        """Carry the 一级/二级指标 of a row (blank cells continue the merged cell above).

        In the 2020 template 成本指标 is a 二级指标 of 产出指标 (产出 = 数量 + 质量 + 时效 +
        成本).  A 一级 name printed on a 成本指标 row that follows 产出指标 rows is the label of
        the next merged cell, displaced by the text extraction: the row stays under 产出指标
        and the printed name takes effect from the next row on.
        """
        if self.pending_level1 is not None and level1 is None:
            level1, self.pending_level1 = self.pending_level1, None
        if (
            level1 is not None
            and level1 != self.level1
            and level2 == "成本指标"
            and self.level1 == "产出指标"
        ):
            self.pending_level1 = level1
            level1 = None
        if level1 is not None:
            self.level1 = level1
            self.level2 = ""
            self.pending_level1 = None
        if level2 is not None:
            self.level2 = level2

    def _aligned_indicator(self, line: Line, columns: Mapping[str, int]) -> None:
        """A row whose cells sit under the header's columns: read them by position."""
        cell = {f: line.cell(i) for f, i in columns.items()}
        self._levels(squash(cell["level1"]) or None, squash(cell["level2"]) or None)
        initial, target, actual, note = (
            "" if _is_dash(cell[f]) else cell[f]
            for f in ("initial_value", "target", "actual", "note")
        )
        weight = self.number(cell["weight"], line, "分值")
        score = self.number(cell["score"], line, "得分")
        level3 = "" if _is_dash(cell["level3"]) else cell["level3"]
        self._add(line, level3, (initial, target, actual, note), weight, score, cell["reason"])

    def _add(
        self,
        line: Line,
        level3: str,
        texts: tuple[str, str, str, str],
        weight: Decimal | None,
        score: Decimal | None,
        reason: str,
    ) -> None:
        try:
            self.indicators.append(
                Indicator(
                    self.level1,
                    self.level2,
                    level3,
                    *texts,
                    weight,
                    score,
                    reason,
                    line=line.number,
                )
            )
        except (TypeError, ValueError) as exc:
            self.error(AmountSyntaxError, f"indicator row: {exc}", line)
        self.mark(line, LineKind.TABLE_CELL, f"指标 {level3}")

    # -- result -----------------------------------------------------------------------------
    def build(self, last: Line) -> ProjectEvaluation | None:
        if not self.project:
            self.project = project_of_title(self.title.joined)
            self.error(EvaluationLayoutError, "no 项目名称 row", self.title)
        if not self.funds:
            self.error(EvaluationLayoutError, "no 资金 lines", self.title)
        if not self.seen_total:
            self.error(TruncatedTableError, "table ends before its 总分 row", last)
        try:
            return ProjectEvaluation(
                project=self.project,
                department=self.department,
                department_code=self.department_code,
                budget_unit=self.budget_unit,
                budget_unit_code=self.budget_unit_code,
                year=self.year,
                funds=tuple(self.funds),
                goal="".join(self.goal),
                achieved="".join(self.achieved),
                indicators=tuple(self.indicators),
                total_score=self.total,
                grade=self.grade,
                line=self.title.number,
                analysis=tuple(self.analysis),
            )
        except (TypeError, ValueError) as exc:
            self.error(EvaluationLayoutError, f"not a valid evaluation: {exc}", self.title)
            return None


#: Labels of the 项目绩效分析 rows (no part of a paragraph), and a paragraph's heading.
_ANALYSIS_LABELS = frozenset({"项目绩效分析", "自评结果分析"})
_ANALYSIS_HEADING = re.compile(r"^[^，。,.;；:：]{2,24}(?:情况|分析|做法|建议|措施|原因)$")


#: Indicator fields and the header words that name their columns (any of them).
_INDICATOR_HEADER = tuple(
    (field, re.compile("|".join(words)))
    for field, words in (
        ("level1", ("一级指标",)),
        ("level2", ("二级指标",)),
        ("level3", ("三级指标",)),
        ("initial_value", ("年初指标值",)),
        ("target", ("调整后指标值", "全年指标值")),
        ("actual", ("实际完成值",)),
        ("note", ("定性",)),
        ("weight", ("分值",)),
        ("score", ("得分",)),
        ("reason", ("偏差原因",)),
    )
)


#: What :func:`~govfin.readers.lines.squash` removes, but the tab between cells.
_SPACE_BUT_TAB = re.compile(r"[^\S\t]|\ufeff")


@functools.lru_cache(maxsize=64)
def _indicator_columns(header: str) -> Mapping[str, int] | None:
    """Column index of each indicator field in the 绩效指标 header line (its text), or None if
    one is missing (or the columns are out of order).  Cached: every table of a document, and
    most documents, print the same header."""
    # The squashed cells, tab-separated: the first cell naming a field is the one where any
    # of its words first occurs.
    text = _SPACE_BUT_TAB.sub("", header)
    found: dict[str, int] = {}
    for field, words in _INDICATOR_HEADER:
        m = words.search(text)
        if m is None:
            return None
        found[field] = text.count("\t", 0, m.start())
    positions = list(found.values())
    if positions != sorted(positions) or len(set(positions)) != len(positions):
        return None
    return MappingProxyType(found)  # read-only: the cache shares it between readers


def _aligned(line: Line, columns: Mapping[str, int]) -> bool:
    """Does an indicator row sit exactly under the header's columns?

    True when nothing lies before the 一级指标 column or after the 偏差原因 column, 分值 and
    得分 hold numbers (or nothing), no number stands left of 分值, and the 偏差原因 and the
    指标 names are text.  Shifted rows (most of them in print) fail and are read by content.
    """
    if any(line.cells[: columns["level1"]]) or line.trimmed_width() > columns["reason"] + 1:
        return False
    weight, score = line.cell(columns["weight"]), line.cell(columns["score"])
    if (weight and not _numberish(weight)) or (score and not _numberish(score)):
        return False
    reason = line.cell(columns["reason"])
    if reason and _numberish(reason) and not _is_dash(reason):
        return False
    if any(c and _numberish(c) and not _is_dash(c) for c in line.cells[: columns["weight"]]):
        return False
    names = (line.cell(columns[f]) for f in ("level1", "level2", "level3"))
    return not any(name and name[0] in _OPERATORS for name in names)


#: A placeholder for an empty cell: once squashed, one of "—", "——", "-", "--", "－", "/".
_DASH = re.compile(r"[\s\ufeff]*(?:—[\s\ufeff]*—?|-[\s\ufeff]*-?|－|/)[\s\ufeff]*")


def _is_dash(text: str) -> bool:
    """A placeholder for an empty cell ("——")."""
    return _DASH.fullmatch(text) is not None


#: The labels of the cells :meth:`_Reader._units` reads a value after.
_UNIT_LABELS = ("预算单位", "主管部门")


#: Openings of a printed outcome ("达成预期指标并具有一定效果" and its truncations).
_OUTCOME_MARKS = ("未达成", "达成", "预期指标", "期指标", "指标并具", "指标且")


def _split_run_together(text: str) -> tuple[str, str]:
    """One value cell -> (调整后指标值, 实际完成值).

    A lone cell that holds a target and, run into it mid-cell, a truncated outcome
    ("列区年度预期指标且") is two cells the extraction merged: split where the outcome starts.
    A cell that is an outcome only ("达成预期指标") is the 实际完成值; any other, the target.
    """
    cut = min((i for i in (text.find(m) for m in _OUTCOME_MARKS) if i >= 0), default=-1)
    if cut == 0:
        return "", text  # the cell is an outcome only
    if cut > 0:
        return text[:cut], text[cut:]
    return text, ""


def _is_level2(token: str) -> bool:
    return token in LEVEL2 or token.endswith(("效益指标", "满意度指标"))


def _is_level3_next(tokens: Sequence[str], i: int) -> bool:
    """After a "成本指标" cell, does a 三级指标 name (not a 二级 name) follow?"""
    return i + 1 < len(tokens) and not _is_level2(squash(tokens[i + 1]))


def _code_and_name(text: str) -> tuple[str | None, str | None]:
    """Split "604-朔州经济开发区…" into ("604", "朔州经济开发区…").

    A name alone gives (None, name); a code alone ("604001") gives (code, None).
    """
    if not text:
        return None, None
    if text.isdigit():
        return text, None  # a code printed without its name
    m = _DEPT_CODE.match(text)
    if m:
        return m.group(1), m.group(2).strip()
    return None, text


def read_evaluation(
    lines: Sequence[Line], title: Line, log: LogBuilder, year: int | None = None
) -> ProjectEvaluation | None:
    """Read one 绩效自评表 block (``title`` is one of ``lines``); file every line in the log."""
    reader = _Reader(log, title, year)
    last = title
    for line in lines:
        if line.blank:
            continue
        reader.feed(line)
        last = line
    return reader.build(last)
