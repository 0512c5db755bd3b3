"""Issue 15: mistakes of the 情况说明 that every claim check missed, planted in copies of the seed.

- N-stale-year: this year's figure under last year's date ("2023年度收入总计…" in a 2024 决算);
- N-direction: a direction word contradicting its own sentence or paragraph;
- N-class-list: a list of 类 that leaves one out (shares no longer add up to 100%);
- N-over-budget / N-over-adjusted: a 决算 figure above the budget printed beside it.

Each is planted by rewriting one passage of the seed's text (facts_plant.planted); the harmless
edits beside them (a comparison with last year, a reworded sentence) must stay silent.
"""

from __future__ import annotations

from decimal import Decimal

import attrs
import golden
import pytest
from facts_plant import bad, planted, run
from seed_disclosure import seed_disclosure

from govfin.disclosure import Disclosure
from govfin.findings import Place, Severity
from govfin.narrative import NARRATIVE_TABLE
from govfin.rules import REGISTRY, check

E, W = Severity.ERROR, Severity.WARNING
RULES = ("N-stale-year", "N-direction", "N-class-list", "N-over-budget", "N-over-adjusted")
S01 = "一、收入支出决算总体情况说明"
S05 = "五、一般公共预算财政拨款支出决算情况说明"
S10 = "十、其他重要事项情况说明"


@pytest.fixture(scope="module")
def seed() -> Disclosure:
    return seed_disclosure()


def found(d: Disclosure) -> set[tuple[str, Severity, str | None]]:
    """(rule, severity, the printed text the finding sits on) of the new rules' findings."""
    return {(r, s, p.column if p else None) for r, s, p in bad(run(d, *RULES))}


def test_silent_on_the_seed(seed: Disclosure) -> None:
    # The seed mentions 2023 only to explain changes ("主要原因是2023年社会保障和就业支出列入…"),
    # its conclusions follow its changes ("减少…，故…有所下降"), its lists of 类 name all four
    # 类 of 公开05, and every 决算 is below its 年初预算 (73.24%, 72.27%, 80.63%, 91.61%, 74.28%).
    assert list(run(seed, *RULES)) == []


def test_rules_are_registered_with_a_reason() -> None:
    for rule_id in RULES:
        r = REGISTRY.get(rule_id)
        assert r.changed.startswith("2026 (issue 15") and r.doc, rule_id
    assert REGISTRY.get("N-over-budget").severity is W
    assert REGISTRY.get("N-over-adjusted").severity is E


# -- N-stale-year --------------------------------------------------------------------------------


def test_this_years_total_under_last_years_date() -> None:
    d = planted(("2024年度收入总计648.92万元", "2023年度收入总计648.92万元"))
    r = run(d, "N-stale-year")
    line = golden.line_of("2024年度收入总计648.92万元", after=golden.NARRATIVE_LINE)
    # one date, one finding, naming both figures it dates (收入总计 and 支出总计 648.92)
    assert bad(r) == {("N-stale-year", E, Place(NARRATIVE_TABLE, S01, "2023年度收入总计648.92万元", line))}
    f = r.errors[0]
    assert (f.expected, f.actual) == (Decimal(2024), Decimal(2023))
    assert "收入总计" in f.message and "支出总计" in f.message


def test_a_balance_date_of_last_year() -> None:
    d = planted(("截至2024年12月31日", "截至2023年12月31日"))
    assert found(d) == {("N-stale-year", E, "本部门（单位）共有车辆0辆")}


@pytest.mark.parametrize(
    ("old", "new"),
    [
        # last year's figure stated as such (not this year's figure): no mistake here
        ("2024年度收入总计648.92万元，支出总计648.92万元。",
         "2024年度收入总计648.92万元，支出总计648.92万元，2023年度收入总计823.28万元。"),
        # a comparison introduced by 与/较/比 + the year
        ("2024年度收入总计648.92万元，支出总计648.92万元。",
         "2024年度收入总计648.92万元，与2023年度相比，支出总计648.92万元。"),
        # 上年/本年 words between the date and the figure
        ("2024年度收入总计648.92万元", "2023年度决算完成后，本年收入总计648.92万元"),
        # the report year
        ("截至2024年12月31日", "截至2024年末"),
    ],
)  # fmt: skip
def test_legitimate_mentions_of_last_year(old: str, new: str) -> None:
    assert not bad(run(planted((old, new)), "N-stale-year"))


