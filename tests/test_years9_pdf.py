"""The optional ("其中") columns of other years' forms, printed in a PDF under their real labels
(tests/pdf_render.py ``OPTIONAL_LAYOUTS``), read back exactly.

The seed's tables are given the columns older and regional forms print (tests/data/headers/
headers.tsv): 基本支出 split into 人员经费 and 公用经费 in 公开03 and 公开05, 其中：政府性基金预算财政
拨款 under 财政拨款收入 and 其中：教育收费 under 事业收入 in 公开02, 会议费 and 培训费 after the 三公
in 公开09.  The split figures are made at the 项 rows and summed up the code tree, so every
relation the forms give them holds.  Rendered in the seed's form and in the Shanghai template's,
each must read back to the same tables (every row, every amount, the optional columns under
their own names), with nothing unread and the same findings as the Disclosure rendered.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

import attrs
import pytest

pytest.importorskip("pdfplumber")
pytest.importorskip("pypdfium2")
pytest.importorskip("reportlab")

from pdf_render import OPTIONAL_LAYOUTS, render_pdf

from govfin import examples
from govfin.readers.files import read_path
from govfin.rules import check
from govfin.tables import (
    ExpenditureTable,
    FiscalAppropriationSummary,
    GeneralBudgetExpenditureTable,
    IncomeTable,
    Row,
    Table,
    ThreePublicTable,
)

CENT = Decimal("0.01")


def _share(value: Decimal | None, part: str) -> Decimal | None:
    return None if value is None else (value * Decimal(part)).quantize(CENT)


def _split(t: Table, source: str, parts: dict[str, str | None]) -> Table:
    """``t`` with optional columns: at each leaf row, each column of ``parts`` is ``source`` ×
    its share (``None``: the rest of ``source``); a parent row holds the sum of its children,
    合计 the sum of the 类."""
    codes = [r.code for r in t.rows if r.code]
    leaf: dict[str, dict[str, Decimal | None]] = {}
    for r in t.rows:
        if r.code and not any(c != r.code and c.startswith(r.code) for c in codes):
            v = r.values.get(source)
            got = {c: _share(v, s) for c, s in parts.items() if s is not None}
            rest = [c for c, s in parts.items() if s is None]
            for c in rest:
                got[c] = None if v is None else v - sum(x for x in got.values() if x)
            leaf[r.code] = got

    def total(prefix: str | None) -> dict[str, Decimal | None]:
        kids = [v for c, v in leaf.items() if prefix is None or c.startswith(prefix)]
        out: dict[str, Decimal | None] = {}
        for c in parts:
            xs = [k[c] for k in kids if k[c] is not None]
            out[c] = sum(xs, Decimal(0)) if xs else None
        return out

    rows = [attrs.evolve(r, values={**r.values, **total(r.code)}) for r in t.rows]
    return attrs.evolve(t, rows=rows)


#: 合计, 因公出国（境）费, 公务用车购置及运行维护费, 购置费, 运行维护费, 公务接待费, 会议费, 培训费.
_THREE_PUBLIC = {
    "预算数": ("5.00", "", "3.00", "", "3.00", "2.00", "2.50", "1.20"),
    "决算数": ("4.10", "", "2.60", "", "2.60", "1.50", "2.10", ""),
}


def _amount(text: str) -> Decimal | None:
    return Decimal(text) if text else None


def _with_optional_columns(d):
    tables = []
    for t in d.tables:
        if isinstance(t, (ExpenditureTable, GeneralBudgetExpenditureTable)):
            t = _split(t, "基本支出", {"人员经费": "0.6", "公用经费": None})
        elif isinstance(t, IncomeTable):
            t = _split(t, "财政拨款收入", {"政府性基金预算财政拨款": "0.1"})
            t = _split(t, "事业收入", {"教育收费": "0.5"})
        elif isinstance(t, ThreePublicTable):  # the seed's is empty: figures of our own
            t = attrs.evolve(t, meta=attrs.evolve(t.meta, empty_note=None), rows=[
                Row(key, key, dict(zip(t.all_columns(), map(_amount, figures), strict=True)))
                for key, figures in _THREE_PUBLIC.items()])
        tables.append(t)
    return attrs.evolve(d, tables=tuple(tables))


DISCLOSURE = _with_optional_columns(examples.load())


def _key(f):
    return (f.rule_id, f.severity, f.place.table if f.place else None,
            f.place.row if f.place else None, f.place.column if f.place else None)


def test_the_disclosure_holds_the_optional_columns_and_their_relations():
    kinds = {type(t): t for t in DISCLOSURE.tables}
    assert kinds[GeneralBudgetExpenditureTable].row("合计").values["人员经费"] is not None
    assert "会议费" in kinds[ThreePublicTable].row("预算数").values
    new = [f for f in check(DISCLOSURE).findings if f.rule_id in ("R02-2", "R03-2", "R05-2")
           and f.severity.name != "INFO"]  # (residues: the seed's own 合计 against its rows)
    assert new == []


@pytest.fixture(params=sorted(OPTIONAL_LAYOUTS), scope="module")
def read_back(request, tmp_path_factory):
    layout = OPTIONAL_LAYOUTS[request.param]
    path = tmp_path_factory.mktemp("years9") / f"seed-{layout.name}.pdf"
    render_pdf(DISCLOSURE, path, layout=layout)
    return layout, read_path(path), path


def test_optional_columns_read_back_exactly(read_back):
    layout, result, _ = read_back
    assert [str(e) for e in result.errors] == []
    assert result.log.unrecognised == ()
    assert not [p for p in result.disclosure.read_problems if p.incomplete]
    got = {t.KIND: t for t in result.disclosure.tables}
    for t in DISCLOSURE.tables:
        back = {r.key: dict(r.values) for r in got[t.KIND].rows}
        assert back == {r.key: dict(r.values) for r in t.rows}, (layout.name, t.KIND)
    assert Counter(map(_key, check(result.disclosure).findings)) == Counter(
        map(_key, check(DISCLOSURE).findings))


def test_the_layouts_print_the_real_labels(read_back):
    """Each 其中 label and 会议费 / 培训费 are printed in the PDF (the test above is not
    vacuous)."""
    import pypdfium2 as pdfium

    layout, _, path = read_back
    pdf = pdfium.PdfDocument(str(path))
    try:
        text = "".join("".join(page.get_textpage().get_text_range().split()) for page in pdf)
    finally:
        pdf.close()
    for label in ("其中：人员经费", "公用经费", "其中：政府性基金预算财政拨款", "其中：教育收费",
                  "会议费", "培训费"):
        assert label in text, (layout.name, label)


# -- the 2019 form of 公开04: no 国有资本经营 column nor line ------------------------------------

_CAPITAL = "国有资本经营预算财政拨款"


def _as_2019(d):
    """The seed with its 公开04 as the 2019 form prints it (the seed has no 国有资本经营 money:
    the column and the lines are blank in it)."""
    tables = []
    for t in d.tables:
        if isinstance(t, FiscalAppropriationSummary):
            assert all(r.values.get(_CAPITAL) is None for r in t.rows)
            rows = [attrs.evolve(r, values={c: v for c, v in r.values.items() if c != _CAPITAL})
                    for r in t.rows if r.key not in (_CAPITAL, "年初" + _CAPITAL)]
            t = attrs.evolve(t, rows=rows)
        tables.append(t)
    return attrs.evolve(d, tables=tuple(tables))


OF_2019 = _as_2019(examples.load())


@pytest.mark.parametrize("layout", sorted(OPTIONAL_LAYOUTS))
def test_04_of_2019_reads_back_exactly(layout, tmp_path):
    path = tmp_path / "seed-2019.pdf"
    render_pdf(OF_2019, path, layout=OPTIONAL_LAYOUTS[layout])
    result = read_path(path)
    assert [str(e) for e in result.errors] == []
    assert not [p for p in result.disclosure.read_problems if p.incomplete]
    got = next(t for t in result.disclosure.tables if isinstance(t, FiscalAppropriationSummary))
    want = next(t for t in OF_2019.tables if isinstance(t, FiscalAppropriationSummary))
    assert {r.key: dict(r.values) for r in got.rows} == {r.key: dict(r.values) for r in want.rows}
    assert all(_CAPITAL not in r.values for r in got.rows)
    assert Counter(map(_key, check(result.disclosure).findings)) == Counter(
        map(_key, check(OF_2019).findings))
