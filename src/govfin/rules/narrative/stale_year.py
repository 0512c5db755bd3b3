"""N-stale-year: this year's figure printed under last year's date, in a 决算 or a 预算.

"2023年度收入总计…" in a 2024 决算, "截至2023年12月31日，共有车辆…", "2024年“三公”经费预算数为…"
in a 2025 预算: recognised by the figure matching this year's table.  A comparison ("较2023年",
"与上年相比", "2023年度为…" beside this year's figure) is legitimate and not reported, and so,
in a budget, are last year's outturn (执行数), a balance date ("截至2024年8月31日" when the
budget is drawn up) and the 上年 figure its table prints.  One of the issue-15 rules over whole
sentences (:mod:`govfin.rules.narrative.facts` registers it).
"""

from __future__ import annotations

import re
from decimal import Decimal

from govfin._lazy import lazy_pattern
from govfin.amounts import ZERO
from govfin.disclosure import Disclosure
from govfin.figures import Figure, money_of
from govfin.findings import Cell, Severity
from govfin.narrative import AmountClaim, Claim
from govfin.rules.engine import Context
from govfin.rules.narrative.facts_common import at as _at
from govfin.rules.narrative.facts_common import fmt as _fmt
from govfin.rules.narrative.facts_common import issue_rule as _narrative_rule
from govfin.rules.narrative.facts_common import quantity as _quantity
from govfin.rules.narrative.facts_common import resolver as _resolver
from govfin.rules.narrative.facts_common import same_figure
from govfin.rules.narrative.facts_common import table_figure as _figure
from govfin.rules.narrative.facts_common import year_of as document_year
from govfin.tables import convert_cell

__all__: list[str] = []

# -- N-stale-year ---------------------------------------------------------------------------------

#: A date: "2023年", "2023年度", "截至2023年12月31日", "2023年末"; ``pre`` is a comparing word
#: right before it ("较2023年", "比2023年度", "与2023年相比" start with it).
_DATE = lazy_pattern(
    r"(?P<pre>[与较比同])?(?:截[至止])?(?P<y>(?:19|20)\d{2})年(?:度)?"
    r"(?:\d{1,2}月(?:\d{1,2}日)?)?(?:末|底)?"
)
#: Words that make what follows a date a comparison, or move it to this year.
_COMPARING = lazy_pattern(r"上年|相比|相较|同比|同期|较|比|本年|今年|当年|本年度")
#: Words of a sentence that compares (with a nil figure, a date of last year may be the
#: comparison's: "与上年相同，2023年度为0万元").
_COMPARISON_SENTENCE = lazy_pattern(r"上年|相比|同比|增加|减少|增长|下降|持平|相同|一致")


def _governing_date(c: Claim) -> re.Match[str] | None:
    """The last date printed before the claim's figure in its sentence (the claim's own
    "2023年度" included), or None."""
    at = c.sentence.find(c.text)
    if at < 0:
        return None
    region = c.sentence[: at + len(c.text)]
    found = None
    for found in _DATE.finditer(region):
        pass
    return found


#: Words that make a figure dated last year that year's outturn (执行数, 决算): a 预算's text
#: states them, and its tables print none of them.
_OUTTURN = lazy_pattern(r"执行|决算|实际|完成")
#: A date that dates the budget word itself ("2024年预算数为…", "2024年度部门预算…"): the text
#: speaks of last year's budget, which may equal this year's.
_DATED_BUDGET = lazy_pattern(r"(?:部门)?预算")
#: A sentence saying the two years' figures are equal ("与2024年预算持平"): last year's
#: figure dated last year may be this year's.
_EQUAL_YEARS = lazy_pattern(r"持平|相同|一致|无变化")


