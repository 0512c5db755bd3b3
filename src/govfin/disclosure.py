"""A whole 部门决算公开: its tables, the 项目支出绩效自评 tables and the 情况说明 narrative.

:class:`Disclosure` is what the readers produce and what the cross-table
(:mod:`govfin.rules.cross`) and narrative (:mod:`govfin.rules.narrative`) rules check.
The class is plain data and knows nothing of the rules above it: ``govfin.check(d)``
(:func:`govfin.rules.check`) runs every rule: the intra-table rules on each table, the
evaluation rules on each self-evaluation, then the rules whose subject is the Disclosure itself.

Tables are found by kind (their canonical title), never by printed number::

    d.table("收入支出决算总表")          # by KIND
    d.table(IncomeExpenditureSummary)    # by class
    d.table("公开01表 收入支出决算总表")  # by printed title
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, TypeVar

import attrs

from govfin._lazy import frozen
from govfin.amounts import Unit
from govfin.errors import ArgumentTypeError, NotFoundError
from govfin.findings import ReadProblem
from govfin.narrative import (
    NARRATIVE_TABLE,
    Claim,
    Sentence,
    TemplateResidue,
    YearMention,
    claims_in,
    residue_in,
    sentences,
    years_in,
)
from govfin.performance.model import ProjectEvaluation
from govfin.performance.plan import ProjectPlan
from govfin.serialize import PlainData
from govfin.tables import Table, kind_for_title

__all__ = ["SECTION_HEADING", "Disclosure", "Narrative", "NarrativeSection", "split_sections"]


@frozen
class NarrativeSection:
    """One section of the 情况说明: its heading as printed and its text.

    ``line`` is the source line of the heading.  The text keeps its line breaks (blank lines
    included), so that its k-th line (0-based) is source line ``text_line + k``;
    ``text_line`` defaults to the line after the heading.
    """

    heading: str
    text: str
    line: int | None = attrs.field(default=None, eq=False)
    text_line: int | None = attrs.field(default=None, eq=False)

    @property
    def first_text_line(self) -> int | None:
        """Source line of the first line of :attr:`text`."""
        if self.text_line is not None:
            return self.text_line
        return None if self.line is None else self.line + 1

    def claims(self) -> tuple[Claim, ...]:
        """The checkable statements of this section (:func:`govfin.narrative.extract_claims`)."""
        return self._claims

    def sentences(self) -> tuple[Sentence, ...]:
        """The section's text split into sentences (:func:`govfin.narrative.sentences`)."""
        return self._sentences

    # Derived once per section (it is immutable); every check run reads them.
    @functools.cached_property
    def _sentences(self) -> tuple[Sentence, ...]:
        return tuple(sentences(self.text, section=self.heading, first_line=self.first_text_line))

    @functools.cached_property
    def _claims(self) -> tuple[Claim, ...]:
        return claims_in(self._sentences, section=self.heading)


#: A top-level heading of the 情况说明: "一、收入支出决算总体情况说明".
SECTION_HEADING = re.compile(r"^\s*[一二三四五六七八九十]+、\S")


_T = TypeVar("_T")


def _typed(value: Iterable[_T], cls: type[_T], field: str) -> tuple[_T, ...]:
    """The items as a tuple, each checked to be a ``cls`` (a converter's body)."""
    out = tuple(value)
    for x in out:
        if not isinstance(x, cls):
            raise ArgumentTypeError(f"{field}: expected {cls.__name__}, got {x!r}")
    return out


def _sections(value: Iterable[NarrativeSection]) -> tuple[NarrativeSection, ...]:
    return _typed(value, NarrativeSection, "Narrative.sections")


