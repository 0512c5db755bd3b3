"""Mistakes of the 情况说明 that the claim checks miss (issue 15): rules over whole sentences.

The claim rules (:mod:`govfin.rules.narrative.checks`) judge one claim at a time against the
tables.  These rules read a claim with its sentence, paragraph or list:

- ``N-direction``: a direction word that contradicts its own sentence — a conclusion
  ("…，故较上年增加") against the change stated before it in the paragraph, two changes of one
  subject in opposite directions, or last year's and this year's amounts printed in the
  sentence that move the other way;
- ``N-class-list``: a list of 类 with amounts or shares (“一般公共服务支出(类)545.19万元，
  占比86.30%；…”) that leaves out a 类 the table has, so that it no longer adds up to the total
  (or to 100%);
- ``N-over-budget`` / ``N-over-adjusted``: a 决算 figure above the budget printed beside it
  ("年初预算…，支出决算…，完成年初预算的…%").

They report findings of their own (they are not claims' assessments, so the claim summary is
unchanged).  ``N-stale-year`` (a date of last year on this year's figure) is
:mod:`govfin.rules.narrative.stale_year`'s, registered with these (the helpers they share:
:mod:`govfin.rules.narrative.facts_common`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

import attrs

from govfin._lazy import lazy_pattern
from govfin.amounts import HUNDRED, ZERO, Interval, interval_of
from govfin.disclosure import Disclosure, NarrativeSection
from govfin.figures import Figure, money_of
from govfin.findings import Place, Severity
from govfin.narrative import (
    DIRECTIONS,
    NARRATIVE_TABLE,
    AmountClaim,
    ChangeClaim,
    Claim,
    CompletionClaim,
    Sentence,
    ShareClaim,
)
from govfin.rules.engine import Context
from govfin.rules.narrative.facts_common import at as _at
from govfin.rules.narrative.facts_common import fmt as _fmt
from govfin.rules.narrative.facts_common import issue_rule as _narrative_rule
from govfin.rules.narrative.facts_common import resolver as _resolver
from govfin.rules.narrative.facts_common import same_figure, sentence_place
from govfin.rules.narrative.facts_common import table_figure as _figure
from govfin.rules.narrative.facts_common import year_of as document_year
from govfin.rules.narrative.garbled import garbles

__all__ = ["same_figure"]

# -- N-direction ----------------------------------------------------------------------------------

#: A direction against last year printed without a number: "较上年增加", "与上年相比有所下降",
#: "同比减少".
_DIRECTION_PHRASE = re.compile(
    r"(?:(?:较|比|与)上年(?:度|同期)?(?:决算数?|预算数?|执行数?)?(?:相比)?|同比)[，,]?"
    r"(?:有所|略有|大幅|明显|均)?(?P<dir>增加|增长|上升|提高|减少|下降|降低)"
)
#: Words that make a clause a conclusion about the paragraph's subject.
_CONCLUSION = lazy_pattern(r"故|因此|所以|从而|因而|由此")
_CLAUSE_START = lazy_pattern(r"[，,；;：:。]")


def _paragraphs(section: NarrativeSection) -> Iterator[list[Sentence]]:
    """The sentences of a section, paragraph by paragraph."""
    group: list[Sentence] = []
    for s in section.sentences():
        if group and s.paragraph != group[0].paragraph:
            yield group
            group = []
        group.append(s)
    if group:
        yield group


def _is_conclusion(text: str, at: int) -> bool:
    """Is the clause holding position ``at`` of ``text`` a conclusion (故…, 因此…)?"""
    starts = [m.end() for m in _CLAUSE_START.finditer(text, 0, at)]
    clause = text[starts[-1] if starts else 0 : at]
    return _CONCLUSION.search(clause) is not None


#: "上年" naming last year's figure, not 上年结转 / 上年结余 (money carried into this year).
_LAST_YEAR = lazy_pattern(r"上年(?!结转|结余|末)")
_YEAR_WORDS = re.compile(r"^(?:上年|本年|今年|当年)(?:度)?")


def _is_last_year(c: AmountClaim, previous: int | None) -> bool:
    if _LAST_YEAR.search(c.subject) or _LAST_YEAR.search(c.text):
        return True
    if previous is None:
        return False
    at = c.sentence.find(c.text)
    return f"{previous}年" in c.sentence[max(0, at - 10) : at] + c.text[:8]


def _subject(c: Claim) -> str:
    """A claim's subject key without the year word that dates it (上年支出合计 → 支出合计)."""
    return _YEAR_WORDS.sub("", c.key)


