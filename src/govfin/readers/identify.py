"""Telling what a line of a table block is: front matter, a title, a header row.

A table block (see :mod:`govfin.readers.tables`) opens with front matter — the title, the
number ("公开01表", possibly split "公开02" / "表"), "部门名称：…", the year ("2024年度"), the
unit ("金额单位：万元") — then header rows.  This module recognises each, and tells a table's
kind from its title (:func:`identify_title`) or from its header rows
(:func:`identify_by_header`); never from its number or position.

Every pattern here is anchored and free of nested repetition: matching is linear.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from govfin._lazy import frozen
from govfin.amounts import AmountError, Unit, parse_amount
from govfin.readers.lines import FULL_WIDTH, Line, has_cjk, squash, translator
from govfin.tables import (
    BasicExpenditureDetail,
    DisclosureInfoTable,
    FiscalAppropriationSummary,
    FunctionalTable,
    IncomeExpenditureSummary,
    IncomeTable,
    Table,
    ThreePublicTable,
    kind_after_name,
    kind_for_title,
    normalize_title,
)
from govfin.tables.budget import budget_kind_for_title, title_candidates

__all__ = [
    "CODE",
    "NOTE",
    "PAREN_SUFFIX",
    "PART_MARK",
    "YEAR_SUFFIX",
    "budget_kind_by_header",
    "column_for",
    "column_names",
    "header_like",
    "identify_by_header",
    "identify_title",
    "is_numbering",
    "is_plain_amount",
    "is_table_number",
    "leading_headers",
    "merged_header",
    "norm_column",
    "other_unit",
    "parse_department",
    "parse_unit",
    "parse_year",
    "part_columns",
    "printed_names",
    "same_layout",
]

#: A table-number line: "公开01表", "公开02" (its "表" on the next line), "公开3号表", "表3",
#: "03表".  A bare number is not one (it may be a page number).
_NUMBER = re.compile(
    r"^公开(\d{1,2})号?表?$|^表(\d{1,2})$|^(\d{1,2})表$|^表([一二三四五六七八九十]{1,3})$"
)
_CN_DIGITS = {c: i for i, c in enumerate("一二三四五六七八九十", 1)}


def _cn_number(text: str) -> str:
    """"三" -> "3", "十二" -> "12" (the numbers tables are given: one to twenty)."""
    if text.startswith("十"):
        return str(10 + (_CN_DIGITS.get(text[1:], 0) if len(text) > 1 else 0))
    if len(text) == 3 and text[1] == "十":  # 二十一
        return str(_CN_DIGITS[text[0]] * 10 + _CN_DIGITS[text[2]])
    if len(text) == 2 and text[1] == "十":  # 二十
        return str(_CN_DIGITS[text[0]] * 10)
    return str(_CN_DIGITS[text])
_YEAR = re.compile(r"^[(（]?(\d{4})年度?[)）]?$")
YEAR_SUFFIX = re.compile(r"(\d{4})年度?$")
_UNIT = re.compile(r"^(?:金额)?单位[:：](万元|千元|元)$")
#: A unit line of a unit no table kind is read in (a table so printed is left unread).
_OTHER_UNIT = re.compile(r"^(?:金额)?单位[:：](百元|百万元|千万元|亿元)$")
_DEPT = re.compile(
    r"^(?:部门|单位|编制部门|编制单位|预算主管部门|主管部门|预算单位)(?:名称)?[:：](.*)$"
)
NOTE = re.compile(r"^(?:注|说明|备注|附注)\d?[:：]")
CODE = re.compile(r"^\d{3}(?:\d{2}){0,2}$")
PAREN_SUFFIX = re.compile(r"[（(][^（）()]*[)）]$")


def is_table_number(text: str) -> str | None:
    """The two-digit number of a table-number line ("公开01表", "公开 02", "表3"), or None."""
    return _table_number(squash(text))


def _table_number(squashed: str) -> str | None:
    """:func:`is_table_number` of text already without white space (a line's ``squashed``)."""
    m = _NUMBER.match(squashed)
    if not m:
        return None
    digits = next(g for g in m.groups() if g)
    if not digits.isdigit():
        digits = _cn_number(digits)
    return digits.zfill(2)


def parse_year(text: str) -> int | None:
    """The year of a year line ("2024年度", "(2024年度)"), or None."""
    m = _YEAR.match(squash(text))
    return int(m.group(1)) if m else None


def parse_unit(text: str) -> Unit | None:
    """The unit of a unit line ("金额单位：万元", "单位：元"), or None."""
    m = _UNIT.match(squash(text))
    if not m:
        return None
    return Unit(m.group(1))


def other_unit(text: str) -> str | None:
    """The unit of a unit line govfin reads no table in ("单位：亿元" -> "亿元"), or None."""
    m = _OTHER_UNIT.match(squash(text))
    return m.group(1) if m else None


def parse_department(text: str) -> str | None:
    """The value of a "部门名称：…" / "单位名称：…" line (may be empty), or None."""
    m = _DEPT.match(text.strip())
    return m.group(1).strip() if m else None


_TITLE_ENUMERATOR = re.compile(r"^(?:附表|表)?[一二三四五六七八九十\d]{1,3}[、.．:：]")
_TITLE_REMARK = re.compile(r"[（(](?:公开\d{1,2}表|单位[:：]?万?元|金额单位[:：]?万?元)[)）]$")
_TITLE_NUMBER = re.compile(r"^公开\d{1,2}号?表|公开\d{1,2}号?表$")
#: Longest title considered (a longer line is prose, not a title).
_MAX_TITLE = 80


#: Single quotes and corner brackets some regions print around 三公: read as double quotes.
_double_quotes = translator(
    {"‘": "“", "’": "”", "'": '"', "「": "“", "」": "”", "『": "“", "』": "”"}
)


def _strip_title(squashed: str) -> str:
    """A squashed title line without a leading enumerator, 表号 and unit remark (quotes made
    double)."""
    t = _TITLE_ENUMERATOR.sub("", _double_quotes(squashed))
    t = _TITLE_REMARK.sub("", t)
    return _TITLE_NUMBER.sub("", t)


def identify_title(text: str, department: str | None = None) -> type[Table] | None:
    """The table kind a printed title names, or None.

    Accepts the variants regions print: with or without "公开NN表", a leading enumerator, a
    year, the department's name or 部门/单位 in front; the kinds' own title variants
    ("一般公共预算" in front of the 三公 title), half- or full-width brackets and quotes are
    :func:`govfin.tables.kind_for_title`'s; single quotes and corner brackets (‘三公’, 「三公」)
    are read as double quotes here.
    """
    if len(text) > 2 * _MAX_TITLE:
        return None
    return _TitleReader(department).kind(squash(text))


class _TitleReader:
    """:func:`identify_title` for the lines of one read: the registered kinds' titles and the
    squashed department are looked up once, not once per line."""

    def __init__(self, department: str | None):
        self.titles = _known_titles(tuple(Table.KINDS.values()))
        self.department = squash(department) if department else ""

    def of_line(self, line: Line) -> type[Table] | None:
        """The kind a single line's text names (told from its ``squashed`` form), or None."""
        if len(line.joined) > 2 * _MAX_TITLE:
            return None
        return self.kind(line.squashed)

    def kind(self, s: str) -> type[Table] | None:
        """The kind a title already squashed (``s``) names, or None."""
        titles = self.titles
        if not s.endswith(titles.endings):
            return None  # most single lines (prose, notes) are told by their last character
        t = _strip_title(s)
        if not t or len(t) > _MAX_TITLE:
            return None
        candidates = [t]
        d = self.department
        if d and t.startswith(d):
            candidates.append(t[len(d) :])
        for c in list(candidates):
            candidates.extend(c[2:] for prefix in ("部门", "单位") if c.startswith(prefix))
        for c in candidates:
            # Only a candidate naming some kind is worth asking every kind about.
            if normalize_title(c) in titles.normalized:
                return kind_for_title(c)
        if "预算" in t:  # a 部门预算 title: "一、2017年度江苏省高级人民法院部门收支预算总表"
            kind = budget_kind_for_title(t)
            if kind is not None:
                return kind
        return kind_after_name(t)  # a name in front: "泸州市中医医院收入支出决算总表"


#: Characters read alike at the end of a title (bracket widths, quote styles).
_ALIKE = {")": ")）", '"': "\"“”＂'‘’「」『』"}
#: Last characters of what is cut off a title's end before it is compared: "公开NN表", a
#: year ("2024年", "2024年度", "（2024年度）"), a bracketed remark ("（单位：万元）").
_NOISE_ENDINGS = "表年度)）"


@frozen
class _KnownTitles:
    #: Every title the kinds accept, normalised as :meth:`Table.matches_title` does.
    normalized: frozenset[str]
    #: The characters a title line can end with (for :meth:`str.endswith`).
    endings: tuple[str, ...]


@functools.lru_cache(maxsize=4)
def _known_titles(kinds: tuple[type[Table], ...]) -> _KnownTitles:
    """The titles of ``kinds`` (computed once per set of registered kinds)."""
    normalized = frozenset(normalize_title(t) for k in kinds for t in (k.KIND, *k.TITLES))
    last = {t[-1] for t in normalized if t}
    endings = set(_NOISE_ENDINGS).union(*(_ALIKE.get(c, c) for c in last))
    return _KnownTitles(normalized, tuple(sorted(endings)))


_HEADER_WORDS = frozenset(
    {
        "项目", "行次", "金额", "栏次", "科目代码", "科目名称", "科目编码", "功能分类科目编码",
        "功能分类科目名称", "经济分类科目编码", "经济分类科目名称", "类", "款", "项", "收入",
        "支出", "本年支出", "本年收入", "决算数", "预算数", "统计数", "人员经费", "公用经费",
        "小计", "编码", "名称", "单位", "数量",
        # the two sides of 公开04 named so (上海市普陀区生态环境局 2025 决算)
        "收入决算数", "支出决算数",
        # the code and the name printed in one column (Excel/WPS exports)
        "科目编码及名称", "科目代码及名称", "功能分类科目编码及名称", "编码及名称",
    }
)  # fmt: skip


#: Half-width punctuation made full-width, double quotes removed.
_norm_punctuation = translator({**FULL_WIDTH, '"': None, "“": None, "”": None})


def norm_column(text: str) -> str:
    """A header or column name compared loosely: no spaces, full-width brackets, no quotes."""
    return _norm_punctuation(squash(text))


@functools.lru_cache(maxsize=64)
def _norm_columns(columns: tuple[str, ...]) -> tuple[str, ...]:
    """A kind's model columns, each :func:`norm_column`-ed (once per kind)."""
    return tuple(norm_column(c) for c in columns)


def is_numbering(line: Line) -> bool:
    """True for a column-numbering row: the non-empty cells are 1, 2, 3, … in order."""
    vals = line.values
    if "栏次" in vals:
        vals = tuple(v for v in vals if v != "栏次")
    if len(vals) < 2 or not all(map(str.isdigit, vals)):
        return False
    return [int(v) for v in vals] == list(range(int(vals[0]), int(vals[0]) + len(vals)))


def header_like(line: Line, columns: Sequence[str] = ()) -> bool:
    """True when a line reads as a header row of a table with these columns."""
    if is_numbering(line):
        return True
    names = _norm_columns(tuple(columns))
    for v in line.values:
        s = norm_column(v)
        if s in _HEADER_WORDS or s in names or any(s and s in n for n in names):
            return True
    return False


def printed_names(column: str) -> frozenset[str]:
    """The printed (merged) header names, :func:`norm_column`-ed, that denote a model column:
    a printed name ``p`` denotes ``column`` when ``norm_column(p) in printed_names(column)``."""
    return _printed_names(norm_column(column))


def column_names(kind: type[Table], column: str) -> frozenset[str]:
    """The printed (merged, :func:`norm_column`-ed) header names that denote ``column`` of
    ``kind``: :func:`printed_names` of the column and of each of the kind's
    :attr:`~govfin.tables.Table.COLUMN_ALIASES` for it.

    >>> from govfin.tables import GovernmentFundTable
    >>> "年初结转结余" in column_names(GovernmentFundTable, "年初结转和结余")
    True
    """
    return _column_names(kind, column)


#: :func:`column_names` computed so far, by kind and column (the kinds are fixed classes).
_COLUMN_NAMES: dict[tuple[type[Table], str], frozenset[str]] = {}


def _column_names(kind: type[Table], column: str) -> frozenset[str]:
    names = _COLUMN_NAMES.get((kind, column))
    if names is None:
        found = set(printed_names(column))
        for alias in kind.COLUMN_ALIASES.get(column, ()):
            found |= printed_names(alias)
        names = _COLUMN_NAMES[(kind, column)] = frozenset(found)
    return names


def column_for(kind: type[Table], printed: str) -> str | None:
    """The model column of ``kind`` a printed (merged) header name denotes, or None.

    >>> from govfin.tables import GeneralBudgetExpenditureTable as T05
    >>> column_for(T05, "本年支出小计"), column_for(T05, "项目支出"), column_for(T05, "会议费")
    ('合计', '项目支出', None)

    The kind's optional columns too (a "其中" column, named with or without "其中："):

    >>> column_for(T05, "其中：人员经费"), column_for(T05, "公用经费")
    ('人员经费', '公用经费')
    """
    p = norm_column(printed)
    return next((c for c in kind.all_columns() if p in column_names(kind, c)), None)


_PRINTED_PREFIXES = ("本年支出", "本年收入", "本年")


@functools.lru_cache(maxsize=256)
def _printed_names(c: str) -> frozenset[str]:
    """Every printed (merged, :func:`norm_column`-ed) header name that denotes the model column
    ``c``: itself, and under it 小计 or 合计 (a group label over its own subtotal:
    "财政拨款收入" over "小计"); after "本年支出"/"本年收入"/"本年", also with 合计 printed as
    小计; its 合计 printed as 小计 ("小计" for "合计"); a part of the column before it printed
    after "其中：" ("其中：人员经费")."""
    names = {c, c + "小计", c + "合计", "其中：" + c, "其中" + c}  # a group label over its own subtotal ("财政拨款收入"/"小计")
    for prefix in _PRINTED_PREFIXES:
        names.update((prefix + c, prefix + c.replace("合计", "小计")))
    if c.endswith("合计"):
        names.add(c[:-2] + "小计")
    elif c.endswith("小计"):
        names.add(c[:-2] + "合计")
    return frozenset(names)


def distinct_headers(headers: Sequence[Line]) -> list[Line]:
    """The header lines without the repeats of one printed before: a header row printed twice
    in a row (上海市普陀区建设和管理委员会 2026 预算, 收入预算总表: its 功能分类科目编码 and 类/款/项
    rows twice on the first page) names its columns once."""
    seen: set[tuple[str, ...]] = set()
    out: list[Line] = []
    for h in headers:
        cells = tuple(squash(c) for c in h.cells)
        if cells in seen:
            continue
        seen.add(cells)
        out.append(h)
    return out


def merged_header(headers: Sequence[Line], width: int) -> list[str]:
    """Column names formed by joining each column's header cells top to bottom (a repeated
    header row once, see :func:`distinct_headers`)."""
    names = ["" for _ in range(width)]
    for h in distinct_headers(headers):
        if is_numbering(h):
            continue
        for i in range(min(width, len(h.cells))):
            names[i] += squash(h.cells[i])
    return names


#: What a form prints over a column that is a part of another: "其中" ("of which").  A label
#: beginning so ("其中：政府采购"), or a bare "其中" over a group of columns, marks a part.
PART_MARK = "其中"


def part_columns(
    kind: type[Table], headers: Sequence[Line], width: int, start: int = 2
) -> frozenset[int]:
    """The printed columns (positions ``start`` … ``width - 1``) the header marks as a "其中" — a
    part — of a column printed before them, by the form's own words:

    - its label begins with "其中" ("其中：政府采购", "其中:上年结转");
    - it sits under a bare "其中" group label (a cell "其中" or "其中：" whose row is blank over
      the column, the column named on a row below, as is every column between);
    - it is a sub-label printed right after a modelled 其中 column on the same row, under one
      group label ("基本支出" over "小计 | 其中：人员经费 | 公用经费").

    A column named as a money column of some kind of the family ("经营支出" printed beside a
    group) is never taken for a part by position (the last two marks); a part needs a named
    column before it.  Whether a column is modelled is the caller's question: this says only
    what the header marks.

    >>> from govfin.tables import GeneralBudgetExpenditureTable as T05
    >>> h = [Line(1, "科目编码\\t科目名称\\t合计\\t基本支出\\t项目支出\\t其中：政府采购")]
    >>> sorted(part_columns(T05, h, 6))
    [5]
    >>> h = [Line(1, "\\t\\t合计\\t基本支出\\t项目支出\\t\\t"),
    ...      Line(2, "\\t\\t\\t\\t小计\\t其中\\t"),
    ...      Line(3, "\\t\\t\\t\\t\\t政府采购\\t上年结转")]
    >>> sorted(part_columns(T05, h, 7))
    [5, 6]
    >>> sorted(part_columns(T05, [Line(1, "\\t\\t合计\\t基本支出\\t项目支出\\t其他资金")], 6))
    []
    """
    rows = [h for h in distinct_headers(headers) if not is_numbering(h)]
    grid = [[norm_column(h.cell(i)) for i in range(width)] for h in rows]
    named = [any(g[i] for g in grid) for i in range(width)]

    def top(i: int) -> int | None:  # the first row naming column i
        return next((r for r, g in enumerate(grid) if g[i]), None)

    coded = issubclass(kind, FunctionalTable)

    def money(i: int) -> bool:  # named as a money column of a kind of the family and layout
        label = "".join(g[i] for g in grid)
        return any(column_for(k, label) is not None for k in Table.KINDS.values()
                   if k.DOCUMENT == kind.DOCUMENT and issubclass(k, FunctionalTable) == coded)

    out: set[int] = set()
    for i in range(start + 1, width):
        if not named[i] or not any(named[start:i]):
            continue
        if any(g[i].startswith(PART_MARK) for g in grid):
            out.add(i)
            continue
        t = top(i)
        if t is None or money(i):
            continue
        for r in range(t):  # a bare 其中 on a row above, its row blank from it to here
            g = grid[r]
            k = next((k for k in range(i - 1, start - 1, -1) if g[k]), None)
            if k is not None and g[k] in (PART_MARK, PART_MARK + "：") and all(
                (top(j) or 0) > r for j in range(k + 1, i + 1)
            ):
                out.add(i)
                break
        else:  # a sub-label on the row of a modelled 其中 column, right after it
            g = grid[t]
            k = next((k for k in range(i - 1, start - 1, -1) if g[k].startswith(PART_MARK)),
                     None)
            if (
                k is not None and t > 0 and column_for(kind, g[k]) is not None
                and all(top(j) == t for j in range(k, i + 1))
                and any(grid[t - 1][p] for p in range(start, k))  # the group label over them
            ):
                out.add(i)
    return frozenset(out)


def identify_by_header(
    headers: Sequence[Line], document: str | None = None
) -> type[Table] | None:
    """The table kind a block's header rows point to, or None (content identification).

    ``document`` ("决算" or "预算") restricts the answer to that family's kinds.
    """
    if not any(norm_column(h.joined) for h in headers):
        return None
    # The cue words below name a kind; a 其中 column's label names a part of a column
    # ("其中：政府采购" beside 项目支出 is no 公开10 header): left out of the cues.
    text = _cue_text(headers)
    if document is not None and document != "决算":
        return _by_columns(headers, document)
    if "因公出国" in text or "公务接待" in text:
        return ThreePublicTable
    if "人员经费" in text and "公用经费" in text and "项目支出" not in text:
        return BasicExpenditureDetail  # (a 05 splitting 基本支出 into them prints 项目支出 too)
    if "政府采购" in text or "统计数" in text:
        return DisclosureInfoTable
    cells = {norm_column(v) for h in headers for v in h.values}
    if "项目" in cells and "行次" in cells or sum(h.values.count("项目") for h in headers) >= 2:
        appropriations = ("一般公共预算财政拨款", "政府性基金预算财政拨款")
        if all(a in cells for a in appropriations):
            return FiscalAppropriationSummary
        return IncomeExpenditureSummary
    return _by_columns(headers, "决算")


def _cue_text(headers: Sequence[Line]) -> str:
    """The header's text without the labels of 其中 columns (:func:`part_columns`, as a
    functional table's header): a cell beginning with "其中", and each cell of a column marked
    a part from its mark (its 其中 label, or its own first label under a 其中 group) down."""
    width = max(len(h.cells) for h in headers)
    parts = part_columns(IncomeTable, headers, width) if width > 3 else frozenset()
    dropping: set[int] = set()
    out = []
    for h in headers:
        for i, c in enumerate(h.cells):
            n = norm_column(c)
            if i in parts and n and (n.startswith(PART_MARK) or not any(
                norm_column(g.cell(i)).startswith(PART_MARK) for g in headers
            )):
                dropping.add(i)
            if n and i not in dropping and not n.startswith(PART_MARK):
                out.append(n)
    return "".join(out)


def _by_columns(headers: Sequence[Line], document: str) -> type[Table] | None:
    """The code-row kind of the family all of whose columns the header names; the largest."""
    best: tuple[int, type[Table] | None] = (0, None)
    width = max(len(h.cells) for h in headers)
    names = [norm_column(n) for n in merged_header(headers, width) if n]
    kinds = [
        kind
        for kind in Table.KINDS.values()
        if issubclass(kind, FunctionalTable) and kind.DOCUMENT == document
    ]
    # The kinds share most columns: ask once per column whether the header names it.
    columns = {(kind, c) for kind in kinds for c in kind.COLUMNS}
    named = {kc for kc in columns if not _column_names(*kc).isdisjoint(names)}
    # A printed name that is a column of some kind of the family: a money column.  A 决算
    # header printing one the kind lacks ("经营支出" beside 本年支出合计 基本支出 项目支出) is not
    # that kind's header: it is not taken for the smaller kind whose columns it also names.
    money = {n for n in names if any(n in _column_names(*kc) for kc in columns)}
    for kind in kinds:
        hits = sum((kind, c) in named for c in kind.COLUMNS)
        if hits != len(kind.COLUMNS) or hits <= best[0]:
            continue
        if document == "决算" and any(
            not any(n in _column_names(kind, c) for c in kind.COLUMNS) for n in money
        ):
            continue
        best = (hits, kind)
    return best[1]


def is_plain_amount(text: str) -> bool:
    """True when a cell parses as an amount (and is not blank)."""
    if has_cjk(text):
        return False  # no amount (nor blank form) holds a Chinese character
    try:
        return parse_amount(text) is not None
    except AmountError:
        return False


def leading_headers(body: Sequence[Line]) -> list[Line]:
    """The header rows at the top of a table body (before the first row holding figures)."""
    out = []
    for ln in body:
        first = squash(ln.cell(0))
        if first == "栏次" or is_numbering(ln):
            continue
        if CODE.match(first) or any(is_plain_amount(v) for v in ln.values):
            break
        out.append(ln)
    return out


def budget_kind_by_header(kind: type[Table], title: str, headers: Sequence[Line]) -> type[Table]:
    """The kind a budget title names, told apart by its header where families print the same
    title for different layouts (收入预算总表 of Shanghai and of Jiangsu)."""
    if kind.DOCUMENT != "预算" or len(title_candidates(title)) < 2:
        return kind
    header = "".join(h.joined for h in headers)
    return budget_kind_for_title(title, header) or kind


def same_layout(a: type[Table], b: type[Table]) -> bool:
    """Kinds a header cannot tell apart (05 and 08 print the same columns): the title decides."""
    return a is b or (
        issubclass(a, FunctionalTable)
        and issubclass(b, FunctionalTable)
        and set(a.COLUMNS) == set(b.COLUMNS)
    )
