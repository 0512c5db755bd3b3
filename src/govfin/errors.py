"""The root of every exception govfin raises, and the generic argument errors.

Every exception the library raises derives from :class:`GovfinError`, so that a caller can
write ``except govfin.GovfinError``; each also keeps the builtin base it has always had
(``ValueError``, ``TypeError``, ``KeyError``, ``LookupError``, ``RuntimeError``), so that
``except ValueError`` keeps working.  The hierarchy is listed in docs/architecture.md.

This module is the bottom of the stack: it imports nothing from govfin.

>>> issubclass(ArgumentTypeError, GovfinError) and issubclass(ArgumentTypeError, TypeError)
True
>>> try:
...     raise NotFoundError("no table of kind '三公经费支出表'")
... except GovfinError as exc:
...     print(type(exc).__name__, isinstance(exc, KeyError))
NotFoundError True
"""

from __future__ import annotations

__all__ = ["ArgumentTypeError", "ArgumentValueError", "GovfinError", "NotFoundError"]


class GovfinError(Exception):
    """Base class of every exception raised by govfin."""


class ArgumentTypeError(GovfinError, TypeError):
    """An argument of the wrong type: a ``float`` passed as money, an ``int`` as a count …"""


class ArgumentValueError(GovfinError, ValueError):
    """An argument of the right type with a value outside its domain (a negative 分值 …)."""


class NotFoundError(GovfinError, KeyError):
    """A lookup that finds nothing: a table kind, a row, a column, a scheme name.

    A ``KeyError`` (hence also a ``LookupError``); ``str()`` gives the message unquoted.
    """

    def __str__(self) -> str:
        return str(self.args[0]) if len(self.args) == 1 else super().__str__()
