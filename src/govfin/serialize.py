"""Structuring and unstructuring govfin objects to plain data and JSON (through cattrs).

Kept apart from the model classes, as cattrs intends: the model knows nothing of JSON.
Decimals travel as strings (``"631.71"``) so that no value passes through a float; enums as
their values.  Structuring errors carry the path of the bad field (cattrs' ``transform_error``)
and are raised as :class:`StructureError`.

Tables unstructure to ``{"kind": "收入决算表", "meta": {...}, "rows": [...]}``;
``structure(data, Table)`` dispatches on ``"kind"`` (the canonical title) to the right class.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any, TypeVar

import cattrs
from cattrs.errors import AttributeValidationNote, ClassValidationError, IterableValidationError
from cattrs.gen import make_dict_structure_fn
from cattrs.preconf.json import make_converter
from cattrs.v import format_exception

from govfin.amounts import AmountError, to_decimal
from govfin.errors import GovfinError
from govfin.tables import Row, Table, TableError, TableMeta

__all__ = ["StructureError", "converter", "from_json", "structure", "to_json", "unstructure"]

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
    c = make_converter(forbid_extra_keys=True)
    c.register_unstructure_hook(Decimal, str)
    c.register_structure_hook(Decimal, _structure_decimal)
    _register_tables(c)
    return c


# -- tables ------------------------------------------------------------------------------------
#
# A table travels as ``{"kind": "收入决算表", "meta": {...}, "rows": [...]}``: the kind (its
# canonical title) names the class, so ``structure(data, Table)`` (or a ``tuple[Table, ...]``
# inside a Disclosure) builds the right subclass.


def _is_table_class(t: Any) -> bool:
    return isinstance(t, type) and issubclass(t, Table)


def _register_tables(c: cattrs.Converter) -> None:
    structure_fns: dict[type[Table], Callable[[Mapping[str, Any], Any], Table]] = {}

    def unstructure_table(t: Table) -> dict[str, Any]:
        return {
            "kind": t.KIND,
            "meta": c.unstructure(t.meta, TableMeta),
            "rows": [c.unstructure(r, Row) for r in t.rows],
        }

    def structure_table(data: Any, cl: type[Table]) -> Table:
        if not isinstance(data, Mapping):
            raise _table_data_error(
                f"expected a mapping with kind, meta and rows, got {type(data).__name__}"
            )
        kind = data.get("kind")
        target = Table.KINDS.get(kind) if isinstance(kind, str) else None
        if target is None and kind is None and cl.KIND:
            target = cl  # the class says which kind; "kind" may be left out
        if target is None:
            raise _table_data_error(
                "required field missing"
                if kind is None
                else f"unknown table kind {kind!r}; kinds are {list(Table.KINDS)}",
                "kind",
            )
        if not issubclass(target, cl):
            raise _table_data_error(f"kind {kind!r} is not a {cl.__name__}", "kind")
        _check_columns(target, data.get("rows"))
        fn = structure_fns.get(target)
        if fn is None:
            fn = structure_fns[target] = make_dict_structure_fn(
                target, c, _cattrs_forbid_extra_keys=True, _cattrs_detailed_validation=True
            )
        return fn({k: v for k, v in data.items() if k != "kind"}, target)

    c.register_unstructure_hook_func(_is_table_class, unstructure_table)
    c.register_structure_hook_func(_is_table_class, structure_table)


class _TableDataError(GovfinError, ValueError):
    """A table's plain data is not a table (wrong shape or unknown kind)."""


def _table_data_error(message: str, field: str | None = None) -> ClassValidationError:
    """Wrap ``message`` so that cattrs puts the path in front of it, also when nested."""
    exc = _TableDataError(message)
    if field is not None:
        exc.__notes__ = [
            AttributeValidationNote(f"Structuring class Table @ attribute {field}", field, str)
        ]
    return ClassValidationError(message, [exc], Table)


def _check_columns(cls: type[Table], rows: Any) -> None:
    """Name the path of a row with an unknown column (the table itself would say only which)."""
    if not isinstance(rows, (list, tuple)):
        return  # cattrs reports the shape
    allowed = set(cls.COLUMNS)
    for i, row in enumerate(rows):
        values = row.get("values") if isinstance(row, Mapping) else None
        if isinstance(values, Mapping) and set(values) - allowed:
            bad = sorted(set(values) - allowed)
            raise _table_data_error(
                f"TableError: {cls.KIND}, row {row.get('key')}: unknown column(s) {bad}; "
                f"columns are {list(cls.COLUMNS)}",
                f"rows[{i}].values",
            )


def _format_exception(exc: BaseException, type_: type | None) -> str:
    """cattrs' wording, but our own errors (TableError, AmountError, …) keep their message."""
    if isinstance(exc, _TableDataError):
        return str(exc)
    if isinstance(exc, (TableError, AmountError)) or (
        isinstance(exc, (TypeError, ValueError)) and type_ in (Decimal, Decimal | None)
    ):
        return f"{type(exc).__name__}: {exc}"
    return format_exception(exc, type_)


#: The shared converter.  Other modules register hooks for their own classes on it.
converter: cattrs.Converter = _make()


def unstructure(obj: Any) -> Any:
    """An object as plain dicts, lists, strings and numbers (Decimals as strings)."""
    return converter.unstructure(obj)


def structure(data: Any, cls: type[T]) -> T:
    """Build ``cls`` from plain data; a bad field raises :class:`StructureError` with its path."""
    try:
        return converter.structure(data, cls)
    except StructureError:
        raise
    except (ClassValidationError, IterableValidationError) as exc:
        raise StructureError(
            cattrs.transform_error(exc, format_exception=_format_exception)
        ) from exc
    except (TypeError, ValueError, KeyError) as exc:
        raise StructureError([f"{type(exc).__name__}: {exc} @ $"]) from exc


def to_json(obj: Any, **kwargs: Any) -> str:
    kwargs.setdefault("ensure_ascii", False)
    return json.dumps(unstructure(obj), **kwargs)


def from_json(text: str, cls: type[T]) -> T:
    return structure(json.loads(text), cls)
