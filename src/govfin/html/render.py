"""The HTML report of a check run: one self-contained page a person can look at.

This module is over 600 lines because the page's parts (header, findings, tables as printed,
narrative, 自评表, batch page) share one escaping and marking vocabulary; each part is a short
function below.

:func:`render_report` turns a :class:`~govfin.findings.Report` and the
:class:`~govfin.disclosure.Disclosure` it checked into one HTML file (inline CSS, script and
SVG; nothing fetched, see :mod:`govfin.html.assets`):

- the header: department, year, kind, files, pages; the verdict and the counts; the findings
  grouped by cause (rule), errors and warnings open, rounding residues (尾数误差) and the other
  notes folded;
- a chart of the expenditure by 类, 基本 and 项目 (:mod:`govfin.html.svg`);
- each table as printed (codes, names, columns), every cell that takes part in a failing
  relation marked: ``m-error`` / ``m-warning`` clearly, ``m-residue`` discreetly, ``m-fix`` on
  the one cell whose correction would satisfy every failing relation;
- the 情况说明 with each claim marked ``claim-agrees`` / ``claim-contradicted`` /
  ``claim-unchecked`` and, for a contradicted one, the figure it should have said;
- each 项目支出绩效自评表 with printed against recomputed 执行率, 得分, 总分 and grade, and the
  diagnosis of the wrong cell.

Selecting (or hovering) a finding highlights every cell of its relation (``hl``) and shows
expected, actual, difference and slack.  A cell is tied to the findings naming it through its
place (table, row, column), the same key :class:`~govfin.findings.Place` compares by.

``locate(line) -> str | None`` maps a source line to the page of the PDF it is printed on, when
the caller knows it (``"3"``); the page is shown beside each finding and kept on each cell.

Every text taken from the document is escaped: a document is untrusted input.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from itertools import pairwise
from typing import TYPE_CHECKING, Any

import attrs

from govfin import codes
from govfin._lazy import frozen
from govfin._version import __version__
from govfin.errors import ArgumentTypeError, ArgumentValueError
from govfin.findings import Finding, Place, Report, Severity
from govfin.html.assets import CONTENT_SECURITY_POLICY, CSS, JS
from govfin.html.svg import bars_of, expenditure_chart
from govfin.narrative import NARRATIVE_TABLE, Claim, Sentence
from govfin.performance import MOF_2020, ScoringScheme, diagnose, score_row
from govfin.performance.model import FUND_COLUMNS
from govfin.rules.narrative import CLAIM_RULES, claim_summary
from govfin.rules.registry import REGISTRY, RuleError

if TYPE_CHECKING:
    from govfin.disclosure import Disclosure, NarrativeSection
    from govfin.performance import ProjectEvaluation
    from govfin.tables import Row, Table

__all__ = [
    "BatchEntry",
    "Locate",
    "UnsafeLinkError",
    "render_batch",
    "render_report",
    "report_fragment",
]

#: Maps a source line to the page of the document it is printed on (``None``: unknown).
Locate = Callable[[int], "str | None"]

_Key = tuple[str, "str | None", "str | None", "int | None"]

_SEVERITY_LABEL = {
    "error": "错误 error",
    "warning": "警告 warning",
    "residue": "尾数误差 rounding residue",
    "info": "提示 info",
}

_STATUS_LABEL = {
    "agrees": "核对一致 agrees",
    "contradicted": "与表不符 contradicted",
    "unchecked": "未能核对 not checkable",
}


def _esc(value: object) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _num(value: Decimal | None) -> str:
    """A figure as printed (no grouping, no rounding); blank for ``None``."""
    return "" if value is None else f"{value:f}"


def _key(place: Place) -> _Key:
    """What a cell is known by: its place (table, row, column), as :class:`Place` compares.

    A claim of the narrative is known by its line too: the same words may be printed twice in
    a section ("公务用车购置费支出0万元"), and each is a claim of its own.
    """
    if place.table == NARRATIVE_TABLE:
        return (place.table, place.row, place.column, place.line)
    return (place.table, place.row, place.column, None)


def _kind_of(disclosure: Disclosure) -> str | None:
    """决算 or 预算, read from the document's own title (``None`` when it says neither)."""
    title = disclosure.title or ""
    if "决算" in title:
        return "部门决算 final accounts"
    if "预算" in title:
        return "部门预算 budget"
    return None


def _marked(f: Finding) -> bool:
    """Findings that mark cells and are listed open: errors, warnings, rounding residues."""
    return f.severity is not Severity.INFO or f.is_residue


def _level(f: Finding) -> str:
    """``error`` / ``warning`` / ``residue`` / ``info``."""
    if f.severity is Severity.INFO:
        return "residue" if f.is_residue else "info"
    return f.severity.value


_RANK = {"error": 3, "warning": 2, "residue": 1, "info": 0}


