"""User-supplied supplements: codes govfin lacks, added from a file the user holds.

A finance bureau or an auditor has the official 《政府收支分类科目》 of their year (it is
circulated to them, often as an Excel sheet); govfin's lists have known gaps (the file headers
of ``data/codes`` list them).  A *supplement* is a TSV file in the format of ``data/codes``
that adds the missing codes without editing govfin's files.  Once put in force it is part of
every query (``lookup``, ``get``, ``exists``, ``children``, ``check_code``, ``check_name`` …)
and so of every check.

The file (docs/classification.md, "Adding codes govfin lacks")::

    # scheme: functional        edition: 2024
    # complete: 20103
    code	name	level	seen
    2010398	虚构补充项目	项	财政厅2024年科目表第3页

- the ``# scheme: … edition: …`` line says which list it supplements (a shipped edition);
- the column row ``code, name, level, seen`` (``dept_codes`` also allowed, as in
  economic-gov); ``seen`` is the evidence, required on every line: where the code and name are
  printed (a document, an official list, a notice);
- optional ``# complete:`` lines declare 类/款 (``类``: the list of 类) whose children are now
  all known, govfin's and the supplement's together.  Without one, a part govfin holds
  incomplete stays incomplete: an unknown code under it is still a warning, not an error.

A supplement only **adds**: a code govfin ships (or a supplement already in force lists) under
another name is a :class:`SupplementConflictError` naming file and line; the same name (after
:func:`normalize_name`) is accepted and counted in ``restated``, so a whole official list can
be given.  Every other fault is a :class:`MalformedSupplementError` naming file and line.

``GOVFIN_CODES`` (files separated by :data:`os.pathsep`) is read before the first query.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence

from govfin._lazy import lazy_pattern
from govfin.errors import ArgumentTypeError

from . import _data
from ._model import (
    Code,
    CodeError,
    Level,
    MalformedSupplementError,
    Scheme,
    Supplement,
    SupplementConflictError,
    SupplementError,
    validate,
)
from ._names import normalize_name

__all__ = [
    "ENVIRONMENT_VARIABLE",
    "load_supplement",
    "read_supplement",
    "remove_supplements",
    "supplemented",
    "supplements",
    "use_supplements",
]

#: The environment variable naming supplement files (``os.pathsep``-separated), read before
#: the first query of the classification in a process.
ENVIRONMENT_VARIABLE = "GOVFIN_CODES"

_HEADER = lazy_pattern(r"#\s*scheme:\s*(?P<scheme>\S+)\s+edition:\s*(?P<edition>\S+)")
_COMPLETE = "# complete:"
_REQUIRED = ("code", "name", "level", "seen")
_ALLOWED = (*_REQUIRED, "dept_codes")


# -- reading one file --------------------------------------------------------------------------


def _decode(raw: bytes, name: str) -> str:
    """UTF-8 (with or without the BOM Excel writes), or UTF-16 with its BOM ("Unicode text")."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise MalformedSupplementError(
            f"{name}: not UTF-8 (byte {exc.start}); save the supplement as UTF-8 text",
            path=name,
        ) from exc


def _scheme_of(value: Scheme | str, name: str, line: int | None) -> Scheme:
    if isinstance(value, Scheme):
        return value
    try:
        return Scheme(value)
    except ValueError:
        known = ", ".join(s.value for s in Scheme)
        where = name if line is None else f"{name}:{line}"
        raise MalformedSupplementError(
            f"{where}: unknown scheme {value!r} (one of {known})", path=name, line=line
        ) from None


