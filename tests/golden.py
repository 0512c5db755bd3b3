"""What the tests know about the seed, in one place: the expected totals and where things are.

The seed (tests/data/seed_2024.txt, a real 2024 部门决算公开, the same text as the bundled
``src/govfin/examples/seed_2024.txt``) holds real errors.  Each total here was established by
hand from the printed document, not copied from govfin's output: the 30 errors and warnings
are listed one by one, with the printed figures that prove them, in ``tests/test_disclosure.py``
(``EXPECTED``); the claims are counted in ``test_seed_claim_summary`` there.

Source line numbers are not written down anywhere: :func:`line_of` finds a line by its printed
text, so a change to the seed's layout changes nothing here, and a change to its text breaks
one lookup with a message naming the text.  Every other test that needs a total or a line of
the seed imports it from here::

    import golden   # tests/ is on sys.path
    golden.line_of("本年收入合计")            # the line of 公开01's 本年收入合计 row
    golden.SUMMARY                           # Report.summary() of the seed's check
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

#: The seed text, as the tests read it (lines are numbered from 1, split on "\n" only, as the
#: readers number them).
SEED = Path(__file__).parent / "data" / "seed_2024.txt"
TEXT = SEED.read_text(encoding="utf-8")
LINES = tuple(TEXT.split("\n"))


def line_of(text: str, *, after: int = 0, exact: bool = False) -> int:
    r"""The number (1-based) of the first seed line after line ``after`` that contains ``text``
    (``exact``: that is ``text``, surrounding spaces aside).

    A 目录 entry ("一、收入支出决算总表.....\t2") contains its heading; ``exact`` finds the
    heading itself.  LookupError when there is no such line: the seed's text changed.

    >>> text_at(line_of("第三部分 情况说明"))                 # the 目录 entry, with its page
    '第三部分 情况说明\t15'
    >>> text_at(line_of("第三部分 情况说明", exact=True))     # the body's heading
    '第三部分 情况说明'
    """
    if not text:
        raise ValueError("line_of needs a non-empty text")
    for number in range(after + 1, len(LINES) + 1):
        line = LINES[number - 1]
        if (line.strip() == text) if exact else (text in line):
            return number
    raise LookupError(f"no line {'equal to' if exact else 'containing'} {text!r} "
                      f"after line {after} of {SEED.name}")


def next_text_line(after: int) -> int:
    """The first non-blank line after line ``after``."""
    for number in range(after + 1, len(LINES) + 1):
        if LINES[number - 1].strip():
            return number
    raise LookupError(f"no text after line {after} of {SEED.name}")


def text_at(line: int) -> str:
    """The seed's line ``line`` (1-based), as printed."""
    if not 1 <= line <= len(LINES):
        raise IndexError(f"{SEED.name} has lines 1–{len(LINES)}, not {line}")
    return LINES[line - 1]


# -- the totals (established by hand) ----------------------------------------------------------

#: Findings of ``govfin.check`` on the seed, by severity.  5 errors: N-perf once (22 自评 said,
#: 21 attached, 6 优 said, 5 graded: the narrative is consistent with itself, so one cause, one
#: 优 自评表 not attached; it was two errors before issue 15), E-balance and E-rate of 办公用品,
#: E-rate of 电脑耗材, and N-perf-analysis (since issue 15): 重点项目开工及观摩活动经费's
#: 项目绩效分析 says "全年预算执行率为61.53%" where its table prints 61.56 (18.469 / 30).
ERRORS = 5
#: 25 before issue 15; E-qualitative now one finding per 自评表 (17 → 8: 办公用品日常例 8 of 10
#: sits on its band's edge, and the indicators of a table share one finding),
#: E-quantitative no longer judges the placeholder actuals of the two projects that spent
#: nothing (−3, now infos), and N-perf-funds finds the base "涉及资金205万元" fits (Σ 全年执行数
#: 187.346 of the 21 attached + 17.654 for the missing 优 table, within what the 项目支出 281.74
#: leaves over: now an info).
WARNINGS = 12
#: Infos that are rounding residues (尾数误差), and all infos (residues included).
RESIDUES = 23
#: 137 + the 3 E-quantitative "not judged" infos (projects never carried out) + N-perf-funds
#: agreeing + N-unchecked for "6个项目自评等级为“优”" (the sixth 优 is the table not attached)
#: + 6 N-perf-analysis figures that agree with their table (党委督查室经费 占年初预算的100% ×2,
#: 网络租赁费用 100%, 会议费 42.06%, 印刷费 10.19%, 差旅费 执行率18.88%).
INFOS = 148
#: The rules behind the errors.
ERROR_RULES = frozenset({"E-balance", "E-rate", "N-perf", "N-perf-analysis"})
#: ``Report.summary()`` of the seed's check.
SUMMARY = (
    f"{ERRORS} error(s), {WARNINGS} warning(s), {RESIDUES} rounding residue(s), "
    f"{INFOS - RESIDUES} other info(s)"  # counts that add up: a residue is not also an info
)

