"""Every check of every claim of the narrative, as :class:`Assessment` values (pure).

:func:`assess` runs them outside a check run; the rules of :mod:`govfin.rules.narrative.checks`
report the same assessment, computed once per run.  Percentages are compared as intervals:
"21.18%" is [21.175, 21.185], and the recomputed rate is the interval spanned by the printed
figures' own intervals.

A 部门预算 (``Disclosure.kind == "预算"``) is checked by the same methods: its subjects are
resolved by table ROLE (:mod:`govfin.figures`); a printed figure agrees when it is the table's
rounded *or* truncated to the printed places (the finding says which); a change whose amount
is not printed is recomputed from this year's and last year's figures stated in the sentence
("2022年当年预算执行数为1.48万元，2023年预算安排2.63万元，比2022年预算执行数增加77.70%"),
a comparison with a year other than the previous is reported, and the 绩效目标 counts and
money are checked against ``Disclosure.plans`` (N-plan, N-plan-funds).

This module is over 600 lines on purpose: it is one class, :class:`_Assessor`, whose methods
are one per claim kind and share its resolvers and tolerance; splitting it would scatter that
state.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Hashable
from decimal import ROUND_HALF_UP, Decimal

from govfin._lazy import lazy_pattern
from govfin.amounts import (
    HUNDRED,
    ZERO,
    Interval,
    Tolerance,
    ToleranceMode,
    Unit,
    interval_of,
)
from govfin.disclosure import Disclosure
from govfin.figures import (
    BUDGET_NIL_ROLES,
    NIL_TABLES,
    Figure,
    Resolver,
    budget_key,
    money_of,
    scope_of,
)
from govfin.findings import Place
from govfin.narrative import (
    DIRECTIONS,
    PREVIOUS_YEAR,
    AmountClaim,
    ChangeClaim,
    Claim,
    CompletionClaim,
    CountClaim,
    GradeCountClaim,
    MeanScoreClaim,
    NilClaim,
    PercentClaim,
    Quantity,
    ShareClaim,
    UnpairedClaim,
    is_other_year,
    subject_key,
)
from govfin.rules.engine import CheckOptions
from govfin.rules.narrative.facts_common import year_of as document_year
from govfin.rules.narrative.outcome import Assessment, Status
from govfin.rules.narrative.outcome import compared as _compared
from govfin.rules.narrative.perf import _PERF_COUNT, _PERF_FUNDS, PerformanceChecks, _is_perf
from govfin.rules.narrative.share_sum import share_sums
from govfin.tables.budget import family_table

__all__ = ["Assessment", "Status", "assess"]


def _mode(tol: Tolerance) -> ToleranceMode:
    return ToleranceMode.ROUND if tol.mode is ToleranceMode.EXACT else tol.mode


def _pct_interval(q: Quantity, tol: Tolerance) -> Interval:
    return interval_of(q.value, q.last_place, _mode(tol))


def _ratio(num: Interval, den: Interval) -> Interval | None:
    """num / den × 100 for a denominator interval not containing 0."""
    if den.lo <= 0 <= den.hi:
        return None
    qs = [a / b * HUNDRED for a in (num.lo, num.hi) for b in (den.lo, den.hi)]
    return Interval(min(qs), max(qs))


def _q(v: Decimal, like: Quantity) -> Decimal:
    return v.quantize(like.last_place, rounding=ROUND_HALF_UP)


def _fmt(v: Decimal) -> str:
    return f"{v:f}"


# -- the assessment --------------------------------------------------------------------------

#: Budget subjects that restate the item named before them ("2023年预算安排2.63万元").
_RESTATING = frozenset({"安排", "本年安排", "当年安排"})
_PLAN_WORDS = lazy_pattern(r"绩效目标")
#: A budget amount after these words is a change ("主要原因是基本支出增加人员经费1408.29万元").
_CHANGE_WORDS = lazy_pattern(r"增加|减少|增长|下降|压减|调减|调增|节约")
#: "与上年统计口径一致": a definition kept, not a figure unchanged.
_SAME_BASIS = re.compile(r"口径[一相]致")
_PLAN_FUNDS = lazy_pattern(r"资金|金额")
_COMPARED_YEAR = lazy_pattern(r"比(?:(?P<y>(?:19|20)\d{2})年|上年)")

_PLAN_COUNT = lazy_pattern(r"项目")
class _Assessor(PerformanceChecks):
    def __init__(self, d: Disclosure, options: CheckOptions, resolve: Resolver | None = None):
        self.d = d
        self.options = options
        self.tol = options.tolerance
        self.out: list[Assessment] = []
        self.claims = d.claims()
        previous = options.extra.get("previous")
        #: Resolves subjects in ``d`` (a check run's, shared with its other narrative rules).
        self.resolve = Resolver(d) if resolve is None else resolve
        #: Resolves subjects in last year's Disclosure (``options.extra["previous"]``), if given.
        self.resolve_previous = Resolver(previous) if isinstance(previous, Disclosure) else None
        #: Linear cost: each claim's position, and claims grouped by what the look-backs
        #: compare (built once, on first use), instead of a scan of every claim per claim.
        self._position = {id(c): i for i, c in enumerate(self.claims)}
        self._groups: dict[str, dict[Hashable, list[tuple[int, Claim]]]] = {}
        self._modes: tuple[Tolerance, ...] | None = None
        #: Each section's scope (:func:`scope_of`), by heading.
        self._scopes: dict[str, str | None] = {}

    def group(
        self, name: str, key: Callable[[Claim], Hashable | None]
    ) -> dict[Hashable, list[tuple[int, Claim]]]:
        """The claims by ``key`` (None: left out), each group in printed order with positions."""
        found = self._groups.get(name)
        if found is None:
            found = self._groups[name] = {}
            for i, x in enumerate(self.claims):
                k = key(x)
                if k is not None:
                    found.setdefault(k, []).append((i, x))
        return found

    def before(self, group: list[tuple[int, Claim]] | None, c: Claim) -> list[Claim]:
        """The claims of ``group`` printed before ``c`` (all of them when ``c`` is not a claim
        of this disclosure)."""
        if not group:
            return []
        at = self._position.get(id(c))
        end = len(group) if at is None else bisect.bisect_left(group, at, key=lambda e: e[0])
        return [x for _, x in group[:end]]

    # -- helpers --------------------------------------------------------------------------
    def add(self, claim: Claim, rule_id: str, status: Status, message: str, **kw: object) -> None:
        self.out.append(Assessment(claim, rule_id, status, message, **kw))  # type: ignore[arg-type]

    def uncheckable(self, c: Claim, rule_id: str, why: str) -> None:
        self.add(c, rule_id, Status.UNCHECKABLE, why)

    @property
    def budget(self) -> bool:
        """Is the disclosure a 部门预算?"""
        return self.resolve.is_budget

    def scope(self, c: Claim) -> str | None:
        try:
            return self._scopes[c.section]
        except KeyError:
            found = self._scopes[c.section] = scope_of(c.section, "预算" if self.budget else "决算")
            return found

    def modes(self) -> tuple[Tolerance, ...]:
        """The tolerances a printed figure is judged under: the run's; for a budget whose run
        rounds, truncation as well (a 预算's text cuts as often as it rounds)."""
        found = self._modes
        if found is None:
            found = self._modes = (
                (self.tol, Tolerance(ToleranceMode.TRUNCATE))
                if self.budget and self.tol.mode is ToleranceMode.ROUND
                and self.tol.absolute is None
                else (self.tol,)
            )  # fmt: skip
        return found

    def figure(
        self, c: Claim, subject: str | None = None, attribute: str | None = None
    ) -> Figure | None:
        return self.resolve(c.subject if subject is None else subject, self.scope(c), attribute)

    def table_figure(
        self, c: Claim, rule_id: str, *, attribute: str | None = None, why: str | None = None
    ) -> Figure | None:
        """The complete table figure a claim names; else None, the claim reported not
        checkable (``why``, or that nothing / a missing table is named)."""
        fig = self.figure(c, attribute=attribute)
        if fig is None:
            self.uncheckable(c, rule_id, why or f"no table figure is named by “{c.subject}”")
        elif fig.missing:
            self.uncheckable(c, rule_id, f"{fig.missing} is not in the disclosure")
        else:
            return fig
        return None

    def stated(self, key: str, before: Claim) -> AmountClaim | None:
        """The narrative's own amount for a subject, stated before ``before``."""
        by_key = self.group(
            "stated",
            lambda c: c.key
            if isinstance(c, AmountClaim) and (c.attribute is None or "决算" in c.attribute)
            else None,
        )
        earlier = self.before(by_key.get(key), before)
        found = earlier[-1] if earlier else None
        assert found is None or isinstance(found, AmountClaim)
        return found

    def percentage(
        self,
        c: Claim,
        rule_id: str,
        printed: Quantity,
        allowed: Interval,
        point: Decimal,
        detail: str,
        cells: tuple[Place, ...] = (),
        note: str = "",
    ) -> None:
        """A printed percentage against the interval its figures allow (``point``: the value
        the figures as printed give)."""
        expected = _q(point, printed)
        how = ""
        ok = False
        for i, tol in enumerate(self.modes()):
            if allowed.meets(_pct_interval(printed, tol)):
                ok, how = True, ("" if i == 0 else " (truncated to the printed places)")
                break
        self.add(
            c,
            rule_id,
            Status.AGREES if ok else Status.CONTRADICTED,
            f"“{c.text}”: {detail} = {_fmt(expected)}%" + (how if ok else f", not {printed}{note}"),
            expected=expected,
            actual=printed.value,
            difference=printed.value - expected,
            cells=cells or (c.place,),
        )

    def counted(
        self, c: Claim, rule_id: str, claimed: Decimal, n: Decimal, message: str,
        cells: tuple[Place, ...],
    ) -> None:  # fmt: skip
        """A claimed count against the count found (exact)."""
        self.add(
            c,
            rule_id,
            Status.AGREES if claimed == n else Status.CONTRADICTED,
            message,
            expected=n,
            actual=claimed,
            difference=claimed - n,
            cells=(c.place, *cells),
        )

    # -- X12: amounts, counts, nil statements against the tables --------------------------
    def amount(self, c: AmountClaim) -> None:
        if self.budget and _PLAN_WORDS.search(c.sentence) and _PLAN_FUNDS.search(c.subject):
            return self.plan_funds(c)
        if _is_perf(c) and _PERF_FUNDS.search(c.subject):
            return self.perf_funds(c)
        if self.budget and budget_key(c.subject) in _RESTATING:
            return self.restated(c)
        if self.budget and _CHANGE_WORDS.search(c.subject):
            return self.uncheckable(
                c, "X12", f"an amount of change in “{c.subject}”, not the figure itself"
            )
        if is_other_year(c.attribute):
            return self.other_year(c)
        budget = c.attribute is not None and "预算" in c.attribute and not self.budget
        fig = self.table_figure(
            c, "X12", attribute=c.attribute,
            why=f"the tables give no {c.attribute}" if budget else None,
        )  # fmt: skip
        if fig is not None:
            value, unit = money_of(c.amount, self.d)
            self.compare(c, "X12", value, unit, fig, f"“{c.text}”")

    def other_year(self, c: AmountClaim) -> None:
        """ "比上年累计支出285万元": last year's figure, checked against last year's disclosure
        when one is given (``options.extra["previous"]``); never against this year's tables."""
        prev = self.previous_year()
        last_year = c.attribute == PREVIOUS_YEAR or (
            prev is not None and c.attribute == f"{prev}年"
        )
        if self.resolve_previous is None or not last_year:
            return self.uncheckable(
                c, "X12", f"a figure of {c.attribute or 'another year'}, the year compared with"
            )
        fig = self.resolve_previous(c.subject, self.scope(c))
        if fig is None or fig.missing:
            return self.uncheckable(c, "X12", "the figure is not in last year's tables")
        value, unit = money_of(c.amount, self.d)
        self.compare(c, "X12", value, unit, fig, f"“{c.text}” (last year's disclosure)")

    def restated(self, c: AmountClaim) -> None:
        """ "2023年预算安排441.25万元" after "“…（项）”220.63万元": the item's figure again."""
        by_section = self.group(
            "restated",
            lambda x: x.section
            if isinstance(x, AmountClaim)
            and budget_key(x.subject) not in _RESTATING
            and "执行数" not in x.subject
            else None,
        )
        earlier = self.before(by_section.get(c.section), c)
        lead = earlier[-1] if earlier else None
        if lead is None:
            return self.uncheckable(c, "X12", "no item is named before it")
        fig = self.figure(c, subject=lead.subject)
        if fig is None or fig.missing:
            return self.uncheckable(c, "X12", f"no table figure is named by “{lead.subject}”")
        value, unit = money_of(c.amount, self.d)
        self.compare(c, "X12", value, unit, fig, f"“{c.text}” (of {lead.subject})")

    def compare(
        self, c: Claim, rule_id: str, value: Decimal, unit: Decimal, fig: Figure, what: str
    ) -> None:
        """``value`` against the table figure (:meth:`Figure.judge`) under each way the
        document may have rounded (:meth:`modes`): a figure restating one cell must be
        identical to the places both print, never a cent apart; a sum gets the slack."""
        for i, tol in enumerate(self.modes()):
            cmp = fig.judge(tol, value, unit)
            if cmp.consistent:
                break
        restated = fig.restated is not None
        if cmp.consistent:
            exact = value == fig.value if restated else cmp.difference == 0
            extra = "" if exact else (
                " within rounding" if i == 0 else " truncated to the printed places"
            )  # fmt: skip
            status, message = Status.AGREES, f"{what} = {fig.label} {_fmt(fig.value)}{extra}"
        else:
            status, message = Status.CONTRADICTED, f"{what}, but {fig.label} is {_fmt(fig.value)}"
            if restated:
                message += (": the same figure printed twice must be identical to the printed "
                            "places (not a rounding residue, 尾数误差)")
        self.add(c, rule_id, status, message, cells=(c.place, *fig.places), **_compared(cmp))

    def count(self, c: CountClaim) -> None:
        if self.budget and _PLAN_WORDS.search(c.sentence):
            return self.plan_count(c)
        if _is_perf(c) and _PERF_COUNT.search(c.subject):
            return self.perf_count(c)
        fig = self.table_figure(c, "X12")
        if fig is not None:
            self.compare(c, "X12", c.count.value, ZERO, fig, f"“{c.text}”")

    def nil(self, c: NilClaim) -> None:
        if c.subject:
            fig = self.table_figure(c, "X12")
            if fig is not None:
                self.compare(c, "X12", ZERO, ZERO, fig, f"“{c.text}” (nil)")
            return
        if self.budget:
            return self.budget_nil(c)
        cls = NIL_TABLES.get(self.scope(c) or "")
        if cls is None:
            return self.uncheckable(c, "X12", "no table is named by the section")
        t = self.d.table(cls)
        if t is None:
            return self.uncheckable(
                c, "X12", f"公开{cls.NUMBER}表 {cls.KIND} is not in the disclosure"
            )
        data = [r for r in t.rows if any(v not in (None, ZERO) for v in r.values.values())]
        cells = (c.place, Place(cls.KIND, data[0].key if data else None))
        if data:
            self.add(
                c,
                "X12",
                Status.CONTRADICTED,
                f"“{c.text}”, but {cls.KIND} has data (row {data[0].key})",
                cells=cells,
            )
        else:
            self.add(c, "X12", Status.AGREES, f"“{c.text}”: {cls.KIND} has no data", cells=cells)

    # -- N-share ---------------------------------------------------------------------------
    def share(self, c: ShareClaim) -> None:
        d = self.d
        if c.part is not None:
            pv, pu = money_of(c.part, d)
        else:
            fig = self.figure(c)
            if fig is None or fig.missing:
                return self.uncheckable(c, "N-share", "the part is not stated")
            pv, pu = fig.value, fig.unit
        whole_from = "the text"
        if c.whole is not None:
            wv, wu = money_of(c.whole, d)
        else:
            of = c.of or ""
            stated = self.stated(subject_key(of), c) if of else None
            if stated is not None:
                wv, wu = money_of(stated.amount, d)
            else:
                fig = self.resolve(of, self.scope(c)) if of else None
                if fig is None or fig.missing:
                    return self.uncheckable(
                        c, "N-share", f"the whole (“{of or '?'}”) is neither stated nor in a table"
                    )
                wv, wu = fig.value, fig.unit
                whole_from = fig.label
        mode = self.tol.mode
        r = _ratio(interval_of(pv, pu, mode), interval_of(wv, wu, mode))
        if r is None:  # the whole, as printed, may be 0: any share is possible
            return self.uncheckable(
                c, "N-share", f"the whole ({c.of}) is printed as {_fmt(wv)}: no share follows"
            )
        detail = f"{_fmt(pv)} / {_fmt(wv)} ({c.of}, from {whole_from})"
        self.percentage(c, "N-share", c.percent, r, pv / wv * HUNDRED, detail)

    # -- N-change, N-zero-base --------------------------------------------------------------
    def change(self, c: ChangeClaim) -> None:
        if self.budget and self.wrong_year(c):
            return
        if c.garbled is not None:
            return self.uncheckable(
                c, "N-change", f"the direction words are garbled (“{c.garbled}”): which "
                "direction was meant cannot be told (N-garbled)",
            )  # fmt: skip
        sign = c.sign
        if (
            c.percent_direction is not None
            and c.delta is not None
            and DIRECTIONS[c.percent_direction] != sign
        ):
            return self.add(
                c,
                "N-change",
                Status.CONTRADICTED,
                f"“{c.text}”: “{c.direction}” and “{c.percent_direction}” "
                "point in opposite directions",
            )
        if c.basis is not None:
            return self.uncheckable(
                c, "N-change", f"a change against the {c.basis}, not the previous year"
            )
        if sign == 0:
            return self.unchanged(c)
        if self.budget and c.delta is None and c.percent is not None and self.stated_rate(c):
            return
        current = self.current(c)
        if current is None and c.previous is not None and c.delta is not None:
            return self.change_from_previous(c)
        if current is None or c.delta is None:
            # nothing to recompute from: this year's figure, or the amount of the change
            if not self.against_previous(c):
                self.uncheckable(
                    c,
                    "N-change",
                    "this year's figure is neither stated nor in a table"
                    if current is None
                    else "a rate without the amount of change needs the previous year's figure",
                )
            return
        cv, cu, source = current
        mode = self.tol.mode
        cur = interval_of(cv, cu, mode)
        dv, du = money_of(c.delta, self.d)
        delta = interval_of(dv, du, mode)
        prev_point = cv - sign * dv
        prev = Interval(
            cur.lo - sign * (delta.hi if sign > 0 else delta.lo),
            cur.hi - sign * (delta.lo if sign > 0 else delta.hi),
        )
        if c.previous is not None:
            pv, pu = money_of(c.previous, self.d)
            if not prev.meets(interval_of(pv, pu, mode)):
                return self.add(
                    c,
                    "N-change",
                    Status.CONTRADICTED,
                    f"“{c.text}”: this year {_fmt(cv)} ({source}) "
                    f"{'−' if sign > 0 else '+'} {_fmt(dv)} = {_fmt(prev_point)}, "
                    f"not the previous year's {c.previous} printed before it",
                    expected=prev_point,
                    actual=pv,
                    difference=pv - prev_point,
                    cells=(c.place,),
                )
        if sign > 0 and prev.hi < 0:
            return self.add(
                c,
                "N-change",
                Status.CONTRADICTED,
                f"“{c.text}”: an increase of {_fmt(dv)} exceeds this year's "
                f"{_fmt(cv)} ({source}): the previous year would be "
                f"{_fmt(prev_point)}",
                expected=cv,
                actual=dv,
                difference=dv - cv,
                cells=(c.place,),
            )
        if c.percent is None:
            if sign > 0:
                self.add(
                    c,
                    "N-change",
                    Status.AGREES,
                    f"“{c.text}”: this year {_fmt(cv)} ({source}) implies a previous year "
                    f"of {_fmt(prev_point)} ≥ 0",
                    cells=(c.place,),
                )
            elif not self.against_previous(c):
                self.uncheckable(
                    c,
                    "N-change",
                    f"implies a previous year of {_fmt(prev_point)} "
                    f"(this year {_fmt(cv)}, {source}); no rate to recompute",
                )
            self.against_previous(c, report_missing=False)
            return
        if prev_point <= 0 and dv == 0 and c.percent.value == 0:
            # "其他收入0.00万元…增加0.00万元，增长0%" (梧州 2023): nothing changed, and the text
            # says so; no rate was computed on the nil base
            return self.add(
                c,
                "N-change",
                Status.AGREES,
                f"“{c.text}”: no change ({_fmt(cv)} both years) stated as {c.percent}",
                cells=(c.place,),
            )
        if prev_point <= 0:
            return self.add(
                c,
                "N-zero-base",
                Status.CONTRADICTED,
                f"“{c.text}”: the previous year was {_fmt(prev_point)} "
                f"({_fmt(cv)} − {_fmt(dv)}): a rate on a nil base is meaningless",
                expected=prev_point,
                cells=(c.place,),
            )
        # r = Δ / (current − sign·Δ) rises with Δ and falls with current, so its interval is
        # spanned by the interval ends.  When the previous year could be 0 within rounding
        # (e.g. 0.02 − 0.01), the rate is unbounded above.
        lo = delta.lo / (cur.hi - sign * delta.lo) * HUNDRED
        low_base = cur.lo - sign * delta.hi
        hi = delta.hi / low_base * HUNDRED if low_base > 0 else None
        top = hi if hi is not None else max(lo, _pct_interval(c.percent, self.tol).hi)
        detail = (
            f"{_fmt(dv)} / {_fmt(prev_point)} (previous year = {_fmt(cv)} "
            f"{'−' if sign > 0 else '+'} {_fmt(dv)}; this year from {source})"
        )
        allowed = Interval(min(lo, top), max(lo, top))
        on_current = _ratio(delta, cur)
        if (
            on_current is not None
            and not allowed.meets(_pct_interval(c.percent, self.tol))
            and on_current.meets(_pct_interval(c.percent, self.tol))
        ):
            # "增加16803.36元，增长14.43%" with 116433.12 this year (梧州 2025): the printed
            # rate is Δ / this year's figure, a rate on the wrong base; say so
            note = f" ({c.percent} is {_fmt(dv)} / {_fmt(cv)}: the change over this year's figure)"
        else:
            note = ""
        self.percentage(
            c, "N-change", c.percent, allowed, dv / prev_point * HUNDRED, detail, note=note
        )
        self.against_previous(c, report_missing=False)

    def change_from_previous(self, c: ChangeClaim) -> None:
        """ "比上年累计支出285万元下降34万元，下降12%" with this year's figure unknown: the rate
        is Δ / the previous year's figure printed before it."""
        assert c.previous is not None and c.delta is not None
        if c.percent is None:
            return self.uncheckable(
                c, "N-change", "this year's figure is neither stated nor in a table"
            )
        mode = self.tol.mode
        pv, pu = money_of(c.previous, self.d)
        dv, du = money_of(c.delta, self.d)
        if pv <= 0:
            return self.add(
                c,
                "N-zero-base",
                Status.CONTRADICTED,
                f"“{c.text}”: the previous year is printed as {c.previous}: "
                "a rate on a nil base is meaningless",
                expected=pv,
                cells=(c.place,),
            )
        r = _ratio(interval_of(dv, du, mode), interval_of(pv, pu, mode))
        if r is None:
            return self.uncheckable(c, "N-change", "the previous year's figure may be 0")
        detail = f"{_fmt(dv)} / {_fmt(pv)} (the previous year's figure printed before it)"
        self.percentage(c, "N-change", c.percent, r, dv / pv * HUNDRED, detail)

    def unchanged(self, c: ChangeClaim) -> None:
        """持平 / 相同: no non-zero change may be stated with it, nor a figure said to have
        moved to its value ("减少为0.00万元，与2024年持平") in the same sentence."""
        if _SAME_BASIS.search(c.text):
            return self.uncheckable(c, "N-change", "“口径一致” compares definitions, not figures")
        nonzero = [q for q in (c.delta, c.percent) if q is not None and q.value != 0]
        if nonzero:
            return self.add(
                c, "N-change", Status.CONTRADICTED,
                f"“{c.text}”: “{c.direction}” with a change of {nonzero[0]}",
            )  # fmt: skip
        # "与上年持平，增长5%", "减少为0.00万元，与2024年持平": another change of the same
        # subject in the same sentence (one whose direction words are garbled is none)
        changes = self.group(
            "changes",
            lambda x: (x.sentence, x.section, x.key)
            if isinstance(x, ChangeClaim) or (isinstance(x, AmountClaim) and x.moved)
            else None,
        )
        for _, x in changes.get((c.sentence, c.section, c.key), ()):
            if isinstance(x, ChangeClaim) and x is not c and x.sign != 0 and not x.garbled:
                q = next((q for q in (x.delta, x.percent) if q is not None and q.value != 0),
                         None)  # fmt: skip
                if q is not None:
                    return self.add(
                        c, "N-change", Status.CONTRADICTED,
                        f"“{c.text}”: “{c.direction}” with a change of {q} (“{x.text}”)",
                        cells=(c.place, x.place),
                    )  # fmt: skip
            if isinstance(x, AmountClaim) and x.moved and not (
                "预算" in c.text and not self.budget
            ):  # (a 决算's 持平 against the budget is another comparison)
                return self.add(
                    c, "N-change", Status.CONTRADICTED,
                    f"“{c.text}” says the figure is level (“{c.direction}”), but “{x.text}” "
                    f"says it changed (“{x.moved}”) — one figure both changed and level",
                    cells=(c.place, x.place),
                )  # fmt: skip
        self.against_previous(c)

    def current(self, c: ChangeClaim) -> tuple[Decimal, Decimal, str] | None:
        if c.current is not None:
            v, u = money_of(c.current, self.d)
            return v, u, "the text"
        if self.budget:
            before = [(at, x) for at, x in self.sentence_amounts(c) if not is_other_year(x.attribute)]
            if before:
                v, u = money_of(before[-1][1].amount, self.d)
                return v, u, "the text"
        fig = self.figure(c)
        if fig is None or fig.missing:
            return None
        return fig.value, fig.unit, fig.label

    def against_previous(self, c: ChangeClaim, *, report_missing: bool = True) -> bool:
        """With ``options.extra["previous"]`` (last year's Disclosure): the change itself."""
        if self.resolve_previous is None:
            if report_missing and c.sign == 0:
                self.uncheckable(
                    c, "N-change", "needs the previous year's figure (pass extra={'previous': …})"
                )
            return False
        now = self.figure(c)
        before = self.resolve_previous(c.subject, self.scope(c))
        if now is None or before is None or now.missing or before.missing:
            if report_missing:
                self.uncheckable(c, "N-change", "the figure is not in both years' tables")
            return False
        change = now.value - before.value
        sign = c.sign
        words_ok = (change > 0) - (change < 0) == sign
        cells = (c.place, *now.places)
        if c.delta is None:
            self.add(
                c,
                "N-change",
                Status.AGREES if words_ok else Status.CONTRADICTED,
                f"“{c.text}”: {now.label} changed from {_fmt(before.value)} to "
                f"{_fmt(now.value)} ({_fmt(change)})",
                actual=change,
                cells=cells,
            )
            return True
        dv, du = money_of(c.delta, self.d)
        cmp = self.tol.compare(
            sign * dv,
            [(1, now.value), (-1, before.value)],
            du,
            units=[now.unit, before.unit],
            total_unit=du,
        )
        self.add(
            c,
            "N-change",
            Status.AGREES if cmp.consistent and words_ok else Status.CONTRADICTED,
            f"“{c.text}”: {now.label} changed from {_fmt(before.value)} (previous "
            f"disclosure) to {_fmt(now.value)}, i.e. {_fmt(change)}",
            cells=cells,
            **_compared(cmp),
        )
        return True

    # -- N-completion -----------------------------------------------------------------------
    def completion(self, c: CompletionClaim) -> None:
        if c.budget is None:
            return self.uncheckable(
                c, "N-completion", "the budget is not stated (and no table gives it)"
            )
        bv, bu = money_of(c.budget, self.d)
        source = "the text"
        if c.actual is not None:
            av, au = money_of(c.actual, self.d)
        else:
            fig = self.figure(c)
            if fig is None or fig.missing:
                return self.uncheckable(
                    c, "N-completion", "the 决算 figure is neither stated nor in a table"
                )
            av, au, source = fig.value, fig.unit, fig.label
        mode = self.tol.mode
        r = _ratio(interval_of(av, au, mode), interval_of(bv, bu, mode))
        if r is None:
            return self.add(
                c,
                "N-zero-base",
                Status.CONTRADICTED,
                f"“{c.text}”: the budget is {_fmt(bv)}: a completion rate of it is meaningless",
                expected=bv,
                cells=(c.place,),
            )
        detail = f"{_fmt(av)} ({source}) / {_fmt(bv)}"
        self.percentage(c, "N-completion", c.percent, r, av / bv * HUNDRED, detail)

    # -- budgets: the sentence's own figures, the year compared, 绩效目标 -----------------------
    def sentence_amounts(self, c: Claim) -> list[tuple[int, AmountClaim]]:
        """The amounts printed before ``c`` in its sentence, with their offsets in it."""
        out: list[tuple[int, AmountClaim]] = []
        end = c.sentence.find(c.text)
        by_sentence = self.group(
            "sentence amounts",
            lambda x: (x.sentence, x.section) if isinstance(x, AmountClaim) else None,
        )
        for x in self.before(by_sentence.get((c.sentence, c.section)), c):
            assert isinstance(x, AmountClaim)
            at = c.sentence.find(x.text)
            if 0 <= at and (end < 0 or at < end):
                out.append((at, x))
        return out

    def previous_year(self) -> int | None:
        year = document_year(self.d)  # the majority's (Y-year reports a cover that differs)
        return None if year is None else year - 1

    def wrong_year(self, c: ChangeClaim) -> bool:
        """ "比2015年预算增加…" in a 2017 budget: a comparison with the wrong year."""
        m = _COMPARED_YEAR.search(c.text) or _COMPARED_YEAR.search(c.subject)
        prev = self.previous_year()
        if m is None or m.group("y") is None or prev is None or int(m.group("y")) == prev:
            return False
        self.add(
            c,
            "N-change",
            Status.CONTRADICTED,
            f"“{c.text}”: a {prev + 1} budget compared with {m.group('y')}, "
            f"not with the previous year {prev}",
            expected=Decimal(prev),
            actual=Decimal(m.group("y")),
        )
        return True

    def stated_rate(self, c: ChangeClaim) -> bool:
        """A rate without its amount, with last year's and this year's figures printed before
        it in the sentence: the rate = (this − last) / last.  False when they are not."""
        prev_year = self.previous_year()
        amounts = self.sentence_amounts(c)
        last = this = None
        for at, x in amounts:
            before = c.sentence[max(0, at - 8) : at] + x.text[:8]
            if "上年" in x.subject or (prev_year is not None and f"{prev_year}年" in before):
                last = x
            else:
                this = x
        if last is None or this is None:
            return False
        pv, pu = money_of(last.amount, self.d)
        cv, cu = money_of(this.amount, self.d)
        detail = (
            f"({this.amount} − {last.amount}) / {last.amount} "
            "(last year and this year from the text)"
        )
        if pv == 0:
            self.add(
                c,
                "N-zero-base",
                Status.CONTRADICTED,
                f"“{c.text}”: last year's figure is printed as 0 (“{last.text}”): "
                "a rate on a nil base is meaningless",
                expected=pv,
                actual=c.percent.value if c.percent is not None else None,
                cells=(c.place, last.place),
            )
            return True
        mode = self.tol.mode
        r = _ratio(interval_of(cv, cu, mode), interval_of(pv, pu, mode))
        if r is None or c.percent is None:
            return False
        sign = c.sign
        allowed = (
            Interval(r.lo - HUNDRED, r.hi - HUNDRED)
            if sign > 0
            else Interval(HUNDRED - r.hi, HUNDRED - r.lo)
        )
        point = (cv - pv) / pv * HUNDRED * sign
        self.percentage(c, "N-change", c.percent, allowed, point, detail, (c.place, last.place))
        return True

    def budget_nil(self, c: NilClaim) -> None:
        """ "本部门无政府性基金预算": the section's table (fund, capital, 三公) has no data."""
        role = self.scope(c)
        if role not in BUDGET_NIL_ROLES:
            return self.uncheckable(c, "X12", "no table is named by the section")
        t = family_table(self.d.tables, role)
        if t is None:
            return self.uncheckable(c, "X12", f"the {role} table is not in the disclosure")
        data = [r for r in t.rows if any(v not in (None, ZERO) for v in r.values.values())]
        cells = (c.place, Place(t.KIND, data[0].key if data else None))
        if data:
            self.add(
                c, "X12", Status.CONTRADICTED,
                f"“{c.text}”, but {t.KIND} has data (row {data[0].key})", cells=cells,
            )  # fmt: skip
        else:
            self.add(c, "X12", Status.AGREES, f"“{c.text}”: {t.KIND} has no data", cells=cells)

    def _no_plans(self, c: Claim, rule_id: str) -> bool:
        if self.d.plans:
            return False
        self.uncheckable(c, rule_id, "no 项目支出绩效目标表 is attached to the budget")
        return True

    def plan_count(self, c: CountClaim) -> None:
        """ "编报绩效目标的项目5个": the number of 项目支出绩效目标表 attached."""
        if not _PLAN_COUNT.search(c.subject + c.text):
            return self.uncheckable(c, "N-plan", "a count of something other than projects")
        if self._no_plans(c, "N-plan"):
            return
        n = len(self.d.plans)
        self.counted(
            c, "N-plan", c.count.value, Decimal(n),
            f"“{c.text}”: {n} 项目支出绩效目标表 are attached",
            tuple(Place(p.table) for p in self.d.plans),
        )  # fmt: skip

    def plan_funds(self, c: AmountClaim) -> None:
        """ "涉及项目预算资金3328.13万元" = Σ 年度资金申请总额 of the attached 绩效目标表."""
        if self._no_plans(c, "N-plan-funds"):
            return
        funds = [p.funds for p in self.d.plans]
        if any(f is None or f.annual_total is None for f in funds):
            return self.uncheckable(c, "N-plan-funds", "a 绩效目标表 prints no 年度资金申请总额")
        # the tables print money to 0.01 of their unit (元); the text 万元
        value, unit = c.amount.wan_yuan()
        factors = [f.unit.yuan / Unit.WAN_YUAN.yuan for f in funds]  # type: ignore[union-attr]
        parts = [(1, f.annual_total * k) for f, k in zip(funds, factors, strict=True)]  # type: ignore[union-attr,operator]
        units = [Decimal("0.01") * k for k in factors]
        for i, tol in enumerate(self.modes()):
            cmp = tol.compare(value, parts, unit, units=units, total_unit=unit)
            if cmp.consistent:
                break
        total = sum((v for _, v in parts), ZERO)
        self.add(
            c,
            "N-plan-funds",
            Status.AGREES if cmp.consistent else Status.CONTRADICTED,
            f"“{c.text}”: Σ 年度资金申请总额 of the {len(parts)} attached 绩效目标表 is "
            f"{_fmt(total.normalize())}万元",
            cells=(c.place,),
            **_compared(cmp),
        )

    # -- the walk ---------------------------------------------------------------------------
    def run(self) -> tuple[Assessment, ...]:
        for c in self.claims:
            if isinstance(c, AmountClaim):
                self.amount(c)
            elif isinstance(c, GradeCountClaim):
                self.perf_grade(c)
            elif isinstance(c, MeanScoreClaim):
                self.perf_mean(c)
            elif isinstance(c, CountClaim):
                self.count(c)
            elif isinstance(c, NilClaim):
                self.nil(c)
            elif isinstance(c, ShareClaim):
                self.share(c)
            elif isinstance(c, ChangeClaim):
                self.change(c)
            elif isinstance(c, CompletionClaim):
                self.completion(c)
            elif isinstance(c, UnpairedClaim):
                self.uncheckable(c, "N-unchecked", _unpaired(c))
            elif isinstance(c, PercentClaim):
                self.uncheckable(c, "N-unchecked", "a percentage whose meaning was not recognised")
        self.out.extend(share_sums(self.claims, self.modes(), final=not self.budget))
        return tuple(self.out)


def _unpaired(c: UnpairedClaim) -> str:
    """Why a "respectively" list is not checkable."""
    if c.subjects is None:
        return (f"a 各/分别 list of {len(c.figures)} figures whose subjects are not certain: "
                "not paired")  # fmt: skip
    return (f"a 各/分别 list of {len(c.subjects)} subject(s) and {len(c.figures)} figures: "
            "not paired")  # fmt: skip


def assess(d: Disclosure, options: CheckOptions | None = None) -> tuple[Assessment, ...]:
    """Every check of every claim of the narrative, in printed order (pure; no Report)."""
    return _Assessor(d, options or CheckOptions()).run()
