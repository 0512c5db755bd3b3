"""Source lines, their cells, and the read log that accounts for every line.

A published disclosure reaches govfin as text extracted from a PDF: one printed row per line,
cells separated by tabs.  :class:`Line` keeps a line's number and text and its cells with
white space trimmed.  The reader files every non-blank line in the :class:`ReadLog` under a
:class:`LineKind`, so that nothing in the input is lost silently.

The helpers here are plain string tests (no regular expression with nested repetition), so
classifying a line costs time linear in its length.
"""

from __future__ import annotations

import enum
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, cast

import attrs

from govfin._lazy import frozen, lazy_pattern
from govfin.readers.errors import ReadError, UnrecognisedLineError

if TYPE_CHECKING:  # (the PDF and Excel row layer: not loaded to read a text)
    from govfin.readers.source import SourceRow

__all__ = [
    "BLANK_LINE_CHARS",
    "FULL_WIDTH",
    "Line",
    "LineKind",
    "LogBuilder",
    "LogEntry",
    "ReadLog",
    "ascii_digits",
    "clean",
    "has_cjk",
    "is_number",
    "is_page_number",
    "split_lines",
    "squash",
    "strip_enumerator",
    "to_fullwidth_brackets",
    "translator",
    "unify_ideographs",
]

#: Characters trimmed from both ends of a cell (ASCII white space, ideographic space, NBSP).
BLANK_LINE_CHARS = " \t\r\n\f\v\u3000\xa0\ufeff"

_PLAIN_NUMBER = lazy_pattern(r"[+-]?\d+(?:\.\d+)?")

#: Leading enumerators of printed labels: 一、 （一） (一) 1. 1、 1． (1) ① - •
_ENUMERATOR = re.compile(
    r"^(?:"
    r"[一二三四五六七八九十百]+[、.．]"
    r"|[（(][一二三四五六七八九十百]+[)）]"
    r"|[（(]\d{1,3}[)）]"
    r"|\d{1,3}(?:[、．]|\.(?!\d))"
    r"|[①②③④⑤⑥⑦⑧⑨⑩]"
    r"|[-•·]"
    r")[\s\u3000]*"
)


def clean(cell: str) -> str:
    """A cell with surrounding white space (including 全角 space and NBSP) removed."""
    return cell.strip(BLANK_LINE_CHARS)


def squash(text: str) -> str:
    """Text with every white-space character removed (for matching labels and titles)."""
    if " " not in text and text.isprintable():
        return text  # the ASCII space is the only printable white space; the BOM is not printable
    # str.split() splits at exactly the characters of str.isspace() (regex \s), twice as fast
    # as a substitution; the byte-order mark is not one of them.
    s = "".join(text.split())
    return s.replace("\ufeff", "") if "\ufeff" in s else s


