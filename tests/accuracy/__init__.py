"""The accuracy suite: realistic mistakes and harmless edits planted in copies of real documents.

Issue 15 ("Findings an auditor can sign") asks how many of the mistakes people really make govfin
catches as errors, and whether edits that change nothing of substance raise false alarms.  This
package answers both, declaratively:

- :mod:`accuracy.edits`: small, named text edits (replace a figure after an anchor, drop a
  block, swap two lines …) that find their place by printed text, never by line number;
- :mod:`accuracy.cases`: the catalogue — each :class:`~accuracy.cases.Case` says what a clerk
  plausibly did wrong (or harmlessly changed), the edit, and the rule(s) that should catch it;
  the cases govfin does not catch yet carry ``known_miss`` (the missing rule), and the test marks
  them ``xfail(strict=True)`` so they flip when the rule lands;
- :mod:`accuracy.runner`: reads and checks each edited copy and compares it with the unedited
  document (a case is caught when a *new* error or warning appears);
- :mod:`accuracy.report`: renders ``docs/accuracy.md`` (``python tools/accuracy_report.py``).
"""
