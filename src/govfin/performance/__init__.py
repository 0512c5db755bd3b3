"""项目支出绩效自评 (project expenditure performance self-evaluation): model, formulas, schemes.

- :mod:`~govfin.performance.model`: :class:`ProjectEvaluation`, :class:`FundLine`,
  :class:`Indicator` (the printed table as typed values);
- :mod:`~govfin.performance.targets`: indicator values (``"≥95%"`` → :class:`Target`) and
  printed outcome phrases (:class:`Outcome`);
- :mod:`~govfin.performance.formulas`: the scoring formulas (R3-2 … R3-10), pure functions;
- :mod:`~govfin.performance.schemes`: :class:`ScoringScheme` as data (:data:`MOF_2020`, local
  variants);
- :mod:`~govfin.performance.diagnosis`: fund-line relations and the single wrong cell;
- :mod:`~govfin.performance.summary`: department totals and the narrative's claims;
- :mod:`~govfin.performance.statement`: the narrative's 绩效 claim, parsed (the one parser).

The checks themselves (rules ``E-*``) live in :mod:`govfin.rules.evaluation`.
"""

from __future__ import annotations

from govfin.performance.diagnosis import (
    Correction,
    Diagnosis,
    RelationCheck,
    corrections,
    diagnose,
    failing_relations,
    fund_relations,
    rate_interval,
    sole_correction,
)
from govfin.performance.formulas import (
    NegativeFormula,
    ScoreBand,
    equal_score,
    execution_rate,
    execution_ratio,
    execution_score,
    grade,
    negative_score,
    negative_score_linear,
    negative_score_ratio,
    positive_score,
    qualitative_band,
    quantitative_score,
    round_half_up,
    tiered_execution_score,
    total_score,
)
from govfin.performance.model import (
    FUND_COLUMNS,
    MONEY_UNIT,
    RATE_UNIT,
    SCORE_UNIT,
    AnalysisParagraph,
    FundLine,
    Indicator,
    ProjectEvaluation,
)
from govfin.performance.schemes import (
    BANDS_2020,
    BANDS_PRE_2020,
    GRADES_2020,
    HUBEI,
    JIANGXI,
    MOF_2020,
    PRE_2020,
    SCHEMES,
    SICHUAN,
    ExecutionScoring,
    GradeBands,
    Level1Weight,
    QualitativeBands,
    ScoringScheme,
    resolve_scheme,
)
from govfin.performance.summary import (
    ClaimedSummary,
    DepartmentSummary,
    Mismatch,
    MissingTables,
    ScoreRow,
    claims_from_text,
    compare_claims,
    missing_tables,
    score_row,
    summarize,
)
from govfin.performance.targets import (
    Direction,
    Outcome,
    Target,
    classify_outcome,
    parse_actual,
    parse_target,
)

__all__ = [
    "BANDS_2020",
    "BANDS_PRE_2020",
    "FUND_COLUMNS",
    "GRADES_2020",
    "HUBEI",
    "JIANGXI",
    "MOF_2020",
    "MONEY_UNIT",
    "PRE_2020",
    "RATE_UNIT",
    "SCHEMES",
    "SCORE_UNIT",
    "SICHUAN",
    "AnalysisParagraph",
    "ClaimedSummary",
    "Correction",
    "DepartmentSummary",
    "Diagnosis",
    "Direction",
    "ExecutionScoring",
    "FundLine",
    "GradeBands",
    "Indicator",
    "Level1Weight",
    "Mismatch",
    "MissingTables",
    "NegativeFormula",
    "Outcome",
    "ProjectEvaluation",
    "QualitativeBands",
    "RelationCheck",
    "ScoreBand",
    "ScoreRow",
    "ScoringScheme",
    "Target",
    "claims_from_text",
    "classify_outcome",
    "compare_claims",
    "corrections",
    "diagnose",
    "equal_score",
    "execution_rate",
    "execution_ratio",
    "execution_score",
    "failing_relations",
    "fund_relations",
    "grade",
    "missing_tables",
    "negative_score",
    "negative_score_linear",
    "negative_score_ratio",
    "parse_actual",
    "parse_target",
    "positive_score",
    "qualitative_band",
    "quantitative_score",
    "rate_interval",
    "resolve_scheme",
    "round_half_up",
    "score_row",
    "sole_correction",
    "summarize",
    "tiered_execution_score",
    "total_score",
]
