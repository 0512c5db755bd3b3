"""Printed text of a PDF page: characters grouped into lines, lines cut into cells.

Shared by the layout of ruled tables (:mod:`._layout`) and of tables without ruling lines
(:mod:`._unruled`).  A character is a plain tuple ``(text, x0, top, x1, bottom, size)`` in points
from the page's top-left corner.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..source import Box

# Char: (text, x0, top, x1, bottom, size) -- a plain tuple: pages hold thousands of them.
Char = tuple[str, float, float, float, float, float]

SPACE_GAP = 0.25  # a gap wider than this share of the font size is a space
_CELL_GAP = 2.0  # a gap wider than this many font sizes splits a text line into cells


@dataclass
class Item:
    """One output row before ranking: its top (for ordering), cells and boxes."""

    top: float
    left: float
    cells: list[str]
    boxes: list[Box | None]
    #: The printed text lines it is made of, each its characters (None for a ruled row).
    lines: list[list[Char]] | None = None


_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]")


def joiner(left: str, right: str) -> str:
    """What joins two pieces of text of one cell printed on two lines: "" or " ".

    >>> joiner("人大事务及其他一般", "公共服务支出"), joiner("Other general", "public services")
    ('', ' ')
    """
    if not left or not right:
        return ""
    if _CJK.match(left[-1]) or _CJK.match(right[0]):
        return ""
    return " "


def printed_lines(chars: Sequence[Char]) -> list[list[Char]]:
    """Group characters into printed lines (by vertical overlap), each sorted left to right."""
    lines: list[list[Char]] = []
    spans: list[tuple[float, float]] = []
    for ch in sorted(chars, key=lambda c: (c[2] + c[4], c[1])):
        mid = (ch[2] + ch[4]) / 2
        for i in range(len(lines) - 1, max(len(lines) - 4, -1), -1):
            top, bottom = spans[i]
            if top <= mid <= bottom:
                lines[i].append(ch)
                break
        else:
            lines.append([ch])
            spans.append((ch[2], ch[4]))
    for line in lines:
        line.sort(key=lambda c: c[1])
    lines.sort(key=lambda ln: min(c[2] for c in ln))
    return lines


def line_text(line: Sequence[Char]) -> str:
    """The text of one printed line: a space where the PDF has one or where a gap is wide."""
    out: list[str] = []
    prev: Char | None = None
    space = False
    for ch in line:
        if ch[0] == " ":
            space = prev is not None
            continue
        if prev is not None and (space or ch[1] - prev[3] > SPACE_GAP * max(ch[5], prev[5], 1.0)):
            out.append(" ")
        out.append(ch[0])
        prev, space = ch, False
    return "".join(out)


def cell_text(chars: Sequence[Char]) -> str:
    text = ""
    for line in printed_lines(chars):
        piece = line_text(line)
        text = text + joiner(text, piece) + piece if text else piece
    return text


def text_box(chars: Iterable[Char]) -> Box:
    cs = [c for c in chars if c[0] != " "]
    return Box(min(c[1] for c in cs), min(c[2] for c in cs), max(c[3] for c in cs),
               max(c[4] for c in cs))


def split_line(line: Sequence[Char], spaced: bool = True) -> list[list[Char]]:
    """Split one printed line into cells at gaps wider than :data:`_CELL_GAP` font sizes.

    Space characters (Word pads with them) neither open a cell nor bridge a gap.  With
    ``spaced``, a line of single characters far apart is one letter-spaced word ("目    录");
    without, every piece stays apart (the header step places each under its column).
    """
    pieces: list[list[Char]] = []
    prev: Char | None = None
    for ch in line:
        if ch[0] == " ":
            if pieces:
                pieces[-1].append(ch)
            continue
        if prev is None or ch[1] - prev[3] > _CELL_GAP * max(ch[5], prev[5], 1.0):
            pieces.append([ch])
        else:
            pieces[-1].append(ch)
        prev = ch
    pieces = [[c for c in p] for p in pieces]
    if spaced and len(pieces) > 1 and all(sum(c[0] != " " for c in p) == 1 for p in pieces):
        return [[c for p in pieces for c in p]]  # one letter-spaced word ("目    录")
    return pieces
