"""The catalogue: realistic mistakes and harmless edits, planted in copies of real documents.

Two documents are edited:

- ``seed``: the seed, a real 2024 部门决算 (tests/data/seed_2024.txt, the bundled example);
- ``budget``: the 2025 部门预算 of 上海市普陀区人民政府万里街道办事处
  (tests/data/accuracy/sh-putuo-wanlijiedao-2025-yusuan.txt: the rows govfin's PDF reader
  extracts from tests/data/pdf/sh-putuo-wanlijiedao-2025-bumen-yusuan.pdf, cells joined by tabs;
  see tests/data/accuracy/README.md).

Each :class:`Case` says what a person plausibly did (the ``description``), how it is planted
(``edit``, found by printed text), and what should catch it: the rule ids (``rules``, shell
patterns: ``READ-*``) at ``severity`` (error unless the catalogue's design makes the rule a
warning, which the case says).  The figures in the descriptions were worked out from the
printed document, not from govfin's output.  A mistake govfin does not catch yet carries
``known_miss``: the rule it needs (tests/test_accuracy.py marks it ``xfail(strict=True)``, so
it flips when the rule lands and the marker must go).  Harmless edits (``harmless=True``) must
raise no new error (one that does today carries ``known_miss`` too: the defect to fix).
"""

from __future__ import annotations

import functools
from pathlib import Path

import attrs

from accuracy.edits import All, Drop, Duplicate, Edit, Lines, Replace
from govfin.findings import Severity

__all__ = ["CASES", "CATEGORIES", "DOCUMENTS", "Case", "document_text"]

_TESTS = Path(__file__).resolve().parent.parent
#: The documents the cases edit: name -> file (UTF-8 text, one printed row per line).
DOCUMENTS = {
    "seed": _TESTS / "data" / "seed_2024.txt",
    "budget": _TESTS / "data" / "accuracy" / "sh-putuo-wanlijiedao-2025-yusuan.txt",
}


@functools.cache
def document_text(name: str) -> str:
    """The unedited text of the document ``name`` (a key of :data:`DOCUMENTS`)."""
    return DOCUMENTS[name].read_text(encoding="utf-8")


#: Categories, in report order: what part of a document the mistake is in.
CATEGORIES = {
    "sums": "intra-table sums (合计, 类 = Σ款, row totals)",
    "cross-table": "a figure restated in another table",
    "narrative": "figures, shares, changes, directions in the 情况说明",
    "dates": "last year's date on this year's figures",
    "class-list": "a 类 omitted from the narrative's list",
    "self-evaluation": "项目支出绩效自评表 (执行率, 结余, weights, scores, grades, counts)",
    "perf-analysis": "the 项目绩效分析 text against its own 自评表",
    "codes": "wrong code, wrong name, outdated name",
    "completeness": "a table dropped, printed twice, a note missing",
    "units": "万元 / 元 confusion",
    "years": "a wrong year in a title",
    "harmless": "edits that change nothing of substance",
}


@attrs.frozen
class Case:
    """One planted mistake (or harmless edit) and the outcome it should have."""

    id: str
    category: str = attrs.field()
    description: str
    edit: Edit
    #: The rules that should catch it (shell patterns); empty for a harmless edit.
    rules: tuple[str, ...] = ()
    #: The severity that counts as caught: error, or warning where the rule is a warning by
    #: design (a printed name differing from the official list, a note missing).
    severity: Severity = Severity.ERROR
    #: Why govfin misses it today: the rule it needs.  None: it is caught.
    known_miss: str | None = None
    document: str = "seed"

    @category.validator
    def _known(self, _attribute: object, value: str) -> None:
        if value not in CATEGORIES:
            raise ValueError(f"{self.id}: unknown category {value!r}")

    @property
    def harmless(self) -> bool:
        return self.category == "harmless"


W = Severity.WARNING
T01, T02, T03, T04 = "公开01表", "公开02", "公开03表", "公开04表"
T05, T06, T10 = "公开05表", "公开06表", "公开10表"
NARRATIVE = "第三部分 情况说明\n"
GLOSSARY = "第四部分 名词解释\n"
ATTACHMENTS = "第五部分 附件\n"


def ev(project: str) -> str:
    """The title of ``project``'s 项目支出绩效自评表 (an anchor)."""
    return f"{project}项目支出绩效自评表\n"


_EXACT = (
    "needs the duplicate-fact rule (issue 15): the same fact printed twice must be identical; "
    "today a restatement a cent apart passes as 尾数误差"
)
_YEAR = (
    "needs a date rule (issue 15): a sentence stating this year's figure under last year's date "
    "is an error; today any mention of the previous year passes"
)
_READ = (
    "needs read problems as findings (issue 15, 'Reader problems are findings'): today the "
    "reader logs it and the report says nothing"
)
_ANALYSIS = (
    "needs the 项目绩效分析 rule (issue 15, e.g. N-perf-analysis): the analysis text is filed "
    "as narrative and not checked against its 自评表"
)