#: Claims of the 情况说明 by kind: amounts, changes on last year, shares (基本/项目 of the total
#: and the four 类), completions of the 年初预算 (in all and per 类), nil statements, counts, and
#: the 绩效 grade counts (优/中/差).
CLAIM_KINDS = {
    "amount": 52,
    "change": 14,
    "share": 8,
    "completion": 5,
    "nil": 12,
    "count": 15,
    "grade-count": 3,
}
#: Claims of the 情况说明: found, decided (agreeing or contradicted), and not checkable.
#: Contradicted: the 绩效 count (22 said, 21 attached).  Since issue 15 "涉及资金205万元"
#: agrees (a plausible base fits) and "6个…优" is not checkable (its sixth table is missing).
CLAIMS = 109
AGREED = 80
CONTRADICTED = 1
CHECKED = AGREED + CONTRADICTED
UNCHECKABLE = CLAIMS - CHECKED
#: ``str(claim_summary(report))`` of the seed's check.
CLAIM_SUMMARY = (
    f"{CLAIMS} claim(s): {CHECKED} checked ({AGREED} agree, {CONTRADICTED} contradicted), "
    f"{UNCHECKABLE} not checkable"
)

#: The 项目支出绩效自评表 attached (第五部分 附件), their grades as printed (each agrees with its
#: 总分), and Σ 全年预算数 / Σ 全年执行数 (万元) over them.
EVALUATIONS = 21
GRADES = {"优": 5, "良": 0, "中": 3, "差": 13}
FUNDS = Decimal("424.93")
EXECUTED = Decimal("187.346")
#: The rules of a 自评表 alone on the 21 自评表: 4 errors (E-balance and E-rate of 办公用品,
#: E-rate of 电脑耗材, N-perf-analysis of 重点项目开工及观摩活动经费) and 12 warnings (2 E-diagnosis, 2 E-quantitative, 8 E-qualitative: one per
#: table); the narrative adds the other error (N-perf: one 优 自评表 not attached).
EVALUATION_ERRORS = 4
EVALUATION_WARNINGS = 12

# -- where things are (source lines, 1-based, found by their text) ----------------------------

#: The cover: the department's name, then a stray "室" (the wrapped title's last character)
#: and the title's second line.
COVER_LINE = line_of("朔州经济开发区管理委员会综合办公室", exact=True)
COVER_STRAY_LINE = line_of("室", exact=True, after=COVER_LINE)
#: The parts of the body (the 目录 lists them too, followed by a tab and a page number).
NARRATIVE_LINE = line_of("第三部分 情况说明", exact=True)
GLOSSARY_HEADING_LINE = line_of("第四部分 名词解释", exact=True, after=NARRATIVE_LINE)
ATTACHMENTS_LINE = line_of("第五部分 附件", exact=True, after=GLOSSARY_HEADING_LINE)

#: The ten 情况说明 section headings (一、 … 十、), as printed, and their lines.
SECTION_HEADINGS = (
    "一、收入支出决算总体情况说明",
    "二、收入决算情况说明",
    "三、支出决算情况说明",
    "四、财政拨款收支决算总体情况说明",
    "五、一般公共预算财政拨款支出决算情况说明",
    "六、一般公共预算财政拨款基本支出决算情况说明",
    "七、政府性基金预算财政拨款收支决算情况说明",
    "八、国有资本经营预算财政拨款支出决算情况说明",
    "九、财政拨款“三公”经费支出决算情况说明",
    "十、其他重要事项情况说明",
)
SECTION_LINES = tuple(
    line_of(heading, exact=True, after=NARRATIVE_LINE) for heading in SECTION_HEADINGS
)
#: The first line of the 名词解释 text.
GLOSSARY_LINE = next_text_line(GLOSSARY_HEADING_LINE)

#: 公开01 收入支出决算总表: its title and the row 一、一般公共预算财政拨款收入 (631.71), which
#: also prints 一、一般公共服务支出 (201, 545.19).
T01_LINE = line_of("收入支出决算总表", exact=True)
T01_INCOME_LINE = line_of("一、一般公共预算财政拨款收入\t1\t631.71", after=T01_LINE)

#: 情况说明 十(四): the narrative's 绩效 claim ("2024年二级项目绩效自评个数22个 …").
PERFORMANCE_CLAIM_LINE = line_of("2024年二级项目绩效自评个数22个", after=NARRATIVE_LINE)


def evaluation_line(project: str) -> int:
    """The title line of the 项目支出绩效自评表 of ``project`` ("办公用品项目支出绩效自评表")."""
    return line_of(f"{project}项目支出绩效自评表", exact=True, after=ATTACHMENTS_LINE)


def fund_line(project: str, name: str = "资金总额") -> int:
    """The line of the fund row ``name`` (资金总额, 市县区财政资金) of ``project``'s 自评表."""
    return line_of(name, after=evaluation_line(project))


def indicator_line(project: str, level3: str, *, after: int | None = None) -> int:
    """The line of the indicator row ``level3`` (三级指标, as printed) of ``project``'s 自评表,
    the first after line ``after`` (default: the table's 绩效指标 header)."""
    if after is None:
        after = line_of("绩效指标\t一级指标", after=evaluation_line(project))
    return line_of(f"\t{level3}\t", after=after)
