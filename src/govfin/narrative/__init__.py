"""Claims in the 情况说明 text: pure text in, typed :class:`Claim` objects out.

The narrative of a 部门决算公开 restates the tables in sentences: "收入总计648.92万元",
"基本支出349.97万元，占比55.40%", "减少174.36万元，下降21.18%", "完成年初预算的73.24%",
"共有车辆0辆", "6个项目自评等级为“优”", "平均得分91.2分", "本年度无此项收支".  This module finds those statements
and types them; it knows nothing of tables.  A "respectively" list ("收、支总计各是4125.49,
4143.91万元", "分别增长a%、b%", "分别占c%和d%") is read as one claim per subject, the subjects
paired with the figures in order, only when their counts match and the subjects are certain
(else one :class:`UnpairedClaim`, reported not checkable).  Matching a claim to a table cell, and judging it,
is the business of :mod:`govfin.rules.narrative`.

Every figure keeps the precision it was printed with (:attr:`Quantity.last_place`): "6.7万元"
stands for [6.65, 6.75], "1830%" for [1829.5, 1830.5].

Besides claims, :func:`find_residue` finds template residue ("增加（减少）", "XX", "待填写", …)
and :func:`find_years` every year mentioned, with the reason a year outside the report year is
acceptable (截至…, a 《…》 title, a "2024-2026年" plan range).

Modules: :mod:`~govfin.narrative.text` (vocabulary, sentences, quantities),
:mod:`~govfin.narrative.claims` (claims and their extraction), :mod:`~govfin.narrative.residue`
(template residue and years).
"""

from __future__ import annotations

from govfin.narrative.claims import (
    AmountClaim,
    ChangeClaim,
    Claim,
    CompletionClaim,
    CountClaim,
    GradeCountClaim,
    MeanScoreClaim,
    NilClaim,
    PercentClaim,
    ShareClaim,
    UnpairedClaim,
    claims_in,
    claims_in_sections,
    extract_claims,
)
from govfin.narrative.residue import (
    RESIDUE_PATTERNS,
    TemplateResidue,
    YearMention,
    find_residue,
    find_years,
    residue_in,
    years_in,
)
from govfin.narrative.text import (
    ATTRIBUTES,
    COUNT_UNITS,
    DIRECTIONS,
    MONEY_UNITS,
    NARRATIVE_TABLE,
    PREVIOUS_YEAR,
    Quantity,
    Sentence,
    is_other_year,
    sentences,
    subject_key,
)

__all__ = [
    "ATTRIBUTES",
    "COUNT_UNITS",
    "DIRECTIONS",
    "MONEY_UNITS",
    "NARRATIVE_TABLE",
    "PREVIOUS_YEAR",
    "RESIDUE_PATTERNS",
    "AmountClaim",
    "ChangeClaim",
    "Claim",
    "CompletionClaim",
    "CountClaim",
    "GradeCountClaim",
    "MeanScoreClaim",
    "NilClaim",
    "PercentClaim",
    "Quantity",
    "Sentence",
    "ShareClaim",
    "TemplateResidue",
    "UnpairedClaim",
    "YearMention",
    "claims_in",
    "claims_in_sections",
    "extract_claims",
    "find_residue",
    "find_years",
    "is_other_year",
    "residue_in",
    "sentences",
    "subject_key",
    "years_in",
]
