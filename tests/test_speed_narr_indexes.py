"""The narrative's look-ups built for speed (issue 17) answer as the scans they replace.

- :func:`govfin.narrative.residue_in` screens all sentences at once before searching each;
- a :class:`govfin.figures.Resolver` keeps each figure it found, and the 决算 terms are looked
  up once per process (:func:`govfin.figures._term`);
- a disclosure keeps its narrative's assessment between check runs.
"""

from __future__ import annotations

from pathlib import Path

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st
from seed_disclosure import seed_disclosure

from govfin.amounts import Tolerance, ToleranceMode
from govfin.disclosure import Disclosure
from govfin.figures import _TERMS, GLOBAL_TERMS, Resolver, _best, _term, scope_of
from govfin.narrative import Sentence, TemplateResidue, residue_in
from govfin.narrative.residue import RESIDUE_PATTERNS, _search
from govfin.readers import read_text
from govfin.rules import check

#: A real 部门预算 (tests/data/accuracy/README.md says where it comes from).
BUDGET = Path(__file__).parent / "data" / "accuracy" / "sh-putuo-wanlijiedao-2025-yusuan.txt"

# -- residue: the screen finds what a search of each sentence for each pattern finds -------------


def _scan(sents: list[Sentence]) -> tuple[TemplateResidue, ...]:
    """Every pattern searched in every sentence (what residue_in did before its screen)."""
    return _search(sents, RESIDUE_PATTERNS)


#: Characters the patterns are made of, and others; white space and newlines included (a
#: sentence built by hand may hold them).
_PIECES = st.sampled_from(
    [
        "增加", "减少", "持平", "（", "）", "(", ")", "X", "x", "Ｘ", "×", "＊", "*", ",", "，",
        ".", "。", "；", "占比", "增长", "8", "5.5", "%", "待填写", "【", "填", "】", "{", "}",
        "｛", "｝", "如", "无", "不涉及", "不列", "保留该表格式", "主要原因", "是", "：", " ",
        "\n", "a", "Ab", "万元", "收入",
    ]
)  # fmt: skip
_TEXTS = st.lists(_PIECES, max_size=14).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_TEXTS, st.sampled_from(["一、收入", "二、支出"])), max_size=6))
def test_residue_screen_finds_what_the_scan_finds(parts: list[tuple[str, str]]) -> None:
    sents = [Sentence(text, section, 0, ((0, i + 1),)) for i, (text, section) in enumerate(parts)]
    assert residue_in(sents) == _scan(sents)


def test_residue_of_the_seed_is_the_scan() -> None:
    sents = list(seed_disclosure().narrative._sentences())
    assert residue_in(sents) == _scan(sents)


# -- resolution: kept figures and looked-up terms --------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from([*GLOBAL_TERMS, "支出", "收入", "基本支出", "其他"]), max_size=3)
    .map("".join),
    st.sampled_from([None, "01", "04", "05", "06", "07", "08", "09", "10", "perf"]),
)
def test_term_is_the_suffix_scan(key: str, scope: str | None) -> None:
    terms = _TERMS.get(scope or "", GLOBAL_TERMS)
    keys = [key] + ([key[:-2]] if key.endswith("支出") and len(key) > 2 else [])
    expected = next((f for f in (_best(k, terms) for k in keys) if f is not None), None)
    assert _term(key, scope) == expected


def _asked(d: Disclosure) -> list[tuple[str, str | None, str | None]]:
    kind = "预算" if d.kind == "预算" else "决算"
    return [
        (c.subject, scope_of(c.section, kind), getattr(c, "attribute", None)) for c in d.claims()
    ]


def test_a_resolver_answers_again_as_a_new_one() -> None:
    for d in (seed_disclosure(), read_text(BUDGET.read_text(encoding="utf-8")).disclosure):
        assert d.claims()
        kept = Resolver(d)
        asked = _asked(d)
        assert any(kept(*a) is not None for a in asked)
        for a in asked * 2:  # the second time from what the resolver kept
            assert kept(*a) == Resolver(d)(*a), a


# -- a disclosure's kept assessment ---------------------------------------------------------------


def _report(d: Disclosure, **options: object) -> list[tuple[object, ...]]:
    r = check(d, select=["N", "X12"], **options)  # type: ignore[arg-type]
    return [(f.rule_id, f.severity, f.message, f.place) for f in r]


def test_a_disclosure_checked_again_reports_the_same() -> None:
    d = seed_disclosure()
    first = _report(d)
    assert first and _report(d) == first
    coarse = Tolerance(ToleranceMode.TRUNCATE)
    assert _report(seed_disclosure(), tolerance=coarse) != first  # (the tolerance matters)
    # another tolerance is not answered from the kept assessment: as a new disclosure's
    assert _report(d, tolerance=coarse) == _report(seed_disclosure(), tolerance=coarse)
    assert _report(d) == first


def test_last_years_disclosure_is_not_answered_from_the_kept_assessment() -> None:
    d = seed_disclosure()
    _report(d)
    previous = attrs.evolve(seed_disclosure(), year=2023)
    with_previous = _report(d, extra={"previous": previous})
    assert with_previous == _report(seed_disclosure(), extra={"previous": previous})
    assert with_previous != _report(d)  # last year's figures decide changes
