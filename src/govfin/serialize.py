"""Structuring and unstructuring govfin objects to plain data and JSON (through cattrs).

Kept apart from the model classes, as cattrs intends: the model knows nothing of JSON.
Decimals travel as strings (``"631.71"``) so that no value passes through a float; enums as
their values.  Structuring errors carry the path of the bad field (cattrs' ``transform_error``)
and are raised as :class:`StructureError`.

This module sits low in the stack (above :mod:`govfin.amounts`, below every model class): it
holds the one shared :data:`converter`, and each layer registers the hooks for its own classes
on it (the tables register theirs in :mod:`govfin.tables.hooks`).  :class:`PlainData` gives a
model class ``to_dict``/``from_dict``/``to_json``/``from_json``, written once here.

>>> from decimal import Decimal
>>> unstructure({"a": Decimal("631.71")})
{'a': '631.71'}
>>> structure("0.10", Decimal)
Decimal('0.10')
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Self, TypeVar

from govfin.amounts import AmountError, to_decimal
from govfin.errors import GovfinError

if TYPE_CHECKING:
    import cattrs

    #: The shared converter (built on first use, through the module's ``__getattr__``).
    converter: cattrs.Converter

__all__ = [
    "PlainData",
    "StructureError",
    "converter",
    "from_json",
    "keep_message",
    "on_converter",
    "structure",
    "to_json",
    "unstructure",
]

T = TypeVar("T")


class StructureError(GovfinError, ValueError):
    """Plain data could not be turned into a govfin object; ``errors`` lists each bad path."""

    def __init__(self, errors: list[str]):
        self.errors = errors
        super().__init__("; ".join(errors))


def _structure_decimal(value: Any, _: type) -> Decimal:
    d = to_decimal(value)
    if d is None:
        raise ValueError("blank where a number is required")
    return d


def _make() -> cattrs.Converter:
    from cattrs.preconf.json import make_converter

    c = make_converter(forbid_extra_keys=True)
    c.register_unstructure_hook(Decimal, str)
    c.register_structure_hook(Decimal, _structure_decimal)
    return c


#: Errors whose own message is shown as it is (``"TableError: …"``), not in cattrs' words.
_OWN_MESSAGE: list[type[BaseException]] = [AmountError]


def keep_message(*errors: type[BaseException]) -> None:
    """Show these errors' own messages in a :class:`StructureError` (a layer's hooks call it)."""
    _OWN_MESSAGE.extend(e for e in errors if e not in _OWN_MESSAGE)


def _format_exception(exc: BaseException, type_: type | None) -> str:
    """cattrs' wording, but our own errors (TableError, AmountError, …) keep their message."""
    from cattrs.v import format_exception

    if getattr(exc, "message_only", False):
        return str(exc)
    if isinstance(exc, tuple(_OWN_MESSAGE)) or (
        isinstance(exc, (TypeError, ValueError)) and type_ in (Decimal, Decimal | None)
    ):
        return f"{type(exc).__name__}: {exc}"
    return format_exception(exc, type_)


# The shared converter, ``converter``, is built on first use (cattrs is not imported before a
# govfin object is turned into plain data or back: checking a document never needs it).  Each
# layer hands over the function that registers the hooks for its own classes
# (:func:`on_converter`); they run when the converter is built, in the order they came.
_INSTALLERS: list[Callable[[cattrs.Converter], None]] = []
_CONVERTER: list[cattrs.Converter] = []  # empty until built


def _converter() -> cattrs.Converter:
    if not _CONVERTER:
        c = _make()
        for install in _INSTALLERS:
            install(c)
        _CONVERTER.append(c)
    return _CONVERTER[0]


def on_converter(install: Callable[[cattrs.Converter], None]) -> None:
    """Register the hooks ``install`` puts on the shared converter (now if it is built)."""
    _INSTALLERS.append(install)
    if _CONVERTER:
        install(_CONVERTER[0])


def __getattr__(name: str) -> Any:
    if name == "converter":  # the shared converter (PEP 562: built on first use)
        return _converter()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def unstructure(obj: Any) -> Any:
    """An object as plain dicts, lists, strings and numbers (Decimals as strings)."""
    return _converter().unstructure(obj)


def structure(data: Any, cls: type[T]) -> T:
    """Build ``cls`` from plain data; a bad field raises :class:`StructureError` with its path."""
    c = _converter()
    import cattrs
    from cattrs.errors import ClassValidationError, IterableValidationError

    try:
        return c.structure(data, cls)
    except StructureError:
        raise
    except (ClassValidationError, IterableValidationError) as exc:
        raise StructureError(
            cattrs.transform_error(exc, format_exception=_format_exception)
        ) from exc
    except (TypeError, ValueError, KeyError) as exc:
        raise StructureError([f"{type(exc).__name__}: {exc} @ $"]) from exc


def to_json(obj: Any, **kwargs: Any) -> str:
    """JSON text of :func:`unstructure` (``ensure_ascii=False`` unless told otherwise)."""
    kwargs.setdefault("ensure_ascii", False)
    return json.dumps(unstructure(obj), **kwargs)


def from_json(text: str, cls: type[T]) -> T:
    """Build ``cls`` from JSON text; a bad field raises :class:`StructureError`."""
    return structure(json.loads(text), cls)


class PlainData:
    """Mixin: ``to_dict``/``from_dict``/``to_json``/``from_json`` through the shared converter.

    The model class stays plain data; this only forwards to the functions above.
    """

    __slots__ = ()

    def to_dict(self) -> dict[str, Any]:
        """Plain dicts, lists and strings (Decimals as strings, enums as their values)."""
        return unstructure(self)  # type: ignore[no-any-return]

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Self:
        """Build the object from :meth:`to_dict` output (a bad field: :class:`StructureError`)."""
        return structure(data, cls)

    def to_json(self, **kwargs: Any) -> str:
        """JSON text; ``kwargs`` go to :func:`json.dumps` (e.g. ``indent=2``)."""
        return to_json(self, **kwargs)

    @classmethod
    def from_json(cls, text: str) -> Self:
        """Build the object from :meth:`to_json` output."""
        return from_json(text, cls)
