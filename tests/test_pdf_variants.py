"""More printed layouts of a 决算 PDF (tests/pdf_render.py ``VARIANTS``): each read back exactly,
or reported as unread, never silently misread.

The seed's figures are rendered once per variant (module-scoped) and read through the PDF path
(``read_path``).  The oracle is the Disclosure read from the seed text:

- a variant in :data:`EXACT` reads to the same tables (every row, every amount; scaled to 元 when
  the variant prints 元), the same document facts, no read problem and nothing unread, and
  ``check()`` gives the same findings (places aside; a 元 layout turns the seed's 万元
  residues into errors at the same places; "zeros" prints blank cells as 0.00, and a table all
  0.00 under its "本单位无…" note is as empty as a blank one);
- a variant in :data:`REPORTED` is one govfin cannot read yet: it must say so (READ-… findings
  naming the table, typed errors naming file and page) and report no finding of the checks
  that the seed's own report lacks — nothing resting on what it misread.

Every variant is in exactly one of the two.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest

pytest.importorskip("pdfplumber")
pytest.importorskip("pypdfium2")
pytest.importorskip("reportlab")

from pdf_render import HEADINGS, VARIANTS, render_pdf

from govfin import examples
from govfin.amounts import Unit
from govfin.readers.files import read_path
from govfin.rules import check

SEED = examples.load()
SEED_FINDINGS = check(SEED).findings

#: Variants read back exactly.
EXACT = ("yuan", "landscape", "fullwidth", "zeros", "three-line")
#: Variants govfin reports as (partly) unread, and why that is right.
REPORTED = {
    # Text-only columns, blanks printed "-": every table reads exactly (READ_UNRULED below) but
    # the 政府性基金预算财政拨款收入支出决算表, printed empty ("本表无数据"): its only row, 合计,
    # is centred under the 科目代码 and 科目名称 labels, and those stand over no column: no row
    # prints a code or a name, and its amount columns hold only "-" (the 栏次 numbers centred
    # under the other labels).  The page does not say which columns 科目代码 and 科目名称 are,
    # so its header is left as printed and the table says so (READ-identity, naming the table
    # and its page); its rows, none, read.
    "plain": "the header of an empty table without rules names columns no row prints",
}


def test_every_variant_is_exact_or_reported() -> None:
    assert set(EXACT) | set(REPORTED) == set(VARIANTS)
    assert not set(EXACT) & set(REPORTED)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    """Each variant rendered and read once: name -> ReadResult (on first use)."""
    out = tmp_path_factory.mktemp("variants")
    cache = {}

    def get(name):
        if name not in cache:
            path = out / f"seed-{name}.pdf"
            render_pdf(SEED, path, layout=name)
            cache[name] = read_path(path)
        return cache[name]

    return get


@pytest.fixture(params=EXACT)
def exact(request, rendered):
    return VARIANTS[request.param], rendered(request.param)


@pytest.fixture(params=sorted(REPORTED))
def reported(request, rendered):
    return request.param, rendered(request.param)


def _key(f):  # a finding as the user sees it, without line numbers
    p = f.place
    return (f.rule_id, f.severity.value, p.table if p else None, p.row if p else None,
            p.column if p else None)  # fmt: skip


def _printed(values: dict[str, Decimal | None], layout) -> dict[str, Decimal | None]:
    """The values a layout prints: scaled to 元, a blank printed "0.00" read as the 0 it says."""
    blank = Decimal(0) if layout.blank == "0.00" else None
    return {c: blank if v is None else v * layout.scale for c, v in values.items()}


# -- exact -----------------------------------------------------------------------------------------


def test_every_table_read_with_every_row(exact) -> None:
    layout, result = exact
    got = {t.KIND: t for t in result.disclosure.tables}
    assert set(got) == {t.KIND for t in SEED.tables}
    for t in SEED.tables:
        rows = {r.key: _printed(dict(r.values), layout) for r in t.rows}
        back = {r.key: dict(r.values) for r in got[t.KIND].rows}
        assert back == rows, (layout.name, t.KIND)
        names = {r.key: r.name for r in t.rows}
        assert {r.key: r.name for r in got[t.KIND].rows} == names, (layout.name, t.KIND)
        unit = Unit.YUAN if layout.unit == "元" else t.meta.unit
        assert got[t.KIND].meta.unit is unit
        # A title printed with the department and year ("XX局2024年度收入决算表") is kept as
        # printed; the table is the same.
        titled = f"{SEED.department}{SEED.year}年度{t.meta.title}"
        assert got[t.KIND].meta.title == (titled if layout.titled else t.meta.title)


def test_no_read_problem_and_nothing_unread(exact) -> None:
    _, result = exact
    assert [str(e) for e in result.errors] == []
    assert result.log.unrecognised == ()
    assert result.document is not None and result.document.unread == ()
    assert result.document.kind == "决算"


def test_document_facts(exact) -> None:
    _, result = exact
    d = result.disclosure
    assert (d.department, d.year, d.kind) == (SEED.department, SEED.year, "决算")
    assert d.evaluations == SEED.evaluations
    assert [s.heading for s in d.narrative.sections] == [s.heading for s in SEED.narrative.sections]


def test_same_findings(exact) -> None:
    """The same findings; in 元 a residue the seed's 万元 figures carry (±0.01万元 = 100元) is
    more than a 元 table printed to the fen can hold, so each of those becomes an error at the
    same place, and nothing else changes."""
    layout, result = exact
    want = Counter(map(_key, SEED_FINDINGS))
    got = Counter(map(_key, check(result.disclosure).findings))
    if layout.scale == 1:
        assert got == want
        return
    missing, extra = want - got, got - want
    assert missing, "the seed's residues must show in 元"
    assert all(k[1] == "info" and k[0].startswith("R") for k in missing), missing
    assert sorted((k[0], "error", *k[2:]) for k in missing.elements()) == sorted(extra.elements())


def test_zero_blanks_give_the_same_findings(rendered) -> None:
    result = rendered("zeros")
    assert Counter(map(_key, check(result.disclosure).findings)) == Counter(
        map(_key, SEED_FINDINGS)
    )


def test_findings_name_the_page(exact) -> None:
    _, result = exact
    report = check(result.disclosure).located(result.log.place_of)
    placed = [f.place for f in report.findings if f.place is not None and f.place.line is not None]
    assert placed and all(p.where and " p." in p.where for p in placed)


# -- reported --------------------------------------------------------------------------------------


def test_an_unread_layout_says_so_naming_table_and_page(reported) -> None:
    name, result = reported
    findings = check(result.disclosure).findings
    read = [f for f in findings if f.rule_id.startswith("READ-") and f.severity.value == "error"]
    assert read, name
    assert all(f.place is not None and f.place.table for f in read)
    assert result.errors and all(" p." in str(e) for e in result.errors)


def test_no_finding_rests_on_a_misread(reported) -> None:
    """Only READ-… findings may be new: no rule reports an error or warning the seed text does
    not have (a sum that does not add up because a cell was misread is not the document's
    error)."""
    name, result = reported
    seed = Counter(map(_key, SEED_FINDINGS))
    new = Counter(map(_key, check(result.disclosure).findings)) - seed
    claims = [k for k in new if not k[0].startswith("READ-") and k[1] in ("error", "warning")]
    assert claims == [], name


def test_every_table_it_reads_cleanly_is_exact(reported) -> None:
    """A table without a read problem equals the seed's: misreads are never silent."""
    name, result = reported
    troubled = {f.place.table for f in check(result.disclosure).findings
                if f.rule_id.startswith("READ-") and f.place is not None}  # fmt: skip
    got = {t.KIND: t for t in result.disclosure.tables}
    clean = [t for t in SEED.tables if t.KIND in got and t.KIND not in troubled
             and (t.meta.title or t.KIND) not in troubled]  # fmt: skip
    for t in clean:
        back = {r.key: dict(r.values) for r in got[t.KIND].rows}
        assert back == {r.key: dict(r.values) for r in t.rows}, (name, t.KIND)