@_narrative_rule(
    "N-direction",
    "增减方向词不得与本句（段）自相矛盾（“较上年减少…，故较上年增加”，或所列两年金额方向相反）",
    "a direction word does not contradict its own sentence or paragraph (a conclusion against "
    "the change stated, or the two years' amounts printed moving the other way)",
    Severity.ERROR,
    "the 情况说明 explains each change against the previous year in one paragraph",
    "a direction word contradicting the change it concludes passed when no rate was printed; "
    "2026-12: a reason given for the opposite change (“财政拨款收入支出增加的主要原因是…” after "
    "both fell, 石泉路街道 2026 单位预算) passed, in another paragraph than the change",
)
def n_direction(d: Disclosure, ctx: Context) -> None:
    """Three contradictions, each within one paragraph of the narrative:

    - a change whose direction is the opposite of this year's figure against last year's, both
      printed in its sentence ("2024年…631.71万元，2023年…806.07万元，比上年增加");
    - two changes of the same subject in opposite directions;
    - a conclusion ("…，故较上年增加", "因此与上年相比有所下降") whose direction is the opposite
      of the first change stated before it (a change already reported is not that reference,
      so that one mistake makes one finding);
    - in the section, a reason given for a subject's change ("财政拨款收入支出增加的主要原因是…")
      whose direction is the opposite of the change the section stated for that subject before
      it (:func:`_reasons`)."""
    year = document_year(d)
    previous = year - 1 if year is not None else None
    for section in d.narrative.sections:
        by_sentence = _by_sentence(section.claims())
        for paragraph in _paragraphs(section):
            moves = list(_moves(paragraph, by_sentence))
            wrong = _amounts_against_words(ctx, by_sentence, moves, previous)
            _opposite_changes(ctx, [m.claim for m in moves if m.claim is not None])
            _conclusions(ctx, moves, wrong)
        _reasons(ctx, section, by_sentence)


@attrs.frozen
class _Move:
    """A direction word of a paragraph: from a change claim, or a phrase without a number."""

    sentence: Sentence
    at: int  #: offset in the sentence's text
    sign: int
    word: str
    text: str
    claim: ChangeClaim | None = None

    @property
    def line(self) -> int | None:
        return self.sentence.line_at(self.at)

    @property
    def place(self) -> Place:
        if self.claim is not None:
            return self.claim.place
        return Place(NARRATIVE_TABLE, self.sentence.section or None, self.text, self.line)


def _by_sentence(claims: tuple[Claim, ...]) -> dict[str, list[Claim]]:
    """A section's claims by the text of their sentence, each list in printed order (what a
    look-up of a sentence's claims reads, instead of a scan of every claim per sentence)."""
    out: dict[str, list[Claim]] = {}
    for c in claims:
        out.setdefault(c.sentence, []).append(c)
    return out


def _moves(paragraph: list[Sentence], by_sentence: dict[str, list[Claim]]) -> Iterator[_Move]:
    """The direction words of a paragraph, in printed order."""
    for s in paragraph:
        found: list[_Move] = []
        for c in by_sentence.get(s.text, ()):
            if isinstance(c, ChangeClaim) and c.sign != 0 and c.garbled is None:
                at = s.text.find(c.text)
                found.append(_Move(s, max(at, 0), c.sign, c.direction, c.text, c))
        spans = [(m.at, m.at + len(m.text)) for m in found]
        spans += [(g.start, g.end) for g in garbles(s.text) if g.opposite]
        for m in _DIRECTION_PHRASE.finditer(s.text):
            if not any(a <= m.start() < b for a, b in spans):
                word = m.group("dir")
                found.append(_Move(s, m.start(), DIRECTIONS[word], word, m.group(0)))
        yield from sorted(found, key=lambda m: m.at)


def _conclusions(ctx: Context, moves: list[_Move], wrong: set[int]) -> None:
    first: _Move | None = None
    for i, m in enumerate(moves):
        if i in wrong:
            continue
        if first is None:
            first = m
            continue
        if m.sign == first.sign or not _is_conclusion(m.sentence.text, m.at):
            continue
        ctx.emit(
            f"“{m.text}” concludes the opposite of “{first.text}” stated before it "
            f"(“{m.word}” against “{first.word}”) — in “{m.sentence.text}”{_at(m.line)}",
            place=m.place,
            cells=(m.place, first.place),
        )


