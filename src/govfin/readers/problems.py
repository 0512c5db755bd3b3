"""Read problems: what the reader met, as findings (``READ-…``), and the parts not read whole.

The read log (:class:`~govfin.readers.lines.ReadLog`) is the reader's record: every line's
kind and every typed :class:`~govfin.readers.errors.ReadError`.  A check reports from it one
:class:`~govfin.findings.ReadProblem` per cause — an error, the lines of one part the reader
could not place, the placeholder rows of one table, a table or 自评表 it saw but could not read,
a document printed several times, a document whose end is missing — each with its ``READ-…``
rule id, place and severity (:mod:`govfin.rules.reading` reports them).

A problem that loses part of what is printed — a row dropped, a cell not a number, a table that
ends early, bytes that do not decode, a line holding figures that no row took — leaves that part
(the table, the 自评表, the narrative from the cut on) *not read whole*
(:attr:`~govfin.findings.ReadProblem.incomplete`): the check withholds every finding resting on
it, and the problem is an error (the document could not be checked whole).  A problem that
loses nothing (a duplicate copy, a unit line missing, a note the reader could not place) is a
warning.  A problem at the document's last line, or contents that list parts the document never
reaches, mark the document *cut*: its tables and 自评表 cannot be counted.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

import attrs

from govfin._lazy import frozen, lazy_pattern
from govfin.findings import Place, ReadProblem, Severity, Span, Withheld
from govfin.readers.account import Unread
from govfin.readers.errors import DuplicateTableError, OtherUnitTableError, ReadError
from govfin.readers.identify import is_plain_amount
from govfin.readers.lines import Line, LineKind, LogBuilder, LogEntry

__all__ = ["DOCUMENT", "Part", "derive", "problem_data", "read_in_part"]

#: The place label of a problem of the whole document.
DOCUMENT = "(document)"

#: Each reader error class -> its rule id, and whether it loses what is printed there.
_RULES: dict[str, tuple[str, bool]] = {
    "UndecodableBytesError": ("READ-bytes", True),
    "TruncatedTableError": ("READ-truncated", True),
    "AmountSyntaxError": ("READ-amount", True),
    "CellCountError": ("READ-cells", True),
    "UnknownNameError": ("READ-name", True),
    "CodeSyntaxError": ("READ-code", False),  # lossy only when the row was not read (below)
    "EvaluationLayoutError": ("READ-layout", True),
    "TableIdentityError": ("READ-identity", False),
    "SetAsideColumnError": ("READ-part", False),  # a 其中 column set aside: nothing else lost
    "MissingUnitError": ("READ-unit", False),
    "DuplicateTableError": ("READ-duplicate", False),
    "OtherUnitTableError": ("READ-duplicate", False),
    "YearMismatchError": ("READ-year", False),
    "DocumentKindError": ("READ-kind", False),
    "EmptyInputError": ("READ-unread", True),
    "NotADisclosureError": ("READ-unread", True),
    "UnreadPageError": ("READ-page", True),
}


@frozen
class Part:
    """A part of the document as read: its label (a table's kind, a 自评表's label, the
    情况说明), its first and last source lines, and what it is (``table``, ``evaluation``,
    ``plan``, ``narrative``); for a narrative part, the first line of each of its sections."""

    label: str
    first: int
    last: int
    what: str
    sections: tuple[int, ...] = ()


def _span(part: Part) -> Span:
    # A table kind is read once: the whole table; a 自评表's label may repeat: its lines.
    if part.what == "table":
        return Span(part.label)
    return Span(part.label, part.first, part.last)


class _Parts:
    """Parts by line: which part holds a line (parts do not overlap)."""

    def __init__(self, parts: Iterable[Part]):
        self.parts = sorted(parts, key=lambda p: p.first)
        self.starts = [p.first for p in self.parts]

    def at(self, line: int | None) -> Part | None:
        if line is None:
            return None
        i = bisect.bisect_right(self.starts, line) - 1
        if i >= 0 and self.parts[i].first <= line <= self.parts[i].last:
            return self.parts[i]
        return None


def derive(
    log: LogBuilder,
    parts: Sequence[Part],
    unread: Sequence[tuple[Unread, int, int, str]],
    lines: Sequence[Line],
    *,
    differing: Iterable[int] = (),
    copies: tuple[int, int, int, tuple[int, ...]] | None = None,
    missing_parts: Sequence[str] = (),
) -> tuple[ReadProblem, ...]:
    """The read problems of one read, in printed order, then those of the whole document.

    ``parts``: what was read; ``unread``: each block seen but not read (its account, first and
    last line, and what it is); ``differing``: title lines of duplicate tables whose copies
    differ; ``copies``: (copies, lines per copy, first line of the second copy) of a document
    printed several times; ``missing_parts``: parts the contents list that the document never
    reaches.
    """
    where = _Parts(parts)
    lost = _Parts(
        Part(u.title, first, last, what) for u, first, last, what in unread
    )
    differing = set(differing)
    out: list[tuple[int, ReadProblem]] = []
    entries = log._entries  # the reader's record, by line

    for u, first, last, what in unread:
        out.append(
            (
                first,
                ReadProblem(
                    "READ-unread",
                    "TableIdentityError" if what == "table" else "EvaluationLayoutError",
                    Severity.ERROR,
                    f"{'a table' if what == 'table' else 'a ' + u.title} seen but not read: {u.why}",
                    Place(u.title, line=first, where=None if u.where.startswith("line ") else u.where),
                    (Span(u.title, first, last),),
                    cut=what in ("evaluation", "plan"),  # the 自评表 can no longer be counted
                ),
            )
        )

    copies_of: dict[str, list[ReadError]] = {}  # duplicates by table: told once per table
    for err in log.errors:
        kind = type(err).__name__
        if lost.at(err.line) is not None:
            continue  # told by the READ-unread of its block
        if isinstance(err, DuplicateTableError) and err.where:
            copies_of.setdefault(err.where, []).append(err)
            continue
        rule_id, lossy = _RULES.get(kind, ("READ-other", False))
        part = where.at(err.line)
        if kind == "CodeSyntaxError" and err.line is not None:
            entry = entries.get(err.line)
            lossy = entry is not None and entry.kind is LineKind.UNRECOGNISED
        elif kind == "TableIdentityError" and "header" in err.message:
            # columns the header cannot name are read by position: a guess (lossy), unless
            # the table is read as its header says
            lossy = "read as the header says" not in err.message
        incomplete = (_span(part),) if lossy and part is not None else ()
        if kind == "EmptyInputError" or kind == "NotADisclosureError":
            incomplete = (Span(DOCUMENT),)
        elif kind == "UnreadPageError" and part is not None and part.what == "narrative":
            incomplete = ()  # prose read before the page stays read; a table may run onto it
        severity = Severity.ERROR if incomplete or kind == "UnreadPageError" else Severity.WARNING
        if kind == "DuplicateTableError" and err.line in differing:
            severity = Severity.ERROR  # the document contradicts itself
        label = part.label if part is not None else (err.where or DOCUMENT)
        out.append(
            (
                err.line or 0,
                ReadProblem(
                    rule_id,
                    kind,
                    severity,
                    err.message,
                    Place(label, line=err.line, where=err.place),
                    incomplete,
                    cut=kind in ("EmptyInputError", "NotADisclosureError", "UnreadPageError"),
                ),
            )
        )

    out.extend(_duplicates(copies_of, differing))
    out.extend(_unplaced(log, where, lost))
    out.extend(_placeholders(log))
    problems = [p for _, p in sorted(out, key=lambda item: item[0])]
    problems = _mark_cut(problems, lines, where, entries, missing_parts)
    if copies is not None:
        n, size, second, differ = copies
        same = (
            "the others are the same text"
            if not differ
            else f"the others differ from it in {len(differ)} line(s) (line(s) "
            + ", ".join(map(str, differ[:5]))
            + (" …" if len(differ) > 5 else "")
            + "), which are not checked"
        )
        problems.append(
            ReadProblem(
                "READ-repeated",
                "DuplicateTableError",
                Severity.ERROR if differ else Severity.WARNING,  # differing: which one holds?
                f"the whole document is printed {n} times over (a copy every {size} non-blank "
                f"lines, the second from line {second}); the first copy is read and checked, "
                + same,
                Place(DOCUMENT, line=second),
            )
        )
    return tuple(problems)


def _duplicates(
    copies_of: dict[str, list[ReadError]], differing: set[int]
) -> list[tuple[int, ReadProblem]]:
    """One problem per table printed more than once: how often, where, whether copies differ."""
    out = []
    for table, errs in copies_of.items():
        first = errs[0]
        differ = any(e.line in differing for e in errs)
        if len(errs) == 1:
            message = first.message
        else:
            lines = ", ".join(str(e.line) for e in errs[:5]) + (" …" if len(errs) > 5 else "")
            same = (
                "some copies differ" if differ
                else "some are of other units"
                if any(isinstance(e, OtherUnitTableError) for e in errs)
                else "the copies are identical"
            )
            message = (
                f"{table} printed {len(errs) + 1} times (again at line(s) {lines}; {same}); "
                "the first is kept and checked"
            )
        out.append(
            (
                first.line or 0,
                ReadProblem(
                    "READ-duplicate",
                    "DuplicateTableError",
                    Severity.ERROR if differ else Severity.WARNING,  # differing: contradicts itself
                    message,
                    Place(table, line=first.line, where=first.place),
                ),
            )
        )
    return out


def _unplaced(
    log: LogBuilder, where: _Parts, lost: _Parts
) -> list[tuple[int, ReadProblem]]:
    """Lines the reader could not place, one problem per part: lossy when a line holds a
    figure inside a table or 自评表 that was read (a row may be lost)."""
    groups: dict[str, list[tuple[int, str, bool]]] = {}
    parts: dict[str, Part | None] = {}
    for n, e in log._entries.items():
        if e.kind is not LineKind.UNRECOGNISED or lost.at(n) is not None:
            continue
        part = where.at(n)
        key = part.label if part is not None else (e.part or DOCUMENT)
        figures = any(is_plain_amount(c.strip()) for c in e.text.split("\t"))
        groups.setdefault(key, []).append((n, e.text, figures))
        parts.setdefault(key, part)
    out = []
    for key, items in groups.items():
        items.sort()
        part = parts[key]
        lossy = part is not None and part.what in ("table", "evaluation") and any(
            f for _, _, f in items
        )
        shown = ", ".join(str(n) for n, _, _ in items[:8]) + (" …" if len(items) > 8 else "")
        first_text = items[0][1].strip().replace("\t", " ")[:60]
        message = (
            f"{len(items)} line(s) the reader could not place (line(s) {shown}; first: "
            f"{first_text!r})"
            + ("; one holds figures: a row may be lost" if lossy else "")
        )
        out.append(
            (
                items[0][0],
                ReadProblem(
                    "READ-line",
                    "UnrecognisedLineError",
                    Severity.ERROR if lossy else Severity.WARNING,
                    message,
                    Place(key, line=items[0][0], where=log.places.get(items[0][0])),
                    (_span(part),) if lossy and part is not None else (),
                ),
            )
        )
    return out


_PLACEHOLDER_NOTE = "placeholder row"


def _placeholders(log: LogBuilder) -> list[tuple[int, ReadProblem]]:
    """The placeholder rows of a blank template ("…", "XX"), one problem per table."""
    groups: dict[str, list[int]] = {}
    for n, e in log._entries.items():
        if e.note.startswith(_PLACEHOLDER_NOTE):
            groups.setdefault(e.part or DOCUMENT, []).append(n)
    out = []
    for table, ns in groups.items():
        ns.sort()
        out.append(
            (
                ns[0],
                ReadProblem(
                    "READ-placeholder",
                    "AmountSyntaxError",
                    Severity.WARNING,
                    f"{len(ns)} row(s) of a blank template's placeholders (“…”, “XX”) where "
                    "figures belong: not figures; the template was published unfilled",
                    Place(table, line=ns[0], where=log.places.get(ns[0])),
                ),
            )
        )
    return out


#: How a sentence ends; a narrative document's last line ending otherwise was cut.
_SENTENCE_END = tuple("。！？；;.!?)）”\"」』")
#: Punctuation inside a sentence: a last line without any is a signature, a date, a heading.
_INSIDE = "，、：；,"
#: Shortest last line taken for a cut sentence (shorter: a date, a signature, a page number).
_CUT_LINE = 12


def _mark_cut(
    problems: list[ReadProblem],
    lines: Sequence[Line],
    where: _Parts,
    entries: Mapping[int, LogEntry],
    missing: Sequence[str],
) -> list[ReadProblem]:
    """Tell a cut document: mark ``cut`` the problem that loses the document's last line (the
    file ends inside a table or 自评表); else, on evidence of a cut — contents that list parts
    the document never reaches, a last 自评表 that ends unlike every one before it, a last
    sentence that stops mid-way — add a READ-cut problem leaving the last part not read whole
    (its end is not known to be there)."""
    last = next((ln for ln in reversed(lines) if not ln.blank), None)
    if last is None:
        return problems
    part = where.at(last.number)
    at_end = Place(part.label, line=last.number) if part is not None else None
    for i, p in enumerate(problems):
        if at_end is not None and any(s.covers(at_end) for s in p.incomplete):
            problems[i] = attrs.evolve(p, cut=True)
            if not missing:
                return problems
            part = None  # told; say still what the contents list
            break
    reason = None
    if missing:
        reason = (
            f"the document ends before {', '.join(missing)}, which its contents list: the "
            "file was cut, or the part left out"
        )
    elif part is not None and part.what == "evaluation":
        reason = _unlike_the_others(part, where.parts, lines)
    elif part is not None and part.what == "narrative" and _plain_text(last):
        entry = entries.get(last.number)
        text = last.joined.strip()
        if (
            entry is not None
            and entry.kind is LineKind.NARRATIVE
            and len(text) >= _CUT_LINE
            and any(c in text for c in _INSIDE)  # prose, not a signature or a date
            and not text.endswith(_SENTENCE_END)
        ):
            reason = f"the document stops in mid-sentence (…{text[-20:]!r})"
    if reason is None:
        return problems
    incomplete: tuple[Span, ...] = ()
    if part is not None:
        if part.what == "narrative":
            start = max((s for s in part.sections if s <= last.number), default=part.first)
            incomplete = (Span(part.label, start, last.number),)
        else:
            incomplete = (_span(part),)
    shown = f"; {incomplete[0]} is not known to be whole" if incomplete else ""
    problems.append(
        ReadProblem(
            "READ-cut",
            "TruncatedTableError",
            Severity.ERROR,
            f"{reason}{shown}; the document's tables and 自评表 cannot be counted",
            Place(part.label if part is not None else DOCUMENT, line=last.number),
            incomplete,
            cut=True,
        )
    )
    return problems


def _plain_text(line: Line) -> bool:
    """A line of a text file (a file cut in its bytes stops mid-sentence; a page or a sheet
    does not: its last line may be a heading, a date, a cell)."""
    o = line.origin
    return o is None or (o.page is None and o.sheet is None)


#: Fewest earlier 自评表 ending alike for a last one ending otherwise to tell a cut (one is
#: enough when their end is a printed note).
_ALIKE = 2
_NOTE_LINE = lazy_pattern(r"^(?:备注|注|\d{1,2}[.．、])")


def _unlike_the_others(part: Part, parts: Sequence[Part], lines: Sequence[Line]) -> str | None:
    """Why the last 自评表 seems cut: the ones before it all end on the same line (the same
    备注, say) and it does not."""
    by_number = {ln.number: ln for ln in lines}
    ends = [
        by_number[p.last].squashed
        for p in parts
        if p.what == "evaluation" and p is not part and p.last in by_number
    ]
    if not ends or len(set(ends)) != 1:
        return None
    if len(ends) < _ALIKE and not _NOTE_LINE.match(ends[0]):
        return None  # one 自评表 before: only a printed note (备注 1.… 4.…) is the usual end
    mine = by_number[part.last].squashed if part.last in by_number else ""
    if mine == ends[0]:
        return None
    return (
        f"the last 自评表 ends at line {part.last}, unlike the {len(ends)} before it (each ends "
        f"on {ends[0][:24]!r}…): the document was cut"
    )


def problem_data(
    problems: Sequence[ReadProblem], withheld: Iterable[Withheld] = ()
) -> list[dict[str, object]]:
    """The ``read_problems`` of a JSON report: per problem its ``kind`` (the reader's error
    class), ``rule_id`` and ``severity``, ``place`` (file and page, or sheet and cell; None for
    plain text), ``line``, ``part`` (the table, 自评表 or ``"(document)"``), ``message``,
    ``withheld`` (were findings held back because of it?) and how many, the parts it left
    ``incomplete`` and whether it ``cut`` the document."""
    counts = Counter(w.problem for w in withheld)
    out: list[dict[str, object]] = []
    for i, p in enumerate(problems):
        place = p.place
        out.append(
            {
                "kind": p.kind,
                "rule_id": p.rule_id,
                "severity": p.severity.value,
                "place": place.where if place is not None else None,
                "line": place.line if place is not None else None,
                "part": place.table if place is not None else None,
                "message": p.message,
                "withheld": counts[i] > 0,
                "withheld_findings": counts[i],
                "incomplete": [str(s) for s in p.incomplete],
                "cut": p.cut,
            }
        )
    return out


def read_in_part(problems: Iterable[ReadProblem]) -> bool:
    """True when some part of the document was not read whole (exit status 2)."""
    return any(p.partial for p in problems)
