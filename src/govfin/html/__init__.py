"""The HTML report: one self-contained page of a check run, and the summary page of a batch.

Beside the stack (like :mod:`govfin.formatting`): it calls into every layer, nothing below
imports it.  See docs/html.md.

- :func:`render_report`: the page of a :class:`~govfin.findings.Report` on the
  :class:`~govfin.disclosure.Disclosure` it checked;
- :func:`report_fragment`: the same as one ``<div>`` for Jupyter's ``_repr_html_``;
- :func:`render_batch`: one page listing the documents of a batch (:class:`BatchEntry`);
- :mod:`govfin.html.jupyter`: the same renderer for a Disclosure and a Report in Jupyter.
"""

from __future__ import annotations

from govfin.html.render import (
    BatchEntry,
    Locate,
    UnsafeLinkError,
    render_batch,
    render_report,
    report_fragment,
)
from govfin.html.svg import ChartBar, bars_of, expenditure_chart

__all__ = [
    "BatchEntry",
    "ChartBar",
    "Locate",
    "UnsafeLinkError",
    "bars_of",
    "expenditure_chart",
    "render_batch",
    "render_report",
    "report_fragment",
]
