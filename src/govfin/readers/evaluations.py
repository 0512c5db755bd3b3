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

Other provinces' templates (tests/data/evaluations: 安徽 2022, 河北 2019, 四川 2023) name
their columns in a header that differs from the seed's: 年初预算数 / 全年预算数 or 调整后预算数 /
全年执行数 or 预算执行数 / 分值 or 权重 / 执行率 ("86%", "100.00%") / 得分 / 原因, and 年度指标值
or 指标性质 + 指标值 + 度量单位 / 完成值.  Their fund and indicator rows are read by position
under the header (:data:`FUND_COLUMN_WORDS`, :data:`_POSITIONAL_HEADER`: vocabulary as
data), rows left empty by the template ("指标2", "……") are filed as template residue, and a
table govfin does not read (a 部门整体支出绩效自评表, a table in traditional characters) is
reported as such (:func:`unread_title_reason`).

This module is over 600 lines: it holds one reader for every layout met, which share the row
logic (labels, placeholders, levels, the 总分 and 合计 rows); splitting them would split
that logic.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from decimal import Decimal
from types import MappingProxyType

from govfin._lazy import frozen, lazy_pattern
from govfin.amounts import ZERO, AmountError, parse_amount
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

__all__ = [
    "EVALUATION_SUFFIX",
    "FUND_COLUMN_WORDS",
    "is_evaluation_title",
    "project_of_title",
    "read_evaluation",
    "unread_title_reason",
]

#: How every 项目支出绩效自评表 title ends.
EVALUATION_SUFFIX = "绩效自评表"
_PROJECT_SUFFIXES = (
    "部门预算项目支出绩效自评表", "项目支出绩效自评表", "项目绩效自评表", "绩效自评表",
)  # fmt: skip
#: The same suffix printed in traditional characters (a mirror site's rendering of a
#: simplified original: 雲南 2020 in tests/data/evaluations).  Such a table is recognised, and
#: reported as not read: its labels are not govfin's vocabulary.
TRADITIONAL_SUFFIX = "績效自評表"
#: A year printed after the title on the same line: "部门预算项目支出绩效自评表(2023年度)"
#: (四川 2023), "…绩效自评表（2022年）".
_TITLE_YEAR = re.compile(r"[(（]\s*((?:19|20)\d{2})\s*年度?\s*[)）]$")
#: Titles of a 部门整体支出绩效自评表 (the department as a whole: 部门预算执行情况, 年度履职
#: 目标, 部门整体 indicators), which govfin does not model: read as unread with a reason.
_WHOLE_DEPARTMENT = ("部门整体", "整体支出")

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
#: Grades written in words, and the grade each names (data: "优秀", "良好" are the words of
#: 财预〔2020〕10号's bands 优/良; "较差" of 差).
GRADE_WORDS: Mapping[str, str] = MappingProxyType({
    "优": "优", "良": "良", "中": "中", "差": "差",
    "优秀": "优", "良好": "良", "中等": "中", "较差": "差",
})  # fmt: skip
#: Labels a 总分 row may print beside its figures ("总分 | 95.5 | 自评等级 | 优").
_TOTAL_LABELS = frozenset({"等级", "自评等级", "评价等级", "绩效等级", "自评结果"})
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
    """:func:`is_evaluation_title` of text already without white space.

    >>> _is_squashed_evaluation_title("部门预算项目支出绩效自评表(2023年度)")
    True
    >>> _is_squashed_evaluation_title("2020年度項目支出績效自評表")
    True
    """
    if len(squashed) > 80:
        return False
    s = _TITLE_YEAR.sub("", squashed)
    return s.endswith((EVALUATION_SUFFIX, TRADITIONAL_SUFFIX))


def _title_year(text: str) -> int | None:
    """The year printed after a title ("…绩效自评表(2023年度)" -> 2023), if any."""
    m = _TITLE_YEAR.search(squash(text))
    return int(m.group(1)) if m else None


