"""``govfin check`` and ``govfin score``: the main job on the bundled example and on files."""

from __future__ import annotations

import json
from pathlib import Path

import golden
import pytest

from govfin import examples
from govfin.cli import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, main
from govfin.findings import Report
from govfin.rules import check
from govfin.serialize import SCHEMA_VERSION


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
    assert summary == golden.SUMMARY
    assert "claim(s):" in lines[-1] and "contradicted" in lines[-1]
    # agreeing claims are infos: listed only with --verbose
    assert "checked: agrees" not in out
    _, verbose, _ = run(capsys, "check", "--example", "--verbose")
    assert "checked: agrees" in verbose


def test_check_json_round_trips(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "check", "--example", "--format", "json")
    assert status == EXIT_FINDINGS
    data = json.loads(out)
    assert data["schema_version"] == SCHEMA_VERSION and data["document"]["kind"] == "决算"
    assert data["read_problems"] == []
    report = Report.from_dict({"findings": data["findings"]})
    assert len(report.errors) == golden.ERRORS
    assert {f.rule_id for f in report.errors} == golden.ERROR_RULES


def test_check_file_clean_exit_zero(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # the seed without its 附件 (the self-evaluations) and without the 绩效 paragraph
    text = examples.text()
    head = text[: text.index("第五部分 附件\n\n办公用品")]
    head = head.replace(
        head[head.index("（四）预算绩效情况说明") : head.index("第四部分 名词解释")], ""
    )
    # … and without the contents' entry of 第五部分 附件: a document ending before a part its
    # contents list is a cut one (READ-cut, exit 2; see tests/test_partial_reads.py)
    head = "\n".join(ln for ln in head.split("\n") if not ln.startswith("第五部分 附件\t"))
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
    assert main(["check"]) == EXIT_USAGE  # no FILE and no --example: a usage error
    assert main(["check", "--example", "no_such_example"]) == EXIT_ERROR
    assert "no_such_example" in capsys.readouterr().err


def test_score_example(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "score", "--example")
    assert status == EXIT_FINDINGS  # printed figures that fail (办公用品, 电脑耗材): as check
    lines = out.splitlines()
    assert len(lines) == 1 + golden.EVALUATIONS
    office = next(line for line in lines if line.startswith("办公用品"))
    assert "29.94" in office and "29.86" in office and "全年执行数 = 10.480" in office
    pc = next(line for line in lines if line.startswith("电脑耗材"))
    assert "25.98" in pc and "25.88" in pc and pc.rstrip().endswith("执行率 = 25.88")
    clean = next(line for line in lines if line.startswith("聘用人员工资类费用"))
    assert clean.split()[-2:] == ["优", "优"]


# -- --year, --strict, exit statuses ---------------------------------------------------------


def _seed_with_a_2025_code(tmp_path: Path) -> Path:
    """The seed with a 公开05 row 22911, a 款 of the 2025 edition that 2024 does not have."""
    import attrs

    from govfin.readers import write_text
    from govfin.tables import GeneralBudgetExpenditureTable, Row

    d = examples.load()
    t05 = d[GeneralBudgetExpenditureTable]
    row = Row("22911", "中央金融机构注资特别国债财务基金支出", {"合计": None}, code="22911")
    t05 = attrs.evolve(t05, rows=(*t05.rows, row))
    d = attrs.evolve(
        d,
        tables=tuple(t05 if isinstance(t, GeneralBudgetExpenditureTable) else t for t in d.tables),
    )
    path = tmp_path / "doc.txt"
    path.write_text(write_text(d), encoding="utf-8")
    return path


def test_check_year_sets_the_edition_not_the_document_year(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _seed_with_a_2025_code(tmp_path)
    status, out, err = run(capsys, "check", str(path))
    assert status == EXIT_FINDINGS and err == ""
    assert "C-code 一般公共预算财政拨款支出决算表, row 22911" in out  # not in the 2024 list
    status, out, err = run(capsys, "check", str(path), "--year", "2025")
    assert status == EXIT_FINDINGS and err == ""  # no "the text is of 2024, not 2025"
    assert "C-code" not in out  # 22911 is a 2025 code
    assert out.startswith("govfin check: 朔州经济开发区管理委员会综合办公室 2024")
    assert "N-year" not in out  # the document is still of 2024: its 2023 is last year


def test_check_year_without_a_shipped_edition_exits_two(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, err = run(capsys, "check", "--example", "--year", "1999")
    assert status == EXIT_ERROR and out == ""
    assert err.startswith("govfin: error: no 1999 edition") and "2024" in err


def _seed_with_a_stray_line(tmp_path: Path) -> tuple[Path, int]:
    lines = examples.text().split("\n")
    i = next(k for k, ln in enumerate(lines) if ln.startswith("公开02")) + 1
    i = next(k for k in range(i, len(lines)) if lines[k].startswith("201\t"))
    lines.insert(i + 1, "这一行不属于表格\t?")
    path = tmp_path / "stray.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path, i + 2


def test_check_strict_stops_at_an_unrecognised_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, line = _seed_with_a_stray_line(tmp_path)
    status, out, err = run(capsys, "check", str(path), "--strict")
    assert status == EXIT_ERROR and out == ""
    assert err.startswith(f"govfin: error: line {line}, 收入决算表") and "这一行不属于表格" in err
    # lenient: the line is reported on stderr, the document is checked
    status, out, err = run(capsys, "check", str(path))
    assert status == EXIT_FINDINGS
    assert f"govfin: warning: line {line} in 收入决算表 not recognised" in err
    # … and in the report: one READ-line warning (no figure in the line: nothing withheld)
    assert f"[warning] READ-line 收入决算表, line {line}" in out
    assert f"{golden.ERRORS} error(s), {golden.WARNINGS + 1} warning(s)" in out


def test_check_lenient_read_error_prints_the_report_and_exits_two(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = examples.text().replace(
        "一、一般公共预算财政拨款收入\t1\t631.71", "一、一般公共预算财政拨款收入\t1\t631.7l", 1
    )
    assert "631.7l" in text
    path = tmp_path / "garbled.txt"
    path.write_text(text, encoding="utf-8")
    status, out, err = run(capsys, "check", str(path))
    assert status == EXIT_ERROR  # part of the input could not be read
    assert "631.7l" in err and f"line {golden.T01_INCOME_LINE}" in err
    assert "error(s)" in out  # … but what was read is checked and reported
    status, out, err = run(capsys, "check", str(path), "--strict")
    assert status == EXIT_ERROR and out == "" and f"line {golden.T01_INCOME_LINE}" in err


def test_check_json_is_the_whole_report(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "check", "--example", "--format", "json")
    report = Report.from_dict({"findings": json.loads(out)["findings"]})
    assert report == check(examples.load())  # every finding, infos included


def test_unknown_example_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["score", "--example", "nope"]) == EXIT_ERROR
    err = capsys.readouterr().err
    assert err.strip() == "govfin: error: no bundled example 'nope'; examples are ['seed_2024']"


# -- README -----------------------------------------------------------------------------------


def test_readme_shows_the_real_output(capsys: pytest.CaptureFixture[str]) -> None:
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    assert "python -m govfin check --example" in readme
    _, out, _ = run(capsys, "check", "--example")
    block = readme[
        readme.index("govfin check: ") : readme.index("```", readme.index("govfin check: "))
    ]
    shown = [ln for ln in block.splitlines() if ln.strip() and ln.strip() != "…"]
    assert shown[-2:] == out.splitlines()[-2:]  # the summary lines
    for line in shown:
        assert line.rstrip(" …") in out, line