class _Index:
    """Every place some finding names: its id in the page, the findings naming it, its pages."""

    def __init__(self, report: Report, locate: Locate | None):
        self.findings = report.findings
        self.locate = locate
        self.ids: dict[_Key, str] = {}
        self.naming: dict[_Key, list[int]] = {}
        self.lines: dict[_Key, int] = {}
        self.fixes: dict[_Key, list[int]] = {}
        for i, f in enumerate(self.findings):
            for p in self.places(f):
                k = _key(p)
                self.id(k)
                self.naming.setdefault(k, []).append(i)
                if p.line is not None:
                    self.lines.setdefault(k, p.line)
            if f.fix is not None:
                self.fixes.setdefault(_key(f.fix), []).append(i)

    @staticmethod
    def places(f: Finding) -> tuple[Place, ...]:
        found = [p for p in (f.place, *f.cells, f.fix) if p is not None]
        return tuple(dict.fromkeys(found))

    def id(self, key: _Key) -> str:
        found = self.ids.get(key)
        if found is None:
            found = self.ids[key] = f"c{len(self.ids) + 1}"
        return found

    def page(self, line: int | None) -> str | None:
        if self.locate is None or line is None:
            return None
        return self.locate(line)

    def pages(self, f: Finding) -> list[str]:
        out = [self.page(p.line) for p in self.places(f)]
        return list(dict.fromkeys(p for p in out if p))

    def level(self, key: _Key) -> str | None:
        """The worst mark of the findings naming ``key`` (``None``: only plain infos)."""
        levels = [_level(self.findings[i]) for i in self.naming.get(key, ())]
        levels = [lv for lv in levels if lv != "info"]
        return max(levels, key=_RANK.__getitem__) if levels else None

    def attrs(
        self,
        key: _Key,
        line: int | None = None,
        classes: Iterable[str] = (),
        *,
        always: bool = False,
        title: str | None = None,
    ) -> str:
        """The attributes of an element showing ``key`` (a cell, a row, a heading, a claim).

        ``always``: give it an id even when no finding names it; ``title``: the tooltip
        (default: the first findings naming it, with their figures)."""
        cls = list(classes)
        out = []
        naming = self.naming.get(key, [])
        if naming or always:
            out.append(f' data-cell="{self.id(key)}"')
        if naming:
            level = self.level(key)
            if level is not None:
                cls.append(f"m-{level}")
            if key in self.fixes:
                cls.append("m-fix")
            order = sorted(naming, key=lambda i: -_RANK[_level(self.findings[i])])
            out.append(f' data-findings="{" ".join(f"f{i + 1}" for i in order)}"')
            if title is None:
                tips = [self.tip(self.findings[i], key) for i in order[:2]]
                if len(order) > 2:
                    tips.append(f"… {len(order) - 2} more")
                title = "\n".join(tips)
        if title:
            out.append(f' title="{_esc(title)}"')
        page = self.page(line if line is not None else self.lines.get(key))
        if page:
            out.append(f' data-page="{_esc(page)}"')
        if cls:
            out.insert(0, f' class="{" ".join(cls)}"')
        return "".join(out)

    def tip(self, f: Finding, key: _Key) -> str:
        text = f"{f.rule_id} [{_level(f)}]"
        nums = [
            f"{name} {v:f}"
            for name, v in (
                ("expected", f.expected),
                ("actual", f.actual),
                ("difference", f.difference),
                ("slack", f.slack),
            )
            if v is not None
        ]
        if nums:
            text += " " + ", ".join(nums)
        if f.fix is not None and _key(f.fix) == key and f.fix_value is not None:
            text += f"; 更正 fix: {f.fix_value:f}"
        return text


# -- the page ----------------------------------------------------------------------------------


def _document(title: str, body: str) -> str:
    return (
        "<!DOCTYPE html>\n"
        '<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="govfin {_esc(__version__)}">\n'
        f"<title>{_esc(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        f'<div class="govfin">\n{body}\n</div>\n<script>{JS}</script>\n</body>\n</html>\n'
    )


_DETAIL = (
    '<aside class="detail" hidden aria-live="polite">'
    '<button type="button" aria-label="close" style="float:right">×</button>'
    '<b data-field="rule"></b> <span data-field="severity"></span>'
    '<p data-field="message"></p><table>'
    + "".join(
        f'<tr><th>{zh} {en}</th><td class="num" data-field="{en}"></td></tr>'
        for zh, en in (
            ("应为", "expected"),
            ("印制", "actual"),
            ("差额", "difference"),
            ("容差", "slack"),
            ("更正", "fix"),
            ("页码", "pages"),
        )
    )
    + "</table></aside>"
)


