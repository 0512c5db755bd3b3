"""The 绩效 claim of a narrative, parsed once (issue 12), and judged as a whole (issue 15).

The parser (:func:`govfin.performance.statement.parse_statement`) is what both the claim
extractor and :func:`~govfin.performance.claims_from_text` read; the checks N-perf and
N-perf-funds are run on the seed with its 绩效 sentence rewritten (the tables unchanged: 21
自评表 graded 5 优, 3 中, 13 差; Σ 全年执行数 187.346, Σ 全年预算数 424.93, 项目支出 281.74).
"""

from __future__ import annotations

from decimal import Decimal

import attrs
import golden
import pytest
from seed_disclosure import seed_disclosure

from govfin.disclosure import Disclosure
from govfin.findings import Finding, Severity
from govfin.narrative import CountClaim, GradeCountClaim, MeanScoreClaim, extract_claims
from govfin.performance import claims_from_text
from govfin.performance.statement import parse_statement
from govfin.rules import check

D = Decimal
E, W, I = Severity.ERROR, Severity.WARNING, Severity.INFO

PHRASINGS = {
    # text: (count, funds in 万元, grades, mean)
    "2024年二级项目绩效自评个数22个，涉及资金205万元：6个项目自评等级为“优”，3个项目自评等级为“中”，"
    "13个项目自评等级为“差”。": (22, D("205"), {"优": 6, "中": 3, "差": 13}, None),
    "本年度共对10个项目开展绩效自评，涉及资金1,234.5万元，其中8个项目自评结果为优，"
    "2个项目自评结果为良，平均得分91.2分。": (10, D("1234.5"), {"优": 8, "良": 2}, D("91.2")),
    "绩效自评项目共5个，自评结果均为“优”。": (5, None, {"优": 5}, None),
    "开展绩效自评，共涉及项目12个，资金300.25万元。从评价情况来看，优秀项目10个，良好项目2个。":
        (12, D("300.25"), {"优": 10, "良": 2}, None),
    "自评结果为“优”的项目3个，涉及资金1500000元。": (None, D("150.0000"), {"优": 3}, None),
}


@pytest.mark.parametrize("text", list(PHRASINGS))
def test_one_parser_for_both_readers(text: str) -> None:
    count, funds, grades, mean = PHRASINGS[text]
    c = claims_from_text(text)
    assert (c.count, c.funds, dict(c.by_grade), c.mean_score) == (count, funds, grades, mean)
    # the claim extractor types the same figures
    claims = extract_claims(text, section="十、其他重要事项情况说明")
    counts = [x.count.value for x in claims if isinstance(x, CountClaim)]
    assert counts == ([] if count is None else [count])
    by_grade: dict[str, int] = {}
    for g in (x for x in claims if isinstance(x, GradeCountClaim)):
        by_grade[g.grade] = by_grade.get(g.grade, 0) + int(g.count.value)
    assert by_grade == grades
    means = [x.score.value for x in claims if isinstance(x, MeanScoreClaim)]
    assert means == ([] if mean is None else [mean])


def test_funds_keep_their_printed_precision() -> None:
    assert claims_from_text("绩效自评涉及资金1500000元").funds == D("150.0000")  # to 1 元
    assert str(claims_from_text("绩效自评涉及资金1.5亿元").funds) == "1.5E+4"  # to 0.1 亿元


def test_nothing_is_read_outside_the_topic() -> None:
    assert parse_statement("共有车辆3个，涉及资金20万元") == ()  # no 自评/绩效/评价
    assert claims_from_text("收入总计648.92万元") == claims_from_text("")


def test_phrase_spans() -> None:
    text = "本年度共对10个项目开展绩效自评，其中8个项目自评结果为优，平均得分91.2分。"
    spans = {s.what: text[s.start : s.end] for s in parse_statement(text)}
    assert spans == {"count": "共对10个项目开展绩效自评", "grade": "8个项目自评结果为优",
                     "mean": "平均得分91.2分"}


# -- N-perf and N-perf-funds on the seed, its 绩效 sentence rewritten ---------------------------


def _with_sentence(sentence: str) -> Disclosure:
    d = seed_disclosure()
    old = golden.text_at(golden.PERFORMANCE_CLAIM_LINE).split("。")[0] + "。"
    sections = tuple(
        attrs.evolve(s, text=s.text.replace(old, sentence)) if old in s.text else s
        for s in d.narrative.sections
    )
    assert sections != d.narrative.sections
    return attrs.evolve(d, narrative=attrs.evolve(d.narrative, sections=sections))


