"""Intra-table rules, generated from the equations each table kind declares as data.

For every concrete table kind (``Table.KINDS``) this module registers:

- one rule per :class:`~govfin.tables.base.RowEquation` (checked on every row),
- one rule per :class:`~govfin.tables.base.Equation` (between fixed cells),
- one rule for its :class:`~govfin.tables.base.Rollup` along the code tree, if any;

and, for every table with coded rows, the classification rules ``C-code`` (code unknown in
the document's edition), ``C-name`` (printed name differs from the official one), ``C-dup``
(the same code twice) and ``C-orphan`` (a row whose parent row is missing).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from govfin import codes
from govfin.findings import Category, Cell, Severity
from govfin.rules.engine import Context
from govfin.rules.registry import REGISTRY, Rule
from govfin.tables import Table
from govfin.tables.base import CLASS_ROWS, Equation, Rollup, RowEquation


def _row_equation(eq: RowEquation, table: Table, ctx: Context) -> None:
    for row in table.rows:
        if row.blank:
            continue
        ctx.equation(
            table.cell(row.key, eq.total),
            [table.cell(row.key, c) for c in eq.plus],
            [table.cell(row.key, c) for c in eq.minus],
            what=f"{eq.zh} (row {row.key})",
        )


def _expand(table: Table, refs: tuple[tuple[str, str], ...]) -> list[Cell]:
    cells: list[Cell] = []
    for key, column in refs:
        if key == CLASS_ROWS:
            cells.extend(
                table.cell(r.key, column)
                for r in table.rows
                if r.code is not None and len(r.code) == 3
            )
        else:
            cells.append(table.cell(key, column))
    return cells


def _equation(eq: Equation, table: Table, ctx: Context) -> None:
    ctx.equation(
        table.cell(*eq.total), _expand(table, eq.plus), _expand(table, eq.minus), what=eq.zh
    )


def _rollup(ru: Rollup, table: Table, ctx: Context) -> None:
    columns = table.COLUMNS if ru.columns is None else ru.columns
    by_code: dict[str, list[str]] = {}
    present: set[str] = set()
    for r in table.rows:
        if r.code is None or r.code in present:
            continue
        present.add(r.code)
        if len(r.code) > 3:
            by_code.setdefault(r.code[:-2], []).append(r.code)
    tops = [r.code for r in table.rows if r.code is not None and len(r.code) == 3]
    tops = list(dict.fromkeys(tops))
    for column in columns:
        if ru.total is not None and table.get(ru.total) is not None:
            ctx.equation(
                table.cell(ru.total, column),
                [table.cell(c, column) for c in tops],
                what=f"{ru.total} = Σ类 (column {column})",
            )
        for parent, kids in by_code.items():
            if parent not in present:
                continue  # reported once by C-orphan
            ctx.equation(
                table.cell(parent, column),
                [table.cell(k, column) for k in kids],
                what=f"{parent} = Σ children (column {column})",
            )


def _register(rule_id: str, zh: str, en: str, category: Category, severity: Severity,
              cls: type[Table], func: Callable[[Table, Context], None], source: str) -> None:
    REGISTRY.register(
        Rule(
            id=rule_id,
            title_zh=zh,
            title_en=en,
            category=category,
            severity=severity,
            tables=(cls.KIND,),
            subject=cls,
            func=func,
            source=source,
        )
    )


def _register_kind(cls: type[Table]) -> None:
    for req in cls.ROW_EQUATIONS:
        _register(req.id, req.zh, req.en, Category.PARTITION, req.severity, cls,
                  partial(_row_equation, req), req.source)
    for eq in cls.EQUATIONS:
        category = Category.BALANCE if eq.minus else Category.PARTITION
        _register(eq.id, eq.zh, eq.en, category, eq.severity, cls, partial(_equation, eq),
                  eq.source)
    if cls.ROLLUP is not None:
        ru = cls.ROLLUP
        _register(ru.id, ru.zh, ru.en, Category.ROLLUP, ru.severity, cls, partial(_rollup, ru),
                  ru.source)


for _cls in list(Table.KINDS.values()):
    _register_kind(_cls)


# -- classification ---------------------------------------------------------------------------


def _edition(table: Table, ctx: Context) -> int:
    return ctx.options.year or table.meta.year or codes.DEFAULT_YEAR


_ALL_KINDS = tuple(Table.KINDS)


def _has_codes(table: Table) -> bool:
    return any(r.code is not None for r in table.rows)


def _code_known(table: Table, ctx: Context) -> None:
    """Every row code exists in the classification edition of the document's year."""
    if not _has_codes(table):
        return
    year = _edition(table, ctx)
    for r in table.coded_rows():
        assert r.code is not None
        try:
            codes.lookup(r.code, year)
        except codes.UnknownEditionError as exc:
            ctx.emit(f"codes not checked: {exc}", place=table.place(r.key),
                     severity=Severity.WARNING)
            return
        except codes.CodeError as exc:
            ctx.emit(str(exc), place=table.place(r.key, "科目代码"))


def _name_official(table: Table, ctx: Context) -> None:
    """A printed row name equals the official name of its code (modulo spaces, brackets)."""
    if not _has_codes(table):
        return
    year = _edition(table, ctx)
    for r in table.coded_rows():
        assert r.code is not None
        if not r.name:
            continue
        try:
            result = codes.check_name(r.code, r.name, year)
        except codes.CodeError:
            continue  # reported by C-code
        if not result.ok:
            ctx.emit(
                f"printed name {r.name!r} differs from the official {result.official!r}",
                place=table.place(r.key, "科目名称"),
            )


def _duplicates(table: Table, ctx: Context) -> None:
    """A code appears in one row only."""
    seen: set[str] = set()
    for r in table.coded_rows():
        assert r.code is not None
        if r.code in seen:
            ctx.emit(f"code {r.code} appears more than once", place=table.place(r.key))
        seen.add(r.code)


def _orphans(table: Table, ctx: Context) -> None:
    """Every 款/项 row has its parent row in the table."""
    present = {r.code for r in table.coded_rows()}
    for r in table.coded_rows():
        assert r.code is not None
        if len(r.code) > 3 and r.code[:-2] not in present:
            ctx.emit(
                f"row {r.code} has no parent row {r.code[:-2]}",
                place=table.place(r.key),
            )


for _id, _zh, _en, _sev, _func in (
    ("C-code", "科目代码须存在于当年科目表", "row code exists in the year's classification",
     Severity.ERROR, _code_known),
    ("C-name", "科目名称与官方名称一致", "printed name matches the official name",
     Severity.WARNING, _name_official),
    ("C-dup", "科目代码不得重复", "no code appears twice", Severity.ERROR, _duplicates),
    ("C-orphan", "下级科目须有上级科目行", "every child row has its parent row",
     Severity.ERROR, _orphans),
):
    REGISTRY.register(
        Rule(
            id=_id,
            title_zh=_zh,
            title_en=_en,
            category=Category.CLASSIFICATION,
            severity=_sev,
            tables=_ALL_KINDS,
            subject=Table,
            func=_func,
            source="《政府收支分类科目》 (edition of the document's year)",
        )
    )
