"""``govfin check`` over folders and several files, and ``--format html`` (issues 17, 18)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import golden
import html_tree
import pytest

from govfin import examples
from govfin.cli import EXIT_ERROR, EXIT_FINDINGS, EXIT_USAGE, main

PDF = Path(__file__).parent / "data" / "pdf" / "js-renda-2017-bumen-yusuan.pdf"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "docs"
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_text(examples.text(), encoding="utf-8")
    (root / "sub" / "b.txt").write_text(examples.text(), encoding="utf-8")
    (root / "broken.xlsx").write_bytes(b"PK\x03\x04 a damaged workbook")
    return root


def test_a_folder_is_a_batch(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "check", str(folder))
    assert status == EXIT_ERROR  # one document unreadable
    lines = out.splitlines()
    assert len(lines) == 3
    assert any(line.startswith(str(folder / "broken.xlsx") + ": unreadable: ") for line in lines)
    seed = next(line for line in lines if line.startswith(str(folder / "a.txt")))
    assert f"朔州经济开发区管理委员会综合办公室 2024: {golden.ERRORS} error(s)" in seed
    assert "documents: 3" in err and "unreadable:    1" in err


def test_jsonl_to_standard_output_is_only_jsonl(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / "broken.xlsx").unlink()
    status, out, err = run(capsys, "check", str(folder), "--format", "jsonl")
    assert status == EXIT_FINDINGS
    objs = [json.loads(line) for line in out.splitlines()]
    assert [Path(o["path"]).name for o in objs] == ["a.txt", "b.txt"]
    assert "documents: 2" in err


def test_jobs_two_writes_what_one_process_writes(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    one, two = tmp_path / "1.jsonl", tmp_path / "2.jsonl"
    assert run(capsys, "check", str(folder), "--format", "jsonl", "-o", str(one))[0] == 2
    assert run(capsys, "check", str(folder), "-j", "2", "--format", "jsonl", "-o", str(two))[0] == 2

    def objs(p: Path) -> list[dict[str, object]]:
        lines = p.read_text(encoding="utf-8").splitlines()
        return sorted((json.loads(line) for line in lines), key=lambda o: str(o["path"]))

    assert objs(two) == objs(one) and len(objs(one)) == 3


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["--example", "--format", "jsonl"], "--example is one document"),
        (["--example", "--jobs", "2"], "--example is one document"),
        (["{folder}", "--format", "json"], "use jsonl"),
        (["{folder}", "--jobs", "0"], "1 or more"),
        (["{folder}", "--resume", "--format", "jsonl"], "--resume needs --output"),
        (["{folder}", "--format", "html"], "needs --output FOLDER"),
        (["{folder}", "{folder}/nowhere", "--format", "jsonl"], "no such file or folder"),
    ],
)
def test_batch_usage_errors(
    argv: list[str], words: str, folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run(capsys, "check", *(a.format(folder=folder) for a in argv))
    # options that contradict each other: a usage error; a path that does not exist: unreadable
    assert status == (EXIT_ERROR if "nowhere" in argv[1:] or "{folder}/nowhere" in argv else EXIT_USAGE)
    assert err.startswith("govfin: error:") and words in err, err
    assert out == ""


def test_jobs_and_scheduler_exclude_each_other(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, err = run(capsys, "check", str(folder), "-j", "2", "--scheduler", "tcp://x:1")
    assert status == EXIT_USAGE and "not allowed with" in err


def test_html_of_the_example(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "report.html"
    status, stdout, _ = run(capsys, "check", "--example", "--format", "html", "-o", str(out))
    assert status == EXIT_FINDINGS and stdout == ""
    page = out.read_text(encoding="utf-8")
    tree = html_tree.parse(page)
    rules = {n.get("data-rule") for n in tree.iter() if n.get("data-fid")}
    assert {"E-rate", "E-balance"} <= rules
    assert "seed_2024.txt" in page and "电脑耗材" in page
    assert not list(tmp_path.glob("*.part"))


def test_html_of_a_pdf_names_the_pages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, stdout, _ = run(capsys, "check", str(PDF), "--format", "html")
    assert status == EXIT_FINDINGS  # its 情况说明 holds real defects (test_budget_narrative_corpus)
    tree = html_tree.parse(stdout)
    findings = [n for n in tree.iter() if n.get("data-fid")]
    assert findings
    for f in findings:
        assert (f.get("data-pages") or "").startswith(f"{PDF.name} p.")
    cells = [n.get("data-page") for n in tree.iter() if n.get("data-cell")]
    assert cells and all(p and p.startswith(f"{PDF.name} p.") for p in cells)


def test_html_of_several_files_is_a_folder(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copy(PDF, folder / PDF.name)
    site = tmp_path / "site"
    files = [str(folder / "a.txt"), str(folder / PDF.name)]
    status, _, _ = run(capsys, "check", *files, "--format", "html", "-o", str(site))
    assert status == EXIT_FINDINGS
    assert sorted(p.name for p in site.iterdir()) == [
        "001-a.html",
        "002-js-renda-2017-bumen-yusuan.html",
        "index.html",
    ]
    index = html_tree.parse((site / "index.html").read_text(encoding="utf-8"))
    assert sorted(a.get("href") or "" for a in index.iter() if a.tag == "a") == [
        "001-a.html",
        "002-js-renda-2017-bumen-yusuan.html",
    ]


def test_text_to_an_output_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "report.txt"
    status, stdout, _ = run(capsys, "check", "--example", "-o", str(out))
    assert status == EXIT_FINDINGS and stdout == ""
    assert out.read_text(encoding="utf-8").startswith("govfin check: 朔州经济开发区")


def test_a_usage_error_leaves_the_output_alone(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text('{"earlier": "run"}\n', encoding="utf-8")
    status, _, err = run(
        capsys, "check", str(folder), "-j", "0", "--format", "jsonl", "-o", str(out)
    )
    assert status == EXIT_USAGE and "1 or more" in err
    assert out.read_text(encoding="utf-8") == '{"earlier": "run"}\n'
