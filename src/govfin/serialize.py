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

import functools
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import IO, TYPE_CHECKING, Any, Self, TypeVar

from govfin.amounts import AmountError, to_decimal
from govfin.errors import GovfinError

if TYPE_CHECKING:
    import cattrs

    #: The shared converter (built on first use, through the module's ``__getattr__``).
    converter: cattrs.Converter

__all__ = [
    "REPORT_SCHEMA",  # noqa: F822 (module __getattr__: read from the package on first use)
    "SCHEMA_VERSION",
    "PlainData",
    "StructureError",
    "converter",
    "from_json",
    "keep_message",
    "on_converter",
    "report_data",
    "report_schema",
    "structure",
    "to_json",
    "unstructure",
    "write_json",
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
    import json  # (on first use: checking a document writes no JSON)

    kwargs.setdefault("ensure_ascii", False)
    return json.dumps(unstructure(obj), **kwargs)


def from_json(text: str, cls: type[T]) -> T:
    """Build ``cls`` from JSON text; a bad field raises :class:`StructureError`."""
    import json

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


# -- the JSON report: a versioned contract -------------------------------------------------------

#: Version of the shape of the ``--format json`` report (``schema_version`` in it, ``const`` in
#: the shipped schema).  Any change of shape (a key added, removed or renamed) bumps it.
#: 1: schema_version, govfin_version, document, read_problems, findings.
#: 2: ``summary`` added; each read problem says whether findings were ``withheld``.
SCHEMA_VERSION = 2


@functools.cache
def report_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the report, shipped as ``govfin/report.schema.json``.

    >>> report_schema()["properties"]["schema_version"]["const"] == SCHEMA_VERSION
    True
    """
    import json
    from importlib import resources

    text = resources.files("govfin").joinpath("report.schema.json").read_text(encoding="utf-8")
    return json.loads(text)  # type: ignore[no-any-return]


def __getattr__(name: str) -> Any:
    # PEP 562: the shared converter is built on first use, and REPORT_SCHEMA is read from the
    # package on first use, not when govfin is imported
    if name == "converter":
        return _converter()
    if name == "REPORT_SCHEMA":
        return report_schema()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def summary_counts(findings: Iterable[Any]) -> dict[str, int]:
    """The ``summary`` of a report: counts that add up to ``findings``.

    A rounding residue (an info within the slack) is counted once, as a residue; ``infos``
    counts the other infos.  ``findings`` is any iterable of :class:`~govfin.findings.Finding`.
    """
    counts = {"errors": 0, "warnings": 0, "residues": 0, "infos": 0}
    key = {"error": "errors", "warning": "warnings", "info": "infos"}
    for f in findings:
        counts["residues" if f.is_residue else key[f.severity.value]] += 1
    counts["findings"] = sum(counts.values())
    return counts


def report_data(
    report: Any,
    *,
    document: Mapping[str, Any] | None = None,
    read_problems: Iterable[Mapping[str, Any]] = (),
    version: str | None = None,
    lazy: bool = False,
) -> dict[str, Any]:
    """The ``--format json`` report of one document as plain data (see docs/report-format.md).

    ``report`` is a :class:`~govfin.findings.Report`; ``document`` the reader's account
    (``Document.to_dict()``); ``read_problems`` the reader's problems as plain data
    (:func:`govfin.readers.problems.problem_data`: the layer that owns them converts them).  The result validates against
    :func:`report_schema`.  ``lazy=True`` leaves the findings as they are, to be turned into
    plain data one by one as :func:`write_json` writes them (memory: one finding at a time).
    """
    if version is None:
        from govfin._version import __version__ as version
    problems = [dict(p) for p in read_problems]
    counts = summary_counts(report.findings)
    counts["read_problems"] = len(problems)
    # findings held back because they rest on a part not read whole (Report.withheld, when the
    # check withholds any)
    counts["withheld"] = len(getattr(report, "withheld", ()))
    return {
        "schema_version": SCHEMA_VERSION,
        "govfin_version": version,
        "document": None if document is None else dict(document),
        "read_problems": problems,
        "summary": counts,
        "findings": list(report.findings) if lazy else [unstructure(f) for f in report.findings],
    }


def write_json(data: Mapping[str, Any], stream: IO[str], *, ensure_ascii: bool = False) -> None:
    """Write a report (:func:`report_data`) to ``stream`` piece by piece, never as one string.

    The top level is indented; each finding is one line (encoded on its own by the C encoder),
    so the memory needed beyond the data is one finding's text, whatever the report's size.
    """
    import json

    dump = functools.partial(json.dumps, ensure_ascii=ensure_ascii)
    stream.write("{")
    first = True
    for key, value in data.items():
        stream.write(("\n" if first else ",\n") + f"  {dump(key)}: ")
        first = False
        if key in ("findings", "read_problems") and isinstance(value, list) and value:
            stream.write("[")
            for i, item in enumerate(value):
                plain = item if isinstance(item, Mapping) else unstructure(item)
                stream.write(("\n    " if i == 0 else ",\n    ") + dump(plain))
            stream.write("\n  ]")
        elif isinstance(value, Mapping) and value:
            stream.write(json.dumps(value, ensure_ascii=ensure_ascii, indent=2).replace("\n", "\n  "))
        else:
            stream.write(dump(value))
    stream.write("\n}\n")