def _perf(d: Disclosure) -> list[Finding]:
    return [f for f in check(d, select=("N-perf", "N-unchecked"))
            if f.table == "情况说明" and (f.rule_id.startswith("N-perf") or "绩效" in f.message)]


def _bad(findings: list[Finding]) -> list[tuple[str, Severity, str | None]]:
    return sorted((f.rule_id, f.severity, f.place.column if f.place else None)
                  for f in findings if f.severity is not I)


def test_seed_one_table_missing_is_one_finding() -> None:
    found = _perf(seed_disclosure())
    assert _bad(found) == [("N-perf", E, "2024年二级项目绩效自评个数22个")]
    (f,) = [f for f in found if f.severity is E]
    assert "one 自评表 graded 优 seems not attached" in f.message
    assert "22 (6 优, 3 中, 13 差) = the 21 attached (5 优, 3 中, 13 差) + one 优" in f.message
    # the sixth 优 is not checkable, the 中 and 差 agree
    six = [f for f in found if f.place and f.place.column == "6个项目自评等级为“优”"]
    assert [(f.rule_id, f.severity) for f in six] == [("N-unchecked", I)]
    assert "the other 1 would be the table not attached" in six[0].message


def test_two_missing_tables_of_two_grades() -> None:
    d = _with_sentence("2024年二级项目绩效自评个数23个，涉及资金205万元：6个项目自评等级为“优”，"
                       "4个项目自评等级为“中”，13个项目自评等级为“差”。")
    found = _perf(d)
    assert _bad(found) == [("N-perf", E, "2024年二级项目绩效自评个数23个")]
    assert "two 自评表 graded 优、中 seem not attached" in next(
        f.message for f in found if f.severity is E)


def test_inconsistent_narrative_keeps_per_claim_contradictions() -> None:
    # 6 + 3 + 13 = 22 ≠ 23: the narrative contradicts itself; no single cause.
    d = _with_sentence("2024年二级项目绩效自评个数23个，涉及资金205万元：6个项目自评等级为“优”，"
                       "3个项目自评等级为“中”，13个项目自评等级为“差”。")
    assert _bad(_perf(d)) == [
        ("N-perf", E, "2024年二级项目绩效自评个数23个"),  # 21 attached
        ("N-perf", E, "2024年二级项目绩效自评个数23个"),  # grades add up to 22
        ("N-perf", E, "6个项目自评等级为“优”"),  # 5 attached
        # and with no table missing, 205 fits no base
        ("N-perf-funds", W, "涉及资金205万元"),
    ]


def test_fewer_of_a_grade_than_attached_is_not_a_missing_table() -> None:
    # 22 = 7 + 2 + 13, but only 2 中 while 3 are attached: not explained by missing tables.
    d = _with_sentence("2024年二级项目绩效自评个数22个，涉及资金205万元：7个项目自评等级为“优”，"
                       "2个项目自评等级为“中”，13个项目自评等级为“差”。")
    bad = _bad(_perf(d))
    assert ("N-perf", E, "2个项目自评等级为“中”") in bad
    assert ("N-perf", E, "7个项目自评等级为“优”") in bad


def test_consistent_claim_is_silent() -> None:
    d = _with_sentence("2024年二级项目绩效自评个数21个，涉及资金187.35万元：5个项目自评等级为“优”，"
                       "3个项目自评等级为“中”，13个项目自评等级为“差”，平均得分54.59分。")
    found = _perf(d)
    assert _bad(found) == []
    funds = next(f for f in found if f.rule_id == "N-perf-funds")
    assert funds.message.startswith("checked: agrees: “涉及资金187.35万元” = Σ 全年执行数")
    mean = [f for f in found if f.place and f.place.column == "平均得分54.59分"]
    assert [(f.rule_id, f.severity) for f in mean] == [("N-perf", I)]


def test_mean_score_contradicted() -> None:
    # the mean 总分 of the 21 tables is 54.59 (Σ 1146.3 / 21 = 54.585…)
    d = _with_sentence("2024年二级项目绩效自评个数21个，5个项目自评等级为“优”，3个项目自评等级为"
                       "“中”，13个项目自评等级为“差”，平均得分60.5分。")
    (f,) = [f for f in _perf(d) if f.severity is not I]
    assert (f.rule_id, f.severity, f.expected, f.actual) == ("N-perf", E, D("54.6"), D("60.5"))