class _Page:
    def __init__(
        self,
        report: Report,
        disclosure: Disclosure,
        locate: Locate | None,
        scheme: ScoringScheme,
    ):
        self.report = report
        self.d = disclosure
        self.index = _Index(report, locate)
        self.scheme = scheme

    # -- header --------------------------------------------------------------------------------
    def header(self, title: str, files: Sequence[str], pages: int | None) -> str:
        d, r = self.d, self.report
        kind = _kind_of(d)
        rows = [
            ("部门", "department", d.department),
            ("年度", "year", d.year),
            ("类别", "kind", kind),
            ("标题", "title", d.title),
            ("文件", "files", "、".join(files) if files else None),
            ("页数", "pages", pages),
            ("表", "tables", len(d.tables)),
            ("绩效自评表", "self-evaluations", len(d.evaluations)),
        ]
        in_force = codes.supplements()
        if in_force:  # user-supplied codes the check used (docs/classification.md)
            rows.append((
                "科目补充", "code-supplements",
                "、".join(f"{s.path} (+{len(s.entries)})" for s in in_force),
            ))
        meta = "".join(
            f"<dt>{zh} <span class=en>{en}</span></dt><dd data-meta=\"{en}\">"
            f"{_esc(v) if v is not None and v != '' else '—'}</dd>"
            for zh, en, v in rows
        )
        verdict = (
            '<p class="verdict pass" data-verdict="pass">无错误 No errors</p>'
            if r.ok
            else '<p class="verdict fail" data-verdict="fail">发现错误 Errors found</p>'
        )
        counts = (
            f'<p class="counts"><span data-count="errors">错误 errors: {len(r.errors)}</span>'
            f'<span data-count="warnings">警告 warnings: {len(r.warnings)}</span>'
            f'<span data-count="residues">尾数误差 rounding residues: {len(r.residues)}</span>'
            f'<span data-count="infos">提示 infos: {len(r.infos)}</span></p>'
            f'<p class="claims" data-claims>情况说明 narrative: {_esc(claim_summary(r))}</p>'
        )
        return (
            f"<header><h1>{_esc(title)}</h1>\n<dl class=\"meta\">{meta}</dl>\n{verdict}\n"
            f"{counts}</header>"
        )

    # -- findings, grouped by cause ------------------------------------------------------------
    def finding_item(self, i: int, f: Finding) -> str:
        index = self.index
        level = _level(f)
        cls = f"finding sev-{f.severity.value}" + (" residue" if level == "residue" else "")
        cells = " ".join(index.id(_key(p)) for p in index.places(f))
        pages = index.pages(f)
        fix = f"{f.fix} = {f.fix_value:f}" if f.fix is not None and f.fix_value is not None else ""
        data = {
            "rule": f.rule_id,
            "severity": _SEVERITY_LABEL[level],
            "expected": _num(f.expected),
            "actual": _num(f.actual),
            "difference": _num(f.difference),
            "slack": _num(f.slack),
            "fix": fix,
            "pages": "、".join(pages),
        }
        attrs_ = "".join(f' data-{k}="{_esc(v)}"' for k, v in data.items())
        nums = ", ".join(
            f"{zh} {en} {_num(v)}"
            for zh, en, v in (
                ("应为", "expected", f.expected),
                ("印制", "actual", f.actual),
                ("差额", "difference", f.difference),
                ("容差", "slack", f.slack),
            )
            if v is not None
        )
        where = _esc(f.place) if f.place is not None else "(document)"
        if pages:
            where += " · 第" + _esc("、".join(pages)) + "页"
        return (
            f'<li class="{cls}" id="f{i + 1}" data-fid="f{i + 1}" data-cells="{cells}" '
            f'tabindex="0" role="option" aria-selected="false"{attrs_}>'
            f'<span class="sev">{_esc(_SEVERITY_LABEL[level])}</span> <b>{_esc(f.rule_id)}</b> '
            f'<span class="where">{where}</span><br><span class="msg">{_esc(f.message)}</span>'
            + (f' <span class="nums">({_esc(nums)})</span>' if nums else "")
            + (f' <span class="nums">更正 fix: {_esc(fix)}</span>' if fix else "")
            + "</li>"
        )

    def findings(self) -> str:
        groups: dict[str, list[int]] = {}
        notes: dict[str, list[int]] = {}
        for i, f in enumerate(self.report.findings):
            (groups if _marked(f) else notes).setdefault(f.rule_id, []).append(i)
        fs = self.report.findings

        def worst(items: list[int]) -> int:
            return max(_RANK[_level(fs[i])] for i in items)

        def group(rule_id: str, items: list[int], open_: bool) -> str:
            try:
                rule = REGISTRY.get(rule_id)
                name = f"{_esc(rule.title_zh)} <span class=en>{_esc(rule.title_en)}</span>"
            except RuleError:
                name = ""
            items = sorted(items, key=lambda i: -_RANK[_level(fs[i])])
            lv = _level(fs[items[0]])
            return (
                f'<details class="group" data-rule="{_esc(rule_id)}"{" open" if open_ else ""}>'
                f'<summary><span class="sev-{_esc(lv)}">{_esc(rule_id)}</span> {name} '
                f"({len(items)})</summary>"
                f'<ul class="findings" role="listbox">'
                + "".join(self.finding_item(i, fs[i]) for i in items)
                + "</ul></details>"
            )

        ordered = sorted(groups.items(), key=lambda kv: (-worst(kv[1]), kv[0]))
        # Errors open; a group of warnings open when short (a long one would hide the tables).
        def opened(items: list[int]) -> bool:
            w = worst(items)
            return w == _RANK["error"] or (w == _RANK["warning"] and len(items) <= 5)

        main = "".join(group(k, v, opened(v)) for k, v in ordered)
        other = "".join(group(k, v, False) for k, v in sorted(notes.items()))
        return (
            '<section class="findings-section" id="findings"><h2>问题（按原因） '
            "<span class=en>Findings by cause</span></h2>"
            + (main or "<p>无 none</p>")
            + "<details class=\"group notes\"><summary>其他提示（核对一致、未能核对等） "
            "<span class=en>Other notes: agreeing and uncheckable claims, …</span> "
            f"({sum(len(v) for v in notes.values())})</summary>{other}</details></section>"
        )

    # -- chart ---------------------------------------------------------------------------------
    def chart(self) -> str:
        source, bars = bars_of(self.d.tables)
        return (
            '<section class="chart" id="chart"><h2>支出结构 '
            "<span class=en>What the money was for</span>"
            f"</h2>{expenditure_chart(bars, source=source)}</section>"
        )

    # -- tables --------------------------------------------------------------------------------
    def table(self, n: int, t: Table) -> str:
        index, kind = self.index, t.KIND
        page = index.page(t.meta.line)
        head = (
            f'<section class="table" id="t{n}" data-kind="{_esc(kind)}">'
            f"<h3{index.attrs((kind, None, None, None), t.meta.line)}>"
            f"{_esc(t.meta.number or '')} {_esc(kind)} <span class=en>{_esc(t.TITLE_EN)}</span>"
            "</h3>"
            f'<p class="en">单位 unit: {_esc(t.meta.unit.value)}'
            + (f" · 第{_esc(page)}页 page {_esc(page)}" if page else "")
            + "</p>"
        )
        income = getattr(t, "INCOME_ROWS", None)
        if income is not None:
            left = [r for r in t.rows if r.key in income]
            right = [r for r in t.rows if r.key not in income]
            body = (
                '<div class="sides">'
                + self.grid(t, left, "收入 income")
                + self.grid(t, right, "支出 expenditure")
                + "</div>"
            )
        else:
            body = self.grid(t, list(t.rows), None)
        note = f'<p class="note">{_esc(t.meta.empty_note)}</p>' if t.meta.empty_note else ""
        return head + body + note + "</section>"

    def grid(self, t: Table, rows: list[Row], caption: str | None) -> str:
        if not rows:
            return ""
        index, kind = self.index, t.KIND
        used = {c for r in rows for c in r.values}
        columns = [c for c in t.printed_columns() if c in used] or list(t.COLUMNS)
        coded = any(r.code is not None for r in rows)
        head = (
            ("<th>代码 code</th>" if coded else "")
            + "<th>项目 item</th>"
            + "".join(f"<th>{_esc(c)}</th>" for c in columns)
        )
        body = []
        for r in rows:
            cells = "".join(
                f"<td{index.attrs((kind, r.key, c, None), r.line, ['num'])}>"
                f"{_esc(_num(r[c]))}</td>"
                for c in columns
            )
            code = f'<td class="code">{_esc(r.code or "")}</td>' if coded else ""
            body.append(
                f'<tr data-key="{_esc(r.key)}"{index.attrs((kind, r.key, None, None), r.line)}>'
                f"{code}<td>{_esc(r.name or r.key)}</td>{cells}</tr>"
            )
        cap = f"<caption>{_esc(caption)}</caption>" if caption else ""
        rows_ = "".join(body)
        return f"<table>{cap}<thead><tr>{head}</tr></thead><tbody>{rows_}</tbody></table>"

    # -- narrative -----------------------------------------------------------------------------
    def claim_status(self, c: Claim) -> tuple[str, list[int], Decimal | None]:
        """(status, the findings about the claim, the figure a contradicted claim should say)."""
        key = _key(c.place)
        fs = self.report.findings
        about = [
            i
            for i in self.index.naming.get(key, ())
            if fs[i].rule_id in CLAIM_RULES and fs[i].place is not None and _key(fs[i].place) == key
        ]
        wrong = [i for i in about if fs[i].severity is not Severity.INFO]
        if wrong:
            should = next((fs[i].expected for i in wrong if fs[i].expected is not None), None)
            return "contradicted", about, should
        if any(fs[i].rule_id != "N-unchecked" for i in about):
            return "agrees", about, None
        return "unchecked", about, None

    def flags(self, section: str) -> list[tuple[Place, Finding]]:
        """Narrative findings that are not about claims (template residue, years) of a section."""
        return [
            (f.place, f)
            for f in self.report.findings
            if f.place is not None
            and f.place.table == NARRATIVE_TABLE
            and f.rule_id not in CLAIM_RULES
            and f.place.row == section
            and f.place.column
        ]

    def sentence(
        self,
        s: Sentence,
        claims: list[Claim],
        flags: list[tuple[Place, Finding]],
    ) -> str:
        text = s.text
        lines = {n for _, n in s.line_starts}
        spans: list[tuple[int, int, str, str]] = []  # start, end, open tag, note after
        unplaced: list[str] = []
        cursor = 0
        taken: set[tuple[int, int]] = set()
        for c in claims:
            status, about, should = self.claim_status(c)
            key = _key(c.place)
            cls = ["claim", f"claim-{status}"]
            label = _STATUS_LABEL[status]
            tip = label + "".join(
                "\n" + self.index.tip(self.report.findings[i], key) for i in about[:3]
            )
            if should is not None:
                tip += f"\n应为 should be {_num(should)}"
            attrs_ = self.index.attrs(key, c.line, cls, always=True, title=tip)
            tag = f'<span{attrs_} data-status="{status}">'
            note = (
                f'<span class="should">（应为 should be {_esc(_num(should))}）</span>'
                if should is not None
                else ""
            )
            pos = _find(text, c.text, cursor, taken)
            if pos < 0:
                unplaced.append(f"{tag}{_esc(c.text)}</span>{note}")
                continue
            taken.add((pos, len(c.text)))
            cursor = pos
            spans.append((pos, pos + len(c.text), tag, note))
        for place, f in flags:
            if place.line is not None and lines and place.line not in lines:
                continue
            word = place.column or ""
            pos = text.find(word)
            if pos < 0 or (pos, len(word)) in taken:
                continue
            taken.add((pos, len(word)))
            level = f.severity.value
            tag = f"<span{self.index.attrs(_key(place), place.line, [f'flag-{level}'])}>"
            spans.append((pos, pos + len(word), tag, ""))
        return _segments(text, spans) + "".join(unplaced)

    def narrative(self) -> str:
        sections = []
        for s in self.d.narrative.sections:
            sections.append(self.section(s))
        glossary = self.d.narrative.glossary
        gloss = (
            "<details><summary>名词解释 <span class=en>Glossary</span></summary>"
            f'<div class="glossary">{_esc(glossary).replace(chr(10), "<br>")}</div></details>'
            if glossary
            else ""
        )
        legend = (
            '<p class="legend"><span class="claim-agrees">核对一致 agrees</span>'
            '<span class="claim-contradicted">与表不符 contradicted</span>'
            '<span class="claim-unchecked">未能核对 not checkable</span></p>'
        )
        return (
            '<section class="narrative" id="narrative">'
            "<h2>情况说明 <span class=en>Narrative</span></h2>"
            + legend
            + ("".join(sections) or "<p>—</p>")
            + gloss
            + "</section>"
        )

    def section(self, sec: NarrativeSection) -> str:
        pending = list(sec.claims())
        flags = self.flags(sec.heading)
        paragraphs: dict[int, list[str]] = {}
        for s in sec.sentences():
            lines = {n for _, n in s.line_starts}
            mine = [
                c
                for c in pending
                if c.sentence == s.text and (c.line is None or not lines or c.line in lines)
            ]
            for c in mine:
                pending.remove(c)
            paragraphs.setdefault(s.paragraph, []).append(self.sentence(s, mine, flags))
        rest = "".join(self.loose_claim(c) for c in pending)
        body = "".join(f"<p>{''.join(p)}</p>" for p in paragraphs.values())
        if rest:
            body += f'<p class="note">其他表述 other claims: {rest}</p>'
        return (
            f'<section class="narrative-section"><h3>{_esc(sec.heading)}</h3>{body}</section>'
        )

    def loose_claim(self, c: Claim) -> str:
        """A claim whose text was not found in its sentence: shown apart, never dropped."""
        status = self.claim_status(c)[0]
        attrs_ = self.index.attrs(_key(c.place), c.line, ["claim", f"claim-{status}"], always=True)
        return f'<span{attrs_} data-status="{status}">{_esc(c.text)}</span> '

    # -- 项目支出绩效自评表 ----------------------------------------------------------------------
    def evaluation(self, n: int, ev: ProjectEvaluation) -> str:
        index, label = self.index, ev.table
        parts = [
            (
                f'<section class="evaluation" id="e{n}" data-project="{_esc(ev.project)}">'
                f"<h3{index.attrs((label, None, None, None), ev.line)}>项目支出绩效自评表 "
                f"<span class=en>Performance self-evaluation</span>：{_esc(ev.project)}</h3>"
            )
        ]
        meta = [
            ("主管部门", ev.department),
            ("实施单位", ev.budget_unit),
            ("年度", ev.year),
        ]
        parts.append(
            '<p class="en">'
            + " · ".join(f"{zh}：{_esc(v)}" for zh, v in meta if v is not None)
            + "</p>"
        )
        attrs_ = list(FUND_COLUMNS)
        head = (
            "<th>资金 funds</th>"
            + "".join(f"<th>{_esc(FUND_COLUMNS[a])}</th>" for a in attrs_)
            + "<th>偏差原因</th>"
        )
        rows = []
        for fund in ev.funds:
            cells = "".join(
                f"<td{index.attrs(_key(ev.fund_place(fund, a)), fund.line, ['num'])}>"
                f"{_esc(_num(getattr(fund, a)))}</td>"
                for a in attrs_
            )
            rows.append(
                f'<tr data-key="{_esc(fund.source)}"><td>{_esc(fund.source)}</td>{cells}'
                f"<td>{_esc(fund.deviation)}</td></tr>"
            )
        funds = "".join(rows)
        parts.append(f'<table class="funds"><thead><tr>{head}</tr></thead>{funds}</table>')
        if ev.goal or ev.achieved:
            parts.append(
                f"<p><b>年度目标</b> {_esc(ev.goal)}<br><b>实际完成</b> {_esc(ev.achieved)}</p>"
            )
        # indicators, then 总分 and grade (printed even when no indicator row was read)
        ihead = "".join(
            f"<th>{h}</th>"
            for h in (
                "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
                "偏差原因",
            )
        )
        irows = []
        for ind in ev.indicators:
            w = _key(ev.indicator_place(ind, "weight"))
            s = _key(ev.indicator_place(ind, "score"))
            irows.append(
                f'<tr data-key="{_esc(ind.name)}"><td>{_esc(ind.level1)}</td>'
                f"<td>{_esc(ind.level2)}</td>"
                f"<td>{_esc(ind.level3)}</td><td>{_esc(ind.target)}</td>"
                f"<td>{_esc(ind.actual)}</td>"
                f"<td{index.attrs(w, ind.line, ['num'])}>{_esc(_num(ind.weight))}</td>"
                f"<td{index.attrs(s, ind.line, ['num'])}>{_esc(_num(ind.score))}</td>"
                f"<td>{_esc(ind.reason)}</td></tr>"
            )
        total = _key(ev.total_cell().place)
        grade = _key(ev.grade_place())
        irows.append(
            '<tr data-key="总分"><td colspan=5>总分 total</td><td></td>'
            f"<td{index.attrs(total, None, ['num'])}>{_esc(_num(ev.total_score))}</td>"
            f"<td{index.attrs(grade, None)}>{_esc(ev.grade or '')}</td></tr>"
        )
        parts.append(
            f"<table class=\"indicators\"><thead><tr>{ihead}</tr></thead>"
            + "".join(irows)
            + "</table>"
        )
        for p in ev.analysis:  # 项目绩效分析, where N-perf-analysis places its findings
            key = _key(ev.analysis_place(p))
            parts.append(
                f"<p class=analysis><b>{_esc(p.heading or '项目绩效分析')}</b> "
                f"<span{index.attrs(key, p.line)}>{_esc(p.text)}</span></p>"
            )
        parts.append(self.scores(ev))
        parts.append("</section>")
        return "".join(parts)

    def scores(self, ev: ProjectEvaluation) -> str:
        row = score_row(ev, self.scheme)
        pairs = (
            ("执行率 execution rate (%)", row.rate, row.rate_computed),
            ("执行率得分 rate score", row.rate_score, row.rate_score_computed),
            ("总分 total score", row.total, row.total_computed),
            ("等级 grade", row.grade, row.grade_computed),
        )
        body = []
        for name, printed, computed in pairs:
            differs = printed is not None and computed is not None and printed != computed
            shown = [_num(v) if isinstance(v, Decimal) else (v or "") for v in (printed, computed)]
            body.append(
                f'<tr{" class=differs" if differs else ""} data-score="{_esc(name.split()[0])}">'
                f"<td>{_esc(name)}</td><td class=num>{_esc(shown[0] or '—')}</td>"
                f"<td class=num>{_esc(shown[1] or '—')}</td>"
                f"<td>{'≠' if differs else ''}</td></tr>"
            )
        table = (
            '<table class="scores"><thead><tr><th></th><th>印制 printed</th>'
            f"<th>重算 recomputed（{_esc(self.scheme.name)}）</th><th></th></tr></thead>"
            + "".join(body)
            + "</table>"
        )
        return table + self.diagnosis(ev)

    def diagnosis(self, ev: ProjectEvaluation) -> str:
        line = ev.total_line
        if line is None:
            return '<p class="diagnosis">无资金总额行 no 资金总额 line</p>'
        d = diagnose(line, self.scheme)
        if not d.failing:
            return (
                '<p class="diagnosis" data-diagnosis="ok">'
                "资金各项关系成立 the fund relations hold</p>"
            )
        failing = "".join(
            f"<li>{_esc(r.name)}: {_esc(FUND_COLUMNS.get(r.target, r.target))} "
            f"应为 expected {_esc(_num(r.expected))}, 印制 printed {_esc(_num(r.actual))}</li>"
            for r in d.failing
        )
        unique = d.unique
        if unique is not None:
            printed = getattr(line, unique.attr, None)
            verdict = (
                f"唯一的一处更正 the one correction: <b>{_esc(unique.column)} = "
                f"{_esc(_num(unique.value))}</b>（印制 printed {_esc(_num(printed))}）"
            )
        elif d.corrections:
            verdict = "可能的更正之一 one of: " + "；".join(_esc(c) for c in d.corrections)
        else:
            verdict = "没有单一单元格的更正 no single-cell correction"
        return (
            f'<div class="diagnosis" data-diagnosis="failing"><p>诊断 diagnosis: {verdict}</p>'
            f"<ul>{failing}</ul></div>"
        )

    # -- all -----------------------------------------------------------------------------------
    def body(self, title: str, files: Sequence[str], pages: int | None) -> str:
        parts = [self.header(title, files, pages), self.findings(), self.chart()]
        parts.append('<section class="tables" id="tables"><h2>表 <span class=en>Tables</span></h2>')
        parts.extend(self.table(n + 1, t) for n, t in enumerate(self.d.tables))
        parts.append("</section>")
        parts.append(self.narrative())
        if self.d.evaluations:
            parts.append(
                '<section class="evaluations" id="evaluations"><h2>项目支出绩效自评 '
                "<span class=en>Performance self-evaluations</span></h2>"
            )
            parts.extend(self.evaluation(n + 1, ev) for n, ev in enumerate(self.d.evaluations))
            parts.append("</section>")
        parts.append(_DETAIL)
        return "\n".join(parts)


