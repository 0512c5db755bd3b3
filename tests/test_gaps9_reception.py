"""gaps9 item 3: 国内公务接待's 批次 and 人次 left out of a 决算's 三公 narrative.

The template's item (上海市: "国内公务接待支出X万（含外宾接待支出Y万元）。…公务接待N批次、M人次，
其中：接待外宾a批次、b人次", as 上海市普陀区文化和旅游局 2025 决算 prints it; the seed, 山西:
"国内接待费0万元，共接待0批次，0人次") asks for the counts.  生态环境局 2025 gives only 接待外宾's,
石泉路街道 2025 none: N-reception-count warnings.
"""

from __future__ import annotations

import pytest
from gaps9_texts import NAMES, checked

from govfin.disclosure import Disclosure, Narrative
from govfin.findings import Severity
from govfin.rules import REGISTRY, check

SANGONG = "七、财政拨款“三公”经费支出决算情况说明"
RULES = [r for r in REGISTRY if r.id == "N-reception-count"]


def _found(text: str, kind: str = "决算", heading: str = SANGONG) -> list:
    d = Disclosure(year=2025, kind=kind, narrative=Narrative.from_text(f"{heading}\n{text}\n"))
    return [f for f in check(d, rules=RULES) if f.rule_id == "N-reception-count"]


def _places(name: str) -> set:
    return {
        (f.place.row, f.place.column, f.place.line, f.severity)
        for f in checked(name)
        if f.rule_id == "N-reception-count"
    }


def test_shengtai_gives_only_the_foreign_receptions_counts():
    assert _places("sh-putuo-shengtai-2025-final") == {
        (SANGONG, "国内公务接待支出0.00万", 300, Severity.WARNING)
    }
    (f,) = [f for f in checked("sh-putuo-shengtai-2025-final") if f.rule_id == "N-reception-count"]
    assert "批次、人次" in f.message and "外宾" in f.message


def test_shiquan_gives_none():
    assert _places("sh-putuo-shiquan-2025-final") == {
        (SANGONG, "国内公务接待支出0万", 465, Severity.WARNING)
    }


KNOWN = {"sh-putuo-shengtai-2025-final": 1, "sh-putuo-shiquan-2025-final": 1}


@pytest.mark.parametrize("name", NAMES)
def test_real_texts_report_it_only_where_left_out(name):
    # 文化和旅游局 2025 ("公务接待 2 批次、24 人次"), 宜川路 2025 ("接待批次 1 次、接待 15 人次"),
    # the seed ("共接待0批次，0人次") give them; the regional 三公 summaries print no such item
    assert len(_places(name)) == KNOWN.get(name, 0)


SEED_ITEM = (
    "4、公务接待费支出0万元，共接待0批次，0人次。国内接待费0万元，共接待0批次，0人次，"
    "其中外事接待费0万元，共接待0批次，0人次。"
)


@pytest.mark.parametrize(("text", "missing"), [
    (SEED_ITEM, None),
    ("4、公务接待费支出0万元。国内接待费0万元，其中外事接待费0万元，共接待0批次，0人次。", "批次、人次"),
    ("3、公务接待费支出 2.00 万元。其中：\n国内公务接待支出 2.00 万元。主要用于接待，公务接待 3 批次。",
     "人次"),
    (("3、公务接待费支出 2.00 万元。其中：\n国内公务接待支出 2.00 万元。主要用于接待，公务接待 3 批次、"
     "20 人次，其中：接待外宾 0 批次、0 人次。"), None),
    # given in other units ("共接待3次、20人")
    ("3、公务接待费支出 2.00 万元。其中：\n国内公务接待支出 2.00 万元，共接待3次、20人。", None),
    # given in the paragraph after the 国内 one, before the next item
    ("3、公务接待费支出 2.00 万元。其中：\n国内公务接待支出 2.00 万元。\n共接待 3 批次、20 人次。", None),
    # the next item's counts are not the 国内 item's
    ("国内公务接待支出 2.00 万元。\n4、其他接待 3 批次、20 人次。", "批次、人次"),
    # no reception took place: nothing to count
    ("3、公务接待费支出 0 万元。其中：\n国内公务接待支出 0 万元，本年度未发生公务接待。", None),
    # the item's opening paragraph gives them
    ("3、公务接待费支出 2.00 万元，共接待 3 批次、20 人次。其中：\n国内公务接待支出 2.00 万元。", None),
])  # fmt: skip
def test_the_item(text, missing):
    found = _found(text)
    if missing is None:
        assert found == []
    else:
        (f,) = found
        assert f"no {missing} of" in f.message


def test_read_only_where_the_template_item_is_printed():
    # a budget, a section that is not the 三公 one, a summary without the 国内 item: not read
    text = "国内公务接待支出 2.00 万元。"
    assert len(_found(text)) == 1
    assert _found(text, kind="预算") == []
    assert _found(text, heading="十、机关运行经费支出情况说明") == []
    assert _found("公务接待费1356万元，比上年决算数下降3.14%。") == []
