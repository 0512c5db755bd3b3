"""N-reception-count: the 批次 and 人次 of 国内公务接待 left out of a 决算's 三公 narrative.

The 决算 templates ask, in the 三公 section's item on 公务接待费, for the number of receptions and
of people received besides the money (上海市普陀区's blank 2024 决算 template: "国内公务接待支出
XX 万（含外宾接待支出 XX 万元）。主要用于 XXXXXXXX，列明公务接待批次、人次，其中：接待外宾批次、
人次"), as filled: "国内公务接待支出0.40万（含外宾接待支出0万元）。主要用于…，
公务接待2批次、24人次，其中：接待外宾0批次、0人次" (上海市 templates, as 上海市普陀区文化和旅游局
2025 决算 prints it), "国内接待费0万元，共接待0批次，0人次" (the seed, 山西 2024).  上海市普陀区
生态环境局 2025 决算 gives only 接待外宾's counts and 石泉路街道 2025 决算 none (the hand annotation
of the former in zxj6827111-blip/GovBudgetChecker lists it as a defect).

Read only where the template's item is printed: a sentence of a 决算's 三公 section that opens
with 国内公务接待 or 国内接待费 (the regional summaries of "三公" spending, which print no such
item, are not read).  The counts looked for are those of its item (:func:`_item`: its paragraph, the
item's opening paragraph just before it, "3、公务接待费支出 0 万元。其中：", and the paragraphs
after it up to the next item), a count of 外宾, 外事 or 国（境）外 receptions being no count of the
whole; an item saying no reception took place ("未发生公务接待") asks for none.
"""

from __future__ import annotations

import re

from govfin.disclosure import Disclosure
from govfin.findings import Place, Severity
from govfin.narrative import NARRATIVE_TABLE, CountClaim, Sentence
from govfin.rules.engine import Context
from govfin.rules.narrative.facts_common import at as _at
from govfin.rules.narrative.rule import narrative_rule

__all__: list[str] = []

#: The template's item: a sentence opening with 国内公务接待 / 国内接待费 (after an enumerator or
#: 其中：).
_DOMESTIC = re.compile(
    r"^(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十\d]+[、.．])?(?:其中[：:])?"
    r"国内(?:公务)?接待(?:费|支出)"
)
#: An enumerated item's opening ("3、公务接待费支出 0 万元。其中：").
_ITEM = re.compile(r"^(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十\d]+[、.．])")
_LEAD = re.compile(r"^其中[：:]")
#: A count of a part of the receptions, not of them all.
_PART = re.compile(r"外宾|外事|外国|国[（(]境[)）]外|境外")


#: An aside in brackets ("（含外宾接待支出0万元）"): it names a part, not what follows it.
_ASIDE = re.compile(r"[（(][^）)]*[)）]")


def _of_a_part(c: CountClaim) -> bool:
    """Is ``c`` a count of a part of the receptions: its subject names one, or the text
    before it from its sentence's last 其中 does ("其中外事接待费0万元，共接待0批次")?"""
    if _PART.search(c.subject) or _PART.search(c.text):
        return True
    at = c.sentence.find(c.text)
    if at < 0:
        return False
    head = c.sentence[:at]
    return _PART.search(_ASIDE.sub("", head[max(head.rfind("其中"), 0) :])) is not None


def _counts(claims: list[CountClaim]) -> set[str]:
    """Which of 批次 and 人次 the counts give for the receptions as a whole."""
    out = set()
    for c in claims:
        if _of_a_part(c):
            continue
        unit = c.count.unit
        if unit == "批次" or "批次" in c.subject or (unit == "次" and "接待" in c.subject):
            out.add("批次")  # ("接待批次 1 次", 宜川路 2025; "共接待3次")
        elif unit == "人次" or (unit == "人" and "接待" in c.subject):
            out.add("人次")
    return out


