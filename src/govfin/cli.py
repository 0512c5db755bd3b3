"""The ``govfin`` command line.

Each subcommand lives in a function ``_add_<name>(subparsers)`` listed in :data:`_COMMANDS`:
it adds its parser and sets ``handler`` (``(args) -> int`` exit status) as a default.  A new
subcommand is one more such function and one more entry in the tuple.

Exit status (:data:`EXIT_STATUS`, listed in ``govfin --help`` and README): 0 nothing wrong;
1 errors found in the document (in a batch: in some document; ``score``: a printed figure that
fails); 2 the input could not be read, or was read only in part, or names a code or an edition
that does not exist (one line on stderr naming it); 64 a usage error (no command, an unknown
option, options that contradict each other: the usage is printed; sysexits' EX_USAGE); 70 an
internal error (a bug in govfin: the traceback is printed; never 1, which means "errors found").
Read problems are findings (``READ-…``): one that loses nothing (a table printed twice, a unit
line missing) counts as its severity says; one that leaves a part not read whole withholds the
findings resting on it and gives 2.  A batch (folders, ``--format jsonl``/``csv``, ``--jobs``, ``--scheduler``) is run by
:mod:`govfin.batch`; this module only maps the options onto it.

It runs over 600 lines because each subcommand's options, help text and handler are kept
together in one place (a third of the lines are help strings); the work itself lives in the
library (readers, rules, serialize, batch).
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import sys
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, NoReturn, TypeAlias


def _collector_resumed(collecting: bool) -> None:
    """The garbage collector after imports ran with it paused (:func:`_collector_paused`).

    Imports build tens of thousands of objects (classes, functions, patterns, tables of
    terms), none of them garbage; a running collector walks them again and again while they
    are built (about 5 % of the start-up).  Resumed plainly, it would walk them all at its
    next young collection: they are moved to its oldest generation first (``gc.freeze`` then
    ``gc.unfreeze``: no walk), or kept out of its sight for good in the program itself, as
    :func:`main` does with what was imported before it.  (A caller's objects still young
    then move with them: garbage among them waits for the next full collection.)  A caller's
    own frozen objects are left frozen (no ``gc.unfreeze`` then; counting them walks them, but
    only where a caller froze some), and the collector on or off as it was found.
    """
    if _PROGRAM:
        gc.freeze()
    elif gc.get_freeze_count() == 0:
        gc.freeze()
        gc.unfreeze()
    if collecting:
        gc.enable()


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """The garbage collector paused while a block imports (:func:`_collector_resumed`)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        _collector_resumed(collecting)


#: True in the program itself (``main()`` without arguments), never for a caller of main(argv)
_PROGRAM = False

with _collector_paused():
    from govfin import codes
    from govfin._version import __version__
    from govfin.errors import ArgumentValueError
    from govfin.examples import UnknownExampleError
    from govfin.findings import Finding, Severity
    from govfin.readers.errors import ReadError

if TYPE_CHECKING:
    from govfin.findings import Report
    from govfin.performance import Diagnosis
    from govfin.readers import ReadResult

    _Subparsers: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"

__all__ = [
    "EXIT_ERROR",
    "EXIT_FINDINGS",
    "EXIT_INTERNAL",
    "EXIT_OK",
    "EXIT_STATUS",
    "EXIT_UNREADABLE",
    "EXIT_USAGE",
    "build_parser",
    "main",
]

EXIT_OK = 0
#: ``govfin check`` found errors in the document (``score``: a printed figure fails)
EXIT_FINDINGS = 1
#: input unreadable or read in part; a code or an edition that does not exist
EXIT_UNREADABLE = 2
#: the former name of :data:`EXIT_UNREADABLE`
EXIT_ERROR = EXIT_UNREADABLE
#: a usage error: no command, an unknown option, options that contradict each other (EX_USAGE)
EXIT_USAGE = 64
#: an internal error, a bug in govfin (EX_SOFTWARE): never 1, which means "errors found"
EXIT_INTERNAL = 70

