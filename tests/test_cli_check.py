"""``govfin check`` and ``govfin score``: the main job on the bundled example and on files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from govfin import examples
from govfin.cli import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, main
from govfin.findings import Report


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_check_example_reports_the_seed_errors(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "check", "--example")
    assert status == EXIT_FINDINGS  # the seed holds real errors
    assert out.startswith("govfin check: 朔州经济开发区管理委员会综合办公室 2024")
    # grouped by table, with the seed's known errors and residues
    assert "项目支出绩效自评表:办公用品\n" in out
    assert "E-balance" in out and "全年执行数 = 10.480" in out
    assert "E-rate 项目支出绩效自评表:电脑耗材" in out
    assert "R06-tree 一般公共预算财政拨款基本支出决算明细表, row 301" in out
    lines = out.splitlines()
    summary = next(line for line in lines if "rounding residue(s)" in line)
    assert summary.startswith("5 error(s)") and "23 rounding residue(s)" in summary
    assert "claim(s):" in lines[-1] and "contradicted" in lines[-1]
    # agreeing claims are infos: listed only with --verbose
    assert "checked: agrees" not in out
    _, verbose, _ = run(capsys, "check", "--example", "--verbose")
    assert "checked: agrees" in verbose


def test_check_json_round_trips(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "check", "--example", "--format", "json")
    assert status == EXIT_FINDINGS
    data = json.loads(out)
    report = Report.from_dict(data)
    assert len(report.errors) == 5
    assert {f.rule_id for f in report.errors} == {"E-balance", "E-rate", "N-perf"}


def test_check_file_clean_exit_zero(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # the seed without its 附件 (the self-evaluations) and without the 绩效 paragraph
    text = examples.text()
    head = text[: text.index("第五部分 附件\n\n办公用品")]
    head = head.replace(
        head[head.index("（四）预算绩效情况说明"): head.index("第四部分 名词解释")], ""
    )
    path = tmp_path / "doc.txt"
    path.write_text(head, encoding="utf-8")
    status, out, err = run(capsys, "check", str(path))
    assert status == EXIT_OK, out + err
    assert "0 error(s)" in out


@pytest.mark.parametrize("content", ["", "这不是一份决算公开文件。\n" * 5])
def test_check_unreadable_input_exit_two(
    content: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bad.txt"
    path.write_text(content, encoding="utf-8")
    status, _, err = run(capsys, "check", str(path))
    assert status == EXIT_ERROR
    assert err.startswith("govfin: error:") and len(err.strip().splitlines()) >= 1


def test_check_missing_file_exit_two(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "check", str(tmp_path / "nope.txt"))
    assert status == EXIT_ERROR and "nope.txt" in err


def test_check_needs_a_source(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check"]) == EXIT_ERROR
    assert main(["check", "--example", "no_such_example"]) == EXIT_ERROR
    assert "no_such_example" in capsys.readouterr().err


def test_score_example(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "score", "--example")
    assert status == EXIT_OK
    lines = out.splitlines()
    assert len(lines) == 1 + 21
    office = next(line for line in lines if line.startswith("办公用品"))
    assert "29.94" in office and "29.86" in office and "全年执行数 = 10.480" in office
    pc = next(line for line in lines if line.startswith("电脑耗材"))
    assert "25.98" in pc and "25.88" in pc and pc.rstrip().endswith("执行率 = 25.88")
    clean = next(line for line in lines if line.startswith("聘用人员工资类费用"))
    assert clean.split()[-2:] == ["优", "优"]
