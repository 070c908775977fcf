"""Every hook a plugin may implement is documented, in the reference, and tested.

Adding a hookspec to ``peelparse.hookspecs`` makes these tests fail until its docstring
names each parameter (``:param name: ...``), the hook reference page shows it, and a test
named ``test_hook_<name without peelparse_>...`` exists in tests/.
"""

from __future__ import annotations

import ast
import importlib.util
import inspect
from types import ModuleType

import pytest

from conftest import ROOT
from peelparse import hookspecs

TESTS = ROOT / "tests"
HOOKS_PAGE = ROOT / "docs" / "plugins" / "hooks.md"


def _docgen() -> ModuleType:
    spec = importlib.util.spec_from_file_location("docgen", ROOT / "scripts" / "docgen.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


docgen = _docgen()
HOOKS: list[str] = sorted(
    name
    for name, value in vars(hookspecs).items()
    if name.startswith("peelparse_") and callable(value)
)


def _test_names() -> set[str]:
    names: set[str] = set()
    for path in TESTS.rglob("test_*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"), str(path))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                names.add(node.name)
    return names


TEST_NAMES = _test_names()


def test_there_are_hooks() -> None:
    assert {"peelparse_register_kinds", "peelparse_detect", "peelparse_parse"} <= set(HOOKS)


def test_every_function_named_like_a_hook_is_a_hookspec() -> None:
    assert sorted(docgen.hook_names()) == HOOKS


@pytest.mark.parametrize("name", HOOKS)
def test_hookspec_docstring_names_every_parameter(name: str) -> None:
    spec = getattr(hookspecs, name)
    doc = inspect.getdoc(spec) or ""
    assert doc.strip(), f"{name} has no docstring; plugin authors read it as the hook's reference"
    missing = [p for p in inspect.signature(spec).parameters if f":param {p}:" not in doc]
    assert not missing, f"{name}'s docstring does not say ':param {missing[0]}: ...'"


@pytest.mark.parametrize("name", HOOKS)
def test_each_hook_is_in_the_generated_reference(name: str) -> None:
    reference = docgen.hooks_reference()
    assert f"## `{name}`" in reference, f"{name} is missing from the generated hook reference"
    first_line = (inspect.getdoc(getattr(hookspecs, name)) or "").splitlines()[0]
    assert docgen._rest_to_markdown(first_line) in reference


def test_the_reference_page_shows_the_generated_reference() -> None:
    assert "hooks" in list(docgen.markers(HOOKS_PAGE.read_text("utf-8")))
    mkdocs = (ROOT / "mkdocs.yml").read_text("utf-8")
    assert "scripts/docgen.py" in mkdocs and "plugins/hooks.md" in mkdocs


@pytest.mark.parametrize("name", HOOKS)
def test_each_hook_has_a_test(name: str) -> None:
    prefix = f"test_hook_{name.removeprefix('peelparse_')}"
    assert any(t.startswith(prefix) for t in TEST_NAMES), (
        f"no test in tests/ is named {prefix}...; add one (tests/test_hooks.py) that shows "
        f"what {name} does"
    )