def test_a_nil_figure_in_a_comparing_sentence_is_not_dated() -> None:
    # "与上年相同，2023年度为0万元": last year's 0 beside this year's 0
    old = "因公出国（境）费支出0万元，与上年相同"
    d = planted((old, "因公出国（境）费支出与上年相同，2023年度因公出国（境）费支出0万元"))
    assert not bad(run(d, "N-stale-year"))


# -- N-direction ---------------------------------------------------------------------------------

_REASON = (
    "主要原因是本年度减少了办公楼亮化工程（东西楼）、厂区宣传版面制作、振华东街与文远路口主题"
    "教育宣传、抚恤金与丧葬费等费用支出，故本年收入和支出与上年相比有所下降"
)


def test_a_conclusion_against_the_change_in_its_sentence() -> None:
    # 201 "较上年决算减少260.28万元，…，故本年收入和支出与上年相比有所下降" → "…故较上年决算增加"
    d = planted(("下降32.31%，" + _REASON, "下降32.31%，" + _REASON[:-len("本年收入和支出与上年相比有所下降")] + "较上年决算增加"))
    assert found(d) == {("N-direction", E, "较上年决算增加")}


def test_a_conclusion_against_an_increase() -> None:
    old = "而2024年正常列支基本支出，故较上年决算增加\n\n。\n\n卫生"
    d = planted((old, old.replace("增加", "减少")))
    assert found(d) == {("N-direction", E, "较上年决算减少")}


def test_a_conclusion_in_the_next_sentence_of_the_paragraph() -> None:
    # 一、: "收入总计减少…。主要原因是…，故…有所上升。"
    d = planted(("有所下降。\n\n二、收入决算", "有所增加。\n\n二、收入决算"))
    assert found(d) == {("N-direction", E, "与上年相比有所增加")}


def test_the_two_years_amounts_against_the_word() -> None:
    lead = "与上年相比，收入总计减少174.36万元"
    d = planted((lead, "2024年度支出合计631.71万元，2023年度支出合计806.07万元，比上年增加174.36万元。" + lead))
    # one finding: the conclusion "有所下降" agrees with the decrease the amounts show
    assert found(d) == {("N-direction", E, "比上年增加174.36万元")}
    d = planted((lead, "2024年度支出合计631.71万元，上年支出合计806.07万元，较上年增加。" + lead))
    assert found(d) == {("N-direction", E, "较上年增加")}


def test_one_subject_in_two_directions() -> None:
    old = "收入总计减少174.36万元，下降21.18%，支出总计减少174.36万元，下降21.18%"
    d = planted((old, "收入总计减少174.36万元，下降21.18%，收入总计增加174.36万元"))
    assert ("N-direction", E, "收入总计增加174.36万元") in found(d)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        # two subjects moving apart is no contradiction
        ("，支出总计减少174.36万元，下降21.18%。", "，支出总计增加174.36万元，增长26.87%。"),
        # the amounts agree with the word
        ("与上年相比，收入总计减少174.36万元",
         "2024年度支出合计631.71万元，上年支出合计806.07万元，较上年减少。与上年相比，收入总计减少174.36万元"),
        # a cause that names another direction ("增加了…") is no conclusion about the figure
        ("下降21.63%。主要原因是本年度减少了", "下降21.63%。主要原因是本年度增加了节约措施、减少了"),
    ],
)  # fmt: skip
def test_harmless_direction_words(old: str, new: str) -> None:
    assert not bad(run(planted((old, new)), "N-direction"))


# -- N-class-list --------------------------------------------------------------------------------


def test_a_class_left_out_of_the_list() -> None:
    d = planted(("卫生健康支出(类)11.58万元，占比1.83%；\n\n", ""))
    r = run(d, "N-class-list")
    assert bad(r) == {("N-class-list", E, Place(NARRATIVE_TABLE, S05, "住房保障支出(类)24.09万元"))}
    f = r.errors[0]
    assert "210 卫生健康支出 11.58" in f.message
    # 545.19 + 50.86 + 24.09 = 620.14 of 631.71; 86.30 + 8.05 + 3.81 = 98.16 of 100
    assert "620.14" in f.message and "98.16%" in f.message
    assert f.expected == Decimal("11.58")


