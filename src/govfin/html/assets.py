"""The style sheet and the script of the HTML report, as strings inlined into every page.

A report is one self-contained file (it opens from a USB stick): no link, no CDN, no font to
fetch.  Everything is scoped under the ``.govfin`` root element, so that a report shown in a
Jupyter cell does not restyle the notebook, and the script initialises every ``.govfin`` root of
the page once (a notebook may show several).

What the script does (nothing else):

- selecting a finding (click, Enter/Space on a focused one, or ``#f12`` in the address) marks it
  ``selected``, gives every cell of its relation the class ``hl`` and fills the detail panel
  (rule, message, expected, actual, difference, slack, correction, pages) with ``textContent``;
- hovering a finding highlights its cells for as long as the pointer stays on it;
- clicking a marked cell (or a marked claim) selects the first finding that names it.

Texts from the document reach the page only as escaped HTML written by the renderer; the
script reads them back from ``data-*`` attributes and writes them with ``textContent``.
"""

from __future__ import annotations

__all__ = ["CONTENT_SECURITY_POLICY", "CSS", "JS"]

#: The page may fetch nothing: no script, style, image, font or frame from anywhere.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
    "img-src data:; base-uri 'none'; form-action 'none'"
)

CSS = """
.govfin { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC",
  "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif; color: #1b1b1b; line-height: 1.45;
  max-width: 1200px; margin: 0 auto; padding: 0 1em 12em 1em; font-size: 14px; }
.govfin h1 { font-size: 1.5em; margin: .6em 0 .2em 0; }
.govfin h2 { font-size: 1.2em; margin: 1.6em 0 .4em 0; border-bottom: 1px solid #ccc; }
.govfin h3 { font-size: 1.05em; margin: 1.1em 0 .3em 0; }
.govfin .en { color: #666; font-weight: normal; font-size: .9em; }
.govfin dl.meta { display: grid; grid-template-columns: max-content auto; gap: .1em 1em; }
.govfin dl.meta dt { color: #555; }
.govfin dl.meta dd { margin: 0; }
.govfin .verdict { font-size: 1.15em; font-weight: bold; padding: .3em .6em;
  display: inline-block; border-radius: 4px; margin: .4em 0; }
.govfin .verdict.fail { background: #fde7ea; color: #b00020; }
.govfin .verdict.pass { background: #e6f4ea; color: #1e6b34; }
.govfin .counts span { margin-right: 1.2em; }
.govfin table { border-collapse: collapse; margin: .3em 0 .8em 0; }
.govfin th, .govfin td { border: 1px solid #c8c8c8; padding: 2px 6px; vertical-align: top; }
.govfin th { background: #f3f3f3; font-weight: 600; }
.govfin td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.govfin td.code { font-family: monospace; white-space: nowrap; }
.govfin .sides { display: flex; gap: 1.5em; flex-wrap: wrap; align-items: flex-start; }
.govfin .note { color: #555; font-style: italic; }
.govfin .m-error { background: #fde7ea; box-shadow: inset 0 0 0 2px #b00020; }
.govfin .m-warning { background: #fff3d6; box-shadow: inset 0 0 0 2px #b26a00; }
.govfin .m-residue { background-image: linear-gradient(#9e9e9e, #9e9e9e);
  background-size: 100% 1px; background-position: 0 100%; background-repeat: no-repeat; }
.govfin .m-fix::after { content: " ✎"; color: #b00020; }
.govfin h3.m-error, .govfin h3.m-warning, .govfin h3.m-residue { background: none;
  box-shadow: none; border-left: 4px solid #b00020; padding-left: .4em; }
.govfin h3.m-warning { border-left-color: #b26a00; }
.govfin h3.m-residue { border-left: 2px dotted #9e9e9e; }
.govfin [data-findings] { cursor: pointer; }
.govfin .hl { background: #d6e9ff !important; box-shadow: inset 0 0 0 3px #1565c0 !important; }
.govfin ul.findings { list-style: none; padding-left: 0; margin: .2em 0 .6em 0; }
.govfin li.finding { padding: 3px 6px; margin: 2px 0; border-left: 4px solid #999;
  cursor: pointer; }
.govfin li.finding.sev-error { border-left-color: #b00020; }
.govfin li.finding.sev-warning { border-left-color: #b26a00; }
.govfin li.finding.sev-info { border-left-color: #bbb; }
.govfin li.finding.residue { border-left-color: #9e9e9e; border-left-style: dotted; }
.govfin li.finding:hover, .govfin li.finding:focus { background: #f0f6ff; outline: none; }
.govfin li.finding.selected { background: #d6e9ff; }
.govfin .sev { font-weight: bold; text-transform: uppercase; font-size: .8em; }
.govfin .sev-error .sev { color: #b00020; }
.govfin .sev-warning .sev { color: #b26a00; }
.govfin .sev-info .sev { color: #666; }
.govfin .nums { color: #444; font-size: .9em; }
.govfin .where { color: #666; font-size: .9em; }
.govfin details.group > summary { cursor: pointer; font-weight: 600; margin-top: .4em; }
.govfin .claim-agrees { border-bottom: 2px solid #2e7d32; }
.govfin .claim-contradicted { background: #fde7ea; border-bottom: 2px solid #b00020; }
.govfin .claim-unchecked { border-bottom: 1px dashed #888; }
.govfin .flag-error { background: #fde7ea; }
.govfin .flag-warning { background: #fff3d6; }
.govfin .should { color: #b00020; font-size: .9em; }
.govfin .legend span { margin-right: 1.2em; padding: 0 .3em; }
.govfin tr.differs td { background: #fde7ea; }
.govfin .diagnosis { margin: .2em 0 .8em 0; }
.govfin #detail, .govfin .detail { position: fixed; right: 1em; bottom: 1em; width: 28em;
  max-height: 40vh; overflow: auto; background: #fff; border: 1px solid #1565c0;
  box-shadow: 0 2px 10px rgba(0,0,0,.2); padding: .5em .8em; font-size: .92em; }
.govfin .detail[hidden] { display: none; }
.govfin .detail table { margin: .3em 0; }
.govfin .chart svg text { font-size: 12px; }
.govfin .batch td a { text-decoration: none; }
@media print { .govfin .detail { display: none; } .govfin { padding-bottom: 0; } }
"""