#: Every exit status, with what it means (``govfin --help`` lists them; so does README).
EXIT_STATUS: dict[int, str] = {
    EXIT_OK: "no errors found",
    EXIT_FINDINGS: "errors found in the document (in a batch: in some document)",
    EXIT_UNREADABLE: "input unreadable or read only in part (in a batch: some document), "
    "or a code or edition that does not exist",
    EXIT_USAGE: "usage error: no command, an unknown option, options that contradict each other",
    EXIT_INTERNAL: "internal error (a bug in govfin; the traceback is printed)",
}

_SCHEMES = [scheme.value for scheme in codes.Scheme]


# --------------------------------------------------------------------------------------------
# govfin code CODE


def _add_code(subparsers: _Subparsers) -> None:
    parser = subparsers.add_parser(
        "code",
        help="show one classification code: level, official name, ancestors",
        description="Show one code of 《政府收支分类科目》 with its level, official name and "
        "ancestors.  The scheme follows from the first digit (2 functional, 3 economic, "
        "5 economic-gov).",
        formatter_class=_Formatter,
    )
    parser.add_argument("code", help="e.g. 2010350 (functional) or 30207 (economic)")
    _add_edition(parser)
    _add_supplements(parser)
    parser.set_defaults(handler=_run_code)


def _run_code(args: argparse.Namespace) -> int:
    _use_supplements(args)
    entry = codes.lookup(args.code, args.edition)
    print(f"{entry.code}  {entry.name}")
    _field("level", entry.level.value)
    _field("scheme", str(entry.scheme))
    _field("edition", str(entry.edition))
    chain = codes.ancestors(entry.code, entry.edition)
    width = max((len(a.code) for a in chain), default=0)
    for i, ancestor in enumerate(chain):
        line = f"{ancestor.code:<{width}}  {ancestor.name} ({ancestor.level.value})"
        _field("ancestors" if i == 0 else "", line)
    if not chain:
        _field("ancestors", "none (a 类 is a root)")
    if entry.level is not codes.Level.ITEM:
        _field("children", str(len(codes.children(entry.code, entry.edition))))
    if entry.dept_codes:
        _field("dept codes", ", ".join(entry.dept_codes))
    _field("seen", ", ".join(entry.seen) or "-")
    if entry.supplement is not None:
        _field("supplement", entry.supplement)
    return EXIT_OK


def _field(label: str, value: str) -> None:
    print(f"  {label + ':' if label else '':<12}{value}")


# --------------------------------------------------------------------------------------------
# govfin codes [--under CODE] [--scheme S]        govfin codes --diff A B [--scheme S]


def _add_codes(subparsers: _Subparsers) -> None:
    parser = subparsers.add_parser(
        "codes",
        help="list codes: every 类 of a scheme, or the subtree under a code",
        description="Without --under, list every 类 of the scheme (default functional).  "
        "With --under CODE, print CODE and everything below it, indented by level.  "
        "With --diff A B, show what changed from edition A to edition B.",
        formatter_class=_Formatter,
    )
    parser.add_argument("--under", metavar="CODE", help="print the subtree under CODE")
    parser.add_argument(
        "--diff",
        nargs=2,
        type=int,
        metavar=("A", "B"),
        help="renamed, removed and added entries from edition A to edition B; a '?' marks an "
        "entry that govfin's list of the other edition may lack only for want of data",
    )
    parser.add_argument(
        "--scheme",
        choices=_SCHEMES,
        help="classification to list (default: functional, or the scheme of --under)",
    )
    _add_edition(parser)
    _add_supplements(parser)
    parser.set_defaults(handler=_run_codes)


def _run_codes(args: argparse.Namespace) -> int:
    _use_supplements(args)
    if args.diff is not None:
        return _run_diff(args)
    if args.under is None:
        scheme = codes.Scheme(args.scheme or codes.Scheme.FUNCTIONAL.value)
        for entry in codes.roots(scheme, args.edition):
            print(f"{entry.code}  {entry.name}")
        return EXIT_OK
    top = codes.lookup(args.under, args.edition)
    if args.scheme is not None and codes.Scheme(args.scheme) is not top.scheme:
        _error(f"code {top.code!r} belongs to {top.scheme.value}, not to {args.scheme}")
        return EXIT_UNREADABLE
    for entry in [top, *codes.descendants(top.code, top.edition)]:
        indent = "  " * (entry.level.depth - top.level.depth)
        print(f"{indent}{entry.code}  {entry.name}")
    return EXIT_OK


