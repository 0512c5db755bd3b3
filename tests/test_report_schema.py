"""The JSON report as a versioned contract: the shipped JSON Schema, reports that validate
against it (the seed, budgets from PDFs, workbooks, partial and broken inputs, batch lines,
``score``), summaries that add up, and a shape that cannot change without a new version.

Every report written through :func:`govfin.serialize.write_json` or as a jsonl batch line in
any test is validated too (``conftest.py``); here the validation is called explicitly, and
the schema is shown to reject what it must.
"""

from __future__ import annotations

import copy
import io
import json
import subprocess
import sys
from pathlib import Path

import attrs
import golden
import jsonschema
import pytest
import report_schema

from govfin import examples
from govfin.cli import EXIT_FINDINGS, EXIT_OK, EXIT_UNREADABLE, main
from govfin.findings import Finding, Place, Report
from govfin.readers.account import Document, Source, TableRead, Unread
from govfin.rules import check
from govfin.serialize import (
    REPORT_SCHEMA,
    SCHEMA_VERSION,
    report_data,
    summary_counts,
    write_json,
)
from govfin.serialize import (
    report_schema as shipped_schema,
)

DATA = Path(__file__).parent / "data"
SRC = Path(__file__).resolve().parents[1] / "src"


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict[str, object]]:
    status = main(["check", *argv, "--format", "json"])
    out = capsys.readouterr().out
    return status, report_schema.validate_report(out)


# -- the schema itself -------------------------------------------------------------------------


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(REPORT_SCHEMA)
    assert REPORT_SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert REPORT_SCHEMA is shipped_schema()  # read once, from the package


def test_the_shipped_version_is_the_reports_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert REPORT_SCHEMA["properties"]["schema_version"] == {"const": SCHEMA_VERSION}
    assert REPORT_SCHEMA["$defs"]["score_report"]["properties"]["schema_version"] == {
        "const": SCHEMA_VERSION
    }
    _, data = run_json(capsys, "--example")
    assert data["schema_version"] == SCHEMA_VERSION


def test_the_schema_ships_in_the_package() -> None:
    from importlib import resources

    assert resources.files("govfin").joinpath("report.schema.json").is_file()
    # the wheel takes every file under src/govfin (pyproject: packages = ["src/govfin"])
    pyproject = (SRC.parent / "pyproject.toml").read_text(encoding="utf-8")
    assert 'packages = ["src/govfin"]' in pyproject


#: The shape of each schema version: the properties of every object it defines.  A change of
#: the report's shape changes the schema; this table then fails until the version is bumped
#: and the new shape entered under the new number (old entries stay, as the record).
SHAPES: dict[int, dict[str, list[str]]] = {
    2: {
        "report": ["document", "findings", "govfin_version", "read_problems", "schema_version",
                   "summary"],
        "finding": ["actual", "category", "cells", "difference", "expected", "fix", "fix_value",
                    "message", "place", "rule_id", "severity", "slack"],
        "place": ["column", "line", "row", "table", "where"],
        "read_problem": ["kind", "line", "message", "place", "withheld"],
        "summary": ["errors", "findings", "infos", "read_problems", "residues", "warnings",
                    "withheld"],
        "document": ["department", "evaluations", "kind", "placeholders", "plans", "sources",
                     "tables", "unread", "units", "year"],
        "batch_line": ["counts", "document", "findings", "path", "paths", "read_problems",
                       "status", "why"],
        "score_report": ["evaluations", "govfin_version", "read_problems", "schema_version"],
    }
}


def _shape(schema: dict[str, object]) -> dict[str, list[str]]:
    defs = schema["$defs"]
    assert isinstance(defs, dict)
    props = {"report": schema["properties"], "finding": defs["finding_core"]["properties"]}
    for name in ("place", "read_problem", "summary", "document", "batch_line", "score_report"):
        props[name] = defs[name]["properties"]
    return {k: sorted(v) for k, v in props.items()}  # type: ignore[call-overload]


def test_a_change_of_shape_bumps_the_version() -> None:
    expected = {k: sorted(v) for k, v in SHAPES[SCHEMA_VERSION].items()}
    assert _shape(REPORT_SCHEMA) == expected, (
        "the schema's shape changed: bump SCHEMA_VERSION (govfin.serialize and the schema's "
        "const) and record the new shape in SHAPES"
    )


