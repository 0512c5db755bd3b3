"""gaps9 item 1: one figure said both to have changed and to be level.

"公务接待费支出决算减少为 0.00万元，与 2024 年持平" (上海市普陀区生态环境局 2025 决算,
tests/data/real/sh-putuo-shengtai-2025-final.tsv, line 292): "减少为" says the figure fell (to
0.00), "持平" that it did not move.  A 持平 of the same figure in the sentence of a figure stated
with a direction ("减少为", "增加到", "下降至") contradicts it (N-change, an error at both places).  "与上年持平" said of a figure whose change
is 0, or of another subject, is fine.
"""

from __future__ import annotations

import pytest
from gaps9_texts import NAMES, checked

from govfin.disclosure import Disclosure, Narrative
from govfin.findings import Severity
from govfin.narrative import AmountClaim, ChangeClaim, extract_claims
from govfin.rules import REGISTRY, check

SANGONG = "七、财政拨款“三公”经费支出决算情况说明"
#: The message of the contradiction (a 持平 against a figure said to have moved to its value).
BOTH = "one figure both changed and level"


#: The narrative's rules (a text alone has no tables: the others report them missing).
RULES = [
    r for r in REGISTRY if (r.id.startswith("N-") and r.subject is Disclosure) or r.id == "X12"
]


def _narrative(text: str, kind: str = "决算") -> Disclosure:
    return Disclosure(year=2025, kind=kind,
                      narrative=Narrative.from_text(f"{SANGONG}\n{text}\n"))  # fmt: skip


def _level_errors(d: Disclosure) -> list:
    return [
        f for f in check(d, rules=RULES) if f.rule_id == "N-change" and f.severity is Severity.ERROR
    ]


def test_fell_to_keeps_its_direction():
    (amount, level) = extract_claims("公务接待费支出决算减少为 0.00万元，与 2024 年持平。")
    assert isinstance(amount, AmountClaim) and amount.moved == "减少"
    assert amount.amount.value == 0
    assert isinstance(level, ChangeClaim) and level.direction == "持平"
    assert level.key == amount.key  # (the 持平 is of the same figure)


def test_fell_to_is_not_checked_against_a_table():
    # "减少为X" may give the figure reached or (the 上海 template's "减少（增加）XXX 万元" filled
    # so) the change: no table figure is resolved for it
    report = checked("sh-putuo-shengtai-2025-final")
    about = [f for f in report if f.place and f.place.column == "公务接待费支出决算减少为0.00万元"]
    assert [f.rule_id for f in about] == ["N-unchecked"]


def test_the_real_document_is_reported_at_both_places():
    report = checked("sh-putuo-shengtai-2025-final")
    (f,) = [f for f in report if f.rule_id == "N-change" and BOTH in f.message]
    assert f.severity is Severity.ERROR
    assert (f.place.table, f.place.row, f.place.line) == ("情况说明", SANGONG, 292)
    assert [c.column for c in f.cells] == [
        "与2024年持平（第2处）",
        "公务接待费支出决算减少为0.00万元",
    ]
    # the other 持平 of the same line (因公出国（境）费, 0.00 and level) is fine
    assert not [g for g in report if g.place and g.place.column == "与2024年持平"
                and g.severity is Severity.ERROR]  # fmt: skip


@pytest.mark.parametrize("text", [
    "公务接待费支出决算增加到3.00万元，与上年持平。",
    "公务接待费支出决算下降至1.00万元，与2024年持平。",
    "与上年持平，公务接待费支出决算减少为0万元。",
])  # fmt: skip
def test_a_move_and_level_of_one_figure(text):
    (f,) = _level_errors(_narrative(text))
    assert BOTH in f.message and len(f.cells) == 2


@pytest.mark.parametrize("text", [
    # a change of 0 and 持平: consistent
    "公务接待费支出决算减少0.00万元，与上年持平。",
    "公务接待费支出决算为0.00万元，与2024年持平。",
    # the 持平 names another subject
    "公务接待费支出决算减少为0万元，因公出国（境）费支出决算与上年持平。",
    # a 决算 level with its budget is another comparison than the year's
    "公务接待费支出决算减少为3万元，与年初预算持平。",
    # fell to 0 in one sentence, 持平 of the same figure in the next (another statement)
    "公务接待费支出决算减少为0万元。公务用车购置费与上年持平。",
])  # fmt: skip
def test_consistent_statements_are_not_reported(text):
    assert _level_errors(_narrative(text)) == []


KNOWN = {"sh-putuo-shengtai-2025-final": 1}


@pytest.mark.parametrize("name", NAMES)
def test_real_texts_report_it_only_where_printed(name):
    found = [f for f in checked(name) if BOTH in f.message]
    assert len(found) == KNOWN.get(name, 0)
