"""Shared pytest configuration: hypothesis profiles.

Two profiles, chosen by the environment variable ``HYPOTHESIS_PROFILE`` (default ``"default"``):

- ``default``: fast, for every local run (30 examples per property).
- ``ci``: thorough (250 examples per property), still a few minutes for the whole suite on
  two cores.

Both switch the per-example deadline off: generated tables run to hundreds of rows and a
timing assertion in a unit test would only be flaky (the benchmarks measure speed).
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

#: Generated disclosures are large by design: their generation time and size are not bugs.
_SUPPRESS = (HealthCheck.too_slow, HealthCheck.data_too_large)

settings.register_profile(
    "default", max_examples=30, deadline=None, suppress_health_check=_SUPPRESS
)
settings.register_profile("ci", max_examples=250, deadline=None, suppress_health_check=_SUPPRESS)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


# -- every JSON report a test produces is validated against the shipped schema -------------------

import io
from collections.abc import Iterator
from typing import IO, Any

import pytest


@pytest.fixture(autouse=True)
def _validate_json_reports(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Wrap the writers of the JSON report and of the jsonl batch lines: what they write is
    validated (tests/report_schema.py) before it reaches its stream."""
    import report_schema

    from govfin import serialize
    from govfin.batch import output

    write_json = serialize.write_json

    def validated_write(data: Any, stream: IO[str], **kwargs: Any) -> None:
        buffer = io.StringIO()
        write_json(data, buffer, **kwargs)
        report_schema.validate_report(buffer.getvalue())
        stream.write(buffer.getvalue())

    block = output._Jsonl.block

    def validated_block(self: Any, result: Any) -> str:
        line: str = block(self, result)
        report_schema.validate_batch_line(line)
        return line

    monkeypatch.setattr(serialize, "write_json", validated_write)
    monkeypatch.setattr(output._Jsonl, "block", validated_block)
    yield
