"""Properties of the HTML report over generated disclosures (govfin.strategies).

1. A consistent disclosure: the page is well formed, lists every finding once, marks every claim
   of the narrative, and marks no cell as an error or a warning.
2. One cell moved beyond detection: that cell is on the page, marked as an error, and named by
   the listed error that names it.
"""

from __future__ import annotations

from html_tree import Node, parse
from hypothesis import given
from hypothesis import strategies as st

import govfin
from govfin import strategies as gs
from govfin.disclosure import Disclosure
from govfin.findings import Place
from govfin.html import render_report
from govfin.rules.narrative import claim_summary


def cell_at(tree: Node, place: Place) -> Node:
    """The element showing ``place``: its table's (or 自评表's) section, the row with its key,
    the column by its header."""
    if place.table.startswith("项目支出绩效自评表:"):
        project = place.table.split(":", 1)[1]
        (section,) = tree.select("section", "evaluation", data_project=project)
    else:
        (section,) = tree.select("section", "table", data_kind=place.table)
    for tr in section.select("tr", data_key=place.row or ""):
        table = next(a for a in tr.ancestors() if a.tag == "table")
        heads = [th.text for th in table.select("th")]
        if place.column in heads:
            column = heads.index(place.column)
            at = 0
            for td in tr.select("td"):  # a cell spanning columns counts for each of them
                at += int(td.get("colspan") or 1)
                if at > column:
                    return td
    raise AssertionError(f"{place} is not on the page")


@given(gs.disclosures(max_leaves=12))
def test_consistent_disclosure_page(d: Disclosure) -> None:
    report = govfin.check(d)
    tree = parse(render_report(report, d))
    items = tree.select("li", "finding")
    assert len(items) == len(report)
    assert not tree.find_all(lambda n: n.classes & {"m-error", "m-warning"})
    claims = {m.get("data-cell") for m in tree.select(cls="claim")}
    assert len(claims) == claim_summary(report).claims == len(d.claims())


@given(st.data(), gs.disclosures(min_leaves=1, max_leaves=12))
def test_moved_cell_is_marked_on_the_page(data: st.DataObject, d: Disclosure) -> None:
    moved, place, _ = gs.mutate_cell(data.draw, d)
    report = govfin.check(moved)
    tree = parse(render_report(report, moved))
    cell = cell_at(tree, place)
    assert "m-error" in cell.classes, place
    ident = cell.get("data-cell")
    naming = [
        li
        for li in tree.select("li", "sev-error")
        if ident in (li.get("data-cells") or "").split()
    ]
    assert naming, place
