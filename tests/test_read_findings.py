"""Reader problems are findings (issue 15): READ-… findings, withholding, former 类 names.

Every case edits a copy of the seed the way a real document goes wrong (an outdated name, a
garbled figure, a table printed twice, a stray line, a blank template's placeholders) and says
what the report must hold: the problem as a finding at its place, and no finding resting on
what the reader lost.
"""

from __future__ import annotations

import json
from pathlib import Path

import golden
import pytest

import govfin
from govfin.cli import main
from govfin.findings import Severity
from govfin.readers import read_text
from govfin.readers.problems import problem_data
from govfin.rules import REGISTRY, check

SEED = golden.TEXT
FULL = check(read_text(SEED).disclosure)


def _key(f: govfin.Finding) -> tuple[object, ...]:
    p = f.place
    return (f.rule_id, f.severity, p.table if p else None, p.row if p else None, p.column if p else None)


def _edited(old: str, new: str, count: int = 1) -> str:
    assert SEED.count(old) >= count, old
    return SEED.replace(old, new, count)


def _new_findings(report: govfin.Report) -> list[govfin.Finding]:
    """Findings the unedited seed does not have (READ- ones aside)."""
    full = {_key(f) for f in FULL}
    return [f for f in report if _key(f) not in full and not f.rule_id.startswith("READ-")]


# -- a 类 printed with its former name ----------------------------------------------------------


@pytest.mark.parametrize("table_line", ["九、卫生健康支出\t40", "九、卫生健康支出\t41"])
def test_a_former_class_name_keeps_the_row_and_is_a_name_warning(table_line: str) -> None:
    # 210 was 医疗卫生与计划生育支出 until the 2019 classification (国家卫生健康委员会, 2018)
    text = _edited(table_line, table_line.replace("卫生健康支出", "医疗卫生与计划生育支出"))
    result = read_text(text)
    d = result.disclosure
    assert d.read_problems == ()  # the row is read, under its code
    kind = "收入支出决算总表" if table_line.endswith("40") else "财政拨款收入支出决算总表"
    row = d[kind].row("210")
    assert row.name == "医疗卫生与计划生育支出" and row.values
    report = check(d)
    names = [f for f in report if f.rule_id == "C-name" and f.table == kind]
    assert len(names) == 1 and names[0].severity is Severity.WARNING
    assert "former name" in names[0].message and "2017" in names[0].message
    assert names[0].row == "210"
    # … and nothing else: no sum breaks where the row would have vanished
    assert [f for f in _new_findings(report) if f.rule_id != "C-name"] == []
    assert len(report.errors) == len(FULL.errors)


def test_a_former_item_name_in_a_coded_table_is_a_name_warning() -> None:
    text = SEED.replace("20805\t行政事业单位养老支出", "20805\t行政事业单位离退休")
    report = check(read_text(text).disclosure)
    names = [f for f in report if f.rule_id == "C-name"]
    assert len(names) == 3 and {f.row for f in names} == {"20805"}
    assert all("former name, of the 2017 edition" in f.message for f in names)
    assert report.summary() != FULL.summary() and len(report.errors) == len(FULL.errors)


def test_an_unknown_class_name_withholds_the_sums_it_would_break() -> None:
    # a name no edition knows: the row cannot be placed; the sums of 公开01 and the
    # cross-table relations reading it must not turn into errors
    text = _edited("九、卫生健康支出\t40", "九、卫生保健支出\t40")
    d = read_text(text).disclosure
    (problem,) = d.read_problems
    assert problem.rule_id == "READ-name" and problem.severity is Severity.ERROR
    assert problem.place.table == "收入支出决算总表" and problem.place.line == golden.line_of("九、卫生健康支出\t40")
    report = check(d)
    assert _new_findings(report) == []
    withheld = {w.finding.rule_id for w in report.withheld}
    assert {"R01-2", "X4"} <= withheld  # Σ类 = 本年支出合计, 公开01 类 = 公开03 类
    (read,) = report.select(rule="READ-name")
    assert read.severity is Severity.ERROR and "withheld" in read.message and "R01-2" in read.message
    assert report.findings[0] is read  # read problems come first: they explain the rest


# -- problems that lose a figure ------------------------------------------------------------


def test_a_garbled_figure_is_an_error_finding_and_its_table_is_withheld() -> None:
    text = _edited("一、一般公共预算财政拨款收入\t1\t631.71", "一、一般公共预算财政拨款收入\t1\t631.7l")
    d = read_text(text).disclosure
    (problem,) = d.read_problems
    assert (problem.rule_id, problem.kind) == ("READ-amount", "AmountSyntaxError")
    assert problem.place.line == golden.T01_INCOME_LINE and "631.7l" in problem.message
    report = check(d)
    assert _new_findings(report) == []
    assert report.withheld and all(
        w.finding.table == "收入支出决算总表"
        or any(c.table == "收入支出决算总表" for c in w.finding.cells)
        or "收入支出决算总表" in REGISTRY.get(w.finding.rule_id).tables
        for w in report.withheld
    )


