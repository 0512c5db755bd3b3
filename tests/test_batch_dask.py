"""Batch checking on a Dask cluster (issue 17): a real 2-worker LocalCluster when
``govfin[dask]`` is installed; the missing-extra message either way."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from govfin import batch, examples
from govfin.cli import EXIT_ERROR, main


def test_without_dask_the_error_names_the_extra(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed: ImportError
    with pytest.raises(batch.MissingExtraError, match=r"pip install 'govfin\[dask\]'"):
        batch.dask_client("tcp://127.0.0.1:8786")
    (tmp_path / "a.txt").write_text(examples.text(), encoding="utf-8")
    status = main(["check", str(tmp_path), "--scheduler", "tcp://127.0.0.1:8786"])
    err = capsys.readouterr().err
    assert status == EXIT_ERROR
    assert err.startswith("govfin: error:") and "govfin[dask]" in err


def test_a_local_dask_cluster_gives_the_results_of_one_process(tmp_path: Path) -> None:
    distributed = pytest.importorskip(
        "distributed",
        reason="dask.distributed is not installed (pip install 'govfin[dask]'): the Dask path "
        "was NOT run",
    )
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text(examples.text(), encoding="utf-8")
    (tmp_path / "sub" / "b.txt").write_text(examples.text(), encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    docs = batch.find_documents([tmp_path])
    one = sorted((r.to_json() for r in batch.check_paths(docs)), key=lambda o: o["path"])
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        got = list(batch.check_paths(docs, executor=client, window=2))
        # the command line, on the same cluster by its address
        out = tmp_path / "out.jsonl"
        status = main(
            [
                "check",
                str(tmp_path),
                "--scheduler",
                cluster.scheduler_address,
                "--format",
                "jsonl",
                "-o",
                str(out),
            ]
        )
    assert sorted((r.to_json() for r in got), key=lambda o: o["path"]) == one
    assert {r.status for r in got} == {"checked", "unreadable"}
    assert status == batch.EXIT_UNREADABLE
    lines = out.read_text(encoding="utf-8").splitlines()
    assert sorted((json.loads(line) for line in lines), key=lambda o: o["path"]) == one
