"""Every table title collected from real published 部门预算/决算 is identified as its kind.

tests/data/titles/titles.tsv lists titles as printed (with the document's numbering, year,
department name, "(续)"), where each was printed, and what govfin must take it for: a table
kind (its ``KIND``; "A|B" when two budget families print the same title and the header
decides), a 项目支出绩效目标表 or 绩效自评表, "unread" (a real table govfin has no kind for) or
"not a disclosure table" (a heading of the same documents).  Titles go through the functions
the segmenter uses (:func:`govfin.readers.identify.identify_title`, the plan and evaluation
title tests), so a title read here is read in a document.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tsv_rows import tsv_rows

from govfin.readers.evaluations import is_evaluation_title
from govfin.readers.identify import identify_title
from govfin.readers.plan import is_plan_title
from govfin.tables import Table, kind_after_name, normalize_title
from govfin.tables.budget import title_candidates

DATA = Path(__file__).parent / "data" / "titles" / "titles.tsv"
PLAN = "项目支出绩效目标表"
EVALUATION = "项目支出绩效自评表"
NONE = ("unread", "not a disclosure table")


ROWS = tsv_rows(DATA)
TITLE, SOURCE, EXPECTED, DEPARTMENT = "title as printed", "source", "expected", "department"


def identified(title: str, department: str | None = None) -> set[str]:
    """What the readers take a title line for: the kinds it may name (one, or the budget kinds
    sharing the title when the header decides), PLAN, EVALUATION, or nothing."""
    if is_evaluation_title(title):
        return {EVALUATION}
    if is_plan_title(title):
        return {PLAN}
    kind = identify_title(title, department or None)
    if kind is None:
        return set()
    if kind.DOCUMENT == "预算":
        return {kind.KIND} | {k.KIND for k in title_candidates(title)}
    return {kind.KIND}


def expected(row: dict[str, str]) -> set[str]:
    return set() if row[EXPECTED] in NONE else set(row[EXPECTED].split("|"))


def test_the_table_is_real_data():
    assert len(ROWS) >= 100
    sources = {r[SOURCE] for r in ROWS}
    assert len([s for s in sources if s.startswith("http")]) >= 6
    kinds = set(Table.KINDS) | {PLAN, EVALUATION}
    for r in ROWS:
        assert r[TITLE].strip(), r
        assert r[SOURCE].startswith(("http://", "https://", "corpus:")) or r[SOURCE] == "reported"
        assert expected(r) <= kinds, f"unknown kind in {r}"


@pytest.mark.parametrize("row", ROWS, ids=[f"{i}-{r[TITLE]}" for i, r in enumerate(ROWS)])
def test_title_is_identified_as_its_kind(row):
    want = expected(row)
    got = identified(row[TITLE], row[DEPARTMENT])
    if not want:
        assert got == set(), f"{row[TITLE]!r} ({row[EXPECTED]}) taken for {got}"
    else:
        assert got, f"{row[TITLE]!r} unread; it is {want}"
        assert got <= want, f"{row[TITLE]!r} taken for {got - want}; it is {want}"


def test_no_budget_title_is_taken_for_a_final_account_kind_nor_the_reverse():
    for r in ROWS:
        for name in identified(r[TITLE], r[DEPARTMENT]) - {PLAN, EVALUATION}:
            doc = Table.KINDS[name].DOCUMENT
            assert doc in normalize_title(r[TITLE]) or doc == "预算", r  # 预算 titles may omit it
            if "决算" in r[TITLE]:
                assert doc == "决算", r


KINDED = [r for r in ROWS if r[EXPECTED] not in NONE and expected(r) - {PLAN, EVALUATION}]
_FRONT = st.sampled_from(["", "附表3 ", "表1-2 ", "表四 ", "2024年", "2025年度", "表2 2025年"])
_BACK = st.sampled_from(["", "(续)", "（续）", "（续表）", "续表", "（公开01表）"])
_NAME = st.sampled_from(["", "柞水县审计局", "杭州市钱塘区综合行政执法局（杭州市钱塘区城市管理局）",
                         "上海市普陀区人民政府万里街道办事处"])


_ENUMERATOR = re.compile(r"^(?:[一二三四五六七八九十]{1,3}、|表 ?\d{1,2}：)")


#: The titles with a kind, without the enumerator the document printed ("三、", "表 3："); those
#: printed with a number in front ("附表1 …": a name never stands before it) or a "(续)" are
#: left out.
UNNUMBERED = [
    (r, t)
    for r in KINDED
    if not (t := _ENUMERATOR.sub("", r[TITLE])).startswith(("附表", "表", "公开"))
    and "续" not in t
]


@given(st.sampled_from(UNNUMBERED), _FRONT, _NAME, _BACK)
def test_numbering_year_name_and_continuation_do_not_change_the_kind(pair, front, name, back):
    row, title = pair
    framed = front + name + title + back
    got = identified(framed)
    assert got, f"{framed!r} unread; it is {expected(row)}"
    assert got <= expected(row), f"{framed!r} taken for {got}; it is {expected(row)}"


def test_a_name_in_front_is_taken_only_when_it_is_a_name():
    assert kind_after_name("泸州市中医医院收入支出决算总表").KIND == "收入支出决算总表"
    assert kind_after_name("丰都县林业局(本级)收入决算表").KIND == "收入决算表"
    # names holding words of titles
    assert kind_after_name("楚雄州统计局2019年度收入支出决算总表").KIND == "收入支出决算总表"
    assert kind_after_name("上海市松江区水利建设项目管理服务中心收入决算表").KIND == "收入决算表"
    assert kind_after_name("XX市社会保险基金管理中心部门收支总表").KIND == "部门收支总表"
    # more table words before a kind's title: a table no kind models, not the shorter kind
    assert kind_after_name("一般公共预算财政拨款项目支出决算表") is None
    assert kind_after_name("一般公共预算财政拨款收入支出决算表") is None
    assert kind_after_name("财政拨款支出决算明细表") is None
    # prose that ends with a title is not a title
    assert kind_after_name("详见附件：收入决算表") is None
    assert kind_after_name("关于收入支出决算总表，说明如下收入决算表") is None


@pytest.mark.parametrize("kind", sorted(Table.KINDS, key=str), ids=str)
def test_the_end_of_a_wrapped_title_is_not_taken_for_a_name_and_a_title(kind: str) -> None:
    """A title wrapped over two lines ("…国有资本经营预算财政" / "拨款支出决算表") leaves a piece of
    title in front of a shorter kind's title on its second line: that piece names no department,
    so the second line alone identifies nothing (it would hide the table it belongs to)."""
    cls = Table.KINDS[kind]
    for title in (cls.KIND, *cls.TITLES):
        for cut in range(1, len(title) - 1):
            found = kind_after_name(title[cut:])
            assert found is None or found is cls, (title, title[cut:], found)
