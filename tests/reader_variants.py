"""Variants of the seed text, generated from it, for the reader tests.

Two corpora:

- :func:`broken_variants`: deliberately broken copies (lines deleted, cells garbled or
  removed, tables cut off, columns shifted, units changed, titles contradicting the header,
  a table printed twice, text that is not a disclosure).  Each names what must detect it:
  a :class:`~govfin.readers.ReadError` subclass, or ``FINDING`` (the read is clean, and
  ``check()`` reports a warning or error the seed's own report does not have).
- :func:`regional_variants`: legitimate layouts other regions print (nine tables, other
  numbers and order, number above the title, title variants, a wrapped 部门名称, a table
  without its title); each must read to the same tables as the seed.

Lines are located by their content, not by number, so the variants follow the seed text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

import attrs

from govfin import examples
from govfin.readers import (
    AmountSyntaxError,
    CellCountError,
    DuplicateTableError,
    EmptyInputError,
    MissingUnitError,
    NotADisclosureError,
    ReadError,
    TableIdentityError,
    TruncatedTableError,
    UnrecognisedLineError,
)

__all__ = ["FINDING", "Variant", "broken_variants", "regional_variants", "seed_lines", "seed_text"]

#: Expectation of a variant detected by the checks rather than by the reader.
FINDING = "finding"


def seed_text() -> str:
    return examples.text("seed_2024")


def seed_lines() -> list[str]:
    return seed_text().split("\n")


@attrs.frozen
class Variant:
    """A named text and what must detect it (a ReadError class, or :data:`FINDING`)."""

    name: str
    text: str
    expect: type[ReadError] | str = FINDING

    def __str__(self) -> str:  # pytest ids
        return self.name


# -- locating lines ---------------------------------------------------------------------------


def find(lines: Sequence[str], prefix: str, *, after: str | None = None, start: int = 0) -> int:
    """Index of the first line starting with ``prefix`` (after the line starting ``after``)."""
    if after is not None:
        start = find(lines, after, start=start) + 1
    for i in range(start, len(lines)):
        if lines[i].startswith(prefix):
            return i
    raise LookupError(f"no line starts with {prefix!r}")


def block(lines: Sequence[str], title: str) -> tuple[int, int]:
    """(start, end) indexes of a table block: its title line to its last note line."""
    start = find(lines, title)
    end = find(lines, "注：", start=start)
    while end + 1 < len(lines) and (
        not lines[end + 1].strip() or lines[end + 1].startswith("说明")
    ):
        end += 1
    while not lines[end].strip():
        end -= 1
    return start, end


def _edit(fn: Callable[[list[str]], None]) -> str:
    lines = seed_lines()
    fn(lines)
    return "\n".join(lines)


def _replace_cell(lines: list[str], i: int, old: str, new: str) -> None:
    cells = lines[i].split("\t")
    k = cells.index(old)
    cells[k] = new
    lines[i] = "\t".join(cells)


def _delete(lines: list[str], i: int, j: int | None = None) -> None:
    del lines[i : (j if j is not None else i) + 1]


# -- broken -----------------------------------------------------------------------------------


def _garble(prefix: str, old: str, new: str, *, after: str | None = None) -> str:
    def fn(lines: list[str]) -> None:
        _replace_cell(lines, find(lines, prefix, after=after), old, new)

    return _edit(fn)


def _drop_cell(prefix: str, index: int, *, after: str | None = None) -> str:
    def fn(lines: list[str]) -> None:
        i = find(lines, prefix, after=after)
        cells = lines[i].split("\t")
        del cells[index]
        lines[i] = "\t".join(cells)

    return _edit(fn)


def _delete_line(prefix: str, *, after: str | None = None) -> str:
    return _edit(lambda lines: _delete(lines, find(lines, prefix, after=after)))


def _truncate_01(lines: list[str]) -> None:
    # 公开01表 cut off after its tenth printed row: everything up to its note is gone.
    start = find(lines, "\t10\t", after="公开01表")
    end = find(lines, "总计\t", after="公开01表")
    _delete(lines, start, end)


def _truncate_06(lines: list[str]) -> None:
    start = find(lines, "30114\t", after="公开06表")
    end = find(lines, "人员经费合计", after="公开06表")
    _delete(lines, start, end)


def _rows_only_headers_05(lines: list[str]) -> None:
    start = find(lines, "合计\t", after="公开05表")
    end = find(lines, "2210201\t", after="公开05表")
    _delete(lines, start, end)


def _cut_text_at(prefix: str, *, after: str | None = None) -> str:
    lines = seed_lines()
    return "\n".join(lines[: find(lines, prefix, after=after)])


def _shift_02(lines: list[str]) -> None:
    # Every data row of 公开02表 printed one column to the right.
    start = find(lines, "合计\t", after="公开02")
    end = find(lines, "2210201\t", after="公开02")
    for i in range(start, end + 1):
        cells = lines[i].split("\t")
        lines[i] = "\t".join([*cells[:2], "", *cells[2:]])


def _units_yuan(lines: list[str]) -> None:
    for i, line in enumerate(lines):
        if line in ("金额单位：万元", "单位：万元"):
            lines[i] = line.replace("万元", "元")


def _one_table_yuan(lines: list[str]) -> None:
    lines[find(lines, "金额单位：万元", after="公开02")] = "金额单位：元"


def _insert(prefix: str, text: str, *, after: str | None = None) -> str:
    def fn(lines: list[str]) -> None:
        lines.insert(find(lines, prefix, after=after) + 1, text)

    return _edit(fn)


def _duplicate_05(lines: list[str]) -> None:
    start, end = block(lines, "一般公共预算财政拨款支出决算表")
    lines[end + 1 : end + 1] = ["", *lines[start : end + 1]]


def _title_names_other_kind(lines: list[str]) -> None:
    lines[find(lines, "支出决算表")] = "收入决算表"


def broken_variants() -> list[Variant]:
    """The broken corpus (see the module docstring)."""
    lines = seed_lines()
    narrative_start = lines.index("第三部分 情况说明")
    narrative_end = lines.index("第五部分 附件")
    return [
        # input that is not a disclosure at all
        Variant("empty", "", EmptyInputError),
        Variant("blank-lines", " \n\t\t\n\u3000\n\n", EmptyInputError),
        Variant("unrelated-text", "Lorem ipsum\n会议纪要\t第一项\n三点说明\n", NotADisclosureError),
        Variant(
            "narrative-only",
            "\n".join(lines[narrative_start:narrative_end]),
            NotADisclosureError,
        ),
        # cells garbled: a non-numeric value in a money / count column
        Variant(
            "garbled-01",
            _garble("一、一般公共预算财政拨款收入", "631.71", "631.7l"),
            AmountSyntaxError,
        ),
        Variant(
            "garbled-02",
            _garble("2010350\t", "340.18", "34O.18", after="公开02"),
            AmountSyntaxError,
        ),
        Variant(
            "garbled-04",
            _garble("本年收入合计", "631.71", "六三一点七一", after="公开04表"),
            AmountSyntaxError,
        ),
        Variant("garbled-06", _garble("30101\t", "67.13", "67.1.3"), AmountSyntaxError),
        Variant("garbled-10", _garble("合计\t1\t", "2.74", "2,74.0"), AmountSyntaxError),
        Variant("garbled-count-10", _garble("(一) 车辆数合计", "", "1.5"), AmountSyntaxError),
        Variant("garbled-fund", _garble("\t资金总额:", "10.45", "1O.45"), AmountSyntaxError),
        Variant(
            "garbled-score",
            _garble("\t产出指标\t数量指标\t购置种类", "20", "2O"),
            AmountSyntaxError,
        ),
        # cell counts that do not fit the header
        Variant("cell-dropped-03", _drop_cell("2010350\t", 3, after="公开03表"), CellCountError),
        Variant("cell-dropped-01", _drop_cell("本年收入合计", 2, after="公开01表"), CellCountError),
        Variant(
            "cell-added-05",
            _insert(
                "合计\t", "201\t一般公共服务支出\t545.19\t263.44\t281.74\t9.99", after="公开05表"
            ),
            CellCountError,
        ),
        Variant("fund-number-dropped", _drop_cell("市县区财政资金\t30", 4), CellCountError),
        # tables cut off mid-way
        Variant("truncated-01", _edit(_truncate_01), TruncatedTableError),
        Variant("truncated-06", _edit(_truncate_06), TruncatedTableError),
        Variant("truncated-05-no-rows", _edit(_rows_only_headers_05), TruncatedTableError),
        Variant("text-ends-in-06", _cut_text_at("30114\t"), TruncatedTableError),
        Variant(
            "text-ends-in-evaluation", _cut_text_at("\t\t时效指标\t慰问及时性"), TruncatedTableError
        ),
        # lines deleted
        Variant("deleted-total-05", _delete_line("合计\t", after="公开05表"), TruncatedTableError),
        Variant(
            "deleted-unit-06", _delete_line("金额单位：万元", after="公开06表"), MissingUnitError
        ),
        Variant(
            "deleted-score-row",
            _delete_line("总分", after="办公用品项目支出绩效自评表"),
            TruncatedTableError,
        ),
        Variant("deleted-row-02", _delete_line("2080506\t", after="公开02"), FINDING),
        Variant("deleted-row-06", _delete_line("30109\t"), FINDING),
        Variant("deleted-row-04", _delete_line("本年收入合计", after="公开04表"), FINDING),
        Variant("deleted-indicator", _delete_line("\t效益指标\t社会效益\t资产利用水平"), FINDING),
        # a line the reader cannot place, inside a table
        Variant(
            "stray-line-02",
            _insert("201\t", "这一行不属于表格\t?", after="公开02"),
            UnrecognisedLineError,
        ),
        # figures changed / columns shifted: the reader cannot know, the checks do
        Variant(
            "changed-amount-03", _garble("201\t", "263.44", "263.54", after="公开03表"), FINDING
        ),
        Variant("shifted-columns-02", _edit(_shift_02), FINDING),
        # units changed to 元: every table, or one table only
        Variant("units-yuan", _edit(_units_yuan), FINDING),
        Variant("units-yuan-02", _edit(_one_table_yuan), FINDING),
        # identity: a title naming another kind than the header; a table printed twice
        Variant("title-contradicts-header", _edit(_title_names_other_kind), TableIdentityError),
        Variant("table-twice", _edit(_duplicate_05), DuplicateTableError),
    ]


# -- regional layouts (must read to the seed's tables) ------------------------------------------


def _nine_tables(lines: list[str]) -> None:
    start, end = block(lines, "部门决算公开相关信息统计表")
    _delete(lines, start, end)


def _renumber(lines: list[str]) -> None:
    mapping = {"公开07表": "公开09表", "公开09表": "公开07表", "公开01表": "公开1表"}
    for i, line in enumerate(lines):
        if line in mapping:
            lines[i] = mapping[line]


def _reorder(lines: list[str]) -> None:
    # 三公 printed first, 收入决算表 last.
    s09, e09 = block(lines, "财政拨款“三公”经费支出决算表")
    chunk09 = lines[s09 : e09 + 1]
    del lines[s09 : e09 + 1]
    s02, e02 = block(lines, "收入决算表")
    chunk02 = lines[s02 : e02 + 1]
    del lines[s02 : e02 + 1]
    first = lines.index("收入支出决算总表")
    lines[first:first] = [*chunk09, ""]
    last = lines.index("第三部分 情况说明")
    lines[last:last] = [*chunk02, ""]


def _number_above_title(lines: list[str]) -> None:
    i = lines.index("收入支出决算总表")
    j = lines.index("公开01表")
    lines[i], lines[j] = lines[j], lines[i]


def _title_variants(lines: list[str]) -> None:
    replace = {
        "收入支出决算总表": "部门收入支出决算总表",
        "支出决算表": "2024年度部门支出决算表",
        "财政拨款“三公”经费支出决算表": '一般公共预算财政拨款"三公"经费支出决算表',
        "一般公共预算财政拨款基本支出决算明细表": "公开06表 一般公共预算财政拨款基本支出决算明细表",
        "部门决算公开相关信息统计表": "十、部门决算公开相关信息统计表",
    }
    for i, line in enumerate(lines):
        if line in replace:
            lines[i] = replace[line]
            replace.pop(line)


def _untitled_03(lines: list[str]) -> None:
    _delete(lines, find(lines, "支出决算表"))


def _department_wrapped(lines: list[str]) -> None:
    i = find(lines, "部门名称：", after="公开05表")
    lines[i : i + 1] = ["部门名称：朔州经济开发区管理", "委员会综合办公室  2024年度"]


def _one_line_front(lines: list[str]) -> None:
    i = find(lines, "部门名称：", after="公开02")
    j = find(lines, "金额单位：万元", start=i)
    lines[i : j + 1] = ["部门名称：朔州经济开发区管理委员会综合办公室\t2024年度\t金额单位：万元"]


def _page_numbers(lines: list[str]) -> None:
    # Page footers left by the extraction: a bare number between narrative paragraphs.
    for anchor in ("三、支出决算情况说明", "第四部分 名词解释"):
        lines.insert(lines.index(anchor), "16")


def _crlf(lines: list[str]) -> None:
    for i, line in enumerate(lines):
        lines[i] = line + "\r"


def regional_variants() -> Iterator[tuple[str, str, frozenset[str]]]:
    """(name, text, the table kinds it must lack) of each legitimate layout."""
    yield "nine-tables", _edit(_nine_tables), frozenset({"部门决算公开相关信息统计表"})
    yield "renumbered", _edit(_renumber), frozenset()
    yield "reordered", _edit(_reorder), frozenset()
    yield "number-above-title", _edit(_number_above_title), frozenset()
    yield "title-variants", _edit(_title_variants), frozenset()
    yield "untitled-03", _edit(_untitled_03), frozenset()
    yield "department-wrapped", _edit(_department_wrapped), frozenset()
    yield "front-on-one-line", _edit(_one_line_front), frozenset()
    yield "page-numbers", _edit(_page_numbers), frozenset()
    yield "crlf", _edit(_crlf), frozenset()
