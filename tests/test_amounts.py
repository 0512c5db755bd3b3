"""Amounts: parsing printed cells, units, and the tolerance model, with hand-computed cases."""

from __future__ import annotations

import doctest
from decimal import Decimal as D
from pathlib import Path

import pytest

from govfin.amounts import (
    AmountError,
    Interval,
    Tolerance,
    ToleranceMode,
    Unit,
    convert,
    interval_of,
    parse_amount,
    parse_count,
    to_decimal,
)

C = D("0.01")  # the last-place unit of a 万元 table kept to two decimals


class TestParseAmount:
    @pytest.mark.parametrize(
        ("text", "value"),
        [
            ("631.71", D("631.71")),
            ("2,940.05", D("2940.05")),
            ("1,234,567.89", D("1234567.89")),
            ("0.00", D("0.00")),
            ("205.00", D("205.00")),
            ("  17.21 ", D("17.21")),
            ("\u300017.21", D("17.21")),
            ("-12.30", D("-12.30")),
            ("（12.30）", D("-12.30")),
            ("(12.30)", D("-12.30")),
            ("12", D(12)),
            ("+5.5", D("5.5")),
            (".5", D("0.5")),
            ("2，940.05", D("2940.05")),  # full-width comma
        ],
    )
    def test_numbers(self, text: str, value: D) -> None:
        got = parse_amount(text)
        assert got == value and isinstance(got, D)

    def test_keeps_printed_digits(self) -> None:
        assert str(parse_amount("205.00")) == "205.00"

    @pytest.mark.parametrize(
        "text",
        # the last ones: an en dash (Word's autoformat), the horizontal bar of Chinese
        # typesetting, box-drawing lines and longer runs, as real tables print a blank
        ["", "   ", "—", "-", "— —", "——", "－", "--", "/",
         "–", "――", "― ―", "─", "---", "-----", "－－", "— —  "],
    )
    def test_blank_is_none_not_zero(self, text: str) -> None:
        assert parse_amount(text) is None

    @pytest.mark.parametrize(
        "text", ["abc", "12.3.4", "1,23.00", "12,3456.00", "六百", "12元", "1e5", "12-", "()",
                 "—1", "–5–"]
    )
    def test_garbage_raises_naming_the_cell(self, text: str) -> None:
        where = "收入支出决算总表, row 本年收入合计, column 金额"
        with pytest.raises(AmountError) as info:
            parse_amount(text, where=where)
        assert str(info.value).startswith(where)
        assert info.value.where == where and info.value.text == text

    @pytest.mark.parametrize(
        "text", ["NaN", "nan", "inf", "-Infinity", "1E+400", "1e-400", "sNaN", "（NaN）"]
    )
    def test_nan_inf_and_exponents_raise_value_error_naming_the_cell(self, text: str) -> None:
        where = "支出决算表, row 20103, column 基本支出"
        with pytest.raises(ValueError) as info:
            parse_amount(text, where=where)
        assert isinstance(info.value, AmountError)
        assert str(info.value).startswith(f"{where}: ") and repr(text) in str(info.value)
        assert info.value.where == where and info.value.text == text

    @pytest.mark.parametrize(
        ("value", "problem"),
        [
            (D("NaN"), "not a finite number"),
            (D("sNaN"), "not a finite number"),
            (D("Infinity"), "not a finite number"),
            (D("-Infinity"), "not a finite number"),
            (D("1E+400"), "absurd magnitude"),
            (D("1E-400"), "absurd magnitude"),
            (D("1E+16"), "absurd magnitude"),
        ],
    )
    def test_non_finite_or_absurd_decimals_raise_naming_the_cell(
        self, value: D, problem: str
    ) -> None:
        where = "公开06表, row 301, column 决算数"
        with pytest.raises(ValueError, match=problem) as info:
            to_decimal(value, where=where)
        assert isinstance(info.value, AmountError)
        assert str(info.value).startswith(f"{where}: ")
        assert info.value.where == where

    def test_absurd_int_is_rejected_like_an_absurd_decimal(self) -> None:
        with pytest.raises(AmountError, match="absurd"):
            to_decimal(10**30, where="t")

    @pytest.mark.parametrize("value", [D("1E+15"), D("-9E+15"), D("1E-15"), D("0E-400")])
    def test_large_but_plausible_exponents_pass(self, value: D) -> None:
        assert to_decimal(value, where="t") == value

    def test_absurd_magnitude_digits(self) -> None:
        with pytest.raises(AmountError, match="absurd"):
            parse_amount("12345678901234567890")

    def test_float_is_a_type_error(self) -> None:
        with pytest.raises(TypeError, match="float"):
            to_decimal(631.71)
        with pytest.raises(TypeError):
            parse_amount(631.71)  # type: ignore[arg-type]

    def test_to_decimal_accepts_int_str_decimal_none(self) -> None:
        assert to_decimal(3) == D(3)
        assert to_decimal("3.10") == D("3.10")
        assert to_decimal(D("3.1")) == D("3.1")
        assert to_decimal(None) is None
        with pytest.raises(TypeError):
            to_decimal(True)
        with pytest.raises(TypeError):
            to_decimal([1])

    def test_parse_count(self) -> None:
        assert parse_count("3") == 3
        assert parse_count("3.00") == 3
        assert parse_count("") is None
        with pytest.raises(AmountError, match="whole"):
            parse_count("1.5", where="公开10表 车辆数合计")