def test_a_stray_line_without_figures_is_a_warning_and_withholds_nothing() -> None:
    at = golden.line_of("201\t", after=golden.line_of("公开02"))
    lines = list(golden.LINES)
    lines.insert(at, "这一行不属于表格")
    report = check(read_text("\n".join(lines)).disclosure)
    (read,) = report.select(rule="READ-")
    assert read.rule_id == "READ-line" and read.severity is Severity.WARNING
    assert read.place.table == "收入决算表" and read.place.line == at + 1
    assert report.withheld == () and len(report.errors) == len(FULL.errors)


def test_a_stray_line_with_figures_withholds_its_table() -> None:
    # a row the reader cannot place may be a row lost: the table's sums rest on it
    at = golden.line_of("201\t", after=golden.line_of("公开02"))
    lines = list(golden.LINES)
    lines.insert(at, "2O1O3?\t政府办公厅\t12.00\t12.00")
    report = check(read_text("\n".join(lines)).disclosure)
    (read,) = report.select(rule="READ-")
    assert read.rule_id == "READ-line" and read.severity is Severity.ERROR
    assert "holds figures" in read.message
    assert report.withheld and _new_findings(report) == []


# -- problems that lose nothing --------------------------------------------------------------


def test_a_table_printed_twice_is_one_warning() -> None:
    start = golden.line_of("收入决算表", exact=True, after=golden.line_of("公开01表"))
    end = golden.line_of("支出决算表", exact=True, after=start)
    block = list(golden.LINES[start - 1 : end - 1])
    lines = list(golden.LINES)
    lines[end - 1 : end - 1] = block
    report = check(read_text("\n".join(lines)).disclosure)
    (read,) = report.select(rule="READ-")
    assert read.rule_id == "READ-duplicate" and read.severity is Severity.WARNING
    assert "identical" in read.message and read.place.line == end
    assert report.withheld == () and len(report.errors) == len(FULL.errors)


def test_a_table_printed_twice_with_other_figures_is_an_error() -> None:
    start = golden.line_of("收入决算表", exact=True, after=golden.line_of("公开01表"))
    end = golden.line_of("支出决算表", exact=True, after=start)
    block = [ln.replace("545.19", "545.91") for ln in golden.LINES[start - 1 : end - 1]]
    lines = list(golden.LINES)
    lines[end - 1 : end - 1] = block
    (read,) = check(read_text("\n".join(lines)).disclosure).select(rule="READ-")
    assert read.severity is Severity.ERROR and "differ" in read.message


def test_a_table_printed_again_for_another_unit_is_a_warning_not_a_contradiction() -> None:
    # a document of several units (the 部门 and its 单位) prints each unit's tables: other
    # figures under another 部门名称 are not the document contradicting itself
    start = golden.line_of("收入决算表", exact=True, after=golden.line_of("公开01表"))
    end = golden.line_of("支出决算表", exact=True, after=start)
    block = [
        ln.replace("545.19", "300.00").replace("综合办公室", "机关服务中心")
        for ln in golden.LINES[start - 1 : end - 1]
    ]
    assert any("机关服务中心" in ln for ln in block)
    lines = list(golden.LINES)
    lines[end - 1 : end - 1] = block
    report = check(read_text("\n".join(lines)).disclosure)
    (read,) = report.select(rule="READ-")
    assert read.rule_id == "READ-duplicate" and read.severity is Severity.WARNING
    assert "another unit" in read.message and "机关服务中心" in read.message
    assert len(report.errors) == len(FULL.errors)


def test_placeholder_rows_are_one_warning_per_table() -> None:
    row = golden.text_at(golden.line_of("2100799\t"))
    text = _edited(row, row + "\n……\t……\t……\t……")
    report = check(read_text(text).disclosure)
    (read,) = report.select(rule="READ-")
    assert read.rule_id == "READ-placeholder" and read.severity is Severity.WARNING
    assert read.place.table == "收入决算表" and "placeholder" in read.message


def test_undecodable_bytes_are_a_finding_at_their_line(tmp_path: Path) -> None:
    data = SEED.encode("utf-8")
    i = data.index("本年支出合计".encode())
    path = tmp_path / "bad.txt"
    path.write_bytes(data[:i] + b"\xff" + data[i:])
    from govfin.readers.files import read_path

    result = read_path(path)
    read = [p for p in result.disclosure.read_problems if p.rule_id == "READ-bytes"]
    assert len(read) == 1 and read[0].place.line == SEED[: SEED.index("本年支出合计")].count("\n") + 1
    assert read[0].severity is Severity.ERROR and read[0].incomplete  # that row's text is lost