#: Tables of the unruled variant that do read exactly.  "plain" needs its columns taken from
#: the amount lines only (its 栏次 row centres "栏次" over the 项目 and 行次 columns), the pieces
#: of a name wrapped in its cell around its row put back into the row, and the header labels
#: wrapped over lines placed over their columns (the 公开06 groups: "科目代" over "码",
#: "人员经费" centred over its three columns; the 公开04 labels on three lines, "行" over "次").
READ_UNRULED = {
    "plain": ("收入支出决算总表", "收入决算表", "支出决算表", "财政拨款收入支出决算总表",
              "一般公共预算财政拨款支出决算表",
              "一般公共预算财政拨款基本支出决算明细表", "政府性基金预算财政拨款收入支出决算表",
              "国有资本经营预算财政拨款支出决算表", "财政拨款“三公”经费支出决算表",
              "部门决算公开相关信息统计表"),
}  # fmt: skip


def test_the_unruled_tables_it_can_read_read_exactly(reported) -> None:
    name, result = reported
    got = {t.KIND: t for t in result.disclosure.tables}
    for t in SEED.tables:
        if t.KIND in READ_UNRULED[name]:
            back = {r.key: (r.name, dict(r.values)) for r in got[t.KIND].rows}
            assert back == {r.key: (r.name, dict(r.values)) for r in t.rows}, (name, t.KIND)


