"""docs/notebook-guide.md is a notebook written out: run its code blocks, compare the outputs.

Each ```python block runs, in order, in one namespace from the repository root; what it prints
(or the repr of its last expression, as a notebook shows it) must be the ```text block under it.
"""

from __future__ import annotations

import ast
import contextlib
import io
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
GUIDE = ROOT / "docs" / "notebook-guide.md"
_BLOCKS = re.compile(r"```python\n(.*?)```\n+```text\n(.*?)```", re.DOTALL)


def _run(code: str, namespace: dict[str, object]) -> str:
    tree = ast.parse(code)
    last = tree.body[-1] if tree.body and isinstance(tree.body[-1], ast.Expr) else None
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        if last is None:
            exec(compile(tree, str(GUIDE), "exec"), namespace)  # noqa: S102 - the guide's code
        else:
            exec(compile(ast.Module(tree.body[:-1], []), str(GUIDE), "exec"), namespace)  # noqa: S102
            value = eval(compile(ast.Expression(last.value), str(GUIDE), "eval"), namespace)
            if value is not None:
                print(repr(value))
    return out.getvalue()


def test_every_output_of_the_notebook_guide_is_real(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("pandas")
    monkeypatch.chdir(ROOT)
    text = GUIDE.read_text(encoding="utf-8")
    blocks = _BLOCKS.findall(text)
    assert len(blocks) == text.count("```python") >= 10  # every code block has its output
    namespace: dict[str, object] = {}
    for code, shown in blocks:
        assert _run(code, namespace).rstrip() == shown.rstrip(), code
