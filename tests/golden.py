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

#: Findings of ``govfin.check`` on the seed, by severity.  5 errors: N-perf ×2 (22 自评 said,
#: 21 attached; 6 优 said, 5 graded), E-balance and E-rate of 办公用品, E-rate of 电脑耗材.
ERRORS = 5
WARNINGS = 25
#: Infos that are rounding residues (尾数误差), and all infos (residues included).
RESIDUES = 23
INFOS = 137
#: The rules behind the errors.
ERROR_RULES = frozenset({"E-balance", "E-rate", "N-perf"})
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
CLAIMS = 109
AGREED = 79
CONTRADICTED = 3
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
#: The E-* rules alone on the 21 自评表: 3 errors (E-balance and E-rate of 办公用品, E-rate of
#: 电脑耗材) and 24 warnings; the narrative adds the other 2 errors (N-perf) and 1 warning
#: (N-perf-funds: 涉及资金205万元 against Σ 全年预算数).
EVALUATION_ERRORS = 3
EVALUATION_WARNINGS = 24

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
