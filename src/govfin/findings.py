"""Findings and reports: what a check run says about a disclosure.

"Does not add up" is never an exception: it is a :class:`Finding` in a :class:`Report`.
A report holds every finding of a run, never only the first; failing fast is the explicit
opt-in :meth:`Report.raise_for_errors`.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal

import attrs

from govfin._lazy import frozen
from govfin.errors import GovfinError
from govfin.formatting import html_cell
from govfin.serialize import PlainData

__all__ = [
    "Category",
    "Cell",
    "ChecksFailed",
    "Finding",
    "Place",
    "ReadProblem",
    "Report",
    "Severity",
    "Span",
    "Withheld",
    "report_html",
]


class Severity(enum.Enum):
    """How serious a finding is.  Ordered: ERROR > WARNING > INFO."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 2, "warning": 1, "info": 0}[self.value]


class Category(enum.Enum):
    """What kind of relation a rule checks."""

    ROLLUP = "rollup"  #: a parent row is the sum of its children along the code tree
    PARTITION = "partition"  #: a total column/line is the sum of its parts
    BALANCE = "balance"  #: opening + inflow = outflow + closing
    CROSS_TABLE = "cross-table"  #: the same figure in two tables
    NARRATIVE = "narrative"  #: a figure in the 情况说明 text against the tables
    EVALUATION = "evaluation"  #: 项目支出绩效自评 figures and scores
    COMPLETENESS = "completeness"  #: tables present, missing, empty
    CLASSIFICATION = "classification"  #: codes and names against the official list


@frozen(order=True)
class Place:
    """Where a value sits: table (kind or label), row (code or line label), column.

    ``line`` is the source line number when the value was read from text; ``where`` names the
    page (or sheet and cell) of a paged source: ``"a.pdf p.7"`` (see :meth:`Report.located`).
    """

    table: str
    row: str | None = None
    column: str | None = None
    line: int | None = attrs.field(default=None, eq=False, order=False)
    where: str | None = attrs.field(default=None, eq=False, order=False)

    def __str__(self) -> str:
        parts = [self.table]
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column is not None:
            parts.append(f"column {self.column}")
        if self.where is not None:
            parts.append(self.where)
        if self.line is not None:
            parts.append(f"line {self.line}")
        return ", ".join(parts)

    def located(self, where: Callable[[int], str | None]) -> Place:
        """The place with ``where`` told from its line (itself when nothing is known)."""
        if self.line is None or self.where is not None:
            return self
        found = where(self.line)
        return self if found is None else attrs.evolve(self, where=found)


@frozen
class Cell:
    """A reported value at a place, with the unit of its last place (0.01 for 万元 tables).

    ``value`` is ``None`` for a blank cell.  ``unit`` comes from the table's declared precision,
    never from the digits printed: a budget printed "35" in a table kept to 0.001 is 35.000.
    """

    place: Place
    value: Decimal | None
    unit: Decimal


@frozen
class Finding:
    """One thing a rule found.

    ``place`` is the primary location (for an equation: its total); ``cells`` lists every cell
    the relation read, so that a wrong part is named too.  For arithmetic findings ``expected``
    is what the parts give, ``actual`` what is printed, ``difference = actual - expected`` and
    ``slack`` the difference the tolerance allows.
    """

    rule_id: str
    severity: Severity
    category: Category
    message: str
    place: Place | None = None
    expected: Decimal | None = None
    actual: Decimal | None = None
    difference: Decimal | None = None
    slack: Decimal | None = None
    cells: tuple[Place, ...] = ()
    #: The single cell whose correction would satisfy every failing relation, if known.
    fix: Place | None = None
    fix_value: Decimal | None = None

    @property
    def table(self) -> str | None:
        return self.place.table if self.place else None

    @property
    def row(self) -> str | None:
        return self.place.row if self.place else None

    @property
    def column(self) -> str | None:
        return self.place.column if self.place else None

    @property
    def is_residue(self) -> bool:
        """An info finding for a non-zero difference within the slack: 尾数误差."""
        return (
            self.severity is Severity.INFO
            and self.difference is not None
            and self.slack is not None
            and self.difference != 0
            and abs(self.difference) <= self.slack
        )

    def names(self, place: Place) -> bool:
        """True when this finding points at ``place`` (its primary place or one of its cells)."""
        return place == self.place or place in self.cells or place == self.fix

    def to_text(self) -> str:
        head = f"[{self.severity.value}] {self.rule_id}"
        where = f" {self.place}" if self.place else ""
        text = f"{head}{where}: {self.message}"
        nums = []
        if self.expected is not None:
            nums.append(f"expected {self.expected}")
        if self.actual is not None:
            nums.append(f"actual {self.actual}")
        if self.difference is not None:
            nums.append(f"difference {self.difference}")
        if self.slack is not None:
            nums.append(f"slack {self.slack}")
        if nums:
            text += " (" + ", ".join(nums) + ")"
        if self.fix is not None:
            text += f"; fix: {self.fix} = {self.fix_value}"
        return text


