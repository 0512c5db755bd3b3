"""Issue 15: a mistyped code is an error naming the code meant; a gap in govfin's list is not.

An unknown code under a 类 or 款 that the data files mark complete ("# complete:") cannot
exist: an error.  Under an incomplete one it may be a real code govfin does not ship: a
warning, unless the printed name is that of a sibling one transposition or one digit away
(names are unique under one parent, so the code is that sibling mistyped): then an error
saying "likely …".  The seed prints 2080505 机关事业单位基本养老保险缴费支出 in 公开02/03/05
(款 20805 is incomplete in govfin's list), 2101102 事业单位医疗 (款 21011 is complete) and
30102 津贴补贴 / 30207 邮电费 in 公开06 (类 301 is complete, 302 is not).
"""

from __future__ import annotations

import golden
import pytest
from hypothesis import given
from hypothesis import strategies as st

from govfin import codes
from govfin.findings import Severity
from govfin.readers import read_text
from govfin.rules import REGISTRY, check
from govfin.rules.classification import likely_typo, one_slip


def _code_findings(old: str, new: str, after: str) -> list:
    """C-code and C-name findings at the code ``new`` after planting it in the seed."""
    text = golden.TEXT
    start = text.index(after)
    at = text.index(old, start)
    edited = text[:at] + new + text[at + len(old):]
    report = check(read_text(edited).disclosure)
    code = new.split("\t")[0]
    return [f for f in report if f.rule_id in ("C-code", "C-name") and f.place
            and f.place.row == code]


# -- one_slip ------------------------------------------------------------------------------------

digits = st.text(alphabet="0123456789", min_size=3, max_size=7)


@given(digits, st.data())
def test_swapping_two_adjacent_different_digits_is_one_transposition(code: str, data) -> None:
    i = data.draw(st.integers(0, len(code) - 2))
    swapped = code[:i] + code[i + 1] + code[i] + code[i + 2:]
    expected = None if code[i] == code[i + 1] else "one transposition"
    assert one_slip(code, swapped) == expected
    assert one_slip(swapped, code) == expected


@given(digits, st.data())
def test_changing_one_digit_is_one_digit(code: str, data) -> None:
    i = data.draw(st.integers(0, len(code) - 1))
    d = data.draw(st.sampled_from([c for c in "0123456789" if c != code[i]]))
    assert one_slip(code, code[:i] + d + code[i + 1:]) == "one digit"


def test_two_slips_or_another_length_is_no_slip() -> None:
    assert one_slip("2080577", "2080505") is None  # two digits changed
    assert one_slip("2081505", "2080550") is None  # a change and a swap
    assert one_slip("20805", "2080505") is None
    assert one_slip("2080505", "2080505") is None


# -- likely_typo ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "name", "meant"),
    [
        ("2080550", "机关事业单位基本养老保险缴费支出", "2080505"),  # transposed
        ("30270", "邮电费", "30207"),  # transposed, under the incomplete 类 302
        ("30104", "津贴补贴", "30102"),  # one digit; 30101 and 30103 are one digit away too
    ],
)
def test_likely_typo_names_the_sibling_carrying_the_printed_name(code, name, meant) -> None:
    assert not codes.exists(code, 2024)
    assert codes.lookup(meant, 2024).name == name
    assert likely_typo(code, name, 2024) == (meant, one_slip(code, meant))


def test_no_guess_without_a_sibling_of_that_name_one_slip_away() -> None:
    assert likely_typo("2080577", "机关事业单位基本养老保险缴费支出", 2024) is None  # two away
    assert likely_typo("2080550", "机关事业单位职业年金缴费支出", 2024) is None  # 2080506's name
    assert likely_typo("2080505", "机关事业单位基本养老保险缴费支出", 2024) is None  # exists


# -- C-code on the seed --------------------------------------------------------------------------


def test_transposed_code_under_an_incomplete_item_is_an_error_naming_the_code_meant() -> None:
    assert not codes.complete_under("20805", edition=2024)
    found = _code_findings("2080505\t机关事业单位基本养老保险缴费支出", "2080550\t机关事业单位基本养老保险缴费支出",
                           "公开02")
    assert [(f.rule_id, f.severity) for f in found] == [("C-code", Severity.ERROR)]
    assert "likely 2080505" in found[0].message and "one transposition" in found[0].message
    assert found[0].place.table == "收入决算表"


def test_economic_typo_under_an_incomplete_class_is_an_error() -> None:
    found = _code_findings("30207\t邮电费", "30270\t邮电费", "公开06")
    assert [(f.rule_id, f.severity) for f in found] == [("C-code", Severity.ERROR)]
    assert "likely 30207" in found[0].message


def test_unknown_code_under_an_incomplete_item_without_a_matching_sibling_stays_a_warning() -> None:
    found = _code_findings("2080505\t机关事业单位基本养老保险缴费支出", "2080577\t机关事业单位基本养老保险缴费支出",
                           "公开02")
    assert [(f.rule_id, f.severity) for f in found] == [("C-code", Severity.WARNING)]
    assert "likely" not in found[0].message and "incomplete" in found[0].message


def test_unknown_code_under_a_complete_item_is_an_error_with_its_hint() -> None:
    assert codes.complete_under("21011", edition=2024)
    found = _code_findings("2101102\t事业单位医疗", "2101120\t事业单位医疗", "公开02")
    assert [(f.rule_id, f.severity) for f in found] == [("C-code", Severity.ERROR)]
    assert "likely 2101102" in found[0].message


def test_unknown_code_under_a_complete_class_is_an_error_even_with_a_foreign_name() -> None:
    assert codes.complete_under("301", edition=2024) and not codes.exists("30105", 2024)
    found = _code_findings("30102\t津贴补贴", "30105\t某某补贴", "公开06")
    assert [(f.rule_id, f.severity) for f in found] == [("C-code", Severity.ERROR)]
    assert "likely" not in found[0].message


def test_a_sibling_name_on_an_existing_code_says_which_code_carries_it() -> None:
    """C-name stays a warning (the catalogue's design) but names the code one digit away."""
    found = _code_findings("2101102\t事业单位医疗", "2101101\t事业单位医疗", "公开05")
    assert [(f.rule_id, f.severity) for f in found] == [("C-name", Severity.WARNING)]
    assert "name of 2101102, one digit away" in found[0].message


def test_the_change_is_in_the_catalogue() -> None:
    assert "likely" in REGISTRY.get("C-code").changed