def _run_diff(args: argparse.Namespace) -> int:
    year_a, year_b = args.diff
    scheme = codes.Scheme(args.scheme or codes.Scheme.FUNCTIONAL.value)
    d = codes.diff(year_a, year_b, scheme)

    def sure(entry: codes.Code, other: int) -> str:
        # an entry missing from the other edition is surely added/removed only where govfin
        # holds the other edition's list complete
        parent = entry.parent_code
        known = codes.exists(parent, other) if parent is not None else True
        return " " if known and codes.complete_under(parent, other, scheme) else "?"

    print(f"{scheme}: {year_a} -> {year_b}")
    for code, old, new in d.renamed:
        print(f"  renamed  {code}  {old} -> {new}")
    for entry in d.removed:
        print(f"  removed{sure(entry, year_b)} {entry.code}  {entry.name}")
    for entry in d.added:
        print(f"  added{sure(entry, year_a)}   {entry.code}  {entry.name}")
    print(
        f"{len(d.renamed)} renamed, {len(d.removed)} removed, {len(d.added)} added "
        "(only what govfin ships is compared; '?': the other edition's list there is incomplete)"
    )
    return EXIT_OK


# --------------------------------------------------------------------------------------------
# govfin check FILE | --example        govfin score FILE | --example


def _add_source(parser: argparse.ArgumentParser) -> None:
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument(
        "file",
        nargs="*",
        default=[],
        metavar="PATH",
        help="a published disclosure: a PDF (needs govfin[pdf]), an Excel workbook (needs "
        "govfin[excel]) or its text, one printed row per line, cells separated by tabs; or a "
        "folder, searched recursively for such files (a batch: see docs/batch.md)",
    )
    source.add_argument(
        "--example",
        nargs="?",
        const="seed_2024",
        metavar="NAME",
        help="a bundled example instead of FILE (default: seed_2024)",
    )
    parser.add_argument(
        "--strict", action="store_true", help="any unrecognised line inside a table is an error"
    )
    parser.add_argument(
        "--join",
        action="store_true",
        help="the FILEs are parts of ONE disclosure (e.g. its narrative and its tables as two "
        "PDFs), read in the order given; each keeps its own page numbers in places",
    )
    parser.add_argument(
        "--encoding", help="encoding of a text FILE (default: UTF-8, else GB18030)"
    )
    parser.add_argument(
        "--edition",
        "--year",  # the former name, kept as an alias
        dest="edition",
        type=int,
        help="edition of 《政府收支分类科目》 to read and check codes against (default: the "
        "document's year); the document's own year is not changed",
    )


def _read(args: argparse.Namespace, files: Sequence[str] | None = None) -> ReadResult:
    """Read FILE(s) (``files``: one document's parts) or the bundled example, with the
    edition of ``--edition`` (alias ``--year``).

    A read error that leaves no document (empty input, not a disclosure) is raised, and main()
    turns it into exit status 2; other read errors are printed and stay in the returned log;
    so are the lines a lenient read could not place (a strict read raises on the first).
    """
    _check_edition(args)
    if args.example is not None:
        from govfin import examples
        from govfin.readers import read_text

        result = read_text(examples.text(args.example), strict=args.strict, edition=args.edition)
    else:
        from govfin.readers.files import read_paths  # (and zipfile): files only

        result = read_paths(
            files or args.file, strict=args.strict, edition=args.edition, encoding=args.encoding
        )
    result.raise_if_unreadable()
    for err in result.log.errors:
        _error(str(err))
    for entry in result.log.unrecognised:  # lenient: not errors, but never dropped silently
        where = f" in {entry.part}" if entry.part else ""
        at = f"{entry.place}, " if entry.place else ""
        print(
            f"govfin: warning: {at}line {entry.line}{where} not recognised: {entry.text!r}",
            file=sys.stderr,
        )
    return result


