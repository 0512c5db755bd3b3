"""The HTML report in a real browser: headless Chromium runs the page and its script.

These tests need the ``chromium`` binary (Debian: ``apt-get install chromium``; CI installs it,
see .ci/run).  Without it they are skipped with a message saying that they were NOT run; with
``GOVFIN_REQUIRE_BROWSER=1`` (set by CI) a missing browser is a failure instead.

Chromium is driven from the command line only (``--dump-dom``, ``--screenshot``): a probe
script appended to the page clicks and hovers findings through the page's own handlers, then
writes what it saw (highlighted cells, the detail panel, script errors, resources fetched, the
chart's bars) into the DOM as JSON, which ``--dump-dom`` returns.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import struct
import subprocess
import zlib
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from html_tree import parse

from govfin import examples
from govfin.disclosure import Disclosure
from govfin.findings import Report
from govfin.html import render_report
from govfin.rules import check

BROWSERS = ("chromium", "chromium-browser", "google-chrome")
CHROMIUM = next((found for name in BROWSERS if (found := shutil.which(name))), None)
REQUIRED = os.environ.get("GOVFIN_REQUIRE_BROWSER") == "1"
NOT_RUN = (
    "chromium is not installed: the browser tests of the HTML report were NOT run "
    "(install it with `apt-get install chromium`; CI does)"
)

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
)


@pytest.fixture(scope="module")
def chromium() -> str:
    if CHROMIUM is None:
        if REQUIRED:
            pytest.fail("GOVFIN_REQUIRE_BROWSER=1 but " + NOT_RUN)
        pytest.skip(NOT_RUN)
    return CHROMIUM


def _run(chromium: str, profile: Path, url: str, *extra: str) -> str:
    proc = subprocess.run(
        [chromium, *FLAGS, f"--user-data-dir={profile}", "--virtual-time-budget=5000", *extra, url],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout


@pytest.fixture(scope="module")
def seed() -> tuple[Disclosure, Report]:
    d = examples.load()
    return d, check(d)


def _fids(report: Report, project: str) -> list[str]:
    """The finding ids of the E-rate and E-diagnosis findings of one 自评表."""
    table = f"项目支出绩效自评表:{project}"
    return [
        f"f{i}"
        for i, f in enumerate(report.findings, 1)
        if f.table == table and f.rule_id in ("E-rate", "E-diagnosis")
    ]


HEAD_PROBE = """<script>
window.__errors = [];
window.addEventListener("error", function (e) { window.__errors.push(String(e.message)); });
</script>"""

TAIL_PROBE = """<script>
(function () {
  var root = document.querySelector(".govfin");
  var wanted = JSON.parse(document.getElementById("probe-wanted").textContent);
  var out = {selections: [], bars: []};
  function lit() {
    return Array.prototype.map.call(root.querySelectorAll(".hl"),
                                    function (e) { return e.getAttribute("data-cell"); });
  }
  function field(name) {
    return root.querySelector('.detail [data-field="' + name + '"]').textContent;
  }
  wanted.forEach(function (fid) {
    var li = root.querySelector('li.finding[data-fid="' + fid + '"]');
    var visible = li.getClientRects().length > 0 && li.offsetParent !== null;
    li.click();
    out.selections.push({
      fid: fid, visible: visible, selected: li.classList.contains("selected"),
      cells: li.getAttribute("data-cells").split(" "), lit: lit(),
      detailShown: !root.querySelector(".detail").hidden,
      rule: field("rule"), expected: field("expected"), actual: field("actual"),
      difference: field("difference"), slack: field("slack")
    });
  });
  // hover another finding: its cells light up; leaving it gives the selection back
  var other = root.querySelector('li.finding[data-fid="' + wanted[0] + '"]');
  other.dispatchEvent(new MouseEvent("mouseenter"));
  out.hover = {cells: other.getAttribute("data-cells").split(" "), lit: lit()};
  other.dispatchEvent(new MouseEvent("mouseleave"));
  out.afterLeave = lit();
  // clicking a marked cell selects the first finding naming it
  var cell = root.querySelector('[data-cell="' + out.selections[0].cells[0] + '"]');
  cell.click();
  var sel = root.querySelector("li.finding.selected");
  out.cellClick = {findings: cell.getAttribute("data-findings").split(" "),
                   selected: sel ? sel.getAttribute("data-fid") : null};
  Array.prototype.forEach.call(document.querySelectorAll("svg g.bar"), function (g) {
    out.bars.push({code: g.getAttribute("data-code"), total: g.getAttribute("data-total"),
                   width: g.querySelector("rect.total").getBBox().width});
  });
  out.errors = window.__errors;
  out.resources = performance.getEntriesByType("resource").map(function (e) { return e.name; });
  var pre = document.createElement("pre");
  pre.id = "probe-result";
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
</script>"""


@pytest.fixture(scope="module")
def probe(
    chromium: str, seed: tuple[Disclosure, Report], tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Any]:
    d, r = seed
    wanted = _fids(r, "办公用品") + _fids(r, "电脑耗材")
    assert len(wanted) == 4
    page = render_report(r, d)
    page = page.replace("<head>\n", "<head>\n" + HEAD_PROBE, 1)
    wanted_json = json.dumps(wanted)
    page = page.replace(
        "</body>",
        f'<script type="application/json" id="probe-wanted">{wanted_json}</script>'
        + TAIL_PROBE
        + "</body>",
        1,
    )
    tmp = tmp_path_factory.mktemp("browser")
    path = tmp / "report.html"
    path.write_text(page, encoding="utf-8")
    dom = _run(chromium, tmp / "profile", path.as_uri(), "--dump-dom")
    m = re.search(r'<pre id="probe-result">(.*?)</pre>', dom, re.DOTALL)
    assert m, "the probe did not run: " + dom[-500:]
    result: dict[str, Any] = json.loads(html.unescape(m.group(1)))
    result["wanted"] = wanted
    return result


def test_page_runs_without_script_errors(probe: dict[str, Any]) -> None:
    assert probe["errors"] == []


def test_nothing_is_fetched(probe: dict[str, Any]) -> None:
    assert probe["resources"] == []


def test_selecting_a_finding_highlights_every_cell_of_its_relation(
    probe: dict[str, Any], seed: tuple[Disclosure, Report]
) -> None:
    _, r = seed
    for sel in probe["selections"]:
        finding = r.findings[int(sel["fid"][1:]) - 1]
        assert sel["visible"], sel["fid"]  # errors and short warning groups are open
        assert sel["selected"] and sel["detailShown"]
        assert sel["cells"] and set(sel["lit"]) == set(sel["cells"])
        # one id per distinct place the finding names, each one lit at least once
        assert len(set(sel["cells"])) >= len(set(finding.cells))
        assert sel["rule"] == finding.rule_id
        for name in ("expected", "actual", "difference", "slack"):
            value = getattr(finding, name)
            assert sel[name] == ("—" if value is None else f"{value:f}"), name
        assert finding.expected is not None and finding.actual is not None


def test_hover_lights_then_gives_back_the_selection(probe: dict[str, Any]) -> None:
    assert set(probe["hover"]["lit"]) == set(probe["hover"]["cells"])
    last = probe["selections"][-1]
    assert set(probe["afterLeave"]) == set(last["cells"])


def test_clicking_a_marked_cell_selects_its_worst_finding(probe: dict[str, Any]) -> None:
    assert probe["cellClick"]["selected"] == probe["cellClick"]["findings"][0]


def test_chart_has_one_bar_per_class_in_proportion(
    probe: dict[str, Any], seed: tuple[Disclosure, Report]
) -> None:
    d, _ = seed
    t = d.table("支出决算表")
    assert t is not None
    rows = [r for r in t.rows if r.code and len(r.code) == 3 and r["本年支出合计"] is not None]
    bars = probe["bars"]
    assert [b["code"] for b in bars] == [r.code for r in rows]
    assert [Decimal(b["total"]) for b in bars] == [r["本年支出合计"] for r in rows]
    top = max(bars, key=lambda b: Decimal(b["total"]))
    for b in bars:
        expected = Decimal(b["total"]) / Decimal(top["total"]) * Decimal(str(top["width"]))
        assert abs(Decimal(str(b["width"])) - expected) < 1, b


def test_address_with_a_finding_selects_it(
    chromium: str, seed: tuple[Disclosure, Report], tmp_path: Path
) -> None:
    d, r = seed
    (fid,) = [f for f in _fids(r, "电脑耗材") if r.findings[int(f[1:]) - 1].rule_id == "E-rate"]
    path = tmp_path / "report.html"
    path.write_text(render_report(r, d), encoding="utf-8")
    tree = parse(_run(chromium, tmp_path / "profile", path.as_uri() + "#" + fid, "--dump-dom"))
    (li,) = tree.select("li", "finding", data_fid=fid)
    assert "selected" in li.classes
    lit = {n.get("data-cell") for n in tree.find_all(lambda n: "hl" in n.classes)}
    assert lit == set((li.get("data-cells") or "").split())
    texts = {n.text for n in tree.find_all(lambda n: "hl" in n.classes)}
    assert {"29", "7.504", "25.98"} <= texts  # 全年预算数, 全年执行数, 执行率 as printed


def _png_pixels(data: bytes) -> tuple[int, int, bytes]:
    """Width, height and the decompressed scanlines of a PNG (filters not undone)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width, height = 8, b"", 0, 0
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        body = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height = struct.unpack(">II", body[:8])
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    return width, height, zlib.decompress(idat)


def test_screenshot_is_not_blank(
    chromium: str, seed: tuple[Disclosure, Report], tmp_path: Path
) -> None:
    d, r = seed
    path = tmp_path / "report.html"
    path.write_text(render_report(r, d), encoding="utf-8")
    shot = tmp_path / "report.png"
    _run(
        chromium,
        tmp_path / "profile",
        path.as_uri(),
        f"--screenshot={shot}",
        "--window-size=1280,1600",
    )
    width, height, raw = _png_pixels(shot.read_bytes())
    assert (width, height) == (1280, 1600)
    # a blank page is one colour: its filtered scanlines hold a handful of byte values
    assert len(set(raw)) > 100
