"""Broken and regional variants of the seed text, generated from it (tests/reader_variants.py).

Every broken variant is caught: the reader raises its typed ReadError (strict) or records it
(lenient), or — when the text is well-formed but its figures are wrong — ``check()`` reports a
warning or error that the seed's own report does not have.  No variant raises anything else.
Regional layouts read to the seed's tables.
"""

from __future__ import annotations

import pickle
import random
import time

import golden
import pytest
from hypothesis import given
from reader_variants import (
    FINDING,
    Variant,
    broken_variants,
    regional_variants,
    seed_lines,
    seed_text,
)
from seed_tables import seed_tables

from govfin import strategies
from govfin.findings import Finding, Severity
from govfin.readers import (
    EmptyInputError,
    LineKind,
    ReadError,
    UnrecognisedLineError,
    read_text,
)
from govfin.rules import check

BROKEN = broken_variants()


def _key(f: Finding) -> tuple[object, ...]:
    return (f.rule_id, f.severity, f.place, f.message)


@pytest.fixture(scope="module")
def baseline() -> set[tuple[object, ...]]:
    report = check(read_text(seed_text()).disclosure)
    return {_key(f) for f in report if f.severity is not Severity.INFO}


def test_corpus_covers_every_kind_of_damage() -> None:
    names = {v.name.split("-")[0] for v in BROKEN}
    assert {"garbled", "cell", "truncated", "deleted", "shifted", "units", "empty"} <= names
    assert len(BROKEN) >= 30


@pytest.mark.parametrize("variant", BROKEN, ids=str)
def test_lenient_read_never_raises(variant: Variant) -> None:
    result = read_text(variant.text)
    if variant.expect is FINDING:
        assert result.errors == ()
    elif variant.expect is UnrecognisedLineError:
        # Lenient: the line is filed as unrecognised, not an error.
        assert any(e.part for e in result.log.unrecognised)
    else:
        assert any(isinstance(e, variant.expect) for e in result.errors), result.errors
        err = next(e for e in result.errors if isinstance(e, variant.expect))
        assert isinstance(err, ValueError)
        if err.line is not None:
            assert err.text == variant.text.replace("\r", "").split("\n")[err.line - 1]


@pytest.mark.parametrize("variant", [v for v in BROKEN if v.expect is not FINDING], ids=str)
def test_strict_read_raises_the_typed_error(variant: Variant) -> None:
    assert isinstance(variant.expect, type)
    with pytest.raises(ReadError) as info:
        read_text(variant.text, strict=True)
    # Strict stops at the first error met; it is the expected one for these variants.
    assert isinstance(info.value, variant.expect), info.value
    assert str(info.value)


@pytest.mark.parametrize("variant", [v for v in BROKEN if v.expect is FINDING], ids=str)
def test_checks_find_what_the_reader_cannot(
    variant: Variant, baseline: set[tuple[object, ...]]
) -> None:
    result = read_text(variant.text, strict=True)
    report = check(result.disclosure)
    new = [f for f in report if f.severity is not Severity.INFO and _key(f) not in baseline]
    assert new, f"{variant.name}: no new warning or error"


# -- regional layouts -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "text", "absent"),
    list(regional_variants()),
    ids=lambda x: x if isinstance(x, str) and len(x) < 40 else "",
)
def test_regional_layouts_read_to_the_same_tables(
    name: str, text: str, absent: frozenset[str]
) -> None:
    result = read_text(text, strict=True)
    assert result.log.unrecognised == ()
    got = {t.KIND: t for t in result.disclosure.tables}
    want = {t.KIND: t for t in seed_tables() if t.KIND not in absent}
    assert set(got) == set(want)
    for kind, table in want.items():
        assert got[kind].rows == table.rows, kind
        meta, expected = got[kind].meta, table.meta
        assert (meta.department, meta.year, meta.unit, meta.empty_note) == (
            expected.department,
            expected.year,
            expected.unit,
            expected.empty_note,
        ), kind
    assert len(result.disclosure.evaluations) == golden.EVALUATIONS


def test_number_is_metadata_only() -> None:
    text = {n: t for n, t, _ in regional_variants()}["renumbered"]
    d = read_text(text, strict=True).disclosure
    assert d.table("政府性基金预算财政拨款收入支出决算表").meta.number == "公开09表"  # type: ignore[union-attr]
    assert d.table("财政拨款“三公”经费支出决算表").meta.number == "公开07表"  # type: ignore[union-attr]


def test_untitled_table_is_told_by_its_header() -> None:
    text = {n: t for n, t, _ in regional_variants()}["untitled-03"]
    d = read_text(text, strict=True).disclosure
    t = d.table("支出决算表")
    assert t is not None and t.meta.title is None and t.meta.number == "公开03表"


# -- robustness: random damage never raises anything but ReadError, never hangs --------------------


