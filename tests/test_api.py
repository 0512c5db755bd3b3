"""The public API: everything in ``govfin.__all__`` resolves, and importing is cheap."""

from __future__ import annotations

import subprocess
import sys

import pytest

import govfin


@pytest.mark.parametrize("name", govfin.__all__)
def test_public_name_resolves(name: str) -> None:
    assert getattr(govfin, name) is not None


def test_unknown_attribute() -> None:
    with pytest.raises(AttributeError, match="no_such"):
        govfin.no_such  # noqa: B018


def test_import_reads_no_data_and_loads_no_rules() -> None:
    """``import govfin`` imports neither the rule modules nor the code lists."""
    code = (
        "import sys, govfin;"
        "print(sorted(m for m in sys.modules if m.startswith('govfin')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "['govfin', 'govfin._version']"


def test_html_reprs() -> None:
    from seed_tables import seed_tables

    table = seed_tables()[1]
    html = table._repr_html_()
    assert "<table" in html and "631.71" in html and table.KIND in html
    report = govfin.check(table)
    rhtml = report._repr_html_()
    assert "<table" in rhtml and "R02-tree" in rhtml


def test_to_frame_of_tables_and_reports() -> None:
    pd = pytest.importorskip("pandas")
    from seed_tables import seed_tables

    from govfin.frames import to_frame

    table = seed_tables()[1]
    frame = to_frame(table)
    assert isinstance(frame, pd.DataFrame) and len(frame) == len(table.rows)
    report = govfin.check(table)
    assert len(to_frame(report)) == len(report)
