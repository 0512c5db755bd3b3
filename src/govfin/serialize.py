"""Structuring and unstructuring govfin objects to plain data and JSON (through cattrs).

Kept apart from the model classes, as cattrs intends: the model knows nothing of JSON.
Decimals travel as strings (``"631.71"``) so that no value passes through a float; enums as
their values.  Structuring errors carry the path of the bad field (cattrs' ``transform_error``)
and are raised as :class:`StructureError`.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any, TypeVar

import cattrs
from cattrs.errors import ClassValidationError, IterableValidationError
from cattrs.preconf.json import make_converter

from govfin.amounts import to_decimal

__all__ = ["StructureError", "converter", "from_json", "structure", "to_json", "unstructure"]

T = TypeVar("T")


class StructureError(ValueError):
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
    c = make_converter(forbid_extra_keys=True)
    c.register_unstructure_hook(Decimal, str)
    c.register_structure_hook(Decimal, _structure_decimal)
    return c


#: The shared converter.  Other modules register hooks for their own classes on it.
converter: cattrs.Converter = _make()


def unstructure(obj: Any) -> Any:
    """An object as plain dicts, lists, strings and numbers (Decimals as strings)."""
    return converter.unstructure(obj)


def structure(data: Any, cls: type[T]) -> T:
    """Build ``cls`` from plain data; a bad field raises :class:`StructureError` with its path."""
    try:
        return converter.structure(data, cls)
    except (ClassValidationError, IterableValidationError) as exc:
        raise StructureError(cattrs.transform_error(exc)) from exc
    except (TypeError, ValueError, KeyError) as exc:
        raise StructureError([f"{type(exc).__name__}: {exc} @ $"]) from exc


def to_json(obj: Any, **kwargs: Any) -> str:
    kwargs.setdefault("ensure_ascii", False)
    return json.dumps(unstructure(obj), **kwargs)


def from_json(text: str, cls: type[T]) -> T:
    return structure(json.loads(text), cls)
