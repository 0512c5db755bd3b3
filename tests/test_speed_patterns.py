"""Patterns of the narrative rewritten to be searched faster (issue 17) match exactly the
strings, at exactly the places, that their earlier forms matched.

A pattern that begins with a look-around is tried at every position of a text; one that begins
with a set of characters (or literals) is searched for that set first.  The placeholder pattern
of the template residue and the year patterns were rewritten so; each is compared here with its
earlier form, written out, on texts built from the characters that matter to it.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from seed_disclosure import seed_disclosure

from govfin.narrative import residue

#: The earlier forms.
_PLACEHOLDER = (
    r"(?=[XxＸｘ×＊*])(?<![A-Za-z])(?:[XxＸｘ]+(?:[,，.．][XxＸｘ]+)+|[XxＸｘ]{2,}|×{2,}|＊{2,}|\*{2,})"
    r"(?![A-Za-z])"
)
_YEAR = r"(?=[12])(?<!\d)(?P<y>(?:19|20)\d{2})(?=年|\s*[-—–~～至到]\s*(?:19|20)\d{2}年)"
_RANGE = r"(?=[12])(?<!\d)(?:19|20)\d{2}\s*[-—–~～至到]\s*(?:19|20)\d{2}年"


def _same(old: re.Pattern[str], new: re.Pattern[str], text: str) -> None:
    """Every match of ``old`` in ``text``, searched from every position, is ``new``'s."""
    assert [(m.span(), m.groups()) for m in new.finditer(text)] == [
        (m.span(), m.groups()) for m in old.finditer(text)
    ]
    for pos in range(len(text) + 1):
        a, b = old.search(text, pos), new.search(text, pos)
        assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups())), (text, pos)


_PLACEHOLDER_TEXT = st.text(alphabet="XxＸｘ×＊*,，.．aZ收入\n 1", max_size=14)


@settings(max_examples=500, deadline=None)
@given(_PLACEHOLDER_TEXT)
def test_the_placeholder_matches_what_its_earlier_form_matched(text: str) -> None:
    new = residue.RESIDUE_PATTERNS[1][0]
    assert residue.RESIDUE_PATTERNS[1][1] == "placeholder"
    _same(re.compile(_PLACEHOLDER), new, text)
    _same(re.compile(_PLACEHOLDER, re.MULTILINE), residue._SCREENS[1], text)


_YEAR_TEXT = st.lists(
    st.sampled_from(["19", "20", "1", "2", "0", "9", "4", "年", "度", "-", "—", "～", "至", " ",
                     "\u3000", "截至", "收入", "《", "》", "x", "٢"]),
    max_size=12,
).map("".join)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(_YEAR_TEXT)
def test_the_year_patterns_match_what_their_earlier_forms_matched(text: str) -> None:
    _same(re.compile(_YEAR), residue._YEAR, text)
    _same(re.compile(_RANGE), residue._RANGE, text)


def test_on_the_seed_narrative() -> None:
    for s in seed_disclosure().narrative._sentences():
        _same(re.compile(_PLACEHOLDER), residue.RESIDUE_PATTERNS[1][0], s.text)
        _same(re.compile(_YEAR), residue._YEAR, s.text)
        _same(re.compile(_RANGE), residue._RANGE, s.text)
