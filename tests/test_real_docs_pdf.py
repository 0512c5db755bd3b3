"""The real filled documents, through the PDF path: rendered, read back, checked.

The real documents of tests/data/real and tests/data/accuracy (上海市普陀区: four 2025 部门决算,
three 2026 部门预算, the 2025 部门预算 of 万里街道, the 2026 单位预算 of 石泉路街道) have real names,
codes, long names, many rows, optional columns and real mistakes, but are kept as text.  Here
each is read from its text (as tests/test_real_docs*.py do), its Disclosure rendered into PDFs
of several layouts (决算: tests/pdf_render.py, 预算: tests/budget_render.py) and each PDF read
back with govfin's PDF path (``read_paths``).  Per document and layout, :data:`OUTCOMES` says
what the read must give:

- **exact**: no read problem but those of the text read, nothing unread; the document's
  department, year and kind; every table, with every row (key, code, name) and every printed
  amount equal to the text read's (scaled to 元 where the layout prints 元; a blank cell and a
  missing one are the same printed cell), under its title as the layout prints it; and
  ``check()`` gives the same findings (rule,
  severity, table, row, column: lines and pages aside) — except the few listed in
  :data:`TEXT_FORM`, each said of the text's own print form, which the renderer does not
  reproduce, and, in 元, the 万元 figures' rounding residues (infos in 万元) which a table printed
  to the fen cannot hold: each becomes an error at the same place, as for the seed
  (tests/test_pdf_variants.py).
- **reported**: the layout is one govfin cannot read whole; the read says so (READ-… errors
  naming the table, typed errors naming file and page), no rule reports an error or warning
  the text read lacks, and every table it reads without a READ-… finding is exact.
- **set aside**: exact, but for a printed 其中 column no table kind models: it is neither read
  nor checked, and named once per table that prints it (READ-part).

Each PDF is rendered and read once, for every fixture that takes it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest

pytest.importorskip("pdfplumber")
pytest.importorskip("pypdfium2")
pytest.importorskip("reportlab")

from budget_render import LAYOUTS, REAL_FORMS, BudgetLayout, printed_title, render_budget_pdf
from pdf_render import _BY_NAME as JUESUAN_LAYOUTS
from pdf_render import Layout, render_pdf
from real_docs import REAL

from govfin.amounts import Unit
from govfin.disclosure import Disclosure, Narrative
from govfin.findings import Finding
from govfin.readers.document import ReadResult
from govfin.readers.errors import SetAsideColumnError
from govfin.readers.files import read_path, read_paths
from govfin.rules import check
from govfin.tables import Table

ACCURACY = Path(__file__).parent / "data" / "accuracy"
BUDGET_LAYOUTS = {**LAYOUTS, **REAL_FORMS}

#: The documents: name -> text file.
DOCUMENTS = {
    "yichuan-2025": REAL / "sh-putuo-yichuan-2025-final.tsv",
    "shiquan-2025": REAL / "sh-putuo-shiquan-2025-final.tsv",
    "shengtai-2025": REAL / "sh-putuo-shengtai-2025-final.tsv",
    "wenlv-2025": REAL / "sh-putuo-wenlvju-2025-final.tsv",
    "chengguan-2026": REAL / "sh-putuo-chengguan-2026-budget.tsv",
    "wenlvju-2026": REAL / "sh-putuo-wenlvju-2026-budget.tsv",
    "jianguanwei-2026": REAL / "sh-putuo-jianguanwei-2026-budget.tsv",
    "wanli-2025": ACCURACY / "sh-putuo-wanlijiedao-2025-yusuan.txt",
    "shiquan-2026": ACCURACY / "sh-putuo-shiquan-2026-danwei-yusuan.txt",
}
#: Each document's 情况说明 is printed line for line as its text holds it.  The 石泉路 2026 text
#: keeps the lines of the page it was typed from (a sentence broken wherever that page broke it:
#: "…比2025" / "年预算执行数减少2.18%"; tests/data/accuracy/README.md): on a page of another width
#: each of those lines wraps again, leaving a short line ending mid-sentence, and the read joins
#: it to the next by its words (govfin.narrative.breaks.hard_break): no reflowed print is needed.

EXACT, REPORTED = "exact", "reported"
#: Read whole but one printed column no kind models, which the header marks as a 其中 (a part)
#: of another: set aside, one READ-part warning per table naming it; all else as EXACT.
SET_ASIDE = "set aside"
#: A layout name ending so: the tables and the 情况说明 printed as two files (tables first);
#: or the 情况说明 first and each table in a file of its own, each file with its own cover.
SPLIT, FILES = "/split", "/files"

#: (document, layout) -> (outcome, why).  决算 layouts are tests/pdf_render.py's, 预算 ones
#: tests/budget_render.py's (LAYOUTS and REAL_FORMS of each).
OUTCOMES: dict[tuple[str, str], tuple[str, str]] = {
    # 部门决算: the Shanghai template (决算数, codes in 类/款/项 cells, header repeated, 三公 7th);
    # the same with the forms these four documents print (pdf_render.REAL_FORMS "sh-2025":
    # 类 | 款 | 项 and the 本年支出 sub-labels on 合计 rows, economic codes as 类 | 款 cells);
    # every table on a landscape page with titles "部门+年度+表名", 合计 first, blanks "—";
    # the template in 元 (×10000, "第N页").
    **{(doc, lay): (EXACT, "") for doc in ("yichuan-2025", "shiquan-2025", "shengtai-2025",
                                           "wenlv-2025")
       for lay in ("template", "sh-2025", "landscape", "yuan")},
    # Text-only columns (no ruling).  The 三公 table's labels on three lines read (合计 centred
    # over the first column of amounts reaches left of them: still its label).  Reported: the
    # 基本支出 table (公开06, four blocks of 科目代码 | 科目名称 | 决算数 side by side) prints no
    # row in its fourth block, and on its second page none in the third block's codes (its
    # 公用经费合计 centred over blocks 2-4, the figure in the fourth's 决算数): those labels stand
    # over no column of figures, so the page gives 9 (8) columns where the header names 12 —
    # rows of fewer cells (READ-cells), the header unplaced (READ-line); nothing claimed on it.
    ("shengtai-2025", "plain"): (REPORTED, "a 基本支出 block printed empty: its columns unplaced"),
    # 部门预算 (元; the 三公 table in 万元): Shanghai's own (类/款/项 cells, separators, 目录);
    # the central template's style (one code column, 栏次, names indented, 三公 grouped, the
    # 情况说明 reflowed at 12 pt); another column order and one code column (项目支出 before
    # 基本支出, 合计 last, 公务接待费 before 公务用车); the Shanghai one with the forms of the
    # 2026 单位预算 (budget_render.REAL_FORMS "sh-2026": the 财务收支预算总表's 人员经费 and 公用经费
    # under a 基本支出 heading, income lines enumerated, "编制单位：").
    **{(doc, lay): (EXACT, "") for doc in ("chengguan-2026", "wenlvju-2026", "jianguanwei-2026",
                                           "wanli-2025", "shiquan-2026")
       for lay in ("shanghai", "sh-2026", "national", "reordered")},
    # each code row printing only its own level's part ("", "05", ""), a zero as "—" (read as
    # blank: the text's zeros are compared as blank)
    **{(doc, "county"): (EXACT, "") for doc in ("chengguan-2026", "wenlvju-2026",
                                                "jianguanwei-2026", "wanli-2025", "shiquan-2026")},
    # portrait pages: narrow columns, long names wrapped in their cells
    ("jianguanwei-2026", "narrow"): (EXACT, ""),
    # the code and the name in one cell ("2070101 行政运行")
    ("wenlvju-2026", "code-in-name"): (EXACT, ""),
    # no 目录, no page numbers, the department before each title, narrow name column
    ("wanli-2025", "bare"): (EXACT, ""),
    # other names over the same columns (一般公共预算财政拨款, 预算数, 公务用车运行维护费 …)
    ("jianguanwei-2026", "older-names"): (EXACT, ""),
    # 决算 in the seed's form (行次, 栏次, one code column, header not repeated), in full-width
    # digits with blanks "-", and with every blank printed "0.00" (read as the 0 it says)
    ("wenlv-2025", "seed"): (EXACT, ""),
    ("shiquan-2025", "fullwidth"): (EXACT, ""),
    ("yichuan-2025", "zeros"): (EXACT, ""),
    # the real forms with a narrow name column: long names wrapped in their cells
    ("wenlv-2025", "sh-2025-narrow"): (EXACT, ""),
    ("shengtai-2025", "sh-2025-narrow"): (EXACT, ""),
    # narrower (75): no rule printed under the merged "项目" header cell, only the column rule
    # between 功能分类科目编码 and 科目名称 beginning there (read as the row it begins)
    ("shengtai-2025", "sh-2025-narrow75"): (EXACT, ""),
    ("yichuan-2025", "sh-2025-narrow75"): (EXACT, ""),
    # Tables and 情况说明 published as two files (as many departments do: the Jiangsu 2017
    # budgets of tests/data/pdf), read together (read_paths): the text file has its own cover
    # and 目录, and its part heading wraps under a long department name ("第三部分 …部门决算
    # 情况说" / "明")
    **{(doc, f"{lay}{SPLIT}"): (EXACT, "") for doc, lay in (
        ("yichuan-2025", "sh-2025"), ("shiquan-2025", "template"),
        ("chengguan-2026", "national"), ("shiquan-2026", "national"))},
    # The 情况说明 first, then each table in a file of its own: each later file's cover is a
    # cover, not a line of the text or the table before it
    **{(doc, f"{lay}{FILES}"): (EXACT, "") for doc, lay in (
        ("yichuan-2025", "sh-2025"), ("jianguanwei-2026", "shanghai"))},
    # A 其中 column no kind models beside every code-row table's amounts ("其中：政府采购"), page
    # numbers "(N)": each such column is set aside (READ-part naming it), the tables read whole.
    ("chengguan-2026", "extra-column"): (SET_ASIDE, "其中：政府采购 set aside"),
}  # fmt: skip

#: Findings the text read gives on the text's own print form, which a layout not printing that
#: form (all but the "sh-2025" forms, whose ``subheads_on_total`` prints it) prints in the
#: ordinary form instead, so that its PDF read rightly lacks them: (rule, severity, table) -> why.
TEXT_FORM: dict[str, dict[tuple[str, str, str], str]] = {
    doc: {
        ("READ-identity", "warning", "政府性基金预算财政拨款收入支出决算表"): (
            "the text prints 本年支出's 合计/基本支出/项目支出 labels on the 合计 row (so that row "
            "prints no 本年支出 figure); the renderer prints them in the header, the 合计 row's "
            "本年支出 cells blank"
        )
    }
    for doc in ("yichuan-2025", "wenlv-2025")
}

Key = tuple[str, str, "str | None", "str | None", "str | None"]
SET_ASIDE_RULE = "READ-part"
_OCCURRENCE = re.compile(r"（第\d+处）$")


def finding_key(f: Finding) -> Key:
    """A finding as the user sees it, without its line and page.  A claim's "（第N处）" counts
    repeats on one source line: a PDF paragraph is one source line where the text had several,
    so it is a place too."""
    p = f.place
    column = p.column if p else None
    if column is not None:
        column = _OCCURRENCE.sub("", column)
    return (f.rule_id, f.severity.value, p.table if p else None, p.row if p else None, column)


def troubled(result: ReadResult, findings: list[Finding]) -> set[str]:
    """The tables a READ-… finding or a typed read error names."""
    out = {
        f.place.table
        for f in findings
        if f.rule_id.startswith("READ-") and f.rule_id != SET_ASIDE_RULE
        and f.place is not None and f.place.table
    }
    return out | {e.where for e in result.errors
                  if e.where and not isinstance(e, SetAsideColumnError)}  # fmt: skip


def problems(result: ReadResult) -> Counter[tuple[str | None, str]]:
    """The read's typed errors: (table, message), without their lines and pages; a column set
    aside (READ-part: the table is read whole but for it) is not a problem of the read."""
    return Counter(
        (e.where, e.message) for e in result.errors if not isinstance(e, SetAsideColumnError)
    )


@attrs.frozen
class Source:
    """A document read from its text, and its findings."""

    result: ReadResult
    findings: Counter[Key]
    troubled: set[str]

    @property
    def disclosure(self) -> Disclosure:
        return self.result.disclosure


_SOURCES: dict[str, Source] = {}


def source(doc: str) -> Source:
    if doc not in _SOURCES:
        result = read_path(DOCUMENTS[doc])
        found = list(check(result.disclosure))
        _SOURCES[doc] = Source(result, Counter(map(finding_key, found)), troubled(result, found))
    return _SOURCES[doc]


class Case:
    """One document rendered in one layout and read back."""

    def __init__(self, doc: str, layout: str, path: Path) -> None:
        self.doc, self.name, self.path = doc, layout, path
        self.outcome, self.why = OUTCOMES[(doc, layout)]
        self.source = source(doc)
        d = self.source.disclosure
        self.budget = d.kind == "预算"
        base = layout.removesuffix(SPLIT).removesuffix(FILES)
        self.layout: Layout | BudgetLayout
        if self.budget:
            self.layout = BUDGET_LAYOUTS[base]
        else:
            self.layout = JUESUAN_LAYOUTS[base]
        text = (attrs.evolve(d, tables=[]), path.with_name(f"{path.stem}-text.pdf"))
        if layout.endswith(SPLIT):  # the tables, then the 情况说明 in a file of its own
            parts = [(attrs.evolve(d, narrative=Narrative()), path), text]
        elif layout.endswith(FILES):  # the 情况说明, then one file per table
            parts = [text] + [
                (attrs.evolve(d, tables=[t], narrative=Narrative()),
                 path.with_name(f"{path.stem}-{k}.pdf"))
                for k, t in enumerate(d.tables, 1)
            ]  # fmt: skip
        else:
            parts = [(d, path)]
        for part, file in parts:
            if isinstance(self.layout, BudgetLayout):
                render_budget_pdf(part, file, self.layout)
            else:
                render_pdf(part, file, layout=self.layout)
        self.result: ReadResult = read_paths([file for _, file in parts])
        self.read = self.result.disclosure
        self.findings = list(check(self.read))

    def text_form(self) -> dict[tuple[str, str, str], str]:
        """:data:`TEXT_FORM` of the document, but for the forms this layout prints too."""
        printed = getattr(self.layout, "subheads_on_total", ())
        return {k: why for k, why in TEXT_FORM.get(self.doc, {}).items() if k[2] not in printed}

    def set_aside_findings(self) -> Counter[Key]:
        """The READ-part warnings of a layout printing a column to set aside (none otherwise)."""
        if self.outcome != SET_ASIDE:
            return Counter()
        return Counter(finding_key(f) for f in self.findings if f.rule_id == SET_ASIDE_RULE)

    @property
    def scale(self) -> Decimal:
        return getattr(self.layout, "scale", Decimal(1))

    @property
    def printed(self) -> Printed:
        return Printed(
            self.scale,
            blank_zero=getattr(self.layout, "blank", "") == "0.00",
            zero_blank=getattr(self.layout, "zero", None) is not None,
        )

    def title(self, t: Table, n: int) -> str | None:
        """``t``'s title as the layout prints it (``n``: its place among the tables, from 1;
        a table in a file of its own is its file's first)."""
        if isinstance(self.layout, BudgetLayout):
            return printed_title(t, 1 if self.name.endswith(FILES) else n, self.layout)
        d = self.source.disclosure
        if self.layout.titled:
            return f"{t.meta.department or d.department}{t.meta.year or d.year}年度{t.meta.title}"
        return t.meta.title

    def unit(self, t: Table) -> Unit:
        return Unit.YUAN if self.scale == 10000 else t.meta.unit


