"""The narrative's 绩效 claim against the attached 项目支出绩效自评表 (rules N-perf, N-perf-funds).

The claim ("2024年二级项目绩效自评个数22个，涉及资金205万元：6个项目自评等级为“优”，…") is
judged as a whole, one finding per cause:

- **Tables missing.**  When the narrative is consistent with itself (its grade counts add up to
  its count) and exceeds the attached tables grade by grade, the likeliest cause is tables not
  attached (:func:`~govfin.performance.summary.missing_tables`): ONE finding on the count says
  so and which grades they would have; the grade claims that the missing tables explain are
  "not checkable" (their tables are not there), the others agree.
- **Otherwise** each figure is compared on its own: the count with the tables attached and with
  the grade counts stated with it, each grade count with the tables of that grade.
- **涉及资金** is compared with every plausible base: Σ 全年执行数 and Σ 全年预算数 of the
  attached tables, the 项目支出 of 公开05表 and of 公开03表; when tables are missing, also
  Σ 全年执行数 plus the missing tables' spending, which cannot exceed what the 项目支出 of
  公开05表/03表 leaves over.  It is contradicted only when no base fits; the finding says which
  fits.  (No base bounds a missing table's budget, so Σ 全年预算数 plus missing tables is not
  taken: any larger claim would fit it.)
- **平均得分** is the mean of the printed 总分 (not judged when tables are missing).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Sequence
from decimal import Decimal
from typing import NamedTuple

from govfin.amounts import ZERO, Interval, Tolerance, ToleranceMode, interval_of
from govfin.disclosure import Disclosure
from govfin.findings import Cell, Place
from govfin.narrative import (
    AmountClaim,
    Claim,
    CountClaim,
    GradeCountClaim,
    MeanScoreClaim,
)
from govfin.performance.model import MONEY_UNIT, SCORE_UNIT, ProjectEvaluation
from govfin.performance.summary import (
    ClaimedSummary,
    DepartmentSummary,
    MissingTables,
    missing_tables,
    summarize,
)
from govfin.rules.narrative.outcome import Status, compared
from govfin.tables import T03, T05

__all__ = ["PerformanceChecks"]


def _fmt(v: Decimal) -> str:
    return f"{v:f}"


def _grades(by_grade: dict[str, int] | object, order: Sequence[str]) -> str:
    """ "6 优, 3 中, 13 差": the grades stated (or present), in the scheme's order."""
    assert isinstance(by_grade, dict)
    keys = [g for g in order if by_grade.get(g)] + [g for g in by_grade if g not in order
                                                    and by_grade[g]]
    return ", ".join(f"{by_grade[g]} {g}" for g in keys)


_ORDER = ("优", "良", "中", "差")
_WORDS = {1: "one", 2: "two", 3: "three"}


