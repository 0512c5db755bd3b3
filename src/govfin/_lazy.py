r"""Regular expressions compiled on first use (start-up, docs/performance.md).

Compiling a pattern costs 0.05–0.3 ms, a class of Chinese characters most; a pattern only
some documents need (a 预算's wording, notes under a table) was compiled by every start-up of
``govfin``, whatever it read.  :func:`lazy_pattern` stands in for :func:`re.compile` where
such a pattern is defined: it is compiled when one of its methods is first looked up, and
the compiled pattern's own methods then replace the stand-in's lookups, so later calls cost
what calls on the compiled pattern cost.

>>> number = lazy_pattern(r"[+-]?\d+")
>>> number
lazy_pattern('[+-]?\\d+')
>>> number.fullmatch("-12") is not None, number.search("x") is None, number.pattern
(True, True, '[+-]?\\d+')
"""

from __future__ import annotations

import re
from typing import Any, cast

__all__ = ["lazy_pattern"]

#: What the stand-in takes over from the compiled pattern on first use.
_TAKEN = ("match", "fullmatch", "search", "finditer", "findall", "sub", "subn", "split",
          "scanner", "pattern", "flags", "groups", "groupindex")  # fmt: skip


class _LazyPattern:
    """``re.compile(pattern, flags)``, run on the first lookup of a pattern's attribute."""

    def __init__(self, pattern: str, flags: int) -> None:
        self._source = (pattern, flags)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):  # its own state, copy, pickle: nothing of the pattern's
            raise AttributeError(name)
        compiled = re.compile(*self._source)
        for attr in _TAKEN:
            self.__dict__[attr] = getattr(compiled, attr)
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy_pattern({self._source[0]!r})"


def lazy_pattern(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """A pattern compiled on first use; use it as the result of ``re.compile`` (its methods
    and ``pattern``, ``flags``, ``groups``, ``groupindex``; not ``isinstance``)."""
    return cast("re.Pattern[str]", _LazyPattern(pattern, flags))