def _find(text: str, word: str, cursor: int, taken: set[tuple[int, int]]) -> int:
    """Where ``word`` is in ``text``: from ``cursor`` on, else from the start; a span already
    taken by an earlier claim of the same text is skipped."""
    for start in (cursor, 0):
        pos = text.find(word, start)
        while pos >= 0 and (pos, len(word)) in taken:
            pos = text.find(word, pos + 1)
        if pos >= 0:
            return pos
    return -1


def _segments(text: str, spans: list[tuple[int, int, str, str]]) -> str:
    """``text`` with each span wrapped in its tag; overlapping spans are nested per segment, so
    every piece of a claim carries that claim's tag."""
    cuts = sorted({0, len(text), *(a for a, _, _, _ in spans), *(b for _, b, _, _ in spans)})
    out = []
    for a, b in pairwise(cuts):
        covering = [s for s in spans if s[0] <= a and b <= s[1]]
        piece = _esc(text[a:b])
        for _, _, tag, _ in reversed(covering):
            piece = f"{tag}{piece}</span>"
        out.append(piece)
        out.extend(note for _, end, _, note in spans if end == b and note)
    return "".join(out)


def _title(disclosure: Disclosure, title: str | None) -> str:
    if title:
        return title
    if disclosure.title:
        return disclosure.title
    parts = [str(x) for x in (disclosure.department, disclosure.year) if x]
    return " ".join(parts) or "govfin report"


