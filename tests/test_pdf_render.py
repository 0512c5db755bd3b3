"""The test helper tests/pdf_render.py renders the seed into real PDFs that read back as printed.

Each layout is rendered once per module into a temporary directory; pdfplumber (and pypdfium2 for
the characters) read the result.  What is compared comes from the Disclosure read from the seed
text, never from the renderer: every code and amount of every table, each self-evaluation form,
the narrative, the 目录's page numbers, the page footers.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

pdfplumber = pytest.importorskip("pdfplumber")
pypdfium2 = pytest.importorskip("pypdfium2")
pytest.importorskip("reportlab")

from pdf_render import LAYOUTS, render_pdf

from govfin import examples
from govfin.disclosure import Disclosure
from govfin.tables import (
    BasicExpenditureDetail,
    FunctionalTable,
    Table,
)

SEED = examples.load()


class Rendered:
    """One rendered PDF: its path, its pages' text, the 目录 entries."""

    def __init__(self, path: Path, layout: str) -> None:
        self.path, self.layout = path, layout
        self.pdf = pdfplumber.open(path)
        self.pages = self.pdf.pages
        self.texts = [p.extract_text() or "" for p in self.pages]
        #: 目录 entry text -> printed page number (the footer's number, not the page index).
        self.toc: dict[str, int] = {}
        for line in self.texts[1].splitlines():
            m = re.match(r"^(.*?)\s*\.{3,}\s*(\d+)$", line)
            if m:
                self.toc[m.group(1).strip()] = int(m.group(2))

        self._tables: dict[int, list[list[list[str | None]]]] = {}

    def tables(self, i: int) -> list[list[list[str | None]]]:
        """pdfplumber's tables of page ``i`` (read once)."""
        if i not in self._tables:
            self._tables[i] = self.pages[i].extract_tables()
        return self._tables[i]

    def page_of(self, number: int) -> int:
        """Index (0-based) of the page whose footer prints ``number``: the cover is unnumbered."""
        return number

    def pages_of_table(self, entry: str) -> range:
        """Page indices of the table whose 目录 entry is ``entry``: up to the next later entry."""
        start = self.toc[entry]
        later = [n for n in self.toc.values() if n > start]
        end = min(later) if later else len(self.pages) - 1
        return range(self.page_of(start), self.page_of(end))


@pytest.fixture(scope="module", params=LAYOUTS)
def rendered(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Rendered]:
    path = tmp_path_factory.mktemp("pdf") / f"seed-{request.param}.pdf"
    render_pdf(SEED, path, layout=request.param)
    r = Rendered(path, request.param)
    yield r
    r.pdf.close()


_NUMERALS = "一二三四五六七八九十"


def _numeral(n: int) -> str:
    tens, units = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _NUMERALS[tens - 1] + "十")
    return head + ("" if units == 0 else _NUMERALS[units - 1])


def _entries(r: Rendered) -> list[tuple[str, Table]]:
    """The 目录 entry of every table ("一、收入支出决算总表"), in the order the PDF prints them."""
    titled = {}
    for text in r.toc:
        m = re.match(r"^([一二三四五六七八九十]+)、(.*)$", text)
        if m:
            titled.setdefault(m.group(2), text)
    out = []
    for t in SEED.tables:
        assert t.meta.title in titled, (t.meta.title, list(r.toc))
        out.append((titled[t.meta.title], t))
    return sorted(out, key=lambda e: r.toc[e[0]])


# -- the file --------------------------------------------------------------------------------------


def test_a_valid_pdf_both_libraries_open(rendered: Rendered) -> None:
    data = rendered.path.read_bytes()
    assert data.startswith(b"%PDF-1.")
    assert data.rstrip().endswith(b"%%EOF")
    doc = pypdfium2.PdfDocument(str(rendered.path))
    try:
        assert len(doc) == len(rendered.pages)
    finally:
        doc.close()


def test_rendering_is_deterministic(rendered: Rendered, tmp_path: Path) -> None:
    again = tmp_path / "again.pdf"
    render_pdf(SEED, again, layout=rendered.layout)
    assert again.read_bytes() == rendered.path.read_bytes()
    # A fixed creation date (reportlab's invariant mode), not the time of the run.
    assert rendered.pdf.metadata["CreationDate"].startswith("D:2000")


def test_an_unknown_layout_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="layout"):
        render_pdf(SEED, tmp_path / "x.pdf", layout="word")
    assert not (tmp_path / "x.pdf").exists()


# -- pages -----------------------------------------------------------------------------------------


def _footer(page: Any) -> str:
    """The text in the bottom margin of a page."""
    bottom = page.crop((0, page.height - 40, page.width, page.height))
    return (bottom.extract_text() or "").strip()


