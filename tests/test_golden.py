"""The golden module's lookups, and the test suite's hygiene (issue 12).

:mod:`golden` finds the seed's lines by their printed text; these tests make sure it finds the
right ones (a heading, not its 目录 entry) and says clearly when the text is gone.  The suite
needs nothing outside the repository: no test names an absolute path or a folder beside it.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import golden
import pytest
from seed_evaluations import seed_evaluations

from govfin import examples

TESTS = Path(__file__).resolve().parent
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


def test_the_tests_read_the_bundled_seed() -> None:
    assert golden.TEXT == examples.text("seed_2024")
    assert golden.LINES[golden.COVER_LINE - 1] == "朔州经济开发区管理委员会综合办公室"


def test_line_of_finds_the_heading_not_its_table_of_contents_entry() -> None:
    entry = golden.line_of("第三部分 情况说明")
    assert entry < golden.NARRATIVE_LINE
    assert golden.text_at(entry).startswith("第三部分 情况说明\t")  # "… \t15": a page number
    assert golden.text_at(golden.NARRATIVE_LINE) == "第三部分 情况说明"
    assert golden.line_of("第三部分 情况说明", after=entry) == golden.NARRATIVE_LINE


def test_line_of_searches_after_a_line() -> None:
    first = golden.line_of("资金总额")
    second = golden.line_of("资金总额", after=first)
    assert first < second and "资金总额" in golden.text_at(second)
    assert golden.line_of("资金总额", after=first - 1) == first


def test_lookups_fail_clearly() -> None:
    with pytest.raises(LookupError, match="不在种子里"):
        golden.line_of("不在种子里")
    with pytest.raises(LookupError, match="after line"):
        golden.line_of("第三部分 情况说明", exact=True, after=golden.NARRATIVE_LINE)
    with pytest.raises(ValueError):
        golden.line_of("")
    with pytest.raises(IndexError):
        golden.text_at(len(golden.LINES) + 1)
    with pytest.raises(IndexError):
        golden.text_at(0)
    with pytest.raises(LookupError):
        golden.next_text_line(len(golden.LINES))
    with pytest.raises(LookupError):
        golden.evaluation_line("没有这个项目")


def test_the_parts_and_sections_are_in_order() -> None:
    lines = (golden.NARRATIVE_LINE, *golden.SECTION_LINES, golden.GLOSSARY_HEADING_LINE,
             golden.GLOSSARY_LINE, golden.ATTACHMENTS_LINE)
    assert list(lines) == sorted(set(lines))
    assert tuple(golden.text_at(n) for n in golden.SECTION_LINES) == golden.SECTION_HEADINGS
    assert golden.text_at(golden.GLOSSARY_LINE).startswith("- 一、财政拨款收入")
    assert golden.text_at(golden.PERFORMANCE_CLAIM_LINE).startswith(
        "2024年二级项目绩效自评个数22个"
    )
    assert golden.SECTION_LINES[-1] < golden.PERFORMANCE_CLAIM_LINE < golden.GLOSSARY_LINE


def test_the_01_table_lines() -> None:
    assert golden.text_at(golden.T01_LINE) == "收入支出决算总表"
    assert golden.T01_LINE < golden.T01_INCOME_LINE < golden.NARRATIVE_LINE
    cells = golden.text_at(golden.T01_INCOME_LINE).split("\t")
    assert cells[:3] == ["一、一般公共预算财政拨款收入", "1", "631.71"]
    assert cells[3] == "一、一般公共服务支出"


def test_the_evaluation_lines() -> None:
    """Each 自评表 of the fixture found in the attachments, in printed order, its rows in its
    own table (before the next title)."""
    evaluations = seed_evaluations()
    assert len(evaluations) == golden.EVALUATIONS
    titles = [golden.evaluation_line(ev.project) for ev in evaluations]
    assert titles == sorted(titles) and titles[0] > golden.ATTACHMENTS_LINE
    ends = [*titles[1:], len(golden.LINES) + 1]
    for ev, title, end in zip(evaluations, titles, ends, strict=True):
        rows = [f.line for f in ev.funds] + [i.line for i in ev.indicators]
        assert all(title < n < end for n in rows if n is not None), ev.project
        assert rows == sorted(rows), ev.project
        cells = golden.text_at(golden.fund_line(ev.project)).split("\t")
        assert "资金总额:" in cells, ev.project
        assert ev.funds[0].executed in {Decimal(c) for c in cells if _NUMBER.fullmatch(c)}


def test_the_totals_add_up() -> None:
    assert golden.CHECKED == golden.AGREED + golden.CONTRADICTED
    assert golden.CLAIMS == golden.CHECKED + golden.UNCHECKABLE
    assert golden.CLAIMS == sum(golden.CLAIM_KINDS.values())
    assert golden.RESIDUES <= golden.INFOS
    assert sum(golden.GRADES.values()) == golden.EVALUATIONS
    # the narrative's share: N-perf once (one 优 自评表 not attached), no warning
    assert golden.ERRORS - golden.EVALUATION_ERRORS == 1
    assert golden.WARNINGS - golden.EVALUATION_WARNINGS == 0
    assert str(golden.ERRORS) in golden.SUMMARY and str(golden.CLAIMS) in golden.CLAIM_SUMMARY


# -- hygiene ------------------------------------------------------------------------------------

#: A path outside the repository: absolute (POSIX or Windows), home-relative, or a folder
#: beside the repository (../shared).
_OUTSIDE = re.compile(r"""["'(](?:/(?:work|home|root|tmp|Users|mnt|opt|srv|data)/|~/|[A-Za-z]:\\)"""
                      r"""|\.\./shared|/work/shared""")


@pytest.mark.parametrize("path", sorted(TESTS.glob("*.py")), ids=lambda p: p.name)
def test_no_test_names_a_path_outside_the_repository(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    if path.name == Path(__file__).name:
        text = text[: text.index("# -- hygiene")]  # the pattern itself names them
    found = _OUTSIDE.search(text)
    assert found is None, f"{path.name} names {found.group(0)!r}: ship the file in tests/data"