@frozen
class Span:
    """A part of a document the reader did not read whole: a table (its kind), a 自评表 (its
    label, ``"项目支出绩效自评表:办公用品"``) or the 情况说明, and the source lines it covers
    (None: all of it).  A finding resting on a place the span covers is withheld.

    >>> s = Span("收入决算表", 110, 130)
    >>> s.covers(Place("收入决算表", "201", line=116)), s.covers(Place("收入决算表", line=140))
    (True, False)
    >>> s.covers(Place("收入决算表", "合计")), s.covers(Place("支出决算表", line=116))
    (True, False)
    """

    table: str
    first_line: int | None = None
    last_line: int | None = None

    def covers(self, place: Place) -> bool:
        """True when ``place`` lies in this part (a place without a line: anywhere in it)."""
        if place.table != self.table:
            return False
        line = place.line
        if line is None:
            return True
        if self.first_line is not None and line < self.first_line:
            return False
        return self.last_line is None or line <= self.last_line

    def __str__(self) -> str:
        if self.first_line is None:
            return self.table
        return f"{self.table} (lines {self.first_line}–{self.last_line})"


@frozen
class ReadProblem:
    """A problem the reader met, as the check reports it (rule ``READ-…``): the reader's record
    (:class:`govfin.readers.ReadLog`) is the source; a problem is derived from it.

    - ``rule_id``: the ``READ-…`` rule that reports it; ``kind``: the reader's error class
      (``"DuplicateTableError"``, ``"UnrecognisedLineError"`` …);
    - ``incomplete``: the parts it left not read whole: no finding may rest on them, and
      the check withholds those that would (:class:`Withheld`);
    - ``cut``: the document's end was not read (the file stops inside a table, or before parts
      its contents list): findings that count the document's tables or 自评表 are withheld.
    """

    rule_id: str
    kind: str
    severity: Severity
    message: str
    place: Place | None = None
    incomplete: tuple[Span, ...] = ()
    cut: bool = False

    @property
    def partial(self) -> bool:
        """True when the problem left some part of the document not read whole."""
        return bool(self.incomplete) or self.cut


@frozen
class Withheld:
    """A finding the check did not report because it rests on a part the reader did not read
    whole: ``problem`` is the index of the :class:`ReadProblem` (in the disclosure's
    ``read_problems``) that left it so."""

    finding: Finding
    problem: int
    rule_id: str = ""  #: the READ-… rule of that problem


class ChecksFailed(GovfinError):
    """Raised by :meth:`Report.raise_for_errors` when a report holds errors."""

    def __init__(self, report: Report):
        self.report = report
        errors = report.errors
        first = errors[0].to_text() if errors else ""
        super().__init__(f"{len(errors)} error(s); first: {first}")


