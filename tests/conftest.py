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
