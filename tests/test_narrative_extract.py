"""Claim extraction from 情况说明 text (govfin.narrative): pure text in, typed claims out."""

from __future__ import annotations

from decimal import Decimal

import golden
import pytest
from hypothesis import given
from hypothesis import strategies as st
from seed_disclosure import seed_narrative

from govfin.narrative import (
    AmountClaim,
    ChangeClaim,
    CompletionClaim,
    CountClaim,
    GradeCountClaim,
    NilClaim,
    PercentClaim,
    Quantity,
    ShareClaim,
    claims_in,
    extract_claims,
    find_residue,
    find_years,
    residue_in,
    sentences,
    subject_key,
    years_in,
)
from govfin.narrative.text import _NIL, _NO_NUMBER_WORD, _SAME


def one(text: str, kind: type, **kw: object) -> object:
    found = [c for c in extract_claims(text, **kw) if isinstance(c, kind)]  # type: ignore[arg-type]
    assert len(found) == 1, found
    return found[0]


# -- quantities and sentences ----------------------------------------------------------------


def test_quantity_keeps_printed_precision() -> None:
    assert Quantity(Decimal("6.7"), "万元", "6.7").last_place == Decimal("0.1")
    assert Quantity(Decimal(205), "万元", "205").last_place == Decimal(1)
    assert Quantity(Decimal(1830), "%", "1830").last_place == Decimal(1)
    assert Quantity(Decimal("648.92"), "万元", "648.92").wan_yuan() == (
        Decimal("648.92"),
        Decimal("0.01"),
    )
    # 元 → 万元 exactly
    assert Quantity(Decimal("911000.39"), "元", "911000.39").wan_yuan() == (
        Decimal("91.100039"),
        Decimal("0.000001"),
    )
    with pytest.raises(ValueError):
        Quantity(Decimal(3), "个", "3").wan_yuan()


def test_sentences_join_lines_the_print_broke() -> None:
    # as in the seed's 一般公共服务支出 paragraph: the sentence is broken after "，" across a
    # blank line (the line numbers are the function's arithmetic, not the seed's)
    text = "较上年决算减少260.28万元，\n\n下降32.31%，主要原因是……。\n\n下一段。"
    ss = sentences(text, first_line=432)
    assert [s.text for s in ss] == [
        "较上年决算减少260.28万元，下降32.31%，主要原因是……。",
        "下一段。",
    ]
    assert ss[0].line == 432
    assert ss[0].line_at(ss[0].text.index("下降")) == 434
    assert ss[1].line == 436
    # a lone "。" on its own line closes the sentence before it (as in the seed's 社会保障和就业)
    assert [s.text for s in sentences("故较上年决算增加\n\n。")] == ["故较上年决算增加。"]


def test_subject_key() -> None:
    assert subject_key("一般公共服务支出(类)") == "一般公共服务支出"
    assert subject_key("“三公”经费财政拨款支出") == "三公经费财政拨款支出"
    assert subject_key("一般公共预算财政拨款决算支出") == "一般公共预算财政拨款支出"
    assert subject_key("因公出国(境)费") == "因公出国（境）费"


# -- each kind of claim ----------------------------------------------------------------------


def test_amount() -> None:
    cs = extract_claims("2024年度收入总计648.92万元，支出总计648.92万元。", first_line=390)
    assert [(c.subject, c.amount.value, c.line) for c in cs] == [  # type: ignore[attr-defined]
        ("收入总计", Decimal("648.92"), 390),
        ("支出总计", Decimal("648.92"), 390),
    ]
    assert cs[0].text == "2024年度收入总计648.92万元"


