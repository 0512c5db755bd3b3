"""The exit status scheme of ``govfin`` (``govfin --help`` and README list it): every code.

0 no errors; 1 errors found; 2 input unreadable or read in part (or a code/edition that does
not exist); 64 a usage error (EX_USAGE); 70 an internal error (EX_SOFTWARE).  ``check`` and
``score`` agree; a crash never exits 1, which would read as "errors found".
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from govfin import cli, examples
from govfin.cli import (
    EXIT_FINDINGS,
    EXIT_INTERNAL,
    EXIT_OK,
    EXIT_STATUS,
    EXIT_UNREADABLE,
    EXIT_USAGE,
    main,
)

ROOT = Path(__file__).resolve().parents[1]


def clean_text() -> str:
    """The seed without its 附件 and its 绩效 paragraph: no errors (test_cli_check)."""
    text = examples.text()
    head = text[: text.index("第五部分 附件\n\n办公用品")]
    head = head.replace(
        head[head.index("（四）预算绩效情况说明") : head.index("第四部分 名词解释")], ""
    )
    # … and without the contents' entry of 第五部分 附件: a document that ends before a part its
    # contents list is one cut short (read in part)
    return "\n".join(ln for ln in head.split("\n") if not ln.startswith("第五部分 附件\t"))


def test_the_codes_are_distinct() -> None:
    codes = [EXIT_OK, EXIT_FINDINGS, EXIT_UNREADABLE, EXIT_USAGE, EXIT_INTERNAL]
    assert len(set(codes)) == len(codes) == len(EXIT_STATUS)
    assert set(EXIT_STATUS) == set(codes)
    assert (EXIT_OK, EXIT_FINDINGS, EXIT_UNREADABLE, EXIT_USAGE, EXIT_INTERNAL) == (0, 1, 2, 64, 70)


def test_no_arguments_prints_the_help_and_exits_usage(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == EXIT_USAGE
    out, err = capsys.readouterr()
    assert out == "" and "usage: govfin" in err and "exit status:" in err
    for code in EXIT_STATUS:
        assert f"\n  {code:<4}" in err


def test_the_help_lists_the_codes(capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (["--help"], ["check", "--help"], ["score", "--help"]):
        assert main(argv) == EXIT_OK
        out = capsys.readouterr().out
        assert "exit status:" in out
        for code, meaning in EXIT_STATUS.items():
            assert f"  {code:<4}{meaning.split()[0]}" in out


def test_the_readme_lists_the_codes() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Exit status") :]
    for code in EXIT_STATUS:
        assert f"| {code} |" in section


@pytest.mark.parametrize("command", ["check", "score"])
def test_check_and_score_agree(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed = tmp_path / "seed.txt"
    seed.write_text(examples.text(), encoding="utf-8")
    clean = tmp_path / "clean.txt"
    clean.write_text(clean_text(), encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    half = tmp_path / "half.txt"
    lines = examples.text().split("\n")
    half.write_text("\n".join(lines[: len(lines) // 2]), encoding="utf-8")
    binary = tmp_path / "a.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    assert main([command, str(seed)]) == EXIT_FINDINGS  # the seed's real errors
    if command == "check":
        assert main([command, str(clean)]) == EXIT_OK
    else:  # no 自评表 in the clean text: nothing fails
        assert main([command, str(clean)]) == EXIT_OK
    assert main([command, str(empty)]) == EXIT_UNREADABLE
    assert main([command, str(tmp_path / "missing.txt")]) == EXIT_UNREADABLE
    assert main([command, str(binary)]) == EXIT_UNREADABLE
    assert main([command, str(half)]) == EXIT_UNREADABLE  # read in part
    for fmt in ("text", "json"):
        assert main([command, str(empty), "--format", fmt]) == EXIT_UNREADABLE
        assert main([command, str(seed), "--format", fmt]) == EXIT_FINDINGS
    capsys.readouterr()


@pytest.mark.parametrize(
    "argv",
    [
        ["nosuch"],
        ["check"],
        ["check", "--bogus", "x.txt"],
        ["check", "--example", "--format", "yaml"],
        ["check", "--example", "--format", "jsonl"],  # one document: contradicts jsonl
        ["check", "--example", "--jobs", "2"],
        ["score"],
        ["score", "--example", "--format", "csv"],
        ["code"],
        ["codes", "--year", "x"],
    ],
)
def test_usage_errors_exit_64(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == EXIT_USAGE
    out, err = capsys.readouterr()
    assert out == "" and "error:" in err


@pytest.mark.parametrize(
    "argv",
    [["code", "2019998"], ["codes", "--year", "1999"], ["check", "--example", "--year", "2019"]],
)
def test_what_does_not_exist_exits_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == EXIT_UNREADABLE
    assert capsys.readouterr().err.startswith("govfin: error:")


def test_a_bug_exits_70_with_its_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(args: object, files: object) -> int:
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(cli, "_check_one", broken)
    assert main(["check", "--example"]) == EXIT_INTERNAL
    err = capsys.readouterr().err
    assert "Traceback" in err and "ZeroDivisionError: a bug" in err and "internal error" in err


def test_the_installed_command_exits_with_the_same_codes(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}

    def status(*argv: str) -> int:
        return subprocess.run(
            [sys.executable, "-m", "govfin", *argv], capture_output=True, env=env, check=False
        ).returncode

    assert status() == EXIT_USAGE
    assert status("check", "--example") == EXIT_FINDINGS
    assert status("check", str(tmp_path / "none.txt")) == EXIT_UNREADABLE
