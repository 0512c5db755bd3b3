"""The read problems as findings: ``READ-…``, one rule per kind of problem the reader meets.

A reader records what it met in its log; :mod:`govfin.readers.problems` derives from it the
:class:`~govfin.findings.ReadProblem` list a read Disclosure carries (``read_problems``).  These
rules report each problem at its place, so that it reaches every output (text, JSON, HTML) and
the exit status, not only standard error.  The engine runs them after every other rule
(:mod:`govfin.rules.engine`): a problem that left a part of the document not read whole says
which findings resting on that part were withheld.

Severity: a problem that loses part of what is printed (a row, a cell, the rest of a table, the
document's end) is an error — the document could not be checked whole; one that loses nothing
(a copy printed twice, a unit line missing, a note the reader could not place) is a warning; a
duplicate whose copies differ is an error (the document contradicts itself).  A run's
``severity`` override of a READ- rule applies to all its problems.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from govfin.disclosure import Disclosure
from govfin.findings import Category, Severity
from govfin.rules.engine import Context
from govfin.rules.registry import rule

__all__ = ["READ_RULES"]

_SOURCE = "the reader's log (govfin.readers: ReadLog, the typed ReadError classes)"
_CHANGED = (
    "2026-12, issue 15/20: reader problems are findings (were only messages on standard "
    "error), and findings resting on what was not read whole are withheld"
)

#: (id, Chinese title, English title, default severity): the rules of this module.
READ_RULES: tuple[tuple[str, str, str, Severity], ...] = (
    ("READ-unread", "表格或自评表可见但无法读取", "a table or 自评表 seen but not read", Severity.ERROR),
    ("READ-truncated", "表格在结构完整前结束", "a table or 自评表 ends before it is complete", Severity.ERROR),
    ("READ-cut", "文档在目录所列部分之前或句中结束（文件被截断）",
     "the document ends before parts its contents list, or in mid-sentence (a cut file)", Severity.ERROR),
    ("READ-amount", "金额栏中的内容不是数字", "a money cell that is not a number", Severity.ERROR),
    ("READ-cells", "行的单元格数与表头不符", "a row whose cells do not fit the header", Severity.ERROR),
    ("READ-name", "无法识别的行名（行未读入）", "a row name the reader cannot place (the row is not read)",
     Severity.ERROR),
    ("READ-code", "科目代码印刷有误", "a code printed malformed", Severity.WARNING),
    ("READ-layout", "绩效自评表缺少必需部分", "a 自评表 missing a required part", Severity.ERROR),
    ("READ-bytes", "无法解码的字节", "bytes that do not decode", Severity.ERROR),
    ("READ-page", "无法读取的页（扫描页或文字层无字符映射）",
     "a page not read: printed as an image (a scan; no OCR), or its text maps to no characters",
     Severity.ERROR),
    ("READ-line", "表内无法归位的行", "lines the reader could not place", Severity.WARNING),
    ("READ-placeholder", "空白模板的占位符（未填写）", "a blank template's placeholders where figures belong",
     Severity.WARNING),
    ("READ-duplicate", "同一表格印刷两次", "the same table printed twice", Severity.WARNING),
    ("READ-repeated", "整份文档在同一文件中重复印刷", "the whole document printed several times in one file",
     Severity.WARNING),
    ("READ-identity", "表格标题与表头不符", "a table whose title and header disagree", Severity.WARNING),
    ("READ-part", "未建模的“其中”列未读入（其余各列照常读入核对）",
     ("a 其中 column no kind models set aside: its figures are not read or checked (the other "
      "columns are)"), Severity.WARNING),
    ("READ-unit", "缺少金额单位行", "a table without its unit line", Severity.WARNING),
    ("READ-year", "文档年度与所请求的年度不符", "the document's year is not the year asked for", Severity.WARNING),
    ("READ-kind", "封面所称文档类型与表格不符", "the cover's kind (预算/决算) contradicts the tables", Severity.WARNING),
    ("READ-other", "其他读取问题", "another problem the reader met", Severity.WARNING),
)  # fmt: skip

#: Why a rule was added after the others, where it says more than :data:`_CHANGED`.
_RULE_CHANGED: dict[str, str] = {
    "READ-part": (
        "2026-12: a printed column no kind models that its header marks as a 其中 of "
        "another column is set aside with this warning; the table's other columns are read and "
        "checked (it left the whole table not read, READ-identity)"
    ),
}


def _withheld_note(d: Disclosure, index: int, ctx: Context) -> str:
    """"; withheld: 3 finding(s) (2 errors) resting on it — R03-1, X4" or ""."""
    mine = [w.finding for w in ctx.withheld if w.problem == index]
    if not mine:
        return ""
    errors = sum(1 for f in mine if f.severity is Severity.ERROR)
    rules = Counter(f.rule_id for f in mine)
    shown = ", ".join(f"{r}×{n}" if n > 1 else r for r, n in rules.most_common(8))
    more = " …" if len(rules) > 8 else ""
    return (
        f"; withheld {len(mine)} finding(s) ({errors} error(s)) resting on what was not read "
        f"whole: {shown}{more}"
    )


def _reporter(rule_id: str) -> Callable[[Disclosure, Context], None]:
    def report(d: Disclosure, ctx: Context) -> None:
        overridden = rule_id in ctx.options.severity
        for i, p in enumerate(d.read_problems):
            if p.rule_id != rule_id:
                continue
            ctx.emit(
                p.message + _withheld_note(d, i, ctx),
                place=p.place,
                severity=None if overridden else p.severity,
            )

    return report


for _id, _zh, _en, _severity in READ_RULES:
    _func = _reporter(_id)
    _func.__doc__ = f"Reports each read problem of this kind at its place: {_en}."
    rule(
        _id,
        zh=_zh,
        en=_en,
        category=Category.COMPLETENESS,
        subject=Disclosure,
        severity=_severity,
        source=_SOURCE,
        changed=_RULE_CHANGED.get(_id, _CHANGED),
    )(_func)
