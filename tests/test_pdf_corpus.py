"""The PDF extractor on every real PDF of tests/data/pdf, against facts found another way.

The reference is pdfplumber (pdfminer's parse of each page, independent of PDFium): its
characters on the visible page, its words, and its own table finder (``find_tables`` /
``Table.extract``), run on the page as a person sees it (inside the page box, without white
shading and without a rectangle framing the page).  The extractor under test reads the pages
with PDFium and builds its rows itself.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections import Counter
from pathlib import Path

import pytest

pdfplumber = pytest.importorskip("pdfplumber")
pytest.importorskip("pypdfium2")

from govfin.readers.pdf import extract_pdf
from govfin.readers.source import SourceRow

DATA = Path(__file__).parent / "data" / "pdf"
FILES = sorted(p.name for p in DATA.glob("*.pdf"))
SPACE = re.compile(r"\s+")
CODE = re.compile(r"^(\d{3}|\d{5}|\d{7})$")
MONEY = re.compile(r"^-?\d{1,3}(,\d{3})*(\.\d+)?$|^-?\d+\.\d+$")


def test_the_corpus_is_bundled() -> None:
    assert len(FILES) == 10


@functools.cache
def ours(name: str) -> tuple[SourceRow, ...]:
    return tuple(extract_pdf(DATA / name))


def _inside(obj: dict, page) -> bool:
    x0, top, x1, bottom = page.bbox
    hx, vy = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
    return x0 <= hx <= x1 and top <= vy <= bottom


def _white(color) -> bool:
    if isinstance(color, (int, float)):
        return color >= 0.98
    if not isinstance(color, (tuple, list)) or not color:
        return False
    return all(float(v) >= 0.98 for v in color) if len(color) != 4 else \
        all(float(v) <= 0.02 for v in color)


def _seen(page):
    """The page as a person sees it, for pdfplumber's own finders."""
    width, height = page.width, page.height

    def keep(obj: dict) -> bool:
        if obj["object_type"] == "char":
            return _inside(obj, page)
        if obj["object_type"] == "rect":
            if obj.get("fill") and not obj.get("stroke") and _white(
                obj.get("non_stroking_color")
            ):
                return False
            if obj["width"] >= 0.9 * width and obj["height"] >= 0.9 * height:
                return False
        return True

    return page.filter(keep)


@functools.cache
def reference(name: str) -> list[dict]:
    """Per page: visible characters, words, and the oracle's table rows."""
    out = []
    with pdfplumber.open(DATA / name) as pdf:
        for page in pdf.pages:
            seen = _seen(page)
            chars = Counter(c["text"] for c in seen.chars if c["text"].strip())
            words = seen.extract_words()
            tables = []
            for table in seen.find_tables():
                rows = [[SPACE.sub("", c or "") for c in r] for r in table.extract()]
                cols = table.columns
                keep = [j for j in range(len(cols)) if any(r[j] for r in rows)
                        or cols[j].bbox[2] - cols[j].bbox[0] >= 12]
                rows = [[r[j] for j in keep] for r in rows]
                tables.append([r for r in rows if any(r)])
            out.append({"chars": chars, "words": words, "tables": tables,
                        "height": page.height})
            page.close()
    return out


def _page_rows(name: str, page: int) -> list[SourceRow]:
    return [r for r in ours(name) if r.page == page]


@pytest.mark.parametrize("name", FILES)
def test_every_visible_character_once_on_its_page(name: str) -> None:
    ref = reference(name)
    assert max(r.page for r in ours(name)) <= len(ref)
    for number, page in enumerate(ref, start=1):
        got = Counter(ch for r in _page_rows(name, number) for c in r.cells for ch in c
                      if not ch.isspace())
        assert got == page["chars"], (name, number, got - page["chars"], page["chars"] - got)


@pytest.mark.parametrize("name", FILES)
def test_rows_are_ranked_top_to_bottom_on_each_page(name: str) -> None:
    rows = ours(name)
    pages = [r.page for r in rows]
    assert pages == sorted(pages)
    for number in set(pages):
        ranks = [r.row for r in rows if r.page == number]
        assert ranks == list(range(1, len(ranks) + 1))
        tops = [min(b.top for b in r.boxes if b is not None) for r in rows if r.page == number]
        # reading order: a row never starts clearly above the row before it
        assert all(b >= a - 1.0 for a, b in itertools.pairwise(tops)), (name, number)
    assert all(r.file == name for r in rows)
    assert all(len(r.boxes) == len(r.cells) for r in rows)


@pytest.mark.parametrize("name", FILES)
def test_every_oracle_table_row_is_a_row(name: str) -> None:
    """pdfplumber's table finder on the seen page: each of its rows is one of ours, in order."""
    found = 0
    for number, page in enumerate(reference(name), start=1):
        mine = [[SPACE.sub("", c) for c in r.cells] for r in _page_rows(name, number)]
        at = 0
        for table in page["tables"]:
            for row in table:
                while at < len(mine) and mine[at] != row:
                    at += 1
                assert at < len(mine), (name, number, row)
                found += 1
    if "text" not in name:
        assert found > 100


