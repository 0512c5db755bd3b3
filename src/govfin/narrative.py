"""Claims in the 情况说明 text: pure text in, typed :class:`Claim` objects out.

The narrative of a 部门决算公开 restates the tables in sentences: "收入总计648.92万元",
"基本支出349.97万元，占比55.40%", "减少174.36万元，下降21.18%", "完成年初预算的73.24%",
"共有车辆0辆", "6个项目自评等级为“优”", "本年度无此项收支".  This module finds those statements
and types them; it knows nothing of tables.  Matching a claim to a table cell, and judging it,
is the business of :mod:`govfin.rules.narrative`.

Every figure keeps the precision it was printed with (:attr:`Quantity.last_place`): "6.7万元"
stands for [6.65, 6.75], "1830%" for [1829.5, 1830.5].

Besides claims, :func:`find_residue` finds template residue ("增加（减少）", "XX", "待填写", …)
and :func:`find_years` every year mentioned, with the reason a year outside the report year is
acceptable (截至…, a 《…》 title, a "2024-2026年" plan range).
"""

from __future__ import annotations

import bisect
import functools
import operator
import re
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any, ClassVar

import attrs

from govfin.errors import ArgumentValueError
from govfin.findings import Place

__all__ = [
    "ATTRIBUTES",
    "COUNT_UNITS",
    "DIRECTIONS",
    "MONEY_UNITS",
    "NARRATIVE_TABLE",
    "RESIDUE_PATTERNS",
    "AmountClaim",
    "ChangeClaim",
    "Claim",
    "CompletionClaim",
    "CountClaim",
    "GradeCountClaim",
    "NilClaim",
    "PercentClaim",
    "Quantity",
    "Sentence",
    "ShareClaim",
    "TemplateResidue",
    "YearMention",
    "claims_in",
    "claims_in_sections",
    "extract_claims",
    "find_residue",
    "find_years",
    "residue_in",
    "sentences",
    "subject_key",
    "years_in",
]

#: ``Place.table`` of every finding about the narrative.
NARRATIVE_TABLE = "情况说明"

#: Units of money, with how many 万元 one of them is.
MONEY_UNITS: dict[str, Decimal] = {
    "亿元": Decimal(10000),
    "万元": Decimal(1),
    "元": Decimal("0.0001"),
}
PERCENT_UNITS = ("%", "％")
#: Units of counts (things counted: projects, vehicles, visits).
COUNT_UNITS = (
    "台（套）", "台(套)", "批次", "人次", "辆", "个", "台", "套", "人", "次", "项", "家", "户",
    "名", "件", "篇",
)  # fmt: skip

#: Words naming which figure of a subject an amount is (年初预算, 支出决算 …), longest first.
ATTRIBUTES = (
    "调整后预算数", "调整后预算", "年初预算数", "全年预算数", "调整预算数", "支出决算数",
    "年初预算", "全年预算", "调整预算", "支出决算", "预算数", "决算数",
)  # fmt: skip

#: Direction words and the sign they give a change.
DIRECTIONS: dict[str, int] = {
    "增加": 1, "增长": 1, "上升": 1, "提高": 1, "超支": 1,
    "减少": -1, "下降": -1, "降低": -1, "节约": -1, "节省": -1,
    "持平": 0, "相同": 0, "一致": 0, "无变化": 0,
}  # fmt: skip

_SENTENCE_END = re.escape("。；;！？!?")  # for a character class
#: A sentence: up to a mark that ends it (included), or what follows the last such mark.
_SENTENCE = re.compile(f"[^{_SENTENCE_END}]*[{_SENTENCE_END}]|[^{_SENTENCE_END}]+")
_CLAUSE_DELIMS = re.escape("，,、；;：:。！？!?")  # for a character class
_CONTINUES_AFTER = "，,、：:（(—-"
_CONTINUES_BEFORE = "。；;，,、）)：:"
_ENUM = re.compile(
    r"^(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+[、.．]|\d+[、.．](?!\d))"
)

