"""A table's optional columns (人员经费/公用经费 beside 基本支出, 会议费/培训费 beside the 三公) are
shown wherever the table is: written back as text, as a frame, as HTML.  Read whole, they must
not be left out downstream (a writer that drops them loses what was read)."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest

from govfin import examples
from govfin.readers import read_text
from govfin.readers.writer import write_text
from govfin.tables import GeneralBudgetExpenditureTable as T05
from govfin.tables import table_html


def _with_split(d):
    """The seed with 基本支出 of its 公开05 split 3:… into 人员经费 and 公用经费 on every row."""
    tables = []
    for t in d.tables:
        if isinstance(t, T05):
            rows = []
            for r in t.rows:
                basic = r.values.get("基本支出")
                extra = {}
                if basic is not None:
                    personnel = (basic * Decimal("0.6")).quantize(Decimal("0.01"))
                    extra = {"人员经费": personnel, "公用经费": basic - personnel}
                rows.append(attrs.evolve(r, values={**r.values, **extra}))
            t = attrs.evolve(t, rows=rows)
        tables.append(t)
    return attrs.evolve(d, tables=tuple(tables))


SPLIT = _with_split(examples.load())
T = SPLIT.table(T05)


def test_printed_columns_add_the_optional_columns_a_row_holds():
    assert T.printed_columns() == (*T05.COLUMNS, "人员经费", "公用经费")
    assert examples.load().table(T05).printed_columns() == T05.COLUMNS


def test_written_back_and_read_again_the_optional_columns_are_kept():
    again = read_text(write_text(SPLIT)).disclosure.table(T05)
    assert again is not None
    def printed(values):  # a blank cell of a printed column is what an absent value is
        return {c: v for c, v in values.items() if v is not None}

    assert [printed(r.values) for r in again.rows] == [printed(r.values) for r in T.rows]
    assert "人员经费" in again.printed_columns()


def test_the_frame_and_the_html_show_them():
    html = table_html(T)
    assert "<th>人员经费</th>" in html and "<th>公用经费</th>" in html
    pandas = pytest.importorskip("pandas")
    assert pandas is not None
    from govfin.frames import to_frame

    frame = to_frame(T)
    assert {"人员经费", "公用经费"} <= set(frame.columns)
    first = next(r for r in T.rows if r.values.get("人员经费") is not None)
    row = frame[frame["key"] == first.key].iloc[0]
    assert row["人员经费"] == first.values["人员经费"]