def test_the_schema_describes_the_model_classes() -> None:
    """The finding, place, summary and account objects are what the code writes: a field
    added to Finding or Place without the schema fails here (and then the version test)."""
    shape = {k: sorted(v) for k, v in SHAPES[SCHEMA_VERSION].items()}
    assert sorted(a.name for a in attrs.fields(Finding)) == shape["finding"]
    assert sorted(a.name for a in attrs.fields(Place)) == shape["place"]
    assert sorted(a.name for a in attrs.fields(Document)) == shape["document"]
    props = REPORT_SCHEMA["$defs"]["document"]["properties"]
    for cls, key in ((Source, "sources"), (TableRead, "tables"), (Unread, "unread")):
        assert sorted(a.name for a in attrs.fields(cls)) == sorted(
            props[key]["items"]["properties"]
        )
    data = report_data(Report(), document=None)
    assert sorted(data) == shape["report"] and sorted(data["summary"]) == shape["summary"]


# -- reports that validate -----------------------------------------------------------------------


def test_the_seeds_report(capsys: pytest.CaptureFixture[str]) -> None:
    status, data = run_json(capsys, "--example")
    assert status == EXIT_FINDINGS
    summary = data["summary"]
    assert summary == {
        "errors": golden.ERRORS,
        "warnings": golden.WARNINGS,
        "residues": golden.RESIDUES,
        "infos": golden.INFOS - golden.RESIDUES,  # a residue is counted once
        "findings": golden.ERRORS + golden.WARNINGS + golden.INFOS,
        "read_problems": 0,
        "withheld": 0,
    }