def test_cover_then_numbered_pages(rendered: Rendered) -> None:
    cover = rendered.texts[0]
    assert SEED.department is not None and SEED.year is not None
    assert SEED.department in cover.replace("\n", "")
    assert f"{SEED.year}年度部门决算公开" in cover
    assert _footer(rendered.pages[0]) == ""
    expected = "- {} -" if rendered.layout == "seed" else "{}"
    for i, page in enumerate(rendered.pages[1:], 1):
        assert _footer(page) == expected.format(i), i


def test_expected_number_of_pages(rendered: Rendered) -> None:
    """Cover, 目录, the tables (each from a new page), the narrative, the forms (each from a new
    page)."""
    entries = _entries(rendered)
    spans = [rendered.pages_of_table(e) for e, _ in entries]
    assert spans[0].start == 2  # after the cover and the one page of 目录
    for before, after in itertools.pairwise(spans):
        assert before.stop == after.start  # each table starts a page; no page between tables
    assert sum(len(s) for s in spans) >= len(SEED.tables) + 2  # some run over pages
    narrative = spans[-1].stop
    appendix = rendered.page_of(rendered.toc["第五部分 附件"])
    assert rendered.page_of(rendered.toc["第四部分 名词解释"]) in range(narrative, appendix)
    # each form begins a page (with its 项目绩效分析 a form may run over onto the next)
    forms = _form_pages(rendered)
    assert len(forms) == len(SEED.evaluations) and forms[0] == appendix
    for k, e in enumerate(SEED.evaluations):
        text = rendered.texts[forms[k]]
        assert f"{e.project}项目支出绩效自评表" in text.splitlines()[:2], k
    assert len(rendered.pages) - forms[-1] in (1, 2)


def test_contents_point_at_the_pages_of_the_titles(rendered: Rendered) -> None:
    entries = _entries(rendered)
    assert [t.KIND for _, t in entries] == list(_expected_order(rendered.layout))
    for entry, t in entries:
        page = rendered.texts[rendered.page_of(rendered.toc[entry])]
        assert t.meta.title in page.splitlines()[:2], entry
        assert t.meta.number in page and f"部门名称：{t.meta.department}" in page
        assert f"{t.meta.year}年度" in page
    for s in SEED.narrative.sections:
        page = rendered.texts[rendered.page_of(rendered.toc[s.heading])]
        assert s.heading in page.splitlines()


def _expected_order(layout: str) -> tuple[str, ...]:
    kinds = tuple(t.KIND for t in SEED.tables)
    if layout == "seed":
        return kinds
    # The Shanghai template: 三公 7th, before the 政府性基金 and 国有资本经营 tables; 公开10 last.
    three_public = "财政拨款“三公”经费支出决算表"
    rest = [k for k in kinds if k != three_public]
    return (*rest[:6], three_public, *rest[6:])


def test_tables_run_over_pages_with_or_without_their_header(rendered: Rendered) -> None:
    spanning = 0
    for entry, _ in _entries(rendered):
        pages = rendered.pages_of_table(entry)
        if len(pages) < 2:
            continue
        spanning += 1
        first = rendered.tables(pages[0])[0]
        for i in pages[1:]:
            assert not _starts_with_title(rendered.texts[i], entry)
            rows = rendered.tables(i)[0]
            if rendered.layout == "template":
                assert rows[0] == first[0]  # the header is printed again
            else:
                assert rows[0] != first[0] and not _is_header(rows[0])
    assert spanning >= 2


def _starts_with_title(text: str, entry: str) -> bool:
    return entry.split("、", 1)[1] in text.splitlines()[:2]


# -- codes and amounts -----------------------------------------------------------------------------

#: A row holding one of these words is a header row (the first, or one printed again).
_WORDS_OF_HEADERS = {"项目", "栏次", "科目代码", "功能分类科目编码", "经济分类科目编码", "类",
                     "收入", "人员经费", "预算数"}  # fmt: skip
_ORDINAL = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d+\.)")
_AMOUNT = re.compile(r"^-?[\d,]+\.\d+$")


def _clean(cell: str | None) -> str | None:
    return None if cell is None else re.sub(r"\s", "", cell)


def _label(text: str) -> str:
    return _ORDINAL.sub("", re.sub(r"\s", "", text))


def _is_header(row: list[str | None]) -> bool:
    return any(_clean(c) in _WORDS_OF_HEADERS for c in row)


def _printed(v: Decimal | None) -> str:
    return "" if v is None else format(v, "f")


