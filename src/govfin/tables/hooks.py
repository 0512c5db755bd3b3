"""The tables' hooks on the shared converter of :mod:`govfin.serialize`.

A table travels as ``{"kind": "收入决算表", "meta": {...}, "rows": [...]}``; ``structure(data,
Table)`` dispatches on ``"kind"`` (the canonical title) to the right class.  Imported by
:mod:`govfin.tables`, so the hooks are in place whenever a table class exists.

>>> from govfin.serialize import structure, unstructure
>>> from govfin.tables import DisclosureInfoTable, Table
>>> data = unstructure(DisclosureInfoTable())
>>> data["kind"], type(structure(data, Table)).__name__
('部门决算公开相关信息统计表', 'DisclosureInfoTable')
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from govfin.errors import GovfinError
from govfin.serialize import keep_message, on_converter
from govfin.tables.base import Row, Table, TableError, TableMeta

if TYPE_CHECKING:  # cattrs itself is imported when the shared converter is built
    import cattrs
    from cattrs.errors import ClassValidationError

__all__: list[str] = []


# A table travels as ``{"kind": "收入决算表", "meta": {...}, "rows": [...]}``: the kind (its
# canonical title) names the class, so ``structure(data, Table)`` (or a ``tuple[Table, ...]``
# inside a Disclosure) builds the right subclass.


def _is_table_class(t: Any) -> bool:
    return isinstance(t, type) and issubclass(t, Table)


def _register_tables(c: cattrs.Converter) -> None:
    from cattrs.gen import make_dict_structure_fn

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

    #: shown as it is in a StructureError (its message already says what is wrong)
    message_only = True


def _table_data_error(message: str, field: str | None = None) -> ClassValidationError:
    """Wrap ``message`` so that cattrs puts the path in front of it, also when nested."""
    from cattrs.errors import AttributeValidationNote, ClassValidationError

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
    allowed = set(cls.all_columns())
    for i, row in enumerate(rows):
        values = row.get("values") if isinstance(row, Mapping) else None
        if isinstance(values, Mapping) and set(values) - allowed:
            bad = sorted(set(values) - allowed)
            raise _table_data_error(
                f"TableError: {cls.KIND}, row {row.get('key')}: unknown column(s) {bad}; "
                f"columns are {list(cls.all_columns())}",
                f"rows[{i}].values",
            )


on_converter(_register_tables)
keep_message(TableError)