def test_amount_attribute_and_inherited_subject() -> None:
    cs = extract_claims(
        "一般公共服务支出年初预算754.36万元，支出决算545.19万元，完成年初预算的72.27%。"
    )
    budget, actual, completion = cs
    assert isinstance(budget, AmountClaim) and isinstance(actual, AmountClaim)
    assert (budget.subject, budget.attribute) == ("一般公共服务支出", "年初预算")
    assert (actual.subject, actual.attribute) == ("一般公共服务支出", "支出决算")
    assert isinstance(completion, CompletionClaim)
    assert completion.budget == budget.amount and completion.actual == actual.amount
    assert completion.percent.value == Decimal("72.27")


def test_amount_in_yuan_and_thousands() -> None:
    c = one("基本支出911,000.39元。", AmountClaim)
    assert isinstance(c, AmountClaim)
    assert c.amount.unit == "元" and c.amount.value == Decimal("911000.39")


def test_share_uses_the_lead_amount() -> None:
    cs = extract_claims(
        "2024年度支出合计631.71万元，其中：\n\n基本支出349.97万元，占比55.40%；\n\n项目支出281.74万元，占比44.60%。"
    )
    shares = [c for c in cs if isinstance(c, ShareClaim)]
    assert [(s.subject, s.part.value, s.whole.value, s.of) for s in shares] == [  # type: ignore[union-attr]
        ("基本支出", Decimal("349.97"), Decimal("631.71"), "支出合计"),
        ("项目支出", Decimal("281.74"), Decimal("631.71"), "支出合计"),
    ]


def test_share_with_printed_denominator() -> None:
    c = one("一般公共预算财政拨款决算支出631.71万元，占本年支出合计的100.00%。", ShareClaim)
    assert isinstance(c, ShareClaim)
    assert c.of == "本年支出合计" and c.of_printed and c.whole is None


def test_change_with_rate() -> None:
    text = "2024年度收入总计648.92万元。与上年相比，收入总计减少174.36万元，下降21.18%。"
    c = one(text, ChangeClaim)
    assert isinstance(c, ChangeClaim)
    assert (c.subject, c.direction, c.sign) == ("收入总计", "减少", -1)
    assert c.delta is not None and c.delta.value == Decimal("174.36")
    assert c.percent is not None and c.percent.value == Decimal("21.18")
    assert c.percent_direction == "下降"
    assert c.current is not None and c.current.value == Decimal("648.92")
    assert c.text == "收入总计减少174.36万元，下降21.18%"


def test_change_inherits_subject_within_paragraph() -> None:
    text = "卫生健康支出年初预算12.64万元，支出决算11.58万元，完成年初预算的91.61%。较上年决算增加10.98万元，增长1830%，主要原因是……"
    c = one(text, ChangeClaim)
    assert isinstance(c, ChangeClaim)
    assert c.subject == "卫生健康支出" and c.current is not None
    assert c.current.value == Decimal("11.58") and c.percent is not None
    assert c.percent.value == Decimal(1830)


def test_unchanged_without_numbers() -> None:
    c = one(
        "因公出国（境）费支出0万元，与上年相同，主要原因是：本单位本年度无因公出国（境）费支出；",
        ChangeClaim,
    )
    assert isinstance(c, ChangeClaim)
    assert c.direction == "相同" and c.sign == 0 and c.delta is None
    assert c.subject == "因公出国（境）费支出"


def test_counts_and_grades() -> None:
    text = "2024年二级项目绩效自评个数22个，涉及资金205万元：6个项目自评等级为“优”，3个项目自评等级为“中”，13个项目自评等级为“差”。"
    cs = extract_claims(text)
    count = [c for c in cs if isinstance(c, CountClaim)]
    grades = [c for c in cs if isinstance(c, GradeCountClaim)]
    assert [(c.subject, c.count.value) for c in count] == [("二级项目绩效自评个数", 22)]
    assert [(g.grade, g.count.value) for g in grades] == [("优", 6), ("中", 3), ("差", 13)]
    funds = [c for c in cs if isinstance(c, AmountClaim)]
    assert [(f.subject, f.amount.value, f.amount.last_place) for f in funds] == [
        ("涉及资金", Decimal(205), Decimal(1))
    ]


