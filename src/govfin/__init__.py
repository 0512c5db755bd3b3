"""govfin: China's government budget classification and departmental disclosure schema.

The public API is listed in ``__all__``; names are imported on first use (PEP 562), so
``import govfin`` stays cheap and reads no data.
"""

from __future__ import annotations

import importlib
from typing import Any

from govfin._version import __version__ as __version__

#: public name -> module that defines it
_EXPORTS: dict[str, str] = {
    # errors: the root of every exception govfin raises
    "GovfinError": "govfin.errors",
    "ArgumentTypeError": "govfin.errors",
    "ArgumentValueError": "govfin.errors",
    "NotFoundError": "govfin.errors",
    # amounts
    "AmountError": "govfin.amounts",
    "Tolerance": "govfin.amounts",
    "ToleranceMode": "govfin.amounts",
    "Unit": "govfin.amounts",
    "parse_amount": "govfin.amounts",
    # findings and rules
    "Category": "govfin.findings",
    "Cell": "govfin.findings",
    "ChecksFailed": "govfin.findings",
    "Finding": "govfin.findings",
    "Place": "govfin.findings",
    "Report": "govfin.findings",
    "Severity": "govfin.findings",
    "CheckOptions": "govfin.rules",
    "REGISTRY": "govfin.rules",
    "Rule": "govfin.rules",
    "check": "govfin.rules",
    "StructureError": "govfin.serialize",
    # tables
    "Row": "govfin.tables",
    "Table": "govfin.tables",
    "TableMeta": "govfin.tables",
    "IncomeExpenditureSummary": "govfin.tables",
    "IncomeTable": "govfin.tables",
    "ExpenditureTable": "govfin.tables",
    "FiscalAppropriationSummary": "govfin.tables",
    "GeneralBudgetExpenditureTable": "govfin.tables",
    "BasicExpenditureDetail": "govfin.tables",
    "GovernmentFundTable": "govfin.tables",
    "StateCapitalTable": "govfin.tables",
    "ThreePublicTable": "govfin.tables",
    "DisclosureInfoTable": "govfin.tables",
    # 项目支出绩效自评
    "ProjectEvaluation": "govfin.performance",
    "FundLine": "govfin.performance",
    "Indicator": "govfin.performance",
    "ScoringScheme": "govfin.performance",
    # the document, and reading it
    "Disclosure": "govfin.disclosure",
    "Narrative": "govfin.disclosure",
    "NarrativeSection": "govfin.disclosure",
    "ReadError": "govfin.readers",
    "ReadResult": "govfin.readers",
    "read_file": "govfin.readers",
    "read_text": "govfin.readers",
    "write_text": "govfin.readers",
    "read_path": "govfin.readers.files",
    "read_paths": "govfin.readers.files",
}

#: submodules reachable as attributes (``govfin.codes.lookup(...)``)
_SUBMODULES = ("codes", "examples", "performance", "ratios", "tables")

__all__ = sorted([*_EXPORTS, *_SUBMODULES, "__version__"])  # noqa: PLE0605 (one source of truth: _EXPORTS)


def __getattr__(name: str) -> Any:
    if name in _SUBMODULES:
        return importlib.import_module(f"govfin.{name}")
    try:
        module = _EXPORTS[name]
    except KeyError:
        raise AttributeError(f"module 'govfin' has no attribute {name!r}") from None
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__


def _in_jupyter() -> None:
    """In a running IPython (a notebook), show Disclosures and Reports with the HTML report."""
    import sys

    if "IPython" in sys.modules:
        from govfin.html.jupyter import register

        register()


_in_jupyter()
