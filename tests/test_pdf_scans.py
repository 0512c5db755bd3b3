"""Pages a person reads but govfin cannot: told (READ-page, naming the page), never skipped.

Many published documents mix printed pages with scanned ones: a stamped cover, a 自评表 printed,
signed and scanned back, one table pasted in as a picture.  govfin does no OCR, so such a page
is not read; the report must say so, and must not count the document's tables as if it had read
them all (a table on the scanned page is not "missing").  The same holds for a page whose
text layer maps its glyphs to no characters (a font without a Unicode map gives Private Use
Area codes).  The test documents are a real PDF of the corpus with one of its pages replaced by
a picture of itself, or by such text.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

pdfium = pytest.importorskip("pypdfium2")
pytest.importorskip("pdfplumber")
canvas = pytest.importorskip("reportlab.pdfgen.canvas")

from govfin import check
from govfin.readers.errors import UnreadPageError
from govfin.readers.files import read_path
from govfin.readers.pdf import NoTextLayerError, pdf_rows

REAL = Path(__file__).parent / "data" / "pdf" / "js-renda-2017-bumen-yusuan.pdf"
ENGINES = ["pdfium", "pdfplumber"]
SANGONG = 20  # the page of the real file that prints the “三公”经费 table


def _image_page(page, text: str = "", heading: tuple[str, ...] = ()) -> bytes:
    """A one-page PDF showing ``page`` as a picture (a scan), with ``text`` printed over it
    (wrapped at 90 characters), or with a printed ``heading`` above a smaller picture."""
    from reportlab.lib.utils import ImageReader

    w, h = page.get_size()
    picture = page.render(scale=0.6).to_pil()
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(w, h))
    if heading:
        _cjk(c, 12)
        for i, line in enumerate(heading):
            c.drawString(60, h - 50 - 18 * i, line)
        c.drawImage(ImageReader(picture), 40, 40, w - 80, h - 80 - 18 * len(heading))
    else:
        c.drawImage(ImageReader(picture), 0, 0, w, h)
    if text:
        c.setFont("Helvetica", 10)
        for i in range(0, len(text), 90):
            c.drawString(40, 60 - (i // 90) * 12, text[i : i + 90])
    c.showPage()
    c.save()
    return buf.getvalue()


def _cjk(c, size: float) -> None:
    """Set a Chinese font (Adobe's STSong-Light, which reportlab knows without a font file)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    if "STSong-Light" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c.setFont("STSong-Light", size)


def _garbled_page(page) -> bytes:
    """A one-page PDF whose text maps to Private Use Area codes, as a font without a Unicode
    map gives, with a page number printed right."""
    w, h = page.get_size()
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(w, h))
    _cjk(c, 11)
    for i in range(30):
        c.drawString(60, h - 80 - 18 * i, "".join(chr(0xE000 + (i * 7 + j) % 300) for j in range(24)))
    c.drawString(w / 2, 30, "- 20 -")
    c.showPage()
    c.save()
    return buf.getvalue()


def _scanned(path: Path, pages: set[int], text: str = "", *, garbled: bool = False,
             heading: tuple[str, ...] = ()) -> Path:
    """The real PDF with each page in ``pages`` (1-based) replaced by a picture of itself (or,
    ``garbled``, by text without characters)."""
    src = pdfium.PdfDocument(REAL)
    out = pdfium.PdfDocument.new()
    for number in range(1, len(src) + 1):
        if number in pages:
            page = src[number - 1]
            made = _garbled_page(page) if garbled else _image_page(page, text, heading)
            out.import_pages(pdfium.PdfDocument(made))
        else:
            out.import_pages(src, [number - 1])
    out.save(path)
    return path


