"""A 部门预算's 情况说明 printed in a PDF reads as the text it was printed from.

The Shanghai 2025 budget of 万里街道 (tests/data/accuracy/sh-putuo-wanlijiedao-2025-yusuan.txt, a
real budget as text) is rendered whole — its tables and its 情况说明 — by tests/budget_render.py
and read back with govfin's PDF path.  The narrative is printed two ways (:class:`BudgetLayout`
``reflow``):

- line for line as the text holds it ("shanghai": the text is the line dump of the district's
  PDF, so its lines break where that PDF's did — inside a subject, "主要领导干部用" / "车0辆",
  or between a subject and its number, "比2024年预算增加" / "3,355.65万元");
- as whole paragraphs wrapped at the page's own width, in a larger type ("national"): the lines
  break elsewhere, inside numbers' neighbourhoods and subjects, a paragraph runs over a page
  footer, and a paragraph's last line may fill the page's width.  What such a PDF says is the
  text with each paragraph on one line (:func:`budget_render.paragraphs`), so that is what it is
  compared with.

For each, the read gives the same sections (headings, text), sentences, claims (kind, text,
subject, figures, units) and the same findings of check() — the narrative's N-… and the
cross-table X12 — as the text (line numbers differ: they are the PDF's).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest

pytest.importorskip("pdfplumber")
pytest.importorskip("pypdfium2")
pytest.importorskip("reportlab")

from budget_render import LAYOUTS, BudgetLayout, paragraphs, render_budget_pdf
from test_budget_pdf_variants import comparable_findings

from govfin.disclosure import Disclosure
from govfin.readers import read_text
from govfin.readers.document import ReadResult
from govfin.readers.files import read_paths

TEXT = Path(__file__).parent / "data" / "accuracy" / "sh-putuo-wanlijiedao-2025-yusuan.txt"
BUDGET = read_text(TEXT.read_text(encoding="utf-8")).disclosure

#: The layouts whose narrative is read back: one printing the text's lines, the others
#: reflowing them — at 12 pt ("national"), at 10.5 pt on the Shanghai tables (a paragraph's last
#: line filling the page's width: it must not be joined to the next paragraph, which would put
#: two "比2024年预算增加3,355.65万元" on one line and number them as one line's second and
#: third), and at 14 pt on the "bare" tables (a line ending short of the margin because the
#: number that follows, "384.67万元", did not fit: it must be joined to the next, or the
#: number loses its subject "“住房保障支出（类）…住房公积金（项）”科目").
NARRATED: dict[str, BudgetLayout] = {
    "shanghai": LAYOUTS["shanghai"],
    "national": LAYOUTS["national"],
    "shanghai-reflowed": attrs.evolve(LAYOUTS["shanghai"], name="shanghai-reflowed", reflow=True),
    "bare-large": attrs.evolve(LAYOUTS["bare"], name="bare-large", reflow=True, body_size=14),
}
assert {lay.reflow for lay in NARRATED.values()} == {False, True}


def reflowed(d: Disclosure) -> Disclosure:
    """``d`` with each section's paragraphs on one line each: what a PDF printing the
    paragraphs whole says."""
    n = d.narrative
    sections = [attrs.evolve(s, text="\n".join(paragraphs(s.text))) for s in n.sections]
    return attrs.evolve(d, narrative=attrs.evolve(n, sections=sections))


class Case:
    """The budget rendered in one layout and read back; ``source`` is what the PDF says."""

    def __init__(self, layout: BudgetLayout, path: Path) -> None:
        self.layout, self.path = layout, path
        self.source = reflowed(BUDGET) if layout.reflow else BUDGET
        render_budget_pdf(self.source, path, layout)
        self.result: ReadResult = read_paths([path])
        self.read = self.result.disclosure


@pytest.fixture(scope="module", params=list(NARRATED))
def case(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Case]:
    path = tmp_path_factory.mktemp("budget-narrative") / f"{request.param}.pdf"
    yield Case(NARRATED[request.param], path)


def _squashed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_the_budget_has_a_narrative_worth_reading() -> None:
    """The fixture: sections with checkable claims, some of them checked against the tables."""
    n = BUDGET.narrative
    assert len(n.sections) >= 10
    assert len(n.claims()) > 90
    rules = [f[0] for f in comparable_findings(BUDGET)]
    assert rules.count("X12") > 30 and "N-change" in rules


def test_reflowed_text_says_what_the_text_says() -> None:
    """Joining a section's lines into paragraphs keeps every character (only line breaks go)."""
    for s, r in zip(BUDGET.narrative.sections, reflowed(BUDGET).narrative.sections, strict=True):
        assert _squashed(r.text) == _squashed(s.text), s.heading
        assert r.text.count("\n") < s.text.count("\n") or "\n" not in s.text.strip()


def test_the_pdf_is_read_without_complaint(case: Case) -> None:
    assert [str(e) for e in case.result.errors] == []
    assert case.result.log.unrecognised == ()


def test_sections_read_back(case: Case) -> None:
    """The same sections, headed alike, each with the same characters (line breaks aside)."""
    got, want = case.read.narrative.sections, case.source.narrative.sections
    assert [s.heading for s in got] == [s.heading for s in want]
    for g, w in zip(got, want, strict=True):
        assert _squashed(g.text) == _squashed(w.text), w.heading


def test_sentences_read_back(case: Case) -> None:
    """Sentence for sentence, the same text."""
    for g, w in zip(case.read.narrative.sections, case.source.narrative.sections, strict=True):
        assert [s.text for s in g.sentences()] == [s.text for s in w.sentences()], w.heading


def test_claims_read_back(case: Case) -> None:
    """The same claims: kind, text, sentence, section, subject and figures (a claim's line
    number is not part of it)."""
    got, want = case.read.narrative.claims(), case.source.narrative.claims()
    assert [c.kind for c in got] == [c.kind for c in want]
    assert got == want


def test_check_gives_the_same_findings(case: Case) -> None:
    """check() of the read budget reports what it reports of the text: the narrative's N-…
    findings, the X12 ones placing its claims against the tables, and all the others."""
    got, want = comparable_findings(case.read), comparable_findings(case.source)
    narrative = [f for f in want if f[0].startswith("N-") or f[0] == "X12"]
    assert narrative  # the comparison below covers the narrative's findings
    assert got == want
