"""The foundation of issue 2: package metadata, README quick start, CI script, and the wheel.

The wheel test builds the real wheel (pip + hatchling, in a temporary directory) and looks a
code up from the unpacked wheel alone, so ``data/codes`` is proven to ship inside it here too,
not only in ``.ci/run``.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
README = REPO / "README.md"
CI = REPO / ".ci" / "run"
DATA_FILES = {
    f"{stem}-{year}.tsv"
    for stem in ("functional", "economic-dept", "economic-gov")
    for year in (2024, 2025)
} | {"functional-2017.tsv", "economic-dept-2017.tsv"}


def _pyproject() -> dict[str, object]:
    return tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))


def _requirement_names(requirements: list[str]) -> set[str]:
    return {re.split(r"[<>=!~\[; ]", r, maxsplit=1)[0].lower() for r in requirements}


# -- package -----------------------------------------------------------------------------------


def test_top_level_layout() -> None:
    for name in ("pyproject.toml", "README.md", "src/govfin", "tests", "docs", "data/codes"):
        assert (REPO / name).exists(), name
    assert (REPO / "src" / "govfin" / "py.typed").is_file()
    assert {p.name for p in (REPO / "data" / "codes").glob("*.tsv")} == DATA_FILES


def test_pyproject_build_python_dependencies_and_extras() -> None:
    meta = _pyproject()
    build = meta["build-system"]
    assert isinstance(build, dict) and build["build-backend"] == "hatchling.build"
    project = meta["project"]
    assert isinstance(project, dict)
    assert project["requires-python"] == ">=3.11"
    assert _requirement_names(project["dependencies"]) == {"attrs", "cattrs", "babel"}
    extras = project["optional-dependencies"]
    assert {"pytest", "hypothesis"} <= _requirement_names(extras["test"])
    dev = _requirement_names(extras["dev"])
    assert {"ruff", "mypy"} <= dev and ("govfin" in dev or {"pytest", "hypothesis"} <= dev)
    if "govfin" in dev:  # the self-reference must pull in the test extra
        assert any(r.replace(" ", "").startswith("govfin[test") for r in extras["dev"])
    wheel = meta["tool"]["hatch"]["build"]["targets"]["wheel"]  # type: ignore[index]
    assert wheel["force-include"]["data/codes"] == "govfin/data/codes"


def test_public_api_is_listed() -> None:
    import govfin
    from govfin import codes

    assert "codes" not in govfin.__all__ or govfin.codes is codes
    for name in codes.__all__:
        assert getattr(codes, name) is not None, name
    assert {"lookup", "get", "check_name", "search", "diff", "DEFAULT_EDITION"} <= set(codes.__all__)


# -- README ------------------------------------------------------------------------------------


def _quick_start() -> str:
    text = README.read_text(encoding="utf-8")
    match = re.search(r"^## Quick start\n(.*?)(?=^## )", text, re.MULTILINE | re.DOTALL)
    assert match, "README has no '## Quick start' section"
    return match.group(1)


def test_readme_quick_start_has_exactly_two_commands() -> None:
    # shell blocks only (an untagged block shows output, not a command)
    blocks = re.findall(r"```(?:sh|bash|shell|console)\n(.*?)```", _quick_start(), re.DOTALL)
    commands = [line for block in blocks for line in block.splitlines() if line.strip()]
    assert len(blocks) == 2 and len(commands) == 2, commands
    run, test = commands
    assert run.startswith("pip install ") and "govfin" in run
    assert test.startswith("pip install ") and "[test]" in test and "pytest" in test


def test_readme_has_a_python_example() -> None:
    text = README.read_text(encoding="utf-8")
    example = re.search(r"```python\n(.*?)```", text, re.DOTALL)
    assert example and "codes.lookup" in example.group(1)


# -- CI ----------------------------------------------------------------------------------------


def test_ci_runs_the_readme_test_command_and_installs_the_wheel() -> None:
    assert CI.is_file() and os.access(CI, os.X_OK)
    script = CI.read_text(encoding="utf-8")
    test_command = re.findall(r"```sh\n(.*?)\n```", _quick_start(), re.DOTALL)[1]
    assert test_command in script.splitlines(), "the README test command, verbatim"
    assert "set -e" in script
    # the wheel is built, installed NOT editable into a fresh venv, and asked for a code
    assert re.search(r"-m venv .*wheel", script)
    assert "pip\" wheel" in script or "pip wheel" in script
    install = [line for line in script.splitlines() if re.search(r"pip\"? install .*\.whl", line)]
    assert install and all(" -e " not in line for line in install)
    assert "codes.lookup(" in script


def test_catalogue_is_kept_in_sync_by_the_suite_ci_runs() -> None:
    # CI runs the whole suite; tests/test_engine.py compares docs/rules.md with the registry
    engine_tests = (REPO / "tests" / "test_engine.py").read_text(encoding="utf-8")
    assert "def test_catalogue_in_sync" in engine_tests


def test_docs_pages() -> None:
    index = (REPO / "docs" / "index.md").read_text(encoding="utf-8")
    for page in ("architecture.md", "classification.md", "tables.md", "tolerance.md"):
        assert (REPO / "docs" / page).is_file()
        assert f"]({page})" in index, page


# -- the wheel ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(REPO)],
        capture_output=True,
        text=True,
        check=False,
    )
    if built.returncode != 0:  # pragma: no cover - depends on the machine
        pytest.skip(f"cannot build a wheel here (no hatchling?): {built.stderr[-500:]}")
    (path,) = out.glob("govfin-*.whl")
    return path


def test_wheel_ships_the_code_lists_and_py_typed(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {f"govfin/data/codes/{name}" for name in DATA_FILES} <= names
    assert "govfin/py.typed" in names
    assert not any(name.startswith(("tests/", "data/")) for name in names)


def test_lookup_from_the_unpacked_wheel_alone(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    probe = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        "import govfin; from govfin import codes; from govfin.codes import _data;"
        "assert govfin.__file__.startswith(sys.argv[1]), govfin.__file__;"
        "print(codes.lookup('2010350').name, codes.lookup('30101', 2025).name,"
        " str(_data.data_dir()).startswith(sys.argv[1]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe, str(site)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=tmp_path,  # away from the source tree
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["事业运行", "基本工资", "True"]
