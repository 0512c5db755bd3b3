"""Queries over the shipped editions."""

from __future__ import annotations

from govfin.errors import ArgumentTypeError, ArgumentValueError

from . import _data
from ._model import (
    DEFAULT_EDITION,
    Code,
    CodeCheck,
    EditionDiff,
    Level,
    MalformedCodeError,
    NameCheck,
    Scheme,
    UnknownCodeError,
    UnknownEditionError,
    validate,
)
from ._names import normalize_name

__all__ = [
    "all_codes",
    "ancestors",
    "check_code",
    "check_name",
    "children",
    "complete_under",
    "descendants",
    "diff",
    "edition_for",
    "editions",
    "exists",
    "find_by_name",
    "generation",
    "get",
    "lookup",
    "name_matches",
    "parent",
    "require_edition",
    "roots",
    "search",
]


def _scheme(scheme: Scheme | str) -> Scheme:
    return scheme if isinstance(scheme, Scheme) else Scheme(scheme)


def _resolve(code: object, edition: int) -> tuple[_data.Edition, Code]:
    text, scheme, _ = validate(code, edition)
    ed = _data.load(scheme, edition, code=code)
    entry = ed.entries.get(text)
    if entry is None:
        raise UnknownCodeError(
            f"unknown code {text!r}: not in the {edition} edition of {scheme}",
            code=code,
            edition=edition,
        )
    return ed, entry


def generation() -> int:
    """A number that changes whenever the codes in force change (a supplement put in force or
    removed, see :func:`~govfin.codes.load_supplement`): a caller that memoises answers of
    this module keys them by it."""
    return _data.version()


def editions(scheme: Scheme | str | None = None) -> tuple[int, ...]:
    """Edition years shipped, for one scheme or (``None``) for any scheme, ascending.

    Only file names are inspected; no data file is read.
    """
    shipped = _data.available()
    if scheme is not None:
        return shipped[_scheme(scheme)]
    return tuple(sorted({edition for editions in shipped.values() for edition in editions}))


def require_edition(edition: object) -> int:
    """``edition`` when govfin ships it (for any scheme); the one refusal that the API
    (``read_text(..., edition=2030)``, ``check(d, edition=2030)``) and the command line
    (``--edition 2019``) share.

    >>> require_edition(2024)
    2024
    >>> require_edition(2019)
    Traceback (most recent call last):
    ...
    govfin.codes._model.UnknownEditionError: no 2019 edition of 《政府收支分类科目》 is shipped (available: 2017, 2024, 2025)

    :raises ArgumentTypeError: ``edition`` is not an int.
    :raises UnknownEditionError: no edition of that year is shipped.
    """
    if isinstance(edition, bool) or not isinstance(edition, int):
        raise ArgumentTypeError(f"edition must be an int year, not {type(edition).__name__}")
    shipped = editions()
    if edition not in shipped:
        raise UnknownEditionError(
            f"no {edition} edition of 《政府收支分类科目》 is shipped "
            f"(available: {', '.join(map(str, shipped))})",
            edition=edition,
        )
    return edition


def edition_for(year: int, scheme: Scheme | str = Scheme.FUNCTIONAL) -> int:
    """The shipped edition that a document of ``year`` is checked against.

    ``year`` itself when it is shipped; otherwise the earliest shipped edition after it, and
    for a year after every shipped edition the latest one.  Lists change mostly by adding and
    renaming, and a renamed entry keeps its code, so a later edition knows every code a
    document prints unless the code was removed; names may differ (see docs/classification.md).

    >>> edition_for(2024), edition_for(2019), edition_for(2030)
    (2024, 2024, 2025)

    :raises UnknownEditionError: no edition of ``scheme`` is shipped at all.
    """
    if isinstance(year, bool) or not isinstance(year, int):
        raise ArgumentTypeError(f"edition year must be an int, not {type(year).__name__}")
    chosen = _scheme(scheme)
    shipped = _data.available()[chosen]
    if year in shipped:
        return year
    if not shipped:
        raise UnknownEditionError(f"no edition of {chosen} is shipped", edition=year)
    return next((y for y in shipped if y > year), shipped[-1])


def complete_under(
    code: str | None, edition: int = DEFAULT_EDITION, scheme: Scheme | str | None = None
) -> bool:
    """Whether govfin ships every child of ``code`` in the ``edition``.

    ``code=None`` asks about the list of 类 of ``scheme`` (default: functional).  Where this
    is false, a code missing under ``code`` may be a gap in govfin's data rather than a wrong
    code; the data file headers say per 类 how complete the list is.

    >>> complete_under(None), complete_under("20101"), complete_under("212")
    (True, True, False)
    """
    if code is None:
        return None in _data.load(_scheme(scheme or Scheme.FUNCTIONAL), edition).complete
    data, entry = _resolve(code, edition)
    if scheme is not None and _scheme(scheme) is not data.scheme:
        raise ArgumentValueError(f"{code} is not a {_scheme(scheme).value} code")
    return entry.code in data.complete


