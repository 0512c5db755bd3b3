"""Validation of every JSON report the tests produce, against the shipped JSON Schema.

:func:`validate_report` (``govfin check --format json``), :func:`validate_batch_line` (one line
of ``--format jsonl``) and :func:`validate_score` (``govfin score --format json``) raise
``jsonschema.ValidationError`` naming the bad path.  ``conftest.py`` wraps the writers of these
outputs for every test run in this process (so each report a test produces is validated as it
is written); tests that run ``govfin`` in a child process call the functions themselves.
"""

from __future__ import annotations

import functools
import json
from typing import Any

import jsonschema

from govfin.serialize import report_schema

#: Reports validated so far in this test process, by kind (the hooks count; tests check > 0).
VALIDATED: dict[str, int] = {"report": 0, "batch_line": 0, "score": 0}


@functools.cache
def _validator(definition: str | None) -> jsonschema.Draft202012Validator:
    schema = report_schema()
    if definition is not None:
        schema = {**schema, "$ref": f"#/$defs/{definition}"}
        for key in ("required", "properties", "additionalProperties", "type"):
            schema.pop(key, None)
    return jsonschema.Draft202012Validator(schema)


def _check(data: Any, definition: str | None, kind: str) -> Any:
    if isinstance(data, (str, bytes)):
        data = json.loads(data)
    _validator(definition).validate(data)
    VALIDATED[kind] += 1
    return data


def validate_report(data: Any) -> dict[str, Any]:
    """``data`` (a JSON text or its parsed object) against the report schema; also checks that
    the summary adds up to the findings.  Returns the parsed object."""
    out = _check(data, None, "report")
    s = out["summary"]
    assert s["errors"] + s["warnings"] + s["residues"] + s["infos"] == s["findings"]
    assert s["findings"] == len(out["findings"])
    assert s["read_problems"] == len(out["read_problems"])
    if any(p["withheld"] for p in out["read_problems"]):
        assert s["withheld"] > 0  # a problem that withheld findings: they are counted
    severities = [f["severity"] for f in out["findings"]]
    assert s["errors"] == severities.count("error")
    assert s["warnings"] == severities.count("warning")
    assert s["residues"] + s["infos"] == severities.count("info")
    return out  # type: ignore[no-any-return]


def validate_batch_line(data: Any) -> dict[str, Any]:
    """One line of ``--format jsonl`` against the schema's ``batch_line``."""
    return _check(data, "batch_line", "batch_line")  # type: ignore[no-any-return]


def validate_score(data: Any) -> dict[str, Any]:
    """``govfin score --format json`` against the schema's ``score_report``."""
    return _check(data, "score_report", "score")  # type: ignore[no-any-return]