def test_masked_numbers_in_names() -> None:
    # "单价100万元（含）以上" is a name, not an amount of 100万元; the date is not a count
    cs = extract_claims(
        "截至2024年12月31日，本部门（单位）共有车辆0辆。单价100万元（含）以上设备（不含车辆）0台（套）。"
    )
    assert [(type(c).__name__, c.subject) for c in cs] == [
        ("CountClaim", "车辆"),
        ("CountClaim", "单价100万元（含）以上设备（不含车辆）"),
    ]


def test_nil_statements() -> None:
    section = one("本年度无此项收支。", NilClaim)
    assert isinstance(section, NilClaim) and section.subject == ""
    named = one("本部门（单位）无机关运行经费。", NilClaim)
    assert isinstance(named, NilClaim) and named.subject == "机关运行经费"
    reason = one("主要原因是：本单位本年度无公务接待费支出。", NilClaim)
    assert isinstance(reason, NilClaim) and reason.subject == "公务接待费支出"
    # "无形资产" is not a nil statement
    assert not [c for c in extract_claims("购置无形资产2万元。") if isinstance(c, NilClaim)]


def test_unrecognised_percentage_is_kept() -> None:
    c = one("项目资金到位率98%。", PercentClaim)
    assert isinstance(c, PercentClaim) and c.percent.value == 98


# -- residue and years -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("收入总计比上年增加（减少）12万元。", "增加（减少）"),
        ("支出下降(增长)5%。", "下降(增长)"),
        ("共有车辆XX辆。", "XX"),
        ("其他需要说明的事项：待填写。", "待填写"),
        ("（如持平作持平表述）", "（如持平作持平表述）"),
        ("主要原因是：。", "主要原因是："),
        ("本单位{单位名称}。", "{单位名称}"),
    ],
)
def test_residue_found(text: str, found: str) -> None:
    assert [r.text for r in find_residue(text)] == [found]


def test_no_residue_in_the_seed() -> None:
    n = seed_narrative()
    assert n.residue() == ()


def test_years_and_their_whitelisting() -> None:
    text = (
        "截至2024年12月31日，共有车辆0辆。依据《关于编制2025-2027年中期财政规划的通知》。"
        "2022-2024年规划。2021年结转。"
    )
    ys = [(y.year, y.allowed) for y in find_years(text)]
    assert ys == [
        (2024, "截至"),
        (2025, "title"),
        (2027, "title"),
        (2022, "range"),
        (2024, "range"),
        (2021, None),
    ]


def test_seed_years_are_2024_and_2023_only() -> None:
    years = seed_narrative().years()
    assert {y.year for y in years} == {2023, 2024}
    as_of = golden.line_of("截至2024年12月31日", after=golden.NARRATIVE_LINE)  # 国有资产占用
    assert [y.line for y in years if y.allowed == "截至"] == [as_of]


# -- the whole seed narrative ----------------------------------------------------------------


def test_seed_claim_counts() -> None:
    claims = seed_narrative().claims()
    kinds: dict[str, int] = {}
    for c in claims:
        kinds[c.kind] = kinds.get(c.kind, 0) + 1
    assert kinds == golden.CLAIM_KINDS
    first, glossary = golden.SECTION_LINES[0], golden.GLOSSARY_HEADING_LINE
    assert all(c.line is not None and first < c.line < glossary for c in claims)


# -- phrasings of other disclosures ------------------------


def test_bare_share_after_a_lead() -> None:
    text = "本年收入合计4125.49万元，其中：一般公共预算财政拨款收入3859.16万元，占93.55%；其他收入266.33万元，占6.45%。"
    shares = [c for c in extract_claims(text) if isinstance(c, ShareClaim)]
    assert [(s.subject, s.part.value, s.whole.value, s.of) for s in shares] == [  # type: ignore[union-attr]
        ("一般公共预算财政拨款收入", Decimal("3859.16"), Decimal("4125.49"), "本年收入合计"),
        ("其他收入", Decimal("266.33"), Decimal("4125.49"), "本年收入合计"),
    ]


