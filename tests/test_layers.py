"""The layering of docs/architecture.md, enforced: nothing below imports anything above it.

Only module-level imports count; an import inside a function is a deliberate lazy call into a
layer above (``Disclosure.check()``, ``Report.to_json()``) and is allowed.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "govfin"

#: Layers from the bottom up, as in docs/architecture.md.
LAYERS: list[tuple[str, ...]] = [
    ("codes",),
    ("amounts",),
    ("findings",),
    ("performance",),
    ("tables",),
    ("narrative",),
    ("disclosure",),
    ("rules",),
    ("readers",),
]
#: Beside the stack: they may import any layer, and no layer imports them at module level.
BESIDE = {"serialize", "formatting", "html", "ratios", "frames", "strategies", "cli", "examples",
          "__main__"}


def _layer(module: str) -> int | None:
    top = module.split(".")[1] if module.startswith("govfin.") else None
    for i, names in enumerate(LAYERS):
        if top in names:
            return i
    return None


def _module_imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = []
    for node in tree.body:  # module level only (not `if TYPE_CHECKING:` blocks, not functions)
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out.append(node.module)
        elif isinstance(node, ast.Import):
            out.extend(a.name for a in node.names)
    return [m for m in out if m.startswith("govfin.")]


FILES = sorted(p for p in SRC.rglob("*.py"))


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(SRC)))
def test_no_upward_import(path: Path) -> None:
    module = "govfin." + ".".join(path.relative_to(SRC).with_suffix("").parts)
    here = _layer(module)
    for imported in _module_imports(path):
        top = imported.split(".")[1]
        if here is None:
            continue  # a module beside the stack may import anything
        assert top not in BESIDE, f"{module} imports {imported}, which sits beside the stack"
        there = _layer(imported)
        assert there is None or there <= here, f"{module} (layer {here}) imports {imported}"


def test_every_module_has_a_place() -> None:
    tops = {p.relative_to(SRC).parts[0].removesuffix(".py") for p in FILES}
    placed = {n for names in LAYERS for n in names} | BESIDE | {"__init__", "py"}
    assert tops <= placed, tops - placed
