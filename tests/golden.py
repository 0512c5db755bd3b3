"""What the check of the seed must find: the expected totals, in one place.

The seed (tests/data/seed_2024.txt, a real 2024 部门决算公开) holds real errors.  Each figure
here was established by hand from the printed document, not copied from govfin's output: the
30 errors and warnings are listed one by one, with the printed figures that prove them, in
``tests/test_disclosure.py`` (``EXPECTED``); the claims are counted in
``test_seed_claim_summary`` there.  Every other test that needs a total of the seed's report
imports it from here, so a change of finding changes one file.
"""

from __future__ import annotations

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
    f"{INFOS} info(s) in all"
)

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

#: Source lines (1-based) of the seed text: the ten 情况说明 section headings (一、 … 十、) and
#: the first line of the 名词解释 text.
SECTION_LINES = (388, 392, 398, 406, 410, 448, 456, 460, 464, 502)
GLOSSARY_LINE = 528
#: The 项目支出绩效自评表 attached (第五部分 附件).
EVALUATIONS = 21
