"""The document's year, decided by its own statements, and the statement that disagrees (Y-year).

A disclosure states its year many times over, each independently of the others: the cover
("2024年度部门决算公开"), every table's header or title ("部门名称：… 2024年度", "2025年部门收入
预算总表"), every 项目支出绩效自评表 or 绩效目标表 ("（2024年度）").  A sheet copied from last
year's file keeps last year's header; a cover copied from last year keeps last year's title.
Whichever it is, the odd one out is the mistake, not the many that agree: the document's year
is the year most statements give (:func:`document_year`), and ``Y-year`` reports each statement
giving another year, naming where it is printed.

The narrative's years are not statements of the document's year (it speaks of last year too);
``N-year`` judges them against the year decided here.
"""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal

from govfin._lazy import frozen
from govfin.disclosure import Disclosure
from govfin.findings import Category, Place, Severity
from govfin.rules.engine import Context
from govfin.rules.registry import rule

__all__ = ["COVER", "YearStatement", "document_year", "year_statements"]

#: The place name of the cover (封面) in findings.
COVER = "封面"

#: A year printed in a title: "2024年度…", "2025年部门…", "2024 年…".
_YEAR_IN_TITLE = re.compile(r"((?:19|20)\d{2})\s*年")


@frozen
class YearStatement:
    """One place where the document states its own year: ``what`` (封面, a table's kind, an
    evaluation's label), the ``year`` and the printed ``text`` it was read from."""

    year: int
    what: str
    text: str
    line: int | None = None
    #: "cover", "table", "evaluation" or "plan": what the statement is part of.
    source: str = "table"
    #: The table's own number as printed ("公开03表"), for people.
    number: str | None = None

    @property
    def label(self) -> str:
        """How a message names the statement's part: "the cover", "公开03表 支出决算表"."""
        if self.source == "cover":
            return "the cover"
        return f"{self.number} {self.what}" if self.number else self.what


def _title_year(text: str | None) -> int | None:
    """The year a title names ("2024年度部门决算公开" -> 2024), or None.

    >>> _title_year("朔州经济开发区管理委员会综合办公室2024年度部门决算公开")
    2024
    >>> _title_year("收入支出决算总表") is None
    True
    """
    m = _YEAR_IN_TITLE.search(text or "")
    return int(m.group(1)) if m else None


def year_statements(d: Disclosure) -> tuple[YearStatement, ...]:
    """Every statement of the document's own year, in document order: the cover's title, each
    table's header year (or, when its header has none, the year in its title; both when they
    disagree), each 自评表's and 绩效目标表's year line."""
    out: list[YearStatement] = []
    if (y := _title_year(d.title)) is not None:
        out.append(YearStatement(y, COVER, d.title or "", None, "cover"))
    for t in d.tables:
        title_year = _title_year(t.meta.title)
        number, line = t.meta.number, t.meta.line
        if t.meta.year is not None:
            out.append(YearStatement(t.meta.year, t.KIND, f"{t.meta.year}年度", line, number=number))
        if title_year is not None and title_year != t.meta.year:
            out.append(YearStatement(title_year, t.KIND, t.meta.title or "", line, number=number))
    for ev in d.evaluations:
        if ev.year is not None:
            out.append(YearStatement(ev.year, ev.table, f"（{ev.year}年度）", ev.line, "evaluation"))
    for plan in d.plans:
        if plan.year is not None:
            out.append(YearStatement(plan.year, plan.table, f"（{plan.year}年度）", plan.line, "plan"))
    return tuple(out)


def _stated_years(d: Disclosure) -> list[int]:
    """The years of :func:`year_statements`, in its order, without building the statements:
    what :func:`document_year` (asked by several rules of a check) needs."""
    out: list[int] = []
    if (y := _title_year(d.title)) is not None:
        out.append(y)
    for t in d.tables:
        title_year = _title_year(t.meta.title)
        if t.meta.year is not None:
            out.append(t.meta.year)
        if title_year is not None and title_year != t.meta.year:
            out.append(title_year)
    out.extend(ev.year for ev in d.evaluations if ev.year is not None)
    out.extend(plan.year for plan in d.plans if plan.year is not None)
    return out


def _decide(d: Disclosure, years: list[int]) -> int | None:
    """The year most of ``years`` (the statements' years, in document order) give."""
    counts = Counter(years)
    if not counts:
        return d.year
    top = max(counts.values())
    tied = [y for y, n in counts.items() if n == top]
    if len(tied) == 1:
        return tied[0]
    # A tie (a cover and one table): the year the reader took (the document's first
    # statement, or the one its caller gave) stands.
    return d.year if d.year in tied else years[0]


def document_year(d: Disclosure) -> int | None:
    """The document's year: the one most of its own statements give (cover, tables, 自评表,
    绩效目标表); on a tie, the year the reader took.  None when nothing states a year."""
    return _decide(d, _stated_years(d))


@rule(
    "Y-year",
    zh="封面、各表表头和绩效自评表所载年度应一致（以多数为准，指出不一致者）",
    en="the cover, every table's header or title and every 自评表 state one year (the majority "
    "decides; the odd one out is reported)",
    category=Category.CROSS_TABLE,
    subject=Disclosure,
    severity=Severity.ERROR,
    source="every part of one year's disclosure is of that year (财预〔2020〕10号 templates)",
    changed="issue 15: a table, 自评表 or cover stating last year in a disclosure of this year "
    "(a sheet or cover copied from last year's file) was read past silently; the cover no "
    "longer outvotes ten tables",
)
def y_year(d: Disclosure, ctx: Context) -> None:
    """Each statement of the document's year (cover, table header or title, 自评表/绩效目标表
    year line) that differs from the year most statements give."""
    statements = year_statements(d)
    year = _decide(d, [s.year for s in statements])
    if year is None:
        return
    agree = Counter(s.source for s in statements if s.year == year)
    support = ", ".join(
        f"{n} {what}" for what, n in (
            ("cover", agree["cover"]), ("table(s)", agree["table"]),
            ("自评表", agree["evaluation"]), ("绩效目标表", agree["plan"]),
        ) if n
    )
    for s in statements:
        if s.year == year:
            continue
        ctx.emit(
            f"{s.label} states {s.year} (“{s.text}”) in a disclosure of {year} ({support} say "
            f"{year}): a title or header left from another year's file",
            place=Place(s.what, line=s.line),
            expected=Decimal(year),
            actual=Decimal(s.year),
        )
