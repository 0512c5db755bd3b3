"""The 情况说明 of every corpus budget checked against its tables: every claim govfin calls
contradicted, examined by hand.

Each document's contradictions are listed below with the printed numbers; all are real defects
of the documents (no false errors).  The Jiangsu 2017 budgets of 省人民检察院, 省委办公厅 and
省政协办公厅 are read whole by :func:`govfin.readers.files.read_path(s)`.  For the others the
reader does not (yet) keep every part of the narrative — the 2025 Shanghai budget's
编制说明, the Shanghai 其他相关情况说明 (三公, 机关运行经费, 政府采购, 绩效目标), the whole
情况说明 of 省高级人民法院 and 省人大办公厅 — so the test takes those pages' text from the
PDF with pdfplumber and attaches it to the disclosure the reader built.
"""

from __future__ import annotations

import functools
from pathlib import Path

import attrs
import pdfplumber
import pytest

from govfin.disclosure import Disclosure, Narrative
from govfin.readers.files import read_path, read_paths
from govfin.rules.narrative import Assessment, Status, assess

PDF = Path(__file__).parent / "data" / "pdf"

#: document → the PDFs (text first) and the narrative parts to take from the PDF's text:
#: (first line, the line that ends it, the heading of text before the first "一、").
DOCS: dict[str, tuple[tuple[str, ...], tuple[tuple[str, str, str], ...]]] = {
    "sh2023": (("sh-putuo-wanlijiedao-2023-bumen-yusuan-with-jixiao-mubiao.pdf",), ()),
    "sh2025": (("sh-putuo-wanlijiedao-2025-bumen-yusuan.pdf",), ()),
    "js-fayuan": (("js-gaojifayuan-2017-bumen-yusuan.pdf",), ()),
    "js-renda": (("js-renda-2017-bumen-yusuan.pdf",), ()),
    "js-jianchayuan": (("js-jianchayuan-2017-bumen-yusuan.pdf",), ()),
    "js-shengwei": (("js-shengweibangongting-2017-bumen-yusuan-text.pdf",
                     "js-shengweibangongting-2017-bumen-yusuan-tables.pdf"), ()),
    "js-zhengxie": (("js-zhengxie-2017-bumen-yusuan-text.pdf",
                     "js-zhengxie-2017-bumen-yusuan-tables.pdf"), ()),
}  # fmt: skip


def _pdf_part(paths: list[Path], start: str, end: str, heading: str) -> Narrative:
    """The narrative between a line ending in ``start`` and the next line containing ``end``
    (alternatives separated by "|")."""
    lines: list[str] = []
    for path in paths:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                lines.extend((page.extract_text() or "").split("\n"))
    spans: list[list[str]] = []  # the table of contents names the parts too: keep the longest
    on = False
    for ln in lines:
        s = ln.replace(" ", "")
        if not on:
            on = s.endswith(start) and len(s) < 40 and not s[:2].endswith("、")
            if on:
                spans.append([])
            continue
        if any(e in s for e in end.split("|")) and len(s) < 60:
            on = False
            continue
        spans[-1].append(ln)
    keep = max(spans, key=len, default=[])
    assert keep, f"no “{start}” part in {[p.name for p in paths]}"
    return Narrative.from_text("\n".join(keep), part=heading)


@functools.cache
def budget(name: str) -> Disclosure:
    files, parts = DOCS[name]
    paths = [PDF / f for f in files]
    d = (read_path(paths[0]) if len(paths) == 1 else read_paths(paths)).disclosure
    assert d.kind == "预算"
    if not parts:
        return d
    sections = list(d.narrative.sections) if name == "sh2023" else []
    for start, end, heading in parts:
        sections.extend(_pdf_part(paths, start, end, heading).sections)
    return attrs.evolve(d, narrative=Narrative(tuple(sections)))


@functools.cache
def assessed(name: str) -> tuple[Assessment, ...]:
    return assess(budget(name))