def _code_at(cells: list[str], i: int, codes: set[str]) -> tuple[str, int] | None:
    """A code printed in three cells (类 款 项) or in one, at ``cells[i]``: (code, cells used)."""
    c = cells[i]
    if re.fullmatch(r"\d{3}", c) and i + 2 < len(cells):
        parts = cells[i + 1 : i + 3]
        if all(re.fullmatch(r"(\d{2})?", p) for p in parts):
            code = c + "".join(parts)
            if code in codes:
                return code, 3
    if c in codes:
        return c, 1
    return None


def _read_rows(
    rendered: Rendered, entry: str, t: Table
) -> tuple[dict[str, list[list[str]]], list[str]]:
    """Label -> the cells after each occurrence of it (in printed order); every amount cell."""
    coded = isinstance(t, (FunctionalTable, BasicExpenditureDetail))
    codes = {r.code for r in t.rows if r.code is not None} if coded else set()
    names = {_label(r.name or r.key) for r in t.rows if not coded or r.code is None}
    found: dict[str, list[list[str]]] = defaultdict(list)
    amounts: list[str] = []
    line_numbers = False
    pages = rendered.pages_of_table(entry)
    for i in pages:
        tables = rendered.tables(i)
        assert len(tables) == 1, (entry, i)
        for row in tables[0]:
            if _is_header(row):
                line_numbers = line_numbers or any(_clean(c) == "行次" for c in row)
                continue
            cells = [c for c in map(_clean, row) if c is not None]
            amounts += [c.replace(",", "") for c in cells if _AMOUNT.match(c)]
            k = 0
            while k < len(cells):
                hit = _code_at(cells, k, codes) if codes else None
                if hit is not None:
                    label, used = hit
                    k += used + 1  # the code's cells and the name
                elif _label(cells[k]) in names and cells[k]:
                    label = _label(cells[k])
                    k += 1
                else:
                    k += 1
                    continue
                if line_numbers:
                    assert re.fullmatch(r"\d+", cells[k]), (entry, cells)
                    k += 1
                found[label].append([c.replace(",", "") for c in cells[k:]])
    return found, amounts


@pytest.mark.parametrize("kind", [t.KIND for t in SEED.tables], ids=[t.NUMBER for t in SEED.tables])
def test_every_code_and_amount_of_every_table(rendered: Rendered, kind: str) -> None:
    entry, t = next(e for e in _entries(rendered) if e[1].KIND == kind)
    found, amounts = _read_rows(rendered, entry, t)
    coded = isinstance(t, (FunctionalTable, BasicExpenditureDetail))
    seen: Counter[str] = Counter()
    for r in t.rows:
        label = r.code if coded and r.code is not None else _label(r.name or r.key)
        occurrences = found.get(label, [])
        assert seen[label] < len(occurrences), f"{kind}: row {r.key} not found"
        cells = occurrences[seen[label]]
        seen[label] += 1
        expected = [_printed(r.values[c]) for c in t.COLUMNS if c in r.values]
        assert cells[: len(expected)] == expected, f"{kind}: row {r.key}"
    # Nothing else: each label as often as the Disclosure has it, and no other amount.
    assert {k: len(v) for k, v in found.items()} == dict(seen)
    printed = sorted(_printed(v) for r in t.rows for v in r.values.values() if v is not None)
    assert all(_AMOUNT.match(p) for p in printed)  # the seed prints every amount with decimals
    assert sorted(amounts) == printed


def test_codes_are_printed_in_one_or_three_columns(rendered: Rendered) -> None:
    entry, t = next(e for e in _entries(rendered) if e[1].KIND == "收入决算表")
    rows = rendered.tables(rendered.page_of(rendered.toc[entry]))[0]
    cells = {tuple(_clean(c) for c in row[:3]) for row in rows}
    if rendered.layout == "seed":
        assert ("2010350", "事业运行", "340.18") in cells
    else:
        assert ("201", "03", "50") in cells and ("201", "", "") in cells
    assert any(r.code == "2010350" for r in t.rows)


def test_grid_lines_are_drawn_lines(rendered: Rendered) -> None:
    """Ruled like a Word/WPS export: stroked line segments, not filled rectangles."""
    for entry, _ in _entries(rendered):
        for i in rendered.pages_of_table(entry):
            page = rendered.pages[i]
            assert len(page.lines) >= 6 and not page.rects, (entry, i)


# -- the self-evaluations --------------------------------------------------------------------------


def _form_pages(rendered: Rendered) -> list[int]:
    """The page each 自评表 form begins on (its title in the page's first two lines)."""
    appendix = rendered.page_of(rendered.toc["第五部分 附件"])
    return [n for n in range(appendix, len(rendered.pages))
            if any(ln.endswith("项目支出绩效自评表")
                   for ln in rendered.texts[n].splitlines()[:2])]


