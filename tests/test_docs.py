"""The docs read where people read them: code inline and equal to its files, pages that are
pages, an API reference that covers every public name, and examples that run."""

from __future__ import annotations

import importlib
import importlib.util
import io
import json
import re
import sys
from contextlib import redirect_stdout
from pathlib import Path
from types import ModuleType

import pytest

from conftest import ROOT
from peelparse import Parser
from peelparse.testing import assert_lossless, assert_matches_golden, assert_round_trip

DOCS = ROOT / "docs"
EXAMPLE = ROOT / "plugins" / "example" / "peelparse-minutes"


def _script(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


sync_tutorial = _script("sync_tutorial")
docgen = _script("docgen")


# -- the tutorial holds the example plugin's files ---------------------------------------------


def test_the_tutorial_shows_its_code_inline() -> None:
    text = sync_tutorial.TUTORIAL.read_text("utf-8")
    assert "--8<--" not in text, "a snippet include shows as a bare marker on disk"
    shown = {match["path"] for match in sync_tutorial.blocks(text)}
    sources = {
        path.relative_to(ROOT).as_posix()
        for path in [*EXAMPLE.glob("peelparse_minutes/*.py"), *EXAMPLE.glob("*/*.lark")]
    }
    assert sources <= shown, f"files of the example the tutorial does not show: {sources - shown}"
    assert f"{EXAMPLE.relative_to(ROOT).as_posix()}/pyproject.toml" in shown


@pytest.mark.parametrize(
    "block",
    list(sync_tutorial.blocks(sync_tutorial.TUTORIAL.read_text("utf-8"))),
    ids=lambda m: m["path"].rsplit("/", 1)[-1],
)
def test_each_tutorial_block_is_its_file(block: re.Match[str]) -> None:
    shown = sync_tutorial.unindent(block["body"], block["indent"])
    # A file that does not end in a line break is shown with one.
    assert shown.rstrip("\n") == (ROOT / block["path"]).read_text("utf-8").rstrip("\n"), (
        f"the tutorial's copy of {block['path']} differs from the file: run "
        "python scripts/sync_tutorial.py"
    )


def test_syncing_the_tutorial_changes_nothing() -> None:
    text = sync_tutorial.TUTORIAL.read_text("utf-8")
    assert sync_tutorial.synced(text) == text


# -- the hook reference is a page on disk ------------------------------------------------------


def test_the_hook_reference_is_written_into_its_page() -> None:
    page = (DOCS / "plugins" / "hooks.md").read_text("utf-8")
    assert docgen.written(page) == page, (
        "docs/plugins/hooks.md differs from the hookspecs' docstrings: run "
        "python scripts/docgen.py --write docs/plugins/hooks.md"
    )
    for name in docgen.hook_names():
        assert f"## `{name}`" in page


# -- the API reference covers every public name ------------------------------------------------

PUBLIC_MODULES = [
    "peelparse",
    "peelparse.text",
    "peelparse.grammar",
    "peelparse.testing",
    "peelparse.seeds",
]


@pytest.mark.parametrize("module", PUBLIC_MODULES)
def test_the_api_reference_covers_every_public_name(module: str) -> None:
    page = (DOCS / "api.md").read_text("utf-8")
    documented = set(re.findall(r"^::: (\S+)$", page, re.MULTILINE))
    public = {f"{module}.{name}" for name in importlib.import_module(module).__all__}
    assert public <= documented, f"not in docs/api.md: {sorted(public - documented)}"


def test_mkdocs_builds_the_api_reference() -> None:
    mkdocs = (ROOT / "mkdocs.yml").read_text("utf-8")
    assert "mkdocstrings" in mkdocs and "api.md" in mkdocs
    extras = (ROOT / "pyproject.toml").read_text("utf-8")
    assert '"mkdocstrings[python]' in extras
    assert "mkdocs build --strict" in (ROOT / ".ci" / "run").read_text("utf-8")


@pytest.mark.parametrize("module", PUBLIC_MODULES)
def test_every_public_name_has_a_docstring_of_its_own(module: str) -> None:
    imported = importlib.import_module(module)
    borrowed = []
    for name in imported.__all__:
        value = getattr(imported, name)
        doc = getattr(value, "__doc__", None) or ""
        own = doc.strip() and not doc.startswith("Represent a PEP 604 union type")
        if (callable(value) or isinstance(value, type)) and not own:
            borrowed.append(name)
    assert not borrowed, f"public names with no docstring of their own: {borrowed}"


def test_the_type_aliases_are_documented_on_the_package() -> None:
    import peelparse

    doc = peelparse.__doc__ or ""
    for alias in ("Input", "Needs"):
        assert f"``{alias}``" in doc


# -- the minimal plugin runs as the page shows it ----------------------------------------------

MINIMAL = DOCS / "plugins" / "minimal.md"


def _python_blocks(page: Path) -> list[str]:
    return re.findall(r"```python[^\n]*\n(.*?)```", page.read_text("utf-8"), re.DOTALL)


@pytest.fixture(scope="module")
def notice_plugin(tmp_path_factory: pytest.TempPathFactory) -> ModuleType:
    folder = tmp_path_factory.mktemp("minimal")
    code = _python_blocks(MINIMAL)[0]
    assert len(code.splitlines()) <= 60, "the minimal plugin has grown past a page"
    (folder / "peelparse_notice.py").write_text(code, "utf-8")
    sys.path.insert(0, str(folder))
    try:
        return importlib.import_module("peelparse_notice")
    finally:
        sys.path.remove(str(folder))


def test_the_minimal_plugin_page_runs(notice_plugin: ModuleType) -> None:
    usage = _python_blocks(MINIMAL)[1]
    out = io.StringIO()
    with redirect_stdout(out):
        exec(compile(usage, str(MINIMAL), "exec"), {})
    assert out.getvalue().strip() == "meeting_notice Notice of meeting durham"


NOTICE = """Notice of meeting

Durham Police and Crime Panel
Tuesday 3 March 2020 at 1.30 pm, County Hall, Durham

Agenda

1. Apologies for absence
2. HMICFRS PEEL 2018/19 report on Durham Constabulary - report of the Commissioner
"""


def test_the_minimal_plugin_is_lossless(notice_plugin: ModuleType) -> None:
    from peelparse.testing import parser_with

    parser = parser_with(notice_plugin)
    notice = parser.parse_text(NOTICE)
    assert (notice.kind, notice.year) == ("meeting_notice", 2018)
    assert_lossless(notice, NOTICE)
    assert_round_trip(parser, notice)
    assert parser.parse_text("Dear Sir,\n\nNotice of meeting\n").kind != "meeting_notice"


@pytest.mark.parametrize(
    ("text", "score", "claimed"),
    [
        ("Notice of meeting\n", 0.6, True),
        ("Notice of meeting\nAgenda\n", 0.8, True),
        ("Agenda\n", 0.2, False),
        ("Dear Sir\nNotice of meeting\n", 0.2, False),
    ],
)
def test_the_detection_page_example_adds_up(
    notice_plugin: ModuleType, text: str, score: float, claimed: bool
) -> None:
    weighing = notice_plugin.SIGNS.weigh(text)
    assert weighing.score == score
    assert (weighing.detection() is not None) == claimed
    page = (DOCS / "plugins" / "detection.md").read_text("utf-8")
    assert f"| {score} |" in page


# -- the pages exist and are in the site -------------------------------------------------------


@pytest.mark.parametrize(
    "page", ["plugins/minimal.md", "plugins/detection.md", "plugins/records.md", "api.md"]
)
def test_the_page_is_in_the_site(page: str) -> None:
    assert (DOCS / page).is_file()
    assert page in (ROOT / "mkdocs.yml").read_text("utf-8")


def test_the_records_page_says_what_the_tables_leave_out() -> None:
    page = (DOCS / "plugins" / "records.md").read_text("utf-8")
    from peelparse._export import TABLES

    for table in TABLES:
        assert f"`{table.name}`" in page
    assert "never reach SQLite or CSV" in page


def test_the_detection_page_explains_minimum_group_and_needs() -> None:
    page = (DOCS / "plugins" / "detection.md").read_text("utf-8")
    for word in ("`minimum`", "`group`", "`needs`", "capped at 1.0"):
        assert word in page


# -- a golden file that is not there yet -------------------------------------------------------


def test_a_missing_golden_file_writes_a_candidate_and_says_what_to_do(
    parser: Parser, tmp_path: Path
) -> None:
    from conftest import SEEDS

    document = parser.parse(SEEDS[1])
    golden = tmp_path / "golden" / "release.json"
    with pytest.raises(AssertionError) as caught:
        assert_matches_golden(parser, document, golden)
    message = str(caught.value)
    candidate = tmp_path / "golden" / "release.candidate.json"
    assert str(candidate) in message
    assert "rename it to release.json" in message
    assert json.loads(candidate.read_text("utf-8")) == json.loads(parser.to_json(document))
    assert not golden.exists()
