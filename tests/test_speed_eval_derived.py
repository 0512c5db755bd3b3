"""Shortcuts taken for speed answer as the work they replace (issue 17).

- :attr:`ProjectEvaluation.indicator_values` (one pass per table) gives each indicator's
  :attr:`~Indicator.quantities` and, for a qualitative one, its :attr:`~Indicator.outcome`;
- N-perf-analysis scans only paragraphs holding a literal one of its patterns needs
  (:data:`~govfin.rules.narrative.analysis._ANY_FIGURE`), each with the patterns whose
  literals it holds (``_NEEDS``): no text without them matches;
- :func:`~govfin.rules.years.document_year` counts the years of the statements without
  building them (:func:`~govfin.rules.years._stated_years`);
- :meth:`GradeBands.grade` walks its bands sorted once (not sorted again per call).
"""

from __future__ import annotations

import functools
from collections import Counter
from decimal import Decimal

import attrs
import golden
from hypothesis import given, settings
from hypothesis import strategies as st
from seed_evaluations import seed_evaluations

from govfin.performance import Indicator, ProjectEvaluation
from govfin.performance.formulas import grade
from govfin.performance.schemes import GradeBands
from govfin.readers import read_text
from govfin.rules import check, years
from govfin.rules.narrative import analysis


@functools.cache
def _seed():  # type: ignore[no-untyped-def]
    return read_text(golden.TEXT).disclosure

#: Pieces of indicator values and analysis text as printed (operators, numbers, units,
#: outcome phrases, cut phrases, words of the patterns), and odd characters.
_PIECES = st.sampled_from([
    "≥", "≤", "=", ">", "<", ">=", "≦", "95", "0", "1,000", "2.5", "%", "％", "人", "台(套)",
    "年", "9月30日", "壹", " ", "达成预期指标", "期指标并具", "预期指标且对", "未完成", "基本",
    "部分", "保障", "及时", "执行率", "为", "占", "年初", "全年", "调整后", "预算", "数", "的",
    "万元", "实际支出", "执行数", "总分", "得分", "分", "等级", "结果", "评为", "“", "优", "良",
    "，", "。", "支出", "费用",
])
_TEXT = st.lists(_PIECES, max_size=8).map("".join)


@given(st.lists(st.tuples(_TEXT, _TEXT, _TEXT, _TEXT), max_size=6))
def test_indicator_values_answer_as_each_indicator(rows: list[tuple[str, ...]]) -> None:
    inds = tuple(Indicator("产出指标", "数量指标", f"指标{i}", initial_value=a, target=b,
                           actual=c, note=n) for i, (a, b, c, n) in enumerate(rows))
    ev = ProjectEvaluation("项目", indicators=inds)
    assert len(ev.indicator_values) == len(inds)
    for (ind, quantities, outcome), row in zip(ev.indicator_values, inds, strict=True):
        assert ind is row
        assert quantities == ind.quantities
        assert outcome == (ind.outcome if ind.quantities is None else None)


def test_indicator_values_on_the_seed() -> None:
    for ev in seed_evaluations():
        for ind, quantities, outcome in ev.indicator_values:
            assert quantities == ind.quantities
            assert outcome == (ind.outcome if quantities is None else None)


@given(_TEXT)
def test_a_paragraph_without_the_literals_restates_no_figure(text: str) -> None:
    for what, pattern in analysis._ANALYSIS_FIGURES:
        if pattern.search(text) is not None:
            assert analysis._ANY_FIGURE.search(text) is not None
            assert analysis._may_match(what, text)


def test_the_literals_are_those_of_the_patterns() -> None:
    for what, pattern in analysis._ANALYSIS_FIGURES:
        for group in analysis._NEEDS[what]:
            assert any(lit in pattern.pattern for lit in group), (what, group)


# -- the document's year without its statements ---------------------------------------------------

_YEARS = st.sampled_from([None, 2023, 2024, 2025])
_TITLES = st.sampled_from([None, "", "收入支出决算总表", "2024年度部门决算", "2023 年部门收入预算总表",
                           "1999年", "20245年", "二〇二四年"])


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_document_year_answers_as_the_statements(data: st.DataObject) -> None:
    seed = _seed()
    tables = tuple(
        attrs.evolve(t, meta=attrs.evolve(t.meta, year=data.draw(_YEARS),
                                          title=data.draw(_TITLES)))
        for t in seed.tables[: data.draw(st.integers(0, len(seed.tables)))]
    )
    evaluations = tuple(
        attrs.evolve(ev, year=data.draw(_YEARS))
        for ev in seed.evaluations[: data.draw(st.integers(0, 4))]
    )
    d = attrs.evolve(seed, title=data.draw(_TITLES), year=data.draw(_YEARS), tables=tables,
                     evaluations=evaluations)
    statements = years.year_statements(d)
    assert years._stated_years(d) == [s.year for s in statements]
    counts = Counter(s.year for s in statements)
    decided = years.document_year(d)
    if not counts:
        assert decided == d.year
    elif list(counts.values()).count(max(counts.values())) == 1:
        assert counts[decided] == max(counts.values())


# -- grades over bands sorted once ------------------------------------------------------------------

_SCORES = st.decimals(min_value=-10, max_value=110, places=2, allow_nan=False)


@given(st.lists(st.tuples(_SCORES, st.sampled_from(["优", "良", "中", "合格", "A"])), max_size=5),
       _SCORES)
def test_grade_bands_grade_as_the_formula(bands: list[tuple[Decimal, str]], total: Decimal) -> None:
    g = GradeBands(bands)
    assert g.grade(total) == grade(total, bands, g.floor)


def test_qualitative_bands_keep_each_weight_as_printed() -> None:
    """E-qualitative keeps a band per printed weight: 10 and 10.00 are one number, but the
    band of each is said with its own edge."""
    inds = tuple(Indicator("效益指标", "社会效益指标", name, actual="达成预期指标",
                           weight=Decimal(w), score=Decimal(5))
                 for name, w in (("甲", "10"), ("乙", "10.00")))
    ev = ProjectEvaluation("项目", indicators=inds)
    (f,) = [f for f in check(ev) if f.rule_id == "E-qualitative"]
    assert "甲 5 of 10 (band [8.00, 10]" in f.message
    assert "乙 5 of 10.00 (band [8.00, 10.00]" in f.message