_UNIT_RE = "|".join(
    re.escape(u)
    for u in sorted((*MONEY_UNITS, *PERCENT_UNITS, "个百分点", *COUNT_UNITS), key=len, reverse=True)
)
#: A number with its unit.  The lookahead (implied by what follows it) is there for speed: it
#: fails at once where no number begins, i.e. at most characters.
_TOKEN = re.compile(
    r"(?=[+\-\d])(?<![\d.,])(?P<num>[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?|[+-]?\d+(?:\.\d+)?)"
    rf"(?P<unit>{_UNIT_RE})"
)
#: A title in 《…》 (its digits are part of the name; its years need no check).
_BOOK_TITLE = re.compile(r"《[^》]*》")
#: A phrase whose digits are part of a name: "单价100万元（含）以上设备（不含车辆）", a 《…》 title.
#: (A date needs no mask: its numbers are followed by 年, 月 or 日, never by a unit.)
_MASK = re.compile(
    r"单价\d+万元(?:[（(]含[)）])?以上(?:的)?(?:设备)?(?:[（(]不含车辆[)）])?"
    f"|{_BOOK_TITLE.pattern}"
)
_LEADING = re.compile(
    r"^(?:\d{4}年度?|截[至止]\d{4}年\d{1,2}月\d{1,2}日|其中|主要包括|主要用于|主要是|包括|"
    r"本年度|本部门[（(]单位[)）]|本部门|本单位|与上年相比|与上年|较上年决算数?|较上年|"
    r"比上年|同比|共有|共计|共|另外|此外|以及|和|及)"
)
_TRAILING = re.compile(
    r"(?:为|是|达到|达|约|共计|共|与上年相比|较上年决算数?|较上年|比上年|同比|与上年)$"
)
_DIRECTION_END = re.compile(r"(?P<dir>增加|增长|上升|提高|超支|减少|下降|降低|节约|节省)了?$")
_SAME = re.compile(
    r"(?:与|较|比)上年[^，,。；;]{0,30}?(?P<dir>相同|持平|一致|无变化)|(?P<dir2>持平)"
)
_SHARE_BEFORE = re.compile(
    r"(?:占比(?:为|是)?|比重(?:为|是)?|占(?:为|是)?|"
    r"占(?P<of>[^，,。；;]+?)的?(?:比重|比例)?(?:为|是)?)$"
)
_COMPLETION_BEFORE = re.compile(
    r"(?:完成(?P<of>年初|全年|调整后)?预算(?:数)?的|预算完成率(?:为|是)?|(?P<exec>执行率)(?:为|是)?)$"
)
_GRADE_AFTER = re.compile(
    r"^个?(?:二级)?项目(?:的)?(?:绩效)?(?:自评)?(?:等级|结果|评价)?(?:均)?(?:为|是|评为)?"
    r"[“\"「『]?(?P<grade>优秀|优|良好|良|中|合格|差|不合格)[”\"」』]?"
)
_LEAD_AFTER = re.compile(r"^[，,]?(?:其中|主要用于|主要包括|包括|具体)|^[：:]")
_NIL = re.compile(
    r"^(?:主要(?:原因)?(?:是|为)[：:]?|主要用于[：:]?)?"
    r"(?:本部门[（(]单位[)）]|本部门|本单位|该单位|本年度|本年|当年)+(?:均)?(?:无|没有)"
    r"(?P<subj>[^，,。；;：:]*)$"
)
#: A word that :data:`_SAME` or :data:`_NIL` needs: a sentence without one has neither.
_NO_NUMBER_WORD = re.compile("相同|持平|一致|无|没有")
_SECTION_NIL_SUBJECTS = ("此项收支", "此项支出", "此项收入", "此项", "此类支出", "此类收支")
_CLAUSE = re.compile(f"[^{_CLAUSE_DELIMS}]+")
#: The last clause of a text (its end, when the text ends with a delimiter).
_CLAUSE_TAIL = re.compile(f"[^{_CLAUSE_DELIMS}]*\\Z")
#: A printed level mark, either bracket width: "(类)", "（款）".
_LEVEL = re.compile(r"[（(]([类款项])[)）]")
#: Quotes dropped from a subject key, and half-width brackets made full-width.
_KEY_CHARS = str.maketrans({**dict.fromkeys("“”\"‘’'「」『』"), "(": "（", ")": "）"})
_KEY_LEVEL = re.compile(r"（[类款项]）")


