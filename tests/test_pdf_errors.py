"""Bad PDF input: each a typed error (a ReadError) naming the file, never a stray exception."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

pytest.importorskip("pypdfium2")
pytest.importorskip("pdfplumber")
canvas = pytest.importorskip("reportlab.pdfgen.canvas")

from govfin.readers.errors import ReadError
from govfin.readers.pdf import (
    DamagedPdfError,
    EmptyPdfError,
    EncryptedPdfError,
    NotAPdfError,
    NoTextLayerError,
    PdfError,
    PdfSupportMissingError,
    extract_pdf,
)

DATA = Path(__file__).parent / "data"
REAL = DATA / "pdf" / "js-zhengxie-2017-bumen-yusuan-tables.pdf"
ENGINES = ["pdfium", "pdfplumber"]


def _pdf(draw, **kwargs) -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(595, 842), **kwargs)
    draw(c)
    c.showPage()
    c.save()
    return buf.getvalue()


def _hello(c) -> None:
    c.setFont("Helvetica", 12)
    c.drawString(72, 760, "Hello 2024")


@pytest.mark.parametrize("engine", ENGINES)
def test_empty_file(tmp_path: Path, engine: str) -> None:
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    with pytest.raises(EmptyPdfError, match=r"^empty\.pdf: empty file"):
        extract_pdf(empty, engine=engine)
    with pytest.raises(EmptyPdfError, match=r"^<bytes>: empty file"):
        extract_pdf(b"", engine=engine)


@pytest.mark.parametrize("engine", ENGINES)
def test_not_a_pdf(engine: str) -> None:
    seed = DATA / "seed_2024.txt"
    with pytest.raises(NotAPdfError, match=r"^seed_2024\.txt: not a PDF"):
        extract_pdf(seed, engine=engine)
    with pytest.raises(NotAPdfError, match=r"^report\.pdf: not a PDF"):
        extract_pdf(b"PK\x03\x04 a zip file", name="report.pdf", engine=engine)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("share", [0.5, 0.97])
def test_truncated_pdf(engine: str, share: float) -> None:
    data = REAL.read_bytes()
    cut = data[: int(len(data) * share)]
    with pytest.raises(DamagedPdfError, match=r"^cut\.pdf: damaged or truncated PDF"):
        extract_pdf(cut, name="cut.pdf", engine=engine)


@pytest.mark.parametrize("engine", ENGINES)
def test_damaged_pdf(engine: str) -> None:
    junk = b"%PDF-1.4\n" + bytes(range(256)) * 20 + b"\n%%EOF\n"
    with pytest.raises(DamagedPdfError, match=r"^junk\.pdf: damaged PDF"):
        extract_pdf(junk, name="junk.pdf", engine=engine)


@pytest.mark.parametrize("engine", ENGINES)
def test_encrypted_pdf(engine: str) -> None:
    from reportlab.lib import pdfencrypt

    locked = _pdf(_hello, encrypt=pdfencrypt.StandardEncryption("secret", strength=128))
    with pytest.raises(EncryptedPdfError, match=r"^locked\.pdf: encrypted PDF"):
        extract_pdf(locked, name="locked.pdf", engine=engine)


def test_encrypted_without_user_password_is_read() -> None:
    """Only an owner password (no password to open): a person opens it, so do we."""
    from reportlab.lib import pdfencrypt

    data = _pdf(_hello, encrypt=pdfencrypt.StandardEncryption("", ownerPassword="owner",
                                                               canCopy=0))
    assert [r.cells for r in extract_pdf(data)] == [("Hello 2024",)]


@pytest.mark.parametrize("engine", ENGINES)
def test_scanned_pdf_without_text_layer(engine: str) -> None:
    from PIL import Image
    from reportlab.lib.utils import ImageReader

    scan = Image.new("L", (400, 200), 255)
    for x in range(50, 350):
        for y in range(90, 110):
            scan.putpixel((x, y), 0)  # a black bar: what a scanned line of text gives

    def draw(c) -> None:
        c.drawImage(ImageReader(scan), 72, 500, width=400, height=200)

    with pytest.raises(NoTextLayerError, match=r"^scan\.pdf: no text layer; govfin does no OCR"):
        extract_pdf(_pdf(draw), name="scan.pdf", engine=engine)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(PdfError, match=r"^nowhere\.pdf: cannot open file"):
        extract_pdf(tmp_path / "nowhere.pdf")


@pytest.mark.parametrize("module", ["pypdfium2", "pdfplumber"])
def test_without_the_extra(monkeypatch: pytest.MonkeyPatch, module: str) -> None:
    monkeypatch.setitem(sys.modules, module, None)  # import fails as if not installed
    with pytest.raises(PdfSupportMissingError) as info:
        extract_pdf(REAL)
    assert "pip install 'govfin[pdf]'" in str(info.value)
    assert str(info.value).startswith(REAL.name)
    assert isinstance(info.value, ImportError)


@pytest.mark.parametrize(
    "cls",
    [DamagedPdfError, EmptyPdfError, EncryptedPdfError, NoTextLayerError, NotAPdfError,
     PdfSupportMissingError],
)
def test_every_error_is_a_read_error(cls: type) -> None:
    assert issubclass(cls, PdfError) and issubclass(cls, ReadError)


def test_bad_engine() -> None:
    with pytest.raises(ValueError, match="engine"):
        extract_pdf(REAL, engine="ocr")


def test_docstring_examples() -> None:
    import doctest

    from govfin.readers import pdf
    from govfin.readers.pdf import _layout

    for module in (pdf, _layout):
        result = doctest.testmod(module, raise_on_error=False)
        assert result.attempted > 0 and result.failed == 0, module.__name__


def test_corrupted_bytes_give_rows_or_a_pdf_error() -> None:
    """Bytes overwritten inside a real file: PDFium repairs what it can; what it cannot is a
    DamagedPdfError, never another exception."""
    import random

    data = REAL.read_bytes()
    rnd = random.Random(13)
    outcomes = set()
    for _ in range(30):
        broken = bytearray(data)
        for _ in range(rnd.randint(1, 60)):
            broken[rnd.randrange(16, len(broken) - 16)] = rnd.randrange(256)
        try:
            rows = extract_pdf(bytes(broken), name="broken.pdf")
        except PdfError as exc:
            assert str(exc).startswith("broken.pdf")
            outcomes.add(type(exc).__name__)
        else:
            assert all(r.file == "broken.pdf" for r in rows)
            outcomes.add("read")
    assert "read" in outcomes


@pytest.mark.parametrize("module", ["pypdfium2", "pdfplumber"])
def test_without_the_extra_in_a_fresh_process(module: str) -> None:
    """Nothing imported before: the extractor's own modules must not fail at import."""
    import subprocess

    code = (
        "import sys\n"
        f"sys.modules[{module!r}] = None\n"
        "from govfin.readers.pdf import extract_pdf, PdfSupportMissingError\n"
        "try:\n"
        f"    extract_pdf({str(REAL)!r})\n"
        "except PdfSupportMissingError as exc:\n"
        "    print(exc)\n"
    )
    src = str(Path(__file__).resolve().parents[1] / "src")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=120, check=False, env={"PYTHONPATH": src})
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == (f"{REAL.name}: reading PDF needs the optional PDF libraries: "
                                  "pip install 'govfin[pdf]'")
