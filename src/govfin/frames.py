"""pandas DataFrames of govfin objects, for notebooks (optional extra ``govfin[pandas]``).

govfin does not need pandas: it is imported only when :func:`to_frame` is called, and a
missing pandas raises an ``ImportError`` naming the extra to install::

    to_frame(table)            # one row per table row: key, code, name, then each column
    to_frame(report)           # one row per finding
    to_frame(class_shares(d))  # one row per ratio: label, key, numerator, denominator, value
    to_frame(d.claims())       # one row per narrative claim

Money stays ``Decimal`` (an ``object`` column) unless ``numeric="float"`` is asked for, e.g. to
plot; nothing is rounded.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal

import attrs

from govfin.errors import ArgumentTypeError, ArgumentValueError
from govfin.findings import Finding, Report
from govfin.narrative import Claim, Quantity
from govfin.tables import Table

if TYPE_CHECKING:
    import pandas  # type: ignore[import-untyped,unused-ignore]

__all__ = ["PANDAS_MISSING", "to_frame"]

PANDAS_MISSING = (
    "to_frame() needs pandas, an optional dependency of govfin: "
    "pip install 'govfin[pandas]' (or pip install pandas)"
)

Numeric = Literal["decimal", "float"]


def _pandas() -> Any:
    try:
        import pandas
    except ImportError as exc:  # pragma: no cover - exercised with pandas absent
        raise ImportError(PANDAS_MISSING) from exc
    return pandas


def _num(v: object, numeric: Numeric) -> object:
    if isinstance(v, Decimal) and numeric == "float":
        return float(v)
    return v


def _table_records(t: Table, numeric: Numeric) -> tuple[list[dict[str, object]], list[str]]:
    printed = t.printed_columns()
    columns = ["key", "code", "name", *printed]
    records = [
        {
            "key": r.key,
            "code": r.code,
            "name": r.name,
            **{c: _num(r.values.get(c), numeric) for c in printed},
        }
        for r in t.rows
    ]
    return records, columns


_FINDING_COLUMNS = [
    "rule_id", "severity", "category", "table", "row", "column", "line", "message",
    "expected", "actual", "difference", "slack",
]  # fmt: skip


def _finding_record(f: Finding, numeric: Numeric) -> dict[str, object]:
    p = f.place
    return {
        "rule_id": f.rule_id,
        "severity": f.severity.value,
        "category": f.category.value,
        "table": p.table if p else None,
        "row": p.row if p else None,
        "column": p.column if p else None,
        "line": p.line if p else None,
        "message": f.message,
        "expected": _num(f.expected, numeric),
        "actual": _num(f.actual, numeric),
        "difference": _num(f.difference, numeric),
        "slack": _num(f.slack, numeric),
    }


def _claim_record(c: Claim, numeric: Numeric) -> dict[str, object]:
    rec: dict[str, object] = {
        "kind": c.kind,
        "section": c.section,
        "line": c.line,
        "subject": c.subject,
        "text": c.text,
    }
    for a in attrs.fields(type(c)):
        if a.name in ("text", "sentence", "section", "line", "subject"):
            continue
        v = getattr(c, a.name)
        if isinstance(v, Quantity):
            rec[a.name] = _num(v.value, numeric)
            rec[f"{a.name}_unit"] = v.unit
        else:
            rec[a.name] = v
    rec["sentence"] = c.sentence
    return rec


def _attrs_record(obj: Any, numeric: Numeric) -> dict[str, object]:
    rec: dict[str, object] = {}
    for a in attrs.fields(type(obj)):
        rec[a.name] = _num(getattr(obj, a.name), numeric)
    for prop in ("value", "percent", "delta", "rate", "direction"):
        if hasattr(type(obj), prop) and isinstance(getattr(type(obj), prop), property):
            rec[prop] = _num(getattr(obj, prop), numeric)
    return rec


def to_frame(obj: Any, *, numeric: Numeric = "decimal") -> pandas.DataFrame:
    """A DataFrame of a table, a report (or findings), claims, ratios, changes or assessments.

    - a :class:`~govfin.tables.Table`: columns ``key, code, name`` and the table's columns;
    - a :class:`~govfin.findings.Report` or findings: one row per finding, with its place;
    - claims (:meth:`Disclosure.claims`): kind, section, line, subject, text, the figures;
    - any other attrs objects (``Ratio``, ``Change``, ``Assessment``): their fields, plus the
      computed ``value``/``percent``/``delta``/``rate`` where they have them;
    - a mapping ``{label: Decimal}``: columns ``label, value``.

    ``numeric="float"`` converts Decimals to floats (for plotting); the default keeps them.
    """
    if numeric not in ("decimal", "float"):
        raise ArgumentValueError(f"to_frame: numeric must be 'decimal' or 'float', not {numeric!r}")
    pd = _pandas()
    frame = _frame(pd, obj, numeric)
    if "line" in frame.columns:
        frame["line"] = frame["line"].astype("Int64")  # source lines, blank = <NA>
    return frame


def _frame(pd: Any, obj: Any, numeric: Numeric) -> Any:
    if isinstance(obj, Table):
        records, columns = _table_records(obj, numeric)
        return pd.DataFrame.from_records(records, columns=columns)
    if isinstance(obj, Report):
        return pd.DataFrame.from_records(
            [_finding_record(f, numeric) for f in obj], columns=_FINDING_COLUMNS
        )
    if isinstance(obj, Mapping):
        return pd.DataFrame.from_records(
            [{"label": k, "value": _num(v, numeric)} for k, v in obj.items()],
            columns=["label", "value"],
        )
    if isinstance(obj, Iterable) and not isinstance(obj, (str, bytes)):
        items = list(obj)
        if not items:
            return pd.DataFrame()
        if all(isinstance(i, Finding) for i in items):
            return pd.DataFrame.from_records(
                [_finding_record(f, numeric) for f in items], columns=_FINDING_COLUMNS
            )
        if all(isinstance(i, Claim) for i in items):
            return pd.DataFrame.from_records([_claim_record(c, numeric) for c in items])
        if all(attrs.has(type(i)) for i in items):
            records = []
            for i in items:
                rec = _attrs_record(i, numeric)
                if "claim" in rec and isinstance(rec["claim"], Claim):  # an Assessment
                    c = rec.pop("claim")
                    assert isinstance(c, Claim)
                    rec = {
                        "section": c.section,
                        "line": c.line,
                        "claim": c.text,
                        **{
                            k: (v.value if hasattr(v, "value") and k == "status" else v)
                            for k, v in rec.items()
                        },
                    }
                records.append(rec)
            return pd.DataFrame.from_records(records)
    raise ArgumentTypeError(f"to_frame: cannot make a DataFrame of {type(obj).__name__}")