JS = r"""
(function () {
  "use strict";
  function init(root) {
    if (root.getAttribute("data-ready") === "1") { return; }
    root.setAttribute("data-ready", "1");
    var detail = root.querySelector(".detail");
    var selected = null;
    function cellsOf(item) {
      var ids = (item.getAttribute("data-cells") || "").split(" ");
      var out = [];
      for (var i = 0; i < ids.length; i++) {
        if (!ids[i]) { continue; }
        var found = root.querySelectorAll('[data-cell="' + ids[i] + '"]');
        for (var j = 0; j < found.length; j++) { out.push(found[j]); }
      }
      return out;
    }
    function clear() {
      var lit = root.querySelectorAll(".hl");
      for (var i = 0; i < lit.length; i++) { lit[i].classList.remove("hl"); }
    }
    function light(item) {
      clear();
      if (!item) { return; }
      var cells = cellsOf(item);
      for (var i = 0; i < cells.length; i++) { cells[i].classList.add("hl"); }
    }
    function field(name, value) {
      var el = detail && detail.querySelector('[data-field="' + name + '"]');
      if (el) { el.textContent = value || "—"; }
    }
    function select(item, scroll) {
      if (selected) {
        selected.classList.remove("selected");
        selected.setAttribute("aria-selected", "false");
      }
      selected = item;
      light(item);
      if (!item) { if (detail) { detail.hidden = true; } return; }
      item.classList.add("selected");
      item.setAttribute("aria-selected", "true");
      var names = ["rule", "severity", "expected", "actual", "difference", "slack", "fix", "pages"];
      for (var i = 0; i < names.length; i++) {
        field(names[i], item.getAttribute("data-" + names[i]));
      }
      var msg = item.querySelector(".msg");
      field("message", msg ? msg.textContent : "");
      if (detail) { detail.hidden = false; }
      if (scroll) {
        var cells = cellsOf(item);
        if (cells.length && cells[0].scrollIntoView) { cells[0].scrollIntoView({block: "center"}); }
      }
    }
    root.govfinSelect = function (fid) {
      var item = root.querySelector('li.finding[data-fid="' + fid + '"]');
      select(item, false);
      return item ? cellsOf(item).length : -1;
    };
    var items = root.querySelectorAll("li.finding");
    for (var i = 0; i < items.length; i++) {
      (function (item) {
        item.addEventListener("click", function () { select(item, true); });
        item.addEventListener("keydown", function (e) {
          if (e.key === "Enter" || e.key === " ") { e.preventDefault(); select(item, true); }
        });
        item.addEventListener("mouseenter", function () { light(item); });
        item.addEventListener("mouseleave", function () { light(selected); });
      })(items[i]);
    }
    var marked = root.querySelectorAll("[data-findings]");
    for (var k = 0; k < marked.length; k++) {
      (function (el) {
        el.addEventListener("click", function () {
          var first = (el.getAttribute("data-findings") || "").split(" ")[0];
          var item = first && root.querySelector('li.finding[data-fid="' + first + '"]');
          if (item) {
            var group = item.closest("details");
            if (group) { group.open = true; }
            select(item, false);
            if (item.scrollIntoView) { item.scrollIntoView({block: "nearest"}); }
          }
        });
      })(marked[k]);
    }
    var close = root.querySelector(".detail button");
    if (close) { close.addEventListener("click", function () { select(null, false); }); }
    var hash = (window.location.hash || "").slice(1);
    if (/^f[0-9]+$/.test(hash)) {
      var target = root.querySelector('li.finding[data-fid="' + hash + '"]');
      if (target) {
        var g = target.closest("details");
        if (g) { g.open = true; }
        select(target, true);
      }
    }
  }
  var roots = document.querySelectorAll(".govfin");
  for (var r = 0; r < roots.length; r++) { init(roots[r]); }
})();
"""
