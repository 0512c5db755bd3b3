"""Cost linear in the input: counted operations, not time (benchmarks/linear.py measures time
and memory from 1 to 500 copies of the seed).

The seed repeated N times (one document printed N times) once cost time quadratic in N: the
narrative's look-backs scanned every claim for every claim, and the 绩效 count and funds
claims rebuilt the cells of every 自评表 for every claim.  Here the interpreter's trace events
of a check are counted for 4 and 16 copies: linear cost gives a ratio of about 4 (3.5 today),
the former quadratic terms gave 5.6.  The JSON report of a repeated input is valid and is
written in pieces no larger than one finding.
"""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Callable

import pytest
import report_schema

from govfin import examples
from govfin.readers import read_text
from govfin.readers.problems import problem_data
from govfin.rules import check
from govfin.serialize import report_data, write_json


def trace_events(call: Callable[[], object]) -> int:
    """The number of events (calls, lines, returns) the interpreter traces while ``call`` runs:
    a count of the work done, independent of the machine's speed."""
    count = 0

    def tracer(frame: object, event: str, arg: object) -> Callable[..., object]:
        nonlocal count
        count += 1
        return tracer

    previous = sys.gettrace()
    sys.settrace(tracer)
    try:
        call()
    finally:
        sys.settrace(previous)
    return count


def copies(n: int) -> str:
    return (examples.text() + "\n") * n


def test_checking_grows_linearly_with_copies() -> None:
    events = {}
    for n in (4, 16):
        d = read_text(copies(n)).disclosure
        events[n] = trace_events(lambda d=d: check(d))
    ratio = events[16] / events[4]
    assert ratio < 4.4, f"4× the input cost {ratio:.2f}× the work: a term grows faster than linear"


@pytest.mark.parametrize("n", [1, 5])
def test_the_json_report_of_a_repeated_input_is_valid_and_streamed(n: int) -> None:
    result = read_text(copies(n))
    report = check(result.disclosure)
    data = report_data(report, document=result.document.to_dict(), read_problems=problem_data(result.disclosure.read_problems))

    class Recording(io.StringIO):
        def __init__(self) -> None:
            super().__init__()
            self.largest = 0
            self.writes = 0

        def write(self, s: str) -> int:
            self.largest = max(self.largest, len(s))
            self.writes += 1
            return super().write(s)

    out = Recording()
    write_json(data, out)
    text = out.getvalue()
    parsed = report_schema.validate_report(text)
    assert len(parsed["findings"]) == len(report)
    biggest_finding = max(len(json.dumps(f, ensure_ascii=False)) for f in parsed["findings"])
    account = len(json.dumps(parsed["document"], ensure_ascii=False, indent=4))
    # never the whole report at once: at most one finding (with its separator) or the account
    assert out.largest <= max(biggest_finding + 8, account)
    assert out.writes > len(report)
    if n > 1:
        assert out.largest < len(text) / 10