def test_comparison_words_are_not_part_of_the_subject() -> None:
    cs = extract_claims("“三公”经费支出比上年增加12.3万元，增长5.6%。")
    (c,) = cs
    assert isinstance(c, ChangeClaim) and c.subject == "“三公”经费支出"


def test_subject_before_a_colon() -> None:
    cs = extract_claims("支出:799.12万元。其中:人员经费支出434.89万元,公用经费支出77.4万元")
    assert [c.subject for c in cs] == ["支出", "人员经费支出", "公用经费支出"]


def test_attribute_with_connective() -> None:
    cs = extract_claims("年初预算为1000万元，决算数为900万元，完成年初预算的90%。")
    assert [(type(c).__name__, getattr(c, "attribute", None)) for c in cs] == [
        ("AmountClaim", "年初预算"),
        ("AmountClaim", "决算数"),
        ("CompletionClaim", None),
    ]


def test_repeated_claims_on_one_line_are_numbered() -> None:
    cs = extract_claims("国内接待费0万元，共接待0批次，其中外事接待费0万元，共接待0批次。")
    assert [(c.text, c.occurrence) for c in cs if isinstance(c, CountClaim)] == [
        ("共接待0批次", 0),
        ("共接待0批次", 1),
    ]


def test_sentence_level_functions_equal_the_text_ones() -> None:
    """claims_in / residue_in / years_in over split sentences = the text functions, and a
    section's sentences (split once, shared by all three) are those of its text."""
    narrative = seed_narrative()
    text = "2023年XX增加（减少）10.00万元，主要原因是。《2019年规划》2022-2024年。"
    for heading, body, first in [(s.heading, s.text, s.first_text_line)
                                 for s in narrative.sections] + [("附", text, 7)]:
        sents = sentences(body, section=heading, first_line=first)
        assert claims_in(sents, section=heading) == extract_claims(
            body, section=heading, first_line=first)
        assert residue_in(sents) == find_residue(body, section=heading, first_line=first)
        assert years_in(sents) == find_years(body, section=heading, first_line=first)
    assert residue_in(sentences(text)) and years_in(sentences(text))
    for section in narrative.sections:
        assert section.sentences() == tuple(
            sentences(section.text, section=section.heading, first_line=section.first_text_line))
        assert section.claims() == claims_in(section.sentences(), section=section.heading)


@given(st.one_of(st.from_regex(_SAME), st.from_regex(_NIL)))
def test_no_number_prefilter_admits_every_same_or_nil_text(text: str) -> None:
    """The pre-test before the "与上年相同" / "本年度无…" patterns must pass every text those
    patterns match (it holds a word each of them needs)."""
    assert _NO_NUMBER_WORD.search(text)


def test_line_at_maps_every_character_to_its_printed_line() -> None:
    """A sentence printed over three lines (broken after "，"), a blank line between paragraphs:
    each character's source line, clamped before the first and after the last character."""
    text = "收入合计100.00万元，\n其中财政拨款收入，\n90.00万元。下一句在同一行。\n\n另一段。"
    first, second, third = sentences(text, first_line=10)
    assert first.text == "收入合计100.00万元，其中财政拨款收入，90.00万元。"
    expected = [10] * len("收入合计100.00万元，") + [11] * len("其中财政拨款收入，") + [12] * len(
        "90.00万元。")
    assert [first.line_at(i) for i in range(len(first.text))] == expected
    assert first.line_at(-3) == 10 and first.line_at(len(first.text) + 5) == 12
    assert [second.line_at(i) for i in (-1, 0, 5, 99)] == [12, 12, 12, 12]
    assert third.text == "另一段。" and third.line_at(0) == 14
    assert sentences("无行号的一句。")[0].line_at(0) is None
