"""A real 决算 PDF path end to end: the seed's figures rendered into PDFs (two layouts: the
seed's own and the Shanghai template's) are read back through the PDF reader and the one
reading mechanism into a Disclosure equal to the one read from the seed text, with the same
findings.  The oracle is the seed text's Disclosure, never the PDF reader itself.
"""

from __future__ import annotations

import pytest

pytest.importorskip("pdfplumber")
pytest.importorskip("reportlab")

from pdf_render import render_pdf

from govfin import examples
from govfin.readers.files import read_path
from govfin.rules import check

SEED = examples.load()


def _key(f):  # a finding as the user sees it, without line numbers
    p = f.place
    return (f.rule_id, f.severity.value, p.table if p else None, p.row if p else None,
            p.column if p else None)


@pytest.fixture(scope="module", params=["seed", "template"])
def read_back(request, tmp_path_factory):
    path = tmp_path_factory.mktemp("pdf") / f"seed-{request.param}.pdf"
    render_pdf(SEED, path, layout=request.param)
    return request.param, read_path(path)


def test_every_table_read_with_every_row(read_back) -> None:
    layout, result = read_back
    got = {t.KIND: t for t in result.disclosure.tables}
    assert set(got) == {t.KIND for t in SEED.tables}
    for t in SEED.tables:
        rows = {r.key: dict(r.values) for r in t.rows}
        back = {r.key: dict(r.values) for r in got[t.KIND].rows}
        assert back == rows, (layout, t.KIND)
        assert got[t.KIND].meta.unit is t.meta.unit
        assert got[t.KIND].meta.precision == t.meta.precision


def test_no_read_problem_and_nothing_unread(read_back) -> None:
    _, result = read_back
    assert [str(e) for e in result.errors] == []
    assert result.log.unrecognised == ()
    assert result.document is not None and result.document.unread == ()
    assert result.document.kind == "决算"


def test_document_facts(read_back) -> None:
    _, result = read_back
    d = result.disclosure
    assert (d.department, d.year, d.unit, d.kind) == (SEED.department, SEED.year, SEED.unit, "决算")
    assert d.evaluations == SEED.evaluations
    assert [s.heading for s in d.narrative.sections] == [s.heading for s in SEED.narrative.sections]


def test_places_name_the_page(read_back) -> None:
    _, result = read_back
    pages = {t.kind: t.pages for t in result.document.tables}
    assert all(p and all(" p." in x for x in p) for p in pages.values())


def test_same_findings(read_back) -> None:
    layout, result = read_back
    want = sorted(map(_key, check(SEED).findings))
    got = sorted(map(_key, check(result.disclosure).findings))
    assert got == want, layout


def test_findings_name_the_page(read_back) -> None:
    _, result = read_back
    report = check(result.disclosure).located(result.log.place_of)
    placed = [f.place for f in report.findings if f.place is not None and f.place.line is not None]
    assert placed and all(p.where and " p." in p.where for p in placed)
    assert " p." in str(placed[0])  # the text report shows it
    cells = [c for f in report.findings for c in f.cells if c.line is not None]
    assert cells and all(c.where for c in cells)