@_narrative_rule(
    "N-stale-year",
    "本年数字不得标注为上年日期（如2024年决算中的“2023年度收入总计…”“截至2023年12月31日”；"
    "2025年预算中的“2024年“三公”经费预算数为…”）",
    "this year's figure is not dated last year (“2023年度收入总计…” in a 2024 决算, "
    "“2024年“三公”经费预算数为…” in a 2025 预算)",
    Severity.ERROR,
    "the 情况说明 states the report year's figures; a date of the previous year on one of them "
    "is a leftover of last year's text",
    "a date of the previous year on this year's figure passed every check (N-year allows the "
    "previous year, for comparisons); 2026-12: budgets too (a 2025 预算's text giving this "
    "year's 三公 figure under 2024 passed); 2026-12: told by the paragraph alone where no table "
    "figure is resolved (“2026年度预算8.61万元，2025年度预算8.30万元…2025年预算安排8.61万元”, "
    "石泉路街道 2026 单位预算)",
)
def n_stale_year(d: Disclosure, ctx: Context) -> None:
    """A figure dated the previous year whose value is this year's table figure.

    The date is the last one printed before the figure in its sentence.  Not reported: a date
    introduced as a comparison ("较2023年", "与2023年相比"), a figure after "上年"/"本年" words
    following the date, a nil figure in a sentence that compares (both years may be 0), and a
    figure the tables do not give (last year's figure stated as such is no mistake).

    A 预算's text states last year's figures under last year's date rightly (its 执行数, last
    year's 预算 it compares with, the assets "截至2024年8月31日" when the budget is drawn up),
    so in a budget the figure must equal this year's budget figure it names and also: not
    speak of last year's outturn (执行, 决算, 实际), not be a balance date ("截至…"), not be in a
    sentence that calls the two years equal ("持平", "相同"), not equal
    the last year's figure the table prints beside this year's (``上年预算数``), and, when the
    date dates the budget word itself ("2024年预算数为…"), differ from that printed last-year
    figure (with none printed, last year's budget may equal this year's: not reported).

    Without a table figure, a budget's own paragraph can tell: :func:`_text_dated`."""
    year = document_year(d)
    if year is None:
        return
    budget = d.kind == "预算"
    previous = year - 1
    resolve = _resolver(d, ctx)
    # one finding per stale date: (sentence, line, date's offset) -> its figures
    stale: dict[tuple[str, int | None, int], list[tuple[Claim, Figure, str]]] = {}
    last_year = str(previous)
    for c in d.claims():
        q = _quantity(c)
        if q is None or last_year not in c.sentence:
            continue  # (no date of the previous year in the sentence: none governs the figure)
        attribute = getattr(c, "attribute", None)
        if attribute is not None and (
            _OUTTURN.search(attribute) if budget else "决算" not in attribute
        ):
            continue  # not this year's figure: 年初预算 in a 决算, 执行数 in a 预算
        date = _governing_date(c)
        if date is None or int(date.group("y")) != previous or date.group("pre"):
            continue
        after = c.sentence[date.end() : c.sentence.find(c.text) + len(c.text)]
        if _COMPARING.search(after) or str(year) in after:
            continue
        if q.value == 0 and _COMPARISON_SENTENCE.search(c.sentence):
            continue
        if budget and (
            date.group(0).startswith("截")
            or _OUTTURN.search(after)
            or _EQUAL_YEARS.search(c.sentence)
        ):
            continue
        fig = _figure(resolve, d, c, attribute)
        if fig is None:
            continue
        if isinstance(c, AmountClaim):
            value, unit = money_of(q, d)
        else:
            value, unit = q.value, ZERO
        if not same_figure(ctx, value, unit, fig).consistent:
            continue
        if budget:
            last = _last_years(d, fig)
            if last is not None and same_figure(ctx, value, unit, last).consistent:
                continue  # the two years' figures are equal: no telling which is meant
            if last is None and _DATED_BUDGET.match(after):
                continue
        stale.setdefault((c.sentence, c.line, date.start()), []).append((c, fig, date.group(0)))
    if budget:
        _text_dated(d, ctx, year, stale)
    for (sentence, line, _), found in stale.items():
        c, _, date_text = found[0]
        figures = "; ".join(f"“{x.text}” = {f.label} {_fmt(f.value)}" for x, f, _ in found)
        ctx.emit(
            f"“{date_text}” dates this year's figures with the year before this {year} "
            f"disclosure ({figures}): a date left over from last year's text — in "
            f"“{sentence}”{_at(line)}",
            place=c.place,
            expected=Decimal(year),
            actual=Decimal(previous),
            cells=tuple(p for x, f, _ in found for p in (x.place, *f.places)),
        )


