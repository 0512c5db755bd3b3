"""N-share-sum: shares of one whole, printed for parts that cannot overlap, cannot add up to more
than 100 % (nor, when the parts are all the whole's parts, to less).

梧州 2024 单位预算 prints "基本支出预算2476260.58元，占一般公共预算支出的84.06%" and "项目支出
469500元，占一般公共预算支出的19.62%": 84.06 % + 19.62 % = 103.68 % of the same total, which no
two disjoint parts can be (2476260.58 / (2476260.58 + 469500) = 84.06 %, so the second share is
the wrong one: 469500 / 2945760.58 = 15.94 %).

When the parts are certainly disjoint
    Two shares are summed only when their parts are different members of one
    :data:`PARTITIONS` entry: parts that the 部门决算/部门预算 templates define as mutually
    exclusive (基本支出 / 项目支出 / 上缴上级支出 …, the 收入 sources, the economic 类, 人员经费 /
    公用经费, 货物 / 工程 / 服务 采购, the 三公 items), or different 功能分类 类 printed with
    "(类)".  A part that could contain another is never in the same entry as it (财政拨款收入
    and 一般公共预算财政拨款收入 are in different entries; so are 公务用车购置及运行费 and
    公务用车购置费), so a nested "其中" or a "主要用于" list sums nothing.  A member named
    twice under one base (two years' shares, or a restatement) leaves that entry unchecked.
Of the same base
    The same section, and the same whole: the denominator as printed ("占一般公共预算支出的"),
    or the same lead amount the shares follow ("本年支出合计…，其中：…").  (财政拨款基本支出
    is no member: it is a part of another whole than 基本支出 is.)
The slack
    Each printed share stands for an interval (docs/tolerance.md): rounded, ±half a unit of its
    last place; cut (a 预算's text cuts as often as it rounds), [p, p + u).  And a writer may
    have computed each share from the rounded amounts, whose sum may pass the whole's by their
    rounding (0.01 + 0.01 万元 printed under a whole of 0.01: 100% + 100%): the shares may then
    add up to (Σ parts + their half units) / (whole − its half unit), which for amounts of
    thousands of 万元 is 100 % to a few millionths.  So only shares whose parts are printed are
    summed, and the sum fails only when no tolerance the document is judged under brings the
    intervals down to that bound: for n shares rounded, Σp − n × u/2 > max(100, that bound).
Complete enumerations (a shortfall)
    A 部门决算's 本年支出合计 is exactly 基本支出 + 项目支出 + 上缴上级支出 + 经营支出 + 对附属单位
    补助支出, and its 本年收入合计 exactly its 收入 sources (公开01/02/03表 of the 财政部 template).
    When the text prints the share of every one of them, the shares must also reach 100 %
    (100 − Σp > the slack is an error).  No other enumeration is taken as complete.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from decimal import Decimal

from govfin.amounts import HUNDRED, Interval, Tolerance, ToleranceMode, interval_of
from govfin.narrative import Claim, ShareClaim, subject_key
from govfin.rules.narrative.outcome import Assessment, Status

__all__ = ["COMPLETE", "PARTITIONS", "member_of", "share_sums"]

RULE = "N-share-sum"


def _members(*patterns: str) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p) for p in patterns)


#: Sets of parts of one whole that cannot overlap, by name (each a regular expression matched
#: against the whole subject, its "本年" and "预算/决算/数" ends removed).  From the 部门决算
#: template (公开01–03表: 收入 by source, 支出 by kind), the 支出经济分类 (工资福利支出, 商品和
#: 服务支出, 对个人和家庭的补助, 资本性支出 …), 人员经费 / 公用经费 (公开06表), the 政府采购
#: categories (货物, 工程, 服务) and the 三公 items (公开09表).
PARTITIONS: dict[str, tuple[re.Pattern[str], ...]] = {
    "支出 by kind": _members(
        r"基本支出", r"项目支出", r"上缴上级支出",
        r"(?:事业单位)?经营支出", r"对附属单位补助支出",
    ),
    "收入 by source (财政拨款 in one)": _members(
        r"财政拨款收入", r"上级补助收入", r"事业收入", r"(?:事业单位)?经营收入",
        r"附属单位上缴收入", r"其他收入",
    ),
    "收入 by source (财政拨款 by fund)": _members(
        r"一般公共预算(?:财政)?拨款收入|一般公共预算收入",
        r"政府性基金预算(?:财政)?拨款收入|政府性基金收入",
        r"国有资本经营预算(?:财政)?拨款收入|国有资本经营收入",
        r"财政专户管理资金收入", r"上级补助收入", r"事业收入", r"(?:事业单位)?经营收入",
        r"附属单位上缴收入", r"其他收入",
    ),
    "支出 by economic 类": _members(
        r"工资福利支出", r"商品和服务支出", r"对个人和家庭的?补助(?:支出)?", r"资本性支出",
        r"对企业补助(?:支出)?", r"债务利息及费用支出",
    ),
    "人员经费 / 公用经费": _members(r"人员经费", r"公用经费"),
    "政府采购 by category": _members(
        r"(?:政府采购)?货物类?(?:采购)?", r"(?:政府采购)?工程类?(?:采购)?",
        r"(?:政府采购)?服务类?(?:采购)?",
    ),
    "三公 (公务用车 in one)": _members(
        r"因公出国[（(]?境[)）]?(?:费用?|经费)", r"公务用车购置及运行(?:维护)?费",
        r"公务接待费",
    ),
    "三公 (公务用车 in two)": _members(
        r"因公出国[（(]?境[)）]?(?:费用?|经费)", r"公务用车购置费", r"公务用车运行(?:维护)?费",
        r"公务接待费",
    ),
}  # fmt: skip

#: A 部门决算's enumerations that are all the parts of their whole: (partition, whole).
COMPLETE: tuple[tuple[str, str], ...] = (
    ("支出 by kind", "本年支出合计"),
    ("收入 by source (财政拨款 in one)", "本年收入合计"),
    ("收入 by source (财政拨款 by fund)", "本年收入合计"),
)

_ENDS = re.compile(r"^本年|(?:预算数|决算数|预算|决算|数)$")
#: A 功能分类 类 printed with its level: each 类 its own member of the "功能分类 类" entry.
_FUNCTIONAL = "功能分类 类"


@functools.lru_cache(maxsize=4096)
def _name(subject: str) -> str:
    """A part's name as matched: its subject key without "本年" and "预算/决算/数" ends
    (memoised by wording: the parts and wholes are a template's few)."""
    key, prev = subject_key(subject), None
    while key != prev:
        prev, key = key, _ENDS.sub("", key)
    return key


def member_of(c: ShareClaim) -> list[tuple[str, str]]:
    """The (partition, member) pairs a share's part is in.

    >>> from govfin.narrative import extract_claims
    >>> s = extract_claims("支出合计10万元，其中：基本支出预算8万元，占80%。")[-1]
    >>> member_of(s)
    [('支出 by kind', '基本支出')]
    """
    name = _name(c.subject)
    found = list(_membership(name))
    if c.level == "类" and c.subject:
        found.append((_FUNCTIONAL, name))
    return found


@functools.lru_cache(maxsize=4096)
def _membership(name: str) -> tuple[tuple[str, str], ...]:
    """The (partition, member) pairs whose member pattern a part's name is (:func:`member_of`
    without the 类 of a printed level).  Memoised by wording: the parts are a template's few
    ("基本支出", "项目支出" …), in every document."""
    return tuple(
        (p, m.pattern) for p, members in PARTITIONS.items() for m in members if m.fullmatch(name)
    )


_COMPLETE = frozenset((p, _name(w)) for p, w in COMPLETE)


def _base(c: ShareClaim) -> tuple[str, str, str] | None:
    """(section, whole, lead) a share is of, when known: the whole as printed ("占一般公共预算
    支出的"), or the lead amount the shares follow ("本年支出合计4143.91万元，其中：…"; a share
    printing no whole is not summed with one that prints it)."""
    if not c.of:
        return None
    return c.section, _name(c.of), "" if c.of_printed else f"{c.whole}"


def share_sums(
    claims: Sequence[Claim], modes: Sequence[Tolerance], *, final: bool
) -> list[Assessment]:
    """The N-share-sum contradictions of a narrative's shares (``final``: a 部门决算, whose
    :data:`COMPLETE` enumerations must also reach 100 %)."""
    groups: dict[tuple[str, str, str, str], list[tuple[str, ShareClaim]]] = {}
    for c in claims:
        if not isinstance(c, ShareClaim) or not c.percent.is_percent:
            continue
        base = _base(c)
        if base is None:
            continue
        for partition, member in member_of(c):
            groups.setdefault((*base, partition), []).append((member, c))
    out: list[Assessment] = []
    for (_, whole, _, partition), items in groups.items():
        members = [m for m, _ in items]
        if len(items) < 2 or len(set(members)) != len(members):
            continue
        shares = [c for _, c in items]
        complete = final and (partition, whole) in _COMPLETE and (
            partition == _FUNCTIONAL or len(members) == len(PARTITIONS[partition])
        )
        out.extend(_judge(shares, modes, complete, whole))
    return out


def _bounds(shares: list[ShareClaim]) -> Interval | None:
    """The range the shares' sum may take when each was computed from the amounts as printed
    (or as a finer table holds them, within the printed places) rather than the exact ones:
    Σ parts / whole, each amount anywhere in its rounding interval, and 100 % (the exact
    amounts' sum).  None when a part is not printed (its rounding cannot be bounded) or the
    whole may be nil."""
    parts = [c.part for c in shares]
    if any(p is None or not p.is_money for p in parts):
        return None
    amounts = [p.wan_yuan() for p in parts if p is not None]
    total = sum((v for v, _ in amounts), Decimal(0))
    half = sum((u for _, u in amounts), Decimal(0)) / 2
    whole = shares[0].whole
    if whole is not None and whole.is_money:
        w, wu = whole.wan_yuan()
        lo_whole, hi_whole = w - wu / 2, w + wu / 2
    else:  # the whole holds at least the parts (its own rounding as wide as the widest part's)
        widest = max(u for _, u in amounts) / 2
        lo_whole, hi_whole = total - half - widest, total + half + widest
    if lo_whole <= 0:
        return None
    return Interval(
        min(HUNDRED, max(total - half, Decimal(0)) / hi_whole * HUNDRED),
        max(HUNDRED, (total + half) / lo_whole * HUNDRED),
    )


def _judge(
    shares: list[ShareClaim], modes: Sequence[Tolerance], complete: bool, whole: str
) -> list[Assessment]:
    bounds = _bounds(shares)
    if bounds is None:
        return []
    total = sum((c.percent.value for c in shares), Decimal(0))
    slack = sum((c.percent.last_place for c in shares), Decimal(0)) / 2
    intervals = []
    for tol in modes:
        mode = ToleranceMode.ROUND if tol.mode is ToleranceMode.EXACT else tol.mode
        lo = hi = Decimal(0)
        for c in shares:
            i = interval_of(c.percent.value, c.percent.last_place, mode)
            lo, hi = lo + i.lo, hi + i.hi
        intervals.append(Interval(lo, hi))
    if all(i.lo > bounds.hi for i in intervals):
        how = "more than the whole"
        slack += bounds.hi - HUNDRED
    elif complete and all(i.hi < bounds.lo for i in intervals):
        how = "less than the whole, and they are all its parts"
        slack += HUNDRED - bounds.lo
    else:
        return []
    slack = slack.quantize(Decimal("0.0001")).normalize()
    listed = " + ".join(f"{c.percent}" for c in shares)
    last = shares[-1]
    return [
        Assessment(
            last,
            RULE,
            Status.CONTRADICTED,
            f"shares of {whole} of parts that cannot overlap ("
            + "、".join(c.subject for c in shares)
            + f"): {listed} = {total}%, {how} (slack {slack}%)",
            expected=HUNDRED,
            actual=total,
            difference=total - HUNDRED,
            slack=slack,
            cells=tuple(c.place for c in shares),
        )
    ]