def _parse(
    text: str, name: str, scheme: Scheme | str | None, edition: int | None
) -> tuple[Scheme, int, list[tuple[int, Code]], list[tuple[int, str]]]:
    """The file's scheme and edition, its entries and its ``complete`` tokens, with line
    numbers; every check that needs nothing but the file itself."""
    header: tuple[int, str, str] | None = None
    columns: list[str] | None = None
    rows: list[tuple[int, dict[str, str]]] = []
    complete: list[tuple[int, str]] = []
    for lineno, line in enumerate(text.splitlines(), start=1):
        if line.startswith(_COMPLETE):
            complete.extend((lineno, token) for token in line[len(_COMPLETE) :].split())
            continue
        if line.startswith("#"):
            found = _HEADER.match(line)
            if found and header is None:
                header = (lineno, found["scheme"], found["edition"])
            continue
        if not line.strip():
            continue
        fields = [field.strip() for field in line.split("\t")]
        if columns is None:
            columns = fields
            missing = [c for c in _REQUIRED if c not in columns]
            unknown = [c for c in columns if c not in _ALLOWED]
            if missing or unknown or len(set(columns)) != len(columns):
                raise MalformedSupplementError(
                    f"{name}:{lineno}: the column row must name {', '.join(_REQUIRED)} (and may "
                    f"name dept_codes), tab-separated; it has {columns!r}",
                    path=name,
                    line=lineno,
                )
            continue
        if len(fields) != len(columns):
            raise MalformedSupplementError(
                f"{name}:{lineno}: {len(fields)} tab-separated field(s), the column row has "
                f"{len(columns)}",
                path=name,
                line=lineno,
            )
        rows.append((lineno, dict(zip(columns, fields, strict=True))))
    chosen_scheme, chosen_edition = _identity(header, name, scheme, edition)
    if columns is None:
        raise MalformedSupplementError(
            f"{name}: no column row (code, name, level, seen)", path=name
        )
    entries: list[tuple[int, Code]] = []
    lines: dict[str, int] = {}
    for lineno, row in rows:
        entry = _entry(row, chosen_scheme, chosen_edition, name, lineno)
        if entry.code in lines:
            raise MalformedSupplementError(
                f"{name}:{lineno}: {entry.code} is listed twice (first on line "
                f"{lines[entry.code]})",
                path=name,
                line=lineno,
                code=entry.code,
                edition=chosen_edition,
            )
        lines[entry.code] = lineno
        entries.append((lineno, entry))
    return chosen_scheme, chosen_edition, entries, complete


def _identity(
    header: tuple[int, str, str] | None,
    name: str,
    scheme: Scheme | str | None,
    edition: int | None,
) -> tuple[Scheme, int]:
    """The (scheme, edition) of the file: from its header line, else the arguments; both
    given must agree; the edition must be shipped."""
    line = None if header is None else header[0]
    from_file = None if header is None else _scheme_of(header[1], name, line)
    from_call = None if scheme is None else _scheme_of(scheme, name, None)
    year: int | None = None
    if header is not None:
        if not (header[2].isascii() and header[2].isdigit() and len(header[2]) == 4):
            raise MalformedSupplementError(
                f"{name}:{line}: edition {header[2]!r} is not a year", path=name, line=line
            )
        year = int(header[2])
    if edition is not None and (isinstance(edition, bool) or not isinstance(edition, int)):
        raise ArgumentTypeError(f"edition must be an int, not {type(edition).__name__}")
    for what, mine, given in (("scheme", from_file, from_call), ("edition", year, edition)):
        if mine is not None and given is not None and mine != given:
            raise MalformedSupplementError(
                f"{name}:{line}: the file is for {what} {getattr(mine, 'value', mine)}, "
                f"not {getattr(given, 'value', given)} as asked",
                path=name,
                line=line,
            )
    chosen_scheme = from_file or from_call
    chosen_edition = year if year is not None else edition
    if chosen_scheme is None or chosen_edition is None:
        raise MalformedSupplementError(
            f"{name}: says neither its list nor its edition: begin it with a line "
            "'# scheme: functional        edition: 2024' (or pass scheme= and edition=)",
            path=name,
        )
    shipped = _data.available()[chosen_scheme]
    if chosen_edition not in shipped:
        where = name if line is None else f"{name}:{line}"
        raise SupplementError(
            f"{where}: govfin ships no {chosen_edition} edition of {chosen_scheme} to supplement "
            f"(available: {', '.join(map(str, shipped)) or 'none'}); a document of a year "
            "without an edition is checked against edition_for(year): supplement that one",
            path=name,
            line=line,
            edition=chosen_edition,
        )
    return chosen_scheme, chosen_edition


def _entry(row: Mapping[str, str], scheme: Scheme, edition: int, name: str, line: int) -> Code:
    where = f"{name}:{line}"

    def bad(message: str, code: object = None) -> MalformedSupplementError:
        return MalformedSupplementError(
            f"{where}: {message}", path=name, line=line, code=code, edition=edition
        )

    try:
        code, code_scheme, level = validate(row["code"], edition)
    except CodeError as exc:
        raise bad(str(exc), row["code"]) from exc
    if code_scheme is not scheme:
        raise bad(f"{code} is a {code_scheme.value} code, the file supplements {scheme.value}", code)
    if row["level"] != level.value:
        raise bad(f"level {row['level']!r} of {code} should be {level.value} ({len(code)} digits)", code)
    title = row["name"]
    if not title or '"' in title:
        raise bad(f"{code}: an empty or quoted name {title!r} (save as plain tab-separated text)", code)
    seen = _data.split_list(row["seen"])
    if not seen:
        raise bad(
            f"{code} {title}: no evidence in 'seen' (say where this code and name are printed: "
            "a document, an official list, a notice)",
            code,
        )
    dept = _data.split_list(row.get("dept_codes", ""))
    return Code(
        code=code,
        name=title,
        level=Level(row["level"]),
        scheme=scheme,
        edition=edition,
        seen=seen,
        dept_codes=dept,
        supplement=where,
    )


