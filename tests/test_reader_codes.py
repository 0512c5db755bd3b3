"""A printed code that is malformed — split by stray spaces, a digit lost — is reported with its
likely reading, never dropped or silently guessed."""

from __future__ import annotations

from govfin import examples
from govfin.readers import CodeSyntaxError, read_text

SEED = examples.text()


def _errors(text: str) -> list[CodeSyntaxError]:
    return [e for e in read_text(text).errors if isinstance(e, CodeSyntaxError)]


def test_a_digit_lost_is_read_as_the_one_code_a_digit_away_and_reported() -> None:
    text = SEED.replace("2010350\t事业运行", "201035\t事业运行", 1)
    (err,) = _errors(text)
    assert "'201035' has 6 digits; likely 2010350" in err.message and "read as that" in err.message
    income = read_text(text).disclosure.tables[1]
    assert income.get("2010350") is not None  # the row is kept with its figures


def test_stray_spaces_are_reported_with_the_reading() -> None:
    text = SEED.replace("2010399\t其他政府", "2010 399\t其他政府", 1)
    (err,) = _errors(text)
    assert "'2010 399' printed with stray spaces; read as 2010399" in err.message


def test_an_ambiguous_code_lists_its_likely_readings_and_is_not_read() -> None:
    text = SEED.replace("2010350\t事业运行", "201035\t某项目", 1)  # a name that tells nothing
    (err,) = _errors(text)
    assert "likely one of" in err.message and "2010350" in err.message
    assert read_text(text).disclosure.tables[1].get("2010350") is None