CASES = sorted(OUTCOMES)
_BUILT: dict[tuple[str, str], Case] = {}


def _cases(keep: Callable[[str, str, str], bool]) -> list[tuple[str, str]]:
    """The cases ``keep(document, layout, outcome)`` selects."""
    return [(d, lay) for d, lay in CASES if keep(d, lay, OUTCOMES[(d, lay)][0])]


def _fixture(keep: Callable[[str, str, str], bool]) -> Any:
    """A fixture over the cases ``keep`` selects; each case is rendered and read once, for
    every fixture that takes it."""
    chosen = _cases(keep)

    @pytest.fixture(scope="module", params=chosen, ids=[f"{d}-{lay}" for d, lay in chosen])
    def get(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Case:
        doc, layout = request.param
        if (doc, layout) not in _BUILT:
            name = f"{doc}-{layout.replace('/', '-')}.pdf"
            _BUILT[(doc, layout)] = Case(doc, layout, tmp_path_factory.mktemp("real-pdf") / name)
        return _BUILT[(doc, layout)]

    return get


case = _fixture(lambda d, lay, o: True)
exact = _fixture(lambda d, lay, o: o in (EXACT, SET_ASIDE))
reported = _fixture(lambda d, lay, o: o == REPORTED)
set_aside = _fixture(lambda d, lay, o: o == SET_ASIDE)
narrow = _fixture(lambda d, lay, o: lay == "sh-2025-narrow")
real_forms = _fixture(lambda d, lay, o: lay == "sh-2025")


@attrs.frozen
class Printed:
    """How a layout prints an amount: scaled (×10000 in 元), a blank cell as 0.00 (it reads
    as the 0 it says), a zero as a dash (it reads as blank)."""

    scale: Decimal = Decimal(1)
    blank_zero: bool = False
    zero_blank: bool = False

    def __call__(self, v: Decimal | None) -> Decimal | None:
        if v is None:
            return Decimal("0.00") if self.blank_zero else None
        if v == 0 and self.zero_blank:
            return None
        return v * self.scale


AS_READ = Printed()


def rows(t: Table, printed: Printed = AS_READ) -> dict[str, tuple[Any, ...]]:
    """Each row's code, name and printed amounts, by key (a layout may print 合计 first or
    last: the order of rows is the layout's)."""
    out = {}
    for r in t.rows:
        amounts = {c: printed(v) for c, v in r.values.items()}
        out[r.key] = (r.code, r.name, {c: v for c, v in amounts.items() if v is not None})
    assert len(out) == len(t.rows), f"{t.KIND}: a key twice"
    return out


def same_table(case: Case, t: Table, n: int) -> bool:
    got = [r for r in case.read.tables if r.KIND == t.KIND]
    if len(got) != 1:
        return False
    (r,) = got
    return (
        rows(r) == rows(t, case.printed)
        and r.meta.title == case.title(t, n)
        and r.meta.unit is case.unit(t)
        and r.meta.department == t.meta.department
    )


# -- the table of outcomes -------------------------------------------------------------------------


def test_every_document_has_outcomes_in_several_layouts() -> None:
    for doc, path in DOCUMENTS.items():
        d = source(doc).disclosure
        exact = [lay for (x, lay), (o, _) in OUTCOMES.items() if x == doc and o == EXACT]
        assert len(exact) >= 3, doc
        known = BUDGET_LAYOUTS if d.kind == "预算" else JUESUAN_LAYOUTS
        bases = {lay.removesuffix(SPLIT).removesuffix(FILES) for (x, lay) in OUTCOMES if x == doc}
        assert bases <= set(known), doc
        assert path.exists()
    assert all(why for o, why in OUTCOMES.values() if o == REPORTED)


def test_the_documents_are_what_they_should_be() -> None:
    """Nine real documents read whole from their text: the oracle of every case."""
    kinds = Counter(source(doc).disclosure.kind for doc in DOCUMENTS)
    assert kinds == {"决算": 4, "预算": 5}
    for doc in DOCUMENTS:
        s = source(doc)
        assert s.result.document is not None and not s.result.document.unread, doc
        assert len(s.disclosure.tables) == 9, doc
        assert sum(len(t.rows) for t in s.disclosure.tables) > 100, doc


# -- exact -----------------------------------------------------------------------------------------


def test_read_without_a_problem(exact: Case) -> None:
    """No read problem but the text read's own (:data:`TEXT_FORM` aside)."""
    case = exact
    form = {table for _, _, table in case.text_form()}
    want = Counter({k: n for k, n in problems(case.source.result).items() if k[0] not in form})
    assert problems(case.result) == want
    assert case.result.log.unrecognised == ()
    assert case.result.document is not None and case.result.document.unread == ()


def test_document_facts(case: Case) -> None:
    d, r = case.source.disclosure, case.read
    assert (r.department, r.year, r.kind) == (d.department, d.year, d.kind)
    assert [s.heading for s in r.narrative.sections] == [s.heading for s in d.narrative.sections]


def test_every_table_every_row_every_amount(exact: Case) -> None:
    case = exact
    d = case.source.disclosure
    assert sorted(t.KIND for t in case.read.tables) == sorted(t.KIND for t in d.tables)
    for n, t in enumerate(d.tables, 1):
        got = next(r for r in case.read.tables if r.KIND == t.KIND)
        want = rows(t, case.printed)
        back = rows(got)
        assert back.keys() == want.keys(), t.KIND
        for key in want:
            assert back[key] == want[key], (t.KIND, key)
        assert same_table(case, t, n), t.KIND


def test_same_findings(exact: Case) -> None:
    """The text read's findings: no more, no fewer (:data:`TEXT_FORM` and, in 元, the rounding
    residues aside; a column set aside is :func:`test_a_column_set_aside_is_named_once`'s)."""
    case = exact
    text_form = case.text_form()
    want = Counter({k: n for k, n in case.source.findings.items() if k[:3] not in text_form})
    assert set(text_form) <= {k[:3] for k in case.source.findings}  # each is said of the text
    got = Counter(map(finding_key, case.findings)) - case.set_aside_findings()
    if case.scale == 1:
        assert got == want
        return
    missing, extra = want - got, got - want
    assert all(k[1] == "info" and k[0].startswith(("R", "X")) for k in missing), missing
    assert sorted((k[0], "error", *k[2:]) for k in missing.elements()) == sorted(extra.elements())


def test_a_column_set_aside_is_named_once(set_aside: Case) -> None:
    """A printed 其中 column no kind models: one READ-part warning per table that prints it,
    naming the column as printed, and no other new finding (the tables are exact above)."""
    label = set_aside.layout.extra_column
    warned = [f for f in set_aside.findings if f.rule_id == SET_ASIDE_RULE]
    tables = [f.place.table for f in warned if f.place is not None]
    assert warned and len(tables) == len(set(tables)) == len(warned)
    assert all(label in f.message and f.severity.value == "warning" for f in warned)
    read = {n for t in set_aside.read.tables for n in (t.KIND, t.meta.title) if n}
    assert set(tables) <= read and len(tables) >= 3  # every code-row table of the budget


# -- reported --------------------------------------------------------------------------------------


def test_a_layout_not_read_whole_says_so(reported: Case) -> None:
    case = reported
    read = [
        f for f in case.findings if f.rule_id.startswith("READ-") and f.severity.value == "error"
    ]
    assert read and all(f.place is not None and f.place.table for f in read)
    assert case.result.errors and all(f"{case.path.name} p." in str(e) for e in case.result.errors)


def test_no_finding_rests_on_a_misread(case: Case) -> None:
    """Whatever the outcome, only READ-… findings may be new errors or warnings."""
    text_form = case.text_form()
    new = Counter(map(finding_key, case.findings)) - case.source.findings
    claims = [k for k in new if not k[0].startswith("READ-") and k[1] in ("error", "warning")]
    if case.scale != 1:  # a 万元 residue is an error in 元 (test_same_findings)
        residues = {(k[0], "error", *k[2:]) for k in case.source.findings if k[1] == "info"}
        claims = [k for k in claims if k not in residues]
    assert claims == [], (case.doc, case.name, text_form)


def test_every_table_read_cleanly_is_exact(case: Case) -> None:
    """A table no READ-… finding or read error names (but those the text read names too) is
    the text's, row for row."""
    named = troubled(case.result, case.findings) - case.source.troubled
    if case.outcome == EXACT:
        assert named == set()
    tables = case.source.disclosure.tables
    clean = [(n, t) for n, t in enumerate(tables, 1)
             if t.KIND not in named and (t.meta.title or t.KIND) not in named]  # fmt: skip
    assert clean or case.outcome == REPORTED
    for n, t in clean:
        assert same_table(case, t, n), (case.doc, case.name, t.KIND)


def test_the_narrow_form_wraps_long_names(narrow: Case) -> None:
    """The narrow form does print names over two lines: some line of the PDF holds a part of
    a long name and no whole one (the reader joined them back: the rows are exact)."""
    case = narrow
    import pdfplumber

    names = {r.name for t in case.source.disclosure.tables for r in t.rows if r.name}
    long = [n for n in names if len(n) >= 10]
    with pdfplumber.open(case.path) as pdf:
        words = {w["text"] for page in pdf.pages for w in page.extract_words()}
    parts = [
        w for w in words if len(w) >= 6 and w not in names and any(n.startswith(w) for n in long)
    ]
    assert len(parts) >= 3, parts


def test_the_real_forms_are_printed(real_forms: Case) -> None:
    """The "sh-2025" form prints what the real documents print: 类 款 项 on the 合计 row of
    the 收入/支出决算表, the 本年支出 sub-labels on the 政府性基金 table's 合计 row (where it
    has rows), economic codes as 类 | 款 cells, a row of 决算数 (a guard against the form
    quietly becoming the template)."""
    case = real_forms
    import pdfplumber

    with pdfplumber.open(case.path) as pdf:
        lines = [ln for page in pdf.pages for ln in (page.extract_text() or "").split("\n")]
    assert sum(ln.startswith("类 款 项 合计 ") for ln in lines) == 2
    assert any(re.fullmatch(r"(?:类 款 ){2}", ln + " ") for ln in lines)  # 基本支出 table
    assert any(ln.count("决算数") >= 6 for ln in lines)
    fund = next(t for t in case.source.disclosure.tables if t.KIND.startswith("政府性基金"))
    if len(fund.rows) > 1:
        assert any(re.match(r"合计 .*合计 基本支出 项目支出", ln) for ln in lines)