#: Every contradiction govfin reports, as (rule, claim text), and why it is a real defect.
REAL_DEFECTS: dict[str, dict[tuple[str, str], str]] = {
    "js-jianchayuan": {
        (
            "X12",
            "基本支出预算数为12323.46万元",
        ): "the 支出预算总表 and 收支预算总表 print 基本支出 12,323.48 万元, and section 三 of the "
        "same narrative says 12323.48",
        (
            "N-change",
            "比2016年增加3401.59万元，增长129.97%",
        ): "机关运行经费 6032.55 − 3401.59 = 2630.96 last year; 3401.59 / 2630.96 = 129.29%, "
        "not 129.97%",
        (
            "N-share",
            "公务用车购置及运行费支出317.8万元，占“三公”经费的54.43%",
        ): "317.80 / 584.35 (the table's 三公 total) = 54.39%",
        (
            "N-share",
            "公务接待费支出156.55万元，占“三公”经费的26.72%",
        ): "156.55 / 584.35 = 26.79% (the three printed shares do add to 100%: forced)",
    },
    "js-shengwei": {
        (
            "N-change",
            "与上年相比增加101.48万元，增长1.66%",
        ): "行政运行 6106.99 − 101.48 = 6005.51 last year; 101.48 / 6005.51 = 1.69% "
        "(1.68% truncated), not 1.66%",
    },
    "js-zhengxie": {},
    "js-fayuan": {
        (
            "N-share",
            "单位预留机动经费182.92万元，占0.64%",
        ): "182.92 / 28849.38 = 0.634%: 0.63%; 59.35 + 40.01 + 0.64 forced to 100%",
        (
            "N-change",
            "与上年相比增加865.57万元，增长79.05%",
        ): "提租补贴 1,959.99 万元, up 865.57 on 1,094.42: 79.09%, not 79.05%",
    },
    "js-renda": {
        (
            "X12",
            "1.人大事务行政运行（项）支出10528.33万元",
        ): "10,528.33 is the 类 一般公共服务支出 total; the 项 行政运行 (2010101) is 4,545.94",
        (
            "N-share",
            "因公出国（境）费支出222.5万元，占“三公”经费的8.75%",
        ): "222.5 / 833.6 (三公) = 26.69%; the printed shares are of 2,542.60 (三公 + 会议费 "
        "+ 培训费), not of the 三公经费 the text names",
        (
            "N-share",
            "公务用车购置及运行费支出183.6万元，占“三公”经费的7.22%",
        ): "183.6 / 833.6 = 22.02%; 7.22% is of 2,542.60 as above",
        (
            "N-share",
            "公务接待费支出427.5万元，占“三公”经费的16.81%",
        ): "427.5 / 833.6 = 51.28%; 16.81% is of 2,542.60 as above",
    },
    "sh2023": {
        (
            "N-change",
            "比2022年预算增加1421.25万元",
        ): "政府性基金拨款支出预算0万元, 比2022年预算增加1421.25万元: an increase larger than "
        "this year's 0 (the line above's figure copied)",
        (
            "N-change",
            "比2022年预算执行数增加314.82%",
        ): "item 3: (45.41 − 11.67) / 11.67 = 289.12%, not 314.82%",
        (
            "X12",
            "2023年预算安排441.25万元",
        ): "item 16 (职业年金缴费, 220.63 万元 in its heading and 2,206,272 元 in the tables) "
        "repeats item 15's 441.25 and 60.54%",
        (
            "N-change",
            "比2022年预算执行数增加60.54%",
        ): "item 16: (441.25 − 132.59) / 132.59 = 232.79%: item 15's rate copied",
        (
            "N-zero-base",
            "比2022年预算执行数增加100.00%",
        ): "items 2 and 17: 2022年当年预算执行数为0万元 … 增加100.00%: a rate on a nil base",
        (
            "N-plan-funds",
            "涉及项目预算资金3328.13万元",
        ): "the five attached 绩效目标表 request 4,100,000 + 6,351,000 + 4,563,800 + 7,595,500 "
        "+ 10,903,043 元 = 3,351.33 万元 (warning: the cause is not in the document)",
    },
    "sh2025": {},
}


@pytest.mark.parametrize("name", sorted(DOCS))
def test_every_contradiction_is_a_real_defect(name: str) -> None:
    found = {(a.rule_id, a.claim.text) for a in assessed(name) if a.status is Status.CONTRADICTED}
    assert found == set(REAL_DEFECTS[name])


def test_the_zero_base_rates_are_both_reported() -> None:
    zero = [a for a in assessed("sh2023") if a.rule_id == "N-zero-base"]
    assert len(zero) == 2
    assert all("执行数为0万元" in a.message for a in zero)


@pytest.mark.parametrize(
    ("name", "text", "cell"),
    [
        ("js-jianchayuan", "（二）支出预算总计17996.68万元", "支出合计"),
        ("js-jianchayuan", "（一）人员经费9710.42万元", "301"),
        ("js-jianchayuan", "2017年我部门政府采购预算总金额为2889.8万元", "合计"),
        ("js-fayuan", "公务接待费预算支出185.72万元", "本年预算数"),
        ("js-renda", "安排的会议费预算支出1305.25万元", "本年预算数"),
        ("js-renda", "（一）人员经费6080.72万元", "301"),
        ("sh2023", "“三公”经费预算数为22.91万元", "本年预算数"),
        ("sh2023", "机关运行经费预算为786.09万元", "本年预算数"),
        ("sh2025", "“三公”经费预算数为37.91万元", "本年预算数"),
        ("sh2025", "“科学技术支出（类）科学技术普及（款）科普活动（项）”科目10.00万元", "2060702"),
    ],
)
def test_claims_agree_with_the_cell_they_name(name: str, text: str, cell: str) -> None:
    found = [a for a in assessed(name) if a.rule_id == "X12" and text in a.claim.text]
    assert found, [a.claim.text for a in assessed(name)]
    assert found[0].status is Status.AGREES
    assert cell in {p.row for p in found[0].cells[1:]}


def test_the_plans_count_agrees_on_the_2023_budget() -> None:
    plans = [a for a in assessed("sh2023") if a.rule_id == "N-plan"]
    assert [a.status for a in plans if a.status is not Status.UNCHECKABLE] == [Status.AGREES]
    assert len(budget("sh2023").plans) == 5


def test_most_budget_claims_are_checked() -> None:
    """The budget's own words name its tables: far more claims are decided than left over."""
    for name in ("js-jianchayuan", "js-shengwei", "js-zhengxie"):
        decided = {id(a.claim) for a in assessed(name) if a.status is not Status.UNCHECKABLE}
        claims = budget(name).claims()
        assert len(decided) > len(claims) * 3 / 4, name