def _check_edition(args: argparse.Namespace) -> None:
    if args.edition is not None:
        codes.require_edition(args.edition)  # the API's refusal, word for word


def _documents(args: argparse.Namespace) -> list[list[str]]:
    """The documents named on the command line: all FILEs as one (``--join``, or the
    example: ``[[]]``), else each FILE on its own."""
    if args.example is not None:
        return [[]]
    if not args.file:
        raise ReadError("no FILE given (or use --example)")
    return [list(args.file)] if args.join else [[f] for f in args.file]


def _add_check(subparsers: _Subparsers) -> None:
    parser = subparsers.add_parser(
        "check",
        help="read a disclosure and check every table, relation, claim and self-evaluation",
        description="Read a published 部门决算公开 or 部门预算公开 and report every finding, "
        "grouped by table; or check a batch of them (folders, --format jsonl/csv/html, --jobs, "
        "--scheduler, --resume).",
        epilog=_EPILOG,
        formatter_class=_Formatter,
    )
    _add_source(parser)
    parser.add_argument(
        "--format",
        choices=("text", "json", "jsonl", "csv", "html"),
        default="text",
        help="text (default); json (one document's whole report); jsonl (one line per "
        "document); csv (one row per finding); html (one document: its report page; a batch: a "
        "page per document and index.html, in the folder --output)",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write there instead of standard output (--format html of a batch: a folder)",
    )
    batch = parser.add_mutually_exclusive_group()
    batch.add_argument(
        "-j", "--jobs", type=int, metavar="N", help="check N documents at a time, in processes"
    )
    batch.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="check the documents on the Dask cluster at ADDRESS (needs govfin[dask])",
    )
    parser.add_argument(
        "--resume",
        action="store_true",
        help="skip the documents already written in full to --output (jsonl or csv)",
    )
    parser.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="list every finding, also the infos (agreeing claims, notes); "
        "by default errors, warnings and rounding residues are listed",
    )
    _add_supplements(parser)
    parser.set_defaults(handler=_run_check)


def _interesting(f: Finding) -> bool:
    return f.severity is not Severity.INFO or f.is_residue


def _is_batch(args: argparse.Namespace) -> bool:
    """A batch: folders, jsonl/csv, --jobs, --scheduler, --resume, or several documents
    written to one --output (html: a folder of pages)."""
    if args.example is not None:
        if args.format in ("jsonl", "csv") or args.resume or args.scheduler is not None or (
            args.jobs is not None
        ):
            raise ArgumentValueError("--example is one document: use --format text, json or html")
        return False
    several = len(args.file) > 1 and not args.join
    return (
        args.format in ("jsonl", "csv")
        or args.jobs is not None
        or args.scheduler is not None
        or args.resume
        or any(os.path.isdir(f) for f in args.file)
        or (several and (args.output is not None or args.format == "html"))
    )


def _run_check(args: argparse.Namespace) -> int:
    _use_supplements(args)
    if _is_batch(args):
        return _run_batch(args)
    if args.output is not None and args.format != "html":  # html writes its page whole
        with open(args.output, "w", encoding="utf-8") as out, contextlib.redirect_stdout(out):
            return _check_one(args, _documents(args)[0])
    status = EXIT_OK
    for files in _documents(args):
        status = max(status, _check_one(args, files))
    return status


def _run_batch(args: argparse.Namespace) -> int:
    from govfin import batch

    if args.format == "json":
        raise ArgumentValueError("--format json is one document's report; for a batch use jsonl")
    _check_edition(args)
    options = batch.CheckOptions(args.strict, args.edition, args.encoding)
    return batch.run(
        args.file,
        fmt=args.format,
        output=args.output,
        join=args.join,
        options=options,
        jobs=args.jobs,
        scheduler=args.scheduler,
        resume=args.resume,
    )


