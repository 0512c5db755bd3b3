"""Strategies for classification codes: editions, functional and economic codes, malformed
codes, and code trees (项 → 款 → 类) drawn from the shipped lists.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable

from hypothesis import strategies as st

from govfin import codes
from govfin._lazy import frozen
from govfin.errors import ArgumentValueError
from govfin.strategies._base import Draw, _Source

# codes


def years() -> st.SearchStrategy[int]:
    """An edition year for which govfin ships the functional and economic lists, each with its
    complete list of 类 (older, partial editions such as 2017 are left out)."""
    shipped = sorted(
        y
        for y in set(codes.editions("functional")) & set(codes.editions("economic"))
        if codes.complete_under(None, y, "functional") and codes.complete_under(None, y, "economic")
    )
    return st.sampled_from(shipped)


def _level(level: codes.Level | str | int | None) -> codes.Level | None:
    if level is None or isinstance(level, codes.Level):
        return level
    if isinstance(level, int):
        return (codes.Level.CATEGORY, codes.Level.SECTION, codes.Level.ITEM)[level - 1]
    return codes.Level(level)


@functools.cache
def _codes_of(scheme: str, edition: int, level: codes.Level | None) -> tuple[str, ...]:
    return tuple(c.code for c in codes.all_codes(scheme, edition) if level is None or c.level is level)


def _scheme_codes(
    scheme: str, level: codes.Level | str | int | None, edition: int | None
) -> st.SearchStrategy[str]:
    lv = _level(level)
    if edition is not None:
        found = _codes_of(scheme, edition, lv)
        if not found:
            raise ArgumentValueError(f"no {scheme} codes at level {lv} in the {edition} edition")
        return st.sampled_from(found)
    return years().flatmap(lambda y: _scheme_codes(scheme, lv, y))


def functional_codes(
    level: codes.Level | str | int | None = None, edition: int | None = None
) -> st.SearchStrategy[str]:
    """A 支出功能分类 code of the shipped list: ``level`` 类/款/项 (``Level``, ``"类"`` or 1–3),
    any level when ``None``; from the ``edition`` (any shipped edition when ``None``)."""
    return _scheme_codes("functional", level, edition)


def economic_codes(
    level: codes.Level | str | int | None = None,
    edition: int | None = None,
    *,
    scheme: str = "economic",
) -> st.SearchStrategy[str]:
    """A 部门预算支出经济分类 code (``scheme="economic-gov"`` for the 政府预算 list)."""
    return _scheme_codes(scheme, level, edition)


def malformed_codes() -> st.SearchStrategy[object]:
    """Inputs that are not well-formed codes, for error-path tests.

    Wrong lengths (``"2"``, ``"2010"``, ``"20103501"``), characters other than ASCII digits
    (``"20a"``, ``"２０１"``, ``"201 03"``, ``""``), a leading digit that belongs to no scheme
    (``"101"``), and values that are not strings at all (``201``, ``2010350.0``, ``None``,
    ``b"201"``).  ``govfin.codes`` raises :class:`~govfin.codes.MalformedCodeError` for every
    one (:class:`~govfin.codes.CodeTypeError` for non-strings).
    """
    digits = "0123456789"
    lead = st.sampled_from("235")
    wrong_length = st.builds(
        lambda a, b: a + b,
        lead,
        st.text(digits, min_size=0, max_size=12).filter(lambda s: len(s) + 1 not in (3, 5, 7)),
    )
    wrong_lead = st.builds(
        lambda a, b: a + b, st.sampled_from("0146789"), st.sampled_from(["01", "0103", "010350"])
    )
    non_digits = st.one_of(
        st.just(""),
        st.text(min_size=1, max_size=8).filter(
            lambda s: not s.strip().isascii() or not s.strip().isdigit()
        ),
        st.sampled_from(["20a", "２０１", "201 03", "201.03", "201-03", "2O1", "２０１０３"]),
    )
    not_strings = st.one_of(
        st.integers(0, 10**8),
        st.just(2010350.0),
        st.none(),
        st.just(b"201"),
        st.just(["201"]),
    )
    return st.one_of(wrong_length, wrong_lead, non_digits, not_strings)


@frozen
class CodeTree:
    """A set of codes closed under parents, in printed (depth-first, code) order."""

    edition: int
    codes: tuple[str, ...]

    @property
    def leaves(self) -> tuple[str, ...]:
        """Codes none of whose children are in the tree."""
        present = set(self.codes)
        return tuple(c for c in self.codes if not any(k[:-2] == c for k in present if len(k) > 3))

    @property
    def classes(self) -> tuple[str, ...]:
        return tuple(c for c in self.codes if len(c) == 3)

    @classmethod
    def closure(cls, edition: int, leaves: Iterable[str]) -> CodeTree:
        """The tree of ``leaves`` and all their ancestors."""
        found: set[str] = set()
        for c in leaves:
            while c:
                found.add(c)
                c = c[:-2] if len(c) > 3 else ""
        return cls(edition, tuple(sorted(found)))


@functools.cache
def _registry_leaves(scheme: str, edition: int) -> tuple[str, ...]:
    return tuple(c.code for c in codes.all_codes(scheme, edition) if not codes.children(c.code, edition))


def _draw_leaves(
    src: _Source, scheme: str, edition: int, n: int, exclude: Callable[[str], bool] | None = None
) -> list[str]:
    pool = [c for c in _registry_leaves(scheme, edition) if exclude is None or not exclude(c)]
    picked = src.sample(pool, n)
    if scheme != "functional":
        return picked
    # Now and then a leaf is printed one level up (a 款 without its 项); codes under such a
    # leaf are then dropped, so that the leaves stay disjoint.
    cut = sorted({c[:-2] if len(c) > 3 and src.chance(5) else c for c in picked})
    return [c for c in cut if not any(c != d and c.startswith(d) for d in cut)]


@st.composite
def code_trees(
    draw: Draw,
    *,
    edition: int | None = None,
    scheme: str = "functional",
    min_leaves: int = 0,
    max_leaves: int = 40,
) -> CodeTree:
    """A subset of a shipped code list closed under parents (a 类 → 款 → 项 tree)."""
    y = edition if edition is not None else draw(years())
    src = _Source(draw)
    n = src.integer(min_leaves, max_leaves)
    return CodeTree.closure(y, _draw_leaves(src, scheme, y, n))
