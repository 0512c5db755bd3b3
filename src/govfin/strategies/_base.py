"""Shared pieces of the strategies: type aliases, constants, and the deterministic source of
choices (:class:`_Source`) that keeps draws within hypothesis' budget.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any, TypeVar

from hypothesis import strategies as st

from govfin.tables import (
    T01,
    T02,
    T03,
    T04,
    T05,
    T06,
    T07,
    T08,
    T09,
    T10,
    Table,
)

T = TypeVar("T")
Draw = Callable[[st.SearchStrategy[Any]], Any]


#: Every table kind, in the order of the central set (公开01表 … 公开10表).
TABLE_KINDS: tuple[type[Table], ...] = (
    T01, T02, T03, T04, T05, T06, T07, T08, T09, T10,
)  # fmt: skip

#: The note printed on an empty table.
NO_DATA = "本表无数据"

#: Department names the generated documents use.
DEPARTMENTS: tuple[str, ...] = (
    "朔州经济开发区管理委员会综合办公室",
    "某市财政局",
    "某县教育局机关",
    "某区卫生健康委员会",
    "某市住房和城乡建设局（本级）",
)

_CENT = Decimal("0.01")

# ----------------------------------------------------------------------------------------------
# drawing integers within hypothesis' budget


class _Source:
    """Integers for a generator: drawn through hypothesis while a budget lasts, then from a
    PRNG seeded by hypothesis.

    Small examples are thus fully under hypothesis' control (and shrink well); examples with
    hundreds of rows stay within hypothesis' per-example data limit.
    """

    def __init__(self, draw: Draw, budget: int = 900) -> None:
        self._draw = draw
        self._left = budget
        self._rng: random.Random | None = None

    def integer(self, lo: int, hi: int) -> int:
        if hi <= lo:
            return lo
        if self._left > 0:
            self._left -= 1
            return int(self._draw(st.integers(lo, hi)))
        if self._rng is None:
            self._rng = random.Random(self._draw(st.integers(0, 2**32 - 1)))
        return self._rng.randint(lo, hi)

    def chance(self, percent: int) -> bool:
        """True with about ``percent`` % probability; shrinks towards False."""
        return self.integer(0, 99) >= 100 - percent

    def choice(self, items: Sequence[T]) -> T:
        return items[self.integer(0, len(items) - 1)]

    def sample(self, items: Sequence[T], n: int) -> list[T]:
        """``n`` distinct items, in their original order."""
        pool = list(range(len(items)))
        picked = []
        for _ in range(min(n, len(pool))):
            picked.append(pool.pop(self.integer(0, len(pool) - 1)))
        return [items[i] for i in sorted(picked)]

    def fen(self, max_exponent: int = 11) -> int:
        """An amount in 分: a magnitude, then a value below it (shrinks to 0).

        Up to 10**11 分 (10 亿元); small amounts (a few 元, which print as 0.00 万元) are as
        likely as large ones.
        """
        return self.integer(0, 10 ** self.integer(0, max_exponent))

    def maybe_fen(self, percent: int, max_exponent: int = 11) -> int:
        """An amount with probability ``percent`` %, else 0."""
        return self.fen(max_exponent) if self.chance(percent) else 0

    def split(self, total: int, n: int) -> list[int]:
        """``n`` non-negative integers summing to ``total``."""
        if n <= 0:
            return []
        if n == 1 or total == 0:
            return [total] + [0] * (n - 1)
        cuts = sorted(self.integer(0, total) for _ in range(n - 1))
        bounds = [0, *cuts, total]
        return [b - a for a, b in itertools.pairwise(bounds)]