class TestUnit:
    def test_parse(self) -> None:
        assert Unit.parse("金额单位：万元") is Unit.WAN_YUAN
        assert Unit.parse("单位： 元") is Unit.YUAN
        with pytest.raises(AmountError):
            Unit.parse("单位：斤")

    def test_conversion_is_exact(self) -> None:
        assert convert(D("631.71"), Unit.WAN_YUAN, Unit.YUAN) == D(6317100)
        assert convert(D("6317100.00"), Unit.YUAN, Unit.WAN_YUAN) == D("631.71")
        assert convert(D("881300.39"), Unit.YUAN, Unit.WAN_YUAN) == D("88.130039")
        assert convert(D("0.01"), Unit.YUAN, Unit.WAN_YUAN) == D("0.000001")
        assert convert(None, Unit.YUAN, Unit.WAN_YUAN) is None

    @pytest.mark.parametrize("text", ["0.01", "1.23", "911000.39", "123456789.99"])
    def test_round_trip(self, text: str) -> None:
        v = D(text)
        there = convert(v, Unit.YUAN, Unit.WAN_YUAN)
        assert convert(there, Unit.WAN_YUAN, Unit.YUAN) == v


class TestIntervals:
    def test_round(self) -> None:
        assert interval_of(D("308.72"), C, ToleranceMode.ROUND) == Interval(
            D("308.715"), D("308.725")
        )

    def test_truncate_is_away_from_zero(self) -> None:
        assert interval_of(D("1.23"), C, ToleranceMode.TRUNCATE) == Interval(D("1.23"), D("1.24"))
        assert interval_of(D("-1.23"), C, ToleranceMode.TRUNCATE) == Interval(
            D("-1.24"), D("-1.23")
        )

    def test_exact_and_unit_zero_are_points(self) -> None:
        assert interval_of(D(3), C, ToleranceMode.EXACT) == Interval(D(3), D(3))
        assert interval_of(D(3), D(0), ToleranceMode.ROUND) == Interval(D(3), D(3))

    def test_arithmetic(self) -> None:
        a, b = Interval(D(1), D(2)), Interval(D(10), D(20))
        assert a + b == Interval(D(11), D(22))
        assert b - a == Interval(D(8), D(19))
        assert a.meets(Interval(D(2), D(3))) and not a.meets(Interval(D("2.01"), D(3)))
        assert b.half_width == D(5)


def parts(*values: str | None) -> list[tuple[int, D | None]]:
    return [(1, D(v) if v is not None else None) for v in values]