@frozen
class Narrative:
    """The 情况说明 (and 概况) text, in sections, plus the 名词解释 (glossary) text."""

    sections: tuple[NarrativeSection, ...] = attrs.field(default=(), converter=_sections)
    glossary: str = ""
    glossary_line: int | None = attrs.field(default=None, eq=False)

    def __iter__(self) -> Iterator[NarrativeSection]:
        return iter(self.sections)

    def __len__(self) -> int:
        return len(self.sections)

    @property
    def text(self) -> str:
        """All sections, each heading followed by its text."""
        return "\n".join(f"{s.heading}\n{s.text}" for s in self.sections)

    def section(self, words: str) -> NarrativeSection | None:
        """The first section whose heading contains ``words``."""
        return next((s for s in self.sections if words in s.heading), None)

    def claims(self) -> tuple[Claim, ...]:
        """Every claim of every section, in printed order."""
        return self._claims

    @functools.cached_property
    def _claims(self) -> tuple[Claim, ...]:
        return tuple(c for s in self.sections for c in s.claims())

    def _sentences(self) -> Iterator[Sentence]:
        """Every sentence of the sections, then of the glossary."""
        for s in self.sections:
            yield from s.sentences()
        yield from self._glossary_sentences

    @functools.cached_property
    def _glossary_sentences(self) -> tuple[Sentence, ...]:
        if not self.glossary:
            return ()
        return tuple(sentences(self.glossary, section="名词解释", first_line=self.glossary_line))

    def residue(self) -> tuple[TemplateResidue, ...]:
        """Template residue anywhere in the narrative (glossary included)."""
        return self._residue

    def years(self) -> tuple[YearMention, ...]:
        """Every year the narrative mentions (glossary included)."""
        return self._years

    # Found once per narrative (it is immutable); every check run reads them.
    @functools.cached_property
    def _residue(self) -> tuple[TemplateResidue, ...]:
        return residue_in(self._sentences())

    @functools.cached_property
    def _years(self) -> tuple[YearMention, ...]:
        return years_in(self._sentences())

    @classmethod
    def from_text(
        cls,
        text: str,
        *,
        first_line: int = 1,
        part: str = NARRATIVE_TABLE,
        glossary: str = "",
        glossary_line: int | None = None,
    ) -> Narrative:
        """Split narrative text into sections (:func:`split_sections`).

        ``first_line`` is the source line of the text's first line; text before the first
        heading becomes a section headed ``part``.  Each section's text keeps its blank lines
        (see :class:`NarrativeSection`).
        """
        numbered = [(first_line + i, ln) for i, ln in enumerate(text.split("\n"))]
        return cls(split_sections(numbered, part), glossary, glossary_line)


def split_sections(
    lines: Sequence[tuple[int | None, str]], part: str = NARRATIVE_TABLE
) -> tuple[NarrativeSection, ...]:
    """The sections of a narrative part, from its ``(source line, text)`` lines.

    A section begins at each top-level heading "一、…" (:data:`SECTION_HEADING`); its text runs
    from the line after the heading to its last non-blank line, blank lines kept, so that line
    k of the text is source line ``text_line + k``.  Text before the first heading (an
    introduction) becomes a section headed ``part``, trimmed of blank lines.  The one way
    narrative text is cut into sections, for the readers and for :meth:`Narrative.from_text`.

    >>> [s.heading for s in split_sections([(1, "引言"), (2, "一、收入"), (3, "收入1万元。")])]
    ['情况说明', '一、收入']
    >>> [s.heading for s in split_sections([(1, "无标题的说明。")])]  # no heading at all
    ['情况说明']
    """
    heads = [i for i, (_, ln) in enumerate(lines) if ln.strip() and SECTION_HEADING.match(ln)]
    sections: list[NarrativeSection] = []
    lead = lines[: heads[0]] if heads else lines
    if _span(lead) is not None:
        sections.append(_section(part, None, lead))
    for a, b in zip(heads, [*heads[1:], len(lines)][: len(heads)], strict=True):
        sections.append(_section(lines[a][1].strip(), lines[a][0], lines[a + 1 : b]))
    return tuple(sections)


def _span(lines: Sequence[tuple[int | None, str]]) -> tuple[int, int] | None:
    """Indexes of the first and last non-blank lines."""
    idx = [i for i, (_, ln) in enumerate(lines) if ln.strip()]
    return (idx[0], idx[-1]) if idx else None


def _section(
    heading: str, head: int | None, body: Sequence[tuple[int | None, str]]
) -> NarrativeSection:
    span = _span(body)
    if span is None:
        return NarrativeSection(heading, "", head, head + 1 if head is not None else None)
    chosen = body[(0 if head is not None else span[0]) : span[1] + 1]
    return NarrativeSection(heading, "\n".join(ln for _, ln in chosen), head, chosen[0][0])


def _tuple(value: Iterable[_T]) -> tuple[_T, ...]:
    """``tuple`` as a converter: attrs reads a converter's signature, and a builtin's is
    parsed from its text (with :mod:`tokenize`, milliseconds at start-up)."""
    return tuple(value)


def _tables(value: Iterable[Table]) -> tuple[Table, ...]:
    return _typed(value, Table, "Disclosure.tables")