@pytest.mark.parametrize(
    ("funds", "base"),
    [("424.93", "Σ 全年预算数"), ("281.74", "the 项目支出 of 公开05表"), ("187.3", "Σ 全年执行数")],
)
def test_funds_bases(funds: str, base: str) -> None:
    d = _with_sentence(f"2024年二级项目绩效自评个数21个，涉及资金{funds}万元：5个项目自评等级为“优”，"
                       "3个项目自评等级为“中”，13个项目自评等级为“差”。")
    (f,) = [f for f in _perf(d) if f.rule_id == "N-perf-funds"]
    assert f.severity is I and f"= {base}" in f.message


def test_funds_with_a_missing_table_bounded_by_project_spending() -> None:
    # One 优 table missing: 205 = 187.346 + 17.654 fits; 300 would need 112.654 spent by the
    # missing table, more than the 94.394 of 项目支出 (281.74) the attached leave over.
    found = [f for f in _perf(seed_disclosure()) if f.rule_id == "N-perf-funds"]
    assert [f.severity for f in found] == [I]
    assert "17.654万元 spent on the 自评表 not attached (1 graded 优; at most 94.394万元" in (
        found[0].message)
    d = _with_sentence("2024年二级项目绩效自评个数22个，涉及资金300万元：6个项目自评等级为“优”，"
                       "3个项目自评等级为“中”，13个项目自评等级为“差”。")
    (f,) = [f for f in _perf(d) if f.rule_id == "N-perf-funds"]
    assert f.severity is W and "no plausible base gives it" in f.message
    assert f.expected == D("281.74")  # the nearest base


def test_funds_without_missing_tables_fit_no_base() -> None:
    d = _with_sentence("2024年二级项目绩效自评个数21个，涉及资金205万元：5个项目自评等级为“优”，"
                       "3个项目自评等级为“中”，13个项目自评等级为“差”。")
    (f,) = [f for f in _perf(d) if f.rule_id == "N-perf-funds"]
    assert f.severity is W
    for base in ("Σ 全年执行数", "Σ 全年预算数", "公开05表", "公开03表"):
        assert base in f.message


# -- property: any wording the parser knows, any figures -----------------------------------------

from hypothesis import given
from hypothesis import strategies as st

_COUNT_WORDS = ("{y}年二级项目绩效自评个数{n}个", "本年度共对{n}个项目开展绩效自评", "绩效自评项目共{n}个")
_FUNDS_WORDS = ("涉及资金{f}万元", "涉及项目资金共{f}万元")
_GRADE_WORDS = ("{k}个项目自评等级为“{g}”", "{k}个项目自评结果为{g}", "{gw}项目{k}个")
_LONG = {"优": "优秀", "良": "良好", "中": "中", "差": "差"}


@given(
    st.integers(1, 60).flatmap(lambda n: st.tuples(
        st.just(n),
        st.lists(st.integers(0, n), min_size=4, max_size=4),
    )),
    st.sampled_from(_COUNT_WORDS), st.sampled_from(_FUNDS_WORDS), st.sampled_from(_GRADE_WORDS),
    st.decimals(min_value=0, max_value=100000, places=2, allow_nan=False),
    st.one_of(st.none(), st.decimals(min_value=0, max_value=100, places=1, allow_nan=False)),
)
def test_parser_reads_what_was_written(counts, count_words, funds_words, grade_words, funds,
                                       mean) -> None:
    n, raw = counts
    grades = {g: k for g, k in zip(("优", "良", "中", "差"), raw, strict=True) if k}
    parts = [count_words.format(y=2024, n=n), funds_words.format(f=funds)]
    parts += [grade_words.format(k=k, g=g, gw=_LONG[g]) for g, k in grades.items()]
    if mean is not None:
        parts.append(f"平均得分{mean}分")
    text = "，".join(parts) + "。"
    c = claims_from_text(text)
    assert (c.count, c.funds, dict(c.by_grade), c.mean_score) == (n, funds, grades, mean)
    claims = extract_claims(text, section="十、")
    assert sorted((x.grade, int(x.count.value)) for x in claims
                  if isinstance(x, GradeCountClaim)) == sorted(grades.items())
    assert [x.count.value for x in claims if isinstance(x, CountClaim)] == [n]
