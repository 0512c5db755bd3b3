"""A share printed without "%" ("占 76.23"): a percentage only where nothing else can be meant
(the paragraph's parallel shares print "%" after the same words, or "占…的N" closes the
sentence's figures); otherwise no claim, as before."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from govfin.findings import Severity
from govfin.narrative import ShareClaim, extract_claims
from govfin.readers.files import read_path
from govfin.rules import check

YICHUAN = Path(__file__).parent / "data" / "real" / "sh-putuo-yichuan-2025-final.tsv"


def _shares(text: str) -> list[ShareClaim]:
    return [c for c in extract_claims(text) if isinstance(c, ShareClaim)]


def test_real_bare_share_among_parallel_shares_is_checked():
    # 宜川路街道 2025 决算, 五（二）: "…节能环保支出(类)125.00 万元，占 0.62%;城乡社区支出(类)
    # 15411.43 万元，占 76.23;住房保障支出(类)1076.78 万元，占 5.33%。": the paragraph's nine other
    # shares print "%" after the same "占"; 15411.43 / 20218.21 = 76.23 %.
    result = read_path(YICHUAN)
    report = check(result.disclosure).located(result.log.place_of)
    (found,) = [
        f for f in report
        if f.place is not None and f.place.column == "城乡社区支出(类)15411.43万元，占76.23"
    ]  # fmt: skip
    assert found.rule_id == "N-share" and found.severity is Severity.INFO
    assert "agrees" in found.message and "20218.21" in found.message


PARALLEL = "支出合计100万元，其中：基本支出80万元，占80.00%；项目支出20万元，占{}；"


@pytest.mark.parametrize(
    ("text", "percent"),
    [
        (PARALLEL.format("20.00"), "20.00"),
        ("项目支出20万元，占本年支出合计的20.00。", "20.00"),
        ("项目支出20万元，占比为20.00%；基本支出80万元，占比为80.00。", "80.00"),
    ],
)
def test_bare_share_read_as_percent(text, percent):
    bare = [c for c in _shares(text) if c.percent.value == Decimal(percent)]
    (share,) = bare
    assert share.percent.is_percent and share.part is not None


@pytest.mark.parametrize(
    "text",
    [
        "项目支出20万元，占20.00；",  # no parallel share with "%"
        "基本支出80万元，占比80.00%；项目支出20万元，占20.00；",  # another verb than the bare one
        PARALLEL.format("120"),  # above 100
        "项目支出20万元，占本年支出合计的0.20。",  # below 1 after 的: a fraction or a percent
        "项目支出20万元，占本年支出合计的20.00，较上年增加2万元。",  # more figures after it
        "项目支出20万元，占地面积300，其余…",  # not a share of 100 at all
    ],
)
def test_bare_number_after_zhan_stays_no_share(text):
    assert all(c.percent.value in (Decimal("80.00"),) for c in _shares(text))


def test_bare_share_contradicted_is_an_error():
    from govfin import examples

    d = examples.load()
    text = PARALLEL.format("25.00")
    ((share,),) = [[c for c in _shares(text) if c.percent.value == 25]]
    assert share.whole is not None and share.whole.value == 100
    # checked as any share: 20 / 100 = 20 %, not 25 %
    import attrs

    from govfin.disclosure import Narrative, NarrativeSection

    section = NarrativeSection("一、收入支出决算总体情况说明", text)
    report = check(attrs.evolve(d, narrative=Narrative((section,))))
    (found,) = [f for f in report if f.rule_id == "N-share" and "占25.00" in (f.place.column or "")]
    assert found.severity is Severity.ERROR