def _evaluations(value: Iterable[ProjectEvaluation]) -> tuple[ProjectEvaluation, ...]:
    return _typed(value, ProjectEvaluation, "Disclosure.evaluations")


@frozen
class Disclosure(PlainData):
    """A department's 部门决算公开 for one year.

    - ``tables``: the public tables (公开01表 …), each a typed :class:`~govfin.tables.Table`;
    - ``evaluations``: the attached 项目支出绩效自评表;
    - ``narrative``: the 情况说明 (:class:`Narrative`);
    - ``unit``: the unit cross-table relations are judged in (tables in another unit are
      converted exactly).
    """

    department: str | None = None
    year: int | None = None
    unit: Unit = Unit.WAN_YUAN
    tables: tuple[Table, ...] = attrs.field(default=(), converter=_tables)
    evaluations: tuple[ProjectEvaluation, ...] = attrs.field(default=(), converter=_evaluations)
    #: The 项目支出绩效目标表 of a 部门预算 (performance targets), in printed order.
    plans: tuple[ProjectPlan, ...] = attrs.field(default=(), converter=_tuple)
    narrative: Narrative = Narrative()
    title: str | None = None
    #: The document's kind: "决算" (部门决算, final accounts) or "预算" (部门预算, budget).
    kind: str = attrs.field(default="决算", validator=attrs.validators.in_(("决算", "预算")))
    #: Tables (by kind, or printed title) the reader saw but could not read: never "missing".
    unread: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    #: What the reader met (the ``READ-…`` findings): problems in the source, and the parts
    #: not read whole, on which no finding may rest (the check withholds those).
    read_problems: tuple[ReadProblem, ...] = attrs.field(
        default=(), converter=_tuple, eq=False, repr=False
    )

    # -- lookup ---------------------------------------------------------------------------
    def table(self, kind: type[Table] | str) -> Table | None:
        """The first table of a kind: a class, a canonical KIND, or a printed title."""
        if not isinstance(kind, (type, str)):
            raise ArgumentTypeError(
                f"a table kind is a Table class, its KIND or a printed title, not "
                f"{type(kind).__name__} {kind!r} (the tables in order: .tables)"
            )
        if isinstance(kind, type):
            found = self._by_class.get(kind)
            if found is None and not issubclass(kind, Table):  # e.g. an ABC, or object
                found = next((t for t in self.tables if isinstance(t, kind)), None)
            return found
        for t in self.tables:
            if t.KIND == kind:
                return t
        cls = kind_for_title(kind)
        if cls is None:
            return None
        return next((t for t in self.tables if isinstance(t, cls)), None)

    @functools.cached_property
    def _by_class(self) -> dict[type, Table]:
        """Each table class (and each Table base class) -> the first table that is one."""
        index: dict[type, Table] = {}
        for t in self.tables:
            for cls in type(t).__mro__:
                if issubclass(cls, Table):
                    index.setdefault(cls, t)
        return index

    def __getitem__(self, kind: type[Table] | str) -> Table:
        """The first table of a kind (:meth:`table`); NotFoundError when there is none."""
        t = self.table(kind)
        if t is None:
            raise NotFoundError(f"no table of kind {kind!r} in this disclosure")
        return t

    @property
    def kinds(self) -> tuple[str, ...]:
        """The KIND of each table, in order."""
        return tuple(t.KIND for t in self.tables)

    def claims(self) -> tuple[Claim, ...]:
        """Every checkable statement of the narrative (:meth:`Narrative.claims`)."""
        return self.narrative.claims()

    def derived(self) -> dict[str, Any]:
        """A memo of what the layers above derive from this disclosure (e.g. its narrative's
        assessment, :mod:`govfin.rules.narrative.checks`), by a key of the deriving module's
        own: the disclosure is immutable, so what is derived stays right, and a module keeps
        one value per key (the last), so the memo cannot grow.  A value must not refer back
        to the disclosure (a cycle would keep it alive until the cycle collector runs)."""
        return self._derived

    @functools.cached_property
    def _derived(self) -> dict[str, Any]:
        return {}

    # -- checking -------------------------------------------------------------------------
    def check_parts(self) -> tuple[Any, ...]:
        """The parts the engine checks before the disclosure itself: tables, evaluations, then
        the 预算's 绩效目标表."""
        return (*self.tables, *self.evaluations, *self.plans)
