"""The rule registry, the check engine and the Report."""

from __future__ import annotations

import json
from decimal import Decimal as D
from pathlib import Path

import pytest

import govfin
from govfin.amounts import Tolerance, ToleranceMode
from govfin.findings import Category, Cell, ChecksFailed, Finding, Place, Report, Severity
from govfin.rules import REGISTRY, CheckOptions, Context, Registry, RuleError, check, rule
from govfin.rules.catalogue import render
from govfin.tables import IncomeTable, Row, TableMeta

ROOT = Path(__file__).resolve().parents[1]


def income(total: str, fiscal: str, other: str = "") -> IncomeTable:
    return IncomeTable(
        [
            Row("合计", "", {"本年收入合计": total, "财政拨款收入": fiscal, "其他收入": other}),
            Row("201", "一般公共服务支出",
                {"本年收入合计": total, "财政拨款收入": fiscal, "其他收入": other}, code="201"),
        ],
        TableMeta(year=2024),
    )


class TestRegistry:
    def test_ids_are_unique_and_titled(self) -> None:
        ids = [r.id for r in REGISTRY]
        assert len(ids) == len(set(ids))
        for r in REGISTRY:
            assert r.title_zh and r.title_en, r.id

    def test_filter(self) -> None:
        rollups = REGISTRY.filter(category=Category.ROLLUP)
        assert rollups and all(r.category is Category.ROLLUP for r in rollups)
        assert {r.id for r in REGISTRY.filter(table="收入决算表", prefix="R02")} >= {
            "R02-1", "R02-tree"
        }

    def test_unknown_rule(self) -> None:
        with pytest.raises(RuleError, match="R99"):
            REGISTRY.get("R99")

    def test_duplicate_registration(self) -> None:
        reg = Registry()

        @rule("Z-1", zh="甲", en="a", category=Category.PARTITION, subject=object, registry=reg)
        def _a(subject: object, ctx: Context) -> None:
            pass

        with pytest.raises(RuleError, match="Z-1"):
            rule("Z-1", zh="甲", en="a", category=Category.PARTITION, subject=object,
                 registry=reg)(_a)

    def test_for_type_matches_subclasses(self) -> None:
        ids = {r.id for r in REGISTRY.for_type(IncomeTable)}
        assert "R02-1" in ids and "C-code" in ids and "R03-1" not in ids


class TestEngine:
    def test_reports_every_finding_not_the_first(self) -> None:
        # the row partition breaks on both rows, and 合计 ≠ Σ类 in two columns: all reported
        t = income("100.00", "90.00")
        assert {f.rule_id for f in check(t, ignore=("C-",)).errors} == {"R02-1"}
        two = IncomeTable([*t.rows, Row("208", "社会保障和就业支出",
                                        {"本年收入合计": "1.00", "财政拨款收入": "1.00"},
                                        code="208")], t.meta)
        report = check(two, ignore=("C-",))
        assert sorted((f.rule_id, f.row, f.column) for f in report.errors) == [
            ("R02-1", "201", "本年收入合计"),
            ("R02-1", "合计", "本年收入合计"),
            ("R02-tree", "合计", "本年收入合计"),
            ("R02-tree", "合计", "财政拨款收入"),
        ]

    def test_residue_is_info_with_slack(self) -> None:
        t = income("100.01", "100.00")
        report = check(t, ignore=("C-",))
        assert report.ok
        assert len(report.infos) == 2
        f = report.infos[0]
        assert f.difference == D("0.01") and f.slack == D("0.010")

    def test_exact_mode_turns_residue_into_error(self) -> None:
        t = income("100.01", "100.00")
        report = check(t, ignore=("C-",), tolerance=Tolerance(ToleranceMode.EXACT))
        assert len(report.errors) == 2

    def test_absolute_override(self) -> None:
        t = income("100.05", "100.00")
        assert not check(t, ignore=("C-",)).ok
        assert check(t, ignore=("C-",), tolerance=Tolerance(absolute=D("0.05"))).ok

    def test_severity_override_and_switch_off(self) -> None:
        t = income("100.00", "90.00")
        r = check(t, ignore=("C-",), severity={"R02-1": "warning"})
        assert r.ok and len(r.warnings) == 2
        r = check(t, ignore=("C-",), severity={"R02-1": None})
        assert not [f for f in r if f.rule_id == "R02-1"]

    def test_select_and_ignore(self) -> None:
        t = IncomeTable([*income("100.00", "90.00").rows[:1],
                         Row("201", "一般公共服务", {"本年收入合计": "99.00"}, code="201")],
                        TableMeta(year=2024))
        everything = {f.rule_id for f in check(t)}
        assert everything == {"R02-1", "R02-tree", "C-name"}
        assert {f.rule_id for f in check(t, select=("R02-tree",))} == {"R02-tree"}
        assert {f.rule_id for f in check(t, select=("R02",))} == {"R02-1", "R02-tree"}
        assert {f.rule_id for f in check(t, ignore=("R02",))} == {"C-name"}
        assert {f.rule_id for f in check(t, rules=[REGISTRY.get("C-name")])} == {"C-name"}

    def test_truncate_mode_per_run(self) -> None:
        # R02-1 on both rows: 本年收入合计 = 财政拨款收入 + 其他收入 (blank, an exact zero).
        # round: 100.02 is [100.015, 100.025], 100.00 is [99.995, 100.005]: apart, an error
        # with slack 0.005 + 0.005 = 0.010
        t = income("100.02", "100.00")
        rounded = check(t, ignore=("C-",))
        assert len(rounded.errors) == 2 and {f.slack for f in rounded.errors} == {D("0.010")}
        # truncate: 100.01 is [100.01, 100.02] and meets 100.00's [100.00, 100.01]: a residue
        # with slack 0 (the total cannot be lower) + 0.01 (the part can be higher) = 0.01;
        # 100.02 is [100.02, 100.03] and does not meet it
        truncated = check(income("100.01", "100.00"), ignore=("C-",),
                          tolerance=Tolerance(ToleranceMode.TRUNCATE))
        assert truncated.ok and {f.slack for f in truncated.infos} == {D("0.01")}
        assert not check(t, ignore=("C-",), tolerance=Tolerance(ToleranceMode.TRUNCATE)).ok
        # truncate is one-sided: a total one unit BELOW its parts still meets them
        below = check(income("99.99", "100.00"), ignore=("C-",),
                      tolerance=Tolerance(ToleranceMode.TRUNCATE))
        assert below.ok and len(below.infos) == 2

    def test_options_object(self) -> None:
        opts = CheckOptions(ignore=("C-",))
        assert check(income("1.00", "1.00"), options=opts).findings == ()

    def test_at_most(self) -> None:
        ctx = Context(CheckOptions())
        ctx.start(REGISTRY.get("R02-1"))
        small = Cell(Place("a", "r", "c"), D("10.02"), D("0.01"))
        big = Cell(Place("b", "r", "c"), D("10.00"), D("0.01"))
        assert not ctx.at_most(small, big, what="a ≤ b")
        assert ctx.at_most(Cell(small.place, D("10.01"), D("0.01")), big, what="a ≤ b")
        assert len(ctx.findings) == 1 and ctx.findings[0].names(big.place)

    def test_float_money_rejected(self) -> None:
        with pytest.raises(TypeError, match="float"):
            Row("合计", "", {"本年收入合计": 1.5})


