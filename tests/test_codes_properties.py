"""Structural properties of every shipped edition, exhaustively and with hypothesis."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govfin import codes
from govfin.codes import Code, CodeError, Level, Scheme, UnknownCodeError, UnknownEditionError

EDITIONS = [(scheme, edition) for scheme in Scheme for edition in codes.editions(scheme)]
ENTRIES: list[Code] = [
    entry for scheme, edition in EDITIONS for entry in codes.all_codes(scheme, edition)
]
OFFICIAL_NAMES = sorted({entry.name for entry in ENTRIES})

_LENGTH = {Level.CATEGORY: 3, Level.SECTION: 5, Level.ITEM: 7}


def _check_structure(entry: Code) -> None:
    assert entry.code.isascii() and entry.code.isdigit()
    assert len(entry.code) == _LENGTH[entry.level] == entry.level.digits
    assert entry.level in entry.scheme.levels
    assert entry.code[0] == entry.scheme.leading_digit
    assert codes.level_of(entry.code) is entry.level
    assert codes.scheme_of(entry.code) is entry.scheme
    assert codes.lookup(entry.code, entry.edition) == entry
    assert entry.name and entry.name == entry.name.strip()
    assert "(" not in entry.name and ")" not in entry.name  # full-width brackets only
    if entry.level is Level.CATEGORY:
        assert entry.parent_code is None
        assert codes.parent(entry.code, entry.edition) is None
        return
    parent = codes.parent(entry.code, entry.edition)
    assert parent is not None, f"{entry.code} ({entry.year}) has no parent"
    assert parent.edition == entry.edition and parent.scheme is entry.scheme
    assert entry.code.startswith(parent.code)
    assert parent.code == entry.parent_code
    assert parent.level.depth == entry.level.depth - 1
    assert entry in codes.children(parent.code, entry.edition)


def test_every_edition_is_shipped_and_non_empty() -> None:
    assert len(EDITIONS) == 8  # 2024 and 2025 of three schemes, 2017 of two
    for scheme, edition in EDITIONS:
        assert codes.all_codes(scheme, edition)


@pytest.mark.parametrize(("scheme", "edition"), EDITIONS, ids=lambda v: str(getattr(v, "value", v)))
def test_every_code_of_every_edition(scheme: Scheme, edition: int) -> None:
    entries = codes.all_codes(scheme, edition)
    assert [e.code for e in entries] == sorted({e.code for e in entries})
    for entry in entries:
        assert entry.edition == edition and entry.scheme is scheme
        _check_structure(entry)
    # the tree partitions the edition: roots plus their descendants are everything, once
    walked = [
        c for root in codes.roots(scheme, edition) for c in [root, *codes.descendants(root.code, edition)]
    ]
    assert walked == entries


@given(st.sampled_from(ENTRIES))
def test_sampled_entry_structure(entry: Code) -> None:
    _check_structure(entry)
    chain = codes.ancestors(entry.code, entry.edition)
    assert len(chain) == entry.level.depth - 1
    assert all(entry.code.startswith(a.code) for a in chain)
    assert [a.level.depth for a in chain] == list(range(1, entry.level.depth))


@given(st.text(alphabet="0123456789", min_size=0, max_size=9), st.sampled_from(EDITIONS))
def test_any_digit_string_is_known_unknown_or_malformed(
    text: str, edition: tuple[Scheme, int]
) -> None:
    edition = edition[1]
    try:
        entry = codes.lookup(text, edition)
    except UnknownCodeError as exc:
        assert repr(text) in str(exc) and str(edition) in str(exc)
        assert not codes.exists(text, edition)
    except UnknownEditionError as exc:  # e.g. a 5xx code in 2017: that list began in 2018
        assert repr(text) in str(exc) and str(edition) in str(exc)
        assert edition not in codes.editions(codes.scheme_of(text))
        assert not codes.check_code(text, edition).certain  # a stand-in edition answers
    except CodeError as exc:
        assert not isinstance(exc, TypeError)
        assert repr(text) in str(exc) and str(edition) in str(exc)
        assert not codes.exists(text, edition)
    else:
        assert entry.code == text
        assert codes.exists(text, edition)


@given(
    st.one_of(
        st.integers(),
        st.floats(allow_nan=False),
        st.none(),
        st.binary(max_size=7),
        st.lists(st.text(max_size=3), max_size=2),
    )
)
def test_non_str_codes_raise_type_errors(value: object) -> None:
    with pytest.raises(codes.CodeTypeError) as info:
        codes.lookup(value)  # type: ignore[arg-type]
    assert isinstance(info.value, TypeError) and isinstance(info.value, codes.MalformedCodeError)


_NOISE = st.sampled_from([" ", "\u3000", "\n", "\r\n", "\t", "\u00a0", "\u200b"])


@given(st.sampled_from(ENTRIES), st.data())
def test_printed_variants_of_official_names_match(entry: Code, data: st.DataObject) -> None:
    chars = list(entry.name)
    printed = []
    for ch in chars:
        if data.draw(st.booleans()):
            printed.append(data.draw(_NOISE))
        printed.append({"（": "(", "）": ")"}.get(ch, ch) if data.draw(st.booleans()) else ch)
    text = "".join(printed)
    assert codes.check_name(entry.code, text, entry.edition).ok
    assert codes.normalize_name(text) == codes.normalize_name(entry.name)


@given(st.sampled_from(ENTRIES), st.data())
def test_changing_a_character_is_a_mismatch(entry: Code, data: st.DataObject) -> None:
    position = data.draw(st.integers(0, len(entry.name) - 1))
    original = entry.name[position]
    replacement = data.draw(
        st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF).filter(lambda c: c != original)
    )
    changed = entry.name[:position] + replacement + entry.name[position + 1 :]
    result = codes.check_name(entry.code, changed, entry.edition)
    assert not result.ok
    assert result.official == entry.name and result.printed == changed


@given(st.sampled_from(OFFICIAL_NAMES))
def test_every_name_is_found_by_search_and_find_by_name(name: str) -> None:
    found = 0
    for scheme, edition in EDITIONS:
        exact = codes.find_by_name(name, edition, scheme=scheme)
        named = [e for e in ENTRIES if (e.scheme, e.edition, e.name) == (scheme, edition, name)]
        assert exact == named  # all of them, in code order, and nothing else
        assert set(exact) <= set(codes.search(name, edition, scheme=scheme))
        found += len(exact)
    assert found >= 1