# -- the report carries them everywhere ------------------------------------------------------


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_exit_status_follows_the_findings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # a problem that loses nothing: the findings decide (the seed has errors: 1)
    path = tmp_path / "former.txt"
    path.write_text(_edited("九、卫生健康支出\t40", "九、医疗卫生与计划生育支出\t40"), encoding="utf-8")
    status, out, _ = _run(capsys, "check", str(path))
    assert status == 1 and "C-name" in out
    # a problem that leaves a part not read whole: 2 (read only in part)
    path.write_text(_edited("九、卫生健康支出\t40", "九、卫生保健支出\t40"), encoding="utf-8")
    status, out, _ = _run(capsys, "check", str(path))
    assert status == 2 and "[error] READ-name 收入支出决算总表" in out and "withheld" in out


def test_json_read_problems_say_what_was_withheld(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "doc.txt"
    path.write_text(_edited("九、卫生健康支出\t40", "九、卫生保健支出\t40"), encoding="utf-8")
    _, out, _ = _run(capsys, "check", str(path), "--format", "json")
    data = json.loads(out)
    (problem,) = data["read_problems"]
    assert problem["kind"] == "UnknownNameError" and problem["rule_id"] == "READ-name"
    assert problem["withheld"] is True and problem["withheld_findings"] > 0
    assert problem["line"] == golden.line_of("九、卫生健康支出\t40") and problem["severity"] == "error"
    assert any(f["rule_id"] == "READ-name" for f in data["findings"])
    assert not any(f["rule_id"] == "R01-2" and f["severity"] == "error" for f in data["findings"])


def test_html_report_lists_read_findings() -> None:
    from govfin.html import render_report

    d = read_text(_edited("九、卫生健康支出\t40", "九、卫生保健支出\t40")).disclosure
    page = render_report(check(d), d)
    assert "READ-name" in page


def test_problem_data_without_problems_is_empty() -> None:
    assert problem_data(()) == []


def test_a_run_may_switch_read_rules_off_or_change_their_severity() -> None:
    d = read_text(_edited("九、卫生健康支出\t40", "九、卫生保健支出\t40")).disclosure
    assert check(d, ignore="READ-").select(rule="READ-").findings == ()
    (read,) = check(d, severity={"READ-name": "warning"}).select(rule="READ-")
    assert read.severity is Severity.WARNING


def test_every_read_rule_is_catalogued_with_a_reason() -> None:
    ids = [r.id for r in REGISTRY if r.id.startswith("READ-")]
    assert "READ-name" in ids and "READ-cut" in ids and "READ-repeated" in ids
    assert all(REGISTRY.get(i).changed for i in ids)


def test_undecodable_bytes_of_a_joined_file_are_a_finding_at_their_line(tmp_path: Path) -> None:
    from govfin.readers.files import read_paths

    cut = golden.NARRATIVE_LINE - 1
    head = "\n".join(golden.LINES[:cut])
    tail = "\n".join(golden.LINES[cut:]).encode("utf-8")
    i = tail.index("本年支出合计".encode())  # 公开01… are in the head: a 情况说明 sentence
    (tmp_path / "a.txt").write_text(head, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(tail[:i] + b"\xff" + tail[i:])
    d = read_paths([tmp_path / "a.txt", tmp_path / "b.txt"]).disclosure
    (read,) = [p for p in d.read_problems if p.rule_id == "READ-bytes"]
    in_b = tail[:i].count(b"\n") + 1  # the line in b.txt
    assert read.place.line == cut + in_b  # numbered through both files
    assert read.place.where is not None and "b.txt" in read.place.where


def test_the_summary_tells_read_problems_from_the_documents_errors() -> None:
    # an error the reader met is not an error of the document: the summary line says how many
    # of the errors are parts govfin could not read
    lines = list(golden.LINES)
    at = golden.line_of("201\t", after=golden.line_of("公开02"))
    lines.insert(at, "2O1O3?\t政府办公厅\t12.00\t12.00")
    report = check(read_text("\n".join(lines)).disclosure)
    unread = [f for f in report.errors if f.rule_id.startswith("READ-")]
    assert unread
    assert report.summary().startswith(
        f"{len(report.errors)} error(s) ({len(unread)} of them parts govfin could not read, READ-…), "
    )
    assert "could not read" not in FULL.summary()


def test_nothing_read_because_what_was_seen_was_unread_says_so() -> None:
    # the only table is seen but not read (printed in 亿元): the document is not "without
    # tables", its tables could not be read
    end = golden.line_of("收入决算表", exact=True, after=golden.line_of("公开01表"))
    text = "\n".join(golden.LINES[: end - 1]).replace("金额单位：万元", "金额单位：亿元", 1)
    result = read_text(text)
    (none,) = [e for e in result.errors if type(e).__name__ == "NotADisclosureError"]
    assert "could be read (1 seen but not read" in none.message
