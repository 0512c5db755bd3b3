"""Claim extraction's shortcuts (issue 17) answer as the walk they skip.

- a sentence without a digit goes straight to its claims without a number (no token, year,
  绩效 figure or "respectively" list can be read from it): the claims of real narratives, the
  seed and a real 2025 预算, and of texts built from their words, are those of the full walk
  (:data:`govfin.narrative.claims._DIGIT` made to match everything turns the shortcut off);
- a sentence without a bracket has no figure inside one (:func:`_open_brackets` is asked only
  of sentences with a bracket).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from seed_disclosure import seed_disclosure

from govfin.narrative import claims as C
from govfin.narrative import sentences
from govfin.readers import read_text

DATA = Path(__file__).parent / "data"
#: A real 部门预算 (tests/data/accuracy/README.md says where it comes from).
BUDGET = DATA / "accuracy" / "sh-putuo-wanlijiedao-2025-yusuan.txt"


@contextmanager
def _full_walk() -> Iterator[None]:
    """Every sentence walked in full, as before the shortcut."""
    kept = C._DIGIT
    C._DIGIT = re.compile("")  # (matches every text)
    try:
        yield
    finally:
        C._DIGIT = kept


def _both(text: str, section: str) -> tuple[tuple[object, ...], tuple[object, ...]]:
    """(claims with the shortcut, claims of the full walk), each with its lines."""
    sents = sentences(text, section=section, first_line=1)
    fast = C.claims_in(sents, section=section)
    with _full_walk():
        full = C.claims_in(sents, section=section)
    return (fast, tuple(c.line for c in fast)), (full, tuple(c.line for c in full))


@functools.cache
def _real_sections() -> tuple[tuple[str, str], ...]:
    """(heading, text) of every section of the real narratives, the seed and the 2025 预算."""
    out = [
        ("情况说明", path.read_text(encoding="utf-8").split("\n", 1)[1])
        for path in sorted((DATA / "narratives").glob("*.txt"))
    ]
    for d in (seed_disclosure(), read_text(BUDGET.read_text(encoding="utf-8")).disclosure):
        out += [(s.heading, s.text) for s in d.narrative.sections]
    return tuple(out)


def test_real_narratives_give_the_claims_of_the_full_walk() -> None:
    sections = _real_sections()
    assert len(sections) > 20
    claims = 0
    for heading, text in sections:
        fast, full = _both(text, heading)
        assert fast == full, heading
        claims += len(fast[0])
    assert claims > 300  # (the texts do hold claims: the comparison compares something)


#: Words of the narratives, numbers, marks and brackets, and sentences without a digit
#: ("本年度无此项收支", "与上年相同") between sentences with numbers.
_PIECES = st.sampled_from([
    "2024年", "收入总计", "支出", "648.92万元", "100万元", "5个", "3辆", "55.40%", "21.18%",
    "增加", "减少", "下降", "与上年相同", "持平", "本年度无此项收支", "本部门无", "占比", "其中",
    "：", "，", "。", "；", "（", "）", "(", ")", "各", "分别为", "、", "和", "自评", "项目",
    "涉及资金", "等级为“优”", "平均得分", "91.2分", "比上年", "完成年初预算的", "一般公共预算",
    "\n", "一、", "（一）", "１２万元", "٣万元",
])  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join))
def test_built_texts_give_the_claims_of_the_full_walk(text: str) -> None:
    fast, full = _both(text, "一、收入支出决算总体情况说明")
    assert fast == full


@given(st.text(alphabet="收入万元12.5（其中)，。各分别", max_size=30), st.integers(0, 40))
def test_a_text_without_a_bracket_has_no_open_bracket(text: str, at: int) -> None:
    if "(" not in text and "（" not in text:
        assert not C._open_brackets(text, at)
