"""Jupyter shows a Disclosure and a Report with the HTML report's renderer."""

from __future__ import annotations

from typing import Any

from govfin import examples
from govfin.html.jupyter import disclosure_html, register, report_html
from govfin.rules import check


class _Formatter:
    def __init__(self) -> None:
        self.types: dict[type, Any] = {}

    def for_type(self, cls: type, fn: Any) -> None:
        self.types[cls] = fn


class _IPython:
    def __init__(self) -> None:
        self.display_formatter = type("D", (), {"formatters": {"text/html": _Formatter()}})()


def test_register_gives_jupyter_the_renderer_for_both_types() -> None:
    ip = _IPython()
    assert register(ip)
    types = ip.display_formatter.formatters["text/html"].types
    d = examples.load()
    from govfin.disclosure import Disclosure
    from govfin.findings import Report

    page = types[Disclosure](d)
    assert page.startswith("<div") and 'class="govfin' in page and "m-error" in page
    assert "电脑耗材" in page  # the 自评表 with its marked cell
    report_page = types[Report](check(d))
    assert "E-rate" in report_page


def test_fragments_are_a_scoped_div_and_its_script() -> None:
    d = examples.load()
    for html in (disclosure_html(d), report_html(check(d))):
        assert html.startswith('<div class="govfin">') and html.rstrip().endswith("</script>")
        assert "<html" not in html and "<body" not in html  # a fragment, not a page