# -- checking a file against what is known -------------------------------------------------------


def _known(scheme: Scheme, edition: int, others: Iterable[Supplement]) -> dict[str, Code]:
    known = dict(_data.shipped(scheme, edition).entries)
    for other in others:
        if (other.scheme, other.edition) == (scheme, edition):
            known.update((entry.code, entry) for entry in other.entries)
    return known


def _at(name: str, line: int | None) -> str:
    return name if line is None else f"{name}:{line}"


def _origin(entry: Code) -> str:
    if entry.supplement is None:
        return f"govfin's {entry.edition} list of {entry.scheme.value}"
    return f"the supplement line {entry.supplement}"


def _settle(
    name: str,
    scheme: Scheme,
    edition: int,
    lines: Sequence[tuple[int, Code]],
    complete: Sequence[tuple[int | None, str]],
    others: Iterable[Supplement],
) -> tuple[tuple[Code, ...], tuple[str, ...], frozenset[str | None]]:
    """(added, restated, complete) of a parsed file, checked against the shipped edition and
    the supplements ``others``."""
    known = _known(scheme, edition, others)
    added: dict[str, Code] = {}
    restated: list[str] = []
    for line, entry in lines:
        have = known.get(entry.code)
        if have is None:
            added[entry.code] = entry
        elif normalize_name(have.name) == normalize_name(entry.name):
            restated.append(entry.code)
        else:
            raise SupplementConflictError(
                f"{name}:{line}: {entry.code} is {have.name!r} in {_origin(have)}, not "
                f"{entry.name!r}: a supplement only adds codes, it never renames one",
                path=name,
                line=line,
                code=entry.code,
                edition=edition,
            )
    for line, entry in lines:
        parent = entry.parent_code
        if parent is not None and parent not in known and parent not in added:
            raise MalformedSupplementError(
                f"{name}:{line}: the parent {parent} of {entry.code} is neither in govfin's "
                f"{edition} list nor in a supplement: give it a line too",
                path=name,
                line=line,
                code=entry.code,
                edition=edition,
            )
    declared: set[str | None] = set()
    for at, token in complete:
        if token == "类":
            declared.add(None)
            continue
        target = known.get(token) or added.get(token)
        if target is None or target.level is Level.ITEM:
            raise MalformedSupplementError(
                f"{_at(name, at)}: 'complete' names {token!r}, which is not a 类 or 款 of the "
                f"{edition} list (govfin's or this supplement's)",
                path=name,
                line=at,
                code=token,
                edition=edition,
            )
        declared.add(target.code)
    ordered = tuple(added[code] for code in sorted(added))
    return ordered, tuple(restated), frozenset(declared)


def _read(
    path: str | os.PathLike[str],
    scheme: Scheme | str | None,
    edition: int | None,
    others: Iterable[Supplement],
) -> Supplement:
    if not isinstance(path, (str, os.PathLike)):
        raise ArgumentTypeError(f"a supplement is a file path, not {type(path).__name__}")
    name = os.fspath(path)
    try:
        with open(name, "rb") as f:  # (no pathlib: the check path loads none, see test_startup)
            raw = f.read()
    except OSError as exc:
        raise SupplementError(
            f"{name}: cannot read the supplement ({exc.strerror or exc})", path=name
        ) from exc
    import hashlib  # (only when a supplement is read: not at start-up)

    text = _decode(raw, name)
    chosen_scheme, chosen_edition, lines, complete = _parse(text, name, scheme, edition)
    added, restated, declared = _settle(
        name, chosen_scheme, chosen_edition, lines, complete, others
    )
    return Supplement(
        path=name,
        scheme=chosen_scheme,
        edition=chosen_edition,
        entries=added,
        restated=restated,
        complete=declared,
        sha256=hashlib.sha256(raw).hexdigest(),
    )


# -- the API -------------------------------------------------------------------------------------


def read_supplement(
    path: str | os.PathLike[str],
    *,
    scheme: Scheme | str | None = None,
    edition: int | None = None,
) -> Supplement:
    """Read and check a supplement file without putting it in force.

    It is checked against govfin's list and the other supplements in force, exactly as
    :func:`load_supplement` would.  ``scheme`` and ``edition`` are needed only when the file
    has no ``# scheme: … edition: …`` line; given with one, they must agree with it.

    :raises MalformedSupplementError: a line or the header is malformed (names file and line).
    :raises SupplementConflictError: a code known under another name (names file and line).
    :raises SupplementError: the file cannot be read, or its edition is not shipped.
    """
    if not isinstance(path, (str, os.PathLike)):
        raise ArgumentTypeError(f"a supplement is a file path, not {type(path).__name__}")
    same = os.path.abspath(os.fspath(path))
    others = [s for s in supplements() if os.path.abspath(s.path) != same]  # not itself
    return _read(path, scheme, edition, others)