SEED_MISTAKES: tuple[Case, ...] = (
    # -- intra-table sums --------------------------------------------------------------------
    Case("sum-01-income-typo", "sums",
         "公开01 本年收入合计 typed 631.17 for 631.71 (transposed digits)",
         Replace("本年收入合计\t27\t631.71", "本年收入合计\t27\t631.17", after=T01),
         ("R01-1", "R01-3")),
    Case("sum-02-item-transposed", "sums",
         "公开02 2080502 事业单位离退休 typed 31.54 for 31.45 in both columns; 20805 still 50.86",
         Replace("2080502\t事业单位离退休\t31.45\t31.45", "2080502\t事业单位离退休\t31.54\t31.54",
                 after=T02),
         ("R02-tree",)),
    Case("sum-03-row-total", "sums",
         "公开03 2010350 事业运行: 项目支出 typed 67.74 for 76.74; 本年支出合计 340.18 kept",
         Replace("2010350\t事业运行\t340.18\t263.44\t76.74", "2010350\t事业运行\t340.18\t263.44\t67.74",
                 after=T03),
         ("R03-1", "R03-tree")),
    Case("sum-05-parent-not-updated", "sums",
         "公开05 2101102 事业单位医疗 edited to 11.74 (小计 and 基本支出); 21011, 210 and 合计 not "
         "updated",
         Replace("2101102\t事业单位医疗\t11.47\t11.47", "2101102\t事业单位医疗\t11.74\t11.74", after=T05),
         ("R05-tree",)),
    Case("sum-06-econ-item", "sums",
         "公开06 30102 津贴补贴 typed 9.09 for 9.90: 301 工资福利支出 308.72 no longer Σ款",
         Replace("30102\t津贴补贴\t9.90", "30102\t津贴补贴\t9.09", after=T06),
         ("R06-tree",)),
    Case("sum-06-personnel-total", "sums",
         "公开06 人员经费合计 typed 340.82 for 340.28 (301 308.72 + 303 31.56 = 340.28)",
         Replace("人员经费合计\t\t340.28", "人员经费合计\t\t340.82", after=T06),
         ("R06-1",)),
    Case("sum-04-row-total", "sums",
         "公开04 一般公共服务支出: 合计 column typed 545.91, the 一般公共预算 column kept 545.19",
         Replace("一、一般公共服务支出\t33\t545.19\t545.19", "一、一般公共服务支出\t33\t545.91\t545.19",
                 after=T04),
         ("R04-1", "R04-3")),
    Case("sum-10-procurement", "sums",
         "公开10 政府采购 货物 typed 2.47 for 2.74; 合计 2.74 kept (工程, 服务 blank)",
         Replace("货物\t2\t2.74", "货物\t2\t2.47", after=T10),
         ("R10-1",)),
    Case("sum-01-grand-total", "sums",
         "公开01 收入总计 typed 648.29 for 648.92 (631.71 + 17.21 = 648.92)",
         Replace("总计\t31\t648.92", "总计\t31\t648.29", after=T01),
         ("R01-3", "R01-5")),
    Case("sum-02-row-from-last-year", "sums",
         "公开02 210 卫生健康支出 row copied from last year's table (0.60, the figure the "
         "narrative's 增加10.98万元 implies for 2023); its 款 rows and 合计 are this year's",
         Replace("210\t卫生健康支出\t11.58\t11.58", "210\t卫生健康支出\t0.60\t0.60", after=T02),
         ("R02-tree",)),
    Case("sum-01-closing-balance", "sums",
         "公开01 年末结转和结余 typed 17.12 for 17.21 (支出总计 648.92 = 631.71 + 17.21)",
         Replace("年末结转和结余\t60\t17.21", "年末结转和结余\t60\t17.12", after=T01),
         ("R01-4",)),
    Case("sum-05-item-row-total", "sums",
         "公开05 2010399: 小计 typed 250.00 for 205.00 (项目支出 205.00, 基本支出 blank)",
         Replace("2010399\t其他政府办公厅（室）及相关机构事务支出\t205.00",
                 "2010399\t其他政府办公厅（室）及相关机构事务支出\t250.00", after=T05),
         ("R05-1", "R05-tree")),
    Case("sum-03-total-column", "sums",
         "公开03 合计 row: 项目支出 typed 218.74 for 281.74 (631.71 = 349.97 + 281.74)",
         Replace("合计\t\t631.71\t349.97\t281.74", "合计\t\t631.71\t349.97\t218.74", after=T03),
         ("R03-1", "R03-tree")),
    # -- cross-table restatements -------------------------------------------------------------
    Case("cross-01-class-cent", "cross-table",
         "公开01 卫生健康支出 printed 11.57, a cent below 公开03/04/05's 11.58 (公开01's own Σ类 "
         "then equals 631.71 exactly)",
         Replace("九、卫生健康支出\t40\t11.58", "九、卫生健康支出\t40\t11.57", after=T01),
         ("X4", "X-*")),
    Case("cross-04-class-cent", "cross-table",
         "公开04 住房保障支出 printed 24.10 in both columns, a cent above 公开01/05's 24.09",
         Replace("十九、住房保障支出\t51\t24.09\t24.09", "十九、住房保障支出\t51\t24.10\t24.10",
                 after=T04),
         ("X5", "X-*")),
    Case("cross-06-public-expenses", "cross-table",
         "a late 0.27万元 of 其他商品和服务支出 added to 公开06 only (30299, 302 and 公用经费合计 "
         "9.96): 公开05 基本支出 349.97 ≠ 340.28 + 9.96",
         All((Replace("302\t商品和服务支出\t9.69", "302\t商品和服务支出\t9.96", after=T06),
              Replace("30299\t其他商品和服务支出\t", "30299\t其他商品和服务支出\t0.27", after=T06),
              Replace("公用经费合计\t\t\t\t\t\t\t\t9.69", "公用经费合计\t\t\t\t\t\t\t\t9.96",
                      after=T06))),
         ("X6",)),
    Case("cross-02-total-to-sum", "cross-table",
         "公开02 合计 'corrected' to its Σ类 631.72 (both columns); 公开01/03 print 631.71",
         Replace("合计\t\t631.71\t631.71", "合计\t\t631.72\t631.72", after=T02),
         ("X1", "X2", "X-*")),
    Case("cross-03-class-cent", "cross-table",
         "公开03 221 住房保障支出 and its 款, 项 printed 24.08 (a cent adjustment made in 公开03 "
         "only); 公开01/02/04/05 print 24.09",
         Replace("24.09\t24.09", "24.08\t24.08", after=T03, count=3),
         ("X4", "X-*")),
    Case("cross-05-class-cent", "cross-table",
         "公开05 208 社会保障和就业支出, 20805 and 2080502 printed a cent lower (50.85, 50.85, "
         "31.44) in both columns; 公开04 prints 50.86",
         All((Replace("208\t社会保障和就业支出\t50.86\t50.86", "208\t社会保障和就业支出\t50.85\t50.85",
                      after=T05),
              Replace("20805\t行政事业单位养老支出\t50.86\t50.86",
                      "20805\t行政事业单位养老支出\t50.85\t50.85", after=T05),
              Replace("2080502\t事业单位离退休\t31.45\t31.45", "2080502\t事业单位离退休\t31.44\t31.44",
                      after=T05))),
         ("X5", "X-*")),
    Case("cross-01-class-digit", "cross-table",
         "公开01 社会保障和就业支出 typed 58.06 for 50.86 (公开03/04/05: 50.86)",
         Replace("八、社会保障和就业支出\t39\t50.86", "八、社会保障和就业支出\t39\t58.06", after=T01),
         ("X4", "R01-2")),
    # -- narrative figures --------------------------------------------------------------------
    Case("narr-total-transposed", "narrative",
         "一、收入总计 written 648.29万元 (公开01: 648.92)",
         Replace("2024年度收入总计648.92万元", "2024年度收入总计648.29万元", after=NARRATIVE),
         ("X12",)),
    Case("narr-share-basic", "narrative",
         "三、基本支出 share written 55.04% (349.97 / 631.71 = 55.40%)",
         Replace("基本支出349.97万元，占比55.40%", "基本支出349.97万元，占比55.04%", after=NARRATIVE),
         ("N-share",)),
    Case("narr-share-class", "narrative",
         "五(二) 卫生健康支出 share written 1.38% (11.58 / 631.71 = 1.83%)",
         Replace("卫生健康支出(类)11.58万元，占比1.83%", "卫生健康支出(类)11.58万元，占比1.38%",
                 after=NARRATIVE),
         ("N-share",)),
    Case("narr-completion", "narrative",
         "五(三) completion written 72.34% (631.71 / 862.51 = 73.24%)",
         Replace("完成年初预算的73.24%", "完成年初预算的72.34%", after=NARRATIVE),
         ("N-completion",)),
    Case("narr-change-rate", "narrative",
         "一、收入总计 decrease rate written 21.81% (174.36 / (648.92 + 174.36) = 21.18%)",
         Replace("收入总计减少174.36万元，下降21.18%", "收入总计减少174.36万元，下降21.81%",
                 after=NARRATIVE),
         ("N-change",)),
    Case("narr-direction-with-rate", "narrative",
         "一、收入总计 'increased 174.36万元, up 21.18%' while the sentence ends 有所下降 (a "
         "direction flipped with its rate)",
         Replace("收入总计减少174.36万元，下降21.18%", "收入总计增加174.36万元，增长21.18%",
                 after=NARRATIVE),
         ("N-change",)),
    Case("narr-direction-no-rate", "narrative",
         "五(三) 社会保障和就业支出 '较上年决算减少50.86万元' while the same sentence ends "
         "'故较上年决算增加' (no rate printed)",
         Replace("较上年决算增加50.86万元", "较上年决算减少50.86万元", after=NARRATIVE),
         ("N-change", "N-direction*")),
    Case("narr-over-budget", "narrative",
         "五(三) 卫生健康支出 年初预算 written 10.64万元 (for 12.64) with its completion "
         "recomputed to 108.83% (11.58 / 10.64), no reason given for spending above the "
         "budget; a warning by design (money added during the year can explain it)",
         Replace("卫生健康支出年初预算12.64万元，支出决算11.58万元，完成年初预算的91.61%",
                 "卫生健康支出年初预算10.64万元，支出决算11.58万元，完成年初预算的108.83%",
                 after=NARRATIVE),
         ("N-over-budget",), severity=W),
    Case("narr-personnel", "narrative",
         "六、人员经费 written 340.82万元 (公开06: 340.28)",
         Replace("人员经费340.28万元", "人员经费340.82万元", after=NARRATIVE),
         ("X12",)),
    Case("narr-postage", "narrative",
         "六、邮电费 written 7.6万元 (公开06 30207: 6.70)",
         Replace("邮电费6.7万元", "邮电费7.6万元", after=NARRATIVE),
         ("X12",)),
    Case("narr-procurement-goods", "narrative",
         "十(二) 政府采购货物支出 written 2.47万元 (公开10: 2.74)",
         Replace("政府采购货物支出2.74万元", "政府采购货物支出2.47万元", after=NARRATIVE),
         ("X12",)),
    Case("narr-completion-budget", "narrative",
         "五(三) 一般公共服务支出 年初预算 written 745.36 for 754.36: 545.19 / 745.36 = 73.14%, "
         "not the printed 72.27%",
         Replace("一般公共服务支出年初预算754.36万元", "一般公共服务支出年初预算745.36万元",
                 after=NARRATIVE),
         ("N-completion",)),
    Case("narr-change-rate-class", "narrative",
         "五(三) 一般公共服务支出 decrease rate written 23.31% (260.28 / 805.47 = 32.31%)",
         Replace("下降32.31%", "下降23.31%", after=NARRATIVE),
         ("N-change",)),
    Case("narr-share-wrong-base", "narrative",
         "三、项目支出 share computed on 收入总计 648.92 instead of 支出合计 631.71 (43.42% for "
         "44.60%)",
         Replace("项目支出281.74万元，占比44.60%", "项目支出281.74万元，占比43.42%", after=NARRATIVE),
         ("N-share",)),
    Case("narr-class-cent", "narrative",
         "五(二) 住房保障支出 written 24.10万元, a cent above the tables' 24.09",
         Replace("住房保障支出(类)24.09万元", "住房保障支出(类)24.10万元", after=NARRATIVE),
         ("X12",)),
    Case("narr-rate-scale", "narrative",
         "五(三) 卫生健康支出 growth written 18.30% for 1830% (10.98 / 0.60; a percent sign "
         "read as a fraction)",
         Replace("增长1830%", "增长18.30%", after=NARRATIVE),
         ("N-change",)),
    Case("narr-basic-total", "narrative",
         "六、基本支出 written 394.97万元 (公开05: 349.97)",
         Replace("2024年度财政拨款基本支出349.97万元", "2024年度财政拨款基本支出394.97万元",
                 after=NARRATIVE),
         ("X12",)),
    Case("narr-reception", "narrative",
         "九(二) 公务接待费支出 written 1.2万元 in a year with no 三公 expenditure (公开09 blank, "
         "九(一) says 0)",
         Replace("4、公务接待费支出0万元", "4、公务接待费支出1.2万元", after=NARRATIVE),
         ("X12",)),
    Case("narr-appropriation-income", "narrative",
         "二、财政拨款收入 written 613.71万元 (公开01/02: 631.71); its share 100.00% kept",
         Replace("财政拨款收入631.71万元", "财政拨款收入613.71万元", after=NARRATIVE),
         ("X12",)),
    Case("narr-vehicles", "narrative",
         "十(三) 车辆 written 2辆 (公开10 车辆数合计 blank, i.e. none)",
         Replace("共有车辆0辆", "共有车辆2辆", after=NARRATIVE),
         ("X12",)),
    # -- dates ------------------------------------------------------------------------------------
    Case("date-total", "dates",
         "一、'2023年度收入总计648.92万元': last year's date on this year's total (a sentence "
         "kept from last year's text, figures updated)",
         Replace("2024年度收入总计648.92万元", "2023年度收入总计648.92万元", after=NARRATIVE),
         ("N-stale-year", "N-year", "N-date*")),
    Case("date-as-of", "dates",
         "十(三) '截至2023年12月31日' describing this year's assets",
         Replace("截至2024年12月31日", "截至2023年12月31日", after=NARRATIVE),
         ("N-stale-year", "N-year", "N-date*")),
    Case("date-procurement", "dates",
         "十(二) '2023年度政府采购支出总额2.74万元' (this year's 公开10 figure)",
         Replace("2024年度政府采购支出总额2.74万元", "2023年度政府采购支出总额2.74万元",
                 after=NARRATIVE),
         ("N-stale-year", "N-year", "N-date*")),
    # -- the narrative's list of 类 -----------------------------------------------------------------
    Case("list-class-omitted", "class-list",
         "五(二) list of 类 omits 卫生健康支出 (the listed shares add to 98.16%, the amounts to "
         "620.14 of 631.71)",
         Drop("卫生健康支出(类)11.58万元，占比1.83%；", after=NARRATIVE),
         ("N-class-list", "N-class*", "N-list*", "N-share*")),
    Case("list-class-omitted-details", "class-list",
         "五(三) per-类 paragraphs omit 住房保障支出 (the other three 类 add to 607.63 of the "
         "631.71 stated above them)",
         Drop("住房保障支出年初预算32.43万元", "六、一般公共预算财政拨款基本支出决算情况说明",
              after=NARRATIVE),
         ("N-class-list", "N-class*", "N-list*")),
    # -- 项目支出绩效自评表 --------------------------------------------------------------------------
    Case("eval-executed-transposed", "self-evaluation",
         "重点项目开工及观摩活动经费: 全年执行数 typed 18.496 for 18.469 (both fund lines); "
         "结余 11.531 and 执行率 61.56% kept",
         Replace("18.469\t11.531", "18.496\t11.531", after=ev("重点项目开工及观摩活动经费"), count=2),
         ("E-balance", "E-rate")),
    Case("eval-balance", "self-evaluation",
         "聘用人员工资类费用: 资金结(转)余 typed 7.138 for 7.183 (77.93 − 70.747 = 7.183)",
         Replace("70.747\t7.183", "70.747\t7.138", after=ev("聘用人员工资类费用"), count=2),
         ("E-balance",)),
    Case("eval-rate", "self-evaluation",
         "保密系统维护费: 执行率 typed 37.64 for 37.46 (0.749 / 2 = 37.45%, 37.46 within rounding; "
         "得分 3.75 kept)",
         Replace("37.46\t3.75", "37.64\t3.75", after=ev("保密系统维护费"), count=2),
         ("E-rate",)),
    Case("eval-rate-score", "self-evaluation",
         "聘用人员工资类费用: 执行率得分 typed 9.80 for 9.08 and 总分 carried to 99.80",
         All((Replace("90.78\t9.08", "90.78\t9.80", after=ev("聘用人员工资类费用"), count=2),
              Replace("99.08\t优", "99.80\t优", after=ev("聘用人员工资类费用")))),
         ("E-rate-score",)),
    Case("eval-weights", "self-evaluation",
         "资料费: 社会效益 weight typed 20 for 30 (weights then add to 90)",
         Replace("工作运转保障度\t\t保障\t预期指标且对\t\t\t30\t0", "工作运转保障度\t\t保障\t预期指标且对\t\t\t20\t0",
                 after=ev("资料费")),
         ("E-weights",)),
    Case("eval-score-above-weight", "self-evaluation",
         "网络租赁费用: 满意度 score 12 of a weight of 10",
         Replace("使用人员满意度\t≥%\t≥95%\t≥95%\t\t\t10\t10", "使用人员满意度\t≥%\t≥95%\t≥95%\t\t\t10\t12",
                 after=ev("网络租赁费用")),
         ("E-score-range",)),
    Case("eval-total-not-updated", "self-evaluation",
         "聘用人员工资类费用: 总分 typed 98.08 (9.08 + 90 = 99.08)",
         Replace("99.08\t优", "98.08\t优", after=ev("聘用人员工资类费用")),
         ("E-total",)),
    Case("eval-grade", "self-evaluation",
         "资料费: grade 中 for a 总分 of 59.68 (under 60: 差)",
         Replace("59.68\t差", "59.68\t中", after=ev("资料费")),
         ("E-grade",)),
    Case("eval-over-execution", "self-evaluation",
         "党委督查室经费: 全年执行数 1.2 against a 全年预算数 of 1 with no adjusted budget "
         "(结余 −0.2, 执行率 120%); consistent arithmetic, impossible execution",
         All((Replace("\t1\t1\t1\t1\t0\t100\t10", "\t1\t1\t1\t1.2\t-0.2\t120\t10", after=ev("党委督查室经费")),
              Replace("\t1\t1\t1\t1\t0\t100.00\t10.00", "\t1\t1\t1\t1.2\t-0.2\t120.00\t10.00",
                      after=ev("党委督查室经费")))),
         ("E-overspent", "E-over*", "E-balance", "E-rate")),
    Case("eval-sources", "self-evaluation",
         "会议费: 市县区财政资金 全年执行数 typed 6.039, 资金总额 says 6.309",
         Replace("市县区财政资金\t0\t15\t15\t6.309", "市县区财政资金\t0\t15\t15\t6.039", after=ev("会议费")),
         ("E-sources",)),
    Case("eval-rate-as-fraction", "self-evaluation",
         "会议费: 执行率 written as a fraction, 0.42 for 42.06% (both fund lines)",
         Replace("42.06\t4.21", "0.42\t4.21", after=ev("会议费"), count=2),
         ("E-rate",)),
    Case("eval-grade-count", "self-evaluation",
         "十(四) says 4 projects graded 中; 3 attached 自评表 are (重点项目开工及观摩活动经费, "
         "应急办经费, 差旅费)",
         Replace("3个项目自评等级为“中”", "4个项目自评等级为“中”", after=NARRATIVE),
         ("N-perf",)),
    # -- 项目绩效分析 text against its 自评表 ----------------------------------------------------
    Case("analysis-meeting", "perf-analysis",
         "会议费 analysis: '本年度实际支出费用占年初预算的42.60%' (its table: 42.06%)",
         Replace("占年初预算的42.06%", "占年初预算的42.60%", after=ev("会议费")),
         ("N-perf-analysis", "N-perf*", "E-*")),
    Case("analysis-printing", "perf-analysis",
         "印刷费 analysis: '实际项目支出仅占年初预算的10.91%' (its table: 1.835 / 18 = 10.19%)",
         Replace("仅占年初预算的10.19%", "仅占年初预算的10.91%", after=ev("印刷费")),
         ("N-perf-analysis", "N-perf*", "E-*")),
    Case("analysis-travel", "perf-analysis",
         "差旅费 analysis: '实际全年预算执行率为18.38%' (its table: 18.88%)",
         Replace("预算执行率为18.88%", "预算执行率为18.38%", after=ev("差旅费")),
         ("N-perf-analysis", "N-perf*", "E-*")),
    Case("analysis-network", "perf-analysis",
         "网络租赁费用 analysis: '实际年度支出占年初预算的90%' (its table: 20 of 20, 100%)",
         Replace("实际年度支出占年初预算的100%", "实际年度支出占年初预算的90%", after=ev("网络租赁费用")),
         ("N-perf-analysis", "N-perf*", "E-*")),
    Case("analysis-supervision", "perf-analysis",
         "党委督查室经费 analysis: '全年实际支出占年初预算的98%' (its table: 1 of 1, 100%)",
         Replace("全年实际支出占年初预算的100%", "全年实际支出占年初预算的98%", after=ev("党委督查室经费")),
         ("N-perf-analysis", "N-perf*", "E-*")),
    # -- codes ---------------------------------------------------------------------------------------
    Case("code-transposed", "codes",
         "公开02 code 2080505 typed 2080550 (no such 项)",
         Replace("2080505\t机关事业单位基本养老保险缴费支出", "2080550\t机关事业单位基本养老保险缴费支出",
                 after=T02),
         ("C-code",)),
    Case("code-neighbour", "codes",
         "公开05 事业单位医疗 filed under 2101101 (行政单位医疗), the code on the line above in "
         "last year's sheet; a warning by the catalogue's design (C-name)",
         Replace("2101102\t事业单位医疗", "2101101\t事业单位医疗", after=T05),
         ("C-name", "C-code"), severity=W),
    Case("code-wrong-name", "codes",
         "公开03 2010350 named 行政运行 (2010301's name) instead of 事业运行; a warning by "
         "design (C-name)",
         Replace("2010350\t事业运行", "2010350\t行政运行", after=T03),
         ("C-name",), severity=W),
    Case("code-outdated-class-02", "codes",
         "公开02 210 printed with its pre-2018 name 医疗卫生与计划生育支出; a warning by design "
         "(a known former name)",
         Replace("210\t卫生健康支出", "210\t医疗卫生与计划生育支出", after=T02),
         ("C-name", "READ-*"), severity=W),
    Case("code-outdated-class-01", "codes",
         "公开01 九、 printed 医疗卫生与计划生育支出 (the pre-2018 name of 210) from an old "
         "template; a warning by design",
         Replace("九、卫生健康支出", "九、医疗卫生与计划生育支出", after=T01),
         ("C-name", "READ-*"), severity=W),
    Case("code-duplicate", "codes",
         "公开03 2080506's row given the code 2080505 (copied from the line above)",
         Replace("2080506\t机关事业单位职业年金缴费支出", "2080505\t机关事业单位职业年金缴费支出",
                 after=T03),
         ("C-dup",)),
    Case("code-orphan", "codes",
         "公开05 款 row 21007 计划生育事务 deleted; its 项 2100799 is left without a parent",
         Drop("21007\t计划生育事务", after=T05),
         ("C-orphan", "R05-tree")),
    Case("code-economic", "codes",
         "公开06 邮电费 coded 30270 (typo for 30207)",
         Replace("30207\t邮电费", "30270\t邮电费", after=T06),
         ("C-code",)),
    Case("code-outdated-item", "codes",
         "公开03 20805 printed with its former name 行政事业单位离退休 (now 行政事业单位养老支出); a "
         "warning by design",
         Replace("20805\t行政事业单位养老支出", "20805\t行政事业单位离退休", after=T03),
         ("C-name", "READ-*"), severity=W),
    # -- completeness --------------------------------------------------------------------------------
    Case("complete-drop-08", "completeness",
         "the empty 公开08 国有资本经营预算财政拨款支出决算表 left out (it must be published "
         "with its note)",
         Drop("国有资本经营预算财政拨款支出决算表\n\n公开08表", "财政拨款“三公”经费支出决算表\n\n公开09表"),
         ("K-missing",)),
    Case("complete-drop-09", "completeness",
         "the empty 公开09 三公 table left out",
         Drop("财政拨款“三公”经费支出决算表\n\n公开09表", "部门决算公开相关信息统计表\n\n公开10表"),
         ("K-missing",)),
    Case("complete-drop-06", "completeness",
         "公开06 基本支出决算明细表 left out (a table with data)",
         Drop("一般公共预算财政拨款基本支出决算明细表\n\n公开06表", "政府性基金预算财政拨款收入支出决算表\n\n公开07表"),
         ("K-missing",)),
    Case("complete-note-missing", "completeness",
         "公开07 printed empty without its 说明：本表无数据; a warning by design (K-empty-note)",
         Drop("说明：本表无数据", after="公开07表"),
         ("K-empty-note",), severity=W),
    Case("complete-printed-twice", "completeness",
         "公开10 printed twice (pasted again at the end of the tables); a warning by design",
         Duplicate("部门决算公开相关信息统计表\n\n公开10表", NARRATIVE),
         ("K-duplicate", "READ-*"), severity=W),
    Case("complete-evaluation-dropped", "completeness",
         "资料费's 自评表 (graded 差) not attached: 12 差 attached, the narrative says 13",
         Drop(ev("资料费"), ev("会议费")),
         ("N-perf",)),
    # -- units ----------------------------------------------------------------------------------------
    Case("unit-table-header", "units",
         "公开05 header says 金额单位：元 while its figures are 万元 (the header of another sheet)",
         Replace("金额单位：万元", "金额单位：元", after=T05),
         ("X5", "X6", "X9", "X-*")),
    Case("unit-narrative-total", "units",
         "一、收入总计 written 648.92元 (万元 dropped)",
         Replace("2024年度收入总计648.92万元", "2024年度收入总计648.92元", after=NARRATIVE),
         ("X12",)),
    Case("unit-narrative-conversion", "units",
         "六、人员经费 converted to 元 with one zero short: 340280元 for 3402800元",
         Replace("人员经费340.28万元", "人员经费340280元", after=NARRATIVE),
         ("X12",)),
    Case("unit-narrative-postage", "units",
         "六、邮电费 written 6.7元 (万元 dropped)",
         Replace("邮电费6.7万元", "邮电费6.7元", after=NARRATIVE),
         ("X12",)),
    Case("unit-table-10", "units",
         "公开10 header says 金额单位：元; the narrative's 政府采购 2.74万元 restates its 2.74",
         Replace("金额单位：万元", "金额单位：元", after=T10),
         ("X12",)),
    # -- years in titles ---------------------------------------------------------------------------------
    Case("year-table-03", "years",
         "公开03 header says 2023年度 (the sheet copied from last year's file)",
         Replace("综合办公室 2024年度", "综合办公室 2023年度", after=T03),
         ("READ-*", "K-*", "Y-*")),
    Case("year-cover", "years",
         "the cover says 2023年度部门决算公开; every table says 2024",
         Replace("2024年度部门决算公开", "2023年度部门决算公开"),
         ("READ-*", "Y-*")),
    Case("year-evaluation", "years",
         "办公用品's 自评表 subtitle says (2023年度)",
         Replace("(2024年度)", "(2023年度)", after=ev("办公用品")),
         ("READ-*", "Y-*")),
    Case("year-table-06", "years",
         "公开06 header says 2023年度",
         Replace("2024年度", "2023年度", after=T06),
         ("READ-*", "K-*", "Y-*")),
)

