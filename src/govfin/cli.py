"""The ``govfin`` command line.

Each subcommand lives in a function ``_add_<name>(subparsers)`` listed in :data:`_COMMANDS`:
it adds its parser and sets ``handler`` (``(args) -> int`` exit status) as a default.  A new
subcommand is one more such function and one more entry in the tuple.

Exit status: 0 success; 2 usage errors and codes or editions that do not exist (one line on
stderr naming the code and the edition).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TypeAlias

from govfin import __version__, codes

if TYPE_CHECKING:
    _Subparsers: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"

__all__ = ["EXIT_ERROR", "EXIT_OK", "build_parser", "main"]

EXIT_OK = 0
#: usage errors (argparse's own status) and codes/editions that do not exist
EXIT_ERROR = 2

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
    )
    parser.add_argument("code", help="e.g. 2010350 (functional) or 30207 (economic)")
    _add_year(parser)
    parser.set_defaults(handler=_run_code)


def _run_code(args: argparse.Namespace) -> int:
    entry = codes.lookup(args.code, args.year)
    print(f"{entry.code}  {entry.name}")
    _field("level", entry.level.value)
    _field("scheme", str(entry.scheme))
    _field("edition", str(entry.year))
    chain = codes.ancestors(entry.code, entry.year)
    width = max((len(a.code) for a in chain), default=0)
    for i, ancestor in enumerate(chain):
        line = f"{ancestor.code:<{width}}  {ancestor.name} ({ancestor.level.value})"
        _field("ancestors" if i == 0 else "", line)
    if not chain:
        _field("ancestors", "none (a 类 is a root)")
    if entry.level is not codes.Level.ITEM:
        _field("children", str(len(codes.children(entry.code, entry.year))))
    if entry.dept_codes:
        _field("dept codes", ", ".join(entry.dept_codes))
    _field("seen", ", ".join(entry.seen) or "-")
    return EXIT_OK


def _field(label: str, value: str) -> None:
    print(f"  {label + ':' if label else '':<12}{value}")


# --------------------------------------------------------------------------------------------
# govfin codes [--under CODE] [--scheme S]


def _add_codes(subparsers: _Subparsers) -> None:
    parser = subparsers.add_parser(
        "codes",
        help="list codes: every 类 of a scheme, or the subtree under a code",
        description="Without --under, list every 类 of the scheme (default functional).  "
        "With --under CODE, print CODE and everything below it, indented by level.",
    )
    parser.add_argument("--under", metavar="CODE", help="print the subtree under CODE")
    parser.add_argument(
        "--scheme",
        choices=_SCHEMES,
        help="classification to list (default: functional, or the scheme of --under)",
    )
    _add_year(parser)
    parser.set_defaults(handler=_run_codes)


def _run_codes(args: argparse.Namespace) -> int:
    if args.under is None:
        scheme = codes.Scheme(args.scheme or codes.Scheme.FUNCTIONAL.value)
        for entry in codes.roots(scheme, args.year):
            print(f"{entry.code}  {entry.name}")
        return EXIT_OK
    top = codes.lookup(args.under, args.year)
    if args.scheme is not None and codes.Scheme(args.scheme) is not top.scheme:
        _error(f"code {top.code!r} belongs to {top.scheme.value}, not to {args.scheme}")
        return EXIT_ERROR
    for entry in [top, *codes.descendants(top.code, top.year)]:
        indent = "  " * (entry.level.depth - top.level.depth)
        print(f"{indent}{entry.code}  {entry.name}")
    return EXIT_OK


# --------------------------------------------------------------------------------------------
# plumbing


def _add_year(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--year",
        type=int,
        default=codes.DEFAULT_YEAR,
        help=f"edition of 《政府收支分类科目》 (default: {codes.DEFAULT_YEAR})",
    )


def _error(message: str) -> None:
    print(f"govfin: error: {message}", file=sys.stderr)


#: subcommand registrars, in the order ``govfin --help`` lists them
_COMMANDS: tuple[Callable[[_Subparsers], None], ...] = (_add_code, _add_codes)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand of :data:`_COMMANDS`."""
    parser = argparse.ArgumentParser(
        prog="govfin",
        description="China's government budget classification (政府收支分类科目) and "
        "departmental disclosures.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for add in _COMMANDS:
        add(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``govfin`` with ``argv`` (default ``sys.argv[1:]``) and return the exit status."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version, or a usage error already reported
        return exc.code if isinstance(exc.code, int) else EXIT_ERROR
    handler: Callable[[argparse.Namespace], int] = args.handler
    try:
        return handler(args)
    except codes.CodeError as exc:
        _error(str(exc))
        return EXIT_ERROR
    except BrokenPipeError:  # output piped into e.g. `head`, which stopped reading
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # no second error when Python flushes at exit
        return EXIT_OK


if __name__ == "__main__":
    raise SystemExit(main())