class PerformanceChecks:
    """The N-perf and N-perf-funds methods of the narrative assessor (a mixin of
    :class:`govfin.rules.narrative.assess._Assessor`, whose state it reads: ``d``, ``claims``,
    ``tol``, ``add``, ``uncheckable``, ``counted``, ``group``)."""

    d: Disclosure
    claims: tuple[Claim, ...]
    tol: Tolerance
    _perf: DepartmentSummary | None = None
    _perf_missing: dict[tuple[str, str], tuple[ClaimedSummary, MissingTables | None]] | None = None

    # provided by the assessor
    def add(self, claim: Claim, rule_id: str, status: Status, message: str,
            **kw: object) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def uncheckable(self, c: Claim, rule_id: str, why: str) -> None:  # pragma: no cover
        raise NotImplementedError

    def counted(self, c: Claim, rule_id: str, claimed: Decimal, n: Decimal, message: str,
                cells: tuple[Place, ...]) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def group(self, name: str, key: Callable[[Claim], Hashable | None]
              ) -> dict[Hashable, list[tuple[int, Claim]]]:  # pragma: no cover - overridden
        raise NotImplementedError

    # -- shared ------------------------------------------------------------------------------
    def perf(self) -> DepartmentSummary:
        """The performance package's department summary of the attached 自评表."""
        if self._perf is None:
            self._perf = summarize(self.d.evaluations)
        return self._perf

    def _no_evaluations(self, c: Claim, rule_id: str) -> bool:
        if self.d.evaluations:
            return False
        self.uncheckable(c, rule_id, "no 项目支出绩效自评表 is attached to the disclosure")
        return True

    def _statement(self, c: Claim) -> tuple[CountClaim | None, list[GradeCountClaim]]:
        """The count and grade claims stated with ``c``: in its sentence, else in its section."""
        for name, key in (
            ("perf by sentence", lambda x: (x.sentence, x.section)),
            ("perf by section", lambda x: x.section),
        ):
            groups = self.group(name, lambda x, key=key: key(x) if _is_perf_figure(x) else None)
            group = [x for _, x in groups.get(key(c), ())]
            count = next((x for x in group if isinstance(x, CountClaim)), None)
            grades = [x for x in group if isinstance(x, GradeCountClaim)]
            if count is not None or grades:
                return count, grades
        return None, []

    def _explained(self, c: Claim) -> tuple[CountClaim | None, list[GradeCountClaim],
                                           ClaimedSummary, MissingTables | None]:
        """The statement ``c`` belongs to, what it claims, and the tables it says are missing
        (:func:`~govfin.performance.summary.missing_tables`), once per statement."""
        count, grades = self._statement(c)
        key = (count or (grades[0] if grades else c)).sentence, c.section
        memo = self._perf_missing
        if memo is None:
            memo = self._perf_missing = {}
        if key not in memo:
            by_grade: dict[str, int] = {}
            for g in grades:
                by_grade[g.grade] = by_grade.get(g.grade, 0) + int(g.count.value)
            claimed = ClaimedSummary(
                count=int(count.count.value) if count is not None else None, by_grade=by_grade
            )
            memo[key] = (claimed, missing_tables(self.perf(), claimed))
        claimed, missing = memo[key]
        return count, grades, claimed, missing

    # -- N-perf -----------------------------------------------------------------------------
    def perf_count(self, c: CountClaim) -> None:
        if self._no_evaluations(c, "N-perf"):
            return
        summary = self.perf()
        n = summary.count
        claimed = c.count.value
        _, grades, said, missing = self._explained(c)
        attached = tuple(e.place() for e in self.d.evaluations)
        if missing is not None:
            k = missing.count
            what = (f"{_WORDS.get(k, k)} 自评表" + (f" graded {'、'.join(missing.grades)}"
                                                    if missing.grades else ""))
            were = "seems" if k == 1 else "seem"
            detail = ""
            if said.by_grade:
                detail = (f": the narrative counts {_fmt(claimed)} "
                          f"({_grades(dict(said.by_grade), _ORDER)}) = the {n} attached "
                          f"({_grades(dict(summary.by_grade), _ORDER)}) + "
                          + ", ".join(f"{_WORDS.get(v, v)} {g}"
                                      for g, v in missing.grades.items()))
            else:
                detail = f": the narrative counts {_fmt(claimed)}, {n} are attached"
            self.add(
                c, "N-perf", Status.CONTRADICTED,
                f"“{c.text}”: {what} {were} not attached{detail}",
                expected=Decimal(n), actual=claimed, difference=claimed - n,
                cells=(c.place, *(g.place for g in grades), *attached),
            )  # fmt: skip
        else:
            self.counted(
                c, "N-perf", claimed, Decimal(n),
                f"“{c.text}”: {n} 项目支出绩效自评表 are attached",
                attached,
            )  # fmt: skip
        if grades:
            total = sum((g.count.value for g in grades), ZERO)
            self.counted(
                c, "N-perf", claimed, total,
                f"“{c.text}”: the grade counts stated with it add up to {_fmt(total)}",
                tuple(g.place for g in grades),
            )  # fmt: skip

    def perf_grade(self, c: GradeCountClaim) -> None:
        if self._no_evaluations(c, "N-perf"):
            return
        n = self.perf().by_grade.get(c.grade, 0)
        matching = [e for e in self.d.evaluations if e.grade == c.grade]
        claimed = c.count.value
        names = "、".join(e.project for e in matching)
        count, _, _, missing = self._explained(c)
        if missing is not None and missing.grades.get(c.grade) and count is not None:
            k = missing.grades[c.grade]
            return self.uncheckable(
                c, "N-perf",
                f"{n} attached 自评表 are graded “{c.grade}”" + (f" ({names})" if names else "")
                + f"; the other {k} would be the table{'s' if k > 1 else ''} not attached "
                f"(see “{count.text}”)",
            )  # fmt: skip
        self.counted(
            c, "N-perf", claimed, Decimal(n),
            f"“{c.text}”: {n} attached 自评表 are graded “{c.grade}”"
            + (f" ({names})" if names and claimed != n else ""),
            tuple(e.grade_place() for e in matching),
        )  # fmt: skip

    def perf_mean(self, c: MeanScoreClaim) -> None:
        if self._no_evaluations(c, "N-perf"):
            return
        _, _, _, missing = self._explained(c)
        if missing is not None:
            return self.uncheckable(
                c, "N-perf", f"the mean of the tables counted cannot be computed: {missing} "
                "not attached",
            )
        totals = [e.total_score for e in self.d.evaluations if e.total_score is not None]
        if not totals:
            return self.uncheckable(c, "N-perf", "no attached 自评表 prints its 总分")
        exact = sum(totals, ZERO) / len(totals)
        # each 总分 stands for ±0.005, and so does their mean
        allowed = Interval(exact - SCORE_UNIT / 2, exact + SCORE_UNIT / 2)
        printed = interval_of(c.score.value, c.score.last_place, ToleranceMode.ROUND)
        ok = allowed.meets(printed)
        shown = exact.quantize(c.score.last_place)
        self.add(
            c, "N-perf", Status.AGREES if ok else Status.CONTRADICTED,
            f"“{c.text}”: the mean 总分 of the {len(totals)} attached 自评表 is {_fmt(shown)}",
            expected=shown, actual=c.score.value, difference=c.score.value - shown,
            cells=(c.place, *(e.total_cell().place for e in self.d.evaluations
                              if e.total_score is not None)),
        )  # fmt: skip

    # -- N-perf-funds -----------------------------------------------------------------------
    def perf_funds(self, c: AmountClaim) -> None:
        if self._no_evaluations(c, "N-perf-funds"):
            return
        summary = self.perf()
        evs = [e for e in self.d.evaluations if e.total_line is not None]
        value, unit = c.amount.wan_yuan()
        n = len(evs)
        # Each base: its label, its values (None: blank) with their units, and its cells, built
        # only for the base the finding names.
        bases: list[_Base] = [
            _fund_base(f"Σ 全年执行数 of the {n} attached 自评表", evs, "executed"),
            _fund_base(f"Σ 全年预算数 of the {n} attached 自评表", evs, "annual_budget"),
        ]  # fmt: skip
        projects = self._project_spending()
        bases += [_Base(f"the 项目支出 of 公开{number}表", [cell.value], [cell.unit],
                        lambda cell=cell: [cell])
                  for number, cell in projects]
        tried: list[str] = []
        for label, printed, units, cells in bases:
            values = [v for v in printed if v is not None]
            if len(values) < len(printed):
                continue
            parts = [(1, v) for v in values]
            cmp = self.tol.compare(value, parts, unit, units=units, total_unit=unit)
            total = sum(values, ZERO)
            if cmp.consistent:
                others = "; ".join(tried)
                return self.add(
                    c, "N-perf-funds", Status.AGREES,
                    f"“{c.text}” = {label}, {_fmt(total)}万元"
                    + (f" (not {others})" if others else ""),
                    cells=(c.place, *(x.place for x in cells())), **compared(cmp),
                )  # fmt: skip
            tried.append(f"{label} {_fmt(total)}")
        _, _, _, missing = self._explained(c)
        if missing is not None and projects:
            executed = summary.executed
            top_number, top = max(projects, key=lambda p: p[1].value or ZERO)
            assert top.value is not None
            room = top.value - executed
            claimed = interval_of(value, unit, ToleranceMode.ROUND)
            if claimed.meets(Interval(executed, executed + room)):
                rest = value - executed
                return self.add(
                    c, "N-perf-funds", Status.AGREES,
                    f"“{c.text}” fits Σ 全年执行数 of the {n} attached 自评表 "
                    f"({_fmt(executed)}万元) with {_fmt(rest)}万元 spent on the 自评表 not "
                    f"attached ({missing}; at most {_fmt(room)}万元, what the 项目支出 "
                    f"{_fmt(top.value)} of 公开{top_number}表 leaves beyond the attached) — "
                    f"not {'; not '.join(tried)}",
                    expected=executed, actual=value, difference=rest,
                    cells=(c.place, top.place),
                )  # fmt: skip
        nearest = min(
            (sum((v for v in printed if v is not None), ZERO) for _, printed, _, _ in bases),
            key=lambda v: abs(v - value),
        )
        self.add(
            c, "N-perf-funds", Status.CONTRADICTED,
            f"“{c.text}”: no plausible base gives it: {'; '.join(tried)}",
            expected=nearest, actual=value, difference=value - nearest,
            cells=(c.place,),
        )  # fmt: skip

    def _project_spending(self) -> list[tuple[str, Cell]]:
        """The 项目支出 合计 of 公开05表 and 公开03表, where printed."""
        out = []
        for cls in (T05, T03):
            t = self.d.table(cls)
            if t is None:
                continue
            try:
                cell = t.cell("合计", "项目支出")
            except (KeyError, LookupError):
                continue
            if cell.value is not None:
                out.append((cls.NUMBER, cell))
        return out


