"""Value types, exceptions and the digit rules of the classification codes.

Nothing here reads data: :func:`level_of`, :func:`scheme_of` and :func:`validate` work on the
digits alone.
"""

from __future__ import annotations

import enum

from govfin._lazy import frozen
from govfin.errors import ArgumentValueError, GovfinError

__all__ = [
    "DEFAULT_EDITION",
    "Code",
    "CodeCheck",
    "CodeError",
    "CodeTypeError",
    "EditionDiff",
    "Level",
    "MalformedCodeError",
    "MalformedSupplementError",
    "NameCheck",
    "Scheme",
    "Supplement",
    "SupplementConflictError",
    "SupplementError",
    "UnknownCodeError",
    "UnknownEditionError",
    "level_of",
    "scheme_of",
    "validate",
]

#: The edition used when no ``edition`` is given: 《2024年政府收支分类科目》, the list that the
#: 2024 部门决算 (final accounts published in 2025) are classified by.
DEFAULT_EDITION = 2024


class Level(enum.Enum):
    """The level of a code in its classification tree; ``.value`` is the Chinese term.

    =============  =====  ======  ==========================================
    member         value  digits  meaning
    =============  =====  ======  ==========================================
    ``CATEGORY``   类     3       category, e.g. 201 一般公共服务支出
    ``SECTION``    款     5       section, e.g. 20103 政府办公厅（室）及相关机构事务
    ``ITEM``       项     7       item, e.g. 2010350 事业运行 (functional scheme only)
    =============  =====  ======  ==========================================
    """

    CATEGORY = "类"
    SECTION = "款"
    ITEM = "项"

    @property
    def digits(self) -> int:
        """Number of digits of a code at this level (3, 5 or 7)."""
        return _LEVEL_DIGITS[self]

    @property
    def depth(self) -> int:
        """1 for 类, 2 for 款, 3 for 项."""
        return (self.digits - 1) // 2

    @classmethod
    def from_digits(cls, length: int) -> Level:
        """The level of a code with ``length`` digits; :class:`ValueError` for other lengths."""
        for level, digits in _LEVEL_DIGITS.items():
            if digits == length:
                return level
        raise ArgumentValueError(f"no level has {length} digits (类 3, 款 5, 项 7)")


_LEVEL_DIGITS = {Level.CATEGORY: 3, Level.SECTION: 5, Level.ITEM: 7}


class Scheme(enum.Enum):
    """A classification list.  The first digit of a code decides its scheme.

    ====================  ==============  ================================  =========
    member                value           official name                     digits
    ====================  ==============  ================================  =========
    ``FUNCTIONAL``        functional      支出功能分类科目 (2xx)            3 / 5 / 7
    ``ECONOMIC``          economic        部门预算支出经济分类科目 (3xx)    3 / 5
    ``ECONOMIC_GOV``      economic-gov    政府预算支出经济分类科目 (5xx)    3 / 5
    ====================  ==============  ================================  =========
    """

    FUNCTIONAL = "functional"
    ECONOMIC = "economic"
    ECONOMIC_GOV = "economic-gov"

    @property
    def title(self) -> str:
        """The official Chinese name of the list."""
        return _SCHEME_TITLES[self]

    @property
    def leading_digit(self) -> str:
        """The first digit shared by every code of the scheme."""
        return _SCHEME_DIGIT[self]

    @property
    def levels(self) -> tuple[Level, ...]:
        """The levels the scheme has, root first."""
        if self is Scheme.FUNCTIONAL:
            return (Level.CATEGORY, Level.SECTION, Level.ITEM)
        return (Level.CATEGORY, Level.SECTION)

    @property
    def file_stem(self) -> str:
        """Stem of the data files of this scheme: ``<stem>-<edition>.tsv``."""
        return _SCHEME_FILES[self]

    def __str__(self) -> str:
        return f"{self.title} ({self.value})"