def _last_years(d: Disclosure, fig: Figure) -> Figure | None:
    """The last year's figure a budget table prints beside ``fig`` (its ``上年`` row of a table
    with ``CHANGE_ROWS``, e.g. the 三公 table's 上年预算数) in the disclosure's unit, as ``fig``
    is; None when a cell has none."""
    cells = []
    for cell in fig.cells:
        t = d.table(cell.place.table)
        rows = getattr(t, "CHANGE_ROWS", None)
        if t is None or rows is None or cell.place.row != rows[0] or cell.place.column is None:
            return None
        if t.get(rows[1]) is None:
            return None
        last = convert_cell(t.cell(rows[1], cell.place.column), t, d.unit)
        if last.value is None:
            return None
        cells.append(last)
    if not cells:
        return None
    return Figure(f"{fig.label} (上年)", tuple(cells))



def _budget_dated(c: Claim, year: int) -> bool:
    """Is ``c`` a budget figure (预算…, not 执行数, not a comparison) dated ``year`` by the last
    date before it in its sentence?"""
    date = _governing_date(c)
    if date is None or int(date.group("y")) != year or date.group("pre"):
        return False
    after = c.sentence[date.end() : c.sentence.find(c.text) + len(c.text)]
    return ("预算" in after and not _OUTTURN.search(after) and not _COMPARING.search(after)
            and not date.group(0).startswith("截"))


def _text_dated(
    d: Disclosure, ctx: Context, year: int,
    stale: dict[tuple[str, int | None, int], list[tuple[Claim, Figure, str]]],
) -> None:
    """In a budget's paragraph that gives a subject's budget of this year and of last year
    ("2026年度预算8.61万元，2025年度预算8.30万元"), a further figure dated last year that is this
    year's and not last year's ("2025年预算安排8.61万元"): this year's budget under last year's
    date, told by the paragraph alone (石泉路街道 2026 单位预算, whose 项 figures no table figure
    is resolved for).  Added to ``stale`` (one finding per date); the paragraph's figure of this
    year is the figure reported beside it."""
    previous = year - 1
    for section in d.narrative.sections:
        paragraph_of = {s.text: s.paragraph for s in section.sentences()}
        groups: dict[int, list[AmountClaim]] = {}
        for c in section.claims():
            if isinstance(c, AmountClaim) and c.amount.is_money and c.sentence in paragraph_of:
                groups.setdefault(paragraph_of[c.sentence], []).append(c)
        for group in groups.values():
            this = {c.amount.wan_yuan()[0]: c for c in group if _budget_dated(c, year)}
            last = [c for c in group if _budget_dated(c, previous)]
            stated = [c for c in last if c.amount.wan_yuan()[0] not in this]
            if not stated:
                continue  # the two years' budgets equal, or last year's not given
            for c in last:
                same = this.get(c.amount.wan_yuan()[0])
                date = _governing_date(c)
                key = (c.sentence, c.line, date.start()) if date is not None else None
                if same is None or key is None or any(x is c for x, _, _ in stale.get(key, ())):
                    continue
                value, unit = same.amount.wan_yuan()
                fig = Figure(f"the paragraph's {year} figure “{same.text}” (its {previous} "
                             f"budget: “{stated[0].text}”)", (Cell(same.place, value, unit),))
                stale.setdefault(key, []).append((c, fig, date.group(0)))