def _compact(text: str) -> str:
    """The text without white space (Unicode's: U+3000 and no-break spaces too)."""
    return "".join(text.split())


@functools.lru_cache(maxsize=4096)
def subject_key(subject: str) -> str:
    """A subject as compared: no quotes, spaces or (类)/(款)/(项) marks, one bracket width.

    "决算" inside a subject is dropped ("一般公共预算财政拨款决算支出" and
    "一般公共预算财政拨款支出" name the same figure).  Memoised: the checks compare the
    same few subjects (and table row names) again and again.
    """
    s = _KEY_LEVEL.sub("", _compact(subject).translate(_KEY_CHARS))
    if s != "决算":
        s = s.replace("决算", "")
    return s


# -- quantities ------------------------------------------------------------------------------


@attrs.frozen
class Quantity:
    """A number as printed in the text, with its unit (万元, 元, %, 个, 辆 …).

    ``last_place`` is the unit of the last printed digit ("6.7" → 0.1, "205" → 1); for money it
    is in the printed unit.  Counts are exact.
    """

    value: Decimal
    unit: str
    text: str

    @functools.cached_property
    def last_place(self) -> Decimal:
        exp = self.value.as_tuple().exponent
        assert isinstance(exp, int)
        return Decimal(1).scaleb(exp)

    @property
    def is_money(self) -> bool:
        return self.unit in MONEY_UNITS

    @property
    def is_percent(self) -> bool:
        return self.unit in PERCENT_UNITS

    @property
    def is_count(self) -> bool:
        return self.unit in COUNT_UNITS

    def wan_yuan(self) -> tuple[Decimal, Decimal]:
        """Money as (value, last-place unit) in 万元 (exact conversion)."""
        if not self.is_money:
            raise ArgumentValueError(f"{self.text}{self.unit} is not an amount of money")
        factor = MONEY_UNITS[self.unit]
        return self.value * factor, self.last_place * factor

    def __str__(self) -> str:
        return f"{self.text}{self.unit}"


def _quantity(m: re.Match[str]) -> Quantity:
    text, unit = m.group("num", "unit")
    if unit == "％":
        unit = "%"
    return Quantity(Decimal(text.replace(",", "")), unit, text)


# -- sentences -------------------------------------------------------------------------------

#: The index of an (index, source line) pair of :attr:`Sentence.line_starts`.
_INDEX = operator.itemgetter(0)


@attrs.frozen
class Sentence:
    """One sentence of a section, white space removed, with the source lines it is printed on.

    ``paragraph`` numbers the paragraphs of the section (a paragraph broken over lines by the
    print, e.g. after "，", is one paragraph).  ``line_starts`` holds (index in ``text``, source
    line) where each of those lines begins, the first at index 0.
    """

    text: str
    section: str
    paragraph: int
    line_starts: tuple[tuple[int, int | None], ...] = attrs.field(eq=False, repr=False)

    def line_at(self, index: int) -> int | None:
        """The source line of the character at ``index`` (of the first or the last character
        for an index before or past the text)."""
        starts = self.line_starts
        if len(starts) <= 1:
            return starts[0][1] if starts else None
        return starts[max(bisect.bisect_right(starts, index, key=_INDEX) - 1, 0)][1]

    @property
    def line(self) -> int | None:
        return self.line_at(0)


def _blocks(text: str, first_line: int | None) -> list[list[tuple[str, int | None]]]:
    """Non-blank lines grouped into paragraphs: each a list of (line text, source line)."""
    paragraphs: list[list[tuple[str, int | None]]] = []
    for i, raw in enumerate(text.split("\n")):
        line_text = _compact(raw)
        if not line_text:
            continue
        line_no = None if first_line is None else first_line + i
        if paragraphs:
            prev = paragraphs[-1][-1][0]
            if prev[-1] in _CONTINUES_AFTER or line_text[0] in _CONTINUES_BEFORE:
                paragraphs[-1].append((line_text, line_no))
                continue
        paragraphs.append([(line_text, line_no)])
    return paragraphs