_SCHEME_TITLES = {
    Scheme.FUNCTIONAL: "支出功能分类科目",
    Scheme.ECONOMIC: "部门预算支出经济分类科目",
    Scheme.ECONOMIC_GOV: "政府预算支出经济分类科目",
}
_SCHEME_DIGIT = {Scheme.FUNCTIONAL: "2", Scheme.ECONOMIC: "3", Scheme.ECONOMIC_GOV: "5"}
_SCHEME_FILES = {
    Scheme.FUNCTIONAL: "functional",
    Scheme.ECONOMIC: "economic-dept",
    Scheme.ECONOMIC_GOV: "economic-gov",
}
_SCHEME_BY_DIGIT = {digit: scheme for scheme, digit in _SCHEME_DIGIT.items()}
#: Per scheme: the number of digits of a code -> its level.
_LEVEL_BY_LENGTH = {scheme: {level.digits: level for level in scheme.levels} for scheme in Scheme}


# --------------------------------------------------------------------------------------------
# exceptions


def _edition_suffix(edition: int | None) -> str:
    return "" if edition is None else f" (edition {edition})"


class CodeError(GovfinError, ValueError):
    """Base class of every error raised by :mod:`govfin.codes`.

    ``code`` is the offending input as given (``None`` when the error is about an edition
    alone) and ``edition`` the edition it was looked up in (``None`` for digit-only checks).
    """

    def __init__(self, message: str, *, code: object = None, edition: int | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.edition = edition


class MalformedCodeError(CodeError):
    """The input is not a well-formed expenditure classification code.

    Raised for wrong lengths, characters other than ASCII digits, or a first digit that
    belongs to no scheme.  The message names the input and, where known, the edition.
    """


class CodeTypeError(MalformedCodeError, TypeError):
    """The code was not given as a ``str`` (e.g. ``2010350`` as an ``int``).

    Both a :class:`MalformedCodeError` and a :class:`TypeError`: codes are strings because
    leading digits and length carry meaning.
    """


class UnknownCodeError(CodeError, LookupError):
    """A well-formed code that is not in the requested edition."""


class UnknownEditionError(CodeError):
    """No data is shipped for the requested edition (of the requested scheme)."""


class SupplementError(CodeError):
    """A user-supplied supplement file (see ``load_supplement``) cannot be put in force.

    ``path`` is the file and ``line`` the line of it at fault (``None``: the file as a whole);
    the message names both as ``FILE:LINE``.
    """

    def __init__(
        self,
        message: str,
        *,
        path: str,
        line: int | None = None,
        code: object = None,
        edition: int | None = None,
    ) -> None:
        super().__init__(message, code=code, edition=edition)
        self.path = path
        self.line = line


class MalformedSupplementError(SupplementError):
    """A supplement line (or header) is not in the format of ``data/codes``: a missing column,
    a malformed code, a wrong level, an empty name or evidence, a code listed twice, a code
    whose parent is nowhere to be found."""


class SupplementConflictError(SupplementError):
    """A supplement gives a code that govfin (or a supplement already in force) has under
    another name: a supplement only adds codes, it never overrides one."""


# --------------------------------------------------------------------------------------------
# digit rules


def validate(code: object, edition: int | None = None) -> tuple[str, Scheme, Level]:
    """Check the form of ``code`` and return ``(code, scheme, level)``.

    Surrounding whitespace is removed; anything else must be ASCII digits of a length the
    scheme allows.  ``edition`` only serves the error message.

    :raises CodeTypeError: ``code`` is not a ``str``.
    :raises MalformedCodeError: wrong characters, length or leading digit.
    """
    if not isinstance(code, str):
        raise CodeTypeError(
            f"code {code!r} must be a str, not {type(code).__name__}{_edition_suffix(edition)}",
            code=code,
            edition=edition,
        )
    text = code.strip()
    if not (text.isascii() and text.isdigit()):  # one or more of the ASCII digits 0-9
        raise MalformedCodeError(
            f"malformed code {code!r}{_edition_suffix(edition)}: only the digits 0-9 are allowed",
            code=code,
            edition=edition,
        )
    scheme = _SCHEME_BY_DIGIT.get(text[0])
    if scheme is None:
        raise MalformedCodeError(
            f"malformed code {code!r}{_edition_suffix(edition)}: an expenditure classification "
            "code starts with 2 (functional), 3 (economic) or 5 (economic-gov)",
            code=code,
            edition=edition,
        )
    level = _LEVEL_BY_LENGTH[scheme].get(len(text))
    if level is None:
        where = _edition_suffix(edition)
        allowed = [lv.digits for lv in scheme.levels]
        lengths = " or ".join([", ".join(str(n) for n in allowed[:-1]), str(allowed[-1])])
        plural = "" if len(text) == 1 else "s"
        raise MalformedCodeError(
            f"malformed code {code!r}{where}: {len(text)} digit{plural}, but {scheme.title} "
            f"codes have {lengths} digits",
            code=code,
            edition=edition,
        )
    return text, scheme, level


def level_of(code: str) -> Level:
    """The level of ``code`` from its digits alone (no data is read).

    >>> level_of("2010350").value
    '项'

    :raises MalformedCodeError: see :func:`validate`.
    """
    return validate(code)[2]


def scheme_of(code: str) -> Scheme:
    """The scheme of ``code`` from its first digit (2 functional, 3 economic, 5 economic-gov).

    :raises MalformedCodeError: see :func:`validate`.
    """
    return validate(code)[1]


def _parent_code(code: str) -> str | None:
    return None if len(code) <= 3 else code[:-2]


# --------------------------------------------------------------------------------------------
# value types


@frozen
class Code:
    """One entry of one edition of a classification list.

    ``seen`` holds ids of real documents in which this code was printed with this exact name
    (``"seed"`` = the bundled 2024 部门决算 disclosure; the others are explained in the header
    of the data file; for an entry from a supplement, the evidence its line gives).
    ``dept_codes`` is set for the economic-gov scheme only: the 部门预算
    economic codes that map to this entry, as far as known.
    """

    code: str
    name: str
    level: Level
    scheme: Scheme
    edition: int
    seen: tuple[str, ...] = ()
    dept_codes: tuple[str, ...] = ()
    #: ``"FILE:LINE"`` of the user-supplied supplement the entry comes from; ``None`` for an
    #: entry shipped with govfin.
    supplement: str | None = None

    @property
    def parent_code(self) -> str | None:
        """The code of the parent entry, from the digits (``None`` for a 类)."""
        return _parent_code(self.code)

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


@frozen
class NameCheck:
    """Result of comparing a printed name with the official one (see ``check_name``).

    ``ok`` is true when both names are equal after :func:`~govfin.codes.normalize_name`.
    """

    ok: bool
    official: str
    printed: str
    code: str
    edition: int

    @property
    def message(self) -> str:
        """A one-line English description naming both names."""
        if self.ok:
            return f"{self.code}: printed name {self.printed!r} matches the {self.edition} list"
        return (
            f"{self.code}: printed name {self.printed!r} differs from the official "
            f"{self.official!r} ({self.edition} list)"
        )

    def __bool__(self) -> bool:
        return self.ok

    def __str__(self) -> str:
        return self.message


@frozen
class CodeCheck:
    """Whether a printed code is in the classification of a document's year (see ``check_code``).

    ``edition`` is the edition the code was looked up in: ``year`` itself when it is shipped,
    otherwise the edition that stands in for it (see ``edition_for``).  ``entry`` is the entry
    found, or ``None``.  ``certain`` says whether the answer can be relied on:

    - a code found in the year's own edition: certain;
    - a code absent from a part of the list that govfin holds complete (every 类, and the
      类 and 款 marked complete in the data file): certain, the code does not exist;
    - a code absent from a part that govfin holds incomplete ("not in govfin's list of 类
      212, which is incomplete"), or any answer taken from a stand-in edition: not certain.
    """

    code: str
    year: int
    edition: int
    scheme: Scheme
    entry: Code | None
    certain: bool
    #: Where the code was missed: the nearest entry above it that govfin ships (``None``:
    #: not even its 类 is shipped).  ``None`` also when the code was found.
    nearest: Code | None = None

    @property
    def ok(self) -> bool:
        """True when the code is in the edition used."""
        return self.entry is not None

    @property
    def borrowed(self) -> bool:
        """True when no edition of ``year`` is shipped and another one stood in for it."""
        return self.edition != self.year

    @property
    def message(self) -> str:
        """A one-line English description, naming the edition used."""
        if self.entry is not None:
            text = f"{self.entry} is in the {self.edition} edition of {self.scheme}"
        elif self.certain:
            text = f"unknown code {self.code!r}: not in the {self.edition} edition of {self.scheme}"
        else:
            if self.nearest is None:
                text = (
                    f"unknown code {self.code!r}: 类 {self.code[:3]} is not in govfin's list of 类 "
                    f"of the {self.edition} edition of {self.scheme}, which is incomplete"
                )
            else:
                text = (
                    f"unknown code {self.code!r}: not in govfin's list of "
                    f"{self.nearest.level.value} {self.nearest.code}, which is incomplete "
                    f"({self.edition} edition of {self.scheme})"
                )
        if self.borrowed:
            text += (
                f"; no {self.year} edition is shipped, so the {self.edition} edition stands in "
                "for it"
            )
        return text

    def __bool__(self) -> bool:
        return self.ok

    def __str__(self) -> str:
        return self.message


@frozen
class EditionDiff:
    """Differences of one scheme between two editions (see ``diff``).

    ``added`` holds entries of ``edition_b`` absent from ``edition_a``; ``removed`` entries of
    ``edition_a`` absent from ``edition_b``; ``renamed`` triples ``(code, old_name, new_name)``
    where the exact official name changed.  All are in code order.
    """

    scheme: Scheme
    edition_a: int
    edition_b: int
    added: tuple[Code, ...]
    removed: tuple[Code, ...]
    renamed: tuple[tuple[str, str, str], ...]

    @property
    def unchanged(self) -> bool:
        """True when the two editions list the same codes with the same names."""
        return not (self.added or self.removed or self.renamed)

    def __bool__(self) -> bool:
        return not self.unchanged


@frozen
class Supplement:
    """A user-supplied file of codes govfin lacks, read and checked (see ``load_supplement``).

    ``entries`` are the codes it adds (each with ``supplement`` = ``"FILE:LINE"``), in code
    order; ``restated`` the codes it lists that govfin already has under the same name (a
    supplement may be a whole official list); ``complete`` the 类/款 it declares complete
    (``None``: the list of 类), from its ``# complete:`` lines.  ``sha256`` identifies the
    content, so the same file is never put in force twice.  Plain, picklable data: batch
    workers receive it as it is (no file is read again there).
    """

    path: str
    scheme: Scheme
    edition: int
    entries: tuple[Code, ...]
    restated: tuple[str, ...] = ()
    complete: frozenset[str | None] = frozenset()
    sha256: str = ""

    def to_dict(self) -> dict[str, object]:
        """Plain data for the JSON report: which file, for which list, adding what."""
        return {
            "path": self.path,
            "scheme": self.scheme.value,
            "edition": self.edition,
            "sha256": self.sha256,
            "added": [c.code for c in self.entries],
            "restated": len(self.restated),
            "complete": sorted("类" if c is None else c for c in self.complete),
        }

    def __str__(self) -> str:
        done = sorted("类" if c is None else c for c in self.complete)
        return (
            f"{self.path} ({self.scheme.value} {self.edition}: {len(self.entries)} code(s) added"
            + (f", {len(self.restated)} already known" if self.restated else "")
            + (f", complete: {' '.join(done)}" if done else "")
            + ")"
        )
