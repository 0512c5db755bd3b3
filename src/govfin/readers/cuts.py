"""Where a document is more or less than one document: printed several times over in one
file, or ending before parts its contents list.

Both are told from the lines alone, before or after reading, in time linear in the input:
:func:`find_copies` finds the period of a text that repeats itself (page numbers aside, a few
lines in fifty may differ); :func:`missing_parts` compares the parts a table of contents lists
("第五部分 附件") with the part headings the document prints.  :mod:`govfin.readers.problems`
reports what they find (``READ-repeated``, ``READ-cut``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from govfin.readers.lines import Line, is_page_number

__all__ = ["find_copies", "missing_parts", "part_number"]


#: How many candidate periods are tried (each costs one pass over the lines).
_CANDIDATES = 5


def find_copies(lines: Sequence[Line]) -> tuple[int, int, tuple[int, ...]] | None:
    """(number of copies, index in ``lines`` where the second copy starts, line numbers where a
    later copy differs from the first) when the text is one document printed several times over
    — the same non-blank lines again and again, page numbers aside, at most a few lines in 50
    different; the last copy may be cut short — else None.  Linear in the input.

    >>> doc = [Line(i, t) for i, t in enumerate(["封面", "表1\t2", "", "说明。"] * 3, 1)]
    >>> find_copies(doc)
    (3, 4, ())
    >>> find_copies(doc[:6]) is None  # one copy and a half: not two whole copies
    True
    """
    texts: list[str] = []
    index: list[int] = []
    for i, ln in enumerate(lines):
        if ln.blank or is_page_number(ln):
            continue
        texts.append(ln.squashed)
        index.append(i)
    if len(texts) < 4:
        return None
    first = texts[0]
    tried = 0
    for k in range(1, len(texts) // 2 + 1):
        if texts[k] != first:
            continue
        tried += 1
        allowed = max(2, (len(texts) - k) // _DIFFERING)
        differ: list[int] = []
        for j in range(k, len(texts)):
            if texts[j] != texts[j - k]:
                differ.append(lines[index[j]].number)
                if len(differ) > allowed:
                    break
        else:
            copies = len(texts) // k
            return (copies, index[k], tuple(differ)) if copies >= 2 else None
        if tried >= _CANDIDATES:
            break
    return None


#: A repeated document's copies may differ in one line in this many (else: not copies).
_DIFFERING = 50


def missing_parts(listed: Sequence[str], found: Iterable[str]) -> list[str]:
    """The parts the contents list (``"第五部分 附件"``…, in order) that the document does not
    reach: the listed parts after the last one found (none when the last listed is found)."""
    found = set(found)
    keys = [part_number(t) for t in listed]
    have = [i for i, k in enumerate(keys) if k is not None and k in found]
    if not have or keys[-1] in found:
        return []
    return [t for t, k in zip(listed[have[-1] + 1 :], keys[have[-1] + 1 :], strict=True) if k]


_PART_NUMBER = re.compile(r"^第([一二三四五六七八九十]+)部分")


def part_number(text: str) -> str | None:
    """The numeral of a part heading ("第三部分情况说明" -> "三"), or None."""
    m = _PART_NUMBER.match(text)
    return m.group(1) if m else None