def _line_starts(
    starts: tuple[tuple[int, int | None], ...], start: int, end: int
) -> tuple[tuple[int, int | None], ...]:
    """Of the (index, source line) ``starts`` of a paragraph's lines, those that its span
    [start, end) is printed on, indices counted from ``start``."""
    if len(starts) == 1:
        return starts
    first = bisect.bisect_right(starts, start, key=_INDEX) - 1
    stop = bisect.bisect_left(starts, end, lo=first + 1, key=_INDEX)
    return ((0, starts[first][1]),) + tuple((i - start, n) for i, n in starts[first + 1 : stop])


def sentences(text: str, *, section: str = "", first_line: int | None = None) -> list[Sentence]:
    """Split a section's text into sentences.

    ``first_line`` is the source line of the text's first line (lines map 1:1, blank lines
    included).  Sentences end at 。；！？; a paragraph break ends one too, unless the print
    broke a sentence (a line ending in "，" or "：", or the next beginning with "。").
    """
    out: list[Sentence] = []
    for p, block in enumerate(_blocks(text, first_line)):
        starts: list[tuple[int, int | None]] = []  # (index in the paragraph, source line)
        i = 0
        for line_text, line_no in block:
            starts.append((i, line_no))
            i += len(line_text)
        line_starts = tuple(starts)
        start = 0
        for sentence in _SENTENCE.findall("".join([line_text for line_text, _ in block])):
            end = start + len(sentence)
            out.append(Sentence(sentence, section, p, _line_starts(line_starts, start, end)))
            start = end
    return out


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

    @property
    def kind(self) -> str:
        return self.KIND

    @property
    def key(self) -> str:
        """The subject as compared (:func:`subject_key`)."""
        return subject_key(self.subject)

    @functools.cached_property
    def place(self) -> Place:
        """Where the claim sits: table 情况说明, row = section heading, column = the claim's
        text (with "（第2处）" for a repeated claim on the same line, so that each claim has a
        place of its own)."""
        text = self.text if not self.occurrence else f"{self.text}（第{self.occurrence + 1}处）"
        return Place(NARRATIVE_TABLE, self.section or None, text, self.line)

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
    section.  "与上年相同" is a change with direction "相同" and no numbers.
    """

    KIND: ClassVar[str] = "change"
    direction: str
    delta: Quantity | None = None
    percent: Quantity | None = None
    percent_direction: str | None = None
    current: Quantity | None = None

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


def _strip_subject(raw: str) -> tuple[str, str | None]:
    """(subject, level) from the text before a number: enumerators, prefixes and connectives
    removed, again and again (removing one can uncover another)."""
    level = _LEVEL.search(raw)
    s, prev = raw, None
    while s != prev:
        prev = s
        s = _TRAILING.sub("", _LEADING.sub("", _ENUM.sub("", s)))
    return s, level.group(1) if level else None


def _split_attribute(subject: str) -> tuple[str, str | None]:
    """(subject, attribute) from a subject ending in one of :data:`ATTRIBUTES` (the longest)."""
    if subject.endswith(ATTRIBUTES):
        for attr in ATTRIBUTES:
            if subject.endswith(attr):
                return subject[: -len(attr)], attr
    return subject, None


def _tokens(text: str) -> list[tuple[re.Match[str], int]]:
    """The numbers with a unit in a sentence, each with the index where the next one begins (or
    the end of the text); those inside a :data:`_MASK` phrase are left out, but still end the
    number before them."""
    numbers = list(_TOKEN.finditer(text))
    if not numbers:
        return []
    stops = [m.start() for m in numbers[1:]]
    stops.append(len(text))
    masked = [m.span() for m in _MASK.finditer(text)]
    if not masked:
        return list(zip(numbers, stops))
    return [
        (m, stop)
        for m, stop in zip(numbers, stops)
        if not any(a <= m.start() < b for a, b in masked)
    ]


def _clause_start(text: str, pos: int, floor: int) -> int:
    """Where the clause that ``pos`` is in begins, but not before ``floor`` (<= ``pos``)."""
    tail = _CLAUSE_TAIL.search(text, floor, pos)
    assert tail is not None  # it may be empty
    return tail.start()


class _Extractor:
    """Walks the sentences of one section, keeping the state claims inherit."""

    def __init__(self, section: str):
        self.section = section
        self.claims: list[Claim] = []
        self.subject = ""
        self.paragraph = -1
        self.lead: AmountClaim | None = None

    # -- helpers --------------------------------------------------------------------------
    def _subject(self, raw: str) -> tuple[str, str | None, str | None]:
        """(subject, attribute, level) with inheritance for an empty subject."""
        subject, level = _strip_subject(raw)
        subject, attribute = _split_attribute(subject)
        if attribute is not None:  # what the attribute followed may need stripping in turn
            subject, _ = _strip_subject(subject)
        if not subject:
            subject = self.subject
        else:
            self.subject = subject
        return subject, attribute, level

    def _current(self, key: str) -> Quantity | None:
        """This year's amount of a subject, stated earlier in the section."""
        for c in reversed(self.claims):
            if (
                isinstance(c, AmountClaim)
                and c.key == key
                and (c.attribute is None or "决算" in c.attribute)
            ):
                return c.amount
        return None

    # -- the walk -------------------------------------------------------------------------
    def sentence(self, s: Sentence) -> None:
        if s.paragraph != self.paragraph:
            self.paragraph = s.paragraph
            self.subject = ""
        text = s.text
        tokens = _tokens(text)
        floor = 0  # end of the previous claim in this sentence
        sentence_claims: list[Claim] = []
        for m, stop in tokens:
            begin, end = m.span()
            start = _clause_start(text, begin, floor)
            before = text[start:begin]
            if not before and start > floor and text[start - 1] in "：:":
                # "支出：799.12万元": the subject is the clause before the colon
                head = _clause_start(text, start - 1, floor)
                if head < start - 1:
                    start, before = head, text[head : begin - 1]
            q = _quantity(m)
            claim = self._classify(s, q, start, end, before, text[end:stop], sentence_claims)
            if claim is not None:
                sentence_claims.append(claim)
                self.claims.append(claim)
            floor = end
        self._no_number_claims(s, tokens)

    def _change(
        self, text: str, before: str, d: re.Match[str], common: dict[str, Any], **figures: Any
    ) -> ChangeClaim:
        """A change whose direction word ``d`` ends ``before`` (the subject precedes it)."""
        subject, _, level = self._subject(before[: d.start()])
        return ChangeClaim(
            text=text,
            subject=subject,
            level=level,
            direction=d.group("dir"),
            current=self._current(subject_key(subject)),
            **figures,
            **common,
        )

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
        """ "共有车辆0辆", or "6个项目自评等级为“优”"."""
        g = _GRADE_AFTER.match(text[end - len(q.unit) :]) if q.unit == "个" else None
        if g is not None:
            grade = {"优秀": "优", "良好": "良"}.get(g.group("grade"), g.group("grade"))
            return GradeCountClaim(
                text=text[start : end - len(q.unit) + g.end()],
                subject=f"自评等级为“{grade}”的项目",
                grade=grade,
                count=q,
                **common,
            )
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
        subject, attribute, level = self._subject(before)
        claim = AmountClaim(
            text=text[start:end],
            subject=subject,
            level=level,
            amount=q,
            attribute=attribute,
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
            bare, _ = _strip_subject(before[: d.start()])
            if (
                not bare
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
                self.claims.append(
                    ChangeClaim(
                        text=clause,
                        subject=self.subject,
                        direction=direction,
                        current=self._current(subject_key(self.subject)),
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


# -- template residue and years --------------------------------------------------------------


@attrs.frozen
class TemplateResidue:
    """Left-over template text: "增加（减少）", "XX", "待填写", "（如持平作持平表述）" …"""

    text: str
    what: str
    sentence: str
    section: str
    line: int | None = attrs.field(default=None, eq=False)


_WORDS = "增加|减少|增长|下降|上升|降低|大于|小于|高于|低于|等于|持平"
RESIDUE_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(rf"(?:{_WORDS})[（(](?:{_WORDS})[)）]"), "alternative wording left in"),
    (re.compile(r"(?<![A-Za-z])(?:[XxＸｘ]{2,}|×{2,}|＊{2,}|\*{2,})(?![A-Za-z])"), "placeholder"),
    (re.compile(r"待填写|待补充|请填写|此处填写|填写说明|【[^】]*填[^】]*】"), "fill-in note"),
    (re.compile(r"[{｛][^}｝]{0,20}[}｝]"), "placeholder in braces"),
    (re.compile(r"[（(]如(?:持平|无|不涉及)[^)）]{0,20}[)）]"), "template instruction"),
    (re.compile(r"[（(]不涉及的?不列[^)）]{0,10}[)）]"), "template instruction"),
    (re.compile(r"仍保留该表格式|保留该表格式"), "template instruction"),
    (re.compile(r"主要原因(?:是|为)?[：:]?(?=[。；;，,]|$)"), "reason left empty"),
    (re.compile(r"[（(]\s*[)）]"), "empty brackets"),
)


def find_residue(
    text: str, *, section: str = "", first_line: int | None = None
) -> tuple[TemplateResidue, ...]:
    """Template residue in a section's text, one item per occurrence."""
    return residue_in(sentences(text, section=section, first_line=first_line))


def residue_in(sents: Iterable[Sentence]) -> tuple[TemplateResidue, ...]:
    """:func:`find_residue` of a text already split into :func:`sentences`."""
    out: list[TemplateResidue] = []
    for s in sents:
        for rx, what in RESIDUE_PATTERNS:
            for m in rx.finditer(s.text):
                out.append(
                    TemplateResidue(m.group(0), what, s.text, s.section, s.line_at(m.start()))
                )
    return tuple(out)


@attrs.frozen
class YearMention:
    """A year printed in the text.  ``allowed`` says why it needs no check, if it does not.

    Reasons: ``"截至"`` (a date a balance is stated at), ``"title"`` (inside 《…》),
    ``"range"`` (a span such as "2024-2026年" of a 中期财政规划).
    """

    year: int
    text: str
    sentence: str
    section: str
    line: int | None = attrs.field(default=None, eq=False)
    allowed: str | None = None


_YEAR = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})(?=年|\s*[-—–~～至到]\s*(?:19|20)\d{2}年)")
_RANGE = re.compile(r"(?<!\d)(?:19|20)\d{2}\s*[-—–~～至到]\s*(?:19|20)\d{2}年")
_UNTIL_END = re.compile(r"截[至止]$")