def _check_one(args: argparse.Namespace, files: Sequence[str]) -> int:
    imported = "govfin.rules.narrative" in sys.modules
    with contextlib.nullcontext() if imported else _collector_paused():
        from govfin.readers.problems import read_in_part
        from govfin.rules import check
        from govfin.rules.narrative import claim_summary

    result = _read(args, files)
    disclosure = result.disclosure
    report = check(disclosure, edition=args.edition).located(result.log.place_of)
    if args.format == "html":
        _write(args.output, _html(result, report, files or [f"{args.example}.txt"]))
    elif args.format == "json":
        _write_report_json(report, result)
    else:
        title = " ".join(str(x) for x in (disclosure.department, disclosure.year) if x)
        print(f"govfin check: {title}")
        from govfin.codes import supplements

        for supplement in supplements():
            print(f"codes supplemented by {supplement}")
        if result.document is not None and result.document.sources:
            print(result.document.to_text())
        shown = None if args.verbose else _interesting
        print(report.to_text(show=shown))
        print(claim_summary(report))
    if read_in_part(disclosure.read_problems):
        return EXIT_UNREADABLE  # part of the input was not read whole: findings were withheld
    return EXIT_OK if report.ok else EXIT_FINDINGS


def _write_report_json(report: Report, result: ReadResult) -> None:
    """The JSON report (docs/report-format.md) to standard output, piece by piece."""
    from govfin.codes import supplements
    from govfin.readers.problems import problem_data
    from govfin.serialize import report_data, write_json

    document = result.document.to_dict() if result.document is not None else None
    if document is not None and supplements():  # a free-form key of the account
        document["code_supplements"] = [s.to_dict() for s in supplements()]
    data = report_data(
        report,
        document=document,
        read_problems=problem_data(result.disclosure.read_problems, report.withheld),
        lazy=True,  # each finding becomes plain data as it is written
    )
    write_json(data, sys.stdout, ensure_ascii=not _utf8_stdout())


def _html(result: ReadResult, report: Report, files: Sequence[str]) -> str:
    """The report page of one document, each finding with the page it is printed on."""
    from govfin.html import render_report

    places = {e.line: e.place for e in result.log.entries if e.place}
    sources = result.document.sources if result.document is not None else ()
    pages = sum(s.pages or 0 for s in sources if s.format == "pdf") or None
    names = [os.path.basename(f) for f in files]
    return render_report(
        report, result.disclosure, locate=places.get if places else None, files=names, pages=pages
    )


def _write(output: str | None, text: str) -> None:
    """``text`` to standard output, or whole to the file ``output`` (never half-written)."""
    if output is None:
        sys.stdout.write(text)
        return
    part = output + ".part"
    with open(part, "w", encoding="utf-8") as out:
        out.write(text)
    os.replace(part, output)


def _add_score(subparsers: _Subparsers) -> None:
    parser = subparsers.add_parser(
        "score",
        help="the 项目支出绩效自评表 of a disclosure: printed against recomputed scores",
        description="For each 项目支出绩效自评表: printed and recomputed 执行率, 执行率得分, "
        "总分 and grade, and the single-cell correction when relations fail together.",
        epilog=_EPILOG,
        formatter_class=_Formatter,
    )
    _add_source(parser)
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text (default): a table; json: one object per 自评表 (printed and recomputed "
        "values, the diagnosis) with the read problems",
    )
    parser.set_defaults(handler=_run_score)


def _run_score(args: argparse.Namespace) -> int:
    from govfin.performance import diagnose, score_row

    result = _read(args, _documents(args)[0])
    disclosure = result.disclosure
    header = ("项目", "执行率", "(算)", "得分", "(算)", "总分", "(算)", "等级", "(算)", "诊断")
    body = []
    failing = False
    for ev in disclosure.evaluations:
        row = score_row(ev)
        line = ev.total_line
        diagnosis = diagnose(line) if line else None
        failing = failing or bool(diagnosis is not None and diagnosis.failing)
        body.append((ev.project, *(_show(v) for v in row), _diagnosis(diagnosis) if diagnosis else ""))
    if args.format == "json":
        _write_score_json(header, body, result)
    else:
        print(_text_table(header, body))
    # the exit codes of check: 2 part of the input unread, 1 a printed figure that fails
    from govfin.readers.problems import read_in_part

    if read_in_part(disclosure.read_problems):
        return EXIT_UNREADABLE
    return EXIT_FINDINGS if failing else EXIT_OK


