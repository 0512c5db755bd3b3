"""N-change-sum: the change of a whole against the changes its parts are stated to have.

上海市普陀区建设和管理委员会 2026 预算 prints "财政拨款支出预算328,661万元，比2025年预算增加
115,649万元。财政拨款支出预算中，一般公共预算拨款支出预算49,376万元，比2025年预算减少5,965万元；
政府性基金拨款支出预算279,285.70万元，比2025年预算增加119,614万元；国有资本经营预算拨款支出预算
0万元，比2025年预算增加0万元": −5,965 + 119,614 + 0 = +113,649, not +115,649.

When a whole's change is checked
    A change of the whole (增加/减少 Δ, or 持平: 0) is followed, in its paragraph, by a list
    stated to be of its parts: "其中", "分别", "包括" right after the whole's change, or the next
    sentence opening with the whole's own name and "中" ("财政拨款支出预算中，…").  The list is
    the changes of the sentences after that mark, up to the first sentence stating none, each of
    another subject (a subject named again ends the list), against the same basis.
All the parts
    The parts must be all the whole's parts, which only the templates can say: :data:`PARTS`
    (财政拨款 = 一般公共预算 + 政府性基金 + 国有资本经营; the 三公 经费 = 因公出国（境）费 + 公务
    用车购置及运行费 + 公务接待费; 公务用车购置及运行费 = 购置费 + 运行费).  Every listed part must
    be one member, no member twice, and every member listed with its change: then Σ parts'
    changes = the whole's change, each printed figure standing for ±half a unit of its last
    place (docs/tolerance.md); an error only when those intervals cannot meet.
A list that leaves a member out
    ("…减少3.59万元，其中：公务用车…减少3.59万元；公务接待费…增加0.3万元", 宜川路街道 2025 决算:
    因公出国（境）费 not listed) proves nothing: the member left out may have changed by what is
    missing.  When the listed changes cannot make the whole's, that is said at severity info
    (what the unlisted member must have changed by), never as an error.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

import attrs

from govfin.amounts import Interval
from govfin.disclosure import Disclosure
from govfin.findings import Severity
from govfin.narrative import ChangeClaim, Claim, Sentence, subject_key
from govfin.rules.engine import Context
from govfin.rules.narrative.facts_common import at as _at
from govfin.rules.narrative.facts_common import fmt as _fmt
from govfin.rules.narrative.rule import narrative_rule

__all__ = ["PARTS", "Listed", "change_lists"]

_ENDS = r"(?:支出|收入)?(?:预算|决算)?数?"
_FEE = r"(?:费用?|经费)"


#: (name, the whole, its members as (name, pattern)).
_Entry = tuple[str, re.Pattern[str], tuple[tuple[str, re.Pattern[str]], ...]]


def _entry(name: str, whole: str, *members: tuple[str, str]) -> _Entry:
    return (
        name,
        re.compile(whole + _ENDS),
        tuple((m, re.compile(p + _ENDS)) for m, p in members),
    )


#: Wholes whose parts the 部门预算/部门决算 templates fix: (name, the whole, its members as
#: (name, pattern)), each pattern fully matching a subject key (:func:`subject_key`: no quotes,
#: no level marks) with its 支出/收入 and 预算/决算/数 ends.  财政拨款 by fund: the 财政拨款收支
#: 总表 of both templates splits 财政拨款 into 一般公共预算, 政府性基金预算 and 国有资本经营预算 and
#: nothing else; the 三公 经费 table (公开09表) splits the 三公 经费 into its three items, and
#: 公务用车购置及运行(维护)费 into 购置费 and 运行(维护)费.
PARTS = (
    _entry(
        "财政拨款 by fund",
        r"(?:本年)?财政拨款",
        ("一般公共预算", r"一般公共预算(?:财政)?拨款"),
        ("政府性基金预算", r"政府性基金(?:预算)?(?:财政)?拨款"),
        ("国有资本经营预算", r"国有资本经营预算(?:财政)?拨款"),
    ),
    _entry(
        "三公经费",
        r"(?:(?:19|20)\d{2}年度?)?三公经费(?:财政拨款)?(?:合计|总额)?",
        ("因公出国（境）费", rf"因公出国[（(]境[)）]{_FEE}"),
        ("公务用车购置及运行费", rf"公务用车购置及运行(?:维护)?{_FEE}"),
        ("公务接待费", rf"公务接待{_FEE}"),
    ),
    _entry(
        "公务用车购置及运行费",
        rf"公务用车购置及运行(?:维护)?{_FEE}",
        ("公务用车购置费", rf"公务用车购置{_FEE}"),
        ("公务用车运行费", rf"公务用车运行(?:维护)?{_FEE}"),
    ),
)

#: The mark, right after the whole's change, that the changes next are its parts'.
_MARK = re.compile(r"^[，,；;。：:]*(?:其中|分别|包括)")
#: The mark a list's first sentence may open with.
_OPENING = re.compile(r"^(?:其中|分别|包括)[：:，,]?")
#: A sentence opening with a whole's name and 中: "财政拨款支出预算中，…".
_NAME_IN = re.compile(r"^(?P<name>[^，,；;。：:]{2,40}?)中[，,：:]")
_KINDS = ("收入", "支出")
_DIGIT = re.compile(r"\d")


@attrs.frozen
class Listed:
    """A whole's change and the changes listed as its parts, members of the :data:`PARTS`
    entry ``parts_of``; ``missing`` names the members not listed."""

    whole: ChangeClaim
    parts: tuple[ChangeClaim, ...]
    parts_of: str
    missing: tuple[str, ...]

    @property
    def complete(self) -> bool:
        return not self.missing


def _kind(key: str) -> tuple[str, ...]:
    return tuple(k for k in _KINDS if k in key)


#: An item's enumerator opening a paragraph: "（二）", "2、", "三、" (a list of parts may run on
#: over items printed as paragraphs of their own, "…比2025年预算增加27万元。其中：\n（一）…").
_ITEM = re.compile(
    r"^(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、.．]|\d{1,2}[、.．](?!\d))"
)


def _by_sentence(
    sents: Sequence[Sentence], claims: Sequence[Claim]
) -> list[tuple[Sentence, list[Claim]]]:
    """Each sentence of a section with its claims (each claim's sentence found in order)."""
    out: list[tuple[Sentence, list[Claim]]] = [(s, []) for s in sents]
    i = 0
    for c in claims:
        j = i
        while j < len(out) and out[j][0].text != c.sentence:
            j += 1
        if j < len(out):  # (a claim whose sentence is not found ahead is left out)
            out[j][1].append(c)
            i = j
    return out


def _is_change(c: Claim) -> bool:
    """A change of money stated ("增加115,649万元") or 持平 ("与2024年持平": 0)."""
    if not isinstance(c, ChangeClaim) or c.garbled is not None:
        return False  # (garbled direction words: its sign is not known)
    if c.delta is not None:
        return c.delta.is_money
    return c.sign == 0 and c.percent is None


def _first(whole: ChangeClaim, k: int, rows: list[tuple[Sentence, list[Claim]]]) -> int | None:
    """The index of the first sentence the parts may be in (the whole's own, ``k``, when
    "其中" follows its change there; the next, in the same paragraph, when it opens with
    "其中" (the whole's sentence may give the change's reason first, in words) or with the
    whole's name and 中); None when no mark says the next are its parts."""
    sentence = rows[k][0]
    at = sentence.text.find(whole.text)
    if at < 0:
        return None
    rest = sentence.text[at + len(whole.text) :]
    if _MARK.match(rest):
        return k
    if k + 1 >= len(rows) or _DIGIT.search(rest):
        return None
    nxt = rows[k + 1][0]
    if nxt.paragraph != sentence.paragraph:
        return None
    # (after the change's reason, if any, given in words: "…增加27万元，主要原因…。其中：")
    if _MARK.match(nxt.text):
        return k + 1
    if rest.strip("。；;，, "):
        return None
    m = _NAME_IN.match(nxt.text)
    if m is not None and subject_key(m.group("name")) == whole.key:
        return k + 1
    return None


def _member(key: str, members: tuple[tuple[str, re.Pattern[str]], ...]) -> int | None:
    """The index of the one member a part's key is, or None."""
    hits = [i for i, (_, m) in enumerate(members) if m.fullmatch(key)]
    return hits[0] if len(hits) == 1 else None


def _entry_of(key: str) -> _Entry | None:
    """The :data:`PARTS` entry whose whole a subject key is, or None."""
    return next((e for e in PARTS if e[1].fullmatch(key)), None)


def _list_after(
    whole: ChangeClaim, k: int, rows: list[tuple[Sentence, list[Claim]]]
) -> list[tuple[int, ChangeClaim]] | None:
    """(member, change) of each part listed after a marked whole, in order; None when the list
    holds a change that is no member (what is listed is not certain).

    The list is the changes of the sentences from the mark on: a sentence stating only
    amounts ("（三）公务接待费0万元。") is read through, one stating nothing ends the list (but
    for a list of items: "主要原因是…" inside an item), and so does a paragraph's end, unless
    the next paragraph opens with an item's enumerator (the list's items printed as
    paragraphs, "其中：\n（一）…\n（二）…"); a change of no member in such an item ends the
    list, elsewhere it leaves it not certain.  A member named again ends it ("…持平的主要原因是");
    a part's own parts (its "其中") are passed over; a change of another basis ends it."""
    first = _first(whole, k, rows)
    if first is None:
        return []
    entry = _entry_of(whole.key)
    assert entry is not None
    members = entry[2]
    parts: list[tuple[int, ChangeClaim]] = []
    nested: tuple[tuple[str, re.Pattern[str]], ...] = ()
    paragraph = rows[first][0].paragraph
    items = False  # the parts are printed as items ("（一）…", each its own paragraph)
    fresh = False  # a paragraph of a new item, no change read in it yet
    for j in range(first, len(rows)):
        sentence, claims = rows[j]
        if sentence.paragraph != paragraph:
            if not _ITEM.match(sentence.text):
                break
            paragraph, fresh = sentence.paragraph, True
        if j == k:
            claims = claims[claims.index(whole) + 1 :]
        if any(isinstance(c, ChangeClaim) and c.garbled is not None for c in claims):
            return None  # a part whose direction is not known: the list is not certain
        changes = [c for c in claims if _is_change(c)]
        if not changes:
            if claims or j == k or items:
                continue
            break
        if not parts:
            items = _ITEM.match(_OPENING.sub("", sentence.text)) is not None
        for c in changes:
            assert isinstance(c, ChangeClaim)
            i = _member(c.key, members)
            if i is None:
                if _member(c.key, nested) is not None:
                    continue  # a part of the part before
                return parts if fresh else None  # an item after the list, or not certain
            if any(i == m for m, _ in parts) or c.basis != whole.basis:
                return parts
            parts.append((i, c))
            inner = _entry_of(c.key)
            nested = inner[2] if inner is not None else ()
            fresh = False
    return parts


def change_lists(sents: Sequence[Sentence], claims: Sequence[Claim]) -> list[Listed]:
    """Every whole's change of a section with the changes listed as its parts, when the whole
    is a :data:`PARTS` entry and every listed part a distinct member of it.

    >>> from govfin.narrative import extract_claims, sentences
    >>> text = ("“三公”经费支出比上年减少5万元，其中：因公出国（境）费与上年持平；"
    ...         "公务用车购置及运行费减少3万元；公务接待费减少2万元。")
    >>> (found,) = change_lists(sentences(text), extract_claims(text))
    >>> [p.subject for p in found.parts], found.complete
    (['因公出国（境）费', '公务用车购置及运行费', '公务接待费'], True)
    """
    rows = _by_sentence(sents, claims)
    out: list[Listed] = []
    for k, (_, row) in enumerate(rows):
        for whole in row:
            if not isinstance(whole, ChangeClaim) or not _is_change(whole):
                continue
            entry = _entry_of(whole.key)
            if entry is None:
                continue
            parts = _list_after(whole, k, rows)
            if not parts:
                continue
            if len({_kind(c.key) for c in (whole, *(c for _, c in parts))} - {()}) > 1:
                continue  # (a 收入 whole with 支出 parts)
            name, _, members = entry
            listed = {i for i, _ in parts}
            missing = tuple(m for i, (m, _) in enumerate(members) if i not in listed)
            out.append(Listed(whole, tuple(c for _, c in parts), name, missing))
    return out


def _interval(c: ChangeClaim) -> Interval:
    """A change in 万元 as the interval its printed figure stands for (持平: exactly 0)."""
    if c.delta is None:
        return Interval(Decimal(0), Decimal(0))
    v, u = c.delta.wan_yuan()
    v *= c.sign
    return Interval(v - u / 2, v + u / 2)


def _signed(c: ChangeClaim) -> str:
    """A change as a signed figure in 万元: "+0.3", "−3.59", "0" (持平)."""
    if c.delta is None or c.sign == 0 or not c.delta.value:
        return "0"
    v, _ = c.delta.wan_yuan()
    return _plain(v * c.sign, sign=True)


def _plain(v: Decimal, *, sign: bool = False) -> str:
    """A figure in 万元 as printed in a message: "−3.29", "+0.3" (``sign``), "0"."""
    if not v:
        return "0"
    return ("−" if v < 0 else "+" if sign else "") + _fmt(abs(v).normalize())


@narrative_rule(
    "N-change-sum",
    "整体的增减额 = 所列各组成部分增减额之和（“其中/分别/…中”列明全部组成部分时，按所印精度）",
    "the change of a whole = the sum of the changes of its parts, where the text lists every "
    "part's change after the whole's (其中/分别/“…中，”), within the printed places",
    Severity.ERROR,
    source="the 部门预算/部门决算 templates: 财政拨款 = 一般公共预算 + 政府性基金 + 国有资本经营; "
    "the 三公 经费 = 因公出国（境）费 + 公务用车购置及运行费 + 公务接待费",
    changed="2026-12 (gaps8): added; a real 2026 预算 (上海市普陀区建设和管理委员会) printed a "
    "财政拨款 change of +115,649 万元 whose three funds' changes add up to +113,649, and no rule "
    "compared a whole's change with its parts'; an error only where every part is listed and "
    "the printed figures' intervals cannot meet (a list leaving a part out: info)",
)
def n_change_sum(d: Disclosure, ctx: Context) -> None:
    """Each whole's change against the sum of its listed parts' (:func:`change_lists`)."""
    for section in d.narrative.sections:
        for found in change_lists(section.sentences(), section.claims()):
            whole = _interval(found.whole)
            parts = [_interval(p) for p in found.parts]
            summed = Interval(sum((i.lo for i in parts), Decimal(0)),
                              sum((i.hi for i in parts), Decimal(0)))  # fmt: skip
            if summed.meets(whole):
                continue
            mid_whole = (whole.lo + whole.hi) / 2
            total = (summed.lo + summed.hi) / 2
            w = found.whole
            listed = "，".join(f"{p.subject} {_signed(p)}" for p in found.parts)
            slack = whole.half_width + summed.half_width
            where = f"in “{w.sentence}”{_at(w.line)}"
            if found.complete:
                ctx.emit(
                    f"{w.subject} changes by {_signed(w)} 万元, but its parts ({found.parts_of}: "
                    f"{listed}) change by {_plain(total, sign=True)} 万元 in all (off by "
                    f"{_plain(mid_whole - total)}, slack {_plain(slack)}) — {where}",
                    place=w.place, expected=total, actual=mid_whole,
                    difference=mid_whole - total, slack=slack,
                    cells=tuple(p.place for p in found.parts),
                )  # fmt: skip
            else:
                ctx.emit(
                    f"{w.subject} changes by {_signed(w)} 万元; the parts listed after it ("
                    f"{listed}) change by {_plain(total, sign=True)} 万元: what is not listed ("
                    f"{'、'.join(found.missing)}) must have changed by "
                    f"{_plain(mid_whole - total, sign=True)} 万元, which the text does not say (not "
                    f"checkable) — {where}",
                    place=w.place, severity=Severity.INFO,
                    cells=tuple(p.place for p in found.parts),
                )  # fmt: skip
