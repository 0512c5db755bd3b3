"""Locating, parsing and caching the shipped TSV files (``data/codes/<stem>-<edition>.tsv``).

Nothing is read at import.  The first query for a (scheme, edition) parses that one file and
keeps it in :data:`_cache`; a lock makes sure each file is parsed once even under threads.

:func:`load` answers with the shipped edition merged with the user-supplied supplements in
force (:mod:`govfin.codes._supplement` reads and checks them and calls :func:`install`);
:func:`shipped` with the shipped edition alone.

Where the files are:

- installed wheel: inside the package, ``govfin/data/codes/`` (pyproject force-includes
  ``data/codes`` there), found in the package's folder, or with :mod:`importlib.resources`
  when the package is not a plain folder (zipped; importlib.resources loads zipfile and
  tempfile, which a plain folder does without);
- source tree or editable install: ``<repo>/data/codes``, found relative to this file
  (``src/govfin/codes/_data.py`` -> ``parents[3]``).
"""

from __future__ import annotations

import functools
import os
import re
import threading
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING

from govfin._lazy import frozen
from govfin.errors import ArgumentTypeError, GovfinError

from ._model import Code, CodeError, Level, Scheme, Supplement, UnknownEditionError, validate
from ._names import normalize_name

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

__all__ = [
    "DataFileError",
    "Edition",
    "available",
    "data_dir",
    "in_force",
    "install",
    "load",
    "shipped",
    "version",
]

_FILE_NAME = re.compile(r"(?P<stem>[a-z-]+)-(?P<edition>\d{4})\.tsv")
_REQUIRED_COLUMNS = ("code", "name", "level", "seen")
#: Header lines naming the codes whose children are all shipped (``类`` = the list of 类).
_COMPLETE = "# complete:"
_ROOTS_TOKEN = "类"


class DataFileError(GovfinError, RuntimeError):
    """A shipped data file is corrupt (a packaging bug, never a user error)."""


@frozen
class Edition:
    """One parsed file: every entry of one scheme in one edition, indexed."""

    scheme: Scheme
    edition: int
    entries: Mapping[str, Code]  #: code -> entry, in code order
    children: Mapping[str | None, tuple[str, ...]]  #: parent code (None: roots) -> child codes
    #: Codes whose children are all shipped (None: the list of 类 itself), from the file's
    #: ``# complete:`` header lines.  Under any other code, govfin's list may have gaps.
    complete: frozenset[str | None] = frozenset()

    @functools.cached_property
    def by_name(self) -> Mapping[str, tuple[Code, ...]]:
        """Normalised name (:func:`normalize_name`) -> the entries bearing it, in code order.

        Built on first use, once per edition.
        """
        index: dict[str, list[Code]] = {}
        for entry in self.entries.values():
            index.setdefault(normalize_name(entry.name), []).append(entry)
        return {name: tuple(found) for name, found in index.items()}


_lock = threading.Lock()
_cache: dict[tuple[Scheme, int], Edition] = {}
_available: dict[Scheme, tuple[int, ...]] = {}
#: The data directory, once found: a folder's path, or (a zipped package) a Traversable.
_root: list[str | Traversable] = []


def data_dir() -> Traversable:
    """The directory holding the TSV files (packaged copy first, then the source tree)."""
    root = _data_root()
    if isinstance(root, str):
        from pathlib import Path

        return Path(root)
    return root


def _data_root() -> str | Traversable:
    # a folder is read with os and open(): pathlib (with urllib and ipaddress) is not loaded
    # to check a document
    if _root:
        return _root[0]
    with _lock:
        if not _root:
            _root.append(_find_data_dir())
    return _root[0]


def _find_data_dir() -> str | Traversable:
    package = os.path.dirname(os.path.dirname(__file__))  # govfin/
    packaged: str | Traversable
    if os.path.isdir(package):
        packaged = os.path.join(package, "data", "codes")
        if os.path.isdir(packaged):
            return packaged
    else:
        import importlib.resources

        packaged = importlib.resources.files("govfin").joinpath("data", "codes")
        if packaged.is_dir():
            return packaged
    repo = os.path.realpath(__file__)
    for _ in range(4):  # src/govfin/codes/_data.py -> the repository
        repo = os.path.dirname(repo)
    source = os.path.join(repo, "data", "codes")
    if os.path.isdir(source):
        return source
    raise DataFileError(
        f"govfin classification data not found: neither the packaged {packaged} nor {source} exists"
    )


