"""The 绩效 claim of a narrative, parsed once: how many projects were self-evaluated, the money
they cover, how many got each grade, their mean score.

A 部门决算's 情况说明 states under 预算绩效情况说明 what its 项目支出绩效自评表 give, in many
wordings::

    2024年二级项目绩效自评个数22个，涉及资金205万元：6个项目自评等级为“优”，…
    本年度共对10个项目开展绩效自评，涉及资金1,234.5万元，其中8个项目自评结果为优，
    2个项目自评结果为良，平均得分91.2分。
    绩效自评项目共5个，自评结果均为“优”。
    从评价情况来看，优秀项目10个，良好项目2个。

:func:`parse_statement` finds those figures with where each is printed (:class:`Stated`).  It
is the one parser of this claim: the narrative's claim extractor (:mod:`govfin.narrative`)
types its claims from it, and :func:`govfin.performance.summary.claims_from_text` builds a
:class:`~govfin.performance.summary.ClaimedSummary` from it.  It lives here, below both.

>>> [(s.what, s.grade, str(s.value)) for s in parse_statement(
...     "二级项目绩效自评个数22个，涉及资金205万元：6个项目自评等级为“优”，平均得分91.2分")]
[('count', None, '22'), ('funds', None, '205'), ('grade', '优', '6'), ('mean', None, '91.2')]
"""

from __future__ import annotations

import re
from decimal import Decimal

from govfin._lazy import frozen

__all__ = ["GRADE_WORDS", "Stated", "is_performance_text", "parse_statement"]

#: Printed grade words and the grade they give (优秀 is 优, 良好 is 良).
GRADE_WORDS: dict[str, str] = {
    "优秀": "优", "优": "优", "良好": "良", "良": "良", "中": "中", "合格": "合格", "差": "差",
    "不合格": "不合格",
}  # fmt: skip

_NUM = r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_GRADE = r"[“\"「『]?(?P<grade>优秀|良好|不合格|合格|优|良|中|差)[”\"」』]?"
_Q = r"[“\"「『]?"

#: Counts of the projects evaluated (the number is the group ``num``).
_COUNTS = (
    re.compile(r"(?:绩效)?自评(?:的)?(?:项目)?(?:个数|数量|数)?(?:共|共计|合计)?(?:为|是|有)?"
               + _NUM + "个"),
    re.compile(r"(?:共|共计)?对" + _NUM + r"个(?:二级|一级)?项目(?:开展|进行)(?:了)?(?:绩效)?自评"),
    re.compile(r"(?:共|共计)?涉及(?:二级)?项目" + _NUM + "个"),
)
#: The money they cover ("涉及资金205万元"; "涉及项目12个，资金300.25万元").
_FUNDS = (
    re.compile(r"涉及(?:项目)?(?:资金|金额)(?:共|总额|合计|共计)?(?:为|是)?" + _NUM
               + r"(?P<unit>亿元|万元|元)"),
    re.compile(r"(?<=\d个)[，,、]?(?P<words>(?:涉及)?(?:项目)?(?:资金|金额))"
               r"(?:共|总额|合计|共计)?(?:为|是)?"
               + _NUM + r"(?P<unit>亿元|万元|元)"),
)
#: A count per grade: "6个项目自评等级为“优”", "2个项目自评结果为良", "优秀项目10个",
#: "自评结果为“优”的项目3个".
_GRADES = (
    re.compile(_NUM + r"个(?:二级)?项目(?:的)?(?:绩效)?(?:自评)?(?:等级|结果|评价|结论)?(?:均)?"
               r"(?:为|是|评为|被评为)" + _GRADE),
    re.compile(r"(?:自评)?(?:等级|结果)?(?:为|是)?" + _Q + r"(?P<grade>优秀|良好|不合格|合格|优|良|中|差)"
               r"[”\"」』]?(?:等级)?(?:的)?项目(?:有|共)?" + _NUM + "个"),
)
#: "自评结果均为“优”": every project counted has the grade.
_ALL_GRADE = re.compile(r"(?:自评)?(?:等级|结果)?均(?:为|是|评为)" + _GRADE)
#: The mean 总分.
_MEAN = re.compile(r"平均(?:得)?分(?:数)?(?:为|是|达到)?" + _NUM + "分?")

#: A text that speaks of the self-evaluations at all (else nothing is parsed).
_TOPIC = re.compile(r"自评|绩效|评价")


@frozen
class Stated:
    """One figure of the 绩效 claim: ``what`` is ``"count"``, ``"funds"``, ``"grade"`` (with
    ``grade``) or ``"mean"``; ``value`` as printed (``number`` its digits, ``unit`` 个, 万元,
    元, 亿元 or 分); ``start``/``end`` the span of the phrase in the text and ``at`` where its
    number begins (-1 for a grade count stated without a number: "均为“优”").
    """

    what: str
    value: Decimal
    number: str
    unit: str
    start: int
    end: int
    at: int
    grade: str | None = None


def is_performance_text(text: str) -> bool:
    """Does ``text`` speak of the self-evaluations (自评, 绩效, 评价)?"""
    return _TOPIC.search(text) is not None


def _value(m: re.Match[str]) -> Decimal:
    return Decimal(m.group("num").replace(",", ""))


def parse_statement(text: str) -> tuple[Stated, ...]:
    """Every figure of the 绩效 claim in ``text`` (a sentence or a paragraph), in printed order.

    Nothing is read from a text that speaks neither of 自评, 绩效 nor 评价.  A number is read
    once, under the first reading that takes it (a count of projects per grade is not also the
    count of all projects).
    """
    if not is_performance_text(text):
        return ()
    out: list[Stated] = []
    taken: set[int] = set()

    def add(what: str, m: re.Match[str], unit: str, grade: str | None = None) -> None:
        at = m.start("num")
        if at in taken:
            return
        taken.add(at)
        start = m.start("words") if "words" in m.re.groupindex else m.start()
        out.append(Stated(what, _value(m), m.group("num"), unit, start, m.end(), at, grade))

    for pattern in _GRADES:
        for m in pattern.finditer(text):
            add("grade", m, "个", GRADE_WORDS[m.group("grade")])
    for pattern in _FUNDS:
        for m in pattern.finditer(text):
            add("funds", m, m.group("unit"))
    for pattern in _COUNTS:
        for m in pattern.finditer(text):
            add("count", m, "个")
    for m in _MEAN.finditer(text):
        add("mean", m, "分")
    counts = [s for s in out if s.what == "count"]
    for m in _ALL_GRADE.finditer(text):
        before = [s for s in counts if s.end <= m.start()]
        if before and not any(s.what == "grade" for s in out):
            c = before[-1]
            out.append(Stated("grade", c.value, c.number, "个", m.start(), m.end(), -1,
                              GRADE_WORDS[m.group("grade")]))
    out.sort(key=lambda s: (s.start, s.at))
    return tuple(out)
