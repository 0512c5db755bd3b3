"""The HTML report without a browser: structure, marks, escaping, chart, batch page.

The page is parsed strictly (tests/html_tree.py) and read back; expected figures come from the
seed document or are recomputed here, never copied from the renderer's output.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

import attrs
import pytest
from html_tree import Node, parse

from govfin import examples
from govfin.disclosure import Disclosure, Narrative
from govfin.findings import Report, Severity
from govfin.html import (
    BatchEntry,
    UnsafeLinkError,
    expenditure_chart,
    render_batch,
    render_report,
    report_fragment,
)
from govfin.rules import check
from govfin.rules.narrative import claim_summary

EVIL = '<script>alert("x")</script>&<b>'


@pytest.fixture(scope="module")
def seed() -> tuple[Disclosure, Report]:
    d = examples.load()
    return d, check(d)


@pytest.fixture(scope="module")
def page(seed: tuple[Disclosure, Report]) -> str:
    d, r = seed
    return render_report(r, d, locate=lambda line: f"p{line // 50 + 1}", files="seed_2024.txt")


@pytest.fixture(scope="module")
def tree(page: str) -> Node:
    return parse(page)


def _cells(tree: Node) -> dict[str, list[Node]]:
    out: dict[str, list[Node]] = {}
    for n in tree.find_all(lambda n: "data-cell" in n.attrs):
        out.setdefault(n.attrs["data-cell"] or "", []).append(n)
    return out


def _items(tree: Node) -> list[Node]:
    return tree.select("li", "finding")


def _evaluation(tree: Node, project: str) -> Node:
    (section,) = tree.select("section", "evaluation", data_project=project)
    return section


def _fund_cell(section: Node, source: str, column: str) -> Node:
    (table,) = section.select("table", "funds")
    heads = [th.text for th in table.select("th")]
    (row,) = [
        tr for tr in table.select("tr") if tr.select("td") and tr.select("td")[0].text == source
    ]
    return row.select("td")[heads.index(column)]


# -- the document ------------------------------------------------------------------------------


def test_page_is_one_well_formed_document(page: str, tree: Node) -> None:
    assert page.startswith("<!DOCTYPE html>")
    (html,) = tree.select("html")
    assert html.get("lang") == "zh-CN"
    assert len(tree.select("script")) == 1 and len(tree.select("style")) == 1
    assert len(tree.select(cls="govfin")) == 1


def test_nothing_is_fetched(page: str, tree: Node) -> None:
    (csp,) = tree.select("meta", http_equiv="Content-Security-Policy")
    assert "default-src 'none'" in (csp.get("content") or "")
    for n in tree.iter():
        assert "src" not in n.attrs, n.tag
        href = n.get("href")
        assert href is None or href.startswith("#"), href
    # the only URL on the page is the SVG namespace name, which is never fetched
    urls = set(re.findall(r"https?://[^\s\"'<>]+", page))
    assert urls == {"http://www.w3.org/2000/svg"}


def test_seed_page_stays_small(page: str) -> None:
    assert len(page.encode("utf-8")) < 500_000


def test_header_names_the_document_and_counts(
    seed: tuple[Disclosure, Report], tree: Node
) -> None:
    d, r = seed
    meta = {n.get("data-meta"): n.text for n in tree.select("dd")}
    assert meta["department"] == d.department
    assert meta["year"] == str(d.year)
    assert meta["kind"].startswith("部门决算")  # the seed's title says 决算
    assert meta["files"] == "seed_2024.txt"
    assert meta["tables"] == str(len(d.tables))
    assert meta["self-evaluations"] == str(len(d.evaluations))
    (verdict,) = tree.find_all(lambda n: "data-verdict" in n.attrs)
    assert verdict.get("data-verdict") == ("pass" if r.ok else "fail") == "fail"
    counts = {n.get("data-count"): n.text for n in tree.find_all(lambda n: "data-count" in n.attrs)}
    assert counts["errors"].endswith(f": {len(r.errors)}")
    assert counts["warnings"].endswith(f": {len(r.warnings)}")
    assert counts["residues"].endswith(f": {len(r.residues)}")
    (claims,) = tree.find_all(lambda n: "data-claims" in n.attrs)
    assert str(claim_summary(r)) in claims.text


# -- findings and the cells they mark ------------------------------------------------------------


def test_every_finding_listed_once_in_the_group_of_its_rule(
    seed: tuple[Disclosure, Report], tree: Node
) -> None:
    _, r = seed
    items = _items(tree)
    assert len(items) == len(r)
    for group in tree.select("details", "group"):
        rule = group.get("data-rule")
        if rule is None:  # the fold holding the other notes
            continue
        in_group = group.select("li", "finding")
        assert in_group and all(li.get("data-rule") == rule for li in in_group)
    by_id = {li.get("data-fid"): li for li in items}
    for i, f in enumerate(r.findings, 1):
        li = by_id[f"f{i}"]
        assert li.get("data-rule") == f.rule_id
        assert f"sev-{f.severity.value}" in li.classes
        assert li.select(cls="msg")[0].text == f.message


def test_errors_open_residues_folded(seed: tuple[Disclosure, Report], tree: Node) -> None:
    for li in _items(tree):
        group = next(a for a in li.ancestors() if a.tag == "details")
        if "sev-error" in li.classes:
            assert "open" in group.attrs
        if "residue" in li.classes and not group.select("li", "sev-error"):
            assert "open" not in group.attrs


def test_each_cell_of_an_error_or_warning_is_on_the_page_and_marked(tree: Node) -> None:
    cells = _cells(tree)
    checked = 0
    for li in _items(tree):
        if not li.classes & {"sev-error", "sev-warning"}:
            continue
        for ident in (li.get("data-cells") or "").split():
            assert ident in cells, (li.get("data-rule"), ident)
            for n in cells[ident]:
                assert n.classes & {"m-error", "m-warning"} or "claim" in n.classes
                assert li.get("data-fid") in (n.get("data-findings") or "").split()
            checked += 1
    assert checked > 30


def test_computer_supplies_rate_cell_is_an_error_with_its_correction(tree: Node) -> None:
    # 电脑耗材: 执行率 printed 25.98, but 7.504 / 29 = 25.88%.
    section = _evaluation(tree, "电脑耗材")
    rate = _fund_cell(section, "资金总额", "执行率")
    assert rate.text == "25.98"
    assert {"m-error", "m-fix"} <= rate.classes
    budget = _fund_cell(section, "资金总额", "全年预算数")
    executed = _fund_cell(section, "资金总额", "全年执行数")
    assert "m-error" in budget.classes and "m-error" in executed.classes
    items = {li.get("data-fid"): li for li in _items(tree)}
    rules = {items[f].get("data-rule") for f in (rate.get("data-findings") or "").split()}
    assert {"E-rate", "E-diagnosis"} <= rules


def test_office_supplies_diagnosis_names_the_one_wrong_cell(tree: Node) -> None:
    # 办公用品: 全年预算数 35, 资金结(转)余 24.52: 全年执行数 = 35 - 24.52 = 10.48, printed 10.45.
    section = _evaluation(tree, "办公用品")
    executed = _fund_cell(section, "资金总额", "全年执行数")
    assert executed.text == "10.45"
    assert "m-fix" in executed.classes
    (diag,) = section.find_all(lambda n: n.get("data-diagnosis") == "failing")
    assert "全年执行数 = " + f"{Decimal(35) - Decimal('24.52'):.3f}" in diag.text


def test_scores_printed_against_recomputed(seed: tuple[Disclosure, Report], tree: Node) -> None:
    d, _ = seed
    for ev in d.evaluations:
        section = _evaluation(tree, ev.project)
        rows = {tr.get("data-score"): tr for tr in section.select("tr") if tr.get("data-score")}
        assert set(rows) == {"执行率", "执行率得分", "总分", "等级"}
        line = ev.total_line
        assert line is not None and line.executed is not None and line.annual_budget
        rate = (line.executed / line.annual_budget * 100).quantize(
            Decimal("0.01"), rounding=ROUND_HALF_UP
        )
        printed, computed = (td.text for td in rows["执行率"].select("td")[1:3])
        assert printed == f"{line.rate:f}" and Decimal(computed) == rate
        assert ("differs" in rows["执行率"].classes) == (line.rate != rate)
        assert rows["等级"].select("td")[1].text == ev.grade


def test_residues_are_marked_discreetly(seed: tuple[Disclosure, Report], tree: Node) -> None:
    _, r = seed
    cells = _cells(tree)
    items = {li.get("data-fid"): li for li in _items(tree)}
    residue_ids = {
        f"f{i}" for i, f in enumerate(r.findings, 1) if f.is_residue
    }
    assert residue_ids
    for fid in residue_ids:
        for ident in (items[fid].get("data-cells") or "").split():
            for n in cells[ident]:
                worst = {"m-error", "m-warning", "m-residue"} & n.classes
                assert worst, (fid, ident)


def test_pages_come_from_locate(seed: tuple[Disclosure, Report], tree: Node) -> None:
    d, _ = seed
    t = d.table("支出决算表")
    assert t is not None
    (section,) = tree.select("section", "table", data_kind="支出决算表")
    marked = section.find_all(lambda n: n.tag == "td" and "data-cell" in n.attrs)
    assert marked
    for td in marked:
        tr = td.parent
        assert tr is not None
        row = t.get(tr.get("data-key") or "")
        assert row is not None and row.line is not None
        assert td.get("data-page") == f"p{row.line // 50 + 1}"


def test_without_locate_no_page_is_claimed(seed: tuple[Disclosure, Report]) -> None:
    d, r = seed
    tree = parse(render_report(r, d))
    assert not tree.find_all(lambda n: "data-page" in n.attrs)
    assert all(not li.get("data-pages") for li in _items(tree))


# -- tables as printed ---------------------------------------------------------------------------


def test_every_table_every_row_every_figure(seed: tuple[Disclosure, Report], tree: Node) -> None:
    d, _ = seed
    sections = tree.select("section", "table")
    assert [s.get("data-kind") for s in sections] == [t.KIND for t in d.tables]
    for t, s in zip(d.tables, sections, strict=True):
        rows = [tr for tr in s.select("tr") if tr.get("data-key") is not None]
        assert [tr.get("data-key") for tr in rows] == [r.key for r in t.rows]
        shown = {tr.get("data-key"): tr.text for tr in rows}
        for row in t.rows:
            for v in row.values.values():
                if v is not None:
                    assert f"{v:f}" in shown[row.key]
        if t.meta.empty_note:
            assert t.meta.empty_note in s.text


# -- narrative -----------------------------------------------------------------------------------


def test_every_claim_marked_with_its_status(seed: tuple[Disclosure, Report], tree: Node) -> None:
    d, r = seed
    (narrative,) = tree.select("section", "narrative")
    marks = narrative.select(cls="claim")
    status: dict[str, str] = {}
    for m in marks:
        status.setdefault(m.get("data-cell") or "", m.get("data-status") or "")
    summary = claim_summary(r)
    assert len(status) == len(d.claims()) == summary.claims
    values = list(status.values())
    assert values.count("agrees") == summary.agreed
    assert values.count("contradicted") == summary.contradicted
    assert values.count("unchecked") == summary.unverifiable
    for c in d.claims():
        assert c.text in narrative.text


def test_contradicted_count_says_what_it_should_have_said(
    seed: tuple[Disclosure, Report], tree: Node
) -> None:
    d, _ = seed
    (narrative,) = tree.select("section", "narrative")
    claim = next(c for c in d.claims() if "自评个数" in c.text)
    marks = [m for m in narrative.select(cls="claim-contradicted") if m.text == claim.text]
    assert marks
    notes = [n.text for n in narrative.select(cls="should")]
    assert any(f"should be {len(d.evaluations)}" in n for n in notes)


# -- chart ---------------------------------------------------------------------------------------


def test_chart_one_bar_per_class_with_its_total(
    seed: tuple[Disclosure, Report], tree: Node
) -> None:
    d, _ = seed
    t = d.table("支出决算表")
    assert t is not None
    classes = [r for r in t.rows if r.code and len(r.code) == 3 and r["本年支出合计"] is not None]
    bars = tree.select("g", "bar")
    assert [b.get("data-code") for b in bars] == [r.code for r in classes]
    for b, r in zip(bars, classes, strict=True):
        assert b.get("data-total") == f"{r['本年支出合计']:f}"
        assert b.get("data-basic") == (f"{r['基本支出']:f}" if r["基本支出"] is not None else "—")
    widths = [Decimal(b.select("rect", "total")[0].get("width") or "0") for b in bars]
    top = max(range(len(classes)), key=lambda i: classes[i]["本年支出合计"] or 0)
    assert widths[top] == max(widths)


def test_chart_falls_back_and_says_when_empty(seed: tuple[Disclosure, Report]) -> None:
    d, _ = seed
    no03 = attrs.evolve(d, tables=tuple(t for t in d.tables if t.KIND != "支出决算表"))
    tree = parse(render_report(Report(), no03))
    (svg,) = tree.select("svg")
    assert svg.get("data-source") == "一般公共预算财政拨款支出决算表"
    assert tree.select("g", "bar")
    bare = parse(render_report(Report(), Disclosure()))
    assert not bare.select("g", "bar")
    assert "no expenditure printed" in bare.select("svg")[0].text
    assert expenditure_chart([]).count("<g") == 0


# -- untrusted text ------------------------------------------------------------------------------


def _evil_disclosure(d: Disclosure) -> Disclosure:
    t = d.tables[1]
    first = t.rows[1]
    rows = (t.rows[0], attrs.evolve(first, name=EVIL), *t.rows[2:])
    ev = attrs.evolve(d.evaluations[0], project=EVIL, goal=EVIL)
    return attrs.evolve(
        d,
        department=EVIL,
        title=EVIL,
        tables=(d.tables[0], attrs.evolve(t, rows=rows), *d.tables[2:]),
        evaluations=(ev, *d.evaluations[1:]),
    )


def test_document_text_is_escaped(seed: tuple[Disclosure, Report]) -> None:
    d, _ = seed
    evil = _evil_disclosure(d)
    page = render_report(check(evil), evil, title=None, files=[EVIL])
    assert '<script>alert("x")' not in page
    tree = parse(page)
    assert len(tree.select("script")) == 1
    (h1,) = tree.select("h1")
    assert h1.text == EVIL
    assert tree.select("title")[0].text == f"govfin: {EVIL}"
    assert any(n.text == EVIL for n in tree.select("td"))
    assert tree.select("section", "evaluation", data_project=EVIL)


def test_fragment_for_notebooks(seed: tuple[Disclosure, Report]) -> None:
    d, r = seed
    frag = report_fragment(r, d)
    tree = parse(frag)
    assert not tree.select("html") and not tree.select("head")
    assert frag.startswith('<div class="govfin">')
    assert len(tree.select("li", "finding")) == len(r)


# -- batch ---------------------------------------------------------------------------------------


def test_batch_lists_documents_with_counts_and_links(seed: tuple[Disclosure, Report]) -> None:
    d, r = seed
    entries = [
        BatchEntry.from_check("a/seed.txt", d, r, link="a/seed.html"),
        {
            "path": "b/clean.txt",
            "department": EVIL,
            "year": 2023,
            "kind": None,
            "counts": {"errors": 0, "warnings": 2, "residues": 1, "infos": 4},
            "link": "b/clean.html",
        },
    ]
    tree = parse(render_batch(entries))
    rows = tree.select("tr", data_path="a/seed.txt") + tree.select("tr", data_path="b/clean.txt")
    assert len(rows) == 2
    first = {td.get("data-count"): td.text for td in rows[0].select("td") if td.get("data-count")}
    assert first == {
        "errors": str(len(r.errors)),
        "warnings": str(len(r.warnings)),
        "residues": str(len(r.residues)),
        "infos": str(len(r.infos)),
    }
    assert "fail" in rows[0].classes and "pass" in rows[1].classes
    assert [a.get("href") for a in tree.select("a")] == ["a/seed.html", "b/clean.html"]
    assert rows[1].select("a")[0].text == EVIL
    totals = {
        td.get("data-total"): td.text for td in tree.find_all(lambda n: "data-total" in n.attrs)
    }
    assert totals["warnings"] == str(len(r.warnings) + 2)


@pytest.mark.parametrize("link", ["javascript:alert(1)", " JavaScript:x", "data:text/html,x"])
def test_batch_refuses_a_script_link(link: str) -> None:
    with pytest.raises(UnsafeLinkError, match="scheme"):
        BatchEntry("x.txt", link=link)


def test_batch_counts_are_ints() -> None:
    with pytest.raises(TypeError, match="errors"):
        BatchEntry("x.txt", counts={"errors": 1.0})  # type: ignore[dict-item]
    with pytest.raises(TypeError, match="batch entry"):
        render_batch([42])  # type: ignore[list-item]


def test_severity_classes_cover_every_level(seed: tuple[Disclosure, Report], tree: Node) -> None:
    _, r = seed
    levels = {f.severity for f in r}
    assert Severity.ERROR in levels and Severity.WARNING in levels
    assert tree.find_all(lambda n: "m-error" in n.classes)
    assert tree.find_all(lambda n: "m-warning" in n.classes)
    assert tree.find_all(lambda n: "m-residue" in n.classes)



def test_template_residue_and_stray_years_marked_where_printed(
    seed: tuple[Disclosure, Report],
) -> None:
    d, _ = seed
    text = "一、收入支出决算总体情况说明\n2018年度收入总计648.92万元，比上年增加（减少）XX万元。\n"
    odd = attrs.evolve(d, narrative=Narrative.from_text(text, first_line=10))
    report = check(odd)
    flagged = {
        (f.rule_id, f.place.column)
        for f in report
        if f.rule_id in ("N-residue", "N-year") and f.place is not None
    }
    assert {("N-residue", "XX"), ("N-year", "2018年度")} <= flagged
    tree = parse(render_report(report, odd))
    (narrative,) = tree.select("section", "narrative")
    errors = {n.text for n in narrative.select(cls="flag-error")}
    warnings = {n.text for n in narrative.select(cls="flag-warning")}
    assert {"增加（减少）", "XX"} <= errors
    assert "2018年度" in warnings


def test_batch_link_may_be_a_windows_path() -> None:
    assert BatchEntry("x.txt", link="C:/reports/x.html").link == "C:/reports/x.html"