def check_code(code: str, year: int = DEFAULT_EDITION) -> CodeCheck:
    """Whether ``code`` is in the classification of a document of ``year``, and how sure that is.

    Unlike :func:`lookup` this never raises for a code that is merely absent, and it accepts a
    ``year`` without a shipped edition (see :func:`edition_for`).  See :class:`CodeCheck`.

    >>> found = check_code("2010350"); found.ok, found.certain
    (True, True)
    >>> gap = check_code("2120201"); gap.ok, gap.certain
    (False, False)
    >>> gap.message.split(" (")[0]
    "unknown code '2120201': not in govfin's list of 类 212, which is incomplete"

    :raises CodeTypeError: ``code`` is not a ``str``.
    :raises MalformedCodeError: wrong length, non-digits, or a leading digit of no scheme.
    """
    text, scheme, _ = validate(code, year)
    used = year if year in _data.available()[scheme] else edition_for(year, scheme)
    edition = _data.load(scheme, used, code=code)
    entry = edition.entries.get(text)
    if entry is not None:
        return CodeCheck(text, year, used, scheme, entry, certain=used == year)
    later = [y for y in _data.available()[scheme] if y > used]
    partial = None not in edition.complete  # an edition that lacks even some of its 类 (2017)
    if later and partial and not _complete_for(edition, text):
        # A partial edition (2017) that lacks the code where its list is incomplete: the next
        # full edition that has it answers, not certain (codes are kept when renamed).
        for y in later:
            found = _data.load(scheme, y, code=code).entries.get(text)
            if found is not None:
                return CodeCheck(text, year, y, scheme, found, certain=False)
    parent_code = text[:-2] if len(text) > 3 else None
    while parent_code is not None and parent_code not in edition.entries:
        parent_code = parent_code[:-2] if len(parent_code) > 3 else None
    nearest = None if parent_code is None else edition.entries[parent_code]
    certain = used == year and parent_code in edition.complete
    return CodeCheck(text, year, used, scheme, None, certain=certain, nearest=nearest)


def _complete_for(edition: _data.Edition, text: str) -> bool:
    """Whether ``edition`` lists every child of the nearest parent of ``text`` it holds."""
    parent = text[:-2] if len(text) > 3 else None
    while parent is not None and parent not in edition.entries:
        parent = parent[:-2] if len(parent) > 3 else None
    return parent in edition.complete


def lookup(code: str, edition: int = DEFAULT_EDITION) -> Code:
    """The entry for ``code`` in the ``edition`` edition; the scheme follows from the digits.

    >>> lookup("2010350").name
    '事业运行'

    :raises CodeTypeError: ``code`` is not a ``str``.
    :raises MalformedCodeError: wrong length, non-digits, or a leading digit of no scheme.
    :raises UnknownEditionError: no data shipped for ``edition``.
    :raises UnknownCodeError: well-formed, but not in that edition.
    """
    return _resolve(code, edition)[1]


def get(code: str, edition: int = DEFAULT_EDITION, default: Code | None = None) -> Code | None:
    """Like :func:`lookup`, but return ``default`` for a well-formed code absent from the edition.

    Malformed input and unknown editions still raise: they are mistakes of the caller, not
    answers about the list.
    """
    try:
        return _resolve(code, edition)[1]
    except UnknownCodeError:
        return default


def exists(code: str, edition: int = DEFAULT_EDITION) -> bool:
    """Whether ``code`` is in the ``edition`` edition.

    A malformed string is simply not there (``False``); a non-``str`` still raises
    :class:`CodeTypeError` and an unshipped edition :class:`UnknownEditionError`.
    """
    try:
        _resolve(code, edition)
    except UnknownCodeError:
        return False
    except MalformedCodeError as exc:
        if isinstance(exc, TypeError):
            raise
        return False
    return True


def parent(code: str, edition: int = DEFAULT_EDITION) -> Code | None:
    """The parent entry (款 of a 项, 类 of a 款); ``None`` for a 类."""
    ed, entry = _resolve(code, edition)
    return None if entry.parent_code is None else ed.entries[entry.parent_code]


def children(code: str, edition: int = DEFAULT_EDITION) -> list[Code]:
    """The direct children of ``code`` in code order (empty for a 项 or a leaf)."""
    ed, entry = _resolve(code, edition)
    return [ed.entries[c] for c in ed.children.get(entry.code, ())]


def ancestors(code: str, edition: int = DEFAULT_EDITION) -> list[Code]:
    """The ancestors of ``code``, ROOT FIRST (类, then 款), without ``code`` itself.

    ``ancestors("2010350")`` is ``[201 一般公共服务支出, 20103 政府办公厅（室）及相关机构事务]``.
    """
    ed, entry = _resolve(code, edition)
    found: list[Code] = []
    parent_code = entry.parent_code
    while parent_code is not None:
        ancestor = ed.entries[parent_code]
        found.append(ancestor)
        parent_code = ancestor.parent_code
    found.reverse()
    return found


