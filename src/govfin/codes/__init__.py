"""The expenditure classification lists of 《政府收支分类科目》, by edition.

An *edition* is the year of the list (《2024年政府收支分类科目》 is edition 2024); govfin calls it
``edition`` everywhere, and ``year`` only ever means the year of a document.

Three schemes are shipped; the first digit of a code decides which one it belongs to:

- ``2xx`` **functional** — 支出功能分类科目: 类 (3 digits) / 款 (5) / 项 (7);
- ``3xx`` **economic** — 部门预算支出经济分类科目: 类 (3) / 款 (5);
- ``5xx`` **economic-gov** — 政府预算支出经济分类科目: 类 (3) / 款 (5).

Every query takes an ``edition`` (default :data:`DEFAULT_EDITION`, 2024); :func:`editions`
lists what is shipped.  Codes are strings (``"2010350"``, never ``2010350``)::

    >>> from govfin import codes
    >>> codes.lookup("2010350").name
    '事业运行'
    >>> [str(c) for c in codes.ancestors("2010350")]
    ['201 一般公共服务支出', '20103 政府办公厅（室）及相关机构事务']
    >>> codes.check_name("20103", "政府办公厅(室)及相关机构事务").ok
    True

Data is read lazily: importing this module reads nothing; the first query of a scheme and
edition parses that one file, once.

Codes govfin lacks can be added from a file the user holds (a *supplement*, in the format of
``data/codes``): :func:`load_supplement`, ``govfin check --codes FILE``, or the environment
variable ``GOVFIN_CODES``; see "Adding codes govfin lacks" in ``docs/classification.md``.  What the shipped files cover, and what they deliberately
leave out, is described in ``docs/classification.md`` and in each file's header.
"""

from __future__ import annotations

from ._model import (
    DEFAULT_EDITION,
    Code,
    CodeCheck,
    CodeError,
    CodeTypeError,
    EditionDiff,
    Level,
    MalformedCodeError,
    MalformedSupplementError,
    NameCheck,
    Scheme,
    Supplement,
    SupplementConflictError,
    SupplementError,
    UnknownCodeError,
    UnknownEditionError,
    level_of,
    scheme_of,
)
from ._names import normalize_name
from ._registry import (
    all_codes,
    ancestors,
    check_code,
    check_name,
    children,
    complete_under,
    descendants,
    diff,
    edition_for,
    editions,
    exists,
    find_by_name,
    generation,
    get,
    lookup,
    name_matches,
    parent,
    require_edition,
    roots,
    search,
)
from ._supplement import (
    ENVIRONMENT_VARIABLE,
    load_supplement,
    read_supplement,
    remove_supplements,
    supplemented,
    supplements,
    use_supplements,
)

__all__ = [
    "DEFAULT_EDITION",
    "ENVIRONMENT_VARIABLE",
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
    "level_of",
    "load_supplement",
    "lookup",
    "name_matches",
    "normalize_name",
    "parent",
    "read_supplement",
    "remove_supplements",
    "require_edition",
    "roots",
    "scheme_of",
    "search",
    "supplemented",
    "supplements",
    "use_supplements",
]