def project_of_title(text: str) -> str:
    """The project name a title gives ("办公用品项目支出绩效自评表" -> "办公用品").

    >>> project_of_title("部门预算项目支出绩效自评表(2023年度)")
    ''
    """
    s = _TITLE_YEAR.sub("", squash(text))
    for suffix in _PROJECT_SUFFIXES:
        if s.endswith(suffix):
            return s[: -len(suffix)]
    return s


def unread_title_reason(text: str) -> str | None:
    """Why a 绩效自评表 title names a table govfin does not read, or ``None``.

    >>> unread_title_reason("部门整体绩效自评表") is not None
    True
    >>> unread_title_reason("办公用品项目支出绩效自评表") is None
    True
    """
    s = _TITLE_YEAR.sub("", squash(text))
    if s.endswith(TRADITIONAL_SUFFIX):
        return ("printed in traditional characters (績效自評表): its labels are not govfin's "
                "vocabulary, so the table is not read")
    if any(w in s for w in _WHOLE_DEPARTMENT):
        return ("a 部门整体支出绩效自评表 (the department as a whole): govfin models the "
                "项目支出绩效自评表 only, so the table is not read")
    return None


def _label(line: Line) -> str:
    """The first non-empty cell, squashed, without a trailing colon."""
    if line.single:
        return line.squashed.rstrip(":：")
    return squash(line.values[0]).rstrip(":：") if line.values else ""


#: The first two characters of every label :meth:`_Reader._heading` reads as a heading, but
#: those holding "年度绩效目标" further on.
_HEADING_STARTS = frozenset(
    {"备注", "项目", "主管", "预算", "资金", "年度", "总体", "绩效", "总分", "合计", "评价", "存在",
     "改进", "注:", "注："}
)  # fmt: skip


def _numberish(text: str) -> bool:
    """A cell meant as a number: no Chinese character and no comparison operator."""
    return bool(text) and text[0] not in _OPERATORS and not has_cjk(text)