@pytest.mark.parametrize("name", FILES)
def test_every_coded_row_has_its_code_name_and_amounts(name: str) -> None:
    """Words (pdfplumber) of each line led by a classification code land in one row."""
    coded = 0
    for number, page in enumerate(reference(name), start=1):
        words = page["words"]
        rows = _page_rows(name, number)
        for w in words:
            if not CODE.match(w["text"]):
                continue
            band = [v for v in words if w["top"] - 2 <= (v["top"] + v["bottom"]) / 2
                    <= w["bottom"] + 2]
            if any(v["x1"] <= w["x0"] for v in band):
                continue  # not the first word of its line: a number inside prose
            others = [v for v in band if v is not w]
            if not others:
                continue  # a page number
            hits = [r for r in rows if w["text"] in r.cells]
            assert hits, (name, number, w["text"])
            ok = False
            for r in hits:
                joined = "".join(SPACE.sub("", c) for c in r.cells)
                cells = {SPACE.sub("", c) for c in r.cells}
                if all(SPACE.sub("", v["text"]) in joined for v in others) and all(
                    v["text"] in cells for v in others if MONEY.match(v["text"])
                ):
                    ok = True
            assert ok, (name, number, w["text"], [v["text"] for v in others],
                        [r.cells for r in hits])
            coded += 1
    if "tables" in name or "yusuan.pdf" in name:
        assert coded > 20, (name, coded)


def test_hidden_duplicate_below_the_page_is_not_read() -> None:
    name = "js-renda-2017-bumen-yusuan.pdf"
    with pdfplumber.open(DATA / name) as pdf:
        page = pdf.pages[10]
        hidden = [c for c in page.chars if c["top"] > page.height]
        assert len(hidden) > 100  # the file does hide text below page 11
    rows = _page_rows(name, 11)
    codes = [r.cells[0] for r in rows if CODE.match(r.cells[0])]
    assert codes and len(codes) == len(set(codes))  # each coded row once
    assert all(b.bottom <= 842 for r in rows for b in r.boxes if b is not None)


def test_a_rectangle_framing_the_page_is_no_cell() -> None:
    name = "js-renda-2017-bumen-yusuan.pdf"
    for r in ours(name):
        for b in r.boxes:
            if b is not None:
                assert b.x1 - b.x0 < 0.9 * 595 or b.bottom - b.top < 0.9 * 842


def test_word_export_without_ghost_columns() -> None:
    """Jiangsu 高级人民法院 收支预算总表 (p.11-12): six columns, as printed."""
    name = "js-gaojifayuan-2017-bumen-yusuan.pdf"
    rows = {r.cells[0]: r for r in ours(name) if r.page == 11 and len(r.cells) > 1}
    assert rows["一、财政拨款"].cells == (
        "一、财政拨款", "28,849.38", "一、一般公共服务支出", "", "一、基本支出", "17,123.19")
    # the first row of p.12 has no top rule (the table runs over from p.11): still a row
    first = _page_rows(name, 12)[0]
    assert first.cells[0] == "二、财政专户管理资金"
    assert "23,513.11" in first.cells and "四、公共安全支出" in first.cells
    # a name wrapped in its cell is one cell
    assert any("九、医疗卫生与计划生育支出" in r.cells for r in _page_rows(name, 12))


def test_three_column_codes_and_merged_header() -> None:
    name = "sh-putuo-2024-juesuan-template-blank.pdf"
    rows = _page_rows(name, 6)
    header = next(r for r in rows if r.cells[0] == "项目")
    assert header.cells[1] == ""  # spanned by the merged 项目 cell
    assert "附属单位上缴收入" in header.cells  # wrapped label joined without a space
    assert any(r.cells[:2] == ("2050205", "高等教育") for r in rows)


def test_letter_spaced_label_kept_as_printed() -> None:
    rows = ours("js-renda-2017-bumen-yusuan.pdf")
    assert any(r.cells[0] == "当 年 收 入" for r in rows)


def test_unit_line_split_at_the_gap() -> None:
    rows = ours("sh-putuo-wanlijiedao-2025-bumen-yusuan.pdf")
    assert ("编制部门：上海市普陀区人民政府万里街道办事处", "单位：元") in [r.cells for r in rows]


@pytest.mark.parametrize("name", FILES)
def test_no_ghost_columns(name: str) -> None:
    """A narrow grid column (under 12 pt) holds text in some row of its page."""
    columns: dict[tuple[int, float, float], bool] = {}
    for r in ours(name):
        if len(r.cells) < 2:
            continue
        for text, box in zip(r.cells, r.boxes, strict=True):
            if box is not None and box.x1 - box.x0 < 12:
                key = (r.page, round(box.x0), round(box.x1))
                columns[key] = columns.get(key, False) or bool(text)
    assert all(columns.values()), [k for k, v in columns.items() if not v]
