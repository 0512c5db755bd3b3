"""Formatting through babel (Decimal in, no float), HTML for notebooks, and to_frame()."""

from __future__ import annotations

import sys
from decimal import Decimal

import golden
import pytest
from seed_disclosure import seed_disclosure

from govfin.amounts import Unit
from govfin.findings import Report, report_html
from govfin.formatting import (
    format_amount,
    format_change,
    format_number,
    format_percent,
    format_ratio,
)
from govfin.ratios import Change, Ratio, class_shares
from govfin.rules import check
from govfin.tables import DisclosureInfoTable, IncomeTable, table_html


def test_amounts_zh() -> None:
    assert format_amount(Decimal("631.71")) == "631.71万元"
    assert format_amount(Decimal("2940.05")) == "2,940.05万元"
    assert format_amount(Decimal("631.71"), to=Unit.YUAN) == "6,317,100.00元"
    assert format_amount(Decimal("911000.39"), unit=Unit.YUAN) == "911,000.39元"
    assert format_amount(Decimal("911000.39"), unit=Unit.YUAN, to=Unit.WAN_YUAN) == "91.10万元"
    assert format_amount(None) == "—"
    assert format_amount(Decimal("-12.3")) == "-12.30万元"


def test_amounts_en() -> None:
    assert format_amount(Decimal("631.71"), locale="en") == "CN¥6,317,100.00"
    assert format_amount(Decimal("631.71"), locale="en", to=Unit.WAN_YUAN) == (
        "631.71 × 10,000 yuan"
    )


def test_rounding_is_half_up_not_banker() -> None:
    # Python's round() and babel's default context would give 0.12; 四舍五入 gives 0.13
    assert format_number(Decimal("0.125")) == "0.13"
    assert format_amount(Decimal("0.125")) == "0.13万元"
    assert format_percent(Decimal("0.00125")) == "0.13%"


def test_floats_are_refused() -> None:
    with pytest.raises(TypeError):
        format_number(0.1)  # type: ignore[arg-type]


def test_percent() -> None:
    assert format_percent(Decimal("545.19") / Decimal("631.71")) == "86.30%"
    assert format_percent(Decimal("18.3"), places=0) == "1,830%"
    assert format_percent(Decimal("0.863038"), locale="en") == "86.30%"
    assert format_percent(None) == "—"


def test_ratio_and_change() -> None:
    r = Ratio("一般公共服务支出", Decimal("545.19"), Decimal("631.71"))
    assert format_ratio(r) == "一般公共服务支出 545.19万元 / 631.71万元 = 86.30%"
    c = Change("一般公共预算财政拨款支出", Decimal("631.71"), Decimal("806.07"))
    assert format_change(c) == "减少174.36万元，下降21.63%"
    assert format_change(c, locale="en") == "down CN¥1,743,600.00 (−21.63%)"
    assert format_change(Change("x", Decimal("24.09"), Decimal(0))) == "增加24.09万元"
    assert format_change(Change("x", Decimal(1), Decimal(1))) == "持平"
    assert format_change(Change("x", Decimal(1), Decimal(1)), locale="en") == "unchanged"
    assert format_change(Change("x", Decimal("11.58"), Decimal("0.60"))) == (
        "增加10.98万元，增长1,830.00%"
    )


def test_report_html() -> None:
    report = check(seed_disclosure())
    page = report_html(report)
    assert page.startswith(f"<div><p><b>{golden.SUMMARY}")
    assert page.index("N-perf") < page.index("checked: agrees")  # errors first
    assert "&lt;" not in report_html(Report())  # an empty report is still valid HTML
    short = report_html(report, infos=False)
    assert "checked: agrees" not in short
    assert short.count("<tr>") == 1 + golden.ERRORS + golden.WARNINGS  # header + each finding
    assert "more finding(s)" in report_html(report, limit=10)


def test_table_html() -> None:
    d = seed_disclosure()
    page = table_html(d[IncomeTable])
    assert "<b>公开02表 收入决算表</b>" in page
    assert "631.71" in page and "2010350" in page
    info = table_html(d[DisclosureInfoTable])
    assert "2.74" in info
    empty = table_html(d["政府性基金预算财政拨款收入支出决算表"])
    assert "本表无数据" in empty


def test_jupyter_reprs() -> None:
    # Jupyter calls _repr_html_ on the objects themselves
    d = seed_disclosure()
    report = check(d)
    assert report._repr_html_() == report_html(report)
    assert report._repr_html_().count("<tr>") == len(report) + 1
    t = d[IncomeTable]
    assert t._repr_html_() == table_html(t)
    assert t._repr_html_().count("<tr>") == len(t.rows) + 1


def test_html_escapes() -> None:
    from govfin.findings import Category, Finding, Severity

    r = Report((Finding("X1", Severity.ERROR, Category.CROSS_TABLE, "<script>"),))
    assert "<script>" not in report_html(r) and "&lt;script&gt;" in report_html(r)


# -- to_frame --------------------------------------------------------------------------------


def test_to_frame_of_a_table() -> None:
    pytest.importorskip("pandas")
    from govfin.frames import to_frame

    t = seed_disclosure()[IncomeTable]
    df = to_frame(t)
    assert list(df.columns) == ["key", "code", "name", *IncomeTable.COLUMNS]
    assert df.loc[0, "本年收入合计"] == Decimal("631.71")  # Decimal kept
    assert to_frame(t, numeric="float").loc[0, "本年收入合计"] == pytest.approx(631.71)


def test_to_frame_of_ratios_claims_and_mappings() -> None:
    pytest.importorskip("pandas")
    from govfin.frames import to_frame
    from govfin.rules.narrative import assess

    d = seed_disclosure()
    shares = to_frame(class_shares(d))
    assert list(shares.label) == [
        "一般公共服务支出",
        "社会保障和就业支出",
        "卫生健康支出",
        "住房保障支出",
    ]
    assert {"numerator", "denominator", "value", "percent"} <= set(shares.columns)
    claims = to_frame(d.claims())
    assert len(claims) == golden.CLAIMS and {"kind", "section", "line", "text"} <= set(claims.columns)
    assessed = to_frame(assess(d))
    assert {"claim", "rule_id", "status"} <= set(assessed.columns)
    assert set(assessed.status) == {"checked: agrees", "contradicted", "not checkable"}
    m = to_frame({"a": Decimal(1)})
    assert list(m.columns) == ["label", "value"]
    assert to_frame([]).empty
    with pytest.raises(TypeError):
        to_frame(3)


def test_to_frame_without_pandas(monkeypatch: pytest.MonkeyPatch) -> None:
    from govfin.frames import PANDAS_MISSING, to_frame

    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas now raises ImportError
    with pytest.raises(ImportError, match=r"govfin\[pandas\]"):
        to_frame(Report())
    assert "pip install" in PANDAS_MISSING


def test_govfin_imports_without_pandas() -> None:
    import subprocess

    code = (
        "import sys; sys.modules['pandas'] = None\n"
        "import govfin, govfin.frames, govfin.ratios, govfin.formatting, govfin.disclosure\n"
        "from govfin import examples\n"
        "d = examples.load(); r = govfin.check(d)\n"
        "assert govfin.ratios.class_shares(d) and r._repr_html_()\n"
        "print('ok')"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "ok"