SEED_HARMLESS: tuple[Case, ...] = (
    Case("ok-reword", "harmless",
         "一、the reason reworded (主要原因是 → 原因主要在于)",
         Replace("主要原因是本年度减少了", "原因主要在于本年度减少了", after=NARRATIVE)),
    Case("ok-reorder-paragraphs", "harmless",
         "三、the 项目支出 paragraph put before the 基本支出 one",
         Replace("基本支出349.97万元，占比55.40%；\n\n项目支出281.74万元，占比44.60%。",
                 "项目支出281.74万元，占比44.60%；\n\n基本支出349.97万元，占比55.40%。", after=NARRATIVE)),
    Case("ok-reorder-classes", "harmless",
         "五(二) 住房保障支出 listed before 卫生健康支出",
         Replace("卫生健康支出(类)11.58万元，占比1.83%；\n\n住房保障支出(类)24.09万元，占比3.81%。",
                 "住房保障支出(类)24.09万元，占比3.81%；\n\n卫生健康支出(类)11.58万元，占比1.83%。",
                 after=NARRATIVE)),
    Case("ok-page-numbers", "harmless",
         "page numbers ('- 8 -') and page breaks between tables, as a PDF's text has them",
         All((Replace("\n一般公共预算财政拨款支出决算表\n", "\n- 7 -\n\f\n一般公共预算财政拨款支出决算表\n",
                      after="公开04表"),
              Replace("\n政府性基金预算财政拨款收入支出决算表\n",
                      "\n- 9 -\n\f\n政府性基金预算财政拨款收入支出决算表\n", after=T06)))),
    Case("ok-page-break-narrative", "harmless",
         "a page number and a page break between two paragraphs of the 情况说明",
         Replace("\n四、财政拨款收支决算总体情况说明\n", "\n15\n\f\n四、财政拨款收支决算总体情况说明\n",
                 after=NARRATIVE)),
    Case("ok-figure-everywhere", "harmless",
         "政府采购 2.74 → 3.15万元 everywhere it is printed: 公开10 合计 and 货物, the "
         "narrative's 总额 and 货物",
         All((Replace("合计\t1\t2.74", "合计\t1\t3.15", after=T10),
              Replace("货物\t2\t2.74", "货物\t2\t3.15", after=T10),
              Replace("政府采购支出总额2.74万元", "政府采购支出总额3.15万元", after=NARRATIVE),
              Replace("政府采购货物支出2.74万元", "政府采购货物支出3.15万元", after=NARRATIVE)))),
    Case("ok-table-figure-everywhere", "harmless",
         "2080506 职业年金缴费 0.09 → 0.10万元 with everything it feeds: 20805, 208 and 合计 of "
         "公开02/03/05, 公开01/04 (208, totals, 总计 648.93), 公开06 (30109, 301 308.73, 人员经费 "
         "340.29), 基本支出 349.98; the narrative's restatements, its changes on last year (Δ "
         "174.35: last year's 823.28 and 806.07 stay; the rates still round to 21.18% and "
         "21.63%), 社保's 增加50.87万元 and completion 50.87 / 63.08 = 80.64%",
         All((Replace("\t0.09\t0.09", "\t0.10\t0.10", after=T02, count=3),
              Replace("30109\t职业年金缴费\t0.09", "30109\t职业年金缴费\t0.10", after=T06),
              Replace("50.86", "50.87", after=T01, count=0),
              Replace("631.71", "631.72", after=T01, count=0),
              Replace("648.92", "648.93", after=T01, count=0),
              Replace("349.97", "349.98", after=T01, count=0),
              Replace("308.72", "308.73", after=T01, count=0),
              Replace("340.28", "340.29", after=T01, count=0),
              Replace("174.36", "174.35", after=NARRATIVE, count=0),
              Replace("完成年初预算的80.63%", "完成年初预算的80.64%", after=NARRATIVE)))),
    Case("ok-page-number-inside-table", "harmless",
         "a page number and a page break where 公开01 continues on its next page (after row 23)",
         Replace("二十三、其他支出\t54\t\n\n", "二十三、其他支出\t54\t\n\n- 3 -\n\f\n", after=T01)),
    Case("ok-evaluation-figure-everywhere", "harmless",
         "会议费 全年执行数 6.309 → 6.409 with everything that follows: 结余 8.591, 执行率 "
         "42.73%, 得分 4.27, 总分 59.27, and the analysis text's 42.73%",
         All((Replace("6.309\t8.691\t42.06\t4.21", "6.409\t8.591\t42.73\t4.27", after=ev("会议费"),
                      count=2),
              Replace("59.21\t差", "59.27\t差", after=ev("会议费")),
              Replace("占年初预算的42.06%", "占年初预算的42.73%", after=ev("会议费"))))),
    Case("ok-yuan-in-text", "harmless",
         "六、公用经费 and its items written in 元, converted (96900元, 29900元, 67000元)",
         Replace("公用经费9.69万元，主要包括办公费2.99万元，邮电费6.7万元",
                 "公用经费96900元，主要包括办公费29900元，邮电费67000元", after=NARRATIVE)),
    Case("ok-blank-lines", "harmless",
         "every blank line of the 情况说明 doubled",
         Lines(lambda line: "\n" if not line.strip() else line, "every blank line of the "
               "情况说明 doubled", after=NARRATIVE, until=GLOSSARY)),
    Case("ok-punctuation", "harmless",
         "the 情况说明's full-width colons made half-width and (类) made full-width （类）",
         Lines(lambda line: line.replace("：", ":").replace("(类)", "（类）"),
               "：→: and (类)→（类） in the 情况说明", after=NARRATIVE, until=GLOSSARY)),
    Case("ok-halfwidth-commas", "harmless",
         "the 情况说明's full-width commas made half-width (，→,)",
         Lines(lambda line: line.replace("，", ","), "，→, in the 情况说明", after=NARRATIVE,
               until=GLOSSARY)),
    Case("ok-fewer-places", "harmless",
         "二、'占比100.00%' written '占比100%'",
         Replace("财政拨款收入631.71万元，占比100.00%", "财政拨款收入631.71万元，占比100%",
                 after=NARRATIVE)),
    Case("ok-this-year", "harmless",
         "二、'2024年度收入合计' written '本年度收入合计'",
         Replace("2024年度收入合计631.71万元", "本年度收入合计631.71万元", after=NARRATIVE)),
    Case("ok-no-contents", "harmless",
         "the 目录 left out",
         Drop("目 录\n", "第一部分 概况\n")),
    Case("ok-halfwidth-names", "harmless",
         "公开02's names with half-width brackets: 政府办公厅(室)",
         Replace("政府办公厅（室）", "政府办公厅(室)", after=T02, count=2)),
    Case("ok-trailing-spaces", "harmless",
         "trailing spaces after every line of the 情况说明",
         Lines(lambda line: line + "  " if line.strip() else line,
               "trailing spaces after every line of the 情况说明", after=NARRATIVE, until=GLOSSARY)),
    Case("ok-glossary-order", "harmless",
         "two 名词解释 entries swapped",
         Replace("- 二、事业收入：指事业单位开展专业业务活动及辅助活动取得的收入。\n"
                 "- 三、经营收入：指事业单位在专业业务活动及其辅助活动之外开展非独立核算经营活动取得的收入。",
                 "- 三、经营收入：指事业单位在专业业务活动及其辅助活动之外开展非独立核算经营活动取得的收入。\n"
                 "- 二、事业收入：指事业单位开展专业业务活动及辅助活动取得的收入。", after=GLOSSARY)),
    Case("ok-crlf", "harmless",
         "Windows line ends (CR LF) throughout",
         Replace("\n", "\r\n", count=0)),
)