class TestTolerance:
    """Hand-computed: slack = (total's half-width) + Σ (parts' half-widths), in ROUND mode."""

    def test_round_worked_example_301(self) -> None:
        # 公开06表: 301 printed 308.72; its eight non-blank 款 sum to 308.73.
        kuan = parts(
            "67.13",
            "9.90",
            None,
            None,
            "54.23",
            "19.32",
            "0.09",
            "11.47",
            None,
            None,
            "24.09",
            None,
            "122.50",
        )
        cmp = Tolerance().compare(D("308.72"), kuan, C)
        assert cmp.expected == D("308.73") and cmp.actual == D("308.72")
        assert cmp.difference == D("-0.01")
        assert cmp.slack == D("0.045")  # 0.005 × (1 total + 8 non-blank parts); blanks are exact
        assert cmp.consistent and cmp.residue

    def test_round_worked_example_20103(self) -> None:
        cmp = Tolerance().compare(D("545.19"), parts("340.18", "205.00"), C)
        assert (cmp.expected, cmp.difference, cmp.slack) == (D("545.18"), D("0.01"), D("0.015"))
        assert cmp.residue

    def test_round_break(self) -> None:
        cmp = Tolerance().compare(D("100.02"), parts("50.00", "50.00"), C)
        assert cmp.slack == D("0.015") and not cmp.consistent and not cmp.residue

    def test_exact_equality_is_not_a_residue(self) -> None:
        cmp = Tolerance().compare(D("631.71"), parts("631.71"), C)
        assert cmp.consistent and not cmp.residue and cmp.difference == 0

    def test_truncate(self) -> None:
        t = Tolerance(ToleranceMode.TRUNCATE)
        # total [100.02, 100.03] meets parts [100.00, 100.02]: consistent (ROUND says no).
        cmp = t.compare(D("100.02"), parts("50.00", "50.00"), C)
        assert cmp.consistent and cmp.slack == D("0.02")
        assert not t.compare(D("100.03"), parts("50.00", "50.00"), C).consistent
        # below: total [99.99, 100.00] vs parts [100.01, 100.03]: no
        assert not t.compare(D("99.99"), parts("50.00", "50.01"), C).consistent
        # short by exactly one unit: total [100.00, 100.01] touches parts [100.01, 100.03]
        below = t.compare(D("100.00"), parts("50.00", "50.01"), C)
        assert below.consistent and below.difference == D("-0.01") and below.slack == D("0.01")
        # negatives were cut towards zero: -5.00 stands for [-5.01, -5.00] and the parts for
        # [-2.51, -2.50] + [-2.52, -2.51] = [-5.03, -5.01].  The total is 0.01 above the
        # parts' -5.01; upwards the total may reach down 0.01 and the parts up 0: slack 0.01.
        neg = t.compare(D("-5.00"), parts("-2.50", "-2.51"), C)
        assert neg.consistent and neg.difference == D("0.01") and neg.slack == D("0.01")
        assert not t.compare(D("-4.99"), parts("-2.50", "-2.51"), C).consistent

    def test_exact_mode(self) -> None:
        t = Tolerance(ToleranceMode.EXACT)
        cmp = t.compare(D("545.19"), parts("340.18", "205.00"), C)
        assert not cmp.consistent and cmp.slack == 0
        assert t.compare(D("545.18"), parts("340.18", "205.00"), C).consistent

    def test_absolute(self) -> None:
        t = Tolerance(absolute=D("0.05"))
        assert t.compare(D("100.05"), parts("100.00"), C).consistent
        cmp = t.compare(D("100.06"), parts("100.00"), C)
        assert not cmp.consistent and cmp.slack == D("0.05")
        # an absolute tolerance overrides the interval model, also when it is tighter
        assert (
            not Tolerance(absolute=D(0))
            .compare(D("545.19"), parts("340.18", "205.00"), C)
            .consistent
        )

    def test_absolute_must_be_a_non_negative_decimal(self) -> None:
        with pytest.raises(TypeError):
            Tolerance(absolute=0.05)  # type: ignore[arg-type]
        with pytest.raises(ValueError):
            Tolerance(absolute=D("-0.01"))

    def test_minus_parts_and_mixed_units(self) -> None:
        # closing = opening + income − spending: 17.21 = 17.21 + 631.71 − 631.71
        cmp = Tolerance().compare(
            D("17.21"), [(1, D("17.21")), (1, D("631.71")), (-1, D("631.71"))], C
        )
        assert cmp.consistent and cmp.difference == 0 and cmp.slack == D("0.020")
        # counts: unit 0 makes every part exact
        cmp = Tolerance().compare(D(3), parts("1", "1"), D(0), units=[D(0), D(0)])
        assert not cmp.consistent and cmp.slack == 0

    def test_blank_total_counts_as_exact_zero(self) -> None:
        cmp = Tolerance().compare(None, parts("0.01"), C)
        assert cmp.actual == 0 and cmp.slack == D("0.005") and not cmp.consistent


