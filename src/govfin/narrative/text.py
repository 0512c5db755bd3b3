"""The words of a 情况说明: vocabulary (units, attributes, directions), sentences with their
source lines, subject keys, and printed quantities (:class:`Quantity`) with their precision.
"""

from __future__ import annotations

import bisect
import functools
import operator
import re
from collections.abc import Sequence
from decimal import Decimal

import attrs

from govfin._lazy import lazy_pattern
from govfin.errors import ArgumentTypeError, ArgumentValueError
from govfin.narrative.breaks import PARAGRAPH_ENDERS, hard_break
from govfin.narrative.breaks import compact as _compact

__all__ = [
    "ATTRIBUTES",
    "COUNT_UNITS",
    "DIRECTIONS",
    "MONEY_UNITS",
    "NARRATIVE_TABLE",
    "PREVIOUS_YEAR",
    "Quantity",
    "Sentence",
    "garbled_head",
    "is_other_year",
    "respective_subjects",
    "sentences",
    "subject_key",
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

#: :attr:`AmountClaim.attribute` of a figure of the year compared with ("比上年累计支出285万元"):
#: "上年", or the year printed ("2024年").
PREVIOUS_YEAR = "上年"
_YEAR_ATTRIBUTE = re.compile(r"(?:19|20)\d{2}年")


def is_other_year(attribute: str | None) -> bool:
    """Does an amount's attribute say it is another year's figure (the one compared with)?

    >>> is_other_year("上年"), is_other_year("2024年"), is_other_year("决算数"), is_other_year(None)
    (True, True, False, False)
    """
    return attribute is not None and (
        attribute == PREVIOUS_YEAR or _YEAR_ATTRIBUTE.fullmatch(attribute) is not None
    )


#: Direction words and the sign they give a change.
DIRECTIONS: dict[str, int] = {
    "增加": 1, "增长": 1, "上升": 1, "提高": 1, "超支": 1,
    "减少": -1, "下降": -1, "降低": -1, "节约": -1, "节省": -1,
    "持平": 0, "相同": 0, "一致": 0, "无变化": 0,
}  # fmt: skip

#: The direction words of a change, and the one-character forms a slip may leave of them
#: ("比2024年度减增加21.90万元": 减 of 减少 before 增加).  A single 增/减 is no such slip when it
#: ends a word of its own (新增, 递减, 核减, 调增, 增减 …).
_CHANGE_WORDS = "增加|增长|上升|提高|减少|下降|降低"
_SINGLE = r"(?<![新递缩精削核调追裁增减])[增减]"
_SINGLE_SIGN = {"增": 1, "减": -1}
#: A direction word (or its one-character form) ending the text before another one.
_GARBLE_HEAD = lazy_pattern(rf"(?:{_CHANGE_WORDS}|{_SINGLE})$")


def _word_sign(word: str) -> int:
    return DIRECTIONS.get(word) or _SINGLE_SIGN[word]


def garbled_head(head: str, word: str) -> tuple[str, str | None]:
    """The text before a direction word ``word`` without a direction word it ends with, and
    the two words as printed when they are opposite (None when there is none, or the same
    direction printed twice: "增加增加" reads as 增加).

    >>> garbled_head("比2024年度减", "增加")
    ('比2024年度', '减增加')
    >>> garbled_head("比2025年预算增加", "增加")
    ('比2025年预算', None)
    >>> garbled_head("与上年相比", "持平")
    ('与上年相比', None)
    """
    m = _GARBLE_HEAD.search(head)
    if m is None:
        return head, None
    same = _word_sign(m.group(0)) == DIRECTIONS[word]
    return head[: m.start()], None if same else m.group(0) + word


_SENTENCE_END = re.escape("。；;！？!?")  # for a character class
#: A sentence: up to a mark that ends it (included), or what follows the last such mark.
_SENTENCE = re.compile(f"[^{_SENTENCE_END}]*[{_SENTENCE_END}]|[^{_SENTENCE_END}]+")
_CLAUSE_DELIMS = re.escape("，,、；;：:。！？!?")  # for a character class
_CONTINUES_AFTER = "，,、：:（(—-"
_CONTINUES_BEFORE = "。；;，,、）)：:"
#: A heading's start: "一、", "第三部分" (a section heading inside a text not split by them).
_SECTION_START = lazy_pattern(r"^(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十]+部分)")
_ENUM = re.compile(
    r"^(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+[、.．]|\d+[、.．](?!\d))"
)

_UNIT_RE = "|".join(
    re.escape(u)
    for u in sorted((*MONEY_UNITS, *PERCENT_UNITS, "个百分点", *COUNT_UNITS), key=len, reverse=True)
)
#: A number with its unit.  The lookahead (implied by what follows it) is there for speed: it
#: fails at once where no number begins, i.e. at most characters.  No number begins inside
#: another ("1,23万元" is no "23万元"), but one may follow a half-width comma that separates
#: clauses: "为“优”,3个项目" holds "3个".
_TOKEN = re.compile(
    r"(?=[+\-\d])(?<![\d.])(?<!\d,)(?P<num>[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?|[+-]?\d+(?:\.\d+)?)"
    rf"(?P<unit>{_UNIT_RE})"
)
#: A figure of a "respectively" list: a number, its unit printed or shared with the last one.
_RESPECTIVE_FIGURE = rf"[+-]?\d+(?:\.\d+)?(?:{_UNIT_RE})?"
#: "各是4125.49,4143.91万元", "分别为100万元、200万元", "分别占27.52%和72.48%", "各下降23.51%、
#: 38.28%" (四川 2022 决算 template: "2022年度收、支总计各是…"): 各 or 分别, a short verb (its
#: only digits a year's), then two or more figures joined by a comma, 、, 和, 及 or 与.  The
#: subjects are the clause before the mark (:func:`respective_subjects`).
_RESPECTIVE = lazy_pattern(
    r"(?P<mark>各|分别)"
    r"(?P<verb>(?:是|为|占|增|减|下降|上升|降低|提高|达|约|比|较|同比|与)"
    r"(?:[^，,。；;：:、\d]|(?:19|20)\d{2}年){0,12}?)?"
    rf"(?P<figs>{_RESPECTIVE_FIGURE}(?:[，,、和及与]{_RESPECTIVE_FIGURE})+)(?![\d.])"
)
_RESPECTIVE_ITEM = lazy_pattern(rf"(?P<num>[+-]?\d+(?:\.\d+)?)(?P<unit>{_UNIT_RE})?")
#: A list's items: "收、支总计", "收入、支出", "基本支出和项目支出", "A、B和C".
_LIST_SEPARATOR = lazy_pattern(r"、|和|及|与")
#: Abbreviations a list shares its last item's tail with: "收、支总计" = 收入总计, 支出总计.
_ABBREVIATED = {"收": "收入", "支": "支出"}
#: Heads of a generic figure that a longer first item may have qualified for the whole list
#: ("一般公共预算财政拨款基本支出和项目支出": which 项目支出 is not certain).
_GENERIC_HEADS = ("收", "支", "基本", "项目", "人员", "公用", "财政拨款", "一般")

#: A title in 《…》 (its digits are part of the name; its years need no check).
_BOOK_TITLE = re.compile(r"《[^》]*》")
#: A phrase whose digits are part of a name: "单价100万元（含）以上设备（不含车辆）", a 《…》 title.
#: (A date needs no mask: its numbers are followed by 年, 月 or 日, never by a unit.)
_MASK = re.compile(
    r"单价\d+万元(?:[（(]含[)）])?以上(?:的)?(?:设备)?(?:[（(]不含车辆[)）])?"
    f"|{_BOOK_TITLE.pattern}"
)
_LEADING = re.compile(
    r"^(?:[（(](?=其中)|\d{4}年度?|截[至止]\d{4}年\d{1,2}月\d{1,2}日|其中|主要包括|主要用于|主要是|包括|"
    r"本年度|当年(?=支出决算|决算)|本部门[（(]单位[)）]|本部门|本单位|与上年相比|与上年|较上年决算数?|"
    r"较上年|比上年|与(?:19|20)\d{2}年度?相比|(?:较|比|与)(?:19|20)\d{2}年度?(?:预算|决算)?数?|同比|共有|"
    r"共计|共|另外|此外|以及|和|及)"
)
_TRAILING = re.compile(
    r"(?:为|是|达到|达|约|共计|共|与上年相比|较上年决算数?|较上年|比上年|同比|与上年|"
    r"(?:较|比|与)(?:上年同期|上年度|(?:19|20)\d{2}年度?)(?:相比)?)$"
)
#: The words before an amount that make it a figure of another year, the one compared with:
#: "比上年累计支出285万元", "较2024年的2190万元", "较2014年度…合计16.08万元" (三公 texts of
#: 2015–2025; "与上年相比" and "与2019年相比" introduce a clause, not a figure).
_OTHER_YEAR = re.compile(
    r"^(?:比|较|与)(?:(?P<prev>上年同期|上年度|上一年度?|上年|去年)|(?P<y>(?:19|20)\d{2})年度?)"
    r"(?!相比|比较|同期相比)(?:的)?"
)
#: The year a sentence is about, when it begins with one: "2021年度“三公”经费合计支出…".
_SENTENCE_YEAR = re.compile(
    r"^(?:[（(]?[一二三四五六七八九十\d]+[)）、.．]?)?(?P<y>(?:19|20)\d{2})年"
)
#: A change against the budget, not the previous year: "较年初预算减少32%" (井研 2020).
_AGAINST_BUDGET = re.compile(r"(?:比|较|与)(?P<basis>(?:年初|全年|调整后)?预算)数?$")
_DIRECTION_END = re.compile(r"(?P<dir>增加|增长|上升|提高|超支|减少|下降|降低|节约|节省)了?$")
#: A figure stated with its direction: "公务接待费支出决算减少为0.00万元" (fell to it, or, the
#: template's "减少（增加）XXX万元" filled so, by it).
_DIRECTION_TO = re.compile(r"(?P<dir>增加|增长|上升|提高|减少|下降|降低)(?:为|到|至)$")
_SAME = re.compile(
    r"(?:与|较|比)上年[^，,。；;]{0,30}?(?P<dir>相同|持平|一致|无变化)|(?P<dir2>持平)"
)
_SHARE_BEFORE = re.compile(
    r"(?:占比(?:为|是)?|比重(?:为|是)?|占(?:为|是)?|"
    r"占(?P<of>[^，,。；;]+?)的?(?:比重|比例)?(?:为|是)?)$"
)
_COMPLETION_BEFORE = re.compile(
    r"(?:完成(?P<of>年初|全年|调整后)?预算(?:数)?的?|预算完成率(?:为|是)?|(?P<exec>执行率)(?:为|是)?)$"
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


# -- subjects --------------------------------------------------------------------------------


@functools.lru_cache(maxsize=4096)
def _strip_subject(raw: str) -> tuple[str, str | None]:
    """(subject, level) from the text before a number: enumerators, prefixes and connectives
    removed, again and again (removing one can uncover another).  Memoised: the texts before
    numbers are a template's few phrases, in every document."""
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


@functools.lru_cache(maxsize=4096)
def _parse_subject(raw: str) -> tuple[str, str | None, str | None]:
    """(subject, attribute, level) of the text before a number (the subject may be empty)."""
    subject, level = _strip_subject(raw)
    subject, attribute = _split_attribute(subject)
    if attribute is not None:  # what the attribute followed may need stripping in turn
        subject, _ = _strip_subject(subject)
    return subject, attribute, level


def respective_subjects(clause: str) -> tuple[str, ...] | None:
    """The subjects of a "respectively" list, in order: the clause before 各 or 分别.

    () for an empty clause (the subjects are those of the list before); None when the clause is
    no list, or a list whose subjects are not certain (an item shortened, a qualifier that may
    apply to the items after it, parts of one name split on 和).

    >>> respective_subjects("2022年度收、支总计")
    ('收入总计', '支出总计')
    >>> respective_subjects("基本支出和项目支出")
    ('基本支出', '项目支出')
    >>> respective_subjects("收入、支出")
    ('收入', '支出')
    >>> respective_subjects("") == ()
    True
    >>> [respective_subjects(c) for c in ("一般公共预算财政拨款基本支出和项目支出", "公务接待费",
    ...  "工资福利支出、商品和服务支出", "财政拨款收入和支出总计")]
    [None, None, None, None]
    """
    clause, _ = _strip_subject(clause)
    if not clause:
        return ()
    if "、" in clause:
        items = clause.split("、")
        items[-1:] = _LIST_SEPARATOR.split(items[-1])
    else:
        items = _LIST_SEPARATOR.split(clause)
    items = [_strip_subject(i)[0] for i in items]
    if len(items) < 2 or not all(items):
        return None
    *first, last = items
    abbreviations = (*_ABBREVIATED, *_ABBREVIATED.values())
    if all(i in abbreviations for i in first):
        head = next((a for a in sorted(abbreviations, key=len, reverse=True)
                     if last.startswith(a)), None)  # fmt: skip
        if head is None:
            return None
        tail = last[len(head) :]
        return tuple(_ABBREVIATED.get(i, i) + tail for i in (*first, head))
    if any(len(i) < 2 or i[-1] != last[-1] for i in items):
        return None
    if any(i.startswith(_GENERIC_HEADS) and len(items[0]) - len(i) >= 2 for i in items[1:]):
        return None
    return tuple(items)


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
    #: The unit of the last printed digit.  Derived when the quantity is made: nearly every
    #: quantity is judged to its places (a cached attribute's first read, through attrs'
    #: ``__getattr__``, cost more).
    last_place: Decimal = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.value, Decimal):
            raise ArgumentTypeError(
                f"Quantity.value: expected a Decimal, got {type(self.value).__name__} "
                f"{self.value!r} ({self.text}{self.unit})"
            )
        exp = self.value.as_tuple().exponent
        if not isinstance(exp, int):
            raise ArgumentValueError(f"Quantity.value must be finite: {self.text}{self.unit}")
        object.__setattr__(self, "last_place", Decimal(1).scaleb(exp))

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


#: A line at least this share of the text's longest line, ending without a paragraph's mark,
#: ran to the right margin: the print wrapped its paragraph onto the next line.
_FULL_LINE = Decimal("0.8")
#: Lines shorter than this are no measure of the page's width (a caption, a short heading).
_MIN_WIDTH = 32


def _widths(raw: str, compacted: int | None = None) -> tuple[int, int]:
    """How wide a line prints, in half-width characters (one printed full width, :data:`_WIDE`,
    counts 2), its white space counted and not (a justified line of a PDF spreads its characters apart, and a line
    rich in digits holds more of them: neither count alone measures the page's width).  The
    wide characters are counted once: white space is not wide, but for the ideographic space.

    ``compacted`` is the length of the line without white space, when known.

    >>> _widths("占比 55.40%。"), _widths("收入\u3000合计")
    ((13, 12), (10, 8))
    """
    text = raw.strip()
    # (the wide characters counted as those left when the narrow runs are taken out: one
    # string per run of narrow characters, where a list of the wide ones holds one per character)
    wide = len(text) - len("".join(_NARROW_RUN.findall(text)))
    if compacted is None:
        compacted = len(_compact(text))
    return len(text) + wide, compacted + wide - text.count("\u3000")


#: The characters a Chinese page prints full width: everything from U+1100 on (the East Asian
#: wide and full-width characters begin there: Hangul jamo, CJK punctuation and ideographs,
#: full-width forms), which also counts the ambiguous quotes, dashes, ellipsis and signs that
#: Chinese fonts print full width (“” — … ≤ ≥; UAX #11's East Asian context).  A one-range set compiles in a fraction of a millisecond, where the
#: exact East Asian Width ranges cost 2–3 ms at start-up.
_WIDE = lazy_pattern("[^\x00-\u10ff]")
#: A run of the characters :data:`_WIDE` does not match.
_NARROW_RUN = re.compile("[\x00-\u10ff]+")


#: A line beginning with a number that is no year or enumerator continues a sentence ("2433505.07
#: 元,增长 60.89%" after "…同比增加"): no paragraph begins with a bare amount.
_CONTINUING = re.compile(r"^(?!(?:19|20)\d{2}年)\d")


def _wrapped(prev: str, full: bool, line_text: str) -> bool:
    """Did the print wrap the paragraph of ``prev`` onto ``line_text``?  ``prev`` ran to the
    right margin (``full``) or the next line begins inside a sentence, ``prev`` ends no
    paragraph and the next line opens none ("1. 基本支出预算 2476260.58 元,占一般公共预算
    支出" / "的84.06%,同比减少…", text copied from a PDF of 梧州 2024 with the page's line
    breaks)."""
    return (
        prev[-1] not in PARAGRAPH_ENDERS
        and (full or _CONTINUING.match(line_text) is not None)
        and _ENUM.match(line_text) is None
        and _SECTION_START.match(line_text) is None
    )


def _full_lines(raws: Sequence[str], compact: Sequence[str] | None = None) -> list[bool]:
    """Which lines run to the right margin: at least :data:`_FULL_LINE` of the widest line,
    by either count of :func:`_widths` (none, when the widest is a short caption).
    ``compact`` is each line without white space, when known."""
    full = [False] * len(raws)
    counted = (
        map(_widths, raws)
        if compact is None
        else (_widths(raw, len(c)) for raw, c in zip(raws, compact, strict=True))
    )
    for widths in zip(*counted, strict=True) if raws else ():
        width = max(widths, default=0)
        if width >= _MIN_WIDTH:
            least = _FULL_LINE * width
            full = [f or w >= least for f, w in zip(full, widths, strict=True)]
    return full


def _blocks(text: str, first_line: int | None) -> list[list[tuple[str, int | None]]]:
    """Non-blank lines grouped into paragraphs: each a list of (line text, source line)."""
    paragraphs: list[list[tuple[str, int | None]]] = []
    raws = text.split("\n")
    compact = [_compact(raw) for raw in raws]
    # whether a line ran to the margin matters only after a line ending no paragraph: a text
    # whose lines all end theirs (one paragraph per line) needs no widths
    if any(c and c[-1] not in PARAGRAPH_ENDERS for c in compact[:-1]):
        full = _full_lines(raws, compact)
    else:
        full = [False] * len(raws)
    prev_full = False
    # the last source line of the paragraph before, and the paragraph's lines before that one
    prev_before = prev_raw = ""
    for i, raw in enumerate(raws):
        line_text = compact[i]
        if not line_text:
            continue
        line_no = None if first_line is None else first_line + i
        wrapped_full, prev_full = prev_full, full[i]
        if paragraphs:
            prev = paragraphs[-1][-1][0]
            if (
                prev[-1] in _CONTINUES_AFTER
                or line_text[0] in _CONTINUES_BEFORE
                or _wrapped(prev, wrapped_full, line_text)
                or hard_break(prev_raw, raw, before=prev_before)
            ):
                paragraphs[-1].append((line_text, line_no))
                prev_before += prev_raw
                prev_raw = raw
                continue
        paragraphs.append([(line_text, line_no)])
        prev_before, prev_raw = "", raw
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
