"""N-garbled: two direction words printed where one belongs.

Real texts carry slips of the pen in the words that give a change its direction: "比 2024 年度
减增加 21.90 万元" and "决算数大小于预算数" (上海市普陀区石泉路街道 2025 决算), "比2025年预算增加
增加27.45万元" and "与2025年预算增加持平" (上海市普陀区文化和旅游局 2026 预算).  Two forms, told
apart by :func:`garbles`:

- the same word (or the same direction) twice, "增加增加": a slip that leaves the meaning clear;
  the change is read with one of them and checked as usual;
- opposite words together, "减增加", "增加持平", "大小于": which was meant cannot be told; the
  claim's direction is unknown (:attr:`~govfin.narrative.ChangeClaim.garbled`), and no check
  that needs it is made (N-change reports the claim not checkable, N-direction and
  N-change-sum leave it out): never an error built on a guessed direction.

Either is a warning: the wording is wrong, whatever the figures.
"""

from __future__ import annotations

import attrs

from govfin._lazy import lazy_pattern
from govfin.disclosure import Disclosure
from govfin.findings import Severity
from govfin.narrative import DIRECTIONS, Claim
from govfin.narrative.text import _CHANGE_WORDS, _SINGLE, _word_sign
from govfin.rules.engine import Context
from govfin.rules.narrative.facts_common import at as _at
from govfin.rules.narrative.facts_common import sentence_place
from govfin.rules.narrative.rule import narrative_rule

__all__ = ["Garble", "garbles"]

#: Two direction words where one belongs (上海市普陀区 2025 决算 and 2026 预算 texts):
#: before a figure ("减增加21.90万元", "增加增加27.45万元"), before 持平 ("与2025年预算增加
#: 持平"), or two opposite comparatives ("决算数大小于预算数").
_GARBLE = lazy_pattern(
    rf"(?P<a>{_CHANGE_WORDS}|{_SINGLE})(?P<b>{_CHANGE_WORDS})(?=了?[+\-]?\d)"
    rf"|(?P<c>{_CHANGE_WORDS})持平"
    r"|(?P<e>大小|小大|高低|低高)于(?=(?:年初|全年|调整后)?预算|决算|上年)"
)


@attrs.frozen
class Garble:
    """Two direction words printed where one belongs, at [start, end) of a sentence's text.

    ``kind`` is "doubled" when both point the same way ("增加增加": a slip that leaves the
    meaning clear) and "opposite" when they do not ("减增加", "增加持平", "大小于": which was
    meant cannot be told).
    """

    start: int
    end: int
    text: str
    kind: str

    @property
    def opposite(self) -> bool:
        return self.kind == "opposite"


def garbles(text: str) -> tuple[Garble, ...]:
    """The garbled direction words of a sentence's text, in order.

    >>> [(g.text, g.kind) for g in garbles("比2024年度减增加21.90万元，增长141.75%")]
    [('减增加', 'opposite')]
    >>> [(g.text, g.kind) for g in garbles("比2025年预算增加增加27.45万元；与2025年预算增加持平")]
    [('增加增加', 'doubled'), ('增加持平', 'opposite')]
    >>> [(g.text, g.kind) for g in garbles("决算数大小于预算数的主要原因：…")]
    [('大小于', 'opposite')]
    >>> garbles("比上年新增减少3万元") == garbles("收入增减变化不大，基本持平") == ()
    True
    """
    out = []
    for m in _GARBLE.finditer(text):
        if m.group("a") is not None:
            same = _word_sign(m.group("a")) == DIRECTIONS[m.group("b")]
            kind = "doubled" if same else "opposite"
        else:
            kind = "opposite"
        out.append(Garble(m.start(), m.end(), m.group(0), kind))
    return tuple(out)


#: Characters every garble holds (a cheap screen before the search).
_SCREEN = frozenset("增减升降高于平")


def _clause(text: str, g: Garble) -> str:
    """The clause of ``text`` the garble is in (what a reader finds it by)."""
    marks = "，,；;：:。！？!?"
    start = max(text.rfind(ch, 0, g.start) for ch in marks) + 1
    ends = [i for i in (text.find(ch, g.end) for ch in marks) if i >= 0]
    return text[start : min(ends) if ends else len(text)]


def _claim_at(claims: list[Claim], text: str, g: Garble) -> Claim | None:
    """The claim whose printed text holds the garble, or None."""
    for c in claims:
        at = text.find(c.text)
        if at >= 0 and at <= g.start and g.end <= at + len(c.text):
            return c
    return None


@narrative_rule(
    "N-garbled",
    "增减方向词不得重叠或自相矛盾（“减增加”“增加增加”“增加持平”“大小于”）",
    "two direction words are not printed where one belongs (“减增加”, “增加增加”, “增加持平”, "
    "“大小于”)",
    Severity.WARNING,
    source="the 情况说明 states each change with one direction word (增加/减少, 持平, 大于/小于)",
    changed="2026-12: garbled direction words passed unremarked, and “减增加” was checked as "
    "an increase (上海市普陀区石泉路街道 2025 决算, 文化和旅游局 2026 预算)",
)
def n_garbled(d: Disclosure, ctx: Context) -> None:
    """Each garble (:func:`garbles`) of the narrative, once, at the
    claim that holds it (else at its clause): opposite words say the direction is unknown and
    the claim's direction-based checks are not made; doubled words say the change was read
    with one of them."""
    for section in d.narrative.sections:
        by_sentence: dict[str, list[Claim]] = {}
        for c in section.claims():
            by_sentence.setdefault(c.sentence, []).append(c)
        for s in section.sentences():
            if _SCREEN.isdisjoint(s.text):
                continue
            for g in garbles(s.text):
                claim = _claim_at(by_sentence.get(s.text, []), s.text, g)
                line = s.line_at(g.start)
                place = (
                    claim.place
                    if claim is not None
                    else sentence_place(s, _clause(s.text, g), g.start)
                )
                if g.opposite:
                    meaning = (
                        "opposite direction words where one belongs: which direction was "
                        "meant cannot be told, and no check rests on it"
                    )
                else:
                    meaning = (
                        "the same direction printed twice where one belongs (a slip; the "
                        "change is read with one of them and checked)"
                    )
                ctx.emit(f"“{g.text}”: {meaning} — in “{s.text}”{_at(line)}", place=place)
