"""Issue 15: a negative 结转和结余 (S-negative-balance), planted in copies of the seed's tables.

年末结转和结余 = 年初结转和结余 + 收入 − 支出: money left over, never below zero.  A table can
print a negative balance and still satisfy its own equations (the 总计 lines balance whatever the
sign), so only a rule on the sign catches it.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from facts_plant import bad, run
from seed_disclosure import edit, seed_disclosure

from govfin.disclosure import Disclosure
from govfin.findings import Category, Place, Severity
from govfin.rules import REGISTRY, check
from govfin.tables import T01, T04, T07, Table

E = Severity.ERROR


@pytest.fixture(scope="module")
def seed() -> Disclosure:
    return seed_disclosure()


def test_registered_for_every_table_kind() -> None:
    r = REGISTRY.get("S-negative-balance")
    assert r.severity is E and r.category is Category.BALANCE and r.subject is Table
    assert set(r.tables) == set(Table.KINDS)  # the 预算's tables too
    assert "issue 15" in r.changed


def test_silent_on_the_seed(seed: Disclosure) -> None:
    assert not run(seed, "S-negative-balance").findings


@pytest.mark.parametrize(
    ("cls", "key", "column"),
    [
        (T01, "年末结转和结余", "金额"),
        (T01, "年初结转和结余", "金额"),
        (T04, "年末财政拨款结转和结余", "一般公共预算财政拨款"),
        (T04, "年初财政拨款结转和结余", "金额"),
        (T07, "合计", "年末结转和结余"),  # a column of balances
    ],
)
def test_a_negative_balance_is_an_error(
    seed: Disclosure, cls: type[Table], key: str, column: str
) -> None:
    d = edit(seed, cls, (key, column, "-3.21"))
    r = run(d, "S-negative-balance")
    assert bad(r) == {("S-negative-balance", E, Place(cls.KIND, key, column))}
    assert r.errors[0].actual == Decimal("-3.21")


def test_other_negative_cells_are_not_balances(seed: Disclosure) -> None:
    # 使用非财政拨款结余 is not a 结转和结余 (its sign is another rule's business)
    d = edit(seed, T01, ("使用非财政拨款结余", "金额", "-1.00"))
    assert not run(d, "S-negative-balance").findings


def test_the_whole_check_names_the_cause(seed: Disclosure) -> None:
    # besides the sums it breaks (总计), the negative balance is an error of its own
    d = edit(seed, T01, ("年末结转和结余", "金额", "-2.00"))
    assert "S-negative-balance" in {f.rule_id for f in check(d).errors}