@pytest.fixture(scope="module")
def sangong_scanned(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _scanned(tmp_path_factory.mktemp("scan") / "renda-scan.pdf", {SANGONG})


@pytest.mark.parametrize("engine", ENGINES)
def test_the_scanned_page_is_told(sangong_scanned: Path, engine: str) -> None:
    read = pdf_rows(sangong_scanned, engine=engine)
    assert read.scans == (SANGONG,)
    assert SANGONG not in {r.page for r in read.rows}
    assert {r.page for r in read.rows} >= {SANGONG - 1, SANGONG + 1}


@pytest.mark.parametrize("name", sorted(p.name for p in (REAL.parent).glob("*.pdf")))
def test_no_real_page_is_taken_for_a_scan(name: str) -> None:
    assert pdf_rows(REAL.parent / name).scans == ()


def test_a_page_number_stamped_on_a_scan_is_still_a_scan(tmp_path: Path) -> None:
    path = _scanned(tmp_path / "numbered.pdf", {SANGONG}, text="- 20 -")
    assert pdf_rows(path).scans == (SANGONG,)


def test_a_picture_with_a_paragraph_is_not_a_scan(tmp_path: Path) -> None:
    # a page holding a chart and a paragraph about it is a printed page with a picture
    paragraph = ("Figure 1 shows the income and expenditure of the year by source of funds; "
                 "the general public budget gives most of it, as in the year before, and the "
                 "rest comes from the unit's own income.")
    assert len(paragraph.replace(" ", "")) > 150
    path = _scanned(tmp_path / "chart.pdf", {SANGONG}, text=paragraph)
    assert pdf_rows(path).scans == ()


def test_the_report_says_which_page_was_not_read(sangong_scanned: Path) -> None:
    result = read_path(sangong_scanned)
    errors = [e for e in result.errors if isinstance(e, UnreadPageError)]
    assert len(errors) == 1
    assert errors[0].place == "renda-scan.pdf p.20"
    report = check(result.disclosure)
    scans = [f for f in report.findings if f.rule_id == "READ-page"]
    assert len(scans) == 1
    assert scans[0].severity.value == "error"
    assert "p.20" in scans[0].message and "no OCR" in scans[0].message


def test_nothing_is_counted_as_missing_and_no_figure_as_unfound(sangong_scanned: Path) -> None:
    full = check(read_path(REAL).disclosure)
    report = check(read_path(sangong_scanned).disclosure)
    counting = ("K-missing", "B-K-missing", "N-unchecked", "N-perf", "N-plan")
    assert not [f for f in report.findings if f.rule_id.startswith(counting)]
    withheld = {w.finding.rule_id for w in report.withheld}
    assert "N-unchecked" in withheld
    # the real file's contradictions about the “三公” figures rest on the table now unread:
    # they are not reported as contradictions of something govfin never saw
    assert [f for f in full.errors if f.rule_id == "N-share"]
    assert not [f for f in report.errors if f.rule_id == "N-share"]


def test_a_run_of_scanned_pages_is_one_problem(tmp_path: Path) -> None:
    path = _scanned(tmp_path / "run.pdf", {SANGONG, SANGONG + 1, SANGONG + 2})
    errors = [e for e in read_path(path).errors if isinstance(e, UnreadPageError)]
    assert [e.place for e in errors] == ["run.pdf pp.20–22"]


def test_a_scanned_cover_has_no_line_before_it(tmp_path: Path) -> None:
    path = _scanned(tmp_path / "cover.pdf", {1})
    errors = [e for e in read_path(path).errors if isinstance(e, UnreadPageError)]
    assert [(e.place, e.line) for e in errors] == [("cover.pdf p.1", None)]
    report = check(read_path(path).disclosure)
    assert [f.rule_id for f in report.findings if f.rule_id == "READ-page"] == ["READ-page"]


def test_every_page_scanned_is_still_no_text_layer(tmp_path: Path) -> None:
    src = pdfium.PdfDocument(REAL)
    path = _scanned(tmp_path / "all.pdf", set(range(1, len(src) + 1)))
    with pytest.raises(NoTextLayerError):
        pdf_rows(path)


def test_a_page_of_text_without_characters_is_told_and_left_out(tmp_path: Path) -> None:
    # (pdfminer, the reference engine, decodes this test font's codes as other characters;
    # a glyph it cannot map it gives as "(cid:N)", which counts as unmapped too)
    path = _scanned(tmp_path / "garbled.pdf", {SANGONG}, garbled=True)
    read = pdf_rows(path)
    assert read.garbled == (SANGONG,) and read.scans == ()
    assert SANGONG not in {r.page for r in read.rows}  # no row of codes read as text
    (err,) = [e for e in read_path(path).errors if isinstance(e, UnreadPageError)]
    assert err.place == "garbled.pdf p.20" and "without a Unicode map" in err.message
    report = check(read_path(path).disclosure)
    assert [f.rule_id for f in report.findings if f.rule_id.startswith("READ-")].count("READ-page") == 1
    assert not [f for f in report.findings if f.rule_id.startswith(("K-missing", "N-unchecked"))]


def test_no_real_page_is_taken_for_garbled() -> None:
    for path in sorted(REAL.parent.glob("*.pdf")):
        assert pdf_rows(path).garbled == (), path.name


def test_a_table_pasted_in_as_a_picture_under_its_printed_title(tmp_path: Path) -> None:
    # the title, 部门 and 单位 are printed; the table itself is a picture
    heading = ("一般公共预算“三公”经费、会议费、培训费支出预算表",
               "部门：江苏省人大常委会办公厅        单位：万元")
    path = _scanned(tmp_path / "pasted.pdf", {SANGONG}, heading=heading)
    read = pdf_rows(path)
    assert read.scans == (SANGONG,)
    assert [r for r in read.rows if r.page == SANGONG]  # the heading is read
    result = read_path(path)
    (err,) = [e for e in result.errors if isinstance(e, UnreadPageError)]
    assert err.place == "pasted.pdf p.20" and "pasted in as a picture" in err.message
    report = check(result.disclosure)
    (page,) = [f for f in report.findings if f.rule_id == "READ-page"]
    assert page.place.table.startswith("一般公共预算“三公”经费")  # the table under the title
    assert not [f for f in report.errors if f.rule_id == "N-share"]
