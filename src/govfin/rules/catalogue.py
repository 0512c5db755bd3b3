"""The rules catalogue (docs/rules.md), generated from the registry.

``python -m govfin.rules.catalogue > docs/rules.md`` regenerates it; a test fails when the file
and the registry disagree, so the catalogue cannot drift from the code.
"""

from __future__ import annotations

from govfin.findings import Category
from govfin.rules.registry import REGISTRY, Registry

__all__ = ["render"]

_HEADER = """\
# Rules catalogue

Generated from the rule registry by `python -m govfin.rules.catalogue > docs/rules.md`;
do not edit by hand (a test keeps this file in sync with the code).

Every rule has a stable id.  Severity is the default; a check run may override it
(`govfin.check(obj, severity={"R07-2": "error"})`) or switch a rule off (`None`).
Ids: `R01-…`–`R10-…` relations inside one table (`R` + the table's number + a serial),
`R0x-tree` code-tree rollups, `C-…` classification, `X…` cross-table, `N-…` narrative,
`E-…` 项目支出绩效自评, `K-…` completeness, `Y-…` the year the document states.
"""


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render(registry: Registry = REGISTRY) -> str:
    """The catalogue as Markdown: one section per category, one table row per rule."""
    out = [_HEADER]
    rules = list(registry)
    out.append(f"{len(rules)} rules.\n")
    for category in Category:
        group = [r for r in rules if r.category is category]
        if not group:
            continue
        out.append(f"## {category.value}\n")
        out.append("| id | 规则 | rule | severity | tables | source |")
        out.append("| --- | --- | --- | --- | --- | --- |")
        for r in group:
            tables = "all" if len(r.tables) > 4 else ", ".join(r.tables)
            out.append(
                f"| `{r.id}` | {_cell(r.title_zh)} | {_cell(r.title_en)} | {r.severity.value} "
                f"| {_cell(tables)} | {_cell(r.source)} |"
            )
        out.append("")
    changed = [r for r in rules if r.changed]
    if changed:
        out.append("## Changes\n")
        out.append("New rules and changed default severities, with the reason.\n")
        out.append("| id | severity | change |")
        out.append("| --- | --- | --- |")
        for r in changed:
            out.append(f"| `{r.id}` | {r.severity.value} | {_cell(r.changed)} |")
        out.append("")
    return "\n".join(out)


if __name__ == "__main__":  # pragma: no cover
    print(render(), end="")