def test_plain_reports_only_the_table_whose_header_the_page_does_not_place(rendered) -> None:
    """Every READ- finding of "plain" is about the empty 政府性基金 table (see REPORTED), and it
    names the page: the other tables' wrapped header labels and names are placed."""
    result = rendered("plain")
    read = [f for f in check(result.disclosure).findings if f.rule_id.startswith("READ-")]
    assert {(f.rule_id, f.place.table) for f in read if f.place is not None} == {
        ("READ-identity", "政府性基金预算财政拨款收入支出决算表")
    }
    assert [e for e in result.errors if " p.12" not in str(e)] == []


def test_rendering_the_variants_is_deterministic(tmp_path: Path) -> None:
    a, b = tmp_path / "a.pdf", tmp_path / "b.pdf"
    render_pdf(SEED, a, layout="three-line")
    render_pdf(SEED, b, layout=VARIANTS["three-line"])
    assert a.read_bytes() == b.read_bytes()


# -- the variants print what they say --------------------------------------------------------------

#: Per variant, strings its pages must show (so a variant that silently printed the seed's own
#: layout would fail here, not pass as "read exactly").
_SHOWN = {
    "yuan": ["单位：元", "6,317,100.00", "第3页"],
    "landscape": [f"{SEED.department}{SEED.year}年度收入决算表", "—", "第3页"],
    "fullwidth": ["2010350 事业运行", "３４０．１８", "科目编码及名称"],
    "plain": ["-", "- 3 -"],
    "zeros": ["0.00", "第3页", "201 03 50"],
    "three-line": ["2010350 事业运行", "—", f"{SEED.department}{SEED.year}年度收入决算表"],
}


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_a_variant_prints_its_forms(name: str, tmp_path: Path) -> None:
    import pdfplumber

    path = tmp_path / f"{name}.pdf"
    render_pdf(SEED, path, layout=name)
    with pdfplumber.open(path) as pdf:
        text = "\n".join(p.extract_text() or "" for p in pdf.pages[:6])
        wide = [p.width > p.height for p in pdf.pages if "部门名称：" in (p.extract_text() or "")]
        ruled = sum(len(p.lines) for p in pdf.pages[2:6])
    for s in _SHOWN[name]:
        assert s in text, (name, s)
    layout = VARIANTS[name]
    if layout.landscape:
        assert len(wide) >= len(SEED.tables) and all(wide)
    if layout.rules == "none":
        assert ruled == 0
    elif layout.rules == "three-line":
        assert 0 < ruled < 30


# -- headers and line labels of other regions and years (pdf_render.HEADINGS) -----------------------


@pytest.fixture(params=sorted(HEADINGS))
def headed(request, tmp_path_factory):
    layout = HEADINGS[request.param]
    path = tmp_path_factory.mktemp("headings") / f"seed-{layout.name}.pdf"
    render_pdf(SEED, path, layout=layout)
    return layout, path, read_path(path)


def test_other_headers_and_labels_read_back_exactly(headed) -> None:
    """The seed's figures printed under the headers and line labels other regions print
    (tests/data/headers/headers.tsv): every row under its own key with every amount, its
    printed label kept as its name; nothing unread; the same findings as the seed text."""
    layout, _, result = headed
    assert [str(e) for e in result.errors] == []
    assert result.log.unrecognised == ()
    got = {t.KIND: t for t in result.disclosure.tables}
    assert set(got) == {t.KIND for t in SEED.tables}
    for t in SEED.tables:
        back = {r.key: (r.name, dict(r.values)) for r in got[t.KIND].rows}
        want = {r.key: (layout.label(t.KIND, r.key, r.name) if r.name else r.name, dict(r.values))
                for r in t.rows}  # fmt: skip
        assert back == want, (layout.name, t.KIND)
    assert Counter(map(_key, check(result.disclosure).findings)) == Counter(
        map(_key, SEED_FINDINGS)
    )


def test_the_layouts_print_the_other_labels(headed) -> None:
    """Each label the layout names is printed in the PDF (the test above is not vacuous)."""
    import pypdfium2 as pdfium

    layout, path, _ = headed
    pdf = pdfium.PdfDocument(str(path))
    try:
        text = "".join("".join(page.get_textpage().get_text_range().split()) for page in pdf)
    finally:
        pdf.close()
    assert layout.labels
    for _kind, _name, label in layout.labels:
        assert label in text, (layout.name, label)
