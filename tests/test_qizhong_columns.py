"""A "其中" column no kind models is set aside; the rest of the table is read and checked.

Provinces print extra 其中 columns beside the money columns ("其中：政府采购" after 项目支出,
"其中：财政拨款" beside 金额).  A column printed as a 其中 of another is, by the form's own words,
a part of that column, never an addend of the row's total: setting it aside cannot make another
column's sum wrong.  So such a column is set aside with one READ-part warning per table naming
it (its figures are not read or checked), and the table's modelled columns are read as usual.
A column no kind models that the header does not mark so stays READ-identity (the table not
read whole): an unknown addend would break the row sums, and nothing is guessed.

- the "extra-column" budget layout (tests/budget_render.py) of both families reads every
  modelled column exactly, with one warning per code-row table;
- the seed (govfin's TSV) with a 其中 column added to its 公开01 and 公开05 reads as the seed,
  the same findings but the two warnings; an unmarked column stays READ-identity;
- the header marks (:func:`govfin.readers.identify.part_columns`) on the real labels of
  tests/data/headers/headers.tsv and on the three printed forms of a 其中.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from tsv_rows import tsv_rows

import govfin
from govfin.disclosure import Disclosure, Narrative
from govfin.readers import read_text
from govfin.readers.errors import SetAsideColumnError, TableIdentityError
from govfin.readers.identify import column_for, part_columns
from govfin.readers.lines import Line
from govfin.tables import FunctionalTable, Table

SEED = Path(__file__).parents[1] / "src" / "govfin" / "examples" / "seed_2024.txt"
T01, T05 = "收入支出决算总表", "一般公共预算财政拨款支出决算表"


def _rows(t: Table) -> list[tuple[Any, ...]]:
    """What a table says: each row's key, code, name and printed amounts."""
    return [(r.key, r.code, r.name, {c: v for c, v in r.values.items() if v is not None})
            for r in t.rows]


def _findings(d: Disclosure) -> list[tuple[Any, ...]]:
    """check()'s findings without their lines (a column added moves none, but be safe)."""
    out = []
    for f in govfin.check(d).findings:
        p = f.place
        out.append((f.rule_id, f.severity.value, p and (p.table, p.row, p.column),
                    f.expected, f.actual))
    return sorted(out, key=repr)


# -- the budget layout printing 其中：政府采购 in every code-row table -------------------------