def _form_rows(rendered: Rendered, k: int) -> list[list[str]]:
    (table,) = rendered.tables(_form_pages(rendered)[k])
    return [[c for c in map(_clean, row) if c is not None] for row in table]


def _after(rows: list[list[str]], label: str, nth: int = 0) -> list[str]:
    hits = [row[row.index(label) + 1 :] for row in rows if label in row]
    assert len(hits) > nth, label
    return hits[nth]


@pytest.mark.parametrize("k", range(len(SEED.evaluations)))
def test_every_self_evaluation_is_a_ruled_form(rendered: Rendered, k: int) -> None:
    e = SEED.evaluations[k]
    rows = _form_rows(rendered, k)
    assert _after(rows, "项目名称")[0] == _clean(e.project)
    unit = _after(rows, "预算单位")[0]
    assert unit == f"{e.budget_unit_code}-{e.budget_unit}"
    for f in e.funds:
        label = f"{f.source}:" if f.is_total else f.source
        amounts = (f.declared, f.initial_budget, f.annual_budget, f.executed, f.balance, f.rate,
                   f.score)  # fmt: skip
        assert _after(rows, label)[:8] == [*map(_printed, amounts), _clean(f.deviation)], label
    # The indicator rows: between the row of column labels (一级指标 …) and 总分.
    first = next(n for n, row in enumerate(rows) if "一级指标" in row) + 1
    last = next(n for n, row in enumerate(rows) if row and row[0] == "总分")
    assert last - first == len(e.indicators)
    for i, cells in zip(e.indicators, rows[first:last], strict=True):
        expected = [i.level2, i.level3, i.initial_value, i.target, i.actual, i.note,
                    _printed(i.weight), _printed(i.score), i.reason]  # fmt: skip
        assert cells[-9:] == [_clean(x) for x in expected], i
    assert _after(rows, "总分")[:2] == [_printed(e.total_score), e.grade or ""]


# -- the narrative ---------------------------------------------------------------------------------


def _squash(text: str) -> str:
    return re.sub(r"\s", "", text)


def test_the_narrative_reads_back_with_both_libraries(rendered: Rendered) -> None:
    part = next(v for k, v in rendered.toc.items() if k.startswith("第三部分"))
    start = rendered.page_of(part)
    end = rendered.page_of(rendered.toc["第五部分 附件"])
    plumber = _squash("".join(rendered.texts[start:end]))
    doc = pypdfium2.PdfDocument(str(rendered.path))
    try:
        pdfium = _squash("".join(doc[i].get_textpage().get_text_range() for i in range(start, end)))
    finally:
        doc.close()
    lines = [s.heading for s in SEED.narrative.sections]
    lines += [x for s in SEED.narrative.sections for x in s.text.splitlines() if x.strip()]
    lines += [x for x in SEED.narrative.glossary.splitlines() if x.strip()]
    assert len(lines) > 50
    for line in lines:
        assert _squash(line) in plumber, line
        assert _squash(line) in pdfium, line


def _printed_strings(d: Disclosure) -> Iterator[str]:
    """Every string of the Disclosure that the PDF prints."""
    yield from (d.title or "", d.department or "")
    for t in d.tables:
        yield from (t.meta.title or "", t.meta.number or "", t.meta.empty_note or "")
        yield from (r.name for r in t.rows)
    for e in d.evaluations:
        yield from (e.project, e.department or "", e.budget_unit or "", e.goal, e.achieved)
        yield from (e.grade or "", *(f.deviation for f in e.funds))
        for i in e.indicators:
            yield from (i.level1, i.level2, i.level3, i.initial_value, i.target, i.actual, i.reason)
    yield d.narrative.text
    yield d.narrative.glossary


def test_every_character_comes_back_from_the_cid_font(rendered: Rendered) -> None:
    """STSong-Light is not embedded: both libraries map its CIDs back to the same characters."""
    wanted = {ch for text in _printed_strings(SEED) for ch in text if not ch.isspace()}
    doc = pypdfium2.PdfDocument(str(rendered.path))
    try:
        pdfium = {ch for page in doc for ch in page.get_textpage().get_text_range()}
    finally:
        doc.close()
    plumber = {ch for text in rendered.texts for ch in text}
    assert len(wanted) > 500
    assert wanted - plumber == set()
    assert wanted - pdfium == set()


def test_a_minimal_disclosure_renders(tmp_path: Path) -> None:
    render_pdf(Disclosure(department="某部门", year=2024), tmp_path / "minimal.pdf")
    with pdfplumber.open(tmp_path / "minimal.pdf") as pdf:
        assert len(pdf.pages) == 2  # the cover and an empty 目录
        assert "某部门" in (pdf.pages[0].extract_text() or "")
