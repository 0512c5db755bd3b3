"""The documentation is self-contained: every link points into the repository.

Also checks that the suite runs the modules' doctests (pytest config), as CI relies on it, and
that every total of the seed's check quoted in the docs is the one the tests expect
(:mod:`golden`).
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import golden
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


#: A quoted report summary ("5 error(s), 25 warning(s), …") or claim summary ("109 claim(s): …"),
#: up to the end of the line, a "|" (table cell) or an ellipsis.
_SUMMARY = re.compile(r"\d+ error\(s\),[^|\n…]*|\d+ claim\(s\):[^|\n…]*")


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_quoted_seed_totals_are_the_expected_ones(page: Path) -> None:
    """Each summary of the seed's check quoted on a page is (the beginning of) the one
    ``tests/golden.py`` expects; a truncated quote ends in "…"."""
    for quoted in _SUMMARY.findall(page.read_text(encoding="utf-8")):
        quoted = quoted.strip().rstrip(",.")
        expected = golden.SUMMARY if "error(s)" in quoted else golden.CLAIM_SUMMARY
        assert expected.startswith(quoted), f"{page.name}: {quoted!r}, expected {expected!r}"
        assert len(quoted) > 20, quoted  # a quote, not an empty match
