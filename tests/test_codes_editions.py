"""Older editions, years without an edition, and how complete govfin's lists are (issue 16).

- 2017: a partial edition, shipped for the renames it shows (20805, 207, 210, 220) and the codes
  the 2017 documents print that later lists dropped or reused (2040404, 30104, 30311).
- A year without an edition is checked against a stand-in (:func:`codes.edition_for`), and
  nothing found that way is certain.
- Where govfin's list is incomplete an unknown code is "not in govfin's list of 类 212, which
  is incomplete", never a certain answer.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from govfin import codes
from govfin.cli import EXIT_ERROR, EXIT_OK, main
from govfin.codes import Scheme, _data

REPO = Path(__file__).resolve().parents[1]


# -- editions and stand-ins ------------------------------------------------------------------


def test_edition_for() -> None:
    assert [codes.edition_for(y) for y in (2016, 2017, 2018, 2023, 2024, 2025, 2026)] == [
        2017,
        2017,
        2024,
        2024,
        2024,
        2025,
        2025,
    ]
    # 5xx began in 2018: for 2017 the 2024 list stands in
    assert codes.edition_for(2017, "economic-gov") == 2024
    assert codes.edition_for(2017, Scheme.ECONOMIC) == 2017
    with pytest.raises(TypeError):
        codes.edition_for("2024")  # type: ignore[arg-type]


def test_lookup_stays_strict_about_editions() -> None:
    with pytest.raises(codes.UnknownEditionError):
        codes.lookup("201", 2019)
    assert codes.lookup("201", 2017).name == "一般公共服务支出"


def test_the_2017_renames() -> None:
    renamed = {code: (old, new) for code, old, new in codes.diff(2017, 2024).renamed}
    assert renamed == {
        "207": ("文化体育与传媒支出", "文化旅游体育与传媒支出"),
        "20805": ("行政事业单位离退休", "行政事业单位养老支出"),
        "210": ("医疗卫生与计划生育支出", "卫生健康支出"),
        "220": ("国土海洋气象等支出", "自然资源海洋气象等支出"),
    }
    economic = {code: new for code, _, new in codes.diff(2017, 2024, "economic").renamed}
    assert economic["30311"] == "代缴社会保险费"  # 2017: 住房公积金 (2024: 30113)
    assert {c.code for c in codes.diff(2017, 2024, "economic").removed} == {"30104", "30312"}


def test_2017_is_partial_everywhere() -> None:
    for scheme in (Scheme.FUNCTIONAL, Scheme.ECONOMIC):
        assert not codes.complete_under(None, 2017, scheme)
        for entry in codes.all_codes(scheme, 2017):
            if entry.level is not codes.Level.ITEM:
                assert not codes.complete_under(entry.code, 2017)


# -- check_code ------------------------------------------------------------------------------


def test_found_in_its_own_edition_is_certain() -> None:
    found = codes.check_code("2010350", 2024)
    assert found and found.ok and found.certain and not found.borrowed
    assert found.entry is not None and found.entry.name == "事业运行"
    assert "2024 edition" in found.message


def test_absent_under_a_complete_section_is_certain() -> None:
    assert codes.complete_under("20101")
    found = codes.check_code("2010110")
    assert not found.ok and found.certain
    assert found.message == (
        "unknown code '2010110': not in the 2024 edition of 支出功能分类科目 (functional)"
    )
    # an unknown 类: the list of 类 is complete
    assert codes.check_code("235").certain


def test_absent_under_an_incomplete_category_is_not_certain() -> None:
    found = codes.check_code("2120201", 2024)
    assert not found.ok and not found.certain
    assert found.nearest is not None and found.nearest.code == "212"
    assert "not in govfin's list of 类 212, which is incomplete" in found.message
    # the nearest shipped ancestor is named: a 款 whose 项 are not all known
    gap = codes.check_code("2010308", 2024)
    assert not gap.certain and "款 20103, which is incomplete" in gap.message
    # 201's own list of 款 is incomplete (the 社会工作 款 of the 2024 reform is not shipped)
    assert not codes.check_code("20140", 2024).certain
    # a 类 missing from a partial list of 类: the next full edition that has it answers
    old = codes.check_code("205", 2017)
    assert old.ok and not old.certain and old.edition == 2024
    # and a code no edition has stays unknown, not certain
    none = codes.check_code("20599", 2017)
    assert not none.certain


def test_a_year_without_an_edition_is_never_certain() -> None:
    found = codes.check_code("2010350", 2019)
    assert found.ok and found.borrowed and not found.certain
    assert found.edition == 2024 and "no 2019 edition is shipped" in found.message
    missing = codes.check_code("2010110", 2019)
    assert not missing.ok and not missing.certain


def test_check_code_rejects_what_lookup_rejects() -> None:
    with pytest.raises(codes.CodeTypeError):
        codes.check_code(2010350)  # type: ignore[arg-type]
    with pytest.raises(codes.MalformedCodeError):
        codes.check_code("20103501")


def test_complete_under() -> None:
    assert codes.complete_under(None) and codes.complete_under(None, 2024, "economic")
    assert codes.complete_under("301") and not codes.complete_under("302")
    assert not codes.complete_under("201") and not codes.complete_under("2010350")
    assert codes.complete_under("501") and not codes.complete_under("503")
    with pytest.raises(ValueError, match="not a economic code"):
        codes.complete_under("201", 2024, "economic")
    with pytest.raises(codes.UnknownCodeError):
        codes.complete_under("20140")


def test_every_complete_section_has_its_catch_all() -> None:
    """The rule the headers state: a 款 of the functional list is marked complete only with
    its 99 项 shipped (a missing 99 was the commonest gap found in printed documents)."""
    for year in (2024, 2025):
        for entry in codes.all_codes(Scheme.FUNCTIONAL, year):
            if entry.level is codes.Level.SECTION and codes.complete_under(entry.code, year):
                assert codes.exists(entry.code + "99", year), entry


# -- the `complete:` header lines ------------------------------------------------------------


def _with_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, edit: str) -> None:
    folder = tmp_path / "codes"
    shutil.copytree(REPO / "data" / "codes", folder)
    target = folder / "economic-dept-2024.tsv"
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace("# complete: 类 301 ", edit, 1), encoding="utf-8")
    monkeypatch.setattr(_data, "_root", [folder])
    monkeypatch.setattr(_data, "_cache", {})
    monkeypatch.setattr(_data, "_available", {})


def test_complete_line_naming_an_unshipped_code_is_a_data_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _with_data(tmp_path, monkeypatch, "# complete: 类 30230 301 ")
    with pytest.raises(_data.DataFileError, match=r"economic-dept-2024.tsv:\d+: .*'30230'"):
        codes.lookup("301")


def test_complete_line_is_what_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _with_data(tmp_path, monkeypatch, "# complete: 302 ")
    assert codes.complete_under("302") and not codes.complete_under("301")
    assert not codes.complete_under(None, 2024, "economic")


# -- govfin codes --diff ---------------------------------------------------------------------


def test_cli_diff(capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["codes", "--diff", "2017", "2024"])
    out, err = capsys.readouterr()
    assert status == EXIT_OK and err == ""
    lines = out.splitlines()
    assert lines[0] == "支出功能分类科目 (functional): 2017 -> 2024"
    assert "  renamed  20805  行政事业单位离退休 -> 行政事业单位养老支出" in lines
    assert "  renamed  210  医疗卫生与计划生育支出 -> 卫生健康支出" in lines
    # 2040404 is not in govfin's 2024 list, but that list is incomplete under 204: marked '?'
    assert "  removed? 2040404  查办和预防职务犯罪" in lines
    assert lines[-1].startswith("4 renamed, ")


def test_cli_diff_economic_is_sure_where_the_list_is_complete(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status = main(["codes", "--diff", "2017", "2024", "--scheme", "economic"])
    out, _ = capsys.readouterr()
    assert status == EXIT_OK
    assert "  removed  30104  其他社会保障缴费" in out.splitlines()  # 301 is complete in 2024
    assert "  renamed  310  其他资本性支出 -> 资本性支出" in out.splitlines()


def test_cli_diff_of_an_unshipped_year(capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["codes", "--diff", "2019", "2024"])
    _, err = capsys.readouterr()
    assert status == EXIT_ERROR
    assert "no 2019 edition" in err and "2017, 2024, 2025" in err


def test_table01_class_names_of_a_partial_year_fall_back() -> None:
    """公开01表 prints 类 names without codes: a 2017 name is found in the 2017 list, a name
    the partial 2017 list lacks in the default edition."""
    from govfin.readers.bodies import class_code

    assert class_code("医疗卫生与计划生育支出", 2017) == "210"
    assert class_code("教育支出", 2017) == "205"
    assert class_code("卫生健康支出", 2019) == "210"
    assert class_code("没有这个类", 2017) is None