@pytest.mark.parametrize(
    "name",
    [
        "js-renda-2017-bumen-yusuan.pdf",
        "sh-putuo-wanlijiedao-2025-bumen-yusuan.pdf",
        "sh-putuo-wanlijiedao-2023-bumen-yusuan-with-jixiao-mubiao.pdf",
        "sh-putuo-2024-juesuan-template-blank.pdf",
    ],
)
def test_budgets_from_pdfs(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("pdfplumber")
    status, data = run_json(capsys, str(DATA / "pdf" / name))
    assert status in (EXIT_OK, EXIT_FINDINGS, EXIT_UNREADABLE)
    assert data["document"] is not None and data["document"]["sources"][0]["format"] == "pdf"


def test_a_joined_two_file_disclosure(capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("pdfplumber")
    text = DATA / "pdf" / "js-zhengxie-2017-bumen-yusuan-text.pdf"
    tables = DATA / "pdf" / "js-zhengxie-2017-bumen-yusuan-tables.pdf"
    _, data = run_json(capsys, "--join", str(text), str(tables))
    assert len(data["document"]["sources"]) == 2


@pytest.mark.parametrize(
    "name", ["sh-putuo-bumen-yusuan-template-blank.xlsx", "sh-putuo-2026-danwei-yusuan-template-blank.xls"]
)
def test_workbooks(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("python_calamine")
    status, data = run_json(capsys, str(DATA / "excel" / name))
    assert status in (EXIT_OK, EXIT_FINDINGS, EXIT_UNREADABLE)
    assert data["document"]["sources"][0]["format"] in ("xlsx", "xls")


def test_a_partial_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The seed's first half: read problems, each with its kind, place, message and mark."""
    lines = examples.text().split("\n")
    path = tmp_path / "half.txt"
    path.write_text("\n".join(lines[: len(lines) // 2]), encoding="utf-8")
    status, data = run_json(capsys, str(path))
    assert status == EXIT_UNREADABLE
    assert data["read_problems"] and data["summary"]["read_problems"] == len(data["read_problems"])
    for problem in data["read_problems"]:
        assert isinstance(problem["withheld"], bool) and problem["message"]


def test_a_broken_amount(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = examples.text().replace("631.71", "631.7l", 1)
    path = tmp_path / "typo.txt"
    path.write_text(text, encoding="utf-8")
    status, data = run_json(capsys, str(path))
    assert status == EXIT_UNREADABLE
    assert any("631.7l" in p["message"] for p in data["read_problems"])


def test_the_batch_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "seed.txt").write_text(examples.text(), encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "prose.txt").write_text("这不是一份决算公开文件。\n" * 3, encoding="utf-8")
    main(["check", str(tmp_path), "--format", "jsonl"])
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3
    for line in lines:
        report_schema.validate_batch_line(line)
    assert {json.loads(line)["status"] for line in lines} == {"checked", "unreadable"}


def test_score_json(capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["score", "--example", "--format", "json"])
    data = report_schema.validate_score(capsys.readouterr().out)
    assert status == EXIT_FINDINGS
    assert len(data["evaluations"]) == golden.EVALUATIONS
    office = next(e for e in data["evaluations"] if e["project"] == "办公用品")
    assert (office["rate"], office["rate_recomputed"]) == ("29.94", "29.86")  # as printed / Σ


def test_score_json_of_an_unreadable_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "empty.txt"
    path.write_text("", encoding="utf-8")
    assert main(["score", str(path), "--format", "json"]) == EXIT_UNREADABLE
    assert capsys.readouterr().out == ""  # nothing read: no report, one line on stderr


def test_a_report_written_in_a_child_process(tmp_path: Path) -> None:
    """The installed entry point's output (ASCII-safe on a non-UTF-8 console) validates too."""
    import os

    env = {**os.environ, "PYTHONPATH": str(SRC), "PYTHONIOENCODING": "gbk"}
    run = subprocess.run(
        [sys.executable, "-m", "govfin", "check", "--example", "--format", "json"],
        capture_output=True, env=env, check=False,
    )
    assert run.returncode == EXIT_FINDINGS, run.stderr
    assert run.stdout.isascii()
    report_schema.validate_report(run.stdout.decode("ascii"))


def test_the_hook_validates_reports_written_in_this_process(
    capsys: pytest.CaptureFixture[str],
) -> None:
    before = report_schema.VALIDATED["report"]
    main(["check", "--example", "--format", "json"])
    capsys.readouterr()
    assert report_schema.VALIDATED["report"] == before + 1  # conftest's hook, not this test


# -- what the schema rejects -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_report() -> dict[str, object]:
    d = examples.load()
    buffer = io.StringIO()
    write_json(report_data(check(d), document=None), buffer)
    return json.loads(buffer.getvalue())  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("schema_version",), 1),
        (("summary", "errors"), -1),
        (("findings", 0, "expected"), 631.72),  # a float: never money
        (("findings", 0, "expected"), "6.3e2"),
        (("findings", 0, "severity"), "fatal"),
        (("findings", 0, "place", "line"), 0),
        (("findings", 0, "surprise"), True),
        (("read_problems",), [{"kind": "X", "message": "m"}]),
        (("surprise",), 1),
    ],
)
def test_the_schema_rejects(
    seed_report: dict[str, object], path: tuple[object, ...], value: object
) -> None:
    bad = copy.deepcopy(seed_report)
    node: object = bad
    for key in path[:-1]:
        node = node[key]  # type: ignore[index]
    node[path[-1]] = value  # type: ignore[index]
    with pytest.raises(jsonschema.ValidationError):
        report_schema.validate_report(bad)


def test_a_summary_that_does_not_add_up_is_caught(seed_report: dict[str, object]) -> None:
    bad = copy.deepcopy(seed_report)
    bad["summary"]["infos"] += bad["summary"]["residues"]  # type: ignore[index]
    with pytest.raises(AssertionError):
        report_schema.validate_report(bad)


def test_summary_counts_a_residue_once() -> None:
    report = check(examples.load())
    counts = summary_counts(report.findings)
    assert counts["residues"] == len(report.residues) > 0
    assert counts["infos"] == len(report.infos) - len(report.residues)
    assert sum(v for k, v in counts.items() if k != "findings") == counts["findings"] == len(report)
    assert report.summary() == golden.SUMMARY


def test_the_documented_example_is_valid() -> None:
    """docs/report-format.md's example validates (abridged: its summary is the whole report's)."""
    import re

    doc = (SRC.parent / "docs" / "report-format.md").read_text(encoding="utf-8")
    block = re.search(r"```json\n(.*?)```", doc, re.DOTALL)
    assert block is not None
    example = json.loads(block.group(1))
    jsonschema.Draft202012Validator(REPORT_SCHEMA).validate(example)
    assert example["schema_version"] == SCHEMA_VERSION
    summary = example["summary"]
    assert summary["findings"] == sum(summary[k] for k in ("errors", "warnings", "residues", "infos"))