#: Words saying no reception took place: nothing to count.
_NONE = re.compile(r"未发生|无(?:国内)?公务接待|没有(?:发生)?(?:国内)?公务接待|未开展")


def _item(sents: tuple[Sentence, ...], i: int) -> list[int]:
    """The paragraphs of the 国内 sentence ``i``'s item: its own, the item's opening paragraph
    just before it ("3、公务接待费支出 0 万元。其中："), and those after it up to the next item
    or heading (an enumerator opening a paragraph)."""
    here = sents[i].paragraph
    out = [here]
    opening = _opening(sents, i)
    if opening is not None:
        out.append(opening.paragraph)
    last = here
    for s in sents[i + 1 :]:
        if s.paragraph == last:
            continue
        if _ITEM.match(s.text) or _DOMESTIC.match(s.text):
            break  # (the first sentence of a paragraph: the next item opens it)
        out.append(last := s.paragraph)
    return sorted(set(out))


@narrative_rule(
    "N-reception-count",
    "决算“三公”经费说明中的国内公务接待应说明接待批次和人次（不得仅有外宾接待的批次、人次）",
    "a 决算's 三公 narrative gives the 批次 and 人次 of 国内公务接待 where its template's item is "
    "printed (not only those of 外宾)",
    Severity.WARNING,
    source="the 部门决算 templates' 三公 section: 国内公务接待 N 批次、M 人次 beside its money",
    changed="2026-12: the counts left out passed (上海市普陀区生态环境局 and 石泉路街道 2025 决算; "
    "the former's hand annotation lists it)",
)
def n_reception_count(d: Disclosure, ctx: Context) -> None:
    """Each 国内公务接待 item of a 决算's 三公 section whose item gives no 批次 or no
    人次 of the receptions as a whole: one warning naming what is missing."""
    if d.kind != "决算":
        return
    for section in d.narrative.sections:
        if "三公" not in section.heading:
            continue
        sents = section.sentences()
        if not any(_DOMESTIC.match(s.text) for s in sents):
            continue
        counts: dict[int, list[CountClaim]] = {}
        by_text = {s.text: s.paragraph for s in sents}
        for c in section.claims():
            if isinstance(c, CountClaim) and c.sentence in by_text:
                counts.setdefault(by_text[c.sentence], []).append(c)
        for i, s in enumerate(sents):
            if not _DOMESTIC.match(s.text):
                continue
            paragraphs = _item(sents, i)
            if any(_NONE.search(x.text) for x in sents if x.paragraph in paragraphs):
                continue  # ("本年度未发生公务接待": nothing to count)
            given = _counts([c for p in paragraphs for c in counts.get(p, [])])
            missing = [w for w in ("批次", "人次") if w not in given]
            if not missing:
                continue
            line = s.line_at(s.text.find("国内"))
            clause = re.split(r"[（(。；;，,]", _LEAD.sub("", s.text), maxsplit=1)[0]
            place = Place(NARRATIVE_TABLE, section.heading or None, clause, line)
            some = any(counts.get(p) for p in paragraphs)
            parts = " (only those of a part: 外宾 …)" if some and len(missing) == 2 else ""
            ctx.emit(
                f"“{clause}”: no {'、'.join(missing)} of 国内公务接待 given{parts}; the "
                f"template asks for them beside the money — in “{s.text}”{_at(line)}",
                place=place,
            )


def _opening(sents: tuple[Sentence, ...], i: int) -> Sentence | None:
    """The item's opening sentence in the paragraph before the 国内 sentence's, when that
    paragraph opens with an enumerator ("3、公务接待费支出 0 万元。其中：")."""
    here = sents[i].paragraph
    for j in range(i - 1, -1, -1):
        s = sents[j]
        if s.paragraph == here:
            continue
        if s.paragraph != here - 1:
            return None
        first = next(x for x in sents if x.paragraph == s.paragraph)
        return first if _ITEM.match(first.text) and "接待" in first.text else None
    return None
