"""``govfin code`` and ``govfin codes``."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from govfin import codes
from govfin.cli import EXIT_ERROR, EXIT_OK, main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_code_functional_item(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "code", "2010350")
    assert status == EXIT_OK and err == ""
    lines = out.splitlines()
    assert lines[0] == "2010350  事业运行"
    assert re.search(r"^  level: +项$", out, re.MULTILINE)
    assert "支出功能分类科目" in out and "2024" in out
    ancestors = [line for line in lines if "一般公共服务支出" in line or "政府办公厅" in line]
    assert len(ancestors) == 2
    assert "201" in ancestors[0] and "(类)" in ancestors[0]
    assert "20103" in ancestors[1] and "政府办公厅（室）及相关机构事务 (款)" in ancestors[1]
    assert "seed" in out


def test_code_economic(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "code", "30207")
    assert status == EXIT_OK
    assert re.search(r"^  edition: +2024$", out, re.MULTILINE)
    assert out.splitlines()[0] == "30207  邮电费"
    assert re.search(r"^  level: +款$", out, re.MULTILINE)
    assert "部门预算支出经济分类科目" in out
    assert "302  商品和服务支出 (类)" in out


def test_code_category_and_year(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "code", "201", "--year", "2025")
    assert status == EXIT_OK
    assert re.search(r"^  edition: +2025$", out, re.MULTILINE)
    assert re.search(r"^  ancestors: +none", out, re.MULTILINE)
    assert "children:" in out


def test_code_economic_gov_shows_department_codes(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "code", "50103")
    assert status == EXIT_OK
    assert re.search(r"^  dept codes: +30113$", out, re.MULTILINE)


def test_codes_lists_functional_categories(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "codes", "--year", "2024")
    assert status == EXIT_OK
    lines = out.splitlines()
    assert len(lines) == len(codes.roots("functional", 2024)) == 30
    assert lines[0] == "201  一般公共服务支出"
    assert lines[-1] == "234  抗疫特别国债安排的支出"
    assert all(len(line.split()[0]) == 3 for line in lines)


def test_codes_economic_scheme(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "codes", "--scheme", "economic")
    assert status == EXIT_OK
    assert [line.split()[0] for line in out.splitlines()] == [
        "301", "302", "303", "307", "309", "310", "311", "312", "313", "399",
    ]  # fmt: skip


def test_codes_under_prints_indented_subtree(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "codes", "--year", "2024", "--under", "201")
    assert status == EXIT_OK
    lines = out.splitlines()
    assert lines[0] == "201  一般公共服务支出"
    assert "  20103  政府办公厅（室）及相关机构事务" in lines
    assert "    2010350  事业运行" in lines
    for line in lines:
        code = line.split()[0]
        indent = len(line) - len(line.lstrip(" "))
        assert indent == len(code) - 3  # 0 for 类, 2 for 款, 4 for 项
    # the whole subtree, each entry once, in code order, with its official name, nothing else
    expected = [codes.lookup("201", 2024), *codes.descendants("201", 2024)]
    assert [line.split() for line in lines] == [[c.code, c.name] for c in expected]
    assert len(lines) > 150


def test_codes_under_depends_on_the_edition(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "codes", "--year", "2025", "--under", "229")
    assert (status, out.splitlines()) == (
        EXIT_OK, ["229  其他支出", "  22911  中央金融机构注资特别国债财务基金支出"]
    )
    status, out, _ = run(capsys, "codes", "--year", "2024", "--under", "229")
    assert (status, out) == (EXIT_OK, "229  其他支出\n")


def test_codes_under_a_section(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "codes", "--under", "30201", "--scheme", "economic")
    assert (status, out) == (EXIT_OK, "30201  办公费\n")


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["code", "2019998"], "'2019998'"),
        (["code", "2010"], "'2010'"),
        (["code", "20103a"], "'20103a'"),
        (["code", "101"], "'101'"),
        (["code", "2010350", "--year", "2023"], "'2010350'"),
        (["codes", "--under", "2019998"], "'2019998'"),
        (["codes", "--under", "20112", "--year", "2025"], "'20112'"),
    ],
)
def test_errors_are_one_line_with_code_and_edition(
    capsys: pytest.CaptureFixture[str], argv: list[str], needle: str
) -> None:
    status, out, err = run(capsys, *argv)
    assert status == EXIT_ERROR == 2
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("govfin: error: ")
    year = argv[argv.index("--year") + 1] if "--year" in argv else "2024"
    assert needle in err and year in err


def test_codes_unknown_year(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "codes", "--year", "1999")
    assert status == EXIT_ERROR
    assert "1999" in err and err.count("\n") == 1


def test_codes_scheme_conflict(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "codes", "--under", "201", "--scheme", "economic")
    assert status == EXIT_ERROR
    assert "'201'" in err and err.count("\n") == 1


@pytest.mark.parametrize("argv", [[], ["nosuch"], ["code"], ["codes", "--year", "x"]])
def test_usage_errors_exit_64(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    status, _, err = run(capsys, *argv)
    assert status == 64  # EX_USAGE: not 2, which is "unreadable input"
    assert "usage:" in err


def test_help_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "--help")
    assert status == 0
    assert "code" in out and "codes" in out


def test_python_dash_m_govfin() -> None:
    ok = subprocess.run(
        [sys.executable, "-m", "govfin", "code", "2010350"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert ok.returncode == 0, ok.stderr
    assert ok.stdout.startswith("2010350  事业运行")
    bad = subprocess.run(
        [sys.executable, "-m", "govfin", "code", "2019998"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert bad.returncode == 2
    assert bad.stdout == ""
    assert "2019998" in bad.stderr and "2024" in bad.stderr


def test_edition_option_and_its_year_alias(capsys: pytest.CaptureFixture[str]) -> None:
    """``--edition`` names the classification edition; ``--year`` is kept as its alias."""
    status, by_edition, _ = run(capsys, "code", "30207", "--edition", "2025")
    assert status == EXIT_OK and re.search(r"^  edition: +2025$", by_edition, re.MULTILINE)
    status, by_year, _ = run(capsys, "code", "30207", "--year", "2025")
    assert status == EXIT_OK and by_year == by_edition
    status, default, _ = run(capsys, "code", "30207")
    assert re.search(rf"^  edition: +{codes.DEFAULT_EDITION}$", default, re.MULTILINE)