#: A reason given for a subject's change: "财政拨款收入支出增加的主要原因是…" (the Shanghai
#: template's "…增加（减少）的主要原因是", one word chosen), "支出下降原因为…".
_REASON = re.compile(
    r"(?P<subject>[^，,；;：:。“”\"（）()、]{2,24}?)"
    r"(?P<dir>增加|增长|上升|提高|减少|下降|降低)的?主要原因"
)
#: The words every match of :data:`_REASON` holds (a cheap screen before the search).
_REASON_WORD = "主要原因"
#: Words a changed figure's subject ends with that do not tell subjects apart (财政拨款支出预算
#: is 财政拨款支出), and a year or enumerator it starts with.
_SUBJECT_END = re.compile(r"(?:预算数|预算|决算数|决算|执行数)$")
_SUBJECT_START = re.compile(r"^(?:(?:19|20)\d{2}年度?|本年度?|今年)")


#: A key that names only what a figure is compared with ("比2025年预算减少…": 预算), no subject.
_NO_SUBJECT = re.compile(r"^(?:上年|本年|当年|(?:19|20)\d{2}年)?度?(?:预算|决算|执行|数|安排|相比)*$")


def _plain_subject(text: str) -> str:
    """A changed figure's subject as compared: "" for a key naming no subject."""
    if _NO_SUBJECT.match(text):
        return ""
    return _SUBJECT_END.sub("", _SUBJECT_START.sub("", text))


def _reason_subjects(subject: str) -> set[str]:
    """The subjects a reason's subject names: "财政拨款收入支出" is 财政拨款收入 and 财政拨款支出."""
    s = _plain_subject(subject)
    out = {s}
    if "收入支出" in s:
        out |= {s.replace("收入支出", "收入"), s.replace("收入支出", "支出")}
    return {x for x in out if x}


def _changed_subjects(claims: list[Claim]) -> Iterator[tuple[str, ChangeClaim]]:
    """Each change of a sentence with the subject it changes: its own key, and the figure
    printed right before it ("财政拨款收入7,630.61万元，比2025年预算减少…": 财政拨款收入)."""
    before: AmountClaim | None = None
    for c in claims:
        if isinstance(c, AmountClaim):
            before = c
        elif isinstance(c, ChangeClaim) and c.sign != 0 and c.garbled is None:
            for key in {_plain_subject(c.key), _plain_subject(before.key) if before else ""}:
                if key:
                    yield key, c
            before = None


def _reasons(ctx: Context, section: NarrativeSection, by_sentence: dict[str, list[Claim]]) -> None:
    """A reason for a subject's change ("…增加的主要原因是…") against the changes the section
    stated for that subject before it: reported when they all moved the other way (a subject
    with changes in both directions, or none stated, is not judged)."""
    sentences = section.sentences()
    if not any(_REASON_WORD in s.text for s in sentences):
        return  # no reason given: nothing to judge (most sections)
    stated: dict[str, list[ChangeClaim]] = {}
    for sentence in sentences:
        for m in _REASON.finditer(sentence.text) if _REASON_WORD in sentence.text else ():
            names = sorted(n for n in _reason_subjects(m.group("subject")) if n in stated)
            changes = sorted({id(c): c for n in names for c in stated[n]}.values(),
                             key=lambda c: c.line or 0)
            sign = DIRECTIONS[m.group("dir")]
            if not changes or {c.sign for c in changes} != {-sign}:
                continue
            first = changes[0]
            place = sentence_place(sentence, m.group(0), m.start())
            ctx.emit(
                f"“{m.group(0)}”: “{m.group('dir')}”, but the section said "
                f"{'、'.join(sorted(names))} moved the other way (“{first.text}”"
                f"{_at(first.line)}) — in “{sentence.text}”{_at(place.line)}",
                place=place,
                cells=(place, *(c.place for c in changes)),
            )
        claims = sorted(by_sentence.get(sentence.text, ()),
                        key=lambda c: sentence.text.find(c.text))
        for key, c in _changed_subjects(claims):
            stated.setdefault(key, []).append(c)


