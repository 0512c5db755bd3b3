"""PDF extraction speed: seconds per document and per page over a folder of PDFs.

For every PDF in the folder (``GOVFIN_PDF_CORPUS``, the first argument, or by default
../shared/corpus beside the repository) this times, as the median of ``--repeat`` single runs:

- ``extract``: :func:`govfin.readers.pdf.extract_pdf` (PDFium backend: every row and cell);
- ``floor``: PDFium alone extracting the same pages' plain text (open, load each page, its
  text page, all its text, close) -- the least any PDFium-based reader does;
- ``pdfplumber`` (with ``--reference``): the same extraction on the pdfplumber backend, the
  reference the fast one is tested against.

Run on demand, not in the tests::

    python benchmarks/pdf.py [FOLDER] [--repeat 3] [--reference] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

from harness import machine

from govfin.readers.pdf import extract_pdf

DEFAULT = HERE.parent.parent / "shared" / "corpus"


def floor(path: Path) -> int:
    """PDFium's plain text of every page; returns the number of characters."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path))
    n = 0
    try:
        for i in range(len(doc)):
            page = doc[i]
            tp = page.get_textpage()
            n += len(tp.get_text_range())
            tp.close()
            page.close()
    finally:
        doc.close()
    return n


def timed(fn, repeat: int) -> tuple[float, float]:
    """Median wall-clock and CPU seconds of ``repeat`` calls (CPU time shows the work when
    other processes share the machine)."""
    wall, cpu = [], []
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        fn()
        wall.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    return statistics.median(wall), statistics.median(cpu)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?",
                    default=os.environ.get("GOVFIN_PDF_CORPUS", str(DEFAULT)))
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--reference", action="store_true", help="also time the pdfplumber backend")
    ap.add_argument("--json", help="write the results here")
    args = ap.parse_args(argv)
    import pypdfium2 as pdfium

    files = sorted(Path(args.folder).glob("*.pdf"))
    if not files:
        print(f"no PDF in {args.folder}", file=sys.stderr)
        return 2
    extract_pdf(files[0])  # imports and PDFium's start-up, outside the timings
    results = []
    print(f"{'file':<62} {'pages':>5} {'rows':>5} {'extract s':>9} {'cpu s':>6} {'s/page':>7} "
          f"{'floor s':>8}" + (f" {'plumber s':>9}" if args.reference else ""))
    for path in files:
        pages = len(pdfium.PdfDocument(str(path)))
        rows = len(extract_pdf(path))
        t, cpu = timed(lambda p=path: extract_pdf(p), args.repeat)
        f, _ = timed(lambda p=path: floor(p), args.repeat)
        r = timed(lambda p=path: extract_pdf(p, engine="pdfplumber"), 1)[0] \
            if args.reference else None
        results.append({"file": path.name, "pages": pages, "rows": rows, "extract": t,
                        "cpu": cpu, "per_page": t / pages, "floor": f, "pdfplumber": r})
        print(f"{path.name:<62} {pages:>5} {rows:>5} {t:>9.3f} {cpu:>6.3f} {t / pages:>7.4f} "
              f"{f:>8.3f}" + (f" {r:>9.2f}" if r is not None else ""))
    med = statistics.median(x["extract"] for x in results)
    per_page = sum(x["extract"] for x in results) / sum(x["pages"] for x in results)
    fmed = statistics.median(x["floor"] for x in results)
    cmed = statistics.median(x["cpu"] for x in results)
    print(f"median per document: extract {med:.3f} s (CPU {cmed:.3f} s), floor {fmed:.3f} s; "
          f"mean per page: extract {per_page * 1000:.1f} ms")
    if args.reference:
        rmed = statistics.median(x["pdfplumber"] for x in results)
        print(f"median per document, pdfplumber backend: {rmed:.2f} s")
    if args.json:
        Path(args.json).write_text(json.dumps(
            {"machine": machine(), "results": results, "median_extract": med,
             "median_floor": fmed, "per_page": per_page}, indent=2, ensure_ascii=False),
            encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
