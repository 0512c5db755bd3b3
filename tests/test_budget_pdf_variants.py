"""部门预算 rendered into PDFs of other regions' layouts read back exactly — or reported unread.

Two budgets, each rendered (tests/budget_render.py) in several layouts and read with govfin's PDF
path:

- the Shanghai 2025 budget of 万里街道 (tests/data/accuracy/sh-putuo-wanlijiedao-2025-yusuan.txt,
  a real budget as text; 9 tables, 元, the 三公 table in 万元), its tables as the text reader reads
  them;
- the same accounts printed as the central template's set of 9 tables (部门收支总表 …
  国有资本经营预算支出表, 万元): the 一般公共预算 leaves (基本支出 / 项目支出) and 经济分类 款 of the
  Shanghai tables, and its 三公 figures, as a :class:`~govfin.strategies._budgets.BudgetLedger`
  printed by the budget strategies' printer (every cell rounded to 0.01 万元 on its own).

For every table the Disclosure read from the PDF either equals the rendered one (kind, title,
department, unit, and every row's key, code, name and amounts), or the read reports an error
naming that table: never a silent misread.  check() of the read Disclosure gives the findings of
the rendered one (rule, severity, table, row, column, figures; line numbers differ).  Each PDF is
rendered and read once per module.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest

pytest.importorskip("pdfplumber")
pytest.importorskip("pypdfium2")
pytest.importorskip("reportlab")
pytest.importorskip("hypothesis")

from budget_render import LAYOUTS, BudgetLayout, printed_title, render_budget_pdf

from govfin import check
from govfin.disclosure import Disclosure, Narrative
from govfin.readers import read_text
from govfin.readers.document import ReadResult
from govfin.readers.files import read_paths
from govfin.strategies._budgets import BASIC, GENERAL, PROJECT, BudgetLedger, print_budget
from govfin.tables import FunctionalTable, Row, Table
from govfin.tables.budget import CENTRAL, FAMILY_KINDS, SHANGHAI

TEXT = Path(__file__).parent / "data" / "accuracy" / "sh-putuo-wanlijiedao-2025-yusuan.txt"


def _shanghai() -> Disclosure:
    """The text-read budget, tables only (its narrative is read back in
    tests/test_budget_pdf_narrative.py)."""
    d = read_text(TEXT.read_text(encoding="utf-8")).disclosure
    return attrs.evolve(d, narrative=Narrative())


def _fen(v: Decimal | None) -> int:
    assert v is not None
    return int(v * 100)


def _central(sh: Disclosure) -> Disclosure:
    """The Shanghai accounts printed as the central template's tables (万元)."""
    general = next(t for t in sh.tables if getattr(t, "ROLE", "") == "general")
    basic = next(t for t in sh.tables if getattr(t, "ROLE", "") == "general_basic")
    three = next(t for t in sh.tables if getattr(t, "ROLE", "") == "three_public").rows[0].values
    flows = {
        r.code: {(GENERAL, BASIC): _fen(r.values["基本支出"]),
                 (GENERAL, PROJECT): _fen(r.values["项目支出"])}
        for r in general.rows if r.code is not None and len(r.code) == 7
    }  # fmt: skip
    economic = {
        r.code: {GENERAL: _fen(r.values["合计"])}
        for r in basic.rows
        if r.code is not None and len(r.code) == 5
    }
    wan = 10_000  # the 三公 table is in 万元: 1 万元 = 1 000 000 分
    ledger = BudgetLedger(
        family=CENTRAL, year=2025, flows=flows, basic=economic,
        three_public={"abroad": _fen(three["因公出国（境）费"]) * wan,
                      "reception": _fen(three["公务接待费"]) * wan,
                      "purchase": _fen(three["公务用车购置费"]) * wan,
                      "running": _fen(three["公务用车运行费"]) * wan,
                      "meetings": 0, "training": 0},
        running_cost=_fen(three["机关运行经费"]) * wan, running={}, procurement={}, special=0,
        unit_split=False,
    )  # fmt: skip
    printed = print_budget(ledger)

    def as_printed(t: Table) -> Table:
        # The printer's labels carry their enumerator ("一、本年收入") and leave the 三公 row
        # unnamed; a reader keeps a label without its enumerator, and names an unlabelled
        # line of figures by its key.
        rows = [
            attrs.evolve(r, name=re.sub(r"^[一二三四五六七八九十]+、", "", r.name or "") or r.key)
            for r in t.rows
        ]
        meta = attrs.evolve(t.meta, department=sh.department)
        return attrs.evolve(t, rows=rows, meta=meta)

    return attrs.evolve(
        printed, department=sh.department, title=None,
        tables=[as_printed(t) for t in printed.tables],
    )  # fmt: skip