@frozen
class Report(PlainData):
    """All findings of one check run, in the order the rules produced them."""

    findings: tuple[Finding, ...] = ()
    #: Findings held back because they rest on a part the reader did not read whole.
    withheld: tuple[Withheld, ...] = ()

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)

    def located(self, where: Callable[[int], str | None]) -> Report:
        """The report with every place (a finding's and each of its cells') told where its line
        is printed: ``where(line)`` gives ``"a.pdf p.7"`` for a line of a paged source (the read
        log's ``place`` of each line), None for plain text."""

        def one(f: Finding) -> Finding:
            place = f.place.located(where) if f.place is not None else None
            cells = tuple(c.located(where) for c in f.cells)
            if place is f.place and all(a is b for a, b in zip(cells, f.cells, strict=True)):
                return f
            return attrs.evolve(f, place=place, cells=cells)

        return Report(tuple(map(one, self.findings)), self.withheld)

    def __len__(self) -> int:
        return len(self.findings)

    def by_severity(self, severity: Severity) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity is severity)

    @property
    def errors(self) -> tuple[Finding, ...]:
        return self.by_severity(Severity.ERROR)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        return self.by_severity(Severity.WARNING)

    @property
    def infos(self) -> tuple[Finding, ...]:
        return self.by_severity(Severity.INFO)

    @property
    def residues(self) -> tuple[Finding, ...]:
        """Rounding residues (尾数误差): differences inside the tolerance slack."""
        return tuple(f for f in self.findings if f.is_residue)

    @property
    def ok(self) -> bool:
        """No errors (warnings and infos allowed)."""
        return not any(f.severity is Severity.ERROR for f in self.findings)

    def raise_for_errors(self) -> Report:
        """Raise :class:`ChecksFailed` if there is any error; return self otherwise."""
        if not self.ok:
            raise ChecksFailed(self)
        return self

    def select(self, *, rule: str | None = None, table: str | None = None) -> Report:
        """Findings whose rule id starts with ``rule`` and/or whose table is ``table``."""
        return Report(
            tuple(
                f
                for f in self.findings
                if (rule is None or f.rule_id.startswith(rule))
                and (table is None or f.table == table)
            )
        )

    def __add__(self, other: Report) -> Report:
        return Report(self.findings + other.findings, self.withheld + other.withheld)

    def summary(self) -> str:
        """One line: counts that add up to the findings (a rounding residue is counted once,
        as a residue, not also among the other infos).  Errors that are read problems
        (``READ-…``: parts govfin could not read) are told apart from the document's own."""
        residues = len(self.residues)
        unread = sum(1 for f in self.errors if f.rule_id.startswith("READ-"))
        return (
            f"{len(self.errors)} error(s)"
            + (f" ({unread} of them parts govfin could not read, READ-…)" if unread else "")
            + f", {len(self.warnings)} warning(s), "
            f"{residues} rounding residue(s), {len(self.infos) - residues} other info(s)"
            + (
                f"; {len(self.withheld)} withheld (resting on parts not read whole)"
                if self.withheld
                else ""
            )
        )

    def to_text(self, show: Callable[[Finding], bool] | None = None) -> str:
        """A readable listing grouped by table, then the summary line.

        ``show`` selects the findings listed (default: all); the summary counts every finding.
        """
        groups: dict[str, list[Finding]] = {}
        for f in self.findings:
            if show is not None and not show(f):
                continue
            groups.setdefault(f.table or "(document)", []).append(f)
        lines: list[str] = []
        for table, items in groups.items():
            lines.append(table)
            for f in sorted(items, key=lambda f: -f.severity.rank):
                lines.append("  " + f.to_text())
        lines.append(self.summary())
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.to_text()

    def _repr_html_(self) -> str:
        """HTML for Jupyter (:func:`report_html`)."""
        return report_html(self)


# -- HTML --------------------------------------------------------------------------------------

_SEVERITY_COLOUR = {"error": "#b00020", "warning": "#b26a00", "info": "#555"}


def _findings_rows(findings: Iterable[Finding]) -> str:
    import html  # (HTML in a notebook only: not loaded for checking)

    rows = []
    for f in findings:
        colour = _SEVERITY_COLOUR.get(f.severity.value, "#000")
        place = f.place
        rows.append(
            "<tr>"
            f'<td style="color:{colour}">{html.escape(f.severity.value)}</td>'
            f"<td>{html.escape(f.rule_id)}</td>"
            f"<td>{html_cell(place.table if place else None)}</td>"
            f"<td>{html_cell(place.row if place else None)}</td>"
            f"<td>{html_cell(place.column if place else None)}</td>"
            f"<td>{html_cell(place.line if place else None)}</td>"
            f'<td style="text-align:left">{html.escape(f.message)}</td>'
            f"<td>{html_cell(f.expected)}</td><td>{html_cell(f.actual)}</td>"
            f"<td>{html_cell(f.difference)}</td><td>{html_cell(f.slack)}</td>"
            "</tr>"
        )
    return "\n".join(rows)


def report_html(report: Report, *, infos: bool = True, limit: int | None = 500) -> str:
    """A Report as an HTML table, errors first (``Report._repr_html_``).

    ``infos=False`` leaves out the info findings; at most ``limit`` rows are shown.
    """
    import html

    items = sorted(report.findings, key=lambda f: -f.severity.rank)
    if not infos:
        items = [f for f in items if f.severity.value != "info"]
    shown = items if limit is None else items[:limit]
    more = len(items) - len(shown)
    head = (
        "<tr><th>severity</th><th>rule</th><th>table</th><th>row</th><th>column</th>"
        "<th>line</th><th>message</th><th>expected</th><th>actual</th>"
        "<th>difference</th><th>slack</th></tr>"
    )
    tail = f"<p>… {more} more finding(s)</p>" if more > 0 else ""
    return (
        f"<div><p><b>{html.escape(report.summary())}</b></p>"
        f'<table class="govfin-report">{head}\n{_findings_rows(shown)}</table>{tail}</div>'
    )
