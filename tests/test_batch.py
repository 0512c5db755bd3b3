"""Batch checking (issue 17): folders of documents, jsonl/csv, resume, processes, summary."""

from __future__ import annotations

import concurrent.futures
import csv
import io
import json
import shutil
from decimal import Decimal
from pathlib import Path
from typing import Any

import html_tree
import pytest

import govfin
from govfin import batch, examples
from govfin.batch import CSV_COLUMNS, DocumentResult, check_paths

PDF = Path(__file__).parent / "data" / "pdf" / "js-renda-2017-bumen-yusuan.pdf"


def clean_seed() -> str:
    """The seed without its 附件 (the self-evaluations) and the 绩效 paragraph: no errors."""
    text = examples.text()
    head = text[: text.index("第五部分 附件\n\n办公用品")]
    head = head.replace(
        head[head.index("（四）预算绩效情况说明") : head.index("第四部分 名词解释")], ""
    )
    # … and its contents' entry of 第五部分 附件 (else: a cut document, READ-cut)
    return "\n".join(ln for ln in head.split("\n") if not ln.startswith("第五部分 附件\t"))


@pytest.fixture(scope="module")
def seed_counts() -> dict[str, int]:
    """The seed's counts from the one-document API (independent of the batch code)."""
    r = govfin.check(examples.load())
    return {
        "errors": len(r.errors),
        "warnings": len(r.warnings),
        "residues": len(r.residues),
        "infos": len(r.infos),
    }


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Two copies of the seed (one in a subfolder), an empty file, binary junk, a PDF, and
    files a folder search must leave alone."""
    root = tmp_path / "docs"
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_text(examples.text(), encoding="utf-8")
    (root / "sub" / "b.txt").write_text(examples.text(), encoding="utf-8")
    (root / "empty.txt").write_bytes(b"")
    (root / "junk.pdf").write_bytes(b"\x00\x01\x02 not a pdf at all \x00" * 10)
    shutil.copy(PDF, root / "sub" / PDF.name)
    (root / "README.md").write_text("not a disclosure", encoding="utf-8")
    (root / ".hidden.txt").write_text(examples.text(), encoding="utf-8")
    (root / ".git").mkdir()
    (root / ".git" / "c.txt").write_text(examples.text(), encoding="utf-8")
    return root


def by_path(results: list[DocumentResult]) -> dict[str, DocumentResult]:
    return {Path(r.path).name: r for r in results}


def test_find_documents_searches_folders_for_what_govfin_reads(folder: Path) -> None:
    docs = batch.find_documents([folder])
    names = [Path(d[0]).relative_to(folder).as_posix() for d in docs]
    assert names == ["a.txt", "empty.txt", "junk.pdf", "sub/b.txt", f"sub/{PDF.name}"]
    assert all(len(d) == 1 for d in docs)
    # a file named is read whatever its name; named twice, checked once
    again = batch.find_documents([folder / "README.md", folder / "README.md", folder / "a.txt"])
    assert [Path(d[0]).name for d in again] == ["README.md", "a.txt"]
    joined = batch.find_documents([folder / "sub"], join=True)
    assert len(joined) == 1 and len(joined[0]) == 2
    with pytest.raises(FileNotFoundError, match="nowhere"):
        batch.find_documents([folder / "nowhere"])


def test_a_batch_checks_every_document_and_reports_the_bad_ones(
    folder: Path, seed_counts: dict[str, int]
) -> None:
    results = by_path(list(check_paths(batch.find_documents([folder]))))
    assert set(results) == {"a.txt", "b.txt", "empty.txt", "junk.pdf", PDF.name}
    for name in ("a.txt", "b.txt"):
        r = results[name]
        assert r.status == "checked" and r.counts == seed_counts
        assert r.document is not None and r.document["kind"] == "决算"
        assert r.document["department"] == "朔州经济开发区管理委员会综合办公室"
        assert r.exit_status == batch.EXIT_FINDINGS
        assert len(r.findings) == sum(seed_counts[k] for k in ("errors", "warnings", "infos"))
    for name in ("empty.txt", "junk.pdf"):
        r = results[name]
        assert r.status == "unreadable" and r.why and r.exit_status == batch.EXIT_UNREADABLE
        assert not r.findings and r.counts == {}
    assert "Empty" in (results["empty.txt"].why or "")
    pdf = results[PDF.name]
    assert pdf.status == "checked" and pdf.document is not None
    assert pdf.document["kind"] == "预算" and pdf.document["year"] == 2017
    # a PDF's findings carry the page they are printed on
    pages = [f["page"] for f in pdf.findings]
    assert pages and all(p and p.startswith(f"{PDF.name} p.") for p in pages)


def test_jsonl_one_object_per_document(folder: Path, seed_counts: dict[str, int]) -> None:
    out = folder.parent / "out.jsonl"
    status = batch.run([folder], fmt="jsonl", output=str(out), stderr=io.StringIO())
    assert status == batch.EXIT_UNREADABLE
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 5
    objs = [json.loads(line) for line in lines]
    for o in objs:
        assert set(o) == {
            "path",
            "paths",
            "status",
            "why",
            "document",
            "counts",
            "read_problems",
            "findings",
        }
    seed = next(o for o in objs if o["path"].endswith("a.txt"))
    assert seed["counts"] == seed_counts
    e_rate = [f for f in seed["findings"] if f["rule_id"] == "E-rate"]
    assert any(
        f["place"]["table"].endswith("电脑耗材") and f["expected"] == "25.88" for f in e_rate
    )
    assert sum(f["residue"] for f in seed["findings"]) == seed_counts["residues"]


def test_csv_one_row_per_finding(folder: Path, seed_counts: dict[str, int]) -> None:
    out = folder.parent / "out.csv"
    batch.run([folder], fmt="csv", output=str(out), stderr=io.StringIO())
    rows = list(csv.reader(out.open(encoding="utf-8", newline="")))
    assert tuple(rows[0]) == CSV_COLUMNS
    table = [dict(zip(CSV_COLUMNS, r, strict=True)) for r in rows[1:]]
    seed = [r for r in table if r["path"].endswith("a.txt")]
    assert len(seed) == sum(seed_counts[k] for k in ("errors", "warnings", "infos"))
    assert [int(r["finding"]) for r in seed] == list(range(1, len(seed) + 1))
    assert {r["of"] for r in seed} == {str(len(seed))}
    assert {(r["kind"], r["department"], r["year"]) for r in seed} == {
        ("决算", "朔州经济开发区管理委员会综合办公室", "2024")
    }
    assert sum(r["severity"] == "error" for r in seed) == seed_counts["errors"]
    assert sum(r["residue"] == "yes" for r in seed) == seed_counts["residues"]
    office = [r for r in seed if r["rule_id"] == "E-rate" and r["table"].endswith("电脑耗材")]
    assert office and office[0]["expected"] == "25.88" and office[0]["actual"] == "25.98"
    # an unreadable document: one row, the finding columns empty, why given
    empty = [r for r in table if r["path"].endswith("empty.txt")]
    assert len(empty) == 1 and empty[0]["status"] == "unreadable" and empty[0]["why"]
    assert empty[0]["rule_id"] == ""
    pdf = [r for r in table if r["path"].endswith(".pdf") and r["status"] == "checked"]
    assert pdf and all(r["page"].startswith(PDF.name) for r in pdf)


def _jsonl_by_path(path: Path) -> dict[str, Any]:
    objs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    paths = [o["path"] for o in objs]
    assert len(paths) == len(set(paths)), "a document written twice"
    return {o["path"]: o for o in objs}


def test_resume_jsonl_after_an_interrupted_run(folder: Path) -> None:
    full = folder.parent / "full.jsonl"
    batch.run([folder], fmt="jsonl", output=str(full), stderr=io.StringIO())
    lines = full.read_text(encoding="utf-8").splitlines(keepends=True)
    # interrupted: two documents written, the third cut in the middle of its line
    part = folder.parent / "part.jsonl"
    part.write_text(lines[0] + lines[1] + lines[2][: len(lines[2]) // 2], encoding="utf-8")
    err = io.StringIO()
    status = batch.run([folder], fmt="jsonl", output=str(part), resume=True, stderr=err)
    assert status == batch.EXIT_UNREADABLE  # the summary counts the earlier documents too
    assert "documents: 5 (2 from the earlier run)" in err.getvalue()
    assert _jsonl_by_path(part) == _jsonl_by_path(full)
    # resuming a finished run checks nothing more
    err = io.StringIO()
    batch.run([folder], fmt="jsonl", output=str(part), resume=True, stderr=err)
    assert "documents: 5 (5 from the earlier run)" in err.getvalue()
    assert _jsonl_by_path(part) == _jsonl_by_path(full)


def test_resume_csv_rewrites_a_document_cut_between_its_rows(folder: Path) -> None:
    full = folder.parent / "full.csv"
    batch.run([folder], fmt="csv", output=str(full), stderr=io.StringIO())
    lines = full.read_text(encoding="utf-8").splitlines(keepends=True)
    order = list(dict.fromkeys(line.split(",")[0] for line in lines[1:]))
    assert Path(order[3]).name == "b.txt"  # a.txt, empty.txt, junk.pdf, then b.txt
    # interrupted after ten of b.txt's rows (it has over a hundred)
    start = next(i for i, line in enumerate(lines) if line.startswith(order[3] + ","))
    part = folder.parent / "part.csv"
    part.write_text("".join(lines[: start + 10]), encoding="utf-8")
    done = batch.done_in(part, "csv")
    assert [r.path for r in done] == order[:3]
    assert done[0].counts == by_path(list(check_paths([[order[0]]])))["a.txt"].counts
    assert part.read_text(encoding="utf-8") == "".join(lines[:start])  # cut back
    batch.run([folder], fmt="csv", output=str(part), resume=True, stderr=io.StringIO())
    got = part.read_text(encoding="utf-8").splitlines()
    assert got[0] == lines[0].rstrip("\n") and got.count(got[0]) == 1  # one header
    assert sorted(got) == sorted(line.rstrip("\n") for line in lines)


def test_resume_needs_an_output_and_a_line_format(folder: Path) -> None:
    with pytest.raises(govfin.errors.ArgumentValueError, match="--output"):
        batch.run([folder], fmt="jsonl", resume=True, stderr=io.StringIO())
    with pytest.raises(govfin.errors.ArgumentValueError, match="jsonl or csv"):
        batch.run([folder], fmt="html", output=str(folder.parent / "h"), resume=True)


def _same(results: list[DocumentResult]) -> list[dict[str, Any]]:
    return sorted((r.to_json() for r in results), key=lambda o: o["path"])


def test_two_processes_give_the_results_of_one(folder: Path) -> None:
    docs = batch.find_documents([folder])
    one = list(check_paths(docs))
    with concurrent.futures.ProcessPoolExecutor(2) as pool:
        two = list(check_paths(docs, executor=pool, window=2))
    assert _same(two) == _same(one)


class FakeExecutor:
    """A concurrent.futures-style executor that runs each task at once in this process; the
    task of a path named ``crash*`` raises, as a worker that died would."""

    def __init__(self) -> None:
        self.submitted = 0

    def submit(self, fn: Any, *args: Any) -> concurrent.futures.Future[Any]:
        self.submitted += 1
        future: concurrent.futures.Future[Any] = concurrent.futures.Future()
        if Path(args[0][0]).name.startswith("crash"):
            future.set_exception(RuntimeError("worker lost"))
        else:
            future.set_result(fn(*args))
        return future


def test_any_executor_and_a_lost_worker(folder: Path) -> None:
    (folder / "crash.txt").write_text(clean_seed(), encoding="utf-8")
    docs = batch.find_documents([folder])
    fake = FakeExecutor()
    got = by_path(list(check_paths(docs, executor=fake, window=2)))
    assert fake.submitted == len(docs) == 6
    crash = got["crash.txt"]
    assert crash.status == "unreadable" and "worker failed RuntimeError: worker lost" in (
        crash.why or ""
    )
    assert _same([r for n, r in got.items() if n != "crash.txt"]) == _same(
        [r for r in check_paths(docs) if not r.path.endswith("crash.txt")]
    )


def test_exit_status_of_a_batch(tmp_path: Path) -> None:
    clean = tmp_path / "clean"
    clean.mkdir()
    (clean / "a.txt").write_text(clean_seed(), encoding="utf-8")
    (clean / "b.txt").write_text(clean_seed(), encoding="utf-8")
    assert batch.run([clean], fmt="jsonl", output=str(tmp_path / "1"), stderr=io.StringIO()) == 0
    (clean / "c.txt").write_text(examples.text(), encoding="utf-8")
    assert batch.run([clean], fmt="jsonl", output=str(tmp_path / "2"), stderr=io.StringIO()) == 1
    (clean / "d.txt").write_text("这不是一份决算公开文件。\n" * 5, encoding="utf-8")
    assert batch.run([clean], fmt="jsonl", output=str(tmp_path / "3"), stderr=io.StringIO()) == 2


def test_summary_names_the_unreadable_and_the_rules(folder: Path) -> None:
    err = io.StringIO()
    batch.run([folder], fmt="jsonl", output=str(folder.parent / "o"), stderr=err)
    text = err.getvalue()
    assert "documents: 5" in text
    assert "  read:          3" in text and "  unreadable:    2" in text
    assert "  with errors:   3" in text
    assert f"unreadable: {folder / 'empty.txt'}: EmptyInputError" in text
    assert "junk.pdf" in text
    rules = text.split("rules that fired most (errors and warnings):\n")[1].splitlines()
    counts = [int(line.split()[-1]) for line in rules]
    assert counts == sorted(counts, reverse=True) and len(rules) == 5
    assert "\r" not in text  # StringIO is no terminal: no progress bar


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_only_on_a_terminal() -> None:
    ticks = iter([0.0, 1.0, 2.0, 3.0])
    tty = Tty()
    p = batch.Progress(4, tty, clock=lambda: next(ticks))
    p.update(DocumentResult("a", ("a",), counts={"errors": 1}))
    p.update(DocumentResult("b", ("b",), "unreadable", "why"))
    p.close()
    text = tty.getvalue()
    assert text.startswith("\r[") and text.endswith("\n")
    last = text.strip().split("\r")[-1]
    assert "2/4" in last and "1.0 doc/s" in last and "ETA 0:02" in last
    assert "errors 1" in last and "unreadable 1" in last
    quiet = io.StringIO()
    q = batch.Progress(4, quiet)
    q.update(DocumentResult("a", ("a",)))
    q.close()
    assert quiet.getvalue() == ""


def test_html_batch_writes_a_page_per_document_and_the_index(folder: Path) -> None:
    out = folder.parent / "site"
    status = batch.run([folder], fmt="html", output=str(out), stderr=io.StringIO())
    assert status == batch.EXIT_UNREADABLE
    index = html_tree.parse((out / "index.html").read_text(encoding="utf-8"))
    rows = index.select("tr", data_path=None) or []
    rows = [n for n in index.iter() if n.tag == "tr" and n.get("data-path")]
    assert len(rows) == 5
    links = [a.get("href") for a in index.iter() if a.tag == "a"]
    assert len(links) == 3  # the three readable documents
    for link in links:
        assert link is not None
        page = (out / link).read_text(encoding="utf-8")
        assert page.startswith("<!DOCTYPE html>")
        html_tree.parse(page)
    unread = [r for r in rows if "unreadable" in r.text]
    assert len(unread) == 2
    assert not list(out.glob("*.part"))


def test_to_frame(folder: Path, seed_counts: dict[str, int]) -> None:
    pytest.importorskip("pandas")
    results = list(check_paths(batch.find_documents([folder])))
    frame = batch.to_frame(results)
    assert len(frame) == sum(len(r.findings) for r in results)
    seed = frame[frame["path"].str.endswith("a.txt")]
    assert (seed["severity"] == "error").sum() == seed_counts["errors"]
    assert isinstance(seed["expected"].dropna().iloc[0], Decimal)
    assert set(frame["year"].dropna()) == {2024, 2017}


def test_the_batch_benchmark_still_runs(tmp_path: Path) -> None:
    """Only that it runs (tiny sizes, in a subprocess); the numbers live in performance.md."""
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[1]
    out = tmp_path / "b.json"
    proc = subprocess.run(
        [
            sys.executable,
            str(root / "benchmarks" / "batch.py"),
            "--kinds",
            "text",
            "--sizes",
            "2",
            "--json",
            str(out),
        ],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    rows = json.loads(out.read_text(encoding="utf-8"))["rows"]
    assert [(r["kind"], r["documents"]) for r in rows] == [("text", 2)]
    assert {"1 process", "2 processes"} <= set(rows[0])
    assert "250,000 documents" in proc.stdout


def test_a_killed_run_resumes_to_the_whole_output(tmp_path: Path) -> None:
    """Kill a real batch (SIGKILL, no clean-up) after some documents; --resume completes it
    to exactly what an uninterrupted run writes."""
    import os
    import signal
    import subprocess
    import sys
    import time

    root = Path(__file__).resolve().parents[1]
    folder = tmp_path / "docs"
    folder.mkdir()
    for i in range(40):
        (folder / f"{i:02d}.txt").write_text(examples.text(), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(root / "src"), *sys.path])}
    cmd = [sys.executable, "-m", "govfin", "check", str(folder), "--format", "jsonl", "-o"]
    proc = subprocess.Popen([*cmd, str(out)], env=env, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if out.exists() and out.read_bytes().count(b"\n") >= 3:
            break
        time.sleep(0.005)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    written = out.read_bytes().count(b"\n")
    assert written >= 3
    err = io.StringIO()
    batch.run([folder], fmt="jsonl", output=str(out), resume=True, stderr=err)
    assert "documents: 40 (" in err.getvalue()
    full = tmp_path / "full.jsonl"
    batch.run([folder], fmt="jsonl", output=str(full), stderr=io.StringIO())
    assert _jsonl_by_path(out) == _jsonl_by_path(full)