SHANGHAI_BUDGET = _shanghai()
CENTRAL_BUDGET = _central(SHANGHAI_BUDGET)
BUDGETS = {SHANGHAI: SHANGHAI_BUDGET, CENTRAL: CENTRAL_BUDGET}

#: (budget family, layout): every layout with each budget.
CASES = [(family, layout) for layout in LAYOUTS for family in BUDGETS]
assert {f for f, _ in CASES} == set(BUDGETS)
#: Cases read in part, and why that is right: the central 部门收入总表 has 11 amount columns;
#: on a portrait page its figures wrap inside their cells ("18,976.7" over "6"), which a
#: reader cannot take as one amount without guessing — each such cell is reported (READ-amount,
#: READ-cells with file, page and line), and the findings resting on them are withheld.
#: ("code-in-name", code and name in one cell under one head, reads exactly: the functional
#: parser moves the header's columns when a code and its name share the first cell.)
#: ("extra-column" prints "其中：政府采购", a column no kind models, beside the money columns of
#: every code-row table: a 其中 column, set aside with one READ-part warning per table naming it,
#: every modelled column read exactly — tests/test_qizhong_columns.py.)
REPORTED = {(CENTRAL, "narrow")}
assert REPORTED <= set(CASES)


def _set_aside(e: object) -> bool:
    """A 其中 column set aside (a READ-part warning: nothing else of the table is lost)."""
    return type(e).__name__ == "SetAsideColumnError"


def _zeros_blank(d: Disclosure) -> Disclosure:
    """``d`` with every zero amount blank: what a layout printing zero as a dash says (a dash is
    blank, not zero: govfin.amounts.BLANK_TEXTS)."""

    def row(r: Row) -> Row:
        return attrs.evolve(r, values={c: None if v == 0 else v for c, v in r.values.items()})

    return attrs.evolve(
        d, tables=[attrs.evolve(t, rows=[row(r) for r in t.rows]) for t in d.tables]
    )


class Case:
    """One budget rendered in one layout and read back; ``source`` is what the PDF says."""

    def __init__(self, family: str, layout: BudgetLayout, path: Path) -> None:
        self.family, self.layout, self.path = family, layout, path
        render_budget_pdf(BUDGETS[family], path, layout)
        self.source = BUDGETS[family] if layout.zero is None else _zeros_blank(BUDGETS[family])
        self.result: ReadResult = read_paths([path])
        self.read = self.result.disclosure

    def reported(self, t: Table) -> bool:
        """Does the read say it could not read all of ``t``: a typed error naming the table, or
        a READ-… error finding placed in it (e.g. lines it could not place)?"""
        names = (t.KIND, t.meta.title or t.KIND)
        if any(any(n in str(e) for n in names) for e in self.result.errors):
            return True
        return any(
            f.rule_id.startswith("READ-") and f.severity.value == "error"
            and f.place is not None and f.place.table in names
            for f in check(self.read).findings
        )  # fmt: skip


@pytest.fixture(scope="module", params=CASES, ids=[f"{f}-{lay}" for f, lay in CASES])
def case(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Case]:
    family, layout = request.param
    path = tmp_path_factory.mktemp("budget-pdf") / f"{family}-{layout}.pdf"
    yield Case(family, LAYOUTS[layout], path)


def _rows(t: Table) -> list[tuple[Any, ...]]:
    """What a table says: each row's key, code, name and printed amounts (a blank cell and an
    absent one are the same printed cell)."""
    return [
        (r.key, r.code, r.name, {c: v for c, v in r.values.items() if v is not None})
        for r in t.rows
    ]