#: The keys of one 自评表 in ``govfin score --format json`` (the text table's columns).
_SCORE_KEYS = (
    "project",
    "rate",
    "rate_recomputed",
    "rate_score",
    "rate_score_recomputed",
    "total",
    "total_recomputed",
    "grade",
    "grade_recomputed",
    "diagnosis",
)


def _write_score_json(
    header: Sequence[str], body: Sequence[Sequence[str]], result: ReadResult
) -> None:
    """``govfin score --format json``: version, read problems, one object per 自评表 (values
    as printed strings; null where the table prints none)."""
    import json

    from govfin.readers.problems import problem_data
    from govfin.serialize import SCHEMA_VERSION

    evaluations = [
        {k: (None if v in ("—", "") else v) for k, v in zip(_SCORE_KEYS, row, strict=True)}
        for row in body
    ]
    out = {
        "schema_version": SCHEMA_VERSION,
        "govfin_version": __version__,
        "read_problems": problem_data(result.disclosure.read_problems),
        "evaluations": evaluations,
    }
    print(json.dumps(out, ensure_ascii=not _utf8_stdout(), indent=2))


def _diagnosis(d: Diagnosis) -> str:
    if not d.failing:
        return ""
    if d.unique is not None:
        return str(d.unique)
    if not d.corrections:
        return "no single-cell correction"
    return "one of: " + "; ".join(str(c) for c in d.corrections)


def _show(value: object) -> str:
    return "—" if value is None else str(value)


def _width(text: str) -> int:
    """Display width: wide (CJK) characters take two columns."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _text_table(header: Sequence[str], body: Sequence[Sequence[str]]) -> str:
    """Rows aligned into columns (display-width aware), the last column left ragged."""
    rows = [list(header), *(list(r) for r in body)]
    widths = [max(_width(r[i]) for r in rows) for i in range(len(header) - 1)]
    lines = []
    for r in rows:
        cells = [c + " " * (w - _width(c)) for c, w in zip(r, widths, strict=False)]
        lines.append("  ".join([*cells, r[-1]]).rstrip())
    return "\n".join(lines)


# --------------------------------------------------------------------------------------------
# plumbing


def _add_edition(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--edition",
        "--year",  # the former name, kept as an alias
        dest="edition",
        type=int,
        default=codes.DEFAULT_EDITION,
        help=f"edition of 《政府收支分类科目》 (default: {codes.DEFAULT_EDITION})",
    )


def _add_supplements(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--codes",
        action="append",
        default=[],
        metavar="FILE",
        help="a supplement: codes govfin lacks, in the TSV format of data/codes, each with its "
        "evidence (repeatable; also GOVFIN_CODES; see docs/classification.md)",
    )


def _use_supplements(args: argparse.Namespace) -> None:
    """Put the ``--codes`` files in force (govfin.codes.load_supplement) before the command."""
    if args.codes:
        from govfin.codes import load_supplement

        for path in args.codes:
            load_supplement(path)


def _error(message: str) -> None:
    print(f"govfin: error: {message}", file=sys.stderr)


#: subcommand registrars, in the order ``govfin --help`` lists them
_COMMANDS: tuple[Callable[[_Subparsers], None], ...] = (
    _add_check,
    _add_score,
    _add_code,
    _add_codes,
)

#: each subcommand's registrar by the command's name (main() builds only the one it runs)
_COMMAND_OF: dict[str, Callable[[_Subparsers], None]] = {
    "check": _add_check,
    "score": _add_score,
    "code": _add_code,
    "codes": _add_codes,
}


def _terminal_columns() -> int:
    """``shutil.get_terminal_size().columns``, without importing shutil (with fnmatch, zlib,
    bz2 and lzma): ``COLUMNS`` if it is a positive number, else the width of the terminal
    of ``sys.__stdout__``, else 80."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


