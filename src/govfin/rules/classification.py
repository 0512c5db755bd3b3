"""Classification rules for every table with coded rows: ``C-code`` (code unknown in the
document's edition), ``C-name`` (printed name differs from the official one), ``C-dup`` (the
same code twice) and ``C-orphan`` (a row whose parent row is missing).

The registry's answers are remembered per (code, edition) and (code, name, edition) in bounded
caches, forgotten when the classification supplements in force change.
"""

from __future__ import annotations

import functools

from govfin import codes
from govfin.findings import Category, Severity
from govfin.rules.engine import Context
from govfin.rules.registry import REGISTRY, Rule
from govfin.tables import Table

# -- classification ---------------------------------------------------------------------------


def _edition(table: Table, ctx: Context) -> int:
    """The edition codes are checked against: the option, else the year the table prints,
    else the year of the document it is part of, else the default edition."""
    document_year = getattr(ctx.document, "year", None)
    return ctx.options.edition or table.meta.year or document_year or codes.DEFAULT_EDITION


_ALL_KINDS = tuple(Table.KINDS)


def _has_codes(table: Table) -> bool:
    return next(table.coded_rows(), None) is not None


#: Outcome of looking a code up: None (found), or (True, message) when govfin cannot be sure
#: the code is wrong (no edition of that year, or a part of the list govfin holds incomplete:
#: see codes.check_code), or (False, message) for a code that is certainly wrong.
_Lookup = tuple[bool, str] | None


def _lookup_outcome(code: str, edition: int) -> _Lookup:
    try:
        result = codes.check_code(code, edition)
    except codes.UnknownEditionError as exc:
        return (True, str(exc))
    except codes.CodeError as exc:
        return (False, str(exc))
    return None if result.ok else (not result.certain, result.message)


def _name_outcome(code: str, name: str, edition: int) -> tuple[bool, str, int] | None:
    """(ok, official name, edition used); the edition used differs from ``edition`` (there
    a document's year) when none is shipped for it."""
    try:
        found = codes.check_code(code, edition)
    except codes.CodeError:
        return None
    if found.entry is None:
        return None
    ok = codes.normalize_name(name) == codes.normalize_name(found.entry.name)
    return (ok, found.entry.name, found.edition)


# The shipped classification editions do not change while a process runs, and the same codes
# recur in table after table (02/03/05 share their tree; 01/04 print all 26 类): remember the
# answers instead of asking the registry again for every row of every table.  Bounded, so a
# long batch of generated codes cannot grow memory.  ``_clear_code_memo()`` forgets them (for
# tests that swap the classification data).
_memo_lookup = functools.lru_cache(maxsize=8192)(_lookup_outcome)
_memo_name = functools.lru_cache(maxsize=8192)(_name_outcome)


def _clear_code_memo() -> None:
    _memo_lookup.cache_clear()
    _memo_name.cache_clear()


#: codes.generation() when the memo was filled: a supplement put in force or removed
#: (codes.load_supplement) changes the answers, so the memo is forgotten then.
_memo_generation = [0]


def _memo_current() -> None:
    now = codes.generation()
    if now != _memo_generation[0]:
        _clear_code_memo()
        _memo_generation[0] = now


def _code_outcome(code: str, edition: int) -> _Lookup:
    _memo_current()
    try:
        return _memo_lookup(code, edition)
    except TypeError:  # an unhashable "code": ask directly (the registry names the error)
        return _lookup_outcome(code, edition)


def _name_check(code: str, name: str, edition: int) -> tuple[bool, str, int] | None:
    _memo_current()
    try:
        return _memo_name(code, name, edition)
    except TypeError:
        return _name_outcome(code, name, edition)


def _former_name(code: str, name: str, edition: int) -> str:
    """ " (its former name, of the 2017 edition)" when another shipped edition names ``code``
    so: an outdated name, not a wrong one."""
    for other in sorted(codes.editions(), reverse=True):
        if other != edition:
            entry = codes.get(code, other)
            if entry is not None and codes.normalize_name(entry.name) == codes.normalize_name(name):
                return f" (its former name, of the {other} edition)"
    return ""


def one_slip(a: str, b: str) -> str | None:
    """How code ``b`` is one keying slip from ``a``: ``"one transposition"`` (two adjacent
    digits swapped), ``"one digit"`` (one digit different), or None.

    >>> one_slip("2080550", "2080505"), one_slip("2120140", "2120104"), one_slip("30270", "30207")
    ('one transposition', 'one transposition', 'one transposition')
    >>> one_slip("2010302", "2010301"), one_slip("2010310", "2010101"), one_slip("301", "301")
    ('one digit', None, None)
    """
    if len(a) != len(b):
        return None
    diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    if len(diff) == 1:
        return "one digit"
    if len(diff) == 2 and diff[1] == diff[0] + 1:
        i, j = diff
        if a[i] == b[j] and a[j] == b[i]:
            return "one transposition"
    return None


def likely_typo(code: str, name: str, edition: int) -> tuple[str, str] | None:
    """(the code meant, the slip) when ``code`` is not in the ``edition`` list but a sibling
    (a code under the same parent) one transposition or one digit away carries the printed
    ``name``: names are unique under one parent, so the printed code is that sibling mistyped.
    None when there is no such sibling (or more than one: no guess).

    >>> likely_typo("2080550", "机关事业单位基本养老保险缴费支出", 2024)
    ('2080505', 'one transposition')
    >>> likely_typo("2080550", "某某支出", 2024) is None
    True
    """
    try:
        found = codes.check_code(code, edition)
    except codes.CodeError:
        return None
    parent = found.nearest
    if found.entry is not None or parent is None or parent.code != code[:-2]:
        return None
    return _sibling_named(code, name, found.edition)


