"""Robustness of the text reader on arbitrary input (govfin.strategies.reader_inputs).

Whatever the text — random characters, random bytes decoded leniently, one huge line, a
layout fragment repeated thousands of times, a generated disclosure with lines dropped,
doubled, swapped or garbled — :func:`govfin.readers.read_text` either returns a result or
raises a typed :class:`~govfin.readers.ReadError`; nothing else escapes.  Input sizes are
bounded (a few hundred thousand characters at most) and the deadline is off: speed is measured
by the benchmarks, not here.
"""

from __future__ import annotations

from hypothesis import given

from govfin import strategies as gs
from govfin.readers import ReadError, ReadResult, read_text


@given(gs.reader_inputs())
def test_lenient_reading_never_raises_untyped(text: str) -> None:
    try:
        result = read_text(text)
    except ReadError:
        return
    assert isinstance(result, ReadResult)
    assert all(isinstance(e, ReadError) for e in result.log.errors)


@given(gs.reader_inputs())
def test_strict_reading_raises_only_read_errors(text: str) -> None:
    try:
        read_text(text, strict=True)
    except ReadError as exc:
        assert str(exc)  # a message that names the problem
