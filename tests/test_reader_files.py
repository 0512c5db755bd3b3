"""Files on disk: the format told from the bytes, text decoding per line, empty and binary
files, several files read as one disclosure (--join), and the CLI on them."""

from __future__ import annotations

from pathlib import Path

import pytest

from govfin import examples
from govfin.cli import main
from govfin.readers import EmptyInputError
from govfin.readers.files import (
    UndecodableBytesError,
    UnreadableFileError,
    read_path,
    read_paths,
    sniff,
)

DATA = Path(__file__).parent / "data"
SEED = examples.text()


@pytest.mark.parametrize(
    ("head", "fmt"),
    [(b"%PDF-1.7\n", "pdf"), (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1xx", "xls"),
     ("收入".encode(), "text"), (b"\x7fELF\x00\x00", "binary")],
)
def test_sniff(head: bytes, fmt: str) -> None:
    assert sniff(head) == fmt


def test_format_from_the_bytes_not_the_name(tmp_path: Path) -> None:
    misnamed = tmp_path / "seed.pdf"  # text under a .pdf name
    misnamed.write_text(SEED, encoding="utf-8")
    assert read_path(misnamed).disclosure == examples.load()


def test_gb18030_text(tmp_path: Path) -> None:
    path = tmp_path / "seed.txt"
    path.write_bytes(SEED.encode("gb18030"))
    assert read_path(path).disclosure == examples.load()


def test_a_bad_byte_is_reported_at_its_line_and_the_rest_is_read(tmp_path: Path) -> None:
    lines = SEED.encode().split(b"\n")
    lines[5] = lines[5] + b"\xff"
    path = tmp_path / "seed.txt"
    path.write_bytes(b"\n".join(lines))
    result = read_path(path)
    bad = [e for e in result.errors if isinstance(e, UndecodableBytesError)]
    assert [e.line for e in bad] == [6]
    assert "seed.txt" in str(bad[0]) and "--encoding" in str(bad[0])
    assert result.disclosure.tables == examples.load().tables  # the rest read as before


def test_empty_and_binary_files(tmp_path: Path) -> None:
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    with pytest.raises(EmptyInputError, match="empty.pdf: the file is empty"):
        read_path(empty)
    binary = tmp_path / "a.txt"
    binary.write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)))
    with pytest.raises(UnreadableFileError, match="a.txt: not a text document"):
        read_path(binary)


def test_cli_exit_two_on_unreadable(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    assert main(["check", str(empty)]) == 2
    assert "empty.pdf: the file is empty" in capsys.readouterr().err


pdf = pytest.importorskip("pdfplumber")


def test_join_reads_two_files_as_one_disclosure() -> None:
    text = DATA / "pdf" / "js-zhengxie-2017-bumen-yusuan-text.pdf"
    tables = DATA / "pdf" / "js-zhengxie-2017-bumen-yusuan-tables.pdf"
    joined = read_paths([text, tables])
    alone = read_path(tables)
    assert [type(t) for t in joined.disclosure.tables] == [type(t) for t in alone.disclosure.tables]
    # the narrative file states the year, so the tables are read against the 2017 edition
    assert (joined.disclosure.year, alone.disclosure.year) == (2017, None)
    assert joined.disclosure.narrative.sections and not alone.disclosure.narrative.sections
    names = [s.name for s in joined.document.sources]
    assert names == [text.name, tables.name]
    # each file keeps its own page numbers in places
    assert all(p.startswith(tables.name) for t in joined.document.tables for p in t.pages)


def test_cli_join(capsys: pytest.CaptureFixture[str]) -> None:
    text = DATA / "pdf" / "js-zhengxie-2017-bumen-yusuan-text.pdf"
    tables = DATA / "pdf" / "js-zhengxie-2017-bumen-yusuan-tables.pdf"
    status = main(["check", "--join", str(text), str(tables)])
    out = capsys.readouterr().out
    assert status == 0  # no error in this document
    assert "document: 预算 · 江苏省政协办公厅 · 2017" in out and "read: 12 table(s)" in out


def test_standard_input(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(SEED.encode("gb18030"))))
    assert main(["check", "-"]) == 1  # the seed holds real errors
    assert capsys.readouterr().out.startswith("govfin check: 朔州经济开发区管理委员会综合办公室 2024")


def test_a_console_that_cannot_show_every_character(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    env = {**os.environ, "PYTHONIOENCODING": "gbk"}
    for fmt in ("text", "json"):
        run = subprocess.run(
            [sys.executable, "-m", "govfin", "check", "--example", "--format", fmt],
            capture_output=True, env=env, check=False,
        )
        assert run.returncode == 1, run.stderr  # errors found: never a crash, never exit 1 by one
        assert run.stdout and b"Traceback" not in run.stderr
    import json

    assert len(json.loads(run.stdout)["findings"]) > 0  # ASCII-safe JSON on a GBK console


def test_nothing_readable_exits_two(capsys: pytest.CaptureFixture[str]) -> None:
    narrative_only = DATA / "pdf" / "js-zhengxie-2017-bumen-yusuan-text.pdf"
    assert main(["check", str(narrative_only)]) == 2
    captured = capsys.readouterr()
    assert "no disclosure table" in captured.err and captured.out == ""


def test_an_unread_table_is_never_missing() -> None:
    from govfin.rules import check

    # 公开08's header made unreadable: the table is seen but its kind is known from its title
    text = SEED.replace("国有资本经营预算财政拨款支出决算表", "国有资本经营预算财政拨款支出决算表", 1)
    lines = text.split("\n")
    start = next(i for i, ln in enumerate(lines) if ln == "国有资本经营预算财政拨款支出决算表")
    title = lines[start]
    lines[start] = "某某某某表"  # a title no kind has; its header below is damaged too
    for i in range(start, start + 15):
        lines[i] = lines[i].replace("基本支出", "甲").replace("项目支出", "乙").replace("合计", "丙")
    result = read_path_text("\n".join(lines))
    d = result.disclosure
    assert d.table(title) is None and result.document.unread
    assert "某某某某表" in {u.title for u in result.document.unread}
    missing = [f for f in check(d).findings if f.rule_id == "K-missing"]
    assert missing and all(f.severity.value == "warning" for f in missing)
    assert all("could not be read" in f.message for f in missing)


def read_path_text(text: str):
    from govfin.readers import read_text

    return read_text(text)


def test_a_mixed_up_kind_is_a_clear_message() -> None:
    from govfin.readers import DocumentKindError, read_text

    text = SEED.replace("2024年度部门决算公开", "2024年度部门预算公开", 1)
    result = read_text(text)
    result.raise_if_unreadable()  # read, and checked as what its tables are
    mixed = [e for e in result.errors if isinstance(e, DocumentKindError)]
    assert len(mixed) == 1
    assert "calls itself a 预算 but its tables are 决算 tables; read as a 决算" in mixed[0].message
    assert result.disclosure.kind == "决算"
