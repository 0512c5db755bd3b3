"""N-class-name: a 类 named in the 情况说明 by a name its code has since lost.

The 情况说明 names the 类 of a 科目 it explains, "“文化体育与传媒支出(类）-体育（款）-群众体育（项）”";
a text carried over from year to year keeps a name the classification has replaced (207 was
文化体育与传媒支出, 210 医疗卫生与计划生育支出 in the 2017 list; the lists since name them
文化旅游体育与传媒支出 and 卫生健康支出).  What is old is data: the 类 names of the editions govfin
ships (``data/codes``), earlier than the one the document's year is checked against, that the
later edition gives another name for the same code.  Only a name marked as a 类 ("(类)"/"（类）")
is read; 款 and 项 names are not (govfin's 款/项 lists of the older edition are partial).
"""

from __future__ import annotations

import functools
import re

from govfin import codes
from govfin.disclosure import Disclosure
from govfin.findings import Severity
from govfin.rules.engine import Context
from govfin.rules.narrative.facts_common import at as _at
from govfin.rules.narrative.facts_common import issue_rule as _narrative_rule
from govfin.rules.narrative.facts_common import sentence_place
from govfin.rules.narrative.facts_common import year_of as document_year

__all__: list[str] = []

#: A name marked as a 类: the run of Han characters right before "(类)" / "（类）".
_CLASS_NAME = re.compile(r"(?P<name>[\u4e00-\u9fff]{2,30})\s*[（(]类[)）]")


@functools.lru_cache(maxsize=8)
def _superseded(edition: int) -> dict[str, tuple[str, str, int]]:
    """Old 类 name -> (code, the name in ``edition``, the older edition naming it so)."""
    current = {c.code: c.name for c in codes.roots(codes.Scheme.FUNCTIONAL, edition)}
    names = {codes.normalize_name(n) for n in current.values()}
    out: dict[str, tuple[str, str, int]] = {}
    for older in sorted(codes.editions(codes.Scheme.FUNCTIONAL), reverse=True):
        if older >= edition:
            continue
        for c in codes.roots(codes.Scheme.FUNCTIONAL, older):
            name = codes.normalize_name(c.name)
            if c.code in current and name not in names:
                out.setdefault(name, (c.code, current[c.code], older))
    return out


@_narrative_rule(
    "N-class-name",
    "情况说明中标明为“(类)”的科目名称应为当年科目表的名称（不得沿用已更名的旧名，如“文化体育与传媒支出”）",
    "a 类 named in the narrative carries its name of the year's classification, not a name the "
    "code has lost (“文化体育与传媒支出” for 207)",
    Severity.WARNING,
    "《政府收支分类科目》: the 类 names of the document's edition against those of the earlier "
    "editions govfin ships",
    "a 类 name the classification had replaced (文化体育与传媒支出, 医疗卫生与计划生育支出) passed in "
    "the narrative of a 2026 budget (石泉路街道 2026 单位预算) while its tables print the new names",
)
def n_class_name(d: Disclosure, ctx: Context) -> None:
    """Each name marked "(类)" that ends with a 类 name of an earlier edition which the
    document's edition gives its code another name for (the name of the document's edition
    itself is never reported).  Only where that edition is of the document's year or before
    it: for a year with a later edition standing in (2018 → 2024), the document may predate
    the renaming."""
    year = document_year(d)
    if year is None:
        return
    try:
        edition = codes.edition_for(year, codes.Scheme.FUNCTIONAL)
    except codes.CodeError:
        return
    if edition > year:
        return  # a later edition stands in: the document may predate the renaming
    old = _superseded(edition)
    if not old:
        return
    for section in d.narrative.sections:
        for s in section.sentences():
            if "类" not in s.text:
                continue  # every match holds it: a cheap screen before the search
            for m in _CLASS_NAME.finditer(s.text):
                run = codes.normalize_name(m.group("name"))
                hit = next((n for n in old if run.endswith(n)), None)
                if hit is None:
                    continue
                code, name, older = old[hit]
                if run.endswith(codes.normalize_name(name)):
                    continue
                place = sentence_place(s, m.group(0), m.start("name"))
                ctx.emit(
                    f"“{hit}” is the name {code} has in the {older} classification; the "
                    f"{edition} edition (for this {year} document) names it “{name}” — in "
                    f"“{s.text}”{_at(place.line)}",
                    place=place,
                )
