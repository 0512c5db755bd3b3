"""The HTML report in Jupyter: a Disclosure and a Report shown with the same renderer.

``Report`` and ``Disclosure`` sit below this package in the layers, so they cannot call the
renderer from a ``_repr_html_`` of their own.  Jupyter's display formatters take a function per
type instead: :func:`register` gives them one for each, and ``import govfin`` calls it when it
finds itself in a running IPython.  A Disclosure is shown with the report of its check; a
Report alone (it does not hold its Disclosure) with its findings.
"""

from __future__ import annotations

from typing import Any

from govfin.disclosure import Disclosure
from govfin.findings import Report
from govfin.html.render import report_fragment
from govfin.rules import check

__all__ = ["disclosure_html", "register", "report_html"]


def disclosure_html(d: Disclosure) -> str:
    """A Disclosure as the report of its check: its tables marked, its claims, its 自评表."""
    return report_fragment(check(d), d)


def report_html(report: Report) -> str:
    """A Report alone: its findings grouped by cause (no tables: the report does not hold them)."""
    return report_fragment(report, Disclosure())


def register(ipython: Any = None) -> bool:
    """Register the renderers with IPython's HTML formatter (``ipython`` default: the running
    one).  Returns False when there is no IPython to register with."""
    if ipython is None:
        try:
            from IPython import get_ipython  # type: ignore[import-not-found]
        except ImportError:
            return False
        ipython = get_ipython()
        if ipython is None:
            return False
    formatter = ipython.display_formatter.formatters["text/html"]
    formatter.for_type(Disclosure, disclosure_html)
    formatter.for_type(Report, report_html)
    return True