@pytest.fixture(scope="module", params=["上海", "中央模板"])
def extra(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    pytest.importorskip("pdfplumber")
    pytest.importorskip("reportlab")
    from budget_render import LAYOUTS, render_budget_pdf
    from test_budget_pdf_variants import BUDGETS

    from govfin.readers.files import read_paths

    source = BUDGETS[request.param]
    path = tmp_path_factory.mktemp("qizhong") / f"{request.param}-extra.pdf"
    layout = LAYOUTS["extra-column"]
    assert layout.extra_column == "其中：政府采购"
    render_budget_pdf(source, path, layout)
    return source, path, read_paths([path])


def test_extra_column_layout_reads_every_modelled_column_exactly(extra) -> None:
    source, _, result = extra
    read = result.disclosure
    assert [type(t) for t in read.tables] == [type(t) for t in source.tables]
    for r, t in zip(read.tables, source.tables, strict=True):
        assert _rows(r) == _rows(t), t.KIND
    assert result.log.unrecognised == () and result.document.unread == ()


def test_extra_column_layout_warns_once_per_table_naming_the_column(extra) -> None:
    source, path, result = extra
    coded = [t.KIND for t in source.tables if isinstance(t, FunctionalTable)]
    assert len(coded) >= 5
    assert all(isinstance(e, SetAsideColumnError) for e in result.errors)
    assert sorted(e.where for e in result.errors) == sorted(coded)  # one per code-row table
    for e in result.errors:
        # the file, page and line of the header printing the label, the table and the label
        assert re.match(rf"{re.escape(path.name)} p\.\d+, line \d+, ", str(e)), str(e)
        assert "其中：政府采购" in e.message and "not read or checked" in e.message
        assert e.text is not None and "其中：政府采购" in e.text


def test_extra_column_layout_checks_as_the_budget_does(extra) -> None:
    source, _, result = extra
    got = _findings(result.disclosure)
    warned = [f for f in got if f[0] == "READ-part"]
    assert len(warned) == sum(isinstance(t, FunctionalTable) for t in source.tables)
    assert {f[1] for f in warned} == {"warning"}
    assert [f for f in got if f[0] != "READ-part"] == _findings(source)
    assert not govfin.check(result.disclosure).withheld


# -- govfin's TSV: the seed with a 其中 column in 公开01 and 公开05 ---------------------------


def _block(lines: list[str], title: str, header: str) -> range:
    """The lines of the seed's table ``title`` from its header line (starting ``header``) to
    the last of its rows (the lines holding tabs; a page break leaves blank lines among them)."""
    start = next(i for i, ln in enumerate(lines) if ln.strip() == title)
    head = next(i for i in range(start, len(lines)) if lines[i].startswith(header))
    end = head
    for i in range(head + 1, len(lines)):
        if "\t" in lines[i]:
            end = i
        elif lines[i].strip():
            break
    return range(head, end + 1)


def _with_column(at01: str, at05: str, *, figures: bool = True) -> str:
    """The seed with a column labelled ``at01`` after 公开01's income 金额 and one labelled
    ``at05`` after 公开05's 项目支出, its figures those of the column before it."""
    lines = SEED.read_text(encoding="utf-8").splitlines()
    for i in _block(lines, T01, "项目\t行次\t金额"):
        if not lines[i].strip():
            continue
        cells = lines[i].split("\t")
        cells += [""] * (3 - len(cells))
        label = at01 if i == _block(lines, T01, "项目\t行次\t金额")[0] else ""
        cells.insert(3, label or (cells[2] if figures and cells[1].isdigit() else ""))
        lines[i] = "\t".join(cells)
    rows05 = _block(lines, T05, "科目代码\t科目名称")
    for i in rows05:
        if not lines[i].strip():
            continue
        cells = lines[i].split("\t")
        cells += [""] * (5 - len(cells))
        if i == rows05[0]:
            cells.append(at05)
        elif cells[0] == "栏次":
            cells.append("4")
        else:
            cells.append(cells[4] if figures else "")
        lines[i] = "\t".join(cells)
    return "\n".join(lines) + "\n"


def _seed() -> Disclosure:
    return read_text(SEED.read_text(encoding="utf-8")).disclosure


def test_the_seed_with_qizhong_columns_reads_as_the_seed() -> None:
    text = _with_column("其中：财政拨款", "其中：政府采购")
    seed_text = SEED.read_text(encoding="utf-8")
    assert text.count("其中：政府采购") == seed_text.count("其中：政府采购") + 1
    result = read_text(text)
    seed = _seed()
    for r, t in zip(result.disclosure.tables, seed.tables, strict=True):
        assert _rows(r) == _rows(t), t.KIND
    errors = result.log.errors
    assert [(type(e), e.where) for e in errors] == [(SetAsideColumnError, T01),
                                                     (SetAsideColumnError, T05)]
    assert "其中：财政拨款" in errors[0].message and "其中：政府采购" in errors[1].message
    assert all(e.line is not None and e.text and "其中" in e.text for e in errors)
    got, want = _findings(result.disclosure), _findings(seed)
    assert [f for f in got if f[0] != "READ-part"] == want
    assert sorted((f[0], f[1], f[2][0]) for f in got if f[0] == "READ-part") == [
        ("READ-part", "warning", T05), ("READ-part", "warning", T01)]


def test_set_aside_figures_are_not_checked() -> None:
    """A 其中 column's figures are not read: one larger than its parent, or not a number at
    all, changes nothing (no R05 finding, no READ-amount)."""
    lines = _with_column("其中：财政拨款", "其中：政府采购").splitlines()
    rows05 = _block(lines, T05, "科目代码\t科目名称")
    i = next(i for i in rows05 if lines[i].startswith("合计\t"))
    lines[i] = lines[i].rsplit("\t", 1)[0] + "\t99999.99"
    j = next(i for i in rows05 if lines[i].startswith("2010350\t"))
    lines[j] = lines[j].rsplit("\t", 1)[0] + "\t见附表"
    result = read_text("\n".join(lines) + "\n")
    assert {type(e) for e in result.log.errors} == {SetAsideColumnError}
    got = [f for f in _findings(result.disclosure) if f[0] != "READ-part"]
    assert got == _findings(_seed())


@pytest.mark.parametrize(("at01", "at05"), [("其他资金", "其中：政府采购"),
                                            ("其中：财政拨款", "其他资金")])
def test_an_unmarked_extra_column_stays_read_identity(at01: str, at05: str) -> None:
    """其他资金, a column no kind models and no 其中: READ-identity, an error, the table not
    read whole and what rests on it withheld (公开01's income side used to drop it silently)."""
    result = read_text(_with_column(at01, at05))
    table = T01 if at01 == "其他资金" else T05
    identity = [e for e in result.log.errors if isinstance(e, TableIdentityError)]
    assert [e.where for e in identity] == [table]
    assert "其他资金 not modelled" in identity[0].message
    incomplete = [p for p in result.disclosure.read_problems if p.incomplete]
    assert [s.table for p in incomplete for s in p.incomplete] == [table]
    assert [p.severity.value for p in incomplete] == ["error"]
    aside = [e for e in result.log.errors if isinstance(e, SetAsideColumnError)]
    assert [e.where for e in aside] == [T05 if table == T01 else T01]


# -- the header's marks ------------------------------------------------------------------------

_T05 = Table.KINDS[T05]


def _marked(*rows: str, kind: type[Table] = _T05) -> list[int]:
    headers = [Line(n, r) for n, r in enumerate(rows, 1)]
    width = max(len(h.cells) for h in headers)
    return sorted(part_columns(kind, headers, width))


def test_the_three_marks_of_a_part() -> None:
    # its label begins with 其中 (full- or half-width colon, or none)
    assert _marked("科目编码\t科目名称\t合计\t基本支出\t项目支出\t其中：政府采购") == [5]
    assert _marked("\t\t合计\t基本支出\t项目支出\t其中:上年结转") == [5]
    # under a bare 其中 group label, every column of the group named on the row below
    assert _marked("\t\t合计\t基本支出\t项目支出\t\t", "\t\t\t\t小计\t其中\t",
                   "\t\t\t\t\t政府采购\t上年结转") == [5, 6]
    # a sub-label right after a modelled 其中 column, under one group label
    t02 = Table.KINDS["收入决算表"]
    assert _marked("\t\t本年收入合计\t财政拨款收入\t\t\t上级补助收入",
                   "\t\t\t小计\t其中：政府性基金预算财政拨款\t国有资本经营预算财政拨款",
                   kind=t02) == [4, 5]


def test_what_is_not_a_part() -> None:
    # no mark: a column no kind models beside the others
    assert _marked("\t\t合计\t基本支出\t项目支出\t其他资金") == []
    # a 其中 with no printed column before it is a part of nothing printed
    assert _marked("\t\t其中：政府采购\t合计\t基本支出\t项目支出") == []
    # a column printed after a 其中 group but named on the group's row: its own column
    assert _marked("\t\t合计\t基本支出\t项目支出\t\t\t其他资金", "\t\t\t\t小计\t其中\t\t",
                   "\t\t\t\t\t政府采购\t上年结转\t") == [5, 6]
    # a money column of the family beside a 其中 group is never taken for a part by position
    t03 = Table.KINDS["支出决算表"]
    assert _marked("\t\t本年支出合计\t基本支出\t\t项目支出", "\t\t\t小计\t其中\t经营支出",
                   "\t\t\t\t人员经费\t", kind=t03) == [4]
    # a sub-label beside a 其中 column no kind models, or with no group label over them
    assert _marked("\t\t本年收入合计\t财政拨款收入\t\t\t上级补助收入",
                   "\t\t\t小计\t其中：专项\t其他", kind=Table.KINDS["收入决算表"]) == [4]


HEADERS = tsv_rows(Path(__file__).parent / "data" / "headers" / "headers.tsv")


@pytest.mark.parametrize("row", [r for r in HEADERS if r["what"] == "column"],
                         ids=lambda r: f"{r['table']}-{r['label as printed']}")
def test_real_labels_are_marked_as_parts_only_when_printed_as_one(row: dict[str, str]) -> None:
    """Each real column label of headers.tsv, printed after a column of its table: marked a
    part exactly when it is printed as a 其中 (其中：政府性基金预算财政拨款, a modelled optional
    column of 公开02, read as such before any part is set aside); every other real label —
    the model columns and the ones no kind models (会议费 of Jiangsu's 三公) — is not."""
    kind = Table.KINDS[row["table"]]
    label = row["label as printed"]
    first = kind.COLUMNS[0]
    marked = _marked(f"\t\t{first}\t{label}", kind=kind) == [3]
    assert marked == label.startswith("其中"), label
    if marked:  # modelled ones are placed by name first: the mark sets aside only the others
        assert (column_for(kind, label) is not None) == (row["expected"] not in ("unread", "part"))


def test_budget_summary_with_a_qizhong_column_reads_its_money_columns() -> None:
    """A 预算 部门收支总表 printing 其中：财政拨款 beside 预算数: set aside (one warning), the
    lines read; printed 其他资金 instead, its figures stay unread (READ-cells, per row)."""
    def read(label: str) -> Any:
        lines = [["收入", "", "", "支出", ""], ["项目", "预算数", label, "项目", "预算数"],
                 ["一、一般公共预算拨款收入", "5.00", "5.00", "一、一般公共服务支出", "5.00"],
                 ["本年收入合计", "5.00", "5.00", "本年支出合计", "5.00"],
                 ["收入总计", "5.00", "5.00", "支出总计", "5.00"]]
        text = "\n".join(["部门收支总表", "部门：测试单位", "单位：万元",
                          *("\t".join(c) for c in lines)]) + "\n"
        return read_text(text, year=2025)

    result = read("其中：财政拨款")
    assert [type(e) for e in result.log.errors] == [SetAsideColumnError]
    table = result.disclosure.tables[0]
    assert table.value("收入总计", "金额") == table.value("支出总计", "金额") == 5
    assert not [p for p in result.disclosure.read_problems if p.incomplete]
    other = read("其他资金")
    assert {type(e).__name__ for e in other.log.errors} == {"CellCountError"}
    assert [p for p in other.disclosure.read_problems if p.incomplete]


def test_seed_reads_as_before() -> None:
    """The seed prints no column no kind models: nothing set aside."""
    result = read_text(SEED.read_text(encoding="utf-8"))
    assert not [e for e in result.log.errors if isinstance(e, SetAsideColumnError)]
    assert attrs.evolve(result.disclosure, narrative=Narrative()).tables


# -- multi-row headers, read end to end --------------------------------------------------------

_CODE = ["科目编码", "科目名称"]
_T03 = "支出决算表"


def _read03(header: list[list[str]], rows: list[list[str]]) -> Any:
    text = "\n".join([_T03, "部门名称：测试局", "2024年度", "金额单位：万元",
                      *("\t".join(c) for c in header + rows)]) + "\n"
    return read_text(text, year=2024)


#: 项目支出 over 小计 and a bare 其中 group over 政府采购 and 上年结转, then three more columns.
_GROUP = [["项目", "", "本年支出合计", "基本支出", "项目支出", "", "", "上缴上级支出", "经营支出",
           "对附属单位补助支出"],
          ["", "", "", "", "小计", "其中", "", "", "", ""],
          ["", "", "", "", "", "政府采购", "上年结转", "", "", ""], _CODE]


@pytest.mark.parametrize(("business", "broken"), [("", []), ("0.50", ["R03-1", "R03-1"])])
def test_a_qizhong_group_under_project_expenditure_is_set_aside(business: str,
                                                                broken: list[str]) -> None:
    """Both columns under the 其中 group set aside (their 1.00 and 2.00 are no addend of
    本年支出合计); 上缴上级支出 … read where printed, and R03-1 judged on them: it holds, or
    (经营支出 printed 0.50 more than the total allows) it is broken, an error of the print."""
    figures = ["10.00", "5.00", "4.00", "1.00", "2.00", "1.00", business, ""]
    result = _read03(_GROUP, [["合计", "", *figures], ["201", "一般公共服务支出", *figures]])
    errors = result.log.errors
    assert [type(e) for e in errors] == [SetAsideColumnError]
    assert "政府采购" in errors[0].message and "上年结转" in errors[0].message
    assert result.log.unrecognised == ()
    table = result.disclosure.tables[0]
    assert {c: v for c, v in table.row("201").values.items() if v is not None} == {
        "本年支出合计": 10, "基本支出": 5, "项目支出": 4, "上缴上级支出": 1,
        **({"经营支出": Decimal(business)} if business else {})}
    ids = [f.rule_id for f in govfin.check(table).findings if f.severity.name == "ERROR"]
    assert ids == broken


def test_a_qizhong_column_beside_a_column_the_header_does_not_name_is_not_read_whole() -> None:
    """A 其中 column set aside, but a column between the modelled ones printed with no name:
    that one may be an addend, so the table is READ-identity (not read whole), never read with
    the unnamed figures dropped or shifted."""
    header = [["项目", "", "本年支出合计", "基本支出", "", "项目支出", "其中：政府采购",
               "上缴上级支出", "经营支出", "对附属单位补助支出"], _CODE]
    rows = [["合计", "", "10.00", "5.00", "1.00", "4.00", "1.00", "", "", ""]]
    result = _read03(header, rows)
    identity = [e for e in result.log.errors if isinstance(e, TableIdentityError)]
    assert len(identity) == 1 and "unnamed, column 5" in identity[0].message
    assert [p for p in result.disclosure.read_problems if p.incomplete]


@pytest.mark.parametrize(("name", "label"), [
    ("js-nantong-gzw-2016-sangong-budget.tsv", "其中:一般公共预算安排数"),
    ("gx-guilin-sfj-2015-sangong-budget.tsv", "其中:公共预算财政拨款"),
])
def test_real_three_public_pages_set_their_qizhong_column_aside(name: str, label: str) -> None:
    """Two real 三公 pages (tests/data/real/README.md) print a 其中 column beside this year's
    预算数: one READ-part warning naming it as printed, at the header's line (it was
    READ-identity)."""
    from govfin.readers.files import read_path

    result = read_path(Path(__file__).parent / "data" / "real" / name)
    aside = [e for e in result.log.errors if isinstance(e, SetAsideColumnError)]
    assert len(aside) == 1 and label in aside[0].message and aside[0].line is not None
    assert not [e for e in result.log.errors if isinstance(e, TableIdentityError)]
    report = govfin.check(result.disclosure)
    assert [f.severity.value for f in report.findings if f.rule_id == "READ-part"] == ["warning"]
