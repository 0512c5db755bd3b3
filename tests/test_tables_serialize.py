"""Tables through govfin.serialize: plain data and JSON round trips, dispatch on "kind", errors."""

from __future__ import annotations

import copy
import json
from decimal import Decimal as D
from typing import Any

import pytest
from seed_tables import seed_table, seed_tables

from govfin.amounts import Unit
from govfin.serialize import StructureError, from_json, structure, to_json, unstructure
from govfin.tables import (
    DisclosureInfoTable,
    FiscalAppropriationSummary,
    IncomeExpenditureSummary,
    IncomeTable,
    Row,
    Table,
    TableMeta,
    ThreePublicTable,
)

SEED = seed_tables()


@pytest.mark.parametrize("table", SEED, ids=[t.meta.number or "" for t in SEED])
class TestRoundTrip:
    def test_plain_data(self, table: Table) -> None:
        data = unstructure(table)
        back = structure(data, Table)
        assert back == table and type(back) is type(table)
        assert structure(data, type(table)) == table

    def test_json(self, table: Table) -> None:
        text = to_json(table)
        assert from_json(text, Table) == table
        assert json.loads(text) == unstructure(table)

    def test_methods(self, table: Table) -> None:
        assert Table.from_dict(table.to_dict()) == table
        assert type(table).from_dict(table.to_dict()) == table


def test_shape() -> None:
    data = unstructure(seed_table(IncomeExpenditureSummary))
    assert list(data) == ["kind", "meta", "rows"]
    assert data["kind"] == "收入支出决算总表"
    assert data["meta"]["unit"] == "万元" and data["meta"]["precision"] == "0.01"
    assert data["meta"]["year"] == 2024 and data["meta"]["number"] == "公开01表"
    first = data["rows"][0]
    assert first["key"] == "一般公共预算财政拨款收入"
    assert first["values"] == {"金额": "631.71"}  # Decimals travel as strings, never floats
    blank = next(r for r in data["rows"] if r["key"] == "结余分配")
    assert blank["values"] == {"金额": None}


def test_decimal_text_is_kept() -> None:
    t = structure(unstructure(seed_table(IncomeTable)), Table)
    assert str(t.value("2010399", "本年收入合计")) == "205.00"


def test_tuple_of_tables_dispatches_each() -> None:
    data = [unstructure(t) for t in SEED]
    back = structure(data, tuple[Table, ...])
    assert back == SEED and [type(t) for t in back] == [type(t) for t in SEED]


def test_kind_may_be_left_out_when_the_class_says_it() -> None:
    data = unstructure(seed_table(ThreePublicTable))
    del data["kind"]
    assert structure(data, ThreePublicTable) == seed_table(ThreePublicTable)


def test_counts_round_trip_exactly() -> None:
    t = DisclosureInfoTable(
        [Row("车辆数合计", "车辆数合计(辆)", {"统计数": "3"})],
        TableMeta(unit=Unit.YUAN, precision=D(1)),
    )
    back = from_json(to_json(t), Table)
    assert back == t and back.meta.unit is Unit.YUAN


def _bad(data: Any, cls: type = Table) -> str:
    with pytest.raises(StructureError) as info:
        structure(data, cls)
    assert info.value.errors
    return str(info.value)


class TestErrorsCarryThePath:
    def data(self) -> dict[str, Any]:
        return copy.deepcopy(unstructure(seed_table(IncomeTable)))

    def test_bad_amount(self) -> None:
        d = self.data()
        d["rows"][3]["values"]["财政拨款收入"] = "abc"
        msg = _bad(d)
        assert "$.rows[3].values['财政拨款收入']" in msg and "abc" in msg

    @pytest.mark.parametrize("bad", ["NaN", "Infinity", "-inf", "1E+400", "sNaN"])
    def test_nan_infinity_and_exponents(self, bad: str) -> None:
        d = self.data()
        d["rows"][3]["values"]["财政拨款收入"] = bad
        msg = _bad(d)
        assert "AmountError" in msg and repr(bad) in msg
        assert "$.rows[3].values['财政拨款收入']" in msg

    def test_json_nan_literal(self) -> None:
        text = to_json(seed_table(IncomeTable)).replace('"631.71"', "NaN", 1)
        with pytest.raises(StructureError, match=r"float.*\$\.rows\[0\]\.values"):
            from_json(text, Table)

    def test_float_amount(self) -> None:
        d = self.data()
        d["rows"][0]["values"]["本年收入合计"] = 631.71
        msg = _bad(d)
        assert "$.rows[0].values['本年收入合计']" in msg and "float" in msg

    def test_unknown_column(self) -> None:
        d = self.data()
        d["rows"][2]["values"]["不存在"] = "1.00"
        msg = _bad(d)
        assert "$.rows[2].values" in msg and "不存在" in msg and "收入决算表" in msg

    def test_unknown_row_key(self) -> None:
        d = copy.deepcopy(unstructure(seed_table(ThreePublicTable)))
        d["rows"] = [{"key": "调整数", "name": "", "values": {}, "code": None, "line": None}]
        msg = _bad(d)
        assert "调整数" in msg and "$" in msg

    def test_unknown_kind(self) -> None:
        d = self.data()
        d["kind"] = "资产负债表"
        assert "$.kind" in _bad(d)

    def test_missing_kind(self) -> None:
        d = self.data()
        del d["kind"]
        assert "$.kind" in _bad(d)

    def test_kind_of_another_class(self) -> None:
        assert "$.kind" in _bad(self.data(), FiscalAppropriationSummary)

    def test_bad_meta(self) -> None:
        d = self.data()
        d["meta"]["unit"] = "斤"
        assert "$.meta.unit" in _bad(d)

    def test_missing_row_field(self) -> None:
        d = self.data()
        del d["rows"][4]["key"]
        assert "$.rows[4].key" in _bad(d)

    def test_extra_row_field(self) -> None:
        d = self.data()
        d["rows"][1]["colour"] = "red"
        msg = _bad(d)
        assert "$.rows[1]" in msg and "colour" in msg

    def test_not_a_mapping(self) -> None:
        assert "$" in _bad([1, 2])

    def test_nested_path(self) -> None:
        data = [unstructure(t) for t in SEED]
        data[5]["rows"][0]["values"]["决算数"] = "x"
        assert "$[5].rows[0].values['决算数']" in _bad(data, tuple[Table, ...])
        data = [unstructure(t) for t in SEED]
        data[2]["kind"] = "?"
        assert "$[2].kind" in _bad(data, tuple[Table, ...])

    def test_bad_json(self) -> None:
        text = to_json(seed_table(IncomeTable)).replace('"631.71"', '"6x1.71"', 1)
        with pytest.raises(StructureError, match="rows"):
            from_json(text, Table)
