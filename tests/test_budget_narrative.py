"""The 预算 情况说明's claims against the budget tables, one claim kind at a time.

The disclosures are the corpus budgets' tables as typed in tests/budget_specimens.py (江苏省人民
检察院 2017, 万元; 上海市普陀区万里街道 2025, 元 with the 三公 table in 万元); the sentences are
written in the corpus narratives' words, with the figures changed where a test needs a
contradiction.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import govfin
from govfin.amounts import Unit, convert
from govfin.disclosure import Disclosure, Narrative
from govfin.figures import budget_key, resolve, scope_of
from govfin.narrative import find_residue
from govfin.performance.plan import PlanFunds, ProjectPlan
from govfin.rules.narrative import Assessment, Status, assess
from govfin.strategies import budget_disclosures
from govfin.tables.budget import FAMILIES, family_table
from tests.budget_specimens import js_disclosure, sh_disclosure

A, C, U = Status.AGREES, Status.CONTRADICTED, Status.UNCHECKABLE


def _js(text: str, **kw: object) -> Disclosure:
    return attrs.evolve(js_disclosure(), kind="预算", narrative=Narrative.from_text(text), **kw)


def _sh(text: str, **kw: object) -> Disclosure:
    d = attrs.evolve(sh_disclosure(), kind="预算")
    return attrs.evolve(d, narrative=Narrative.from_text(text, part="部门预算编制说明"), **kw)


def _one(d: Disclosure, text: str, rule: str | None = None) -> Assessment:
    """The assessment of the claim whose text contains ``text`` (under ``rule``)."""
    found = [a for a in assess(d) if text in a.claim.text and (rule is None or a.rule_id == rule)]
    assert len(found) == 1, [(a.rule_id, a.claim.text, a.message) for a in assess(d)]
    return found[0]


# -- the vocabulary ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("heading", "role"),
    [
        ("一、收支预算总表情况说明", "summary"),
        ("二、收入预算情况说明", "income"),
        ("三、支出预算情况说明", "expenditure"),
        ("四、财政拨款收支预算总表情况说明", "appropriation_summary"),
        ("五、财政拨款支出预算表情况说明", "appropriation_expenditure"),
        ("六、财政拨款基本支出预算表情况说明", "appropriation_basic"),
        ("七、政府性基金支出预算表情况说明", "fund"),
        ("八、一般公共预算支出预算表情况说明", "general"),
        ("九、一般公共预算基本支出预算表情况说明", "general_basic"),
        ("十、一般公共预算机关运行经费支出预算表情况说明", "running"),
        ("十一、一般公共预算“三公”经费、会议费、培训费支出预算表情况说明", "three_public"),
        ("十二、2017年部门政府采购预算表情况说明", "procurement"),
        ("2025年部门预算编制说明", "summary"),
        ("四、绩效目标设置情况", "perf"),
    ],
)
def test_budget_headings_name_a_role(heading: str, role: str) -> None:
    assert scope_of(heading, "预算") == role


def test_budget_key_keeps_the_budget_types() -> None:
    assert budget_key("一般公共预算财政拨款基本支出预算") == "一般公共预算财政拨款基本支出"
    assert budget_key("国有资本经营预算拨款支出预算") == "国有资本经营预算拨款支出"
    assert budget_key("政府性基金预算支出") == "政府性基金预算支出"


def test_the_same_words_name_each_familys_cell() -> None:
    js, sh = _js(""), _sh("")
    fig = resolve(js, "收入预算总计", "summary")
    assert fig is not None and fig.value == Decimal("17996.68")
    assert fig.places[0].row == "收入合计"  # Jiangsu's name for it
    fig = resolve(sh, "收入预算", "summary")
    assert fig is not None and fig.value == Decimal("18976.7551")  # 元 → the disclosure's 万元
    assert fig.places[0].row == "收入总计"  # Shanghai's
    # 机关运行经费: Jiangsu's own table; Shanghai's column of the 三公 table (万元 → 元)
    assert resolve(js, "机关运行经费", "running").value == Decimal("6032.55")  # type: ignore[union-attr]
    assert resolve(sh, "机关运行经费", "running").value == Decimal("464.64")  # type: ignore[union-attr]


def test_a_name_two_rows_share_names_neither() -> None:
    """ "一般行政管理事务" is a 项 under several 款: only the name with its 款 is a row."""
    sh = _sh("")
    assert resolve(sh, "一般行政管理事务", "summary") is None
    fig = resolve(sh, "“一般公共服务支出（类）组织事务（款）一般行政管理事务（项）”", "summary")
    assert fig is not None and fig.places[0].row == "2013202"


# -- amounts: 万元 text against 元 tables, rounded or truncated ---------------------------------


@pytest.mark.parametrize(
    ("printed", "status", "how"),
    [
        ("18,976.76", A, "within rounding"),  # 189,767,551 元 = 18,976.7551 万元
        ("18,976.75", A, "truncated"),
        ("18,976.74", C, "but"),
        ("18,976.77", C, "but"),
    ],
)
def test_an_amount_in_wan_yuan_against_yuan(printed: str, status: Status, how: str) -> None:
    a = _one(_sh(f"2025年，本单位支出预算{printed}万元。"), "支出预算")
    assert a.status is status
    assert how in a.message


def test_the_briefs_example_12_34_wan_yuan_for_123456_yuan() -> None:
    """Truncation is accepted, and said: 123,456 元 printed as 12.34 万元."""
    d = _sh("")
    t = next(t for t in d.tables if t.ROLE == "three_public")
    # a Shanghai 三公 table in 元, its 公务接待费 123,456 元
    from govfin.amounts import Unit
    from govfin.tables import Row
    from govfin.tables.budget import budget_meta

    three = type(t)(
        [Row("本年预算数", "", {"公务接待费": "123456"})],
        budget_meta(type(t), unit=Unit.YUAN),
    )
    d = attrs.evolve(d, tables=[x for x in d.tables if x is not t] + [three])
    text = "一、2025年“三公”经费预算情况说明\n公务接待费{}万元。"
    assert "truncated" in _one(attrs.evolve(d, narrative=Narrative.from_text(
        text.format("12.34"))), "公务接待费").message  # fmt: skip
    ok = _one(attrs.evolve(d, narrative=Narrative.from_text(text.format("12.35"))), "公务接待费")
    assert ok.status is A and "rounding" in ok.message
    bad = _one(attrs.evolve(d, narrative=Narrative.from_text(text.format("12.33"))), "公务接待费")
    assert bad.status is C


def test_totals_sources_and_purposes() -> None:
    d = _js(
        "一、收支预算总表情况说明\n"
        "2017年度收入、支出预算总计17996.68万元。（一）收入预算总计17996.68万元。"
        "1．财政拨款收入预算总计17981.68万元。2．其他资金收入预算总计15万元。"
        "此外，基本支出预算数为12323.48万元。项目支出预算数为5533万元。"
        "单位预留机动经费预算数为140.2万元。\n"
        "六、财政拨款基本支出预算表情况说明\n"
        "本院2017年度财政拨款基本支出预算12308.48万元，其中：（一）人员经费9710.42万元。"
        "（二）公用经费2598.08万元。\n"
    )
    for text in ("收入预算总计17996.68", "财政拨款收入预算总计", "其他资金收入预算总计",
                 "基本支出预算数为12323.48", "项目支出预算数", "单位预留机动经费",
                 "财政拨款基本支出预算12308.48", "人员经费9710.42"):  # fmt: skip
        assert _one(d, text, "X12").status is A, text
    # 公用经费 = economic 类 302 (+ 310 where printed) = 2598.06
    bad = _one(d, "公用经费2598.08", "X12")
    assert bad.status is C and "2598.06" in bad.message


def test_a_functional_item_named_with_its_kuan() -> None:
    d = _js(
        "五、财政拨款支出预算表情况说明\n"
        "1．检察（款）行政运行（项）支出7968.14万元，与上年相比增加300.38万元，增长3.92%。\n"
        "2．检察（款）一般行政管理事务（项）支出3644.22万元。\n"
    )
    assert _one(d, "行政运行", "X12").status is A
    a = _one(d, "一般行政管理事务", "X12")
    assert a.status is C and "2040402" in a.message


def test_three_public_parts_meetings_training_procurement() -> None:
    d = _js(
        "十一、一般公共预算“三公”经费、会议费、培训费支出预算表情况说明\n"
        "1．因公出国（境）费预算支出110万元。2．公务用车购置及运行费预算支出317.8万元。"
        "其中：（1）公务用车购置预算支出50万元；（2）公务用车运行维护费预算支出267.8万元。"
        "3．公务接待费预算支出156.55万元。本院会议费预算支出168万元。"
        "本院培训费预算支出710万元。\n"
        "十二、2017年部门政府采购预算表情况说明\n"
        "2017年我部门政府采购预算总金额为2889.8万元。其中拟购买货物334万元；拟购买工程0万元；"
        "拟购买服务2555.8万元。\n"
    )
    for text in ("因公出国", "公务用车购置及运行费", "公务用车购置预算", "运行维护费预算",
                 "公务接待费", "会议费", "政府采购预算总金额", "拟购买货物", "拟购买工程",
                 "拟购买服务"):  # fmt: skip
        assert _one(d, text, "X12").status is A, text
    assert _one(d, "培训费", "X12").status is C  # the table prints 700.00


def test_an_amount_of_change_in_a_reason_is_not_the_figure() -> None:
    """ "主要原因是基本支出增加人员经费1408.29万元" (江苏省高级人民法院 2017) names a change."""
    d = _js("一、收支预算总表情况说明\n主要原因是基本支出增加人员经费1408.29万元。\n")
    a = _one(d, "人员经费1408.29", "X12")
    assert a.status is U and "change" in a.message


# -- shares, changes, the year compared ----------------------------------------------------------


def test_shares_of_the_three_public_total() -> None:
    d = _js(
        "十一、一般公共预算“三公”经费、会议费、培训费支出预算表情况说明\n"
        "因公出国（境）费支出110.00万元，占“三公”经费的18.82%；"
        "公务接待费支出156.55万元，占“三公”经费的26.72%。\n"
    )
    assert _one(d, "18.82%").status is A  # 110 / 584.35
    bad = _one(d, "26.72%")
    assert bad.status is C and "26.79" in bad.message


def test_a_rate_truncated_to_the_printed_places_agrees_and_says_so() -> None:
    """309.03 / 13347.31 = 2.3153%: 2.31% is the rate truncated (江苏省人民检察院 2017)."""
    d = _js(
        "一、收支预算总表情况说明\n"
        "1．公共安全（类）支出13656.34万元，与上年相比增加309.03万元，增长2.31%。\n"
    )
    a = _one(d, "增长2.31%", "N-change")
    assert a.status is A and "truncated" in a.message
    d = _js(
        "一、收支预算总表情况说明\n"
        "1．公共安全（类）支出13656.34万元，与上年相比增加309.03万元，增长2.30%。\n"
    )
    assert _one(d, "增长2.30%", "N-change").status is C


def test_a_change_follows_the_amount_before_it_in_the_sentence() -> None:
    """ "政府性基金拨款支出预算0万元，比2022年预算增加1421.25万元" (万里街道 2023)."""
    d = _sh("政府性基金拨款支出预算0万元，比2024年预算增加1421.25万元。")
    a = _one(d, "增加1421.25", "N-change")
    assert a.status is C and "exceeds" in a.message


def test_a_rate_from_last_years_and_this_years_figures_in_the_sentence() -> None:
    text = "2024年当年预算执行数为1.48万元，2025年预算安排2.63万元，比2024年预算执行数增加{}%。"
    assert _one(_sh(text.format("77.70")), "增加77.70%").status is A
    bad = _one(_sh(text.format("60.54")), "增加60.54%")
    assert bad.status is C and "77.70" in bad.message
    down = (
        "2024年当年预算执行数为667.32万元，2025年预算安排635.10万元，比2024年预算执行数减少4.83%。"
    )
    assert _one(_sh(down), "减少4.83%").status is A


def test_growth_100_percent_on_a_zero_base() -> None:
    d = _sh("2024年当年预算执行数为0万元，2025年预算安排60.13万元，比2024年预算执行数增加100.00%。")
    a = _one(d, "增加100.00%")
    assert a.rule_id == "N-zero-base" and a.status is C


def test_an_amount_restated_after_the_item_is_the_items_figure() -> None:
    """Item 16 of the 万里街道 2023 budget: 220.63 in the heading, 441.25 (item 15's) after (here with the 2025 table: 2,413,577 元)."""
    d = _sh(
        "1.“社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位职业年金缴费支出（项）”"
        "科目241.36万元，主要用于缴费。2024年当年预算执行数为132.59万元，2025年预算安排{}万元。"
    )
    good = _sh(d.narrative.sections[0].text.replace("{}", "241.36"))
    assert _one(good, "预算安排241.36", "X12").status is A
    bad = _one(_sh(d.narrative.sections[0].text.replace("{}", "441.25")), "预算安排441.25", "X12")
    assert bad.status is C and "2080506" in bad.message


@pytest.mark.parametrize(("year", "status"), [("2024", A), ("2023", C)])
def test_a_comparison_with_the_wrong_year(year: str, status: Status) -> None:
    d = _sh(f"支出预算18,976.76万元，比{year}年预算增加3,355.65万元。")
    assert _one(d, "增加3,355.65", "N-change").status is status


def test_same_basis_is_not_an_unchanged_figure() -> None:
    """ "按与上年统计口径一致相比，本年比上年减少161.96万元" (江苏省高级人民法院 2017)."""
    d = _js(
        "十、一般公共预算机关运行经费支出预算表情况说明\n按与上年统计口径一致相比，本年比上年减少161.96万元。\n"
    )
    assert all(a.status is not C for a in assess(d))


def test_no_fund_budget_against_an_empty_fund_table() -> None:
    d = _js("七、政府性基金支出预算表情况说明\n本部门无政府性基金预算。\n")
    assert [a.status for a in assess(d) if a.rule_id == "X12"] == [A]


# -- 绩效目标 against Disclosure.plans ------------------------------------------------------------


def _plan(name: str, yuan: str) -> ProjectPlan:
    return ProjectPlan(name, 2025, funds=PlanFunds(annual_total=Decimal(yuan)))


@pytest.mark.parametrize(
    ("count", "money", "statuses"),
    [("2", "1,045.00", (A, A)), ("3", "1,045.00", (C, A)), ("2", "1,045.10", (A, C))],
)
def test_performance_targets_against_the_plans(
    count: str, money: str, statuses: tuple[Status, Status]
) -> None:
    plans = (_plan("就业援助基地补贴", "6351000.00"), _plan("各类工作经费", "4099000.00"))
    d = _sh(
        "四、绩效目标设置情况\n"
        f"本部门2个预算单位开展了2025年项目预算绩效目标编报工作，编报绩效目标的项目{count}个，"
        f"涉及项目预算资金{money}万元。\n",
        plans=plans,
    )
    assert _one(d, "项目" + count, "N-plan").status is statuses[0]
    assert _one(d, "涉及项目预算资金", "N-plan-funds").status is statuses[1]


def test_performance_targets_without_plans_are_not_checkable() -> None:
    d = _sh("四、绩效目标设置情况\n编报绩效目标的项目49个，涉及项目预算资金8825.98万元。\n")
    assert {a.status for a in assess(d) if a.rule_id.startswith("N-plan")} == {U}


# -- residue and the check run ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "what"),
    [
        ("比上年增加（减少）XX万元", "alternative wording left in"),
        ("支出预算x,xxx.xx万元", "placeholder"),
        ("基本支出100万元，占比55.40，项目支出", "percentage without %"),
        ("与上年相比增长8.8。", "percentage without %"),
    ],
)
def test_budget_template_residue(text: str, what: str) -> None:
    assert what in {r.what for r in find_residue(text)}