def test_a_class_left_out_of_the_detailed_list() -> None:
    old = golden.text_at(golden.line_of("住房保障支出年初预算32.43万元"))
    d = planted((old, ""))
    msgs = [f.message for f in run(d, "N-class-list").errors]
    assert len(msgs) == 1 and "221 住房保障支出 24.09" in msgs[0]


def test_reordering_the_list_is_harmless() -> None:
    a = "社会保障和就业支出(类)50.86万元，占比8.05%；"
    b = "卫生健康支出(类)11.58万元，占比1.83%；"
    d = planted((a + "\n\n" + b, b + "\n\n" + a))
    assert not bad(run(d, "N-class-list"))


# -- N-over-budget, N-over-adjusted --------------------------------------------------------------


def test_over_the_initial_budget_is_a_warning() -> None:
    d = planted(("一般公共服务支出年初预算754.36万元", "一般公共服务支出年初预算500.36万元"),
                ("完成年初预算的72.27%", "完成年初预算的108.96%"))  # fmt: skip
    r = run(d, "N-over-budget", "N-over-adjusted")
    assert {(f.rule_id, f.severity) for f in r} == {("N-over-budget", W)}
    assert r.warnings[0].difference == Decimal("44.83")  # 545.19 − 500.36


def test_over_the_adjusted_budget_is_an_error() -> None:
    d = planted(("一般公共服务支出年初预算754.36万元", "一般公共服务支出调整后预算500.36万元"))
    r = run(d, "N-over-budget", "N-over-adjusted")
    assert {(f.rule_id, f.severity) for f in r} == {("N-over-adjusted", E)}


def test_the_whole_check_reports_them(seed: Disclosure) -> None:
    d = planted(("卫生健康支出(类)11.58万元，占比1.83%；\n\n", ""))
    assert "N-class-list" in {f.rule_id for f in check(d).errors}


def test_a_completion_over_100_percent_without_the_budget() -> None:
    old = "一般公共服务支出年初预算754.36万元，支出决算545.19万元，完成年初预算的72.27%"
    d = planted((old, "一般公共服务支出完成年初预算的102.50%"))
    r = run(d, "N-over-budget")
    assert [(f.severity, f.actual) for f in r] == [(W, Decimal("102.50"))]


def test_stale_year_is_a_final_accounts_rule() -> None:
    # a 预算's text states last year's 执行数 under last year's date: not a leftover
    d = planted(("2024年度收入总计648.92万元", "2023年度收入总计648.92万元"))
    assert not run(attrs.evolve(d, kind="预算"), "N-stale-year").findings


def test_a_class_stated_through_its_items_is_not_left_out() -> None:
    # 210 stated by its 款 (计划生育事务 0.12, 行政事业单位医疗 11.47) instead of the 类 line
    d = planted(("卫生健康支出(类)11.58万元，占比1.83%；",
                 "计划生育事务0.12万元，行政事业单位医疗11.47万元；"))  # fmt: skip
    assert not bad(run(d, "N-class-list"))


def test_a_list_that_adds_up_to_its_own_sub_total() -> None:
    # 六、 without its 公用经费 sentence: 工资福利支出 308.72 + 对个人和家庭的补助 31.56 =
    # 人员经费 340.28, the sub-total the list belongs to; 302 商品和服务支出 is 公用经费's
    d = planted(("公用经费9.69万元，主要包括办公费2.99万元，邮电费6.7万元。", ""))
    assert not bad(run(d, "N-class-list"))


@pytest.mark.parametrize(
    "sentence",
    [
        # 上年结转 is money carried into this year, not last year's figure
        "2024年度收入合计631.71万元，其中上年结转17.21万元，比上年减少174.36万元。",
        # two subjects: this year's 收入 against last year's 支出 says nothing of either
        "2024年度收入合计631.71万元，上年支出合计506.07万元，收入合计比上年减少174.36万元。",
    ],
)
def test_amounts_of_other_figures_do_not_decide_the_direction(sentence: str) -> None:
    lead = "与上年相比，收入总计减少174.36万元"
    d = planted((lead, sentence + lead))
    assert not bad(run(d, "N-direction"))