class _Base(NamedTuple):
    """A plausible base of 涉及资金: its label, the values it sums (None: blank) with their
    units, and its cells (built when a finding names them)."""

    label: str
    values: list[Decimal | None]
    units: list[Decimal]
    cells: Callable[[], list[Cell]]


def _fund_base(label: str, evs: list[ProjectEvaluation], attr: str) -> _Base:
    """Σ of the 资金总额 cell ``attr`` of ``evs``."""
    return _Base(label, [getattr(e.funds[0], attr) for e in evs], [MONEY_UNIT] * len(evs),
                 lambda: [e.fund_cell(e.funds[0], attr) for e in evs])


#: The subject of a count of self-evaluated projects, and of the money they cover.
_PERF_COUNT = re.compile(r"自评(?:项目)?(?:个数|数量|数)|自评项目|评价项目(?:个数|数)?")
_PERF_FUNDS = re.compile(r"涉及(?:项目)?(?:资金|金额)")


def _is_perf(c: Claim) -> bool:
    """Is the claim in a sentence about the self-evaluations?"""
    return "绩效" in c.sentence or "自评" in c.sentence


def _is_perf_figure(c: Claim) -> bool:
    """A count or grade count of the 绩效 claim (what :meth:`PerformanceChecks._statement`
    groups)."""
    if isinstance(c, GradeCountClaim):
        return True
    return isinstance(c, CountClaim) and _is_perf(c) and _PERF_COUNT.search(c.subject) is not None
