"""User-supplied classification supplements (issue 16): codes govfin lacks, added from a file.

The code used throughout, 2010398 虚构补充项目（测试用）, is fictitious on purpose: a well-formed
项 under the shipped 款 20103, which govfin holds incomplete (it is not in the ``# complete:``
lines of functional-2024.tsv), so a document printing it draws a C-code warning until a
supplement adds it.  The document is the seed with its 2010350 事业运行 rows recoded to it.
"""

from __future__ import annotations

import concurrent.futures
import json
import multiprocessing
import os
import pickle
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from govfin import codes, examples
from govfin.batch import CheckOptions, check_paths
from govfin.cli import EXIT_OK, EXIT_UNREADABLE, main
from govfin.codes import _data, _supplement
from govfin.readers import read_text
from govfin.rules import check

SRC = Path(__file__).resolve().parents[1] / "src"
HEADER = "# scheme: functional        edition: 2024\n"
COLUMNS = "code\tname\tlevel\tseen\n"
FAKE = "2010398"
FAKE_NAME = "虚构补充项目（测试用）"
FAKE_LINE = f"{FAKE}\t{FAKE_NAME}\t项\tgovfin测试用虚构科目\n"


@pytest.fixture(autouse=True)
def _nothing_in_force(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.delenv(codes.ENVIRONMENT_VARIABLE, raising=False)
    codes.remove_supplements()
    yield
    codes.remove_supplements()


def write(folder: Path, body: str, name: str = "supplement.tsv", header: str = HEADER) -> Path:
    path = folder / name
    path.write_text(header + body, encoding="utf-8")
    return path


@pytest.fixture
def supplement(tmp_path: Path) -> Path:
    return write(tmp_path, COLUMNS + FAKE_LINE)


def recoded_seed() -> str:
    text = examples.text("seed_2024")
    assert "2010350\t事业运行" in text and FAKE not in text
    return text.replace("2010350\t事业运行", f"{FAKE}\t{FAKE_NAME}")


@pytest.fixture(scope="module")
def document_text() -> str:
    return recoded_seed()


def code_findings(text: str, code: str) -> list[str]:
    report = check(read_text(text).disclosure)
    return [
        f"{f.rule_id}/{f.severity.value}"
        for f in report.findings
        if f.place is not None and f.place.row == code
    ]


# -- a document's finding ------------------------------------------------------------------------


def test_a_supplement_removes_the_warning_of_a_code_govfin_lacks(
    supplement: Path, document_text: str
) -> None:
    printed = document_text.count(f"{FAKE}\t")  # the tables that print the recoded row
    assert printed >= 2
    assert code_findings(document_text, FAKE) == ["C-code/warning"] * printed
    loaded = codes.load_supplement(supplement)
    assert codes.supplements() == (loaded,)
    assert code_findings(document_text, FAKE) == []
    codes.remove_supplements()
    assert code_findings(document_text, FAKE) == ["C-code/warning"] * printed


def test_the_supplements_name_is_the_official_one(tmp_path: Path, document_text: str) -> None:
    other = write(tmp_path, COLUMNS + f"{FAKE}\t另一个虚构名称\t项\tgovfin测试用虚构科目\n")
    codes.load_supplement(other)
    printed = document_text.count(f"{FAKE}\t")
    assert code_findings(document_text, FAKE) == ["C-name/warning"] * printed


def test_an_incomplete_part_stays_incomplete_unless_declared(tmp_path: Path) -> None:
    sibling = "2010397"  # another fictitious 项 of 20103
    codes.load_supplement(write(tmp_path, COLUMNS + FAKE_LINE))
    assert not codes.complete_under("20103")
    gap = codes.check_code(sibling)
    assert not gap.ok and not gap.certain
    codes.remove_supplements()
    declared = codes.load_supplement(write(tmp_path, "# complete: 20103\n" + COLUMNS + FAKE_LINE))
    assert declared.complete == frozenset({"20103"})
    assert codes.complete_under("20103")
    wrong = codes.check_code(sibling)
    assert not wrong.ok and wrong.certain  # now a C-code error, not a warning
    assert codes.check_code(FAKE).ok


# -- every query sees it -------------------------------------------------------------------------


def test_every_query_sees_a_supplement(supplement: Path) -> None:
    assert not codes.exists(FAKE) and codes.get(FAKE) is None
    with pytest.raises(codes.UnknownCodeError):
        codes.lookup(FAKE)
    loaded = codes.load_supplement(supplement)
    entry = codes.lookup(FAKE)
    assert (entry.name, entry.level, entry.edition) == (FAKE_NAME, codes.Level.ITEM, 2024)
    assert entry.seen == ("govfin测试用虚构科目",) and entry.supplement == f"{supplement}:3"
    assert codes.get(FAKE) == entry and codes.exists(FAKE)
    assert entry in codes.children("20103") and entry in codes.descendants("201")
    assert entry in codes.all_codes("functional", 2024)
    assert codes.parent(FAKE) == codes.lookup("20103")
    assert [a.code for a in codes.ancestors(FAKE)] == ["201", "20103"]
    assert codes.check_name(FAKE, "虚构补充项目(测试用)").ok  # half-width brackets tolerated
    assert not codes.check_name(FAKE, "虚构补充项目").ok
    assert codes.search("虚构补充") == [entry]
    assert codes.find_by_name(FAKE_NAME, level="项") == [entry]
    found = codes.check_code(FAKE)
    assert found.ok and found.certain and found.entry == entry
    assert codes.check_code(FAKE, 2019).ok  # a year whose stand-in is 2024
    assert not codes.exists(FAKE, 2025)  # the supplement is for 2024 only
    assert FAKE in [c.code for c in codes.diff(2025, 2024).added]
    assert loaded.entries == (entry,) and loaded.restated == ()


def test_a_supplement_may_restate_what_govfin_ships(tmp_path: Path) -> None:
    body = COLUMNS + "20103\t政府办公厅(室)及相关机构事务\t款\t财政厅2024年科目表\n" + FAKE_LINE
    loaded = codes.load_supplement(write(tmp_path, body))
    assert loaded.restated == ("20103",) and [c.code for c in loaded.entries] == [FAKE]
    assert codes.lookup("20103").name == "政府办公厅（室）及相关机构事务"  # the shipped entry
    assert codes.lookup("20103").supplement is None


def test_a_new_section_and_its_items_across_two_files(tmp_path: Path) -> None:
    first = write(tmp_path, COLUMNS + "20197\t虚构款（测试用）\t款\t虚构来源甲\n", "a.tsv")
    second = write(tmp_path, COLUMNS + "2019701\t虚构项（测试用）\t项\t虚构来源乙\n", "b.tsv")
    with pytest.raises(codes.MalformedSupplementError, match="parent 20197"):
        codes.read_supplement(second)  # alone, its parent is nowhere
    a, b = codes.load_supplement(first), codes.load_supplement(second)
    assert codes.supplements() == (a, b)
    assert [c.code for c in codes.children("20197")] == ["2019701"]
    with pytest.raises(codes.SupplementError, match="parent 20197"):
        codes.remove_supplements(first)  # b rests on it: nothing changes
    assert codes.supplements() == (a, b)
    assert codes.remove_supplements(second) == (b,)
    assert codes.supplements() == (a,) and not codes.exists("2019701")
    assert codes.load_supplement(first) is a  # the same file twice: once in force
    assert codes.read_supplement(first) == a  # checked against the others, not itself
    first.write_text(HEADER + COLUMNS + "20197\t虚构款（改名）\t款\t虚构来源甲\n", encoding="utf-8")
    with pytest.raises(codes.SupplementError, match="already in force with other content"):
        codes.load_supplement(first)


def test_supplemented_restores_what_was_in_force(tmp_path: Path, supplement: Path) -> None:
    other = write(tmp_path, COLUMNS + "2010397\t另一虚构项\t项\t虚构来源\n", "other.tsv")
    before = (codes.load_supplement(supplement),)
    generation = codes.generation()
    with codes.supplemented(other) as (inside,):
        assert codes.supplements() == (*before, inside) and codes.exists("2010397")
        assert codes.generation() != generation
    assert codes.supplements() == before and not codes.exists("2010397")


def test_a_supplement_is_plain_picklable_data(supplement: Path) -> None:
    loaded = codes.read_supplement(supplement)
    assert codes.supplements() == ()  # read, not put in force
    again = pickle.loads(pickle.dumps(loaded))
    assert again == loaded
    assert codes.use_supplements([again]) == (again,) and codes.exists(FAKE)
    data = loaded.to_dict()
    assert data["added"] == [FAKE] and data["edition"] == 2024 and data["scheme"] == "functional"
    assert data["sha256"] == loaded.sha256 and len(loaded.sha256) == 64


def test_encodings_excel_writes(tmp_path: Path) -> None:
    text = HEADER + COLUMNS + FAKE_LINE
    for name, encoding in (("bom.tsv", "utf-8-sig"), ("unicode.tsv", "utf-16")):
        (tmp_path / name).write_bytes(text.replace("\n", "\r\n").encode(encoding))
        assert [c.code for c in codes.read_supplement(tmp_path / name).entries] == [FAKE]
    (tmp_path / "gbk.tsv").write_bytes(text.encode("gb18030"))
    with pytest.raises(codes.MalformedSupplementError, match="not UTF-8"):
        codes.read_supplement(tmp_path / "gbk.tsv")


# -- errors: typed, naming file and line -----------------------------------------------------------


def test_a_conflicting_name_is_an_error_naming_file_and_line(tmp_path: Path) -> None:
    body = COLUMNS + FAKE_LINE + "2010350\t虚构的另一个名称\t项\t某文件\n"
    path = write(tmp_path, body)
    with pytest.raises(codes.SupplementConflictError) as caught:
        codes.load_supplement(path)
    error = caught.value
    assert (error.path, error.line, error.code, error.edition) == (str(path), 4, "2010350", 2024)
    assert f"{path}:4" in str(error) and "事业运行" in str(error)
    assert isinstance(error, codes.CodeError) and isinstance(error, ValueError)
    assert codes.supplements() == () and not codes.exists(FAKE)  # nothing half in force


def test_a_conflict_with_a_supplement_in_force_names_its_line(tmp_path: Path) -> None:
    codes.load_supplement(write(tmp_path, COLUMNS + FAKE_LINE, "a.tsv"))
    other = write(tmp_path, COLUMNS + f"{FAKE}\t不同的虚构名称\t项\t某文件\n", "b.tsv")
    with pytest.raises(codes.SupplementConflictError, match=r"a\.tsv:3"):
        codes.load_supplement(other)


@pytest.mark.parametrize(
    ("body", "line", "message"),
    [
        (COLUMNS + "20103x\t名称\t项\t来源\n", 3, "only the digits"),
        (COLUMNS + "201039\t名称\t项\t来源\n", 3, "6 digits"),
        (COLUMNS + "2010398\t名称\t款\t来源\n", 3, "should be 项"),
        (COLUMNS + "2010398\t名称\t项\t\n", 3, "no evidence"),
        (COLUMNS + "2010398\t名称\t项\t , \n", 3, "no evidence"),
        (COLUMNS + "2010398\t\t项\t来源\n", 3, "empty or quoted name"),
        (COLUMNS + '2010398\t"名称"\t项\t来源\n', 3, "empty or quoted name"),
        (COLUMNS + "2010398\t名称\t项\n", 3, "3 tab-separated field"),
        (COLUMNS + "30298\t名称\t款\t来源\n", 3, "economic code"),
        (COLUMNS + FAKE_LINE + "\n" + FAKE_LINE, 5, "listed twice"),
        (COLUMNS + "2019798\t名称\t项\t来源\n", 3, "parent 20197"),
        ("code\tname\tlevel\n" + FAKE_LINE, 2, "column row"),
        ("code\tname\tlevel\tseen\t备注\n" + FAKE_LINE, 2, "column row"),
        ("# complete: 2010350\n" + COLUMNS + FAKE_LINE, 2, "not a 类 or 款"),
        ("# complete: 20197\n" + COLUMNS + FAKE_LINE, 2, "not a 类 or 款"),
    ],
)
def test_malformed_lines_are_typed_errors(
    tmp_path: Path, body: str, line: int, message: str
) -> None:
    path = write(tmp_path, body)
    with pytest.raises(codes.MalformedSupplementError, match=message) as caught:
        codes.load_supplement(path)
    assert caught.value.path == str(path) and caught.value.line == line
    assert str(caught.value).startswith(f"{path}:{line}: ")
    assert codes.supplements() == ()


def test_the_file_must_say_its_list_and_edition(tmp_path: Path) -> None:
    bare = write(tmp_path, COLUMNS + FAKE_LINE, header="")
    with pytest.raises(codes.MalformedSupplementError, match="edition: 2024"):
        codes.load_supplement(bare)
    assert codes.load_supplement(bare, scheme="functional", edition=2024).edition == 2024
    codes.remove_supplements()
    with pytest.raises(codes.MalformedSupplementError, match="edition 2024, not 2025"):
        codes.load_supplement(write(tmp_path, COLUMNS + FAKE_LINE), edition=2025)
    unshipped = write(tmp_path, COLUMNS + FAKE_LINE, header=HEADER.replace("2024", "2019"))
    with pytest.raises(codes.SupplementError, match="no 2019 edition") as caught:
        codes.load_supplement(unshipped)
    assert caught.value.line == 1
    with pytest.raises(codes.MalformedSupplementError, match="unknown scheme"):
        codes.load_supplement(write(tmp_path, COLUMNS, header="# scheme: revenue edition: 2024\n"))
    with pytest.raises(codes.SupplementError, match="cannot read"):
        codes.load_supplement(tmp_path / "missing.tsv")


# -- GOVFIN_CODES ------------------------------------------------------------------------------


def test_the_environment_variable_in_a_fresh_process(tmp_path: Path) -> None:
    first = write(tmp_path, COLUMNS + "20197\t虚构款（测试用）\t款\t虚构来源甲\n", "a.tsv")
    second = write(tmp_path, COLUMNS + "2019701\t虚构项（测试用）\t项\t虚构来源乙\n", "b.tsv")
    env = {
        **os.environ,
        "PYTHONPATH": str(SRC),
        codes.ENVIRONMENT_VARIABLE: os.pathsep.join([str(first), "", str(second)]),
    }
    script = (
        "from govfin import codes\n"
        "print(codes.lookup('2019701').name)\n"
        "print(' '.join(s.path for s in codes.supplements()))\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    )
    assert run.stdout.splitlines() == ["虚构项（测试用）", f"{first} {second}"]


def test_a_bad_file_in_the_environment_fails_every_query(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, supplement: Path
) -> None:
    bad = write(tmp_path, COLUMNS + "2010350\t虚构的另一个名称\t项\t某文件\n", "bad.tsv")
    monkeypatch.setenv(codes.ENVIRONMENT_VARIABLE, f"{supplement}{os.pathsep}{bad}")
    monkeypatch.setattr(_data, "_first_use", [_supplement._from_environment])  # a fresh process
    for _ in range(2):  # not only the first: never silently without the supplements named
        with pytest.raises(codes.SupplementConflictError, match=f"{bad}:3.*GOVFIN_CODES"):
            codes.lookup("2010350")
    assert codes.remove_supplements() == ()  # the way out; the variable is not read again
    assert codes.lookup("2010350").name == "事业运行" and not codes.exists(FAKE)


def test_the_environment_adds_to_what_is_loaded_later(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, supplement: Path
) -> None:
    other = write(tmp_path, COLUMNS + "2010397\t另一虚构项\t项\t虚构来源\n", "other.tsv")
    monkeypatch.setenv(codes.ENVIRONMENT_VARIABLE, str(supplement))
    monkeypatch.setattr(_data, "_first_use", [_supplement._from_environment])
    loaded = codes.load_supplement(other)
    assert [s.path for s in codes.supplements()] == [str(supplement), str(other)]
    assert codes.supplements()[-1] == loaded and codes.exists(FAKE)


# -- command line ------------------------------------------------------------------------------


def test_check_codes_option(
    tmp_path: Path, supplement: Path, document_text: str, capsys: pytest.CaptureFixture[str]
) -> None:
    document = tmp_path / "document.txt"
    document.write_text(document_text, encoding="utf-8")
    main(["check", str(document)])
    without = capsys.readouterr().out
    assert f"row {FAKE}, column 科目代码" in without
    codes.remove_supplements()
    main(["check", str(document), "--codes", str(supplement)])
    out = capsys.readouterr().out
    assert f"row {FAKE}, column 科目代码" not in out
    assert f"codes supplemented by {supplement} (functional 2024: 1 code(s) added)" in out
    codes.remove_supplements()
    main(["check", str(document), "--codes", str(supplement), "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    (listed,) = data["document"]["code_supplements"]
    assert listed["path"] == str(supplement) and listed["added"] == [FAKE]
    assert not any(f["place"]["row"] == FAKE for f in data["findings"])


def test_code_and_codes_options(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first = write(tmp_path, COLUMNS + "20197\t虚构款（测试用）\t款\t虚构来源甲\n", "a.tsv")
    second = write(tmp_path, COLUMNS + "2019701\t虚构项（测试用）\t项\t虚构来源乙\n", "b.tsv")
    argv = ["--codes", str(first), "--codes", str(second)]
    assert main(["codes", "--under", "20197", *argv]) == EXIT_OK
    assert capsys.readouterr().out.split() == ["20197", "虚构款（测试用）", "2019701", "虚构项（测试用）"]
    codes.remove_supplements()
    assert main(["code", "2019701", *argv]) == EXIT_OK
    out = capsys.readouterr().out
    assert "虚构来源乙" in out and f"supplement: {second}:3" in out


def test_a_bad_supplement_on_the_command_line_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = write(tmp_path, COLUMNS + "2010350\t虚构的另一个名称\t项\t某文件\n")
    assert main(["check", "--example", "--codes", str(bad)]) == EXIT_UNREADABLE
    assert f"{bad}:3" in capsys.readouterr().err
    assert main(["code", "2010350", "--codes", str(tmp_path / "none.tsv")]) == EXIT_UNREADABLE
    assert "cannot read" in capsys.readouterr().err


# -- batch workers -------------------------------------------------------------------------------


def test_spawned_workers_check_against_the_same_supplements(
    tmp_path: Path, supplement: Path, document_text: str
) -> None:
    """A spawned process shares no memory and GOVFIN_CODES is not set: the supplements in
    force here reach it through the options (check_paths fills them)."""
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(document_text, encoding="utf-8")
    docs = [(str(tmp_path / "a.txt"),), (str(tmp_path / "b.txt"),)]
    context = multiprocessing.get_context("spawn")

    def c_codes(options: CheckOptions) -> list[int]:
        with concurrent.futures.ProcessPoolExecutor(2, mp_context=context) as pool:
            results = list(check_paths(docs, options, executor=pool))
        assert all(r.status == "checked" for r in results)
        return [sum(f["rule_id"] == "C-code" for f in r.findings) for r in results]

    assert c_codes(CheckOptions()) == [document_text.count(f"{FAKE}\t")] * 2
    loaded = codes.load_supplement(supplement)
    assert c_codes(CheckOptions()) == [0, 0]
    # what the worker reports is the supplements it checked against
    options = CheckOptions(codes=(loaded,))
    with concurrent.futures.ProcessPoolExecutor(1, mp_context=context) as pool:
        (result,) = check_paths(docs[:1], options, executor=pool)
    assert result.document is not None
    assert result.document["code_supplements"] == [loaded.to_dict()]


def test_dask_workers_check_against_the_same_supplements(
    tmp_path: Path, supplement: Path, document_text: str
) -> None:
    distributed = pytest.importorskip(
        "distributed",
        reason="dask.distributed is not installed (pip install 'govfin[dask]'): the Dask path "
        "was NOT run",
    )
    folder = tmp_path / "documents"
    folder.mkdir()
    (folder / "a.txt").write_text(document_text, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    with (
        distributed.LocalCluster(
            n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
    ):
        argv = ["check", str(folder), "--scheduler", cluster.scheduler_address]
        main([*argv, "--format", "jsonl", "-o", str(out)])
        (without,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
        main([*argv, "--codes", str(supplement), "--format", "jsonl", "-o", str(out)])
        (line,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    rows = [f["place"]["row"] for f in without["findings"] if f["rule_id"] == "C-code"]
    assert rows == [FAKE] * document_text.count(f"{FAKE}\t")
    assert not any(f["rule_id"] == "C-code" for f in line["findings"])
    assert [s["path"] for s in line["document"]["code_supplements"]] == [str(supplement)]
    assert "code_supplements" not in without["document"]


def test_the_html_report_names_the_supplements_in_force(
    supplement: Path, document_text: str
) -> None:
    from govfin.html import render_report

    disclosure = read_text(document_text).disclosure
    page = render_report(check(disclosure), disclosure)
    assert 'data-meta="code-supplements"' not in page
    codes.load_supplement(supplement)
    page = render_report(check(disclosure), disclosure)
    assert f'data-meta="code-supplements">{supplement} (+1)</dd>' in page