class _Formatter(argparse.HelpFormatter):
    """argparse's formatter, keeping the lines of the exit-status epilog as they are.

    Every parser of ``govfin`` uses it: argparse builds a formatter for each option it adds,
    and its own would import shutil for the terminal's width each time."""

    def __init__(
        self,
        prog: str,
        indent_increment: int = 2,
        max_help_position: int = 24,
        width: int | None = None,
    ) -> None:
        if width is None:  # what argparse's own does, through shutil
            width = _terminal_columns() - 2
        super().__init__(prog, indent_increment, max_help_position, width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        if text == _EPILOG:  # written out when help is shown (textwrap is loaded only then)
            text = _epilog()
        if text.startswith("exit status:"):
            return "".join(indent + line for line in text.splitlines(keepends=True))
        return super()._fill_text(text, width, indent)


class _Parser(argparse.ArgumentParser):
    """argparse, with usage errors exiting :data:`EXIT_USAGE` (not 2: unreadable input)."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


#: The epilog of ``govfin``, ``check`` and ``score``: :func:`_epilog`, filled in by
#: :class:`_Formatter` when the help is printed.
_EPILOG = "exit status:"


def _epilog() -> str:
    import textwrap

    lines = ["exit status:"]
    for code, meaning in EXIT_STATUS.items():
        lines += textwrap.wrap(meaning, 74, initial_indent=f"  {code:<4}", subsequent_indent=" " * 6)
    return "\n".join(lines)


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The argument parser with every subcommand of :data:`_COMMANDS`; with ``command`` (a
    name in :data:`_COMMAND_OF`), with that subcommand only: what parsing ``govfin COMMAND
    …`` needs, and every message it can print is the same (the usage of ``govfin`` names no
    subcommand, and an unknown one is never parsed with this parser)."""
    parser: argparse.ArgumentParser = _Parser(
        prog="govfin",
        description="China's government budget classification (政府收支分类科目) and "
        "departmental disclosures.",
        epilog=_EPILOG,
        formatter_class=_Formatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for add in _COMMANDS if command is None else (_COMMAND_OF[command],):
        add(subparsers)
    return parser


def _tolerant_output() -> None:
    """Never crash on the console's encoding (a GBK console, output redirected on Windows):
    what it cannot show is replaced; the JSON report is then written ASCII-safe."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")


def _utf8_stdout() -> bool:
    return (getattr(sys.stdout, "encoding", None) or "").lower().replace("-", "") in ("utf8",)


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``govfin`` with ``argv`` (default ``sys.argv[1:]``) and return the exit status."""
    if argv is None:  # the program itself (``govfin``, ``python -m govfin``), not a caller
        # What the imports built (classes, functions, patterns, code lists) lives as long as
        # the process: moved out of the collector's sight, the collections during the check
        # no longer walk it again and again (gc.freeze; ~2% of a check's time).
        global _PROGRAM  # one flag, set once by the program itself
        _PROGRAM = True
        gc.freeze()
    _tolerant_output()
    argv = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(argv[0] if argv and argv[0] in _COMMAND_OF else None)
    if not argv:  # nothing asked: the help, and the usage status (not "unreadable input")
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version, or a usage error already reported
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    handler: Callable[[argparse.Namespace], int] = args.handler
    try:
        status = handler(args)
        sys.stdout.flush()  # a closed pipe shows here, not at interpreter exit
        return status
    # BrokenPipeError is an OSError: it must be caught before the OSError of the next clause.
    except BrokenPipeError:  # output piped into e.g. `head`, which stopped reading
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # no second error when Python flushes at exit
        return EXIT_OK
    except ArgumentValueError as exc:  # options that contradict each other
        _error(str(exc))
        return EXIT_USAGE
    except (
        codes.CodeError,
        ReadError,
        ImportError,  # an optional extra not installed (govfin[dask]): the message names it
        OSError,
        UnicodeDecodeError,
        UnknownExampleError,
    ) as exc:
        _error(str(exc))
        return EXIT_UNREADABLE
    except Exception:  # noqa: BLE001 - a bug: its traceback, and a status never read as a finding
        import traceback

        traceback.print_exc(file=sys.stderr)
        _error("internal error (a bug in govfin; please report it with the traceback above)")
        return EXIT_INTERNAL


if __name__ == "__main__":
    raise SystemExit(main())