def _sibling_named(code: str, name: str, edition: int) -> tuple[str, str] | None:
    """(sibling, slip) when a code one slip from ``code`` under its parent has ``name``."""
    if len(code) <= 3:
        return None
    try:
        siblings = codes.children(code[:-2], edition)
    except codes.CodeError:
        return None
    wanted = codes.normalize_name(name)
    hits = [
        (c.code, slip)
        for c in siblings
        if (slip := one_slip(code, c.code)) and codes.normalize_name(c.name) == wanted
    ]
    return hits[0] if len(hits) == 1 else None


def _code_known(table: Table, ctx: Context) -> None:
    """Every row code exists in the classification edition of the document's edition.

    A code absent where govfin's list is complete is an error; where the list is incomplete, a
    warning, unless the printed name is that of a sibling one transposition or one digit away
    (then the code is that sibling mistyped: an error saying which).
    """
    if not _has_codes(table):
        return
    edition = _edition(table, ctx)
    for r in table.coded_rows():
        assert r.code is not None
        outcome = _code_outcome(r.code, edition)
        if outcome is None:
            continue
        uncertain, message = outcome
        typo = likely_typo(r.code, r.name, edition) if r.name else None
        if typo is not None:
            meant, slip = typo
            message = (
                f"{message}; its printed name {r.name} is that of {meant}, {slip} away: "
                f"likely {meant} (a typo)"
            )
            # The sibling's name in the document's own edition: a typo, not a gap in the list.
            uncertain = uncertain and codes.check_code(r.code, edition).edition != edition
        if uncertain:  # a gap in govfin's list, or another year's edition: not an error
            ctx.emit(message, place=table.place(r.key, "科目代码"), severity=Severity.WARNING)
            continue
        ctx.emit(message, place=table.place(r.key, "科目代码"))


def _name_official(table: Table, ctx: Context) -> None:
    """A printed row name equals the official name of its code (modulo spaces, brackets)."""
    if not _has_codes(table):
        return
    edition = _edition(table, ctx)
    for r in table.coded_rows():
        assert r.code is not None
        if not r.name:
            continue
        result = _name_check(r.code, r.name, edition)
        if result is None:
            continue  # reported by C-code
        ok, official, used = result
        if ok:
            continue
        if used == edition:
            meant = _sibling_named(r.code, r.name, edition)
            hint = f"; {r.name!r} is the name of {meant[0]}, {meant[1]} away" if meant else ""
            ctx.emit(
                f"printed name {r.name!r} differs from the official {official!r}{hint}"
                + _former_name(r.code, r.name, edition),
                place=table.place(r.key, "科目名称"),
            )
        else:  # names change between editions: another year's name is no evidence of an error
            ctx.emit(
                f"printed name {r.name!r} differs from {official!r} of the {used} edition "
                f"(no {edition} edition is shipped; the name may have changed in between)",
                place=table.place(r.key, "科目名称"),
                severity=Severity.INFO,
            )


def _duplicates(table: Table, ctx: Context) -> None:
    """A code appears in one row only."""
    seen: set[str] = set()
    for r in table.coded_rows():
        assert r.code is not None
        if r.code in seen:
            ctx.emit(f"code {r.code} appears more than once", place=table.place(r.key))
        seen.add(r.code)


def _orphans(table: Table, ctx: Context) -> None:
    """Every 款/项 row has its parent row in the table."""
    present = {r.code for r in table.coded_rows()}
    for r in table.coded_rows():
        assert r.code is not None
        if len(r.code) > 3 and r.code[:-2] not in present:
            ctx.emit(
                f"row {r.code} has no parent row {r.code[:-2]}",
                place=table.place(r.key),
            )


#: Why a classification rule's behaviour changed (the catalogue's Changes section).
_CHANGED = {
    "C-code": "issue 15: an unknown code whose printed name is that of a sibling one "
    "transposition or one digit away is an error naming the code meant (likely 2080505), even "
    "where govfin's list is incomplete (a warning before: a typo passed as a gap in the list)",
    "C-name": "issue 15: a printed name that is a sibling's (one slip away) says which code "
    "carries it",
}

for _id, _zh, _en, _sev, _func in (
    ("C-code", "科目代码须存在于当年科目表", "row code exists in the year's classification",
     Severity.ERROR, _code_known),
    ("C-name", "科目名称与官方名称一致", "printed name matches the official name",
     Severity.WARNING, _name_official),
    ("C-dup", "科目代码不得重复", "no code appears twice", Severity.ERROR, _duplicates),
    ("C-orphan", "下级科目须有上级科目行", "every child row has its parent row",
     Severity.ERROR, _orphans),
):
    REGISTRY.register(
        Rule(
            id=_id,
            title_zh=_zh,
            title_en=_en,
            category=Category.CLASSIFICATION,
            severity=_sev,
            tables=_ALL_KINDS,
            subject=Table,
            func=_func,
            source="《政府收支分类科目》 (edition of the document's year)",
            changed=_CHANGED.get(_id, ""),
        )
    )