def _files(files: Sequence[str] | str) -> tuple[str, ...]:
    return (files,) if isinstance(files, str) else tuple(str(f) for f in files)


def render_report(
    report: Report,
    disclosure: Disclosure,
    *,
    locate: Locate | None = None,
    title: str | None = None,
    files: Sequence[str] | str = (),
    pages: int | None = None,
    scheme: ScoringScheme = MOF_2020,
) -> str:
    """The whole page (``<!DOCTYPE html>`` …) of ``report`` on ``disclosure``.

    ``locate(line)`` gives the page a source line is printed on; ``title`` replaces the
    document's own title in the heading; ``files`` and ``pages`` are shown in the header;
    ``scheme`` is the scoring scheme of the recomputed 自评 figures.
    """
    page = _Page(report, disclosure, locate, scheme)
    shown = _title(disclosure, title)
    return _document(f"govfin: {shown}", page.body(shown, _files(files), pages))


def report_fragment(
    report: Report,
    disclosure: Disclosure,
    *,
    locate: Locate | None = None,
    title: str | None = None,
    files: Sequence[str] | str = (),
    pages: int | None = None,
    scheme: ScoringScheme = MOF_2020,
) -> str:
    """The same report as one ``<div class="govfin">`` with its style and script, for
    Jupyter's ``_repr_html_`` (a notebook shows HTML inside its own page)."""
    page = _Page(report, disclosure, locate, scheme)
    body = page.body(_title(disclosure, title), _files(files), pages)
    return f'<div class="govfin">{body}</div><style>{CSS}</style><script>{JS}</script>'