class _Reader:
    """Reads one evaluation block, line by line, into the fields of a ProjectEvaluation."""

    def __init__(self, log: LogBuilder, title: Line, year: int | None):
        self.log = log
        self.title = title
        self.part = f"绩效自评表:{project_of_title(title.joined)}"
        self.year = _title_year(title.joined) or year
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
        #: Column index of each indicator field of a layout read by position (a header
        #: without 年初指标值: 年度指标值 / 指标性质, 指标值, 度量单位 / 完成值, 权重 …).
        self.positional: Mapping[str, int] | None = None
        #: The fund header of a layout read by position (columns named by the header:
        #: 年初预算数, 全年预算数 / 调整后预算数, 全年执行数, 分值 / 权重, 执行率, 得分, 原因),
        #: ``None`` for the 目标申报数 / 资金结(转)余 layout read by content.
        self.fund_header: _FundHeader | None = None
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
        if label.startswith(("备注", "注:", "注：")):
            self.state = "notes"
            self.mark(line, LineKind.BOILERPLATE, "备注")
        elif label == "项目名称":
            self._project(line)
        elif label.startswith("主管部门") or label == "预算单位":
            self._units(line)
        elif label.startswith(("项目资金", "资金投入", "预算执行情况")):
            self.state = "funds"
            self.fund_header = _fund_header(line)
            self.mark(line, LineKind.BOILERPLATE, "header")
        elif label.startswith("项目基本情况"):
            self.state = "goal"  # 四川: 项目年度目标 | 年度目标完成情况
            self.achieved_at = next((i for i, c in enumerate(line.cells)
                                     if squash(c) == "年度目标完成情况"), None)
            self.mark(line, LineKind.BOILERPLATE, "header")
        elif label.startswith("项目负责人"):
            self.state = "notes"
            self.mark(line, LineKind.BOILERPLATE, "项目负责人")
        elif label in _ANALYSIS_ROWS:
            self.state = "analysis"
            self._analysis(line)
        elif label == "合计" and self.state == "indicators":
            self._sum_row(line)
        elif "年度绩效目标" in label or label in ("年度总体目标", "总体目标") or label.startswith(
                "年度总体目标完成情况"):
            self.state = "goal"
            self.achieved_at = next((i for i, c in enumerate(line.cells) if "实际完成" in c), None)
            self.mark(line, LineKind.BOILERPLATE, "header")
        elif label == "绩效指标" or "一级指标" in line.values:
            self.state = "indicators"
            self.columns = _indicator_columns(line.text)
            self.positional = _positional_columns(line.text) if self.columns is None else None
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
            elif label.startswith(("预算单位", "实施单位")):  # 实施单位: 安徽, 四川, 河北
                self.budget_unit_code, self.budget_unit = _code_and_name(target)
        self.mark(line, LineKind.TABLE_CELL, "主管部门, 预算单位")

    def _fund(self, line: Line, source: str) -> None:
        """A fund line; ``source`` is its label (资金总额, 市县区财政资金…)."""
        if self.fund_header is not None:
            self._positional_fund(line, source, self.fund_header)
            return
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

    def _positional_fund(self, line: Line, source: str, header: _FundHeader) -> None:
        """A fund line under a header naming its columns: each cell is read under the
        header cell it sits beneath, the row's label aligned with the header's last label
        cell (a merged cell may give the header one label cell more than the rows)."""
        label_at = next(i for i, c in enumerate(line.cells) if c)
        offset = label_at + 1 - header.first
        fields: dict[str, Decimal | None] = {}
        deviation = ""
        used = {label_at}
        for at, field in header.fields:
            i = at + offset
            used.add(i)
            text = line.cell(i)
            if field == "deviation":
                deviation = text
            elif text and not _is_dash(text):
                if field == "rate":
                    text = text.removesuffix("%").removesuffix("％")
                fields[field] = self.number(text, line, f"{source} {FUND_COLUMN_WORDS[field][0]}")
        extra = [c for i, c in enumerate(line.cells) if c and i not in used]
        if extra:
            self.error(CellCountError, f"fund line {source!r}: cell(s) under no column of the "
                       f"header: {', '.join(map(repr, extra))}", line)
        if self.funds and not deviation and all(v is None for v in fields.values()):
            # A source printed without figures (上年结转资金, 其他资金): nothing to read.
            self.mark(line, LineKind.TABLE_CELL, f"资金 {source} (no figures printed)")
            return
        rate = fields.get("rate")
        if rate is not None and "%" not in line.text and "％" not in line.text:
            fields["rate"] = _percent_of(rate, fields.get("executed"), fields.get("annual_budget"))
        weight = fields.pop("weight", None)
        try:
            self.funds.append(FundLine(source, **fields, deviation=deviation, line=line.number,
                                       **({"weight": weight} if weight is not None else {})))
        except (TypeError, ValueError) as exc:
            self.error(AmountSyntaxError, f"fund line {source!r}: {exc}", line)
        self.mark(line, LineKind.TABLE_CELL, f"资金 {source}")

    def _sum_row(self, line: Line) -> None:
        """The 合计 row closing the indicators (四川 2023): Σ 权重, then the 总分 when printed.
        The 总分 is left unread (``None``) when the row prints the weights' sum only."""
        numbers = [v for v in map(squash, line.values[1:]) if _numberish(v)]
        if len(numbers) > 2 or len(numbers) < len(line.values) - 1:
            self.error(CellCountError, "合计 row: expected Σ 权重 and a 总分", line)
        if len(numbers) == 2:
            self.total = self.number(numbers[1], line, "总分")
        self.seen_total = True
        self.state = "analysis"
        self.mark(line, LineKind.TABLE_CELL, "合计")

    def _goal(self, line: Line) -> None:
        values = line.values
        if values and values[0].startswith("2.项目实施"):  # 四川: a paragraph, not a goal
            self.analysis.append(AnalysisParagraph(squash(values[0]), "".join(values[1:]),
                                                   line=line.number))
            self.mark(line, LineKind.NARRATIVE, "项目实施内容及过程概述")
            return
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
        if len(cells) > 1 and (cells[0] in _ANALYSIS_ROWS or _ANALYSIS_HEADING.match(cells[0])):
            heading = cells.pop(0)
        if cells:
            self.analysis.append(AnalysisParagraph(heading, "".join(cells), line=line.number))
        self.mark(line, LineKind.NARRATIVE, "绩效分析")

    def _total(self, line: Line) -> None:
        rest = [v for v in map(squash, line.values[1:]) if v.rstrip(":：") not in _TOTAL_LABELS]
        numbers = [v for v in rest if _numberish(v)]
        grades = [GRADE_WORDS[v] for v in rest if v in GRADE_WORDS]
        if len(rest) != len(numbers) + len(grades) or len(grades) > 1 or len(numbers) > 2:
            self.error(CellCountError, "总分 row: expected a score and a grade", line)
        if len(numbers) == 2:
            numbers.pop(0)  # "总分 100 100" (安徽 天长 2022): Σ 分值 under 分值, the 总分 under 得分
        self.total = self.number(numbers[0], line, "总分") if numbers else None
        self.grade = grades[0] if grades else None
        self.seen_total = True
        self.state = "analysis"
        self.mark(line, LineKind.TABLE_CELL, "总分")

    def _indicator(self, line: Line) -> None:
        if self.positional is not None:
            self._positional_indicator(line, self.positional)
            return
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

    def _positional_indicator(self, line: Line, columns: Mapping[str, int]) -> None:
        """A row of a layout read by position.  A row printed with the empty cells of the
        merged cells left of it sits under the header as printed; a row printed without them
        is aligned by its first cell (a 一级 name under 一级指标, a 二级 name under 二级指标,
        anything else under 三级指标).  The first alignment whose 分值 and 得分 cells hold
        numbers (or nothing) and which leaves no cell outside the columns is taken."""
        offset = _row_offset(line, columns)

        def cell(field: str) -> str:
            at = columns.get(field)
            return "" if at is None else line.cell(at + offset)

        used = {columns[f] + offset for f in columns}
        extra = [c for i, c in enumerate(line.cells) if c and i not in used]
        if extra:
            self.error(CellCountError, f"indicator row: cell(s) under no column of the header: "
                       f"{', '.join(map(repr, extra))}", line)
        self._levels(_level_name(cell("level1")) or None, _level_name(cell("level2")) or None)
        level3 = "" if _is_dash(cell("level3")) else cell("level3")
        target = cell("target")
        unit = cell("unit")
        if "operator" in columns and target:
            target = cell("operator") + target + unit  # 指标性质, 指标值, 度量单位: "=100%"
        actual = cell("actual")
        if unit and actual and _numberish(actual):
            actual += unit  # 完成值 printed without the unit of its 指标值
        texts = ["" if _is_dash(t) else t for t in (cell("initial_value"), target, actual,
                                                     cell("note"))]
        weight_text, score_text = cell("weight"), cell("score")
        if not any(texts) and all(not t or _is_dash(t) for t in (weight_text, score_text)):
            if not level3 or _PLACEHOLDER.fullmatch(squash(level3)):
                # Template rows left empty ("指标2", "……", a 二级 without indicator).
                self.mark(line, LineKind.BOILERPLATE, "empty indicator row (template)")
                return
            self.error(CellCountError, "indicator row without values and 分值", line)
            self.mark(line, LineKind.TABLE_CELL, f"指标 {level3}")
            return
        weight = None if _is_dash(weight_text) else self.number(weight_text, line, "分值")
        score = None if _is_dash(score_text) else self.number(score_text, line, "得分")
        if weight is None and "weight" in columns:
            self.error(CellCountError, "indicator row without 分值", line)
        reason = cell("reason")
        self._add(line, level3, (texts[0], texts[1], texts[2], texts[3]), weight, score,
                  "" if reason == "0" else reason)

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
#: Rows of commentary after the indicators (四川 2023), each its own heading.
_ANALYSIS_ROWS = frozenset({"评价结论", "存在问题", "改进措施"})