def has_cjk(text: str) -> bool:
    r"""True when the text holds a Chinese character (U+3400–U+9FFF, U+F900–U+FAFF).

    A character test, not a regular expression: compiling ``[\u3400-\u9fff]`` visits each of
    its 27,000 characters (1.5 ms at start-up), far more than the short cells tested here.

    >>> has_cjk("合计"), has_cjk("（1）"), has_cjk("1,234.00"), has_cjk("\uf900"), has_cjk("ａ")
    (True, False, False, True, False)
    """
    if text.isascii():  # a flag, no scan
        return False
    return any("\u3400" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff" for c in text)


def is_number(text: str) -> bool:
    """True for a plain decimal literal such as ``"20"`` or ``"59.99"`` (no sign words)."""
    return _PLAIN_NUMBER.fullmatch(text) is not None


#: A page number printed at a page's foot or head: "3", "- 3 -", "—3—", "第3页", "3/20", "(3)".
_PAGE_NUMBER = re.compile(
    r"(?:[-—－–·]*\d{1,4}[-—－–·]*|第\d{1,4}页(?:共\d{1,4}页)?|\d{1,4}/\d{1,4}|[(（]\d{1,4}[)）])"
)


def is_page_number(line: Line) -> bool:
    r"""True for a line that is nothing but a page number ("- 3 -", "3", "第3页", "3/20"):
    page layout, not data, wherever it stands (between rows, tables or paragraphs).

    A row of a paged source (a PDF) counts when it has one non-empty cell; a line of text
    only when it has no tab at all, since a text table's row with one amount in it and its
    label missing ("\t\t3") is a row, not a page number.

    >>> [is_page_number(Line(1, t)) for t in ("- 3 -", "3", "第3页", "3/20", "—12—", "（3）")]
    [True, True, True, True, True, True]
    >>> [is_page_number(Line(1, t)) for t in ("\t3", "3\t", "3.5", "2024年", "合计")]
    [False, False, False, False, False]
    """
    if line.origin is None and len(line.cells) != 1:
        return False
    return line.single and page_number_text(line.squashed)


def page_number_text(text: str) -> bool:
    """Is ``text`` (squashed) nothing but a page number?

    >>> page_number_text("-3-"), page_number_text("第3页共20页"), page_number_text("2024")
    (True, True, True)
    """
    return _PAGE_NUMBER.fullmatch(text) is not None


def strip_enumerator(label: str) -> str:
    """A label without its leading enumerator: ``"一、一般公共服务支出"`` -> ``"一般公共服务支出"``."""
    s = clean(label)
    m = _ENUMERATOR.match(s)
    return clean(s[m.end() :]) if m else s


def translator(mapping: Mapping[str, str | None]) -> Callable[[str], str]:
    """A function translating text by ``mapping`` (each character to a string, or to nothing
    for None), as :meth:`str.translate` does.

    ``str.translate`` looks every character of a Chinese text up in its table; the function
    first searches for the characters to replace, and most texts hold none of them.
    """
    table = str.maketrans(dict(mapping))
    found = re.compile("[" + re.escape("".join(mapping)) + "]").search

    def translate(text: str) -> str:
        return text.translate(table) if found(text) else text

    return translate


#: Half-width brackets, colon, comma and semicolon, and their full-width forms.
FULL_WIDTH = {"(": "（", ")": "）", ":": "：", ",": "，", ";": "；"}
_to_full = translator(FULL_WIDTH)


#: Full-width digits and the signs of a number (U+FF10–FF19, ．，－＋) as ASCII: some WPS and
#: Word exports print amounts so ("３４０．１８").
_ASCII_DIGITS = translator({chr(0xFF10 + d): str(d) for d in range(10)}
                           | {"．": ".", "，": ",", "－": "-", "＋": "+"})


def ascii_digits(text: str) -> str:
    """Full-width digits (and the point, comma and signs of a number) made ASCII.

    >>> ascii_digits("３４０．１８"), ascii_digits("１，２３４．５０"), ascii_digits("（１．２３）")
    ('340.18', '1,234.50', '（1.23）')
    """
    return _ASCII_DIGITS(text)


def to_fullwidth_brackets(text: str) -> str:
    """Half-width brackets (and colon, comma, semicolon) made full-width, for row keys."""
    return _to_full(text)


#: The C-simplified radicals (CJK Radicals Supplement) that are whole characters, as the
#: characters they stand for; Unicode gives them no compatibility mapping (the Unicode
#: character names, e.g. U+2ED3 CJK RADICAL C-SIMPLIFIED LONG, 长).
_RADICAL_CHARACTERS = {
    "\u2ea0": "民", "\u2ec5": "见", "\u2ec6": "角", "\u2ec9": "贝", "\u2ecb": "车",
    "\u2ed3": "长", "\u2ed4": "门", "\u2ed9": "韦", "\u2eda": "页", "\u2edb": "风",
    "\u2edc": "飞", "\u2ee2": "马", "\u2ee5": "鱼", "\u2ee6": "鸟", "\u2ee7": "卤",
    "\u2ee8": "麦", "\u2ee9": "黄", "\u2eea": "黾", "\u2eec": "齐", "\u2eee": "齿",
    "\u2ef0": "龙",
}  # fmt: skip
_RADICALS = lazy_pattern("[\u2e80-\u2fdf\uf900-\ufaff]")
_unified: dict[int, str] = {}


def unify_ideographs(text: str) -> str:
    """Text with the radical and compatibility forms of Chinese characters made the unified
    characters a person reads.

    Some PDF producers map the glyphs of common characters to the Kangxi radicals (U+2F00–2FD5)
    or the CJK Radicals Supplement (U+2E80–2EF3): the page shows 一般公共预算支出, its text layer
    holds "⼀般公共预算⽀出", and no title, label or name would match.  The Kangxi radicals and
    the CJK compatibility ideographs (U+F900–FAFF) take their Unicode compatibility mapping
    (NFKC); the supplement's simplified radicals that are whole characters take theirs by name.
    Nothing else changes (full-width brackets and digits stay as printed).

    >>> unify_ideographs("⼀般公共预算财政拨款⽀出决算表（⻓期）")
    '一般公共预算财政拨款支出决算表（长期）'
    >>> unify_ideographs("收入支出决算总表")
    '收入支出决算总表'
    """
    if _RADICALS.search(text) is None:
        return text
    if not _unified:
        import unicodedata

        for cp in (*range(0x2E80, 0x2FE0), *range(0xF900, 0xFB00)):
            c = chr(cp)
            form = _RADICAL_CHARACTERS.get(c) or unicodedata.normalize("NFKC", c)
            if form != c and len(form) == 1:
                _unified[cp] = form
    return text.translate(_unified)


def split_lines(text: str) -> list[str]:
    """The text's lines, accepting ``\\n``, ``\\r\\n`` and ``\\r`` endings; a BOM is dropped."""
    text = text.removeprefix("\ufeff")
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


@frozen(init=False)
class Line:
    """One source line: its 1-based ``number``, its ``text``, its trimmed ``cells``, and what
    the readers test every line for, computed once: the non-empty cells (``values``), their
    concatenation (``joined``) and that without white space (``squashed``), ``blank`` and
    ``single``.  Built from ``number`` and ``text`` alone; the rest is derived."""

    number: int
    text: str
    cells: tuple[str, ...] = attrs.field(init=False)
    #: The non-empty cells, in order.
    values: tuple[str, ...] = attrs.field(init=False, eq=False, repr=False)
    #: The non-empty cells joined by nothing: the line as one string for label tests.
    joined: str = attrs.field(init=False, eq=False, repr=False)
    #: ``squash(joined)``: the line without any white space, for title and label tests.
    squashed: str = attrs.field(init=False, eq=False, repr=False)
    #: True when the line holds nothing but white space.
    blank: bool = attrs.field(init=False, eq=False, repr=False)
    #: True when exactly one cell is non-empty (a title, a note, a narrative paragraph).
    single: bool = attrs.field(init=False, eq=False, repr=False)
    #: Where the line came from (file, page, sheet, boxes), when the source is not plain text.
    origin: SourceRow | None = attrs.field(default=None, eq=False, repr=False)

    def __init__(self, number: int, text: str, origin: SourceRow | None = None) -> None:
        if "\t" in text:
            split = text.split("\t")
            joined = text.replace("\t", "")
            if " " not in joined and joined.isprintable():
                # No white space but the tabs (every other white-space character, and the BOM,
                # is unprintable): no cell has anything to trim, nothing to squash.
                cells = tuple(split)
                squashed = joined
            else:
                cells = tuple([c.strip(BLANK_LINE_CHARS) for c in split])  # clean()
                joined = "".join(cells)
                squashed = squash(joined)
            values = tuple(filter(None, cells))
        else:  # one cell (prose, titles, blank lines): nothing to split or join
            joined = text.strip(BLANK_LINE_CHARS)
            cells = (joined,)
            values = cells if joined else ()
            squashed = squash(joined)
        # A read builds a Line per source line: the slots are written through their
        # descriptors, which costs less than object.__setattr__ (the class is frozen).
        _set_number(self, number)
        _set_text(self, text)
        _set_cells(self, cells)
        _set_values(self, values)
        _set_joined(self, joined)
        _set_squashed(self, squashed)
        _set_blank(self, not values)
        _set_single(self, len(values) == 1)
        _set_origin(self, origin)

    @classmethod
    def of_row(cls, number: int, row: SourceRow) -> Line:
        """The line of a source row: its cells joined by tabs (a tab or line break inside a
        cell is a space; a cell wrapped over lines is one cell)."""
        cells = [_cell_text(c) for c in row.cells]
        return cls(number, unify_ideographs("\t".join(cells)), row)

    @property
    def where(self) -> str:
        """The line's place for people: ``"a.pdf p.3"`` for a PDF row, ``"line 12"`` for text."""
        if self.origin is not None:
            return self.origin.where or f"line {self.number}"
        return f"line {self.number}"

    def cell(self, i: int) -> str:
        """Cell ``i`` (trimmed), or ``""`` past the end of the line."""
        return self.cells[i] if 0 <= i < len(self.cells) else ""

    def trimmed_width(self) -> int:
        """Number of cells up to the last non-empty one."""
        n = len(self.cells)
        while n and not self.cells[n - 1]:
            n -= 1
        return n


def _slot_setter(name: str) -> Callable[[Line, Any], None]:
    """The descriptor setter of one of :class:`Line`'s slots."""
    return cast(Callable[[Line, Any], None], getattr(Line, name).__set__)


_set_number = _slot_setter("number")
_set_text = _slot_setter("text")
_set_cells = _slot_setter("cells")
_set_values = _slot_setter("values")
_set_joined = _slot_setter("joined")
_set_squashed = _slot_setter("squashed")
_set_blank = _slot_setter("blank")
_set_single = _slot_setter("single")
_set_origin = _slot_setter("origin")


def _cell_text(cell: str) -> str:
    """A source cell as one line of text: line breaks inside it joined (none between two
    Chinese characters, a space elsewhere), tabs made spaces."""
    if "\n" not in cell and "\t" not in cell and "\r" not in cell:
        return cell
    parts = [p.strip(BLANK_LINE_CHARS) for p in split_lines(cell.replace("\t", " "))]
    out = ""
    for p in filter(None, parts):
        if out and not (has_cjk(out[-1]) and has_cjk(p[0])):
            out += " "
        out += p
    return out


class LineKind(enum.Enum):
    """What a non-blank source line was found to be."""

    TABLE_CELL = "table-cell"  #: consumed into a table row or an evaluation field
    BOILERPLATE = "boilerplate"  #: titles, 表号, 部门名称, 单位, headers, 栏次, notes, TOC
    NARRATIVE = "narrative"  #: prose: 情况说明, 名词解释, 概况, 绩效分析
    UNRECOGNISED = "unrecognised"  #: nothing the reader knows


# Without slots: attrs fills a frozen class that has a __dict__ by plain dict stores, a third
# cheaper than a slotted one's object.__setattr__ calls, and a read files an entry per line.
@frozen(slots=False)
class LogEntry:
    """How one source line was read: its kind, and the part of the document it belongs to."""

    line: int
    kind: LineKind
    text: str
    part: str | None = None  #: table kind, evaluation project, or narrative part
    note: str = ""  #: what exactly the line was taken for (``"header"``, ``"row 201"``...)
    #: The line's place in a paged source or workbook ("a.pdf p.3"); None for plain text.
    place: str | None = None

    def __str__(self) -> str:
        where = f" [{self.part}]" if self.part else ""
        note = f" ({self.note})" if self.note else ""
        at = f" {self.place}" if self.place else ""
        return f"{self.line:>5}{at} {self.kind.value:<12}{where}{note}: {self.text}"


@frozen
class ReadLog:
    """The account of a read: one entry per non-blank line, and every error met.

    ``entries`` are in line order.  ``errors`` holds the typed :class:`ReadError` objects a
    lenient read collected (a strict read raises the first instead).
    """

    entries: tuple[LogEntry, ...] = ()
    errors: tuple[ReadError, ...] = ()
    _by_line: dict[int, LogEntry] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_by_line", {e.line: e for e in self.entries})

    def __iter__(self) -> Iterator[LogEntry]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    @property
    def ok(self) -> bool:
        """No error was met."""
        return not self.errors

    def kind_of(self, line: int) -> LineKind | None:
        """The kind a line was filed under, or None for a blank (or unknown) line number."""
        e = self._by_line.get(line)
        return None if e is None else e.kind

    def entry(self, line: int) -> LogEntry | None:
        """The entry of a line, or None."""
        return self._by_line.get(line)

    def place_of(self, line: int) -> str | None:
        """Where a line is printed in a paged source or workbook ("a.pdf p.7"), or None."""
        e = self._by_line.get(line)
        return None if e is None else e.place

    def of_kind(self, kind: LineKind) -> tuple[LogEntry, ...]:
        return tuple(e for e in self.entries if e.kind is kind)

    @property
    def unrecognised(self) -> tuple[LogEntry, ...]:
        """Entries of lines the reader could not place."""
        return self.of_kind(LineKind.UNRECOGNISED)

    def counts(self) -> dict[str, int]:
        """Number of lines per kind (by kind value)."""
        c = Counter(e.kind.value for e in self.entries)
        return {k.value: c.get(k.value, 0) for k in LineKind}

    def unaccounted(self, text: str) -> tuple[int, ...]:
        """Line numbers of non-blank lines of ``text`` that have no entry (should be none)."""
        seen = {e.line for e in self.entries}
        return tuple(
            n
            for n, t in enumerate(split_lines(text), 1)
            if t.strip(BLANK_LINE_CHARS) and n not in seen
        )

    def to_text(self) -> str:
        """The whole log, one line per entry, then the errors and a summary."""
        out = [str(e) for e in self.entries]
        out.extend(f"error: {err}" for err in self.errors)
        counts = ", ".join(f"{v} {k}" for k, v in self.counts().items())
        out.append(f"{len(self.entries)} line(s): {counts}; {len(self.errors)} error(s)")
        return "\n".join(out)


class LogBuilder:
    """Collects log entries and errors during one read.

    ``strict`` makes :meth:`error` raise; otherwise errors are recorded and the read goes on.
    A line marked twice keeps its last mark (a block may re-file a line it first only
    provisionally placed).
    """

    def __init__(self, *, strict: bool, places: Mapping[int, str] | None = None):
        self.strict = strict
        #: Line number -> its place in a paged source ("a.pdf p.3"); empty for plain text.
        self.places: Mapping[int, str] = places or {}
        self._entries: dict[int, LogEntry] = {}
        self._errors: list[ReadError] = []

    def mark(self, line: Line, kind: LineKind, part: str | None = None, note: str = "") -> None:
        """File a non-blank line under ``kind``."""
        if line.blank:
            return
        place = line.origin.where if line.origin is not None else None
        self._entries[line.number] = LogEntry(line.number, kind, line.text, part, note, place)

    def error(self, err: ReadError) -> None:
        """Raise ``err`` in strict mode; record it otherwise.  An error at a line of a paged
        source is told its place (file and page)."""
        if err.line is not None and err.place is None and err.line in self.places:
            err.locate(self.places[err.line])
        if self.strict:
            raise err
        self._errors.append(err)

    @property
    def errors(self) -> list[ReadError]:
        """The errors recorded so far (in order)."""
        return self._errors

    def unrecognised(self, line: Line, part: str | None, *, in_table: bool) -> None:
        """File a line the reader cannot place; inside a table, strict mode raises."""
        self.mark(line, LineKind.UNRECOGNISED, part)
        if in_table and self.strict:
            raise UnrecognisedLineError(
                "line not recognised inside a table", line=line.number, text=line.text, where=part
            )

    def unmarked(self, lines: Iterable[Line]) -> list[Line]:
        """The non-blank lines among ``lines`` not filed yet."""
        entries = self._entries
        return [ln for ln in lines if not ln.blank and ln.number not in entries]

    def build(self) -> ReadLog:
        entries = self._entries
        return ReadLog(tuple(map(entries.__getitem__, sorted(entries))), tuple(self._errors))
