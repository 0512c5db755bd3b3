"""Bundled example documents: published disclosures as extracted text, shipped as package data.

``seed_2024`` is the 2024 部门决算公开 of 朔州经济开发区管理委员会综合办公室 (a public government
document), as text extracted from its PDF: ten tables, the 情况说明, the 名词解释 and 21
项目支出绩效自评表::

    >>> from govfin import examples
    >>> examples.names()
    ('seed_2024',)
    >>> d = examples.load()          # a Disclosure
    >>> d.year, len(d.tables), len(d.evaluations)
    (2024, 10, 21)

Files are read from the package's folder, or through :mod:`importlib.resources` when the
package is not a plain folder (a zipped install), so they are found in an installed wheel too.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from govfin.errors import GovfinError

if TYPE_CHECKING:
    from govfin.disclosure import Disclosure
    from govfin.readers import ReadResult

__all__ = ["DEFAULT", "UnknownExampleError", "load", "names", "read", "text"]

#: The example :func:`load` reads when no name is given.
DEFAULT = "seed_2024"
_SUFFIX = ".txt"


class UnknownExampleError(GovfinError, KeyError):
    """A name that is not a bundled example (the message lists :func:`names`)."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


#: This package's folder when it is a plain folder on disk (importlib.resources and the
#: zipfile, tempfile and pathlib modules it loads cost more than reading the example).
_FOLDER = os.path.dirname(__file__)


def names() -> tuple[str, ...]:
    """The names of the bundled examples, sorted."""
    if os.path.isdir(_FOLDER):
        found = [n for n in os.listdir(_FOLDER) if os.path.isfile(os.path.join(_FOLDER, n))]
    else:
        from importlib import resources

        found = [p.name for p in resources.files(__name__).iterdir() if p.is_file()]
    return tuple(sorted(n[: -len(_SUFFIX)] for n in found if n.endswith(_SUFFIX)))


def text(name: str = DEFAULT) -> str:
    """The text of a bundled example.

    :raises UnknownExampleError: (a ``KeyError``) for a name that is not bundled.
    """
    if name not in names():
        raise UnknownExampleError(f"no bundled example {name!r}; examples are {list(names())}")
    if os.path.isdir(_FOLDER):
        with open(os.path.join(_FOLDER, f"{name}{_SUFFIX}"), encoding="utf-8") as f:
            return f.read()
    from importlib import resources

    return (resources.files(__name__) / f"{name}{_SUFFIX}").read_text(encoding="utf-8")


def read(name: str = DEFAULT, *, strict: bool = False) -> ReadResult:
    """Read a bundled example: the Disclosure and the read log."""
    from govfin.readers import read_text

    return read_text(text(name), strict=strict)


def load(name: str = DEFAULT) -> Disclosure:
    """The Disclosure of a bundled example (read strictly: the examples read cleanly)."""
    return read(name, strict=True).disclosure
