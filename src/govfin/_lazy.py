r"""Start-up helpers (docs/performance.md): patterns compiled on first use, and attrs value
classes built without compiling a ``__repr__`` each.

**Patterns.**

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

**Value classes.**  attrs writes the source of each class's ``__init__``, ``__eq__``,
``__hash__`` and ``__repr__`` and compiles it when the class is built, in every process; the
``__repr__`` is 40 % of that compiling (about 8 ms of govfin's start-up), and only
debugging and doctests ever call it.  :func:`frozen` and :func:`define` are attrs' own, with
one ``__repr__`` written once, here, in place of the generated one: the same text
(``Name(field=value!r, …)``, fields with ``repr=False`` left out, a ``repr=`` callable used,
``...`` for an object already being shown further up).

>>> @frozen
... class Pair:
...     left: int
...     right: object = attrs.field(repr=lambda v: f"<{v}>")
>>> Pair(1, "x"), Pair(1, "x") == Pair(1, "x")
(Pair(left=1, right=<x>), True)
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

import attrs

__all__ = ["define", "frozen", "lazy_pattern"]

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


# --------------------------------------------------------------------------------------------
# value classes

#: Per thread: the ids of the objects whose ``__repr__`` is running (attrs keeps the same).
_REPRING = threading.local()


def _shared_repr(cls: type) -> Callable[[object], str]:
    """The ``__repr__`` attrs would generate for ``cls`` (attrs 26), as a closure."""
    shown = tuple((a.name, a.repr, a.init) for a in attrs.fields(cls) if a.repr is not False)

    def __repr__(self: object) -> str:
        try:
            running: set[int] = _REPRING.ids
        except AttributeError:
            running = _REPRING.ids = {id(self)}
        else:
            if id(self) in running:
                return "..."
            running.add(id(self))
        try:
            parts = []
            for name, how, init in shown:
                value = getattr(self, name) if init else getattr(self, name, attrs.NOTHING)
                parts.append(f"{name}={value!r}" if how is True else f"{name}={how(value)}")
            return f"{self.__class__.__qualname__.rsplit('>.', 1)[-1]}({', '.join(parts)})"
        finally:
            running.remove(id(self))

    __repr__.__qualname__ = f"{cls.__qualname__}.__repr__"
    __repr__.__module__ = cls.__module__
    return __repr__


def _value_class(make: Callable[..., Any], maybe_cls: type | None, options: dict[str, Any]) -> Any:
    def wrap(cls: type) -> type:
        if "repr" in options or "__repr__" in cls.__dict__:  # asked for, or the class's own
            return cast(type, make(cls, **options))
        built = cast(type, make(cls, repr=False, **options))
        setattr(built, "__repr__", _shared_repr(built))  # noqa: B010 (a method, set on the class)
        return built

    return wrap if maybe_cls is None else wrap(maybe_cls)


if TYPE_CHECKING:  # the type checker's attrs plugin knows attrs' own by name
    from attrs import define, frozen
else:

    def frozen(maybe_cls: type | None = None, /, **options: Any) -> Any:
        """``attrs.frozen`` (same options), with the shared ``__repr__``."""
        return _value_class(attrs.frozen, maybe_cls, options)

    def define(maybe_cls: type | None = None, /, **options: Any) -> Any:
        """``attrs.define`` (same options), with the shared ``__repr__``."""
        return _value_class(attrs.define, maybe_cls, options)