#: The 分值 a template prints after a 一级/二级 name: "产出指标(50分)" (安徽 2022).
_LEVEL_WEIGHT = lazy_pattern(r"[(（]\d+(?:\.\d+)?分[)）]$")
#: 二级 names some templates print that :data:`LEVEL2` lacks: "满意度指标" as the 二级 of
#: 满意度指标 (安徽 2022).
_LEVEL2_ALSO = frozenset({"满意度指标"})
#: An indicator name left as the template printed it: "指标2", "指标1", "……", "…".
_PLACEHOLDER = lazy_pattern(r"(?:指标\d*[:：]?|…+|\.{3,})")


def _row_offset(line: Line, columns: Mapping[str, int]) -> int:
    """How far right of the header's columns an indicator row's cells sit (see
    :meth:`_Reader._positional_indicator`); 0 when no alignment fits (the row is then read
    as printed and its misfit cells reported)."""
    first_at = next(i for i, c in enumerate(line.cells) if c)
    candidates = [0] if first_at >= columns["level1"] else []
    first = _level_name(line.cells[first_at])
    if first in LEVEL1:
        candidates.append(first_at - columns["level1"])
    if _is_level2(first) or first in _LEVEL2_ALSO:
        candidates.append(first_at - columns["level2"])
    candidates.append(first_at - columns["level3"])
    for offset in candidates:
        if _fits(line, columns, offset):
            return offset
    return candidates[0]