def available() -> Mapping[Scheme, tuple[int, ...]]:
    """Editions shipped for each scheme (from the file names; no file is read)."""
    if not _available:
        root = _data_root()
        found: dict[Scheme, list[int]] = {scheme: [] for scheme in Scheme}
        by_stem = {scheme.file_stem: scheme for scheme in Scheme}
        names = os.listdir(root) if isinstance(root, str) else [e.name for e in root.iterdir()]
        for entry_name in names:
            match = _FILE_NAME.fullmatch(entry_name)
            if match and match["stem"] in by_stem:
                found[by_stem[match["stem"]]].append(int(match["edition"]))
        with _lock:
            if not _available:
                _available.update({scheme: tuple(sorted(editions)) for scheme, editions in found.items()})
    return _available


# -- the supplements in force (user-supplied codes; see govfin.codes._supplement) ---------------

_supplements: tuple[Supplement, ...] = ()
_merged: dict[tuple[Scheme, int], Edition] = {}
_version = [0]
#: Run before the first query, until one succeeds (reading ``GOVFIN_CODES``): registered by
#: :mod:`govfin.codes._supplement`.  A hook that raises stays, so every query raises its error
#: (a supplement named but unreadable is never silently left out).
_first_use: list[Callable[[], None]] = []
_first_lock = threading.RLock()


def _run_first_use() -> None:
    with _first_lock:
        while _first_use:
            _first_use[0]()
            _first_use.pop(0)


def in_force() -> tuple[Supplement, ...]:
    """The supplements in force, in the order they were put in force."""
    if _first_use:
        _run_first_use()
    return _supplements


def install(supplements: Iterable[Supplement], *, settle: bool = True) -> None:
    """Put exactly ``supplements`` in force (already checked by the caller).

    ``settle`` also drops the first-use hooks: what is in force was decided explicitly, so
    ``GOVFIN_CODES`` is not read afterwards in this process.
    """
    global _supplements
    with _first_lock, _lock:
        if settle:
            _first_use.clear()
        _supplements = tuple(supplements)
        _merged.clear()
        _version[0] += 1


def version() -> int:
    """A number that changes whenever the supplements in force change."""
    return _version[0]


def load(scheme: Scheme, edition: int, *, code: object = None) -> Edition:
    """The parsed edition with the supplements in force merged in; parses the file on first
    use.

    ``code`` only serves the error message.

    :raises UnknownEditionError: no file for that scheme and edition.
    :raises SupplementError: a supplement named in ``GOVFIN_CODES`` cannot be put in force.
    """
    if _first_use:
        _run_first_use()
    base = shipped(scheme, edition, code=code)
    if not _supplements:
        return base
    key = (scheme, edition)
    merged = _merged.get(key)
    if merged is None:
        with _lock:
            merged = _merged.get(key)
            if merged is None:
                merged = _merge(base, [s for s in _supplements if (s.scheme, s.edition) == key])
                _merged[key] = merged
    return merged


def _merge(base: Edition, supplements: list[Supplement]) -> Edition:
    """``base`` with the entries and ``complete`` declarations of ``supplements`` added (they
    were checked against it when put in force: they only add)."""
    if not supplements:
        return base
    found = dict(base.entries)
    for supplement in supplements:
        found.update((entry.code, entry) for entry in supplement.entries)
    entries = {code: found[code] for code in sorted(found)}
    children: dict[str | None, list[str]] = {}
    for code, entry in entries.items():
        children.setdefault(entry.parent_code, []).append(code)
    complete = set(base.complete)
    for supplement in supplements:
        complete |= supplement.complete
    return Edition(
        scheme=base.scheme,
        edition=base.edition,
        entries=entries,
        children={parent: tuple(codes) for parent, codes in children.items()},
        complete=frozenset(complete),
    )


