"""Partial reads never yield false findings (issue 20): cut files, repeated documents.

A finding must never rest on a table or sentence the reader did not read whole.  The seed is
cut at many points; each cut's report may hold no error or warning that the whole seed's
report lacks, other than the READ- findings that say what was not read.
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
from govfin.rules import check

SEED = golden.TEXT
LINES = golden.LINES
FULL = check(read_text(SEED).disclosure)


def _key(f: govfin.Finding) -> tuple[object, ...]:
    p = f.place
    return (f.rule_id, f.severity, p.table if p else None, p.row if p else None, p.column if p else None)


FULL_KEYS = frozenset(_key(f) for f in FULL)


def _cut(n: int) -> govfin.Disclosure:
    return read_text("\n".join(LINES[:n])).disclosure


def _unfounded(report: govfin.Report) -> list[str]:
    return [
        f.to_text()
        for f in report
        if _key(f) not in FULL_KEYS and not f.rule_id.startswith("READ-")
    ]


@pytest.mark.parametrize("n", range(50, len(LINES), 50))
def test_a_cut_seed_reports_nothing_the_whole_seed_does_not(n: int) -> None:
    report = check(_cut(n))
    assert _unfounded(report) == []


def test_the_first_half_withholds_the_unfinished_self_evaluation() -> None:
    # issue 20: the first half gave an E-weights error on the 自评表 the reader could not
    # finish, and N-perf counting the 自评表 attached so far
    d = _cut(len(LINES) // 2)
    report = check(d)
    (problem,) = d.read_problems
    assert problem.rule_id == "READ-truncated" and problem.cut
    assert problem.incomplete[0].table.startswith("项目支出绩效自评表:")
    withheld = {w.finding.rule_id for w in report.withheld}
    assert {"E-weights", "N-perf"} <= withheld
    assert not report.select(rule="N-perf").findings and not report.select(rule="E-weights").findings
    (read,) = report.select(rule="READ-")
    assert read.severity is Severity.ERROR and "withheld" in read.message
    assert "withheld" in report.summary()


def test_a_cut_before_the_attachments_counts_nothing() -> None:
    # cut inside the narrative part: the contents list 第四部分 and 第五部分, never reached
    n = golden.GLOSSARY_HEADING_LINE - 1
    d = _cut(n)
    cut = [p for p in d.read_problems if p.rule_id == "READ-cut"]
    assert len(cut) == 1 and cut[0].cut and "第五部分" in cut[0].message
    report = check(d)
    assert not report.select(rule="K-missing").findings and not report.select(rule="N-perf").findings
    assert _unfounded(report) == []


def test_a_cut_inside_a_table_withholds_its_relations() -> None:
    # the file stops inside 公开03 (after its 合计 row and a few 类): its Σ类 must not fail
    n = golden.line_of("2080505", after=golden.line_of("公开03"))
    d = _cut(n)
    report = check(d)
    assert any(p.rule_id == "READ-cut" for p in d.read_problems)
    assert {w.finding.rule_id for w in report.withheld} >= {"R03-tree", "X4"}
    assert _unfounded(report) == []


def test_a_sentence_stopped_mid_way_is_not_read() -> None:
    at = golden.PERFORMANCE_CLAIM_LINE
    line = LINES[at - 1]
    text = "\n".join((*LINES[: at - 1], line[: line.index("13个项目")]))
    d = read_text(text).disclosure
    (cut,) = [p for p in d.read_problems if p.rule_id == "READ-cut"]
    assert cut.cut and cut.incomplete[0].table == "情况说明"
    assert cut.incomplete[0].last_line == at
    assert _unfounded(check(d)) == []


def test_a_whole_document_is_not_cut() -> None:
    assert read_text(SEED).disclosure.read_problems == ()
    assert FULL.withheld == ()


def test_cli_exits_two_on_a_cut_file_and_says_what_was_withheld(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "half.txt"
    path.write_text("\n".join(LINES[: len(LINES) // 2]), encoding="utf-8")
    assert main(["check", str(path), "--format", "json"]) == 2
    data = json.loads(capsys.readouterr().out)
    (problem,) = data["read_problems"]
    assert problem["withheld"] is True and problem["cut"] is True
    assert problem["kind"] == "TruncatedTableError"
    rules = {f["rule_id"] for f in data["findings"]}
    assert "READ-truncated" in rules and "E-weights" not in rules and "N-perf" not in rules


# -- one document printed many times ---------------------------------------------------------


def test_a_document_printed_forty_times_is_read_once() -> None:
    result = read_text(SEED * 40)
    d = result.disclosure
    assert len(d.evaluations) == golden.EVALUATIONS  # not 840
    (problem,) = d.read_problems
    assert problem.rule_id == "READ-repeated" and problem.severity is Severity.WARNING
    # the seed ends in a line break: copy 2's line k is line len(LINES) - 1 + k of the whole
    assert "40 times" in problem.message
    assert problem.place.line == len(LINES) - 1 + golden.COVER_LINE
    report = check(d)
    assert [f for f in report if not f.rule_id.startswith("READ-")] == list(FULL)
    assert result.log.unaccounted(SEED * 40) == ()  # every copy's lines are accounted for


def test_copies_that_differ_are_an_error_naming_the_lines() -> None:
    other = SEED.replace("2024年度部门决算公开", "2024年度部门决算公开（修订）", 1)
    d = read_text(SEED + other).disclosure
    (problem,) = d.read_problems
    assert problem.rule_id == "READ-repeated" and problem.severity is Severity.ERROR
    line = len(LINES) - 1 + golden.line_of("2024年度部门决算公开")
    assert str(line) in problem.message


def test_a_table_repeated_is_not_a_repeated_document() -> None:
    start = golden.line_of("公开02")
    d = read_text("\n".join((*LINES, *LINES[start - 3 : start + 30]))).disclosure
    assert "READ-repeated" not in {p.rule_id for p in d.read_problems}


def test_a_signature_after_the_text_is_not_a_cut() -> None:
    # the seed without its 附件 (nor their contents entry), signed and dated at the end
    body = [ln for ln in LINES[: golden.ATTACHMENTS_LINE - 1] if not ln.startswith("第五部分 附件\t")]
    d = read_text("\n".join((*body, "2025年5月20日", "朔州经济开发区管理委员会综合办公室"))).disclosure
    assert "READ-cut" not in {p.rule_id for p in d.read_problems}
