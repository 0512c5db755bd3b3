"""A thousands separator printed as the full-width comma ("3，518.85万元") is read as one only
where nothing else can be meant; "，" between clauses or between a list's figures is not."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from govfin.narrative import AmountClaim, ChangeClaim, UnpairedClaim, extract_claims
from govfin.readers.files import read_path
from govfin.rules import check

JIANGUANWEI = Path(__file__).parent / "data" / "real" / "sh-putuo-jianguanwei-2026-budget.tsv"


def _amounts(text: str) -> list[tuple[str, Decimal, str]]:
    out = []
    for c in extract_claims(text):
        q = c.amount if isinstance(c, AmountClaim) else None
        if isinstance(c, ChangeClaim):
            q = c.delta
        if q is not None:
            out.append((c.subject, q.value, q.text))
    return out


def test_real_full_width_separator_is_read_and_checked():
    # 建管委 2026 预算, item 14 of the 编制说明: "…建设市场管理与监督（项）3，518.85万元" is
    # 2120601's 35,188,541.00 元 (it was read as 518.85 and left unchecked).
    result = read_path(JIANGUANWEI)
    report = check(result.disclosure).located(result.log.place_of)
    (x12,) = [
        f for f in report
        if f.rule_id == "X12" and f.place is not None and "3，518.85万元" in (f.place.column or "")
    ]  # fmt: skip
    assert "agrees" in x12.message and "2120601" in x12.message


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("项目支出3，518.85万元。", "3518.85"),
        ("项目支出增加1，200万元。", "1200"),
        ("收入12，345，678.90元。", "12345678.90"),
        ("收入328，661亿元。", "328661"),
    ],
)
def test_unambiguous_full_width_separator_joins(text, value):
    (found,) = _amounts(text)
    assert found[1] == Decimal(value)
    assert "，" in found[2]  # the figure keeps its printed text


@pytest.mark.parametrize(
    "text",
    [
        "三项支出分别为3，5，8万元。",  # a list: groups of one digit
        "两项支出分别为100，200万元。",  # a list after 分别: two figures
        "基本支出和项目支出各是100，200万元。",
        "项目3，518个。",  # a count, not money
        "2024，100万元用于绿化。",  # four digits before the comma
        "增加0，518万元。",  # a first group beginning with 0
        "增长3.5，518万元。",  # a decimal before the comma
        "合计1,2，518万元。",  # after another separator
    ],
)
def test_ambiguous_full_width_comma_is_not_a_separator(text):
    values = [v for _, v, _ in _amounts(text)]
    for c in extract_claims(text):
        if isinstance(c, UnpairedClaim):
            values.extend(q.value for q in c.figures)
    assert all(v < 1000 for v in values), values
