"""Lazy, once-only loading of the data files, and where they are found."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from govfin import codes
from govfin.codes import Scheme, _data

REPO = Path(__file__).resolve().parents[1]

_PROBE = textwrap.dedent(
    """
    import os, sys

    opened = []

    def hook(event, args):
        if event == "open" and args and isinstance(args[0], (str, bytes, os.PathLike)):
            path = os.fsdecode(args[0])
            if path.endswith(".tsv"):
                opened.append(os.path.basename(path))

    sys.addaudithook(hook)

    import govfin
    import govfin.codes
    import govfin.cli
    from govfin.codes import _data

    assert _data._cache == {}, _data._cache
    assert opened == [], opened
    assert govfin.codes.level_of("2010350").value == "项"  # digits only: still nothing read
    assert opened == [], opened

    govfin.codes.lookup("2010350")
    assert opened == ["functional-2024.tsv"], opened
    govfin.codes.lookup("2010301")
    govfin.codes.ancestors("2210201")
    govfin.codes.search("事业运行", scheme="functional")
    assert opened == ["functional-2024.tsv"], opened  # parsed once
    assert list(_data._cache) == [(govfin.codes.Scheme.FUNCTIONAL, 2024)]

    govfin.codes.lookup("30207")
    assert opened == ["functional-2024.tsv", "economic-dept-2024.tsv"], opened
    print("lazy-ok")
    """
)


def test_import_reads_nothing_and_first_lookup_reads_one_file() -> None:
    result = subprocess.run(
        [sys.executable, "-c", _PROBE],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        cwd=REPO,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "lazy-ok"


class _NoLock:
    """A stand-in for the loader's lock that does not lock (the control experiment)."""

    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None


def _race(monkeypatch: pytest.MonkeyPatch, threads: int = 8) -> tuple[list[str], list[object]]:
    """``threads`` first lookups of one edition released together; (names, parse calls).

    The parse is slowed down so that, without the lock, every thread would find the cache
    empty and parse the file itself: the test can only pass because of the lock.
    """
    monkeypatch.setattr(_data, "_cache", {})
    calls: list[tuple[Scheme, int]] = []
    real_parse = _data._parse
    barrier = threading.Barrier(threads)

    def slow_counting_parse(scheme: Scheme, year: int) -> _data.Edition:
        calls.append((scheme, year))
        time.sleep(0.05)
        return real_parse(scheme, year)

    monkeypatch.setattr(_data, "_parse", slow_counting_parse)
    results: list[str] = []

    def worker() -> None:
        barrier.wait()
        results.append(codes.lookup("2010350", 2025).name)

    started = [threading.Thread(target=worker) for _ in range(threads)]
    for thread in started:
        thread.start()
    for thread in started:
        thread.join()
    return results, list(calls)


def test_concurrent_first_lookups_parse_once(monkeypatch: pytest.MonkeyPatch) -> None:
    results, calls = _race(monkeypatch)
    assert results == ["事业运行"] * 8
    assert calls == [(Scheme.FUNCTIONAL, 2025)]


def test_the_race_is_real_without_the_lock(monkeypatch: pytest.MonkeyPatch) -> None:
    """Control: the same race with the lock disabled parses more than once."""
    monkeypatch.setattr(_data, "_lock", _NoLock())
    results, calls = _race(monkeypatch)
    assert results == ["事业运行"] * 8
    assert len(calls) > 1


def test_source_tree_data_dir_is_found() -> None:
    root = _data.data_dir()
    assert root.is_dir()
    names = {entry.name for entry in root.iterdir()}
    assert {"functional-2024.tsv", "economic-dept-2024.tsv"} <= names


def _packaged_copy(tmp_path: Path) -> Path:
    """A copy of the data where a wheel puts it (govfin/data/codes), with one visible change."""
    package = tmp_path / "govfin"
    shutil.copytree(REPO / "data" / "codes", package / "data" / "codes")
    # one visible difference, to prove this copy is the one read
    target = package / "data" / "codes" / "economic-dept-2024.tsv"
    target.write_text(
        target.read_text(encoding="utf-8").replace("30207\t邮电费", "30207\t邮电费（测试）"),
        encoding="utf-8",
    )
    return package


def test_packaged_data_dir_is_preferred(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Inside a zipped package the files sit at govfin/data/codes; importlib.resources finds them."""
    package = _packaged_copy(tmp_path)

    def fake_files(anchor: str) -> Path:
        assert anchor == "govfin"
        return package

    monkeypatch.setattr("importlib.resources.files", fake_files)
    # a package that is not a plain folder (govfin/ inside a zip file)
    monkeypatch.setattr(_data, "__file__", str(tmp_path / "site.zip" / "govfin" / "codes" / "_data.py"))
    monkeypatch.setattr(_data, "_root", [])
    monkeypatch.setattr(_data, "_cache", {})
    monkeypatch.setattr(_data, "_available", {})
    assert _data.data_dir() == package / "data" / "codes"
    assert codes.lookup("30207").name == "邮电费（测试）"
    assert codes.editions("economic") == (2017, 2024, 2025)


def test_packaged_data_dir_in_a_plain_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An unpacked wheel: govfin/data/codes beside the package's modules, found without
    importlib.resources (which is not asked)."""
    package = _packaged_copy(tmp_path)

    def no_files(anchor: str) -> Path:
        raise AssertionError("importlib.resources asked for a plain folder")

    monkeypatch.setattr("importlib.resources.files", no_files)
    monkeypatch.setattr(_data, "__file__", str(package / "codes" / "_data.py"))
    monkeypatch.setattr(_data, "_root", [])
    monkeypatch.setattr(_data, "_cache", {})
    monkeypatch.setattr(_data, "_available", {})
    assert _data.data_dir() == package / "data" / "codes"
    assert codes.lookup("30207").name == "邮电费（测试）"


def test_missing_data_dir_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("importlib.resources.files", lambda anchor: tmp_path)
    monkeypatch.setattr(_data, "__file__", str(tmp_path / "a" / "b" / "c" / "_data.py"))
    monkeypatch.setattr(_data, "_root", [])
    with pytest.raises(_data.DataFileError, match="not found"):
        _data.data_dir()


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        ("20103\t政府办公厅（室）及相关机构事务\t项\t", "level"),
        ("2010350\t事业运行\t项\t", "no parent"),
        ("30207\t邮电费\t款\t", "not a functional code"),
        ("201\t一般公共服务支出\t类\t\n201\t一般公共服务支出\t类\t", "duplicate"),
        ("201\t 一般公共服务支出\t类\t", "whitespace"),
        ("201\t一般公共服务支出\t类", "fields"),
        ("20l\t一般公共服务支出\t类\t", "malformed"),
    ],
)
def test_corrupt_files_are_rejected(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, row: str, problem: str
) -> None:
    (tmp_path / "functional-2024.tsv").write_text(
        f"# test file\ncode\tname\tlevel\tseen\n{row}\n", encoding="utf-8"
    )
    monkeypatch.setattr(_data, "_root", [tmp_path])
    monkeypatch.setattr(_data, "_cache", {})
    monkeypatch.setattr(_data, "_available", {})
    with pytest.raises(_data.DataFileError, match=problem):
        codes.lookup("201")
