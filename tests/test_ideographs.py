"""Text layers that spell Chinese characters with radicals: read as the characters shown.

Some PDF producers map the glyphs of common characters to Kangxi radicals (U+2F00–2FD5) or to
the CJK Radicals Supplement: the page shows 支出, the text layer holds "⽀出".  Before the
reader unified them, a 决算 so encoded lost every table ("a table whose kind neither its title
nor its header tells").  Each test encodes the seed the way such a producer does and asks for
the same report.
"""

from __future__ import annotations

import unicodedata

import golden
from hypothesis import given
from hypothesis import strategies as st

from govfin.readers import read_text
from govfin.readers.document import read_rows
from govfin.readers.lines import unify_ideographs
from govfin.readers.source import SourceRow
from govfin.rules import check

#: Each unified character -> the radical a producer may print for it (the first found).
RADICAL_OF: dict[str, str] = {}
for _cp in (*range(0x2F00, 0x2FD6), *range(0x2E80, 0x2EF4)):
    _form = unify_ideographs(chr(_cp))
    if _form != chr(_cp):
        RADICAL_OF.setdefault(_form, chr(_cp))

ENCODED = "".join(RADICAL_OF.get(ch, ch) for ch in golden.TEXT)
SEED = check(read_text(golden.TEXT).disclosure)


def _keys(report) -> list[tuple[str, str, str]]:
    return [(f.rule_id, f.severity.value, f.message) for f in report]


def test_the_encoding_touches_the_seed_throughout() -> None:
    changed = sum(a != b for a, b in zip(golden.TEXT, ENCODED, strict=True))
    assert changed > 1000
    assert "⽀出" in ENCODED and "⼀般公共" in ENCODED


def test_a_text_spelled_with_radicals_reads_and_checks_as_the_seed() -> None:
    result = read_text(ENCODED)
    assert result.disclosure.read_problems == ()
    assert _keys(check(result.disclosure)) == _keys(SEED)


def test_rows_spelled_with_radicals_read_as_the_seed() -> None:
    # the rows a PDF or a workbook gives go through the same unification
    rows = [SourceRow(tuple(t.split("\t")), file="radicals.pdf", page=1, row=n)
            for n, t in enumerate(ENCODED.split("\n"), 1)]
    report = check(read_rows(rows).disclosure)
    assert _keys(report) == _keys(SEED)


def test_the_supplement_radicals_that_are_characters() -> None:
    assert unify_ideographs("⻓期⻔户⻚码⻢⻋⻅") == "长期门户页码马车见"


def test_compatibility_ideographs_take_their_unified_form() -> None:
    assert unify_ideographs("\uf900") == unicodedata.normalize("NFKC", "\uf900")


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",))))
def test_nothing_else_changes(text: str) -> None:
    out = unify_ideographs(text)
    assert len(out) == len(text)
    for a, b in zip(text, out, strict=True):
        if a != b:
            assert 0x2E80 <= ord(a) <= 0x2FDF or 0xF900 <= ord(a) <= 0xFAFF
            assert unicodedata.name(b).startswith("CJK UNIFIED IDEOGRAPH")
