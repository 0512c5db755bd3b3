"""The documentation is self-contained: every link points into the repository.

Also checks that the suite runs the modules' doctests (pytest config), as CI relies on it.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PAGES = sorted([REPO / "README.md", *(REPO / "docs").glob("*.md")])
SOURCES = sorted((REPO / "src" / "govfin").rglob("*.py"))

_LINK = re.compile(r"\]\(([^)\s]+)\)")
#: Names of notes that are not part of the repository; nothing may cite them.
_OUTSIDE = re.compile(r"rules-research|checks-catalogue|research note|shared/(?:design|reference)")


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_links_point_into_the_repository(page: Path) -> None:
    for target in _LINK.findall(page.read_text(encoding="utf-8")):
        if re.match(r"[a-z]+://|mailto:", target):
            continue  # a public web address
        path = target.split("#", 1)[0]
        if not path:
            continue  # an anchor on the same page
        assert (page.parent / path).resolve().exists(), f"{page.name}: broken link {target}"


@pytest.mark.parametrize("path", [*PAGES, *SOURCES], ids=lambda p: str(p.relative_to(REPO)))
def test_nothing_cites_notes_outside_the_repository(path: Path) -> None:
    found = _OUTSIDE.search(path.read_text(encoding="utf-8"))
    assert found is None, f"{path.relative_to(REPO)} cites {found.group(0)!r}"


def test_the_suite_runs_the_module_doctests() -> None:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    pytest_config = config["tool"]["pytest"]["ini_options"]
    assert "src/govfin" in pytest_config["testpaths"]
    assert "--doctest-modules" in pytest_config["addopts"]