def descendants(code: str, edition: int = DEFAULT_EDITION) -> list[Code]:
    """Every entry below ``code`` (children, grandchildren), in code order, without ``code``."""
    ed, entry = _resolve(code, edition)
    found: list[Code] = []
    stack = list(reversed(ed.children.get(entry.code, ())))
    while stack:
        current = stack.pop()
        found.append(ed.entries[current])
        stack.extend(reversed(ed.children.get(current, ())))
    return found


def roots(scheme: Scheme | str = Scheme.FUNCTIONAL, edition: int = DEFAULT_EDITION) -> list[Code]:
    """Every 类 of ``scheme`` in the ``edition`` edition, in code order."""
    ed = _data.load(_scheme(scheme), edition)
    return [ed.entries[c] for c in ed.children.get(None, ())]


def all_codes(scheme: Scheme | str = Scheme.FUNCTIONAL, edition: int = DEFAULT_EDITION) -> list[Code]:
    """Every entry of ``scheme`` in the ``edition`` edition, in code order."""
    return list(_data.load(_scheme(scheme), edition).entries.values())


def _editions_for(edition: int, scheme: Scheme | str | None) -> list[_data.Edition]:
    if scheme is not None:
        return [_data.load(_scheme(scheme), edition)]
    schemes = [s for s, editions in _data.available().items() if edition in editions]
    if not schemes:
        raise UnknownEditionError(
            f"no {edition} edition of any classification is shipped "
            f"(available: {', '.join(str(y) for y in editions())})",
            edition=edition,
        )
    return [_data.load(s, edition) for s in schemes]


def search(part: str, edition: int = DEFAULT_EDITION, scheme: Scheme | str | None = None) -> list[Code]:
    """Entries whose normalised name contains the normalised ``part``, in code order.

    Names repeat across the tree (``search("事业运行")`` finds one 项 under many 款), so this
    returns every match.  ``scheme=None`` searches every scheme shipped for ``edition``.

    :raises ValueError: ``part`` is empty after normalisation.
    """
    needle = normalize_name(part)
    if not needle:
        raise ArgumentValueError("search text is empty")
    found = [
        entry
        for ed in _editions_for(edition, scheme)
        for name, named in ed.by_name.items()
        if needle in name
        for entry in named
    ]
    return sorted(found, key=lambda entry: entry.code)


def find_by_name(
    name: str,
    edition: int = DEFAULT_EDITION,
    level: Level | str | None = None,
    scheme: Scheme | str | None = None,
) -> list[Code]:
    """Entries whose name equals ``name`` after normalisation, in code order.

    ``level`` (a :class:`Level` or ``"类"``/``"款"``/``"项"``) and ``scheme`` narrow the
    result, e.g. ``find_by_name("一般公共服务支出", level="类")`` -> ``[201 …]``.
    """
    wanted = normalize_name(name)
    level_filter = None if level is None else (level if isinstance(level, Level) else Level(level))
    found = [
        entry
        for ed in _editions_for(edition, scheme)
        for entry in ed.by_name.get(wanted, ())
        if level_filter is None or entry.level is level_filter
    ]
    return sorted(found, key=lambda entry: entry.code)


def check_name(code: str, printed_name: str, edition: int = DEFAULT_EDITION) -> NameCheck:
    """Compare a name printed next to ``code`` with the official name.

    Whitespace (full-width spaces and wrapped-line breaks included) and half-/full-width
    brackets are tolerated; any other difference makes ``ok`` false.

    :raises UnknownCodeError: (and the other :func:`lookup` errors) for the code.
    """
    entry = lookup(code, edition)
    return NameCheck(
        ok=normalize_name(printed_name) == normalize_name(entry.name),
        official=entry.name,
        printed=printed_name,
        code=entry.code,
        edition=edition,
    )


def name_matches(code: str, printed_name: str, edition: int = DEFAULT_EDITION) -> bool:
    """``check_name(code, printed_name, edition).ok``."""
    return check_name(code, printed_name, edition).ok


def diff(edition_a: int, edition_b: int, scheme: Scheme | str = Scheme.FUNCTIONAL) -> EditionDiff:
    """What changed in ``scheme`` from edition ``edition_a`` to edition ``edition_b``.

    Only the shipped entries are compared: where a file is deliberately partial (see
    docs/classification.md), a change outside its coverage does not show.
    """
    chosen = _scheme(scheme)
    old = _data.load(chosen, edition_a).entries
    new = _data.load(chosen, edition_b).entries
    return EditionDiff(
        scheme=chosen,
        edition_a=edition_a,
        edition_b=edition_b,
        added=tuple(new[c] for c in new if c not in old),
        removed=tuple(old[c] for c in old if c not in new),
        renamed=tuple(
            (c, old[c].name, new[c].name) for c in old if c in new and old[c].name != new[c].name
        ),
    )