def _fits(line: Line, columns: Mapping[str, int], offset: int) -> bool:
    """Do the row's cells, shifted by ``offset``, all fall under the header's columns, with
    numbers (or nothing, or a dash) under 分值 and 得分 and no number under the levels?"""
    at = {i + offset for i in columns.values()}
    if any(c and i not in at for i, c in enumerate(line.cells)):
        return False
    for field in ("weight", "score"):
        if field not in columns:
            continue
        text = line.cell(columns[field] + offset)
        if text and not _numberish(text) and not _is_dash(text):
            return False
    levels = (line.cell(columns[f] + offset) for f in ("level1", "level2", "level3"))
    return not any(_numberish(t) and not _is_dash(t) for t in levels)


def _percent_of(rate: Decimal, executed: Decimal | None, budget: Decimal | None) -> Decimal:
    """A 执行率 printed as a fraction ("0.8620" for 86.20 %) in percent; any other as printed.

    A rate is a fraction when it is at most 1 and only its hundredfold stands for 全年执行数 /
    全年预算数 (at its printed precision): read as a percent it would contradict the figures
    beside it, read as a fraction it agrees with them.

    >>> _percent_of(Decimal("0.8620"), Decimal("37.24"), Decimal("43.2"))  # 86.2037 %
    Decimal('86.2000')
    >>> _percent_of(Decimal("0.86"), Decimal("0.3716"), Decimal("43.2"))  # 0.86 %: a percent
    Decimal('0.86')
    """
    if not ZERO < rate <= 1 or executed is None or not budget:
        return rate
    exact = executed / budget * 100
    half = Decimal(1).scaleb(int(rate.as_tuple().exponent)) / 2
    if abs(rate - exact) > half and abs(rate * 100 - exact) <= half * 100:
        return rate * 100
    return rate


def _level_name(text: str) -> str:
    """A 一级/二级 name without the 分值 printed after it ("产出指标(50分)" -> "产出指标").

    >>> _level_name("产出指标(50分)")
    '产出指标'
    """
    return _LEVEL_WEIGHT.sub("", squash(text))


#: FundLine field -> the header words naming its column, first the canonical one (data: the
#: layouts met: 山西 2024 seed, 安徽 2022, 河北 2019, 四川 2023, 云南 2020).
FUND_COLUMN_WORDS: Mapping[str, tuple[str, ...]] = MappingProxyType({
    "initial_budget": ("年初预算数", "年初预算"),
    "annual_budget": ("全年预算数", "调整后预算数", "调整后预算", "全年(调整)预算数"),
    "executed": ("全年执行数", "预算执行数", "执行数"),
    "balance": ("资金结(转)余", "资金结余", "结余"),
    "weight": ("分值", "权重"),
    "rate": ("执行率", "预算执行率", "执行率(%)"),
    "score": ("得分",),
    "deviation": ("偏差原因", "原因"),
})  # fmt: skip
#: The letters a header prints after a column's name: "全年预算数(A)", "执行率(B/A)" (安徽
#: 天长 2022).
_COLUMN_KEY = re.compile(r"[(（][A-Z/]+[)）]$")
#: Header cells marking the layout read by content (目标申报数 / 预算编制数 sub-columns).
_CONTENT_LAYOUT = ("目标申报数", "预算编制数", "资金结(转)余")


