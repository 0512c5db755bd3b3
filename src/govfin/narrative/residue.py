"""Template residue ("增加（减少）", "XX", "待填写", …) and the years a 情况说明 mentions, with
the reason a year outside the report year is acceptable.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import attrs

from govfin.narrative.text import _BOOK_TITLE, Sentence, sentences

__all__ = [
    "RESIDUE_PATTERNS",
    "TemplateResidue",
    "YearMention",
    "find_residue",
    "find_years",
    "residue_in",
    "years_in",
]

# -- template residue and years --------------------------------------------------------------


@attrs.frozen
class TemplateResidue:
    """Left-over template text: "增加（减少）", "XX", "x,xxx", "待填写", "（如持平作持平表述）",
    a rate without its % …"""

    text: str
    what: str
    sentence: str
    section: str
    line: int | None = attrs.field(default=None, eq=False)


_WORDS = "增加|减少|增长|下降|上升|降低|大于|小于|高于|低于|等于|持平"
RESIDUE_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(rf"(?:{_WORDS})[（(](?:{_WORDS})[)）]"), "alternative wording left in"),
    (
        # "XX", "x,xxx", "××", "＊＊", "**", no letter either side.  Its first character is
        # read first, as a set (with no letter before it: ``.`` is that character): a pattern
        # that begins with a set is searched for that set at once, where one that begins with a
        # look-around tries it at every position (ten times the cost on a 情况说明).  After it,
        # (?i:[xｘ]) is [XxＸｘ] (the same four characters), which compiles in a seventh of
        # the time.  The same strings as "(?<![A-Za-z])(?:[XxＸｘ]+(?:[,，.．][XxＸｘ]+)+|
        # [XxＸｘ]{2,}|×{2,}|＊{2,}|\*{2,})(?![A-Za-z])", in the same order
        # (tests/test_speed_patterns.py).
        re.compile(
            r"[XxＸｘ×＊*](?<![A-Za-z].)"
            r"(?:(?<!×)(?<!＊)(?<!\*)(?:(?i:[xｘ])*(?:[,，.．](?i:[xｘ])+)+|(?i:[xｘ])+)"
            r"|(?<=×)×+|(?<=＊)＊+|(?<=\*)\*+)"
            r"(?![A-Za-z])"
        ),
        "placeholder",
    ),
    # "增长8.8。", "占比55.40，": a rate printed without its % (a budget template's "X.XX%"
    # filled in with the number only)
    (
        re.compile(
            r"(?:增长|下降|上升|降低|增幅|降幅|占比|比重为?)\s*\d+(?:\.\d+)?(?=\s*(?:[，,。；;）)]|$))"
        ),
        "percentage without %",
    ),
    (re.compile(r"待填写|待补充|请填写|此处填写|填写说明|【[^】]*填[^】]*】"), "fill-in note"),
    (re.compile(r"[{｛][^}｝]{0,20}[}｝]"), "placeholder in braces"),
    (re.compile(r"[（(]如(?:持平|无|不涉及)[^)）]{0,20}[)）]"), "template instruction"),
    (re.compile(r"[（(]不涉及的?不列[^)）]{0,10}[)）]"), "template instruction"),
    (re.compile(r"仍保留该表格式|保留该表格式"), "template instruction"),
    (re.compile(r"主要原因(?:是|为)?[：:]?(?=[。；;，,]|$)"), "reason left empty"),
    (re.compile(r"[（(]\s*[)）]"), "empty brackets"),
)


#: How a sentence cut by a page break goes on after "主要原因".
_CONTINUED = ("是", "为", "：", ":")


def find_residue(
    text: str, *, section: str = "", first_line: int | None = None
) -> tuple[TemplateResidue, ...]:
    """Template residue in a section's text, one item per occurrence."""
    return residue_in(sentences(text, section=section, first_line=first_line))


def _screen(rx: re.Pattern[str]) -> re.Pattern[str]:
    """``rx`` with ``re.MULTILINE``: ``rx`` itself when it holds no ``^`` or ``$`` (but in
    "[^"), which is all that flag changes (not compiled twice)."""
    if "$" in rx.pattern or "^" in rx.pattern.replace("[^", ""):
        return re.compile(rx.pattern, rx.flags | re.MULTILINE)
    return rx