def _mutations(rng: random.Random, lines: list[str]) -> list[str]:
    out = list(lines)
    for _ in range(rng.randint(1, 4)):
        i = rng.randrange(len(out))
        op = rng.randrange(6)
        if op == 0:
            del out[i]
        elif op == 1:
            out.insert(i, out[rng.randrange(len(out))])
        elif op == 2:
            cells = out[i].split("\t")
            rng.shuffle(cells)
            out[i] = "\t".join(cells)
        elif op == 3 and out[i]:
            k = rng.randrange(len(out[i]))
            out[i] = out[i][:k] + rng.choice("0.9\t元—（x") + out[i][k + 1 :]
        elif op == 4:
            out = out[: rng.randrange(len(out))] or [""]
        else:
            out[i] = "\t" + out[i]
    return out


@pytest.mark.parametrize("seed", range(40))
def test_random_damage_raises_only_read_errors(seed: int) -> None:
    rng = random.Random(seed)
    text = "\n".join(_mutations(rng, seed_lines()))
    result = read_text(text)  # lenient: never raises
    assert result.log.unaccounted(text) == ()
    try:
        read_text(text, strict=True)
    except ReadError:
        pass


def test_errors_are_value_errors_with_line_and_text() -> None:
    result = read_text(BROKEN[4].text)  # garbled-01
    err = result.errors[0]
    line = golden.T01_INCOME_LINE  # 一、一般公共预算财政拨款收入 631.71, garbled to 631.7l
    assert isinstance(err, ValueError) and err.line == line and "631.7l" in (err.text or "")
    assert f"line {line}" in str(err) and "收入支出决算总表" in str(err)
    copy = pickle.loads(pickle.dumps(err))
    assert type(copy) is type(err) and (copy.line, copy.text) == (err.line, err.text)


def test_empty_input() -> None:
    with pytest.raises(EmptyInputError):
        read_text("", strict=True)
    result = read_text("")
    assert result.disclosure.tables == () and not result.ok
    with pytest.raises(EmptyInputError):
        result.raise_for_errors()


def test_not_a_string() -> None:
    with pytest.raises(TypeError):
        read_text(b"bytes")  # type: ignore[arg-type]


def test_unrecognised_line_outside_strict() -> None:
    variant = next(v for v in BROKEN if v.name == "stray-line-02")
    result = read_text(variant.text)
    [entry] = result.log.unrecognised
    assert entry.kind is LineKind.UNRECOGNISED and entry.part == "收入决算表"
    assert result.disclosure.table("收入决算表") == seed_tables()[1]


# -- linear time, bounded memory ---------------------------------------------------------------


def test_time_is_linear_in_the_input() -> None:
    text = seed_text()
    t0 = time.perf_counter()
    read_text(text)
    one = time.perf_counter() - t0
    big = "\n".join([text] * 8)  # the same document eight times: tables printed twice …
    t0 = time.perf_counter()
    result = read_text(big)
    eight = time.perf_counter() - t0
    assert eight < 8 * 5 * max(one, 0.01)
    assert result.log.unaccounted(big) == ()


def _peak_memory(text: str) -> int:
    import tracemalloc

    tracemalloc.start()
    try:
        read_text(text)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_memory_is_proportional_to_the_input() -> None:
    text = seed_text()
    read_text(text)  # the code lists load once, lazily: not part of a read's cost
    one = _peak_memory(text)
    four = _peak_memory("\n".join([text] * 4))
    assert four < 4 * 1.5 * one
    assert one < 100 * len(text)  # about 35 bytes per character of the seed
    for bad in ("\t" * 200_000, "收入决算表\n公开02表\n" + "201\t" * 50_000):
        assert _peak_memory(bad) < 60 * len(bad)


@pytest.mark.parametrize(
    "text",
    [
        "1" * 200_000,
        "\t" * 200_000,
        "公开" * 50_000,
        "(" * 100_000 + "万元",
        "收入支出决算总表\n" + "\t".join(["9" * 30] * 5000),
        "收入决算表\n公开02表\n" + "201\t" * 50_000,
        "项目名称" + "\t1" * 50_000,
        "收入决算表\n公开02表\n部门名称：a" + " " * 200_000 + "b\n",
        "部门决算公开相关信息统计表\n公开10表\n项目\t行次\t统计数\n" + "()" * 50_000 + "\t1\t2",
        "一、" * 100_000,
        "第" + "一" * 100_000 + "部分",
    ],
    ids=[
        "digits",
        "tabs",
        "words",
        "brackets",
        "wide-row",
        "code-cells",
        "eval-row",
        "spaced-department",
        "bracketed-label",
        "enumerators",
        "part-heading",
    ],
)
def test_pathological_lines_finish_quickly(text: str) -> None:
    t0 = time.perf_counter()
    read_text(text)
    assert time.perf_counter() - t0 < 5


@given(strategies.reader_inputs())
def test_any_input_gives_a_result_or_a_read_error(text: str) -> None:
    result = read_text(text)  # lenient: never raises
    assert result.log.unaccounted(text) == ()
    try:
        read_text(text, strict=True)
    except ReadError as err:
        assert err.line is None or 1 <= err.line <= text.count("\n") + text.count("\r") + 1
