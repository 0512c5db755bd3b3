"""gaps9 item 2: two direction words printed where one belongs (N-garbled).

Real slips: "比 2024 年度减增加 21.90 万元" and "决算数大小于预算数" (上海市普陀区石泉路街道 2025
决算), "比2025年预算增加增加27.45万元" and "与2025年预算增加持平" (上海市普陀区文化和旅游局 2026
预算).  The same word twice is a slip that leaves the meaning clear: a warning, the change still
read and checked.  Opposite words make the direction unknowable: a warning, and no check that
needs the direction (N-change not checkable, N-direction and N-change-sum leave it out).
"""

from __future__ import annotations

import pytest
from gaps9_texts import NAMES, checked

from govfin.disclosure import Disclosure, Narrative
from govfin.findings import Severity
from govfin.narrative import ChangeClaim, extract_claims
from govfin.rules import REGISTRY, check
from govfin.rules.narrative.garbled import garbles

SANGONG = "七、财政拨款“三公”经费支出决算情况说明"
FIVE = "五、一般公共预算财政拨款支出决算情况说明"
INTRO = "2026年部门预算编制说明"


#: The narrative's rules (a text alone has no tables: the others report them missing).
RULES = [
    r for r in REGISTRY if (r.id.startswith("N-") and r.subject is Disclosure) or r.id == "X12"
]


def _narrative(text: str, heading: str = SANGONG, kind: str = "决算") -> Disclosure:
    return Disclosure(year=2025, kind=kind,
                      narrative=Narrative.from_text(f"{heading}\n{text}\n"))  # fmt: skip


def _by_rule(d: Disclosure, *rules: str) -> list:
    return [f for f in check(d, rules=RULES) if f.rule_id in rules]


# -- the words --------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "found"), [
    ("比2024年度减增加21.90万元", [("减增加", "opposite")]),
    ("决算数大小于预算数的主要原因：…", [("大小于", "opposite")]),
    ("比2025年预算增加增加27.45万元", [("增加增加", "doubled")]),
    ("与2025年预算增加持平", [("增加持平", "opposite")]),
    ("比上年减少增长3%", [("减少增长", "opposite")]),
    ("比上年下降减少3万元", [("下降减少", "doubled")]),
    # words of their own, or no figure after the words
    ("比上年新增减少3万元", []),
    ("比上年核减增加3万元", []),
    ("收入增减变化不大，基本持平", []),
    ("工业增加值增加3万元", []),
    ("规模大小于是确定", []),
])  # fmt: skip
def test_garbles(text, found):
    assert [(g.text, g.kind) for g in garbles(text)] == found


def test_opposite_words_leave_the_direction_unknown():
    (c, _) = extract_claims(
        "“三公”经费支出比2024年度减增加21.90万元，增长141.75%，其中：公务接待费0万元。"
    )
    assert isinstance(c, ChangeClaim) and c.garbled == "减增加"
    assert c.subject == "“三公”经费支出"  # (was "“三公”经费支出比2024年度减")
    (_, level) = extract_claims("政府性基金拨款支出预算0万元，与2025年预算增加持平。")
    assert isinstance(level, ChangeClaim) and level.garbled == "增加持平"
    assert level.subject == "政府性基金拨款支出预算"


def test_doubled_words_read_as_one():
    (_, c, _) = extract_claims(
        "财政拨款收入27,807.61万元，比2025年预算增加增加27.45万元；事业收入0万元。"
    )
    assert isinstance(c, ChangeClaim) and c.garbled is None and c.direction == "增加"
    assert c.subject == "财政拨款收入"  # (was "增加")


# -- the rule on the real documents -------------------------------------------------------------


def _garbled(name: str) -> set[tuple[str | None, str | None, int | None, str]]:
    return {
        (f.place.row, f.place.column, f.place.line, f.message.split("”")[0].lstrip("“"))
        for f in checked(name) if f.rule_id == "N-garbled"
    }  # fmt: skip