def _meta(t: Table, title: str | None = None) -> tuple[Any, ...]:
    """A table's kind, title (``title``: the one printed), department, unit and note."""
    m = t.meta
    return (type(t), title or m.title, m.department, m.unit, m.empty_note)


def test_the_budgets_are_what_they_should_be() -> None:
    """The fixtures: two full budgets of their family, with money on both sides."""
    for family, d in BUDGETS.items():
        assert [type(t) for t in d.tables] == list(FAMILY_KINDS[family]), family
        assert d.kind == "预算" and d.year == 2025
        assert sum(len(t.rows) for t in d.tables) > 150
    # The central tables are the Shanghai accounts in 万元: the same 一般公共预算 total.
    sh = next(t for t in SHANGHAI_BUDGET.tables if t.ROLE == "general")
    c = next(t for t in CENTRAL_BUDGET.tables if t.ROLE == "general")
    sh_total, c_total = sh.get("合计"), c.get("合计")
    assert sh_total is not None and c_total is not None
    yuan = sh_total.values["合计"]
    assert yuan is not None
    assert c_total.values["合计"] == Decimal("18976.76") == round(yuan / 10_000, 2)


def test_a_total_printed_over_the_code_and_name_cells_is_named_total() -> None:
    """The text's 支出预算总表 prints "合计" in one cell over the code and name columns, then
    the three amounts (line 271): its name is 合计, not the first amount ("189,767,551")."""
    for t in SHANGHAI_BUDGET.tables:
        if isinstance(t, FunctionalTable):
            total = t.get("合计")
            assert total is not None and total.name == "合计", t.KIND


def test_codes_printed_as_their_own_level_part_read_as_whole_codes() -> None:
    """A text whose 类/款/项 cells print only each row's own part ("", "05", "" for 20105)
    reads as the one printing every part: the levels above come from the rows above."""
    lines = TEXT.read_text(encoding="utf-8").splitlines()
    own = []
    for line in lines:
        cells = line.split("\t")
        if len(cells) > 3 and re.fullmatch(r"\d{3}", cells[0]):
            parts = [c for c in cells[:3] if re.fullmatch(r"\d{2,3}", c)]
            if len(parts) > 1:  # a 款 or 项 row: blank its higher levels
                cells[: len(parts) - 1] = [""] * (len(parts) - 1)
        own.append("\t".join(cells))
    assert own != lines
    d = attrs.evolve(read_text("\n".join(own)).disclosure, narrative=Narrative())
    assert [_rows(t) for t in d.tables] == [_rows(t) for t in SHANGHAI_BUDGET.tables]


def test_every_table_read_back_or_reported(case: Case) -> None:
    """Never a silent misread: each rendered table is read as rendered, or named in an error."""
    got = {type(t): t for t in case.read.tables}
    for n, t in enumerate(case.source.tables, 1):
        r = got.get(type(t))
        printed = printed_title(t, n, case.layout)
        exact = r is not None and _meta(r) == _meta(t, printed) and _rows(r) == _rows(t)
        assert exact or case.reported(t), (case.family, case.layout.name, t.KIND)


def test_every_table_read_back_exactly(case: Case) -> None:
    """Every case but :data:`REPORTED` is read whole: the same tables, in order, row for row."""
    if (case.family, case.layout.name) in REPORTED:
        pytest.skip("read in part (see REPORTED)")
    # the layout's 其中 column, set aside (one warning per code-row table, counted in
    # tests/test_qizhong_columns.py); nothing else
    assert [str(e) for e in case.result.errors if not _set_aside(e)] == []
    assert any(map(_set_aside, case.result.errors)) == (case.layout.extra_column is not None)
    assert case.result.log.unrecognised == ()
    assert case.result.document.unread == ()
    assert (case.read.kind, case.read.year, case.read.department) == (
        "预算", 2025, case.source.department,
    )  # fmt: skip
    # the title as printed: with the layout's numbering (and department) before the Disclosure's
    assert [_meta(t) for t in case.read.tables] == [
        _meta(t, printed_title(t, n, case.layout)) for n, t in enumerate(case.source.tables, 1)
    ]
    for r, t in zip(case.read.tables, case.source.tables, strict=True):
        assert _rows(r) == _rows(t), t.KIND
        if not t.empty:  # a table printed empty says nothing of its places
            assert r.meta.precision == t.meta.precision, t.KIND