def load_supplement(
    path: str | os.PathLike[str],
    *,
    scheme: Scheme | str | None = None,
    edition: int | None = None,
) -> Supplement:
    """Read and check a supplement file, and put it in force: from now on every query of
    its scheme and edition knows its codes.  Returns the :class:`Supplement`.

    Loading a file already in force with the same content returns the one in force.

    :raises SupplementError: see :func:`read_supplement`; also a file already in force whose
        content has changed since (remove it first).
    """
    candidate = read_supplement(path, scheme=scheme, edition=edition)
    current = supplements()
    for existing in current:
        if os.path.abspath(existing.path) == os.path.abspath(candidate.path):
            if existing.sha256 == candidate.sha256 and (existing.scheme, existing.edition) == (
                candidate.scheme,
                candidate.edition,
            ):
                return existing
            raise SupplementError(
                f"{candidate.path}: already in force with other content; remove_supplements() "
                "it first",
                path=candidate.path,
            )
    _data.install((*current, candidate))
    return candidate


def supplements() -> tuple[Supplement, ...]:
    """The supplements in force, in the order they were loaded (``GOVFIN_CODES`` first)."""
    return _data.in_force()


def remove_supplements(*which: Supplement | str | os.PathLike[str]) -> tuple[Supplement, ...]:
    """Take supplements out of force: those given (a :class:`Supplement` or its path), or
    every one (``GOVFIN_CODES``'s too: the variable is not read again in this process).
    Returns those removed.

    :raises SupplementError: a supplement left in force adds a code under one removed.
    """
    if not which:  # GOVFIN_CODES is not read first: this is also the way out of a bad one
        current = _data._supplements
        _data.install(())
        return current
    current = supplements()
    wanted = {
        os.path.abspath(w.path if isinstance(w, Supplement) else os.fspath(w)) for w in which
    }
    removed = tuple(s for s in current if os.path.abspath(s.path) in wanted)
    use_supplements(s for s in current if s not in removed)
    return removed


def use_supplements(chosen: Iterable[Supplement]) -> tuple[Supplement, ...]:
    """Put exactly ``chosen`` in force, in that order, instead of what is in force now (a batch
    worker receives the caller's supplements this way; see :mod:`govfin.batch`).

    Each is checked again against govfin's list and those before it.  Nothing changes when
    they are already the ones in force.

    :raises SupplementError: one of them conflicts with govfin's list or an earlier one.
    """
    chosen = tuple(chosen)
    for supplement in chosen:
        if not isinstance(supplement, Supplement):
            raise ArgumentTypeError(f"not a Supplement: {type(supplement).__name__}")
    if _data._supplements == chosen and not _data._first_use:
        return chosen
    for i, supplement in enumerate(chosen):
        _recheck(supplement, chosen[:i])
    _data.install(chosen)
    return chosen


def _recheck(supplement: Supplement, before: tuple[Supplement, ...]) -> None:
    """A supplement read elsewhere (another process, another moment) still only adds."""
    lines = [(_line_of(entry), entry) for entry in supplement.entries]
    complete: list[tuple[int | None, str]] = [
        (None, "类" if c is None else c) for c in supplement.complete
    ]
    _settle(supplement.path, supplement.scheme, supplement.edition, lines, complete, before)


def _line_of(entry: Code) -> int:
    where = entry.supplement or ""
    tail = where.rsplit(":", 1)[-1]
    return int(tail) if tail.isdigit() else 0


@contextlib.contextmanager
def supplemented(*paths: str | os.PathLike[str]) -> Iterator[tuple[Supplement, ...]]:
    """Put the supplement files ``paths`` in force for the ``with`` block, then restore
    exactly what was in force before (for tests and notebooks)."""
    before = supplements()
    try:
        yield tuple(load_supplement(path) for path in paths)
    finally:
        use_supplements(before)


# -- GOVFIN_CODES ------------------------------------------------------------------------------


def _from_environment() -> None:
    """Put the files of ``GOVFIN_CODES`` in force (run once, before the first query)."""
    value = os.environ.get(ENVIRONMENT_VARIABLE, "")
    loaded: list[Supplement] = []
    for part in value.split(os.pathsep):
        if not part.strip():
            continue
        try:
            loaded.append(_read(part.strip(), None, None, [*_data._supplements, *loaded]))
        except SupplementError as exc:
            exc.args = (f"{exc} (named in {ENVIRONMENT_VARIABLE})",)
            raise
    if loaded:
        _data.install((*_data._supplements, *loaded), settle=False)


_data._first_use.append(_from_environment)