# -- batch ---------------------------------------------------------------------------------------

#: The counts a batch row shows, in order (others a row has are shown after them).
BATCH_COUNTS = (
    ("errors", "错误 errors"),
    ("warnings", "警告 warnings"),
    ("residues", "尾数误差 residues"),
    ("infos", "提示 infos"),
)

_SCHEME = re.compile(r"^\s*([A-Za-z][A-Za-z0-9+.\-]+):")  # one letter: a drive (C:)


class UnsafeLinkError(ArgumentValueError):
    """A batch entry's link with a scheme a report page must not follow (``javascript:`` …)."""


def _link(value: object) -> str | None:
    if value is None:
        return None
    link = str(value)
    m = _SCHEME.match(link)
    if m and m.group(1).lower() not in ("http", "https", "file"):
        raise UnsafeLinkError(f"batch entry link {link!r}: scheme {m.group(1)!r} is not allowed")
    return link


def _counts(value: Mapping[str, int]) -> Mapping[str, int]:
    out = dict(value)
    for k, v in out.items():
        if not isinstance(v, int) or isinstance(v, bool):
            raise ArgumentTypeError(f"batch entry count {k!r}: expected an int, got {v!r}")
    return out


@frozen
class BatchEntry:
    """One document of a batch: where it is, what it is, its counts, the link to its report.

    ``counts`` maps ``"errors"``, ``"warnings"``, ``"residues"``, ``"infos"`` (and any other
    count) to a number; ``link`` is the address of the document's own report, relative to the
    summary page (``http``, ``https``, ``file`` or no scheme).
    """

    path: str
    department: str | None = None
    year: int | None = None
    kind: str | None = None
    counts: Mapping[str, int] = attrs.field(factory=dict, converter=_counts)
    link: str | None = attrs.field(default=None, converter=_link)

    @classmethod
    def from_check(
        cls, path: str, disclosure: Disclosure, report: Report, link: str | None = None
    ) -> BatchEntry:
        """The entry of a document read from ``path`` and checked into ``report``."""
        return cls(
            path,
            disclosure.department,
            disclosure.year,
            _kind_of(disclosure),
            {
                "errors": len(report.errors),
                "warnings": len(report.warnings),
                "residues": len(report.residues),
                "infos": len(report.infos),
            },
            link,
        )