def shipped(scheme: Scheme, edition: int, *, code: object = None) -> Edition:
    """The parsed edition as govfin ships it (no supplement); parses the file on first use.

    ``code`` only serves the error message.

    :raises UnknownEditionError: no file for that scheme and edition.
    """
    if isinstance(edition, bool) or not isinstance(edition, int):
        raise ArgumentTypeError(f"edition must be an int, not {type(edition).__name__}")
    key = (scheme, edition)
    ed = _cache.get(key)
    if ed is not None:
        return ed
    editions = available()[scheme]
    if edition not in editions:
        shipped = ", ".join(str(y) for y in editions) or "none"
        subject = "" if code is None else f"cannot look up {code!r}: "
        raise UnknownEditionError(
            f"{subject}no {edition} edition of {scheme} is shipped (available: {shipped})",
            code=code,
            edition=edition,
        )
    with _lock:
        ed = _cache.get(key)
        if ed is None:
            ed = _parse(scheme, edition)
            _cache[key] = ed
    return ed


def _parse(scheme: Scheme, edition: int) -> Edition:
    name = f"{scheme.file_stem}-{edition}.tsv"
    root = _data_root()
    if isinstance(root, str):
        with open(os.path.join(root, name), encoding="utf-8") as f:
            text = f.read()
    else:
        text = root.joinpath(name).read_text(encoding="utf-8")
    rows: dict[str, Code] = {}
    columns: list[str] | None = None
    complete: list[tuple[int, str]] = []
    for lineno, line in enumerate(text.splitlines(), start=1):
        if line.startswith(_COMPLETE):
            complete.extend((lineno, token) for token in line[len(_COMPLETE) :].split())
            continue
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if columns is None:
            columns = fields
            missing = [c for c in _REQUIRED_COLUMNS if c not in columns]
            if missing:
                raise DataFileError(f"{name}:{lineno}: header lacks column(s) {missing}")
            continue
        if len(fields) != len(columns):
            raise DataFileError(f"{name}:{lineno}: {len(fields)} fields, header has {len(columns)}")
        row = dict(zip(columns, fields, strict=True))
        entry = _entry(row, scheme, edition, f"{name}:{lineno}")
        if entry.code in rows:
            raise DataFileError(f"{name}:{lineno}: duplicate code {entry.code}")
        rows[entry.code] = entry
    entries = {code: rows[code] for code in sorted(rows)}
    children: dict[str | None, list[str]] = {}
    for code, entry in entries.items():
        parent = entry.parent_code
        if parent is not None and parent not in entries:
            raise DataFileError(f"{name}: {code} has no parent {parent}")
        children.setdefault(parent, []).append(code)
    marked: set[str | None] = set()
    for lineno, token in complete:
        if token == _ROOTS_TOKEN:
            marked.add(None)
        elif token in entries and entries[token].level is not Level.ITEM:
            marked.add(token)
        else:
            raise DataFileError(
                f"{name}:{lineno}: 'complete' names {token!r}, not a shipped 类 or 款"
            )
    return Edition(
        scheme=scheme,
        edition=edition,
        entries=entries,
        children={parent: tuple(codes) for parent, codes in children.items()},
        complete=frozenset(marked),
    )


def _entry(row: Mapping[str, str], scheme: Scheme, edition: int, where: str) -> Code:
    try:
        code, code_scheme, level = validate(row["code"])
    except CodeError as exc:
        raise DataFileError(f"{where}: {exc}") from exc
    if code_scheme is not scheme:
        raise DataFileError(f"{where}: {code} is not a {scheme.value} code")
    if row["level"] != level.value:
        raise DataFileError(f"{where}: level {row['level']!r} of {code} should be {level.value}")
    name = row["name"].strip()
    if not name or name != row["name"]:
        raise DataFileError(f"{where}: empty name or stray whitespace around the name of {code}")
    return Code(
        code=code,
        name=name,
        level=level,  # the one row["level"] names (checked above)
        scheme=scheme,
        edition=edition,
        seen=split_list(row["seen"]),
        dept_codes=split_list(row.get("dept_codes", "")),
    )


def split_list(cell: str) -> tuple[str, ...]:
    """A comma-separated cell (``seen``, ``dept_codes``) as its non-empty parts."""
    if not cell:
        return ()
    return tuple(part.strip() for part in cell.split(",") if part.strip())
