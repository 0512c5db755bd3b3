"""Narrative checks: X12 (figures = tables) and N-* on short sections over the seed's tables."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

import attrs
import golden
import pytest
from seed_disclosure import edit, seed_disclosure

from govfin.disclosure import Disclosure, Narrative, NarrativeSection
from govfin.findings import Category, Place, Report, Severity
from govfin.rules import REGISTRY, CheckOptions, check
from govfin.rules.narrative import (
    CLAIM_RULES,
    Status,
    assess,
    claim_summary,
    resolve,
    scope_of,
)
from govfin.tables import GeneralBudgetExpenditureTable

S01 = "一、收入支出决算总体情况说明"
S03 = "三、支出决算情况说明"
S04 = "四、财政拨款收支决算总体情况说明"
S05 = "五、一般公共预算财政拨款支出决算情况说明"
S06 = "六、一般公共预算财政拨款基本支出决算情况说明"
S07 = "七、政府性基金预算财政拨款收支决算情况说明"
S09 = "九、财政拨款“三公”经费支出决算情况说明"
S10 = "十、其他重要事项情况说明"

# (the rules of the 情况说明: N-perf-analysis reads a 自评表's own analysis text, not the narrative)
NARRATIVE_RULES = [r.id for r in REGISTRY if r.id.startswith("N-") and r.subject is Disclosure] + ["X12"]


@pytest.fixture(scope="module")
def seed() -> Disclosure:
    return seed_disclosure()


def said(d: Disclosure, heading: str, text: str, line: int = 100) -> Disclosure:
    """The disclosure with a narrative of one section."""
    return attrs.evolve(d, narrative=Narrative((NarrativeSection(heading, text, line),)))


def narrative_report(d: Disclosure, **options: object) -> Report:
    return check(d, rules=[REGISTRY.get(i) for i in NARRATIVE_RULES], **options)  # type: ignore[arg-type]


def outcome(r: Report) -> set[tuple[str, str]]:
    """(rule, severity) of the findings other than "not checkable"."""
    return {(f.rule_id, f.severity.value) for f in r if f.rule_id != "N-unchecked"}


def test_scopes() -> None:
    assert scope_of(S01) == "01"
    assert scope_of("二、收入决算情况说明") == "01"
    assert scope_of(S03) == "01"
    assert scope_of(S04) == "04"
    assert scope_of(S05) == "05"
    assert scope_of(S06) == "06"
    assert scope_of(S07) == "07"
    assert scope_of("八、国有资本经营预算财政拨款支出决算情况说明") == "08"
    assert scope_of(S09) == "09"
    assert scope_of(S10) == "10"
    assert scope_of("第一部分 概况") is None


def test_resolve_by_section_and_name(seed: Disclosure) -> None:
    def where(subject: str, scope: str | None, attribute: str | None = None) -> object:
        fig = resolve(seed, subject, scope, attribute)
        return (
            None
            if fig is None
            else [(c.place.table, c.place.row, c.place.column) for c in fig.cells]
        )

    assert where("收入总计", "01") == [("收入支出决算总表", "收入总计", "金额")]
    assert where("收入总计", "04") == [("财政拨款收入支出决算总表", "收入总计", "金额")]
    assert where("财政拨款收入总计", "01") == [("财政拨款收入支出决算总表", "收入总计", "金额")]
    assert where("基本支出", "01") == [("支出决算表", "合计", "基本支出")]
    assert where("基本支出", "05") == [("一般公共预算财政拨款支出决算表", "合计", "基本支出")]
    assert where("卫生健康支出(类)", "05") == [("一般公共预算财政拨款支出决算表", "210", "合计")]
    assert where("事业单位医疗", "05") == [("一般公共预算财政拨款支出决算表", "2101102", "合计")]
    assert where("主要包括办公费", "06") == [
        ("一般公共预算财政拨款基本支出决算明细表", "30201", "决算数")
    ]
    assert where("公务用车购置支出", "09") == [
        ("财政拨款“三公”经费支出决算表", "决算数", "公务用车购置费")
    ]
    assert where("“三公”经费财政拨款支出", "09", "全年预算") == [
        ("财政拨款“三公”经费支出决算表", "预算数", "合计")
    ]
    assert where("一般公共服务支出", "05", "年初预算") is None  # no table gives 年初预算
    assert where("出国（境）团组", "09") is None


# -- X12 -------------------------------------------------------------------------------------


def test_x12_agrees_and_contradicts(seed: Disclosure) -> None:
    ok = narrative_report(said(seed, S01, "2024年度收入总计648.92万元。"))
    assert outcome(ok) == {("X12", "info")}
    assert ok.infos[0].message.startswith("checked: agrees")
    wrong = narrative_report(said(seed, S01, "2024年度收入总计600.00万元。", line=389))
    assert outcome(wrong) == {("X12", "error")}
    f = wrong.errors[0]
    assert f.message.startswith("contradicted")
    assert (f.expected, f.actual, f.place.line if f.place else None) == (
        Decimal("648.92"),
        Decimal("600.00"),
        390,
    )
    assert "2024年度收入总计600.00万元。" in f.message  # the sentence is quoted
    assert f.cells[1].table == "收入支出决算总表"


def test_x12_printed_precision(seed: Disclosure) -> None:
    # "6.7万元" stands for [6.65, 6.75] and agrees with 6.70; "6.8万元" does not
    assert outcome(narrative_report(said(seed, S06, "邮电费6.7万元。"))) == {("X12", "info")}
    assert outcome(narrative_report(said(seed, S06, "邮电费6.8万元。"))) == {("X12", "error")}


def test_x12_yuan_in_the_text(seed: Disclosure) -> None:
    # 元 in the text against 万元 tables: 3,499,700 元 = 349.97万元
    r = narrative_report(said(seed, S03, "基本支出3,499,700.00元。"))
    assert outcome(r) == {("X12", "info")}
    r = narrative_report(said(seed, S03, "基本支出3,499,000.00元。"))
    assert outcome(r) == {("X12", "error")}


def test_x12_nil_statements(seed: Disclosure) -> None:
    assert outcome(narrative_report(said(seed, S07, "本年度无此项收支。"))) == {("X12", "info")}
    assert outcome(narrative_report(said(seed, S10, "本部门（单位）无机关运行经费。"))) == {
        ("X12", "info")
    }
    # a claim of nil against a table with data
    r = narrative_report(said(seed, S10, "本部门无政府采购支出总额。"))
    assert outcome(r) == {("X12", "error")}


def test_x12_procurement_against_table_10(seed: Disclosure) -> None:
    text = "2024年度政府采购支出总额{}万元，其中：政府采购货物支出2.74万元、政府采购工程支出0万元。"
    assert outcome(narrative_report(said(seed, S10, text.format("2.74")))) == {("X12", "info")}
    r = narrative_report(said(seed, S10, text.format("3.74")))
    (f,) = r.errors
    assert f.place is not None and f.place.column == "2024年度政府采购支出总额3.74万元"
    assert f.cells[1] == Place("部门决算公开相关信息统计表", "政府采购合计", "统计数")
    assert (f.expected, f.actual) == (Decimal("2.74"), Decimal("3.74"))


def test_x12_counts_are_exact(seed: Disclosure) -> None:
    assert outcome(narrative_report(said(seed, S10, "本部门（单位）共有车辆0辆。"))) == {
        ("X12", "info")
    }
    assert outcome(narrative_report(said(seed, S10, "本部门（单位）共有车辆1辆。"))) == {
        ("X12", "error")
    }


def test_x12_missing_row_is_not_checkable(seed: Disclosure) -> None:
    # the seed's 公开10表 does not print the 中小企业 lines
    r = narrative_report(said(seed, S10, "政府采购授予中小企业合同金额0万元。"))
    assert outcome(r) == set()
    assert [f.rule_id for f in r] == ["N-unchecked"]
    assert "授予中小企业合同金额" in r.infos[0].message


# -- N-share ---------------------------------------------------------------------------------


def test_n_share(seed: Disclosure) -> None:
    text = "2024年度支出合计631.71万元，其中：基本支出349.97万元，占比{}%。"
    assert outcome(narrative_report(said(seed, S03, text.format("55.40")))) == {
        ("X12", "info"),
        ("N-share", "info"),
    }
    r = narrative_report(said(seed, S03, text.format("56.40")))
    assert outcome(r) == {("X12", "info"), ("N-share", "error")}
    (f,) = r.errors
    assert (f.expected, f.actual) == (Decimal("55.40"), Decimal("56.40"))


def test_n_share_denominator_from_the_table(seed: Disclosure) -> None:
    text = "一般公共预算财政拨款决算支出631.71万元，占本年支出合计的{}%。"
    assert ("N-share", "info") in outcome(narrative_report(said(seed, S05, text.format("100.00"))))
    assert ("N-share", "error") in outcome(narrative_report(said(seed, S05, text.format("99.00"))))


# -- N-change, N-zero-base -------------------------------------------------------------------


def test_n_change_rate(seed: Disclosure) -> None:
    base = "2024年度收入总计648.92万元。与上年相比，收入总计减少174.36万元，下降{}%。"
    # 174.36 / (648.92 + 174.36) = 21.18%
    ok = narrative_report(said(seed, S01, base.format("21.18")))
    assert ("N-change", "info") in outcome(ok)
    bad = narrative_report(said(seed, S01, base.format("21.63")))
    assert ("N-change", "error") in outcome(bad)
    f = next(f for f in bad.errors if f.rule_id == "N-change")
    assert (f.expected, f.actual) == (Decimal("21.18"), Decimal("21.63"))
    assert "823.28" in f.message  # the previous year it implies


def test_n_change_current_from_the_table(seed: Disclosure) -> None:
    # no amount stated first: this year's figure is 公开04 支出总计 648.92
    r = narrative_report(said(seed, S04, "财政拨款支出总计减少174.36万元，下降21.18%。"))
    assert outcome(r) == {("N-change", "info")}
    assert "公开04表 支出总计" in r.infos[0].message


def test_n_change_direction_words(seed: Disclosure) -> None:
    r = narrative_report(
        said(seed, S01, "收入总计648.92万元。收入总计减少174.36万元，增长21.18%。")
    )
    assert ("N-change", "error") in outcome(r)
    assert "opposite directions" in next(f for f in r.errors if f.rule_id == "N-change").message
    r = narrative_report(said(seed, S09, "公务接待费支出0万元，与上年持平，增长5%。"))
    assert ("N-change", "error") in outcome(r)


def test_n_change_increase_beyond_this_year(seed: Disclosure) -> None:
    # 卫生健康 11.58 this year cannot have grown by 20: last year would be −8.42
    r = narrative_report(said(seed, S05, "卫生健康支出11.58万元，较上年决算增加20.00万元。"))
    assert ("N-change", "error") in outcome(r)


def test_n_zero_base(seed: Disclosure) -> None:
    # 住房保障 24.09, all of it new: a rate on a nil previous year is meaningless
    r = narrative_report(
        said(seed, S05, "住房保障支出24.09万元，较上年决算增加24.09万元，增长100%。")
    )
    assert outcome(r) == {("X12", "info"), ("N-zero-base", "warning")}
    # without a rate it is consistent: previous year 0.00 ≥ 0
    r = narrative_report(said(seed, S05, "住房保障支出24.09万元，较上年决算增加24.09万元。"))
    assert outcome(r) == {("X12", "info"), ("N-change", "info")}


def test_n_change_unchanged_needs_the_previous_year(seed: Disclosure) -> None:
    text = "公务接待费支出0万元，与上年相同。"
    r = narrative_report(said(seed, S09, text))
    assert outcome(r) == {("X12", "info")}
    (u,) = [f for f in r if f.rule_id == "N-unchecked"]
    assert "previous year" in u.message


def test_n_change_against_the_previous_disclosure(seed: Disclosure) -> None:

    previous = edit(
        attrs.evolve(seed, year=2023),
        GeneralBudgetExpenditureTable,
        ("合计", "合计", "806.07"),
        ("201", "合计", "805.47"),
    )
    text = (
        "2024年一般公共预算财政拨款决算支出631.71万元。与上年相比，一般公共预算财政拨款支出"
        "减少174.36万元，下降21.63%。"
    )
    r = narrative_report(said(seed, S05, text), extra={"previous": previous})
    changes = [f for f in r if f.rule_id == "N-change"]
    assert [f.severity for f in changes] == [Severity.INFO, Severity.INFO]  # rate; Δ vs 2023
    wrong = edit(previous, GeneralBudgetExpenditureTable, ("合计", "合计", "800.00"))
    r = narrative_report(said(seed, S05, text), extra={"previous": wrong})
    assert [f.severity for f in r if f.rule_id == "N-change"] == [Severity.INFO, Severity.ERROR]


# -- N-completion ----------------------------------------------------------------------------


def test_n_completion(seed: Disclosure) -> None:
    text = "一般公共服务支出年初预算754.36万元，支出决算545.19万元，完成年初预算的{}%。"
    assert ("N-completion", "info") in outcome(
        narrative_report(said(seed, S05, text.format("72.27")))
    )
    r = narrative_report(said(seed, S05, text.format("75.00")))
    assert ("N-completion", "error") in outcome(r)
    zero = "一般公共服务支出年初预算0万元，支出决算545.19万元，完成年初预算的0%。"
    assert ("N-zero-base", "warning") in outcome(narrative_report(said(seed, S05, zero)))


# -- N-perf ----------------------------------------------------------------------------------

#: The seed's 绩效 sentence with the count ``n`` and the funds ``m`` left open; the grades are
#: those of the attached 自评表 (golden.GRADES).
PERF = (
    "2024年二级项目绩效自评个数{n}个，涉及资金{m}万元："
    f"{golden.GRADES['优']}个项目自评等级为“优”，{golden.GRADES['中']}个项目自评等级为“中”，"
    f"{golden.GRADES['差']}个项目自评等级为“差”。"
)


def test_n_perf_agrees(seed: Disclosure) -> None:
    r = narrative_report(said(seed, S10, PERF.format(n=golden.EVALUATIONS, m=golden.FUNDS)))
    assert outcome(r) == {("N-perf", "info"), ("N-perf-funds", "info")}
    assert len([f for f in r if f.rule_id == "N-perf"]) == 5  # count, Σ grades, three grades


def test_n_perf_contradicted(seed: Disclosure) -> None:
    r = narrative_report(said(seed, S10, PERF.format(n=22, m="205")))
    assert {
        (f.rule_id, f.severity.value, f.place.column if f.place else None)
        for f in r
        if f.severity is not Severity.INFO
    } == {
        ("N-perf", "error", "2024年二级项目绩效自评个数22个"),  # 21 tables attached
        ("N-perf", "error", "2024年二级项目绩效自评个数22个"),  # 5 + 3 + 13 = 21 stated
        ("N-perf-funds", "warning", "涉及资金205万元"),  # Σ 全年预算数 is 424.93
    }


def test_n_perf_without_evaluations(seed: Disclosure) -> None:
    d = attrs.evolve(said(seed, S10, PERF.format(n=golden.EVALUATIONS, m=golden.FUNDS)),
                     evaluations=())
    r = narrative_report(d)
    assert outcome(r) == set()
    assert {f.rule_id for f in r} == {"N-unchecked"}
    assert all("no 项目支出绩效自评表" in f.message for f in r)


# -- N-residue, N-year -----------------------------------------------------------------------


def test_n_residue(seed: Disclosure) -> None:
    r = narrative_report(said(seed, S01, "与上年相比，收入总计增加（减少）XX万元，主要原因是：。"))
    assert {
        (f.rule_id, f.severity.value, f.place.column if f.place else None)
        for f in r
        if f.rule_id == "N-residue"
    } == {
        ("N-residue", "error", "增加（减少）"),
        ("N-residue", "error", "XX"),
        ("N-residue", "error", "主要原因是："),
    }
    glossary = attrs.evolve(seed.narrative, glossary="一、财政拨款收入：指待填写。")
    r = narrative_report(attrs.evolve(seed, narrative=glossary))
    assert [(f.rule_id, f.place.row if f.place else None) for f in r.select(rule="N-residue")] == [
        ("N-residue", "名词解释")
    ]


def test_n_year(seed: Disclosure) -> None:
    text = (
        "2021年度收入总计648.92万元。截至2024年12月31日共有车辆0辆。"
        "依据《关于编制区级预算和2024-2026年中长期财政规划的通知》。2023年列入项目支出。"
    )
    r = narrative_report(said(seed, S01, text))
    assert [(f.rule_id, f.severity, f.actual) for f in r if f.rule_id == "N-year"] == [
        ("N-year", Severity.WARNING, Decimal(2021))
    ]
    # no year known (none read, and no cover, table or 自评表 stating one, which Y-year's
    # document_year would take): nothing to compare with
    bare = tuple(attrs.evolve(t, meta=attrs.evolve(t.meta, year=None)) for t in seed.tables)
    unknown = attrs.evolve(said(seed, S01, text), year=None, title=None, tables=bare,
                           evaluations=())
    r = narrative_report(unknown)
    assert not [f for f in r if f.rule_id == "N-year"]


# -- the report of claims --------------------------------------------------------------------


def test_every_claim_is_reported(seed: Disclosure) -> None:
    d = said(seed, S09, "1、因公出国（境）费支出0万元，出国（境）团组共0个，0人次。")
    r = narrative_report(d)
    assert sorted((f.rule_id, f.place.column if f.place else "") for f in r) == [
        ("N-unchecked", "0人次"),
        ("N-unchecked", "出国（境）团组共0个"),
        ("X12", "因公出国（境）费支出0万元"),
    ]
    s = claim_summary(r)
    assert (s.claims, s.checked, s.agreed, s.contradicted, s.unverifiable) == (3, 1, 1, 0, 2)


def test_deselected_rule_makes_its_claims_unchecked(seed: Disclosure) -> None:
    d = said(seed, S01, "2024年度收入总计648.92万元。")
    r = check(d, select=("N-unchecked",))
    (f,) = r
    assert f.rule_id == "N-unchecked" and "X12 not run" in f.message


def test_severity_override(seed: Disclosure) -> None:
    d = said(seed, S10, PERF.format(n=22, m=golden.FUNDS))
    r = narrative_report(d, severity={"N-perf": "warning"})
    assert {f.severity for f in r if f.rule_id == "N-perf" and f.severity is not Severity.INFO} == {
        Severity.WARNING
    }


def test_assess_is_pure(seed: Disclosure) -> None:
    a = assess(said(seed, S01, "2024年度收入总计600.00万元。"), CheckOptions())
    assert [(x.rule_id, x.status) for x in a] == [("X12", Status.CONTRADICTED)]


def test_rules_are_narrative_rules() -> None:
    for rule_id in CLAIM_RULES + ("N-residue", "N-year"):
        r = REGISTRY.get(rule_id)
        assert r.subject is Disclosure
        assert r.category is (Category.CROSS_TABLE if rule_id == "X12" else Category.NARRATIVE)
        assert r.doc, rule_id


def test_subjects_resolve_to_the_longest_matching_name(seed: Disclosure) -> None:
    """The suffix index finds what a scan of every term would: the longest name that is the
    subject or ends it (section terms over global ones), a table row's name when longer."""
    from govfin.figures import _TERMS, GLOBAL_TERMS, SCOPE_TERMS, _best
    from govfin.narrative import subject_key

    def scan(key: str, names: Mapping[str, object]) -> tuple[int, object] | None:
        hits = [(len(n), v) for n, v in names.items() if n and key.endswith(n)]
        return max(hits, key=lambda h: h[0]) if hits else None

    assert _TERMS.keys() == SCOPE_TERMS.keys()
    subjects = [c.subject for c in seed.claims()] + ["其中：基本支出", "人员经费（项）", ""]
    for scope, terms in [(None, GLOBAL_TERMS), *_TERMS.items()]:
        for subject in subjects:
            key = subject_key(subject)
            assert _best(key, terms) == scan(key, terms), (scope, subject)
    assert resolve(seed, "一般公共服务支出(类)", "05") == resolve(seed, "一般公共服务支出", "05")