def _entry(e: BatchEntry | Mapping[str, Any]) -> BatchEntry:
    if isinstance(e, BatchEntry):
        return e
    if isinstance(e, Mapping):
        return BatchEntry(**e)
    raise ArgumentTypeError(f"a batch entry is a BatchEntry or a mapping, got {e!r}")


def render_batch(
    entries: Iterable[BatchEntry | Mapping[str, Any]], *, title: str | None = None
) -> str:
    """One page listing every document of a batch with its counts, each linking to its report."""
    items = [_entry(e) for e in entries]
    extra = list(
        dict.fromkeys(k for e in items for k in e.counts if k not in dict(BATCH_COUNTS))
    )
    names = [*BATCH_COUNTS, *((k, k) for k in extra)]
    head = (
        "<th>文件 file</th><th>部门 department</th><th>年度 year</th><th>类别 kind</th>"
        + "".join(f"<th>{_esc(label)}</th>" for _, label in names)
        + "<th>报告 report</th>"
    )
    rows = []
    for e in items:
        errors = e.counts.get("errors", 0)
        cls = "fail" if errors else "pass"
        counts = "".join(
            f'<td class="num" data-count="{_esc(k)}">{_esc(e.counts.get(k, "—"))}</td>'
            for k, _ in names
        )
        link = (
            f'<a href="{_esc(e.link)}">{_esc(e.department or e.path)}</a>' if e.link else "—"
        )
        rows.append(
            f'<tr class="{cls}" data-path="{_esc(e.path)}"><td>{_esc(e.path)}</td>'
            f"<td>{_esc(e.department or '—')}</td><td>{_esc(e.year or '—')}</td>"
            f"<td>{_esc(e.kind or '—')}</td>{counts}<td>{link}</td></tr>"
        )
    totals = "".join(
        f'<td class="num" data-total="{_esc(k)}">{sum(e.counts.get(k, 0) for e in items)}</td>'
        for k, _ in names
    )
    failing = sum(1 for e in items if e.counts.get("errors", 0))
    shown = title or "govfin 批量检查 batch check"
    body = (
        f"<header><h1>{_esc(shown)}</h1><p class=counts>"
        f"<span data-count=\"documents\">文件 documents: {len(items)}</span>"
        f"<span data-count=\"failing\">有错误 with errors: {failing}</span></p></header>"
        f'<table class="batch"><thead><tr>{head}</tr></thead><tbody>'
        + "".join(rows)
        + f"</tbody><tfoot><tr><td colspan=4>合计 total</td>{totals}<td></td></tr></tfoot>"
        "</table>"
    )
    return _document(shown, body)
