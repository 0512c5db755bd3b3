"""Timing and machine facts for the benchmarks (no govfin imports here).

:func:`measure` calibrates how many calls make one sample (about ``sample`` seconds), takes
``repeat`` samples with the garbage collector paused (as :mod:`timeit` does) and returns the
per-call statistics: median, quartiles, IQR, standard deviation.
"""

from __future__ import annotations

import gc
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

__all__ = ["Stats", "fmt_time", "machine", "measure"]


@dataclass(frozen=True)
class Stats:
    """Per-call seconds over ``repeat`` samples of ``number`` calls each."""

    median: float
    q1: float
    q3: float
    stdev: float
    best: float
    repeat: int
    number: int

    @property
    def iqr(self) -> float:
        return self.q3 - self.q1

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "iqr": self.iqr}

    def text(self) -> str:
        """``"1.23 ms (IQR 0.02 ms)"``."""
        return f"{fmt_time(self.median)} (IQR {fmt_time(self.iqr)})"


def fmt_time(seconds: float) -> str:
    """Seconds in the unit that reads best (ns, µs, ms, s), three significant digits."""
    for unit, scale in (("s", 1.0), ("ms", 1e-3), ("µs", 1e-6)):
        if seconds >= scale:
            return f"{seconds / scale:.3g} {unit}"
    return f"{seconds / 1e-9:.3g} ns"


def _sample(fn: Callable[[], object], number: int) -> float:
    t0 = time.perf_counter()
    for _ in range(number):
        fn()
    return time.perf_counter() - t0


def measure(
    fn: Callable[[], object],
    *,
    repeat: int = 7,
    sample: float = 0.1,
    number: int | None = None,
    warmup: bool = True,
) -> Stats:
    """Per-call time of ``fn()``; each of ``repeat`` samples runs ``number`` calls.

    ``number`` is calibrated so that one sample takes about ``sample`` seconds unless given.
    """
    if warmup:
        fn()
    if number is None:
        number = 1
        while True:
            t = _sample(fn, number)
            if t >= sample / 4 or number >= 1_000_000:
                number = max(1, int(number * sample / max(t, 1e-9)))
                break
            number *= 4
    enabled = gc.isenabled()
    gc.collect()
    gc.disable()
    try:
        times = [_sample(fn, number) / number for _ in range(repeat)]
    finally:
        if enabled:
            gc.enable()
    if len(times) >= 2:
        q1, _, q3 = statistics.quantiles(times, n=4, method="inclusive")
        sd = statistics.stdev(times)
    else:
        q1 = q3 = times[0]
        sd = 0.0
    return Stats(statistics.median(times), q1, q3, sd, min(times), repeat, number)


def once(fn: Callable[[], object], repeat: int = 3) -> Stats:
    """For long runs: ``repeat`` single calls, no warm-up."""
    return measure(fn, repeat=repeat, number=1, warmup=False)


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _version(name: str) -> str | None:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name)
    except PackageNotFoundError:
        return None


def machine() -> dict[str, Any]:
    """CPU model, cores, load, Python and library versions."""
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        usable = os.cpu_count() or 0
    try:
        load = os.getloadavg()
    except OSError:  # pragma: no cover
        load = None
    return {
        "cpu": _cpu_model(),
        "cores": os.cpu_count(),
        "usable_cores": usable,
        "load_average": load,
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "platform": platform.platform(),
        "govfin": _version("govfin"),
        "pandas": _version("pandas"),
        "numpy": _version("numpy"),
        "matplotlib": _version("matplotlib"),
        "executable": sys.executable,
    }
