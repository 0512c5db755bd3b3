"""The value classes' shared ``__repr__`` (govfin._lazy.frozen / define) prints what attrs'
generated one prints (start-up, not behaviour: attrs compiled a ``__repr__`` per class).

Twin classes, one built by attrs and one by govfin's decorators, are shown side by side on
the same values, with every feature of attrs' repr that govfin uses or could: ``repr=False``,
a ``repr=`` callable, ``init=False``, keyword-only fields, a subclass, a class defined in a
function, an object that contains itself, and each kind inside the other.  Then every
object of govfin's own classes that the seed document, its check and its report reach is
shown against a twin attrs builds with the same fields.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import attrs

from govfin import _lazy, examples
from govfin.rules import check


def _pair(make: Any) -> tuple[type, type, type]:
    @make
    class Plain:
        a: int
        b: object = None

    @make(kw_only=True)
    class Fancy:
        shown: str
        hidden: int = attrs.field(default=0, repr=False)
        custom: object = attrs.field(default=None, repr=lambda v: f"<{v}>")
        numeric: int = attrs.field(default=5, repr=lambda v: v * 2)  # not a str: formatted
        later: int = attrs.field(init=False, default=7)

    class Sub(Plain):  # a plain subclass shows its own name with the parent's fields
        pass

    return Plain, Fancy, Sub


@attrs.define
class _Box:  # mutable: it can be made to hold itself
    inner: object = None


@_lazy.define
class _LazyBox:
    inner: object = None


@attrs.frozen
class _Unset:
    a: int
    b: int = attrs.field(init=False)


@_lazy.frozen
class _LazyUnset:
    a: int
    b: int = attrs.field(init=False)


def _built(kind: str) -> list[object]:
    plain, fancy, sub = _pair(attrs.frozen if kind == "attrs" else _lazy.frozen)
    box = _Box if kind == "attrs" else _LazyBox
    other = _LazyBox if kind == "attrs" else _Box
    looped = box()
    looped.inner = [looped, other(looped)]
    crossed = other()
    crossed.inner = box(crossed)
    return [
        plain(1),
        plain("x", b=plain(2, b=[3])),
        fancy(shown="s", hidden=9, custom=(1, 2), numeric=4),
        fancy(shown="", custom=plain(0)),
        sub(3, b="q"),
        looped,
        crossed,
        box(other(box())),
        (_Unset if kind == "attrs" else _LazyUnset)(1),
    ]


def test_the_shared_repr_prints_what_attrs_prints() -> None:
    def shown(objects: list[object]) -> list[str]:  # the twins' names made one
        return [repr(x).replace("_Lazy", "_") for x in objects]

    theirs, ours = _built("attrs"), _built("govfin")
    assert shown(ours) == shown(theirs)
    assert "..." in repr(ours[5]) and "NOTHING" in repr(ours[-1])  # the loop, the unset field
    assert type(ours[0]).__repr__.__qualname__ == "_pair.<locals>.Plain.__repr__"


def test_a_class_of_its_own_repr_or_asking_for_one_keeps_it() -> None:
    @_lazy.frozen
    class Own:
        a: int

        def __repr__(self) -> str:
            return "own"

    @_lazy.frozen(repr=False)
    class NoRepr:
        a: int

    @_lazy.frozen(repr=True)
    class Generated:
        a: int

    assert repr(Own(1)) == "own"
    assert repr(NoRepr(1)).startswith("<") and "NoRepr object at" in repr(NoRepr(1))
    assert repr(Generated(1)) == "Generated(a=1)"
    assert Generated.__repr__.__code__.co_filename.startswith("<attrs generated")


def _objects(root: object) -> Iterator[object]:
    """Every attrs object reachable from ``root`` through fields, tuples, lists and dicts."""
    seen: set[int] = set()
    todo = [root]
    while todo:
        x = todo.pop()
        if id(x) in seen:
            continue
        seen.add(id(x))
        if attrs.has(type(x)):
            yield x
            todo.extend(getattr(x, a.name, None) for a in attrs.fields(type(x)))
        elif isinstance(x, (tuple, list, frozenset, set)):
            todo.extend(x)
        elif isinstance(x, dict):
            todo.extend(x.keys())
            todo.extend(x.values())


def _twin(cls: type) -> type:
    """A class attrs builds with ``cls``'s fields and attrs' own generated repr."""
    fields = {a.name: attrs.field(repr=a.repr) for a in attrs.fields(cls)}
    twin = attrs.make_class(cls.__qualname__, fields, frozen=True, slots=True)
    twin.__qualname__ = cls.__qualname__
    return twin


def test_govfin_objects_print_as_attrs_would_print_them() -> None:
    disclosure = examples.load()
    report = check(disclosure)
    twins: dict[type, type] = {}
    shown = 0
    for x in _objects((disclosure, report)):
        cls = type(x)
        if cls.__repr__.__code__ is not _lazy._shared_repr(cls).__code__:
            continue  # attrs' own (a narrative class) or a class's own
        twin = twins.get(cls) or twins.setdefault(cls, _twin(cls))
        values = {a.name: getattr(x, a.name, attrs.NOTHING) for a in attrs.fields(cls)}
        assert repr(x) == repr(twin(**values))
        shown += 1
    assert shown > 500 and len(twins) > 15  # tables, rows, findings, places, cells, codes …
