"""One root for every exception: ``except govfin.GovfinError`` catches whatever govfin raises.

Two checks: every exception class defined in ``src/govfin`` derives from
:class:`govfin.GovfinError` (and keeps its builtin base), and no module raises a bare builtin
exception where a govfin one is meant.
"""

from __future__ import annotations

import ast
import importlib
import inspect
from pathlib import Path

import pytest

import govfin
from govfin.errors import ArgumentTypeError, ArgumentValueError, GovfinError, NotFoundError

SRC = Path(__file__).resolve().parents[1] / "src" / "govfin"


def _module_name(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(("govfin", *parts))


MODULES = sorted(_module_name(p) for p in SRC.rglob("*.py") if p.name != "__main__.py")

#: Builtin exceptions a module must not raise bare (use a govfin subclass instead).
_BUILTINS = {"Exception", "ValueError", "TypeError", "KeyError", "LookupError", "RuntimeError",
             "IndexError"}

#: Bare raises that are right as they are: (file, exception) -> why.
_ALLOWED = {
    # PEP 562 module __getattr__ must raise AttributeError itself.
    ("__init__.py", "AttributeError"): "module attribute protocol",
    # Raised inside a cattrs hook and always re-raised as StructureError with its path.
    ("serialize.py", "ValueError"): "wrapped in StructureError",
}


@pytest.mark.parametrize("module", MODULES)
def test_every_exception_class_derives_from_the_root(module: str) -> None:
    mod = importlib.import_module(module)
    for name, obj in vars(mod).items():
        if (
            inspect.isclass(obj)
            and issubclass(obj, BaseException)
            and obj.__module__ == mod.__name__
        ):
            assert issubclass(obj, GovfinError), f"{module}.{name} does not derive from GovfinError"


def test_no_bare_builtin_raise() -> None:
    bad = []
    for path in sorted(SRC.rglob("*.py")):
        rel = path.relative_to(SRC).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Raise) or node.exc is None:
                continue
            exc = node.exc.func if isinstance(node.exc, ast.Call) else node.exc
            if isinstance(exc, ast.Name) and exc.id in _BUILTINS and (rel, exc.id) not in _ALLOWED:
                bad.append(f"{rel}:{node.lineno}: raise {exc.id}")
    assert not bad, "\n".join(bad)


def test_builtin_bases_are_kept() -> None:
    from govfin.amounts import AmountError
    from govfin.codes import CodeError, UnknownCodeError
    from govfin.readers import ReadError
    from govfin.rules.registry import RuleError

    assert issubclass(AmountError, ValueError)
    assert issubclass(CodeError, ValueError)
    assert issubclass(UnknownCodeError, LookupError)
    assert issubclass(ReadError, ValueError)
    assert issubclass(RuleError, LookupError)
    assert issubclass(ArgumentTypeError, TypeError)
    assert issubclass(ArgumentValueError, ValueError)
    assert issubclass(NotFoundError, KeyError)


def test_the_root_catches_real_failures() -> None:
    from govfin import amounts, codes, examples

    failures = [
        lambda: amounts.to_decimal(0.1),  # a float as money
        lambda: codes.lookup("2010350x"),  # a malformed code
        lambda: codes.lookup("2999999"),  # a code in no edition
        lambda: examples.load("no-such-example"),
        lambda: examples.load()["没有这张表"],
        lambda: govfin.read_text("", strict=True),
    ]
    for fail in failures:
        with pytest.raises(govfin.GovfinError):
            fail()


def test_not_found_message_is_not_quoted() -> None:
    assert str(NotFoundError("no row '合计'")) == "no row '合计'"
    assert str(NotFoundError("a", "b")) == "('a', 'b')"
