"""govfin.codes: lookups, tree navigation, errors, names, search, diff."""

from __future__ import annotations

import pytest

from govfin import codes
from govfin.codes import (
    CodeError,
    CodeTypeError,
    Level,
    MalformedCodeError,
    Scheme,
    UnknownCodeError,
    UnknownEditionError,
)

# --------------------------------------------------------------------------------------------
# lookups


def test_lookup_functional_item() -> None:
    entry = codes.lookup("2010350")
    assert entry.code == "2010350"
    assert entry.name == "事业运行"
    assert entry.level is Level.ITEM
    assert entry.level.value == "项"
    assert entry.scheme is Scheme.FUNCTIONAL
    assert entry.edition == codes.DEFAULT_EDITION == 2024
    assert entry.parent_code == "20103"
    assert "seed" in entry.seen
    assert str(entry) == "2010350 事业运行"


def test_lookup_full_width_brackets_verbatim() -> None:
    assert codes.lookup("20103").name == "政府办公厅（室）及相关机构事务"
    assert codes.lookup("309").name == "资本性支出（基本建设）"


@pytest.mark.parametrize(
    ("code", "name", "level"),
    [
        ("201", "一般公共服务支出", "类"),
        ("208", "社会保障和就业支出", "类"),
        ("210", "卫生健康支出", "类"),
        ("221", "住房保障支出", "类"),
        ("227", "预备费", "类"),
        ("229", "其他支出", "类"),
        ("230", "转移性支出", "类"),
        ("231", "债务还本支出", "类"),
        ("232", "债务付息支出", "类"),
        ("233", "债务发行费用支出", "类"),
        ("234", "抗疫特别国债安排的支出", "类"),
        ("2080505", "机关事业单位基本养老保险缴费支出", "项"),
        ("2101102", "事业单位医疗", "项"),
        ("2210201", "住房公积金", "项"),
        ("30207", "邮电费", "款"),
        ("399", "其他支出", "类"),
        ("31304", "对机关事业单位职业年金的补助", "款"),
        ("50201", "办公经费", "款"),
    ],
)
def test_lookup_known_entries(code: str, name: str, level: str) -> None:
    entry = codes.lookup(code)
    assert (entry.name, entry.level.value) == (name, level)


def test_lookup_strips_surrounding_whitespace() -> None:
    assert codes.lookup(" 2010350\n").code == "2010350"


def test_lookup_other_edition() -> None:
    entry = codes.lookup("2010350", 2025)
    assert entry.edition == 2025
    assert entry.name == "事业运行"


def test_economic_gov_maps_to_department_codes() -> None:
    entry = codes.lookup("50101")
    assert entry.scheme is Scheme.ECONOMIC_GOV
    assert {"30101", "30102", "30103"} <= set(entry.dept_codes)
    for dept in entry.dept_codes:
        assert codes.exists(dept)
    assert codes.lookup("30101").dept_codes == ()


def test_get_returns_default_only_for_unknown_codes() -> None:
    assert codes.get("2010350") == codes.lookup("2010350")
    assert codes.get("2019998") is None
    sentinel = codes.lookup("201")
    assert codes.get("2019998", default=sentinel) is sentinel
    with pytest.raises(MalformedCodeError):
        codes.get("20103a")
    with pytest.raises(UnknownEditionError):
        codes.get("201", 1999)


def test_exists() -> None:
    assert codes.exists("2010350")
    assert codes.exists("30207")
    assert not codes.exists("2019998")
    assert not codes.exists("2010")  # malformed: simply not there
    assert not codes.exists("abc")
    with pytest.raises(CodeTypeError):
        codes.exists(201)  # type: ignore[arg-type]
    with pytest.raises(UnknownEditionError):
        codes.exists("201", 1999)


# --------------------------------------------------------------------------------------------
# tree navigation


def test_parent_children() -> None:
    parent = codes.parent("2010350")
    assert parent is not None and parent.code == "20103"
    assert codes.parent("201") is None
    kids = [c.code for c in codes.children("20805")]
    assert kids == sorted(kids)
    assert {"2080502", "2080505", "2080506"} <= set(kids)
    assert codes.children("2010350") == []
    assert [c.code for c in codes.children("302")][:3] == ["30201", "30202", "30203"]


def test_ancestors_are_root_first() -> None:
    chain = codes.ancestors("2010350")
    assert [c.code for c in chain] == ["201", "20103"]
    assert [c.level for c in chain] == [Level.CATEGORY, Level.SECTION]
    assert codes.ancestors("201") == []
    assert [c.code for c in codes.ancestors("30207")] == ["302"]