# -- the budget (部门预算) ----------------------------------------------------------------------------

B_INCOME = "2025年部门收入预算总表\n"
B_EXPENDITURE = "2025年部门支出预算总表\n"
B_SUMMARY = "2025年部门财务收支预算总表\n"
B_GENERAL = "2025年部门一般公共预算支出功能分类预算表\n"
B_ECONOMIC = "2025年部门一般公共预算基本支出部门预算经济分类预算表\n"
B_THREE = "2025年部门“三公”经费和机关运行经费预算表\n"
B_TEXT = "2025年部门预算编制说明\n"
B_OTHER = "其他相关情况说明\n"

BUDGET_MISTAKES: tuple[Case, ...] = (
    Case("budget-sum-item", "sums",
         "收入预算总表 2010507 专项普查活动 typed 438,030 for 438,300 (both columns); 20105 kept",
         Replace("专项普查活动\t438,300\t438,300", "专项普查活动\t438,030\t438,030", after=B_INCOME),
         ("BS02-tree",), document="budget"),
    Case("budget-sum-row", "sums",
         "支出预算总表 2089999: 基本支出 typed 6,166,220 (7,574,422 = 6,166,222 + 1,408,200)",
         Replace("其他社会保障和就业支出\t7,574,422\t6,166,222\t1,408,200",
                 "其他社会保障和就业支出\t7,574,422\t6,166,220\t1,408,200", after=B_EXPENDITURE),
         ("BS03-1",), document="budget"),
    Case("budget-summary-class", "sums",
         "财务收支预算总表 卫生健康支出 typed 3,216,937 for 3,216,973",
         Replace("七、卫生健康支出\t3,216,973", "七、卫生健康支出\t3,216,937", after=B_SUMMARY),
         ("BS01-3", "B-X2"), document="budget"),
    Case("budget-summary-class-dropped", "sums",
         "财务收支预算总表: the 住房保障支出 line lost when the sheet was re-laid",
         Drop("\t\t九、住房保障支出\t9,364,732", after=B_SUMMARY),
         ("BS01-3", "B-X2"), document="budget"),
    Case("budget-general-total", "sums",
         "一般公共预算支出功能分类预算表 合计 基本支出 typed 101,341,764 for 101,341,746",
         Replace("合计\t\t\t\t189,767,551\t101,341,746", "合计\t\t\t\t189,767,551\t101,341,764",
                 after=B_GENERAL),
         ("BS05-1", "BS05-tree", "B-X5"), document="budget"),
    Case("budget-economic-item", "sums",
         "经济分类预算表 30207 邮电费 typed 375,000 for 357,000 (both columns); 302 kept",
         Replace("邮电费\t357,000\t0\t357,000", "邮电费\t375,000\t0\t375,000", after=B_ECONOMIC),
         ("BS08-tree",), document="budget"),
    Case("budget-three-public", "sums",
         "三公 table 公务接待费 typed 1.53 for 1.35 (37.91 = 0 + 1.35 + 36.56)",
         Replace("37.91\t0\t1.35\t36.56", "37.91\t0\t1.53\t36.56", after=B_THREE),
         ("BS09-1",), document="budget"),
    Case("budget-cross-general", "cross-table",
         "一般公共预算支出功能分类预算表: 2120102 一般行政管理事务 typed 17,464,234 for "
         "17,464,243 and the sheet's formulas carried it up (21201, 212, 合计, each nine 元 "
         "less); 支出预算总表 (all money is 一般公共预算) prints 17,464,243",
         All((Replace("一般行政管理事务\t17,464,243\t0\t17,464,243",
                      "一般行政管理事务\t17,464,234\t0\t17,464,234", after=B_GENERAL),
              Replace("城乡社区管理事务\t94,995,790\t77,381,546\t17,614,243",
                      "城乡社区管理事务\t94,995,781\t77,381,546\t17,614,234", after=B_GENERAL),
              Replace("城乡社区支出\t154,369,326\t77,381,546\t76,987,780",
                      "城乡社区支出\t154,369,317\t77,381,546\t76,987,771", after=B_GENERAL),
              Replace("合计\t\t\t\t189,767,551\t101,341,746\t88,425,805",
                      "合计\t\t\t\t189,767,542\t101,341,746\t88,425,796", after=B_GENERAL))),
         ("B-X10", "B-X4", "B-X*"), document="budget"),
    Case("budget-narr-vehicles", "narrative",
         "三公 说明: 公务用车购置及运行费 written 35.66万元 (table: 36.56)",
         Replace("公务用车购置及运行费36.56万元", "公务用车购置及运行费35.66万元", after=B_OTHER),
         ("X12",), document="budget"),
    Case("budget-narr-income", "narrative",
         "编制说明 收入预算 written 18,967.76万元 (tables: 189,767,551元)",
         Replace("收入预算18,976.76万元", "收入预算18,967.76万元", after=B_TEXT),
         ("X12",), document="budget"),
    Case("budget-narr-three-public", "narrative",
         "三公 预算数 written 39.71万元 (table: 37.91)",
         Replace("“三公”经费预算数为37.91万元", "“三公”经费预算数为39.71万元", after=B_OTHER),
         ("X12",), document="budget"),
    Case("budget-narr-item", "narrative",
         "编制说明 城管执法 written 625.27万元 (table: 6,522,681元 = 652.27万元)",
         Replace("城管执法（项）”科目652.27万元", "城管执法（项）”科目625.27万元", after=B_TEXT),
         ("X12",), document="budget"),
    Case("budget-narr-running-cost", "narrative",
         "机关运行经费 written 446.64万元 (table: 464.64)",
         Replace("机关运行经费预算为464.64万元", "机关运行经费预算为446.64万元", after=B_OTHER),
         ("X12",), document="budget"),
    Case("budget-code", "codes",
         "收入预算总表 城管执法 coded 212 01 40 (typo for 04)",
         Replace("212\t01\t04\t城管执法", "212\t01\t40\t城管执法", after=B_INCOME),
         ("C-code",), document="budget"),
    Case("budget-year-title", "years",
         "支出预算总表 titled 2024年部门支出预算总表 (last year's sheet name)",
         Replace("2025年部门支出预算总表\n", "2024年部门支出预算总表\n", after=B_INCOME),
         ("READ-*", "Y-*"), document="budget"),
    Case("budget-unit", "units",
         "一般公共预算支出功能分类预算表 header says 单位：万元 while its figures are 元",
         Replace("单位：元", "单位：万元", after=B_GENERAL),
         ("B-X*",), document="budget"),
    Case("budget-drop-table", "completeness",
         "the empty 政府性基金预算支出功能分类预算表 left out; a warning by design (B-K-missing)",
         Drop("2025年部门政府性基金预算支出功能分类预算表\n", "2025年部门国有资本经营预算支出功能分类预算表\n"),
         ("B-K-missing",), severity=W, document="budget"),
    Case("budget-date", "dates",
         "'2024年“三公”经费预算数为37.91万元' in the 2025 budget (this year's figure)",
         Replace("2025年“三公”经费预算数为37.91万元", "2024年“三公”经费预算数为37.91万元", after=B_OTHER),
         ("N-stale-year", "N-year", "N-date*"), document="budget"),
)

