"""Claims: the checkable statements of a 情况说明 sentence (amounts, shares, changes,
completion rates, counts, nil statements, and the 绩效 claim's figures as
:func:`govfin.performance.statement.parse_statement`, its one parser, finds them), typed.

The module runs over 600 lines: the claim classes and the one extractor that walks each
sentence once belong together (every kind of claim reads the state the walk keeps: the
inherited subject, the lead amount, the year of the paragraph, the figure compared with).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any, ClassVar

import attrs

from govfin.findings import Place
from govfin.narrative.text import (
    _AGAINST_BUDGET,
    _CLAUSE,
    _CLAUSE_TAIL,
    _COMPLETION_BEFORE,
    _DIRECTION_END,
    _DIRECTION_TO,
    _LEAD_AFTER,
    _MASK,
    _NIL,
    _NO_NUMBER_WORD,
    _OTHER_YEAR,
    _RESPECTIVE,
    _RESPECTIVE_ITEM,
    _SAME,
    _SECTION_NIL_SUBJECTS,
    _SENTENCE_YEAR,
    _SHARE_BEFORE,
    _TOKEN,
    DIRECTIONS,
    NARRATIVE_TABLE,
    PREVIOUS_YEAR,
    Quantity,
    Sentence,
    _parse_subject,
    _quantity,
    _strip_subject,
    garbled_head,
    is_other_year,
    respective_subjects,
    sentences,
    subject_key,
)
from govfin.performance.statement import Stated, parse_statement

__all__ = [
    "AmountClaim",
    "ChangeClaim",
    "Claim",
    "CompletionClaim",
    "CountClaim",
    "GradeCountClaim",
    "MeanScoreClaim",
    "NilClaim",
    "PercentClaim",
    "ShareClaim",
    "UnpairedClaim",
    "claims_in",
    "claims_in_sections",
    "extract_claims",
]

# -- claims ----------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Claim:
    """A statement of the narrative that could be checked.

    ``text`` is the claim as printed (white space removed), ``sentence`` the whole sentence,
    ``section`` the heading of its section, ``line`` the source line where the claim begins.
    ``subject`` is what the claim is about, as printed (year, "其中" and the like stripped;
    inherited from the sentence before when the claim names nothing, as in "支出决算631.71万元").
    """

    KIND: ClassVar[str] = "claim"

    text: str
    sentence: str
    section: str
    line: int | None = attrs.field(default=None, eq=False)
    subject: str = ""
    #: "类", "款" or "项" when printed, as in "一般公共服务支出(类)".
    level: str | None = None
    #: How many claims with the same text come before this one on the same line (0 for the
    #: first): "共接待0批次，0人次，其中…共接待0批次" holds two claims "共接待0批次".
    occurrence: int = 0
    #: Where the claim sits: table 情况说明, row = section heading, column = the claim's text
    #: (with "（第2处）" for a repeated claim on the same line, so that each claim has a place
    #: of its own).  Derived when the claim is made: every claim checked is reported at its
    #: place (a cached attribute's first read, through attrs' ``__getattr__``, cost more).
    place: Place = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        text = self.text if not self.occurrence else f"{self.text}（第{self.occurrence + 1}处）"
        object.__setattr__(self, "place", Place(NARRATIVE_TABLE, self.section or None, text,
                                                self.line))  # fmt: skip

    @property
    def kind(self) -> str:
        return self.KIND

    @property
    def key(self) -> str:
        """The subject as compared (:func:`subject_key`)."""
        return subject_key(self.subject)

    def describe(self) -> str:
        """One line: kind, text and where."""
        where = f" (line {self.line})" if self.line is not None else ""
        return f"{self.KIND}: {self.text}{where}"


@attrs.frozen(kw_only=True)
class AmountClaim(Claim):
    """ "收入总计648.92万元": a sum of money; ``attribute`` says which figure (年初预算 …)."""

    KIND: ClassVar[str] = "amount"
    amount: Quantity
    attribute: str | None = None
    #: The direction word of a figure stated with it ("减少为0.00万元": the figure reached, or
    #: the change), else None.
    moved: str | None = None


@attrs.frozen(kw_only=True)
class ShareClaim(Claim):
    """ "基本支出349.97万元，占比55.40%": ``part`` is what share ``percent`` of ``whole`` is.

    ``of`` is the denominator as printed ("占本年支出合计的100.00%" → "本年支出合计"), or the
    subject of the lead amount ("2024年度支出合计631.71万元，其中：…") when not printed.
    ``whole`` is that lead amount when the text states it.
    """

    KIND: ClassVar[str] = "share"
    percent: Quantity
    part: Quantity | None = None
    whole: Quantity | None = None
    of: str | None = None
    of_printed: bool = False


@attrs.frozen(kw_only=True)
class ChangeClaim(Claim):
    """ "减少174.36万元，下降21.18%": a change against the previous year.

    ``direction`` is the word of the amount (or of the rate when no amount is given); its sign is
    :data:`DIRECTIONS`.  ``current`` is this year's figure when the text states it earlier in the
    section; ``previous`` the figure compared with when the sentence prints it just before
    the change ("比上年累计支出285万元下降34万元").  "与上年相同" is a change with direction
    "相同" and no numbers.  ``basis`` names what the change is against when it is not the
    previous year ("较年初预算减少32%": "年初预算").
    """

    KIND: ClassVar[str] = "change"
    direction: str
    delta: Quantity | None = None
    percent: Quantity | None = None
    percent_direction: str | None = None
    current: Quantity | None = None
    previous: Quantity | None = None
    basis: str | None = None
    #: The direction words as printed when two opposite ones stand where one belongs ("减增加",
    #: "增加持平"): which direction was meant cannot be told, and no check rests on it.
    garbled: str | None = None

    @property
    def sign(self) -> int:
        return DIRECTIONS[self.direction]


@attrs.frozen(kw_only=True)
class CompletionClaim(Claim):
    """ "年初预算862.51万元，支出决算631.71万元，完成年初预算的73.24%"."""

    KIND: ClassVar[str] = "completion"
    percent: Quantity
    budget: Quantity | None = None
    actual: Quantity | None = None
    budget_attribute: str | None = None


@attrs.frozen(kw_only=True)
class CountClaim(Claim):
    """ "共有车辆0辆", "自评个数22个": a number of things."""

    KIND: ClassVar[str] = "count"
    count: Quantity


@attrs.frozen(kw_only=True)
class GradeCountClaim(Claim):
    """ "6个项目自评等级为“优”": how many self-evaluations have a grade."""

    KIND: ClassVar[str] = "grade-count"
    grade: str
    count: Quantity


@attrs.frozen(kw_only=True)
class MeanScoreClaim(Claim):
    """ "平均得分91.2分": the mean 总分 of the self-evaluations."""

    KIND: ClassVar[str] = "mean-score"
    score: Quantity


#: Subjects of the 绩效 claim's count and money when the print names neither.
PERF_COUNT_SUBJECT, PERF_FUNDS_SUBJECT = "绩效自评项目个数", "绩效自评涉及资金"


@attrs.frozen(kw_only=True)
class NilClaim(Claim):
    """ "本年度无此项收支", "本部门（单位）无机关运行经费": the figure is nil.

    An empty ``subject`` ("无此项收支") means the subject of the section.
    """

    KIND: ClassVar[str] = "nil"


@attrs.frozen(kw_only=True)
class PercentClaim(Claim):
    """A percentage whose meaning was not recognised (kept so that it is reported as unchecked)."""

    KIND: ClassVar[str] = "percent"
    percent: Quantity


@attrs.frozen(kw_only=True)
class UnpairedClaim(Claim):
    """ "收、支总计各是4125.49,4143.91万元" whose subjects and figures do not pair one to one
    (their counts differ, or the subjects are not certain): not checkable, and said so."""

    KIND: ClassVar[str] = "unpaired"
    figures: tuple[Quantity, ...]
    subjects: tuple[str, ...] | None = None


@attrs.frozen
class _Respective:
    """A "respectively" list found in a sentence: the span of its subjects' clause and mark
    (``start``) to its last figure (``end``), the subjects (None: not certain), the verb
    between the mark and the figures, and each figure with its span."""

    start: int
    end: int
    subjects: tuple[str, ...] | None
    verb: str
    figures: tuple[tuple[Quantity, int, int], ...]


def _respective_figures(figs: str, at: int) -> tuple[tuple[Quantity, int, int], ...] | None:
    """The figures of a list ("4125.49,4143.91万元"), each with its span, its unit the one
    printed or else the last figure's; None when the units differ, the last has none, or a comma
    may be a thousands separator ("1,234万元")."""
    items = list(_RESPECTIVE_ITEM.finditer(figs))
    unit = items[-1].group("unit")
    if unit is None or any(m.group("unit") not in (None, unit) for m in items):
        return None
    for a, b in itertools.pairwise(items):
        sep = figs[a.end() : b.start()]
        if (
            sep == ","
            and a.group("unit") is None
            and re.fullmatch(r"[+-]?\d{1,3}", a.group("num"))
            and re.fullmatch(r"\d{3}(?:\.\d+)?", b.group("num"))
        ):
            return None
    unit = "%" if unit == "％" else unit
    return tuple(
        (Quantity(Decimal(m.group("num")), unit, m.group("num")), at + m.start(), at + m.end())
        for m in items
    )


#: A decimal digit (``\d`` of a str pattern): every number, year and figure pattern needs one.
_DIGIT = re.compile(r"\d")


#: A thousands separator printed as the full-width comma (U+FF0C), where nothing else can be
#: meant: a first group of 1–3 digits that follows no digit, no other figure's separator and no
#: decimal point, then "，" and exactly three digits (again and again), then a decimal point
#: or a unit of money: "3，518.85万元" is 3518.85 万元 (上海市普陀区建设和管理委员会 2026 预算).
#: "，" is also the comma between clauses: "3，5，8万元" (groups of one digit) and a figure
#: followed by a count ("3，518个") are never joined.
_FULL_WIDTH_THOUSANDS = re.compile(
    r"(?<![\d.,，])(?<!\d[,，])[1-9]\d{0,2}(?:，\d{3})+(?=(?:\.\d+)?(?:亿元|万元|元))"
)
#: A "respectively" list's mark: in a clause after it, "3，518万元" may be two figures.
_LIST_MARK = re.compile(r"分别|各(?:是|为|占|增|减|下降|上升|降低|提高|达|约|比|较|同比|与)")
#: What ends the stretch of text a list mark governs.
_LIST_END = re.compile("[。；;：:]")


def _join_thousands(text: str) -> str:
    """The text with each :data:`_FULL_WIDTH_THOUSANDS` comma made half-width (same length, so
    every index holds), except after a "respectively" mark (分别, 各是 …) that no 。；： has
    closed, where a comma may part the list's figures.

    >>> _join_thousands("支出3，518.85万元，增加1，200万元")
    '支出3,518.85万元，增加1,200万元'
    >>> _join_thousands("分别为3，5，8万元；数量3，518个；2024，100万元")
    '分别为3，5，8万元；数量3，518个；2024，100万元'
    >>> _join_thousands("分别为100，200万元")
    '分别为100，200万元'
    """
    if "，" not in text:
        return text

    def join(m: re.Match[str]) -> str:
        head = text[: m.start()]
        opened = max((x.end() for x in _LIST_END.finditer(head)), default=0)
        if _LIST_MARK.search(head, opened):
            return m.group()
        return m.group().replace("，", ",")

    return _FULL_WIDTH_THOUSANDS.sub(join, text)


#: A share printed without its "%": a number (at most 100) right after 占/占比 (为/是) or after
#: "占…的", ending its clause ("城乡社区支出(类)15411.43万元，占76.23;", 宜川路街道 2025 决算).
#: Its empty ``unit`` group marks it; :func:`_bare_shares` says when it is read as a percentage.
_BARE_SHARE = re.compile(
    r"(?:(?<=占)|(?<=占比)|(?<=占为)|(?<=占是)|(?<=占比为)|(?<=占比是)|(?<=的))"
    r"(?P<num>\d{1,3}(?:\.\d+)?)(?P<unit>)(?=[，,；;。]|$)"
)
#: A share printed with its "%", and the words before it (占, 占比, 占比为 …).
_PERCENT_SHARE = re.compile(r"(?P<verb>占比?(?:为|是)?)\d{1,3}(?:\.\d+)?[%％]")
_SHARE_VERB = re.compile(r"占比?(?:为|是)?$")
_CLAUSE_MARKS = "，,；;。：:"


def share_verbs(texts: Iterable[str]) -> frozenset[str]:
    """The words (占, 占比 …) that the shares of a paragraph printed with "%" follow.

    >>> sorted(share_verbs(["基本支出80万元，占80.00%；", "项目支出20万元，占比20%。"]))
    ['占', '占比']
    """
    return frozenset(m.group("verb") for t in texts if "占" in t
                     for m in _PERCENT_SHARE.finditer(t))  # fmt: skip


def _bare_shares(text: str, verbs: frozenset[str]) -> list[re.Match[str]]:
    """The shares of a sentence printed without "%" that are percentages beyond doubt: after
    the words the paragraph's other shares print "%" after (``verbs``: its parallel shares,
    "…，占1.03%；…，占76.23;…，占5.33%"), or closing "占…的N" (1 ≤ N, nothing numeric after it
    in the sentence).  Never above 100.  Any other bare number after 占 stays no claim.

    >>> [m.group("num") for m in _bare_shares("支出15411.43万元，占76.23;", frozenset({"占"}))]
    ['76.23']
    >>> _bare_shares("支出15411.43万元，占76.23;", frozenset())
    []
    >>> [m.group("num") for m in _bare_shares("项目支出占本年支出的30.5。", frozenset())]
    ['30.5']
    >>> _bare_shares("项目支出占本年支出的0.5。", frozenset())
    []
    """
    out: list[re.Match[str]] = []
    for m in _BARE_SHARE.finditer(text):
        if Decimal(m.group("num")) > 100:
            continue
        head = text[: m.start()]
        if head.endswith("的"):
            clause = head[max(head.rfind(c) for c in _CLAUSE_MARKS) + 1 :]
            if (
                "占" in clause
                and Decimal(m.group("num")) >= 1
                and not any(ch.isdigit() for ch in text[m.end() :])
            ):
                out.append(m)
            continue
        verb = _SHARE_VERB.search(head)
        if verb is not None and verb.group() in verbs:
            out.append(m)
    return out


def _tokens(text: str, verbs: frozenset[str] = frozenset()) -> list[tuple[re.Match[str], int]]:
    """The numbers with a unit in a sentence, each with the index where the next one begins (or
    the end of the text); those inside a :data:`_MASK` phrase are left out, but still end the
    number before them.  A thousands separator printed full width is read as one
    (:func:`_join_thousands`): the matches are of that text, as long as the sentence.  A share
    printed without "%" is one when :func:`_bare_shares` says so (``verbs``: the paragraph's)."""
    numbers = list(_TOKEN.finditer(_join_thousands(text)))
    if "占" in text:
        bare = _bare_shares(text, verbs)
        if bare:
            numbers = sorted((*numbers, *bare), key=lambda m: m.start())
    if not numbers:
        return []
    stops = [m.start() for m in numbers[1:]]
    stops.append(len(text))
    # (every _MASK phrase begins with 单价 or 《: a sentence without either has none)
    masked = (
        [m.span() for m in _MASK.finditer(text)] if "单价" in text or "《" in text else []
    )
    if not masked:
        return list(zip(numbers, stops))
    return [
        (m, stop)
        for m, stop in zip(numbers, stops)
        if not any(a <= m.start() < b for a, b in masked)
    ]


def _open_brackets(text: str, pos: int) -> bool:
    """Is ``pos`` inside a bracket opened before it in ``text``?

    >>> _open_brackets("公车购置及运行费995万元(其中公务用车购置费38万元", 20)
    True
    >>> _open_brackets("一般公共服务支出(类)545.19万元", 12)
    False
    """
    head = text[:pos]
    return head.count("(") + head.count("（") > head.count(")") + head.count("）")


def _clause_start(text: str, pos: int, floor: int) -> int:
    """Where the clause that ``pos`` is in begins, but not before ``floor`` (<= ``pos``)."""
    tail = _CLAUSE_TAIL.search(text, floor, pos)
    assert tail is not None  # it may be empty
    return tail.start()


#: A numbered item's heading that names a 类/款/项 and no figure: "1、文化旅游体育与传媒支出（类）
#: 文化和旅游（款）行政运行（项）。" (上海市普陀区文化和旅游局 2025 决算: the figures follow in the
#: item's next sentences, "…年初预算为511.66万元，支出决算为457.86万元").
_ITEM_HEADING = re.compile(
    r"(?:^|[：:])\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})[、.．]\s*"
    r"(?P<subject>[^，,。；;：:]*[（(][类款项][)）])\s*[。．.]?\s*$"
)

#: A numbered item opening with the 类/款/项 it is about, then a comma: "14.节能环保支出（类）
#: 污染防治（款）大气（项），主要用于…，年初预算为420.80万元，支出决算为379.96万元" (上海市普陀区
#: 生态环境局 2025 决算; after "其中：" when the item goes on the paragraph's line): the item's
#: figures, in this sentence and the next, are of that 项.
_ITEM_LEAD = re.compile(
    r"(?:^|[：:])\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})[、.．]\s*"
    r"(?P<subject>[^，,。；;：:]*[（(][类款项][)）])\s*[，,]"
)


class _Extractor:
    """Walks the sentences of one section, keeping the state claims inherit."""

    def __init__(self, section: str):
        self.section = section
        self.claims: list[Claim] = []
        self.subject = ""
        self.paragraph = -1
        self.lead: AmountClaim | None = None
        #: The other year's figure printed last in the sentence, for the change after it.
        self.compared: AmountClaim | None = None
        #: The year the sentence being read begins with ("2021年度…"), and that of each
        #: amount's sentence (by id): a change is not measured from another year's figure.
        self.year: str | None = None
        self.years: dict[int, str | None] = {}
        self.sentence_claims: list[Claim] = []
        #: The subjects of the last "respectively" list of the paragraph, and its claims (the
        #: list after it that names no subjects is about them: "…各减少…,各下降…").
        self.respective: tuple[str, ...] | None = None
        self.respective_claims: list[Claim] = []
        #: Per paragraph, the words its shares printed with "%" follow (:func:`share_verbs`).
        self.verbs: dict[int, frozenset[str]] = {}

    # -- helpers --------------------------------------------------------------------------
    def _subject(self, raw: str) -> tuple[str, str | None, str | None]:
        """(subject, attribute, level) with inheritance for an empty subject."""
        subject, attribute, level = _parse_subject(raw)
        if not subject:
            subject = self.subject
        else:
            self.subject = subject
        return subject, attribute, level

    def _current(self, key: str) -> Quantity | None:
        """This year's amount of a subject, stated earlier in the section (not in a sentence
        about another year than the one being read: "2021年度…公务接待12.39万元" is no
        current figure for "2022年度…公务接待较上年同期减少0.58万元")."""
        for c in reversed(self.claims):
            if (
                isinstance(c, AmountClaim)
                and c.key == key
                and (c.attribute is None or "决算" in c.attribute)
            ):
                year = self.years.get(id(c))
                if year is not None and self.year is not None and year != self.year:
                    return None
                return c.amount
        return None

    # -- the walk -------------------------------------------------------------------------
    def sentence(self, s: Sentence) -> None:
        if s.paragraph != self.paragraph:
            self.paragraph = s.paragraph
            self.subject = ""
            self.year = None
            self.respective, self.respective_claims = None, []
        text = s.text
        self.compared = None
        lead = _ITEM_LEAD.search(text)
        if lead is not None:  # "14.…大气（项），主要用于…": what the item's figures are of
            self.subject = _parse_subject(lead.group("subject"))[0] or self.subject
        if _DIGIT.search(text) is None:
            # no number: no token, year, 绩效 figure or list (each needs a digit), only the
            # claims of the clauses without a number
            self.sentence_claims = []
            self._no_number_claims(s, ())
            return
        tokens = _tokens(text, self.verbs.get(s.paragraph, frozenset()))
        y = _SENTENCE_YEAR.match(text)
        if y is not None:  # (a year holds to the end of its paragraph)
            self.year = y.group("y")
        floor = 0  # end of the previous claim in this sentence
        sentence_claims: list[Claim] = []
        self.sentence_claims = sentence_claims
        stated = parse_statement(text)
        by_number = {st.at: st for st in stated if st.at >= 0}
        lists = self._respective_lists(text, tokens, by_number)
        brackets = "(" in text or "（" in text  # (else no figure is inside one)
        for m, stop in tokens:
            begin, end = m.span()
            while lists and begin >= lists[0].end:
                floor = self._respective(s, lists.pop(0), sentence_claims)
            if lists and begin >= lists[0].start:  # a figure of the list: read with the list
                continue
            start = _clause_start(text, begin, floor)
            before = text[start:begin]
            if start > floor and text[start - 1] in "：:" and not _parse_subject(before)[0]:
                # "支出：799.12万元", "…缴费支出(项): 支出决算为67.64万元": the subject is the
                # clause before the colon (what follows it names no figure of its own)
                head = _clause_start(text, start - 1, floor)
                if head < start - 1:
                    start, before = head, text[head : start - 1] + before
            if not m.group("unit"):  # a share printed without "%" (_bare_shares)
                q = Quantity(Decimal(m.group("num")), "%", m.group("num"))
            else:
                q = _quantity(m)
            if q.text != text[m.start("num") : m.end("num")]:  # the separator as printed
                q = attrs.evolve(q, text=text[m.start("num") : m.end("num")])
            # an amount in brackets ("(其中公务用车购置费38万元,公务用车运行费958万元)") is an
            # aside: what follows the bracket is still about the subject before it
            aside = brackets and _open_brackets(text, begin)
            kept = self.subject
            st = by_number.get(m.start("num"))
            if st is not None:
                claim: Claim | None = self._performance(s, st, q, start, end, before)
            else:
                claim = self._classify(s, q, start, end, before, text[end:stop], sentence_claims)
            if claim is not None:
                sentence_claims.append(claim)
                self.claims.append(claim)
                self.years[id(claim)] = self.year
            if aside:
                self.subject = kept
            floor = end
        while lists:
            self._respective(s, lists.pop(0), sentence_claims)
        heading = _ITEM_HEADING.search(text)
        if heading is not None and not any(m.start() >= heading.start() for m, _ in tokens):
            # "…其中：1、…（类）…（款）行政运行（项）。": what the item's figures are of
            self.subject = _parse_subject(heading.group("subject"))[0] or self.subject
        for st in stated:  # the figures of the 绩效 claim that are no token
            if st.what == "mean" or st.at < 0:
                self.claims.append(self._performance(s, st, None, st.start, st.end, ""))
        self._no_number_claims(s, tokens)

    # -- "respectively" lists ---------------------------------------------------------------
    def _respective_lists(
        self, text: str, tokens: Sequence[tuple[re.Match[str], int]], stated: dict[int, Stated]
    ) -> list[_Respective]:
        """The "respectively" lists of a sentence ("收、支总计各是4125.49,4143.91万元"), in
        order; a list whose clause holds a figure of its own, or one of whose figures is the
        绩效 claim's, is none (its numbers are read one by one)."""
        if "各" not in text and "分别" not in text:
            return []
        out: list[_Respective] = []
        for m in _RESPECTIVE.finditer(text):
            figures = _respective_figures(m.group("figs"), m.start("figs"))
            if figures is None or any(a in stated for _, a, _ in figures):
                continue
            start = max(text.rfind(ch, 0, m.start()) for ch in "，,；;：:。（(") + 1
            if any(start <= t.start() < m.start("figs") for t, _ in tokens):
                continue
            subjects = respective_subjects(text[start : m.start()])
            out.append(_Respective(start, m.end(), subjects, m.group("verb") or "", figures))
        return out

    def _unnamed_subjects(self, sentence_claims: list[Claim], n: int) -> list[AmountClaim]:
        """The amounts a list that names nothing and follows no list is about: "基本支出100万元、
        项目支出200万元，分别占…": exactly ``n`` amounts of this year, of distinct subjects,
        printed in the sentence (after its lead total, if any)."""
        after = sentence_claims
        if self.lead is not None and self.lead in sentence_claims:
            after = sentence_claims[sentence_claims.index(self.lead) + 1 :]
        amounts = [c for c in after if isinstance(c, AmountClaim) and not is_other_year(c.attribute)]
        if len(amounts) != n or len(amounts) != len(after) or len({c.key for c in amounts}) != n:
            return []
        return amounts

    def _respective(self, s: Sentence, g: _Respective, sentence_claims: list[Claim]) -> int:
        """The claims of a "respectively" list: one per subject, paired with the figures in
        order (a rate with the change of the list before it, a share with its amount), when
        the counts match exactly; else one :class:`UnpairedClaim`.  Returns the list's end."""
        text = s.text
        subjects, previous = g.subjects, self.respective_claims
        if subjects == ():  # "…,各下降23.51%、38.28%": the subjects of the list before
            subjects = self.respective
            if subjects is None:
                named = self._unnamed_subjects(sentence_claims, len(g.figures))
                subjects, previous = tuple(c.subject for c in named) or None, list(named)
        figures = tuple(q for q, _, _ in g.figures)
        if not subjects or len(subjects) != len(figures):
            claim: Claim = UnpairedClaim(
                text=text[g.start : g.end], sentence=text, section=self.section,
                line=s.line_at(g.start), subject=self.subject, figures=figures, subjects=subjects,
            )  # fmt: skip
            sentence_claims.append(claim)
            self.claims.append(claim)
            self.respective, self.respective_claims = None, []
            return g.end
        made: list[Claim] = []
        for i, (subject, (q, _, b)) in enumerate(zip(subjects, g.figures, strict=True)):
            self.subject = subject
            read = self._classify(s, q, g.start, b, subject + g.verb, "", [])
            assert read is not None  # (only a rate merged into the claim before is none)
            claim = read
            p = previous[i] if len(previous) == len(subjects) else None
            if (
                isinstance(claim, ChangeClaim) and claim.delta is None
                and isinstance(p, ChangeClaim) and p.delta is not None and p.percent is None
                and p.key == claim.key and p in self.claims
            ):  # fmt: skip
                merged = attrs.evolve(
                    p, text=text[text.index(p.text) : b], percent=claim.percent,
                    percent_direction=claim.percent_direction,
                )  # fmt: skip
                if p in sentence_claims:
                    sentence_claims[sentence_claims.index(p)] = merged
                self.claims[len(self.claims) - 1 - self.claims[::-1].index(p)] = merged
                self.years[id(merged)] = self.years.get(id(p))
                made.append(merged)
                continue
            if (
                isinstance(claim, ShareClaim) and claim.part is None
                and isinstance(p, AmountClaim) and p.key == claim.key
            ):  # fmt: skip
                t0 = text.index(p.text) if p.text in text else g.start
                claim = attrs.evolve(claim, part=p.amount, level=p.level, text=text[t0:b])
            sentence_claims.append(claim)
            self.claims.append(claim)
            self.years[id(claim)] = self.year
            made.append(claim)
        self.respective, self.respective_claims = subjects, made
        return g.end

    def _performance(
        self, s: Sentence, st: Stated, q: Quantity | None, start: int, end: int, before: str
    ) -> Claim:
        """A figure of the 绩效 claim (:func:`~govfin.performance.statement.parse_statement`),
        its text from the clause's start (or the phrase's) to the phrase's end (or the
        number's); a count or money whose printed subject says nothing gets a standard one."""
        text = s.text
        common: dict[str, Any] = {
            "sentence": text, "section": self.section, "line": s.line_at(min(start, st.start)),
            "text": text[min(start, st.start) : max(end, st.end)],
        }  # fmt: skip
        q = q or Quantity(st.value, st.unit, st.number)
        if st.what == "grade":
            subject = f"自评等级为“{st.grade}”的项目"
            return GradeCountClaim(subject=subject, grade=st.grade or "", count=q, **common)
        if st.what == "mean":
            return MeanScoreClaim(subject="绩效自评平均得分", score=q, **common)
        subject, attribute, level = self._subject(before)
        if st.what == "funds":
            subject = subject if "涉及" in subject else PERF_FUNDS_SUBJECT
            return AmountClaim(subject=subject, level=level, amount=q, attribute=attribute,
                               **common)  # fmt: skip
        subject = subject if "自评" in subject else PERF_COUNT_SUBJECT
        return CountClaim(subject=subject, level=level, count=q, **common)

    def _change(
        self, text: str, before: str, d: re.Match[str], common: dict[str, Any], **figures: Any
    ) -> ChangeClaim:
        """A change whose direction word ``d`` ends ``before`` (the subject precedes it)."""
        head, garbled = garbled_head(before[: d.start()], d.group("dir"))
        basis = _AGAINST_BUDGET.search(head)
        if basis is not None:
            head = head[: basis.start()]
        total = self._listed_total(head)
        subject, _, level = (total.subject, None, total.level) if total else self._subject(head)
        key = subject_key(subject)
        compared, self.compared = self.compared, None
        return ChangeClaim(
            text=text,
            subject=subject,
            level=level,
            direction=d.group("dir"),
            current=self._current(key),
            previous=compared.amount if compared is not None and compared.key == key else None,
            basis=basis.group("basis") if basis is not None else None,
            garbled=garbled,
            **figures,
            **common,
        )

    def _listed_total(self, head: str) -> AmountClaim | None:
        """The total a change names nothing of is about, when it follows the total's parts
        in its sentence: "事业运行经费总预算安排37337407.64元，其中：基本支出预算488180.64元，
        项目支出预算36849227元，同比增加27125219.46元，增长265.6%" (梧州 2025: 27125219.46 /
        (37337407.64 − 27125219.46) = 265.6%) is the total's change, not the last part's."""
        lead = self.lead
        if _parse_subject(head)[0] or lead is None or lead not in self.sentence_claims:
            return None
        after = self.sentence_claims[self.sentence_claims.index(lead) + 1 :]
        parts = [c for c in after if isinstance(c, AmountClaim) and c.attribute != PREVIOUS_YEAR]
        return lead if len(parts) >= 2 and len(parts) == len(after) else None

    def _other_year(
        self, text: str, q: Quantity, start: int, end: int, before: str, m: re.Match[str],
        common: dict[str, Any],
    ) -> AmountClaim:  # fmt: skip
        """ "比上年累计支出285万元": the figure of the year compared with, not this year's.  Its
        subject is the figure's name when an amount of that name was stated before
        ("较2014年度…“三公”经费合计16.08万元" after "“三公”经费合计31.23万元"), else the
        subject the sentence is about ("累计支出" names nothing)."""
        subject, _, level = _parse_subject(before[m.end() :])
        if not subject or self._current(subject_key(subject)) is None:
            subject, level = self.subject, None
        else:
            self.subject = subject
        claim = AmountClaim(
            text=text[start:end],
            subject=subject,
            level=level,
            amount=q,
            attribute=PREVIOUS_YEAR if m.group("prev") else f"{m.group('y')}年",
            **common,
        )
        self.compared = claim
        return claim

    def _replace_last(self, sentence_claims: list[Claim], old: Claim, new: Claim) -> None:
        sentence_claims[sentence_claims.index(old)] = new
        self.claims[len(self.claims) - 1 - self.claims[::-1].index(old)] = new

    def _classify(
        self,
        s: Sentence,
        q: Quantity,
        start: int,
        end: int,
        before: str,
        following: str,
        sentence_claims: list[Claim],
    ) -> Claim | None:
        """The claim of the number ``q`` at [start, end) of the sentence: ``before`` is its
        clause up to it, ``following`` the text from it up to the next number."""
        common: dict[str, Any] = {
            "sentence": s.text,
            "section": self.section,
            "line": s.line_at(start),
        }
        if q.is_money:
            return self._money(s.text, q, start, end, before, following, common)
        if q.is_count:
            return self._count(s.text, q, start, end, before, common)
        return self._percent(s, q, start, end, before, sentence_claims, common)

    def _count(
        self, text: str, q: Quantity, start: int, end: int, before: str, common: dict[str, Any]
    ) -> Claim:
        """ "共有车辆0辆" (a count per 自评 grade is the 绩效 claim's: :meth:`_performance`)."""
        subject, _, level = self._subject(before)
        return CountClaim(
            text=text[start:end],
            subject=subject,
            level=level,
            count=q,
            **common,
        )

    def _money(
        self,
        text: str,
        q: Quantity,
        start: int,
        end: int,
        before: str,
        following: str,
        common: dict[str, Any],
    ) -> Claim:
        """ "收入总计648.92万元", or a change: "减少174.36万元"."""
        d = _DIRECTION_END.search(before)
        if d is not None:
            return self._change(text[start:end], before, d, common, delta=q)
        other = _OTHER_YEAR.match(before)
        if other is not None:
            return self._other_year(text, q, start, end, before, other, common)
        # "公务接待费支出决算减少为0.00万元": the direction is kept; the figure may be the one
        # reached or (the template's "减少（增加）XXX万元" filled so) the change, so its subject
        # is left as printed (no table figure is resolved for it)
        moved = _DIRECTION_TO.search(before)
        subject, attribute, level = self._subject(before)
        claim = AmountClaim(
            text=text[start:end],
            subject=subject,
            level=level,
            amount=q,
            attribute=attribute,
            moved=moved.group("dir") if moved is not None else None,
            **common,
        )
        if _LEAD_AFTER.search(following) or following.rstrip("。；;").endswith(("：", ":")):
            self.lead = claim
        return claim

    def _percent(
        self,
        s: Sentence,
        q: Quantity,
        start: int,
        end: int,
        before: str,
        sentence_claims: list[Claim],
        common: dict[str, Any],
    ) -> Claim | None:
        text = s.text
        previous = sentence_claims[-1] if sentence_claims else None
        # "…减少174.36万元，下降21.18%": the rate of the change just stated.
        d = _DIRECTION_END.search(before)
        if d is not None and q.is_percent:
            head, garbled = garbled_head(before[: d.start()], d.group("dir"))
            bare, _ = _strip_subject(head)
            if (
                not bare
                and garbled is None
                and isinstance(previous, ChangeClaim)
                and previous.percent is None
                and previous.delta is not None
            ):
                new = attrs.evolve(
                    previous,
                    text=text[text.index(previous.text) : end]
                    if previous.text in text
                    else previous.text + "，" + text[start:end],
                    percent=q,
                    percent_direction=d.group("dir"),
                )
                self._replace_last(sentence_claims, previous, new)
                return None
            return self._change(
                text[start:end], before, d, common, percent=q, percent_direction=d.group("dir")
            )
        sm = _SHARE_BEFORE.search(before)
        if sm is not None and q.is_percent:
            part = previous if isinstance(previous, AmountClaim) else None
            of = sm.group("of")
            whole = None
            if of is None and self.lead is not None and self.lead is not part:
                whole = self.lead.amount
                of = self.lead.subject
            t0 = text.index(part.text) if part is not None and part.text in text else start
            return ShareClaim(
                text=text[t0:end],
                subject=part.subject if part is not None else self.subject,
                level=part.level if part is not None else None,
                percent=q,
                part=part.amount if part is not None else None,
                whole=whole,
                of=of,
                of_printed=sm.group("of") is not None,
                **common,
            )
        cm = _COMPLETION_BEFORE.search(before)
        if cm is not None and q.is_percent:
            amounts = [c for c in sentence_claims if isinstance(c, AmountClaim)]
            budget = next(
                (c for c in reversed(amounts) if c.attribute and "预算" in c.attribute), None
            )
            actual = next(
                (
                    c
                    for c in reversed(amounts)
                    if c is not budget and (c.attribute is None or "决算" in c.attribute)
                ),
                None,
            )
            first = budget or actual
            t0 = text.index(first.text) if first is not None and first.text in text else start
            subject = first.subject if first is not None else self.subject
            return CompletionClaim(
                text=text[t0:end],
                subject=subject,
                percent=q,
                budget=budget.amount if budget else None,
                actual=actual.amount if actual else None,
                budget_attribute=budget.attribute if budget else None,
                **common,
            )
        subject, _, level = self._subject(before)
        return PercentClaim(
            text=text[start:end],
            subject=subject,
            level=level,
            percent=q,
            **common,
        )

    def _no_number_claims(self, s: Sentence, tokens: Sequence[tuple[re.Match[str], int]]) -> None:
        """ "与上年相同" and "本年度无此项收支": claims of the clauses without a number."""
        text = s.text
        if _NO_NUMBER_WORD.search(text) is None:
            return
        numbers = [m.start() for m, _ in tokens]
        for c in _CLAUSE.finditer(text):
            start, end = c.span()
            if _NO_NUMBER_WORD.search(text, start, end) is None:
                continue
            if any(start <= i < end for i in numbers):
                continue
            clause = c.group()
            common: dict[str, Any] = {
                "sentence": text,
                "section": self.section,
                "line": s.line_at(start),
            }
            same = _SAME.search(clause)
            if same is not None:
                direction = same.group("dir") or same.group("dir2")
                # "与2025年预算增加持平": a direction word before 持平 (the words garbled)
                word = "dir" if same.group("dir") else "dir2"
                head, garbled = garbled_head(clause[: same.start(word)], direction)
                if word == "dir":  # ("与上年…持平": the subject is before 与上年)
                    head = clause[: same.start()]
                # the clause's own subject when it names one ("因公出国（境）费支出决算与2024年
                # 持平" after "“三公”经费…减少19.66万元，…，其中："), else the one before
                subject = _parse_subject(head)[0] or self.subject
                self.claims.append(
                    ChangeClaim(
                        text=clause,
                        subject=subject,
                        direction=direction,
                        current=self._current(subject_key(subject)),
                        garbled=garbled,
                        **common,
                    )
                )
                continue
            nil = _NIL.match(clause)
            if nil is not None:
                subj = nil.group("subj")
                if subj in _SECTION_NIL_SUBJECTS:
                    subj = ""
                self.claims.append(NilClaim(text=clause, subject=subj, **common))


def extract_claims(
    text: str, *, section: str = "", first_line: int | None = None
) -> tuple[Claim, ...]:
    """Every claim in one section's text, in the order printed.

    ``first_line`` is the source line of the text's first line, so that each claim carries the
    line it begins on.
    """
    return claims_in(sentences(text, section=section, first_line=first_line), section=section)


def claims_in(sents: Iterable[Sentence], *, section: str = "") -> tuple[Claim, ...]:
    """:func:`extract_claims` of one section already split into :func:`sentences`."""
    ex = _Extractor(section)
    sents = tuple(sents)
    if any("占" in s.text for s in sents):
        by_paragraph: dict[int, list[str]] = {}
        for s in sents:
            by_paragraph.setdefault(s.paragraph, []).append(s.text)
        ex.verbs = {p: share_verbs(texts) for p, texts in by_paragraph.items()}
    for s in sents:
        ex.sentence(s)
    seen: dict[tuple[str, int | None], int] = {}
    out: list[Claim] = []
    for c in ex.claims:
        key = (c.text, c.line)
        n = seen.get(key, 0)
        seen[key] = n + 1
        out.append(attrs.evolve(c, occurrence=n) if n else c)
    return tuple(out)


def claims_in_sections(
    sections: Iterable[tuple[str, str, int | None]],
) -> tuple[Claim, ...]:
    """Claims of several sections given as (heading, text, first line of text)."""
    out: list[Claim] = []
    for heading, text, first_line in sections:
        out.extend(extract_claims(text, section=heading, first_line=first_line))
    return tuple(out)
