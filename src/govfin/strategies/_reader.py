"""Reader input (:func:`reader_inputs`): arbitrary text and near-valid disclosures with edits.
"""

from __future__ import annotations

from hypothesis import strategies as st

from govfin.readers import write_text
from govfin.strategies._base import Draw, _Source
from govfin.strategies._disclosures import disclosures

# reader input

#: Pieces of the published layout, for repetition and splicing.
_FRAGMENTS = (
    "收入支出决算总表\n公开01表\n部门名称：某局\n2024年度\n金额单位：万元\n",
    "项目\t\t本年收入合计\t财政拨款收入\n科目代码\t科目名称\n栏次\t\t1\t2\n",
    "合计\t\t1.00\t1.00\n",
    "201\t一般公共服务支出\t1.00\t1.00\n",
    "2010350\t事业运行\t(1,234.50)\t— —\n",
    "第三部分 情况说明\n一、收入支出决算总体情况说明\n",
    "2024年度收入总计648.92万元，支出总计648.92万元。\n",
    "办公用品项目支出绩效自评表\n项目名称\t\t办公用品\n",
    "\t资金总额:\t35\t35\t35\t10.45\t24.52\t29.94\t2.99\n",
    "总分\t\t\t\t\t\t\t\t\t59.99\t差\n",
    "说明：本表无数据\n",
    "（（（（（（",
    "\t\t\t\t\t\t\t\t",
    "\ufeff\u200b\u3000\r\n",
)


def _edit(src: _Source, text: str) -> str:
    """A few random edits of ``text``: lines dropped, doubled, swapped, cells garbled, cut."""
    lines = text.split("\n")
    for _ in range(src.integer(0, 6)):
        if not lines:
            break
        i = src.integer(0, len(lines) - 1)
        op = src.integer(0, 5)
        if op == 0:
            del lines[i]
        elif op == 1:
            lines.insert(i, lines[i])
        elif op == 2:
            j = src.integer(0, len(lines) - 1)
            lines[i], lines[j] = lines[j], lines[i]
        elif op == 3:
            cells = lines[i].split("\t")
            k = src.integer(0, len(cells) - 1)
            cells[k] = src.choice(("x", "1..2", "1,2,3", "—", "9" * 40, "NaN", "1e999", "-", ""))
            lines[i] = "\t".join(cells)
        elif op == 4:
            lines.insert(i, src.choice(_FRAGMENTS).rstrip("\n"))
        else:
            lines = lines[: i + 1]
    return "\n".join(lines)


@st.composite
def _near_valid(draw: Draw) -> str:

    d = draw(disclosures(max_leaves=6, max_evaluations=1))
    return _edit(_Source(draw, budget=60), write_text(d))


def reader_inputs(max_size: int = 5000) -> st.SearchStrategy[str]:
    """Text to feed a reader: arbitrary text, random bytes decoded leniently (UTF-8 and
    GB18030 with replacement), one huge line, a layout fragment repeated many times, and the
    text of a generated disclosure with random edits.  Sizes stay within ``max_size``
    characters except the huge line and the repetitions (up to about 200 000)."""
    arbitrary = st.text(max_size=max_size)
    decoded = st.builds(
        lambda b, enc: b.decode(enc, "replace"),
        st.binary(max_size=max_size),
        st.sampled_from(["utf-8", "gb18030", "utf-16-le"]),
    )
    huge_line = st.builds(
        lambda piece, n: piece * n,
        st.sampled_from(["9", "\t", "一", "1,", "（", "合计\t1.00\t", "公开01表"]),
        st.integers(0, 200_000 // 8),
    )
    repeated = st.builds(
        lambda piece, n: piece * n, st.sampled_from(_FRAGMENTS), st.integers(1, 2000)
    )
    spliced = st.lists(st.sampled_from(_FRAGMENTS) | st.text(max_size=40), max_size=60).map("".join)
    return st.one_of(arbitrary, decoded, huge_line, repeated, spliced, _near_valid())
