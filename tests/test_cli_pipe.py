"""``govfin check --example -v | head -1``: a reader that stops early is not an error.

The command runs in a child process whose stdout is a pipe; the test reads one line and closes
its end.  The verbose report (about 66 kB) is larger than a pipe's buffer (64 kB on Linux), so
the child is still writing when the pipe closes and meets EPIPE for certain.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from govfin.cli import EXIT_OK

SRC = Path(__file__).resolve().parents[1] / "src"


def _run_and_close_early(*argv: str) -> tuple[bytes, int, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(SRC), env.get("PYTHONPATH")]))
    child = subprocess.Popen(
        [sys.executable, "-m", "govfin", *argv],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert child.stdout is not None and child.stderr is not None
    first = child.stdout.readline()
    child.stdout.close()  # like `head -1`: stop reading, close the pipe
    err = child.stderr.read().decode("utf-8")
    status = child.wait()
    return first, status, err


@pytest.mark.parametrize("argv", [("check", "--example", "-v"),
                                  ("check", "--example", "--format", "json")])
def test_output_into_a_pipe_closed_early(argv: tuple[str, ...]) -> None:
    first, status, err = _run_and_close_early(*argv)
    assert first.strip(), "the child printed nothing before the pipe closed"
    assert "Broken pipe" not in err and "Traceback" not in err, err
    assert err == ""
    assert status == EXIT_OK