def test_worked_example_in_docs_runs() -> None:
    """docs/tolerance.md's example is executable and right."""
    path = Path(__file__).resolve().parents[1] / "docs" / "tolerance.md"
    result = doctest.testfile(str(path), module_relative=False)
    assert result.attempted >= 4 and result.failed == 0


class TestThousandsOfYuan:
    """千元: some tables print thousands of yuan.  Read as 千元, never as 元 (a factor of 1,000)
    nor with 万元 assumed; 百元, 百万元 and 亿元 are not taken for 元."""

    @pytest.mark.parametrize("text", ["单位：千元", "金额单位:千元", "单位： 千 元"])
    def test_parse(self, text: str) -> None:
        assert Unit.parse(text) is Unit.QIAN_YUAN and Unit.QIAN_YUAN.yuan == 1000

    @pytest.mark.parametrize("text", ["单位：亿元", "单位：百万元", "单位：百元"])
    def test_other_units_are_not_yuan(self, text: str) -> None:
        with pytest.raises(AmountError, match="no monetary unit"):
            Unit.parse(text)

    def test_a_table_printed_in_thousands_checks_as_in_wan_yuan(self) -> None:
        import re

        import golden

        from govfin.readers import read_text
        from govfin.rules import check

        start = golden.line_of("收入决算表", exact=True, after=golden.line_of("公开01表"))
        end = golden.line_of("支出决算表", exact=True, after=start)
        lines = list(golden.LINES)
        for i in range(start - 1, end - 1):  # 公开02 in 千元: each amount × 10, to the printed places
            cells = [
                str(D(c).scaleb(1).quantize(D("0.01"))) if re.fullmatch(r"\d+\.\d\d", c) else c
                for c in lines[i].split("\t")
            ]
            lines[i] = "\t".join(cells).replace("金额单位：万元", "金额单位：千元")
        assert "金额单位：千元" in lines[start - 1 : end - 1]
        d = read_text("\n".join(lines)).disclosure
        assert d["收入决算表"].meta.unit is Unit.QIAN_YUAN
        assert d["收入决算表"].value("合计", "本年收入合计") == D("6317.10")
        report = check(d)
        assert d.read_problems == ()
        # the figures restated in 公开01 and 04 (in 万元) agree with 公开02 (in 千元)
        assert not [f for f in report.errors if f.rule_id in ("X1", "X2")]

    def test_a_table_printed_in_yi_yuan_is_left_unread(self) -> None:
        import golden

        from govfin.readers import read_text
        from govfin.rules import check

        text = golden.TEXT.replace("金额单位：万元", "金额单位：亿元", 1)
        d = read_text(text).disclosure
        assert "收入支出决算总表" not in [t.KIND for t in d.tables]
        (unread,) = [p for p in d.read_problems if p.rule_id == "READ-unread"]
        assert "亿元" in unread.message and unread.place.table == "收入支出决算总表"
        report = check(d)
        assert not [f for f in report.errors if not f.rule_id.startswith("READ-")
                    and f.table == "收入支出决算总表"]