@pytest.mark.parametrize("text", ["增长8.8%。", "增加3个，增长5个百分点。", "主要原因是人员增加。"])
def test_no_residue_in_finished_text(text: str) -> None:
    assert find_residue(text) == ()


def test_a_reason_cut_by_a_page_break_is_not_left_empty() -> None:
    text = "比上年增加92.21%。主要原因\n\n\n\n是：经费增加。"
    assert find_residue(text) == ()
    assert [r.what for r in find_residue("比上年增加92.21%。主要原因：。")] == ["reason left empty"]


def test_check_reports_budget_claims_like_a_final_account() -> None:
    d = _js(
        "一、收支预算总表情况说明\n基本支出预算数为12323.46万元。\n"
        "四、绩效目标\n编报绩效目标的项目5个。\n"
    )
    report = govfin.check(d)
    errors = [f for f in report.findings if f.rule_id == "X12" and f.severity.name == "ERROR"]
    assert len(errors) == 1 and "12323.48" in errors[0].message


# -- generated budgets ---------------------------------------------------------------------------

_INCOME_TOTAL = ("收入总计", "收入合计")


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_generated_budgets_their_own_totals_agree_and_a_moved_one_does_not(
    data: st.DataObject,
) -> None:
    """Any family: the income total and the 三公 total, printed in 万元 to 0.01 as the tables
    give them, agree; moved by 0.02 万元 they are contradicted and the cell is named."""
    family = data.draw(st.sampled_from(FAMILIES))
    d = attrs.evolve(data.draw(budget_disclosures(family)), kind="预算")
    summary = family_table(d.tables, "summary")
    three = family_table(d.tables, "three_public")
    assert summary is not None and three is not None
    key = next(k for k in _INCOME_TOTAL if summary.get(k) is not None)
    income = convert(summary.value(key, "金额") or Decimal(0), summary.meta.unit, Unit.WAN_YUAN)
    col = next(c for c in ("“三公”经费", "合计") if c in three.COLUMNS)
    v3 = convert(three.value("本年预算数", col) or Decimal(0), three.meta.unit, Unit.WAN_YUAN)
    moved = data.draw(st.sampled_from(["none", "income", "three"]))
    shift = Decimal("0.02")
    a = income.quantize(Decimal("0.01"), ROUND_HALF_UP) + (shift if moved == "income" else 0)
    b = v3.quantize(Decimal("0.01"), ROUND_HALF_UP) + (shift if moved == "three" else 0)
    text = (
        f"一、收支预算总表情况说明\n收入预算总计{a}万元。\n"
        f"十一、“三公”经费预算情况说明\n“三公”经费预算数为{b}万元。\n"
    )
    x12 = [x for x in assess(attrs.evolve(d, narrative=Narrative.from_text(text)))
           if x.rule_id == "X12"]  # fmt: skip
    inc = next(x for x in x12 if "收入预算总计" in x.claim.text)
    tp = next(x for x in x12 if "三公" in x.claim.text)
    assert (inc.status is C) == (moved == "income")
    assert (tp.status is C) == (moved == "three")
    assert inc.status is not U and tp.status is not U
    if moved == "income":
        assert any(p.row == key for p in inc.cells)
