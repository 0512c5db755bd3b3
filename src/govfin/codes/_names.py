"""Normalisation of printed 科目 names."""

from __future__ import annotations

import re

from govfin.errors import ArgumentTypeError

__all__ = ["normalize_name"]

#: Half-width brackets map to the full-width ones the official list uses.
_BRACKETS = str.maketrans({"(": "（", ")": "）"})

#: White space (``\s`` is exactly :meth:`str.isspace`), and the invisible characters that PDF
#: and word-processor exports leave inside wrapped cells.
_DROPPED = re.compile(r"[\s\u200b\u2060\ufeff]+")


#: A leading list ordinal: 一、 十八、 （一） (1) 1. 1、
_ORDINAL = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十\d]+）|\d{1,2}[、.．](?!\d))")


def normalize_name(name: str) -> str:
    """Canonical form of a 科目 name for comparison.

    Only differences that carry no meaning are removed:

    - every whitespace character, including full-width spaces (U+3000), no-break spaces and
      the line breaks a wrapped table cell leaves inside a name, plus zero-width spaces,
      word joiners and byte-order marks;
    - half-width brackets ``()`` become the full-width ``（）`` of the official list;
    - a leading list ordinal a table prints before a 类 name ("一、", "（一）", "1."), which is
      the table's numbering, not part of the name.

    Everything else (other punctuation, full-width letters or digits, variant characters) is
    kept, so it still counts as a difference.

    >>> normalize_name("政府办公厅(室)及相关\\n机构事务")
    '政府办公厅（室）及相关机构事务'
    >>> normalize_name("十八、住房保障支出")
    '住房保障支出'
    """
    if not isinstance(name, str):
        raise ArgumentTypeError(f"name must be a str, not {type(name).__name__}")
    return _ORDINAL.sub("", _DROPPED.sub("", name).translate(_BRACKETS))