def comparable_findings(d: Disclosure) -> list[tuple[Any, ...]]:
    """Every finding of check(): rule, severity, table, row, column and figures (not lines:
    a PDF and a text print the same thing on different lines)."""
    out = []
    for f in check(d).findings:
        p = f.place
        where = (p.table, p.row, p.column) if p is not None else None
        out.append((f.rule_id, f.severity.value, where, f.expected, f.actual))
    return sorted(out, key=repr)


def test_check_gives_the_same_findings(case: Case) -> None:
    """The same findings — or, for a case read in part, the READ-… findings saying what was not
    read and nothing claimed that the rendered budget does not give."""
    got, want = comparable_findings(case.read), comparable_findings(case.source)
    if (case.family, case.layout.name) not in REPORTED:
        # a set-aside 其中 column is a READ-part warning of its own, withholding nothing
        assert [f for f in got if f[0] != "READ-part"] == want
        assert not check(case.read).withheld
        return
    assert any(f[0].startswith("READ-") and f[1] == "error" for f in got)
    assert {f for f in got if not f[0].startswith("READ-")} <= set(want)
    assert check(case.read).withheld  # what rests on the unread cells is not reported


def test_a_case_read_in_part_says_where(case: Case) -> None:
    """A case of :data:`REPORTED` has read errors, each naming the file, page and line."""
    if (case.family, case.layout.name) not in REPORTED:
        return
    errors = [str(e) for e in case.result.errors]
    assert errors
    assert all(re.match(rf"{re.escape(case.path.name)} p\.\d+, line \d+, ", e) for e in errors)


def test_the_layouts_differ_as_described() -> None:
    """The layouts are what the renderer's docstring says (a guard against a layout quietly
    becoming another one)."""
    lays = list(LAYOUTS.values())
    assert len(lays) >= 3
    for field in ("separators", "split_codes", "repeat_header", "toc"):
        assert len({getattr(x, field) for x in lays}) == 2, field
    assert len({x.footer for x in lays}) == len(lays)




def test_real_header_variants_are_printed_and_read_by_name(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """The header-variant layouts print what they say (columns reordered, other names, a column
    no kind models), and each is read by name or reported naming the column."""
    path = tmp_path_factory.mktemp("budget-hdr") / "reordered.pdf"
    render_budget_pdf(CENTRAL_BUDGET, path, LAYOUTS["reordered"])
    result = read_paths([path])
    lines = [ln for ln in result.log.entries if "基本支出" in ln.text and "项目支出" in ln.text]
    assert lines and all(ln.text.index("项目支出") < ln.text.index("基本支出") for ln in lines)
    assert any(ln.text.rstrip().endswith("合计") for ln in lines)
    assert [str(e) for e in result.errors] == []
    path = tmp_path_factory.mktemp("budget-hdr") / "older.pdf"
    render_budget_pdf(CENTRAL_BUDGET, path, LAYOUTS["older-names"])
    result = read_paths([path])
    assert any("一般公共预算财政拨款" in ln.text for ln in result.log.entries)
    assert any("公务用车运行维护费" in ln.text for ln in result.log.entries)
    assert [str(e) for e in result.errors] == []
    path = tmp_path_factory.mktemp("budget-hdr") / "extra.pdf"
    render_budget_pdf(SHANGHAI_BUDGET, path, LAYOUTS["extra-column"])
    result = read_paths([path])
    named = [str(e) for e in result.errors if "其中：政府采购 set aside" in str(e)]
    coded = [t for t in SHANGHAI_BUDGET.tables if isinstance(t, FunctionalTable)]
    assert len(named) == len(coded)
    assert all(map(_set_aside, result.errors))
