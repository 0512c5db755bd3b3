"""Issue 15: a bare page number ("- 3 -", "3", "第3页", "3/20") is layout, not data.

Text extracted from a PDF keeps the page numbers printed at the foot of each page, between a
table's rows, between two tables or between two paragraphs.  The reader files them as
boilerplate (page number) in text sources too, not only in paged ones: no unrecognised line,
no "amount without a row label", and the tables read the same.
"""

from __future__ import annotations

from pathlib import Path

import golden
import pytest
from hypothesis import given
from hypothesis import strategies as st

from govfin.readers import read_text
from govfin.readers.lines import Line, LineKind, is_page_number

BUDGET = Path(__file__).parent / "data" / "accuracy" / "sh-putuo-wanlijiedao-2025-yusuan.txt"

PAGE_NUMBERS = ("- 3 -", "3", "第3页", "第3页共20页", "3/20", "—12—", "－ 7 －")


def _insert(text: str, anchor: str, number: str, after: str = "") -> str:
    """``text`` with a page number and a page break put right after ``anchor``."""
    at = text.index(anchor, text.index(after) if after else 0) + len(anchor)
    return text[:at] + f"{number}\n\f\n" + text[at:]


def _tables(result) -> dict:
    return {t.KIND: t.rows for t in result.disclosure.tables}


@pytest.mark.parametrize("text", PAGE_NUMBERS)
def test_a_page_number_line_is_one(text: str) -> None:
    assert is_page_number(Line(1, text))


@pytest.mark.parametrize("text", ["\t3", "3\t\t", "合计\t3", "3.50", "2024年度", "第三部分", "12345"])
def test_a_row_or_a_figure_is_not_a_page_number(text: str) -> None:
    """A text row with a tab is a table row (an amount whose label is missing), not layout."""
    assert not is_page_number(Line(1, text))


@given(st.integers(1, 9999))
def test_every_printed_form_of_a_page_number(n: int) -> None:
    for form in (f"{n}", f"- {n} -", f"第{n}页", f"{n}/{min(n + 1, 9999)}"):
        assert is_page_number(Line(1, form)), form


@pytest.fixture(scope="module")
def seed():
    return read_text(golden.TEXT)


@pytest.mark.parametrize("number", PAGE_NUMBERS)
def test_a_page_number_inside_a_table_changes_nothing(seed, number: str) -> None:
    """公开01 continues on its next page after row 二十三、其他支出."""
    edited = _insert(golden.TEXT, "二十三、其他支出\t54\t\n\n", number, "公开01表")
    result = read_text(edited)
    assert result.log.errors == () and result.log.unrecognised == ()
    assert _tables(result) == _tables(seed)
    line = edited.splitlines().index(number) + 1
    entry = result.log.entry(line)
    assert entry is not None and (entry.kind, entry.note) == (LineKind.BOILERPLATE, "page number")


def test_page_numbers_between_tables_and_paragraphs_change_nothing(seed) -> None:
    edited = _insert(golden.TEXT, "注：本表反映部门本年度各项支出情况。\n", "- 7 -", "公开03表")
    edited = _insert(edited, "注：本表反映部门本年度一般公共预算财政拨款基本支出明细情况。\n", "9/30",
                     "公开06表")
    edited = _insert(edited, "第三部分 情况说明\n", "15")
    result = read_text(edited)
    assert result.log.errors == () and result.log.unrecognised == ()
    assert _tables(result) == _tables(seed)
    assert result.disclosure.narrative == seed.disclosure.narrative


def test_page_numbers_between_a_budgets_tables_are_no_amount() -> None:
    """Before: "- 5 -" read as an amount without a row label (CellCountError)."""
    text = BUDGET.read_text(encoding="utf-8")
    before = read_text(text)
    edited = text
    for number, title in (("- 5 -", "2025年部门收入预算总表"),
                          ("- 12 -", "2025年部门“三公”经费和机关运行经费预算表")):
        assert edited.count(f"\n{title}\n") == 1
        edited = edited.replace(f"\n{title}\n", f"\n{number}\n\f\n{title}\n")
    result = read_text(edited)
    assert result.log.errors == () and result.log.unrecognised == ()
    assert _tables(result) == _tables(before)