BUDGET_HARMLESS: tuple[Case, ...] = (
    Case("budget-ok-reword", "harmless",
         "编制说明's reason reworded",
         Replace("财政拨款收入支出增加的主要原因是项目调整。", "财政拨款收入支出增加，主要是由于项目调整。",
                 after=B_TEXT),
         document="budget"),
    Case("budget-ok-yuan-in-text", "harmless",
         "三公 预算数 written in 元, converted (379100元)",
         Replace("“三公”经费预算数为37.91万元", "“三公”经费预算数为379100元", after=B_OTHER),
         document="budget"),
    Case("budget-ok-page-numbers", "harmless",
         "page numbers ('- 5 -') between the tables, as a PDF's text has them",
         All((Replace("\n2025年部门收入预算总表\n", "\n- 5 -\n\f\n2025年部门收入预算总表\n",
                      after=B_SUMMARY),
              Replace("\n2025年部门“三公”经费和机关运行经费预算表\n",
                      "\n- 12 -\n\f\n2025年部门“三公”经费和机关运行经费预算表\n", after=B_ECONOMIC))),
         document="budget"),
    Case("budget-ok-blank-lines", "harmless",
         "a blank line after every line of the 编制说明",
         Lines(lambda line: line + "\n" if line.strip() else line,
               "a blank line after every line of the 编制说明", after=B_TEXT,
               until="2025年部门财务收支预算总表\n编制部门"),
         document="budget"),
)

#: Every case, in report order.
CASES: tuple[Case, ...] = SEED_MISTAKES + BUDGET_MISTAKES + SEED_HARMLESS + BUDGET_HARMLESS


def _unique() -> None:
    seen: set[str] = set()
    for case in CASES:
        if case.id in seen:
            raise ValueError(f"case id {case.id!r} used twice")
        seen.add(case.id)


_unique()