def test_descendants_in_code_order() -> None:
    below = [c.code for c in codes.descendants("221")]
    assert below[0] == "22101"
    assert below == sorted(below)
    assert "2210201" in below
    assert all(code.startswith("221") for code in below)
    assert len(below) == len({c.code for c in codes.descendants("221")})
    assert codes.descendants("2210201") == []


def test_roots() -> None:
    functional = [c.code for c in codes.roots()]
    assert functional[0] == "201" and functional[-1] == "234"
    assert {"227", "229", "230", "231", "232", "233", "234"} <= set(functional)
    assert all(c.level is Level.CATEGORY for c in codes.roots())
    economic = [c.code for c in codes.roots("economic")]
    assert economic == ["301", "302", "303", "307", "309", "310", "311", "312", "313", "399"]
    assert codes.roots(Scheme.ECONOMIC_GOV)[0].code == "501"


def test_all_codes_and_editions() -> None:
    assert codes.editions() == (2017, 2024, 2025)
    assert codes.editions("economic-gov") == (2024, 2025)  # 5xx began in 2018
    for scheme in Scheme:
        assert codes.DEFAULT_EDITION in codes.editions(scheme)
    entries = codes.all_codes("economic")
    assert len(entries) == 110
    assert [c.code for c in entries] == sorted(c.code for c in entries)


def test_level_and_scheme_from_digits_alone() -> None:
    assert codes.level_of("201") is Level.CATEGORY
    assert codes.level_of("20103") is Level.SECTION
    assert codes.level_of("2010350") is Level.ITEM
    assert codes.level_of("2999999") is Level.ITEM  # no data needed, none consulted
    assert codes.scheme_of("2010350") is Scheme.FUNCTIONAL
    assert codes.scheme_of("30207") is Scheme.ECONOMIC
    assert codes.scheme_of("50201") is Scheme.ECONOMIC_GOV
    assert Level.ITEM.digits == 7 and Level.SECTION.depth == 2
    assert Scheme.ECONOMIC.title == "部门预算支出经济分类科目"


# --------------------------------------------------------------------------------------------
# errors


@pytest.mark.parametrize(
    "bad",
    ["", "2", "20", "2010", "201035", "20103501", "3010101", "5010101", "301011"],
)
def test_wrong_length_is_malformed(bad: str) -> None:
    with pytest.raises(MalformedCodeError) as info:
        codes.lookup(bad, 2024)
    assert repr(bad) in str(info.value)
    assert "2024" in str(info.value)
    assert info.value.code == bad and info.value.edition == 2024
    assert not isinstance(info.value, TypeError)


@pytest.mark.parametrize("bad", ["20103a", "2O1", "２０１", "201 03", "-201", "201.0", "一般"])
def test_non_digits_are_malformed(bad: str) -> None:
    with pytest.raises(MalformedCodeError, match="malformed code") as info:
        codes.lookup(bad, 2025)
    assert repr(bad) in str(info.value) and "2025" in str(info.value)


@pytest.mark.parametrize("bad", ["101", "10301", "401", "1030182", "601"])
def test_leading_digit_without_scheme_is_malformed(bad: str) -> None:
    with pytest.raises(MalformedCodeError, match="starts with 2"):
        codes.lookup(bad)
    with pytest.raises(MalformedCodeError):
        codes.scheme_of(bad)


