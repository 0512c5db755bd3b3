"""``main()`` builds the parser of the one subcommand it runs (start-up, not behaviour).

``build_parser(command)`` must parse ``govfin COMMAND …`` exactly as the full parser does and
print the same help and the same usage errors; these tests hold the two side by side.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os

import pytest

from govfin import cli


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    (action,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(action.choices)


def _outcome(parser: argparse.ArgumentParser, argv: list[str]) -> tuple[object, str, str]:
    """What parsing ``argv`` gives: the namespace (or the exit status), stdout, stderr."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            ns = vars(parser.parse_args(argv))
        except SystemExit as exc:
            return exc.code, out.getvalue(), err.getvalue()
    ns.pop("handler")  # a function: the same one in both, compared by name below
    return ns, out.getvalue(), err.getvalue()


def test_each_name_builds_its_own_subcommand() -> None:
    full = _subcommands(cli.build_parser())
    assert list(full) == ["check", "score", "code", "codes"]  # the order of govfin --help
    assert set(cli._COMMAND_OF) == set(full)
    for name in full:
        assert list(_subcommands(cli.build_parser(name))) == [name]


ARGVS = [
    ["check", "--example"],
    ["check", "--example", "--format", "json", "--verbose"],
    ["check", "a.txt", "b.txt", "--join"],
    ["check"],
    ["check", "--bogus"],
    ["check", "--example", "--format", "xml"],
    ["check", "--example", "extra", "--edition"],
    ["check", "--help"],
    ["score", "--example", "--format", "json"],
    ["score", "-h"],
    ["code", "2010350", "--edition", "2024"],
    ["code"],
    ["code", "--help"],
    ["codes", "201"],
    ["codes", "--scheme", "nope"],
    ["codes", "--help"],
]


@pytest.mark.parametrize("argv", ARGVS, ids=" ".join)
def test_one_subcommand_parses_and_complains_as_all_do(argv: list[str]) -> None:
    full = cli.build_parser()
    one = cli.build_parser(argv[0])
    outcome = _outcome(one, argv)
    assert outcome == _outcome(full, argv)
    if isinstance(outcome[0], dict):
        assert one.parse_args(argv).handler is full.parse_args(argv).handler


def test_main_runs_a_subcommand_with_its_parser_alone() -> None:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert cli.main(["code", "2010350"]) == cli.EXIT_OK
    assert "事业运行" in out.getvalue()
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        assert cli.main(["nope"]) == cli.EXIT_USAGE  # not a command: the full parser says so
    assert "invalid choice: 'nope'" in err.getvalue() and "'codes'" in err.getvalue()


class _ArgparseWidth(cli._Formatter):
    """govfin's formatter with argparse's own width (through shutil.get_terminal_size)."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24,
                 width: int | None = None) -> None:
        argparse.HelpFormatter.__init__(self, prog, indent_increment, max_help_position, width)


def _helps(parser: argparse.ArgumentParser) -> list[str]:
    parsers = [parser, *_subcommands(parser).values()]
    return [p.format_help() + p.format_usage() for p in parsers]


@pytest.mark.parametrize("columns", [None, "52", "133", "0", "-5", "wide"])
@pytest.mark.parametrize("terminal", [None, 61, 0])
def test_the_help_is_as_wide_as_argparse_makes_it(
    monkeypatch: pytest.MonkeyPatch, columns: str | None, terminal: int | None
) -> None:
    """The width govfin's formatter finds without shutil is the one argparse finds with it:
    from COLUMNS, else the terminal (none, or one of 0 columns: 80), else 80."""
    if columns is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", columns)
    monkeypatch.delenv("LINES", raising=False)
    if terminal is not None:
        monkeypatch.setattr(os, "get_terminal_size", lambda fd=1: os.terminal_size((terminal, 30)))
    ours = cli.build_parser()
    theirs = cli.build_parser()
    for p in [theirs, *_subcommands(theirs).values()]:
        assert p.formatter_class is cli._Formatter  # every parser of govfin uses it
        p.formatter_class = _ArgparseWidth
    assert _helps(ours) == _helps(theirs)
    expected = {None: 80, 0: 80, 61: 61}[terminal] if columns not in ("52", "133") else int(columns)
    assert cli._terminal_columns() == expected
