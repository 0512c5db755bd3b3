"""Shortcuts taken for speed answer as the work they replace (issue 17).

- :func:`govfin.narrative.text._widths` counts the wide characters as the characters left
  when the runs of narrow ones are taken out (one string per run, not one per character),
  and :func:`~govfin.narrative.text._full_lines` is given the lines already compacted;
- :func:`govfin.performance.targets.parse_target` / :func:`parse_actual` keep each text's
  parse (:func:`~govfin.performance.targets._parsed`), and
  :func:`~govfin.performance.targets.classify_outcome` each text's outcome: a memoised answer
  equals a fresh parse of the same text, whatever was asked before it;
- :func:`govfin.rules.narrative.share_sum._membership` keeps the partitions of each part's
  name, and ``_name`` each subject's name (N-share-sum): the scan of every partition's members
  and a fresh name give the same.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govfin.errors import ArgumentTypeError
from govfin.performance import targets

#: Pieces of indicator values as printed, and odd characters.
_PIECES = st.sampled_from([
    "≥", "≤", "=", ">", "<", ">=", "=<", "≦", "==", "95", "0", "1,000", "2.5", ".5", "%", "％",
    "人", "台(套)", "年", "9月30日", "壹", " ", "\u3000", "达成预期指标", "期指标并具",
    "预期指标且对", "未完成", "基本", "部分", "及时", "。", "-", "+", "１２", "ｍ",
])
_TEXT = st.lists(_PIECES, max_size=6).map("".join) | st.text(max_size=8)


@given(st.lists(_TEXT, max_size=6))
def test_a_memoised_parse_is_a_fresh_parse(texts: list[str]) -> None:
    for text in texts:  # (texts repeat within a list: the second read is the memo's)
        for op in (True, False):
            fresh = targets._parsed.__wrapped__(text, op)
            assert targets._parsed(text, op) == fresh
            got = targets.parse_target(text) if op else targets.parse_actual(text)
            assert got == fresh
            if got is not None:
                assert got.text == text
        assert targets.classify_outcome(text) is targets.classify_outcome.__wrapped__(text)


def test_a_value_that_is_no_text_is_still_a_typed_error() -> None:
    for bad in (None, 95, ["≥95%"]):
        with pytest.raises(ArgumentTypeError):
            targets.parse_target(bad)  # type: ignore[arg-type]
        with pytest.raises(ArgumentTypeError):
            targets.parse_actual(bad)  # type: ignore[arg-type]


@given(st.text(max_size=40) | st.lists(st.sampled_from(
    ["收入", "合计", "55.40%", "。", " ", "\u3000", "\u10ff", "\u1100", "“", "—", "ｘ", "\U00020000",
     "\t", "a"]), max_size=12).map("".join))
def test_the_width_counts_the_wide_characters_as_a_list_of_them_does(raw: str) -> None:
    from govfin.narrative import text as t

    stripped = raw.strip()
    wide = len(re.findall("[^\x00-\u10ff]", stripped))
    assert t._widths(raw) == (
        len(stripped) + wide,
        len("".join(stripped.split())) + wide - stripped.count("\u3000"),
    )


@given(st.lists(st.text(alphabet="收入合计 \u3000。，12.5%ab\t", max_size=40), max_size=8))
def test_full_lines_with_the_compact_lines_given_are_those_counted_afresh(raws: list[str]) -> None:
    from govfin.narrative import text as t

    compact = ["".join(r.split()) for r in raws]
    assert t._full_lines(raws, compact) == t._full_lines(raws)
    for raw, c in zip(raws, compact, strict=True):
        assert t._widths(raw, len(c)) == t._widths(raw)


@given(st.lists(st.sampled_from(["基本支出", "项目支出", "人员经费", "公用经费", "财政拨款", "收入",
                                 "上年结转", "其他收入", "货物", "工程", "服务", "公务接待费",
                                 "因公出国（境）费", "公务用车", "购置", "运行费", "支出", "x"]),
                max_size=3).map("".join))  # fmt: skip
def test_a_share_parts_partitions_are_found_once_as_by_a_scan(name: str) -> None:
    from govfin.rules.narrative import share_sum

    scan = tuple((p, m.pattern) for p, members in share_sum.PARTITIONS.items()
                 for m in members if m.fullmatch(name))  # fmt: skip
    assert share_sum._membership(name) == scan
    assert share_sum._membership(name) == scan  # (the memo's answer)
    for subject in (name, f"本年{name}预算数", f"{name}决算"):
        assert share_sum._name(subject) == share_sum._name.__wrapped__(subject)