@pytest.mark.parametrize("bad", [2010350, 201, 201.0, None, b"201", ["201"]])
def test_non_str_raises_type_error_subclass(bad: object) -> None:
    with pytest.raises(CodeTypeError) as info:
        codes.lookup(bad)  # type: ignore[arg-type]
    assert isinstance(info.value, TypeError)
    assert isinstance(info.value, MalformedCodeError)
    assert isinstance(info.value, CodeError) and isinstance(info.value, ValueError)
    assert repr(bad) in str(info.value) and "2024" in str(info.value)
    with pytest.raises(TypeError):
        codes.level_of(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("code", ["2019998", "20112", "218", "30230", "59998"])
def test_unknown_code(code: str) -> None:
    edition = 2024
    with pytest.raises(UnknownCodeError) as info:
        codes.lookup(code, edition)
    message = str(info.value)
    assert repr(code) in message and str(edition) in message
    assert isinstance(info.value, LookupError) and isinstance(info.value, CodeError)
    assert info.value.code == code and info.value.edition == edition


def test_unknown_edition() -> None:
    with pytest.raises(UnknownEditionError) as info:
        codes.lookup("2010350", 2023)
    message = str(info.value)
    assert "'2010350'" in message and "2023" in message and "2024" in message
    assert info.value.edition == 2023
    with pytest.raises(UnknownEditionError, match="1999"):
        codes.roots(edition=1999)
    with pytest.raises(UnknownEditionError, match="1999"):
        codes.search("事业运行", edition=1999)
    with pytest.raises(UnknownEditionError):
        codes.diff(2024, 1999)


@pytest.mark.parametrize(
    "query", [codes.parent, codes.children, codes.ancestors, codes.descendants, codes.lookup]
)
def test_tree_navigation_errors(query: object) -> None:
    assert callable(query)
    with pytest.raises(UnknownCodeError, match="'2019998'.*2025"):
        query("2019998", 2025)
    with pytest.raises(MalformedCodeError, match="'20103a'"):
        query("20103a")
    with pytest.raises(CodeTypeError):
        query(20103)
    with pytest.raises(UnknownEditionError, match="2023"):
        query("201", 2023)


def test_level_and_scheme_filters_reject_unknown_values() -> None:
    with pytest.raises(ValueError):
        codes.find_by_name("其他支出", level="目")
    with pytest.raises(ValueError):
        codes.search("支出", scheme="revenue")
    with pytest.raises(TypeError):
        codes.check_name("201", None)  # type: ignore[arg-type]


def test_year_must_be_int() -> None:
    with pytest.raises(TypeError):
        codes.lookup("201", "2024")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        codes.lookup("201", True)


def test_unknown_scheme_name() -> None:
    with pytest.raises(ValueError):
        codes.roots("revenue")


# --------------------------------------------------------------------------------------------
# names


@pytest.mark.parametrize(
    "printed",
    [
        "政府办公厅（室）及相关机构事务",
        "政府办公厅(室)及相关机构事务",
        "政府办公厅（室)及相关机构事务",
        "政府办公厅 （室） 及相关机构事务",
        "政府办公厅\u3000（室）及相关机构事务",
        "政府办公厅（室）及相关\n机构事务",
        "政府办公厅（室）及相关\r\n  机构事务",
        "\t政府办公厅（室）及相关机构事务 ",
        "政府办公厅\u00a0（室）及相关\u200b机构事务",
    ],
)
def test_check_name_tolerates_whitespace_wraps_and_bracket_width(printed: str) -> None:
    result = codes.check_name("20103", printed)
    assert result.ok and bool(result)
    assert result.official == "政府办公厅（室）及相关机构事务"
    assert result.printed == printed
    assert codes.name_matches("20103", printed)


@pytest.mark.parametrize(
    "printed",
    [
        "政府办公厅及相关机构事务",  # brackets dropped
        "政府办公厅[室]及相关机构事务",  # other brackets
        "政府办公室（厅）及相关机构事务",
        "政府办公厅（室）及相关机构事务支出",
        "政府办公厅（室）及相关機構事務",  # traditional characters
        "",
    ],
)
def test_check_name_reports_real_mismatches(printed: str) -> None:
    result = codes.check_name("20103", printed, 2024)
    assert not result.ok and not bool(result)
    assert result.official == "政府办公厅（室）及相关机构事务"
    assert result.printed == printed
    assert result.official in result.message and repr(printed) in result.message
    assert not codes.name_matches("20103", printed)


def test_check_name_unknown_code() -> None:
    with pytest.raises(UnknownCodeError):
        codes.check_name("2019998", "whatever")


def test_normalize_name() -> None:
    assert codes.normalize_name(" 退职(役)费\n") == "退职（役）费"
    assert codes.normalize_name("维修（护）费") == "维修（护）费"
    assert codes.normalize_name("Ａ") == "Ａ"  # full-width letters are not folded
    with pytest.raises(TypeError):
        codes.normalize_name(None)  # type: ignore[arg-type]


# --------------------------------------------------------------------------------------------
# search and find_by_name


def test_search_finds_every_shiye_yunxing() -> None:
    found = codes.search("事业运行")
    assert len(found) >= 10
    assert [c.code for c in found] == sorted(c.code for c in found)
    assert all(c.name == "事业运行" and c.level is Level.ITEM for c in found)
    parents = {c.parent_code for c in found}
    assert {"20101", "20103", "20801"} <= parents


def test_search_normalises_and_filters_by_scheme() -> None:
    assert [c.code for c in codes.search("因公出国(境)")] == ["30212", "50207"]
    assert [c.code for c in codes.search("因公出国（境）", scheme="economic")] == ["30212"]
    assert codes.search("住房公积金", scheme=Scheme.FUNCTIONAL)[0].code == "2210201"
    assert codes.search("no such name") == []
    with pytest.raises(ValueError):
        codes.search(" \u3000")


def test_find_by_name() -> None:
    assert [c.code for c in codes.find_by_name("一般公共服务支出", level="类")] == ["201"]
    assert [c.code for c in codes.find_by_name("一般公共服务支出")] == ["201"]
    matches = codes.find_by_name("其他支出")
    assert [c.code for c in matches] == ["229", "399", "39999", "599", "59999"]
    assert [c.code for c in codes.find_by_name("其他支出", level=Level.CATEGORY)] == [
        "229",
        "399",
        "599",
    ]
    assert [c.code for c in codes.find_by_name("其他支出", scheme="functional")] == ["229"]
    assert codes.find_by_name("住房 公积金", level="项")[0].code == "2210201"
    assert codes.find_by_name("事业") == []  # exact, not a substring


# --------------------------------------------------------------------------------------------
# diff


def test_diff_functional_2024_2025() -> None:
    result = codes.diff(2024, 2025)
    assert result.scheme is Scheme.FUNCTIONAL
    assert (result.edition_a, result.edition_b) == (2024, 2025)
    assert [c.code for c in result.added] == ["22911", "23107"]
    assert all(c.edition == 2025 for c in result.added)
    assert result.removed == ()
    assert result.renamed == ()
    assert result and not result.unchanged


def test_diff_reverse_and_identity() -> None:
    back = codes.diff(2025, 2024)
    assert [c.code for c in back.removed] == ["22911", "23107"]
    assert back.added == ()
    same = codes.diff(2024, 2024, scheme="economic")
    assert same.unchanged and not same


def test_diff_reports_renames(monkeypatch: pytest.MonkeyPatch) -> None:
    from govfin.codes import _data

    real = _data.load(Scheme.ECONOMIC, 2025)
    entries = dict(real.entries)
    entries["30201"] = codes.Code(
        code="30201",
        name="办公经费",
        level=Level.SECTION,
        scheme=Scheme.ECONOMIC,
        edition=2025,
    )
    fake = _data.Edition(scheme=Scheme.ECONOMIC, edition=2025, entries=entries, children=real.children)
    monkeypatch.setitem(_data._cache, (Scheme.ECONOMIC, 2025), fake)
    result = codes.diff(2024, 2025, Scheme.ECONOMIC)
    assert result.renamed == (("30201", "办公费", "办公经费"),)


# --------------------------------------------------------------------------------------------
# documentation examples


def test_docstring_examples() -> None:
    import doctest

    from govfin.codes import _model, _names, _registry

    for module in (codes, _model, _names, _registry):
        result = doctest.testmod(module, raise_on_error=False)
        assert result.attempted > 0 and result.failed == 0, module.__name__


def test_docs_classification_examples() -> None:
    import doctest
    import re
    from pathlib import Path

    page = Path(__file__).resolve().parents[1] / "docs" / "classification.md"
    blocks = re.findall(r"```python\n(.*?)```", page.read_text(encoding="utf-8"), re.DOTALL)
    assert blocks
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    for number, block in enumerate(blocks):
        test = parser.get_doctest(block, {"codes": codes}, f"block{number}", str(page), 0)
        runner.run(test)
    summary = runner.summarize(verbose=False)
    assert summary.attempted >= 15 and summary.failed == 0


# -- the name index of an edition (find_by_name, search) ------------------------------------------


def _scan(wanted: str, edition: int, level: str | None = None) -> list[str]:
    """find_by_name by brute force: every entry of every scheme, names normalised one by one."""
    from govfin.codes import _data
    from govfin.codes._names import normalize_name

    return sorted(
        entry.code
        for scheme, editions in _data.available().items()
        if edition in editions
        for entry in _data.load(scheme, edition).entries.values()
        if normalize_name(entry.name) == normalize_name(wanted)
        and (level is None or entry.level.value == level)
    )


@pytest.mark.parametrize("level", [None, "类", "款", "项"])
def test_find_by_name_index_agrees_with_a_scan(level: str | None) -> None:
    for entry in codes.all_codes("functional", 2024)[::7]:
        for printed in (entry.name, entry.name.replace("（", "(").replace("）", ")") + " \u3000"):
            found = [c.code for c in codes.find_by_name(printed, 2024, level=level)]
            assert found == _scan(printed, 2024, level)


def test_search_index_agrees_with_a_scan() -> None:
    from govfin.codes._names import normalize_name

    schemes = ("functional", "economic", "economic-gov")
    everything = [entry for scheme in schemes for entry in codes.all_codes(scheme, 2024)]
    for part in ("事业运行", "其他", "(室)", "支出", "办公 费"):
        expected = sorted(
            c.code for c in everything if normalize_name(part) in normalize_name(c.name)
        )
        assert sorted(c.code for c in codes.search(part, 2024)) == expected
