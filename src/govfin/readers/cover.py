"""The cover of a document: its year, its stated kind (预算/决算), department and title.

What the first lines of a document say about it, before any table: "2024年度部门决算公开" gives
the year and the kind; the cover's lines give the department and the title (set over several
lines).  Used by :mod:`govfin.readers.document`; the facts are checked against the tables there.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from govfin._lazy import lazy_pattern
from govfin.readers.lines import Line, squash
from govfin.readers.segment import KIND_WORDS, Segment
from govfin.readers.tables import parse_department, parse_year
from govfin.tables import NAME_ENDINGS

__all__ = ["cover_facts", "document_year", "stated_kind"]

#: The document's year: "2024年度", "2025年区级部门预算", "2017年部门预算".
_DOC_YEAR = re.compile(
    r"(\d{4})\s*年度|(\d{4})\s*年\s*(?:[区省市县]级)?(?:部门|单位)?(?:预算|决算)"
)


def document_year(lines: Sequence[Line]) -> tuple[int | None, Line | None]:
    for ln in lines:
        m = _DOC_YEAR.search(ln.text)
        if m:
            return int(m.group(1) or m.group(2)), ln
    return None, None



def stated_kind(lines: Sequence[Line]) -> tuple[str | None, Line | None]:
    """The kind ("预算"/"决算") the document's cover or first heading states, and where."""
    seen = 0
    for ln in lines:
        if ln.blank:
            continue
        seen += 1
        if seen > 60:
            break
        m = KIND_WORDS.search(ln.squashed)
        if m:
            return m.group(1) or m.group(2), ln
    return None, None


def cover_facts(segment: Segment) -> tuple[str | None, str | None]:
    """(department, title) from the cover.

    The cover prints the department's name and "2024年度部门决算公开" on separate lines (a
    title set over several lines); the title is their concatenation.  A lone character left
    by the wrap ("室") is ignored.  A department printed below the title is not part of it.
    """
    department = title = None
    department_first = False
    wrapped = False  # the department's name is printed on the lines just read (no label)
    for ln in segment.lines:
        if ln.blank:
            continue
        s = ln.joined.strip()
        if s.endswith("。"):
            # a sentence before the first table (重庆市江北区 2021: "…经汇总,2021年区本级一般公共
            # 预算中“三公”经费支出预算为4432万元,…。") is prose: neither the title nor a name
            wrapped = False
            continue
        if parse_year(s) is not None:
            wrapped = False
            continue
        if ("决算" in s or "预算" in s) and title is None:
            title = s
            wrapped = False
        elif department is None and len(s) > 2:
            named = parse_department(s)  # "预算主管部门：上海市…" names it after a label
            if named is None and _LABELLED.match(s):
                continue  # "报表编号：510000_0013zp", "公开日期：…": a field, not a name
            department, department_first = named or s, title is None
            wrapped = named is None and title is None
        elif wrapped and department is not None and len(s) > 2 and not _LABELLED.match(s):
            # a name set over two lines above the title: "上海市普陀区人民政府" /
            # "宜川路街道办事处" / "2025 年度部门决算" (上海市普陀区宜川路街道 2025 决算); the
            # title's year may end the line ("石泉路街道办事处 2025" / "年度部门决算")
            department += _TRAILING_YEAR.sub("", s)
        else:
            wrapped = False
    if title and department and department_first and not title.startswith(department):
        title = department + title
    if department is None and title:  # "2017年度江苏省高级人民法院部门预算公开"
        m = _TITLE_DEPARTMENT.search(squash(title))
        department = m.group(1) if m else None
        if department is not None and _NOT_A_NAME.search(department):
            # "寿县司法局2022年“三公”经费预算情况": what follows the year is the subject, not a
            # name; the name is printed before the year
            m = _NAME_BEFORE_YEAR.match(squash(title))
            department = m.group(1) if m and m.group(1).endswith(NAME_ENDINGS) else None
    return department, title


#: A year printed at the end of a cover line, its "年度…" on the next line.
_TRAILING_YEAR = re.compile(r"\s*(?:19|20)\d{2}$")

#: A labelled field ("报表编号：…", "公开日期：…"): a short label, then a colon.
_LABELLED = re.compile(r"^[^:：]{1,8}[:：]")

#: Words of what a title is about, never of a department's name ("2022年“三公”经费预算情况").
_NOT_A_NAME = re.compile(r"三公|经费|支出|收入|财政拨款|一般公共")
#: A name printed before the title's year: "寿县司法局2022年…".
_NAME_BEFORE_YEAR = re.compile(r"^(\D{3,40}?)(?:19|20)\d{2}年")

#: The department named inside a cover title, between its year and its kind.
_TITLE_DEPARTMENT = lazy_pattern(r"\d{4}年度?(.{4,40}?)(?:部门|单位)?(?:预算|决算)")