def _opposite_changes(ctx: Context, changes: list[ChangeClaim]) -> None:
    seen: dict[str, ChangeClaim] = {}
    for c in changes:
        before = seen.get(c.key)
        if before is not None and before.sign != c.sign and _plain_subject(c.key):
            ctx.emit(
                f"“{c.text}” and “{before.text}” say {c.subject} moved in opposite directions "
                f"— in “{c.sentence}”{_at(c.line)}",
                place=c.place,
                cells=(c.place, before.place),
            )
        seen.setdefault(c.key, c)


def _amounts_against_words(
    ctx: Context, by_sentence: dict[str, list[Claim]], moves: list[_Move], previous: int | None
) -> set[int]:
    """Report each move whose sentence prints last year's and this year's amounts moving the
    other way; the indices of those moves."""
    wrong: set[int] = set()
    mode = ctx.tolerance.mode
    for i, m in enumerate(moves):
        amounts = [
            x for x in by_sentence.get(m.sentence.text, ())
            if isinstance(x, AmountClaim) and 0 <= m.sentence.text.find(x.text) < m.at
        ]  # fmt: skip
        subject = _subject(m.claim) if m.claim is not None else None
        if subject:  # the change's own subject: only its two years' amounts
            amounts = [x for x in amounts if _subject(x) == subject]
        last = [x for x in amounts if _is_last_year(x, previous)]
        this = [x for x in amounts if x not in last]
        if not last or not this or _subject(last[-1]) != _subject(this[-1]):
            continue
        lv, lu = last[-1].amount.wan_yuan()
        tv, tu = this[-1].amount.wan_yuan()
        moved = interval_of(tv, tu, mode) - interval_of(lv, lu, mode)
        if (m.sign > 0 and moved.hi < 0) or (m.sign < 0 and moved.lo > 0):
            wrong.add(i)
            ctx.emit(
                f"“{m.text}”: “{m.word}”, but the sentence prints this year's "
                f"“{this[-1].text}” against last year's “{last[-1].text}” "
                f"({_fmt(tv - lv)}万元) — in “{m.sentence.text}”{_at(m.line)}",
                place=m.place,
                expected=tv - lv,
                cells=(m.place, this[-1].place, last[-1].place),
            )
    return wrong


# -- N-class-list ---------------------------------------------------------------------------------

_SUBSECTION = re.compile(r"^[（(][一二三四五六七八九十]+[)）]")


def _subsections(section: NarrativeSection) -> list[tuple[Sentence, ...]]:
    """The sentences of a section, cut at its numbered sub-headings ((一), (二), …)."""
    out: list[list[Sentence]] = [[]]
    for s in section.sentences():
        if _SUBSECTION.match(s.text) and out[-1]:
            out.append([])
        out[-1].append(s)
    return [tuple(g) for g in out if g]


@_narrative_rule(
    "N-class-list",
    "情况说明按类列示支出时不得遗漏表中有数的类（所列金额/占比合计须为总数/100%）",
    "a list of 类 in the narrative leaves out no 类 the table has (its amounts add up to the "
    "total, its shares to 100%)",
    Severity.ERROR,
    "the 情况说明 template lists the expenditure of every 类 (公开05表)",
    "a 类 left out of the narrative's list passed: every listed figure agreed with its table",
)
def n_class_list(d: Disclosure, ctx: Context) -> None:
    """A list of two or more 类 (amounts or shares, in one sub-section) that lacks a 类 the
    table prints with a non-zero figure, so that the listed amounts fall short of the table's
    合计 beyond rounding (or the shares of 100%).  The finding names each missing 类 and its
    figure."""
    resolve = _resolver(d, ctx)
    for section in d.narrative.sections:
        claims = section.claims()
        for group in _subsections(section):
            texts = {s.text for s in group}
            listed: dict[str, tuple[Claim, Figure]] = {}
            shares: dict[str, ShareClaim] = {}
            covered: set[str] = set()  # every code the group names, at any level
            others: list[AmountClaim] = []  # the group's amounts that name no code
            for c in claims:
                if c.sentence not in texts or not isinstance(c, (AmountClaim, ShareClaim)):
                    continue
                if isinstance(c, AmountClaim) and c.attribute and "决算" not in c.attribute:
                    continue
                fig = _figure(resolve, d, c, getattr(c, "attribute", None))
                row = fig.cells[0].place.row or "" if fig is not None else ""
                if fig is None or len(fig.cells) != 1 or not row.isdigit():
                    if isinstance(c, AmountClaim):
                        others.append(c)
                    continue
                covered.add(row)
                if len(row) != 3:
                    continue
                listed.setdefault(row, (c, fig))
                if isinstance(c, ShareClaim):
                    shares.setdefault(row, c)
            if len(listed) >= 2:
                _class_list(d, ctx, listed, shares, covered, others)