def test_shiquan_2025_final():
    report = checked("sh-putuo-shiquan-2025-final")
    change = "2025年度“三公”经费财政拨款支出决算数比2024年度减增加21.90万元，增长141.75%"
    assert _garbled("sh-putuo-shiquan-2025-final") == {
        (SANGONG, change, 457, "减增加"),
        (FIVE, "决算数大小于预算数的主要原因", 413, "大小于"),
    }
    assert all(f.severity is Severity.WARNING for f in report if f.rule_id == "N-garbled")
    # the garbled change: not checked (it agreed, read as an increase, before)
    about = [f for f in report if f.place and f.place.column == change]
    assert sorted(f.rule_id for f in about) == ["N-garbled", "N-unchecked"]
    assert "garbled" in next(f for f in about if f.rule_id == "N-unchecked").message


def test_wenlvju_2026_budget():
    report = checked("sh-putuo-wenlvju-2026-budget")
    assert _garbled("sh-putuo-wenlvju-2026-budget") == {
        (INTRO, "比2025年预算增加增加27.45万元", 4, "增加增加"),
        (INTRO, "与2025年预算增加持平", 5, "增加持平"),
    }
    # the doubled word: the change is 财政拨款收入's, checked (it agrees)
    (n,) = [
        f
        for f in report
        if f.rule_id == "N-change" and f.place.column == "比2025年预算增加增加27.45万元"
    ]
    assert "agrees" in n.message
    # 增加持平: not checked
    (u,) = [f for f in report if f.place and f.place.column == "与2025年预算增加持平"
            and f.rule_id != "N-garbled"]  # fmt: skip
    assert u.rule_id == "N-unchecked" and "garbled" in u.message


KNOWN = {"sh-putuo-shiquan-2025-final": 2, "sh-putuo-wenlvju-2026-budget": 2}


@pytest.mark.parametrize("name", NAMES)
def test_real_texts_report_it_only_where_printed(name):
    assert len(_garbled(name)) == KNOWN.get(name, 0)


# -- no check rests on a garbled direction -----------------------------------------------------


def test_no_change_sum_or_rate_on_a_garbled_whole():
    # read as +5 the whole would contradict its parts (−5 in all); read as −5 it agrees:
    # which is meant is not known, so nothing is said of the sum or the rate
    text = ("“三公”经费支出比上年减增加5万元，下降50%，其中：因公出国（境）费与上年持平；"
            "公务用车购置及运行费减少3万元；公务接待费减少2万元。")  # fmt: skip
    d = _narrative(text)
    assert [f.rule_id for f in _by_rule(d, "N-garbled")] == ["N-garbled"]
    assert not [f for f in check(d, rules=RULES) if f.severity is Severity.ERROR]
    assert not _by_rule(d, "N-change-sum")


def test_no_change_sum_on_a_garbled_part():
    text = ("“三公”经费支出比上年减少5万元，其中：因公出国（境）费与上年持平；"
            "公务用车购置及运行费减增加3万元；公务接待费减少2万元。")  # fmt: skip
    d = _narrative(text)
    assert not [f for f in check(d, rules=RULES) if f.severity is Severity.ERROR]
    assert not _by_rule(d, "N-change-sum")


def test_no_direction_contradiction_on_a_garbled_change():
    # read as 增加, "故较上年减少" would contradict it (N-direction)
    text = "支出合计比上年减增加5万元，主要是人员减少，故较上年减少。"
    d = _narrative(text, "一、收入支出决算总体情况说明")
    assert not _by_rule(d, "N-direction")
    assert [f.rule_id for f in _by_rule(d, "N-garbled")] == ["N-garbled"]
    # the same text without the slip: the contradiction is found
    assert _by_rule(_narrative(text.replace("减增加", "增加"), "一、收入支出决算总体情况说明"),
                    "N-direction")  # fmt: skip


def test_a_reason_printed_with_garbled_comparatives_is_a_reason():
    # over budget, and the reason is given ("大小于"): N-over-budget does not ask for it
    text = ("一般公共预算财政拨款支出年初预算为100.00万元，支出决算为120.00万元，完成年初预算的"
            "120.00%。决算数大小于预算数的主要原因：追加了项目。")  # fmt: skip
    d = _narrative(text, FIVE)
    assert not _by_rule(d, "N-over-budget")
    assert _by_rule(_narrative(text.replace("大小于", "等于"), FIVE), "N-over-budget")