@frozen
class _FundHeader:
    """A fund header read by position: ``fields`` = (cell index, FundLine field), in order;
    ``first`` = the index of the first field's cell."""

    fields: tuple[tuple[int, str], ...]
    first: int


def _fund_header(line: Line) -> _FundHeader | None:
    """The columns a fund header names, or ``None`` for the layout read by content (or a
    header naming too little: no 执行数 or no 预算数)."""
    cells = [_COLUMN_KEY.sub("", squash(c)) for c in line.cells]
    if any(w in c for c in cells for w in _CONTENT_LAYOUT):
        return None
    found: list[tuple[int, str]] = []
    for i, c in enumerate(cells):
        for field, words in FUND_COLUMN_WORDS.items():
            if c in words:
                found.append((i, field))
                break
    names = {f for _, f in found}
    if not {"annual_budget", "executed"} <= names or len(names) != len(found):
        return None
    return _FundHeader(tuple(found), found[0][0])
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


#: Indicator fields of a layout read by position, and the header cells naming them (whole
#: cells, squashed).  Required: the levels, a value, 分值 and 得分.
_POSITIONAL_HEADER: tuple[tuple[str, frozenset[str], bool], ...] = (
    ("level1", frozenset({"一级指标"}), True),
    ("level2", frozenset({"二级指标"}), True),
    ("level3", frozenset({"三级指标"}), True),
    ("initial_value", frozenset({"年初指标值"}), False),
    ("operator", frozenset({"指标性质"}), False),
    ("target", frozenset({"调整后指标值", "全年指标值", "年度指标值", "指标值", "年初目标值"}), True),
    ("unit", frozenset({"度量单位", "计量单位"}), False),
    ("actual", frozenset({"实际完成值", "完成值", "全年完成值"}), False),
    ("weight", frozenset({"分值", "权重"}), False),  # 湖北: no 分值 column
    ("score", frozenset({"得分"}), True),
)


@functools.lru_cache(maxsize=64)
def _positional_columns(header: str) -> Mapping[str, int] | None:
    """Column index of each indicator field named by a header line (whole cells), for a
    layout read by position; ``None`` when a required column is missing or out of order.

    >>> cols = _positional_columns(chr(9).join(["绩效指标", "一级指标", "二级指标", "三级指标",
    ...     "指标性质", "指标值", "度量单位", "完成值", "权重", "得分", "未完成原因分析"]))
    >>> cols["target"], cols["weight"], cols["reason"]
    (5, 8, 10)
    """
    cells = [squash(c) for c in header.split("\t")]
    found: dict[str, int] = {}
    for field, words, required in _POSITIONAL_HEADER:
        at = next((i for i, c in enumerate(cells) if c in words), None)
        if at is None:
            if required:
                return None
            continue
        found[field] = at
    note = next((i for i, c in enumerate(cells) if c.startswith("定性")), None)
    if note is not None:
        found["note"] = note
    reason = next((i for i, c in enumerate(cells) if "原因" in c), None)
    if reason is not None:
        found["reason"] = reason
    positions = list(found.values())
    if len(set(positions)) != len(positions):
        return None
    return MappingProxyType(found)


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
_UNIT_LABELS = ("预算单位", "主管部门", "实施单位")


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
    """Read one 绩效自评表 block (``title`` is one of ``lines``); file every line in the log.

    A table govfin does not read (a 部门整体支出绩效自评表, a table in traditional
    characters) gives an :class:`EvaluationLayoutError` saying why, and ``None``."""
    reason = unread_title_reason(title.joined)
    if reason is not None:
        part = f"绩效自评表:{squash(title.joined)}"
        log.error(EvaluationLayoutError(reason, line=title.number, text=title.text, where=part))
        for line in lines:
            log.mark(line, LineKind.BOILERPLATE, part, "not read: " + reason)
        return None
    reader = _Reader(log, title, year)
    last = title
    for line in lines:
        if line.blank:
            continue
        reader.feed(line)
        last = line
    return reader.build(last)