def _class_list(
    d: Disclosure,
    ctx: Context,
    listed: dict[str, tuple[Claim, Figure]],
    shares: dict[str, ShareClaim],
    covered: set[str],
    others: list[AmountClaim],
) -> None:
    first, fig = next(iter(listed.values()))
    place = fig.cells[0].place
    t = d.table(place.table)
    column = place.column
    if t is None or column is None:
        return
    named = {code[:3] for code in covered}  # a 类 stated through its 款 or 项 is not left out
    mode = ctx.tolerance.mode
    # a 类 the list names in words govfin does not resolve ("“一般公共服务”306.90万元", the
    # former name "文化体育与传媒支出"): its own figure, printed in the list, is not left out
    stated = [interval_of(*money_of(o.amount, d), mode) for o in others if o.subject]
    missing = [
        r for r in t.coded_rows()
        if r.code is not None and len(r.code) == 3 and r.code not in named
        and r[column] not in (None, ZERO)
        and not any(i.meets(interval_of(r[column], t.meta.precision, mode)) for i in stated)
    ]  # fmt: skip
    if not missing:
        return
    amounts = [_listed_amount(d, c, f) for c, f in listed.values()]
    span = None
    if all(a is not None for a in amounts):
        span = Interval(ZERO, ZERO)
        for a in amounts:
            assert a is not None
            span = span + interval_of(a[0], a[1], mode)
        # the list adds up to a sub-total the text states (人员经费 of 301 and 303): complete
        for o in others:
            ov, ou = money_of(o.amount, d)
            if span.meets(interval_of(ov, ou, mode)):
                return
    gaps: list[str] = []
    total = t.value("合计", column) if t.get("合计") is not None else None
    if total is not None and span is not None:
        whole = interval_of(total, t.meta.precision, mode)
        if not span.meets(whole):
            listed_sum = sum((a[0] for a in amounts if a is not None), ZERO)
            gaps.append(f"the listed amounts add up to {_fmt(listed_sum)}, not {_fmt(total)}")
    if shares and len(shares) == len(listed):
        summed_span = Interval(ZERO, ZERO)
        for s in shares.values():
            summed_span = summed_span + interval_of(s.percent.value, s.percent.last_place, mode)
        if not summed_span.meets(Interval(HUNDRED, HUNDRED)):
            summed = sum((s.percent.value for s in shares.values()), ZERO)
            gaps.append(f"the listed shares add up to {_fmt(summed)}%, not 100%")
    if not gaps:
        return
    figures = [(r, r[column] or ZERO) for r in missing]
    names = "、".join(f"{r.code} {r.name} {_fmt(v)}" for r, v in figures)
    last = list(listed.values())[-1][0]
    ctx.emit(
        f"the list of 类 ({'、'.join(listed)}) leaves out {names} of {t.KIND}: "
        f"{'; '.join(gaps)} — from “{first.sentence}”{_at(first.line)}",
        place=last.place,
        expected=sum((v for _, v in figures), ZERO),
        cells=(*(c.place for c, _ in listed.values()), *(t.place(r.key, column) for r in missing)),
    )


def _listed_amount(d: Disclosure, c: Claim, fig: Figure) -> tuple[Decimal, Decimal] | None:
    """The amount the list prints for a 类 (the share's own part), in the disclosure's unit."""
    if isinstance(c, AmountClaim):
        return money_of(c.amount, d)
    if isinstance(c, ShareClaim) and c.part is not None:
        return money_of(c.part, d)
    return None


# -- N-over-budget, N-over-adjusted ---------------------------------------------------------------