def find_years(
    text: str, *, section: str = "", first_line: int | None = None
) -> tuple[YearMention, ...]:
    """Every year ("2023年", "2024年度") in a section's text, with its whitelisting reason."""
    return years_in(sentences(text, section=section, first_line=first_line))


def years_in(sents: Iterable[Sentence]) -> tuple[YearMention, ...]:
    """:func:`find_years` of a text already split into :func:`sentences`."""
    out: list[YearMention] = []
    for s in sents:
        if _YEAR.search(s.text) is None:
            continue
        titles = [(m.start(), m.end()) for m in _BOOK_TITLE.finditer(s.text)]
        ranges = [(m.start(), m.end()) for m in _RANGE.finditer(s.text)]
        for m in _YEAR.finditer(s.text):
            i = m.start()
            allowed: str | None = None
            if any(a <= i < b for a, b in titles):
                allowed = "title"
            elif any(a <= i < b for a, b in ranges):
                allowed = "range"
            elif _UNTIL_END.search(s.text[max(0, i - 3) : i]):
                allowed = "截至"
            end = s.text.find("年", m.end()) + 1
            out.append(
                YearMention(
                    int(m.group("y")),
                    s.text[i : end + (1 if s.text[end : end + 1] == "度" else 0)],
                    s.text,
                    s.section,
                    s.line_at(i),
                    allowed,
                )
            )
    return tuple(out)
