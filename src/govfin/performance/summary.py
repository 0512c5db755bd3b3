"""A department's 项目支出绩效自评 at a glance, and a comparison with what its narrative claims.

The 情况说明 of a 部门决算 states, under 预算绩效情况说明, how many projects were self-evaluated,
the money they cover and how many got each grade ("2024年二级项目绩效自评个数22个，涉及资金205万元：
6个项目自评等级为“优”，3个项目自评等级为“中”，13个项目自评等级为“差”").  :func:`summarize`
computes the same figures from the printed tables, :func:`claims_from_text` reads the claim
(with :func:`~govfin.performance.statement.parse_statement`, the one parser of it),
:func:`compare_claims` lists every mismatch, and :func:`missing_tables` tells when the
mismatch has one likely cause: tables counted by the narrative but not attached.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal

import attrs

from govfin._lazy import frozen
from govfin.amounts import ZERO, Interval, ToleranceMode, interval_of, to_decimal
from govfin.errors import ArgumentTypeError
from govfin.performance.formulas import CENT, execution_rate, round_half_up, total_score
from govfin.performance.model import MONEY_UNIT, ProjectEvaluation
from govfin.performance.schemes import MOF_2020, ScoringScheme
from govfin.performance.statement import parse_statement

__all__ = [
    "ClaimedSummary",
    "DepartmentSummary",
    "Mismatch",
    "MissingTables",
    "ScoreRow",
    "claims_from_text",
    "compare_claims",
    "missing_tables",
    "score_row",
    "summarize",
]


def _counts(value: Mapping[str, int]) -> dict[str, int]:
    out: dict[str, int] = {}
    for k, v in value.items():
        if isinstance(v, bool) or not isinstance(v, int):
            raise ArgumentTypeError(f"grade count for {k!r} must be an int, got {v!r}")
        out[str(k)] = v
    return out


@frozen
class DepartmentSummary:
    """Figures computed from a department's self-evaluation tables.

    - ``by_grade``: projects per printed grade (the computed grade where none is printed),
      every grade of the scheme present (0 included), best first;
    - ``computed_by_grade``: projects per grade computed from the printed 总分;
    - ``funds``: Σ 全年预算数 of the 资金总额 lines (涉及资金); ``executed``: Σ 全年执行数;
    - ``mean_score``: mean 总分 to 0.01 (``None`` without any 总分);
    - ``below``: projects whose 总分 is under ``threshold`` (60: the 差 grade).
    """

    count: int
    projects: tuple[str, ...]
    by_grade: Mapping[str, int] = attrs.field(converter=_counts)
    computed_by_grade: Mapping[str, int] = attrs.field(converter=_counts)
    funds: Decimal
    executed: Decimal
    mean_score: Decimal | None
    below: tuple[str, ...]
    threshold: Decimal = Decimal(60)


def summarize(
    evaluations: Iterable[ProjectEvaluation],
    scheme: ScoringScheme = MOF_2020,
    *,
    threshold: Decimal = Decimal(60),
) -> DepartmentSummary:
    """Count by grade, funds covered, mean score and projects below ``threshold``."""
    evs = tuple(evaluations)
    labels = scheme.grades.labels
    printed = dict.fromkeys(labels, 0)
    computed = dict.fromkeys(labels, 0)
    funds = executed = ZERO
    totals: list[Decimal] = []
    below: list[str] = []
    for ev in evs:
        g_computed = scheme.grade(ev.total_score) if ev.total_score is not None else None
        if g_computed is not None:
            computed[g_computed] = computed.get(g_computed, 0) + 1
        g = ev.grade or g_computed
        if g is not None:
            printed[g] = printed.get(g, 0) + 1
        line = ev.total_line
        if line is not None:
            funds += line.annual_budget or ZERO
            executed += line.executed or ZERO
        if ev.total_score is not None:
            totals.append(ev.total_score)
            if ev.total_score < threshold:
                below.append(ev.project)
    mean = round_half_up(sum(totals, ZERO) / len(totals), CENT) if totals else None
    return DepartmentSummary(
        count=len(evs),
        projects=tuple(ev.project for ev in evs),
        by_grade=printed,
        computed_by_grade=computed,
        funds=funds,
        executed=executed,
        mean_score=mean,
        below=tuple(below),
        threshold=threshold,
    )


def _decimal_or_none(value: object) -> Decimal | None:
    return to_decimal(value, where="claimed figure")


@frozen
class ClaimedSummary:
    """What a narrative states; ``None`` / absent keys = not stated (not compared).

    ``funds`` keeps the printed digits: "205万元" is ``Decimal("205")``, compared to the
    nearest 万元 (the unit of its last printed place).
    """

    count: int | None = None
    by_grade: Mapping[str, int] = attrs.field(factory=dict, converter=_counts)
    funds: Decimal | None = attrs.field(default=None, converter=_decimal_or_none)
    mean_score: Decimal | None = attrs.field(default=None, converter=_decimal_or_none)
    line: int | None = attrs.field(default=None, eq=False)


@frozen
class Mismatch:
    """A claimed figure that the tables do not give: ``field`` is ``"count"``, a grade
    (``"优"``), ``"funds"`` or ``"mean_score"``."""

    field: str
    claimed: Decimal
    computed: Decimal

    def __str__(self) -> str:
        return f"{self.field}: claimed {self.claimed}, the tables give {self.computed}"


def _printed_interval(value: Decimal) -> Interval:
    exponent = value.as_tuple().exponent
    unit = Decimal(1).scaleb(exponent if isinstance(exponent, int) else 0)
    return interval_of(value, unit, ToleranceMode.ROUND)


def _close(claimed: Decimal, computed: Decimal, computed_unit: Decimal) -> bool:
    return _printed_interval(claimed).meets(
        interval_of(computed, computed_unit, ToleranceMode.ROUND)
    )


def compare_claims(summary: DepartmentSummary, claimed: ClaimedSummary) -> tuple[Mismatch, ...]:
    """Every claimed figure that differs from the computed one.

    Counts must be equal; funds and mean score are compared with the precision each is
    printed to (a claim of "205" stands for [204.5, 205.5]).
    """
    out: list[Mismatch] = []
    if claimed.count is not None and claimed.count != summary.count:
        out.append(Mismatch("count", Decimal(claimed.count), Decimal(summary.count)))
    for g, n in claimed.by_grade.items():
        have = summary.by_grade.get(g, 0)
        if n != have:
            out.append(Mismatch(g, Decimal(n), Decimal(have)))
    if claimed.funds is not None and not _close(claimed.funds, summary.funds, MONEY_UNIT):
        out.append(Mismatch("funds", claimed.funds, summary.funds))
    mean = summary.mean_score
    if claimed.mean_score is not None and (
        mean is None or not _close(claimed.mean_score, mean, CENT)
    ):
        out.append(Mismatch("mean_score", claimed.mean_score, mean if mean is not None else ZERO))
    return tuple(out)


#: Powers of ten from a printed unit of money to 万元.
_TO_WAN = {"万元": 0, "元": -4, "亿元": 4}


def claims_from_text(text: str) -> ClaimedSummary:
    """Read the claimed figures from a 预算绩效情况说明 paragraph (absent figures stay ``None``).

    The figures are those :func:`~govfin.performance.statement.parse_statement` finds (the
    first count, money and mean; the grade counts summed per grade); money in 元 or 亿元 is
    given in 万元, keeping the printed precision.

    >>> c = claims_from_text("绩效自评个数22个，涉及资金205万元：6个项目自评等级为“优”")
    >>> (c.count, c.funds, dict(c.by_grade))
    (22, Decimal('205'), {'优': 6})
    >>> c = claims_from_text("其中8个项目自评结果为优，2个项目自评结果为良，平均得分91.2分")
    >>> (c.count, dict(c.by_grade), c.mean_score)
    (None, {'优': 8, '良': 2}, Decimal('91.2'))
    """
    count = funds = mean = None
    grades: dict[str, int] = {}
    for st in parse_statement(text):
        if st.what == "count" and count is None:
            count = int(st.value)
        elif st.what == "funds" and funds is None:
            funds = st.value.scaleb(_TO_WAN[st.unit])
        elif st.what == "mean" and mean is None:
            mean = st.value
        elif st.what == "grade" and st.grade is not None:
            grades[st.grade] = grades.get(st.grade, 0) + int(st.value)
    return ClaimedSummary(count=count, by_grade=grades, funds=funds, mean_score=mean)


@frozen
class MissingTables:
    """``count`` 自评表 that the narrative counts but the disclosure does not attach, and the
    grades they would have (``grades``: grade -> how many; empty when the narrative gives no
    grades)."""

    count: int
    grades: Mapping[str, int] = attrs.field(factory=dict, converter=_counts)

    def __str__(self) -> str:
        if not self.grades:
            return f"{self.count} 自评表"
        return "、".join(f"{n} graded {g}" for g, n in self.grades.items())


def missing_tables(summary: DepartmentSummary, claimed: ClaimedSummary) -> MissingTables | None:
    """The likeliest cause when the narrative counts more self-evaluations than are attached.

    When the narrative is consistent with itself (its grade counts add up to its count) and
    exceeds the attached tables grade by grade (never fewer of a grade than attached), the
    difference is whole tables not attached, of the grades it leaves over.  ``None`` when the
    counts agree, or when the difference cannot be so explained (the narrative contradicts
    itself, or counts fewer of some grade than are attached).

    >>> s = DepartmentSummary(21, (), {"优": 5, "良": 0, "中": 3, "差": 13}, {}, 0, 0, None, ())
    >>> str(missing_tables(s, ClaimedSummary(22, {"优": 6, "中": 3, "差": 13})))
    '1 graded 优'
    >>> missing_tables(s, ClaimedSummary(22, {"优": 5, "中": 3, "差": 13})) is None  # 21 ≠ 22
    True
    """
    if claimed.count is None or claimed.count <= summary.count:
        return None
    missing = claimed.count - summary.count
    if not claimed.by_grade:
        return MissingTables(missing)
    if sum(claimed.by_grade.values()) != claimed.count:
        return None
    extra: dict[str, int] = {}
    for g in dict.fromkeys([*summary.by_grade, *claimed.by_grade]):
        have, said = summary.by_grade.get(g, 0), claimed.by_grade.get(g, 0)
        if said < have:
            return None
        if said > have:
            extra[g] = said - have
    return MissingTables(missing, extra) if sum(extra.values()) == missing else None


@frozen
class ScoreRow:
    """One evaluation's printed figures beside the recomputed ones (``govfin score``).

    ``rate``: 执行率 (percent); ``rate_score``: 执行率得分; ``total``: 总分; ``grade``: 等级.
    Recomputed values follow ``scheme``: the rate from 全年执行数 / 全年预算数, its score from the
    recomputed rate, 总分 from the printed 执行率得分 and indicator 得分, the grade from the
    printed 总分.  ``None`` where a figure is not printed or not computable.
    """

    rate: Decimal | None
    rate_computed: Decimal | None
    rate_score: Decimal | None
    rate_score_computed: Decimal | None
    total: Decimal | None
    total_computed: Decimal | None
    grade: str | None
    grade_computed: str | None

    def __iter__(self) -> Iterator[Decimal | str | None]:
        return iter(attrs.astuple(self, recurse=False))


def score_row(evaluation: ProjectEvaluation, scheme: ScoringScheme = MOF_2020) -> ScoreRow:
    """Printed against recomputed 执行率, 执行率得分, 总分 and grade of one evaluation."""
    line = evaluation.total_line
    rate = rate_c = score = score_c = None
    if line is not None:
        rate, score = line.rate, line.score
        rate_c = execution_rate(line.executed, line.annual_budget)
        score_c = scheme.execution_score(rate_c, line.weight) if rate_c is not None else None
    total_c = total_score(score, (i.score for i in evaluation.indicators))
    printed_total = evaluation.total_score
    grade_c = scheme.grades.grade(printed_total) if printed_total is not None else None
    return ScoreRow(
        rate, rate_c, score, score_c, evaluation.total_score, total_c, evaluation.grade, grade_c
    )