_ADJUSTED = re.compile(r"调整|全年")
#: A sentence giving the reason the 决算 is above the budget: "决算数大于预算数的主要原因：追加了…".
#: (A reason printed with garbled comparatives, "决算数大小于预算数的主要原因", is given too:
#: N-garbled reports the words.)
_OVER_REASON = re.compile(
    r"(?:大于|超过|超出|高于|大小于|小大于|高低于|低高于)(?:年初)?预算数?的?(?:主要)?原因"
)


def _explained(d: Disclosure, c: CompletionClaim) -> bool:
    """Whether the paragraph of ``c`` says, after its sentence, why the 决算 is above the
    budget (the warning asks for that reason: printed, it has been given)."""
    for section in d.narrative.sections:
        if section.heading != c.section:
            continue
        after = None
        for s in section.sentences():
            if after is None:
                if s.text == c.sentence:
                    after = s.paragraph
            elif s.paragraph != after:
                break
            elif _OVER_REASON.search(s.text):
                return True
    return False


def _over_budget(d: Disclosure, ctx: Context, *, adjusted: bool) -> None:
    resolve = _resolver(d, ctx)
    mode = ctx.tolerance.mode
    for c in d.claims():
        if not isinstance(c, CompletionClaim):
            continue
        if c.budget is None:
            if not adjusted and c.percent.value > HUNDRED:
                ctx.emit(
                    f"“{c.text}”: a completion of {c.percent}, the 决算 above the budget "
                    "(say so and why)" + f" — in “{c.sentence}”{_at(c.line)}",
                    place=c.place,
                    actual=c.percent.value,
                    expected=HUNDRED,
                    cells=(c.place,),
                )
            continue
        if bool(_ADJUSTED.search(c.budget_attribute or "")) is not adjusted:
            continue
        bv, bu = money_of(c.budget, d)
        if c.actual is not None:
            av, au = money_of(c.actual, d)
            source = f"“{c.actual}”"
        else:
            fig = _figure(resolve, d, c, None)
            if fig is None:
                continue
            av, au, source = fig.value, fig.unit, f"{fig.label} {_fmt(fig.value)}"
        if interval_of(av, au, mode).lo <= interval_of(bv, bu, mode).hi:
            continue
        if not adjusted and _explained(d, c):
            continue  # "决算数大于预算数的主要原因：…" follows: the reason asked for is given
        what = c.budget_attribute or "预算"
        ctx.emit(
            f"“{c.text}”: the 决算 {source} is above the {what} “{c.budget}” by "
            f"{_fmt(av - bv)}"
            + (
                ": spending beyond the adjusted budget"
                if adjusted
                else " (the 年初预算 may have been raised during the year: say so and why)"
            )
            + f" — in “{c.sentence}”{_at(c.line)}",
            place=c.place,
            expected=bv,
            actual=av,
            difference=av - bv,
            cells=(c.place,),
        )


@_narrative_rule(
    "N-over-budget",
    "支出决算超过年初预算（完成年初预算超过100%）须说明原因（提示）",
    "a 决算 figure above the 年初预算 printed beside it (warning)",
    Severity.WARNING,
    "财政部 部门决算 template: “决算数大于年初预算数的主要原因是…”",
    "决算 above 年初预算 passed; a warning, not an error: money added during the year "
    "(追加预算) and carry-over make it legitimate, but the text must explain it",
)
def n_over_budget(d: Disclosure, ctx: Context) -> None:
    """ "年初预算X万元，支出决算Y万元" with Y above X (beyond rounding): a warning, since a
    年初预算 is often raised during the year; none when the paragraph goes on to give the reason
    ("决算数大于预算数的主要原因：…"); the adjusted budget is N-over-adjusted's."""
    _over_budget(d, ctx, adjusted=False)


@_narrative_rule(
    "N-over-adjusted",
    "支出决算不得超过调整后预算（全年预算）",
    "a 决算 figure is not above the adjusted (全年) budget printed beside it",
    Severity.ERROR,
    "《中华人民共和国预算法》第十三条: 未列入预算的不得支出; the adjusted budget is the year's "
    "final appropriation",
    "决算 above an adjusted budget passed; an error: the adjusted budget already holds the "
    "year's additions",
)
def n_over_adjusted(d: Disclosure, ctx: Context) -> None:
    """ "调整后预算X万元（全年预算X万元），支出决算Y万元" with Y above X (beyond rounding)."""
    _over_budget(d, ctx, adjusted=True)