#: :data:`RESIDUE_PATTERNS` with ``re.MULTILINE``, to screen the sentences joined by
#: newlines at once (most patterns match nowhere; each sentence is then searched only for
#: those that match somewhere).  A pattern matching a sentence matches the joined text: no
#: pattern uses ``^`` or a look-behind for a newline, ``$`` matches at the end of each
#: sentence, and a look-ahead or look-behind for a letter sees a newline where the sentence
#: ended; the joined text can only match more (a screen, never a finding).
_SCREENS = tuple(_screen(rx) for rx, _ in RESIDUE_PATTERNS)


def residue_in(sents: Iterable[Sentence]) -> tuple[TemplateResidue, ...]:
    """:func:`find_residue` of a text already split into :func:`sentences`."""
    listed = list(sents)
    joined = "\n".join(s.text for s in listed)
    patterns = [p for p, screen in zip(RESIDUE_PATTERNS, _SCREENS) if screen.search(joined)]
    return _search(listed, patterns) if patterns else ()


def _search(
    listed: Sequence[Sentence], patterns: Iterable[tuple[re.Pattern[str], str]]
) -> tuple[TemplateResidue, ...]:
    """Each sentence searched for each of ``patterns``."""
    patterns = tuple(patterns)
    out: list[TemplateResidue] = []
    for i, s in enumerate(listed):
        after = listed[i + 1] if i + 1 < len(listed) else None
        for rx, what in patterns:
            for m in rx.finditer(s.text):
                if (
                    what == "reason left empty"
                    and m.end() == len(s.text)
                    and after is not None
                    and after.section == s.section
                    and after.text.startswith(_CONTINUED)
                ):
                    continue  # "主要原因" | page break | "是：…": the reason goes on
                out.append(
                    TemplateResidue(m.group(0), what, s.text, s.section, s.line_at(m.start()))
                )
    return tuple(out)


@attrs.frozen
class YearMention:
    """A year printed in the text.  ``allowed`` says why it needs no check, if it does not.

    Reasons: ``"截至"`` (a date a balance is stated at), ``"title"`` (inside 《…》),
    ``"range"`` (a span such as "2024-2026年" of a 中期财政规划), ``"event"`` (the date
    something happened: "于2016年5月实行公车改革").
    """

    year: int
    text: str
    sentence: str
    section: str
    line: int | None = attrs.field(default=None, eq=False)
    allowed: str | None = None


#: A year: 19xx or 20xx, no digit before it, 年 (or a range's dash) after it.  Its first digit
#: is read first, with no digit before it (``\d1``: that digit and the one before), so that the
#: pattern begins with literals and is searched for them at once (see the placeholder above).
_YEAR = re.compile(r"(?P<y>(?:1(?<!\d1)9|2(?<!\d2)0)\d{2})(?=年|\s*[-—–~～至到]\s*(?:19|20)\d{2}年)")
_RANGE = re.compile(r"(?:1(?<!\d1)9|2(?<!\d2)0)\d{2}\s*[-—–~～至到]\s*(?:19|20)\d{2}年")
_UNTIL_END = re.compile(r"截[至止]$")
#: A month after a year's 年: with 于 before the year, the date of an event ("于2016年5月").
_MONTH = re.compile(r"\d{1,2}月")


def find_years(
    text: str, *, section: str = "", first_line: int | None = None
) -> tuple[YearMention, ...]:
    """Every year ("2023年", "2024年度") in a section's text, with its whitelisting reason."""
    return years_in(sentences(text, section=section, first_line=first_line))


def years_in(sents: Iterable[Sentence]) -> tuple[YearMention, ...]:
    """:func:`find_years` of a text already split into :func:`sentences`."""
    out: list[YearMention] = []
    for s in sents:
        if _YEAR.search(s.text) is None:
            continue
        titles = [(m.start(), m.end()) for m in _BOOK_TITLE.finditer(s.text)] if "《" in s.text else []
        ranges = [(m.start(), m.end()) for m in _RANGE.finditer(s.text)]
        for m in _YEAR.finditer(s.text):
            i = m.start()
            allowed: str | None = None
            if any(a <= i < b for a, b in titles):
                allowed = "title"
            elif any(a <= i < b for a, b in ranges):
                allowed = "range"
            elif _UNTIL_END.search(s.text[max(0, i - 3) : i]):
                allowed = "截至"
            end = s.text.find("年", m.end()) + 1
            if allowed is None and s.text[i - 1 : i] == "于" and _MONTH.match(s.text, end):
                allowed = "event"  # "宣州区于2016年5月实行公车改革": when something happened
            out.append(
                YearMention(
                    int(m.group("y")),
                    s.text[i : end + (1 if s.text[end : end + 1] == "度" else 0)],
                    s.text,
                    s.section,
                    s.line_at(i),
                    allowed,
                )
            )
    return tuple(out)