class TestReport:
    def make(self) -> Report:
        return check(income("100.00", "90.00"), ignore=("C-",))

    def test_ok_and_raise(self) -> None:
        r = self.make()
        assert not r.ok
        with pytest.raises(ChecksFailed, match="2 error"):
            r.raise_for_errors()
        assert Report().raise_for_errors().ok

    def test_text_names_table_row_column(self) -> None:
        text = self.make().to_text()
        assert "收入决算表" in text and "row 201" in text and "column 本年收入合计" in text
        assert "expected 90.00" in text and "actual 100.00" in text
        assert "difference 10.00" in text and "slack 0.010" in text
        assert text.splitlines()[-1].startswith("2 error(s)")

    def test_json_round_trip(self) -> None:
        r = self.make()
        data = json.loads(r.to_json())
        assert data["findings"][0]["expected"] == "90.00"
        assert Report.from_json(r.to_json()) == r
        assert Report.from_dict(r.to_dict()) == r

    def test_bad_dict_names_the_path(self) -> None:
        data = self.make().to_dict()
        data["findings"][0]["expected"] = "abc"
        with pytest.raises(govfin.StructureError, match=r"findings"):
            Report.from_dict(data)

    def test_iteration_and_select(self) -> None:
        r = self.make()
        assert list(r) == list(r.findings) and len(r) == 2
        assert len(r.select(rule="R02")) == 2 and len(r.select(table="支出决算表")) == 0

    def test_finding_names(self) -> None:
        p = Place("t", "r", "c")
        f = Finding("X", Severity.ERROR, Category.PARTITION, "m", cells=(p,))
        assert f.names(p) and not f.names(Place("t", "r", "d"))


def test_catalogue_in_sync() -> None:
    """docs/rules.md is generated from the registry; regenerate with
    ``python -m govfin.rules.catalogue > docs/rules.md``."""
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == render()


def test_holds_exactly() -> None:
    from govfin.rules import holds_exactly

    assert holds_exactly(D("3.00"), [D("1.00"), D("2.00")])
    assert holds_exactly(None, [None, None])  # blank = 0
    assert holds_exactly(D("1.00"), [D("3.00")], [D("2.00")])
    assert not holds_exactly(D("3.01"), [D("1.00"), D("2.00")])  # a residue is not exact
    assert not holds_exactly(None, [D("0.01")])


class TestPrefixOptions:
    def test_select_accepts_a_string_or_any_iterable(self) -> None:
        t = income("100.00", "90.00")
        as_tuple = check(t, select=("R02",))
        assert as_tuple.findings
        assert check(t, select="R02") == as_tuple
        assert check(t, select=["R02"]) == as_tuple
        assert check(t, ignore="R02").findings != as_tuple.findings
        assert CheckOptions(select="E-").select == ("E-",)

    def test_non_string_prefix_rejected(self) -> None:
        with pytest.raises(TypeError, match="prefixes must be strings"):
            CheckOptions(select=[1])  # type: ignore[list-item]


class TestContextRule:
    def test_start_sets_rule_and_severity(self) -> None:
        ctx = Context(CheckOptions(severity={"R02-1": "warning"}))
        assert ctx.rule is None and ctx.severity is None
        r = REGISTRY.get("R02-1")
        ctx.start(r)
        assert ctx.rule is r and ctx.severity is Severity.WARNING
        ctx.start(r, Severity.INFO)
        assert ctx.severity is Severity.INFO
        ctx.start(None)
        assert ctx.rule is None and ctx.severity is None
        with pytest.raises(AttributeError):
            ctx.rule = r  # type: ignore[misc]
